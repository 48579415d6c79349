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

"""reload.py: SIGHUP gives new messages the new configuration, and a broken
new configuration is logged and the old one kept.

usage: reload.py FILTER KEYDIR [SHIM]

One filter process, one smtpd-filters 0.6 stream: a message is signed with
the configuration file naming selector "rsa"; the file is rewritten to name
"ed" and SIGHUP sent; the next message carries s=ed. Then the file names a
key that does not exist; after SIGHUP the next message still carries s=ed.
With SHIM (tests/hup_on_open.c, built), another filter gets a SIGHUP while
it reads its configuration at startup: it reloads and signs.
Prints PASS/FAIL lines.
"""

import os
import re
import select
import signal
import subprocess
import sys
import tempfile
import time

SID = "2d296248ca88e298"
TOKEN = "f91c620c041fd4b6"
TIMEOUT = 10


class Filter:
	def __init__(self, path, conf, env=None):
		self.err = tempfile.TemporaryFile()
		self.p = subprocess.Popen([path, "-f", conf], stdin=subprocess.PIPE,
		    stdout=subprocess.PIPE, stderr=self.err, env=env)
		self.buf = b""

	def send(self, *lines):
		for l in lines:
			self.p.stdin.write(l.encode() + b"\n")
		self.p.stdin.flush()

	def readline(self):
		end = time.monotonic() + TIMEOUT
		while b"\n" not in self.buf:
			left = end - time.monotonic()
			r, _, _ = select.select([self.p.stdout], [], [], max(left, 0))
			if not r:
				raise RuntimeError("no line from the filter in %d s" %
				    TIMEOUT)
			chunk = os.read(self.p.stdout.fileno(), 65536)
			if not chunk:
				raise RuntimeError("the filter closed its output")
			self.buf += chunk
		line, self.buf = self.buf.split(b"\n", 1)
		return line.decode("latin-1")

	def until_dot(self):
		"""The data of the filter-dataline answers up to ".", without
		it."""
		out = []
		while True:
			data = self.readline().split("|", 3)[3]
			if data == ".":
				return out
			out.append(data)

	def kill(self):
		"""Stop the filter if it still runs."""
		if self.p.poll() is None:
			self.p.kill()
			self.p.wait()

	def stderr_has(self, regex):
		end = time.monotonic() + TIMEOUT
		while time.monotonic() < end:
			self.err.seek(0)
			if re.search(regex, self.err.read().decode("latin-1")):
				return True
			time.sleep(0.05)
		return False

	def handshake(self):
		self.send("config|smtpd-version|6.8.0p2",
		    "config|smtp-session-timeout|300", "config|subsystem|smtp-in",
		    "config|admd|mx.example.test", "config|ready")
		while self.readline() != "register|ready":
			pass


def play(f, fn, check):
	"""fn(f), its result; a protocol error is a FAIL named protocol, and
	the filter is stopped at the end."""
	try:
		return fn(f)
	except (RuntimeError, IndexError, subprocess.TimeoutExpired) as e:
		return check("protocol", False, str(e))
	finally:
		f.kill()


def report(event, *args):
	return "|".join(["report", "0.6", "1795447344.000000", "smtp-in",
	    event, SID] + list(args))


def request(phase, token, *args):
	return "|".join(["filter", "0.6", "1795447344.000000", "smtp-in",
	    phase, SID, token] + list(args))


def selectors(f, n):
	"""Send message n of the session; return the s= of the fields added."""
	msgid = "3e79045%d" % n
	f.send(report("tx-begin", msgid),
	    report("tx-mail", msgid, "ok", "alice@example.test"))
	body = ["From: Alice <alice@example.test>", "To: bob@example.test",
	    "Subject: reload %d" % n, "", "hello", "."]
	f.send(*[request("data-line", TOKEN, l) for l in body])
	out = f.until_dot()
	f.send(request("commit", TOKEN))
	f.readline()
	f.send(report("tx-commit", msgid, "100"), report("tx-reset", msgid))
	field = "\n".join(out)
	return re.findall(r"[;\s]s=([a-z0-9]+);", field)


def write_conf(path, keydir, selector, keyfile):
	with open(path, "w") as fp:
		fp.write("mode sign\nfixed-time 1700000000\n")
		fp.write("example.test:%s:%s/%s\n" % (selector, keydir, keyfile))


def check(name, ok, why=""):
	print("PASS reload:%s" % name if ok else "FAIL reload:%s: %s" %
	    (name, why))
	return ok


def hup_at_load(path, keydir, shim, tmp):
	"""A SIGHUP while the configuration loads at startup is a reload."""
	conf = os.path.join(tmp, "hup.conf")
	write_conf(conf, keydir, "rsa", "rsa.key")
	# an ASan filter wants its runtime first; the preload comes first
	asan = os.environ.get("ASAN_OPTIONS")
	env = dict(os.environ, LD_PRELOAD=shim, HUP_ON_OPEN=conf,
	    ASAN_OPTIONS=(asan + ":" if asan else "") +
	    "verify_asan_link_order=0")
	f = Filter(path, conf, env)
	def run(f):
		f.handshake()
		ok = check("hup-at-load-reloads",
		    f.stderr_has("configuration reloaded"), "no log line")
		f.send(report("link-connect", "localhost", "pass",
		    "127.0.0.1:47646", "127.0.0.1:25"))
		got = selectors(f, 1)
		ok &= check("hup-at-load-signs", got == ["rsa"], "s= %s" % got)
		f.send(report("link-disconnect"))
		f.p.stdin.close()
		return ok & check("hup-at-load-exit-0", f.p.wait(TIMEOUT) == 0,
		    "exit status %s" % f.p.returncode)
	return play(f, run, check)


def main():
	path, keydir = sys.argv[1], os.path.abspath(sys.argv[2])
	with tempfile.TemporaryDirectory() as tmp:
		conf = os.path.join(tmp, "filter.conf")
		write_conf(conf, keydir, "rsa", "rsa.key")
		f = Filter(path, conf)
		ok = True
		try:
			f.handshake()
			f.send(report("link-connect", "localhost", "pass",
			    "127.0.0.1:47646", "127.0.0.1:25"))
			got = selectors(f, 1)
			ok &= check("before", got == ["rsa"], "s= %s" % got)
			write_conf(conf, keydir, "ed", "ed.key")
			f.p.send_signal(signal.SIGHUP)
			ok &= check("reloaded-logged",
			    f.stderr_has("configuration reloaded"), "no log line")
			got = selectors(f, 2)
			ok &= check("after", got == ["ed"], "s= %s" % got)
			write_conf(conf, keydir, "gone", "missing.key")
			f.p.send_signal(signal.SIGHUP)
			ok &= check("broken-logged", f.stderr_has("reload failed"),
			    "no log line")
			got = selectors(f, 3)
			ok &= check("broken-keeps-old", got == ["ed"], "s= %s" % got)
			f.send(report("link-disconnect"))
			f.p.stdin.close()
			ok &= check("exit-0", f.p.wait(TIMEOUT) == 0, "exit status")
		except (RuntimeError, IndexError, subprocess.TimeoutExpired) as e:
			ok = check("protocol", False, str(e))
		finally:
			f.kill()
		if len(sys.argv) > 3:
			ok &= hup_at_load(path, keydir, sys.argv[3], tmp)
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
