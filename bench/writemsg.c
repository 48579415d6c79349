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
 * writemsg DIR: write the benchmark messages, DIR/SIZE.eml for every
 * size of dk_bench_sizes, so that the peers written in other languages
 * (bench/peer_*) measure the very bytes the C programs do.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

int
main(int argc, char **argv)
{
	char path[4096], *msg;
	FILE *fp;
	size_t i;

	if (argc != 2) {
		fprintf(stderr, "usage: writemsg DIR\n");
		return 64;
	}
	for (i = 0; i < DK_BENCH_NSIZES; i++) {
		snprintf(path, sizeof(path), "%s/%zu.eml", argv[1],
		    dk_bench_sizes[i]);
		msg = dk_bench_message(dk_bench_sizes[i]);
		if ((fp = fopen(path, "wb")) == NULL ||
		    fwrite(msg, 1, dk_bench_sizes[i], fp) !=
		    dk_bench_sizes[i] || fclose(fp) != 0) {
			perror(path);
			return 73;
		}
		free(msg);
	}
	return 0;
}
