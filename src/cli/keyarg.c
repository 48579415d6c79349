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
 * DOMAIN:SELECTOR:KEYFILE arguments (sign, testkey) and private key
 * files (also rotate): split, checked, loaded.
 */

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define KEY_ERR_MAX	256	/* one line of dk_key_parse() message */

/* see cli.h */
void
dk_cli_domain_trim(char *domain)
{
	size_t len = strlen(domain);

	if (len > 1 && domain[len - 1] == '.')
		domain[len - 1] = '\0';
}

/* see cli.h */
int
dk_cli_keyspec_parse(const char *p, size_t len, struct dk_cli_keyparts *kp)
{
	const char *d, *s;

	if ((d = memchr(p, ':', len)) == NULL ||
	    (s = memchr(d + 1, ':', len - (size_t)(d + 1 - p))) == NULL)
		return -1;
	kp->dlen = (size_t)(d - p);
	kp->slen = (size_t)(s - d - 1);
	kp->poff = (size_t)(s + 1 - p);
	kp->plen = len - kp->poff;
	return kp->dlen == 0 || kp->slen == 0 || kp->plen == 0 ? -1 : 0;
}

/* see cli.h */
int
dk_cli_keyspec_split(char *spec, const char *cmd, struct dk_cli_keyspec *ks)
{
	struct dk_cli_keyparts kp;

	if (dk_cli_keyspec_parse(spec, strlen(spec), &kp) == -1) {
		dk_cli_warnx("%s: expected DOMAIN:SELECTOR:KEYFILE", spec);
		return dk_cli_usage(cmd);
	}
	spec[kp.dlen] = '\0';
	spec[kp.poff - 1] = '\0';
	dk_cli_domain_trim(spec);
	ks->domain = spec;
	ks->selector = spec + kp.dlen + 1;
	ks->path = spec + kp.poff;
	return 0;
}

/* see cli.h */
int
dk_cli_names_ok(const char *domain, const char *selector)
{
	if (!dk_domain_ok(domain)) {
		dk_cli_warnx("%s: not a domain name: letters, digits and "
		    "hyphens, two labels or more; an IDN as its xn-- "
		    "A-label", domain);
		return EX_USAGE;
	}
	/* also keeps a selector from naming another directory */
	if (!dk_selector_ok(selector)) {
		dk_cli_warnx("%s: not a selector", selector);
		return EX_USAGE;
	}
	return 0;
}

/* see cli.h */
int
dk_cli_keytype_opt(const char *arg, enum dk_key_type *type)
{
	if (strcmp(arg, "rsa") == 0)
		*type = DK_KEY_RSA;
	else if (strcmp(arg, "ed25519") == 0)
		*type = DK_KEY_ED25519;
	else {
		dk_cli_warnx("-a: %s: expected rsa or ed25519", arg);
		return EX_USAGE;
	}
	return 0;
}

/* see cli.h */
int
dk_cli_keybits_ok(enum dk_key_type type, int64_t bits)
{
	if (type == DK_KEY_ED25519 && bits != 0) {
		dk_cli_warnx("-b: an ed25519 key has no size to choose; "
		    "-a rsa makes an RSA key");
		return EX_USAGE;
	}
	return 0;
}

/* see cli.h */
int
dk_cli_key_load(const char *path, struct dk_key **keyp)
{
	char *buf, err[KEY_ERR_MAX];
	size_t len;
	enum dk_status st;
	int fd, rc;

	*keyp = NULL;
	if ((rc = dk_cli_open_file(path, &fd)) != 0)
		return rc;
	rc = dk_cli_read_fd(fd, path, DK_CLI_KEYFILE_MAX, &buf, &len);
	close(fd);
	if (rc != 0)
		return rc;
	st = dk_key_parse(keyp, buf, len, err, sizeof(err));
	explicit_bzero(buf, len);
	free(buf);
	if (st == DK_ENOMEM)
		dk_cli_oom();
	if (st != DK_OK) {
		dk_cli_warnx("%s: %s", path, err);
		return EX_DATAERR;
	}
	return 0;
}
