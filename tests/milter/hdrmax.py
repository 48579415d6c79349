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
"""hdrmax.py PORT: a verified message whose header block is past
header-max gets a permanent refusal (its size does not change on a
retry), and dkimkit-milter(8) names that very reply, as filter-dkim(8)
names the code. Prints PASS/FAIL lines."""

import sys

import slowdns


def main():
	port = int(sys.argv[1])
	big = [(b"From", b"a@example.test")] + \
	    [(b"X-Big", b"y" * 900)] * 6	# header-max 4096 in run.sh
	s = slowdns.start(port, b"192.0.2.9", big)
	while True:	# slowdns.finish() drops the reply's text
		c, data = slowdns.read_frame(s)
		if c not in b"hmi":
			break
	s.close()
	reply = data.rstrip(b"\x00").decode()
	milter = open("man/dkimkit-milter.8").read()
	filt = open("man/filter-dkim.8").read()
	ok = (c == b"y" and reply.startswith("552 5.3.4 ") and
	    (".Dq %s\n" % reply) in milter and ".Dq 552 5.3.4" in filt)
	print("PASS milter:hdrmax:552-documented" if ok else
	    "FAIL milter:hdrmax:552-documented: reply %r %r, or the man "
	    "pages do not name it" % (c, reply))
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
