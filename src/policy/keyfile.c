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
 * Key files, and the files the daemons are given in general: read whole
 * and bounded, only when they are regular files, and when we may not
 * read one, a message that says who we are and what keeps us out, so
 * that the fix (chgrp, chmod) is plain. The configuration file is read
 * the same way (config.c).
 */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "policy.h"

/* see policy.h */
const char *
dk_policy_file_kind(mode_t mode)
{
	if (S_ISREG(mode))
		return "a regular file";
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISLNK(mode))
		return "a symbolic link";
	if (S_ISFIFO(mode))
		return "a fifo";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	return "a special file";
}

/*
 * buf, *cap bytes of it read, moved to one twice the size or max + 1:
 * the copy left behind is wiped, since a key file is secret.
 */
static char *
file_grow(char *buf, size_t *cap, size_t max)
{
	size_t ncap = *cap > max / 2 ? max + 1 : *cap * 2;
	char *nbuf;

	if ((nbuf = malloc(ncap + 1)) == NULL)
		fatal("config");
	memcpy(nbuf, buf, *cap);
	explicit_bzero(buf, *cap);
	free(buf);
	*cap = ncap;
	return nbuf;
}

/*
 * see policy.h; the buffer has the size fstat() gives and one byte
 * more, to see the end. It grows only when the file grows under us, or
 * when fstat() gives no size, as for a file of procfs.
 */
char *
dk_policy_file_read(const char *path, size_t max, size_t *lenp,
    const char **kind)
{
	struct stat st;
	char *buf;
	size_t cap, len = 0;
	ssize_t n = 0;
	int fd;

	*kind = NULL;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1) {
		(void)close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		*kind = dk_policy_file_kind(st.st_mode);
		(void)close(fd);
		return NULL;
	}
	cap = (uintmax_t)st.st_size < max ? (size_t)st.st_size + 1 : max + 1;
	if ((buf = malloc(cap + 1)) == NULL)
		fatal("config");
	for (;;) {
		while (len < cap && (n = read(fd, buf + len, cap - len)) > 0)
			len += (size_t)n;
		if (len < cap || cap > max)
			break;
		buf = file_grow(buf, &cap, max);
	}
	(void)close(fd);
	if (n == -1 || len > max) {
		if (len > max)
			errno = EFBIG;
		explicit_bzero(buf, len);
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	*lenp = len;
	return buf;
}

/*
 * The first directory on the way to path that we may not enter, in
 * dir: chmod 640 on the key cannot help then. Returns 1 when found.
 */
static int
key_dir_closed(const char *path, char *dir)
{
	const char *slash;

	for (slash = strchr(path + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		if ((size_t)(slash - path) >= PATH_MAX)
			return 0;
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
		if (access(dir, X_OK) == -1 && errno == EACCES)
			return 1;
	}
	return 0;
}

/* see policy.h */
void
dk_policy_file_denied(const char *where, const char *path,
    const char *what)
{
	char dir[PATH_MAX];

	if (key_dir_closed(path, dir))
		log_warnx("%s%s: %s to uid %lu, which the filter runs as: it "
		    "may not enter %s; let that user in (chgrp, chmod 750)",
		    where, path, strerror(EACCES), (unsigned long)geteuid(),
		    dir);
	else
		log_warnx("%s%s: %s to uid %lu, which the filter runs as; "
		    "make %s readable by that user (chgrp, chmod 640)",
		    where, path, strerror(EACCES), (unsigned long)geteuid(),
		    what);
}

/* see policy.h */
int
dk_policy_key_load(struct cfg_key *k, const char *where)
{
	char err[128], pre[PATH_MAX + 40], *buf;
	const char *kind;
	size_t len;
	enum dk_status st;

	if ((buf = dk_policy_file_read(k->path, POLICY_KEYFILE_MAX, &len,
	    &kind)) == NULL) {
		if (kind != NULL)
			log_warnx("%s: %s is %s: give the key's PEM file",
			    where, k->path, kind);
		else if (errno == EACCES) {
			(void)snprintf(pre, sizeof(pre), "%s: ", where);
			dk_policy_file_denied(pre, k->path, "the key");
		} else if (errno == EFBIG)
			log_warnx("%s: %s: over %d bytes, the bound on a key "
			    "file: is it the right file?", where, k->path,
			    POLICY_KEYFILE_MAX);
		else
			log_warn("%s: %s", where, k->path);
		return -1;
	}
	st = dk_key_parse(&k->key, buf, len, err, sizeof(err));
	explicit_bzero(buf, len);	/* private key material */
	free(buf);
	if (st != DK_OK) {
		log_warnx("%s: %s: %s", where, k->path, err);
		return -1;
	}
	return 0;
}
