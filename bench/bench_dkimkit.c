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
 * Sign and verify throughput of dkimkit through its public API, for
 * bench/run.sh. Keys are loaded once; the verifier's key query is
 * answered from memory, so no DNS is measured.
 *
 * usage: bench_dkimkit RSA_KEY RSA_RECORD ED25519_KEY ED25519_RECORD
 * (record files hold the key record text, "v=DKIM1; k=...; p=...").
 * With DK_BENCH_LIMITS=FILE (environment), each cell's limit (limit.h)
 * is measured alongside it, slice by slice (dk_bench_pair()), and its
 * RESULT line added to FILE; stdout has the same lines either way.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bench.h"
#include "dkimkit.h"
#include "limit.h"

#define BENCH_LIB	"dkimkit"
#define BENCH_QNAME_MAX	256	/* SELECTOR._domainkey.DOMAIN, short here */

struct bench_key {
	const char		*alg;
	const char		*selector;
	struct dk_key		*key;
	char			*record;
	char			 qname[BENCH_QNAME_MAX];
	struct dk_limit_key	 limit;
};

struct bench_job {
	struct bench_key	*k;
	struct dk_sign_opts	 opts;
	const char		*msg;
	size_t			 len;
};

/* DK_BENCH_LIMITS, open, or NULL */
static FILE	*limits;

static void
load_key(struct bench_key *k, const char *alg, enum dk_key_type type,
    const char *selector, const char *keyfile, const char *recfile)
{
	if (limits != NULL)
		dk_limit_load(&k->limit, type, keyfile, recfile);
	k->alg = alg;
	k->selector = selector;
	k->key = dk_bench_key(keyfile);
	k->record = dk_bench_readfile(recfile);
	snprintf(k->qname, sizeof(k->qname), "%s._domainkey.%s", selector,
	    DK_BENCH_DOMAIN);
}

static int
sign_one(void *arg)
{
	const struct bench_job *j = arg;
	struct dk_signer *s;
	size_t off, n;
	int rc = -1;

	if (dk_signer_new(&s, &j->opts, 1) != DK_OK)
		return -1;
	for (off = 0; off < j->len; off += n) {
		n = j->len - off < DK_BENCH_CHUNK ? j->len - off :
		    DK_BENCH_CHUNK;
		if (dk_signer_write(s, j->msg + off, n) != DK_OK)
			break;
	}
	if (off >= j->len && dk_signer_finish(s) == DK_OK &&
	    dk_signer_field(s, 0) != NULL)
		rc = 0;
	else
		fprintf(stderr, "sign: %s\n", dk_signer_errmsg(s));
	dk_signer_free(s);
	return rc;
}

/* The message with the signature field on top, to be verified. */
static char *
signed_message(const struct bench_job *j, size_t *lenp)
{
	struct dk_signer *s;
	const char *field;
	char *out;
	size_t flen;

	if (dk_signer_new(&s, &j->opts, 1) != DK_OK) {
		fprintf(stderr, "sign: cannot start\n");
		exit(1);
	}
	if (dk_signer_write(s, j->msg, j->len) != DK_OK ||
	    dk_signer_finish(s) != DK_OK ||
	    (field = dk_signer_field(s, 0)) == NULL) {
		fprintf(stderr, "sign: %s\n", dk_signer_errmsg(s));
		exit(1);
	}
	flen = strlen(field);
	if ((out = malloc(flen + 2 + j->len)) == NULL) {
		perror("malloc");
		exit(1);
	}
	memcpy(out, field, flen);
	memcpy(out + flen, "\r\n", 2);
	memcpy(out + flen + 2, j->msg, j->len);
	*lenp = flen + 2 + j->len;
	dk_signer_free(s);
	return out;
}

static int
answer_queries(struct dk_verifier *v, const struct bench_key *k)
{
	const char *q;
	const char *txt[1];

	txt[0] = k->record;
	while ((q = dk_verifier_next_query(v)) != NULL) {
		if (strcasecmp(q, k->qname) == 0) {
			if (dk_verifier_answer(v, q, DK_DNS_OK, txt, 1) !=
			    DK_OK)
				return -1;
		} else if (dk_verifier_answer(v, q, DK_DNS_NXDOMAIN, NULL,
		    0) != DK_OK)
			return -1;
	}
	return 0;
}

static int
verify_one(void *arg)
{
	const struct bench_job *j = arg;
	struct dk_verify_opts vo;
	struct dk_verifier *v;
	const struct dk_result *r;
	size_t off, n;
	int rc = -1;

	dk_verify_opts_init(&vo, sizeof(vo));
	vo.now = DK_BENCH_NOW;
	vo.authserv_id = DK_BENCH_DOMAIN;
	if (dk_verifier_new(&v, &vo) != DK_OK)
		return -1;
	for (off = 0; off < j->len; off += n) {
		n = j->len - off < DK_BENCH_CHUNK ? j->len - off :
		    DK_BENCH_CHUNK;
		if (dk_verifier_write(v, j->msg + off, n) != DK_OK ||
		    answer_queries(v, j->k) != 0)
			break;
	}
	if (off >= j->len && dk_verifier_finish(v) == DK_OK &&
	    dk_verifier_nresults(v) == 1 &&
	    (r = dk_verifier_result(v, 0))->outcome == DK_PASS)
		rc = 0;
	else
		fprintf(stderr, "verify: %s\n", dk_verifier_authres(v) ?
		    dk_verifier_authres(v) : dk_verifier_errmsg(v));
	dk_verifier_free(v);
	return rc;
}

/* One cell, with its limit alongside when asked for. */
static int
run_cell(struct bench_job *j, const char *op, size_t size, dk_bench_fn *fn)
{
	struct dk_limit_cell lc;

	if (limits == NULL)
		return dk_bench_run(BENCH_LIB, op, j->k->alg, size, fn, j);
	/* the bytes the cell reads, in the same cache */
	lc.k = &j->k->limit;
	lc.msg = j->msg;
	lc.len = j->len;
	return dk_bench_pair(BENCH_LIB, op, j->k->alg, size, fn, j,
	    fn == sign_one ? dk_limit_cell_sign : dk_limit_cell_verify, &lc,
	    limits);
}

static int
bench_key(struct bench_key *k)
{
	struct bench_job j;
	char *msg, *smsg;
	size_t i, slen;
	int rc = 0;

	memset(&j, 0, sizeof(j));
	j.k = k;
	dk_sign_opts_init(&j.opts, sizeof(j.opts));
	j.opts.domain = DK_BENCH_DOMAIN;
	j.opts.selector = k->selector;
	j.opts.key = k->key;
	j.opts.hcanon = DK_CANON_RELAXED;
	j.opts.bcanon = DK_CANON_RELAXED;
	j.opts.timestamp = DK_BENCH_NOW;
	for (i = 0; i < DK_BENCH_NSIZES && rc == 0; i++) {
		if (dk_bench_skip("sign", k->alg, dk_bench_sizes[i]) &&
		    dk_bench_skip("verify", k->alg, dk_bench_sizes[i]))
			continue;
		msg = dk_bench_message(dk_bench_sizes[i]);
		j.msg = msg;
		j.len = dk_bench_sizes[i];
		rc = run_cell(&j, "sign", j.len, sign_one);
		smsg = signed_message(&j, &slen);
		j.msg = smsg;
		j.len = slen;
		if (rc == 0)
			rc = run_cell(&j, "verify", dk_bench_sizes[i],
			    verify_one);
		free(smsg);
		free(msg);
	}
	return rc;
}

int
main(int argc, char **argv)
{
	struct bench_key keys[2];
	const char *env;
	int rc;

	if (argc != 5) {
		fprintf(stderr, "usage: bench_dkimkit RSA_KEY RSA_RECORD "
		    "ED25519_KEY ED25519_RECORD\n");
		return 64;
	}
	if ((env = getenv("DK_BENCH_LIMITS")) != NULL && *env != '\0' &&
	    (limits = fopen(env, "a")) == NULL) {
		perror(env);
		return 1;
	}
	load_key(&keys[0], "rsa-sha256", DK_KEY_RSA, "rsa", argv[1],
	    argv[2]);
	load_key(&keys[1], "ed25519-sha256", DK_KEY_ED25519, "ed", argv[3],
	    argv[4]);
	rc = 0;
	if (bench_key(&keys[0]) != 0)
		rc = 1;
	if (bench_key(&keys[1]) != 0)
		rc = 1;
	dk_key_free(keys[0].key);
	dk_key_free(keys[1].key);
	if (limits != NULL) {
		dk_key_free(keys[0].limit.key);
		dk_key_free(keys[1].limit.key);
		if (fclose(limits) != 0)
			rc = 1;
	}
	free(keys[0].record);
	free(keys[1].record);
	return rc;
}
