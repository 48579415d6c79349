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
 * Loaded with LD_PRELOAD into dkimkit, it runs the shell command
 * $FSYNC_RUN just before the $FSYNC_AT-th fsync(2), with $PPID the
 * dkimkit process: tests/cli/run.sh edits or swaps a file there, or
 * sends a signal, at an exact step of a whole-file write.
 */

#include <sys/wait.h>

#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

int
fsync(int fd)
{
	static int (*real)(int);
	static int n;
	const char *at = getenv("FSYNC_AT"), *run = getenv("FSYNC_RUN");
	pid_t pid;

	if (real == NULL && (real = (int (*)(int))dlsym(RTLD_NEXT,
	    "fsync")) == NULL)
		abort();
	if (at != NULL && run != NULL && ++n == atoi(at)) {
		if ((pid = fork()) == 0) {
			/* the command runs as itself, hooked or not */
			(void)unsetenv("LD_PRELOAD");
			(void)unsetenv("FSYNC_AT");
			execl("/bin/sh", "sh", "-c", run, (char *)NULL);
			_exit(127);
		}
		if (pid != -1)
			(void)waitpid(pid, NULL, 0);
	}
	return real(fd);
}
