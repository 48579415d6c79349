#!/bin/sh
#
# Install what building and testing dkimkit needs on Debian bookworm:
# the compiler and make, the three crypto/DNS libraries, clang with its
# sanitizer and fuzzer runtimes, valgrind, the peer verifiers used by the
# interop tests (python3-dkim, Mail::DKIM, OpenDKIM), openssl, and mandoc
# for the man pages.
#
# It asks dpkg first, so it costs nothing when all is present. Without
# root or without apt-get it only says what is missing and carries on:
# the build then fails later with a clearer message than ours would be.

PKGS="make gcc libc6-dev pkg-config libbearssl-dev libsodium-dev
libldns-dev clang libclang-rt-14-dev valgrind python3 python3-dkim
libmail-dkim-perl libopendkim-dev opendkim-tools openssl mandoc knot"

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

if [ -z "$missing" ]; then
	echo "setup-deps: all dependencies present"
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
exit 0
