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
 * Montgomery arithmetic on 64-bit limbs, portable part; see bn.h for
 * the contracts. Products are formed whole and then reduced (separated
 * operand scanning), which lets a square skip the symmetric half of its
 * partial products. Every loop bound is a public length; values only
 * meet masks, never branches or indexes.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bn.h"

__extension__ typedef unsigned __int128	u128;

#define TAB_SIZE	((size_t)1 << DK_MONT_WIN)

size_t
dk_bn_limbs(size_t len)
{
	size_t k = (len + 7) / 8;

	k = (k + DK_BN_ALIGN - 1) / DK_BN_ALIGN * DK_BN_ALIGN;
	return k == 0 ? DK_BN_ALIGN : k;
}

void
dk_bn_decode(uint64_t *x, size_t k, const uint8_t *src, size_t len)
{
	size_t i;

	memset(x, 0, k * sizeof(*x));
	for (i = 0; i < len; i++)
		x[i / 8] |= (uint64_t)src[len - 1 - i] << (8 * (i % 8));
}

void
dk_bn_encode(uint8_t *dst, size_t len, const uint64_t *x, size_t k)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[len - 1 - i] = i / 8 < k ?
		    (uint8_t)(x[i / 8] >> (8 * (i % 8))) : 0;
}

uint64_t
dk_bn_addmul_c(uint64_t *t, const uint64_t *a, size_t n, uint64_t b)
{
	uint64_t c = 0;
	u128 p;
	size_t i;

	for (i = 0; i < n; i++) {
		p = (u128)a[i] * b + t[i] + c;
		t[i] = (uint64_t)p;
		c = (uint64_t)(p >> 64);
	}
	return c;
}

static inline uint64_t
addmul(uint64_t *t, const uint64_t *a, size_t n, uint64_t b, int adx)
{
	return adx ? dk_bn_addmul_adx(t, a, n, b) : dk_bn_addmul_c(t, a, n, b);
}

void
dk_bn_mul(uint64_t *r, const uint64_t *a, size_t ka, const uint64_t *b,
    size_t kb, int adx)
{
	size_t i;

	memset(r, 0, (ka + kb) * sizeof(*r));
	/* row i reaches r[i + kb - 1]; its carry starts r[i + kb] */
	for (i = 0; i < ka; i++)
		r[i + kb] = addmul(r + i, b, kb, a[i], adx);
}

/* t[0..2k) = a[0..k)^2: each cross product once, doubled, then a[i]^2. */
static void
bn_sqr(uint64_t *t, const uint64_t *a, size_t k, int adx)
{
	uint64_t c, nc;
	u128 p, s;
	size_t i;

	memset(t, 0, 2 * k * sizeof(*t));
	for (i = 0; i + 1 < k; i++)
		t[i + k] = addmul(t + 2 * i + 1, a + i + 1, k - i - 1, a[i],
		    adx);
	for (i = 0, c = 0; i < 2 * k; i++) {
		nc = t[i] >> 63;
		t[i] = t[i] << 1 | c;
		c = nc;
	}
	for (i = 0, c = 0; i < k; i++) {
		p = (u128)a[i] * a[i];
		s = (u128)t[2 * i] + (uint64_t)p + c;
		t[2 * i] = (uint64_t)s;
		s = (u128)t[2 * i + 1] + (uint64_t)(p >> 64) + (uint64_t)(s >> 64);
		t[2 * i + 1] = (uint64_t)s;
		c = (uint64_t)(s >> 64);
	}
}

uint64_t
dk_bn_add(uint64_t *a, const uint64_t *b, size_t k)
{
	uint64_t c = 0;
	u128 s;
	size_t i;

	for (i = 0; i < k; i++) {
		s = (u128)a[i] + b[i] + c;
		a[i] = (uint64_t)s;
		c = (uint64_t)(s >> 64);
	}
	return c;
}

/* a[0..k) -= b[0..k); returns the borrow (0 or 1). */
static uint64_t
bn_sub(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t k)
{
	uint64_t bw = 0;
	u128 d;
	size_t i;

	for (i = 0; i < k; i++) {
		d = (u128)a[i] - b[i] - bw;
		r[i] = (uint64_t)d;
		bw = (uint64_t)(d >> 64) & 1;
	}
	return bw;
}

/* All-ones when x == 0, else zero. */
static inline uint64_t
is_zero(uint64_t x)
{
	return ((x | (0 - x)) >> 63) - 1;
}

uint64_t
dk_bn_eq(const uint64_t *a, const uint64_t *b, size_t k)
{
	uint64_t acc = 0;
	size_t i;

	for (i = 0; i < k; i++)
		acc |= a[i] ^ b[i];
	return is_zero(acc);
}

/*
 * r = x + hi * R, less m when that is at least m; x + hi * R < 2m. r
 * may alias x.
 */
static void
csub(uint64_t *r, const uint64_t *x, uint64_t hi, const struct dk_mont *M)
{
	uint64_t d[DK_BN_LIMBS], keep;
	size_t i;

	/* keep x when there was no carry above it and x < m */
	keep = 0 - (bn_sub(d, x, M->m, M->k) & (hi ^ 1));
	for (i = 0; i < M->k; i++)
		r[i] = (x[i] & keep) | (d[i] & ~keep);
}

/* r = t / R mod m for t[0..2k) < R * m (Montgomery reduction). */
static void
redc(uint64_t *r, uint64_t *t, const struct dk_mont *M)
{
	uint64_t c = 0, hi;
	u128 s;
	size_t i, k = M->k;

	for (i = 0; i < k; i++) {
		hi = addmul(t + i, M->m, k, t[i] * M->m0i, M->adx);
		s = (u128)t[i + k] + hi + c;
		t[i + k] = (uint64_t)s;
		c = (uint64_t)(s >> 64);
	}
	csub(r, t + k, c, M);
}

void
dk_mont_mul(uint64_t *r, const uint64_t *a, const uint64_t *b,
    const struct dk_mont *M)
{
	uint64_t t[2 * DK_BN_LIMBS];

	dk_bn_mul(t, a, M->k, b, M->k, M->adx);
	redc(r, t, M);
}

void
dk_mont_sqr(uint64_t *r, const uint64_t *a, const struct dk_mont *M)
{
	uint64_t t[2 * DK_BN_LIMBS];

	bn_sqr(t, a, M->k, M->adx);
	redc(r, t, M);
}

void
dk_mont_from(uint64_t *r, const uint64_t *a, const struct dk_mont *M)
{
	uint64_t t[2 * DK_BN_LIMBS];

	memcpy(t, a, M->k * sizeof(*t));
	memset(t + M->k, 0, M->k * sizeof(*t));
	redc(r, t, M);
}

/* r = a + b mod m, for a, b < m. */
static void
mont_add(uint64_t *r, const uint64_t *a, const uint64_t *b,
    const struct dk_mont *M)
{
	uint64_t c;

	memmove(r, a, M->k * sizeof(*r));
	c = dk_bn_add(r, b, M->k);
	csub(r, r, c, M);
}

void
dk_mont_sub(uint64_t *r, const uint64_t *a, const uint64_t *b,
    const struct dk_mont *M)
{
	uint64_t madd[DK_BN_LIMBS], mask;
	size_t i;

	mask = 0 - bn_sub(r, a, b, M->k);
	for (i = 0; i < M->k; i++)
		madd[i] = M->m[i] & mask;
	(void)dk_bn_add(r, madd, M->k);
}

void
dk_mont_to(uint64_t *r, const uint64_t *x, size_t kx,
    const struct dk_mont *M)
{
	uint64_t lo[DK_BN_LIMBS], hi[DK_BN_LIMBS];
	size_t k = M->k;

	memset(lo, 0, sizeof(lo));
	memcpy(lo, x, (kx < k ? kx : k) * sizeof(*x));
	/* x = lo + hi * R: lo * R mod m, plus hi * R * R mod m */
	dk_mont_mul(r, lo, M->rr, M);
	if (kx > k) {
		memset(hi, 0, sizeof(hi));
		memcpy(hi, x + k, (kx - k) * sizeof(*x));
		dk_mont_mul(hi, hi, M->rr, M);
		dk_mont_mul(hi, hi, M->rr, M);
		mont_add(r, r, hi, M);
	}
}

void
dk_mont_dbl(uint64_t *x, const struct dk_mont *M)
{
	uint64_t c = 0, nc;
	size_t i;

	for (i = 0; i < M->k; i++) {
		nc = x[i] >> 63;
		x[i] = x[i] << 1 | c;
		c = nc;
	}
	csub(x, x, c, M);
}

int
dk_mont_init(struct dk_mont *M, const uint8_t *m, size_t len, size_t kmin)
{
	if (dk_mont_setup(M, m, len, kmin) == -1)
		return -1;
	dk_mont_pow2(M->rr, 64 * M->k, M);
	return 0;
}

int
dk_mont_setup(struct dk_mont *M, const uint8_t *m, size_t len, size_t kmin)
{
	size_t i, k, bit;
	uint64_t x;

	if (len == 0 || len > DK_RSA_MAX_BITS / 8 || (m[len - 1] & 1) == 0)
		return -1;
	memset(M, 0, sizeof(*M));
	k = dk_bn_limbs(len);
	if (k < kmin)
		k = dk_bn_limbs(8 * kmin);
	if (k > DK_BN_LIMBS)
		return -1;
	M->k = k;
	M->adx = dk_bn_adx_ok();
	dk_bn_decode(M->m, k, m, len);
	/* Newton: each step doubles the correct low bits (3 to start) */
	x = M->m[0];
	for (i = 0; i < 5; i++)
		x *= 2 - M->m[0] * x;
	M->m0i = 0 - x;
	/* R mod m: 2^(8 len - 8) < m (its first byte is not zero), doubled */
	bit = 8 * len - 8;
	M->one[bit / 64] = (uint64_t)1 << (bit % 64);
	for (i = bit; i < 64 * k; i++)
		dk_mont_dbl(M->one, M);
	return 0;
}

/*
 * 2^e = (2^d)^(2^sq): d doublings of R, then sq squarings. A doubling
 * costs about a fiftieth of a squaring, so d stays near 64.
 */
void
dk_mont_pow2(uint64_t *r, size_t e, const struct dk_mont *M)
{
	size_t i, sq;

	for (sq = 0; (e >> sq & 1) == 0 && (e >> (sq + 1)) >= 64; sq++)
		continue;
	memcpy(r, M->one, M->k * sizeof(*r));
	for (i = 0; i < e >> sq; i++)
		dk_mont_dbl(r, M);
	for (i = 0; i < sq; i++)
		dk_mont_sqr(r, r, M);
}

void
dk_mont_reduce(uint64_t *r, const uint64_t *x, const struct dk_mont *M)
{
	csub(r, x, 0, M);
}

uint64_t
dk_bn_window(const uint64_t *e, unsigned int ebits, unsigned int pos,
    unsigned int n)
{
	uint64_t v = e[pos / 64] >> (pos % 64);

	if (pos % 64 + n > 64 && pos / 64 + 1 < (ebits + 63) / 64)
		v |= e[pos / 64 + 1] << (64 - pos % 64);
	return v & (((uint64_t)1 << n) - 1);
}

void
dk_bn_select(uint64_t *r, const uint64_t *tab, uint64_t idx, size_t k)
{
	uint64_t mask;
	size_t i, j;

	memset(r, 0, k * sizeof(*r));
	for (i = 0; i < TAB_SIZE; i++) {
		mask = is_zero(i ^ idx);
		for (j = 0; j < k; j++)
			r[j] |= tab[i * k + j] & mask;
	}
}

void
dk_mont_exp_ct(uint64_t *r, const uint64_t *a, const uint64_t *e,
    unsigned int ebits, const struct dk_mont *M, uint64_t *tab)
{
	uint64_t t[DK_BN_LIMBS];
	size_t i, k = M->k;
	unsigned int nwin, w, j;

	memcpy(tab, M->one, k * sizeof(*tab));
	memcpy(tab + k, a, k * sizeof(*tab));
	for (i = 2; i < TAB_SIZE; i++) {
		if (i % 2 == 0)
			dk_mont_sqr(tab + i * k, tab + i / 2 * k, M);
		else
			dk_mont_mul(tab + i * k, tab + (i - 1) * k, a, M);
	}
	nwin = (ebits + DK_MONT_WIN - 1) / DK_MONT_WIN;
	w = nwin - 1;
	dk_bn_select(r, tab, dk_bn_window(e, ebits, w * DK_MONT_WIN,
	    ebits - w * DK_MONT_WIN), k);
	while (w-- > 0) {
		for (j = 0; j < DK_MONT_WIN; j++)
			dk_mont_sqr(r, r, M);
		dk_bn_select(t, tab, dk_bn_window(e, ebits, w * DK_MONT_WIN,
		    DK_MONT_WIN), k);
		dk_mont_mul(r, r, t, M);
	}
}

void
dk_mont_exp_pub(uint64_t *r, const uint64_t *a, uint64_t e,
    const struct dk_mont *M)
{
	uint64_t base[DK_BN_LIMBS];
	int i = 63;

	memcpy(base, a, M->k * sizeof(*base));
	memcpy(r, a, M->k * sizeof(*r));
	while (i > 0 && ((e >> i) & 1) == 0)
		i--;
	while (i-- > 0) {
		dk_mont_sqr(r, r, M);
		if ((e >> i) & 1)
			dk_mont_mul(r, r, base, M);
	}
}
