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
 * Fuzz the reply handling of src/dns (query.c on top of ldns, and the
 * cache that keeps what it returns). Input: one flags byte, then a DNS
 * reply. Flags bit 0 copies the ID and question of our query into the
 * reply, and bit 1 also sets QR=1, OPCODE 0 and QDCOUNT 1, so that most
 * inputs get past the matching (RFC 5452 §9.1) into ldns and our own
 * walk of the answer. Checks: a reply is dropped or gives one outcome;
 * only a matching reply gets that far; records are C strings no longer
 * than the reply; what the cache gives back equals what went in.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/dns/dnsint.h"
#include "fuzz.h"

#define FUZZ_NAME	"sel._domainkey.example.test"
#define FLAG_SPLICE	0x01
#define FLAG_HEADER	0x02

static size_t
splice(uint8_t *r, size_t rlen, const uint8_t *q, size_t qlen, int flags)
{
	size_t qd = qlen - 12 - 11;	/* question: after the header, before
					 * our 11-byte OPT record */

	if ((flags & FLAG_SPLICE) && rlen >= 12 + qd) {
		memcpy(r, q, 2);
		memcpy(r + 12, q + 12, qd);
	}
	if ((flags & FLAG_HEADER) && rlen >= 12) {
		r[2] = (uint8_t)((r[2] | 0x80) & ~0x78);
		r[4] = 0;
		r[5] = 1;
	}
	return rlen;
}

static void
check_answer(const struct dk_dns_answer *a, size_t rlen)
{
	const struct dk_dns_answer *g;
	struct dk_dns_cache *c;
	size_t i;

	/* what dk_dns_reply_parse() can say; the transport's codes never */
	DK_FUZZ_CHECK(a->rcode == DK_DNS_OK || a->rcode == DK_DNS_NODATA ||
	    a->rcode == DK_DNS_NXDOMAIN || a->rcode == DK_DNS_REFUSED ||
	    a->rcode == DK_DNS_SERVFAIL || a->rcode == DK_DNS_MALFORMED);
	DK_FUZZ_CHECK((a->rcode == DK_DNS_OK) == (a->ntxt > 0));
	DK_FUZZ_CHECK(a->tc == 0 || a->tc == 1);
	for (i = 0; i < a->ntxt; i++)
		DK_FUZZ_CHECK(strlen(a->txt[i]) < rlen);
	if ((c = dk_dns_cache_new(2, 3600)) == NULL)
		return;
	if (dk_dns_cache_put(c, FUZZ_NAME, a, 0) == 0 &&
	    (g = dk_dns_cache_get(c, FUZZ_NAME, 0)) != NULL) {
		DK_FUZZ_CHECK(a->ttl > 0);
		DK_FUZZ_CHECK(g->rcode == a->rcode && g->ntxt == a->ntxt);
		for (i = 0; i < g->ntxt; i++)
			DK_FUZZ_CHECK(strcmp(g->txt[i], a->txt[i]) == 0);
	}
	dk_dns_cache_free(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t query[DK_DNS_QUERY_MAX];
	static size_t qlen;
	struct dk_dns_answer a;
	uint8_t *r;
	size_t rlen;
	int rc;

	if (size < 1 || size - 1 > DK_DNS_REPLY_MAX)
		return 0;
	if (qlen == 0)
		DK_FUZZ_CHECK((qlen = dk_dns_query_build(FUZZ_NAME, 0x4b1d,
		    query)) > 0);
	rlen = size - 1;
	/* a copy of exactly rlen bytes, so ASan sees any read past it */
	if ((r = malloc(rlen ? rlen : 1)) == NULL)
		return 0;
	memcpy(r, data + 1, rlen);
	rlen = splice(r, rlen, query, qlen, data[0]);
	rc = dk_dns_reply_parse(query, qlen, r, rlen, &a);
	DK_FUZZ_CHECK(rc == 0 || rc == -1);
	if (rc == 0) {
		/* only a reply with our ID and question gets this far */
		DK_FUZZ_CHECK(rlen >= 12 && memcmp(r, query, 2) == 0);
		check_answer(&a, rlen);
		dk_dns_answer_clear(&a);
	}
	free(r);
	return 0;
}
