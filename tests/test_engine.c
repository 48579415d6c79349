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
 * The signer and verifier state machines through the public API: keys
 * made here, answers given by hand, the clock fixed.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dkimkit.h"
#include "testlib.h"

#define NOW	1700000000
#define MSG	"From: a@example.com\r\nTo: b@example.org\r\n" \
		"Subject: hi\r\n\r\nbody\r\n"
#define MSG_MAX	(64 * 1024)

static struct dk_key *
new_key(void)
{
	struct dk_key *k;

	return dk_key_generate(&k, DK_KEY_ED25519, 0) == DK_OK ? k : NULL;
}

/* The verifier options these tests use: the defaults at time NOW. */
static struct dk_verify_opts
verify_opts(void)
{
	struct dk_verify_opts vo;

	dk_verify_opts_init(&vo, sizeof(vo));
	vo.now = NOW;
	vo.authserv_id = "test";
	return vo;
}

static void
sign_opts(struct dk_sign_opts *o, const char *sel, const struct dk_key *k)
{
	dk_sign_opts_init(o, sizeof(*o));
	o->domain = "example.com";
	o->selector = sel;
	o->key = k;
	o->timestamp = NOW;
}

/* Sign msg[0..len) in chunks of step bytes (0: whole); out gets the field. */
static enum dk_status
sign_msg(const struct dk_sign_opts *o, size_t nopts, const char *msg,
    size_t len, size_t step, char *out, size_t cap)
{
	struct dk_signer *s;
	enum dk_status st;
	size_t i, n;

	if ((st = dk_signer_new(&s, o, nopts)) != DK_OK)
		return st;
	for (i = 0; i < len && st == DK_OK; i += n) {
		n = step == 0 || step > len - i ? len - i : step;
		st = dk_signer_write(s, msg + i, n);
	}
	if (st == DK_OK && (st = dk_signer_finish(s)) == DK_OK)
		snprintf(out, cap, "%s", dk_signer_field(s, 0));
	dk_signer_free(s);
	return st;
}

/*
 * Verify msg, answering every query with recs[0..nrec) (or rcode), and
 * return the Authentication-Results field in out.
 */
static enum dk_status
verify_msg(const char *msg, const char *const *recs, size_t nrec,
    enum dk_dns_rcode rcode, int dnssec, char *out, size_t cap)
{
	struct dk_verify_opts vo = verify_opts();
	struct dk_verifier *v;
	const char *q;
	enum dk_status st;

	if ((st = dk_verifier_new(&v, &vo)) != DK_OK)
		return st;
	st = dk_verifier_write(v, msg, strlen(msg));
	if (st == DK_OK)
		st = dk_verifier_end(v);
	while (st == DK_OK && (q = dk_verifier_next_query(v)) != NULL) {
		st = dk_verifier_answer(v, q, rcode, recs, nrec);
		if (st == DK_OK && dnssec)
			st = dk_verifier_key_dnssec(v, q);
	}
	if (st == DK_OK)
		st = dk_verifier_finish(v);
	if (st == DK_OK)
		snprintf(out, cap, "%s", dk_verifier_authres(v));
	dk_verifier_free(v);
	return st;
}

/* field CRLF msg, in a new buffer */
static char *
prepend(const char *field, const char *msg)
{
	char *p;

	if ((p = malloc(strlen(field) + strlen(msg) + 3)) != NULL)
		sprintf(p, "%s\r\n%s", field, msg);
	return p;
}

static int
t_split_every_offset(void)
{
	struct dk_sign_opts o;
	struct dk_key *k;
	char whole[4096], part[4096];
	size_t step;

	CHECK((k = new_key()) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, MSG, strlen(MSG), 0, whole, sizeof(whole)) ==
	    DK_OK);
	for (step = 1; step <= strlen(MSG); step++) {
		CHECK(sign_msg(&o, 1, MSG, strlen(MSG), step, part,
		    sizeof(part)) == DK_OK);
		CHECK_STR("field", whole, part);
	}
	dk_key_free(k);
	return 0;
}

static int
t_refused_opts(void)
{
	static const char *const no_from[] = { "to", "subject", NULL };
	struct dk_sign_opts o;
	struct dk_signer *s;
	struct dk_key *k;

	CHECK((k = new_key()) != NULL);
	sign_opts(&o, "my_sel", k);
	CHECK(dk_signer_new(&s, &o, 1) == DK_EINVAL && s == NULL);
	sign_opts(&o, "ed", k);
	o.domain = "com";
	CHECK(dk_signer_new(&s, &o, 1) == DK_EINVAL);
	sign_opts(&o, "ed", k);
	o.bcanon = (enum dk_canon)7;
	CHECK(dk_signer_new(&s, &o, 1) == DK_EINVAL);
	sign_opts(&o, "ed", k);
	o.timestamp = DK_TIME_MAX;
	o.expire_after = 10;
	CHECK(dk_signer_new(&s, &o, 1) == DK_EINVAL);
	sign_opts(&o, "ed", k);
	o.headers = no_from;
	CHECK(dk_signer_new(&s, &o, 1) == DK_EINVAL);
	sign_opts(&o, "ed", k);
	o.auid = "a@example.org";
	CHECK(dk_signer_new(&s, &o, 1) == DK_EINVAL);
	o.auid = "a@sub.example.com";
	CHECK(dk_signer_new(&s, &o, 1) == DK_OK);
	dk_signer_free(s);
	dk_key_free(k);
	return 0;
}

/*
 * x= = t= + expire_after must fit in 12 digits with the default t=, the
 * clock, too: refused by the check, and at finish once the clock has
 * moved past what the check allowed.
 */
static int
t_x_digits_clock(void)
{
	struct dk_sign_opts o;
	struct dk_signer *s;
	struct dk_key *k;
	char err[256];
	time_t t0;
	enum dk_status st;

	CHECK((k = new_key()) != NULL);
	sign_opts(&o, "ed", k);
	o.timestamp = DK_TIME_NOW;
	o.expire_after = DK_TIME_MAX - 1000;
	CHECK(dk_sign_opts_check(&o, err, sizeof(err)) == DK_EINVAL);
	CHECK(strstr(err, "12 digits") != NULL);
	CHECK(dk_signer_new(&s, &o, 1) == DK_EINVAL && s == NULL);
	/* exactly DK_TIME_MAX now; one second later, one past it */
	do {
		t0 = time(NULL);
		o.expire_after = DK_TIME_MAX - (int64_t)t0;
		st = dk_signer_new(&s, &o, 1);
	} while (st == DK_EINVAL && time(NULL) != t0);
	CHECK(st == DK_OK);
	CHECK(dk_signer_write(s, MSG, strlen(MSG)) == DK_OK);
	while (time(NULL) == t0)
		(void)nanosleep(&(struct timespec){ 0, 50 * 1000 * 1000 },
		    NULL);
	CHECK(dk_signer_finish(s) == DK_EINVAL);
	CHECK(dk_signer_field(s, 0) == NULL);
	CHECK(strstr(dk_signer_errmsg(s), "12 digits") != NULL);
	dk_signer_free(s);
	dk_key_free(k);
	return 0;
}

/* A header block past DK_HEADER_MAX: DK_ELIMIT, and the bound named. */
static int
t_header_limit(void)
{
	struct dk_sign_opts o;
	struct dk_signer *s;
	struct dk_verifier *v;
	struct dk_verify_opts vo = verify_opts();
	struct dk_key *k;
	char *big, want[64];
	size_t i, len = DK_HEADER_MAX + 100;

	CHECK((big = malloc(len)) != NULL);
	for (i = 0; i < len; i++)
		big[i] = i % 64 == 62 ? '\r' : i % 64 == 63 ? '\n' : 'x';
	memcpy(big, "X-A:", 4);
	for (i = 64; i < len; i += 64)
		big[i] = ' ';		/* folded: one long field */
	snprintf(want, sizeof(want), "larger than %d bytes", DK_HEADER_MAX);
	CHECK((k = new_key()) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(dk_signer_new(&s, &o, 1) == DK_OK);
	CHECK(dk_signer_write(s, big, len) == DK_ELIMIT);
	CHECK(strstr(dk_signer_errmsg(s), want) != NULL);
	dk_signer_free(s);
	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_write(v, big, len) == DK_ELIMIT);
	CHECK(strstr(dk_verifier_errmsg(v), want) != NULL);
	dk_verifier_free(v);
	dk_key_free(k);
	free(big);
	return 0;
}

/* How many names of field's h= are name (the field unfolded). */
static size_t
h_count(const char *field, const char *name)
{
	char flat[8192], *p, *item, *last;
	size_t n = 0, o = 0;

	for (; *field != '\0' && o < sizeof(flat) - 1; field++)
		if (strchr(" \t\r\n", *field) == NULL)
			flat[o++] = *field;
	flat[o] = '\0';
	if ((p = strstr(flat, ";h=")) == NULL)
		return 0;
	p += 3;
	p[strcspn(p, ";")] = '\0';
	for (item = strtok_r(p, ":", &last); item != NULL;
	    item = strtok_r(NULL, ":", &last))
		n += strcmp(item, name) == 0;
	return n;
}

/*
 * More fields to sign than the default list may hold: cut, not refused.
 * 70 To fields: from:from, reply-to, subject, cc and 59 To (the cap of
 * 58, plus one for oversigning) make 64.
 */
static int
t_hlist_cut(void)
{
	struct dk_sign_opts o;
	struct dk_key *k;
	char *msg, *signed_msg, field[8192], ar[4096];
	const char *rec;
	size_t i, len = 0;

	CHECK((k = new_key()) != NULL && (msg = malloc(MSG_MAX)) != NULL);
	for (i = 0; i < 70; i++)
		len += (size_t)snprintf(msg + len, MSG_MAX - len,
		    "To: u%zu@example.org\r\n", i);
	snprintf(msg + len, MSG_MAX - len, "From: a@example.com\r\n\r\nhi\r\n");
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, msg, strlen(msg), 0, field, sizeof(field)) ==
	    DK_OK);
	CHECK(h_count(field, "to") == 59);
	CHECK(h_count(field, "from") == 2);
	CHECK(h_count(field, "cc") == 1);
	CHECK((signed_msg = prepend(field, msg)) != NULL);
	CHECK((rec = dk_key_record(k)) != NULL);
	CHECK(verify_msg(signed_msg, &rec, 1, DK_DNS_OK, 0, ar, sizeof(ar)) ==
	    DK_OK);
	CHECK(strstr(ar, "dkim=pass") != NULL);
	dk_free_string((char *)(uintptr_t)rec);
	free(signed_msg);
	free(msg);
	dk_key_free(k);
	return 0;
}

/* Two records at one name, the right key second (a rotation). */
static int
t_rotation(void)
{
	struct dk_sign_opts o;
	struct dk_key *k, *other;
	char field[4096], ar[4096], *msg;
	const char *recs[2];

	CHECK((k = new_key()) != NULL && (other = new_key()) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, MSG, strlen(MSG), 0, field, sizeof(field)) ==
	    DK_OK);
	CHECK((msg = prepend(field, MSG)) != NULL);
	CHECK((recs[0] = dk_key_record(other)) != NULL);
	CHECK((recs[1] = dk_key_record(k)) != NULL);
	CHECK(verify_msg(msg, recs, 2, DK_DNS_OK, 0, ar, sizeof(ar)) ==
	    DK_OK);
	CHECK(strstr(ar, "dkim=pass") != NULL);
	CHECK(verify_msg(msg, recs, 1, DK_DNS_OK, 0, ar, sizeof(ar)) ==
	    DK_OK);
	CHECK(strstr(ar, "dkim=fail (signature-mismatch)") != NULL);
	dk_free_string((char *)(uintptr_t)recs[0]);
	dk_free_string((char *)(uintptr_t)recs[1]);
	free(msg);
	dk_key_free(k);
	dk_key_free(other);
	return 0;
}

static int
t_dnssec_comment(void)
{
	struct dk_sign_opts o;
	struct dk_key *k;
	char field[4096], ar[4096], *msg;
	const char *rec;

	CHECK((k = new_key()) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, MSG, strlen(MSG), 0, field, sizeof(field)) ==
	    DK_OK);
	CHECK((msg = prepend(field, MSG)) != NULL);
	CHECK((rec = dk_key_record(k)) != NULL);
	CHECK(verify_msg(msg, &rec, 1, DK_DNS_OK, 1, ar, sizeof(ar)) ==
	    DK_OK);
	CHECK(strstr(ar, "dkim=pass (dnssec) header.d=example.com") != NULL);
	CHECK(verify_msg(msg, &rec, 1, DK_DNS_OK, 0, ar, sizeof(ar)) ==
	    DK_OK);
	CHECK(strstr(ar, "dkim=pass header.d=example.com") != NULL);
	dk_free_string((char *)(uintptr_t)rec);
	free(msg);
	dk_key_free(k);
	return 0;
}

/*
 * A message of junk fields only: one result each up to DK_RESULTS_MAX,
 * then one neutral (too-many-signatures) for the rest, and a bounded
 * Authentication-Results.
 */
static int
t_results_bound(void)
{
	struct dk_verify_opts vo = verify_opts();
	struct dk_verifier *v;
	const struct dk_result *r;
	char *msg;
	size_t i, len = 0;

	CHECK((msg = malloc(MSG_MAX)) != NULL);
	for (i = 0; i < 500; i++)
		len += (size_t)snprintf(msg + len, MSG_MAX - len,
		    "DKIM-Signature: v=1\r\n");
	snprintf(msg + len, MSG_MAX - len, "%s", MSG);
	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_write(v, msg, strlen(msg)) == DK_OK);
	CHECK(dk_verifier_next_query(v) == NULL);
	CHECK(dk_verifier_finish(v) == DK_OK);
	CHECK(dk_verifier_nresults(v) == DK_RESULTS_MAX + 1);
	r = dk_verifier_result(v, 0);
	CHECK(r->outcome == DK_PERMERROR && r->reason == DK_R_SIG_MISSING_TAG);
	r = dk_verifier_result(v, DK_RESULTS_MAX);
	CHECK(r->outcome == DK_NEUTRAL &&
	    r->reason == DK_R_TOO_MANY_SIGNATURES);
	CHECK(strlen(dk_verifier_authres(v)) < 8192);
	dk_verifier_free(v);
	free(msg);
	return 0;
}

#define JUNK_N		200
#define JUNK_MSG_MAX	(512 * 1024)
#define JUNK_HEAD	"DKIM-Signature: v=1; a=ed25519-sha256; d=example.com; "
#define JUNK_BH		"bh=2jmj7l5rSw0yVb/vlWAYkK/YBwk=AAAAAAAAAAAAAAAAAAAAAAAA;"
#define JUNK_B		" h=from; b=dGVzdA==\r\n"

/*
 * Fields that fail without a key, one kind per entry, with the field's
 * number between the two parts: none may count toward DK_KEY_CHECKS_MAX.
 */
static const char *const junk_kinds[][2] = {
	{ "DKIM-Signature: v=1; junk ", "\r\n" },
	{ "DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s", "; h=from; "
	    "bh=AAAA; b=AAAA\r\n" },
	{ "DKIM-Signature: v=1; a=ed25519-sha256; d=-x.example; s=s",
	    "; h=from; bh=AAAA; b=AAAA\r\n" },
	{ JUNK_HEAD "s=wrong-bh-", "; " JUNK_BH JUNK_B },
	{ JUNK_HEAD "s=ed; l=", "; " JUNK_BH JUNK_B },
	{ JUNK_HEAD "s=ed; c=simple/simple; l=", "; " JUNK_BH JUNK_B },
	{ JUNK_HEAD "s=ed; c=relaxed/relaxed; l=1", "; " JUNK_BH JUNK_B },
	{ JUNK_HEAD "s=ed; l=99999", "; " JUNK_BH JUNK_B },
	{ JUNK_HEAD "s=ed; t=1; x=", "; " JUNK_BH JUNK_B },
	{ "DKIM-Signature: v=1; a=rsa-sha1; d=example.com; s=r", "; "
	    JUNK_BH JUNK_B },
};

/*
 * 200 fields of each cheap kind above a valid signature: it still
 * passes, and no more than DK_QUERIES_MAX keys are asked for.
 */
static int
t_junk_above_valid(void)
{
	struct dk_verify_opts vo = verify_opts();
	struct dk_sign_opts o;
	struct dk_verifier *v;
	struct dk_key *k;
	const struct dk_result *r;
	char field[4096], *msg;
	const char *rec, *q;
	size_t kind, i, len, nq, npass;

	CHECK((k = new_key()) != NULL);
	CHECK((rec = dk_key_record(k)) != NULL);
	CHECK((msg = malloc(JUNK_MSG_MAX)) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, MSG, strlen(MSG), 0, field, sizeof(field)) ==
	    DK_OK);
	for (kind = 0; kind < NCASES(junk_kinds); kind++) {
		len = 0;
		for (i = 0; i < JUNK_N; i++)
			len += (size_t)snprintf(msg + len, JUNK_MSG_MAX - len,
			    "%s%zu%s", junk_kinds[kind][0], i,
			    junk_kinds[kind][1]);
		snprintf(msg + len, JUNK_MSG_MAX - len, "%s\r\n%s", field,
		    MSG);
		CHECK(dk_verifier_new(&v, &vo) == DK_OK);
		CHECK(dk_verifier_write(v, msg, strlen(msg)) == DK_OK);
		CHECK(dk_verifier_end(v) == DK_OK);
		for (nq = 0; (q = dk_verifier_next_query(v)) != NULL; nq++)
			CHECK(dk_verifier_answer(v, q, DK_DNS_OK, &rec, 1) ==
			    DK_OK);
		CHECK(nq <= DK_QUERIES_MAX);
		CHECK(dk_verifier_finish(v) == DK_OK);
		CHECK(dk_verifier_nresults(v) == DK_RESULTS_MAX + 1);
		for (i = npass = 0; i < DK_RESULTS_MAX; i++) {
			r = dk_verifier_result(v, i);
			npass += r->outcome == DK_PASS;
			if (r->outcome != DK_PASS && r->outcome != DK_FAIL &&
			    r->outcome != DK_PERMERROR)
				return test_fail(__FILE__, __LINE__, "kind %zu:"
				    " result %zu is %s", kind, i,
				    dk_outcome_str(r->outcome));
		}
		if (npass != 1)
			return test_fail(__FILE__, __LINE__, "kind %zu: %zu "
			    "passes", kind, npass);
		dk_verifier_free(v);
	}
	dk_free_string((char *)(uintptr_t)rec);
	free(msg);
	dk_key_free(k);
	return 0;
}

/*
 * Signatures that need their key do count: with DK_KEY_CHECKS_MAX + 4
 * copies of a signature with a bad b= above the good one, the first
 * DK_KEY_CHECKS_MAX fail, and the rest, the good one too, are neutral
 * (not-evaluated): never fail or permerror.
 */
static int
t_not_evaluated(void)
{
	struct dk_sign_opts o;
	struct dk_key *k;
	char field[4096], bad[4096], ar[8192], *msg, *p;
	const char *rec;
	size_t i, len = 0;

	CHECK((k = new_key()) != NULL);
	CHECK((rec = dk_key_record(k)) != NULL);
	CHECK((msg = malloc(JUNK_MSG_MAX)) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, MSG, strlen(MSG), 0, field, sizeof(field)) ==
	    DK_OK);
	snprintf(bad, sizeof(bad), "%s", field);
	CHECK((p = strstr(bad, " b=")) != NULL);
	p[3] = p[3] == 'A' ? 'B' : 'A';
	for (i = 0; i < DK_KEY_CHECKS_MAX + 4; i++)
		len += (size_t)snprintf(msg + len, JUNK_MSG_MAX - len,
		    "%s\r\n", bad);
	snprintf(msg + len, JUNK_MSG_MAX - len, "%s\r\n%s", field, MSG);
	CHECK(verify_msg(msg, &rec, 1, DK_DNS_OK, 0, ar, sizeof(ar)) ==
	    DK_OK);
	p = ar;
	for (i = 0; i < DK_KEY_CHECKS_MAX; i++, p++)
		CHECK((p = strstr(p, "dkim=fail (signature-mismatch)")) !=
		    NULL);
	for (i = 0; i < 5; i++, p++)
		CHECK((p = strstr(p, "dkim=neutral (not-evaluated)")) !=
		    NULL);
	CHECK(strstr(ar, "dkim=pass") == NULL &&
	    strstr(ar, "permerror") == NULL);
	dk_free_string((char *)(uintptr_t)rec);
	free(msg);
	dk_key_free(k);
	return 0;
}

/*
 * Past DK_RESULTS_MAX, the result that stands for the fields left out
 * says not-evaluated when one of them was not checked: here the good
 * signature, under 100 copies with a bad b=.
 */
static int
t_summary_not_evaluated(void)
{
	struct dk_sign_opts o;
	struct dk_key *k;
	char field[4096], bad[4096], *ar, *msg, *p;
	const char *rec;
	size_t i, len = 0;

	CHECK((k = new_key()) != NULL);
	CHECK((rec = dk_key_record(k)) != NULL);
	CHECK((msg = malloc(JUNK_MSG_MAX)) != NULL &&
	    (ar = malloc(JUNK_MSG_MAX)) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, MSG, strlen(MSG), 0, field, sizeof(field)) ==
	    DK_OK);
	snprintf(bad, sizeof(bad), "%s", field);
	CHECK((p = strstr(bad, " b=")) != NULL);
	p[3] = p[3] == 'A' ? 'B' : 'A';
	for (i = 0; i < 100; i++)
		len += (size_t)snprintf(msg + len, JUNK_MSG_MAX - len,
		    "%s\r\n", bad);
	snprintf(msg + len, JUNK_MSG_MAX - len, "%s\r\n%s", field, MSG);
	CHECK(verify_msg(msg, &rec, 1, DK_DNS_OK, 0, ar, JUNK_MSG_MAX) ==
	    DK_OK);
	CHECK((p = strrchr(ar, ';')) != NULL &&
	    strcmp(p, ";\r\n\tdkim=neutral (not-evaluated)") == 0);
	free(ar);
	dk_free_string((char *)(uintptr_t)rec);
	free(msg);
	dk_key_free(k);
	return 0;
}

/* key_checks_max lowers the bound: a second good copy is not evaluated. */
static int
t_key_checks_option(void)
{
	struct dk_verify_opts vo = verify_opts();
	struct dk_sign_opts o;
	struct dk_verifier *v;
	struct dk_key *k;
	char field[4096], *once, *twice;
	const char *rec, *q;

	vo.key_checks_max = 1;
	CHECK((k = new_key()) != NULL);
	CHECK((rec = dk_key_record(k)) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, MSG, strlen(MSG), 0, field, sizeof(field)) ==
	    DK_OK);
	CHECK((once = prepend(field, MSG)) != NULL);
	CHECK((twice = prepend(field, once)) != NULL);
	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_write(v, twice, strlen(twice)) == DK_OK);
	CHECK(dk_verifier_end(v) == DK_OK);
	while ((q = dk_verifier_next_query(v)) != NULL)
		CHECK(dk_verifier_answer(v, q, DK_DNS_OK, &rec, 1) == DK_OK);
	CHECK(dk_verifier_finish(v) == DK_OK);
	CHECK(dk_verifier_nresults(v) == 2);
	CHECK(dk_verifier_result(v, 0)->outcome == DK_PASS);
	CHECK(dk_verifier_result(v, 1)->outcome == DK_NEUTRAL &&
	    dk_verifier_result(v, 1)->reason == DK_R_NOT_EVALUATED);
	dk_verifier_free(v);
	dk_free_string((char *)(uintptr_t)rec);
	free(twice);
	free(once);
	dk_key_free(k);
	return 0;
}

/* An RSA record for an Ed25519 signature: a mismatch, not unsupported. */
static int
t_key_type_mismatch(void)
{
	struct dk_sign_opts o;
	struct dk_key *k, *rsa;
	char field[4096], ar[4096], *msg;
	const char *rec;

	CHECK((k = new_key()) != NULL);
	CHECK(dk_key_generate(&rsa, DK_KEY_RSA, 1024) == DK_OK);
	CHECK((rec = dk_key_record(rsa)) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, MSG, strlen(MSG), 0, field, sizeof(field)) ==
	    DK_OK);
	CHECK((msg = prepend(field, MSG)) != NULL);
	CHECK(verify_msg(msg, &rec, 1, DK_DNS_OK, 0, ar, sizeof(ar)) ==
	    DK_OK);
	CHECK(strstr(ar, "dkim=permerror (key-type-mismatch)") != NULL);
	dk_free_string((char *)(uintptr_t)rec);
	free(msg);
	dk_key_free(rsa);
	dk_key_free(k);
	return 0;
}

/* Header fields only, no empty line: the queries come at the end. */
static int
t_header_only(void)
{
	struct dk_sign_opts o;
	struct dk_key *k;
	char field[4096], ar[4096], *msg;
	const char *rec;
	static const char hdr[] = "From: a@example.com\r\nTo: b@x.org\r\n";

	CHECK((k = new_key()) != NULL);
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, hdr, strlen(hdr), 0, field, sizeof(field)) ==
	    DK_OK);
	CHECK((msg = prepend(field, hdr)) != NULL);
	CHECK((rec = dk_key_record(k)) != NULL);
	CHECK(verify_msg(msg, &rec, 1, DK_DNS_OK, 0, ar, sizeof(ar)) ==
	    DK_OK);
	CHECK(strstr(ar, "dkim=pass") != NULL);
	dk_free_string((char *)(uintptr_t)rec);
	free(msg);
	dk_key_free(k);
	return 0;
}

/* Calls out of order are refused, and the handle stays freeable. */
static int
t_call_order(void)
{
	struct dk_verify_opts vo = verify_opts();
	struct dk_verifier *v;

	CHECK(dk_verifier_new(&v, &vo) == DK_OK);
	CHECK(dk_verifier_write(v, MSG, strlen(MSG)) == DK_OK);
	CHECK(dk_verifier_answer(v, "x._domainkey.example.com", DK_DNS_OK,
	    NULL, 0) == DK_EINVAL);
	CHECK(dk_verifier_key_dnssec(v, "nothing.asked") == DK_EINVAL);
	CHECK(dk_verifier_end(v) == DK_OK);
	CHECK(dk_verifier_write(v, "x", 1) == DK_ESTATE);
	CHECK(dk_verifier_finish(v) == DK_OK);
	CHECK(dk_verifier_finish(v) == DK_ESTATE);
	dk_verifier_free(v);
	vo.authserv_id = "bad;id";
	CHECK(dk_verifier_new(&v, &vo) == DK_EINVAL && v == NULL);
	dk_verifier_free(NULL);
	dk_signer_free(NULL);
	return 0;
}

static const struct test_case cases[] = {
	{ "sign_split_every_offset", t_split_every_offset },
	{ "sign_refused_opts", t_refused_opts },
	{ "sign_x_digits_clock", t_x_digits_clock },
	{ "header_limit", t_header_limit },
	{ "sign_hlist_cut", t_hlist_cut },
	{ "verify_key_rotation", t_rotation },
	{ "verify_dnssec_comment", t_dnssec_comment },
	{ "verify_results_bound", t_results_bound },
	{ "verify_junk_above_valid", t_junk_above_valid },
	{ "verify_not_evaluated", t_not_evaluated },
	{ "verify_summary_not_evaluated", t_summary_not_evaluated },
	{ "verify_key_checks_option", t_key_checks_option },
	{ "verify_key_type_mismatch", t_key_type_mismatch },
	{ "verify_header_only", t_header_only },
	{ "verify_call_order", t_call_order },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
