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
connection queued, while nothing else happens: no connection, no DNS,
no deadline. Only the retry timer can wake the milter, once a second,
so the connection gets its reply after about FAILS / 2 seconds: not at
once, which would mean the listener polled hot, and not never. The
spell is logged once. The milter's output goes to LOG. Prints PASS/FAIL
lines."""

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


def check(name, ok, why):
	print(("PASS milter:accept-retry:%s" if ok else
	    "FAIL milter:accept-retry:%s: " + why) % name)
	return ok


def hello(path):
	"""Seconds until the reply to SMFIC_OPTNEG, or None after 10."""
	s = socket.socket(socket.AF_UNIX)
	s.connect(path)
	t = time.monotonic()
	s.sendall(S.frame(b"O", struct.pack(">III", 6, 0x1ff, 0x1fffff)))
	s.settimeout(10)
	try:
		reply = S.read_frame(s)
	except socket.timeout:
		reply = None
	s.close()
	return time.monotonic() - t if reply and reply[0] == b"O" else None


def main():
	milter, conf, path, log, shim = sys.argv[1:6]
	env = dict(os.environ, LD_PRELOAD=shim, ACCEPT_FAILS=str(FAILS))
	with open(log, "w") as out:
		p = subprocess.Popen([milter, "-l", "-p", "unix:" + path, "-f",
		    conf], stdout=out, stderr=subprocess.STDOUT, env=env)
	try:
		ok = check("started", emfile.logged(log, "listening on unix",
		    p), "not listening in 10 s")
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
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
