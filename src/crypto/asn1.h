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
 * A small DER (X.690) reader and writer, private to src/crypto: just
 * enough for PKCS#1 (RFC 8017 App. A.1), PKCS#8 (RFC 5958),
 * SubjectPublicKeyInfo (RFC 5280 §4.1) and the Ed25519 forms of RFC 8410.
 *
 * The reader is a cursor over bytes it never copies; every read checks
 * the remaining length first, so hostile input cannot make it read past
 * the buffer. The writer fills a buffer from the end towards the start,
 * so that a constructed value's length is known when its header is
 * written.
 */

#ifndef DK_ASN1_H
#define DK_ASN1_H

#include <stddef.h>
#include <stdint.h>

/* Largest DER value handled: a 4096-bit RSA PKCS#8 key is ~2,400 bytes. */
#define DK_DER_MAX		8192

#define DK_DER_INTEGER		0x02
#define DK_DER_BIT_STRING	0x03
#define DK_DER_OCTET_STRING	0x04
#define DK_DER_NULL		0x05
#define DK_DER_OID		0x06
#define DK_DER_SEQUENCE		0x30

struct dk_der {
	const uint8_t	*p;
	size_t		 len;
};

/* Tag of the next value, or -1 at the end. */
int	dk_der_peek(const struct dk_der *d);
/* Read a value of the given tag; its contents go to *out. 0 or -1. */
int	dk_der_get(struct dk_der *d, int tag, struct dk_der *out);
/*
 * Read a non-negative INTEGER as unsigned big-endian bytes without
 * leading zeros (zero gives length 0). 0 or -1.
 */
int	dk_der_get_uint(struct dk_der *d, struct dk_der *out);
/*
 * Read an AlgorithmIdentifier (RFC 5280 §4.1.1.2) and check that its OID
 * is oid[0..len); the parameters must be absent or NULL. 0 or -1.
 */
int	dk_der_get_alg(struct dk_der *d, const uint8_t *oid, size_t len);
/* Bit length of an unsigned big-endian number. */
unsigned int	dk_der_bitlen(const uint8_t *v, size_t len);

struct dk_derw {
	uint8_t		*buf;
	size_t		 cap;
	size_t		 pos;	/* start of what is written so far */
	int		 overflow;
};

void	dk_derw_init(struct dk_derw *w, uint8_t *buf, size_t cap);
/* Prepend raw bytes. */
void	dk_derw_raw(struct dk_derw *w, const void *p, size_t len);
/* Prepend a header whose contents are everything from pos to mark. */
void	dk_derw_wrap(struct dk_derw *w, int tag, size_t mark);
/* Prepend an INTEGER from unsigned big-endian bytes. */
void	dk_derw_uint(struct dk_derw *w, const uint8_t *v, size_t len);
/* Prepend an AlgorithmIdentifier, with NULL parameters if null_param. */
void	dk_derw_alg(struct dk_derw *w, const uint8_t *oid, size_t len,
	    int null_param);
/* The value written, or NULL when it did not fit. */
const uint8_t	*dk_derw_out(const struct dk_derw *w, size_t *len);

/* OID contents: rsaEncryption (RFC 8017 App. C), Ed25519 (RFC 8410 §3). */
extern const uint8_t	dk_der_oid_rsa[9];
extern const uint8_t	dk_der_oid_ed25519[3];

#endif /* DK_ASN1_H */
