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
# tests/cli/run.sh: the operator's commands of dkimkit(1) against knot on
# loopback. Needs dkimkit built (make all), python3 and knotd (Debian
# package knot).
#
#   1. keygen's lines pasted as they are into a zone file under
#      $ORIGIN, served by knot (knot.conf from tests/dns/mkzone.sh)
#   2. testkey: match, different, absent, revoked, for RSA and Ed25519,
#      and a failed lookup (nothing listens), with exit statuses; the
#      daemons' -n -n the same way, and against a DNS server that never
#      answers (tests/dns/faultdns.py): within one dns-timeout
#   3. a whole rotate cycle: one filter-dkim process signs with the
#      configuration (tests/cli/filtersign.py drives it as smtpd would),
#      and its mail verifies; new; switch refused until the zone has the
#      new record; switch; SIGHUP, as the operator reloads; the next mail
#      is signed with the new key and verifies, and so does the mail
#      signed before; revoke refused in the grace period; revoke; the old
#      signature is then revoked-key. Nothing is written outside the key
#      directory and the configuration's.
#   4. --help, --version
#
# Prints "PASS cli:NAME" / "FAIL cli:NAME: why" lines; exit status 1 when
# any failed. knotd is stopped by pid on exit.

cd "$(dirname "$0")/../.." || exit 1

TOP=$(pwd)
DK=$TOP/dkimkit
PYTHON=${PYTHON:-/usr/bin/python3}
TMP=$(mktemp -d) || exit 1
KPID=
FPID=
KEYDIR=${DNS_KEYDIR:-$TOP/build/dns/keys}
SERIAL=1
# a shim preloaded before an ASan build's runtime
PRELOAD_ASAN="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

cleanup() {
	[ -n "$KPID" ] && kill "$KPID" 2>/dev/null && wait "$KPID" 2>/dev/null
	[ -n "$FPID" ] && kill "$FPID" 2>/dev/null && wait "$FPID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
# a filter driver that died must fail a check, not kill the script
trap '' PIPE

pass() {
	echo "PASS cli:$1"
}

fail() {
	echo "FAIL cli:$1: $2"
	echo "$1" >> "$TMP/failed"
}

# check NAME WANT GOT
check() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected \"$2\", got \"$3\""
	fi
}

free_port() {
	$PYTHON - <<'PY'
import socket
for _ in range(50):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    try:
        for typ in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
            t = socket.socket(socket.AF_INET, typ)
            t.bind(("127.0.0.1", port))
            t.close()
    except OSError:
        continue
    print(port)
    break
PY
}

# ---- the zone ---------------------------------------------------------------

# The zone: a head with a new serial, then the records in $TMP/records.
write_zone() {
	SERIAL=$((SERIAL + 1))
	{
		cat <<-ZONE
		\$ORIGIN example.test.
		\$TTL 300
		@	IN SOA	ns hostmaster 1$SERIAL 3600 600 86400 60
		@	IN NS	ns
		ns	IN A	127.0.0.1
		ZONE
		cat "$TMP/records"
	} > "$TMP/knot/example.test.zone"
}

# Load the zone again; -b: knotc returns once knot serves it.
reload_zone() {
	write_zone
	if ! knotc -c "$TMP/knot/knot.conf" -b zone-reload example.test \
	    > "$TMP/knotc.log" 2>&1; then
		cat "$TMP/knotc.log"
		return 1
	fi
}

# Does knot serve the zone with the serial written last?
zone_served() {
	knotc -c "$TMP/knot/knot.conf" zone-read example.test @ SOA \
	    2> /dev/null | grep -q " 1$SERIAL "
}

start_knot() {
	mkdir -p "$KEYDIR" "$TMP/knot"
	KPORT=$(free_port)
	# knot.conf as the DNS tests make it; the zone is ours
	sh tests/dns/mkzone.sh "$DK" "$KEYDIR" "$TMP/knot" "$KPORT" \
	    > "$TMP/mkzone.log" 2>&1 || return 1
	write_zone
	knotd -c "$TMP/knot/knot.conf" > "$TMP/knot.log" 2>&1 &
	KPID=$!
	i=0
	until zone_served; do
		i=$((i + 1))
		if [ $i -gt 50 ]; then
			cat "$TMP/knot.log"
			return 1
		fi
		sleep 0.1
	done
}

# ---- 1. keygen lines in a zone, 2. testkey ----------------------------------

keys() {
	mkdir -p "$TMP/keys"
	: > "$TMP/records"
	for k in rsa:rsa ed:ed25519 rsax:rsa edx:ed25519; do
		"$DK" keygen -a "${k#*:}" -d example.test -s "${k%%:*}" \
		    -o "$TMP/keys" > "$TMP/keys/${k%%:*}.line" || return 1
	done
	# as printed: an absolute owner name, under $ORIGIN example.test.
	cat "$TMP/keys/rsa.line" "$TMP/keys/ed.line" >> "$TMP/records"
	# published with another key's record: different
	sed 's/^rsax\./rsadiff./' "$TMP/keys/rsax.line" >> "$TMP/records"
	sed 's/^edx\./eddiff./' "$TMP/keys/edx.line" >> "$TMP/records"
	echo 'rsarev._domainkey IN TXT "v=DKIM1; k=rsa; p="' >> "$TMP/records"
	echo 'edrev._domainkey IN TXT "v=DKIM1; k=ed25519; p="' \
	    >> "$TMP/records"
	# an Ed25519 record where the RSA key is meant; a record that is no
	# key; tags a signer may add; p= with blanks (RFC 6376 §3.6.1)
	sed 's/^ed\./rsaed./' "$TMP/keys/ed.line" >> "$TMP/records"
	echo 'rsajunk._domainkey IN TXT "v=DKIM1; k=rsa; p=AAAA"' \
	    >> "$TMP/records"
	sed 's/^ed\./edtags./; s/k=ed25519; /k=ed25519; t=y:s; h=sha256; s=email; zz=x; /' \
	    "$TMP/keys/ed.line" >> "$TMP/records"
	sed 's/^rsa\./rsaws./; s/p=\(.\{40\}\)/p= \1 \t /' \
	    "$TMP/keys/rsa.line" >> "$TMP/records"
	for s in rsadiff rsarev rsanone rsaed rsajunk rsaws; do
		cp "$TMP/keys/rsa.key" "$TMP/keys/$s.key"
	done
	for s in eddiff edrev ednone edtags; do
		cp "$TMP/keys/ed.key" "$TMP/keys/$s.key"
	done
}

# selector|testkey's line after the name|exit status alone
TESTKEY='rsa|match (rsa 2048 bits, KEYS/rsa.key)|0
ed|match (ed25519, KEYS/ed.key)|0
rsadiff|different (the published key is not the one in KEYS/rsadiff.key)|1
eddiff|different (the published key is not the one in KEYS/eddiff.key)|1
rsarev|revoked (p= is empty)|1
edrev|revoked (p= is empty)|1
rsanone|absent (NXDOMAIN)|1
ednone|absent (NXDOMAIN)|1
rsaed|different (the record is k=ed25519, the key in KEYS/rsaed.key is rsa)|1
rsajunk|different (the record is unusable (key-syntax), so not the key in KEYS/rsajunk.key)|1
edtags|match (ed25519, t=y, KEYS/edtags.key)|0
rsaws|match (rsa 2048 bits, KEYS/rsaws.key)|0'

testkey() {
	check keygen:zone-line "rsa._domainkey.example.test. TXT" \
	    "$(cut -d' ' -f1-2 "$TMP/keys/rsa.line")"
	all=
	echo "$TESTKEY" | while IFS='|' read -r sel want rc; do
		want=$(echo "$want" | sed "s|KEYS|$TMP/keys|")
		"$DK" testkey --resolver "127.0.0.1:$KPORT" \
		    "example.test:$sel:$TMP/keys/$sel.key" > "$TMP/tk.out" \
		    2> "$TMP/tk.err"
		got_rc=$?
		echo "  $(cat "$TMP/tk.out") [exit $got_rc]"
		check "testkey:$sel" "$sel._domainkey.example.test: $want|$rc" \
		    "$(cat "$TMP/tk.out")|$got_rc"
	done
	for sel in rsa ed rsadiff eddiff rsarev edrev rsanone ednone; do
		all="$all example.test:$sel:$TMP/keys/$sel.key"
	done
	# shellcheck disable=SC2086
	"$DK" testkey --resolver "127.0.0.1:$KPORT" $all > "$TMP/tk.out"
	check testkey:all "8|1" "$(wc -l < "$TMP/tk.out" | tr -d ' ')|$?"
	"$DK" testkey --resolver "127.0.0.1:$KPORT" \
	    "example.test:rsa:$TMP/keys/rsa.key" \
	    "example.test:ed:$TMP/keys/ed.key" > /dev/null
	check testkey:all-match 0 $?
	port=$(free_port)
	"$DK" testkey --resolver "127.0.0.1:$port" \
	    "example.test:rsa:$TMP/keys/rsa.key" > "$TMP/tk.out"
	rc=$?
	echo "  $(cat "$TMP/tk.out") [exit $rc]"
	check testkey:failed "rsa._domainkey.example.test: failed (dns-unreachable, DNS server 127.0.0.1:$port)|75" \
	    "$(cat "$TMP/tk.out")|$rc"
	# the domain as a zone file or the daemons' configuration may write
	# it: upper case, a final dot; an IDN must be given as its A-label
	"$DK" testkey --resolver "127.0.0.1:$KPORT" \
	    "EXAMPLE.Test.:ed:$TMP/keys/ed.key" > "$TMP/tk.out"
	check testkey:final-dot "0|match" "$?|$(cut -d' ' -f2 "$TMP/tk.out")"
	"$DK" testkey --resolver "127.0.0.1:$KPORT" \
	    "b$(printf '\303\274')cher.example.test:ed:$TMP/keys/ed.key" \
	    > /dev/null 2> "$TMP/tk.err"
	check testkey:idn-u-label "64|1" "$?|$(grep -c 'xn-- A-label' \
	    "$TMP/tk.err")"
	"$DK" testkey --resolver "127.0.0.1:$KPORT" example.test:rsa \
	    > /dev/null 2>&1
	check testkey:usage 64 $?
	"$DK" testkey --resolver "127.0.0.1:$KPORT" \
	    "example.test:rsa:$TMP/keys/nothing.key" > /dev/null 2>&1
	check testkey:no-keyfile 66 $?
}

# ---- 2b. the daemons' -n -n: each key against its record ------------------

# daemon_check NAME PROGRAM: a matching key, a wrong selector (absent) and
# a different key; then the matching key alone
daemon_check() {
	printf 'example.test:rsa:%s/keys/rsa.key\nexample.test:ed:%s/keys/ed.key\n' \
	    "$TMP" "$TMP" > "$TMP/ok.conf"
	printf 'example.test:rsa:%s/keys/rsa.key\nexample.test:rsanone:%s/keys/rsanone.key\nexample.test:eddiff:%s/keys/eddiff.key\n' \
	    "$TMP" "$TMP" "$TMP" > "$TMP/nn.conf"
	"$2" -n -n -u "$(id -un)" --resolver "127.0.0.1:$KPORT" \
	    -f "$TMP/nn.conf" > "$TMP/nn.out" 2>&1
	rc=$?
	sed "s|$TMP|T|g; s/^/  /" "$TMP/nn.out"
	check "$1:n-n-exit" 78 $rc
	check "$1:n-n-match" 1 "$(grep -c \
	    'nn.conf:1: rsa._domainkey.example.test: match (rsa 2048 bits' \
	    "$TMP/nn.out")"
	check "$1:n-n-absent" 1 "$(grep -c \
	    'nn.conf:2: rsanone._domainkey.example.test: absent (NXDOMAIN)' \
	    "$TMP/nn.out")"
	check "$1:n-n-different" 1 "$(grep -c \
	    'nn.conf:3: eddiff._domainkey.example.test: different (the published key is not the one in' \
	    "$TMP/nn.out")"
	"$2" -n -n -u "$(id -un)" --resolver "127.0.0.1:$KPORT" \
	    -f "$TMP/ok.conf" > "$TMP/nn.out" 2>&1
	rc=$?
	sed "s|$TMP|T|g; s/^/  /" "$TMP/nn.out"
	check "$1:n-n-ok" "0|configuration OK" "$rc|$(tail -n 1 "$TMP/nn.out")"
	port=$(free_port)
	"$2" -n -n -u "$(id -un)" --resolver "127.0.0.1:$port" \
	    -f "$TMP/ok.conf" > "$TMP/nn.out" 2>&1
	rc=$?
	check "$1:n-n-failed" "78|2" "$rc|$(grep -c \
	    "failed (dns-unreachable, DNS server 127.0.0.1:$port); check that the DNS server answers" \
	    "$TMP/nn.out")"
}

# The fault DNS server (tests/dns/faultdns.py): it never answers names
# under silent.fault.test, and holds those under delay-MS.fault.test MS
# milliseconds; its port in FPORT, its counts in $TMP/fault.stats.
start_silent() {
	$PYTHON tests/dns/faultdns.py --portfile "$TMP/fault.port" \
	    --pidfile "$TMP/fault.pid" --stats "$TMP/fault.stats" \
	    --lifetime 300 > "$TMP/fault.log" 2>&1 &
	FPID=$!
	i=0
	until [ -s "$TMP/fault.port" ]; do
		i=$((i + 1))
		[ $i -gt 100 ] && { cat "$TMP/fault.log"; return 1; }
		sleep 0.05
	done
	FPORT=$(cat "$TMP/fault.port")
}

# daemon_dead_dns NAME PROGRAM: -n -n with six keys and a server that
# never answers ends within dns-timeout (2 s), not six of them, and
# names the server for each key
daemon_dead_dns() {
	echo "dns-timeout 2" > "$TMP/dead.conf"
	for i in 1 2 3 4 5 6; do
		echo "k$i.silent.fault.test:s$i:$TMP/keys/ed.key" \
		    >> "$TMP/dead.conf"
	done
	t0=$(date +%s)
	"$2" -n -n -u "$(id -un)" --resolver "127.0.0.1:$FPORT" \
	    -f "$TMP/dead.conf" > "$TMP/dead.out" 2>&1
	rc=$? took=$(($(date +%s) - t0))
	sed "s|$TMP|T|g; s/^/  /" "$TMP/dead.out"
	echo "  [exit $rc, $took s]"
	check "$1:n-n-dead-dns" "78|6" "$rc|$(grep -c \
	    "failed (dns-timeout, DNS server 127.0.0.1:$FPORT)" "$TMP/dead.out")"
	# one after the other, six keys would take 12 s
	if [ "$took" -le 5 ]; then
		pass "$1:n-n-dead-dns-deadline"
	else
		fail "$1:n-n-dead-dns-deadline" "took $took s, dns-timeout is 2"
	fi
}

# testkey_together: testkey reads every key first, then looks their
# records up at once, not one after the other (a dead server would cost
# a deadline per key): with each query held 1 s, the server sees all
# three outstanding together
testkey_together() {
	"$DK" testkey --resolver "127.0.0.1:$FPORT" \
	    "k1.delay-1000.fault.test:s1:$TMP/keys/ed.key" \
	    "k2.delay-1000.fault.test:s2:$TMP/keys/ed.key" \
	    "k3.delay-1000.fault.test:s3:$TMP/keys/ed.key" > "$TMP/tog.out"
	rc=$?
	sed 's/^/  /' "$TMP/tog.out"
	check testkey:together "1|3|3" "$rc|$(wc -l < "$TMP/tog.out" |
	    tr -d ' ')|$(sed -n 's/^outstanding_max //p' "$TMP/fault.stats")"
	# a bad key file among them stops it before any lookup
	before=$(sed -n 's/^queries //p' "$TMP/fault.stats")
	"$DK" testkey --resolver "127.0.0.1:$FPORT" \
	    "k4.delay-1000.fault.test:s4:$TMP/keys/ed.key" \
	    "example.test:rsa:$TMP/keys/nothing.key" > "$TMP/tog.out" 2>&1
	rc=$?
	check testkey:bad-file-first "66|0|$before" "$rc|$(grep -c '^s4\.' \
	    "$TMP/tog.out")|$(sed -n 's/^queries //p' "$TMP/fault.stats")"
}

# ---- 3. rotate ------------------------------------------------------------

# The configuration's RSA key word (selectors r1, r2).
conf_key() {
	awk '$1 ~ /^example\.test:r/ { print $1 }' "$TMP/etc/dkim.conf"
}

# fs COMMAND: one command to the filter-dkim process (filtersign.py);
# its answer line, "done COMMAND" or "error COMMAND: why"
fs() {
	echo "$1" >&3
	i=0
	until grep -q "^[a-z]* $1" "$TMP/fs.out"; do
		i=$((i + 1))
		[ $i -gt 300 ] && break
		sleep 0.05
	done
	grep "^[a-z]* $1" "$TMP/fs.out"
}

# verify_msg NAME SELECTOR: "RESULT[ (REASON)]" of the signature with
# SELECTOR in NAME.eml
verify_msg() {
	"$DK" verify --resolver "127.0.0.1:$KPORT" -A test \
	    < "$TMP/$1.eml" > "$TMP/$1.ar" 2>&1
	tr '\r\n\t' '   ' < "$TMP/$1.ar" | sed 's/dkim=/\n&/g' |
	    sed -n "s/^dkim=\([a-z]*\)\( ([a-z0-9-]*)\)\{0,1\} .*header\.s=$2 .*/\1\2/p"
}

# Every file under $TMP/etc and $TMP/rotkeys, and outside them.
snapshot() {
	(cd "$TMP" && find . -path ./knot -prune -o -type f -print | sort)
}

rotate() {
	mkdir -p "$TMP/etc" "$TMP/rotkeys"
	"$DK" keygen -d example.test -s r1 -o "$TMP/rotkeys" >> "$TMP/records"
	chmod 640 "$TMP/rotkeys/r1.key"
	cat > "$TMP/etc/dkim.conf" <<-CONF
	# signing keys; RSA since the start, indented
	mode sign
	  example.test:r1:$TMP/rotkeys/r1.key
	example.test:ed:$TMP/keys/ed.key
	CONF
	cp "$TMP/etc/dkim.conf" "$TMP/conf.orig"
	reload_zone || { fail rotate:zone "knot did not reload"; return; }
	# filter-dkim signs with the configuration, as smtpd runs it
	mkfifo "$TMP/fs.in"
	$PYTHON tests/cli/filtersign.py "$TOP/filter-dkim" \
	    "$TMP/etc/dkim.conf" "$TMP" < "$TMP/fs.in" > "$TMP/fs.out" \
	    2> "$TMP/fs.err" &
	FSPID=$!
	exec 3> "$TMP/fs.in"
	check rotate:filter-signs "done sign before" "$(fs "sign before")"
	check rotate:before-verifies "pass" "$(verify_msg before r1)"
	snapshot > "$TMP/files.before"

	"$DK" rotate new -s r2 -f "$TMP/etc/dkim.conf" example.test:r1 \
	    > "$TMP/r2.line" 2> "$TMP/new.err"
	check rotate:new "0|r2._domainkey.example.test. TXT" \
	    "$?|$(cut -d' ' -f1-2 "$TMP/r2.line")"
	check rotate:new-mode "-rw-r-----" \
	    "$(ls -l "$TMP/rotkeys/r2.key" | cut -c1-10)"

	"$DK" rotate switch -s r2 --resolver "127.0.0.1:$KPORT" \
	    -f "$TMP/etc/dkim.conf" example.test:r1 > "$TMP/sw.out" \
	    2> "$TMP/sw.err"
	rc=$?
	echo "  switch before the record is published: $(cat "$TMP/sw.out") [exit $rc]"
	check rotate:switch-refused "1|r2._domainkey.example.test: absent (NXDOMAIN)" \
	    "$rc|$(cat "$TMP/sw.out")"
	if cmp -s "$TMP/etc/dkim.conf" "$TMP/conf.orig" &&
	    [ ! -e "$TMP/etc/dkim.conf.example.test.r1.bak" ]; then
		pass rotate:switch-refused-unchanged
	else
		fail rotate:switch-refused-unchanged "the configuration changed"
	fi

	cat "$TMP/r2.line" >> "$TMP/records"
	reload_zone || { fail rotate:zone "knot did not reload"; return; }
	"$DK" rotate switch -s r2 --resolver "127.0.0.1:$KPORT" \
	    -f "$TMP/etc/dkim.conf" example.test:r1 > "$TMP/sw.out" \
	    2> "$TMP/sw.err"
	rc=$?
	sed 's/^/  switch: /' "$TMP/sw.out"
	check rotate:switch "0|example.test:r2:$TMP/rotkeys/r2.key" \
	    "$rc|$(conf_key)"
	# one word changed, the line's indent kept; the backup is the old file
	check rotate:switch-one-line "3c3
<   example.test:r1:$TMP/rotkeys/r1.key
---
>   example.test:r2:$TMP/rotkeys/r2.key" \
	    "$(diff "$TMP/conf.orig" "$TMP/etc/dkim.conf")"
	if cmp -s "$TMP/etc/dkim.conf.example.test.r1.bak" "$TMP/conf.orig"
	then
		pass rotate:backup
	else
		fail rotate:backup "no backup, or not the old configuration"
	fi
	"$DK" rotate switch -s r2 --resolver "127.0.0.1:$KPORT" \
	    -f "$TMP/etc/dkim.conf" example.test:r1 > /dev/null 2>&1
	check rotate:switch-again 0 $?

	# the operator's reload: the same filter process signs with r2
	check rotate:filter-reload "done hup" "$(fs hup)"
	check rotate:filter-signs-after "done sign after" "$(fs "sign after")"
	check rotate:after-verifies "pass" "$(verify_msg after r2)"
	check rotate:before-still-verifies "pass" "$(verify_msg before r1)"
	check rotate:filter-exit "done quit" "$(fs quit)"
	exec 3>&-
	wait "$FSPID"

	"$DK" rotate revoke -f "$TMP/etc/dkim.conf" example.test:r1 \
	    > "$TMP/rev.out" 2> "$TMP/rev.err"
	rc=$?
	echo "  revoke in the grace period: $(cat "$TMP/rev.err") [exit $rc]"
	check rotate:revoke-grace "75|" "$rc|$(cat "$TMP/rev.out")"
	"$DK" rotate revoke -g 0 -f "$TMP/etc/dkim.conf" example.test:r2 \
	    > /dev/null 2>&1
	check rotate:revoke-in-use 78 $?
	"$DK" rotate revoke -g 0 -f "$TMP/etc/dkim.conf" example.test:r1 \
	    > "$TMP/rev.out" 2> "$TMP/rev.err"
	check rotate:revoke '0|r1._domainkey.example.test. TXT "v=DKIM1; p="' \
	    "$?|$(cat "$TMP/rev.out")"
	grep -v '^r1\._domainkey' "$TMP/records" > "$TMP/records.new"
	cat "$TMP/rev.out" >> "$TMP/records.new"
	mv "$TMP/records.new" "$TMP/records"
	reload_zone || { fail rotate:zone "knot did not reload"; return; }
	check rotate:before-revoked "permerror (revoked-key)" \
	    "$(verify_msg before r1)"
	check rotate:after-still-verifies "pass" "$(verify_msg after r2)"
	"$DK" testkey --resolver "127.0.0.1:$KPORT" \
	    "example.test:r1:$TMP/rotkeys/r1.key" \
	    "example.test:r2:$TMP/rotkeys/r2.key" > "$TMP/tk.out"
	check rotate:testkey "1|revoked match" \
	    "$?|$(awk '{ print $2 }' "$TMP/tk.out" | tr '\n' ' ' | sed 's/ $//')"

	# written: the new key, the configuration and its backup; the test's
	# own files (zone, messages, outputs) are not under etc/ or rotkeys/
	[ -s "$TMP/fs.err" ] && sed 's/^/  filter-dkim: /' "$TMP/fs.err"
	snapshot | grep -E '^\./(etc|rotkeys)/' > "$TMP/files.after"
	check rotate:writes-only "./etc/dkim.conf.example.test.r1.bak
./rotkeys/r2.key" "$(grep -E '^\./(etc|rotkeys)/' "$TMP/files.before" |
	    comm -13 - "$TMP/files.after")"
}

# The configuration as text, offline (--dns-file): CRLF lines, no final
# line end, a trailing comment, an option whose value has a colon, a
# commented-out key line of the same domain; only the one word changes.
# And the default selector, from the date.
rotate_text() {
	d=$TMP/text
	mkdir -p "$d/keys"
	"$DK" keygen -a ed25519 -d example.test -s old -o "$d/keys" > /dev/null
	printf '# example.test:old:%s/keys/old.key (commented out)\r\n'\
'resolver 127.0.0.1:5353\r\n\texample.test:old:%s/keys/old.key  # ed\r\n'\
'other.test:old:%s/keys/old.key' "$d" "$d" "$d" > "$d/dkim.conf"
	cp "$d/dkim.conf" "$d/orig.conf"
	sel=s$(date -u +%Y%m)
	"$DK" rotate new -f "$d/dkim.conf" example.test > "$d/zone.txt" \
	    2> /dev/null
	check rotate-text:default-selector "0|$sel._domainkey.example.test." \
	    "$?|$(cut -d' ' -f1 "$d/zone.txt")"
	"$DK" rotate switch -f "$d/dkim.conf" -s "$sel" --dns-file \
	    "$d/zone.txt" example.test > /dev/null 2>&1
	check rotate-text:switch 0 $?
	sed "3s|example.test:old:$d/keys/old.key|example.test:$sel:$d/keys/$sel.key|" \
	    "$d/orig.conf" > "$d/want.conf"
	if cmp -s "$d/want.conf" "$d/dkim.conf"; then
		pass rotate-text:one-word
	else
		fail rotate-text:one-word "$(od -c "$d/dkim.conf" | head -20)"
	fi
	"$DK" rotate new -f "$d/dkim.conf" -s "$sel" example.test > /dev/null \
	    2>&1
	check rotate-text:selector-in-use 64 $?
	"$DK" rotate new -f "$d/dkim.conf" nothere.test > /dev/null 2>&1
	check rotate-text:no-key-line 78 $?
	# -b for a key that stays ed25519: refused as keygen refuses it
	"$DK" rotate new -f "$d/dkim.conf" -s bsize -b 2048 example.test \
	    > /dev/null 2> "$d/b.err"
	check rotate-text:ed25519-size "64|no-file" \
	    "$?|$([ -e "$d/keys/bsize.key" ] && echo file || echo no-file)"
}

# What an unlucky operator does to rotate, offline (--dns-file): a
# configuration behind a symbolic link; edited while switch waits on the
# DNS (a fifo as the zone file holds it there); two switches at once for
# the RSA and the Ed25519 key of one domain; a write that fails (the file
# size limit); the month's selector taken by the domain's other key; a
# new key file that is a fifo or no key. Each leaves the configuration
# whole, old or new, and no file of its own behind.
rotate_hostile() {
	d=$TMP/hostile
	mkdir -p "$d/real" "$d/etc" "$d/keys"
	"$DK" keygen -a ed25519 -d example.test -s ed -o "$d/keys" > /dev/null
	"$DK" keygen -a rsa -b 1024 -d example.test -s rsa -o "$d/keys" \
	    > /dev/null
	{
		printf 'example.test:ed:%s/keys/ed.key\nexample.test:rsa:%s/keys/rsa.key\n' \
		    "$d" "$d"
		# over the file size limit below
		for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
			printf '# %0250d\n' "$i"
		done
	} > "$d/real/dkim.conf"
	ln -s ../real/dkim.conf "$d/etc/dkim.conf"
	cp "$d/real/dkim.conf" "$d/orig.conf"
	for s in e2:ed e3:ed r2:rsa; do
		"$DK" rotate new -f "$d/etc/dkim.conf" -s "${s%%:*}" \
		    "example.test:${s#*:}" > "$d/${s%%:*}.zone" 2> /dev/null
	done

	# the month's selector: the second key of the domain cannot have it
	sel=s$(date -u +%Y%m)
	"$DK" rotate new -f "$d/etc/dkim.conf" example.test:ed > /dev/null \
	    2>&1
	"$DK" rotate new -f "$d/etc/dkim.conf" example.test:rsa > /dev/null \
	    2> "$d/err"
	check rotate-hostile:selector-taken "73|1" "$?|$(grep -c \
	    "$sel.key: a key of that name exists already.*choose another selector (-s)" \
	    "$d/err")"

	# a write that fails: nothing changed, nothing left behind
	(ulimit -f 2; exec "$DK" rotate switch -f "$d/etc/dkim.conf" -s e2 \
	    --dns-file "$d/e2.zone" example.test:ed) > /dev/null 2> "$d/err"
	rc=$?
	sed 's/^/  write fails: /' "$d/err"
	check rotate-hostile:write-fails "73|dkim.conf" \
	    "$rc|$(ls "$d/real" | tr '\n' ' ' | sed 's/ $//')"
	cmp -s "$d/real/dkim.conf" "$d/orig.conf" ||
	    fail rotate-hostile:write-fails-unchanged "the file changed"

	# edited while switch waits: the edit stays, no backup is made
	mkfifo "$d/zone.fifo"
	"$DK" rotate switch -f "$d/etc/dkim.conf" -s e2 --dns-file \
	    "$d/zone.fifo" example.test:ed > /dev/null 2> "$d/err" &
	p=$!
	sleep 0.3
	echo "# edited meanwhile" >> "$d/real/dkim.conf"
	cat "$d/e2.zone" > "$d/zone.fifo"
	wait $p
	rc=$?
	sed 's/^/  edited meanwhile: /' "$d/err"
	check rotate-hostile:edited-meanwhile "75|1|dkim.conf" "$rc|$(grep -c \
	    '^# edited meanwhile$' "$d/real/dkim.conf")|$(ls "$d/real" |
	    tr '\n' ' ' | sed 's/ $//')"

	# two at once, each held on its zone: both changes are kept
	mkfifo "$d/zone2.fifo"
	"$DK" rotate switch -f "$d/etc/dkim.conf" -s e2 --dns-file \
	    "$d/zone.fifo" example.test:ed > /dev/null 2>&1 &
	p1=$!
	sleep 0.3
	"$DK" rotate switch -f "$d/etc/dkim.conf" -s r2 --dns-file \
	    "$d/zone2.fifo" example.test:rsa > /dev/null 2>&1 &
	p2=$!
	sleep 0.3
	cat "$d/e2.zone" > "$d/zone.fifo"
	wait $p1
	rc1=$?
	cat "$d/r2.zone" > "$d/zone2.fifo"
	wait $p2
	check rotate-hostile:two-at-once "0|0|example.test:e2 example.test:r2" \
	    "$rc1|$?|$(cut -d: -f1-2 "$d/real/dkim.conf" | grep -v '^#' |
	    tr '\n' ' ' | sed 's/ $//')"

	# names typed in another case, or with a final dot, are the same
	# names: E2 still signs; the switch from ED has its backup
	"$DK" rotate revoke -g 0 -f "$d/etc/dkim.conf" EXAMPLE.TEST:E2 \
	    > /dev/null 2>&1
	check rotate-hostile:revoke-in-use-case 78 $?
	"$DK" rotate revoke -f "$d/etc/dkim.conf" Example.Test.:ED \
	    > /dev/null 2> "$d/err"
	check rotate-hostile:revoke-backup-case "75|1" "$?|$(grep -c \
	    'grace period of 7 days' "$d/err")"

	# the link is kept, and the file it names holds the change
	check rotate-hostile:symlink-kept "link|real" \
	    "$([ -L "$d/etc/dkim.conf" ] && echo link)|$(ls "$d/etc" "$d/real" |
	    grep -c 'example.test.ed.bak' | sed 's/^1$/real/')"

	# the new key file is a fifo, or no key: said so, at once
	mv "$d/keys/e3.key" "$d/e3.key"
	mkfifo "$d/keys/e3.key"
	"$DK" rotate switch -f "$d/etc/dkim.conf" -s e3 --dns-file \
	    "$d/e3.zone" example.test:e2 > /dev/null 2> "$d/err" &
	p=$!
	i=0
	while kill -0 $p 2> /dev/null && [ $i -lt 50 ]; do
		i=$((i + 1))
		sleep 0.1
	done
	kill $p 2> /dev/null
	wait $p
	check rotate-hostile:key-fifo "66|1" "$?|$(grep -c \
	    'e3.key is a fifo, not a file' "$d/err")"
	rm "$d/keys/e3.key"
	echo "not a key" > "$d/keys/e3.key"
	"$DK" rotate switch -f "$d/etc/dkim.conf" -s e3 --dns-file \
	    "$d/e3.zone" example.test:e2 > /dev/null 2> "$d/err"
	check rotate-hostile:key-broken "65|0" "$?|$(grep -c 'published' \
	    "$d/err")"
	ls -a "$d/real" "$d/etc" | grep -E '\.[A-Za-z0-9]{6}$' &&
	    fail rotate-hostile:no-temporary "a temporary file was left"
}

# keygen_hostile: what an unlucky operator does to keygen: a write that
# fails (the file size limit), a directory that is not there, an empty
# -o, a standard output that cannot be written (a full disk, a reader
# gone), a name taken. The key is written whole or not at all: no key
# under its name without its record printed, no temporary file, and a
# second try makes it. And the domain with a final dot, as the other
# commands take it.
keygen_hostile() {
	d=$TMP/kgh
	mkdir -p "$d/keys"
	(ulimit -f 1; exec "$DK" keygen -d example.test -s half -o "$d/keys") \
	    > "$d/half.zone" 2> "$d/err"
	rc=$?
	sed 's/^/  file size limit: /' "$d/err"
	check keygen-hostile:size-limit "73|1|" "$rc|$(grep -c \
	    'half.key: File too large; raise the file size limit (ulimit -f)' \
	    "$d/err")|$(ls -A "$d/keys")"
	"$DK" keygen -d example.test -s half -o "$d/keys" > "$d/half.zone" \
	    2> /dev/null
	check keygen-hostile:size-limit-again "0|-rw-------" \
	    "$?|$(ls -l "$d/keys/half.key" | cut -c1-10)"
	"$DK" testkey --dns-file "$d/half.zone" \
	    "example.test:half:$d/keys/half.key" > /dev/null
	check keygen-hostile:size-limit-whole 0 $?

	"$DK" keygen -a ed25519 -d example.test -s nodir -o "$d/none" \
	    > /dev/null 2> "$d/err"
	check keygen-hostile:no-directory "73|1" "$?|$(grep -c \
	    'create the directory first' "$d/err")"

	# "" would be the root directory; any name in it is ours alone
	sel=emptyo$$
	"$DK" keygen -a ed25519 -d example.test -s "$sel" -o '' \
	    > /dev/null 2> "$d/err"
	rc=$?
	at_root=no
	[ -e "/$sel.key" ] && at_root=yes && rm -f "/$sel.key"
	check keygen-hostile:empty-o "64|no|1" "$rc|$at_root|$(grep -c \
	    '^dkimkit: -o: empty: give' "$d/err")"

	"$DK" keygen -a ed25519 -d example.test -s full -o "$d/keys" \
	    > /dev/full 2> "$d/err"
	rc=$?
	sed 's/^/  stdout full: /' "$d/err"
	check keygen-hostile:stdout-full "73|no-key|1" "$rc|$([ -e \
	    "$d/keys/full.key" ] && echo key || echo no-key)|$(grep -c \
	    'full.key: removed, as its record could not be printed' "$d/err")"
	"$DK" keygen -a ed25519 -d example.test -s full -o "$d/keys" \
	    > /dev/null 2>&1
	check keygen-hostile:stdout-full-again 0 $?
	# a reader gone: the pipe's read end closed before the record
	$PYTHON -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
print(subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.DEVNULL).returncode)' \
	    "$DK" keygen -a ed25519 -d example.test -s gone -o "$d/keys" \
	    > "$d/rc"
	check keygen-hostile:reader-gone "73|no-key" "$(cat "$d/rc")|$([ -e \
	    "$d/keys/gone.key" ] && echo key || echo no-key)"

	"$DK" keygen -a ed25519 -d example.test. -s dot -o "$d/keys" \
	    > "$d/dot.zone" 2> /dev/null
	check keygen-hostile:final-dot "0|dot._domainkey.example.test. TXT" \
	    "$?|$(cut -d' ' -f1-2 "$d/dot.zone")"
	"$DK" keygen -a ed25519 -d example.test -s dot -o "$d/keys" \
	    > /dev/null 2> "$d/err"
	check keygen-hostile:exists "73|1" "$?|$(grep -c \
	    'dot.key: a key of that name exists already' "$d/err")"
	check keygen-hostile:no-temporary "dot.key full.key half.key" \
	    "$(ls -A "$d/keys" | tr '\n' ' ' | sed 's/ $//')"
}

# rotate_edges: rotate new -a rsa keeps the RSA key's size; a new key
# whose record cannot be printed goes; once the configuration is
# replaced, switch says to reload the filter even if its line cannot be
# printed, and exits 0, as a second run would
rotate_edges() {
	d=$TMP/redge
	mkdir -p "$d/keys"
	"$DK" keygen -b 1024 -d example.test -s old -o "$d/keys" > /dev/null
	echo "example.test:old:$d/keys/old.key" > "$d/dkim.conf"
	"$DK" rotate new -a rsa -s big -f "$d/dkim.conf" example.test \
	    > "$d/big.zone" 2> /dev/null
	rc=$?
	"$DK" testkey --dns-file "$d/big.zone" \
	    "example.test:big:$d/keys/big.key" > "$d/tk.out"
	check rotate-edges:rsa-size "0|match (rsa 1024 bits," \
	    "$rc|$(cut -d' ' -f2-5 "$d/tk.out")"

	"$DK" rotate new -s full -f "$d/dkim.conf" example.test > /dev/full \
	    2> "$d/err"
	check rotate-edges:new-stdout-full "73|no-key|1" "$?|$([ -e \
	    "$d/keys/full.key" ] && echo key || echo no-key)|$(grep -c \
	    'full.key: removed' "$d/err")"

	"$DK" rotate switch -s big --dns-file "$d/big.zone" \
	    -f "$d/dkim.conf" example.test > /dev/full 2> "$d/err"
	rc=$?
	sed 's/^/  stdout full: /' "$d/err"
	check rotate-edges:switch-stdout-full "0|1|example.test:big" \
	    "$rc|$(grep -c '^dkimkit: reload the filter now' \
	    "$d/err")|$(cut -d: -f1-2 "$d/dkim.conf")"
	check rotate-edges:no-temporary "big.key old.key" \
	    "$(ls -A "$d/keys" | tr '\n' ' ' | sed 's/ $//')"

	# the new key has the current one's owner and mode from the start
	if [ "$(id -u)" -eq 0 ]; then
		chown nobody:nogroup "$d/keys/big.key"
		chmod 640 "$d/keys/big.key"
		"$DK" rotate new -s own -f "$d/dkim.conf" example.test \
		    > /dev/null 2>&1
		check rotate-edges:owner "nobody:nogroup:640" \
		    "$(stat -c %U:%G:%a "$d/keys/own.key")"
	fi
	# -a rsa with the current key unreadable: the default size, said so
	rm "$d/keys/big.key"
	"$DK" rotate new -a rsa -s def -f "$d/dkim.conf" example.test \
	    > "$d/def.zone" 2> "$d/err"
	rc=$?
	"$DK" testkey --dns-file "$d/def.zone" \
	    "example.test:def:$d/keys/def.key" > "$d/tk.out"
	check rotate-edges:rsa-size-unknown "0|1|match (rsa 2048 bits," \
	    "$rc|$(grep -c 'its size unknown, the new key has the default' \
	    "$d/err")|$(cut -d' ' -f2-5 "$d/tk.out")"
}

# rotate_stops: what comes at each step of a whole-file write, through
# tests/cli/fsynchook.c, which runs a command at the Nth fsync(2). For
# switch, the 2nd is the backup's, the last before the renames, the 4th
# the directory's after the file is replaced; for keygen, the 1st is
# the key's, before it has its name, the 2nd after. An edit or a stop
# before the renames leaves the file as it was, and says so; a stop
# after comes too late: the step is done, said, and exits 0. So does a
# switch whose standard output's reader is gone. A file swapped for a
# fifo is refused, not waited on. The new key gets the current one's
# group bits only with its group, and an unreadable current key is said.
rotate_stops() {
	d=$TMP/rstop
	mkdir -p "$d/keys"
	if ! ${CC:-cc} -shared -fPIC -o "$d/hook.so" tests/cli/fsynchook.c \
	    -ldl; then
		fail rotate-stops:hook "cannot build tests/cli/fsynchook.c"
		return
	fi
	"$DK" keygen -a ed25519 -d example.test -s old -o "$d/keys" > /dev/null
	echo "example.test:old:$d/keys/old.key" > "$d/orig.conf"
	cp "$d/orig.conf" "$d/dkim.conf"
	"$DK" rotate new -s n2 -f "$d/dkim.conf" example.test > "$d/n2.zone" \
	    2> /dev/null
	ln -s "$d/orig.conf" "$d/other.conf"
	for t in edit:2:'echo "# edited" >> '"$d/dkim.conf" \
	    edit-late:3:'echo "# edited" >> '"$d/dkim.conf" \
	    fifo:2:"rm $d/dkim.conf; mkfifo $d/dkim.conf" \
	    link-moved:2:"ln -sfn $d/other.conf $d/via.conf" \
	    hup-ignored:2:'kill -HUP $PPID' \
	    stop-before:2:'kill -TERM $PPID' stop-after:4:'kill -INT $PPID'; do
		name=${t%%:*}
		t=${t#*:}
		rm -f "$d/dkim.conf" "$d"/dkim.conf.*
		cp "$d/orig.conf" "$d/dkim.conf"
		ln -sfn "$d/dkim.conf" "$d/via.conf"
		nohup=
		[ "$name" = hup-ignored ] && nohup=nohup
		timeout 10 env ASAN_OPTIONS="$PRELOAD_ASAN" \
		    LD_PRELOAD="$d/hook.so" FSYNC_AT="${t%%:*}" \
		    FSYNC_RUN="${t#*:}" $nohup "$DK" rotate switch -s n2 \
		    --dns-file "$d/n2.zone" -f "$d/via.conf" example.test \
		    > /dev/null 2> "$d/$name.err"
		rc=$?
		sed "s/^/  switch, $name: /" "$d/$name.err"
		# the rc, the edit's lines, the new key's, the other files
		others=$(ls "$d" | grep -c '^dkim\.conf\.')
		if [ -f "$d/dkim.conf" ]; then
			echo "$rc|$(grep -c '^# edited$' "$d/dkim.conf")|$(
			    grep -c ':n2:' "$d/dkim.conf")|$others"
		else
			echo "$rc|not a file|$others"
		fi > "$d/$name.state"
	done
	check rotate-stops:switch-edit "75|1|0|0" "$(cat "$d/edit.state")"
	check rotate-stops:switch-edit-late "75|1|0|0" \
	    "$(cat "$d/edit-late.state")"
	check rotate-stops:switch-link-moved "75|0|0|0" \
	    "$(cat "$d/link-moved.state")"
	check rotate-stops:switch-hup-ignored "0|0|1|1" \
	    "$(cat "$d/hup-ignored.state")"
	check rotate-stops:switch-fifo "75|not a file|0|1" "$(cat \
	    "$d/fifo.state")|$(grep -c 'via.conf: changed since rotate' \
	    "$d/fifo.err")"
	check rotate-stops:switch-stop-before "143|0|0|0|1" "$(cat \
	    "$d/stop-before.state")|$(grep -c 'via.conf: interrupted' \
	    "$d/stop-before.err")"
	check rotate-stops:switch-stop-after "0|0|1|1|1" "$(cat \
	    "$d/stop-after.state")|$(grep -c 'reload the filter now' \
	    "$d/stop-after.err")"
	rm -f "$d"/dkim.conf*
	cp "$d/orig.conf" "$d/dkim.conf"
	$PYTHON -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
print(subprocess.run(sys.argv[1:], stdout=w).returncode)' \
	    "$DK" rotate switch -s n2 --dns-file "$d/n2.zone" \
	    -f "$d/dkim.conf" example.test > "$d/rc" 2> "$d/err"
	check rotate-stops:switch-reader-gone "0|1|1" "$(cat "$d/rc")|$(
	    grep -c 'reload the filter now' "$d/err")|$(grep -c ':n2:' \
	    "$d/dkim.conf")"

	for t in before:1:TERM after:2:INT; do
		name=${t%%:*}
		t=${t#*:}
		timeout 10 env ASAN_OPTIONS="$PRELOAD_ASAN" \
		    LD_PRELOAD="$d/hook.so" FSYNC_AT="${t%%:*}" \
		    FSYNC_RUN="kill -${t#*:} \$PPID" \
		    "$DK" keygen -a ed25519 -d example.test -s "k$name" \
		    -o "$d/keys" > "$d/k$name.zone" 2> "$d/err"
		rc=$?
		sed "s/^/  keygen, stop $name: /" "$d/err"
		echo "$rc|$(ls "$d/keys" | grep -c "^k$name.key")|$(grep -c \
		    TXT "$d/k$name.zone")" > "$d/k$name.out"
	done
	check rotate-stops:keygen-stop-before "143|0|0" \
	    "$(cat "$d/kbefore.out")"
	check rotate-stops:keygen-stop-after "0|1|1" "$(cat "$d/kafter.out")"
	check rotate-stops:no-temporary "kafter.key n2.key old.key" \
	    "$(ls -A "$d/keys" | tr '\n' ' ' | sed 's/ $//')"

	# not root: no group bits for a group the new key could not be
	# given; a set-group-ID directory, or a member, gives it
	if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
		rotate_other_group "$d/np" other-group \
		    "nobody:$(id -gn nobody):600" "readable to its owner only"
		rotate_other_group "$d/sg" setgid-group nobody:users:640 \
		    "cannot give it the owner of" users
		rotate_other_group "$d/mg" member-group nobody:users:640 \
		    "cannot give it the owner of" "" users
	fi
	cp "$d/orig.conf" "$d/dkim.conf"
	rm "$d/keys/old.key"
	"$DK" rotate new -a ed25519 -s n4 -f "$d/dkim.conf" example.test \
	    > /dev/null 2> "$d/err"
	check rotate-stops:current-missing "0|1" "$?|$(grep -c \
	    'old.key: No such file or directory; the new key is readable' \
	    "$d/err")"
}

# rotate_other_group DIR NAME WANT SAID [SETGID [MEMBER]]: rotate new
# run as nobody, in DIR of nobody's, beside a key of root's, mode 640,
# in the group SETGID, MEMBER or root; its directory set-group-ID to
# SETGID if given, and nobody a member of MEMBER if given. WANT is the
# new key's owner:group:mode, SAID in its warning.
rotate_other_group() {
	mkdir -p "$1/keys"
	cp "$d/keys/old.key" "$1/keys/old.key"
	echo "example.test:old:$1/keys/old.key" > "$1/dkim.conf"
	chown -R nobody "$1"
	chown "root:${5:-${6:-root}}" "$1/keys/old.key"
	chmod 640 "$1/keys/old.key"
	if [ -n "$5" ]; then
		chgrp "$5" "$1/keys"
		chmod g+s "$1/keys"
	fi
	groups=--clear-groups
	[ -n "$6" ] && groups=--groups=$6
	chmod 711 "$TMP" "$d"
	setpriv --reuid=nobody --regid="$(id -gn nobody)" "$groups" \
	    "$DK" rotate new -a ed25519 -s n3 -f "$1/dkim.conf" example.test \
	    > /dev/null 2> "$d/err"
	check "rotate-stops:$2" "0|1|$3" "$?|$(grep -c "$4" \
	    "$d/err")|$(stat -c %U:%G:%a "$1/keys/n3.key")"
	chmod 700 "$TMP" "$d"
}

# usage_reason NAME ARGS...: a usage error says why on its first line,
# then gives the usage
usage_reason() {
	name=$1
	shift
	"$DK" "$@" < /dev/null > /dev/null 2> "$TMP/usage.err"
	check "usage:$name" "64|dkimkit: |usage: dkimkit" "$?|$(head -n 1 \
	    "$TMP/usage.err" | cut -c1-9)|$(sed -n 2p "$TMP/usage.err" |
	    cut -d' ' -f1-2)"
}

usage_reasons() {
	usage_reason canon-h-b canon -H -B
	usage_reason canon-argument canon extra
	usage_reason rotate-no-step rotate
	usage_reason rotate-no-f rotate new example.test
	usage_reason rotate-no-domain rotate new -f "$TMP/none.conf"
	usage_reason rotate-argument rotate switch -s x -f "$TMP/none.conf" \
	    example.test extra
	usage_reason keygen-no-d keygen -s sel
	usage_reason keygen-no-s keygen -d example.test
	usage_reason keygen-argument keygen -d example.test -s sel extra
	usage_reason sign-no-key sign
	usage_reason testkey-no-key testkey
	# --help after a step; and as an option's value it is that value
	"$DK" rotate switch --help > "$TMP/help.out" 2>&1
	check help-step "0|usage: dkimkit rotate" \
	    "$?|$(head -n 1 "$TMP/help.out" | cut -d' ' -f1-3)"
	printf 'From: a@example.test\r\n--help: x\r\n\r\n' |
	    "$DK" canon -h --help > "$TMP/help.out" 2>&1
	check help-as-value "0|--help:x" \
	    "$?|$(head -n 1 "$TMP/help.out" | tr -d '\r')"
}

# ---- 4. --help, --version ---------------------------------------------------

help_version() {
	out=$("$DK" --version)
	check version "0|dkimkit" "$?|${out%% *}"
	"$DK" --help > "$TMP/help.out" 2>&1
	check help "0|usage: dkimkit sign" \
	    "$?|$(head -n 1 "$TMP/help.out" | cut -d' ' -f1-3)"
	"$DK" > /dev/null 2>&1
	check no-command 64 $?
}

start=$(date +%s)
help_version
rotate_text
rotate_hostile
keygen_hostile
rotate_edges
rotate_stops
usage_reasons
if ! command -v knotd > /dev/null 2>&1; then
	fail knot "knotd not found (Debian package knot)"
elif ! keys; then
	fail keygen "dkimkit keygen failed"
elif ! start_knot; then
	fail knot "knotd did not start"
else
	pass knot:start
	testkey
	daemon_check filter-dkim "$TOP/filter-dkim"
	daemon_check dkimkit-milter "$TOP/dkimkit-milter"
	if start_silent; then
		testkey_together
		daemon_dead_dns filter-dkim "$TOP/filter-dkim"
		daemon_dead_dns dkimkit-milter "$TOP/dkimkit-milter"
	else
		fail fault-dns "tests/dns/faultdns.py did not start"
	fi
	rotate
fi
echo "cli tests took $(($(date +%s) - start)) s"
[ ! -f "$TMP/failed" ]
