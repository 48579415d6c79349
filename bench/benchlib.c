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

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"

#define BENCH_LINE_WIDTH	70
#define BENCH_SECONDS_DEFAULT	1.5

const size_t dk_bench_sizes[DK_BENCH_NSIZES] = {
	2 * 1024, 64 * 1024, 1024 * 1024, 10 * 1024 * 1024
};

static const char *const words[] = {
	"the", "quarterly", "report", "is", "attached", "and", "we", "would",
	"like", "your", "comments", "before", "Friday", "meeting", "with",
	"finance", "team", "about", "budget", "for", "next", "year", "please",
	"note", "that", "numbers", "in", "section", "three", "have", "changed",
	"since", "draft", "circulated", "last", "week", "thanks", "regards"
};
#define NWORDS	(sizeof(words) / sizeof(words[0]))

/* xorshift32: the same words in every run, no libc state */
static uint32_t
next_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* One line of exactly width characters, words then padding, no CRLF. */
static size_t
fill_line(char *p, size_t width, uint32_t *seed)
{
	const char *w;
	size_t len = 0, wl;

	for (;;) {
		w = words[next_rand(seed) % NWORDS];
		wl = strlen(w);
		if (len + (len > 0) + wl > width)
			break;
		if (len > 0)
			p[len++] = ' ';
		memcpy(p + len, w, wl);
		len += wl;
	}
	while (len < width)
		p[len++] = '.';
	return len;
}

char *
dk_bench_message(size_t size)
{
	char *msg;
	size_t len, room, width;
	uint32_t seed = 2463534242U;
	int n;

	if ((msg = malloc(size + 1)) == NULL) {
		perror("malloc");
		exit(1);
	}
	n = snprintf(msg, size + 1,
	    "From: Alice Example <alice@" DK_BENCH_DOMAIN ">\r\n"
	    "To: Bob Example <bob@example.net>\r\n"
	    "Subject: Quarterly report, %zu bytes\r\n"
	    "Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"
	    "Message-ID: <bench-%zu@" DK_BENCH_DOMAIN ">\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=us-ascii\r\n"
	    "\r\n", size, size);
	if (n < 0 || (size_t)n + 2 > size) {
		fprintf(stderr, "message size %zu too small\n", size);
		exit(1);
	}
	for (len = (size_t)n; len < size; len += width + 2) {
		room = size - len;
		/* the last line takes what is left, so the size is exact */
		width = room - 2 <= BENCH_LINE_WIDTH + 4 ? room - 2 :
		    BENCH_LINE_WIDTH - next_rand(&seed) % 16;
		fill_line(msg + len, width, &seed);
		memcpy(msg + len + width, "\r\n", 2);
	}
	msg[size] = '\0';
	return msg;
}

char *
dk_bench_readfile(const char *path)
{
	FILE *fp;
	char *buf;
	size_t len;

	if ((buf = malloc(DK_BENCH_KEY_MAX + 1)) == NULL ||
	    (fp = fopen(path, "rb")) == NULL) {
		perror(path);
		exit(1);
	}
	len = fread(buf, 1, DK_BENCH_KEY_MAX, fp);
	fclose(fp);
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		len--;
	buf[len] = '\0';
	return buf;
}

static double
seconds(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
dk_bench_skip(const char *op, const char *alg, size_t size)
{
	const char *env;
	char cell[128];

	if ((env = getenv("DK_BENCH_CELL")) == NULL || *env == '\0')
		return 0;
	snprintf(cell, sizeof(cell), "%s %s %zu", op, alg, size);
	return strcmp(env, cell) != 0;
}

static double
target_seconds(void)
{
	const char *env;

	if ((env = getenv("DK_BENCH_SECONDS")) != NULL && atof(env) > 0)
		return atof(env);
	return BENCH_SECONDS_DEFAULT;
}

/* A measure: fn called at least miniters times and for seconds. */
struct bench_measure {
	unsigned long	iters;
	double		wall;
	double		cpu;
};

static int
measure(struct bench_measure *m, double secs, unsigned long miniters,
    dk_bench_fn *fn, void *arg)
{
	double wall0, cpu0, wall;
	unsigned long iters;

	wall0 = seconds(CLOCK_MONOTONIC);
	cpu0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
	for (iters = 0, wall = 0; iters < miniters || wall < secs; iters++) {
		if (fn(arg) != 0)
			return -1;
		wall = seconds(CLOCK_MONOTONIC) - wall0;
	}
	m->iters += iters;
	m->wall += wall;
	m->cpu += seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
	return 0;
}

static void
print_result(FILE *fp, const char *lib, const char *op, const char *alg,
    size_t size, const struct bench_measure *m)
{
	fprintf(fp, "RESULT %s %s %s %zu %lu %.6f %.6f\n", lib, op, alg,
	    size, m->iters, m->wall, m->cpu);
	fflush(fp);
}

int
dk_bench_run(const char *lib, const char *op, const char *alg, size_t size,
    dk_bench_fn *fn, void *arg)
{
	struct bench_measure m = { 0, 0, 0 };

	if (dk_bench_skip(op, alg, size))
		return 0;
	if (measure(&m, target_seconds(), DK_BENCH_MIN_ITERS, fn, arg) != 0) {
		fprintf(stderr, "%s %s %s %zu: failed\n", lib, op, alg, size);
		return -1;
	}
	print_result(stdout, lib, op, alg, size, &m);
	return 0;
}

int
dk_bench_pair(const char *lib, const char *op, const char *alg, size_t size,
    dk_bench_fn *fn, void *arg, dk_bench_fn *limit_fn, void *limit_arg,
    FILE *limit_out)
{
	struct bench_measure m = { 0, 0, 0 }, lm = { 0, 0, 0 };
	double slice;
	int i;

	if (dk_bench_skip(op, alg, size))
		return 0;
	slice = target_seconds() / DK_BENCH_ROUNDS;
	for (i = 0; i < DK_BENCH_ROUNDS; i++) {
		if (measure(&m, slice, 1, fn, arg) != 0) {
			fprintf(stderr, "%s %s %s %zu: failed\n", lib, op,
			    alg, size);
			return -1;
		}
		if (measure(&lm, slice, 1, limit_fn, limit_arg) != 0) {
			fprintf(stderr, "limit %s %s %zu: failed\n", op, alg,
			    size);
			return -1;
		}
	}
	print_result(stdout, lib, op, alg, size, &m);
	print_result(limit_out, "limit", op, alg, size, &lm);
	return 0;
}
