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
 * The verifier's body hashes (struct dk_bodies): the digest at each l=
 * cut point must equal a canonicalizer limited to l and hashed on its
 * own, whatever the chunks, and l past the body gives none.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../src/dkim/dkim.h"
#include "testlib.h"

static const char *const bodies[] = {
	"",
	"\r\n",
	"line\r\n",
	"a  b \t\r\n\r\n  c\r\n\r\n\r\n",
	" x\r\n\r\n",
	"no final line end",
	"bare\rCR and\n LF \r\n\r\n",
};

/* The digest of body[0..len) canonicalized in mode, first l octets. */
static size_t
reference(const char *body, size_t len, enum dk_canon mode,
    enum dk_hash_alg alg, uint64_t l, uint8_t out[DK_DIGEST_MAX],
    uint64_t *total)
{
	struct dk_canon_body cb;
	struct dk_hash h;

	dk_hash_init(&h, alg);
	dk_canon_body_init(&cb, mode, l, dk_hash_sink, &h);
	dk_canon_body_write(&cb, body, len);
	dk_canon_body_end(&cb);
	*total = cb.total;
	return dk_hash_out(&h, out);
}

/* Every l from 0 to past the end, registered twice, l-less too. */
static int
check_body(const char *body, enum dk_canon mode, enum dk_hash_alg alg,
    size_t step)
{
	struct dk_bodies b;
	uint8_t want[DK_DIGEST_MAX], got[DK_DIGEST_MAX];
	uint64_t l, wtotal, gtotal, lmax = strlen(body) + 4;
	size_t len = strlen(body), i, n, wlen, glen;

	memset(&b, 0, sizeof(b));
	for (l = lmax + 1; l > 0; l--)
		CHECK(dk_bodies_want(&b, mode, alg, 1, l - 1) == DK_OK &&
		    dk_bodies_want(&b, mode, alg, 1, (l - 1) / 2) == DK_OK);
	CHECK(dk_bodies_want(&b, mode, alg, 0, 0) == DK_OK);
	for (i = 0; i < len; i += n) {
		n = step == 0 || step > len - i ? len - i : step;
		dk_bodies_write(&b, body + i, n);
	}
	dk_bodies_end(&b);
	wlen = reference(body, len, mode, alg, UINT64_MAX, want, &wtotal);
	glen = dk_bodies_digest(&b, mode, alg, 0, 0, got, &gtotal);
	CHECK(glen == wlen && memcmp(got, want, wlen) == 0 &&
	    gtotal == wtotal);
	for (l = 0; l <= lmax; l++) {
		glen = dk_bodies_digest(&b, mode, alg, 1, l, got, &gtotal);
		if (l > wtotal) {
			CHECK(glen == 0);
			continue;
		}
		wlen = reference(body, len, mode, alg, l, want, &wtotal);
		if (glen != wlen || memcmp(got, want, wlen) != 0)
			return test_fail(__FILE__, __LINE__, "\"%s\" mode %d "
			    "alg %d step %zu: l=%llu differs", body, (int)mode,
			    (int)alg, step, (unsigned long long)l);
	}
	dk_bodies_free(&b);
	return 0;
}

static int
t_cuts_match_limits(void)
{
	size_t i, step;

	for (i = 0; i < NCASES(bodies); i++)
		for (step = 0; step <= strlen(bodies[i]); step++)
			if (check_body(bodies[i], DK_CANON_SIMPLE,
			    DK_HASH_SHA256, step) ||
			    check_body(bodies[i], DK_CANON_RELAXED,
			    DK_HASH_SHA256, step) ||
			    check_body(bodies[i], DK_CANON_RELAXED,
			    DK_HASH_SHA1, step))
				return 1;
	return 0;
}

/* Streams not registered give nothing; one pass per registered one. */
static int
t_unregistered(void)
{
	struct dk_bodies b;
	uint8_t d[DK_DIGEST_MAX];
	uint64_t total;

	memset(&b, 0, sizeof(b));
	CHECK(dk_bodies_want(&b, DK_CANON_SIMPLE, DK_HASH_SHA256, 0, 0) ==
	    DK_OK);
	dk_bodies_write(&b, "x\r\n", 3);
	CHECK(dk_bodies_digest(&b, DK_CANON_SIMPLE, DK_HASH_SHA256, 0, 0, d,
	    &total) == 0);	/* not ended yet */
	dk_bodies_end(&b);
	CHECK(dk_bodies_digest(&b, DK_CANON_SIMPLE, DK_HASH_SHA256, 0, 0, d,
	    &total) == 32 && total == 3);
	CHECK(dk_bodies_digest(&b, DK_CANON_RELAXED, DK_HASH_SHA256, 0, 0, d,
	    &total) == 0);
	CHECK(dk_bodies_digest(&b, DK_CANON_SIMPLE, DK_HASH_SHA256, 1, 1, d,
	    &total) == 0);	/* l=1 was never registered */
	dk_bodies_free(&b);
	return 0;
}

static const struct test_case cases[] = {
	{ "cuts_match_limits", t_cuts_match_limits },
	{ "unregistered", t_unregistered },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
