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
 * A small test harness: each test program has a table of named cases.
 * Run with no arguments for all, or with case names. Every case prints
 * one line, "PASS name" or "FAIL name: why", and tests/run.sh adds them
 * up. A failed check says where, what was expected and what came.
 */

#ifndef DK_TESTLIB_H
#define DK_TESTLIB_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct test_case {
	const char	*name;
	int		(*fn)(void);	/* 0: pass */
};

int	test_main(int argc, char **argv, const struct test_case *cases,
	    size_t ncases);
/* Print "  file:line: what" under the current case; returns 1. */
int	test_fail(const char *file, int line, const char *fmt, ...)
	    __attribute__((__format__(__printf__, 3, 4)));
/* Compare buffers; on a difference print both, escaped. Returns 0 if equal. */
int	test_memeq(const char *file, int line, const char *what,
	    const void *want, size_t wantlen, const void *got, size_t gotlen);
/* Read a whole file; NULL on error. free() the result. */
char	*test_readfile(const char *path, size_t *lenp);

#define CHECK(c) do {							\
	if (!(c))							\
		return test_fail(__FILE__, __LINE__, "%s", #c);		\
} while (0)
#define CHECK_MEM(what, w, wl, g, gl) do {				\
	if (test_memeq(__FILE__, __LINE__, (what), (w), (wl), (g), (gl)))	\
		return 1;						\
} while (0)
#define CHECK_STR(what, w, g) do {					\
	const char *w_ = (w), *g_ = (g);				\
	if (g_ == NULL)							\
		return test_fail(__FILE__, __LINE__, "%s: got NULL", (what)); \
	CHECK_MEM((what), w_, strlen(w_), g_, strlen(g_));		\
} while (0)

#define NCASES(a)	(sizeof(a) / sizeof((a)[0]))

#endif /* DK_TESTLIB_H */
