#!/bin/sh
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
# bench/filter.sh: filter-dkim fed protocol streams straight from
# bench/filterbench.py, no smtpd in between (smtpd 6.8's protocol 0.6,
# sessions played as smtpd plays them, 8 in flight). Messages of 2 KiB,
# 64 KiB and 1 MiB:
#   - sign, one RSA-2048 key: filter-dkim and Debian's filter-dkimsign
#     (relaxed/relaxed, the same key), and the ratio of messages per
#     CPU-second (the target: 3x at 64 KiB and 1 MiB);
#   - sign with RSA-2048 and Ed25519 together (filter-dkim);
#   - verify, the key from knot on a free loopback port (the zone of
#     tests/dns/mkzone.sh);
#   - peak RSS (VmHWM) with 100 sessions open at once, each in the middle of
#     a 5 MiB message, the in-memory spool bound at 64 KiB (the target:
#     under 16 MiB).
# CPU time and peak RSS are the filter's own (wait4). Timings are printed,
# not judged: no pass or fail.
#
# Environment: FILTER_DKIM (default ./filter-dkim), DKIMKIT (./dkimkit),
# FILTER_BENCH_SCALE (multiplies the message counts, default 1).
# Raw lines: build/bench/filter.txt.

set -eu

cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-/usr/bin/python3}
# no __pycache__ folders in the checkout
export PYTHONDONTWRITEBYTECODE=1
FILTER_DKIM=${FILTER_DKIM:-./filter-dkim}
DKIMKIT=${DKIMKIT:-./dkimkit}
DKIMSIGN=/usr/libexec/opensmtpd/filter-dkimsign
SCALE=${FILTER_BENCH_SCALE:-1}
out=build/bench
keys=$out/knot-keys
raw=$out/filter.txt
TMP=$(mktemp -d)
KNOTPID=

cleanup() {
	if [ -n "$KNOTPID" ]; then
		kill "$KNOTPID" 2>/dev/null || true
		wait "$KNOTPID" 2>/dev/null || true
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if [ ! -x "$FILTER_DKIM" ] || [ ! -x "$DKIMKIT" ]; then
	echo "filter bench: $FILTER_DKIM and $DKIMKIT must be built first"
	exit 1
fi
mkdir -p "$out" "$keys"
: > "$raw"

port=$("$PYTHON" -c 'import sys; sys.path.insert(0, "tests/smtpd")
import smtpdctl; print(smtpdctl.free_port())')
sh tests/dns/mkzone.sh "$DKIMKIT" "$keys" "$TMP" "$port" >/dev/null
knotd -c "$TMP/knot.conf" > "$TMP/knot.log" 2>&1 &
KNOTPID=$!
"$PYTHON" -c 'import sys; sys.path.insert(0, "tests/smtpd")
import smtpdctl
sys.exit(not smtpdctl.dns_wait("127.0.0.1", int(sys.argv[1]),
    "rsa2048._domainkey.example.test"))' "$port" || {
	cat "$TMP/knot.log"
	echo "filter bench: knotd did not answer"
	exit 1
}

rsa=example.test:rsa2048:$keys/rsa2048.key
ed=example.test:ed25519:$keys/ed25519.key
fd=$(cd "$(dirname "$FILTER_DKIM")" && pwd)/$(basename "$FILTER_DKIM")
printf 'spool-max 65536\n' > "$TMP/spool64k.conf"

# cell LABEL SIZE COUNT [--signed-with SPEC] -- FILTER...
cell() {
	label=$1 size=$2 n=$(($3 * SCALE))
	shift 3
	FILTERBENCH_LOG=$TMP/$label.log "$PYTHON" bench/filterbench.py \
	    rate "$label" "$size" "$n" "$@" >> "$raw" ||
	    echo "filter bench: $label $size failed (log: $TMP/$label.log)" \
	    | tee -a "$raw"
}

echo "CPU: $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -n 1)"
echo "running the filter bench (counts x$SCALE)..."
for sc in 2048:1000 65536:300 1048576:40; do
	size=${sc%:*} n=${sc#*:}
	cell sign-rsa "$size" "$n" -- "$fd" -m sign -A mx.example.test "$rsa"
	if [ -x "$DKIMSIGN" ]; then
		cell dkimsign-rsa "$size" "$n" -- "$DKIMSIGN" \
		    -c relaxed/relaxed -d example.test -s rsa2048 \
		    -k "$keys/rsa2048.key"
	fi
	cell sign-rsa+ed "$size" "$n" -- "$fd" -m sign -A mx.example.test \
	    "$rsa" "$ed"
	cell verify-rsa "$size" "$n" --signed-with "$rsa" -- "$fd" \
	    -m verify -A mx.example.test --resolver "127.0.0.1:$port"
done
FILTERBENCH_LOG=$TMP/hold.log "$PYTHON" bench/filterbench.py hold \
    spool-64k 5242880 100 -- "$fd" -m sign -A mx.example.test \
    -f "$TMP/spool64k.conf" "$rsa" >> "$raw" ||
    echo "filter bench: the 100-session run failed" | tee -a "$raw"
if [ -x "$DKIMSIGN" ]; then
	"$PYTHON" bench/filterbench.py hold dkimsign 5242880 100 -- \
	    "$DKIMSIGN" -c relaxed/relaxed -d example.test -s rsa2048 \
	    -k "$keys/rsa2048.key" >> "$raw" || true
fi

awk '
function human(n) {
	return n >= 1048576 ? n / 1048576 " MiB" : n / 1024 " KiB"
}
$1 == "RESULT" {
	k = $2 " " $3
	if (!($3 in seen)) { sizes[ns++] = $3; seen[$3] = 1 }
	if (!($2 in lseen)) { labels[nl++] = $2; lseen[$2] = 1 }
	n[k] = $4; wall[k] = $5; cpu[k] = $6; rss[k] = $7; sys[k] = $8
}
$1 == "HOLD" { hold[$2] = $5 }
END {
	printf "%-13s %-8s %6s %9s %10s %14s %5s %10s\n", "filter", "size",
	    "msgs", "msg/s", "msg/CPU-s", "CPU-s/1000msg", "sys%", "peak RSS"
	for (i = 0; i < ns; i++)
		for (j = 0; j < nl; j++) {
			k = labels[j] " " sizes[i]
			if (!(k in n))
				continue
			printf "%-13s %-8s %6d %9.1f %10.1f %14.3f %4.0f%% " \
			    "%6.1f MiB\n", labels[j], human(sizes[i]), n[k],
			    n[k] / wall[k], n[k] / cpu[k], cpu[k] / n[k] * 1000,
			    100 * sys[k] / cpu[k], rss[k] / 1024
		}
	for (i = 0; i < ns; i++) {
		a = "sign-rsa " sizes[i]
		b = "dkimsign-rsa " sizes[i]
		if (!(a in n) || !(b in n))
			continue
		r = (n[a] / cpu[a]) / (n[b] / cpu[b])
		note = ""
		if (sizes[i] >= 65536)
			note = r >= 3 ? " (target 3x: met)" : \
			    " (target 3x: NOT met)"
		printf "ratio filter-dkim / filter-dkimsign, RSA-2048, %s: " \
		    "%.2fx messages per CPU-second%s\n", human(sizes[i]), r,
		    note
	}
	if ("spool-64k" in hold) {
		note = hold["spool-64k"] < 16384 ? "met" : "NOT met"
		printf "peak RSS, 100 sessions each in the middle of a 5 MiB " \
		    "message, spool bound 64 KiB: %.1f MiB (target < 16 MiB: " \
		    "%s)\n", hold["spool-64k"] / 1024, note
	}
	if ("dkimsign" in hold)
		printf "  (filter-dkimsign, same load: %.1f MiB)\n",
		    hold["dkimsign"] / 1024
}' "$raw"
echo "msg/s from wall time; msg/CPU-s, CPU-s/1000msg and sys% from the" \
    "filter's own user+system time; peak RSS is its VmHWM; raw lines in $raw"
