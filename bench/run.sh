#!/bin/sh
# `make bench`: sign and verify throughput of dkimkit and of every peer
# found here, in one run, on the same generated messages (2 KiB to
# 10 MiB, bench/writemsg.c), with the same keys (RSA 2048 and Ed25519
# from `dkimkit keygen`), relaxed/relaxed, one core:
#   - libopendkim, through a C harness (bench/bench_opendkim.c);
#   - dkimpy, Mail::DKIM and go-msgauth (bench/peer_*), each through its
#     own API with its key loaded once and key records from memory;
#   - the hardware limit: one SHA-256 pass and one bare key operation
#     with the engine's own code (bench/limit.h), measured for each
#     cell alongside it, slice by slice, by bench_dkimkit.
# bench/report.py prints the table (msgs/s, MB/s, ratio to the best
# peer, % of the limit), writes build/bench/results.md and, with
# gnuplot, the charts build/bench/{sign,verify}-ALG.{svg,png}. Then
# bench/filter.sh measures the filter. No pass or fail on timing.
#
# Environment: DK_BENCH_SECONDS (time per cell, default 1.5), CC.
# Raw results: build/bench/LIB.txt, lines
# "RESULT LIB OP ALG SIZE ITERATIONS WALL_S CPU_S", and "NA LIB ALG" for
# an algorithm a peer lacks. Raw RSA (bench/bench_rsa.c) in
# build/bench/rawrsa.out, lines "RAWRSA IMPL OP ROUND ITERATIONS CPU_S".
#
# What the peers read, in build/bench: rsa.key and ed.key (PEM PKCS#8),
# ed.seed (the raw Ed25519 seed in base64, as dkimpy takes it), rsa.txt
# and ed.txt (the key records of rsa._domainkey.bench.example and
# ed._domainkey.bench.example), msgs/SIZE.eml (to sign) and
# msgs/SIZE.SEL.eml (signed by dkimkit with key SEL, t=1700000000, to
# verify).

set -eu

cc=${CC:-cc}
out=build/bench
py=/usr/bin/python3
cflags="-std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -O2 -g -Iinclude"
pkg_libs=$(pkg-config --libs libsodium ldns 2>/dev/null || echo -lsodium -lldns)
now=1700000000

${MAKE:-make} -s all >/dev/null
mkdir -p "$out/msgs"

for p in bench_dkimkit bench_limits writemsg; do
	# shellcheck disable=SC2086
	$cc $cflags -o "$out/$p" bench/$p.c bench/benchlib.c bench/limit.c \
	    libdkimkit.a -lbearssl $pkg_libs
done
have_odk=1
# shellcheck disable=SC2086
$cc $cflags -o "$out/bench_opendkim" bench/bench_opendkim.c \
    bench/benchlib.c -lopendkim 2>"$out/opendkim-build.log" || have_odk=0
have_go=0
if command -v go >/dev/null 2>&1 &&
    GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$(pwd)/$out/gocache" \
    go build -o "$out/peer_gomsgauth" bench/peer_gomsgauth.go \
    2>"$out/go-build.log"; then
	have_go=1
fi

# Keys: written by our keygen, read as PEM by every library. The
# record is the TXT strings of the printed line, joined.
for k in rsa:rsa ed:ed25519; do
	sel=${k%%:*}
	rm -f "$out/$sel.key"
	./dkimkit keygen -a "${k#*:}" -d bench.example -s "$sel" -o "$out" \
	    >"$out/$sel.dns"
	sed -e 's/^[^"]*"//' -e 's/"[^"]*$//' -e 's/" *"//g' \
	    "$out/$sel.dns" >"$out/$sel.txt"
done
openssl pkey -in "$out/ed.key" -outform DER | tail -c 32 | base64 \
    >"$out/ed.seed"
keys="$out/rsa.key $out/rsa.txt $out/ed.key $out/ed.txt"

"$out/writemsg" "$out/msgs"
for m in "$out"/msgs/[0-9]*[0-9].eml; do
	for sel in rsa ed; do
		./dkimkit sign -t $now "bench.example:$sel:$out/$sel.key" \
		    <"$m" >"${m%.eml}.$sel.eml"
	done
done

# run LIB COMMAND...: one implementation's RESULT lines into LIB.txt
run() {
	lib=$1
	shift
	echo "running $lib..."
	"$@" >"$out/$lib.txt" || {
		echo "$lib: failed, see above"
		: >"$out/$lib.txt"
	}
}

echo "CPU: $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -n 1)" \
    "($(nproc) online; one used)"
echo "${DK_BENCH_SECONDS:-1.5} s per cell"
# shellcheck disable=SC2086
run limits "$out/bench_limits" $keys
# each cell's limit alongside it: the machine's speed drifts over the
# minutes of a run (other work, a shared host), and a limit taken at
# another time would judge the cell against another machine
# shellcheck disable=SC2086
run dkimkit env DK_BENCH_LIMITS="$out/limits.txt" "$out/bench_dkimkit" $keys
if [ $have_odk -eq 1 ]; then
	# shellcheck disable=SC2086
	run libopendkim "$out/bench_opendkim" $keys
else
	echo "libopendkim: cannot build (see $out/opendkim-build.log)"
	: >"$out/libopendkim.txt"
fi
run dkimpy $py bench/peer_dkimpy.py "$out"
run mail-dkim perl bench/peer_maildkim.pl "$out"
if [ $have_go -eq 1 ]; then
	run go-msgauth env GOMAXPROCS=1 "$out/peer_gomsgauth" "$out"
else
	echo "go-msgauth: not built (needs Debian's golang-go and" \
	    "golang-github-emersion-go-msgauth-dev; see $out/go-build.log)"
	: >"$out/go-msgauth.txt"
fi

echo
$py bench/report.py "$out"
echo "msg/s from process CPU time; wall times are in $out/*.txt"

echo
echo "== raw RSA: dkimkit, BearSSL and OpenSSL (bench/bench_rsa.c)"
# shellcheck disable=SC2086
if $cc $cflags -Wno-deprecated-declarations -o "$out/bench_rsa" \
    bench/bench_rsa.c libdkimkit.a -lbearssl $pkg_libs \
    $(pkg-config --libs libcrypto 2>/dev/null || echo -lcrypto) \
    2>"$out/bench_rsa-build.log"; then
	"$out/bench_rsa" "$out/rsa.key" >"$out/rawrsa.out" &&
	    sed -n '/^$/,$p' "$out/rawrsa.out" | sed 1d ||
	    echo "bench_rsa: failed, see $out/rawrsa.out"
else
	echo "bench_rsa: cannot build (needs libssl-dev; see" \
	    "$out/bench_rsa-build.log)"
fi

echo
echo "== filter-dkim against filter-dkimsign (bench/filter.sh)"
sh bench/filter.sh

echo
echo "== filter-dkim memory with many sessions (bench/rss.sh)"
sh bench/rss.sh

echo
echo "== dkimkit-milter against OpenDKIM, through Postfix (bench/milter.sh)"
sh bench/milter.sh
