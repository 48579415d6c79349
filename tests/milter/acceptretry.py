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
"""acceptretry.py MILTER CONF SOCK LOG SHIM: the milter's accept() fails
with ENFILE FAILS times (SHIM, tests/milter/acceptfail.c) for the one
connection queued.
- retry: nothing else happens: no connection, no DNS, no deadline. Only
  the retry timer can wake the milter, once a second, so the connection
  gets its reply after about FAILS / 2 seconds: not at once, which
  would mean the listener polled hot, and not never. The spell is
  logged once.
- evict-once: IDLE idle connections are open. The spell's first failure
  closes the idlest for the queued connection, and the failures after
  close no other: one waiting connection costs the MTA one.
The milter's output goes to LOG. Prints PASS/FAIL lines."""

import os
import socket
import struct
import subprocess
import sys
import time

sys.dont_write_bytecode = True	# no __pycache__ in the checkout
import emfile  # noqa: E402  (logged)
import slowdns as S  # noqa: E402  (its frames)

FAILS = 4	# two in each wakeup: after the poll and at the loop's top
IDLE = 5


def check(name, ok, why):
	print(("PASS milter:accept-retry:%s" if ok else
	    "FAIL milter:accept-retry:%s: " + why) % name)
	return ok


def negotiated(path):
	"""(a connection, seconds until its reply to SMFIC_OPTNEG or None
	after 10)."""
	s = socket.socket(socket.AF_UNIX)
	s.connect(path)
	t = time.monotonic()
	s.sendall(S.frame(b"O", struct.pack(">III", 6, 0x1ff, 0x1fffff)))
	s.settimeout(10)
	try:
		reply = S.read_frame(s)
	except (socket.timeout, EOFError):
		reply = None
	ok = reply is not None and reply[0] == b"O"
	return s, time.monotonic() - t if ok else None


def hello(path):
	s, secs = negotiated(path)
	s.close()
	return secs


def is_open(s):
	s.setblocking(False)
	try:
		return s.recv(1) != b""
	except BlockingIOError:
		return True
	except OSError:
		return False


def start(name, milter, conf, path, log, env):
	with open(log, "w") as out:
		p = subprocess.Popen([milter, "-l", "-p", "unix:" + path, "-f",
		    conf], stdout=out, stderr=subprocess.STDOUT, env=env)
	return p, check(name, emfile.logged(log, "listening on unix", p),
	    "not listening in 10 s")


def evict_once(milter, conf, path, log, env):
	env = dict(env, ACCEPT_FAIL_AFTER=str(IDLE))
	p, ok = start("evict-once:started", milter, conf, path, log, env)
	try:
		idle = [negotiated(path)[0] for _ in range(IDLE)] if ok else []
		secs = hello(path) if ok else None
		ok &= check("evict-once:taken", secs is not None,
		    "no reply in 10 s")
		left = sum(is_open(s) for s in idle)
		with open(log) as f:
			text = f.read()
		ok &= check("evict-once:one-closed", left == IDLE - 1 and
		    text.count("idle to make room") == 1, "%d of %d idle "
		    "connections left; log:\n%s" % (left, IDLE, text))
		ok &= check("evict-once:logged-once",
		    text.count("new connections wait until") == 1,
		    "log:\n" + text)
		for s in idle:
			s.close()
	finally:
		p.terminate()
		p.wait()
	return ok


def main():
	milter, conf, path, log, shim = sys.argv[1:6]
	env = dict(os.environ, LD_PRELOAD=shim, ACCEPT_FAILS=str(FAILS))
	p, ok = start("started", milter, conf, path, log, env)
	try:
		secs = hello(path) if ok else None
		ok &= check("taken", secs is not None, "no reply in 10 s")
		ok &= check("not-hot", secs is None or secs >= FAILS / 2 - 0.5,
		    "reply after %.2f s: %d failures retried at once" %
		    (secs or 0, FAILS))
		ok &= check("alive", p.poll() is None, "exit %s" % p.poll())
	finally:
		p.terminate()
		p.wait()
	with open(log) as f:
		text = f.read()
	ok &= check("logged-once", text.count("new connections wait until") ==
	    1 and "raise the system's" in text, "log:\n" + text)
	ok &= evict_once(milter, conf, path, log, env)
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
