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
# tests/examples.sh: the library as an embedder gets it. `make install`
# into a temporary PREFIX; examples/sign.c and examples/verify.c built
# from there through pkg-config only; keys served by knot on loopback;
# then `make uninstall` must leave no file behind, also under DESTDIR.
# dkimkit(3) must pass `mandoc -Tlint`. Needs make all done, knotd,
# pkg-config, mandoc. Prints "PASS examples:NAME" / "FAIL examples:NAME".

cd "$(dirname "$0")/.." || exit 1

MAKE=${MAKE:-make}
TMP=$(mktemp -d) || exit 1
P=$TMP/prefix
KPID=
cleanup() {
	[ -n "$KPID" ] && kill "$KPID" 2>/dev/null && wait "$KPID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

failed=0
check() {	# check NAME CONDITION-STATUS [DETAIL]
	if [ "$2" -eq 0 ]; then
		echo "PASS examples:$1"
	else
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/  /'
		echo "FAIL examples:$1"
		failed=1
	fi
}

# leftovers DIR: every file or link under DIR
leftovers() {
	find "$1" ! -type d 2>/dev/null
}

# ---- install, and build the examples through pkg-config only ---------------

$MAKE install PREFIX="$P" > "$TMP/install.log" 2>&1
check install $? "$(tail -5 "$TMP/install.log")"
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
pkg-config --exists dkimkit
check pkg-config:found $?
pkg-config --static --libs dkimkit | grep -q -- '-lbearssl'
check pkg-config:libs-private $? "$(pkg-config --static --libs dkimkit)"
for ex in sign verify; do
	# shellcheck disable=SC2046
	${CC:-cc} -std=c99 -Wall -Wextra -Werror -o "$TMP/$ex" \
	    "examples/$ex.c" $(pkg-config --cflags --libs dkimkit) \
	    > "$TMP/$ex.log" 2>&1
	check "build:$ex" $? "$(cat "$TMP/$ex.log")"
done
objdump -p "$TMP/verify" | grep -q 'NEEDED.*libdkimkit\.so\.1'
check linked-so.1 $?
# the static case: every library of Libs.private linked from its archive
# shellcheck disable=SC2046
${CC:-cc} -o "$TMP/verify-static" examples/verify.c \
    $(pkg-config --cflags dkimkit) -Wl,-Bstatic \
    $(pkg-config --static --libs dkimkit) -Wl,-Bdynamic \
    > "$TMP/static.log" 2>&1 &&
    ! objdump -p "$TMP/verify-static" | grep -q 'NEEDED.*libdkimkit'
check build:verify-static $? "$(tail -5 "$TMP/static.log")"
# the installed library exports dk_ names only, in version node DKIMKIT_1
nm -D --defined-only "$P/lib/libdkimkit.so.1" |
    awk 'NF >= 3 && $3 !~ /^dk_[A-Za-z0-9_]*@@DKIMKIT_1$/ &&
	$3 != "DKIMKIT_1" { print $3 }' > "$TMP/nm.bad"
[ ! -s "$TMP/nm.bad" ] &&
    nm -D --defined-only "$P/lib/libdkimkit.so.1" | grep -q ' dk_verifier_new@@'
check installed:dk-names-only $? "$(head "$TMP/nm.bad")"
export LD_LIBRARY_PATH="$P/lib"

# ---- keys, and knot serving them -------------------------------------------

"$P/bin/dkimkit" keygen -a ed25519 -d example.test -s ex -o "$TMP" \
    > "$TMP/ex.record"
"$P/bin/dkimkit" keygen -a rsa -b 2048 -d example.test -s rsa -o "$TMP" \
    > "$TMP/rsa.record"
# a TXT line from keygen or vectors/dns.txt as a zone line, each
# string at most 255 bytes (RFC 1035 §3.3)
zoneline() {
	printf '%s. 300 IN TXT' "$1"
	sed 's/^[^"]*"//; s/"$//; s/" "//g' | fold -w 200 |
	    while IFS= read -r part; do printf ' "%s"' "$part"; done
	echo
}
soa() {
	printf '$ORIGIN %s.\n$TTL 300\n' "$1"
	printf '@ IN SOA ns.%s. host.%s. 1 3600 600 86400 60\n' "$1" "$1"
	printf '@ IN NS ns.%s.\nns IN A 127.0.0.1\n' "$1"
}
{
	soa example.test
	zoneline ex._domainkey.example.test < "$TMP/ex.record"
	zoneline rsa._domainkey.example.test < "$TMP/rsa.record"
} > "$TMP/example.test.zone"
{
	soa example.com
	grep '^test\._domainkey\.example\.com TXT' vectors/dns.txt |
	    zoneline test._domainkey.example.com
} > "$TMP/example.com.zone"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$TMP/knot.conf" <<EOF2
server:
    rundir: "$TMP"
    listen: 127.0.0.1@$PORT
    pidfile: "$TMP/knot.pid"
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
database:
    storage: "$TMP"
log:
  - target: stderr
    any: warning
template:
  - id: default
    storage: "$TMP"
    file: "%s.zone"
    zonefile-sync: -1
    journal-content: none
zone:
  - domain: example.test
  - domain: example.com
EOF2
knotd -c "$TMP/knot.conf" > "$TMP/knot.log" 2>&1 &
KPID=$!
i=0
# ready once knot serves both keys: testkey exits 0 only then
until "$P/bin/dkimkit" testkey --resolver "127.0.0.1:$PORT" \
    "example.test:ex:$TMP/ex.key" "example.test:rsa:$TMP/rsa.key" \
    > /dev/null 2>&1; do
	i=$((i + 1))
	[ $i -gt 50 ] && break
	sleep 0.1
done
check knot:start "$([ $i -le 50 ]; echo $?)" "$(cat "$TMP/knot.log")"

# ---- sign and verify ---------------------------------------------------------

MSG='From: Joe <joe@example.test>
To: ann@example.org
Subject: examples

Hello.
'
for sel in ex rsa; do
	printf '%s' "$MSG" | sed 's/$/\r/' |
	    "$TMP/sign" example.test "$sel" "$TMP/$sel.key" > "$TMP/$sel.eml"
	check "sign:$sel" $? "$(cat "$TMP/$sel.eml")"
	head -1 "$TMP/$sel.eml" | grep -q '^DKIM-Signature: v=1; a=' &&
	    tail -n +2 "$TMP/$sel.eml" | grep -q '^Hello\.'
	check "sign:$sel:on-top" $?
	t=$(head -3 "$TMP/$sel.eml" | tr -d '\r\n\t ' |
	    sed -n 's/.*;t=\([0-9]*\);.*/\1/p')
	now=$(date +%s)
	[ -n "$t" ] && [ "$t" -le "$now" ] && [ "$t" -ge $((now - 300)) ]
	check "sign:$sel:t-is-now" $? "t=$t, now $now"
	out=$("$TMP/verify" --resolver "127.0.0.1:$PORT" < "$TMP/$sel.eml")
	st=$?
	printf '%s\n' "$out" | grep -q '^Authentication-Results: verify.example;' &&
	    printf '%s\n' "$out" | grep -q 'dkim=pass header.d=example.test'
	check "verify:$sel:pass" $? "$out"
	check "verify:$sel:exit-0" "$st" "exit $st"
done
# LF-only input, both ways (accept_lf)
printf '%s' "$MSG" | "$TMP/sign" example.test ex "$TMP/ex.key" |
    tr -d '\r' > "$TMP/lf.eml"
"$TMP/verify" --resolver "127.0.0.1:$PORT" < "$TMP/lf.eml" > "$TMP/lf.out"
check verify:lf-only $? "$(cat "$TMP/lf.out")"
# a changed body fails
sed 's/Hello/Hullo/' "$TMP/ex.eml" |
    "$TMP/verify" --resolver "127.0.0.1:$PORT" > "$TMP/bad.out"
st=$?
grep -q 'dkim=fail (body-hash-mismatch)' "$TMP/bad.out" && [ $st -eq 1 ]
check verify:altered-fails $? "$(cat "$TMP/bad.out"; echo "exit $st")"
# default options: rsa-sha1 is permerror (RFC 8301)
"$TMP/verify" --resolver "127.0.0.1:$PORT" \
    < vectors/dkimpy/derived/test-sha1.eml > "$TMP/sha1.out"
st=$?
grep -q 'dkim=permerror (rsa-sha1-rfc8301) header.d=example.com' \
    "$TMP/sha1.out" && [ $st -eq 1 ]
check verify:rsa-sha1-permerror $? "$(cat "$TMP/sha1.out"; echo "exit $st")"
"$TMP/verify" --resolver 'not an address' < /dev/null > /dev/null 2>&1
check verify:bad-resolver-64 "$([ $? -eq 64 ]; echo $?)"

# ---- uninstall leaves nothing ------------------------------------------------

$MAKE uninstall PREFIX="$P" > "$TMP/uninstall.log" 2>&1
check uninstall $? "$(tail -5 "$TMP/uninstall.log")"
check uninstall:no-file-left "$(leftovers "$P" | grep -q .; [ $? -ne 0 ]; echo $?)" \
    "$(leftovers "$P")"
D=$TMP/destdir
$MAKE install DESTDIR="$D" PREFIX=/usr/local > /dev/null 2>&1 &&
    grep -q '^prefix=/usr/local$' "$D/usr/local/lib/pkgconfig/dkimkit.pc" &&
    $MAKE uninstall DESTDIR="$D" PREFIX=/usr/local > /dev/null 2>&1
check destdir:install-uninstall $?
check destdir:no-file-left "$(leftovers "$D" | grep -q .; [ $? -ne 0 ]; echo $?)" \
    "$(leftovers "$D")"
# the next build's pkg-config file must not keep this PREFIX
rm -f dkimkit.pc

# ---- the manual --------------------------------------------------------------

# -Tlint in full; only cross references to our own pages, which are not
# installed where mandoc looks, are left out
out=$(mandoc -Tlint man/dkimkit.3 2>&1 | grep -v 'outdated mandoc.db' |
    grep -Ev 'referenced manual not found: Xr (dkimkit|filter-dkim) [0-9]')
check man:dkimkit.3-lint "$([ -z "$out" ]; echo $?)" "$out"
# EXAMPLES carries the two programs exactly: the Nth literal display of
# that section, unescaped, is the file
for ex in sign:1 verify:2; do
	name=${ex%:*} nth=${ex#*:}
	awk -v nth="$nth" '
	/^\.Sh EXAMPLES/ { inex = 1; next }
	/^\.Sh / { inex = 0 }
	inex && /^\.Bd -literal/ { n++; if (n == nth) { on = 1; next } }
	on && /^\.Ed/ { on = 0 }
	on { sub(/^\\&/, ""); gsub(/\\e/, "\\"); print }
	' man/dkimkit.3 > "$TMP/$name.man.c"
	cmp -s "$TMP/$name.man.c" "examples/$name.c"
	check "man:example-$name" $? \
	    "$(diff "examples/$name.c" "$TMP/$name.man.c" | head -20)"
done

exit $failed
