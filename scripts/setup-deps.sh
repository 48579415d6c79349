#!/bin/sh
#
# Install what building and testing dkimkit needs on Debian bookworm:
# the compiler and make, the three crypto/DNS libraries, clang with its
# sanitizer and fuzzer runtimes, valgrind, the peer verifiers used by the
# interop tests (python3-dkim, Mail::DKIM, OpenDKIM), openssl, mandoc
# for the man pages, knot for the DNS tests, OpenSMTPD with
# filter-dkimsign for the filter's tests and bench, miltertest for the
# milter's, and Postfix and Sendmail's m4 macros, unpacked beside smtpd
# (never installed: the packages conflict), for the milter's tests
# inside a real MTA and of its sendmail.mc line.
#
# `setup-deps.sh bench` adds what `make bench` alone needs: Go with
# go-msgauth (a peer), gnuplot (the charts), the OpenDKIM daemon (the
# milter's peer, inside the same unpacked Postfix) and libssl-dev
# (OpenSSL's libcrypto in the raw RSA cell).
#
# It asks dpkg first, so it costs nothing when all is present. Without
# root or without apt-get it only says what is missing and carries on:
# the build then fails later with a clearer message than ours would be.

PKGS="make gcc libc6-dev pkg-config libbearssl-dev libsodium-dev
libldns-dev clang libclang-rt-14-dev valgrind python3 python3-dkim
libmail-dkim-perl libopendkim-dev opendkim-tools openssl mandoc knot
opensmtpd opensmtpd-filter-dkimsign miltertest m4"
[ "${1:-}" = bench ] &&
    PKGS="$PKGS golang-go golang-github-emersion-go-msgauth-dev gnuplot-nox
opendkim libssl-dev"

# tests/postfix runs Postfix from here (tests/postfix/postfix.py), and
# tests/milter/sendmail-mc.sh uses Sendmail's m4 macros from here.
POSTFIX_ROOT=/var/tmp/postfix-root
SENDMAIL_CF_ROOT=/var/tmp/sendmail-cf-root

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "setup-deps: no dpkg here; dkimkit needs the equivalents of:"
	echo "setup-deps:" $PKGS
	exit 0
fi

# The packaging tests: bmake for the BSD make build, and what
# dpkg-buildpackage and lintian need for the Debian packages.
PKGS="$PKGS bmake dpkg-dev debhelper fakeroot lintian"

missing=
for p in $PKGS; do
	case $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) in
	*" installed")	;;
	*)		missing="$missing $p" ;;
	esac
done

# The tests run their own smtpd, and only one can run at a time: the
# system's is stopped and disabled through the service manager, never
# by killing processes by name.
stop_system_smtpd() {
	case $(dpkg-query -W -f='${Status}' opensmtpd 2>/dev/null) in
	*" installed")	;;
	*)		return 0 ;;
	esac
	[ "$(id -u)" -eq 0 ] || return 0
	if [ -d /run/systemd/system ]; then
		systemctl is-enabled --quiet opensmtpd.service 2>/dev/null ||
		    systemctl is-active --quiet opensmtpd.service 2>/dev/null ||
		    return 0
		echo "setup-deps: stopping and disabling opensmtpd.service" \
		    "(the tests start their own smtpd)"
		systemctl disable --now opensmtpd.service >/dev/null 2>&1
	elif ls /etc/rc[2-5].d/S*opensmtpd >/dev/null 2>&1; then
		echo "setup-deps: stopping and disabling the opensmtpd" \
		    "service (the tests start their own smtpd)"
		service opensmtpd stop >/dev/null 2>&1
		update-rc.d opensmtpd disable >/dev/null 2>&1
	fi
	return 0
}

# unpack PACKAGE ROOT FILE: download PACKAGE and unpack it into ROOT,
# unless ROOT/FILE is there.
unpack() {
	[ -e "$2/$3" ] && return 0
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "setup-deps: no $1 in $2 (needs root and apt-get);" \
		    "its tests will fail"
		return 0
	fi
	echo "setup-deps: unpacking $1 into $2"
	dl=$(mktemp -d) || return 0
	chmod 755 "$dl"		# apt's download user writes here
	(cd "$dl" && apt-get download -q "$1" > /dev/null) &&
	    mkdir -p "$2" && dpkg-deb -x "$dl/$1"_*.deb "$2" ||
	    echo "setup-deps: could not unpack $1"
	rm -rf "$dl"
	return 0
}

# Debian's postfix and sendmail packages conflict with opensmtpd (all
# are mail-transport-agents): what the tests need is unpacked instead.
unpack_mtas() {
	unpack postfix "$POSTFIX_ROOT" usr/lib/postfix/sbin/master
	unpack sendmail-cf "$SENDMAIL_CF_ROOT" usr/share/sendmail/cf/m4/cf.m4
}

if [ -z "$missing" ]; then
	echo "setup-deps: all dependencies present"
	stop_system_smtpd
	unpack_mtas
	exit 0
fi

echo "setup-deps: missing:$missing"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "setup-deps: not root or no apt-get; install them by hand"
	exit 0
fi

echo "setup-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update &&
    apt-get install -y --no-install-recommends $missing ||
    echo "setup-deps: apt-get failed; carrying on without:$missing"
stop_system_smtpd
unpack_mtas
exit 0
