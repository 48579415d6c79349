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
 * Tests for src/crypto: hashes, base64, key loading and output, key
 * records, signing and verifying, key generation. Known answers come
 * from FIPS 180-2, RFC 4648 §10, the vectors' key records (published
 * with each key by its source) and signatures made by OpenSSL
 * (tests/data/crypto/README).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/crypto/crypto.h"
#include "testlib.h"

#define DATA		"tests/data/crypto/"
#define TEST_MSG	"dkimkit test message"
#define REC_MAX		2048	/* a 4096-bit key's p= is 736 characters */

/* ---- helpers ---- */

static void
hex(const uint8_t *p, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * len] = '\0';
}

static void
sha256(const void *buf, size_t len, uint8_t out[32])
{
	struct dk_hash h;

	dk_hash_init(&h, DK_HASH_SHA256);
	dk_hash_update(&h, buf, len);
	(void)dk_hash_out(&h, out);
}

/* The p= value published for name in vectors/dns.txt. */
static int
dns_p(const char *name, char *out, size_t cap)
{
	char *buf, *line, *p, *save = NULL;
	size_t len, nlen = strlen(name), n;
	int rc = -1;

	if ((buf = test_readfile("vectors/dns.txt", &len)) == NULL)
		return -1;
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, name, nlen) != 0 ||
		    strncmp(line + nlen, " TXT ", 5) != 0)
			continue;
		for (p = line; (p = strstr(p, "p=")) != NULL; p++)
			if (p[-1] == ' ' || p[-1] == ';' || p[-1] == '"')
				break;
		if (p == NULL)
			break;
		p += 2;
		n = strcspn(p, ";\" ");
		if (n < cap) {
			memcpy(out, p, n);
			out[n] = '\0';
			rc = 0;
		}
		break;
	}
	free(buf);
	return rc;
}

/* Read one line of base64 from a test data file. */
static int
read_b64_file(const char *path, char *out, size_t cap)
{
	char *buf;
	size_t len;
	int rc = -1;

	if ((buf = test_readfile(path, &len)) == NULL)
		return -1;
	len = strcspn(buf, "\r\n");
	if (len < cap) {
		memcpy(out, buf, len);
		out[len] = '\0';
		rc = 0;
	}
	free(buf);
	return rc;
}

static int
load_key(const char *path, struct dk_key **key)
{
	char err[256], *buf;
	size_t len;
	enum dk_status st;

	if ((buf = test_readfile(path, &len)) == NULL) {
		printf("  cannot read %s\n", path);
		return -1;
	}
	st = dk_key_parse(key, buf, len, err, sizeof(err));
	free(buf);
	if (st != DK_OK) {
		printf("  %s: status %d: %s\n", path, (int)st, err);
		return -1;
	}
	return 0;
}

/* The p= of key's record; the record must start with want_prefix. */
static int
record_p(const struct dk_key *key, char *out, size_t cap)
{
	const char *prefix = dk_key_type(key) == DK_KEY_RSA ?
	    "v=DKIM1; k=rsa; p=" : "v=DKIM1; k=ed25519; p=";
	char *rec;
	int rc = -1;

	if ((rec = dk_key_record(key)) == NULL)
		return -1;
	if (strncmp(rec, prefix, strlen(prefix)) == 0 &&
	    strlen(rec + strlen(prefix)) < cap) {
		strcpy(out, rec + strlen(prefix));
		rc = 0;
	} else
		printf("  unexpected record: %s\n", rec);
	dk_free_string(rec);
	return rc;
}

static int
decode_p(const char *p, enum dk_key_type type, struct dk_pubkey *pk,
    enum dk_reason *reason)
{
	uint8_t der[REC_MAX];
	size_t len;

	*reason = DK_R_OK;
	if (dk_b64_decode(p, strlen(p), der, sizeof(der), &len, 1) != 0) {
		*reason = DK_R_KEY_SYNTAX;
		return -1;
	}
	return dk_pubkey_decode(pk, type, der, len, reason);
}

/* The public key as a verifier sees it: through the key record. */
static int
pubkey_of(const struct dk_key *key, struct dk_pubkey *pk)
{
	char p[REC_MAX];
	enum dk_reason reason;

	if (record_p(key, p, sizeof(p)) == -1)
		return -1;
	return decode_p(p, dk_key_type(key), pk, &reason);
}

/* Sign, verify, and check that damage is caught. */
static int
sign_verify(const struct dk_key *key)
{
	struct dk_pubkey pk;
	uint8_t digest[32], sig[DK_SIG_MAX];
	size_t siglen;

	CHECK(pubkey_of(key, &pk) == 0);
	sha256(TEST_MSG, strlen(TEST_MSG), digest);
	CHECK(dk_key_sign(key, digest, sig, &siglen) == 0);
	CHECK(siglen == (dk_key_type(key) == DK_KEY_RSA ?
	    (dk_key_bits(key) + 7) / 8 : 64));
	CHECK(dk_pubkey_verify(&pk, DK_HASH_SHA256, digest, 32, sig, siglen));
	CHECK(!dk_pubkey_verify(&pk, DK_HASH_SHA1, digest, 20, sig, siglen));
	CHECK(!dk_pubkey_verify(&pk, DK_HASH_SHA256, digest, 32, sig,
	    siglen - 1));
	digest[5] ^= 0x01;
	CHECK(!dk_pubkey_verify(&pk, DK_HASH_SHA256, digest, 32, sig, siglen));
	digest[5] ^= 0x01;
	sig[siglen / 2] ^= 0x10;
	CHECK(!dk_pubkey_verify(&pk, DK_HASH_SHA256, digest, 32, sig, siglen));
	return 0;
}

/* PEM out, parse back: same key record, and signing still works. */
static int
pem_roundtrip(const struct dk_key *key)
{
	struct dk_key *back;
	char *pem, p1[REC_MAX], p2[REC_MAX], err[256];
	const char *begin = "-----BEGIN PRIVATE KEY-----\n";
	const char *end = "-----END PRIVATE KEY-----\n";
	size_t i, col;

	CHECK((pem = dk_key_pem(key)) != NULL);
	CHECK(strncmp(pem, begin, strlen(begin)) == 0);
	CHECK(strlen(pem) > strlen(end) &&
	    strcmp(pem + strlen(pem) - strlen(end), end) == 0);
	for (i = 0, col = 0; pem[i] != '\0'; i++) {
		col = pem[i] == '\n' ? 0 : col + 1;
		CHECK(col <= 64);
	}
	CHECK(dk_key_parse(&back, pem, strlen(pem), err, sizeof(err)) ==
	    DK_OK);
	dk_free_string(pem);
	CHECK(record_p(key, p1, sizeof(p1)) == 0);
	CHECK(record_p(back, p2, sizeof(p2)) == 0);
	CHECK_STR("record after PEM round trip", p1, p2);
	CHECK(dk_key_type(back) == dk_key_type(key));
	CHECK(dk_key_bits(back) == dk_key_bits(key));
	if (sign_verify(back) != 0) {
		dk_key_free(back);
		return 1;
	}
	dk_key_free(back);
	return 0;
}

/* Parsing buf must fail with DK_ESYNTAX and a message containing want. */
static int
expect_bad(const char *what, const void *buf, size_t len, const char *want)
{
	struct dk_key *key = (struct dk_key *)1;
	char err[256];
	enum dk_status st;

	err[0] = 'x';
	err[1] = '\0';
	st = dk_key_parse(&key, buf, len, err, sizeof(err));
	if (st != DK_ESYNTAX || key != NULL || strstr(err, want) == NULL) {
		dk_key_free(st == DK_OK ? key : NULL);
		return test_fail(__FILE__, __LINE__, "%s: status %d, message "
		    "\"%s\", wanted DK_ESYNTAX and \"%s\"", what, (int)st, err,
		    want);
	}
	return 0;
}

static int
expect_bad_file(const char *path, const char *want)
{
	char *buf;
	size_t len;
	int rc;

	if ((buf = test_readfile(path, &len)) == NULL)
		return test_fail(__FILE__, __LINE__, "cannot read %s", path);
	rc = expect_bad(path, buf, len, want);
	free(buf);
	return rc;
}

/* ---- hashes ---- */

struct hash_kat {
	enum dk_hash_alg	 alg;
	const char		*in;
	const char		*want;
};

/* FIPS 180-2 App. A/B (SHA-1, SHA-256) and the empty string. */
static const struct hash_kat hash_kats[] = {
	{ DK_HASH_SHA256, "",
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ DK_HASH_SHA256, "abc",
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ DK_HASH_SHA256,
	  "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ DK_HASH_SHA1, "", "da39a3ee5e6b4b0d3255bfef95601890afd80709" },
	{ DK_HASH_SHA1, "abc", "a9993e364706816aba3e25717850c26c9cd0d89d" },
	{ DK_HASH_SHA1,
	  "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	  "84983e441c3bd26ebaae4aa1f95129e5e54670f1" },
};

static int
hash_check(const struct dk_hash *h, const char *want)
{
	uint8_t out[DK_DIGEST_MAX];
	char got[2 * DK_DIGEST_MAX + 1];

	hex(out, dk_hash_out(h, out), got);
	CHECK_STR("digest", want, got);
	return 0;
}

/* Each known answer fed whole, byte by byte, and split at every offset. */
static int
test_hash_kat(void)
{
	struct dk_hash h;
	size_t i, len, j, cut;

	for (i = 0; i < NCASES(hash_kats); i++) {
		len = strlen(hash_kats[i].in);
		dk_hash_init(&h, hash_kats[i].alg);
		dk_hash_update(&h, hash_kats[i].in, len);
		if (hash_check(&h, hash_kats[i].want))
			return 1;
		dk_hash_init(&h, hash_kats[i].alg);
		for (j = 0; j < len; j++)
			dk_hash_update(&h, hash_kats[i].in + j, 1);
		if (hash_check(&h, hash_kats[i].want))
			return 1;
		for (cut = 0; cut <= len; cut++) {
			dk_hash_init(&h, hash_kats[i].alg);
			dk_hash_update(&h, hash_kats[i].in, cut);
			dk_hash_update(&h, hash_kats[i].in + cut, len - cut);
			if (hash_check(&h, hash_kats[i].want))
				return 1;
		}
	}
	return 0;
}

/* FIPS 180-2: one million 'a', here fed in chunks of odd sizes. */
static int
test_hash_million(void)
{
	static char a[1000];
	struct dk_hash h256, h1;
	size_t done = 0, chunk = 1;

	memset(a, 'a', sizeof(a));
	dk_hash_init(&h256, DK_HASH_SHA256);
	dk_hash_init(&h1, DK_HASH_SHA1);
	while (done < 1000000) {
		if (chunk > 1000000 - done)
			chunk = 1000000 - done;
		dk_hash_update(&h256, a, chunk);
		dk_hash_update(&h1, a, chunk);
		done += chunk;
		chunk = (chunk * 7 + 3) % 997 | 1;
	}
	if (hash_check(&h256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a4"
	    "97200e046d39ccc7112cd0"))
		return 1;
	return hash_check(&h1, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

/*
 * The SHA instruction path (where the CPU has it) against BearSSL's
 * portable one: every length up to 300 and some long ones, fed in
 * random chunks (empty ones too) against fed whole.
 */
static int
test_hash_accel(void)
{
	static unsigned char data[70000];
	struct dk_hash fast, slow;
	uint8_t a[DK_DIGEST_MAX], b[DK_DIGEST_MAX];
	size_t len, off, n, i;
	unsigned int seed = 7;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(rand_r(&seed) >> 7);
	for (len = 0; len < 70000; len = len < 300 ? len + 1 : len * 3 + 17) {
		dk_hash_init(&fast, DK_HASH_SHA256);
		dk_hash_init(&slow, DK_HASH_SHA256);
		slow.accel = 0;
		for (off = 0; off < len; off += n) {
			n = (size_t)rand_r(&seed) % 200 + 1;
			if (n > len - off)
				n = len - off;
			dk_hash_update(&fast, data, 0);
			dk_hash_update(&fast, data + off, n);
		}
		dk_hash_update(&slow, data, len);
		dk_hash_out(&fast, a);
		dk_hash_out(&slow, b);
		CHECK_MEM("sha-256", b, 32, a, 32);
	}
	return 0;
}

/* A struct copy forks the state; dk_hash_out leaves the context alone. */
static int
test_hash_fork(void)
{
	struct dk_hash h, fork, fresh;
	uint8_t a[DK_DIGEST_MAX], b[DK_DIGEST_MAX];

	dk_hash_init(&h, DK_HASH_SHA256);
	dk_hash_update(&h, "ab", 2);
	fork = h;
	dk_hash_update(&fork, "c", 1);
	if (hash_check(&fork, hash_kats[1].want))
		return 1;
	dk_hash_update(&h, "xyz", 3);
	dk_hash_init(&fresh, DK_HASH_SHA256);
	dk_hash_update(&fresh, "abxyz", 5);
	CHECK(dk_hash_out(&h, a) == 32);
	CHECK(dk_hash_out(&fresh, b) == 32);
	CHECK_MEM("digest after fork", b, 32, a, 32);
	/* the sink is update; a digest midway does not disturb the state */
	dk_hash_init(&h, DK_HASH_SHA1);
	dk_hash_sink(&h, "a", 1);
	CHECK(dk_hash_out(&h, a) == 20);
	dk_hash_sink(&h, "bc", 2);
	return hash_check(&h, hash_kats[4].want);
}

/* ---- base64 ---- */

/* RFC 4648 §10 */
static const char *const b64_kats[][2] = {
	{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
	{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" },
	{ "foobar", "Zm9vYmFy" },
};

static int
test_b64_kat(void)
{
	char enc[16];
	uint8_t dec[16];
	size_t i, len, n;

	for (i = 0; i < NCASES(b64_kats); i++) {
		len = strlen(b64_kats[i][0]);
		dk_b64_encode((const uint8_t *)b64_kats[i][0], len, enc);
		CHECK_STR("encoded", b64_kats[i][1], enc);
		CHECK(strlen(enc) == DK_B64_ENCLEN(len));
		CHECK(dk_b64_decode(enc, strlen(enc), dec, sizeof(dec), &n,
		    0) == 0);
		CHECK_MEM("decoded", b64_kats[i][0], len, dec, n);
		/* exactly enough room is enough */
		CHECK(dk_b64_decode(enc, strlen(enc), dec, len, &n, 0) == 0);
		/* one byte short: too large, not broken */
		if (len > 0)
			CHECK(dk_b64_decode(enc, strlen(enc), dec, len - 1, &n,
			    0) == -2);
	}
	return 0;
}

static int
test_b64_reject(void)
{
	static const char *const bad[] = {
		"Zg=", "Zg", "Z", "Z===", "Zm9v=", "Zg==Zg==", "Zg=a", "Zm9*",
		"Zm9v\n", " Zm9v", "Zm 9v", "====", "=",
		"QR==",		/* Q R: leftover bits 0001, not zero */
		"Zm9=",		/* leftover bits 01 */
		"Zm9vYh==",	/* leftover bits 0001 */
		"Zm9vYmF=",	/* leftover bits 01 */
		"Zm-v", "Zm_v",	/* the URL alphabet is not base64 */
	};
	uint8_t dec[16];
	size_t i, n;

	for (i = 0; i < NCASES(bad); i++)
		if (dk_b64_decode(bad[i], strlen(bad[i]), dec, sizeof(dec), &n,
		    0) != -1)
			return test_fail(__FILE__, __LINE__, "\"%s\" accepted",
			    bad[i]);
	/* a NUL inside the given length is a bad character */
	CHECK(dk_b64_decode("Zm9v\0Zm9v", 9, dec, sizeof(dec), &n, 1) == -1);
	/* FWS is only skipped when asked; other controls never are */
	CHECK(dk_b64_decode("Zm9v\vYmFy", 9, dec, sizeof(dec), &n, 1) == -1);
	return 0;
}

/* RFC 6376 §2.8: FWS anywhere in a base64 value, padding included. */
static int
test_b64_fws(void)
{
	static const char *const ok[] = {
		"Zm9vYmE=", " Zm9vYmE=", "Zm9v\r\n YmE=", "Z m 9 v Y m E =",
		"Zm9vYmE\r\n\t=", "Zm9vYmE= \r\n", "\tZm9v\nYmE=\r",
	};
	uint8_t dec[16];
	size_t i, n;

	for (i = 0; i < NCASES(ok); i++) {
		if (dk_b64_decode(ok[i], strlen(ok[i]), dec, sizeof(dec), &n,
		    1) == -1)
			return test_fail(__FILE__, __LINE__, "case %zu "
			    "refused", i);
		CHECK_MEM("decoded", "fooba", 5, dec, n);
	}
	CHECK(dk_b64_decode(" \r\n ", 4, dec, sizeof(dec), &n, 1) == 0 &&
	    n == 0);
	CHECK(dk_b64_decode("Zm9vYmE= =", 10, dec, sizeof(dec), &n, 1) ==
	    -1);
	return 0;
}

/* ---- private keys from the vectors ---- */

struct vector_key {
	const char		*path;
	const char		*dns_name;	/* publishes its public key */
	enum dk_key_type	 type;
	unsigned int		 bits;
};

static const struct vector_key vector_keys[] = {
	{ "vectors/rfc/rfc6376-appc-private.pem",
	  "brisbane._domainkey.example.org", DK_KEY_RSA, 1024 },
	{ "vectors/rfc/rfc8463-rsa-private.pem",
	  "test._domainkey.football.example.com", DK_KEY_RSA, 1024 },
	{ "vectors/go-msgauth/testPrivateKey.pem",
	  "brisbane._domainkey.example.com", DK_KEY_RSA, 1024 },
	{ "vectors/dkimpy/test.private",
	  "test._domainkey.example.com", DK_KEY_RSA, 1024 },
	{ "vectors/rfc/rfc8463-ed25519-seed.key",
	  "brisbane._domainkey.football.example.com", DK_KEY_ED25519, 256 },
	{ "vectors/dkimpy/ed25519test.key",
	  "ed25519test._domainkey.example.com", DK_KEY_ED25519, 256 },
	{ "vectors/go-msgauth/testEd25519Seed.key",
	  "brisbane._domainkey.football.example.com", DK_KEY_ED25519, 256 },
	{ "vectors/dkimpy/rfc8032_7_1.key",
	  "brisbane._domainkey.football.example.com", DK_KEY_ED25519, 256 },
};

/* Each vector key gives the record its source published for it. */
static int
test_vector_keys(void)
{
	struct dk_key *key;
	char want[REC_MAX], got[REC_MAX];
	size_t i;
	int rc;

	for (i = 0; i < NCASES(vector_keys); i++) {
		if (load_key(vector_keys[i].path, &key) == -1)
			return 1;
		CHECK(dns_p(vector_keys[i].dns_name, want, sizeof(want)) == 0);
		rc = record_p(key, got, sizeof(got));
		if (rc == 0 && strcmp(want, got) != 0)
			printf("  %s\n", vector_keys[i].path);
		if (rc == 0)
			rc = test_memeq(__FILE__, __LINE__, "p=", want,
			    strlen(want), got, strlen(got));
		if (rc == 0 && (dk_key_type(key) != vector_keys[i].type ||
		    dk_key_bits(key) != vector_keys[i].bits))
			rc = test_fail(__FILE__, __LINE__, "%s: type or bits",
			    vector_keys[i].path);
		if (rc == 0)
			rc = sign_verify(key);
		if (rc == 0)
			rc = pem_roundtrip(key);
		dk_key_free(key);
		if (rc != 0)
			return 1;
	}
	return 0;
}

/* RFC 8463 App. A.2: the published Ed25519 public key of the seed. */
static int
test_rfc8463_ed25519(void)
{
	struct dk_key *key;
	char got[REC_MAX];

	if (load_key("vectors/rfc/rfc8463-ed25519-seed.key", &key) == -1)
		return 1;
	if (record_p(key, got, sizeof(got)) == -1) {
		dk_key_free(key);
		return 1;
	}
	dk_key_free(key);
	CHECK_STR("RFC 8463 public key",
	    "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", got);
	return 0;
}

/*
 * Signatures made by OpenSSL over SHA-256(TEST_MSG): RSA PKCS#1 v1.5 is
 * deterministic, and so is Ed25519; the Ed25519 one signs the 32-byte
 * digest as the message (PureEdDSA), which RFC 8463 §3 requires.
 */
static int
test_openssl_signatures(void)
{
	static const struct {
		const char	*key;
		const char	*sig;
	} kats[] = {
		{ "vectors/rfc/rfc8463-rsa-private.pem",
		  DATA "rfc8463-rsa.sig.b64" },
		{ "vectors/rfc/rfc8463-ed25519-seed.key",
		  DATA "rfc8463-ed25519.sig.b64" },
	};
	struct dk_key *key;
	struct dk_pubkey pk;
	char b64[REC_MAX], got[REC_MAX];
	uint8_t digest[32], sig[DK_SIG_MAX], want[DK_SIG_MAX];
	size_t i, siglen, wantlen;

	sha256(TEST_MSG, strlen(TEST_MSG), digest);
	for (i = 0; i < NCASES(kats); i++) {
		CHECK(read_b64_file(kats[i].sig, b64, sizeof(b64)) == 0);
		CHECK(dk_b64_decode(b64, strlen(b64), want, sizeof(want),
		    &wantlen, 0) == 0);
		if (load_key(kats[i].key, &key) == -1)
			return 1;
		CHECK(dk_key_sign(key, digest, sig, &siglen) == 0);
		CHECK(pubkey_of(key, &pk) == 0);
		dk_key_free(key);
		dk_b64_encode(sig, siglen, got);
		CHECK_STR("signature", b64, got);
		CHECK(dk_pubkey_verify(&pk, DK_HASH_SHA256, digest, 32, want,
		    wantlen));
	}
	return 0;
}

/* PKCS#8 keys made by OpenSSL: same public key, and the same PEM out. */
static int
test_openssl_pkcs8(void)
{
	static const char *const stems[] = {
		"rsa2048-pkcs8", "rsa4096-pkcs8", "ed25519-pkcs8",
	};
	struct dk_key *key;
	char path[128], want[REC_MAX], got[REC_MAX], *file, *pem;
	size_t i, len;
	int rc;

	for (i = 0; i < NCASES(stems); i++) {
		snprintf(path, sizeof(path), DATA "%s.pem", stems[i]);
		if (load_key(path, &key) == -1)
			return 1;
		snprintf(path, sizeof(path), DATA "%s.%s", stems[i],
		    dk_key_type(key) == DK_KEY_RSA ? "spki" : "raw");
		rc = read_b64_file(path, want, sizeof(want)) == -1 ||
		    record_p(key, got, sizeof(got)) == -1;
		if (rc == 0)
			rc = test_memeq(__FILE__, __LINE__, path, want,
			    strlen(want), got, strlen(got));
		snprintf(path, sizeof(path), DATA "%s.pem", stems[i]);
		file = pem = NULL;
		if (rc == 0 && ((file = test_readfile(path, &len)) == NULL ||
		    (pem = dk_key_pem(key)) == NULL))
			rc = 1;
		if (rc == 0)
			rc = test_memeq(__FILE__, __LINE__, "PEM", file, len,
			    pem, strlen(pem));
		free(file);
		dk_free_string(pem);
		if (rc == 0)
			rc = sign_verify(key);
		dk_key_free(key);
		if (rc != 0)
			return 1;
	}
	return 0;
}

/* ---- public keys from key records ---- */

/* p= values from vectors/dns.txt and what decoding them must give. */
static int
test_pubkey_decode(void)
{
	static const struct {
		const char		*name;
		enum dk_key_type	 type;
		int			 ok;
		unsigned int		 bits;	/* or the reason */
	} cases[] = {
		/* SubjectPublicKeyInfo */
		{ "test._domainkey.football.example.com", DK_KEY_RSA, 1, 1024 },
		/* bare PKCS#1 RSAPublicKey */
		{ "newengland._domainkey.example.com", DK_KEY_RSA, 1, 1024 },
		{ "20120113._domainkey.gmail.com", DK_KEY_RSA, 1, 2048 },
		/* under RFC 8301's minimum, but it decodes */
		{ "example._domainkey.canonical.com", DK_KEY_RSA, 1, 512 },
		{ "shan._domainkey.vmt2.cis.att.net", DK_KEY_RSA, 1, 768 },
		{ "brisbane._domainkey.football.example.com", DK_KEY_ED25519, 1,
		  256 },
		/* the last DER byte is cut off */
		{ "test-badkey._domainkey.example.com", DK_KEY_RSA, 0,
		  DK_R_KEY_SYNTAX },
		/* Ed25519 wants the raw 32 bytes, not an SPKI */
		{ "invalid._domainkey.wander.science", DK_KEY_ED25519, 0,
		  DK_R_KEY_SYNTAX },
		/* an RSA key named ed25519 */
		{ "test-badk._domainkey.example.com", DK_KEY_ED25519, 0,
		  DK_R_KEY_SYNTAX },
		/* an Ed25519 key named rsa */
		{ "ed25519test._domainkey.example.com", DK_KEY_RSA, 0,
		  DK_R_KEY_SYNTAX },
	};
	struct dk_pubkey pk;
	enum dk_reason reason;
	char p[REC_MAX];
	size_t i;
	int rc;

	for (i = 0; i < NCASES(cases); i++) {
		CHECK(dns_p(cases[i].name, p, sizeof(p)) == 0);
		rc = decode_p(p, cases[i].type, &pk, &reason);
		if (cases[i].ok && (rc != 0 || pk.bits != cases[i].bits ||
		    pk.type != cases[i].type))
			return test_fail(__FILE__, __LINE__, "%s: rc %d bits "
			    "%u", cases[i].name, rc, pk.bits);
		if (!cases[i].ok && (rc != -1 || reason != cases[i].bits))
			return test_fail(__FILE__, __LINE__, "%s: rc %d reason "
			    "%d", cases[i].name, rc, (int)reason);
	}
	/* a 4160-bit key is too large, not a syntax error */
	CHECK(read_b64_file(DATA "rsa4160.spki", p, sizeof(p)) == 0);
	CHECK(decode_p(p, DK_KEY_RSA, &pk, &reason) == -1);
	CHECK(reason == DK_R_KEY_TOO_LARGE);
	/* 4096 bits is the largest that decodes */
	CHECK(read_b64_file(DATA "rsa4096-pkcs8.spki", p, sizeof(p)) == 0);
	CHECK(decode_p(p, DK_KEY_RSA, &pk, &reason) == 0 && pk.bits == 4096);
	return 0;
}

/* Every prefix and every one-byte change of a key record decodes safely. */
static int
test_pubkey_hostile(void)
{
	struct dk_pubkey pk;
	enum dk_reason reason;
	char p[REC_MAX];
	uint8_t der[REC_MAX], digest[32], sig[DK_SIG_MAX];
	size_t len, i;
	int bit;

	memset(digest, 0x5a, sizeof(digest));
	memset(sig, 0xa5, sizeof(sig));
	CHECK(dns_p("test._domainkey.football.example.com", p, sizeof(p)) ==
	    0);
	CHECK(dk_b64_decode(p, strlen(p), der, sizeof(der), &len, 0) == 0);
	for (i = 0; i < len; i++)
		CHECK(dk_pubkey_decode(&pk, DK_KEY_RSA, der, i, &reason) == -1 &&
		    reason == DK_R_KEY_SYNTAX);
	for (i = 0; i < len; i++) {
		for (bit = 0; bit < 8; bit++) {
			der[i] ^= (uint8_t)(1 << bit);
			if (dk_pubkey_decode(&pk, DK_KEY_RSA, der, len,
			    &reason) == 0) {
				CHECK(pk.nlen <= sizeof(pk.n) &&
				    pk.elen <= sizeof(pk.e));
				/* odd keys go to BearSSL safely, and fail */
				CHECK(!dk_pubkey_verify(&pk, DK_HASH_SHA256,
				    digest, 32, sig, (pk.bits + 7) / 8));
			}
			der[i] ^= (uint8_t)(1 << bit);
		}
	}
	/* the reason pointer may be NULL */
	CHECK(dk_pubkey_decode(&pk, DK_KEY_RSA, der, 3, NULL) == -1);
	return 0;
}

/* Verify a known signature with SHA-1 (rsa-sha1, non-strict mode). */
static int
test_verify_sha1(void)
{
	struct dk_key *key;
	struct dk_pubkey pk;
	char b64[REC_MAX];
	uint8_t d1[DK_DIGEST_MAX], d256[32], sig[DK_SIG_MAX];
	size_t siglen;
	struct dk_hash h;

	CHECK(read_b64_file(DATA "rfc8463-rsa-sha1.sig.b64", b64,
	    sizeof(b64)) == 0);
	CHECK(dk_b64_decode(b64, strlen(b64), sig, sizeof(sig), &siglen, 0) ==
	    0);
	if (load_key("vectors/rfc/rfc8463-rsa-private.pem", &key) == -1)
		return 1;
	CHECK(pubkey_of(key, &pk) == 0);
	dk_key_free(key);
	dk_hash_init(&h, DK_HASH_SHA1);
	dk_hash_update(&h, TEST_MSG, strlen(TEST_MSG));
	CHECK(dk_hash_out(&h, d1) == 20);
	sha256(TEST_MSG, strlen(TEST_MSG), d256);
	CHECK(dk_pubkey_verify(&pk, DK_HASH_SHA1, d1, 20, sig, siglen));
	/* the DigestInfo names SHA-1: it is no SHA-256 signature */
	CHECK(!dk_pubkey_verify(&pk, DK_HASH_SHA256, d256, 32, sig, siglen));
	d1[19] ^= 1;
	CHECK(!dk_pubkey_verify(&pk, DK_HASH_SHA1, d1, 20, sig, siglen));
	return 0;
}

/* ---- key generation ---- */

static int
keygen_check(enum dk_key_type type, unsigned int bits, unsigned int want)
{
	struct dk_key *key;
	int rc;

	CHECK(dk_key_generate(&key, type, bits) == DK_OK && key != NULL);
	rc = dk_key_type(key) != type || dk_key_bits(key) != want;
	if (rc)
		test_fail(__FILE__, __LINE__, "type %d bits %u", dk_key_type(key),
		    dk_key_bits(key));
	if (rc == 0)
		rc = sign_verify(key);
	if (rc == 0)
		rc = pem_roundtrip(key);
	dk_key_free(key);
	return rc;
}

static int
test_keygen(void)
{
	struct dk_key *key = (struct dk_key *)1, *other;
	char a[REC_MAX], b[REC_MAX];

	if (keygen_check(DK_KEY_RSA, 1024, 1024) ||
	    keygen_check(DK_KEY_RSA, 0, 2048) ||
	    keygen_check(DK_KEY_ED25519, 0, 256))
		return 1;
	CHECK(dk_key_generate(&key, DK_KEY_RSA, 512) == DK_EINVAL);
	CHECK(key == NULL);
	CHECK(dk_key_generate(&key, DK_KEY_RSA, 8192) == DK_EINVAL);
	CHECK(dk_key_generate(&key, DK_KEY_ED25519, 256) == DK_EINVAL);
	CHECK(dk_key_generate(&key, (enum dk_key_type)99, 0) == DK_EINVAL);
	CHECK(dk_key_generate(NULL, DK_KEY_ED25519, 0) == DK_EINVAL);
	/* two keys are not the same key */
	CHECK(dk_key_generate(&key, DK_KEY_ED25519, 0) == DK_OK);
	CHECK(dk_key_generate(&other, DK_KEY_ED25519, 0) == DK_OK);
	CHECK(record_p(key, a, sizeof(a)) == 0 &&
	    record_p(other, b, sizeof(b)) == 0);
	dk_key_free(key);
	dk_key_free(other);
	CHECK(strcmp(a, b) != 0);
	return 0;
}

/* ---- bad key files ---- */

static int
test_bad_files(void)
{
	static const struct {
		const char	*path;
		const char	*want;
	} cases[] = {
		{ DATA "ec-p256.pem",
		  "PEM type \"EC PRIVATE KEY\" is not supported" },
		{ "vectors/dkimpy/canonical.com-512.pem",
		  "RSA key has 512 bits; RFC 8301 needs at least 1024" },
		{ DATA "rsa4160-pkcs8.pem",
		  "RSA key has 4160 bits; at most 4096 are supported" },
		{ DATA "rsa1024-encrypted.pem",
		  "encrypted PEM keys are not supported" },
		{ DATA "rsa2048-encrypted-pkcs8.pem",
		  "encrypted PEM keys are not supported" },
		{ DATA "rsa2048-3prime.pem", "only two-prime keys" },
		{ DATA "rsa1024-inconsistent.pem", "RSA key is inconsistent" },
		{ "vectors/dns.txt", "not a PEM key or a base64 Ed25519 seed" },
		{ DATA "rsa2048-pkcs8.spki",
		  "not a PEM key or a base64 Ed25519 seed" },
	};
	size_t i;

	for (i = 0; i < NCASES(cases); i++)
		if (expect_bad_file(cases[i].path, cases[i].want))
			return 1;
	return 0;
}

static int
test_bad_text(void)
{
	static const struct {
		const char	*text;
		const char	*want;
	} cases[] = {
		{ "", "key file is empty" },
		{ "\n", "not a PEM key or a base64 Ed25519 seed" },
		{ "garbage\n", "not a PEM key or a base64 Ed25519 seed" },
		/* 43 characters, 45, and a seed with a bad character */
		{ "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\n",
		  "not a PEM key" },
		{ "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A==\n",
		  "not a PEM key" },
		{ "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2*=\n",
		  "not a PEM key" },
		/* blanks around a seed are not part of the format */
		{ " nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=\n",
		  "not a PEM key" },
		{ "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n",
		  "no \"-----END PRIVATE KEY-----\" line" },
		{ "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n"
		  "-----END RSA PRIVATE KEY-----\n",
		  "PEM END line at line 3 does not match BEGIN" },
		{ "-----BEGIN PRIVATE KEY\nAAAA\n-----END PRIVATE KEY-----\n",
		  "malformed PEM BEGIN line at line 1" },
		{ "-----BEGIN -----\n-----END -----\n",
		  "malformed PEM BEGIN line" },
		{ "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
		  "malformed or truncated PKCS#8 DER" },
		{ "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n"
		  "-----END PRIVATE KEY-----\n",
		  "malformed or truncated PKCS#8 DER" },
		{ "-----BEGIN PRIVATE KEY-----\nMAA=\n"
		  "-----END PRIVATE KEY-----\n",
		  "malformed or truncated PKCS#8 DER" },
		{ "-----BEGIN RSA PRIVATE KEY-----\nMAA=\n"
		  "-----END RSA PRIVATE KEY-----\n",
		  "malformed or truncated PKCS#1 DER" },
		{ "-----BEGIN PRIVATE KEY-----\nMAA\n"
		  "-----END PRIVATE KEY-----\n",
		  "bad base64 at the end of the PEM body (line 2)" },
		{ "-----BEGIN PRIVATE KEY-----\nMA=A\n"
		  "-----END PRIVATE KEY-----\n",
		  "bad base64 in PEM body at line 2" },
		{ "-----BEGIN PRIVATE KEY-----\nX-Header: 1\n\nMAA=\n"
		  "-----END PRIVATE KEY-----\n",
		  "PEM header at line 2 is not supported" },
		{ "-----BEGIN CERTIFICATE-----\nMAA=\n"
		  "-----END CERTIFICATE-----\n",
		  "PEM type \"CERTIFICATE\" is not supported" },
	};
	size_t i;

	for (i = 0; i < NCASES(cases); i++)
		if (expect_bad(cases[i].text, cases[i].text,
		    strlen(cases[i].text), cases[i].want))
			return 1;
	return 0;
}

/* Replace the first occurrence of from in a copy of file by to. */
static char *
edited(const char *path, const char *from, const char *to, size_t *lenp)
{
	char *buf, *at, *out;
	size_t len, flen = strlen(from), tlen = strlen(to);

	if ((buf = test_readfile(path, &len)) == NULL)
		return NULL;
	if ((at = strstr(buf, from)) == NULL ||
	    (out = malloc(len - flen + tlen + 1)) == NULL) {
		free(buf);
		return NULL;
	}
	memcpy(out, buf, (size_t)(at - buf));
	memcpy(out + (at - buf), to, tlen);
	memcpy(out + (at - buf) + tlen, at + flen,
	    len - (size_t)(at - buf) - flen + 1);
	*lenp = len - flen + tlen;
	free(buf);
	return out;
}

static int
expect_bad_edit(const char *path, const char *from, const char *to,
    const char *want)
{
	char *buf;
	size_t len;
	int rc;

	if ((buf = edited(path, from, to, &len)) == NULL)
		return test_fail(__FILE__, __LINE__, "cannot edit %s", path);
	rc = expect_bad(path, buf, len, want);
	free(buf);
	return rc;
}

/* Damage to real key files, with the message each must give. */
static int
test_bad_edits(void)
{
	const char *rsa = "vectors/rfc/rfc8463-rsa-private.pem";

	/* line 7 of the file starts "zHor"; a '*' there is not base64 */
	if (expect_bad_edit(rsa, "\nzHor", "\nzH*r",
	    "bad base64 in PEM body at line 7"))
		return 1;
	if (expect_bad_edit(rsa, "zYcL\n", "zYc\n",
	    "bad base64 at the end of the PEM body (line 14)"))
		return 1;
	/* a whole line gone: base64 is still fine, the DER is not */
	if (expect_bad_edit(rsa,
	    "zHorimOaChRL2it47iuWxzxSiRMv4c+j70GiWdxXnxe4UoECQQDzJB/0U58W7RZy\n",
	    "", "malformed or truncated PKCS#1 DER"))
		return 1;
	if (expect_bad_edit(rsa, "-----\nMIIC", "-----\nProc-Type: 4,ENCRYPTED"
	    "\nDEK-Info: DES-EDE3-CBC,0011223344556677\n\nMIIC",
	    "encrypted PEM keys are not supported (line 2)"))
		return 1;
	return expect_bad_edit(rsa, "-----END RSA", "-----END EC",
	    "does not match BEGIN");
}

/* Every LF of buf[0..len) as CRLF, in a new buffer. */
static char *
to_crlf(const char *buf, size_t len, size_t *outlen)
{
	char *out;
	size_t i, o = 0;

	if ((out = malloc(2 * len + 1)) == NULL)
		return NULL;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			out[o++] = '\r';
		out[o++] = buf[i];
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

static int
expect_good(const char *what, const char *buf, size_t len)
{
	struct dk_key *key;
	char err[256];

	if (dk_key_parse(&key, buf, len, err, sizeof(err)) != DK_OK)
		return test_fail(__FILE__, __LINE__, "%s: %s", what, err);
	dk_key_free(key);
	return 0;
}

/* Layouts that must load: CRLF, text before BEGIN, line ends after seed. */
static int
test_good_layouts(void)
{
	static const struct {
		const char	*path, *from, *to;
	} cases[] = {
		{ "vectors/rfc/rfc8463-rsa-private.pem", "-----BEGIN",
		  "Bag Attributes\n    localKeyID: 01\n-----BEGIN" },
		{ "vectors/rfc/rfc8463-rsa-private.pem",
		  "-----END RSA PRIVATE KEY-----\n",
		  "-----END RSA PRIVATE KEY-----" },
		{ "vectors/rfc/rfc8463-ed25519-seed.key", "\n", "" },
		{ "vectors/rfc/rfc8463-ed25519-seed.key", "\n", "\r\n\r\n" },
		{ DATA "ed25519-pkcs8.pem", "\n", " \t\n" },
	};
	static const char *const crlf[] = {
		"vectors/rfc/rfc8463-rsa-private.pem", DATA "ed25519-pkcs8.pem",
		"vectors/rfc/rfc8463-ed25519-seed.key",
	};
	char *buf, *conv;
	size_t i, len, clen;
	int rc;

	for (i = 0; i < NCASES(cases); i++) {
		if ((buf = edited(cases[i].path, cases[i].from, cases[i].to,
		    &len)) == NULL)
			return test_fail(__FILE__, __LINE__, "cannot edit");
		rc = expect_good(cases[i].to, buf, len);
		free(buf);
		if (rc)
			return 1;
	}
	for (i = 0; i < NCASES(crlf); i++) {
		CHECK((buf = test_readfile(crlf[i], &len)) != NULL);
		conv = to_crlf(buf, len, &clen);
		free(buf);
		CHECK(conv != NULL);
		rc = expect_good(crlf[i], conv, clen);
		free(conv);
		if (rc)
			return 1;
	}
	return 0;
}

/* The DER inside a PEM file. */
static int
pem_der(const char *path, uint8_t *der, size_t cap, size_t *len)
{
	char *buf, *body, *end;
	size_t n;
	int rc;

	if ((buf = test_readfile(path, &n)) == NULL)
		return -1;
	rc = -1;
	if ((body = strstr(buf, "-----\n")) != NULL &&
	    (end = strstr(body + 6, "-----END")) != NULL)
		rc = dk_b64_decode(body + 6, (size_t)(end - body - 6), der, cap,
		    len, 1);
	free(buf);
	return rc;
}

/* Parse type's PEM of der[0..len): must load or fail with a message. */
static int
parse_mutant(const char *type, const uint8_t *der, size_t len)
{
	struct dk_key *key;
	char pem[4 * DK_SIG_MAX * 4], err[256];
	enum dk_status st;
	int n;

	n = snprintf(pem, sizeof(pem), "-----BEGIN %s-----\n", type);
	dk_b64_encode(der, len, pem + n);
	n += (int)DK_B64_ENCLEN(len);
	n += snprintf(pem + n, sizeof(pem) - (size_t)n,
	    "\n-----END %s-----\n", type);
	err[0] = '\0';
	st = dk_key_parse(&key, pem, (size_t)n, err, sizeof(err));
	if (st == DK_OK) {
		dk_key_free(key);
		return 0;
	}
	CHECK(st == DK_ESYNTAX && key == NULL && err[0] != '\0');
	return 0;
}

/* Every prefix and every one-bit change of real keys' DER parses safely. */
static int
test_der_hostile(void)
{
	static const struct {
		const char	*path, *type;
	} keys[] = {
		{ "vectors/rfc/rfc8463-rsa-private.pem", "RSA PRIVATE KEY" },
		{ DATA "ed25519-pkcs8.pem", "PRIVATE KEY" },
	};
	uint8_t der[4 * DK_SIG_MAX];
	size_t k, i, len;
	int bit;

	for (k = 0; k < NCASES(keys); k++) {
		CHECK(pem_der(keys[k].path, der, sizeof(der), &len) == 0);
		for (i = 0; i < len; i++)
			if (parse_mutant(keys[k].type, der, i))
				return 1;
		for (i = 0; i < len; i++) {
			for (bit = 0; bit < 8; bit++) {
				der[i] ^= (uint8_t)(1 << bit);
				if (parse_mutant(keys[k].type, der, len))
					return 1;
				der[i] ^= (uint8_t)(1 << bit);
			}
		}
	}
	return 0;
}

/* Every prefix of a PEM file fails, without reading past its end. */
static int
test_pem_truncated(void)
{
	static const char *const paths[] = {
		"vectors/rfc/rfc8463-rsa-private.pem", DATA "ed25519-pkcs8.pem",
		"vectors/rfc/rfc8463-ed25519-seed.key",
	};
	struct dk_key *key;
	char *buf, *copy, err[256];
	size_t p, i, len, full;

	for (p = 0; p < NCASES(paths); p++) {
		CHECK((buf = test_readfile(paths[p], &len)) != NULL);
		/* the final line end is optional */
		full = len - 1;
		for (i = 0; i < full; i++) {
			/* an exact-size copy, so ASan sees any overread */
			if ((copy = malloc(i + 1)) == NULL)
				break;
			memcpy(copy, buf, i);
			if (dk_key_parse(&key, i ? copy : NULL, i, err,
			    sizeof(err)) != DK_ESYNTAX || key != NULL) {
				free(copy);
				free(buf);
				return test_fail(__FILE__, __LINE__, "%s: prefix "
				    "%zu accepted", paths[p], i);
			}
			free(copy);
		}
		free(buf);
	}
	return 0;
}

/* err may be NULL or short; NULL handles free quietly. */
static int
test_api_edges(void)
{
	struct dk_key *key;
	char err[12];

	CHECK(dk_key_parse(&key, "garbage", 7, NULL, 0) == DK_ESYNTAX);
	CHECK(dk_key_parse(&key, "garbage", 7, err, sizeof(err)) ==
	    DK_ESYNTAX);
	CHECK(strlen(err) == sizeof(err) - 1);
	CHECK(dk_key_parse(&key, "garbage", 7, err, 0) == DK_ESYNTAX);
	CHECK(dk_key_parse(NULL, "garbage", 7, err, sizeof(err)) ==
	    DK_EINVAL);
	CHECK(dk_key_parse(&key, NULL, 7, err, sizeof(err)) == DK_EINVAL);
	dk_key_free(NULL);
	dk_free_string(NULL);
	return 0;
}

static const struct test_case cases[] = {
	{ "hash_kat", test_hash_kat },
	{ "hash_million", test_hash_million },
	{ "hash_fork", test_hash_fork },
	{ "hash_accel", test_hash_accel },
	{ "b64_kat", test_b64_kat },
	{ "b64_reject", test_b64_reject },
	{ "b64_fws", test_b64_fws },
	{ "vector_keys", test_vector_keys },
	{ "rfc8463_ed25519", test_rfc8463_ed25519 },
	{ "openssl_signatures", test_openssl_signatures },
	{ "openssl_pkcs8", test_openssl_pkcs8 },
	{ "pubkey_decode", test_pubkey_decode },
	{ "pubkey_hostile", test_pubkey_hostile },
	{ "verify_sha1", test_verify_sha1 },
	{ "keygen", test_keygen },
	{ "bad_files", test_bad_files },
	{ "bad_text", test_bad_text },
	{ "bad_edits", test_bad_edits },
	{ "good_layouts", test_good_layouts },
	{ "der_hostile", test_der_hostile },
	{ "pem_truncated", test_pem_truncated },
	{ "api_edges", test_api_edges },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
