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
 * src/canon: header and body canonicalization (RFC 6376 §3.4). Every
 * body case is fed whole, byte by byte, split in two at every offset,
 * and in random chunks (with empty writes between them), and must give
 * the same output, emitted and total each time.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/canon/canon.h"
#include "testlib.h"

/* Test inputs are small; bigger output means a runaway canonicalizer. */
#define OUT_MAX		(1024 * 1024)
/* Random multi-chunk feeds per body case. */
#define RANDOM_SPLITS	32
/* Chunks are at most this long in the random feeds. */
#define RANDOM_CHUNK	7

#define S	DK_CANON_SIMPLE
#define R	DK_CANON_RELAXED
#define NOLIMIT	UINT64_MAX

struct out {
	unsigned char	 b[OUT_MAX];
	size_t		 len;
	size_t		 calls;
	int		 bad;	/* an empty call, or output past OUT_MAX */
};

static struct out out;
static uint32_t rng = 0x2545f491;

static uint32_t
rnd(void)
{
	/* xorshift32: a fixed sequence, so failures repeat */
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void
sink(void *arg, const void *p, size_t n)
{
	struct out *o = arg;

	o->calls++;
	if (n == 0 || n > OUT_MAX - o->len) {
		o->bad = 1;
		return;
	}
	memcpy(o->b + o->len, p, n);
	o->len += n;
}

static void
out_reset(void)
{
	out.len = out.calls = 0;
	out.bad = 0;
}

/*
 * Feed in[0..len) as chunks ending at cuts[0..ncuts) and then at len,
 * with an empty write before each chunk. Output lands in out.
 */
static void
feed(struct dk_canon_body *cb, enum dk_canon mode, uint64_t limit,
    const char *in, size_t len, const size_t *cuts, size_t ncuts)
{
	size_t i, at = 0, to;

	out_reset();
	dk_canon_body_init(cb, mode, limit, sink, &out);
	for (i = 0; i <= ncuts; i++) {
		to = i < ncuts ? cuts[i] : len;
		dk_canon_body_write(cb, in + at, 0);
		dk_canon_body_write(cb, in + at, to - at);
		at = to;
	}
	dk_canon_body_end(cb);
}

/* Check one feed against the full (unlimited) expected output. */
static int
check_feed(const char *file, int line, const char *how, uint64_t limit,
    const struct dk_canon_body *cb, const char *want, size_t wantlen)
{
	size_t n = limit < wantlen ? (size_t)limit : wantlen;

	if (out.bad)
		return test_fail(file, line, "%s: empty or runaway sink call",
		    how);
	if (test_memeq(file, line, how, want, n, out.b, out.len))
		return 1;
	if (cb->total != wantlen)
		return test_fail(file, line, "%s: total %llu, want %zu", how,
		    (unsigned long long)cb->total, wantlen);
	if (cb->emitted != n)
		return test_fail(file, line, "%s: emitted %llu, want %zu", how,
		    (unsigned long long)cb->emitted, n);
	return 0;
}

static int
body_case(const char *file, int line, enum dk_canon mode, uint64_t limit,
    const char *in, size_t len, const char *want, size_t wantlen)
{
	struct dk_canon_body cb;
	size_t *cuts, i, k, at;
	char how[64];
	int rc = 1;

	if ((cuts = calloc(len + 1, sizeof(*cuts))) == NULL)
		return test_fail(file, line, "out of memory");
	feed(&cb, mode, limit, in, len, NULL, 0);
	if (check_feed(file, line, "whole", limit, &cb, want, wantlen))
		goto done;
	for (i = 0; i + 1 < len; i++)
		cuts[i] = i + 1;
	feed(&cb, mode, limit, in, len, cuts, len > 0 ? len - 1 : 0);
	if (check_feed(file, line, "byte by byte", limit, &cb, want, wantlen))
		goto done;
	for (i = 0; i <= len; i++) {
		cuts[0] = i;
		feed(&cb, mode, limit, in, len, cuts, 1);
		snprintf(how, sizeof(how), "split at %zu", i);
		if (check_feed(file, line, how, limit, &cb, want, wantlen))
			goto done;
	}
	for (k = 0; k < RANDOM_SPLITS; k++) {
		for (i = 0, at = 0; at < len; i++)
			cuts[i] = at += 1 + rnd() % RANDOM_CHUNK;
		feed(&cb, mode, limit, in, len, cuts, i > 0 ? i - 1 : 0);
		snprintf(how, sizeof(how), "random split #%zu", k);
		if (check_feed(file, line, how, limit, &cb, want, wantlen))
			goto done;
	}
	rc = 0;
done:
	free(cuts);
	return rc;
}

/* in and want are string literals; want is the output with no limit. */
#define BODY_L(mode, limit, in, want) do {				\
	if (body_case(__FILE__, __LINE__, (mode), (limit), (in),	\
	    sizeof(in) - 1, (want), sizeof(want) - 1))			\
		return 1;						\
} while (0)
#define BODY(mode, in, want)	BODY_L(mode, NOLIMIT, in, want)

static int
header_case(const char *file, int line, enum dk_canon mode, int crlf,
    const char *in, size_t len, const char *want, size_t wantlen)
{
	out_reset();
	dk_canon_header(mode, in, len, crlf, sink, &out);
	if (out.bad)
		return test_fail(file, line, "empty or runaway sink call");
	return test_memeq(file, line, "header", want, wantlen, out.b,
	    out.len);
}

#define HDR(mode, crlf, in, want) do {					\
	if (header_case(__FILE__, __LINE__, (mode), (crlf), (in),	\
	    sizeof(in) - 1, (want), sizeof(want) - 1))			\
		return 1;						\
} while (0)

/* RFC 6376 §3.4.5, from vectors/rfc/canon */

#define RFC_DIR	"vectors/rfc/canon/rfc6376-3.4.5"

/* Length of the header field at p (up to end), continuation lines in. */
static size_t
field_len(const char *p, const char *end)
{
	const char *q = p;

	while ((q = memchr(q, '\r', (size_t)(end - q))) != NULL &&
	    end - q >= 3 && (q[1] != '\n' || q[2] == ' ' || q[2] == '\t'))
		q++;
	return q == NULL ? (size_t)(end - p) : (size_t)(q - p);
}

static int
rfc_header(enum dk_canon mode, const char *wantfile)
{
	char *msg, *want, *p, *end;
	size_t msglen, wantlen, n;
	int rc = 1;

	msg = test_readfile(RFC_DIR ".eml", &msglen);
	want = test_readfile(wantfile, &wantlen);
	if (msg == NULL || want == NULL) {
		test_fail(__FILE__, __LINE__, "cannot read %s", wantfile);
		goto done;
	}
	if ((end = strstr(msg, "\r\n\r\n")) == NULL) {
		test_fail(__FILE__, __LINE__, "no end of header");
		goto done;
	}
	end += 2;
	out_reset();
	/* RFC 5322 §2.2.3: a line starting with WSP continues a field */
	for (p = msg; p < end; p += n + 2) {
		n = field_len(p, end);
		dk_canon_header(mode, p, n, 1, sink, &out);
	}
	rc = test_memeq(__FILE__, __LINE__, wantfile, want, wantlen, out.b,
	    out.len);
done:
	free(msg);
	free(want);
	return rc;
}

static int
rfc_body(enum dk_canon mode, const char *wantfile)
{
	char *msg, *want, *body;
	size_t msglen, wantlen;
	int rc = 1;

	msg = test_readfile(RFC_DIR ".eml", &msglen);
	want = test_readfile(wantfile, &wantlen);
	if (msg == NULL || want == NULL)
		test_fail(__FILE__, __LINE__, "cannot read %s", wantfile);
	else if ((body = strstr(msg, "\r\n\r\n")) == NULL)
		test_fail(__FILE__, __LINE__, "no end of header");
	else {
		body += 4;
		rc = body_case(__FILE__, __LINE__, mode, NOLIMIT, body,
		    msglen - (size_t)(body - msg), want, wantlen);
	}
	free(msg);
	free(want);
	return rc;
}

static int
t_rfc_header_simple(void)
{
	return rfc_header(S, RFC_DIR ".header.simple");
}

static int
t_rfc_header_relaxed(void)
{
	return rfc_header(R, RFC_DIR ".header.relaxed");
}

static int
t_rfc_body_simple(void)
{
	return rfc_body(S, RFC_DIR ".body.simple");
}

static int
t_rfc_body_relaxed(void)
{
	return rfc_body(R, RFC_DIR ".body.relaxed");
}

/* Header fields */

static int
t_header_simple(void)
{
	/* §3.4.1: nothing changes */
	HDR(S, 1, "SubJect :  Hi\t there \r\n\tyou ",
	    "SubJect :  Hi\t there \r\n\tyou \r\n");
	HDR(S, 0, "A: b", "A: b");
	HDR(S, 0, "", "");
	HDR(S, 1, "", "\r\n");
	return 0;
}

static int
t_header_relaxed_name(void)
{
	/* §3.4.2: only the name is lowercased */
	HDR(R, 1, "SubJect: HeLLo", "subject:HeLLo\r\n");
	HDR(R, 1, "X-A:B:C", "x-a:B:C\r\n");
	HDR(R, 0, "FROM:x", "from:x");
	HDR(DK_CANON_DEFAULT, 0, "FROM:x", "from:x");
	return 0;
}

static int
t_header_relaxed_colon(void)
{
	/* §3.4.2: WSP before and after the colon is deleted */
	HDR(R, 0, "A \t : \t b", "a:b");
	HDR(R, 0, "A:b", "a:b");
	HDR(R, 0, "A :", "a:");
	HDR(R, 0, "A: \t ", "a:");
	HDR(R, 0, "A:\r\n b", "a:b");
	return 0;
}

static int
t_header_relaxed_wsp(void)
{
	/* §3.4.2: unfold, WSP runs to one SP, trailing WSP deleted */
	HDR(R, 0, "A: x \t y\t", "a:x y");
	HDR(R, 0, "A: x\r\n\ty\r\n  z  ", "a:x y z");
	HDR(R, 0, "A: x\r\n y", "a:x y");
	HDR(R, 0, "A: x\ty \r\n ", "a:x y");
	return 0;
}

static int
t_header_relaxed_hostile(void)
{
	/* not valid fields, but they must come out deterministic */
	HDR(R, 0, "NoColon Here", "nocolon here");
	HDR(R, 0, "A: x\ry\nz", "a:x\ry\nz");
	HDR(R, 0, "A: x\r", "a:x\r");
	HDR(R, 0, "\r\n", "");
	HDR(R, 1, "", "\r\n");
	HDR(R, 0, "A: \xff\x80", "a:\xff\x80");
	return 0;
}

static int
t_header_one_call(void)
{
	out_reset();
	dk_canon_header(R, "Subject:  a  b", 14, 1, sink, &out);
	CHECK(out.calls == 1);
	out_reset();
	dk_canon_header(S, "Subject:  a  b", 14, 1, sink, &out);
	CHECK(out.calls == 1);
	return 0;
}

static int
t_header_long(void)
{
	/* longer than the gathering buffer: lone SPs, no fold, no end WSP */
	enum { N = 5000 };
	static char in[N], want[N + 2];
	size_t i;

	memcpy(in, "X-Long:", 7);
	for (i = 7; i < N; i++)
		in[i] = i % 3 == 0 ? ' ' : (char)('a' + i % 26);
	memcpy(want, in, N);
	memcpy(want + N, "\r\n", 2);
	if (header_case(__FILE__, __LINE__, S, 1, in, N, want, N + 2))
		return 1;
	memcpy(want, "x-long:", 7);
	return header_case(__FILE__, __LINE__, R, 1, in, N, want, N + 2);
}

/* Body: simple (§3.4.3) */

static int
t_simple_empty(void)
{
	/* §3.4.3: an empty body is one CRLF, so are only empty lines */
	BODY(S, "", "\r\n");
	BODY(S, "\r\n", "\r\n");
	BODY(S, "\r\n\r\n\r\n", "\r\n");
	return 0;
}

static int
t_simple_trailing_lines(void)
{
	BODY(S, "a\r\n\r\n\r\n", "a\r\n");
	BODY(S, "a\r\n\r\nb\r\n\r\n", "a\r\n\r\nb\r\n");
	BODY(S, "\r\n\r\na\r\n", "\r\n\r\na\r\n");
	/* a line of WSP is not empty under simple */
	BODY(S, "a\r\n \r\n\r\n", "a\r\n \r\n");
	BODY(S, "a  \t\r\n", "a  \t\r\n");
	return 0;
}

static int
t_simple_no_final_crlf(void)
{
	BODY(S, "a", "a\r\n");
	BODY(S, "a\r\nb", "a\r\nb\r\n");
	BODY(S, "\r\n\r\nb", "\r\n\r\nb\r\n");
	BODY(S, " ", " \r\n");
	return 0;
}

static int
t_simple_bare_cr_lf(void)
{
	/* only CRLF ends a line */
	BODY(S, "a\rb\r\n", "a\rb\r\n");
	BODY(S, "a\nb\r\n", "a\nb\r\n");
	BODY(S, "\n", "\n\r\n");
	BODY(S, "\r", "\r\r\n");
	BODY(S, "a\r", "a\r\r\n");
	BODY(S, "a\r\r\n", "a\r\r\n");
	BODY(S, "a\r\n\r", "a\r\n\r\r\n");
	BODY(S, "a\r\n\r\r\n\r\n", "a\r\n\r\r\n");
	BODY(S, "\n\r\n\r\n", "\n\r\n");
	BODY(S, "a\n\r", "a\n\r\r\n");
	BODY(S, "\r\r\r\n\n\n", "\r\r\r\n\n\n\r\n");
	return 0;
}

/* Body: relaxed (§3.4.4) */

static int
t_relaxed_empty(void)
{
	/* §3.4.4: an empty body stays empty, and so do empty lines */
	BODY(R, "", "");
	BODY(R, "\r\n", "");
	BODY(R, "\r\n\r\n\r\n", "");
	return 0;
}

static int
t_relaxed_wsp_lines(void)
{
	/* lines of WSP only are empty once their WSP is deleted */
	BODY(R, " \r\n\t\r\n \t \r\n", "");
	/* a last line without CRLF keeps its WSP run (see body.c) */
	BODY(R, " ", " \r\n");
	BODY(R, "\r\n \t", "\r\n \r\n");
	BODY(R, "a\r\n \r\n\t\t\r\n", "a\r\n");
	BODY(R, "a\r\n \t \r\nb\r\n", "a\r\n\r\nb\r\n");
	BODY(R, "a\r\n \r\n\r\n  \r\nb", "a\r\n\r\n\r\n\r\nb\r\n");
	return 0;
}

static int
t_relaxed_wsp_runs(void)
{
	BODY(R, "a \t b\r\n", "a b\r\n");
	BODY(R, "a\tb\r\n", "a b\r\n");
	BODY(R, "a  b  c\r\n", "a b c\r\n");
	BODY(R, "a b c\r\n", "a b c\r\n");
	/* leading WSP is a run like any other: one SP, not deleted */
	BODY(R, " \t a\r\n", " a\r\n");
	BODY(R, "x\r\n\r\n \ta\r\n", "x\r\n\r\n a\r\n");
	BODY(R, "x\r\n a\r\n", "x\r\n a\r\n");
	return 0;
}

static int
t_relaxed_trailing_wsp(void)
{
	BODY(R, "a \r\n", "a\r\n");
	BODY(R, "a \t \t\r\nb\t\r\n", "a\r\nb\r\n");
	BODY(R, "a b \r\n\r\n", "a b\r\n");
	/*
	 * The last line without CRLF is not a line yet: its WSP run
	 * becomes one SP and stays, then the CRLF is added (dkimpy agrees).
	 */
	BODY(R, "a", "a\r\n");
	BODY(R, "a \t", "a \r\n");
	BODY(R, "a\r\nb  ", "a\r\nb \r\n");
	return 0;
}

static int
t_relaxed_bare_cr_lf(void)
{
	/* a bare CR or LF is content, and WSP before it is inside a line */
	BODY(R, "a \rb\r\n", "a \rb\r\n");
	BODY(R, "a\t\r b\r\n", "a \r b\r\n");
	BODY(R, "a \n b\r\n", "a \n b\r\n");
	BODY(R, "a \t\r", "a \r\r\n");
	BODY(R, "\r", "\r\r\n");
	BODY(R, "\n", "\n\r\n");
	BODY(R, "\r\n\r\n\r", "\r\n\r\n\r\r\n");
	BODY(R, " \r\r\n", " \r\r\n");
	BODY(R, "a  \r\r\n \r\n", "a \r\r\n");
	return 0;
}

/* Across chunk boundaries: the split-at-every-offset feeds cover these. */

static int
t_cr_at_chunk_end(void)
{
	BODY(S, "ab\r\ncd\r\n", "ab\r\ncd\r\n");
	BODY(R, "ab\r\ncd\r\n", "ab\r\ncd\r\n");
	BODY(S, "ab\r\r\n\r\r", "ab\r\r\n\r\r\r\n");
	BODY(R, "ab\r\r\n\r\r", "ab\r\r\n\r\r\r\n");
	return 0;
}

static int
t_wsp_across_chunks(void)
{
	BODY(R, "a   \t   b\r\n", "a b\r\n");
	BODY(R, "a     \r\n\r\n     b", "a\r\n\r\n b\r\n");
	BODY(R, "a \t \r\n", "a\r\n");
	BODY(R, "  \t  \r\n  \t  \r\nx", "\r\n\r\nx\r\n");
	return 0;
}

static int
t_long_empty_run(void)
{
	/* more pending empty lines than one flush from the static string */
	enum { N = 300 };
	static char in[2 * N + 4], want[2 * N + 4];
	size_t i;

	for (i = 0; i < N; i++)
		memcpy(in + 2 * i, "\r\n", 2);
	memcpy(in + 2 * N, "x\r\n", 3);
	memcpy(want, in, 2 * N + 3);
	if (body_case(__FILE__, __LINE__, S, NOLIMIT, in, 2 * N + 3, want,
	    2 * N + 3) ||
	    body_case(__FILE__, __LINE__, R, NOLIMIT, in, 2 * N + 3, want,
	    2 * N + 3))
		return 1;
	/* the same run at the end is dropped */
	return body_case(__FILE__, __LINE__, R, NOLIMIT, in, 2 * N, "", 0) ||
	    body_case(__FILE__, __LINE__, S, NOLIMIT, in, 2 * N, "\r\n", 2);
}

/* l= (§3.5): limit caps OUTPUT octets; total counts them all */

static int
t_limit_zero(void)
{
	BODY_L(S, 0, "a b\r\n", "a b\r\n");
	BODY_L(R, 0, "a  b\r\n", "a b\r\n");
	BODY_L(S, 0, "", "\r\n");
	BODY_L(R, 0, "", "");
	return 0;
}

static int
t_limit_mid_line(void)
{
	BODY_L(S, 3, "ab  cd\r\nef\r\n", "ab  cd\r\nef\r\n");
	/* counted after canonicalization: "ab c" is 4 output octets */
	BODY_L(R, 4, "ab \t cd\r\nef\r\n", "ab cd\r\nef\r\n");
	BODY_L(R, 3, "ab\r\n\r\n\r\ncd\r\n", "ab\r\n\r\n\r\ncd\r\n");
	BODY_L(R, 5, "ab\r\n\r\n\r\ncd\r\n", "ab\r\n\r\n\r\ncd\r\n");
	/* inside the CRLF added at the end */
	BODY_L(R, 3, "ab", "ab\r\n");
	return 0;
}

static int
t_limit_exact(void)
{
	BODY_L(S, 6, "ab\r\ncd", "ab\r\ncd\r\n");
	BODY_L(S, 8, "ab\r\ncd", "ab\r\ncd\r\n");
	BODY_L(R, 8, "ab \r\ncd \r\n\r\n", "ab\r\ncd\r\n");
	BODY_L(S, 2, "", "\r\n");
	return 0;
}

static int
t_limit_beyond(void)
{
	BODY_L(S, 9, "ab\r\ncd", "ab\r\ncd\r\n");
	BODY_L(R, 1000, "ab \r\ncd \r\n\r\n", "ab\r\ncd\r\n");
	BODY_L(R, 1, "", "");
	return 0;
}

static int
t_total_vs_emitted(void)
{
	struct dk_canon_body cb;

	feed(&cb, R, 5, "abc   def\r\n\r\n", 13, NULL, 0);
	CHECK(cb.emitted == 5);
	CHECK(cb.total == 9);
	CHECK(cb.limit == 5);
	/* end twice and a write after end change nothing */
	dk_canon_body_write(&cb, "x", 1);
	dk_canon_body_end(&cb);
	CHECK(cb.total == 9);
	CHECK(out.len == 5);
	return 0;
}

/*
 * Random inputs over the octets that matter: whatever the output, it
 * must not depend on where the input is split.
 */
static int
t_random_inputs(void)
{
	static const char alphabet[] = " \t\r\nab";
	struct dk_canon_body cb;
	char in[48], want[256];
	size_t len, wantlen, i;
	int k, m;

	for (k = 0; k < 400; k++) {
		len = rnd() % sizeof(in);
		for (i = 0; i < len; i++)
			in[i] = alphabet[rnd() % (sizeof(alphabet) - 1)];
		for (m = S; m <= R; m++) {
			feed(&cb, (enum dk_canon)m, NOLIMIT, in, len, NULL, 0);
			CHECK(out.len <= sizeof(want));
			wantlen = out.len;
			memcpy(want, out.b, wantlen);
			if (body_case(__FILE__, __LINE__, (enum dk_canon)m,
			    NOLIMIT, in, len, want, wantlen) ||
			    body_case(__FILE__, __LINE__, (enum dk_canon)m,
			    rnd() % (wantlen + 2), in, len, want, wantlen))
				return 1;
		}
	}
	return 0;
}

static const struct test_case cases[] = {
	{ "rfc6376_3_4_5_header_simple", t_rfc_header_simple },
	{ "rfc6376_3_4_5_header_relaxed", t_rfc_header_relaxed },
	{ "rfc6376_3_4_5_body_simple", t_rfc_body_simple },
	{ "rfc6376_3_4_5_body_relaxed", t_rfc_body_relaxed },
	{ "header_simple", t_header_simple },
	{ "header_relaxed_name", t_header_relaxed_name },
	{ "header_relaxed_colon", t_header_relaxed_colon },
	{ "header_relaxed_wsp", t_header_relaxed_wsp },
	{ "header_relaxed_hostile", t_header_relaxed_hostile },
	{ "header_one_sink_call", t_header_one_call },
	{ "header_long", t_header_long },
	{ "simple_empty_body", t_simple_empty },
	{ "simple_trailing_empty_lines", t_simple_trailing_lines },
	{ "simple_no_final_crlf", t_simple_no_final_crlf },
	{ "simple_bare_cr_lf", t_simple_bare_cr_lf },
	{ "relaxed_empty_body", t_relaxed_empty },
	{ "relaxed_whitespace_lines", t_relaxed_wsp_lines },
	{ "relaxed_wsp_runs", t_relaxed_wsp_runs },
	{ "relaxed_trailing_wsp", t_relaxed_trailing_wsp },
	{ "relaxed_bare_cr_lf", t_relaxed_bare_cr_lf },
	{ "cr_at_chunk_end", t_cr_at_chunk_end },
	{ "wsp_across_chunks", t_wsp_across_chunks },
	{ "long_empty_line_run", t_long_empty_run },
	{ "limit_zero", t_limit_zero },
	{ "limit_mid_line", t_limit_mid_line },
	{ "limit_exact", t_limit_exact },
	{ "limit_beyond_body", t_limit_beyond },
	{ "total_vs_emitted", t_total_vs_emitted },
	{ "random_inputs_any_split", t_random_inputs },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
