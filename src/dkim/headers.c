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
 * The header block of a message, taken from a stream. It is the only part
 * of a message the engine keeps: signatures cover header fields picked at
 * the end, while the body is hashed as it streams past.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dkim.h"

#define HDR_CHUNK	4096	/* first allocation; doubled as needed */

static int
is_wsp(char c)
{
	return c == ' ' || c == '\t';
}

static enum dk_status
append(struct dk_msghdr *mh, const char *buf, size_t len)
{
	char *nb;
	size_t ncap;

	if (len > DK_HEADER_MAX - mh->len)
		return DK_ELIMIT;
	if (mh->cap - mh->len < len) {
		ncap = mh->cap ? mh->cap : HDR_CHUNK;
		while (ncap - mh->len < len)
			ncap *= 2;
		if (ncap > DK_HEADER_MAX)
			ncap = DK_HEADER_MAX;
		if ((nb = realloc(mh->buf, ncap)) == NULL)
			return DK_ENOMEM;
		mh->buf = nb;
		mh->cap = ncap;
	}
	memcpy(mh->buf + mh->len, buf, len);
	mh->len += len;
	return DK_OK;
}

/* see dkim.h */
void
dk_msghdr_limit_msg(char *buf, size_t len)
{
	(void)snprintf(buf, len, "header block is larger than %d bytes "
	    "(DK_HEADER_MAX)", DK_HEADER_MAX);
}

/*
 * The block ends at an empty line: CRLF at the start of a line. bol says
 * the stored bytes end a line (or there are none); a CR at the start of a
 * line is stored and decided on by the next byte.
 */
enum dk_status
dk_msghdr_write(struct dk_msghdr *mh, const char *buf, size_t len,
    size_t *used)
{
	const char *lf;
	size_t i = 0, n;
	enum dk_status st;

	if (mh->len == 0 && mh->cap == 0)
		mh->bol = 1;
	while (i < len && !mh->done) {
		if (mh->bol && mh->len > 0 && mh->buf[mh->len - 1] == '\r' &&
		    (mh->len == 1 || mh->buf[mh->len - 2] == '\n')) {
			if (buf[i] == '\n') {
				mh->len--;	/* the empty line is no field */
				mh->done = 1;
				i++;
				break;
			}
			mh->bol = 0;
		}
		if (mh->bol && buf[i] == '\r') {
			if ((st = append(mh, buf + i, 1)) != DK_OK)
				return st;
			i++;
			continue;
		}
		mh->bol = 0;
		lf = memchr(buf + i, '\n', len - i);
		n = lf == NULL ? len - i : (size_t)(lf - (buf + i)) + 1;
		if ((st = append(mh, buf + i, n)) != DK_OK)
			return st;
		i += n;
		if (lf != NULL && mh->len >= 2 && mh->buf[mh->len - 2] == '\r')
			mh->bol = 1;
	}
	*used = i;
	return DK_OK;
}

/* see dkim.h */
enum dk_status
dk_msghdr_feed(struct dk_msghdr *mh, const char *buf, size_t len,
    enum dk_status (*eoh)(void *),
    void (*body)(void *, const char *, size_t), void *arg)
{
	enum dk_status st;
	size_t used = 0;

	if (!mh->done) {
		if ((st = dk_msghdr_write(mh, buf, len, &used)) != DK_OK)
			return st;
		if (mh->done && (st = eoh(arg)) != DK_OK)
			return st;
	}
	if (used < len)
		body(arg, buf + used, len - used);
	return DK_OK;
}

static enum dk_status
add_field(struct dk_msghdr *mh, const char *text)
{
	struct dk_hfield *nf;
	size_t ncap;

	if (mh->nf % 64 == 0) {
		ncap = mh->nf + 64;
		if ((nf = reallocarray(mh->f, ncap, sizeof(*nf))) == NULL)
			return DK_ENOMEM;
		mh->f = nf;
	}
	mh->f[mh->nf].text = text;
	mh->f[mh->nf].len = 0;
	mh->f[mh->nf].namelen = 0;
	mh->nf++;
	return DK_OK;
}

/* see dkimkit.h; RFC 5322 §3.6.8: ftext is printable ASCII but the colon */
size_t
dk_field_name_len(const char *line, size_t len)
{
	const char *colon;
	size_t n, i;

	if ((colon = memchr(line, ':', len)) == NULL)
		return 0;
	n = (size_t)(colon - line);
	while (n > 0 && is_wsp(line[n - 1]))	/* RFC 5322 §4.5.8 */
		n--;
	for (i = 0; i < n; i++)
		if (line[i] < 33 || line[i] > 126)
			return 0;
	return n;
}

static void
syntax_error(char *err, size_t errlen, int *failed, size_t lineno,
    const char *why)
{
	if (!*failed)
		snprintf(err, errlen, "header line %zu: %s", lineno, why);
	*failed = 1;
}

/*
 * Split lines ending in CRLF into fields. A line starting with WSP
 * continues the field above it (RFC 5322 §2.2.3).
 */
enum dk_status
dk_msghdr_end(struct dk_msghdr *mh, char *err, size_t errlen)
{
	const char *p, *end, *eol;
	struct dk_hfield *cur = NULL;
	size_t lineno = 0, namelen;
	int failed = 0;
	enum dk_status st;

	mh->done = 1;
	if (mh->len == 0)
		return DK_OK;	/* buf may be NULL: no arithmetic on it */
	p = mh->buf;
	end = mh->buf + mh->len;
	while (p < end) {
		lineno++;
		for (eol = p; eol + 1 < end; eol++)
			if (eol[0] == '\r' && eol[1] == '\n')
				break;
		if (eol + 1 >= end) {
			eol = end;
			syntax_error(err, errlen, &failed, lineno,
			    "cut off by the end of input (no CRLF)");
		}
		if (is_wsp(*p) && cur != NULL) {
			cur->len = (size_t)(eol - cur->text);
		} else if ((namelen = dk_field_name_len(p,
		    (size_t)(eol - p))) == 0) {
			syntax_error(err, errlen, &failed, lineno,
			    is_wsp(*p) ? "continuation line before any field" :
			    "not a header field (no name and colon)");
			cur = NULL;
		} else {
			if ((st = add_field(mh, p)) != DK_OK)
				return st;
			cur = &mh->f[mh->nf - 1];
			cur->namelen = namelen;
			cur->len = (size_t)(eol - p);
		}
		p = eol + 2;
	}
	return failed ? DK_ESYNTAX : DK_OK;
}

void
dk_msghdr_free(struct dk_msghdr *mh)
{
	free(mh->buf);
	free(mh->f);
	memset(mh, 0, sizeof(*mh));
}

/* see dkim.h */
void
dk_hfield_value(const struct dk_hfield *f, const char **p, size_t *len)
{
	const char *v = f->text + f->namelen, *end = f->text + f->len;

	while (v < end && *v != ':')
		v++;
	if (v < end)
		v++;
	*p = v;
	*len = (size_t)(end - v);
}

/* see dkim.h */
const char *
dk_skip_comment(const char *p, const char *end)
{
	int depth = 0;

	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end)
			p++;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p + 1;
	}
	return end;
}

/* see dkim.h */
const char *
dk_skip_cfws(const char *p, const char *end)
{
	while (p < end && (*p == '(' || *p == ' ' || *p == '\t' ||
	    *p == '\r' || *p == '\n'))
		p = *p == '(' ? dk_skip_comment(p, end) : p + 1;
	return p;
}

int
dk_hfield_is(const struct dk_hfield *f, const char *name, size_t namelen)
{
	return f->namelen == namelen &&
	    strncasecmp(f->text, name, namelen) == 0;
}

size_t
dk_msghdr_count(const struct dk_msghdr *mh, const char *name)
{
	size_t i, n = 0, len = strlen(name);

	for (i = 0; i < mh->nf; i++)
		if (dk_hfield_is(&mh->f[i], name, len))
			n++;
	return n;
}
