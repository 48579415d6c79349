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
 * SHA-256 on the x86 SHA extensions (SHA-NI). BearSSL has no such path,
 * and hashing the body is most of the cost of a large message: the
 * extensions run several times as fast as the portable code.
 *
 * The instructions keep the eight working variables in two registers,
 * ABEF and CDGH, and do two rounds per sha256rnds2; sha256msg1 and
 * sha256msg2 compute the message schedule four words at a time:
 *
 *	W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16]
 *	msg1(W[t-16..t-13], W[t-12..]) = W[t-16..] + s0(W[t-15..])
 *	alignr(W[t-4..t-1], W[t-8..t-5], 4) = W[t-7..t-4]
 *	msg2(that sum, W[t-4..t-1]) adds s1(W[t-2..]) lane by lane
 */

#include <stddef.h>
#include <stdint.h>

#include "sha256x86.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))

#include <cpuid.h>
#include <immintrin.h>

#include "cpu.h"

#define CPUID1_ECX_SSSE3	(1U << 9)
#define CPUID1_ECX_SSE41	(1U << 19)
#define CPUID7_EBX_SHA		(1U << 29)

/* FIPS 180-4 §4.2.2 */
static const uint32_t K256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5,
	0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
	0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
	0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
	0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

static int
cpu_has_sha(void)
{
	unsigned int a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) ||
	    (c & (CPUID1_ECX_SSSE3 | CPUID1_ECX_SSE41)) !=
	    (CPUID1_ECX_SSSE3 | CPUID1_ECX_SSE41))
		return 0;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return 0;
	return (b & CPUID7_EBX_SHA) != 0;
}

/* see sha256x86.h; asked once (cpu.h) */
int
dk_sha256x86_ok(void)
{
	static atomic_int known = -1;

	return dk_cpu_once(&known, cpu_has_sha);
}

#define TARGET	__attribute__((__target__("sha,ssse3,sse4.1")))

/* Four rounds: t = 4 * i .. 4 * i + 3, with the schedule words w. */
TARGET static inline void
rounds4(__m128i *abef, __m128i *cdgh, __m128i w, size_t i)
{
	__m128i wk;

	wk = _mm_add_epi32(w, _mm_loadu_si128((const __m128i *)&K256[4 * i]));
	*cdgh = _mm_sha256rnds2_epu32(*cdgh, *abef, wk);
	wk = _mm_shuffle_epi32(wk, 0x0e);	/* the upper two words */
	*abef = _mm_sha256rnds2_epu32(*abef, *cdgh, wk);
}

TARGET static void
block(__m128i *abef, __m128i *cdgh, const unsigned char *p)
{
	/* the words are big-endian (FIPS 180-4 §3.1) */
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL,
	    0x0405060700010203LL);
	__m128i w[4], abef0 = *abef, cdgh0 = *cdgh, t;
	size_t i;

	/*
	 * Unrolled, the ring w[] lives in registers; as loops, every
	 * schedule word goes through the stack (6% slower on a Xeon).
	 */
#pragma GCC unroll 4
	for (i = 0; i < 4; i++) {
		w[i] = _mm_shuffle_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)(p + 16 * i)), bswap);
		rounds4(abef, cdgh, w[i], i);
	}
#pragma GCC unroll 12
	for (i = 4; i < 16; i++) {
		/* w[] is a ring: w[i % 4] holds W[4i-16..], becomes W[4i..] */
		t = _mm_sha256msg1_epu32(w[i % 4], w[(i + 1) % 4]);
		t = _mm_add_epi32(t, _mm_alignr_epi8(w[(i + 3) % 4],
		    w[(i + 2) % 4], 4));
		w[i % 4] = _mm_sha256msg2_epu32(t, w[(i + 3) % 4]);
		rounds4(abef, cdgh, w[i % 4], i);
	}
	*abef = _mm_add_epi32(*abef, abef0);
	*cdgh = _mm_add_epi32(*cdgh, cdgh0);
}

TARGET void
dk_sha256x86_blocks(uint32_t state[8], const unsigned char *p,
    size_t nblocks)
{
	__m128i dcba, hgfe, abef, cdgh, t;

	/* H0..H7 in memory to the ABEF and CDGH lanes the instructions use */
	dcba = _mm_loadu_si128((const __m128i *)(const void *)&state[0]);
	hgfe = _mm_loadu_si128((const __m128i *)(const void *)&state[4]);
	t = _mm_shuffle_epi32(dcba, 0xb1);		/* CDAB */
	hgfe = _mm_shuffle_epi32(hgfe, 0x1b);		/* EFGH */
	abef = _mm_alignr_epi8(t, hgfe, 8);		/* ABEF */
	cdgh = _mm_blend_epi16(hgfe, t, 0xf0);		/* CDGH */
	for (; nblocks > 0; nblocks--, p += 64)
		block(&abef, &cdgh, p);
	t = _mm_shuffle_epi32(abef, 0x1b);		/* FEBA */
	cdgh = _mm_shuffle_epi32(cdgh, 0xb1);		/* DCHG */
	dcba = _mm_blend_epi16(t, cdgh, 0xf0);		/* DCBA */
	hgfe = _mm_alignr_epi8(cdgh, t, 8);		/* HGFE */
	_mm_storeu_si128((__m128i *)(void *)&state[0], dcba);
	_mm_storeu_si128((__m128i *)(void *)&state[4], hgfe);
}

#else

int
dk_sha256x86_ok(void)
{
	return 0;
}

void
dk_sha256x86_blocks(uint32_t state[8], const unsigned char *p,
    size_t nblocks)
{
	(void)state;
	(void)p;
	(void)nblocks;
}

#endif
