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
 * dkimkit-milter: sign mail from our users and verify the rest, for
 * Postfix (smtpd_milters, non_smtpd_milters) and Sendmail
 * (INPUT_MAIL_FILTER). It runs in the foreground; a service manager
 * keeps it running. Keys and configuration are read before privileges
 * are dropped (-u), and again on SIGHUP.
 */

#include <sys/types.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <netdb.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "milter.h"
#include "sockspec.h"
#include "../policy/log.h"

#define EX_USAGE	64	/* sysexits(3) */
#define NOFILE_SLACK	32	/* listener, log, key files, stdio */

volatile sig_atomic_t	dk_milter_sighup;
volatile sig_atomic_t	dk_milter_quit;

static void
usage(void)
{
	fprintf(stderr, "usage: dkimkit-milter -n [-n] [-p socket] | "
	    "-p socket [-lr] [-A authserv-id]\n"
	    "\t[-c header/body] [-f config] [-h h1:h2:...] "
	    "[-m sign|verify|auto]\n"
	    "\t[--resolver addr[:port]] [-u user] "
	    "[domain:selector:keyfile ...]\n");
	exit(EX_USAGE);
}

static void
on_signal(int sig)
{
	if (sig == SIGHUP)
		dk_milter_sighup = 1;
	else
		dk_milter_quit = 1;
}

struct cmdline {
	struct args	 a;
	const char	*socket;
	int		 to_stderr;
};

static void
args_parse(int argc, char **argv, struct cmdline *cl)
{
	int ch;

	memset(cl, 0, sizeof(*cl));
	while ((ch = dk_policy_getopt(argc, argv, "lp:", &cl->a)) != -1) {
		switch (ch) {
		case 'l':
			cl->to_stderr = 1;
			break;
		case 'p':
			cl->socket = optarg;
			break;
		default:
			usage();
		}
	}
	if (cl->socket == NULL && !cl->a.check)
		usage();
}

/* SIGHUP: new keys and options for new messages; keep the old on error. */
void
dk_milter_reload(struct milter *mt)
{
	dk_milter_sighup = 0;
	(void)dk_policy_reload(mt->args, &mt->cfg);
}

/* Our signals are blocked, and let in by ppoll(2) through *waitmask. */
static void
signals_setup(sigset_t *waitmask)
{
	static const int sigs[] = { SIGHUP, SIGTERM, SIGINT };
	sigset_t block;
	size_t i;

	(void)signal(SIGPIPE, SIG_IGN);	/* a write to a gone MTA: EPIPE */
	(void)signal(SIGXFSZ, SIG_IGN);	/* past a file-size limit: EFBIG */
	sigemptyset(&block);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&block, sigs[i]);
	if (sigprocmask(SIG_BLOCK, &block, waitmask) == -1)
		fatal("sigprocmask");
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		sigdelset(waitmask, sigs[i]);
		(void)signal(sigs[i], on_signal);
	}
}

/*
 * -u: the socket becomes the user's, and only the file bind() made.
 * Someone who may write the socket's directory could have put a
 * symlink or a hard link to another file in its place since: that is
 * refused, not chowned. A swap in the moments between the bind and the
 * lstat that records the socket, or between the lstat here and the
 * chown, is still possible; no path call can close those, and a
 * directory only root writes rules them out.
 */
static void
sock_chown(const struct milter *mt, const struct passwd *pw)
{
	struct stat st;

	if (lstat(mt->sockpath, &st) == -1)
		fatal("-p %s", mt->sockpath);
	if (!S_ISSOCK(st.st_mode) || st.st_dev != mt->sockdev ||
	    st.st_ino != mt->sockino)
		fatalx("-p %s: replaced by another file since the milter made "
		    "the socket; let only root write its directory, or choose "
		    "another -p", mt->sockpath);
	if (fchownat(AT_FDCWD, mt->sockpath, pw->pw_uid, pw->pw_gid,
	    AT_SYMLINK_NOFOLLOW) == -1)
		fatal("chown %s", mt->sockpath);
}

/*
 * A full table of connections and the key lookups in flight, each on a
 * socket of its own, need more descriptors than the usual soft limit
 * of 1024: short of them, the connections would leave the lookups none
 * and every verification would fail. So the soft limit is raised as
 * far as the hard one allows, and a hard limit too low is said.
 */
static void
nofile_raise(void)
{
	const rlim_t want = MILTER_CONN_MAX + POLICY_POLL_DNS_MAX +
	    NOFILE_SLACK;
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == -1 || rl.rlim_cur >= want)
		return;
	rl.rlim_cur = rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want ?
	    rl.rlim_max : want;
	if (setrlimit(RLIMIT_NOFILE, &rl) == -1) {
		log_warn("raising the descriptor limit to %llu",
		    (unsigned long long)rl.rlim_cur);
		return;
	}
	if (rl.rlim_cur < want)
		log_warnx("at most %llu file descriptors (hard limit): with "
		    "many connections open, key lookups may find none left "
		    "and fail; raise it to %llu (ulimit -Hn, LimitNOFILE)",
		    (unsigned long long)rl.rlim_cur,
		    (unsigned long long)want);
}

/*
 * -u's user, refused before anything is made. Not root, -u may name
 * only ourselves, as -n checks it: then there is nothing to drop.
 */
static struct passwd *
user_get(const char *user)
{
	struct passwd *pw;

	if ((pw = getpwnam(user)) == NULL)
		fatalx("-u %s: no such user", user);
	if (geteuid() != 0 && pw->pw_uid != geteuid())
		fatalx("-u %s: only root can become another user (this runs "
		    "as uid %lu); start the milter as root, or drop -u",
		    user, (unsigned long)geteuid());
	return pw;
}

/* -u: the socket is open and the keys loaded; the rest runs as user. */
static void
drop_privileges(const struct milter *mt, const char *user)
{
	struct passwd *pw;

	pw = user_get(user);
	if (geteuid() != 0)
		return;
	if (mt->sockpath != NULL)
		sock_chown(mt, pw);
	if (setgroups(1, &pw->pw_gid) == -1 || setgid(pw->pw_gid) == -1 ||
	    setuid(pw->pw_uid) == -1)
		fatal("-u %s", user);
	if (setuid(0) != -1)
		fatalx("-u %s: privileges could be regained", user);
}

int
main(int argc, char **argv)
{
	struct cmdline cl;
	struct milter mt;
	struct sockspec sp;
	char err[512];
	mode_t mask;
	int sock_failed = 0;

	args_parse(argc, argv, &cl);
	if (!cl.a.check)	/* -n reports on stderr */
		dk_milter_log_init(cl.to_stderr);
	if (cl.socket != NULL &&
	    dk_milter_sockspec(cl.socket, &sp, err, sizeof(err)) == -1) {
		if (!cl.a.check)
			fatalx("%s", err);
		log_warnx("%s", err);
		sock_failed = 1;
	}
	if (cl.a.check) {
		if (cl.socket != NULL && !sock_failed && sp.ai != NULL)
			freeaddrinfo(sp.ai);
		/* as the user a reload (SIGHUP) reads the keys as */
		dk_policy_check(&cl.a, cl.a.user, cl.a.check, sock_failed);
	}
	if (cl.a.user != NULL)
		(void)user_get(cl.a.user);
	memset(&mt, 0, sizeof(mt));
	mt.args = &cl.a;
	/* before the keys load: a SIGHUP then waits, a reload, not death */
	signals_setup(&mt.waitmask);
	if (dk_policy_config_load(&cl.a, &mt.cfg) == -1)
		fatalx("configuration failed");
	log_setverbose(mt.cfg->verbose);
	if (gethostname(mt.host, sizeof(mt.host) - 1) == -1)
		mt.host[0] = '\0';
	nofile_raise();
	/* the socket, mode 660: the MTA's group may connect, others not */
	mask = umask(0117);
	dk_milter_listen(&mt, cl.socket, &sp);
	(void)umask(mask);
	dk_milter_resolver_start(&mt);
	if (cl.a.user != NULL)
		drop_privileges(&mt, cl.a.user);
	log_info("listening on %s with %zu key(s)", cl.socket,
	    mt.cfg->nkeys);
	dk_milter_loop(&mt);
	dk_milter_unlisten(&mt);
	dk_resolver_free(mt.resolver);
	dk_policy_config_unref(mt.cfg);
	log_info("exiting");
	return 0;
}
