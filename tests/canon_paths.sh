#!/bin/sh
#
# tests/canon_paths.sh: the relaxed body scanner has three paths (AVX2
# where the CPU has it, SSE2 on every x86-64, and portable SWAR), and
# tests/test_canon runs only the one this CPU picks. Build test_canon
# again with src/canon/body.c forced to each of the others, and run it.
# Prints the test's PASS/FAIL lines, prefixed with the path.

cd "$(dirname "$0")/.." || exit 1

CC=${CC:-cc}
out=build/canon-paths
pkg_libs=$(pkg-config --libs libsodium ldns 2>/dev/null || echo -lsodium -lldns)
mkdir -p "$out"
st=0
for path in SSE2 PORTABLE; do
	# shellcheck disable=SC2086
	if ! $CC -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -O2 -Wall -Wextra \
	    -Werror $SANFLAGS -DDK_CANON_$path -Iinclude \
	    -o "$out/test_canon_$path" tests/test_canon.c src/canon/body.c \
	    tests/testlib.o libdkimkit.a -lbearssl $pkg_libs; then
		echo "FAIL canon-paths:$path: does not build"
		st=1
		continue
	fi
	"$out/test_canon_$path" > "$out/$path.log" 2>&1 || st=1
	sed "s/^\(PASS\|FAIL\) /\1 canon-$path:/" "$out/$path.log"
done
exit $st
