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
 * Our own RSA (src/crypto/rsa.c) against BearSSL's (rsabr.c). PKCS#1
 * v1.5 signatures are deterministic, so both must give the same bytes
 * for random keys from 1024 to 4096 bits, odd sizes included, and
 * random digests, on every kernel the CPU has (portable, mulx, IFMA);
 * and both verifiers must
 * give the same verdict on good and malformed signatures.
 *
 * Keys are generated once and kept in $TEST_RSA_KEYDIR (default
 * build/rsa-keys): RSA key generation takes seconds at 4096 bits. The
 * random sizes and digests come from a seed printed at the start;
 * TEST_RSA_SEED=N repeats a run.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../src/crypto/rsa.h"
#include "testlib.h"

#define NKEYS		24	/* keys in the cache */
#define NDIGESTS	6	/* random digests per key */
#define KEYDIR_DEFAULT	"build/rsa-keys"
#define CRYPTO_DATA	"tests/data/crypto/"

/* sizes every run covers; the rest of the NKEYS are random */
static const unsigned int fixed_bits[] = {
	1024, 1025, 1536, 2047, 2048, 2049, 3071, 3072, 4095, 4096
};

static uint64_t rng_state;

/* xorshift64*: reproducible from the seed, not for keys */
static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static void
rng_fill(uint8_t *p, size_t len)
{
	while (len-- > 0)
		*p++ = (uint8_t)(rng() >> 56);
}

struct tkey {
	struct dk_key		*key;
	struct dk_pubkey	 pk;
	char			 name[64];
};

static struct tkey keys[NKEYS + 8];
static size_t nkeys;

static const char *
keydir(void)
{
	const char *d = getenv("TEST_RSA_KEYDIR");

	return d != NULL && *d != '\0' ? d : KEYDIR_DEFAULT;
}

/* The public key through the key record, as a verifier gets it. */
static int
pub_of(const struct dk_key *key, struct dk_pubkey *pk)
{
	uint8_t der[DK_RSA_MAX_BITS / 4];
	char *rec = dk_key_record(key), *p;
	size_t len;
	int rc = -1;

	if (rec == NULL || (p = strstr(rec, "p=")) == NULL)
		goto out;
	p += 2;
	if (dk_b64_decode(p, strlen(p), der, sizeof(der), &len, 1) == 0 &&
	    dk_pubkey_decode(pk, DK_KEY_RSA, der, len, NULL) == 0)
		rc = 0;
out:
	free(rec);
	return rc;
}

static int
add_key(const char *path, const char *name)
{
	struct tkey *t = &keys[nkeys];
	char *buf, err[256];
	size_t len;
	enum dk_status st;

	if ((buf = test_readfile(path, &len)) == NULL)
		return -1;
	st = dk_key_parse(&t->key, buf, len, err, sizeof(err));
	free(buf);
	if (st != DK_OK || dk_key_type(t->key) != DK_KEY_RSA ||
	    pub_of(t->key, &t->pk) == -1) {
		fprintf(stderr, "%s: %s\n", path, err);
		dk_key_free(t->key);
		return -1;
	}
	snprintf(t->name, sizeof(t->name), "%s (%u bits)", name,
	    dk_key_bits(t->key));
	nkeys++;
	return 0;
}

/* Key i of the cache, made when missing. */
static int
cached_key(size_t i)
{
	char path[512], name[32];
	struct dk_key *k;
	unsigned int bits;
	char *pem;
	FILE *f;

	snprintf(path, sizeof(path), "%s/key%02zu.pem", keydir(), i);
	snprintf(name, sizeof(name), "key%02zu", i);
	if (add_key(path, name) == 0)
		return 0;
	bits = i < NCASES(fixed_bits) ? fixed_bits[i] :
	    DK_RSA_MIN_BITS + (unsigned int)(rng() % (DK_RSA_MAX_BITS -
	    DK_RSA_MIN_BITS + 1));
	if (dk_key_generate(&k, DK_KEY_RSA, bits) != DK_OK ||
	    (pem = dk_key_pem(k)) == NULL)
		return -1;
	dk_key_free(k);
	if ((f = fopen(path, "w")) == NULL) {
		free(pem);
		return -1;
	}
	fputs(pem, f);
	free(pem);
	if (fclose(f) != 0)
		return -1;
	return add_key(path, name);
}

static int
load_keys(void)
{
	static const char *const data[] = {
		"rsa2048-pkcs8.pem", "rsa4096-pkcs8.pem"
	};
	char path[512];
	size_t i;

	if (mkdir(keydir(), 0700) == -1 && errno != EEXIST) {
		fprintf(stderr, "%s: %s\n", keydir(), strerror(errno));
		return -1;
	}
	for (i = 0; i < NKEYS; i++)
		if (cached_key(i) == -1)
			return -1;
	/* OpenSSL made these: primes that are not 3 mod 4 */
	for (i = 0; i < NCASES(data); i++) {
		snprintf(path, sizeof(path), "%s%s", CRYPTO_DATA, data[i]);
		if (add_key(path, data[i]) == -1)
			return -1;
	}
	return 0;
}

/* Kernel choices: portable, mulx, IFMA (where the CPU has them). */
#define NKERNELS	3
static const char *const kernel_name[NKERNELS] = { "portable", "mulx",
	"ifma" };

/* Select kernel i; 0 when this CPU does not have it. */
static int
set_kernel(struct dk_rsa_priv *p, int i, int ifma_ready)
{
	int adx = i >= 1 && dk_bn_adx_ok();

	if ((i == 1 && !adx) || (i == 2 && !ifma_ready))
		return 0;
	p->n.adx = p->p.adx = p->q.adx = adx;
	p->ifma = i == 2;
	return 1;
}

/* ---- cases ---- */

/* Both kernels against each other on random rows of every length. */
static int
test_kernels(void)
{
	uint64_t a[80], t1[80], t2[80], b, c1, c2;
	size_t n, i, round;

	if (!dk_bn_adx_ok()) {
		printf("  no mulx/adx on this CPU: portable kernel only\n");
		return 0;
	}
	for (round = 0; round < 200; round++) {
		n = 1 + rng() % 70;
		for (i = 0; i < n; i++) {
			a[i] = rng();
			t1[i] = t2[i] = rng();
		}
		/* the extremes of carry propagation */
		if (round % 4 == 0)
			for (i = 0; i < n; i++)
				a[i] = t1[i] = t2[i] = UINT64_MAX;
		b = round % 4 == 0 ? UINT64_MAX : rng();
		c1 = dk_bn_addmul_c(t1, a, n, b);
		c2 = dk_bn_addmul_adx(t2, a, n, b);
		CHECK(c1 == c2);
		CHECK(memcmp(t1, t2, n * sizeof(*t1)) == 0);
	}
	return 0;
}

static int
sign_same(const struct tkey *t, const uint8_t digest[32])
{
	uint8_t want[DK_SIG_MAX], got[DK_SIG_MAX];
	struct dk_rsa_priv *p = dk_key_rsa_priv(t->key);
	size_t len = p->nlen;
	int i, ifma_ready = p->ifma, rc = 0;

	if (dk_rsa_sign_bearssl(t->key, digest, want) != 0)
		return test_fail(__FILE__, __LINE__, "%s: BearSSL cannot sign",
		    t->name);
	for (i = 0; i < NKERNELS && rc == 0; i++) {
		if (!set_kernel(p, i, ifma_ready))
			continue;
		if (dk_rsa_sign_ct(p, digest, got) != 0)
			rc = test_fail(__FILE__, __LINE__, "%s: own sign "
			    "failed (%s)", t->name, kernel_name[i]);
		else if (memcmp(want, got, len) != 0)
			rc = test_fail(__FILE__, __LINE__, "%s: signatures "
			    "differ (%s)", t->name, kernel_name[i]);
	}
	/* back to what the key chose */
	if (!set_kernel(p, ifma_ready ? 2 : 1, ifma_ready))
		(void)set_kernel(p, 0, ifma_ready);
	if (rc == 0 && (dk_rsa_verify_own(&t->pk, DK_HASH_SHA256, digest, 32,
	    got, len) != 1 || dk_rsa_verify_bearssl(&t->pk, DK_HASH_SHA256,
	    digest, 32, got, len) != 1))
		rc = test_fail(__FILE__, __LINE__, "%s: a good signature "
		    "does not verify", t->name);
	return rc;
}

static int
test_sign_same(void)
{
	uint8_t digest[32];
	size_t i, j;

	for (i = 0; i < nkeys; i++) {
		for (j = 0; j < NDIGESTS; j++) {
			rng_fill(digest, sizeof(digest));
			/* digests with long runs of 0x00 and 0xff too */
			if (j == 0)
				memset(digest, 0, sizeof(digest));
			if (j == 1)
				memset(digest, 0xff, sizeof(digest));
			if (sign_same(&keys[i], digest))
				return 1;
		}
	}
	return 0;
}

/* Both verifiers give want on sig[0..len) under pk. */
static int
agree(const char *what, const struct tkey *t, const struct dk_pubkey *pk,
    enum dk_hash_alg alg, const uint8_t *digest, const uint8_t *sig,
    size_t len, int want)
{
	size_t dlen = alg == DK_HASH_SHA1 ? 20 : 32;
	int own, own52, br;

	own = dk_rsa_verify_kernel(pk, alg, digest, dlen, sig, len, 0);
	own52 = dk_rsa_verify_kernel(pk, alg, digest, dlen, sig, len, 1);
	br = dk_rsa_verify_bearssl(pk, alg, digest, dlen, sig, len);
	if (own != want || own52 != want || br != want)
		return test_fail(__FILE__, __LINE__, "%s: %s: own %d (IFMA "
		    "%d), BearSSL %d, expected %d", t->name, what, own, own52,
		    br, want);
	return 0;
}

/*
 * The encoded message for digest, built by hand (RFC 8017 §9.2). With
 * e = 1 it is its own signature: a way to put any encoding in front of
 * both verifiers without a private key.
 */
static size_t
emsa(uint8_t *em, size_t len, enum dk_hash_alg alg, const uint8_t *digest)
{
	static const uint8_t p256[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09,
	    0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
	    0x04, 0x20 };
	static const uint8_t p1[] = { 0x30, 0x21, 0x30, 0x09, 0x06, 0x05,
	    0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14 };
	const uint8_t *pre = alg == DK_HASH_SHA1 ? p1 : p256;
	size_t plen = alg == DK_HASH_SHA1 ? sizeof(p1) : sizeof(p256);
	size_t hlen = alg == DK_HASH_SHA1 ? 20 : 32;

	em[0] = 0;
	em[1] = 1;
	memset(em + 2, 0xff, len - plen - hlen - 3);
	em[len - plen - hlen - 1] = 0;
	memcpy(em + len - plen - hlen, pre, plen);
	memcpy(em + len - hlen, digest, hlen);
	return len - plen - hlen;	/* where the DigestInfo starts */
}

static int
malformed_sigs(const struct tkey *t, const uint8_t digest[32])
{
	uint8_t sig[DK_SIG_MAX + 1], bad[DK_SIG_MAX + 1];
	size_t len = t->pk.nlen, i;

	if (dk_key_sign(t->key, digest, sig, &i) != 0 || i != len)
		return test_fail(__FILE__, __LINE__, "%s: cannot sign",
		    t->name);
	if (agree("good", t, &t->pk, DK_HASH_SHA256, digest, sig, len, 1))
		return 1;
	if (agree("as SHA-1", t, &t->pk, DK_HASH_SHA1, digest, sig, len, 0))
		return 1;
	/* one bit flipped, anywhere */
	memcpy(bad, sig, len);
	bad[rng() % len] ^= (uint8_t)(1 << (rng() % 8));
	if (agree("bit flipped", t, &t->pk, DK_HASH_SHA256, digest, bad,
	    len, 0))
		return 1;
	/* too long: a zero byte in front; too short: one byte less */
	bad[0] = 0;
	memcpy(bad + 1, sig, len);
	if (agree("too long", t, &t->pk, DK_HASH_SHA256, digest, bad,
	    len + 1, 0) ||
	    agree("too short", t, &t->pk, DK_HASH_SHA256, digest, sig + 1,
	    len - 1, 0) ||
	    agree("empty", t, &t->pk, DK_HASH_SHA256, digest, sig, 0, 0))
		return 1;
	/* s >= n: n itself, n + s (when it fits), all ones */
	if (agree("s = n", t, &t->pk, DK_HASH_SHA256, digest, t->pk.n, len,
	    0))
		return 1;
	memset(bad, 0xff, len);
	if (agree("s = 2^k - 1", t, &t->pk, DK_HASH_SHA256, digest, bad,
	    len, 0))
		return 1;
	memset(bad, 0, len);
	if (agree("s = 0", t, &t->pk, DK_HASH_SHA256, digest, bad, len, 0))
		return 1;
	bad[len - 1] = 1;
	if (agree("s = 1", t, &t->pk, DK_HASH_SHA256, digest, bad, len, 0))
		return 1;
	rng_fill(bad, len);
	bad[0] = t->pk.n[0] > 0 ? (uint8_t)(rng() % t->pk.n[0]) : 0;
	if (agree("random s", t, &t->pk, DK_HASH_SHA256, digest, bad, len, 0))
		return 1;
	return 0;
}

/* Exponents: what both take and what both refuse. */
static int
exponents(const struct tkey *t, const uint8_t digest[32])
{
	static const uint8_t no_null[] = { 0x30, 0x2f, 0x30, 0x0b, 0x06,
	    0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x04,
	    0x20 };
	struct dk_pubkey pk = t->pk;
	uint8_t sig[DK_SIG_MAX], em[DK_SIG_MAX];
	size_t len = t->pk.nlen, i, j, at;

	if (dk_key_sign(t->key, digest, sig, &i) != 0)
		return test_fail(__FILE__, __LINE__, "%s: cannot sign",
		    t->name);
	/* no e at all, e = 0, e = 3, the largest e that fits */
	pk.elen = 0;
	if (agree("no e", t, &pk, DK_HASH_SHA256, digest, sig, len, 0))
		return 1;
	pk.elen = 1;
	pk.e[0] = 0;
	if (agree("e = 0", t, &pk, DK_HASH_SHA256, digest, sig, len, 0))
		return 1;
	pk.e[0] = 3;
	if (agree("e = 3", t, &pk, DK_HASH_SHA256, digest, sig, len, 0))
		return 1;
	pk.elen = sizeof(pk.e);
	memset(pk.e, 0xff, sizeof(pk.e));
	if (agree("e = 2^64 - 1", t, &pk, DK_HASH_SHA256, digest, sig, len,
	    0))
		return 1;
	/* e = 1: the encoded message is its own signature */
	pk.elen = 1;
	pk.e[0] = 1;
	at = emsa(em, len, DK_HASH_SHA256, digest);
	if (agree("e = 1", t, &pk, DK_HASH_SHA256, digest, em, len, 1))
		return 1;
	/* e = 1 and a leading zero byte in e: the same number */
	pk.elen = 2;
	pk.e[0] = 0;
	pk.e[1] = 1;
	if (agree("e = 01 as 00 01", t, &pk, DK_HASH_SHA256, digest, em, len,
	    1))
		return 1;
	pk.elen = 1;
	pk.e[0] = 1;
	emsa(em, len, DK_HASH_SHA1, digest);
	if (agree("SHA-1, e = 1", t, &pk, DK_HASH_SHA1, digest, em, len, 1))
		return 1;
	/* a byte of the encoding changed: the first 12, then any */
	for (j = 1; j < 40; j++) {
		i = j < 12 ? j : 1 + rng() % (len - 1);
		emsa(em, len, DK_HASH_SHA256, digest);
		em[i] ^= i < at ? 0x01 : 0x80;
		if (agree("encoding byte changed", t, &pk, DK_HASH_SHA256,
		    digest, em, len, 0))
			return 1;
	}
	/*
	 * DigestInfo without the NULL parameters (RFC 8017 §9.2 note 1):
	 * BearSSL takes it, and so do we
	 */
	memset(em, 0xff, len);
	em[0] = 0;
	em[1] = 1;
	em[len - sizeof(no_null) - 32 - 1] = 0;
	memcpy(em + len - sizeof(no_null) - 32, no_null, sizeof(no_null));
	memcpy(em + len - 32, digest, 32);
	return agree("DigestInfo without NULL", t, &pk, DK_HASH_SHA256, digest,
	    em, len, 1);
}

static int
test_malformed(void)
{
	uint8_t digest[32];
	size_t i;

	for (i = 0; i < nkeys; i++) {
		rng_fill(digest, sizeof(digest));
		if (malformed_sigs(&keys[i], digest) ||
		    exponents(&keys[i], digest))
			return 1;
	}
	return 0;
}

/* A damaged dp is caught by the check of each signature. */
static int
test_fault(void)
{
	struct dk_rsa_priv p, *kp = dk_key_rsa_priv(keys[0].key);
	uint8_t digest[32], sig[DK_SIG_MAX], zero[DK_SIG_MAX];
	size_t i;

	rng_fill(digest, sizeof(digest));
	memset(zero, 0, sizeof(zero));
	for (i = 0; i < 3; i++) {
		p = *kp;
		if (i == 0)
			p.dp[0] ^= 2;
		else if (i == 1)
			p.dq[1] ^= 1;
		else
			p.iq[0] ^= 4;
		memset(sig, 0x55, sizeof(sig));
		CHECK(dk_rsa_sign_ct(&p, digest, sig) == -1);
		CHECK_MEM("signature after a fault", zero, p.nlen, sig, p.nlen);
	}
	dk_wipe(&p, sizeof(p));
	return 0;
}

/* The signer reports that fault as DK_EKEY and gives no field. */
static int
test_signer_fault(void)
{
	static const char msg[] = "From: a@example.com\r\n\r\nbody\r\n";
	struct dk_rsa_priv *kp = dk_key_rsa_priv(keys[0].key);
	struct dk_sign_opts o;
	struct dk_signer *s;
	enum dk_status st;

	dk_sign_opts_init(&o, sizeof(o));
	o.domain = "example.com";
	o.selector = "rsa";
	o.key = keys[0].key;
	CHECK(dk_signer_new(&s, &o, 1) == DK_OK);
	CHECK(dk_signer_write(s, msg, sizeof(msg) - 1) == DK_OK);
	kp->dp[0] ^= 2;
	st = dk_signer_finish(s);
	kp->dp[0] ^= 2;
	CHECK(st == DK_EKEY);
	CHECK(dk_signer_field(s, 0) == NULL);
	CHECK(strstr(dk_signer_errmsg(s), "own public key") != NULL);
	dk_signer_free(s);
	return 0;
}

static const struct test_case cases[] = {
	{ "kernels", test_kernels },
	{ "sign-same-bytes", test_sign_same },
	{ "verify-malformed", test_malformed },
	{ "fault-check", test_fault },
	{ "signer-fault", test_signer_fault },
};

int
main(int argc, char **argv)
{
	const char *s = getenv("TEST_RSA_SEED");
	size_t i;
	int rc;

	rng_state = s != NULL ? strtoull(s, NULL, 10) :
	    (uint64_t)time(NULL);
	if (rng_state == 0)
		rng_state = 1;
	printf("TEST_RSA_SEED=%" PRIu64 "\n", rng_state);
	if (load_keys() == -1) {
		printf("FAIL keys: cannot load or make the test keys in %s\n",
		    keydir());
		return 1;
	}
	rc = test_main(argc, argv, cases, NCASES(cases));
	for (i = 0; i < nkeys; i++)
		dk_key_free(keys[i].key);
	return rc;
}
