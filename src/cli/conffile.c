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
 * filter-dkim's configuration file as text, for dkimkit rotate: find a
 * domain's key lines, and write the file again with one key replaced,
 * every other byte as it was. The syntax is filter-dkim(8)'s: a key line
 * is one word DOMAIN:SELECTOR:KEYFILE, optionally followed by blanks and
 * a # comment; comments, blank lines and options are kept untouched.
 * The file is replaced whole by rename(2) of a temporary file beside it
 * (filewrite.c), so that a reader sees the old or the new file, never
 * half of one, and no temporary file is left. A symbolic link is
 * followed, and the file it names is replaced: the link stays. Two
 * rotates take turns through flock(2); an edit made meanwhile by hand is
 * found before the rename, and the file is then left as it is.
 */

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/*
 * The line p[0..len) as a key line: its word in *woff (from p) and
 * *wlen, split into ck. Returns 0, or -1 when it is no key line.
 */
static int
key_line(const char *p, size_t len, size_t *woff, struct dk_cli_confkey *ck)
{
	struct dk_cli_keyparts kp;
	size_t i = 0, w;

	while (i < len && is_blank(p[i]))
		i++;
	w = i;
	while (i < len && !is_blank(p[i]))
		i++;
	if (w == i || p[w] == '#')
		return -1;
	*woff = w;
	ck->len = i - w;
	while (i < len && is_blank(p[i]))
		i++;
	if (i < len && p[i] != '#')
		return -1;	/* "key value": an option */
	if (dk_cli_keyspec_parse(p + w, ck->len, &kp) == -1 ||
	    kp.dlen >= sizeof(ck->domain) || kp.slen >= sizeof(ck->selector) ||
	    kp.plen >= sizeof(ck->path))
		return -1;
	memcpy(ck->domain, p + w, kp.dlen);
	ck->domain[kp.dlen] = '\0';
	memcpy(ck->selector, p + w + kp.dlen + 1, kp.slen);
	ck->selector[kp.slen] = '\0';
	memcpy(ck->path, p + w + kp.poff, kp.plen);
	ck->path[kp.plen] = '\0';
	return 0;
}

/* Is the file at cf->real still the one open on cf->fd? */
static int
conf_same_file(const struct dk_cli_conf *cf)
{
	struct stat held, now;

	return fstat(cf->fd, &held) == 0 && stat(cf->real, &now) == 0 &&
	    held.st_dev == now.st_dev && held.st_ino == now.st_ino;
}

/*
 * Open and lock cf->real. Another rotate may have replaced the file while
 * we waited for the lock: then the lock is on the old file, so again.
 */
static int
conf_lock(struct dk_cli_conf *cf)
{
	int rc;

	for (;;) {
		if ((rc = dk_cli_open_file(cf->real, &cf->fd)) != 0)
			return rc;
		while (flock(cf->fd, LOCK_EX) == -1)
			if (errno != EINTR) {
				dk_cli_warnx("%s: flock: %s", cf->path,
				    strerror(errno));
				return EX_NOINPUT;
			}
		if (conf_same_file(cf))
			return 0;
		close(cf->fd);
		cf->fd = -1;
	}
}

/* see cli.h */
int
dk_cli_conf_read(const char *path, struct dk_cli_conf *cf)
{
	int rc;

	memset(cf, 0, sizeof(*cf));
	cf->path = path;
	cf->fd = -1;
	if (realpath(path, cf->real) == NULL) {
		dk_cli_warnx("%s: %s", path, strerror(errno));
		return EX_NOINPUT;
	}
	if ((rc = conf_lock(cf)) != 0)
		return rc;
	return dk_cli_read_fd(cf->fd, path, DK_CLI_CONF_MAX, &cf->buf,
	    &cf->len);
}

/* see cli.h */
size_t
dk_cli_conf_keys(const struct dk_cli_conf *cf, const char *domain,
    const char *selector, struct dk_cli_confkey *out, size_t max)
{
	struct dk_cli_confkey ck;
	const char *p = cf->buf, *end = cf->buf + cf->len, *nl;
	char d[sizeof(ck.domain)];
	size_t n = 0, lineno = 0, woff;

	for (; p < end; p = nl + 1) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		memset(&ck, 0, sizeof(ck));
		if (key_line(p, (size_t)(nl - p), &woff, &ck) == -1)
			continue;
		/* DNS names: without case, the final dot domain has not */
		memcpy(d, ck.domain, sizeof(d));
		dk_cli_domain_trim(d);
		if (strcasecmp(d, domain) != 0 || (selector != NULL &&
		    strcasecmp(ck.selector, selector) != 0))
			continue;
		ck.off = (size_t)(p - cf->buf) + woff;
		ck.lineno = lineno;
		if (n < max)
			out[n] = ck;
		n++;
	}
	return n;
}

/* Does the file open on cf->fd hold what was read, no more, no less? */
static int
conf_same_bytes(const struct dk_cli_conf *cf)
{
	char piece[4096];
	size_t off;
	ssize_t n;

	for (off = 0; (n = pread(cf->fd, piece, sizeof(piece),
	    (off_t)off)) > 0; off += (size_t)n)
		if ((size_t)n > cf->len - off ||
		    memcmp(piece, cf->buf + off, (size_t)n) != 0)
			return 0;
	return n == 0 && off == cf->len;
}

/*
 * Is cf's file still what we read? An editor may have saved since, in
 * place or as a new file. Only our descriptor is read: what is at
 * cf->real now could be a fifo, and it is asked for no memory, with
 * the temporary files on disk.
 */
static int
conf_unchanged(const struct dk_cli_conf *cf)
{
	char now[PATH_MAX];

	/* a symbolic link on the way may lead elsewhere by now */
	if (realpath(cf->path, now) != NULL && strcmp(now, cf->real) == 0 &&
	    conf_same_file(cf) && conf_same_bytes(cf))
		return 1;
	dk_cli_warnx("%s: changed since rotate read it (edited meanwhile?): "
	    "run the step again", cf->path);
	return 0;
}

/* Has a stop signal come while held (h)? Then nothing is replaced. */
static int
conf_stopped(const struct dk_cli_conf *cf, const struct dk_cli_held *h)
{
	if (!dk_cli_signals_stopped(h))
		return 0;
	dk_cli_warnx("%s: interrupted", cf->path);
	return 1;
}

/* Not root, the new file tmp may lack the owner or group of st: said. */
static void
conf_owner_said(const struct dk_cli_conf *cf, const struct stat *st,
    const char *tmp)
{
	if (dk_cli_temp_owner(tmp, st) != 0)
		dk_cli_warnx("%s: cannot keep its owner and group (dkimkit "
		    "does not run as root): check that the filter can still "
		    "read it", cf->path);
}

static int
conf_replace(const struct dk_cli_conf *cf, const struct dk_cli_confkey *ck,
    const char *word, const char *backup, const struct dk_cli_held *h)
{
	char tmp[PATH_MAX], btmp[PATH_MAX];
	struct iovec whole, parts[3];
	struct stat st;
	int rc;

	if (fstat(cf->fd, &st) == -1) {
		dk_cli_warnx("%s: %s", cf->path, strerror(errno));
		return EX_NOINPUT;
	}
	parts[0].iov_base = cf->buf;
	parts[0].iov_len = ck->off;
	parts[1].iov_base = (char *)(uintptr_t)word;
	parts[1].iov_len = strlen(word);
	parts[2].iov_base = cf->buf + ck->off + ck->len;
	parts[2].iov_len = cf->len - ck->off - ck->len;
	whole.iov_base = cf->buf;
	whole.iov_len = cf->len;
	if ((rc = dk_cli_temp_write(cf->real, &st, parts, 3, tmp)) != 0)
		return rc;
	if ((rc = dk_cli_temp_write(backup, &st, &whole, 1, btmp)) != 0) {
		(void)unlink(tmp);
		return rc;
	}
	if ((rc = dk_cli_temp_rename(btmp, backup)) != 0) {
		(void)unlink(tmp);
		return rc;
	}
	/*
	 * Last before the file's rename: an edit or a stop meanwhile is
	 * seen. A backup dates a switch (rotate revoke): none without one.
	 */
	if (!conf_unchanged(cf) || conf_stopped(cf, h)) {
		(void)unlink(tmp);
		rc = EX_TEMPFAIL;
	} else {
		conf_owner_said(cf, &st, tmp);
		rc = dk_cli_temp_rename(tmp, cf->real);
	}
	if (rc != 0)
		(void)unlink(backup);
	return rc;
}

/* see cli.h */
int
dk_cli_conf_replace(const struct dk_cli_conf *cf,
    const struct dk_cli_confkey *ck, const char *word, const char *backup,
    const struct dk_cli_held *h)
{
	int rc;

	if ((rc = conf_replace(cf, ck, word, backup, h)) != 0)
		dk_cli_warnx("%s: not changed", cf->path);
	return rc;
}

/* see cli.h */
void
dk_cli_conf_free(struct dk_cli_conf *cf)
{
	free(cf->buf);
	cf->buf = NULL;
	if (cf->fd != -1)
		close(cf->fd);	/* and the lock with it */
	cf->fd = -1;
}
