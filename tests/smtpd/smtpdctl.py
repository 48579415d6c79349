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

"""A real smtpd (Debian's opensmtpd 6.8) on loopback, for the tests.

Facts this relies on, all met on Debian 12:
- smtpd must start as root; it runs proc-exec filters as `opensmtpd`, so
  the filter, its keys and every folder above them must be readable by
  that user. It refuses to deliver as root: the mda runs as `nobody`.
- Every smtpd shares /var/spool/smtpd and /var/run/smtpd.sock, so only one
  may run, and mail left in the queue is delivered by the next one: the
  queue is cleared before a run, and after it.
- smtpd listens only once every filter has sent register|ready. Probing
  the port would open a session in the filter, so /proc/net/tcp is read.
- A filter that exits, or writes a bad line, takes smtpd down: "alive at
  the end" is a real check.
"""

import os
import re
import shutil
import signal
import smtplib
import socket
import subprocess
import time

SMTPD = "/usr/sbin/smtpd"
SPOOL = "/var/spool/smtpd"
QUEUE_DIRS = ("queue", "incoming", "corrupt", "temporary", "purge")
START_TIMEOUT = 30
STOP_TIMEOUT = 20


def is_opensmtpd(pid):
	"""Whether process pid runs SMTPD. Postfix's SMTP server is also
	named smtpd, and runs beside ours in the Postfix tests; a process we
	may not look into counts as ours."""
	try:
		exe = os.readlink("/proc/%s/exe" % pid)
	except OSError:
		return True
	if exe.endswith(" (deleted)"):	# upgraded while it runs
		exe = exe[:-len(" (deleted)")]
	return os.path.realpath(exe) == os.path.realpath(SMTPD)


def smtpd_pids():
	"""Live OpenSMTPD processes on this machine (zombies do not count)."""
	pids = []
	for pid in filter(str.isdigit, os.listdir("/proc")):
		try:
			with open("/proc/%s/stat" % pid) as f:
				stat = f.read()
		except OSError:
			continue
		name = stat[stat.find("(") + 1:stat.rfind(")")]
		if name == "smtpd" and stat[stat.rfind(")") + 2] != "Z" and \
		    is_opensmtpd(pid):
			pids.append(int(pid))
	return pids


def clear_queue():
	"""Remove every queued message; only while no smtpd runs. Returns how
	many entries were removed."""
	n = 0
	for d in QUEUE_DIRS:
		top = os.path.join(SPOOL, d)
		if not os.path.isdir(top):
			continue
		for e in os.listdir(top):
			shutil.rmtree(os.path.join(top, e), ignore_errors=True)
			n += 1
	return n


def free_port(addr="127.0.0.1"):
	s = socket.socket()
	s.bind((addr, 0))
	port = s.getsockname()[1]
	s.close()
	return port


def listening(port):
	want = "0100007F:%04X" % port
	with open("/proc/net/tcp") as f:
		for line in f.readlines()[1:]:
			fields = line.split()
			if fields[1] == want and fields[3] == "0A":
				return True
	return False


def dns_wait(addr, port, name, timeout=10):
	"""True once a DNS server on addr:port answers a TXT query for name
	with NOERROR and an answer (RFC 1035 §4.1: header, then question)."""
	qname = b"".join(bytes([len(l)]) + l for l in
	    name.encode().split(b".")) + b"\0"
	query = bytes.fromhex("abcd01000001000000000000") + qname + \
	    bytes.fromhex("00100001")
	end = time.time() + timeout
	while time.time() < end:
		s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
		s.settimeout(0.2)
		try:
			s.sendto(query, (addr, port))
			reply = s.recv(4096)
			if reply[:2] == b"\xab\xcd" and reply[3] & 0x0f == 0 \
			    and reply[6:8] != b"\0\0":
				return True
		except OSError:
			time.sleep(0.1)
		finally:
			s.close()
	return False


class Smtpd:
	"""One smtpd -d with the given smtpd.conf text; its log in WORK."""

	def __init__(self, work, conf_text, ports):
		self.work, self.ports = work, ports
		self.conf = os.path.join(work, "smtpd.conf")
		self.log = os.path.join(work, "smtpd.log")
		with open(self.conf, "w") as f:
			f.write(conf_text)
		self.proc = None

	def start(self):
		if smtpd_pids():
			raise RuntimeError("another smtpd is running (pid %s); "
			    "only one may run at a time" % smtpd_pids())
		chk = subprocess.run([SMTPD, "-n", "-f", self.conf],
		    capture_output=True, text=True)
		if chk.returncode != 0:
			raise RuntimeError("smtpd -n: " + chk.stdout + chk.stderr)
		clear_queue()
		with open(self.log, "wb") as log:
			self.proc = subprocess.Popen([SMTPD, "-d", "-f",
			    self.conf], stdout=log, stderr=subprocess.STDOUT)
		end = time.time() + START_TIMEOUT
		while time.time() < end and self.alive() and \
		    not all(listening(p) for p in self.ports):
			time.sleep(0.05)
		if not all(listening(p) for p in self.ports):
			self.stop()
			raise RuntimeError("smtpd did not start:\n" +
			    self.logtext()[-3000:])

	def alive(self):
		return self.proc is not None and self.proc.poll() is None

	def stop(self):
		"""SIGTERM to our smtpd, by pid; then the queue is cleared."""
		if self.proc is None:
			return
		if self.proc.poll() is None:
			self.proc.send_signal(signal.SIGTERM)
			try:
				self.proc.wait(STOP_TIMEOUT)
			except subprocess.TimeoutExpired:
				self.proc.kill()
				self.proc.wait()
		# its children finish their own shutdown just after
		end = time.time() + 5
		while smtpd_pids() and time.time() < end:
			time.sleep(0.1)
		clear_queue()

	def logtext(self):
		with open(self.log, "rb") as f:
			return f.read().decode(errors="replace")

	def delivered(self):
		return len(re.findall(r"mda delivery .* result=Ok",
		    self.logtext()))

	def wait_delivered(self, n, timeout):
		end = time.time() + timeout
		while self.delivered() < n and time.time() < end and \
		    self.alive():
			time.sleep(0.05)
		return self.delivered()


def send_all(port, msgs, source="127.0.0.1", per_session=50,
    rcpt="root@localhost", mailfrom="alice@example.test"):
	"""Send every message over SMTP; a fresh session every per_session.
	Returns (accepted, [(index, reply code or error)])."""
	accepted, failed, conn = 0, [], None
	for i, m in enumerate(msgs):
		try:
			if conn is None or i % per_session == 0:
				if conn is not None:
					conn.quit()
				conn = smtplib.SMTP(
				    local_hostname="client.example.test",
				    timeout=60, source_address=(source, 0))
				conn.connect("127.0.0.1", port)
			conn.sendmail(mailfrom, [rcpt], m)
			accepted += 1
		except smtplib.SMTPResponseException as e:
			failed.append((i, e.smtp_code))
			conn = None
		except (smtplib.SMTPException, OSError) as e:
			failed.append((i, repr(e)))
			conn = None
	if conn is not None:
		conn.quit()
	return accepted, failed


def disconnect_mid_data(port, msg, source="127.0.0.1"):
	"""A client that sends DATA and part of a message, then vanishes."""
	s = socket.create_connection(("127.0.0.1", port), timeout=30,
	    source_address=(source, 0))
	f = s.makefile("rb")

	def cmd(line):
		s.sendall(line + b"\r\n")
		while True:
			reply = f.readline()
			if reply[3:4] != b"-":
				return reply
	f.readline()
	cmd(b"EHLO client.example.test")
	cmd(b"MAIL FROM:<alice@example.test>")
	cmd(b"RCPT TO:<root@localhost>")
	if not cmd(b"DATA").startswith(b"354"):
		raise RuntimeError("DATA refused")
	s.sendall(msg[:len(msg) // 2])
	time.sleep(0.01)
	s.close()
