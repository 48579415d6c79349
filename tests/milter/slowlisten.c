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
 * For tests/milter/run.sh: loaded with LD_PRELOAD, it waits
 * $SLOW_LISTEN seconds between the bind() of a socket and its listen(),
 * the moment in which a second milter starting on the same path finds
 * a socket that refuses connections, as a stale one does.
 */

#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

int
listen(int fd, int backlog)
{
	static int (*real)(int, int);
	const char *secs = getenv("SLOW_LISTEN");

	if (real == NULL &&
	    (real = (int (*)(int, int))dlsym(RTLD_NEXT, "listen")) == NULL)
		abort();
	if (secs != NULL)
		(void)sleep((unsigned)atoi(secs));
	return real(fd, backlog);
}
