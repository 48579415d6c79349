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
 * Option defaults for signing and verifying, and the checks on verifier
 * options. The defaults are the safe ones: RFC 8301 and our From policy
 * on, t= the current time (dkimkit.h).
 */

#include <stddef.h>
#include <string.h>

#include "dkim.h"
#include "../dns/dns.h"

/*
 * The size of version 1, frozen: a caller built against it passes this
 * size for good, while fields added later grow sizeof. The asserts fail
 * when a field is added, as a reminder that these must not move.
 */
#define SIGN_OPTS_V1	(offsetof(struct dk_sign_opts, expire_after) + \
			    sizeof(int64_t))
#define VERIFY_OPTS_V1	(offsetof(struct dk_verify_opts, key_checks_max) + \
			    sizeof(unsigned int))
#define PADDED(n)	(((n) + 7) & ~(size_t)7)
_Static_assert(sizeof(struct dk_sign_opts) == PADDED(SIGN_OPTS_V1),
    "struct dk_sign_opts grew: keep SIGN_OPTS_V1");
_Static_assert(sizeof(struct dk_verify_opts) == PADDED(VERIFY_OPTS_V1),
    "struct dk_verify_opts grew: keep VERIFY_OPTS_V1");

static const struct dk_sign_opts sign_defaults = {
	.size = sizeof(struct dk_sign_opts),
	.hcanon = DK_CANON_RELAXED,
	.bcanon = DK_CANON_RELAXED,
	.timestamp = DK_TIME_NOW
};

static const struct dk_verify_opts verify_defaults = {
	.size = sizeof(struct dk_verify_opts),
	.now = DK_TIME_NOW,
	.clock_drift = DK_CLOCK_DRIFT_DEFAULT
};

/* see dkimkit.h */
void
dk_sign_opts_init(struct dk_sign_opts *o, size_t size)
{
	dk_opts_init(o, size, &sign_defaults, sizeof(sign_defaults));
}

/* see dkimkit.h */
void
dk_verify_opts_init(struct dk_verify_opts *o, size_t size)
{
	dk_opts_init(o, size, &verify_defaults, sizeof(verify_defaults));
}

/* see dkim.h */
int
dk_sign_opts_take(struct dk_sign_opts *dst, const struct dk_sign_opts *src)
{
	*dst = sign_defaults;
	return dk_opts_take(dst, sizeof(*dst), src, SIGN_OPTS_V1);
}

/* The smallest RSA key to take: 0 for none. */
static int
min_bits(const struct dk_verify_opts *o, unsigned int *bits)
{
	if (o->rsa_min_bits == 0)
		*bits = o->plain_rfc6376 ? 0 : DK_RSA_MIN_BITS;
	else if (o->rsa_min_bits > DK_RSA_MAX_BITS ||
	    (o->rsa_min_bits < DK_RSA_MIN_BITS && !o->plain_rfc6376))
		return -1;
	else
		*bits = o->rsa_min_bits;
	return 0;
}

static int
verify_opts_ok(const struct dk_verify_opts *o)
{
	if (o->authserv_id != NULL && !dk_authserv_id_ok(o->authserv_id))
		return 0;
	if ((o->clock_drift < 0 && o->clock_drift != DK_CLOCK_DRIFT_NONE) ||
	    o->clock_drift > DK_TIME_MAX ||
	    (o->now != DK_TIME_NOW && (o->now < 0 || o->now > DK_TIME_MAX)))
		return 0;
	return o->signed_headers == NULL ||
	    dk_sig_hlist_check(o->signed_headers, NULL, 0) == 0;
}

/* see dkim.h */
int
dk_verify_opts_take(struct dk_verify_opts *dst,
    const struct dk_verify_opts *src, unsigned int *rsa_min_bits)
{
	*dst = verify_defaults;
	if (dk_opts_take(dst, sizeof(*dst), src, VERIFY_OPTS_V1) == -1 ||
	    !verify_opts_ok(dst))
		return -1;
	return min_bits(dst, rsa_min_bits);
}
