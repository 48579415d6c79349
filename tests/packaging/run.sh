#!/bin/sh
#
# tests/packaging/run.sh: the Debian packages as an operator gets them.
# Builds the five packages with dpkg-buildpackage from a copy of the tree
# in build/packaging/, runs lintian on them (no errors allowed), installs
# them, runs the README's Debian and Postfix quick starts against the
# installed files (the blocks after a "packaging-test: NAME" comment,
# with their /etc paths moved into a temporary directory), starts and
# stops the milter through its init script, builds the examples through
# pkg-config, then purges the packages and checks that no file of theirs
# is left behind.
#
# Needs root on Debian with dpkg-dev, debhelper, lintian and fakeroot
# (scripts/setup-deps.sh), and the tree's build dependencies. It will
# not touch dkimkit packages that were installed before it ran.

cd "$(dirname "$0")/../.." || exit 1
. tests/packaging/copytree.sh
TOP=$(pwd)
OUT=$TOP/build/packaging
VERSION=$(sed -n 's/^VERSION =[[:space:]]*//p' Makefile)
PKGS="dkimkit opensmtpd-filter-dkimkit dkimkit-milter libdkimkit1
libdkimkit-dev"
MILTER_PORT=$((20000 + $$ % 10000))

pass() { echo "PASS packaging:$1"; }
fail() { echo "FAIL packaging:$1"; }
# check NAME COMMAND...: PASS or FAIL by the command's status.
check() {
	n=$1
	shift
	if "$@"; then pass "$n"; else fail "$n"; fi
}

if [ "$(id -u)" -ne 0 ] || ! command -v dpkg-buildpackage >/dev/null ||
    ! command -v dh >/dev/null || ! command -v lintian >/dev/null; then
	fail "setup: needs root, dpkg-buildpackage, debhelper and lintian" \
	    "(scripts/setup-deps.sh)"
	exit 1
fi

# --- build, from a copy: the checkout stays clean ----------------------
rm -rf "$OUT"
SRC=$OUT/dkimkit-$VERSION
copy_tree "$SRC" || { fail "setup: copy"; exit 1; }
# nocheck: make check has run the unit tests that debian/rules would.
# The package builds with Debian's make: under `bmake check`, MAKE and
# MAKEFLAGS are bmake's, and debhelper would take them.
(cd "$SRC" && env -u MAKE -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
    DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b -j2) \
    > "$OUT/build.log" 2>&1
st=$?
tail -n 20 "$OUT/build.log"
echo "see $OUT/build.log"
if [ $st -ne 0 ]; then
	fail "dpkg-buildpackage: exit $st"
	exit 1
fi
pass dpkg-buildpackage
ARCH=$(dpkg-architecture -qDEB_HOST_ARCH)
for p in $PKGS; do
	check "deb:$p" test -f "$OUT/${p}_${VERSION}_$ARCH.deb"
done

# --- lintian: warnings are shown, errors fail --------------------------
lintian --fail-on error --tag-display-limit 0 \
    "$OUT/dkimkit_${VERSION}_$ARCH.changes" > "$OUT/lintian.log" 2>&1
st=$?
cat "$OUT/lintian.log"
echo "lintian: $(grep -c '^E:' "$OUT/lintian.log") errors," \
    "$(grep -c '^W:' "$OUT/lintian.log") warnings"
check lintian test $st -eq 0

# --- install, quick start, purge: one run at a time on this machine ----
exec 9> /tmp/dkimkit-packages.lock
flock 9

for p in $PKGS; do
	case $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) in
	*" not-installed"|"")	;;
	*)	fail "install: $p was installed before the test; not touching it"
		exit 1 ;;
	esac
done

# Files named after us, outside the scratch and log areas.
ours() {
	find /etc /usr /var /run /opt /lib -xdev \
	    \( -path /var/tmp -o -path /var/log -o -path /var/cache \) -prune \
	    -o \( -name '*dkimkit*' -o -name 'filter-dkim' \
	    -o -name 'filter-dkim.8*' \) -print 2>/dev/null | sort
}
ours > "$OUT/files.before"

# In /run: the filter's and the milter's users must reach the keys (a
# checkout under /root is closed to them), and the milter's unit has a
# private /tmp.
T=$(mktemp -d /run/pkgtest.XXXXXX) || exit 1
chmod 755 "$T"
cleanup() {
	[ -x /etc/init.d/dkimkit-milter ] &&
	    /etc/init.d/dkimkit-milter stop > /dev/null 2>&1
	dpkg --purge $PKGS > "$OUT/purge.log" 2>&1
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

debs=
for p in $PKGS; do
	debs="$debs $OUT/${p}_${VERSION}_$ARCH.deb"
done
# shellcheck disable=SC2086 # a list of files
dpkg -i $debs > "$OUT/install.log" 2>&1
st=$?
cat "$OUT/install.log"
check install test $st -eq 0

# block NAME: the README's code block after "<!-- packaging-test: NAME -->",
# with /etc paths moved under $T.
block() {
	awk -v name="$1" '
	$0 == "<!-- packaging-test: " name " -->" { want = 1; next }
	want == 1 && /^```/ { want = 2; next }
	want == 2 && /^```/ { exit }
	want == 2 { print }' README.md |
	    sed -e "s|/etc/mail/dkim|$T/mail-dkim|g" \
		-e "s|/etc/dkimkit/keys|$T/dkimkit-keys|g"
}

# run_block NAME: run a block as sh -e, without its apt lines (the
# packages are in already) but checking that they name our files.
run_block() {
	block "$1" > "$T/$1.sh"
	for deb in $(sed -n 's/^apt install //p' "$T/$1.sh"); do
		deb=$(echo "$deb" | sed "s/_amd64\\.deb\$/_$ARCH.deb/")
		[ -f "$OUT/$deb" ] || { echo "README names $deb: no such package"
			return 1; }
	done
	sed '/^apt install /d' "$T/$1.sh" > "$T/$1.run"
	[ -s "$T/$1.run" ] || { echo "README: no block $1"; return 1; }
	(cd "$OUT" && sh -e "$T/$1.run")
}

# Debian with OpenSMTPD: keys, a trial signature, smtpd.conf.
check quickstart:debian-keys run_block debian-keys
check quickstart:debian-keys-group test "$(stat -c %G:%a \
    "$T/mail-dkim/rsa.key")" = opensmtpd:640
run_block debian-try > "$T/try.out" 2>&1
cat "$T/try.out"
check quickstart:debian-try test "$(grep -o 'dkim=pass' "$T/try.out" |
    wc -l)" -eq 2

check quickstart:filter-installed test -x /usr/libexec/opensmtpd/filter-dkim
# filter-dkim as smtpd runs it: as opensmtpd, reading the keys, until
# its standard input ends.
check quickstart:filter-reads-keys-as-opensmtpd runuser -u opensmtpd -- \
    /usr/libexec/opensmtpd/filter-dkim -m sign \
    "example.org:rsa:$T/mail-dkim/rsa.key" \
    "example.org:ed:$T/mail-dkim/ed.key" < /dev/null

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=mail.example.org \
    -keyout "$T/tls.key" -out "$T/tls.crt" > /dev/null 2>&1
block debian-smtpd.conf | sed -e "s|/etc/ssl/private/mail.example.org.key|$T/tls.key|" \
    -e "s|/etc/ssl/mail.example.org.crt|$T/tls.crt|" > "$T/smtpd.conf"
check quickstart:smtpd-n smtpd -n -f "$T/smtpd.conf"
# OpenBSD's file, with Linux's names for the loopback, egress and aliases.
block openbsd-smtpd.conf | sed -e 's/ lo0 / lo /' -e 's/ egress / lo /' \
    -e 's|/etc/mail/aliases|/etc/aliases|' > "$T/smtpd-openbsd.conf"
check quickstart:openbsd-smtpd-n smtpd -n -f "$T/smtpd-openbsd.conf"

# Postfix through dkimkit-milter: keys, milter.conf, the service.
check quickstart:postfix-keys run_block postfix-keys
check quickstart:postfix-keys-group test "$(stat -c %G:%a \
    "$T/dkimkit-keys/rsa.key")" = dkimkit:640
block postfix-milter.conf > "$T/milter.conf"
check quickstart:milter.conf grep -q "^example.org:ed:$T/dkimkit-keys/ed.key" \
    "$T/milter.conf"
check milter:default-config test -f /etc/dkimkit/milter.conf
check milter:user sh -c 'getent passwd dkimkit > /dev/null'

# The check mode where the milter has one, else its usage line.
/usr/sbin/dkimkit-milter -n -f "$T/milter.conf" > "$T/n.out" 2>&1
st=$?
cat "$T/n.out"
if grep -q 'usage: dkimkit-milter' "$T/n.out"; then
	check milter:usage test $st -eq 64
else
	check milter:check-mode test $st -eq 0
fi

# The init script (where systemd runs, it hands over to the unit).
milter_pid() {
	if [ -d /run/systemd/system ]; then
		systemctl show -p MainPID --value dkimkit-milter | grep -v '^0$'
	else
		cat /run/dkimkit-milter.pid 2>/dev/null
	fi
}
sed -i "s|^DKIMKIT_MILTER_OPTS=.*|DKIMKIT_MILTER_OPTS=\"-p inet:$MILTER_PORT@127.0.0.1 -u dkimkit -f $T/milter.conf\"|" \
    /etc/default/dkimkit-milter
check milter:init-start /etc/init.d/dkimkit-milter start
check milter:init-status /etc/init.d/dkimkit-milter status
check milter:listens python3 -c "import socket
socket.create_connection(('127.0.0.1', $MILTER_PORT), 5).close()"
check milter:runs-as-dkimkit test "$(ps -o user= -p "$(milter_pid)" \
    2>/dev/null)" = dkimkit
check milter:init-reload /etc/init.d/dkimkit-milter reload
check milter:init-stop /etc/init.d/dkimkit-milter stop
check milter:init-stopped test -z "$(milter_pid)"

# The library: pkg-config finds it, a program builds against the shared
# library and against the archives (libdkimkit-dev's Depends).
check lib:pkg-config test "$(pkg-config --modversion dkimkit)" = "$VERSION"
# shellcheck disable=SC2046 # pkg-config's words
check lib:shared cc -o "$T/verify" examples/verify.c \
    $(pkg-config --cflags --libs dkimkit)
check lib:links-so.1 sh -c "ldd '$T/verify' |
    grep -q 'libdkimkit\.so\.1 => /.*/libdkimkit\.so\.1 '"
# shellcheck disable=SC2046
check lib:static cc -o "$T/verify-static" examples/verify.c \
    $(pkg-config --cflags dkimkit) -Wl,-Bstatic \
    $(pkg-config --static --libs dkimkit) -Wl,-Bdynamic
check man:pages sh -c 'man -w 1 dkimkit && man -w 3 dkimkit &&
    man -w 8 filter-dkim && man -w 8 dkimkit-milter > /dev/null'

# --- purge: nothing of ours is left ----------------------------------
rm -rf "$T/mail-dkim" "$T/dkimkit-keys"
cleanup
trap - EXIT
left=
for p in $PKGS; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case $s in *" not-installed"|"") ;; *) left="$left $p($s)" ;; esac
done
[ -z "$left" ] || echo "still known to dpkg:$left"
check purge test -z "$left"
ours > "$OUT/files.after"
diff "$OUT/files.before" "$OUT/files.after"
check purge:no-files-left cmp -s "$OUT/files.before" "$OUT/files.after"
