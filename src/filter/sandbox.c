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
 * Privilege reduction, in one place. On OpenBSD: unveil the key files'
 * directories and the config file read-only (SIGHUP reloads them), the
 * spool directory read-write, then pledge what is left: stdio, files
 * (keys, config, spool) and inet for the resolver's sockets. Elsewhere
 * these calls are no-ops from compat/. smtpd has already dropped us to
 * its unprivileged user (opensmtpd on Debian, _smtpd on OpenBSD).
 */

#include <libgen.h>
#include <limits.h>
#include <stdio.h>

#include "filter.h"
#include "../policy/log.h"
#include "../../compat/pledge.h"

static void
unveil_dir_of(const char *path, const char *perm)
{
	char buf[PATH_MAX];

	if ((size_t)snprintf(buf, sizeof(buf), "%s", path) >= sizeof(buf))
		fatalx("%s: path too long", path);
	if (unveil(dirname(buf), perm) == -1)
		fatal("unveil %s", buf);
}

/* After the keys are loaded and the resolver is set up. */
void
dk_filter_sandbox_startup(const struct args *a, const struct config *c)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++)
		unveil_dir_of(c->keys[i].path, "r");
	if (a->file != NULL && unveil(a->file, "r") == -1)
		fatal("unveil %s", a->file);
	if (unveil(c->spool_dir, "rwc") == -1)
		fatal("unveil %s", c->spool_dir);
	if (unveil(NULL, NULL) == -1)
		fatal("unveil");
}

void
dk_filter_sandbox_running(void)
{
	if (pledge("stdio rpath wpath cpath inet", NULL) == -1)
		fatal("pledge");
}
