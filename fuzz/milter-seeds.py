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
"""milter-seeds.py DIR: seeds for fuzz/fuzz_milter.c, one transcript
per vector message (vectors/**/*.eml), signed (a loopback client) and
verified (an outside one), in the format fuzz_milter.c reads."""

import glob
import os
import struct
import sys


def frame(cmd, data=b""):
	return struct.pack(">I", 1 + len(data)) + cmd + data


def transcript(msg, addr, flags):
	head, _, body = msg.replace(b"\r\n", b"\n").partition(b"\n\n")
	fields = []
	for line in head.split(b"\n"):
		if line[:1] in (b" ", b"\t") and fields:
			fields[-1] += b"\r\n" + line
		elif b":" in line:
			fields.append(line)
	out = bytes([flags])
	out += frame(b"D", b"Cj\x00mx.example.test\x00")
	out += frame(b"C", b"client\x004\x00\x19" + addr + b"\x00")
	out += frame(b"D", b"Mi\x00QID1\x00")
	out += frame(b"M", b"<a@example.test>\x00")
	out += frame(b"R", b"<b@example.net>\x00")
	for f in fields:
		name, _, value = f.partition(b":")
		if flags & 1:
			value = value.lstrip(b" ")
		out += frame(b"L", name + b"\x00" + value + b"\x00")
	out += frame(b"N")
	body = body.replace(b"\n", b"\r\n")
	for i in range(0, len(body), 4096):
		out += frame(b"B", body[i:i + 4096])
	out += frame(b"E") + frame(b"A") + frame(b"Q")
	return out


def main():
	out = sys.argv[1]
	os.makedirs(out, exist_ok=True)
	paths = sorted(glob.glob("vectors/**/*.eml", recursive=True))[:40]
	for n, p in enumerate(paths):
		with open(p, "rb") as f:
			msg = f.read()
		for addr, tag in ((b"127.0.0.1", "sign"), (b"192.0.2.1", "verify")):
			with open("%s/%s-%d" % (out, tag, n), "wb") as f:
				f.write(transcript(msg, addr, 2 + n % 2))


if __name__ == "__main__":
	main()
