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
 * are rebuilt as they travel ("Name: value", the folding's bare LFs
 * made CRLF) into the signer or verifier, bounded by header-max; body
 * chunks go straight in too and are never kept. Key queries leave at
 * the end of the header block, while the body still streams; at end of
 * message a verified message waits for its answers or its deadline,
 * never for another message's. The policy module (../policy/msg.c)
 * chooses keys and says what a message is refused with.
 *
 * The changes go out at end of message, the only time the protocol
 * allows them: every Authentication-Results field claiming our
 * authserv-id deleted, whether the message is signed, verified or
 * passed on (SMFIR_CHGHEADER with an empty value, by index among the
 * A-R fields, the highest first so that no deletion moves another);
 * signatures inserted on top in key order (SMFIR_INSHEADER at index 0,
 * the last key first), or, when verifying, ours. On an internal error
 * the message gets 451: it never passes unsigned or unverified in
 * silence.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "milter.h"
#include "../policy/log.h"

#define SIG_NAME	"DKIM-Signature"
#define NOT_A_FIELD	"a header field that is not one"

int
dk_milter_msg_start(struct conn *c)
{
	struct mmsg *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return -1;
	dk_policy_msg_start(&m->pm, c->mt->cfg, c->auth || c->internal,
	    dk_policy_authserv(c->mt->cfg, NULL, c->mt->host));
	m->state = MMSG_HEADER;
	c->msg = m;
	return 0;
}

void
dk_milter_msg_free(struct conn *c)
{
	struct mmsg *m = c->msg;

	if (m == NULL)
		return;
	dk_policy_msg_free(&m->pm);
	free(m->ardel);
	free(m);
	c->msg = NULL;
	c->eom = 0;
}

/*
 * Whether name, rebuilt into field[0..len), is a field name as the
 * engine reads one: ftext, WSP allowed before the colon.
 */
static int
name_ok(const char *name, const char *field, size_t len)
{
	return strchr(name, ':') == NULL && dk_field_name_len(field, len) > 0;
}

/* ch at buf[*n], unless buf is NULL (counting only); *n moves on. */
static void
field_put(char *buf, size_t *n, char ch)
{
	if (buf != NULL)
		buf[*n] = ch;
	(*n)++;
}

/*
 * "Name: value" into buf (or its length with buf NULL), without a
 * final CRLF. A LF without its CR gets one; -1 when a line break is
 * not followed by WSP, which would start a field of its own.
 */
static ssize_t
header_field(const struct conn *c, const char *name, const char *value,
    char *buf)
{
	size_t n = 0, i;
	const char *v;

	for (i = 0; name[i] != '\0'; i++)
		field_put(buf, &n, name[i]);
	field_put(buf, &n, ':');
	if (!c->leadspc)
		field_put(buf, &n, ' ');
	for (v = value; *v != '\0'; v++) {
		if (*v == '\n' && v[1] != ' ' && v[1] != '\t')
			return -1;
		if (*v == '\n' && (v == value || v[-1] != '\r'))
			field_put(buf, &n, '\r');
		field_put(buf, &n, *v);
	}
	return (ssize_t)n;
}

/*
 * An Authentication-Results field: note its index among the fields of
 * that name when it claims our authserv-id. Every such field counts,
 * one we cannot rebuild too, since the MTA's index counts them all.
 */
static void
note_forged(struct mmsg *m, const char *name, const char *value)
{
	struct pmsg *pm = &m->pm;
	uint32_t *nd;
	const char *v;
	char *text;
	size_t nlen = strlen(name), vlen = strlen(value);

	/* most fields are not: no copy for them */
	if (strncasecmp(name, POLICY_AR_NAME, sizeof(POLICY_AR_NAME) - 1) !=
	    0)
		return;
	if ((text = malloc(nlen + 1 + vlen)) == NULL) {
		dk_policy_msg_fail(pm, "out of memory");
		return;
	}
	memcpy(text, name, nlen);
	text[nlen] = ':';
	memcpy(text + nlen + 1, value, vlen);
	/* "Authentication-Results " is one too (RFC 5322 §4.5.8) */
	if (dk_policy_field_is(text, nlen + 1 + vlen, POLICY_AR_NAME, &v))
		m->nar++;
	if (dk_policy_msg_ar_forged(pm, text, nlen + 1 + vlen)) {
		if (m->nardel == MILTER_FORGED_MAX ||
		    (nd = reallocarray(m->ardel, m->nardel + 1,
		    sizeof(*nd))) == NULL)
			dk_policy_msg_fail(pm, "too many forged "
			    "Authentication-Results fields");
		else {
			m->ardel = nd;
			m->ardel[m->nardel++] = m->nar;
		}
	}
	free(text);
}

void
dk_milter_msg_header(struct conn *c, const char *name, const char *value)
{
	struct mmsg *m = c->msg;
	ssize_t len;
	char *field;

	if (m->pm.error)
		return;
	/* past header-max too: a forged A-R field never passes */
	note_forged(m, name, value);
	if (m->state != MMSG_HEADER)
		return;
	/* signing what is not a field would sign a lie; a verifier goes on */
	if ((len = header_field(c, name, value, NULL)) < 0) {
		dk_policy_msg_unsignable(&m->pm, NOT_A_FIELD);
		return;
	}
	if ((field = malloc((size_t)len)) == NULL) {
		dk_policy_msg_fail(&m->pm, "out of memory");
		return;
	}
	(void)header_field(c, name, value, field);
	if (!name_ok(name, field, (size_t)len))
		dk_policy_msg_unsignable(&m->pm, NOT_A_FIELD);
	else if (dk_policy_msg_header(&m->pm, field, (size_t)len) == -1)
		m->state = MMSG_BODY;	/* past header-max */
	free(field);
}

static void
msg_queries(struct conn *c)
{
	struct milter *mt = c->mt;

	dk_policy_msg_queries(&c->msg->pm, mt->resolver, mt->now,
	    c->msg->pm.cfg->dns_timeout, c);
}

void
dk_milter_msg_eoh(struct conn *c)
{
	struct mmsg *m = c->msg;

	if (m->state != MMSG_HEADER)
		return;
	m->state = MMSG_BODY;
	dk_policy_msg_eoh(&m->pm);
	msg_queries(c);
}

void
dk_milter_msg_body(struct conn *c, const char *p, size_t len)
{
	dk_policy_msg_body(&c->msg->pm, p, len);
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
	rc = dk_milter_wire_header(c, SMFIR_INSHEADER, 0, name, v);
	free(v);
	return rc;
}

/* Our fields on top, forged A-R fields gone: unless it is refused. */
static void
msg_changes(struct conn *c)
{
	struct mmsg *m = c->msg;
	struct pmsg *pm = &m->pm;
	size_t i;

	if (dk_policy_msg_reply(pm) != NULL)
		return;
	for (i = pm->nsig; i-- > 0 && !pm->error && pm->mode == MSG_SIGN;)
		if (insert_field(c, SIG_NAME,
		    dk_signer_field(pm->signer, i)) == -1)
			dk_policy_msg_fail(pm, "out of memory");
	for (i = m->nardel; i-- > 0 && !pm->error;)
		if (dk_milter_wire_header(c, SMFIR_CHGHEADER, m->ardel[i],
		    POLICY_AR_NAME, "") == -1)
			dk_policy_msg_fail(pm, "out of memory");
	if (!pm->error)
		pm->nforged = m->nardel;
	if (!pm->error && pm->mode == MSG_VERIFY && insert_field(c,
	    POLICY_AR_NAME, dk_verifier_authres(pm->verifier)) == -1)
		dk_policy_msg_fail(pm, "out of memory");
}

/* The end of a message: its changes, the reply owed, the log line. */
static void
msg_end(struct conn *c)
{
	struct pmsg *pm = &c->msg->pm;
	const char *reply;
	char prefix[MILTER_QID_MAX + MILTER_ADDR_MAX + 16];

	dk_policy_msg_sign_finish(pm);
	dk_policy_msg_verify_finish(pm);
	msg_changes(c);
	if ((reply = dk_policy_msg_reply(pm)) != NULL) {
		if (dk_milter_wire_reply(c, SMFIR_REPLYCODE, reply,
		    strlen(reply) + 1, NULL, 0) == -1)
			c->closing = 1;
	} else if (dk_milter_wire_reply(c, SMFIR_CONTINUE, NULL, 0, NULL, 0) ==
	    -1)
		c->closing = 1;
	(void)snprintf(prefix, sizeof(prefix), "%s: client=%s",
	    c->qid[0] ? c->qid : "-", c->client);
	dk_policy_msg_log(pm, prefix, c->mailfrom);
	dk_milter_msg_free(c);
}

/*
 * A message that waited for DNS ends. When its MTA went meanwhile, the
 * result reaches no one: the connection closes, logged as closed
 * mid-message, not as a message verified.
 */
static void
msg_end_waited(struct conn *c)
{
	if (dk_milter_conn_gone(c))
		c->closing = 1;
	else
		msg_end(c);
}

void
dk_milter_msg_eom(struct conn *c)
{
	struct mmsg *m = c->msg;

	m->state = MMSG_ENDED;
	dk_policy_msg_verify_end(&m->pm);
	msg_queries(c);
	if (m->pm.nlookups == 0)
		msg_end(c);
}

/* The resolver every message shares: --resolver, else resolv.conf. */
void
dk_milter_resolver_start(struct milter *mt)
{
	dk_policy_resolver_start(&mt->resolver, mt->cfg, POLICY_POLL_DNS_MAX);
}

/* Answer every finished lookup; end the messages that waited on it. */
void
dk_milter_msg_dns(struct milter *mt)
{
	const struct dk_dns_result *r;
	struct dk_dns_lookup *l;
	struct conn *c;
	struct pmsg *pm;

	while ((l = dk_resolver_done(mt->resolver)) != NULL) {
		r = dk_dns_lookup_result(l);
		c = r->arg;
		pm = &c->msg->pm;
		dk_policy_msg_answer(pm, l);
		if (c->eom && pm->nlookups == 0)
			msg_end_waited(c);
	}
}

int64_t
dk_milter_msg_deadline(const struct milter *mt)
{
	const struct conn *c;
	int64_t d = -1;

	for (c = mt->conns; c != NULL; c = c->next)
		if (c->msg != NULL && c->msg->pm.nlookups > 0 &&
		    (d < 0 || c->msg->pm.deadline < d))
			d = c->msg->pm.deadline;
	return d;
}

/* Messages past their deadline go on without the missing keys. */
void
dk_milter_msg_timers(struct milter *mt)
{
	struct conn *c;
	struct pmsg *pm;

	for (c = mt->conns; c != NULL; c = c->next) {
		if (c->msg == NULL || (pm = &c->msg->pm)->nlookups == 0 ||
		    mt->now < pm->deadline)
			continue;
		dk_policy_msg_cancel(pm);
		if (c->eom)
			msg_end_waited(c);
	}
}
