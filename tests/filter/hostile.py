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

"""hostile.py: filter-dkim against what a hostile client can put in a
message, and what smtpd may send in a rare order.

usage: hostile.py FILTER KEYDIR

One filter process per configuration, one smtpd-filters 0.6 stream, the
lines written directly (reload.py's Filter). Prints PASS/FAIL lines.
"""

import os
import re
import sys
import tempfile

from reload import Filter, SID, TOKEN, report, request


def check(name, ok, why=""):
	print("PASS filter-hostile:%s" % name if ok else
	    "FAIL filter-hostile:%s: %s" % (name, why))
	return ok


def log_text(f):
	"""What the filter has logged so far."""
	f.err.seek(0)
	return f.err.read().decode("latin-1")


def start(path, tmp, keydir, mode, extra=""):
	conf = os.path.join(tmp, "hostile.conf")
	with open(conf, "w") as fp:
		fp.write("mode %s\nheader-max 4096\nauthserv-id mx.example.test\n"
		    "fixed-time 1700000000\nresolver 127.0.0.1:9\n"
		    "dns-timeout 1\n%sexample.test:rsa:%s/rsa.key\n" %
		    (mode, extra, keydir))
	f = Filter(path, conf)
	f.handshake()
	f.send(report("link-connect", "localhost", "pass", "127.0.0.1:47646",
	    "127.0.0.1:25"))
	return f


def message(f, msgid, lines):
	"""Send one message; return its lines back (up to ".") and the
	commit decision."""
	f.send(report("tx-begin", msgid),
	    report("tx-mail", msgid, "ok", "alice@example.test"))
	f.send(*[request("data-line", TOKEN, l) for l in lines + ["."]])
	out = f.until_dot()
	f.send(request("commit", TOKEN))
	decision = f.readline().split("|", 3)[3]
	f.send(report("tx-commit", msgid, "100"))
	return out, decision


PAD = ["X-Pad%d: %s" % (i, "x" * 200) for i in range(25)]
FORGED = ["Authentication-Results: mx.example.test;", "\tdkim=pass"]
THIRD = "Authentication-Results: third.example; dkim=none"


def over_header_max(path, tmp, keydir):
	"""Past header-max a message to sign passes on unsigned: a forged
	A-R field past the bound goes all the same, and so does one longer
	than header-max on its own, which cannot be read whole to tell whose
	it is: the message still passes, not a 451 retried for days."""
	f = start(path, tmp, keydir, "sign")
	try:
		out, dec = message(f, "00000001", ["From: alice@example.test"] +
		    PAD + FORGED + ["Subject: s", "", "hello"])
		ok = check("over-header-max-forged-removed", dec == "proceed" and
		    not [l for l in out if "mx.example.test" in l] and
		    "Subject: s" in out and not out[0].startswith("DKIM"),
		    "%s %r" % (dec, [l for l in out if "X-Pad" not in l]))
		out, dec = message(f, "00000002", ["From: alice@example.test"] +
		    PAD + ["Authentication-Results: other.example;"] +
		    ["\t(%s)" % ("y" * 200)] * 25 + [THIRD, "", "hello"])
		ok &= check("over-header-max-long-ar-removed",
		    dec == "proceed" and "hello" in out and THIRD in out and
		    not [l for l in out if "other.example" in l or "yyy" in l]
		    and len([l for l in out if "X-Pad" in l]) == 25,
		    "%s, %d lines" % (dec, len(out)))
		# counted apart from the forged ones: whose it was is unknown
		ok &= check("over-header-max-long-ar-logged", f.stderr_has(
		    r"msgid=00000001 .* forged-ar-removed=1\b") and
		    f.stderr_has(r"msgid=00000002 .* long-ar-removed=1\b") and
		    not re.search(r"msgid=00000002 .*forged", log_text(f)))
	finally:
		f.kill()
	return ok


def over_header_max_verify(path, tmp, keydir):
	"""A message to verify whose header block is over header-max is
	refused for good (552), also when the field that crosses the bound
	is one long A-R field: not a 451 the sender would retry for days."""
	f = start(path, tmp, keydir, "verify")
	try:
		out, dec = message(f, "00000001", ["From: alice@example.test",
		    "Authentication-Results: other.example;"] +
		    ["\t(%s)" % ("y" * 200)] * 25 + ["", "hello"])
		return check("over-header-max-verify-long-ar-552",
		    dec.startswith("reject|552 ") and
		    f.stderr_has(r"msgid=00000001 .*error: 552") and
		    "ar-removed" not in log_text(f), "%s, %d lines" %
		    (dec, len(out)))
	finally:
		f.kill()


SIGNED = ["DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;",
    "\td=example.test; s=k; t=1700000000; h=from;",
    "\tbh=MOfhxW3vSMC1TZHB7aJ48PMU8KAGvVX8ct1qgHyizyI=;",
    "\tb=K8GQo6EODAvfcfg5w+9oqcUW4bBfddKSwtzsWReNYm/qW8qy3+NAoCnlx9iUlct",
    "\tR9LfOvfrJ5e6juZ5uAwJfCw==", "From: Alice <alice@example.test>",
    "Subject: s", "", "hello"]


def dns_unreachable(path, tmp, keydir):
	"""The resolver at a port where nothing listens (start()'s
	127.0.0.1:9): ICMP port unreachable gives temperror
	(dns-unreachable) at once, not a timeout, and the log names the
	server once for the whole run of failures, not once a message."""
	f = start(path, tmp, keydir, "verify")
	try:
		ok = True
		for n in ("00000001", "00000002"):
			out, dec = message(f, n, SIGNED)
			ok &= check("dns-unreachable-result-" + n, dec == "proceed"
			    and any(l.startswith("\tdkim=temperror "
			    "(dns-unreachable) header.d=example.test") for l in out),
			    "%s %r" % (dec, out[:3]))
		n = len(re.findall(r"DNS server 127\.0\.0\.1:9: unreachable "
		    r"\(ICMP unreachable: is a DNS server listening there\?\)",
		    log_text(f)))
		return ok & check("dns-unreachable-logged-once", n == 1,
		    "%d log lines" % n)
	finally:
		f.kill()


def forged_flood(path, tmp, keydir):
	"""Where each forged A-R field lies is held until the message goes
	out; past header-max only memory-max bounds them: a flood of them
	gets 451, not unbounded memory."""
	f = start(path, tmp, keydir, "sign", "memory-max 64k\n")
	try:
		out, dec = message(f, "00000003", ["From: alice@example.test"] +
		    PAD + ["Authentication-Results: mx.example.test"] * 6000 +
		    ["", "hello"])
		ok = check("forged-flood-memory-max", out == [] and
		    dec.startswith("reject|451 ") and
		    f.stderr_has("memory-max reached"), "%s, %d lines" %
		    (dec, len(out)))
	finally:
		f.kill()
	return ok


def large_spools(path, tmp, keydir):
	"""Spools of large messages in flight take at most three quarters of
	memory-max, then spill to disk: a new small message still has room
	for its own state, and is signed."""
	f = start(path, tmp, keydir, "sign", "memory-max 1m\nspool-max 256k\n")
	try:
		for n in range(1, 6):
			sid = "%016x" % (0x3e79045c00000000 + n)
			f.send(report("link-connect", "localhost", "pass",
			    "127.0.0.1:%d" % (40000 + n), "127.0.0.1:25")
			    .replace(SID, sid))
			f.send(*[request("data-line", TOKEN, l).replace(SID, sid)
			    for l in ["From: alice@example.test", ""] +
			    ["x" * 1000] * 300])
		out, dec = message(f, "00000004", ["From: alice@example.test",
		    "", "small"])
		ok = check("large-spools-leave-room", dec == "proceed" and
		    out[0].startswith("DKIM-Signature:"), "%s, %r" %
		    (dec, out[:1]))
	finally:
		f.kill()
	return ok


def rdns_bar(path, tmp, keydir):
	"""link-connect's rdns is the client's PTR name: one holding '|'
	does not move the source address, so an outside client never
	passes for an internal one and gets its mail signed."""
	f = start(path, tmp, keydir, "auto")
	try:
		f.send(report("link-disconnect"), report("link-connect",
		    "evil|pass|127.0.0.1:1|x", "pass", "192.0.2.66:4000",
		    "127.0.0.1:25"))
		out, dec = message(f, "00000005", ["From: alice@example.test",
		    "", "hello"])
		ok = check("rdns-bar-not-internal", dec == "proceed" and
		    out[0].startswith("Authentication-Results:"), "%s, %r" %
		    (dec, out[:1]))
	finally:
		f.kill()
	return ok


def main():
	path, keydir = sys.argv[1], os.path.abspath(sys.argv[2])
	ok = True
	with tempfile.TemporaryDirectory() as tmp:
		for t in (over_header_max, over_header_max_verify,
		    dns_unreachable, forged_flood, large_spools, rdns_bar):
			try:
				ok &= t(path, tmp, keydir)
			except (RuntimeError, IndexError) as e:
				ok &= check(t.__name__, False, str(e))
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
