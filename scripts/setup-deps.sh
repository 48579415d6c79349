#!/bin/sh
#
# Install what building and testing dkimkit needs on Debian bookworm:
# the compiler and make, the three crypto/DNS libraries, clang with its
# sanitizer and fuzzer runtimes, valgrind, the peer verifiers used by the
# interop tests (python3-dkim, Mail::DKIM, OpenDKIM), openssl, mandoc
# for the man pages, knot for the DNS tests, OpenSMTPD with
# filter-dkimsign for the filter's tests and bench, miltertest for the
# milter's, and Postfix, unpacked beside smtpd (never installed: the two
# packages conflict), for the milter's tests inside a real MTA.
#
# `setup-deps.sh bench` adds what `make bench` alone needs: Go with
# go-msgauth (a peer) and gnuplot (the charts).
#
# It asks dpkg first, so it costs nothing when all is present. Without
# root or without apt-get it only says what is missing and carries on:
# the build then fails later with a clearer message than ours would be.

PKGS="make gcc libc6-dev pkg-config libbearssl-dev libsodium-dev
libldns-dev clang libclang-rt-14-dev valgrind python3 python3-dkim
libmail-dkim-perl libopendkim-dev opendkim-tools openssl mandoc knot
opensmtpd opensmtpd-filter-dkimsign miltertest"
[ "${1:-}" = bench ] &&
    PKGS="$PKGS golang-go golang-github-emersion-go-msgauth-dev gnuplot-nox"

# tests/postfix runs Postfix from here (tests/postfix/postfix.py).
POSTFIX_ROOT=/var/tmp/postfix-root

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "setup-deps: no dpkg here; dkimkit needs the equivalents of:"
	echo "setup-deps:" $PKGS
	exit 0
fi

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

# Debian's postfix and opensmtpd both provide mail-transport-agent, so
# Postfix is downloaded and unpacked into POSTFIX_ROOT, not installed.
unpack_postfix() {
	[ -x "$POSTFIX_ROOT/usr/lib/postfix/sbin/master" ] && return 0
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "setup-deps: no Postfix in $POSTFIX_ROOT (needs root" \
		    "and apt-get); tests/postfix will fail"
		return 0
	fi
	echo "setup-deps: unpacking postfix into $POSTFIX_ROOT"
	dl=$(mktemp -d) || return 0
	chmod 755 "$dl"		# apt's download user writes here
	(cd "$dl" && apt-get download -q postfix > /dev/null) &&
	    mkdir -p "$POSTFIX_ROOT" &&
	    dpkg-deb -x "$dl"/postfix_*.deb "$POSTFIX_ROOT" ||
	    echo "setup-deps: could not unpack postfix"
	rm -rf "$dl"
	return 0
}

if [ -z "$missing" ]; then
	echo "setup-deps: all dependencies present"
	stop_system_smtpd
	unpack_postfix
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
unpack_postfix
exit 0
