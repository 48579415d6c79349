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
 * Sessions by id, and the report handlers. State is keyed by session id
 * alone: the token names a filter's place in smtpd's chain for a phase,
 * and is the same for every session (05-two-messages). Sessions are made
 * by link-connect only: data-lines and reports are not ordered against
 * each other, so a stray line after link-disconnect must not bring a
 * session back to life and leak it.
 */

#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "../policy/log.h"

#define BUCKETS_MIN	64	/* grows by doubling past 2 sessions each */

static size_t
bucket(const struct sessions *t, uint64_t sid)
{
	/* smtpd's ids are random already; fold the halves together */
	return (size_t)((sid ^ (sid >> 32)) * 0x9e3779b97f4a7c15ULL >> 16) &
	    (t->nb - 1);
}

struct session *
dk_filter_session_get(struct filter *f, uint64_t sid)
{
	struct sessions *t = &f->sessions;
	struct session *s;

	if (t->nb == 0)
		return NULL;
	for (s = t->b[bucket(t, sid)]; s != NULL; s = s->next)
		if (s->id == sid)
			return s;
	return NULL;
}

static void
table_grow(struct sessions *t)
{
	struct session **nb, *s, *next;
	struct sessions old = *t;
	size_t i, n = t->nb ? t->nb * 2 : BUCKETS_MIN;

	if ((nb = calloc(n, sizeof(*nb))) == NULL)
		fatal("session table");
	t->b = nb;
	t->nb = n;
	for (i = 0; i < old.nb; i++)
		for (s = old.b[i]; s != NULL; s = next) {
			next = s->next;
			s->next = t->b[bucket(t, s->id)];
			t->b[bucket(t, s->id)] = s;
		}
	free(old.b);
}

static void
session_free(struct filter *f, struct session *s)
{
	if (s->msg != NULL)
		dk_filter_msg_free(f, s->msg);
	dk_filter_mem_give(&f->mem, FILTER_SESSION_COST);
	free(s);
}

static void
session_remove(struct filter *f, uint64_t sid)
{
	struct sessions *t = &f->sessions;
	struct session **sp, *s;

	if (t->nb == 0)
		return;
	for (sp = &t->b[bucket(t, sid)]; (s = *sp) != NULL; sp = &s->next)
		if (s->id == sid) {
			*sp = s->next;
			t->n--;
			session_free(f, s);
			return;
		}
}

void
dk_filter_sessions_free(struct filter *f)
{
	struct session *s, *next;
	size_t i;

	for (i = 0; i < f->sessions.nb; i++)
		for (s = f->sessions.b[i]; s != NULL; s = next) {
			next = s->next;
			session_free(f, s);
		}
	free(f->sessions.b);
	memset(&f->sessions, 0, sizeof(f->sessions));
}

/* link-connect: rdns|fcrdns|src|dest; src decides "internal" */
void
dk_filter_on_link_connect(struct filter *f, const struct event *ev)
{
	struct sessions *t = &f->sessions;
	struct session *s;

	/* smtpd never reuses an id; a repeat would be its bug: start over */
	session_remove(f, ev->sid);
	if (t->n >= 2 * t->nb)
		table_grow(t);
	if ((s = calloc(1, sizeof(*s))) == NULL)
		fatal("session");
	/* counted even past the bound: smtpd has the session already */
	f->mem.used += FILTER_SESSION_COST;
	s->id = ev->sid;
	s->internal = dk_policy_src_internal(f->cfg, ev->addr.p,
	    ev->addr.len);
	s->next = t->b[bucket(t, s->id)];
	t->b[bucket(t, s->id)] = s;
	t->n++;
}

/* Everything held for the session goes, a message mid-DATA included. */
void
dk_filter_on_link_disconnect(struct filter *f, const struct event *ev)
{
	session_remove(f, ev->sid);
}

/* smtp_session.c reports pass, fail or error; only pass makes it ours */
void
dk_filter_on_link_auth(struct filter *f, const struct event *ev)
{
	struct session *s;

	if ((s = dk_filter_session_get(f, ev->sid)) != NULL)
		s->auth = ev->result.len == 4 &&
		    memcmp(ev->result.p, "pass", 4) == 0;
}

void
dk_filter_on_tx_begin(struct filter *f, const struct event *ev)
{
	struct session *s;

	if ((s = dk_filter_session_get(f, ev->sid)) == NULL)
		return;
	s->msgid = ev->msgid;
	s->mailfrom[0] = '\0';
	s->nrcpt = 0;
}

/* The envelope sender, kept for the log line only. */
void
dk_filter_on_tx_mail(struct filter *f, const struct event *ev)
{
	struct session *s;
	size_t n;

	if ((s = dk_filter_session_get(f, ev->sid)) == NULL)
		return;
	n = ev->addr.len < POLICY_ADDR_MAX ? ev->addr.len : POLICY_ADDR_MAX;
	memcpy(s->mailfrom, ev->addr.p, n);
	s->mailfrom[n] = '\0';
}

void
dk_filter_on_tx_rcpt(struct filter *f, const struct event *ev)
{
	struct session *s;

	if ((s = dk_filter_session_get(f, ev->sid)) != NULL &&
	    ev->result.len == 2 && memcmp(ev->result.p, "ok", 2) == 0)
		s->nrcpt++;
}

/*
 * tx-commit and tx-rollback end the transaction. Only the message of
 * that msgid goes: these reports may arrive late, against the data-line
 * stream.
 */
void
dk_filter_on_tx_end(struct filter *f, const struct event *ev)
{
	struct session *s;

	if ((s = dk_filter_session_get(f, ev->sid)) == NULL ||
	    s->msg == NULL || s->msg->msgid != ev->msgid)
		return;
	dk_filter_msg_free(f, s->msg);
}
