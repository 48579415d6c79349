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
# bench/report.py DIR: the table of `make bench`, from the RESULT lines
# of DIR/LIB.txt for dkimkit, each peer and "limits" (LIB OP ALG SIZE
# ITERATIONS WALL_S CPU_S). For each
# cell (operation, algorithm, message size): dkimkit's messages per
# CPU-second and MB/s, every peer's, the ratio to the best peer, and the
# share of the hardware limit that dkimkit reaches. The limit comes from
# the "limit" lines of bench/bench_limits.c, measured in the same run:
# a message of S bytes costs at least one SHA-256 pass over it + one key
# operation, measured as such for each cell alongside it (else made of
# the parts: S / SHA-256 rate + 1 / key-operation rate). A cell with
# several lines counts their iterations over their CPU time. Writes DIR/results.md and, when gnuplot is there, one chart
# per operation and algorithm (DIR/OP-ALG.svg and .png: messages per
# second against message size, log scales, one line per implementation).

import os
import shutil
import subprocess
import sys

US = "dkimkit"
PEERS = ("libopendkim", "dkimpy", "mail-dkim", "go-msgauth")


def load(d):
	runs, na = {}, set()
	for lib in (US, "limits") + PEERS:
		path = os.path.join(d, lib + ".txt")
		if not os.path.exists(path):
			continue
		with open(path) as f:
			for line in f:
				w = line.split()
				if len(w) == 8 and w[0] == "RESULT":
					# a cell measured twice counts as one
					k = w[1], w[2], w[3], int(w[4])
					n, cpu = runs.get(k, (0, 0.0))
					runs[k] = n + int(w[5]), cpu + float(w[7])
				elif len(w) == 3 and w[0] == "NA":
					na.add((w[1], w[2]))
	return {k: n / cpu for k, (n, cpu) in runs.items()}, na


def limit(rate, op, alg, size):
	"""Messages per second at the limit, or None when not measured: the
	cell's own limit, taken alongside it, else made of the parts."""
	if ("limit", op, alg, size) in rate:
		return rate["limit", op, alg, size]
	sha = rate.get(("limit", "hash", "sha256", 1048576))
	key = rate.get(("limit", op, alg, 0))
	if sha is None or key is None:
		return None
	return 1 / (size * sha ** -1 / 1048576 + 1 / key)


def human(size):
	return "%d MiB" % (size >> 20) if size >= 1 << 20 else \
	    "%d KiB" % (size >> 10)


def cells(rate):
	keys = sorted({(op, alg, size) for (lib, op, alg, size) in rate
	    if lib == US}, key=lambda k: (k[1] != "rsa-sha256", k[0], k[2]))
	for op, alg, size in keys:
		ours = rate[US, op, alg, size]
		peers = {p: rate[p, op, alg, size] for p in PEERS
		    if (p, op, alg, size) in rate}
		best = max(peers, key=peers.get) if peers else None
		lim = limit(rate, op, alg, size)
		yield {"op": op, "alg": alg, "size": size, "ours": ours,
		    "peers": peers, "best": best,
		    "ratio": ours / peers[best] if best else None,
		    "limit": 100 * ours / lim if lim else None}


def fmt(x, spec):
	return "n/a" if x is None else spec % x


def table(rows, peers):
	head = ["op", "algorithm", "size", "dkimkit msg/s", "MB/s"] + \
	    ["%s msg/s" % p for p in peers] + \
	    ["best peer", "ratio", "% of limit"]
	out = ["| " + " | ".join(head) + " |",
	    "|" + "---|" * len(head)]
	for r in rows:
		cols = [r["op"], r["alg"], human(r["size"]),
		    "%.1f" % r["ours"], "%.1f" % (r["ours"] * r["size"] / 1e6)]
		cols += [fmt(r["peers"].get(p), "%.1f") for p in peers]
		cols += [r["best"] or "none", fmt(r["ratio"], "%.2f"),
		    fmt(r["limit"], "%.0f%%")]
		out.append("| " + " | ".join(cols) + " |")
	return out


def chart(d, rate, op, alg):
	libs = [US] + [p for p in PEERS if any(k[:3] == (p, op, alg)
	    for k in rate)]
	sizes = sorted({k[3] for k in rate if k[:3] == (US, op, alg)})
	name = os.path.join(d, "%s-%s" % (op, alg))
	with open(name + ".dat", "w") as f:
		f.write("# size limit " + " ".join(libs) + "\n")
		for s in sizes:
			vals = [limit(rate, op, alg, s)] + \
			    [rate.get((l, op, alg, s)) for l in libs]
			f.write("%d %s\n" % (s, " ".join(fmt(v, "%.3f")
			    for v in vals).replace("n/a", "NaN")))
	plots = ["'%s.dat' using 1:2 with lines dashtype 2 lc 'gray' "
	    "title 'limit'" % name]
	plots += ["'%s.dat' using 1:%d with linespoints title '%s'" %
	    (name, i + 3, l) for i, l in enumerate(libs)]
	tics = ", ".join("'%s' %d" % (human(s), s) for s in sizes)
	for term, ext in (("svg size 720,480", "svg"),
	    ("pngcairo size 720,480", "png")):
		script = "\n".join([
		    "set terminal %s" % term,
		    "set output '%s.%s'" % (name, ext),
		    "set logscale xy",
		    "set title 'DKIM %s, %s (one core)'" % (op, alg),
		    "set xlabel 'message size'", "set xtics (%s)" % tics,
		    "set ylabel 'messages per CPU-second'",
		    "set key outside right", "set grid",
		    "plot " + ", ".join(plots), ""])
		subprocess.run(["gnuplot"], input=script.encode(), check=True)


def main(d):
	rate, na = load(d)
	rows = list(cells(rate))
	peers = [p for p in PEERS if any(k[0] == p for k in rate)]
	lines = table(rows, peers)
	notes = ["%s: no %s in this build: n/a" % x for x in sorted(na)]
	print("\n".join(lines + notes))
	with open(os.path.join(d, "results.md"), "w") as f:
		f.write("# make bench\n\nMessages per CPU-second, one core; "
		    "ratio: dkimkit to the best peer; % of limit: dkimkit "
		    "against one SHA-256 pass over the message plus one key "
		    "operation, measured alongside each cell in this run.\n\n")
		f.write("\n".join(lines + [""] + notes) + "\n")
	if shutil.which("gnuplot") is None:
		print("gnuplot not found: no charts")
		return
	for op, alg in sorted({(r["op"], r["alg"]) for r in rows}):
		chart(d, rate, op, alg)
	print("charts: %s/{sign,verify}-*.svg and .png" % d)


if __name__ == "__main__":
	if len(sys.argv) != 2:
		sys.exit("usage: report.py DIR")
	main(sys.argv[1])
