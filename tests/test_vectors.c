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
 * The sign and canon rows of vectors/manifest.tsv. tests/vectors.sh runs
 * the verify rows through the CLI; these rows need the internals.
 *
 * A sign row names an input message, a key and tags, and a .sig file
 * holding the DKIM-Signature field a peer made from them. For each:
 *   :params  the row's tags agree with the .sig's;
 *   :bh      our body hash of the input equals the .sig's bh= (l= kept);
 *   :b       our header hash, signed with the key, gives the .sig's b=
 *            to the byte (RSA PKCS#1 v1.5 and Ed25519 are deterministic);
 *            rsa-sha1, which we never sign with, is verified instead;
 *   :api     dk_signer makes a field that parses, has the right bh= and
 *            passes dk_verifier with the key records of vectors/dns.txt.
 * Then one line for the row, "sign:PATH", which vectors.sh counts.
 * The canon row checks RFC 6376 §3.4.5's example against its expected
 * output files, both algorithms, header and body.
 *
 * Streaming checks feed their input whole, byte by byte, and in two
 * parts split at every offset.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/canon/canon.h"
#include "../src/crypto/crypto.h"
#include "../src/dkim/dkim.h"
#include "../src/dns/dns.h"
#include "testlib.h"

#define VEC_DIR		"vectors/"
#define VEC_MANIFEST	VEC_DIR "manifest.tsv"
#define VEC_DNS		VEC_DIR "dns.txt"
#define VEC_FILE_MAX	(1024 * 1024)	/* vector files are a few kB;
					 * more means a wrong path */
#define VEC_PATH_MAX	512		/* VEC_DIR + a manifest path */
#define VEC_ROWS_MAX	1024		/* the manifest has 113 */
#define VEC_NOW		1700000000	/* the manifest's verify time */
#define VEC_ERR_MAX	256		/* error messages from the library */
#define VEC_AUTHSERV	"test"

/* manifest.tsv columns (vectors/README.md) */
enum {
	COL_PATH, COL_SOURCE, COL_KIND, COL_EXPECTED, COL_EXPECTED_8301,
	COL_TIME, COL_PARAMS, COL_PEERS, COL_NOTE, COL_N
};
#define COL_NEEDED	(COL_PARAMS + 1)

/* the params keys of sign rows */
enum {
	P_INPUT, P_KEY, P_A, P_C, P_D, P_S, P_I, P_Q, P_T, P_H, P_L, P_N
};
static const char *const param_names[P_N] = {
	"input", "key", "a", "c", "d", "s", "i", "q", "t", "h", "l"
};

struct row {
	char	*col[COL_N];	/* "" when absent */
};

struct manifest {
	char		*text;
	struct row	 rows[VEC_ROWS_MAX];
	size_t		 nrows;
};

/* A sink buffer for canonicalized text, bounded by VEC_FILE_MAX. */
struct out {
	char	*p;
	size_t	 len;
	int	 overflow;
};

/* Everything one sign row needs, loaded once. */
struct signrow {
	const char		*path;
	char			*param[P_N];
	char			*msg;
	size_t			 msglen;
	const char		*body;
	size_t			 bodylen;
	struct dk_msghdr	 mh;
	char			*sigtext;
	struct dk_sig		 sig;
	struct dk_key		*key;
	int64_t			 now;
};

/* A writer for feed(): ctx is a signer, verifier or canonicalizer. */
typedef void	write_fn(void *ctx, const char *p, size_t len);

static struct manifest	 manifest;
static struct dk_zone	*zone;

static char *
readvec(const char *rel, size_t *lenp)
{
	char path[VEC_PATH_MAX];
	char *buf;

	if ((size_t)snprintf(path, sizeof(path), VEC_DIR "%s", rel) >=
	    sizeof(path)) {
		test_fail(__FILE__, __LINE__, "path too long: %s", rel);
		return NULL;
	}
	if ((buf = test_readfile(path, lenp)) == NULL)
		test_fail(__FILE__, __LINE__, "cannot read %s", path);
	else if (*lenp > VEC_FILE_MAX) {
		test_fail(__FILE__, __LINE__, "%s: over %d bytes", path,
		    VEC_FILE_MAX);
		free(buf);
		buf = NULL;
	}
	return buf;
}

static void
out_sink(void *arg, const void *buf, size_t len)
{
	struct out *o = arg;
	char *np;

	if (o->overflow || len > VEC_FILE_MAX - o->len) {
		o->overflow = 1;
		return;
	}
	if ((np = realloc(o->p, o->len + len + 1)) == NULL) {
		o->overflow = 1;
		return;
	}
	o->p = np;
	memcpy(o->p + o->len, buf, len);
	o->len += len;
}

/*
 * The ways a streaming check feeds len bytes: way 0 whole, way 1 byte by
 * byte, way 2 + k in two parts split at offset k (k from 0 to len).
 */
static size_t
nways(size_t len)
{
	return 2 + len + 1;
}

static void
feed(size_t way, const char *p, size_t len, write_fn *fn, void *ctx)
{
	size_t i, k;

	if (way == 0)
		fn(ctx, p, len);
	else if (way == 1)
		for (i = 0; i < len; i++)
			fn(ctx, p + i, 1);
	else {
		k = way - 2;
		fn(ctx, p, k);
		fn(ctx, p + k, len - k);
	}
}

static void
print_result(const char *name, int failed)
{
	printf("%s %s\n", failed ? "FAIL" : "PASS", name);
	fflush(stdout);
}

/* Split s at each sep into at most max NUL-terminated parts. */
static size_t
split(char *s, int sep, char **parts, size_t max)
{
	size_t n = 0;
	char *e;

	while (n < max) {
		parts[n++] = s;
		if ((e = strchr(s, sep)) == NULL)
			break;
		*e = '\0';
		s = e + 1;
	}
	return n;
}

static int
manifest_load(void)
{
	char *lines[VEC_ROWS_MAX + 1], *p;
	struct row *r;
	size_t len, nlines, i, n;

	if ((manifest.text = test_readfile(VEC_MANIFEST, &len)) == NULL)
		return test_fail(__FILE__, __LINE__, "cannot read %s",
		    VEC_MANIFEST);
	nlines = split(manifest.text, '\n', lines, VEC_ROWS_MAX + 1);
	if (nlines == VEC_ROWS_MAX + 1 && strchr(lines[VEC_ROWS_MAX], '\n'))
		return test_fail(__FILE__, __LINE__, "over %d rows",
		    VEC_ROWS_MAX);
	/* line 0 holds the column names */
	for (i = 1; i < nlines; i++) {
		if ((p = strchr(lines[i], '\r')) != NULL)
			*p = '\0';
		if (*lines[i] == '\0')
			continue;
		r = &manifest.rows[manifest.nrows++];
		n = split(lines[i], '\t', r->col, COL_N);
		if (n < COL_NEEDED)
			return test_fail(__FILE__, __LINE__,
			    "manifest line %zu: %zu columns", i + 1, n);
		for (; n < COL_N; n++)
			r->col[n] = "";
	}
	return 0;
}

static int
zone_load(void)
{
	char err[VEC_ERR_MAX], *buf;
	size_t len;
	int rc;

	if ((buf = test_readfile(VEC_DNS, &len)) == NULL)
		return test_fail(__FILE__, __LINE__, "cannot read %s", VEC_DNS);
	rc = dk_zone_parse(&zone, buf, len, err, sizeof(err));
	free(buf);
	if (rc != DK_OK)
		return test_fail(__FILE__, __LINE__, "%s: %s", VEC_DNS, err);
	return 0;
}

/*
 * The params column: "name=value" words separated by spaces. Words in
 * parentheses are remarks, and a word ending in ";" ends the list (the
 * rest is prose, as in "h=...; tag order a,bh,...").
 */
static void
params_parse(char *s, char **param)
{
	char *w, *save = NULL, *eq;
	size_t i, n;
	int remark = 0, last = 0;

	for (w = strtok_r(s, " ", &save); w != NULL && !last;
	    w = strtok_r(NULL, " ", &save)) {
		n = strlen(w);
		if (remark || w[0] == '(') {
			remark = w[n - 1] != ')';
			continue;
		}
		if (w[n - 1] == ';') {
			w[n - 1] = '\0';
			last = 1;
		}
		if ((eq = strchr(w, '=')) == NULL)
			continue;
		*eq = '\0';
		for (i = 0; i < P_N; i++)
			if (strcmp(w, param_names[i]) == 0)
				param[i] = eq + 1;
	}
}

static enum dk_canon
canon_word(const char *s, size_t len)
{
	if (len == 6 && memcmp(s, "simple", 6) == 0)
		return DK_CANON_SIMPLE;
	if (len == 7 && memcmp(s, "relaxed", 7) == 0)
		return DK_CANON_RELAXED;
	return DK_CANON_DEFAULT;
}

/* c=HEADER/BODY; RFC 6376 §3.5: a missing body part means simple. */
static void
canon_pair(const char *c, enum dk_canon *hc, enum dk_canon *bc)
{
	const char *slash;

	if ((slash = strchr(c, '/')) == NULL) {
		*hc = canon_word(c, strlen(c));
		*bc = DK_CANON_SIMPLE;
		return;
	}
	*hc = canon_word(c, (size_t)(slash - c));
	*bc = canon_word(slash + 1, strlen(slash + 1));
}

static void
body_write(void *ctx, const char *p, size_t len)
{
	dk_canon_body_write(ctx, p, len);
}

/* The body hash of body[0..len) fed in the given way. */
static size_t
body_digest(const char *body, size_t len, size_t way, enum dk_canon mode,
    enum dk_hash_alg alg, uint64_t limit, uint8_t out[DK_DIGEST_MAX])
{
	struct dk_canon_body cb;
	struct dk_hash h;

	dk_hash_init(&h, alg);
	dk_canon_body_init(&cb, mode, limit, dk_hash_sink, &h);
	feed(way, body, len, body_write, &cb);
	dk_canon_body_end(&cb);
	return dk_hash_out(&h, out);
}

static int
msg_split(struct dk_msghdr *mh, const char *msg, size_t len,
    const char **body, size_t *bodylen)
{
	char err[VEC_ERR_MAX];
	size_t used = 0;

	memset(mh, 0, sizeof(*mh));
	if (dk_msghdr_write(mh, msg, len, &used) != DK_OK)
		return test_fail(__FILE__, __LINE__, "dk_msghdr_write failed");
	if (dk_msghdr_end(mh, err, sizeof(err)) != DK_OK)
		return test_fail(__FILE__, __LINE__, "dk_msghdr_end: %s", err);
	*body = msg + used;
	*bodylen = len - used;
	return 0;
}

static void
signrow_free(struct signrow *sr)
{
	free(sr->msg);
	free(sr->sigtext);
	dk_msghdr_free(&sr->mh);
	dk_key_free(sr->key);
}

static int
signrow_load_sig(struct signrow *sr)
{
	enum dk_reason r;
	size_t len;

	if ((sr->sigtext = readvec(sr->path, &len)) == NULL)
		return 1;
	/* the .sig is the field as it would sit in a message */
	if (len >= 2 && memcmp(sr->sigtext + len - 2, "\r\n", 2) == 0)
		len -= 2;
	if ((r = dk_sig_parse(&sr->sig, sr->sigtext, len, 0)) != DK_R_OK)
		return test_fail(__FILE__, __LINE__, "%s does not parse: %s",
		    sr->path, dk_reason_str(r));
	return 0;
}

static int
signrow_load(struct signrow *sr, struct row *r)
{
	char err[VEC_ERR_MAX], *keytext;
	enum dk_status st;
	size_t len;
	size_t i;

	sr->path = r->col[COL_PATH];
	params_parse(r->col[COL_PARAMS], sr->param);
	for (i = 0; i < P_N; i++)
		if (sr->param[i] == NULL && i != P_I && i != P_Q &&
		    i != P_T && i != P_L)
			return test_fail(__FILE__, __LINE__,
			    "params: no %s=", param_names[i]);
	sr->now = sr->param[P_T] != NULL ?
	    strtoll(sr->param[P_T], NULL, 10) : VEC_NOW;
	if ((sr->msg = readvec(sr->param[P_INPUT], &sr->msglen)) == NULL ||
	    msg_split(&sr->mh, sr->msg, sr->msglen, &sr->body, &sr->bodylen))
		return 1;
	if ((keytext = readvec(sr->param[P_KEY], &len)) == NULL)
		return 1;
	st = dk_key_parse(&sr->key, keytext, len, err, sizeof(err));
	dk_wipe(keytext, len);
	free(keytext);
	if (st != DK_OK)
		return test_fail(__FILE__, __LINE__, "%s: %s",
		    sr->param[P_KEY], err);
	return signrow_load_sig(sr);
}

static enum dk_hash_alg
sig_hash_alg(const struct dk_sig *sig)
{
	return sig->alg == DK_ALG_RSA_SHA1 ? DK_HASH_SHA1 : DK_HASH_SHA256;
}

static int
check_hlist(const struct signrow *sr)
{
	const struct dk_sig *sig = &sr->sig;
	const char *h = sr->param[P_H], *e;
	size_t i, n;

	for (i = 0; i < sig->nh; i++) {
		if (h == NULL)
			return test_fail(__FILE__, __LINE__,
			    "the .sig's h= has more names than the row's");
		e = strchr(h, ':');
		n = e != NULL ? (size_t)(e - h) : strlen(h);
		if (n != sig->h[i].len || strncasecmp(h, sig->h[i].p, n) != 0)
			return test_fail(__FILE__, __LINE__,
			    "h= entry %zu: row has %.*s", i, (int)n, h);
		h = e != NULL ? e + 1 : NULL;
	}
	CHECK(h == NULL);
	return 0;
}

static int
check_params(const struct signrow *sr)
{
	const struct dk_sig *sig = &sr->sig;
	enum dk_canon hc, bc;

	CHECK_STR("a=", sr->param[P_A], sig->algorithm);
	CHECK_STR("d=", sr->param[P_D], sig->domain);
	CHECK_STR("s=", sr->param[P_S], sig->selector);
	if (sr->param[P_I] != NULL)
		CHECK_STR("i=", sr->param[P_I], sig->auid);
	canon_pair(sr->param[P_C], &hc, &bc);
	CHECK(hc == sig->hcanon);
	CHECK(bc == sig->bcanon);
	CHECK((sr->param[P_T] != NULL) == (sig->has_t != 0));
	CHECK(!sig->has_t || sig->t == sr->now);
	CHECK((sr->param[P_L] != NULL) == (sig->has_l != 0));
	return check_hlist(sr);
}

/* Compare two digests, printed in base64 when they differ. */
static int
digest_eq(const char *what, const uint8_t *want, size_t wantlen,
    const uint8_t *got, size_t gotlen, size_t way)
{
	char w[DK_B64_ENCLEN(DK_DIGEST_MAX) + 1];
	char g[DK_B64_ENCLEN(DK_DIGEST_MAX) + 1];

	if (wantlen == gotlen && memcmp(want, got, gotlen) == 0)
		return 0;
	dk_b64_encode(want, wantlen, w);
	dk_b64_encode(got, gotlen, g);
	return test_fail(__FILE__, __LINE__, "%s fed in way %zu: "
	    "expected %s got %s", what, way, w, g);
}

/* RFC 6376 §3.7 step 1 and §3.5 l=: the body hash, in every way. */
static int
check_bh(const struct signrow *sr)
{
	const struct dk_sig *sig = &sr->sig;
	uint64_t limit = sig->has_l ? sig->l : UINT64_MAX;
	uint8_t d[DK_DIGEST_MAX];
	size_t way, n;

	for (way = 0; way < nways(sr->bodylen); way++) {
		n = body_digest(sr->body, sr->bodylen, way, sig->bcanon,
		    sig_hash_alg(sig), limit, d);
		if (digest_eq("bh", sig->bh, sig->bhlen, d, n, way))
			return 1;
	}
	return 0;
}

/* RFC 6376 §3.7 step 2: the header hash over the .sig's own field. */
static size_t
header_digest(const struct signrow *sr, uint8_t d[DK_DIGEST_MAX])
{
	const struct dk_sig *sig = &sr->sig;
	const struct dk_hfield *sel[DK_H_MAX];
	struct dk_hash h;

	dk_select(sr->mh.f, sr->mh.nf, sig->h, sig->nh, sel);
	dk_hash_init(&h, sig_hash_alg(sig));
	dk_hhash(&h, sig->hcanon, sel, sig->nh, sig->field, sig->fieldlen,
	    (size_t)(sig->b_value.p - sig->field), sig->b_value.len);
	return dk_hash_out(&h, d);
}

/*
 * RFC 8301 §3.1: we never sign with rsa-sha1, so that row's b= cannot be
 * reproduced; it must verify with the key record instead.
 */
static int
check_b_keyrec(const struct signrow *sr, const uint8_t *d, size_t dlen)
{
	char qname[DK_SELECTOR_MAX + sizeof("._domainkey.") + DK_DOMAIN_MAX];
	const char *const *txt = NULL;
	struct dk_keyrec rec;
	enum dk_reason reason;
	size_t ntxt = 0, i;

	snprintf(qname, sizeof(qname), "%s._domainkey.%s",
	    sr->sig.selector, sr->sig.domain);
	CHECK(dk_zone_lookup(zone, qname, &txt, &ntxt) == DK_DNS_OK);
	for (i = 0; i < ntxt; i++)
		if (dk_keyrec_parse(txt[i], strlen(txt[i]), &rec,
		    &reason) == 0 && dk_pubkey_verify(&rec.key,
		    sig_hash_alg(&sr->sig), d, dlen, sr->sig.b, sr->sig.blen))
			return 0;
	return test_fail(__FILE__, __LINE__,
	    "b= verifies with no record at %s", qname);
}

static int
check_b(const struct signrow *sr)
{
	const struct dk_span *bv = &sr->sig.b_value;
	char want[DK_B64_ENCLEN(DK_SIG_MAX) + 1];
	char got[DK_B64_ENCLEN(DK_SIG_MAX) + 1];
	uint8_t d[DK_DIGEST_MAX], s[DK_SIG_MAX];
	size_t dlen, slen, i, n = 0;

	dlen = header_digest(sr, d);
	if (sr->sig.alg == DK_ALG_RSA_SHA1)
		return check_b_keyrec(sr, d, dlen);
	CHECK(dk_key_sign(sr->key, d, s, &slen) == 0);
	dk_b64_encode(s, slen, got);
	/* RFC 6376 §3.5: b= may hold FWS, which is not part of the value */
	for (i = 0; i < bv->len; i++) {
		if (strchr(" \t\r\n", bv->p[i]) != NULL)
			continue;
		CHECK(n < sizeof(want) - 1);
		want[n++] = bv->p[i];
	}
	want[n] = '\0';
	CHECK_STR("b=", want, got);
	return 0;
}

struct sign_ctx {
	struct dk_signer	*s;
	enum dk_status		 st;
};

static void
signer_write(void *ctx, const char *p, size_t len)
{
	struct sign_ctx *c = ctx;

	if (c->st == DK_OK)
		c->st = dk_signer_write(c->s, p, len);
}

/* Sign msg fed in the given way; a new string, or NULL after a FAIL. */
static char *
api_sign(const struct dk_sign_opts *o, const char *msg, size_t len,
    size_t way)
{
	struct sign_ctx c = { NULL, DK_OK };
	char *field = NULL;

	if ((c.st = dk_signer_new(&c.s, o, 1)) != DK_OK) {
		test_fail(__FILE__, __LINE__, "dk_signer_new: %s",
		    dk_status_str(c.st));
		return NULL;
	}
	feed(way, msg, len, signer_write, &c);
	if (c.st == DK_OK)
		c.st = dk_signer_finish(c.s);
	if (c.st != DK_OK)
		test_fail(__FILE__, __LINE__, "way %zu: %s: %s", way,
		    dk_status_str(c.st), dk_signer_errmsg(c.s));
	else if (dk_signer_field(c.s, 0) == NULL)
		test_fail(__FILE__, __LINE__, "way %zu: no field", way);
	else if ((field = strdup(dk_signer_field(c.s, 0))) == NULL)
		test_fail(__FILE__, __LINE__, "out of memory");
	dk_signer_free(c.s);
	return field;
}

struct verify_ctx {
	struct dk_verifier	*v;
	enum dk_status		 st;
};

static void
verifier_write(void *ctx, const char *p, size_t len)
{
	struct verify_ctx *c = ctx;

	if (c->st == DK_OK)
		c->st = dk_verifier_write(c->v, p, len);
}

static void
verifier_answer(struct verify_ctx *c)
{
	if (c->st == DK_OK)
		c->st = dk_zone_answer_verifier(zone, c->v);
}

/* msg, fed in the given way, must give one result: pass. */
static int
api_verify(const char *msg, size_t len, int64_t now, size_t way)
{
	struct dk_verify_opts o;
	struct verify_ctx c = { NULL, DK_OK };
	const struct dk_result *res;
	int rc = 0;

	dk_verify_opts_init(&o, sizeof(o));
	o.now = now;
	o.authserv_id = VEC_AUTHSERV;
	o.plain_rfc6376 = 1;
	o.clock_drift = 0;

	if ((c.st = dk_verifier_new(&c.v, &o)) != DK_OK)
		return test_fail(__FILE__, __LINE__, "dk_verifier_new: %s",
		    dk_status_str(c.st));
	feed(way, msg, len, verifier_write, &c);
	if (c.st == DK_OK)
		c.st = dk_verifier_end(c.v);
	verifier_answer(&c);
	if (c.st == DK_OK)
		c.st = dk_verifier_finish(c.v);
	if (c.st != DK_OK)
		rc = test_fail(__FILE__, __LINE__, "way %zu: %s: %s", way,
		    dk_status_str(c.st), dk_verifier_errmsg(c.v));
	else if (dk_verifier_nresults(c.v) != 1)
		rc = test_fail(__FILE__, __LINE__, "way %zu: %zu results",
		    way, dk_verifier_nresults(c.v));
	else if ((res = dk_verifier_result(c.v, 0))->outcome != DK_PASS)
		rc = test_fail(__FILE__, __LINE__, "way %zu: %s (%s)", way,
		    dk_outcome_str(res->outcome), dk_reason_str(res->reason));
	dk_verifier_free(c.v);
	return rc;
}

/* Our field, CRLF, then the input: the message a signer sends on. */
static char *
prepend(const char *field, const char *msg, size_t msglen, size_t *lenp)
{
	size_t flen = strlen(field);
	char *p;

	if ((p = malloc(flen + 2 + msglen)) == NULL)
		return NULL;
	memcpy(p, field, flen);
	memcpy(p + flen, "\r\n", 2);
	memcpy(p + flen + 2, msg, msglen);
	*lenp = flen + 2 + msglen;
	return p;
}

/* Every way must give the same field; *fieldp gets it. */
static int
api_sign_all(const struct signrow *sr, const struct dk_sign_opts *o,
    char **fieldp)
{
	char *field;
	size_t way;

	*fieldp = NULL;
	for (way = 0; way < nways(sr->msglen); way++) {
		if ((field = api_sign(o, sr->msg, sr->msglen, way)) == NULL)
			return 1;
		if (*fieldp == NULL) {
			*fieldp = field;
			continue;
		}
		if (test_memeq(__FILE__, __LINE__, "field", *fieldp,
		    strlen(*fieldp), field, strlen(field))) {
			free(field);
			return test_fail(__FILE__, __LINE__, "way %zu", way);
		}
		free(field);
	}
	return 0;
}

static int
check_api_field(const struct signrow *sr, const struct dk_sign_opts *o,
    const char *field)
{
	struct dk_sig sig;
	enum dk_reason r;
	uint8_t bh[DK_DIGEST_MAX];
	size_t n;

	if ((r = dk_sig_parse(&sig, field, strlen(field), 0)) != DK_R_OK)
		return test_fail(__FILE__, __LINE__, "our field does not "
		    "parse: %s", dk_reason_str(r));
	/* the full body: the API has no l= */
	n = body_digest(sr->body, sr->bodylen, 0, o->bcanon, DK_HASH_SHA256,
	    UINT64_MAX, bh);
	if (digest_eq("bh", bh, n, sig.bh, sig.bhlen, 0))
		return 1;
	if (!sr->sig.has_l && sr->sig.alg != DK_ALG_RSA_SHA1 &&
	    digest_eq("bh vs .sig", sr->sig.bh, sr->sig.bhlen, sig.bh,
	    sig.bhlen, 0))
		return 1;
	return 0;
}

/*
 * Sign through the public API with the row's tags and the literal h=
 * list, then verify what came out.
 */
static int
check_api(const struct signrow *sr)
{
	struct dk_sign_opts o;
	char *h[DK_H_MAX + 1], hlist[VEC_PATH_MAX];
	char *field = NULL, *msg = NULL;
	size_t n, len, way;
	int rc;

	if ((size_t)snprintf(hlist, sizeof(hlist), "%s", sr->param[P_H]) >=
	    sizeof(hlist))
		return test_fail(__FILE__, __LINE__, "h= too long");
	n = split(hlist, ':', h, DK_H_MAX);
	h[n] = NULL;
	dk_sign_opts_init(&o, sizeof(o));
	o.domain = sr->param[P_D];
	o.selector = sr->param[P_S];
	o.auid = sr->param[P_I];
	o.key = sr->key;
	canon_pair(sr->param[P_C], &o.hcanon, &o.bcanon);
	o.headers = (const char *const *)h;
	o.timestamp = sr->param[P_T] != NULL ? sr->now : -1;

	if ((rc = api_sign_all(sr, &o, &field)) != 0 ||
	    (rc = check_api_field(sr, &o, field)) != 0)
		goto out;
	if ((msg = prepend(field, sr->msg, sr->msglen, &len)) == NULL) {
		rc = test_fail(__FILE__, __LINE__, "out of memory");
		goto out;
	}
	for (way = 0; way < nways(len) && rc == 0; way++)
		rc = api_verify(msg, len, sr->now, way);
 out:
	free(field);
	free(msg);
	return rc;
}

static const struct {
	const char	*suffix;
	int		(*fn)(const struct signrow *);
} sign_checks[] = {
	{ "params",	check_params },
	{ "bh",		check_bh },
	{ "b",		check_b },
	{ "api",	check_api },
};

static int
sign_row(struct row *r)
{
	struct signrow sr;
	char name[VEC_PATH_MAX];
	size_t i;
	int failed = 0, rc;

	memset(&sr, 0, sizeof(sr));
	if (signrow_load(&sr, r) != 0) {
		snprintf(name, sizeof(name), "sign:%s:load", r->col[COL_PATH]);
		print_result(name, 1);
		failed = 1;
	} else
		for (i = 0; i < NCASES(sign_checks); i++) {
			rc = sign_checks[i].fn(&sr);
			snprintf(name, sizeof(name), "sign:%s:%s",
			    r->col[COL_PATH], sign_checks[i].suffix);
			print_result(name, rc);
			failed |= rc;
		}
	snprintf(name, sizeof(name), "sign:%s", r->col[COL_PATH]);
	print_result(name, failed);
	signrow_free(&sr);
	return failed;
}

/* Compare out with the file rel, and free out's text. */
static int
out_eq(struct out *o, const char *rel, const char *what, size_t way)
{
	char *want;
	size_t len;
	int rc;

	if ((want = readvec(rel, &len)) == NULL) {
		free(o->p);
		return 1;
	}
	if (o->overflow)
		rc = test_fail(__FILE__, __LINE__, "%s: output over %d bytes",
		    what, VEC_FILE_MAX);
	else if ((rc = test_memeq(__FILE__, __LINE__, what, want, len,
	    o->p, o->len)) != 0)
		test_fail(__FILE__, __LINE__, "fed in way %zu", way);
	free(want);
	free(o->p);
	return rc;
}

/* RFC 6376 §3.4.1, §3.4.2: every field, in order, each with its CRLF. */
static int
canon_headers(const struct dk_msghdr *mh, enum dk_canon mode,
    const char *rel)
{
	struct out o = { NULL, 0, 0 };
	size_t i;

	for (i = 0; i < mh->nf; i++)
		dk_canon_header(mode, mh->f[i].text, mh->f[i].len, 1,
		    out_sink, &o);
	return out_eq(&o, rel, "header", 0);
}

/* RFC 6376 §3.4.3, §3.4.4, fed in every way. */
static int
canon_body(const char *body, size_t len, enum dk_canon mode,
    const char *rel)
{
	struct dk_canon_body cb;
	struct out o;
	size_t way;

	for (way = 0; way < nways(len); way++) {
		memset(&o, 0, sizeof(o));
		dk_canon_body_init(&cb, mode, UINT64_MAX, out_sink, &o);
		feed(way, body, len, body_write, &cb);
		dk_canon_body_end(&cb);
		if (out_eq(&o, rel, "body", way))
			return 1;
	}
	return 0;
}

static int
canon_row(struct row *r)
{
	static const struct {
		const char	*name;
		enum dk_canon	 mode;
	} modes[] = {
		{ "simple",	DK_CANON_SIMPLE },
		{ "relaxed",	DK_CANON_RELAXED },
	};
	const char *path = r->col[COL_PATH], *body;
	struct dk_msghdr mh;
	char name[VEC_PATH_MAX], rel[VEC_PATH_MAX], *msg;
	size_t len, bodylen, baselen, i;
	int failed = 0, rc;

	baselen = strlen(path);
	if (baselen > 4 && strcmp(path + baselen - 4, ".eml") == 0)
		baselen -= 4;
	if ((msg = readvec(path, &len)) == NULL ||
	    msg_split(&mh, msg, len, &body, &bodylen) != 0) {
		free(msg);
		snprintf(name, sizeof(name), "canon:%s", path);
		print_result(name, 1);
		return 1;
	}
	for (i = 0; i < NCASES(modes); i++) {
		snprintf(rel, sizeof(rel), "%.*s.header.%s", (int)baselen,
		    path, modes[i].name);
		rc = canon_headers(&mh, modes[i].mode, rel);
		snprintf(name, sizeof(name), "canon:%s:header-%s", path,
		    modes[i].name);
		print_result(name, rc);
		failed |= rc;
		snprintf(rel, sizeof(rel), "%.*s.body.%s", (int)baselen,
		    path, modes[i].name);
		rc = canon_body(body, bodylen, modes[i].mode, rel);
		snprintf(name, sizeof(name), "canon:%s:body-%s", path,
		    modes[i].name);
		print_result(name, rc);
		failed |= rc;
	}
	snprintf(name, sizeof(name), "canon:%s", path);
	print_result(name, failed);
	dk_msghdr_free(&mh);
	free(msg);
	return failed;
}

static int
setup(void)
{
	static int done, failed;

	if (!done) {
		done = 1;
		failed = manifest_load() || zone_load();
	}
	return failed;
}

/* Run fn on each row of kind whose expected is not a signer error. */
static int
each_row(const char *kind, int (*fn)(struct row *))
{
	size_t i, n = 0;
	int failed = 0;

	if (setup())
		return 1;
	for (i = 0; i < manifest.nrows; i++) {
		struct row *r = &manifest.rows[i];

		if (strcmp(r->col[COL_KIND], kind) != 0 ||
		    strncmp(r->col[COL_EXPECTED], "error:", 6) == 0)
			continue;
		failed |= fn(r);
		n++;
	}
	if (n == 0)
		return test_fail(__FILE__, __LINE__, "no %s rows", kind);
	return failed;
}

static int
t_sign_rows(void)
{
	return each_row("sign", sign_row);
}

static int
t_canon_rows(void)
{
	return each_row("canon", canon_row);
}

static const struct test_case cases[] = {
	{ "sign-rows",	t_sign_rows },
	{ "canon-rows",	t_canon_rows },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
