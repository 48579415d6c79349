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
 * The -p socket spec: unix:PATH, local:PATH or a path starting with "/",
 * or inet:PORT[@ADDR] or inet6:PORT[@ADDR] as OpenDKIM spells them, ADDR
 * perhaps in brackets. It is parsed and checked before the socket is
 * made, so that the check mode (-n) finds a spec that cannot work and
 * the daemon refuses it before it loads the keys.
 */

#ifndef DK_MILTER_SOCKSPEC_H
#define DK_MILTER_SOCKSPEC_H

#include <stddef.h>

struct addrinfo;

struct sockspec {
	const char	*path;	/* a Unix socket's path, in the spec; or NULL */
	struct addrinfo	*ai;	/* else the addresses, of which the first
				 * is bound; freeaddrinfo(3) them */
};

/*
 * Parse spec into *sp. A Unix path must fit a socket address (107 bytes
 * on Linux, 103 on the BSDs), name a file rather than a directory, lie in
 * a directory that exists, and name nothing or a socket (a stale one is
 * replaced when listening). A port is a number from 1 to 65535. ADDR is
 * given to getaddrinfo(3), which may read /etc/hosts or ask DNS, unless
 * it is in brackets, which take only a numeric address; it must be of
 * the spec's family and one of this host's, as a bind to its port 0
 * tells (the port itself is tried only when the milter listens).
 * Without ADDR, the socket takes every address. 0, or -1 with the spec,
 * the reason and, where one is known, the fix in err (and *sp undefined).
 */
int	dk_milter_sockspec(const char *spec, struct sockspec *sp, char *err,
	    size_t errlen);

/* The directory a socket path is made in, into dir: "." for a bare name. */
void	dk_milter_sock_dir(const char *path, char *dir, size_t len);

#endif
