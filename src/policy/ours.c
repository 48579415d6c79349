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
 * Which sessions are ours. In auto mode a session is ours, and its mail
 * is signed, when it authenticated or when its source is in the
 * internal networks (default: 127.0.0.0/8, ::1 and the local socket);
 * everything else is verified (msg.c). This file answers the second
 * half: is a client address in the internal networks.
 */

#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "policy.h"

#define ADDR_TEXT_MAX	64	/* an IPv6 address in text, with slack */
#define LOCAL_WORD	"local"
#define UNIX_PREFIX	"unix:"	/* link-connect src on the local socket */
#define IPV6_PREFIX	"IPv6:"	/* Sendmail's spelling; no port follows */

static int
addr_parse(const char *s, struct cfg_net *net)
{
	memset(net->addr, 0, sizeof(net->addr));
	if (inet_pton(AF_INET, s, net->addr) == 1) {
		net->af = AF_INET;
		return 32;
	}
	if (inet_pton(AF_INET6, s, net->addr) == 1) {
		net->af = AF_INET6;
		return 128;
	}
	return -1;
}

/* see policy.h */
int
dk_policy_net_parse(const char *s, struct cfg_net *net)
{
	char buf[ADDR_TEXT_MAX];
	const char *slash;
	char *e;
	long plen;
	int max;

	memset(net, 0, sizeof(*net));
	if (strcmp(s, LOCAL_WORD) == 0) {
		net->af = AF_UNIX;
		return 0;
	}
	if ((slash = strchr(s, '/')) == NULL)
		slash = s + strlen(s);
	if ((size_t)(slash - s) >= sizeof(buf))
		return -1;
	memcpy(buf, s, (size_t)(slash - s));
	buf[slash - s] = '\0';
	if ((max = addr_parse(buf, net)) == -1)
		return -1;
	net->plen = (unsigned int)max;
	if (*slash == '\0')
		return 0;
	plen = strtol(slash + 1, &e, 10);
	if (e == slash + 1 || *e != '\0' || plen < 0 || plen > max)
		return -1;
	net->plen = (unsigned int)plen;
	return 0;
}

static int
net_match(const struct cfg_net *net, const struct cfg_net *a)
{
	unsigned int bytes = net->plen / 8, bits = net->plen % 8;
	uint8_t mask;

	if (net->af != a->af)
		return 0;
	if (net->af == AF_UNIX)
		return 1;
	if (memcmp(net->addr, a->addr, bytes) != 0)
		return 0;
	if (bits == 0)
		return 1;
	mask = (uint8_t)(0xff << (8 - bits));
	return (net->addr[bytes] & mask) == (a->addr[bytes] & mask);
}

/* An IPv4-mapped IPv6 address (RFC 4291 §2.5.5.2) is its IPv4 one. */
static void
unmap(struct cfg_net *a)
{
	static const uint8_t prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0xff, 0xff };

	if (a->af == AF_INET6 && memcmp(a->addr, prefix, 12) == 0) {
		memmove(a->addr, a->addr + 12, 4);
		memset(a->addr + 4, 0, 12);
		a->af = AF_INET;
	}
}

/*
 * The client's address from link-connect's src: "unix:PATH" on the local
 * socket, "ADDR:PORT", "[ADDR]:PORT", or a bare address; from a milter
 * connect, a bare address or Sendmail's "IPv6:ADDR". Returns -1 for
 * anything else.
 */
static int
src_parse(const char *src, size_t len, struct cfg_net *a)
{
	char buf[ADDR_TEXT_MAX];
	char *p = buf, *colon;

	memset(a, 0, sizeof(*a));
	if (len >= sizeof(UNIX_PREFIX) - 1 &&
	    memcmp(src, UNIX_PREFIX, sizeof(UNIX_PREFIX) - 1) == 0) {
		a->af = AF_UNIX;
		return 0;
	}
	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, src, len);
	buf[len] = '\0';
	if (*p == '[') {
		if ((colon = strchr(++p, ']')) == NULL)
			return -1;
		*colon = '\0';
	} else if (strncasecmp(p, IPV6_PREFIX, sizeof(IPV6_PREFIX) - 1) != 0 &&
	    addr_parse(p, a) == -1 && (colon = strrchr(p, ':')) != NULL)
		*colon = '\0';		/* drop the port */
	if (strncasecmp(p, IPV6_PREFIX, sizeof(IPV6_PREFIX) - 1) == 0)
		p += sizeof(IPV6_PREFIX) - 1;
	if (addr_parse(p, a) == -1)
		return -1;
	unmap(a);
	return 0;
}

/* see policy.h */
int
dk_policy_src_internal(const struct config *cfg, const char *src, size_t len)
{
	struct cfg_net a;
	size_t i;

	if (src == NULL || src_parse(src, len, &a) == -1)
		return 0;
	for (i = 0; i < cfg->nnets; i++)
		if (net_match(&cfg->nets[i], &a))
			return 1;
	return 0;
}
