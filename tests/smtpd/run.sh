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
# tests/smtpd/run.sh [--valgrind]: filter-dkim inside Debian's smtpd 6.8
# on loopback (check.py: the sign path, the verify path, internal
# networks, smtpd alive at the end; with --valgrind, valgrind.py instead:
# 1,000 messages through the filter under valgrind, a slow run of its
# own, not part of make check). Key records for the verify path come from knot on a
# free loopback port, with the zone of tests/dns/mkzone.sh; knot and smtpd
# are stopped by pid on exit.
#
# Needs root (smtpd starts as root and drops privileges itself), the
# Debian packages opensmtpd (its system service stopped: only one smtpd
# may run, see scripts/setup-deps.sh), knot and python3-dkim, and
# ./filter-dkim and ./dkimkit built. The filter runs as `opensmtpd`, so the
# test's keys live in a folder of group opensmtpd, and the checkout must
# be searchable by that user.
#
# Environment: FILTER_DKIM (default ./filter-dkim), DKIMKIT (./dkimkit),
# SMTPD_COUNT (messages: sign-path 240, valgrind 1000 by default), SMTPD_KNOT_KEYS (where the
# knot zone's keys are kept between runs; default build/smtpd/knot).
#
# Prints "PASS smtpd:NAME" / "FAIL smtpd:NAME: why"; exit status 1 when
# any failed. Without root or opensmtpd it prints one FAIL line.

cd "$(dirname "$0")/../.." || exit 1

PYTHON=${PYTHON:-/usr/bin/python3}
FILTER_DKIM=${FILTER_DKIM:-./filter-dkim}
DKIMKIT=${DKIMKIT:-./dkimkit}
KNOT_KEYS=${SMTPD_KNOT_KEYS:-$(pwd)/build/smtpd/knot}
TMP=
KNOTPID=

cleanup() {
	if [ -n "$KNOTPID" ]; then
		kill "$KNOTPID" 2>/dev/null
		wait "$KNOTPID" 2>/dev/null
	fi
	[ -n "$TMP" ] && rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

need() {
	if ! eval "$2"; then
		echo "FAIL smtpd:setup: $1"
		exit 1
	fi
}
need "needs root (smtpd drops privileges itself)" '[ "$(id -u)" -eq 0 ]'
need "no /usr/sbin/smtpd (Debian package opensmtpd)" '[ -x /usr/sbin/smtpd ]'
need "no knotd (Debian package knot)" 'command -v knotd >/dev/null'
need "$FILTER_DKIM not built (make filter-dkim)" '[ -x "$FILTER_DKIM" ]'
need "$DKIMKIT not built (make)" '[ -x "$DKIMKIT" ]'

abs() {
	(cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")")
}

# a port free on 127.0.0.1 for UDP and TCP (knot serves both)
KPORT=$("$PYTHON" -c '
import socket
for _ in range(50):
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("127.0.0.1", 0))
    port = u.getsockname()[1]
    t = socket.socket()
    try:
        t.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        t.close()
        u.close()
    print(port)
    break')

TMP=$(mktemp -d /tmp/dkimkit-smtpd.XXXXXX) || exit 1
# the filter, as opensmtpd, reaches its config and keys in here
chmod 755 "$TMP"
mkdir -p "$KNOT_KEYS" "$TMP/knot"
sh tests/dns/mkzone.sh "$DKIMKIT" "$KNOT_KEYS" "$TMP/knot" "$KPORT" ||
    need "tests/dns/mkzone.sh failed" false
knotd -c "$TMP/knot/knot.conf" > "$TMP/knot.log" 2>&1 &
KNOTPID=$!
# --valgrind: the slow run (1,000 messages under valgrind) instead
prog=tests/smtpd/check.py
[ "${1:-}" = --valgrind ] && prog=tests/smtpd/valgrind.py
need "no valgrind (Debian package valgrind)" \
    '[ $prog = tests/smtpd/check.py ] || command -v valgrind >/dev/null'
"$PYTHON" $prog --filter "$(abs "$FILTER_DKIM")" \
    --dkimkit "$(abs "$DKIMKIT")" --work "$TMP" --knot-keys "$KNOT_KEYS" \
    --dns "127.0.0.1:$KPORT" ${SMTPD_COUNT:+--count "$SMTPD_COUNT"}
