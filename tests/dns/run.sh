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
# tests/dns/run.sh: src/dns against real servers on loopback. Needs
# libdkimkit.a and dkimkit built (make all), python3, and knotd (Debian
# package knot) for the real-server part.
#
#   1. the fault server (faultdns.py): one case per fault, looked up and
#      verified (messages signed for MODE.fault.test with the RFC 8463
#      key, which the fault server serves); prints the fault table
#   2. concurrency: 200 names answered after 100 ms each, and 200
#      lookups of one name; the server counts queries and the most
#      outstanding at once
#   3. the cache, with the clock moved by the driver; lookups cancelled
#      halfway; AD=1 from a loopback server; IPv6
#   4. knot serving a zone made from keys made here (mkzone.sh): every
#      name looked up, and messages signed with each key verified, over
#      IPv4 and IPv6 (when ::1 exists), and through `dkimkit verify
#      --resolver` once it has that option
#
# The driver, tests/dns/dnsprobe.c, is built here (the Makefile runs every
# tests/test_* program bare). Environment: SANFLAGS, flags to build it
# with (as libdkimkit.a was); DNSPROBE_WRAP, a command to run it under
# (valgrind); DNS_KEYDIR, where keys are kept between runs (default
# build/dns/keys: RSA-4096 generation takes seconds).
#
# Prints "PASS dns:NAME" / "FAIL dns:NAME: why" lines; exit status 1 when
# any failed. Servers are stopped by pid on exit.

cd "$(dirname "$0")/../.." || exit 1

TMP=$(mktemp -d) || exit 1
PIDS=
KEYDIR=${DNS_KEYDIR:-$(pwd)/build/dns/keys}
# RFC 8463 §A.2: the example Ed25519 key (public, made for examples)
RFC8463_SEED=nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=

cleanup() {
	for p in $PIDS; do
		kill "$p" 2>/dev/null
	done
	for p in $PIDS; do
		wait "$p" 2>/dev/null
	done
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

pass() {
	echo "PASS dns:$1"
}

# failures are also counted in a file: many checks run in subshells
fail() {
	echo "FAIL dns:$1: $2"
	echo "$1" >> "$TMP/failed"
}

# check NAME WANT GOT: PASS when equal
check() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected \"$2\", got \"$3\""
	fi
}

probe() {
	$DNSPROBE_WRAP "$TMP/dnsprobe" "$@"
}

build_probe() {
	if [ ! -f libdkimkit.a ] || [ ! -x dkimkit ]; then
		fail build "libdkimkit.a and dkimkit must be built first"
		exit 1
	fi
	# shellcheck disable=SC2086
	if ! ${CC:-cc} -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -O1 -g \
	    -Wall -Wextra -Werror ${SANFLAGS:-} -Iinclude \
	    -I/usr/include/bearssl -o "$TMP/dnsprobe" tests/dns/dnsprobe.c \
	    libdkimkit.a -lbearssl -lsodium -lldns > "$TMP/build.log" 2>&1
	then
		cat "$TMP/build.log"
		fail build "tests/dns/dnsprobe.c does not build"
		exit 1
	fi
	pass build
}

# A port free for UDP and TCP on 127.0.0.1 (and ::1 when it exists).
free_port() {
	python3 - "$HAVE_IPV6" <<'PY'
import socket, sys
addrs = [(socket.AF_INET, "127.0.0.1")]
if sys.argv[1] == "1":
    addrs.append((socket.AF_INET6, "::1"))
for _ in range(50):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    held = []
    try:
        for fam, addr in addrs:
            for typ in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
                held.append(socket.socket(fam, typ))
                held[-1].bind((addr, port))
    except OSError:
        continue
    finally:
        for t in held:
            t.close()
    print(port)
    break
PY
}

# start_fault NAME [faultdns.py options]: start a fault server, wait for
# its port, and leave it in $PORT.
start_fault() {
	name=$1
	shift
	python3 tests/dns/faultdns.py --portfile "$TMP/$name.port" \
	    --pidfile "$TMP/$name.pid" --stats "$TMP/$name.stats" \
	    --lifetime 300 "$@" > "$TMP/$name.log" 2>&1 &
	PIDS="$PIDS $!"
	i=0
	while [ ! -s "$TMP/$name.port" ]; do
		i=$((i + 1))
		if [ $i -gt 100 ]; then
			cat "$TMP/$name.log"
			fail "start-$name" "the fault server did not start"
			exit 1
		fi
		sleep 0.05
	done
	PORT=$(cat "$TMP/$name.port")
}

# stat NAME KEY: a number from a fault server's statistics
stat() {
	awk -v k="$2" '$1 == k { print $2 }' "$TMP/$1.stats"
}

# sign DOMAIN SELECTOR KEYFILE OUT
sign() {
	printf 'From: alice@example.test\r\nTo: bob@example.org\r\nSubject: '\
'key lookup %s\r\nMessage-ID: <%s@example.test>\r\n\r\nHello over DNS.\r\n' \
	    "$2" "$2.$1" | ./dkimkit sign "$1:$2:$3" > "$4"
}

# awk: a dnsprobe lookup line as "RCODE [NTXT] [tcp]" (NTXT when n is set)
OUTCOME='{ t = ($4 == "tcp" || $5 == "tcp") ? " tcp" : ""
	print $2 (n ? " " $3 : "") t }'

# dkim_of FILE: "RESULT (REASON)" or "RESULT" of the first dkim= result
dkim_of() {
	tr '\r\n\t' '   ' < "$1" | sed -n \
	    's/.*dkim=\([a-z]*\)\( ([a-z0-9-]*)\)\{0,1\}.*/\1\2/p'
}

# ---- 1. faults ------------------------------------------------------------

# case|fault-server mode|probe options|lookup|dkim result|exit
FAULTS='ok|ok|-t 1000|ok|pass|0
servfail|servfail|-t 1000|servfail|temperror (dns-servfail)|75
refused|refused|-t 1000|refused|temperror (dns-refused)|75
silent|silent|-t 300|timeout|temperror (dns-timeout)|75
garbage|garbage|-t 300|timeout|temperror (dns-timeout)|75
short|short|-t 300|timeout|temperror (dns-timeout)|75
wrongid|wrongid|-t 300|timeout|temperror (dns-timeout)|75
wrongq|wrongq|-t 300|timeout|temperror (dns-timeout)|75
wrongid-then-ok|wrongid-ok|-t 1000|ok|pass|0
badtxt|badtxt|-t 1000|malformed|temperror (dns-malformed)|75
tc-then-tcp|tc|-t 1000|ok tcp|pass|0
tc-tcp-refused|tc|-t 1000|tcp|temperror (dns-tcp)|75
slow-in-time|slow-200|-t 1000|ok|pass|0
slow-too-late|slow-800|-t 300|timeout|temperror (dns-timeout)|75
nxdomain|nx|-t 1000|nxdomain|permerror (no-key)|1
nodata|nodata|-t 1000|nodata|permerror (no-key)|1
no-server|ok|-t 300|unreachable|temperror (dns-unreachable)|75'

faults() {
	printf '%s\n' "$RFC8463_SEED" > "$TMP/rfc8463.key"
	start_fault fault
	FAULT_PORT=$PORT
	start_fault notcp --no-tcp
	notcp=$PORT
	noserver=$(free_port)
	echo "fault table (one try per lookup; lookup outcome, DKIM result, exit):"
	printf '  %-16s %-10s %-28s %s\n' case lookup "dkim result" exit
	echo "$FAULTS" | while IFS='|' read -r case mode opts want_l want_d \
	    want_x; do
		case $case in
		tc-tcp-refused)	port=$notcp ;;
		no-server)	port=$noserver ;;
		*)		port=$FAULT_PORT ;;
		esac
		name=k._domainkey.$mode.fault.test
		# shellcheck disable=SC2086
		got_l=$(probe -s "127.0.0.1:$port" -a 1 $opts lookup "$name" |
		    awk "$OUTCOME")
		sign "$mode.fault.test" k "$TMP/rfc8463.key" "$TMP/f.eml"
		# shellcheck disable=SC2086
		probe -s "127.0.0.1:$port" -a 1 $opts verify < "$TMP/f.eml" \
		    > "$TMP/f.ar"
		got_x=$?
		got_d=$(dkim_of "$TMP/f.ar")
		printf '  %-16s %-10s %-28s %s\n' "$case" "$got_l" "$got_d" \
		    "$got_x"
		if [ "$got_l|$got_d|$got_x" = "$want_l|$want_d|$want_x" ]; then
			pass "fault:$case"
		else
			fail "fault:$case" "expected $want_l|$want_d|$want_x"
		fi
	done
}

# ---- 2. concurrency -------------------------------------------------------

# Under valgrind, submitting 200 lookups takes longer than 100 ms, so the
# first answers would come before the last queries leave.
DELAY=${DNS_DELAY_MS:-100}
[ -n "${DNSPROBE_WRAP:-}" ] && DELAY=${DNS_DELAY_MS:-2000}

concurrency() {
	start_fault conc
	out=$(probe -s "127.0.0.1:$PORT" -t 5000 -a 1 many 200 \
	    "delay-$DELAY.fault.test")
	echo "$out" | sed "s/^/  200 names, $DELAY ms each: /"
	max=$(stat conc outstanding_max)
	echo "  the server saw at most $max queries outstanding at once"
	check concurrency:results "done: 200 results, 200 ok" \
	    "$(echo "$out" | sed -n 's/\(done: .* ok\),.*/\1/p')"
	if [ "${max:-0}" -ge 150 ]; then
		pass concurrency:overlap
	else
		fail concurrency:overlap "at most $max of 200 in flight"
	fi
	before=$(stat conc queries)
	out=$(probe -s "127.0.0.1:$PORT" -t 5000 -a 1 same 200 \
	    "one.delay-$DELAY.fault.test")
	echo "$out" | sed 's/^/  200 lookups of one name: /'
	check coalesce:results "done: 200 results, 200 ok" \
	    "$(echo "$out" | sed -n 's/\(done: .* ok\),.*/\1/p')"
	check coalesce:queries 1 $(($(stat conc queries) - before))
}

# ---- 3. cache and cancel --------------------------------------------------

# cache CASE NAME STEPS WANT: lookups at clock offsets; WANT is the
# sequence of "sent"/"cached", and the server must see as many queries
# as there are "sent"
cache_case() {
	before=$(stat cache queries)
	# shellcheck disable=SC2086
	got=$(probe -s "127.0.0.1:$PORT" -a 1 cache "$2" $3 | awk '{ print $3 }' |
	    tr '\n' ' ')
	check "cache:$1" "$4" "$got"
	sent=$(echo "$4" | tr ' ' '\n' | grep -c sent)
	check "cache:$1-queries" "$sent" $(($(stat cache queries) - before))
}

cache() {
	start_fault cache
	# the fault server's TTL is 300 s; its SOA MINIMUM is 60 s
	cache_case positive k.ok.fault.test "0 1 299 300 301" \
	    "sent cached cached sent cached "
	cache_case nxdomain k.nx.fault.test "0 59 60" "sent cached sent "
	cache_case nodata k.nodata.fault.test "0 59 60" "sent cached sent "
	cache_case servfail k.servfail.fault.test "0 1" "sent sent "
	out=$(probe -s "127.0.0.1:$PORT" -t 5000 -a 1 cancel 100 \
	    delay-100.fault.test)
	check cancel "done: 50 results, 50 ok" \
	    "$(echo "$out" | sed -n 's/\(done: .* ok\),.*/\1/p')"
}

# AD=1 is believed from loopback only (RFC 4035 §4.9.3)
dnssec() {
	check dnssec:ad "ok dnssec" "$(probe -s "127.0.0.1:$FAULT_PORT" \
	    lookup k.ad.fault.test | awk '{ print $2, $4 }')"
	check dnssec:no-ad "ok 1" "$(probe -s "127.0.0.1:$FAULT_PORT" \
	    lookup k.ok.fault.test | awk '{ print $2, $3 }')"
}

ipv6() {
	start_fault v6 --addr ::1
	check ipv6:lookup "k.ipv6.fault.test ok" "$(probe -s "[::1]:$PORT" \
	    lookup k.ipv6.fault.test | awk '{ print $1, $2 }')"
}

# ---- 4. knot --------------------------------------------------------------

start_knot() {
	mkdir -p "$KEYDIR"
	KPORT=$(free_port)
	mkdir -p "$TMP/knot"
	DNS_IPV6=$HAVE_IPV6 sh tests/dns/mkzone.sh ./dkimkit "$KEYDIR" \
	    "$TMP/knot" "$KPORT" || return 1
	knotd -c "$TMP/knot/knot.conf" > "$TMP/knot.log" 2>&1 &
	PIDS="$PIDS $!"
	i=0
	until probe -s "127.0.0.1:$KPORT" -t 200 -a 1 lookup \
	    rsa1024._domainkey.example.test | grep -q ' ok '; do
		i=$((i + 1))
		if [ $i -gt 50 ]; then
			cat "$TMP/knot.log"
			return 1
		fi
		sleep 0.1
	done
}

# name|lookup outcome and record count|selector to sign with|key|dkim result|exit
KNOT='rsa1024|ok 1|rsa1024|rsa1024|pass|0
rsa2048|ok 1|rsa2048|rsa2048|pass|0
rsa4096|ok 1|rsa4096|rsa4096|pass|0
ed25519|ok 1|ed25519|ed25519|pass|0
split|ok 1|split|rsa1024|pass|0
multi|ok 2|multi|ed25519|pass|0
alias|ok 1|alias|rsa2048|pass|0
big|ok 4 tcp|big|rsa4096|pass|0
revoked|ok 1|revoked|rsa1024|permerror (revoked-key)|1
nodata|nodata 0|nodata|rsa1024|permerror (no-key)|1
missing|nxdomain 0|missing|rsa1024|permerror (no-key)|1'

# knot_verify LABEL SERVER: every KNOT row through VERIFY (set by caller)
knot_rows() {
	label=$1 server=$2
	echo "$KNOT" | while IFS='|' read -r sel want_l signsel key want_d \
	    want_x; do
		if [ "$label" = probe ]; then
			got_l=$(probe -s "$server" lookup \
			    "$sel._domainkey.example.test" | awk -v n=1 \
			    "$OUTCOME")
			check "knot:lookup:$sel" "$want_l" "$got_l"
		fi
		sign example.test "$signsel" "$KEYDIR/$key.key" "$TMP/k.eml"
		if [ "$label" = cli ]; then
			./dkimkit verify --resolver "$server" -A test \
			    < "$TMP/k.eml" > "$TMP/k.ar" 2> "$TMP/k.err"
		else
			probe -s "$server" verify < "$TMP/k.eml" > "$TMP/k.ar"
		fi
		got_x=$?
		check "knot:$label:$sel" "$want_d|$want_x" \
		    "$(dkim_of "$TMP/k.ar")|$got_x"
	done
}

knot() {
	if ! command -v knotd > /dev/null 2>&1; then
		fail knot "knotd not found (Debian package knot)"
		return
	fi
	if ! start_knot; then
		fail knot "knotd did not start"
		return
	fi
	pass knot:start
	knot_rows probe "127.0.0.1:$KPORT"
	if [ "$HAVE_IPV6" = 1 ]; then
		knot_rows probe "[::1]:$KPORT" | sed 's/dns:knot:/dns:knot-v6:/'
	fi
	cli
}

# The same through `dkimkit verify --resolver`, and a temperror's exit
# status (75) from the fault server.
cli() {
	sign example.test rsa2048 "$KEYDIR/rsa2048.key" "$TMP/c.eml"
	./dkimkit verify --resolver "127.0.0.1:$KPORT" -A test \
	    < "$TMP/c.eml" > /dev/null 2> "$TMP/c.err"
	if [ $? -eq 64 ] && grep -q 'not available' "$TMP/c.err"; then
		echo "SKIP dns:knot:cli: dkimkit verify --resolver is not wired yet"
		return
	fi
	knot_rows cli "127.0.0.1:$KPORT"
	sign servfail.fault.test k "$TMP/rfc8463.key" "$TMP/c.eml"
	./dkimkit verify --resolver "127.0.0.1:$FAULT_PORT" -A test \
	    < "$TMP/c.eml" > "$TMP/c.ar" 2> "$TMP/c.err"
	rc=$?
	check cli:servfail "temperror (dns-servfail)|75" \
	    "$(dkim_of "$TMP/c.ar")|$rc"
	cli_unreachable
}

# Nothing listens at the --resolver address: the ICMP port unreachable
# gives dns-unreachable at once (not after the 5 s per try of a
# timeout), and the error line names the server.
cli_unreachable() {
	port=$(free_port)
	t0=$(date +%s%N)
	./dkimkit verify --resolver "127.0.0.1:$port" -A test \
	    < "$TMP/c.eml" > "$TMP/c.ar" 2> "$TMP/c.err"
	rc=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	echo "  nothing listening at 127.0.0.1:$port: $(dkim_of "$TMP/c.ar")" \
	    "in $ms ms; $(cat "$TMP/c.err")"
	check cli:unreachable "temperror (dns-unreachable)|75" \
	    "$(dkim_of "$TMP/c.ar")|$rc"
	check cli:unreachable-names-server 1 \
	    "$(grep -c "DNS server 127.0.0.1:$port: unreachable" "$TMP/c.err")"
	if [ "$ms" -lt 2000 ]; then
		pass cli:unreachable-at-once
	else
		fail cli:unreachable-at-once "took $ms ms"
	fi
}

HAVE_IPV6=0
if python3 -c 'import socket; socket.socket(socket.AF_INET6).bind(("::1", 0))' \
    2>/dev/null; then
	HAVE_IPV6=1
fi

start=$(date +%s)
build_probe
faults
concurrency
cache
dnssec
[ "$HAVE_IPV6" = 1 ] && ipv6
knot
echo "dns tests took $(($(date +%s) - start)) s"
[ ! -f "$TMP/failed" ]
