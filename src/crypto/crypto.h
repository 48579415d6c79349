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
 * src/crypto: the cryptography DKIM needs, named for what DKIM does with
 * it. Only files in this folder include <bearssl.h> or <sodium.h>; the
 * rest of dkimkit sees the types below. Nothing here knows a DKIM tag.
 * struct dk_key (include/dkimkit.h) is defined in key.c.
 */

#ifndef DK_CRYPTO_H
#define DK_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"

#define DK_DIGEST_MAX	32	/* SHA-256; SHA-1 gives 20 */
#define DK_SIG_MAX	(DK_RSA_MAX_BITS / 8)	/* largest signature */

enum dk_hash_alg {
	DK_HASH_SHA256 = 0,
	DK_HASH_SHA1		/* verify only, and only when not strict */
};

/*
 * A hash context the caller allocates, as large as BearSSL's (sha256.c
 * checks that it fits). Copying the struct forks the hash state.
 */
struct dk_hash {
	enum dk_hash_alg	alg;
	int			accel;	/* SHA-256 on the CPU's SHA unit */
	uint64_t		state[16];
};

void	dk_hash_init(struct dk_hash *h, enum dk_hash_alg alg);
void	dk_hash_update(struct dk_hash *h, const void *buf, size_t len);
/* Writes the digest to out and returns its length; h can go on. */
size_t	dk_hash_out(const struct dk_hash *h, uint8_t out[DK_DIGEST_MAX]);
/* A src/canon sink: arg is a struct dk_hash. */
void	dk_hash_sink(void *arg, const void *buf, size_t len);

/*
 * Base64 (RFC 4648 §4), strict: only the alphabet, correct padding, and
 * no bits left over in the last group. With allow_fws, spaces, tabs, CR
 * and LF anywhere are skipped, as DKIM tag values allow (RFC 6376 §2.8).
 * Decoding writes at most cap bytes; returns 0 and sets *outlen, -1 for
 * a bad character or bad padding, or -2 for good base64 that decodes to
 * more than cap bytes (a value too large for us, not a broken one).
 */
#define DK_B64_ENCLEN(n)	((((n) + 2) / 3) * 4)
int	dk_b64_decode(const char *in, size_t len, uint8_t *out, size_t cap,
	    size_t *outlen, int allow_fws);
/* Writes DK_B64_ENCLEN(len) characters and a NUL to out. */
void	dk_b64_encode(const uint8_t *in, size_t len, char *out);

/*
 * A public key from a key record's p= (RFC 6376 §3.6.1), decoded.
 * RSA: n and e big-endian, without leading zeros.
 */
struct dk_pubkey {
	enum dk_key_type	type;
	unsigned int		bits;
	size_t			nlen;
	size_t			elen;
	uint8_t			n[DK_RSA_MAX_BITS / 8];
	uint8_t			e[8];
	uint8_t			ed25519[32];
};

/* The public half of a private key, as a record would give it. */
void	dk_key_pubkey(const struct dk_key *key, struct dk_pubkey *pk);

/*
 * Decode der[0..len) as a key of the given type. RSA takes both a
 * SubjectPublicKeyInfo and a bare PKCS#1 RSAPublicKey (the vectors have
 * both). Ed25519 takes the raw 32 bytes (RFC 8463 §4.2). Returns 0, or
 * -1 with *reason set: DK_R_KEY_SYNTAX, DK_R_KEY_TOO_LARGE (over
 * DK_RSA_MAX_BITS). Keys under DK_RSA_MIN_BITS decode; the caller
 * applies RFC 8301.
 */
int	dk_pubkey_decode(struct dk_pubkey *pk, enum dk_key_type type,
	    const uint8_t *der, size_t len, enum dk_reason *reason);

/*
 * Check sig[0..siglen) over digest[0..dlen). RSA: PKCS#1 v1.5 with the
 * DigestInfo of alg, compared here. Ed25519 (RFC 8463 §3): PureEdDSA
 * over the 32-byte SHA-256 digest, never Ed25519ph. Returns 1 when the
 * signature is good, 0 otherwise.
 */
DK_WUR int	dk_pubkey_verify(const struct dk_pubkey *pk,
		    enum dk_hash_alg alg, const uint8_t *digest, size_t dlen,
		    const uint8_t *sig, size_t siglen);

/*
 * Sign a SHA-256 digest with a private key: RSA PKCS#1 v1.5, or Ed25519
 * over the digest as above. sig must hold DK_SIG_MAX bytes. Returns 0
 * and sets *siglen, or -1.
 */
DK_WUR int	dk_key_sign(const struct dk_key *key,
		    const uint8_t digest[32], uint8_t *sig, size_t *siglen);

/* Wipe len bytes so that the compiler cannot drop the store. */
void	dk_wipe(void *buf, size_t len);

#endif /* DK_CRYPTO_H */
