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
 * see random.h. arc4random_buf(3) cannot fail. getrandom(2) can be cut
 * short by a signal (or return fewer bytes than asked for larger
 * requests), so it is called until the buffer is full; it blocks only
 * until the kernel's pool is first seeded, long before a mail server runs.
 */

#if defined(__GLIBC__)
#include <features.h>
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(__OpenBSD__) || defined(__FreeBSD__) || defined(__NetBSD__) || \
    defined(__DragonFly__) || defined(__APPLE__) || \
    (defined(__GLIBC__) && __GLIBC_PREREQ(2, 36))
#define HAVE_ARC4RANDOM_BUF	1
#else
#include <errno.h>
#include <sys/random.h>
#endif

#include "random.h"

#ifdef HAVE_ARC4RANDOM_BUF
void
dk_compat_random_buf(void *buf, size_t len)
{
	arc4random_buf(buf, len);
}
#else
void
dk_compat_random_buf(void *buf, size_t len)
{
	uint8_t *p = buf;
	ssize_t n;

	while (len > 0) {
		if ((n = getrandom(p, len, 0)) == -1) {
			/* EINTR: retry; anything else means no kernel support */
			if (errno == EINTR)
				continue;
			abort();
		}
		p += n;
		len -= (size_t)n;
	}
}
#endif
