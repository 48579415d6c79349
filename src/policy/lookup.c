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
 * A verified message's key lookups. Queries go out as soon as the
 * verifier knows them (at the end of the header block, while the body
 * still streams, and again at the end), each through the resolver the
 * front end polls, with the front end's arg to find the message by. A
 * message never waits for another: the first query starts its own
 * deadline, after which its missing keys are temperror (dns-timeout).
 */

#include <stddef.h>

#include "policy.h"

/* see policy.h */
void
dk_policy_msg_queries(struct pmsg *pm, struct dk_resolver *r, int64_t now,
    int64_t timeout_ms, void *arg)
{
	struct dk_dns_lookup *l;
	const char *q;
	enum dk_status st;

	if (pm->error || pm->mode != MSG_VERIFY)
		return;
	while ((q = dk_verifier_next_query(pm->verifier)) != NULL) {
		/* past the deadline or the bound: left unanswered, temperror */
		if ((pm->deadline >= 0 && now >= pm->deadline) ||
		    pm->nlookups == DK_QUERIES_MAX)
			continue;
		if (pm->deadline < 0)
			pm->deadline = now + timeout_ms;
		st = dk_resolver_submit(r, q, arg, now, &l);
		if (st == DK_EINVAL)	/* not a domain name: no such key */
			st = dk_verifier_answer(pm->verifier, q,
			    DK_DNS_NXDOMAIN, NULL, 0);
		else if (st == DK_OK)
			pm->lookups[pm->nlookups++] = l;
		if (st != DK_OK) {
			dk_policy_msg_engine_error(pm, st, dk_status_str(st));
			return;
		}
	}
}

/* see policy.h */
int
dk_policy_msg_owns(const struct pmsg *pm, const struct dk_dns_lookup *l)
{
	size_t i;

	for (i = 0; i < pm->nlookups; i++)
		if (pm->lookups[i] == l)
			return 1;
	return 0;
}

/* see policy.h */
void
dk_policy_msg_answer(struct pmsg *pm, struct dk_dns_lookup *l)
{
	const struct dk_dns_result *r = dk_dns_lookup_result(l);
	enum dk_status st;
	size_t i;

	for (i = 0; i < pm->nlookups; i++)
		if (pm->lookups[i] == l) {
			pm->lookups[i] = pm->lookups[--pm->nlookups];
			break;
		}
	st = dk_verifier_answer(pm->verifier, r->name, r->rcode, r->txt,
	    r->ntxt);
	if (st == DK_OK && r->dnssec)
		st = dk_verifier_key_dnssec(pm->verifier, r->name);
	dk_dns_lookup_free(l);
	/* DK_EINVAL: a name it did not ask, which changes nothing */
	if (st != DK_OK && st != DK_EINVAL)
		dk_policy_msg_engine_error(pm, st, dk_status_str(st));
}

/* see policy.h */
void
dk_policy_msg_cancel(struct pmsg *pm)
{
	size_t i;

	for (i = 0; i < pm->nlookups; i++)
		dk_dns_lookup_free(pm->lookups[i]);
	pm->nlookups = 0;
}
