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
 * src/policy: what filter-dkim and dkimkit-milter decide alike, so that
 * each front end keeps only its MTA's protocol. Like any embedder it
 * stands on include/dkimkit.h alone. The files:
 *	config.c	the command line and the config file (the format of
 *			filter-dkim(8)) into a struct config
 *	keyfile.c	key files loaded, and the files we are given read
 *			bounded, with what to say when we may not read one
 *	check.c		-n: the configuration checked as the daemon's user
 *	ours.c		which sessions are ours: internal networks, auth
 *	hdr.c		domain names, and A-R fields claiming our id
 *	msg.c		one message through the engine: sign with the From
 *			domain's keys (or a parent's), or verify; reject
 *			and tempfail policy
 *	lookup.c	a verified message's key lookups and deadline
 *	logline.c	the one log line per message
 *	daemon.c	what both mains do alike: common options, the
 *			resolver and its failures' log, reload, the poll
 *			timeout, the clock
 * Logging goes through log.h, which each front end implements.
 */

#ifndef DK_POLICY_H
#define DK_POLICY_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "dkimkit.h"

#define POLICY_DOMAIN_MAX	253	/* RFC 1035 name length, as text */
#define POLICY_ADDR_MAX		256	/* envelope sender kept for the log */
#define POLICY_NOTE_MAX		320	/* why not signed: words + a domain */
#define POLICY_HEADERS_MAX	256	/* names in -h, as the engine's h= */
#define POLICY_SPOOL_DEFAULT	(1024 * 1024)
/*
 * All messages together hold at most memory-max bytes in memory: their
 * spools' buffers and their own state. Past it, new spills go to the
 * spool file, and a message that would need more state of its own gets
 * a 451. 64 MiB is 64 sessions at spool-max; any number past that costs
 * disk, not memory, until the messages' own state fills the bound.
 */
#define POLICY_MEMORY_DEFAULT	((size_t)64 * 1024 * 1024)
#define POLICY_MEMORY_MIN	(64 * 1024)
#define POLICY_MEMORY_LIMIT	((size_t)1 << 40)	/* sanity cap */
/*
 * The header block is held in memory (the fields go on top), so it has a
 * bound of its own: sendmail's MaxHeadersLength is 32 KiB, Postfix's
 * header_size_limit 100 KiB; a hostile client must not get the engine's
 * 1 MiB per session.
 */
#define POLICY_HEADER_DEFAULT	(64 * 1024)
#define POLICY_HEADER_MIN	4096
#define POLICY_SPOOL_MIN	4096	/* smaller bounds only cost syscalls */
#define POLICY_SPOOL_LIMIT	((size_t)1 << 30)	/* sanity cap */
#define POLICY_DNS_TIMEOUT	20000	/* ms per message; smtpd waits 300 s */
#define POLICY_DNS_TIMEOUT_MAX	600000
/*
 * Key lookups in flight at once, each on a socket of its own: the
 * resolver's inflight_max, and so the poll(2) slots a daemon's loop
 * keeps for DNS. 256 is the library's default: it leaves most of the
 * usual limit of 1024 descriptors to the MTA's connections, and
 * lookups past it wait in the resolver's queue.
 */
#define POLICY_POLL_DNS_MAX	256
#define POLICY_NETS_MAX		256	/* internal-networks entries */
#define POLICY_KEYS_MAX		256	/* keys in one configuration */
#define POLICY_CONF_LINE_MAX	4096	/* one config file line */
#define POLICY_CONF_MAX		(1024 * 1024)	/* a config file */
#define POLICY_KEYFILE_MAX	(64 * 1024)	/* a PEM RSA-4096 is ~3.3 KiB */
#define POLICY_HOST_MAX		255	/* a host name, or smtpd's admd */

#define POLICY_AR_NAME		"Authentication-Results"

/* Replies at the end of a message (RFC 3463, RFC 7372 §3.1). */
#define POLICY_TEMPFAIL	"451 4.7.0 Temporary local error, try again later"

enum policy_mode {
	POLICY_AUTO = 0,
	POLICY_SIGN,
	POLICY_VERIFY
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
	int		 check;		/* -n: 1, -n -n: 2 */
	const char	*user;		/* -u */
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
	enum policy_mode mode;
	enum dk_canon	 hcanon;
	enum dk_canon	 bcanon;
	char		**headers;	/* NULL-terminated; NULL: default */
	char		*authserv_id;	/* NULL: the MTA's admd, else host */
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

/* config.c */
/* Build a configuration: 0, or -1 after logging why. */
int	dk_policy_config_load(const struct args *a, struct config **cp);
void	dk_policy_config_unref(struct config *c);
/*
 * The authserv-id: -A, else the MTA's admd (smtpd's config|admd; NULL
 * or "" for none), else host; each only when it is a valid one.
 */
const char *dk_policy_authserv(const struct config *c, const char *admd,
	    const char *host);

/* keyfile.c */
/*
 * Load k->path into k->key, once, for every message to come: 0, or -1
 * after logging why, prefixed with where ("FILE:LINE" or "command
 * line"). The file's bytes are wiped once parsed.
 */
int	dk_policy_key_load(struct cfg_key *k, const char *where);
/*
 * What a file of this mode is, for a message that names it: "a regular
 * file", "a directory", "a symbolic link", "a fifo", "a socket", "a
 * device" or "a special file".
 */
const char *dk_policy_file_kind(mode_t mode);
/*
 * Read path whole, at most max bytes, NUL-terminated: a buffer the
 * caller frees, *lenp its length. NULL with errno set (EFBIG past max),
 * or, when path is no regular file, with *kind saying what it is ("a
 * directory", "a fifo", ...): a fifo would block the open or the read
 * for ever, a device never ends.
 */
char	*dk_policy_file_read(const char *path, size_t max, size_t *lenp,
	    const char **kind);
/*
 * Log that path cannot be read by us, the user the daemon reads it as:
 * who we are, and the directory on the way that keeps us out, else
 * that what ("the key", "the file") must be made readable. where, put
 * before path, is "FILE:LINE: " or "".
 */
void	dk_policy_file_denied(const char *where, const char *path,
	    const char *what);

/*
 * check.c, -n: load the configuration as user (NULL: as we are; not
 * root, only our own user), print "configuration OK" or every error, and
 * exit 0 or 78 (EX_CONFIG). level 2 (-n -n) also compares each key with
 * its published record, all looked up at once within dns-timeout.
 * failed: the caller has reported an error of its own options already,
 * so the exit is 78 and "configuration OK" is not printed.
 */
void	dk_policy_check(const struct args *a, const char *user, int level,
	    int failed)
	    __attribute__((__noreturn__));

/* ours.c */
/* "local", "ADDR" or "ADDR/PREFIXLEN" into net: 0, or -1. */
int	dk_policy_net_parse(const char *s, struct cfg_net *net);
/*
 * Whether a client address src[0..len) is in the internal networks:
 * "ADDR", "ADDR:PORT", "[IPV6]:PORT", "IPv6:ADDR", or "unix:..." for
 * the local socket. Anything else is not.
 */
int	dk_policy_src_internal(const struct config *cfg, const char *src,
	    size_t len);

/* hdr.c */
/*
 * A domain or selector from the configuration, in the form it is
 * compared in: lowercase, no final dot (in place). dk_domain_ok() and
 * dk_selector_ok() then say whether it is one.
 */
void	dk_policy_name_norm(char *name);
/*
 * Whether field[0..len), a whole header field ("Name: value", folded
 * with CRLF, without the final CRLF), is an Authentication-Results
 * field that claims id as its authserv-id.
 */
int	dk_policy_ar_is_ours(const char *field, size_t len, const char *id);
/*
 * Whether line[0..len), a header line, starts a field named name (any
 * case, WSP allowed before the colon); *value gets what follows the
 * colon.
 */
int	dk_policy_field_is(const char *line, size_t len, const char *name,
	    const char **value);

enum msg_mode {
	MSG_PASS = 0,	/* pass on unchanged */
	MSG_SIGN,
	MSG_VERIFY
};

/*
 * The engine's side of one message, which the front end embeds: the
 * signer or verifier, the keys chosen, the lookups, and what the
 * message ends with. A message that fails keeps its note and is
 * refused at the end (refusal, else POLICY_TEMPFAIL), so mail is never
 * lost silently or passed half-signed; one the engine refuses for good
 * passes on unsigned or unverified, with the reason in its log line.
 */
struct pmsg {
	struct config	*cfg;		/* a reference */
	enum msg_mode	 mode;
	size_t		 hdrlen;	/* header bytes, against header_max */
	size_t		 nfrom;		/* From fields seen */
	int		 hdrdone;
	struct dk_signer *signer;
	size_t		 nsig;
	const char	*sdid;
	struct dk_verifier *verifier;
	char		*authserv_id;
	struct dk_dns_lookup *lookups[DK_QUERIES_MAX];
	size_t		 nlookups;
	int64_t		 deadline;	/* monotonic ms; -1: none */
	int		 error;
	const char	*refusal;	/* with error: a 5xx; NULL: 451 */
	const char	*decision;	/* -r: the reply; NULL: accept */
	size_t		 nforged;	/* our forged A-R fields removed */
	size_t		 nlongar;	/* A-R fields removed unread: longer
					 * than header-max (filter-dkim) */
	char		 note[POLICY_NOTE_MAX];
	char		 hfrom[POLICY_DOMAIN_MAX + 1];	/* for the log */
};

/* msg.c */
/*
 * Whether the header field field[0..len) (as for dk_policy_ar_is_ours())
 * claims pm's authserv-id. Such a field leaves no message, whether it is
 * signed, verified or passed on: only a forger can have written it, a
 * user of ours as much as a stranger (RFC 8601 §5).
 */
int	dk_policy_msg_ar_forged(const struct pmsg *pm, const char *field,
	    size_t len);
/*
 * Start a message from a session that is ours or not, with the
 * authserv-id to verify under: the mode by the configuration, and a
 * signer or verifier for it. On failure pm->error is set.
 */
void	dk_policy_msg_start(struct pmsg *pm, struct config *cfg, int ours,
	    const char *authserv_id);
void	dk_policy_msg_free(struct pmsg *pm);
/*
 * The message has gone out: its signer or verifier and lookups go, and
 * what it ends with (dk_policy_msg_reply()) stays.
 */
void	dk_policy_msg_release(struct pmsg *pm);
/*
 * A header line line[0..len), without its CRLF (a whole field, folded
 * with CRLF, is one line too). Returns 0, or -1 when the header block
 * passed header-max: a signed message then passes on unsigned, a
 * verified one fails with a 552 refusal; later header lines go nowhere
 * (a front end still reads them for forged A-R fields). Lines of a
 * message passed on count against header-max too.
 */
int	dk_policy_msg_header(struct pmsg *pm, const char *line, size_t len);
/*
 * The header block has ended, with its empty line or with the message
 * (this writes the empty line; twice is once). A signed message gets
 * its keys: those of the From domain, else of its closest parent with
 * keys. Then a verified message has its first queries.
 */
void	dk_policy_msg_eoh(struct pmsg *pm);
void	dk_policy_msg_body(struct pmsg *pm, const char *p, size_t len);
/* A message that cannot be signed as it is passes unsigned, with why. */
void	dk_policy_msg_unsignable(struct pmsg *pm, const char *why);
/* An internal error that may pass on retry: refused with 451. */
void	dk_policy_msg_fail(struct pmsg *pm, const char *fmt, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
/*
 * The engine said st (not DK_OK), with errmsg: DK_ENOMEM fails the
 * message as above; anything else is for good, and the message passes
 * on unsigned or unverified, errmsg in its log line.
 */
void	dk_policy_msg_engine_error(struct pmsg *pm, enum dk_status st,
	    const char *errmsg);
/* At the end of a signed message: the signatures, or a pass. */
void	dk_policy_msg_sign_finish(struct pmsg *pm);
/* At the end of a verified message, before its last queries. */
void	dk_policy_msg_verify_end(struct pmsg *pm);
/*
 * Once every key is answered or the deadline passed: the results, and
 * with -r the decision.
 */
void	dk_policy_msg_verify_finish(struct pmsg *pm);
/* The reply the message ends with; NULL: accept it. */
const char *dk_policy_msg_reply(const struct pmsg *pm);

/* lookup.c */
/*
 * Send the queries the verifier has now through r, each with arg, the
 * first one starting the message's deadline, timeout_ms from now.
 */
void	dk_policy_msg_queries(struct pmsg *pm, struct dk_resolver *r,
	    int64_t now, int64_t timeout_ms, void *arg);
/* Whether l is a lookup of pm's. */
int	dk_policy_msg_owns(const struct pmsg *pm,
	    const struct dk_dns_lookup *l);
/* Give pm the answer of its finished lookup l, which is freed. */
void	dk_policy_msg_answer(struct pmsg *pm, struct dk_dns_lookup *l);
/* Cancel every lookup of pm. */
void	dk_policy_msg_cancel(struct pmsg *pm);

/* logline.c */
/*
 * The log line of a message that has ended: "PREFIX mail-from=<...>
 * header-from=... mode=..." with the signatures or results and the
 * note; a warning when it failed.
 */
void	dk_policy_msg_log(const struct pmsg *pm, const char *prefix,
	    const char *mailfrom);

/* daemon.c */
/*
 * getopt_long(3) over the options both daemons take (-A -c -f -h -m -n
 * -r -u --resolver) and own, the front end's: returns the next of
 * own's, '?' for one that is neither, or -1 at the end, with a->keys
 * set to the operands.
 */
int	dk_policy_getopt(int argc, char **argv, const char *own,
	    struct args *a);
/* The resolver every message shares: --resolver, else resolv.conf. */
void	dk_policy_resolver_start(struct dk_resolver **rp,
	    const struct config *c, size_t inflight_max);
/*
 * SIGHUP: a new configuration from a into *cp for new messages; the
 * old one stays on any error. 0 when it changed, else -1.
 */
int	dk_policy_reload(const struct args *a, struct config **cp);
/*
 * After dk_resolver_process(): log the DNS server that failed and how,
 * once per failure burst; *logged is the last burst logged (start at 0).
 */
void	dk_policy_dns_report(const struct dk_resolver *r, uint64_t *logged);
/* Monotonic milliseconds. */
int64_t	dk_policy_now_ms(void);
/*
 * The ppoll(2) timeout at now: the nearer of the resolver's deadline
 * and msgs (the messages' nearest; -1: none). NULL: none.
 */
struct timespec *dk_policy_poll_timeout(const struct dk_resolver *r,
	    int64_t msgs, int64_t now, struct timespec *ts);

#endif /* DK_POLICY_H */
