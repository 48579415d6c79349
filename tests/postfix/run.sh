#!/bin/sh
#
# dkimkit-milter inside a real Postfix (tests/postfix/run.py), with
# milter protocol 6 and 2, key records from knot on loopback (the zone
# of tests/dns/mkzone.sh). Postfix is unpacked into /var/tmp/postfix-root
# on first use (apt-get download postfix; dpkg-deb -x): Debian's postfix
# and opensmtpd packages conflict, so it is never installed. Every
# Postfix run holds /tmp/postfix.lock. Needs root. KEEP=1 keeps the
# work dir.

cd "$(dirname "$0")/../.." || exit 1

PYTHON=${PYTHON:-/usr/bin/python3}
export PYTHONDONTWRITEBYTECODE=1
MILTER=${MILTER:-./dkimkit-milter}
DKIMKIT=${DKIMKIT:-./dkimkit}
KEYS=${POSTFIX_KNOT_KEYS:-$(pwd)/build/postfix/knot}
COUNT=${POSTFIX_COUNT:-60}
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
	echo "FAIL postfix:setup: $1"
	exit 1
}
[ "$(id -u)" -eq 0 ] || fail "needs root (Postfix refuses otherwise)"
command -v knotd >/dev/null || fail "no knotd (Debian package knot)"
command -v flock >/dev/null || fail "no flock (Debian package util-linux)"
[ -x "$MILTER" ] || fail "$MILTER not built (make dkimkit-milter)"
[ -x "$DKIMKIT" ] || fail "$DKIMKIT not built (make)"

abs() {
	(cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")")
}

TMP=$(mktemp -d /tmp/dkimkit-postfix.XXXXXX) || fail "mktemp"
chmod 755 "$TMP"
KPORT=$($PYTHON -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$KEYS" "$TMP/knot"
sh tests/dns/mkzone.sh "$DKIMKIT" "$KEYS" "$TMP/knot" "$KPORT" ||
    fail "tests/dns/mkzone.sh failed"
chmod 755 "$KEYS"
knotd -c "$TMP/knot/knot.conf" > "$TMP/knot.log" 2>&1 &
KNOTPID=$!
$PYTHON tests/postfix/run.py --wait-dns "$KPORT" ||
    { cat "$TMP/knot.log"; fail "knot did not answer"; }

st=0
for proto in 6 2; do
	faults=
	[ $proto = 6 ] && faults=--faults
	flock /tmp/postfix.lock $PYTHON tests/postfix/run.py \
	    --milter "$(abs "$MILTER")" --dkimkit "$(abs "$DKIMKIT")" \
	    --keys "$KEYS" --kport "$KPORT" --work "$TMP/v$proto" \
	    --protocol $proto --count "$COUNT" $faults || st=1
done
exit $st
