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
 * The asynchronous resolver: lookups, the queries that serve them, their
 * tries and timers. A lookup is one caller's question; a query is one
 * name on the wire, shared by every lookup of that name in flight
 * (coalescing). At most inflight_max queries are active; later ones wait
 * in FIFO order. A query makes up to attempts x servers tries, moving to
 * the next server after each (resolv.conf(5)), each with a fresh ID and
 * socket, within one time budget from its creation.
 *
 *	submit ─▶ cache hit ─────────────────────────────▶ done list
 *	   └────▶ query (new or shared) ─▶ waiting ─▶ active ─┘
 *	                                          try: UDP [─▶ TCP on TC=1]
 */

#include <sys/queue.h>

#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../compat/random.h"
#include "dnsint.h"

#define INFLIGHT_DEFAULT	256	/* well under the usual 1024 fd limit */
#define CACHE_DEFAULT		1024	/* entries */
#define TTL_MAX_DEFAULT		3600	/* seconds: keys can be rotated */
#define BUDGET_DEFAULT		30000	/* ms for one lookup, all tries */
#define UDP_READS_MAX		16	/* datagrams read per query per call,
					 * so a flood on one socket cannot
					 * starve the others */
#define LABEL_MAX		63	/* RFC 1035 §2.3.4 */
#define SLOT_NONE		SIZE_MAX

struct query;

struct dk_dns_lookup {
	TAILQ_ENTRY(dk_dns_lookup) entry;	/* its query's, or done */
	struct dk_resolver	*r;
	struct query		*q;		/* in flight: its query */
	int			 finished;
	int			 collected;	/* dk_resolver_done() gave it */
	struct dk_dns_answer	 ans;
	struct dk_dns_result	 res;
	char			 name[DK_DNS_NAME_MAX + 1];
};

TAILQ_HEAD(lookups, dk_dns_lookup);

struct query {
	TAILQ_ENTRY(query)	 entry;		/* active or waiting */
	struct lookups		 lookups;
	int			 active;
	char			 name[DK_DNS_NAME_MAX + 1];
	uint8_t			 wire[DK_DNS_QUERY_MAX];
	size_t			 wlen;
	struct dk_dns_xfer	 x;
	unsigned		 try;		/* server is try % nns */
	int64_t			 try_end, budget_end;
	enum dk_dns_rcode	 last;		/* how the last try failed */
	size_t			 slot;		/* in the last fds() array */
};

TAILQ_HEAD(queries, query);

struct dk_resolver {
	struct dk_dns_conf	 conf;
	struct dk_dns_cache	*cache;
	struct queries		 active, waiting;
	struct lookups		 done;
	size_t			 nactive, inflight_max, npending;
	int64_t			 budget_ms;
	struct dk_dns_failure	 fail;		/* the last failed try */
	uint8_t			 ubuf[DK_DNS_REPLY_MAX];	/* UDP reads */
};

/* see resolver.h */
enum dk_status
dk_resolver_new_conf(struct dk_resolver **rp,
    const struct dk_resolver_opts *opts, const struct dk_dns_conf *conf)
{
	struct dk_resolver_opts o;
	struct dk_resolver *r;

	*rp = NULL;
	dk_resolver_opts_init(&o, sizeof(o));
	if (opts != NULL && dk_resolver_opts_copy(&o, opts) == -1)
		return DK_EINVAL;
	if (conf == NULL || conf->nns == 0 || conf->nns > DK_DNS_NS_MAX ||
	    conf->timeout_ms <= 0 || conf->attempts <= 0)
		return DK_EINVAL;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return DK_ENOMEM;
	r->conf = *conf;
	r->inflight_max = o.inflight_max ? o.inflight_max : INFLIGHT_DEFAULT;
	r->budget_ms = o.budget_ms > 0 ? o.budget_ms : BUDGET_DEFAULT;
	TAILQ_INIT(&r->active);
	TAILQ_INIT(&r->waiting);
	TAILQ_INIT(&r->done);
	if (!o.nocache && (r->cache = dk_dns_cache_new(o.cache_max ?
	    o.cache_max : CACHE_DEFAULT, o.ttl_max ? o.ttl_max :
	    TTL_MAX_DEFAULT)) == NULL) {
		free(r);
		return DK_ENOMEM;
	}
	*rp = r;
	return DK_OK;
}

/*
 * name, lowercased and without a final dot, into out. Key names are
 * host-name-like (RFC 6376 §3.6.2.1: selector and domain are
 * dot-separated labels; "_domainkey" has an underscore): letters, digits,
 * '-' and '_'. Anything else cannot be a key name, and must never reach
 * the wire as text that a zone-file escape could change.
 */
static int
name_normalize(const char *name, char *out)
{
	size_t i, len, label = 0;
	unsigned char c;

	len = strlen(name);
	if (len > 0 && name[len - 1] == '.')
		len--;
	if (len == 0 || len > DK_DNS_NAME_MAX)
		return -1;
	for (i = 0; i < len; i++) {
		c = (unsigned char)name[i];
		if (c == '.') {
			if (label == 0)
				return -1;
			label = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_') {
			label++;
		} else if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c - 'A' + 'a');
			label++;
		} else
			return -1;
		if (label > LABEL_MAX)
			return -1;
		out[i] = (char)c;
	}
	if (label == 0)
		return -1;	/* "a.test.." */
	out[len] = '\0';
	return 0;
}

/* A lookup gets its own copy of ans and goes to the done list. */
static void
lookup_finish(struct dk_resolver *r, struct dk_dns_lookup *l,
    const struct dk_dns_answer *ans, int cached)
{
	l->q = NULL;
	l->finished = 1;
	if (dk_dns_answer_copy(&l->ans, ans) == -1) {
		/* out of memory: a temporary failure, never a verdict */
		l->ans.rcode = DK_DNS_SERVFAIL;
	}
	l->res.name = l->name;
	l->res.rcode = l->ans.rcode;
	l->res.txt = (const char *const *)l->ans.txt;
	l->res.ntxt = l->ans.ntxt;
	l->res.dnssec = l->ans.ad;
	l->res.cached = cached;
	l->res.tcp = l->ans.tcp;
	TAILQ_INSERT_TAIL(&r->done, l, entry);
}

static void
query_free(struct dk_resolver *r, struct query *q)
{
	dk_dns_xfer_close(&q->x);
	if (q->active) {
		TAILQ_REMOVE(&r->active, q, entry);
		r->nactive--;
	} else
		TAILQ_REMOVE(&r->waiting, q, entry);
	free(q);
}

/*
 * The query is over: cache the answer, hand it to every lookup. A cache
 * that cannot take it costs only a later query.
 */
static void
query_finish(struct dk_resolver *r, struct query *q,
    const struct dk_dns_answer *ans, int64_t now)
{
	struct dk_dns_lookup *l;

	if (r->cache != NULL)
		(void)dk_dns_cache_put(r->cache, q->name, ans, now);
	while ((l = TAILQ_FIRST(&q->lookups)) != NULL) {
		TAILQ_REMOVE(&q->lookups, l, entry);
		lookup_finish(r, l, ans, 0);
	}
	query_free(r, q);
}

/*
 * q's try on server try % nns failed with rcode (and, when it failed on
 * this host, q->x.error): remember it for front ends.
 */
static void
note_failure(struct dk_resolver *r, const struct query *q,
    enum dk_dns_rcode rcode)
{
	if (!r->fail.ongoing) {
		r->fail.burst++;
		r->fail.ongoing = 1;
	}
	r->fail.rcode = rcode;
	r->fail.error = q->x.error;
	dk_dns_addr_str(&r->conf.ns[q->try % r->conf.nns], r->fail.server);
}

static void
query_fail(struct dk_resolver *r, struct query *q, enum dk_dns_rcode rcode,
    int64_t now)
{
	struct dk_dns_answer ans;

	memset(&ans, 0, sizeof(ans));
	ans.rcode = rcode;
	query_finish(r, q, &ans, now);
}

/*
 * Start tries until one is on the wire, or none are left. The query
 * may be freed on return.
 */
static void
query_try(struct dk_resolver *r, struct query *q, int64_t now)
{
	const struct dk_dns_conf *c = &r->conf;
	size_t ns;
	uint16_t id;

	for (;; q->try++) {
		if (q->try >= (unsigned)c->attempts * c->nns ||
		    now >= q->budget_end) {
			query_fail(r, q, q->last, now);
			return;
		}
		/* RFC 5452 §4.3: an unpredictable ID for every try */
		dk_compat_random_buf(&id, sizeof(id));
		memcpy(q->wire, &id, sizeof(id));	/* header bytes 0-1 */
		ns = q->try % c->nns;
		q->slot = SLOT_NONE;
		if (dk_dns_xfer_udp(&q->x, &c->ns[ns], c->nslen[ns], q->wire,
		    q->wlen) == 0) {
			q->try_end = now + c->timeout_ms;
			return;
		}
		/* no route, no socket: this server is of no use now */
		q->last = q->x.unreach ? DK_DNS_UNREACHABLE : DK_DNS_TIMEOUT;
		note_failure(r, q, q->last);
	}
}

/* This try failed with rcode: on to the next. */
static void
query_next(struct dk_resolver *r, struct query *q, enum dk_dns_rcode rcode,
    int64_t now)
{
	note_failure(r, q, rcode);
	dk_dns_xfer_close(&q->x);
	q->last = rcode;
	q->try++;
	query_try(r, q, now);
}

/* A reply that matched the query. */
static void
query_answer(struct dk_resolver *r, struct query *q,
    struct dk_dns_answer *ans, int64_t now)
{
	size_t ns = q->try % r->conf.nns;

	if (ans->tc && !q->x.tcp) {
		/* RFC 7766 §5: truncated over UDP, so ask the same server
		 * over TCP, with a fresh timeout */
		dk_dns_answer_clear(ans);
		q->slot = SLOT_NONE;
		if (dk_dns_xfer_tcp(&q->x, &r->conf.ns[ns], r->conf.nslen[ns],
		    q->wire, q->wlen) == -1)
			query_next(r, q, DK_DNS_TCP, now);
		else
			q->try_end = now + r->conf.timeout_ms;
		return;
	}
	switch (ans->rcode) {
	case DK_DNS_SERVFAIL:
	case DK_DNS_REFUSED:
	case DK_DNS_MALFORMED:
		/* another server, or the next round, may do better */
		query_next(r, q, ans->rcode, now);
		break;
	default:
		/* RFC 4035 §4.9.3: trust AD=1 only over a secure channel;
		 * loopback is the one we can be sure of */
		ans->ad = ans->ad && dk_dns_addr_loopback(&r->conf.ns[ns]);
		ans->tcp = q->x.tcp;
		r->fail.ongoing = 0;	/* a server works: the burst is over */
		query_finish(r, q, ans, now);
		break;
	}
	dk_dns_answer_clear(ans);
}

/* Read what the socket has; drop what does not match. */
static void
query_io(struct dk_resolver *r, struct query *q, int64_t now)
{
	struct dk_dns_answer ans;
	const uint8_t *reply;
	size_t rlen;
	int n;

	for (n = 0; n < UDP_READS_MAX; n++) {
		switch (dk_dns_xfer_io(&q->x, r->ubuf, &reply, &rlen)) {
		case DK_DNS_XFER_WAIT:
			return;
		case DK_DNS_XFER_FAIL:
			query_next(r, q, q->x.tcp ? DK_DNS_TCP :
			    q->x.unreach ? DK_DNS_UNREACHABLE : DK_DNS_TIMEOUT,
			    now);
			return;
		case DK_DNS_XFER_REPLY:
			if (dk_dns_reply_parse(q->wire, q->wlen, reply, rlen,
			    &ans) == -1)
				continue;	/* RFC 5452 §9.1: not ours */
			query_answer(r, q, &ans, now);
			return;
		}
	}
}

static void
query_timers(struct dk_resolver *r, struct query *q, int64_t now)
{
	if (now >= q->budget_end) {
		note_failure(r, q, DK_DNS_TIMEOUT);
		query_fail(r, q, DK_DNS_TIMEOUT, now);
	} else if (now >= q->try_end)
		query_next(r, q, q->x.tcp ? DK_DNS_TCP : DK_DNS_TIMEOUT, now);
}

/* Move waiting queries to active while there is room. */
static void
schedule(struct dk_resolver *r, int64_t now)
{
	struct query *q;

	while (r->nactive < r->inflight_max &&
	    (q = TAILQ_FIRST(&r->waiting)) != NULL) {
		TAILQ_REMOVE(&r->waiting, q, entry);
		TAILQ_INSERT_TAIL(&r->active, q, entry);
		q->active = 1;
		r->nactive++;
		query_try(r, q, now);
	}
}

static struct query *
query_find(struct dk_resolver *r, const char *name)
{
	struct query *q;

	TAILQ_FOREACH(q, &r->active, entry)
		if (strcmp(q->name, name) == 0)
			return q;
	TAILQ_FOREACH(q, &r->waiting, entry)
		if (strcmp(q->name, name) == 0)
			return q;
	return NULL;
}

static struct query *
query_new(struct dk_resolver *r, const char *name, int64_t now)
{
	struct query *q;

	if ((q = calloc(1, sizeof(*q))) == NULL)
		return NULL;
	TAILQ_INIT(&q->lookups);
	dk_dns_xfer_init(&q->x);
	memcpy(q->name, name, strlen(name) + 1);
	q->budget_end = now + r->budget_ms;
	q->last = DK_DNS_TIMEOUT;
	if ((q->wlen = dk_dns_query_build(name, 0, q->wire)) == 0) {
		free(q);
		return NULL;
	}
	TAILQ_INSERT_TAIL(&r->waiting, q, entry);
	return q;
}

/* see resolver.h */
enum dk_status
dk_resolver_submit(struct dk_resolver *r, const char *name, void *arg,
    int64_t now, struct dk_dns_lookup **lp)
{
	const struct dk_dns_answer *hit;
	struct dk_dns_lookup *l;
	struct query *q;

	*lp = NULL;
	if ((l = calloc(1, sizeof(*l))) == NULL)
		return DK_ENOMEM;
	if (name_normalize(name, l->name) == -1) {
		free(l);
		return DK_EINVAL;
	}
	l->r = r;
	l->res.arg = arg;
	r->npending++;
	*lp = l;
	if (r->cache != NULL &&
	    (hit = dk_dns_cache_get(r->cache, l->name, now)) != NULL) {
		lookup_finish(r, l, hit, 1);
		return DK_OK;
	}
	if ((q = query_find(r, l->name)) == NULL &&
	    (q = query_new(r, l->name, now)) == NULL) {
		r->npending--;
		free(l);
		*lp = NULL;
		return DK_ENOMEM;
	}
	l->q = q;
	TAILQ_INSERT_TAIL(&q->lookups, l, entry);
	schedule(r, now);
	return DK_OK;
}

/* see resolver.h */
size_t
dk_resolver_fds(struct dk_resolver *r, struct pollfd *pfd, size_t npfd)
{
	struct query *q;
	size_t n = 0;

	TAILQ_FOREACH(q, &r->active, entry) {
		if (n < npfd) {
			pfd[n].fd = q->x.fd;
			pfd[n].events = dk_dns_xfer_events(&q->x);
			pfd[n].revents = 0;
			q->slot = n;
		}
		n++;
	}
	return n;
}

/* see resolver.h */
int64_t
dk_resolver_deadline(const struct dk_resolver *r)
{
	const struct query *q;
	int64_t t = -1;

	/*
	 * A lookup freed in flight makes room that only
	 * dk_resolver_process() can fill (it knows the time): at once. A
	 * finished lookup not yet collected (a cache hit submitted after
	 * the caller drained the done list) is due at once too: a caller
	 * that sleeps till the next timer would leave it waiting for no
	 * reason.
	 */
	if ((r->nactive < r->inflight_max && !TAILQ_EMPTY(&r->waiting)) ||
	    !TAILQ_EMPTY(&r->done))
		return 0;
	TAILQ_FOREACH(q, &r->active, entry) {
		if (t == -1 || q->try_end < t)
			t = q->try_end;
		if (q->budget_end < t)
			t = q->budget_end;
	}
	/* the first waiting query is the oldest: its budget ends first */
	if ((q = TAILQ_FIRST(&r->waiting)) != NULL &&
	    (t == -1 || q->budget_end < t))
		t = q->budget_end;
	return t;
}

/*
 * see resolver.h. A slot whose fd is not the query's (the array is from
 * before the query's current socket) gives no events; every socket is
 * non-blocking, so reading one that is not ready is harmless anyway.
 */
void
dk_resolver_process(struct dk_resolver *r, const struct pollfd *pfd,
    size_t npfd, int64_t now)
{
	struct query *q, *next;

	for (q = TAILQ_FIRST(&r->active); q != NULL; q = next) {
		next = TAILQ_NEXT(q, entry);
		if (q->slot < npfd && pfd[q->slot].fd == q->x.fd &&
		    pfd[q->slot].revents != 0)
			query_io(r, q, now);
	}
	for (q = TAILQ_FIRST(&r->active); q != NULL; q = next) {
		next = TAILQ_NEXT(q, entry);
		query_timers(r, q, now);
	}
	while ((q = TAILQ_FIRST(&r->waiting)) != NULL && now >= q->budget_end)
		query_fail(r, q, DK_DNS_TIMEOUT, now);
	schedule(r, now);
}

/* see resolver.h */
struct dk_dns_lookup *
dk_resolver_done(struct dk_resolver *r)
{
	struct dk_dns_lookup *l;

	if ((l = TAILQ_FIRST(&r->done)) == NULL)
		return NULL;
	TAILQ_REMOVE(&r->done, l, entry);
	l->collected = 1;
	r->npending--;
	return l;
}

/* see resolver.h */
const struct dk_dns_failure *
dk_resolver_last_failure(const struct dk_resolver *r)
{
	return r->fail.burst > 0 ? &r->fail : NULL;
}

/* see resolver.h */
size_t
dk_resolver_pending(const struct dk_resolver *r)
{
	return r->npending;
}

/* see resolver.h */
const struct dk_dns_result *
dk_dns_lookup_result(const struct dk_dns_lookup *l)
{
	return l->finished ? &l->res : NULL;
}

/* see resolver.h */
void
dk_dns_lookup_free(struct dk_dns_lookup *l)
{
	struct dk_resolver *r;
	struct query *q;

	if (l == NULL)
		return;
	r = l->r;
	if ((q = l->q) != NULL) {
		TAILQ_REMOVE(&q->lookups, l, entry);
		/* nobody else wants the answer: stop asking */
		if (TAILQ_EMPTY(&q->lookups))
			query_free(r, q);
	} else if (!l->collected)
		TAILQ_REMOVE(&r->done, l, entry);
	if (!l->collected)
		r->npending--;
	dk_dns_answer_clear(&l->ans);
	free(l);
}

/* see resolver.h */
void
dk_resolver_free(struct dk_resolver *r)
{
	struct query *q;

	if (r == NULL)
		return;
	/* a query goes with its last lookup, and always has one */
	while ((q = TAILQ_FIRST(&r->active)) != NULL)
		dk_dns_lookup_free(TAILQ_FIRST(&q->lookups));
	while ((q = TAILQ_FIRST(&r->waiting)) != NULL)
		dk_dns_lookup_free(TAILQ_FIRST(&q->lookups));
	while (!TAILQ_EMPTY(&r->done))
		dk_dns_lookup_free(TAILQ_FIRST(&r->done));
	dk_dns_cache_free(r->cache);
	free(r);
}
