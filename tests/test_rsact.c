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
 * Constant-time RSA signing, checked under valgrind (the ctgrind and
 * TIMECOP technique): the secret parts of the key (p, q and their
 * Montgomery constants, dp, dq, iq) and the digest are marked as
 * undefined memory, so that memcheck reports every conditional branch
 * and every memory address computed from them. The program counts
 * memcheck's reports around each signature: any is a failure. A control
 * case branches and indexes on a marked byte on purpose and must be
 * reported, which shows that the marks work.
 *
 * tests/run.sh runs it under valgrind with TEST_RSACT_VALGRIND=1, which
 * makes running without valgrind a failure. Run natively, the marks do
 * nothing and it only checks that signing works. valgrind hides the
 * CPU's adx flag but runs the instructions: TEST_RSACT_MULX=1 (set by
 * tests/run.sh when /proc/cpuinfo has adx) checks the mulx kernel too.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/memcheck.h>

#include "../src/crypto/rsa.h"
#include "testlib.h"

#define DATA	"tests/data/crypto/"

/* memcheck's error count so far; 0 when not under valgrind */
static unsigned int
reports(void)
{
	return RUNNING_ON_VALGRIND ? (unsigned int)VALGRIND_COUNT_ERRORS : 0;
}

static void
mark_secret(struct dk_rsa_priv *k, uint8_t *digest)
{
	struct dk_mont *m[2] = { &k->p, &k->q };
	size_t i;

	for (i = 0; i < 2; i++) {
		VALGRIND_MAKE_MEM_UNDEFINED(&m[i]->m0i, sizeof(m[i]->m0i));
		VALGRIND_MAKE_MEM_UNDEFINED(m[i]->m, sizeof(m[i]->m));
		VALGRIND_MAKE_MEM_UNDEFINED(m[i]->one, sizeof(m[i]->one));
		VALGRIND_MAKE_MEM_UNDEFINED(m[i]->rr, sizeof(m[i]->rr));
	}
	VALGRIND_MAKE_MEM_UNDEFINED(k->dp, sizeof(k->dp));
	VALGRIND_MAKE_MEM_UNDEFINED(k->dq, sizeof(k->dq));
	VALGRIND_MAKE_MEM_UNDEFINED(k->iq, sizeof(k->iq));
	VALGRIND_MAKE_MEM_UNDEFINED(digest, 32);
}

/*
 * Sign with the secrets marked; the signature and the verdict are
 * public once made, so they are declared defined before they are
 * looked at.
 */
static int
sign_marked(const char *path, int adx)
{
	struct dk_rsa_priv *k;
	struct dk_key *key;
	uint8_t digest[32], want[DK_SIG_MAX], got[DK_SIG_MAX];
	char *buf, err[256];
	size_t len, i;
	unsigned int before, after;
	int rc;

	if ((buf = test_readfile(path, &len)) == NULL)
		return test_fail(__FILE__, __LINE__, "cannot read %s", path);
	if (dk_key_parse(&key, buf, len, err, sizeof(err)) != DK_OK) {
		free(buf);
		return test_fail(__FILE__, __LINE__, "%s: %s", path, err);
	}
	free(buf);
	k = dk_key_rsa_priv(key);
	k->n.adx = k->p.adx = k->q.adx = adx;
	for (i = 0; i < sizeof(digest); i++)
		digest[i] = (uint8_t)(i * 37 + adx);
	rc = dk_rsa_sign_bearssl(key, digest, want);
	CHECK(rc == 0);
	mark_secret(k, digest);
	before = reports();
	rc = dk_rsa_sign_ct(k, digest, got);
	after = reports();
	VALGRIND_MAKE_MEM_DEFINED(&rc, sizeof(rc));
	VALGRIND_MAKE_MEM_DEFINED(got, k->nlen);
	if (after != before)
		return test_fail(__FILE__, __LINE__, "%s: %u branches or "
		    "indexes on secret data (memcheck's reports above)", path,
		    after - before);
	CHECK(rc == 0);
	CHECK_MEM("signature", want, k->nlen, got, k->nlen);
	dk_key_free(key);
	return 0;
}

/* A branch and an index on a marked byte must be reported. */
static int
test_control(void)
{
	static volatile uint8_t table[256];
	volatile uint8_t secret = 0x5a, sink;
	unsigned int before;
	const char *need = getenv("TEST_RSACT_VALGRIND");

	if (!RUNNING_ON_VALGRIND) {
		if (need != NULL && strcmp(need, "1") == 0)
			return test_fail(__FILE__, __LINE__, "not running "
			    "under valgrind");
		printf("  not under valgrind: the marks do nothing\n");
		return 0;
	}
	VALGRIND_MAKE_MEM_UNDEFINED((void *)(uintptr_t)&secret,
	    sizeof(secret));
	before = reports();
	if (secret & 1)
		sink = 1;
	CHECK(reports() > before);
	before = reports();
	sink = table[secret];
	CHECK(reports() > before);
	(void)sink;
	return 0;
}

static int
test_rsa1024_portable(void)
{
	return sign_marked("vectors/rfc/rfc8463-rsa-private.pem",
	    0);
}

static int
test_rsa2048_portable(void)
{
	return sign_marked(DATA "rsa2048-pkcs8.pem", 0);
}

static int
test_rsa2048_mulx(void)
{
	const char *force = getenv("TEST_RSACT_MULX");

	if (!dk_bn_adx_ok() && (force == NULL || strcmp(force, "1") != 0)) {
		printf("  no mulx/adx here: the portable kernel only\n");
		return 0;
	}
	return sign_marked(DATA "rsa2048-pkcs8.pem", 1);
}

static const struct test_case cases[] = {
	{ "ct-control", test_control },
	{ "ct-rsa1024-portable", test_rsa1024_portable },
	{ "ct-rsa2048-portable", test_rsa2048_portable },
	{ "ct-rsa2048-mulx", test_rsa2048_mulx },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
