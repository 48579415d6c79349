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

static void
sign_opts(struct dk_sign_opts *o, const char *sel, const struct dk_key *k)
{
	memset(o, 0, sizeof(*o));
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
	struct dk_verify_opts vo = { NOW, 1, "test" };
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

/* More fields to sign than h= can list: refused, never cut. */
static int
t_hlist_too_long(void)
{
	struct dk_sign_opts o;
	struct dk_key *k;
	char *msg, field[64];
	size_t i, len = 0;

	CHECK((k = new_key()) != NULL && (msg = malloc(MSG_MAX)) != NULL);
	for (i = 0; i < 70; i++)
		len += (size_t)snprintf(msg + len, MSG_MAX - len,
		    "To: u%zu@example.org\r\n", i);
	snprintf(msg + len, MSG_MAX - len, "From: a@example.com\r\n\r\n");
	sign_opts(&o, "ed", k);
	CHECK(sign_msg(&o, 1, msg, strlen(msg), 0, field, sizeof(field)) ==
	    DK_ELIMIT);
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

/* Past DK_SIGS_MAX, one result stands for the rest. */
static int
t_too_many_signatures(void)
{
	struct dk_verify_opts vo = { NOW, 1, "test" };
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
	CHECK(dk_verifier_finish(v) == DK_OK);
	CHECK(dk_verifier_nresults(v) == DK_SIGS_MAX + 1);
	r = dk_verifier_result(v, DK_SIGS_MAX);
	CHECK(r->outcome == DK_PERMERROR &&
	    r->reason == DK_R_TOO_MANY_SIGNATURES);
	CHECK(strlen(dk_verifier_authres(v)) < 2048);
	dk_verifier_free(v);
	free(msg);
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
	struct dk_verify_opts vo = { NOW, 1, "test" };
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
	{ "sign_hlist_too_long", t_hlist_too_long },
	{ "verify_key_rotation", t_rotation },
	{ "verify_dnssec_comment", t_dnssec_comment },
	{ "verify_too_many_signatures", t_too_many_signatures },
	{ "verify_header_only", t_header_only },
	{ "verify_call_order", t_call_order },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
