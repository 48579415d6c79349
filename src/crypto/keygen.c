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
 * Key generation. This is the one place that calls sodium_init(): its
 * random generator must be set up before crypto_sign_keypair() or
 * randombytes_buf() are thread-safe, and sodium_init() itself is safe
 * to call from several threads.
 */

#include <stddef.h>
#include <stdint.h>

#include "keyint.h"

#define RSA_PUBEXP	65537	/* RFC 8017 does not fix e; this is usual */
#define RSA_DEFAULT_BITS	2048
/* HMAC_DRBG with SHA-256 wants 256 bits of entropy plus a nonce. */
#define DRBG_SEED_LEN	48

/* Hand BearSSL's key to dk_key_from_rsa() as the RSAPrivateKey parts. */
static enum dk_status
rsa_wrap(struct dk_key **keyp, const br_rsa_private_key *sk,
    const br_rsa_public_key *pk, const uint8_t *d, size_t dlen)
{
	struct dk_bytes part[DK_RSA_NPARTS];

	part[DK_RSA_N] = (struct dk_bytes){ pk->n, pk->nlen };
	part[DK_RSA_E] = (struct dk_bytes){ pk->e, pk->elen };
	part[DK_RSA_D] = (struct dk_bytes){ d, dlen };
	part[DK_RSA_P] = (struct dk_bytes){ sk->p, sk->plen };
	part[DK_RSA_Q] = (struct dk_bytes){ sk->q, sk->qlen };
	part[DK_RSA_DP] = (struct dk_bytes){ sk->dp, sk->dplen };
	part[DK_RSA_DQ] = (struct dk_bytes){ sk->dq, sk->dqlen };
	part[DK_RSA_IQ] = (struct dk_bytes){ sk->iq, sk->iqlen };
	return dk_key_from_rsa(keyp, part, NULL, 0);
}

static enum dk_status
gen_rsa(struct dk_key **keyp, unsigned int bits)
{
	br_hmac_drbg_context drbg;
	br_rsa_private_key sk;
	br_rsa_public_key pk;
	uint8_t seed[DRBG_SEED_LEN];
	uint8_t kpriv[BR_RSA_KBUF_PRIV_SIZE(DK_RSA_MAX_BITS)];
	uint8_t kpub[BR_RSA_KBUF_PUB_SIZE(DK_RSA_MAX_BITS)];
	uint8_t d[DK_RSA_MAX_LEN];
	size_t dlen = 0;
	enum dk_status st = DK_ELIMIT;

	randombytes_buf(seed, sizeof(seed));
	br_hmac_drbg_init(&drbg, &br_sha256_vtable, seed, sizeof(seed));
	if (br_rsa_keygen_get_default()(&drbg.vtable, &sk, kpriv, &pk, kpub,
	    bits, RSA_PUBEXP) &&
	    (dlen = br_rsa_compute_privexp_get_default()(d, &sk,
	    RSA_PUBEXP)) != 0)
		st = rsa_wrap(keyp, &sk, &pk, d, dlen);
	/* an inconsistent fresh key means the generator went wrong */
	if (st == DK_ESYNTAX)
		st = DK_ELIMIT;
	dk_wipe(seed, sizeof(seed));
	dk_wipe(&drbg, sizeof(drbg));
	dk_wipe(kpriv, sizeof(kpriv));
	dk_wipe(d, sizeof(d));
	return st;
}

static enum dk_status
gen_ed25519(struct dk_key **keyp)
{
	uint8_t seed[crypto_sign_SEEDBYTES];
	enum dk_status st;

	randombytes_buf(seed, sizeof(seed));
	st = dk_key_from_seed(keyp, seed);
	dk_wipe(seed, sizeof(seed));
	return st;
}

/* see dkimkit.h */
enum dk_status
dk_key_generate(struct dk_key **keyp, enum dk_key_type type,
    unsigned int bits)
{
	if (keyp == NULL)
		return DK_EINVAL;
	*keyp = NULL;
	if (type == DK_KEY_RSA) {
		if (bits == 0)
			bits = RSA_DEFAULT_BITS;
		if (bits < DK_RSA_MIN_BITS || bits > DK_RSA_MAX_BITS)
			return DK_EINVAL;
	} else if (type != DK_KEY_ED25519 || bits != 0)
		return DK_EINVAL;
	if (sodium_init() < 0)
		return DK_ELIMIT;
	return type == DK_KEY_RSA ? gen_rsa(keyp, bits) : gen_ed25519(keyp);
}
