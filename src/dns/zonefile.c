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
 * The zone-file key source: the vectors/dns.txt format (see dns.h), for
 * tests and offline runs. The file is parsed once into an array of
 * records sorted by name, then by line (qsort is not stable, so the line
 * keeps file order), and grouped per name; a lookup is a binary search.
 * Names are stored lowercased and without a trailing dot, so a lookup
 * only has to fold the name it is given.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dns.h"

#define ZONE_NAME_MAX	253	/* RFC 1035 §2.3.4: 255 octets on the wire
				 * is 253 characters as text */
#define ZONE_TXT_MAX	65535	/* RFC 1035 §3.2.1: RDLENGTH is 16 bits, so
				 * the strings of a TXT record, joined, are
				 * shorter; the key parser rejects records
				 * over DK_KEYREC_MAX itself */

/* One line of the file. */
struct zrec {
	char			*name;
	char			*text;		/* TXT only */
	size_t			 line;
	enum dk_dns_rcode	 rcode;
};

/* All records at one name: txt[0..ntxt) in file order. */
struct zname {
	const char		*name;
	enum dk_dns_rcode	 rcode;
	const char		**txt;
	size_t			 ntxt;
};

struct dk_zone {
	struct zrec		*rec;
	size_t			 nrec;
	struct zname		*names;
	size_t			 nnames;
	const char		**txt;		/* every TXT text, grouped */
};

/* The error of one line, being parsed. */
struct lineerr {
	char		*buf;
	size_t		 len;
	size_t		 line;
	int		*nomem;		/* set when memory ran out */
};

static int
zerr(const struct lineerr *e, const char *fmt, ...)
    __attribute__((__format__(__printf__, 2, 3)));

static int
zerr(const struct lineerr *e, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (e->len == 0)
		return -1;
	n = snprintf(e->buf, e->len, "line %zu: ", e->line);
	if (n >= 0 && (size_t)n < e->len) {
		va_start(ap, fmt);
		vsnprintf(e->buf + n, e->len - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int
zerr_oom(const struct lineerr *e)
{
	*e->nomem = 1;
	return zerr(e, "out of memory");
}

static int
is_wsp(char c)
{
	return c == ' ' || c == '\t';
}

static const char *
skip_wsp(const char *p, const char *end)
{
	while (p < end && is_wsp(*p))
		p++;
	return p;
}

static const char *
skip_token(const char *p, const char *end)
{
	while (p < end && !is_wsp(*p))
		p++;
	return p;
}

/* Lowercase a name and drop one trailing dot; NULL if it is too long. */
static char *
fold_name(const char *p, size_t len, char *out)
{
	size_t i;

	if (len > 0 && p[len - 1] == '.')
		len--;
	if (len > ZONE_NAME_MAX)
		return NULL;
	for (i = 0; i < len; i++)
		out[i] = (p[i] >= 'A' && p[i] <= 'Z') ? p[i] - 'A' + 'a' : p[i];
	out[len] = '\0';
	return out;
}

static const struct {
	const char		*word;
	enum dk_dns_rcode	 rcode;
} types[] = {
	{ "TXT", DK_DNS_OK },
	{ "NXDOMAIN", DK_DNS_NXDOMAIN },
	{ "SERVFAIL", DK_DNS_SERVFAIL },
	{ "TIMEOUT", DK_DNS_TIMEOUT },
};

static int
parse_type(const char *p, size_t len, enum dk_dns_rcode *rcode)
{
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strlen(types[i].word) == len &&
		    strncasecmp(types[i].word, p, len) == 0) {
			*rcode = types[i].rcode;
			return 0;
		}
	return -1;
}

/*
 * One quoted string at *pp, appended to out at *outlen. Only \" and \\
 * are escapes. The string must end at WSP or at the end of the line.
 */
static int
parse_string(const char **pp, const char *end, char *out, size_t *outlen,
    const struct lineerr *e)
{
	const char *p = *pp + 1;

	for (;;) {
		if (p == end)
			return zerr(e, "unterminated string");
		if (*p == '"')
			break;
		if (*p == '\\') {
			if (++p == end)
				return zerr(e, "unterminated string");
			if (*p != '"' && *p != '\\')
				return zerr(e, "bad escape \"\\%c\"", *p);
		}
		if (*outlen == ZONE_TXT_MAX)
			return zerr(e, "record over %d bytes", ZONE_TXT_MAX);
		out[(*outlen)++] = *p++;
	}
	p++;
	if (p < end && !is_wsp(*p))
		return zerr(e, "junk after a string");
	*pp = p;
	return 0;
}

/*
 * The strings of a TXT line, joined. The text is never longer than the
 * line, so a buffer of the line's size holds it.
 */
static char *
parse_strings(const char *p, const char *end, const struct lineerr *e)
{
	char *text;
	size_t len = 0, nstrings = 0;

	if ((text = malloc((size_t)(end - p) + 1)) == NULL) {
		zerr_oom(e);
		return NULL;
	}
	while ((p = skip_wsp(p, end)) < end) {
		if (*p != '"') {
			zerr(e, nstrings ? "junk after a string" :
			    "TXT needs a quoted string");
			goto fail;
		}
		if (parse_string(&p, end, text, &len, e) == -1)
			goto fail;
		nstrings++;
	}
	if (nstrings == 0) {
		zerr(e, "TXT needs a quoted string");
		goto fail;
	}
	text[len] = '\0';
	return text;
fail:
	free(text);
	return NULL;
}

/* Parse the line p[0..end) into r. */
static int
parse_line(const char *p, const char *end, struct zrec *r,
    const struct lineerr *e)
{
	const char *name, *type;
	char folded[ZONE_NAME_MAX + 1];

	if (memchr(p, '\0', (size_t)(end - p)) != NULL)
		return zerr(e, "NUL byte");
	if (is_wsp(*p))
		return zerr(e, "missing name");
	name = p;
	p = skip_token(p, end);
	if (fold_name(name, (size_t)(p - name), folded) == NULL)
		return zerr(e, "name over %d characters", ZONE_NAME_MAX);
	if (folded[0] == '\0')
		return zerr(e, "missing name");
	type = p = skip_wsp(p, end);
	if (p == end)
		return zerr(e, "missing type");
	p = skip_token(p, end);
	if (parse_type(type, (size_t)(p - type), &r->rcode) == -1)
		return zerr(e, "unknown type \"%.*s\"",
		    (int)(p - type > 32 ? 32 : p - type), type);
	if (r->rcode != DK_DNS_OK && skip_wsp(p, end) != end)
		return zerr(e, "junk after %.*s", (int)(p - type), type);
	if (r->rcode == DK_DNS_OK &&
	    (r->text = parse_strings(p, end, e)) == NULL)
		return -1;
	if ((r->name = strdup(folded)) == NULL) {
		free(r->text);
		r->text = NULL;
		return zerr_oom(e);
	}
	return 0;
}

static int
rec_cmp(const void *a, const void *b)
{
	const struct zrec *ra = a, *rb = b;
	int c;

	if ((c = strcmp(ra->name, rb->name)) != 0)
		return c;
	return ra->line < rb->line ? -1 : ra->line > rb->line;
}

/*
 * Sort the records by name and group them. A name has either TXT
 * records or one simulated outcome: anything else is a conflict.
 */
static int
group(struct dk_zone *z, const struct lineerr *e)
{
	struct zrec *r, *prev;
	struct zname *zn = NULL;
	size_t i, ntxt = 0;

	if (z->nrec > 0)
		qsort(z->rec, z->nrec, sizeof(z->rec[0]), rec_cmp);
	if ((z->names = calloc(z->nrec + 1, sizeof(*z->names))) == NULL ||
	    (z->txt = calloc(z->nrec + 1, sizeof(*z->txt))) == NULL) {
		*e->nomem = 1;
		snprintf(e->buf, e->len, "out of memory");
		return -1;
	}
	for (i = 0; i < z->nrec; i++) {
		r = &z->rec[i];
		prev = i ? &z->rec[i - 1] : NULL;
		if (prev == NULL || strcmp(prev->name, r->name) != 0) {
			zn = &z->names[z->nnames++];
			zn->name = r->name;
			zn->rcode = r->rcode;
			zn->txt = &z->txt[ntxt];
		} else if (r->rcode != DK_DNS_OK || prev->rcode != DK_DNS_OK) {
			snprintf(e->buf, e->len, "line %zu: %s conflicts "
			    "with line %zu", r->line, r->name, prev->line);
			return -1;
		}
		if (r->rcode == DK_DNS_OK) {
			z->txt[ntxt++] = r->text;
			zn->ntxt++;
		}
	}
	return 0;
}

/* Add the record of line p[0..end), unless it is blank or a comment. */
static int
add_line(struct dk_zone *z, size_t *cap, const char *p, const char *end,
    const struct lineerr *e)
{
	struct zrec *nr;

	if (skip_wsp(p, end) == end || *p == '#')
		return 0;
	if (z->nrec == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		if ((nr = reallocarray(z->rec, *cap, sizeof(*nr))) == NULL)
			return zerr_oom(e);
		z->rec = nr;
	}
	nr = &z->rec[z->nrec];
	memset(nr, 0, sizeof(*nr));
	nr->line = e->line;
	if (parse_line(p, end, nr, e) == -1)
		return -1;
	z->nrec++;
	return 0;
}

/* see dkimkit.h */
enum dk_status
dk_zone_parse(struct dk_zone **zp, const void *buf, size_t len, char *err,
    size_t errlen)
{
	struct dk_zone *z;
	char dummy[1];
	int nomem = 0;
	struct lineerr e = { err, errlen, 0, &nomem };
	const char *p = buf, *end = p + len, *nl, *eol;
	size_t cap = 0;

	*zp = NULL;
	if (err == NULL) {
		e.buf = dummy;
		e.len = sizeof(dummy);
	}
	if (e.len > 0)
		e.buf[0] = '\0';
	if (len > DK_ZONE_MAX) {
		snprintf(e.buf, e.len, "zone over %d bytes", DK_ZONE_MAX);
		return DK_ELIMIT;
	}
	if ((z = calloc(1, sizeof(*z))) == NULL) {
		snprintf(e.buf, e.len, "out of memory");
		return DK_ENOMEM;
	}
	while (p < end) {
		e.line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		eol = (nl > p && nl[-1] == '\r') ? nl - 1 : nl;
		if (add_line(z, &cap, p, eol, &e) == -1)
			goto fail;
		p = nl < end ? nl + 1 : end;
	}
	if (group(z, &e) == -1)
		goto fail;
	*zp = z;
	return DK_OK;
fail:
	dk_zone_free(z);
	return nomem ? DK_ENOMEM : DK_ESYNTAX;
}

static int
name_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct zname *)elem)->name);
}

/* see dkimkit.h */
enum dk_dns_rcode
dk_zone_lookup(const struct dk_zone *z, const char *name,
    const char *const **txt, size_t *ntxt)
{
	char folded[ZONE_NAME_MAX + 1];
	const struct zname *zn;

	*txt = NULL;
	*ntxt = 0;
	if (z == NULL || name == NULL ||
	    fold_name(name, strlen(name), folded) == NULL ||
	    (zn = bsearch(folded, z->names, z->nnames, sizeof(*zn),
	    name_cmp)) == NULL)
		return DK_DNS_NXDOMAIN;
	if (zn->rcode == DK_DNS_OK) {
		*txt = zn->txt;
		*ntxt = zn->ntxt;
	}
	return zn->rcode;
}

/* see dkimkit.h */
enum dk_status
dk_zone_answer_verifier(const struct dk_zone *z, struct dk_verifier *v)
{
	const char *q, *const *txt;
	size_t ntxt;
	enum dk_dns_rcode rcode;
	enum dk_status st;

	if (z == NULL || v == NULL)
		return DK_EINVAL;
	while ((q = dk_verifier_next_query(v)) != NULL) {
		rcode = dk_zone_lookup(z, q, &txt, &ntxt);
		if ((st = dk_verifier_answer(v, q, rcode, txt, ntxt)) != DK_OK)
			return st;
	}
	return DK_OK;
}

/* see dkimkit.h */
void
dk_zone_free(struct dk_zone *z)
{
	size_t i;

	if (z == NULL)
		return;
	for (i = 0; i < z->nrec; i++) {
		free(z->rec[i].name);
		free(z->rec[i].text);
	}
	free(z->rec);
	free(z->names);
	free(z->txt);
	free(z);
}
