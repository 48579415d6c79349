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
 * Readers of header fields a front end needs: the addresses of From
 * (RFC 5322 §3.4) and the authserv-id of Authentication-Results (RFC
 * 8601 §2.2). Both read hostile text: they never read past the value,
 * keep at most a bounded number of bounded strings, and give up on what
 * they cannot read rather than guess.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dkim.h"

/* Skip an RFC 5322 §3.2.2 comment starting at p ('('), nested. */
static const char *
skip_comment(const char *p, const char *end)
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

/* The end of the quoted-string starting at p ('"'). */
static const char *
skip_quoted(const char *p, const char *end)
{
	for (p++; p < end && *p != '"'; p++)
		if (*p == '\\' && p + 1 < end)
			p++;
	return p < end ? p + 1 : end;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* One mailbox's address as it is being read. */
struct mbox {
	char	 addr[DK_ADDR_MAX + 1];
	size_t	 len;
	int	 overflow;
	int	 closed;	/* the angle-addr ended: ignore the rest */
};

static void
mbox_reset(struct mbox *m)
{
	m->len = 0;
	m->overflow = 0;
	m->closed = 0;
}

static void
mbox_put(struct mbox *m, const char *p, size_t n)
{
	if (m->closed)
		return;
	if (n > DK_ADDR_MAX - m->len) {
		m->overflow = 1;
		return;
	}
	memcpy(m->addr + m->len, p, n);
	m->len += n;
}

/*
 * local@domain with a non-empty local part and a domain of LDH labels:
 * lowercase the domain, drop its final dot. 0, or -1.
 */
static int
mbox_finish(struct mbox *m)
{
	char *at;
	size_t i, dlen;

	if (m->overflow || m->len == 0)
		return -1;
	m->addr[m->len] = '\0';
	if ((at = strrchr(m->addr, '@')) == NULL || at == m->addr)
		return -1;
	for (i = 0; i < (size_t)(at - m->addr); i++)	/* SP: quoted */
		if ((unsigned char)m->addr[i] < 0x20 ||
		    (unsigned char)m->addr[i] > 0x7e)
			return -1;
	dlen = strlen(at + 1);
	if (dlen > 0 && at[dlen] == '.')
		at[dlen--] = '\0';
	if (!dk_sig_domain_ok(at + 1, dlen, 1))
		return -1;
	for (i = 1; i <= dlen; i++)
		at[i] = (char)tolower((unsigned char)at[i]);
	m->len = (size_t)(at - m->addr) + 1 + dlen;
	return 0;
}

/* Keep the mailbox read so far, if it is one; start the next. */
static void
mbox_end(struct mbox *m, char out[][DK_ADDR_MAX + 1], size_t max,
    size_t *n)
{
	if (*n < max && mbox_finish(m) == 0)
		memcpy(out[(*n)++], m->addr, m->len + 1);
	mbox_reset(m);
}

/* see dkim.h */
size_t
dk_from_parse(const char *p, size_t len, char out[][DK_ADDR_MAX + 1],
    size_t max)
{
	const char *q, *end = p + len;
	struct mbox m;
	size_t n = 0;
	int angle = 0;

	mbox_reset(&m);
	while (p < end) {
		if (*p == '(') {
			p = skip_comment(p, end);
		} else if (*p == '"') {
			q = skip_quoted(p, end);
			mbox_put(&m, p, (size_t)(q - p));
			p = q;
		} else if (*p == '<') {
			mbox_reset(&m);	/* the angle-addr wins */
			angle = 1;
			p++;
		} else if (*p == '>' && angle) {
			m.closed = 1;
			angle = 0;
			p++;
		} else if (!angle && (*p == ',' || *p == ';')) {
			mbox_end(&m, out, max, &n);
			p++;
		} else if (!angle && *p == ':') {
			mbox_reset(&m);	/* a group's display-name */
			p++;
		} else {
			if (!is_space(*p))
				mbox_put(&m, p, 1);
			p++;
		}
	}
	mbox_end(&m, out, max, &n);
	return n;
}

/* The value of a field: after the name, optional WSP and the colon. */
static void
field_value(const struct dk_hfield *f, const char **p, size_t *len)
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
enum dk_status
dk_from_collect(struct dk_fromlist *fl, const struct dk_msghdr *mh)
{
	char (*addr)[DK_ADDR_MAX + 1];
	const char *v;
	size_t i, k, n, len, nfrom = 0;

	if ((addr = calloc(DK_FROM_MAX, sizeof(*addr))) == NULL)
		return DK_ENOMEM;
	for (i = 0; i < mh->nf && fl->n < DK_FROM_MAX; i++) {
		if (!DK_HFIELD_IS(&mh->f[i], "From"))
			continue;
		field_value(&mh->f[i], &v, &len);
		n = dk_from_parse(v, len, addr, DK_FROM_MAX - fl->n);
		for (k = 0; k < n; k++) {
			if ((fl->addr[fl->n] = strdup(addr[k])) == NULL) {
				free(addr);
				return DK_ENOMEM;
			}
			if (nfrom == 0 && k == 0)
				fl->domain = strrchr(fl->addr[fl->n], '@') + 1;
			fl->n++;
		}
		nfrom++;
	}
	free(addr);
	if (dk_msghdr_count(mh, "From") != 1)
		fl->domain = NULL;
	return DK_OK;
}

/* see dkim.h */
void
dk_from_free(struct dk_fromlist *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		free(fl->addr[i]);
	memset(fl, 0, sizeof(*fl));
}

/* see dkimkit.h */
int
dk_authres_has_id(const char *value, size_t len, const char *id)
{
	const char *p = value, *end = value + len;
	size_t i = 0, idlen;
	int quoted;

	if (value == NULL || id == NULL || (idlen = strlen(id)) == 0)
		return 0;
	while (p < end && (*p == '(' || is_space(*p)))
		p = *p == '(' ? skip_comment(p, end) : p + 1;
	if ((quoted = p < end && *p == '"'))
		p++;
	for (; p < end; p++) {
		if (quoted && *p == '"')
			break;
		if (quoted && *p == '\\' && p + 1 < end)
			p++;
		else if (!quoted && (*p == ';' || *p == '(' || is_space(*p)))
			break;
		if (i >= idlen || tolower((unsigned char)*p) !=
		    tolower((unsigned char)id[i]))
			return 0;
		i++;
	}
	return i == idlen;
}

/* see dkim.h */
size_t
dk_authres_find(const struct dk_msghdr *mh, const char *id, size_t *idx,
    size_t max)
{
	const char *v;
	size_t i, len, nth = 0, n = 0;

	for (i = 0; i < mh->nf; i++) {
		if (!DK_HFIELD_IS(&mh->f[i], "Authentication-Results"))
			continue;
		nth++;
		field_value(&mh->f[i], &v, &len);
		if (!dk_authres_has_id(v, len, id))
			continue;
		if (idx != NULL && n < max)
			idx[n] = nth;
		n++;
	}
	return n;
}
