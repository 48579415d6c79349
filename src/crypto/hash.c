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
 * SHA-256 and SHA-1 behind struct dk_hash. BearSSL's contexts hold no
 * pointer into themselves (only one to a static vtable), so copying a
 * struct dk_hash forks the hash state, as the signer does to share one
 * body hash between several signatures.
 *
 * Where the CPU has SHA instructions, SHA-256 blocks go through them
 * (sha256x86.c) instead of BearSSL's compression function. The context
 * stays BearSSL's own: its public fields are the pending bytes (buf),
 * the byte count and the state H0..H7 (val), kept exactly as
 * br_sha256_update() keeps them, so br_sha256_out() still pads and
 * finishes.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <bearssl.h>

#include "crypto.h"
#include "sha256x86.h"

_Static_assert(sizeof(br_sha256_context) <=
    sizeof(((struct dk_hash *)0)->state), "br_sha256_context too large");
_Static_assert(sizeof(br_sha1_context) <=
    sizeof(((struct dk_hash *)0)->state), "br_sha1_context too large");
_Static_assert(_Alignof(br_sha256_context) <= _Alignof(uint64_t) &&
    _Alignof(br_sha1_context) <= _Alignof(uint64_t),
    "BearSSL hash context needs a stricter alignment");

void
dk_hash_init(struct dk_hash *h, enum dk_hash_alg alg)
{
	h->alg = alg;
	h->accel = alg == DK_HASH_SHA256 && dk_sha256x86_ok();
	if (alg == DK_HASH_SHA1)
		br_sha1_init((br_sha1_context *)(void *)h->state);
	else
		br_sha256_init((br_sha256_context *)(void *)h->state);
}

static void
sha256_update_accel(br_sha256_context *cc, const unsigned char *p,
    size_t len)
{
	size_t pending = (size_t)cc->count & 63, n;

	cc->count += len;
	if (pending != 0) {
		n = 64 - pending < len ? 64 - pending : len;
		memcpy(cc->buf + pending, p, n);
		if (pending + n < 64)
			return;
		dk_sha256x86_blocks(cc->val, cc->buf, 1);
		p += n;
		len -= n;
	}
	if (len >= 64) {
		dk_sha256x86_blocks(cc->val, p, len / 64);
		p += len & ~(size_t)63;
		len &= 63;
	}
	memcpy(cc->buf, p, len);
}

void
dk_hash_update(struct dk_hash *h, const void *buf, size_t len)
{
	if (h->accel)
		sha256_update_accel((br_sha256_context *)(void *)h->state,
		    buf, len);
	else if (h->alg == DK_HASH_SHA1)
		br_sha1_update((br_sha1_context *)(void *)h->state, buf, len);
	else
		br_sha256_update((br_sha256_context *)(void *)h->state, buf,
		    len);
}

/*
 * br_sha256_out() on the SHA instructions: the padding of FIPS 180-4
 * §5.1.1 (0x80, zeros, the bit count big-endian) ends the last one or
 * two blocks. The context is left as it was, as BearSSL leaves it.
 */
static void
sha256_out_accel(const br_sha256_context *cc, uint8_t out[32])
{
	unsigned char last[128];
	uint32_t val[8];
	uint64_t bits = cc->count << 3;
	size_t pending = (size_t)cc->count & 63, n, i;

	n = pending < 56 ? 64 : 128;
	memcpy(last, cc->buf, pending);
	last[pending] = 0x80;
	memset(last + pending + 1, 0, n - pending - 1);
	for (i = 0; i < 8; i++)
		last[n - 1 - i] = (unsigned char)(bits >> (8 * i));
	memcpy(val, cc->val, sizeof(val));
	dk_sha256x86_blocks(val, last, n / 64);
	for (i = 0; i < 32; i++)
		out[i] = (uint8_t)(val[i / 4] >> (24 - 8 * (i % 4)));
}

/* br_sha*_out() leave the context as it was, so hashing can go on. */
size_t
dk_hash_out(const struct dk_hash *h, uint8_t out[DK_DIGEST_MAX])
{
	if (h->accel) {
		sha256_out_accel((const br_sha256_context *)(const void *)
		    h->state, out);
		return br_sha256_SIZE;
	}
	if (h->alg == DK_HASH_SHA1) {
		br_sha1_out((const br_sha1_context *)(const void *)h->state,
		    out);
		return br_sha1_SIZE;
	}
	br_sha256_out((const br_sha256_context *)(const void *)h->state, out);
	return br_sha256_SIZE;
}

void
dk_hash_sink(void *arg, const void *buf, size_t len)
{
	dk_hash_update(arg, buf, len);
}
