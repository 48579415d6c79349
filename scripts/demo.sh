#!/bin/sh
# `make demo`: make two keys, sign one message with both in one pass,
# and verify it, with the dkimkit command-line tool. Runs in a temporary
# directory; key records go to a --dns-file instead of real DNS.
# Exit status 0 when both signatures pass and a tampered copy does not.

set -eu

dk=$(pwd)/dkimkit
if [ ! -x "$dk" ]; then
	echo "demo: $dk not found; run 'make all' first" >&2
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dkimkit-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
cd "$tmp"

step() {
	printf '\n== %s\n' "$*"
}

# Show a file with CRLF line ends as plain lines; cut long lines.
show() {
	awk '{ sub(/\r$/, ""); if (length($0) > 76)
	    $0 = substr($0, 1, 72) " ..."; print "   " $0 }' "$@"
}

step "1. Generate keys for example.com: RSA 2048 (rsa2026), Ed25519 (ed2026)"
"$dk" keygen -a rsa -d example.com -s rsa2026 >dns.txt
"$dk" keygen -a ed25519 -d example.com -s ed2026 >>dns.txt
ls -l rsa2026.key ed2026.key | awk '{ print "   " $1, $NF }'

step "2. The key records to publish in DNS (here: dns.txt, for --dns-file)"
show dns.txt

step "3. A message (CRLF line ends, as it travels over SMTP)"
awk '{ printf "%s\r\n", $0 }' >sample.eml <<'MSG'
From: Alice Example <alice@example.com>
To: Bob Example <bob@example.net>
Subject: Lunch on Thursday?
Date: Mon, 5 Jan 2026 10:00:00 +0000
Message-ID: <demo-1@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Hi Bob,

Are we still on for lunch on Thursday? The usual place at noon.

Alice
MSG
show sample.eml

step "4. Sign with both keys in one pass (first key's field on top)"
"$dk" sign example.com:rsa2026:rsa2026.key example.com:ed2026:ed2026.key \
    <sample.eml >signed.eml
awk '{ sub(/\r$/, "") } /^$/ { exit }
    /^[^ \t]/ { on = tolower(substr($0, 1, 15)) == "dkim-signature:" }
    on { print "   " $0 }' signed.eml

step "5. Verify (authserv-id demo.example, keys from dns.txt)"
rc=0
"$dk" verify --dns-file dns.txt -A demo.example <signed.eml >ar.txt || rc=$?
show ar.txt
npass=$(grep -c 'dkim=pass' ar.txt || true)
if [ "$rc" -ne 0 ] || [ "$npass" -ne 2 ]; then
	echo "demo: FAILED: expected two dkim=pass (exit $rc, $npass pass)" >&2
	exit 1
fi
echo "   -> both signatures pass (exit status $rc)"

step "6. Change one word of the body and verify again"
sed 's/noon/one/' signed.eml >tampered.eml
rc=0
"$dk" verify --dns-file dns.txt -A demo.example <tampered.eml >ar.txt ||
    rc=$?
show ar.txt
if [ "$rc" -eq 0 ] || grep -q 'dkim=pass' ar.txt; then
	echo "demo: FAILED: a tampered message passed" >&2
	exit 1
fi
echo "   -> both signatures fail (exit status $rc): the body hash differs"
