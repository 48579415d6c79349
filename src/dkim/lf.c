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
 * Bare LF to CRLF, for callers whose mail has Unix line endings. A CR
 * at the end of one chunk still pairs with an LF at the start of the
 * next.
 *
 * Lines are copied into a buffer with their CRs added, and the buffer
 * goes out when full: one call per LF_BUF bytes, where a call per line
 * and one more per "\r\n" would cost every canonicalizer and hash an
 * entry each. A line longer than the buffer goes out as it is.
 */

#include <string.h>

#include "dkim.h"

#define LF_BUF	4096	/* on the stack; well above a mail line (998) */

/* see dkim.h */
enum dk_status
dk_lf_write(struct dk_lf *lf, const char *buf, size_t len,
    enum dk_status (*fn)(void *, const char *, size_t), void *arg)
{
	char out[LF_BUF];
	const char *nl;
	size_t i, n, o = 0;
	int bare;
	enum dk_status st;

	if (!lf->on)
		return fn(arg, buf, len);
	for (i = 0; i < len; i += n) {
		/* one line, or the rest of buf: n bytes, bare when LF only */
		nl = memchr(buf + i, '\n', len - i);
		n = nl != NULL ? (size_t)(nl - buf) - i + 1 : len - i;
		bare = nl != NULL && (nl > buf ? nl[-1] != '\r' : !lf->cr);
		if (n + (size_t)bare > sizeof(out) - o) {
			if (o > 0 && (st = fn(arg, out, o)) != DK_OK)
				return st;
			o = 0;
		}
		if (n + (size_t)bare > sizeof(out)) {
			st = fn(arg, buf + i, n - (size_t)bare);
			if (st != DK_OK ||
			    (bare && (st = fn(arg, "\r\n", 2)) != DK_OK))
				return st;
			continue;
		}
		memcpy(out + o, buf + i, n - (size_t)bare);
		o += n - (size_t)bare;
		if (bare) {
			memcpy(out + o, "\r\n", 2);
			o += 2;
		}
	}
	if (len > 0)
		lf->cr = buf[len - 1] == '\r';
	return o > 0 ? fn(arg, out, o) : DK_OK;
}
