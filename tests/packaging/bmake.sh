#!/bin/sh
#
# tests/packaging/bmake.sh: the Makefile under BSD make. Builds
# everything and the test programs with bmake (Debian's port of NetBSD
# make, whose sys.mk sets CFLAGS as OpenBSD's does) in a copy of the
# tree under build/bmake, checks that a CFLAGS from the environment
# replaces only the optimization flags, and runs the unit tests from
# that build. `bmake check` runs the whole suite; this is the part of
# it that make check repeats.

cd "$(dirname "$0")/../.." || exit 1
. tests/packaging/copytree.sh
OUT=$(pwd)/build/bmake

pass() { echo "PASS bmake:$1"; }
fail() { echo "FAIL bmake:$1"; }

if ! command -v bmake > /dev/null; then
	fail "setup: no bmake (scripts/setup-deps.sh)"
	exit 1
fi
rm -rf "$OUT"
copy_tree "$OUT" || { fail "setup: copy"; exit 1; }
cd "$OUT" || exit 1

# CFLAGS from the environment: our -std, defines and warnings stay,
# and the user's -O comes after our default one.
flags=$(env CFLAGS="-O1 -pipe" bmake -v ALL_CFLAGS)
echo "CFLAGS=\"-O1 -pipe\": $flags"
ok=1
for f in -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Wpedantic -Wformat=2 \
    -fPIC "-O2 -g -O1 -pipe"; do
	case " $flags " in
	*" $f "*)	;;
	*)		echo "missing: $f"; ok=0 ;;
	esac
done
[ $ok -eq 1 ] && pass cflags-keep-defaults || fail cflags-keep-defaults

if bmake -j2 WERROR=-Werror all tests > build.log 2>&1; then
	pass build
else
	grep -E '(error|warning):|\*\*\*' build.log | head -40
	fail "build (see $OUT/build.log)"
	exit 1
fi
for t in tests/test_*; do
	case $t in *.c|*.o) continue ;; esac
	if ./"$t" > "$t.log" 2>&1; then
		pass "$t"
	else
		tail -20 "$t.log"
		fail "$t"
	fi
done
