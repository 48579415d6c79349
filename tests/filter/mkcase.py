#!/usr/bin/python3
#
# Copyright (c) 2026 The dkimkit developers
#
# Permission to use, copy, modify, and distribute this software for any
# purpose with or without fee is hereby granted, provided that the above
# copyright notice and this permission notice appear in all copies.
#
# THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
# WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
# MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
# ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
# WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
# ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
# OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.

"""mkcase.py DKIMKIT OUTDIR: write the transcript cases tests/filter/cases/*.t.

The cases are committed; this script is how they were made, and how to
make them again after a deliberate change. Protocol lines follow the live
captures of smtpd 6.8.0p2 (protocol 0.6): the report and request formats,
smtpd's own four Received: lines as the first data-lines, tx-data and the
354 reply arriving after the first data-lines, one token per phase for
every session.

The expected answers are what DESIGN.md and issue 5 ask of filter-dkim:
every request answered `proceed`; after the final `.`, the message's own
data-lines byte for byte (still dot-stuffed), with, on top,
  - when signing: the DKIM-Signature fields `dkimkit sign` makes with the
    same keys in the same order (t= and b= masked by the runner), hashed
    over the message as smtpd delivers it (lines cut to 1997 bytes before
    protocol 0.7);
  - when verifying: one Authentication-Results field as `dkimkit verify`
    prints it, after removing the A-R fields that claim our authserv-id.
Signed inputs for the verify cases are made here with the RFC 8463 example
key for k._domainkey.ok.fault.test, a name tests/dns/faultdns.py serves.
"""

import os
import re
import subprocess
import sys

KEYS = "tests/filter/keys"
SIGN_KEYS = ["example.test:rsa:%s/rsa.key" % KEYS,
    "example.test:ed:%s/ed.key" % KEYS]
SIGN_ARGS = "example.test:rsa:$KEYS/rsa.key example.test:ed:$KEYS/ed.key"
AUTHSERV = "mx.example.test"
SIGN_T = "1700000000"
CUT_LINE = 1997
TOKENS = {"connect": "f91c6204b41c6c6b", "ehlo": "f91c6206cad3db06",
    "auth": "f91c6207aa3d0c19", "mail-from": "f91c6209e20026e0",
    "rcpt-to": "f91c620a78ae5ec8", "data": "f91c620b10442e4c",
    "data-line": "f91c620c041fd4b6", "commit": "f91c6212f397a34c",
    "rset": "f91c620d5c1e8e7f", "quit": "f91c620eb9a84967"}

DKIMKIT = None


def dkimkit(args, data):
	p = subprocess.run([DKIMKIT] + args, input=data, capture_output=True)
	if p.returncode not in (0, 1, 75):
		sys.exit("dkimkit %s: %s" % (" ".join(args), p.stderr.decode()))
	return p.stdout


def lines_of(msg):
	"""A message as data-lines: CRLF split, dot-stuffed (RFC 5321 §4.5.2)."""
	body = msg[:-2] if msg.endswith(b"\r\n") else msg
	out = body.split(b"\r\n") if body else []
	return [b"." + l if l.startswith(b".") else l for l in out]


def unstuff(lines):
	return [l[1:] if l.startswith(b".") else l for l in lines]


def crlf(lines):
	return b"".join(l + b"\r\n" for l in lines)


def sign_top(lines, cut, keys):
	if cut:
		lines = [l[:CUT_LINE] for l in lines]
	msg = crlf(unstuff(lines))
	signed = dkimkit(["sign", "-t", SIGN_T] + keys, msg)
	return signed[:len(signed) - len(msg)].rstrip(b"\r\n").split(b"\r\n")


def is_ours(field):
	"""RFC 8601 §2.2: the authserv-id is the first token of the value."""
	value = field.split(b":", 1)[1].strip().split(b";")[0].split()
	return bool(value) and value[0].lower() == AUTHSERV.encode()


def drop_our_ar(lines):
	out, i = [], 0
	while i < len(lines):
		j = i + 1
		while j < len(lines) and lines[j][:1] in (b" ", b"\t"):
			j += 1
		field = b"\r\n".join(lines[i:j])
		if i >= header_end(lines) or not field.lower().startswith(
		    b"authentication-results:") or not is_ours(field):
			out += lines[i:j]
		i = j
	return out


def header_end(lines):
	return lines.index(b"") if b"" in lines else len(lines)


def verify_top(lines):
	msg = crlf(unstuff(lines))
	ar = dkimkit(["verify", "--dns-file", KEYS + "/fault.txt", "--now",
	    SIGN_T, "-A", AUTHSERV], msg)
	return ar.rstrip(b"\r\n").replace(b"\r\n", b"\n").split(b"\n")


def signed_input(msg, domain="ok.fault.test"):
	return dkimkit(["sign", "-t", SIGN_T, "%s:k:%s/rfc8463.key" %
	    (domain, KEYS)], msg)


class Case:
	def __init__(self, name, doc, args, versions=None, mask=False,
	    dkimpy=False, stderr=None, fsize=None):
		self.name, self.out = name, []
		self.t = 1795447344.0
		self.head = ["# %s" % l for l in doc.strip().split("\n")]
		self.head.append("@args %s" % args)
		if versions:
			self.head.append("@versions %s" % versions)
		self.cut = versions is None or "0.7" not in versions
		if mask:
			self.head.append("@mask")
		if dkimpy:
			self.head.append("@dkimpy")
		for s in stderr or []:
			self.head.append("@stderr %s" % s)
		if fsize:
			self.head.append("@fsize %d" % fsize)
		self.head.append("@handshake")

	def stamp(self):
		self.t += 0.000173
		return "%.6f" % self.t

	def report(self, sid, event, *params):
		self.inp("report|0.6|%s|smtp-in|%s|%s%s" % (self.stamp(), event,
		    sid, "".join("|" + p for p in params)))

	def request(self, sid, phase, param="", answer="proceed"):
		tok = TOKENS[phase]
		self.inp("filter|0.6|%s|smtp-in|%s|%s|%s|%s" % (self.stamp(),
		    phase, sid, tok, param))
		self.expect("filter-result|%s|%s|%s" % (sid, tok, answer))

	def inp(self, line):
		self.out.append(b"< " + (line.encode() if isinstance(line, str)
		    else line))

	def expect(self, line):
		self.out.append(b"> " + (line.encode() if isinstance(line, str)
		    else line))

	def expect_rest(self, sid):
		self.out.append(b">... " + sid.encode())

	def expect_re(self, pattern):
		self.out.append(b">~ " + pattern.encode())

	def write(self, outdir):
		with open(os.path.join(outdir, self.name + ".t"), "wb") as f:
			f.write("\n".join(self.head).encode() + b"\n")
			f.write(b"\n".join(self.out) + b"\n")


class Session:
	def __init__(self, case, sid, src="127.0.0.1", rdns="localhost"):
		self.c, self.sid, self.src, self.rdns = case, sid, src, rdns
		self.n = 0

	def connect(self, helo="client.example.test"):
		c, s = self.c, self.sid
		fcrdns = "pass" if self.rdns != "<unknown>" else "fail"
		c.report(s, "link-connect", self.rdns, fcrdns,
		    "%s:47646" % self.src, "127.0.0.1:25")
		c.request(s, "connect", "%s|%s" % (self.rdns, self.src))
		c.report(s, "filter-response", "connected", "proceed")
		c.report(s, "protocol-server", "220 mx.example.test ESMTP "
		    "OpenSMTPD")
		c.report(s, "link-greeting", "mx.example.test")
		c.report(s, "protocol-client", "EHLO " + helo)
		c.request(s, "ehlo", helo)
		c.report(s, "filter-response", "ehlo", "proceed")
		c.report(s, "link-identify", "EHLO", helo)
		c.report(s, "protocol-server", "250 HELP")

	def auth(self, user, result):
		c, s = self.c, self.sid
		c.report(s, "protocol-client", "AUTH PLAIN ********")
		c.request(s, "auth", "PLAIN AGFsaWNlAHNlY3JldA==")
		c.report(s, "filter-response", "auth", "proceed")
		c.report(s, "link-auth", user, result)
		c.report(s, "protocol-server", "235 2.0.0 Authentication "
		    "succeeded" if result == "pass" else "535 Authentication "
		    "failed")

	def envelope(self, msgid, mailfrom="alice@example.test",
	    rcpt="root@localhost"):
		c, s = self.c, self.sid
		c.report(s, "protocol-client", "MAIL FROM:<%s>" % mailfrom)
		c.request(s, "mail-from", mailfrom)
		c.report(s, "filter-response", "mail-from", "proceed")
		c.report(s, "protocol-server", "250 2.0.0 Ok")
		c.report(s, "tx-begin", msgid)
		c.report(s, "tx-mail", msgid, "ok", mailfrom)
		c.report(s, "protocol-client", "RCPT TO:<%s>" % rcpt)
		c.request(s, "rcpt-to", rcpt)
		c.report(s, "filter-response", "rcpt-to", "proceed")
		c.report(s, "tx-envelope", msgid, msgid + "f0218408")
		c.report(s, "protocol-server", "250 2.1.5 Destination address "
		    "valid: Recipient ok")
		c.report(s, "tx-rcpt", msgid, "ok", rcpt)
		c.report(s, "protocol-client", "DATA")
		c.request(s, "data")
		c.report(s, "filter-response", "data", "proceed")

	def received(self, msgid):
		return [b"Received: from client.example.test (%s [%s])" %
		    (self.rdns.encode(), self.src.encode()),
		    b"\tby mx.example.test (OpenSMTPD) with ESMTP id " +
		    msgid.encode(), b"\tfor <root@localhost>;",
		    b"\tMon, 23 Nov 2026 15:22:24 +0000 (UTC)"]

	def datalines(self, lines, tx_data_at=5):
		c, s, tok = self.c, self.sid, TOKENS["data-line"]
		for i, l in enumerate(lines + [b"."]):
			c.inp(b"filter|0.6|%s|smtp-in|data-line|%s|%s|" %
			    (c.stamp().encode(), s.encode(), tok.encode()) + l)
			if i == tx_data_at:
				# smtpd reports these after the first data-lines
				c.report(s, "protocol-server", "354 Enter mail, "
				    "end with \".\" on a line by itself")
				c.report(s, "tx-data", self.msgid, "ok")

	def returned(self, lines):
		c, s, tok = self.c, self.sid, TOKENS["data-line"]
		for l in lines + [b"."]:
			c.expect(b"filter-dataline|%s|%s|" % (s.encode(),
			    tok.encode()) + l)

	def message(self, msgid, msg, mode, commit="proceed", keys=None,
	    **env):
		"""One transaction. mode: sign, verify, echo, or error (the data
		comes back unchanged and commit is rejected)."""
		self.msgid = msgid
		self.envelope(msgid, **env)
		lines = self.received(msgid) + lines_of(msg)
		self.datalines(lines, min(5, len(lines)))
		kept = drop_our_ar(lines)	# from every message
		if mode == "sign":
			top = sign_top(kept, self.c.cut, keys or SIGN_KEYS)
			self.returned(top + kept)
		elif mode == "verify":
			self.returned(verify_top(kept) + kept)
		elif mode == "error":
			self.c.expect_rest(self.sid)
		else:
			self.returned(kept)
		self.commit(msgid, commit)

	def commit(self, msgid, answer):
		c, s = self.c, self.sid
		c.report(s, "protocol-client", ".")
		if answer == "proceed":
			c.request(s, "commit")
		else:
			tok = TOKENS["commit"]
			c.inp("filter|0.6|%s|smtp-in|commit|%s|%s|" %
			    (c.stamp(), s, tok))
			c.expect_re(r"filter-result\|%s\|%s\|%s" % (s, tok,
			    answer))
			c.report(s, "filter-response", "commit", "reject")
			c.report(s, "tx-rollback", msgid)
			c.report(s, "tx-reset", msgid)
			return
		c.report(s, "filter-response", "commit", "proceed")
		c.report(s, "protocol-server", "250 2.0.0 %s Message accepted "
		    "for delivery" % msgid)
		c.report(s, "tx-commit", msgid, "564")
		c.report(s, "tx-reset", msgid)

	def rset(self, msgid):
		c, s = self.c, self.sid
		c.report(s, "protocol-client", "RSET")
		c.request(s, "rset")
		c.report(s, "filter-response", "rset", "proceed")
		c.report(s, "tx-rollback", msgid)
		c.report(s, "tx-reset", msgid)
		c.report(s, "protocol-server", "250 2.0.0 Reset state")

	def quit(self):
		c, s = self.c, self.sid
		c.report(s, "protocol-client", "QUIT")
		c.request(s, "quit")
		c.report(s, "filter-response", "quit", "proceed")
		c.report(s, "protocol-server", "221 2.0.0 Bye")
		c.report(s, "link-disconnect")


def msg(headers, body):
	return crlf([h.encode() if isinstance(h, str) else h
	    for h in headers] + [b""] + [b if isinstance(b, bytes) else
	    b.encode() for b in body])


PLAIN = msg(["From: Alice <alice@example.test>", "To: Bob <bob@example.test>",
    "Subject: plain message"], ["Hello Bob,", "", "this is a plain message."])
ODD = msg(["From: Alice <alice@example.test>", "To: Bob <bob@example.test>",
    "Subject: dots | pipes | 8-bit \xe9".encode("latin-1"),
    "Date: Mon, 23 Nov 2026 15:22:24 +0000"],
    [".one leading dot", ".", "..two dots", "a | pipe", "|", "||x||",
    "UTF-8: Gr\u00fc\u00dfe aus K\u00f6ln".encode(),
    b"Latin-1: Gr\xfc\xdfe \xe9t\xe9", b"\x80\xff\xfe high bytes", ".",
    "end"])
EMPTY_BODY = msg(["From: Alice <alice@example.test>",
    "To: Bob <bob@example.test>", "Subject: empty body"], [])


def c_handshake(out):
	c = Case("handshake", "The handshake alone, then EOF: exit 0.",
	    "-A mx.example.test " + SIGN_ARGS)
	c.write(out)


def sign_case(name, doc, m, versions=None, args=None, **kw):
	c = Case(name, doc, args or "-m auto -A mx.example.test " + SIGN_ARGS,
	    versions=versions, mask=True, dkimpy=True, **kw)
	s = Session(c, "2d296248ca88e298")
	s.connect()
	s.message("3e79045c", m, "sign")
	s.quit()
	return c


def build(out):
	c_handshake(out)
	sign_case("sign-plain", "An internal session (127.0.0.1) in auto "
	    "mode: RSA and Ed25519 signatures on top,\nin key order; the "
	    "message itself unchanged.", PLAIN).write(out)
	sign_case("sign-dots-pipes-8bit", "Dot-stuffed lines come back "
	    "stuffed and are hashed unstuffed; '|' is data;\n8-bit bytes "
	    "pass untouched.", ODD).write(out)
	sign_case("sign-empty-body", "Headers, the blank line, no body.",
	    EMPTY_BODY).write(out)
	sign_cut(out)
	c_empty_data(out)
	c_two_messages(out)
	c_rset(out)
	c_disconnect(out)
	c_auth(out)
	c_verify(out)
	c_verify(out, reject="fail")
	c_verify(out, reject="permerror")
	c_verify_junk(out)
	c_forged_ar(out)
	c_no_key(out)
	c_modes(out)
	c_interleaved(out)
	c_admd(out)
	c_internal_error(out)
	c_dns_deadline(out)
	c_no_wait(out)


LONG = msg(["From: Alice <alice@example.test>", "To: Bob <bob@example.test>",
    "Subject: long lines"], [b"a" * 998, b"b" * 1997, b"c" * 1998,
    b"d" * 3000, b"." + b"e" * 2500, b"end"])


def sign_cut(out):
	sign_case("sign-long-lines-cut", "Up to protocol 0.6 smtpd cuts each "
	    "line we send back to 1997 bytes: the\nsignature must hold for "
	    "the cut lines (dkimpy checks the cut message), and\nthe cut is "
	    "logged. The lines go back whole: smtpd does the cutting.",
	    LONG, versions="0.4 0.5 0.6",
	    stderr=["(?i)(cut|truncat|1997)"]).write(out)
	sign_case("sign-long-lines-0.7", "Protocol 0.7 (smtpd 7.4 on) keeps "
	    "long lines: the signature covers them whole.", LONG,
	    versions="0.7").write(out)


def c_empty_data(out):
	c = Case("sign-empty-data", "DATA then '.' at once: only smtpd's "
	    "Received: lines. There is no From field,\nso the message passes "
	    "unsigned, byte for byte, with a log line.",
	    "-A mx.example.test example.test:rsa:$KEYS/rsa.key",
	    stderr=["(?i)from"])
	s = Session(c, "2d296248ca88e298")
	s.connect()
	s.message("3e79045c", b"", "echo")
	s.quit()
	c.write(out)


def c_two_messages(out):
	c = Case("sign-two-messages", "Two transactions in one session, the "
	    "same tokens both times.", "-A mx.example.test "
	    "example.test:rsa:$KEYS/rsa.key example.test:ed:$KEYS/ed.key",
	    mask=True, dkimpy=True)
	s = Session(c, "2d296248ca88e298")
	s.connect()
	s.message("3e79045c", PLAIN, "sign")
	s.message("7a1b2c3d", ODD, "sign")
	s.quit()
	c.write(out)


def c_rset(out):
	c = Case("sign-rset", "RSET after MAIL and RCPT: tx-rollback, then a "
	    "new transaction is signed.", "-A mx.example.test "
	    "example.test:ed:$KEYS/ed.key", mask=True, dkimpy=True)
	s = Session(c, "2d296248ca88e298")
	s.connect()
	s.msgid = "11111111"
	s.envelope("11111111")
	s.rset("11111111")
	s.message("22222222", PLAIN, "sign", keys=SIGN_KEYS[1:])
	s.quit()
	c.write(out)


def c_disconnect(out):
	c = Case("disconnect-mid-data", "A client that vanishes in DATA: "
	    "tx-rollback, tx-reset, link-disconnect\nwith data-lines held; "
	    "then another session is signed as usual, and EOF\narrives while "
	    "a third is in the middle of its data.",
	    "-A mx.example.test example.test:ed:$KEYS/ed.key", mask=True,
	    dkimpy=True)
	s = Session(c, "2d296248ca88e298")
	s.connect()
	s.msgid = "3e79045c"
	s.envelope("3e79045c")
	lines = s.received("3e79045c") + lines_of(ODD)
	for l in lines[:9]:
		c.inp(b"filter|0.6|%s|smtp-in|data-line|%s|%s|" %
		    (c.stamp().encode(), s.sid.encode(),
		    TOKENS["data-line"].encode()) + l)
	c.report(s.sid, "tx-rollback", "3e79045c")
	c.report(s.sid, "tx-reset", "3e79045c")
	c.report(s.sid, "link-disconnect")
	t = Session(c, "3a4b5c6d7e8f9012")
	t.connect()
	t.message("4f4f4f4f", PLAIN, "sign", keys=SIGN_KEYS[1:])
	t.quit()
	u = Session(c, "0123456789abcdef")
	u.connect()
	u.msgid = "5e5e5e5e"
	u.envelope("5e5e5e5e")
	for l in (u.received("5e5e5e5e") + lines_of(PLAIN))[:6]:
		c.inp(b"filter|0.6|%s|smtp-in|data-line|%s|%s|" %
		    (c.stamp().encode(), u.sid.encode(),
		    TOKENS["data-line"].encode()) + l)
	c.write(out)


def c_auth(out):
	c = Case("auth-signs", "A client from outside (192.0.2.10) that "
	    "authenticated (link-auth pass) is ours:\nits mail is signed. "
	    "The user name holds a '|' (smtpd passes it through).\nA second "
	    "session whose AUTH failed is verified instead. The 0.7 rewrite "
	    "puts\nlink-auth's result first.", "-A mx.example.test "
	    "example.test:rsa:$KEYS/rsa.key example.test:ed:$KEYS/ed.key "
	    "--resolver $DNS", mask=True, dkimpy=True)
	s = Session(c, "2d296248ca88e298", src="192.0.2.10",
	    rdns="client.example.test")
	s.connect()
	s.auth("alice|x", "pass")
	s.message("3e79045c", PLAIN, "sign")
	s.quit()
	t = Session(c, "3a4b5c6d7e8f9012", src="192.0.2.11",
	    rdns="<unknown>")
	t.connect()
	t.auth("mallory", "fail")
	t.message("4f4f4f4f", PLAIN, "verify")
	t.quit()
	c.write(out)


REJECT_FAIL = re.escape("reject|550 5.7.20 No passing DKIM signature found")
REJECT_TEMP = re.escape("reject|451 4.7.0 DKIM key lookup failed, "
    "try again later")


def c_verify(out, reject=None):
	"""The same messages, with the reject policy (-r, alone or with
	reject-permerror) or without."""
	if reject == "fail":
		c = Case("verify-reject", "The reject policy (-r) on the "
		    "messages of verify-results: a pass,\nno signature, or "
		    "no key (permerror) is accepted; a failed signature and\n"
		    "no pass is a 550 at commit; no pass and a key lookup "
		    "failure is a 451.", "-r -A mx.example.test --resolver $DNS")
	elif reject == "permerror":
		c = Case("verify-reject-permerror", "-r with reject-permerror "
		    "yes: as verify-reject, and no key (permerror)\nwith no "
		    "pass is a 550 too.", "-r -f $CONF/reject-permerror.conf "
		    "-A mx.example.test --resolver $DNS")
	else:
		c = Case("verify-results", "Mail from outside (192.0.2.1), each "
		    "message verified against the fault DNS\nserver: a good "
		    "Ed25519 signature (pass, with dots, pipes and 8-bit "
		    "bytes),\nthe body altered (fail), no key (permerror), "
		    "SERVFAIL (temperror), two\nsignatures in one message, and "
		    "no signature (dkim=none).",
		    "-A mx.example.test --resolver $DNS")
	fail = REJECT_FAIL if reject else "proceed"
	perm = REJECT_FAIL if reject == "permerror" else "proceed"
	temp = REJECT_TEMP if reject else "proceed"
	s = Session(c, "2d296248ca88e298", src="192.0.2.1",
	    rdns="<unknown>")
	s.connect()
	good = signed_input(ODD)
	s.message("00000001", good, "verify")
	s.message("00000002", good.replace(b"a | pipe", b"a | pipe!"),
	    "verify", commit=fail)
	s.message("00000003", signed_input(PLAIN, "nx.fault.test"), "verify",
	    commit=perm)
	s.message("00000004", signed_input(PLAIN, "servfail.fault.test"),
	    "verify", commit=temp)
	s.message("00000005", signed_input(signed_input(PLAIN,
	    "nx.fault.test")), "verify")
	s.message("00000006", PLAIN, "verify")
	s.quit()
	c.write(out)


JUNK_KINDS = [
	b"DKIM-Signature: v=1; junk %d",
	b"DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s%d; h=from; "
	    b"bh=AAAA; b=AAAA",
	b"DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; "
	    b"i=u%d@ok.fault.test; h=from; "
	    b"bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA",
	b"DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; "
	    b"l=%d; h=from; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; "
	    b"b=AAAA",
	b"DKIM-Signature: v=1; a=ed25519-sha256; d=ok.fault.test; s=k; "
	    b"t=1; x=%d; h=from; bh=AAAA; b=AAAA",
]


def c_verify_junk(out):
	"""Junk signature fields cost nothing and hide nothing (issue 8)."""
	c = Case("verify-junk", "The reject policy (-r) and junk "
	    "DKIM-Signature fields: 200 fields that fail\nwithout a key "
	    "(unparsable, d= refused, wrong bh=, l= values, expired; 40 "
	    "of\neach) above a good signature still give dkim=pass, and "
	    "commit is accepted.\nA signature past our bounds alone (a b= "
	    "from an 8192-bit key) is neutral\n(sig-too-large): no verdict, "
	    "so -r accepts it too, as it accepts 17 copies of a\n"
	    "signature with a bad b= above the good one: 16 fail, and the "
	    "good one is\nneutral (not-evaluated): it is not known that "
	    "none passes.", "-r -A mx.example.test --resolver $DNS")
	s = Session(c, "2d296248ca88e298", src="192.0.2.1",
	    rdns="<unknown>")
	s.connect()
	junk = b"".join((JUNK_KINDS[i % len(JUNK_KINDS)] % (i + 10)) +
	    b"\r\n" for i in range(200))
	s.message("00000001", junk + signed_input(PLAIN), "verify")
	big = b"DKIM-Signature: v=1; a=rsa-sha256; d=ok.fault.test; s=k; " \
	    b"h=from; bh=AAAA; b=" + b"A" * 1368 + b"\r\n"
	s.message("00000002", big + PLAIN, "verify")
	good = signed_input(PLAIN)
	end = re.search(rb"\r\n(?![ \t])", good).end()
	i = good.index(b" b=") + 3
	bad = good[:i] + (b"B" if good[i:i + 1] == b"A" else b"A") + \
	    good[i + 1:end]
	s.message("00000003", bad * 17 + good, "verify")
	s.quit()
	c.write(out)


def c_forged_ar(out):
	forged = msg(["Authentication-Results: mx.example.test; dkim=pass",
	    "authentication-results: MX.Example.TEST;", "\tspf=pass "
	    "smtp.mailfrom=example.test",
	    "Authentication-Results: other.example; dkim=pass",
	    "Authentication-Results: mx.example.test.evil; dkim=pass",
	    "From: Alice <alice@example.test>", "To: Bob <bob@example.test>",
	    "Subject: forged results"], ["Authentication-Results: "
	    "mx.example.test; in the body, kept", "bye"])
	c = Case("verify-forged-ar", "A-R fields that claim our authserv-id "
	    "(any case, folded too) are removed;\nothers, and lookalikes, and "
	    "body lines, stay.", "-m verify -A mx.example.test --resolver "
	    "$DNS")
	s = Session(c, "2d296248ca88e298")
	s.connect()
	s.message("3e79045c", signed_input(forged), "verify")
	s.quit()
	c.write(out)
	c = Case("sign-forged-ar", "-m sign: a forged A-R claiming our "
	    "authserv-id leaves a signed message\ntoo (RFC 8601 §5), another "
	    "one stays.", "-m sign -A mx.example.test "
	    "example.test:rsa:$KEYS/rsa.key", mask=True, dkimpy=True)
	s = Session(c, "2d296248ca88e298", src="192.0.2.1", rdns="<unknown>")
	s.connect()
	s.message("3e79045c", msg(["From: Alice <alice@example.test>",
	    "To: Bob <bob@example.test>",
	    "Authentication-Results: mx.example.test;",
	    "\tdkim=pass header.d=bank.example",
	    "Authentication-Results: other.example; dkim=fail",
	    "Subject: plain message"], ["Hello Bob,", "",
	    "this is a plain message."]), "sign", keys=SIGN_KEYS[:1])
	s.quit()
	c.write(out)


def c_no_key(out):
	c = Case("sign-domains", "The signing domain is the From domain, else "
	    "the closest parent with keys,\nelse none: a subdomain's mail is "
	    "signed with d=example.test; mail from\nanother domain passes "
	    "unsigned with a log line.", "-A mx.example.test "
	    "example.test:rsa:$KEYS/rsa.key", mask=True, dkimpy=True,
	    stderr=["other\\.example"])
	s = Session(c, "2d296248ca88e298")
	s.connect()
	sub = PLAIN.replace(b"alice@example.test", b"alice@mail.sub.example."
	    b"test")
	s.message("3e79045c", sub, "sign", keys=SIGN_KEYS[:1])
	other = PLAIN.replace(b"alice@example.test", b"alice@other.example")
	s.message("4e79045c", other, "echo")
	s.quit()
	c.write(out)


def c_modes(out):
	c = Case("mode-verify-internal", "-m verify: even an internal session "
	    "is verified.", "-m verify -A mx.example.test --resolver $DNS "
	    "example.test:rsa:$KEYS/rsa.key")
	s = Session(c, "2d296248ca88e298")
	s.connect()
	s.message("3e79045c", PLAIN, "verify")
	s.quit()
	c.write(out)
	c = Case("mode-sign-external", "-m sign: even an outside session is "
	    "signed.", "-m sign -A mx.example.test "
	    "example.test:rsa:$KEYS/rsa.key", mask=True, dkimpy=True)
	s = Session(c, "2d296248ca88e298", src="192.0.2.1", rdns="<unknown>")
	s.connect()
	s.message("3e79045c", PLAIN, "sign", keys=SIGN_KEYS[:1])
	s.quit()
	c.write(out)


def c_interleaved(out):
	"""Two sessions whose data-lines alternate: state is per session."""
	c = Case("interleaved-sessions", "Two sessions in DATA at once, "
	    "their data-lines alternating: one is\nsigned (internal), the "
	    "other verified (outside); neither sees the other's\nlines.",
	    "-A mx.example.test --resolver $DNS "
	    "example.test:ed:$KEYS/ed.key", mask=True)
	a = Session(c, "2d296248ca88e298")
	b = Session(c, "3a4b5c6d7e8f9012", src="192.0.2.1", rdns="<unknown>")
	a.connect()
	b.connect()
	a.msgid, b.msgid = "aaaaaaaa", "bbbbbbbb"
	a.envelope("aaaaaaaa")
	b.envelope("bbbbbbbb")
	la = a.received("aaaaaaaa") + lines_of(PLAIN)
	lb = b.received("bbbbbbbb") + lines_of(signed_input(ODD))
	tok = TOKENS["data-line"].encode()
	for i in range(max(len(la), len(lb))):
		for s, ls in ((a, la), (b, lb)):
			if i < len(ls):
				c.inp(b"filter|0.6|%s|smtp-in|data-line|%s|%s|" %
				    (c.stamp().encode(), s.sid.encode(), tok) +
				    ls[i])
	c.inp(b"filter|0.6|%s|smtp-in|data-line|%s|%s|." %
	    (c.stamp().encode(), b"3a4b5c6d7e8f9012", tok))
	b.returned(verify_top(lb) + lb)
	c.inp(b"filter|0.6|%s|smtp-in|data-line|%s|%s|." %
	    (c.stamp().encode(), b"2d296248ca88e298", tok))
	a.returned(sign_top(la, True, SIGN_KEYS[1:]) + la)
	b.commit("bbbbbbbb", "proceed")
	a.commit("aaaaaaaa", "proceed")
	a.quit()
	b.quit()
	c.write(out)


def c_admd(out):
	c = Case("verify-admd", "Without -A the authserv-id is smtpd's admd "
	    "from config|admd (0.6 on).", "-m verify --resolver $DNS",
	    versions="0.6 0.7")
	s = Session(c, "2d296248ca88e298", src="192.0.2.1", rdns="<unknown>")
	s.connect()
	s.message("3e79045c", signed_input(PLAIN), "verify")
	s.quit()
	c.write(out)


def c_internal_error(out):
	c = Case("internal-error-451", "The spool file cannot grow (RLIMIT_FSIZE "
	    "1024, spool-max 4096, a larger\nmessage): the data still ends "
	    "with '.', and commit is rejected with\n451 4.7.0; the session "
	    "goes on, and its next message (small) is signed.",
	    "-f $CONF/spool-fail.conf -A mx.example.test "
	    "example.test:ed:$KEYS/ed.key", mask=True, fsize=1024)
	s = Session(c, "2d296248ca88e298")
	s.connect()
	big = PLAIN + b"".join(b"line %d of a message over the spool "
	    b"bound\r\n" % i for i in range(200))
	s.message("3e79045c", big, "error", commit=r"reject\|451 4\.7\.0 .*")
	s.message("4e79045c", PLAIN, "sign", keys=SIGN_KEYS[1:])
	s.quit()
	c.write(out)


def c_dns_deadline(out):
	c = Case("verify-dns-deadline", "A key server that answers after 3 s, "
	    "a DNS deadline of 1 s (dns-timeout):\nthe signature gets "
	    "temperror (dns-timeout) and smtpd never waits long.",
	    "-f $CONF/dns-1s.conf -m verify -A mx.example.test --resolver "
	    "$DNS")
	s = Session(c, "2d296248ca88e298", src="192.0.2.1", rdns="<unknown>")
	s.connect()
	s.message("3e79045c", signed_input(PLAIN, "slow-3000.fault.test"),
	    "verify")
	s.quit()
	c.write(out)


def c_no_wait(out):
	"""A verify session waits 800 ms for its key; a signing session that
	starts after it is answered first."""
	c = Case("no-wait-for-other-sessions", "Session A (outside) ends its "
	    "data; its key takes 800 ms to arrive. Session B\n(inside) sends "
	    "a whole message meanwhile: B's signed message comes back\nfirst, "
	    "then A's, verified (pass).", "-A mx.example.test --resolver $DNS "
	    "example.test:ed:$KEYS/ed.key", mask=True)
	a = Session(c, "3a4b5c6d7e8f9012", src="192.0.2.1", rdns="<unknown>")
	b = Session(c, "2d296248ca88e298")
	a.connect()
	b.connect()
	a.msgid, b.msgid = "aaaaaaaa", "bbbbbbbb"
	a.envelope("aaaaaaaa")
	la = a.received("aaaaaaaa") + lines_of(signed_input(PLAIN,
	    "slow-800.fault.test"))
	a.datalines(la)
	b.envelope("bbbbbbbb")
	lb = b.received("bbbbbbbb") + lines_of(ODD)
	b.datalines(lb)
	b.returned(sign_top(lb, True, SIGN_KEYS[1:]) + lb)
	a.returned(verify_top(la) + la)
	b.commit("bbbbbbbb", "proceed")
	a.commit("aaaaaaaa", "proceed")
	a.quit()
	b.quit()
	c.write(out)


def main(argv):
	global DKIMKIT
	if len(argv) != 3:
		sys.exit("usage: mkcase.py DKIMKIT OUTDIR")
	DKIMKIT = argv[1]
	os.makedirs(argv[2], exist_ok=True)
	build(argv[2])
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
