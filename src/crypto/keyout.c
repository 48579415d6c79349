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
 * Writing keys out: the private key as PEM PKCS#8 (RFC 5958, RFC 8410
 * for Ed25519) and the public key as a DKIM key record (RFC 6376 §3.6.1,
 * RFC 8463 §4.2).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "asn1.h"
#include "keyint.h"

/* RSAPrivateKey (RFC 8017 App. A.1.2): version 0, then the eight parts. */
static void
put_rsa_private(struct dk_derw *w, const struct dk_key *k)
{
	size_t mark = w->pos;
	int i;

	for (i = DK_RSA_NPARTS - 1; i >= 0; i--)
		dk_derw_uint(w, k->part[i], k->partlen[i]);
	dk_derw_uint(w, (const uint8_t *)"", 0);
	dk_derw_wrap(w, DK_DER_SEQUENCE, mark);
}

/*
 * SubjectPublicKeyInfo (RFC 5280 §4.1) around RSAPublicKey (RFC 8017
 * App. A.1.1): the form RFC 6376 §3.6.1's examples and every common
 * verifier use for p=.
 */
static void
put_rsa_spki(struct dk_derw *w, const struct dk_key *k)
{
	size_t mark = w->pos;

	/* each wrap covers all written since mark: the writer goes backwards */
	dk_derw_uint(w, k->part[DK_RSA_E], k->partlen[DK_RSA_E]);
	dk_derw_uint(w, k->part[DK_RSA_N], k->partlen[DK_RSA_N]);
	dk_derw_wrap(w, DK_DER_SEQUENCE, mark);
	dk_derw_raw(w, "", 1);		/* no unused bits */
	dk_derw_wrap(w, DK_DER_BIT_STRING, mark);
	dk_derw_alg(w, dk_der_oid_rsa, sizeof(dk_der_oid_rsa), 1);
	dk_derw_wrap(w, DK_DER_SEQUENCE, mark);
}

/* see dkimkit.h */
char *
dk_key_pem(const struct dk_key *key)
{
	struct dk_derw w;
	uint8_t der[DK_DER_MAX];
	const uint8_t *out;
	size_t mark, len;
	char *s = NULL;

	dk_derw_init(&w, der, sizeof(der));
	mark = w.pos;
	if (key->type == DK_KEY_RSA) {
		put_rsa_private(&w, key);
		dk_derw_wrap(&w, DK_DER_OCTET_STRING, mark);
		dk_derw_alg(&w, dk_der_oid_rsa, sizeof(dk_der_oid_rsa), 1);
	} else {
		/* RFC 8410 §7: an OCTET STRING of the seed, in privateKey */
		dk_derw_raw(&w, key->ed_sk, crypto_sign_SEEDBYTES);
		dk_derw_wrap(&w, DK_DER_OCTET_STRING, mark);
		dk_derw_wrap(&w, DK_DER_OCTET_STRING, mark);
		dk_derw_alg(&w, dk_der_oid_ed25519,
		    sizeof(dk_der_oid_ed25519), 0);
	}
	dk_derw_uint(&w, (const uint8_t *)"", 0);	/* version 0 */
	dk_derw_wrap(&w, DK_DER_SEQUENCE, mark);
	if ((out = dk_derw_out(&w, &len)) != NULL)
		s = dk_pem_encode("PRIVATE KEY", out, len);
	dk_wipe(der, sizeof(der));
	return s;
}

/* see dkimkit.h */
char *
dk_key_record(const struct dk_key *key)
{
	struct dk_derw w;
	uint8_t der[DK_DER_MAX];
	const uint8_t *out;
	const char *prefix;
	size_t len, plen;
	char *s;

	dk_derw_init(&w, der, sizeof(der));
	if (key->type == DK_KEY_RSA) {
		prefix = "v=DKIM1; k=rsa; p=";
		put_rsa_spki(&w, key);
	} else {
		/* RFC 8463 §4.2: p= is the raw 32-byte public key */
		prefix = "v=DKIM1; k=ed25519; p=";
		dk_derw_raw(&w, key->ed_pk, sizeof(key->ed_pk));
	}
	if ((out = dk_derw_out(&w, &len)) == NULL)
		return NULL;
	plen = strlen(prefix);
	if ((s = malloc(plen + DK_B64_ENCLEN(len) + 1)) == NULL)
		return NULL;
	memcpy(s, prefix, plen);
	dk_b64_encode(out, len, s + plen);
	return s;
}
