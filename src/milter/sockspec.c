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

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sockspec.h"
#include "../policy/policy.h"

#define SPEC_MAX	256	/* PORT@ADDR: a name is at most 253 bytes */
#define SPEC_SHOWN	120	/* of a longer spec, what a message repeats */

/* "-p SPEC: " and the reason; a long spec is cut so that the reason shows. */
static int __attribute__((__format__(__printf__, 4, 5)))
spec_error(char *err, size_t errlen, const char *spec, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(err, errlen, "-p %.*s%s: ", SPEC_SHOWN, spec,
	    strlen(spec) > SPEC_SHOWN ? "..." : "");
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < errlen)
		(void)vsnprintf(err + n, errlen - n, fmt, ap);
	va_end(ap);
	return -1;
}

/* A spec of family to show in a message, with ADDR in brackets or not. */
static const char *
example(int family, int brackets)
{
	if (family == AF_INET6)
		return "inet6:8891@[::1]";
	return brackets ? "inet:8891@[127.0.0.1]" : "inet:8891@127.0.0.1";
}

/* see sockspec.h */
void
dk_milter_sock_dir(const char *path, char *dir, size_t len)
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

/*
 * The directory a socket is made in: there, and ours to add to. *dst is
 * what stat(2) says of it.
 */
static int
dir_check(const char *spec, const char *path, struct stat *dst, char *err,
    size_t errlen)
{
	char dir[sizeof(((struct sockaddr_un *)0)->sun_path)];
	int e;

	dk_milter_sock_dir(path, dir, sizeof(dir));
	if (stat(dir, dst) == -1) {
		e = errno;
		return spec_error(err, errlen, spec, "directory %s: %s%s", dir,
		    strerror(e), e == ENOENT ?
		    "; create it or choose another -p" : e == EACCES ?
		    "; check as the user that starts the milter" : "");
	}
	if (!S_ISDIR(dst->st_mode))
		return spec_error(err, errlen, spec, "%s is not a directory; "
		    "choose another -p", dir);
	if (faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) == -1) {
		e = errno;
		if (e == EACCES)
			return spec_error(err, errlen, spec, "cannot make a "
			    "socket in %s: %s to uid %lu; let that user enter "
			    "and write to it, or choose another -p", dir,
			    strerror(e), (unsigned long)geteuid());
		return spec_error(err, errlen, spec, "cannot make a socket in "
		    "%s: %s; choose another -p", dir, strerror(e));
	}
	return 0;
}

/*
 * A socket already at the path: the milter must be able to connect to
 * it, to tell whether a milter answers there, and to remove it if none
 * does. Root may do both; another user may not connect without write
 * permission, nor remove another's file from a sticky directory. In
 * both cases the path is of no use to this milter, in use or not.
 */
static int
sock_check(const char *spec, const struct stat *st, const struct stat *dst,
    const char *path, char *err, size_t errlen)
{
	uid_t uid = geteuid();

	if (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == -1 &&
	    errno == EACCES)
		return spec_error(err, errlen, spec, "a socket of uid %lu that "
		    "uid %lu may not connect to, so cannot tell whether a "
		    "milter answers there; choose another -p, or have its "
		    "owner remove it once nothing answers there",
		    (unsigned long)st->st_uid, (unsigned long)uid);
	if ((dst->st_mode & S_ISVTX) && uid != 0 && uid != st->st_uid &&
	    uid != dst->st_uid)
		return spec_error(err, errlen, spec, "a socket of uid %lu in a "
		    "sticky directory, which uid %lu could not remove were it "
		    "stale; choose another -p, or have its owner remove it "
		    "once nothing answers there", (unsigned long)st->st_uid,
		    (unsigned long)uid);
	return 0;
}

/* The path part of unix:PATH, local:PATH or /PATH. */
static int
unix_spec(const char *spec, const char *path, struct sockspec *sp,
    char *err, size_t errlen)
{
	struct sockaddr_un sun;
	struct stat st, dst;
	size_t len = strlen(path);
	int e;

	if (len == 0 || path[len - 1] == '/')
		return spec_error(err, errlen, spec, "no socket file named; "
		    "write unix:/PATH, as in unix:/run/dkimkit/milter.sock");
	if (len >= sizeof(sun.sun_path))
		return spec_error(err, errlen, spec, "the path has %zu bytes, "
		    "a socket's at most %zu; choose a shorter one", len,
		    sizeof(sun.sun_path) - 1);
	if (dir_check(spec, path, &dst, err, errlen) == -1)
		return -1;
	e = lstat(path, &st) == 0 ? 0 : errno;
	if (e != 0 && e != ENOENT)
		return spec_error(err, errlen, spec, "cannot look at it: %s%s",
		    strerror(e), e == EACCES ?
		    "; check as the user that starts the milter" : "");
	if (e == 0 && S_ISSOCK(st.st_mode) &&
	    sock_check(spec, &st, &dst, path, err, errlen) == -1)
		return -1;
	if (e == ENOENT || S_ISSOCK(st.st_mode)) {
		sp->path = path;
		sp->ai = NULL;
		return 0;
	}
	if (S_ISDIR(st.st_mode))
		return spec_error(err, errlen, spec, "a directory, not a "
		    "socket; name a socket in it, as in unix:%s/milter.sock",
		    path);
	return spec_error(err, errlen, spec, "%s, not a socket; choose "
	    "another -p", dk_policy_file_kind(st.st_mode));
}

/*
 * ADDR of PORT@ADDR, in place: *host loses its brackets, and *numeric
 * says it had them.
 */
static int
host_parse(const char *spec, char **host, int *numeric, int family,
    char *err, size_t errlen)
{
	char *h = *host;
	size_t len = strlen(h);

	if (len == 0)
		return spec_error(err, errlen, spec, "no address after @; "
		    "give one, as in %s, or leave out @ for every address",
		    example(family, 0));
	*numeric = h[0] == '[';
	if (*numeric) {
		if (len < 3 || h[len - 1] != ']')
			return spec_error(err, errlen, spec, "an address in "
			    "brackets is [ADDR], as in %s", example(family, 1));
		h[len - 1] = '\0';
		*host = ++h;
	}
	if (strpbrk(h, "@[]") != NULL)
		return spec_error(err, errlen, spec, "\"%s\" is not an "
		    "address; write PORT@ADDR, as in %s", h,
		    example(family, 0));
	return 0;
}

/* The address of host, without its %scope. */
static void
addr_part(const char *host, char *addr, size_t len)
{
	(void)snprintf(addr, len, "%.*s", (int)strcspn(host, "%"), host);
}

/* inet:[::1] or inet6:127.0.0.1: the wrong family (a %scope aside). */
static int
family_check(const char *spec, const char *host, int family,
    unsigned long port, char *err, size_t errlen)
{
	unsigned char a[sizeof(struct in6_addr)];
	char addr[SPEC_MAX];

	addr_part(host, addr, sizeof(addr));
	if (family == AF_INET && inet_pton(AF_INET6, addr, a) == 1)
		return spec_error(err, errlen, spec, "%s is an IPv6 address; "
		    "write inet6:%lu@[%s]", host, port, host);
	if (family == AF_INET6 && inet_pton(AF_INET, addr, a) == 1)
		return spec_error(err, errlen, spec, "%s is an IPv4 address; "
		    "write inet:%lu@%s", host, port, addr);
	return 0;
}

/* Why [host] did not parse: not numeric, or a scope it cannot take. */
static int
numeric_error(const char *spec, const char *host, int family, char *err,
    size_t errlen)
{
	struct in6_addr a;
	char addr[SPEC_MAX];
	const char *scope = strchr(host, '%');

	addr_part(host, addr, sizeof(addr));
	if (scope == NULL || inet_pton(family, addr, &a) != 1)
		return spec_error(err, errlen, spec, "[%s]: brackets take only "
		    "a numeric address; write a name without them", host);
	if (family == AF_INET)
		return spec_error(err, errlen, spec, "[%s]: an IPv4 address "
		    "takes no scope; drop %s", host, scope);
	if (IN6_IS_ADDR_LINKLOCAL(&a))
		return spec_error(err, errlen, spec, "[%s]: this host has no "
		    "interface %s; name one of its own", host, scope + 1);
	return spec_error(err, errlen, spec, "[%s]: only a link-local "
	    "address takes an interface name; drop %s", host, scope);
}

/* What to do when a bind to addr fails with errno e, or "". */
static const char *
bind_fix(int e, const struct sockaddr_storage *addr)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)addr;

	if (e == EADDRNOTAVAIL)
		return "; give an address of this host";
	if (e == EAFNOSUPPORT && addr->ss_family == AF_INET6)
		return "; this host has no IPv6: use inet:";
	if (e == EINVAL && addr->ss_family == AF_INET6 &&
	    IN6_IS_ADDR_LINKLOCAL(&sin6->sin6_addr) && sin6->sin6_scope_id == 0)
		return "; a link-local address needs its interface, as in "
		    "inet6:8891@[fe80::1%eth0]";
	return "";
}

/* Whether this host has the address: a bind to its port 0 tells. */
static int
addr_local(const char *spec, const struct addrinfo *ai, char *err,
    size_t errlen)
{
	struct sockaddr_storage ss;
	int fd, e = 0;

	memcpy(&ss, ai->ai_addr, ai->ai_addrlen);
	if (ss.ss_family == AF_INET)
		((struct sockaddr_in *)&ss)->sin_port = 0;
	else
		((struct sockaddr_in6 *)&ss)->sin6_port = 0;
	if ((fd = socket(ai->ai_family, SOCK_STREAM, 0)) == -1 ||
	    bind(fd, (struct sockaddr *)&ss, ai->ai_addrlen) == -1)
		e = errno;
	if (fd != -1)
		(void)close(fd);
	if (e == 0)
		return 0;
	return spec_error(err, errlen, spec, "cannot listen there: %s%s",
	    strerror(e), bind_fix(e, &ss));
}

/* The PORT[@ADDR] of inet: or inet6:. */
static int
inet_spec(const char *spec, const char *rest, int family,
    struct sockspec *sp, char *err, size_t errlen)
{
	struct addrinfo hints;
	char buf[SPEC_MAX], *host = NULL, *at, *end;
	unsigned long port;
	int e, numeric = 0;

	if ((size_t)snprintf(buf, sizeof(buf), "%s", rest) >= sizeof(buf))
		return spec_error(err, errlen, spec, "PORT@ADDR has %d bytes "
		    "at most; give a shorter name or a numeric address",
		    SPEC_MAX - 1);
	if ((at = strchr(buf, '@')) != NULL) {
		*at = '\0';
		host = at + 1;
		if (host_parse(spec, &host, &numeric, family, err,
		    errlen) == -1)
			return -1;
	}
	port = strtoul(buf, &end, 10);
	if (buf[0] < '0' || buf[0] > '9' || *end != '\0' || port < 1 ||
	    port > 65535)
		return spec_error(err, errlen, spec, "port \"%s\" is not a "
		    "number from 1 to 65535; write PORT@ADDR, as in %s", buf,
		    example(family, 0));
	if (host != NULL && family_check(spec, host, family, port, err,
	    errlen) == -1)
		return -1;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = family;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV |
	    (numeric ? AI_NUMERICHOST : 0);
	if ((e = getaddrinfo(host, buf, &hints, &sp->ai)) != 0 && numeric)
		return numeric_error(spec, host, family, err, errlen);
	if (e != 0)
		return spec_error(err, errlen, spec, "address \"%s\": %s; "
		    "give a name that resolves or a numeric address, as in %s",
		    host != NULL ? host : "", e == EAI_SYSTEM ?
		    strerror(errno) : gai_strerror(e), example(family, 0));
	if (addr_local(spec, sp->ai, err, errlen) == -1) {
		freeaddrinfo(sp->ai);
		return -1;
	}
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
	    "or inet6:PORT@ADDR; write one, as in inet:8891@127.0.0.1");
}
