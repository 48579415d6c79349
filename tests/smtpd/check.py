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

"""check.py: filter-dkim inside a real smtpd (run by tests/smtpd/run.sh).

usage: check.py --filter PATH --dkimkit PATH --work DIR --knot-keys DIR
                --dns ADDR:PORT [--count N]

One smtpd on loopback with filter-dkim on three listeners:
  auto    default mode; mail from 127.0.0.1 (internal by default) is signed
          with RSA-2048 and Ed25519 keys for the genmsg.py domains
  verify  -m verify, keys from the loopback DNS server (knot, made by
          tests/dns/mkzone.sh)
  inside  auto mode with a config file whose internal networks are
          127.0.0.1/32 only: 127.0.0.1 is signed, 127.0.0.2 verified

Sign path: COUNT messages (default 240, so that over 200 go to dkimpy) from tests/interop/genmsg.py, each with an
X-Seq: field on top to find it again. Every delivered message must carry
one RSA and one Ed25519 signature for its From domain (or the parent that
has keys), dkimpy must verify both, and everything from X-Seq: down must
be the bytes sent (after SMTP: a final CRLF added; and, smtpd 6.8 being
protocol 0.6, lines over 1997 bytes cut by smtpd, which the signature must
survive). Messages dkimpy cannot parse (genmsg's "wspcolon") are checked
with dkimkit verify instead, and counted apart.

Verify path: messages signed by dkimpy, then left intact or altered,
each delivered with the dkim= result expected.

Prints PASS/FAIL lines; exit status 1 when any failed.
"""

import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "interop"))

import dkim  # noqa: E402
import smtpdctl  # noqa: E402
from peer_dkimpy import ed25519_seed  # noqa: E402

SIGN_DOMAINS = ["example.com", "example.org", "example.net", "ex.test"]
AUTHSERV = "mx.example.test"
# VERSIONS.md: smtpd 6.8 keeps 1997 bytes of each line a filter sends back
CUT_LINE = 1997
# RFC 5322 §2.1.1: the verify path keeps to it, so smtpd cuts nothing
LINE_MAX = 998
DELIVERY_TIMEOUT = 120
# what delivery agents add on top (Postfix's virtual(8): X-Original-To),
# and last the MTA's own Received:
MTA_FIELDS = (b"return-path", b"delivered-to", b"x-original-to",
    b"received")
# issue 5: at least 200 messages signed through smtpd, verified by dkimpy
DKIMPY_MIN = 200
FAILED = []


def result(name, ok, why=""):
	if ok:
		print("PASS smtpd:%s" % name)
	else:
		print("FAIL smtpd:%s: %s" % (name, why))
		FAILED.append(name)
	sys.stdout.flush()


def run(argv, data=None):
	return subprocess.run(argv, input=data, capture_output=True)


# ---- set-up ------------------------------------------------------------------

def make_keys(a, keydir):
	"""One RSA and one Ed25519 key, used for every signing domain; readable
	by the opensmtpd group only. Returns (filter args, dns records)."""
	os.makedirs(keydir)
	records, args = {}, []
	for sel, alg in (("rsa", "rsa"), ("ed", "ed25519")):
		p = run([a.dkimkit, "keygen", "-a", alg, "-d", "k.test", "-s",
		    sel, "-o", keydir])
		txt = b"".join(re.findall(rb'"([^"]*)"', p.stdout))
		for d in SIGN_DOMAINS:
			records["%s._domainkey.%s." % (sel, d)] = txt
	for d in SIGN_DOMAINS:
		args += ["%s:rsa:%s/rsa.key" % (d, keydir),
		    "%s:ed:%s/ed.key" % (d, keydir)]
	for f in os.listdir(keydir):
		os.chown(os.path.join(keydir, f), 0, group_id())
		os.chmod(os.path.join(keydir, f), 0o640)
	os.chown(keydir, 0, group_id())
	os.chmod(keydir, 0o750)
	return args, records


def group_id():
	import grp
	return grp.getgrnam("opensmtpd").gr_gid


def smtpd_conf(a, work, keyargs, ports, out):
	flt = a.filter
	common = "-A %s --resolver %s" % (AUTHSERV, a.dns)
	conf = os.path.join(work, "inside.conf")
	with open(conf, "w") as f:
		f.write("internal-networks 127.0.0.1/32\n")
	os.chmod(conf, 0o644)
	lines = [
	    'filter dkauto proc-exec "%s %s %s"' % (flt, common,
		" ".join(keyargs)),
	    'filter dkverify proc-exec "%s -m verify %s"' % (flt, common),
	    'filter dkinside proc-exec "%s %s -f %s %s"' % (flt, common, conf,
		" ".join(keyargs)),
	    "listen on 127.0.0.1 port %d filter dkauto" % ports[0],
	    "listen on 127.0.0.1 port %d filter dkverify" % ports[1],
	    "listen on 127.0.0.1 port %d filter dkinside" % ports[2],
	    # smtpd refuses to deliver as root: the mda runs as nobody
	    'action "deliver" mda "/bin/sh -c \'cat > %s/msg.$$\'" user '
		'nobody' % out,
	    'match from any for any action "deliver"', ""]
	return "\n".join(lines)


# ---- messages ------------------------------------------------------------------

def genmsgs(work, count):
	d = os.path.join(work, "gen")
	subprocess.run([sys.executable, os.path.join(HERE, "..", "interop",
	    "genmsg.py"), d, str(count)], check=True)
	flags = {}
	with open(os.path.join(d, "index.tsv")) as f:
		for line in f:
			name, fl = line.rstrip("\n").split("\t")
			flags[name] = set(fl.split(",")) - {"-"}
	msgs = []
	for name in sorted(flags):
		with open(os.path.join(d, name + ".eml"), "rb") as f:
			msgs.append((name, f.read(), flags[name]))
	return msgs


def tag(seq, msg):
	return b"X-Seq: %s\r\n" % seq.encode() + msg


def as_delivered(sent):
	"""What smtpd 6.8 delivers of what was sent, from X-Seq: down."""
	if not sent.endswith(b"\r\n"):
		sent += b"\r\n"		# RFC 5321 §4.1.1.4: the client adds it
	lines = sent[:-2].split(b"\r\n")
	cut = sum(1 for l in lines if len(l) > CUT_LINE)
	return b"".join(l[:CUT_LINE] + b"\r\n" for l in lines), cut


def read_delivered(out):
	"""{seq: delivered bytes with CRLF line ends}"""
	got = {}
	for f in os.listdir(out):
		with open(os.path.join(out, f), "rb") as fh:
			data = fh.read().replace(b"\r\n", b"\n").replace(
			    b"\n", b"\r\n")
		m = re.search(rb"^X-Seq: (\S+)\r$", data, re.M)
		if m:
			got[m.group(1).decode()] = data
	return got


def fields_above(data):
	"""Header fields above X-Seq:, as (name, whole field) pairs."""
	top = data[:data.index(b"X-Seq: ")]
	out = []
	for f in re.split(rb"\r\n(?=[^ \t])", top.rstrip(b"\r\n")):
		if f:
			out.append((f.split(b":", 1)[0].lower(), f))
	return out


def dnsfunc_of(records):
	def dnsfunc(name, timeout=5):
		if isinstance(name, bytes):
			name = name.decode()
		return records.get(name.lower().rstrip(".") + ".")
	return dnsfunc


def from_domain(msg):
	m = re.search(rb"^from:[^\r]*?@([A-Za-z0-9.-]+)>", msg, re.M | re.I)
	if not m:
		m = re.search(rb"^from:\s*\r\n\s+[^\r]*?@([A-Za-z0-9.-]+)>", msg,
		    re.M | re.I)
	d = m.group(1).decode().lower()
	while d not in SIGN_DOMAINS and "." in d:
		d = d.split(".", 1)[1]
	return d


# ---- sign path ------------------------------------------------------------------

def check_signed(seq, sent, data, dnsfunc, a, dnsfile, stats):
	want, cut = as_delivered(tag(seq, sent[1]))
	stats["cut"] += 1 if cut else 0
	if data[data.index(b"X-Seq: "):] != want:
		return "the bytes from X-Seq: down differ from what was sent"
	sigs = [f for n, f in fields_above(data) if n == b"dkim-signature"]
	algs = sorted(re.search(rb"a=([a-z0-9-]+)", s).group(1) for s in sigs)
	if algs != [b"ed25519-sha256", b"rsa-sha256"]:
		return "signatures %s, want one rsa-sha256 and one " \
		    "ed25519-sha256" % algs
	d = from_domain(sent[1])
	for s in sigs:
		if not re.search(rb"[; \t]d=%s;" % d.encode(), s):
			return "a signature without d=%s" % d
	if "wspcolon" in sent[2]:
		p = run([a.dkimkit, "verify", "--dns-file", dnsfile, "-A", "x"],
		    data)
		if p.returncode != 0 or p.stdout.count(b"dkim=pass") != 2:
			return "dkimkit verify: %s" % p.stdout.decode()
		stats["dkimkit"] += 2
		return None
	d = dkim.DKIM(data, minkey=1024)
	for i in range(2):
		if not d.verify(idx=i, dnsfunc=dnsfunc):
			return "dkimpy: signature %d does not verify" % (i + 1)
	stats["dkimpy"] += 2
	return None


def sign_path(port, msgs):
	sent = {"s%03d" % i: m for i, m in enumerate(msgs)}
	acc, failed = smtpdctl.send_all(port, [tag(k, v[1]) for k, v in
	    sorted(sent.items())])
	return acc, failed, sent


def check_sign_path(a, sent, got, records, dnsfile):
	dnsfunc = dnsfunc_of(records)
	stats = {"dkimpy": 0, "dkimkit": 0, "cut": 0}
	bad = []
	for seq in sorted(sent):
		if seq not in got:
			bad.append("%s (%s): not delivered" % (seq, sent[seq][0]))
			continue
		why = check_signed(seq, sent[seq], got[seq], dnsfunc, a,
		    dnsfile, stats)
		if why:
			bad.append("%s (%s): %s" % (seq, sent[seq][0], why))
	for b in bad[:10]:
		print("   " + b)
	ok = len(sent) - len(bad)
	result("sign:verified", not bad, "%d of %d messages bad" %
	    (len(bad), len(sent)))
	result("sign:200-by-dkimpy", stats["dkimpy"] >= 2 * DKIMPY_MIN,
	    "only %d messages verified by dkimpy" % (stats["dkimpy"] // 2))
	print("   %d of %d signed messages verified: %d signatures by dkimpy,"
	    " %d by dkimkit (genmsg wspcolon messages, which dkimpy cannot "
	    "parse); %d messages had lines over %d bytes, cut by smtpd 6.8 and "
	    "still verifying" % (ok, len(sent), stats["dkimpy"],
	    stats["dkimkit"], stats["cut"], CUT_LINE))


# ---- verify path ------------------------------------------------------------------

def knot_key(kdir, name):
	with open(os.path.join(kdir, name + ".key"), "rb") as f:
		return f.read()


def dkimpy_sign(msg, sel, key, alg=b"rsa-sha256"):
	sig = dkim.sign(msg, sel.encode(), b"example.test", key,
	    signature_algorithm=alg, canonicalize=(b"relaxed", b"relaxed"))
	return sig + msg


def alter_body(m):
	i = m.index(b"\r\n\r\n") + 4
	return m[:i] + b"An extra line.\r\n" + m[i:]


def alter_header(m):
	return re.sub(rb"^(subject:)", rb"\1 altered", m, count=1,
	    flags=re.M | re.I) if re.search(rb"^subject:", m, re.M | re.I) \
	    else m.replace(b"\r\nTo:", b"\r\nTo: altered,", 1)


def verify_cases(kdir):
	rsa = knot_key(kdir, "rsa2048")
	ed = ed25519_seed(knot_key(kdir, "ed25519"))
	old = knot_key(kdir, "rsa1024")
	ident = lambda m: m
	return [
	    ("valid-rsa", lambda m: dkimpy_sign(m, "rsa2048", rsa), "pass"),
	    ("valid-ed25519", lambda m: dkimpy_sign(m, "ed25519", ed,
		b"ed25519-sha256"), "pass"),
	    ("body-altered", lambda m: alter_body(dkimpy_sign(m, "rsa2048",
		rsa)), "fail"),
	    ("header-altered", lambda m: alter_header(dkimpy_sign(m,
		"rsa2048", rsa)), "fail"),
	    ("unknown-selector", lambda m: dkimpy_sign(m, "missing", rsa),
		"permerror"),
	    ("revoked-key", lambda m: dkimpy_sign(m, "revoked", old),
		"permerror"),
	    ("unsigned", ident, "none")]


def verify_msgs(msgs, kdir, per_case):
	"""(seq, case, expected result, message) for each verify message."""
	usable = [m for m in msgs if not m[2] & {"wspcolon", "nocrlf"} and
	    max(len(l) for l in m[1].split(b"\r\n")) <= LINE_MAX]
	out = []
	for case, make, want in verify_cases(kdir):
		for i in range(per_case):
			m = usable[(i * 7 + len(out)) % len(usable)][1]
			seq = "v-%s-%d" % (case, i)
			out.append((seq, case, want, make(tag(seq, m))))
	return out


def ar_results(data):
	"""The dkim= words of the first field: it must be our A-R."""
	fields = [f for n, f in fields_above(data) if n not in
	    MTA_FIELDS[:-1]]
	if not fields or not fields[0].lower().startswith(
	    b"authentication-results: " + AUTHSERV.encode() + b";"):
		return None
	return [w.decode() for w in re.findall(rb"dkim=([a-z]+)", fields[0])]


def check_verify_path(vmsgs, got):
	per = {}
	for seq, case, want, _ in vmsgs:
		res = ar_results(got[seq]) if seq in got else "not delivered"
		ok = res == [want]
		per.setdefault(case, []).append(None if ok else
		    "%s: %s, want dkim=%s" % (seq, res, want))
	for case, outcomes in per.items():
		bad = [o for o in outcomes if o]
		for b in bad[:3]:
			print("   " + b)
		result("verify:%s" % case, not bad, "%d of %d wrong" %
		    (len(bad), len(outcomes)))


# ---- internal networks ------------------------------------------------------------------

def send_inside(port, msgs):
	"""127.0.0.1 is inside (signed), 127.0.0.2 is not (verified)."""
	m = [x for x in msgs if not x[2]][0][1]
	res = []
	for src, seq in (("127.0.0.1", "in-1"), ("127.0.0.2", "in-2")):
		acc, _ = smtpdctl.send_all(port, [tag(seq, m)], source=src)
		res.append(acc)
	return res


def check_inside(got):
	one, two = got.get("in-1"), got.get("in-2")
	result("inside:127.0.0.1-signed", one is not None and
	    any(n == b"dkim-signature" for n, _ in fields_above(one)),
	    "no signature on mail from 127.0.0.1")
	result("inside:127.0.0.2-verified", two is not None and
	    ar_results(two) == ["none"], "no dkim=none A-R on mail from "
	    "127.0.0.2 (internal-networks 127.0.0.1/32)")


def check_log(log, per_filter):
	"""The filter's stderr lands in smtpd's log as "NAME: line": no
	sanitizer report, no filter lost, and one line per message (issue 5:
	session, direction, domains, selectors, results), which names the
	message id."""
	bad = re.findall(r"^.*(?:Sanitizer|runtime error:|lost processor|"
	    r"fatal).*$", log, re.M)
	for b in bad[:5]:
		print("   " + b)
	result("log-clean", not bad, "%d alarming lines in smtpd's log" %
	    len(bad))
	for name, want in per_filter.items():
		ids = re.findall(r"^%s: .*\b([0-9a-f]{8})\b" % name, log, re.M)
		got = len(set(re.findall(r"smtp message msgid=([0-9a-f]{8}) .*"
		    r"\n", log)) & set(ids))
		result("log-lines:%s" % name, got == want, "%d of %d messages "
		    "with a line from the filter" % (got, want))


def main():
	ap = argparse.ArgumentParser()
	ap.add_argument("--filter", required=True)
	ap.add_argument("--dkimkit", required=True)
	ap.add_argument("--work", required=True)
	ap.add_argument("--knot-keys", required=True)
	ap.add_argument("--dns", required=True)
	ap.add_argument("--count", type=int, default=240)
	ap.add_argument("--per-case", type=int, default=5)
	a = ap.parse_args()

	work = a.work
	out = os.path.join(work, "delivered")
	os.makedirs(out)
	os.chmod(out, 0o777)
	keyargs, records = make_keys(a, os.path.join(work, "keys"))
	dnsfile = os.path.join(work, "sign-dns.txt")
	with open(dnsfile, "w") as f:
		for k, v in records.items():
			f.write('%s TXT "%s"\n' % (k, v.decode()))
	msgs = genmsgs(work, a.count)
	vmsgs = verify_msgs(msgs, a.knot_keys, a.per_case)
	host, port = a.dns.rsplit(":", 1)
	if not smtpdctl.dns_wait(host, int(port),
	    "rsa2048._domainkey.example.test"):
		result("dns", False, "no answer from the DNS server at " + a.dns)
		return 1
	ports = [smtpdctl.free_port() for _ in range(3)]
	srv = smtpdctl.Smtpd(work, smtpd_conf(a, work, keyargs, ports, out),
	    ports)
	try:
		srv.start()
	except RuntimeError as e:
		result("start", False, str(e))
		return 1
	result("start", True)
	try:
		acc, failed, sent = sign_path(ports[0], msgs)
		vacc, vfailed = smtpdctl.send_all(ports[1],
		    [m for _, _, _, m in vmsgs])
		iacc = send_inside(ports[2], msgs)
		want = acc + vacc + sum(iacc)
		n = srv.wait_delivered(want, DELIVERY_TIMEOUT)
		result("accepted", not failed and not vfailed and
		    sum(iacc) == 2, "refused: %s %s %s" % (failed[:5],
		    vfailed[:5], iacc))
		result("delivered", n == want, "%d of %d delivered" % (n,
		    want))
		print("   %d sign-path and %d verify-path messages delivered" %
		    (acc, vacc))
		result("alive", srv.alive(), "smtpd is gone:\n" +
		    srv.logtext()[-2000:])
	finally:
		srv.stop()
	got = read_delivered(out)
	check_sign_path(a, sent, got, records, dnsfile)
	check_verify_path(vmsgs, got)
	check_inside(got)
	check_log(srv.logtext(), {"dkauto": acc, "dkverify": vacc,
	    "dkinside": sum(iacc)})
	return 1 if FAILED else 0


if __name__ == "__main__":
	sys.exit(main())
