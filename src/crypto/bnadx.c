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
 * The Montgomery kernel on the x86 mulx, adcx and adox instructions
 * (BMI2 and ADX): two carry chains run side by side, one through CF for
 * the low halves of the products and one through OF for the high
 * halves, so a row of products costs about one multiply per limb. The
 * portable kernel (bn.c) is the reference; tests/test_rsa compares the
 * two. Constant-time: the instructions' timing does not depend on their
 * operands, and the loop counts only on the length.
 */

#include <stddef.h>
#include <stdint.h>

#include "bn.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))

#include <cpuid.h>

#include "cpu.h"

#define CPUID7_EBX_BMI2		(1U << 8)
#define CPUID7_EBX_ADX		(1U << 19)

static int
cpu_has_adx(void)
{
	unsigned int a, b, c, d;

	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return 0;
	return (b & (CPUID7_EBX_BMI2 | CPUID7_EBX_ADX)) ==
	    (CPUID7_EBX_BMI2 | CPUID7_EBX_ADX);
}

/* see bn.h; asked once (cpu.h) */
int
dk_bn_adx_ok(void)
{
	static atomic_int known = -1;

	return dk_cpu_once(&known, cpu_has_adx);
}

/* One limb: lo:hi = a[OFF] * b; t[OFF] = lo + t[OFF] (CF) + HP (OF). */
#define LIMB(OFF, HN, HP)						\
	"mulx " #OFF "(%[a]), %[lo], %[" #HN "]\n\t"			\
	"adcx " #OFF "(%[t]), %[lo]\n\t"				\
	"adox %[" #HP "], %[lo]\n\t"					\
	"mov %[lo], " #OFF "(%[t])\n\t"

/*
 * Nothing in the loops may touch CF or OF: lea and mov leave them, and
 * jrcxz tests rcx without them.
 */
uint64_t
dk_bn_addmul_adx(uint64_t *t, const uint64_t *a, size_t n, uint64_t b)
{
	uint64_t lo, h0, h1;
	size_t quads = n / 4, rem = n % 4;

	__asm__ volatile(
	    "xor %k[h1], %k[h1]\n\t"
	    "jrcxz 2f\n\t"
	    "1:\n\t"
	    LIMB(0, h0, h1)
	    LIMB(8, h1, h0)
	    LIMB(16, h0, h1)
	    LIMB(24, h1, h0)
	    "lea 32(%[a]), %[a]\n\t"
	    "lea 32(%[t]), %[t]\n\t"
	    "lea -1(%%rcx), %%rcx\n\t"
	    "jrcxz 2f\n\t"
	    "jmp 1b\n\t"
	    "2:\n\t"
	    "mov %[rem], %%rcx\n\t"
	    "jrcxz 4f\n\t"
	    "3:\n\t"
	    LIMB(0, h0, h1)
	    "mov %[h0], %[h1]\n\t"
	    "lea 8(%[a]), %[a]\n\t"
	    "lea 8(%[t]), %[t]\n\t"
	    "lea -1(%%rcx), %%rcx\n\t"
	    "jrcxz 4f\n\t"
	    "jmp 3b\n\t"
	    "4:\n\t"
	    "mov $0, %k[lo]\n\t"
	    "adcx %[lo], %[h1]\n\t"
	    "adox %[lo], %[h1]\n\t"
	    : [t] "+r" (t), [a] "+r" (a), "+c" (quads), [lo] "=&r" (lo),
	      [h0] "=&r" (h0), [h1] "=&r" (h1)
	    : "d" (b), [rem] "r" (rem)
	    : "cc", "memory");
	return h1;
}

#else

int
dk_bn_adx_ok(void)
{
	return 0;
}

uint64_t
dk_bn_addmul_adx(uint64_t *t, const uint64_t *a, size_t n, uint64_t b)
{
	return dk_bn_addmul_c(t, a, n, b);
}

#endif
