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
 * The signing path. The signing domain is the From domain, else the
 * closest parent domain that has keys; every key of that domain gives a
 * signature, all in one pass (RSA and Ed25519 together). A message that
 * cannot be signed (no From, several, no key, or anything else the
 * engine refuses for good) passes on unsigned with a note in its log
 * line: mail is never lost, nor retried forever, for want of a
 * signature. Only running out of memory is worth a retry (451).
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "filter.h"
#include "log.h"

/* The domain itself, or its closest parent, with keys; NULL: none. */
static const char *
sign_domain(const struct config *c, const char *dom)
{
	size_t i;

	for (;;) {
		for (i = 0; i < c->nkeys; i++)
			if (strcmp(c->keys[i].domain, dom) == 0)
				return c->keys[i].domain;
		if ((dom = strchr(dom, '.')) == NULL)
			return NULL;
		dom++;
	}
}

static int
sign_pass(struct msg *m, const char *why, const char *arg)
{
	m->mode = MSG_PASS;
	(void)snprintf(m->note, sizeof(m->note), "not signed: %s%s", why,
	    arg);
	return -1;
}

static const struct dk_hfield *
sign_from(struct msg *m)
{
	const struct dk_hfield *from = NULL;
	size_t i, n = 0;

	for (i = 0; i < m->mh.nf; i++)
		if (dk_hfield_is(&m->mh.f[i], "From", 4)) {
			from = &m->mh.f[i];
			n++;
		}
	if (n == 0)
		(void)sign_pass(m, "no From field", "");
	else if (n > 1)	/* RFC 6376 §8.15: which From would a reader see? */
		(void)sign_pass(m, "several From fields", "");
	return n == 1 ? from : NULL;
}

/*
 * Start a signer for the header block in m->mh (eoh: it ended with an
 * empty line). Returns 0, or -1 when the message passes unsigned or
 * failed.
 */
int
dk_filter_sign_start(struct msg *m, int eoh)
{
	struct dk_sign_opts opts[DK_SIGNERS_MAX];
	const struct config *c = m->cfg;
	const struct dk_hfield *from;
	char dom[DK_DOMAIN_MAX + 1];
	size_t i;
	enum dk_status st;

	if ((from = sign_from(m)) == NULL)
		return -1;
	if (dk_filter_hdr_from_domain(from, dom, sizeof(dom)) == -1)
		return sign_pass(m, "no domain in From", "");
	if ((m->sdid = sign_domain(c, dom)) == NULL)
		return sign_pass(m, "no key for ", dom);
	for (i = 0; i < c->nkeys && m->nsig < DK_SIGNERS_MAX; i++) {
		if (strcmp(c->keys[i].domain, m->sdid) != 0)
			continue;
		dk_sign_opts_init(&opts[m->nsig], sizeof(opts[m->nsig]));
		opts[m->nsig].domain = m->sdid;
		opts[m->nsig].selector = c->keys[i].selector;
		opts[m->nsig].key = c->keys[i].key;
		opts[m->nsig].hcanon = c->hcanon;
		opts[m->nsig].bcanon = c->bcanon;
		opts[m->nsig].headers = (const char *const *)c->headers;
		opts[m->nsig].timestamp = c->fixed_time >= 0 ? c->fixed_time :
		    (int64_t)time(NULL);
		opts[m->nsig].expire_after = c->expire;
		m->nsig++;
	}
	if ((st = dk_signer_new(&m->signer, opts, m->nsig)) != DK_OK) {
		dk_filter_msg_engine_error(m, st, dk_status_str(st));
		return -1;
	}
	if ((st = dk_signer_write(m->signer, m->mh.buf, m->mh.len)) == DK_OK &&
	    eoh)
		st = dk_signer_write(m->signer, "\r\n", 2);
	if (st != DK_OK) {
		dk_filter_msg_engine_error(m, st, dk_signer_errmsg(m->signer));
		return -1;
	}
	return 0;
}

/* A message the engine cannot sign for good passes on unsigned. */
void
dk_filter_sign_finish(struct msg *m)
{
	enum dk_status st;

	if ((st = dk_signer_finish(m->signer)) != DK_OK)
		dk_filter_msg_engine_error(m, st, dk_signer_errmsg(m->signer));
}

/* "d=example.test s=rsa,ed" */
void
dk_filter_sign_log(const struct msg *m, char *buf, size_t len)
{
	const struct config *c = m->cfg;
	size_t i, n = 0, off;
	int w;

	w = snprintf(buf, len, "d=%s s=", m->sdid);
	off = w < 0 ? 0 : (size_t)w;
	for (i = 0; i < c->nkeys && off < len; i++) {
		if (strcmp(c->keys[i].domain, m->sdid) != 0 ||
		    n++ >= m->nsig)
			continue;
		w = snprintf(buf + off, len - off, "%s%s", n > 1 ? "," : "",
		    c->keys[i].selector);
		off += w < 0 ? 0 : (size_t)w;
	}
}
