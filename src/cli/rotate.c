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
 * dkimkit rotate: replace a domain's signing key in three steps, each
 * run by the operator when the world is ready for it (dkimkit(1)):
 *
 *	new	a new key beside the old one, under a new selector; its
 *		record is printed, to be published
 *	switch	once that record is visible (checked as testkey does), the
 *		configuration's key line names the new key; a backup of
 *		the configuration is kept beside it
 *	revoke	once mail signed with the old key has had time to arrive
 *		(the grace period, counted from the switch), the record
 *		that revokes the old selector is printed
 *
 * The steps keep no state of their own: the configuration says which
 * key is in use, the key directory holds the new key, and the backup's
 * time is the time of the switch. Nothing is written outside the key
 * directory and the configuration file's.
 */

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define GRACE_DAYS_DEFAULT	7	/* over the longest queue lifetimes:
					 * smtpd 4 days, Postfix 5 */
#define GRACE_DAYS_MAX		3650
#define DAY			86400
#define SELECTOR_DATE		"s%Y%m"	/* the default new selector */
#define REVOKED_RECORD		"v=DKIM1; p="	/* RFC 6376 §3.6.1 */

struct rotate_cfg {
	const char		*conf;		/* -f */
	const char		*newsel;	/* -s */
	struct dk_cli_keysrc_args src;
	enum dk_key_type	 type;
	int			 typeset;	/* -a given */
	int64_t			 bits;
	int64_t			 grace;		/* days */
	char			*domain;	/* DOMAIN[:SELECTOR] */
	char			*selector;	/* NULL: not given */
	char			 datesel[16];
};

struct rotate_step {
	const char	*name;
	const char	*opts;		/* the options it takes: D R for
					 * --dns-file and --resolver */
	const char	*arg;		/* its argument, for messages */
	int		(*run)(struct rotate_cfg *, struct dk_cli_conf *);
};

/* The one key line of the argument's domain (and selector) in cf. */
static int
rotate_find(const struct rotate_cfg *cfg, const struct dk_cli_conf *cf,
    struct dk_cli_confkey *ck)
{
	struct dk_cli_confkey *all;
	size_t n;

	all = dk_cli_xmalloc(DK_CLI_CONFKEYS_MAX * sizeof(*all));
	n = dk_cli_conf_keys(cf, cfg->domain, cfg->selector, all,
	    DK_CLI_CONFKEYS_MAX);
	if (n == 1)
		*ck = all[0];
	else if (n == 0)
		dk_cli_warnx("%s: no key line for %s%s%s", cf->path,
		    cfg->domain, cfg->selector ? ":" : "",
		    cfg->selector ? cfg->selector : "");
	else
		dk_cli_warnx("%s: %zu key lines for %s (lines %zu and %zu): "
		    "name the one to replace as %s:SELECTOR", cf->path, n,
		    cfg->domain, all[0].lineno, all[1].lineno, cfg->domain);
	free(all);
	return n == 1 ? 0 : n == 0 ? EX_CONFIG : EX_USAGE;
}

/* The new key's file: SELECTOR.key in the old key's directory. */
static int
rotate_keypath(const char *oldpath, const char *sel, char *out)
{
	const char *slash = strrchr(oldpath, '/');
	int n;

	if (slash == NULL)
		n = snprintf(out, PATH_MAX, "%s.key", sel);
	else
		n = snprintf(out, PATH_MAX, "%.*s/%s.key",
		    (int)(slash - oldpath), oldpath, sel);
	if (n < 0 || n >= PATH_MAX) {
		dk_cli_warnx("%s: path too long", oldpath);
		return EX_USAGE;
	}
	return 0;
}

/*
 * CONFIG.DOMAIN.SELECTOR.bak: the configuration before SELECTOR went.
 * DOMAIN and SELECTOR in lower case, as DNS compares them: switch and
 * revoke must find one file however the operator typed them.
 */
static int
rotate_backup(const char *conf, const char *domain, const char *sel,
    char *out)
{
	size_t i;
	int n;

	n = snprintf(out, PATH_MAX, "%s.%s.%s.bak", conf, domain, sel);
	if (n < 0 || n >= PATH_MAX) {
		dk_cli_warnx("%s: path too long", conf);
		return EX_USAGE;
	}
	for (i = strlen(conf); out[i] != '\0'; i++)
		out[i] = (char)tolower((unsigned char)out[i]);
	return 0;
}

/*
 * Type and size of the new key: -a and -b, else those of the old key;
 * -a rsa alone keeps an RSA key's size, or, the old key unreadable,
 * takes the default, as it did before the size was kept.
 */
static int
rotate_keytype(struct rotate_cfg *cfg, const char *oldpath)
{
	struct dk_key *old;
	int rc;

	if (!cfg->typeset || (cfg->type == DK_KEY_RSA && cfg->bits == 0)) {
		if ((rc = dk_cli_key_load(oldpath, &old)) != 0) {
			if (!cfg->typeset)
				return rc;
			dk_cli_warnx("%s: its size unknown, the new key has "
			    "the default; give -b for another", oldpath);
			return dk_cli_keybits_ok(cfg->type, cfg->bits);
		}
		if (!cfg->typeset)
			cfg->type = dk_key_type(old);
		if (cfg->type == DK_KEY_RSA && cfg->bits == 0 &&
		    dk_key_type(old) == DK_KEY_RSA)
			cfg->bits = dk_key_bits(old);
		dk_key_free(old);
	}
	return dk_cli_keybits_ok(cfg->type, cfg->bits);
}

static int
step_new(struct rotate_cfg *cfg, struct dk_cli_conf *cf)
{
	struct dk_cli_confkey ck;
	struct dk_cli_newkey nk;
	char path[PATH_MAX];
	const char *sel = cfg->newsel;
	time_t now = time(NULL);
	int rc;

	if ((rc = rotate_find(cfg, cf, &ck)) != 0)
		return rc;
	if (sel == NULL) {
		strftime(cfg->datesel, sizeof(cfg->datesel), SELECTOR_DATE,
		    gmtime(&now));
		sel = cfg->datesel;
	}
	if ((rc = dk_cli_names_ok(cfg->domain, sel)) != 0)
		return rc;
	if (dk_cli_conf_keys(cf, cfg->domain, sel, NULL, 0) > 0) {
		dk_cli_warnx("%s: %s:%s is in use already: choose another "
		    "selector with -s", cf->path, cfg->domain, sel);
		return EX_USAGE;
	}
	if ((rc = rotate_keytype(cfg, ck.path)) != 0 ||
	    (rc = rotate_keypath(ck.path, sel, path)) != 0)
		return rc;
	memset(&nk, 0, sizeof(nk));
	nk.type = cfg->type;
	nk.bits = (unsigned int)cfg->bits;
	nk.domain = cfg->domain;
	nk.selector = sel;
	nk.path = path;
	/* the filter's user must read it as it reads the old one */
	nk.like = ck.path;
	if ((rc = dk_cli_keygen_new(&nk)) != 0)
		return rc;
	dk_cli_warnx("%s: new key for %s; publish the record above, "
	    "then: dkimkit rotate switch -f %s -s %s %s:%s", path,
	    cfg->domain, cf->path, sel, cfg->domain, ck.selector);
	return 0;
}

/* Is the new key's record published? testkey's line and status. */
static int
rotate_published(const struct rotate_cfg *cfg, const char *path,
    const char *conf)
{
	struct dk_cli_keysrc src;
	int rc;

	if ((rc = dk_cli_keysrc_open(&src, &cfg->src)) != 0)
		return rc;
	rc = dk_cli_keycheck_file(&src, cfg->domain, cfg->newsel, path);
	dk_cli_keysrc_close(&src);
	if (rc != EX_TEMPFAIL && rc != DK_CLI_EX_NOPASS)
		return rc;	/* a match, or the key file */
	(void)dk_cli_flush();
	dk_cli_warnx("%s: not changed: the new key's record must be "
	    "published first", conf);
	return rc;
}

/*
 * The file is replaced whether these lines get out or not: switch exits
 * 0, as a second run would, so that a script goes on to reload the
 * filter; stderr says what failed. SIGPIPE is ignored meanwhile.
 */
static void
switch_report(const struct rotate_cfg *cfg, const struct dk_cli_conf *cf,
    const struct dk_cli_confkey *ck, const char *word, const char *backup)
{
	printf("%s:%zu: %s:%s:%s replaced by %s (the old file is in %s)\n",
	    cf->path, ck->lineno, ck->domain, ck->selector, ck->path, word,
	    backup);
	(void)dk_cli_flush();
	dk_cli_warnx("reload the filter now; after the grace period: dkimkit "
	    "rotate revoke -f %s %s:%s", cf->path, cfg->domain,
	    ck->selector);
}

static int
step_switch(struct rotate_cfg *cfg, struct dk_cli_conf *cf)
{
	struct dk_cli_held held;
	struct dk_cli_confkey ck;
	char path[PATH_MAX], backup[PATH_MAX], *word;
	size_t len;
	int rc;

	if (cfg->newsel == NULL) {
		dk_cli_warnx("switch: -s NEWSELECTOR is needed");
		return dk_cli_usage("rotate");
	}
	if ((rc = dk_cli_names_ok(cfg->domain, cfg->newsel)) != 0)
		return rc;
	if (dk_cli_conf_keys(cf, cfg->domain, cfg->newsel, NULL, 0) > 0) {
		printf("%s: %s:%s is in use already: nothing to do\n",
		    cf->path, cfg->domain, cfg->newsel);
		return dk_cli_flush();
	}
	if ((rc = rotate_find(cfg, cf, &ck)) != 0 ||
	    (rc = rotate_keypath(ck.path, cfg->newsel, path)) != 0 ||
	    (rc = rotate_backup(cf->real, cfg->domain, ck.selector,
	    backup)) != 0)
		return rc;
	if ((rc = rotate_published(cfg, path, cf->path)) != 0)
		return rc;
	len = strlen(ck.domain) + strlen(cfg->newsel) + strlen(path) + 3;
	word = dk_cli_xmalloc(len);
	snprintf(word, len, "%s:%s:%s", ck.domain, cfg->newsel, path);
	/*
	 * A stop before the file is replaced leaves it; one after comes
	 * too late, and is dropped once the switch is reported.
	 */
	dk_cli_signals_hold(&held);
	if ((rc = dk_cli_conf_replace(cf, &ck, word, backup, &held)) == 0)
		switch_report(cfg, cf, &ck, word, backup);
	dk_cli_signals_release(&held, rc == 0);
	free(word);
	return rc;
}

/* Has the grace period passed since the switch (the backup's time)? */
static int
rotate_grace(const struct rotate_cfg *cfg, const char *backup)
{
	struct stat st;
	time_t now = time(NULL), end;
	char when[32];

	if (cfg->grace == 0)
		return 0;
	if (stat(backup, &st) == -1) {
		dk_cli_warnx("%s: %s: no trace of when rotate switch replaced "
		    "%s; once the grace period is over, use -g 0", backup,
		    strerror(errno), cfg->selector);
		return EX_NOINPUT;
	}
	end = st.st_mtime + (time_t)cfg->grace * DAY;
	if (now >= end)
		return 0;
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", gmtime(&end));
	dk_cli_warnx("%s:%s was replaced %lld hours ago (%s); the grace "
	    "period of %lld days ends %s", cfg->domain, cfg->selector,
	    (long long)(now - st.st_mtime) / 3600, backup,
	    (long long)cfg->grace, when);
	return EX_TEMPFAIL;
}

static int
step_revoke(struct rotate_cfg *cfg, struct dk_cli_conf *cf)
{
	struct dk_cli_confkey ck;
	char backup[PATH_MAX];
	int rc;

	if (cfg->selector == NULL) {
		dk_cli_warnx("revoke: name the old key as DOMAIN:SELECTOR");
		return dk_cli_usage("rotate");
	}
	if ((rc = dk_cli_names_ok(cfg->domain, cfg->selector)) != 0)
		return rc;
	if (dk_cli_conf_keys(cf, cfg->domain, cfg->selector, &ck, 1) > 0) {
		dk_cli_warnx("%s:%zu: %s:%s still signs: rotate switch "
		    "first", cf->path, ck.lineno, cfg->domain, cfg->selector);
		return EX_CONFIG;
	}
	if ((rc = rotate_backup(cf->real, cfg->domain, cfg->selector,
	    backup)) != 0 || (rc = rotate_grace(cfg, backup)) != 0)
		return rc;
	dk_cli_record_print(cfg->selector, cfg->domain, REVOKED_RECORD);
	return dk_cli_flush();
}

static const struct rotate_step steps[] = {
	{ "new", "abfs", "DOMAIN[:SELECTOR]", step_new },
	{ "switch", "fsDR", "DOMAIN[:SELECTOR]", step_switch },
	{ "revoke", "fg", "DOMAIN:SELECTOR", step_revoke }
};

static int
rotate_opt(struct rotate_cfg *cfg, int ch)
{
	switch (ch) {
	case 'a':
		cfg->typeset = 1;
		return dk_cli_keytype_opt(optarg, &cfg->type);
	case 'b':
		return dk_cli_num_opt("-b", optarg, DK_RSA_MIN_BITS,
		    DK_RSA_MAX_BITS, &cfg->bits);
	case 'f':
		cfg->conf = optarg;
		return 0;
	case 'g':
		return dk_cli_num_opt("-g", optarg, 0, GRACE_DAYS_MAX,
		    &cfg->grace);
	case 's':
		cfg->newsel = optarg;
		return 0;
	}
	return dk_cli_keysrc_opt(&cfg->src, ch, optarg) ? 0 : -1;
}

/* The step's one argument after the options, and -f: both needed. */
static int
rotate_args(int argc, char **argv, const struct rotate_step *step,
    const struct rotate_cfg *cfg)
{
	if (optind + 1 < argc)
		dk_cli_warnx("%s: unexpected argument", argv[optind + 1]);
	else if (optind == argc)
		dk_cli_warnx("rotate %s: %s is needed", step->name, step->arg);
	else if (cfg->conf == NULL)
		dk_cli_warnx("rotate %s: -f CONFIG is needed", step->name);
	else
		return 0;
	return dk_cli_usage("rotate");
}

static int
rotate_getopt(int argc, char **argv, const struct rotate_step *step,
    struct rotate_cfg *cfg)
{
	static const struct option longopts[] = {
		DK_CLI_KEYSRC_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	int ch, letter, rc;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":a:b:f:g:s:", longopts,
	    NULL)) != -1) {
		letter = ch == DK_CLI_OPT_DNS_FILE ? 'D' :
		    ch == DK_CLI_OPT_RESOLVER ? 'R' : ch;
		if (ch == '?' || ch == ':' || strchr(step->opts, letter) ==
		    NULL) {
			if (ch != '?' && ch != ':')
				dk_cli_warnx("rotate %s: %s: not an option of "
				    "this step", step->name, letter == 'D' ?
				    "--dns-file" : letter == 'R' ? "--resolver" :
				    (char []){ '-', (char)ch, '\0' });
			return ch == '?' || ch == ':' ?
			    dk_cli_badopt("rotate", ch, argv) :
			    dk_cli_usage("rotate");
		}
		if ((rc = rotate_opt(cfg, ch)) != 0)
			return rc;
	}
	if ((rc = rotate_args(argc, argv, step, cfg)) != 0 ||
	    (rc = dk_cli_keysrc_args_ok(&cfg->src, "rotate")) != 0)
		return rc;
	cfg->domain = argv[optind];
	if ((cfg->selector = strchr(cfg->domain, ':')) != NULL)
		*cfg->selector++ = '\0';
	dk_cli_domain_trim(cfg->domain);
	return 0;
}

int
dk_cli_rotate(int argc, char **argv)
{
	const struct rotate_step *step = NULL;
	struct rotate_cfg cfg;
	struct dk_cli_conf cf;
	size_t i;
	int rc;

	for (i = 0; argc > 1 && i < sizeof(steps) / sizeof(steps[0]); i++)
		if (strcmp(argv[1], steps[i].name) == 0)
			step = &steps[i];
	if (step == NULL) {
		if (argc > 1)
			dk_cli_warnx("rotate %s: unknown step", argv[1]);
		else
			dk_cli_warnx("rotate: a step is needed: new, switch "
			    "or revoke");
		return dk_cli_usage("rotate");
	}
	memset(&cfg, 0, sizeof(cfg));
	cfg.type = DK_KEY_RSA;
	cfg.grace = GRACE_DAYS_DEFAULT;
	if ((rc = rotate_getopt(argc - 1, argv + 1, step, &cfg)) != 0)
		return rc;
	if ((rc = dk_cli_conf_read(cfg.conf, &cf)) == 0)
		rc = step->run(&cfg, &cf);
	dk_cli_conf_free(&cf);
	return rc;
}
