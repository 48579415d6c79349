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
 * src/canon: RFC 6376 §3.4 canonicalization. It knows nothing of DKIM
 * tags or hashing: output goes to a sink function, so the body is never
 * copied. No allocation.
 */

#ifndef DK_CANON_H
#define DK_CANON_H

#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"

typedef void	dk_sink_fn(void *arg, const void *buf, size_t len);

/*
 * Canonicalize one header field, field[0..len): its name, the colon and
 * its value, with any folding CRLFs inside, but without the CRLF that
 * ends it. mode is DK_CANON_SIMPLE or DK_CANON_RELAXED (§3.4.1, §3.4.2).
 * When crlf is set, a CRLF is emitted after the field: the DKIM-Signature
 * field being verified or signed is hashed without one (§3.7).
 */
void	dk_canon_header(enum dk_canon mode, const char *field, size_t len,
	    int crlf, dk_sink_fn *sink, void *arg);

/*
 * The streaming body canonicalizer (§3.4.3, §3.4.4). Input may be split
 * at any byte: a CR at the end of one chunk, a run of whitespace, or
 * empty lines whose fate is not yet known are carried to the next chunk.
 * limit caps the output octets (l=, counted after canonicalization,
 * §3.5); UINT64_MAX means no limit. emitted counts octets given to the
 * sink; total counts every octet the canonicalizer produced, so that
 * total - emitted is the part of the body that l= leaves unsigned.
 * Other modules read only limit, emitted and total.
 */
struct dk_canon_body {
	dk_sink_fn	*sink;
	void		*sink_arg;
	uint64_t	 limit;
	uint64_t	 emitted;
	uint64_t	 total;
	uint64_t	 pending_crlf;	/* empty lines not yet known inner */
	unsigned char	 pending_wsp;	/* relaxed: a WSP run not yet known
					 * to be inside a line */
	unsigned char	 mode;
	unsigned char	 saw_cr;	/* last input byte was CR */
	unsigned char	 line_open;	/* bytes seen since the last CRLF */
	unsigned char	 ended;
};

void	dk_canon_body_init(struct dk_canon_body *cb, enum dk_canon mode,
	    uint64_t limit, dk_sink_fn *sink, void *arg);
void	dk_canon_body_write(struct dk_canon_body *cb, const void *buf,
	    size_t len);
void	dk_canon_body_end(struct dk_canon_body *cb);

#endif /* DK_CANON_H */
