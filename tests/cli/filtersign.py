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

"""filtersign.py: one filter-dkim process, as smtpd runs it, driven by
commands on stdin, for the rotate test of tests/cli/run.sh.

usage: filtersign.py FILTER CONFIG OUTDIR < commands

Commands, one a line; each is answered on stdout with "done COMMAND"
or "error COMMAND: why":
	sign NAME	a message from alice@example.test in a local session
			(so it is signed), written with the filter's fields on
			top to OUTDIR/NAME.eml
	hup		SIGHUP, and wait for the "configuration reloaded" log
			line (the operator's reload after rotate switch)
	quit		end of stdin for the filter; its exit status must be 0
"""

import os
import select
import signal
import subprocess
import sys
import tempfile
import time

SID = "6a1d2c3b4e5f6071"
TOKEN = "7c0ffee15ca1ab1e"
TIMEOUT = 10
PROTO = "0.6"


def event(kind, name, *args):
	head = [kind, PROTO, "%.6f" % time.time(), "smtp-in", name, SID]
	return "|".join(head + list(args))


class Filter:
	def __init__(self, path, conf):
		self.err = tempfile.TemporaryFile()
		self.p = subprocess.Popen([path, "-f", conf], stdin=subprocess.PIPE,
		    stdout=subprocess.PIPE, stderr=self.err)
		self.buf = b""
		self.logged = 0

	def send(self, *lines):
		self.p.stdin.write(b"".join(l.encode() + b"\n" for l in lines))
		self.p.stdin.flush()

	def readline(self):
		end = time.monotonic() + TIMEOUT
		while b"\n" not in self.buf:
			left = end - time.monotonic()
			r, _, _ = select.select([self.p.stdout], [], [], max(left, 0))
			if not r:
				raise RuntimeError("no answer from the filter")
			chunk = os.read(self.p.stdout.fileno(), 65536)
			if not chunk:
				raise RuntimeError("the filter closed its output")
			self.buf += chunk
		line, self.buf = self.buf.split(b"\n", 1)
		return line.decode("latin-1")

	def wait_log(self, text):
		"""Wait for text in the log written since the last call."""
		end = time.monotonic() + TIMEOUT
		while time.monotonic() < end:
			self.err.seek(self.logged)
			new = self.err.read().decode("latin-1")
			if text in new:
				self.logged += len(new.encode("latin-1"))
				return
			time.sleep(0.05)
		raise RuntimeError("no \"%s\" in the filter's log" % text)

	def start(self):
		self.send("config|smtpd-version|6.8.0p2", "config|subsystem|smtp-in",
		    "config|admd|mx.example.test", "config|ready")
		while self.readline() != "register|ready":
			pass
		self.send(event("report", "link-connect", "localhost", "pass",
		    "unix:/var/run/smtpd.sock", "unix:/var/run/smtpd.sock"))

	def sign(self, name, n):
		msgid = "%08x" % n
		self.send(event("report", "tx-begin", msgid),
		    event("report", "tx-mail", msgid, "ok", "alice@example.test"))
		body = ["From: Alice <alice@example.test>", "To: bob@example.org",
		    "Subject: %s" % name, "Message-ID: <%s@example.test>" % name,
		    "", "Signed by filter-dkim (%s)." % name, "."]
		self.send(*[event("filter", "data-line", TOKEN, l) for l in body])
		out = []
		while True:
			data = self.readline().split("|", 3)[3]
			if data == ".":
				break
			out.append(data)
		self.send(event("filter", "commit", TOKEN))
		self.readline()
		self.send(event("report", "tx-commit", msgid, "100"),
		    event("report", "tx-reset", msgid))
		return "".join(l + "\r\n" for l in out)


def main():
	path, conf, outdir = sys.argv[1:4]
	f = Filter(path, conf)
	n = 0
	broken = None
	try:
		try:
			f.start()
		except RuntimeError as e:
			broken = "the filter did not start: %s" % e
		# every command gets its answer, so that the test never waits
		# nor writes to a pipe nobody reads
		for cmd in iter(sys.stdin.readline, ""):
			cmd = cmd.strip()
			try:
				if broken:
					raise RuntimeError(broken)
				if cmd.startswith("sign "):
					n += 1
					msg = f.sign(cmd[5:], n)
					with open(os.path.join(outdir, cmd[5:] + ".eml"),
					    "w", newline="") as fp:
						fp.write(msg)
				elif cmd == "hup":
					f.p.send_signal(signal.SIGHUP)
					f.wait_log("configuration reloaded")
				elif cmd == "quit":
					f.p.stdin.close()
					if f.p.wait(TIMEOUT) != 0:
						raise RuntimeError("exit status %d" %
						    f.p.returncode)
				print("done %s" % cmd, flush=True)
			except (RuntimeError, IndexError, OSError,
			    subprocess.TimeoutExpired) as e:
				print("error %s: %s" % (cmd, e), flush=True)
			if cmd == "quit":
				break
	finally:
		if f.p.poll() is None:
			f.p.kill()
			f.p.wait()
		f.err.seek(0)
		sys.stderr.write(f.err.read().decode("latin-1"))
	return 0


if __name__ == "__main__":
	sys.exit(main())
