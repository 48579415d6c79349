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
 * Fuzz filter-dkim's configuration loader (src/policy/config.c) the way
 * filter-dkim runs it: the input is written to a file, and
 * dk_policy_config_load() reads it as -f, with command-line options
 * chosen by a flags byte in front:
 *	bit 0	-m sign
 *	bit 1	-r
 *	bit 2	-h from:to
 *	bit 3	-c simple/simple
 * Other bits are ignored (the seeds set 0x40, so that none is NUL).
 * Key lines name key files relative to the top of the tree (the seeds
 * use vectors/rfc); an input whose key line names an absolute path or
 * one with ".." is skipped, because opening /dev/stdin or a FIFO would
 * block the run. Checks: no exit, and a configuration that loads holds
 * what the rest of filter-dkim relies on; freeing it leaves nothing
 * (ASan).
 */

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/filter/filter.h"
#include "fuzz.h"

#define FLAG_SIGN	0x01
#define FLAG_REJECT	0x02
#define FLAG_HEADERS	0x04
#define FLAG_CANON	0x08

static char	path[DK_FUZZ_PATH_MAX];
static int	fd = -1;

/*
 * Nonzero when a line of buf[0..len) is a key line (its first word, as
 * config.c's file_line() cuts it, holds a colon) whose file is outside
 * the tree.
 */
static int
names_outside(const uint8_t *buf, size_t len)
{
	const uint8_t *p = buf, *end = buf + len, *w, *we, *c;
	size_t colons;

	while (p < end) {
		while (p < end && *p != '\n' && isspace(*p))
			p++;
		for (w = p; p < end && *p != '\n' && *p != '\0' &&
		    !isspace(*p); p++)
			;
		we = p;
		for (colons = 0, c = w; c < we && colons < 2; c++)
			if (*c == ':')
				colons++;
		if (colons > 0 && ((c < we && *c == '/') ||
		    memmem(w, (size_t)(we - w), "..", 2) != NULL))
			return 1;
		while (p < end && *p != '\n')
			p++;
		if (p < end)
			p++;
	}
	return 0;
}

static void
check_config(const struct config *c)
{
	size_t i;

	DK_FUZZ_CHECK(c->refs == 1);
	DK_FUZZ_CHECK(c->nkeys <= POLICY_KEYS_MAX);
	DK_FUZZ_CHECK(c->nnets <= POLICY_NETS_MAX);
	DK_FUZZ_CHECK(c->spool_dir != NULL && c->spool_dir[0] == '/');
	DK_FUZZ_CHECK(c->hcanon == DK_CANON_SIMPLE ||
	    c->hcanon == DK_CANON_RELAXED);
	DK_FUZZ_CHECK(c->bcanon == DK_CANON_SIMPLE ||
	    c->bcanon == DK_CANON_RELAXED);
	for (i = 0; i < c->nkeys; i++)
		DK_FUZZ_CHECK(c->keys[i].key != NULL &&
		    c->keys[i].domain[0] != '\0' &&
		    c->keys[i].selector[0] != '\0');
	for (i = 0; c->headers != NULL && c->headers[i] != NULL; i++)
		DK_FUZZ_CHECK(c->headers[i][0] != '\0');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct args a;
	struct config *c = NULL;
	uint8_t flags;

	if (size < 1 || size > POLICY_CONF_MAX + 1)
		return 0;
	flags = data[0];
	data++;
	size--;
	if (names_outside(data, size))
		return 0;
	if (ftruncate(fd, 0) == -1 ||
	    pwrite(fd, data, size, 0) != (ssize_t)size) {
		perror(path);
		abort();
	}
	memset(&a, 0, sizeof(a));
	a.file = path;
	a.mode = flags & FLAG_SIGN ? "sign" : NULL;
	a.reject = (flags & FLAG_REJECT) != 0;
	a.headers = flags & FLAG_HEADERS ? "from:to" : NULL;
	a.canon = flags & FLAG_CANON ? "simple/simple" : NULL;
	if (dk_policy_config_load(&a, &c) == 0) {
		check_config(c);
		dk_policy_config_unref(c);
	}
	return 0;
}

static void
cleanup(void)
{
	(void)unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	(void)snprintf(path, sizeof(path), "%s/fuzz_config.XXXXXX",
	    dk_fuzz_tmpdir());
	if ((fd = mkstemp(path)) == -1) {
		perror(path);
		exit(1);
	}
	atexit(cleanup);
	return 0;
}
