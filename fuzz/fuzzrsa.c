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


#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzzrsa.h"

/*
 * 512: n and the primes fill their limbs exactly; 520 and 776: n one
 * byte past a limb, primes of 260 and 388 bits; 3 as e scans the
 * fewest exponent bits; 1024: the smallest size RFC 8301 signs with.
 */
static const struct {
	unsigned int	bits;
	uint32_t	e;
} sizes[DK_FUZZ_NRSA] = {
	{ 512, 3 }, { 520, 65537 }, { 776, 65537 }, { 1024, 3 },
	{ 1024, 65537 }
};

struct dk_fuzz_rsa dk_fuzz_rsa_keys[DK_FUZZ_NRSA];

/* b without its leading zero bytes, as key.c hands parts over. */
static struct dk_bytes
minimal(const uint8_t *p, size_t len)
{
	while (len > 0 && p[0] == 0) {
		p++;
		len--;
	}
	return (struct dk_bytes){ p, len };
}

static void
make(struct dk_fuzz_rsa *k, br_hmac_drbg_context *drbg, unsigned int bits,
    uint32_t e)
{
	struct dk_bytes part[DK_RSA_NPARTS];
	br_rsa_public_key pk;
	const br_rsa_private_key *sk = &k->sk;

	DK_FUZZ_CHECK(br_rsa_keygen_get_default()(&drbg->vtable, &k->sk,
	    k->kpriv, &pk, k->kpub, bits, e) == 1);
	memset(&k->pub, 0, sizeof(k->pub));
	k->pub.type = DK_KEY_RSA;
	k->pub.bits = bits;
	part[DK_RSA_N] = minimal(pk.n, pk.nlen);
	part[DK_RSA_E] = minimal(pk.e, pk.elen);
	k->pub.nlen = part[DK_RSA_N].len;
	k->pub.elen = part[DK_RSA_E].len;
	memcpy(k->pub.n, part[DK_RSA_N].p, k->pub.nlen);
	memcpy(k->pub.e, part[DK_RSA_E].p, k->pub.elen);
	/* dk_rsa_priv_init() has no use for d */
	part[DK_RSA_D] = (struct dk_bytes){ NULL, 0 };
	part[DK_RSA_P] = minimal(sk->p, sk->plen);
	part[DK_RSA_Q] = minimal(sk->q, sk->qlen);
	part[DK_RSA_DP] = minimal(sk->dp, sk->dplen);
	part[DK_RSA_DQ] = minimal(sk->dq, sk->dqlen);
	part[DK_RSA_IQ] = minimal(sk->iq, sk->iqlen);
	DK_FUZZ_CHECK(dk_rsa_priv_init(&k->priv, part) == 0);
}

void
dk_fuzz_rsa_init(void)
{
	static const char seed[] = "dkimkit fuzz RSA keys";
	br_hmac_drbg_context drbg;
	size_t i;

	br_hmac_drbg_init(&drbg, &br_sha256_vtable, seed, sizeof(seed) - 1);
	for (i = 0; i < DK_FUZZ_NRSA; i++)
		make(&dk_fuzz_rsa_keys[i], &drbg, sizes[i].bits, sizes[i].e);
}

int
dk_fuzz_rsa_sign_bearssl(const struct dk_fuzz_rsa *k,
    const uint8_t digest[32], uint8_t *sig)
{
	return br_rsa_pkcs1_sign_get_default()(BR_HASH_OID_SHA256, digest, 32,
	    &k->sk, sig);
}
