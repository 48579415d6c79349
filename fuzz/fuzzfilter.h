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

#ifndef DK_FUZZFILTER_H
#define DK_FUZZFILTER_H

#include <stdint.h>

struct filter;
struct out;

/*
 * What filter-dkim's main loop does between lines, at time now: the
 * resolver's answers and timeouts, the verifications waiting on them,
 * the message timers. check then sees everything the filter wrote
 * (a finding aborts), and the output is flushed.
 */
void	dk_fuzz_filter_pump(struct filter *f, int64_t now,
	    void (*check)(const struct out *));

#endif /* DK_FUZZFILTER_H */
