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
 * What filter-dkim and dkimkit-milter do alike around their loops: the
 * options both take, the resolver every message shares, SIGHUP, the
 * clock and the poll timeout.
 */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "policy.h"

#define COMMON_OPTS	"A:c:f:h:m:nru:"
#define OPTS_MAX	64

enum { OPT_RESOLVER = 256 };	/* past any char */

/* One of the common options into a; 0, or -1 when ch is not one. */
static int
common_opt(struct args *a, int ch, char *arg)
{
	switch (ch) {
	case 'A':
		a->authserv_id = arg;
		return 0;
	case 'c':
		a->canon = arg;
		return 0;
	case 'f':
		a->file = arg;
		return 0;
	case 'h':
		a->headers = arg;
		return 0;
	case 'm':
		a->mode = arg;
		return 0;
	case 'n':
		a->check++;
		return 0;
	case 'r':
		a->reject = 1;
		return 0;
	case 'u':
		a->user = arg;
		return 0;
	case OPT_RESOLVER:
		a->resolver = arg;
		return 0;
	default:
		return -1;
	}
}

/* see policy.h */
int
dk_policy_getopt(int argc, char **argv, const char *own, struct args *a)
{
	static const struct option longopts[] = {
		{ "resolver", required_argument, NULL, OPT_RESOLVER },
		{ NULL, 0, NULL, 0 }
	};
	char opts[OPTS_MAX];
	int ch;

	if ((size_t)snprintf(opts, sizeof(opts), "%s%s", COMMON_OPTS, own) >=
	    sizeof(opts))
		fatalx("too many options");
	while ((ch = getopt_long(argc, argv, opts, longopts, NULL)) != -1)
		if (common_opt(a, ch, optarg) == -1)
			return ch;
	a->keys = argv + optind;
	a->nkeys = argc - optind;
	return -1;
}

/* see policy.h */
void
dk_policy_resolver_start(struct dk_resolver **rp, const struct config *c,
    size_t inflight_max)
{
	struct dk_resolver_opts o;
	char err[128];
	enum dk_status st;

	dk_resolver_opts_init(&o, sizeof(o));
	o.server = c->resolver;
	o.inflight_max = inflight_max;
	/* each message's dns-timeout ends its lookups; SIGHUP may change it */
	o.budget_ms = POLICY_DNS_TIMEOUT_MAX;
	if ((st = dk_resolver_new(rp, &o, err, sizeof(err))) == DK_EINVAL)
		fatalx("resolver: %s", err);
	if (st != DK_OK)
		fatalx("resolver: cannot start");
}

/* see policy.h */
void
dk_policy_dns_report(const struct dk_resolver *r, uint64_t *logged)
{
	const struct dk_dns_failure *f = dk_resolver_last_failure(r);
	char how[DK_DNS_FAILURE_MAX];

	if (f == NULL || f->burst == *logged)
		return;
	*logged = f->burst;
	log_warnx("DNS server %s: %s", f->server,
	    dk_dns_failure_str(f, how, sizeof(how)));
}

static int
same_str(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* see policy.h */
int
dk_policy_reload(const struct args *a, struct config **cp)
{
	struct config *c;

	if (dk_policy_config_load(a, &c) == -1) {
		log_warnx("reload failed: keeping the previous configuration");
		return -1;
	}
	/* lookups in flight use the resolver's sockets: no swap under them */
	if (!same_str(c->resolver, (*cp)->resolver)) {
		log_warnx("reload failed: a new resolver needs a restart; "
		    "keeping the previous configuration");
		dk_policy_config_unref(c);
		return -1;
	}
	dk_policy_config_unref(*cp);
	*cp = c;
	log_setverbose(c->verbose);
	log_info("configuration reloaded: %zu key(s)", c->nkeys);
	return 0;
}

/* see policy.h */
int64_t
dk_policy_now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		fatal("clock_gettime");
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* see policy.h */
struct timespec *
dk_policy_poll_timeout(const struct dk_resolver *r, int64_t msgs,
    int64_t now, struct timespec *ts)
{
	int64_t d = dk_resolver_deadline(r);

	if (d < 0 || (msgs >= 0 && msgs < d))
		d = msgs;
	if (d < 0)
		return NULL;
	d = d > now ? d - now : 0;
	ts->tv_sec = (time_t)(d / 1000);
	ts->tv_nsec = (long)(d % 1000) * 1000000;
	return ts;
}
