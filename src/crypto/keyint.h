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
 * Private to src/crypto: struct dk_key and the helpers that key.c,
 * keyout.c, keygen.c and pem.c share. Nothing outside this folder may
 * include it (it pulls in the backends' headers).
 */

#ifndef DK_KEYINT_H
#define DK_KEYINT_H

#include <stddef.h>
#include <stdint.h>

#include <bearssl.h>
#include <sodium.h>

#include "crypto.h"
#include "rsa.h"

/* A key file: a 4096-bit PKCS#1 PEM is ~3.3 KB; leave room for comments. */
#define DK_KEYFILE_MAX		(64 * 1024)
#define DK_RSA_MAX_LEN		(DK_RSA_MAX_BITS / 8)
#define DK_RSA_PUBEXP_MAX	8	/* bytes of e; 65537 needs 3 */

struct dk_key {
	enum dk_key_type	 type;
	unsigned int		 bits;
	/* RSA: BearSSL's view points into part[]; ours is rsapriv */
	br_rsa_private_key	 rsa;
	struct dk_rsa_priv	 rsapriv;
	size_t			 partlen[DK_RSA_NPARTS];
	uint8_t			 part[DK_RSA_NPARTS][DK_RSA_MAX_LEN];
	/* Ed25519: libsodium's secret key is seed || public key */
	uint8_t			 ed_sk[crypto_sign_SECRETKEYBYTES];
	uint8_t			 ed_pk[crypto_sign_PUBLICKEYBYTES];
};

/* Build a key; on DK_ESYNTAX err says why. */
enum dk_status	dk_key_from_rsa(struct dk_key **keyp,
		    const struct dk_bytes part[DK_RSA_NPARTS], char *err,
		    size_t errlen);
enum dk_status	dk_key_from_seed(struct dk_key **keyp,
		    const uint8_t seed[crypto_sign_SEEDBYTES]);

/*
 * Find the first PEM block (RFC 7468) in buf[0..len) and decode its body
 * into der (DK_DER_MAX bytes). Returns 1 with its label in type (at most
 * DK_PEM_TYPE_MAX bytes and a NUL), 0 when there is no BEGIN line, or -1
 * with err set.
 */
#define DK_PEM_TYPE_MAX		64	/* the longest label we know is 21 */
int	dk_pem_decode(const char *buf, size_t len, char *type, uint8_t *der,
	    size_t *derlen, char *err, size_t errlen);
/* PEM of der[0..len) in 64-column lines, in a new string; NULL: ENOMEM. */
char	*dk_pem_encode(const char *type, const uint8_t *der, size_t len);

void	dk_key_err(char *err, size_t errlen, const char *fmt, ...)
	    __attribute__((__format__(__printf__, 3, 4)));

#endif /* DK_KEYINT_H */
