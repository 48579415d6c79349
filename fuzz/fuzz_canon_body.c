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
 * Fuzz the streaming body canonicalizer (RFC 6376 §3.4.3, §3.4.4, §3.5).
 * Input: a flags byte (bit 0: relaxed, bit 1: apply the limit), two
 * bytes of limit (big-endian), DK_FUZZ_NSIZES bytes of chunk sizes, then
 * the body. The body is canonicalized once in one piece without a limit,
 * then again in chunks with the limit. Checks: the chunked output is the
 * one-piece output cut at the limit, emitted and total agree, and the
 * output ends the way §3.4.3 and §3.4.4 say.
 */

#include <stdint.h>
#include <string.h>

#include "../src/canon/canon.h"
#include "fuzz.h"

#define FUZZ_BODY_INPUT_MAX	(256 * 1024)	/* enough for many lines
							 * and chunk boundaries */
#define FUZZ_BODY_RELAXED	0x01
#define FUZZ_BODY_LIMIT		0x02
#define FUZZ_BODY_HDRLEN	3		/* flags, 2 bytes of limit */

/*
 * The most output a body of len bytes may give: CRLF lines come out at
 * most as long as they went in, plus a CRLF added at the end. Twice the
 * input allows a canonicalizer that turns bare LF into CRLF.
 */
#define FUZZ_BODY_OUT_MAX(len)	(2 * (len) + 2)

static void
run_whole(enum dk_canon mode, const uint8_t *body, size_t len,
    struct dk_canon_body *cb, struct dk_fuzz_buf *out)
{
	dk_fuzz_buf_init(out, FUZZ_BODY_OUT_MAX(len));
	dk_canon_body_init(cb, mode, UINT64_MAX, dk_fuzz_sink, out);
	dk_canon_body_write(cb, body, len);
	dk_canon_body_end(cb);
}

static void
run_chunked(enum dk_canon mode, uint64_t limit, struct dk_fuzz_chunker *ch,
    const uint8_t *body, size_t len, struct dk_canon_body *cb,
    struct dk_fuzz_buf *out)
{
	size_t off, n;

	dk_fuzz_buf_init(out, FUZZ_BODY_OUT_MAX(len));
	dk_canon_body_init(cb, mode, limit, dk_fuzz_sink, out);
	dk_canon_body_write(cb, body, 0);
	for (off = 0; off < len; off += n) {
		n = dk_fuzz_chunk(ch, len - off);
		dk_canon_body_write(cb, body + off, n);
	}
	dk_canon_body_end(cb);
}

static void
check_ending(enum dk_canon mode, const struct dk_fuzz_buf *out)
{
	if (mode == DK_CANON_SIMPLE)
		/* §3.4.3: an empty body becomes one CRLF */
		DK_FUZZ_CHECK(out->len >= 2);
	if (out->len == 0)
		return;
	DK_FUZZ_CHECK(out->len >= 2 &&
	    memcmp(out->p + out->len - 2, "\r\n", 2) == 0);
	/* §3.4.3, §3.4.4: empty lines at the end are removed */
	DK_FUZZ_CHECK(out->len < 4 ||
	    memcmp(out->p + out->len - 4, "\r\n\r\n", 4) != 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dk_canon_body whole, chunked;
	struct dk_fuzz_buf wout, cout;
	struct dk_fuzz_chunker ch;
	enum dk_canon mode;
	uint64_t limit, want;

	if (size < FUZZ_BODY_HDRLEN || size > FUZZ_BODY_INPUT_MAX)
		return 0;
	mode = data[0] & FUZZ_BODY_RELAXED ? DK_CANON_RELAXED :
	    DK_CANON_SIMPLE;
	limit = data[0] & FUZZ_BODY_LIMIT ?
	    (uint64_t)data[1] << 8 | data[2] : UINT64_MAX;
	data += FUZZ_BODY_HDRLEN;
	size -= FUZZ_BODY_HDRLEN;
	dk_fuzz_chunker_init(&ch, &data, &size);

	run_whole(mode, data, size, &whole, &wout);
	DK_FUZZ_CHECK(whole.emitted == wout.len && whole.total == wout.len);
	check_ending(mode, &wout);

	run_chunked(mode, limit, &ch, data, size, &chunked, &cout);
	want = whole.total < limit ? whole.total : limit;
	DK_FUZZ_CHECK(chunked.total == whole.total);
	DK_FUZZ_CHECK(chunked.emitted == want && cout.len == want);
	DK_FUZZ_CHECK(want == 0 || memcmp(cout.p, wout.p, want) == 0);

	dk_fuzz_buf_free(&wout);
	dk_fuzz_buf_free(&cout);
	return 0;
}
