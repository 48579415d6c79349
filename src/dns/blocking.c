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
 * The blocking wrappers for dkimkit(1) and the daemons' -n -n: the
 * verifier's key queries, or a list of names (testkey, rotate, -n -n),
 * looked up at once (they overlap on the wire) and waited for with
 * poll(2).
 * This is the one place in src/dns that reads the clock, because it is
 * the one place that waits.
 */

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "dnsint.h"

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Submit the verifier's new queries, up to qmax in all. */
static enum dk_status
submit_all(struct dk_resolver *r, struct dk_verifier *v, size_t qmax,
    size_t *nsub)
{
	struct dk_dns_lookup *l;
	const char *name;
	enum dk_status st;

	while ((name = dk_verifier_next_query(v)) != NULL) {
		/* past the cap the name stays unanswered: temperror */
		if (*nsub == qmax)
			continue;
		st = dk_resolver_submit(r, name, NULL, now_ms(), &l);
		if (st == DK_EINVAL) {
			/* not a domain name, so no such key exists */
			if ((st = dk_verifier_answer(v, name, DK_DNS_NXDOMAIN,
			    NULL, 0)) != DK_OK)
				return st;
			continue;
		}
		if (st != DK_OK)
			return st;
		(*nsub)++;
	}
	return DK_OK;
}

/* Give every finished lookup to the verifier. */
static enum dk_status
answer_done(struct dk_resolver *r, struct dk_verifier *v)
{
	struct dk_dns_lookup *l;
	enum dk_status st = DK_OK;

	while (st == DK_OK && (l = dk_resolver_done(r)) != NULL) {
		st = dk_dns_lookup_answer(l, v);
		dk_dns_lookup_free(l);
	}
	return st;
}

/* Wait for the sockets or the next deadline, then process. */
static enum dk_status
wait_once(struct dk_resolver *r, struct pollfd **pfd, size_t *cap)
{
	struct pollfd *p;
	int64_t deadline, now;
	size_t n;
	int timeout = 0;

	if ((n = dk_resolver_fds(r, *pfd, *cap)) > *cap) {
		if ((p = reallocarray(*pfd, n, sizeof(*p))) == NULL)
			return DK_ENOMEM;
		*pfd = p;
		*cap = n;
		(void)dk_resolver_fds(r, *pfd, *cap);
	}
	now = now_ms();
	if ((deadline = dk_resolver_deadline(r)) > now)
		timeout = deadline - now > INT32_MAX ? INT32_MAX :
		    (int)(deadline - now);
	if (poll(*pfd, n, deadline == -1 && n == 0 ? 0 : timeout) == -1 &&
	    errno != EINTR)
		/* ENOMEM; EINVAL (over RLIMIT_NOFILE) cannot happen below
		 * inflight_max descriptors */
		return DK_ENOMEM;
	dk_resolver_process(r, *pfd, n, now_ms());
	return DK_OK;
}

/* see resolver.h */
enum dk_status
dk_dns_resolve_verifier(struct dk_resolver *r, struct dk_verifier *v,
    size_t qmax)
{
	struct pollfd *pfd = NULL;
	size_t cap = 0, nsub = 0;
	enum dk_status st;

	if ((st = submit_all(r, v, qmax == 0 ? DK_QUERIES_MAX : qmax,
	    &nsub)) != DK_OK)
		return st;
	while ((st = answer_done(r, v)) == DK_OK &&
	    dk_resolver_pending(r) > 0)
		if ((st = wait_once(r, &pfd, &cap)) != DK_OK)
			break;
	free(pfd);
	return st;
}

/* see resolver.h */
enum dk_status
dk_dns_resolve_names(struct dk_resolver *r, const char *const *names,
    size_t n, struct dk_dns_lookup **out)
{
	struct pollfd *pfd = NULL;
	size_t cap = 0, i;
	enum dk_status st = DK_OK;

	for (i = 0; i < n; i++)
		out[i] = NULL;
	/* all at once, so that n dead lookups take the time of one */
	for (i = 0; i < n && st == DK_OK; i++)
		if ((st = dk_resolver_submit(r, names[i], NULL, now_ms(),
		    &out[i])) == DK_EINVAL)
			st = DK_OK;	/* not a domain name: out[i] NULL */
	while (st == DK_OK && dk_resolver_pending(r) > 0) {
		while (dk_resolver_done(r) != NULL)
			;	/* each is one of out[] */
		if (dk_resolver_pending(r) > 0)
			st = wait_once(r, &pfd, &cap);
	}
	free(pfd);
	if (st != DK_OK)
		for (i = 0; i < n; i++) {
			dk_dns_lookup_free(out[i]);
			out[i] = NULL;
		}
	return st;
}
