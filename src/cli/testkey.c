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

static const char *const state_words[] = {
	[DK_CLI_KEY_MATCH] = "match",
	[DK_CLI_KEY_DIFFERENT] = "different",
	[DK_CLI_KEY_ABSENT] = "absent",
	[DK_CLI_KEY_REVOKED] = "revoked",
	[DK_CLI_KEY_FAILED] = "failed"
};

/* The same public key: type, and modulus and exponent or the point. */
static int
same_pubkey(const struct dk_pubkey *a, const struct dk_pubkey *b)
{
	if (a->type != b->type)
		return 0;
	if (a->type == DK_KEY_ED25519)
		return memcmp(a->ed25519, b->ed25519, sizeof(a->ed25519)) == 0;
	return a->nlen == b->nlen && a->elen == b->elen &&
	    memcmp(a->n, b->n, a->nlen) == 0 &&
	    memcmp(a->e, b->e, a->elen) == 0;
}

/* A failed lookup's reason word, as dkimkit verify would give it. */
static enum dk_reason
failure_reason(enum dk_dns_rcode rcode)
{
	switch (rcode) {
	case DK_DNS_SERVFAIL:
		return DK_R_DNS_SERVFAIL;
	case DK_DNS_REFUSED:
		return DK_R_DNS_REFUSED;
	case DK_DNS_MALFORMED:
		return DK_R_DNS_MALFORMED;
	case DK_DNS_TCP:
		return DK_R_DNS_TCP;
	case DK_DNS_UNREACHABLE:
		return DK_R_DNS_UNREACHABLE;
	default:
		return DK_R_DNS_TIMEOUT;
	}
}

/*
 * Compare the records txt[0..ntxt) with mine. A record with this key
 * that signatures can use (h= allows sha256) is a match; else any other
 * record makes it different (the first one's reason says why); else all
 * were revoked.
 */
static void
check_records(const struct dk_keyrec *mine, const char *path,
    const char *const *txt, size_t ntxt, struct dk_cli_keycheck *kc)
{
	struct dk_keyrec rec;
	enum dk_reason reason;
	const char *why = NULL;
	size_t i;

	kc->state = DK_CLI_KEY_REVOKED;
	snprintf(kc->detail, sizeof(kc->detail), "p= is empty");
	for (i = 0; i < ntxt; i++) {
		if (dk_keyrec_parse(txt[i], strlen(txt[i]), &rec,
		    &reason) == -1) {
			if (reason == DK_R_REVOKED_KEY)
				continue;
			why = dk_reason_str(reason);
		} else if (!same_pubkey(&mine->key, &rec.key))
			why = "the published key is not the one in";
		else if (!(rec.hashes & DK_KEYREC_H_SHA256))
			why = "h= does not allow sha256 for";
		else {
			kc->state = DK_CLI_KEY_MATCH;
			if (mine->key.type == DK_KEY_ED25519)
				snprintf(kc->detail, sizeof(kc->detail),
				    "ed25519%s, %s", rec.testing ? ", t=y" :
				    "", path);
			else
				snprintf(kc->detail, sizeof(kc->detail),
				    "rsa %u bits%s, %s", mine->key.bits,
				    rec.testing ? ", t=y" : "", path);
			return;
		}
		if (kc->state != DK_CLI_KEY_DIFFERENT) {
			kc->state = DK_CLI_KEY_DIFFERENT;
			snprintf(kc->detail, sizeof(kc->detail), "%s %s", why,
			    path);
		}
	}
}

/* see cli.h */
void
dk_cli_keycheck(struct dk_cli_keysrc *ks, const char *domain,
    const char *selector, const struct dk_key *key, const char *path,
    struct dk_cli_keycheck *kc)
{
	struct dk_keyrec mine;
	enum dk_reason reason;
	enum dk_dns_rcode rcode;
	const char *const *txt, *server;
	size_t ntxt;
	char *rec;

	snprintf(kc->name, sizeof(kc->name), "%s._domainkey.%s", selector,
	    domain);
	if ((rec = dk_key_record(key)) == NULL)
		dk_cli_oom();
	/* our own record always parses: it is what keygen prints */
	if (dk_keyrec_parse(rec, strlen(rec), &mine, &reason) == -1)
		memset(&mine, 0, sizeof(mine));
	dk_free_string(rec);
	rcode = dk_cli_keysrc_lookup(ks, kc->name, &txt, &ntxt);
	switch (rcode) {
	case DK_DNS_OK:
		check_records(&mine, path, txt, ntxt, kc);
		break;
	case DK_DNS_NXDOMAIN:
		kc->state = DK_CLI_KEY_ABSENT;
		snprintf(kc->detail, sizeof(kc->detail), "NXDOMAIN");
		break;
	case DK_DNS_NODATA:
		kc->state = DK_CLI_KEY_ABSENT;
		snprintf(kc->detail, sizeof(kc->detail), "no TXT record");
		break;
	default:
		kc->state = DK_CLI_KEY_FAILED;
		server = dk_cli_keysrc_server(ks);
		snprintf(kc->detail, sizeof(kc->detail), "%s%s%s",
		    dk_reason_str(failure_reason(rcode)),
		    server != NULL ? ", DNS server " : "",
		    server != NULL ? server : "");
		break;
	}
}

/* see cli.h */
void
dk_cli_keycheck_print(const struct dk_cli_keycheck *kc)
{
	printf("%s: %s (%s)\n", kc->name, state_words[kc->state],
	    kc->detail);
}

/*
 * 0 when all match; 1 when one is known not to (different, absent,
 * revoked): looking again will not help; else 75 when a lookup failed.
 */
static int
testkey_status(int rc, enum dk_cli_keystate state)
{
	if (state == DK_CLI_KEY_MATCH || rc == DK_CLI_EX_NOPASS)
		return rc;
	return state == DK_CLI_KEY_FAILED ? EX_TEMPFAIL : DK_CLI_EX_NOPASS;
}

static int
testkey_one(struct dk_cli_keysrc *src, char *arg, int *status)
{
	struct dk_cli_keyspec spec;
	struct dk_cli_keycheck kc;
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
