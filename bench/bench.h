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
 * What the two benchmark programs share, so that they measure the same
 * work: the generated messages, the chunk size they are fed in, the
 * clock, and the format of the result lines bench/run.sh reads.
 */

#ifndef DK_BENCH_H
#define DK_BENCH_H

#include <stddef.h>
#include <stdio.h>

#define DK_BENCH_NSIZES	4
#define DK_BENCH_CHUNK	(64 * 1024)	/* what an MTA reads at once */
#define DK_BENCH_NOW	1700000000	/* t= of every signature */
#define DK_BENCH_DOMAIN	"bench.example"
#define DK_BENCH_KEY_MAX	(64 * 1024)	/* key and record files */

/* Message sizes: 2 KiB, 64 KiB, 1 MiB, 10 MiB. */
extern const size_t	dk_bench_sizes[DK_BENCH_NSIZES];

/*
 * A message of exactly size bytes: a typical header block, then lines
 * of words of about 70 characters, all ending in CRLF. The same size
 * gives the same bytes in every run. Exits when memory runs out.
 */
char	*dk_bench_message(size_t size);

/*
 * Read a whole file into a NUL-terminated string, without a final line
 * end. Exits on error: a benchmark without its key has nothing to do.
 */
char	*dk_bench_readfile(const char *path);

/*
 * Whether the cell OP ALG SIZE is left out of this run: DK_BENCH_CELL
 * (environment), when set, names the one cell to run, "OP ALG SIZE" as
 * in a RESULT line. bench/run.sh runs cells one by one this way, each
 * next to its own limit, and so can a profiler.
 */
int	dk_bench_skip(const char *op, const char *alg, size_t size);

/* One message through sign or verify; 0 on success. */
typedef int	dk_bench_fn(void *arg);

/*
 * Call fn(arg) until DK_BENCH_SECONDS (environment; default 1.5) of
 * wall time have passed, at least DK_BENCH_MIN_ITERS times, and print
 *	RESULT LIB OP ALG SIZE ITERATIONS WALL_SECONDS CPU_SECONDS
 * (CPU time of the process, CLOCK_PROCESS_CPUTIME_ID). Returns 0, or
 * -1 when fn failed (after printing why). A cell dk_bench_skip() leaves
 * out returns 0 and prints nothing.
 */
#define DK_BENCH_MIN_ITERS	3
int	dk_bench_run(const char *lib, const char *op, const char *alg,
	    size_t size, dk_bench_fn *fn, void *arg);

/*
 * As dk_bench_run(), with the cell's limit measured alongside: the time
 * is cut into DK_BENCH_ROUNDS slices, and each slice runs fn, then
 * limit_fn for as long. On a shared machine whose speed drifts, both
 * then see the same machine. Prints fn's RESULT line on stdout and
 * limit_fn's, with LIB "limit", on limit_out.
 */
#define DK_BENCH_ROUNDS	10
int	dk_bench_pair(const char *lib, const char *op, const char *alg,
	    size_t size, dk_bench_fn *fn, void *arg, dk_bench_fn *limit_fn,
	    void *limit_arg, FILE *limit_out);

#endif /* DK_BENCH_H */
