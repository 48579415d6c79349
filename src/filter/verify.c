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
 * The verifying path. Key queries go out as soon as the header block has
 * ended, while the body still streams in, through the resolver that
 * main.c polls with stdin; answers come back here by the lookup's arg,
 * the message's handle (filter.h). A message never waits for another:
 * each has its own
 * deadline, after which its missing keys are temperror (dns-timeout),
 * well before smtpd's session timeout. At the end, one
 * Authentication-Results field goes on top, and the ones that claim our
 * authserv-id are dropped (RFC 8601 §5: they can only be forged).
 */

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "filter.h"
#include "log.h"

#define REJECT_FAIL	"reject|550 5.7.20 No passing DKIM signature found"
#define REJECT_TEMP	"reject|451 4.7.0 DKIM key lookup failed, " \
			"try again later"

/* How many CRLFs in p[0..len): header lines are data-lines plus CRLF. */
static uint64_t
count_lines(const char *p, size_t len)
{
	const char *end = p + len;
	uint64_t n = 0;

	while (p + 1 < end && (p = memchr(p, '\r', (size_t)(end - p - 1))) !=
	    NULL) {
		if (p[1] == '\n')
			n++;
		p++;
	}
	return n;
}

/* Note the data-lines of every A-R field that claims our authserv-id. */
static int
find_drops(struct msg *m)
{
	const struct dk_msghdr *mh = &m->mh;
	struct drop *nd;
	uint64_t line = 0;
	size_t i, pos = 0, off;

	for (i = 0; i < mh->nf; i++) {
		off = (size_t)(mh->f[i].text - mh->buf);
		line += count_lines(mh->buf + pos, off - pos);
		pos = off;
		if (!dk_filter_hdr_ar_is_ours(&mh->f[i], m->authserv_id))
			continue;
		if ((nd = reallocarray(m->drop, m->ndrop + 1,
		    sizeof(*nd))) == NULL)
			return -1;
		m->drop = nd;
		nd[m->ndrop].from = line;
		nd[m->ndrop].to = line + 1 +
		    count_lines(mh->f[i].text, mh->f[i].len);
		m->ndrop++;
	}
	return 0;
}

static void
waiting_remove(struct filter *f, struct msg *m)
{
	struct msg **mp;

	/* the milter's messages wait elsewhere, and have no filter */
	if (f == NULL || !m->waiting)
		return;
	for (mp = &f->waiting; *mp != NULL; mp = &(*mp)->wnext)
		if (*mp == m) {
			*mp = m->wnext;
			break;
		}
	m->waiting = 0;
	m->wnext = NULL;
}

/* Cancel every lookup of m and take it off the waiting list. */
void
dk_filter_verify_cancel(struct filter *f, struct msg *m)
{
	size_t i;

	for (i = 0; i < m->nlookups; i++)
		dk_dns_lookup_free(m->lookups[i]);
	m->nlookups = 0;
	waiting_remove(f, m);
}

/* The DNS deadline: never as late as smtpd's own session timeout. */
static int64_t
verify_timeout(const struct filter *f, const struct config *c)
{
	int64_t t = c->dns_timeout;

	if (f->session_timeout > 0 && t >= f->session_timeout * 1000)
		t = f->session_timeout * 1000 / 2;
	return t;
}

/* Send the queries the verifier has now. */
static void
verify_queries(struct filter *f, struct msg *m)
{
	struct dk_dns_lookup *l;
	const char *q;
	enum dk_status st;

	while ((q = dk_verifier_next_query(m->verifier)) != NULL) {
		/* past the deadline or the bound: left unanswered, temperror */
		if ((m->deadline >= 0 && f->now >= m->deadline) ||
		    m->nlookups == DK_QUERIES_MAX)
			continue;
		if (m->deadline < 0)
			m->deadline = f->now + verify_timeout(f, m->cfg);
		st = dk_resolver_submit(f->resolver, q,
		    (void *)(uintptr_t)m->handle, f->now, &l);
		if (st == DK_EINVAL)	/* not a domain name: no such key */
			st = dk_verifier_answer(m->verifier, q,
			    DK_DNS_NXDOMAIN, NULL, 0);
		else if (st == DK_OK)
			m->lookups[m->nlookups++] = l;
		if (st != DK_OK) {
			dk_filter_msg_engine_error(m, st, dk_status_str(st));
			return;
		}
	}
	if (m->nlookups > 0 && !m->waiting) {
		m->wnext = f->waiting;
		f->waiting = m;
		m->waiting = 1;
	}
}

void
dk_filter_verify_start(struct filter *f, struct msg *m, int eoh)
{
	struct dk_verify_opts o;
	enum dk_status st;

	if ((m->authserv_id = strdup(dk_filter_config_authserv(f,
	    m->cfg))) == NULL ||
	    find_drops(m) == -1) {
		dk_filter_msg_fail(m, "out of memory");
		return;
	}
	dk_verify_opts_init(&o, sizeof(o));	/* RFC 8301, §8.15 policy */
	o.now = m->cfg->fixed_time >= 0 ? m->cfg->fixed_time :
	    (int64_t)time(NULL);
	o.authserv_id = m->authserv_id;
	if ((st = dk_verifier_new(&m->verifier, &o)) != DK_OK) {
		dk_filter_msg_engine_error(m, st, dk_status_str(st));
		return;
	}
	if ((st = dk_verifier_write(m->verifier, m->mh.buf, m->mh.len)) ==
	    DK_OK && eoh)
		st = dk_verifier_write(m->verifier, "\r\n", 2);
	if (st != DK_OK)
		dk_filter_msg_engine_error(m, st,
		    dk_verifier_errmsg(m->verifier));
	else if (eoh)
		verify_queries(f, m);
}

/*
 * -r: the decision at commit, by result (RFC 7372 section 3.1 codes),
 * when no signature passes. A key lookup that failed is a 451 first:
 * that signature may be the good one, so try again (a mailing list's
 * valid signature under an author's broken one). Else a failed one is
 * a 550; a permerror only with reject-permerror (as OpenDKIM's
 * On-KeyNotFound and On-PermanentError are separate settings: a missing
 * key is more often the sender's mistake than a forgery).
 */
const char *
dk_filter_verify_decision(const struct msg *m)
{
	const struct dk_result *r;
	size_t i, n = dk_verifier_nresults(m->verifier), bad = 0, temp = 0;

	if (!m->cfg->reject || n == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		r = dk_verifier_result(m->verifier, i);
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
		    m->cfg->reject_permerror))
			bad++;
		else if (r->outcome == DK_TEMPERROR)
			temp++;
	}
	return temp > 0 ? REJECT_TEMP : bad > 0 ? REJECT_FAIL : NULL;
}

static void
verify_done(struct filter *f, struct msg *m)
{
	enum dk_status st;

	dk_filter_verify_cancel(f, m);
	/* DK_ESYNTAX still gives results for the fields it could read */
	if ((st = dk_verifier_finish(m->verifier)) != DK_OK &&
	    st != DK_ESYNTAX)
		dk_filter_msg_engine_error(m, st,
		    dk_verifier_errmsg(m->verifier));
	else
		m->decision = dk_filter_verify_decision(m);
	dk_filter_msg_emit(f, m);
}

/* At ".": a message of header fields only asks its queries only now. */
void
dk_filter_verify_end(struct filter *f, struct msg *m)
{
	enum dk_status st;

	if ((st = dk_verifier_end(m->verifier)) != DK_OK) {
		dk_filter_msg_engine_error(m, st,
		    dk_verifier_errmsg(m->verifier));
		dk_filter_msg_emit(f, m);
		return;
	}
	verify_queries(f, m);
	if (m->error || m->mode != MSG_VERIFY)
		dk_filter_msg_emit(f, m);
	else if (m->nlookups == 0)
		verify_done(f, m);
}

/* m waits no more: once its "." has come, it goes on. */
static void
verify_resume(struct filter *f, struct msg *m)
{
	dk_filter_verify_cancel(f, m);
	if (m->state != MSG_ENDED)
		return;
	if (m->error || m->mode != MSG_VERIFY)
		dk_filter_msg_emit(f, m);
	else
		verify_done(f, m);
}

/* The waiting message with this handle that owns l; NULL: none. */
static struct msg *
lookup_owner(struct filter *f, uintptr_t handle,
    const struct dk_dns_lookup *l)
{
	struct msg *m;
	size_t i;

	for (m = f->waiting; m != NULL; m = m->wnext) {
		if ((uintptr_t)m->handle != handle)
			continue;
		for (i = 0; i < m->nlookups; i++)
			if (m->lookups[i] == l) {
				m->lookups[i] = m->lookups[--m->nlookups];
				return m;
			}
	}
	return NULL;
}

/*
 * Answer every finished lookup; finish the messages that waited on it.
 * A lookup whose message has stopped waiting (emitted, failed, gone)
 * was cancelled then and cannot come back here; one that does anyway
 * finds no owner and is dropped.
 */
void
dk_filter_verify_dns(struct filter *f)
{
	const struct dk_dns_result *r;
	struct dk_dns_lookup *l;
	struct msg *m;
	enum dk_status st;

	while ((l = dk_resolver_done(f->resolver)) != NULL) {
		r = dk_dns_lookup_result(l);
		if ((m = lookup_owner(f, (uintptr_t)r->arg, l)) == NULL) {
			log_warnx("key lookup %s: no message waits for it",
			    r->name);
			dk_dns_lookup_free(l);
			continue;
		}
		st = dk_verifier_answer(m->verifier, r->name, r->rcode, r->txt,
		    r->ntxt);
		if (st == DK_OK && r->dnssec)
			st = dk_verifier_key_dnssec(m->verifier, r->name);
		dk_dns_lookup_free(l);
		if (st != DK_OK && st != DK_EINVAL)
			dk_filter_msg_engine_error(m, st, dk_status_str(st));
		if (m->nlookups == 0 || m->error || m->mode != MSG_VERIFY)
			verify_resume(f, m);
	}
}

int64_t
dk_filter_verify_deadline(const struct filter *f)
{
	const struct msg *m;
	int64_t d = -1;

	for (m = f->waiting; m != NULL; m = m->wnext)
		if (d < 0 || m->deadline < d)
			d = m->deadline;
	return d;
}

/* Messages past their deadline go on without the missing keys. */
void
dk_filter_verify_timers(struct filter *f)
{
	struct msg *m, *next;

	for (m = f->waiting; m != NULL; m = next) {
		next = m->wnext;
		if (f->now >= m->deadline)
			verify_resume(f, m);
	}
}

const char *
dk_filter_verify_field(const struct msg *m)
{
	return m->verifier == NULL ? NULL : dk_verifier_authres(m->verifier);
}

/* "dkim=pass d=example.test s=sel, dkim=fail (reason) d=... s=..." */
void
dk_filter_verify_log(const struct msg *m, char *buf, size_t len)
{
	const struct dk_result *r;
	size_t i, n, off = 0;
	int w;

	if ((n = dk_verifier_nresults(m->verifier)) == 0) {
		(void)snprintf(buf, len, "dkim=none");
		return;
	}
	for (i = 0; i < n && off < len; i++) {
		r = dk_verifier_result(m->verifier, i);
		w = snprintf(buf + off, len - off, "%sdkim=%s%s%s%s d=%s s=%s",
		    i > 0 ? ", " : "", dk_outcome_str(r->outcome),
		    r->reason != DK_R_OK ? " (" : "",
		    r->reason != DK_R_OK ? dk_reason_str(r->reason) : "",
		    r->reason != DK_R_OK ? ")" : "", r->domain, r->selector);
		off += w < 0 ? 0 : (size_t)w;
	}
	if (m->decision != NULL && off < len)
		(void)snprintf(buf + off, len - off, " decision=%.3s",
		    m->decision + 7);
}
