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
 * The milter's side of the log interface the shared code calls
 * (../policy/log.h): syslog(3), facility mail, or stderr with -l. As
 * in the filter, bytes from messages that are not printable ASCII are
 * replaced, so no message can write a log line of its own.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "milter.h"
#include "../policy/log.h"

static int	to_stderr = 1;	/* until dk_milter_log_init() */
static int	verbose;

void
dk_milter_log_init(int use_stderr)
{
	to_stderr = use_stderr;
	if (!to_stderr)
		openlog("dkimkit-milter", LOG_PID | LOG_NDELAY, LOG_MAIL);
}

void
log_setverbose(int v)
{
	verbose = v;
}

static void	vlog(int, int, const char *, va_list)
		    __attribute__((__format__(__printf__, 3, 0)));

static void
vlog(int pri, int err, const char *fmt, va_list ap)
{
	char line[LOG_LINE_MAX];
	unsigned char *p;
	size_t len;

	(void)vsnprintf(line, sizeof(line), fmt, ap);
	len = strlen(line);
	if (err != 0)
		(void)snprintf(line + len, sizeof(line) - len, ": %s",
		    strerror(err));
	for (p = (unsigned char *)line; *p != '\0'; p++)
		if (*p < 0x20 || *p > 0x7e)
			*p = '?';
	if (to_stderr)
		(void)dprintf(STDERR_FILENO, "dkimkit-milter: %s%s\n",
		    pri == LOG_WARNING ? "warning: " : pri <= LOG_ERR ?
		    "fatal: " : "", line);
	else
		syslog(pri, "%s", line);
}

#define LOGFN(name, pri, witherr)				\
void								\
name(const char *fmt, ...)					\
{								\
	va_list ap;						\
	int e = errno;						\
								\
	va_start(ap, fmt);					\
	vlog(pri, witherr ? e : 0, fmt, ap);			\
	va_end(ap);						\
}

LOGFN(log_warn, LOG_WARNING, 1)
LOGFN(log_warnx, LOG_WARNING, 0)
LOGFN(log_info, LOG_INFO, 0)

void
log_debug(const char *fmt, ...)
{
	va_list ap;

	if (!verbose)
		return;
	va_start(ap, fmt);
	vlog(LOG_DEBUG, 0, fmt, ap);
	va_end(ap);
}

void
fatal(const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	va_start(ap, fmt);
	vlog(LOG_ERR, e, fmt, ap);
	va_end(ap);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_ERR, 0, fmt, ap);
	va_end(ap);
	exit(1);
}
