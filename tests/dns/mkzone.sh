#!/bin/sh
#
# mkzone.sh DKIMKIT KEYDIR DIR PORT: make the keys of the real-server
# tests with `dkimkit keygen` (KEYDIR/rsa1024.key ... KEYDIR/ed25519.key,
# with their records in KEYDIR/*.record; kept ones are reused, since
# RSA-4096 takes seconds), the zone example.test from their records
# (DIR/example.test.zone), and a knot configuration serving it on
# 127.0.0.1 at PORT, and on ::1 too when DNS_IPV6 is set (DIR/knot.conf).
# knot keeps its run-time files in DIR.
#
# Names under _domainkey.example.test:
#   rsa1024 rsa2048 rsa4096 ed25519   the keys (rsa2048, rsa4096: several
#                                     strings, as keygen splits them)
#   split     the rsa1024 record cut into three strings at odd places
#   multi     two TXT records: some text that is no key, and ed25519
#   alias     CNAME to rsa2048
#   revoked   "v=DKIM1; k=rsa; p=" (RFC 6376 §3.6.1: revoked)
#   nodata    an A record and no TXT (NODATA)
#   big       rsa4096 and filler records: over 1232 bytes, so over TCP
#   missing   nothing at all (NXDOMAIN)

set -eu

dkimkit=$1 keydir=$2 dir=$3 port=$4

keygen() {	# SELECTOR ARGS...: the record as a zone line
	sel=$1
	shift
	if [ ! -s "$keydir/$sel.record" ] || [ ! -f "$keydir/$sel.key" ]; then
		rm -f "$keydir/$sel.key"
		"$dkimkit" keygen "$@" -d example.test -s "$sel" -o "$keydir" \
		    > "$keydir/$sel.record.tmp"
		mv "$keydir/$sel.record.tmp" "$keydir/$sel.record"
	fi
	# keygen prints "NAME. TXT "..." ...", ready for the zone; records
	# kept from before keygen added the final dot get it here
	sed 's/^\([^ ]*[^.]\)\.\{0,1\} TXT /\1. 300 IN TXT /' \
	    "$keydir/$sel.record"
}

zone() {
	cat <<-ZONE
	\$ORIGIN example.test.
	\$TTL 300
	@	IN SOA	ns.example.test. hostmaster.example.test. 1 3600 600 86400 60
	@	IN NS	ns.example.test.
	ns	IN A	127.0.0.1
	ZONE
	keygen rsa1024 -a rsa -b 1024
	keygen rsa2048 -a rsa -b 2048
	keygen rsa4096 -a rsa -b 4096
	keygen ed25519 -a ed25519
	# one string in, three strings out (RFC 6376 §3.6.2.2: joined again)
	rec=$(sed 's/^[^"]*"//; s/"$//' "$keydir/rsa1024.record")
	printf 'split._domainkey 300 IN TXT "%s" "%s" "%s"\n' \
	    "$(printf %s "$rec" | cut -c1-12)" \
	    "$(printf %s "$rec" | cut -c13-100)" \
	    "$(printf %s "$rec" | cut -c101-)"
	echo 'multi._domainkey 300 IN TXT "just some text, no key"'
	sed 's/^[^ ]* TXT /multi._domainkey 300 IN TXT /' "$keydir/ed25519.record"
	echo 'alias._domainkey 300 IN CNAME rsa2048._domainkey'
	echo 'revoked._domainkey 300 IN TXT "v=DKIM1; k=rsa; p="'
	echo 'nodata._domainkey 300 IN A 127.0.0.1'
	# rsa4096 with 3 records of filler: an answer over 1232 bytes, so
	# UDP gives TC=1 and the key comes over TCP (knot 3.2 will not set
	# udp-max-payload under 1220, so the size is made by the answer)
	filler=$(printf '%0200d' 0 | tr 0 x)
	sed 's/^[^ ]* TXT /big._domainkey 300 IN TXT /' "$keydir/rsa4096.record"
	for i in 1 2 3; do
		echo "big._domainkey 300 IN TXT \"filler $i $filler\""
	done
}

listen="127.0.0.1@$port"
if [ -n "${DNS_IPV6:-}" ]; then
	listen="[ $listen, ::1@$port ]"
fi

zone > "$dir/example.test.zone"
cat > "$dir/knot.conf" <<EOF2
server:
    rundir: "$dir"
    listen: $listen
    pidfile: "$dir/knot.pid"
    udp-workers: 2
    tcp-workers: 1
    background-workers: 1
control:
    listen: "$dir/knot.sock"
database:
    storage: "$dir"
log:
  - target: stderr
    any: info
template:
  - id: default
    storage: "$dir"
    file: "%s.zone"
    zonefile-sync: -1
    journal-content: none
zone:
  - domain: example.test
EOF2
