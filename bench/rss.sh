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
# bench/rss.sh: filter-dkim's peak RSS (VmHWM) with many sessions at
# once, each in the middle of its message: 100, 1,000 and 3,000 sessions
# each half-way through a 1 MiB message to sign, with the default
# spool-max (1 MiB per message) and memory-max (64 MiB for all), against
# the bound plus a fixed overhead. memory-max counts every session's own
# state too (filter-dkim(8)), so the peak stays under memory-max plus
# what the process holds with no session at all, about 5 MiB, whatever
# the number of sessions. bench/filterbench.py plays the sessions (its
# hold mode). The figures are printed, not judged.
#
# Environment: FILTER_DKIM (default ./filter-dkim), RSS_SESSIONS ("100
# 1000 3000"), RSS_SIZE (1048576), RSS_MEMORY_MAX (64m). Raw lines:
# build/bench/rss.txt.

set -eu

cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-/usr/bin/python3}
FILTER_DKIM=${FILTER_DKIM:-./filter-dkim}
sessions=${RSS_SESSIONS:-100 1000 3000}
size=${RSS_SIZE:-1048576}
memmax=${RSS_MEMORY_MAX:-64m}
out=build/bench
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

mkdir -p "$out"
max=0
for n in $sessions; do
	[ "$n" -gt "$max" ] && max=$n
done
# each session past the bound holds a spool file open
ulimit -n $((max + 256)) 2>/dev/null || true
./dkimkit keygen -a ed25519 -d example.test -s ed -o "$TMP" >/dev/null
printf 'memory-max %s\nspool-dir %s\n' "$memmax" "$TMP" > "$TMP/rss.conf"
: > "$out/rss.txt"
for n in $sessions; do
	"$PYTHON" bench/filterbench.py hold memory-max-$memmax "$size" \
	    "$n" -- "$FILTER_DKIM" -m sign -f "$TMP/rss.conf" \
	    "example.test:ed:$TMP/ed.key" >> "$out/rss.txt"
done
awk -v mm="$memmax" '
function kib(s,   n) {
	n = s + 0
	if (s ~ /[mM]$/)
		return n * 1024
	if (s ~ /[kK]$/)
		return n
	return n / 1024
}
$1 == "HOLD" {
	printf "filter-dkim peak RSS, %d sessions each half-way through a " \
	    "%d KiB message (memory-max %s): %.1f MiB (bound: memory-max " \
	    "+ 5 MiB = %.1f MiB)\n", $4, $3 / 1024, mm, $5 / 1024,
	    kib(mm) / 1024 + 5
}' "$out/rss.txt"
