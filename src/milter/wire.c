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
 * The milter wire format: every frame, both ways, is a 32-bit length in
 * network byte order, then that many bytes, the first of which is the
 * command or reply letter. Strings inside are NUL-terminated. Nothing
 * here knows what a command means.
 */

#include <sys/types.h>

#include <stdlib.h>
#include <string.h>

#include "milter.h"

uint32_t
dk_milter_wire_u32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 |
	    (uint32_t)u[2] << 8 | u[3];
}

static void
put_u32(char *p, uint32_t v)
{
	p[0] = (char)(v >> 24);
	p[1] = (char)(v >> 16);
	p[2] = (char)(v >> 8);
	p[3] = (char)v;
}

/*
 * The first frame in buf[0..len). Returns its size on the wire with cmd,
 * data and dlen set; 0 when it is not all there yet; -1 when it can
 * never be valid (an empty frame, or one over MILTER_FRAME_MAX).
 */
ssize_t
dk_milter_wire_frame(const char *buf, size_t len, char *cmd, const char **data,
    size_t *dlen)
{
	uint32_t n;

	if (len < 4)
		return 0;
	n = dk_milter_wire_u32(buf);
	if (n == 0 || n > MILTER_FRAME_MAX)
		return -1;
	if (len - 4 < n)
		return 0;
	*cmd = buf[4];
	*data = buf + 5;
	*dlen = n - 1;
	return (ssize_t)n + 4;
}

/*
 * The next NUL-terminated string at *p, before end; *p moves past it.
 * NULL when there is no NUL before end: a truncated argument.
 */
const char *
dk_milter_wire_str(const char **p, const char *end)
{
	const char *s = *p, *nul;

	if (s >= end || (nul = memchr(s, '\0', (size_t)(end - s))) == NULL)
		return NULL;
	*p = nul + 1;
	return s;
}

static int
out_reserve(struct conn *c, size_t n)
{
	char *nb;
	size_t cap;

	if (c->outlen + n > MILTER_OUT_MAX + MILTER_FRAME_MAX)
		return -1;
	if (c->outlen + n <= c->outcap)
		return 0;
	cap = c->outcap ? c->outcap : 256;
	while (cap < c->outlen + n)
		cap *= 2;
	if ((nb = realloc(c->out, cap)) == NULL)
		return -1;
	c->out = nb;
	c->outcap = cap;
	return 0;
}

/* Queue a reply: cmd followed by a[0..alen) and b[0..blen). */
int
dk_milter_wire_reply(struct conn *c, char cmd, const void *a, size_t alen,
    const void *b, size_t blen)
{
	size_t n = 1 + alen + blen;
	char *p;

	if (n > MILTER_FRAME_MAX || out_reserve(c, 4 + n) == -1)
		return -1;
	p = c->out + c->outlen;
	put_u32(p, (uint32_t)n);
	p[4] = cmd;
	if (alen > 0)
		memcpy(p + 5, a, alen);
	if (blen > 0)
		memcpy(p + 5 + alen, b, blen);
	c->outlen += 4 + n;
	return 0;
}

/*
 * SMFIR_ADDHEADER (name, value) or SMFIR_INSHEADER and SMFIR_CHGHEADER
 * (index, name, value); strings go with their NULs.
 */
int
dk_milter_wire_header(struct conn *c, char cmd, uint32_t index,
    const char *name, const char *value)
{
	size_t nlen = strlen(name) + 1, vlen = strlen(value) + 1;
	size_t ilen = cmd == SMFIR_ADDHEADER ? 0 : 4;
	char *buf;
	int rc;

	if ((buf = malloc(ilen + nlen + vlen)) == NULL)
		return -1;
	if (ilen > 0)
		put_u32(buf, index);
	memcpy(buf + ilen, name, nlen);
	memcpy(buf + ilen + nlen, value, vlen);
	rc = dk_milter_wire_reply(c, cmd, buf, ilen + nlen + vlen, NULL, 0);
	free(buf);
	return rc;
}

int
dk_milter_wire_optneg(struct conn *c, uint32_t version, uint32_t actions,
    uint32_t proto)
{
	char buf[12];

	put_u32(buf, version);
	put_u32(buf + 4, actions);
	put_u32(buf + 8, proto);
	return dk_milter_wire_reply(c, SMFIC_OPTNEG, buf, sizeof(buf), NULL, 0);
}
