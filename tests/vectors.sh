#!/bin/sh
#
# The conformance run: every row of vectors/manifest.tsv is checked, and
# the count of checked rows must come to all of them.
#
# verify rows go through the real CLI, `dkimkit verify --dns-file`, once
# with RFC 8301 (against expected_rfc8301) and once with --no-rfc8301
# (against expected). The sign row that must be refused goes through
# `dkimkit sign`. The other sign rows and the canon row need the
# internals (exact b= reproduction, canonicalized text), so
# tests/test_vectors checks them and its lines are passed on here.

cd "$(dirname "$0")/.." || exit 1

# README.md, "Counts": 97 verify, 15 sign and 1 canon row.
ROWS_TOTAL=113

TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT
# params hold words like "(base64": no globbing when splitting them
set -f

# notation: an Authentication-Results field on stdin, in the manifest's
# words: "pass", "none" or "RESULT:REASON" per dkim= result, joined
# with ";". Folded lines are joined first.
notation() {
	awk '
	{ sub(/\r$/, ""); s = s " " $0 }
	END {
		out = ""
		re = ";[ \t]*dkim=[a-z]+( \\([a-z0-9-]+\\))?"
		while (match(s, re)) {
			r = substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
			sub(/^;[ \t]*dkim=/, "", r)
			if (sub(/ \(/, ":", r))
				sub(/\)$/, "", r)
			out = out (out == "" ? "" : ";") r
		}
		print out
	}'
}

# exit_for EXPECTED: the verify exit status DESIGN.md gives for it: 0
# when any signature passes, 75 when none does and one is temperror.
exit_for() {
	case ";$1;" in
	*";pass;"*)		echo 0 ;;
	*";temperror:"*)	echo 75 ;;
	*)			echo 1 ;;
	esac
}

# detail FILE...: the output of a failed run, indented, bounded.
detail() {
	cat "$@" | head -n 20 | sed 's/^/  /'
}

# verify_row CASE PATH TIME EXPECTED [FLAG]
verify_row() {
	./dkimkit verify --dns-file vectors/dns.txt --now "$3" -A test $5 \
	    < "vectors/$2" > "$TMP/out" 2> "$TMP/err"
	st=$?
	got=$(notation < "$TMP/out")
	want=$(exit_for "$4")
	if [ "$got" = "$4" ] && [ "$st" -eq "$want" ]; then
		echo "PASS $1:$2"
		return
	fi
	detail "$TMP/out" "$TMP/err"
	if [ "$got" != "$4" ]; then
		echo "FAIL $1:$2: expected $4 got $got"
	else
		echo "FAIL $1:$2: exit status $st, expected $want"
	fi
}

# param NAME PARAMS: the value of NAME=... in a params column.
param() {
	for w in $2; do
		case $w in
		"$1="*)	echo "${w#*=}"; return ;;
		esac
	done
}

# sign_refused PATH PARAMS: signing must fail with 65 and name From.
sign_refused() {
	spec="$(param d "$2"):$(param s "$2"):vectors/$(param key "$2")"
	./dkimkit sign "$spec" < "vectors/$1" > "$TMP/out" 2> "$TMP/err"
	st=$?
	if [ "$st" -eq 65 ] && grep -q From "$TMP/err"; then
		echo "PASS vector:$1"
		return
	fi
	detail "$TMP/err"
	echo "FAIL vector:$1: expected exit 65 and a message naming From," \
	    "got exit $st"
}

# in_test_vectors NAME: did tests/test_vectors report on this row?
in_test_vectors() {
	grep -q -x -F -e "PASS $1" -e "FAIL $1" "$TMP/tv"
}

if [ -x tests/test_vectors ]; then
	./tests/test_vectors > "$TMP/tv" 2>&1
	st=$?
	cat "$TMP/tv"
	if [ "$st" -gt 128 ] ||
	    { [ "$st" -ne 0 ] && ! grep -q '^FAIL ' "$TMP/tv"; }; then
		echo "FAIL tests/test_vectors: exit status $st"
	fi
else
	: > "$TMP/tv"
	echo "FAIL tests/test_vectors: not built"
fi

# One row a line: path|kind|expected|expected_rfc8301|time|params, with
# "-" for an empty field (a "|" occurs in none of these columns).
awk -F '\t' 'NR > 1 && NF > 0 {
	for (i = 1; i <= 7; i++)
		if ($i == "")
			$i = "-"
	print $1 "|" $3 "|" $4 "|" $5 "|" $6 "|" $7
}' vectors/manifest.tsv > "$TMP/rows"

nverify=0 nsign=0 ncanon=0 nrows=0
while IFS='|' read -r path kind exp exp8301 time params; do
	nrows=$((nrows + 1))
	case $kind in
	verify)
		verify_row vector "$path" "$time" "$exp8301"
		verify_row vector-rfc6376 "$path" "$time" "$exp" --no-rfc8301
		nverify=$((nverify + 1))
		;;
	sign)
		case $exp in
		error:from-missing)
			sign_refused "$path" "$params"
			nsign=$((nsign + 1))
			;;
		*)
			if in_test_vectors "sign:$path"; then
				nsign=$((nsign + 1))
			else
				echo "FAIL vector:$path: not checked by" \
				    "tests/test_vectors"
			fi
			;;
		esac
		;;
	canon)
		if in_test_vectors "canon:$path"; then
			ncanon=$((ncanon + 1))
		else
			echo "FAIL vector:$path: not checked by tests/test_vectors"
		fi
		;;
	*)
		echo "FAIL vector:$path: unknown kind \"$kind\""
		;;
	esac
done < "$TMP/rows"

n=$((nverify + nsign + ncanon))
echo "vectors: $nverify verify, $nsign sign, $ncanon canon rows checked;" \
    "$n of $nrows rows, $ROWS_TOTAL expected"
if [ "$n" -eq "$ROWS_TOTAL" ] && [ "$nrows" -eq "$ROWS_TOTAL" ]; then
	echo "PASS vectors:all-rows"
else
	echo "FAIL vectors:all-rows: $n rows checked of $nrows in the" \
	    "manifest, $ROWS_TOTAL expected"
fi
