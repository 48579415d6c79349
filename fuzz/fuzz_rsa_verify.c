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
 * equal; an untouched signature verifies.
 *
 * Input: mode, key, elen, e[8], then the rest. mode & 3: 0 the good
 * signature with the rest XORed over its front; 1 the rest as the
 * signature; 2 the good signature cut or stretched by up to 8 bytes;
 * 3 n from the rest (two length bytes, n, then the signature). mode & 4
 * verifies as SHA-1. elen < 9 replaces e with e[0..elen).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/crypto/rsa.h"
#include "fuzz.h"

#define HEAD		11	/* mode, key, elen, e[8] */
#define NKEYS		3

static const char *const key_paths[NKEYS] = {
	"vectors/rfc/rfc8463-rsa-private.pem",
	"tests/data/crypto/rsa2048-pkcs8.pem",
	"tests/data/crypto/rsa4096-pkcs8.pem",
};
static struct dk_pubkey pks[NKEYS];
static uint8_t good[NKEYS][DK_SIG_MAX];
static uint8_t digest[32];

static void
load(size_t i)
{
	struct dk_rsa_priv *p;
	struct dk_key *key;
	char buf[8192], err[256];
	size_t len, siglen;
	FILE *f;

	if ((f = fopen(key_paths[i], "r")) == NULL) {
		fprintf(stderr, "%s: cannot open (run from the top)\n",
		    key_paths[i]);
		exit(2);
	}
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	if (dk_key_parse(&key, buf, len, err, sizeof(err)) != DK_OK) {
		fprintf(stderr, "%s: %s\n", key_paths[i], err);
		exit(2);
	}
	p = dk_key_rsa_priv(key);
	memset(&pks[i], 0, sizeof(pks[i]));
	pks[i].type = DK_KEY_RSA;
	pks[i].bits = dk_key_bits(key);
	pks[i].nlen = p->nlen;
	dk_bn_encode(pks[i].n, p->nlen, p->n.m, p->n.k);
	pks[i].elen = 3;
	dk_bn_encode(pks[i].e, 3, &p->e, 1);
	DK_FUZZ_CHECK(dk_key_sign(key, digest, good[i], &siglen) == 0);
	dk_key_free(key);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	memset(digest, 0xa7, sizeof(digest));
	for (i = 0; i < NKEYS; i++)
		load(i);
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
	k = data[1] % NKEYS;
	pk = pks[k];
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
	own = dk_rsa_verify_own(&pk, alg, digest, alg == DK_HASH_SHA1 ? 20 :
	    32, sig, siglen);
	br = dk_rsa_verify_bearssl(&pk, alg, digest, alg == DK_HASH_SHA1 ?
	    20 : 32, sig, siglen);
	DK_FUZZ_CHECK(own == 0 || own == 1);
	DK_FUZZ_CHECK(own == br);
	if (untouched)
		DK_FUZZ_CHECK(own == 1);
	return 0;
}
