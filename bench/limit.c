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


/* The limit of a cell: see limit.h. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "limit.h"

#define LIMIT_DER_MAX	1024	/* an RSA-4096 SubjectPublicKeyInfo is 550 */

static void
hash_msg(const struct dk_limit_cell *c, uint8_t out[DK_DIGEST_MAX])
{
	struct dk_hash h;

	dk_hash_init(&h, DK_HASH_SHA256);
	dk_hash_update(&h, c->msg, c->len);
	dk_hash_out(&h, out);
}

int
dk_limit_hash(void *arg)
{
	uint8_t digest[DK_DIGEST_MAX];

	hash_msg(arg, digest);
	return 0;
}

int
dk_limit_sign(void *arg)
{
	struct dk_limit_key *k = arg;

	k->siglen = sizeof(k->sig);
	return dk_key_sign(k->key, k->digest, k->sig, &k->siglen) ? -1 : 0;
}

int
dk_limit_verify(void *arg)
{
	const struct dk_limit_key *k = arg;

	return dk_pubkey_verify(&k->pub, DK_HASH_SHA256, k->digest,
	    sizeof(k->digest), k->sig, k->siglen) == 1 ? 0 : -1;
}

int
dk_limit_cell_sign(void *arg)
{
	const struct dk_limit_cell *c = arg;
	uint8_t digest[DK_DIGEST_MAX], sig[DK_SIG_MAX];
	size_t siglen = sizeof(sig);

	hash_msg(c, digest);
	return dk_key_sign(c->k->key, digest, sig, &siglen) ? -1 : 0;
}

/* The signature checked is the one over k->digest: the same work. */
int
dk_limit_cell_verify(void *arg)
{
	const struct dk_limit_cell *c = arg;
	uint8_t digest[DK_DIGEST_MAX];

	hash_msg(c, digest);
	return dk_limit_verify(c->k);
}

/* The p= of a "v=DKIM1; k=...; p=..." record, decoded. */
static void
load_pub(struct dk_limit_key *k, enum dk_key_type type, const char *record)
{
	uint8_t der[LIMIT_DER_MAX];
	const char *p;
	size_t len;
	enum dk_reason why;

	if ((p = strstr(record, "p=")) == NULL ||
	    dk_b64_decode(p + 2, strlen(p + 2), der, sizeof(der), &len,
	    1) != 0 ||
	    dk_pubkey_decode(&k->pub, type, der, len, &why) != 0) {
		fprintf(stderr, "bench: bad key record: %s\n", record);
		exit(1);
	}
}

struct dk_key *
dk_bench_key(const char *keyfile)
{
	struct dk_key *key;
	char err[256], *pem;

	pem = dk_bench_readfile(keyfile);
	if (dk_key_parse(&key, pem, strlen(pem), err, sizeof(err)) != DK_OK) {
		fprintf(stderr, "%s: %s\n", keyfile, err);
		exit(1);
	}
	free(pem);
	return key;
}

void
dk_limit_load(struct dk_limit_key *k, enum dk_key_type type,
    const char *keyfile, const char *recfile)
{
	char *rec;

	k->key = dk_bench_key(keyfile);
	rec = dk_bench_readfile(recfile);
	load_pub(k, type, rec);
	free(rec);
	memset(k->digest, 0xa5, sizeof(k->digest));
	/* both signatures are deterministic: dk_limit_sign() makes it again */
	if (dk_limit_sign(k) != 0) {
		fprintf(stderr, "%s: cannot sign\n", keyfile);
		exit(1);
	}
}
