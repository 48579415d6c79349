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
 * dkimkit keygen: a new private key in DIR/SELECTOR.key, and its key
 * record printed in the --dns-file format. Also rotate's new key: the
 * key and its record go together, or neither stays.
 */

#include <sys/stat.h>
#include <sys/uio.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define TXT_STRING_MAX	255	/* RFC 1035 §3.3: one character-string */

#define KEY_EXISTS	"a key of that name exists already, and a key is " \
			"never overwritten: choose another selector (-s)"

struct keygen_cfg {
	enum dk_key_type	 type;
	int64_t			 bits;		/* 0: the default */
	char			*domain;
	const char		*selector;
	const char		*dir;
};

/* -d and -s, both needed, and nothing else. */
static int
keygen_args(int argc, char **argv, const struct keygen_cfg *cfg)
{
	if (optind != argc)
		dk_cli_warnx("%s: unexpected argument", argv[optind]);
	else if (cfg->domain == NULL)
		dk_cli_warnx("keygen: -d DOMAIN is needed");
	else if (cfg->selector == NULL)
		dk_cli_warnx("keygen: -s SELECTOR is needed");
	else
		return 0;
	return dk_cli_usage("keygen");
}

static int
keygen_getopt(int argc, char **argv, struct keygen_cfg *cfg)
{
	static const struct option longopts[] = {
		{ NULL, 0, NULL, 0 }
	};
	int ch, rc;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":a:b:d:o:s:", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'a':
			if ((rc = dk_cli_keytype_opt(optarg, &cfg->type)) != 0)
				return rc;
			break;
		case 'b':
			if ((rc = dk_cli_num_opt("-b", optarg, DK_RSA_MIN_BITS,
			    DK_RSA_MAX_BITS, &cfg->bits)) != 0)
				return rc;
			break;
		case 'd':
			cfg->domain = optarg;
			break;
		case 'o':
			/* "" would make "/SELECTOR.key", at the root */
			if (*optarg == '\0') {
				dk_cli_warnx("-o: empty: give the key's "
				    "directory, . for the current one");
				return EX_USAGE;
			}
			cfg->dir = optarg;
			break;
		case 's':
			cfg->selector = optarg;
			break;
		default:
			return dk_cli_badopt("keygen", ch, argv);
		}
	}
	if ((rc = keygen_args(argc, argv, cfg)) != 0)
		return rc;
	if (dk_cli_keybits_ok(cfg->type, cfg->bits) != 0)
		return dk_cli_usage("keygen");
	/* as sign, testkey and rotate take it; the record adds its own */
	dk_cli_domain_trim(cfg->domain);
	return dk_cli_names_ok(cfg->domain, cfg->selector);
}

/* What path, not root, lacks of like's owner and group (other): said. */
static void
keygen_owner_said(const char *path, const char *like, int other)
{
	if (other & DK_CLI_OTHER_GID)
		dk_cli_warnx("%s: cannot give it the group of %s, so it is "
		    "readable to its owner only: make it readable to the "
		    "filter's user", path, like);
	else if (other & DK_CLI_OTHER_UID)
		dk_cli_warnx("%s: cannot give it the owner of %s, only its "
		    "group: check that the filter's user can read it", path,
		    like);
}

/*
 * The PEM in a new file path, whole or not at all; an old file stays.
 * With like, the file gets its owner, group and mode (never more than
 * 0640), set on the temporary file before it has its name: the user
 * the filter runs as must read it as it reads that one. A stop signal
 * come meanwhile (see dk_cli_signals_stopped) leaves no key.
 */
static int
keygen_write(const char *path, const char *pem, const char *like,
    const struct dk_cli_held *h)
{
	char tmp[PATH_MAX];
	struct stat want;
	struct iovec whole;
	int rc, other;

	whole.iov_base = (char *)(uintptr_t)pem;
	whole.iov_len = strlen(pem);
	if (like != NULL && stat(like, &want) == -1) {
		dk_cli_warnx("%s: %s; the new key is readable to its owner "
		    "only: make it readable to the filter's user", like,
		    strerror(errno));
		like = NULL;
	}
	if (like != NULL)
		want.st_mode &= 0640;
	if ((rc = dk_cli_temp_write(path, like != NULL ? &want : NULL,
	    &whole, 1, tmp)) != 0)
		return rc;
	if (dk_cli_signals_stopped(h)) {
		(void)unlink(tmp);
		dk_cli_warnx("%s: interrupted: no key written", path);
		return EX_TEMPFAIL;
	}
	/* fchown(2) is let fail for a user who is not root: said here */
	other = like != NULL ? dk_cli_temp_owner(tmp, &want) : 0;
	/* on disk before its record is printed, to be published */
	if ((rc = dk_cli_temp_link(tmp, path, KEY_EXISTS)) == 0)
		keygen_owner_said(path, like, other);
	return rc;
}

/*
 * "SELECTOR._domainkey.DOMAIN. TXT "..." "..."", ready for a zone file:
 * the owner name absolute (a final dot, so that no $ORIGIN is appended),
 * no TTL and no class (the zone's $TTL and class apply), and the record
 * cut into strings of at most TXT_STRING_MAX octets, with the \" and \\
 * escapes of RFC 1035 §5.1. BIND, knot and nsd read it, and so does
 * --dns-file.
 */
void
dk_cli_record_print(const char *selector, const char *domain,
    const char *rec)
{
	size_t i, len = strlen(rec);

	printf("%s._domainkey.%s. TXT", selector, domain);
	for (i = 0; i < len; i++) {
		if (i % TXT_STRING_MAX == 0)
			fputs(i == 0 ? " \"" : "\" \"", stdout);
		if (rec[i] == '"' || rec[i] == '\\')
			putchar('\\');
		putchar(rec[i]);
	}
	fputs(len > 0 ? "\"\n" : " \"\"\n", stdout);
}

/* A new key of nk's type and size: its PEM and its record. */
static int
keygen_generate(const struct dk_cli_newkey *nk, char **pemp, char **recp)
{
	struct dk_key *key;
	enum dk_status st;

	if ((st = dk_key_generate(&key, nk->type, nk->bits)) != DK_OK) {
		if (st == DK_ENOMEM)
			dk_cli_oom();
		dk_cli_warnx("keygen: %s", dk_status_str(st));
		return EX_SOFTWARE;
	}
	if ((*pemp = dk_key_pem(key)) == NULL)
		dk_cli_oom();
	*recp = dk_key_record(key);
	dk_key_free(key);
	if (*recp == NULL) {
		explicit_bzero(*pemp, strlen(*pemp));
		dk_cli_oom();
	}
	return 0;
}

/* The record on stdout, or the key gone: see cli.h. */
static int
keygen_publish(const struct dk_cli_newkey *nk, const char *rec)
{
	int rc;

	dk_cli_record_print(nk->selector, nk->domain, rec);
	if ((rc = dk_cli_flush()) == 0)
		return 0;
	if (dk_cli_file_remove(nk->path) == -1)
		dk_cli_warnx("%s: %s; its record was not printed: remove "
		    "it, then run dkimkit again with a working standard "
		    "output", nk->path, strerror(errno));
	else
		dk_cli_warnx("%s: removed, as its record could not be "
		    "printed: run dkimkit again with a working standard "
		    "output", nk->path);
	return rc;
}

/* see cli.h */
int
dk_cli_keygen_new(const struct dk_cli_newkey *nk)
{
	struct dk_cli_held held;
	char *pem, *rec;
	int rc;

	if ((rc = keygen_generate(nk, &pem, &rec)) != 0)
		return rc;
	/*
	 * Held from the key's first byte on disk to its record's last: a
	 * stop before the key has its name leaves none, one after it is
	 * too late, and the key and its record are out.
	 */
	dk_cli_signals_hold(&held);
	rc = keygen_write(nk->path, pem, nk->like, &held);
	explicit_bzero(pem, strlen(pem));
	dk_free_string(pem);
	if (rc == 0)
		rc = keygen_publish(nk, rec);
	dk_cli_signals_release(&held, rc == 0);
	dk_free_string(rec);
	return rc;
}

int
dk_cli_keygen(int argc, char **argv)
{
	struct keygen_cfg cfg;
	struct dk_cli_newkey nk;
	char path[PATH_MAX];
	int rc, n;

	memset(&cfg, 0, sizeof(cfg));
	cfg.type = DK_KEY_RSA;
	cfg.dir = ".";
	if ((rc = keygen_getopt(argc, argv, &cfg)) != 0)
		return rc;
	n = snprintf(path, sizeof(path), "%s/%s.key", cfg.dir, cfg.selector);
	if (n < 0 || (size_t)n >= sizeof(path)) {
		dk_cli_warnx("-o: %s: path too long; choose a shorter one",
		    cfg.dir);
		return EX_USAGE;
	}
	memset(&nk, 0, sizeof(nk));
	nk.type = cfg.type;
	nk.bits = (unsigned int)cfg.bits;
	nk.domain = cfg.domain;
	nk.selector = cfg.selector;
	nk.path = path;
	return dk_cli_keygen_new(&nk);
}
