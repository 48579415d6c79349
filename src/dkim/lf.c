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
 */

#include "dkim.h"

/* see dkim.h */
enum dk_status
dk_lf_write(struct dk_lf *lf, const char *buf, size_t len,
    enum dk_status (*fn)(void *, const char *, size_t), void *arg)
{
	size_t i, start = 0;
	int cr;
	enum dk_status st;

	for (i = 0; i < len; i++) {
		if (buf[i] != '\n')
			continue;
		cr = i > 0 ? buf[i - 1] == '\r' : lf->cr;
		if (cr)
			continue;
		if ((i > start && (st = fn(arg, buf + start, i - start)) !=
		    DK_OK) || (st = fn(arg, "\r\n", 2)) != DK_OK)
			return st;
		start = i + 1;
	}
	if (len > 0)
		lf->cr = buf[len - 1] == '\r';
	return start < len ? fn(arg, buf + start, len - start) : DK_OK;
}
