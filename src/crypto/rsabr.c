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
 * RSA PKCS#1 v1.5 with BearSSL: the portable path (`make RSA=bearssl`)
 * and the reference that tests/test_rsa compares our own code with.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "keyint.h"

int
dk_rsa_sign_bearssl(const struct dk_key *key, const uint8_t digest[32],
    uint8_t *sig)
{
	br_rsa_pkcs1_sign sign = br_rsa_pkcs1_sign_get_default();
	struct dk_pubkey pk;
	size_t siglen = (key->bits + 7) / 8;

	if (!sign(BR_HASH_OID_SHA256, digest, 32, &key->rsa, sig))
		return -1;
	/* the check with the public key, as our own code does it */
	dk_key_pubkey(key, &pk);
	if (!dk_rsa_verify_bearssl(&pk, DK_HASH_SHA256, digest, 32, sig,
	    siglen)) {
		dk_wipe(sig, siglen);
		return -1;
	}
	return 0;
}

/*
 * BearSSL checks the PKCS#1 v1.5 padding and the DigestInfo's OID, and
 * gives back the digest: comparing it is our job. BearSSL's key struct
 * wants non-const pointers, so n and e are copied.
 */
int
dk_rsa_verify_bearssl(const struct dk_pubkey *pk, enum dk_hash_alg alg,
    const uint8_t *digest, size_t dlen, const uint8_t *sig, size_t siglen)
{
	br_rsa_pkcs1_vrfy vrfy = br_rsa_pkcs1_vrfy_get_default();
	br_rsa_public_key bpk;
	uint8_t n[sizeof(pk->n)], e[sizeof(pk->e)], got[DK_DIGEST_MAX];
	const unsigned char *oid;
	size_t hlen;

	oid = alg == DK_HASH_SHA1 ? BR_HASH_OID_SHA1 : BR_HASH_OID_SHA256;
	hlen = alg == DK_HASH_SHA1 ? br_sha1_SIZE : br_sha256_SIZE;
	if (dlen != hlen || pk->nlen == 0 || pk->nlen > sizeof(n) ||
	    pk->elen > sizeof(e))
		return 0;
	memcpy(n, pk->n, pk->nlen);
	memcpy(e, pk->e, pk->elen);
	bpk.n = n;
	bpk.nlen = pk->nlen;
	bpk.e = e;
	bpk.elen = pk->elen;
	if (!vrfy(sig, siglen, oid, hlen, &bpk, got))
		return 0;
	return sodium_memcmp(got, digest, hlen) == 0;
}
