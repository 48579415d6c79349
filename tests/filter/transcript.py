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

"""transcript.py: play scripted smtpd-filters(7) transcripts into filter-dkim.

usage: transcript.py --filter PATH [--versions 0.4,0.5,0.6,0.7]
                     [--var NAME=VALUE ...] [--timeout S] [--chunk N]
                     CASE.t ...

--chunk N writes the input in writes of N bytes (default 65536), so that
the filter reads lines split at any offset.

A case file (tests/filter/cases/*.t) holds raw protocol lines, written in
protocol 0.6 as Debian's smtpd 6.8.0p2 speaks it:

  # text           a comment (only at column 0)
  @args A B ...    the filter's arguments; $NAME is replaced by --var values
  @versions V ...  the versions to play the case in (default: all four)
  @mask            DKIM-Signature fields we add carry t= and b= values that
                   depend on the clock: both sides get them masked with '#'
  @dkimpy          every DKIM-Signature of every message the filter returns
                   must verify with dkimpy (keys from $KEYS/dns.txt), on the
                   message as smtpd would deliver it (cut to 1997 bytes a
                   line up to 0.6)
  @stderr REGEX    some line the filter wrote to stderr must match
  @fsize BYTES     RLIMIT_FSIZE for the filter (SIGXFSZ as a service
                   manager leaves it: default): a way to
                   make its spool file fail
  @handshake       smtpd's config lines for the version; then the filter's
                   register lines are read up to register|ready and checked
                   as smtpd checks them
  < LINE           a line smtpd sends (not sent when the filter did not
                   register that event or phase)
  > LINE           the exact line the filter must send next; a filter-result
                   for a request that was not sent is dropped
  >~ REGEX         the next line must match REGEX (whole line)
  >... SESSION     any number of filter-dataline lines of SESSION, up to
                   and including its final `.` (what comes back of a
                   message the filter could not handle)

Lines from smtpd are rewritten for the version played (VERSIONS.md): the
version field; tx-mail and tx-rcpt back to msgid|address|result before
0.6; link-auth to result|username from 0.7; config|subsystem and
config|admd as each version has them. Expected lines get token and session
swapped for 0.4. Consecutive '<' lines are sent, then the '>' lines after
them are read and compared one by one; at the end stdin is closed and the
filter must send nothing more and exit 0.

Prints "PASS filter:CASE@V" or the differences and "FAIL filter:CASE@V:
why". Exit status 1 when any case failed.
"""

import argparse
import os
import re
import resource
import select
import signal
import subprocess
import sys
import time

VERSIONS = ["0.4", "0.5", "0.6", "0.7"]
# VERSIONS.md: the smtpd release that speaks each version
SMTPD_VERSION = {"0.4": "6.6.4p1", "0.5": "6.6.4p1", "0.6": "6.8.0p2",
    "0.7": "7.6.0p0"}
REPORT_EVENTS = set("link-connect link-disconnect link-greeting "
    "link-identify link-tls link-auth tx-reset tx-begin tx-mail tx-rcpt "
    "tx-envelope tx-data tx-commit tx-rollback protocol-client "
    "protocol-server filter-report filter-response timeout".split())
FILTER_PHASES = set("connect helo ehlo starttls auth mail-from rcpt-to data "
    "data-line rset quit noop help wiz commit".split())
# VERSIONS.md: smtpd up to 7.3 (protocol 0.6) keeps 2047 bytes of an answer
# line, so a data line keeps 1997 bytes after "filter-dataline|S|T|".
CUT_LINE = 1997
# the longest a case may wait for one awaited line
DEFAULT_TIMEOUT = 10.0


class Failure(Exception):
	pass


def parse_case(path):
	case = {"args": [], "versions": VERSIONS, "mask": False,
	    "dkimpy": False, "stderr": [], "fsize": None, "steps": []}
	with open(path, "rb") as f:
		data = f.read()
	for raw in data.split(b"\n"):
		if raw.startswith(b"#") or raw == b"":
			continue
		if raw.startswith(b"< "):
			case["steps"].append(("in", raw[2:]))
		elif raw.startswith(b"> "):
			case["steps"].append(("out", raw[2:]))
		elif raw.startswith(b">~ "):
			case["steps"].append(("re", raw[3:]))
		elif raw.startswith(b">... "):
			case["steps"].append(("rest", raw[5:]))
		elif raw == b"<" or raw == b">":
			raise ValueError("%s: empty line needs '< ' or '> '" % path)
		elif raw.startswith(b"@"):
			word, _, rest = raw.decode().partition(" ")
			if word == "@args":
				case["args"] = rest.split()
			elif word == "@versions":
				case["versions"] = rest.split()
			elif word == "@mask":
				case["mask"] = True
			elif word == "@dkimpy":
				case["dkimpy"] = True
			elif word == "@stderr":
				case["stderr"].append(rest)
			elif word == "@fsize":
				case["fsize"] = int(rest)
			elif word == "@handshake":
				case["steps"].append(("handshake", None))
			else:
				raise ValueError("%s: unknown %s" % (path, word))
		else:
			raise ValueError("%s: bad line %r" % (path, raw[:40]))
	return case


# ---- version rewriting ---------------------------------------------------

def to_version(line, v):
	"""A 0.6 line from smtpd, as smtpd speaking V would send it."""
	f = line.split(b"|")
	if f[0] not in (b"report", b"filter") or len(f) < 6:
		return line
	f[1] = v.encode()
	if f[0] == b"report" and f[4] in (b"tx-mail", b"tx-rcpt") and \
	    v in ("0.4", "0.5"):
		# 0.6 put the address, which may hold '|', last
		f = f[:7] + [b"|".join(f[8:]), f[7]]
	elif f[0] == b"report" and f[4] == b"link-auth" and v == "0.7":
		# 0.6: username|result, the result being the last field
		f = f[:6] + [f[-1], b"|".join(f[6:-1])]
	return b"|".join(f)


def out_version(line, v, sep=b"|"):
	"""An expected 0.6 answer, as a filter speaking V must send it (sep:
	"\\|" for a regular expression)."""
	if v != "0.4":
		return line
	f = line.split(sep, 3)
	if f[0] in (b"filter-result", b"filter-dataline") and len(f) == 4:
		f[1], f[2] = f[2], f[1]
	return sep.join(f)


def config_lines(v):
	lines = [b"config|smtpd-version|" + SMTPD_VERSION[v].encode()]
	if v == "0.7":
		lines.append(b"config|protocol|0.7")
	lines.append(b"config|smtp-session-timeout|300")
	if v != "0.4":
		lines.append(b"config|subsystem|smtp-in")
	if v in ("0.6", "0.7"):
		lines.append(b"config|admd|mx.example.test")
	lines.append(b"config|ready")
	return lines


# ---- the filter process ----------------------------------------------------

class Filter:
	def __init__(self, argv, fsize, timeout, chunk):
		self.timeout, self.chunk = timeout, chunk
		self.buf = b""
		self.eof = False

		def limits():
			if fsize is not None:
				resource.setrlimit(resource.RLIMIT_FSIZE,
				    (fsize, fsize))
		self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
		    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
		    preexec_fn=limits)
		self.stderr = b""
		for fd in (self.proc.stdout, self.proc.stderr):
			os.set_blocking(fd.fileno(), False)

	def pump(self, want_out, deadline):
		"""Read stdout and stderr until want_out() or the deadline."""
		fds = [self.proc.stdout, self.proc.stderr]
		while not want_out() and not self.eof:
			left = deadline - time.monotonic()
			if left <= 0:
				return
			r, _, _ = select.select(fds, [], [], left)
			for fd in r:
				chunk = os.read(fd.fileno(), 1 << 16)
				if fd is self.proc.stderr:
					self.stderr += chunk
					if not chunk:
						fds.remove(fd)
				elif chunk:
					self.buf += chunk
				else:
					self.eof = True

	def send(self, lines):
		data = b"".join(l + b"\n" for l in lines)
		fd = self.proc.stdin.fileno()
		while data:
			_, w, _ = select.select([], [fd], [], self.timeout)
			if not w:
				raise Failure("the filter does not read its input")
			try:
				n = os.write(fd, data[:self.chunk])
			except BrokenPipeError:
				raise Failure("the filter closed its input "
				    "(exited?)")
			data = data[n:]
			self.pump(lambda: True, time.monotonic())

	def readline(self, what):
		self.pump(lambda: b"\n" in self.buf,
		    time.monotonic() + self.timeout)
		if b"\n" not in self.buf:
			if self.eof:
				raise Failure("the filter exited while waiting "
				    "for %s" % what)
			raise Failure("no answer in %.0f s while waiting for %s"
			    " (smtpd would hang)" % (self.timeout, what))
		line, _, self.buf = self.buf.partition(b"\n")
		return line

	def close(self):
		"""EOF on stdin: the filter must exit 0 and say nothing more."""
		self.proc.stdin.close()
		end = time.monotonic() + self.timeout
		self.pump(lambda: False, end)
		try:
			st = self.proc.wait(max(0.1, end - time.monotonic()))
		except subprocess.TimeoutExpired:
			self.proc.kill()
			self.proc.wait()
			raise Failure("no exit within %.0f s of EOF on stdin" %
			    self.timeout)
		self.pump(lambda: False, time.monotonic() + 0.5)
		if self.buf:
			raise Failure("unexpected output: %r" % self.buf[:200])
		if st != 0:
			raise Failure("exit status %d after EOF (want 0)" % st)

	def kill(self):
		if self.proc.poll() is None:
			self.proc.kill()
			self.proc.wait()


# ---- checks ------------------------------------------------------------------

def check_register(line, regs):
	"""A register line as processor_register() in smtpd 6.8 checks it."""
	f = line.split(b"|")
	if len(f) == 2 and f[1] == b"ready":
		return True
	if len(f) != 4 or f[0] != b"register":
		raise Failure("fatal in smtpd: not a register line before "
		    "register|ready: %r" % line[:100])
	kind, stream, name = f[1].decode(errors="replace"), f[2], \
	    f[3].decode(errors="replace")
	if kind == "report" and stream in (b"smtp-in", b"smtp-out") and \
	    (name in REPORT_EVENTS or name == "*"):
		if stream == b"smtp-in":
			regs["report"] |= REPORT_EVENTS if name == "*" else \
			    {name}
		return False
	if kind == "filter" and stream == b"smtp-in" and name in FILTER_PHASES:
		regs["filter"].add(name)
		return False
	raise Failure("fatal in smtpd: invalid register line %r" % line)


def check_answer(line):
	"""Lines smtpd 6.8 would die on, named before any comparison."""
	if line.startswith(b"report|"):
		raise Failure("fatal in smtpd 6.8: the filter wrote a report "
		    "line: %r" % line[:100])
	f = line.split(b"|", 4)
	if f[0] not in (b"filter-result", b"filter-dataline"):
		raise Failure("fatal in smtpd: invalid filter message type: "
		    "%r" % line[:100])


SIG_FIELD = re.compile(rb"^dkim-signature:", re.I)
MASK_T = re.compile(rb"((?:^|;)[ \t\n]*t=)([0-9#]+)")
MASK_B = re.compile(rb"((?:^|;)[ \t\n]*b=)([A-Za-z0-9+/=# \t\n]*)")


def mask_field(text):
	text = MASK_T.sub(lambda m: m.group(1) + b"#" * len(m.group(2)), text)
	return MASK_B.sub(lambda m: m.group(1) + re.sub(rb"[^ \t\n]", b"#",
	    m.group(2)), text)


def mask_block(datas):
	"""Mask t= and b= of the DKIM-Signature fields on top of a message."""
	out, i = [], 0
	while i < len(datas) and SIG_FIELD.match(datas[i]):
		j = i + 1
		while j < len(datas) and datas[j][:1] in (b" ", b"\t"):
			j += 1
		out += mask_field(b"\n".join(datas[i:j])).split(b"\n")
		i = j
	return out + datas[i:]


# ---- playing a case --------------------------------------------------------

def subst(args, var):
	out = []
	for a in args:
		for k, val in var.items():
			a = a.replace("$" + k, val)
		out.append(a)
	return out


def skipped_request(line, regs):
	"""(session, token) of a request smtpd would not send, or None;
	True for a report it would not send."""
	f = line.split(b"|")
	if f[0] == b"report" and f[4].decode() not in regs["report"]:
		return True
	if f[0] == b"filter" and f[4].decode() not in regs["filter"]:
		return (f[5], f[6])
	return None


class Player:
	def __init__(self, case, v, flt, dkimpy_check):
		self.case, self.v, self.flt = case, v, flt
		self.regs = {"report": set(), "filter": set()}
		self.pending = []
		self.dropped = []
		self.messages = {}
		self.dkimpy_check = dkimpy_check
		self.sigs = 0

	def flush(self):
		if self.pending:
			self.flt.send(self.pending)
			self.pending = []

	def handshake(self):
		self.flt.send(config_lines(self.v))
		while not check_register(self.flt.readline("register lines"),
		    self.regs):
			pass
		if "data-line" not in self.regs["filter"] or \
		    "commit" not in self.regs["filter"]:
			raise Failure("no data-line and commit filters "
			    "registered: %s" % sorted(self.regs["filter"]))

	def inp(self, line):
		skip = skipped_request(line, self.regs)
		if isinstance(skip, tuple):
			self.dropped.append(skip)
		if skip is None:
			self.pending.append(to_version(line, self.v))

	def expected(self, line):
		"""False when the line answers a request that was not sent."""
		f = line.split(b"|")
		if f[0] == b"filter-result" and (f[1], f[2]) in self.dropped:
			self.dropped.remove((f[1], f[2]))
			return False
		return True

	def rest(self, sess):
		"""Data lines of one session up to its final '.'."""
		self.flush()
		while True:
			got = self.flt.readline("the data of session %s" %
			    sess.decode())
			check_answer(got)
			f = got.split(b"|", 3)
			if f[0] != b"filter-dataline" or sess not in f[1:3]:
				raise Failure("expected a data line of %r, got %r"
				    % (sess, got[:200]))
			if f[3] == b".":
				return

	def out(self, kind, want):
		self.flush()
		if kind == "rest":
			return self.rest(want)
		if kind == "out" and not self.expected(want):
			return
		got = self.flt.readline(repr(want[:80]))
		self.got = got
		check_answer(got)
		if kind == "re":
			pat = out_version(want, self.v, rb"\|")
			if not re.fullmatch(pat, got):
				raise Failure("line %r\n   does not match %r" %
				    (got[:300], pat[:300]))
			return
		want = out_version(want, self.v)
		self.compare(want, got)

	def compare(self, want, got):
		if self.case["mask"]:
			self.masked.append((want, got))
			return
		if want != got:
			raise Failure("expected %r\n   got      %r" %
			    (want[:300], got[:300]))

	def collect(self, got):
		"""Gather the returned data lines of each session."""
		f = got.split(b"|", 3)
		if f[0] != b"filter-dataline":
			return
		sess = f[2] if self.v == "0.4" else f[1]
		lines = self.messages.setdefault(sess, [])
		if f[3] == b".":
			self.finish_message(lines)
			del self.messages[sess]
		else:
			lines.append(f[3])

	def finish_message(self, lines):
		if self.case["dkimpy"]:
			self.sigs += self.dkimpy_check(lines, self.v)

	def play(self):
		self.masked = []
		for kind, line in self.case["steps"]:
			if kind == "handshake":
				self.handshake()
			elif kind == "in":
				self.inp(line)
			else:
				self.got = None
				self.out(kind, line)
				if self.case["mask"]:
					self.check_masked()
				if self.got is not None:
					self.collect(self.got)
		self.flush()
		self.flt.close()
		for pat in self.case["stderr"]:
			if not re.search(pat.encode(), self.flt.stderr,
			    re.M):
				raise Failure("no stderr line matches %r" % pat)

	def check_masked(self):
		"""Compare a block once its last line is in: masking works on
		whole fields, which span lines."""
		if not self.masked:
			return
		want, got = zip(*self.masked)
		if not (got[-1].endswith(b"|.") or
		    not got[-1].startswith(b"filter-dataline")):
			return
		self.masked = []
		pre = lambda l: l.split(b"|", 3)[:3]
		dat = lambda l: l.split(b"|", 3)[3] if \
		    l.startswith(b"filter-dataline") else l
		gm = mask_block([dat(l) for l in got])
		wm = mask_block([dat(l) for l in want])
		for i, (w, g) in enumerate(zip(wm, gm)):
			if w != g or pre(want[i]) != pre(got[i]):
				raise Failure("line %d of a message, masked:\n"
				    "   expected %r\n   got      %r" %
				    (i + 1, w[:300], g[:300]))


# ---- dkimpy ------------------------------------------------------------------

def make_dkimpy_check(keydir):
	import dkim
	records = {}
	with open(os.path.join(keydir, "dns.txt"), "rb") as f:
		for line in f:
			name, _, rest = line.partition(b" TXT ")
			records[name.strip().lower().rstrip(b".") + b"."] = \
			    b"".join(re.findall(rb'"([^"]*)"', rest))

	def dnsfunc(name, timeout=5):
		if isinstance(name, str):
			name = name.encode()
		return records.get(name.lower().rstrip(b".") + b".")

	def check(lines, v):
		if v in ("0.4", "0.5", "0.6"):
			lines = [l[:CUT_LINE] for l in lines]
		# dot-unstuffing, as smtpd does before it stores the message
		lines = [l[1:] if l.startswith(b".") else l for l in lines]
		msg = b"".join(l + b"\r\n" for l in lines)
		d = dkim.DKIM(msg)
		n = sum(1 for l in lines if SIG_FIELD.match(l))
		# the exact lines decide whether a message must be signed
		for i in range(n):
			if not d.verify(idx=i, dnsfunc=dnsfunc):
				raise Failure("@dkimpy: signature %d of %d does "
				    "not verify" % (i + 1, n))
		return n
	return check


def run_case(path, v, a, var, dkimpy_check):
	case = parse_case(path)
	argv = [a.filter] + subst(case["args"], var)
	flt = Filter(argv, case["fsize"], a.timeout, a.chunk)
	p = Player(case, v, flt, dkimpy_check)
	try:
		p.play()
	finally:
		flt.kill()
		if a.verbose and flt.stderr:
			sys.stdout.write(flt.stderr.decode(errors="replace"))
	return p.sigs


def main():
	ap = argparse.ArgumentParser(description=__doc__,
	    formatter_class=argparse.RawDescriptionHelpFormatter)
	ap.add_argument("--filter", required=True)
	ap.add_argument("--versions", default=",".join(VERSIONS))
	ap.add_argument("--var", action="append", default=[])
	ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
	ap.add_argument("--verbose", action="store_true")
	ap.add_argument("--chunk", type=int, default=1 << 16)
	ap.add_argument("cases", nargs="+")
	a = ap.parse_args()
	var = dict(x.split("=", 1) for x in a.var)
	check = make_dkimpy_check(var["KEYS"]) if "KEYS" in var else None
	signal.signal(signal.SIGPIPE, signal.SIG_DFL)
	failed = 0
	for path in a.cases:
		name = os.path.basename(path)[:-2]
		versions = parse_case(path)["versions"]
		for v in a.versions.split(","):
			if v not in versions:
				continue
			label = "filter:%s@%s" % (name, v)
			if a.chunk != 1 << 16:
				label += "/write%d" % a.chunk
			try:
				n = run_case(path, v, a, var, check)
				extra = " (%d signatures verified by dkimpy)" \
				    % n if n else ""
				print("PASS %s%s" % (label, extra))
			except Failure as e:
				print("   %s" % e)
				print("FAIL %s: %s" % (label,
				    str(e).split("\n")[0][:120]))
				failed += 1
			sys.stdout.flush()
	return 1 if failed else 0


if __name__ == "__main__":
	sys.exit(main())
