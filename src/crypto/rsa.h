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
 * RSA PKCS#1 v1.5 (RFC 8017 §8.2) for src/crypto, without the backends'
 * headers, so that tests can reach both implementations:
 *
 * - rsa.c: our own. Signing is constant-time in every secret (the
 *   primes, the CRT exponents and coefficient, the digest before it is
 *   padded, and every intermediate value), runs on bn.h, and checks each
 *   signature with the public key before it is released (a fault in the
 *   CRT computation would otherwise leak a factor of n). Verification
 *   works on public data only and may take variable time.
 * - rsabr.c: BearSSL's, the portable path. `make RSA=bearssl` defines
 *   DK_RSA_BEARSSL and dk_key_sign() and dk_pubkey_verify() then use it.
 *
 * Both accept the same inputs: any public exponent from 1 to 2^64 - 1,
 * moduli up to DK_RSA_MAX_BITS, a signature exactly as long as n (with
 * its leading zeros) and below n, and a DigestInfo with or without
 * NULL parameters (BearSSL takes both; tests/test_rsa holds us to it).
 */

#ifndef DK_RSA_H
#define DK_RSA_H

#include <stddef.h>
#include <stdint.h>

#include "bn.h"
#include "crypto.h"

/*
 * The RSAPrivateKey integers (RFC 8017 App. A.1.2), in that order, as
 * unsigned big-endian bytes. No factor or CRT value of a key we accept
 * is longer than the modulus.
 */
enum dk_rsa_part {
	DK_RSA_N = 0, DK_RSA_E, DK_RSA_D, DK_RSA_P, DK_RSA_Q, DK_RSA_DP,
	DK_RSA_DQ, DK_RSA_IQ, DK_RSA_NPARTS
};

struct dk_bytes {
	const uint8_t	*p;
	size_t		 len;
};

/* A private key ready for dk_rsa_sign_ct(). */
struct dk_rsa_priv {
	/* public: sizes, n and e */
	size_t		nlen;		/* bytes of n, first one not zero */
	unsigned int	pbits, qbits;	/* bits of exponent scanned */
	int		ifma;		/* exponentiate in radix 2^52 */
	uint64_t	e;
	struct dk_mont	n;
	struct dk_mont52 n52;		/* set when ifma is */
	/* secret: Montgomery contexts of p and q, dp, dq and iq */
	struct dk_mont	p, q;
	struct dk_mont52 p52, q52;	/* set when ifma is */
	uint64_t	dp[DK_BN_LIMBS], dq[DK_BN_LIMBS], iq[DK_BN_LIMBS];
};

/*
 * Set up k from the parts, minimal (no leading zero bytes), already
 * checked for length (key.c). Checks that n = pq and q * iq = 1 mod p;
 * dp and dq are checked by every signature. Returns 0, or -1 when the
 * key is inconsistent or its primes too unequal in size (one more than
 * twice the length of the other).
 */
int	dk_rsa_priv_init(struct dk_rsa_priv *k,
	    const struct dk_bytes part[DK_RSA_NPARTS]);

/*
 * Sign the SHA-256 digest: sig gets k->nlen bytes. Constant-time. When
 * the check with the public key fails, sig is all zeros and -1 is
 * returned (computed without a branch); otherwise 0.
 */
DK_WUR int	dk_rsa_sign_ct(const struct dk_rsa_priv *k,
		    const uint8_t digest[32], uint8_t *sig);

/*
 * Verify sig[0..siglen) over digest[0..dlen) with alg's DigestInfo,
 * comparing the whole encoded message. Public data only: variable
 * time. 1 when good, 0 otherwise.
 */
DK_WUR int	dk_rsa_verify_own(const struct dk_pubkey *pk,
		    enum dk_hash_alg alg, const uint8_t *digest, size_t dlen,
		    const uint8_t *sig, size_t siglen);

/* The same on IFMA when ifma is set and the CPU has it, else 64-bit. */
DK_WUR int	dk_rsa_verify_kernel(const struct dk_pubkey *pk,
		    enum dk_hash_alg alg, const uint8_t *digest, size_t dlen,
		    const uint8_t *sig, size_t siglen, int ifma);

/* The same two with BearSSL (rsabr.c); key must be an RSA key. */
DK_WUR int	dk_rsa_sign_bearssl(const struct dk_key *key,
		    const uint8_t digest[32], uint8_t *sig);
DK_WUR int	dk_rsa_verify_bearssl(const struct dk_pubkey *pk,
		    enum dk_hash_alg alg, const uint8_t *digest, size_t dlen,
		    const uint8_t *sig, size_t siglen);

/*
 * The prepared private key of an RSA key (key.c), writable, so only from
 * a key the caller may change: tests, fuzzing and benchmarks.
 */
struct dk_rsa_priv	*dk_key_rsa_priv(struct dk_key *key);

#endif /* DK_RSA_H */
