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
 * The -p socket spec: unix:PATH, local:PATH or /PATH, or inet:PORT[@ADDR]
 * or inet6:PORT[@ADDR] as OpenDKIM spells them. It is parsed and checked
 * without opening anything, so that the check mode (-n) finds a spec
 * that cannot work, and the daemon refuses it before it loads keys.
 */

#ifndef DK_MILTER_SOCKSPEC_H
#define DK_MILTER_SOCKSPEC_H

#include <stddef.h>

struct addrinfo;

struct sockspec {
	const char	*path;	/* a Unix socket's path, or NULL */
	struct addrinfo	*ai;	/* else where to bind; freeaddrinfo(3) it */
};

/*
 * Parse spec into *sp. A Unix path must fit a socket address, lie in a
 * directory that exists, and name nothing or a socket (a stale one is
 * replaced when listening); a port is a number from 1 to 65535; an
 * address must resolve. 0, or -1 with the spec, the reason and the fix
 * in err.
 */
int	dk_milter_sockspec(const char *spec, struct sockspec *sp, char *err,
	    size_t errlen);

#endif
