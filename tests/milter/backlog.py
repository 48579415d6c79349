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
"""backlog.py PATH MILTER CONF LOG: a process listens on PATH, never accepts,
and its backlog is full. The milter started on PATH refuses it at once,
rather than wait in connect() for a place, and leaves it to its owner.
The milter's output goes to LOG. Prints PASS/FAIL lines."""

import os
import socket
import subprocess
import sys


def fill(path):
	"""A listener on path that never accepts, and the clients that fill
	its backlog: kept until the check is done."""
	listener = socket.socket(socket.AF_UNIX)
	listener.bind(path)
	listener.listen(0)
	held = [listener]
	while True:
		c = socket.socket(socket.AF_UNIX)
		c.setblocking(False)
		try:
			c.connect(path)
		except BlockingIOError:
			c.close()
			return held
		held.append(c)


def main():
	path, milter, conf, log = sys.argv[1:5]
	held = fill(path)
	ino = os.stat(path).st_ino
	try:
		r = subprocess.run([milter, "-l", "-p", "unix:" + path, "-f",
		    conf], capture_output=True, text=True, timeout=5)
		out, rc = r.stderr + r.stdout, r.returncode
	except subprocess.TimeoutExpired:
		out, rc = "still starting after 5 s", None
	with open(log, "w") as f:
		f.write(out)
	want = "a process is listening on %s but not accepting" % path
	if rc not in (None, 0) and want in out and \
	    os.stat(path).st_ino == ino:
		print("PASS milter:socket-backlog-full")
		ok = True
	else:
		print("FAIL milter:socket-backlog-full: exit %s: %s" %
		    (rc, out.strip()))
		ok = False
	for s in held:
		s.close()
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
