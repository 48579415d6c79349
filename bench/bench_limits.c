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
 * The parts of the hardware limit that bench/report.py measures dkimkit
 * against (limit.h): the rate of SHA-256 over 1 MiB, and of each bare
 * key operation. bench_dkimkit measures each cell's own limit alongside
 * the cell; these are for the record, and for a cell without one.
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
#include "limit.h"

#define LIMIT_HASH_LEN	(1024 * 1024)

static int
bench_key(struct dk_limit_key *k, const char *alg)
{
	int rc;

	rc = dk_bench_run("limit", "sign", alg, 0, dk_limit_sign, k);
	if (rc == 0)
		rc = dk_bench_run("limit", "verify", alg, 0, dk_limit_verify,
		    k);
	dk_key_free(k->key);
	return rc;
}

int
main(int argc, char **argv)
{
	struct dk_limit_key rsa, ed;
	struct dk_limit_cell hash;
	char *buf;
	int rc;

	if (argc != 5) {
		fprintf(stderr, "usage: bench_limits RSA_KEY RSA_RECORD "
		    "ED25519_KEY ED25519_RECORD\n");
		return 64;
	}
	dk_limit_load(&rsa, DK_KEY_RSA, argv[1], argv[2]);
	dk_limit_load(&ed, DK_KEY_ED25519, argv[3], argv[4]);
	if ((buf = malloc(LIMIT_HASH_LEN)) == NULL) {
		perror("malloc");
		return 1;
	}
	memset(buf, 'x', LIMIT_HASH_LEN);
	hash.k = NULL;
	hash.msg = buf;
	hash.len = LIMIT_HASH_LEN;
	rc = dk_bench_run("limit", "hash", "sha256", LIMIT_HASH_LEN,
	    dk_limit_hash, &hash);
	free(buf);
	if (bench_key(&rsa, "rsa-sha256") != 0)
		rc = 1;
	if (bench_key(&ed, "ed25519-sha256") != 0)
		rc = 1;
	return rc != 0;
}
