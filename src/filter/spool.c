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
 * The message spool. A signature goes on top of the message, and it is
 * known only once the whole message has been seen, so every data-line is
 * held until the final ".". The lines are kept as smtpd sent them
 * (dot-stuffed, each ending in '\n'): in memory up to sp->max bytes,
 * then in a temporary file that is unlinked at once, so memory per
 * session stays bounded whatever the message size, and nothing is left
 * on disk when the process ends. The memory buffer then serves as the
 * file's write buffer. Every spool's buffer also counts against one
 * bound for the whole process (memory-max, struct spool_mem), with each
 * message's own state (msg.c): when it is reached, a spool that would
 * grow spills to its file instead, and one that holds no memory yet
 * writes each line straight to the file. So memory stays bounded
 * whatever the number of sessions.
 */

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "filter.h"
#include "../policy/log.h"

/*
 * A buffer grows in three sizes only: a first chunk (most messages fit),
 * a middle step, then the bound. Doubling through every size in between
 * left holes of many sizes in the heap, which other sessions could not
 * reuse: with 1,000 sessions it cost a third more than memory-max.
 * Above glibc's mmap threshold (128 KiB) the last step is a mapping of
 * its own, resident only as far as it is written.
 */
#define SPOOL_CHUNK	4096
#define SPOOL_STEP	(64 * 1024)
#define SPOOL_TEMPLATE	"/filter-dkim.XXXXXXXXXX"

/* The fault hook (tests): 0, or -1 with errno as it would fail. */
static int
fault(const struct spool *sp, enum spool_op op)
{
	int e;

	if (sp->fault == NULL || (e = sp->fault(sp->fault_arg, op)) == 0)
		return 0;
	errno = e;
	return -1;
}

static int
spool_open(struct spool *sp, const char *dir)
{
	char path[PATH_MAX];
	int fd;

	if (fault(sp, SPOOL_OPEN) == -1)
		return -1;
	if ((size_t)snprintf(path, sizeof(path), "%s%s", dir,
	    SPOOL_TEMPLATE) >= sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = mkstemp(path)) == -1)
		return -1;
	/* unlinked at once: the data goes with the descriptor */
	(void)unlink(path);
	sp->fd = fd;
	return 0;
}

static int
write_all(const struct spool *sp, const char *buf, size_t len)
{
	ssize_t n;

	if (fault(sp, SPOOL_WRITE) == -1)
		return -1;
	while (len > 0) {
		if ((n = write(sp->fd, buf, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Move what memory holds to the file. */
static int
spool_spill(struct spool *sp, const char *dir)
{
	if (sp->fd == -1 && spool_open(sp, dir) == -1)
		return -1;
	if (write_all(sp, sp->buf, sp->len) == -1)
		return -1;
	sp->flen += sp->len;
	sp->len = 0;
	return 0;
}

/*
 * What the shared bound leaves for this spool to grow by. Spools stop a
 * quarter short of it: they can spill to disk, messages' own state
 * cannot, so large messages in flight never leave a new one no room
 * for its state (and a 451).
 */
static size_t
mem_room(const struct spool *sp)
{
	size_t limit;

	if (sp->mem == NULL)
		return SIZE_MAX;
	limit = sp->mem->max - sp->mem->max / 4;
	return sp->mem->used < limit ? limit - sp->mem->used : 0;
}

/*
 * Grow the buffer towards room for need more bytes, within sp->max and
 * the shared bound; it may stay as it was. -1 with errno: no memory.
 */
static int
spool_grow(struct spool *sp, size_t need)
{
	char *nb;
	size_t ncap, room = mem_room(sp);

	if (sp->cap == 0 && need <= SPOOL_CHUNK)
		ncap = SPOOL_CHUNK;
	else if (sp->cap < SPOOL_STEP && sp->len + need <= SPOOL_STEP)
		ncap = SPOOL_STEP;
	else
		ncap = sp->max;
	if (ncap > sp->max)
		ncap = sp->max;
	if (ncap - sp->cap > room)
		ncap = sp->cap + room;
	if (ncap <= sp->cap)
		return 0;
	if (fault(sp, SPOOL_ALLOC) == -1 ||
	    (nb = realloc(sp->buf, ncap)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if (sp->mem != NULL)
		sp->mem->used += ncap - sp->cap;
	sp->buf = nb;
	sp->cap = ncap;
	return 0;
}

static void
spool_put(struct spool *sp, const char *line, size_t len)
{
	memcpy(sp->buf + sp->len, line, len);
	sp->buf[sp->len + len] = '\n';
	sp->len += len + 1;
}

/*
 * Append line[0..len) and a newline. Returns 0, or -1 with errno (no
 * memory, or the temporary file could not be made or written).
 */
int
dk_filter_spool_line(struct spool *sp, const char *dir, const char *line,
    size_t len)
{
	size_t need = len + 1;

	if (sp->cap - sp->len >= need) {
		spool_put(sp, line, len);
		return 0;
	}
	if (sp->cap < sp->max && spool_grow(sp, need) == -1)
		return -1;
	if (sp->cap - sp->len < need && sp->len > 0 &&
	    spool_spill(sp, dir) == -1)
		return -1;
	if (sp->cap - sp->len >= need) {
		spool_put(sp, line, len);
		return 0;
	}
	/*
	 * A line longer than the whole bound, or no memory left under the
	 * shared bound: straight to the file.
	 */
	if ((sp->fd == -1 && spool_open(sp, dir) == -1) ||
	    write_all(sp, line, len) == -1 ||
	    write_all(sp, "\n", 1) == -1)
		return -1;
	sp->flen += need;
	return 0;
}

/* Call fn for each whole line of buf[0..len); *used: bytes consumed. */
static int
lines_each(const char *buf, size_t len, size_t *used,
    int (*fn)(void *, const char *, size_t), void *arg)
{
	const char *p = buf, *nl;

	while ((nl = memchr(p, '\n', len - (size_t)(p - buf))) != NULL) {
		if (fn(arg, p, (size_t)(nl - p)) == -1)
			return -1;
		p = nl + 1;
	}
	*used = (size_t)(p - buf);
	return 0;
}

/* The file part, read in blocks into scratch (FILTER_SCRATCH bytes). */
static int
file_lines(const struct spool *sp, char *scratch,
    int (*fn)(void *, const char *, size_t), void *arg)
{
	uint64_t off = 0;
	size_t have = 0, used;
	ssize_t n;

	while (off < sp->flen) {
		if (fault(sp, SPOOL_READ) == -1)
			return -1;
		if ((n = pread(sp->fd, scratch + have, FILTER_SCRATCH - have,
		    (off_t)off)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			errno = EIO;	/* the file shrank under us */
			return -1;
		}
		off += (uint64_t)n;
		have += (size_t)n;
		if (lines_each(scratch, have, &used, fn, arg) == -1)
			return -1;
		if (used == 0 && have == FILTER_SCRATCH) {
			errno = EOVERFLOW;	/* a line over the bound */
			return -1;
		}
		memmove(scratch, scratch + used, have - used);
		have -= used;
	}
	return 0;
}

/*
 * Call fn(arg, line, len) for every line, in order, without its newline.
 * Returns 0, or -1 with errno when reading failed or fn returned -1.
 */
int
dk_filter_spool_lines(const struct spool *sp, char *scratch,
    int (*fn)(void *, const char *, size_t), void *arg)
{
	size_t used;

	if (sp->fd != -1 && file_lines(sp, scratch, fn, arg) == -1)
		return -1;
	if (sp->len == 0)
		return 0;
	return lines_each(sp->buf, sp->len, &used, fn, arg);
}

void
dk_filter_spool_free(struct spool *sp)
{
	if (sp->mem != NULL)
		sp->mem->used -= sp->cap;
	free(sp->buf);
	if (sp->fd != -1)
		(void)close(sp->fd);
	sp->buf = NULL;
	sp->len = sp->cap = 0;
	sp->fd = -1;
	sp->flen = 0;
}

int
dk_filter_mem_take(struct spool_mem *mem, size_t n)
{
	if (mem->used > mem->max || n > mem->max - mem->used)
		return -1;
	mem->used += n;
	return 0;
}

void
dk_filter_mem_give(struct spool_mem *mem, size_t n)
{
	mem->used -= n;
}
