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
 * One try of a query, on non-blocking sockets. UDP: a socket per try,
 * connected to the server, so the kernel picks a fresh source port
 * (RFC 5452 §9.2), delivers only datagrams from the server's address and
 * port, and reports ICMP port unreachable as ECONNREFUSED at once. TCP
 * (RFC 7766 §8): each message carries a two-byte length first; a send or
 * a recv may stop anywhere, so offsets are kept across calls.
 */

#include <sys/types.h>
#include <sys/socket.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dnsint.h"

/* see dnsint.h */
void
dk_dns_xfer_init(struct dk_dns_xfer *x)
{
	memset(x, 0, sizeof(*x));
	x->fd = -1;
}

/*
 * The errors by which the network or the server's host answers a
 * datagram (ICMP port, host or network unreachable): the server is not
 * there, and waiting for it cannot help.
 */
static int
is_unreach(int err)
{
	return err == ECONNREFUSED || err == EHOSTUNREACH ||
	    err == ENETUNREACH;
}

/* A try that failed before anything went out, with errno err. */
static void
fail_at_once(struct dk_dns_xfer *x, int err)
{
	if (is_unreach(err))
		x->unreach = 1;
	else
		x->error = err;
}

static int
open_socket(int family, int type)
{
	int fd, fl, saved;

	if ((fd = socket(family, type, 0)) == -1)
		return -1;
	if ((fl = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, fl | O_NONBLOCK) == -1 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

/* see dnsint.h */
int
dk_dns_xfer_udp(struct dk_dns_xfer *x, const struct sockaddr_storage *ss,
    socklen_t sslen, const uint8_t *query, size_t qlen)
{
	ssize_t n = -1;
	int err;

	dk_dns_xfer_close(x);
	if ((x->fd = open_socket(ss->ss_family, SOCK_DGRAM)) == -1) {
		x->error = errno;
		return -1;
	}
	if (connect(x->fd, (const struct sockaddr *)ss, sslen) == -1 ||
	    (n = send(x->fd, query, qlen, 0)) != (ssize_t)qlen) {
		/* a short send sets no errno: what it holds is stale */
		err = n == -1 ? errno : EMSGSIZE;
		dk_dns_xfer_close(x);
		fail_at_once(x, err);
		return -1;
	}
	return 0;
}

/* see dnsint.h */
int
dk_dns_xfer_tcp(struct dk_dns_xfer *x, const struct sockaddr_storage *ss,
    socklen_t sslen, const uint8_t *query, size_t qlen)
{
	int err;

	dk_dns_xfer_close(x);
	if ((x->fd = open_socket(ss->ss_family, SOCK_STREAM)) == -1) {
		x->error = errno;
		return -1;
	}
	x->tcp = 1;
	if (connect(x->fd, (const struct sockaddr *)ss, sslen) == 0)
		x->connected = 1;
	else if (errno != EINPROGRESS) {
		err = errno;
		dk_dns_xfer_close(x);
		fail_at_once(x, err);
		return -1;
	}
	x->out[0] = (uint8_t)(qlen >> 8);
	x->out[1] = (uint8_t)qlen;
	memcpy(x->out + 2, query, qlen);
	x->outlen = 2 + qlen;
	return 0;
}

/* see dnsint.h */
short
dk_dns_xfer_events(const struct dk_dns_xfer *x)
{
	if (x->tcp && (!x->connected || x->woff < x->outlen))
		return POLLOUT;
	return POLLIN;
}

static enum dk_dns_xfer_st
udp_read(struct dk_dns_xfer *x, uint8_t *ubuf, const uint8_t **reply,
    size_t *rlen)
{
	ssize_t n;

	if ((n = recv(x->fd, ubuf, DK_DNS_REPLY_MAX, 0)) == -1) {
		if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
			return DK_DNS_XFER_WAIT;
		x->unreach = is_unreach(errno);
		return DK_DNS_XFER_FAIL;
	}
	*reply = ubuf;
	*rlen = (size_t)n;
	return DK_DNS_XFER_REPLY;
}

/* 1: would block, 0: done, -1: failed. */
static int
tcp_again(ssize_t n)
{
	if (n > 0)
		return 0;
	if (n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK ||
	    errno == EINTR))
		return 1;
	return -1;	/* an error, or EOF before the reply was whole */
}

static int
tcp_connect_write(struct dk_dns_xfer *x)
{
	socklen_t len = sizeof(int);
	ssize_t n;
	int err = 0, rc;

	if (!x->connected) {
		/* a non-blocking connect is over when the socket is writable */
		if (poll(&(struct pollfd){ x->fd, POLLOUT, 0 }, 1, 0) < 1)
			return 1;
		if (getsockopt(x->fd, SOL_SOCKET, SO_ERROR, &err, &len) == -1 ||
		    err != 0)
			return -1;
		x->connected = 1;
	}
	while (x->woff < x->outlen) {
		n = send(x->fd, x->out + x->woff, x->outlen - x->woff,
		    MSG_NOSIGNAL);
		if ((rc = tcp_again(n)) != 0)
			return rc;
		x->woff += (size_t)n;
	}
	return 0;
}

/* Read into buf[*off..want); 0 when it is full. */
static int
tcp_fill(int fd, uint8_t *buf, size_t *off, size_t want)
{
	ssize_t n;
	int rc;

	while (*off < want) {
		n = recv(fd, buf + *off, want - *off, 0);
		if ((rc = tcp_again(n)) != 0)
			return rc;
		*off += (size_t)n;
	}
	return 0;
}

static enum dk_dns_xfer_st
tcp_io(struct dk_dns_xfer *x, const uint8_t **reply, size_t *rlen)
{
	size_t lenoff;
	int rc;

	if ((rc = tcp_connect_write(x)) != 0)
		return rc == 1 ? DK_DNS_XFER_WAIT : DK_DNS_XFER_FAIL;
	if (x->in == NULL) {
		lenoff = x->roff;
		rc = tcp_fill(x->fd, x->lenb, &lenoff, sizeof(x->lenb));
		x->roff = lenoff;
		if (rc != 0)
			return rc == 1 ? DK_DNS_XFER_WAIT : DK_DNS_XFER_FAIL;
		/* RFC 1035 §4.2.2: the length is 16 bits, so bounded */
		x->rneed = (size_t)x->lenb[0] << 8 | x->lenb[1];
		if (x->rneed == 0 || (x->in = malloc(x->rneed)) == NULL)
			return DK_DNS_XFER_FAIL;
		x->roff = 0;
	}
	if ((rc = tcp_fill(x->fd, x->in, &x->roff, x->rneed)) != 0)
		return rc == 1 ? DK_DNS_XFER_WAIT : DK_DNS_XFER_FAIL;
	*reply = x->in;
	*rlen = x->rneed;
	return DK_DNS_XFER_REPLY;
}

/* see dnsint.h */
enum dk_dns_xfer_st
dk_dns_xfer_io(struct dk_dns_xfer *x, uint8_t *ubuf, const uint8_t **reply,
    size_t *rlen)
{
	if (x->fd == -1)
		return DK_DNS_XFER_FAIL;
	if (!x->tcp)
		return udp_read(x, ubuf, reply, rlen);
	/* the message handed out last time was dropped: read the next one */
	if (x->in != NULL && x->roff == x->rneed) {
		free(x->in);
		x->in = NULL;
		x->roff = 0;
	}
	return tcp_io(x, reply, rlen);
}

/* see dnsint.h */
void
dk_dns_xfer_close(struct dk_dns_xfer *x)
{
	if (x->fd != -1)
		close(x->fd);
	free(x->in);
	dk_dns_xfer_init(x);
}
