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
 * Where to send key queries: resolv.conf(5) ("nameserver ADDR", "options
 * timeout:N attempts:N"), or one server given as "ADDR[:PORT]" (the
 * --resolver option). Parsing is pure; dk_dns_conf_init() reads the file.
 */

#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dnsint.h"

#define RESOLV_CONF	"/etc/resolv.conf"
#define CONF_MAX	65536	/* resolv.conf bytes read; real ones are
				 * a few hundred */
#define LINE_MAX_LEN	1024	/* one resolv.conf line; longer ones are
				 * an error rather than cut */
#define ADDR_TEXT_MAX	64	/* an IPv6 address with a zone index */
#define DNS_PORT	53

/* see dnsint.h */
void
dk_dns_conf_defaults(struct dk_dns_conf *conf)
{
	memset(conf, 0, sizeof(*conf));
	conf->timeout_ms = DK_DNS_TIMEOUT_DEFAULT;
	conf->attempts = DK_DNS_ATTEMPTS_DEFAULT;
}

/* Text address addr and port into conf's next slot. */
static int
conf_add(struct dk_dns_conf *conf, const char *addr, unsigned port,
    char *err)
{
	struct sockaddr_in *sin;
	struct sockaddr_in6 *sin6;
	struct sockaddr_storage *ss;

	if (conf->nns == DK_DNS_NS_MAX)
		return 0;	/* like libc: servers past MAXNS are ignored */
	ss = &conf->ns[conf->nns];
	memset(ss, 0, sizeof(*ss));
	sin = (struct sockaddr_in *)ss;
	sin6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET, addr, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)port);
		conf->nslen[conf->nns++] = sizeof(*sin);
		return 0;
	}
	if (inet_pton(AF_INET6, addr, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)port);
		conf->nslen[conf->nns++] = sizeof(*sin6);
		return 0;
	}
	snprintf(err, DK_DNS_ERR_MAX, "%.64s: not an IPv4 or IPv6 address",
	    addr);
	return -1;
}

/* A decimal number in [lo, hi] making up all of s. */
static int
parse_uint(const char *s, unsigned lo, unsigned hi, unsigned *v)
{
	unsigned long n;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < lo || n > hi)
		return -1;
	*v = (unsigned)n;
	return 0;
}

/* see dnsint.h: "ADDR", "ADDR:PORT", "IPV6", "[IPV6]" or "[IPV6]:PORT" */
int
dk_dns_conf_server(struct dk_dns_conf *conf, const char *spec, char *err)
{
	char addr[ADDR_TEXT_MAX];
	const char *colon, *close, *port = NULL;
	size_t len;
	unsigned p = DNS_PORT;

	len = strlen(spec);
	if (spec[0] == '[') {
		if ((close = strchr(spec, ']')) == NULL ||
		    (close[1] != '\0' && close[1] != ':'))
			goto bad;
		if (close[1] == ':')
			port = close + 2;
		spec++;
		len = (size_t)(close - spec);
	} else if ((colon = strchr(spec, ':')) != NULL &&
	    strchr(colon + 1, ':') == NULL) {
		/* one colon: IPv4 with a port; more: a bare IPv6 address */
		port = colon + 1;
		len = (size_t)(colon - spec);
	}
	if (len == 0 || len >= sizeof(addr))
		goto bad;
	memcpy(addr, spec, len);
	addr[len] = '\0';
	if (port != NULL && parse_uint(port, 1, 65535, &p) == -1) {
		snprintf(err, DK_DNS_ERR_MAX, "%.16s: not a port number",
		    port);
		return -1;
	}
	return conf_add(conf, addr, p, err);
bad:
	snprintf(err, DK_DNS_ERR_MAX, "%.64s: not ADDR[:PORT]", spec);
	return -1;
}

/* "timeout:N" or "attempts:N"; other options are libc's business. */
static void
conf_option(struct dk_dns_conf *conf, const char *opt)
{
	unsigned v;

	if (strncmp(opt, "timeout:", 8) == 0 &&
	    parse_uint(opt + 8, 1, DK_DNS_TIMEOUT_MAX / 1000, &v) == 0)
		conf->timeout_ms = (int)v * 1000;
	else if (strncmp(opt, "attempts:", 9) == 0 &&
	    parse_uint(opt + 9, 1, DK_DNS_ATTEMPTS_MAX, &v) == 0)
		conf->attempts = (int)v;
}

/* One line, NUL-terminated and writable. */
static int
conf_line(struct dk_dns_conf *conf, char *line, char *err)
{
	static const char sep[] = " \t\r";
	char *word, *save;

	if ((word = strtok_r(line, sep, &save)) == NULL ||
	    word[0] == '#' || word[0] == ';')
		return 0;
	if (strcmp(word, "nameserver") == 0) {
		if ((word = strtok_r(NULL, sep, &save)) == NULL)
			return 0;
		/* a zone index ("fe80::1%eth0") is not supported: skip it */
		if (strchr(word, '%') != NULL)
			return 0;
		return conf_add(conf, word, DNS_PORT, err);
	}
	if (strcmp(word, "options") == 0)
		while ((word = strtok_r(NULL, sep, &save)) != NULL)
			conf_option(conf, word);
	return 0;
}

/* see dnsint.h */
int
dk_dns_conf_parse(struct dk_dns_conf *conf, const char *buf, size_t len,
    char *err)
{
	char line[LINE_MAX_LEN];
	const char *p, *end = buf + len, *nl;
	size_t n, lineno = 0;

	for (p = buf; p < end; p = nl + 1) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((n = (size_t)(nl - p)) >= sizeof(line)) {
			snprintf(err, DK_DNS_ERR_MAX, "line %zu: too long",
			    lineno);
			return -1;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		if (memchr(line, '\0', n) != NULL)
			continue;
		if (conf_line(conf, line, err) == -1)
			return -1;
	}
	return 0;
}

/* RESOLV_CONF into conf; a missing file leaves the defaults. */
static int
conf_read(struct dk_dns_conf *conf, char *err)
{
	char *buf;
	size_t len;
	FILE *fp;
	int rc;

	if ((fp = fopen(RESOLV_CONF, "r")) == NULL)
		return 0;
	if ((buf = malloc(CONF_MAX)) == NULL) {
		fclose(fp);
		snprintf(err, DK_DNS_ERR_MAX, "out of memory");
		return -1;
	}
	len = fread(buf, 1, CONF_MAX, fp);
	if (ferror(fp)) {
		snprintf(err, DK_DNS_ERR_MAX, "%s: read error", RESOLV_CONF);
		rc = -1;
	} else
		rc = dk_dns_conf_parse(conf, buf, len, err);
	free(buf);
	fclose(fp);
	return rc;
}

/* see resolver.h */
int
dk_dns_conf_init(struct dk_dns_conf *conf, const char *server, char *err)
{
	dk_dns_conf_defaults(conf);
	if (server != NULL)
		return dk_dns_conf_server(conf, server, err);
	if (conf_read(conf, err) == -1)
		return -1;
	/* resolv.conf(5): no nameserver line means the local host */
	if (conf->nns == 0)
		return conf_add(conf, "127.0.0.1", DNS_PORT, err);
	return 0;
}

/* see dnsint.h */
int
dk_dns_addr_loopback(const struct sockaddr_storage *ss)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)ss;
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)ss;

	if (ss->ss_family == AF_INET)
		return (ntohl(sin->sin_addr.s_addr) >> 24) == 127;
	if (ss->ss_family == AF_INET6)
		return IN6_IS_ADDR_LOOPBACK(&sin6->sin6_addr);
	return 0;
}

/* see dnsint.h */
void
dk_dns_addr_str(const struct sockaddr_storage *ss, char *buf)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)ss;
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)ss;
	char a[INET6_ADDRSTRLEN];

	if (ss->ss_family == AF_INET &&
	    inet_ntop(AF_INET, &sin->sin_addr, a, sizeof(a)) != NULL)
		snprintf(buf, DK_DNS_ADDR_MAX, "%s:%u", a,
		    (unsigned)ntohs(sin->sin_port));
	else if (ss->ss_family == AF_INET6 &&
	    inet_ntop(AF_INET6, &sin6->sin6_addr, a, sizeof(a)) != NULL)
		snprintf(buf, DK_DNS_ADDR_MAX, "[%s]:%u", a,
		    (unsigned)ntohs(sin6->sin6_port));
	else
		snprintf(buf, DK_DNS_ADDR_MAX, "(unknown address)");
}
