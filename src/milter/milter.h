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

enum mmsg_state {
	MMSG_HEADER = 0,
	MMSG_BODY,
	MMSG_ENDED
};

/* The message under way on a connection. */
struct mmsg {
	struct pmsg	 pm;		/* the engine's side (policy.h) */
	enum mmsg_state	 state;
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
	uint32_t	 nar;		/* A-R fields seen, malformed ones
					 * too: the MTA counts them all */
	uint32_t	*ardel;		/* our forged A-R, by index among
					 * A-R fields (1-based) */
	size_t		 nardel;
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
	int		 full;		/* out of descriptors: stop accepting
					 * until a connection closes */
	sigset_t	 waitmask;	/* signals ppoll(2) lets in */
	int64_t		 now;		/* monotonic ms at the last wakeup */
	char		 host[POLICY_HOST_MAX + 1];	/* authserv-id */
};

/* wire.c */
ssize_t	dk_milter_wire_frame(const char *buf, size_t len, char *cmd,
	    const char **data, size_t *dlen);
int	dk_milter_wire_reply(struct conn *c, char cmd, const void *a,
	    size_t alen, const void *b, size_t blen);
int	dk_milter_wire_header(struct conn *c, char cmd, uint32_t index,
	    const char *name, const char *value);
int	dk_milter_wire_optneg(struct conn *c, uint32_t version,
	    uint32_t actions, uint32_t proto);
const char *dk_milter_wire_str(const char **p, const char *end);
uint32_t dk_milter_wire_u32(const char *p);

/* conn.c */
void	dk_milter_conn_input(struct conn *c);
void	dk_milter_conn_reset(struct conn *c);
int	dk_milter_conn_gone(struct conn *c);

/* msg.c */
int	dk_milter_msg_start(struct conn *c);
void	dk_milter_msg_header(struct conn *c, const char *name,
	    const char *value);
void	dk_milter_msg_eoh(struct conn *c);
void	dk_milter_msg_body(struct conn *c, const char *p, size_t len);
void	dk_milter_msg_eom(struct conn *c);
void	dk_milter_msg_dns(struct milter *mt);
int64_t	dk_milter_msg_deadline(const struct milter *mt);
void	dk_milter_msg_timers(struct milter *mt);
void	dk_milter_msg_free(struct conn *c);
void	dk_milter_resolver_start(struct milter *mt);

/* loop.c */
void	dk_milter_listen(struct milter *mt, const char *spec);
void	dk_milter_unlisten(struct milter *mt);
void	dk_milter_loop(struct milter *mt);

/* main.c */
extern volatile sig_atomic_t dk_milter_sighup;
extern volatile sig_atomic_t dk_milter_quit;
void	dk_milter_reload(struct milter *mt);

/* log.c */
void	dk_milter_log_init(int to_stderr);

#endif /* DK_MILTER_H */
