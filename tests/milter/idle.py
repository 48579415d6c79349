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
"""idle.py PORT LOG: connections that never send a byte, more than the
milter's table (1024) or its descriptors hold, lock no MTA out: the
connection idle the longest makes room, and a message on a new
connection is signed at once. Prints PASS/FAIL lines."""

import re
import resource
import socket
import sys
import time

import slowdns

FLOOD = 1100


def main():
	port, log = int(sys.argv[1]), sys.argv[2]
	hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
	want = FLOOD + 64 if hard == resource.RLIM_INFINITY else \
	    min(hard, FLOOD + 64)
	resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
	idle = []
	for _ in range(min(FLOOD, want - 32)):
		try:
			idle.append(socket.create_connection(("127.0.0.1",
			    port), 5))
		except OSError:
			break	# the backlog is full: the milter stopped
	time.sleep(0.5)
	t = time.time()
	try:
		s = slowdns.start(port, b"127.0.0.1",
		    [(b"From", b"a@example.test")])
		changes, last = slowdns.finish(s)
		s.close()
	except (OSError, EOFError, RuntimeError) as e:
		changes, last = [], repr(e)
	took = time.time() - t
	for c in idle:
		c.close()
	signed = any(c == b"i" and b"DKIM-Signature" in d for c, d in changes)
	ok = signed and last == b"c" and took < 5
	print("PASS milter:idle:flood-evicted" if ok else
	    "FAIL milter:idle:flood-evicted: %r, signed %s, %.1f s" %
	    (last, signed, took))
	logged = re.search(r"connection \d+ closed after \d+ s idle to make "
	    r"room: ", open(log).read()) is not None
	print("PASS milter:idle:eviction-logged" if logged else
	    "FAIL milter:idle:eviction-logged: no eviction in the log")
	return 0 if ok and logged else 1


if __name__ == "__main__":
	sys.exit(main())
