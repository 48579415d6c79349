#!/usr/bin/python3
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

"""memory.py: memory-max counts each message's own state, not only its
spool, so the total stays bounded whatever the number of sessions.

usage: memory.py FILTER KEYDIR

One filter with memory-max at its floor (64k) and SESSIONS sessions,
each with a message to sign open (its header block and a body line
in). The first messages take the bound; the ones after get 451 at
commit, with "memory-max reached" in their log line, and their "."
alone: nothing half-signed. Once all have ended, the bound is free
again: a new message is signed. Prints PASS/FAIL lines.
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from reload import Filter, TIMEOUT, play  # noqa: E402

SESSIONS = 12
TEMPFAIL = "reject|451 4.7.0 Temporary local error, try again later"


def sid(n):
	return "%016x" % (0x2d296248ca880000 + n)


def report(s, event, *args):
	return "|".join(["report", "0.6", "1795447344.000000", "smtp-in",
	    event, sid(s)] + list(args))


def request(s, phase, *args):
	return "|".join(["filter", "0.6", "1795447344.000000", "smtp-in",
	    phase, sid(s), "f91c620c041fd4b6"] + list(args))


def opening(f, s):
	msgid = "3e7904%02x" % s
	f.send(report(s, "link-connect", "localhost", "pass",
	    "127.0.0.1:%d" % (40000 + s), "127.0.0.1:25"),
	    report(s, "tx-begin", msgid),
	    report(s, "tx-mail", msgid, "ok", "alice@example.test"))
	f.send(*[request(s, "data-line", l) for l in (
	    "From: Alice <alice@example.test>", "To: bob@example.test",
	    "Subject: memory %d" % s, "", "hello")])


def ending(f, s):
	"""Send "." and commit; (fields added, the decision)."""
	f.send(request(s, "data-line", "."))
	added = f.until_dot()
	f.send(request(s, "commit"))
	decision = f.readline().split("|", 3)[3]
	f.send(report(s, "link-disconnect"))
	return added, decision


def check(name, ok, why=""):
	ok = bool(ok)
	print("PASS memory:%s" % name if ok else "FAIL memory:%s: %s" %
	    (name, why))
	return ok


def run(f):
	f.handshake()
	for s in range(SESSIONS):
		opening(f, s)
	got = [ending(f, s) for s in range(SESSIONS)]
	signed = [s for s, (a, d) in enumerate(got) if d == "proceed" and
	    a and a[0].startswith("DKIM-Signature:")]
	refused = [s for s, (a, d) in enumerate(got) if d == TEMPFAIL and
	    not a]
	ok = check("first-signed", signed and signed == list(range(
	    len(signed))), "signed: %s" % signed)
	ok &= check("rest-tempfailed", refused and signed + refused ==
	    list(range(SESSIONS)), "signed %s, 451 %s, decisions %s" % (
	    signed, refused, [d for _, d in got]))
	ok &= check("tempfail-logged", f.stderr_has("memory-max reached"),
	    "no log line")
	opening(f, SESSIONS)
	added, decision = ending(f, SESSIONS)
	ok &= check("bound-given-back", decision == "proceed" and added,
	    "a new message after the others ended: %s" % decision)
	f.p.stdin.close()
	return ok & check("exit-0", f.p.wait(TIMEOUT) == 0, "exit status")


def main():
	path, keydir = sys.argv[1], os.path.abspath(sys.argv[2])
	with tempfile.TemporaryDirectory() as tmp:
		conf = os.path.join(tmp, "filter.conf")
		with open(conf, "w") as fp:
			fp.write("mode sign\nmemory-max 64k\nspool-dir %s\n"
			    "example.test:ed:%s/ed.key\n" % (tmp, keydir))
		ok = play(Filter(path, conf), run, check)
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
