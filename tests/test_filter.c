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
 * filter-dkim's pure parts: From domains, Authentication-Results
 * authserv-ids, internal networks, and the spool (memory, then file,
 * under a bound shared by all spools). Then the order of events around
 * the end of a message: every ordering of the final ".", the key
 * lookup's answer or deadline, an internal failure (ENOSPC, EMFILE,
 * ENOMEM), commit, tx-rollback and link-disconnect, for signing and
 * verifying, through the filter's own protocol handlers and resolver,
 * with a DNS server on a loopback socket here. The protocol and message
 * paths are also tested with transcripts (tests/filter). The filter's
 * parts come from libfilter.a.
 */

#include <sys/types.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testlib.h"
#include "../src/filter/filter.h"

/*
 * The From domain the policy signs for, as the engine gives it once the
 * header block of a signer without keys has ended.
 */
static int
from_is(const char *text, const char *want)
{
	struct dk_signer *s;
	const char *dom;
	int rc = 0;

	if (dk_signer_new(&s, NULL, 0) != DK_OK ||
	    dk_signer_write(s, text, strlen(text)) != DK_OK ||
	    dk_signer_write(s, "\r\n\r\n", 4) != DK_OK) {
		dk_signer_free(s);
		return test_fail(__FILE__, __LINE__, "%s: signer", text);
	}
	dom = dk_signer_from_domain(s);
	if (want == NULL && dom != NULL)
		rc = test_fail(__FILE__, __LINE__, "%s: got %s, want none",
		    text, dom);
	else if (want != NULL && dom == NULL)
		rc = test_fail(__FILE__, __LINE__, "%s: no domain", text);
	else if (want != NULL && strcmp(want, dom) != 0)
		rc = test_fail(__FILE__, __LINE__, "%s: got %s, want %s",
		    text, dom, want);
	dk_signer_free(s);
	return rc;
}

static int
t_from_domain(void)
{
	return from_is("From: Alice <alice@Example.ORG>", "example.org") ||
	    from_is("From: alice@example.org.", "example.org") ||
	    from_is("From: alice@example.org (Alice @ home)", "example.org") ||
	    from_is("From: \"a@evil.test\" <a@good.test>", "good.test") ||
	    from_is("From: a@evil.test <a@good.test>", "good.test") ||
	    from_is("From:\r\n\tBob\r\n <bob@sub.example.org>",
	    "sub.example.org") ||
	    from_is("From: a@one.test, b@two.test", "one.test") ||
	    from_is("From: Alice <alice>", NULL) ||
	    from_is("From: a@[192.0.2.1]", NULL) ||
	    from_is("From: a@ex..org", NULL) ||
	    from_is("From: (unclosed", NULL);
}

static int
ar_is(const char *text, const char *id, int want)
{
	if (dk_policy_ar_is_ours(text, strlen(text), id) != want)
		return test_fail(__FILE__, __LINE__, "%s: want %d", text, want);
	return 0;
}

static int
t_ar_ours(void)
{
	return ar_is("Authentication-Results: mx.example.test; dkim=pass",
	    "mx.example.test", 1) ||
	    ar_is("authentication-results : MX.Example.Test; spf=pass",
	    "mx.example.test", 1) ||
	    ar_is("Authentication-Results: (x (y)) \"mx.example.test\"\r\n"
	    "\t; dkim=pass", "mx.example.test", 1) ||
	    ar_is("Authentication-Results: mx.example.test 1; none",
	    "mx.example.test", 1) ||
	    ar_is("Authentication-Results:\r\n mx.example.test;",
	    "mx.example.test", 1) ||
	    ar_is("Authentication-Results: mx.example.test.evil; none",
	    "mx.example.test", 0) ||
	    ar_is("Authentication-Results: mx.example; none",
	    "mx.example.test", 0) ||
	    ar_is("X-Authentication-Results: mx.example.test; none",
	    "mx.example.test", 0) ||
	    ar_is("Authentication-Results: ; none", "mx.example.test", 0);
}

static int
t_internal(void)
{
	static const char *nets[] = { "127.0.0.0/8", "::1", "local",
	    "192.0.2.128/25", "2001:db8::/32" };
	struct cfg_net n[5], bad;
	struct config c;
	size_t i;

	memset(&c, 0, sizeof(c));
	for (i = 0; i < 5; i++)
		CHECK(dk_policy_net_parse(nets[i], &n[i]) == 0);
	c.nets = n;
	c.nnets = 5;
#define IN(s)	dk_policy_src_internal(&c, (s), strlen(s))
	CHECK(IN("127.0.0.1:47646"));
	CHECK(IN("127.0.0.2:1"));
	CHECK(IN("unix:/var/run/smtpd.sock"));
	CHECK(IN("[::1]:25"));
	CHECK(IN("::1"));
	CHECK(IN("[::ffff:127.0.0.1]:25"));
	CHECK(IN("192.0.2.200:25"));
	CHECK(!IN("192.0.2.127:25"));
	CHECK(IN("[2001:db8::5]:587"));
	CHECK(!IN("[2001:db9::5]:587"));
	/* Sendmail's spelling: the last group is no port */
	CHECK(IN("IPv6:2001:db8::5"));
	CHECK(IN("IPv6:::1"));
	CHECK(IN("ipv6:::ffff:127.0.0.1"));
	CHECK(!IN("IPv6:2001:db9::5"));
	CHECK(!IN("10.0.0.1:25"));
	CHECK(!IN("<unknown>"));
	CHECK(!IN(""));
#undef IN
	CHECK(dk_policy_net_parse("10.0.0.0/33", &bad) == -1);
	CHECK(dk_policy_net_parse("10.0.0/8", &bad) == -1);
	CHECK(dk_policy_net_parse("::1/129", &bad) == -1);
	CHECK(dk_policy_net_parse("", &bad) == -1);
	return 0;
}

struct collect {
	char	*buf;
	size_t	 len;
};

static int
collect_line(void *arg, const char *p, size_t len)
{
	struct collect *c = arg;

	memcpy(c->buf + c->len, p, len);
	c->buf[c->len + len] = '\n';
	c->len += len + 1;
	return 0;
}

/* Lines of every length up to past the bound come back in order. */
static int
spool_round(size_t max)
{
	struct spool sp;
	struct collect c = { NULL, 0 };
	char *want, *scratch;
	size_t wlen = 0, n;
	int rc = 0;

	memset(&sp, 0, sizeof(sp));
	sp.max = max;
	sp.fd = -1;
	want = malloc(4 * 1024 * 1024);
	c.buf = malloc(4 * 1024 * 1024);
	scratch = malloc(FILTER_SCRATCH);
	CHECK(want != NULL && c.buf != NULL && scratch != NULL);
	for (n = 0; n < 9000; n += n < 100 ? 1 : 97) {
		memset(want + wlen, 'a' + (int)(n % 26), n);
		if (dk_filter_spool_line(&sp, "/tmp", want + wlen, n) == -1)
			rc = test_fail(__FILE__, __LINE__, "spool write");
		wlen += n;
		want[wlen++] = '\n';
	}
	if (dk_filter_spool_lines(&sp, scratch, collect_line, &c) == -1)
		rc = test_fail(__FILE__, __LINE__, "spool read");
	if (rc == 0 && test_memeq(__FILE__, __LINE__, "spool", want, wlen,
	    c.buf, c.len))
		rc = 1;
	if (rc == 0 && max < wlen && sp.fd == -1)
		rc = test_fail(__FILE__, __LINE__, "no file past the bound");
	if (rc == 0 && sp.cap > max)
		rc = test_fail(__FILE__, __LINE__, "memory over the bound");
	dk_filter_spool_free(&sp);
	free(want);
	free(c.buf);
	free(scratch);
	return rc;
}

static int
t_spool(void)
{
	return spool_round(POLICY_SPOOL_MIN) || spool_round(64 * 1024) ||
	    spool_round(POLICY_SPOOL_DEFAULT);
}

/* Spools share one bound: past it they spill, and give it all back. */
static int
t_spool_shared(void)
{
	struct spool_mem mem = { 0, 3 * 4096 };
	struct spool sp[4];
	char line[1000];
	size_t i, n;

	memset(line, 'm', sizeof(line));
	memset(sp, 0, sizeof(sp));
	for (i = 0; i < 4; i++) {
		sp[i].max = 64 * 1024;
		sp[i].fd = -1;
		sp[i].mem = &mem;
	}
	for (n = 0; n < 100; n++)
		for (i = 0; i < 4; i++)
			CHECK(dk_filter_spool_line(&sp[i], "/tmp", line,
			    sizeof(line)) == 0);
	CHECK(mem.used <= mem.max);
	CHECK(sp[3].cap == 0 && sp[3].fd != -1);	/* nothing was left */
	for (i = 0; i < 4; i++)
		dk_filter_spool_free(&sp[i]);
	CHECK(mem.used == 0);
	return 0;
}

/*
 * The end of a message, in every order. Events, each played once per
 * run, in every one of the 720 orders, for sign and verify, with the key
 * lookup answered (NXDOMAIN from the socket here) or left to its
 * deadline, and each of three errnos:
 *	DOT		the final "."
 *	DNS		the lookups' answers arrive, or the clock passes the
 *			message's deadline
 *	FAIL		the next spool operation fails (the fault hook); a
 *			long data-line follows while data is still open
 *	COMMIT		filter commit, then tx-commit
 *	ROLLBACK	tx-rollback
 *	DISCONNECT	link-disconnect
 * Checks: nothing crashes or leaks (ASan, valgrind); a commit on an
 * emitted message gets 451 exactly when a failure hit it, else proceed;
 * at the end no session, message, lookup or configuration reference is
 * left.
 */
enum ev { EV_DOT, EV_DNS, EV_FAIL, EV_COMMIT, EV_ROLLBACK, EV_DISCONNECT,
	EV_N };

#define O_SID		"2d296248ca88e298"
#define O_SID_NUM	0x2d296248ca88e298ULL
#define O_TOKEN		"f91c620c041fd4b6"
#define O_REPORT	"report|0.6|1700000000.000000|smtp-in|"
#define O_FILTER	"filter|0.6|1700000000.000000|smtp-in|"
#define O_DATA		O_FILTER "data-line|" O_SID "|" O_TOKEN "|"
#define O_MSGID		"3e79045c"
#define O_LINE_MAX	8192
#define O_CAPTURE_MAX	(256 * 1024)

struct rig {
	struct config	*cfg;
	struct dk_resolver *resolver;
	struct filter	 f;
	int		 dns;		/* the server's socket */
	int		 outfd;		/* /dev/null */
	int64_t		 clock;
	int		 fault;		/* armed: the errno to fail with */
	uint64_t	 fired;		/* handle of the message a fault hit */
	int		 verify;
	int		 answer;	/* DNS: answer; else the deadline */
	char		 line[O_LINE_MAX];
	char		 got[O_CAPTURE_MAX];	/* what went to smtpd */
	size_t		 ngot;
};

static int
rig_fault(void *arg, enum spool_op op)
{
	struct rig *r = arg;
	const struct session *s = dk_filter_session_get(&r->f, O_SID_NUM);
	int e = r->fault;

	(void)op;
	r->fault = 0;
	if (e != 0 && s != NULL && s->msg != NULL)
		r->fired = s->msg->handle;
	return e;
}

/* Each line to smtpd is kept, then the buffer goes to /dev/null. */
static void
rig_flush(struct rig *r)
{
	struct out *o = &r->f.out;
	size_t n = o->len < sizeof(r->got) - r->ngot ? o->len :
	    sizeof(r->got) - r->ngot;

	if (n > 0)
		memcpy(r->got + r->ngot, o->buf, n);
	r->ngot += n;
	(void)dk_filter_out_flush(o);
}

/* What main.c's loop does after each line: resolver, DNS, timers. */
static void
rig_pump(struct rig *r)
{
	r->f.now = r->clock;
	dk_resolver_process(r->resolver, NULL, 0, r->clock);
	dk_filter_verify_dns(&r->f);
	dk_filter_verify_timers(&r->f);
	rig_flush(r);
}

static void
rig_feed(struct rig *r, const char *head, const char *data, size_t len)
{
	size_t hlen = strlen(head);

	if (hlen + len >= sizeof(r->line))
		len = sizeof(r->line) - hlen - 1;
	memcpy(r->line, head, hlen);
	memcpy(r->line + hlen, data, len);
	r->line[hlen + len] = '\0';
	dk_filter_proto_line(&r->f, r->line, hlen + len);
	rig_pump(r);
}

static void
rig_data(struct rig *r, const char *data)
{
	rig_feed(r, O_DATA, data, strlen(data));
}

/* A loopback UDP socket that the resolver is told to ask. */
static int
rig_server(int *port)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int s;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0)) == -1 ||
	    bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(s, (struct sockaddr *)&sin, &len) == -1)
		return -1;
	*port = ntohs(sin.sin_port);
	return s;
}

/*
 * Answer every query waiting at the server with NXDOMAIN (the query with
 * QR set and RCODE 3), or drop them. Returns how many there were.
 */
static int
rig_answer(struct rig *r, int answer)
{
	struct sockaddr_storage ss;
	socklen_t sslen;
	unsigned char q[512];
	ssize_t n;
	int count = 0;

	for (;;) {
		sslen = sizeof(ss);
		if ((n = recvfrom(r->dns, q, sizeof(q), 0,
		    (struct sockaddr *)&ss, &sslen)) < 12)
			return count;
		count++;
		if (!answer)
			continue;
		q[2] |= 0x80;			/* QR */
		q[3] = (unsigned char)((q[3] & 0xf0) | 3);	/* NXDOMAIN */
		(void)sendto(r->dns, q, (size_t)n, 0, (struct sockaddr *)&ss,
		    sslen);
	}
}

/* The answers are read as main.c reads them: poll, then process. */
static void
rig_dns(struct rig *r)
{
	struct pollfd pfd[16];
	size_t n;
	int i;

	if (!r->answer) {
		(void)rig_answer(r, 0);
		r->clock += r->cfg->dns_timeout + 1;
		rig_pump(r);
		return;
	}
	if (rig_answer(r, 1) == 0) {
		rig_pump(r);
		return;
	}
	for (i = 0; i < 50 && dk_resolver_pending(r->resolver) > 0; i++) {
		n = dk_resolver_fds(r->resolver, pfd, 16);
		if (n > 16)
			n = 16;
		if (poll(pfd, n, 100) > 0)
			dk_resolver_process(r->resolver, pfd, n, r->clock);
		if (dk_resolver_pending(r->resolver) > 0 &&
		    r->f.waiting == NULL)
			break;	/* only cancelled lookups: nothing to wait for */
		rig_pump(r);
		if (r->f.waiting == NULL)
			break;
	}
	rig_pump(r);
}

static const char *const o_sign_head[] = {
	"From: Alice <alice@example.test>",
	"To: Bob <bob@example.test>",
	"Subject: the order of events",
	"",
	NULL
};

static const char *const o_verify_head[] = {
	"DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;",
	" d=example.test; s=ed; h=from:to:subject;",
	" bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;",
	" b=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	"AAAAAAAAAAAAAAAAAAAAAA==",
	"From: Alice <alice@example.test>",
	"To: Bob <bob@example.test>",
	"Subject: the order of events",
	"",
	NULL
};

/*
 * A session, a transaction, and a message up to (not with) its ".":
 * the header block, then nbody lines of 200 bytes.
 */
static void
rig_handshake(struct rig *r)
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
		rig_feed(r, conf[i], "", 0);
}

static void
rig_start(struct rig *r, size_t nbody)
{
	const char *const *h;
	char body[200];
	size_t i;

	rig_handshake(r);
	rig_feed(r, r->verify ?
	    O_REPORT "link-connect|" O_SID "|<unknown>|fail|192.0.2.1:4764|"
	    "127.0.0.1:25" :
	    O_REPORT "link-connect|" O_SID "|localhost|pass|127.0.0.1:4764|"
	    "127.0.0.1:25", "", 0);
	rig_feed(r, O_REPORT "tx-begin|" O_SID "|" O_MSGID, "", 0);
	rig_feed(r, O_REPORT "tx-mail|" O_SID "|" O_MSGID "|ok|"
	    "alice@example.test", "", 0);
	rig_feed(r, O_REPORT "tx-rcpt|" O_SID "|" O_MSGID "|ok|"
	    "bob@example.test", "", 0);
	for (h = r->verify ? o_verify_head : o_sign_head; *h != NULL; h++)
		rig_data(r, *h);
	memset(body, 'b', sizeof(body) - 1);
	body[sizeof(body) - 1] = '\0';
	for (i = 0; i < nbody; i++)
		rig_data(r, body);
}

static int
rig_live(struct rig *r)
{
	const struct session *s = dk_filter_session_get(&r->f, O_SID_NUM);

	return s != NULL && s->msg != NULL && s->msg->state < MSG_ENDED;
}

/* Where the filter-result for commit starts in what was sent; NULL. */
static const char *
rig_result(struct rig *r, size_t from)
{
	static const char res[] = "filter-result|" O_SID "|" O_TOKEN "|";

	r->got[r->ngot < sizeof(r->got) ? r->ngot : sizeof(r->got) - 1] = 0;
	return strstr(r->got + from, res);
}

static int
rig_event(struct rig *r, enum ev e, int err)
{
	const struct session *s;
	const char *res, *want = NULL;
	char big[5000];
	size_t from;

	switch (e) {
	case EV_DOT:
		rig_data(r, ".");
		break;
	case EV_DNS:
		rig_dns(r);
		break;
	case EV_FAIL:
		r->fault = err;
		if (rig_live(r)) {
			memset(big, 'x', sizeof(big) - 1);
			big[sizeof(big) - 1] = '\0';
			rig_data(r, big);
		}
		break;
	case EV_COMMIT:
		s = dk_filter_session_get(&r->f, O_SID_NUM);
		if (s != NULL && s->msg != NULL &&
		    s->msg->state == MSG_EMITTED)
			want = r->fired == s->msg->handle ? "reject|451 " :
			    "proceed";
		from = r->ngot;
		rig_feed(r, O_FILTER "commit|" O_SID "|" O_TOKEN "|", "", 0);
		if (want != NULL && ((res = rig_result(r, from)) == NULL ||
		    strncmp(res + 48, want, strlen(want)) != 0))
			return test_fail(__FILE__, __LINE__, "commit: want "
			    "%s, got %s", want, res ? res + 48 : "nothing");
		rig_feed(r, O_REPORT "tx-commit|" O_SID "|" O_MSGID "|1024",
		    "", 0);
		break;
	case EV_ROLLBACK:
		rig_feed(r, O_REPORT "tx-rollback|" O_SID "|" O_MSGID, "", 0);
		break;
	case EV_DISCONNECT:
		rig_feed(r, O_REPORT "link-disconnect|" O_SID, "", 0);
		break;
	default:
		break;
	}
	return 0;
}

static const char *const ev_names[EV_N] = { "dot", "dns", "fail", "commit",
	"rollback", "disconnect" };

static int
rig_run(struct rig *r, const int *order, int err)
{
	int i, rc = 0;

	memset(&r->f, 0, sizeof(r->f));
	r->f.cfg = r->cfg;
	r->f.resolver = r->resolver;
	r->f.mem.max = r->cfg->memory_max;
	r->f.spool_fault = rig_fault;
	r->f.spool_fault_arg = r;
	r->f.scratch = malloc(FILTER_SCRATCH);
	dk_filter_out_init(&r->f.out, r->outfd);
	r->fault = r->fired = 0;
	r->ngot = 0;
	r->clock += 1000000;
	rig_start(r, 40);	/* past spool-max: the replay reads a file */
	for (i = 0; i < EV_N && rc == 0; i++)
		rc = rig_event(r, (enum ev)order[i], err);
	r->fault = 0;
	(void)rig_answer(r, 0);
	if (rc == 0 && (r->f.sessions.n != 0 || r->f.waiting != NULL ||
	    r->cfg->refs != 1 || dk_resolver_pending(r->resolver) != 0 ||
	    r->f.mem.used != 0))
		rc = test_fail(__FILE__, __LINE__, "left behind: %zu "
		    "session(s), %s, %d config refs, %zu lookup(s), %zu "
		    "bytes", r->f.sessions.n, r->f.waiting ? "a waiting "
		    "message" : "no message", r->cfg->refs,
		    dk_resolver_pending(r->resolver), r->f.mem.used);
	if (rc != 0) {
		fprintf(stderr, "  %s, %s, errno %d, order:",
		    r->verify ? "verify" : "sign", r->answer ? "answer" :
		    "deadline", err);
		for (i = 0; i < EV_N; i++)
			fprintf(stderr, " %s", ev_names[order[i]]);
		fprintf(stderr, "\n");
	}
	dk_filter_sessions_free(&r->f);
	dk_filter_out_free(&r->f.out);
	free(r->f.scratch);
	return rc;
}

/* Heap's algorithm: every permutation of order[0..n), each run once. */
static int
rig_orders(struct rig *r, int *order, int n, int err)
{
	int i, t, rc;

	if (n == 1)
		return rig_run(r, order, err);
	for (i = 0; i < n; i++) {
		if ((rc = rig_orders(r, order, n - 1, err)) != 0)
			return rc;
		t = order[n % 2 ? 0 : i];
		order[n % 2 ? 0 : i] = order[n - 1];
		order[n - 1] = t;
	}
	return 0;
}

static int
rig_setup(struct rig *r, const char *extra)
{
	static char *const keys[] = { "example.test:ed:tests/filter/keys/ed.key" };
	static struct args a;
	struct dk_resolver_opts o;
	char path[] = "/tmp/test_filter.XXXXXX", server[32], text[256];
	char err[128];
	int fd, port, n;

	memset(r, 0, sizeof(*r));
	if ((r->dns = rig_server(&port)) == -1 ||
	    (r->outfd = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1 ||
	    (fd = mkstemp(path)) == -1)
		return test_fail(__FILE__, __LINE__, "setup: %s",
		    strerror(errno));
	n = snprintf(text, sizeof(text), "fixed-time 1700000000\n"
	    "spool-max 4096\ndns-timeout 5\n%s", extra);
	(void)snprintf(server, sizeof(server), "127.0.0.1:%d", port);
	if (write(fd, text, (size_t)n) != n || close(fd) == -1)
		return test_fail(__FILE__, __LINE__, "config file");
	memset(&a, 0, sizeof(a));
	a.file = path;
	a.resolver = server;
	a.keys = keys;
	a.nkeys = 1;
	n = dk_policy_config_load(&a, &r->cfg);
	(void)unlink(path);
	if (n == -1)
		return test_fail(__FILE__, __LINE__, "config (run from the "
		    "top of the tree)");
	dk_resolver_opts_init(&o, sizeof(o));
	o.server = r->cfg->resolver;
	o.nocache = 1;
	o.budget_ms = POLICY_DNS_TIMEOUT_MAX;
	if (dk_resolver_new(&r->resolver, &o, err, sizeof(err)) != DK_OK)
		return test_fail(__FILE__, __LINE__, "resolver: %s", err);
	return 0;
}

static void
rig_teardown(struct rig *r)
{
	dk_resolver_free(r->resolver);
	dk_policy_config_unref(r->cfg);
	(void)close(r->dns);
	(void)close(r->outfd);
}

static int
event_orders(int verify)
{
	static const int errs[] = { ENOSPC, EMFILE, ENOMEM };
	struct rig *r;
	int order[EV_N], i, e, rc = 0;

	if ((r = malloc(sizeof(*r))) == NULL)
		return test_fail(__FILE__, __LINE__, "no memory");
	if (rig_setup(r, "") != 0) {
		free(r);
		return 1;
	}
	r->verify = verify;
	for (r->answer = 0; r->answer < 2 && rc == 0; r->answer++)
		for (e = 0; e < 3 && rc == 0; e++) {
			for (i = 0; i < EV_N; i++)
				order[i] = i;
			rc = rig_orders(r, order, EV_N, errs[e]);
		}
	rig_teardown(r);
	free(r);
	return rc;
}

static int
t_orders_sign(void)
{
	return event_orders(0);
}

static int
t_orders_verify(void)
{
	return event_orders(1);
}

/*
 * The crash of issue 8, with real failures instead of the hook: while
 * the key lookup is out, the spool file cannot be made (EMFILE under a
 * low RLIMIT_NOFILE; a spool-dir removed after startup); then ".", the
 * answer, and commit gets 451.
 */
static int
real_failure(int emfile)
{
	static const int order[] = { EV_DOT, EV_DNS, EV_COMMIT, EV_ROLLBACK,
	    EV_DISCONNECT };
	char dir[] = "/tmp/test_filter.d.XXXXXX", extra[64], big[5000];
	struct rlimit old, low;
	struct rig *r;
	size_t i;
	int rc = 0, fd;

	if ((r = malloc(sizeof(*r))) == NULL || mkdtemp(dir) == NULL)
		return test_fail(__FILE__, __LINE__, "setup");
	(void)snprintf(extra, sizeof(extra), "spool-dir %s\n", dir);
	if (rig_setup(r, extra) != 0) {
		free(r);
		return 1;
	}
	if (!emfile)
		(void)rmdir(dir);
	r->verify = r->answer = 1;
	memset(&r->f, 0, sizeof(r->f));
	r->f.cfg = r->cfg;
	r->f.resolver = r->resolver;
	r->f.mem.max = r->cfg->memory_max;
	r->f.scratch = malloc(FILTER_SCRATCH);
	dk_filter_out_init(&r->f.out, r->outfd);
	rig_start(r, 0);	/* the header block only: all in memory */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	if (emfile) {
		(void)getrlimit(RLIMIT_NOFILE, &old);
		fd = dup(0);	/* the lowest free one: none after it */
		(void)close(fd);
		low = old;
		low.rlim_cur = (rlim_t)fd;
		(void)setrlimit(RLIMIT_NOFILE, &low);
	}
	rig_data(r, big);	/* over spool-max: the file is needed now */
	if (emfile)
		(void)setrlimit(RLIMIT_NOFILE, &old);
	r->fired = r->f.handles;	/* commit must answer 451 */
	for (i = 0; i < sizeof(order) / sizeof(order[0]) && rc == 0; i++)
		rc = rig_event(r, order[i], 0);
	if (rc == 0 && r->f.sessions.n != 0)
		rc = test_fail(__FILE__, __LINE__, "session left");
	dk_filter_sessions_free(&r->f);
	dk_filter_out_free(&r->f.out);
	free(r->f.scratch);
	rig_teardown(r);
	free(r);
	if (emfile)
		(void)rmdir(dir);
	return rc;
}

static int
t_real_failures(void)
{
	return real_failure(1) || real_failure(0);
}

/*
 * A message the engine cannot sign for good (more header fields to sign
 * than h= may list) passes on, signed or not, but never gets a 451.
 */
static int
t_permanent_passes(void)
{
	static const int order[] = { EV_DOT, EV_COMMIT, EV_DISCONNECT };
	struct rig *r;
	char line[64];
	size_t i;
	int rc = 0;

	if ((r = malloc(sizeof(*r))) == NULL)
		return test_fail(__FILE__, __LINE__, "no memory");
	if (rig_setup(r, "") != 0) {
		free(r);
		return 1;
	}
	memset(&r->f, 0, sizeof(r->f));
	r->f.cfg = r->cfg;
	r->f.resolver = r->resolver;
	r->f.mem.max = r->cfg->memory_max;
	r->f.scratch = malloc(FILTER_SCRATCH);
	dk_filter_out_init(&r->f.out, r->outfd);
	rig_handshake(r);
	rig_feed(r, O_REPORT "link-connect|" O_SID "|localhost|pass|"
	    "127.0.0.1:4764|127.0.0.1:25", "", 0);
	rig_feed(r, O_REPORT "tx-begin|" O_SID "|" O_MSGID, "", 0);
	for (i = 0; i < 70; i++) {
		(void)snprintf(line, sizeof(line), "Cc: c%zu@example.test", i);
		rig_data(r, line);
	}
	rig_data(r, "From: alice@example.test");
	rig_data(r, "");
	rig_data(r, "body");
	for (i = 0; i < sizeof(order) / sizeof(order[0]) && rc == 0; i++)
		rc = rig_event(r, order[i], 0);	/* commit: want proceed */
	if (rc == 0 && strstr(r->got, "|Cc: c69@example.test\n") == NULL)
		rc = test_fail(__FILE__, __LINE__, "message not passed on");
	dk_filter_sessions_free(&r->f);
	dk_filter_out_free(&r->f.out);
	free(r->f.scratch);
	rig_teardown(r);
	free(r);
	return rc;
}

static const struct test_case cases[] = {
	{ "from-domain", t_from_domain },
	{ "ar-ours", t_ar_ours },
	{ "internal-networks", t_internal },
	{ "spool", t_spool },
	{ "spool-shared-bound", t_spool_shared },
	{ "event-orders-sign", t_orders_sign },
	{ "event-orders-verify", t_orders_verify },
	{ "real-failures", t_real_failures },
	{ "permanent-error-passes", t_permanent_passes },
};

int
main(int argc, char **argv)
{
	return test_main(argc, argv, cases, NCASES(cases));
}
