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
 * One message through the engine, as both front ends treat it. The
 * header block goes into the signer or verifier as it arrives; when it
 * ends, a signer gets its keys: the From domain's, else those of its
 * closest parent domain with keys, every one of them in one pass (RSA
 * and Ed25519 together). A message that cannot be signed (no From,
 * several, no key, or anything else the engine refuses for good) passes
 * on unsigned with a note in its log line: mail is never lost, nor
 * retried forever, for want of a signature. Only what may change on a
 * retry (memory) is a 451. A header block over header-max, which a
 * verifier cannot pass on (forged Authentication-Results fields in it
 * could not be removed), is refused with 552.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "policy.h"

#define HEADER_REFUSED	"552 5.3.4 Header block too large to verify"
#define REJECT_FAIL	"550 5.7.20 No passing DKIM signature found"
#define REJECT_TEMP	"451 4.7.0 DKIM key lookup failed, try again later"

/* see policy.h */
int
dk_policy_msg_ar_forged(const struct pmsg *pm, const char *field, size_t len)
{
	return pm->authserv_id != NULL &&
	    dk_policy_ar_is_ours(field, len, pm->authserv_id);
}

/* The engine's part of a message goes, with its lookups. */
static void
engine_free(struct pmsg *pm)
{
	dk_policy_msg_cancel(pm);
	dk_signer_free(pm->signer);
	dk_verifier_free(pm->verifier);
	pm->signer = NULL;
	pm->verifier = NULL;
}

/* see policy.h */
void
dk_policy_msg_fail(struct pmsg *pm, const char *fmt, ...)
{
	va_list ap;

	if (pm->error)
		return;
	pm->error = 1;
	va_start(ap, fmt);
	(void)vsnprintf(pm->note, sizeof(pm->note), fmt, ap);
	va_end(ap);
	engine_free(pm);
}

/* see policy.h */
void
dk_policy_msg_engine_error(struct pmsg *pm, enum dk_status st,
    const char *errmsg)
{
	if (pm->error)
		return;
	if (st == DK_ENOMEM) {
		dk_policy_msg_fail(pm, "%s: out of memory",
		    pm->mode == MSG_SIGN ? "sign" : "verify");
		return;
	}
	(void)snprintf(pm->note, sizeof(pm->note), "not %s: %s",
	    pm->mode == MSG_SIGN ? "signed" : "verified", errmsg);
	engine_free(pm);
	pm->mode = MSG_PASS;
}

/* see policy.h */
void
dk_policy_msg_unsignable(struct pmsg *pm, const char *why)
{
	if (pm->mode != MSG_SIGN || pm->error)
		return;
	if (snprintf(pm->note, sizeof(pm->note), "not signed: %s", why) < 0)
		pm->note[0] = '\0';	/* a longer why is cut */
	engine_free(pm);
	pm->mode = MSG_PASS;
}

static int64_t
msg_time(const struct pmsg *pm)
{
	return pm->cfg->fixed_time >= 0 ? pm->cfg->fixed_time :
	    (int64_t)time(NULL);
}

/*
 * In auto mode, ours is signed and the rest verified. The signer has no
 * key yet: the From domain picks them when the header block ends.
 */
void
dk_policy_msg_start(struct pmsg *pm, struct config *cfg, int ours,
    const char *authserv_id)
{
	struct dk_verify_opts o;
	enum dk_status st;

	memset(pm, 0, sizeof(*pm));
	pm->cfg = cfg;
	cfg->refs++;
	pm->deadline = -1;
	if (cfg->mode == POLICY_AUTO)
		pm->mode = ours ? MSG_SIGN : MSG_VERIFY;
	else
		pm->mode = cfg->mode == POLICY_SIGN ? MSG_SIGN : MSG_VERIFY;
	if ((pm->authserv_id = strdup(authserv_id)) == NULL) {
		dk_policy_msg_fail(pm, "out of memory");
		return;
	}
	if (pm->mode == MSG_SIGN) {
		if ((st = dk_signer_new(&pm->signer, NULL, 0)) != DK_OK)
			dk_policy_msg_engine_error(pm, st, dk_status_str(st));
		return;
	}
	dk_verify_opts_init(&o, sizeof(o));	/* RFC 8301, §8.15 policy */
	o.now = msg_time(pm);
	o.authserv_id = pm->authserv_id;
	if ((st = dk_verifier_new(&pm->verifier, &o)) != DK_OK)
		dk_policy_msg_engine_error(pm, st, dk_status_str(st));
}

/* see policy.h */
void
dk_policy_msg_release(struct pmsg *pm)
{
	engine_free(pm);
}

/* see policy.h */
void
dk_policy_msg_free(struct pmsg *pm)
{
	engine_free(pm);
	free(pm->authserv_id);
	dk_policy_config_unref(pm->cfg);
	memset(pm, 0, sizeof(*pm));
}

static enum dk_status
engine_write(struct pmsg *pm, const char *p, size_t len)
{
	if (pm->signer != NULL)
		return dk_signer_write(pm->signer, p, len);
	if (pm->verifier != NULL)
		return dk_verifier_write(pm->verifier, p, len);
	return DK_OK;
}

static const char *
engine_errmsg(const struct pmsg *pm)
{
	if (pm->signer != NULL)
		return dk_signer_errmsg(pm->signer);
	return pm->verifier != NULL ? dk_verifier_errmsg(pm->verifier) : "";
}

/*
 * The header block passed header-max. A signer passes the message on
 * unsigned. A verifier must refuse it (552, as it is permanent): forged
 * Authentication-Results fields in it could not be removed.
 */
static void
header_too_large(struct pmsg *pm)
{
	char why[64];

	if (pm->mode == MSG_VERIFY) {
		dk_policy_msg_fail(pm, "header block over %zu bytes: not "
		    "verified, refused", pm->cfg->header_max);
		pm->refusal = HEADER_REFUSED;	/* it will not shrink */
		return;
	}
	(void)snprintf(why, sizeof(why), "header block over %zu bytes",
	    pm->cfg->header_max);
	dk_policy_msg_unsignable(pm, why);
}

/* see policy.h */
int
dk_policy_msg_header(struct pmsg *pm, const char *line, size_t len)
{
	const char *value;
	enum dk_status st;

	if (pm->error)
		return 0;
	if (len + 2 > pm->cfg->header_max - pm->hdrlen) {
		header_too_large(pm);
		return -1;
	}
	pm->hdrlen += len + 2;
	if (pm->mode == MSG_PASS)
		return 0;
	if (dk_policy_field_is(line, len, "From", &value))
		pm->nfrom++;
	if ((st = engine_write(pm, line, len)) == DK_OK)
		st = engine_write(pm, "\r\n", 2);
	if (st != DK_OK)
		dk_policy_msg_engine_error(pm, st, engine_errmsg(pm));
	return 0;
}

/* The domain itself, or its closest parent, with keys; NULL: none. */
static const char *
sign_domain(const struct config *c, const char *dom)
{
	size_t i;

	for (;;) {
		for (i = 0; i < c->nkeys; i++)
			if (strcmp(c->keys[i].domain, dom) == 0)
				return c->keys[i].domain;
		if ((dom = strchr(dom, '.')) == NULL)
			return NULL;
		dom++;
	}
}

/* Every key of the signing domain, as the configuration says. */
static void
sign_keys(struct pmsg *pm)
{
	struct dk_sign_opts opts[DK_SIGNERS_MAX];
	const struct config *c = pm->cfg;
	const char *dom;
	char why[POLICY_NOTE_MAX];
	size_t i;
	enum dk_status st;

	if (pm->nfrom != 1) {	/* RFC 6376 §8.15: which would one see? */
		dk_policy_msg_unsignable(pm, pm->nfrom == 0 ?
		    "no From field" : "several From fields");
		return;
	}
	if ((dom = dk_signer_from_domain(pm->signer)) == NULL) {
		dk_policy_msg_unsignable(pm, "no domain in From");
		return;
	}
	if ((pm->sdid = sign_domain(c, dom)) == NULL) {
		(void)snprintf(why, sizeof(why), "no key for %s", dom);
		dk_policy_msg_unsignable(pm, why);
		return;
	}
	for (i = 0; i < c->nkeys && pm->nsig < DK_SIGNERS_MAX; i++) {
		if (strcmp(c->keys[i].domain, pm->sdid) != 0)
			continue;
		dk_sign_opts_init(&opts[pm->nsig], sizeof(opts[pm->nsig]));
		opts[pm->nsig].domain = pm->sdid;
		opts[pm->nsig].selector = c->keys[i].selector;
		opts[pm->nsig].key = c->keys[i].key;
		opts[pm->nsig].hcanon = c->hcanon;
		opts[pm->nsig].bcanon = c->bcanon;
		opts[pm->nsig].headers = (const char *const *)c->headers;
		opts[pm->nsig].timestamp = msg_time(pm);
		opts[pm->nsig].expire_after = c->expire;
		pm->nsig++;
	}
	if ((st = dk_signer_add(pm->signer, opts, pm->nsig)) != DK_OK)
		dk_policy_msg_engine_error(pm, st,
		    dk_signer_errmsg(pm->signer));
}

/* The first From mailbox's domain, for the log line. */
static void
header_from(struct pmsg *pm)
{
	const char *addr = NULL, *at;

	if (pm->signer != NULL && dk_signer_nfrom(pm->signer) > 0)
		addr = dk_signer_from(pm->signer, 0);
	else if (pm->verifier != NULL && dk_verifier_nfrom(pm->verifier) > 0)
		addr = dk_verifier_from(pm->verifier, 0);
	if (addr != NULL && (at = strrchr(addr, '@')) != NULL)
		(void)snprintf(pm->hfrom, sizeof(pm->hfrom), "%s", at + 1);
}

/* see policy.h */
void
dk_policy_msg_eoh(struct pmsg *pm)
{
	enum dk_status st;

	if (pm->hdrdone)
		return;
	pm->hdrdone = 1;
	if (pm->error || pm->mode == MSG_PASS)
		return;
	/*
	 * The empty line, also for a message of header fields only that
	 * has none: its body is empty either way (RFC 6376 §3.4.3, §3.4.4),
	 * so the signatures and results are the same, and the engine knows
	 * the From domain now.
	 */
	if ((st = engine_write(pm, "\r\n", 2)) != DK_OK) {
		dk_policy_msg_engine_error(pm, st, engine_errmsg(pm));
		return;
	}
	header_from(pm);
	if (pm->mode == MSG_SIGN)
		sign_keys(pm);
}

/* see policy.h */
void
dk_policy_msg_body(struct pmsg *pm, const char *p, size_t len)
{
	enum dk_status st;

	if (pm->error || pm->mode == MSG_PASS)
		return;
	if ((st = engine_write(pm, p, len)) != DK_OK)
		dk_policy_msg_engine_error(pm, st, engine_errmsg(pm));
}

/* see policy.h */
void
dk_policy_msg_sign_finish(struct pmsg *pm)
{
	enum dk_status st;

	if (pm->error || pm->mode != MSG_SIGN)
		return;
	if ((st = dk_signer_finish(pm->signer)) != DK_OK)
		dk_policy_msg_engine_error(pm, st,
		    dk_signer_errmsg(pm->signer));
}

/* see policy.h */
void
dk_policy_msg_verify_end(struct pmsg *pm)
{
	enum dk_status st;

	if (pm->error || pm->mode != MSG_VERIFY)
		return;
	if ((st = dk_verifier_end(pm->verifier)) != DK_OK)
		dk_policy_msg_engine_error(pm, st,
		    dk_verifier_errmsg(pm->verifier));
}

/*
 * -r: the decision, by result (RFC 7372 section 3.1 codes), when no
 * signature passes. A key lookup that failed is a 451 first: that
 * signature may be the good one, so try again (a mailing list's valid
 * signature under an author's broken one). Else a failed one is a 550;
 * a permerror only with reject-permerror (as OpenDKIM's On-KeyNotFound
 * and On-PermanentError are separate settings: a missing key is more
 * often the sender's mistake than a forgery).
 */
static const char *
decision(const struct pmsg *pm)
{
	const struct dk_result *r;
	size_t i, n = dk_verifier_nresults(pm->verifier), bad = 0, temp = 0;

	if (!pm->cfg->reject || n == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		r = dk_verifier_result(pm->verifier, i);
		if (r->outcome == DK_PASS)
			return NULL;
		/*
		 * Not evaluated, or past our bounds: that signature may be
		 * the good one, so "no passing signature" is not known.
		 * (Removing every signature gets mail accepted anyway.)
		 * too-many-signatures stands for fields that failed.
		 */
		if (r->outcome == DK_NEUTRAL &&
		    r->reason != DK_R_TOO_MANY_SIGNATURES)
			return NULL;
		if (r->outcome == DK_FAIL || (r->outcome == DK_PERMERROR &&
		    pm->cfg->reject_permerror))
			bad++;
		else if (r->outcome == DK_TEMPERROR)
			temp++;
	}
	return temp > 0 ? REJECT_TEMP : bad > 0 ? REJECT_FAIL : NULL;
}

/* see policy.h */
void
dk_policy_msg_verify_finish(struct pmsg *pm)
{
	enum dk_status st;

	dk_policy_msg_cancel(pm);
	if (pm->error || pm->mode != MSG_VERIFY)
		return;
	/* DK_ESYNTAX still gives results for the fields it could read */
	if ((st = dk_verifier_finish(pm->verifier)) != DK_OK &&
	    st != DK_ESYNTAX)
		dk_policy_msg_engine_error(pm, st,
		    dk_verifier_errmsg(pm->verifier));
	else
		pm->decision = decision(pm);
}

/* see policy.h */
const char *
dk_policy_msg_reply(const struct pmsg *pm)
{
	if (pm->error)
		return pm->refusal != NULL ? pm->refusal : POLICY_TEMPFAIL;
	return pm->decision;
}
