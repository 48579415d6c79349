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
 * The verifying path's DNS glue. Key queries go out as soon as the
 * header block has ended, while the body still streams in, through the
 * resolver that main.c polls with stdin; answers come back here by the
 * lookup's arg, the message's handle (filter.h). A message never waits
 * for another: each has its own deadline (../policy/lookup.c), well
 * before smtpd's session timeout. At the end, one
 * Authentication-Results field goes on top (msg.c).
 */

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>

#include "filter.h"
#include "../policy/log.h"

static void
waiting_remove(struct filter *f, struct msg *m)
{
	struct msg **mp;

	if (!m->waiting)
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
	dk_policy_msg_cancel(&m->pm);
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

/* Send the queries the verifier has now; wait for them. */
void
dk_filter_verify_queries(struct filter *f, struct msg *m)
{
	dk_policy_msg_queries(&m->pm, f->resolver, f->now,
	    verify_timeout(f, m->pm.cfg), (void *)(uintptr_t)m->handle);
	if (m->pm.nlookups > 0 && !m->waiting) {
		m->wnext = f->waiting;
		f->waiting = m;
		m->waiting = 1;
	}
}

static void
verify_done(struct filter *f, struct msg *m)
{
	dk_filter_verify_cancel(f, m);
	dk_policy_msg_verify_finish(&m->pm);
	dk_filter_msg_emit(f, m);
}

/* At ".": a message of header fields only asks its queries only now. */
void
dk_filter_verify_end(struct filter *f, struct msg *m)
{
	dk_policy_msg_verify_end(&m->pm);
	dk_filter_verify_queries(f, m);
	if (m->pm.nlookups == 0)
		verify_done(f, m);
}

/* m waits no more: once its "." has come, it goes on. */
static void
verify_resume(struct filter *f, struct msg *m)
{
	dk_filter_verify_cancel(f, m);
	if (m->state == MSG_ENDED)
		verify_done(f, m);
}

/* The waiting message with this handle that owns l; NULL: none. */
static struct msg *
lookup_owner(struct filter *f, uintptr_t handle,
    const struct dk_dns_lookup *l)
{
	struct msg *m;

	for (m = f->waiting; m != NULL; m = m->wnext)
		if ((uintptr_t)m->handle == handle &&
		    dk_policy_msg_owns(&m->pm, l))
			return m;
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

	while ((l = dk_resolver_done(f->resolver)) != NULL) {
		r = dk_dns_lookup_result(l);
		if ((m = lookup_owner(f, (uintptr_t)r->arg, l)) == NULL) {
			log_warnx("key lookup %s: no message waits for it",
			    r->name);
			dk_dns_lookup_free(l);
			continue;
		}
		dk_policy_msg_answer(&m->pm, l);
		if (m->pm.nlookups == 0 || m->pm.error ||
		    m->pm.mode != MSG_VERIFY)
			verify_resume(f, m);
	}
}

int64_t
dk_filter_verify_deadline(const struct filter *f)
{
	const struct msg *m;
	int64_t d = -1;

	for (m = f->waiting; m != NULL; m = m->wnext)
		if (d < 0 || m->pm.deadline < d)
			d = m->pm.deadline;
	return d;
}

/* Messages past their deadline go on without the missing keys. */
void
dk_filter_verify_timers(struct filter *f)
{
	struct msg *m, *next;

	for (m = f->waiting; m != NULL; m = next) {
		next = m->wnext;
		if (f->now >= m->pm.deadline)
			verify_resume(f, m);
	}
}
