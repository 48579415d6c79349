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
 * Fuzz the canonicalizer through the public API (dk_canonicalizer_new).
 * Input: a flags byte (bit 0: relaxed header, bit 1: relaxed body, bit
 * 2: bare LF taken, bit 3: an h= list instead of the default one, bit
 * 4: the output function says stop at the end of the header part; bit 6
 * keeps the byte from being NUL), DK_FUZZ_NSIZES bytes of chunk sizes,
 * then the message. It is fed once whole and once in chunks. Checks:
 * both give the same status and the same bytes; the parts come in
 * order, the end of the header part once; neither part is longer than
 * the message can make it; after a stop, nothing more is given.
 */

#include <stdint.h>
#include <string.h>

#include "dkimkit.h"
#include "fuzz.h"

#define FUZZ_CANON_INPUT_MAX	(256 * 1024)	/* headers and some body */
#define FUZZ_CANON_HRELAXED	0x01
#define FUZZ_CANON_BRELAXED	0x02
#define FUZZ_CANON_LF		0x04
#define FUZZ_CANON_HLIST	0x08
#define FUZZ_CANON_STOP		0x10

/*
 * The most a part may hold for a message of len bytes: each field is
 * picked once and each line comes out at most as long as it went in,
 * plus the CRLF the body may gain at its end; twice that allows for
 * bare LF turned into CRLF.
 */
#define FUZZ_CANON_OUT_MAX(len)	(2 * (len) + 2)

struct got {
	struct dk_fuzz_buf	 header;
	struct dk_fuzz_buf	 body;
	int			 ends;
	int			 stop;	/* say stop at the end of the header */
	int			 stopped;
};

static int
collect(void *arg, enum dk_canon_part part, const void *buf, size_t len)
{
	struct got *g = arg;

	DK_FUZZ_CHECK(!g->stopped);

	switch (part) {
	case DK_CANON_FIELD:
		DK_FUZZ_CHECK(g->ends == 0);
		dk_fuzz_sink(&g->header, buf, len);
		break;
	case DK_CANON_HEADER_END:
		DK_FUZZ_CHECK(g->ends == 0 && buf == NULL && len == 0);
		g->ends++;
		g->stopped = g->stop;
		break;
	case DK_CANON_BODY:
		DK_FUZZ_CHECK(g->ends == 1);
		dk_fuzz_sink(&g->body, buf, len);
		break;
	default:
		DK_FUZZ_CHECK(!"a part that is none");
	}
	return g->stopped;
}

/* Feed data[0..size) in chunks from ch (NULL: whole) and finish. */
static enum dk_status
run(uint8_t flags, struct dk_fuzz_chunker *ch, const uint8_t *data,
    size_t size, struct got *g)
{
	static const char *const hlist[] = { "from", "subject", "From",
	    "to", "x-missing", NULL };
	struct dk_canon_opts o;
	struct dk_canonicalizer *c;
	enum dk_status st;
	size_t off, n;

	memset(g, 0, sizeof(*g));
	dk_fuzz_buf_init(&g->header, FUZZ_CANON_OUT_MAX(size));
	dk_fuzz_buf_init(&g->body, FUZZ_CANON_OUT_MAX(size));
	dk_canon_opts_init(&o, sizeof(o));
	o.hcanon = flags & FUZZ_CANON_HRELAXED ? DK_CANON_RELAXED :
	    DK_CANON_SIMPLE;
	o.bcanon = flags & FUZZ_CANON_BRELAXED ? DK_CANON_RELAXED :
	    DK_CANON_SIMPLE;
	o.headers = flags & FUZZ_CANON_HLIST ? hlist : NULL;
	o.out = collect;
	o.arg = g;
	g->stop = (flags & FUZZ_CANON_STOP) != 0;
	DK_FUZZ_CHECK(dk_canonicalizer_new(&c, &o, NULL, 0) == DK_OK);
	st = flags & FUZZ_CANON_LF ? dk_canonicalizer_accept_lf(c) : DK_OK;
	for (off = 0; st == DK_OK && off < size; off += n) {
		n = ch != NULL ? dk_fuzz_chunk(ch, size - off) : size - off;
		st = dk_canonicalizer_write(c, data + off, n);
	}
	if (st == DK_OK)
		st = dk_canonicalizer_finish(c);
	DK_FUZZ_CHECK(st == DK_OK || st == DK_ESYNTAX || st == DK_ELIMIT ||
	    (st == DK_ESTOPPED && g->stopped));
	DK_FUZZ_CHECK(st != DK_OK || g->ends == 1);
	DK_FUZZ_CHECK(!g->stopped || (st == DK_ESTOPPED && g->body.len == 0));
	if (st == DK_ESTOPPED)
		DK_FUZZ_CHECK(dk_canonicalizer_write(c, "x", 1) == DK_ESTATE &&
		    strcmp(dk_canonicalizer_errmsg(c),
		    "the output function stopped it") == 0);
	DK_FUZZ_CHECK(strlen(dk_canonicalizer_errmsg(c)) > 0);
	dk_canonicalizer_free(c);
	return st;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dk_fuzz_chunker ch;
	struct got whole, chunked;
	uint8_t flags;

	if (size < 1 || size > FUZZ_CANON_INPUT_MAX)
		return 0;
	flags = data[0];
	data++;
	size--;
	dk_fuzz_chunker_init(&ch, &data, &size);
	DK_FUZZ_CHECK(run(flags, NULL, data, size, &whole) ==
	    run(flags, &ch, data, size, &chunked));
	DK_FUZZ_CHECK(whole.ends == chunked.ends);
	DK_FUZZ_CHECK(dk_fuzz_buf_eq(&whole.header, &chunked.header));
	DK_FUZZ_CHECK(dk_fuzz_buf_eq(&whole.body, &chunked.body));
	dk_fuzz_buf_free(&whole.header);
	dk_fuzz_buf_free(&whole.body);
	dk_fuzz_buf_free(&chunked.header);
	dk_fuzz_buf_free(&chunked.body);
	return 0;
}
