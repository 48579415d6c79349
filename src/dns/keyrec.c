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
 * Key records (RFC 6376 §3.6.1): the text of a TXT record turned into a
 * public key and its restrictions. Pure: no I/O, no allocation. The text
 * comes from DNS, so it is hostile input.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../dkim/tags.h"
#include "dns.h"

/* p= is inside the record, so its base64 cannot decode to more. */
#define KEYREC_DER_MAX	(DK_KEYREC_MAX / 4 * 3)

struct span {
	const char	*p;
	size_t		 len;
};

static int
span_eq(struct span s, const char *word)
{
	return s.len == strlen(word) && memcmp(s.p, word, s.len) == 0;
}

static struct span
tag_span(const struct dk_tag *t)
{
	struct span s = { NULL, 0 };

	if (t != NULL) {
		s.p = t->value;
		s.len = t->valuelen;
	}
	return s;
}

/*
 * RFC 6376 §3.6.1 v=: "MUST be the first tag in the record", and records
 * with any other value than "DKIM1" MUST be discarded.
 */
static int
check_version(const struct dk_tag *tags, size_t ntags)
{
	const struct dk_tag *v;

	if ((v = dk_tags_find(tags, ntags, "v")) == NULL)
		return 0;
	if (v != &tags[0] || !span_eq(tag_span(v), "DKIM1"))
		return -1;
	return 0;
}

/* k=: "rsa" when absent (§3.6.1); "ed25519" from RFC 8463 §4. */
static int
parse_key_type(const struct dk_tag *k, enum dk_key_type *type)
{
	*type = DK_KEY_RSA;
	if (k == NULL || span_eq(tag_span(k), "rsa"))
		return 0;
	if (span_eq(tag_span(k), "ed25519")) {
		*type = DK_KEY_ED25519;
		return 0;
	}
	return -1;
}

/* s=: the key may be used for email only if "email" or "*" is listed. */
static int
service_allows_email(const struct dk_tag *s)
{
	struct span item;
	size_t pos = 0;

	if (s == NULL)
		return 1;
	while (dk_tags_next_item(s->value, s->valuelen, &pos, &item.p,
	    &item.len))
		if (span_eq(item, "email") || span_eq(item, "*"))
			return 1;
	return 0;
}

/* h=: unknown algorithms are ignored (§3.6.1); absent allows all. */
static unsigned int
parse_hashes(const struct dk_tag *h)
{
	struct span item;
	unsigned int bits = 0;
	size_t pos = 0;

	if (h == NULL)
		return DK_KEYREC_H_SHA1 | DK_KEYREC_H_SHA256;
	while (dk_tags_next_item(h->value, h->valuelen, &pos, &item.p,
	    &item.len)) {
		if (span_eq(item, "sha1"))
			bits |= DK_KEYREC_H_SHA1;
		else if (span_eq(item, "sha256"))
			bits |= DK_KEYREC_H_SHA256;
	}
	return bits;
}

/* t=: unknown flags MUST be ignored (§3.6.1). */
static void
parse_flags(const struct dk_tag *t, struct dk_keyrec *rec)
{
	struct span item;
	size_t pos = 0;

	if (t == NULL)
		return;
	while (dk_tags_next_item(t->value, t->valuelen, &pos, &item.p,
	    &item.len)) {
		if (span_eq(item, "y"))
			rec->testing = 1;
		else if (span_eq(item, "s"))
			rec->strict_auid = 1;
	}
}

/*
 * p=: base64 with FWS allowed anywhere (§3.6.1 key-p-tag). An empty value
 * means the key was revoked. The tag parser already removed FWS at both
 * ends, so a value with only FWS in it is empty here.
 */
static int
decode_key(const struct dk_tag *p, enum dk_key_type type,
    struct dk_keyrec *rec, enum dk_reason *reason)
{
	uint8_t der[KEYREC_DER_MAX];
	size_t derlen;

	if (p == NULL) {
		*reason = DK_R_KEY_SYNTAX;
		return -1;
	}
	if (p->valuelen == 0) {
		*reason = DK_R_REVOKED_KEY;
		return -1;
	}
	if (dk_b64_decode(p->value, p->valuelen, der, sizeof(der), &derlen,
	    1) != 0) {
		*reason = DK_R_KEY_SYNTAX;
		return -1;
	}
	return dk_pubkey_decode(&rec->key, type, der, derlen, reason);
}

int
dk_keyrec_parse(const char *txt, size_t len, struct dk_keyrec *rec,
    enum dk_reason *reason)
{
	struct dk_tag tags[DK_TAGS_MAX];
	enum dk_key_type type;
	size_t ntags, errpos;

	memset(rec, 0, sizeof(*rec));
	/* our bounds, not the record's fault: key-too-large (neutral) */
	*reason = DK_R_KEY_TOO_LARGE;
	if (len > DK_KEYREC_MAX)
		return -1;
	switch (dk_tags_parse(txt, len, tags, DK_TAGS_MAX, &ntags, &errpos)) {
	case DK_TAGS_OK:
		break;
	case DK_TAGS_TOO_MANY:
		return -1;
	default:
		*reason = DK_R_KEY_SYNTAX;
		return -1;
	}
	*reason = DK_R_KEY_SYNTAX;
	if (check_version(tags, ntags) == -1) {
		*reason = DK_R_KEY_VERSION;
		return -1;
	}
	if (parse_key_type(dk_tags_find(tags, ntags, "k"), &type) == -1) {
		*reason = DK_R_KEY_TYPE_UNSUPPORTED;
		return -1;
	}
	if (!service_allows_email(dk_tags_find(tags, ntags, "s"))) {
		*reason = DK_R_KEY_SERVICE;
		return -1;
	}
	rec->hashes = parse_hashes(dk_tags_find(tags, ntags, "h"));
	parse_flags(dk_tags_find(tags, ntags, "t"), rec);
	if (decode_key(dk_tags_find(tags, ntags, "p"), type, rec,
	    reason) == -1)
		return -1;
	*reason = DK_R_OK;
	return 0;
}
