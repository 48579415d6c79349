#!/bin/sh
#
# dkimkit-milter against miltertest (Debian package miltertest): the
# protocol's edges, one Lua script each (connection without DATA,
# SMFIC_ABORT mid-body, missing macros, one-byte and 64 KiB body
# chunks, header values with CR, LF and 8-bit bytes), then hostile
# frames (hostile.py), a key lookup that never gets an answer holding up
# no other connection (slowdns.py) nor, out of descriptors, a new one
# (emfile.py, and acceptretry.py with nothing else to wake the milter),
# a full table (tablefull.py, evictorder.py), how it listens
# (listen.py), SIGHUP (one while the configuration loads too), what -p
# unix:PATH may replace (two milters starting on it at once too, and its
# directory locked or not lockable), and connections that never read
# their replies (unread.py).
# The milter must stay up throughout.
# MILTER_WRAP runs the milter under a wrapper (valgrind).

cd "$(dirname "$0")/../.." || exit 1

PYTHON=${PYTHON:-/usr/bin/python3}
MILTER=${MILTER:-./dkimkit-milter}
TMP=
MPID=

SINKPID=
LPID=
UT=
cleanup() {
	[ -n "$SINKPID" ] && kill "$SINKPID" 2>/dev/null
	[ -n "$LPID" ] && kill "$LPID" 2>/dev/null
	if [ -n "$MPID" ]; then
		kill "$MPID" 2>/dev/null
		wait "$MPID" 2>/dev/null
	fi
	[ -n "$TMP" ] && [ -z "${KEEP:-}" ] && rm -rf "$TMP"
	[ -n "$UT" ] && rm -rf "$UT"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "FAIL milter:setup: $1"
	exit 1
}
wait_for() {	# TEST-ARGS...: up to 10 s for test(1) to hold
	i=0
	until test "$@"; do
		i=$((i + 1))
		[ $i -lt 100 ] || return 1
		sleep 0.1
	done
}
command -v miltertest >/dev/null ||
    fail "no miltertest (Debian package miltertest)"
[ -x "$MILTER" ] || fail "$MILTER not built (make dkimkit-milter)"

TMP=$(mktemp -d /tmp/dkimkit-milter.XXXXXX) || fail "mktemp"
PORT=$($PYTHON -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# the resolver: a UDP sink that never answers (tests/milter/slowdns.py)
SINK=$TMP/sink.port
$PYTHON -c 'import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
open(sys.argv[1], "w").write("%d\n" % s.getsockname()[1])
time.sleep(3600)' "$SINK" &
SINKPID=$!
wait_for -s "$SINK" || fail "no UDP sink"
DEAD=$(cat "$SINK")
K=$(pwd)/tests/filter/keys
cat > "$TMP/milter.conf" <<CONF
authserv-id mt.example.test
fixed-time 1700000000
header-max 4096
resolver 127.0.0.1:$DEAD
dns-timeout 1
example.test:rsa:$K/rsa.key
example.test:ed:$K/ed.key
CONF
$MILTER_WRAP "$MILTER" -l -p "inet:$PORT@127.0.0.1" -f "$TMP/milter.conf" \
    > "$TMP/milter.log" 2>&1 &
MPID=$!

export MT_LIB="$(pwd)/tests/milter/lib.lua"
export MT_SOCKET="inet:$PORT@127.0.0.1"
st=0
logged() {	# LOG TEXT: wait up to 5 s, while $MPID runs, for TEXT in LOG
	i=0
	until grep -q "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 50 ] && kill -0 "$MPID" 2>/dev/null || return 1
		sleep 0.1
	done
}
# with a shim in LD_PRELOAD: an ASan milter wants its runtime first
PRELOAD_ASAN="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
listening() {	# LOG: wait for the milter's unix socket
	logged "$1" "listening on unix"
}
alive() {	# NAME: the milter is still running
	if kill -0 "$MPID" 2>/dev/null; then
		echo "PASS milter:$1:alive"
	else
		echo "FAIL milter:$1:alive: the milter died; its log:"
		tail -20 "$TMP/milter.log"
		MPID=
		exit 1
	fi
}
for t in nodata abort macros chunks hdrbytes; do
	if out=$(MT_SCRIPT="tests/milter/$t.lua" \
	    miltertest -s tests/milter/script.lua 2>&1); then
		echo "PASS milter:$t"
	else
		printf '%s\n' "$out" | tail -5
		echo "FAIL milter:$t"
		st=1
	fi
	alive "$t"
done

if grep -q "552 refused: header block over 4096 bytes" "$TMP/milter.log"
then
	echo "PASS milter:hdrbytes:552-logged"
else
	echo "FAIL milter:hdrbytes:552-logged: no 552 line in the log"
	st=1
fi

$PYTHON tests/milter/hdrmax.py "$PORT" || st=1
$PYTHON tests/milter/slowdns.py "$PORT" || st=1
alive slowdns
$PYTHON tests/milter/arindex.py "$PORT" || st=1
alive arindex

$PYTHON tests/milter/dropped.py "$PORT" "$TMP/milter.log" || st=1
alive dropped
$PYTHON tests/milter/idle.py "$PORT" "$TMP/milter.log" || st=1
alive idle
$PYTHON tests/milter/hostile.py "$PORT" && alive hostile
if MT_SCRIPT=tests/milter/nodata.lua \
    miltertest -s tests/milter/script.lua > /dev/null 2>&1; then
	echo "PASS milter:hostile:still-signs"
else
	echo "FAIL milter:hostile:still-signs"
	st=1
fi

kill -HUP "$MPID"
if logged "$TMP/milter.log" "configuration reloaded: 2 key(s)"; then
	echo "PASS milter:sighup"
else
	echo "FAIL milter:sighup: no reload in the log"
	st=1
fi
alive sighup
kill "$MPID"
wait "$MPID"
MPID=
# a SIGHUP while the configuration loads at startup (tests/hup_on_open.c)
# waits for the loop, where it is a reload
${CC:-cc} -shared -fPIC -o "$TMP/hup.so" tests/hup_on_open.c -ldl ||
    fail "cannot build tests/hup_on_open.c"
env ASAN_OPTIONS="$PRELOAD_ASAN" LD_PRELOAD="$TMP/hup.so" \
    HUP_ON_OPEN="$TMP/milter.conf" "$MILTER" -l -p "unix:$TMP/hup.sock" \
    -f "$TMP/milter.conf" > "$TMP/hup.log" 2>&1 &
MPID=$!
if logged "$TMP/hup.log" "configuration reloaded: 2 key(s)" &&
    kill -0 "$MPID"; then
	echo "PASS milter:sighup-at-load"
else
	echo "FAIL milter:sighup-at-load: no reload, or died; log:" \
	    "$(cat "$TMP/hup.log")"
	st=1
fi
kill "$MPID" 2>/dev/null
wait "$MPID"
MPID=

# -r: a verified message with no passing signature is rejected; its
# signature is a permerror, so reject-permerror is on too
RPORT=$($PYTHON -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
{ cat "$TMP/milter.conf"; echo "reject-permerror yes"; } > "$TMP/reject.conf"
"$MILTER" -l -r -p "inet:$RPORT@127.0.0.1" -f "$TMP/reject.conf" \
    > "$TMP/reject.log" 2>&1 &
MPID=$!
$PYTHON -c 'import sys; sys.path.insert(0, "tests/postfix")
import postfix; sys.exit(not postfix.wait_port(int(sys.argv[1]), 10))' \
    "$RPORT" || fail "the -r milter did not listen"
$PYTHON tests/milter/reject.py "$RPORT" || st=1
if grep -q "decision=550" "$TMP/reject.log"; then
	echo "PASS milter:reject:logged"
else
	echo "FAIL milter:reject:logged: no decision=550 in the log"
	st=1
fi
kill "$MPID"
wait "$MPID"
MPID=

# replies never read hold no place: with 40 descriptors, connections
# that stop reading are evicted like silent ones
UPORT=$($PYTHON -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(ulimit -n 40 && exec "$MILTER" -l -p "inet:$UPORT@127.0.0.1" \
    -f "$TMP/milter.conf") > "$TMP/unread.log" 2>&1 &
MPID=$!
$PYTHON -c 'import sys; sys.path.insert(0, "tests/postfix")
import postfix; sys.exit(not postfix.wait_port(int(sys.argv[1]), 10))' \
    "$UPORT" || fail "the milter with 40 descriptors did not listen"
$PYTHON tests/milter/unread.py "$UPORT" "$TMP/unread.log" || st=1
alive unread
# a hard limit below a full table and its lookups is said at start
if grep -q "at most 40 file descriptors (hard limit).*raise it to" \
    "$TMP/unread.log"; then
	echo "PASS milter:nofile-warned"
else
	echo "FAIL milter:nofile-warned: no warning in $(head -3 \
	    "$TMP/unread.log")"
	st=1
fi
kill "$MPID"
wait "$MPID"
MPID=

# -u: the socket is opened as root, then the milter runs as the user
if [ "$(id -u)" -eq 0 ]; then
	"$MILTER" -l -u nobody -p "unix:$TMP/u.sock" -f "$TMP/milter.conf" \
	    >> "$TMP/milter.log" 2>&1 &
	MPID=$!
	wait_for -S "$TMP/u.sock" && listening "$TMP/milter.log"
	uid=$(awk '/^Uid:/ { print $2 }' /proc/$MPID/status 2>/dev/null)
	owner=$(stat -c %U "$TMP/u.sock" 2>/dev/null)
	if [ "$uid" = "$(id -u nobody)" ] && [ "$owner" = nobody ]; then
		echo "PASS milter:drop-privileges"
	else
		echo "FAIL milter:drop-privileges: uid $uid, socket owner $owner"
		st=1
	fi
	kill "$MPID"
	wait "$MPID"
	MPID=
	# the user may not remove the socket from root's directory: the
	# next start replaces the stale one
	"$MILTER" -l -p "unix:$TMP/u.sock" -f "$TMP/milter.conf" \
	    > "$TMP/restart.log" 2>&1 &
	MPID=$!
	if listening "$TMP/restart.log"; then
		echo "PASS milter:stale-socket-replaced"
	else
		echo "FAIL milter:stale-socket-replaced:" \
		    "$(cat "$TMP/restart.log")"
		st=1
	fi
	kill "$MPID"
	wait "$MPID"
	MPID=
	if [ -e "$TMP/u.sock" ]; then
		echo "FAIL milter:unix-socket-removed: left behind at exit"
		st=1
	else
		echo "PASS milter:unix-socket-removed"
	fi
	# a symlink or a hard link to a root file put where the socket was,
	# between the bind and the chown (tests/milter/swap.c): the milter
	# refuses to go on, and the file keeps its owner
	echo secret > "$TMP/victim"
	chmod 600 "$TMP/victim"
	${CC:-cc} -shared -fPIC -o "$TMP/swap.so" tests/milter/swap.c -ldl ||
	    fail "cannot build tests/milter/swap.c"
	for how in symlink hardlink; do
		rm -f "$TMP/swap.sock"
		timeout 10 env ASAN_OPTIONS="$PRELOAD_ASAN" \
		    LD_PRELOAD="$TMP/swap.so" SWAP_VICTIM="$TMP/victim" \
		    SWAP_LINK=$how "$MILTER" -l -u nobody \
		    -p "unix:$TMP/swap.sock" -f "$TMP/milter.conf" \
		    > "$TMP/swap.log" 2>&1
		if [ $? = 124 ]; then
			echo "FAIL milter:chown-$how: the milter went on;" \
			    "victim owned by $(stat -c %U "$TMP/victim");" \
			    "$(cat "$TMP/swap.log")"
			st=1
			chown root "$TMP/victim"
		elif [ "$(stat -c %U "$TMP/victim")" = root ] &&
		    grep -q "swap.sock: replaced by another file" \
		    "$TMP/swap.log"; then
			echo "PASS milter:chown-$how"
		else
			echo "FAIL milter:chown-$how: victim owned by" \
			    "$(stat -c %U "$TMP/victim"); $(cat "$TMP/swap.log")"
			st=1
			chown root "$TMP/victim"
		fi
	done
	# a directory the milter's user may write to but not read: no
	# lock, a warning, and the milter starts
	UT=$(mktemp -d /tmp/dkimkit-milter-ut.XXXXXX) || fail "mktemp"
	chmod 711 "$UT"
	mkdir -m 733 "$UT/wo"
	cp "$TMP/milter.conf" "$UT/milter.conf"
	chmod 644 "$UT/milter.conf"
	timeout 3 setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$MILTER" -l -p "unix:$UT/wo/m.sock" -f "$UT/milter.conf" \
	    > "$TMP/unlocked.log" 2>&1
	rc=$?
	if [ $rc = 124 ] && grep -q "cannot lock $UT/wo (Permission denied)" \
	    "$TMP/unlocked.log" && grep -q "listening on unix" \
	    "$TMP/unlocked.log"; then
		echo "PASS milter:socket-dir-unlocked"
	else
		echo "FAIL milter:socket-dir-unlocked: exit $rc:" \
		    "$(cat "$TMP/unlocked.log")"
		st=1
	fi
	# not root, -u may name only the user the milter runs as (as -n
	# checks it); another user is refused at start, with the fix
	timeout 3 setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$MILTER" -l -u nobody -p "unix:$UT/wo/self.sock" \
	    -f "$UT/milter.conf" > "$TMP/uself.log" 2>&1
	rc=$?
	if [ $rc = 124 ] && grep -q "listening on unix" "$TMP/uself.log"; then
		echo "PASS milter:u-self-not-root"
	else
		echo "FAIL milter:u-self-not-root: exit $rc:" \
		    "$(cat "$TMP/uself.log")"
		st=1
	fi
	timeout 3 setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$MILTER" -l -u root -p "unix:$UT/wo/other.sock" \
	    -f "$UT/milter.conf" > "$TMP/uother.log" 2>&1
	rc=$?
	# refused before anything is made: no socket is left
	if [ $rc = 1 ] && grep -q "fatal: -u root: only root can become" \
	    "$TMP/uother.log" && grep -q "or drop -u" "$TMP/uother.log" &&
	    [ ! -e "$UT/wo/other.sock" ]; then
		echo "PASS milter:u-other-not-root"
	else
		echo "FAIL milter:u-other-not-root: exit $rc:" \
		    "$(cat "$TMP/uother.log"; ls -l "$UT/wo")"
		st=1
	fi
fi
# -p unix:PATH takes only a stale socket: a file of another kind is
# refused and kept, a socket a milter answers on is refused and stays
# that milter's; at exit a milter removes only the socket it made
echo precious > "$TMP/notsock"
if timeout 5 "$MILTER" -l -p "$TMP/notsock" -f "$TMP/milter.conf" \
    > "$TMP/notsock.log" 2>&1; then
	echo "FAIL milter:socket-not-a-socket: started"
	st=1
elif [ "$(cat "$TMP/notsock")" = precious ] &&
    grep -q "a regular file, not a socket" "$TMP/notsock.log"; then
	echo "PASS milter:socket-not-a-socket"
else
	echo "FAIL milter:socket-not-a-socket: $(cat "$TMP/notsock.log")"
	st=1
fi
"$MILTER" -l -p "unix:$TMP/live.sock" -f "$TMP/milter.conf" \
    > "$TMP/live.log" 2>&1 &
MPID=$!
listening "$TMP/live.log" || fail "no milter on $TMP/live.sock"
ino=$(stat -c %i "$TMP/live.sock")
mode=$(stat -c %a "$TMP/live.sock")
if [ "$mode" = 660 ]; then
	echo "PASS milter:socket-mode"
else
	echo "FAIL milter:socket-mode: $mode, not 660 as the man page says"
	st=1
fi
if timeout 5 "$MILTER" -l -p "unix:$TMP/live.sock" -f "$TMP/milter.conf" \
    > "$TMP/second.log" 2>&1; then
	echo "FAIL milter:socket-in-use: a second milter started"
	st=1
elif grep -q "another dkimkit-milter is listening on $TMP/live.sock" \
    "$TMP/second.log" && kill -0 "$MPID" &&
    [ "$(stat -c %i "$TMP/live.sock")" = "$ino" ]; then
	echo "PASS milter:socket-in-use"
else
	echo "FAIL milter:socket-in-use: $(cat "$TMP/second.log")"
	st=1
fi
$PYTHON tests/milter/backlog.py "$TMP/busy.sock" "$MILTER" \
    "$TMP/milter.conf" "$TMP/backlog.log" || st=1
# out of descriptors while every connection waits for DNS: the one
# queued is taken once the waits end, not when a connection closes
cat > "$TMP/emfile.conf" <<CONF
resolver 127.0.0.1:$DEAD
dns-timeout 5
example.test:rsa:$K/rsa.key
CONF
$PYTHON tests/milter/emfile.py "$MILTER" "$TMP/emfile.conf" \
    "$TMP/emfile.log" || st=1
# the table full of connections waiting for DNS: the next is refused
sed 's/^dns-timeout .*/dns-timeout 300/' "$TMP/emfile.conf" \
    > "$TMP/tablefull.conf"
$PYTHON tests/milter/tablefull.py "$MILTER" "$TMP/tablefull.conf" \
    "$TMP/tablefull.log" || st=1
# inet6 takes IPv6 only, a port in use is refused with the fix, and the
# soft descriptor limit is raised
$PYTHON tests/milter/listen.py "$MILTER" "$TMP/milter.conf" \
    "$TMP/listen.log" || st=1
# accept() failing with nothing else to wake the milter: the retry timer
# takes the queued connection (tests/milter/acceptfail.c)
${CC:-cc} -shared -fPIC -o "$TMP/acceptfail.so" tests/milter/acceptfail.c \
    -ldl || fail "cannot build tests/milter/acceptfail.c"
ASAN_OPTIONS="$PRELOAD_ASAN" $PYTHON tests/milter/acceptretry.py \
    "$MILTER" "$TMP/milter.conf" "$TMP/retry.sock" "$TMP/retry.log" \
    "$TMP/acceptfail.so" || st=1
# the table full of idle connections and a new one that cannot be set
# up: refused, and no idle one closed for it
ASAN_OPTIONS="$PRELOAD_ASAN" $PYTHON tests/milter/evictorder.py \
    "$MILTER" "$TMP/milter.conf" "$TMP/evict.sock" "$TMP/evict.log" \
    "$TMP/acceptfail.so" || st=1
# another socket in its place by exit time is not the milter's to remove
rm -f "$TMP/live.sock"
$PYTHON -c 'import socket, sys
socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$TMP/live.sock"
kill "$MPID"
wait "$MPID"
MPID=
if [ -S "$TMP/live.sock" ]; then
	echo "PASS milter:socket-not-ours-kept"
else
	echo "FAIL milter:socket-not-ours-kept: removed at exit"
	st=1
fi
# two milters started at once on one path: the second waits while the
# first is between bind and listen (tests/milter/slowlisten.c makes that
# 2 s), then finds it answering; the first keeps its socket
${CC:-cc} -shared -fPIC -o "$TMP/slow.so" tests/milter/slowlisten.c -ldl ||
    fail "cannot build tests/milter/slowlisten.c"
env ASAN_OPTIONS="$PRELOAD_ASAN" LD_PRELOAD="$TMP/slow.so" SLOW_LISTEN=2 \
    "$MILTER" -l -p "unix:$TMP/race.sock" -f "$TMP/milter.conf" \
    > "$TMP/race1.log" 2>&1 &
MPID=$!
wait_for -S "$TMP/race.sock"
timeout 10 "$MILTER" -l -p "unix:$TMP/race.sock" -f "$TMP/milter.conf" \
    > "$TMP/race2.log" 2>&1
if [ $? = 124 ]; then
	echo "FAIL milter:socket-race: the second milter started"
	st=1
elif grep -q "another dkimkit-milter is listening on $TMP/race.sock" \
    "$TMP/race2.log" && listening "$TMP/race1.log" &&
    $PYTHON -c 'import socket, sys
socket.socket(socket.AF_UNIX).connect(sys.argv[1])' "$TMP/race.sock"; then
	echo "PASS milter:socket-race"
else
	echo "FAIL milter:socket-race: $(cat "$TMP/race1.log" "$TMP/race2.log")"
	st=1
fi
kill "$MPID"
wait "$MPID"
MPID=
# a lock on the socket's directory held for long by another process:
# refused after 5 s, with a message
mkdir "$TMP/locked"
$PYTHON -c 'import fcntl, os, sys, time
fcntl.flock(os.open(sys.argv[1], os.O_RDONLY), fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(60)' "$TMP/locked" "$TMP/locked.ready" &
LPID=$!
wait_for -e "$TMP/locked.ready" || fail "no lock on $TMP/locked in 10 s"
timeout 10 "$MILTER" -l -p "unix:$TMP/locked/m.sock" -f "$TMP/milter.conf" \
    > "$TMP/locked.log" 2>&1
rc=$?
kill "$LPID"
wait "$LPID" 2>/dev/null
LPID=
if [ $rc != 0 ] && [ $rc != 124 ] &&
    grep -q "another process has held a lock on $TMP/locked for 5 s" \
    "$TMP/locked.log"; then
	echo "PASS milter:socket-dir-locked"
else
	echo "FAIL milter:socket-dir-locked: exit $rc: $(cat "$TMP/locked.log")"
	st=1
fi
if grep -q Sanitizer "$TMP"/*.log; then
	grep -A20 Sanitizer "$TMP"/*.log | head -40
	echo "FAIL milter:no-sanitizer-report"
	st=1
else
	echo "PASS milter:no-sanitizer-report"
fi
exit $st
