#!/bin/sh
#
# libdkimkit.so must export exactly the functions include/dkimkit.h
# declares (STYLE.md §5): the header, src/libdkimkit.sym (which the
# Makefile turns into the version script) and `nm -D` must agree.

cd "$(dirname "$0")/.." || exit 1

TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT

# Function names declared in the header: comments removed, then every
# dk_ identifier directly followed by "(".
awk '
{
	line = $0
	out = ""
	while (line != "") {
		if (incomment) {
			if ((i = index(line, "*/")) == 0)
				line = ""
			else {
				line = substr(line, i + 2)
				incomment = 0
			}
		} else if ((i = index(line, "/*")) == 0) {
			out = out line
			line = ""
		} else {
			out = out substr(line, 1, i - 1) " "
			line = substr(line, i + 2)
			incomment = 1
		}
	}
	if (out ~ /^#/)
		next
	while (match(out, /dk_[A-Za-z0-9_]*[ \t]*\(/)) {
		name = substr(out, RSTART, RLENGTH)
		sub(/[ \t]*\($/, "", name)
		print name
		out = substr(out, RSTART + RLENGTH)
	}
}' include/dkimkit.h | sort -u > "$TMP/header"

sed -e 's/[ \t]*#.*//' -e '/^[ \t]*$/d' src/libdkimkit.sym 2>/dev/null |
    sort -u > "$TMP/sym"

# Everything defined and exported, with its type; version suffixes off,
# and the version node itself (DKIMKIT_1, an absolute symbol) left out.
nm -D --defined-only libdkimkit.so 2>"$TMP/nm.err" |
    awk 'NF >= 3 && !($2 == "A" && $3 ~ /^DKIMKIT_[0-9]+$/) {
	sub(/@.*/, "", $3); print $2, $3 }' |
    sort -k2 > "$TMP/nm"
awk '{ print $2 }' "$TMP/nm" | sort -u > "$TMP/so"

# same CASE A B: PASS when the two name lists are equal, else list the
# names only in one of them and FAIL.
same() {
	if cmp -s "$TMP/$2" "$TMP/$3"; then
		echo "PASS $1"
		return
	fi
	comm -23 "$TMP/$2" "$TMP/$3" | sed "s/^/  only in $2: /"
	comm -13 "$TMP/$2" "$TMP/$3" | sed "s/^/  only in $3: /"
	echo "FAIL $1"
}

if [ ! -s "$TMP/header" ]; then
	echo "FAIL symbols:header: no dk_ functions found in include/dkimkit.h"
fi
if [ ! -f src/libdkimkit.sym ]; then
	echo "FAIL symbols:sym: src/libdkimkit.sym is missing"
else
	same symbols:sym-matches-header header sym
fi
if [ ! -f libdkimkit.so ]; then
	echo "FAIL symbols:so: libdkimkit.so is missing (not built)"
	exit 1
fi
if [ -s "$TMP/nm.err" ]; then
	sed 's/^/  /' "$TMP/nm.err"
	echo "FAIL symbols:nm: nm -D failed on libdkimkit.so"
	exit 1
fi
same symbols:so-matches-header header so

# The exports are all code: no data object leaks out.
awk '$1 != "T" { print "  " $2 " has type " $1 }' "$TMP/nm" > "$TMP/data"
if [ -s "$TMP/data" ]; then
	cat "$TMP/data"
	echo "FAIL symbols:only-functions"
else
	echo "PASS symbols:only-functions"
fi

# ABI 1: the soname, and every symbol in the DKIMKIT_1 version node.
soname=$(objdump -p libdkimkit.so | awk '$1 == "SONAME" { print $2 }')
if [ "$soname" = libdkimkit.so.1 ]; then
	echo "PASS symbols:soname"
else
	echo "FAIL symbols:soname: '$soname', not libdkimkit.so.1"
fi
nm -D --defined-only libdkimkit.so |
    awk 'NF >= 3 && $3 !~ /^dk_[A-Za-z0-9_]*@@DKIMKIT_1$/ &&
	$3 != "DKIMKIT_1" { print "  " $3 }' > "$TMP/bad"
if [ -s "$TMP/bad" ]; then
	cat "$TMP/bad"
	echo "FAIL symbols:dk-names-only"
else
	echo "PASS symbols:dk-names-only"
fi
