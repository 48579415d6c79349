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
 * Private keys: loading from PEM PKCS#1, PEM PKCS#8 (RSA or Ed25519) or
 * a raw base64 Ed25519 seed, and signing a digest.
 *
 * BearSSL's br_skey_decoder is not used: it keeps only the CRT values of
 * an RSA key (no n, no e, which the key record needs) and cannot read
 * Ed25519 PKCS#8, so the DER is read here (asn1.c).
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asn1.h"
#include "keyint.h"

#define SEED_B64_LEN	DK_B64_ENCLEN(crypto_sign_SEEDBYTES)	/* 44 */

static const char *const rsa_part_name[DK_RSA_NPARTS] = {
	"modulus", "public exponent", "private exponent", "prime p",
	"prime q", "exponent dp", "exponent dq", "coefficient iq"
};

void
dk_key_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

void
dk_wipe(void *buf, size_t len)
{
	sodium_memzero(buf, len);
}

static int
rsa_check_parts(const struct dk_bytes part[DK_RSA_NPARTS], char *err,
    size_t errlen)
{
	unsigned int bits = dk_der_bitlen(part[DK_RSA_N].p,
	    part[DK_RSA_N].len);
	int i;

	/* RFC 8301 §3.2: signers MUST use RSA keys of at least 1024 bits */
	if (bits < DK_RSA_MIN_BITS) {
		dk_key_err(err, errlen, "RSA key has %u bits; RFC 8301 needs "
		    "at least %d", bits, DK_RSA_MIN_BITS);
		return -1;
	}
	if (bits > DK_RSA_MAX_BITS) {
		dk_key_err(err, errlen, "RSA key has %u bits; at most %d are "
		    "supported", bits, DK_RSA_MAX_BITS);
		return -1;
	}
	for (i = 0; i < DK_RSA_NPARTS; i++) {
		if (part[i].len == 0 || part[i].len > DK_RSA_MAX_LEN ||
		    (i == DK_RSA_E && part[i].len > DK_RSA_PUBEXP_MAX)) {
			dk_key_err(err, errlen, "RSA key: the %s is zero or "
			    "too long", rsa_part_name[i]);
			return -1;
		}
	}
	return 0;
}

enum dk_status
dk_key_from_rsa(struct dk_key **keyp, const struct dk_bytes in[DK_RSA_NPARTS],
    char *err, size_t errlen)
{
	struct dk_bytes part[DK_RSA_NPARTS];
	struct dk_key *k;
	int i;

	*keyp = NULL;
	/* BearSSL's keygen pads e to four bytes; keep values minimal */
	for (i = 0; i < DK_RSA_NPARTS; i++) {
		part[i] = in[i];
		while (part[i].len > 0 && part[i].p[0] == 0) {
			part[i].p++;
			part[i].len--;
		}
	}
	if (rsa_check_parts(part, err, errlen) == -1)
		return DK_ESYNTAX;
	if ((k = calloc(1, sizeof(*k))) == NULL)
		return DK_ENOMEM;
	k->type = DK_KEY_RSA;
	k->bits = dk_der_bitlen(part[DK_RSA_N].p, part[DK_RSA_N].len);
	for (i = 0; i < DK_RSA_NPARTS; i++) {
		memcpy(k->part[i], part[i].p, part[i].len);
		k->partlen[i] = part[i].len;
	}
	k->rsa.n_bitlen = k->bits;
	k->rsa.p = k->part[DK_RSA_P];
	k->rsa.plen = k->partlen[DK_RSA_P];
	k->rsa.q = k->part[DK_RSA_Q];
	k->rsa.qlen = k->partlen[DK_RSA_Q];
	k->rsa.dp = k->part[DK_RSA_DP];
	k->rsa.dplen = k->partlen[DK_RSA_DP];
	k->rsa.dq = k->part[DK_RSA_DQ];
	k->rsa.dqlen = k->partlen[DK_RSA_DQ];
	k->rsa.iq = k->part[DK_RSA_IQ];
	k->rsa.iqlen = k->partlen[DK_RSA_IQ];
	/* dp and dq are checked with every signature (dk_key_sign) */
	if (dk_rsa_priv_init(&k->rsapriv, part) == -1) {
		dk_key_free(k);
		dk_key_err(err, errlen, "RSA key is inconsistent: its primes "
		    "and CRT values do not match its modulus");
		return DK_ESYNTAX;
	}
	*keyp = k;
	return DK_OK;
}

enum dk_status
dk_key_from_seed(struct dk_key **keyp,
    const uint8_t seed[crypto_sign_SEEDBYTES])
{
	struct dk_key *k;

	*keyp = NULL;
	if ((k = calloc(1, sizeof(*k))) == NULL)
		return DK_ENOMEM;
	k->type = DK_KEY_ED25519;
	k->bits = 256;
	/* RFC 8032 §5.1.5: the 32-byte seed is the private key */
	if (crypto_sign_seed_keypair(k->ed_pk, k->ed_sk, seed) != 0) {
		dk_key_free(k);
		return DK_ENOMEM;
	}
	*keyp = k;
	return DK_OK;
}

/*
 * RSAPrivateKey (RFC 8017 App. A.1.2):
 *
 *	SEQUENCE { version INTEGER (0: two primes), n, e, d, p, q, dp, dq,
 *	    iq INTEGER }
 *
 * Version 1 adds otherPrimeInfos (multi-prime keys), which BearSSL
 * cannot use.
 */
static enum dk_status
parse_pkcs1(struct dk_key **keyp, const uint8_t *der, size_t len, char *err,
    size_t errlen)
{
	struct dk_der top = { der, len }, seq, v;
	struct dk_bytes part[DK_RSA_NPARTS];
	int i;

	if (dk_der_get(&top, DK_DER_SEQUENCE, &seq) == -1 || top.len != 0 ||
	    dk_der_get_uint(&seq, &v) == -1)
		goto bad;
	if (v.len != 0) {
		dk_key_err(err, errlen, "RSA key: only two-prime keys "
		    "(RSAPrivateKey version 0) are supported");
		return DK_ESYNTAX;
	}
	for (i = 0; i < DK_RSA_NPARTS; i++) {
		if (dk_der_get_uint(&seq, &v) == -1)
			goto bad;
		part[i].p = v.p;
		part[i].len = v.len;
	}
	if (seq.len != 0)
		goto bad;
	return dk_key_from_rsa(keyp, part, err, errlen);
bad:
	dk_key_err(err, errlen, "RSA key: malformed or truncated PKCS#1 DER");
	return DK_ESYNTAX;
}

/* RFC 8410 §7: privateKey holds CurvePrivateKey ::= OCTET STRING (seed) */
static enum dk_status
parse_ed25519(struct dk_key **keyp, struct dk_der priv, char *err,
    size_t errlen)
{
	struct dk_der seed;

	if (dk_der_get(&priv, DK_DER_OCTET_STRING, &seed) == -1 ||
	    priv.len != 0 || seed.len != crypto_sign_SEEDBYTES) {
		dk_key_err(err, errlen, "Ed25519 key: the private key is not "
		    "a 32-byte seed (RFC 8410)");
		return DK_ESYNTAX;
	}
	return dk_key_from_seed(keyp, seed.p);
}

/*
 * PrivateKeyInfo / OneAsymmetricKey (RFC 5958 §2):
 *
 *	SEQUENCE { version INTEGER (0, or 1 with publicKey),
 *	    privateKeyAlgorithm AlgorithmIdentifier,
 *	    privateKey OCTET STRING,
 *	    attributes [0] IMPLICIT ... OPTIONAL,
 *	    publicKey [1] IMPLICIT BIT STRING OPTIONAL }
 *
 * The optional fields are skipped: the public key is derived anew.
 */
static enum dk_status
parse_pkcs8(struct dk_key **keyp, const uint8_t *der, size_t len, char *err,
    size_t errlen)
{
	struct dk_der top = { der, len }, seq, v, alg, priv;
	int is_rsa;

	if (dk_der_get(&top, DK_DER_SEQUENCE, &seq) == -1 || top.len != 0 ||
	    dk_der_get_uint(&seq, &v) == -1 || v.len > 1 ||
	    (v.len == 1 && v.p[0] != 1))
		goto bad;
	alg = seq;
	is_rsa = dk_der_get_alg(&alg, dk_der_oid_rsa,
	    sizeof(dk_der_oid_rsa)) == 0;
	if (!is_rsa) {
		alg = seq;
		if (dk_der_get_alg(&alg, dk_der_oid_ed25519,
		    sizeof(dk_der_oid_ed25519)) == -1) {
			dk_key_err(err, errlen, "PKCS#8 key is neither RSA "
			    "nor Ed25519");
			return DK_ESYNTAX;
		}
	}
	seq = alg;
	if (dk_der_get(&seq, DK_DER_OCTET_STRING, &priv) == -1)
		goto bad;
	if (dk_der_peek(&seq) == 0xa0 && dk_der_get(&seq, 0xa0, &v) == -1)
		goto bad;
	if (dk_der_peek(&seq) == 0x81 && dk_der_get(&seq, 0x81, &v) == -1)
		goto bad;
	if (seq.len != 0)
		goto bad;
	if (is_rsa)
		return parse_pkcs1(keyp, priv.p, priv.len, err, errlen);
	return parse_ed25519(keyp, priv, err, errlen);
bad:
	dk_key_err(err, errlen, "malformed or truncated PKCS#8 DER");
	return DK_ESYNTAX;
}

/* dkimpy's format: the seed in base64 (44 characters), then a line end. */
static enum dk_status
parse_seed(struct dk_key **keyp, const char *buf, size_t len, char *err,
    size_t errlen)
{
	uint8_t seed[crypto_sign_SEEDBYTES];
	size_t n;
	enum dk_status st;

	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		len--;
	if (len != SEED_B64_LEN || dk_b64_decode(buf, len, seed, sizeof(seed),
	    &n, 0) != 0 || n != sizeof(seed)) {
		dk_key_err(err, errlen, "not a PEM key or a base64 Ed25519 "
		    "seed");
		return DK_ESYNTAX;
	}
	st = dk_key_from_seed(keyp, seed);
	dk_wipe(seed, sizeof(seed));
	return st;
}

static enum dk_status
parse_pem_der(struct dk_key **keyp, const char *type, const uint8_t *der,
    size_t len, char *err, size_t errlen)
{
	if (strcmp(type, "RSA PRIVATE KEY") == 0)
		return parse_pkcs1(keyp, der, len, err, errlen);
	if (strcmp(type, "PRIVATE KEY") == 0)
		return parse_pkcs8(keyp, der, len, err, errlen);
	if (strcmp(type, "ENCRYPTED PRIVATE KEY") == 0)
		dk_key_err(err, errlen, "encrypted PEM keys are not supported; "
		    "decrypt the key first");
	else
		dk_key_err(err, errlen, "PEM type \"%s\" is not supported",
		    type);
	return DK_ESYNTAX;
}

/* see dkimkit.h */
enum dk_status
dk_key_parse(struct dk_key **keyp, const void *buf, size_t len, char *err,
    size_t errlen)
{
	uint8_t der[DK_DER_MAX];
	char type[DK_PEM_TYPE_MAX];
	size_t derlen = 0;
	enum dk_status st = DK_ESYNTAX;
	int rc;

	if (keyp == NULL || (buf == NULL && len > 0))
		return DK_EINVAL;
	*keyp = NULL;
	dk_key_err(err, errlen, "%s", "");
	if (len == 0)
		dk_key_err(err, errlen, "key file is empty");
	else if (len > DK_KEYFILE_MAX)
		dk_key_err(err, errlen, "key file is larger than %d bytes",
		    DK_KEYFILE_MAX);
	else if ((rc = dk_pem_decode(buf, len, type, der, &derlen, err,
	    errlen)) == 0)
		st = parse_seed(keyp, buf, len, err, errlen);
	else if (rc == 1)
		st = parse_pem_der(keyp, type, der, derlen, err, errlen);
	dk_wipe(der, derlen);
	return st;
}

/* see rsa.h */
struct dk_rsa_priv *
dk_key_rsa_priv(struct dk_key *key)
{
	return &key->rsapriv;
}

/*
 * RSA signatures are checked with the public key before they leave
 * (rsa.h), so a key whose dp or dq is damaged, or a fault while
 * signing, gives an error rather than a bad signature or a leaked
 * factor.
 */
int
dk_key_sign(const struct dk_key *key, const uint8_t digest[32], uint8_t *sig,
    size_t *siglen)
{
	if (key->type == DK_KEY_ED25519) {
		/* RFC 8463 §3: PureEdDSA over the SHA-256 digest itself */
		if (crypto_sign_detached(sig, NULL, digest, 32,
		    key->ed_sk) != 0)
			return -1;
		*siglen = crypto_sign_BYTES;
		return 0;
	}
	/* RFC 6376 §3.3.1: RSASSA-PKCS1-v1_5 with SHA-256 */
	*siglen = (key->bits + 7) / 8;
#ifdef DK_RSA_BEARSSL
	return dk_rsa_sign_bearssl(key, digest, sig);
#else
	return dk_rsa_sign_ct(&key->rsapriv, digest, sig);
#endif
}

/* see dkimkit.h */
enum dk_key_type
dk_key_type(const struct dk_key *key)
{
	return key->type;
}

/* see dkimkit.h */
unsigned int
dk_key_bits(const struct dk_key *key)
{
	return key->bits;
}

/* see crypto.h */
void
dk_key_pubkey(const struct dk_key *key, struct dk_pubkey *pk)
{
	memset(pk, 0, sizeof(*pk));
	pk->type = key->type;
	pk->bits = key->bits;
	if (key->type == DK_KEY_ED25519) {
		memcpy(pk->ed25519, key->ed_pk, sizeof(pk->ed25519));
		return;
	}
	/* minimal, as the record's are, and e fits: checked at load */
	pk->nlen = key->partlen[DK_RSA_N];
	pk->elen = key->partlen[DK_RSA_E];
	memcpy(pk->n, key->part[DK_RSA_N], pk->nlen);
	memcpy(pk->e, key->part[DK_RSA_E], pk->elen);
}

/* see dkimkit.h */
void
dk_key_free(struct dk_key *key)
{
	if (key == NULL)
		return;
	dk_wipe(key, sizeof(*key));
	free(key);
}

/* see dkimkit.h */
void
dk_free_string(char *s)
{
	if (s == NULL)
		return;
	dk_wipe(s, strlen(s));
	free(s);
}
