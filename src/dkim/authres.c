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
 * Authentication-Results for DKIM (RFC 8601 §2.2, §2.7.1; RFC 6008):
 *
 *   Authentication-Results: mx.example.org;
 *   	dkim=pass header.d=example.com header.s=sel header.a=rsa-sha256
 *   	header.b="abcd/+=x";
 *   	dkim=fail (body-hash-mismatch) header.d=example.net ...
 *
 * Every value here may come from a hostile signature. Each is written
 * as an RFC 2045 token when it is one, else as a quoted-string when all
 * of it is visible ASCII, else not at all; the comment holds only a
 * reason word. So no value can end the result (";"), open a comment
 * ("("), or break the line. Folds come only before a property or a
 * result, and keep each line under 998 octets (RFC 5322 §2.1.1).
 */

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dkim.h"

#define LINE_COLS	78	/* RFC 5322 §2.1.1: SHOULD be no more */
#define FOLD		"\r\n\t"
#define FOLD_COL	8	/* where text resumes after FOLD's TAB */
/* an authserv-id is a host name */
#define ID_MAX		DK_DOMAIN_MAX
#define VALUE_MAX	DK_DOMAIN_MAX	/* longer values are left out */
#define WORD_MAX	32	/* outcome and reason words */
#define PROP_MAX	(sizeof(FOLD "header.x=") + 2 * VALUE_MAX + 2)
#define RESULT_MAX	(sizeof(";" FOLD "dkim=") + WORD_MAX + \
			    sizeof(" ()") + WORD_MAX + 4 * PROP_MAX)
#define HEAD_MAX	(sizeof("Authentication-Results: ; dkim=none") + \
			    ID_MAX)

/* A buffer sized in advance: running out means a bound above is wrong. */
struct out {
	char	*buf;
	size_t	 len;
	size_t	 cap;
	size_t	 col;
	int	 failed;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->failed || o->cap - o->len <= n) {
		o->failed = 1;
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
	o->col += n;
}

static void
put_str(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void
fold(struct out *o)
{
	put_str(o, FOLD);
	o->col = FOLD_COL;
}

/* RFC 2045 §5.1: tspecials must be quoted. */
static int
is_tspecial(unsigned char c)
{
	return c != '\0' && strchr("()<>@,;:\\\"/[]?=", c) != NULL;
}

static int
is_vchar(unsigned char c)
{
	return c >= 0x21 && c <= 0x7e;
}

/* RFC 2045 §5.1: token := 1*<any CHAR except SPACE, CTLs, or tspecials> */
static int
is_token(const char *s, size_t maxlen)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (i == maxlen || !is_vchar((unsigned char)s[i]) ||
		    is_tspecial((unsigned char)s[i]))
			return 0;
	return i > 0;
}

/*
 * The value as token or quoted-string (RFC 5322 §3.2.4, with " and \
 * as quoted-pairs) into q[0..2 * VALUE_MAX + 3); 0 when it must be
 * left out.
 */
static size_t
encode_value(const char *s, char q[2 * VALUE_MAX + 3])
{
	size_t i, o = 0;

	if (s == NULL || strlen(s) > VALUE_MAX || s[0] == '\0')
		return 0;
	if (is_token(s, VALUE_MAX)) {
		memcpy(q, s, strlen(s));
		return strlen(s);
	}
	q[o++] = '"';
	for (i = 0; s[i] != '\0'; i++) {
		if (!is_vchar((unsigned char)s[i]))
			return 0;
		if (s[i] == '"' || s[i] == '\\')
			q[o++] = '\\';
		q[o++] = s[i];
	}
	q[o++] = '"';
	return o;
}

/* " header.NAME=VALUE", folded before it when the line would pass. */
static void
put_prop(struct out *o, const char *name, const char *value)
{
	char q[2 * VALUE_MAX + 3];
	size_t qlen, need;

	if ((qlen = encode_value(value, q)) == 0)
		return;
	/* a space before, and room for the ";" that may follow */
	need = 1 + strlen("header.=") + strlen(name) + qlen + 1;
	if (o->col + need > LINE_COLS)
		fold(o);
	else
		put_str(o, " ");
	put_str(o, "header.");
	put_str(o, name);
	put_str(o, "=");
	put(o, q, qlen);
}

static void
put_result(struct out *o, const struct dk_result *r)
{
	const char *reason = dk_reason_str(r->reason);

	fold(o);
	put_str(o, "dkim=");
	put_str(o, dk_outcome_str(r->outcome));
	/* RFC 8601 §2.3: the comment says why; a pass needs no why */
	if (r->outcome != DK_PASS && r->reason != DK_R_OK &&
	    is_token(reason, WORD_MAX)) {
		put_str(o, " (");
		put_str(o, reason);
		put_str(o, ")");
	} else if (r->outcome == DK_PASS && r->key_dnssec)
		put_str(o, " (dnssec)");	/* the key is authenticated */
	put_prop(o, "d", r->domain);
	put_prop(o, "s", r->selector);
	put_prop(o, "a", r->algorithm);
	put_prop(o, "b", r->b_prefix);
}

/* see dkimkit.h */
int
dk_authserv_id_ok(const char *s)
{
	return s != NULL && is_token(s, ID_MAX);
}

/* see dkim.h */
char *
dk_authres_format(const char *authserv_id, const struct dk_result *res,
    size_t n)
{
	struct out o = { NULL, 0, 0, 0, 0 };
	size_t i;

	if (!dk_authserv_id_ok(authserv_id) ||
	    n > (SIZE_MAX - HEAD_MAX) / RESULT_MAX)
		return NULL;
	o.cap = HEAD_MAX + n * RESULT_MAX;
	if ((o.buf = malloc(o.cap)) == NULL)
		return NULL;
	put_str(&o, "Authentication-Results: ");
	put_str(&o, authserv_id);
	put_str(&o, ";");
	if (n == 0)
		put_str(&o, " dkim=none");
	for (i = 0; i < n; i++) {
		if (i > 0)
			put_str(&o, ";");
		put_result(&o, &res[i]);
	}
	if (o.failed) {
		free(o.buf);
		return NULL;
	}
	return o.buf;
}

/*
 * Reading the authserv-id of an Authentication-Results field (RFC 8601
 * §2.2) from hostile text: never past the value, giving up on what
 * cannot be read.
 */

/* see dkimkit.h */
int
dk_authres_has_id(const char *value, size_t len, const char *id)
{
	const char *p = value, *end = value + len;
	size_t i = 0, idlen;
	int quoted;

	if (value == NULL || id == NULL || (idlen = strlen(id)) == 0)
		return 0;
	p = dk_skip_cfws(p, end);
	if ((quoted = p < end && *p == '"'))
		p++;
	for (; p < end; p++) {
		if (quoted && *p == '"')
			break;
		if (quoted && *p == '\\' && p + 1 < end)
			p++;
		else if (!quoted && (*p == ';' || dk_skip_cfws(p, end) != p))
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
		dk_hfield_value(&mh->f[i], &v, &len);
		if (!dk_authres_has_id(v, len, id))
			continue;
		if (idx != NULL && n < max)
			idx[n] = nth;
		n++;
	}
	return n;
}
