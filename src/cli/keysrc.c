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
 * Where dkimkit(1) gets key records: a zone file (--dns-file) or the
 * DNS (--resolver, or resolv.conf). verify, testkey and rotate share the
 * options, the set-up, and the line that names a DNS server that failed.
 */

#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define ZONE_ERR_MAX	256	/* one line of dk_zone_parse() message */
#define DNS_ERR_MAX	128	/* one dk_resolver_new() message */

static int
keysrc_load_zone(struct dk_cli_keysrc *ks, const char *path)
{
	char *buf, err[ZONE_ERR_MAX];
	size_t len;
	enum dk_status st;
	int rc;

	if ((rc = dk_cli_read_file(path, DK_ZONE_MAX, &buf, &len)) != 0)
		return rc;
	st = dk_zone_parse(&ks->zone, buf, len, err, sizeof(err));
	free(buf);
	if (st != DK_OK) {
		dk_cli_warnx("%s: %s", path, err);
		return EX_DATAERR;
	}
	return 0;
}

/*
 * A bad --resolver is a usage error; an unreadable resolv.conf is
 * temporary.
 */
static int
keysrc_open_dns(struct dk_cli_keysrc *ks, const char *server)
{
	struct dk_resolver_opts ro;
	char err[DNS_ERR_MAX];
	enum dk_status st;

	dk_resolver_opts_init(&ro, sizeof(ro));
	ro.server = server;
	if ((st = dk_resolver_new(&ks->resolver, &ro, err, sizeof(err))) ==
	    DK_ENOMEM)
		dk_cli_oom();
	if (st != DK_OK) {
		dk_cli_warnx("%s: %s", server != NULL ? "--resolver" :
		    "resolv.conf", err);
		return server != NULL ? EX_USAGE : EX_TEMPFAIL;
	}
	return 0;
}

/* see cli.h */
int
dk_cli_keysrc_opt(struct dk_cli_keysrc_args *a, int ch, const char *arg)
{
	if (ch == DK_CLI_OPT_DNS_FILE)
		a->dnsfile = arg;
	else if (ch == DK_CLI_OPT_RESOLVER)
		a->server = arg;
	else
		return 0;
	return 1;
}

/* see cli.h */
int
dk_cli_keysrc_args_ok(const struct dk_cli_keysrc_args *a, const char *cmd)
{
	if (a->dnsfile != NULL && a->server != NULL) {
		dk_cli_warnx("--dns-file and --resolver: use only one");
		return dk_cli_usage(cmd);
	}
	return 0;
}

/* see cli.h */
int
dk_cli_keysrc_open(struct dk_cli_keysrc *ks,
    const struct dk_cli_keysrc_args *a)
{
	memset(ks, 0, sizeof(*ks));
	if (a->dnsfile != NULL)
		return keysrc_load_zone(ks, a->dnsfile);
	return keysrc_open_dns(ks, a->server);
}

/* see cli.h */
void
dk_cli_keysrc_close(struct dk_cli_keysrc *ks)
{
	dk_zone_free(ks->zone);
	dk_resolver_free(ks->resolver);
	memset(ks, 0, sizeof(*ks));
}

/* see cli.h */
enum dk_status
dk_cli_keysrc_answer(const struct dk_cli_keysrc *ks, struct dk_verifier *v)
{
	if (ks->zone != NULL)
		return dk_zone_answer_verifier(ks->zone, v);
	return dk_dns_resolve_verifier(ks->resolver, v, 0);
}

/* see cli.h */
void
dk_cli_keysrc_check(const struct dk_cli_keysrc *ks, struct dk_key_check *kc,
    size_t n)
{
	enum dk_status st;

	if (ks->zone != NULL)
		st = dk_key_check_zone(ks->zone, kc, n);
	else
		st = dk_key_check_published(ks->resolver, kc, n);
	if (st != DK_OK)
		dk_cli_oom();	/* the arguments are set: only memory is left */
}

/* see cli.h */
void
dk_cli_keysrc_report(const struct dk_cli_keysrc *ks)
{
	const struct dk_dns_failure *f;
	char how[DK_DNS_FAILURE_MAX];

	if (ks->resolver == NULL ||
	    (f = dk_resolver_last_failure(ks->resolver)) == NULL)
		return;
	dk_cli_warnx("DNS server %s: %s", f->server,
	    dk_dns_failure_str(f, how, sizeof(how)));
}
