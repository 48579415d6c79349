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

"""stress.py: filter-dkim inside a real smtpd, or dkimkit-milter inside
a real Postfix, with faults injected (run by tests/stress/run.sh).

usage: stress.py --filter PATH | --milter PATH [--postfix-root DIR]
                 --dkimkit PATH --work DIR --knot-keys DIR --spool DIR
                 [--count N] [--parallel P] [--seed S]

One driver for both MTAs: the messages, the faults and the checks below
are the same; what an MTA must provide is SmtpdMTA's interface, and
postfix_mta.py says how each fault maps onto Postfix and the milter
(--milter). What follows is said of smtpd and its filters.

It starts knot (the zone of tests/dns/mkzone.sh, keys kept in the
--knot-keys folder), the fault server and smtpd, each on a free loopback
port, and stops them by pid.

Three filters, each on its own listener, each started through a wrapper
that lowers its file descriptor limit (ulimit -n), each with its spool in
SPOOL, a small tmpfs, and spool-max at its floor so that most messages
spill there:
  sign    -m sign, RSA and Ed25519 keys for example.com and example.org
  vgood   -m verify, keys from knot (messages signed by dkimpy)
  vfault  -m verify, keys from the fault server (tests/dns/faultdns.py):
          SERVFAIL, REFUSED, garbage, short, wrong ID or question, silence
          past the DNS deadline, slow answers
While COUNT messages go through (P sessions at once, sizes from a few
hundred bytes to 700 KB), three more faults run:
  - clients that vanish in the middle of DATA (one attempt in 25);
  - a ballast file that fills the spool tmpfs to its last few KB and
    empties it again, over and over;
  - a SIGHUP storm: each filter's configuration file is flipped between
    its good version and a broken one (bad values, unknown options, a
    spool-dir that does not exist, a NUL byte, no keys, a key file that
    does not exist, a key given twice, h= without From) while SIGHUPs are
    sent.
Verify-path messages carry forged Authentication-Results fields with our
authserv-id, and foreign ones that must stay.

Required, one PASS/FAIL line each:
  lost         every accepted message is delivered
  altered      every delivered message is, from its X-Seq: field down, the
               bytes sent minus the forged fields; above it only smtpd's
               Received:, the mda's fields and ours
  4xx-only     every message not accepted got a 4xx reply
  no-phantoms  nothing refused or cut mid-DATA is delivered
  filter-exits no filter exited, smtpd is alive at the end
  signed       every delivered sign-path message carries both signatures,
               and dkimpy verifies them (a broken configuration must be
               refused on reload, never used)
  verdicts     vgood messages give dkim=pass or temperror, never fail
  log-clean    no sanitizer report or fatal line in smtpd's log
Prints the figures: sent, cut mid-DATA, accepted, delivered, tempfailed,
altered, filter exits.
"""

import argparse
import os
import random
import re
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "smtpd"))
sys.path.insert(0, os.path.join(HERE, "..", "interop"))

import check  # noqa: E402
import dkim  # noqa: E402
import smtpdctl  # noqa: E402
from peer_dkimpy import ed25519_seed  # noqa: E402

AUTHSERV = check.AUTHSERV
SIGN_DOMAINS = ("example.com", "example.org")
KINDS = ("sign", "vgood", "vfault")
# file descriptor limits: low enough that spool files and DNS sockets of
# P sessions run out of them, high enough for the filter to start
FD_LIMIT = {"sign": 4, "vgood": 6, "vfault": 8}
# filter-dkim(8): spool-max is at least 4096
SPOOL_MAX = 4096
# faultdns.py modes; the query name's label before fault.test picks one
FAULT_MODES = ("servfail", "refused", "garbage", "short", "wrongid",
    "wrongq", "badtxt", "silent", "nx", "nodata", "ok", "slow-5",
    "slow-40", "slow-300", "delay-700", "delay-2500", "wrongid-ok", "tc")
DNS_TIMEOUT = 1
CUT_EVERY = 25
PER_SESSION = 25
HUP_INTERVAL = 0.02
DELIVERY_TIMEOUT = 180
FORGED = (b"Authentication-Results: mx.example.test; dkim=pass "
    b"header.d=example.test",
    b"authentication-results:MX.EXAMPLE.TEST;\r\n\tdkim=pass (forged)",
    b"Authentication-Results: mx.example.test ; none")
FOREIGN = b"Authentication-Results: elsewhere.example; dkim=fail"
WORDS = (b"alpha", b"bravo", b"charlie", b"delta", b"echo", b"foxtrot",
    b"golf", b"hotel", b"india", b"juliet", b"kilo", b"lima", b"mike")
FAILED = []
PREFIX = "stress:"


def result(name, ok, why=""):
	if ok:
		print("PASS %s%s" % (PREFIX, name))
	else:
		print("FAIL %s%s: %s" % (PREFIX, name, why))
		FAILED.append(name)
	sys.stdout.flush()


# ---- messages ------------------------------------------------------------------

def body(rnd, size):
	"""Lines of at most 78 octets, with the cases SMTP transparency and
	body canonicalization care about: leading dots, "From ", blank lines,
	trailing blanks; CRLF at the end."""
	out, n = [], 0
	while n < size:
		r = rnd.random()
		if r < 0.03:
			line = b"." + b" ".join(rnd.choices(WORDS, k=3))
		elif r < 0.05:
			line = b"From " + rnd.choice(WORDS)
		elif r < 0.10:
			line = b""
		elif r < 0.13:
			line = b" ".join(rnd.choices(WORDS, k=4)) + b" \t "
		else:
			line = b" ".join(rnd.choices(WORDS, k=rnd.randint(1, 11)))
		out.append(line + b"\r\n")
		n += len(out[-1])
	return b"".join(out)


def base_message(i, rnd, size):
	dom = SIGN_DOMAINS[i % len(SIGN_DOMAINS)]
	return (b"From: Sender %d <user%d@%s>\r\n" % (i, i, dom.encode()) +
	    b"To: Root <root@localhost>\r\n"
	    b"Subject: stress %d\r\n" % i +
	    b"Date: Thu, 03 Dec 2026 12:00:00 +0000\r\n"
	    b"Message-ID: <stress.%d@%s>\r\n" % (i, dom.encode()) +
	    b"MIME-Version: 1.0\r\n\r\n" + body(rnd, size))


def base_sizes(rnd, n):
	"""Mostly small, a third that spill, a few large ones that fill the
	spool tmpfs when several sessions hold one."""
	sizes = []
	for i in range(n):
		if i % 8 == 7:
			sizes.append(rnd.randint(150000, 700000))
		elif i % 3 == 0:
			sizes.append(rnd.randint(5000, 80000))
		else:
			sizes.append(rnd.randint(100, 3500))
	return sizes


def make_pools(a, npool):
	"""{kind: [message]}: the same bases, signed as each path needs."""
	rnd = random.Random(a.seed)
	bases = [base_message(i, rnd, s) for i, s in
	    enumerate(base_sizes(rnd, npool))]
	rsa = check.knot_key(a.knot_keys, "rsa2048")
	ed = ed25519_seed(check.knot_key(a.knot_keys, "ed25519"))
	vgood = [check.dkimpy_sign(m, "rsa2048", rsa) if i % 2 else
	    check.dkimpy_sign(m, "ed25519", ed, b"ed25519-sha256")
	    for i, m in enumerate(bases)]
	vfault = []
	for i, m in enumerate(bases):
		mode = FAULT_MODES[i % len(FAULT_MODES)]
		vfault.append(dkim.sign(m, b"sel", ("%s.fault.test" %
		    mode).encode(), ed, signature_algorithm=b"ed25519-sha256",
		    canonicalize=(b"relaxed", b"relaxed")) + m)
	return {"sign": bases, "vgood": vgood, "vfault": vfault}


class Plan:
	"""What attempt n sends: its kind, pool message, extra fields on top
	(some forged), and whether the client vanishes mid-DATA. The message
	and what must be delivered of it are made again from the plan."""

	def __init__(self, n, rnd, pools, run):
		self.n, self.seq = n, "%s-%d" % (run, n)
		self.kind = rnd.choice(KINDS)
		self.base = rnd.randrange(len(pools[self.kind]))
		self.extra = []
		if self.kind != "sign" and rnd.random() < 0.5:
			self.extra = rnd.sample(FORGED, rnd.randint(1, 2))
			if rnd.random() < 0.5:
				self.extra.insert(rnd.randint(0,
				    len(self.extra)), FOREIGN)
		# 0, or where the client vanishes: in the header or the body
		self.cut = 0
		if n % CUT_EVERY == CUT_EVERY - 1:
			self.cut = rnd.randint(1, len(self.message(pools)) - 1)

	def message(self, pools):
		return b"X-Seq: %s\r\n" % self.seq.encode() + b"".join(
		    f + b"\r\n" for f in self.extra) + pools[self.kind][self.base]

	def expected(self, pools):
		"""From X-Seq: down: the forged fields of ours are gone."""
		return b"X-Seq: %s\r\n" % self.seq.encode() + b"".join(
		    f + b"\r\n" for f in self.extra if f not in FORGED) + \
		    pools[self.kind][self.base]


# ---- configurations ------------------------------------------------------------------

def good_conf(kind, a, keyargs):
	lines = ["# filter-dkim for the stress test: %s" % kind,
	    "spool-dir %s" % a.spool, "spool-max %d" % SPOOL_MAX,
	    "dns-timeout %d" % DNS_TIMEOUT]
	if kind == "sign":
		lines += keyargs
	return ("\n".join(lines) + "\n").encode()


def broken_confs(kind, good, keyargs):
	"""Configurations that cannot work; a reload must keep the old one."""
	out = [good + b"spool-max 12\n",
	    good + b"no-such-option yes\n",
	    good + b"spool-dir /nonexistent/spool\n",
	    good + b"dns-timeout 0\n",
	    good + b"canonicalization relaxed/sideways\n",
	    b"\0" + good]
	if kind == "sign":
		out += [good.split(keyargs[0].encode())[0],	# no key at all
		    good + b"example.com:x:/nonexistent/key.pem\n",
		    good + keyargs[0].encode() + b"\n",
		    good + b"headers to:subject\n"]
	return out


def write_atomic(path, data):
	tmp = path + ".tmp"
	with open(tmp, "wb") as f:
		f.write(data)
	os.chmod(tmp, 0o644)
	os.replace(tmp, path)


# ---- servers ------------------------------------------------------------------

def udp_tcp_port():
	"""A port free on 127.0.0.1 for both UDP and TCP."""
	while True:
		u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
		t = socket.socket()
		try:
			u.bind(("127.0.0.1", 0))
			port = u.getsockname()[1]
			t.bind(("127.0.0.1", port))
			return port
		except OSError:
			continue
		finally:
			t.close()
			u.close()


def start_dns(a, children):
	"""knot and the fault server; (knot addr, fault addr) or None."""
	kdir = os.path.join(a.work, "knot")
	os.makedirs(kdir)
	os.makedirs(a.knot_keys, exist_ok=True)
	kport = udp_tcp_port()
	subprocess.run(["sh", os.path.join(HERE, "..", "dns", "mkzone.sh"),
	    a.dkimkit, a.knot_keys, kdir, str(kport)], check=True)
	with open(os.path.join(a.work, "knot.log"), "wb") as log:
		children.append(subprocess.Popen(["knotd", "-c",
		    os.path.join(kdir, "knot.conf")], stdout=log,
		    stderr=subprocess.STDOUT))
	portfile = os.path.join(a.work, "fault.port")
	with open(os.path.join(a.work, "fault.log"), "wb") as log:
		children.append(subprocess.Popen([sys.executable,
		    os.path.join(HERE, "..", "dns", "faultdns.py"),
		    "--portfile", portfile, "--lifetime", "7200"], stdout=log,
		    stderr=subprocess.STDOUT))
	end = time.time() + 10
	while not os.path.exists(portfile) and time.time() < end:
		time.sleep(0.05)
	if not os.path.exists(portfile) or not smtpdctl.dns_wait(
	    "127.0.0.1", kport, "rsa2048._domainkey.example.test"):
		return None
	with open(portfile) as f:
		fport = int(f.read())
	return "127.0.0.1:%d" % kport, "127.0.0.1:%d" % fport


def stop_children(children):
	for c in children:
		if c.poll() is None:
			c.terminate()
			c.wait()


# ---- smtpd ------------------------------------------------------------------

class Server:
	"""Our smtpd: started only while no other runs; at the end only our
	own messages leave the queue (by message id from our log, and the
	entries made in incoming/ and purge/ since we started)."""

	def __init__(self, work, conf_text, ports):
		self.conf = os.path.join(work, "smtpd.conf")
		self.log = os.path.join(work, "smtpd.log")
		self.ports = ports
		write_atomic(self.conf, conf_text.encode())
		self.proc, self.before = None, {}
		self.ok_seen, self.log_pos = 0, 0

	def start(self):
		if smtpdctl.smtpd_pids():
			raise RuntimeError("another smtpd is running (pid %s)" %
			    smtpdctl.smtpd_pids())
		chk = subprocess.run([smtpdctl.SMTPD, "-n", "-f", self.conf],
		    capture_output=True, text=True)
		if chk.returncode != 0:
			raise RuntimeError("smtpd -n: " + chk.stdout + chk.stderr)
		self.before = {d: set(spool_list(d)) for d in ("purge",
		    "incoming")}
		with open(self.log, "wb") as log:
			self.proc = subprocess.Popen([smtpdctl.SMTPD, "-d", "-f",
			    self.conf], stdout=log, stderr=subprocess.STDOUT)
		end = time.time() + smtpdctl.START_TIMEOUT
		while time.time() < end and self.alive() and not all(
		    smtpdctl.listening(p) for p in self.ports):
			time.sleep(0.05)
		if not all(smtpdctl.listening(p) for p in self.ports):
			self.stop()
			raise RuntimeError("smtpd did not start:\n" +
			    self.logtext()[-3000:])

	def alive(self):
		return self.proc is not None and self.proc.poll() is None

	def logtext(self):
		with open(self.log, "rb") as f:
			return f.read().decode(errors="replace")

	def delivered(self):
		"""Deliveries logged so far, reading only what is new."""
		with open(self.log, "rb") as f:
			f.seek(self.log_pos)
			chunk = f.read()
		end = chunk.rfind(b"\n") + 1
		self.log_pos += end
		self.ok_seen += len(re.findall(rb"mda delivery .* result=Ok",
		    chunk[:end]))
		return self.ok_seen

	def wait_delivered(self, n, timeout):
		end = time.time() + timeout
		while self.delivered() < n and time.time() < end and \
		    self.alive():
			time.sleep(0.2)
		return self.delivered()

	def remove_own(self):
		log = self.logtext()
		ids = set(re.findall(r"smtp message msgid=([0-9a-f]{8})", log))
		running = self.alive()
		for mid in sorted(ids):
			if running:
				subprocess.run(["smtpctl", "remove", mid],
				    capture_output=True)
			bucket = os.path.join(smtpdctl.SPOOL, "queue", mid[:2])
			shutil.rmtree(os.path.join(bucket, mid),
			    ignore_errors=True)
			try:
				os.rmdir(bucket)	# only when left empty
			except OSError:
				pass
			for sub in ("incoming", "corrupt", "temporary"):
				shutil.rmtree(os.path.join(smtpdctl.SPOOL, sub,
				    mid), ignore_errors=True)
		if running:
			return
		# what a dead smtpd left: sessions cut short in incoming/
		# (never logged), and the entries it renamed into purge/
		for d, old in self.before.items():
			for e in set(spool_list(d)) - old:
				shutil.rmtree(os.path.join(smtpdctl.SPOOL, d, e),
				    ignore_errors=True)

	def stop(self):
		if self.proc is None:
			return
		self.remove_own()
		if self.proc.poll() is None:
			self.proc.send_signal(signal.SIGTERM)
			try:
				self.proc.wait(smtpdctl.STOP_TIMEOUT)
			except subprocess.TimeoutExpired:
				self.proc.kill()
				self.proc.wait()
		end = time.time() + 5
		while smtpdctl.smtpd_pids() and time.time() < end:
			time.sleep(0.1)
		self.remove_own()


def spool_list(sub):
	d = os.path.join(smtpdctl.SPOOL, sub)
	return os.listdir(d) if os.path.isdir(d) else []


def filter_pids(work):
	"""{kind: pid} of our filters: their command lines name our work dir
	and their own configuration file."""
	pids = {}
	for pid in filter(str.isdigit, os.listdir("/proc")):
		try:
			with open("/proc/%s/cmdline" % pid, "rb") as f:
				cmd = f.read().split(b"\0")
		except OSError:
			continue
		if len(cmd) < 2 or not cmd[0].endswith(b"filter-dkim"):
			continue
		for k in KINDS:
			if os.path.join(work, "%s.conf" % k).encode() in cmd:
				pids[k] = int(pid)
	return pids


def catches_hup(pid):
	"""True once the process has its SIGHUP handler: before that, as in
	any program, SIGHUP would end it (smtpd may listen before every
	filter is that far)."""
	try:
		with open("/proc/%d/status" % pid) as f:
			for line in f:
				if line.startswith("SigCgt:"):
					return int(line.split()[1], 16) >> \
					    (signal.SIGHUP - 1) & 1 == 1
	except OSError:
		pass
	return False


def wait_filters(work, timeout=30):
	"""{kind: pid} once every filter catches SIGHUP, or what was found."""
	end = time.time() + timeout
	while True:
		pids = filter_pids(work)
		if (sorted(pids) == sorted(KINDS) and all(catches_hup(p) for p in
		    pids.values())) or time.time() > end:
			return pids
		time.sleep(0.05)


def pid_alive(pid):
	try:
		with open("/proc/%d/stat" % pid) as f:
			stat = f.read()
	except OSError:
		return False
	return stat[stat.rfind(")") + 2] != "Z"


class SmtpdMTA:
	"""smtpd with the filters as proc-exec filters: what the driver asks
	of an MTA (the same for tests/stress/postfix_mta.py)."""

	NAME, DAEMON = "smtpd", "filter"
	BALLAST_LEAVE = 64 * 1024	# the most the ballast leaves free

	def __init__(self, a, confs, dns, reports):
		self.a = a
		self.outdir = os.path.join(a.work, "delivered")
		os.makedirs(self.outdir)
		os.chmod(self.outdir, 0o777)	# the mda
		self.reports = reports
		wrappers = {k: self.wrapper(k, confs[k][0], {"sign": None,
		    "vgood": dns[0], "vfault": dns[1]}[k]) for k in KINDS}
		self.ports = {k: smtpdctl.free_port() for k in KINDS}
		self.srv = Server(a.work, self.smtpd_conf(wrappers, self.mda()),
		    list(self.ports.values()))
		self.pids = {}

	def wrapper(self, kind, conf, resolver):
		"""The filter command smtpd runs: a shell that lowers the limit
		on open files, then execs the filter (same pid, so it is found).
		A sanitizer's report goes to a file: smtpd exits as soon as a
		filter dies, before it has copied the filter's last lines to
		its log."""
		a = self.a
		path = os.path.join(a.work, "run-%s.sh" % kind)
		args = "-m %s -A %s -f %s" % ("sign" if kind == "sign" else
		    "verify", AUTHSERV, conf)
		if resolver:
			args += " --resolver %s" % resolver
		write_atomic(path, ("#!/bin/sh\n%sulimit -n %d\nexec %s %s\n" % (
		    sanitizer_env(self.reports, kind),
		    FD_LIMIT[kind], a.filter, args)).encode())
		os.chmod(path, 0o755)
		return path

	def mda(self):
		"""The mda: a file per delivery (over 10,000 deliveries, pids
		come round again, so msg.$$ would overwrite some)."""
		path = os.path.join(self.a.work, "deliver.sh")
		write_atomic(path, ("#!/bin/sh\nf=$(mktemp %s/msg.XXXXXXXXXX) || "
		    "exit 75\nexec cat > \"$f\"\n" % self.outdir).encode())
		os.chmod(path, 0o755)
		return path

	def smtpd_conf(self, wrappers, deliver):
		lines = ['filter %s proc-exec "%s"' % (k, wrappers[k])
		    for k in KINDS]
		lines += ["listen on 127.0.0.1 port %d filter %s" % (
		    self.ports[k], k) for k in KINDS]
		# smtpd refuses to deliver as root: the mda runs as nobody
		lines += ['action "deliver" mda "%s" user nobody' % deliver,
		    'match from any for any action "deliver"', ""]
		return "\n".join(lines)

	def start(self):
		"""Raises RuntimeError when smtpd or a filter did not start."""
		self.srv.start()
		self.pids = wait_filters(self.a.work)
		if sorted(self.pids) != sorted(KINDS) or not all(catches_hup(p)
		    for p in self.pids.values()):
			raise RuntimeError("filters found: %s, not all of them "
			    "ready for SIGHUP" % self.pids)

	def alive(self):
		return self.srv.alive()

	def wait_delivered(self, n, timeout):
		return self.srv.wait_delivered(n, timeout)

	def exits(self):
		"""The filters that exited: a dead smtpd takes its filters
		along, and then its log names the one that went first."""
		gone = set(re.findall(r"lost processor: (\S+)",
		    self.srv.logtext()))
		if self.srv.alive():
			gone |= {k for k, p in self.pids.items()
			    if not pid_alive(p)}
		return gone

	def alarms(self):
		"""Sanitizer reports, or fatal lines, in smtpd's log."""
		return re.findall(r"^.*(?:Sanitizer|runtime error:|lost "
		    r"processor|fatal|exited abnormally).*$", self.srv.logtext(),
		    re.M)

	def stop(self):
		self.srv.stop()


def sanitizer_env(reports, kind):
	"""Shell lines that send the sanitizers' reports of KIND to a file
	in REPORTS."""
	return "".join('%s="${%s:+$%s:}log_path=%s"\nexport %s\n' % (v, v,
	    v, os.path.join(reports, kind), v) for v in ("ASAN_OPTIONS",
	    "UBSAN_OPTIONS"))


# ---- fault makers ------------------------------------------------------------------

class Ballast(threading.Thread):
	"""Fills the spool tmpfs to its last few KB (up to leave_max bytes),
	holds, empties it, waits, again: spool writes meet ENOSPC at every
	stage of a message."""

	def __init__(self, spool, seed, leave_max):
		super().__init__(daemon=True)
		self.leave_max = leave_max // 1024
		self.path = os.path.join(spool, "ballast")
		self.rnd = random.Random(seed)
		self.stopping = threading.Event()
		self.fills = 0

	def run(self):
		while not self.stopping.is_set():
			st = os.statvfs(os.path.dirname(self.path))
			free = st.f_bavail * st.f_frsize
			leave = self.rnd.randint(0, self.leave_max) * 1024
			if free > leave:
				try:
					with open(self.path, "ab") as f:
						os.posix_fallocate(f.fileno(),
						    f.seek(0, 2), free - leave)
					self.fills += 1
				except OSError:
					pass
			self.stopping.wait(self.rnd.uniform(0.1, 0.6))
			try:
				os.unlink(self.path)
			except OSError:
				pass
			self.stopping.wait(self.rnd.uniform(0.05, 0.4))
		try:
			os.unlink(self.path)
		except OSError:
			pass


class HupStorm(threading.Thread):
	"""Flips each filter's configuration between good and broken versions
	and sends SIGHUP to the filter, every HUP_INTERVAL seconds. Ends with
	the good versions in place and one last SIGHUP each."""

	def __init__(self, confs, pids, seed):
		super().__init__(daemon=True)
		self.confs, self.pids = confs, pids
		self.rnd = random.Random(seed)
		self.stopping = threading.Event()
		self.hups = self.broken = 0

	def hup(self, kind):
		try:
			os.kill(self.pids[kind], signal.SIGHUP)
		except OSError:
			return False
		self.hups += 1
		return True

	def run(self):
		while not self.stopping.wait(HUP_INTERVAL):
			kind = self.rnd.choice(KINDS)
			path, good, broken = self.confs[kind]
			bad = self.rnd.random() < 0.5
			write_atomic(path, self.rnd.choice(broken) if bad else
			    good)
			if self.hup(kind) and bad:
				self.broken += 1
		for kind in KINDS:
			write_atomic(self.confs[kind][0], self.confs[kind][1])
			self.hup(kind)


# ---- clients ------------------------------------------------------------------

class Tally:
	def __init__(self):
		self.lock = threading.Lock()
		self.outcome = {}		# seq: accepted | 4xx | 5xx | error text

	def put(self, seq, what):
		with self.lock:
			self.outcome[seq] = what


def classify(e):
	code = getattr(e, "smtp_code", None)
	if code is None and isinstance(e, smtplib.SMTPRecipientsRefused):
		code = list(e.recipients.values())[0][0]
	if code is None:
		return "error: %r" % e
	return "4xx" if 400 <= code < 500 else "%d" % code


def reply_code(f):
	"""The code of an SMTP reply, read to its last line; b"" at EOF."""
	while True:
		line = f.readline()
		if line[3:4] != b"-":
			return line[:3]


def cut_mid_data(port, msg, at):
	"""A client that sends DATA and the first AT octets of the message,
	then vanishes. Returns "cut", or the outcome when a command was
	refused before."""
	try:
		s = socket.create_connection(("127.0.0.1", port), timeout=60)
	except OSError as e:
		return "error: %r" % e
	steps = ((None, b"220"), (b"EHLO client.test", b"250"),
	    (b"MAIL FROM:<alice@example.test>", b"250"),
	    (b"RCPT TO:<root@localhost>", b"250"), (b"DATA", b"354"))
	with s:
		f = s.makefile("rb")
		try:
			for cmd, want in steps:
				if cmd is not None:
					s.sendall(cmd + b"\r\n")
				code = reply_code(f)
				if code != want:
					return "4xx" if code[:1] == b"4" else \
					    "error: %s to %s" % (code, cmd)
			# RFC 5321 §4.5.2: transparency, as a real client would
			s.sendall(msg[:at].replace(b"\r\n.", b"\r\n.."))
		except OSError as e:
			return "error: %r" % e
	return "cut"


def worker(plans, todo, lock, pools, ports, tally):
	conns, used = {}, {}
	while True:
		with lock:
			if not todo:
				break
			p = plans[todo.pop()]
		msg = p.message(pools)
		if p.cut:
			tally.put(p.seq, cut_mid_data(ports[p.kind], msg,
			    p.cut))
			continue
		conn = conns.get(p.kind)
		try:
			if conn is not None and used[p.kind] >= PER_SESSION:
				conns.pop(p.kind).quit()
				conn = None
			if conn is None:
				conn = smtplib.SMTP(local_hostname="client.test",
				    timeout=60)
				conn.connect("127.0.0.1", ports[p.kind])
				conns[p.kind], used[p.kind] = conn, 0
			used[p.kind] += 1
			conn.sendmail("alice@example.test", ["root@localhost"],
			    msg)
			tally.put(p.seq, "accepted")
		except (smtplib.SMTPException, OSError) as e:
			tally.put(p.seq, classify(e))
			conns.pop(p.kind, None)
			try:
				conn.close()
			except (OSError, AttributeError):
				pass
	for c in conns.values():
		try:
			c.quit()
		except (smtplib.SMTPException, OSError):
			pass


def drive(plans, pools, ports, parallel):
	tally, lock = Tally(), threading.Lock()
	todo = list(range(len(plans)))[::-1]
	threads = [threading.Thread(target=worker, args=(plans, todo, lock,
	    pools, ports, tally)) for _ in range(parallel)]
	for t in threads:
		t.start()
	for t in threads:
		t.join()
	return tally.outcome


# ---- checks ------------------------------------------------------------------

def check_fields(kind, data):
	"""None, or why the fields above X-Seq: are not what the path adds:
	the MTA's Received:, the delivery agent's fields (Postfix's virtual
	adds X-Original-To:), and ours (DKIM-Signature fields when signing,
	one A-R of ours when verifying)."""
	names = [n for n, _ in check.fields_above(data)]
	ours = [n for n in names if n not in check.MTA_FIELDS]
	if kind == "sign":
		if any(n != b"dkim-signature" for n in ours):
			return "fields above X-Seq: %s" % [n.decode() for n in ours]
		return None
	if ours != [b"authentication-results"] or \
	    check.ar_results(data) is None:
		return "fields above X-Seq: %s, want our one A-R" % \
		    [n.decode() for n in ours]
	return None


def signing_flaw(data, records):
	"""None, or why the message lacks its two good signatures."""
	n = sum(1 for f, _ in check.fields_above(data) if f == b"dkim-signature")
	if n != 2:
		return "%d signatures, want 2 (RSA and Ed25519)" % n
	d = dkim.DKIM(data, minkey=1024)
	dnsfunc = check.dnsfunc_of(records)
	if not all(d.verify(idx=i, dnsfunc=dnsfunc) for i in range(2)):
		return "dkimpy does not verify both signatures"
	return None


def check_all(plans, pools, outcome, got, records):
	"""The figures and the failures, per required result."""
	fig = {"sent": 0, "cut": 0, "accepted": 0, "delivered": 0,
	    "tempfailed": 0, "altered": 0}
	for k in KINDS:
		fig[k] = [0, 0]		# sent, delivered
	bad = {k: [] for k in ("lost", "altered", "4xx-only", "no-phantoms",
	    "signed", "verdicts")}
	for p in plans:
		out = outcome.get(p.seq, "error: never sent")
		data = got.get(p.seq)
		fig["cut" if p.cut else "sent"] += 1
		fig[p.kind][0] += not p.cut
		fig[p.kind][1] += data is not None
		fig["accepted"] += out == "accepted"
		fig["tempfailed"] += out == "4xx"
		if data is None:
			if out == "accepted":
				bad["lost"].append(p.seq)
			elif out not in ("4xx", "cut"):
				bad["4xx-only"].append("%s: %s" % (p.seq, out))
			continue
		fig["delivered"] += 1
		if out != "accepted":
			bad["no-phantoms"].append("%s: %s, yet delivered" % (
			    p.seq, out))
		why = check_fields(p.kind, data)
		if why is None and data[data.index(b"X-Seq: "):] != \
		    p.expected(pools):
			why = "the bytes from X-Seq: down differ from those sent"
		if why is not None:
			fig["altered"] += 1
			bad["altered"].append("%s (%s): %s" % (p.seq, p.kind, why))
		elif p.kind == "sign":
			why = signing_flaw(data, records)
			if why is not None:
				bad["signed"].append("%s: %s" % (p.seq, why))
		elif p.kind == "vgood":
			res = check.ar_results(data)
			if res[0] not in ("pass", "temperror"):
				bad["verdicts"].append("%s: dkim=%s" % (p.seq,
				    " ".join(res)))
	return fig, bad


def check_log(mta, reports):
	"""The MTA's log, and the sanitizers' reports the daemons left."""
	lines = mta.alarms()
	for l in lines[:5]:
		print("   " + l)
	for f in sorted(os.listdir(reports)):
		with open(os.path.join(reports, f), errors="replace") as fh:
			text = fh.read()
		print("   %s:\n%s" % (f, text[:3000]))
		lines.append(f)
	result("log-clean", not lines, "%d alarming lines in %s's log or "
	    "sanitizer reports" % (len(lines), mta.NAME))


def report(mta, fig, bad, exits, alive, extra):
	print("   messages sent %d (and %d clients cut mid-DATA), accepted %d,"
	    " delivered %d, tempfailed %d, altered %d, %s exits %d, "
	    "%s alive %s" % (fig["sent"], fig["cut"], fig["accepted"],
	    fig["delivered"], fig["tempfailed"], fig["altered"], mta.DAEMON,
	    exits, mta.NAME, "yes" if alive else "no"))
	print("   per path, sent/delivered: " + ", ".join("%s %d/%d" % (k,
	    fig[k][0], fig[k][1]) for k in KINDS))
	print("   " + extra)
	why = {"lost": "accepted, never delivered",
	    "altered": "delivered altered",
	    "4xx-only": "refused other than with a 4xx",
	    "no-phantoms": "delivered although not accepted",
	    "signed": "sign-path messages not properly signed",
	    "verdicts": "vgood messages with a wrong verdict"}
	for name in ("lost", "altered", "4xx-only", "no-phantoms"):
		for b in bad[name][:5]:
			print("   " + b)
		result(name, not bad[name], "%d %s" % (len(bad[name]), why[name]))
	result("%s-exits" % mta.DAEMON, exits == 0 and alive, "%d %s exits, "
	    "%s alive: %s" % (exits, mta.DAEMON, mta.NAME, "yes" if alive else
	    "no"))
	for name in ("signed", "verdicts"):
		for b in bad[name][:5]:
			print("   " + b)
		result(name, not bad[name], "%d %s" % (len(bad[name]), why[name]))


def main():
	global PREFIX
	ap = argparse.ArgumentParser()
	for o in ("--dkimkit", "--work", "--knot-keys", "--spool"):
		ap.add_argument(o, required=True)
	ap.add_argument("--filter")
	ap.add_argument("--milter")
	ap.add_argument("--postfix-root", default="/var/tmp/postfix-root")
	ap.add_argument("--count", type=int, default=10000)
	ap.add_argument("--parallel", type=int, default=12)
	ap.add_argument("--seed", type=int, default=8)
	ap.add_argument("--pool", type=int, default=48)
	a = ap.parse_args()
	if (a.filter is None) == (a.milter is None):
		ap.error("give one of --filter and --milter")
	if a.milter is not None:
		PREFIX = "stress-postfix:"
	# a signal still stops the servers, through the finally clauses
	for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
		signal.signal(sig, lambda *_: sys.exit(1))
	children = []
	try:
		return stress(a, children)
	finally:
		stop_children(children)


def new_mta(a, confs, dns, reports):
	if a.filter is not None:
		return SmtpdMTA(a, confs, dns, reports)
	import postfix_mta
	return postfix_mta.PostfixMTA(a, confs, dns, reports)


def stress(a, children):
	reports = os.path.join(a.work, "reports")
	os.makedirs(reports)
	os.chmod(reports, 0o777)	# the filters
	keyargs, records = check.make_keys(a, os.path.join(a.work, "keys"))
	keyargs = [k for k in keyargs if k.split(":")[0] in SIGN_DOMAINS]
	dns = start_dns(a, children)
	if dns is None:
		result("start", False, "knot or the fault server did not "
		    "answer; see knot.log and fault.log")
		return 1
	pools = make_pools(a, a.pool)
	rnd = random.Random(a.seed)
	run_id = "st%x" % int(time.time())
	plans = [Plan(n, rnd, pools, run_id) for n in range(a.count)]

	confs = {}
	for k in KINDS:
		path = os.path.join(a.work, "%s.conf" % k)
		good = good_conf(k, a, keyargs)
		write_atomic(path, good)
		confs[k] = (path, good, broken_confs(k, good, keyargs))
	mta = new_mta(a, confs, dns, reports)
	ballast = storm = None
	try:
		try:
			mta.start()
		except RuntimeError as e:
			result("start", False, str(e))
			return 1
		result("start", True)
		ballast = Ballast(a.spool, a.seed, mta.BALLAST_LEAVE)
		storm = HupStorm(confs, mta.pids, a.seed)
		ballast.start()
		storm.start()
		t0 = time.time()
		outcome = drive(plans, pools, mta.ports, a.parallel)
		t_sent = time.time() - t0
		storm.stopping.set()
		ballast.stopping.set()
		storm.join()
		ballast.join()
		accepted = sum(1 for v in outcome.values() if v == "accepted")
		mta.wait_delivered(accepted, DELIVERY_TIMEOUT)
		secs = time.time() - t0
		alive = mta.alive()
		exits = mta.exits()
	finally:
		for t in (storm, ballast):
			if t is not None:
				t.stopping.set()
		mta.stop()
	got = check.read_delivered(mta.outdir)
	fig, bad = check_all(plans, pools, outcome, got, records)
	report(mta, fig, bad, len(exits), alive, "%.0f s (sent in %.0f s); "
	    "%d SIGHUPs (%d to a broken configuration); spool tmpfs filled %d "
	    "times" % (secs, t_sent, storm.hups, storm.broken, ballast.fills))
	check_log(mta, reports)
	return 1 if FAILED else 0


if __name__ == "__main__":
	sys.exit(main())
