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
 * Is a key's record published, and is it this key? The comparison
 * behind dk_key_check_published() and dk_key_check_zone(), which
 * dkimkit testkey and rotate and the daemons' check mode (-n -n) use:
 * each does the lookup its own way (resolver, zone file) and hands the
 * answer here.
 */

#ifndef DK_KEYCHECK_H
#define DK_KEYCHECK_H

#include <stddef.h>

#include "dkimkit.h"

#define DK_KEYCHECK_NAME_MAX	256	/* SELECTOR._domainkey.DOMAIN */
#define DK_KEYCHECK_DETAIL_MAX	128

struct dk_keycheck {
	enum dk_key_state	 state;
	char			 name[DK_KEYCHECK_NAME_MAX];
	char			 detail[DK_KEYCHECK_DETAIL_MAX];
};

/*
 * Set kc->name, the owner name to look up, from domain and selector.
 * Returns 0, or -1 when it is longer than a DNS name may be: then no
 * record can be there, and kc is set to absent, saying so, with the name
 * cut short.
 */
int	dk_keycheck_name(struct dk_keycheck *kc, const char *domain,
	    const char *selector);

/*
 * Compare the answer to kc->name (rcode and the records txt[0..ntxt))
 * with key, read from path (named in the detail). server: the DNS
 * server that failed, named in a failure's detail, or NULL.
 */
void	dk_keycheck_compare(struct dk_keycheck *kc, const struct dk_key *key,
	    const char *path, enum dk_dns_rcode rcode,
	    const char *const *txt, size_t ntxt, const char *server);

#endif /* DK_KEYCHECK_H */
