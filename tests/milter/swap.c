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
 * An attacker's move, for tests/milter/run.sh: loaded with LD_PRELOAD
 * into dkimkit-milter -u, it waits for the listen() on the unix
 * socket, then puts a link to $SWAP_VICTIM where the socket was, as a
 * local user who may write the socket's directory could between the
 * bind and the chown: a hard link when $SWAP_LINK is "hardlink", else
 * a symlink. The milter must refuse to go on, and chown neither.
 */

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
listen(int fd, int backlog)
{
	static int (*real)(int, int);
	struct sockaddr_un sun;
	socklen_t len = sizeof(sun);
	const char *victim = getenv("SWAP_VICTIM");
	const char *how = getenv("SWAP_LINK");
	int hard = how != NULL && strcmp(how, "hardlink") == 0;

	if (real == NULL &&
	    (real = (int (*)(int, int))dlsym(RTLD_NEXT, "listen")) == NULL)
		abort();
	if (real(fd, backlog) == -1)
		return -1;
	if (victim != NULL &&
	    getsockname(fd, (struct sockaddr *)&sun, &len) == 0 &&
	    sun.sun_family == AF_UNIX && sun.sun_path[0] != '\0' &&
	    (unlink(sun.sun_path) == -1 || (hard ?
	    link(victim, sun.sun_path) : symlink(victim, sun.sun_path)) == -1))
		abort();
	return 0;
}
