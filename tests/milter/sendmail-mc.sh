#!/bin/sh
#
# The Sendmail line of dkimkit-milter(8), as pasted into a sendmail.mc,
# run through m4 with Debian's sendmail-cf macros (unpacked into
# /var/tmp/sendmail-cf-root, never installed: sendmail conflicts with
# opensmtpd): the sendmail.cf it makes must declare the filter with our
# socket and F=T, and pass {auth_authen} with MAIL FROM, which is how
# the milter knows authenticated senders. Sendmail itself is not run.

cd "$(dirname "$0")/../.." || exit 1

ROOT=${SENDMAIL_CF_ROOT:-/var/tmp/sendmail-cf-root}
CF=$ROOT/usr/share/sendmail/cf

fail() {
	echo "FAIL milter:sendmail-mc: $1"
	exit 1
}
command -v m4 >/dev/null || fail "no m4 (Debian package m4)"
if [ ! -f "$CF/m4/cf.m4" ]; then
	[ "$(id -u)" -eq 0 ] || fail "no $CF (scripts/setup-deps.sh)"
	dl=$(mktemp -d) || fail "mktemp"
	chmod 755 "$dl"
	(cd "$dl" && apt-get download -q sendmail-cf > /dev/null) &&
	    mkdir -p "$ROOT" && dpkg-deb -x "$dl"/sendmail-cf_*.deb "$ROOT"
	rm -rf "$dl"
	[ -f "$CF/m4/cf.m4" ] || fail "cannot unpack sendmail-cf"
fi

line=$(grep '^INPUT_MAIL_FILTER' man/dkimkit-milter.8)
[ -n "$line" ] || fail "no INPUT_MAIL_FILTER line in dkimkit-milter(8)"
TMP=$(mktemp -d) || fail "mktemp"
trap 'rm -rf "$TMP"' EXIT
{
	echo 'divert(-1)'
	echo "include(\`$CF/m4/cf.m4')"
	echo 'divert(0)dnl'
	echo "OSTYPE(\`linux')dnl"
	printf '%s\n' "$line"
	echo "MAILER(\`local')dnl"
	echo "MAILER(\`smtp')dnl"
} > "$TMP/test.mc"
m4 "$TMP/test.mc" > "$TMP/test.cf" 2> "$TMP/m4.err" ||
    fail "m4: $(cat "$TMP/m4.err")"
st=0
if grep -qx 'Xdkimkit, S=inet:8891@127.0.0.1, F=T, T=S:4m;R:4m;E:10m' \
    "$TMP/test.cf" && grep -qx 'O InputMailFilters=dkimkit' "$TMP/test.cf"
then
	echo "PASS milter:sendmail-mc:filter"
else
	echo "FAIL milter:sendmail-mc:filter: $(grep -i dkimkit "$TMP/test.cf")"
	st=1
fi
if grep -q '^O Milter.macros.envfrom=.*{auth_authen}' "$TMP/test.cf"; then
	echo "PASS milter:sendmail-mc:auth-macro"
else
	echo "FAIL milter:sendmail-mc:auth-macro: $(grep envfrom "$TMP/test.cf")"
	st=1
fi
exit $st
