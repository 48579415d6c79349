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
 * -n, for filter-dkim and dkimkit-milter: load the configuration and
 * the keys as the user the daemon reads them as, so that a key file
 * that user cannot read is found before the MTA is reloaded. -n -n also
 * compares each key with its published record.
 */

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "log.h"
#include "policy.h"

#define EX_CONFIG	78	/* sysexits(3) */

/*
 * Become user for good, with the one group the daemons keep
 * (setgroups(2) to the user's own, as dkimkit-milter -u and smtpd do):
 * a key readable only through another group fails here as it would
 * there.
 */
static int
become(const char *user)
{
	struct passwd *pw;

	if ((pw = getpwnam(user)) == NULL) {
		log_warnx("-u %s: no such user", user);
		return -1;
	}
	if (geteuid() != 0) {
		if (pw->pw_uid == geteuid())
			return 0;
		/* checked as ourselves, the answer could be wrong */
		log_warnx("-u %s: only root can read the keys as another "
		    "user (this runs as uid %lu); run the check as root",
		    user, (unsigned long)geteuid());
		return -1;
	}
	if (setgroups(1, &pw->pw_gid) == -1 ||
	    setgid(pw->pw_gid) == -1 || setuid(pw->pw_uid) == -1) {
		log_warn("-u %s", user);
		return -1;
	}
	return 0;
}

/* One key against its record: 0 when they match, else -1. */
static int
key_published(const struct cfg_key *k, const struct dk_key_check *kc)
{
	if (kc->state == DK_KEY_MATCH) {
		printf("%s: %s._domainkey.%s: match (%s)\n", k->where,
		    k->selector, k->domain, kc->detail);
		return 0;
	}
	log_warnx("%s: %s._domainkey.%s: %s (%s); %s", k->where, k->selector,
	    k->domain, dk_key_state_str(kc->state), kc->detail,
	    kc->state == DK_KEY_LOOKUP_FAILED ? "check that the DNS server "
	    "answers (--resolver, resolver, or resolv.conf)" :
	    "publish the record `dkimkit keygen` printed for this key, "
	    "or name the selector it is published at");
	return -1;
}

/*
 * -n -n: every key, so that one run names every record to fix; looked
 * up at once, each within dns-timeout, so that a dead server costs one
 * dns-timeout however many keys there are.
 */
static int
keys_published(const struct config *c)
{
	struct dk_resolver_opts o;
	struct dk_resolver *r;
	struct dk_key_check *kc;
	char err[128] = "out of memory";
	size_t i;
	int rc = 0;

	dk_resolver_opts_init(&o, sizeof(o));
	o.server = c->resolver;
	o.budget_ms = c->dns_timeout;
	if (dk_resolver_new(&r, &o, err, sizeof(err)) != DK_OK) {
		log_warnx("resolver: %s", err);
		return -1;
	}
	if ((kc = calloc(c->nkeys + 1, sizeof(*kc))) == NULL)
		fatal("key check");
	for (i = 0; i < c->nkeys; i++) {
		kc[i].key = c->keys[i].key;
		kc[i].domain = c->keys[i].domain;
		kc[i].selector = c->keys[i].selector;
		kc[i].keyname = c->keys[i].path;
	}
	if (dk_key_check_published(r, kc, c->nkeys) != DK_OK)
		fatal("key check");
	for (i = 0; i < c->nkeys; i++)
		if (key_published(&c->keys[i], &kc[i]) == -1)
			rc = -1;
	free(kc);
	dk_resolver_free(r);
	return rc;
}

static int
check_here(const struct args *a, int level, int failed)
{
	struct config *c;
	int rc = failed ? EX_CONFIG : 0;

	if (dk_policy_config_load(a, &c) == -1)
		return EX_CONFIG;
	if (level > 1 && keys_published(c) == -1)
		rc = EX_CONFIG;
	dk_policy_config_unref(c);
	if (rc == 0)
		printf("configuration OK\n");
	return fflush(stdout) == EOF ? EX_CONFIG : rc;
}

/* see policy.h */
void
dk_policy_check(const struct args *a, const char *user, int level,
    int failed)
{
	pid_t pid;
	int status;

	if (user == NULL)
		exit(check_here(a, level, failed));
	if (geteuid() != 0)
		exit(become(user) == -1 ? EX_CONFIG :
		    check_here(a, level, failed));
	/* root reads everything: look as the daemon's user, in a child */
	if ((pid = fork()) == -1)
		fatal("fork");
	if (pid == 0)
		_exit(become(user) == -1 ? EX_CONFIG :
		    check_here(a, level, failed));
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			fatal("waitpid");
	exit(WIFEXITED(status) ? WEXITSTATUS(status) : EX_CONFIG);
}
