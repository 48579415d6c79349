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
 * The verifier. At the end of the header block it parses every
 * DKIM-Signature and registers the body hash of each that parsed; the
 * key records of the first key_checks_max of those are asked for at
 * once, so the lookups overlap the body. At the end of the body, the
 * signatures further down whose body hash matches, in header order, are
 * given key checks up to key_checks_max in all (asking their keys
 * then); the rest are not evaluated. At finish each key check is
 * decided.
 *
 * Fields that fail before a key is needed (unparsable, a d= or s= we
 * refuse, a wrong body hash, l= past the body) cost one parse and a
 * share of the body passes (see struct dk_bodies), so no number of them
 * can use up the bound or hide a good signature below them.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "dkim.h"
#include "../dns/dns.h"

_Static_assert(DK_KEYNAME_MAX >= DK_SELECTOR_MAX + sizeof("._domainkey.") +
    DK_DOMAIN_MAX, "every s= and d= that parse form a key name");
#define TEXT_MAX	256	/* dk_result.text: one sentence and numbers */

/* fields checked against a key have a vsig each: all get a result */
_Static_assert(DK_RESULTS_MAX >= DK_QUERIES_MAX,
    "every signature checked against a key must fit in the results");
_Static_assert(DK_QUERIES_MAX < UINT16_MAX, "struct vfield's sig index");

/* What is known of one DKIM-Signature field. */
enum vstate {
	F_DECIDED = 0,	/* outcome and reason are final */
	F_BODY,		/* parsed: its body hash decides what comes next */
	F_SHA1,		/* rsa-sha1 when strict: permerror, after its key
			 * if that was asked for anyway (RFC 8301 comes after
			 * the key's own faults, the vectors' order) */
	F_KEY		/* to be checked against its key at finish */
};

/* Kept small: a message may hold tens of thousands of these. */
struct vfield {
	uint32_t	 fidx;		/* index in mh.f */
	uint16_t	 sig;		/* 1 + index in v->sig; 0: none */
	uint8_t		 state;		/* enum vstate */
	uint8_t		 outcome;	/* enum dk_outcome, when decided */
	uint8_t		 reason;	/* enum dk_reason, when decided */
	uint8_t		 keyed;		/* was F_KEY: its result is given */
};

/*
 * The first DK_KEYRECS_MAX records of one key name (RFC 6376 §6.1.2),
 * parsed once: recerr[i] is DK_R_OK when rec[i] holds a key.
 */
struct vquery {
	char			 name[DK_KEYNAME_MAX];
	int			 asked;
	int			 answered;
	int			 dnssec;
	enum dk_dns_rcode	 rcode;
	struct dk_keyrec	 rec[DK_KEYRECS_MAX];
	enum dk_reason		 recerr[DK_KEYRECS_MAX];
	size_t			 nrec;
};

/* A signature that may need its key. */
struct vsig {
	struct dk_sig		 sig;
	size_t			 field;		/* index in v->field */
	size_t			 query;		/* index in v->query */
	enum dk_hash_alg	 alg;
	enum dk_reason		 body;		/* the body hash's verdict */
	uint64_t		 unsigned_body;
	int			 testing;	/* of the key it verified with */
	unsigned int		 key_bits;	/* of that key, or the first */
};

/* Names shown for a result whose field has no struct vsig. */
struct vnames {
	char		 domain[DK_DOMAIN_MAX + 1];
	char		 selector[DK_SELECTOR_MAX + 1];
	char		 auid[DK_AUID_MAX + 1];
	char		 algorithm[DK_ALGNAME_MAX + 1];
	char		 b_prefix[9];
};

struct dk_verifier {
	int64_t			 now;
	int			 strict;	/* not plain_rfc6376 */
	size_t			 key_checks_max;
	unsigned int		 rsa_min_bits;
	int64_t			 drift;
	int			 future_t;	/* refuse t= past now + drift */
	char			**signed_headers;	/* NULL-terminated */
	char			*authserv_id;
	struct dk_fromlist	 from;
	struct dk_lf		 lf;
	int			 written;
	char			(*text)[TEXT_MAX];	/* one per result */
	char			**h;		/* one per result, or NULL */
	struct dk_msghdr	 mh;
	struct vfield		*field;		/* one per DKIM-Signature */
	size_t			 nfield;
	struct vsig		*sig;		/* at most DK_QUERIES_MAX */
	size_t			 nsig;
	size_t			 sigcap;
	struct vquery		*query;		/* at most DK_QUERIES_MAX */
	size_t			 nquery;
	size_t			 querycap;
	struct dk_sig		*scratch;	/* for fields without a vsig */
	struct dk_bodies	 bodies;
	struct dk_result	*res;
	size_t			 nres;
	struct vnames		*names;
	char			*authres;
	enum dk_status		 failed;
	int			 hdr_syntax;
	int			 ended;		/* no more message bytes */
	int			 finished;
	char			 errmsg[256];
};

static int
copy_names(struct dk_verifier *v, const char *const *names)
{
	size_t i, n;

	for (n = 0; names[n] != NULL; n++)
		;
	if ((v->signed_headers = calloc(n + 1, sizeof(char *))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if ((v->signed_headers[i] = strdup(names[i])) == NULL)
			return -1;
	return 0;
}

/* see dkimkit.h */
enum dk_status
dk_verifier_new(struct dk_verifier **vp, const struct dk_verify_opts *opts)
{
	struct dk_verify_opts o;
	struct dk_verifier *v;
	unsigned int bits;

	*vp = NULL;
	if (opts == NULL || dk_verify_opts_take(&o, opts, &bits) == -1)
		return DK_EINVAL;
	if ((v = calloc(1, sizeof(*v))) == NULL)
		return DK_ENOMEM;
	v->now = o.now == DK_TIME_NOW ? (int64_t)time(NULL) : o.now;
	v->strict = !o.plain_rfc6376;
	v->key_checks_max = o.key_checks_max == 0 ||
	    o.key_checks_max > DK_KEY_CHECKS_MAX ? DK_KEY_CHECKS_MAX :
	    o.key_checks_max;
	v->rsa_min_bits = bits;
	v->drift = o.clock_drift > 0 ? o.clock_drift : 0;
	v->future_t = v->strict && o.clock_drift != DK_CLOCK_DRIFT_NONE;
	if ((o.authserv_id != NULL &&
	    (v->authserv_id = strdup(o.authserv_id)) == NULL) ||
	    (o.signed_headers != NULL &&
	    copy_names(v, o.signed_headers) == -1)) {
		dk_verifier_free(v);
		return DK_ENOMEM;
	}
	*vp = v;
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_verifier_accept_lf(struct dk_verifier *v)
{
	if (v->written || v->failed != DK_OK || v->ended)
		return DK_ESTATE;
	v->lf.on = 1;
	return DK_OK;
}

static enum dk_status
fail(struct dk_verifier *v, enum dk_status st)
{
	if (v->failed == DK_OK) {
		v->failed = st;
		if (st == DK_ELIMIT)
			dk_msghdr_limit_msg(v->errmsg, sizeof(v->errmsg));
		else
			snprintf(v->errmsg, sizeof(v->errmsg), "%s",
			    dk_status_str(st));
	}
	return st;
}

static void
decide(struct vfield *vf, enum dk_outcome outcome, enum dk_reason reason)
{
	vf->state = F_DECIDED;
	vf->outcome = (uint8_t)outcome;
	vf->reason = (uint8_t)reason;
}

static enum dk_hash_alg
hash_alg(const struct dk_sig *sig)
{
	return sig->alg == DK_ALG_RSA_SHA1 ? DK_HASH_SHA1 : DK_HASH_SHA256;
}

/* Grow an array of n used elements to hold one more. */
static int
grow(void **arr, size_t *cap, size_t n, size_t size)
{
	void *p;
	size_t ncap;

	if (n < *cap)
		return 0;
	ncap = *cap == 0 ? 2 : *cap * 2;
	if ((p = reallocarray(*arr, ncap, size)) == NULL)
		return -1;
	*arr = p;
	*cap = ncap;
	return 0;
}

/* The query for sig's key, added (not yet asked) when new. */
static enum dk_status
query_for(struct dk_verifier *v, const struct dk_sig *sig, size_t *qi)
{
	char name[DK_KEYNAME_MAX];
	size_t i;

	if (dk_keyname_format(name, sig->selector, sig->domain) == -1)
		return DK_EINVAL;	/* not for parsed names (asserted) */
	for (i = 0; i < v->nquery; i++)
		if (dk_dns_name_eq(v->query[i].name, name)) {
			*qi = i;
			return DK_OK;
		}
	if (grow((void **)&v->query, &v->querycap, v->nquery,
	    sizeof(*v->query)) == -1)
		return DK_ENOMEM;
	memset(&v->query[v->nquery], 0, sizeof(*v->query));
	memcpy(v->query[v->nquery].name, name, sizeof(name));
	*qi = v->nquery++;
	return DK_OK;
}

/* Keep field k's parsed signature, and queue its key's query. */
static enum dk_status
add_sig(struct dk_verifier *v, size_t k, const struct dk_sig *sig)
{
	struct vsig *vs;
	enum dk_status st;

	if (grow((void **)&v->sig, &v->sigcap, v->nsig, sizeof(*v->sig)) ==
	    -1)
		return DK_ENOMEM;
	vs = &v->sig[v->nsig];
	memset(vs, 0, sizeof(*vs));
	vs->sig = *sig;
	vs->field = k;
	vs->alg = hash_alg(sig);
	if ((st = query_for(v, sig, &vs->query)) != DK_OK)
		return st;
	v->field[k].sig = (uint16_t)++v->nsig;
	return DK_OK;
}

/*
 * The parsed signature of field k: its vsig's, or a fresh parse into
 * the scratch space (the same result: parsing depends on the field and
 * the clock only).
 */
static const struct dk_sig *
field_sig(struct dk_verifier *v, size_t k)
{
	const struct dk_hfield *f = &v->mh.f[v->field[k].fidx];

	if (v->field[k].sig != 0)
		return &v->sig[v->field[k].sig - 1].sig;
	(void)dk_sig_parse(v->scratch, f->text, f->len, v->now - v->drift);
	return v->scratch;
}

/*
 * Parse field k. A field that parses gets its body hash registered,
 * and, among the first key_checks_max of them, its key asked for now.
 * x= may be clock_drift seconds past; t= as far in the future.
 */
static enum dk_status
setup_field(struct dk_verifier *v, size_t k, size_t *nearly)
{
	const struct dk_hfield *f = &v->mh.f[v->field[k].fidx];
	struct dk_sig *sig = v->scratch;
	enum dk_reason reason;
	enum dk_status st;

	reason = dk_sig_parse(sig, f->text, f->len, v->now - v->drift);
	if (reason == DK_R_OK && v->future_t && sig->has_t &&
	    sig->t > v->now + v->drift)
		reason = DK_R_FUTURE_TIMESTAMP;
	if (reason != DK_R_OK) {
		decide(&v->field[k], dk_reason_outcome(reason), reason);
		return DK_OK;
	}
	if (v->strict && sig->alg == DK_ALG_RSA_SHA1)
		v->field[k].state = F_SHA1;
	else {
		v->field[k].state = F_BODY;
		if ((st = dk_bodies_want(&v->bodies, sig->bcanon, hash_alg(sig),
		    sig->has_l, sig->l)) != DK_OK)
			return st;
	}
	if (*nearly == v->key_checks_max)
		return DK_OK;
	(*nearly)++;
	return add_sig(v, k, sig);
}

static enum dk_status
start_sigs(void *arg)
{
	struct dk_verifier *v = arg;
	size_t i, k = 0, nearly = 0;
	enum dk_status st;

	st = dk_msghdr_end(&v->mh, v->errmsg, sizeof(v->errmsg));
	if (st == DK_ESYNTAX)
		v->hdr_syntax = 1;
	else if (st != DK_OK)
		return fail(v, st);
	if (dk_from_collect(&v->from, &v->mh) != DK_OK)
		return fail(v, DK_ENOMEM);
	v->nfield = dk_msghdr_count(&v->mh, "DKIM-Signature");
	if ((v->field = calloc(v->nfield + 1, sizeof(*v->field))) == NULL ||
	    (v->nfield > 0 &&
	    (v->scratch = malloc(sizeof(*v->scratch))) == NULL))
		return fail(v, DK_ENOMEM);
	for (i = 0; i < v->mh.nf; i++) {
		if (!DK_HFIELD_IS(&v->mh.f[i], "DKIM-Signature"))
			continue;
		v->field[k].fidx = (uint32_t)i;
		if ((st = setup_field(v, k++, &nearly)) != DK_OK)
			return fail(v, st);
	}
	return DK_OK;
}

static void
body_write(void *arg, const char *buf, size_t len)
{
	struct dk_verifier *v = arg;

	dk_bodies_write(&v->bodies, buf, len);
}

static enum dk_status
write_crlf(void *arg, const char *buf, size_t len)
{
	struct dk_verifier *v = arg;
	enum dk_status st;

	/* fail() keeps the first failure: one from start_sigs() stays */
	if ((st = dk_msghdr_feed(&v->mh, buf, len, start_sigs, body_write,
	    v)) != DK_OK)
		return fail(v, st);
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_verifier_write(struct dk_verifier *v, const void *buf, size_t len)
{
	if (v->failed != DK_OK || v->ended)
		return DK_ESTATE;
	v->written = 1;
	return dk_lf_write(&v->lf, buf, len, write_crlf, v);
}

/* see dkimkit.h */
const char *
dk_verifier_next_query(struct dk_verifier *v)
{
	size_t i;

	if (v->failed != DK_OK)
		return NULL;
	for (i = 0; i < v->nquery; i++)
		if (!v->query[i].asked) {
			v->query[i].asked = 1;
			return v->query[i].name;
		}
	return NULL;
}

static struct vquery *
find_query(struct dk_verifier *v, const char *qname)
{
	size_t i;

	for (i = 0; i < v->nquery; i++)
		if (dk_dns_name_eq(v->query[i].name, qname))
			return &v->query[i];
	return NULL;
}

/* see dkimkit.h */
enum dk_status
dk_verifier_answer(struct dk_verifier *v, const char *qname,
    enum dk_dns_rcode rcode, const char *const *txt, size_t ntxt)
{
	struct vquery *q;
	size_t i;

	if (v->failed != DK_OK || v->finished)
		return DK_ESTATE;
	if (qname == NULL || (rcode == DK_DNS_OK && ntxt > 0 && txt == NULL))
		return DK_EINVAL;
	if ((q = find_query(v, qname)) == NULL || !q->asked || q->answered)
		return DK_EINVAL;
	q->answered = 1;
	q->rcode = rcode;
	if (rcode != DK_DNS_OK)
		return DK_OK;
	/* RFC 6376 §6.1.2: several records may be tried, in order */
	for (i = 0; i < ntxt && q->nrec < DK_KEYRECS_MAX; i++, q->nrec++)
		(void)dk_keyrec_parse(txt[i], strlen(txt[i]), &q->rec[q->nrec],
		    &q->recerr[q->nrec]);
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_verifier_key_dnssec(struct dk_verifier *v, const char *qname)
{
	struct vquery *q;

	if (v->failed != DK_OK || v->finished)
		return DK_ESTATE;
	if (qname == NULL || (q = find_query(v, qname)) == NULL ||
	    !q->answered)
		return DK_EINVAL;
	q->dnssec = 1;
	return DK_OK;
}

/*
 * The body hash of field k: l= past the body (§3.5) or a wrong bh= ends
 * it. Its key was asked for when it is among the first signatures; then
 * the key's faults come first, in RFC 6376 §6.1's order (key, then body
 * hash), and it is decided at finish. Further down, a body hash that
 * does not match decides it here, without a key; one that matches gets
 * a key check while key_checks_max allows, else it is not evaluated.
 * The first signatures come first in header order, so they never meet
 * the bound.
 */
static enum dk_status
body_check(struct dk_verifier *v, size_t k, size_t *nchecks)
{
	const struct dk_sig *sig = field_sig(v, k);
	struct vfield *vf = &v->field[k];
	uint8_t digest[DK_DIGEST_MAX];
	uint64_t total;
	size_t dlen;
	enum dk_reason body = DK_R_OK;
	enum dk_status st;

	dlen = dk_bodies_digest(&v->bodies, sig->bcanon, hash_alg(sig),
	    sig->has_l, sig->l, digest, &total);
	if (dlen == 0)
		body = DK_R_L_EXCEEDS_BODY;
	else if (sig->bhlen != dlen || memcmp(sig->bh, digest, dlen) != 0)
		body = DK_R_BODY_HASH_MISMATCH;
	if (vf->sig == 0 && body != DK_R_OK) {
		decide(vf, body == DK_R_L_EXCEEDS_BODY ? DK_PERMERROR :
		    DK_FAIL, body);
		return DK_OK;
	}
	if (vf->sig == 0 && *nchecks == v->key_checks_max) {
		decide(vf, DK_NEUTRAL, DK_R_NOT_EVALUATED);
		return DK_OK;
	}
	if (body == DK_R_OK)
		(*nchecks)++;
	if (vf->sig == 0 && (st = add_sig(v, k, sig)) != DK_OK)
		return st;
	vf->state = F_KEY;
	vf->keyed = 1;
	v->sig[vf->sig - 1].body = body;
	if (body == DK_R_OK && sig->has_l)
		v->sig[vf->sig - 1].unsigned_body = total - sig->l;
	return DK_OK;
}

/* The body is over: decide what the body hashes decide. */
static enum dk_status
end_sigs(struct dk_verifier *v)
{
	struct vfield *vf;
	size_t k, nchecks = 0;
	enum dk_status st;

	dk_bodies_end(&v->bodies);
	for (k = 0; k < v->nfield; k++) {
		vf = &v->field[k];
		if (vf->state == F_SHA1) {
			if (vf->sig != 0) {
				vf->state = F_KEY;
				vf->keyed = 1;
			} else
				decide(vf, DK_PERMERROR, DK_R_RSA_SHA1_RFC8301);
		} else if (vf->state == F_BODY &&
		    (st = body_check(v, k, &nchecks)) != DK_OK)
			return fail(v, st);
	}
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_verifier_end(struct dk_verifier *v)
{
	enum dk_status st;

	if (v->failed != DK_OK || v->ended)
		return DK_ESTATE;
	/* a message of header fields only may lack the empty line */
	if (!v->mh.done && (st = start_sigs(v)) != DK_OK)
		return st;
	v->ended = 1;
	return end_sigs(v);
}

/*
 * Whether a key record can check this signature. RFC 6376 §3.6.1 for the
 * record's tags, RFC 8301 §3.2 for the key size.
 */
static enum dk_reason
key_fits(const struct dk_verifier *v, const struct vsig *vs,
    const struct dk_keyrec *rec)
{
	const char *at;
	enum dk_key_type want;
	unsigned int hbit;

	want = vs->sig.alg == DK_ALG_ED25519_SHA256 ? DK_KEY_ED25519 :
	    DK_KEY_RSA;
	/* a key type we know, but not the one a= names */
	if (rec->key.type != want)
		return DK_R_KEY_TYPE_MISMATCH;
	hbit = vs->alg == DK_HASH_SHA1 ? DK_KEYREC_H_SHA1 : DK_KEYREC_H_SHA256;
	if ((rec->hashes & hbit) == 0)
		return DK_R_KEY_HASH_MISMATCH;
	at = strrchr(vs->sig.auid, '@');
	if (rec->strict_auid && (at == NULL ||
	    strcasecmp(at + 1, vs->sig.domain) != 0))
		return DK_R_KEY_FLAG_S;
	/*
	 * RFC 8301 comes after the key's own checks, so that a missing or
	 * unusable key is reported as such (the vectors' order).
	 */
	if (v->strict && vs->sig.alg == DK_ALG_RSA_SHA1)
		return DK_R_RSA_SHA1_RFC8301;
	if (want == DK_KEY_RSA && rec->key.bits < v->rsa_min_bits)
		return rec->key.bits < DK_RSA_MIN_BITS ?
		    DK_R_KEY_TOO_SMALL_RFC8301 : DK_R_KEY_TOO_SMALL;
	return DK_R_OK;
}

/* No key: permerror; a lookup that failed: temperror, try again. */
static void
dns_fault(struct vfield *vf, enum dk_dns_rcode rcode)
{
	enum dk_reason r = dk_dns_rcode_reason(rcode);

	decide(vf, r == DK_R_NO_KEY ? DK_PERMERROR : DK_TEMPERROR, r);
}

/*
 * The records that fit, in fit[0..*nfit); with none, the first record's
 * fault (no record at all: no-key).
 */
static enum dk_reason
fitting_keys(const struct dk_verifier *v, const struct vsig *vs,
    const struct dk_keyrec **fit, size_t *nfit)
{
	const struct vquery *q = &v->query[vs->query];
	enum dk_reason reason, first = DK_R_NO_KEY;
	size_t i;

	*nfit = 0;
	for (i = 0; i < q->nrec; i++) {
		if ((reason = q->recerr[i]) == DK_R_OK)
			reason = key_fits(v, vs, &q->rec[i]);
		if (reason == DK_R_OK)
			fit[(*nfit)++] = &q->rec[i];
		else if (i == 0)
			first = reason;
	}
	return *nfit > 0 ? DK_R_OK : first;
}

/* h= lists each of signed_headers as often as the message has it. */
static int
signs_required(const struct dk_verifier *v, const struct dk_sig *sig)
{
	const char *name;
	size_t i, k, listed;

	for (i = 0; v->signed_headers != NULL &&
	    (name = v->signed_headers[i]) != NULL; i++) {
		for (k = 0, listed = 0; k < sig->nh; k++)
			if (sig->h[k].len == strlen(name) &&
			    strncasecmp(sig->h[k].p, name, sig->h[k].len) == 0)
				listed++;
		if (listed < dk_msghdr_count(&v->mh, name))
			return 0;
	}
	return 1;
}

/* §6.1.3: the header hash, checked with each key that fits in turn. */
static enum dk_status
check_sig(struct dk_verifier *v, struct vsig *vs)
{
	const struct dk_hfield *sel[DK_H_MAX];
	const struct dk_keyrec *fit[DK_KEYRECS_MAX];
	struct vfield *vf = &v->field[vs->field];
	const struct vquery *q = &v->query[vs->query];
	struct dk_hash hh;
	uint8_t digest[DK_DIGEST_MAX];
	size_t dlen, i, nfit;
	enum dk_reason reason;
	enum dk_status st;

	if (!q->answered || q->rcode != DK_DNS_OK) {
		dns_fault(vf, q->answered ? q->rcode : DK_DNS_TIMEOUT);
		return DK_OK;
	}
	if (q->nrec > 0 && q->recerr[0] == DK_R_OK)
		vs->key_bits = q->rec[0].key.bits;	/* for logs */
	if ((reason = fitting_keys(v, vs, fit, &nfit)) != DK_R_OK) {
		decide(vf, dk_reason_outcome(reason), reason);
		return DK_OK;
	}
	if (vs->body != DK_R_OK) {
		decide(vf, vs->body == DK_R_L_EXCEEDS_BODY ? DK_PERMERROR :
		    DK_FAIL, vs->body);
		return DK_OK;
	}
	dk_select(v->mh.f, v->mh.nf, vs->sig.h, vs->sig.nh, sel);
	dk_hash_init(&hh, vs->alg);
	st = dk_hhash(&hh, vs->sig.hcanon, sel, vs->sig.nh, vs->sig.field,
	    vs->sig.fieldlen, (size_t)(vs->sig.b_value.p - vs->sig.field),
	    vs->sig.b_value.len);
	if (st != DK_OK)
		return fail(v, st);
	dlen = dk_hash_out(&hh, digest);
	vs->testing = fit[0]->testing;
	for (i = 0; i < nfit; i++)
		if (dk_pubkey_verify(&fit[i]->key, vs->alg, digest, dlen,
		    vs->sig.b, vs->sig.blen))
			break;
	if (i == nfit)
		decide(vf, DK_FAIL, DK_R_SIGNATURE_MISMATCH);
	else {
		vs->testing = fit[i]->testing;
		vs->key_bits = fit[i]->key.bits;
		if (v->strict && dk_msghdr_count(&v->mh, "From") > 1)
			decide(vf, DK_POLICY, DK_R_MULTIPLE_FROM);  /* §8.15 */
		else if (!signs_required(v, &vs->sig))
			decide(vf, DK_POLICY, DK_R_HEADER_NOT_SIGNED);
		else
			decide(vf, DK_PASS, DK_R_OK);
	}
	return DK_OK;
}

/* Result r for field k: names from its vsig, or copied into nm. */
static int
fill_result(struct dk_verifier *v, size_t k, struct dk_result *r,
    struct vnames *nm, char **h)
{
	const struct vfield *vf = &v->field[k];
	const struct dk_sig *sig;
	const struct vsig *vs;

	r->outcome = (enum dk_outcome)vf->outcome;
	r->reason = (enum dk_reason)vf->reason;
	if (vf->sig != 0) {
		vs = &v->sig[vf->sig - 1];
		r->unsigned_body = vs->unsigned_body;
		r->key_testing = vs->testing;
		r->key_dnssec = v->query[vs->query].dnssec;
		r->key_bits = vs->key_bits;
		r->domain = vs->sig.domain;
		r->selector = vs->sig.selector;
		r->algorithm = vs->sig.algorithm;
		r->auid = vs->sig.auid;
		r->b_prefix = vs->sig.b_prefix;
		return dk_result_tags(r, &vs->sig, h);
	}
	sig = field_sig(v, k);
	memcpy(nm->domain, sig->domain, sizeof(nm->domain));
	memcpy(nm->selector, sig->selector, sizeof(nm->selector));
	memcpy(nm->algorithm, sig->algorithm, sizeof(nm->algorithm));
	memcpy(nm->auid, sig->auid, sizeof(nm->auid));
	memcpy(nm->b_prefix, sig->b_prefix, sizeof(nm->b_prefix));
	r->domain = nm->domain;
	r->selector = nm->selector;
	r->algorithm = nm->algorithm;
	r->auid = nm->auid;
	r->b_prefix = nm->b_prefix;
	return dk_result_tags(r, sig, h);
}

/* The sentence of each result, for logs. */
static enum dk_status
describe(struct dk_verifier *v)
{
	size_t i;

	if ((v->text = calloc(v->nres + 1, sizeof(*v->text))) == NULL)
		return fail(v, DK_ENOMEM);
	for (i = 0; i < v->nres; i++) {
		dk_result_describe(&v->res[i], v->rsa_min_bits, v->text[i],
		    TEXT_MAX);
		v->res[i].text = v->text[i];
	}
	return DK_OK;
}

/*
 * One result per field, in header order, for at most DK_RESULTS_MAX
 * fields: every field checked against a key is among them, and the
 * others take the places left, from the top. One more result without
 * names stands for those left out: neutral (not-evaluated) when one of
 * them was neutral, so that a signature we did not check is never
 * hidden, else neutral (too-many-signatures).
 */
static enum dk_status
make_results(struct dk_verifier *v)
{
	static const char *const none = "";
	struct dk_result *r;
	struct vnames *nm;
	size_t k, nkey = 0, room, nother = 0;
	int left_neutral = 0;

	for (k = 0; k < v->nfield; k++)
		nkey += v->field[k].keyed;
	room = DK_RESULTS_MAX - nkey;
	/* names take 870 bytes: as many as fields without a key, not room */
	if ((v->res = calloc(DK_RESULTS_MAX + 1, sizeof(*v->res))) == NULL ||
	    (v->names = calloc((v->nfield - nkey < room ? v->nfield - nkey :
	    room) + 1, sizeof(*v->names))) == NULL ||
	    (v->h = calloc(DK_RESULTS_MAX + 1, sizeof(*v->h))) == NULL)
		return fail(v, DK_ENOMEM);
	for (k = 0; k < v->nfield; k++) {
		nm = NULL;
		if (!v->field[k].keyed) {
			if (nother == room) {
				left_neutral |= v->field[k].outcome ==
				    DK_NEUTRAL;
				continue;
			}
			nm = &v->names[nother++];
		}
		if (fill_result(v, k, &v->res[v->nres], nm,
		    &v->h[v->nres]) == -1)
			return fail(v, DK_ENOMEM);
		v->nres++;
	}
	if (v->nres < v->nfield) {
		r = &v->res[v->nres++];
		r->outcome = DK_NEUTRAL;
		r->reason = left_neutral ? DK_R_NOT_EVALUATED :
		    DK_R_TOO_MANY_SIGNATURES;
		r->domain = r->selector = r->algorithm = r->auid = none;
		r->b_prefix = r->h = none;
		r->t = r->x = -1;
	}
	return describe(v);
}

/* see dkimkit.h */
enum dk_status
dk_verifier_finish(struct dk_verifier *v)
{
	enum dk_status st;
	size_t i;

	if (v->failed != DK_OK || v->finished)
		return DK_ESTATE;
	if (!v->ended && (st = dk_verifier_end(v)) != DK_OK)
		return st;
	v->finished = 1;
	for (i = 0; i < v->nsig; i++)
		if (v->field[v->sig[i].field].state == F_KEY &&
		    (st = check_sig(v, &v->sig[i])) != DK_OK)
			return st;
	if ((st = make_results(v)) != DK_OK)
		return st;
	if (v->authserv_id != NULL && (v->authres =
	    dk_authres_format(v->authserv_id, v->res, v->nres)) == NULL)
		return fail(v, DK_ENOMEM);
	return v->hdr_syntax ? DK_ESYNTAX : DK_OK;
}

/* see dkimkit.h */
size_t
dk_verifier_nresults(const struct dk_verifier *v)
{
	return v->finished && v->failed == DK_OK ? v->nres : 0;
}

/* see dkimkit.h */
const struct dk_result *
dk_verifier_result(const struct dk_verifier *v, size_t i)
{
	return i < dk_verifier_nresults(v) ? &v->res[i] : NULL;
}

/* see dkimkit.h */
const char *
dk_verifier_authres(const struct dk_verifier *v)
{
	return v->finished && v->failed == DK_OK ? v->authres : NULL;
}

/* see dkimkit.h */
const char *
dk_verifier_errmsg(const struct dk_verifier *v)
{
	return v->failed != DK_OK || v->hdr_syntax ? v->errmsg : "no error";
}

/* see dkimkit.h */
void
dk_verifier_free(struct dk_verifier *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; v->h != NULL && i < DK_RESULTS_MAX + 1; i++)
		free(v->h[i]);
	for (i = 0; v->signed_headers != NULL &&
	    v->signed_headers[i] != NULL; i++)
		free(v->signed_headers[i]);
	free(v->h);
	free(v->signed_headers);
	free(v->text);
	dk_from_free(&v->from);
	dk_msghdr_free(&v->mh);
	dk_bodies_free(&v->bodies);
	free(v->field);
	free(v->sig);
	free(v->query);
	free(v->scratch);
	free(v->res);
	free(v->names);
	free(v->authres);
	free(v->authserv_id);
	free(v);
}

/* see dkimkit.h */
int
dk_verifier_header_done(const struct dk_verifier *v)
{
	return v->field != NULL;
}

/* see dkimkit.h */
size_t
dk_verifier_nfrom(const struct dk_verifier *v)
{
	return v->from.n;
}

/* see dkimkit.h */
const char *
dk_verifier_from(const struct dk_verifier *v, size_t i)
{
	return i < v->from.n ? v->from.addr[i] : NULL;
}

/* see dkimkit.h */
const char *
dk_verifier_from_domain(const struct dk_verifier *v)
{
	return v->from.domain;
}

/* see dkimkit.h */
size_t
dk_verifier_authres_ours(const struct dk_verifier *v, const char *id,
    size_t *idx, size_t max)
{
	if (v->field == NULL || id == NULL)
		return 0;
	return dk_authres_find(&v->mh, id, idx, max);
}
