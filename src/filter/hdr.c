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
 * The domain of the first mailbox in a From field, read by the engine's
 * From parser (dkimkit.h: dk_signer_from_domain()). Returns 0 with dom
 * lowercased and without a final dot, or -1.
 */
int
dk_filter_hdr_from_domain(const struct dk_hfield *fld, char *dom,
    size_t domlen)
{
	char addr[1][DK_ADDR_MAX + 1];
	const char *end, *p = field_value(fld, &end), *at;

	if (dk_from_parse(p, (size_t)(end - p), addr, 1) == 0)
		return -1;
	at = strrchr(addr[0], '@') + 1;
	if (strlen(at) >= domlen)
		return -1;
	memcpy(dom, at, strlen(at) + 1);
	return 0;
}

int
dk_filter_hdr_domain_norm(char *dom)
{
	size_t len = strlen(dom);

	return domain_ok(dom, &len) ? 0 : -1;
}

/* Whether an Authentication-Results field names id as its authserv-id. */
int
dk_filter_hdr_ar_is_ours(const struct dk_hfield *fld, const char *id)
{
	const char *end, *p;

	if (!dk_hfield_is(fld, AR_NAME, sizeof(AR_NAME) - 1))
		return 0;
	p = field_value(fld, &end);
	return dk_authres_has_id(p, (size_t)(end - p), id);
}
