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
 * DKIM-Signature parse (dk_sig_parse) and format (dk_sig_format,
 * dk_sig_append_b): every signature field of the vectors against the
 * manifest, one case per rule, hostile and truncated fields, golden
 * formatted fields, and format -> parse round trips.
 */

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/dkim/dkim.h"
#include "testlib.h"

#define FIELDS_MAX	16	/* DKIM-Signature fields in one vector */
#define LINE_COLS	78
#define BH_EMPTY	"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
/* "testsignature" */
#define B_TEST		"dGVzdHNpZ25hdHVyZQ=="
#define NOW		1700000000

struct field {
	const char	*p;
	size_t		 len;
};

/* The DKIM-Signature fields of a message's header (CRLF or bare LF). */
static size_t
sig_fields(const char *buf, size_t len, struct field *out, size_t max)
{
	size_t i = 0, start, end, n = 0;

	while (i < len && buf[i] != '\r' && buf[i] != '\n') {
		start = i;
		for (;;) {
			while (i < len && buf[i] != '\n')
				i++;
			end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
			if (i < len)
				i++;
			if (i >= len || (buf[i] != ' ' && buf[i] != '\t'))
				break;
		}
		if (end - start > 15 && strncasecmp(buf + start,
		    "DKIM-Signature", 14) == 0 && n < max) {
			out[n].p = buf + start;
			out[n++].len = end - start;
		}
	}
	return n;
}

/*
 * A bare-LF file (mail-dkim/bad_1878954) as it is fed to the engine,
 * with CRLF line ends (dkimkit.h). Frees msg; NULL when out of memory.
 */
static char *
to_crlf(char *msg, size_t *len)
{
	char *out;
	size_t i, o = 0;

	if (memchr(msg, '\r', *len) != NULL)
		return msg;
	if ((out = malloc(*len * 2 + 1)) != NULL) {
		for (i = 0; i < *len; i++) {
			if (msg[i] == '\n')
				out[o++] = '\r';
			out[o++] = msg[i];
		}
		out[o] = '\0';
		*len = o;
	}
	free(msg);
	return out;
}

static int
reason_of(const char *word, size_t len)
{
	int r;

	for (r = 0; r <= DK_R_MULTIPLE_FROM; r++)
		if (strlen(dk_reason_str((enum dk_reason)r)) == len &&
		    memcmp(dk_reason_str((enum dk_reason)r), word, len) == 0)
			return r;
	return -1;
}

/* Reasons that come from the field alone; the others need key or body. */
static int
is_sig_reason(int r)
{
	switch (r) {
	case DK_R_SIG_MISSING_TAG:
	case DK_R_SIG_VERSION:
	case DK_R_SIG_SYNTAX:
	case DK_R_CANON_UNSUPPORTED:
	case DK_R_QUERY_UNSUPPORTED:
	case DK_R_ALGORITHM_UNSUPPORTED:
	case DK_R_EXPIRED:
	case DK_R_IDENTITY_MISMATCH:
	case DK_R_FROM_NOT_SIGNED:
		return 1;
	default:
		return 0;
	}
}

/* Expected parse reason of entry i of "pass;permerror:sig-version;...". */
static int
expected_reason(const char *exp, size_t explen, size_t i)
{
	const char *p = exp, *end = exp + explen, *semi, *colon;
	int r;

	for (; i > 0; i--) {
		if ((semi = memchr(p, ';', (size_t)(end - p))) == NULL)
			return -1;
		p = semi + 1;
	}
	if ((semi = memchr(p, ';', (size_t)(end - p))) == NULL)
		semi = end;
	if ((colon = memchr(p, ':', (size_t)(semi - p))) == NULL)
		return DK_R_OK;
	r = reason_of(colon + 1, (size_t)(semi - colon - 1));
	return is_sig_reason(r) ? r : DK_R_OK;
}

static size_t
count_entries(const char *exp, size_t len)
{
	size_t i, n = 1;

	if (len == 4 && memcmp(exp, "none", 4) == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (exp[i] == ';')
			n++;
	return n;
}

/* One manifest row: split into columns, check each signature field. */
static int
check_row(char *line)
{
	char *col[6], *path, *msg;
	struct field f[FIELDS_MAX];
	struct dk_sig sig;
	size_t i, n, len, want;
	int64_t now;
	int r, fails = 0;

	for (i = 0; i < 6; i++) {
		col[i] = line;
		if ((line = strchr(line, '\t')) == NULL)
			return 0;
		*line++ = '\0';
	}
	if (strcmp(col[2], "verify") != 0 && (strcmp(col[2], "sign") != 0 ||
	    strstr(col[0], ".sig") == NULL))
		return 0;
	if (asprintf(&path, "vectors/%s", col[0]) == -1)
		return test_fail(__FILE__, __LINE__, "asprintf");
	if ((msg = test_readfile(path, &len)) != NULL)
		msg = to_crlf(msg, &len);
	free(path);
	if (msg == NULL)
		return test_fail(__FILE__, __LINE__, "%s: unreadable", col[0]);
	n = sig_fields(msg, len, f, FIELDS_MAX);
	now = strcmp(col[2], "verify") == 0 ? strtoll(col[5], NULL, 10) : 0;
	want = strcmp(col[2], "verify") == 0 ?
	    count_entries(col[3], strlen(col[3])) : n;
	if (n != want)
		fails += test_fail(__FILE__, __LINE__, "%s: %zu fields, %zu "
		    "results", col[0], n, want);
	for (i = 0; i < n && i < want; i++) {
		r = strcmp(col[2], "verify") == 0 ?
		    expected_reason(col[3], strlen(col[3]), i) : DK_R_OK;
		if ((int)dk_sig_parse(&sig, f[i].p, f[i].len, now) != r)
			fails += test_fail(__FILE__, __LINE__, "%s #%zu: want "
			    "%s, got %s", col[0], i, dk_reason_str(
			    (enum dk_reason)r), dk_reason_str(dk_sig_parse(
			    &sig, f[i].p, f[i].len, now)));
	}
	free(msg);
	return fails;
}

static int
t_vectors(void)
{
	char *buf, *line, *next;
	size_t len;
	int fails = 0, rows = 0;

	if ((buf = test_readfile("vectors/manifest.tsv", &len)) == NULL)
		return test_fail(__FILE__, __LINE__, "no manifest");
	for (line = strchr(buf, '\n') + 1; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) == NULL)
			next = line + strlen(line);
		else
			*next++ = '\0';
		fails += check_row(line);
		rows++;
	}
	free(buf);
	CHECK(rows > 100);
	return fails;
}

/* The named vectors of the brief, each with its reason, by name. */
static int
t_named_vectors(void)
{
	static const struct {
		const char	*path;
		int64_t		 now;
		enum dk_reason	 want;
	} v[] = {
		{ "mail-dkim/badkey_1.eml", NOW, DK_R_SIG_VERSION },
		{ "mail-dkim/ignore_5.eml", NOW, DK_R_QUERY_UNSUPPORTED },
		{ "mail-dkim/ignore_7.eml", NOW, DK_R_EXPIRED },
		{ "mail-dkim/ignore_7.eml", 1193229946, DK_R_OK },
		{ "mail-dkim/ignore_8.eml", NOW, DK_R_IDENTITY_MISMATCH },
		{ "mail-dkim/good_qp_2.eml", NOW, DK_R_OK },
		{ "mail-dkim/good_qp_3.eml", NOW, DK_R_OK },
		{ "mail-dkim/bad_1.eml", NOW, DK_R_SIG_MISSING_TAG },
		{ "mail-dkim/multiple_1.eml", NOW, DK_R_SIG_MISSING_TAG },
		{ "dkimpy/derived/test-badly-encoded-domain.eml", NOW,
		    DK_R_SIG_SYNTAX },
	};
	struct field f[FIELDS_MAX];
	struct dk_sig sig;
	char path[256], *msg;
	size_t i, n, len;

	for (i = 0; i < NCASES(v); i++) {
		snprintf(path, sizeof(path), "vectors/%s", v[i].path);
		if ((msg = test_readfile(path, &len)) == NULL)
			return test_fail(__FILE__, __LINE__, "%s", path);
		n = sig_fields(msg, len, f, FIELDS_MAX);
		CHECK(n > 0);
		if (dk_sig_parse(&sig, f[0].p, f[0].len, v[i].now) !=
		    v[i].want) {
			free(msg);
			return test_fail(__FILE__, __LINE__, "%s", path);
		}
		if (strstr(v[i].path, "good_qp") != NULL &&
		    strcmp(sig.auid, "jlong@messiah.edu") != 0) {
			free(msg);
			return test_fail(__FILE__, __LINE__, "auid %s",
			    sig.auid);
		}
		free(msg);
	}
	return 0;
}

#define F(tags)	"DKIM-Signature: " tags
#define BASE(x)	F("v=1; a=rsa-sha256; d=example.com; s=sel; "	\
		    "h=From:To; bh=" BH_EMPTY "; b=" B_TEST x)

static const struct {
	const char	*field;
	int64_t		 now;
	enum dk_reason	 want;
} rules[] = {
	{ BASE(""), NOW, DK_R_OK },
	{ BASE(";"), NOW, DK_R_OK },
	{ BASE("; z=From:foo|bar; foo=x"), NOW, DK_R_OK },
	{ "DKIM-Signature \t: v=1; a=rsa-sha256; d=example.com; s=sel; "
	    "h=from; bh=" BH_EMPTY "; b=" B_TEST, NOW, DK_R_OK },
	{ "DKIM-Signature v=1", NOW, DK_R_SIG_SYNTAX },
	{ BASE("; v=1"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; =x"), NOW, DK_R_SIG_SYNTAX },
	{ F("a=rsa-sha256; d=example.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_SIG_MISSING_TAG },
	{ F("v=2; a=rsa-sha256"), NOW, DK_R_SIG_VERSION },
	{ F("v=1.0; a=rsa-sha256"), NOW, DK_R_SIG_VERSION },
	{ F("v=; a=rsa-sha256"), NOW, DK_R_SIG_VERSION },
	{ F("v=1; d=example.com; s=sel; h=from; bh=" BH_EMPTY "; b=" B_TEST),
	    NOW, DK_R_SIG_MISSING_TAG },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=" BH_EMPTY),
	    NOW, DK_R_SIG_MISSING_TAG },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; b=" B_TEST),
	    NOW, DK_R_SIG_MISSING_TAG },
	{ F("v=1; a=rsa-sha256; s=sel; h=from; bh=" BH_EMPTY "; b=" B_TEST),
	    NOW, DK_R_SIG_MISSING_TAG },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; bh=" BH_EMPTY "; b="
	    B_TEST), NOW, DK_R_SIG_MISSING_TAG },
	{ F("v=1; a=rsa-sha256; d=example.com; h=from; bh=" BH_EMPTY "; b="
	    B_TEST), NOW, DK_R_SIG_MISSING_TAG },
	{ BASE("; a=x"), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-md5; d=example.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_ALGORITHM_UNSUPPORTED },
	{ F("v=1; a=rsa-sha1; d=example.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_OK },
	{ F("v=1; a=ed25519-sha256; d=example.com; s=sel; h=from; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_OK },
	{ F("v=1; a=RSA-SHA256; d=example.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_OK },
	{ BASE("; c=relaxed"), NOW, DK_R_OK },
	{ BASE("; c=simple/relaxed"), NOW, DK_R_OK },
	{ BASE("; c=foo"), NOW, DK_R_CANON_UNSUPPORTED },
	{ BASE("; c=relaxed/"), NOW, DK_R_CANON_UNSUPPORTED },
	{ BASE("; c=/relaxed"), NOW, DK_R_CANON_UNSUPPORTED },
	{ BASE("; c=relaxed/foo"), NOW, DK_R_CANON_UNSUPPORTED },
	{ BASE("; c=relaxed/relaxed/relaxed"), NOW, DK_R_CANON_UNSUPPORTED },
	{ BASE("; q=dns/txt"), NOW, DK_R_OK },
	{ BASE("; q=foo/bar:dns/txt:exam/ple"), NOW, DK_R_OK },
	{ BASE("; q= foo \r\n\t: DNS/TXT "), NOW, DK_R_OK },
	{ BASE("; q=http"), NOW, DK_R_QUERY_UNSUPPORTED },
	{ BASE("; q=dns"), NOW, DK_R_QUERY_UNSUPPORTED },
	{ BASE("; q="), NOW, DK_R_QUERY_UNSUPPORTED },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=to:subject; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_FROM_NOT_SIGNED },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=to:fromx; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_FROM_NOT_SIGNED },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=to \r\n : FROM ; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_OK },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=from::to; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=from:; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=fr om; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=example..com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=-example.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=example-.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=example.com.; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=ex_ample.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_OK },	/* leniency */
	{ F("v=1; a=rsa-sha256; d=exa mple.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaa.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaa.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=" B_TEST), NOW, DK_R_OK },
	{ F("v=1; a=rsa-sha256; d=example.com; s=2023-05.ed; h=from; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_OK },
	{ F("v=1; a=rsa-sha256; d=example.com; s=a_b; h=from; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_OK },	/* leniency */
	{ F("v=1; a=rsa-sha256; d=example.com; s=a/b; h=from; bh="
	    BH_EMPTY "; b=" B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; i=@example.com"), NOW, DK_R_OK },
	{ BASE("; i=u@sub.EXAMPLE.com"), NOW, DK_R_OK },
	{ BASE("; i=a=40b@example.com"), NOW, DK_R_OK },
	{ BASE("; i=u@example=2ecom"), NOW, DK_R_OK },
	{ BASE("; i=u@exam\r\n ple.com"), NOW, DK_R_OK },
	{ BASE("; i=u@badexample.com"), NOW, DK_R_IDENTITY_MISMATCH },
	{ BASE("; i=u@example.org"), NOW, DK_R_IDENTITY_MISMATCH },
	{ BASE("; i=u@com"), NOW, DK_R_IDENTITY_MISMATCH },
	{ BASE("; i=u@example.com.evil"), NOW, DK_R_IDENTITY_MISMATCH },
	{ BASE("; i=u@x=2Eexample.com"), NOW, DK_R_OK },
	{ BASE("; i=user"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; i="), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; i=u@"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; i=a=0D=0Ab@example.com"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; i=a=00@example.com"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; i=a=4"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; i=a=ZZ@example.com"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; i=u@ex_ample.example.com"), NOW, DK_R_OK },	/* leniency */
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=!!!!; b="
	    B_TEST), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b="), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=dGVz!HNp"), NOW, DK_R_SIG_SYNTAX },
	{ F("v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=" BH_EMPTY
	    "; b=dGVz\r\n\tdHNp Z25hdHVy\r\n ZQ=="), NOW, DK_R_OK },
	{ BASE("; l=0"), NOW, DK_R_OK },
	{ BASE("; l=18446744073709551615"), NOW, DK_R_OK },
	{ BASE("; l=18446744073709551616"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; l=abc"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; l=-1"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; l="), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; l=1 2"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; t=999999999999"), NOW, DK_R_OK },
	{ BASE("; t=1000000000000"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; t=-1"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; x=0001000000000"), NOW, DK_R_SIG_SYNTAX },
	{ BASE("; t=200; x=100"), 0, DK_R_SIG_SYNTAX },
	{ BASE("; t=100; x=200"), 150, DK_R_OK },
	{ BASE("; t=100; x=200"), 200, DK_R_OK },
	{ BASE("; t=100; x=200"), 201, DK_R_EXPIRED },
	{ BASE("; x=200"), 201, DK_R_EXPIRED },
	{ BASE("; t=100; x=100"), 100, DK_R_SIG_SYNTAX },	/* x > t */
};

static int
t_rules(void)
{
	struct dk_sig sig;
	enum dk_reason r;
	size_t i;
	int fails = 0;

	for (i = 0; i < NCASES(rules); i++) {
		r = dk_sig_parse(&sig, rules[i].field, strlen(rules[i].field),
		    rules[i].now);
		if (r != rules[i].want)
			fails += test_fail(__FILE__, __LINE__, "rule %zu: want "
			    "%s, got %s: %s", i, dk_reason_str(rules[i].want),
			    dk_reason_str(r), rules[i].field);
	}
	return fails;
}

static int
t_values(void)
{
	static const char field[] = "DKIM-Signature: v=1; a=ed25519-sha256;"
	    "\r\n\tc=relaxed; d=Example.COM; s=sel; h=From : to:\r\n\tFrom;"
	    " b= dGVz\r\n\tdHNpZ25hdHVyZQ== ; bh=" BH_EMPTY "; l=42; "
	    "t=100; x=200";
	static const uint8_t bh[] = { 0xe3, 0xb0, 0xc4, 0x42 };
	struct dk_sig sig;

	CHECK(dk_sig_parse(&sig, field, strlen(field), 150) == DK_R_OK);
	CHECK(sig.field == field && sig.fieldlen == strlen(field));
	CHECK(sig.alg == DK_ALG_ED25519_SHA256);
	CHECK(sig.hcanon == DK_CANON_RELAXED);
	CHECK(sig.bcanon == DK_CANON_SIMPLE);
	CHECK_STR("domain", "Example.COM", sig.domain);
	CHECK_STR("selector", "sel", sig.selector);
	CHECK_STR("algorithm", "ed25519-sha256", sig.algorithm);
	CHECK_STR("auid", "@Example.COM", sig.auid);
	CHECK_STR("b_prefix", "dGVzdHNp", sig.b_prefix);
	CHECK(sig.nh == 3);
	CHECK_MEM("h0", "From", 4, sig.h[0].p, sig.h[0].len);
	CHECK_MEM("h1", "to", 2, sig.h[1].p, sig.h[1].len);
	CHECK_MEM("h2", "From", 4, sig.h[2].p, sig.h[2].len);
	CHECK(sig.bhlen == 32 && memcmp(sig.bh, bh, sizeof(bh)) == 0);
	CHECK_MEM("b", "testsignature", 13, sig.b, sig.blen);
	CHECK_MEM("b_value", " dGVz\r\n\tdHNpZ25hdHVyZQ== ", 25,
	    sig.b_value.p, sig.b_value.len);
	CHECK(sig.has_l && sig.l == 42);
	CHECK(sig.has_t && sig.t == 100 && sig.has_x && sig.x == 200);
	return 0;
}

/* b= last, at the end of the field: its value runs to the end. */
static int
t_b_value_last(void)
{
	static const char field[] = BASE("");
	struct dk_sig sig;

	CHECK(dk_sig_parse(&sig, field, strlen(field), NOW) == DK_R_OK);
	CHECK_MEM("b_value", B_TEST, strlen(B_TEST), sig.b_value.p,
	    sig.b_value.len);
	CHECK(sig.b_value.p + sig.b_value.len == field + strlen(field));
	CHECK(!sig.has_l && !sig.has_t && !sig.has_x);
	return 0;
}

/* Authentication-Results needs d=, s=, a= and b= even from bad fields. */
static int
t_display_on_error(void)
{
	static const char field[] = F("v=2; a=rsa-sha256; d=example.net; "
	    "s=sel1; b=ab\r\n cdefghijkl");
	struct dk_sig sig;

	CHECK(dk_sig_parse(&sig, field, strlen(field), NOW) ==
	    DK_R_SIG_VERSION);
	CHECK_STR("domain", "example.net", sig.domain);
	CHECK_STR("selector", "sel1", sig.selector);
	CHECK_STR("algorithm", "rsa-sha256", sig.algorithm);
	CHECK_STR("b_prefix", "abcdefgh", sig.b_prefix);
	return 0;
}

/* DK_H_MAX names fit; one more is past our bound, never truncated. */
static int
t_h_limit(void)
{
	char field[2048];
	struct dk_sig sig;
	size_t i;
	int n;

	for (n = DK_H_MAX; n <= DK_H_MAX + 1; n++) {
		strcpy(field, F("v=1; a=rsa-sha256; d=example.com; s=s; bh="
		    BH_EMPTY "; b=" B_TEST "; h=from"));
		for (i = 1; i < (size_t)n; i++)
			strcat(field, ":x");
		CHECK(dk_sig_parse(&sig, field, strlen(field), NOW) ==
		    (n == DK_H_MAX ? DK_R_OK : DK_R_SIG_TOO_LARGE));
	}
	CHECK(sig.nh == DK_H_MAX);
	return 0;
}

/* DK_TAGS_MAX tags fit (unknown ones are ignored); one more does not. */
static int
t_tags_limit(void)
{
	char field[4096];
	struct dk_sig sig;
	size_t i, n;

	for (n = DK_TAGS_MAX; n <= DK_TAGS_MAX + 1; n++) {
		strcpy(field, F("v=1; a=rsa-sha256; d=example.com; s=s; bh="
		    BH_EMPTY "; b=" B_TEST "; h=from"));
		for (i = 7; i < n; i++)
			snprintf(field + strlen(field), sizeof(field) -
			    strlen(field), "; x%zu=1", i);
		CHECK(dk_sig_parse(&sig, field, strlen(field), NOW) ==
		    (n == DK_TAGS_MAX ? DK_R_OK : DK_R_SIG_TOO_LARGE));
	}
	return 0;
}

/*
 * A b= longer than DK_SIG_MAX octets (an 8192-bit key's: 1024) is past
 * our bound; a bad character in it is still a syntax error.
 */
static int
t_b_too_large(void)
{
	char field[4096];
	struct dk_sig sig;
	size_t n;

	strcpy(field, F("v=1; a=rsa-sha256; d=example.com; s=s; h=from; bh="
	    BH_EMPTY "; b="));
	n = strlen(field);
	memset(field + n, 'A', 1368);
	field[n + 1368] = '\0';
	CHECK(dk_sig_parse(&sig, field, strlen(field), NOW) ==
	    DK_R_SIG_TOO_LARGE);
	CHECK_STR("b_prefix", "AAAAAAAA", sig.b_prefix);
	field[n + 100] = '*';
	CHECK(dk_sig_parse(&sig, field, strlen(field), NOW) ==
	    DK_R_SIG_SYNTAX);
	field[n + 100] = 'A';
	/* 512 octets: 170 groups of 4, then "AAA=" */
	field[n + 683] = '=';
	field[n + DK_B64_ENCLEN(DK_SIG_MAX)] = '\0';
	CHECK(dk_sig_parse(&sig, field, strlen(field), NOW) == DK_R_OK);
	CHECK(sig.blen == DK_SIG_MAX);
	return 0;
}

/*
 * An underscore in s=, in a d= label and in i='s domain: outside §3.5's
 * grammar, accepted when verifying as every peer does. dk_sig_domain_ok(),
 * the signer's check, still refuses it.
 */
static int
t_underscore(void)
{
	static const char field[] = F("v=1; a=rsa-sha256; d=mail_out.example."
	    "com; s=my_sel; i=@a_b.mail_out.example.com; h=from; bh="
	    BH_EMPTY "; b=" B_TEST);
	static const char bad[] = F("v=1; a=rsa-sha256; d=example.com; "
	    "s=my sel; h=from; bh=" BH_EMPTY "; b=" B_TEST);
	struct dk_sig sig;

	CHECK(dk_sig_parse(&sig, field, strlen(field), NOW) == DK_R_OK);
	CHECK_STR("selector", "my_sel", sig.selector);
	CHECK_STR("domain", "mail_out.example.com", sig.domain);
	CHECK(dk_sig_parse(&sig, bad, strlen(bad), NOW) == DK_R_SIG_SYNTAX);
	CHECK(!dk_sig_domain_ok("my_sel", 6, 1));
	CHECK(!dk_sig_domain_ok("mail_out.example.com", 20, 2));
	CHECK(dk_sig_domain_ok("mail-out.example.com", 20, 2));
	CHECK(dk_sig_auid_check("@a_b.example.com", "example.com") ==
	    DK_R_SIG_SYNTAX);
	return 0;
}

/*
 * Hostile input: every prefix of a full field, and many mutations of
 * it, each copied into a buffer of exactly its size so that a read past
 * the end shows under -fsanitize=address. None may crash.
 */
static int
t_hostile(void)
{
	static const char field[] = F("v=1; a=rsa-sha256; c=relaxed/relaxed;"
	    " d=example.com; s=sel; q=dns/txt; i=a=40b@example.com; l=10;"
	    " t=1; x=2000000000; h=from:to; bh=" BH_EMPTY "; b=" B_TEST);
	static const char bytes[] = ";=:/@ \t\r\n\x80\xff\0a1";
	struct dk_sig sig;
	size_t len = strlen(field), i;
	uint32_t seed = 12345;
	char *buf;

	for (i = 0; i <= len; i++) {
		if ((buf = malloc(i ? i : 1)) == NULL)
			return test_fail(__FILE__, __LINE__, "malloc");
		memcpy(buf, field, i);
		(void)dk_sig_parse(&sig, buf, i, NOW);
		free(buf);
	}
	CHECK(dk_sig_parse(&sig, field, len, NOW) == DK_R_OK);
	for (i = 0; i < 20000; i++) {
		if ((buf = malloc(len)) == NULL)
			return test_fail(__FILE__, __LINE__, "malloc");
		memcpy(buf, field, len);
		seed = seed * 1103515245 + 12345;
		buf[(seed >> 8) % len] = bytes[(seed >> 20) % (sizeof(bytes) -
		    1)];
		(void)dk_sig_parse(&sig, buf, len, NOW);
		free(buf);
	}
	return 0;
}

/*
 * Format checks: lines split by CRLF, continuation lines begin with a
 * TAB, none passes maxcols (a TAB counts to the next multiple of 8),
 * none holds only whitespace, and no CR or LF stands alone.
 */
static int
check_lines(const char *s, size_t maxcols)
{
	size_t col = 0, nonws = 0, line = 0;

	for (; *s != '\0'; s++) {
		if (*s == '\r') {
			CHECK(s[1] == '\n' && s[2] == '\t');
			CHECK(nonws > 0);
			s += 2;
			col = 8;
			nonws = 0;
			line++;
			continue;
		}
		CHECK(*s != '\n');
		if (*s == '\t')
			col = (col / 8 + 1) * 8;
		else
			col++;
		if (*s != ' ' && *s != '\t')
			nonws++;
		if (col > maxcols)
			return test_fail(__FILE__, __LINE__, "line %zu passes "
			    "%zu columns", line, maxcols);
	}
	CHECK(nonws > 0);
	return 0;
}

static uint8_t bh32[32] = {
	0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4,
	0xc8, 0x99, 0x6f, 0xb9, 0x24, 0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b,
	0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55
};

static const char *const h_short[] = { "from", "to", "subject" };
static const char *const h_long[] = { "from", "from", "reply-to",
	"subject", "subject", "date", "date", "to", "to", "cc", "cc",
	"in-reply-to", "references", "list-unsubscribe",
	"content-transfer-encoding", "message-id", "message-id",
	"mime-version", "content-type", "list-id", "list-post" };

/* Each literal below is part of one output line; lines start at \t. */
static const char golden_short[] =
	"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;"
	    " d=example.com; s=sel;"
	"\r\n\tt=1700000000; h=from:to:subject;"
	    " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJ"
	"\r\n\tWZG3hSuFU=; b=";

static const char golden_long[] =
	"DKIM-Signature: v=1; a=ed25519-sha256; c=simple/relaxed;"
	    " d=mail.example.org;"
	"\r\n\ts=2024-01-ed25519; t=1700000000; x=1700086400;"
	"\r\n\ti=joe=3B=3D=20x@mail.example.org;"
	    " h=from:from:reply-to:subject:"
	"\r\n\tsubject:date:date:to:to:cc:cc:in-reply-to:references:"
	    "list-unsubscribe:"
	"\r\n\tcontent-transfer-encoding:message-id:message-id:"
	    "mime-version:"
	"\r\n\tcontent-type:list-id:list-post;"
	    " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJW"
	"\r\n\tZG3hSuFU=; b=";

static const char golden_b[] =
	"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygp"
	"\r\n\tKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";

static int
t_format_golden(void)
{
	struct dk_sig_spec spec = { DK_ALG_RSA_SHA256, DK_CANON_RELAXED,
	    DK_CANON_DEFAULT, "example.com", "sel", NULL, h_short, 3, bh32,
	    1700000000, -1 };
	char *f;

	if ((f = dk_sig_format(&spec)) == NULL)
		return test_fail(__FILE__, __LINE__, "format");
	CHECK_STR("short", golden_short, f);
	free(f);
	spec.alg = DK_ALG_ED25519_SHA256;
	spec.hcanon = DK_CANON_SIMPLE;
	spec.domain = "mail.example.org";
	spec.selector = "2024-01-ed25519";
	spec.auid = "joe;= x@mail.example.org";
	spec.h = h_long;
	spec.nh = NCASES(h_long);
	spec.x = 1700086400;
	if ((f = dk_sig_format(&spec)) == NULL)
		return test_fail(__FILE__, __LINE__, "format");
	CHECK_STR("long", golden_long, f);
	free(f);
	return 0;
}

static int
t_append_golden(void)
{
	struct dk_sig_spec spec = { DK_ALG_RSA_SHA256, DK_CANON_RELAXED,
	    DK_CANON_RELAXED, "example.com", "sel", NULL, h_short, 3, bh32,
	    1700000000, -1 };
	uint8_t sig[64];
	char *f, *want;
	size_t i;
	int r;

	for (i = 0; i < sizeof(sig); i++)
		sig[i] = (uint8_t)i;
	if ((f = dk_sig_format(&spec)) == NULL ||
	    (f = dk_sig_append_b(f, sig, sizeof(sig))) == NULL)
		return test_fail(__FILE__, __LINE__, "format");
	if (asprintf(&want, "%s%s", golden_short, golden_b) == -1) {
		free(f);
		return test_fail(__FILE__, __LINE__, "asprintf");
	}
	r = test_memeq(__FILE__, __LINE__, "appended", want, strlen(want), f,
	    strlen(f));
	free(want);
	free(f);
	return r;
}

/* Format, sign, parse: every value must come back as it went in. */
static int
round_trip(const struct dk_sig_spec *spec, size_t siglen, size_t maxcols)
{
	uint8_t sig[DK_SIG_MAX];
	struct dk_sig ps;
	char *f;
	size_t i;
	int fails = 0;

	for (i = 0; i < siglen; i++)
		sig[i] = (uint8_t)(i * 7 + siglen);
	if ((f = dk_sig_format(spec)) == NULL)
		return test_fail(__FILE__, __LINE__, "format");
	if ((f = dk_sig_append_b(f, sig, siglen)) == NULL)
		return test_fail(__FILE__, __LINE__, "append");
	if (check_lines(f, maxcols) != 0 ||
	    dk_sig_parse(&ps, f, strlen(f), 0) != DK_R_OK) {
		printf("    field: %s\n", f);
		free(f);
		return test_fail(__FILE__, __LINE__, "lines or parse");
	}
	fails |= ps.alg != spec->alg || ps.hcanon != (spec->hcanon ==
	    DK_CANON_SIMPLE ? DK_CANON_SIMPLE : DK_CANON_RELAXED);
	fails |= strcmp(ps.domain, spec->domain) != 0 ||
	    strcmp(ps.selector, spec->selector) != 0;
	fails |= spec->auid != NULL && strcmp(ps.auid, spec->auid) != 0;
	fails |= ps.has_t != (spec->t >= 0) || (ps.has_t && ps.t != spec->t);
	fails |= ps.has_x != (spec->x >= 0) || (ps.has_x && ps.x != spec->x);
	fails |= ps.nh != spec->nh || ps.bhlen != 32 ||
	    memcmp(ps.bh, spec->bh, 32) != 0;
	for (i = 0; i < ps.nh && i < spec->nh; i++)
		fails |= ps.h[i].len != strlen(spec->h[i]) ||
		    memcmp(ps.h[i].p, spec->h[i], ps.h[i].len) != 0;
	fails |= ps.blen != siglen || memcmp(ps.b, sig, siglen) != 0;
	/* §3.7: the field with b='s value cut is the field as formatted */
	fails |= ps.b_value.p + ps.b_value.len != f + strlen(f);
	if (fails)
		printf("    field: %s\n", f);
	free(f);
	return fails ? test_fail(__FILE__, __LINE__, "values differ") : 0;
}

static int
t_round_trip(void)
{
	static const char long_domain[] = "a123456789012345678901234567890"
	    "12345678901234567890123456789012.b1234567890123456789012345678"
	    "9012345678901234567890123456789012.example.com";
	static const char *const names[] = { "x-a", "x-bb", "x-ccc",
	    "x-dddd", "from" };
	const char *many[DK_H_MAX];
	struct dk_sig_spec spec = { DK_ALG_RSA_SHA256, DK_CANON_SIMPLE,
	    DK_CANON_SIMPLE, "example.com", "s", NULL, h_short, 3, bh32,
	    -1, -1 };
	size_t i, siglen;

	for (i = 0; i < DK_H_MAX; i++)
		many[i] = names[i % NCASES(names)];
	for (siglen = 1; siglen <= DK_SIG_MAX; siglen += 37) {
		spec.alg = (enum dk_sigalg)(siglen % 3);
		spec.t = siglen % 2 ? 1700000000 : -1;
		spec.x = siglen % 4 == 1 ? 1800000000 : -1;
		spec.auid = siglen % 3 ? "u@example.com" : NULL;
		spec.h = siglen % 5 ? h_long : many;
		spec.nh = siglen % 5 ? NCASES(h_long) : DK_H_MAX;
		if (round_trip(&spec, siglen, LINE_COLS) != 0)
			return 1;
	}
	/* an unbreakable value longer than a line: it stands alone */
	spec.domain = long_domain;
	spec.auid = "=\"\xff;@sub.a123456789012345678901234567890"
	    "12345678901234567890123456789012.b1234567890123456789012345678"
	    "9012345678901234567890123456789012.example.com";
	if (round_trip(&spec, 256, 998) != 0)
		return 1;
	return 0;
}

/* Text and re-parse of the i= encoding (§2.11): one byte at a time. */
static int
t_auid_bytes(void)
{
	struct dk_sig_spec spec = { DK_ALG_RSA_SHA256, DK_CANON_RELAXED,
	    DK_CANON_RELAXED, "example.com", "s", NULL, h_short, 3, bh32,
	    -1, -1 };
	char auid[32];
	unsigned int c;

	for (c = 0x21; c < 0x7f; c++) {
		if (c == '@')
			continue;
		snprintf(auid, sizeof(auid), "a%cb@example.com", c);
		spec.auid = auid;
		if (round_trip(&spec, 64, LINE_COLS) != 0)
			return test_fail(__FILE__, __LINE__, "byte %#x", c);
	}
	return 0;
}

static const struct test_case cases[] = {
	{ "vectors", t_vectors },
	{ "named_vectors", t_named_vectors },
	{ "rules", t_rules },
	{ "values", t_values },
	{ "b_value_last", t_b_value_last },
	{ "display_on_error", t_display_on_error },
	{ "h_limit", t_h_limit },
	{ "tags_limit", t_tags_limit },
	{ "b_too_large", t_b_too_large },
	{ "underscore", t_underscore },
	{ "hostile", t_hostile },
	{ "format_golden", t_format_golden },
	{ "append_golden", t_append_golden },
	{ "round_trip", t_round_trip },
	{ "auid_bytes", t_auid_bytes },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
