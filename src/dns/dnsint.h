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
 * Inside src/dns's resolver: the pieces shared by its files. query.c is
 * the one file that knows ldns; cache.c and conf.c are pure (the clock is
 * an argument), so tests/test_resolver.c tests them directly.
 */

#ifndef DK_DNSINT_H
#define DK_DNSINT_H

#include <stddef.h>
#include <stdint.h>

#include "resolver.h"

#define DK_DNS_NAME_MAX		253	/* RFC 1035 §2.3.4: 255 octets on the
					 * wire is 253 characters as text */
#define DK_DNS_QUERY_MAX	300	/* header 12 + name 255 + type and
					 * class 4 + EDNS0 OPT 11 */
#define DK_DNS_REPLY_MAX	65535	/* RFC 1035 §4.2.2: TCP length prefix
					 * is 16 bits; no reply is longer */
#define DK_DNS_EDNS_SIZE	1232	/* EDNS0 UDP payload: fits an IPv6
					 * minimum MTU without fragments */
#define DK_DNS_CNAME_MAX	8	/* CNAME links followed in an answer */

/* What a reply that matches its query says. */
struct dk_dns_answer {
	enum dk_dns_rcode	 rcode;
	char			**txt;		/* DK_DNS_OK: ntxt strings */
	size_t			 ntxt;
	uint32_t		 ttl;		/* seconds it may be cached */
	int			 ad;		/* AD=1 */
	int			 tc;		/* TC=1: ask again over TCP */
	int			 tcp;		/* it came over TCP */
};

/*
 * query.c. dk_dns_query_build() writes the wire query for TXT at name
 * (lowercase, no final dot) with ID id, RD=1, AD=1 (RFC 6840 §5.7) and
 * EDNS0, into buf[0..DK_DNS_QUERY_MAX). Returns its length, or 0 when
 * name is not a domain name or memory ran out.
 */
size_t	dk_dns_query_build(const char *name, uint16_t id, uint8_t *buf);

/*
 * Match reply[0..rlen) to query[0..qlen) (as built above): same ID,
 * QR=1, opcode QUERY, one question equal to ours (name without case,
 * type, class). Returns -1 when it does not match: drop it. Else 0 with
 * *ans filled; a matching reply that cannot be parsed gives
 * DK_DNS_MALFORMED. Free with dk_dns_answer_clear().
 */
int	dk_dns_reply_parse(const uint8_t *query, size_t qlen,
	    const uint8_t *reply, size_t rlen, struct dk_dns_answer *ans);
void	dk_dns_answer_clear(struct dk_dns_answer *ans);

/*
 * conf.c. Parse resolv.conf text buf[0..len) into conf (which must have
 * been set to the defaults with dk_dns_conf_defaults()), and a server
 * "ADDR[:PORT]" into conf->ns[conf->nns++]. Both return 0, or -1 with a
 * message in err[0..DK_DNS_ERR_MAX).
 */
void	dk_dns_conf_defaults(struct dk_dns_conf *conf);
int	dk_dns_conf_parse(struct dk_dns_conf *conf, const char *buf,
	    size_t len, char *err);
int	dk_dns_conf_server(struct dk_dns_conf *conf, const char *spec,
	    char *err);
/* Nonzero when the address is loopback (127.0.0.0/8, ::1). */
int	dk_dns_addr_loopback(const struct sockaddr_storage *ss);
/* The address as "ADDR:PORT" or "[IPV6]:PORT" in buf[0..DK_DNS_ADDR_MAX). */
void	dk_dns_addr_str(const struct sockaddr_storage *ss, char *buf);

/*
 * cache.c: answers by name (lowercase, no final dot), with the time in
 * ms passed in. dk_dns_cache_put() keeps a copy of ans when it may be
 * cached (DK_DNS_OK, NXDOMAIN, NODATA with a TTL over 0; the TTL capped
 * at ttl_max), evicting the oldest entry when full; it returns -1 only
 * when memory ran out. dk_dns_cache_get() gives a live entry's answer,
 * owned by the cache until the next put or free, or NULL.
 */
struct dk_dns_cache;

struct dk_dns_cache *
	dk_dns_cache_new(size_t max, uint32_t ttl_max);
void	dk_dns_cache_free(struct dk_dns_cache *c);
int	dk_dns_cache_put(struct dk_dns_cache *c, const char *name,
	    const struct dk_dns_answer *ans, int64_t now);
const struct dk_dns_answer *
	dk_dns_cache_get(struct dk_dns_cache *c, const char *name,
	    int64_t now);
size_t	dk_dns_cache_count(const struct dk_dns_cache *c);

/*
 * transport.c: one try of a query on one server, over UDP (a connected
 * socket of its own, on a port the kernel picks, RFC 5452 §9.2) or TCP
 * (RFC 7766: a two-byte length before each message; reads and writes may
 * stop anywhere). The query bytes are borrowed and must stay put.
 */
struct dk_dns_xfer {
	int		 fd;		/* -1: closed */
	int		 tcp;
	int		 connected;	/* TCP: the connect finished */
	uint8_t		 out[2 + DK_DNS_QUERY_MAX];	/* TCP: prefix, query */
	size_t		 outlen, woff;
	uint8_t		 lenb[2];	/* TCP: the reply's length prefix */
	uint8_t		*in;		/* TCP: the reply, rneed bytes */
	size_t		 roff, rneed;
	int		 unreach;	/* the try failed on an ICMP error */
	int		 error;		/* the try failed on this host:
					 * its errno (no socket, no
					 * route, no buffer) */
};

enum dk_dns_xfer_st {
	DK_DNS_XFER_WAIT,	/* nothing more for now */
	DK_DNS_XFER_REPLY,	/* a whole message: check and maybe drop it */
	DK_DNS_XFER_FAIL	/* this try failed (refused, reset, EOF);
				 * unreach says whether the network or
				 * the server's host said so (ICMP) */
};

void	dk_dns_xfer_init(struct dk_dns_xfer *x);
/*
 * Open and send. Returns 0, or -1 when the try failed at once: unreach
 * or error says why.
 */
int	dk_dns_xfer_udp(struct dk_dns_xfer *x, const struct sockaddr_storage *ss,
	    socklen_t sslen, const uint8_t *query, size_t qlen);
int	dk_dns_xfer_tcp(struct dk_dns_xfer *x, const struct sockaddr_storage *ss,
	    socklen_t sslen, const uint8_t *query, size_t qlen);
/* The poll(2) events the transfer waits for. */
short	dk_dns_xfer_events(const struct dk_dns_xfer *x);
/*
 * Make progress. A UDP datagram is read into ubuf[0..DK_DNS_REPLY_MAX).
 * On DK_DNS_XFER_REPLY, *reply[0..*rlen) is valid until the next call.
 */
enum dk_dns_xfer_st
	dk_dns_xfer_io(struct dk_dns_xfer *x, uint8_t *ubuf,
	    const uint8_t **reply, size_t *rlen);
void	dk_dns_xfer_close(struct dk_dns_xfer *x);

/* A copy of src->txt into dst (other fields copied as they are). */
int	dk_dns_answer_copy(struct dk_dns_answer *dst,
	    const struct dk_dns_answer *src);

#endif /* DK_DNSINT_H */
