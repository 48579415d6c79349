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
# Two-way interop tests against dkimpy and Mail::DKIM.  Run from the repo
# root after the build.  Prints "PASS name" or "FAIL name: why" per case
# and one summary line.  Keys come from ./dkimkit keygen, key lookups from
# the generated --dns-file (no network), the clock is pinned.
#
#   1. ./dkimkit signs every generated message in each of the four
#      canonicalizations with RSA-2048 and with Ed25519, and with both keys
#      at once; dkimpy verifies all of them, Mail::DKIM the RSA ones.
#   2. dkimpy (RSA, Ed25519) and Mail::DKIM (RSA) sign every message in each
#      canonicalization; ./dkimkit verify must report dkim=pass.
#
# Messages the peers cannot take are left out of that peer's cases only
# (see genmsg.py): "wspcolon" ones from dkimpy, whose parser rejects WSP
# before a header colon; "nocrlf" ones from Mail::DKIM, which drops a final
# body line without CRLF (DESIGN.md).
#
# The temp dir is removed when every case passes and kept otherwise, so
# that the message files and commands in the FAIL lines still work.

set -u

DKIMKIT=${DKIMKIT:-./dkimkit}
HERE=tests/interop
DOMAIN=interop.example
# Messages to generate; at least 100 by the plan, a few more so that every
# header quirk meets most body kinds (their periods are 11 and 15).
NMSG=120
# Fixed clock: every signature gets t=SIGN_TIME and verifiers run a little
# later, so nothing depends on the wall clock.
SIGN_TIME=1700000000
VERIFY_TIME=1700000100
CANONS="simple/simple simple/relaxed relaxed/simple relaxed/relaxed"
TAB=$(printf '\t')
# Importing dnsfile.py must not leave __pycache__ in the source tree.
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE

if ! T=$(mktemp -d "${TMPDIR:-/tmp}/dkimkit-interop.XXXXXX"); then
	echo "FAIL interop:setup: mktemp -d failed"
	exit 1
fi
RESULTS=$T/results
: > "$RESULTS"

report()
{
	printf '%s\n' "$*" | tee -a "$RESULTS"
}

finish()
{
	npass=$(grep -c '^PASS ' "$RESULTS")
	nfail=$(grep -c '^FAIL ' "$RESULTS")
	if [ "$nfail" -eq 0 ]; then
		rm -rf "$T"
		echo "interop summary: all $npass cases pass"
		exit 0
	fi
	echo "interop summary: $nfail of $((npass + nfail)) cases FAIL" \
	    "(files kept in $T)"
	exit 1
}

setup_fail()
{
	report "FAIL interop:setup: $*"
	finish
}

# The first interpreter that has dkimpy and PyNaCl (dkimpy's Ed25519); a
# pyenv or venv python3 may lack the Debian modules.
find_python()
{
	for p in python3 /usr/bin/python3; do
		if "$p" -c 'import dkim, nacl.signing' 2>/dev/null; then
			PY=$p
			return 0
		fi
	done
	return 1
}

ctag()
{
	echo "${1%/*}-${1#*/}"
}

keygen()
{
	# $1 algorithm, $2 selector, $3... extra options
	alg=$1 sel=$2
	shift 2
	if "$DKIMKIT" keygen -a "$alg" "$@" -d "$DOMAIN" -s "$sel" \
	    -o "$T/keys" >> "$T/dns.txt" 2> "$T/keygen.err" &&
	    [ -s "$T/keys/$sel.key" ]; then
		report "PASS interop:keygen:$alg"
	else
		setup_fail "dkimkit keygen -a $alg failed:" \
		    "$(head -n 1 "$T/keygen.err")"
	fi
}

# $1 case, $2 message, $3 output, $4 canonicalization, $5... key arguments.
# On success leaves the reproducing command in SIGNCMD.
dkimkit_sign()
{
	s_name=$1 s_in=$2 s_out=$3 s_canon=$4
	shift 4
	SIGNCMD="$DKIMKIT sign -c $s_canon -t $SIGN_TIME $* < $s_in"
	"$DKIMKIT" sign -c "$s_canon" -t "$SIGN_TIME" "$@" < "$s_in" \
	    > "$s_out" 2> "$s_out.err" && return 0
	report "FAIL $s_name: dkimkit sign exited $?:" \
	    "$(head -n 1 "$s_out.err"); message $s_in; reproduce: $SIGNCMD"
	return 1
}

# Job lines for the peers' verify mode: CASE FILE NSIGS REPRO.
# $1 case, $2 signed file, $3 signatures, $4 peer verify command, $5 jobs.
peerjob()
{
	j_repro="$SIGNCMD > $2; then: printf 'x\\t$2\\t$3\\tx\\n' | $4"
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$j_repro" >> "$5"
}

pyjob()
{
	peerjob "$1" "$2" "$3" \
	    "$PY $HERE/peer_dkimpy.py verify $T/dns.txt $VERIFY_TIME" \
	    "$T/jobs.dkimpy"
}

pljob()
{
	peerjob "$1" "$2" "$3" "perl $HERE/peer_maildkim.pl verify $T/dns.txt" \
	    "$T/jobs.maildkim"
}

# Direction 1: ./dkimkit signs, the peers verify.
dkimkit_to_peers()
{
	: > "$T/jobs.dkimpy"
	: > "$T/jobs.maildkim"
	for key in rsa ed; do
		for canon in $CANONS; do
			dir=$T/d1/$key-$(ctag "$canon")
			mkdir -p "$dir"
			while IFS=$TAB read -r m flags; do
				d1_one "$key:$canon" "$m" "$flags" "$dir/$m.eml" \
				    "$canon" "$DOMAIN:$key:$T/keys/$key.key"
			done < "$T/msg/index.tsv"
		done
	done
	d1_both
	[ -n "$PY" ] && peer_verify dkimpy "$T/jobs.dkimpy" \
	    $PY $HERE/peer_dkimpy.py verify "$T/dns.txt" "$VERIFY_TIME"
	[ -n "$PL" ] && peer_verify maildkim "$T/jobs.maildkim" \
	    perl $HERE/peer_maildkim.pl verify "$T/dns.txt"
}

# $1 peer, $2 job file, $3... command.  A peer that dies part-way would
# leave cases unreported, so its exit status and line count are checked.
peer_verify()
{
	p_name=$1 p_jobs=$2
	shift 2
	"$@" < "$p_jobs" > "$T/out.$p_name" 2> "$T/err.$p_name"
	p_rc=$?
	tee -a "$RESULTS" < "$T/out.$p_name"
	p_got=$(grep -c '^[PF]A[SI][SL] ' "$T/out.$p_name")
	p_want=$(wc -l < "$p_jobs")
	[ "$p_rc" -eq 0 ] && [ "$p_got" -eq "$p_want" ] && return 0
	report "FAIL interop:$p_name-verify-batch: exited $p_rc after" \
	    "$p_got of $p_want cases: $(head -n 1 "$T/err.$p_name");" \
	    "reproduce: $* < $p_jobs"
}

# $1 key:canon label, $2 message, $3 flags, $4 output, $5 canon, $6... keys
d1_one()
{
	label=$1 m=$2 flags=$3 out=$4
	shift 4
	dkimkit_sign "interop:dkimkit-sign:$label:$m" "$T/msg/$m.eml" \
	    "$out" "$@" || return 1
	nsig=$(($# - 1))
	case $flags in
	*wspcolon*) ;;
	*) pyjob "interop:dkimkit>dkimpy:$label:$m" "$out" "$nsig" ;;
	esac
	case $label:$flags in
	ed:*|*nocrlf*) ;;
	*) pljob "interop:dkimkit>maildkim:$label:$m" "$out" 1 ;;
	esac
	return 0
}

# Both keys in one call, the canonicalization cycling over the messages.
d1_both()
{
	mkdir -p "$T/d1/both"
	# shellcheck disable=SC2086 # split the list into positionals
	set -- $CANONS
	while IFS=$TAB read -r m flags; do
		canon=$1
		shift
		set -- "$@" "$canon"
		d1_one "rsa+ed:$canon" "$m" "$flags" "$T/d1/both/$m.eml" \
		    "$canon" "$DOMAIN:rsa:$T/keys/rsa.key" \
		    "$DOMAIN:ed:$T/keys/ed.key" &&
		    check_order "interop:dkimkit-order:rsa+ed:$canon:$m" \
		    "$T/d1/both/$m.eml"
	done < "$T/msg/index.tsv"
}

# DESIGN.md: the fields go on top in the order of the key arguments.
# $1 case, $2 signed file (RSA key given first).
check_order()
{
	o_first=$(awk 'NR == 1 || /^[ \t]/ { print; next } { exit }' "$2" |
	    tr -d ' \t\r\n')
	case $o_first in
	[Dd][Kk][Ii][Mm]-[Ss][Ii][Gg][Nn][Aa][Tt][Uu][Rr][Ee]:*[:\;]a=rsa-sha256\;*)
		report "PASS $1"
		;;
	*)
		report "FAIL $1: first field is not the RSA signature:" \
		    "$(printf '%s' "$o_first" | cut -c 1-120); message $2;" \
		    "reproduce: $SIGNCMD"
		;;
	esac
}

# Direction 2: the peers sign (one process each), ./dkimkit verifies.
peers_to_dkimkit()
{
	: > "$T/sign.dkimpy"
	: > "$T/sign.maildkim"
	: > "$T/verify.list"
	n=0
	for canon in $CANONS; do
		c=$(ctag "$canon")
		mkdir -p "$T/d2/dkimpy-rsa-$c" "$T/d2/dkimpy-ed-$c" \
		    "$T/d2/maildkim-rsa-$c"
		while IFS=$TAB read -r m flags; do
			n=$((n + 1))
			d2_jobs "$canon" "$c" "$m" "$flags" "$n"
		done < "$T/msg/index.tsv"
	done
	[ -n "$PY" ] && $PY $HERE/peer_dkimpy.py sign "$SIGN_TIME" \
	    < "$T/sign.dkimpy" 2> "$T/sign.dkimpy.err"
	[ -n "$PL" ] && perl $HERE/peer_maildkim.pl sign "$SIGN_TIME" \
	    < "$T/sign.maildkim" 2> "$T/sign.maildkim.err"
	while IFS=$TAB read -r name file signcmd; do
		dkimkit_verify "$name" "$file" "$signcmd"
	done < "$T/verify.list"
}

# $1 canon, $2 its tag, $3 message, $4 flags, $5 running count
d2_jobs()
{
	src=$T/msg/$3.eml
	case $4 in
	*wspcolon*) ;;
	*)
		[ -n "$PY" ] && for key in rsa ed; do
			alg=rsa-sha256
			[ $key = ed ] && alg=ed25519-sha256
			out=$T/d2/dkimpy-$key-$2/$3.eml
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$src" "$out" \
			    "$alg" "$1" "$DOMAIN" "$key" \
			    "$T/keys/$key.key" >> "$T/sign.dkimpy"
			printf '%s\t%s\t%s\n' "interop:dkimpy>dkimkit:$key:$1:$3" \
			    "$out" "printf '$src\\t$out\\t$alg\\t$1\\t$DOMAIN\\t$key\\t$T/keys/$key.key\\n' | $PY $HERE/peer_dkimpy.py sign $SIGN_TIME" \
			    >> "$T/verify.list"
		done
		;;
	esac
	case $4 in
	*nocrlf*) return 0 ;;
	esac
	[ -n "$PL" ] || return 0
	# Alternate Mail::DKIM's default h= (names in the message's case)
	# with its oversigning of From and Subject.
	style=default
	[ $(($5 % 2)) -eq 0 ] && style=extended
	out=$T/d2/maildkim-rsa-$2/$3.eml
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$src" "$out" "$1" "$DOMAIN" rsa \
	    "$T/keys/rsa.key" "$style" >> "$T/sign.maildkim"
	printf '%s\t%s\t%s\n' "interop:maildkim>dkimkit:rsa:$1:$3" "$out" \
	    "printf '$src\\t$out\\t$1\\t$DOMAIN\\trsa\\t$T/keys/rsa.key\\t$style\\n' | perl $HERE/peer_maildkim.pl sign $SIGN_TIME" \
	    >> "$T/verify.list"
}

# $1 case, $2 signed message, $3 command that signed it.  Passes when the
# exit status is 0 and the one result is dkim=pass.
dkimkit_verify()
{
	if [ -s "$2.err" ] || [ ! -s "$2" ]; then
		report "FAIL $1: peer did not sign:" \
		    "$(head -n 1 "$2.err" 2>/dev/null) (see also" \
		    "$T/sign.*.err); reproduce: $3"
		return
	fi
	cmd="$DKIMKIT verify --dns-file $T/dns.txt --now $VERIFY_TIME -A interop"
	ar=$("$DKIMKIT" verify --dns-file "$T/dns.txt" --now "$VERIFY_TIME" \
	    -A interop < "$2" 2>&1)
	rc=$?
	npass=$(printf '%s\n' "$ar" | tr ';' '\n' | grep -c 'dkim=pass')
	nres=$(printf '%s\n' "$ar" | tr ';' '\n' | grep -c 'dkim=')
	if [ "$rc" -eq 0 ] && [ "$npass" -eq 1 ] && [ "$nres" -eq 1 ]; then
		report "PASS $1"
		return
	fi
	report "FAIL $1: dkimkit verify exited $rc with $npass pass of" \
	    "$nres results: $(printf '%s' "$ar" | tr -s '\r\n\t ' ' ' |
	    cut -c 1-300); message $2; reproduce: $cmd < $2" \
	    "(signed by: $3)"
}

if [ ! -x "$DKIMKIT" ]; then
	setup_fail "$DKIMKIT is not built (run make first)"
fi
PY=
find_python || report "FAIL interop:setup-dkimpy: no python3 with dkimpy" \
    "and PyNaCl (python3-dkim, python3-nacl)"
PL=
if perl -MMail::DKIM::Signer -MMail::DKIM::Verifier -e 1 2>/dev/null; then
	PL=perl
else
	report "FAIL interop:setup-maildkim: perl cannot load Mail::DKIM" \
	    "(libmail-dkim-perl)"
fi
GENPY=${PY:-python3}
if ! $GENPY $HERE/genmsg.py "$T/msg" "$NMSG" > "$T/genmsg.err" 2>&1; then
	setup_fail "genmsg.py failed: $(head -n 1 "$T/genmsg.err")"
fi
mkdir -p "$T/keys"
: > "$T/dns.txt"
keygen rsa rsa -b 2048
keygen ed25519 ed

dkimkit_to_peers
peers_to_dkimkit
finish
