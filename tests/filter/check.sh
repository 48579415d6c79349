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
# tests/filter/check.sh FILTER MILTER KEYDIR: the check mode, -n, of
# filter-dkim and dkimkit-milter. A good configuration and broken ones,
# each with its message; every mistake of one file named in one run; and
# as root, the keys read as the user the daemon runs as (filter-dkim:
# opensmtpd, as smtpd runs it; the milter: its -u user). Each transcript
# is printed. Prints PASS/FAIL lines; exit status 1 if any failed.
# (-n -n, against knot, is in tests/cli/run.sh.)

FILTER=$1
MILTER=$2
KEYS=$3
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT
chmod 755 "$TMP"	# the daemon's user reaches its files in here
st=0

# run NAME WANT-STATUS REGEX PROGRAM ARG...: the transcript, and its check
run() {
	name=$1 want=$2 re=$3
	shift 3
	"$@" > "$TMP/out" 2>&1
	rc=$?
	echo "\$ $(basename "$1") ${*#"$1"}" | sed "s|$TMP|T|g"
	sed "s|$TMP|T|g; s/^/  /" "$TMP/out"
	echo "  [exit $rc]"
	if [ "$rc" = "$want" ] && grep -Eq -- "$re" "$TMP/out"; then
		echo "PASS check:$name"
	else
		echo "FAIL check:$name: want exit $want and /$re/"
		st=1
	fi
}

cp "$KEYS/ed.key" "$KEYS/rsa.key" "$TMP/"
ed="example.test:ed:$TMP/ed.key"
rsa="example.test:rsa:$TMP/rsa.key"
if [ "$(id -u)" = 0 ] && getent passwd opensmtpd > /dev/null; then
	chgrp opensmtpd "$TMP/ed.key" "$TMP/rsa.key"
	chmod 640 "$TMP/ed.key" "$TMP/rsa.key"
	cp "$TMP/ed.key" "$TMP/root.key"
	chgrp root "$TMP/root.key"
	chmod 600 "$TMP/root.key"
	asuser=1
else
	chmod 644 "$TMP/ed.key" "$TMP/rsa.key"
	asuser=
	echo "SKIP check:unreadable (needs root and user opensmtpd)"
fi

printf '%s\n%s  # both\nmode sign\n' "$ed" "$rsa" > "$TMP/good.conf"
run filter-ok 0 '^configuration OK$' "$FILTER" -n -f "$TMP/good.conf"
run milter-ok 0 '^configuration OK$' "$MILTER" -n -f "$TMP/good.conf"

# files at their bounds and past them, and one whose size stat() does
# not give
{ printf '%s\n' "$ed"; head -c $((1048576 - ${#ed} - 1)) /dev/zero |
    tr '\0' '#'; } > "$TMP/max.conf"
run filter-conf-at-bound 0 '^configuration OK$' \
    "$FILTER" -n -f "$TMP/max.conf"
head -c 1048577 /dev/zero | tr '\0' '#' > "$TMP/big.conf"
run filter-conf-too-big 78 'big.conf: over 1048576 bytes, the bound on a configuration file' \
    "$FILTER" -n -f "$TMP/big.conf"
head -c 65536 /dev/zero | tr '\0' '#' > "$TMP/max.key"
run filter-key-at-bound 78 'max.key: not a PEM key' \
    "$FILTER" -n "example.test:max:$TMP/max.key"
head -c 65537 /dev/zero | tr '\0' '#' > "$TMP/big.key"
run filter-key-too-big 78 'big.key: over 65536 bytes, the bound on a key file' \
    "$FILTER" -n "example.test:big:$TMP/big.key"
if [ "$(uname)" = Linux ]; then
	run filter-conf-size-unknown 78 'status:[0-9]+: unknown option "nonvoluntary_ctxt_switches:"' \
	    "$FILTER" -n -f /proc/self/status
fi

printf 'headers to:subject\n%s\n' "$ed" > "$TMP/nofrom.conf"
run filter-no-from 78 'nofrom.conf:1: headers "to:subject": .*From' \
    "$FILTER" -n -f "$TMP/nofrom.conf"
printf '%s\nmode\0sign\n' "$ed" > "$TMP/nul.conf"
run filter-nul 78 'nul.conf:2: a NUL byte at column 5' \
    "$FILTER" -n -f "$TMP/nul.conf"
printf '%s\nexample.test:ed:%s/rsa.key\n' "$ed" "$TMP" > "$TMP/dup.conf"
run filter-duplicate 78 'dup.conf:2: example.test:ed is given twice' \
    "$FILTER" -n -f "$TMP/dup.conf"
run milter-duplicate 78 'dup.conf:2: example.test:ed is given twice' \
    "$MILTER" -n -f "$TMP/dup.conf"
# -n checks the -p socket spec too: each way it cannot work, with no
# DNS query (every address is numeric), and what is there left alone
echo precious > "$TMP/notsock"
mkdir "$TMP/dir"
run milter-p-unix-ok 0 '^configuration OK$' \
    "$MILTER" -n -p "unix:$TMP/m.sock" -f "$TMP/good.conf"
if [ -e "$TMP/m.sock" ]; then
	echo "FAIL check:milter-p-unix-ok-nothing-made: $TMP/m.sock made"
	st=1
else
	echo "PASS check:milter-p-unix-ok-nothing-made"
fi
run milter-p-inet-ok 0 '^configuration OK$' \
    "$MILTER" -n -p inet:8891@127.0.0.1 -f "$TMP/good.conf"
run milter-p-port 78 '-p inet:0@127.0.0.1: port "0" is not a number' \
    "$MILTER" -n -p inet:0@127.0.0.1 -f "$TMP/good.conf"
run milter-p-family 78 '::1 is an IPv6 address; write inet6:8891@\[::1\]' \
    "$MILTER" -n -p 'inet:8891@[::1]' -f "$TMP/good.conf"
run milter-p-family6 78 '127.0.0.1 is an IPv4 address; write inet:8891@' \
    "$MILTER" -n -p inet6:8891@127.0.0.1 -f "$TMP/good.conf"
# (unless the host allows a bind to any address: ip_nonlocal_bind)
run milter-p-not-local 78 'cannot listen there: .*; give an address of' \
    "$MILTER" -n -p inet:8891@192.0.2.1 -f "$TMP/good.conf"
run milter-p-scope 78 '\[::1%lo\]: only a link-local address takes an interface name; drop %lo' \
    "$MILTER" -n -p 'inet6:8891@[::1%lo]' -f "$TMP/good.conf"
run milter-p-scope4 78 '\[127.0.0.1%lo\]: an IPv4 address takes no scope; drop %lo' \
    "$MILTER" -n -p 'inet:8891@[127.0.0.1%lo]' -f "$TMP/good.conf"
run milter-p-no-addr 78 'no address after @' \
    "$MILTER" -n -p inet:8891@ -f "$TMP/good.conf"
run milter-p-brackets 78 'an address in brackets is \[ADDR\]' \
    "$MILTER" -n -p 'inet:8891@[127.0.0.1' -f "$TMP/good.conf"
run milter-p-dir 78 "directory $TMP/no: No such file or directory; create" \
    "$MILTER" -n -p "unix:$TMP/no/m.sock" -f "$TMP/good.conf"
run milter-p-a-dir 78 "a directory, not a socket; name a socket in it" \
    "$MILTER" -n -p "unix:$TMP/dir" -f "$TMP/good.conf"
run milter-p-slash 78 "no socket file named" \
    "$MILTER" -n -p "unix:$TMP/dir/" -f "$TMP/good.conf"
run milter-p-not-socket 78 "-p $TMP/notsock: a regular file, not a socket" \
    "$MILTER" -n -p "$TMP/notsock" -f "$TMP/good.conf"
if [ "$(cat "$TMP/notsock")" = precious ]; then
	echo "PASS check:milter-p-not-socket-kept"
else
	echo "FAIL check:milter-p-not-socket-kept"
	st=1
fi
run milter-p-scheme 78 '-p tcp:8891: not unix:PATH' \
    "$MILTER" -n -p tcp:8891 -f "$TMP/good.conf"
# a socket path fills its sun_path but the NUL: 108 bytes on Linux, 104
# on the BSDs
case $(uname) in
Linux)	max=107 ;;
*)	max=103 ;;
esac
long=$(printf "$TMP/%0$((max - ${#TMP} - 1))d" 0)
run milter-p-longest 0 '^configuration OK$' \
    "$MILTER" -n -p "unix:$long" -f "$TMP/good.conf"
run milter-p-too-long 78 "has $((max + 1)) bytes, a socket.s at most $max" \
    "$MILTER" -n -p "unix:${long}0" -f "$TMP/good.conf"
# a bad -p and a bad configuration: both are reported
run milter-p-and-config 78 'nofrom.conf:1: headers "to:subject"' \
    "$MILTER" -n -p inet:0 -f "$TMP/nofrom.conf"
if grep -q -- '-p inet:0: port "0"' "$TMP/out"; then
	echo "PASS check:milter-p-and-config-both"
else
	echo "FAIL check:milter-p-and-config-both: no -p error"
	st=1
fi
# every mistake, not only the first: two missing keys and a duplicate
printf 'example.test:a:%s/none1.key\nexample.test:b:%s/none2.key\n%s\n%s\n' \
    "$TMP" "$TMP" "$ed" "$ed" > "$TMP/many.conf"
run filter-every-error 78 'many.conf:4: example.test:ed is given twice' \
    "$FILTER" -n -f "$TMP/many.conf"
n=$(grep -c 'many.conf:[12]: .*none[12].key: No such file' "$TMP/out")
if [ "$n" = 2 ]; then
	echo "PASS check:every-key-error"
else
	echo "FAIL check:every-key-error: want both missing keys named"
	st=1
fi

# a key line naming no file: each refused at once, none read for ever
mkdir "$TMP/dir.key"
mkfifo "$TMP/fifo.key"
ln -s /dev/zero "$TMP/zero.key"
for k in dir:directory fifo:fifo zero:device; do
	printf 'example.test:%s:%s/%s.key\n' "${k%%:*}" "$TMP" "${k%%:*}" \
	    > "$TMP/${k%%:*}.conf"
	run "filter-key-${k#*:}" 78 \
	    "${k%%:*}.conf:1: .*${k%%:*}.key is a ${k#*:}: give the key's PEM file" \
	    timeout 10 "$FILTER" -n -f "$TMP/${k%%:*}.conf"
done
run milter-key-fifo 78 'fifo.conf:1: .*fifo.key is a fifo' \
    timeout 10 "$MILTER" -n -f "$TMP/fifo.conf"
run filter-conf-fifo 78 'fifo.key is a fifo: give the configuration file' \
    timeout 10 "$FILTER" -n -f "$TMP/fifo.key"

# -n -n: a domain a signature may have, too long with its selector for
# a DNS name: said so, and no lookup is made (nothing listens there)
l=$(printf '%060d' 0 | tr 0 a)
printf '%s.%s.%s.%s.test:sel12345678901234567890:%s/ed.key\n' \
    "$l" "$l" "$l" "$l" "$TMP" > "$TMP/long.conf"
run filter-name-too-long 78 'absent \(the name has 283 octets, over the 253 of a DNS name; choose a shorter selector\)' \
    "$FILTER" -n -n -u "$(id -un)" --resolver 127.0.0.1:9 -f "$TMP/long.conf"

if [ -n "$asuser" ]; then
	# the key readable, its directory closed: the directory is named
	mkdir "$TMP/closed"
	cp "$TMP/ed.key" "$TMP/closed/ed.key"
	chmod 700 "$TMP/closed"
	printf 'example.test:ed:%s/closed/ed.key\n' "$TMP" > "$TMP/closed.conf"
	run filter-key-dir-closed 78 "closed.conf:1: .*closed/ed.key: Permission denied to uid $(id -u opensmtpd), which the filter runs as: it may not enter .*/closed; let that user in" \
	    "$FILTER" -n -f "$TMP/closed.conf"
	# the configuration itself unreadable to the daemon's user
	cp "$TMP/good.conf" "$TMP/private.conf"
	chmod 600 "$TMP/private.conf"
	run filter-conf-unreadable 78 "private.conf: Permission denied to uid $(id -u opensmtpd), which the filter runs as; make the file readable by that user" \
	    "$FILTER" -n -f "$TMP/private.conf"
	# a socket the starting user may not make in its directory: one
	# it may not write to, one it may not enter
	run milter-p-dir-ro 78 "cannot make a socket in $TMP: Permission denied to uid $(id -u opensmtpd); let that user enter and write to it" \
	    setpriv --reuid=opensmtpd --regid=opensmtpd --clear-groups \
	    "$MILTER" -n -p "unix:$TMP/m.sock" -f "$TMP/good.conf"
	run milter-p-dir-closed 78 "cannot make a socket in $TMP/closed: Permission denied to uid" \
	    setpriv --reuid=opensmtpd --regid=opensmtpd --clear-groups \
	    "$MILTER" -n -p "unix:$TMP/closed/m.sock" -f "$TMP/good.conf"
	# a stale socket of root's in a sticky directory: the starting
	# user may not connect to it (mode 755), or not remove it (777);
	# its own it may
	mkdir -m 1777 "$TMP/sticky"
	${PYTHON:-/usr/bin/python3} -c 'import socket, sys
socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$TMP/sticky/m.sock"
	chmod 755 "$TMP/sticky/m.sock"
	run milter-p-sock-no-connect 78 "m.sock: a socket of uid 0 that uid $(id -u opensmtpd) may not connect to, so cannot tell whether a milter answers there; choose another -p" \
	    setpriv --reuid=opensmtpd --regid=opensmtpd --clear-groups \
	    "$MILTER" -n -p "unix:$TMP/sticky/m.sock" -f "$TMP/good.conf"
	chmod 777 "$TMP/sticky/m.sock"
	run milter-p-sock-sticky 78 "m.sock: a socket of uid 0 in a sticky directory, which uid $(id -u opensmtpd) could not remove were it stale" \
	    setpriv --reuid=opensmtpd --regid=opensmtpd --clear-groups \
	    "$MILTER" -n -p "unix:$TMP/sticky/m.sock" -f "$TMP/good.conf"
	run milter-p-sock-root 0 '^configuration OK$' \
	    "$MILTER" -n -p "unix:$TMP/sticky/m.sock" -f "$TMP/good.conf"
	chown opensmtpd "$TMP/sticky/m.sock"
	run milter-p-sock-own-sticky 0 '^configuration OK$' \
	    setpriv --reuid=opensmtpd --regid=opensmtpd --clear-groups \
	    "$MILTER" -n -p "unix:$TMP/sticky/m.sock" -f "$TMP/good.conf"
	# not root, -u names another user: refused, not checked as us
	run filter-u-not-root 78 '-u root: only root can read the keys as another user' \
	    setpriv --reuid=opensmtpd --regid=opensmtpd --clear-groups \
	    "$FILTER" -n -u root -f "$TMP/good.conf"
	run filter-u-self 0 '^configuration OK$' \
	    setpriv --reuid=opensmtpd --regid=opensmtpd --clear-groups \
	    "$FILTER" -n -u opensmtpd -f "$TMP/good.conf"
	printf '%s\nexample.test:root:%s/root.key\n' "$ed" "$TMP" \
	    > "$TMP/root.conf"
	uid=$(id -u opensmtpd)
	run filter-unreadable 78 "root.conf:2: .*root.key: Permission denied to uid $uid, which the filter runs as; make the key readable by that user" \
	    "$FILTER" -n -f "$TMP/root.conf"
	run filter-unreadable-u-root 0 '^configuration OK$' \
	    "$FILTER" -n -u root -f "$TMP/root.conf"
	run milter-unreadable-u 78 "root.key: Permission denied to uid $uid" \
	    "$MILTER" -n -u opensmtpd -f "$TMP/root.conf"
	run milter-no-user 78 '-u nosuchuser: no such user' \
	    "$MILTER" -n -u nosuchuser -f "$TMP/good.conf"
fi
exit $st
