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
 * DKIM-Signature formatting (RFC 6376 §3.5), folded for RFC 5322 §2.1.1
 * (the shape only: real lines are filled up to LINE_COLS):
 *
 *   DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com;
 *   	s=sel; t=1700000000; h=from:from:to:subject:date:message-id:
 *   	message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=
 *
 * Invariants: no line passes LINE_COLS columns (a TAB counts to the next
 * multiple of 8, so the limit holds however tabs are shown); folds are
 * CRLF TAB and sit only where §3.5 allows FWS (between tags, around a
 * colon in h=, between base64 characters; never inside i=, which
 * §2.11 would allow but verifiers that skip its decoding would then
 * misread); every line holds more than whitespace; b= comes last, with
 * an empty value, so that the field can be hashed (§3.7) before
 * dk_sig_append_b() continues the same folding with the signature.
 */

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dkim.h"

#define LINE_COLS	78	/* RFC 5322 §2.1.1: SHOULD be no more */
#define TAB_COLS	8
#define FOLD		"\r\n\t"
#define NUM_LEN		24	/* an int64_t in decimal, and a NUL */
#define OUT_START	512	/* a typical field fits without realloc */

/* Where a value may be folded: the length of the next unbreakable unit. */
enum unit {
	UNIT_WHOLE,		/* d=, s=, i=, ...: kept on one line */
	UNIT_CHAR,		/* base64: FWS between any two characters */
	UNIT_NAME		/* h=: a name and the colon after it */
};

struct out {
	char	*buf;
	size_t	 len;
	size_t	 cap;
	size_t	 col;
	int	 failed;
};

static size_t
advance_col(size_t col, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n')
			col = 0;
		else if (s[i] == '\t')
			col = (col / TAB_COLS + 1) * TAB_COLS;
		else if (s[i] != '\r')
			col++;
	}
	return col;
}

static void
put(struct out *o, const char *s, size_t n)
{
	char *nb;
	size_t ncap;

	if (o->failed)
		return;
	if (o->cap - o->len <= n) {
		ncap = o->cap;
		while (ncap - o->len <= n && ncap <= SIZE_MAX / 2)
			ncap *= 2;
		if (ncap - o->len <= n || (nb = realloc(o->buf, ncap)) ==
		    NULL) {
			o->failed = 1;
			return;
		}
		o->buf = nb;
		o->cap = ncap;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
	o->col = advance_col(o->col, s, n);
}

static size_t
unit_len(enum unit kind, const char *p, size_t left)
{
	const char *colon;

	switch (kind) {
	case UNIT_CHAR:
		return 1;
	case UNIT_NAME:
		colon = memchr(p, ':', left);
		return colon != NULL ? (size_t)(colon - p) + 1 : left;
	default:
		return left;
	}
}

/*
 * Write v[0..vlen) unit by unit, folding before a unit that would not
 * fit with trail more columns after the last one. The caller has made
 * room for the first unit, so a value never starts on a line of its own.
 */
static void
put_value(struct out *o, const char *v, size_t vlen, enum unit kind,
    size_t trail)
{
	size_t i, u, need;

	for (i = 0; i < vlen; i += u) {
		u = unit_len(kind, v + i, vlen - i);
		need = u + (i + u == vlen ? trail : 0);
		if (i > 0 && o->col + need > LINE_COLS && o->col > TAB_COLS)
			put(o, FOLD, strlen(FOLD));
		put(o, v + i, u);
	}
}

/*
 * Write " name=value;" (no ";" when last), folding before the tag when
 * its name and first unit do not fit. An empty value is b=, which
 * dk_sig_append_b() fills later: keep room for its first character.
 */
static void
put_tag(struct out *o, const char *name, const char *v, size_t vlen,
    enum unit kind, int last)
{
	size_t first, need;

	first = vlen > 0 ? unit_len(kind, v, vlen) : 1;
	need = 1 + strlen(name) + 1 + first + (first == vlen && !last);
	if (o->col + need > LINE_COLS && o->col > TAB_COLS)
		put(o, FOLD, strlen(FOLD));
	else
		put(o, " ", 1);
	put(o, name, strlen(name));
	put(o, "=", 1);
	put_value(o, v, vlen, kind, last ? 0 : 1);
	if (!last)
		put(o, ";", 1);
}

static void
put_str(struct out *o, const char *name, const char *v, enum unit kind)
{
	put_tag(o, name, v, strlen(v), kind, 0);
}

static void
put_num(struct out *o, const char *name, int64_t v)
{
	char num[NUM_LEN];

	(void)snprintf(num, sizeof(num), "%" PRId64, v);
	put_str(o, name, num, UNIT_WHOLE);
}

/* §2.11: dkim-safe-char stands for itself, every other octet is =XX. */
static char *
encode_qp(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t len = strlen(s), i, o = 0;
	unsigned char c;
	char *q;

	if (len > (SIZE_MAX - 1) / 3 || (q = malloc(len * 3 + 1)) == NULL)
		return NULL;
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x21 && c <= 0x7e && c != ';' && c != '=')
			q[o++] = (char)c;
		else {
			q[o++] = '=';
			q[o++] = hex[c >> 4];
			q[o++] = hex[c & 0xf];
		}
	}
	q[o] = '\0';
	return q;
}

/* h=: the names joined by ":" (§3.5), each taken literally. */
static char *
join_names(const char *const *h, size_t nh)
{
	size_t i, len = 1, o = 0, n;
	char *s;

	for (i = 0; i < nh; i++) {
		if ((n = strlen(h[i])) > SIZE_MAX - len - 1)
			return NULL;
		len += n + 1;
	}
	if ((s = malloc(len)) == NULL)
		return NULL;
	for (i = 0; i < nh; i++) {
		if (i > 0)
			s[o++] = ':';
		n = strlen(h[i]);
		memcpy(s + o, h[i], n);
		o += n;
	}
	s[o] = '\0';
	return s;
}

static const char *
alg_name(enum dk_sigalg alg)
{
	switch (alg) {
	case DK_ALG_RSA_SHA1:
		return "rsa-sha1";
	case DK_ALG_ED25519_SHA256:
		return "ed25519-sha256";
	default:
		return "rsa-sha256";
	}
}

/* dkimkit.h: DK_CANON_DEFAULT is relaxed. */
static const char *
canon_name(enum dk_canon c)
{
	return c == DK_CANON_SIMPLE ? "simple" : "relaxed";
}

static void
put_tags(struct out *o, const struct dk_sig_spec *spec, const char *auid,
    const char *h)
{
	char c[sizeof("relaxed/relaxed")], bh[DK_B64_ENCLEN(32) + 1];

	(void)snprintf(c, sizeof(c), "%s/%s", canon_name(spec->hcanon),
	    canon_name(spec->bcanon));
	dk_b64_encode(spec->bh, 32, bh);
	put_str(o, "v", "1", UNIT_WHOLE);
	put_str(o, "a", alg_name(spec->alg), UNIT_WHOLE);
	put_str(o, "c", c, UNIT_WHOLE);
	put_str(o, "d", spec->domain, UNIT_WHOLE);
	put_str(o, "s", spec->selector, UNIT_WHOLE);
	if (spec->t >= 0)
		put_num(o, "t", spec->t);
	if (spec->x >= 0)
		put_num(o, "x", spec->x);
	if (auid != NULL)
		put_str(o, "i", auid, UNIT_WHOLE);
	put_str(o, "h", h, UNIT_NAME);
	put_str(o, "bh", bh, UNIT_CHAR);
	put_tag(o, "b", "", 0, UNIT_CHAR, 1);
}

/* see dkim.h */
char *
dk_sig_format(const struct dk_sig_spec *spec)
{
	struct out o = { NULL, 0, OUT_START, 0, 0 };
	char *auid = NULL, *h;

	if ((h = join_names(spec->h, spec->nh)) == NULL)
		return NULL;
	if ((spec->auid != NULL && (auid = encode_qp(spec->auid)) == NULL) ||
	    (o.buf = malloc(o.cap)) == NULL) {
		free(auid);
		free(h);
		return NULL;
	}
	put(&o, "DKIM-Signature:", strlen("DKIM-Signature:"));
	put_tags(&o, spec, auid, h);
	free(auid);
	free(h);
	if (o.failed) {
		free(o.buf);
		return NULL;
	}
	return o.buf;
}

/* see dkim.h */
char *
dk_sig_append_b(char *field, const uint8_t *sig, size_t len)
{
	struct out o;
	char *b64;

	o.len = strlen(field);
	o.buf = field;
	o.cap = o.len + 1;
	o.col = advance_col(0, field, o.len);
	o.failed = 0;
	if (len > (SIZE_MAX - 1) / 4 * 3 - 2 ||
	    (b64 = malloc(DK_B64_ENCLEN(len) + 1)) == NULL) {
		free(field);
		return NULL;
	}
	dk_b64_encode(sig, len, b64);
	put_value(&o, b64, strlen(b64), UNIT_CHAR, 0);
	free(b64);
	if (o.failed) {
		free(o.buf);
		return NULL;
	}
	return o.buf;
}
