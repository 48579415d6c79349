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
"""dropped.py PORT LOG: a verified message whose MTA closes the
connection while its key lookup is under way (the resolver of run.sh
never answers; dns-timeout 1) is logged as closed mid-message, not as
a message verified. Prints PASS/FAIL lines."""

import sys
import time

import slowdns


def main():
	port, log = int(sys.argv[1]), sys.argv[2]
	before = open(log).read()
	s = slowdns.start(port, b"192.0.2.7", [(b"DKIM-Signature",
	    slowdns.SIG), (b"From", b"a@example.test")])
	s.close()
	time.sleep(1.5)	# past the deadline
	new = open(log).read()[len(before):]
	ok = ("connection closed mid-message" in new and
	    "client=192.0.2.7" in new and "mode=verify" not in new)
	print("PASS milter:dropped:logged-as-closed" if ok else
	    "FAIL milter:dropped:logged-as-closed: log %r" % new)
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
