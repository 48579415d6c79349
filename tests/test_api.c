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
 * API version 1 as an embedder sees it: the size rule of options, safe
 * defaults, keys chosen after the header block, From and
 * Authentication-Results readers, LF-only input, the operator's policy
 * settings, per-signature detail, the resolver's options, the
 * canonicalizer, option words, and the zone file as a key source.
 */

#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dkimkit.h"
#include "testlib.h"

#define NOW	1700000000
#define BODY	"\r\nbody\r\n"
#define MSG	"From: Joe <joe@example.com>\r\nTo: b@example.org\r\n" \
		"Subject: hi\r\n" BODY
#define OUT_MAX	4096

static struct dk_key *ed, *rsa1024;

/* Verify msg with opts, every query answered with rec; v is finished. */
static enum dk_status
verify(const struct dk_verify_opts *o, const char *msg, const char *rec,
    struct dk_verifier **vp)
{
	const char *q;
	enum dk_status st;

	if ((st = dk_verifier_new(vp, o)) != DK_OK)
		return st;
	st = dk_verifier_write(*vp, msg, strlen(msg));
	while (st == DK_OK && (q = dk_verifier_next_query(*vp)) != NULL)
		st = dk_verifier_answer(*vp, q, DK_DNS_OK, &rec, 1);
	return st == DK_OK ? dk_verifier_finish(*vp) : st;
}

static void
vopts(struct dk_verify_opts *o)
{
	dk_verify_opts_init(o, sizeof(*o));
	o->now = NOW;
	o->authserv_id = "mx.test";
}

static void
sopts(struct dk_sign_opts *o, struct dk_key *k)
{
	dk_sign_opts_init(o, sizeof(*o));
	o->domain = "example.com";
	o->selector = "s";
	o->key = k;
	o->timestamp = NOW;
}

/* field CRLF msg into out */
static enum dk_status
sign(const struct dk_sign_opts *o, const char *msg, char *out)
{
	struct dk_signer *s;
	enum dk_status st;

	if ((st = dk_signer_new(&s, o, 1)) != DK_OK)
		return st;
	if ((st = dk_signer_write(s, msg, strlen(msg))) == DK_OK &&
	    (st = dk_signer_finish(s)) == DK_OK)
		snprintf(out, OUT_MAX, "%s\r\n%s", dk_signer_field(s, 0), msg);
	dk_signer_free(s);
	return st;
}

/* The outcome and reason of the only signature, as "outcome:reason". */
static const char *
verdict(const struct dk_verify_opts *o, const char *msg, struct dk_key *k)
{
	static char buf[64];
	struct dk_verifier *v = NULL;
	const struct dk_result *r;
	char *rec = dk_key_record(k);

	if (rec == NULL || verify(o, msg, rec, &v) != DK_OK ||
	    (r = dk_verifier_result(v, 0)) == NULL)
		snprintf(buf, sizeof(buf), "error");
	else
		snprintf(buf, sizeof(buf), "%s:%s", dk_outcome_str(r->outcome),
		    dk_reason_str(r->reason));
	dk_verifier_free(v);
	dk_free_string(rec);
	return buf;
}

/* A struct that skipped _init, or is newer than the library, is refused. */
static int
t_opts_size(void)
{
	struct dk_sign_opts so;
	struct dk_verify_opts vo;
	struct dk_resolver_opts ro;
	struct dk_signer *s;
	struct dk_verifier *v;
	struct dk_resolver *r;
	char err[128];

	memset(&so, 0, sizeof(so));
	so.domain = "example.com";
	so.selector = "s";
	so.key = ed;
	CHECK(dk_signer_new(&s, &so, 1) == DK_EINVAL && s == NULL);
	memset(&vo, 0, sizeof(vo));
	CHECK(dk_verifier_new(&v, &vo) == DK_EINVAL && v == NULL);
	vopts(&vo);
	vo.size = sizeof(vo) + 8;
	CHECK(dk_verifier_new(&v, &vo) == DK_EINVAL);
	memset(&ro, 0, sizeof(ro));
	CHECK(dk_resolver_new(&r, &ro, err, sizeof(err)) == DK_EINVAL);
	CHECK(strstr(err, "dk_resolver_opts_init") != NULL);
	/* _init with a shorter size writes no further than that */
	memset(&vo, 0xff, sizeof(vo));
	dk_verify_opts_init(&vo, sizeof(size_t) + sizeof(int64_t));
	CHECK(vo.size == sizeof(size_t) + sizeof(int64_t));
	CHECK(vo.now == DK_TIME_NOW);
	CHECK(vo.plain_rfc6376 == -1);
	return 0;
}

/* Defaults: t= is now; RFC 8301 and the From policy apply. */
static int
t_safe_defaults(void)
{
	static const char *const only_from[] = { "From", NULL };
	struct dk_sign_opts so;
	struct dk_verify_opts vo;
	char out[OUT_MAX], *t;
	long long tv;
	char two_from[OUT_MAX + 64];

	dk_sign_opts_init(&so, sizeof(so));
	so.domain = "example.com";
	so.selector = "s";
	so.key = ed;
	CHECK(sign(&so, MSG, out) == DK_OK);
	for (t = strstr(out, "t="); t != NULL && t[-1] != ' ' &&
	    t[-1] != '\t'; t = strstr(t + 1, "t="))
		;
	CHECK(t != NULL);
	tv = strtoll(t + 2, NULL, 10);
	CHECK(tv > time(NULL) - 60 && tv <= time(NULL));
	vopts(&vo);
	vo.now = DK_TIME_NOW;
	CHECK_STR("default", "pass:ok", verdict(&vo, out, ed));
	/* a second From above the signed one, which h= does not oversign */
	so.headers = only_from;
	CHECK(sign(&so, MSG, out) == DK_OK);
	snprintf(two_from, sizeof(two_from), "From: x@evil.test\r\n%s", out);
	CHECK_STR("two From", "policy:multiple-from",
	    verdict(&vo, two_from, ed));
	vo.plain_rfc6376 = 1;
	CHECK_STR("two From, plain", "pass:ok", verdict(&vo, two_from, ed));
	return 0;
}

/* d= from From, keys added once the header block is known. */
static int
t_keys_after_header(void)
{
	struct dk_signer *s;
	struct dk_sign_opts so;
	struct dk_verify_opts vo;
	char out[OUT_MAX];
	const char *hdr_end = strstr(MSG, "\r\n\r\n") + 4;
	size_t hlen = (size_t)(hdr_end - MSG);

	CHECK(dk_signer_new(&s, NULL, 0) == DK_OK);
	CHECK(dk_signer_write(s, MSG, hlen - 1) == DK_OK);
	CHECK(!dk_signer_header_done(s) && dk_signer_from_domain(s) == NULL);
	/* the rest, body included, in one chunk */
	CHECK(dk_signer_write(s, MSG + hlen - 1, strlen(MSG) - hlen + 1) ==
	    DK_OK);
	CHECK(dk_signer_header_done(s));
	CHECK_STR("from domain", "example.com", dk_signer_from_domain(s));
	sopts(&so, ed);
	so.domain = dk_signer_from_domain(s);
	so.bcanon = DK_CANON_SIMPLE;
	CHECK(dk_signer_add(s, &so, 1) == DK_OK);
	CHECK(dk_signer_finish(s) == DK_OK);
	snprintf(out, sizeof(out), "%s\r\n%s", dk_signer_field(s, 0), MSG);
	dk_signer_free(s);
	vopts(&vo);
	CHECK_STR("verify", "pass:ok", verdict(&vo, out, ed));

	/* once body bytes pass an added key, the other canon is gone */
	so.domain = "example.com";	/* the old one went with its signer */
	CHECK(dk_signer_new(&s, NULL, 0) == DK_OK);
	CHECK(dk_signer_write(s, MSG, hlen) == DK_OK);
	so.bcanon = DK_CANON_RELAXED;
	CHECK(dk_signer_add(s, &so, 1) == DK_OK);
	CHECK(dk_signer_write(s, hdr_end, strlen(hdr_end)) == DK_OK);
	so.bcanon = DK_CANON_SIMPLE;
	CHECK(dk_signer_add(s, &so, 1) == DK_ESTATE);
	so.bcanon = DK_CANON_RELAXED;
	CHECK(dk_signer_add(s, &so, 1) == DK_OK);
	CHECK(dk_signer_finish(s) == DK_OK);
	CHECK(dk_signer_field(s, 1) != NULL);
	dk_signer_free(s);

	/* no key at all */
	CHECK(dk_signer_new(&s, NULL, 0) == DK_OK);
	CHECK(dk_signer_write(s, MSG, strlen(MSG)) == DK_OK);
	CHECK(dk_signer_finish(s) == DK_EINVAL);
	CHECK(strstr(dk_signer_errmsg(s), "dk_signer_add") != NULL);
	dk_signer_free(s);
	return 0;
}

/* From addresses: comments, quotes, angle-addrs, groups, two fields. */
static int
t_from(void)
{
	static const char one[] =
	    "From: \"Joe, <x@y>\" (a @ comment) <Joe@Example.COM.>,\r\n"
	    " ann@b.example.org (Ann)\r\nTo: c@d.example\r\n\r\n";
	static const char group[] =
	    "From: team: a@x.example, \"q u\"@y.example;\r\n\r\n";
	static const char two[] =
	    "From: a@x.example\r\nFrom: b@y.example\r\n\r\n";
	/* words after an address are not part of its domain; white
	 * space around '@' and '.' is (obsolete syntax) */
	static const char junk[] =
	    "From: a@x.example\r\n continuation, b @ y . example,\r\n"
	    " c@z.example(comment)junk\r\n\r\n";
	struct dk_verify_opts vo;
	struct dk_verifier *v;

	vopts(&vo);
	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_nfrom(v) == 0 && !dk_verifier_header_done(v));
	CHECK(dk_verifier_write(v, one, strlen(one)) == DK_OK);
	CHECK(dk_verifier_header_done(v) && dk_verifier_nfrom(v) == 2);
	CHECK_STR("first", "Joe@example.com", dk_verifier_from(v, 0));
	CHECK_STR("second", "ann@b.example.org", dk_verifier_from(v, 1));
	CHECK(dk_verifier_from(v, 2) == NULL);
	CHECK_STR("domain", "example.com", dk_verifier_from_domain(v));
	dk_verifier_free(v);

	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_write(v, group, strlen(group)) == DK_OK);
	CHECK(dk_verifier_nfrom(v) == 2);
	CHECK_STR("group 1", "a@x.example", dk_verifier_from(v, 0));
	CHECK_STR("group 2", "\"q u\"@y.example", dk_verifier_from(v, 1));
	dk_verifier_free(v);

	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_write(v, two, strlen(two)) == DK_OK);
	CHECK(dk_verifier_nfrom(v) == 2 && dk_verifier_from_domain(v) == NULL);
	dk_verifier_free(v);

	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_write(v, junk, strlen(junk)) == DK_OK);
	CHECK(dk_verifier_nfrom(v) == 1);
	CHECK_STR("obsolete", "b@y.example", dk_verifier_from(v, 0));
	dk_verifier_free(v);
	return 0;
}

/* Which A-R fields claim our authserv-id (RFC 8601 §5). */
static int
t_authres_ours(void)
{
	static const char msg[] =
	    "Authentication-Results: mx.test; dkim=pass\r\n"
	    "From: a@x.example\r\n"
	    "Authentication-Results: mx.test.evil.example; dkim=pass\r\n"
	    "Authentication-Results:\r\n (c) \"MX.Test\"; none\r\n"
	    "Authentication-Results: other.example (mx.test); none\r\n"
	    "\r\n";
	struct dk_verify_opts vo;
	struct dk_verifier *v;
	size_t idx[4];

	vopts(&vo);
	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_authres_ours(v, "mx.test", idx, 4) == 0);
	CHECK(dk_verifier_write(v, msg, strlen(msg)) == DK_OK);
	CHECK(dk_verifier_authres_ours(v, "mx.test", idx, 4) == 2);
	CHECK(idx[0] == 1 && idx[1] == 3);
	CHECK(dk_verifier_authres_ours(v, "mx.test", idx, 1) == 2);
	dk_verifier_free(v);
	CHECK(dk_authres_has_id(" mx.test;", 9, "MX.TEST"));
	CHECK(!dk_authres_has_id(" mx.tes", 7, "mx.test"));
	CHECK(!dk_authres_has_id(" mx.test", 8, ""));
	/* RFC 5322 §4.5.8: WSP before the colon is not the name's */
	CHECK(dk_field_name_len("From: a", 7) == 4);
	CHECK(dk_field_name_len("From \t: a", 10) == 4);
	CHECK(dk_field_name_len(" From: a", 8) == 0);
	CHECK(dk_field_name_len("Fr om: a", 8) == 0);
	CHECK(dk_field_name_len(": a", 3) == 0);
	CHECK(dk_field_name_len("From", 4) == 0);
	return 0;
}

/* LF-only input signs and verifies as its CRLF form, split anywhere. */
static int
t_lf_input(void)
{
	static const char lf[] = "From: Joe <joe@example.com>\nTo: b@"
	    "example.org\nSubject: hi\n\nbody\r\nmore\n\n";
	static const char crlf[] = "From: Joe <joe@example.com>\r\nTo: b@"
	    "example.org\r\nSubject: hi\r\n\r\nbody\r\nmore\r\n\r\n";
	struct dk_sign_opts so;
	struct dk_signer *s;
	char want[OUT_MAX];
	size_t cut;

	sopts(&so, ed);
	CHECK(sign(&so, crlf, want) == DK_OK);
	*strstr(want, "\r\nFrom:") = '\0';
	for (cut = 0; cut <= strlen(lf); cut++) {
		CHECK(dk_signer_new(&s, &so, 1) == DK_OK);
		CHECK(dk_signer_accept_lf(s) == DK_OK);
		CHECK(dk_signer_write(s, lf, cut) == DK_OK);
		CHECK(dk_signer_write(s, lf + cut, strlen(lf) - cut) == DK_OK);
		CHECK(dk_signer_accept_lf(s) == DK_ESTATE);
		CHECK(dk_signer_finish(s) == DK_OK);
		CHECK_STR("field", want, dk_signer_field(s, 0));
		dk_signer_free(s);
	}
	return 0;
}

/* rsa_min_bits, and the detail a log line needs. */
static int
t_min_bits_detail(void)
{
	struct dk_sign_opts so;
	struct dk_verify_opts vo;
	struct dk_verifier *v;
	const struct dk_result *r;
	char out[OUT_MAX], *rec;

	sopts(&so, rsa1024);
	so.expire_after = 3600;
	CHECK(sign(&so, MSG, out) == DK_OK);
	vopts(&vo);
	CHECK_STR("1024 by default", "pass:ok", verdict(&vo, out, rsa1024));
	vo.rsa_min_bits = 2048;
	CHECK_STR("2048 asked", "permerror:key-too-small",
	    verdict(&vo, out, rsa1024));
	CHECK((rec = dk_key_record(rsa1024)) != NULL);
	CHECK(verify(&vo, out, rec, &v) == DK_OK);
	dk_free_string(rec);
	CHECK((r = dk_verifier_result(v, 0)) != NULL);
	CHECK(r->key_bits == 1024 && r->t == NOW && r->x == NOW + 3600);
	CHECK(!r->has_l);
	CHECK(strncmp(r->h, "from:from:", 10) == 0);
	CHECK(strstr(r->h, ":subject:subject:") != NULL);
	CHECK(strstr(r->text, "1024 bits, at least 2048") != NULL);
	dk_verifier_free(v);
	vo.rsa_min_bits = 512;		/* under RFC 8301: plain only */
	CHECK(dk_verifier_new(&v, &vo) == DK_EINVAL);
	vo.plain_rfc6376 = 1;
	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	dk_verifier_free(v);
	return 0;
}

/* clock_drift for x= and a t= in the future. */
static int
t_clock_drift(void)
{
	struct dk_sign_opts so;
	struct dk_verify_opts vo;
	char out[OUT_MAX];

	sopts(&so, ed);
	so.timestamp = NOW - 1000;
	so.expire_after = 900;		/* x= 100 s ago */
	CHECK(sign(&so, MSG, out) == DK_OK);
	vopts(&vo);
	CHECK_STR("within drift", "pass:ok", verdict(&vo, out, ed));
	vo.clock_drift = 0;
	CHECK_STR("no drift", "permerror:expired", verdict(&vo, out, ed));
	so.timestamp = NOW + 1000;
	so.expire_after = 0;
	CHECK(sign(&so, MSG, out) == DK_OK);
	vopts(&vo);
	CHECK_STR("future t=", "permerror:future-timestamp",
	    verdict(&vo, out, ed));
	vo.clock_drift = 2000;
	CHECK_STR("future t=, drift", "pass:ok", verdict(&vo, out, ed));
	vo.clock_drift = 0;
	vo.plain_rfc6376 = 1;
	CHECK_STR("future t=, plain", "pass:ok", verdict(&vo, out, ed));
	vo.plain_rfc6376 = 0;
	vo.clock_drift = DK_CLOCK_DRIFT_NONE;
	CHECK_STR("future t=, no drift", "pass:ok", verdict(&vo, out, ed));
	vo.clock_drift = -2;
	CHECK_STR("bad drift", "error", verdict(&vo, out, ed));
	return 0;
}

/* signed_headers: a pass that leaves one out is policy. */
static int
t_signed_headers(void)
{
	static const char *const only_from[] = { "From", NULL };
	static const char *const want_subject[] = { "subject", NULL };
	struct dk_sign_opts so;
	struct dk_verify_opts vo;
	char out[OUT_MAX];

	sopts(&so, ed);
	so.headers = only_from;
	CHECK(sign(&so, MSG, out) == DK_OK);
	vopts(&vo);
	CHECK_STR("default", "pass:ok", verdict(&vo, out, ed));
	vo.signed_headers = want_subject;
	CHECK_STR("subject wanted", "policy:header-not-signed",
	    verdict(&vo, out, ed));
	sopts(&so, ed);
	CHECK(sign(&so, MSG, out) == DK_OK);
	CHECK_STR("subject signed", "pass:ok", verdict(&vo, out, ed));
	return 0;
}

/* The resolver's options: a bad server is refused with a reason. */
static int
t_resolver_opts(void)
{
	struct dk_resolver_opts ro;
	struct dk_resolver *r;
	char err[128] = "";

	dk_resolver_opts_init(&ro, sizeof(ro));
	ro.server = "not an address";
	CHECK(dk_resolver_new(&r, &ro, err, sizeof(err)) == DK_EINVAL);
	CHECK(r == NULL && err[0] != '\0');
	ro.server = "127.0.0.1:53";
	CHECK(dk_resolver_new(&r, &ro, err, sizeof(err)) == DK_OK);
	CHECK(dk_resolver_timeout(r, 0) == -1 && dk_resolver_pending(r) == 0);
	dk_resolver_free(r);
	return 0;
}

/* The new reason words: tokens for A-R comments, and a sentence each. */
static int
t_reason_words(void)
{
	CHECK_STR("future", "future-timestamp",
	    dk_reason_str(DK_R_FUTURE_TIMESTAMP));
	CHECK_STR("small", "key-too-small", dk_reason_str(DK_R_KEY_TOO_SMALL));
	CHECK_STR("unsigned", "header-not-signed",
	    dk_reason_str(DK_R_HEADER_NOT_SIGNED));
	return 0;
}

/* A loopback UDP port with nothing behind it: bound, then closed. */
static int
closed_port(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int fd, port = -1;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_DGRAM, 0)) == -1)
		return -1;
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&sin, &len) == 0)
		port = ntohs(sin.sin_port);
	(void)close(fd);
	return port;
}

/*
 * What a front end checks its configuration with: authserv-ids, and
 * whether a key is published (a match, against a DNS server, is in
 * tests/cli/run.sh through the daemons' -n -n).
 */
static int
t_config_checks(void)
{
	struct dk_resolver_opts ro;
	struct dk_resolver *r;
	struct dk_key *key;
	struct dk_key_check kc[3];
	char server[32], longsel[300];
	int port;

	CHECK(dk_authserv_id_ok("mx.example.test"));
	CHECK(!dk_authserv_id_ok("mx example"));
	CHECK(!dk_authserv_id_ok("mx;example"));
	CHECK(!dk_authserv_id_ok(""));
	CHECK(!dk_authserv_id_ok(NULL));
	CHECK_STR("match", "match", dk_key_state_str(DK_KEY_MATCH));
	CHECK_STR("failed", "failed", dk_key_state_str(DK_KEY_LOOKUP_FAILED));
	CHECK((port = closed_port()) > 0);
	(void)snprintf(server, sizeof(server), "127.0.0.1:%d", port);
	dk_resolver_opts_init(&ro, sizeof(ro));
	ro.server = server;
	CHECK(dk_resolver_new(&r, &ro, NULL, 0) == DK_OK);
	CHECK(dk_key_generate(&key, DK_KEY_ED25519, 0) == DK_OK);
	memset(kc, 0, sizeof(kc));
	memset(longsel, 'a', sizeof(longsel) - 1);
	longsel[sizeof(longsel) - 1] = '\0';
	kc[0].key = kc[1].key = kc[2].key = key;
	kc[0].domain = kc[1].domain = kc[2].domain = "example.test";
	kc[0].selector = "s";
	kc[0].keyname = "k";
	kc[1].selector = longsel;	/* no DNS name can be that long */
	CHECK(dk_key_check_published(r, kc, 3) == DK_EINVAL);
	kc[2].selector = "t";
	CHECK(dk_key_check_published(r, kc, 3) == DK_OK);
	CHECK(kc[0].state == DK_KEY_LOOKUP_FAILED &&
	    kc[2].state == DK_KEY_LOOKUP_FAILED);
	CHECK(strstr(kc[0].detail, server) != NULL);
	CHECK(kc[1].state == DK_KEY_ABSENT);
	dk_key_free(key);
	dk_resolver_free(r);
	return 0;
}

/* What a canonicalizer gave: the parts, in order. */
struct canon_got {
	char	 header[OUT_MAX];
	char	 body[OUT_MAX];
	size_t	 hlen, blen;
	int	 ends;		/* DK_CANON_HEADER_END calls */
	int	 order_ok;	/* nothing of a part after the next one */
	int	 calls;
	int	 stop_at;	/* say stop at this call; 0: never */
};

static int
canon_collect(void *arg, enum dk_canon_part part, const void *buf,
    size_t len)
{
	struct canon_got *g = arg;

	if (g->stop_at > 0 && g->calls >= g->stop_at)
		g->order_ok = 0;	/* called after it said stop */
	g->calls++;
	if (part == DK_CANON_FIELD && g->ends == 0 &&
	    g->hlen + len < OUT_MAX) {
		memcpy(g->header + g->hlen, buf, len);
		g->hlen += len;
	} else if (part == DK_CANON_HEADER_END && buf == NULL && len == 0)
		g->ends++;
	else if (part == DK_CANON_BODY && g->ends == 1 &&
	    g->blen + len < OUT_MAX) {
		memcpy(g->body + g->blen, buf, len);
		g->blen += len;
	} else
		g->order_ok = 0;
	return g->calls == g->stop_at;
}

/* msg through a canonicalizer with o, in two writes split at cut. */
static enum dk_status
canon_run(struct dk_canon_opts *o, int lf, const char *msg, size_t cut,
    struct canon_got *g)
{
	struct dk_canonicalizer *c;
	enum dk_status st;

	memset(g, 0, sizeof(*g));
	g->order_ok = 1;
	o->out = canon_collect;
	o->arg = g;
	if ((st = dk_canonicalizer_new(&c, o, NULL, 0)) != DK_OK)
		return st;
	if (lf)
		st = dk_canonicalizer_accept_lf(c);
	if (st == DK_OK)
		st = dk_canonicalizer_write(c, msg, cut);
	if (st == DK_OK)
		st = dk_canonicalizer_write(c, msg + cut, strlen(msg) - cut);
	if (st == DK_OK)
		st = dk_canonicalizer_finish(c);
	dk_canonicalizer_free(c);
	return st;
}

/*
 * The canonicalizer gives what the signer hashes: the fields of the
 * default list or of h=, bottom-up, then the body; at every split.
 */
static int
t_canonicalizer(void)
{
	static const char msg[] = "From: Joe <joe@example.com>\r\n"
	    "To:  b@example.org \r\nSubject: hi\r\n\tthere\r\n"
	    "subject: again\r\n\r\nbody  x \r\n\r\n\r\n";
	static const char relaxed_h[] = "from:Joe <joe@example.com>\r\n"
	    "subject:again\r\nsubject:hi there\r\nto:b@example.org\r\n";
	static const char simple_h[] = "subject: again\r\nSubject: hi\r\n"
	    "\tthere\r\nFrom: Joe <joe@example.com>\r\n";
	static const char *const h[] = { "Subject", "subject", "subject",
	    "from", NULL };
	static const char *const bad_h[] = { "from", "a b", NULL };
	struct dk_canon_opts o;
	struct dk_canonicalizer *c;
	struct canon_got g;
	char err[128], lfmsg[sizeof(msg)];
	size_t cut, i, j;

	memset(&o, 0, sizeof(o));
	o.out = canon_collect;
	CHECK(dk_canonicalizer_new(&c, &o, err, sizeof(err)) == DK_EINVAL &&
	    c == NULL);
	CHECK(strstr(err, "dk_canon_opts_init") != NULL);
	dk_canon_opts_init(&o, sizeof(o));
	CHECK(dk_canonicalizer_new(&c, &o, NULL, 0) == DK_EINVAL);
	o.out = canon_collect;
	o.headers = bad_h;
	CHECK(dk_canonicalizer_new(&c, &o, err, sizeof(err)) == DK_EINVAL);
	CHECK(strstr(err, "a b") != NULL);
	o.headers = NULL;
	o.bcanon = (enum dk_canon)7;
	CHECK(dk_canonicalizer_new(&c, &o, NULL, 0) == DK_EINVAL);
	o.bcanon = DK_CANON_RELAXED;
	for (cut = 0; cut <= sizeof(msg) - 1; cut++) {
		CHECK(canon_run(&o, 0, msg, cut, &g) == DK_OK);
		CHECK(g.order_ok && g.ends == 1);
		CHECK_MEM("relaxed fields", relaxed_h, sizeof(relaxed_h) - 1,
		    g.header, g.hlen);
		CHECK_MEM("relaxed body", "body x\r\n", (size_t)8, g.body,
		    g.blen);
	}
	/* h= literally, bottom-up, a name with none left gives nothing */
	o.headers = h;
	o.hcanon = DK_CANON_SIMPLE;
	o.bcanon = DK_CANON_SIMPLE;
	CHECK(canon_run(&o, 0, msg, 0, &g) == DK_OK);
	CHECK_MEM("simple fields", simple_h, sizeof(simple_h) - 1, g.header,
	    g.hlen);
	CHECK_MEM("simple body", "body  x \r\n", (size_t)10, g.body, g.blen);
	/* bare LF, once asked for, is CRLF */
	for (i = j = 0; msg[i] != '\0'; i++)
		if (msg[i] != '\r')
			lfmsg[j++] = msg[i];
	lfmsg[j] = '\0';
	CHECK(canon_run(&o, 1, lfmsg, 3, &g) == DK_OK);
	CHECK(g.hlen == sizeof(simple_h) - 1 && g.blen == 10);
	/* a header block that is not one: an error, and no header part */
	o.headers = NULL;
	CHECK(canon_run(&o, 0, "From: a@b.c\r\nno colon\r\n\r\nx\r\n", 5,
	    &g) == DK_ESYNTAX);
	CHECK(g.ends == 0 && g.hlen == 0 && g.blen == 0);
	CHECK(canon_run(&o, 0, "From: a@b.c\r\nSubject: cut", 5, &g) ==
	    DK_ESYNTAX);
	CHECK(dk_canonicalizer_new(&c, &o, NULL, 0) == DK_OK);
	CHECK(dk_canonicalizer_write(c, "From: a\r\nx\r\n\r\n", 14) ==
	    DK_ESYNTAX);
	CHECK(strstr(dk_canonicalizer_errmsg(c), "header line 2") != NULL);
	CHECK(dk_canonicalizer_finish(c) == DK_ESTATE);
	dk_canonicalizer_free(c);
	/* a message of header fields only: its part comes at finish */
	CHECK(canon_run(&o, 0, "From: a@b.c\r\n", 4, &g) == DK_OK);
	CHECK(g.ends == 1 && g.hlen > 0 && g.blen == 2);
	CHECK(dk_canonicalizer_new(&c, &o, NULL, 0) == DK_OK);
	CHECK(dk_canonicalizer_write(c, "From: a\r\n", 9) == DK_OK);
	CHECK(dk_canonicalizer_accept_lf(c) == DK_ESTATE);
	CHECK(dk_canonicalizer_finish(c) == DK_OK);
	CHECK(dk_canonicalizer_finish(c) == DK_ESTATE);
	dk_canonicalizer_free(c);
	dk_canonicalizer_free(NULL);
	return 0;
}

/*
 * An output function that says stop (here at its 2nd call) stops the
 * canonicalizer: the write or finish that gave the output says
 * DK_ESTOPPED, the output function is not called again, and the handle
 * has failed for good, at every split.
 */
static int
t_canonicalizer_stop(void)
{
	static const char msg[] = "From: a@b.c\r\nTo: d@e.f\r\n\r\nbody\r\n";
	struct dk_canon_opts o;
	struct dk_canonicalizer *c;
	struct canon_got g;
	enum dk_status st;
	size_t cut;

	dk_canon_opts_init(&o, sizeof(o));
	for (cut = 0; cut <= sizeof(msg) - 1; cut++) {
		memset(&g, 0, sizeof(g));
		g.order_ok = 1;
		g.stop_at = 2;
		o.out = canon_collect;
		o.arg = &g;
		CHECK(dk_canonicalizer_new(&c, &o, NULL, 0) == DK_OK);
		if ((st = dk_canonicalizer_write(c, msg, cut)) == DK_OK)
			st = dk_canonicalizer_write(c, msg + cut,
			    sizeof(msg) - 1 - cut);
		CHECK(st == DK_ESTOPPED);
		CHECK_STR("stopped", "the output function stopped it",
		    dk_canonicalizer_errmsg(c));
		CHECK(dk_canonicalizer_write(c, "x", 1) == DK_ESTATE);
		CHECK(dk_canonicalizer_finish(c) == DK_ESTATE);
		CHECK_STR("still stopped", "the output function stopped it",
		    dk_canonicalizer_errmsg(c));
		CHECK(g.calls == 2 && g.order_ok && g.ends == 0);
		dk_canonicalizer_free(c);
	}
	/* the header part of a header-only message comes at finish */
	memset(&g, 0, sizeof(g));
	g.order_ok = 1;
	g.stop_at = 2;
	CHECK(dk_canonicalizer_new(&c, &o, NULL, 0) == DK_OK);
	CHECK(dk_canonicalizer_write(c, msg, 24) == DK_OK && g.calls == 0);
	CHECK(dk_canonicalizer_finish(c) == DK_ESTOPPED && g.calls == 2);
	CHECK(dk_canonicalizer_finish(c) == DK_ESTATE && g.calls == 2);
	dk_canonicalizer_free(c);
	CHECK_STR("status word", "stopped by the caller's output function",
	    dk_status_str(DK_ESTOPPED));
	return 0;
}

/* c= values, and the names a signer takes for d= and s=. */
static int
t_option_words(void)
{
	enum dk_canon hc = DK_CANON_DEFAULT, bc = DK_CANON_DEFAULT;

	CHECK(dk_canon_parse("relaxed", &hc, &bc) == DK_OK);
	CHECK(hc == DK_CANON_RELAXED && bc == DK_CANON_SIMPLE);
	CHECK(dk_canon_parse("Simple/RELAXED", &hc, &bc) == DK_OK);
	CHECK(hc == DK_CANON_SIMPLE && bc == DK_CANON_RELAXED);
	CHECK(dk_canon_parse("relaxed/", &hc, &bc) == DK_ESYNTAX);
	CHECK(dk_canon_parse("relaxed/nowsp", &hc, &bc) == DK_ESYNTAX);
	CHECK(hc == DK_CANON_SIMPLE && bc == DK_CANON_RELAXED);
	CHECK(dk_canon_parse(NULL, &hc, &bc) == DK_EINVAL);
	CHECK(dk_domain_ok("example.com") && dk_domain_ok("xn--bcher-kva.de"));
	CHECK(!dk_domain_ok("com") && !dk_domain_ok("a_b.example") &&
	    !dk_domain_ok("-a.example") && !dk_domain_ok(NULL));
	CHECK(dk_selector_ok("s") && dk_selector_ok("2026.jan"));
	CHECK(!dk_selector_ok("") && !dk_selector_ok("../x") &&
	    !dk_selector_ok(NULL));
	return 0;
}

/*
 * The zone file as a key source: lookups without case or final dot, a
 * verifier answered from it, and keys checked against it.
 */
static int
t_zone(void)
{
	struct dk_zone *z;
	struct dk_verifier *v;
	struct dk_verify_opts vo;
	struct dk_sign_opts so;
	struct dk_key_check kc[3];
	const char *const *txt;
	char *rec, text[OUT_MAX], err[128], signed_msg[OUT_MAX];
	size_t ntxt;

	CHECK(dk_zone_parse(&z, "a TXT \"x\" junk", 14, err, sizeof(err)) ==
	    DK_ESYNTAX && z == NULL);
	CHECK(strncmp(err, "line 1: ", 8) == 0);
	CHECK(dk_zone_parse(&z, "a FOO", 5, NULL, 0) == DK_ESYNTAX);
	CHECK((rec = dk_key_record(ed)) != NULL);
	(void)snprintf(text, sizeof(text), "# keys\n"
	    "S._domainkey.Example.COM. TXT \"%s\"\r\n"
	    "t._domainkey.example.com SERVFAIL\n", rec);
	dk_free_string(rec);
	CHECK(dk_zone_parse(&z, text, strlen(text), err, sizeof(err)) ==
	    DK_OK);
	CHECK(dk_zone_lookup(z, "s._domainkey.example.com", &txt, &ntxt) ==
	    DK_DNS_OK && ntxt == 1 && strncmp(txt[0], "v=DKIM1", 7) == 0);
	CHECK(dk_zone_lookup(z, "T._DOMAINKEY.example.com.", &txt, &ntxt) ==
	    DK_DNS_SERVFAIL && ntxt == 0);
	CHECK(dk_zone_lookup(z, "u._domainkey.example.com", &txt, &ntxt) ==
	    DK_DNS_NXDOMAIN && txt == NULL && ntxt == 0);
	sopts(&so, ed);
	CHECK(sign(&so, MSG, signed_msg) == DK_OK);
	vopts(&vo);
	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_write(v, signed_msg, strlen(signed_msg)) == DK_OK);
	CHECK(dk_zone_answer_verifier(z, v) == DK_OK);
	CHECK(dk_verifier_finish(v) == DK_OK);
	CHECK(dk_verifier_result(v, 0)->outcome == DK_PASS);
	dk_verifier_free(v);
	memset(kc, 0, sizeof(kc));
	kc[0].key = kc[1].key = kc[2].key = ed;
	kc[0].domain = kc[1].domain = kc[2].domain = "example.com";
	kc[0].selector = "s";
	kc[0].keyname = "ed.key";
	kc[1].selector = "t";
	CHECK(dk_key_check_zone(z, kc, 3) == DK_EINVAL);
	kc[2].selector = "u";
	CHECK(dk_key_check_zone(NULL, kc, 3) == DK_EINVAL);
	CHECK(dk_key_check_zone(z, kc, 3) == DK_OK);
	CHECK(kc[0].state == DK_KEY_MATCH && strstr(kc[0].detail, "ed.key"));
	CHECK(kc[1].state == DK_KEY_LOOKUP_FAILED);
	CHECK_STR("servfail", "dns-servfail", kc[1].detail);
	CHECK(kc[2].state == DK_KEY_ABSENT);
	kc[0].key = rsa1024;
	CHECK(dk_key_check_zone(z, kc, 1) == DK_OK &&
	    kc[0].state == DK_KEY_DIFFERENT);
	dk_zone_free(z);
	dk_zone_free(NULL);
	return 0;
}

static const struct test_case cases[] = {
	{ "api:config-checks", t_config_checks },
	{ "api:reason-words", t_reason_words },
	{ "api:opts-size", t_opts_size },
	{ "api:safe-defaults", t_safe_defaults },
	{ "api:keys-after-header", t_keys_after_header },
	{ "api:from", t_from },
	{ "api:authres-ours", t_authres_ours },
	{ "api:lf-input", t_lf_input },
	{ "api:min-bits-detail", t_min_bits_detail },
	{ "api:clock-drift", t_clock_drift },
	{ "api:signed-headers", t_signed_headers },
	{ "api:resolver-opts", t_resolver_opts },
	{ "api:canonicalizer", t_canonicalizer },
	{ "api:canonicalizer-stop", t_canonicalizer_stop },
	{ "api:option-words", t_option_words },
	{ "api:zone", t_zone },
};

int
main(int argc, char **argv)
{
	int rc;

	if (dk_key_generate(&ed, DK_KEY_ED25519, 0) != DK_OK ||
	    dk_key_generate(&rsa1024, DK_KEY_RSA, 1024) != DK_OK) {
		printf("FAIL api:keys: cannot generate\n");
		return 1;
	}
	rc = test_main(argc, argv, cases, NCASES(cases));
	dk_key_free(ed);
	dk_key_free(rsa1024);
	return rc;
}
