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
 * The hardware limit that bench/report.py measures dkimkit against: one
 * SHA-256 pass (on the CPU's SHA unit where it has one) and one bare key
 * operation, each with the engine's own code. A message of S bytes can
 * at best cost S / sha256-rate + 1 / key-op-rate.
 *
 * usage: bench_limits RSA_KEY RSA_RECORD ED25519_KEY ED25519_RECORD
 * Prints RESULT lines as dk_bench_run() does, LIB "limit":
 *   - OP "hash" (ALG sha256, SIZE 1 MiB, the bytes per call) and OP
 *     "sign" or "verify" (SIZE 0: the key operation alone): the parts;
 *   - OP "sign" or "verify", ALG and SIZE of a cell of bench_dkimkit:
 *     the limit of that cell as one measure, one SHA-256 pass over the
 *     benchmark message of SIZE bytes plus one key operation.
 * The machine is shared, and its speed drifts over minutes, so
 * bench/run.sh takes the limit of each cell just before and just after
 * the cell itself (DK_BENCH_CELL, bench.h), and bench/report.py weighs
 * the cell against that.
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
	const char	*alg;
	struct dk_key	*key;
	struct dk_pubkey pub;
	uint8_t		 digest[32];
	uint8_t		 sig[DK_SIG_MAX];
	size_t		 siglen;
};

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

/*
 * A cell of bench_dkimkit at its limit: the message hashed, then the key
 * operation (k is not used to hash alone).
 */
struct limit_cell {
	struct limit_key	*k;
	char			*msg;
	size_t			 len;
};

static void
hash_msg(const struct limit_cell *c, uint8_t out[DK_DIGEST_MAX])
{
	struct dk_hash h;

	dk_hash_init(&h, DK_HASH_SHA256);
	dk_hash_update(&h, c->msg, c->len);
	dk_hash_out(&h, out);
}

static int
hash_one(void *arg)
{
	uint8_t digest[DK_DIGEST_MAX];

	hash_msg(arg, digest);
	return 0;
}

static int
cell_sign(void *arg)
{
	const struct limit_cell *c = arg;
	uint8_t digest[DK_DIGEST_MAX], sig[DK_SIG_MAX];
	size_t siglen = sizeof(sig);

	hash_msg(c, digest);
	return dk_key_sign(c->k->key, digest, sig, &siglen) ? -1 : 0;
}

/* The signature checked is the one over k->digest: the same work. */
static int
cell_verify(void *arg)
{
	const struct limit_cell *c = arg;
	uint8_t digest[DK_DIGEST_MAX];

	hash_msg(c, digest);
	return verify_one(c->k);
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
load_key(struct limit_key *k, const char *alg, enum dk_key_type type,
    const char *keyfile, const char *recfile)
{
	char err[256], *pem, *rec;

	k->alg = alg;
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
	/* both signatures are deterministic: sign_one() makes this again */
	if (sign_one(k) != 0) {
		fprintf(stderr, "%s: cannot sign\n", keyfile);
		exit(1);
	}
}

/* The key operations alone. */
static int
bench_key(struct limit_key *k)
{
	int rc;

	rc = dk_bench_run("limit", "sign", k->alg, 0, sign_one, k);
	if (rc == 0)
		rc = dk_bench_run("limit", "verify", k->alg, 0, verify_one, k);
	return rc;
}

/* The cells, in bench_dkimkit's order. */
static int
bench_cells(struct limit_key *k)
{
	struct limit_cell c;
	size_t i;
	int rc = 0;

	c.k = k;
	for (i = 0; i < DK_BENCH_NSIZES && rc == 0; i++) {
		c.len = dk_bench_sizes[i];
		if (dk_bench_skip("sign", k->alg, c.len) &&
		    dk_bench_skip("verify", k->alg, c.len))
			continue;
		c.msg = dk_bench_message(c.len);
		rc = dk_bench_run("limit", "sign", k->alg, c.len, cell_sign,
		    &c);
		if (rc == 0)
			rc = dk_bench_run("limit", "verify", k->alg, c.len,
			    cell_verify, &c);
		free(c.msg);
	}
	return rc;
}

int
main(int argc, char **argv)
{
	struct limit_key rsa, ed;
	struct limit_cell hash;
	int rc;

	if (argc != 5) {
		fprintf(stderr, "usage: bench_limits RSA_KEY RSA_RECORD "
		    "ED25519_KEY ED25519_RECORD\n");
		return 64;
	}
	load_key(&rsa, "rsa-sha256", DK_KEY_RSA, argv[1], argv[2]);
	load_key(&ed, "ed25519-sha256", DK_KEY_ED25519, argv[3], argv[4]);
	hash.len = LIMIT_HASH_LEN;
	if ((hash.msg = malloc(hash.len)) == NULL) {
		perror("malloc");
		return 1;
	}
	memset(hash.msg, 'x', hash.len);
	rc = dk_bench_run("limit", "hash", "sha256", hash.len, hash_one,
	    &hash);
	free(hash.msg);
	if (bench_key(&rsa) != 0 || bench_cells(&rsa) != 0)
		rc = 1;
	if (bench_key(&ed) != 0 || bench_cells(&ed) != 0)
		rc = 1;
	dk_key_free(rsa.key);
	dk_key_free(ed.key);
	return rc != 0;
}
