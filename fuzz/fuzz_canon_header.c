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
 * Fuzz header field canonicalization (RFC 6376 §3.4.1, §3.4.2). Input:
 * one flags byte (bit 0: relaxed, bit 1: emit the final CRLF), then the
 * field. Checks: simple output is the field unchanged (plus CRLF);
 * relaxed output is never longer than the field (plus CRLF), and, for a
 * well-formed field, canonicalizing it again changes nothing. Every
 * output also goes through the SHA-256 sink, as the engine uses it.
 */

#include <stdint.h>
#include <string.h>

#include "../src/canon/canon.h"
#include "../src/crypto/crypto.h"
#include "fuzz.h"

#define FUZZ_HDR_INPUT_MAX	(64 * 1024)	/* one field, folded; RFC
						 * 5322 lines are 998 octets */
#define FUZZ_HDR_RELAXED	0x01
#define FUZZ_HDR_CRLF		0x02

/*
 * A field as RFC 5322 §2.2 has it: a name of printable characters but
 * colon, a colon, and a value where CR and LF come only as CRLF WSP
 * (folding). Relaxed canonicalization is idempotent on those.
 */
static int
well_formed(const uint8_t *p, size_t len)
{
	size_t i, colon;

	for (colon = 0; colon < len && p[colon] != ':'; colon++)
		if (p[colon] <= 0x20 || p[colon] >= 0x7f)
			return 0;
	if (colon == 0 || colon == len)
		return 0;
	for (i = colon + 1; i < len; i++) {
		if (p[i] == '\n')
			return 0;
		if (p[i] != '\r')
			continue;
		if (i + 2 >= len || p[i + 1] != '\n' ||
		    (p[i + 2] != ' ' && p[i + 2] != '\t'))
			return 0;
		i++;
	}
	return 1;
}

static void
run(enum dk_canon mode, const uint8_t *field, size_t len, int crlf,
    struct dk_fuzz_buf *out)
{
	struct dk_hash h;
	uint8_t digest[DK_DIGEST_MAX];

	dk_fuzz_buf_init(out, len + 2);
	dk_canon_header(mode, (const char *)field, len, crlf, dk_fuzz_sink,
	    out);
	dk_hash_init(&h, DK_HASH_SHA256);
	dk_canon_header(mode, (const char *)field, len, crlf, dk_hash_sink,
	    &h);
	(void)dk_hash_out(&h, digest);
}

static void
check_simple(const uint8_t *field, size_t len, int crlf)
{
	struct dk_fuzz_buf out;

	/* RFC 6376 §3.4.1: "simple" changes nothing */
	run(DK_CANON_SIMPLE, field, len, crlf, &out);
	DK_FUZZ_CHECK(out.len == len + (crlf ? 2 : 0));
	DK_FUZZ_CHECK(len == 0 || memcmp(out.p, field, len) == 0);
	DK_FUZZ_CHECK(!crlf || memcmp(out.p + len, "\r\n", 2) == 0);
	dk_fuzz_buf_free(&out);
}

static void
check_relaxed(const uint8_t *field, size_t len, int crlf)
{
	struct dk_fuzz_buf out, again;

	run(DK_CANON_RELAXED, field, len, crlf, &out);
	if (crlf) {
		DK_FUZZ_CHECK(out.len >= 2);
		DK_FUZZ_CHECK(memcmp(out.p + out.len - 2, "\r\n", 2) == 0);
	}
	if (well_formed(field, len)) {
		run(DK_CANON_RELAXED, out.p, out.len - (crlf ? 2 : 0), crlf,
		    &again);
		DK_FUZZ_CHECK(dk_fuzz_buf_eq(&out, &again));
		dk_fuzz_buf_free(&again);
	}
	dk_fuzz_buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int crlf;

	if (size < 1 || size > FUZZ_HDR_INPUT_MAX)
		return 0;
	crlf = (data[0] & FUZZ_HDR_CRLF) != 0;
	if (data[0] & FUZZ_HDR_RELAXED)
		check_relaxed(data + 1, size - 1, crlf);
	else
		check_simple(data + 1, size - 1, crlf);
	return 0;
}
