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
 * Fuzz filter-dkim's message path (src/filter) with hostile message
 * content. smtpd is a trusted peer, so the protocol framing around the
 * input is fixed and valid (smtpd-filters 0.6, as tests/filter plays
 * it); what a client controls goes in the data-lines and the envelope
 * sender. Input: a flags byte, then the message. The message is split on
 * '\n' into data-lines, each cut at its first NUL as smtpd cuts it; a
 * line of "." ends a message, and what follows is the next message of
 * the same session. Flags:
 *	bit 0	an external client (verify) instead of 127.0.0.1 (sign)
 *	bit 1	after each ".", the clock passes the message's DNS deadline
 *	bit 2	the first line is the envelope sender
 *	bit 3	tx-rollback instead of tx-commit
 *	bit 4	after each ".", the clock passes the resolver's budget
 * Other bits are ignored (the seeds set 0x40, so that none is NUL).
 * Keys are looked up at a closed loopback port, so they stay in flight
 * until a deadline passes or the session ends. Checks: no fatal exit,
 * every line written to smtpd is one smtpd accepts, and after
 * link-disconnect nothing is left: no session, message, lookup or
 * configuration reference (and no leak, for ASan).
 */

#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/filter/filter.h"
#include "fuzz.h"
#include "fuzzfilter.h"

#define FLAG_VERIFY	0x01
#define FLAG_DEADLINE	0x02
#define FLAG_SENDER	0x04
#define FLAG_ROLLBACK	0x08
#define FLAG_BUDGET	0x10

/* smtpd refuses client lines over SMTP_LINE_MAX (smtp_session.c) */
#define SMTP_LINE_MAX	65535
/* smtpd's SMTPD_MAXMAILADDRSIZE is 255 + 1 + 255; past POLICY_ADDR_MAX */
#define SENDER_MAX	512
#define INPUT_MAX	(1024 * 1024)	/* run.sh gives 64 KiB at most */
#define HEAD_MAX	128	/* "filter|0.6|TIME|smtp-in|data-line|S|T|" */
#define RESOLVER_MAX	32	/* "127.0.0.1:PORT" */

#define SID		"2d296248ca88e298"
#define SID_NUM		0x2d296248ca88e298ULL
#define TOKEN		"f91c620c041fd4b6"
#define TIME		"1700000000.000000"
#define REPORT		"report|0.6|" TIME "|smtp-in|"
#define FILTER		"filter|0.6|" TIME "|smtp-in|"
#define MSGID_BASE	0x3e790450u

/*
 * The configuration file: the vectors' clock, so that runs repeat; small
 * spool and header bounds, so that the spill to a file and the header
 * bound are reached by inputs of a few KiB; -r for the verify decisions.
 */
static const char conf_text[] =
    "fixed-time 1700000000\n"
    "spool-max 4096\n"
    "header-max 8192\n"
    "reject yes\n";

/* Ed25519 only: an RSA signature per input would make runs slow. */
static char *const keys[] = {
	"example.com:ed:tests/filter/keys/ed.key",
	"example.com:k:tests/filter/keys/rfc8463.key",
	"example.test:ed:tests/filter/keys/ed.key",
	"messiah.edu:ed:tests/filter/keys/ed.key"
};

static struct args	 args;
static struct config	*cfg;
static struct dk_resolver *resolver;
static char		*scratch;
static int		 outfd;
static int64_t		 clock_ms = 1000000;	/* the monotonic clock */
static char		 line[HEAD_MAX + SMTP_LINE_MAX + 1];

/* A loopback UDP port with nothing behind it: bind one, then let go. */
static int
closed_port(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int s, port;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((s = socket(AF_INET, SOCK_DGRAM, 0)) == -1 ||
	    bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(s, (struct sockaddr *)&sin, &len) == -1) {
		perror("closed_port");
		exit(1);
	}
	port = ntohs(sin.sin_port);
	(void)close(s);
	return port;
}

static void
resolver_start(void)
{
	struct dk_resolver_opts o;
	char err[128];

	dk_resolver_opts_init(&o, sizeof(o));
	o.server = cfg->resolver;
	o.budget_ms = POLICY_DNS_TIMEOUT_MAX;	/* as main.c sets it up */
	if (dk_resolver_new(&resolver, &o, err, sizeof(err)) != DK_OK) {
		fprintf(stderr, "resolver: cannot start\n");
		exit(1);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char path[DK_FUZZ_PATH_MAX];
	static char server[RESOLVER_MAX];

	(void)argc;
	(void)argv;
	dk_fuzz_conf_write(path, "fuzz_filter", conf_text);
	(void)snprintf(server, sizeof(server), "127.0.0.1:%d", closed_port());
	args.file = path;
	args.mode = "auto";
	args.resolver = server;
	args.keys = keys;
	args.nkeys = (int)(sizeof(keys) / sizeof(keys[0]));
	if (dk_policy_config_load(&args, &cfg) == -1) {
		(void)unlink(path);
		fprintf(stderr, "fuzz_filter: configuration failed (run "
		    "from the top of the tree)\n");
		exit(1);
	}
	(void)unlink(path);
	resolver_start();
	if ((scratch = malloc(FILTER_SCRATCH)) == NULL ||
	    (outfd = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1) {
		perror("fuzz_filter");
		exit(1);
	}
	return 0;
}

/* smtpd (lka_filter.c) exits on an answer it cannot parse. */
static void
check_answer(const char *p, size_t len)
{
	static const char res[] = "filter-result|" SID "|" TOKEN "|";
	static const char dl[] = "filter-dataline|" SID "|" TOKEN "|";
	const char *d;

	if (len >= sizeof(dl) - 1 && memcmp(p, dl, sizeof(dl) - 1) == 0)
		return;
	if (len >= 9 && memcmp(p, "register|", 9) == 0)
		return;
	DK_FUZZ_CHECK(len >= sizeof(res) - 1 &&
	    memcmp(p, res, sizeof(res) - 1) == 0);
	d = p + sizeof(res) - 1;
	len -= sizeof(res) - 1;
	if (len == 7 && memcmp(d, "proceed", 7) == 0)
		return;
	DK_FUZZ_CHECK(len > 11 && memcmp(d, "reject|", 7) == 0 &&
	    (d[7] == '4' || d[7] == '5') && d[8] >= '0' && d[8] <= '9' &&
	    d[9] >= '0' && d[9] <= '9' && d[10] == ' ');
}

static void
check_output(const struct out *o)
{
	const char *p, *end, *nl;

	if (o->len == 0)
		return;		/* buf may still be NULL */
	end = o->buf + o->len;
	DK_FUZZ_CHECK(end[-1] == '\n');
	for (p = o->buf; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		check_answer(p, (size_t)(nl - p));
	}
}

static void
feed(struct filter *f, const char *head, const char *data, size_t len)
{
	size_t hlen = strlen(head);

	DK_FUZZ_CHECK(hlen <= HEAD_MAX && len <= SMTP_LINE_MAX);
	memcpy(line, head, hlen);
	memcpy(line + hlen, data, len);
	line[hlen + len] = '\0';
	dk_filter_proto_line(f, line, hlen + len);
	dk_fuzz_filter_pump(f, clock_ms, check_output);
}

/* report|0.6|TIME|smtp-in|EVENT|SID|MSGID[TAIL DATA] */
static void
report_tx(struct filter *f, const char *event, uint32_t msgid,
    const char *tail, const char *data, size_t len)
{
	char head[HEAD_MAX + 1];

	(void)snprintf(head, sizeof(head), REPORT "%s|" SID "|%08" PRIx32 "%s",
	    event, msgid, tail);
	feed(f, head, data, len);
}

/* The next line of data[*off..size): up to '\n', and smtpd stops at NUL. */
static size_t
next_line(const uint8_t *data, size_t size, size_t *off, const char **p)
{
	const uint8_t *s = data + *off, *nl, *nul;
	size_t len;

	nl = memchr(s, '\n', size - *off);
	len = nl == NULL ? size - *off : (size_t)(nl - s);
	*off += nl == NULL ? len : len + 1;
	if ((nul = memchr(s, '\0', len)) != NULL)
		len = (size_t)(nul - s);
	*p = (const char *)s;
	return len > SMTP_LINE_MAX ? SMTP_LINE_MAX : len;
}

static void
handshake(struct filter *f, int flags)
{
	static const char *const conf[] = {
		"config|smtpd-version|6.8.0p2",
		"config|smtp-session-timeout|300",
		"config|subsystem|smtp-in",
		"config|admd|mx.example.test",
		"config|ready"
	};
	size_t i;

	for (i = 0; i < sizeof(conf) / sizeof(conf[0]); i++)
		feed(f, conf[i], "", 0);
	feed(f, flags & FLAG_VERIFY ?
	    REPORT "link-connect|" SID "|<unknown>|fail|192.0.2.1:47646|"
	    "127.0.0.1:25" :
	    REPORT "link-connect|" SID "|localhost|pass|127.0.0.1:47646|"
	    "127.0.0.1:25", "", 0);
}

/*
 * One transaction, with the lines of data[*off..size) up to a "." line.
 * Returns 0 when it was committed, -1 when the message still waits for
 * its keys: smtpd then waits too, and ends the session at its timeout.
 */
static int
transaction(struct filter *f, int flags, uint32_t msgid, const char *sender,
    size_t senderlen, const uint8_t *data, size_t size, size_t *off)
{
	const struct session *s;
	const char *p;
	size_t len;

	report_tx(f, "tx-begin", msgid, "", "", 0);
	report_tx(f, "tx-mail", msgid, "|ok|", sender, senderlen);
	report_tx(f, "tx-rcpt", msgid, "|ok|", "root@localhost", 14);
	while (*off < size) {
		len = next_line(data, size, off, &p);
		if (len == 1 && p[0] == '.')
			break;
		feed(f, FILTER "data-line|" SID "|" TOKEN "|", p, len);
	}
	feed(f, FILTER "data-line|" SID "|" TOKEN "|", ".", 1);
	if (flags & FLAG_DEADLINE)
		clock_ms += cfg->dns_timeout + 1;
	if (flags & FLAG_BUDGET)
		clock_ms += POLICY_DNS_TIMEOUT_MAX + 1;
	dk_fuzz_filter_pump(f, clock_ms, check_output);
	DK_FUZZ_CHECK((s = dk_filter_session_get(f, SID_NUM)) != NULL &&
	    s->msg != NULL);
	if (s->msg->state != MSG_EMITTED)
		return -1;
	feed(f, FILTER "commit|" SID "|" TOKEN "|", "", 0);
	DK_FUZZ_CHECK(s->msg == NULL);
	if (flags & FLAG_ROLLBACK)
		report_tx(f, "tx-rollback", msgid, "", "", 0);
	else
		report_tx(f, "tx-commit", msgid, "|1024", "", 0);
	report_tx(f, "tx-reset", msgid, "", "", 0);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct filter f;
	const char *sender = "alice@example.test";
	size_t senderlen = strlen(sender), off;
	uint32_t msgid = MSGID_BASE;
	int flags;

	if (size < 1 || size > INPUT_MAX)
		return 0;
	flags = data[0];
	off = 1;
	if (flags & FLAG_SENDER) {
		senderlen = next_line(data, size, &off, &sender);
		if (senderlen > SENDER_MAX)
			senderlen = SENDER_MAX;
	}
	memset(&f, 0, sizeof(f));
	f.cfg = cfg;
	f.args = &args;
	f.resolver = resolver;
	f.mem.max = cfg->memory_max;
	f.scratch = scratch;
	dk_filter_out_init(&f.out, outfd);
	handshake(&f, flags);
	do {
		if (transaction(&f, flags, msgid++, sender, senderlen, data,
		    size, &off) == -1)
			break;
	} while (off < size);
	feed(&f, REPORT "link-disconnect|" SID, "", 0);
	DK_FUZZ_CHECK(f.sessions.n == 0 && f.waiting == NULL);
	DK_FUZZ_CHECK(cfg->refs == 1);
	DK_FUZZ_CHECK(dk_resolver_pending(resolver) == 0);
	dk_filter_sessions_free(&f);
	dk_filter_out_free(&f.out);
	return 0;
}
