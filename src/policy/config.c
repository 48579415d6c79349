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
 * The configuration: command-line arguments and the -f file, whose lines
 * are DOMAIN:SELECTOR:KEYFILE or "key value" (filter-dkim(8)). The file
 * is read first and the command line wins. Everything lands in a struct
 * config that is passed down, never in globals, so that SIGHUP can build
 * a new one next to the old and keep the old when the new one is broken.
 * The key files it names are loaded by keyfile.c.
 */

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "policy.h"

#define DEFAULT_SPOOL_DIR	"/tmp"
#define TIME_MAX		((int64_t)1 << 40)	/* far past 2038 */
#define EXPIRE_MAX		(10LL * 365 * 86400)

static const char *const default_nets[] = { "127.0.0.0/8", "::1", "local" };

static int
set_str(char **dst, const char *val)
{
	char *s;

	if ((s = strdup(val)) == NULL)
		fatal("config");
	free(*dst);
	*dst = s;
	return 0;
}

static int
num_parse(const char *s, long long min, long long max, long long *v)
{
	char *e;

	errno = 0;
	*v = strtoll(s, &e, 10);
	if (e != s && (*e == 'k' || *e == 'K') && *v <= max / 1024) {
		*v *= 1024;
		e++;
	} else if (e != s && (*e == 'm' || *e == 'M') &&
	    *v <= max / (1024 * 1024)) {
		*v *= 1024 * 1024;
		e++;
	}
	return e == s || *e != '\0' || errno != 0 || *v < min || *v > max ?
	    -1 : 0;
}

static int
opt_authserv(struct config *c, const char *v)
{
	if (!dk_authserv_id_ok(v))
		return -1;	/* RFC 8601 §2.2: it must be a value */
	return set_str(&c->authserv_id, v);
}

/* RFC 6376 §3.5 c=: HEADER[/BODY], as the engine reads it */
static int
opt_canon(struct config *c, const char *v)
{
	return dk_canon_parse(v, &c->hcanon, &c->bcanon) == DK_OK ? 0 : -1;
}

static int
opt_yesno(const char *v, int *flag)
{
	if (strcmp(v, "yes") == 0)
		*flag = 1;
	else if (strcmp(v, "no") == 0)
		*flag = 0;
	else
		return -1;
	return 0;
}

static int
opt_debug(struct config *c, const char *v)
{
	return opt_yesno(v, &c->verbose);
}

static int
opt_reject(struct config *c, const char *v)
{
	return opt_yesno(v, &c->reject);
}

static int
opt_reject_permerror(struct config *c, const char *v)
{
	return opt_yesno(v, &c->reject_permerror);
}

static int
opt_dns_timeout(struct config *c, const char *v)
{
	long long n;

	if (num_parse(v, 1, POLICY_DNS_TIMEOUT_MAX / 1000, &n) == -1)
		return -1;
	c->dns_timeout = n * 1000;
	return 0;
}

static int
opt_expire(struct config *c, const char *v)
{
	long long n;

	if (num_parse(v, 0, EXPIRE_MAX, &n) == -1)
		return -1;
	c->expire = n;
	return 0;
}

static int
opt_fixed_time(struct config *c, const char *v)
{
	long long n;

	if (num_parse(v, 0, TIME_MAX, &n) == -1)
		return -1;
	c->fixed_time = n;
	return 0;
}

static void
headers_free(struct config *c)
{
	if (c->headers != NULL)
		free(c->headers[0]);
	free(c->headers);
	c->headers = NULL;
}

/* h1:h2:...: taken literally (DESIGN.md), at most POLICY_HEADERS_MAX names */
static int
opt_headers(struct config *c, const char *v)
{
	char *copy, *p;
	size_t i, n = 1;

	headers_free(c);
	for (p = strchr(v, ':'); p != NULL; p = strchr(p + 1, ':'))
		n++;
	if (n > POLICY_HEADERS_MAX)
		return -1;
	if ((copy = strdup(v)) == NULL ||
	    (c->headers = calloc(n + 1, sizeof(char *))) == NULL)
		fatal("config");
	for (i = 0, p = copy; i < n; i++) {
		c->headers[i] = p;
		if ((p = strchr(p, ':')) != NULL)
			*p++ = '\0';
	}
	for (i = 0; i < n; i++)
		if (c->headers[i][0] == '\0') {
			headers_free(c);	/* frees copy, headers[0] */
			return -1;
		}
	return 0;
}

static int
opt_mode(struct config *c, const char *v)
{
	if (strcmp(v, "auto") == 0)
		c->mode = POLICY_AUTO;
	else if (strcmp(v, "sign") == 0)
		c->mode = POLICY_SIGN;
	else if (strcmp(v, "verify") == 0)
		c->mode = POLICY_VERIFY;
	else
		return -1;
	return 0;
}

/* A list separated by blanks or commas; it replaces the default one. */
static int
opt_nets(struct config *c, const char *v)
{
	char *copy, *w, *last;
	int rc = 0;

	if ((copy = strdup(v)) == NULL)
		fatal("config");
	c->nnets = 0;
	for (w = strtok_r(copy, " \t,", &last); w != NULL && rc == 0;
	    w = strtok_r(NULL, " \t,", &last)) {
		if (c->nnets == POLICY_NETS_MAX ||
		    dk_policy_net_parse(w, &c->nets[c->nnets]) == -1)
			rc = -1;
		else
			c->nnets++;
	}
	free(copy);
	return rc;
}

/*
 * The resolver's own parser decides: a resolver made on the server and
 * freed (it opens no socket before its first lookup).
 */
static int
opt_resolver(struct config *c, const char *v)
{
	struct dk_resolver_opts o;
	struct dk_resolver *r;
	enum dk_status st;

	dk_resolver_opts_init(&o, sizeof(o));
	o.server = v;
	if ((st = dk_resolver_new(&r, &o, NULL, 0)) == DK_ENOMEM)
		fatal("config");
	dk_resolver_free(r);
	return st == DK_OK ? set_str(&c->resolver, v) : -1;
}

static int
opt_spool_dir(struct config *c, const char *v)
{
	return v[0] == '/' ? set_str(&c->spool_dir, v) : -1;
}

static int
opt_spool_max(struct config *c, const char *v)
{
	long long n;

	if (num_parse(v, POLICY_SPOOL_MIN, POLICY_SPOOL_LIMIT, &n) == -1)
		return -1;
	c->spool_max = (size_t)n;
	return 0;
}

static int
opt_memory_max(struct config *c, const char *v)
{
	long long n;

	if (num_parse(v, POLICY_MEMORY_MIN, (long long)POLICY_MEMORY_LIMIT,
	    &n) == -1)
		return -1;
	c->memory_max = (size_t)n;
	return 0;
}

static int
opt_header_max(struct config *c, const char *v)
{
	long long n;

	if (num_parse(v, POLICY_HEADER_MIN, DK_HEADER_MAX, &n) == -1)
		return -1;
	c->header_max = (size_t)n;
	return 0;
}

/* Each option, and the rule its value must follow, for the messages. */
static const struct {
	const char	*name;
	int		(*set)(struct config *, const char *);
	const char	*rule;
} options[] = {
	{ "authserv-id",	opt_authserv,	"an RFC 8601 authserv-id: "
	    "a host name, or a token without spaces, ';' or quotes" },
	{ "canonicalization",	opt_canon,	"HEADER[/BODY], each simple "
	    "or relaxed" },
	{ "debug",		opt_debug,	"yes or no" },
	{ "dns-timeout",	opt_dns_timeout, "seconds, 1 to 600" },
	{ "expire",		opt_expire,	"seconds, 0 to 315360000 "
	    "(ten years)" },
	{ "fixed-time",		opt_fixed_time,	"a Unix time" },
	{ "header-max",		opt_header_max,	"bytes, 4k to 1m" },
	{ "headers",		opt_headers,	"1 to 64 field names "
	    "separated by colons" },
	{ "internal-networks",	opt_nets,	"up to 256 of ADDR[/PREFIX] "
	    "or local, separated by blanks or commas" },
	{ "memory-max",		opt_memory_max,	"bytes, 64k to 1073741824k "
	    "(1 TiB)" },
	{ "mode",		opt_mode,	"auto, sign or verify" },
	{ "reject",		opt_reject,	"yes or no" },
	{ "reject-permerror",	opt_reject_permerror, "yes or no" },
	{ "resolver",		opt_resolver,	"ADDR, ADDR:PORT, IPV6 or "
	    "[IPV6]:PORT" },
	{ "spool-dir",		opt_spool_dir,	"an absolute path" },
	{ "spool-max",		opt_spool_max,	"bytes, 4k to 1048576k "
	    "(1 GiB)" },
};

static int
option_set(struct config *c, const char *key, const char *val,
    const char *where)
{
	size_t i;

	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		if (strcmp(options[i].name, key) == 0) {
			if (options[i].set(c, val) == -1) {
				log_warnx("%s: %s \"%s\": want %s", where,
				    key, val, options[i].rule);
				return -1;
			}
			/* for the checks made once everything is read */
			if (strcmp(key, "headers") == 0)
				(void)set_str(&c->headers_where, where);
			else if (strcmp(key, "mode") == 0)
				(void)set_str(&c->mode_where, where);
			return 0;
		}
	log_warnx("%s: unknown option \"%s\"; see filter-dkim(8) for the "
	    "list", where, key);
	return -1;
}

/* The key already given for this domain and selector; NULL: none. */
static const struct cfg_key *
key_find(const struct config *c, const char *domain, const char *selector)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++)
		if (strcmp(c->keys[i].domain, domain) == 0 &&
		    strcmp(c->keys[i].selector, selector) == 0)
			return &c->keys[i];
	return NULL;
}

/* DOMAIN:SELECTOR:KEYFILE; the file name may hold more colons. */
static int
key_add(struct config *c, const char *spec, const char *where)
{
	const struct cfg_key *dup;
	struct cfg_key *k;
	char *d, *s, *p = NULL;

	if (c->nkeys == POLICY_KEYS_MAX) {
		log_warnx("%s: more than %d keys; give fewer", where,
		    POLICY_KEYS_MAX);
		return -1;
	}
	k = &c->keys[c->nkeys];
	if ((d = strdup(spec)) == NULL)
		fatal("config");
	if ((s = strchr(d, ':')) != NULL)
		*s++ = '\0';
	if (s != NULL && (p = strchr(s, ':')) != NULL)
		*p++ = '\0';
	if (s != NULL) {
		dk_policy_name_norm(d);
		dk_policy_name_norm(s);
	}
	/* the engine's rules for d= and s=: one rule, one place */
	if (p == NULL || *p == '\0' || !dk_domain_ok(d) ||
	    !dk_selector_ok(s)) {
		log_warnx("%s: \"%s\": want DOMAIN:SELECTOR:KEYFILE, with "
		    "a domain (two labels or more) and a selector of "
		    "letters, digits and hyphens (an IDN as its xn-- "
		    "A-label)", where, spec);
		free(d);
		return -1;
	}
	/* a receiver finds one record there: only one key can verify */
	if ((dup = key_find(c, d, s)) != NULL) {
		log_warnx("%s: %s:%s is given twice (also at %s): one "
		    "selector names one key; remove one, or give it a "
		    "selector of its own", where, d, s, dup->where);
		free(d);
		return -1;
	}
	k->domain = d;
	k->selector = s;
	k->path = p;
	if ((k->where = strdup(where)) == NULL)
		fatal("config");
	c->nkeys++;
	return dk_policy_key_load(k, where);
}

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* A '#' at the start of a line or after a blank starts a comment. */
static void
comment_cut(char *line)
{
	char *p;

	for (p = line; (p = strchr(p, '#')) != NULL; p++)
		if (p == line || isspace((unsigned char)p[-1])) {
			*p = '\0';
			return;
		}
}

static int
file_line(struct config *c, char *line, const char *where)
{
	char *key, *val;

	comment_cut(line);
	if (*(key = trim(line)) == '\0')
		return 0;
	if (strlen(key) > POLICY_CONF_LINE_MAX) {
		log_warnx("%s: line over %d bytes, the bound on a line "
		    "of the configuration", where, POLICY_CONF_LINE_MAX);
		return -1;
	}
	for (val = key; *val != '\0' && !isspace((unsigned char)*val); val++)
		;
	if (*val == '\0')
		return strchr(key, ':') != NULL ? key_add(c, key, where) :
		    option_set(c, key, "", where);
	*val++ = '\0';
	return option_set(c, key, trim(val), where);
}

/* A NUL would end a line early and hide the rest of the file. */
static int
nul_check(const char *path, const char *buf, size_t len)
{
	const char *nul, *line = buf, *nl;
	size_t lineno = 1;

	if ((nul = memchr(buf, '\0', len)) == NULL)
		return 0;
	while ((nl = memchr(line, '\n', (size_t)(nul - line))) != NULL) {
		line = nl + 1;
		lineno++;
	}
	log_warnx("%s:%zu: a NUL byte at column %zu: a configuration file "
	    "is text; remove it", path, lineno, (size_t)(nul - line) + 1);
	return -1;
}

static int
file_load(struct config *c, const char *path)
{
	char where[PATH_MAX + 32], *buf, *line, *next;
	const char *kind;
	size_t len, lineno = 0;
	int rc = 0;

	if ((buf = dk_policy_file_read(path, POLICY_CONF_MAX, &len,
	    &kind)) == NULL) {
		if (kind != NULL)
			log_warnx("%s is %s: give the configuration file",
			    path, kind);
		else if (errno == EFBIG)
			log_warnx("%s: over %d bytes, the bound on a "
			    "configuration file: is it the right file?", path,
			    POLICY_CONF_MAX);
		else if (errno == EACCES)
			dk_policy_file_denied("", path, "the file");
		else
			log_warn("%s", path);
		return -1;
	}
	if (nul_check(path, buf, len) == -1) {
		free(buf);
		return -1;
	}
	/* every line, so that one run names every mistake */
	for (line = buf; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		(void)snprintf(where, sizeof(where), "%s:%zu", path, ++lineno);
		if (file_line(c, line, where) == -1)
			rc = -1;
	}
	free(buf);
	return rc;
}

static struct config *
config_new(void)
{
	struct config *c;
	size_t i;

	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (c->keys = calloc(POLICY_KEYS_MAX, sizeof(*c->keys))) == NULL ||
	    (c->nets = calloc(POLICY_NETS_MAX, sizeof(*c->nets))) == NULL ||
	    (c->spool_dir = strdup(DEFAULT_SPOOL_DIR)) == NULL)
		fatal("config");
	c->refs = 1;
	c->hcanon = c->bcanon = DK_CANON_RELAXED;
	c->spool_max = POLICY_SPOOL_DEFAULT;
	c->memory_max = POLICY_MEMORY_DEFAULT;
	c->header_max = POLICY_HEADER_DEFAULT;
	c->dns_timeout = POLICY_DNS_TIMEOUT;
	c->fixed_time = -1;
	for (i = 0; i < sizeof(default_nets) / sizeof(default_nets[0]); i++)
		(void)dk_policy_net_parse(default_nets[i],
		    &c->nets[c->nnets++]);
	return c;
}

static void
config_free(struct config *c)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		dk_key_free(c->keys[i].key);
		free(c->keys[i].domain);
		free(c->keys[i].where);
	}
	free(c->keys);
	free(c->nets);
	headers_free(c);
	free(c->authserv_id);
	free(c->spool_dir);
	free(c->resolver);
	free(c->headers_where);
	free(c->mode_where);
	free(c);
}

void
dk_policy_config_unref(struct config *c)
{
	if (c != NULL && --c->refs == 0)
		config_free(c);
}

static int
args_apply(struct config *c, const struct args *a)
{
	int i, rc = 0;

	if ((a->authserv_id != NULL &&
	    option_set(c, "authserv-id", a->authserv_id, "-A") == -1) ||
	    (a->canon != NULL &&
	    option_set(c, "canonicalization", a->canon, "-c") == -1) ||
	    (a->headers != NULL &&
	    option_set(c, "headers", a->headers, "-h") == -1) ||
	    (a->mode != NULL && option_set(c, "mode", a->mode, "-m") == -1) ||
	    (a->resolver != NULL &&
	    option_set(c, "resolver", a->resolver, "--resolver") == -1))
		return -1;
	if (a->reject)
		c->reject = 1;
	for (i = 0; i < a->nkeys; i++)
		if (key_add(c, a->keys[i], "command line") == -1)
			rc = -1;
	return rc;
}

/*
 * The spool directory must be one this user can make files in: try it,
 * as the spool will (so a read-only file system, or a directory that is
 * the wrong user's, is found now and not at the first large message).
 */
static int
spool_dir_check(const struct config *c)
{
	char path[PATH_MAX];
	struct stat st = { 0 };
	int fd;

	st.st_mode = S_IFDIR;	/* when stat fails: say why */
	if (stat(c->spool_dir, &st) == -1 || !S_ISDIR(st.st_mode)) {
		log_warnx("spool-dir \"%s\": %s; create it, or name a "
		    "directory that exists", c->spool_dir,
		    S_ISDIR(st.st_mode) ? strerror(errno) : "not a directory");
		return -1;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s/filter-dkim.XXXXXXXXXX",
	    c->spool_dir) >= sizeof(path) || (fd = mkstemp(path)) == -1) {
		log_warnx("spool-dir \"%s\": cannot make a file in it as "
		    "uid %lu: %s; give that user write access, or name "
		    "another directory", c->spool_dir,
		    (unsigned long)geteuid(), strerror(errno));
		return -1;
	}
	(void)unlink(path);
	(void)close(fd);
	return 0;
}

/* The header list as it was given, for a message. */
static const char *
headers_joined(const struct config *c, char *buf, size_t len)
{
	size_t i, off = 0;
	int w;

	buf[0] = '\0';
	for (i = 0; c->headers[i] != NULL && off < len; i++) {
		w = snprintf(buf + off, len - off, "%s%s", i ? ":" : "",
		    c->headers[i]);
		off += w < 0 ? 0 : (size_t)w;
	}
	return buf;
}

/*
 * Every key must make a signer the engine takes: the engine's own rules
 * (dk_sign_opts_check), first on the key alone, then with t= and x=,
 * then with the header list, so that each message names the right place.
 */
static int
sign_check(const struct config *c)
{
	struct dk_sign_opts o;
	char err[512], list[POLICY_CONF_LINE_MAX];
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		dk_sign_opts_init(&o, sizeof(o));
		o.domain = c->keys[i].domain;
		o.selector = c->keys[i].selector;
		o.key = c->keys[i].key;
		o.hcanon = c->hcanon;
		o.bcanon = c->bcanon;
		if (dk_sign_opts_check(&o, err, sizeof(err)) != DK_OK) {
			log_warnx("%s: %s:%s: %s", c->keys[i].where,
			    o.domain, o.selector, err);
			return -1;
		}
		o.timestamp = c->fixed_time >= 0 ? c->fixed_time :
		    (int64_t)time(NULL);
		o.expire_after = c->expire;
		if (dk_sign_opts_check(&o, err, sizeof(err)) != DK_OK) {
			log_warnx("fixed-time %lld with expire %lld: %s",
			    (long long)o.timestamp, (long long)c->expire, err);
			return -1;
		}
		o.headers = (const char *const *)c->headers;
		if (dk_sign_opts_check(&o, err, sizeof(err)) != DK_OK) {
			log_warnx("%s: headers \"%s\": %s", c->headers_where,
			    headers_joined(c, list, sizeof(list)), err);
			return -1;
		}
	}
	return 0;
}

/* What each value allows, together, must be able to work. */
static int
config_check(const struct config *c)
{
	if (c->mode == POLICY_SIGN && c->nkeys == 0) {
		log_warnx("%s: mode sign, but no key is given: every "
		    "message would pass unsigned; add a "
		    "DOMAIN:SELECTOR:KEYFILE line, or use mode auto or "
		    "verify", c->mode_where);
		return -1;
	}
	return spool_dir_check(c) == -1 || sign_check(c) == -1 ? -1 : 0;
}

/* see policy.h */
int
dk_policy_config_load(const struct args *a, struct config **cp)
{
	struct config *c = config_new();
	int rc = 0;

	/* both, so that every mistake is named; checks need a whole one */
	if (a->file != NULL && file_load(c, a->file) == -1)
		rc = -1;
	if (args_apply(c, a) == -1)
		rc = -1;
	if (rc == -1 || config_check(c) == -1) {
		config_free(c);
		return -1;
	}
	*cp = c;
	return 0;
}

/* see policy.h */
const char *
dk_policy_authserv(const struct config *c, const char *admd,
    const char *host)
{
	if (c->authserv_id != NULL)
		return c->authserv_id;
	if (admd != NULL && admd[0] != '\0' && dk_authserv_id_ok(admd))
		return admd;
	if (host != NULL && host[0] != '\0' && dk_authserv_id_ok(host))
		return host;
	return "localhost";
}
