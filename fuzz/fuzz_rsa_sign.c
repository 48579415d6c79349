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
 * Fuzz RSA signing: our own constant-time code (rsa.c) against BearSSL
 * on digests from the input, and with one bit of a secret value (dp,
 * dq, iq, or a Montgomery constant of p or q) flipped, as a fault would.
 * Checks: without a fault, the bytes equal BearSSL's; with one, either
 * -1 and a signature of zeros, or a signature that verifies (the flip
 * changed nothing the result depends on). This covers the CRT, the
 * windowed exponentiation, the check with the public key after signing
 * and its fault path, on both exponentiation kernels (radix 2^52 on
 * IFMA, radix 2^64) and both multipliers (mulx, portable), with keys of
 * 512 to 1024 bits (fuzzrsa.h), so that a run costs well under a
 * millisecond under the sanitizers.
 *
 * Input: a mode byte (bits 0-2: the key; bit 3: the radix 2^64 kernel
 * even on IFMA; bit 4: the portable multiplier even with mulx),
 * digest[32], then an optional fault: what to flip, then two bytes of
 * bit position.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzzrsa.h"

#define MODE_NO_IFMA	0x08
#define MODE_NO_ADX	0x10

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	dk_fuzz_rsa_init();
	return 0;
}

/* One bit of a secret value, chosen by the input. */
static void
flip(struct dk_rsa_priv *p, unsigned int what, unsigned int bit)
{
	uint64_t *v;
	size_t limbs;

	switch (what % 6) {
	case 0:
		v = p->dp, limbs = p->p.k;
		break;
	case 1:
		v = p->dq, limbs = p->q.k;
		break;
	case 2:
		v = p->iq, limbs = p->p.k;
		break;
	case 3:
		v = p->p.rr, limbs = p->p.k;
		break;
	case 4:
		v = p->q.one, limbs = p->q.k;
		break;
	default:
		v = &p->q.m0i, limbs = 1;
		break;
	}
	bit %= 64 * limbs;
	v[bit / 64] ^= (uint64_t)1 << (bit % 64);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dk_rsa_priv p;
	const struct dk_fuzz_rsa *k;
	uint8_t want[DK_SIG_MAX], got[DK_SIG_MAX], zero[DK_SIG_MAX];
	int rc;

	if (size < 1 + 32)
		return 0;
	k = &dk_fuzz_rsa_keys[(data[0] & 7) % DK_FUZZ_NRSA];
	p = k->priv;
	if (data[0] & MODE_NO_IFMA)
		p.ifma = 0;
	if (data[0] & MODE_NO_ADX)
		p.n.adx = p.p.adx = p.q.adx = 0;
	if (size < 1 + 32 + 3) {
		DK_FUZZ_CHECK(dk_rsa_sign_ct(&p, data + 1, got) == 0);
		DK_FUZZ_CHECK(dk_fuzz_rsa_sign_bearssl(k, data + 1, want) ==
		    1);
		DK_FUZZ_CHECK(memcmp(want, got, p.nlen) == 0);
		return 0;
	}
	flip(&p, data[33], (unsigned int)data[34] << 8 | data[35]);
	rc = dk_rsa_sign_ct(&p, data + 1, got);
	memset(zero, 0, sizeof(zero));
	if (rc == -1)
		DK_FUZZ_CHECK(memcmp(got, zero, p.nlen) == 0);
	else
		DK_FUZZ_CHECK(rc == 0 && dk_rsa_verify_own(&k->pub,
		    DK_HASH_SHA256, data + 1, 32, got, p.nlen) == 1);
	return 0;
}
