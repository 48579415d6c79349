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

"""milterbench.py: a milter's cost per signed message inside a real
Postfix, and its peak RSS with many connections held mid-body.

usage: milterbench.py rate LABEL ALG SIZE:COUNT,... --work DIR -- MILTER...
       milterbench.py hold LABEL SIZE CONNECTIONS -- MILTER...

MILTER is the milter's command line, run in the foreground as our child;
`{socket}` in it becomes inet:PORT@127.0.0.1 (as OpenDKIM spells it).

rate: Postfix (tests/postfix/postfix.py: Debian's, unpacked, never
installed) gets the milter in smtpd_milters with milter_default_action =
tempfail. Per size, COUNT messages of that size (bench/filterbench.py's
messages, From example.test) go in over SMTP from 127.0.0.1 on
CONCURRENCY sessions at once; once Postfix has delivered them all, each
must carry a DKIM-Signature with a=ALG. One message per size goes first
and is not counted, so key loading and first connections stay out.
Prints
  RESULT LABEL ALG SIZE COUNT WALL_S CPU_S SIGNED
with CPU_S the milter's own user + system time over the batch, every
thread included (its process CPU clock), and SIGNED how many carried
a=ALG.
Callers hold /tmp/postfix.lock. Needs root.

hold: CONNECTIONS milter protocol connections (version 6, as Postfix
speaks it) each send the first half of the body of a SIZE-byte message
in 64 KiB BODY packets and stay open in the middle of it; once the
milter has read all of it, its peak RSS (VmHWM) is read. Then the first
connection sends the rest and ends its message, which must come back
with a DKIM-Signature field added (SIGNED 1), so that the held
connections were signing ones. Prints
  HOLD LABEL SIZE CONNECTIONS VMHWM_KIB SIGNED
"""

import os
import socket
import struct
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "tests", "postfix"))

import filterbench  # noqa: E402
import postfix  # noqa: E402

ROOT = "/var/tmp/postfix-root"
CONCURRENCY = 4
CHUNK = 65535		# the largest BODY packet Postfix and Sendmail send

# milter protocol version 6: commands, replies and flags
SMFI_VERSION = 6
ACTIONS_ALL = 0x1ff
PROTO_ALL = 0x1fffff	# every step may be skipped, every reply dropped
NO_STEP = {b"C": 0x1, b"H": 0x2, b"M": 0x4, b"R": 0x8, b"B": 0x10,
    b"L": 0x20, b"N": 0x40, b"T": 0x200}
NO_REPLY = {b"L": 0x80, b"C": 0x1000, b"H": 0x2000, b"M": 0x4000,
    b"R": 0x8000, b"T": 0x10000, b"N": 0x40000, b"B": 0x80000}
HDR_LEADSPC = 0x100000	# header values as they are, leading space kept
GOING_ON = (b"c", b"s")	# continue, skip
EDITS = (b"+", b"-", b"2", b"e", b"b", b"h", b"i", b"m", b"q", b"p")
CPUCLOCK_SCHED = 2


def cpu_seconds(pid):
	"""CPU time of every thread of pid, alive or gone, user and system,
	to the nanosecond: its process CPU clock (clock_getcpuclockid(3),
	whose clock id the kernel makes as below)."""
	return time.clock_gettime((~pid << 3) | CPUCLOCK_SCHED)


def read_chars(pid):
	with open("/proc/%d/io" % pid) as f:
		for line in f:
			if line.startswith("rchar:"):
				return int(line.split()[1])
	return 0


class Milter:
	"""The milter under test, our child, on a free loopback port."""

	def __init__(self, argv, logpath):
		self.port = postfix.free_port()
		sock = "inet:%d@127.0.0.1" % self.port
		argv = [a.replace("{socket}", sock) for a in argv]
		with open(logpath, "ab") as log:
			self.proc = subprocess.Popen(argv, stdout=log,
			    stderr=log)
		if not postfix.wait_port(self.port, 15):
			self.stop()
			raise SystemExit("milter did not listen: %s" % argv)

	def stop(self):
		if self.proc.poll() is None:
			self.proc.terminate()
			try:
				self.proc.wait(10)
			except subprocess.TimeoutExpired:
				self.proc.kill()
				self.proc.wait()


def send_all(pf, msgs):
	"""Every message over SMTP, CONCURRENCY sessions at once; the
	number Postfix accepted."""
	ok = [0]
	lock = threading.Lock()

	def session(part):
		s = pf.smtp("127.0.0.1")
		for m in part:
			try:
				s.sendmail("alice@example.test",
				    ["bob@example.net"], m)
				with lock:
					ok[0] += 1
			except Exception as e:	# noqa: BLE001
				sys.stderr.write("milterbench: %s\n" % e)
		s.quit()

	ts = [threading.Thread(target=session, args=(msgs[i::CONCURRENCY],))
	    for i in range(min(CONCURRENCY, len(msgs)))]
	for t in ts:
		t.start()
	for t in ts:
		t.join()
	return ok[0]


def deliver(pf, msgs):
	"""Send msgs, wait for their delivery; (delivered, signed by whom:
	the a= of each first DKIM-Signature), the delivered files removed."""
	n = send_all(pf, msgs)
	paths = pf.wait_delivered(n, 120 + len(msgs))
	algs = []
	for p in paths:
		with open(p, "rb") as f:
			head = f.read(16384).split(b"\n\n", 1)[0]
		algs.append(b"" if b"DKIM-Signature:" not in head else
		    head.split(b"DKIM-Signature:", 1)[1].split(b"a=", 1)[1]
		    .split(b";", 1)[0].strip())
		os.unlink(p)
	return len(paths), algs


def rate(label, alg, cells, work, argv):
	postfix.ensure_postfix(ROOT)
	postfix.ensure_accounts()
	os.makedirs(work, exist_ok=True)
	os.chmod(work, 0o755)
	mt = Milter(argv, work + "/milter.log")
	pf = None
	try:
		pf = postfix.Postfix(ROOT, work + "/pf",
		    ["smtpd_milters = inet:127.0.0.1:%d" % mt.port,
		    "milter_default_action = tempfail"],
		    [("milter_protocol", "6")])
		pf.start()
		for size, count in cells:
			msg = filterbench.message(size)
			deliver(pf, [msg])
			c0, t0 = cpu_seconds(mt.proc.pid), time.monotonic()
			n, algs = deliver(pf, [msg] * count)
			wall = time.monotonic() - t0
			cpu = cpu_seconds(mt.proc.pid) - c0
			signed = sum(a == alg.encode() for a in algs)
			if n != count:
				sys.stderr.write("milterbench: %s %d: %d of %d "
				    "delivered (log: %s)\n" % (label, size, n,
				    count, work))
			print("RESULT %s %s %d %d %.3f %.3f %d" % (label, alg,
			    size, n, wall, cpu, signed))
			sys.stdout.flush()
	finally:
		if pf is not None:
			pf.stop()
		mt.stop()


class Conn:
	"""One MTA side of the milter protocol, steps and replies as
	negotiated."""

	def __init__(self, port):
		self.s = socket.create_connection(("127.0.0.1", port), 30)
		self.sent = 0
		self.send(b"O", struct.pack(">III", SMFI_VERSION,
		    ACTIONS_ALL, PROTO_ALL))
		cmd, data = self.reply()
		if cmd != b"O":
			raise SystemExit("milter: no option negotiation")
		self.proto = struct.unpack(">III", data[:12])[2]

	def send(self, cmd, data):
		pkt = struct.pack(">I", len(data) + 1) + cmd + data
		self.s.sendall(pkt)
		self.sent += len(pkt)

	def recv(self, n):
		b = b""
		while len(b) < n:
			got = self.s.recv(n - len(b))
			if not got:
				raise SystemExit("milter closed a connection")
			b += got
		return b

	def reply(self):
		n = struct.unpack(">I", self.recv(4))[0]
		data = self.recv(n)
		return data[:1], data[1:]

	def step(self, cmd, data):
		"""Send one step unless the milter skips it; read its reply
		unless it asked for none."""
		if self.proto & NO_STEP.get(cmd, 0):
			return
		self.send(cmd, data)
		if self.proto & NO_REPLY.get(cmd, 0):
			return
		r, _ = self.reply()
		if r not in GOING_ON:
			raise SystemExit("milter answered %r to %r" % (r, cmd))

	def open_message(self, head, i):
		self.send(b"D", b"Cj\0mx.example.test\0{daemon_name}\0smtpd\0")
		self.step(b"C", b"localhost\0" + b"4" + struct.pack(">H",
		    40000 + i) + b"127.0.0.1\0")
		self.step(b"H", b"client.example.test\0")
		self.send(b"D", b"M{i}\0B%05X\0" % i)
		self.step(b"M", b"<alice@example.test>\0")
		self.step(b"R", b"<bob@example.net>\0")
		self.step(b"T", b"")
		for field in head.split(b"\r\n"):
			name, value = field.split(b":", 1)
			if not self.proto & HDR_LEADSPC:
				value = value.lstrip(b" ")
			self.step(b"L", name + b"\0" + value + b"\0")
		self.step(b"N", b"")

	def finish(self, rest):
		"""Send the rest of the body and end the message; whether the
		milter added a DKIM-Signature field."""
		for off in range(0, len(rest), CHUNK):
			self.step(b"B", rest[off:off + CHUNK])
		self.send(b"E", b"")
		signed = False
		while True:
			r, data = self.reply()
			if r not in EDITS:
				return signed
			signed |= r in (b"h", b"i") and b"DKIM-Signature\0" in \
			    data[:20]


def hold(label, size, conns, argv):
	msg = filterbench.message(size)
	head, body = msg.split(b"\r\n\r\n", 1)
	half = body[:len(body) // 2]
	mt = Milter(argv, os.environ.get("MILTERBENCH_LOG", os.devnull))
	try:
		r0 = read_chars(mt.proc.pid)
		cs = [Conn(mt.port) for _ in range(conns)]
		for i, c in enumerate(cs):
			c.open_message(head, i)
		# interleaved, so that every connection holds data while the
		# others send
		for off in range(0, len(half), CHUNK):
			for c in cs:
				c.step(b"B", half[off:off + CHUNK])
		total = sum(c.sent for c in cs)
		end = time.monotonic() + 60
		while read_chars(mt.proc.pid) - r0 < total and \
		    time.monotonic() < end:
			time.sleep(0.1)
		time.sleep(0.5)
		peak = filterbench.vmhwm(mt.proc.pid)
		signed = cs[0].finish(body[len(half):])
		for c in cs:
			c.send(b"A", b"")
			c.send(b"Q", b"")
			c.s.close()
	finally:
		mt.stop()
	print("HOLD %s %d %d %d %d" % (label, size, conns, peak, signed))


def main(argv):
	if "--" not in argv:
		sys.exit(__doc__)
	i = argv.index("--")
	args, milter = argv[1:i], argv[i + 1:]
	if len(args) == 6 and args[0] == "rate" and args[4] == "--work":
		cells = [tuple(int(x) for x in c.split(":"))
		    for c in args[3].split(",")]
		rate(args[1], args[2], cells, args[5], milter)
	elif len(args) == 4 and args[0] == "hold":
		hold(args[1], int(args[2]), int(args[3]), milter)
	else:
		sys.exit(__doc__)
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
