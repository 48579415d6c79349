#!/usr/bin/env python3
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
# bench/peer_dkimpy.py DIR: dkimpy (Debian's python3-dkim) signs and
# verifies the benchmark messages, as bench/run.sh lays them out in DIR
# (see there), and prints RESULT lines as bench/benchlib.c does.

import os
import sys
import time

import dkim

LIB = "dkimpy"
DOMAIN = b"bench.example"
MIN_ITERS = 3
SIZES = (2048, 65536, 1048576, 10485760)
ALGS = (("rsa-sha256", "rsa", "rsa.key"), ("ed25519-sha256", "ed", "ed.seed"))


def run(op, alg, size, fn):
	target = float(os.environ.get("DK_BENCH_SECONDS", "1.5"))
	wall0, cpu0 = time.monotonic(), time.process_time()
	iters, wall = 0, 0.0
	while iters < MIN_ITERS or wall < target:
		if not fn():
			sys.exit("%s %s %s %d: failed" % (LIB, op, alg, size))
		iters += 1
		wall = time.monotonic() - wall0
	print("RESULT %s %s %s %d %d %.6f %.6f" % (LIB, op, alg, size, iters,
	    wall, time.process_time() - cpu0), flush=True)


def slurp(path):
	with open(path, "rb") as f:
		return f.read()


def main(d):
	records = {}
	for _, sel, _ in ALGS:
		name = b"%s._domainkey.%s." % (sel.encode(), DOMAIN)
		records[name] = slurp(os.path.join(d, sel + ".txt")).strip()

	def dnsfunc(name, timeout=5):
		return records.get(name if name.endswith(b".") else name + b".")

	for alg, sel, keyfile in ALGS:
		key = slurp(os.path.join(d, keyfile)).strip()
		for size in SIZES:
			msg = slurp(os.path.join(d, "msgs", "%d.eml" % size))
			smsg = slurp(os.path.join(d, "msgs",
			    "%d.%s.eml" % (size, sel)))
			run("sign", alg, size, lambda: dkim.sign(msg,
			    sel.encode(), DOMAIN, key,
			    canonicalize=(b"relaxed", b"relaxed"),
			    signature_algorithm=alg.encode()))
			run("verify", alg, size, lambda: dkim.verify(smsg,
			    dnsfunc=dnsfunc, minkey=1024))


if __name__ == "__main__":
	if len(sys.argv) != 2:
		sys.exit("usage: peer_dkimpy.py DIR")
	main(sys.argv[1])
