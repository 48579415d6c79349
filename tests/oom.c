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
 * The allocator wrappers and the runner of tests/test_oom (see oom.h).
 */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oom.h"
#include "testlib.h"

/* The allocator, as the engine sees it. */
void	*__real_malloc(size_t);
void	*__real_calloc(size_t, size_t);
void	*__real_realloc(void *, size_t);
void	*__real_reallocarray(void *, size_t, size_t);
char	*__real_strdup(const char *);
void	 __real_free(void *);
void	*__wrap_malloc(size_t);
void	*__wrap_calloc(size_t, size_t);
void	*__wrap_realloc(void *, size_t);
void	*__wrap_reallocarray(void *, size_t, size_t);
char	*__wrap_strdup(const char *);
void	 __wrap_free(void *);

static struct {
	size_t	calls;		/* allocations asked for in the run */
	size_t	fail_at;	/* the first to fail; 0: none */
	int	sticky;		/* every one after it fails too */
	size_t	injected;	/* failures given in this run */
	long	live;		/* blocks not yet freed */
} oom;

/*
 * The blocks the wrappers handed out, so that only they are counted:
 * the engine also frees blocks that a library made with its own malloc
 * (ldns_pkt2wire()'s wire in src/dns/query.c). Open addressing; far
 * more slots than the few hundred blocks a test holds.
 */
#define LIVE_SLOTS	(1 << 16)
static void	*live_set[LIVE_SLOTS];

static size_t
live_slot(const void *p)
{
	return ((uintptr_t)p >> 4) * 2654435761u % LIVE_SLOTS;
}

static void *
live_add(void *p)
{
	size_t i, n;

	if (p == NULL)
		return NULL;
	for (i = live_slot(p), n = 0; live_set[i] != NULL; n++) {
		if (n == LIVE_SLOTS)
			abort();
		i = (i + 1) % LIVE_SLOTS;
	}
	live_set[i] = p;
	oom.live++;
	return p;
}

/* Forget p if the wrappers gave it; returns whether they did. */
static int
live_remove(const void *p)
{
	size_t i, j, k;

	for (i = live_slot(p); live_set[i] != p; i = (i + 1) % LIVE_SLOTS)
		if (live_set[i] == NULL)
			return 0;
	live_set[i] = NULL;
	oom.live--;
	/* move up the entries of the run after i that may hash before it */
	for (j = (i + 1) % LIVE_SLOTS; live_set[j] != NULL;
	    j = (j + 1) % LIVE_SLOTS) {
		k = live_slot(live_set[j]);
		if ((j > i && (k <= i || k > j)) ||
		    (j < i && k <= i && k > j)) {
			live_set[i] = live_set[j];
			live_set[j] = NULL;
			i = j;
		}
	}
	return 1;
}

static int
oom_fail(void)
{
	oom.calls++;
	if (oom.fail_at == 0 || oom.calls < oom.fail_at ||
	    (oom.calls > oom.fail_at && !oom.sticky))
		return 0;
	oom.injected++;
	return 1;
}

void *
__wrap_malloc(size_t n)
{
	return oom_fail() ? NULL : live_add(__real_malloc(n));
}

void *
__wrap_calloc(size_t n, size_t size)
{
	return oom_fail() ? NULL : live_add(__real_calloc(n, size));
}

/* A block that moves is forgotten, then counted again where it went. */
void *
__wrap_realloc(void *p, size_t n)
{
	void *np;
	int ours;

	if (oom_fail() || (np = __real_realloc(p, n)) == NULL)
		return NULL;
	ours = p == NULL || live_remove(p);
	return ours ? live_add(np) : np;
}

void *
__wrap_reallocarray(void *p, size_t n, size_t size)
{
	void *np;
	int ours;

	if (oom_fail() || (np = __real_reallocarray(p, n, size)) == NULL)
		return NULL;
	ours = p == NULL || live_remove(p);
	return ours ? live_add(np) : np;
}

char *
__wrap_strdup(const char *s)
{
	return oom_fail() ? NULL : live_add(__real_strdup(s));
}

void
__wrap_free(void *p)
{
	if (p != NULL)
		(void)live_remove(p);
	__real_free(p);
}

/* see oom.h */
size_t
oom_injected(void)
{
	return oom.injected;
}

/* see oom.h */
void
oom_out(struct oom_run *r, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(r->out + r->outlen, sizeof(r->out) - r->outlen, fmt, ap);
	va_end(ap);
	if (n > 0)
		r->outlen += (size_t)n < sizeof(r->out) - r->outlen ?
		    (size_t)n : sizeof(r->out) - r->outlen - 1;
}

/* see oom.h */
void
oom_broke(struct oom_run *r, const char *fmt, ...)
{
	va_list ap;

	if (r->bad)
		return;
	r->bad = 1;
	va_start(ap, fmt);
	vsnprintf(r->why, sizeof(r->why), fmt, ap);
	va_end(ap);
}

/* see oom.h */
int
oom_step(struct oom_run *r, const char *call, enum dk_status st,
    enum dk_status want, size_t before)
{
	int failed_here = oom.injected > before;

	if (st == want)
		return 1;
	if (st == DK_ENOMEM && failed_here)
		r->enomem = 1;
	else
		oom_broke(r, "%s gave %s, want %s%s", call, dk_status_str(st),
		    dk_status_str(want), failed_here ? " or DK_ENOMEM" : "");
	return 0;
}

/* see oom.h */
void
oom_null(struct oom_run *r)
{
	if (oom.injected == 0)
		oom_broke(r, "NULL without an allocation failing");
	r->enomem = 1;
}

static size_t
env_size(const char *name, size_t dflt)
{
	const char *s = getenv(name);

	return s != NULL && atol(s) > 0 ? (size_t)atol(s) : dflt;
}

static void
run_once(oom_path_fn *fn, const void *arg, size_t fail_at, int sticky,
    struct oom_run *r)
{
	long live = oom.live;

	memset(r, 0, sizeof(*r));
	memset(&oom, 0, sizeof(oom));
	oom.live = live;
	oom.fail_at = fail_at;
	oom.sticky = sticky;
	fn(r, arg);
	oom.fail_at = 0;
	if (oom.live != live)
		oom_broke(r, "%ld block(s) not freed", oom.live - live);
}

/* see oom.h */
int
oom_every_n(const char *name, oom_path_fn *fn, const void *arg)
{
	static struct oom_run base, r;
	size_t n, first, step_n, total = 0;
	int sticky, one = getenv("DK_OOM_N") != NULL;

	run_once(fn, arg, 0, 0, &base);
	if (base.bad || base.enomem)
		return test_fail(__FILE__, __LINE__, "%s without failures: %s",
		    name, base.bad ? base.why : "DK_ENOMEM");
	if (getenv("DK_OOM_SHOW") != NULL)
		printf("%s\n", base.out);
	first = env_size("DK_OOM_N", 1);
	step_n = env_size("DK_OOM_STEP", 1);
	for (sticky = 0; sticky <= 1; sticky++) {
		for (n = first; ; n += step_n) {
			run_once(fn, arg, n, sticky, &r);
			if (!r.bad && !r.enomem && (r.outlen != base.outlen ||
			    memcmp(r.out, base.out, r.outlen) != 0))
				oom_broke(&r, "the run ended with other "
				    "results:\n%.*s", (int)r.outlen, r.out);
			if (r.bad)
				return test_fail(__FILE__, __LINE__,
				    "%s, allocation %zu failing%s: %s", name,
				    n, sticky ? " and all after" : "", r.why);
			if (oom.injected == 0)
				break;
			total++;
			if (one)
				break;
		}
	}
	printf("  %s: %zu runs with failures\n", name, total);
	return 0;
}

