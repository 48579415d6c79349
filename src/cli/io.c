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
 * Input and output for dkimkit(1): bounded reads of files and stdin,
 * bare LF to CRLF conversion, and error lines.
 */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void
dk_cli_warnx(const char *fmt, ...)
{
	va_list ap;

	fputs("dkimkit: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* An executable may give up on memory (STYLE.md §4); the library may not. */
void
dk_cli_oom(void)
{
	dk_cli_warnx("out of memory");
	exit(EX_SOFTWARE);
}

void *
dk_cli_xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n)) == NULL)
		dk_cli_oom();
	return p;
}

ssize_t
dk_cli_read_chunk(int fd, char *buf, size_t len)
{
	ssize_t n;

	while ((n = read(fd, buf, len)) == -1 && errno == EINTR)
		continue;
	return n;
}

/*
 * Read fd to its end into a new buffer, doubled as it fills, of at most
 * max bytes. Errors are reported under name. Returns 0, EX_NOINPUT (a
 * read error) or EX_DATAERR (more than max bytes).
 */
int
dk_cli_read_fd(int fd, const char *name, size_t max, char **bufp,
    size_t *lenp)
{
	char *buf = NULL, *nb;
	size_t len = 0, cap = 0;
	ssize_t n;

	*bufp = NULL;
	*lenp = 0;
	do {
		if (len == cap) {
			if (cap > max) {
				free(buf);
				dk_cli_warnx("%s: larger than %zu bytes",
				    name, max);
				return EX_DATAERR;
			}
			/* one byte past max is enough to see it is too long */
			cap = cap == 0 ? DK_CLI_CHUNK : cap * 2;
			if (cap > max + 1)
				cap = max + 1;
			if ((nb = realloc(buf, cap + 1)) == NULL)
				dk_cli_oom();
			buf = nb;
		}
		if ((n = dk_cli_read_chunk(fd, buf + len, cap - len)) == -1) {
			dk_cli_warnx("%s: %s", name, strerror(errno));
			free(buf);
			return EX_NOINPUT;
		}
		len += (size_t)n;
	} while (n > 0);
	/* a NUL after the data, so that text parsers may rely on one */
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	return 0;
}

/*
 * Open a regular file to read, or say why not and return EX_NOINPUT:
 * a fifo would block the open or the read for ever, a device never ends.
 */
int
dk_cli_open_file(const char *path, int *fdp)
{
	struct stat st;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		dk_cli_warnx("%s: %s", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return EX_NOINPUT;
	}
	if (!S_ISREG(st.st_mode)) {
		dk_cli_warnx("%s is %s, not a file: give the file's path",
		    path, S_ISDIR(st.st_mode) ? "a directory" :
		    S_ISFIFO(st.st_mode) ? "a fifo" : "a device");
		close(fd);
		return EX_NOINPUT;
	}
	*fdp = fd;
	return 0;
}

/* As dk_cli_read_fd(), for a file; one that cannot be opened: EX_NOINPUT. */
int
dk_cli_read_file(const char *path, size_t max, char **bufp, size_t *lenp)
{
	int fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		dk_cli_warnx("%s: %s", path, strerror(errno));
		*bufp = NULL;
		*lenp = 0;
		return EX_NOINPUT;
	}
	rc = dk_cli_read_fd(fd, path, max, bufp, lenp);
	close(fd);
	return rc;
}

int
dk_cli_write(const void *buf, size_t len)
{
	if (len > 0 && fwrite(buf, 1, len, stdout) != len)
		return -1;
	return 0;
}

/*
 * Write the NUL-terminated s to stdout with each CRLF in it turned into
 * eol, then one more eol: a field from the engine has CRLF folds and no
 * final line end. Returns 0 or -1.
 */
int
dk_cli_write_field(const char *s, const char *eol)
{
	const char *crlf;
	size_t eollen = strlen(eol);

	while ((crlf = strstr(s, "\r\n")) != NULL) {
		if (dk_cli_write(s, (size_t)(crlf - s)) == -1 ||
		    dk_cli_write(eol, eollen) == -1)
			return -1;
		s = crlf + 2;
	}
	if (dk_cli_write(s, strlen(s)) == -1 ||
	    dk_cli_write(eol, eollen) == -1)
		return -1;
	return 0;
}

/*
 * Flush stdout. A write error there is reported as EX_CANTCREAT, the
 * DESIGN.md code for output that cannot be made.
 */
int
dk_cli_flush(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		dk_cli_warnx("stdout: %s", strerror(errno));
		return EX_CANTCREAT;
	}
	return 0;
}
