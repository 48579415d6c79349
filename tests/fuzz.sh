#!/bin/sh
# Every libFuzzer target (fuzz/) built with ASan and UBSan, replayed over
# its seeds and the corpus kept in build/fuzz, then mutated for a short
# run: a smoke test that the targets build and hold. It builds at -O1,
# which compiles faster; the long runs (`make fuzz
# FUZZ_RUNS=10000000`, at -O2) are not part of make check.
# Prints one PASS or FAIL line per target.
cd "$(dirname "$0")/.." || exit 1

runs=${FUZZ_CHECK_RUNS:-2000}
out=$(FUZZ_RUNS=$runs FUZZ_OPT=-O1 sh fuzz/run.sh 2>&1)
st=$?
printf '%s\n' "$out" | awk '
	/: [0-9]+ runs, no finding$/ { sub(/:.*/, ""); print "PASS fuzz:" $0
				       next }
	/: FINDING/		     { print "FAIL fuzz:" $0; next }
	{ print }'
[ $st -eq 2 ] && echo "FAIL fuzz:build"
exit $st
