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
 * dnsprobe: drives src/dns's resolver for tests/dns/run.sh, against real
 * servers on loopback. Built by that script, not by make (the Makefile
 * runs every tests/test_* program with no arguments).
 *
 * usage: dnsprobe -s ADDR[:PORT] [-t MS] [-a N] [-n N] [-b MS] COMMAND
 *	lookup NAME ...		all at once; a line each: NAME RCODE NTXT
 *				[dnssec] [tcp] [LEN:TEXT of the first record]
 *	many N NAME		N lookups, of qI.NAME for I = 0..N-1
 *	same N NAME		N lookups of one name
 *	cache NAME S ...	one lookup of NAME after another, the clock
 *				moved S seconds ahead for each: "+S RCODE
 *				cached|sent"
 *	cancel N NAME		as many, but half of them freed in flight
 *	verify [-A ID]		the message on stdin, as dkimkit verify does:
 *				one Authentication-Results line; exit 0 pass,
 *				1 none passes, 75 temperror
 */

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../src/dns/resolver.h"

#define NAME_MAX_LEN	256	/* a generated name */
#define LOOKUPS_MAX	4096	/* many/same: enough for the tests */
#define MSG_MAX		(1024 * 1024)	/* verify: a test message */

static const char *const rcode_names[] = {
	"ok", "nxdomain", "nodata", "servfail", "refused", "timeout",
	"malformed", "tcp", "unreachable"
};

static int64_t	clock_skew;	/* ms added to the clock: "cache" moves it */

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + clock_skew;
}

static void	usage(void) __attribute__((__noreturn__));

static void
usage(void)
{
	fprintf(stderr, "usage: dnsprobe -s ADDR[:PORT] [-t MS] [-a N] "
	    "[-n N] [-b MS] lookup|many|same|cache|cancel|verify ...\n");
	exit(64);
}

static void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n, size)) == NULL) {
		perror("dnsprobe");
		exit(70);
	}
	return p;
}

static void
print_result(const struct dk_dns_result *res)
{
	printf("%s %s %zu", res->name, rcode_names[res->rcode], res->ntxt);
	if (res->dnssec)
		printf(" dnssec");
	if (res->tcp)
		printf(" tcp");
	if (res->ntxt > 0)
		printf(" %zu:%.60s", strlen(res->txt[0]), res->txt[0]);
	printf("\n");
}

/* Run the poll loop until nothing is pending; hand results to fn. */
static void
drain(struct dk_resolver *r, void (*fn)(const struct dk_dns_result *))
{
	struct pollfd *pfd;
	struct dk_dns_lookup *l;
	int64_t d, now;
	size_t n, cap = LOOKUPS_MAX;
	int timeout;

	pfd = xcalloc(cap, sizeof(*pfd));
	for (;;) {
		while ((l = dk_resolver_done(r)) != NULL) {
			if (fn != NULL)
				fn(dk_dns_lookup_result(l));
			dk_dns_lookup_free(l);
		}
		if (dk_resolver_pending(r) == 0)
			break;
		n = dk_resolver_fds(r, pfd, cap);
		now = now_ms();
		d = dk_resolver_deadline(r);
		timeout = d == -1 ? 1000 : d <= now ? 0 : (int)(d - now);
		(void)poll(pfd, n < cap ? n : cap, timeout);
		dk_resolver_process(r, pfd, n < cap ? n : cap, now_ms());
	}
	free(pfd);
}

static void
submit(struct dk_resolver *r, const char *name, struct dk_dns_lookup **lp)
{
	struct dk_dns_lookup *l;

	if (dk_resolver_submit(r, name, NULL, now_ms(), &l) != DK_OK) {
		fprintf(stderr, "dnsprobe: %s: cannot submit\n", name);
		exit(65);
	}
	if (lp != NULL)
		*lp = l;
}

static size_t	nresults, nok;

static void
count_result(const struct dk_dns_result *res)
{
	nresults++;
	if (res->rcode == DK_DNS_OK)
		nok++;
}

/* many/same/cancel: submit n lookups, wait, print a summary line. */
static int
cmd_many(struct dk_resolver *r, int argc, char **argv, int same,
    int cancel)
{
	struct dk_dns_lookup **ls;
	char name[NAME_MAX_LEN];
	int64_t start;
	long n, i;

	if (argc != 2 || (n = strtol(argv[0], NULL, 10)) < 1 ||
	    n > LOOKUPS_MAX)
		usage();
	ls = xcalloc((size_t)n, sizeof(*ls));
	start = now_ms();
	for (i = 0; i < n; i++) {
		if (same)
			snprintf(name, sizeof(name), "%s", argv[1]);
		else
			snprintf(name, sizeof(name), "q%ld.%s", i, argv[1]);
		submit(r, name, &ls[i]);
	}
	printf("in flight: %zu queries for %ld lookups\n",
	    dk_resolver_fds(r, NULL, 0), n);
	if (cancel)
		for (i = 0; i < n; i += 2)
			dk_dns_lookup_free(ls[i]);
	drain(r, count_result);
	printf("done: %zu results, %zu ok, %lld ms\n", nresults, nok,
	    (long long)(now_ms() - start));
	free(ls);
	return 0;
}

static void
print_cache_step(const struct dk_dns_result *res)
{
	printf(" %s %s\n", rcode_names[res->rcode],
	    res->cached ? "cached" : "sent");
}

static int
cmd_cache(struct dk_resolver *r, int argc, char **argv)
{
	int i;

	if (argc < 2)
		usage();
	for (i = 1; i < argc; i++) {
		clock_skew = strtol(argv[i], NULL, 10) * 1000;
		printf("+%s", argv[i]);
		submit(r, argv[0], NULL);
		drain(r, print_cache_step);
	}
	return 0;
}

/* verify: stream stdin into a verifier, resolve, print A-R. */
static int
cmd_verify(struct dk_resolver *r, int argc, char **argv)
{
	struct dk_verify_opts o;
	struct dk_verifier *v;
	const struct dk_result *res;
	char *buf;
	size_t len, i;
	int rc = 1;

	dk_verify_opts_init(&o, sizeof(o));
	o.authserv_id = "probe.test";
	if (argc == 2 && strcmp(argv[0], "-A") == 0)
		o.authserv_id = argv[1];
	else if (argc != 0)
		usage();
	o.now = (int64_t)time(NULL);
	buf = xcalloc(1, MSG_MAX);
	len = fread(buf, 1, MSG_MAX, stdin);
	if (dk_verifier_new(&v, &o) != DK_OK ||
	    dk_verifier_write(v, buf, len) != DK_OK ||
	    dk_dns_resolve_verifier(r, v, 0) != DK_OK ||
	    dk_verifier_finish(v) != DK_OK) {
		fprintf(stderr, "dnsprobe: verify: %s\n",
		    v ? dk_verifier_errmsg(v) : "cannot start");
		exit(70);
	}
	printf("%s\n", dk_verifier_authres(v));
	for (i = 0; i < dk_verifier_nresults(v); i++) {
		res = dk_verifier_result(v, i);
		if (res->outcome == DK_PASS)
			rc = 0;
		else if (res->outcome == DK_TEMPERROR && rc != 0)
			rc = 75;
	}
	dk_verifier_free(v);
	free(buf);
	return rc;
}

static int
run(struct dk_resolver *r, int argc, char **argv)
{
	int i;

	if (argc < 1)
		usage();
	if (strcmp(argv[0], "lookup") == 0) {
		for (i = 1; i < argc; i++)
			submit(r, argv[i], NULL);
		drain(r, print_result);
		return 0;
	}
	if (strcmp(argv[0], "many") == 0)
		return cmd_many(r, argc - 1, argv + 1, 0, 0);
	if (strcmp(argv[0], "same") == 0)
		return cmd_many(r, argc - 1, argv + 1, 1, 0);
	if (strcmp(argv[0], "cancel") == 0)
		return cmd_many(r, argc - 1, argv + 1, 0, 1);
	if (strcmp(argv[0], "cache") == 0)
		return cmd_cache(r, argc - 1, argv + 1);
	if (strcmp(argv[0], "verify") == 0)
		return cmd_verify(r, argc - 1, argv + 1);
	usage();
}

int
main(int argc, char **argv)
{
	struct dk_resolver_opts o;
	struct dk_dns_conf conf;
	struct dk_resolver *r;
	const char *server = NULL;
	char err[DK_DNS_ERR_MAX];
	int ch, rc, timeout = 0, attempts = 0;

	dk_resolver_opts_init(&o, sizeof(o));
	while ((ch = getopt(argc, argv, "+a:b:n:s:t:")) != -1) {
		switch (ch) {
		case 'a':
			attempts = atoi(optarg);
			break;
		case 'b':
			o.budget_ms = atoi(optarg);
			break;
		case 'n':
			o.inflight_max = (size_t)atoi(optarg);
			break;
		case 's':
			server = optarg;
			break;
		case 't':
			timeout = atoi(optarg);
			break;
		default:
			usage();
		}
	}
	if (dk_dns_conf_init(&conf, server, err) == -1) {
		fprintf(stderr, "dnsprobe: %s\n", err);
		return 64;
	}
	if (timeout > 0)
		conf.timeout_ms = timeout;
	if (attempts > 0)
		conf.attempts = attempts;
	if (dk_resolver_new_conf(&r, &o, &conf) != DK_OK)
		return 70;
	rc = run(r, argc - optind, argv + optind);
	dk_resolver_free(r);
	return rc;
}
