#!/bin/sh
# `make bench`: sign and verify throughput of dkimkit and of libopendkim
# on the same generated messages (2 KiB to 10 MiB), with the same keys
# (RSA 2048 and Ed25519 from `dkimkit keygen`), relaxed/relaxed, one
# core. Prints one table; no pass or fail on timing.
#
# Environment: DK_BENCH_SECONDS (time per cell, default 1.5), CC.
# Raw results: build/bench/dkimkit.txt and build/bench/libopendkim.txt,
# lines "RESULT LIB OP ALG SIZE ITERATIONS WALL_S CPU_S".

set -eu

cc=${CC:-cc}
out=build/bench
cflags="-std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -O2 -g -Iinclude"
pkg_libs=$(pkg-config --libs libsodium ldns 2>/dev/null || echo -lsodium -lldns)

${MAKE:-make} -s all >/dev/null
mkdir -p "$out"

# shellcheck disable=SC2086
$cc $cflags -o "$out/bench_dkimkit" bench/bench_dkimkit.c bench/benchlib.c \
    libdkimkit.a -lbearssl $pkg_libs
have_odk=1
# shellcheck disable=SC2086
$cc $cflags -o "$out/bench_opendkim" bench/bench_opendkim.c \
    bench/benchlib.c -lopendkim 2>"$out/opendkim-build.log" || have_odk=0

# Keys: written by our keygen, read as PEM by both libraries. The
# record is the TXT strings of the printed line, joined.
for k in rsa:rsa ed:ed25519; do
	sel=${k%%:*}
	rm -f "$out/$sel.key"
	./dkimkit keygen -a "${k#*:}" -d bench.example -s "$sel" -o "$out" \
	    >"$out/$sel.dns"
	sed -e 's/^[^"]*"//' -e 's/"[^"]*$//' -e 's/" *"//g' \
	    "$out/$sel.dns" >"$out/$sel.txt"
done
keys="$out/rsa.key $out/rsa.txt $out/ed.key $out/ed.txt"

echo "CPU: $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -n 1)" \
    "($(nproc) online; one used)"
echo "running dkimkit (${DK_BENCH_SECONDS:-1.5} s per cell)..."
# shellcheck disable=SC2086
"$out/bench_dkimkit" $keys >"$out/dkimkit.txt"
if [ $have_odk -eq 1 ]; then
	echo "running libopendkim..."
	# shellcheck disable=SC2086
	"$out/bench_opendkim" $keys >"$out/libopendkim.txt" ||
	    echo "libopendkim: failed, see above"
else
	echo "libopendkim: cannot build (see $out/opendkim-build.log)"
	: >"$out/libopendkim.txt"
fi

awk '
function human(n) {
	return n >= 1048576 ? n / 1048576 " MiB" : n / 1024 " KiB"
}
function cell(lib, key,   r) {
	if (!(key SUBSEP lib in iters))
		return sprintf("%10s %8s", "n/a", "n/a")
	r = iters[key, lib] / cpu[key, lib]
	rate[lib] = r
	return sprintf("%10.1f %8.1f", r, r * size[key] / 1e6)
}
$1 == "RESULT" {
	key = $3 " " $4 " " $5
	if (!(key in size)) {
		order[n++] = key
		size[key] = $5
	}
	iters[key, $2] = $6
	cpu[key, $2] = $8
}
END {
	printf "%-7s %-15s %-7s | %-19s | %-19s | %s\n", "", "", "",
	    "dkimkit", "libopendkim", "ratio"
	printf "%-7s %-15s %-7s | %10s %8s | %10s %8s | %s\n", "op",
	    "algorithm", "size", "msg/s", "MB/s", "msg/s", "MB/s",
	    "dkimkit/odk"
	for (i = 0; i < n; i++) {
		key = order[i]
		split(key, f, " ")
		delete rate
		a = cell("dkimkit", key)
		b = cell("libopendkim", key)
		ratio = "n/a"
		if (("dkimkit" in rate) && ("libopendkim" in rate))
			ratio = sprintf("%.2f",
			    rate["dkimkit"] / rate["libopendkim"])
		printf "%-7s %-15s %-7s | %s | %s | %s\n", f[1], f[2],
		    human(f[3]), a, b, ratio
	}
	print "msg/s and MB/s (10^6 bytes) from process CPU time" \
	    " (CLOCK_PROCESS_CPUTIME_ID); wall times are in build/bench/*.txt"
}' "$out/dkimkit.txt" "$out/libopendkim.txt"
grep '^NA ' "$out/libopendkim.txt" | while read -r _ lib alg; do
	echo "$lib: no $alg support in this build: n/a"
done

echo
echo "== filter-dkim against filter-dkimsign (bench/filter.sh)"
sh bench/filter.sh
