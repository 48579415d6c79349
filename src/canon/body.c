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
 * SWAR over eight octets. Each returns the high bit of every matching
 * lane and is exact per lane (no borrow crosses lanes), so the masks
 * combine with & and |.
 */
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

/*
 * The end of the relaxed content run at p: the first CR, HTAB, or SP that
 * is not a lone SP before content (that one is already canonical, so it
 * stays in the span). Eight octets at a time; a word holding a control
 * octet or an SP before one is looked at one octet at a time.
 */
static const unsigned char *
scan_content(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *word_end;
	uint64_t w, next, sp;

	for (;;) {
		while (end - p > 8) {
			memcpy(&w, p, 8);
			memcpy(&next, p + 1, 8);
			sp = lanes_eq(w, ' ');
			if (((lanes_lt(w, ' ' + 1) & ~sp) |
			    (sp & lanes_lt(next, ' ' + 1))) != 0)
				break;
			p += 8;
		}
		word_end = end - p > 8 ? p + 8 : end;
		for (; p < word_end; p++)
			if (stop[*p] &&
			    (*p != ' ' || p + 1 == end || stop[p[1]]))
				return p;
		if (p == end)
			return p;
	}
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
		/* an SP with no span open may continue a run held earlier */
		q = span != NULL || *p != ' ' ? scan_content(p, end) : p;
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
