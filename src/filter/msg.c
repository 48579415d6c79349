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
 * silently, truncated or passed on half-signed (the policy module,
 * ../policy/msg.c, says which errors are which, and what is refused).
 * The data-lines of every Authentication-Results field that claims our
 * authserv-id are left out, whether the message is signed, verified or
 * passed on (RFC 8601 §5: they can only be forged), and so are those of
 * a field too long to be read whole and told apart from them.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "../policy/log.h"

#define REJECT		"reject|"
#define DECISION_MAX	(sizeof(REJECT) + 128)
/*
 * What a message holds outside its spool, counted against memory-max
 * (its struct is counted with its session, FILTER_SESSION_COST):
 * MSG_FIXED for the engine's handle with its field index (measured with
 * massif: 3.3 KiB signing, and the allocator's headers), the engine's
 * copy of the header block (its buffer doubles as it grows: up to twice
 * the block), the A-R field being read, and where each forged one lies
 * (past header-max too, so their number has no other bound). Past the
 * bound a message gets 451: the spools can spill to disk, a message's
 * own state cannot.
 */
#define MSG_FIXED	(6 * 1024)
#define MSG_MEMORY_MAX	"memory-max reached: message refused for now"

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
	m->msgid = s->msgid;
	dk_policy_msg_start(&m->pm, f->cfg, s->auth || s->internal,
	    dk_policy_authserv(f->cfg, f->admd, f->host));
	m->spool.fd = -1;
	m->spool.max = m->pm.cfg->spool_max;
	m->spool.mem = &f->mem;
	m->spool.fault = f->spool_fault;
	m->spool.fault_arg = f->spool_fault_arg;
	/* only a signature must hold for the line as smtpd delivers it */
	if (m->pm.mode == MSG_SIGN)
		m->linemax = dk_filter_proto_linemax(f->version);
	s->msg = m;
	if (msg_charge(f, m, MSG_FIXED) == -1)
		dk_policy_msg_fail(&m->pm, MSG_MEMORY_MAX);
	return m;
}

void
dk_filter_msg_free(struct filter *f, struct msg *m)
{
	dk_filter_verify_cancel(f, m);
	dk_policy_msg_free(&m->pm);
	dk_filter_spool_free(&m->spool);
	free(m->drop);
	free(m->ar);
	dk_filter_mem_give(&f->mem, m->charged);
	m->sess->msg = NULL;
	free(m);
}

/* Leave out data-lines [from, to): 0, or -1 when out of memory. */
static int
drop_lines(struct msg *m, uint64_t from, uint64_t to)
{
	struct drop *nd;

	if ((nd = reallocarray(m->drop, m->ndrop + 1, sizeof(*nd))) == NULL) {
		dk_policy_msg_fail(&m->pm, "out of memory");
		return -1;
	}
	m->drop = nd;
	nd[m->ndrop].from = from;
	nd[m->ndrop].to = to;
	m->ndrop++;
	return 0;
}

/*
 * The A-R field being read has ended before data-line `line`: when it
 * claims our authserv-id, or is too long to be read whole (so that
 * whose it is cannot be told), its data-lines are left out.
 */
static void
ar_end(struct msg *m, uint64_t line)
{
	if (!m->inar)
		return;
	m->inar = 0;
	if (m->arlong) {
		if (drop_lines(m, m->arline, line) == 0)
			m->pm.nlongar++;
	} else if (m->arlen > 0 &&
	    dk_policy_msg_ar_forged(&m->pm, m->ar, m->arlen)) {
		if (drop_lines(m, m->arline, line) == 0)
			m->pm.nforged++;
	}
	m->arlen = 0;
	m->arlong = 0;
}

/* Keep p[0..len) of an A-R field; sep: the CRLF folding before it. */
static void
ar_add(struct msg *m, const char *p, size_t len, int sep)
{
	size_t need = m->arlen + (sep ? 2 : 0) + len;
	char *nb;

	/*
	 * Holding a field bounds it by header-max; past that, whether it
	 * is a forged one cannot be read, and it goes as one would. (A
	 * message to verify has failed before this, with 552.)
	 */
	if (m->arlong || need > m->pm.cfg->header_max) {
		m->arlong = 1;
		return;
	}
	if (need > m->arcap) {
		if ((nb = realloc(m->ar, need)) == NULL) {
			dk_policy_msg_fail(&m->pm, "out of memory");
			return;
		}
		m->ar = nb;
		m->arcap = need;
	}
	if (sep) {
		memcpy(m->ar + m->arlen, "\r\n", 2);
		m->arlen += 2;
	}
	memcpy(m->ar + m->arlen, p, len);
	m->arlen += len;
}

/* A header line: a field starts, or goes on after folding (WSP). */
static void
ar_line(struct msg *m, const char *p, size_t len, uint64_t line)
{
	const char *v;

	if (len > 0 && (p[0] == ' ' || p[0] == '\t')) {
		if (m->inar)
			ar_add(m, p, len, 1);
		return;
	}
	ar_end(m, line);
	if (len > 0 && dk_policy_field_is(p, len, POLICY_AR_NAME, &v)) {
		m->inar = 1;
		m->arline = line;
		ar_add(m, p, len, 0);
	}
}

/*
 * The header block has ended before data-line `line`: at its empty
 * line, or at ".".
 */
static void
msg_eoh(struct filter *f, struct msg *m, uint64_t line)
{
	ar_end(m, line);
	m->state = MSG_BODY;
	dk_policy_msg_eoh(&m->pm);
	dk_filter_verify_queries(f, m);
}

static void
msg_header_line(struct filter *f, struct msg *m, const char *p, size_t len)
{
	if (len == 0) {
		msg_eoh(f, m, m->nlines - 1);
		return;
	}
	/*
	 * Past header-max the engine gets no more lines, but they are
	 * still read for forged A-R fields: a message passed on loses them
	 * too.
	 */
	(void)dk_policy_msg_header(&m->pm, p, len);
	if (m->pm.error)
		return;		/* nothing of it will pass on */
	ar_line(m, p, len, m->nlines - 1);
	if (!m->pm.error && msg_charge(f, m, MSG_FIXED +
	    2 * m->pm.hdrlen + m->arcap + m->ndrop * sizeof(*m->drop)) == -1)
		dk_policy_msg_fail(&m->pm, MSG_MEMORY_MAX);
}

static void
msg_line(struct filter *f, struct msg *m, const char *p, size_t len)
{
	m->nlines++;
	if (m->pm.error)
		return;
	if (dk_filter_spool_line(&m->spool, m->pm.cfg->spool_dir, p,
	    len) == -1) {
		dk_policy_msg_fail(&m->pm, "spool: %s", strerror(errno));
		return;
	}
	/* the header block of a message passed on is read for forged A-R */
	if (m->pm.mode == MSG_PASS && m->state != MSG_HEADER)
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
	else {
		dk_policy_msg_body(&m->pm, p, len);
		dk_policy_msg_body(&m->pm, "\r\n", 2);
	}
}

static void
msg_end(struct filter *f, struct msg *m, const char *token)
{
	memcpy(m->token, token, sizeof(m->token));
	if (m->state == MSG_HEADER)
		msg_eoh(f, m, m->nlines);	/* header fields only */
	m->state = MSG_ENDED;
	dk_policy_msg_sign_finish(&m->pm);
	if (!m->pm.error && m->pm.mode == MSG_VERIFY)
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
	const char *reply = NULL;
	char decision[DECISION_MAX] = "proceed";

	if ((s = dk_filter_session_get(f, ev->sid)) != NULL)
		m = s->msg;
	if (m != NULL && (reply = dk_policy_msg_reply(&m->pm)) != NULL)
		(void)snprintf(decision, sizeof(decision), REJECT "%s", reply);
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
	const struct session *s = m->sess;
	char prefix[64];

	(void)snprintf(prefix, sizeof(prefix), "%016" PRIx64 " dkim msgid=%08"
	    PRIx32, s->id, m->msgid);
	dk_policy_msg_log(&m->pm, prefix, s->mailfrom);
	if (m->ncut > 0)
		log_info("%s %u line(s) over %zu bytes: smtpd < 7.4 cuts "
		    "them, signed as cut", prefix, m->ncut, m->linemax);
}

/* Send the message back, with our fields on top, and end it. */
void
dk_filter_msg_emit(struct filter *f, struct msg *m)
{
	struct replay r = { f, m, 0, 0 };
	const char *field;
	size_t i;

	dk_filter_verify_cancel(f, m);	/* nothing may answer after this */
	if (!m->pm.error && m->pm.mode == MSG_SIGN)
		for (i = 0; i < m->pm.nsig; i++)
			emit_field(f, m, dk_signer_field(m->pm.signer, i));
	if (!m->pm.error && m->pm.mode == MSG_VERIFY &&
	    (field = dk_verifier_authres(m->pm.verifier)) != NULL)
		emit_field(f, m, field);
	if (!m->pm.error && dk_filter_spool_lines(&m->spool, f->scratch,
	    replay_line, &r) == -1)
		dk_policy_msg_fail(&m->pm, "spool: %s", strerror(errno));
	dk_filter_out_dataline(f, m->sess->id, m->token, ".", 1);
	m->state = MSG_EMITTED;
	msg_log(m);
	/* only the decision is left to keep until commit */
	dk_policy_msg_release(&m->pm);
	dk_filter_spool_free(&m->spool);
}
