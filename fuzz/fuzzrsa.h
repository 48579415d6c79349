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
 * RSA keys for the RSA targets, made at start-up by BearSSL's key
 * generator from a fixed seed, so that every run has the same keys and
 * no key file is needed. Sizes from 512 bits, below what dk_key_parse()
 * takes but what dk_rsa_priv_init() and dk_rsa_sign_ct() work with
 * (PKCS#1 v1.5 with SHA-256 needs 62 bytes of modulus): small keys make
 * a run cheap, and sizes off the limb grid give primes and moduli with
 * zero limbs above them. 2048- and 4096-bit keys are tests/test_rsa's
 * differential test.
 */

#ifndef DK_FUZZRSA_H
#define DK_FUZZRSA_H

#include <stdint.h>

#include <bearssl.h>

#include "../src/crypto/rsa.h"

struct dk_fuzz_rsa {
	struct dk_rsa_priv	priv;	/* ours, from the parts below */
	br_rsa_private_key	sk;	/* BearSSL's, the reference */
	struct dk_pubkey	pub;
	uint8_t	kpriv[BR_RSA_KBUF_PRIV_SIZE(DK_RSA_MAX_BITS)];
	uint8_t	kpub[BR_RSA_KBUF_PUB_SIZE(DK_RSA_MAX_BITS)];
};

/* Keys of these bits and public exponents; exits when one fails. */
#define DK_FUZZ_NRSA	5
extern struct dk_fuzz_rsa	dk_fuzz_rsa_keys[DK_FUZZ_NRSA];
void	dk_fuzz_rsa_init(void);

/* BearSSL's signature over a SHA-256 digest: pub.nlen bytes, or 0. */
int	dk_fuzz_rsa_sign_bearssl(const struct dk_fuzz_rsa *k,
	    const uint8_t digest[32], uint8_t *sig);

#endif /* DK_FUZZRSA_H */
