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
 * DKIM-Signature, sets up one body hash per distinct (body
 * canonicalization, hash, l=), and lists the key records it needs. The
 * caller answers them whenever it likes; the body streams on meanwhile.
 * At the end each signature is checked against its key.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dkim.h"
#include "../dns/dns.h"

#define QNAME_MAX	(DK_SELECTOR_MAX + sizeof("._domainkey.") + \
			    DK_DOMAIN_MAX)

struct vbody {
	struct dk_canon_body	 cb;
	struct dk_hash		 hash;
	enum dk_canon		 mode;
	enum dk_hash_alg	 alg;
	uint64_t		 limit;
};

struct vquery {
	char			 name[QNAME_MAX];
	int			 asked;
	int			 answered;
};

struct vsig {
	struct dk_sig		 sig;
	struct dk_result	*res;
	int			 final;		/* res is decided */
	enum dk_hash_alg	 alg;
	struct vbody		*body;
	struct vquery		*query;
	struct dk_keyrec	 rec[DK_KEYRECS_MAX];	/* keys that fit */
	size_t			 nrec;
};

struct dk_verifier {
	int64_t			 now;
	int			 strict;
	char			*authserv_id;
	struct dk_msghdr	 mh;
	struct dk_result	*res;		/* one per DKIM-Signature */
	size_t			 nres;
	struct vsig		*sig;		/* the first DK_SIGS_MAX */
	size_t			 nsig;
	struct vbody		 body[DK_SIGS_MAX];
	size_t			 nbody;
	struct vquery		 query[DK_SIGS_MAX];
	size_t			 nquery;
	char			*authres;
	enum dk_status		 failed;
	int			 hdr_syntax;
	int			 ended;		/* no more message bytes */
	int			 finished;
	char			 errmsg[256];
};

/* see dkimkit.h */
enum dk_status
dk_verifier_new(struct dk_verifier **vp, const struct dk_verify_opts *opts)
{
	struct dk_verifier *v;

	*vp = NULL;
	if (opts == NULL || (opts->authserv_id != NULL &&
	    !dk_authres_id_ok(opts->authserv_id)))
		return DK_EINVAL;
	if ((v = calloc(1, sizeof(*v))) == NULL)
		return DK_ENOMEM;
	v->now = opts->now;
	v->strict = opts->strict;
	if (opts->authserv_id != NULL &&
	    (v->authserv_id = strdup(opts->authserv_id)) == NULL) {
		free(v);
		return DK_ENOMEM;
	}
	*vp = v;
	return DK_OK;
}

static enum dk_status
fail(struct dk_verifier *v, enum dk_status st)
{
	if (v->failed == DK_OK) {
		v->failed = st;
		snprintf(v->errmsg, sizeof(v->errmsg), "%s",
		    st == DK_ELIMIT ? "header block is larger than 1 MiB" :
		    dk_status_str(st));
	}
	return st;
}

static void
decide(struct vsig *vs, enum dk_outcome outcome, enum dk_reason reason)
{
	vs->res->outcome = outcome;
	vs->res->reason = reason;
	vs->final = 1;
}

static struct vbody *
body_for(struct dk_verifier *v, const struct dk_sig *sig,
    enum dk_hash_alg alg)
{
	struct vbody *b;
	uint64_t limit = sig->has_l ? sig->l : UINT64_MAX;
	size_t i;

	for (i = 0; i < v->nbody; i++) {
		b = &v->body[i];
		if (b->mode == sig->bcanon && b->alg == alg &&
		    b->limit == limit)
			return b;
	}
	b = &v->body[v->nbody++];
	b->mode = sig->bcanon;
	b->alg = alg;
	b->limit = limit;
	dk_hash_init(&b->hash, alg);
	dk_canon_body_init(&b->cb, sig->bcanon, limit, dk_hash_sink, &b->hash);
	return b;
}

static struct vquery *
query_for(struct dk_verifier *v, const struct dk_sig *sig)
{
	char name[QNAME_MAX];
	size_t i;

	snprintf(name, sizeof(name), "%s._domainkey.%s", sig->selector,
	    sig->domain);
	for (i = 0; i < v->nquery; i++)
		if (strcasecmp(v->query[i].name, name) == 0)
			return &v->query[i];
	memcpy(v->query[v->nquery].name, name, sizeof(name));
	return &v->query[v->nquery++];
}

static void
result_names(struct vsig *vs)
{
	vs->res->domain = vs->sig.domain;
	vs->res->selector = vs->sig.selector;
	vs->res->algorithm = vs->sig.algorithm;
	vs->res->auid = vs->sig.auid;
	vs->res->b_prefix = vs->sig.b_prefix;
}

static void
setup_sig(struct dk_verifier *v, struct vsig *vs, const struct dk_hfield *f)
{
	enum dk_reason reason;

	reason = dk_sig_parse(&vs->sig, f->text, f->len, v->now);
	result_names(vs);
	if (reason != DK_R_OK) {
		decide(vs, DK_PERMERROR, reason);
		return;
	}
	vs->alg = vs->sig.alg == DK_ALG_RSA_SHA1 ? DK_HASH_SHA1 :
	    DK_HASH_SHA256;
	/*
	 * Strict, an rsa-sha1 signature ends in key_fits() whatever its
	 * key, so it never reaches check_sig(): no body hash for it.
	 */
	if (!(v->strict && vs->sig.alg == DK_ALG_RSA_SHA1))
		vs->body = body_for(v, &vs->sig, vs->alg);
	vs->query = query_for(v, &vs->sig);
}

/* RFC 6376 §6.1: a verifier may limit the signatures it looks at. */
static void
too_many(struct dk_result *r)
{
	static const char *const none = "";

	r->outcome = DK_PERMERROR;
	r->reason = DK_R_TOO_MANY_SIGNATURES;
	r->domain = r->selector = r->algorithm = r->auid = none;
	r->b_prefix = none;
}

static enum dk_status
start_sigs(struct dk_verifier *v)
{
	struct dk_hfield *f;
	size_t i, k = 0, nfields;
	enum dk_status st;

	st = dk_msghdr_end(&v->mh, v->errmsg, sizeof(v->errmsg));
	if (st == DK_ESYNTAX)
		v->hdr_syntax = 1;
	else if (st != DK_OK)
		return fail(v, st);
	nfields = dk_msghdr_count(&v->mh, "DKIM-Signature");
	v->nsig = nfields < DK_SIGS_MAX ? nfields : DK_SIGS_MAX;
	v->nres = v->nsig + (nfields > DK_SIGS_MAX);
	if ((v->res = calloc(v->nres + 1, sizeof(*v->res))) == NULL ||
	    (v->sig = calloc(v->nsig + 1, sizeof(*v->sig))) == NULL)
		return fail(v, DK_ENOMEM);
	for (i = 0; i < v->mh.nf && k < v->nsig; i++) {
		f = &v->mh.f[i];
		if (!dk_hfield_is(f, "DKIM-Signature", 14))
			continue;
		v->sig[k].res = &v->res[k];
		setup_sig(v, &v->sig[k], f);
		k++;
	}
	if (v->nres > v->nsig)
		too_many(&v->res[v->nsig]);
	return DK_OK;
}

static void
body_write(struct dk_verifier *v, const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < v->nbody; i++)
		dk_canon_body_write(&v->body[i].cb, buf, len);
}

/* see dkimkit.h */
enum dk_status
dk_verifier_write(struct dk_verifier *v, const void *buf, size_t len)
{
	enum dk_status st;
	size_t used = 0;

	if (v->failed != DK_OK || v->ended)
		return DK_ESTATE;
	if (!v->mh.done) {
		if ((st = dk_msghdr_write(&v->mh, buf, len, &used)) != DK_OK)
			return fail(v, st);
		if (v->mh.done && (st = start_sigs(v)) != DK_OK)
			return st;
	}
	if (used < len)
		body_write(v, (const char *)buf + used, len - used);
	return DK_OK;
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

/* Compare DNS names without case, and a final dot on either side. */
static int
same_name(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la > 0 && a[la - 1] == '.')
		la--;
	if (lb > 0 && b[lb - 1] == '.')
		lb--;
	return la == lb && strncasecmp(a, b, la) == 0;
}

/*
 * Whether a key record can check this signature. RFC 6376 §3.6.1 for the
 * record's tags, RFC 8301 §3.2 for the key size.
 */
static enum dk_reason
key_fits(const struct dk_verifier *v, const struct vsig *vs, const char *txt,
    struct dk_keyrec *rec)
{
	const char *at;
	enum dk_reason reason;
	enum dk_key_type want;
	unsigned int hbit;

	if (dk_keyrec_parse(txt, strlen(txt), rec, &reason) == -1)
		return reason;
	want = vs->sig.alg == DK_ALG_ED25519_SHA256 ? DK_KEY_ED25519 :
	    DK_KEY_RSA;
	if (rec->key.type != want)
		return DK_R_KEY_TYPE_UNSUPPORTED;
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
	if (v->strict && want == DK_KEY_RSA && rec->key.bits < DK_RSA_MIN_BITS)
		return DK_R_KEY_TOO_SMALL_RFC8301;
	return DK_R_OK;
}

/*
 * RFC 6376 §6.1.2: several records may be tried in turn. Every one that
 * fits is kept, and the signature is checked against each at the end;
 * with none, the first record's fault is the result.
 */
static void
apply_records(const struct dk_verifier *v, struct vsig *vs,
    const char *const *txt, size_t ntxt)
{
	enum dk_reason reason, first = DK_R_NO_KEY;
	size_t i;

	for (i = 0; i < ntxt && vs->nrec < DK_KEYRECS_MAX; i++) {
		reason = key_fits(v, vs, txt[i], &vs->rec[vs->nrec]);
		if (reason == DK_R_OK)
			vs->nrec++;
		else if (i == 0)
			first = reason;
	}
	if (vs->nrec == 0)
		decide(vs, DK_PERMERROR, first);
}

static void
apply_answer(const struct dk_verifier *v, struct vsig *vs,
    enum dk_dns_rcode rcode, const char *const *txt, size_t ntxt)
{
	switch (rcode) {
	case DK_DNS_OK:
		apply_records(v, vs, txt, ntxt);
		break;
	case DK_DNS_NXDOMAIN:
	case DK_DNS_NODATA:
		decide(vs, DK_PERMERROR, DK_R_NO_KEY);
		break;
	case DK_DNS_SERVFAIL:
		decide(vs, DK_TEMPERROR, DK_R_DNS_SERVFAIL);
		break;
	case DK_DNS_REFUSED:
		decide(vs, DK_TEMPERROR, DK_R_DNS_REFUSED);
		break;
	case DK_DNS_MALFORMED:
		decide(vs, DK_TEMPERROR, DK_R_DNS_MALFORMED);
		break;
	case DK_DNS_TCP:
		decide(vs, DK_TEMPERROR, DK_R_DNS_TCP);
		break;
	case DK_DNS_UNREACHABLE:
		decide(vs, DK_TEMPERROR, DK_R_DNS_UNREACHABLE);
		break;
	default:
		decide(vs, DK_TEMPERROR, DK_R_DNS_TIMEOUT);
		break;
	}
}

static struct vquery *
find_query(struct dk_verifier *v, const char *qname)
{
	size_t i;

	for (i = 0; i < v->nquery; i++)
		if (same_name(v->query[i].name, qname))
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
	if ((q = find_query(v, qname)) == NULL || q->answered)
		return DK_EINVAL;
	q->answered = 1;
	for (i = 0; i < v->nsig; i++)
		if (v->sig[i].query == q && !v->sig[i].final)
			apply_answer(v, &v->sig[i], rcode, txt, ntxt);
	return DK_OK;
}

/* The first kept key that the signature verifies with, or NULL. */
static const struct dk_keyrec *
verifying_key(const struct vsig *vs, const uint8_t *digest, size_t dlen)
{
	size_t i;

	for (i = 0; i < vs->nrec; i++)
		if (dk_pubkey_verify(&vs->rec[i].key, vs->alg, digest, dlen,
		    vs->sig.b, vs->sig.blen))
			return &vs->rec[i];
	return NULL;
}

static enum dk_status
check_sig(struct dk_verifier *v, struct vsig *vs)
{
	const struct dk_hfield *sel[DK_H_MAX];
	const struct dk_keyrec *key;
	struct dk_hash hh;
	uint8_t digest[DK_DIGEST_MAX];
	size_t dlen;
	enum dk_status st;

	/* §3.5: l= MUST NOT be larger than the canonicalized body */
	if (vs->sig.has_l && vs->body->cb.total < vs->sig.l) {
		decide(vs, DK_PERMERROR, DK_R_L_EXCEEDS_BODY);
		return DK_OK;
	}
	vs->res->unsigned_body = vs->body->cb.total - vs->body->cb.emitted;
	dlen = dk_hash_out(&vs->body->hash, digest);
	if (vs->sig.bhlen != dlen || memcmp(vs->sig.bh, digest, dlen) != 0) {
		decide(vs, DK_FAIL, DK_R_BODY_HASH_MISMATCH);
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
	vs->res->key_testing = vs->rec[0].testing;
	if ((key = verifying_key(vs, digest, dlen)) == NULL)
		decide(vs, DK_FAIL, DK_R_SIGNATURE_MISMATCH);
	else {
		vs->res->key_testing = key->testing;
		if (v->strict && dk_msghdr_count(&v->mh, "From") > 1)
			decide(vs, DK_POLICY, DK_R_MULTIPLE_FROM);  /* §8.15 */
		else
			decide(vs, DK_PASS, DK_R_OK);
	}
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_verifier_key_dnssec(struct dk_verifier *v, const char *qname)
{
	struct vquery *q;
	size_t i;

	if (v->failed != DK_OK || v->finished)
		return DK_ESTATE;
	if (qname == NULL || (q = find_query(v, qname)) == NULL ||
	    !q->answered)
		return DK_EINVAL;
	for (i = 0; i < v->nsig; i++)
		if (v->sig[i].query == q)
			v->sig[i].res->key_dnssec = 1;
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_verifier_end(struct dk_verifier *v)
{
	enum dk_status st;
	size_t i;

	if (v->failed != DK_OK || v->ended)
		return DK_ESTATE;
	/* a message of header fields only may lack the empty line */
	if (!v->mh.done && (st = start_sigs(v)) != DK_OK)
		return st;
	v->ended = 1;
	for (i = 0; i < v->nbody; i++)
		dk_canon_body_end(&v->body[i].cb);
	return DK_OK;
}

/* see dkimkit.h */
enum dk_status
dk_verifier_finish(struct dk_verifier *v)
{
	struct vsig *vs;
	enum dk_status st;
	size_t i;

	if (v->failed != DK_OK || v->finished)
		return DK_ESTATE;
	if (!v->ended && (st = dk_verifier_end(v)) != DK_OK)
		return st;
	v->finished = 1;
	for (i = 0; i < v->nsig; i++) {
		vs = &v->sig[i];
		if (vs->final)
			continue;
		if (vs->nrec == 0)
			decide(vs, DK_TEMPERROR, DK_R_DNS_TIMEOUT);
		else if ((st = check_sig(v, vs)) != DK_OK)
			return st;
	}
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
	if (v == NULL)
		return;
	dk_msghdr_free(&v->mh);
	free(v->res);
	free(v->sig);
	free(v->authres);
	free(v->authserv_id);
	free(v);
}
