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
"""reject.py PORT: a milter run with -r and reject-permerror rejects a
verified message whose only signature is broken (permerror:
SMFIR_REPLYCODE "550 5.7.20 ...", and no header change), and accepts an
unsigned one. Prints PASS/FAIL lines."""

import sys

import slowdns

BROKEN = (b"DKIM-Signature", b"v=1; a=rsa-sha256; d=example.test; s=x")


def main():
	port = int(sys.argv[1])
	s = slowdns.start(port, b"192.0.2.5", [BROKEN,
	    (b"From", b"a@example.test")])
	changes, last = slowdns.finish(s)
	ok = last == b"y" and changes == []
	s.close()
	s = slowdns.start(port, b"192.0.2.5", [(b"From", b"a@example.test")])
	changes2, last2 = slowdns.finish(s)
	ok2 = last2 == b"c" and len(changes2) == 1
	print("PASS milter:reject" if ok and ok2 else
	    "FAIL milter:reject: failing: %r %r; unsigned: %r %r" %
	    (last, changes, last2, changes2))
	return 0 if ok and ok2 else 1


if __name__ == "__main__":
	sys.exit(main())
