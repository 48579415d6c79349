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
 * Two small readers of header fields: the domain of the From address
 * (the signing domain) and the authserv-id of an Authentication-Results
 * field (to drop the ones that claim to be ours). Both read hostile
 * text: they never read past the field and never allocate.
 */

#include <ctype.h>
#include <string.h>

#include "filter.h"

#define AR_NAME		"Authentication-Results"

/* The field's value: after the name, optional WSP and the colon. */
static const char *
field_value(const struct dk_hfield *fld, const char **end)
{
	const char *p = fld->text + fld->namelen;

	*end = fld->text + fld->len;
	while (p < *end && *p != ':')
		p++;
	return p < *end ? p + 1 : *end;
}

/* Skip an RFC 5322 §3.2.2 comment starting at p ('('), nested. */
static const char *
skip_comment(const char *p, const char *end)
{
	int depth = 0;

	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end)
			p++;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p + 1;
	}
	return end;
}

static const char *
skip_quoted(const char *p, const char *end)
{
	for (p++; p < end && *p != '"'; p++)
		if (*p == '\\' && p + 1 < end)
			p++;
	return p < end ? p + 1 : end;
}

static const char *
skip_cfws(const char *p, const char *end)
{
	while (p < end) {
		if (*p == '(')
			p = skip_comment(p, end);
		else if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		else
			break;
	}
	return p;
}

/*
 * A domain we can sign for: LDH labels (RFC 5890 A-labels included).
 * Lowercases dom and drops a final dot; *len follows.
 */
static int
domain_ok(char *dom, size_t *len)
{
	size_t i;

	if (*len > 0 && dom[*len - 1] == '.')
		dom[--*len] = '\0';
	if (*len == 0 || dom[0] == '.')
		return 0;
	for (i = 0; i < *len; i++) {
		if (dom[i] == '.' && dom[i + 1] == '.')
			return 0;
		if (!isalnum((unsigned char)dom[i]) && dom[i] != '-' &&
		    dom[i] != '.')
			return 0;
		dom[i] = (char)tolower((unsigned char)dom[i]);
	}
	return 1;
}

/*
 * The domain of the first mailbox in a From field (RFC 5322 §3.4):
 * inside <...> when there is an angle-addr, else after the '@' of the
 * addr-spec. Comments and quoted strings are skipped, so an '@' in a
 * display name counts only until an angle-addr shows up. Returns 0 with
 * dom lowercased and without a final dot, or -1.
 */
int
dk_filter_hdr_from_domain(const struct dk_hfield *fld, char *dom,
    size_t domlen)
{
	const char *end, *p = field_value(fld, &end);
	size_t n = 0;
	int at = 0;

	while (p < end) {
		if (*p == '(') {
			p = skip_comment(p, end);
			continue;
		}
		if (*p == '"' && !at) {
			p = skip_quoted(p, end);
			continue;
		}
		if (*p == '<') {
			at = 0;		/* the angle-addr wins */
			n = 0;
		} else if (*p == '>' || *p == ',' || *p == ';')
			break;
		else if (*p == '@') {
			at = 1;
			n = 0;
		} else if (at && *p != ' ' && *p != '\t' && *p != '\r' &&
		    *p != '\n') {
			if (n + 1 >= domlen)
				return -1;
			dom[n++] = *p;
		}
		p++;
	}
	dom[n] = '\0';
	return at && domain_ok(dom, &n) ? 0 : -1;
}

int
dk_filter_hdr_domain_norm(char *dom)
{
	size_t len = strlen(dom);

	return domain_ok(dom, &len) ? 0 : -1;
}

/*
 * Whether an Authentication-Results field names id as its authserv-id
 * (RFC 8601 §2.2: the first value after CFWS, a token or a quoted
 * string), compared without case.
 */
int
dk_filter_hdr_ar_is_ours(const struct dk_hfield *fld, const char *id)
{
	const char *end, *p;
	size_t i = 0, idlen = strlen(id);
	int quoted;

	if (!dk_hfield_is(fld, AR_NAME, sizeof(AR_NAME) - 1))
		return 0;
	p = field_value(fld, &end);
	p = skip_cfws(p, end);
	if ((quoted = p < end && *p == '"'))
		p++;
	for (; p < end; p++) {
		if (quoted && *p == '"')
			break;
		if (quoted && *p == '\\' && p + 1 < end)
			p++;
		else if (!quoted && (*p == ';' || *p == '(' || *p == ' ' ||
		    *p == '\t' || *p == '\r' || *p == '\n'))
			break;
		if (i >= idlen || tolower((unsigned char)*p) !=
		    tolower((unsigned char)id[i]))
			return 0;
		i++;
	}
	return i == idlen && idlen > 0;
}
