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

"""refuse.py: configurations that cannot work are refused, at startup (exit
status 1, one message naming the place, the value, the rule and the fix)
and on SIGHUP (the same message, then the previous configuration is kept
and the next message is still signed with it).

usage: refuse.py [-v] FILTER KEYDIR

-v prints each transcript: the command or the reload, and what the filter
wrote to stderr. Prints PASS/FAIL lines.
"""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reload as R  # noqa: E402  (the same filter driver)


def unwritable_dir(tmp):
	"""A directory this user cannot make files in."""
	if os.geteuid() == 0:
		return "/proc"		# not even root can create files there
	d = os.path.join(tmp, "ro")
	os.mkdir(d, 0o555)
	return d


def emptied_key(tmp):
	"""A key file with nothing in it, as a botched rotation leaves
	one."""
	path = os.path.join(tmp, "emptied.key")
	open(path, "w").close()
	return path


def cases(tmp, keys):
	"""(name, config file text, regex of the message); each is broken."""
	ed = "example.test:ed:%s/ed.key" % keys
	return [
	    ("headers-without-from", "headers to:subject\n%s\n" % ed,
	     r":1: headers \"to:subject\": the header list does not name From"
	     r".*add from"),
	    ("spool-dir-missing", "spool-dir %s/none\n%s\n" % (tmp, ed),
	     r"spool-dir \"[^\"]*/none\": No such file or directory; create "
	     r"it"),
	    ("spool-dir-unwritable", "spool-dir %s\n%s\n" %
	     (unwritable_dir(tmp), ed),
	     r"spool-dir \"[^\"]*\": cannot make a file in it as uid \d+: .*; "
	     r"give that user write access"),
	    ("nul-byte", "mode sign\n%s\0\nexample.test:rsa:%s/rsa.key\n" %
	     (ed, keys),
	     r":2: a NUL byte at column \d+: a configuration file is text; "
	     r"remove it"),
	    ("same-selector-twice", "%s\nexample.test:ed:%s/rsa.key\n" %
	     (ed, keys),
	     r":2: example.test:ed is given twice \(also at [^)]*:1\): .*"
	     r"remove one"),
	    ("sign-without-key", "mode sign\n",
	     r":1: mode sign, but no key is given: .*add a "
	     r"DOMAIN:SELECTOR:KEYFILE line"),
	    ("engine-refuses-time", "fixed-time 1099511627776\n%s\n" % ed,
	     r"fixed-time 1099511627776 with expire 0: t= and x= must each "
	     r"fit in 12 digits"),
	    ("bad-value", "dns-timeout 0\n%s\n" % ed,
	     r":1: dns-timeout \"0\": want seconds, 1 to 600"),
	    ("key-emptied", "example.test:ed:%s\n" % emptied_key(tmp),
	     r":1: [^ ]*/emptied.key: key file is empty"),
	]


def check(name, ok, why=""):
	print("PASS filter:refuse:%s" % name if ok else
	    "FAIL filter:refuse:%s: %s" % (name, why))
	return ok


def write(path, text):
	with open(path, "w") as fp:
		fp.write(text)


def startup(prog, conf, regex, verbose, argv=None):
	"""Start the filter on a broken configuration: exit 1, the message."""
	cmd = [prog] + (argv if argv is not None else ["-f", conf])
	p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
	    stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=R.TIMEOUT)
	err = p.stderr.decode("latin-1")
	if verbose:
		print("$ filter-dkim %s\n%s(exit %d)" % (" ".join(cmd[1:]), err,
		    p.returncode))
	if p.returncode != 1:
		return "exit status %d, want 1" % p.returncode
	if not re.search(regex, err):
		return "no message like /%s/ in: %s" % (regex, err.strip())
	return None


def on_reload(f, conf, text, regex, keydir, verbose):
	"""Break the running filter's file, SIGHUP: the old one stays."""
	f.err.seek(0, os.SEEK_END)
	mark = f.err.tell()
	write(conf, text)
	f.p.send_signal(signal.SIGHUP)
	end = time.monotonic() + R.TIMEOUT
	err = ""
	while "reload failed: keeping the previous" not in err:
		if time.monotonic() > end:
			return "no reload-failed log line"
		time.sleep(0.02)
		f.err.seek(mark)
		err = f.err.read().decode("latin-1")
	if verbose:
		print("$ kill -HUP filter-dkim\n%s" % err, end="")
	if not re.search(regex, err):
		return "no message like /%s/ in: %s" % (regex, err.strip())
	R.write_conf(conf, keydir, "ed", "ed.key")	# for the next case
	got = R.selectors(f, 1)
	if got != ["ed"]:
		return "after the refused reload, s= %s, want ed" % got
	return None


def main():
	args = sys.argv[1:]
	verbose = args[:1] == ["-v"]
	if verbose:
		args = args[1:]
	prog, keydir = os.path.abspath(args[0]), os.path.abspath(args[1])
	ok = True
	with tempfile.TemporaryDirectory() as tmp:
		conf = os.path.join(tmp, "filter.conf")
		broken = cases(tmp, keydir)
		for name, text, regex in broken:
			write(conf, text)
			why = startup(prog, conf, regex, verbose)
			ok &= check("startup:" + name, why is None, why)
		for name, argv, regex in [
		    ("-h-without-from", ["-h", "to:subject",
		     "example.test:ed:%s/ed.key" % keydir],
		     r"-h: headers \"to:subject\": the header list does not "
		     r"name From"),
		    ("-m-sign-without-key", ["-m", "sign"],
		     r"-m: mode sign, but no key is given")]:
			why = startup(prog, conf, regex, verbose, argv)
			ok &= check("startup:" + name, why is None, why)
		R.write_conf(conf, keydir, "ed", "ed.key")
		f = R.Filter(prog, conf)
		try:
			f.handshake()
			f.send(R.report("link-connect", "localhost", "pass",
			    "127.0.0.1:47646", "127.0.0.1:25"))
			for name, text, regex in broken:
				why = on_reload(f, conf, text, regex, keydir,
				    verbose)
				ok &= check("reload:" + name, why is None,
				    why)
			f.send(R.report("link-disconnect"))
			f.p.stdin.close()
			ok &= check("exit-0", f.p.wait(R.TIMEOUT) == 0,
			    "exit status")
		except (RuntimeError, IndexError, subprocess.TimeoutExpired) as e:
			ok = check("protocol", False, str(e))
		finally:
			f.kill()
	return 0 if ok else 1


if __name__ == "__main__":
	sys.exit(main())
