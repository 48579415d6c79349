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
 * Montgomery exponentiation in radix 2^52 on AVX-512 IFMA; see bn.h.
 *
 * The product a * b / R52 is formed digit by digit of b (word-serial
 * Montgomery): the low halves of a * b[i] and of m * q are added lane
 * by lane, q taken from lane 0 so that it becomes a multiple of 2^52,
 * the whole accumulator moves down one lane (the division by 2^52),
 * and the high halves, whose weight is one digit more, are added after
 * the move at the same lane numbers. Lanes grow past 52 bits between
 * normalizations: each takes at most four 52-bit terms a step, so 48
 * steps stay below 2^60.
 *
 * Constant-time: the IFMA instructions, the lane moves and the scalar
 * multiply take the same time for every operand; loops count digits
 * and vectors, which are public, and table entries are read whole under
 * masks. valgrind cannot run AVX-512, so tests/test_rsact checks the
 * other kernels only; tests/test_rsa compares this one with them and
 * `make ct` times it.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bn.h"

#define MASK52		(((uint64_t)1 << 52) - 1)
#define TAB_SIZE	((size_t)1 << DK_MONT_WIN)

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))

#include <immintrin.h>

#define TARGET	__attribute__((__target__("avx512f,avx512ifma")))
/* the vectors must live in registers: unroll the loops over them */
#define UNROLL	_Pragma("GCC unroll 16")

/* x[0..k) in digits d[0..8V), zeros above L. Public indexes only. */
static void
to52(uint64_t *d, const uint64_t *x, size_t k, const struct dk_mont52 *M52)
{
	size_t j, w, off;
	uint64_t v;

	memset(d, 0, 8 * M52->V * sizeof(*d));
	for (j = 0; j < M52->L; j++) {
		w = 52 * j / 64;
		off = 52 * j % 64;
		v = w < k ? x[w] >> off : 0;
		if (off > 12 && w + 1 < k)
			v |= x[w + 1] << (64 - off);
		d[j] = v & MASK52;
	}
}

/* x[0..k) from normalized digits d[0..L), bits past 64k dropped. */
static void
from52(uint64_t *x, size_t k, const uint64_t *d, const struct dk_mont52 *M52)
{
	size_t j, w, off;

	memset(x, 0, k * sizeof(*x));
	for (j = 0; j < M52->L; j++) {
		w = 52 * j / 64;
		off = 52 * j % 64;
		if (w < k)
			x[w] |= d[j] << off;
		if (off > 12 && w + 1 < k)
			x[w + 1] |= d[j] >> (64 - off);
	}
}

int
dk_bn_ifma_ok(void)
{
	/* libgcc asks CPUID and XGETBV (the OS saves zmm) once */
	return __builtin_cpu_supports("avx512f") &&
	    __builtin_cpu_supports("avx512ifma");
}

/*
 * r = Z with every digit below 2^52, the carries passed up. One step
 * leaves digits below 2^52 + 2^12; the last carries are found as in an
 * addition of bit masks, one bit a lane: a lane above 2^52 - 1
 * generates a carry, a lane equal to it passes one on. No branch.
 */
TARGET static inline __attribute__((__always_inline__)) void
normalize(uint64_t *r, __m512i *Z, const size_t V)
{
	const __m512i mask = _mm512_set1_epi64((long long)MASK52);
	const __m512i zero = _mm512_setzero_si512();
	const __m512i one = _mm512_set1_epi64(1);
	__m512i C[DK_M52_MAXV];
	uint64_t g = 0, p = 0, cin;
	size_t v;

	UNROLL
	for (v = 0; v < V; v++) {
		C[v] = _mm512_srli_epi64(Z[v], 52);
		Z[v] = _mm512_and_si512(Z[v], mask);
	}
	Z[0] = _mm512_add_epi64(Z[0], _mm512_alignr_epi64(C[0], zero, 7));
	UNROLL
	for (v = 1; v < V; v++)
		Z[v] = _mm512_add_epi64(Z[v], _mm512_alignr_epi64(C[v],
		    C[v - 1], 7));
	UNROLL
	for (v = 0; v < V; v++) {
		g |= (uint64_t)_mm512_cmpgt_epu64_mask(Z[v], mask) << (8 * v);
		p |= (uint64_t)_mm512_cmpeq_epu64_mask(Z[v], mask) << (8 * v);
	}
	cin = ((g << 1) + p) ^ p;
	UNROLL
	for (v = 0; v < V; v++) {
		Z[v] = _mm512_mask_add_epi64(Z[v], (__mmask8)(cin >> (8 * v)),
		    Z[v], one);
		_mm512_storeu_si512((void *)(r + 8 * v),
		    _mm512_and_si512(Z[v], mask));
	}
}

/*
 * r[w] = a[w] * b[w] / R52 mod m[w], below 2m[w] for a[w], b[w] below
 * 2m[w], for W independent products side by side (the two halves of a
 * CRT signature). Each step waits on its q: the work that does not is
 * kept off that path. The high halves are added one lane up before the
 * move (with a and m moved up a lane, ash and M52->ms) and summed in
 * their own vectors, so the path from one q to the next is one add,
 * one move to a scalar, a multiply, a broadcast, one multiply-add and
 * the lane move. V and W are constants.
 */
TARGET static inline __attribute__((__always_inline__)) void
amm(uint64_t *const r[], const uint64_t *const a[],
    const uint64_t *const b[], const struct dk_mont52 *const M52[],
    const size_t V, const size_t W)
{
	__m512i A[2][DK_M52_MAXV], Ash[2][DK_M52_MAXV], Z[2][DK_M52_MAXV];
	__m512i Y[2][DK_M52_MAXV], X, B, Q;
	const __m512i zero = _mm512_setzero_si512();
	uint64_t z0, q, c;
	size_t i, v, w;

	UNROLL
	for (w = 0; w < W; w++) {
		UNROLL
		for (v = 0; v < V; v++) {
			A[w][v] = _mm512_loadu_si512((const void *)(a[w] +
			    8 * v));
			Z[w][v] = zero;
		}
		Ash[w][0] = _mm512_alignr_epi64(A[w][0], zero, 7);
		UNROLL
		for (v = 1; v < V; v++)
			Ash[w][v] = _mm512_alignr_epi64(A[w][v], A[w][v - 1],
			    7);
	}
	for (i = 0; i < M52[0]->L; i++) {
		UNROLL
		for (w = 0; w < W; w++) {
			B = _mm512_set1_epi64((long long)b[w][i]);
			UNROLL
			for (v = 0; v < V; v++)
				Y[w][v] = _mm512_madd52hi_epu64(
				    _mm512_madd52lo_epu64(zero, A[w][v], B),
				    Ash[w][v], B);
		}
		UNROLL
		for (w = 0; w < W; w++) {
			UNROLL
			for (v = 0; v < V; v++)
				Z[w][v] = _mm512_add_epi64(Z[w][v], Y[w][v]);
			z0 = (uint64_t)_mm_cvtsi128_si64(
			    _mm512_castsi512_si128(Z[w][0]));
			q = (z0 * M52[w]->m0i) & MASK52;
			Q = _mm512_set1_epi64((long long)q);
			c = (z0 + ((M52[w]->m[0] * q) & MASK52)) >> 52;
			UNROLL
			for (v = 0; v < V; v++) {
				X = _mm512_madd52hi_epu64(zero,
				    _mm512_loadu_si512((const void *)
				    (M52[w]->ms + 8 * v)), Q);
				Z[w][v] = _mm512_add_epi64(
				    _mm512_madd52lo_epu64(Z[w][v],
				    _mm512_loadu_si512((const void *)
				    (M52[w]->m + 8 * v)), Q), X);
			}
			UNROLL
			for (v = 0; v + 1 < V; v++)
				Z[w][v] = _mm512_alignr_epi64(Z[w][v + 1],
				    Z[w][v], 1);
			Z[w][V - 1] = _mm512_alignr_epi64(zero, Z[w][V - 1],
			    1);
			Z[w][0] = _mm512_mask_add_epi64(Z[w][0], 1, Z[w][0],
			    _mm512_set1_epi64((long long)c));
		}
	}
	UNROLL
	for (w = 0; w < W; w++)
		normalize(r[w], Z[w], V);
}

typedef void	amm_fn(uint64_t *const[], const uint64_t *const[],
		    const uint64_t *const[], const struct dk_mont52 *const[]);

#define AMM_V(v, w)							\
TARGET static void							\
amm##v##x##w(uint64_t *const r[], const uint64_t *const a[],		\
    const uint64_t *const b[], const struct dk_mont52 *const M52[])	\
{									\
	amm(r, a, b, M52, v, w);					\
}
AMM_V(1, 1)
AMM_V(2, 1)
AMM_V(3, 1)
AMM_V(4, 1)
AMM_V(5, 1)
AMM_V(6, 1)
AMM_V(1, 2)
AMM_V(2, 2)
AMM_V(3, 2)
AMM_V(4, 2)
AMM_V(5, 2)
AMM_V(6, 2)

static amm_fn *const amm_by_vw[2][DK_M52_MAXV + 1] = {
	{ NULL, amm1x1, amm2x1, amm3x1, amm4x1, amm5x1, amm6x1 },
	{ NULL, amm1x2, amm2x2, amm3x2, amm4x2, amm5x2, amm6x2 }
};

/*
 * Entry idx of tab (32 entries of n digits, n a multiple of 8): every
 * entry is loaded, and a mask register computed without a branch keeps
 * the one wanted.
 */
TARGET static void
select52(uint64_t *r, const uint64_t *tab, uint64_t idx, size_t n)
{
	__m512i acc[DK_M52_MAXV];
	const __m512i want = _mm512_set1_epi64((long long)idx);
	__mmask8 hit;
	size_t i, v;

	UNROLL
	for (v = 0; v < DK_M52_MAXV; v++)
		acc[v] = _mm512_setzero_si512();
	for (i = 0; i < TAB_SIZE; i++) {
		hit = _mm512_cmpeq_epi64_mask(want,
		    _mm512_set1_epi64((long long)i));
		UNROLL
		for (v = 0; v < DK_M52_MAXV; v++)
			if (v < n / 8)
				acc[v] = _mm512_mask_mov_epi64(acc[v], hit,
				    _mm512_loadu_si512((const void *)(tab +
				    i * n + 8 * v)));
	}
	UNROLL
	for (v = 0; v < DK_M52_MAXV; v++)
		if (v < n / 8)
			_mm512_storeu_si512((void *)(r + 8 * v), acc[v]);
}

/*
 * W exponentiations side by side, with moduli of the same digit count
 * and exponents of ebits bits; see dk_mont52_exp_ct().
 */
static void
exp_w(uint64_t *const r[], const uint64_t *const x[],
    const uint64_t *const e[], unsigned int ebits,
    const struct dk_mont52 *const M52[], const struct dk_mont *const M[],
    uint64_t *tab, size_t W)
{
	amm_fn *mul = amm_by_vw[W - 1][M52[0]->V];
	uint64_t acc[2][DK_M52_DIGITS], t[2][DK_M52_DIGITS];
	uint64_t one[DK_M52_DIGITS];
	uint64_t *tw[2] = { NULL, NULL }, *accp[2] = { NULL, NULL };
	uint64_t *tp[2] = { NULL, NULL }, *pr[2] = { NULL, NULL };
	const uint64_t *pa[2] = { NULL, NULL }, *pb[2] = { NULL, NULL };
	const uint64_t *ones[2] = { one, one };
	size_t i, w, n = 8 * M52[0]->V, tn = TAB_SIZE * n;
	unsigned int nwin, win, j;

	memset(one, 0, sizeof(one));
	one[0] = 1;
	for (w = 0; w < W; w++) {
		tw[w] = tab + w * tn;
		accp[w] = acc[w];
		tp[w] = t[w];
		to52(t[w], x[w], M[w]->k, M52[w]);
		pr[w] = tw[w];
		pa[w] = M52[w]->rr;
	}
	mul(pr, pa, ones, M52);				/* R52 mod m */
	for (w = 0; w < W; w++) {
		pr[w] = tw[w] + n;
		pb[w] = t[w];
	}
	mul(pr, pa, pb, M52);				/* x R52 */
	for (i = 2; i < TAB_SIZE; i++) {
		for (w = 0; w < W; w++) {
			pr[w] = tw[w] + i * n;
			pa[w] = tw[w] + (i % 2 == 0 ? i / 2 : i - 1) * n;
			pb[w] = tw[w] + (i % 2 == 0 ? i / 2 : 1) * n;
		}
		mul(pr, pa, pb, M52);
	}
	nwin = (ebits + DK_MONT_WIN - 1) / DK_MONT_WIN;
	win = nwin - 1;
	for (w = 0; w < W; w++)
		select52(acc[w], tw[w], dk_bn_window(e[w], ebits,
		    win * DK_MONT_WIN, ebits - win * DK_MONT_WIN), n);
	while (win-- > 0) {
		for (j = 0; j < DK_MONT_WIN; j++)
			mul(accp, (const uint64_t *const *)accp,
			    (const uint64_t *const *)accp, M52);
		for (w = 0; w < W; w++)
			select52(t[w], tw[w], dk_bn_window(e[w], ebits,
			    win * DK_MONT_WIN, DK_MONT_WIN), n);
		mul(accp, (const uint64_t *const *)accp,
		    (const uint64_t *const *)tp, M52);
	}
	/* acc / R52 is at most m: one subtraction finishes it */
	mul(accp, (const uint64_t *const *)accp, ones, M52);
	for (w = 0; w < W; w++) {
		from52(r[w], M[w]->k, acc[w], M52[w]);
		dk_mont_reduce(r[w], r[w], M[w]);
	}
}

int
dk_mont52_init(struct dk_mont52 *M52, const struct dk_mont *M,
    unsigned int bits)
{
	uint64_t t[DK_BN_LIMBS];
	const uint64_t *one[1] = { NULL };
	uint64_t *out[1] = { M52->rr };
	const struct dk_mont52 *ctx[1] = { M52 };
	size_t i, d, sq;

	memset(M52, 0, sizeof(*M52));
	M52->L = (bits + 2 + 51) / 52;
	/* a lane past the last digit, for the high halves moved up */
	M52->V = M52->L / 8 + 1;
	if (M52->V > DK_M52_MAXV || bits < 8)
		return -1;
	to52(M52->m, M->m, M->k, M52);
	memcpy(M52->ms + 1, M52->m, (DK_M52_DIGITS - 1) * sizeof(*M52->ms));
	M52->m0i = M->m0i & MASK52;
	/*
	 * R52^2 = the radix-2^52 Montgomery form of 2^(52L) = (2^d)^(2^sq):
	 * 2^(52L + d) mod m by doubling 2^(bits - 8) (below m, whose first
	 * byte is not zero), then sq squarings, as dk_mont_pow2() does.
	 */
	for (sq = 0; (52 * M52->L >> sq & 1) == 0 &&
	    (52 * M52->L >> (sq + 1)) >= 64; sq++)
		continue;
	d = 52 * M52->L >> sq;
	memset(t, 0, sizeof(t));
	t[(bits - 8) / 64] = (uint64_t)1 << ((bits - 8) % 64);
	for (i = bits - 8; i < 52 * M52->L + d; i++)
		dk_mont_dbl(t, M);
	to52(M52->rr, t, M->k, M52);
	one[0] = M52->rr;
	for (i = 0; i < sq; i++)
		amm_by_vw[0][M52->V](out, one, one, ctx);
	return 0;
}

/* Variable time is fine here: x and e are public. */
void
dk_mont52_exp_pub(uint64_t *r, const uint64_t *x, uint64_t e,
    const struct dk_mont52 *M52, const struct dk_mont *M)
{
	amm_fn *mul = amm_by_vw[0][M52->V];
	uint64_t xp[DK_M52_DIGITS], xm[DK_M52_DIGITS], acc[DK_M52_DIGITS];
	uint64_t one[DK_M52_DIGITS];
	uint64_t *pacc[1] = { acc }, *pxm[1] = { xm };
	const uint64_t *cacc[1] = { acc }, *cxm[1] = { xm }, *cxp[1] = { xp };
	const uint64_t *crr[1] = { M52->rr }, *cone[1] = { one };
	const struct dk_mont52 *ctx[1] = { M52 };
	int i = 63;

	memset(one, 0, sizeof(one));
	one[0] = 1;
	to52(xp, x, M->k, M52);
	mul(pxm, cxp, crr, ctx);
	memcpy(acc, xm, sizeof(acc));
	while (i > 0 && ((e >> i) & 1) == 0)
		i--;
	while (i-- > 0) {
		mul(pacc, cacc, cacc, ctx);
		if ((e >> i) & 1)
			/* the last one with plain x leaves plain x^e */
			mul(pacc, cacc, i == 0 ? cxp : cxm, ctx);
	}
	if ((e & 1) == 0 || e == 1)
		mul(pacc, cacc, cone, ctx);
	from52(r, M->k, acc, M52);
	dk_mont_reduce(r, r, M);
}

void
dk_mont52_exp2_ct(uint64_t *r1, const uint64_t *x1, const uint64_t *e1,
    unsigned int ebits1, const struct dk_mont52 *M52a,
    const struct dk_mont *Ma, uint64_t *r2, const uint64_t *x2,
    const uint64_t *e2, unsigned int ebits2, const struct dk_mont52 *M52b,
    const struct dk_mont *Mb, uint64_t *tab)
{
	uint64_t *r[2] = { r1, r2 };
	const uint64_t *x[2] = { x1, x2 }, *e[2] = { e1, e2 };
	const struct dk_mont52 *M52[2] = { M52a, M52b };
	const struct dk_mont *M[2] = { Ma, Mb };

	if (M52a->V == M52b->V && M52a->L == M52b->L) {
		exp_w(r, x, e, ebits1 > ebits2 ? ebits1 : ebits2, M52, M, tab,
		    2);
		return;
	}
	exp_w(r, x, e, ebits1, M52, M, tab, 1);
	exp_w(r + 1, x + 1, e + 1, ebits2, M52 + 1, M + 1, tab, 1);
}

#else

int
dk_bn_ifma_ok(void)
{
	return 0;
}

int
dk_mont52_init(struct dk_mont52 *M52, const struct dk_mont *M,
    unsigned int bits)
{
	(void)M52;
	(void)M;
	(void)bits;
	return -1;
}

/*
 * Never called: with no dk_mont52 set up (dk_mont52_init() fails above),
 * rsa.c takes the radix 2^64 path. Only the symbols must exist.
 */
void
dk_mont52_exp_pub(uint64_t *r, const uint64_t *x, uint64_t e,
    const struct dk_mont52 *M52, const struct dk_mont *M)
{
	(void)r;
	(void)x;
	(void)e;
	(void)M52;
	(void)M;
	abort();
}

void
dk_mont52_exp2_ct(uint64_t *r1, const uint64_t *x1, const uint64_t *e1,
    unsigned int ebits1, const struct dk_mont52 *M52a,
    const struct dk_mont *Ma, uint64_t *r2, const uint64_t *x2,
    const uint64_t *e2, unsigned int ebits2, const struct dk_mont52 *M52b,
    const struct dk_mont *Mb, uint64_t *tab)
{
	(void)r1;
	(void)x1;
	(void)e1;
	(void)ebits1;
	(void)M52a;
	(void)Ma;
	(void)r2;
	(void)x2;
	(void)e2;
	(void)ebits2;
	(void)M52b;
	(void)Mb;
	(void)tab;
	abort();
}

#endif
