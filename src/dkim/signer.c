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
 * The signer: header fields are kept, the body streams through one
 * canonicalizer per body canonicalization into a hash, shared by every
 * key that uses it. At the end each key signs its own header hash.
 * Keys may come after the header block (dk_signer_add()): until the
 * first one does, the body goes through both canonicalizations.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "dkim.h"

#define NBODIES	2	/* one per body canonicalization */

struct sign_body {
	struct dk_canon_body	 cb;
	struct dk_hash		 hash;
	enum dk_canon		 mode;
	size_t			 users;		/* signatures using it */
	int			 stale;		/* body bytes went past it */
};

struct sign_one {
	char			*domain;
	char			*selector;
	char			*auid;
	char			**headers;	/* NULL: the default list */
	size_t			 nheaders;
	const struct dk_key	*key;
	enum dk_canon		 hcanon;
	int64_t			 t;
	int64_t			 expire_after;
	struct sign_body	*body;
	char			*field;
};

struct dk_signer {
	struct dk_msghdr	 mh;
	struct sign_one		 one[DK_SIGNERS_MAX];
	size_t			 n;
	struct sign_body	 body[NBODIES];
	size_t			 nbody;
	int			 body_started;
	struct dk_fromlist	 from;
	int			 hdr_ended;	/* fields split, From read */
	enum dk_status		 hdr_status;
	char			 hdr_err[200];
	struct dk_lf		 lf;
	int			 written;
	enum dk_status		 failed;
	int			 finished;
	char			 errmsg[256];
};

/* cap 1 always fits 32 names: dk_default_hlist() never leaves one out */
_Static_assert(DK_SIGN_H_MAX >= 32 && DK_SIGN_H_MAX <= DK_H_MAX,
    "the default list's bound");

static enum dk_canon
canon_or_default(enum dk_canon c)
{
	return c == DK_CANON_DEFAULT ? DK_CANON_RELAXED : c;
}

static struct sign_body *
body_for(struct dk_signer *s, enum dk_canon mode)
{
	struct sign_body *b;
	size_t i;

	for (i = 0; i < s->nbody; i++)
		if (s->body[i].mode == mode)
			return s->body[i].stale ? NULL : &s->body[i];
	if (s->body_started)
		return NULL;	/* it would have missed body bytes */
	b = &s->body[s->nbody++];
	b->mode = mode;
	dk_hash_init(&b->hash, DK_HASH_SHA256);
	dk_canon_body_init(&b->cb, mode, UINT64_MAX, dk_hash_sink, &b->hash);
	return b;
}

/*
 * i= goes into the field as it is, so it must already be
 * dkim-quoted-printable with nothing to quote (§2.11 dkim-safe-char),
 * and within d= (§3.5).
 */
static int
auid_ok(const char *auid, const char *domain)
{
	const char *p;

	for (p = auid; *p != '\0'; p++)
		if (*p < 0x21 || *p > 0x7e || *p == ';' || *p == '=')
			return 0;
	return dk_sig_auid_check(auid, domain) == DK_R_OK;
}

static int
canon_ok(enum dk_canon c)
{
	return c == DK_CANON_DEFAULT || c == DK_CANON_SIMPLE ||
	    c == DK_CANON_RELAXED;
}

/*
 * §3.5: t= and x= are at most 12 digits, and x= comes after t=. With
 * DK_TIME_NOW, t= is the clock at finish, never earlier than now, so a
 * sum that passes DK_TIME_MAX now would pass it then too.
 */
static int
times_ok(int64_t t, int64_t expire_after)
{
	if (t == DK_TIME_NOW)
		t = (int64_t)time(NULL);
	if (t > DK_TIME_MAX || expire_after < 0 || expire_after > DK_TIME_MAX)
		return 0;
	return expire_after == 0 || (t >= 0 && expire_after <= DK_TIME_MAX - t);
}

/* One broken rule, in err[0..errlen) when there is room; DK_EINVAL. */
static enum dk_status
refuse(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL && errlen > 0) {
		va_start(ap, fmt);
		(void)vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return DK_EINVAL;
}

/* §5.4: h= names fields, and From MUST be one of them. */
static enum dk_status
headers_check(const char *const *headers, char *err, size_t errlen)
{
	size_t n;

	if (dk_sig_hlist_check(headers, err, errlen) == -1)
		return DK_EINVAL;
	for (n = 0; headers[n] != NULL; n++)
		if (strcasecmp(headers[n], "from") == 0)
			return DK_OK;
	return refuse(err, errlen, "the header list does not name From, "
	    "which RFC 6376 section 5.4 requires a signature to cover; add "
	    "from");
}

/* The rules of dk_sign_opts_check(), on options already taken. */
static enum dk_status
opts_check(const struct dk_sign_opts *o, char *err, size_t errlen)
{
	if (o->domain == NULL || o->selector == NULL || o->key == NULL)
		return refuse(err, errlen, "a domain, a selector and a key "
		    "are all required");
	if (!dk_sig_domain_ok(o->domain, strlen(o->domain), 2))
		return refuse(err, errlen, "domain \"%.255s\": d= must be a "
		    "domain name of two labels or more, of letters, digits "
		    "and hyphens (RFC 6376 section 3.5)", o->domain);
	if (!dk_sig_domain_ok(o->selector, strlen(o->selector), 1))
		return refuse(err, errlen, "selector \"%.255s\": s= must be "
		    "one label or more, of letters, digits and hyphens "
		    "(RFC 6376 section 3.1)", o->selector);
	if (o->auid != NULL && !auid_ok(o->auid, o->domain))
		return refuse(err, errlen, "i= \"%.255s\": it must lie "
		    "within d= %s, in printable ASCII without ';' or '='",
		    o->auid, o->domain);
	if (!canon_ok(o->hcanon) || !canon_ok(o->bcanon))
		return refuse(err, errlen, "canonicalization: simple or "
		    "relaxed, for the header and for the body");
	if (!times_ok(o->timestamp, o->expire_after))
		return refuse(err, errlen, "t= and x= must each fit in 12 "
		    "digits (RFC 6376 section 3.5; x= is t= + expire_after, "
		    "and the default t= is the clock now), and x= needs t=");
	if (o->headers != NULL)
		return headers_check(o->headers, err, errlen);
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_sign_opts_check(const struct dk_sign_opts *caller, char *err,
    size_t errlen)
{
	struct dk_sign_opts full;

	if (caller == NULL || dk_sign_opts_take(&full, caller) == -1)
		return refuse(err, errlen, "the options were not set up "
		    "with dk_sign_opts_init()");
	return opts_check(&full, err, errlen);
}

static void
free_one(struct sign_one *o)
{
	free(o->domain);
	free(o->selector);
	free(o->auid);
	dk_hlist_free(o->headers, o->nheaders);
	free(o->field);
	if (o->body != NULL)
		o->body->users--;
	memset(o, 0, sizeof(*o));
}

/* DK_EINVAL for bad options, DK_ESTATE for a body already past. */
static enum dk_status
setup_one(struct dk_signer *s, struct sign_one *o,
    const struct dk_sign_opts *caller)
{
	struct dk_sign_opts full, *opt = &full;

	if (caller == NULL || dk_sign_opts_take(&full, caller) == -1 ||
	    opts_check(opt, NULL, 0) != DK_OK)
		return DK_EINVAL;
	if ((o->body = body_for(s, canon_or_default(opt->bcanon))) == NULL)
		return DK_ESTATE;
	o->body->users++;
	o->key = opt->key;
	o->hcanon = canon_or_default(opt->hcanon);
	o->t = opt->timestamp;
	o->expire_after = opt->expire_after;
	if ((o->domain = strdup(opt->domain)) == NULL ||
	    (o->selector = strdup(opt->selector)) == NULL)
		return DK_ENOMEM;
	if (opt->auid != NULL && (o->auid = strdup(opt->auid)) == NULL)
		return DK_ENOMEM;
	if (opt->headers != NULL)
		return dk_hlist_copy(opt->headers, &o->headers, &o->nheaders);
	return DK_OK;
}

/* Add opts[0..nopts), all or none. */
static enum dk_status
add_all(struct dk_signer *s, const struct dk_sign_opts *opts, size_t nopts)
{
	size_t i, n0 = s->n;
	enum dk_status st;

	if (nopts > DK_SIGNERS_MAX - s->n || (opts == NULL && nopts > 0))
		return DK_EINVAL;
	for (i = 0; i < nopts; i++) {
		s->n++;
		if ((st = setup_one(s, &s->one[s->n - 1], &opts[i])) != DK_OK) {
			while (s->n > n0)
				free_one(&s->one[--s->n]);
			return st;
		}
	}
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_signer_new(struct dk_signer **sp, const struct dk_sign_opts *opts,
    size_t nopts)
{
	struct dk_signer *s;
	enum dk_status st;

	*sp = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return DK_ENOMEM;
	if ((st = add_all(s, opts, nopts)) != DK_OK) {
		dk_signer_free(s);
		return st == DK_ENOMEM ? DK_ENOMEM : DK_EINVAL;
	}
	*sp = s;
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_signer_add(struct dk_signer *s, const struct dk_sign_opts *opts,
    size_t nopts)
{
	if (s->failed != DK_OK || s->finished)
		return DK_ESTATE;
	return add_all(s, opts, nopts);
}

/* see dkimkit.h */
enum dk_status
dk_signer_accept_lf(struct dk_signer *s)
{
	if (s->written || s->failed != DK_OK || s->finished)
		return DK_ESTATE;
	s->lf.on = 1;
	return DK_OK;
}

static enum dk_status
fail(struct dk_signer *s, enum dk_status st, const char *msg)
{
	if (s->failed == DK_OK) {
		s->failed = st;
		if (msg != NULL)
			snprintf(s->errmsg, sizeof(s->errmsg), "%s", msg);
		else
			snprintf(s->errmsg, sizeof(s->errmsg), "%s",
			    dk_status_str(st));
	}
	return st;
}

/*
 * Body bytes go to every canonicalization in use; while no signature is
 * there yet, to both, so that the first one added may pick either.
 */
static void
body_write(void *arg, const char *buf, size_t len)
{
	struct dk_signer *s = arg;
	struct sign_body *b;
	size_t i;

	s->body_started = 1;
	for (i = 0; i < s->nbody; i++) {
		b = &s->body[i];
		if (s->n > 0 && b->users == 0)
			b->stale = 1;
		if (!b->stale)
			dk_canon_body_write(&b->cb, buf, len);
	}
}

/* Split the header block into fields and read From, once. */
static enum dk_status
header_end(void *arg)
{
	struct dk_signer *s = arg;

	s->hdr_ended = 1;
	s->hdr_status = dk_msghdr_end(&s->mh, s->hdr_err, sizeof(s->hdr_err));
	if (s->hdr_status == DK_ENOMEM ||
	    dk_from_collect(&s->from, &s->mh) != DK_OK)
		return fail(s, DK_ENOMEM, NULL);
	if (s->n == 0) {
		(void)body_for(s, DK_CANON_SIMPLE);
		(void)body_for(s, DK_CANON_RELAXED);
	}
	return DK_OK;
}

static enum dk_status
write_crlf(void *arg, const char *buf, size_t len)
{
	struct dk_signer *s = arg;
	char msg[80];
	enum dk_status st;

	/* fail() keeps the first failure: one from header_end() stays */
	st = dk_msghdr_feed(&s->mh, buf, len, header_end, body_write, s);
	if (st != DK_OK) {
		dk_msghdr_limit_msg(msg, sizeof(msg));
		return fail(s, st, st == DK_ELIMIT ? msg : NULL);
	}
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_signer_write(struct dk_signer *s, const void *buf, size_t len)
{
	if (s->failed != DK_OK || s->finished)
		return DK_ESTATE;
	s->written = 1;
	return dk_lf_write(&s->lf, buf, len, write_crlf, s);
}

static enum dk_status
check_header(struct dk_signer *s)
{
	char msg[256];
	size_t nfrom;

	if (!s->hdr_ended && header_end(s) != DK_OK)
		return s->failed;
	if (s->hdr_status == DK_ESYNTAX) {
		snprintf(msg, sizeof(msg), "message %s", s->hdr_err);
		return fail(s, DK_ESYNTAX, msg);
	}
	/* RFC 5322 §3.6: exactly one From, and it must be signed */
	if ((nfrom = dk_msghdr_count(&s->mh, "From")) == 0)
		return fail(s, DK_ESYNTAX, "message has no From field");
	if (nfrom > 1) {
		snprintf(msg, sizeof(msg), "message has %zu From fields; "
		    "RFC 5322 allows one", nfrom);
		return fail(s, DK_ESYNTAX, msg);
	}
	return DK_OK;
}

static enum dk_sigalg
sigalg_of(const struct dk_key *key)
{
	return dk_key_type(key) == DK_KEY_ED25519 ? DK_ALG_ED25519_SHA256 :
	    DK_ALG_RSA_SHA256;
}

static enum dk_status
sign_one(struct dk_signer *s, struct sign_one *o)
{
	const char *names[DK_H_MAX];
	const struct dk_hfield *sel[DK_H_MAX];
	struct dk_sig_spec spec;
	struct dk_hash hh;
	uint8_t bh[DK_DIGEST_MAX], digest[DK_DIGEST_MAX], sig[DK_SIG_MAX];
	size_t nh, siglen;
	enum dk_status st;

	nh = dk_sign_select(&s->mh, o->headers, o->nheaders, names, sel);
	dk_hash_out(&o->body->hash, bh);
	memset(&spec, 0, sizeof(spec));
	spec.alg = sigalg_of(o->key);
	spec.hcanon = o->hcanon;
	spec.bcanon = o->body->mode;
	spec.domain = o->domain;
	spec.selector = o->selector;
	spec.auid = o->auid;
	spec.h = names;
	spec.nh = nh;
	spec.bh = bh;
	spec.t = o->t == DK_TIME_NOW ? (int64_t)time(NULL) : o->t;
	/* the clock moved on since dk_signer_new() checked it */
	if (o->expire_after > 0 && spec.t > DK_TIME_MAX - o->expire_after)
		return fail(s, DK_EINVAL, "x= would pass 12 digits (RFC 6376 "
		    "section 3.5): t= is the clock, which has gone past "
		    "DK_TIME_MAX - expire_after; lower expire_after");
	spec.x = o->expire_after > 0 ? spec.t + o->expire_after : -1;
	if ((o->field = dk_sig_format(&spec)) == NULL)
		return fail(s, DK_ENOMEM, NULL);
	dk_hash_init(&hh, DK_HASH_SHA256);
	st = dk_hhash(&hh, o->hcanon, sel, nh, o->field, strlen(o->field),
	    strlen(o->field), 0);
	if (st != DK_OK)
		return fail(s, st, NULL);
	dk_hash_out(&hh, digest);
	if (dk_key_sign(o->key, digest, sig, &siglen) == -1)
		return fail(s, DK_EKEY, "the key's signature does not verify "
		    "with its own public key: the key file is damaged, or the "
		    "machine made a fault; no signature was made");
	if ((o->field = dk_sig_append_b(o->field, sig, siglen)) == NULL)
		return fail(s, DK_ENOMEM, NULL);
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_signer_finish(struct dk_signer *s)
{
	enum dk_status st;
	size_t i;

	if (s->failed != DK_OK || s->finished)
		return DK_ESTATE;
	if (s->n == 0)
		return fail(s, DK_EINVAL, "no signature to make: add one with "
		    "dk_signer_add() before dk_signer_finish()");
	s->finished = 1;
	if ((st = check_header(s)) != DK_OK)
		return st;
	for (i = 0; i < s->nbody; i++)
		dk_canon_body_end(&s->body[i].cb);
	for (i = 0; i < s->n; i++)
		if ((st = sign_one(s, &s->one[i])) != DK_OK)
			return st;
	return DK_OK;
}

/* see dkimkit.h */
const char *
dk_signer_field(const struct dk_signer *s, size_t i)
{
	if (s->failed != DK_OK || !s->finished || i >= s->n)
		return NULL;
	return s->one[i].field;
}

/* see dkimkit.h */
const char *
dk_signer_errmsg(const struct dk_signer *s)
{
	return s->failed != DK_OK ? s->errmsg : "no error";
}

/* see dkimkit.h */
void
dk_signer_free(struct dk_signer *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		free_one(&s->one[i]);
	dk_from_free(&s->from);
	dk_msghdr_free(&s->mh);
	free(s);
}

/* see dkimkit.h */
int
dk_signer_header_done(const struct dk_signer *s)
{
	return s->hdr_ended;
}

/* see dkimkit.h */
size_t
dk_signer_nfrom(const struct dk_signer *s)
{
	return s->from.n;
}

/* see dkimkit.h */
const char *
dk_signer_from(const struct dk_signer *s, size_t i)
{
	return i < s->from.n ? s->from.addr[i] : NULL;
}

/* see dkimkit.h */
const char *
dk_signer_from_domain(const struct dk_signer *s)
{
	return s->from.domain;
}
