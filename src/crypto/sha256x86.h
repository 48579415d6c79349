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
 * SHA-256 compression with the x86 SHA extensions, private to
 * src/crypto. Elsewhere dk_sha256x86_ok() says no and the portable
 * BearSSL path is used.
 */

#ifndef DK_SHA256X86_H
#define DK_SHA256X86_H

#include <stddef.h>
#include <stdint.h>

/* Nonzero when the CPU has SHA, SSSE3 and SSE4.1 (CPUID, asked once). */
int	dk_sha256x86_ok(void);
/*
 * Run nblocks 64-byte blocks of p through the SHA-256 compression
 * function (FIPS 180-4 §6.2.2), state H0..H7 in host order. Only after
 * dk_sha256x86_ok() said yes.
 */
void	dk_sha256x86_blocks(uint32_t state[8], const unsigned char *p,
	    size_t nblocks);

#endif /* DK_SHA256X86_H */
