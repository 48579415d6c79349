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
 * Files written whole or not at all: rotate's configuration and its
 * backup, keygen's keys. The bytes go to a temporary file beside the
 * target, which is synced, then takes the target's name: rename(2)
 * replaces a file, link(2) makes a new one and never replaces any. The
 * directory is synced after, so that the name outlasts a crash. A
 * reader sees the old state or the new one, never half a file, and no
 * temporary file is left, as long as the signals that stop a program
 * from a terminal or at shutdown (HUP, INT, QUIT, TERM) are held
 * (dk_cli_signals_hold). tests/cli/run.sh stops and edits at given
 * fsync(2) calls of a write: it counts on their order.
 */

#include <sys/stat.h>
#include <sys/uio.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define TEMP_MODE	0600	/* a new file's, as mkstemp(3) makes it */
#define GROUP_BITS	0070	/* for like's group, and no other */

/* The signals that stop a program from a terminal or at shutdown. */
static const int held[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
#define NHELD	(sizeof(held) / sizeof(held[0]))

/* Ignore sig; its action before goes to was. */
static void
signal_ignore(int sig, struct sigaction *was)
{
	struct sigaction ign;

	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	(void)sigaction(sig, &ign, was);
}

/* see cli.h */
void
dk_cli_signals_hold(struct dk_cli_held *h)
{
	struct sigaction was;
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < NHELD; i++)
		sigaddset(&set, held[i]);
	(void)sigprocmask(SIG_BLOCK, &set, &h->mask);
	/* one the caller held or ignored (nohup, cmd &) stops nothing */
	sigemptyset(&h->stops);
	for (i = 0; i < NHELD; i++)
		if (!sigismember(&h->mask, held[i]) &&
		    sigaction(held[i], NULL, &was) == 0 &&
		    was.sa_handler != SIG_IGN)
			sigaddset(&h->stops, held[i]);
	signal_ignore(SIGXFSZ, &h->xfsz);
	signal_ignore(SIGPIPE, &h->pipe);
}

/* see cli.h */
int
dk_cli_signals_stopped(const struct dk_cli_held *h)
{
	sigset_t set;
	size_t i;

	if (sigpending(&set) == -1)
		return 0;
	for (i = 0; i < NHELD; i++)
		if (sigismember(&h->stops, held[i]) &&
		    sigismember(&set, held[i]))
			return 1;
	return 0;
}

/* see cli.h */
void
dk_cli_signals_release(const struct dk_cli_held *h, int done)
{
	struct sigaction was[NHELD];
	size_t i;

	/*
	 * SIG_IGN discards a pending signal, held or not (POSIX, XSH
	 * 2.4.1 and sigaction()); the handlers come back only once the
	 * signals are let in, so that one come in between is dropped too.
	 */
	for (i = 0; done && i < NHELD; i++)
		if (sigismember(&h->stops, held[i]))
			signal_ignore(held[i], &was[i]);
	(void)sigaction(SIGPIPE, &h->pipe, NULL);
	(void)sigaction(SIGXFSZ, &h->xfsz, NULL);
	(void)sigprocmask(SIG_SETMASK, &h->mask, NULL);
	for (i = 0; done && i < NHELD; i++)
		if (sigismember(&h->stops, held[i]))
			(void)sigaction(held[i], &was[i], NULL);
}

/* Write all of buf to fd. */
static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, buf, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* How to mend what keeps path from being written with errno err. */
static const char *
write_fix(int err)
{
	switch (err) {
	case ENOSPC:
	case EDQUOT:
		return "make room, then run dkimkit again";
	case EFBIG:
		return "raise the file size limit (ulimit -f)";
	case ENOENT:
		return "create the directory first, or name one that exists";
	case ENOTDIR:
		return "a part of the path before the file's name is not a "
		    "directory: name one that is";
	case ENAMETOOLONG:
		return "a temporary file beside it takes 7 more bytes: choose "
		    "a shorter name";
	case EACCES:
	case EPERM:
		return "run dkimkit as a user who may write in that directory";
	case EROFS:
		return "its file system is mounted read-only: remount it "
		    "read-write, or use a directory on another";
	case EIO:
		return "the disk failed: see the kernel's log (dmesg), then "
		    "run dkimkit again";
	default:
		return "mend that, then run dkimkit again";
	}
}

/* path could not be written: what, why, and how to fix. */
static int
cannot_write(const char *path, int err)
{
	dk_cli_warnx("%s: %s; %s", path, strerror(err), write_fix(err));
	return EX_CANTCREAT;
}

/* Sync the directory of path, so that a name made in it lasts. */
static void
dir_sync(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd;

	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else
		snprintf(dir, sizeof(dir), "%.*s", slash == path ? 1 :
		    (int)(slash - path), path);
	/* some file systems cannot sync a directory: nothing to do then */
	if ((fd = open(dir, O_RDONLY | O_CLOEXEC)) != -1) {
		(void)fsync(fd);
		(void)close(fd);
	}
}

/*
 * Give fd like's owner and group, or, not root, like's group alone, as
 * a member of it may, or as a set-group-ID directory has given it
 * already. Whether fd has like's group.
 */
static int
group_like(int fd, const struct stat *like)
{
	struct stat st;

	if (fchown(fd, like->st_uid, like->st_gid) == 0)
		return 1;
	(void)fchown(fd, (uid_t)-1, like->st_gid);
	return fstat(fd, &st) == 0 && st.st_gid == like->st_gid;
}

/* see cli.h */
int
dk_cli_temp_write(const char *path, const struct stat *like,
    const struct iovec *parts, size_t nparts, char *tmp)
{
	mode_t mode = TEMP_MODE;
	size_t i;
	int fd, n;

	n = snprintf(tmp, PATH_MAX, "%s.XXXXXX", path);
	if (n < 0 || n >= PATH_MAX)
		return cannot_write(path, ENAMETOOLONG);
	if ((fd = mkstemp(tmp)) == -1)
		return cannot_write(path, errno);
	if (like != NULL) {
		mode = like->st_mode & 07777;
		if (!group_like(fd, like))
			mode &= ~GROUP_BITS;
	}
	for (i = 0; i < nparts; i++)
		if (write_all(fd, parts[i].iov_base, parts[i].iov_len) == -1)
			break;
	if (i < nparts || fchmod(fd, mode) == -1 || fsync(fd) == -1) {
		n = errno;
		(void)close(fd);
		(void)unlink(tmp);
		return cannot_write(path, n);
	}
	if (close(fd) == -1) {
		n = errno;
		(void)unlink(tmp);
		return cannot_write(path, n);
	}
	return 0;
}

/* see cli.h */
int
dk_cli_file_remove(const char *path)
{
	if (unlink(path) == -1)
		return -1;
	dir_sync(path);
	return 0;
}

/* see cli.h */
int
dk_cli_temp_owner(const char *tmp, const struct stat *like)
{
	struct stat st;

	if (stat(tmp, &st) == -1)
		return DK_CLI_OTHER_UID | DK_CLI_OTHER_GID;
	return (st.st_uid != like->st_uid ? DK_CLI_OTHER_UID : 0) |
	    (st.st_gid != like->st_gid ? DK_CLI_OTHER_GID : 0);
}

/* see cli.h */
int
dk_cli_temp_rename(const char *tmp, const char *path)
{
	int err;

	if (rename(tmp, path) == -1) {
		err = errno;
		(void)unlink(tmp);
		return cannot_write(path, err);
	}
	dir_sync(path);
	return 0;
}

/* see cli.h */
int
dk_cli_temp_link(const char *tmp, const char *path, const char *exists)
{
	int err = 0;

	if (link(tmp, path) == -1)
		err = errno;
	/* else a second name of the file would stay, a key's perhaps */
	if (unlink(tmp) == -1 && err == 0)
		dk_cli_warnx("%s: %s; remove it: it is a copy of %s", tmp,
		    strerror(errno), path);
	if (err == EEXIST) {
		dk_cli_warnx("%s: %s", path, exists);
		return EX_CANTCREAT;
	}
	if (err == EPERM || err == EOPNOTSUPP) {
		dk_cli_warnx("%s: %s; if its file system has no hard links "
		    "(vfat, some network mounts), use a directory on one that "
		    "has", path, strerror(err));
		return EX_CANTCREAT;
	}
	if (err != 0)
		return cannot_write(path, err);
	dir_sync(path);
	return 0;
}
