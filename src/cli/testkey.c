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
#include "../dns/dns.h"
#include "../dns/resolver.h"

/* getopt_long() values of the long-only options: past any char */
enum {
	OPT_DNS_FILE = 256,
	OPT_RESOLVER
};

/* see cli.h */
void
dk_cli_keycheck(struct dk_cli_keysrc *ks, const char *domain,
    const char *selector, const struct dk_key *key, const char *path,
    struct dk_keycheck *kc)
{
	enum dk_dns_rcode rcode;
	const char *const *txt;
	size_t ntxt;

	if (dk_keycheck_name(kc, domain, selector) == -1)
		return;
	rcode = dk_cli_keysrc_lookup(ks, kc->name, &txt, &ntxt);
	dk_keycheck_compare(kc, key, path, rcode, txt, ntxt,
	    dk_cli_keysrc_server(ks));
}

/* see cli.h */
void
dk_cli_keycheck_print(const struct dk_keycheck *kc)
{
	printf("%s: %s (%s)\n", kc->name, dk_keystate_str(kc->state),
	    kc->detail);
}

/*
 * 0 when all match; 1 when one is known not to (different, absent,
 * revoked): looking again will not help; else 75 when a lookup failed.
 */
static int
testkey_status(int rc, enum dk_keystate state)
{
	if (state == DK_KEYCHECK_MATCH || rc == DK_CLI_EX_NOPASS)
		return rc;
	return state == DK_KEYCHECK_FAILED ? EX_TEMPFAIL : DK_CLI_EX_NOPASS;
}

static int
testkey_one(struct dk_cli_keysrc *src, char *arg, int *status)
{
	struct dk_cli_keyspec spec;
	struct dk_keycheck kc;
	struct dk_key *key;
	int rc;

	if ((rc = dk_cli_keyspec_split(arg, "testkey", &spec)) != 0 ||
	    (rc = dk_cli_names_ok(spec.domain, spec.selector)) != 0 ||
	    (rc = dk_cli_key_load(spec.path, &key)) != 0)
		return rc;
	dk_cli_keycheck(src, spec.domain, spec.selector, key, spec.path, &kc);
	dk_key_free(key);
	dk_cli_keycheck_print(&kc);
	*status = testkey_status(*status, kc.state);
	return 0;
}

int
dk_cli_testkey(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dns-file",	required_argument, NULL, OPT_DNS_FILE },
		{ "resolver",	required_argument, NULL, OPT_RESOLVER },
		{ NULL, 0, NULL, 0 }
	};
	struct dk_cli_keysrc src;
	const char *dnsfile = NULL, *server = NULL;
	int ch, i, rc, status = 0;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_DNS_FILE:
			dnsfile = optarg;
			break;
		case OPT_RESOLVER:
			server = optarg;
			break;
		default:
			return dk_cli_badopt("testkey", ch, argv);
		}
	}
	if (optind == argc || (dnsfile != NULL && server != NULL))
		return dk_cli_usage("testkey");
	if ((rc = dk_cli_keysrc_open(&src, dnsfile, server)) != 0)
		return rc;
	for (i = optind; i < argc && rc == 0; i++)
		rc = testkey_one(&src, argv[i], &status);
	dk_cli_keysrc_close(&src);
	if (rc == 0 && (rc = dk_cli_flush()) == 0)
		rc = status;
	return rc;
}
