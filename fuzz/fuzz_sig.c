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
 * Fuzz the DKIM-Signature parser (RFC 6376 §3.5, §6.1.1) at a fixed
 * clock. The input is a whole field, "DKIM-Signature: ...", without the
 * final CRLF. Checks: spans point inside the field, strings end inside
 * their arrays, and a field that parses survives dk_sig_format() and
 * dk_sig_append_b() and parses again to the same values.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/dkim/dkim.h"
#include "fuzz.h"

#define FUZZ_SIG_INPUT_MAX	(64 * 1024)	/* a field; DK_HEADER_MAX
						 * allows more, but the tags
						 * are bounded far below */
#define FUZZ_SIG_NOW		1700000000	/* the vectors' clock */

static int
inside(const char *base, size_t len, const struct dk_span *sp)
{
	return sp->p >= base && sp->len <= len &&
	    (size_t)(sp->p - base) <= len - sp->len;
}

static void
check_strings(const struct dk_sig *sig)
{
	DK_FUZZ_CHECK(memchr(sig->domain, '\0', sizeof(sig->domain)) != NULL);
	DK_FUZZ_CHECK(memchr(sig->selector, '\0',
	    sizeof(sig->selector)) != NULL);
	DK_FUZZ_CHECK(memchr(sig->algorithm, '\0',
	    sizeof(sig->algorithm)) != NULL);
	DK_FUZZ_CHECK(memchr(sig->b_prefix, '\0',
	    sizeof(sig->b_prefix)) != NULL);
}

static void
check_good(const struct dk_sig *sig, const char *field, size_t len)
{
	size_t i;
	int from = 0;

	DK_FUZZ_CHECK(inside(field, len, &sig->b_value));
	DK_FUZZ_CHECK(sig->nh >= 1 && sig->nh <= DK_H_MAX);
	for (i = 0; i < sig->nh; i++) {
		DK_FUZZ_CHECK(inside(field, len, &sig->h[i]));
		if (sig->h[i].len == 4 &&
		    strncasecmp(sig->h[i].p, "from", 4) == 0)
			from = 1;
	}
	/* RFC 6376 §5.4: From must be signed */
	DK_FUZZ_CHECK(from);
	DK_FUZZ_CHECK(sig->domain[0] != '\0' && sig->selector[0] != '\0');
	DK_FUZZ_CHECK(memchr(sig->auid, '\0', sizeof(sig->auid)) != NULL);
	DK_FUZZ_CHECK(strchr(sig->auid, '@') != NULL);
	DK_FUZZ_CHECK(sig->bhlen <= DK_DIGEST_MAX);
	DK_FUZZ_CHECK(sig->blen <= DK_SIG_MAX);
	DK_FUZZ_CHECK(!sig->has_x || !sig->has_t || sig->x >= sig->t);
	DK_FUZZ_CHECK(!sig->has_x || sig->x >= FUZZ_SIG_NOW);
}

static void
check_same(const struct dk_sig *a, const struct dk_sig *b)
{
	size_t i;

	DK_FUZZ_CHECK(a->alg == b->alg);
	DK_FUZZ_CHECK(a->hcanon == b->hcanon && a->bcanon == b->bcanon);
	DK_FUZZ_CHECK(strcmp(a->domain, b->domain) == 0);
	DK_FUZZ_CHECK(strcmp(a->selector, b->selector) == 0);
	DK_FUZZ_CHECK(a->nh == b->nh);
	for (i = 0; i < a->nh; i++)
		DK_FUZZ_CHECK(a->h[i].len == b->h[i].len &&
		    memcmp(a->h[i].p, b->h[i].p, a->h[i].len) == 0);
	DK_FUZZ_CHECK(a->bhlen == b->bhlen &&
	    memcmp(a->bh, b->bh, a->bhlen) == 0);
	DK_FUZZ_CHECK(a->blen == b->blen && memcmp(a->b, b->b, a->blen) == 0);
	DK_FUZZ_CHECK(a->has_t == b->has_t && (!a->has_t || a->t == b->t));
	DK_FUZZ_CHECK(a->has_x == b->has_x && (!a->has_x || a->x == b->x));
}

/*
 * Format what was parsed (without i= and l=, which dk_sig_format does
 * not write from a parse) and parse it again.
 */
static void
check_roundtrip(const struct dk_sig *sig)
{
	static struct dk_sig again;
	struct dk_sig_spec spec;
	const char *h[DK_H_MAX];
	char *names, *field, *p;
	size_t i, total;

	if (sig->alg == DK_ALG_RSA_SHA1 || sig->bhlen != 32)
		return;
	for (total = 0, i = 0; i < sig->nh; i++)
		total += sig->h[i].len + 1;
	if ((names = malloc(total)) == NULL)
		abort();
	for (p = names, i = 0; i < sig->nh; i++) {
		memcpy(p, sig->h[i].p, sig->h[i].len);
		p[sig->h[i].len] = '\0';
		h[i] = p;
		p += sig->h[i].len + 1;
	}
	memset(&spec, 0, sizeof(spec));
	spec.alg = sig->alg;
	spec.hcanon = sig->hcanon;
	spec.bcanon = sig->bcanon;
	spec.domain = sig->domain;
	spec.selector = sig->selector;
	spec.auid = NULL;
	spec.h = h;
	spec.nh = sig->nh;
	spec.bh = sig->bh;
	spec.t = sig->has_t ? sig->t : -1;
	spec.x = sig->has_x ? sig->x : -1;
	field = dk_sig_format(&spec);
	DK_FUZZ_CHECK(field != NULL);
	field = dk_sig_append_b(field, sig->b, sig->blen);
	DK_FUZZ_CHECK(field != NULL);
	DK_FUZZ_CHECK(dk_sig_parse(&again, field, strlen(field),
	    FUZZ_SIG_NOW) == DK_R_OK);
	check_same(sig, &again);
	free(field);
	free(names);
}

/*
 * Whether r is one dk_sig_parse() may give (dkim.h): a permerror of a
 * signature on its own, or our bounds.
 */
static int
parse_reason_ok(enum dk_reason r)
{
	switch (r) {
	case DK_R_OK:
	case DK_R_SIG_MISSING_TAG:
	case DK_R_SIG_VERSION:
	case DK_R_SIG_SYNTAX:
	case DK_R_CANON_UNSUPPORTED:
	case DK_R_QUERY_UNSUPPORTED:
	case DK_R_ALGORITHM_UNSUPPORTED:
	case DK_R_EXPIRED:
	case DK_R_IDENTITY_MISMATCH:
	case DK_R_FROM_NOT_SIGNED:
	case DK_R_SIG_TOO_LARGE:
		return 1;
	default:
		return 0;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* static: struct dk_sig holds a DK_SIG_MAX signature and h= spans */
	static struct dk_sig sig;
	enum dk_reason r;

	if (size > FUZZ_SIG_INPUT_MAX)
		return 0;
	/* not NUL: the strings must be set even when parsing stops early */
	memset(&sig, 0xa5, sizeof(sig));
	r = dk_sig_parse(&sig, (const char *)data, size, FUZZ_SIG_NOW);
	DK_FUZZ_CHECK(parse_reason_ok(r));
	check_strings(&sig);
	if (r != DK_R_OK)
		return 0;
	check_good(&sig, (const char *)data, size);
	check_roundtrip(&sig);
	return 0;
}
