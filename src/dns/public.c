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
 * The resolver's public face (dkimkit.h): options with defaults, a
 * resolver from a server string or resolv.conf, the poll(2) timeout, and
 * a finished lookup handed to the verifier that asked for it.
 */

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "resolver.h"
#include "dns.h"

#define POLL_TIMEOUT_MAX	INT32_MAX	/* poll(2) takes an int */

/* The size of version 1, frozen (see src/dkim/opts.c). */
#define RESOLVER_OPTS_V1	(offsetof(struct dk_resolver_opts, budget_ms) + \
			    sizeof(int64_t))
_Static_assert(sizeof(struct dk_resolver_opts) == RESOLVER_OPTS_V1,
    "struct dk_resolver_opts grew: keep RESOLVER_OPTS_V1");

static const struct dk_resolver_opts resolver_defaults = {
	sizeof(struct dk_resolver_opts),
	NULL,		/* server: resolv.conf */
	0, 0, 0, 0, 0	/* 0: the resolver's own defaults (resolver.c) */
};

/* see dkimkit.h */
void
dk_resolver_opts_init(struct dk_resolver_opts *o, size_t size)
{
	dk_opts_init(o, size, &resolver_defaults, sizeof(resolver_defaults));
}

/* see resolver.h */
int
dk_resolver_opts_copy(struct dk_resolver_opts *dst,
    const struct dk_resolver_opts *src)
{
	return dk_opts_take(dst, sizeof(*dst), src, RESOLVER_OPTS_V1);
}

/* see dkimkit.h */
enum dk_status
dk_resolver_new(struct dk_resolver **rp, const struct dk_resolver_opts *opts,
    char *err, size_t errlen)
{
	struct dk_resolver_opts o;
	struct dk_dns_conf conf;
	char why[DK_DNS_ERR_MAX];

	*rp = NULL;
	dk_resolver_opts_init(&o, sizeof(o));
	if (opts != NULL && dk_resolver_opts_copy(&o, opts) == -1) {
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "dk_resolver_opts: size %zu is "
			    "not one this library knows; call "
			    "dk_resolver_opts_init() first", opts->size);
		return DK_EINVAL;
	}
	if (dk_dns_conf_init(&conf, o.server, why) == -1) {
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "%s", why);
		return DK_EINVAL;
	}
	return dk_resolver_new_conf(rp, &o, &conf);
}

/* see dkimkit.h */
int
dk_resolver_timeout(const struct dk_resolver *r, int64_t now)
{
	int64_t deadline = dk_resolver_deadline(r);

	if (deadline == -1)
		return -1;
	if (deadline <= now)
		return 0;
	return deadline - now > POLL_TIMEOUT_MAX ? POLL_TIMEOUT_MAX :
	    (int)(deadline - now);
}

/* see dkimkit.h */
enum dk_status
dk_dns_lookup_answer(const struct dk_dns_lookup *l, struct dk_verifier *v)
{
	const struct dk_dns_result *res;
	enum dk_status st;

	if (l == NULL || v == NULL || (res = dk_dns_lookup_result(l)) == NULL)
		return DK_EINVAL;
	st = dk_verifier_answer(v, res->name, res->rcode, res->txt,
	    res->ntxt);
	if (st == DK_OK && res->dnssec)
		st = dk_verifier_key_dnssec(v, res->name);
	return st;
}
