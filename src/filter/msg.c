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
 * One message, from its first data-line to commit. Each line is held in
 * the spool as smtpd sent it (dot-stuffed) and hashed as it will be
 * delivered: unstuffed (RFC 5321 §4.5.2), with CRLF, and when signing
 * under smtpd < 7.4, cut where smtpd will cut it. At the final "." the
 * added fields go out first, then the held lines, then ".". An internal
 * error that can change on retry (spool space or files, memory) sends
 * only "." and tempfails the message at commit, so mail is never lost
 * silently, truncated or passed on half-signed. A permanent one never
 * gets a 4xx, which the client would retry for days: when the engine
 * refuses a message for good, it passes on unsigned or unverified, with
 * the reason in its log line; a header block over header-max, which a
 * verifier cannot pass on (forged Authentication-Results fields in it
 * could not be removed), is refused with 552 at commit.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "log.h"

#define MSG_ERR_MAX	160	/* engine message quoted in a note */
/*
 * What a message holds outside its spool, counted against memory-max
 * (its struct is counted with its session, FILTER_SESSION_COST):
 * MSG_FIXED for the engine's handle with its field index (measured with
 * massif: 3.3 KiB signing, and the allocator's headers), and twice the
 * header block's buffer: ours while the block comes in, then the
 * engine's copy. Past the bound a message gets 451: the spools can
 * spill to disk, a message's own state cannot.
 */
#define MSG_FIXED	(6 * 1024)
#define MSG_MEMORY_MAX	"memory-max reached: message refused for now"
#define TEMPFAIL	"reject|451 4.7.0 Temporary local error, try again later"
#define HEADER_REFUSED	"reject|552 5.3.4 Header block too large to verify"

/* The engine's part of a message goes, with its lookups. */
static void
msg_engine_free(struct msg *m)
{
	dk_filter_verify_cancel(m->filter, m);
	dk_signer_free(m->signer);
	dk_verifier_free(m->verifier);
	m->signer = NULL;
	m->verifier = NULL;
}

/*
 * A failed message keeps only its note and what smtpd still sends: its
 * lookups are cancelled and its engine handles freed at once, so that
 * nothing can answer into them later. It ends with "." alone, and 451
 * at commit.
 */
void
dk_filter_msg_fail(struct msg *m, const char *fmt, ...)
{
	va_list ap;

	if (m->error)
		return;
	m->error = 1;
	va_start(ap, fmt);
	(void)vsnprintf(m->note, sizeof(m->note), fmt, ap);
	va_end(ap);
	msg_engine_free(m);
}

/* see filter.h */
void
dk_filter_msg_engine_error(struct msg *m, enum dk_status st,
    const char *errmsg)
{
	if (m->error)
		return;
	if (st == DK_ENOMEM) {
		dk_filter_msg_fail(m, "%s: out of memory",
		    m->mode == MSG_SIGN ? "sign" : "verify");
		return;
	}
	(void)snprintf(m->note, sizeof(m->note), "not %s: %s",
	    m->mode == MSG_SIGN ? "signed" : "verified", errmsg);
	msg_engine_free(m);
	m->mode = MSG_PASS;
}

/* Count what the message holds as want bytes in all: 0, or -1. */
static int
msg_charge(struct filter *f, struct msg *m, size_t want)
{
	if (want <= m->charged)
		return 0;
	if (dk_filter_mem_take(&f->mem, want - m->charged) == -1)
		return -1;
	m->charged = want;
	return 0;
}

static struct msg *
msg_new(struct filter *f, struct session *s)
{
	struct msg *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		fatal("message");
	m->filter = f;
	m->handle = ++f->handles;
	m->sess = s;
	m->cfg = f->cfg;
	m->cfg->refs++;
	m->msgid = s->msgid;
	m->mode = dk_filter_policy_mode(m->cfg, s);
	m->spool.fd = -1;
	m->spool.max = m->cfg->spool_max;
	m->spool.mem = &f->mem;
	m->spool.fault = f->spool_fault;
	m->spool.fault_arg = f->spool_fault_arg;
	m->deadline = -1;
	/* only a signature must hold for the line as smtpd delivers it */
	if (m->mode == MSG_SIGN)
		m->linemax = dk_filter_proto_linemax(f->version);
	s->msg = m;
	if (msg_charge(f, m, MSG_FIXED) == -1)
		dk_filter_msg_fail(m, MSG_MEMORY_MAX);
	return m;
}

void
dk_filter_msg_free(struct filter *f, struct msg *m)
{
	dk_filter_verify_cancel(f, m);
	dk_signer_free(m->signer);
	dk_verifier_free(m->verifier);
	dk_msghdr_free(&m->mh);
	dk_filter_spool_free(&m->spool);
	free(m->drop);
	free(m->authserv_id);
	dk_filter_config_unref(m->cfg);
	dk_filter_mem_give(&f->mem, m->charged);
	m->sess->msg = NULL;
	free(m);
}

/* The first From field's domain, for the log line. */
static void
msg_hfrom(struct msg *m)
{
	size_t i;

	for (i = 0; i < m->mh.nf; i++)
		if (dk_hfield_is(&m->mh.f[i], "From", 4)) {
			if (dk_filter_hdr_from_domain(&m->mh.f[i], m->hfrom,
			    sizeof(m->hfrom)) == -1)
				m->hfrom[0] = '\0';
			return;
		}
}

/* The header block has ended (eoh: at its empty line; else at "."). */
static void
msg_eoh(struct filter *f, struct msg *m, int eoh)
{
	char err[MSG_ERR_MAX];
	enum dk_status st;

	m->state = MSG_BODY;
	if ((st = dk_msghdr_end(&m->mh, err, sizeof(err))) == DK_ENOMEM)
		dk_filter_msg_fail(m, "out of memory");
	if (st == DK_OK)
		msg_hfrom(m);
	else if (st == DK_ESYNTAX && m->mode == MSG_SIGN) {
		/* a verifier can judge what it could read; a signer must not */
		m->mode = MSG_PASS;
		(void)snprintf(m->note, sizeof(m->note), "not signed: %s", err);
	}
	if (!m->error && m->mode == MSG_SIGN)
		(void)dk_filter_sign_start(m, eoh);
	else if (!m->error && m->mode == MSG_VERIFY)
		dk_filter_verify_start(f, m, eoh);
	dk_msghdr_free(&m->mh);
	memset(&m->mh, 0, sizeof(m->mh));
}

/*
 * A header block past header-max. A signer passes the message on
 * unsigned. A verifier must refuse it (552 at commit, as it is
 * permanent): forged Authentication-Results fields in it could not be
 * removed.
 */
void
dk_filter_msg_header_too_large(struct msg *m)
{
	if (m->mode == MSG_VERIFY) {
		dk_filter_msg_fail(m, "header block over %zu bytes: not "
		    "verified, refused", m->cfg->header_max);
		m->refusal = HEADER_REFUSED;	/* it will not shrink */
	} else {
		m->mode = MSG_PASS;
		(void)snprintf(m->note, sizeof(m->note),
		    "header block over %zu bytes, not signed",
		    m->cfg->header_max);
	}
	m->state = MSG_BODY;
	dk_msghdr_free(&m->mh);
	memset(&m->mh, 0, sizeof(m->mh));
}

static void
msg_header_line(struct filter *f, struct msg *m, const char *p, size_t len)
{
	enum dk_status st;
	size_t used;

	if (len + 2 > m->cfg->header_max - m->mh.len) {
		dk_filter_msg_header_too_large(m);
		return;
	}
	if ((st = dk_msghdr_write(&m->mh, p, len, &used)) == DK_OK)
		st = dk_msghdr_write(&m->mh, "\r\n", 2, &used);
	if (st == DK_ELIMIT)
		dk_filter_msg_header_too_large(m);
	else if (st != DK_OK)
		dk_filter_msg_fail(m, "out of memory");
	else if (msg_charge(f, m, MSG_FIXED + 2 * m->mh.cap) == -1)
		dk_filter_msg_fail(m, MSG_MEMORY_MAX);
	else if (m->mh.done)
		msg_eoh(f, m, 1);
}

static void
msg_body_line(struct msg *m, const char *p, size_t len)
{
	enum dk_status st;

	if (m->signer != NULL) {
		if ((st = dk_signer_write(m->signer, p, len)) == DK_OK)
			st = dk_signer_write(m->signer, "\r\n", 2);
		if (st != DK_OK)
			dk_filter_msg_engine_error(m, st,
			    dk_signer_errmsg(m->signer));
	} else if (m->verifier != NULL) {
		if ((st = dk_verifier_write(m->verifier, p, len)) == DK_OK)
			st = dk_verifier_write(m->verifier, "\r\n", 2);
		if (st != DK_OK)
			dk_filter_msg_engine_error(m, st,
			    dk_verifier_errmsg(m->verifier));
	}
}

static void
msg_line(struct filter *f, struct msg *m, const char *p, size_t len)
{
	m->nlines++;
	if (m->error)
		return;
	if (dk_filter_spool_line(&m->spool, m->cfg->spool_dir, p, len) == -1) {
		dk_filter_msg_fail(m, "spool: %s", strerror(errno));
		return;
	}
	if (m->mode == MSG_PASS)
		return;
	if (m->linemax != 0 && len > m->linemax) {
		len = m->linemax;	/* smtpd < 7.4 will cut it here */
		m->ncut++;
	}
	/* RFC 5321 §4.5.2: the client doubled a leading dot */
	if (len > 0 && p[0] == '.') {
		p++;
		len--;
	}
	if (m->state == MSG_HEADER)
		msg_header_line(f, m, p, len);
	else
		msg_body_line(m, p, len);
}

static void
msg_end(struct filter *f, struct msg *m, const char *token)
{
	memcpy(m->token, token, sizeof(m->token));
	if (m->state == MSG_HEADER && !m->error && m->mode != MSG_PASS)
		msg_eoh(f, m, 0);	/* header fields only, no empty line */
	m->state = MSG_ENDED;
	if (!m->error && m->mode == MSG_SIGN)
		dk_filter_sign_finish(m);
	if (!m->error && m->mode == MSG_VERIFY)
		dk_filter_verify_end(f, m);
	else
		dk_filter_msg_emit(f, m);
}

void
dk_filter_on_data_line(struct filter *f, const struct event *ev)
{
	struct session *s;
	struct msg *m;

	/* a session smtpd has dropped: echo, it ignores the answer anyway */
	if ((s = dk_filter_session_get(f, ev->sid)) == NULL) {
		dk_filter_out_dataline(f, ev->sid, ev->token, ev->data.p,
		    ev->data.len);
		return;
	}
	if (s->msg != NULL && s->msg->state == MSG_EMITTED)
		dk_filter_msg_free(f, s->msg);	/* commit never came */
	if ((m = s->msg) == NULL)
		m = msg_new(f, s);
	if (m->state == MSG_ENDED) {
		log_warnx("%016" PRIx64 " data-line after the end of data",
		    s->id);
		return;
	}
	if (ev->data.len == 1 && ev->data.p[0] == '.')
		msg_end(f, m, ev->token);
	else
		msg_line(f, m, ev->data.p, ev->data.len);
}

void
dk_filter_on_commit(struct filter *f, const struct event *ev)
{
	struct session *s;
	struct msg *m = NULL;
	const char *decision = "proceed";

	if ((s = dk_filter_session_get(f, ev->sid)) != NULL)
		m = s->msg;
	if (m != NULL && m->error)
		decision = m->refusal != NULL ? m->refusal : TEMPFAIL;
	else if (m != NULL && m->decision != NULL)
		decision = m->decision;
	dk_filter_out_result(f, ev->sid, ev->token, decision);
	if (m != NULL)
		dk_filter_msg_free(f, m);
}

/* An added field goes out one folded line at a time. */
static void
emit_field(struct filter *f, struct msg *m, const char *field)
{
	const char *eol;

	while ((eol = strstr(field, "\r\n")) != NULL) {
		dk_filter_out_dataline(f, m->sess->id, m->token, field,
		    (size_t)(eol - field));
		field = eol + 2;
	}
	dk_filter_out_dataline(f, m->sess->id, m->token, field,
	    strlen(field));
}

struct replay {
	struct filter	*f;
	struct msg	*m;
	uint64_t	 line;
	size_t		 di;
};

static int
replay_line(void *arg, const char *p, size_t len)
{
	struct replay *r = arg;
	const struct msg *m = r->m;

	while (r->di < m->ndrop && r->line >= m->drop[r->di].to)
		r->di++;
	if (r->di >= m->ndrop || r->line < m->drop[r->di].from)
		dk_filter_out_dataline(r->f, m->sess->id, m->token, p, len);
	r->line++;
	return 0;
}

static void
msg_log(const struct msg *m)
{
	char what[LOG_LINE_MAX] = "";
	const struct session *s = m->sess;

	if (m->mode == MSG_SIGN && !m->error)
		dk_filter_sign_log(m, what, sizeof(what));
	else if (m->mode == MSG_VERIFY && !m->error)
		dk_filter_verify_log(m, what, sizeof(what));
	log_info("%016" PRIx64 " dkim msgid=%08" PRIx32 " mail-from=<%s> "
	    "header-from=%s mode=%s%s%s%s%s%s", s->id, m->msgid, s->mailfrom,
	    m->hfrom[0] != '\0' ? m->hfrom : "none",
	    m->mode == MSG_SIGN ? "sign" : m->mode == MSG_VERIFY ? "verify" :
	    "pass", what[0] ? " " : "", what, m->note[0] ? " " : "",
	    m->error ? "error: " : "", m->note);
	if (m->ncut > 0)
		log_info("%016" PRIx64 " dkim msgid=%08" PRIx32 " %u line(s) "
		    "over %zu bytes: smtpd < 7.4 cuts them, signed as cut",
		    s->id, m->msgid, m->ncut, m->linemax);
}

/* Send the message back, with our fields on top, and end it. */
void
dk_filter_msg_emit(struct filter *f, struct msg *m)
{
	struct replay r = { f, m, 0, 0 };
	const char *field;
	size_t i;

	dk_filter_verify_cancel(f, m);	/* nothing may answer after this */
	if (!m->error && m->mode == MSG_SIGN)
		for (i = 0; i < m->nsig; i++)
			emit_field(f, m, dk_signer_field(m->signer, i));
	if (!m->error && m->mode == MSG_VERIFY &&
	    (field = dk_filter_verify_field(m)) != NULL)
		emit_field(f, m, field);
	if (!m->error && dk_filter_spool_lines(&m->spool, f->scratch,
	    replay_line, &r) == -1)
		dk_filter_msg_fail(m, "spool: %s", strerror(errno));
	dk_filter_out_dataline(f, m->sess->id, m->token, ".", 1);
	m->state = MSG_EMITTED;
	msg_log(m);
	/* only the decision is left to keep until commit */
	dk_signer_free(m->signer);
	dk_verifier_free(m->verifier);
	m->signer = NULL;
	m->verifier = NULL;
	dk_filter_spool_free(&m->spool);
}
