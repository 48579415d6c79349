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
# Environment: SMTPD_KEEP (keep the work dir, which is kept anyway when a
# check failed), FILTER_DKIM (default ./filter-dkim), DKIMKIT (./dkimkit),
# SMTPD_COUNT (messages: sign-path 240, valgrind 1000 by default), SMTPD_KNOT_KEYS (where the
# knot zone's keys are kept between runs; default build/smtpd/knot).
#
# Prints "PASS smtpd:NAME" / "FAIL smtpd:NAME: why"; exit status 1 when
# any failed. Without root or opensmtpd it prints one FAIL line.

cd "$(dirname "$0")/../.." || exit 1

PYTHON=${PYTHON:-/usr/bin/python3}
# no __pycache__ folders in the checkout
export PYTHONDONTWRITEBYTECODE=1
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
	if [ -n "$TMP" ] && [ -z "${KEEP:-}" ]; then
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "FAIL smtpd:setup: $1"
	exit 1
}
[ "$(id -u)" -eq 0 ] || fail "needs root (smtpd drops privileges itself)"
[ -x /usr/sbin/smtpd ] || fail "no /usr/sbin/smtpd (Debian package opensmtpd)"
command -v knotd >/dev/null || fail "no knotd (Debian package knot)"
[ -x "$FILTER_DKIM" ] || fail "$FILTER_DKIM not built (make filter-dkim)"
[ -x "$DKIMKIT" ] || fail "$DKIMKIT not built (make)"
if [ "${1:-}" = --valgrind ]; then
	command -v valgrind >/dev/null ||
	    fail "no valgrind (Debian package valgrind)"
fi

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
    fail "tests/dns/mkzone.sh failed"
knotd -c "$TMP/knot/knot.conf" > "$TMP/knot.log" 2>&1 &
KNOTPID=$!
# --valgrind: the slow run (1,000 messages under valgrind) instead
prog=tests/smtpd/check.py
[ "${1:-}" = --valgrind ] && prog=tests/smtpd/valgrind.py
# smtpd runs the filter as opensmtpd, who may not reach into the tree
cp "$FILTER_DKIM" "$TMP/filter-dkim" && chmod 755 "$TMP/filter-dkim" ||
    fail "cannot copy $FILTER_DKIM"
"$PYTHON" "$prog" --filter "$TMP/filter-dkim" \
    --dkimkit "$(abs "$DKIMKIT")" --work "$TMP" --knot-keys "$KNOT_KEYS" \
    --dns "127.0.0.1:$KPORT" ${SMTPD_COUNT:+--count "$SMTPD_COUNT"}
st=$?
# on failure the work dir stays: smtpd.conf, smtpd.log, delivered/
if [ $st -ne 0 ] || [ -n "${SMTPD_KEEP:-}" ]; then
	KEEP=1
	echo "work dir kept: $TMP"
fi
exit $st
