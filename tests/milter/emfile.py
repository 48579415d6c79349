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
"""emfile.py MILTER CONF LOG: the milter, limited to a few descriptors,
takes connections until it runs out while each waits for DNS at the end
of its message (CONF's resolver never answers). The connection that
found no descriptor waits in the listen queue; once the DNS deadline
has given the others their replies, and they sit open and idle as an
MTA keeps them, it is taken at once, not when an old one closes. The
spell is logged once. CONF's dns-timeout must leave time to fill the
descriptors (5 s). The milter's output goes to LOG. Prints PASS/FAIL
lines."""

import resource
import socket
import subprocess
import sys
import time

sys.dont_write_bytecode = True	# no __pycache__ in the checkout
import slowdns as S  # noqa: E402  (its frames and its signature)

NOFILE = 16		# the milter's descriptors: a few connections' worth
CONNS_MAX = 40		# more than NOFILE can hold


def free_port():
	s = socket.socket()
	s.bind(("127.0.0.1", 0))
	port = s.getsockname()[1]
	s.close()
	return port


def hello(port, timeout):
	"""A connection that has sent SMFIC_OPTNEG: the reply, or None."""
	s = socket.create_connection(("127.0.0.1", port), 5)
	s.sendall(S.frame(b"O", S.struct.pack(">III", 6, 0x1ff, 0x1fffff)))
	s.settimeout(timeout)
	try:
		return s, S.read_frame(s)
	except socket.timeout:
		return s, None


def limit():
	resource.setrlimit(resource.RLIMIT_NOFILE, (NOFILE, NOFILE))


def logged(log, text, p):
	"""Whether LOG holds text within 10 s, while process p runs."""
	end = time.monotonic() + 10
	while time.monotonic() < end and p.poll() is None:
		with open(log) as f:
			if text in f.read():
				return True
		time.sleep(0.1)
	return False


def raise_nofile(n):
	"""Our own descriptor limit to n, the hard one too when it is lower
	(root may): False when it cannot be."""
	hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
	if hard != resource.RLIM_INFINITY:
		hard = max(hard, n)
	try:
		resource.setrlimit(resource.RLIMIT_NOFILE, (n, hard))
		return True
	except (ValueError, OSError):
		return False


def supervised(p, check, up, run):
	"""run() against the milter p, between the check "started" (up()
	true) and the check "alive"; p is stopped after. Whether all
	passed."""
	try:
		ok = check("started", up(), "not listening in 10 s")
		ok = ok and run()
		ok &= check("alive", p.poll() is None, "exit %s" % p.poll())
	finally:
		p.terminate()
		p.wait()
	return ok


def started(port):
	end = time.monotonic() + 10
	while time.monotonic() < end:
		try:
			socket.create_connection(("127.0.0.1", port), 1).close()
			return True
		except OSError:
			time.sleep(0.1)
	return False


def fill(port):
	"""Connections at the end of a message, until one gets no reply:
	(those, the one that waits)."""
	waiting = []
	for _ in range(CONNS_MAX):
		s, reply = hello(port, 1)
		if reply is None:
			return waiting, s
		s.settimeout(30)
		S.ask(s, b"C", b"client\x004\x00\x19192.0.2.9\x00")
		for cmd, data in ((b"M", b"<a@example.test>\x00"),
		    (b"R", b"<b@example.net>\x00"),
		    (b"L", b"DKIM-Signature\x00" + S.SIG + b"\x00"),
		    (b"L", b"From\x00a@example.test\x00"), (b"N", b""),
		    (b"B", b"body\r\n")):
			S.ask(s, cmd, data)
		s.sendall(S.frame(b"E"))
		waiting.append(s)
	return waiting, None


def check(name, ok, why):
	print(("PASS milter:emfile:%s" if ok else
	    "FAIL milter:emfile:%s: " + why) % name)
	return ok


def run(port):
	waiting, queued = fill(port)
	if not check("runs-out", queued is not None and len(waiting) > 0,
	    "%d connections, none refused" % len(waiting)):
		return False
	finals = [S.finish(s)[1] for s in waiting]
	ok = check("others-answered", finals == [b"c"] * len(finals),
	    "final replies %r" % finals)
	t = time.monotonic()
	queued.settimeout(5)
	try:
		reply = S.read_frame(queued)
	except socket.timeout:
		reply = None
	ok &= check("queued-taken", reply is not None and reply[0] == b"O",
	    "no reply in %.1f s with %d idle connections open" %
	    (time.monotonic() - t, len(waiting)))
	s, reply = hello(port, 5)
	ok &= check("next-taken", reply is not None, "no reply in 5 s")
	for c in waiting + [queued, s]:
		c.close()
	return ok


def main():
	milter, conf, log = sys.argv[1:4]
	port = free_port()
	with open(log, "w") as out:
		p = subprocess.Popen([milter, "-l", "-p",
		    "inet:%d@127.0.0.1" % port, "-f", conf], stdout=out,
		    stderr=subprocess.STDOUT, preexec_fn=limit)
	ok = supervised(p, check, lambda: started(port), lambda: run(port))
	with open(log) as f:
		n = f.read().count("new connections wait until")
	ok &= check("logged-once", n == 1, "%d log lines for the spell" % n)
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
