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
"""listen.py MILTER CONF LOG: how the milter listens. inet6:PORT takes
IPv6 only, as the man page says "every address of its family": the
same port on 127.0.0.1 stays free; a v4-mapped address still works. A
port in use is refused at start, with what to do. A soft descriptor
limit below a full table and its key lookups is raised to what they
need, as far as the hard limit allows. The milters' output goes to
LOG. Prints PASS/FAIL lines."""

import resource
import socket
import subprocess
import sys
import time

sys.dont_write_bytecode = True	# no __pycache__ in the checkout
import emfile  # noqa: E402  (free_port, logged)

NOFILE_WANT = 1024 + 256 + 32	# table, lookups, slack (main.c)


def check(name, ok, why):
	print(("PASS milter:%s" if ok else "FAIL milter:%s: " + why) % name)
	return ok


def start(milter, conf, log, spec, preexec=None):
	with open(log, "a") as out:
		return subprocess.Popen([milter, "-l", "-p", spec, "-f", conf],
		    stdout=out, stderr=subprocess.STDOUT, preexec_fn=preexec)


def stop(p):
	p.terminate()
	p.wait()


def connects(family, addr, port):
	s = socket.socket(family)
	s.settimeout(2)
	try:
		s.connect((addr, port))
		return True
	except OSError:
		return False
	finally:
		s.close()


def inet6_only(milter, conf, log):
	if not socket.has_ipv6 or not connects_v6_loopback():
		print("SKIP milter:inet6-only: no IPv6 loopback here")
		return True
	port = emfile.free_port()
	p = start(milter, conf, log, "inet6:%d" % port)
	try:
		up = emfile.logged(log, "listening on inet6:%d" % port, p)
		ok = check("inet6-only", up and connects(socket.AF_INET6, "::1",
		    port) and not connects(socket.AF_INET, "127.0.0.1", port),
		    "listening %s; IPv4 connects: %s" % (up, connects(
		    socket.AF_INET, "127.0.0.1", port)))
	finally:
		stop(p)
	return ok


def inet6_mapped(milter, conf, log):
	"""A v4-mapped address is IPv4 through an IPv6 socket: it works."""
	if not socket.has_ipv6 or not connects_v6_loopback():
		print("SKIP milter:inet6-mapped: no IPv6 here")
		return True
	port = emfile.free_port()
	p = start(milter, conf, log, "inet6:%d@[::ffff:127.0.0.1]" % port)
	try:
		up = emfile.logged(log, "listening on inet6:%d@" % port, p)
		ok = check("inet6-mapped", up and connects(socket.AF_INET,
		    "127.0.0.1", port), "listening %s, exit %s" % (up, p.poll()))
	finally:
		stop(p)
	return ok


def connects_v6_loopback():
	s = socket.socket(socket.AF_INET6)
	try:
		s.bind(("::1", 0))
		return True
	except OSError:
		return False
	finally:
		s.close()


def port_in_use(milter, conf, log):
	holder = socket.socket()
	holder.bind(("127.0.0.1", 0))
	holder.listen(1)
	port = holder.getsockname()[1]
	p = start(milter, conf, log, "inet:%d@127.0.0.1" % port)
	try:
		rc = p.wait(10)
	except subprocess.TimeoutExpired:
		stop(p)
		rc = None
	holder.close()
	with open(log) as f:
		text = f.read()
	return check("port-in-use", rc == 1 and "Address already in use; "
	    "stop the program listening there, or choose another -p" in text,
	    "exit %s; log:\n%s" % (rc, text[-600:]))


def nofile_raised(milter, conf, log):
	hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
	want = NOFILE_WANT if hard == resource.RLIM_INFINITY else \
	    min(hard, NOFILE_WANT)
	port = emfile.free_port()
	p = start(milter, conf, log, "inet:%d@127.0.0.1" % port,
	    lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard)))
	try:
		soft = None
		if emfile.logged(log, "listening on inet:%d" % port, p):
			with open("/proc/%d/limits" % p.pid) as f:
				for line in f:
					if line.startswith("Max open files"):
						soft = int(line.split()[3])
	finally:
		stop(p)
	return check("nofile-raised", soft == want,
	    "soft limit %s, want %d" % (soft, want))


def main():
	milter, conf, log = sys.argv[1:4]
	open(log, "w").close()
	ok = inet6_only(milter, conf, log)
	ok &= inet6_mapped(milter, conf, log)
	ok &= port_in_use(milter, conf, log)
	ok &= nofile_raised(milter, conf, log)
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
