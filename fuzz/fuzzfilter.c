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
 * The part of filter-dkim's main loop that runs between protocol lines,
 * for the targets that drive the filter without its main().
 */

#include <stdint.h>

#include "../src/filter/filter.h"
#include "fuzz.h"
#include "fuzzfilter.h"

void
dk_fuzz_filter_pump(struct filter *f, int64_t now,
    void (*check)(const struct out *))
{
	f->now = now;
	dk_resolver_process(f->resolver, NULL, 0, f->now);
	dk_filter_verify_dns(f);
	dk_filter_verify_timers(f);
	check(&f->out);
	DK_FUZZ_CHECK(dk_filter_out_flush(&f->out) == 0);
}
