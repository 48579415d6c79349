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
 * dkimkit-milter: the milter protocol (Sendmail's libmilter wire format,
 * as Postfix speaks it) in one thread and one poll loop, with the
 * engine's asynchronous resolver on the same loop. The files:
 *	wire.c	frames in, replies out: the byte format and nothing else
 *	conn.c	one MTA connection: negotiation, macros, which sessions
 *		are ours, the command dispatch
 *	msg.c	one message through the engine: sign or verify, the
 *		header changes at end of message, the log line
 *	loop.c	the listening socket, the connections, DNS and timers
 *	log.c	../policy/log.h: syslog, or stderr with -l
 *	sockspec.c the -p socket spec, parsed and checked
 *	main.c	command line, socket, privileges, signals
 * What to sign or verify, and how, is the policy module's
 * (../policy/policy.h), shared with filter-dkim: the configuration
 * file, which sessions are ours, key choice, A-R removal, and what a
 * message is refused with.
 */

#ifndef DK_MILTER_H
#define DK_MILTER_H

#include <sys/types.h>

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"
#include "../policy/policy.h"

/*
 * A frame is a 4-byte length and the command byte with its data. Body
 * chunks are at most 64 KiB (MILTER_CHUNK_SIZE); one header field may
 * be larger (Postfix's header_size_limit is 100 KiB): 256 KiB is what
 * libmilter accepts with SMFIP_MDS_256K, and bounds every connection's
 * input buffer.
 */
#define MILTER_FRAME_MAX	(256 * 1024)
#define MILTER_OUT_MAX		(64 * 1024)	/* replies waiting */
#define MILTER_CONN_MAX		1024
/*
 * A connection that has sent no whole frame and read no reply for this
 * long, while its reply waits for no DNS, is closed. The MTA is silent
 * on its milter connection while its own SMTP client is: Postfix waits
 * smtpd_timeout (300 s) for the client and keeps one milter connection
 * per SMTP session (none is pooled across sessions); Sendmail waits
 * Timeout.command and Timeout.datablock (1 h each). Its milter
 * timeouts are shorter still (Postfix's milter_*_timeout at most
 * 300 s, Sendmail's at most 5 min).
 * So 65 min is past what any MTA waits, and a frame left half-sent
 * that long was never coming, nor a reply left unread that long read.
 */
#define MILTER_IDLE_MS		(65 * 60 * 1000)
#define MILTER_VERSION		6	/* SMFI_PROT_VERSION */
#define MILTER_VERSION_MIN	2
#define MILTER_ADDR_MAX		64	/* client address as text */
#define MILTER_QID_MAX		32	/* the queue id macro, for logs */
#define MILTER_FORGED_MAX	1000	/* A-R fields claiming our id */

/* Commands from the MTA (mfdef.h SMFIC_*). */
#define SMFIC_ABORT	'A'
#define SMFIC_BODY	'B'
#define SMFIC_CONNECT	'C'
#define SMFIC_MACRO	'D'
#define SMFIC_BODYEOB	'E'
#define SMFIC_HELO	'H'
#define SMFIC_QUIT_NC	'K'
#define SMFIC_HEADER	'L'
#define SMFIC_MAIL	'M'
#define SMFIC_EOH	'N'
#define SMFIC_OPTNEG	'O'
#define SMFIC_QUIT	'Q'
#define SMFIC_RCPT	'R'
#define SMFIC_DATA	'T'
#define SMFIC_UNKNOWN	'U'

/* Replies (SMFIR_*). */
#define SMFIR_CONTINUE	'c'
#define SMFIR_ACCEPT	'a'
#define SMFIR_INSHEADER	'i'
#define SMFIR_ADDHEADER	'h'
#define SMFIR_CHGHEADER	'm'
#define SMFIR_REPLYCODE	'y'

/* Actions we ask for (SMFIF_*) and protocol steps we skip (SMFIP_*). */
#define SMFIF_ADDHDRS	0x01u
#define SMFIF_CHGHDRS	0x10u
#define SMFIP_NOHELO	0x02u
#define SMFIP_NORCPT	0x08u
#define SMFIP_NOUNKNOWN	0x100u
#define SMFIP_NODATA	0x200u
#define SMFIP_HDR_LEADSPC 0x100000u

/* Connect families (SMFIA_*). */
#define SMFIA_UNKNOWN	'U'
#define SMFIA_UNIX	'L'
#define SMFIA_INET	'4'
#define SMFIA_INET6	'6'

struct milter;
struct sockspec;

enum mmsg_state {
	MMSG_HEADER = 0,
	MMSG_BODY,
	MMSG_ENDED
};

/* The message under way on a connection. */
struct mmsg {
	struct pmsg	 pm;		/* the engine's side (policy.h) */
	enum mmsg_state	 state;
	uint32_t	 nar;		/* A-R fields seen, malformed ones
					 * too: the MTA counts them all */
	uint32_t	*ardel;		/* our forged A-R, by index among
					 * A-R fields (1-based) */
	size_t		 nardel;
};

/* One connection from the MTA; it may carry several messages. */
struct conn {
	struct milter	*mt;
	struct conn	*next;
	int		 fd;
	uint64_t	 id;		/* for log lines */
	char		*in;		/* frames not yet handled */
	size_t		 inlen;
	size_t		 incap;
	char		*out;		/* replies not yet written */
	size_t		 outlen;
	size_t		 outcap;
	int		 closing;	/* write what is left, then close */
	int		 negotiated;
	uint32_t	 version;
	int		 leadspc;	/* header values keep their space */
	int		 internal;	/* client in the internal networks,
					 * or the MTA's own submissions */
	int		 auth;		/* {auth_authen} set for this MAIL */
	char		 client[MILTER_ADDR_MAX];
	char		 qid[MILTER_QID_MAX];
	char		 mailfrom[POLICY_ADDR_MAX + 1];	/* for the log */
	struct mmsg	*msg;		/* the message under way, or NULL */
	int		 eom;		/* end of message seen, reply owed */
	int64_t		 last;		/* monotonic ms of the last whole
					 * frame or reply */
};

struct milter {
	const struct args *args;
	struct config	*cfg;
	struct dk_resolver *resolver;
	uint64_t	 dns_logged;	/* the last DNS failure burst logged */
	struct conn	*conns;
	size_t		 nconns;
	uint64_t	 nextid;
	int		 lfd;		/* listening socket */
	const char	*sockpath;	/* its path when it is a Unix one, */
	dev_t		 sockdev;	/* and the file we made there */
	ino_t		 sockino;
	int		 full;		/* ACCEPT_* of loop.c: out of
					 * descriptors, the accept waits on
					 * a timer, not a poll */
	sigset_t	 waitmask;	/* signals ppoll(2) lets in */
	int64_t		 now;		/* monotonic ms at the last wakeup */
	char		 host[POLICY_HOST_MAX + 1];	/* authserv-id */
	size_t		 refused;	/* since the table was last not full */
};

/* wire.c */
/*
 * The first frame in buf[0..len): returns its size on the wire, with
 * *cmd its command and data[0..dlen) its arguments, pointing into buf;
 * 0 when it is not all there yet; -1 when it can never be valid (an
 * empty frame, or one over MILTER_FRAME_MAX).
 */
ssize_t	dk_milter_wire_frame(const char *buf, size_t len, char *cmd,
	    const char **data, size_t *dlen);
/*
 * Queue on c's output the reply cmd with a[0..alen) then b[0..blen),
 * copied (either may be NULL with a length of 0). 0, or -1 with
 * nothing queued when the frame would pass MILTER_FRAME_MAX, the
 * output would pass its bound, or memory is out.
 */
int	dk_milter_wire_reply(struct conn *c, char cmd, const void *a,
	    size_t alen, const void *b, size_t blen);
/*
 * Queue a header change: SMFIR_ADDHEADER with name and value, or
 * SMFIR_INSHEADER or SMFIR_CHGHEADER with index too (an empty value
 * deletes). The strings are copied. 0, or -1 as for
 * dk_milter_wire_reply().
 */
int	dk_milter_wire_header(struct conn *c, char cmd, uint32_t index,
	    const char *name, const char *value);
/* Queue our SMFIC_OPTNEG reply; 0, or -1 as for dk_milter_wire_reply(). */
int	dk_milter_wire_optneg(struct conn *c, uint32_t version,
	    uint32_t actions, uint32_t proto);
/*
 * The NUL-terminated string at *p, pointing into the frame, with *p
 * moved past its NUL; NULL, *p unchanged, when no NUL comes before end.
 */
const char *dk_milter_wire_str(const char **p, const char *end);
/* The 32-bit number in network byte order at p[0..4). */
uint32_t dk_milter_wire_u32(const char *p);

/* conn.c */
/*
 * Handle every whole frame in c's input buffer and drop it from there,
 * until a frame is not all there, c is closing, or its message waits
 * for DNS at end of message (c->eom). A protocol error, or memory out,
 * logs a line and sets c->closing.
 */
void	dk_milter_conn_input(struct conn *c);
/*
 * Back to a fresh connection (SMFIC_CONNECT, SMFIC_QUIT_NC): the
 * message under way freed, the client, macros and sender forgotten.
 * The option negotiation stays.
 */
void	dk_milter_conn_reset(struct conn *c);
/*
 * Whether c's MTA has closed its end (or the socket failed), looked at
 * without reading anything: 1 or 0.
 */
int	dk_milter_conn_gone(struct conn *c);

/* msg.c */
/*
 * Start c's message (c->msg, which c owns until dk_milter_msg_free())
 * under the configuration of the moment, signed or verified by whether
 * the connection is ours. 0, or -1 when memory is out.
 */
int	dk_milter_msg_start(struct conn *c);
/*
 * One header field as the MTA sent it (name and value are read, not
 * kept): noted when it is an A-R field claiming our authserv-id, and,
 * within header-max, rebuilt as "Name: value" into the engine. What
 * goes wrong goes on the message, for its end.
 */
void	dk_milter_msg_header(struct conn *c, const char *name,
	    const char *value);
/*
 * The end of c's header block: the keys chosen, the first lookups
 * sent. Nothing when the block has ended already, or passed header-max.
 */
void	dk_milter_msg_eoh(struct conn *c);
/* Body bytes p[0..len) into the engine; they are not kept. */
void	dk_milter_msg_body(struct conn *c, const char *p, size_t len);
/*
 * The end of c's message, with c->eom set: its last lookups sent. With
 * none pending, its changes and reply are queued, its log line written
 * and the message freed at once; otherwise that waits for
 * dk_milter_msg_dns() or dk_milter_msg_timers().
 */
void	dk_milter_msg_eom(struct conn *c);
/*
 * Give every finished lookup to its message, and end each message at
 * its end of message with no lookup left (as dk_milter_msg_eom()). One
 * whose MTA has gone in the meantime closes its connection instead.
 */
void	dk_milter_msg_dns(struct milter *mt);
/* The nearest deadline of a message with lookups, monotonic ms; -1: none. */
int64_t	dk_milter_msg_deadline(const struct milter *mt);
/*
 * The messages past their deadline at mt->now lose their lookups and go
 * on without those keys, ending as in dk_milter_msg_dns() when they are
 * at their end.
 */
void	dk_milter_msg_timers(struct milter *mt);
/*
 * Free c's message, if any, and all it holds; a reply it still owed is
 * never sent. c->msg is NULL after, and c->eom 0.
 */
void	dk_milter_msg_free(struct conn *c);
/* Start mt->resolver for mt->cfg (--resolver, else resolv.conf), or exit. */
void	dk_milter_resolver_start(struct milter *mt);

/* loop.c */
/*
 * Listen on the -p socket spec, as sockspec.h parsed it into sp, into
 * mt->lfd: a stale Unix socket there is replaced, anything else there is
 * refused; sp's addresses are freed. Exits with a message on any error.
 */
void	dk_milter_listen(struct milter *mt, const char *spec,
	    const struct sockspec *sp);
/* Close mt->lfd, and remove its Unix socket unless another took its place. */
void	dk_milter_unlisten(struct milter *mt);
/*
 * Serve the MTA's connections, DNS and timers until dk_milter_quit,
 * reloading on dk_milter_sighup; then close every connection, each
 * message under way dropped with a log line.
 */
void	dk_milter_loop(struct milter *mt);

/* main.c */
/* Set by the signal handlers (SIGHUP; SIGTERM, SIGINT), read by the loop. */
extern volatile sig_atomic_t dk_milter_sighup;
extern volatile sig_atomic_t dk_milter_quit;
/*
 * SIGHUP: clear dk_milter_sighup and load the configuration again into
 * mt->cfg for new messages; messages under way keep the one they hold,
 * and the old one stays on any error, logged.
 */
void	dk_milter_reload(struct milter *mt);

/* log.c */
/*
 * Log to stderr when to_stderr (-l), else to syslog(3), facility mail.
 * Before this call, lines go to stderr.
 */
void	dk_milter_log_init(int to_stderr);

#endif /* DK_MILTER_H */
