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
 * tests/test_lf: bare LF to CRLF (src/dkim/lf.c), against a byte-by-byte
 * reference, with the input cut in two at every offset: short and long
 * lines, a CR ending one chunk before the LF starting the next, CR CR
 * LF, and a line longer than the copy buffer.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/dkim/dkim.h"
#include "testlib.h"

#define IN_MAX	12000

struct sink {
	char	*buf;
	size_t	 len;
	size_t	 calls;
};

static enum dk_status
collect(void *arg, const char *p, size_t len)
{
	struct sink *s = arg;

	memcpy(s->buf + s->len, p, len);
	s->len += len;
	s->calls++;
	return DK_OK;
}

/* The rule, one byte at a time: an LF with no CR before it gains one. */
static size_t
reference(const char *in, size_t len, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r'))
			out[o++] = '\r';
		out[o++] = in[i];
	}
	return o;
}

/* in: short LF lines, CRLF lines, CR CR LF, a 5000-byte line, a bare CR */
static size_t
make_input(char *in)
{
	size_t n = 0, i;

	for (i = 0; i < 300; i++)
		n += (size_t)sprintf(in + n, "line %zu%s", i,
		    i % 7 == 3 ? "\r\n" : i % 11 == 5 ? "\r\r\n" : "\n");
	n += (size_t)sprintf(in + n, "\n\r\n\n");
	memset(in + n, 'x', 5000);
	n += 5000;
	in[n++] = '\n';
	n += (size_t)sprintf(in + n, "tail\rno end");
	return n;
}

static int
t_every_cut(void)
{
	static char in[IN_MAX], want[2 * IN_MAX], got[2 * IN_MAX];
	struct sink s = { got, 0, 0 };
	struct dk_lf lf;
	size_t len, wlen, cut;

	len = make_input(in);
	wlen = reference(in, len, want);
	for (cut = 0; cut <= len; cut++) {
		memset(&lf, 0, sizeof(lf));
		lf.on = 1;
		s.len = 0;
		CHECK(dk_lf_write(&lf, in, cut, collect, &s) == DK_OK);
		CHECK(dk_lf_write(&lf, in + cut, len - cut, collect, &s) ==
		    DK_OK);
		CHECK_MEM("converted", want, wlen, got, s.len);
	}
	return 0;
}

/* LF-only text goes out in a few large pieces, not two per line. */
static int
t_few_calls(void)
{
	static char in[IN_MAX], got[2 * IN_MAX];
	struct sink s = { got, 0, 0 };
	struct dk_lf lf = { 1, 0 };
	size_t n = 0;

	while (n + 8 < IN_MAX)
		n += (size_t)sprintf(in + n, "abcdef\n");
	CHECK(dk_lf_write(&lf, in, n, collect, &s) == DK_OK);
	CHECK(s.len == n + n / 7);
	CHECK(s.calls <= s.len / 4000 + 1);
	return 0;
}

/* Switched off, the bytes go out as they came, in one call. */
static int
t_off(void)
{
	static const char in[] = "a\nb\r\n\n";
	char got[sizeof(in)];
	struct sink s = { got, 0, 0 };
	struct dk_lf lf = { 0, 0 };

	CHECK(dk_lf_write(&lf, in, sizeof(in) - 1, collect, &s) == DK_OK);
	CHECK_MEM("as it came", in, sizeof(in) - 1, got, s.len);
	CHECK(s.calls == 1);
	return 0;
}

static const struct test_case cases[] = {
	{ "every_cut", t_every_cut },
	{ "few_calls", t_few_calls },
	{ "off", t_off },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
