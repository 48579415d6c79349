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
"""tablefull.py MILTER CONF LOG: the milter's table (1024 connections)
full of connections whose replies wait for DNS, so none is idle: the
next REFUSED connections are closed at once, the first with a log line
that says so, and the milter stays up. CONF's resolver never answers:
the one query all the lookups share gives up after its tries (about
10 s), which is the time the test has to fill the table (about 2 s). A
connection whose reply waits for DNS is not polled, so the milter sees
the others close only then; once it has, a new connection is served,
and the refusals are counted in one line. Descriptors are plenty, so
the table is what runs out. The milter's output goes to LOG. Prints
PASS/FAIL lines."""

import resource
import select
import socket
import struct
import subprocess
import sys
import time

sys.dont_write_bytecode = True	# no __pycache__ in the checkout
import emfile  # noqa: E402  (free_port, started, hello, supervised)
import slowdns as S  # noqa: E402  (its frames and its signature)

TABLE = 1024		# MILTER_CONN_MAX
NOFILE = TABLE + 64	# each side's descriptors: room for all of them
REFUSED = 3
HEADERS = [(b"DKIM-Signature", S.SIG), (b"From", b"a@example.test")]


def check(name, ok, why):
	print(("PASS milter:table-full:%s" if ok else
	    "FAIL milter:table-full:%s: " + why) % name)
	return ok


def limit():
	resource.setrlimit(resource.RLIMIT_NOFILE, (NOFILE, NOFILE))


def logged(log, text, n):
	"""Whether LOG holds text n times within 30 s."""
	end = time.monotonic() + 30
	while time.monotonic() < end:
		with open(log) as f:
			if f.read().count(text) >= n:
				return True
		time.sleep(0.1)
	return False


def refused(port):
	"""The connection past the table: closed unanswered, or why not."""
	s = socket.create_connection(("127.0.0.1", port), 5)
	s.settimeout(5)
	try:
		s.sendall(S.frame(b"O", struct.pack(">III", 6, 0x1ff,
		    0x1fffff)))
		c, _ = S.read_frame(s)
		return "answered %r" % c
	except socket.timeout:
		return "no answer and not closed in 5 s"
	except (EOFError, ConnectionResetError):	# reset: OPTNEG unread
		return None
	finally:
		s.close()


def run(port, log):
	waiting = []
	try:
		for _ in range(TABLE):
			waiting.append(S.start(port, b"192.0.2.9", HEADERS))
	except (OSError, EOFError, RuntimeError) as e:
		return check("filled", False, "connection %d: %r" %
		    (len(waiting) + 1, e))
	p = select.poll()	# select() stops at descriptor 1024
	for s in waiting:
		p.register(s, select.POLLIN)
	answered = p.poll(0)
	if answered:
		return check("filled", False, "%d connections answered before "
		    "the table was full: filling it took longer than the "
		    "lookup's tries (about 10 s)" % len(answered))
	why = [refused(port) for _ in range(REFUSED)]
	ok = check("refused", why == [None] * REFUSED, repr(why))
	with open(log) as f:
		text = f.read()
	ok &= check("logged-once", text.count("connection refused: %d open, "
	    "the most there is room for, each waiting for DNS" % TABLE) == 1
	    and "closed after" not in text, "log:\n" + text[-2000:])
	for s in waiting:
		s.close()
	ok &= check("closed", logged(log, "closed mid-message", TABLE),
	    "the milter saw fewer than %d connections close" % TABLE)
	s, reply = emfile.hello(port, 5)
	s.close()
	ok &= check("served-after", reply is not None, "no reply in 5 s")
	return ok & check("counted", logged(log, "%d were refused while the "
	    "table was full" % REFUSED, 1), "no line counting the refusals")


def main():
	milter, conf, log = sys.argv[1:4]
	if not emfile.raise_nofile(NOFILE):
		check("descriptors", False, "a hard limit below the %d this "
		    "test needs: raise it (ulimit -Hn) or run as root" % NOFILE)
		return 1
	port = emfile.free_port()
	with open(log, "w") as out:
		p = subprocess.Popen([milter, "-l", "-p",
		    "inet:%d@127.0.0.1" % port, "-f", conf], stdout=out,
		    stderr=subprocess.STDOUT, preexec_fn=limit)
	ok = emfile.supervised(p, check, lambda: emfile.started(port),
	    lambda: run(port, log))
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
