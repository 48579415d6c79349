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
# tests/limits.sh: the verifier's bounds through the real CLI, `dkimkit
# verify --dns-file`.
#   - 200 fields of each kind that fails without a key, above a good
#     signature, and 7,000 that parse: still dkim=pass, exit 0, and 64
#     results and a summary at most.
#   - Copies of the good signature with a bad b= above it: past
#     DK_KEY_CHECKS_MAX the rest are neutral (not-evaluated), never
#     permerror or fail.
#   - An RSA record for an Ed25519 signature: key-type-mismatch.
#   - An underscore in s= and d=, signed by dkimpy: pass; dkimkit sign
#     refuses to make one.
#   - dkimkit sign -h: 256 names sign and verify, 257 are refused by the
#     engine's rule (DK_H_MAX), not a second one in the CLI.
# Prints "PASS limits:NAME" / "FAIL limits:NAME: why" lines.

cd "$(dirname "$0")/.." || exit 1

PYTHON=${PYTHON:-/usr/bin/python3}
NOW=1700000000
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT
fail=0

check() {	# check NAME STATUS WHY
	if [ "$2" -eq 0 ]; then
		echo "PASS limits:$1"
	else
		echo "FAIL limits:$1: $3"
		sed 's/^/  /' "$TMP/out" | head -n 12
		fail=1
	fi
}

verify() {	# verify ZONE < message > $TMP/out; sets st
	./dkimkit verify --dns-file "$1" --now "$NOW" -A test > "$TMP/out" \
	    2>&1
	st=$?
}

printf 'From: a@example.com\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nbody\r\n' \
    > "$TMP/msg"
./dkimkit keygen -a ed25519 -d example.com -s ed -o "$TMP" > "$TMP/zone" &&
./dkimkit keygen -b 1024 -d example.com -s rsa -o "$TMP" > "$TMP/rsa.zone" &&
./dkimkit sign -t "$NOW" "example.com:ed:$TMP/ed.key" < "$TMP/msg" \
    > "$TMP/signed" || { echo "FAIL limits:setup"; exit 1; }

HEAD='DKIM-Signature: v=1; a=ed25519-sha256; d=example.com;'
BH='bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA'
for k in \
    'unparsable|DKIM-Signature: v=1; junk %d' \
    'd-refused|DKIM-Signature: v=1; a=ed25519-sha256; d=com; s=s%d; h=from; bh=AAAA; b=AAAA' \
    'd-bad-label|DKIM-Signature: v=1; a=ed25519-sha256; d=-x%d.example; s=s; h=from; bh=AAAA; b=AAAA' \
    "wrong-bh|$HEAD s=j%d; h=from; $BH" \
    "wrong-bh-same-key|$HEAD s=ed; i=u%d@example.com; h=from; $BH" \
    "l-values|$HEAD s=ed; l=%d; h=from; $BH" \
    "simple-l-values|$HEAD s=ed; c=simple/simple; l=%d; h=from; $BH" \
    "l-past-body|$HEAD s=ed; l=9999%d; h=from; $BH" \
    "expired|$HEAD s=ed; t=1; x=%d; h=from; $BH" \
    "sig-too-large|$HEAD s=ed%d; h=from; bh=AAAA; b=$(printf '%01400d' 0 | tr 0 A)" \
    'rsa-sha1|DKIM-Signature: v=1; a=rsa-sha1; d=example.com; s=r%d; h=from; bh=AAAA; b=AAAA'; do
	name=${k%%|*}
	fmt=${k#*|}
	i=0
	while [ $i -lt 200 ]; do
		printf "$fmt\r\n" $i
		i=$((i + 1))
	done > "$TMP/junk"
	cat "$TMP/junk" "$TMP/signed" > "$TMP/in"
	verify "$TMP/zone" < "$TMP/in"
	grep -q 'dkim=pass header.d=example.com header.s=ed ' "$TMP/out" &&
	    [ $st -eq 0 ]
	check "junk-$name" $? "200 fields above a good signature: exit $st"
done

# 7,000 fields that parse, each with its own selector and l=, fill most of
# the 1 MiB header block: still a pass, and a bounded result
i=0
while [ $i -lt 7000 ]; do
	printf "$HEAD s=j%d; l=%d; h=from; $BH\r\n" $i $i
	i=$((i + 1))
done > "$TMP/junk"
cat "$TMP/junk" "$TMP/signed" > "$TMP/in"
verify "$TMP/zone" < "$TMP/in"
[ $st -eq 0 ] && [ "$(grep -c 'dkim=' "$TMP/out")" -eq 65 ] &&
    grep -q 'dkim=pass header.d=example.com header.s=ed ' "$TMP/out"
check junk-7000 $? "7,000 fields above a good signature: exit $st"

# copies of the good field with b='s first character changed
"$PYTHON" - "$TMP/signed" > "$TMP/copies" <<'PY'
import re, sys
m = open(sys.argv[1], "rb").read()
field = re.match(rb"(DKIM-Signature:.*?\r\n)(?![ \t])", m, re.S).group(1)
i = field.index(b" b=") + 3
bad = field[:i] + (b"B" if field[i:i + 1] == b"A" else b"A") + field[i + 1:]
sys.stdout.buffer.write(bad * 20)
PY
cat "$TMP/copies" "$TMP/signed" > "$TMP/in"
verify "$TMP/zone" < "$TMP/in"
[ $st -eq 1 ] && [ "$(grep -c 'dkim=neutral (not-evaluated)' "$TMP/out")" \
    -eq 5 ] && ! grep -q 'permerror\|dkim=pass' "$TMP/out"
check not-evaluated $? "20 bad copies above: exit $st, want 1 and 5 neutral"

sed 's/^rsa\._domainkey/ed._domainkey/' "$TMP/rsa.zone" > "$TMP/mismatch"
verify "$TMP/mismatch" < "$TMP/signed"
grep -q 'dkim=permerror (key-type-mismatch)' "$TMP/out"
check key-type-mismatch $? "an RSA record for an Ed25519 signature"

if "$PYTHON" -c 'import dkim' 2> /dev/null; then
	"$PYTHON" - "$TMP/msg" "$TMP/rsa.key" > "$TMP/in" <<'PY'
import dkim, sys
m = open(sys.argv[1], "rb").read()
k = open(sys.argv[2], "rb").read()
sys.stdout.buffer.write(dkim.sign(m, b"my_sel", b"mail_out.example.com",
    k, include_headers=[b"from", b"to", b"subject"]) + m)
PY
	sed 's/^rsa\._domainkey\.example\.com/my_sel._domainkey.mail_out.example.com/' \
	    "$TMP/rsa.zone" > "$TMP/under"
	verify "$TMP/under" < "$TMP/in"
	grep -q 'dkim=pass header.d=mail_out.example.com header.s=my_sel' \
	    "$TMP/out"
	check underscore-verify $? "dkimpy's s=my_sel d=mail_out...: exit $st"
else
	echo "FAIL limits:underscore-verify: $PYTHON has no dkim module" \
	    "(python3-dkim)"
	fail=1
fi
./dkimkit sign "mail_out.example.com:my_sel:$TMP/rsa.key" < "$TMP/msg" \
    > "$TMP/out" 2>&1
st=$?
[ $st -eq 64 ]
check underscore-sign-refused $? "dkimkit sign made a name with _: exit $st"

# -h: the engine's DK_H_MAX (256) is the one bound; the CLI only splits
hlist() {	# hlist N: From and N - 1 more names
	awk -v n="$1" 'BEGIN { s = "From"; for (i = 2; i <= n; i++)
	    s = s ":X-" i; print s }'
}
./dkimkit sign -t "$NOW" -h "$(hlist 256)" "example.com:ed:$TMP/ed.key" \
    < "$TMP/msg" > "$TMP/signed-h" 2> "$TMP/out"
st=$?
[ $st -eq 0 ] && verify "$TMP/zone" < "$TMP/signed-h" &&
    grep -q 'dkim=pass' "$TMP/out"
check sign-h-256 $? "-h with 256 names: exit $st, or no pass"
./dkimkit sign -t "$NOW" -h "$(hlist 257)" "example.com:ed:$TMP/ed.key" \
    < "$TMP/msg" > "$TMP/out" 2>&1
st=$?
[ $st -eq 64 ] && grep -q 'more than 256 fields' "$TMP/out"
check sign-h-257-refused $? "-h with 257 names: exit $st"

exit $fail
