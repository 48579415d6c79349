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
 * Fuzz the private key loader, dk_key_parse(): PEM PKCS#1, PEM PKCS#8
 * (RSA, Ed25519) and the raw base64 Ed25519 seed. The input is a key
 * file. Checks, for a key that loads: its size is in the documented
 * range; its PEM output loads again to a key with the same public key
 * record; and its record parses. An Ed25519 key also signs a digest
 * that its own record then verifies (cheap; RSA signing would slow the
 * fuzzer down a hundredfold and is covered by tests/).
 */

#include <stdint.h>
#include <string.h>

#include "../src/crypto/crypto.h"
#include "../src/dns/dns.h"
#include "fuzz.h"

#define FUZZ_KEY_INPUT_MAX	(16 * 1024)	/* a 4096-bit PEM is ~3.3 KB */
#define FUZZ_KEY_ERR_LEN	256

/* The key's own record must parse to a key of the same type and size. */
static void
check_record(const struct dk_key *key, const char *record,
    struct dk_keyrec *rec)
{
	enum dk_reason reason;

	DK_FUZZ_CHECK(dk_keyrec_parse(record, strlen(record), rec,
	    &reason) == 0);
	DK_FUZZ_CHECK(rec->key.type == dk_key_type(key));
	if (dk_key_type(key) == DK_KEY_RSA)
		DK_FUZZ_CHECK(rec->key.bits == dk_key_bits(key));
}

static void
check_sign(const struct dk_key *key, const struct dk_keyrec *rec)
{
	uint8_t digest[32], sig[DK_SIG_MAX];
	size_t siglen;

	memset(digest, 0x3a, sizeof(digest));
	DK_FUZZ_CHECK(dk_key_sign(key, digest, sig, &siglen) == 0);
	DK_FUZZ_CHECK(dk_pubkey_verify(&rec->key, DK_HASH_SHA256, digest,
	    sizeof(digest), sig, siglen) == 1);
}

static void
check_pem(const struct dk_key *key, const char *record)
{
	struct dk_key *again;
	char *pem, *record2;

	DK_FUZZ_CHECK((pem = dk_key_pem(key)) != NULL);
	DK_FUZZ_CHECK(dk_key_parse(&again, pem, strlen(pem), NULL, 0) ==
	    DK_OK);
	DK_FUZZ_CHECK((record2 = dk_key_record(again)) != NULL);
	DK_FUZZ_CHECK(strcmp(record, record2) == 0);
	dk_free_string(record2);
	dk_key_free(again);
	dk_free_string(pem);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dk_keyrec rec;
	struct dk_key *key;
	char err[FUZZ_KEY_ERR_LEN], *record;
	enum dk_status st;

	if (size > FUZZ_KEY_INPUT_MAX)
		return 0;
	key = NULL;
	memset(err, 'x', sizeof(err));
	st = dk_key_parse(&key, data, size, err, sizeof(err));
	if (st != DK_OK) {
		DK_FUZZ_CHECK(st == DK_ESYNTAX || st == DK_ENOMEM);
		DK_FUZZ_CHECK(key == NULL);
		DK_FUZZ_CHECK(memchr(err, '\0', sizeof(err)) != NULL);
		return 0;
	}
	DK_FUZZ_CHECK(key != NULL);
	if (dk_key_type(key) == DK_KEY_RSA)
		DK_FUZZ_CHECK(dk_key_bits(key) >= DK_RSA_MIN_BITS &&
		    dk_key_bits(key) <= DK_RSA_MAX_BITS);
	else
		DK_FUZZ_CHECK(dk_key_type(key) == DK_KEY_ED25519);
	DK_FUZZ_CHECK((record = dk_key_record(key)) != NULL);
	check_record(key, record, &rec);
	check_pem(key, record);
	if (dk_key_type(key) == DK_KEY_ED25519)
		check_sign(key, &rec);
	dk_free_string(record);
	dk_key_free(key);
	return 0;
}
