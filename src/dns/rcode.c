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
 * What a key lookup's outcome means: for a signature, and in words.
 */

#include <stdio.h>
#include <string.h>

#include "dns.h"

/* see dns.h */
enum dk_reason
dk_dns_rcode_reason(enum dk_dns_rcode rcode)
{
	switch (rcode) {
	case DK_DNS_OK:
		return DK_R_OK;
	case DK_DNS_NXDOMAIN:
	case DK_DNS_NODATA:
		return DK_R_NO_KEY;
	case DK_DNS_SERVFAIL:
		return DK_R_DNS_SERVFAIL;
	case DK_DNS_REFUSED:
		return DK_R_DNS_REFUSED;
	case DK_DNS_MALFORMED:
		return DK_R_DNS_MALFORMED;
	case DK_DNS_TCP:
		return DK_R_DNS_TCP;
	case DK_DNS_UNREACHABLE:
		return DK_R_DNS_UNREACHABLE;
	default:
		return DK_R_DNS_TIMEOUT;
	}
}

/* How a try failed with rcode, in words after "DNS server ADDR: ". */
static const char *
rcode_words(enum dk_dns_rcode rcode)
{
	switch (rcode) {
	case DK_DNS_OK:
		return "answered";
	case DK_DNS_NXDOMAIN:
		return "answered that the name does not exist";
	case DK_DNS_NODATA:
		return "answered with no TXT record";
	case DK_DNS_SERVFAIL:
		return "answered SERVFAIL";
	case DK_DNS_REFUSED:
		return "refused the query";
	case DK_DNS_MALFORMED:
		return "sent a reply that cannot be parsed";
	case DK_DNS_TCP:
		return "truncated the reply, and TCP failed";
	case DK_DNS_UNREACHABLE:
		return "unreachable (ICMP unreachable: is a DNS server "
		    "listening there?)";
	default:
		return "did not answer in time";
	}
}

/* see dkimkit.h */
const char *
dk_dns_failure_str(const struct dk_dns_failure *f, char *buf, size_t len)
{
	if (f->error != 0)
		(void)snprintf(buf, len, "cannot send a query: %s",
		    strerror(f->error));
	else
		(void)snprintf(buf, len, "%s", rcode_words(f->rcode));
	return buf;
}
