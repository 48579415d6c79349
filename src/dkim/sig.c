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
 * DKIM-Signature parsing and checking (RFC 6376 §3.5, §6.1.1).
 *
 *   DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel;
 *   	h=from:to; bh=<base64>; b=<base64>
 *   |<- name ->|  |<------------- tag-list (§3.2) ----------->|
 *
 * The field is hostile input. The tag list is split by dk_tags_parse()
 * (values trimmed of FWS, duplicates refused); every value used here is
 * then checked against its grammar, and copied only into the fixed
 * buffers of struct dk_sig after a length check. Nothing is read
 * outside field[0..len).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dkim.h"

#define L_DIGITS_MAX	76	/* §3.5: l= is 1*76DIGIT */
#define TIME_DIGITS_MAX	12	/* §3.5: t= and x= are 1*12DIGIT */
#define LABEL_MAX	63	/* RFC 1035 §2.3.4 */
#define B_PREFIX_LEN	8	/* RFC 6008 §4: header.b holds 8 chars */

/* §2.8: FWS inside tag values (WSP and line breaks) */
static int
is_fws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static unsigned char
to_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* RFC 5234 §2.3: ABNF literal strings match without case. */
static int
span_is(const char *p, size_t len, const char *lit)
{
	size_t i;

	if (strlen(lit) != len)
		return 0;
	for (i = 0; i < len; i++)
		if (to_lower((unsigned char)p[i]) !=
		    to_lower((unsigned char)lit[i]))
			return 0;
	return 1;
}

/* Copy a whole value into dst[0..cap), NUL-terminated, or refuse. */
static int
copy_value(char *dst, size_t cap, const char *p, size_t len)
{
	if (len >= cap || memchr(p, '\0', len) != NULL)
		return -1;
	memcpy(dst, p, len);
	dst[len] = '\0';
	return 0;
}

/*
 * RFC 5321 §4.1.2: sub-domain = Let-dig [Ldh-str], labels of at most
 * 63 octets. RFC 6376 §3.5 wants at least two labels in d= (domain-name)
 * and allows one in s= (selector).
 *
 * Verifying, an underscore is also taken, anywhere in a label: that is
 * outside §3.5's grammar, but Exim, dkimpy, Mail::DKIM and libopendkim
 * all accept it, real selectors use it, and DNS names may hold it
 * (RFC 2181 §11). A deliberate leniency (dkimkit(1)); the signer never
 * makes such a name (dk_sig_domain_ok() stays strict).
 */
static int
name_ok(const char *p, size_t len, size_t minlabels, int underscore)
{
	size_t i, start = 0, labels = 0;

	if (len == 0 || len > DK_DOMAIN_MAX)
		return 0;
	for (i = 0; i <= len; i++) {
		if (i < len && p[i] != '.') {
			if (!is_alnum((unsigned char)p[i]) && p[i] != '-' &&
			    !(underscore && p[i] == '_'))
				return 0;
			continue;
		}
		if (i == start || i - start > LABEL_MAX || p[start] == '-' ||
		    p[i - 1] == '-')
			return 0;
		labels++;
		start = i + 1;
	}
	return labels >= minlabels;
}

/* see dkim.h */
int
dk_sig_domain_ok(const char *p, size_t len, size_t minlabels)
{
	return name_ok(p, len, minlabels, 0);
}

/* see dkimkit.h */
int
dk_domain_ok(const char *s)
{
	return s != NULL && dk_sig_domain_ok(s, strlen(s), 2);
}

/* see dkimkit.h */
int
dk_selector_ok(const char *s)
{
	return s != NULL && dk_sig_domain_ok(s, strlen(s), 1);
}

/* see dkim.h */
int
dk_sig_hlist_check(const char *const *names, char *err, size_t errlen)
{
	size_t n;

	for (n = 0; names[n] != NULL; n++) {
		if (n == DK_H_MAX) {
			if (err != NULL)
				(void)snprintf(err, errlen, "the header list "
				    "names more than %d fields; name fewer",
				    DK_H_MAX);
			return -1;
		}
		if (!dk_sig_name_ok(names[n], strlen(names[n]))) {
			if (err != NULL)
				(void)snprintf(err, errlen, "header list: "
				    "\"%.64s\" is not a field name (RFC 5322 "
				    "section 3.6.8: printable ASCII but ':')",
				    names[n]);
			return -1;
		}
	}
	return 0;
}

/* Fill what Authentication-Results shows, before any check can stop. */
static void
fill_display(struct dk_sig *sig, const struct dk_tag *tags, size_t n)
{
	const struct dk_tag *t;
	size_t i, o = 0;

	if ((t = dk_tags_find(tags, n, "d")) != NULL)
		(void)copy_value(sig->domain, sizeof(sig->domain), t->value,
		    t->valuelen);
	if ((t = dk_tags_find(tags, n, "s")) != NULL)
		(void)copy_value(sig->selector, sizeof(sig->selector),
		    t->value, t->valuelen);
	if ((t = dk_tags_find(tags, n, "a")) != NULL)
		(void)copy_value(sig->algorithm, sizeof(sig->algorithm),
		    t->value, t->valuelen);
	if ((t = dk_tags_find(tags, n, "b")) == NULL)
		return;
	for (i = 0; i < t->valuelen && o < B_PREFIX_LEN; i++)
		if (!is_fws((unsigned char)t->value[i]) && t->value[i] != '\0')
			sig->b_prefix[o++] = t->value[i];
	sig->b_prefix[o] = '\0';
}

/* §3.5 and §6.1.1: v= first (it decides the format), then the rest. */
static enum dk_reason
check_required(const struct dk_tag *tags, size_t n)
{
	static const char *const required[] = { "a", "b", "bh", "d", "h",
	    "s" };
	const struct dk_tag *v;
	size_t i;

	if ((v = dk_tags_find(tags, n, "v")) == NULL)
		return DK_R_SIG_MISSING_TAG;
	if (v->valuelen != 1 || v->value[0] != '1')
		return DK_R_SIG_VERSION;
	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (dk_tags_find(tags, n, required[i]) == NULL)
			return DK_R_SIG_MISSING_TAG;
	return DK_R_OK;
}

/* §3.5 a=; RFC 8463 §3 adds ed25519-sha256. */
static enum dk_reason
parse_alg(struct dk_sig *sig, const struct dk_tag *t)
{
	if (span_is(t->value, t->valuelen, "rsa-sha256"))
		sig->alg = DK_ALG_RSA_SHA256;
	else if (span_is(t->value, t->valuelen, "rsa-sha1"))
		sig->alg = DK_ALG_RSA_SHA1;
	else if (span_is(t->value, t->valuelen, "ed25519-sha256"))
		sig->alg = DK_ALG_ED25519_SHA256;
	else
		return DK_R_ALGORITHM_UNSUPPORTED;
	return DK_R_OK;
}

static int
canon_word(const char *p, size_t len, enum dk_canon *c)
{
	if (span_is(p, len, "simple"))
		*c = DK_CANON_SIMPLE;
	else if (span_is(p, len, "relaxed"))
		*c = DK_CANON_RELAXED;
	else
		return -1;
	return 0;
}

/* see dkim.h; §3.5 c=: header[/body], each simple or relaxed */
int
dk_sig_canon_parse(const char *p, size_t len, enum dk_canon *hc,
    enum dk_canon *bc)
{
	const char *slash;
	size_t hlen;

	slash = memchr(p, '/', len);
	hlen = slash != NULL ? (size_t)(slash - p) : len;
	*bc = DK_CANON_SIMPLE;	/* the body's default */
	if (canon_word(p, hlen, hc) == -1)
		return -1;
	if (slash != NULL && canon_word(slash + 1, len - hlen - 1, bc) == -1)
		return -1;
	return 0;
}

/* see dkimkit.h */
enum dk_status
dk_canon_parse(const char *s, enum dk_canon *hcanon, enum dk_canon *bcanon)
{
	enum dk_canon hc, bc;

	if (s == NULL || hcanon == NULL || bcanon == NULL)
		return DK_EINVAL;
	if (dk_sig_canon_parse(s, strlen(s), &hc, &bc) == -1)
		return DK_ESYNTAX;
	*hcanon = hc;
	*bcanon = bc;
	return DK_OK;
}

static enum dk_reason
parse_canon(struct dk_sig *sig, const struct dk_tag *t)
{
	if (t != NULL && dk_sig_canon_parse(t->value, t->valuelen,
	    &sig->hcanon, &sig->bcanon) == -1)
		return DK_R_CANON_UNSUPPORTED;
	return DK_R_OK;
}

/* §3.5 q=: a colon list of methods; one must be dns/txt. */
static enum dk_reason
check_query(const struct dk_tag *t)
{
	const char *item;
	size_t pos = 0, ilen;

	if (t == NULL)
		return DK_R_OK;
	while (dk_tags_next_item(t->value, t->valuelen, &pos, &item, &ilen))
		if (span_is(item, ilen, "dns/txt"))
			return DK_R_OK;
	return DK_R_QUERY_UNSUPPORTED;
}

/* see dkim.h; RFC 5322 §3.6.8: ftext is printable ASCII but ":" */
int
dk_sig_name_ok(const char *p, size_t len)
{
	size_t i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)p[i] < 0x21 || (unsigned char)p[i] > 0x7e ||
		    p[i] == ':')
			return 0;
	return 1;
}

/* §3.5 h=: hdr-name *([FWS] ":" [FWS] hdr-name), and §5.4 needs From. */
static enum dk_reason
parse_hlist(struct dk_sig *sig, const struct dk_tag *t)
{
	const char *item;
	size_t pos = 0, ilen;
	int from = 0;

	while (dk_tags_next_item(t->value, t->valuelen, &pos, &item, &ilen)) {
		if (!dk_sig_name_ok(item, ilen))
			return DK_R_SIG_SYNTAX;
		if (sig->nh == DK_H_MAX)
			return DK_R_SIG_TOO_LARGE;
		sig->h[sig->nh].p = item;
		sig->h[sig->nh++].len = ilen;
		if (span_is(item, ilen, "from"))
			from = 1;
	}
	return from ? DK_R_OK : DK_R_FROM_NOT_SIGNED;
}

static int
hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = to_lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * §2.11 dkim-quoted-printable: FWS is dropped, "=" XX is an octet, and
 * dkim-safe-char (%x21-3A / %x3C / %x3E-7E) stands for itself. Decoded
 * octets that are controls or space are refused: the AUID is shown to
 * people and must not smuggle line breaks.
 */
static int
decode_qp(const char *p, size_t len, char *out, size_t cap)
{
	size_t i = 0, o = 0;
	unsigned char c;
	int hi, lo;

	while (i < len) {
		c = (unsigned char)p[i];
		if (is_fws(c)) {
			i++;
			continue;
		}
		if (c == '=') {
			if (len - i < 3 || (hi = hex_value(
			    (unsigned char)p[i + 1])) == -1 ||
			    (lo = hex_value((unsigned char)p[i + 2])) == -1)
				return -1;
			c = (unsigned char)(hi << 4 | lo);
			i += 3;
		} else if (c < 0x21 || c > 0x7e || c == ';')
			return -1;
		else
			i++;
		if (c < 0x21 || c == 0x7f || o + 1 >= cap)
			return -1;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return 0;
}

/* i= within d=; underscore as for name_ok() */
static enum dk_reason
auid_check(const char *auid, const char *domain, int underscore)
{
	const char *at, *dom;
	size_t dlen, sdlen = strlen(domain);

	if ((at = strrchr(auid, '@')) == NULL)
		return DK_R_SIG_SYNTAX;
	dom = at + 1;
	dlen = strlen(dom);
	if (!name_ok(dom, dlen, 1, underscore))
		return DK_R_SIG_SYNTAX;
	if (dlen < sdlen || !span_is(dom + dlen - sdlen, sdlen, domain) ||
	    (dlen > sdlen && dom[dlen - sdlen - 1] != '.'))
		return DK_R_IDENTITY_MISMATCH;
	return DK_R_OK;
}

/* see dkim.h */
enum dk_reason
dk_sig_auid_check(const char *auid, const char *domain)
{
	return auid_check(auid, domain, 0);
}

/* §3.5 i=: [local-part] "@" domain, the domain d= or below it. */
static enum dk_reason
parse_auid(struct dk_sig *sig, const struct dk_tag *t)
{
	size_t sdlen = strlen(sig->domain);

	if (t == NULL) {
		sig->auid[0] = '@';
		memcpy(sig->auid + 1, sig->domain, sdlen + 1);
		return DK_R_OK;
	}
	if (decode_qp(t->value, t->valuelen, sig->auid,
	    sizeof(sig->auid)) == -1)
		return DK_R_SIG_SYNTAX;
	return auid_check(sig->auid, sig->domain, 1);
}

/* §3.5 b= and bh=: base64string, FWS allowed, never empty. */
/*
 * A base64 tag that must not be empty. Too large for us (b= of a key
 * over DK_RSA_MAX_BITS) is sig-too-large, anything else sig-syntax.
 */
static enum dk_reason
parse_b64(const struct dk_tag *t, uint8_t *out, size_t cap, size_t *outlen)
{
	switch (dk_b64_decode(t->value, t->valuelen, out, cap, outlen, 1)) {
	case 0:
		return *outlen > 0 ? DK_R_OK : DK_R_SIG_SYNTAX;
	case -2:
		return DK_R_SIG_TOO_LARGE;
	default:
		return DK_R_SIG_SYNTAX;
	}
}

/* 1*maxdigits DIGIT, without overflowing 64 bits. */
static int
parse_uint(const struct dk_tag *t, size_t maxdigits, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;
	unsigned int d;

	if (t->valuelen == 0 || t->valuelen > maxdigits)
		return -1;
	for (i = 0; i < t->valuelen; i++) {
		if (t->value[i] < '0' || t->value[i] > '9')
			return -1;
		d = (unsigned int)(t->value[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* Parse an optional numeric tag; 12 digits always fit an int64_t. */
static int
parse_time(const struct dk_tag *t, int *has, int64_t *out)
{
	uint64_t v;

	if (t == NULL)
		return 0;
	if (parse_uint(t, TIME_DIGITS_MAX, &v) == -1)
		return -1;
	*has = 1;
	*out = (int64_t)v;
	return 0;
}

/* §3.5 l=, t=, x=; x= must follow t=, and x= in the past is expired. */
static enum dk_reason
parse_numbers(struct dk_sig *sig, const struct dk_tag *tags, size_t n,
    int64_t now)
{
	const struct dk_tag *t;

	if ((t = dk_tags_find(tags, n, "l")) != NULL) {
		if (parse_uint(t, L_DIGITS_MAX, &sig->l) == -1)
			return DK_R_SIG_SYNTAX;
		sig->has_l = 1;
	}
	if (parse_time(dk_tags_find(tags, n, "t"), &sig->has_t,
	    &sig->t) == -1 ||
	    parse_time(dk_tags_find(tags, n, "x"), &sig->has_x,
	    &sig->x) == -1)
		return DK_R_SIG_SYNTAX;
	/* §3.5: x= MUST be greater than t= */
	if (sig->has_t && sig->has_x && sig->x <= sig->t)
		return DK_R_SIG_SYNTAX;
	if (sig->has_x && sig->x < now)
		return DK_R_EXPIRED;
	return DK_R_OK;
}

/*
 * §3.7: the header hash covers this field with b='s value "including
 * all surrounding whitespace" deleted: from just after "=" to the ";"
 * that ends the tag, or to the end of the field.
 */
static void
locate_b_value(struct dk_sig *sig, const struct dk_tag *b)
{
	const char *end = sig->field + sig->fieldlen;
	const char *p = b->name + b->namelen;

	while (p < end && *p != '=')
		p++;
	if (p < end)
		p++;
	sig->b_value.p = p;
	while (p < end && *p != ';')
		p++;
	sig->b_value.len = (size_t)(p - sig->b_value.p);
}

/* Checks on tags that must be there, in the order of dkim.h. */
static enum dk_reason
check_tags(struct dk_sig *sig, const struct dk_tag *tags, size_t n,
    int64_t now)
{
	const struct dk_tag *d, *s;
	enum dk_reason r;

	if ((r = parse_alg(sig, dk_tags_find(tags, n, "a"))) != DK_R_OK ||
	    (r = parse_canon(sig, dk_tags_find(tags, n, "c"))) != DK_R_OK ||
	    (r = check_query(dk_tags_find(tags, n, "q"))) != DK_R_OK ||
	    (r = parse_hlist(sig, dk_tags_find(tags, n, "h"))) != DK_R_OK)
		return r;
	d = dk_tags_find(tags, n, "d");
	s = dk_tags_find(tags, n, "s");
	if (!name_ok(d->value, d->valuelen, 2, 1) ||
	    !name_ok(s->value, s->valuelen, 1, 1))
		return DK_R_SIG_SYNTAX;
	if ((r = parse_auid(sig, dk_tags_find(tags, n, "i"))) != DK_R_OK)
		return r;
	/* a bh= too long for any hash is broken, not large */
	if (parse_b64(dk_tags_find(tags, n, "bh"), sig->bh, sizeof(sig->bh),
	    &sig->bhlen) != DK_R_OK)
		return DK_R_SIG_SYNTAX;
	if ((r = parse_b64(dk_tags_find(tags, n, "b"), sig->b, sizeof(sig->b),
	    &sig->blen)) != DK_R_OK)
		return r;
	locate_b_value(sig, dk_tags_find(tags, n, "b"));
	return parse_numbers(sig, tags, n, now);
}

/* see dkim.h */
enum dk_reason
dk_sig_parse(struct dk_sig *sig, const char *field, size_t len, int64_t now)
{
	struct dk_tag tags[DK_TAGS_MAX];
	const char *colon;
	size_t off, n, errpos;
	enum dk_reason r;

	memset(sig, 0, sizeof(*sig));
	sig->field = field;
	sig->fieldlen = len;
	sig->hcanon = DK_CANON_SIMPLE;
	sig->bcanon = DK_CANON_SIMPLE;
	/* the field name never holds a colon: the first one ends it */
	if ((colon = memchr(field, ':', len)) == NULL)
		return DK_R_SIG_SYNTAX;
	off = (size_t)(colon + 1 - field);
	switch (dk_tags_parse(field + off, len - off, tags, DK_TAGS_MAX, &n,
	    &errpos)) {
	case DK_TAGS_OK:
		break;
	case DK_TAGS_TOO_MANY:
		return DK_R_SIG_TOO_LARGE;
	default:
		return DK_R_SIG_SYNTAX;
	}
	fill_display(sig, tags, n);
	if ((r = check_required(tags, n)) != DK_R_OK)
		return r;
	return check_tags(sig, tags, n, now);
}
