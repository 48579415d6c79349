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
 * Fuzz the readers of the header block that front ends rely on: the From
 * addresses and domain, and which Authentication-Results fields claim an
 * authserv-id. Input: a flags byte (bit 0: the message is fed as it is
 * with dk_verifier_accept_lf(), else with its bare LFs made CRLF by
 * hand), DK_FUZZ_NSIZES chunk sizes, then a message. Checks: every
 * address is bounded, has an '@' and a lowercase domain; the From domain
 * is that of the first address; the A-R numbers rise from 1 and stay
 * within the count of A-R fields; and the LF and CRLF ways agree.
 */

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dkimkit.h"
#include "fuzz.h"

#define FUZZ_HDR_INPUT_MAX	(64 * 1024)
#define FUZZ_HDR_LF		0x01
#define FUZZ_HDR_ID		"mx.test"
#define FUZZ_HDR_IDX_MAX	8

static void
check_addr(const char *a)
{
	const char *at;

	DK_FUZZ_CHECK(a != NULL && strlen(a) <= DK_ADDR_MAX);
	DK_FUZZ_CHECK((at = strrchr(a, '@')) != NULL && at > a);
	for (at++; *at != '\0'; at++)
		DK_FUZZ_CHECK(!isupper((unsigned char)*at));
}

static struct dk_verifier *
feed(const uint8_t *msg, size_t len, int lf, struct dk_fuzz_chunker *ch)
{
	struct dk_verify_opts o;
	struct dk_verifier *v;
	size_t off, n;

	dk_verify_opts_init(&o, sizeof(o));
	o.now = 1700000000;
	DK_FUZZ_CHECK(dk_verifier_new(&v, &o) == DK_OK);
	if (lf)
		DK_FUZZ_CHECK(dk_verifier_accept_lf(v) == DK_OK);
	for (off = 0; off < len; off += n) {
		n = dk_fuzz_chunk(ch, len - off);
		if (dk_verifier_write(v, msg + off, n) != DK_OK)
			break;
	}
	(void)dk_verifier_end(v);
	return v;
}

/* msg with every bare LF made CRLF, in a new buffer. */
static uint8_t *
crlf(const uint8_t *msg, size_t len, size_t *olen)
{
	uint8_t *out;
	size_t i, o = 0;

	DK_FUZZ_CHECK((out = malloc(2 * len + 1)) != NULL);
	for (i = 0; i < len; i++) {
		if (msg[i] == '\n' && (i == 0 || msg[i - 1] != '\r'))
			out[o++] = '\r';
		out[o++] = msg[i];
	}
	*olen = o;
	return out;
}

static void
check_one(struct dk_verifier *v)
{
	size_t i, n, idx[FUZZ_HDR_IDX_MAX];
	const char *dom, *first;

	DK_FUZZ_CHECK(dk_verifier_nfrom(v) <= DK_FROM_MAX);
	for (i = 0; i < dk_verifier_nfrom(v); i++)
		check_addr(dk_verifier_from(v, i));
	DK_FUZZ_CHECK(dk_verifier_from(v, dk_verifier_nfrom(v)) == NULL);
	if ((dom = dk_verifier_from_domain(v)) != NULL) {
		DK_FUZZ_CHECK((first = dk_verifier_from(v, 0)) != NULL);
		DK_FUZZ_CHECK(strcmp(strrchr(first, '@') + 1, dom) == 0);
	}
	n = dk_verifier_authres_ours(v, FUZZ_HDR_ID, idx, FUZZ_HDR_IDX_MAX);
	for (i = 0; i < n && i < FUZZ_HDR_IDX_MAX; i++)
		DK_FUZZ_CHECK(idx[i] > i && (i == 0 || idx[i] > idx[i - 1]));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dk_fuzz_chunker ch, ch2;
	struct dk_verifier *a, *b;
	uint8_t *conv;
	size_t i, clen;
	int lf;

	if (size < 1 || size > FUZZ_HDR_INPUT_MAX)
		return 0;
	lf = data[0] & FUZZ_HDR_LF;
	data++;
	size--;
	dk_fuzz_chunker_init(&ch, &data, &size);
	ch2 = ch;
	(void)dk_authres_has_id((const char *)data, size, FUZZ_HDR_ID);
	a = feed(data, size, lf, &ch);
	check_one(a);
	if (lf) {
		conv = crlf(data, size, &clen);
		b = feed(conv, clen, 0, &ch2);
		DK_FUZZ_CHECK(dk_verifier_nfrom(a) == dk_verifier_nfrom(b));
		for (i = 0; i < dk_verifier_nfrom(a); i++)
			DK_FUZZ_CHECK(strcmp(dk_verifier_from(a, i),
			    dk_verifier_from(b, i)) == 0);
		DK_FUZZ_CHECK(dk_verifier_authres_ours(a, FUZZ_HDR_ID, NULL,
		    0) == dk_verifier_authres_ours(b, FUZZ_HDR_ID, NULL, 0));
		dk_verifier_free(b);
		free(conv);
	}
	dk_verifier_free(a);
	return 0;
}
