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
 * filter-dkim: an smtpd proc-exec filter that signs mail from our users
 * and verifies the rest. One thread, one poll loop over stdin and the
 * resolver's sockets; no session ever waits for another's DNS or crypto.
 * stdin is read in large blocks and answers are written in large blocks,
 * flushed before each wait. On end of stdin smtpd has gone: free
 * everything and exit 0 (VERSIONS.md: a filter never exits otherwise).
 */

#include <sys/types.h>

#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "filter.h"
#include "log.h"

#define IN_BUF		(4 * FILTER_LINE_MAX)	/* read size; > one line */
#define POLL_DNS_MAX	256	/* the resolver's default inflight_max */
#define EX_USAGE	64	/* sysexits(3) */

enum { OPT_RESOLVER = 256 };	/* past any char */

static volatile sig_atomic_t	got_sighup;

static void
usage(void)
{
	fprintf(stderr, "usage: filter-dkim [-nr] [-A authserv-id] "
	    "[-c header/body] [-f config]\n"
	    "\t[-h h1:h2:...] [-m sign|verify|auto] "
	    "[--resolver addr[:port]] [-u user]\n"
	    "\t[domain:selector:keyfile ...]\n");
	exit(EX_USAGE);
}

static void
sighup(int sig)
{
	(void)sig;
	got_sighup = 1;
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		fatal("clock_gettime");
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* -n, -u: check mode, and the user it reads the keys as */
struct checkopts {
	int		 level;
	const char	*user;
};

static void
args_parse(int argc, char **argv, struct args *a, struct checkopts *co)
{
	static const struct option longopts[] = {
		{ "resolver", required_argument, NULL, OPT_RESOLVER },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	memset(a, 0, sizeof(*a));
	memset(co, 0, sizeof(*co));
	while ((ch = getopt_long(argc, argv, "A:c:f:h:m:nru:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'A':
			a->authserv_id = optarg;
			break;
		case 'c':
			a->canon = optarg;
			break;
		case 'f':
			a->file = optarg;
			break;
		case 'h':
			a->headers = optarg;
			break;
		case 'm':
			a->mode = optarg;
			break;
		case 'n':
			co->level++;
			break;
		case 'r':
			a->reject = 1;
			break;
		case 'u':
			co->user = optarg;
			break;
		case OPT_RESOLVER:
			a->resolver = optarg;
			break;
		default:
			usage();
		}
	}
	a->keys = argv + optind;
	a->nkeys = argc - optind;
}

/*
 * The user smtpd runs filters as: its own unprivileged user, _smtpd on
 * OpenBSD and opensmtpd on Debian. NULL: neither exists.
 */
static const char *
smtpd_user(void)
{
	static const char *const users[] = { "_smtpd", "opensmtpd" };
	size_t i;

	for (i = 0; i < sizeof(users) / sizeof(users[0]); i++)
		if (getpwnam(users[i]) != NULL)
			return users[i];
	return NULL;
}

/* SIGHUP: new keys and options for new messages; keep the old on error. */
static void
reload(struct filter *f)
{
	struct config *c;

	got_sighup = 0;
	if (dk_filter_config_load(f->args, &c) == -1) {
		log_warnx("reload failed: keeping the previous configuration");
		return;
	}
	/* lookups in flight use the resolver's sockets: no swap under them */
	if ((c->resolver == NULL) != (f->cfg->resolver == NULL) ||
	    (c->resolver != NULL && strcmp(c->resolver,
	    f->cfg->resolver) != 0)) {
		log_warnx("reload failed: a new resolver needs a restart; "
		    "keeping the previous configuration");
		dk_filter_config_unref(c);
		return;
	}
	dk_filter_config_unref(f->cfg);
	f->cfg = c;
	f->mem.max = c->memory_max;	/* spools held now keep what they have */
	log_setverbose(c->verbose);
	log_info("configuration reloaded: %zu key(s)", c->nkeys);
}

static void
resolver_setup(struct filter *f)
{
	struct dk_resolver_opts o;
	char err[DK_DNS_ERR_MAX];
	enum dk_status st;

	dk_resolver_opts_init(&o, sizeof(o));
	o.server = f->cfg->resolver;
	o.inflight_max = POLL_DNS_MAX;
	/* each message's dns-timeout ends its lookups; SIGHUP may change it */
	o.budget_ms = FILTER_DNS_TIMEOUT_MAX;
	if ((st = dk_resolver_new(&f->resolver, &o, err, sizeof(err))) ==
	    DK_EINVAL)
		fatalx("resolver: %s", err);
	if (st != DK_OK)
		fatalx("resolver: cannot start");
}

/* Hand every whole line in buf[0..*have) to the protocol; keep the rest. */
static void
input_lines(struct filter *f, char *buf, size_t *have)
{
	char *p = buf, *nl;

	while ((nl = memchr(p, '\n', *have - (size_t)(p - buf))) != NULL) {
		*nl = '\0';
		dk_filter_proto_line(f, p, (size_t)(nl - p));
		p = nl + 1;
	}
	*have -= (size_t)(p - buf);
	memmove(buf, p, *have);
	if (*have == IN_BUF)
		fatalx("a line from smtpd over %d bytes", IN_BUF);
}

static void
shutdown_filter(struct filter *f, char *in)
{
	(void)dk_filter_out_flush(&f->out);
	dk_filter_sessions_free(f);
	dk_resolver_free(f->resolver);
	dk_filter_config_unref(f->cfg);
	dk_filter_out_free(&f->out);
	free(f->scratch);
	free(in);
	exit(0);
}

/* The poll timeout: the nearest resolver or message deadline. */
static struct timespec *
poll_timeout(struct filter *f, struct timespec *ts)
{
	int64_t d = dk_resolver_deadline(f->resolver), v;

	v = dk_filter_verify_deadline(f);
	if (d < 0 || (v >= 0 && v < d))
		d = v;
	if (d < 0)
		return NULL;
	d = d > f->now ? d - f->now : 0;
	ts->tv_sec = (time_t)(d / 1000);
	ts->tv_nsec = (long)(d % 1000) * 1000000;
	return ts;
}

static void
loop(struct filter *f, const sigset_t *waitmask)
{
	struct pollfd pfd[1 + POLL_DNS_MAX];
	struct timespec ts;
	char *in;
	size_t have = 0, ndns;
	ssize_t n;

	if ((in = malloc(IN_BUF)) == NULL)
		fatal("input buffer");
	for (;;) {
		if (got_sighup)
			reload(f);
		f->now = now_ms();
		dk_filter_verify_dns(f);
		dk_filter_verify_timers(f);
		if (dk_filter_out_flush(&f->out) == -1)
			shutdown_filter(f, in);
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[0].revents = 0;
		ndns = dk_resolver_fds(f->resolver, pfd + 1, POLL_DNS_MAX);
		if (ndns > POLL_DNS_MAX)
			ndns = POLL_DNS_MAX;
		if (ppoll(pfd, 1 + ndns, poll_timeout(f, &ts), waitmask) == -1) {
			if (errno == EINTR)
				continue;
			fatal("poll");
		}
		f->now = now_ms();
		if (pfd[0].revents != 0) {
			if ((n = read(STDIN_FILENO, in + have, IN_BUF - have)) ==
			    -1 && errno != EINTR && errno != EAGAIN)
				fatal("read from smtpd");
			if (n == 0)
				shutdown_filter(f, in);
			if (n > 0) {
				have += (size_t)n;
				input_lines(f, in, &have);
			}
		}
		dk_resolver_process(f->resolver, pfd + 1, ndns, f->now);
	}
}

int
main(int argc, char **argv)
{
	struct filter f;
	struct args a;
	struct checkopts co;
	sigset_t hup, waitmask;

	args_parse(argc, argv, &a, &co);
	if (co.level > 0)
		dk_filter_check(&a, co.user != NULL ? co.user :
		    geteuid() == 0 ? smtpd_user() : NULL, co.level);
	if (co.user != NULL)
		usage();	/* smtpd chooses the user filters run as */
	memset(&f, 0, sizeof(f));
	f.args = &a;
	if (dk_filter_config_load(&a, &f.cfg) == -1)
		fatalx("configuration failed");
	log_setverbose(f.cfg->verbose);
	f.mem.max = f.cfg->memory_max;
	if (gethostname(f.host, sizeof(f.host) - 1) == -1)
		f.host[0] = '\0';
	/* smtpd is the only reader: a write after it has gone is EPIPE */
	(void)signal(SIGPIPE, SIG_IGN);
	sigemptyset(&hup);
	sigaddset(&hup, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &hup, &waitmask) == -1)
		fatal("sigprocmask");
	sigdelset(&waitmask, SIGHUP);
	(void)signal(SIGHUP, sighup);
	resolver_setup(&f);
	dk_filter_out_init(&f.out, STDOUT_FILENO);
	if ((f.scratch = malloc(FILTER_SCRATCH)) == NULL)
		fatal("scratch buffer");
	dk_filter_sandbox_startup(&a, f.cfg);
	dk_filter_sandbox_running();
	loop(&f, &waitmask);
	return 0;
}
