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
 * Fuzz filter-dkim's state: the order of events, not the content. Each
 * input byte is one event for one of two sessions, in any order, valid
 * or not for smtpd: protocol lines (link-connect from inside or outside,
 * a transaction, header lines with a signature, body lines around the
 * spool bound, ".", commit, tx-commit, tx-rollback, link-disconnect),
 * DNS answers from a server on a loopback socket here (NXDOMAIN), key
 * lookups left to their deadline, the clock moving, and an internal
 * failure of the next spool operation (ENOSPC, EMFILE or ENOMEM, through
 * the spool's fault hook). A byte is
 *	bit 7		the session (two of them)
 *	bits 4-6	a variant: inside or outside, a length, an errno
 *	bits 0-3	the event (enum below)
 * Checks: no crash and no sanitizer finding (a lookup answered into a
 * message that was emitted or failed was issue 8's crash); every line to
 * smtpd is a filter-result or a filter-dataline; after both sessions are
 * disconnected nothing is left: no session, waiting message, lookup,
 * configuration reference or spool memory (and no leak, for ASan).
 */

#include <sys/types.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/filter/filter.h"
#include "fuzz.h"
#include "fuzzfilter.h"

enum ev_kind {
	E_CONNECT = 0,	/* variant bit 0: from outside (verify) */
	E_TX,		/* tx-begin, tx-mail, tx-rcpt */
	E_SIGNATURE,	/* a DKIM-Signature field, three lines */
	E_FROM,
	E_BLANK,	/* the end of the header block */
	E_BODY,		/* a line of variant * 700 bytes */
	E_DOT,
	E_ANSWER,	/* every query waiting at the server: NXDOMAIN */
	E_DEADLINE,	/* queries dropped; the clock passes the deadline */
	E_FAULT,	/* the next spool operation fails */
	E_COMMIT,
	E_TX_COMMIT,
	E_ROLLBACK,
	E_DISCONNECT,
	E_CLOCK,	/* variant seconds pass */
	E_TX_END	/* tx-reset (ignored by the filter) */
};

#define LINE_MAX_FUZZ	8192
#define OUT_PREFIX_MAX	64
#define TIME		"1700000000.000000"
#define REPORT		"report|0.6|" TIME "|smtp-in|"
#define FILTER		"filter|0.6|" TIME "|smtp-in|"
#define TOKEN		"f91c620c041fd4b6"
#define NSESS		2
#define INPUT_MAX	4096

static const char *const sids[NSESS] = { "2d296248ca88e298",
	"3a4b5c6d7e8f9012" };

static const char conf_text[] =
    "fixed-time 1700000000\n"
    "spool-max 4096\n"
    "memory-max 65536\n"
    "dns-timeout 1\n"
    "reject yes\n";

static char *const keys[] = { "example.test:ed:tests/filter/keys/ed.key" };

static struct args	 args;
static struct config	*cfg;
static struct dk_resolver *resolver;
static char		*scratch;
static int		 outfd, server;
static int		 fault;
static int64_t		 clock_ms = 1000000;
static uint32_t		 msgids[NSESS];
static char		 line[LINE_MAX_FUZZ];

static int
fault_hook(void *arg, enum spool_op op)
{
	int e = fault;

	(void)arg;
	(void)op;
	fault = 0;
	return e;
}

/* The loopback socket the resolver asks; its port goes in --resolver. */
static int
server_open(char *addr, size_t len)
{
	struct sockaddr_in sin;
	socklen_t sl = sizeof(sin);
	int s;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0)) == -1 ||
	    bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(s, (struct sockaddr *)&sin, &sl) == -1) {
		perror("fuzz_filter_events: server");
		exit(1);
	}
	(void)snprintf(addr, len, "127.0.0.1:%d", ntohs(sin.sin_port));
	return s;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char path[DK_FUZZ_PATH_MAX];
	static char addr[32];
	struct dk_resolver_opts o;
	char err[128];
	int fd;

	(void)argc;
	(void)argv;
	server = server_open(addr, sizeof(addr));
	dk_fuzz_conf_write(path, "fuzz_filter_events", conf_text);
	args.file = path;
	args.resolver = addr;
	args.keys = keys;
	args.nkeys = 1;
	fd = dk_policy_config_load(&args, &cfg);
	(void)unlink(path);
	if (fd == -1) {
		fprintf(stderr, "fuzz_filter_events: configuration failed "
		    "(run from the top of the tree)\n");
		exit(1);
	}
	dk_resolver_opts_init(&o, sizeof(o));
	o.server = cfg->resolver;
	o.nocache = 1;		/* every run asks the server */
	o.budget_ms = POLICY_DNS_TIMEOUT_MAX;
	if (dk_resolver_new(&resolver, &o, err, sizeof(err)) != DK_OK ||
	    (scratch = malloc(FILTER_SCRATCH)) == NULL ||
	    (outfd = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "fuzz_filter_events: setup failed\n");
		exit(1);
	}
	return 0;
}

/* smtpd exits on an answer it cannot parse. */
static void
check_output(const struct out *o)
{
	const char *p, *end, *nl;

	if (o->len == 0)
		return;
	end = o->buf + o->len;
	DK_FUZZ_CHECK(end[-1] == '\n');
	for (p = o->buf; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		DK_FUZZ_CHECK(strncmp(p, "filter-result|", 14) == 0 ||
		    strncmp(p, "filter-dataline|", 16) == 0 ||
		    strncmp(p, "register|", 9) == 0);
	}
}

static void
feed(struct filter *f, const char *fmt, const char *sid, const char *data)
{
	int n;

	n = snprintf(line, sizeof(line), fmt, sid, data);
	DK_FUZZ_CHECK(n > 0 && (size_t)n < sizeof(line));
	dk_filter_proto_line(f, line, (size_t)n);
	dk_fuzz_filter_pump(f, clock_ms, check_output);
}

static void
report_tx(struct filter *f, int s, const char *event, const char *tail)
{
	char fmt[128];
	char id[16];

	(void)snprintf(id, sizeof(id), "%08" PRIx32, msgids[s]);
	(void)snprintf(fmt, sizeof(fmt), REPORT "%s|%%s|%s%%s", event, id);
	feed(f, fmt, sids[s], tail);
}

static void
data(struct filter *f, int s, const char *text)
{
	feed(f, FILTER "data-line|%s|" TOKEN "|%s", sids[s], text);
}

/*
 * Answer (NXDOMAIN: the query with QR and RCODE 3) or drop every query
 * at the server, then let the resolver read the answers.
 */
static void
dns(struct filter *f, int answer)
{
	struct sockaddr_storage ss;
	struct pollfd pfd[16];
	socklen_t sl;
	unsigned char q[512];
	ssize_t n;
	size_t np;
	int sent = 0;

	for (;;) {
		sl = sizeof(ss);
		if ((n = recvfrom(server, q, sizeof(q), 0,
		    (struct sockaddr *)&ss, &sl)) < 12)
			break;
		if (!answer)
			continue;
		q[2] |= 0x80;
		q[3] = (unsigned char)((q[3] & 0xf0) | 3);
		sent += sendto(server, q, (size_t)n, 0,
		    (struct sockaddr *)&ss, sl) == n;
	}
	if (sent > 0) {
		np = dk_resolver_fds(f->resolver, pfd, 16);
		if (np > 16)
			np = 16;
		/*
		 * Loopback delivers a datagram within sendto(): the
		 * answers that can arrive are there. Waiting would only
		 * wait out answers to lookups of messages that are gone,
		 * whose sockets are closed.
		 */
		if (poll(pfd, np, 0) > 0)
			dk_resolver_process(f->resolver, pfd, np, clock_ms);
	}
	if (!answer)
		clock_ms += cfg->dns_timeout + 1;
	dk_fuzz_filter_pump(f, clock_ms, check_output);
}

static void
play(struct filter *f, uint8_t b)
{
	static const int errs[] = { ENOSPC, EMFILE, ENOMEM };
	static char body[7 * 700 + 1];
	int s = b >> 7, v = (b >> 4) & 7;

	switch ((enum ev_kind)(b & 0x0f)) {
	case E_CONNECT:
		feed(f, REPORT "link-connect|%s|%s", sids[s], v & 1 ?
		    "<unknown>|fail|192.0.2.1:4764|127.0.0.1:25" :
		    "localhost|pass|127.0.0.1:4764|127.0.0.1:25");
		break;
	case E_TX:
		msgids[s]++;
		report_tx(f, s, "tx-begin", "");
		report_tx(f, s, "tx-mail", "|ok|alice@example.test");
		report_tx(f, s, "tx-rcpt", "|ok|bob@example.test");
		break;
	case E_SIGNATURE:
		data(f, s, "DKIM-Signature: v=1; a=ed25519-sha256; "
		    "c=relaxed/relaxed; d=example.test;");
		data(f, s, v & 1 ? " s=ed; h=from;" : " s=k; h=from:to;");
		data(f, s, " bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; "
		    "b=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==");	/* 64 bytes */
		break;
	case E_FROM:
		data(f, s, "From: Alice <alice@example.test>");
		break;
	case E_BLANK:
		data(f, s, "");
		break;
	case E_BODY:
		memset(body, 'a' + v, (size_t)v * 700);
		body[v * 700] = '\0';
		data(f, s, body);
		break;
	case E_DOT:
		data(f, s, ".");
		break;
	case E_ANSWER:
		dns(f, 1);
		break;
	case E_DEADLINE:
		dns(f, 0);
		break;
	case E_FAULT:
		fault = errs[v % 3];
		break;
	case E_COMMIT:
		feed(f, FILTER "commit|%s|" TOKEN "|%s", sids[s], "");
		break;
	case E_TX_COMMIT:
		report_tx(f, s, "tx-commit", "|1024");
		break;
	case E_ROLLBACK:
		report_tx(f, s, "tx-rollback", "");
		break;
	case E_DISCONNECT:
		feed(f, REPORT "link-disconnect|%s%s", sids[s], "");
		break;
	case E_CLOCK:
		clock_ms += (int64_t)v * 1000;
		dk_fuzz_filter_pump(f, clock_ms, check_output);
		break;
	case E_TX_END:
		report_tx(f, s, "tx-reset", "");
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t size)
{
	static const char *const conf[] = {
		"config|smtpd-version|6.8.0p2",
		"config|smtp-session-timeout|300",
		"config|subsystem|smtp-in",
		"config|admd|mx.example.test",
		"config|ready"
	};
	struct filter f;
	size_t i;
	int s;

	if (size > INPUT_MAX)
		return 0;
	memset(&f, 0, sizeof(f));
	f.cfg = cfg;
	f.args = &args;
	f.resolver = resolver;
	f.scratch = scratch;
	f.mem.max = cfg->memory_max;
	f.spool_fault = fault_hook;
	dk_filter_out_init(&f.out, outfd);
	fault = 0;
	for (i = 0; i < sizeof(conf) / sizeof(conf[0]); i++) {
		(void)snprintf(line, sizeof(line), "%s", conf[i]);
		dk_filter_proto_line(&f, line, strlen(line));
	}
	for (i = 0; i < size; i++)
		play(&f, in[i]);
	for (s = 0; s < NSESS; s++)
		feed(&f, REPORT "link-disconnect|%s%s", sids[s], "");
	dns(&f, 0);	/* queries of gone messages: nothing may answer */
	DK_FUZZ_CHECK(f.sessions.n == 0 && f.waiting == NULL);
	DK_FUZZ_CHECK(cfg->refs == 1 && f.mem.used == 0);
	DK_FUZZ_CHECK(dk_resolver_pending(resolver) == 0);
	dk_filter_sessions_free(&f);
	dk_filter_out_free(&f.out);
	return 0;
}
