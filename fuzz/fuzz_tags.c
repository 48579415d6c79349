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
 * Fuzz the tag-list parser (RFC 6376 §3.2). The input is the text of a
 * tag list. Checks: every tag points inside the input, names are
 * non-empty tag-names, values carry no FWS at either end, dk_tags_find()
 * finds each tag, and a smaller max gives DK_TAGS_TOO_MANY exactly when
 * the list has more tags than that.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/dkim/tags.h"
#include "fuzz.h"

/* Tag lists are header field values or key records; both fit in this. */
#define FUZZ_TAGS_INPUT_MAX	(64 * 1024)
#define FUZZ_TAGS_SMALL_MAX	3	/* max for the second parse */

static int
inside(const char *base, size_t len, const char *p, size_t plen)
{
	return p >= base && plen <= len && (size_t)(p - base) <= len - plen;
}

static int
is_wsp(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void
check_tag(const char *s, size_t len, const struct dk_tag *tags, size_t ntags,
    const struct dk_tag *t)
{
	const struct dk_tag *found;
	char name[FUZZ_TAGS_INPUT_MAX + 1];
	size_t i;

	DK_FUZZ_CHECK(t->namelen > 0);
	DK_FUZZ_CHECK(inside(s, len, t->name, t->namelen));
	DK_FUZZ_CHECK(inside(s, len, t->value, t->valuelen));
	/* RFC 6376 §3.2: tag-name = ALPHA *ALNUMPUNC */
	DK_FUZZ_CHECK(is_alpha(t->name[0]));
	for (i = 1; i < t->namelen; i++)
		DK_FUZZ_CHECK(is_alpha(t->name[i]) || t->name[i] == '_' ||
		    (t->name[i] >= '0' && t->name[i] <= '9'));
	/* tval = 1*VALCHAR, VALCHAR = %x21-3A / %x3C-7E, FWS between */
	for (i = 0; i < t->valuelen; i++)
		DK_FUZZ_CHECK(is_wsp(t->value[i]) || (t->value[i] >= 0x21 &&
		    t->value[i] <= 0x7e && t->value[i] != ';'));
	if (t->valuelen > 0) {
		DK_FUZZ_CHECK(!is_wsp(t->value[0]));
		DK_FUZZ_CHECK(!is_wsp(t->value[t->valuelen - 1]));
	}
	memcpy(name, t->name, t->namelen);
	name[t->namelen] = '\0';
	found = dk_tags_find(tags, ntags, name);
	DK_FUZZ_CHECK(found != NULL && found->namelen == t->namelen &&
	    memcmp(found->name, t->name, t->namelen) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dk_tag tags[DK_TAGS_MAX], small[FUZZ_TAGS_SMALL_MAX];
	const char *s = (const char *)data;
	enum dk_tags_err err, err2;
	size_t ntags, nsmall, errpos, i;

	if (size > FUZZ_TAGS_INPUT_MAX)
		return 0;
	ntags = errpos = 0;
	err = dk_tags_parse(s, size, tags, DK_TAGS_MAX, &ntags, &errpos);
	if (err != DK_TAGS_OK) {
		DK_FUZZ_CHECK(err == DK_TAGS_SYNTAX ||
		    err == DK_TAGS_DUPLICATE || err == DK_TAGS_TOO_MANY);
		DK_FUZZ_CHECK(errpos <= size);
		return 0;
	}
	DK_FUZZ_CHECK(ntags <= DK_TAGS_MAX);
	for (i = 0; i < ntags; i++)
		check_tag(s, size, tags, ntags, &tags[i]);

	nsmall = errpos = 0;
	err2 = dk_tags_parse(s, size, small, FUZZ_TAGS_SMALL_MAX, &nsmall,
	    &errpos);
	if (ntags > FUZZ_TAGS_SMALL_MAX)
		DK_FUZZ_CHECK(err2 == DK_TAGS_TOO_MANY);
	else
		DK_FUZZ_CHECK(err2 == DK_TAGS_OK && nsmall == ntags);
	return 0;
}
