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

"""valgrind.py: filter-dkim under valgrind inside smtpd, 1,000 messages.

usage: valgrind.py --filter PATH --dkimkit PATH --work DIR --knot-keys DIR
                   --dns ADDR:PORT [--count N]

One filter in auto mode whose internal networks are 127.0.0.1/32 only:
mail from 127.0.0.1 is signed (RSA and Ed25519), mail from 127.0.0.2 is
verified (messages signed by dkimpy, intact or altered, keys from the
loopback DNS server). Every DISCONNECT_EVERY-th message is a client that
vanishes in the middle of DATA. The filter's RSS is sampled every SAMPLE
messages. At the end smtpd is stopped, the filter reads EOF and exits,
and valgrind's report must show no errors and nothing lost (definitely,
indirectly or possibly), and the RSS curve must be flat over the second
half of the run.
"""

import argparse
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import check  # noqa: E402
import smtpdctl  # noqa: E402

DISCONNECT_EVERY = 10
SAMPLE = 100
# RSS growth allowed over the second half of the run
FLAT_KIB = 1024
# memcheck keeps freed blocks out of use up to --freelist-vol (20 MB by
# default), which alone makes RSS climb for the first ~800 messages; a
# small quarantine lets the curve show the filter's own memory
FREELIST_VOL = 1000000
VALGRIND = ["/usr/bin/valgrind", "--freelist-vol=%d" % FREELIST_VOL,
    "--leak-check=full",
    "--show-leak-kinds=definite,indirect,possible",
    "--errors-for-leak-kinds=definite,indirect,possible",
    "--track-fds=no", "--error-exitcode=99"]


def rss_kib(pid):
	with open("/proc/%d/status" % pid) as f:
		for line in f:
			if line.startswith("VmRSS:"):
				return int(line.split()[1])
	return -1


def filter_pid(work, wait=30):
	"""The valgrind process running our filter: only its command line
	holds both our key folder and --log-file. smtpd may listen before it
	has started its filters, and valgrind is slow to start on a busy
	machine: look again for up to wait seconds."""
	marker = os.path.join(work, "keys").encode()
	end = time.time() + wait
	while True:
		for pid in filter(str.isdigit, os.listdir("/proc")):
			try:
				with open("/proc/%s/cmdline" % pid, "rb") as f:
					cmd = f.read()
			except OSError:
				continue
			if marker in cmd and b"--log-file=" in cmd:
				return int(pid)
		if time.time() >= end:
			return None
		time.sleep(0.1)


def conf(a, work, keyargs, port, out, vglog):
	nets = os.path.join(work, "inside.conf")
	with open(nets, "w") as f:
		f.write("internal-networks 127.0.0.1/32\n")
	os.chmod(nets, 0o644)
	cmd = "%s --log-file=%s %s -A %s --resolver %s -f %s %s" % (
	    " ".join(VALGRIND), vglog, a.filter, check.AUTHSERV, a.dns, nets,
	    " ".join(keyargs))
	return "\n".join([
	    'filter dkvg proc-exec "%s"' % cmd,
	    "listen on 127.0.0.1 port %d filter dkvg" % port,
	    'action "deliver" mda "/bin/sh -c \'cat > %s/msg.$$\'" user '
		'nobody' % out,
	    'match from any for any action "deliver"', ""])


def drive(port, sign_msgs, verify_msgs, count, pid):
	"""Send count messages in rounds of SAMPLE; returns (accepted,
	disconnects, refused, RSS samples)."""
	samples, acc, cut, refused = [], 0, 0, []
	for start in range(0, count, SAMPLE):
		batch_sign, batch_verify = [], []
		for i in range(start, min(count, start + SAMPLE)):
			if i % DISCONNECT_EVERY == DISCONNECT_EVERY - 1:
				smtpdctl.disconnect_mid_data(port,
				    sign_msgs[i % len(sign_msgs)])
				cut += 1
			elif i % 2:
				batch_verify.append(verify_msgs[i %
				    len(verify_msgs)])
			else:
				batch_sign.append(sign_msgs[i % len(sign_msgs)])
		n, bad = smtpdctl.send_all(port, batch_sign)
		acc, refused = acc + n, refused + bad
		n, bad = smtpdctl.send_all(port, batch_verify,
		    source="127.0.0.2")
		acc, refused = acc + n, refused + bad
		samples.append((min(count, start + SAMPLE), rss_kib(pid)))
	return acc, cut, refused, samples


def leaks(vglog_dir):
	"""(ok, summary lines) from every valgrind log in the folder."""
	text = ""
	for f in sorted(os.listdir(vglog_dir)):
		with open(os.path.join(vglog_dir, f), errors="replace") as fh:
			text += fh.read()
	want = [r"ERROR SUMMARY: 0 errors", r"All heap blocks were freed|"
	    r"definitely lost: 0 bytes in 0 blocks"]
	ok = bool(text) and all(re.search(w, text) for w in want) and \
	    not re.search(r"(definitely|indirectly|possibly) lost: [1-9]",
	    text)
	summary = [l for l in text.splitlines() if re.search(
	    r"ERROR SUMMARY|lost:|in use at exit|freed", l)]
	return ok, summary, text


def main():
	ap = argparse.ArgumentParser()
	for o in ("--filter", "--dkimkit", "--work", "--knot-keys", "--dns"):
		ap.add_argument(o, required=True)
	ap.add_argument("--count", type=int, default=1000)
	a = ap.parse_args()
	out = os.path.join(a.work, "delivered")
	vgdir = os.path.join(a.work, "vg")
	for d in (out, vgdir):
		os.makedirs(d)
		os.chmod(d, 0o777)
	keyargs, _ = check.make_keys(a, os.path.join(a.work, "keys"))
	msgs = check.genmsgs(a.work, 100)
	sign_msgs = [m for _, m, _ in msgs]
	verify_msgs = [m for _, _, _, m in check.verify_msgs(msgs,
	    a.knot_keys, 3)]
	port = smtpdctl.free_port()
	srv = smtpdctl.Smtpd(a.work, conf(a, a.work, keyargs, port, out,
	    os.path.join(vgdir, "vg.%p.log")), [port])
	try:
		srv.start()
	except RuntimeError as e:
		check.result("valgrind:start", False, str(e))
		return 1
	try:
		pid = filter_pid(a.work)
		if pid is None:
			check.result("valgrind:filter", False, "no filter "
			    "process found")
			return 1
		t0 = time.time()
		acc, cut, refused, samples = drive(port, sign_msgs,
		    verify_msgs, a.count, pid)
		n = srv.wait_delivered(acc, 300)
		print("   %d messages in %.0f s: %d accepted, %d delivered, %d "
		    "clients gone mid-DATA" % (a.count, time.time() - t0, acc,
		    n, cut))
		print("   filter RSS (KiB) after N messages: " + ", ".join(
		    "%d:%d" % s for s in samples))
		check.result("valgrind:delivered", n == acc and not refused,
		    "%d of %d delivered; refused %s" % (n, acc, refused[:5]))
		check.result("valgrind:alive", srv.alive(), "smtpd is gone")
		half = [r for _, r in samples[len(samples) // 2:]]
		check.result("valgrind:flat-rss", max(half) - half[0] <=
		    FLAT_KIB, "RSS grew %d KiB over the second half" %
		    (max(half) - half[0]))
	finally:
		srv.stop()
	# the filter reads EOF when smtpd stops; valgrind then writes its log
	end = time.time() + 60
	while filter_pid(a.work) is not None and time.time() < end:
		time.sleep(0.5)
	ok, summary, text = leaks(vgdir)
	for line in summary:
		print("   " + line)
	if not ok:
		print(text[-4000:])
	check.result("valgrind:no-leaks-no-errors", ok, "see valgrind's "
	    "report above")
	return 1 if check.FAILED else 0


if __name__ == "__main__":
	sys.exit(main())
