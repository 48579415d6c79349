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
 * pledge(2) and unveil(2) exist on OpenBSD only. Elsewhere they are
 * no-ops, so that src/filter/sandbox.c calls them without #ifdefs.
 * See compat/NOTES.
 */

#ifndef DK_COMPAT_PLEDGE_H
#define DK_COMPAT_PLEDGE_H

#ifdef __OpenBSD__
#include <unistd.h>
#else
int	pledge(const char *promises, const char *execpromises);
int	unveil(const char *path, const char *permissions);
#endif

#endif /* DK_COMPAT_PLEDGE_H */
