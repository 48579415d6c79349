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

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

void
dk_fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
	abort();
}

void
dk_fuzz_buf_init(struct dk_fuzz_buf *b, size_t cap)
{
	b->len = 0;
	b->cap = cap;
	/* one more byte so that a zero cap still gives a pointer */
	if ((b->p = malloc(cap + 1)) == NULL)
		abort();
}

void
dk_fuzz_buf_free(struct dk_fuzz_buf *b)
{
	free(b->p);
	b->p = NULL;
}

void
dk_fuzz_sink(void *arg, const void *buf, size_t len)
{
	struct dk_fuzz_buf *b = arg;

	DK_FUZZ_CHECK(len <= b->cap - b->len);
	if (len > 0)
		memcpy(b->p + b->len, buf, len);
	b->len += len;
}

int
dk_fuzz_buf_eq(const struct dk_fuzz_buf *a, const struct dk_fuzz_buf *b)
{
	return a->len == b->len && memcmp(a->p, b->p, a->len) == 0;
}

void
dk_fuzz_chunker_init(struct dk_fuzz_chunker *c, const uint8_t **data,
    size_t *size)
{
	size_t n;

	n = *size < DK_FUZZ_NSIZES ? *size : DK_FUZZ_NSIZES;
	memset(c->sizes, 0, sizeof(c->sizes));
	if (n > 0)
		memcpy(c->sizes, *data, n);
	c->next = 0;
	*data += n;
	*size -= n;
}

size_t
dk_fuzz_chunk(struct dk_fuzz_chunker *c, size_t left)
{
	size_t n;

	n = (size_t)c->sizes[c->next] + 1;
	c->next = (c->next + 1) % DK_FUZZ_NSIZES;
	return n < left ? n : left;
}

const char *
dk_fuzz_tmpdir(void)
{
	struct stat st;

	if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
	    access("/dev/shm", W_OK) == 0)
		return "/dev/shm";
	return "/tmp";
}

void
dk_fuzz_conf_write(char *path, const char *name, const char *text)
{
	FILE *f;
	int fd;

	(void)snprintf(path, DK_FUZZ_PATH_MAX, "%s/%s.XXXXXX",
	    dk_fuzz_tmpdir(), name);
	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL ||
	    fprintf(f, "%sspool-dir %s\n", text, dk_fuzz_tmpdir()) < 0 ||
	    fclose(f) == EOF) {
		perror(path);
		exit(1);
	}
}
