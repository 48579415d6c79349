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
 * (all declared in dkimkit.h, which documents them)
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

/*
 * The public interface (dkimkit.h) declares the resolver's functions,
 * dk_resolver_opts and dk_dns_result; dk_resolver_new() there reads
 * resolv.conf or a server string into a dk_dns_conf and calls this one.
 *
 * dk_resolver_new_conf() starts a resolver on conf (copied), with opts
 * (NULL: the defaults; opts->server is not read). Returns DK_OK,
 * DK_ENOMEM or DK_EINVAL (no nameserver, a bad timeout or attempts).
 */
DK_WUR enum dk_status	 dk_resolver_new_conf(struct dk_resolver **rp,
			    const struct dk_resolver_opts *opts,
			    const struct dk_dns_conf *conf);

/* Take opts into dst, which holds the defaults: 0, or -1 (bad size). */
int			 dk_resolver_opts_copy(struct dk_resolver_opts *dst,
			    const struct dk_resolver_opts *src);

/*
 * Blocking, for dk_key_check_published(): look up the TXT records at
 * names[0..n) at once and wait for them as dk_dns_resolve_verifier()
 * does: the wait is that of the slowest, never the sum. r must have no
 * other lookups. out[i] gets the finished lookup of names[i], which the
 * caller frees with dk_dns_lookup_free(), or NULL when names[i] is not
 * a domain name. Returns DK_OK, or DK_ENOMEM with every out[i] NULL.
 */
DK_WUR enum dk_status	 dk_dns_resolve_names(struct dk_resolver *r,
			    const char *const *names, size_t n,
			    struct dk_dns_lookup **out);

#endif /* DK_RESOLVER_H */
