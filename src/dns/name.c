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
 * DNS names the DKIM modules form or compare.
 */

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dns.h"

/* see dns.h */
int
dk_dns_name_eq(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la > 0 && a[la - 1] == '.')
		la--;
	if (lb > 0 && b[lb - 1] == '.')
		lb--;
	return la == lb && strncasecmp(a, b, la) == 0;
}

/* see dns.h */
int
dk_keyname_format(char name[DK_KEYNAME_MAX], const char *selector,
    const char *domain)
{
	int n;

	/* RFC 6376 §3.6.2.1: s=SEL, d=DOM has its key at SEL._domainkey.DOM */
	n = snprintf(name, DK_KEYNAME_MAX, "%s._domainkey.%s", selector,
	    domain);
	return n < 0 || (size_t)n >= DK_KEYNAME_MAX ? -1 : 0;
}
