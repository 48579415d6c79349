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
 * The answer cache, keyed by name. Positive answers live for their TTL,
 * negative ones (NXDOMAIN, NODATA) for the SOA minimum (RFC 2308 §5),
 * both capped at ttl_max; temporary failures are never kept (RFC 2308 §7
 * allows caching SERVFAIL briefly, but a DKIM temperror must be retried).
 * The entries form one list in insertion order, so the oldest is at the
 * head and goes first when the cache is full. A lookup walks the list:
 * the cache is small (max entries, 1024 by default) and a walk of it
 * costs far less than the query it saves.
 */

#include <sys/queue.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dnsint.h"

struct centry {
	TAILQ_ENTRY(centry)	 entry;
	char			*name;
	struct dk_dns_answer	 ans;
	int64_t			 expires;	/* ms, like now */
};

TAILQ_HEAD(centries, centry);

struct dk_dns_cache {
	struct centries		 list;
	size_t			 n, max;
	uint32_t		 ttl_max;
};

/* see dnsint.h */
struct dk_dns_cache *
dk_dns_cache_new(size_t max, uint32_t ttl_max)
{
	struct dk_dns_cache *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	TAILQ_INIT(&c->list);
	c->max = max;
	c->ttl_max = ttl_max;
	return c;
}

static void
centry_remove(struct dk_dns_cache *c, struct centry *e)
{
	TAILQ_REMOVE(&c->list, e, entry);
	c->n--;
	dk_dns_answer_clear(&e->ans);
	free(e->name);
	free(e);
}

/* see dnsint.h */
void
dk_dns_cache_free(struct dk_dns_cache *c)
{
	if (c == NULL)
		return;
	while (!TAILQ_EMPTY(&c->list))
		centry_remove(c, TAILQ_FIRST(&c->list));
	free(c);
}

static struct centry *
centry_find(struct dk_dns_cache *c, const char *name)
{
	struct centry *e;

	TAILQ_FOREACH(e, &c->list, entry)
		if (strcmp(e->name, name) == 0)
			return e;
	return NULL;
}

/* see dnsint.h */
int
dk_dns_cache_put(struct dk_dns_cache *c, const char *name,
    const struct dk_dns_answer *ans, int64_t now)
{
	struct centry *e;
	uint32_t ttl;

	if (ans->rcode != DK_DNS_OK && ans->rcode != DK_DNS_NXDOMAIN &&
	    ans->rcode != DK_DNS_NODATA)
		return 0;
	if ((ttl = ans->ttl < c->ttl_max ? ans->ttl : c->ttl_max) == 0 ||
	    c->max == 0)
		return 0;
	if ((e = centry_find(c, name)) != NULL)
		centry_remove(c, e);
	if (c->n == c->max)
		centry_remove(c, TAILQ_FIRST(&c->list));
	if ((e = calloc(1, sizeof(*e))) == NULL)
		return -1;
	if ((e->name = strdup(name)) == NULL ||
	    dk_dns_answer_copy(&e->ans, ans) == -1) {
		free(e->name);
		free(e);
		return -1;
	}
	e->expires = now + (int64_t)ttl * 1000;
	TAILQ_INSERT_TAIL(&c->list, e, entry);
	c->n++;
	return 0;
}

/* see dnsint.h */
const struct dk_dns_answer *
dk_dns_cache_get(struct dk_dns_cache *c, const char *name, int64_t now)
{
	struct centry *e;

	if ((e = centry_find(c, name)) == NULL)
		return NULL;
	if (now >= e->expires) {
		centry_remove(c, e);
		return NULL;
	}
	return &e->ans;
}

/* see dnsint.h */
size_t
dk_dns_cache_count(const struct dk_dns_cache *c)
{
	return c->n;
}
