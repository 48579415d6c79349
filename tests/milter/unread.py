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
"""unread.py PORT LOG: connections that send commands but never read the
replies, until the milter can write no more to them, are idle too: with
the milter's descriptors all taken by them (run.sh starts it with a
limit of 40), the one silent the longest makes room, and a message on a
new connection is signed at once. Prints PASS/FAIL lines."""

import re
import select
import socket
import struct
import sys
import time

import slowdns

FLOOD = 48			# past the milter's 40 descriptors
HELO = slowdns.frame(b"H", b"x\x00") * 4096	# a reply each, unread


def unread(port):
	"""A connection whose replies fill every buffer between us."""
	s = socket.socket()
	s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
	s.connect(("127.0.0.1", port))
	s.sendall(slowdns.frame(b"O", struct.pack(">III", 6, 0x1ff,
	    0x1fffff)))
	s.setblocking(False)
	buf, end = HELO, time.monotonic() + 5
	while time.monotonic() < end:
		try:
			n = s.send(buf)
			buf = buf[n:] or HELO
		except BlockingIOError:
			if not select.select([], [s], [], 0.05)[1]:
				break	# the milter reads no more of it
	return s


def main():
	port, log = int(sys.argv[1]), sys.argv[2]
	held = []
	for _ in range(FLOOD):
		try:
			held.append(unread(port))
		except OSError:
			break	# refused: the milter is out of descriptors
	t = time.time()
	try:
		s = slowdns.start(port, b"127.0.0.1",
		    [(b"From", b"a@example.test")])
		changes, last = slowdns.finish(s)
		s.close()
	except (OSError, EOFError, RuntimeError) as e:
		changes, last = [], repr(e)
	took = time.time() - t
	for c in held:
		c.close()
	signed = any(c == b"i" and b"DKIM-Signature" in d for c, d in changes)
	ok = signed and last == b"c" and took < 5
	print("PASS milter:unread:evicted" if ok else
	    "FAIL milter:unread:evicted: %r, signed %s, %.1f s, %d held" %
	    (last, signed, took, len(held)))
	# out of descriptors, the line says so and how to fix it
	logged = re.search(r"connection \d+ closed after \d+ s idle to make "
	    r"room: Too many open files \(\d+ open\); raise the milter's "
	    r"descriptor limit", open(log).read()) is not None
	print("PASS milter:unread:eviction-logged" if logged else
	    "FAIL milter:unread:eviction-logged: no eviction in the log")
	return 0 if ok and logged else 1


if __name__ == "__main__":
	sys.exit(main())
