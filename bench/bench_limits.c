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
 * The hardware limit that bench/report.py measures dkimkit against: the
 * rate of one SHA-256 pass (on the CPU's SHA unit where it has one) and
 * of one bare key operation, each with the engine's own code. A message
 * of S bytes can at best cost S / sha256-rate + 1 / key-op-rate.
 *
 * usage: bench_limits RSA_KEY RSA_RECORD ED25519_KEY ED25519_RECORD
 * Prints RESULT lines as dk_bench_run() does, LIB "limit": OP "hash"
 * (ALG sha256, SIZE the bytes per call) and OP "sign" or "verify" (SIZE
 * 0: the key operation alone).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "dkimkit.h"
#include "../src/crypto/crypto.h"

#define LIMIT_HASH_LEN	(1024 * 1024)
#define LIMIT_DER_MAX	1024	/* an RSA-4096 SubjectPublicKeyInfo is 550 */

struct limit_key {
	struct dk_key	*key;
	struct dk_pubkey pub;
	uint8_t		 digest[32];
	uint8_t		 sig[DK_SIG_MAX];
	size_t		 siglen;
};

static int
hash_one(void *arg)
{
	struct dk_hash h;
	uint8_t out[DK_DIGEST_MAX];

	dk_hash_init(&h, DK_HASH_SHA256);
	dk_hash_update(&h, arg, LIMIT_HASH_LEN);
	dk_hash_out(&h, out);
	return 0;
}

static int
sign_one(void *arg)
{
	struct limit_key *k = arg;

	k->siglen = sizeof(k->sig);
	return dk_key_sign(k->key, k->digest, k->sig, &k->siglen) ? -1 : 0;
}

static int
verify_one(void *arg)
{
	const struct limit_key *k = arg;

	return dk_pubkey_verify(&k->pub, DK_HASH_SHA256, k->digest,
	    sizeof(k->digest), k->sig, k->siglen) == 1 ? 0 : -1;
}

/* The p= of a "v=DKIM1; k=...; p=..." record, decoded. */
static void
load_pub(struct limit_key *k, enum dk_key_type type, const char *record)
{
	uint8_t der[LIMIT_DER_MAX];
	const char *p;
	size_t len;
	enum dk_reason why;

	if ((p = strstr(record, "p=")) == NULL ||
	    dk_b64_decode(p + 2, strlen(p + 2), der, sizeof(der), &len,
	    1) != 0 ||
	    dk_pubkey_decode(&k->pub, type, der, len, &why) != 0) {
		fprintf(stderr, "bench_limits: bad key record: %s\n", record);
		exit(1);
	}
}

static void
load_key(struct limit_key *k, enum dk_key_type type, const char *keyfile,
    const char *recfile)
{
	char err[256], *pem, *rec;

	pem = dk_bench_readfile(keyfile);
	if (dk_key_parse(&k->key, pem, strlen(pem), err, sizeof(err)) !=
	    DK_OK) {
		fprintf(stderr, "%s: %s\n", keyfile, err);
		exit(1);
	}
	free(pem);
	rec = dk_bench_readfile(recfile);
	load_pub(k, type, rec);
	free(rec);
	memset(k->digest, 0xa5, sizeof(k->digest));
}

static int
bench_key(struct limit_key *k, const char *alg)
{
	int rc;

	/* the signature made here is the one verified next */
	rc = dk_bench_run("limit", "sign", alg, 0, sign_one, k);
	if (rc == 0)
		rc = dk_bench_run("limit", "verify", alg, 0, verify_one, k);
	dk_key_free(k->key);
	return rc;
}

int
main(int argc, char **argv)
{
	struct limit_key rsa, ed;
	char *buf;
	int rc;

	if (argc != 5) {
		fprintf(stderr, "usage: bench_limits RSA_KEY RSA_RECORD "
		    "ED25519_KEY ED25519_RECORD\n");
		return 64;
	}
	load_key(&rsa, DK_KEY_RSA, argv[1], argv[2]);
	load_key(&ed, DK_KEY_ED25519, argv[3], argv[4]);
	if ((buf = malloc(LIMIT_HASH_LEN)) == NULL) {
		perror("malloc");
		return 1;
	}
	memset(buf, 'x', LIMIT_HASH_LEN);
	rc = dk_bench_run("limit", "hash", "sha256", LIMIT_HASH_LEN, hash_one,
	    buf);
	free(buf);
	if (bench_key(&rsa, "rsa-sha256") != 0)
		rc = 1;
	if (bench_key(&ed, "ed25519-sha256") != 0)
		rc = 1;
	return rc != 0;
}
