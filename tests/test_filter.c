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
 * filter-dkim's pure parts: From domains, Authentication-Results
 * authserv-ids, internal networks, and the spool (memory, then file).
 * The protocol and message paths are tested with transcripts
 * (tests/filter). The filter's parts come from libfilter.a.
 */

#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "../src/filter/filter.h"

/* A field as dk_msghdr_end() gives it: name length up to the colon. */
static struct dk_hfield
field(const char *text)
{
	struct dk_hfield f;

	f.text = text;
	f.len = strlen(text);
	f.namelen = (size_t)(strchr(text, ':') - text);
	while (f.namelen > 0 && text[f.namelen - 1] == ' ')
		f.namelen--;
	return f;
}

static int
from_is(const char *text, const char *want)
{
	struct dk_hfield f = field(text);
	char dom[DK_DOMAIN_MAX + 1];
	int rc = dk_filter_hdr_from_domain(&f, dom, sizeof(dom));

	if (want == NULL)
		return rc == -1 ? 0 : test_fail(__FILE__, __LINE__,
		    "%s: got %s, want none", text, dom);
	if (rc == -1)
		return test_fail(__FILE__, __LINE__, "%s: no domain", text);
	CHECK_STR(text, want, dom);
	return 0;
}

static int
t_from_domain(void)
{
	return from_is("From: Alice <alice@Example.ORG>", "example.org") ||
	    from_is("From: alice@example.org.", "example.org") ||
	    from_is("From: alice@example.org (Alice @ home)", "example.org") ||
	    from_is("From: \"a@evil.test\" <a@good.test>", "good.test") ||
	    from_is("From: a@evil.test <a@good.test>", "good.test") ||
	    from_is("From:\r\n\tBob\r\n <bob@sub.example.org>",
	    "sub.example.org") ||
	    from_is("From: a@one.test, b@two.test", "one.test") ||
	    from_is("From: Alice <alice>", NULL) ||
	    from_is("From: a@[192.0.2.1]", NULL) ||
	    from_is("From: a@ex..org", NULL) ||
	    from_is("From: (unclosed", NULL);
}

static int
ar_is(const char *text, const char *id, int want)
{
	struct dk_hfield f = field(text);

	if (dk_filter_hdr_ar_is_ours(&f, id) != want)
		return test_fail(__FILE__, __LINE__, "%s: want %d", text, want);
	return 0;
}

static int
t_ar_ours(void)
{
	return ar_is("Authentication-Results: mx.example.test; dkim=pass",
	    "mx.example.test", 1) ||
	    ar_is("authentication-results : MX.Example.Test; spf=pass",
	    "mx.example.test", 1) ||
	    ar_is("Authentication-Results: (x (y)) \"mx.example.test\"\r\n"
	    "\t; dkim=pass", "mx.example.test", 1) ||
	    ar_is("Authentication-Results: mx.example.test 1; none",
	    "mx.example.test", 1) ||
	    ar_is("Authentication-Results:\r\n mx.example.test;",
	    "mx.example.test", 1) ||
	    ar_is("Authentication-Results: mx.example.test.evil; none",
	    "mx.example.test", 0) ||
	    ar_is("Authentication-Results: mx.example; none",
	    "mx.example.test", 0) ||
	    ar_is("X-Authentication-Results: mx.example.test; none",
	    "mx.example.test", 0) ||
	    ar_is("Authentication-Results: ; none", "mx.example.test", 0);
}

static int
t_internal(void)
{
	static const char *nets[] = { "127.0.0.0/8", "::1", "local",
	    "192.0.2.128/25", "2001:db8::/32" };
	struct cfg_net n[5], bad;
	struct config c;
	size_t i;

	memset(&c, 0, sizeof(c));
	for (i = 0; i < 5; i++)
		CHECK(dk_filter_net_parse(nets[i], &n[i]) == 0);
	c.nets = n;
	c.nnets = 5;
#define IN(s)	dk_filter_src_internal(&c, (s), strlen(s))
	CHECK(IN("127.0.0.1:47646"));
	CHECK(IN("127.0.0.2:1"));
	CHECK(IN("unix:/var/run/smtpd.sock"));
	CHECK(IN("[::1]:25"));
	CHECK(IN("::1"));
	CHECK(IN("[::ffff:127.0.0.1]:25"));
	CHECK(IN("192.0.2.200:25"));
	CHECK(!IN("192.0.2.127:25"));
	CHECK(IN("[2001:db8::5]:587"));
	CHECK(!IN("[2001:db9::5]:587"));
	CHECK(!IN("10.0.0.1:25"));
	CHECK(!IN("<unknown>"));
	CHECK(!IN(""));
#undef IN
	CHECK(dk_filter_net_parse("10.0.0.0/33", &bad) == -1);
	CHECK(dk_filter_net_parse("10.0.0/8", &bad) == -1);
	CHECK(dk_filter_net_parse("::1/129", &bad) == -1);
	CHECK(dk_filter_net_parse("", &bad) == -1);
	return 0;
}

struct collect {
	char	*buf;
	size_t	 len;
};

static int
collect_line(void *arg, const char *p, size_t len)
{
	struct collect *c = arg;

	memcpy(c->buf + c->len, p, len);
	c->buf[c->len + len] = '\n';
	c->len += len + 1;
	return 0;
}

/* Lines of every length up to past the bound come back in order. */
static int
spool_round(size_t max)
{
	struct spool sp = { NULL, 0, 0, max, -1, 0 };
	struct collect c = { NULL, 0 };
	char *want, *scratch;
	size_t wlen = 0, n;
	int rc = 0;

	want = malloc(4 * 1024 * 1024);
	c.buf = malloc(4 * 1024 * 1024);
	scratch = malloc(FILTER_SCRATCH);
	CHECK(want != NULL && c.buf != NULL && scratch != NULL);
	for (n = 0; n < 9000; n += n < 100 ? 1 : 97) {
		memset(want + wlen, 'a' + (int)(n % 26), n);
		if (dk_filter_spool_line(&sp, "/tmp", want + wlen, n) == -1)
			rc = test_fail(__FILE__, __LINE__, "spool write");
		wlen += n;
		want[wlen++] = '\n';
	}
	if (dk_filter_spool_lines(&sp, scratch, collect_line, &c) == -1)
		rc = test_fail(__FILE__, __LINE__, "spool read");
	if (rc == 0 && test_memeq(__FILE__, __LINE__, "spool", want, wlen,
	    c.buf, c.len))
		rc = 1;
	if (rc == 0 && max < wlen && sp.fd == -1)
		rc = test_fail(__FILE__, __LINE__, "no file past the bound");
	if (rc == 0 && sp.cap > max)
		rc = test_fail(__FILE__, __LINE__, "memory over the bound");
	dk_filter_spool_free(&sp);
	free(want);
	free(c.buf);
	free(scratch);
	return rc;
}

static int
t_spool(void)
{
	return spool_round(FILTER_SPOOL_MIN) || spool_round(64 * 1024) ||
	    spool_round(FILTER_SPOOL_DEFAULT);
}

static const struct test_case cases[] = {
	{ "from-domain", t_from_domain },
	{ "ar-ours", t_ar_ours },
	{ "internal-networks", t_internal },
	{ "spool", t_spool },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
