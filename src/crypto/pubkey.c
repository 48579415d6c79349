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
 * Public keys from key records (RFC 6376 §3.6.1 p=) and signature
 * verification.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <bearssl.h>
#include <sodium.h>

#include "asn1.h"
#include "crypto.h"
#include "rsa.h"

/* RSAPublicKey (RFC 8017 App. A.1.1): SEQUENCE { n, e INTEGER } */
static int
rsa_public_body(struct dk_pubkey *pk, struct dk_der seq,
    enum dk_reason *reason)
{
	struct dk_der n, e;

	*reason = DK_R_KEY_SYNTAX;
	if (dk_der_get_uint(&seq, &n) == -1 || dk_der_get_uint(&seq, &e) == -1 ||
	    seq.len != 0 || n.len == 0 || (n.p[n.len - 1] & 1) == 0 ||
	    e.len == 0 || e.len > sizeof(pk->e))
		return -1;
	pk->bits = dk_der_bitlen(n.p, n.len);
	if (pk->bits > DK_RSA_MAX_BITS) {
		*reason = DK_R_KEY_TOO_LARGE;
		return -1;
	}
	memcpy(pk->n, n.p, n.len);
	pk->nlen = n.len;
	memcpy(pk->e, e.p, e.len);
	pk->elen = e.len;
	return 0;
}

/*
 * RFC 6376 §3.6.1 says RSAPublicKey, but its examples and practice use
 * SubjectPublicKeyInfo (RFC 5280 §4.1):
 *
 *	SEQUENCE { SEQUENCE { OID rsaEncryption, NULL },
 *	    BIT STRING { 0x00 unused bits, RSAPublicKey } }
 *
 * Both start with a SEQUENCE; the first element tells them apart.
 */
static int
rsa_decode(struct dk_pubkey *pk, const uint8_t *der, size_t len,
    enum dk_reason *reason)
{
	struct dk_der top = { der, len }, seq, bits, inner;

	*reason = DK_R_KEY_SYNTAX;
	if (dk_der_get(&top, DK_DER_SEQUENCE, &seq) == -1 || top.len != 0)
		return -1;
	if (dk_der_peek(&seq) == DK_DER_INTEGER)
		return rsa_public_body(pk, seq, reason);
	if (dk_der_get_alg(&seq, dk_der_oid_rsa, sizeof(dk_der_oid_rsa)) == -1 ||
	    dk_der_get(&seq, DK_DER_BIT_STRING, &bits) == -1 || seq.len != 0 ||
	    bits.len < 1 || bits.p[0] != 0)
		return -1;
	bits.p++;
	bits.len--;
	if (dk_der_get(&bits, DK_DER_SEQUENCE, &inner) == -1 || bits.len != 0)
		return -1;
	return rsa_public_body(pk, inner, reason);
}

int
dk_pubkey_decode(struct dk_pubkey *pk, enum dk_key_type type,
    const uint8_t *der, size_t len, enum dk_reason *reason)
{
	enum dk_reason r = DK_R_KEY_SYNTAX;
	int rc = -1;

	memset(pk, 0, sizeof(*pk));
	pk->type = type;
	if (type == DK_KEY_RSA)
		rc = rsa_decode(pk, der, len, &r);
	else if (type == DK_KEY_ED25519 && len == sizeof(pk->ed25519)) {
		/* RFC 8463 §4.2: the bare 32-byte public key */
		memcpy(pk->ed25519, der, len);
		pk->bits = 256;
		rc = 0;
	}
	if (rc == -1 && reason != NULL)
		*reason = r;
	return rc;
}

/*
 * RFC 8017 §8.2.2: the signature is exactly as long as n. The rest is
 * the backend's (rsa.h); both take the same inputs.
 */
static int
rsa_verify(const struct dk_pubkey *pk, enum dk_hash_alg alg,
    const uint8_t *digest, size_t dlen, const uint8_t *sig, size_t siglen)
{
	if (siglen != (pk->bits + 7) / 8 || pk->nlen == 0)
		return 0;
#ifdef DK_RSA_BEARSSL
	return dk_rsa_verify_bearssl(pk, alg, digest, dlen, sig, siglen);
#else
	return dk_rsa_verify_own(pk, alg, digest, dlen, sig, siglen);
#endif
}

int
dk_pubkey_verify(const struct dk_pubkey *pk, enum dk_hash_alg alg,
    const uint8_t *digest, size_t dlen, const uint8_t *sig, size_t siglen)
{
	if (pk->type == DK_KEY_RSA)
		return rsa_verify(pk, alg, digest, dlen, sig, siglen);
	/* RFC 8463 §3: PureEdDSA over the SHA-256 digest, not Ed25519ph */
	if (pk->type != DK_KEY_ED25519 || alg != DK_HASH_SHA256 ||
	    dlen != br_sha256_SIZE || siglen != crypto_sign_BYTES)
		return 0;
	return crypto_sign_verify_detached(sig, digest, dlen,
	    pk->ed25519) == 0;
}
