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
 * Tests for src/dns: key records (RFC 6376 §3.6.1) and the zone file.
 * Records come from vectors/dns.txt and vectors/dkimpy, and by hand.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/dkim/tags.h"
#include "../src/dns/dns.h"
#include "../src/dns/keycheck.h"
#include "testlib.h"

#define DNS_TXT	"vectors/dns.txt"

/* RFC 8463 §A.2 Ed25519 public key, raw. */
#define ED_P	"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
/* RFC 6376 App. C public key (SubjectPublicKeyInfo, 1024 bits). */
#define RSA_P							\
	"MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkM"	\
	"oGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/R"	\
	"tdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToI"	\
	"MmPSPDdQPNUYckcQ2QIDAQAB"
#define ED_REC	"k=ed25519; p=" ED_P

static const char *reason_names[] = {
	"ok", "body-hash-mismatch", "signature-mismatch", "sig-missing-tag",
	"sig-version", "sig-syntax", "canon-unsupported", "query-unsupported",
	"algorithm-unsupported", "expired", "identity-mismatch",
	"from-not-signed", "no-key", "revoked-key", "key-syntax",
	"key-version", "key-type-unsupported", "key-hash-mismatch",
	"key-flag-s", "key-service", "rsa-sha1-rfc8301",
	"key-too-small-rfc8301", "key-too-large",
};

static const char *
rname(enum dk_reason r)
{
	if ((size_t)r < NCASES(reason_names))
		return reason_names[r];
	return "?";
}

/* Parse txt and compare the reason; 0 when it is as expected. */
static int
want_reason(const char *file, int line, const char *txt, size_t len,
    enum dk_reason want, struct dk_keyrec *rec)
{
	enum dk_reason got = DK_R_OK;
	int rc;

	rc = dk_keyrec_parse(txt, len, rec, &got);
	if ((rc == 0) != (want == DK_R_OK) || got != want)
		return test_fail(file, line, "\"%.60s\": want %s, got %s (%d)",
		    txt, rname(want), rname(got), rc);
	return 0;
}

#define CHECK_KEY(txt, want) do {					\
	struct dk_keyrec rec_;						\
	if (want_reason(__FILE__, __LINE__, (txt), strlen(txt), (want),	\
	    &rec_))							\
		return 1;						\
} while (0)

static struct dk_zone *
load_vectors(void)
{
	struct dk_zone *z = NULL;
	char err[128], *buf;
	size_t len;

	if ((buf = test_readfile(DNS_TXT, &len)) == NULL) {
		test_fail(__FILE__, __LINE__, "cannot read " DNS_TXT);
		return NULL;
	}
	if (dk_zone_parse(&z, buf, len, err, sizeof(err)) != DK_OK)
		test_fail(__FILE__, __LINE__, DNS_TXT ": %s", err);
	free(buf);
	return z;
}

/* The one record at name in vectors/dns.txt, parsed. */
static int
vector_key(const struct dk_zone *z, const char *name, enum dk_reason want,
    struct dk_keyrec *rec)
{
	const char *const *txt;
	size_t ntxt;

	if (dk_zone_lookup(z, name, &txt, &ntxt) != DK_DNS_OK || ntxt != 1)
		return test_fail(__FILE__, __LINE__, "%s: no record", name);
	if (want_reason(__FILE__, __LINE__, txt[0], strlen(txt[0]), want, rec))
		return test_fail(__FILE__, __LINE__, "at %s", name);
	return 0;
}

static const struct {
	const char	*name;
	enum dk_reason	 reason;
} vector_keys[] = {
	{ "brisbane._domainkey.example.com", DK_R_OK },
	{ "brisbane._domainkey.football.example.com", DK_R_OK },
	{ "newengland._domainkey.example.com", DK_R_OK },	/* PKCS#1 */
	{ "ietf1._domainkey.ietf.org", DK_R_OK },
	{ "20120113._domainkey.gmail.com", DK_R_OK },
	{ "test-implicitk._domainkey.example.com", DK_R_OK },
	{ "test-badversion._domainkey.example.com", DK_R_KEY_VERSION },
	{ "test-badk._domainkey.example.com", DK_R_KEY_TYPE_UNSUPPORTED },
	{ "test-badkey._domainkey.example.com", DK_R_KEY_SYNTAX },
	{ "example._domainkey.canonical.com", DK_R_OK },
	{ "test3._domainkey.messiah.edu", DK_R_OK },	/* g= ignored */
	{ "test4._domainkey.messiah.edu", DK_R_OK },
	{ "testbad8._domainkey.messiah.edu", DK_R_OK },
	{ "testbad1._domainkey.messiah.edu", DK_R_KEY_VERSION },
	{ "testrevoked._domainkey.messiah.edu", DK_R_REVOKED_KEY },
	{ "shan._domainkey.vmt2.cis.att.net", DK_R_OK },
	{ "invalid._domainkey.wander.science", DK_R_KEY_SYNTAX },
	{ "2023-05-ed25519._domainkey.wander.science", DK_R_OK },
};

static int
t_keyrec_vectors(void)
{
	struct dk_zone *z;
	struct dk_keyrec rec;
	size_t i;
	int fail = 0;

	if ((z = load_vectors()) == NULL)
		return 1;
	for (i = 0; i < NCASES(vector_keys) && !fail; i++)
		fail = vector_key(z, vector_keys[i].name, vector_keys[i].reason,
		    &rec);
	dk_zone_free(z);
	return fail;
}

/* The key records and flags that goodkey_*, badkey_* rely on. */
static int
t_keyrec_flags(void)
{
	static const struct {
		const char	*name;
		unsigned int	 hashes;
		int		 testing, strict;
		enum dk_key_type type;
		unsigned int	 bits;
	} want[] = {
		{ "brisbane._domainkey.example.com", 3, 0, 0, DK_KEY_RSA, 1024 },
		{ "brisbane._domainkey.football.example.com", 3, 0, 0,
		    DK_KEY_ED25519, 0 },
		{ "newengland._domainkey.example.com", 3, 0, 0, DK_KEY_RSA,
		    1024 },
		{ "20120113._domainkey.gmail.com", 3, 0, 0, DK_KEY_RSA, 2048 },
		{ "s1024-2013-q3._domainkey.facebookmail.com",
		    DK_KEYREC_H_SHA256, 0, 1, DK_KEY_RSA, 1024 },
		{ "test1._domainkey.messiah.edu", 3, 1, 0, DK_KEY_RSA, 512 },
		/* goodkey_2, badkey_11: s=email:web:fine; t=y:n:extra;
		 * h=md5:sha1 */
		{ "test2._domainkey.messiah.edu", DK_KEYREC_H_SHA1, 1, 0,
		    DK_KEY_RSA, 512 },
		{ "test5._domainkey.messiah.edu", 3, 0, 1, DK_KEY_RSA, 512 },
		{ "testbad7._domainkey.messiah.edu", 0, 0, 0, DK_KEY_RSA, 512 },
		{ "shan._domainkey.vmt2.cis.att.net", 3, 0, 0, DK_KEY_RSA, 768 },
	};
	struct dk_zone *z;
	struct dk_keyrec rec;
	size_t i;
	int fail = 0;

	if ((z = load_vectors()) == NULL)
		return 1;
	for (i = 0; i < NCASES(want) && !fail; i++) {
		if ((fail = vector_key(z, want[i].name, DK_R_OK, &rec)) != 0)
			break;
		if (rec.hashes != want[i].hashes ||
		    rec.testing != want[i].testing ||
		    rec.strict_auid != want[i].strict ||
		    rec.key.type != want[i].type ||
		    (want[i].bits && rec.key.bits != want[i].bits))
			fail = test_fail(__FILE__, __LINE__, "%s: h=%u t=y %d "
			    "t=s %d type %d bits %u", want[i].name, rec.hashes,
			    rec.testing, rec.strict_auid, (int)rec.key.type,
			    rec.key.bits);
	}
	dk_zone_free(z);
	return fail;
}

/* dkimpy's record files, as the record text (without the final LF). */
static int
t_keyrec_dkimpy_files(void)
{
	static const struct {
		const char	*path;
		enum dk_reason	 reason;
	} files[] = {
		{ "vectors/dkimpy/test.txt", DK_R_OK },
		{ "vectors/dkimpy/test2.txt", DK_R_OK },
		{ "vectors/dkimpy/badversion.txt", DK_R_KEY_VERSION },
		{ "vectors/dkimpy/badk.txt", DK_R_KEY_TYPE_UNSUPPORTED },
		{ "vectors/dkimpy/test_bad.txt", DK_R_KEY_SYNTAX },
	};
	struct dk_keyrec rec;
	size_t i, len;
	char *buf;
	int fail;

	for (i = 0; i < NCASES(files); i++) {
		if ((buf = test_readfile(files[i].path, &len)) == NULL)
			return test_fail(__FILE__, __LINE__, "cannot read %s",
			    files[i].path);
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			len--;
		fail = want_reason(__FILE__, __LINE__, buf, len,
		    files[i].reason, &rec);
		free(buf);
		if (fail)
			return test_fail(__FILE__, __LINE__, "in %s",
			    files[i].path);
	}
	return 0;
}

static int
t_keyrec_version(void)
{
	CHECK_KEY("v=DKIM1; p=" ED_P "; k=ed25519", DK_R_OK);
	CHECK_KEY("v=DKIM1 ; " ED_REC, DK_R_OK);
	CHECK_KEY("\r\n v = DKIM1 ; " ED_REC, DK_R_OK);
	CHECK_KEY(ED_REC, DK_R_OK);
	/* RFC 6376 §3.6.1: v= MUST be first, and exactly "DKIM1" */
	CHECK_KEY("k=ed25519; v=DKIM1; p=" ED_P, DK_R_KEY_VERSION);
	CHECK_KEY("v=DKIM2; " ED_REC, DK_R_KEY_VERSION);
	CHECK_KEY("v=dkim1; " ED_REC, DK_R_KEY_VERSION);
	CHECK_KEY("v=DKIM1x; " ED_REC, DK_R_KEY_VERSION);
	CHECK_KEY("v=; " ED_REC, DK_R_KEY_VERSION);
	CHECK_KEY("v=DKIM1: " ED_REC, DK_R_KEY_VERSION);
	/* the version is checked before the key: a bad v= wins */
	CHECK_KEY("v=DKIM3; p=", DK_R_KEY_VERSION);
	return 0;
}

static int
t_keyrec_type(void)
{
	CHECK_KEY("k=rsa; p=" RSA_P, DK_R_OK);
	CHECK_KEY("p=" RSA_P, DK_R_OK);
	CHECK_KEY(ED_REC, DK_R_OK);
	CHECK_KEY("k=dsa; p=" RSA_P, DK_R_KEY_TYPE_UNSUPPORTED);
	CHECK_KEY("k=RSA; p=" RSA_P, DK_R_KEY_TYPE_UNSUPPORTED);
	CHECK_KEY("k=ed25519-sha256; p=" ED_P, DK_R_KEY_TYPE_UNSUPPORTED);
	CHECK_KEY("k=; p=" RSA_P, DK_R_KEY_TYPE_UNSUPPORTED);
	CHECK_KEY("k=foo; p=", DK_R_KEY_TYPE_UNSUPPORTED);
	/* a key of the other type does not decode */
	CHECK_KEY("k=ed25519; p=" RSA_P, DK_R_KEY_SYNTAX);
	CHECK_KEY("k=rsa; p=" ED_P, DK_R_KEY_SYNTAX);
	return 0;
}

static int
t_keyrec_service(void)
{
	CHECK_KEY("s=email; p=" RSA_P, DK_R_OK);
	CHECK_KEY("s=*; p=" RSA_P, DK_R_OK);
	CHECK_KEY("s=web:email; p=" RSA_P, DK_R_OK);
	CHECK_KEY("s = web \r\n : email ; p=" RSA_P, DK_R_OK);
	CHECK_KEY("s=email:web:fine; p=" RSA_P, DK_R_OK);
	CHECK_KEY("s=web; p=" RSA_P, DK_R_KEY_SERVICE);
	CHECK_KEY("s=; p=" RSA_P, DK_R_KEY_SERVICE);
	CHECK_KEY("s=e:mail; p=" RSA_P, DK_R_KEY_SERVICE);
	CHECK_KEY("s=emails; p=" RSA_P, DK_R_KEY_SERVICE);
	CHECK_KEY("s=web; p=", DK_R_KEY_SERVICE);
	return 0;
}

static int
t_keyrec_p(void)
{
	/* RFC 6376 §3.6.1: an empty p= means the key was revoked */
	CHECK_KEY("v=DKIM1; p=", DK_R_REVOKED_KEY);
	CHECK_KEY("v=DKIM1; p=;", DK_R_REVOKED_KEY);
	CHECK_KEY("v=DKIM1; p= \t ", DK_R_REVOKED_KEY);
	CHECK_KEY("v=DKIM1; p=\r\n ; t=y", DK_R_REVOKED_KEY);
	CHECK_KEY("k=ed25519; p=", DK_R_REVOKED_KEY);
	CHECK_KEY("v=DKIM1; k=rsa", DK_R_KEY_SYNTAX);
	CHECK_KEY("", DK_R_KEY_SYNTAX);
	CHECK_KEY("v=DKIM1; p=!!!!", DK_R_KEY_SYNTAX);
	CHECK_KEY("v=DKIM1; p=" RSA_P "=", DK_R_KEY_SYNTAX);
	CHECK_KEY("v=DKIM1; p=" RSA_P "AAAA", DK_R_KEY_SYNTAX);
	CHECK_KEY("v=DKIM1; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ",
	    DK_R_KEY_SYNTAX);
	CHECK_KEY("k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHUR==",
	    DK_R_KEY_SYNTAX);
	return 0;
}

/* FWS inside p= is skipped; the key is the same as without it. */
static int
t_keyrec_p_fws(void)
{
	struct dk_keyrec a, b;
	const char *folded = "k=ed25519; p=11qYAYKxCrfVS/7Ty WQHOg7hcv\r\n"
	    "\tPapiMlrwIaaP cHURo= ";

	if (want_reason(__FILE__, __LINE__, ED_REC, strlen(ED_REC),
	    DK_R_OK, &a) ||
	    want_reason(__FILE__, __LINE__, folded, strlen(folded), DK_R_OK,
	    &b))
		return 1;
	CHECK_MEM("ed25519 key", a.key.ed25519, 32, b.key.ed25519, 32);
	CHECK_KEY("p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9Z"
	    "JW3/DkM\r\n\toGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631u"
	    "BItLa7od+v/R\r\n tdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9"
	    "tf6mcwGjaNBcWToI MmPSPDdQPNUYckcQ2QIDAQAB", DK_R_OK);
	return 0;
}

static int
t_keyrec_hashes_flags(void)
{
	static const struct {
		const char	*txt;
		unsigned int	 hashes;
		int		 testing, strict;
	} want[] = {
		{ ED_REC, 3, 0, 0 },
		{ "h=sha256; " ED_REC, DK_KEYREC_H_SHA256, 0, 0 },
		{ "h=sha1; " ED_REC, DK_KEYREC_H_SHA1, 0, 0 },
		{ "h = sha1 :\r\n sha256 ; " ED_REC, 3, 0, 0 },
		{ "h=md5:sha512; " ED_REC, 0, 0, 0 },
		{ "h=; " ED_REC, 0, 0, 0 },
		{ "t=y; " ED_REC, 3, 1, 0 },
		{ "t=s; " ED_REC, 3, 0, 1 },
		{ "t=y:s; " ED_REC, 3, 1, 1 },
		{ "t = s : x : y ; " ED_REC, 3, 1, 1 },
		{ "t=n:extra; " ED_REC, 3, 0, 0 },
		{ "t=ys; " ED_REC, 3, 0, 0 },
		{ "t=; " ED_REC, 3, 0, 0 },
		/* unknown tags are ignored (§3.6.1) */
		{ "x1 = extra ; g=*; n=a%20b; " ED_REC, 3, 0, 0 },
	};
	struct dk_keyrec rec;
	enum dk_reason r;
	size_t i;

	for (i = 0; i < NCASES(want); i++) {
		if (dk_keyrec_parse(want[i].txt, strlen(want[i].txt), &rec,
		    &r) != 0)
			return test_fail(__FILE__, __LINE__, "\"%s\": %s",
			    want[i].txt, rname(r));
		if (rec.hashes != want[i].hashes ||
		    rec.testing != want[i].testing ||
		    rec.strict_auid != want[i].strict)
			return test_fail(__FILE__, __LINE__, "\"%s\": h=%u t=y "
			    "%d t=s %d", want[i].txt, rec.hashes, rec.testing,
			    rec.strict_auid);
	}
	return 0;
}

static int
t_keyrec_syntax(void)
{
	CHECK_KEY("v=DKIM1;; p=" ED_P, DK_R_KEY_SYNTAX);
	CHECK_KEY("v=DKIM1; " ED_REC "; p=" ED_P, DK_R_KEY_SYNTAX);
	CHECK_KEY("v=DKIM1; k=ed25519; " ED_REC, DK_R_KEY_SYNTAX);
	CHECK_KEY("v=DKIM1; 1=2; p=" ED_P, DK_R_KEY_SYNTAX);
	CHECK_KEY("v=DKIM1; " ED_REC "\n", DK_R_KEY_SYNTAX);
	CHECK_KEY("v=DKIM1; n=caf\xc3\xa9; " ED_REC,
	    DK_R_KEY_SYNTAX);
	CHECK_KEY("p", DK_R_KEY_SYNTAX);
	return 0;
}

/*
 * A record up to DK_KEYREC_MAX bytes is parsed; a longer one is past our
 * bound (key-too-large), not a syntax error.
 */
static int
t_keyrec_bound(void)
{
	const char *head = ED_REC "; n=";
	struct dk_keyrec rec;
	size_t hl = strlen(head);
	char *buf;
	int fail;

	if ((buf = malloc(DK_KEYREC_MAX + 1)) == NULL)
		return test_fail(__FILE__, __LINE__, "malloc");
	memcpy(buf, head, hl);
	memset(buf + hl, 'x', DK_KEYREC_MAX + 1 - hl);
	fail = want_reason(__FILE__, __LINE__, buf, DK_KEYREC_MAX, DK_R_OK,
	    &rec) || want_reason(__FILE__, __LINE__, buf, DK_KEYREC_MAX + 1,
	    DK_R_KEY_TOO_LARGE, &rec);
	free(buf);
	return fail;
}

/*
 * An 8192-bit RSA key, as a bare PKCS#1 RSAPublicKey:
 *	30 82 04 0a		SEQUENCE, 1034 bytes
 *	  02 82 04 01 00 ...	INTEGER n, 1025 bytes (a 0 and 1024)
 *	  02 03 01 00 01	INTEGER e = 65537
 */
static int
t_keyrec_too_large(void)
{
	static const uint8_t seq[] = { 0x30, 0x82, 0x04, 0x0a,
	    0x02, 0x82, 0x04, 0x01, 0x00 };
	static const uint8_t e[] = { 0x02, 0x03, 0x01, 0x00, 0x01 };
	uint8_t der[sizeof(seq) + 1024 + sizeof(e)];
	char txt[2 + DK_B64_ENCLEN(sizeof(der)) + 1];
	struct dk_keyrec rec;

	memcpy(der, seq, sizeof(seq));
	memset(der + sizeof(seq), 0xc5, 1024);
	memcpy(der + sizeof(seq) + 1024, e, sizeof(e));
	memcpy(txt, "p=", 2);
	dk_b64_encode(der, sizeof(der), txt + 2);
	return want_reason(__FILE__, __LINE__, txt, strlen(txt),
	    DK_R_KEY_TOO_LARGE, &rec);
}

/* DK_TAGS_MAX tags are parsed; one more is past our bound. */
static int
t_keyrec_tags(void)
{
	char txt[4096];
	struct dk_keyrec rec;
	size_t i, n;
	int fail = 0;

	for (n = DK_TAGS_MAX; n <= DK_TAGS_MAX + 1; n++) {
		snprintf(txt, sizeof(txt), "%s", ED_REC);
		for (i = 0; i < n - 2; i++)
			snprintf(txt + strlen(txt), sizeof(txt) - strlen(txt),
			    "; x%zu=1", i);
		fail |= want_reason(__FILE__, __LINE__, txt, strlen(txt),
		    n == DK_TAGS_MAX ? DK_R_OK : DK_R_KEY_TOO_LARGE, &rec);
	}
	return fail;
}

/* Every prefix, from a heap copy of exactly that size (ASan sees past). */
static int
t_keyrec_prefixes(void)
{
	const char *in = "v=DKIM1; k=rsa; s=email:*; h=sha1:sha256; t=y:s;"
	    " p=" RSA_P ";";
	struct dk_keyrec rec;
	enum dk_reason r;
	size_t k, len = strlen(in);
	char *copy;

	for (k = 0; k <= len; k++) {
		if ((copy = malloc(k ? k : 1)) == NULL)
			return test_fail(__FILE__, __LINE__, "malloc");
		memcpy(copy, in, k);
		if (dk_keyrec_parse(copy, k, &rec, &r) == 0)
			CHECK(k >= len - 1);
		free(copy);
	}
	return 0;
}

/* Look name up and compare the records, joined by "|". */
static int
want_lookup(const char *file, int line, const struct dk_zone *z,
    const char *name, enum dk_dns_rcode rcode, const char *joined)
{
	const char *const *txt;
	enum dk_dns_rcode got;
	char buf[4096];
	size_t i, ntxt, used = 0;

	got = dk_zone_lookup(z, name, &txt, &ntxt);
	if (got != rcode)
		return test_fail(file, line, "%s: want rcode %d, got %d", name,
		    (int)rcode, (int)got);
	if (got != DK_DNS_OK)
		return (txt == NULL && ntxt == 0) ? 0 :
		    test_fail(file, line, "%s: records with rcode %d", name,
		    (int)got);
	buf[0] = '\0';
	for (i = 0; i < ntxt; i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s",
		    i ? "|" : "", txt[i]);
	return test_memeq(file, line, name, joined, strlen(joined), buf,
	    strlen(buf));
}

#define CHECK_LOOKUP(z, name, rcode, joined) do {			\
	if (want_lookup(__FILE__, __LINE__, (z), (name), (rcode),	\
	    (joined)))							\
		return 1;						\
} while (0)

static int
t_zone_vectors(void)
{
	struct dk_zone *z;
	const char *const *txt;
	size_t ntxt;
	int fail = 0;

	if ((z = load_vectors()) == NULL)
		return 1;
	if (dk_zone_lookup(z, "ed25519test._domainkey.example.com", &txt,
	    &ntxt) != DK_DNS_OK || ntxt != 1)
		fail = test_fail(__FILE__, __LINE__, "ed25519test");
	else if (strcmp(txt[0], "k=ed25519; "
	    "p=yi50DjK5O9pqbFpNHklsv9lqaS0ArSYu02qp1S0DW1Y=") != 0)
		fail = test_fail(__FILE__, __LINE__, "ed25519test: %s", txt[0]);
	if (!fail)
		fail = want_lookup(__FILE__, __LINE__, z,
		    "SED._DomainKey.Test.EX.", DK_DNS_OK, "v=DKIM1; k=ed25519; "
		    "p=sPs07Vu29FpHT/80UXUcYHFOHifD4o2ZlP2+XUh9g6E=") ||
		    want_lookup(__FILE__, __LINE__, z,
		    "nonexistent._domainkey.messiah.edu", DK_DNS_NXDOMAIN, "") ||
		    want_lookup(__FILE__, __LINE__, z,
		    "test3._domainkey.blackhole.messiah.edu", DK_DNS_TIMEOUT,
		    "") ||
		    want_lookup(__FILE__, __LINE__, z, "nokey._domainkey."
		    "example.com", DK_DNS_NXDOMAIN, "") ||
		    want_lookup(__FILE__, __LINE__, z, "_domainkey.example.com",
		    DK_DNS_NXDOMAIN, "") ||
		    want_lookup(__FILE__, __LINE__, z, "", DK_DNS_NXDOMAIN, "");
	dk_zone_free(z);
	return fail;
}

static const char hand_zone[] =
    "# a comment\n"
    "\n"
    "multi.example TXT \"one\"\r\n"
    "other.example. TXT \"x\"\n"
    "   \t\n"
    "Multi.Example. txt \"t\" \"w\"\t\"o\"\n"
    "esc.example TXT \"a\\\"b\\\\c\" \"\"   \"; d\"\n"
    "fail.example SERVFAIL\n"
    "slow.example timeout  \n"
    "gone.example NXDOMAIN\n"
    "multi.example TXT \"three\"\n"
    "empty.example TXT \"\"\n"
    "last.example TXT \"no newline\"";

static int
t_zone_lookup(void)
{
	struct dk_zone *z;
	char err[128];

	if (dk_zone_parse(&z, hand_zone, sizeof(hand_zone) - 1, err,
	    sizeof(err)) != DK_OK)
		return test_fail(__FILE__, __LINE__, "%s", err);
	/* several TXT lines at one name: several records, in file order */
	CHECK_LOOKUP(z, "multi.example", DK_DNS_OK, "one|two|three");
	CHECK_LOOKUP(z, "MULTI.EXAMPLE.", DK_DNS_OK, "one|two|three");
	CHECK_LOOKUP(z, "other.example", DK_DNS_OK, "x");
	CHECK_LOOKUP(z, "Other.Example.", DK_DNS_OK, "x");
	CHECK_LOOKUP(z, "esc.example", DK_DNS_OK, "a\"b\\c; d");
	CHECK_LOOKUP(z, "fail.example", DK_DNS_SERVFAIL, "");
	CHECK_LOOKUP(z, "slow.example", DK_DNS_TIMEOUT, "");
	CHECK_LOOKUP(z, "gone.example", DK_DNS_NXDOMAIN, "");
	CHECK_LOOKUP(z, "empty.example", DK_DNS_OK, "");
	CHECK_LOOKUP(z, "last.example", DK_DNS_OK, "no newline");
	CHECK_LOOKUP(z, "example", DK_DNS_NXDOMAIN, "");
	CHECK_LOOKUP(z, "multi.example..", DK_DNS_NXDOMAIN, "");
	CHECK_LOOKUP(z, "xmulti.example", DK_DNS_NXDOMAIN, "");
	dk_zone_free(z);
	CHECK(dk_zone_parse(&z, "", 0, err, sizeof(err)) == 0);
	CHECK_LOOKUP(z, "a", DK_DNS_NXDOMAIN, "");
	dk_zone_free(z);
	dk_zone_free(NULL);
	return 0;
}

static int
t_zone_errors(void)
{
	static const struct {
		const char	*in;
		const char	*msg;
	} bad[] = {
		{ "a.example TXT \"abc", "line 1: unterminated string" },
		{ "a.example TXT \"abc\\\"", "line 1: unterminated string" },
		{ "a.example TXT \"abc\\", "line 1: unterminated string" },
		{ "a.example TXT \"ab\nc\"", "line 1: unterminated string" },
		{ "a.example TXT \"\\n\"", "line 1: bad escape \"\\n\"" },
		{ "a.example MX \"x\"", "line 1: unknown type \"MX\"" },
		{ "a.example TXTX \"x\"", "line 1: unknown type \"TXTX\"" },
		{ "  TXT \"x\"", "line 1: missing name" },
		{ "\tb.example TXT \"x\"", "line 1: missing name" },
		{ ". TXT \"x\"", "line 1: missing name" },
		{ "a.example", "line 1: missing type" },
		{ "a.example  \r\n", "line 1: missing type" },
		{ "a.example TXT", "line 1: TXT needs a quoted string" },
		{ "a.example TXT x", "line 1: TXT needs a quoted string" },
		{ "a.example TXT \"a\"b", "line 1: junk after a string" },
		{ "a.example TXT \"a\" b", "line 1: junk after a string" },
		{ "a.example TXT \"a\"\"b\"", "line 1: junk after a string" },
		{ "a.example NXDOMAIN x", "line 1: junk after NXDOMAIN" },
		{ "a.example timeout \"x\"", "line 1: junk after timeout" },
		{ "# c\n\nok.example TXT \"x\"\nbad.example\n",
		    "line 4: missing type" },
		{ "a.example NXDOMAIN\nA.example. TXT \"x\"\n",
		    "line 2: a.example conflicts with line 1" },
		{ "a.example TXT \"x\"\nb.example SERVFAIL\nA.EXAMPLE TIMEOUT",
		    "line 3: a.example conflicts with line 1" },
		{ "a.example TIMEOUT\na.example TIMEOUT",
		    "line 2: a.example conflicts with line 1" },
	};
	struct dk_zone *empty, *z;
	char err[128];
	size_t i;
	int fail = 0;

	/* a failed parse must set *zp to NULL, whatever it held */
	if (dk_zone_parse(&empty, "", 0, err, sizeof(err)) != DK_OK)
		return test_fail(__FILE__, __LINE__, "empty zone: %s", err);
	for (i = 0; i < NCASES(bad) && !fail; i++) {
		z = empty;
		if (dk_zone_parse(&z, bad[i].in, strlen(bad[i].in), err,
		    sizeof(err)) != DK_ESYNTAX)
			fail = test_fail(__FILE__, __LINE__, "\"%s\" parsed",
			    bad[i].in);
		else if (z != NULL)
			fail = test_fail(__FILE__, __LINE__, "\"%s\": *zp set",
			    bad[i].in);
		else
			fail = test_memeq(__FILE__, __LINE__, bad[i].in,
			    bad[i].msg, strlen(bad[i].msg), err, strlen(err));
	}
	dk_zone_free(empty);
	return fail;
}

/* Names: 253 characters (and a dot) at most; longer ones are refused. */
static int
t_zone_name_bound(void)
{
	char name[256], line[300], err[128];
	struct dk_zone *z;
	size_t i;

	for (i = 0; i < 253; i++)
		name[i] = (i % 2) ? '.' : 'a';
	name[253] = '\0';
	snprintf(line, sizeof(line), "%s. TXT \"x\"", name);
	CHECK(dk_zone_parse(&z, line, strlen(line), err, sizeof(err)) == 0);
	CHECK_LOOKUP(z, name, DK_DNS_OK, "x");
	name[253] = 'a';
	name[254] = '\0';
	CHECK_LOOKUP(z, name, DK_DNS_NXDOMAIN, "");
	dk_zone_free(z);
	snprintf(line, sizeof(line), "%s TXT \"x\"", name);
	CHECK(dk_zone_parse(&z, line, strlen(line), err, sizeof(err)) ==
	    DK_ESYNTAX);
	CHECK_STR("long name", "line 1: name over 253 characters", err);
	return 0;
}

/*
 * A key name is formed whole for a selector and a domain of 253 octets
 * each (what d= and s= may hold), never cut; one more octet is refused.
 */
static int
t_keyname_bound(void)
{
	char sel[256], dom[256], want[600], got[DK_KEYNAME_MAX];

	memset(sel, 's', 253);
	sel[253] = '\0';
	memset(dom, 'd', 253);
	dom[253] = '\0';
	snprintf(want, sizeof(want), "%s._domainkey.%s", sel, dom);
	CHECK(dk_keyname_format(got, sel, dom) == 0);
	CHECK_STR("whole name", want, got);
	sel[253] = 's';
	sel[254] = '\0';
	CHECK(dk_keyname_format(got, sel, dom) == -1);
	return 0;
}

/* A key matches the record keygen prints for it, and not another's. */
static int
t_keycheck_own(void)
{
	static const enum dk_key_type types[] = { DK_KEY_ED25519, DK_KEY_RSA };
	struct dk_key *k, *other;
	struct dk_keycheck kc;
	const char *txt[1];
	char *rec;
	size_t i;

	for (i = 0; i < NCASES(types); i++) {
		CHECK(dk_key_generate(&k, types[i], 1024 * (i > 0)) == DK_OK);
		CHECK(dk_key_generate(&other, types[i], 1024 * (i > 0)) ==
		    DK_OK);
		CHECK((rec = dk_key_record(k)) != NULL);
		txt[0] = rec;
		CHECK(dk_keycheck_name(&kc, "example.com", "sel") == 0);
		dk_keycheck_compare(&kc, k, "k.pem", DK_DNS_OK, txt, 1, NULL);
		CHECK(kc.state == DK_KEY_MATCH);
		dk_keycheck_compare(&kc, other, "o.pem", DK_DNS_OK, txt, 1,
		    NULL);
		CHECK(kc.state == DK_KEY_DIFFERENT);
		dk_free_string(rec);
		dk_key_free(k);
		dk_key_free(other);
	}
	return 0;
}

/* Names are equal without ASCII case and a final dot. */
static int
t_name_eq(void)
{
	CHECK(dk_dns_name_eq("Sel._DomainKey.Example.COM", "sel._domainkey."
	    "example.com."));
	CHECK(dk_dns_name_eq("example.com.", "example.com"));
	CHECK(!dk_dns_name_eq("example.com..", "example.com"));
	CHECK(!dk_dns_name_eq("example.co", "example.com"));
	return 0;
}

/* A TXT record joins to 65535 bytes at most (RFC 1035 RDLENGTH). */
static int
t_zone_txt_bound(void)
{
	const size_t max = 65535;
	struct dk_zone *z;
	const char *const *txt;
	char err[128], *buf;
	size_t ntxt, len;
	int rc;

	len = strlen("a TXT \"") + max + 1 + strlen(" \"x\"");
	if ((buf = malloc(len + 1)) == NULL)
		return test_fail(__FILE__, __LINE__, "malloc");
	memcpy(buf, "a TXT \"", 7);
	memset(buf + 7, 'k', max);
	memcpy(buf + 7 + max, "\" \"\"", 4);
	rc = dk_zone_parse(&z, buf, 7 + max + 4, err, sizeof(err));
	if (rc == 0) {
		rc = dk_zone_lookup(z, "a", &txt, &ntxt) == DK_DNS_OK &&
		    ntxt == 1 && strlen(txt[0]) == max ? 0 : -1;
		dk_zone_free(z);
	}
	memcpy(buf + 7 + max, "\" \"x\"", 5);
	if (rc == 0)
		rc = dk_zone_parse(&z, buf, len, err, sizeof(err)) ==
		    DK_ESYNTAX ? 0 : -1;
	free(buf);
	CHECK(rc == 0);
	CHECK_STR("long record", "line 1: record over 65535 bytes", err);
	return 0;
}

static int
t_zone_bounds(void)
{
	static const char nul[] = "a.example TXT \"a\0b\"";
	const size_t zone_max = 4 * 1024 * 1024;
	struct dk_zone *z;
	char err[128], tiny[8], *buf;

	CHECK(dk_zone_parse(&z, nul, sizeof(nul) - 1, err, sizeof(err)) ==
	    DK_ESYNTAX);
	CHECK_STR("nul", "line 1: NUL byte", err);
	if ((buf = calloc(1, zone_max + 1)) == NULL)
		return test_fail(__FILE__, __LINE__, "malloc");
	memset(buf, '#', zone_max + 1);
	CHECK(dk_zone_parse(&z, buf, zone_max, err, sizeof(err)) == 0);
	dk_zone_free(z);
	CHECK(dk_zone_parse(&z, buf, zone_max + 1, err, sizeof(err)) ==
	    DK_ELIMIT);
	free(buf);
	CHECK_STR("big zone", "zone over 4194304 bytes", err);
	/* a short error buffer is cut, never overrun; none at all is fine */
	CHECK(dk_zone_parse(&z, "x", 1, tiny, sizeof(tiny)) == DK_ESYNTAX);
	CHECK_STR("tiny", "line 1:", tiny);
	CHECK(dk_zone_parse(&z, "x", 1, NULL, 0) == DK_ESYNTAX);
	return 0;
}

/*
 * Every prefix of a zone, from a heap copy of exactly that size: each
 * parses or fails with a line number, and nothing reads past the end.
 */
static int
t_zone_prefixes(void)
{
	struct dk_zone *z;
	char err[128], *copy;
	size_t k, len = sizeof(hand_zone) - 1;

	for (k = 0; k <= len; k++) {
		if ((copy = malloc(k ? k : 1)) == NULL)
			return test_fail(__FILE__, __LINE__, "malloc");
		memcpy(copy, hand_zone, k);
		if (dk_zone_parse(&z, copy, k, err, sizeof(err)) == 0)
			dk_zone_free(z);
		else
			CHECK(strncmp(err, "line ", 5) == 0);
		free(copy);
	}
	return 0;
}

static const struct test_case cases[] = {
	{ "keyrec_vectors", t_keyrec_vectors },
	{ "keyrec_flags", t_keyrec_flags },
	{ "keyrec_dkimpy_files", t_keyrec_dkimpy_files },
	{ "keyrec_version", t_keyrec_version },
	{ "keyrec_type", t_keyrec_type },
	{ "keyrec_service", t_keyrec_service },
	{ "keyrec_p", t_keyrec_p },
	{ "keyrec_p_fws", t_keyrec_p_fws },
	{ "keyrec_hashes_flags", t_keyrec_hashes_flags },
	{ "keyrec_syntax", t_keyrec_syntax },
	{ "keyrec_bound", t_keyrec_bound },
	{ "keyrec_too_large", t_keyrec_too_large },
	{ "keyrec_tags", t_keyrec_tags },
	{ "keyrec_prefixes", t_keyrec_prefixes },
	{ "zone_vectors", t_zone_vectors },
	{ "zone_lookup", t_zone_lookup },
	{ "zone_errors", t_zone_errors },
	{ "zone_name_bound", t_zone_name_bound },
	{ "keyname_bound", t_keyname_bound },
	{ "name_eq", t_name_eq },
	{ "keycheck_own", t_keycheck_own },
	{ "zone_txt_bound", t_zone_txt_bound },
	{ "zone_bounds", t_zone_bounds },
	{ "zone_prefixes", t_zone_prefixes },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
