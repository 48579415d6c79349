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
 * see log.h. Message content (domains, selectors, addresses) ends up in
 * log lines, so every byte that is not printable ASCII is replaced: a
 * hostile message must not be able to forge a log line of its own.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../policy/log.h"

static int	log_verbose;

void
log_setverbose(int verbose)
{
	log_verbose = verbose;
}

static void	log_emit(const char *, const char *, va_list, int)
		    __attribute__((__format__(__printf__, 2, 0)));

static void
log_emit(const char *prefix, const char *fmt, va_list ap, int saved_errno)
{
	char buf[LOG_LINE_MAX];
	size_t len, i;
	int n;

	n = snprintf(buf, sizeof(buf), "%s", prefix);
	len = n < 0 ? 0 : (size_t)n;
	n = vsnprintf(buf + len, sizeof(buf) - len, fmt, ap);
	if (n > 0)
		len += (size_t)n;
	if (len > sizeof(buf) - 1)
		len = sizeof(buf) - 1;
	if (saved_errno != 0) {
		n = snprintf(buf + len, sizeof(buf) - len, ": %s",
		    strerror(saved_errno));
		if (n > 0)
			len += (size_t)n;
		if (len > sizeof(buf) - 1)
			len = sizeof(buf) - 1;
	}
	for (i = 0; i < len; i++)
		if ((unsigned char)buf[i] < 0x20 ||
		    (unsigned char)buf[i] > 0x7e)
			buf[i] = '?';
	buf[len++] = '\n';
	/* one write per line: smtpd reads stderr line by line */
	(void)write(STDERR_FILENO, buf, len);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;
	int saved_errno = errno;

	va_start(ap, fmt);
	log_emit("warn: ", fmt, ap, saved_errno);
	va_end(ap);
}

void
log_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit("warn: ", fmt, ap, 0);
	va_end(ap);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit("", fmt, ap, 0);
	va_end(ap);
}

void
log_debug(const char *fmt, ...)
{
	va_list ap;

	if (!log_verbose)
		return;
	va_start(ap, fmt);
	log_emit("debug: ", fmt, ap, 0);
	va_end(ap);
}

void
fatal(const char *fmt, ...)
{
	va_list ap;
	int saved_errno = errno;

	va_start(ap, fmt);
	log_emit("fatal: ", fmt, ap, saved_errno);
	va_end(ap);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_emit("fatal: ", fmt, ap, 0);
	va_end(ap);
	exit(1);
}
