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
 * The tag-list parser (RFC 6376 §3.2):
 *
 *	tag-list  = tag-spec *( ";" tag-spec ) [ ";" ]
 *	tag-spec  = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
 *	tag-name  = ALPHA *ALNUMPUNC		; ALNUMPUNC = ALPHA / DIGIT / "_"
 *	tag-value = [ tval *( 1*(WSP / FWS) tval ) ]
 *	tval      = 1*VALCHAR			; VALCHAR = %x21-3A / %x3C-7E
 *
 * The input is a header field value or a DNS record: hostile. Every read
 * is checked against the end, and nothing is copied: tags point into s.
 */

#include <stddef.h>
#include <string.h>

#include "tags.h"

struct cursor {
	const char	*s;
	size_t		 len;
	size_t		 pos;
};

static int
is_wsp(int c)
{
	return c == ' ' || c == '\t';
}

static int
is_alpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
is_alnumpunc(int c)
{
	return is_alpha(c) || (c >= '0' && c <= '9') || c == '_';
}

static int
is_valchar(int c)
{
	return c >= 0x21 && c <= 0x7e && c != ';';
}

static int
peek(const struct cursor *cur, size_t ahead)
{
	if (cur->len - cur->pos <= ahead)
		return -1;
	return (unsigned char)cur->s[cur->pos + ahead];
}

/*
 * RFC 5322 §3.2.2 FWS, as DKIM uses it (RFC 6376 §2.8): WSP, or a CRLF
 * that a WSP follows (a folded line). A CRLF without WSP after it would
 * end the header field, so it is not FWS and is left for the caller to
 * reject. Returns whether anything was skipped.
 */
static int
skip_fws(struct cursor *cur)
{
	size_t start = cur->pos;

	for (;;) {
		if (is_wsp(peek(cur, 0)))
			cur->pos++;
		else if (peek(cur, 0) == '\r' && peek(cur, 1) == '\n' &&
		    is_wsp(peek(cur, 2)))
			cur->pos += 3;
		else
			break;
	}
	return cur->pos != start;
}

static int
parse_tag_name(struct cursor *cur, struct dk_tag *tag)
{
	if (!is_alpha(peek(cur, 0)))
		return -1;
	tag->name = cur->s + cur->pos;
	while (is_alnumpunc(peek(cur, 0)))
		cur->pos++;
	tag->namelen = (size_t)(cur->s + cur->pos - tag->name);
	return 0;
}

/*
 * tag-value, then the [FWS] that ends the tag-spec. FWS inside the value
 * stays as it is; FWS at its end is not part of it.
 */
static void
parse_tag_value(struct cursor *cur, struct dk_tag *tag)
{
	tag->value = cur->s + cur->pos;
	tag->valuelen = 0;
	for (;;) {
		if (is_valchar(peek(cur, 0))) {
			cur->pos++;
			tag->valuelen = (size_t)(cur->s + cur->pos - tag->value);
		} else if (!skip_fws(cur))
			break;
	}
}

static int
parse_tag_spec(struct cursor *cur, struct dk_tag *tag)
{
	skip_fws(cur);
	if (parse_tag_name(cur, tag) == -1)
		return -1;
	skip_fws(cur);
	if (peek(cur, 0) != '=')
		return -1;
	cur->pos++;
	skip_fws(cur);
	parse_tag_value(cur, tag);
	return 0;
}

static int
is_duplicate(const struct dk_tag *tags, size_t ntags, const struct dk_tag *t)
{
	size_t i;

	for (i = 0; i < ntags; i++)
		if (tags[i].namelen == t->namelen &&
		    memcmp(tags[i].name, t->name, t->namelen) == 0)
			return 1;
	return 0;
}

/* True when only FWS is left: the list is over (empty, or after ";"). */
static int
at_list_end(struct cursor *cur)
{
	size_t save = cur->pos;

	skip_fws(cur);
	if (cur->pos == cur->len)
		return 1;
	cur->pos = save;
	return 0;
}

enum dk_tags_err
dk_tags_parse(const char *s, size_t len, struct dk_tag *tags, size_t max,
    size_t *ntags, size_t *errpos)
{
	struct cursor cur = { s, len, 0 };
	struct dk_tag tag;
	size_t start;

	*ntags = 0;
	*errpos = 0;
	while (!at_list_end(&cur)) {
		start = cur.pos;
		if (parse_tag_spec(&cur, &tag) == -1 ||
		    (cur.pos < len && s[cur.pos] != ';')) {
			*errpos = cur.pos;
			return DK_TAGS_SYNTAX;
		}
		/* RFC 6376 §3.2: a tag appearing twice invalidates the list */
		if (is_duplicate(tags, *ntags, &tag)) {
			*errpos = (size_t)(tag.name - s);
			return DK_TAGS_DUPLICATE;
		}
		if (*ntags == max) {
			*errpos = start;
			return DK_TAGS_TOO_MANY;
		}
		tags[(*ntags)++] = tag;
		if (cur.pos < len)
			cur.pos++;	/* the ";" */
	}
	return DK_TAGS_OK;
}

const struct dk_tag *
dk_tags_find(const struct dk_tag *tags, size_t ntags, const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < ntags; i++)
		if (tags[i].namelen == n && memcmp(tags[i].name, name, n) == 0)
			return &tags[i];
	return NULL;
}

/* see tags.h; §2.8: FWS may stand around the colons */
int
dk_tags_next_item(const char *value, size_t len, size_t *pos,
    const char **item, size_t *ilen)
{
	size_t s = *pos, e;

	if (s > len)
		return 0;
	for (e = s; e < len && value[e] != ':'; e++)
		;
	*pos = e + 1;
	while (s < e && (is_wsp((unsigned char)value[s]) ||
	    value[s] == '\r' || value[s] == '\n'))
		s++;
	while (e > s && (is_wsp((unsigned char)value[e - 1]) ||
	    value[e - 1] == '\r' || value[e - 1] == '\n'))
		e--;
	*item = value + s;
	*ilen = e - s;
	return 1;
}
