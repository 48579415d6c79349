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
"""The stress run's MTA when it is Postfix (stress.py --milter): the
real Postfix of tests/postfix/postfix.py, with three dkimkit-milters,
one per listener, as stress.py has three filters in smtpd.

What each fault becomes here:
  - each milter runs with a low limit on open files: a connection from
    Postfix, or a DNS socket, then meets EMFILE;
  - the milters keep no copy of a message, so the tmpfs that fills up
    is Postfix's own queue (--spool is its queue_directory): Postfix
    must answer 4xx when it cannot store a message;
  - milter_default_action = tempfail, as dkimkit-milter(8) says, so a
    milter that fails or is unreachable costs a 4xx, never a message
    passed unsigned.
Deliveries: virtual(8) into one Maildir, counted in box/new. Postfix
retries deferred mail within a second or two, so that a delivery
deferred while the queue was full is not mistaken for a lost one."""

import os
import re
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "postfix"))

import postfix  # noqa: E402
import stress  # noqa: E402

# Descriptors: 0-2, the listening socket and the resolver's, a few for
# a reload, and Postfix's connections: each client keeps one SMTP
# session per path open, so up to --parallel (12) per milter, more than
# these leave room for.
FD_LIMIT = {"sign": 14, "vgood": 15, "vfault": 16}
PARAMS = (
	("milter_default_action", "tempfail"),
	("milter_protocol", "6"),
	# a milter out of descriptors accepts again once a connection ends
	("milter_connect_timeout", "10s"),
	("milter_command_timeout", "10s"),
	# Postfix accepts a message only with 1.5 times this free in its
	# queue: the largest message sent, and room to spare
	("message_size_limit", "1048576"),
	("in_flow_delay", "0"),
	("queue_run_delay", "1s"),
	("minimal_backoff_time", "1s"),
	("maximal_backoff_time", "2s"),
)


class PostfixMTA:
	NAME, DAEMON = "Postfix", "milter"
	# Postfix refuses MAIL (452) with less than 1.5 times
	# message_size_limit (1 MiB) free; past that, a queue file meets ENOSPC
	# mid-DATA when several large messages come in at once
	BALLAST_LEAVE = 10 * 1024 * 1024

	def __init__(self, a, confs, dns, reports):
		self.a, self.confs, self.reports = a, confs, reports
		queue = os.path.normpath(a.spool)
		if os.path.basename(queue) != "queue":
			raise ValueError("--spool must be DIR/queue: Postfix's "
			    "queue_directory under its work dir DIR")
		self.resolvers = {"sign": None, "vgood": dns[0],
		    "vfault": dns[1]}
		self.mports = {k: postfix.free_port() for k in stress.KINDS}
		self.ports = {k: postfix.free_port() for k in stress.KINDS}
		self.procs = {}
		self.pids = {}
		postfix.ensure_postfix(a.postfix_root)
		postfix.ensure_accounts()
		self.pf = postfix.Postfix(a.postfix_root, os.path.dirname(queue),
		    [], PARAMS)
		with open(self.pf.conf + "/master.cf", "a") as f:
			for k in stress.KINDS:
				f.write("127.0.0.1:%d inet n - n - - smtpd\n"
				    "  -o smtpd_milters=inet:127.0.0.1:%d\n" % (
				    self.ports[k], self.mports[k]))
		self.outdir = self.pf.box + "/new"

	def milter(self, kind):
		a = self.a
		cmd = [a.milter, "-l", "-p", "inet:%d@127.0.0.1" %
		    self.mports[kind], "-m", "sign" if kind == "sign" else
		    "verify", "-A", stress.AUTHSERV, "-f", self.confs[kind][0]]
		if self.resolvers[kind]:
			cmd += ["--resolver", self.resolvers[kind]]
		env = dict(os.environ)
		for v in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
			env[v] = (env[v] + ":" if env.get(v) else "") + \
			    "log_path=" + os.path.join(self.reports, kind)
		lim = FD_LIMIT[kind]
		with open(os.path.join(a.work, "milter-%s.log" % kind),
		    "ab") as log:
			return subprocess.Popen(cmd, stdout=log, stderr=log,
			    env=env, preexec_fn=lambda: resource.setrlimit(
			    resource.RLIMIT_NOFILE, (lim, lim)))

	def start(self):
		"""Raises RuntimeError when Postfix or a milter did not
		start."""
		for k in stress.KINDS:
			self.procs[k] = self.milter(k)
			self.pids[k] = self.procs[k].pid
		end = time.time() + 30
		while time.time() < end and not all(stress.catches_hup(p) and
		    postfix.wait_port(self.mports[k], 0.1)
		    for k, p in self.pids.items()):
			if any(p.poll() is not None for p in self.procs.values()):
				break
			time.sleep(0.05)
		if not all(stress.catches_hup(p) for p in self.pids.values()):
			raise RuntimeError("milters not all ready: " + self.logs())
		self.pf.start()
		if not all(postfix.wait_port(p, 15) for p in self.ports.values()):
			raise RuntimeError("Postfix does not listen:\n" +
			    self.pf.log()[-3000:])

	def logs(self):
		out = []
		for k in stress.KINDS:
			try:
				with open(os.path.join(self.a.work,
				    "milter-%s.log" % k), errors="replace") as f:
					out.append(f.read())
			except OSError:
				pass
		return "\n".join(out)

	def alive(self):
		return self.pf.master_pid() is not None

	def wait_delivered(self, n, timeout):
		return len(self.pf.wait_delivered(n, timeout))

	def exits(self):
		return {k for k, p in self.procs.items() if p.poll() is not None}

	def alarms(self):
		"""Sanitizer reports or fatal lines in a milter's log, and
		Postfix's panics, fatal errors and milter protocol faults."""
		return re.findall(r"^.*(?:Sanitizer|runtime error:|fatal).*$",
		    self.logs(), re.M) + re.findall(r"^.*(?:panic:|fatal:|"
		    r"milter.* (?:unexpected|unknown|bad|malformed)).*$",
		    self.pf.log(), re.M)

	def stop(self):
		self.pf.stop()
		for p in self.procs.values():
			if p.poll() is None:
				p.terminate()
				p.wait(10)
