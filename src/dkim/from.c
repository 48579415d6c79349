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
 * The addresses of From (RFC 5322 §3.4), which a front end needs. This
 * reads hostile text: it never reads past the value, keeps at most a
 * bounded number of bounded strings, and gives up on what it cannot
 * read rather than guess.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dkim.h"

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
	int	 gap;		/* white space since the last octet kept */
	int	 split;		/* two words with no '@' or '.' between */
};

static void
mbox_reset(struct mbox *m)
{
	m->len = 0;
	m->overflow = 0;
	m->closed = 0;
	m->gap = 0;
	m->split = 0;
}

static void
mbox_put(struct mbox *m, const char *p, size_t n)
{
	if (m->closed)
		return;
	/*
	 * White space may stand around '@' and '.' (obsolete syntax, RFC
	 * 5322 §4.4), but "a@example.test junk" is no address: it must not
	 * read as a@example.testjunk.
	 */
	if (m->gap && m->len > 0 && m->addr[m->len - 1] != '@' &&
	    m->addr[m->len - 1] != '.' && *p != '@' && *p != '.')
		m->split = 1;
	m->gap = 0;
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

	if (m->overflow || m->split || m->len == 0)
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
			p = dk_skip_comment(p, end);
			m.gap = 1;	/* a comment separates, as space does */
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
			if (is_space(*p))
				m.gap = 1;
			else
				mbox_put(&m, p, 1);
			p++;
		}
	}
	mbox_end(&m, out, max, &n);
	return n;
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
		dk_hfield_value(&mh->f[i], &v, &len);
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
