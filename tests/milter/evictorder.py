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
"""evictorder.py MILTER CONF SOCK LOG SHIM: with the table full of idle
connections, a new one that cannot be set up (its fcntl(F_SETFL) fails,
through SHIM, tests/milter/acceptfail.c) is refused without closing an
idle one: only a connection that will be taken costs an idle one its
place. The next new connection then makes room by closing the idlest,
and is served. The milter's output goes to LOG. Prints PASS/FAIL
lines."""

import os
import socket
import struct
import subprocess
import sys

sys.dont_write_bytecode = True	# no __pycache__ in the checkout
import emfile  # noqa: E402  (logged, raise_nofile, supervised)
import slowdns as S  # noqa: E402  (its frames)

TABLE = 1024		# MILTER_CONN_MAX
NOFILE = TABLE + 64	# each side's descriptors: room for all of them


def check(name, ok, why):
	print(("PASS milter:evict-order:%s" if ok else
	    "FAIL milter:evict-order:%s: " + why) % name)
	return ok


def hello(path):
	"""A connection and its reply to SMFIC_OPTNEG: (socket, reply or
	None when it was closed unanswered)."""
	s = socket.socket(socket.AF_UNIX)
	s.settimeout(5)
	s.connect(path)
	try:
		s.sendall(S.frame(b"O", struct.pack(">III", 6, 0x1ff,
		    0x1fffff)))
		return s, S.read_frame(s)
	except (EOFError, ConnectionResetError):
		return s, None


def run(path, log, p):
	idle = []
	for _ in range(TABLE):
		s, reply = hello(path)
		idle.append(s)
		if reply is None:
			return check("filled", False, "connection %d refused" %
			    len(idle))
	s, reply = hello(path)
	s.close()
	with open(log) as f:
		text = f.read()
	ok = check("refused", reply is None, "answered %r" % (reply,))
	ok &= check("none-closed", "closed after" not in text and
	    "connection refused: Invalid argument" in text,
	    "log:\n" + text[-1500:])
	s, reply = hello(path)
	s.close()
	ok &= check("next-served", reply is not None and emfile.logged(log,
	    "idle to make room: the table is full", p), "reply %r" % (reply,))
	for s in idle:
		s.close()
	return ok


def main():
	milter, conf, path, log, shim = sys.argv[1:6]
	if not emfile.raise_nofile(NOFILE):
		check("descriptors", False, "a hard limit below the %d this "
		    "test needs: raise it (ulimit -Hn) or run as root" % NOFILE)
		return 1
	env = dict(os.environ, LD_PRELOAD=shim, SETFL_FAIL_AT=str(TABLE + 1))
	with open(log, "w") as out:
		p = subprocess.Popen([milter, "-l", "-p", "unix:" + path, "-f",
		    conf], stdout=out, stderr=subprocess.STDOUT, env=env)
	ok = emfile.supervised(p, check, lambda: emfile.logged(log,
	    "listening on unix", p), lambda: run(path, log, p))
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
