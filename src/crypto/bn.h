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
 * Multi-precision Montgomery arithmetic for RSA, private to src/crypto.
 *
 * Numbers are arrays of 64-bit limbs, least significant first. Every
 * length is a count of limbs and is public: it may steer branches and
 * memory indexes. Limb values may be secret. Unless a function says
 * otherwise it is constant-time in the values: no branch and no memory
 * index depends on them, only on lengths and on the fields of struct
 * dk_mont that are marked public.
 *
 * A Montgomery context works with R = 2^(64k) where k, the context's
 * length, is the modulus' limb count rounded up to DK_BN_ALIGN. The
 * Montgomery form of x is xR mod m. The multiply runs on the CPU's
 * mulx/adcx/adox instructions when it has them (chosen once, at
 * dk_mont_init), on unsigned __int128 arithmetic otherwise.
 */

#ifndef DK_BN_H
#define DK_BN_H

#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"

#define DK_BN_ALIGN	4	/* limbs; the mulx kernel works 4 at a time */
#define DK_BN_LIMBS	(DK_RSA_MAX_BITS / 64)	/* the largest modulus */

struct dk_mont {
	size_t		k;		/* public: limbs, multiple of ALIGN */
	int		adx;		/* public: use the mulx kernel */
	uint64_t	m0i;		/* -m^-1 mod 2^64 */
	uint64_t	m[DK_BN_LIMBS];	/* the odd modulus, zero above */
	uint64_t	one[DK_BN_LIMBS];	/* R mod m */
	uint64_t	rr[DK_BN_LIMBS];	/* R^2 mod m */
};

/* Limbs needed for len bytes, rounded up to DK_BN_ALIGN. */
size_t	dk_bn_limbs(size_t len);
/* x[0..k) = the big-endian src[0..len); len <= 8k. */
void	dk_bn_decode(uint64_t *x, size_t k, const uint8_t *src, size_t len);
/* dst[0..len) = x[0..k) big-endian, truncated to len bytes. */
void	dk_bn_encode(uint8_t *dst, size_t len, const uint64_t *x, size_t k);
/*
 * r[0..ka+kb) = a[0..ka) * b[0..kb); r must not overlap a or b. The
 * mulx kernel when adx is set.
 */
void	dk_bn_mul(uint64_t *r, const uint64_t *a, size_t ka,
	    const uint64_t *b, size_t kb, int adx);
/* a[0..k) += b[0..k); returns the carry (0 or 1). */
uint64_t	dk_bn_add(uint64_t *a, const uint64_t *b, size_t k);
/* All-ones when a[0..k) == b[0..k), else zero. */
uint64_t	dk_bn_eq(const uint64_t *a, const uint64_t *b, size_t k);

/*
 * Set up M for the odd modulus m[0..len), big-endian, whose first byte
 * is not zero and len <= DK_RSA_MAX_BITS / 8, with at least kmin limbs
 * (rounded up to DK_BN_ALIGN, at most DK_BN_LIMBS). Constant-time in m's
 * value (it may be a secret prime). Returns -1, before doing anything
 * else, when m is even or the lengths are out of range; that check
 * branches on m's lowest bit, which is 1 for every valid secret prime.
 */
int	dk_mont_init(struct dk_mont *M, const uint8_t *m, size_t len,
	    size_t kmin);
/* The same without rr (left zero), for the radix 2^52 code. */
int	dk_mont_setup(struct dk_mont *M, const uint8_t *m, size_t len,
	    size_t kmin);
/* x = 2x mod m, for x < m. */
void	dk_mont_dbl(uint64_t *x, const struct dk_mont *M);
/*
 * r = a * b / R mod m, for a * b < R * m (for example a < R and
 * b < m); the result is below m. r may alias a or b.
 */
void	dk_mont_mul(uint64_t *r, const uint64_t *a, const uint64_t *b,
	    const struct dk_mont *M);
/* r = a * a / R mod m, for a < m; r may alias a. */
void	dk_mont_sqr(uint64_t *r, const uint64_t *a, const struct dk_mont *M);
/*
 * r = the Montgomery form of x[0..kx) mod m, for any x below R^2
 * (kx <= 2k): a value wider than m is reduced too.
 */
void	dk_mont_to(uint64_t *r, const uint64_t *x, size_t kx,
	    const struct dk_mont *M);
/* r = a / R mod m: from Montgomery form back to the plain value. */
void	dk_mont_from(uint64_t *r, const uint64_t *a, const struct dk_mont *M);
/* r = the Montgomery form of 2^e (e public). */
void	dk_mont_pow2(uint64_t *r, size_t e, const struct dk_mont *M);
/* r = x mod m for x < 2m (one conditional subtraction). */
void	dk_mont_reduce(uint64_t *r, const uint64_t *x, const struct dk_mont *M);
/* r = a - b mod m, for a, b < m. */
void	dk_mont_sub(uint64_t *r, const uint64_t *a, const uint64_t *b,
	    const struct dk_mont *M);
/* Bits [pos, pos + n) of e[] (n <= DK_MONT_WIN), e holding ebits bits. */
uint64_t	dk_bn_window(const uint64_t *e, unsigned int ebits,
		    unsigned int pos, unsigned int n);
/*
 * r[0..k) = entry idx of the 2^DK_MONT_WIN entries of k limbs in tab,
 * reading every entry under a mask: idx may be secret.
 */
void	dk_bn_select(uint64_t *r, const uint64_t *tab, uint64_t idx, size_t k);
/*
 * r = the Montgomery form of a^e, a in Montgomery form, e[] holding
 * ebits bits (ebits public, the bits secret): a fixed window of
 * DK_MONT_WIN bits, the same sequence of squarings and multiplications
 * for every exponent, and the table read whole with masks. tmp holds
 * DK_MONT_TMP(k) limbs.
 */
#define DK_MONT_WIN	5
#define DK_MONT_TMP(k)	(((size_t)1 << DK_MONT_WIN) * (k))
void	dk_mont_exp_ct(uint64_t *r, const uint64_t *a, const uint64_t *e,
	    unsigned int ebits, const struct dk_mont *M, uint64_t *tmp);
/*
 * r = the Montgomery form of a^e for a public e (>= 1), left to right:
 * branches on the bits of e only.
 */
void	dk_mont_exp_pub(uint64_t *r, const uint64_t *a, uint64_t e,
	    const struct dk_mont *M);

/*
 * Montgomery arithmetic in radix 2^52 on AVX-512 IFMA (bnifma.c), for
 * the CPUs that have it: eight digits to a vector, each multiply-add
 * instruction forming eight 52-bit products. R52 = 2^(52L) with
 * m < R52 / 4, so that products of values below 2m reduce to below 2m
 * without a subtraction (almost Montgomery multiplication); the one
 * full reduction comes at the end. Digits are kept 8V to a number,
 * those from L up zero, with at least one zero digit.
 */
#define DK_M52_MAXV	6	/* up to 47 digits: primes of RSA-4096 */
#define DK_M52_DIGITS	(8 * DK_M52_MAXV)

struct dk_mont52 {
	size_t		L;		/* public: digits of the modulus */
	size_t		V;		/* public: vectors of 8 digits */
	uint64_t	m0i;		/* -m^-1 mod 2^52 */
	uint64_t	m[DK_M52_DIGITS];
	uint64_t	ms[DK_M52_DIGITS];	/* m moved up one digit */
	uint64_t	rr[DK_M52_DIGITS];	/* R52^2 mod m */
};

/* Nonzero when the CPU and the OS give AVX-512F and IFMA (asked once). */
int	dk_bn_ifma_ok(void);
/*
 * Set up M52 for the modulus of M (M->rr not needed), bits its byte
 * length times 8 (public). Constant-time in the modulus. -1 when it is
 * longer than DK_M52_MAXV vectors hold, or without IFMA.
 */
int	dk_mont52_init(struct dk_mont52 *M52, const struct dk_mont *M,
	    unsigned int bits);
/*
 * r1 = x1^e1 mod m1 and r2 = x2^e2 mod m2 (the two halves of a CRT
 * signature), x and r plain values in the k limbs of their 64-bit
 * contexts, x below m; e as for dk_mont_exp_ct(), with the same fixed
 * window and whole-table reads. Moduli of one digit count run side by
 * side over the longer exponent length. tab holds
 * 2 * DK_MONT_TMP(DK_M52_DIGITS) limbs. Only after dk_bn_ifma_ok().
 */
#define DK_M52_TMP	(2 * DK_MONT_TMP(DK_M52_DIGITS))
/*
 * r = x^e mod m for x < m and e >= 1, in the k limbs of M: the public
 * operation, branching on the bits of e. Only after dk_bn_ifma_ok().
 */
void	dk_mont52_exp_pub(uint64_t *r, const uint64_t *x, uint64_t e,
	    const struct dk_mont52 *M52, const struct dk_mont *M);
void	dk_mont52_exp2_ct(uint64_t *r1, const uint64_t *x1,
	    const uint64_t *e1, unsigned int ebits1,
	    const struct dk_mont52 *M52a, const struct dk_mont *Ma,
	    uint64_t *r2, const uint64_t *x2, const uint64_t *e2,
	    unsigned int ebits2, const struct dk_mont52 *M52b,
	    const struct dk_mont *Mb, uint64_t *tab);

/* The mulx/adcx/adox kernel (bnadx.c): nonzero when the CPU has it. */
int	dk_bn_adx_ok(void);
/*
 * t[0..n) += a[0..n) * b; returns the carry limb. n >= 1. The portable
 * kernel is in bn.c; the mulx one only after dk_bn_adx_ok() said yes.
 */
uint64_t	dk_bn_addmul_c(uint64_t *t, const uint64_t *a, size_t n,
		    uint64_t b);
uint64_t	dk_bn_addmul_adx(uint64_t *t, const uint64_t *a, size_t n,
		    uint64_t b);

#endif /* DK_BN_H */
