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
 * filter-dkim: the OpenSMTPD proc-exec filter (smtpd-filters(7)). The
 * files share this header:
 *	proto.c		line -> typed event, the one table of events and
 *			of every difference between protocol versions
 *	out.c		the one formatter every line to smtpd goes through
 *	session.c	sessions by id, and the report handlers
 *	msg.c		one message: data-lines in, fields added, lines out
 *	spool.c		a message held in memory up to a bound, then in an
 *			unlinked temporary file
 *	verify.c	the DNS glue: which message waits for which lookup
 *	log.c		log.h of the policy module, to smtpd's log
 *	sandbox.c	pledge and unveil
 *	main.c		the poll loop
 * What to sign or verify, and how, is the policy module's
 * (../policy/policy.h), shared with dkimkit-milter.
 */

#ifndef DK_FILTER_H
#define DK_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"
#include "../policy/policy.h"

/*
 * smtpd answers "500 Line too long" to client lines over SMTP_LINE_MAX
 * (65535 bytes, smtp_session.c); a request adds its prefix (< 100 bytes)
 */
#define FILTER_LINE_MAX		(65535 + 512)
#define FILTER_ID_LEN		16	/* "%016" PRIx64 session ids, tokens */
#define FILTER_ADMD_MAX		POLICY_HOST_MAX	/* config|admd */

/* A span of a line. */
struct span {
	const char	*p;
	size_t		 len;
};

/* A parsed line from smtpd; spans point into the line. */
struct event {
	int		 version;	/* protocol 0.N: N */
	uint64_t	 sid;
	char		 token[FILTER_ID_LEN + 1];
	uint32_t	 msgid;
	struct span	 addr;		/* address, user name or source */
	struct span	 result;
	struct span	 data;		/* a data-line, '|' and all */
};

/*
 * The memory that the sessions of the process hold, against its bound
 * (memory-max): each session's struct, each spool's buffer, and each
 * message's own state, as msg.c counts it (its struct, the engine's
 * handle, the header block). A session counts its struct and its
 * message's from link-connect on, as FILTER_SESSION_COST: smtpd has
 * the session already, so that is counted even past the bound, which
 * spools and messages then no longer get. Spools take at most three
 * quarters of it (spool.c): the last quarter is for messages' state.
 */
struct spool_mem {
	size_t		 used;
	size_t		 max;
};

/* What a spool is about to do: the fault hook may fail it. */
enum spool_op {
	SPOOL_ALLOC = 0,	/* grow the memory buffer */
	SPOOL_OPEN,		/* make the temporary file */
	SPOOL_WRITE,
	SPOOL_READ
};

/*
 * Tests and fuzzing only: called before each spool operation; nonzero
 * is the errno the operation then fails with (ENOSPC, EMFILE, ENOMEM),
 * as the system would. NULL in filter-dkim.
 */
typedef int (*spool_fault_fn)(void *arg, enum spool_op op);

struct spool {
	char		*buf;
	size_t		 len;
	size_t		 cap;
	size_t		 max;
	int		 fd;		/* -1 until the bound is passed */
	uint64_t	 flen;
	struct spool_mem *mem;		/* NULL: no shared bound */
	spool_fault_fn	 fault;
	void		*fault_arg;
};

enum msg_state {
	MSG_HEADER = 0,
	MSG_BODY,
	MSG_ENDED,	/* "." seen, waiting for key lookups */
	MSG_EMITTED	/* our "." sent, waiting for commit */
};

struct drop {			/* data-lines [from, to) left out */
	uint64_t	 from;
	uint64_t	 to;
};

struct session;

/*
 * A message is found by its handle, never by a pointer kept across
 * events: a key lookup carries the handle of the message that asked, and
 * its answer goes to the message on the waiting list with that handle,
 * if any. Handles are never reused. A message stops waiting, and its
 * lookups are cancelled, when it is emitted, fails or is freed; so an
 * answer or a deadline can never reach a message that is gone, and one
 * that is late finds nothing and is dropped.
 */
struct msg {
	struct filter	*filter;
	uint64_t	 handle;
	struct session	*sess;
	struct pmsg	 pm;		/* the engine's side (policy.h) */
	enum msg_state	 state;
	uint32_t	 msgid;
	char		 token[FILTER_ID_LEN + 1];
	size_t		 linemax;	/* smtpd cuts lines we send; 0: no */
	struct spool	 spool;
	uint64_t	 nlines;
	unsigned int	 ncut;
	struct drop	*drop;
	size_t		 ndrop;
	char		*ar;		/* the A-R field being read */
	size_t		 arlen;
	size_t		 arcap;
	uint64_t	 arline;	/* its first data-line */
	int		 inar;		/* one is being read */
	int		 arlong;	/* it is over header-max */
	struct msg	*wnext;		/* list of messages with lookups */
	int		 waiting;
	size_t		 charged;	/* of memory-max, outside the spool */
};

struct session {
	uint64_t	 id;
	struct session	*next;		/* hash chain */
	int		 internal;	/* source in the internal networks */
	int		 auth;		/* link-auth pass */
	uint32_t	 msgid;
	char		 mailfrom[POLICY_ADDR_MAX + 1];
	unsigned int	 nrcpt;
	struct msg	*msg;
};

/* what any open session holds, with or without a message under way */
#define FILTER_SESSION_COST	(sizeof(struct session) + sizeof(struct msg))

struct sessions {
	struct session	**b;
	size_t		 nb;
	size_t		 n;
};

#define FILTER_HEAD_MAX	64	/* "filter-dataline|S|T|" is 50 bytes */

/*
 * Output to smtpd (out.c). The head of the last filter-dataline is kept
 * with what it was made from: one snprintf per message, not per line.
 */
struct out {
	char		*buf;
	size_t		 len;
	size_t		 cap;
	int		 fd;
	char		 dhead[FILTER_HEAD_MAX];
	uint64_t	 dsid;
	char		 dtoken[FILTER_ID_LEN + 1];
	int		 dversion;
};

struct filter {
	struct config	*cfg;		/* for new messages */
	const struct args *args;
	int		 version;	/* last seen on a line; 0: none yet */
	int		 registered;
	char		 admd[FILTER_ADMD_MAX + 1];
	int64_t		 session_timeout;	/* seconds; 0: unknown */
	char		 host[FILTER_ADMD_MAX + 1];
	struct sessions	 sessions;
	struct out	 out;
	struct dk_resolver *resolver;
	uint64_t	 dns_logged;	/* the last DNS failure burst logged */
	struct msg	*waiting;
	uint64_t	 handles;	/* the last message handle given */
	struct spool_mem mem;		/* max follows cfg->memory_max */
	spool_fault_fn	 spool_fault;	/* tests only; NULL */
	void		*spool_fault_arg;
	char		*scratch;	/* FILTER_SCRATCH bytes for replays */
	int64_t		 now;		/* monotonic ms at the last wakeup */
};

#define FILTER_SCRATCH	(2 * FILTER_LINE_MAX)

/* proto.c */
void	dk_filter_proto_line(struct filter *f, char *line, size_t len);
size_t	dk_filter_proto_linemax(int version);
int	dk_filter_proto_token_first(int version);

/* out.c */
void	dk_filter_out_init(struct out *o, int fd);
void	dk_filter_out_free(struct out *o);
void	dk_filter_out_register(struct filter *f, const char *kind,
	    const char *name);
void	dk_filter_out_ready(struct filter *f);
void	dk_filter_out_result(struct filter *f, uint64_t sid,
	    const char *token, const char *decision);
void	dk_filter_out_dataline(struct filter *f, uint64_t sid,
	    const char *token, const char *data, size_t len);
int	dk_filter_out_flush(struct out *o);

/* session.c */
struct session *dk_filter_session_get(struct filter *f, uint64_t sid);
void	dk_filter_sessions_free(struct filter *f);
void	dk_filter_on_link_connect(struct filter *, const struct event *);
void	dk_filter_on_link_disconnect(struct filter *, const struct event *);
void	dk_filter_on_link_auth(struct filter *, const struct event *);
void	dk_filter_on_tx_begin(struct filter *, const struct event *);
void	dk_filter_on_tx_mail(struct filter *, const struct event *);
void	dk_filter_on_tx_rcpt(struct filter *, const struct event *);
void	dk_filter_on_tx_end(struct filter *, const struct event *);

/* msg.c */
void	dk_filter_on_data_line(struct filter *, const struct event *);
void	dk_filter_on_commit(struct filter *, const struct event *);
void	dk_filter_msg_emit(struct filter *f, struct msg *m);
void	dk_filter_msg_free(struct filter *f, struct msg *m);

/* spool.c */
int	dk_filter_spool_line(struct spool *sp, const char *dir,
	    const char *line, size_t len);
int	dk_filter_spool_lines(const struct spool *sp, char *scratch,
	    int (*fn)(void *, const char *, size_t), void *arg);
void	dk_filter_spool_free(struct spool *sp);
/* Take n more bytes of the bound: 0, or -1 when they are not left. */
int	dk_filter_mem_take(struct spool_mem *mem, size_t n);
void	dk_filter_mem_give(struct spool_mem *mem, size_t n);

/* verify.c */
void	dk_filter_verify_queries(struct filter *f, struct msg *m);
void	dk_filter_verify_end(struct filter *f, struct msg *m);
void	dk_filter_verify_dns(struct filter *f);
int64_t	dk_filter_verify_deadline(const struct filter *f);
void	dk_filter_verify_timers(struct filter *f);
void	dk_filter_verify_cancel(struct filter *f, struct msg *m);

/* sandbox.c */
void	dk_filter_sandbox_startup(const struct args *a,
	    const struct config *c);
void	dk_filter_sandbox_running(void);

#endif /* DK_FILTER_H */
