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
 * dkimkit testkey: is each key's record published, and is it this key?
 * Every argument and key file is read before any lookup, so that a
 * mistake in one stops the command at once; then every record is looked
 * up together, so that a dead DNS server costs one deadline, not one per
 * key. The check of one key (dk_cli_keycheck_file) is also rotate's test
 * before it switches a configuration to a new key.
 */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* testkey's line for a checked key; its status as dk_cli_keycheck_file's */
static int
keycheck_print(const struct dk_key_check *kc)
{
	char name[DK_CLI_NAME_MAX];

	/* a name past DK_CLI_NAME_MAX is absent: printed cut short */
	(void)snprintf(name, sizeof(name), "%s._domainkey.%s", kc->selector,
	    kc->domain);
	printf("%s: %s (%s)\n", name, dk_key_state_str(kc->state),
	    kc->detail);
	if (kc->state == DK_KEY_MATCH)
		return 0;
	return kc->state == DK_KEY_LOOKUP_FAILED ? EX_TEMPFAIL :
	    DK_CLI_EX_NOPASS;
}

/*
 * The key file at path, loaded into *keyp, to be checked at selector and
 * domain in *kc. Returns 0 or an exit status after saying why.
 */
static int
keycheck_load(struct dk_key_check *kc, struct dk_key **keyp,
    const char *domain, const char *selector, const char *path)
{
	int rc;

	if ((rc = dk_cli_key_load(path, keyp)) != 0)
		return rc;
	memset(kc, 0, sizeof(*kc));
	kc->key = *keyp;
	kc->domain = domain;
	kc->selector = selector;
	kc->keyname = path;
	return 0;
}

/* see cli.h */
int
dk_cli_keycheck_file(struct dk_cli_keysrc *ks, const char *domain,
    const char *selector, const char *path)
{
	struct dk_key_check kc;
	struct dk_key *key;
	int rc;

	if ((rc = keycheck_load(&kc, &key, domain, selector, path)) != 0)
		return rc;
	dk_cli_keysrc_check(ks, &kc, 1);
	dk_key_free(key);
	return keycheck_print(&kc);
}

/* The key a DOMAIN:SELECTOR:KEYFILE argument names, as keycheck_load. */
static int
testkey_load(char *arg, struct dk_key_check *kc, struct dk_key **keyp)
{
	struct dk_cli_keyspec spec;
	int rc;

	if ((rc = dk_cli_keyspec_split(arg, "testkey", &spec)) != 0 ||
	    (rc = dk_cli_names_ok(spec.domain, spec.selector)) != 0)
		return rc;
	return keycheck_load(kc, keyp, spec.domain, spec.selector, spec.path);
}

/*
 * Every key looked up at once, and a line each. Returns 0 when all
 * match, 1 when one is known not to (different, absent, revoked: looking
 * again will not help), else 75 when a lookup failed.
 */
static int
testkey_all(struct dk_cli_keysrc *src, struct dk_key_check *kc, size_t n)
{
	size_t i;
	int rc, status = 0;

	dk_cli_keysrc_check(src, kc, n);
	for (i = 0; i < n; i++)
		if ((rc = keycheck_print(&kc[i])) != 0 &&
		    status != DK_CLI_EX_NOPASS)
			status = rc;
	return status;
}

int
dk_cli_testkey(int argc, char **argv)
{
	static const struct option longopts[] = {
		DK_CLI_KEYSRC_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct dk_cli_keysrc src;
	struct dk_cli_keysrc_args args = { NULL, NULL };
	struct dk_key_check *kc;
	struct dk_key **keys;
	size_t i, n;
	int ch, rc = 0, flushed;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1)
		if (!dk_cli_keysrc_opt(&args, ch, optarg))
			return dk_cli_badopt("testkey", ch, argv);
	if (optind == argc) {
		dk_cli_warnx("testkey: DOMAIN:SELECTOR:KEYFILE is needed, one "
		    "for each key to check");
		return dk_cli_usage("testkey");
	}
	if ((rc = dk_cli_keysrc_args_ok(&args, "testkey")) != 0)
		return rc;
	n = (size_t)(argc - optind);
	if ((kc = calloc(n, sizeof(*kc))) == NULL ||
	    (keys = calloc(n, sizeof(*keys))) == NULL)
		dk_cli_oom();
	for (i = 0; i < n && rc == 0; i++)
		rc = testkey_load(argv[optind + i], &kc[i], &keys[i]);
	if (rc == 0 && (rc = dk_cli_keysrc_open(&src, &args)) == 0) {
		rc = testkey_all(&src, kc, n);
		dk_cli_keysrc_close(&src);
		if ((flushed = dk_cli_flush()) != 0)
			rc = flushed;
	}
	for (i = 0; i < n; i++)
		dk_key_free(keys[i]);
	free(keys);
	free(kc);
	return rc;
}
