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
 * Header field canonicalization (RFC 6376 §3.4.1, §3.4.2). Output is
 * gathered in a stack buffer so that a usual field, with its CRLF, reaches
 * the sink in one call.
 */

#include <stddef.h>
#include <string.h>

#include "canon.h"

/*
 * Output gathered before a sink call. RFC 5322 §2.1.1 caps a line at 998
 * octets plus CRLF, and most fields are one short line; longer (folded)
 * fields simply take more calls.
 */
#define HBUF_LEN	1024

struct hbuf {
	dk_sink_fn	*sink;
	void		*arg;
	size_t		 n;
	char		 b[HBUF_LEN];
};

static void
hbuf_flush(struct hbuf *hb)
{
	if (hb->n > 0)
		hb->sink(hb->arg, hb->b, hb->n);
	hb->n = 0;
}

static void
hbuf_put(struct hbuf *hb, char c)
{
	if (hb->n == HBUF_LEN)
		hbuf_flush(hb);
	hb->b[hb->n++] = c;
}

/* A span too big to gather goes to the sink straight from the caller. */
static void
hbuf_write(struct hbuf *hb, const char *p, size_t len)
{
	if (len > HBUF_LEN - hb->n) {
		hbuf_flush(hb);
		if (len >= HBUF_LEN) {
			hb->sink(hb->arg, p, len);
			return;
		}
	}
	memcpy(hb->b + hb->n, p, len);
	hb->n += len;
}

/* ASCII only: field names are printable US-ASCII (RFC 5322 §2.2). */
static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * RFC 6376 §3.4.2: lowercase the name; unfold (delete every CRLF); turn
 * each WSP run into one SP; delete WSP at the end of the value and
 * before and after the colon. The name ends at the first colon; a field
 * without one is all name.
 */
static void
relaxed(struct hbuf *hb, const char *p, size_t len)
{
	const char *end = p + len;
	int in_name = 1, wsp = 0, after_colon = 0;
	char c;

	while (p < end) {
		c = *p++;
		if (c == '\r' && p < end && *p == '\n') {
			p++;
			continue;
		}
		if (c == ' ' || c == '\t') {
			wsp = 1;
			continue;
		}
		if (in_name && c == ':') {
			hbuf_put(hb, ':');
			in_name = wsp = 0;
			after_colon = 1;
			continue;
		}
		if (wsp && !after_colon)
			hbuf_put(hb, ' ');
		wsp = after_colon = 0;
		hbuf_put(hb, in_name ? lower(c) : c);
	}
}

void
dk_canon_header(enum dk_canon mode, const char *field, size_t len,
    int crlf, dk_sink_fn *sink, void *arg)
{
	struct hbuf hb;

	hb.sink = sink;
	hb.arg = arg;
	hb.n = 0;
	/* RFC 6376 §3.4.1: simple is the field as it is; DEFAULT is relaxed */
	if (mode == DK_CANON_SIMPLE)
		hbuf_write(&hb, field, len);
	else
		relaxed(&hb, field, len);
	if (crlf)
		hbuf_write(&hb, "\r\n", 2);
	hbuf_flush(&hb);
}
