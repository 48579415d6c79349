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
# tests/stress/run.sh [--postfix] [COUNT]: filter-dkim inside Debian's
# smtpd 6.8 with faults injected (stress.py: DNS faults, clients gone
# mid-DATA, a spool tmpfs that fills up, a low limit on open files,
# SIGHUP storms with broken configurations). COUNT messages, 10,000 by
# default (make stress); make check runs 600.
#
# --postfix: the same run through a real Postfix with dkimkit-milter
# (stress.py --milter, tests/stress/postfix_mta.py); the tmpfs is then
# Postfix's queue, as the milter keeps no copy of a message. It takes
# /tmp/postfix.lock itself; Postfix is unpacked on first use as for
# tests/postfix/run.sh.
#
# The spool is a tmpfs of STRESS_SPOOL_SIZE (default 4m, 16m with
# --postfix, which wants twice a message's size free to accept it)
# mounted in the work dir and unmounted on exit. Needs root, the Debian
# packages opensmtpd (its system service stopped: only one smtpd may
# run), knot and python3-dkim, and ./filter-dkim (or ./dkimkit-milter)
# and ./dkimkit built. Run it under `flock /tmp/smtpd.lock` when other
# tests may start an smtpd.
#
# Environment: STRESS_KEEP (keep the work dir, kept anyway on failure),
# FILTER_DKIM (default ./filter-dkim), MILTER (./dkimkit-milter),
# DKIMKIT (./dkimkit),
# STRESS_PARALLEL (SMTP sessions at once, default 12), STRESS_SEED,
# SMTPD_KNOT_KEYS (the knot zone's keys, kept between runs; default
# build/smtpd/knot, shared with tests/smtpd/run.sh).
#
# Prints "PASS stress:NAME" / "FAIL stress:NAME: why" (stress-postfix:
# with --postfix); exit status 1 when any failed.

cd "$(dirname "$0")/../.." || exit 1

PYTHON=${PYTHON:-/usr/bin/python3}
export PYTHONDONTWRITEBYTECODE=1
FILTER_DKIM=${FILTER_DKIM:-./filter-dkim}
MILTER=${MILTER:-./dkimkit-milter}
DKIMKIT=${DKIMKIT:-./dkimkit}
KNOT_KEYS=${SMTPD_KNOT_KEYS:-$(pwd)/build/smtpd/knot}
MTA=smtpd
if [ "${1:-}" = --postfix ]; then
	MTA=postfix
	shift
fi
COUNT=${1:-10000}
TMP=
SPOOL=
MOUNTED=

cleanup() {
	# Postfix's last processes may still be leaving its queue
	[ -n "$MOUNTED" ] && { umount "$SPOOL" 2>/dev/null ||
	    { sleep 2; umount "$SPOOL" || umount -l "$SPOOL"; }; }
	if [ -n "$TMP" ] && [ -z "${KEEP:-}" ]; then
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "FAIL stress:setup: $1"
	exit 1
}
[ "$(id -u)" -eq 0 ] || fail "needs root (smtpd, and the tmpfs mount)"
[ -x /usr/sbin/smtpd ] || fail "no /usr/sbin/smtpd (Debian package opensmtpd)"
command -v knotd >/dev/null || fail "no knotd (Debian package knot)"
if [ $MTA = smtpd ]; then
	[ -x "$FILTER_DKIM" ] ||
	    fail "$FILTER_DKIM not built (make filter-dkim)"
else
	[ -x "$MILTER" ] || fail "$MILTER not built (make dkimkit-milter)"
	command -v flock >/dev/null ||
	    fail "no flock (Debian package util-linux)"
fi
[ -x "$DKIMKIT" ] || fail "$DKIMKIT not built (make)"

abs() {
	(cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")")
}

TMP=$(mktemp -d /tmp/dkimkit-stress.XXXXXX) || exit 1
# the filters, as opensmtpd, reach their configs, keys and spool in here
chmod 755 "$TMP"
if [ $MTA = smtpd ]; then
	SPOOL=$TMP/spool
	size=${STRESS_SPOOL_SIZE:-4m}
	cp "$FILTER_DKIM" "$TMP/filter-dkim" &&
	    chmod 755 "$TMP/filter-dkim" || fail "cannot copy $FILTER_DKIM"
	set -- "$PYTHON" tests/stress/stress.py --filter "$TMP/filter-dkim"
else
	# postfix_mta.py: Postfix's queue_directory, in its work dir pf
	SPOOL=$TMP/pf/queue
	size=${STRESS_SPOOL_SIZE:-16m}
	set -- flock /tmp/postfix.lock "$PYTHON" tests/stress/stress.py \
	    --milter "$(abs "$MILTER")"
fi
mkdir -p "$SPOOL"
mount -t tmpfs -o "size=$size,mode=1777" tmpfs "$SPOOL" ||
    fail "cannot mount a tmpfs on $SPOOL"
MOUNTED=1
"$@" --dkimkit "$(abs "$DKIMKIT")" --work "$TMP" \
    --knot-keys "$KNOT_KEYS" --spool "$SPOOL" --count "$COUNT" \
    ${STRESS_PARALLEL:+--parallel "$STRESS_PARALLEL"} \
    ${STRESS_SEED:+--seed "$STRESS_SEED"}
st=$?
if [ $st -ne 0 ] || [ -n "${STRESS_KEEP:-}" ]; then
	KEEP=1
	echo "work dir kept: $TMP"
fi
exit $st
