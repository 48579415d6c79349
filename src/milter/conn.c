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
 * One connection from the MTA: option negotiation, the macros we read,
 * which sessions are ours, and the dispatch of every command. The MTA
 * sends one command and waits for its reply (SMFIC_MACRO, SMFIC_ABORT
 * and the quits have none), so while a message waits for its keys at
 * end of message, nothing more is read from its connection.
 *
 * Ours: a client that authenticated ({auth_authen}, sent with MAIL),
 * one in the internal networks, and the MTA's own submissions. Postfix
 * presents mail from sendmail(1) and pickup to non_smtpd_milters as a
 * connection from "localhost" at a loopback address with port 0
 * (cleanup_milter.c); no TCP client has port 0. A connection with no
 * address family (SMFIA_UNKNOWN) is not ours: Postfix sends it for an
 * SMTP client whose address it does not know (an XCLIENT ADDR of
 * [UNAVAILABLE], say), which may be anyone. Sendmail sends it for mail
 * submitted on its command line too; that mail is verified, unless it
 * comes in with -m sign.
 */

#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "milter.h"
#include "../policy/log.h"

#define ACTIONS		(SMFIF_ADDHDRS | SMFIF_CHGHDRS)
/*
 * RCPT is not skipped: one reply per recipient costs little, and
 * miltertest 2.11 exits when a script sends a step the milter skips.
 */
#define STEPS_SKIPPED	(SMFIP_NOHELO | SMFIP_NOUNKNOWN | \
			SMFIP_NODATA | SMFIP_HDR_LEADSPC)

static void
conn_fail(struct conn *c, const char *why)
{
	log_warnx("connection %llu: %s; closing it", (unsigned long long)c->id,
	    why);
	c->closing = 1;
}

/*
 * Whether c's MTA has closed the connection: it is not read while its
 * message waits for DNS, so only a look tells.
 */
int
dk_milter_conn_gone(struct conn *c)
{
	ssize_t n;
	char b;

	if ((n = recv(c->fd, &b, 1, MSG_PEEK | MSG_DONTWAIT)) >= 0)
		return n == 0;
	return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
}

static void
reply_continue(struct conn *c)
{
	if (dk_milter_wire_reply(c, SMFIR_CONTINUE, NULL, 0, NULL, 0) == -1)
		conn_fail(c, "out of memory");
}

static void
on_optneg(struct conn *c, const char *p, size_t len)
{
	uint32_t version, actions, steps;

	if (len < 12) {
		conn_fail(c, "short option negotiation");
		return;
	}
	version = dk_milter_wire_u32(p);
	actions = dk_milter_wire_u32(p + 4);
	steps = dk_milter_wire_u32(p + 8);
	if (version < MILTER_VERSION_MIN) {
		conn_fail(c, "milter protocol version under 2");
		return;
	}
	if ((actions & ACTIONS) != ACTIONS) {
		conn_fail(c, "the MTA allows no header changes");
		return;
	}
	c->version = version < MILTER_VERSION ? version : MILTER_VERSION;
	steps &= STEPS_SKIPPED;
	c->leadspc = (steps & SMFIP_HDR_LEADSPC) != 0;
	c->negotiated = 1;
	if (dk_milter_wire_optneg(c, c->version, ACTIONS, steps) == -1)
		conn_fail(c, "out of memory");
}

static int
macro_is(const char *name, const char *want)
{
	size_t n = strlen(want);

	if (strcmp(name, want) == 0)
		return 1;
	return name[0] == '{' && strncmp(name + 1, want, n) == 0 &&
	    name[n + 1] == '}' && name[n + 2] == '\0';
}

/* The macros come before their command: {auth_authen} and i. */
static void
on_macro(struct conn *c, const char *p, size_t len)
{
	const char *end = p + len, *name, *value;

	if (len == 0)
		return;
	if (*p++ == SMFIC_MAIL)
		c->auth = 0;	/* each MAIL says it again */
	while ((name = dk_milter_wire_str(&p, end)) != NULL &&
	    (value = dk_milter_wire_str(&p, end)) != NULL) {
		if (macro_is(name, "auth_authen"))
			c->auth = value[0] != '\0';
		else if (macro_is(name, "i"))
			(void)snprintf(c->qid, sizeof(c->qid), "%s", value);
	}
}

/* MAIL: the envelope sender, for the log, without its angle brackets. */
static void
on_mail(struct conn *c, const char *p, size_t len)
{
	const char *from;
	size_t n;

	c->mailfrom[0] = '\0';
	if ((from = dk_milter_wire_str(&p, p + len)) == NULL)
		return;
	if (from[0] == '<')
		from++;
	n = strlen(from);
	if (n > 0 && from[n - 1] == '>')
		n--;
	if (n >= sizeof(c->mailfrom))
		n = sizeof(c->mailfrom) - 1;
	memcpy(c->mailfrom, from, n);
	c->mailfrom[n] = '\0';
}

static int
loopback(int af, const char *addr)
{
	struct in6_addr a6;
	struct in_addr a4;

	if (af == AF_INET)
		return inet_pton(AF_INET, addr, &a4) == 1 &&
		    (ntohl(a4.s_addr) >> 24) == 127;
	if (strncasecmp(addr, "IPv6:", 5) == 0)	/* Sendmail's spelling */
		addr += 5;
	return inet_pton(AF_INET6, addr, &a6) == 1 &&
	    IN6_IS_ADDR_LOOPBACK(&a6);
}

/*
 * Ours by where the client is: the internal networks, or the MTA's own
 * submissions from "localhost" at a loopback address and port 0
 * (Postfix). No address at all (SMFIA_UNKNOWN) says nothing of where
 * the client is: not ours.
 */
static int
client_internal(const struct config *cfg, char fam, const char *host,
    unsigned int port, const char *addr)
{
	switch (fam) {
	case SMFIA_UNIX:
		return dk_policy_src_internal(cfg, "unix:", 5);
	case SMFIA_INET:
	case SMFIA_INET6:
		return dk_policy_src_internal(cfg, addr, strlen(addr)) ||
		    (port == 0 && strcmp(host, "localhost") == 0 &&
		    loopback(fam == SMFIA_INET ? AF_INET : AF_INET6, addr));
	default:
		return 0;
	}
}

static void
on_connect(struct conn *c, const char *p, size_t len)
{
	const char *end = p + len, *host, *addr = "";
	char fam = SMFIA_UNKNOWN;
	unsigned int port = 0;

	dk_milter_conn_reset(c);
	if ((host = dk_milter_wire_str(&p, end)) == NULL) {
		conn_fail(c, "malformed connect");
		return;
	}
	if (p < end)
		fam = *p++;
	if (fam != SMFIA_UNKNOWN) {
		if (end - p < 2) {
			conn_fail(c, "malformed connect address");
			return;
		}
		port = (unsigned int)(unsigned char)p[0] << 8 |
		    (unsigned char)p[1];
		p += 2;
		if ((addr = dk_milter_wire_str(&p, end)) == NULL) {
			conn_fail(c, "malformed connect address");
			return;
		}
	}
	(void)snprintf(c->client, sizeof(c->client), "%s", addr[0] != '\0' ?
	    addr : host);
	c->internal = client_internal(c->mt->cfg, fam, host, port, addr);
	reply_continue(c);
}

static void
on_header(struct conn *c, const char *p, size_t len)
{
	const char *end = p + len, *name, *value;

	if ((name = dk_milter_wire_str(&p, end)) == NULL ||
	    (value = dk_milter_wire_str(&p, end)) == NULL) {
		conn_fail(c, "malformed header");
		return;
	}
	if (c->msg == NULL && dk_milter_msg_start(c) == -1) {
		conn_fail(c, "out of memory");
		return;
	}
	dk_milter_msg_header(c, name, value);
	reply_continue(c);
}

/* The end of the header block, once per message, even when not sent. */
static int
msg_body_ready(struct conn *c)
{
	if (c->msg == NULL && dk_milter_msg_start(c) == -1)
		return -1;
	if (c->msg->state == MMSG_HEADER)
		dk_milter_msg_eoh(c);
	return 0;
}

static void
on_body(struct conn *c, const char *p, size_t len, int last)
{
	if (msg_body_ready(c) == -1) {
		conn_fail(c, "out of memory");
		return;
	}
	if (len > 0)
		dk_milter_msg_body(c, p, len);
	if (!last) {
		reply_continue(c);
		return;
	}
	c->eom = 1;
	dk_milter_msg_eom(c);
}

/* Connection state back to a fresh connect; the negotiation stays. */
void
dk_milter_conn_reset(struct conn *c)
{
	dk_milter_msg_free(c);
	c->internal = 0;
	c->auth = 0;
	c->client[0] = '\0';
	c->qid[0] = '\0';
	c->mailfrom[0] = '\0';
}

static void
on_command(struct conn *c, char cmd, const char *p, size_t len)
{
	if (!c->negotiated && cmd != SMFIC_OPTNEG) {
		conn_fail(c, "a command before option negotiation");
		return;
	}
	switch (cmd) {
	case SMFIC_OPTNEG:
		on_optneg(c, p, len);
		return;
	case SMFIC_MACRO:
		on_macro(c, p, len);
		return;
	case SMFIC_CONNECT:
		on_connect(c, p, len);
		return;
	case SMFIC_MAIL:
		dk_milter_msg_free(c);	/* a new transaction */
		on_mail(c, p, len);
		reply_continue(c);
		return;
	case SMFIC_HELO:
	case SMFIC_RCPT:
	case SMFIC_DATA:
	case SMFIC_UNKNOWN:
		reply_continue(c);
		return;
	case SMFIC_HEADER:
		on_header(c, p, len);
		return;
	case SMFIC_EOH:
		if (msg_body_ready(c) == -1) {
			conn_fail(c, "out of memory");
			return;
		}
		reply_continue(c);
		return;
	case SMFIC_BODY:
		on_body(c, p, len, 0);
		return;
	case SMFIC_BODYEOB:
		on_body(c, p, len, 1);
		return;
	case SMFIC_ABORT:
		dk_milter_msg_free(c);
		return;
	case SMFIC_QUIT_NC:
		dk_milter_conn_reset(c);
		return;
	case SMFIC_QUIT:
		c->closing = 1;
		return;
	default:
		conn_fail(c, "unknown command");
		return;
	}
}

/* Handle every whole frame in c->in, until one must wait for DNS. */
void
dk_milter_conn_input(struct conn *c)
{
	const char *data;
	size_t off = 0, dlen;
	ssize_t n;
	char cmd;

	while (!c->closing && !c->eom) {
		n = dk_milter_wire_frame(c->in + off, c->inlen - off, &cmd,
		    &data, &dlen);
		if (n == 0)
			break;
		if (n < 0) {
			conn_fail(c, "malformed frame");
			break;
		}
		off += (size_t)n;
		on_command(c, cmd, data, dlen);
	}
	c->inlen -= off;
	memmove(c->in, c->in + off, c->inlen);
}
