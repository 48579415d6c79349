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
# tests/filter/run.sh [CASE ...]: the scripted transcripts of filter-dkim.
# Every tests/filter/cases/*.t (or the ones named) is played in protocol
# 0.4, 0.5, 0.6 and 0.7 by transcript.py, which checks each answer
# against the exact lines expected; three cases are played again with
# their input written 1 and 7 bytes at a time. The cases are made by
# mkcase.py (see there); mkcase.py ./dkimkit tests/filter/cases remakes
# them. Key lookups go to the fault DNS
# server of tests/dns (faultdns.py) on a free loopback port, stopped by
# pid on exit. No root, no smtpd.
#
# Environment: FILTER_DKIM, the program (default ./filter-dkim, built with
# `make filter-dkim`); FILTER_WRAP, a command to run it under (valgrind);
# PYTHON (default /usr/bin/python3, which has Debian's python3-dkim).
#
# Prints "PASS filter:CASE@VERSION" / "FAIL ..." lines; exit status 1
# when any failed.

cd "$(dirname "$0")/../.." || exit 1

PYTHON=${PYTHON:-/usr/bin/python3}
# no __pycache__ folders in the checkout
export PYTHONDONTWRITEBYTECODE=1
FILTER_DKIM=${FILTER_DKIM:-./filter-dkim}
TMP=$(mktemp -d) || exit 1
DNSPID=

cleanup() {
	if [ -n "$DNSPID" ]; then
		kill "$DNSPID" 2>/dev/null
		wait "$DNSPID" 2>/dev/null
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if [ ! -x "$FILTER_DKIM" ]; then
	echo "FAIL filter:build: $FILTER_DKIM not built (make filter-dkim)"
	exit 1
fi

"$PYTHON" tests/dns/faultdns.py --portfile "$TMP/dns.port" \
    --lifetime 600 > "$TMP/dns.log" 2>&1 &
DNSPID=$!
i=0
while [ ! -s "$TMP/dns.port" ]; do
	i=$((i + 1))
	if [ $i -gt 100 ]; then
		cat "$TMP/dns.log"
		echo "FAIL filter:dns: the fault DNS server did not start"
		exit 1
	fi
	sleep 0.05
done

# A wrapper goes in front of the program through a small script, since
# the cases give the program and its arguments as one argv.
prog=$FILTER_DKIM
if [ -n "${FILTER_WRAP:-}" ]; then
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$FILTER_WRAP" \
	    "$(cd "$(dirname "$FILTER_DKIM")" && pwd)/$(basename "$FILTER_DKIM")" \
	    > "$TMP/wrapped"
	chmod +x "$TMP/wrapped"
	prog=$TMP/wrapped
fi

if [ $# -gt 0 ]; then
	cases=
	for c in "$@"; do
		cases="$cases tests/filter/cases/$c.t"
	done
else
	cases=$(ls tests/filter/cases/*.t)
fi

play() {
	# shellcheck disable=SC2086
	"$PYTHON" tests/filter/transcript.py --filter "$prog" \
	    --var KEYS=tests/filter/keys \
	    --var "DNS=127.0.0.1:$(cat "$TMP/dns.port")" \
	    --var CONF=tests/filter/conf "$@"
}

# shellcheck disable=SC2086
play $cases
st=$?
# lines split at every offset: some cases again, in writes of 1 and 7
# bytes (every line boundary falls inside a read), protocol 0.6
if [ $# -eq 0 ]; then
	for n in 1 7; do
		play --chunk $n --versions 0.6 \
		    tests/filter/cases/sign-dots-pipes-8bit.t \
		    tests/filter/cases/verify-forged-ar.t \
		    tests/filter/cases/disconnect-mid-data.t || st=1
	done
	# SIGHUP: new configuration for new messages, old kept when broken,
	# and one while the configuration loads at startup is a reload
	if ${CC:-cc} -shared -fPIC -o "$TMP/hup.so" tests/hup_on_open.c \
	    -ldl; then
		"$PYTHON" tests/filter/reload.py "$prog" tests/filter/keys \
		    "$TMP/hup.so" || st=1
	else
		echo "FAIL reload:setup: cannot build tests/hup_on_open.c"
		st=1
	fi
	# configurations that cannot work: refused at startup and on SIGHUP
	"$PYTHON" tests/filter/refuse.py "$prog" tests/filter/keys || st=1
	# memory-max counts each message's own state: past it, 451
	"$PYTHON" tests/filter/memory.py "$prog" tests/filter/keys || st=1
	# what a hostile client can put in a message
	"$PYTHON" tests/filter/hostile.py "$prog" tests/filter/keys || st=1
	# -n: the check mode, of both daemons
	sh tests/filter/check.sh "$prog" "${MILTER:-./dkimkit-milter}" \
	    tests/filter/keys || st=1
fi
exit $st
