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
 * Logging, as the policy module and the front ends call it. Each front
 * end implements it for its MTA: filter-dkim writes to stderr, which
 * smtpd copies into its own log one line at a time, dkimkit-milter to
 * syslog(3) or stderr. Either way every byte that is not printable
 * ASCII is replaced, so that no message can write a log line of its
 * own.
 */

#ifndef DK_POLICY_LOG_H
#define DK_POLICY_LOG_H

#include <stdarg.h>

#define LOG_LINE_MAX	2048	/* one log line; longer ones are cut */

/* Nonzero enables log_debug(). */
void	log_setverbose(int verbose);
/* A warning followed by ": strerror(errno)". */
void	log_warn(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
void	log_warnx(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
void	log_info(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
void	log_debug(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
/* Log and exit 1: startup configuration errors, smtpd breaking protocol. */
void	fatal(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2), __noreturn__));
void	fatalx(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2), __noreturn__));

#endif /* DK_POLICY_LOG_H */
