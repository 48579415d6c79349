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
 * src/dns: asynchronous DKIM key lookups (TXT) over UDP and TCP, with a
 * cache. ldns builds the queries and parses the replies (query.c only);
 * the sockets, timers and retries are ours. It fits any poll loop:
 *
 *	dk_resolver_submit()	start a lookup, get a handle
 *	dk_resolver_fds()	the descriptors to poll(2), and their events
 *	dk_resolver_deadline()	when to call dk_resolver_process() anyway
 *	dk_resolver_process()	after poll(2) returns, or at the deadline
 *	dk_resolver_done()	collect the next finished lookup
 *	dk_dns_lookup_free()	end a lookup in any state (a session that
 *				goes away cancels its lookups this way)
 *
 * Time is passed in by the caller as monotonic milliseconds; nothing in
 * the async interface reads the clock. One resolver is used by one thread
 * at a time. Lookups for the same name in flight at once share one query;
 * answers are cached (positive for their TTL, negative for the SOA
 * minimum, RFC 2308 §5; both capped; temporary failures never).
 *
 * Outcomes (enum dk_dns_rcode) and the DKIM results they lead to:
 *	DK_DNS_OK		TXT records found (CNAMEs followed)
 *	DK_DNS_NXDOMAIN		permerror no-key
 *	DK_DNS_NODATA		permerror no-key (the name has no TXT)
 *	DK_DNS_SERVFAIL		temperror dns-servfail (also other RCODEs)
 *	DK_DNS_REFUSED		temperror dns-refused
 *	DK_DNS_TIMEOUT		temperror dns-timeout (also no server
 *				reachable, or the time budget spent)
 *	DK_DNS_MALFORMED	temperror dns-malformed (a reply that matches
 *				the query but cannot be parsed)
 *	DK_DNS_TCP		temperror dns-tcp (TC=1, then TCP failed)
 *	DK_DNS_UNREACHABLE	temperror dns-unreachable (the last server
 *				tried answered with ICMP port, host or
 *				network unreachable: nothing listens
 *				there; known at once, not at a timeout)
 * A reply whose source, ID, QR bit or question does not match the query
 * is dropped, and the lookup keeps waiting (RFC 5452 §9.1).
 */

#ifndef DK_RESOLVER_H
#define DK_RESOLVER_H

#include <sys/types.h>
#include <sys/socket.h>

#include <poll.h>
#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"

#define DK_DNS_NS_MAX		3	/* resolv.conf MAXNS, as in libc */
#define DK_DNS_TIMEOUT_DEFAULT	5000	/* ms per try; resolv.conf default */
#define DK_DNS_TIMEOUT_MAX	30000	/* ms; resolv.conf caps timeout:30 */
#define DK_DNS_ATTEMPTS_DEFAULT	2	/* resolv.conf default */
#define DK_DNS_ATTEMPTS_MAX	5	/* resolv.conf caps attempts:5 */
#define DK_DNS_ERR_MAX		128	/* error message buffer, bytes */
#define DK_DNS_ADDR_MAX		64	/* "[IPV6]:PORT": INET6_ADDRSTRLEN (46)
					 * + brackets, colon, 5 digits */

/* Where and how to ask. */
struct dk_dns_conf {
	struct sockaddr_storage	 ns[DK_DNS_NS_MAX];
	socklen_t		 nslen[DK_DNS_NS_MAX];
	size_t			 nns;
	int			 timeout_ms;	/* per try */
	int			 attempts;	/* rounds over all servers */
};

/*
 * Set up conf. With server NULL, from /etc/resolv.conf (nameserver,
 * options timeout: attempts:; no nameserver means 127.0.0.1, as in libc;
 * a missing file means the defaults). Otherwise from server alone,
 * "ADDR", "ADDR:PORT", "IPV6" or "[IPV6]:PORT" (the --resolver option),
 * with the default timeout and attempts. Returns 0, or -1 with a message
 * in err[0..DK_DNS_ERR_MAX).
 */
int	dk_dns_conf_init(struct dk_dns_conf *conf, const char *server,
	    char *err);

struct dk_resolver;
struct dk_dns_lookup;

struct dk_resolver_opts {
	const struct dk_dns_conf *conf;	/* copied */
	size_t		 inflight_max;	/* queries on the wire at once; more
					 * wait their turn. 0: 256 */
	size_t		 cache_max;	/* cache entries; 0: 1024; the oldest
					 * is evicted first */
	uint32_t	 ttl_max;	/* cap on cached TTLs, seconds; 0: 3600
					 * (temporary failures: never) */
	int		 nocache;	/* nonzero: no cache at all */
	int64_t		 budget_ms;	/* total time for one name, from its
					 * first submit to the result, all
					 * tries included; 0: 30000 */
};

/* A finished lookup. Everything belongs to the lookup handle. */
struct dk_dns_result {
	const char		*name;	/* as submitted, lowercased, no dot */
	void			*arg;	/* as submitted */
	enum dk_dns_rcode	 rcode;
	const char *const	*txt;	/* DK_DNS_OK: ntxt records, each with
					 * its strings joined (RFC 6376
					 * §3.6.2.2) */
	size_t			 ntxt;
	int			 dnssec; /* AD=1 from a loopback server; a
					  * remote resolver's AD is ignored */
	int			 cached; /* answered from the cache */
	int			 tcp;	/* the answer came over TCP */
};

/*
 * dk_resolver_new() returns DK_OK, DK_ENOMEM or DK_EINVAL (no conf, no
 * nameserver). dk_resolver_free() closes every socket and frees every
 * lookup in flight or finished but not collected; their handles are
 * then invalid. Lookups already collected stay the caller's to free.
 */
DK_WUR enum dk_status	 dk_resolver_new(struct dk_resolver **rp,
			    const struct dk_resolver_opts *opts);
void			 dk_resolver_free(struct dk_resolver *r);

/*
 * Look up the TXT records at name (at most 253 characters, a final dot
 * allowed) at time now. *lp gets the handle. A cached name finishes at
 * once: check dk_resolver_done() after submitting. Returns DK_OK,
 * DK_ENOMEM, or DK_EINVAL for a name that is not a domain name.
 */
DK_WUR enum dk_status	 dk_resolver_submit(struct dk_resolver *r,
			    const char *name, void *arg, int64_t now,
			    struct dk_dns_lookup **lp);

/*
 * Fill pfd[0..npfd) with the descriptors to poll and their events.
 * Returns how many there are; when that is more than npfd, only npfd were
 * filled: call again with a larger array (at most inflight_max entries
 * are ever needed).
 */
size_t			 dk_resolver_fds(struct dk_resolver *r,
			    struct pollfd *pfd, size_t npfd);

/*
 * The earliest time at which dk_resolver_process() must run; -1: none;
 * 0 (at once) after a lookup freed in flight has made room for one that
 * waits.
 */
int64_t			 dk_resolver_deadline(const struct dk_resolver *r);

/*
 * Handle the revents of pfd[0..npfd), as filled by the last
 * dk_resolver_fds() and returned by poll(2), and every deadline up to
 * now. pfd may be NULL (npfd 0) to handle timers only.
 */
void			 dk_resolver_process(struct dk_resolver *r,
			    const struct pollfd *pfd, size_t npfd,
			    int64_t now);

/* The next finished lookup, or NULL. The caller frees it. */
struct dk_dns_lookup	*dk_resolver_done(struct dk_resolver *r);

/*
 * The last try that failed (any server, any lookup), for front ends to
 * name the server in their logs. A burst is a run of failed tries with
 * no reply from a working server in between; burst counts them, so a
 * front end logs once per burst by remembering the last burst it
 * logged. rcode is how the try failed: DK_DNS_TIMEOUT, _UNREACHABLE,
 * _REFUSED, _SERVFAIL, _MALFORMED or _TCP. NULL before any failure.
 * Owned by the resolver, updated by dk_resolver_process() and
 * dk_resolver_submit().
 */
struct dk_dns_failure {
	enum dk_dns_rcode	 rcode;
	char			 server[DK_DNS_ADDR_MAX];	/* "ADDR:PORT" */
	uint64_t		 burst;		/* 1, 2, ...: which burst */
	int			 ongoing;	/* no good reply since */
};

const struct dk_dns_failure *
			 dk_resolver_last_failure(const struct dk_resolver *r);

/* Lookups submitted and not yet freed nor collected. */
size_t			 dk_resolver_pending(const struct dk_resolver *r);

/* The result of a finished lookup; NULL while it is in flight. */
const struct dk_dns_result *
			 dk_dns_lookup_result(const struct dk_dns_lookup *l);

/*
 * Free a lookup in any state: in flight (cancelled; its query stops when
 * no other lookup shares it), finished but not collected, or collected.
 */
void			 dk_dns_lookup_free(struct dk_dns_lookup *l);

/*
 * The blocking wrapper, for the CLI: look up every key the verifier asks
 * for now (at most qmax names per call, 0: DK_QUERIES_MAX; names past
 * that are left unanswered, so dk_verifier_finish() gives them
 * temperror; the verifier asks its names when the header block ends and
 * when the message ends, so a call at each sees them all). r must have
 * no other lookups. Wait with
 * poll(2) and CLOCK_MONOTONIC until all are answered, and answer them,
 * passing on the DNSSEC flag (dk_verifier_key_dnssec()). Returns DK_OK,
 * the status of dk_verifier_answer(), or DK_ENOMEM.
 */
DK_WUR enum dk_status	 dk_dns_resolve_verifier(struct dk_resolver *r,
			    struct dk_verifier *v, size_t qmax);

/*
 * Blocking, for the CLI: look up the TXT records at name and wait for
 * the result as above. r must have no other lookups. Returns the
 * finished lookup, which the caller frees with dk_dns_lookup_free(), or
 * NULL with *st DK_EINVAL (not a domain name) or DK_ENOMEM.
 */
struct dk_dns_lookup	*dk_dns_resolve_name(struct dk_resolver *r,
			    const char *name, enum dk_status *st);

#endif /* DK_RESOLVER_H */
