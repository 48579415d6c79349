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
 * The size rule of the public options structs (dkimkit.h): a struct is
 * read only as far as the size its caller was built with.
 */

#include <string.h>

#include "dns.h"

/* see dns.h */
void
dk_opts_init(void *o, size_t size, const void *defaults, size_t full)
{
	if (o == NULL || size < sizeof(size_t))
		return;		/* nothing to fill, not even the size */
	memcpy(o, defaults, size < full ? size : full);
	if (size > full)
		memset((char *)o + full, 0, size - full);
	memcpy(o, &size, sizeof(size));
}

/* see dns.h */
int
dk_opts_take(void *dst, size_t full, const void *src, size_t min)
{
	size_t size;

	memcpy(&size, src, sizeof(size));
	if (size < min || size > full)
		return -1;
	memcpy(dst, src, size);
	memcpy(dst, &full, sizeof(full));
	return 0;
}
