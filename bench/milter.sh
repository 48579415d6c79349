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
# bench/milter.sh: dkimkit-milter against OpenDKIM 2.11 (Debian's
# opendkim daemon), each as the milter of the same real Postfix
# (tests/postfix/postfix.py: unpacked, never installed), signing the same
# messages of 2 KiB, 64 KiB and 1 MiB (bench/filterbench.py's) with the
# same key, relaxed/relaxed, milter protocol 6 (bench/milterbench.py):
#   - messages per milter CPU-second, RSA-2048 and then Ed25519, each
#     milter alone with its one key, and the ratio (the targets: 1.0x at
#     2 KiB and 64 KiB, 1.5x at 1 MiB with RSA);
#   - peak RSS (VmHWM) with 100 milter connections each in the middle of a
#     5 MiB message, spoken to directly in the milter protocol (the
#     target for dkimkit-milter: under 16 MiB), OpenDKIM's beside it;
#     one message is then finished, and must come back signed.
# CPU time is the milter's own, every thread included, read from its
# process CPU clock (clock_getcpuclockid(3)) around each batch. Timings
# are printed, not judged: no pass or fail. Every Postfix run holds
# /tmp/postfix.lock. Needs root.
#
# OpenDKIM reads both keys as `dkimkit keygen` writes them, PEM PKCS#8
# (KeyFile, opendkim.conf(5)); Ed25519 signing is its
# SignatureAlgorithm ed25519-sha256.
#
# Environment: MILTER (default ./dkimkit-milter), DKIMKIT (./dkimkit),
# MILTER_BENCH_SCALE (multiplies the message counts, default 1).
# Raw lines: build/bench/milter.txt.

set -eu

cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-/usr/bin/python3}
# no __pycache__ folders in the checkout
export PYTHONDONTWRITEBYTECODE=1
MILTER=${MILTER:-./dkimkit-milter}
DKIMKIT=${DKIMKIT:-./dkimkit}
OPENDKIM=/usr/sbin/opendkim
SCALE=${MILTER_BENCH_SCALE:-1}
out=build/bench
keys=$out/milter-keys
raw=$out/milter.txt
TMP=

cleanup() {
	[ -z "$TMP" ] || rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if [ ! -x "$MILTER" ] || [ ! -x "$DKIMKIT" ]; then
	echo "milter bench: $MILTER and $DKIMKIT must be built first"
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "milter bench: skipped, Postfix needs root"
	exit 0
fi
mkdir -p "$out" "$keys"
: > "$raw"
TMP=$(mktemp -d /tmp/dkimkit-milterbench.XXXXXX)
chmod 755 "$TMP"

for k in rsa2048:rsa ed25519:ed25519; do
	rm -f "$keys/${k%%:*}.key"
	"$DKIMKIT" keygen -a "${k#*:}" -d example.test -s "${k%%:*}" \
	    -o "$keys" > /dev/null
done
md=$(cd "$(dirname "$MILTER")" && pwd)/$(basename "$MILTER")
kd=$(cd "$keys" && pwd)

# opendkim_conf SELECTOR ALG: OpenDKIM's signing configuration
opendkim_conf() {
	cat > "$TMP/opendkim-$1.conf" <<EOF
Syslog no
Mode s
Canonicalization relaxed/relaxed
Domain example.test
Selector $1
KeyFile $kd/$1.key
SignatureAlgorithm $2
InternalHosts 127.0.0.0/8
RequireSafeKeys no
EOF
}
opendkim_conf rsa2048 rsa-sha256
opendkim_conf ed25519 ed25519-sha256

cells=2048:$((400 * SCALE)),65536:$((200 * SCALE)),1048576:$((60 * SCALE))

# rate LABEL ALG -- MILTER...: one Postfix run, every size
rate() {
	label=$1 alg=$2
	shift 3
	flock /tmp/postfix.lock "$PYTHON" bench/milterbench.py rate \
	    "$label" "$alg" "$cells" --work "$TMP/$label-$alg" -- "$@" \
	    >> "$raw" || echo "milter bench: $label $alg failed" \
	    "(log: $TMP/$label-$alg)" | tee -a "$raw"
}

echo "CPU: $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -n 1)"
echo "running the milter bench through Postfix (counts x$SCALE)..."
for k in rsa2048:rsa-sha256 ed25519:ed25519-sha256; do
	sel=${k%%:*} alg=${k#*:}
	rate dkimkit-milter "$alg" -- "$md" -l -m sign -A mx.example.test \
	    -p '{socket}' "example.test:$sel:$kd/$sel.key"
	if [ -x "$OPENDKIM" ]; then
		rate opendkim "$alg" -- "$OPENDKIM" -f -l \
		    -x "$TMP/opendkim-$sel.conf" -p '{socket}'
	fi
done
MILTERBENCH_LOG=$TMP/hold.log "$PYTHON" bench/milterbench.py hold \
    dkimkit-milter 5242880 100 -- "$md" -l -m sign -A mx.example.test \
    -p '{socket}' "example.test:rsa2048:$kd/rsa2048.key" >> "$raw" ||
    echo "milter bench: the 100-connection run failed" | tee -a "$raw"
if [ -x "$OPENDKIM" ]; then
	"$PYTHON" bench/milterbench.py hold opendkim 5242880 100 -- \
	    "$OPENDKIM" -f -l -x "$TMP/opendkim-rsa2048.conf" -p '{socket}' \
	    >> "$raw" || true
fi

awk '
function human(n) {
	return n >= 1048576 ? n / 1048576 " MiB" : n / 1024 " KiB"
}
$1 == "RESULT" {
	k = $2 " " $3 " " $4
	if (!($4 in seen)) { sizes[ns++] = $4; seen[$4] = 1 }
	n[k] = $5; wall[k] = $6; cpu[k] = $7; signed[k] = $8
	measured[$3] = 1
}
$1 == "HOLD" {
	hold[$2] = sprintf("%.1f MiB", $5 / 1024)
	if ($6 != 1)
		hold[$2] = hold[$2] " (its message came back unsigned)"
}
END {
	nalg = split("rsa-sha256 ed25519-sha256", algs, " ")
	split("RSA-2048 Ed25519", names, " ")
	for (a = 1; a <= nalg; a++) {
		if (!(algs[a] in measured))
			continue
		printf "\nsigning, %s, relaxed/relaxed, through Postfix " \
		    "(messages per milter CPU-second)\n", names[a]
		printf "%-8s %16s %16s %7s %9s  %s\n", "size",
		    "dkimkit-milter", "opendkim", "ratio", "target",
		    "msgs signed/sent, msg/s wall"
		for (i = 0; i < ns; i++) {
			s = sizes[i]
			d = "dkimkit-milter " algs[a] " " s
			o = "opendkim " algs[a] " " s
			if (!(d in n))
				continue
			rd = cpu[d] > 0 ? n[d] / cpu[d] : 0
			ro = (o in n) && cpu[o] > 0 ? n[o] / cpu[o] : 0
			target = "-"
			if (a == 1)
				target = s >= 1048576 ? ">= 1.5x" : ">= 1.0x"
			printf "%-8s %16.1f %16s %7s %9s  %d/%d %.1f", \
			    human(s), rd, ro ? sprintf("%.1f", ro) : "-",
			    ro ? sprintf("%.2fx", rd / ro) : "-", target,
			    signed[d], n[d], n[d] / wall[d]
			if (o in n)
				printf ", %d/%d %.1f", signed[o], n[o],
				    n[o] / wall[o]
			printf "\n"
		}
	}
	if ("dkimkit-milter" in hold)
		printf "\npeak RSS, 100 connections each in the middle of a " \
		    "5 MiB message: dkimkit-milter %s (target < 16 MiB)%s\n",
		    hold["dkimkit-milter"], ("opendkim" in hold) ? \
		    ", opendkim " hold["opendkim"] : ""
}' "$raw"
echo "msg/CPU-s from the milter's own user+system time (all threads:" \
    "its process CPU clock); peak RSS is its VmHWM; raw lines in $raw"
