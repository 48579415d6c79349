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
"""A real Postfix (Debian's 3.7, unpacked, never installed) on loopback,
with one milter, delivering every message into one Maildir.

Why unpacked: Debian's postfix and opensmtpd packages conflict (both are
the mail-transport-agent), so Postfix runs from a private copy beside an
installed smtpd: `apt-get download postfix` and `dpkg-deb -x`. Its
binaries have RUNPATH /usr/lib/postfix, hence LD_LIBRARY_PATH, which
master passes on through import_environment. main.cf points the
command, daemon, shlib and meta directories at the unpacked tree and the
queue and data directories at a work dir; the log goes to a file (no
syslog), and export_environment passes LD_LIBRARY_PATH on from
sendmail(1) to postdrop. virtual(8) delivers every recipient into one Maildir as nobody;
virtual_mailbox_limit 0 keeps it from refusing to start. Needs root.
Callers hold /tmp/postfix.lock (flock) around every run."""

import glob
import grp
import os
import pwd
import shutil
import signal
import smtplib
import socket
import subprocess
import tempfile
import time

MASTER_CF = """\
127.0.0.1:{port} inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"""


def free_port():
	with socket.socket() as s:
		s.bind(("127.0.0.1", 0))
		return s.getsockname()[1]


def wait_port(port, secs):
	end = time.time() + secs
	while time.time() < end:
		try:
			socket.create_connection(("127.0.0.1", port), 0.5).close()
			return True
		except OSError:
			time.sleep(0.1)
	return False


def ensure_postfix(root):
	if os.path.exists(root + "/usr/lib/postfix/sbin/master"):
		return
	os.makedirs(root, exist_ok=True)
	dl = tempfile.mkdtemp(prefix="postfix-deb.")
	os.chmod(dl, 0o755)	# apt's download user must write here
	subprocess.run(["apt-get", "download", "-q", "postfix"], cwd=dl,
	    check=True, stdout=subprocess.DEVNULL)
	deb = glob.glob(dl + "/postfix_*.deb")[0]
	subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
	shutil.rmtree(dl)


def ensure_accounts():
	for g in ("postfix", "postdrop"):
		try:
			grp.getgrnam(g)
		except KeyError:
			subprocess.run(["groupadd", "-r", g], check=True)
	try:
		pwd.getpwnam("postfix")
	except KeyError:
		subprocess.run(["useradd", "-r", "-M", "-g", "postfix", "-d",
		    "/nonexistent", "-s", "/usr/sbin/nologin", "postfix"],
		    check=True)


class Postfix:
	def __init__(self, root, work, milter_lines, params=()):
		self.root, self.work = root, work
		self.port = free_port()
		self.lib = root + "/usr/lib/postfix"
		self.env = dict(os.environ, LD_LIBRARY_PATH=self.lib)
		self.conf = work + "/conf"
		self.box = work + "/mail/box"
		self._configure(milter_lines, params)
		self.env["MAIL_CONFIG"] = self.conf

	def _configure(self, milter_lines, params):
		w = self.work
		queue, data, mail = w + "/queue", w + "/data", w + "/mail"
		for d in (self.conf, queue, data, mail):
			os.makedirs(d, exist_ok=True)
		nobody = pwd.getpwnam("nobody")
		os.chown(data, pwd.getpwnam("postfix").pw_uid, -1)
		os.chown(mail, nobody.pw_uid, nobody.pw_gid)
		for f in ("postfix-files", "postfix-script", "post-install"):
			shutil.copy(self.root + "/etc/postfix/" + f, self.conf)
		shutil.copytree(self.root + "/etc/postfix/postfix-files.d",
		    self.conf + "/postfix-files.d", dirs_exist_ok=True)
		lines = [
		    "compatibility_level = 3.6",
		    "queue_directory = " + queue,
		    "data_directory = " + data,
		    "command_directory = " + self.root + "/usr/sbin",
		    "daemon_directory = " + self.lib + "/sbin",
		    "shlib_directory = " + self.lib,
		    "meta_directory = " + self.conf,
		    "mail_owner = postfix",
		    "setgid_group = postdrop",
		    "import_environment = MAIL_CONFIG MAIL_DEBUG MAIL_LOGTAG "
		    "TZ LANG=C LD_LIBRARY_PATH=" + self.lib,
		    # sendmail(1) runs postdrop with these only
		    "export_environment = TZ MAIL_CONFIG LANG LD_LIBRARY_PATH",
		    "maillog_file = " + w + "/maillog",
		    "maillog_file_prefixes = " + w,
		    "myhostname = mx.example.test",
		    "mydestination =",
		    "inet_interfaces = 127.0.0.1",
		    "inet_protocols = ipv4",
		    "mynetworks = 127.0.0.0/8",
		    "smtpd_relay_restrictions = permit_mynetworks, reject",
		    "alias_maps =",
		    "alias_database =",
		    "smtputf8_enable = no",
		    "biff = no",
		    "virtual_mailbox_domains = static:all",
		    "virtual_mailbox_base = " + mail,
		    "virtual_mailbox_maps = static:box/",
		    "virtual_uid_maps = static:%d" % nobody.pw_uid,
		    "virtual_gid_maps = static:%d" % nobody.pw_gid,
		    "virtual_minimum_uid = 1",
		    "message_size_limit = 104857600",
		    "virtual_mailbox_limit = 0",
		] + list(milter_lines)
		# a parameter given twice makes every process log a warning as
		# it starts, postlogd too, to its own socket: with the socket's
		# queue full of the others' warnings, postlogd then blocks for
		# good, and every process that logs after it
		for name, value in params:
			line = "%s = %s" % (name, value)
			at = [i for i, l in enumerate(lines) if
			    l.split(" =")[0] == name]
			if at:
				lines[at[0]] = line
			else:
				lines.append(line)
		with open(self.conf + "/main.cf", "w") as f:
			f.write("\n".join(lines) + "\n")
		with open(self.conf + "/master.cf", "w") as f:
			f.write(MASTER_CF.format(port=self.port))

	def _postfix(self, verb):
		return subprocess.run([self.root + "/usr/sbin/postfix", "-c",
		    self.conf, verb], env=self.env, stdout=subprocess.PIPE,
		    stderr=subprocess.STDOUT)

	def start(self):
		r = self._postfix("start")
		if not wait_port(self.port, 15):
			raise RuntimeError("postfix did not start: " +
			    r.stdout.decode(errors="replace"))

	def master_pid(self):
		try:
			with open(self.work + "/queue/pid/master.pid") as f:
				pid = int(f.read().split()[0])
			os.kill(pid, 0)
			return pid
		except (OSError, ValueError, IndexError):
			return None

	def stop(self):
		self._postfix("stop")
		pid = self.master_pid()
		if pid:
			os.kill(pid, signal.SIGKILL)
		for pid in self.leftovers():
			try:
				os.kill(pid, signal.SIGKILL)
			except ProcessLookupError:
				pass

	def leftovers(self):
		"""Pids of this Postfix's processes still there, which a killed
		master leaves behind (an smtpd blocked on its log socket stays
		for good): their working directory is its queue."""
		queue = os.path.realpath(self.work + "/queue")
		pids = []
		for pid in filter(str.isdigit, os.listdir("/proc")):
			try:
				cwd = os.readlink("/proc/%s/cwd" % pid)
			except OSError:
				continue
			if cwd == queue or cwd.startswith(queue + "/"):
				pids.append(int(pid))
		return pids

	def smtp(self, source=None):
		s = smtplib.SMTP("127.0.0.1", self.port, timeout=120,
		    source_address=(source, 0) if source else None)
		s.ehlo("client.example.test")
		return s

	def sendmail(self, msg):
		"""Submit through Postfix's sendmail(1): non_smtpd_milters."""
		p = subprocess.run([self.root + "/usr/sbin/sendmail", "-C",
		    self.conf, "-f", "alice@example.test", "-i",
		    "bob@example.net"], input=msg.replace(b"\r\n", b"\n"),
		    env=self.env, stdout=subprocess.PIPE,
		    stderr=subprocess.STDOUT)
		return p.returncode, p.stdout

	def delivered(self):
		return sorted(glob.glob(self.box + "/new/*"),
		    key=os.path.getmtime)

	def wait_delivered(self, n, secs=60):
		end = time.time() + secs
		while time.time() < end:
			got = self.delivered()
			if len(got) >= n:
				return got
			time.sleep(0.1)
		return self.delivered()

	def log(self):
		try:
			with open(self.work + "/maillog", errors="replace") as f:
				return f.read()
		except OSError:
			return ""
