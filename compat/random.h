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
 * Random bytes for DNS query IDs (RFC 5452 §4.3: IDs must be hard to
 * guess). arc4random_buf(3) where the C library has it (the BSDs, macOS,
 * glibc 2.36 and later), else getrandom(2). See compat/NOTES.
 */

#ifndef DK_COMPAT_RANDOM_H
#define DK_COMPAT_RANDOM_H

#include <stddef.h>

/* Fill buf[0..len) with random bytes. Never fails. */
void	dk_compat_random_buf(void *buf, size_t len);

#endif /* DK_COMPAT_RANDOM_H */
