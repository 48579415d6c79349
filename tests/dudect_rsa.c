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
 * A statistical timing test of RSA signing in the style of dudect
 * (Reparaz, Balasch and Verbauwhede, "Dude, is my code constant
 * time?", 2017): time many calls on two classes of secret input, fixed
 * and random, in random order, and compare the two distributions with
 * Welch's t-test, whole and cropped at several percentiles (the tail is
 * mostly noise from the rest of the machine). |t| above 10 says the
 * time depends on the class: a failure. `make ct` runs it; it is not
 * part of make check because it takes seconds and wants a quiet core.
 *
 * Classes: the digest (all zero against random) through
 * dk_rsa_sign_ct(), and the exponent (zero against random, the extreme
 * case for a window method) through the exponentiation with the primes
 * of the key. Every kernel the CPU has: portable, mulx, IFMA.
 */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/crypto/rsa.h"

#define KEYFILE		"tests/data/crypto/rsa2048-pkcs8.pem"
#define NMEASURE	3000	/* per test, both classes together */
#define NCROP		5
#define T_FAIL		10.0	/* dudect's "definitely not constant time" */

static const double crop_pct[NCROP] = { 1.0, 0.9, 0.75, 0.5, 0.25 };

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Welch's t over the measurements below cut. */
static double
welch(const uint64_t *t, const int *cls, size_t n, uint64_t cut)
{
	double sum[2] = { 0, 0 }, sq[2] = { 0, 0 }, cnt[2] = { 0, 0 };
	double mean[2], var[2];
	size_t i;
	int c;

	for (i = 0; i < n; i++) {
		if (t[i] > cut)
			continue;
		c = cls[i];
		sum[c] += (double)t[i];
		sq[c] += (double)t[i] * (double)t[i];
		cnt[c]++;
	}
	if (cnt[0] < 2 || cnt[1] < 2)
		return 0;
	for (c = 0; c < 2; c++) {
		mean[c] = sum[c] / cnt[c];
		var[c] = (sq[c] - cnt[c] * mean[c] * mean[c]) / (cnt[c] - 1);
	}
	return (mean[0] - mean[1]) / sqrt(var[0] / cnt[0] + var[1] / cnt[1]);
}

struct bench {
	const char		*name;
	struct dk_rsa_priv	*k;
	uint64_t		 exp[2][DK_BN_LIMBS];
	uint8_t			 digest[2][32];
	uint64_t		 tab[DK_M52_TMP + DK_MONT_TMP(DK_BN_LIMBS)];
};

static void
run_sign(struct bench *b, int cls)
{
	uint8_t sig[DK_SIG_MAX];

	if (dk_rsa_sign_ct(b->k, b->digest[cls], sig) != 0) {
		fprintf(stderr, "dudect: signing failed\n");
		exit(1);
	}
}

static void
run_exp(struct bench *b, int cls)
{
	uint64_t r[DK_BN_LIMBS], r2[DK_BN_LIMBS];
	struct dk_rsa_priv *k = b->k;

	if (k->ifma)
		dk_mont52_exp2_ct(r, k->p.one, b->exp[cls], k->pbits, &k->p52,
		    &k->p, r2, k->q.one, b->exp[cls], k->qbits, &k->q52,
		    &k->q, b->tab);
	else
		dk_mont_exp_ct(r, k->p.rr, b->exp[cls], k->pbits, &k->p,
		    b->tab);
}

/* One test: NMEASURE timed calls, classes in random order. */
static int
measure(struct bench *b, void (*fn)(struct bench *, int), const char *what)
{
	static uint64_t t[NMEASURE], sorted[NMEASURE];
	static int cls[NMEASURE];
	double tv, worst = 0;
	uint64_t t0;
	size_t i;
	int c;

	for (i = 0; i < NMEASURE; i++) {
		cls[i] = (int)(rng() & 1);
		/* a fresh random input for the random class each time */
		if (cls[i] == 1) {
			for (c = 0; c < 32; c++)
				b->digest[1][c] = (uint8_t)rng();
			for (c = 0; c < (int)b->k->p.k; c++)
				b->exp[1][c] = rng();
		}
		t0 = now_ns();
		fn(b, cls[i]);
		t[i] = now_ns() - t0;
	}
	memcpy(sorted, t, sizeof(t));
	qsort(sorted, NMEASURE, sizeof(*sorted), cmp_u64);
	printf("%s %s:", b->name, what);
	for (i = 0; i < NCROP; i++) {
		tv = welch(t, cls, NMEASURE,
		    sorted[(size_t)(crop_pct[i] * (NMEASURE - 1))]);
		printf(" t(%.0f%%)=%.2f", crop_pct[i] * 100, tv);
		if (fabs(tv) > worst)
			worst = fabs(tv);
	}
	printf("  median %.1f us\n", sorted[NMEASURE / 2] / 1000.0);
	if (worst > T_FAIL) {
		printf("FAIL %s %s: |t| = %.1f > %.0f, the time depends on the "
		    "secret class\n", b->name, what, worst, T_FAIL);
		return 1;
	}
	printf("PASS %s %s: max |t| = %.2f\n", b->name, what, worst);
	return 0;
}

int
main(void)
{
	static struct bench b;
	struct dk_key *key;
	char buf[8192], err[256];
	size_t len;
	FILE *f;
	static const char *const kern_name[3] = { "rsa2048-portable",
		"rsa2048-mulx", "rsa2048-ifma" };
	int kern, ifma, fails = 0, tests = 0;

	if ((f = fopen(KEYFILE, "r")) == NULL) {
		perror(KEYFILE);
		return 1;
	}
	len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	if (dk_key_parse(&key, buf, len, err, sizeof(err)) != DK_OK) {
		fprintf(stderr, "%s: %s\n", KEYFILE, err);
		return 1;
	}
	b.k = dk_key_rsa_priv(key);
	ifma = b.k->ifma;
	memset(b.digest[0], 0, sizeof(b.digest[0]));
	memset(b.exp[0], 0, sizeof(b.exp[0]));
	for (kern = 0; kern < 3; kern++) {
		if ((kern == 1 && !dk_bn_adx_ok()) || (kern == 2 && !ifma))
			continue;
		b.k->n.adx = b.k->p.adx = b.k->q.adx = kern >= 1;
		b.k->ifma = kern == 2;
		b.name = kern_name[kern];
		fails += measure(&b, run_exp, "exponent");
		fails += measure(&b, run_sign, "digest");
		tests += 2;
	}
	dk_key_free(key);
	printf("%d passed, %d failed\n", tests - fails, fails);
	return fails != 0;
}
