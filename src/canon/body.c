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
 * The streaming body canonicalizer (RFC 6376 §3.4.3, §3.4.4).
 *
 * This is the per-byte path of every sign and verify, so output goes to
 * the sink in maximal spans taken straight from the caller's buffer: no
 * copy, no allocation, no per-byte call. What is held across chunks is
 * only counters and flags:
 *
 *	pending_crlf	empty lines seen but not yet known to be inner ones;
 *			re-emitted from a static string once content follows
 *	pending_wsp	relaxed: a WSP run whose fate (one SP, or deleted at
 *			the end of its line) is not yet known
 *	saw_cr		the last input byte was a CR that may start a CRLF
 *	line_open	the current line has produced output, so it needs a
 *			CRLF of its own
 *
 * A line ends only at CRLF: a bare CR or bare LF is an ordinary octet.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "canon.h"

/*
 * Pending empty lines are flushed from this string, CRLFS_LEN octets per
 * sink call: a long run of empty lines costs one call per 64 lines.
 */
#define CRLFS_LEN	128
static const char crlfs[CRLFS_LEN + 1] =
    "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n"
    "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n"
    "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n"
    "\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n";

/* Octets that end a relaxed content run: WSP (SP, HTAB) and CR. */
static const unsigned char stop[256] = {
	['\t'] = 1, ['\r'] = 1, [' '] = 1
};

/*
 * RFC 6376 §3.5: l= counts canonicalized octets, so the cap applies here
 * and never to the raw body. total keeps counting past the cap.
 */
static void
emit(struct dk_canon_body *cb, const void *p, size_t n)
{
	uint64_t room;

	cb->total += n;
	if (cb->emitted >= cb->limit)
		return;
	room = cb->limit - cb->emitted;
	if ((uint64_t)n > room)
		n = (size_t)room;
	if (n == 0)
		return;
	cb->sink(cb->sink_arg, p, n);
	cb->emitted += n;
}

/* Content follows: held empty lines and WSP were inner after all. */
static void
flush_pending(struct dk_canon_body *cb)
{
	size_t n;

	while (cb->pending_crlf > 0) {
		n = cb->pending_crlf > CRLFS_LEN / 2 ? CRLFS_LEN / 2 :
		    (size_t)cb->pending_crlf;
		emit(cb, crlfs, 2 * n);
		cb->pending_crlf -= n;
	}
	if (cb->pending_wsp) {
		/* RFC 6376 §3.4.4: a WSP run inside a line becomes one SP */
		emit(cb, " ", 1);
		cb->pending_wsp = 0;
	}
}

/* A CRLF ends the current line. */
static void
end_line(struct dk_canon_body *cb, const void *crlf)
{
	/* RFC 6376 §3.4.4: WSP at the end of a line is deleted */
	cb->pending_wsp = 0;
	if (cb->line_open) {
		emit(cb, crlf, 2);
		cb->line_open = 0;
	} else
		cb->pending_crlf++;
}

/*
 * Settle a CR held from the previous chunk against the first octet of
 * this one. Returns the number of input octets consumed (0 or 1).
 */
static size_t
settle_cr(struct dk_canon_body *cb, const unsigned char *p)
{
	cb->saw_cr = 0;
	if (p[0] == '\n') {
		end_line(cb, crlfs);
		return 1;
	}
	/* a bare CR is an ordinary octet */
	flush_pending(cb);
	emit(cb, "\r", 1);
	cb->line_open = 1;
	return 0;
}

/*
 * RFC 6376 §3.4.3: simple keeps every octet and drops only the empty
 * lines at the end. So only the tail of a chunk needs a look: all of it
 * before the trailing run of CRLFs goes out in one span.
 */
static void
simple_write(struct dk_canon_body *cb, const unsigned char *p, size_t n)
{
	size_t t;

	if (p[n - 1] == '\r') {
		cb->saw_cr = 1;
		n--;
	}
	for (t = n; t >= 2 && p[t - 2] == '\r' && p[t - 1] == '\n'; t -= 2)
		;
	if (t == 0) {
		/* only CRLFs: the first may close a line from earlier chunks */
		if (n > 0 && cb->line_open) {
			end_line(cb, p);
			t = 2;
		}
		cb->pending_crlf += (n - t) / 2;
		return;
	}
	/* p[t - 1] is content, so the first trailing CRLF ends its line */
	flush_pending(cb);
	if (t < n) {
		emit(cb, p, t + 2);
		cb->pending_crlf += (n - t) / 2 - 1;
		cb->line_open = 0;
	} else {
		emit(cb, p, t);
		cb->line_open = 1;
	}
}

/*
 * A stop in the relaxed content run: CR, HTAB, or an SP followed by
 * WSP, CR, or the end of the chunk (its fate is not known yet). A lone
 * SP before content is already canonical, so it stays in the span.
 */
static inline int
is_stop(const unsigned char *p, const unsigned char *end)
{
	return stop[*p] && (*p != ' ' || p + 1 == end || stop[p[1]]);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(DK_CANON_PORTABLE)
#include <immintrin.h>

#define SCAN_VECTOR	1

/*
 * On x86-64 a block is looked at as bit masks, one bit per octet: SP,
 * HTAB, CR and LF. A stop at octet i depends on octets i + 1 and i + 2,
 * so the masks of the next block are made before a block is judged, and
 * each block is loaded once. SSE2 (16 octets) is part of every x86-64
 * CPU; where the CPU has AVX2, a block is two AVX2 vectors (64 octets),
 * which takes a third fewer instructions than blocks of one.
 *
 * Inside a span, a CRLF followed by content other than WSP or CR leaves
 * the canonicalizer as it found it (the line closes, the next opens), so
 * it is not a stop here: a span runs over many lines, not one.
 */
struct scan_masks {
	uint64_t	sp, tab, cr, lf;
};

/* The stops among the first width octets of cur, next following it. */
static inline uint64_t
masks_stops(const struct scan_masks *cur, const struct scan_masks *next,
    unsigned int width)
{
	uint64_t ws, next_ws, ws1, ws2, lf1, crlf_content;

	/* ws1, ws2, lf1: octet i + 1 or i + 2 is WSP or CR, or LF */
	ws = cur->sp | cur->tab | cur->cr;
	next_ws = next->sp | next->tab | next->cr;
	ws1 = ws >> 1 | next_ws << (width - 1);
	ws2 = ws >> 2 | next_ws << (width - 2);
	lf1 = cur->lf >> 1 | next->lf << (width - 1);
	crlf_content = cur->cr & lf1 & ~ws2;
	return ((cur->tab | cur->cr) & ~crlf_content) | (cur->sp & ws1);
}

static inline void
masks16(const unsigned char *p, struct scan_masks *m)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	m->sp = (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8(' ')));
	m->tab = (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8('\t')));
	m->cr = (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8('\r')));
	m->lf = (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8('\n')));
}

#ifndef DK_CANON_SSE2
__attribute__((__target__("avx2")))
static inline void
masks32(const unsigned char *p, struct scan_masks *m)
{
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);

	m->sp = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v,
	    _mm256_set1_epi8(' ')));
	m->tab = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v,
	    _mm256_set1_epi8('\t')));
	m->cr = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v,
	    _mm256_set1_epi8('\r')));
	m->lf = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v,
	    _mm256_set1_epi8('\n')));
}

/* Two AVX2 vectors: the scalar work that judges a block, done once. */
__attribute__((__target__("avx2")))
static inline void
masks64(const unsigned char *p, struct scan_masks *m)
{
	struct scan_masks hi;

	masks32(p, m);
	masks32(p + 32, &hi);
	m->sp |= hi.sp << 32;
	m->tab |= hi.tab << 32;
	m->cr |= hi.cr << 32;
	m->lf |= hi.lf << 32;
}
#endif

/*
 * The scan is the first to read a chunk, and reads it faster than
 * memory delivers: on a body larger than the caches it spent two thirds
 * of its time waiting. Asked for this far ahead, lines come while the
 * scan works on earlier ones (the hash then reads them from cache).
 */
#define SCAN_AHEAD	4096

/*
 * Scan whole blocks while two fit before end: the first stop, or where
 * the octet-by-octet tail must go on.
 */
#define SCAN_BLOCKS(name, width, masks, attr)				\
attr static const unsigned char *					\
name(const unsigned char *p, const unsigned char *end)			\
{									\
	struct scan_masks cur, next;					\
	uint64_t stops;							\
									\
	if (end - p < 2 * (width))					\
		return p;						\
	masks(p, &cur);							\
	for (; end - p >= 2 * (width); p += (width)) {			\
		/* an address: it may lie past the buffer */		\
		__builtin_prefetch((const void *)((uintptr_t)p +	\
		    SCAN_AHEAD));					\
		masks(p + (width), &next);				\
		if ((stops = masks_stops(&cur, &next, (width))) != 0)	\
			return p + __builtin_ctzll(stops);		\
		cur = next;						\
	}								\
	return p;							\
}

SCAN_BLOCKS(scan_blocks16, 16, masks16, )
#ifndef DK_CANON_SSE2
SCAN_BLOCKS(scan_blocks64, 64, masks64, __attribute__((__target__("avx2"))))
#endif

/*
 * The runtime's CPU model is read at startup: asking costs a load.
 * DK_CANON_SSE2 keeps to SSE2, so that tests cover that path too.
 */
static const unsigned char *
scan_blocks(const unsigned char *p, const unsigned char *end)
{
#ifndef DK_CANON_SSE2
	if (__builtin_cpu_supports("avx2"))
		return scan_blocks64(p, end);
#endif
	return scan_blocks16(p, end);
}
#else
/*
 * The portable path: SWAR over eight octets. Each helper gives the high
 * bit of every matching lane and is exact per lane (no borrow crosses
 * lanes). The mask flags every control octet and every SP before one, a
 * superset of the stops, so a flagged block is looked at octet by octet.
 */
#define SCAN_WIDTH	8
#define SCAN_READ	(SCAN_WIDTH + 1)
#define LANES_LO	0x0101010101010101ULL
#define LANES_HI	0x8080808080808080ULL

/* lanes equal to c */
static inline uint64_t
lanes_eq(uint64_t w, unsigned char c)
{
	uint64_t v = w ^ (LANES_LO * c);

	return ~(((v & ~LANES_HI) + ~LANES_HI) | v) & LANES_HI;
}

/* lanes below c, for c <= 0x80 */
static inline uint64_t
lanes_lt(uint64_t w, unsigned char c)
{
	return ~((w | LANES_HI) - LANES_LO * c) & ~w & LANES_HI;
}

/* The first stop in p[0..SCAN_WIDTH), or NULL; reads SCAN_READ octets. */
static inline const unsigned char *
block_stop(const unsigned char *p)
{
	uint64_t w, next, sp;
	size_t i;

	memcpy(&w, p, 8);
	memcpy(&next, p + 1, 8);
	sp = lanes_eq(w, ' ');
	if (((lanes_lt(w, ' ' + 1) & ~sp) | (sp & lanes_lt(next, ' ' + 1)))
	    == 0)
		return NULL;
	for (i = 0; i < SCAN_WIDTH; i++)
		if (is_stop(p + i, p + SCAN_READ))
			return p + i;
	return NULL;
}
#endif

/*
 * The end of the relaxed content run at p: the first stop, or end.
 * Block by block while whole blocks can be read, then octet by octet.
 */
static const unsigned char *
scan_content(const unsigned char *p, const unsigned char *end)
{
#ifdef SCAN_VECTOR
	p = scan_blocks(p, end);
#else
	const unsigned char *q;

	for (; end - p >= SCAN_READ; p += SCAN_WIDTH)
		if ((q = block_stop(p)) != NULL)
			return q;
#endif
	for (; p < end; p++)
		if (is_stop(p, end))
			return p;
	return p;
}

/* Content at p: what was held is inner after all; start a span. */
static void
open_span(struct dk_canon_body *cb, const unsigned char **span,
    const unsigned char *p)
{
	if (*span == NULL) {
		flush_pending(cb);
		*span = p;
	}
	cb->line_open = 1;
}

static void
close_span(struct dk_canon_body *cb, const unsigned char **span,
    const unsigned char *p)
{
	if (*span != NULL)
		emit(cb, *span, (size_t)(p - *span));
	*span = NULL;
}

/* A CR at p in a relaxed chunk ending at end; returns where to go on. */
static const unsigned char *
relaxed_cr(struct dk_canon_body *cb, const unsigned char **span,
    const unsigned char *p, const unsigned char *end)
{
	if (p + 1 == end) {
		close_span(cb, span, p);
		cb->saw_cr = 1;
		return end;
	}
	if (p[1] != '\n') {
		/* a bare CR is content */
		open_span(cb, span, p);
		return p + 1;
	}
	if (cb->line_open) {
		/* §3.4.4: WSP before it is deleted; the CRLF joins the span */
		cb->pending_wsp = 0;
		cb->line_open = 0;
		if (*span == NULL)
			*span = p;
	} else {
		close_span(cb, span, p);
		end_line(cb, p);
	}
	return p + 2;
}

/*
 * RFC 6376 §3.4.4. Output goes in spans of the input; while a span is
 * open, nothing is pending.
 */
static void
relaxed_write(struct dk_canon_body *cb, const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n, *span = NULL, *q;

	while (p < end) {
		/*
		 * With no span open, WSP may continue a run held earlier,
		 * and a CR may end a line that has one: scans start at
		 * content, so that a CRLF the scan runs over follows it.
		 */
		q = span != NULL || !stop[*p] ? scan_content(p, end) : p;
		if (q > p) {
			open_span(cb, &span, p);
			p = q;
		} else if (*p == '\r')
			p = relaxed_cr(cb, &span, p, end);
		else {
			/* one SP or none: known at the next content or CRLF */
			for (q = p + 1; q < end && (*q == ' ' || *q == '\t');
			    q++)
				;
			close_span(cb, &span, p);
			cb->pending_wsp = 1;
			p = q;
		}
	}
	close_span(cb, &span, p);
}

void
dk_canon_body_init(struct dk_canon_body *cb, enum dk_canon mode,
    uint64_t limit, dk_sink_fn *sink, void *arg)
{
	memset(cb, 0, sizeof(*cb));
	cb->sink = sink;
	cb->sink_arg = arg;
	cb->limit = limit;
	/* dkimkit.h: DK_CANON_DEFAULT is relaxed */
	cb->mode = mode == DK_CANON_SIMPLE ? DK_CANON_SIMPLE :
	    DK_CANON_RELAXED;
}

void
dk_canon_body_write(struct dk_canon_body *cb, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t used;

	if (cb->ended || len == 0)
		return;
	if (cb->saw_cr) {
		used = settle_cr(cb, p);
		p += used;
		len -= used;
		if (len == 0)
			return;
	}
	if (cb->mode == DK_CANON_SIMPLE)
		simple_write(cb, p, len);
	else
		relaxed_write(cb, p, len);
}

void
dk_canon_body_end(struct dk_canon_body *cb)
{
	if (cb->ended)
		return;
	cb->ended = 1;
	if (cb->saw_cr) {
		/* a CR ending the body is content, not half a CRLF */
		cb->saw_cr = 0;
		flush_pending(cb);
		emit(cb, "\r", 1);
		cb->line_open = 1;
	}
	if (cb->pending_wsp) {
		/*
		 * §3.4.4 deletes WSP at the end of lines, and a last line
		 * without CRLF is not one yet: its WSP run stays, as one SP,
		 * and the CRLF comes after it (as dkimpy does).
		 */
		flush_pending(cb);
		cb->line_open = 1;
	}
	if (cb->line_open) {
		/* §3.4.3, §3.4.4: a last line without CRLF gets one */
		emit(cb, crlfs, 2);
		cb->line_open = 0;
	} else if (cb->mode == DK_CANON_SIMPLE && cb->total == 0) {
		/* §3.4.3: an empty body is one CRLF */
		emit(cb, crlfs, 2);
	}
}
