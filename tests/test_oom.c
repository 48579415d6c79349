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
 * Allocation failures. The Makefile links this program with the
 * engine's calls to malloc, calloc, realloc, reallocarray, strdup and
 * free routed to the wrappers in tests/oom.c (ld --wrap), so that the
 * Nth allocation can be made to fail. Each case runs a path through the
 * public API once to count its allocations, then again with allocation
 * N failing, for every N, first alone and then with every later one
 * failing too. At every N:
 *   - each call returns what it returned before, or DK_ENOMEM when an
 *     allocation failed inside it (nothing else, no crash);
 *   - a _new that fails leaves the handle NULL; a handle that failed
 *     returns DK_ESTATE afterwards, gives no results and says why;
 *   - a run that reached its end gives what it gave before, byte for
 *     byte: a failure is never turned into a verdict;
 *   - every allocation is freed (counted here; valgrind and ASan check
 *     the same from outside).
 *
 * The environment can pick the N (tests/oom.h).
 */

#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dkimkit.h"
#include "../src/dns/dns.h"
#include "../src/dns/dnsint.h"
#include "oom.h"
#include "testlib.h"

#define NOW		1700000000

/* After DK_ENOMEM a handle is sticky-failed, and says why. */
static void
signer_failed(struct oom_run *r, struct dk_signer *s)
{
	if (s == NULL || !r->enomem)
		return;
	if (dk_signer_write(s, "x", 1) != DK_ESTATE ||
	    dk_signer_finish(s) != DK_ESTATE)
		oom_broke(r, "signer goes on after DK_ENOMEM");
	if (dk_signer_field(s, 0) != NULL)
		oom_broke(r, "signer gives a field after DK_ENOMEM");
	if (strcmp(dk_signer_errmsg(s), "no error") == 0)
		oom_broke(r, "signer failed without a message");
}

static void
verifier_failed(struct oom_run *r, struct dk_verifier *v)
{
	if (v == NULL || !r->enomem)
		return;
	if (dk_verifier_write(v, "x", 1) != DK_ESTATE ||
	    dk_verifier_finish(v) != DK_ESTATE)
		oom_broke(r, "verifier goes on after DK_ENOMEM");
	if (dk_verifier_nresults(v) != 0 || dk_verifier_authres(v) != NULL)
		oom_broke(r, "verifier gives results after DK_ENOMEM");
	if (dk_verifier_errmsg(v) == NULL ||
	    strcmp(dk_verifier_errmsg(v), "no error") == 0)
		oom_broke(r, "verifier failed without a message");
}

/* Test data, read before any allocation is made to fail. */
static struct {
	char		*rsa_pkcs1, *rsa_pkcs8, *ed_pkcs8, *ed_seed;
	char		*encrypted;
	size_t		 rsa_pkcs1_len, rsa_pkcs8_len, ed_pkcs8_len;
	size_t		 ed_seed_len, encrypted_len;
	char		*unsigned_msg;
	size_t		 unsigned_len;
	char		*many_fields;	/* enough to grow every table */
	char		*many_sigs;	/* junk signatures, no From */
	char		 header_only[4096];	/* signed, no body, no
						 * empty line */
	char		*zonetext;
	size_t		 zonelen;
	struct dk_zone	*zone;
	struct dk_key	*rsa, *ed;
	uint8_t		 query[DK_DNS_QUERY_MAX];
	uint8_t		 reply[DK_DNS_QUERY_MAX + 256];
	size_t		 querylen, replylen;
	int		 dns_fd;	/* a DNS server on loopback */
	char		 dns_server[32];	/* "127.0.0.1:PORT" */
} data;

/* Write buf in chunks of 1, 2, 3 ... bytes, so that state crosses them. */
#define WRITE_CHUNKED(r, fn, h, buf) do {				\
	size_t len_ = strlen(buf), i_, n_ = 1;				\
	for (i_ = 0; i_ < len_; i_ += n_, n_ = n_ % 97 + 1) {		\
		if (n_ > len_ - i_)					\
			n_ = len_ - i_;					\
		STEP((r), fn((h), (buf) + i_, n_), DK_OK);		\
	}								\
} while (0)

struct keycase {
	char		**buf;
	size_t		 *len;
	enum dk_status	  want;
};

static void
path_key_parse(struct oom_run *r, const void *arg)
{
	const struct keycase *kc = arg;
	struct dk_key *k = NULL;
	char err[200], *pem = NULL, *rec = NULL;

	NEW(r, dk_key_parse(&k, *kc->buf, *kc->len, err, sizeof(err)), k);
	oom_out(r, "type %d bits %u\n", dk_key_type(k), dk_key_bits(k));
	if ((pem = dk_key_pem(k)) == NULL || (rec = dk_key_record(k)) == NULL) {
		oom_null(r);
		goto done;
	}
	oom_out(r, "%s\n%s\n", pem, rec);
 done:
	dk_free_string(pem);
	dk_free_string(rec);
	dk_key_free(k);
}

/* The key is random: only its shape can be compared. */
static void
path_key_generate(struct oom_run *r, const void *arg)
{
	struct dk_key *k = NULL;
	char *pem = NULL, *rec = NULL;

	(void)arg;
	NEW(r, dk_key_generate(&k, DK_KEY_ED25519, 0), k);
	if ((pem = dk_key_pem(k)) == NULL || (rec = dk_key_record(k)) == NULL) {
		oom_null(r);
		goto done;
	}
	oom_out(r, "pem %zu record %zu\n", strlen(pem), strlen(rec));
 done:
	dk_free_string(pem);
	dk_free_string(rec);
	dk_key_free(k);
}

struct signcase {
	struct dk_sign_opts	 opts[2];
	size_t			 nopts;
	char			**msg;
	enum dk_status		 want_finish;
};

static void
path_sign(struct oom_run *r, const void *arg)
{
	const struct signcase *sc = arg;
	struct dk_signer *s = NULL;
	size_t i;

	NEW(r, dk_signer_new(&s, sc->opts, sc->nopts), s);
	WRITE_CHUNKED(r, dk_signer_write, s, *sc->msg);
	STEP(r, dk_signer_finish(s), sc->want_finish);
	for (i = 0; i < sc->nopts && sc->want_finish == DK_OK; i++)
		oom_out(r, "%s\n", dk_signer_field(s, i));
	if (sc->want_finish != DK_OK)
		oom_out(r, "%s\n", dk_signer_errmsg(s));
 done:
	signer_failed(r, s);
	dk_signer_free(s);
}

/* The canonicalizer's output, part by part, as the run's output. */
static int
canon_out(void *arg, enum dk_canon_part part, const void *buf, size_t len)
{
	oom_out(arg, "%d:%.*s", (int)part, (int)len, (const char *)buf);
	return 0;
}

static void
path_canonicalizer(struct oom_run *r, const void *arg)
{
	const struct dk_canon_opts *proto = arg;
	struct dk_canon_opts o = *proto;
	struct dk_canonicalizer *c = NULL;

	o.out = canon_out;
	o.arg = r;
	NEW(r, dk_canonicalizer_new(&c, &o, NULL, 0), c);
	STEP(r, dk_canonicalizer_accept_lf(c), DK_OK);
	WRITE_CHUNKED(r, dk_canonicalizer_write, c, data.many_fields);
	STEP(r, dk_canonicalizer_finish(c), DK_OK);
 done:
	if (c != NULL && r->enomem && (dk_canonicalizer_write(c, "x", 1) !=
	    DK_ESTATE || strcmp(dk_canonicalizer_errmsg(c), "no error") == 0))
		oom_broke(r, "canonicalizer goes on after DK_ENOMEM");
	dk_canonicalizer_free(c);
}

struct verifycase {
	char		*msg;
	int64_t		 now;
	const char	*authserv_id;
	int		 end_first;	/* queries after the end */
};

static void
answer_all(struct oom_run *r, struct dk_verifier *v)
{
	const char *const *txt;
	const char *q;
	size_t ntxt;
	enum dk_dns_rcode rc;

	while ((q = dk_verifier_next_query(v)) != NULL) {
		rc = dk_zone_lookup(data.zone, q, &txt, &ntxt);
		if (rc != DK_DNS_OK)
			ntxt = 0;
		STEP(r, dk_verifier_answer(v, q, rc, txt, ntxt), DK_OK);
		if (strstr(q, "football") != NULL)
			STEP(r, dk_verifier_key_dnssec(v, q), DK_OK);
	}
 done:
	return;
}

static void
verifier_output(struct oom_run *r, const struct dk_verifier *v)
{
	const struct dk_result *res;
	const char *ar;
	size_t i;

	for (i = 0; i < dk_verifier_nresults(v); i++) {
		res = dk_verifier_result(v, i);
		oom_out(r, "%s (%s) d=%s s=%s a=%s i=%s b=%s %llu%s%s\n",
		    dk_outcome_str(res->outcome), dk_reason_str(res->reason),
		    res->domain, res->selector, res->algorithm, res->auid,
		    res->b_prefix, (unsigned long long)res->unsigned_body,
		    res->key_dnssec ? " dnssec" : "",
		    res->key_testing ? " testing" : "");
	}
	if ((ar = dk_verifier_authres(v)) != NULL)
		oom_out(r, "%s\n", ar);
}

static void
path_verify(struct oom_run *r, const void *arg)
{
	const struct verifycase *vc = arg;
	struct dk_verify_opts vo;
	struct dk_verifier *v = NULL;
	enum dk_status st;
	size_t before;

	dk_verify_opts_init(&vo, sizeof(vo));
	vo.now = vc->now;
	vo.authserv_id = vc->authserv_id;
	NEW(r, dk_verifier_new(&v, &vo), v);
	WRITE_CHUNKED(r, dk_verifier_write, v, vc->msg);
	if (!vc->end_first)
		answer_all(r, v);
	if (r->enomem || r->bad)
		goto done;
	STEP(r, dk_verifier_end(v), DK_OK);
	answer_all(r, v);
	if (r->enomem || r->bad)
		goto done;
	/* a malformed header block still gives results */
	before = oom_injected();
	if ((st = dk_verifier_finish(v)) == DK_ESYNTAX)
		oom_out(r, "%s\n", dk_verifier_errmsg(v));
	else if (!oom_step(r, "dk_verifier_finish(v)", st, DK_OK, before))
		goto done;
	verifier_output(r, v);
 done:
	verifier_failed(r, v);
	dk_verifier_free(v);
}

static void
path_zone(struct oom_run *r, const void *arg)
{
	struct dk_zone *z = NULL;
	const char *const *txt;
	size_t ntxt;
	char err[200];
	enum dk_status st;

	(void)arg;
	if ((st = dk_zone_parse(&z, data.zonetext, data.zonelen, err,
	    sizeof(err))) != DK_OK) {
		if (z != NULL)
			oom_broke(r, "dk_zone_parse failed but left a zone");
		if (oom_injected() == 0 || st != DK_ENOMEM)
			oom_broke(r, "dk_zone_parse: %s: %s",
			    dk_status_str(st), err);
		r->enomem = 1;
		return;
	}
	oom_out(r, "%d\n", (int)dk_zone_lookup(z,
	    "brisbane._domainkey.football.example.com", &txt, &ntxt));
	oom_out(r, "%zu %s\n", ntxt, ntxt > 0 ? txt[0] : "");
	dk_zone_free(z);
}

/* The resolver's cache: puts past its size evict, a failed put keeps none. */
static void
path_cache(struct oom_run *r, const void *arg)
{
	static char *txt[] = { "v=DKIM1; p=", "k=ed25519; p=AAAA" };
	static const char *const names[] = { "a._domainkey.example.com",
	    "b._domainkey.example.com", "c._domainkey.example.com" };
	struct dk_dns_answer ans;
	const struct dk_dns_answer *got;
	struct dk_dns_cache *c;
	size_t i;

	(void)arg;
	if ((c = dk_dns_cache_new(2, 3600)) == NULL) {
		oom_null(r);
		return;
	}
	memset(&ans, 0, sizeof(ans));
	ans.ttl = 600;
	for (i = 0; i < 3; i++) {
		ans.rcode = i == 1 ? DK_DNS_NXDOMAIN : DK_DNS_OK;
		ans.txt = i == 1 ? NULL : txt;
		ans.ntxt = i == 1 ? 0 : 2;
		if (dk_dns_cache_put(c, names[i], &ans, 1000) == -1) {
			if (oom_injected() == 0)
				oom_broke(r, "dk_dns_cache_put failed");
			r->enomem = 1;
		}
	}
	for (i = 0; i < 3 && !r->enomem; i++) {
		got = dk_dns_cache_get(c, names[i], 2000);
		oom_out(r, "%s: %d %zu %s\n", names[i],
		    got ? (int)got->rcode : -1, got ? got->ntxt : 0,
		    got && got->ntxt ? got->txt[1] : "");
	}
	oom_out(r, "%zu entries\n", r->enomem ? 0 : dk_dns_cache_count(c));
	dk_dns_cache_free(c);
}

/*
 * A reply to the query for KEYNAME (RFC 1035 §4.1): its ID and
 * question, then two TXT records, the second of two strings.
 */
#define KEYNAME		"sel._domainkey.example.com"
#define OPT_RR_LEN	11	/* the EDNS0 record ending our query */

static const char *const reply_txt[][2] = {
	{ "v=DKIM1; k=ed25519; p=", "AAAA" },
	{ "v=DKIM1; p=", NULL },
};

static size_t
reply_build(const uint8_t *q, size_t qlen, uint8_t *r)
{
	static const uint8_t hdr[] = { 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0 };
	static const uint8_t rr[] = { 0xc0, 0x0c, 0, 16, 0, 1, 0, 0, 0x0e,
	    0x10 };
	size_t n, i, j, len, rdlen;

	memcpy(r, q, 2);
	memcpy(r + 2, hdr, sizeof(hdr));
	n = qlen - OPT_RR_LEN;
	memcpy(r + 12, q + 12, n - 12);
	for (i = 0; i < 2; i++) {
		memcpy(r + n, rr, sizeof(rr));
		n += sizeof(rr);
		for (rdlen = 0, j = 0; j < 2 && reply_txt[i][j] != NULL; j++)
			rdlen += 1 + strlen(reply_txt[i][j]);
		r[n++] = (uint8_t)(rdlen >> 8);
		r[n++] = (uint8_t)rdlen;
		for (j = 0; j < 2 && reply_txt[i][j] != NULL; j++) {
			len = strlen(reply_txt[i][j]);
			r[n++] = (uint8_t)len;
			memcpy(r + n, reply_txt[i][j], len);
			n += len;
		}
	}
	return n;
}

/*
 * A reply parsed under a failure is SERVFAIL (a temporary failure, never
 * a verdict) and not cacheable; else it is the same answer.
 */
static void
path_reply(struct oom_run *r, const void *arg)
{
	struct dk_dns_answer ans;
	size_t i;

	(void)arg;
	if (dk_dns_reply_parse(data.query, data.querylen, data.reply,
	    data.replylen, &ans) == -1) {
		oom_broke(r, "the reply does not match its query");
		return;
	}
	if (oom_injected() > 0 && ans.rcode == DK_DNS_SERVFAIL) {
		if (ans.ntxt != 0 || ans.ttl != 0)
			oom_broke(r, "SERVFAIL with records or a TTL");
		r->enomem = 1;
	}
	oom_out(r, "%d ttl %u:", (int)ans.rcode, (unsigned)ans.ttl);
	for (i = 0; i < ans.ntxt; i++)
		oom_out(r, " \"%s\"", ans.txt[i]);
	oom_out(r, "\n");
	dk_dns_answer_clear(&ans);
}

/* Answer one query waiting at the server, as reply_build() does. */
static void
serve_query(void)
{
	struct sockaddr_storage from;
	socklen_t fromlen = sizeof(from);
	uint8_t q[DK_DNS_QUERY_MAX], reply[sizeof(data.reply)];
	ssize_t n;

	if ((n = recvfrom(data.dns_fd, q, sizeof(q), 0,
	    (struct sockaddr *)&from, &fromlen)) <= 12 + OPT_RR_LEN)
		return;
	(void)sendto(data.dns_fd, reply, reply_build(q, (size_t)n, reply), 0,
	    (struct sockaddr *)&from, fromlen);
}

/* Poll and serve until a lookup finishes; NULL after ten idle rounds. */
static struct dk_dns_lookup *
resolve(struct dk_resolver *res)
{
	struct dk_dns_lookup *l;
	struct pollfd pfd[2];
	size_t n, round;

	for (round = 0; round < 10; round++) {
		if ((l = dk_resolver_done(res)) != NULL)
			return l;
		if ((n = dk_resolver_fds(res, pfd, 1)) > 1)
			n = 1;
		pfd[n].fd = data.dns_fd;
		pfd[n].events = POLLIN;
		pfd[n].revents = 0;
		if (poll(pfd, n + 1, 200) > 0 && (pfd[n].revents & POLLIN))
			serve_query();
		dk_resolver_process(res, pfd, n, 0);
	}
	return dk_resolver_done(res);
}

/*
 * The resolver against a server on loopback: a lookup, then the same
 * name again from the cache. A failure gives DK_ENOMEM or a temporary
 * failure; a lookup never gets lost, and the clock never moves, so no
 * timer can end one.
 */
static void
path_resolver(struct oom_run *r, const void *arg)
{
	struct dk_resolver_opts o;
	struct dk_resolver *res = NULL;
	struct dk_dns_lookup *l = NULL;
	const struct dk_dns_result *got;
	char err[256];
	size_t i, j;

	(void)arg;
	dk_resolver_opts_init(&o, sizeof(o));
	o.server = data.dns_server;
	NEW(r, dk_resolver_new(&res, &o, err, sizeof(err)), res);
	for (i = 0; i < 2; i++) {
		STEP(r, dk_resolver_submit(res, KEYNAME, NULL, 0, &l), DK_OK);
		if ((l = resolve(res)) == NULL) {
			oom_broke(r, "lookup %zu never finished", i + 1);
			goto done;
		}
		got = dk_dns_lookup_result(l);
		if (oom_injected() == 0 && got->cached != (i == 1))
			oom_broke(r, "lookup %zu: cached %d", i + 1,
			    got->cached);
		if (oom_injected() > 0 && got->rcode != DK_DNS_OK)
			r->enomem = 1;
		oom_out(r, "%s: %d", got->name, (int)got->rcode);
		for (j = 0; j < got->ntxt; j++)
			oom_out(r, " \"%s\"", got->txt[j]);
		oom_out(r, "\n");
		dk_dns_lookup_free(l);
	}
 done:
	/* a lookup still in flight is the resolver's to free */
	dk_resolver_free(res);
}

static struct keycase kc_rsa_pkcs1 = {
	&data.rsa_pkcs1, &data.rsa_pkcs1_len, DK_OK };
static struct keycase kc_rsa_pkcs8 = {
	&data.rsa_pkcs8, &data.rsa_pkcs8_len, DK_OK };
static struct keycase kc_ed_pkcs8 = {
	&data.ed_pkcs8, &data.ed_pkcs8_len, DK_OK };
static struct keycase kc_ed_seed = {
	&data.ed_seed, &data.ed_seed_len, DK_OK };
static struct keycase kc_encrypted = {
	&data.encrypted, &data.encrypted_len, DK_ESYNTAX };

static int
t_key_parse(void)
{
	return oom_every_n("RSA PKCS#1", path_key_parse, &kc_rsa_pkcs1) ||
	    oom_every_n("RSA PKCS#8", path_key_parse, &kc_rsa_pkcs8) ||
	    oom_every_n("Ed25519 PKCS#8", path_key_parse, &kc_ed_pkcs8) ||
	    oom_every_n("Ed25519 seed", path_key_parse, &kc_ed_seed);
}

/* A refused key is refused the same way, or DK_ENOMEM. */
static void
path_key_refused(struct oom_run *r, const void *arg)
{
	const struct keycase *kc = arg;
	struct dk_key *k = NULL;
	char err[200];

	STEP(r, dk_key_parse(&k, *kc->buf, *kc->len, err, sizeof(err)),
	    kc->want);
	oom_out(r, "refused: %s\n", err);
 done:
	if (k != NULL)
		oom_broke(r, "a refused key left a handle");
	dk_key_free(k);
}

static int
t_key_refused(void)
{
	return oom_every_n("encrypted key", path_key_refused, &kc_encrypted);
}

static int
t_key_generate(void)
{
	return oom_every_n("Ed25519 key", path_key_generate, NULL);
}

static int
t_sign(void)
{
	static const char *const hlist[] = { "From", "To", "Subject", "Date",
	    "Message-ID", "From", NULL };
	struct dk_sign_opts ed_opts;
	static struct signcase sc;

	dk_sign_opts_init(&ed_opts, sizeof(ed_opts));
	ed_opts.domain = "example.com";
	ed_opts.selector = "ed";
	ed_opts.key = data.ed;
	ed_opts.timestamp = NOW;
	memset(&sc, 0, sizeof(sc));
	sc.msg = &data.unsigned_msg;
	sc.nopts = 1;
	sc.opts[0] = ed_opts;
	if (oom_every_n("Ed25519, default header list", path_sign, &sc))
		return 1;
	sc.opts[0] = ed_opts;
	sc.opts[0].selector = "rsa";
	sc.opts[0].key = data.rsa;
	sc.opts[0].hcanon = sc.opts[0].bcanon = DK_CANON_SIMPLE;
	sc.opts[0].headers = hlist;
	sc.opts[0].auid = "joe@football.example.com";
	sc.opts[0].domain = "football.example.com";
	sc.opts[0].expire_after = 3600;
	if (oom_every_n("RSA, simple, own header list", path_sign, &sc))
		return 1;
	sc.opts[1] = ed_opts;
	sc.nopts = 2;
	if (oom_every_n("RSA and Ed25519 at once", path_sign, &sc))
		return 1;
	sc.msg = &data.many_fields;
	if (oom_every_n("many header fields", path_sign, &sc))
		return 1;
	sc.msg = &data.many_sigs;
	sc.nopts = 1;
	sc.want_finish = DK_ESYNTAX;	/* no From */
	return oom_every_n("refused message", path_sign, &sc);
}

/* Every verify vector of vectors/manifest.tsv, against vectors/dns.txt. */
static int
t_verify_vectors(void)
{
	static struct verifycase vc;
	char *manifest, *line, *next, *f[6], path[512];
	size_t i, len, n = 0;
	int rc = 0;

	CHECK((manifest = test_readfile("vectors/manifest.tsv", &len)) != NULL);
	for (line = manifest; rc == 0 && line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		for (i = 0; i < 6; i++) {
			f[i] = line;
			line = line == NULL ? NULL : strchr(line, '\t');
			if (line != NULL)
				*line++ = '\0';
		}
		if (f[5] == NULL || strcmp(f[2], "verify") != 0)
			continue;
		snprintf(path, sizeof(path), "vectors/%s", f[0]);
		memset(&vc, 0, sizeof(vc));
		vc.now = strtoll(f[5], NULL, 10);
		vc.authserv_id = n % 2 ? "mx.example.net" : NULL;
		vc.end_first = n % 3 == 0;
		if ((vc.msg = test_readfile(path, &len)) == NULL)
			rc = test_fail(__FILE__, __LINE__, "cannot read %s",
			    path);
		else
			rc = oom_every_n(path, path_verify, &vc);
		free(vc.msg);
		n++;
	}
	free(manifest);
	CHECK(n > 0);
	return rc;
}

static int
t_verify_many(void)
{
	static struct verifycase vc;

	memset(&vc, 0, sizeof(vc));
	vc.now = NOW;
	vc.authserv_id = "mx.example.net";
	vc.msg = data.many_sigs;
	return oom_every_n("junk signatures past the bound", path_verify, &vc);
}

/* Without the empty line, the queries are known only at the end. */
static int
t_verify_header_only(void)
{
	static struct verifycase vc;

	memset(&vc, 0, sizeof(vc));
	vc.now = NOW;
	vc.authserv_id = "mx.example.net";
	vc.msg = data.header_only;
	vc.end_first = 1;
	return oom_every_n("header fields only", path_verify, &vc);
}

static int
t_canonicalizer(void)
{
	static const char *const hlist[] = { "From", "To", "Subject", "Date",
	    "Message-ID", "From", NULL };
	static struct dk_canon_opts o;

	dk_canon_opts_init(&o, sizeof(o));
	if (oom_every_n("canonicalizer, default list", path_canonicalizer, &o))
		return 1;
	o.headers = hlist;
	o.hcanon = o.bcanon = DK_CANON_SIMPLE;
	return oom_every_n("canonicalizer, own list", path_canonicalizer, &o);
}

static int
t_zone(void)
{
	return oom_every_n("vectors/dns.txt", path_zone, NULL);
}

static int
t_reply(void)
{
	return oom_every_n("DNS reply", path_reply, NULL);
}

static int
t_resolver(void)
{
	return oom_every_n("resolver and cache", path_resolver, NULL);
}

static int
t_cache(void)
{
	return oom_every_n("DNS cache", path_cache, NULL);
}

static const struct test_case cases[] = {
	{ "oom_key_parse", t_key_parse },
	{ "oom_key_refused", t_key_refused },
	{ "oom_key_generate", t_key_generate },
	{ "oom_sign", t_sign },
	{ "oom_verify_vectors", t_verify_vectors },
	{ "oom_verify_many_signatures", t_verify_many },
	{ "oom_verify_header_only", t_verify_header_only },
	{ "oom_canonicalizer", t_canonicalizer },
	{ "oom_zone_parse", t_zone },
	{ "oom_dns_reply", t_reply },
	{ "oom_dns_cache", t_cache },
	{ "oom_dns_resolver", t_resolver },
};

/* first, then n fields "pre" i "post", then a body. */
static char *
build_msg(const char *first, size_t n, const char *pre, const char *post)
{
	size_t cap = 64 * 1024, len;
	char *m;
	size_t i;

	if ((m = malloc(cap)) == NULL)
		return NULL;
	len = (size_t)snprintf(m, cap, "%s", first);
	for (i = 0; i < n && len < cap; i++)
		len += (size_t)snprintf(m + len, cap - len, "%s%zu%s", pre, i,
		    post);
	if (len < cap)
		snprintf(m + len, cap - len, "\r\nbody\r\n\r\n \r\n");
	return m;
}

/* The RFC 8463 key signs for football.example.com in vectors/dns.txt. */
static int
sign_header_only(void)
{
	static const char hdr[] = "From: joe@football.example.com\r\n"
	    "To: jane@example.org\r\nSubject: no body\r\n";
	struct dk_sign_opts o;
	struct dk_signer *s;
	int n = -1;

	dk_sign_opts_init(&o, sizeof(o));
	o.domain = "football.example.com";
	o.selector = "brisbane";
	o.key = data.ed;
	o.timestamp = NOW;
	if (dk_signer_new(&s, &o, 1) != DK_OK)
		return -1;
	if (dk_signer_write(s, hdr, sizeof(hdr) - 1) == DK_OK &&
	    dk_signer_finish(s) == DK_OK)
		n = snprintf(data.header_only, sizeof(data.header_only),
		    "%s\r\n%s", dk_signer_field(s, 0), hdr);
	dk_signer_free(s);
	return n > 0 && (size_t)n < sizeof(data.header_only) ? 0 : -1;
}

/* A UDP socket on 127.0.0.1, and its address for --resolver. */
static int
dns_server(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((data.dns_fd = socket(AF_INET, SOCK_DGRAM, 0)) == -1 ||
	    bind(data.dns_fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(data.dns_fd, (struct sockaddr *)&sin, &len) == -1)
		return -1;
	snprintf(data.dns_server, sizeof(data.dns_server), "127.0.0.1:%u",
	    (unsigned)ntohs(sin.sin_port));
	return 0;
}

#define RFC	"vectors/rfc/"
#define KEYS	"tests/data/crypto/"

static int
load(void)
{
	static const struct {
		const char	*path;
		char		**buf;
		size_t		 *len;
	} files[] = {
		{ RFC "rfc8463-rsa-private.pem", &data.rsa_pkcs1,
		    &data.rsa_pkcs1_len },
		{ KEYS "rsa2048-pkcs8.pem", &data.rsa_pkcs8,
		    &data.rsa_pkcs8_len },
		{ KEYS "ed25519-pkcs8.pem", &data.ed_pkcs8,
		    &data.ed_pkcs8_len },
		{ RFC "rfc8463-ed25519-seed.key", &data.ed_seed,
		    &data.ed_seed_len },
		{ KEYS "rsa1024-encrypted.pem", &data.encrypted,
		    &data.encrypted_len },
		{ RFC "rfc8463-unsigned.eml", &data.unsigned_msg,
		    &data.unsigned_len },
		{ "vectors/dns.txt", &data.zonetext, &data.zonelen },
	};
	size_t i;
	char err[200];

	for (i = 0; i < NCASES(files); i++)
		if ((*files[i].buf = test_readfile(files[i].path,
		    files[i].len)) == NULL)
			return -1;
	if ((data.many_fields = build_msg("From: joe@football.example.com\r\n"
	    "Subject: many\r\n", 150, "Received: from h", ".example.net\r\n"
	    "\tby mx.example.com\r\n")) == NULL ||
	    (data.many_sigs = build_msg("", 40, "DKIM-Signature: v=1; "
	    "a=rsa-sha256; d=example.com; s=s", "; h=from; bh=; b=\r\n")) ==
	    NULL)
		return -1;
	if ((data.querylen = dk_dns_query_build(KEYNAME, 0x1234,
	    data.query)) == 0)
		return -1;
	data.replylen = reply_build(data.query, data.querylen, data.reply);
	if (dns_server() == -1)
		return -1;
	if (dk_zone_parse(&data.zone, data.zonetext, data.zonelen, err,
	    sizeof(err)) != DK_OK ||
	    dk_key_parse(&data.rsa, data.rsa_pkcs1, data.rsa_pkcs1_len, err,
	    sizeof(err)) != DK_OK ||
	    dk_key_parse(&data.ed, data.ed_seed, data.ed_seed_len, err,
	    sizeof(err)) != DK_OK)
		return -1;
	return sign_header_only();
}

static void
unload(void)
{
	(void)close(data.dns_fd);
	dk_key_free(data.rsa);
	dk_key_free(data.ed);
	dk_zone_free(data.zone);
	free(data.rsa_pkcs1);
	free(data.rsa_pkcs8);
	free(data.ed_pkcs8);
	free(data.ed_seed);
	free(data.encrypted);
	free(data.unsigned_msg);
	free(data.zonetext);
	free(data.many_fields);
	free(data.many_sigs);
}

int
main(int argc, char **argv)
{
	int rc;

	if (load() == -1) {
		printf("FAIL test_oom: cannot load the test data "
		    "(run from the top of the tree)\n");
		return 1;
	}
	rc = test_main(argc, argv, cases, NCASES(cases));
	unload();
	return rc;
}
