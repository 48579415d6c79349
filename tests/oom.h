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
 * Allocation failures on demand, for tests/test_oom.c. tests/oom.c
 * wraps the allocator (the Makefile links with ld --wrap) so that the
 * Nth allocation of a run fails, and runs a path of the engine's API at
 * every N. A path reports through a struct oom_run: what it gave, and
 * whether a rule broke.
 */

#ifndef DK_TEST_OOM_H
#define DK_TEST_OOM_H

#include <stddef.h>

#include "dkimkit.h"

#define OOM_OUT_MAX	(64 * 1024)

/* One run of a path: what it gave, and whether it held. */
struct oom_run {
	char	out[OOM_OUT_MAX];
	size_t	outlen;
	int	enomem;		/* a call returned DK_ENOMEM */
	int	bad;		/* a rule broke; why says which */
	char	why[512];
};

typedef void	oom_path_fn(struct oom_run *, const void *);

/* The failures given so far in this run. */
size_t	oom_injected(void);
/* Add to what the run gave. */
void	oom_out(struct oom_run *r, const char *fmt, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
/* Say which rule broke (the first one counts). */
void	oom_broke(struct oom_run *r, const char *fmt, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
/*
 * Check st, the status of one call made when before failures had been
 * given: it must be want, or DK_ENOMEM when an allocation failed inside
 * the call. Returns 1 when the path goes on.
 */
int	oom_step(struct oom_run *r, const char *call, enum dk_status st,
	    enum dk_status want, size_t before);
/* A call that can only fail for want of memory gave NULL. */
void	oom_null(struct oom_run *r);
/*
 * Run fn with allocation N failing, for N = 1, 2, ... until a run makes
 * no allocation fail, alone and then with every later one failing too,
 * and check each run against the one without failures. Environment:
 * DK_OOM_STEP=K tests every Kth N only; DK_OOM_N=N that one N only (to
 * reproduce a finding); DK_OOM_SHOW prints what the path gives without
 * failures. Returns 0, or 1 after saying what broke (testlib.h).
 */
int	oom_every_n(const char *name, oom_path_fn *fn, const void *arg);

/* A call on a handle; on anything but want or DK_ENOMEM, goto done. */
#define STEP(r, call, want) do {					\
	size_t before_ = oom_injected();				\
	if (!oom_step((r), #call, (call), (want), before_))		\
		goto done;						\
} while (0)

/* A _new that failed must leave nothing behind. */
#define NEW(r, call, handle) do {					\
	size_t before_ = oom_injected();				\
	if (!oom_step((r), #call, (call), DK_OK, before_)) {		\
		if ((handle) != NULL)					\
			oom_broke((r), "%s failed but left a handle",	\
			    #call);					\
		(handle) = NULL;					\
		goto done;						\
	}								\
} while (0)

#endif /* DK_TEST_OOM_H */
