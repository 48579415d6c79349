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
 * Raw RSA-2048 PKCS#1 v1.5 over a SHA-256 digest, one core: our own
 * code, BearSSL's and OpenSSL's libcrypto, with the same key, in the
 * same run. Each implementation runs for a slice of CPU time, in turn,
 * for several rounds, so that a busy machine slows all three alike; the
 * lowest and highest rate of the rounds are printed.
 *
 * Usage: bench_rsa KEYFILE. Environment: DK_BENCH_SECONDS (per slice,
 * default 1.5, split over the rounds). Output: lines
 *	RAWRSA IMPL OP ROUND ITERATIONS CPU_SECONDS
 * then a table.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "../src/crypto/rsa.h"

#define ROUNDS		3
#define NIMPL		3
#define NOPS		2

static const char *const impl_name[NIMPL] = { "dkimkit", "BearSSL",
	"OpenSSL" };
static const char *const op_name[NOPS] = { "sign", "verify" };

struct ctx {
	struct dk_key		*key;
	struct dk_pubkey	 pk;
	EVP_PKEY_CTX		*osign, *overify;
	uint8_t			 digest[32];
	uint8_t			 sig[DK_SIG_MAX];
	size_t			 siglen;
};

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
one(struct ctx *c, int impl, int op)
{
	uint8_t sig[DK_SIG_MAX];
	size_t len = sizeof(sig);

	switch (impl * NOPS + op) {
	case 0:
		return dk_rsa_sign_ct(dk_key_rsa_priv(c->key), c->digest, sig);
	case 1:
		return dk_rsa_verify_own(&c->pk, DK_HASH_SHA256, c->digest, 32,
		    c->sig, c->siglen) == 1 ? 0 : -1;
	case 2:
		return dk_rsa_sign_bearssl(c->key, c->digest, sig);
	case 3:
		return dk_rsa_verify_bearssl(&c->pk, DK_HASH_SHA256,
		    c->digest, 32, c->sig, c->siglen) == 1 ? 0 : -1;
	case 4:
		return EVP_PKEY_sign(c->osign, sig, &len, c->digest, 32) == 1 ?
		    0 : -1;
	default:
		return EVP_PKEY_verify(c->overify, c->sig, c->siglen,
		    c->digest, 32) == 1 ? 0 : -1;
	}
}

static EVP_PKEY_CTX *
ossl_ctx(EVP_PKEY *pkey, int sign)
{
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new(pkey, NULL);

	if (c == NULL || (sign ? EVP_PKEY_sign_init(c) :
	    EVP_PKEY_verify_init(c)) != 1 ||
	    EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING) != 1 ||
	    EVP_PKEY_CTX_set_signature_md(c, EVP_sha256()) != 1) {
		fprintf(stderr, "bench_rsa: OpenSSL context failed\n");
		exit(1);
	}
	return c;
}

static void
setup(struct ctx *c, const char *path)
{
	struct dk_rsa_priv *p;
	EVP_PKEY *pkey;
	char buf[16384], err[256];
	size_t len;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		exit(1);
	}
	len = fread(buf, 1, sizeof(buf), f);
	rewind(f);
	pkey = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	if (pkey == NULL || dk_key_parse(&c->key, buf, len, err,
	    sizeof(err)) != DK_OK || dk_key_type(c->key) != DK_KEY_RSA) {
		fprintf(stderr, "%s: not an RSA key both libraries read\n",
		    path);
		exit(1);
	}
	c->osign = ossl_ctx(pkey, 1);
	c->overify = ossl_ctx(pkey, 0);
	EVP_PKEY_free(pkey);
	p = dk_key_rsa_priv(c->key);
	c->pk.type = DK_KEY_RSA;
	c->pk.bits = dk_key_bits(c->key);
	c->pk.nlen = p->nlen;
	dk_bn_encode(c->pk.n, p->nlen, p->n.m, p->n.k);
	c->pk.elen = 3;
	dk_bn_encode(c->pk.e, 3, &p->e, 1);
	memset(c->digest, 0x42, sizeof(c->digest));
	if (dk_key_sign(c->key, c->digest, c->sig, &c->siglen) != 0) {
		fprintf(stderr, "bench_rsa: cannot sign\n");
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	static struct ctx c;
	double rate[NIMPL][NOPS][ROUNDS], lo, hi, slice, t0, t;
	const char *s = getenv("DK_BENCH_SECONDS");
	unsigned long n;
	int r, i, op, k;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_rsa KEYFILE\n");
		return 64;
	}
	setup(&c, argv[1]);
	slice = (s != NULL ? atof(s) : 1.5) / ROUNDS;
	if (slice <= 0)
		slice = 0.5;
	for (r = 0; r < ROUNDS; r++)
		for (op = 0; op < NOPS; op++)
			for (i = 0; i < NIMPL; i++) {
				n = 0;
				t0 = cpu_now();
				do {
					if (one(&c, i, op) != 0) {
						fprintf(stderr, "bench_rsa: %s "
						    "%s failed\n",
						    impl_name[i], op_name[op]);
						return 1;
					}
					n++;
				} while ((t = cpu_now() - t0) < slice);
				rate[i][op][r] = (double)n / t;
				printf("RAWRSA %s %s %d %lu %.6f\n",
				    impl_name[i], op_name[op], r, n, t);
			}
	printf("\nraw RSA-%u, PKCS#1 v1.5 over SHA-256, ops/s of CPU time, "
	    "lowest-highest of %d rounds\n", dk_key_bits(c.key), ROUNDS);
	printf("%-7s | %-15s | %-15s | %-15s | %s\n", "op", "dkimkit",
	    "BearSSL", "OpenSSL", "dkimkit/OpenSSL");
	for (op = 0; op < NOPS; op++) {
		printf("%-7s", op_name[op]);
		for (i = 0; i < NIMPL; i++) {
			lo = hi = rate[i][op][0];
			for (k = 1; k < ROUNDS; k++) {
				lo = rate[i][op][k] < lo ? rate[i][op][k] : lo;
				hi = rate[i][op][k] > hi ? rate[i][op][k] : hi;
			}
			printf(" | %7.0f-%-7.0f", lo, hi);
		}
		/* the ratio per round: both measured side by side */
		lo = hi = rate[0][op][0] / rate[2][op][0];
		for (k = 1; k < ROUNDS; k++) {
			t = rate[0][op][k] / rate[2][op][k];
			lo = t < lo ? t : lo;
			hi = t > hi ? t : hi;
		}
		printf(" | %.2f-%.2f\n", lo, hi);
	}
	EVP_PKEY_CTX_free(c.osign);
	EVP_PKEY_CTX_free(c.overify);
	dk_key_free(c.key);
	return 0;
}
