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
 * Authentication-Results formatting (dk_authres_format, RFC 8601,
 * RFC 6008), authserv-id checks, and the result words (result.c). The
 * hostile cases prove, with a small RFC 8601 scanner, that no value can
 * add a result, open a comment or break the field.
 */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/dkim/dkim.h"
#include "testlib.h"

#define LINE_MAX_OCTETS	998	/* RFC 5322 §2.1.1 */
#define PREFIX		"Authentication-Results: "

static int
is_reason_word(const char *p, size_t len)
{
	int r;

	for (r = 0; r <= DK_R_MULTIPLE_FROM; r++)
		if (strlen(dk_reason_str((enum dk_reason)r)) == len &&
		    memcmp(dk_reason_str((enum dk_reason)r), p, len) == 0)
			return 1;
	return 0;
}

/*
 * Walk the field as an RFC 8601 parser would: quoted-strings (with
 * quoted-pairs) and comments skipped, ";" and "dkim=" counted outside
 * them. Lines may break only as CRLF TAB and stay under 998 octets;
 * every other octet is printable ASCII; a comment holds a reason word.
 */
static int
scan(const char *s, const char *id, size_t nresults)
{
	const char *p, *cstart = NULL, *line = s;
	size_t semis = 0, dkims = 0;
	int quoted = 0;

	CHECK(strncmp(s, PREFIX, strlen(PREFIX)) == 0);
	p = s + strlen(PREFIX);
	CHECK(strncmp(p, id, strlen(id)) == 0 && p[strlen(id)] == ';');
	for (; *p != '\0'; p++) {
		if (*p == '\r') {
			CHECK(p[1] == '\n' && p[2] == '\t');
			CHECK((size_t)(p - line) < LINE_MAX_OCTETS);
			line = p + 2;
			p += 2;
			continue;
		}
		CHECK(*p >= 0x20 && *p <= 0x7e);
		if (quoted) {
			if (*p == '\\') {
				p++;
				CHECK(*p >= 0x20 && *p <= 0x7e);
			} else if (*p == '"')
				quoted = 0;
			continue;
		}
		if (cstart != NULL) {
			CHECK(*p != '(');
			if (*p == ')') {
				CHECK(is_reason_word(cstart, (size_t)(p -
				    cstart)));
				cstart = NULL;
			}
			continue;
		}
		if (*p == '"')
			quoted = 1;
		else if (*p == '(')
			cstart = p + 1;
		else if (*p == ';')
			semis++;
		else if (strncmp(p, "dkim=", 5) == 0 &&
		    (p[-1] == ' ' || p[-1] == '\t'))
			dkims++;
	}
	CHECK((size_t)(p - line) < LINE_MAX_OCTETS);
	CHECK(!quoted && cstart == NULL);
	CHECK(semis == (nresults ? nresults : 1));
	CHECK(dkims == (nresults ? nresults : 1));
	return 0;
}

static struct dk_result
mkres(enum dk_outcome o, enum dk_reason r, const char *d, const char *s,
    const char *a, const char *b)
{
	struct dk_result res;

	memset(&res, 0, sizeof(res));
	res.outcome = o;
	res.reason = r;
	res.domain = d;
	res.selector = s;
	res.algorithm = a;
	res.auid = "@x";
	res.b_prefix = b;
	return res;
}

static int
check_format(const char *id, const struct dk_result *res, size_t n,
    const char *want)
{
	char *got;
	int r;

	if ((got = dk_authres_format(id, res, n)) == NULL)
		return test_fail(__FILE__, __LINE__, "NULL");
	r = scan(got, id, n);
	if (r == 0 && want != NULL)
		r = test_memeq(__FILE__, __LINE__, "field", want,
		    strlen(want), got, strlen(got));
	if (r != 0)
		printf("    field: %s\n", got);
	free(got);
	return r;
}

static int
t_none(void)
{
	return check_format("mx.example.org", NULL, 0,
	    "Authentication-Results: mx.example.org; dkim=none");
}

static int
t_golden(void)
{
	struct dk_result res[3];

	res[0] = mkres(DK_PASS, DK_R_OK, "example.com", "sel",
	    "rsa-sha256", "abcdEFGH");
	res[1] = mkres(DK_FAIL, DK_R_BODY_HASH_MISMATCH, "example.net",
	    "2024-01", "ed25519-sha256", "ab/+cd=e");
	res[2] = mkres(DK_PERMERROR, DK_R_SIG_SYNTAX, "", "", "", "");
	return check_format("mx.example.org", res, 3,
	    "Authentication-Results: mx.example.org;"
	    "\r\n\tdkim=pass header.d=example.com header.s=sel"
	    " header.a=rsa-sha256\r\n\theader.b=abcdEFGH;"
	    "\r\n\tdkim=fail (body-hash-mismatch) header.d=example.net"
	    " header.s=2024-01"
	    "\r\n\theader.a=ed25519-sha256 header.b=\"ab/+cd=e\";"
	    "\r\n\tdkim=permerror (sig-syntax)");
}

/* A pass never carries a comment; NULL values are left out. */
static int
t_pass_no_comment(void)
{
	struct dk_result res;

	res = mkres(DK_PASS, DK_R_SIG_SYNTAX, NULL, "s", NULL, NULL);
	return check_format("a", &res, 1,
	    "Authentication-Results: a;\r\n\tdkim=pass header.s=s");
}

static int
t_quoting(void)
{
	struct dk_result res;

	res = mkres(DK_FAIL, DK_R_SIGNATURE_MISMATCH, "a\"b\\c", "x;y",
	    "(z)", "a b");
	return check_format("a", &res, 1,
	    "Authentication-Results: a;\r\n\tdkim=fail (signature-mismatch)"
	    " header.d=\"a\\\"b\\\\c\" header.s=\"x;y\"\r\n\theader.a=\"(z)\"");
}

/* Every hostile value in every property: the scanner must still see
 * exactly one result per signature and nothing else. */
static int
t_hostile(void)
{
	static const char *const evil[] = {
		"evil.com; dkim=pass", "evil.com;dkim=pass", "a(b", "a)b",
		"x)\r\n\tdkim=pass", "\r\n", "\n", "\r", "a\r\nb: c",
		"\"", "\\", "\"\\", "a\"; dkim=pass \"", "\xe9t\xe9",
		"\x01", "\x7f", ";", "(", "()", "(x", "=", "a=b", "\t",
		"a b", "dkim=pass", ""
	};
	struct dk_result res[NCASES(evil) * 4];
	char *longv;
	size_t i, n = 0;
	int r;

	if ((longv = malloc(5001)) == NULL)
		return test_fail(__FILE__, __LINE__, "malloc");
	memset(longv, '"', 5000);
	longv[5000] = '\0';
	for (i = 0; i < NCASES(evil); i++) {
		res[n++] = mkres(DK_FAIL, DK_R_SIG_SYNTAX, evil[i], "s", "a",
		    "b");
		res[n++] = mkres(DK_PERMERROR, DK_R_NO_KEY, "d", evil[i], "a",
		    "b");
		res[n++] = mkres(DK_NEUTRAL, DK_R_OK, "d", "s", evil[i],
		    longv);
		res[n++] = mkres(DK_PASS, DK_R_OK, longv, longv + 4900,
		    "a", evil[i]);
	}
	r = check_format("mx.example.org", res, n, NULL);
	free(longv);
	return r;
}

/* The longest values that are kept, quoted and escaped, in many
 * results: lines stay under 998 octets. */
static int
t_long_values(void)
{
	struct dk_result res[20];
	char v[DK_DOMAIN_MAX + 1];
	size_t i;

	memset(v, '\\', DK_DOMAIN_MAX);
	v[DK_DOMAIN_MAX] = '\0';
	for (i = 0; i < NCASES(res); i++)
		res[i] = mkres((enum dk_outcome)(i % 7), (enum dk_reason)i,
		    v, v, v, v);
	return check_format("mx.example.org", res, NCASES(res), NULL);
}

static int
t_id_ok(void)
{
	static const char *const good[] = { "mx.example.org", "a",
	    "mail-1.example", "host_name", "x+y" };
	static const char *const bad[] = { "", "a b", "a;b", "a(b",
	    "a\r\nb", "a\nb", "\xe9", "a\"b", "a/b", "a=b", "a@b", "a\tb" };
	char longid[300];
	size_t i;

	for (i = 0; i < NCASES(good); i++)
		CHECK(dk_authserv_id_ok(good[i]));
	for (i = 0; i < NCASES(bad); i++) {
		CHECK(!dk_authserv_id_ok(bad[i]));
		CHECK(dk_authres_format(bad[i], NULL, 0) == NULL);
	}
	CHECK(!dk_authserv_id_ok(NULL));
	memset(longid, 'a', sizeof(longid) - 1);
	longid[sizeof(longid) - 1] = '\0';
	CHECK(!dk_authserv_id_ok(longid));
	longid[DK_DOMAIN_MAX] = '\0';
	CHECK(dk_authserv_id_ok(longid));
	return 0;
}

static int
t_words(void)
{
	static const char *const outcomes[] = { "none", "pass", "fail",
	    "neutral", "policy", "temperror", "permerror" };
	struct dk_result r;
	char text[256];
	int i, j;

	for (i = 0; i < (int)NCASES(outcomes); i++)
		CHECK_STR("outcome", outcomes[i],
		    dk_outcome_str((enum dk_outcome)i));
	CHECK_STR("reason", "body-hash-mismatch",
	    dk_reason_str(DK_R_BODY_HASH_MISMATCH));
	CHECK_STR("reason", "from-not-signed",
	    dk_reason_str(DK_R_FROM_NOT_SIGNED));
	CHECK_STR("reason", "key-service", dk_reason_str(DK_R_KEY_SERVICE));
	CHECK_STR("reason", "key-too-large",
	    dk_reason_str(DK_R_KEY_TOO_LARGE));
	CHECK_STR("reason", "too-many-signatures",
	    dk_reason_str(DK_R_TOO_MANY_SIGNATURES));
	CHECK_STR("reason", "rsa-sha1-rfc8301",
	    dk_reason_str(DK_R_RSA_SHA1_RFC8301));
	CHECK_STR("reason", "multiple-from",
	    dk_reason_str(DK_R_MULTIPLE_FROM));
	for (i = 0; i <= DK_R_LAST; i++) {
		CHECK(strcmp(dk_reason_str((enum dk_reason)i), "unknown") != 0);
		CHECK(strpbrk(dk_reason_str((enum dk_reason)i), " ();") ==
		    NULL);
		for (j = 0; j < i; j++)
			CHECK(strcmp(dk_reason_str((enum dk_reason)i),
			    dk_reason_str((enum dk_reason)j)) != 0);
	}
	/* a sentence of its own for each, never the word as a fallback */
	for (i = 0; i <= DK_R_LAST; i++) {
		memset(&r, 0, sizeof(r));
		r.reason = (enum dk_reason)i;
		dk_result_describe(&r, 1024, text, sizeof(text));
		CHECK(strncmp(text, dk_reason_str(r.reason),
		    strlen(dk_reason_str(r.reason))) != 0);
	}
	for (i = DK_OK; i <= DK_ESTOPPED; i++)
		CHECK(strcmp(dk_status_str((enum dk_status)i),
		    "unknown") != 0);
	CHECK_STR("bad outcome", "unknown",
	    dk_outcome_str((enum dk_outcome)99));
	CHECK_STR("bad reason", "unknown", dk_reason_str((enum dk_reason)-1));
	CHECK_STR("bad status", "unknown", dk_status_str((enum dk_status)99));
	return 0;
}

static const struct test_case cases[] = {
	{ "none", t_none },
	{ "golden", t_golden },
	{ "pass_no_comment", t_pass_no_comment },
	{ "quoting", t_quoting },
	{ "hostile", t_hostile },
	{ "long_values", t_long_values },
	{ "id_ok", t_id_ok },
	{ "words", t_words },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
