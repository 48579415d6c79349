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
 * DNS messages with ldns: the TXT query for a key name, and the reply.
 * This is the only file that includes <ldns/ldns.h> (STYLE.md §1).
 *
 * A reply is ours only when it matches the query byte for byte where it
 * must (RFC 5452 §9.1), checked here on the wire before ldns parses it:
 *
 *	 0  1  2  3  4  5  6 ...           12
 *	+-----+-----+-----+-----------------+-----------------------------+
 *	| ID  |flags|QDCNT| AN, NS, AR cnt  | QNAME ... | QTYPE | QCLASS  |
 *	+-----+-----+-----+-----------------+-----------------------------+
 *	 same  QR=1   1                       ours, letters without case
 *	       OPCODE=0                       (RFC 4343), no compression
 *
 * Only then does a reply that ldns cannot parse count as malformed: a
 * datagram that does not match could be anyone's, and is dropped.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ldns/ldns.h>

#include "dnsint.h"

#define HDR_LEN		12	/* RFC 1035 §4.1.1 */
#define FLAG_QR		0x80	/* byte 2 */
#define FLAG_TC		0x02	/* byte 2 */
#define OPCODE_MASK	0x78	/* byte 2 */
#define OPT_RR_LEN	11	/* RFC 6891 §6.1.2: root, type, class, TTL,
				 * RDLEN, no options */

/* see dnsint.h */
size_t
dk_dns_query_build(const char *name, uint16_t id, uint8_t *buf)
{
	char fqdn[DK_DNS_NAME_MAX + 2];
	ldns_rdf *dname;
	ldns_pkt *pkt;
	uint8_t *wire = NULL;
	size_t len = 0;
	int n;

	n = snprintf(fqdn, sizeof(fqdn), "%s.", name);
	if (n < 2 || (size_t)n >= sizeof(fqdn))
		return 0;
	if ((dname = ldns_dname_new_frm_str(fqdn)) == NULL)
		return 0;
	if ((pkt = ldns_pkt_query_new(dname, LDNS_RR_TYPE_TXT,
	    LDNS_RR_CLASS_IN, LDNS_RD)) == NULL) {
		ldns_rdf_deep_free(dname);
		return 0;
	}
	ldns_pkt_set_id(pkt, id);
	/* RFC 6840 §5.7: AD=1 asks a validating resolver for the AD bit */
	ldns_pkt_set_ad(pkt, 1);
	/* RFC 6891: a 1232-byte answer fits in UDP; past it, TC=1 and TCP */
	ldns_pkt_set_edns_udp_size(pkt, DK_DNS_EDNS_SIZE);
	if (ldns_pkt2wire(&wire, pkt, &len) != LDNS_STATUS_OK ||
	    len > DK_DNS_QUERY_MAX)
		len = 0;
	if (len > 0)
		memcpy(buf, wire, len);
	free(wire);
	ldns_pkt_free(pkt);
	return len;
}

static uint8_t
fold(uint8_t c)
{
	return c >= 'A' && c <= 'Z' ? (uint8_t)(c - 'A' + 'a') : c;
}

/*
 * The length of the question of our own query: QNAME (labels, no
 * compression), QTYPE, QCLASS. 0 if query is not one we built.
 */
static size_t
question_len(const uint8_t *query, size_t qlen)
{
	size_t i = HDR_LEN;

	while (i < qlen && query[i] != 0)
		i += 1 + (size_t)query[i];
	if (i >= qlen || qlen - i < 1 + 4)
		return 0;
	return i + 1 + 4 - HDR_LEN;
}

/*
 * RFC 5452 §9.1: ID, question and (by the connected socket) the source
 * must all match. Length octets are at most 63, so folding them to
 * lower case leaves them as they are.
 */
static int
reply_matches(const uint8_t *query, size_t qlen, const uint8_t *reply,
    size_t rlen)
{
	size_t i, n;

	if ((n = question_len(query, qlen)) == 0 || rlen < HDR_LEN + n)
		return 0;
	if (reply[0] != query[0] || reply[1] != query[1])
		return 0;
	if ((reply[2] & FLAG_QR) == 0 || (reply[2] & OPCODE_MASK) != 0)
		return 0;
	if (reply[4] != 0 || reply[5] != 1)
		return 0;
	for (i = HDR_LEN; i < HDR_LEN + n; i++)
		if (fold(reply[i]) != fold(query[i]))
			return 0;
	return 1;
}

/* Records whose owner is name, of one type, in class IN. */
static int
rr_is(const ldns_rr *rr, const ldns_rdf *name, ldns_rr_type type)
{
	return ldns_rr_get_type(rr) == type &&
	    ldns_rr_get_class(rr) == LDNS_RR_CLASS_IN &&
	    ldns_dname_compare(ldns_rr_owner(rr), name) == 0;
}

/*
 * RFC 6376 §3.6.2.2: the character-strings of one TXT record are joined
 * with nothing between them. Each rdf is one <character-string>: a length
 * octet, then that many octets (ldns checked them against RDLENGTH).
 * Returns the text, "" for a record with a NUL octet (no key record has
 * one, and the engine takes C strings), or NULL when memory ran out.
 */
static char *
txt_join(const ldns_rr *rr)
{
	const ldns_rdf *rdf;
	const uint8_t *d;
	size_t i, len = 0, n;
	char *s;

	for (i = 0; i < ldns_rr_rd_count(rr); i++)
		len += ldns_rdf_size(ldns_rr_rdf(rr, i));
	if ((s = malloc(len + 1)) == NULL)
		return NULL;
	len = 0;
	for (i = 0; i < ldns_rr_rd_count(rr); i++) {
		rdf = ldns_rr_rdf(rr, i);
		d = ldns_rdf_data(rdf);
		if (ldns_rdf_size(rdf) < 1 || (n = d[0]) != ldns_rdf_size(rdf) - 1)
			continue;
		if (memchr(d + 1, '\0', n) != NULL) {
			len = 0;
			break;
		}
		memcpy(s + len, d + 1, n);
		len += n;
	}
	s[len] = '\0';
	return s;
}

static uint32_t
min32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

/* Every TXT record at name into ans. Returns -1 when memory ran out. */
static int
collect_txt(const ldns_rr_list *an, const ldns_rdf *name,
    struct dk_dns_answer *ans)
{
	const ldns_rr *rr;
	char **txt;
	size_t i, n = 0;

	for (i = 0; i < ldns_rr_list_rr_count(an); i++)
		if (rr_is(ldns_rr_list_rr(an, i), name, LDNS_RR_TYPE_TXT))
			n++;
	if (n == 0)
		return 0;
	if ((txt = calloc(n, sizeof(*txt))) == NULL)
		return -1;
	ans->txt = txt;
	for (i = 0; i < ldns_rr_list_rr_count(an); i++) {
		rr = ldns_rr_list_rr(an, i);
		if (!rr_is(rr, name, LDNS_RR_TYPE_TXT))
			continue;
		if ((txt[ans->ntxt] = txt_join(rr)) == NULL)
			return -1;
		ans->ntxt++;
		ans->ttl = min32(ans->ttl, ldns_rr_ttl(rr));
	}
	return 0;
}

/* The CNAME at name in the answer section, or NULL. */
static const ldns_rr *
find_cname(const ldns_rr_list *an, const ldns_rdf *name)
{
	const ldns_rr *rr;
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(an); i++) {
		rr = ldns_rr_list_rr(an, i);
		if (rr_is(rr, name, LDNS_RR_TYPE_CNAME) &&
		    ldns_rr_rd_count(rr) == 1)
			return rr;
	}
	return NULL;
}

/*
 * RFC 2308 §5: a negative answer lives for the smaller of the SOA's own
 * TTL and its MINIMUM field. No SOA in the authority section: 0, not
 * cached.
 */
static uint32_t
negative_ttl(const ldns_pkt *pkt)
{
	const ldns_rr_list *ns = ldns_pkt_authority(pkt);
	const ldns_rr *rr;
	size_t i;

	for (i = 0; i < ldns_rr_list_rr_count(ns); i++) {
		rr = ldns_rr_list_rr(ns, i);
		if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_SOA &&
		    ldns_rr_rd_count(rr) == 7)
			return min32(ldns_rr_ttl(rr),
			    ldns_rdf2native_int32(ldns_rr_rdf(rr, 6)));
	}
	return 0;
}

/*
 * NOERROR: the TXT records at the name, after the CNAME chain in the
 * answer section (RFC 1034 §3.6.2). A chain longer than DK_DNS_CNAME_MAX
 * is a loop or a misconfiguration: SERVFAIL, as a resolver would say.
 */
static int
answer_noerror(const ldns_pkt *pkt, struct dk_dns_answer *ans)
{
	const ldns_rr_list *an = ldns_pkt_answer(pkt);
	const ldns_rdf *name;
	const ldns_rr *cname;
	size_t links;

	name = ldns_rr_owner(ldns_rr_list_rr(ldns_pkt_question(pkt), 0));
	ans->ttl = UINT32_MAX;
	for (links = 0; links <= DK_DNS_CNAME_MAX; links++) {
		if (collect_txt(an, name, ans) == -1)
			return -1;
		if (ans->ntxt > 0) {
			ans->rcode = DK_DNS_OK;
			return 0;
		}
		if ((cname = find_cname(an, name)) == NULL) {
			ans->rcode = DK_DNS_NODATA;
			ans->ttl = negative_ttl(pkt);
			return 0;
		}
		ans->ttl = min32(ans->ttl, ldns_rr_ttl(cname));
		name = ldns_rr_rdf(cname, 0);
	}
	ans->rcode = DK_DNS_SERVFAIL;
	ans->ttl = 0;
	return 0;
}

/* see dnsint.h */
int
dk_dns_reply_parse(const uint8_t *query, size_t qlen, const uint8_t *reply,
    size_t rlen, struct dk_dns_answer *ans)
{
	ldns_pkt *pkt = NULL;

	memset(ans, 0, sizeof(*ans));
	if (!reply_matches(query, qlen, reply, rlen))
		return -1;
	/* read before parsing: a truncated reply may not parse, yet TCP helps */
	ans->tc = (reply[2] & FLAG_TC) != 0;
	if (ldns_wire2pkt(&pkt, reply, rlen) != LDNS_STATUS_OK) {
		ans->rcode = DK_DNS_MALFORMED;
		return 0;
	}
	ans->ad = ldns_pkt_ad(pkt);
	switch (ldns_pkt_get_rcode(pkt)) {
	case LDNS_RCODE_NOERROR:
		if (answer_noerror(pkt, ans) == -1) {
			dk_dns_answer_clear(ans);
			/* out of memory: a temporary failure, never a verdict */
			ans->rcode = DK_DNS_SERVFAIL;
		}
		break;
	case LDNS_RCODE_NXDOMAIN:
		ans->rcode = DK_DNS_NXDOMAIN;
		ans->ttl = negative_ttl(pkt);
		break;
	case LDNS_RCODE_REFUSED:
		ans->rcode = DK_DNS_REFUSED;
		break;
	default:
		/* FORMERR, NOTIMP and the rest: the server could not answer */
		ans->rcode = DK_DNS_SERVFAIL;
		break;
	}
	ldns_pkt_free(pkt);
	return 0;
}

/* see dnsint.h */
void
dk_dns_answer_clear(struct dk_dns_answer *ans)
{
	size_t i;

	if (ans->txt != NULL) {
		for (i = 0; i < ans->ntxt; i++)
			free(ans->txt[i]);
		free(ans->txt);
	}
	memset(ans, 0, sizeof(*ans));
}

/* see dnsint.h */
int
dk_dns_answer_copy(struct dk_dns_answer *dst, const struct dk_dns_answer *src)
{
	size_t i;

	*dst = *src;
	dst->txt = NULL;
	dst->ntxt = 0;
	if (src->ntxt == 0)
		return 0;
	if ((dst->txt = calloc(src->ntxt, sizeof(*dst->txt))) == NULL)
		return -1;
	for (i = 0; i < src->ntxt; i++) {
		if ((dst->txt[i] = strdup(src->txt[i])) == NULL) {
			dk_dns_answer_clear(dst);
			return -1;
		}
		dst->ntxt++;
	}
	return 0;
}
