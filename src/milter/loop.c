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
 * The socket and the loop: one thread polls the listening socket, every
 * MTA connection and the resolver's sockets, and wakes for the nearest
 * DNS or message deadline. SIGHUP, SIGTERM and SIGINT are let in only
 * while it waits, so none slips between a check and the wait. A
 * connection is read only while it owes no reply that waits for DNS
 * and has no replies left unwritten, so the memory of each stays
 * bounded by one frame and its replies. One that has sent no whole
 * frame and read no reply for MILTER_IDLE_MS, while its reply waits for
 * no DNS, is closed; when the table is full, the one idle longest makes
 * room for a new one, so idle connections can never lock the MTA out.
 */

#include <sys/types.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "milter.h"
#include "sockspec.h"
#include "../policy/log.h"

#define READ_CHUNK	(16 * 1024)
#define LISTEN_BACKLOG	128
#define ACCEPT_RETRY_MS	1000	/* out of descriptors */
#define LOCK_TRIES	50	/* for the socket's directory, */
#define LOCK_WAIT_MS	100	/* this far apart: 5 s in all */

/*
 * struct milter's full: ACCEPT_OPEN, the listener is polled; else out
 * of descriptors, a spell, with these bits.
 */
#define ACCEPT_OPEN	0
#define ACCEPT_EVICTED	0x1	/* an idle connection went for it */
#define ACCEPT_LOGGED	0x2	/* the wait is said */

/*
 * What is at path may go only when it is a socket nobody answers on: a
 * stale one from an earlier run. Any other file is an operator's
 * mistake (-p naming the configuration file, say), which
 * dk_milter_sockspec() refuses, and a socket that answers is another
 * milter's: taking it over would leave that one running but out of the
 * MTA's reach.
 */
static void
unix_clear(const char *path, const struct sockaddr_un *sun)
{
	struct stat st;
	int fd, e;

	if (lstat(path, &st) == -1) {
		if (errno == ENOENT)
			return;
		fatal("-p %s", path);
	}
	if (!S_ISSOCK(st.st_mode))	/* since dk_milter_sockspec() looked */
		fatalx("-p %s: replaced by a file that is not a socket "
		    "while the milter started; choose another -p", path);
	/* nonblocking: a listener that never accepts must not stall us */
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0)) == -1)
		fatal("socket");
	e = connect(fd, (const struct sockaddr *)sun, sizeof(*sun)) == 0 ?
	    0 : errno;
	(void)close(fd);
	if (e == 0)
		fatalx("another dkimkit-milter is listening on %s; stop it "
		    "or choose another -p", path);
	if (e == EAGAIN)	/* Linux: its queue is full */
		fatalx("a process is listening on %s but not accepting; stop "
		    "it or choose another -p", path);
	if (e != ECONNREFUSED) {
		errno = e;
		fatal("-p %s: cannot tell whether it is in use", path);
	}
	if (unlink(path) == -1 && errno != ENOENT)
		fatal("-p %s: removing the stale socket", path);
}

/* dir_lock() could not have the lock, for errno e: carry on, say so. */
static void
dir_unlocked(const char *path, const char *dir, int e)
{
	char fix[64] = "";

	if (e == EACCES)
		(void)snprintf(fix, sizeof(fix), "; let uid %lu read it to "
		    "have it locked", (unsigned long)geteuid());
	log_warnx("-p %s: cannot lock %s (%s): two milters started there at "
	    "once could remove each other's socket%s", path, dir,
	    strerror(e), fix);
}

/*
 * Two milters started at once on one path could each find the other's
 * socket bound but not yet listening, take it for a stale one and
 * remove it. A lock on the directory, held from the look until
 * listen(), makes them take turns; one held for seconds is another
 * program's. A directory that cannot be locked (not readable, or a
 * file system without locks) still works, with a warning.
 */
static int
dir_lock(const char *path)
{
	char dir[sizeof(((struct sockaddr_un *)0)->sun_path)];
	struct timespec nap = { 0, LOCK_WAIT_MS * 1000000L };
	int fd, i, e;

	dk_milter_sock_dir(path, dir, sizeof(dir));
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		dir_unlocked(path, dir, errno);
		return -1;
	}
	for (i = 0; flock(fd, LOCK_EX | LOCK_NB) == -1; i++) {
		if ((e = errno) != EWOULDBLOCK) {
			(void)close(fd);
			dir_unlocked(path, dir, e);
			return -1;
		}
		if (i == LOCK_TRIES)
			fatalx("-p %s: another process has held a lock on %s "
			    "for %d s (lslocks(8) or fstat(1) names it); if it "
			    "is a milter starting there, stop it or choose "
			    "another -p", path, dir,
			    LOCK_TRIES * LOCK_WAIT_MS / 1000);
		(void)nanosleep(&nap, NULL);
	}
	return fd;
}

static int
listen_unix(struct milter *mt, const char *path)
{
	struct sockaddr_un sun;
	struct stat st;
	int fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	(void)strncpy(sun.sun_path, path, sizeof(sun.sun_path) - 1);
	unix_clear(path, &sun);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1 ||
	    bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1 ||
	    lstat(path, &st) == -1)
		fatal("-p %s", path);
	mt->sockpath = path;
	mt->sockdev = st.st_dev;
	mt->sockino = st.st_ino;
	return fd;
}

/* What to do when bind() on -p fails with e. */
static const char *
bind_fix(int e)
{
	if (e == EADDRINUSE)
		return "stop the program listening there, or choose another "
		    "-p";
	if (e == EACCES && geteuid() != 0)
		return "a port below 1024 needs root: start the milter as "
		    "root (with -u to drop privileges), or choose a port "
		    "from 1024 up";
	return "choose another -p";
}

/*
 * inet6:PORT, on every address, takes IPv6 only, as inet:PORT takes
 * IPv4 only; a v4-mapped address is IPv4 through an IPv6 socket.
 */
static int
v6_wildcard(const struct addrinfo *ai)
{
	return ai->ai_family == AF_INET6 && IN6_IS_ADDR_UNSPECIFIED(
	    &((const struct sockaddr_in6 *)(const void *)ai->ai_addr)->
	    sin6_addr);
}

static int
listen_inet(const char *spec, struct addrinfo *ai)
{
	int fd, on = 1, e;

	if ((fd = socket(ai->ai_family, SOCK_STREAM, 0)) == -1)
		fatal("socket");
	(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (v6_wildcard(ai) && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY,
	    &on, sizeof(on)) == -1)
		fatal("-p %s: IPV6_V6ONLY", spec);
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) == -1) {
		e = errno;
		fatalx("-p %s: %s; %s", spec, strerror(e), bind_fix(e));
	}
	freeaddrinfo(ai);
	return fd;
}

/* Open the -p socket that dk_milter_sockspec() parsed. */
void
dk_milter_listen(struct milter *mt, const char *spec,
    const struct sockspec *sp)
{
	int fd, lockfd = -1;

	if (sp->path != NULL) {
		lockfd = dir_lock(sp->path);
		fd = listen_unix(mt, sp->path);
	} else
		fd = listen_inet(spec, sp->ai);
	if (listen(fd, LISTEN_BACKLOG) == -1 ||
	    fcntl(fd, F_SETFL, O_NONBLOCK) == -1)
		fatal("listen %s", spec);
	if (lockfd != -1)
		(void)close(lockfd);
	mt->lfd = fd;
}

/* At exit: our socket goes, not one another process has put there since. */
void
dk_milter_unlisten(struct milter *mt)
{
	struct stat st;

	(void)close(mt->lfd);
	if (mt->sockpath != NULL && lstat(mt->sockpath, &st) == 0 &&
	    S_ISSOCK(st.st_mode) && st.st_dev == mt->sockdev &&
	    st.st_ino == mt->sockino)
		(void)unlink(mt->sockpath);
}

static void
conn_close(struct milter *mt, struct conn *c)
{
	struct conn **cp;

	for (cp = &mt->conns; *cp != NULL; cp = &(*cp)->next)
		if (*cp == c) {
			*cp = c->next;
			break;
		}
	if (c->msg != NULL)
		log_info("%s: client=%s: connection closed mid-message",
		    c->qid[0] ? c->qid : "-", c->client);
	dk_milter_msg_free(c);
	(void)close(c->fd);
	free(c->in);
	free(c->out);
	free(c);
	mt->nconns--;
}

/*
 * When c is closed for idleness; -1: never, its reply waits for DNS.
 * Replies it does not read count as silence too: an MTA reads each at
 * once, and a peer that stops reading must not hold its place forever.
 */
static int64_t
conn_idle_end(const struct conn *c)
{
	if (c->eom)
		return -1;
	return c->last + MILTER_IDLE_MS;
}

/* The connection idle the longest, or NULL when none is idle. */
static struct conn *
conn_idlest(const struct milter *mt)
{
	struct conn *c, *best = NULL;

	for (c = mt->conns; c != NULL; c = c->next)
		if (conn_idle_end(c) >= 0 &&
		    (best == NULL || c->last < best->last))
			best = c;
	return best;
}

/* What to do when accept() keeps failing with e. */
static const char *
accept_fix(int e)
{
	if (e == EMFILE)
		return "raise the milter's descriptor limit (ulimit -n, "
		    "LimitNOFILE)";
	if (e == ENFILE)
		return "raise the system's (fs.file-max, kern.maxfiles)";
	return "free some memory";
}

/*
 * The table is full (e 0), or accept() failed with e, out of
 * descriptors: the connection idle the longest goes, so that a flood of
 * idle ones costs an MTA at most its own idlest connection, never the
 * service. 0, or -1: none is idle.
 */
static int
conn_evict(struct milter *mt, int e)
{
	struct conn *c;

	if ((c = conn_idlest(mt)) == NULL)
		return -1;
	if (e == 0)
		log_warnx("connection %llu closed after %lld s idle to make "
		    "room: the table is full (%zu open)",
		    (unsigned long long)c->id,
		    (long long)((mt->now - c->last) / 1000), mt->nconns);
	else
		log_warnx("connection %llu closed after %lld s idle to make "
		    "room: %s (%zu open); %s", (unsigned long long)c->id,
		    (long long)((mt->now - c->last) / 1000), strerror(e),
		    mt->nconns, accept_fix(e));
	conn_close(mt, c);
	return 0;
}

/*
 * Out of descriptors or kernel memory: the connection stays queued, so
 * the listener leaves the poll set, or it would poll hot, and the
 * accept is tried again at each wakeup and at least every
 * ACCEPT_RETRY_MS, since an answer or a deadline may free a socket or
 * end a wait without a connection closing. The spell closes one idle
 * connection for it, the first there is, and no other: the descriptor
 * freed may go to a DNS socket, or, for ENFILE, to another process,
 * and one waiting connection must not empty the table. One log line
 * for each spell.
 */
static void
accept_failed(struct milter *mt, int e)
{
	if (e != EMFILE && e != ENFILE && e != ENOMEM && e != ENOBUFS) {
		if (e != EAGAIN && e != EINTR && e != ECONNABORTED)
			log_warn("accept");
		mt->full = ACCEPT_OPEN;
		return;
	}
	if (!(mt->full & ACCEPT_EVICTED) && (e == EMFILE || e == ENFILE) &&
	    conn_evict(mt, e) == 0) {
		mt->full |= ACCEPT_EVICTED;
		return;
	}
	if (!(mt->full & ACCEPT_LOGGED))
		log_warnx("accept: %s; new connections wait until there is "
		    "room; %s", strerror(e), accept_fix(e));
	mt->full |= ACCEPT_LOGGED;
}

/*
 * The table full and nothing idle: fd is refused. One log line for a
 * run of refusals, and one with their count once a connection is taken.
 */
static void
conn_refuse(struct milter *mt, int fd)
{
	if (mt->refused++ == 0)
		log_warnx("connection refused: %zu open, the most there is "
		    "room for, each waiting for DNS; a slow name server holds "
		    "them: check the resolver and dns-timeout; more refusals "
		    "are counted, not logged", mt->nconns);
	(void)close(fd);
}

static void
conn_accept(struct milter *mt)
{
	struct conn *c;
	int fd;

	if ((fd = accept(mt->lfd, NULL, NULL)) == -1) {
		accept_failed(mt, errno);
		return;
	}
	mt->full = ACCEPT_OPEN;
	if (fcntl(fd, F_SETFL, O_NONBLOCK) == -1 ||
	    (c = calloc(1, sizeof(*c))) == NULL) {
		log_warn("connection refused");
		(void)close(fd);
		return;
	}
	/* only a connection that will be taken costs an idle one its place */
	if (mt->nconns >= MILTER_CONN_MAX && conn_evict(mt, 0) == -1) {
		free(c);
		conn_refuse(mt, fd);
		return;
	}
	if (mt->refused > 0)
		log_info("connections taken again; %zu were refused while "
		    "the table was full", mt->refused);
	mt->refused = 0;
	c->mt = mt;
	c->fd = fd;
	c->last = mt->now;
	c->id = ++mt->nextid;
	c->next = mt->conns;
	mt->conns = c;
	mt->nconns++;
}

static int
conn_write(struct conn *c)
{
	ssize_t n;

	while (c->outlen > 0) {
		if ((n = write(c->fd, c->out, c->outlen)) == -1) {
			if (errno == EAGAIN || errno == EINTR)
				return 0;
			return -1;
		}
		c->outlen -= (size_t)n;
		memmove(c->out, c->out + n, c->outlen);
		c->last = c->mt->now;	/* the MTA's turn from here */
	}
	return 0;
}

/* The frames in c's buffer; a whole one handled restarts its clock. */
static void
conn_input(struct conn *c)
{
	size_t before = c->inlen;

	dk_milter_conn_input(c);
	if (c->inlen < before)
		c->last = c->mt->now;
}

/* Room for the frame under way: its length is known once 4 bytes are. */
static int
conn_room(struct conn *c)
{
	size_t want = READ_CHUNK;
	char *nb;

	if (c->inlen >= 4)
		want = 4 + (size_t)dk_milter_wire_u32(c->in);
	if (want > 4 + MILTER_FRAME_MAX)
		want = 4 + MILTER_FRAME_MAX;	/* the frame is refused */
	if (want < c->inlen + 1)
		want = c->inlen + 1;
	if (want <= c->incap)
		return 0;
	if ((nb = realloc(c->in, want)) == NULL)
		return -1;
	c->in = nb;
	c->incap = want;
	return 0;
}

static int
conn_read(struct conn *c)
{
	ssize_t n;

	if (conn_room(c) == -1)
		return -1;
	if ((n = read(c->fd, c->in + c->inlen, c->incap - c->inlen)) == -1)
		return errno == EAGAIN || errno == EINTR ? 0 : -1;
	if (n == 0)
		return -1;
	c->inlen += (size_t)n;
	conn_input(c);
	return 0;
}

/* Whether c is polled and for what; 0: it waits for DNS. */
static short
conn_events(const struct conn *c)
{
	if (c->outlen > 0)
		return POLLOUT;
	if (c->eom)
		return 0;
	return POLLIN;
}

/*
 * After DNS: connections whose message ended may have more to do; those
 * idle past MILTER_IDLE_MS go.
 */
static void
conns_service(struct milter *mt)
{
	struct conn *c, *next;
	int64_t end;

	for (c = mt->conns; c != NULL; c = next) {
		next = c->next;
		if (!c->eom && c->inlen > 0)
			conn_input(c);
		if ((end = conn_idle_end(c)) >= 0 && mt->now >= end) {
			log_warnx("connection %llu closed: no whole frame "
			    "or reply read for %d s", (unsigned long long)c->id,
			    MILTER_IDLE_MS / 1000);
			conn_close(mt, c);
		} else if (conn_write(c) == -1 ||
		    (c->closing && c->outlen == 0))
			conn_close(mt, c);
	}
}

/*
 * The nearest time a connection goes idle, a message's DNS ends, or,
 * out of descriptors, the accept is tried again.
 */
static int64_t
loop_deadline(const struct milter *mt)
{
	const struct conn *c;
	int64_t d = dk_milter_msg_deadline(mt), end;

	for (c = mt->conns; c != NULL; c = c->next)
		if ((end = conn_idle_end(c)) >= 0 && (d < 0 || end < d))
			d = end;
	if (mt->full != ACCEPT_OPEN) {
		end = mt->now + ACCEPT_RETRY_MS;
		if (d < 0 || end < d)
			d = end;
	}
	return d;
}

void
dk_milter_loop(struct milter *mt)
{
	struct pollfd *pfd = NULL;
	struct timespec ts, *timeout;
	struct conn *c, *next;
	size_t npfd, ndns, i, cap = 0;
	int64_t t;

	while (!dk_milter_quit) {
		if (dk_milter_sighup)
			dk_milter_reload(mt);
		mt->now = dk_policy_now_ms();
		dk_milter_msg_dns(mt);
		dk_milter_msg_timers(mt);
		conns_service(mt);
		/* a wait just ended may have made room */
		if (mt->full != ACCEPT_OPEN)
			conn_accept(mt);
		if (cap < 1 + mt->nconns + POLICY_POLL_DNS_MAX) {
			cap = 1 + mt->nconns + POLICY_POLL_DNS_MAX;
			free(pfd);
			if ((pfd = calloc(cap, sizeof(*pfd))) == NULL)
				fatal("poll set");
		}
		pfd[0].fd = mt->full != ACCEPT_OPEN ? -1 : mt->lfd;
		pfd[0].events = POLLIN;
		npfd = 1;
		for (c = mt->conns; c != NULL; c = c->next) {
			pfd[npfd].events = conn_events(c);
			pfd[npfd].fd = pfd[npfd].events != 0 ? c->fd : -1;
			npfd++;
		}
		ndns = dk_resolver_fds(mt->resolver, pfd + npfd,
		    POLICY_POLL_DNS_MAX);
		if (ndns > POLICY_POLL_DNS_MAX)
			ndns = POLICY_POLL_DNS_MAX;
		timeout = dk_policy_poll_timeout(mt->resolver,
		    loop_deadline(mt), mt->now, &ts);
		/* signals are blocked but here: none is lost before a wait */
		if (ppoll(pfd, npfd + ndns, timeout, &mt->waitmask) == -1) {
			if (errno == EINTR)
				continue;
			fatal("poll");
		}
		mt->now = dk_policy_now_ms();
		t = mt->now;
		for (c = mt->conns, i = 1; c != NULL; c = next, i++) {
			next = c->next;
			if (pfd[i].revents == 0)
				continue;
			if (((pfd[i].revents & POLLOUT) &&
			    conn_write(c) == -1) ||
			    ((pfd[i].revents & (POLLIN | POLLHUP | POLLERR)) &&
			    !(pfd[i].revents & POLLOUT) && conn_read(c) == -1))
				conn_close(mt, c);
		}
		dk_resolver_process(mt->resolver, pfd + npfd, ndns, t);
		dk_policy_dns_report(mt->resolver, &mt->dns_logged);
		if (mt->full != ACCEPT_OPEN || (pfd[0].revents & POLLIN))
			conn_accept(mt);
	}
	free(pfd);
	while (mt->conns != NULL)
		conn_close(mt, mt->conns);
}
