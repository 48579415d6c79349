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
"""arindex.py PORT: the indexes of the SMFIR_CHGHEADER deletions, which
miltertest cannot show. Authentication-Results fields claiming our
authserv-id (mt.example.test) are deleted by their index among the A-R
fields, counting a field whose value cannot be rebuilt too, the highest
index first so that no deletion moves another, before our field goes on
top. A name with blanks before the colon (RFC 5322 §4.5.8), as an MTA
may pass it, is read as the engine reads it: such an A-R field counts
and is deleted, and such a field is signed. A forged A-R field goes from a signed
message too, and from one passed on for a header block over header-max. Prints PASS/FAIL lines."""

import struct
import sys

import slowdns

FIELDS = [
	(b"Authentication-Results", b"mt.example.test; dkim=pass"),	# 1
	(b"From", b"a@example.test"),
	(b"Authentication-Results", b"other.example; dkim=fail"),	# 2
	(b"Authentication-Results", b"mt.example.test;\nX-Injected: 1"),	# 3
	(b"Authentication-Results", b"(c) MT.EXAMPLE.TEST; dkim=pass"),	# 4
]


def main():
	s = slowdns.start(int(sys.argv[1]), b"192.0.2.3", FIELDS)
	changes, last = slowdns.finish(s)
	got = []
	for c, d in changes:
		idx = struct.unpack(">I", d[:4])[0]
		name, value = d[4:].split(b"\x00")[:2]
		got.append((c, idx, name, value[:26]))
	want = [(b"m", 4, b"Authentication-Results", b""),
	    (b"m", 3, b"Authentication-Results", b""),
	    (b"m", 1, b"Authentication-Results", b""),
	    (b"i", 0, b"Authentication-Results", b" mt.example.test; dkim=non")]
	ok = got == want and last == b"c"
	print("PASS milter:arindex" if ok else
	    "FAIL milter:arindex: got %r, final %r" % (got, last))
	ok &= blank_names(int(sys.argv[1]))
	ok &= signed_forged(int(sys.argv[1]))
	ok &= over_header_max(int(sys.argv[1]))
	return 0 if ok else 1


def outcome(port, addr, fields):
	"""A message's A-R deletions by index, whether it was signed, and
	its final reply."""
	changes, last = slowdns.finish(slowdns.start(port, addr, fields))
	dels = [struct.unpack(">I", d[:4])[0] for c, d in changes if c == b"m"]
	signed = any(c == b"i" and b"DKIM-Signature" in d for c, d in changes)
	return dels, signed, last


def check(name, ok, why):
	print(("PASS milter:arindex:%s" if ok else
	    "FAIL milter:arindex:%s: " + why) % name)
	return ok


def signed_forged(port):
	dels, signed, last = outcome(port, b"127.0.0.1", [
	    (b"Authentication-Results", b"other.example; dkim=fail"),
	    (b"From", b"a@example.test"),
	    (b"Authentication-Results", b"mt.example.test; dkim=pass")])
	return check("signed-forged-removed", dels == [2] and signed and
	    last == b"c", "deleted %r, signed %s" % (dels, signed))


def over_header_max(port):
	"""A header block over header-max (4096 here) passes on unsigned,
	but a forged A-R field past the bound goes all the same."""
	pad = [(b"X-Pad", b"x" * 200)] * 25
	dels, signed, last = outcome(port, b"127.0.0.1",
	    [(b"From", b"a@example.test")] + pad +
	    [(b"Authentication-Results", b"mt.example.test; dkim=pass")])
	return check("over-header-max-forged-removed", dels == [1] and
	    not signed and last == b"c", "deleted %r, signed %s, final %r" %
	    (dels, signed, last))


def blank_names(port):
	dels, _, last = outcome(port, b"192.0.2.3", [
	    (b"Authentication-Results ", b"other.example; dkim=fail"),
	    (b"Authentication-Results\t", b"mt.example.test; dkim=pass"),
	    (b"From", b"a@example.test")])
	ok = check("blank-before-colon", dels == [2] and last == b"c",
	    "deleted %r" % dels)
	_, signed, _ = outcome(port, b"127.0.0.1", [
	    (b"From", b"a@example.test"),
	    (b"Subject ", b"blank before the colon")])
	return check("blank-name-signed", signed, "not signed") and ok


if __name__ == "__main__":
	sys.exit(main())
