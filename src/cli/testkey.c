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
 * The check itself (dk_cli_keycheck) is also rotate's test before it
 * switches a configuration to a new key.
 */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* see cli.h */
int
dk_cli_keycheck_file(struct dk_cli_keysrc *ks, const char *domain,
    const char *selector, const char *path)
{
	struct dk_key_check kc;
	struct dk_key *key;
	char name[DK_CLI_NAME_MAX];
	int rc;

	if ((rc = dk_cli_key_load(path, &key)) != 0)
		return rc;
	memset(&kc, 0, sizeof(kc));
	kc.key = key;
	kc.domain = domain;
	kc.selector = selector;
	kc.keyname = path;
	dk_cli_keysrc_check(ks, &kc);
	dk_key_free(key);
	/* a name past DK_CLI_NAME_MAX is absent: printed cut short */
	(void)snprintf(name, sizeof(name), "%s._domainkey.%s", selector,
	    domain);
	printf("%s: %s (%s)\n", name, dk_key_state_str(kc.state), kc.detail);
	if (kc.state == DK_KEY_MATCH)
		return 0;
	return kc.state == DK_KEY_LOOKUP_FAILED ? EX_TEMPFAIL : DK_CLI_EX_NOPASS;
}

/*
 * One key; *status: 0 while all match, 1 once one is known not to
 * (different, absent, revoked: looking again will not help), else 75
 * once a lookup failed.
 */
static int
testkey_one(struct dk_cli_keysrc *src, char *arg, int *status)
{
	struct dk_cli_keyspec spec;
	int rc;

	if ((rc = dk_cli_keyspec_split(arg, "testkey", &spec)) != 0 ||
	    (rc = dk_cli_names_ok(spec.domain, spec.selector)) != 0)
		return rc;
	rc = dk_cli_keycheck_file(src, spec.domain, spec.selector, spec.path);
	if (rc != 0 && rc != EX_TEMPFAIL && rc != DK_CLI_EX_NOPASS)
		return rc;	/* the key file */
	if (rc != 0 && *status != DK_CLI_EX_NOPASS)
		*status = rc;
	return 0;
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
	int ch, i, rc, status = 0;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1)
		if (!dk_cli_keysrc_opt(&args, ch, optarg))
			return dk_cli_badopt("testkey", ch, argv);
	if (optind == argc)
		return dk_cli_usage("testkey");
	if ((rc = dk_cli_keysrc_args_ok(&args, "testkey")) != 0 ||
	    (rc = dk_cli_keysrc_open(&src, &args)) != 0)
		return rc;
	for (i = optind; i < argc && rc == 0; i++)
		rc = testkey_one(&src, argv[i], &status);
	dk_cli_keysrc_close(&src);
	if (rc == 0 && (rc = dk_cli_flush()) == 0)
		rc = status;
	return rc;
}
