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
"""hostile.py PORT [SEED]: frames no MTA sends, at the milter on
127.0.0.1:PORT: commands out of order, truncated arguments, random
bytes, lengths of 0 and past the bound, a connection closed mid-frame.
Prints nothing; run.sh checks that the milter is alive afterwards."""

import random
import socket
import struct
import sys

CMDS = b"ABCDEHKLMNOQRTU"


def frame(cmd, data=b""):
	return struct.pack(">I", 1 + len(data)) + cmd + data


def optneg(version=6):
	return frame(b"O", struct.pack(">III", version, 0x1ff, 0x1fffff))


def session(port, payload):
	s = socket.create_connection(("127.0.0.1", port), 5)
	s.settimeout(2)
	try:
		s.sendall(payload)
		s.shutdown(socket.SHUT_WR)	# the milter sees the end
		while s.recv(65536):
			pass
	except OSError:
		pass
	s.close()


def main():
	port = int(sys.argv[1])
	rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 9)
	fixed = [
		struct.pack(">I", 0),			# empty frame
		struct.pack(">I", 0x7fffffff) + b"O",	# past the bound
		frame(b"C", b"host"),			# before negotiation
		optneg(1),				# too old
		optneg() + frame(b"C", b"h\x00"),	# no family
		optneg() + frame(b"C", b"h\x004\x00"),	# no port, no address
		optneg() + frame(b"C", b"h\x006\x00\x19::1"),	# no NUL
		optneg() + frame(b"L", b"From"),	# no value
		optneg() + frame(b"L", b"\x00\x00"),	# empty name
		optneg() + frame(b"D"),			# empty macro
		optneg() + frame(b"D", b"M{auth_authen}"),
		optneg() + frame(b"B", b"body before anything"),
		optneg() + frame(b"E"),			# end of nothing
		optneg() + frame(b"N") + frame(b"N") + frame(b"E") + frame(b"E"),
		optneg() + frame(b"Z", b"unknown"),
		optneg() + frame(b"O", b"\x00"),	# short negotiation
		optneg() + frame(b"L", b"From\x00a@example.test\x00")[:9],
	]
	for p in fixed:
		session(port, p)
	for _ in range(300):
		p = optneg(rnd.choice((2, 6)))
		p += frame(b"C", b"h\x00" + rnd.choice((b"4", b"6", b"L", b"U")) +
		    b"\x00\x00" + rnd.choice((b"127.0.0.1", b"192.0.2.1",
		    b"::1")) + b"\x00")
		for _ in range(rnd.randint(1, 30)):
			cmd = bytes([rnd.choice(CMDS)])
			if cmd in b"OQ":
				continue
			n = rnd.choice((0, 1, 5, 40, 300))
			data = bytes(rnd.getrandbits(8) for _ in range(n))
			if cmd == b"L" and rnd.random() < 0.7:
				data = rnd.choice((b"From", b"Authentication-Results",
				    b"DKIM-Signature", b"X")) + b"\x00" + data + b"\x00"
			p += frame(cmd, data)
		if rnd.random() < 0.2:
			p = p[:rnd.randint(1, len(p))]
		session(port, p)


if __name__ == "__main__":
	main()
