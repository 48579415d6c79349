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
 * Fuzz the whole verifier through the public API, with key records from
 * a fixed zone (vectors/dns.txt, or the file named by DK_FUZZ_ZONE).
 * Input: a flags byte (bit 0: strict), DK_FUZZ_NSIZES bytes of chunk
 * sizes, then the message. Queries are answered as soon as they are
 * asked, while the body is still being written. Checks: every result is
 * well-formed, and Authentication-Results keeps to its own lines.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dkimkit.h"
#include "fuzz.h"

#define FUZZ_VERIFY_INPUT_MAX	(256 * 1024)	/* headers and some body */
#define FUZZ_VERIFY_NOW		1700000000	/* the vectors' clock */
#define FUZZ_VERIFY_STRICT	0x01
#define FUZZ_VERIFY_ID		"fuzz.example"
#define FUZZ_ZONE_MAX		(1024 * 1024)	/* dns.txt is ~60 KB */

static struct dk_zone *zone;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char buf[FUZZ_ZONE_MAX];
	char err[256];
	const char *path;
	FILE *fp;
	size_t len;

	(void)argc;
	(void)argv;
	if ((path = getenv("DK_FUZZ_ZONE")) == NULL)
		path = "vectors/dns.txt";
	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		exit(1);
	}
	len = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	if (dk_zone_parse(&zone, buf, len, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: %s\n", path, err);
		exit(1);
	}
	return 0;
}

static void
answer_queries(struct dk_verifier *v)
{
	DK_FUZZ_CHECK(dk_zone_answer_verifier(zone, v) == DK_OK);
}

static void
check_result(const struct dk_result *r)
{
	DK_FUZZ_CHECK(r != NULL);
	DK_FUZZ_CHECK(r->outcome <= DK_PERMERROR);
	/* a reason the library has a word for: none past the last one */
	DK_FUZZ_CHECK(strcmp(dk_reason_str(r->reason), "unknown") != 0);
	DK_FUZZ_CHECK(r->domain != NULL && r->selector != NULL &&
	    r->algorithm != NULL && r->auid != NULL && r->b_prefix != NULL);
	DK_FUZZ_CHECK(strlen(r->b_prefix) <= 8);
	DK_FUZZ_CHECK(dk_reason_str(r->reason) != NULL);
	DK_FUZZ_CHECK(r->outcome != DK_PASS || r->reason == DK_R_OK);
	DK_FUZZ_CHECK(r->h != NULL && r->text != NULL && r->text[0] != '\0');
}

/* RFC 8601: one field; a line break only as folding, CRLF then TAB */
static void
check_authres(const char *ar)
{
	const char *p;
	static const char prefix[] = "Authentication-Results: "
	    FUZZ_VERIFY_ID ";";

	DK_FUZZ_CHECK(ar != NULL);
	DK_FUZZ_CHECK(strncmp(ar, prefix, sizeof(prefix) - 1) == 0);
	for (p = ar; *p != '\0'; p++) {
		DK_FUZZ_CHECK(*p != '\n' || (p > ar && p[-1] == '\r'));
		if (*p == '\r')
			DK_FUZZ_CHECK(p[1] == '\n' && p[2] == '\t');
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dk_verify_opts opts;
	struct dk_fuzz_chunker ch;
	struct dk_verifier *v;
	enum dk_status st;
	size_t off, n, i;

	if (size < 1 || size > FUZZ_VERIFY_INPUT_MAX)
		return 0;
	dk_verify_opts_init(&opts, sizeof(opts));
	opts.now = FUZZ_VERIFY_NOW;
	opts.plain_rfc6376 = (data[0] & FUZZ_VERIFY_STRICT) == 0;
	opts.authserv_id = FUZZ_VERIFY_ID;
	data++;
	size--;
	dk_fuzz_chunker_init(&ch, &data, &size);
	DK_FUZZ_CHECK(dk_verifier_new(&v, &opts) == DK_OK);
	for (off = 0; off < size; off += n) {
		n = dk_fuzz_chunk(&ch, size - off);
		if (dk_verifier_write(v, data + off, n) != DK_OK)
			break;
		answer_queries(v);
	}
	/* signatures far down a long list ask for their keys at the end */
	if (off >= size && dk_verifier_end(v) == DK_OK)
		answer_queries(v);
	/* a malformed header block still has results, and says where */
	st = off >= size ? dk_verifier_finish(v) : DK_ESTATE;
	if (st == DK_ESYNTAX)
		DK_FUZZ_CHECK(strcmp(dk_verifier_errmsg(v), "no error") != 0);
	if (st == DK_OK || st == DK_ESYNTAX) {
		for (i = 0; i < dk_verifier_nresults(v); i++)
			check_result(dk_verifier_result(v, i));
		check_authres(dk_verifier_authres(v));
	}
	dk_verifier_free(v);
	return 0;
}
