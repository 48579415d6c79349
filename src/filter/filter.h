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
 *	sign.c, verify.c  the two message paths; verify.c owns the DNS glue
 *	hdr.c		From domains and Authentication-Results authserv-ids
 *	policy.c	sign or verify: internal networks and link-auth
 *	config.c	command line and config file into a struct config
 *	check.c		-n: the configuration checked as the daemon's user
 *	sandbox.c	pledge and unveil
 *	main.c		the poll loop
 */

#ifndef DK_FILTER_H
#define DK_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "dkimkit.h"
#include "../dkim/dkim.h"
#include "../dns/resolver.h"

/*
 * smtpd answers "500 Line too long" to client lines over SMTP_LINE_MAX
 * (65535 bytes, smtp_session.c); a request adds its prefix (< 100 bytes)
 */
#define FILTER_LINE_MAX		(65535 + 512)
#define FILTER_ID_LEN		16	/* "%016" PRIx64 session ids, tokens */
#define FILTER_ADDR_MAX		256	/* envelope sender kept for the log */
#define FILTER_ADMD_MAX		255	/* config|admd: a host name */
#define FILTER_NOTE_MAX		320	/* why not signed: words + a domain */
#define FILTER_SPOOL_DEFAULT	(1024 * 1024)
/*
 * All messages together hold at most memory-max bytes in memory: their
 * spools' buffers and their own state. Past it, new spills go to the
 * spool file, and a message that would need more state of its own gets
 * a 451. 64 MiB is 64 sessions at spool-max; any number past that costs
 * disk, not memory, until the messages' own state fills the bound.
 */
#define FILTER_MEMORY_DEFAULT	((size_t)64 * 1024 * 1024)
#define FILTER_MEMORY_MIN	(64 * 1024)
#define FILTER_MEMORY_LIMIT	((size_t)1 << 40)	/* sanity cap */
/*
 * The header block is held in memory (the fields go on top), so it has a
 * bound of its own: sendmail's MaxHeadersLength is 32 KiB, Postfix's
 * header_size_limit 100 KiB; a hostile client must not get the engine's
 * 1 MiB per session.
 */
#define FILTER_HEADER_DEFAULT	(64 * 1024)
#define FILTER_HEADER_MIN	4096
#define FILTER_SPOOL_MIN	4096	/* smaller bounds only cost syscalls */
#define FILTER_SPOOL_LIMIT	((size_t)1 << 30)	/* sanity cap */
#define FILTER_DNS_TIMEOUT	20000	/* ms per message; smtpd waits 300 s */
#define FILTER_DNS_TIMEOUT_MAX	600000
#define FILTER_NETS_MAX		256	/* internal-networks entries */
#define FILTER_KEYS_MAX		256	/* keys in one configuration */
#define FILTER_CONF_LINE_MAX	4096	/* one config file line */
#define FILTER_CONF_MAX		(1024 * 1024)	/* a config file */
#define FILTER_KEYFILE_MAX	(64 * 1024)	/* a PEM RSA-4096 is ~3.3 KiB */

enum filter_mode {
	FILTER_AUTO = 0,
	FILTER_SIGN,
	FILTER_VERIFY
};

/* The command line, kept as given so that SIGHUP can build it again. */
struct args {
	const char	*authserv_id;	/* -A */
	const char	*canon;		/* -c */
	const char	*file;		/* -f */
	const char	*headers;	/* -h */
	const char	*mode;		/* -m */
	const char	*resolver;	/* --resolver */
	int		 reject;	/* -r */
	char *const	*keys;		/* DOMAIN:SELECTOR:KEYFILE */
	int		 nkeys;
};

struct cfg_key {
	char		*domain;	/* lowercase, no final dot */
	char		*selector;
	char		*path;
	char		*where;		/* "FILE:LINE" or "command line" */
	struct dk_key	*key;
};

struct cfg_net {
	int		 af;		/* AF_INET, AF_INET6, or AF_UNIX for
					 * the local socket */
	uint8_t		 addr[16];
	unsigned int	 plen;
};

/*
 * One configuration. Messages hold a reference to the one they started
 * with, so a reload never changes a message half way, and keys stay
 * loaded while a signer borrows them.
 */
struct config {
	int		 refs;
	enum filter_mode mode;
	enum dk_canon	 hcanon;
	enum dk_canon	 bcanon;
	char		**headers;	/* NULL-terminated; NULL: default */
	char		*authserv_id;	/* NULL: smtpd's admd, else host */
	struct cfg_key	*keys;
	size_t		 nkeys;
	struct cfg_net	*nets;
	size_t		 nnets;
	size_t		 spool_max;
	size_t		 memory_max;
	size_t		 header_max;
	char		*spool_dir;
	int64_t		 dns_timeout;	/* ms */
	char		*resolver;	/* NULL: resolv.conf */
	int		 reject;
	int		 reject_permerror;	/* -r rejects permerror too */
	int64_t		 fixed_time;	/* t= and the verify clock; -1: now */
	int64_t		 expire;	/* x= after t=, seconds; 0: none */
	int		 verbose;
	char		*headers_where;	/* where headers and mode were set; */
	char		*mode_where;	/* NULL: the default */
};

/* A parsed line from smtpd; spans point into the line. */
struct event {
	int		 version;	/* protocol 0.N: N */
	uint64_t	 sid;
	char		 token[FILTER_ID_LEN + 1];
	uint32_t	 msgid;
	struct dk_span	 addr;		/* address, user name or source */
	struct dk_span	 result;
	struct dk_span	 data;		/* a data-line, '|' and all */
};

/*
 * The memory that the sessions of the process hold, against its bound
 * (memory-max): each session's struct, each spool's buffer, and each
 * message's own state, as msg.c counts it (its struct, the engine's
 * handle, the header block). A session counts its struct and its
 * message's from link-connect on, as FILTER_SESSION_COST: smtpd has
 * the session already, so that is counted even past the bound, which
 * spools and messages then no longer get.
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

enum msg_mode {
	MSG_PASS = 0,	/* pass on unchanged */
	MSG_SIGN,
	MSG_VERIFY
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
	struct config	*cfg;
	enum msg_mode	 mode;
	enum msg_state	 state;
	uint32_t	 msgid;
	char		 token[FILTER_ID_LEN + 1];
	size_t		 linemax;	/* smtpd cuts lines we send; 0: no */
	struct spool	 spool;
	struct dk_msghdr mh;
	uint64_t	 nlines;
	unsigned int	 ncut;
	struct drop	*drop;
	size_t		 ndrop;
	struct dk_signer *signer;
	size_t		 nsig;
	const char	*sdid;
	struct dk_verifier *verifier;
	char		*authserv_id;
	struct dk_dns_lookup *lookups[DK_QUERIES_MAX];
	size_t		 nlookups;
	int64_t		 deadline;	/* monotonic ms; -1: none */
	struct msg	*wnext;		/* list of messages with lookups */
	int		 waiting;
	int		 error;
	const char	*refusal;	/* with error: a 5xx; NULL: 451 */
	char		 note[FILTER_NOTE_MAX];
	char		 hfrom[DK_DOMAIN_MAX + 1];	/* From domain, log */
	const char	*decision;	/* at commit; NULL: proceed */
	size_t		 charged;	/* of memory-max, outside the spool */
};

struct session {
	uint64_t	 id;
	struct session	*next;		/* hash chain */
	int		 internal;	/* source in the internal networks */
	int		 auth;		/* link-auth pass */
	uint32_t	 msgid;
	char		 mailfrom[FILTER_ADDR_MAX + 1];
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
/* An internal error that may pass: only "." goes out, 451 at commit. */
void	dk_filter_msg_fail(struct msg *m, const char *fmt, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
/*
 * The engine said st (not DK_OK), with errmsg: DK_ENOMEM fails the
 * message as above; anything else is for good, and the message passes
 * on unsigned or unverified, errmsg in its log line.
 */
void	dk_filter_msg_engine_error(struct msg *m, enum dk_status st,
	    const char *errmsg);
/*
 * The header block passed header-max: a signed message passes on
 * unsigned; a verified one fails with m->refusal set, a 552, for good.
 */
void	dk_filter_msg_header_too_large(struct msg *m);

/* spool.c */
int	dk_filter_spool_line(struct spool *sp, const char *dir,
	    const char *line, size_t len);
int	dk_filter_spool_lines(const struct spool *sp, char *scratch,
	    int (*fn)(void *, const char *, size_t), void *arg);
void	dk_filter_spool_free(struct spool *sp);
/* Take n more bytes of the bound: 0, or -1 when they are not left. */
int	dk_filter_mem_take(struct spool_mem *mem, size_t n);
void	dk_filter_mem_give(struct spool_mem *mem, size_t n);

/* sign.c */
int	dk_filter_sign_start(struct msg *m, int eoh);
void	dk_filter_sign_finish(struct msg *m);
void	dk_filter_sign_log(const struct msg *m, char *buf, size_t len);

/* verify.c */
void	dk_filter_verify_start(struct filter *f, struct msg *m, int eoh);
void	dk_filter_verify_end(struct filter *f, struct msg *m);
void	dk_filter_verify_dns(struct filter *f);
int64_t	dk_filter_verify_deadline(const struct filter *f);
void	dk_filter_verify_timers(struct filter *f);
void	dk_filter_verify_cancel(struct filter *f, struct msg *m);
const char *dk_filter_verify_field(const struct msg *m);
void	dk_filter_verify_log(const struct msg *m, char *buf, size_t len);
/* -r: the decision at commit ("reject|..."), or NULL to go on */
const char *dk_filter_verify_decision(const struct msg *m);

/* hdr.c */
int	dk_filter_hdr_from_domain(const struct dk_hfield *fld, char *dom,
	    size_t domlen);
/* Check and normalize a domain or selector in place: 0, or -1. */
int	dk_filter_hdr_domain_norm(char *dom);
int	dk_filter_hdr_ar_is_ours(const struct dk_hfield *fld,
	    const char *id);

/* policy.c */
int	dk_filter_net_parse(const char *s, struct cfg_net *net);
int	dk_filter_src_internal(const struct config *cfg, const char *src,
	    size_t len);
enum msg_mode dk_filter_policy_mode(const struct config *cfg,
	    const struct session *s);

/* config.c */
int	dk_filter_config_load(const struct args *a, struct config **cp);

/*
 * check.c, -n: load the configuration as user (NULL: as we are; not
 * root, only our own user), print "configuration OK" or every error, and
 * exit 0 or 78 (EX_CONFIG). level 2 (-n -n) also compares each key with
 * its published record, all looked up at once within dns-timeout.
 */
void	dk_filter_check(const struct args *a, const char *user, int level)
	    __attribute__((__noreturn__));
void	dk_filter_config_unref(struct config *c);
const char *dk_filter_config_authserv(const struct filter *f,
	    const struct config *c);

/* sandbox.c */
void	dk_filter_sandbox_startup(const struct args *a,
	    const struct config *c);
void	dk_filter_sandbox_running(void);

#endif /* DK_FILTER_H */
