#!/bin/sh
# `make fuzz`: build the libFuzzer targets against the library sources
# with ASan and UBSan, seed them from vectors/, run each, and report.
#
# Environment:
#   FUZZ_RUNS     runs per target (default 1000000; a release wants
#                 10000000: make fuzz FUZZ_RUNS=10000000)
#   FUZZ_TARGETS  targets to run (default: all of fuzz/fuzz_*.c)
#   FUZZ_CC       a clang with libFuzzer (default clang)
#   FUZZ_OPT      the optimisation level of the build (default -O2)
#   FUZZ_JOBS     compilers run at once (default: the CPUs online)
#   FUZZ_WORKERS  processes fuzzing each target at once (default 1): each
#                 does its share of the runs on the same corpus, picking
#                 up what the others add to it, and their counts add up;
#                 2 on a 2-core machine halves the time of a 10M run
#   FUZZ_BUILD    no: run the binaries and seeds already in build/fuzz,
#                 as a long run that calls this once per target does
# Output: build/fuzz/ (binaries, objects, seeds/, corpus/, logs:
# TARGET.log, or TARGET.N.log for worker N, crash-* reproducers). Exit
# status 1 when any target finds something, 2 when the build fails or
# an argument is wrong, 130 when interrupted (SIGINT or SIGTERM): the
# target then running reports the runs its workers did, so that a long
# run stopped part way keeps its count. Reproduce a finding with
#   build/fuzz/TARGET build/fuzz/crash-TARGET-...

set -u

cc=${FUZZ_CC:-clang}
runs=${FUZZ_RUNS:-1000000}
workers=${FUZZ_WORKERS:-1}
jobs=${FUZZ_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
out=build/fuzz
targets=${FUZZ_TARGETS:-$(cd fuzz && ls fuzz_*.c | sed 's/\.c$//')}

case $workers in
''|*[!0-9]*|0)
	echo "fuzz: FUZZ_WORKERS=$workers: give a number of processes," \
	    "1 or more" >&2
	exit 2 ;;
esac

# max_len per target: room past the bounds each parser enforces, small
# enough that libFuzzer spends its time on structure, not on length.
max_len() {
	case $1 in
	fuzz_tags|fuzz_canon_header)	echo 4096 ;;
	fuzz_sig|fuzz_keyload)		echo 8192 ;;
	fuzz_config)			echo 8192 ;;	# two lines at the bound
	fuzz_keyrec)			echo 24576 ;;	# DK_KEYREC_MAX + half
	fuzz_canon_body|fuzz_canon_diff) echo 16384 ;;
	fuzz_filter)			echo 65536 ;;	# a flags byte + SMTP_LINE_MAX
	fuzz_milter)			echo 131072 ;;	# 64 KiB chunks and more
	fuzz_filter_events)		echo 256 ;;	# events, a byte each
	fuzz_rsa_sign)			echo 64 ;;	# key, digest, fault
	fuzz_rsa_verify)		echo 1100 ;;	# head, n and s of 4096 bits
	*)				echo 65536 ;;
	esac
}

# Flags of one target: filter-dkim logs a line per message, and one
# per refused configuration line, to stderr; libFuzzer keeps its own
# output and the sanitizers' reports.
target_flags() {
	case $1 in
	fuzz_filter|fuzz_filter_events|fuzz_milter|fuzz_config) echo -close_fd_mask=2 ;;
	esac
}

if ! command -v "$cc" >/dev/null 2>&1; then
	echo "fuzz: $cc not found (needs clang with libFuzzer)" >&2
	exit 2
fi

pkg_cflags=$(pkg-config --cflags libsodium ldns 2>/dev/null || true)
pkg_libs=$(pkg-config --libs libsodium ldns 2>/dev/null || echo -lsodium -lldns)
cflags="-std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -g ${FUZZ_OPT:--O2}
    -Wall -Wextra
    -fno-omit-frame-pointer -fno-sanitize-recover=all
    -Iinclude -I/usr/include/bearssl $pkg_cflags"
san="address,undefined"

mkdir -p "$out/obj" "$out/corpus"

# Objects of the sources given, one per source; their list goes to
# stdout. Up to $jobs compilers run at once.
compile() {
	failed=$out/obj/failed
	rm -f "$failed"
	n=0
	for src in "$@"; do
		[ -f "$src" ] || continue
		obj="$out/obj/$(echo "$src" | sed -e 's|/|_|g' -e 's|\.c$|.o|')"
		# The bignum kernels compare loop bounds and limbs of
		# constant-time code: tracing those compares guides nothing
		# and took most of an RSA target's time. Edges stay.
		case $src in
		src/crypto/bn*.c)	nocmp=-fno-sanitize-coverage=trace-cmp ;;
		*)			nocmp= ;;
		esac
		# shellcheck disable=SC2086
		{ $cc $cflags -fsanitize=fuzzer-no-link,$san $nocmp -c \
		    -o "$obj" "$src" ||
		    { echo "fuzz: cannot compile $src" >&2; : > "$failed"; }
		} &
		echo "$obj"
		n=$((n + 1))
		[ $((n % jobs)) -eq 0 ] && wait
	done
	wait
	[ ! -e "$failed" ]
}

# Objects, the targets and their seeds.
build() {
	objs=$(compile src/canon/*.c src/crypto/*.c src/dkim/*.c src/dns/*.c \
	    compat/*.c fuzz/fuzzlib.c fuzz/fuzzrsa.c) || exit 2
	# fuzz_filter, fuzz_filter_events and fuzz_config also drive
	# filter-dkim: everything but its main(), the policy it shares, and
	# fuzzfilter.c, the part of main()'s loop they need
	# shellcheck disable=SC2086
	policy_objs=$(compile src/policy/*.c) || exit 2
	filter_srcs=
	for src in src/filter/*.c; do
		[ "$src" = src/filter/main.c ] ||
		    filter_srcs="$filter_srcs $src"
	done
	# shellcheck disable=SC2086
	filter_objs="$(compile $filter_srcs fuzz/fuzzfilter.c) $policy_objs" ||
	    exit 2
	# the milter: its protocol and message files and its log (not
	# main), and the same policy
	milter_objs="$(compile src/milter/wire.c src/milter/conn.c \
	    src/milter/msg.c src/milter/log.c) $policy_objs" || exit 2

	for t in $targets; do
		extra=
		case $t in
		fuzz_filter|fuzz_filter_events|fuzz_config)
			extra=$filter_objs ;;
		fuzz_milter)
			extra=$milter_objs ;;
		esac
		# shellcheck disable=SC2086
		if ! $cc $cflags -fsanitize=fuzzer,$san -o "$out/$t" \
		    "fuzz/$t.c" $extra $objs -lbearssl $pkg_libs; then
			echo "fuzz: cannot build $t" >&2
			exit 2
		fi
	done

	sh fuzz/mkseeds.sh "$out/seeds" >/dev/null || exit 2
}

if [ "${FUZZ_BUILD:-yes}" != no ]; then
	build
else
	for t in $targets; do
		if [ ! -x "$out/$t" ] || [ ! -d "$out/seeds/$t" ]; then
			echo "fuzz: $out/$t or its seeds missing; run" \
			    "without FUZZ_BUILD=no first" >&2
			exit 2
		fi
	done
fi

# Worker $2 of target $1 (0: the only one), in the background. Its log
# goes on $ws; LOG.pid gets the fuzzer's pid, and LOG.rc its exit status
# when it ends (which a wait on the subshell could not tell apart).
start_worker() {
	log="$out/$1.log"
	[ "$2" -gt 0 ] && log="$out/$1.$2.log"
	rm -f "$log.rc" "$log.pid"
	(
		# shellcheck disable=SC2046
		"$out/$1" -runs="$share" -max_len="$(max_len "$1")" \
		    -timeout=30 -print_final_stats=1 $(target_flags "$1") \
		    -rss_limit_mb=2048 -artifact_prefix="$out/crash-$1-" \
		    "$out/corpus/$1" "$out/seeds/$1" >"$log" 2>&1 &
		echo $! >"$log.pid"
		wait $!
		echo $? >"$log.rc"
	) &
	ws="$ws $log"
}

# Whether the worker with log $1 ended without a finding, its runs
# added to $total (libFuzzer exits 72 when interrupted, with its count
# in the final stats); if not, what it found.
worker_ok() {
	rc=$(cat "$1.rc")
	done_runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$1")
	if [ "$rc" -eq 72 ] && [ "$interrupted" -eq 1 ]; then
		done_runs=$(sed -n \
		    's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$1")
	fi
	if { [ "$rc" -eq 0 ] || [ "$rc" -eq 72 ]; } && [ -n "$done_runs" ]; then
		total=$((total + done_runs))
		return 0
	fi
	crash=$(sed -n 's/.*Test unit written to \([^ ]*\).*/\1/p' "$1" |
	    tail -n 1)
	echo "$t: FINDING (exit $rc): ${crash:-no reproducer written}" \
	    "(log: $1)"
	grep -E '^(SUMMARY|==[0-9]+==ERROR|.*check failed|.*runtime error)' \
	    "$1" | head -n 5 | sed 's/^/    /'
	return 1
}

# Wait for the workers on $ws, adding up their runs; $found is 1 after a
# finding, which stops the others: their shares could take hours more.
wait_workers() {
	left=$ws
	while [ -n "$left" ]; do
		running=
		for log in $left; do
			if [ ! -s "$log.rc" ]; then
				running="$running $log"
			elif ! worker_ok "$log"; then
				found=1
			fi
		done
		left=$running
		if [ $found -eq 1 ]; then
			for log in $left; do
				kill "$(cat "$log.pid")" 2>/dev/null
			done
			break
		fi
		[ -n "$left" ] && sleep 1
	done
	wait
}

# SIGINT or SIGTERM: the workers stop (a terminal's ^C reaches them
# too) and report; the loop above sees them end.
interrupt() {
	interrupted=1
	for log in $left; do
		kill -INT "$(cat "$log.pid" 2>/dev/null)" 2>/dev/null
	done
}

share=$(((runs + workers - 1) / workers))
status=0
interrupted=0
left=
trap interrupt INT TERM
for t in $targets; do
	mkdir -p "$out/corpus/$t"
	ws=
	if [ "$workers" -eq 1 ]; then
		start_worker "$t" 0
	else
		w=1
		while [ $w -le "$workers" ]; do
			start_worker "$t" $w
			w=$((w + 1))
		done
	fi
	total=0
	found=0
	wait_workers
	if [ $found -eq 1 ]; then
		status=1
	elif [ $interrupted -eq 1 ]; then
		echo "$t: $total runs, interrupted, no finding"
	else
		echo "$t: $total runs, no finding"
	fi
	if [ $interrupted -eq 1 ]; then
		[ $status -eq 0 ] && status=130
		break
	fi
done
exit $status
