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
 * record printed in the --dns-file format.
 */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define TXT_STRING_MAX	255	/* RFC 1035 §3.3: one character-string */

struct keygen_cfg {
	enum dk_key_type	 type;
	int64_t			 bits;		/* 0: the default */
	const char		*domain;
	const char		*selector;
	const char		*dir;
};

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
			cfg->dir = optarg;
			break;
		case 's':
			cfg->selector = optarg;
			break;
		default:
			return dk_cli_badopt("keygen", ch, argv);
		}
	}
	if (optind != argc || cfg->domain == NULL || cfg->selector == NULL)
		return dk_cli_usage("keygen");
	if (dk_cli_keybits_ok(cfg->type, cfg->bits) != 0)
		return dk_cli_usage("keygen");
	return dk_cli_names_ok(cfg->domain, cfg->selector);
}

/* Write the PEM to a file of our own: mode 0600, never an old one. */
static int
keygen_write(const char *path, const char *pem)
{
	size_t len = strlen(pem), off = 0;
	ssize_t n = 0;
	int fd, err;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1) {
		if (errno == EEXIST)
			dk_cli_warnx("%s: a key of that name exists already, "
			    "and a key is never overwritten: choose another "
			    "selector (-s)", path);
		else
			dk_cli_warnx("%s: %s", path, strerror(errno));
		return EX_CANTCREAT;
	}
	while (off < len) {
		if ((n = write(fd, pem + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		off += (size_t)n;
	}
	/* on disk before its record is printed, to be published */
	if (n == -1 || fsync(fd) == -1) {
		err = errno;
		(void)close(fd);
	} else if (close(fd) == -1)
		err = errno;
	else
		return 0;
	dk_cli_warnx("%s: %s", path, strerror(err));
	(void)unlink(path);
	return EX_CANTCREAT;
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

/* see cli.h */
int
dk_cli_keygen_make(enum dk_key_type type, unsigned int bits,
    const char *path, char **recp)
{
	struct dk_key *key;
	char *pem, *rec;
	enum dk_status st;
	int rc;

	*recp = NULL;
	if ((st = dk_key_generate(&key, type, bits)) != DK_OK) {
		if (st == DK_ENOMEM)
			dk_cli_oom();
		dk_cli_warnx("keygen: %s", dk_status_str(st));
		return EX_SOFTWARE;
	}
	if ((pem = dk_key_pem(key)) == NULL)
		dk_cli_oom();
	rec = dk_key_record(key);
	dk_key_free(key);
	if (rec == NULL) {
		explicit_bzero(pem, strlen(pem));
		dk_cli_oom();
	}
	rc = keygen_write(path, pem);
	explicit_bzero(pem, strlen(pem));
	dk_free_string(pem);
	if (rc != 0) {
		dk_free_string(rec);
		return rc;
	}
	*recp = rec;
	return 0;
}

static int
keygen_run(const struct keygen_cfg *cfg, const char *path)
{
	char *rec;
	int rc;

	if ((rc = dk_cli_keygen_make(cfg->type, (unsigned int)cfg->bits, path,
	    &rec)) != 0)
		return rc;
	dk_cli_record_print(cfg->selector, cfg->domain, rec);
	dk_free_string(rec);
	return dk_cli_flush();
}

int
dk_cli_keygen(int argc, char **argv)
{
	struct keygen_cfg cfg;
	char path[PATH_MAX];
	int rc, n;

	memset(&cfg, 0, sizeof(cfg));
	cfg.type = DK_KEY_RSA;
	cfg.dir = ".";
	if ((rc = keygen_getopt(argc, argv, &cfg)) != 0)
		return rc;
	n = snprintf(path, sizeof(path), "%s/%s.key", cfg.dir, cfg.selector);
	if (n < 0 || (size_t)n >= sizeof(path)) {
		dk_cli_warnx("-o: %s: path too long", cfg.dir);
		return EX_USAGE;
	}
	return keygen_run(&cfg, path);
}
