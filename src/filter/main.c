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
#include "../policy/log.h"

#define IN_BUF		(4 * FILTER_LINE_MAX)	/* read size; > one line */
#define EX_USAGE	64	/* sysexits(3) */

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

/*
 * SIGHUP is blocked except while the loop waits, where it is a reload;
 * *waitmask is the mask to wait with.
 */
static void
signals_setup(sigset_t *waitmask)
{
	sigset_t hup;

	/* smtpd is the only reader: a write after it has gone is EPIPE */
	(void)signal(SIGPIPE, SIG_IGN);
	/* a file-size limit (LimitFSIZE, login.conf) hits the spool: EFBIG,
	 * a 451 for that message, not the death of every session */
	(void)signal(SIGXFSZ, SIG_IGN);
	sigemptyset(&hup);
	sigaddset(&hup, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &hup, waitmask) == -1)
		fatal("sigprocmask");
	sigdelset(waitmask, SIGHUP);
	(void)signal(SIGHUP, sighup);
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
	dk_policy_config_unref(f->cfg);
	dk_filter_out_free(&f->out);
	free(f->scratch);
	free(in);
	exit(0);
}

static void
loop(struct filter *f, const sigset_t *waitmask)
{
	struct pollfd pfd[1 + POLICY_POLL_DNS_MAX];
	struct timespec ts, *timeout;
	char *in;
	size_t have = 0, ndns;
	ssize_t n;

	if ((in = malloc(IN_BUF)) == NULL)
		fatal("input buffer");
	for (;;) {
		if (got_sighup) {
			got_sighup = 0;
			if (dk_policy_reload(f->args, &f->cfg) == 0)
				/* spools held now keep what they have */
				f->mem.max = f->cfg->memory_max;
		}
		f->now = dk_policy_now_ms();
		dk_filter_verify_dns(f);
		dk_filter_verify_timers(f);
		if (dk_filter_out_flush(&f->out) == -1)
			shutdown_filter(f, in);
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[0].revents = 0;
		ndns = dk_resolver_fds(f->resolver, pfd + 1,
		    POLICY_POLL_DNS_MAX);
		if (ndns > POLICY_POLL_DNS_MAX)
			ndns = POLICY_POLL_DNS_MAX;
		timeout = dk_policy_poll_timeout(f->resolver,
		    dk_filter_verify_deadline(f), f->now, &ts);
		if (ppoll(pfd, 1 + ndns, timeout, waitmask) == -1) {
			if (errno == EINTR)
				continue;
			fatal("poll");
		}
		f->now = dk_policy_now_ms();
		if (pfd[0].revents != 0) {
			n = read(STDIN_FILENO, in + have, IN_BUF - have);
			if (n == -1 && errno != EINTR && errno != EAGAIN)
				fatal("read from smtpd");
			if (n == 0)
				shutdown_filter(f, in);
			if (n > 0) {
				have += (size_t)n;
				input_lines(f, in, &have);
			}
		}
		dk_resolver_process(f->resolver, pfd + 1, ndns, f->now);
		dk_policy_dns_report(f->resolver, &f->dns_logged);
	}
}

int
main(int argc, char **argv)
{
	struct filter f;
	struct args a;
	sigset_t waitmask;

	memset(&a, 0, sizeof(a));
	if (dk_policy_getopt(argc, argv, "", &a) != -1)
		usage();
	if (a.check > 0)
		dk_policy_check(&a, a.user != NULL ? a.user :
		    geteuid() == 0 ? smtpd_user() : NULL, a.check, 0);
	if (a.user != NULL)
		usage();	/* smtpd chooses the user filters run as */
	memset(&f, 0, sizeof(f));
	f.args = &a;
	/* before the keys load: a SIGHUP then waits, a reload, not death */
	signals_setup(&waitmask);
	if (dk_policy_config_load(&a, &f.cfg) == -1)
		fatalx("configuration failed");
	log_setverbose(f.cfg->verbose);
	f.mem.max = f.cfg->memory_max;
	if (gethostname(f.host, sizeof(f.host) - 1) == -1)
		f.host[0] = '\0';
	dk_policy_resolver_start(&f.resolver, f.cfg, POLICY_POLL_DNS_MAX);
	dk_filter_out_init(&f.out, STDOUT_FILENO);
	if ((f.scratch = malloc(FILTER_SCRATCH)) == NULL)
		fatal("scratch buffer");
	dk_filter_sandbox_startup(&a, f.cfg);
	dk_filter_sandbox_running();
	loop(&f, &waitmask);
	return 0;
}
