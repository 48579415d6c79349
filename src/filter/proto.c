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
 * The smtpd-filters(7) protocol: one line from smtpd into a typed event,
 * and the one table that says, for every protocol version, which events
 * we take, how their parameters are laid out, who handles them, and how
 * our answers must be laid out. Every difference between versions 0.4
 * and 0.7 is a row here and nowhere else.
 *
 *	config|KEY|VALUE
 *	report|VERSION|TIME|SUBSYSTEM|EVENT|SESSION[|PARAMS...]
 *	filter|VERSION|TIME|SUBSYSTEM|PHASE|SESSION|TOKEN|PARAMS
 *
 * Lines are raw bytes. Only the leading fields are split on '|': the
 * rest of a data-line is data, '|' included, and an address or a user
 * name may hold '|' too.
 */

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "../policy/log.h"

#define V_ANY		INT_MAX		/* this version and every later one */
#define MSGID_LEN	8		/* "%08x" message ids */
#define SESSION_TIMEOUT_MAX	86400	/* seconds; smtpd's is 300 */

/*
 * smtpd < 7.4 copies each answer into char[LINE_MAX] (2048 on Linux and
 * OpenBSD), so a filter-dataline keeps 2047 bytes, of which the prefix
 * "filter-dataline|SESSION|TOKEN|" takes 50: 1997 bytes of data
 * (VERSIONS.md; 11-long-lines shows it). 3a52f849 removed the cut in 7.4.
 */
#define CUT_LINE	(2047 - 50)

enum row_kind {
	ROW_REPORT,	/* report we register for */
	ROW_FILTER,	/* filter request we register for */
	ROW_ANSWER	/* a line we send */
};

enum layout {
	L_NONE,			/* no parameter used */
	L_MSGID,		/* msgid[|...] */
	L_MSGID_ADDR_RESULT,	/* msgid|address|result */
	L_MSGID_RESULT_ADDR,	/* msgid|result|address */
	L_USER_RESULT,		/* username|result */
	L_RESULT_USER,		/* result|username */
	L_CONNECT,		/* rdns|fcrdns|src|dest; rdns may hold '|' */
	L_DATA,			/* the rest of the line */
	L_TOKEN_SESSION,	/* answers: token first */
	L_SESSION_TOKEN		/* answers: session first */
};

struct row {
	enum row_kind	 kind;
	const char	*name;
	int		 vmin;
	int		 vmax;
	enum layout	 layout;
	size_t		 linemax;	/* answers: smtpd cuts data to this */
	void		(*fn)(struct filter *, const struct event *);
};

/* Rows of one name are adjacent: register lines are written once each. */
static const struct row rows[] = {
	{ ROW_REPORT, "link-connect", 0, V_ANY, L_CONNECT, 0,
	    dk_filter_on_link_connect },
	{ ROW_REPORT, "link-disconnect", 0, V_ANY, L_NONE, 0,
	    dk_filter_on_link_disconnect },
	/* 0a125ccc (protocol 0.7): the user name, which may hold '|', last */
	{ ROW_REPORT, "link-auth", 0, 6, L_USER_RESULT, 0,
	    dk_filter_on_link_auth },
	{ ROW_REPORT, "link-auth", 7, V_ANY, L_RESULT_USER, 0,
	    dk_filter_on_link_auth },
	{ ROW_REPORT, "tx-begin", 0, V_ANY, L_MSGID, 0,
	    dk_filter_on_tx_begin },
	/* 6b0b8fd9 (protocol 0.6): the address, which may hold '|', last */
	{ ROW_REPORT, "tx-mail", 0, 5, L_MSGID_ADDR_RESULT, 0,
	    dk_filter_on_tx_mail },
	{ ROW_REPORT, "tx-mail", 6, V_ANY, L_MSGID_RESULT_ADDR, 0,
	    dk_filter_on_tx_mail },
	{ ROW_REPORT, "tx-rcpt", 0, 5, L_MSGID_ADDR_RESULT, 0,
	    dk_filter_on_tx_rcpt },
	{ ROW_REPORT, "tx-rcpt", 6, V_ANY, L_MSGID_RESULT_ADDR, 0,
	    dk_filter_on_tx_rcpt },
	{ ROW_REPORT, "tx-commit", 0, V_ANY, L_MSGID, 0,
	    dk_filter_on_tx_end },
	{ ROW_REPORT, "tx-rollback", 0, V_ANY, L_MSGID, 0,
	    dk_filter_on_tx_end },
	{ ROW_FILTER, "data-line", 0, V_ANY, L_DATA, 0,
	    dk_filter_on_data_line },
	{ ROW_FILTER, "commit", 0, V_ANY, L_NONE, 0, dk_filter_on_commit },
	/* e563660d (protocol 0.5): answers name the session first */
	{ ROW_ANSWER, "filter-result", 0, 4, L_TOKEN_SESSION, 0, NULL },
	{ ROW_ANSWER, "filter-result", 5, V_ANY, L_SESSION_TOKEN, 0, NULL },
	{ ROW_ANSWER, "filter-dataline", 0, 4, L_TOKEN_SESSION, CUT_LINE,
	    NULL },
	{ ROW_ANSWER, "filter-dataline", 5, 6, L_SESSION_TOKEN, CUT_LINE,
	    NULL },
	{ ROW_ANSWER, "filter-dataline", 7, V_ANY, L_SESSION_TOKEN, 0, NULL },
};

#define NROWS	(sizeof(rows) / sizeof(rows[0]))

static const struct row *
row_find(enum row_kind kind, const char *name, size_t namelen, int version)
{
	size_t i;

	for (i = 0; i < NROWS; i++)
		if (rows[i].kind == kind && version >= rows[i].vmin &&
		    version <= rows[i].vmax &&
		    strlen(rows[i].name) == namelen &&
		    memcmp(rows[i].name, name, namelen) == 0)
			return &rows[i];
	return NULL;
}

/* Before any version is known, answers take the newest layout. */
static const struct row *
answer_row(const char *name, int version)
{
	const struct row *r;

	if ((r = row_find(ROW_ANSWER, name, strlen(name),
	    version == 0 ? V_ANY : version)) == NULL)
		fatalx("no answer layout for %s", name);
	return r;
}

size_t
dk_filter_proto_linemax(int version)
{
	return answer_row("filter-dataline", version)->linemax;
}

int
dk_filter_proto_token_first(int version)
{
	return answer_row("filter-result", version)->layout ==
	    L_TOKEN_SESSION;
}

/*
 * The next field, up to '|' or the end; *p becomes NULL after the last.
 * Returns 0, with fld empty, when there is none.
 */
static int
field_next(const char **p, const char *end, struct span *fld)
{
	const char *bar;

	if (*p == NULL) {
		fld->p = "";
		fld->len = 0;
		return 0;
	}
	fld->p = *p;
	if ((bar = memchr(*p, '|', (size_t)(end - *p))) == NULL) {
		fld->len = (size_t)(end - *p);
		*p = NULL;
	} else {
		fld->len = (size_t)(bar - *p);
		*p = bar + 1;
	}
	return 1;
}

static int
span_is(const struct span *s, const char *lit)
{
	return s->len == strlen(lit) && memcmp(s->p, lit, s->len) == 0;
}

static int
hex_parse(const struct span *s, size_t maxlen, uint64_t *v)
{
	size_t i;
	int d;

	if (s->len == 0 || s->len > maxlen)
		return -1;
	*v = 0;
	for (i = 0; i < s->len; i++) {
		if (s->p[i] >= '0' && s->p[i] <= '9')
			d = s->p[i] - '0';
		else if (s->p[i] >= 'a' && s->p[i] <= 'f')
			d = s->p[i] - 'a' + 10;
		else if (s->p[i] >= 'A' && s->p[i] <= 'F')
			d = s->p[i] - 'A' + 10;
		else
			return -1;
		*v = *v << 4 | (uint64_t)d;
	}
	return 0;
}

/* "0.N" gives N; smtpd has only ever sent 0.x (VERSIONS.md). */
static int
version_parse(const struct span *s)
{
	int v = 0;
	size_t i;

	if (s->len < 3 || s->len > 6 || s->p[0] != '0' || s->p[1] != '.')
		fatalx("unsupported protocol version %.*s",
		    (int)(s->len > 16 ? 16 : s->len), s->p);
	for (i = 2; i < s->len; i++) {
		if (s->p[i] < '0' || s->p[i] > '9')
			fatalx("invalid protocol version");
		v = v * 10 + (s->p[i] - '0');
	}
	return v;
}

static void
split_last(struct span rest, struct span *head, struct span *last)
{
	size_t i = rest.len;

	while (i > 0 && rest.p[i - 1] != '|')
		i--;
	head->p = rest.p;
	head->len = i > 0 ? i - 1 : 0;
	last->p = rest.p + i;
	last->len = rest.len - i;
}

static void
msgid_parse(struct event *ev, const struct span *s)
{
	uint64_t v;

	ev->msgid = hex_parse(s, MSGID_LEN, &v) == 0 ? (uint32_t)v : 0;
}

/* Fill ev from the parameters after the session (and token) fields. */
static void
params_parse(struct event *ev, enum layout layout, const char *p,
    const char *end)
{
	struct span f1, head, rest;

	rest.p = p == NULL ? end : p;
	rest.len = p == NULL ? 0 : (size_t)(end - p);
	switch (layout) {
	case L_DATA:
		ev->data = rest;
		break;
	case L_MSGID:
		if (field_next(&p, end, &f1))
			msgid_parse(ev, &f1);
		break;
	case L_MSGID_ADDR_RESULT:
		if (field_next(&p, end, &f1))
			msgid_parse(ev, &f1);
		if (p != NULL)
			split_last((struct span){ p, (size_t)(end - p) },
			    &ev->addr, &ev->result);
		break;
	case L_MSGID_RESULT_ADDR:
		if (field_next(&p, end, &f1))
			msgid_parse(ev, &f1);
		(void)field_next(&p, end, &ev->result);
		if (p != NULL)
			ev->addr = (struct span){ p, (size_t)(end - p) };
		break;
	case L_USER_RESULT:
		split_last(rest, &ev->addr, &ev->result);
		break;
	case L_RESULT_USER:
		(void)field_next(&p, end, &ev->result);
		if (p != NULL)
			ev->addr = (struct span){ p, (size_t)(end - p) };
		break;
	case L_CONNECT:
		/* from the right: rdns, the client's PTR name, may hold '|' */
		split_last(rest, &head, &f1);		/* f1: dest */
		split_last(head, &f1, &ev->addr);	/* f1: rdns|fcrdns */
		break;
	default:
		break;
	}
}

static void
config_line(struct filter *f, const char *p, const char *end)
{
	struct span key, val = { "", 0 };
	char *e;
	size_t i;
	long n;

	(void)field_next(&p, end, &key);
	if (p != NULL)
		val = (struct span){ p, (size_t)(end - p) };
	if (span_is(&key, "ready")) {
		if (!f->registered) {
			for (i = 0; i < NROWS; i++)
				if (rows[i].kind != ROW_ANSWER && (i == 0 ||
				    strcmp(rows[i].name, rows[i - 1].name)))
					dk_filter_out_register(f,
					    rows[i].kind == ROW_REPORT ?
					    "report" : "filter", rows[i].name);
			dk_filter_out_ready(f);
			f->registered = 1;
		}
	} else if (span_is(&key, "smtp-session-timeout")) {
		n = strtol(val.p, &e, 10);
		if (e != val.p && n > 0 && n <= SESSION_TIMEOUT_MAX)
			f->session_timeout = n;
	} else if (span_is(&key, "admd")) {
		/* 9b132f4c (6.8): smtpd.conf's admd, else the host name */
		if (val.len > 0 && val.len <= FILTER_ADMD_MAX) {
			memcpy(f->admd, val.p, val.len);
			f->admd[val.len] = '\0';
		}
	} else if (span_is(&key, "protocol")) {
		f->version = version_parse(&val);	/* 7.6 and later */
	} else if (span_is(&key, "smtpd-version")) {
		log_debug("smtpd version %.*s", (int)(val.len > 32 ? 32 :
		    val.len), val.p);
	}
	/* other keys appear without a version bump: ignore them */
}

/*
 * report|VERSION|TIME|SUBSYSTEM|EVENT|SESSION[|PARAMS]
 * filter|VERSION|TIME|SUBSYSTEM|PHASE|SESSION|TOKEN|PARAMS
 */
static void
event_line(struct filter *f, enum row_kind kind, const char *p,
    const char *end)
{
	struct span ver, tm, sub, name, sid, tok;
	struct event ev;
	const struct row *r;

	if (!field_next(&p, end, &ver) || !field_next(&p, end, &tm) ||
	    !field_next(&p, end, &sub) || !field_next(&p, end, &name) ||
	    !field_next(&p, end, &sid))
		fatalx("truncated %s line", kind == ROW_REPORT ? "report" :
		    "filter");
	memset(&ev, 0, sizeof(ev));
	ev.version = f->version = version_parse(&ver);
	if (hex_parse(&sid, FILTER_ID_LEN, &ev.sid) == -1)
		fatalx("invalid session id");
	if (kind == ROW_FILTER) {
		if (!field_next(&p, end, &tok) ||
		    hex_parse(&tok, FILTER_ID_LEN, &(uint64_t){ 0 }) == -1)
			fatalx("invalid token");
		memcpy(ev.token, tok.p, tok.len);
		ev.token[tok.len] = '\0';
	}
	if (!span_is(&sub, "smtp-in"))
		return;
	if ((r = row_find(kind, name.p, name.len, ev.version)) == NULL) {
		/* a request must be answered, or the session hangs */
		if (kind == ROW_FILTER)
			dk_filter_out_result(f, ev.sid, ev.token, "proceed");
		return;
	}
	params_parse(&ev, r->layout, p, end);
	r->fn(f, &ev);
}

void
dk_filter_proto_line(struct filter *f, char *line, size_t len)
{
	const char *p = line, *end = line + len;
	struct span type;

	(void)field_next(&p, end, &type);
	if (span_is(&type, "config"))
		config_line(f, p == NULL ? end : p, end);
	else if (!f->registered)
		fatalx("smtpd sent a line before config|ready");
	else if (span_is(&type, "report"))
		event_line(f, ROW_REPORT, p, end);
	else if (span_is(&type, "filter"))
		event_line(f, ROW_FILTER, p, end);
	else
		fatalx("unknown line type from smtpd");
}
