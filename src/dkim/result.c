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
 * The words for outcomes, reasons and API statuses. Outcomes are the
 * RFC 8601 §2.7.1 result words for "dkim"; reasons are the words of
 * vectors/README.md, used in Authentication-Results comments, so each
 * must stay a single token with no "(" or ")".
 */

#include <stddef.h>

#include "dkim.h"

static const char *const outcome_words[] = {
	[DK_NONE] = "none",
	[DK_PASS] = "pass",
	[DK_FAIL] = "fail",
	[DK_NEUTRAL] = "neutral",
	[DK_POLICY] = "policy",
	[DK_TEMPERROR] = "temperror",
	[DK_PERMERROR] = "permerror"
};

static const char *const reason_words[] = {
	[DK_R_OK] = "ok",
	[DK_R_BODY_HASH_MISMATCH] = "body-hash-mismatch",
	[DK_R_SIGNATURE_MISMATCH] = "signature-mismatch",
	[DK_R_SIG_MISSING_TAG] = "sig-missing-tag",
	[DK_R_SIG_VERSION] = "sig-version",
	[DK_R_SIG_SYNTAX] = "sig-syntax",
	[DK_R_CANON_UNSUPPORTED] = "canon-unsupported",
	[DK_R_QUERY_UNSUPPORTED] = "query-unsupported",
	[DK_R_ALGORITHM_UNSUPPORTED] = "algorithm-unsupported",
	[DK_R_EXPIRED] = "expired",
	[DK_R_IDENTITY_MISMATCH] = "identity-mismatch",
	[DK_R_FROM_NOT_SIGNED] = "from-not-signed",
	[DK_R_NO_KEY] = "no-key",
	[DK_R_REVOKED_KEY] = "revoked-key",
	[DK_R_KEY_SYNTAX] = "key-syntax",
	[DK_R_KEY_VERSION] = "key-version",
	[DK_R_KEY_TYPE_UNSUPPORTED] = "key-type-unsupported",
	[DK_R_KEY_HASH_MISMATCH] = "key-hash-mismatch",
	[DK_R_KEY_FLAG_S] = "key-flag-s",
	[DK_R_KEY_SERVICE] = "key-service",
	[DK_R_RSA_SHA1_RFC8301] = "rsa-sha1-rfc8301",
	[DK_R_KEY_TOO_SMALL_RFC8301] = "key-too-small-rfc8301",
	[DK_R_KEY_TOO_LARGE] = "key-too-large",
	[DK_R_TOO_MANY_SIGNATURES] = "too-many-signatures",
	[DK_R_L_EXCEEDS_BODY] = "l-exceeds-body",
	[DK_R_DNS_TIMEOUT] = "dns-timeout",
	[DK_R_DNS_SERVFAIL] = "dns-servfail",
	[DK_R_DNS_REFUSED] = "dns-refused",
	[DK_R_DNS_MALFORMED] = "dns-malformed",
	[DK_R_DNS_TCP] = "dns-tcp",
	[DK_R_MULTIPLE_FROM] = "multiple-from",
	[DK_R_DNS_UNREACHABLE] = "dns-unreachable",
	[DK_R_KEY_TYPE_MISMATCH] = "key-type-mismatch",
	[DK_R_SIG_TOO_LARGE] = "sig-too-large",
	[DK_R_NOT_EVALUATED] = "not-evaluated",
	[DK_R_FUTURE_TIMESTAMP] = "future-timestamp",
	[DK_R_KEY_TOO_SMALL] = "key-too-small",
	[DK_R_HEADER_NOT_SIGNED] = "header-not-signed"
};

_Static_assert(sizeof(reason_words) / sizeof(reason_words[0]) ==
    DK_R_LAST + 1, "a reason without a word");

static const char *const status_words[] = {
	[DK_OK] = "success",
	[DK_ENOMEM] = "out of memory",
	[DK_EINVAL] = "invalid argument or call order",
	[DK_ESYNTAX] = "syntax error in input",
	[DK_ELIMIT] = "limit exceeded",
	[DK_ESTATE] = "handle already finished or failed",
	[DK_EKEY] = "key failed its own check",
	[DK_ESTOPPED] = "stopped by the caller's output function"
};

_Static_assert(sizeof(status_words) / sizeof(status_words[0]) ==
    DK_ESTOPPED + 1, "a status without a word");

/* An enum can hold any int: out-of-range values get a word, not NULL. */
static const char *
word(const char *const *words, size_t nwords, unsigned int i)
{
	if (i >= nwords || words[i] == NULL)
		return "unknown";
	return words[i];
}

/* see dkimkit.h */
const char *
dk_outcome_str(enum dk_outcome outcome)
{
	return word(outcome_words, sizeof(outcome_words) /
	    sizeof(outcome_words[0]), (unsigned int)outcome);
}

/* see dkimkit.h */
const char *
dk_reason_str(enum dk_reason reason)
{
	return word(reason_words, sizeof(reason_words) /
	    sizeof(reason_words[0]), (unsigned int)reason);
}

/* see dkimkit.h */
const char *
dk_status_str(enum dk_status status)
{
	return word(status_words, sizeof(status_words) /
	    sizeof(status_words[0]), (unsigned int)status);
}

/* see dkim.h; the argument is in dkimkit.h, above enum dk_reason */
enum dk_outcome
dk_reason_outcome(enum dk_reason reason)
{
	return reason == DK_R_SIG_TOO_LARGE || reason == DK_R_KEY_TOO_LARGE ?
	    DK_NEUTRAL : DK_PERMERROR;
}
