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
 * src/cli: the dkimkit(1) tool. Each subcommand takes its argv (argv[0]
 * is the subcommand's name) and returns the process exit status, as
 * listed in sysexits(3) and DESIGN.md. Errors are one stderr line,
 * "dkimkit: what: why".
 */

#ifndef DK_CLI_H
#define DK_CLI_H

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sysexits.h>

#include "dkimkit.h"

/* --version; the build may set it from the release's number */
#ifndef DKIMKIT_VERSION
#define DKIMKIT_VERSION		"1.0.0"
#endif

/* verify: no signature passes (DESIGN.md); not a sysexits(3) code. */
#define DK_CLI_EX_NOPASS	1

/* Read size for streamed input; the LF conversion at most doubles it. */
#define DK_CLI_CHUNK		(64 * 1024)
/* A DNS name as text, with its NUL: 253 octets (RFC 1035 §2.3.4). */
#define DK_CLI_NAME_MAX		256
/* A PEM key file; a 4096-bit RSA PKCS#1 PEM is about 3.3 KiB. */
#define DK_CLI_KEYFILE_MAX	(64 * 1024)
/*
 * A message kept in memory by sign, which must print it after the
 * fields; mail systems refuse far smaller messages (RFC 1870 SIZE
 * limits are usually under 200 MB).
 */
#define DK_CLI_MSG_MAX		((size_t)1024 * 1024 * 1024)

/*
 * getopt_long() values of the long-only options: past any char. The key
 * source's two come first; a command numbers its own from
 * DK_CLI_OPT_OWN.
 */
enum {
	DK_CLI_OPT_DNS_FILE = 256,
	DK_CLI_OPT_RESOLVER,
	DK_CLI_OPT_OWN
};
#define DK_CLI_KEYSRC_LONGOPTS						\
	{ "dns-file",	required_argument, NULL, DK_CLI_OPT_DNS_FILE },	\
	{ "resolver",	required_argument, NULL, DK_CLI_OPT_RESOLVER }

/* --dns-file FILE or --resolver ADDR[:PORT] as given; NULL: not given. */
struct dk_cli_keysrc_args {
	const char	*dnsfile;
	const char	*server;
};

/* Where key records come from (keysrc.c): a zone file, or the DNS. */
struct dk_cli_keysrc {
	struct dk_zone		*zone;		/* --dns-file */
	struct dk_resolver	*resolver;	/* otherwise */
};

/*
 * Where the parts of a DOMAIN:SELECTOR:KEYFILE word lie: the domain at
 * 0, the selector at dlen + 1, the path at poff, to the end.
 */
struct dk_cli_keyparts {
	size_t		 dlen;
	size_t		 slen;
	size_t		 poff;
	size_t		 plen;
};

/* A DOMAIN:SELECTOR:KEYFILE argument, split in place. */
struct dk_cli_keyspec {
	const char	*domain;
	const char	*selector;
	const char	*path;		/* may hold more colons */
};

/* filter-dkim's configuration file, as text (conffile.c). */
#define DK_CLI_CONF_MAX		(1024 * 1024)	/* as filter-dkim's bound */
#define DK_CLI_CONFKEYS_MAX	16	/* key lines of one domain looked at */

struct dk_cli_conf {
	const char	*path;		/* as given, for messages */
	char		 real[PATH_MAX]; /* symbolic links resolved: the
					 * file replaced, beside which the
					 * backup goes */
	char		*buf;		/* the file, NUL-terminated */
	size_t		 len;
	int		 fd;		/* open and flock(2)ed till free */
};

/* A key line: its word DOMAIN:SELECTOR:KEYFILE at buf[off..off+len). */
struct dk_cli_confkey {
	size_t		 off, len, lineno;
	char		 domain[DK_CLI_NAME_MAX];
	char		 selector[DK_CLI_NAME_MAX];
	char		 path[PATH_MAX];
};

/* What dk_cli_signals_hold() changed, for dk_cli_signals_release(). */
struct dk_cli_held {
	sigset_t	 mask;
	sigset_t	 stops;		/* those held that would stop us */
	struct sigaction xfsz;
	struct sigaction pipe;
};

/*
 * A key for dk_cli_keygen_new() to make. like: NULL, or the key file
 * whose owner and group the new one gets, and its mode, at most 0640.
 */
struct dk_cli_newkey {
	enum dk_key_type	 type;
	unsigned int		 bits;		/* 0: the default */
	const char		*domain;	/* of the record printed */
	const char		*selector;
	const char		*path;		/* the key file */
	const char		*like;
};

int	dk_cli_sign(int argc, char **argv);
int	dk_cli_verify(int argc, char **argv);
int	dk_cli_keygen(int argc, char **argv);
int	dk_cli_canon(int argc, char **argv);
int	dk_cli_testkey(int argc, char **argv);
int	dk_cli_rotate(int argc, char **argv);

/* dkimkit.c */
int	dk_cli_usage(const char *cmd);
int	dk_cli_badopt(const char *cmd, int ch, char **argv);

/* io.c */
void	dk_cli_warnx(const char *fmt, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
void	dk_cli_oom(void) __attribute__((__noreturn__));
void	*dk_cli_xmalloc(size_t n);
int	dk_cli_read_fd(int fd, const char *name, size_t max, char **bufp,
	    size_t *lenp);
int	dk_cli_open_file(const char *path, int *fdp);
int	dk_cli_read_file(const char *path, size_t max, char **bufp,
	    size_t *lenp);
ssize_t	dk_cli_read_chunk(int fd, char *buf, size_t len);
int	dk_cli_write(const void *buf, size_t len);
int	dk_cli_write_field(const char *s, const char *eol);
int	dk_cli_flush(void);

/*
 * conffile.c. read: the file, locked against another rotate until free;
 * 0 or an exit status after saying why. keys: the key lines of domain
 * (trimmed, see keyarg.c; a line's may end in a dot) and of selector,
 * unless NULL, both without case, the first max of them in out[];
 * returns how many there are. replace: write backup as a copy of the
 * file, then the file with ck's word replaced by word; both keep the
 * file's owner and mode. Hold signals over it (dk_cli_signals_hold, h):
 * a file changed since read, or a stop signal come meanwhile, leaves the
 * file alone (EX_TEMPFAIL). 0 or an exit status after saying why.
 */
int	dk_cli_conf_read(const char *path, struct dk_cli_conf *cf);
size_t	dk_cli_conf_keys(const struct dk_cli_conf *cf, const char *domain,
	    const char *selector, struct dk_cli_confkey *out, size_t max);
int	dk_cli_conf_replace(const struct dk_cli_conf *cf,
	    const struct dk_cli_confkey *ck, const char *word,
	    const char *backup, const struct dk_cli_held *h);
void	dk_cli_conf_free(struct dk_cli_conf *cf);

/*
 * filewrite.c: files written whole or not at all. signals_hold: till
 * signals_release, SIGHUP, SIGINT, SIGQUIT and SIGTERM wait, so that
 * none stops us halfway, and SIGXFSZ and SIGPIPE are ignored, so that
 * write(2) fails with EFBIG or EPIPE instead; hold them over any use of
 * the temp_ functions. Those of the four the caller held or ignored
 * already stay his. signals_stopped: whether one of the others has come
 * meanwhile;
 * asked last before a file takes its name, it lets a stop undo the
 * work. signals_release with done: the work is complete and said, so
 * those come since are dropped, not let stop us. temp_write:
 * parts[0..nparts) into a new temporary file beside path, its name in
 * tmp[PATH_MAX], synced; with the owner and group of like when we may
 * (root), else like's group when we may (a member), and like's mode,
 * its group's bits only when it has like's group; when like is NULL,
 * our own and mode 0600. The file is then the caller's, to rename, link
 * or unlink. temp_owner: 0 when tmp has like's owner and group, else
 * DK_CLI_OTHER_UID, DK_CLI_OTHER_GID or both. file_remove: unlink(2)
 * path, and sync its directory, so that the name stays gone; 0 or -1
 * with errno.
 * temp_rename: tmp in place of path by rename(2). temp_link: tmp under
 * the name path too by link(2), which never replaces a file (when path
 * exists, the message is "path: " and exists); tmp is then removed.
 * Both sync the directory after, and take tmp away. Each returns 0, or
 * EX_CANTCREAT after saying what failed, why and how to fix it, and
 * then leaves no temporary file.
 */
void	dk_cli_signals_hold(struct dk_cli_held *h);
int	dk_cli_signals_stopped(const struct dk_cli_held *h);
void	dk_cli_signals_release(const struct dk_cli_held *h, int done);
int	dk_cli_temp_write(const char *path, const struct stat *like,
	    const struct iovec *parts, size_t nparts, char *tmp);
#define DK_CLI_OTHER_UID	0x1
#define DK_CLI_OTHER_GID	0x2
int	dk_cli_temp_owner(const char *tmp, const struct stat *like);
int	dk_cli_file_remove(const char *path);
int	dk_cli_temp_rename(const char *tmp, const char *path);
int	dk_cli_temp_link(const char *tmp, const char *path,
	    const char *exists);

/*
 * keyarg.c. domain_trim: drop a final dot, as zone files and
 * filter-dkim's configuration may write a name. keyspec_parse: where
 * the parts of p[0..len) lie, split at its first two colons, each part
 * not empty; 0, or -1 when it is no such word. keyspec_split: spec
 * split in place by the same rule, the domain trimmed, or
 * EX_USAGE after saying why and printing cmd's usage. names_ok: 0 when
 * domain and selector are names, else EX_USAGE after saying why.
 * key_load: a private key file; 0, EX_NOINPUT (unreadable) or
 * EX_DATAERR (not a key), after saying why. keytype_opt: -a rsa or
 * ed25519 into *type; 0, or EX_USAGE after saying why. keybits_ok: -b
 * (0: not given) for a key of type, once the type is known; 0, or
 * EX_USAGE after saying why.
 */
void	dk_cli_domain_trim(char *domain);
int	dk_cli_keyspec_parse(const char *p, size_t len,
	    struct dk_cli_keyparts *kp);
int	dk_cli_keyspec_split(char *spec, const char *cmd,
	    struct dk_cli_keyspec *ks);
int	dk_cli_names_ok(const char *domain, const char *selector);
int	dk_cli_keytype_opt(const char *arg, enum dk_key_type *type);
int	dk_cli_keybits_ok(enum dk_key_type type, int64_t bits);
int	dk_cli_key_load(const char *path, struct dk_key **keyp);

/*
 * keysrc.c. opt: takes getopt_long()'s ch and optarg into a when ch is
 * --dns-file or --resolver (returns 1), else 0. args_ok: 0, or
 * EX_USAGE after saying why and printing cmd's usage when both were
 * given. open: from the zone file a->dnsfile if not NULL, else from the
 * DNS at a->server (NULL: resolv.conf); returns 0 or an exit status
 * after saying why. answer: every query v has now, answered (from the
 * DNS, this waits for them); the status of dk_verifier_answer(). check:
 * the keys of kc[0..n) against their published records, all looked up at
 * once (dk_key_check_published()).
 * report: a line naming the DNS server whose last try failed, and how,
 * if one did.
 */
int	dk_cli_keysrc_opt(struct dk_cli_keysrc_args *a, int ch,
	    const char *arg);
int	dk_cli_keysrc_args_ok(const struct dk_cli_keysrc_args *a,
	    const char *cmd);
int	dk_cli_keysrc_open(struct dk_cli_keysrc *ks,
	    const struct dk_cli_keysrc_args *a);
void	dk_cli_keysrc_close(struct dk_cli_keysrc *ks);
enum dk_status
	dk_cli_keysrc_answer(const struct dk_cli_keysrc *ks,
	    struct dk_verifier *v);
void	dk_cli_keysrc_check(const struct dk_cli_keysrc *ks,
	    struct dk_key_check *kc, size_t n);
void	dk_cli_keysrc_report(const struct dk_cli_keysrc *ks);

/*
 * keygen.c. keygen_new: the key nk describes, written whole to nk->path
 * or not at all (filewrite.c), never over an old file, mode 0600 unless
 * nk->like says otherwise; then its record printed on stdout as
 * record_print does, and flushed. If that fails, the key is removed
 * again: nobody could publish it, and it would take the name from a
 * second try. Signals wait meanwhile (dk_cli_signals_hold): one come
 * before the key has its name leaves none; once the record is out, the
 * key is made, and any come since is dropped. Returns 0 or
 * an exit status after saying why. record_print: the zone-file line of
 * a record on stdout.
 */
int	dk_cli_keygen_new(const struct dk_cli_newkey *nk);
void	dk_cli_record_print(const char *selector, const char *domain,
	    const char *rec);

/*
 * testkey.c. keycheck_file: load the key at path, look up its record at
 * selector and domain in ks, compare, and print testkey's line, "NAME:
 * STATE (DETAIL)". Returns 0 when they match, EX_TEMPFAIL when the
 * lookup failed (try again), DK_CLI_EX_NOPASS when they are known not to
 * match, or the key file's exit status after saying why.
 */
int	dk_cli_keycheck_file(struct dk_cli_keysrc *ks, const char *domain,
	    const char *selector, const char *path);

/* opts.c */
int	dk_cli_canon_opt(const char *arg, enum dk_canon *hc,
	    enum dk_canon *bc);
void	dk_cli_hlist_opt(const char *arg, char ***listp, size_t *np);
int	dk_cli_num_opt(const char *opt, const char *arg, int64_t min,
	    int64_t max, int64_t *out);

#endif /* DK_CLI_H */
