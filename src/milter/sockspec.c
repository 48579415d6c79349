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

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sockspec.h"

#define SPEC_MAX	256

static int
spec_error(char *err, size_t errlen, const char *spec, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(err, errlen, "-p %s: ", spec);
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < errlen)
		(void)vsnprintf(err + n, errlen - n, fmt, ap);
	va_end(ap);
	return -1;
}

/* The directory a socket path is made in: "." for a bare name. */
static void
parent_dir(const char *path, char *dir, size_t len)
{
	char *slash;

	(void)snprintf(dir, len, "%s", path);
	if ((slash = strrchr(dir, '/')) == NULL)
		(void)snprintf(dir, len, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
}

static int
unix_spec(const char *spec, const char *path, struct sockspec *sp,
    char *err, size_t errlen)
{
	struct sockaddr_un sun;
	struct stat st;
	char dir[sizeof(sun.sun_path)];

	if (path[0] == '\0')
		return spec_error(err, errlen, spec, "no path; write "
		    "unix:/PATH, as in unix:/run/dkimkit/milter.sock");
	if (strlen(path) >= sizeof(sun.sun_path))
		return spec_error(err, errlen, spec, "a socket path has at "
		    "most %zu bytes; choose a shorter one",
		    sizeof(sun.sun_path) - 1);
	parent_dir(path, dir, sizeof(dir));
	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
		return spec_error(err, errlen, spec, "directory %s is not "
		    "there; create it or choose another -p", dir);
	if (lstat(path, &st) == 0 && !S_ISSOCK(st.st_mode))
		return spec_error(err, errlen, spec, "exists and is not a "
		    "socket; remove it or choose another -p");
	sp->path = path;
	sp->ai = NULL;
	return 0;
}

/* PORT[@ADDR], ADDR perhaps in brackets. */
static int
inet_spec(const char *spec, const char *rest, int family,
    struct sockspec *sp, char *err, size_t errlen)
{
	struct addrinfo hints;
	char buf[SPEC_MAX], *host = NULL, *at, *end;
	unsigned long port;
	int e;

	if ((size_t)snprintf(buf, sizeof(buf), "%s", rest) >= sizeof(buf))
		return spec_error(err, errlen, spec, "longer than %d "
		    "bytes", SPEC_MAX - 1);
	if ((at = strchr(buf, '@')) != NULL) {
		*at = '\0';
		host = at + 1;
		if (host[0] == '[' && host[strlen(host) - 1] == ']') {
			host[strlen(host) - 1] = '\0';
			host++;
		}
	}
	port = strtoul(buf, &end, 10);
	if (buf[0] < '0' || buf[0] > '9' || *end != '\0' || port < 1 ||
	    port > 65535)
		return spec_error(err, errlen, spec, "port \"%s\" is not a "
		    "number from 1 to 65535; write PORT@ADDR, as in "
		    "inet:8891@127.0.0.1", buf);
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = family;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((e = getaddrinfo(host, buf, &hints, &sp->ai)) != 0)
		return spec_error(err, errlen, spec, "address \"%s\": %s; "
		    "give an address of this host",
		    host != NULL ? host : "", gai_strerror(e));
	sp->path = NULL;
	return 0;
}

int
dk_milter_sockspec(const char *spec, struct sockspec *sp, char *err,
    size_t errlen)
{
	if (strncmp(spec, "inet:", 5) == 0)
		return inet_spec(spec, spec + 5, AF_INET, sp, err, errlen);
	if (strncmp(spec, "inet6:", 6) == 0)
		return inet_spec(spec, spec + 6, AF_INET6, sp, err, errlen);
	if (strncmp(spec, "unix:", 5) == 0)
		return unix_spec(spec, spec + 5, sp, err, errlen);
	if (strncmp(spec, "local:", 6) == 0)
		return unix_spec(spec, spec + 6, sp, err, errlen);
	if (spec[0] == '/')
		return unix_spec(spec, spec, sp, err, errlen);
	return spec_error(err, errlen, spec, "not unix:PATH, inet:PORT@ADDR "
	    "or inet6:PORT@ADDR");
}
