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
 * Tests for the tag-list parser (RFC 6376 §3.2).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/dkim/tags.h"
#include "testlib.h"

#define T_MAX	DK_TAGS_MAX

/* A tag-list with its expected tags, as "name=value" joined by "|". */
struct good {
	const char	*in;
	const char	*want;
};

/* Parses in[0..len) and joins the tags as "name=value|name=value". */
static enum dk_tags_err
parse_joined(const char *in, size_t len, char *out, size_t outlen,
    size_t *errpos)
{
	struct dk_tag tags[T_MAX];
	enum dk_tags_err e;
	size_t i, n, used = 0;

	out[0] = '\0';
	if ((e = dk_tags_parse(in, len, tags, T_MAX, &n, errpos)) != DK_TAGS_OK)
		return e;
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(out + used, outlen - used, "%s%.*s=%.*s",
		    i ? "|" : "", (int)tags[i].namelen, tags[i].name,
		    (int)tags[i].valuelen, tags[i].value);
	return e;
}

static int
check_good(const struct good *g, size_t ng)
{
	char out[1024];
	size_t i, errpos;
	enum dk_tags_err e;

	for (i = 0; i < ng; i++) {
		e = parse_joined(g[i].in, strlen(g[i].in), out, sizeof(out),
		    &errpos);
		if (e != DK_TAGS_OK)
			return test_fail(__FILE__, __LINE__,
			    "\"%s\": error %d at %zu", g[i].in, (int)e, errpos);
		CHECK_STR(g[i].in, g[i].want, out);
	}
	return 0;
}

/* A tag-list that must fail with err at offset pos. */
struct bad {
	const char		*in;
	enum dk_tags_err	 err;
	size_t			 pos;
};

static int
check_bad(const struct bad *b, size_t nb)
{
	char out[1024];
	size_t i, errpos;
	enum dk_tags_err e;

	for (i = 0; i < nb; i++) {
		e = parse_joined(b[i].in, strlen(b[i].in), out, sizeof(out),
		    &errpos);
		if (e != b[i].err || errpos != b[i].pos)
			return test_fail(__FILE__, __LINE__,
			    "\"%s\": want error %d at %zu, got %d at %zu",
			    b[i].in, (int)b[i].err, b[i].pos, (int)e, errpos);
	}
	return 0;
}

static int
t_basic(void)
{
	static const struct good g[] = {
		{ "a=1", "a=1" },
		{ "a=1;b=2", "a=1|b=2" },
		{ "v=1; a=rsa-sha256; d=example.net",
		    "v=1|a=rsa-sha256|d=example.net" },
		{ "A_9=x", "A_9=x" },
		{ "a=:#$%&'()*+,-./<>?@[]^_`{|}~!\"",
		    "a=:#$%&'()*+,-./<>?@[]^_`{|}~!\"" },
		{ "a=1; A=2", "a=1|A=2" },	/* names are case-sensitive */
	};

	return check_good(g, NCASES(g));
}

static int
t_empty(void)
{
	static const struct good g[] = {
		{ "", "" },
		{ " ", "" },
		{ " \t ", "" },
		{ "\r\n ", "" },
		{ "p=", "p=" },
		{ "p=;", "p=" },
		{ "p= ; k=rsa", "p=|k=rsa" },
		{ "a=1;b=", "a=1|b=" },
		{ "p=\r\n\t", "p=" },
	};

	return check_good(g, NCASES(g));
}

static int
t_trailing_semicolon(void)
{
	static const struct good g[] = {
		{ "a=1;", "a=1" },
		{ "a=1; ", "a=1" },
		{ "a=1;\r\n ", "a=1" },
		{ "a=1 ;\t", "a=1" },
	};

	return check_good(g, NCASES(g));
}

static int
t_fws(void)
{
	static const struct good g[] = {
		{ " a = 1 ; b\t=\t2 ", "a=1|b=2" },
		{ "a=1;\r\n b=2", "a=1|b=2" },
		{ "\r\n\ta\r\n =\r\n 1\r\n ;b=2", "a=1|b=2" },
		{ "x1 = extra ; t = y:n:extra", "x1=extra|t=y:n:extra" },
		/* FWS inside a value is kept as it is */
		{ "b=abc def", "b=abc def" },
		{ "b=abc\r\n def\r\n\t; c=1", "b=abc\r\n def|c=1" },
		{ "b= a  \t b \r\n  c ", "b=a  \t b \r\n  c" },
		{ "a=1 b", "a=1 b" },
		{ "a=b=c", "a=b=c" },
		{ "v=DKIM1: g=*; k=rsa", "v=DKIM1: g=*|k=rsa" },
	};

	return check_good(g, NCASES(g));
}

static int
t_syntax(void)
{
	static const struct bad b[] = {
		{ ";", DK_TAGS_SYNTAX, 0 },
		{ "a=1;;b=2", DK_TAGS_SYNTAX, 4 },
		{ "a=1; ;", DK_TAGS_SYNTAX, 5 },
		{ "=x", DK_TAGS_SYNTAX, 0 },
		{ "1a=x", DK_TAGS_SYNTAX, 0 },
		{ "_a=x", DK_TAGS_SYNTAX, 0 },
		{ "a", DK_TAGS_SYNTAX, 1 },
		{ "a b=1", DK_TAGS_SYNTAX, 2 },
		{ "a-b=1", DK_TAGS_SYNTAX, 1 },
		{ "a=1\r\nb=2", DK_TAGS_SYNTAX, 3 },
		{ "a=1\r\n", DK_TAGS_SYNTAX, 3 },
		{ "a=1\n b=2", DK_TAGS_SYNTAX, 3 },
		{ "a=1\r b=2", DK_TAGS_SYNTAX, 3 },
		{ "a=x\x01y", DK_TAGS_SYNTAX, 3 },
		{ "a=x\x7fy", DK_TAGS_SYNTAX, 3 },
		{ "a=\xc3\xa9", DK_TAGS_SYNTAX, 2 },
		{ "a=x\xff", DK_TAGS_SYNTAX, 3 },
		{ "\xe9=1", DK_TAGS_SYNTAX, 0 },
		{ "a=b=c;=", DK_TAGS_SYNTAX, 6 },
	};

	return check_bad(b, NCASES(b));
}

static int
t_nul(void)
{
	static const char in[] = "a=x\0y";
	struct dk_tag tags[T_MAX];
	size_t n, errpos;

	CHECK(dk_tags_parse(in, sizeof(in) - 1, tags, T_MAX, &n, &errpos) ==
	    DK_TAGS_SYNTAX);
	CHECK(errpos == 3);
	/* the length given bounds the input, not a NUL */
	CHECK(dk_tags_parse(in, 3, tags, T_MAX, &n, &errpos) == DK_TAGS_OK);
	CHECK(n == 1 && tags[0].valuelen == 1);
	return 0;
}

static int
t_duplicate(void)
{
	static const struct bad b[] = {
		{ "a=1; a=2", DK_TAGS_DUPLICATE, 5 },
		{ "a=1; b=2;\r\n a=1;", DK_TAGS_DUPLICATE, 12 },
		{ "p=; p=", DK_TAGS_DUPLICATE, 4 },
		/* a syntax error before the duplicate is reported first */
		{ "a=1; ;a=1", DK_TAGS_SYNTAX, 5 },
	};

	return check_bad(b, NCASES(b));
}

static int
t_too_many(void)
{
	struct dk_tag tags[3];
	size_t n, errpos;
	const char *in = "a=1; b=2; c=3; d=4";

	CHECK(dk_tags_parse(in, strlen(in), tags, 3, &n, &errpos) ==
	    DK_TAGS_TOO_MANY);
	CHECK(errpos == 14);
	CHECK(dk_tags_parse(in, 14, tags, 3, &n, &errpos) == DK_TAGS_OK);
	CHECK(n == 3);
	CHECK(dk_tags_parse("", 0, tags, 0, &n, &errpos) == DK_TAGS_OK);
	CHECK(n == 0);
	return 0;
}

static int
t_find(void)
{
	struct dk_tag tags[T_MAX];
	const struct dk_tag *t;
	size_t n, errpos;
	const char *in = "v=1; bh=abc; b=; B=x";

	CHECK(dk_tags_parse(in, strlen(in), tags, T_MAX, &n, &errpos) ==
	    DK_TAGS_OK);
	CHECK(n == 4);
	CHECK((t = dk_tags_find(tags, n, "b")) != NULL);
	CHECK(t->valuelen == 0 && t->value == in + 15);
	CHECK((t = dk_tags_find(tags, n, "bh")) != NULL);
	CHECK_MEM("bh", "abc", 3, t->value, t->valuelen);
	CHECK((t = dk_tags_find(tags, n, "B")) != NULL);
	CHECK_MEM("B", "x", 1, t->value, t->valuelen);
	CHECK(dk_tags_find(tags, n, "h") == NULL);
	CHECK(dk_tags_find(tags, n, "V") == NULL);
	CHECK(dk_tags_find(tags, 0, "v") == NULL);
	return 0;
}

/*
 * The parser must stop at len: parse every prefix of inputs from a heap
 * copy of exactly that size, so that ASan sees any read past the end.
 */
static int
t_prefixes(void)
{
	static const char *in[] = {
		"v=1; a=rsa-sha256;\r\n\tbh=abc\r\n def; h=from:to;",
		" a = 1 ; b\t=\t2 ;\r\n ",
		"a=1;;b=2", "1a=x", "a=\xc3\xa9", "a=1\r\nb=2",
	};
	struct dk_tag tags[T_MAX];
	size_t i, k, len, n, errpos;
	char *copy;

	for (i = 0; i < NCASES(in); i++) {
		len = strlen(in[i]);
		for (k = 0; k <= len; k++) {
			if ((copy = malloc(k ? k : 1)) == NULL)
				return test_fail(__FILE__, __LINE__, "malloc");
			memcpy(copy, in[i], k);
			if (dk_tags_parse(copy, k, tags, T_MAX, &n, &errpos) !=
			    DK_TAGS_OK)
				CHECK(errpos <= k);
			free(copy);
		}
	}
	return 0;
}

/* Colon lists: FWS around items trimmed, empty items kept, in order. */
static int
items_are(const char *value, const char *want)
{
	char got[256] = "";
	const char *item;
	size_t pos = 0, ilen;

	while (dk_tags_next_item(value, strlen(value), &pos, &item, &ilen)) {
		strcat(got, "[");
		strncat(got, item, ilen);
		strcat(got, "]");
	}
	CHECK_STR(value, want, got);
	return 0;
}

static int
t_items(void)
{
	CHECK(items_are("", "[]") == 0);
	CHECK(items_are("a", "[a]") == 0);
	CHECK(items_are("from : to:subject", "[from][to][subject]") == 0);
	CHECK(items_are("email:\r\n *", "[email][*]") == 0);
	CHECK(items_are("a::b:", "[a][][b][]") == 0);
	CHECK(items_are(" \t ", "[]") == 0);
	return 0;
}

static const struct test_case cases[] = {
	{ "basic", t_basic },
	{ "empty", t_empty },
	{ "trailing_semicolon", t_trailing_semicolon },
	{ "fws", t_fws },
	{ "syntax", t_syntax },
	{ "nul", t_nul },
	{ "duplicate", t_duplicate },
	{ "too_many", t_too_many },
	{ "find", t_find },
	{ "prefixes", t_prefixes },
	{ "colon_list_items", t_items },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
