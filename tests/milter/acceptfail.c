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
 * Loaded with LD_PRELOAD, it makes the milter's accept path fail:
 * - for tests/milter/acceptretry.py, $ACCEPT_FAILS calls of accept(),
 *   after the first $ACCEPT_FAIL_AFTER connections (0 if unset) are
 *   taken, fail with ENFILE, the system's file table full, and leave
 *   the connection queued, as the kernel does;
 * - for tests/milter/evictorder.py, the fcntl(F_SETFL) of the
 *   $SETFL_FAIL_AT-th connection accepted fails with EINVAL.
 */

#include <sys/socket.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>

static int	doomed = -1;	/* the descriptor whose F_SETFL fails */

int
accept(int fd, struct sockaddr *sa, socklen_t *len)
{
	static int (*real)(int, struct sockaddr *, socklen_t *);
	static int failed, accepted;
	const char *fails = getenv("ACCEPT_FAILS");
	const char *at = getenv("SETFL_FAIL_AT");
	const char *after = getenv("ACCEPT_FAIL_AFTER");
	int c;

	if (real == NULL && (real = (int (*)(int, struct sockaddr *,
	    socklen_t *))dlsym(RTLD_NEXT, "accept")) == NULL)
		abort();
	if (fails != NULL && failed < atoi(fails) &&
	    (after == NULL || accepted >= atoi(after))) {
		failed++;
		errno = ENFILE;
		return -1;
	}
	if ((c = real(fd, sa, len)) != -1 && ++accepted == (at != NULL ?
	    atoi(at) : -1))
		doomed = c;
	return c;
}

int
fcntl(int fd, int cmd, ...)
{
	static int (*real)(int, int, ...);
	va_list ap;
	void *arg;

	if (real == NULL && (real = (int (*)(int, int, ...))dlsym(RTLD_NEXT,
	    "fcntl")) == NULL)
		abort();
	/* every command the milter uses takes one argument or none */
	va_start(ap, cmd);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (fd == doomed && cmd == F_SETFL) {
		doomed = -1;
		errno = EINVAL;
		return -1;
	}
	return real(fd, cmd, arg);
}
