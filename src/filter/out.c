/*
 * Copyright (c) 2026 The dkimkit developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

/*
 * Every line we send to smtpd is formatted here, and nowhere else: smtpd
 * exits (taking every session with it) when a filter writes a line it
 * cannot parse (VERSIONS.md, "What smtpd does with a malformed line").
 *
 *	register|report|smtp-in|EVENT
 *	register|filter|smtp-in|PHASE
 *	register|ready
 *	filter-result|SESSION|TOKEN|DECISION	(0.4: TOKEN|SESSION)
 *	filter-dataline|SESSION|TOKEN|DATA	(0.4: TOKEN|SESSION)
 *
 * Lines are buffered and written in large blocks (a line at a time costs
 * filter-dkimsign most of its CPU time in the kernel); main.c flushes
 * before it waits for input, so smtpd never waits for a buffered answer.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "filter.h"
#include "../policy/log.h"

#define OUT_FLUSH	(256 * 1024)	/* write once this much is held */

void
dk_filter_out_init(struct out *o, int fd)
{
	memset(o, 0, sizeof(*o));
	o->fd = fd;
}

void
dk_filter_out_free(struct out *o)
{
	free(o->buf);
	o->buf = NULL;
	o->len = o->cap = 0;
}

/*
 * Write everything held. Returns 0, or -1 when smtpd has gone (EPIPE):
 * the caller then exits quietly.
 */
int
dk_filter_out_flush(struct out *o)
{
	size_t off = 0;
	ssize_t n;

	while (off < o->len) {
		if ((n = write(o->fd, o->buf + off, o->len - off)) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			if (errno == EPIPE)
				return -1;
			fatal("write to smtpd");
		}
		off += (size_t)n;
	}
	o->len = 0;
	return 0;
}

static void
out_reserve(struct out *o, size_t n)
{
	char *nb;
	size_t ncap;

	if (o->cap - o->len >= n)
		return;
	ncap = o->cap ? o->cap : OUT_FLUSH;
	while (ncap - o->len < n)
		ncap *= 2;
	if ((nb = realloc(o->buf, ncap)) == NULL)
		fatal("output buffer");
	o->buf = nb;
	o->cap = ncap;
}

/*
 * The one place a line is put together: head, then tail[0..taillen),
 * then the newline. A newline inside tail would start a line smtpd
 * cannot parse, so tail stops at the first one (none of our callers
 * passes one: data-lines come split on newlines, and our fields are
 * split on CRLF).
 */
static void
out_line(struct out *o, const char *head, const char *tail, size_t taillen)
{
	const char *nl;
	size_t hlen = strlen(head);

	if ((nl = memchr(tail, '\n', taillen)) != NULL) {
		log_warnx("internal error: newline in an answer, cut");
		taillen = (size_t)(nl - tail);
	}
	out_reserve(o, hlen + taillen + 1);
	memcpy(o->buf + o->len, head, hlen);
	memcpy(o->buf + o->len + hlen, tail, taillen);
	o->len += hlen + taillen;
	o->buf[o->len++] = '\n';
	if (o->len >= OUT_FLUSH && dk_filter_out_flush(o) == -1)
		exit(0);	/* smtpd has gone: nobody to answer */
}

void
dk_filter_out_register(struct filter *f, const char *kind, const char *name)
{
	char head[FILTER_HEAD_MAX];

	(void)snprintf(head, sizeof(head), "register|%s|smtp-in|", kind);
	out_line(&f->out, head, name, strlen(name));
}

void
dk_filter_out_ready(struct filter *f)
{
	out_line(&f->out, "register|ready", "", 0);
}

/* "TYPE|SESSION|TOKEN|" in the order of the protocol version */
static void
out_head(const struct filter *f, char *head, const char *type, uint64_t sid,
    const char *token)
{
	char s[FILTER_ID_LEN + 1];
	int tfirst = dk_filter_proto_token_first(f->version);

	(void)snprintf(s, sizeof(s), "%016" PRIx64, sid);
	(void)snprintf(head, FILTER_HEAD_MAX, "%s|%s|%s|", type,
	    tfirst ? token : s, tfirst ? s : token);
}

/*
 * smtpd accepts "proceed", or "reject|" with a reply it checks as
 * "[45]NN text" (valid_smtp_response()); anything else kills it.
 */
static int
decision_ok(const char *d)
{
	if (strcmp(d, "proceed") == 0)
		return 1;
	return strncmp(d, "reject|", 7) == 0 && (d[7] == '4' ||
	    d[7] == '5') && d[8] >= '0' && d[8] <= '9' && d[9] >= '0' &&
	    d[9] <= '9' && d[10] == ' ' && d[11] != '\0' &&
	    strchr(d, '\n') == NULL;
}

void
dk_filter_out_result(struct filter *f, uint64_t sid, const char *token,
    const char *decision)
{
	char head[FILTER_HEAD_MAX];

	if (!decision_ok(decision)) {
		log_warnx("internal error: bad decision, tempfailing");
		decision = "reject|451 4.7.0 Internal error";
	}
	out_head(f, head, "filter-result", sid, token);
	out_line(&f->out, head, decision, strlen(decision));
}

void
dk_filter_out_dataline(struct filter *f, uint64_t sid, const char *token,
    const char *data, size_t len)
{
	struct out *o = &f->out;

	if (o->dhead[0] == '\0' || o->dsid != sid || o->dversion !=
	    f->version || strcmp(o->dtoken, token) != 0) {
		out_head(f, o->dhead, "filter-dataline", sid, token);
		o->dsid = sid;
		o->dversion = f->version;
		(void)snprintf(o->dtoken, sizeof(o->dtoken), "%s", token);
	}
	out_line(o, o->dhead, data, len);
}
