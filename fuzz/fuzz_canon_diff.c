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
 * Canonicalization against a second, independent reading of RFC 6376
 * §3.4. The reference below works on whole lines, as the RFC states its
 * rules, where src/canon streams byte by byte; it is checked first
 * against the RFC's own example (§3.4.5, vectors/rfc/canon), so both
 * sides answer to a text from outside the code.
 *
 * Input: a flags byte (bit 0: relaxed header, bit 1: relaxed body,
 * bit 2: apply the limit), two bytes of limit (big-endian),
 * DK_FUZZ_NSIZES bytes of chunk sizes, then a message. The header block
 * goes to the engine's header reader (src/dkim/headers.c) in chunks, and
 * is split here too, by RFC 5322 §2.2: it ends at the first empty line;
 * a line starting with WSP continues the field above; a line that is not
 * "name:", or is cut off by the end of input, makes the block malformed
 * (and is never canonicalized). Both must find the same body offset, the
 * same verdict and, for a good block, the same fields. Each field goes
 * through dk_canon_header() and the reference; the body goes through the
 * streaming canonicalizer in chunks, with the limit, and through the
 * reference whole. Checks: the same octets, and the counts of output and
 * of octets past l=.
 *
 * Shared readings, where the RFC leaves room (src/canon/body.c): a line
 * ends at CRLF only, so a bare CR or LF is an ordinary octet; WSP is SP
 * and HTAB (RFC 5234); a last line without CRLF is not yet a line, so
 * relaxed keeps its final WSP run, as one SP, before the CRLF it gets
 * (as dkimpy does).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/canon/canon.h"
#include "../src/dkim/dkim.h"
#include "fuzz.h"

#define DIFF_INPUT_MAX		(256 * 1024)
#define DIFF_HREL		0x01
#define DIFF_BREL		0x02
#define DIFF_LIMIT		0x04
#define DIFF_HDRLEN		3	/* flags, 2 bytes of limit */
/* Output is never longer than the input plus one CRLF per field. */
#define DIFF_OUT_MAX(len)	((len) + 2)

static int
is_wsp(uint8_t c)
{
	return c == ' ' || c == '\t';
}

static int
is_crlf(const uint8_t *p, const uint8_t *end)
{
	return end - p >= 2 && p[0] == '\r' && p[1] == '\n';
}

static void
put(struct dk_fuzz_buf *b, const void *p, size_t len)
{
	dk_fuzz_sink(b, p, len);
}

/* Each run of WSP in p[0..len) becomes one SP, in place; the new length. */
static size_t
squeeze_wsp(uint8_t *p, size_t len)
{
	size_t i, n = 0;
	int in_run = 0;

	for (i = 0; i < len; i++) {
		if (!is_wsp(p[i]))
			p[n++] = p[i];
		else if (!in_run)
			p[n++] = ' ';
		in_run = is_wsp(p[i]);
	}
	return n;
}

/*
 * RFC 6376 §3.4.2, step by step on a copy of the field: unfold, make
 * each WSP run one SP, cut the SP at the end, cut the SP around the
 * first colon, lowercase the name.
 */
static void
ref_header_relaxed(const uint8_t *f, size_t len, struct dk_fuzz_buf *out)
{
	uint8_t *u;
	size_t i, n = 0, colon, end, start;

	if ((u = malloc(len + 1)) == NULL)
		abort();
	/* unfold: delete CRLF before WSP (fields hold no other CRLF) */
	for (i = 0; i < len; i++) {
		if (is_crlf(f + i, f + len) && i + 2 < len &&
		    is_wsp(f[i + 2])) {
			i++;
			continue;
		}
		u[n++] = f[i];
	}
	n = squeeze_wsp(u, n);
	for (colon = 0; colon < n && u[colon] != ':'; colon++)
		;
	DK_FUZZ_CHECK(colon < n);
	/* the name: before the colon, without the SP before it */
	for (end = colon; end > 0 && u[end - 1] == ' '; end--)
		;
	for (i = 0; i < end; i++)
		if (u[i] >= 'A' && u[i] <= 'Z')
			u[i] = (uint8_t)(u[i] - 'A' + 'a');
	put(out, u, end);
	put(out, ":", 1);
	/* the value: without SP after the colon and at its end */
	for (start = colon + 1; start < n && u[start] == ' '; start++)
		;
	for (end = n; end > start && u[end - 1] == ' '; end--)
		;
	put(out, u + start, end - start);
	put(out, "\r\n", 2);
	free(u);
}

static void
ref_header(int relaxed, const uint8_t *f, size_t len,
    struct dk_fuzz_buf *out)
{
	if (relaxed)
		ref_header_relaxed(f, len, out);
	else {
		/* §3.4.1: the field as it is */
		put(out, f, len);
		put(out, "\r\n", 2);
	}
}

/*
 * RFC 6376 §3.4.3 and §3.4.4 over a list of lines. Each line is cut at
 * CRLF; what follows the last CRLF is a last line without one, which
 * gets a CRLF added unless it is empty. Relaxed: WSP runs become one SP
 * and WSP at the end of each line ended by CRLF goes. Then the empty
 * lines at the end go; an empty body is one CRLF (simple) or nothing
 * (relaxed).
 */
static void
ref_body(int relaxed, const uint8_t *body, size_t len,
    struct dk_fuzz_buf *out)
{
	const uint8_t *p = body, *end = body + len, *eol;
	uint8_t *line;
	size_t n, keep = 0;

	if ((line = malloc(len + 1)) == NULL)
		abort();
	while (p < end) {
		for (eol = p; eol < end && !is_crlf(eol, end); eol++)
			;
		n = (size_t)(eol - p);
		memcpy(line, p, n);
		if (relaxed) {
			n = squeeze_wsp(line, n);
			if (eol < end && n > 0 && line[n - 1] == ' ')
				n--;
		}
		put(out, line, n);
		put(out, "\r\n", 2);
		/* the end of the last line that is not empty */
		if (n > 0)
			keep = out->len;
		p = eol < end ? eol + 2 : end;
	}
	out->len = keep;
	if (out->len == 0 && !relaxed)
		put(out, "\r\n", 2);
	free(line);
}

/* The octets around off, escaped, to stderr. */
static void
show(const char *who, const struct dk_fuzz_buf *b, size_t off)
{
	size_t i = off > 32 ? off - 32 : 0;

	fprintf(stderr, "%10s: ", who);
	for (; i < b->len && i < off + 32; i++)
		if (b->p[i] >= 0x20 && b->p[i] < 0x7f && b->p[i] != '\\')
			fputc(b->p[i], stderr);
		else
			fprintf(stderr, "\\x%02x", b->p[i]);
	fputc('\n', stderr);
}

static void
check_same(const struct dk_fuzz_buf *a, const struct dk_fuzz_buf *b)
{
	size_t i;

	if (dk_fuzz_buf_eq(a, b))
		return;
	for (i = 0; i < a->len && i < b->len && a->p[i] == b->p[i]; i++)
		;
	fprintf(stderr, "canon_diff: %zu octets against %zu of the "
	    "reference, first difference at %zu\n", a->len, b->len, i);
	show("dkimkit", a, i);
	show("reference", b, i);
	DK_FUZZ_CHECK(!"dkimkit and the reference agree");
}

/* The header block as the engine split it, and where the walk is. */
struct block_diff {
	const struct dk_msghdr	*mh;
	const uint8_t		*msg;
	size_t			 next;		/* field to compare */
	int			 split_ok;	/* no syntax error */
	int			 relaxed;
};

/* One field: the engine split it the same way; canonicalized the same. */
static void
diff_field(const uint8_t *f, size_t len, void *arg)
{
	struct block_diff *bd = arg;
	const struct dk_hfield *hf;
	struct dk_fuzz_buf ours, ref;
	int relaxed = bd->relaxed;

	if (bd->split_ok) {
		DK_FUZZ_CHECK(bd->next < bd->mh->nf);
		hf = &bd->mh->f[bd->next++];
		DK_FUZZ_CHECK(hf->text - bd->mh->buf == f - bd->msg &&
		    hf->len == len);
	}
	dk_fuzz_buf_init(&ours, DIFF_OUT_MAX(len));
	dk_fuzz_buf_init(&ref, DIFF_OUT_MAX(len));
	dk_canon_header(relaxed ? DK_CANON_RELAXED : DK_CANON_SIMPLE,
	    (const char *)f, len, 1, dk_fuzz_sink, &ours);
	ref_header(relaxed, f, len, &ref);
	check_same(&ours, &ref);
	dk_fuzz_buf_free(&ours);
	dk_fuzz_buf_free(&ref);
}

/*
 * RFC 5322 §3.6.8: a name of printable ASCII but the colon, WSP allowed
 * before the colon (§4.5.8), as src/dkim/headers.c takes it.
 */
static int
is_field(const uint8_t *p, size_t len)
{
	size_t i, n;

	for (n = 0; n < len && p[n] != ':'; n++)
		;
	if (n == len)
		return 0;
	while (n > 0 && is_wsp(p[n - 1]))
		n--;
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (p[i] < 33 || p[i] > 126)
			return 0;
	return 1;
}

/*
 * Call fn for each field of the header block, without its final CRLF.
 * Returns the offset of the body: after the empty line, or len when
 * there is none. *bad is set when a line is cut off by the end of input
 * or is neither a field nor the continuation of one.
 */
static size_t
walk_fields(const uint8_t *msg, size_t len,
    void (*fn)(const uint8_t *, size_t, void *), void *arg, int *bad)
{
	const uint8_t *p = msg, *end = msg + len, *eol, *field = NULL;
	const uint8_t *field_end = NULL;
	size_t body = len;

	*bad = 0;
	while (p < end) {
		for (eol = p; eol < end && !is_crlf(eol, end); eol++)
			;
		if (eol == end) {	/* cut off */
			*bad = 1;
			break;
		}
		if (eol == p) {		/* the empty line */
			body = (size_t)(p + 2 - msg);
			break;
		}
		if (!is_wsp(*p) || field == NULL) {
			if (field != NULL)
				fn(field, (size_t)(field_end - field), arg);
			field = is_field(p, (size_t)(eol - p)) ? p : NULL;
			if (field == NULL)
				*bad = 1;
		}
		field_end = eol;
		p = eol + 2;
	}
	if (field != NULL)
		fn(field, (size_t)(field_end - field), arg);
	return body;
}

static void
diff_body(int relaxed, uint64_t limit, struct dk_fuzz_chunker *ch,
    const uint8_t *body, size_t len)
{
	struct dk_canon_body cb;
	struct dk_fuzz_buf ours, ref;
	size_t off, n, total;
	uint64_t want;

	dk_fuzz_buf_init(&ours, DIFF_OUT_MAX(len));
	dk_fuzz_buf_init(&ref, DIFF_OUT_MAX(len));
	dk_canon_body_init(&cb, relaxed ? DK_CANON_RELAXED : DK_CANON_SIMPLE,
	    limit, dk_fuzz_sink, &ours);
	for (off = 0; off < len; off += n) {
		n = dk_fuzz_chunk(ch, len - off);
		dk_canon_body_write(&cb, body + off, n);
	}
	dk_canon_body_end(&cb);
	ref_body(relaxed, body, len, &ref);
	/* §3.5: l= counts canonicalized octets */
	want = ref.len < limit ? ref.len : limit;
	total = ref.len;
	ref.len = (size_t)want;
	check_same(&ours, &ref);
	DK_FUZZ_CHECK(cb.total == total && cb.emitted == want);
	dk_fuzz_buf_free(&ours);
	dk_fuzz_buf_free(&ref);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dk_fuzz_chunker ch;
	uint64_t limit;
	struct dk_msghdr mh;
	struct block_diff bd;
	char err[256];
	size_t body, off, n, used;
	enum dk_status st;
	uint8_t flags;
	int bad;

	if (size < DIFF_HDRLEN || size > DIFF_INPUT_MAX)
		return 0;
	flags = data[0];
	limit = flags & DIFF_LIMIT ? (uint64_t)data[1] << 8 | data[2] :
	    UINT64_MAX;
	data += DIFF_HDRLEN;
	size -= DIFF_HDRLEN;
	dk_fuzz_chunker_init(&ch, &data, &size);
	memset(&mh, 0, sizeof(mh));
	for (off = 0; off < size && !mh.done; off += used) {
		n = dk_fuzz_chunk(&ch, size - off);
		DK_FUZZ_CHECK(dk_msghdr_write(&mh, (const char *)data + off, n,
		    &used) == DK_OK);
		DK_FUZZ_CHECK(used == n || (used < n && mh.done));
	}
	st = dk_msghdr_end(&mh, err, sizeof(err));
	DK_FUZZ_CHECK(st == DK_OK || st == DK_ESYNTAX);
	bd.mh = &mh;
	bd.msg = data;
	bd.next = 0;
	bd.split_ok = st == DK_OK;
	bd.relaxed = (flags & DIFF_HREL) != 0;
	body = walk_fields(data, size, diff_field, &bd, &bad);
	DK_FUZZ_CHECK(body == off);
	DK_FUZZ_CHECK(bad == (st == DK_ESYNTAX));
	DK_FUZZ_CHECK(st != DK_OK || bd.next == mh.nf);
	dk_msghdr_free(&mh);
	diff_body(flags & DIFF_BREL, limit, &ch, data + body, size - body);
	return 0;
}

static char *
read_file(const char *path, size_t *lenp)
{
	static char buf[4096];
	FILE *fp;
	char *p;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		fprintf(stderr, "fuzz_canon_diff: run from the top of the "
		    "tree\n");
		exit(1);
	}
	*lenp = fread(buf, 1, sizeof(buf), fp);
	(void)fclose(fp);
	if ((p = malloc(*lenp + 1)) == NULL)
		abort();
	memcpy(p, buf, *lenp);
	return p;
}

struct ref_block {
	int			 relaxed;
	struct dk_fuzz_buf	*out;
};

static void
ref_field(const uint8_t *f, size_t len, void *arg)
{
	struct ref_block *rb = arg;

	ref_header(rb->relaxed, f, len, rb->out);
}

/* got must hold the bytes of the file STEM.PART.MODE. */
static void
check_file(const struct dk_fuzz_buf *got, const char *stem,
    const char *part, const char *mode)
{
	char path[256], *want;
	size_t wantlen;

	snprintf(path, sizeof(path), "%s.%s.%s", stem, part, mode);
	want = read_file(path, &wantlen);
	DK_FUZZ_CHECK(got->len == wantlen &&
	    memcmp(got->p, want, wantlen) == 0);
	free(want);
}

/* The reference must give the RFC's own example (§3.4.5) exactly. */
static void
check_known(const char *stem)
{
	static const char *const mode[] = { "simple", "relaxed" };
	struct dk_fuzz_buf got;
	struct ref_block rb;
	char path[256], *msg;
	size_t msglen, body;
	int relaxed, bad;

	snprintf(path, sizeof(path), "%s.eml", stem);
	msg = read_file(path, &msglen);
	for (relaxed = 0; relaxed <= 1; relaxed++) {
		dk_fuzz_buf_init(&got, 2 * msglen + 2);
		rb.relaxed = relaxed;
		rb.out = &got;
		body = walk_fields((uint8_t *)msg, msglen, ref_field, &rb,
		    &bad);
		DK_FUZZ_CHECK(!bad);
		check_file(&got, stem, "header", mode[relaxed]);
		got.len = 0;
		ref_body(relaxed, (uint8_t *)msg + body, msglen - body, &got);
		check_file(&got, stem, "body", mode[relaxed]);
		dk_fuzz_buf_free(&got);
	}
	free(msg);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	check_known("vectors/rfc/canon/rfc6376-3.4.5");
	return 0;
}
