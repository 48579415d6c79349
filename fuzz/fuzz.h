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
 * Helpers shared by the libFuzzer targets in this folder: the entry
 * points' prototypes, a check that aborts (so that libFuzzer keeps the
 * input as a crash), a sink that collects canonicalizer output, a
 * chunker that splits an input at offsets taken from the input itself,
 * and the files that the filter-dkim targets read and write.
 */

#ifndef DK_FUZZ_H
#define DK_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv);

#define DK_FUZZ_CHECK(c) do {						\
	if (!(c))							\
		dk_fuzz_fail(__FILE__, __LINE__, #c);			\
} while (0)

void	dk_fuzz_fail(const char *file, int line, const char *what)
	    __attribute__((__noreturn__));

/*
 * Output of a canonicalizer. cap is the most the code under test may
 * write for the input at hand; writing more is a finding.
 */
struct dk_fuzz_buf {
	uint8_t	*p;
	size_t	 len;
	size_t	 cap;
};

void	dk_fuzz_buf_init(struct dk_fuzz_buf *b, size_t cap);
void	dk_fuzz_buf_free(struct dk_fuzz_buf *b);
/* A dk_sink_fn (src/canon/canon.h): arg is a struct dk_fuzz_buf. */
void	dk_fuzz_sink(void *arg, const void *buf, size_t len);
/* Nonzero when both buffers hold the same bytes. */
int	dk_fuzz_buf_eq(const struct dk_fuzz_buf *a, const struct dk_fuzz_buf *b);

/*
 * Chunk sizes for feeding a stream: DK_FUZZ_NSIZES bytes taken from the
 * front of the input, used in turn. A size byte s gives a chunk of
 * s + 1 bytes, so that 1-byte chunks (the hardest case) are common.
 */
#define DK_FUZZ_NSIZES	8

struct dk_fuzz_chunker {
	uint8_t	 sizes[DK_FUZZ_NSIZES];
	size_t	 next;
};

/*
 * Take the sizes from the front of *data (zero-filled when it is short)
 * and advance *data and *size past them.
 */
void	dk_fuzz_chunker_init(struct dk_fuzz_chunker *c, const uint8_t **data,
	    size_t *size);
/* The size of the next chunk, at most left. */
size_t	dk_fuzz_chunk(struct dk_fuzz_chunker *c, size_t left);

/*
 * A directory for the targets' files: /dev/shm when it is a writable
 * directory (a tmpfs on Linux, so that the spool files and the
 * configuration written per run never wait for a disk), else /tmp.
 */
const char	*dk_fuzz_tmpdir(void);

#define DK_FUZZ_PATH_MAX	64

/*
 * Write a filter-dkim configuration file of text and a spool-dir line
 * naming dk_fuzz_tmpdir(), as DIR/NAME.XXXXXX; its path goes to path
 * (DK_FUZZ_PATH_MAX bytes). Exits when that fails.
 */
void	dk_fuzz_conf_write(char *path, const char *name, const char *text);

#endif /* DK_FUZZ_H */
