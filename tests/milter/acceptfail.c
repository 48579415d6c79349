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
 * For tests/milter/acceptretry.py: loaded with LD_PRELOAD, it fails the
 * first $ACCEPT_FAILS calls of accept() with ENFILE, the system's file
 * table full, and leaves the connection queued, as the kernel does.
 */

#include <sys/socket.h>

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>

int
accept(int fd, struct sockaddr *sa, socklen_t *len)
{
	static int (*real)(int, struct sockaddr *, socklen_t *);
	static int failed;
	const char *fails = getenv("ACCEPT_FAILS");

	if (real == NULL && (real = (int (*)(int, struct sockaddr *,
	    socklen_t *))dlsym(RTLD_NEXT, "accept")) == NULL)
		abort();
	if (fails != NULL && failed < atoi(fails)) {
		failed++;
		errno = ENFILE;
		return -1;
	}
	return real(fd, sa, len);
}
