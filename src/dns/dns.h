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
 * src/dns: DKIM key records. Parsing a record's text into a key is pure
 * (keyrec.c); key sources give the text of the records at a name. The
 * zone-file source (zonefile.c, public: dk_zone_parse()) reads the
 * vectors/dns.txt format, for tests and offline runs. Nothing here knows
 * a DKIM-Signature.
 */

#ifndef DK_DNS_H
#define DK_DNS_H

#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"
#include "../crypto/crypto.h"

#define DK_KEYREC_MAX	16384	/* record text; a 4096-bit key needs ~750,
				 * an 8192-bit one ~1,450: this leaves
				 * room for notes (n=) and unknown tags */

/*
 * A key record's name as text, with its NUL: a selector and a domain of
 * up to 253 octets each (RFC 1035 §2.3.4: 255 on the wire), so that any
 * d= and s= we accept fit whole. A name past 253 cannot be looked up;
 * the lookup says so, and nothing is cut to make it fit.
 */
#define DK_KEYNAME_MAX	(253 + sizeof("._domainkey.") + 253)

/*
 * Write "SELECTOR._domainkey.DOMAIN" to name. Returns 0, or -1 when it
 * does not fit (name then holds a cut-off string that must not be used).
 */
DK_WUR int	dk_keyname_format(char name[DK_KEYNAME_MAX],
		    const char *selector, const char *domain);

/*
 * The reason a lookup's rcode gives a signature: DK_R_OK for an answer,
 * DK_R_NO_KEY (permerror) for NXDOMAIN or NODATA, else the dns-* reason
 * of the failure (temperror), dns-timeout for any other value.
 */
enum dk_reason	dk_dns_rcode_reason(enum dk_dns_rcode rcode);

/*
 * Whether DNS names a and b are the same: ASCII case does not count
 * (RFC 4343), nor a final dot on either (the root label).
 */
int	dk_dns_name_eq(const char *a, const char *b);

/* Hash algorithms a key allows (its h=; absent means all). */
#define DK_KEYREC_H_SHA1	0x01
#define DK_KEYREC_H_SHA256	0x02

/* A parsed key record (RFC 6376 §3.6.1). */
struct dk_keyrec {
	struct dk_pubkey	key;		/* k= and p=, decoded */
	unsigned int		hashes;		/* DK_KEYREC_H_* */
	int			testing;	/* t=y */
	int			strict_auid;	/* t=s: i= must equal d= */
};

/*
 * Parse txt[0..len). Tags: v= (must be first and "DKIM1" if present),
 * k= (rsa, the default, or ed25519), h= (colon list; unknown names are
 * ignored), s= (colon list; must contain "email" or "*"), t= (flags y
 * and s; unknown flags ignored), p= (base64 with FWS; empty: revoked).
 * Unknown tags are ignored, duplicate tags are a syntax error. Returns 0,
 * or -1 with *reason: DK_R_KEY_SYNTAX, DK_R_KEY_VERSION,
 * DK_R_KEY_TYPE_UNSUPPORTED, DK_R_KEY_SERVICE, DK_R_REVOKED_KEY, or
 * DK_R_KEY_TOO_LARGE for our bounds (an RSA key over DK_RSA_MAX_BITS,
 * a record over DK_KEYREC_MAX bytes or DK_TAGS_MAX tags).
 */
int	dk_keyrec_parse(const char *txt, size_t len, struct dk_keyrec *rec,
	    enum dk_reason *reason);

/*
 * Options structs of the public API begin with their size (dkimkit.h).
 * These two serve every one of them (the resolver's here, the signer's
 * and verifier's in src/dkim), so that the size rule lives in one place.
 *
 * dk_opts_init() copies the first size bytes of defaults, a complete
 * struct of full bytes, into o and sets o's size to size: a caller built
 * against an older, shorter struct gets only the fields it knows.
 *
 * dk_opts_take() overwrites dst, a complete struct of full bytes that
 * holds the defaults, with the fields src carries, as far as its size
 * says, and sets dst's size to full. Returns 0, or -1 when src's size is
 * under min (the version 1 struct; 0 means it never went through _init)
 * or over full (a newer struct than this library knows).
 */
void	dk_opts_init(void *o, size_t size, const void *defaults,
	    size_t full);
int	dk_opts_take(void *dst, size_t full, const void *src, size_t min);

#endif /* DK_DNS_H */
