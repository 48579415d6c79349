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
 * changed nothing the result depends on).
 *
 * Input: key, digest[32], fault, then two bytes of bit position.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/crypto/rsa.h"
#include "fuzz.h"

#define NKEYS	2

static const char *const key_paths[NKEYS] = {
	"vectors/rfc/rfc8463-rsa-private.pem",
	"tests/data/crypto/rsa2048-pkcs8.pem",
};
static struct dk_key *keys[NKEYS];
static struct dk_pubkey pks[NKEYS];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct dk_rsa_priv *p;
	char buf[8192], err[256];
	size_t i, len;
	FILE *f;

	(void)argc;
	(void)argv;
	for (i = 0; i < NKEYS; i++) {
		if ((f = fopen(key_paths[i], "r")) == NULL) {
			fprintf(stderr, "%s: cannot open (run from the top)\n",
			    key_paths[i]);
			exit(2);
		}
		len = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		if (dk_key_parse(&keys[i], buf, len, err, sizeof(err)) !=
		    DK_OK) {
			fprintf(stderr, "%s: %s\n", key_paths[i], err);
			exit(2);
		}
		p = dk_key_rsa_priv(keys[i]);
		pks[i].type = DK_KEY_RSA;
		pks[i].bits = dk_key_bits(keys[i]);
		pks[i].nlen = p->nlen;
		dk_bn_encode(pks[i].n, p->nlen, p->n.m, p->n.k);
		pks[i].elen = 3;
		dk_bn_encode(pks[i].e, 3, &p->e, 1);
	}
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
	uint8_t want[DK_SIG_MAX], got[DK_SIG_MAX], zero[DK_SIG_MAX];
	size_t k;
	int rc;

	if (size < 1 + 32)
		return 0;
	k = data[0] % NKEYS;
	p = *dk_key_rsa_priv(keys[k]);
	if (size < 1 + 32 + 3) {
		DK_FUZZ_CHECK(dk_rsa_sign_ct(&p, data + 1, got) == 0);
		DK_FUZZ_CHECK(dk_rsa_sign_bearssl(keys[k], data + 1, want) ==
		    0);
		DK_FUZZ_CHECK(memcmp(want, got, p.nlen) == 0);
		return 0;
	}
	flip(&p, data[33], (unsigned int)data[34] << 8 | data[35]);
	rc = dk_rsa_sign_ct(&p, data + 1, got);
	memset(zero, 0, sizeof(zero));
	if (rc == -1)
		DK_FUZZ_CHECK(memcmp(got, zero, p.nlen) == 0);
	else
		DK_FUZZ_CHECK(rc == 0 && dk_rsa_verify_own(&pks[k],
		    DK_HASH_SHA256, data + 1, 32, got, p.nlen) == 1);
	return 0;
}
