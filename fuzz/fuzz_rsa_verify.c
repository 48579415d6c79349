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
 * Fuzz RSA verification: our own (rsa.c) against BearSSL's (rsabr.c)
 * on signatures changed, cut, stretched or made up, exponents changed,
 * and moduli taken from the input. Checks: both verdicts are 0 or 1 and
 * equal; an untouched signature verifies. Keys of 512 to 1024 bits
 * (fuzzrsa.h) keep a run cheap; moduli from the input go up to
 * DK_RSA_MAX_BITS.
 *
 * Input: mode, key, elen, e[8], then the rest. mode & 3: 0 the good
 * signature with the rest XORed over its front; 1 the rest as the
 * signature; 2 the good signature cut or stretched by up to 8 bytes;
 * 3 n from the rest (two length bytes, n, then the signature). mode & 4
 * verifies as SHA-1. mode & 8 takes the radix 2^64 kernel even on
 * IFMA. elen < 9 replaces e with e[0..elen).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzzrsa.h"

#define HEAD		11	/* mode, key, elen, e[8] */
#define MODE_NO_IFMA	0x08

static uint8_t good[DK_FUZZ_NRSA][DK_SIG_MAX];
static uint8_t digest[32];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	dk_fuzz_rsa_init();
	memset(digest, 0xa7, sizeof(digest));
	for (i = 0; i < DK_FUZZ_NRSA; i++)
		DK_FUZZ_CHECK(dk_fuzz_rsa_sign_bearssl(&dk_fuzz_rsa_keys[i],
		    digest, good[i]) == 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dk_pubkey pk;
	uint8_t sig[DK_SIG_MAX + 16];
	const uint8_t *rest;
	size_t nrest, siglen, i, k;
	enum dk_hash_alg alg;
	int own, br, untouched = 0;

	if (size < HEAD)
		return 0;
	k = data[1] % DK_FUZZ_NRSA;
	pk = dk_fuzz_rsa_keys[k].pub;
	rest = data + HEAD;
	nrest = size - HEAD;
	siglen = pk.nlen;
	memcpy(sig, good[k], siglen);
	switch (data[0] & 3) {
	case 0:
		for (i = 0; i < nrest && i < siglen; i++)
			sig[i] ^= rest[i];
		untouched = nrest == 0;
		break;
	case 1:
		siglen = nrest < sizeof(sig) ? nrest : sizeof(sig);
		memcpy(sig, rest, siglen);
		break;
	case 2:
		siglen = siglen + (data[2] % 17) - 8;
		memset(sig + pk.nlen, 0, sizeof(sig) - pk.nlen);
		break;
	default:
		if (nrest < 2)
			return 0;
		pk.nlen = ((size_t)rest[0] << 8 | rest[1]) % (sizeof(pk.n) + 1);
		if (nrest - 2 < pk.nlen)
			return 0;
		memset(pk.n, 0, sizeof(pk.n));
		memcpy(pk.n, rest + 2, pk.nlen);
		siglen = nrest - 2 - pk.nlen;
		if (siglen > sizeof(sig))
			siglen = sizeof(sig);
		memcpy(sig, rest + 2 + pk.nlen, siglen);
		break;
	}
	if (data[2] < 9) {
		pk.elen = data[2];
		memcpy(pk.e, data + 3, pk.elen);
		untouched = 0;
	}
	alg = data[0] & 4 ? DK_HASH_SHA1 : DK_HASH_SHA256;
	if (alg == DK_HASH_SHA1)
		untouched = 0;
	own = dk_rsa_verify_kernel(&pk, alg, digest, alg == DK_HASH_SHA1 ?
	    20 : 32, sig, siglen, !(data[0] & MODE_NO_IFMA) &&
	    dk_bn_ifma_ok());
	br = dk_rsa_verify_bearssl(&pk, alg, digest, alg == DK_HASH_SHA1 ?
	    20 : 32, sig, siglen);
	DK_FUZZ_CHECK(own == 0 || own == 1);
	DK_FUZZ_CHECK(own == br);
	if (untouched)
		DK_FUZZ_CHECK(own == 1);
	return 0;
}
