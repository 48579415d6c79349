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

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "asn1.h"

/* 1.2.840.113549.1.1.1 */
const uint8_t dk_der_oid_rsa[9] = {
	0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01
};
/* 1.3.101.112 */
const uint8_t dk_der_oid_ed25519[3] = { 0x2b, 0x65, 0x70 };

int
dk_der_peek(const struct dk_der *d)
{
	return d->len == 0 ? -1 : d->p[0];
}

/*
 * A value is tag, length, contents:
 *
 *	tag	one byte; 0x1f in the low bits means a multi-byte tag,
 *		which none of our structures uses, so it is refused.
 *	length	0x00-0x7f: the length itself; 0x81 L or 0x82 H L: one or
 *		two length bytes. DER needs the shortest form, and 0x80
 *		(indefinite) is BER only. Lengths over 0xffff exceed
 *		DK_DER_MAX anyway.
 */
int
dk_der_get(struct dk_der *d, int tag, struct dk_der *out)
{
	size_t hdr = 2, len, n, i;

	if (d->len < 2 || d->p[0] != tag || (tag & 0x1f) == 0x1f)
		return -1;
	len = d->p[1];
	if (len >= 0x80) {
		n = len & 0x7f;
		if (n == 0 || n > 2 || d->len < 2 + n)
			return -1;
		for (len = 0, i = 0; i < n; i++)
			len = (len << 8) | d->p[2 + i];
		if (len < 0x80 || (n == 2 && len < 0x100))
			return -1;
		hdr += n;
	}
	if (len > d->len - hdr)
		return -1;
	out->p = d->p + hdr;
	out->len = len;
	d->p += hdr + len;
	d->len -= hdr + len;
	return 0;
}

int
dk_der_get_uint(struct dk_der *d, struct dk_der *out)
{
	if (dk_der_get(d, DK_DER_INTEGER, out) == -1)
		return -1;
	/* X.690 §8.3: at least one byte, two's complement; no negatives */
	if (out->len == 0 || (out->p[0] & 0x80) != 0)
		return -1;
	while (out->len > 0 && out->p[0] == 0) {
		out->p++;
		out->len--;
	}
	return 0;
}

int
dk_der_get_alg(struct dk_der *d, const uint8_t *oid, size_t len)
{
	struct dk_der alg, id, param;

	if (dk_der_get(d, DK_DER_SEQUENCE, &alg) == -1 ||
	    dk_der_get(&alg, DK_DER_OID, &id) == -1 ||
	    id.len != len || memcmp(id.p, oid, len) != 0)
		return -1;
	/*
	 * RFC 3279 §2.3.1 wants NULL parameters for RSA and RFC 8410 §3
	 * wants none for Ed25519; real keys use both forms for RSA.
	 */
	if (alg.len > 0 && (dk_der_get(&alg, DK_DER_NULL, &param) == -1 ||
	    param.len != 0))
		return -1;
	return alg.len == 0 ? 0 : -1;
}

unsigned int
dk_der_bitlen(const uint8_t *v, size_t len)
{
	unsigned int bits;
	uint8_t top;

	while (len > 0 && *v == 0) {
		v++;
		len--;
	}
	if (len == 0)
		return 0;
	for (bits = 0, top = v[0]; top != 0; top >>= 1)
		bits++;
	return (unsigned int)((len - 1) * 8) + bits;
}

void
dk_derw_init(struct dk_derw *w, uint8_t *buf, size_t cap)
{
	w->buf = buf;
	w->cap = cap;
	w->pos = cap;
	w->overflow = 0;
}

void
dk_derw_raw(struct dk_derw *w, const void *p, size_t len)
{
	if (w->overflow || len > w->pos) {
		w->overflow = 1;
		return;
	}
	w->pos -= len;
	memcpy(w->buf + w->pos, p, len);
}

void
dk_derw_wrap(struct dk_derw *w, int tag, size_t mark)
{
	uint8_t hdr[4];
	size_t len, n;

	if (w->overflow)
		return;
	len = mark - w->pos;
	hdr[0] = (uint8_t)tag;
	if (len < 0x80) {
		hdr[1] = (uint8_t)len;
		n = 2;
	} else if (len < 0x100) {
		hdr[1] = 0x81;
		hdr[2] = (uint8_t)len;
		n = 3;
	} else if (len <= 0xffff) {
		hdr[1] = 0x82;
		hdr[2] = (uint8_t)(len >> 8);
		hdr[3] = (uint8_t)len;
		n = 4;
	} else {
		w->overflow = 1;
		return;
	}
	dk_derw_raw(w, hdr, n);
}

void
dk_derw_uint(struct dk_derw *w, const uint8_t *v, size_t len)
{
	size_t mark = w->pos;

	while (len > 0 && *v == 0) {
		v++;
		len--;
	}
	dk_derw_raw(w, v, len);
	/* a zero byte keeps the value positive, and zero needs one byte */
	if (len == 0 || (v[0] & 0x80) != 0)
		dk_derw_raw(w, "", 1);
	dk_derw_wrap(w, DK_DER_INTEGER, mark);
}

void
dk_derw_alg(struct dk_derw *w, const uint8_t *oid, size_t len,
    int null_param)
{
	size_t mark = w->pos, oidmark;

	if (null_param)
		dk_derw_raw(w, "\x05\x00", 2);
	oidmark = w->pos;
	dk_derw_raw(w, oid, len);
	dk_derw_wrap(w, DK_DER_OID, oidmark);
	dk_derw_wrap(w, DK_DER_SEQUENCE, mark);
}

const uint8_t *
dk_derw_out(const struct dk_derw *w, size_t *len)
{
	if (w->overflow)
		return NULL;
	*len = w->cap - w->pos;
	return w->buf + w->pos;
}
