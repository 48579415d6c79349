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
 * Header text the front ends read themselves: domain names from the
 * configuration (lowercased), and the name and authserv-id of an
 * Authentication-Results field (to drop the ones that claim to be
 * ours, RFC 8601 §5). They read hostile text: they never read past it
 * and never allocate.
 */

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "policy.h"

/* see policy.h */
void
dk_policy_name_norm(char *name)
{
	size_t len = strlen(name);

	if (len > 0 && name[len - 1] == '.')
		name[--len] = '\0';
	for (; *name != '\0'; name++)
		*name = (char)tolower((unsigned char)*name);
}

/* see policy.h */
int
dk_policy_field_is(const char *line, size_t len, const char *name,
    const char **value)
{
	size_t n = strlen(name);

	/* the engine's reading, WSP before the colon and all */
	if (dk_field_name_len(line, len) != n ||
	    strncasecmp(line, name, n) != 0)
		return 0;
	*value = (const char *)memchr(line, ':', len) + 1;
	return 1;
}

/* see policy.h */
int
dk_policy_ar_is_ours(const char *field, size_t len, const char *id)
{
	const char *v;

	if (!dk_policy_field_is(field, len, POLICY_AR_NAME, &v))
		return 0;
	return dk_authres_has_id(v, len - (size_t)(v - field), id);
}
