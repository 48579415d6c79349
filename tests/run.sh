#!/bin/sh
#
# Build dkimkit with -Werror and run every test: the unit test programs
# (tests/test_oom among them: every allocation failing in turn), the
# symbol, layering and allocator checks, the installed library and its
# examples through pkg-config, the conformance vectors, the interop,
# DNS, dkimkit's operator commands (testkey, rotate), the man page lint,
# filter transcript and real-smtpd tests, faults injected through smtpd
# and through Postfix (scaled down), the milter against miltertest and inside a real
# Postfix, the resolver, the allocation failures and the filter also
# under valgrind, and every fuzz target briefly over its seeds; then
# build again with ASan and UBSan in build/asan and run the unit tests,
# vectors, DNS, filter and smtpd tests there; last,
# build with BSD make, and build, install, try and purge the Debian
# packages (tests/packaging/).
#
# Every program prints "PASS name" / "FAIL name" lines. Full output goes
# to build/logs/; the terminal gets the FAIL lines with the detail lines
# printed before them, one count line per program, and a last line
# "N passed, N failed". Exit status 1 when anything failed.

cd "$(dirname "$0")/.." || exit 1

MAKE=${MAKE:-make}
TOP=$(pwd)
LOGS=$(pwd)/build/logs
ALL=$LOGS/all.results
ASAN_ENV="ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer"
SANFLAGS="$SANFLAGS -fno-sanitize-recover=all"

rm -rf "$LOGS"
mkdir -p "$LOGS"
# tests/test_rsa's keys, shared with the sanitizer pass below
export TEST_RSA_KEYDIR="$TOP/build/rsa-keys"
: > "$ALL"

# Messages through smtpd, and through Postfix with the milter, with
# faults injected (tests/stress/run.sh [--postfix]): a scaled-down run
# of each here, and a smaller one under the sanitizers.
STRESS_CHECK=600
STRESS_CHECK_ASAN=300

# Detail lines shown before a FAIL line; more is in the log.
DETAIL_MAX=40

# report LABEL PREFIX LOG STATUS: turn a program's log into counted
# results. Lines are prefixed (asan:) and appended to $ALL. Death by a
# signal, or a non-zero exit with no FAIL line, adds a FAIL line.
report() {
	awk -v label="$1" -v prefix="$2" -v st="$4" -v all="$ALL" \
	    -v dmax="$DETAIL_MAX" '
	function flush_fail(line,   i, s) {
		s = (nd > dmax) ? nd - dmax + 1 : 1
		for (i = s; i <= nd; i++)
			print detail[i]
		print line
	}
	/^PASS / { sub(/^PASS /, "PASS " prefix); print >> all
		   pass++; nd = 0; next }
	/^FAIL / { sub(/^FAIL /, "FAIL " prefix); print >> all
		   flush_fail($0); fail++; nd = 0; next }
	{ detail[++nd] = $0 }
	END {
		if (st > 128 || (st != 0 && fail == 0)) {
			why = (st > 128) ? "killed by signal " (st - 128) : \
			    "exited with status " st
			line = "FAIL " prefix label ": " why
			print line >> all
			flush_fail(line)
			fail++
		}
		printf "%s%s: %d passed, %d failed\n", prefix, label, pass, fail
	}' "$3"
}

# run LABEL PREFIX LOGNAME COMMAND...: run a test program, log, report.
run() {
	label=$1 prefix=$2 log=$LOGS/$3
	shift 3
	"$@" > "$log" 2>&1
	report "$label" "$prefix" "$log" $?
}

# build PREFIX LOGNAME MAKEARGS...: remove what a failed build could
# leave stale, then build; a failure is one FAIL line.
build() {
	prefix=$1 log=$LOGS/$2
	shift 2
	for c in tests/test_*.c; do
		[ -f "$c" ] && rm -f "${c%.c}"
	done
	rm -f dkimkit libdkimkit.so libdkimkit.so.1 libdkimkit.a
	$MAKE -k "$@" all tests > "$log" 2>&1
	st=$?
	# the terminal gets the diagnostics, not every compiler command
	{
		grep -E '(error|warning):|\*\*\*|undefined reference' "$log"
		echo "see $log"
		[ $st -eq 0 ] && echo "PASS build"
	} > "$log.brief"
	report build "$prefix" "$log.brief" $st
}

# unit PREFIX LOGPREFIX: every tests/test_*.c program, as built just now.
unit() {
	for c in tests/test_*.c; do
		[ -f "$c" ] || continue
		p=${c%.c}
		lname=$2$(basename "$p").log
		if [ -x "$p" ]; then
			run "$p" "$1" "$lname" "./$p"
		else
			echo "FAIL $p: not built" > "$LOGS/$lname"
			report "$p" "$1" "$LOGS/$lname" 1
		fi
	done
}

build "" build.log WERROR=-Werror
unit "" ""
run tests/canon_paths.sh "" canon-paths.log sh tests/canon_paths.sh
run tests/symbols.sh "" symbols.log sh tests/symbols.sh
run tests/layering.sh "" layering.log sh tests/layering.sh
run tests/allocators.sh "" allocators.log sh tests/allocators.sh
run tests/examples.sh "" examples.log sh tests/examples.sh
run tests/vectors.sh "" vectors.log sh tests/vectors.sh
run tests/limits.sh "" limits.log sh tests/limits.sh
run tests/dns/run.sh "" dns.log sh tests/dns/run.sh
run tests/cli/run.sh "" cli.log sh tests/cli/run.sh
run tests/manlint.sh "" manlint.log sh tests/manlint.sh
run tests/interop/run.sh "" interop.log sh tests/interop/run.sh
run tests/filter/run.sh "" filter.log sh tests/filter/run.sh
run tests/smtpd/run.sh "" smtpd.log sh tests/smtpd/run.sh
run "tests/smtpd/run.sh --valgrind" valgrind: smtpd-valgrind.log \
    sh tests/smtpd/run.sh --valgrind
# faults through smtpd, scaled down; make stress runs 10,000 messages
run tests/stress/run.sh "" stress.log sh tests/stress/run.sh $STRESS_CHECK
run tests/milter/run.sh "" milter.log sh tests/milter/run.sh
run tests/milter/sendmail-mc.sh "" sendmail-mc.log sh tests/milter/sendmail-mc.sh
run tests/postfix/run.sh "" postfix.log sh tests/postfix/run.sh
# the same faults through Postfix and the milter, scaled down likewise
run "tests/stress/run.sh --postfix" "" stress-postfix.log \
    sh tests/stress/run.sh --postfix $STRESS_CHECK

# The resolver keeps sockets, timers and lookups that a session may
# cancel halfway: valgrind checks that nothing leaks, in its unit tests
# and in the DNS tests' driver.
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
run tests/test_resolver valgrind: valgrind-resolver.log $VG ./tests/test_resolver
# The filter's message-order tests: every ordering of ".", the DNS answer
# or deadline, an internal failure, commit, rollback and disconnect.
run tests/test_filter valgrind: valgrind-filter.log $VG ./tests/test_filter
run tests/dns/run.sh valgrind: valgrind-dns.log \
    env DNSPROBE_WRAP="$VG" sh tests/dns/run.sh
# Every allocation of the engine failing in turn (tests/test_oom) must
# leak nothing: valgrind also sees the blocks of the libraries the
# engine calls, which the test's own count cannot. Every N takes
# seconds.
run tests/test_oom valgrind: valgrind-oom.log $VG ./tests/test_oom

# Constant-time RSA signing: the key's secrets and the digest marked
# undefined, memcheck reports any branch or index on them.
MULX=0
grep -qw adx /proc/cpuinfo 2>/dev/null && MULX=1
run tests/test_rsact valgrind: valgrind-rsact.log env TEST_RSACT_VALGRIND=1 \
    TEST_RSACT_MULX=$MULX valgrind -q ./tests/test_rsact

# Every fuzz target built with the sanitizers and run briefly over its
# seeds; the long runs are `make fuzz`.
run tests/fuzz.sh "" fuzz.log sh tests/fuzz.sh

# The sanitizer pass works on a copy, so that its objects never mix
# with the ones above.
rm -rf build/asan
mkdir -p build/asan
for d in Makefile include src compat tests vectors scripts man; do
	[ -e "$d" ] && cp -R "$d" build/asan/
done
(
	cd build/asan || exit 1
	$MAKE clean > /dev/null 2>&1
	build asan: asan-build.log WERROR=-Werror OPTFLAGS="-O1 -g" \
	    SANFLAGS="$SANFLAGS"
	export $ASAN_ENV
	unit asan: asan-
	run tests/canon_paths.sh asan: asan-canon-paths.log \
	    env SANFLAGS="$SANFLAGS" sh tests/canon_paths.sh
	run tests/vectors.sh asan: asan-vectors.log sh tests/vectors.sh
	run tests/limits.sh asan: asan-limits.log sh tests/limits.sh
	# the keys made by the first run are reused: RSA 4096 takes seconds
	run tests/filter/run.sh asan: asan-filter.log sh tests/filter/run.sh
	run tests/smtpd/run.sh asan: asan-smtpd.log env \
	    SMTPD_KNOT_KEYS="$TOP/build/smtpd/knot" sh tests/smtpd/run.sh
	run tests/stress/run.sh asan: asan-stress.log env \
	    SMTPD_KNOT_KEYS="$TOP/build/smtpd/knot" sh tests/stress/run.sh \
	    $STRESS_CHECK_ASAN
	run tests/milter/run.sh asan: asan-milter.log sh tests/milter/run.sh
	run tests/postfix/run.sh asan: asan-postfix.log env \
	    POSTFIX_KNOT_KEYS="$TOP/build/postfix/knot" POSTFIX_COUNT=20 \
	    sh tests/postfix/run.sh
	run "tests/stress/run.sh --postfix" asan: asan-stress-postfix.log \
	    env SMTPD_KNOT_KEYS="$TOP/build/smtpd/knot" \
	    sh tests/stress/run.sh --postfix $STRESS_CHECK_ASAN
	run tests/dns/run.sh asan: asan-dns.log env \
	    DNS_KEYDIR="$TOP/build/dns/keys" SANFLAGS="$SANFLAGS" \
	    sh tests/dns/run.sh
	run tests/cli/run.sh asan: asan-cli.log env \
	    DNS_KEYDIR="$TOP/build/dns/keys" sh tests/cli/run.sh
)

# Last, as an operator gets it: the Makefile under BSD make (build and
# unit tests; `bmake check` runs everything), and the Debian packages
# built once, linted, installed, run through the README's quick starts
# and purged.
run tests/packaging/bmake.sh "" bmake.log sh tests/packaging/bmake.sh
run tests/packaging/run.sh "" packaging.log sh tests/packaging/run.sh

awk '/^PASS /{p++} /^FAIL /{f++} END{printf "%d passed, %d failed\n", p, f
    exit (f > 0)}' "$ALL"
