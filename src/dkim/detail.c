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
 * One sentence per result, for logs: the reason words of result.c are
 * for machines, these are for the operator reading them.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dkim.h"

static const char *const texts[] = {
	[DK_R_OK] = "the signature verifies",
	[DK_R_BODY_HASH_MISMATCH] = "the body does not match bh= (changed "
	    "in transit, or signed with other line endings)",
	[DK_R_SIGNATURE_MISMATCH] = "the signature in b= does not match the "
	    "signed header fields and key (a signed field changed in "
	    "transit, or the key is not the signer's)",
	[DK_R_SIG_MISSING_TAG] = "the DKIM-Signature lacks a required tag",
	[DK_R_SIG_VERSION] = "the DKIM-Signature has a v= other than 1",
	[DK_R_SIG_SYNTAX] = "the DKIM-Signature cannot be parsed",
	[DK_R_CANON_UNSUPPORTED] = "c= names an unknown canonicalization",
	[DK_R_QUERY_UNSUPPORTED] = "q= does not allow dns/txt",
	[DK_R_ALGORITHM_UNSUPPORTED] = "a= names an unknown algorithm",
	[DK_R_EXPIRED] = "the signature has expired (x= is past, beyond the "
	    "allowed clock drift)",
	[DK_R_IDENTITY_MISMATCH] = "i= is not within d=",
	[DK_R_FROM_NOT_SIGNED] = "h= does not cover From",
	[DK_R_NO_KEY] = "no key record at the selector (NXDOMAIN or no TXT)",
	[DK_R_REVOKED_KEY] = "the key record has an empty p=: the key was "
	    "revoked",
	[DK_R_KEY_SYNTAX] = "the key record cannot be parsed",
	[DK_R_KEY_VERSION] = "the key record has a v= other than DKIM1",
	[DK_R_KEY_TYPE_UNSUPPORTED] = "the key record's k= names a key type "
	    "this verifier does not know",
	[DK_R_KEY_HASH_MISMATCH] = "the key record's h= does not allow the "
	    "signature's hash",
	[DK_R_KEY_FLAG_S] = "the key record has t=s but i= is in a subdomain",
	[DK_R_KEY_SERVICE] = "the key record's s= does not allow email",
	[DK_R_RSA_SHA1_RFC8301] = "rsa-sha1 is not accepted (RFC 8301)",
	[DK_R_KEY_TOO_SMALL_RFC8301] = "the RSA key is under 1024 bits "
	    "(RFC 8301)",
	[DK_R_KEY_TOO_LARGE] = "the RSA key is larger than this verifier "
	    "takes",
	[DK_R_TOO_MANY_SIGNATURES] = "more DKIM-Signature fields than this "
	    "verifier evaluates; the rest were not checked",
	[DK_R_L_EXCEEDS_BODY] = "l= is larger than the body",
	[DK_R_DNS_TIMEOUT] = "the key lookup timed out",
	[DK_R_DNS_SERVFAIL] = "the key lookup failed (SERVFAIL)",
	[DK_R_DNS_REFUSED] = "the key lookup was refused",
	[DK_R_DNS_MALFORMED] = "the key lookup got a reply that cannot be "
	    "parsed",
	[DK_R_DNS_TCP] = "the key lookup was truncated and TCP failed",
	[DK_R_MULTIPLE_FROM] = "the signature verifies, but the message has "
	    "several From fields (RFC 6376 §8.15)",
	[DK_R_DNS_UNREACHABLE] = "the key lookup failed: the DNS server was "
	    "unreachable (ICMP)",
	[DK_R_KEY_TYPE_MISMATCH] = "the key record's k= is not the key type "
	    "a= names",
	[DK_R_SIG_TOO_LARGE] = "the DKIM-Signature is past this verifier's "
	    "bounds (b= over 4096 bits, h= over 256 names, or over 128 tags)",
	[DK_R_NOT_EVALUATED] = "not checked: more signatures needed a key "
	    "than this verifier checks per message",
	[DK_R_FUTURE_TIMESTAMP] = "t= is in the future, beyond the allowed "
	    "clock drift",
	[DK_R_KEY_TOO_SMALL] = "the RSA key is smaller than the local "
	    "minimum",
	[DK_R_HEADER_NOT_SIGNED] = "the signature verifies, but leaves a "
	    "field unsigned that local policy wants signed"
};

/* every reason has a sentence; designated entries leave no gap unseen */
_Static_assert(sizeof(texts) / sizeof(texts[0]) == DK_R_LAST + 1,
    "a reason without a sentence");

/* see dkim.h */
void
dk_result_describe(const struct dk_result *r, unsigned int min_bits,
    char *buf, size_t len)
{
	const char *t = NULL;

	if ((unsigned int)r->reason < sizeof(texts) / sizeof(texts[0]))
		t = texts[r->reason];
	if (t == NULL)
		t = dk_reason_str(r->reason);
	switch (r->reason) {
	case DK_R_KEY_TOO_SMALL_RFC8301:
	case DK_R_KEY_TOO_SMALL:
		snprintf(buf, len, "%s: %u bits, at least %u needed", t,
		    r->key_bits, min_bits);
		break;
	case DK_R_EXPIRED:
		snprintf(buf, len, "%s: x=%" PRId64, t, r->x);
		break;
	case DK_R_FUTURE_TIMESTAMP:
		snprintf(buf, len, "%s: t=%" PRId64, t, r->t);
		break;
	default:
		snprintf(buf, len, "%s", t);
		break;
	}
}

/* see dkim.h */
int
dk_result_tags(struct dk_result *r, const struct dk_sig *sig, char **h)
{
	static const char empty[] = "";
	size_t i, len = 0;

	r->t = sig->has_t ? sig->t : -1;
	r->x = sig->has_x ? sig->x : -1;
	r->has_l = sig->has_l;
	r->l = sig->l;
	r->h = empty;
	for (i = 0; i < sig->nh; i++)
		len += sig->h[i].len + 1;
	if (len == 0)
		return 0;
	if ((*h = malloc(len)) == NULL)
		return -1;
	for (i = 0, len = 0; i < sig->nh; i++) {
		memcpy(*h + len, sig->h[i].p, sig->h[i].len);
		len += sig->h[i].len;
		(*h)[len++] = ':';
	}
	(*h)[len - 1] = '\0';
	r->h = *h;
	return 0;
}
