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
 * One message through the engine. Header fields arrive one by one and
 * are rebuilt as they travel ("Name: value" CRLF, the folding's bare LFs
 * made CRLF) into the header block, bounded by header-max; body chunks
 * go straight into the signer or verifier and are never kept. Key
 * queries leave at the end of the header block, while the body still
 * streams; at end of message a verified message waits for its answers
 * or its deadline, never for another message's.
 *
 * The changes go out at end of message, the only time the protocol
 * allows them: signatures inserted on top in key order (SMFIR_INSHEADER
 * at index 0, the last key first), or, when verifying, every
 * Authentication-Results field claiming our authserv-id deleted
 * (SMFIR_CHGHEADER with an empty value, by index among the A-R fields,
 * the highest first so that no deletion moves another), then ours
 * inserted on top. On any internal error the message gets 451: it never
 * passes unsigned or unverified in silence.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "milter.h"
#include "../filter/log.h"	/* SHARED POLICY (to move) */

#define AR_NAME		"Authentication-Results"
#define SIG_NAME	"DKIM-Signature"
#define REPLY_TEMP	"451 4.7.0 DKIM processing failed, try again later"
/* the filter's decisions are "reject|" and the reply */
#define DECISION_SKIP	7	/* "reject|" */
#define LOG_MAX		1024

int
milter_msg_start(struct conn *c)
{
	struct session s;	/* SHARED POLICY (to move): what the
				 * filter's sign/verify choice reads */
	struct msg *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return -1;
	m->cfg = c->mt->cfg;
	m->cfg->refs++;
	memset(&s, 0, sizeof(s));
	s.auth = c->auth;
	s.internal = c->internal;
	m->mode = dk_filter_policy_mode(m->cfg, &s);
	m->deadline = -1;
	m->state = MSG_HEADER;
	c->msg = m;
	c->nar = 0;
	if ((m->authserv_id = strdup(dk_filter_config_authserv(&c->mt->fctx,
	    m->cfg))) == NULL) {
		milter_msg_free(c);
		return -1;
	}
	return 0;
}

void
milter_msg_free(struct conn *c)
{
	struct msg *m = c->msg;
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nlookups; i++)
		dk_dns_lookup_free(m->lookups[i]);
	dk_signer_free(m->signer);
	dk_verifier_free(m->verifier);
	dk_msghdr_free(&m->mh);
	free(m->authserv_id);
	dk_filter_config_unref(m->cfg);
	free(m);
	free(c->ardel);
	c->ardel = NULL;
	c->nardel = 0;
	c->msg = NULL;
	c->eom = 0;
}

/* A field that cannot be rebuilt as one: signing it would sign a lie. */
static void
header_malformed(struct msg *m, const char *why)
{
	if (m->mode == MSG_SIGN) {
		m->mode = MSG_PASS;
		(void)snprintf(m->note, sizeof(m->note), "not signed: %s",
		    why);
	}
}

static int
name_ok(const char *name)
{
	const unsigned char *p = (const unsigned char *)name;

	if (*p == '\0')
		return 0;
	for (; *p != '\0'; p++)	/* RFC 5322 §3.6.8 ftext */
		if (*p < 33 || *p > 126 || *p == ':')
			return 0;
	return 1;
}

/*
 * "Name: value" CRLF into buf (or its length with buf NULL). A LF
 * without its CR gets one; -1 when a line break is not followed by
 * WSP, which would start a field of its own.
 */
static ssize_t
header_line(const struct conn *c, const char *name, const char *value,
    char *buf)
{
	size_t n = 0, i;
	const char *v;

#define PUT(ch)	do { if (buf != NULL) buf[n] = (ch); n++; } while (0)
	for (i = 0; name[i] != '\0'; i++)
		PUT(name[i]);
	PUT(':');
	if (!c->leadspc)
		PUT(' ');
	for (v = value; *v != '\0'; v++) {
		if (*v == '\n' && v[1] != ' ' && v[1] != '\t')
			return -1;
		if (*v == '\n' && (v == value || v[-1] != '\r'))
			PUT('\r');
		PUT(*v);
	}
	PUT('\r');
	PUT('\n');
#undef PUT
	return (ssize_t)n;
}

/*
 * An Authentication-Results field: note its index among the fields of
 * that name when it claims our authserv-id. Every such field counts,
 * one we cannot rebuild too, since the MTA's index counts them all.
 */
static void
note_forged(struct conn *c, const char *name, const char *value)
{
	struct msg *m = c->msg;
	struct dk_hfield fld;
	uint32_t *nd;
	char *text;
	size_t nlen = strlen(name), vlen = strlen(value);

	if (strcasecmp(name, AR_NAME) != 0 || m->mode != MSG_VERIFY)
		return;
	c->nar++;
	if ((text = malloc(nlen + 1 + vlen)) == NULL) {
		dk_filter_msg_fail(m, "out of memory");
		return;
	}
	memcpy(text, name, nlen);
	text[nlen] = ':';
	memcpy(text + nlen + 1, value, vlen);
	fld.text = text;
	fld.len = nlen + 1 + vlen;
	fld.namelen = nlen;
	if (dk_filter_hdr_ar_is_ours(&fld, m->authserv_id)) {
		if (c->nardel == MILTER_FORGED_MAX || (nd = reallocarray(c->ardel,
		    c->nardel + 1, sizeof(*nd))) == NULL)
			dk_filter_msg_fail(m, "too many forged "
			    "Authentication-Results fields");
		else {
			c->ardel = nd;
			c->ardel[c->nardel++] = c->nar;
		}
	}
	free(text);
}

void
milter_msg_header(struct conn *c, const char *name, const char *value)
{
	struct msg *m = c->msg;
	ssize_t len;
	size_t used;
	char *line;

	if (m->error || m->state != MSG_HEADER)
		return;
	note_forged(c, name, value);
	if (!name_ok(name) || (len = header_line(c, name, value, NULL)) < 0) {
		header_malformed(m, "a header field that is not one");
		return;		/* a verifier goes on without it */
	}
	if (m->mh.len + (size_t)len > m->cfg->header_max) {
		/* forged A-R past the bound could not be removed: 552 */
		if (m->mode == MSG_VERIFY)
			dk_filter_msg_header_too_large(m);
		header_malformed(m, "header block too large");
		m->state = MSG_BODY;
		return;
	}
	if ((line = malloc((size_t)len)) == NULL) {
		dk_filter_msg_fail(m, "out of memory");
		return;
	}
	(void)header_line(c, name, value, line);
	if (dk_msghdr_write(&m->mh, line, (size_t)len, &used) != DK_OK)
		dk_filter_msg_fail(m, "out of memory");
	free(line);
}

static void
verify_queries(struct conn *c)
{
	struct milter *mt = c->mt;
	struct msg *m = c->msg;
	struct dk_dns_lookup *l;
	const char *q;
	enum dk_status st;

	while ((q = dk_verifier_next_query(m->verifier)) != NULL) {
		/* past the deadline or the bound: temperror at finish */
		if ((m->deadline >= 0 && mt->now >= m->deadline) ||
		    m->nlookups == DK_QUERIES_MAX)
			continue;
		if (m->deadline < 0)
			m->deadline = mt->now + m->cfg->dns_timeout;
		st = dk_resolver_submit(mt->resolver, q, c, mt->now, &l);
		if (st == DK_EINVAL)	/* not a domain name: no such key */
			st = dk_verifier_answer(m->verifier, q,
			    DK_DNS_NXDOMAIN, NULL, 0);
		else if (st == DK_OK)
			m->lookups[m->nlookups++] = l;
		if (st != DK_OK) {
			dk_filter_msg_fail(m, "verify: %s", dk_status_str(st));
			return;
		}
	}
}

static void
verify_start(struct conn *c)
{
	struct msg *m = c->msg;
	struct dk_verify_opts o;
	enum dk_status st;

	dk_verify_opts_init(&o, sizeof(o));	/* RFC 8301, §8.15 policy */
	o.now = m->cfg->fixed_time >= 0 ? m->cfg->fixed_time :
	    (int64_t)time(NULL);
	o.authserv_id = m->authserv_id;
	if ((st = dk_verifier_new(&m->verifier, &o)) != DK_OK) {
		dk_filter_msg_fail(m, "verify: %s", dk_status_str(st));
		return;
	}
	if ((st = dk_verifier_write(m->verifier, m->mh.buf, m->mh.len)) ==
	    DK_OK)
		st = dk_verifier_write(m->verifier, "\r\n", 2);
	if (st != DK_OK)
		dk_filter_msg_fail(m, "verify: %s",
		    dk_verifier_errmsg(m->verifier));
	else
		verify_queries(c);
}

void
milter_msg_eoh(struct conn *c)
{
	struct msg *m = c->msg;
	char err[128];
	enum dk_status st;

	if (m->state != MSG_HEADER)
		return;
	m->state = MSG_BODY;
	if (m->error)
		return;
	if ((st = dk_msghdr_end(&m->mh, err, sizeof(err))) == DK_ENOMEM)
		dk_filter_msg_fail(m, "out of memory");
	else if (st == DK_ESYNTAX)
		header_malformed(m, err);
	if (!m->error && m->mode == MSG_SIGN)
		(void)dk_filter_sign_start(m, 1);
	else if (!m->error && m->mode == MSG_VERIFY)
		verify_start(c);
	dk_msghdr_free(&m->mh);
	memset(&m->mh, 0, sizeof(m->mh));
}

void
milter_msg_body(struct conn *c, const char *p, size_t len)
{
	struct msg *m = c->msg;
	enum dk_status st = DK_OK;

	if (m->error)
		return;
	if (m->mode == MSG_SIGN && m->signer != NULL &&
	    (st = dk_signer_write(m->signer, p, len)) != DK_OK)
		dk_filter_msg_fail(m, "sign: %s", dk_signer_errmsg(m->signer));
	else if (m->mode == MSG_VERIFY && m->verifier != NULL &&
	    (st = dk_verifier_write(m->verifier, p, len)) != DK_OK)
		dk_filter_msg_fail(m, "verify: %s",
		    dk_verifier_errmsg(m->verifier));
}

/*
 * A field from the engine, "Name: value" folded with CRLF, as the value
 * for the MTA: without the name, with its leading space only when the
 * MTA keeps leading spaces, and with LF line ends (Postfix and sendmail
 * store header lines without their CR).
 */
static char *
field_value(const struct conn *c, const char *field)
{
	const char *v = strchr(field, ':');
	char *out, *o;

	if (v == NULL || (out = malloc(strlen(v) + 1)) == NULL)
		return NULL;
	v++;
	if (!c->leadspc && *v == ' ')
		v++;
	for (o = out; *v != '\0'; v++)
		if (*v != '\r')
			*o++ = *v;
	*o = '\0';
	return out;
}

static int
insert_field(struct conn *c, const char *name, const char *field)
{
	char *v;
	int rc;

	if ((v = field_value(c, field)) == NULL)
		return -1;
	rc = milter_wire_header(c, SMFIR_INSHEADER, 0, name, v);
	free(v);
	return rc;
}

static void
reply_end(struct conn *c, const char *what, const char *detail)
{
	struct msg *m = c->msg;
	const char *reply = NULL;

	if (m->error)
		reply = m->refusal != NULL ? m->refusal + DECISION_SKIP :
		    REPLY_TEMP;
	else if (m->decision != NULL)
		reply = m->decision + DECISION_SKIP;
	if (reply != NULL) {
		if (milter_wire_reply(c, SMFIR_REPLYCODE, reply,
		    strlen(reply) + 1, NULL, 0) == -1)
			c->closing = 1;
	} else if (milter_wire_reply(c, SMFIR_CONTINUE, NULL, 0, NULL, 0) ==
	    -1)
		c->closing = 1;
	if (m->error)
		log_warnx("%s: client=%s %s: %.3s %s: %s",
		    c->qid[0] ? c->qid : "-", c->client, what, reply,
		    m->refusal != NULL ? "refused" : "tempfail", m->note);
	else
		log_info("%s: client=%s %s: %s%s%s", c->qid[0] ? c->qid : "-",
		    c->client, what, detail,
		    detail[0] != '\0' && m->note[0] != '\0' ? "; " : "",
		    m->note);
	milter_msg_free(c);
}

static void
sign_end(struct conn *c)
{
	struct msg *m = c->msg;
	char logbuf[LOG_MAX];
	size_t i;

	logbuf[0] = '\0';
	if (!m->error && m->mode == MSG_SIGN) {
		/* a message the engine refuses for good passes unsigned */
		dk_filter_sign_finish(m);
		for (i = m->nsig; i-- > 0 && !m->error &&
		    m->mode == MSG_SIGN;)
			if (insert_field(c, SIG_NAME,
			    dk_signer_field(m->signer, i)) == -1)
				dk_filter_msg_fail(m, "out of memory");
		if (!m->error && m->mode == MSG_SIGN)
			dk_filter_sign_log(m, logbuf, sizeof(logbuf));
	}
	reply_end(c, m->mode == MSG_SIGN ? "signed" : "passed", logbuf);
}

static void
verify_end(struct conn *c)
{
	struct msg *m = c->msg;
	char logbuf[LOG_MAX];
	size_t i;
	enum dk_status st;

	for (i = 0; i < m->nlookups; i++)
		dk_dns_lookup_free(m->lookups[i]);
	m->nlookups = 0;
	logbuf[0] = '\0';
	if (m->error) {
		reply_end(c, "verified", logbuf);
		return;
	}
	/* DK_ESYNTAX still gives results for the fields it could read */
	if ((st = dk_verifier_finish(m->verifier)) != DK_OK &&
	    st != DK_ESYNTAX) {
		dk_filter_msg_fail(m, "verify: %s",
		    dk_verifier_errmsg(m->verifier));
		reply_end(c, "verified", logbuf);
		return;
	}
	m->decision = dk_filter_verify_decision(m);
	for (i = c->nardel; i-- > 0 && m->decision == NULL;)
		if (milter_wire_header(c, SMFIR_CHGHEADER, c->ardel[i],
		    AR_NAME, "") == -1)
			dk_filter_msg_fail(m, "out of memory");
	if (!m->error && m->decision == NULL &&
	    insert_field(c, AR_NAME, dk_verifier_authres(m->verifier)) == -1)
		dk_filter_msg_fail(m, "out of memory");
	dk_filter_verify_log(m, logbuf, sizeof(logbuf));
	if (c->nardel > 0 && strlen(logbuf) + 32 < sizeof(logbuf))
		(void)snprintf(logbuf + strlen(logbuf), sizeof(logbuf) -
		    strlen(logbuf), " forged-ar-removed=%zu", c->nardel);
	reply_end(c, "verified", logbuf);
}

void
milter_msg_eom(struct conn *c)
{
	struct msg *m = c->msg;
	enum dk_status st;

	m->state = MSG_ENDED;
	if (m->mode != MSG_VERIFY) {
		sign_end(c);
		return;
	}
	if (m->error) {
		verify_end(c);
		return;
	}
	if ((st = dk_verifier_end(m->verifier)) != DK_OK)
		dk_filter_msg_fail(m, "verify: %s",
		    dk_verifier_errmsg(m->verifier));
	else
		verify_queries(c);
	if (m->error || m->nlookups == 0)
		verify_end(c);
}

/* The resolver every message shares: --resolver, else resolv.conf. */
void
milter_resolver_start(struct milter *mt)
{
	struct dk_resolver_opts o;
	char err[DK_DNS_ERR_MAX];
	enum dk_status st;

	dk_resolver_opts_init(&o, sizeof(o));
	o.server = mt->cfg->resolver;
	/* each message's dns-timeout ends its lookups */
	o.budget_ms = FILTER_DNS_TIMEOUT_MAX;
	if ((st = dk_resolver_new(&mt->resolver, &o, err, sizeof(err))) ==
	    DK_EINVAL)
		fatalx("resolver: %s", err);
	if (st != DK_OK)
		fatalx("resolver: cannot start");
}

static void
lookup_forget(struct msg *m, const struct dk_dns_lookup *l)
{
	size_t i;

	for (i = 0; i < m->nlookups; i++)
		if (m->lookups[i] == l) {
			m->lookups[i] = m->lookups[--m->nlookups];
			return;
		}
}

/* Answer every finished lookup; end the messages that waited on it. */
void
milter_msg_dns(struct milter *mt)
{
	const struct dk_dns_result *r;
	struct dk_dns_lookup *l;
	struct conn *c;
	struct msg *m;
	enum dk_status st;

	while ((l = dk_resolver_done(mt->resolver)) != NULL) {
		r = dk_dns_lookup_result(l);
		c = r->arg;
		m = c->msg;
		lookup_forget(m, l);
		st = dk_verifier_answer(m->verifier, r->name, r->rcode, r->txt,
		    r->ntxt);
		if (st == DK_OK && r->dnssec)
			st = dk_verifier_key_dnssec(m->verifier, r->name);
		dk_dns_lookup_free(l);
		if (st != DK_OK && st != DK_EINVAL)
			dk_filter_msg_fail(m, "verify: %s", dk_status_str(st));
		if (c->eom && (m->nlookups == 0 || m->error))
			verify_end(c);
	}
}

int64_t
milter_msg_deadline(const struct milter *mt)
{
	const struct conn *c;
	int64_t d = -1;

	for (c = mt->conns; c != NULL; c = c->next)
		if (c->msg != NULL && c->msg->nlookups > 0 &&
		    (d < 0 || c->msg->deadline < d))
			d = c->msg->deadline;
	return d;
}

/* Messages past their deadline go on without the missing keys. */
void
milter_msg_timers(struct milter *mt)
{
	struct conn *c;
	struct msg *m;
	size_t i;

	for (c = mt->conns; c != NULL; c = c->next) {
		if ((m = c->msg) == NULL || m->nlookups == 0 ||
		    mt->now < m->deadline)
			continue;
		for (i = 0; i < m->nlookups; i++)
			dk_dns_lookup_free(m->lookups[i]);
		m->nlookups = 0;
		if (c->eom)
			verify_end(c);
	}
}
