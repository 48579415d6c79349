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
 * Tests for the resolver's pure parts (src/dns/conf.c, query.c, cache.c)
 * and for its state machine against a server in this process on
 * 127.0.0.1, with the clock injected. Replies are built here by hand on
 * the wire, so each field that matching and parsing look at can be
 * broken on its own. Real servers (knot, the fault server) are in
 * tests/dns/run.sh.
 */

#include <sys/types.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/dns/dnsint.h"
#include "testlib.h"

#define KEYNAME	"sel._domainkey.example.test"
#define WIRE_MAX	4096	/* replies built here are small */
#define POLL_MS		2000	/* loopback answers take microseconds */

/* A DNS message being built. */
struct wire {
	uint8_t		b[WIRE_MAX];
	size_t		n;
};

static void
w8(struct wire *w, unsigned v)
{
	if (w->n < sizeof(w->b))
		w->b[w->n++] = (uint8_t)v;
}

static void
w16(struct wire *w, unsigned v)
{
	w8(w, v >> 8);
	w8(w, v);
}

static void
w32(struct wire *w, uint32_t v)
{
	w16(w, v >> 16);
	w16(w, v & 0xffff);
}

static void
wbytes(struct wire *w, const void *p, size_t len)
{
	if (len <= sizeof(w->b) - w->n) {
		memcpy(w->b + w->n, p, len);
		w->n += len;
	}
}

/* A dotted name as labels. */
static void
wname(struct wire *w, const char *name)
{
	const char *dot;
	size_t len;

	while (*name != '\0') {
		dot = strchr(name, '.');
		len = dot == NULL ? strlen(name) : (size_t)(dot - name);
		w8(w, (unsigned)len);
		wbytes(w, name, len);
		name += len + (dot != NULL);
	}
	w8(w, 0);
}

#define QNAME_PTR	0xc00c	/* RFC 1035 §4.1.4: the question's name */
#define T_CNAME		5
#define T_SOA		6
#define T_TXT		16
#define T_A		1

/* Header and question of a reply to query: ID and question copied. */
static void
reply_start(struct wire *w, const uint8_t *query, size_t qlen, unsigned flags,
    unsigned an, unsigned ns)
{
	w->n = 0;
	wbytes(w, query, 2);
	w16(w, flags);
	w16(w, 1);
	w16(w, an);
	w16(w, ns);
	w16(w, 0);
	/* our query: header, question, then an 11-byte OPT record */
	wbytes(w, query + 12, qlen - 12 - 11);
}

#define FL_OK		0x8180	/* QR RD RA, NOERROR */
#define FL_NX		0x8183
#define FL_SERVFAIL	0x8182
#define FL_REFUSED	0x8185
#define FL_FORMERR	0x8181
#define FL_TC		0x8380
#define FL_AD		0x81a0

/* RR header: owner as a pointer or a name. */
static void
rr_head(struct wire *w, unsigned ptr, const char *owner, unsigned type,
    uint32_t ttl)
{
	if (owner != NULL)
		wname(w, owner);
	else
		w16(w, ptr);
	w16(w, type);
	w16(w, 1);
	w32(w, ttl);
}

/* A TXT record of nstr strings. */
static void
rr_txt(struct wire *w, unsigned ptr, const char *owner, uint32_t ttl,
    const char *const *str, size_t nstr)
{
	size_t i, rdlen = 0;

	rr_head(w, ptr, owner, T_TXT, ttl);
	for (i = 0; i < nstr; i++)
		rdlen += 1 + strlen(str[i]);
	w16(w, (unsigned)rdlen);
	for (i = 0; i < nstr; i++) {
		w8(w, (unsigned)strlen(str[i]));
		wbytes(w, str[i], strlen(str[i]));
	}
}

static void
rr_cname(struct wire *w, unsigned ptr, const char *owner, uint32_t ttl,
    const char *target)
{
	struct wire t = { .n = 0 };

	wname(&t, target);
	rr_head(w, ptr, owner, T_CNAME, ttl);
	w16(w, (unsigned)t.n);
	wbytes(w, t.b, t.n);
}

/* SOA of example.test with the given MINIMUM. */
static void
rr_soa(struct wire *w, uint32_t ttl, uint32_t minimum)
{
	struct wire t = { .n = 0 };

	wname(&t, "ns.example.test");
	wname(&t, "host.example.test");
	rr_head(w, 0, "example.test", T_SOA, ttl);
	w16(w, (unsigned)t.n + 20);
	wbytes(w, t.b, t.n);
	w32(w, 1);
	w32(w, 3600);
	w32(w, 600);
	w32(w, 86400);
	w32(w, minimum);
}

/* The query for KEYNAME, with a fixed ID. */
static size_t
mkquery(uint8_t *q)
{
	return dk_dns_query_build(KEYNAME, 0x1234, q);
}

static int
parse(const uint8_t *q, size_t qlen, const struct wire *w,
    struct dk_dns_answer *ans)
{
	return dk_dns_reply_parse(q, qlen, w->b, w->n, ans);
}

/* ---- query.c ---------------------------------------------------------- */

static int
test_query_wire(void)
{
	static const uint8_t qname[] = "\3sel\012_domainkey\7example\4test";
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t n, off;

	CHECK((n = mkquery(q)) > 0);
	CHECK(q[0] == 0x12 && q[1] == 0x34);
	CHECK((q[2] & 0x80) == 0);		/* QR=0 */
	CHECK((q[2] & 0x01) != 0);		/* RD=1 */
	CHECK((q[3] & 0x20) != 0);		/* AD=1, RFC 6840 §5.7 */
	CHECK(q[4] == 0 && q[5] == 1);		/* QDCOUNT */
	CHECK(q[10] == 0 && q[11] == 1);	/* ARCOUNT: the OPT record */
	CHECK_MEM("qname", qname, sizeof(qname), q + 12, sizeof(qname));
	off = 12 + sizeof(qname);
	CHECK(q[off] == 0 && q[off + 1] == 16);		/* TXT */
	CHECK(q[off + 2] == 0 && q[off + 3] == 1);	/* IN */
	off += 4;
	CHECK(n == off + 11);
	CHECK(q[off] == 0 && q[off + 1] == 0 && q[off + 2] == 41);
	CHECK((q[off + 3] << 8 | q[off + 4]) == DK_DNS_EDNS_SIZE);
	CHECK(dk_dns_query_build("", 1, q) == 0);
	return 0;
}

static int
test_reply_txt(void)
{
	static const char *const s[] = { "v=DKIM1; k=r", "sa; p=AB", "CD" };
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q);

	reply_start(&w, q, ql, FL_OK, 1, 0);
	rr_txt(&w, QNAME_PTR, NULL, 300, s, 3);
	CHECK(parse(q, ql, &w, &a) == 0);
	CHECK(a.rcode == DK_DNS_OK && a.ntxt == 1 && a.ttl == 300);
	CHECK(!a.tc && !a.ad);
	/* RFC 6376 §3.6.2.2: strings joined with nothing between them */
	CHECK_STR("joined", "v=DKIM1; k=rsa; p=ABCD", a.txt[0]);
	dk_dns_answer_clear(&a);
	return 0;
}

static int
test_reply_two_txt(void)
{
	static const char *const s1[] = { "not a key" };
	static const char *const s2[] = { "v=DKIM1; p=AB" };
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q);

	reply_start(&w, q, ql, FL_OK, 2, 0);
	rr_txt(&w, QNAME_PTR, NULL, 300, s1, 1);
	rr_txt(&w, QNAME_PTR, NULL, 100, s2, 1);
	CHECK(parse(q, ql, &w, &a) == 0);
	CHECK(a.rcode == DK_DNS_OK && a.ntxt == 2 && a.ttl == 100);
	CHECK_STR("first", "not a key", a.txt[0]);
	CHECK_STR("second", "v=DKIM1; p=AB", a.txt[1]);
	dk_dns_answer_clear(&a);
	return 0;
}

static int
test_reply_cname(void)
{
	static const char *const s[] = { "v=DKIM1; p=AB" };
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q);

	reply_start(&w, q, ql, FL_OK, 3, 0);
	/* out of order, in other case: the chain is followed by name */
	rr_txt(&w, 0, "KEY.example.test", 600, s, 1);
	rr_cname(&w, QNAME_PTR, NULL, 500, "mid.example.test");
	rr_cname(&w, 0, "mid.example.test", 400, "key.EXAMPLE.test");
	CHECK(parse(q, ql, &w, &a) == 0);
	CHECK(a.rcode == DK_DNS_OK && a.ntxt == 1 && a.ttl == 400);
	CHECK_STR("txt", "v=DKIM1; p=AB", a.txt[0]);
	dk_dns_answer_clear(&a);
	return 0;
}

static int
test_reply_cname_long(void)
{
	struct dk_dns_answer a;
	struct wire w;
	char from[32], to[32];
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q);
	int i;

	/* a chain of DK_DNS_CNAME_MAX links ends in NODATA; one more fails */
	reply_start(&w, q, ql, FL_OK, DK_DNS_CNAME_MAX + 1, 0);
	rr_cname(&w, QNAME_PTR, NULL, 60, "c1.test");
	for (i = 1; i <= DK_DNS_CNAME_MAX; i++) {
		snprintf(from, sizeof(from), "c%d.test", i);
		snprintf(to, sizeof(to), "c%d.test", i + 1);
		rr_cname(&w, 0, from, 60, to);
	}
	CHECK(parse(q, ql, &w, &a) == 0);
	CHECK(a.rcode == DK_DNS_SERVFAIL && a.ttl == 0);
	dk_dns_answer_clear(&a);
	w.b[7] = DK_DNS_CNAME_MAX;	/* ANCOUNT: drop the last link */
	w.n -= 2 + 10 + 9;
	CHECK(parse(q, ql, &w, &a) == 0);
	CHECK(a.rcode == DK_DNS_NODATA);
	dk_dns_answer_clear(&a);
	return 0;
}

static int
test_reply_negative(void)
{
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q);

	/* RFC 2308 §5: the smaller of the SOA's TTL and MINIMUM */
	reply_start(&w, q, ql, FL_NX, 0, 1);
	rr_soa(&w, 300, 60);
	CHECK(parse(q, ql, &w, &a) == 0);
	CHECK(a.rcode == DK_DNS_NXDOMAIN && a.ttl == 60 && a.ntxt == 0);
	reply_start(&w, q, ql, FL_OK, 0, 1);
	rr_soa(&w, 30, 60);
	CHECK(parse(q, ql, &w, &a) == 0);
	CHECK(a.rcode == DK_DNS_NODATA && a.ttl == 30);
	/* no SOA: not cacheable */
	reply_start(&w, q, ql, FL_NX, 0, 0);
	CHECK(parse(q, ql, &w, &a) == 0);
	CHECK(a.rcode == DK_DNS_NXDOMAIN && a.ttl == 0);
	return 0;
}

static int
test_reply_other_owner(void)
{
	static const char *const s[] = { "v=DKIM1; p=AB" };
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q);

	/* a TXT record at some other name is not the key */
	reply_start(&w, q, ql, FL_OK, 2, 0);
	rr_txt(&w, 0, "other.example.test", 300, s, 1);
	rr_head(&w, QNAME_PTR, NULL, T_A, 300);
	w16(&w, 4);
	w32(&w, 0x7f000001);
	CHECK(parse(q, ql, &w, &a) == 0);
	CHECK(a.rcode == DK_DNS_NODATA && a.ntxt == 0);
	return 0;
}

static int
test_reply_rcodes(void)
{
	static const struct {
		unsigned		flags;
		enum dk_dns_rcode	rcode;
	} t[] = {
		{ FL_SERVFAIL, DK_DNS_SERVFAIL },
		{ FL_REFUSED, DK_DNS_REFUSED },
		{ FL_FORMERR, DK_DNS_SERVFAIL },
		{ 0x8184, DK_DNS_SERVFAIL },	/* NOTIMP */
	};
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t i, ql = mkquery(q);

	for (i = 0; i < NCASES(t); i++) {
		reply_start(&w, q, ql, t[i].flags, 0, 0);
		CHECK(parse(q, ql, &w, &a) == 0);
		if (a.rcode != t[i].rcode)
			return test_fail(__FILE__, __LINE__, "flags %#x: rcode "
			    "%d, want %d", t[i].flags, a.rcode, t[i].rcode);
	}
	return 0;
}

/* RFC 5452 §9.1: anything that does not match is dropped. */
static int
test_reply_mismatch(void)
{
	static const char *const s[] = { "v=DKIM1; p=AB" };
	struct dk_dns_answer a;
	struct wire good, w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q), qend = ql - 11;

	reply_start(&good, q, ql, FL_OK, 1, 0);
	rr_txt(&good, QNAME_PTR, NULL, 300, s, 1);
	w = good;
	w.b[1] ^= 1;				/* ID */
	CHECK(parse(q, ql, &w, &a) == -1);
	w = good;
	w.b[2] &= 0x7f;				/* QR=0 */
	CHECK(parse(q, ql, &w, &a) == -1);
	w = good;
	w.b[2] |= 0x10;				/* OPCODE 2 */
	CHECK(parse(q, ql, &w, &a) == -1);
	w = good;
	w.b[5] = 0;				/* QDCOUNT 0 */
	CHECK(parse(q, ql, &w, &a) == -1);
	w = good;
	w.b[13] = 'x';				/* "xel" */
	CHECK(parse(q, ql, &w, &a) == -1);
	w = good;
	w.b[qend - 3] = T_A;			/* QTYPE */
	CHECK(parse(q, ql, &w, &a) == -1);
	w = good;
	w.b[qend - 1] = 3;			/* QCLASS CH */
	CHECK(parse(q, ql, &w, &a) == -1);
	w = good;
	w.n = 11;				/* shorter than a header */
	CHECK(parse(q, ql, &w, &a) == -1);
	w.n = qend - 1;				/* question cut short */
	CHECK(parse(q, ql, &w, &a) == -1);
	/* RFC 4343: names match without case (0x20 randomization) */
	w = good;
	w.b[13] = 'S';
	w.b[18] = 'D';
	CHECK(parse(q, ql, &w, &a) == 0 && a.rcode == DK_DNS_OK);
	dk_dns_answer_clear(&a);
	return 0;
}

static int
test_reply_tc_ad(void)
{
	static const char *const s[] = { "v=DKIM1; p=AB" };
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q);

	reply_start(&w, q, ql, FL_TC, 0, 0);
	CHECK(parse(q, ql, &w, &a) == 0 && a.tc);
	/* a cut-off truncated reply still says TC: TCP may help */
	reply_start(&w, q, ql, FL_TC, 1, 0);
	CHECK(parse(q, ql, &w, &a) == 0 && a.tc);
	CHECK(a.rcode == DK_DNS_MALFORMED);
	reply_start(&w, q, ql, FL_AD, 1, 0);
	rr_txt(&w, QNAME_PTR, NULL, 300, s, 1);
	CHECK(parse(q, ql, &w, &a) == 0 && a.ad && !a.tc);
	dk_dns_answer_clear(&a);
	return 0;
}

static int
test_reply_badtxt(void)
{
	static const char *const s[] = { "v=DKIM1; p=AB" };
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q);

	/* a string longer than its record: the fault server's badtxt */
	reply_start(&w, q, ql, FL_OK, 1, 0);
	rr_txt(&w, QNAME_PTR, NULL, 300, s, 1);
	w.b[w.n - strlen(s[0]) - 1] = 200;
	CHECK(parse(q, ql, &w, &a) == 0 && a.rcode == DK_DNS_MALFORMED);
	/* an RDLENGTH past the end of the message */
	reply_start(&w, q, ql, FL_OK, 1, 0);
	rr_txt(&w, QNAME_PTR, NULL, 300, s, 1);
	w.b[w.n - strlen(s[0]) - 3] = 0x7f;
	CHECK(parse(q, ql, &w, &a) == 0 && a.rcode == DK_DNS_MALFORMED);
	return 0;
}

static int
test_reply_nul(void)
{
	static const char *const s[] = { "v=DKIM1; p=AB", "XX" };
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t ql = mkquery(q);

	/* the engine takes C strings: a NUL must not cut a record short */
	reply_start(&w, q, ql, FL_OK, 1, 0);
	rr_txt(&w, QNAME_PTR, NULL, 300, s, 2);
	w.b[w.n - 2] = '\0';
	CHECK(parse(q, ql, &w, &a) == 0 && a.rcode == DK_DNS_OK);
	CHECK(a.ntxt == 1);
	CHECK_STR("nul record", "", a.txt[0]);
	dk_dns_answer_clear(&a);
	return 0;
}

/* A reply cut at every length: dropped or malformed, never more. */
static int
test_reply_every_length(void)
{
	static const char *const s[] = { "v=DKIM1; k=rsa; ", "p=ABCD" };
	struct dk_dns_answer a;
	struct wire w;
	uint8_t q[DK_DNS_QUERY_MAX];
	size_t n, full, ql = mkquery(q);
	int rc;

	reply_start(&w, q, ql, FL_OK, 2, 1);
	rr_txt(&w, QNAME_PTR, NULL, 300, s, 2);
	rr_cname(&w, QNAME_PTR, NULL, 300, "x.example.test");
	rr_soa(&w, 300, 60);
	full = w.n;
	for (n = 0; n < full; n++) {
		w.n = n;
		rc = parse(q, ql, &w, &a);
		if (rc == 0 && a.rcode != DK_DNS_MALFORMED)
			return test_fail(__FILE__, __LINE__, "length %zu: "
			    "rcode %d", n, a.rcode);
		dk_dns_answer_clear(&a);
	}
	w.n = full;
	CHECK(parse(q, ql, &w, &a) == 0 && a.rcode == DK_DNS_OK);
	CHECK_STR("whole", "v=DKIM1; k=rsa; p=ABCD", a.txt[0]);
	dk_dns_answer_clear(&a);
	return 0;
}

/* ---- conf.c ----------------------------------------------------------- */

static int
port_of(const struct dk_dns_conf *c, size_t i)
{
	const struct sockaddr_in *sin = (const void *)&c->ns[i];
	const struct sockaddr_in6 *sin6 = (const void *)&c->ns[i];

	return ntohs(c->ns[i].ss_family == AF_INET ? sin->sin_port :
	    sin6->sin6_port);
}

static int
test_conf_parse(void)
{
	static const char rc[] =
	    "# comment\n"
	    "; another\n"
	    "search example.test\n"
	    "nameserver 192.0.2.1\r\n"
	    "nameserver\t2001:db8::1\n"
	    "nameserver fe80::1%eth0\n"
	    "options ndots:2 timeout:3 attempts:4\n"
	    "nameserver 192.0.2.3\n"
	    "nameserver 192.0.2.4\n"
	    "nameserver";
	struct dk_dns_conf c;
	char err[DK_DNS_ERR_MAX];

	dk_dns_conf_defaults(&c);
	CHECK(c.timeout_ms == 5000 && c.attempts == 2 && c.nns == 0);
	CHECK(dk_dns_conf_parse(&c, rc, sizeof(rc) - 1, err) == 0);
	/* MAXNS: the fourth is ignored, as libc does */
	CHECK(c.nns == 3);
	CHECK(c.ns[0].ss_family == AF_INET && port_of(&c, 0) == 53);
	CHECK(c.ns[1].ss_family == AF_INET6 && port_of(&c, 1) == 53);
	CHECK(c.ns[2].ss_family == AF_INET);
	CHECK(c.timeout_ms == 3000 && c.attempts == 4);
	return 0;
}

static int
test_conf_options(void)
{
	static const char *const bad[] = {
		"options timeout:0", "options timeout:31", "options attempts:6",
		"options timeout:x", "options attempts:", "options timeout:-1",
	};
	struct dk_dns_conf c;
	char err[DK_DNS_ERR_MAX];
	size_t i;

	for (i = 0; i < NCASES(bad); i++) {
		dk_dns_conf_defaults(&c);
		CHECK(dk_dns_conf_parse(&c, bad[i], strlen(bad[i]), err) == 0);
		if (c.timeout_ms != 5000 || c.attempts != 2)
			return test_fail(__FILE__, __LINE__, "%s: taken",
			    bad[i]);
	}
	dk_dns_conf_defaults(&c);
	CHECK(dk_dns_conf_parse(&c, "options timeout:30 attempts:5", 29,
	    err) == 0);
	CHECK(c.timeout_ms == 30000 && c.attempts == 5);
	return 0;
}

static int
test_conf_errors(void)
{
	struct dk_dns_conf c;
	char err[DK_DNS_ERR_MAX], *big;

	dk_dns_conf_defaults(&c);
	CHECK(dk_dns_conf_parse(&c, "nameserver dns.example\n", 23, err) ==
	    -1);
	CHECK_STR("error", "dns.example: not an IPv4 or IPv6 address", err);
	CHECK((big = malloc(4000)) != NULL);
	memset(big, ' ', 4000);
	CHECK(dk_dns_conf_parse(&c, big, 4000, err) == -1);
	free(big);
	CHECK_STR("error", "line 1: too long", err);
	/* a NUL byte in a line: the line is skipped */
	CHECK(dk_dns_conf_parse(&c, "nameserver 1.2.3.4\0x\n", 21, err) == 0);
	CHECK(c.nns == 0);
	return 0;
}

static int
test_conf_server(void)
{
	static const struct {
		const char	*spec;
		int		 family, port;
	} good[] = {
		{ "127.0.0.1", AF_INET, 53 },
		{ "127.0.0.1:5353", AF_INET, 5353 },
		{ "::1", AF_INET6, 53 },
		{ "[::1]", AF_INET6, 53 },
		{ "[::1]:65535", AF_INET6, 65535 },
		{ "2001:db8::53", AF_INET6, 53 },
	};
	static const char *const bad[] = {
		"", ":53", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536",
		"127.0.0.1:53x", "[::1", "[::1]x", "[::1]:", "[]:53",
		"localhost", "localhost:53", "1.2.3.4.5",
	};
	struct dk_dns_conf c;
	char err[DK_DNS_ERR_MAX];
	size_t i;

	for (i = 0; i < NCASES(good); i++) {
		dk_dns_conf_defaults(&c);
		if (dk_dns_conf_server(&c, good[i].spec, err) != 0 ||
		    c.nns != 1 || c.ns[0].ss_family != good[i].family ||
		    port_of(&c, 0) != good[i].port)
			return test_fail(__FILE__, __LINE__, "%s", good[i].spec);
	}
	for (i = 0; i < NCASES(bad); i++) {
		dk_dns_conf_defaults(&c);
		if (dk_dns_conf_server(&c, bad[i], err) != -1)
			return test_fail(__FILE__, __LINE__, "%s: taken",
			    bad[i]);
	}
	CHECK(dk_dns_conf_init(&c, "127.0.0.1:53000", err) == 0);
	CHECK(c.nns == 1 && port_of(&c, 0) == 53000);
	CHECK(c.timeout_ms == DK_DNS_TIMEOUT_DEFAULT);
	return 0;
}

static int
test_conf_loopback(void)
{
	static const struct {
		const char	*spec;
		int		 loop;
	} t[] = {
		{ "127.0.0.1", 1 }, { "127.255.0.9", 1 }, { "::1", 1 },
		{ "128.0.0.1", 0 }, { "10.0.0.1", 0 }, { "::2", 0 },
		{ "::ffff:127.0.0.1", 0 },
	};
	struct dk_dns_conf c;
	char err[DK_DNS_ERR_MAX];
	size_t i;

	for (i = 0; i < NCASES(t); i++) {
		dk_dns_conf_defaults(&c);
		CHECK(dk_dns_conf_server(&c, t[i].spec, err) == 0);
		if (dk_dns_addr_loopback(&c.ns[0]) != t[i].loop)
			return test_fail(__FILE__, __LINE__, "%s", t[i].spec);
	}
	return 0;
}

/* ---- cache.c ---------------------------------------------------------- */

static struct dk_dns_answer
mkans(enum dk_dns_rcode rcode, uint32_t ttl, const char *txt)
{
	static char *one[1];
	struct dk_dns_answer a;

	memset(&a, 0, sizeof(a));
	a.rcode = rcode;
	a.ttl = ttl;
	if (txt != NULL) {
		one[0] = (char *)(uintptr_t)txt;
		a.txt = one;
		a.ntxt = 1;
	}
	return a;
}

static int
test_cache_ttl(void)
{
	struct dk_dns_cache *c;
	struct dk_dns_answer a = mkans(DK_DNS_OK, 10, "v=DKIM1; p=AB");
	const struct dk_dns_answer *g;

	CHECK((c = dk_dns_cache_new(8, 3600)) != NULL);
	CHECK(dk_dns_cache_put(c, "a.test", &a, 1000) == 0);
	CHECK((g = dk_dns_cache_get(c, "a.test", 10999)) != NULL);
	CHECK(g->rcode == DK_DNS_OK && g->ntxt == 1);
	CHECK_STR("txt", "v=DKIM1; p=AB", g->txt[0]);
	CHECK(g->txt[0] != a.txt[0]);		/* a copy */
	CHECK(dk_dns_cache_get(c, "b.test", 1000) == NULL);
	CHECK(dk_dns_cache_get(c, "a.test", 11000) == NULL);
	CHECK(dk_dns_cache_count(c) == 0);	/* expired: gone */
	dk_dns_cache_free(c);
	return 0;
}

static int
test_cache_negative(void)
{
	struct dk_dns_cache *c;
	struct dk_dns_answer a;

	CHECK((c = dk_dns_cache_new(8, 3600)) != NULL);
	a = mkans(DK_DNS_NXDOMAIN, 60, NULL);
	CHECK(dk_dns_cache_put(c, "nx.test", &a, 0) == 0);
	a = mkans(DK_DNS_NODATA, 30, NULL);
	CHECK(dk_dns_cache_put(c, "nd.test", &a, 0) == 0);
	/* temperrors never; no TTL, no entry */
	a = mkans(DK_DNS_SERVFAIL, 60, NULL);
	CHECK(dk_dns_cache_put(c, "sf.test", &a, 0) == 0);
	a = mkans(DK_DNS_TIMEOUT, 60, NULL);
	CHECK(dk_dns_cache_put(c, "to.test", &a, 0) == 0);
	a = mkans(DK_DNS_NXDOMAIN, 0, NULL);
	CHECK(dk_dns_cache_put(c, "zero.test", &a, 0) == 0);
	CHECK(dk_dns_cache_count(c) == 2);
	CHECK(dk_dns_cache_get(c, "nx.test", 59999)->rcode == DK_DNS_NXDOMAIN);
	CHECK(dk_dns_cache_get(c, "nd.test", 29999)->rcode == DK_DNS_NODATA);
	CHECK(dk_dns_cache_get(c, "nd.test", 30000) == NULL);
	CHECK(dk_dns_cache_get(c, "nx.test", 60000) == NULL);
	CHECK(dk_dns_cache_get(c, "sf.test", 0) == NULL);
	dk_dns_cache_free(c);
	return 0;
}

static int
test_cache_cap(void)
{
	struct dk_dns_cache *c;
	struct dk_dns_answer a = mkans(DK_DNS_OK, 86400, "k");

	CHECK((c = dk_dns_cache_new(8, 3600)) != NULL);
	CHECK(dk_dns_cache_put(c, "a.test", &a, 0) == 0);
	CHECK(dk_dns_cache_get(c, "a.test", 3599999) != NULL);
	CHECK(dk_dns_cache_get(c, "a.test", 3600000) == NULL);
	dk_dns_cache_free(c);
	/* a cache of size 0 keeps nothing */
	CHECK((c = dk_dns_cache_new(0, 3600)) != NULL);
	CHECK(dk_dns_cache_put(c, "a.test", &a, 0) == 0);
	CHECK(dk_dns_cache_count(c) == 0);
	dk_dns_cache_free(c);
	return 0;
}

static int
test_cache_evict(void)
{
	struct dk_dns_cache *c;
	struct dk_dns_answer a = mkans(DK_DNS_OK, 100, "k");

	CHECK((c = dk_dns_cache_new(3, 3600)) != NULL);
	CHECK(dk_dns_cache_put(c, "a", &a, 0) == 0);
	CHECK(dk_dns_cache_put(c, "b", &a, 1) == 0);
	CHECK(dk_dns_cache_put(c, "c", &a, 2) == 0);
	CHECK(dk_dns_cache_put(c, "d", &a, 3) == 0);
	CHECK(dk_dns_cache_count(c) == 3);
	CHECK(dk_dns_cache_get(c, "a", 4) == NULL);	/* the oldest */
	/* a new answer for b makes it the newest */
	CHECK(dk_dns_cache_put(c, "b", &a, 5) == 0);
	CHECK(dk_dns_cache_put(c, "e", &a, 6) == 0);
	CHECK(dk_dns_cache_get(c, "c", 7) == NULL);
	CHECK(dk_dns_cache_get(c, "b", 7) != NULL);
	CHECK(dk_dns_cache_get(c, "d", 7) != NULL);
	CHECK(dk_dns_cache_get(c, "e", 7) != NULL);
	dk_dns_cache_free(c);
	return 0;
}

/* ---- resolver.c, against a server in this process --------------------- */

struct srv {
	int			 fd;
	struct sockaddr_storage	 ss;
	socklen_t		 sslen;
};

/* A UDP socket on 127.0.0.1, on a port the kernel picks. */
static int
srv_open(struct srv *s)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&s->ss;

	memset(s, 0, sizeof(*s));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->sslen = sizeof(*sin);
	if ((s->fd = socket(AF_INET, SOCK_DGRAM, 0)) == -1)
		return -1;
	if (bind(s->fd, (struct sockaddr *)sin, s->sslen) == -1 ||
	    getsockname(s->fd, (struct sockaddr *)sin, &s->sslen) == -1) {
		close(s->fd);
		return -1;
	}
	return 0;
}

/* A query that came in, and where from. */
struct srvq {
	uint8_t			 b[DK_DNS_QUERY_MAX];
	size_t			 n;
	struct sockaddr_storage	 from;
	socklen_t		 fromlen;
};

/* Wait up to ms for a query; -1 when none came. */
static int
srv_recv(struct srv *s, struct srvq *q, int ms)
{
	struct pollfd p = { s->fd, POLLIN, 0 };
	ssize_t n;

	if (poll(&p, 1, ms) != 1)
		return -1;
	q->fromlen = sizeof(q->from);
	if ((n = recvfrom(s->fd, q->b, sizeof(q->b), 0,
	    (struct sockaddr *)&q->from, &q->fromlen)) < 12)
		return -1;
	q->n = (size_t)n;
	return 0;
}

static void
srv_send(struct srv *s, const struct srvq *q, const struct wire *w)
{
	(void)sendto(s->fd, w->b, w->n, 0, (const struct sockaddr *)&q->from,
	    q->fromlen);
}

/* Answer q with one TXT record, text. */
static void
srv_answer(struct srv *s, const struct srvq *q, const char *text)
{
	struct wire w;

	reply_start(&w, q->b, q->n, FL_OK, 1, 0);
	rr_txt(&w, QNAME_PTR, NULL, 300, &text, 1);
	srv_send(s, q, &w);
}

static void
mkconf(struct dk_dns_conf *c, const struct srv *s, size_t ns, int timeout,
    int attempts)
{
	size_t i;

	dk_dns_conf_defaults(c);
	for (i = 0; i < ns; i++) {
		c->ns[i] = s[i].ss;
		c->nslen[i] = s[i].sslen;
	}
	c->nns = ns;
	c->timeout_ms = timeout;
	c->attempts = attempts;
}

static struct dk_resolver *
mkresolver(const struct dk_dns_conf *c, size_t inflight, int64_t budget)
{
	struct dk_resolver_opts o;
	struct dk_resolver *r;

	dk_resolver_opts_init(&o, sizeof(o));
	o.inflight_max = inflight;
	o.budget_ms = budget;
	return dk_resolver_new_conf(&r, &o, c) == DK_OK ? r : NULL;
}

#define PFD_MAX	16

/* Wait for the resolver's sockets (really), then process at time now. */
static void
pump(struct dk_resolver *r, int64_t now)
{
	struct pollfd pfd[PFD_MAX];
	size_t n;

	n = dk_resolver_fds(r, pfd, PFD_MAX);
	if (n > PFD_MAX)
		n = PFD_MAX;
	(void)poll(pfd, n, POLL_MS);
	dk_resolver_process(r, pfd, n, now);
}

static int
check_ok(struct dk_dns_lookup *l, const char *want)
{
	const struct dk_dns_result *res;

	if (l == NULL || (res = dk_dns_lookup_result(l)) == NULL)
		return test_fail(__FILE__, __LINE__, "no result");
	if (res->rcode != DK_DNS_OK || res->ntxt != 1)
		return test_fail(__FILE__, __LINE__, "rcode %d, %zu records",
		    res->rcode, res->ntxt);
	CHECK_STR("txt", want, res->txt[0]);
	return 0;
}

static int
test_resolver_coalesce(void)
{
	struct dk_dns_lookup *l[5], *d;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;
	struct srvq q;
	size_t i;
	int fail = 0;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 1);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	for (i = 0; i < 5; i++)
		CHECK(dk_resolver_submit(r, i % 2 ? "SEL._domainkey.example."
		    "TEST." : KEYNAME, (void *)(uintptr_t)i, 0, &l[i]) ==
		    DK_OK);
	/* five lookups of one name: one query on the wire */
	CHECK(dk_resolver_fds(r, NULL, 0) == 1);
	CHECK(dk_resolver_pending(r) == 5);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	srv_answer(&s, &q, "v=DKIM1; p=AB");
	CHECK(srv_recv(&s, &q, 50) == -1);
	pump(r, 10);
	for (i = 0; i < 5; i++) {
		CHECK((d = dk_resolver_done(r)) == l[i]);
		fail |= check_ok(d, "v=DKIM1; p=AB");
		CHECK(dk_dns_lookup_result(d)->arg == (void *)(uintptr_t)i);
		CHECK(!dk_dns_lookup_result(d)->cached);
		CHECK(!dk_dns_lookup_result(d)->dnssec);
		CHECK_STR("name", KEYNAME, dk_dns_lookup_result(d)->name);
		dk_dns_lookup_free(d);
	}
	CHECK(dk_resolver_done(r) == NULL && dk_resolver_pending(r) == 0);
	/* within the TTL: from the cache, nothing sent */
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 299999, &l[0]) == DK_OK);
	CHECK(dk_resolver_fds(r, NULL, 0) == 0);
	CHECK((d = dk_resolver_done(r)) == l[0]);
	CHECK(dk_dns_lookup_result(d)->cached);
	fail |= check_ok(d, "v=DKIM1; p=AB");
	dk_dns_lookup_free(d);
	CHECK(srv_recv(&s, &q, 50) == -1);
	/* past it: asked again */
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 300010, &l[0]) == DK_OK);
	CHECK(dk_resolver_fds(r, NULL, 0) == 1);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	dk_dns_lookup_free(l[0]);
	dk_resolver_free(r);
	close(s.fd);
	return fail;
}

/* A wrong ID, then a wrong question, then the right reply. */
static int
test_resolver_mismatch(void)
{
	struct dk_dns_lookup *l;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;
	struct srvq q, bad;
	struct wire w;
	const char *t = "v=DKIM1; p=XX";
	int fail;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 1);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 0, &l) == DK_OK);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	bad = q;
	bad.b[0] ^= 0xff;
	reply_start(&w, bad.b, bad.n, FL_OK, 1, 0);
	rr_txt(&w, QNAME_PTR, NULL, 300, &t, 1);
	srv_send(&s, &q, &w);
	pump(r, 1);
	CHECK(dk_resolver_done(r) == NULL);
	bad = q;
	bad.b[14] = 'X';
	reply_start(&w, bad.b, bad.n, FL_OK, 1, 0);
	rr_txt(&w, QNAME_PTR, NULL, 300, &t, 1);
	srv_send(&s, &q, &w);
	pump(r, 2);
	CHECK(dk_resolver_done(r) == NULL);
	srv_answer(&s, &q, "v=DKIM1; p=AB");
	pump(r, 3);
	CHECK(dk_resolver_done(r) == l);
	fail = check_ok(l, "v=DKIM1; p=AB");
	dk_dns_lookup_free(l);
	dk_resolver_free(r);
	close(s.fd);
	return fail;
}

/* No answer from the first server: the next try goes to the second. */
static int
test_resolver_next_server(void)
{
	struct dk_dns_lookup *l;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s[2];
	struct srvq q;
	int fail;

	CHECK(srv_open(&s[0]) == 0 && srv_open(&s[1]) == 0);
	mkconf(&c, s, 2, 1000, 1);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 0, &l) == DK_OK);
	CHECK(dk_resolver_deadline(r) == 1000);
	CHECK(srv_recv(&s[0], &q, POLL_MS) == 0);
	dk_resolver_process(r, NULL, 0, 999);
	CHECK(srv_recv(&s[1], &q, 50) == -1);
	dk_resolver_process(r, NULL, 0, 1000);
	CHECK(srv_recv(&s[1], &q, POLL_MS) == 0);
	CHECK(dk_resolver_deadline(r) == 2000);
	srv_answer(&s[1], &q, "v=DKIM1; p=AB");
	pump(r, 1500);
	CHECK(dk_resolver_done(r) == l);
	fail = check_ok(l, "v=DKIM1; p=AB");
	dk_dns_lookup_free(l);
	dk_resolver_free(r);
	close(s[0].fd);
	close(s[1].fd);
	return fail;
}

static int
expect_rcode(struct dk_resolver *r, struct dk_dns_lookup *l,
    enum dk_dns_rcode rcode)
{
	const struct dk_dns_result *res;

	if (dk_resolver_done(r) != l || (res = dk_dns_lookup_result(l)) ==
	    NULL)
		return test_fail(__FILE__, __LINE__, "not done");
	if (res->rcode != rcode)
		return test_fail(__FILE__, __LINE__, "rcode %d, want %d",
		    res->rcode, rcode);
	dk_dns_lookup_free(l);
	return 0;
}

/* attempts x servers tries, then DK_DNS_TIMEOUT; and the budget. */
static int
test_resolver_timeout(void)
{
	struct dk_dns_lookup *l;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;
	struct srvq q;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 2);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 0, &l) == DK_OK);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	dk_resolver_process(r, NULL, 0, 1000);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	CHECK(dk_resolver_done(r) == NULL);
	dk_resolver_process(r, NULL, 0, 2000);
	CHECK(expect_rcode(r, l, DK_DNS_TIMEOUT) == 0);
	CHECK(dk_resolver_deadline(r) == -1);
	/* temperrors are not cached: asked again */
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 2000, &l) == DK_OK);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	dk_dns_lookup_free(l);
	dk_resolver_free(r);
	/* a budget shorter than the tries */
	mkconf(&c, &s, 1, 1000, 5);
	CHECK((r = mkresolver(&c, 0, 1500)) != NULL);
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 0, &l) == DK_OK);
	dk_resolver_process(r, NULL, 0, 1000);
	CHECK(dk_resolver_deadline(r) == 1500);
	dk_resolver_process(r, NULL, 0, 1500);
	CHECK(expect_rcode(r, l, DK_DNS_TIMEOUT) == 0);
	dk_resolver_free(r);
	close(s.fd);
	return 0;
}

/*
 * A silent first server and a working second: each lookup succeeds,
 * and the failure record keeps the silent one; a good reply ends a
 * burst, so the next failure starts another (front ends log once per
 * burst). Timeouts on the test's clock, not ICMP, make the failures,
 * so a late or rate-limited ICMP error cannot change the outcome.
 */
static int
test_resolver_failure_burst(void)
{
	const struct dk_dns_failure *f;
	struct dk_dns_lookup *l;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s[2];
	struct srvq q;
	char want[DK_DNS_ADDR_MAX];
	int64_t t;
	int i;

	CHECK(srv_open(&s[0]) == 0 && srv_open(&s[1]) == 0);
	mkconf(&c, s, 2, 1000, 1);
	snprintf(want, sizeof(want), "127.0.0.1:%d", port_of(&c, 0));
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	for (i = 1; i <= 2; i++) {
		t = (int64_t)i * 10000;
		CHECK(dk_resolver_submit(r, i == 1 ? KEYNAME : "x." KEYNAME,
		    NULL, t, &l) == DK_OK);
		CHECK(srv_recv(&s[0], &q, POLL_MS) == 0);
		dk_resolver_process(r, NULL, 0, t + 1000);
		CHECK((f = dk_resolver_last_failure(r)) != NULL);
		CHECK(f->rcode == DK_DNS_TIMEOUT);
		CHECK(f->burst == (uint64_t)i && f->ongoing);
		CHECK_STR("server", want, f->server);
		CHECK(srv_recv(&s[1], &q, POLL_MS) == 0);
		srv_answer(&s[1], &q, "v=DKIM1; p=");
		pump(r, t + 1001);
		CHECK(expect_rcode(r, l, DK_DNS_OK) == 0);
		CHECK(!dk_resolver_last_failure(r)->ongoing);
	}
	dk_resolver_free(r);
	close(s[0].fd);
	close(s[1].fd);
	return 0;
}

/* SERVFAIL moves on to the next try; the last one's outcome stands. */
static int
test_resolver_servfail(void)
{
	struct dk_dns_lookup *l;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;
	struct srvq q;
	struct wire w;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 2);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 0, &l) == DK_OK);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	reply_start(&w, q.b, q.n, FL_SERVFAIL, 0, 0);
	srv_send(&s, &q, &w);
	pump(r, 1);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	reply_start(&w, q.b, q.n, FL_REFUSED, 0, 0);
	srv_send(&s, &q, &w);
	pump(r, 2);
	CHECK(expect_rcode(r, l, DK_DNS_REFUSED) == 0);
	dk_resolver_free(r);
	close(s.fd);
	return 0;
}

/* Nobody listens: ICMP port unreachable ends each try at once. */
static int
test_resolver_unreachable(void)
{
	const struct dk_dns_failure *f;
	char want[DK_DNS_ADDR_MAX];
	struct dk_dns_lookup *l;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;

	CHECK(srv_open(&s) == 0);
	close(s.fd);
	mkconf(&c, &s, 1, 1000, 2);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	CHECK(dk_resolver_last_failure(r) == NULL);
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 0, &l) == DK_OK);
	pump(r, 1);
	pump(r, 2);
	/* both tries over with the clock at 2 ms, far from a timeout */
	CHECK(expect_rcode(r, l, DK_DNS_UNREACHABLE) == 0);
	CHECK((f = dk_resolver_last_failure(r)) != NULL);
	CHECK(f->rcode == DK_DNS_UNREACHABLE);
	CHECK(f->burst == 1 && f->ongoing && f->error == 0);
	snprintf(want, sizeof(want), "127.0.0.1:%d", port_of(&c, 0));
	CHECK_STR("server", want, f->server);
	dk_resolver_free(r);
	return 0;
}

/*
 * No descriptor left for a socket: every try fails on this host, the
 * lookup ends at once, and the failure record says why (EMFILE), so a
 * front end can log the cause instead of a bare timeout.
 */
static int
test_resolver_no_socket(void)
{
	const struct dk_dns_failure *f;
	struct dk_dns_failure copy;
	char how[DK_DNS_FAILURE_MAX];
	struct dk_dns_lookup *l;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct rlimit old, low;
	struct srv s;
	int fds[64], n = 0, fail;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 2);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	CHECK(getrlimit(RLIMIT_NOFILE, &old) == 0);
	low = old;
	low.rlim_cur = (rlim_t)dup(0) + 1;	/* this one is the last */
	close((int)low.rlim_cur - 1);
	CHECK(setrlimit(RLIMIT_NOFILE, &low) == 0);
	while (n < 64 && (fds[n] = dup(0)) != -1)
		n++;
	fail = dk_resolver_submit(r, KEYNAME, NULL, 0, &l) != DK_OK;
	while (n > 0)
		close(fds[--n]);
	CHECK(setrlimit(RLIMIT_NOFILE, &old) == 0);
	CHECK(!fail);
	pump(r, 1);
	CHECK(expect_rcode(r, l, DK_DNS_TIMEOUT) == 0);
	CHECK((f = dk_resolver_last_failure(r)) != NULL);
	CHECK(f->rcode == DK_DNS_TIMEOUT && f->error == EMFILE);
	CHECK_STR("words", "cannot send a query: Too many open files",
	    dk_dns_failure_str(f, how, sizeof(how)));
	copy = *f;
	copy.error = 0;
	CHECK_STR("words", "did not answer in time",
	    dk_dns_failure_str(&copy, how, sizeof(how)));
	copy.rcode = DK_DNS_REFUSED;
	CHECK_STR("words", "refused", dk_dns_failure_str(&copy, how, 8));
	dk_resolver_free(r);
	close(s.fd);
	return 0;
}

/*
 * With one query on the wire at a time, freeing the one in flight makes
 * room: the deadline says to process at once, which sends the next.
 */
/*
 * A cache hit is finished on submit: the deadline says "now" until it
 * is collected, so that a caller submitting after draining the done
 * list does not sleep till the next timer with it there.
 */
static int
test_resolver_done_due_now(void)
{
	struct dk_dns_lookup *l, *hit;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;
	struct srvq q;
	int fail;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 1);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 0, &l) == DK_OK);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	srv_answer(&s, &q, "v=DKIM1; p=AB");
	pump(r, 1);
	CHECK(dk_resolver_done(r) == l);
	dk_dns_lookup_free(l);
	CHECK(dk_resolver_deadline(r) == -1);
	CHECK(dk_resolver_submit(r, KEYNAME, NULL, 2, &hit) == DK_OK);
	CHECK(dk_resolver_deadline(r) == 0);
	CHECK(dk_resolver_done(r) == hit);
	CHECK(dk_resolver_deadline(r) == -1);
	fail = check_ok(hit, "v=DKIM1; p=AB");
	dk_dns_lookup_free(hit);
	dk_resolver_free(r);
	close(s.fd);
	return fail;
}

static int
test_resolver_cancel_makes_room(void)
{
	struct dk_dns_lookup *a, *b;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 1);
	CHECK((r = mkresolver(&c, 1, 0)) != NULL);
	CHECK(dk_resolver_submit(r, "a.test", NULL, 1000, &a) == DK_OK);
	CHECK(dk_resolver_submit(r, "b.test", NULL, 1000, &b) == DK_OK);
	CHECK(dk_resolver_fds(r, NULL, 0) == 1);
	dk_dns_lookup_free(a);
	CHECK(dk_resolver_fds(r, NULL, 0) == 0);
	CHECK(dk_resolver_deadline(r) == 0);
	dk_resolver_process(r, NULL, 0, 1001);
	CHECK(dk_resolver_fds(r, NULL, 0) == 1);
	CHECK(dk_resolver_deadline(r) > 1001);
	dk_dns_lookup_free(b);
	dk_resolver_free(r);
	close(s.fd);
	return 0;
}

/* Sessions that go away: their lookups are freed in flight. */
static int
test_resolver_cancel(void)
{
	struct dk_dns_lookup *l[4];
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;
	struct srvq q;
	int fail;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 1);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	CHECK(dk_resolver_submit(r, "a.test", NULL, 0, &l[0]) == DK_OK);
	CHECK(dk_resolver_submit(r, "b.test", NULL, 0, &l[1]) == DK_OK);
	CHECK(dk_resolver_submit(r, "b.test", NULL, 0, &l[2]) == DK_OK);
	CHECK(dk_resolver_submit(r, "c.test", NULL, 0, &l[3]) == DK_OK);
	CHECK(dk_resolver_fds(r, NULL, 0) == 3);
	dk_dns_lookup_free(l[0]);		/* its query stops */
	CHECK(dk_resolver_fds(r, NULL, 0) == 2);
	dk_dns_lookup_free(l[1]);		/* b.test still wanted */
	CHECK(dk_resolver_fds(r, NULL, 0) == 2);
	CHECK(dk_resolver_pending(r) == 2);
	while (srv_recv(&s, &q, 50) == 0)
		srv_answer(&s, &q, "v=DKIM1; p=AB");
	pump(r, 1);
	if (dk_resolver_pending(r) != 0 || dk_resolver_fds(r, NULL, 0) != 0)
		pump(r, 2);
	CHECK(dk_resolver_done(r) == l[2]);
	fail = check_ok(l[2], "v=DKIM1; p=AB");
	/* finished, not collected: freed from the done list */
	dk_dns_lookup_free(l[3]);
	CHECK(dk_resolver_done(r) == NULL && dk_resolver_pending(r) == 0);
	/* and the resolver goes away with lookups in flight */
	CHECK(dk_resolver_submit(r, "d.test", NULL, 5, &l[0]) == DK_OK);
	CHECK(dk_resolver_submit(r, "e.test", NULL, 5, &l[1]) == DK_OK);
	dk_resolver_free(r);
	dk_dns_lookup_free(l[2]);		/* collected: still ours */
	close(s.fd);
	return fail;
}

/* At most inflight_max queries on the wire; the rest wait their turn. */
static int
test_resolver_inflight(void)
{
	static const char *const names[] = { "a.t", "b.t", "c.t", "d.t" };
	struct dk_dns_lookup *l[4], *d;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;
	struct srvq q;
	size_t i, n = 0;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 1);
	CHECK((r = mkresolver(&c, 2, 0)) != NULL);
	for (i = 0; i < 4; i++)
		CHECK(dk_resolver_submit(r, names[i], NULL, 0, &l[i]) == DK_OK);
	CHECK(dk_resolver_fds(r, NULL, 0) == 2);
	CHECK(srv_recv(&s, &q, POLL_MS) == 0);
	srv_answer(&s, &q, "k");
	pump(r, 1);
	CHECK(dk_resolver_fds(r, NULL, 0) == 2);	/* the third started */
	while (srv_recv(&s, &q, 50) == 0)
		srv_answer(&s, &q, "k");
	for (i = 0; i < 3 && n < 4; i++) {
		pump(r, 2);
		while ((d = dk_resolver_done(r)) != NULL) {
			CHECK(dk_dns_lookup_result(d)->rcode == DK_DNS_OK);
			dk_dns_lookup_free(d);
			n++;
		}
		while (srv_recv(&s, &q, 50) == 0)
			srv_answer(&s, &q, "k");
	}
	CHECK(n == 4);
	dk_resolver_free(r);
	close(s.fd);
	return 0;
}

static int
test_resolver_names(void)
{
	static const char *const bad[] = {
		"", ".", "a..b", ".a", "a b.test", "a\\.b", "a\"b", "ü.test",
		"a.test..",
	};
	struct dk_dns_lookup *l;
	struct dk_dns_conf c;
	struct dk_resolver *r;
	struct srv s;
	char name[300];
	size_t i;

	CHECK(srv_open(&s) == 0);
	mkconf(&c, &s, 1, 1000, 1);
	CHECK((r = mkresolver(&c, 0, 0)) != NULL);
	for (i = 0; i < NCASES(bad); i++)
		if (dk_resolver_submit(r, bad[i], NULL, 0, &l) != DK_EINVAL ||
		    l != NULL)
			return test_fail(__FILE__, __LINE__, "%s", bad[i]);
	memset(name, 'a', sizeof(name));
	name[63] = '\0';
	CHECK(dk_resolver_submit(r, name, NULL, 0, &l) == DK_OK);
	dk_dns_lookup_free(l);
	name[63] = 'a';
	name[64] = '\0';			/* a 64-octet label */
	CHECK(dk_resolver_submit(r, name, NULL, 0, &l) == DK_EINVAL);
	for (i = 0; i < 254; i++)
		name[i] = i % 2 ? '.' : 'a';
	name[253] = '\0';			/* 253 characters */
	CHECK(dk_resolver_submit(r, name, NULL, 0, &l) == DK_OK);
	dk_dns_lookup_free(l);
	name[253] = 'a';
	name[254] = '\0';
	CHECK(dk_resolver_submit(r, name, NULL, 0, &l) == DK_EINVAL);
	CHECK(dk_resolver_pending(r) == 0);
	dk_resolver_free(r);
	dk_resolver_free(NULL);
	dk_dns_lookup_free(NULL);
	close(s.fd);
	return 0;
}

static const struct test_case cases[] = {
	{ "query_wire", test_query_wire },
	{ "reply_txt", test_reply_txt },
	{ "reply_two_txt", test_reply_two_txt },
	{ "reply_cname", test_reply_cname },
	{ "reply_cname_long", test_reply_cname_long },
	{ "reply_negative", test_reply_negative },
	{ "reply_other_owner", test_reply_other_owner },
	{ "reply_rcodes", test_reply_rcodes },
	{ "reply_mismatch", test_reply_mismatch },
	{ "reply_tc_ad", test_reply_tc_ad },
	{ "reply_badtxt", test_reply_badtxt },
	{ "reply_nul", test_reply_nul },
	{ "reply_every_length", test_reply_every_length },
	{ "conf_parse", test_conf_parse },
	{ "conf_options", test_conf_options },
	{ "conf_errors", test_conf_errors },
	{ "conf_server", test_conf_server },
	{ "conf_loopback", test_conf_loopback },
	{ "cache_ttl", test_cache_ttl },
	{ "cache_negative", test_cache_negative },
	{ "cache_cap", test_cache_cap },
	{ "cache_evict", test_cache_evict },
	{ "resolver_coalesce", test_resolver_coalesce },
	{ "resolver_mismatch", test_resolver_mismatch },
	{ "resolver_next_server", test_resolver_next_server },
	{ "resolver_timeout", test_resolver_timeout },
	{ "resolver_servfail", test_resolver_servfail },
	{ "resolver_unreachable", test_resolver_unreachable },
	{ "resolver_no_socket", test_resolver_no_socket },
	{ "resolver_failure_burst", test_resolver_failure_burst },
	{ "resolver_cancel", test_resolver_cancel },
	{ "resolver_cancel_makes_room", test_resolver_cancel_makes_room },
	{ "resolver_done_due_now", test_resolver_done_due_now },
	{ "resolver_inflight", test_resolver_inflight },
	{ "resolver_names", test_resolver_names },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
