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
#
"""run.py: dkimkit-milter inside a real Postfix, one milter protocol
version per run. Prints PASS/FAIL lines named postfix-vN:...

  --milter M --dkimkit D --keys KEYDIR --kport KNOT_PORT --work DIR
  --protocol 2|6 [--count 60] [--faults] [--root ROOT]

Sessions from 127.0.0.3 (the milter's internal network) are signed:
--count generated messages (tests/interop/genmsg.py), several per SMTP
connection, must arrive with an RSA and an Ed25519 signature on top that
dkimpy and Mail::DKIM verify, and with the body sent. The main.cf
lines are taken from dkimkit-milter(8), as pasted. Mail through
Postfix's sendmail(1) is ours too (non_smtpd_milters). Sessions from
127.0.0.2 are verified with keys from knot on loopback: each case gets
its dkim= result in one Authentication-Results field on top, and fields
forging our authserv-id are gone. --faults: the milter is killed with
SIGKILL in the middle of a transaction; with milter_default_action =
tempfail nothing is delivered, and a restarted milter carries on."""

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "interop"))

import postfix  # noqa: E402

AUTHSERV = "mx.example.test"
SIGN_SRC = "127.0.0.3"
VERIFY_SRC = "127.0.0.2"
SIGN_DOMAINS = ("example.test", "example.com", "example.org",
    "example.net", "ex.test")
PER_SESSION = 25

results = {"pass": 0, "fail": 0}
PREFIX = ""


def check(name, ok, why=""):
	if ok:
		print("PASS %s%s" % (PREFIX, name))
		results["pass"] += 1
	else:
		print("FAIL %s%s: %s" % (PREFIX, name, why))
		results["fail"] += 1
	sys.stdout.flush()


def crlf(b):
	return b.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def split_msg(b):
	"""(header fields as bytes with their folding, body), LF ends."""
	b = b.replace(b"\r\n", b"\n")
	head, sep, body = b.partition(b"\n\n")
	fields = []
	for line in head.split(b"\n"):
		if line[:1] in (b" ", b"\t") and fields:
			fields[-1] += b"\n" + line
		else:
			fields.append(line)
	return fields, body


def fname(f):
	return f.split(b":", 1)[0].strip().lower()


def header(fields, name):
	return [f for f in fields if fname(f) == name.lower().encode()]


def case_of(fields):
	h = header(fields, "X-Case")
	return h[0].split(b":", 1)[1].strip().decode() if h else None


class Milter:
	def __init__(self, path, conf, work):
		self.port = postfix.free_port()
		self.cmd = [path, "-l", "-p", "inet:%d@127.0.0.1" % self.port,
		    "-f", conf]
		self.logpath = work + "/milter.log"
		self.proc = None

	def start(self):
		log = open(self.logpath, "ab")
		self.proc = subprocess.Popen(self.cmd, stdout=log, stderr=log)
		if not postfix.wait_port(self.port, 10):
			raise RuntimeError("milter did not listen: " + self.log())

	def kill(self):
		self.proc.send_signal(signal.SIGKILL)
		self.proc.wait()

	def stop(self):
		if self.proc and self.proc.poll() is None:
			self.proc.terminate()
			self.proc.wait(10)

	def alive(self):
		return self.proc.poll() is None

	def log(self):
		with open(self.logpath, errors="replace") as f:
			return f.read()


def write_conf(work, keys, kport):
	lines = ["internal-networks %s/32" % SIGN_SRC,
	    "authserv-id " + AUTHSERV,
	    "resolver 127.0.0.1:%d" % kport,
	    "dns-timeout 10"]
	for d in SIGN_DOMAINS:
		lines.append("%s:rsa2048:%s/rsa2048.key" % (d, keys))
		lines.append("%s:ed25519:%s/ed25519.key" % (d, keys))
	path = work + "/milter.conf"
	with open(path, "w") as f:
		f.write("\n".join(lines) + "\n")
	return path


def write_dns(work, keys):
	"""The peers' key records, for every signing domain."""
	out = []
	for sel in ("rsa2048", "ed25519"):
		with open("%s/%s.record" % (keys, sel)) as f:
			rec = f.read().split(None, 2)[2].strip()
		for d in SIGN_DOMAINS:
			out.append("%s._domainkey.%s TXT %s" % (sel, d, rec))
	path = work + "/dns.txt"
	with open(path, "w") as f:
		f.write("\n".join(out) + "\n")
	return path


def send_batches(pf, msgs, source):
	"""Send (case, bytes) pairs, PER_SESSION per SMTP connection."""
	codes = {}
	for i in range(0, len(msgs), PER_SESSION):
		s = pf.smtp(source)
		for case, m in msgs[i:i + PER_SESSION]:
			try:
				s.sendmail("alice@example.test", ["bob@example.net"],
				    crlf(m))
				codes[case] = 250
			except Exception as e:	# noqa: BLE001
				codes[case] = getattr(e, "smtp_code", -1)
				try:
					s.rset()
				except Exception:	# noqa: BLE001
					pass
		s.quit()
	return codes


def sign_messages(work, count):
	gen = work + "/gen"
	subprocess.run([sys.executable, os.path.join(HERE, "..", "interop",
	    "genmsg.py"), gen, str(count)], check=True,
	    stdout=subprocess.DEVNULL)
	flags = {}
	with open(gen + "/index.tsv") as f:
		for line in f:
			n, fl = line.rstrip("\n").split("\t")
			flags[n] = fl.split(",")
	msgs = []
	for n in sorted(flags):
		with open("%s/%s.eml" % (gen, n), "rb") as f:
			m = f.read()
		msgs.append(("sign-" + n, b"X-Case: sign-" + n.encode() +
		    b"\r\n" + m))
	return msgs, {"sign-" + n: v for n, v in flags.items()}


def check_signed(case, sent, got, nsigs=2):
	"""Both signatures on top, RSA first; the body as sent."""
	fields, body = split_msg(got)
	sfields, sbody = split_msg(sent)
	sigs = header(fields, "DKIM-Signature")
	names = [fname(f) for f in fields]
	first = names.index(b"x-case") if b"x-case" in names else -1
	where = [i for i, n in enumerate(names) if n == b"dkim-signature"]
	algs = [re.search(rb"a=([a-z0-9-]+)", s).group(1) for s in sigs]
	if sbody and not sbody.endswith(b"\n"):
		sbody += b"\n"	# SMTP ends the data with CRLF
	why = None
	if len(sigs) != nsigs:
		why = "%d DKIM-Signature fields, want %d" % (len(sigs), nsigs)
	elif where != list(range(where[0], where[0] + nsigs)) or \
	    where[-1] > first:
		why = "signatures not together on top of the message's fields"
	elif algs != [b"rsa-sha256", b"ed25519-sha256"]:
		why = "signature order %r" % algs
	elif body != sbody:
		why = "body differs from what was sent"
	check(case, why is None, why)


def peers(work, dnspath, jobs):
	"""jobs: (case, path, flags). dkimpy checks both signatures,
	Mail::DKIM the RSA one (its version has no Ed25519)."""
	py = "\n".join("%s:dkimpy\t%s\t2\t-" % (c, p) for c, p, fl in jobs
	    if "wspcolon" not in fl)
	pl = "\n".join("%s:maildkim\t%s\t1\t-" % (c, p) for c, p, fl in jobs
	    if "nocrlf" not in fl)
	for cmd, inp in (([sys.executable, os.path.join(HERE, "..",
	    "interop", "peer_dkimpy.py"), "verify", dnspath,
	    str(int(time.time()))], py), (["perl", os.path.join(HERE, "..",
	    "interop", "peer_maildkim.pl"), "verify", dnspath], pl)):
		r = subprocess.run(cmd, input=(inp + "\n").encode(),
		    stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
		for line in r.stdout.decode(errors="replace").splitlines():
			if line.startswith("PASS "):
				check(line[5:], True)
			elif line.startswith("FAIL "):
				name, _, why = line[5:].partition(": ")
				check(name, False, why)


# name: (selector or None, how to spoil it, expected dkim= word)
VERIFY_CASES = [
	("valid-rsa", "rsa2048", None, b"pass"),
	("valid-ed25519", "ed25519", None, b"pass"),
	("body-altered", "rsa2048", "body", b"fail"),
	("header-altered", "ed25519", "header", b"fail"),
	("unknown-selector", "missing", None, b"permerror"),
	("revoked-key", "revoked", None, b"permerror"),
	("unsigned", None, None, b"none"),
	("forged-ar", "rsa2048", "forge", b"pass"),
]

FORGED = (b"Authentication-Results: " + AUTHSERV.encode() +
    b"; dkim=pass header.d=example.test\r\n")
FORGED2 = (b"Authentication-Results: (comment) MX.Example.TEST;\r\n"
    b"\tdkim=pass header.d=example.test\r\n")
OTHER_AR = b"Authentication-Results: other.example; dkim=fail\r\n"


def verify_messages(dkimkit, keys):
	msgs = []
	for name, sel, spoil, _ in VERIFY_CASES:
		m = (b"X-Case: verify-" + name.encode() + b"\r\n"
		    b"From: Alice <alice@example.test>\r\n"
		    b"To: Bob <bob@example.net>\r\n"
		    b"Subject: case " + name.encode() + b"\r\n"
		    b"Date: Mon, 1 Jan 2024 12:00:00 +0000\r\n"
		    b"Message-ID: <" + name.encode() + b"@example.test>\r\n"
		    b"\r\nHello,\r\nthis is case " + name.encode() + b".\r\n")
		if sel is not None:
			key = "rsa2048" if sel in ("missing", "revoked") else sel
			m = subprocess.run([dkimkit, "sign", "example.test:%s:%s/%s.key"
			    % (sel, keys, key)], input=m, stdout=subprocess.PIPE,
			    check=True).stdout
		if spoil == "body":
			m = m.replace(b"this is case", b"this is not case")
		elif spoil == "header":
			m = m.replace(b"Subject: case", b"Subject: Case")
		elif spoil == "forge":
			m = FORGED + m.replace(b"To: ", FORGED2 + OTHER_AR +
			    b"To: ", 1)
		msgs.append(("verify-" + name, m))
	return msgs


def check_verified(case, want, got):
	fields, _ = split_msg(got)
	ars = header(fields, "Authentication-Results")
	ours = [f for f in ars if re.match(rb"(?i)authentication-results:"
	    rb"\s*(\([^)]*\)\s*)?" + re.escape(AUTHSERV.encode()) + rb"\s*;",
	    f)]
	names = [fname(f) for f in fields]
	why = None
	if len(ours) != 1:
		why = "%d A-R fields with our authserv-id, want 1" % len(ours)
	elif not re.search(rb"dkim=" + want + rb"\b", ours[0]):
		why = "want dkim=%s: %r" % (want.decode(), ours[0])
	elif names.index(b"authentication-results") > names.index(b"x-case"):
		why = "our A-R is not on top of the message's fields"
	elif case.endswith("forged-ar") and len(ars) != 2:
		why = "%d A-R fields, want ours and other.example's" % len(ars)
	check(case, why is None, why)


def milter_read(pid):
	"""Bytes the milter has read so far (/proc/PID/io rchar)."""
	try:
		with open("/proc/%d/io" % pid) as f:
			for line in f:
				if line.startswith("rchar:"):
					return int(line.split()[1])
	except OSError:
		pass
	return 0


BIG_LINE = b"x" * 76 + b"\r\n"
BIG_LINES = 400000		# about 30 MB


def kill_mid_body(pf, mt):
	"""SIGKILL once the milter has read part of a 30 MB body."""
	msg = (b"X-Case: fault-mid-body\r\nFrom: a@example.test\r\n"
	    b"Subject: big\r\n\r\n" + BIG_LINE * BIG_LINES)
	res = {}

	def send():
		try:
			s = pf.smtp(SIGN_SRC)
			s.mail("alice@example.test")
			s.rcpt("bob@example.net")
			res["code"] = s.data(msg)[0]
		except Exception as e:	# noqa: BLE001
			res["code"] = getattr(e, "smtp_code", -1)

	t = threading.Thread(target=send)
	start = milter_read(mt.proc.pid)
	t.start()
	end = time.time() + 60
	while milter_read(mt.proc.pid) - start < 4 << 20 and \
	    time.time() < end and t.is_alive():
		time.sleep(0.005)
	got = milter_read(mt.proc.pid) - start
	mid = t.is_alive()
	mt.kill()
	t.join(120)
	code = res.get("code")
	check("fault:killed-mid-body-tempfails", mid and got >= 4 << 20 and
	    code is not None and 400 <= code < 500,
	    "killed after %d bytes, transaction open: %s; DATA answered %r" %
	    (got, mid, code))


def kill_before_data(pf, mt):
	"""SIGKILL after RCPT: the MTA finds the milter gone at DATA."""
	s = pf.smtp(SIGN_SRC)
	s.mail("alice@example.test")
	s.rcpt("bob@example.net")
	mt.kill()
	code = None
	try:
		code, _ = s.data(crlf(b"X-Case: fault-killed\r\nFrom: "
		    b"a@example.test\r\nSubject: x\r\n\r\nbody\r\n"))
	except Exception as e:	# noqa: BLE001
		code = getattr(e, "smtp_code", -1)
	try:
		s.quit()
	except Exception:	# noqa: BLE001
		pass
	check("fault:killed-before-data-tempfails",
	    code is not None and 400 <= code < 500, "DATA answered %r" % code)


def fault(pf, mt):
	"""SIGKILL mid-transaction: 4xx, nothing delivered; then a restart."""
	before = len(pf.delivered())
	kill_before_data(pf, mt)
	mt.start()
	kill_mid_body(pf, mt)
	mt.start()
	codes = send_batches(pf, [("fault-after", b"X-Case: fault-after\r\n"
	    b"From: a@example.test\r\nSubject: y\r\n\r\nbody\r\n")], SIGN_SRC)
	got = pf.wait_delivered(before + 1, 30)
	time.sleep(1)
	cases = [case_of(split_msg(open(p, "rb").read(4096))[0])
	    for p in pf.delivered()]
	check("fault:nothing-unsigned", "fault-killed" not in cases and
	    "fault-mid-body" not in cases,
	    "a message of a killed milter was delivered")
	ok = codes.get("fault-after") == 250 and "fault-after" in cases
	signed = False
	for p in got:
		fields, _ = split_msg(open(p, "rb").read())
		if case_of(fields) == "fault-after":
			signed = len(header(fields, "DKIM-Signature")) == 2
	check("fault:restarted-carries-on", ok and signed,
	    "after restart: reply %r, delivered %s, signed %s" %
	    (codes.get("fault-after"), "fault-after" in cases, signed))


def wait_dns(port, secs=15):
	"""Until knot answers a TXT query for a key of the zone."""
	q = b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00"
	for label in b"ed25519._domainkey.example.test".split(b"."):
		q += bytes([len(label)]) + label
	q += b"\x00\x00\x10\x00\x01"
	end = time.time() + secs
	while time.time() < end:
		with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
			s.settimeout(0.5)
			try:
				s.sendto(q, ("127.0.0.1", port))
				r = s.recv(4096)
				if r[:2] == q[:2] and b"DKIM1" in r:
					return 0
			except OSError:
				pass
		time.sleep(0.2)
	return 1


MAN_PORT = "8891"
MAN_KEYS = ("smtpd_milters", "non_smtpd_milters", "milter_default_action")


def man_lines(port):
	"""main.cf lines as dkimkit-milter(8) gives them, with our port:
	they must work as pasted."""
	path = os.path.join(HERE, "..", "..", "man", "dkimkit-milter.8")
	lines = [l.strip() for l in open(path) if l.split("=")[0].strip() in
	    MAN_KEYS]
	if [l.split("=")[0].strip() for l in lines] != list(MAN_KEYS):
		raise RuntimeError("dkimkit-milter(8) lacks the Postfix lines")
	return [l.replace(MAN_PORT, str(port)) for l in lines]


def main():
	global PREFIX
	if len(sys.argv) == 3 and sys.argv[1] == "--wait-dns":
		return wait_dns(int(sys.argv[2]))
	ap = argparse.ArgumentParser()
	ap.add_argument("--milter", required=True)
	ap.add_argument("--dkimkit", required=True)
	ap.add_argument("--keys", required=True)
	ap.add_argument("--kport", type=int, required=True)
	ap.add_argument("--work", required=True)
	ap.add_argument("--protocol", default="6")
	ap.add_argument("--count", type=int, default=60)
	ap.add_argument("--faults", action="store_true")
	ap.add_argument("--root", default="/var/tmp/postfix-root")
	a = ap.parse_args()
	PREFIX = "postfix-v%s:" % a.protocol
	postfix.ensure_postfix(a.root)
	postfix.ensure_accounts()
	work = a.work
	os.makedirs(work, exist_ok=True)
	os.chmod(work, 0o755)
	conf = write_conf(work, a.keys, a.kport)
	dnspath = write_dns(work, a.keys)
	mt = Milter(a.milter, conf, work)
	pf = None
	try:
		mt.start()
		pf = postfix.Postfix(a.root, work + "/pf", man_lines(mt.port),
		    [("milter_protocol", a.protocol)])
		pf.start()
		smsgs, flags = sign_messages(work, a.count)
		vmsgs = verify_messages(a.dkimkit, a.keys)
		codes = send_batches(pf, smsgs, SIGN_SRC)
		codes.update(send_batches(pf, vmsgs, VERIFY_SRC))
		local = (b"X-Case: sendmail\nFrom: Alice <alice@example.test>\n"
		    b"To: bob@example.net\nSubject: local\n\nfrom sendmail\n")
		rc, out = pf.sendmail(local)
		check("sendmail:accepted", rc == 0, out.decode(errors="replace"))
		want = sum(1 for c in codes.values() if c == 250) + (rc == 0)
		check("all-accepted", want == len(codes) + 1,
		    "refused: %r" % {k: v for k, v in codes.items() if v != 250})
		paths = pf.wait_delivered(want, 90)
		time.sleep(0.5)
		check("all-delivered", len(paths) == want,
		    "%d delivered, %d accepted" % (len(paths), want))
		got = {}
		for p in paths:
			with open(p, "rb") as f:
				m = f.read()
			got[case_of(split_msg(m)[0])] = (p, m)
		sent = dict(smsgs + vmsgs)
		jobs = []
		for case, m in smsgs:
			if case not in got:
				check(case, False, "not delivered")
				continue
			check_signed(case, m, got[case][1])
			path = "%s/%s.eml" % (work, case)
			with open(path, "wb") as f:
				f.write(crlf(got[case][1]))
			jobs.append((case, path, flags[case]))
		peers(work, dnspath, jobs)
		if "sendmail" in got:
			check_signed("sendmail:signed", local, got["sendmail"][1])
		for name, _, _, want_res in VERIFY_CASES:
			case = "verify-" + name
			if case not in got:
				check(case, False, "not delivered")
				continue
			check_verified(case, want_res, got[case][1])
		del sent
		# Postfix keeps one milter connection per SMTP session
		per = min(PER_SESSION, a.count)
		check("several-messages-per-connection", re.search(
		    r"disconnect from \S+\[%s\].* data=%d " % (re.escape(
		    SIGN_SRC), per), pf.log()) is not None,
		    "no session from %s with %d messages" % (SIGN_SRC, per))
		log = mt.log()
		n = len(re.findall(r" mail-from=<[^>]*> header-from=\S+ mode=",
		    log))
		check("milter:one-log-line-per-message", n == want,
		    "%d log lines for %d messages" % (n, want))
		if a.faults:
			fault(pf, mt)
		check("milter:alive", mt.alive(), "the milter died")
	except Exception as e:	# noqa: BLE001
		check("run", False, "%s: %s" % (type(e).__name__, e))
	finally:
		if pf is not None:
			pf.stop()
		mt.stop()
		check("milter:no-sanitizer-report", "Sanitizer" not in mt.log(),
		    "see the milter log below")
		if results["fail"]:
			sys.stderr.write("--- milter log (tail)\n" +
			    mt.log()[-3000:] + "--- maillog (tail)\n" +
			    (pf.log()[-3000:] if pf else ""))
	return 1 if results["fail"] else 0


if __name__ == "__main__":
	sys.exit(main())
