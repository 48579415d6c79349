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

#include <stdlib.h>
#include <string.h>

#include "dkim.h"

/* see dkim.h */
enum dk_status
dk_hhash(struct dk_hash *h, enum dk_canon mode,
    const struct dk_hfield *const *sel, size_t nsel,
    const char *sigfield, size_t siglen, size_t b_off, size_t b_len)
{
	char *joined;
	size_t i;

	if (b_off > siglen || b_len > siglen - b_off)
		return DK_EINVAL;
	for (i = 0; i < nsel; i++)
		if (sel[i] != NULL)
			dk_canon_header(mode, sel[i]->text, sel[i]->len, 1,
			    dk_hash_sink, h);
	/*
	 * RFC 6376 §3.7: the signature field itself comes last, with the
	 * value of b= (and the whitespace around it) deleted, and without
	 * its final CRLF. The two pieces are joined before canonicalizing:
	 * only a whole field has a name to lowercase.
	 */
	if ((joined = malloc(siglen - b_len + 1)) == NULL)
		return DK_ENOMEM;
	memcpy(joined, sigfield, b_off);
	memcpy(joined + b_off, sigfield + b_off + b_len,
	    siglen - b_off - b_len);
	dk_canon_header(mode, joined, siglen - b_len, 0, dk_hash_sink, h);
	free(joined);
	return DK_OK;
}
