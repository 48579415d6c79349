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
 * For the daemons' SIGHUP tests: loaded with LD_PRELOAD, it raises
 * SIGHUP once, just after the first open() of $HUP_ON_OPEN succeeds, so
 * the signal comes while the configuration loads at startup. The daemon
 * must stay up and take it as a reload. The daemons are built without
 * _FILE_OFFSET_BITS, so they call open(), not open64() (nm -D).
 */

#define _GNU_SOURCE	/* O_TMPFILE */

#include <sys/types.h>

#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef int (*open_fn)(const char *, int, ...);

int
open(const char *path, int flags, ...)
{
	static int raised;
	const char *want = getenv("HUP_ON_OPEN");
	open_fn real;
	mode_t mode = 0;
	va_list ap;
	int fd;

	if ((real = (open_fn)dlsym(RTLD_NEXT, "open")) == NULL)
		abort();
	/* O_TMPFILE holds O_DIRECTORY's bit: all of it, or no mode */
	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	fd = real(path, flags, mode);
	if (fd != -1 && !raised && want != NULL && strcmp(path, want) == 0) {
		raised = 1;
		(void)raise(SIGHUP);
	}
	return fd;
}
