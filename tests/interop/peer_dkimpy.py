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
# The dkimpy side of the interop tests: one process per batch, jobs read
# from stdin, one tab-separated job per line.  The clock is pinned to NOW
# so signatures are reproducible and t= never lies in the future.
#
# peer_dkimpy.py verify DNSFILE NOW
#     job: CASE FILE NSIGS REPRO
#     Verifies each of the NSIGS DKIM-Signature fields (dnsfunc answers from
#     DNSFILE) and prints "PASS CASE" or "FAIL CASE: why ...".
# peer_dkimpy.py sign NOW
#     job: IN OUT ALG CANON DOMAIN SELECTOR KEYFILE
#     Writes OUT (the signature field on top of IN), or OUT.err with the
#     reason when signing fails; prints nothing.

import base64
import io
import logging
import sys
import time

import dkim

import dnsfile

# PKCS#8 PrivateKeyInfo for Ed25519 (RFC 8410 §7): a fixed 16-octet prefix
# (version 0, OID 1.3.101.112, OCTET STRING of an OCTET STRING) and the
# 32-octet seed, 48 octets in all.
ED25519_PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
ED25519_SEED_LEN = 32
# dkimkit keys are 2048 bits; keep dkimpy's own RFC 8301 floor.
MIN_RSA_BITS = 1024


def pin_clock(now):
	"""dkimpy reads time.time() for t= and for its future-t= check."""
	t = float(now)
	time.time = lambda: t


def pem_der(pem):
	lines = [l for l in pem.splitlines() if l and not l.startswith(b"-----")]
	return base64.b64decode(b"".join(lines))


def ed25519_seed(pem):
	"""dkimpy's ed25519 privkey is the base64 of the raw 32-octet seed."""
	der = pem_der(pem)
	if len(der) != len(ED25519_PKCS8_PREFIX) + ED25519_SEED_LEN or \
	    not der.startswith(ED25519_PKCS8_PREFIX):
		raise ValueError("not an Ed25519 PKCS#8 key")
	return base64.b64encode(der[-ED25519_SEED_LEN:])


def verify_one(path, nsigs, records):
	with open(path, "rb") as f:
		msg = f.read()
	log = io.StringIO()
	logger = logging.getLogger("dkimpy-verify")
	logger.handlers = [logging.StreamHandler(log)]
	logger.propagate = False

	def dnsfunc(name, timeout=5):
		return records.get(dnsfile.norm(name))

	d = dkim.DKIM(msg, logger=logger, minkey=MIN_RSA_BITS)
	found = sum(1 for n, _ in d.headers if n.lower() == b"dkim-signature")
	if found != nsigs:
		return "%d DKIM-Signature fields, want %d" % (found, nsigs)
	bad = []
	for idx in range(nsigs):
		log.seek(0)
		log.truncate()
		try:
			ok = d.verify(idx=idx, dnsfunc=dnsfunc)
			why = "signature did not verify"
		except dkim.DKIMException as e:
			ok, why = False, str(e)
		if not ok:
			detail = log.getvalue().strip().replace("\n", " | ")
			bad.append("sig %d: %s" % (idx, detail or why))
	return "; ".join(bad)


def cmd_verify(dnspath, now):
	records = dnsfile.load(dnspath)
	pin_clock(now)
	for line in sys.stdin:
		case, path, nsigs, repro = line.rstrip("\n").split("\t", 3)
		try:
			why = verify_one(path, int(nsigs), records)
		except Exception as e:
			why = "dkimpy raised %s: %s" % (type(e).__name__, e)
		if why:
			print("FAIL %s: dkimpy: %s; message %s; reproduce: %s" %
			    (case, why, path, repro))
		else:
			print("PASS %s" % case)
		sys.stdout.flush()


def sign_one(inpath, outpath, alg, canon, domain, selector, keyfile):
	with open(inpath, "rb") as f:
		msg = f.read()
	with open(keyfile, "rb") as f:
		pem = f.read()
	if alg == "ed25519-sha256":
		key = ed25519_seed(pem)
	else:
		key = pem
	hc, bc = canon.encode().split(b"/")
	d = dkim.DKIM(msg, signature_algorithm=alg.encode())
	# Oversign Subject too (dkimpy's default oversigns only its FROZEN set),
	# so that h= names a field more often than the message has it.
	heads = d.default_sign_headers() + [b"subject"]
	sig = d.sign(selector.encode(), domain.encode(), key,
	    canonicalize=(hc, bc), include_headers=heads)
	with open(outpath, "wb") as f:
		f.write(sig + msg)


def cmd_sign(now):
	pin_clock(now)
	for line in sys.stdin:
		job = line.rstrip("\n").split("\t")
		try:
			sign_one(*job)
		except Exception as e:
			with open(job[1] + ".err", "w") as f:
				f.write("dkimpy sign raised %s: %s\n" %
				    (type(e).__name__, e))


def main(argv):
	if len(argv) == 4 and argv[1] == "verify":
		cmd_verify(argv[2], int(argv[3]))
	elif len(argv) == 3 and argv[1] == "sign":
		cmd_sign(int(argv[2]))
	else:
		sys.stderr.write("usage: peer_dkimpy.py verify DNSFILE NOW | "
		    "sign NOW\n")
		return 64
	return 0


if __name__ == "__main__":
	sys.exit(main(sys.argv))
