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
 * Option values shared by the subcommands: c=, h= and numbers.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The -c option. Returns 0, or EX_USAGE after saying why. */
int
dk_cli_canon_opt(const char *arg, enum dk_canon *hc, enum dk_canon *bc)
{
	/* as in c=: a single word names the header's, the body's is simple */
	if (dk_canon_parse(arg, hc, bc) != DK_OK) {
		dk_cli_warnx("-c: %s: expected HEADER/BODY, each simple or "
		    "relaxed", arg);
		return EX_USAGE;
	}
	return 0;
}

/*
 * Split "h1:h2:..." into a NULL-terminated list of names, in one
 * allocation that the caller frees with free(). Names are kept as given
 * (RFC 6376 §3.5 h=; the signer repeats them literally). Whether they
 * are names, and how many the list may hold, is the engine's rule,
 * judged where the list is used.
 */
static char **
hlist_split(const char *s, size_t *np)
{
	char **list, *copy, *p, *name;
	size_t n = 1, i = 0, len;

	for (p = strchr(s, ':'); p != NULL; p = strchr(p + 1, ':'))
		n++;
	len = strlen(s);
	list = dk_cli_xmalloc((n + 1) * sizeof(*list) + len + 1);
	copy = (char *)(list + n + 1);
	memcpy(copy, s, len + 1);
	p = copy;
	while ((name = strsep(&p, ":")) != NULL)
		list[i++] = name;
	list[i] = NULL;
	*np = i;
	return list;
}

/*
 * The -h option: *listp (freed first, as a later -h wins) gets the
 * names, *np their count.
 */
void
dk_cli_hlist_opt(const char *arg, char ***listp, size_t *np)
{
	free(*listp);
	*listp = hlist_split(arg, np);
}

/*
 * The number arg of option opt: decimal digits only, in [min, max].
 * Returns 0, or EX_USAGE after saying why.
 */
int
dk_cli_num_opt(const char *opt, const char *arg, int64_t min, int64_t max,
    int64_t *out)
{
	char *end;
	long long v;

	if (*arg < '0' || *arg > '9')
		goto bad;
	errno = 0;
	v = strtoll(arg, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		goto bad;
	*out = v;
	return 0;
bad:
	dk_cli_warnx("%s: %s: expected a number from %lld to %lld", opt, arg,
	    (long long)min, (long long)max);
	return EX_USAGE;
}
