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

"""filterbench.py: smtpd-filters(7) streams straight into a filter process.

usage: filterbench.py rate LABEL SIZE COUNT [--signed-with SPEC] -- FILTER...
       filterbench.py hold LABEL SIZE SESSIONS -- FILTER...

rate: COUNT sessions of one message of SIZE bytes each, played as smtpd 6.8
(protocol 0.6) would, with up to CONCURRENCY sessions in flight: a session's
commit is sent only once the filter has sent back its final `.`, as smtpd
does. Only the events and phases the filter registered are sent. Prints
  RESULT LABEL SIZE COUNT WALL_S CPU_S VMHWM_KIB SYS_S
with the filter's own CPU time (user + system, from wait4, and system
alone) and peak RSS.
--signed-with DOMAIN:SELECTOR:KEYFILE signs the message once with
`./dkimkit sign` first (for verify mode).

hold: SESSIONS sessions each send the first half of a SIZE-byte message and
stay open in DATA at once; then the filter's peak RSS (VmHWM) is read,
and every session is disconnected. Prints
  HOLD LABEL SIZE SESSIONS VMHWM_KIB
"""

import os
import select
import subprocess
import sys
import time

CONCURRENCY = 8
# a body line as mail user agents write them: 76 octets of text
LINE = b"The quick brown fox jumps over the lazy dog; 0123456789 abcdefghijklmn xyz."
TOKEN = {"connect": b"f91c6204b41c6c6b", "data": b"f91c620b10442e4c",
    "data-line": b"f91c620c041fd4b6", "commit": b"f91c6212f397a34c"}
CONFIG = [b"config|smtpd-version|6.8.0p2",
    b"config|smtp-session-timeout|300", b"config|subsystem|smtp-in",
    b"config|admd|mx.example.test", b"config|ready"]
SID_HOLE = b"@@SESSION@@@@@@@"	# 16 bytes, replaced by each session id
WRITE_MAX = 1 << 20


def message(size):
	head = (b"From: Alice <alice@example.test>\r\n"
	    b"To: Bob <bob@example.test>\r\nSubject: bench %d\r\n"
	    b"Date: Mon, 23 Nov 2026 15:22:24 +0000\r\n"
	    b"Message-ID: <bench.%d@example.test>\r\n\r\n" % (size, size))
	n = max(1, (size - len(head)) // (len(LINE) + 2))
	return head + (LINE + b"\r\n") * n


def signed(msg, spec):
	p = subprocess.run(["./dkimkit", "sign", spec], input=msg,
	    capture_output=True, check=True)
	return p.stdout


def data_lines(msg):
	"""The message as smtpd sends it: dot-stuffed lines, no CR."""
	lines = msg[:-2].split(b"\r\n") if msg.endswith(b"\r\n") else \
	    msg.split(b"\r\n")
	pre = b"filter|0.6|1795447344.0|smtp-in|data-line|" + SID_HOLE + \
	    b"|" + TOKEN["data-line"] + b"|"
	return [pre + (b"." + l if l.startswith(b".") else l) + b"\n"
	    for l in lines]


def report(sid, event, *params):
	return b"report|0.6|1795447344.0|smtp-in|%s|%s%s\n" % (event, sid,
	    b"".join(b"|" + p for p in params))


def request(sid, phase, param=b""):
	return b"filter|0.6|1795447344.0|smtp-in|%s|%s|%s|%s\n" % (phase, sid,
	    TOKEN[phase.decode()], param)


class Bench:
	def __init__(self, argv):
		# the filter's log: FILTERBENCH_LOG, or nowhere
		with open(os.environ.get("FILTERBENCH_LOG", os.devnull),
		    "ab") as log:
			self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
			    stdout=subprocess.PIPE, stderr=log)
		self.fin, self.fout = self.proc.stdin.fileno(), \
		    self.proc.stdout.fileno()
		os.set_blocking(self.fin, False)
		self.wbuf, self.rbuf = [], b""
		self.regs = set()

	def handshake(self):
		os.set_blocking(self.fin, True)
		os.write(self.fin, b"".join(l + b"\n" for l in CONFIG))
		os.set_blocking(self.fin, False)
		while True:
			line = self.readline()
			if line == b"register|ready":
				return
			f = line.split(b"|")
			self.regs.add((f[1], f[3]))

	def readline(self):
		while b"\n" not in self.rbuf:
			chunk = os.read(self.fout, 65536)
			if not chunk:
				raise SystemExit("filter exited in the handshake")
			self.rbuf += chunk
		line, _, self.rbuf = self.rbuf.partition(b"\n")
		return line

	def wants(self, kind, name):
		return (kind, name) in self.regs

	def opening(self, sid):
		out = []
		if self.wants(b"report", b"link-connect"):
			out.append(report(sid, b"link-connect", b"localhost",
			    b"pass", b"127.0.0.1:47646", b"127.0.0.1:25"))
		if self.wants(b"filter", b"connect"):
			out.append(request(sid, b"connect",
			    b"localhost|127.0.0.1"))
		if self.wants(b"report", b"tx-begin"):
			out.append(report(sid, b"tx-begin", b"3e79045c"))
		if self.wants(b"filter", b"data"):
			out.append(request(sid, b"data"))
		return b"".join(out)

	def closing(self, sid):
		out = []
		for ev, p in ((b"tx-commit", (b"3e79045c", b"564")),
		    (b"tx-reset", (b"3e79045c",)), (b"link-disconnect", ())):
			if self.wants(b"report", ev):
				out.append(report(sid, ev, *p))
		return b"".join(out)

	def pump(self, on_line, timeout=60):
		"""Write what is queued, read what comes; on_line per line."""
		r, w, _ = select.select([self.fout], [self.fin] if self.wbuf
		    else [], [], timeout)
		if not r and not w:
			raise SystemExit("filter: no progress in %d s" % timeout)
		if w:
			buf = self.wbuf[0]
			n = os.write(self.fin, buf[:WRITE_MAX])
			if n == len(buf):
				self.wbuf.pop(0)
			else:
				self.wbuf[0] = buf[n:]
		if r:
			chunk = os.read(self.fout, 1 << 20)
			if not chunk:
				raise SystemExit("filter exited")
			data = self.rbuf + chunk
			end = data.rfind(b"\n") + 1
			self.rbuf = data[end:]
			for line in data[:end].split(b"\n")[:-1]:
				if line.startswith(b"filter-result|") or \
				    line.endswith(b"|."):
					on_line(line)

	def finish(self):
		self.proc.stdin.close()
		_, status, ru = os.wait4(self.proc.pid, 0)
		self.proc.returncode = status
		return ru


def rate(label, size, count, spec, argv):
	msg = message(size)
	if spec:
		msg = signed(msg, spec)
	body = b"".join(data_lines(msg)) + b"filter|0.6|1795447344.0|" \
	    b"smtp-in|data-line|" + SID_HOLE + b"|" + TOKEN["data-line"] + \
	    b"|.\n"
	b = Bench(argv)
	b.handshake()
	state = {"started": 0, "done": 0}

	def start():
		sid = b"%016x" % (0x1000 + state["started"])
		state["started"] += 1
		b.wbuf.append(b.opening(sid) + body.replace(SID_HOLE, sid))

	def on_line(line):
		f = line.split(b"|")
		sid = f[1]
		if f[0] == b"filter-dataline" and f[3:] == [b"."]:
			b.wbuf.append(request(sid, b"commit"))
		elif f[2] == TOKEN["commit"]:
			b.wbuf.append(b.closing(sid))
			state["done"] += 1
			if state["started"] < count:
				start()

	t0 = time.monotonic()
	for _ in range(min(CONCURRENCY, count)):
		start()
	while state["done"] < count:
		b.pump(on_line)
	wall = time.monotonic() - t0
	# VmHWM, not wait4's ru_maxrss: that one keeps the high-water mark
	# of the forked Python process from before exec
	peak = vmhwm(b.proc.pid)
	ru = b.finish()
	print("RESULT %s %d %d %.3f %.3f %d %.3f" % (label, size, count, wall,
	    ru.ru_utime + ru.ru_stime, peak, ru.ru_stime))


def vmhwm(pid):
	with open("/proc/%d/status" % pid) as f:
		for line in f:
			if line.startswith("VmHWM:"):
				return int(line.split()[1])
	return -1


def hold(label, size, sessions, argv):
	lines = data_lines(message(size))
	half = b"".join(lines[:len(lines) // 2])
	b = Bench(argv)
	b.handshake()
	sids = [b"%016x" % (0x2000 + i) for i in range(sessions)]
	# the sessions' data arrive interleaved, in 64 KiB pieces
	parts = line_parts(half, 65536)
	for s in sids:
		b.wbuf.append(b.opening(s))
	b.wbuf += rejoin(parts, sids)
	while b.wbuf:
		b.pump(lambda line: None)
	time.sleep(0.5)
	peak = vmhwm(b.proc.pid)
	for s in sids:
		for ev, p in ((b"tx-rollback", (b"3e79045c",)),
		    (b"link-disconnect", ())):
			if b.wants(b"report", ev):
				b.wbuf.append(report(s, ev, *p))
	while b.wbuf:
		b.pump(lambda line: None)
	b.finish()
	print("HOLD %s %d %d %d" % (label, size, sessions, peak))


def rejoin(parts, sids):
	"""Each session's part in turn, so that every session holds data
	while the others send."""
	return [p.replace(SID_HOLE, s) for p in parts for s in sids]


def line_parts(data, size):
	"""data in pieces of about size bytes, each ending with a line."""
	out, i = [], 0
	while i < len(data):
		j = data.find(b"\n", i + size)
		j = len(data) if j < 0 else j + 1
		out.append(data[i:j])
		i = j
	return out


def main(argv):
	if "--" not in argv:
		sys.exit(__doc__)
	i = argv.index("--")
	args, flt = argv[1:i], argv[i + 1:]
	spec = None
	if "--signed-with" in args:
		j = args.index("--signed-with")
		spec = args[j + 1]
		del args[j:j + 2]
	if args[0] == "rate":
		rate(args[1], int(args[2]), int(args[3]), spec, flt)
	elif args[0] == "hold":
		hold(args[1], int(args[2]), int(args[3]), flt)
	else:
		sys.exit(__doc__)
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
