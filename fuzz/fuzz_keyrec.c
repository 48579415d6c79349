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
 * Fuzz the key record parser (RFC 6376 §3.6.1, RFC 8463 §4.2). The input
 * is the text of one record, strings already joined. Checks: a failure
 * gives one of the documented reasons, a success gives a key whose sizes
 * agree with each other, and that key can be handed to the verifier's
 * signature check without harm.
 */

#include <stdint.h>
#include <string.h>

#include "../src/dns/dns.h"
#include "fuzz.h"

/* twice the bound, to reach the code that enforces it */
#define FUZZ_KEYREC_INPUT_MAX	(2 * DK_KEYREC_MAX)

static void
check_reason(enum dk_reason r)
{
	DK_FUZZ_CHECK(r == DK_R_KEY_SYNTAX || r == DK_R_KEY_VERSION ||
	    r == DK_R_KEY_TYPE_UNSUPPORTED || r == DK_R_KEY_SERVICE ||
	    r == DK_R_REVOKED_KEY || r == DK_R_KEY_TOO_LARGE);
}

static void
check_key(const struct dk_pubkey *pk)
{
	DK_FUZZ_CHECK(pk->type == DK_KEY_RSA || pk->type == DK_KEY_ED25519);
	if (pk->type == DK_KEY_ED25519)
		return;
	DK_FUZZ_CHECK(pk->nlen > 0 && pk->nlen <= sizeof(pk->n));
	DK_FUZZ_CHECK(pk->elen > 0 && pk->elen <= sizeof(pk->e));
	/* big-endian without leading zeros */
	DK_FUZZ_CHECK(pk->n[0] != 0 && pk->e[0] != 0);
	DK_FUZZ_CHECK(pk->bits > 8 * (pk->nlen - 1) &&
	    pk->bits <= 8 * pk->nlen);
	DK_FUZZ_CHECK(pk->bits <= DK_RSA_MAX_BITS);
}

/*
 * A signature made of input bytes over a fixed digest: a hostile key
 * (even modulus, e of 1, a tiny n) must give 0 or 1, never a crash.
 */
static void
try_verify(const struct dk_pubkey *pk, const uint8_t *data, size_t size)
{
	uint8_t digest[32], sig[DK_SIG_MAX];
	size_t siglen;
	int ok;

	memset(digest, 0x5c, sizeof(digest));
	siglen = pk->type == DK_KEY_ED25519 ? 64 : pk->nlen;
	memset(sig, 0, sizeof(sig));
	memcpy(sig, data, size < siglen ? size : siglen);
	ok = dk_pubkey_verify(pk, DK_HASH_SHA256, digest, sizeof(digest),
	    sig, siglen);
	DK_FUZZ_CHECK(ok == 0 || ok == 1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dk_keyrec rec;
	enum dk_reason reason;

	if (size > FUZZ_KEYREC_INPUT_MAX)
		return 0;
	reason = DK_R_OK;
	if (dk_keyrec_parse((const char *)data, size, &rec, &reason) != 0) {
		check_reason(reason);
		return 0;
	}
	check_key(&rec.key);
	DK_FUZZ_CHECK((rec.hashes & ~(DK_KEYREC_H_SHA1 |
	    DK_KEYREC_H_SHA256)) == 0);
	try_verify(&rec.key, data, size);
	return 0;
}
