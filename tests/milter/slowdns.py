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
#
"""slowdns.py PORT: a message whose key lookup never gets an answer
(the milter's resolver is a UDP sink) must not hold up another
connection: connection A ends a verified message and waits; connection
B signs a whole message meanwhile, and gets its reply while A still
has none. A's reply comes at its DNS deadline, dkim=temperror.
Prints PASS/FAIL lines."""

import select
import socket
import struct
import sys

SIG = (b"v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.test; s=slow;"
    b" h=from; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;"
    b" b=dGhpcyBpcyBub3QgYSBzaWduYXR1cmUgYXQgYWxsLCBqdXN0IGJ5dGVz")


def frame(cmd, data=b""):
	return struct.pack(">I", 1 + len(data)) + cmd + data


def read_frame(s):
	head = b""
	while len(head) < 4:
		chunk = s.recv(4 - len(head))
		if not chunk:
			raise EOFError("milter closed the connection")
		head += chunk
	n = struct.unpack(">I", head)[0]
	data = b""
	while len(data) < n:
		chunk = s.recv(n - len(data))
		if not chunk:
			raise EOFError("milter closed the connection")
		data += chunk
	return data[:1], data[1:]


def ask(s, cmd, data=b""):
	s.sendall(frame(cmd, data))
	c, _ = read_frame(s)
	if c != b"c":
		raise RuntimeError("reply %r to %r" % (c, cmd))


def start(port, addr, headers):
	s = socket.create_connection(("127.0.0.1", port), 5)
	s.settimeout(30)
	s.sendall(frame(b"O", struct.pack(">III", 6, 0x1ff, 0x1fffff)))
	read_frame(s)
	ask(s, b"C", b"client\x004\x00\x19" + addr + b"\x00")
	ask(s, b"M", b"<a@example.test>\x00")
	ask(s, b"R", b"<b@example.net>\x00")
	for name, value in headers:
		ask(s, b"L", name + b"\x00" + value + b"\x00")
	ask(s, b"N")
	ask(s, b"B", b"body\r\n")
	s.sendall(frame(b"E"))
	return s


def finish(s):
	"""Replies up to the final one: (header changes, final letter)."""
	changes = []
	while True:
		c, data = read_frame(s)
		if c in b"hmi":
			changes.append((c, data))
		else:
			return changes, c


def check(name, ok, why):
	print(("PASS milter:slowdns:%s" if ok else
	    "FAIL milter:slowdns:%s: " + why) % name)
	return ok


def main():
	port = int(sys.argv[1])
	a = start(port, b"192.0.2.9", [(b"DKIM-Signature", SIG),
	    (b"From", b"a@example.test")])
	b = start(port, b"127.0.0.1", [(b"From", b"a@example.test")])
	changes_b, last_b = finish(b)
	waiting = select.select([a], [], [], 0)[0] == []
	ok = check("other-connection-not-held", waiting and last_b == b"c" and
	    any(b"DKIM-Signature" in d for _, d in changes_b),
	    "B: %r, %d changes; A still waiting: %s" % (last_b,
	    len(changes_b), waiting))
	changes_a, last_a = finish(a)
	ar = [d for _, d in changes_a if b"Authentication-Results" in d]
	ok &= check("deadline-temperror", last_a == b"c" and len(ar) == 1 and
	    b"dkim=temperror" in ar[0], "A: %r %r" % (last_a, ar))
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
