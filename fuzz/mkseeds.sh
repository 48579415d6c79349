#!/bin/sh
# Build the seed corpora for the fuzz targets from vectors/.
# Usage: sh fuzz/mkseeds.sh OUTDIR   (run from the top of the tree)
#
# Each target gets inputs in its own format (see the comment at the top
# of fuzz/<target>.c). The control bytes in front of an input are never
# NUL, which awk's printf cannot write portably.

set -eu

out=${1:?usage: mkseeds.sh OUTDIR}
vec=vectors
for t in tags sig keyrec keyload canon_header canon_body canon_diff \
    canonicalizer verifier dnsreply filter hdrinfo config filter_events \
    rsa_sign rsa_verify; do
	rm -rf "$out/fuzz_$t"
	mkdir -p "$out/fuzz_$t"
done

# Chunk sizes for the streaming targets (each byte + 1): 2, 2, 3, 7, 64,
# 128, 200, 256.
chunks='\001\001\002\006\077\177\307\377'

# Header fields of a message: every field to fuzz_canon_header (with a
# flags byte 4-7: mode and CRLF in turn), and each DKIM-Signature field
# whole to fuzz_sig and its value to fuzz_tags.
fields() {
	awk -v stem="$2" -v hdir="$out/fuzz_canon_header" \
	    -v sdir="$out/fuzz_sig" -v tdir="$out/fuzz_tags" '
	function flush(  f, v) {
		if (field == "")
			return
		n++
		f = hdir "/" stem "-" n
		printf "%c%s", 4 + n % 4, field > f
		close(f)
		if (tolower(substr(field, 1, 15)) == "dkim-signature:") {
			f = sdir "/" stem "-" n
			printf "%s", field > f
			close(f)
			v = substr(field, 16)
			f = tdir "/" stem "-" n
			printf "%s", v > f
			close(f)
		}
		field = ""
	}
	{
		line = $0
		sub(/\r$/, "", line)
		if (line == "") {
			flush()
			exit
		}
		if (line ~ /^[ \t]/ && field != "")
			field = field "\r\n" line
		else {
			flush()
			field = line
		}
	}
	END { flush() }' "$1"
}

# A message as smtpd passes it to a filter: data-lines without their CR
# (RFC 5321 §4.5.2: a leading dot doubled).
datalines() {
	awk '{ sub(/\r$/, ""); if (substr($0, 1, 1) == ".") $0 = "." $0
	    print }' "$1"
}

# The body of a message (after the first empty line), CRLF kept.
body() {
	awk 'inbody { printf "%s\n", $0 } /^\r?$/ { inbody = 1 }' "$1"
}

n=0
for eml in $(find "$vec" -name '*.eml' | sort); do
	n=$((n + 1))
	stem=$(echo "$eml" | sed -e "s|^$vec/||" -e 's|/|_|g' -e 's|\.eml$||')
	fields "$eml" "$stem"
	# fuzz_canon_body: flags (mode, limit), limit 0x0140, chunks, body
	flags=$(printf '%03o' $((4 + n % 4)))
	# shellcheck disable=SC2059 # the format carries the octal escapes
	{ printf "\\$flags\\001\\100$chunks"; body "$eml"; } \
	    > "$out/fuzz_canon_body/$stem"
	# fuzz_canon_diff: flags (header and body mode, limit in turn; bit
	# 3 keeps the byte from being NUL), limit 0x0140, chunks, message
	flags=$(printf '%03o' $((8 + n % 8)))
	# shellcheck disable=SC2059
	{ printf "\\$flags\\001\\100$chunks"; cat "$eml"; } \
	    > "$out/fuzz_canon_diff/$stem"
	# fuzz_canonicalizer: flags (0x40, never NUL; header and body
	# mode, bare LF, h= list in turn), chunks, message
	flags=$(printf '%03o' $((0x40 + n % 16)))
	# shellcheck disable=SC2059
	{ printf "\\$flags$chunks"; cat "$eml"; } \
	    > "$out/fuzz_canonicalizer/$stem"
	# fuzz_verifier: flags (strict), chunks, message
	flags=$(printf '%03o' $((2 + n % 2)))
	# shellcheck disable=SC2059
	{ printf "\\$flags$chunks"; cat "$eml"; } \
	    > "$out/fuzz_verifier/$stem"
	# fuzz_hdrinfo: flags (LF input), chunks, message
	# shellcheck disable=SC2059
	{ printf "\\$flags$chunks"; cat "$eml"; } \
	    > "$out/fuzz_hdrinfo/$stem"
	# fuzz_filter: flags (0x40, never NUL; sign with commit or
	# rollback; verify past the DNS deadline, the resolver's budget, or
	# neither), message; every fifth with an envelope sender first, and
	# every seventh followed by a second message
	sflags=$((0x40 + 8 * (n % 2)))
	vflags=$((0x41 + (n % 3 == 1 ? 2 : 0) + (n % 3 == 2 ? 16 : 0)))
	for f in $sflags $vflags; do
		[ $((n % 5)) -eq 0 ] && f=$((f + 4))
		{
			# shellcheck disable=SC2059
			printf "\\$(printf '%03o' "$f")"
			[ $((f & 4)) -ne 0 ] && printf '<a|b@example.com>\n'
			datalines "$eml"
			if [ $((n % 7)) -eq 0 ]; then
				printf '.\n'
				datalines "$eml"
			fi
		} > "$out/fuzz_filter/$stem-$f"
	done
done

# Configuration files: the filter tests' own, then one with every
# option and keys from vectors/rfc, under each command-line flag.
for f in tests/filter/conf/*.conf; do
	{ printf '\100'; cat "$f"; } > "$out/fuzz_config/$(basename "$f")"
done
for f in 100 101 102 104 110 117; do
	{
		# shellcheck disable=SC2059
		printf "\\$f"
		cat <<-EOF
		# every option once
		authserv-id mx.example.net
		canonicalization relaxed/simple
		debug yes
		dns-timeout 5
		expire 86400
		fixed-time 1700000000
		header-max 64k
		headers from:to:subject:date
		internal-networks 127.0.0.0/8, ::1/128 10.0.0.0/8 local
		mode auto
		reject no
		resolver 127.0.0.1:5353
		spool-dir /tmp
		spool-max 1m
		example.com:rsa:vectors/rfc/rfc8463-rsa-private.pem
		Football.Example.COM.:ed:vectors/rfc/rfc8463-ed25519-seed.key
		EOF
	} > "$out/fuzz_config/all-$f"
done

# Key records: the TXT strings of each dns.txt line, joined (\" and \\
# are escapes), to fuzz_keyrec and fuzz_tags.
awk -v kdir="$out/fuzz_keyrec" -v tdir="$out/fuzz_tags" '
$2 == "TXT" {
	rec = ""
	inq = 0
	for (i = index($0, "\""); i <= length($0); i++) {
		c = substr($0, i, 1)
		if (!inq) {
			if (c == "\"")
				inq = 1
			continue
		}
		if (c == "\\") {
			i++
			rec = rec substr($0, i, 1)
		} else if (c == "\"")
			inq = 0
		else
			rec = rec c
	}
	n++
	printf "%s", rec > (kdir "/dns-" n)
	close(kdir "/dns-" n)
	printf "%s", rec > (tdir "/dns-" n)
	close(tdir "/dns-" n)
}' "$vec/dns.txt"
for f in "$vec"/dkimpy/*.txt "$vec"/dkimpy/*.dns; do
	cp "$f" "$out/fuzz_keyrec/$(basename "$f")"
done

# Milter transcripts of the vector messages, signed and verified.
rm -rf "$out/fuzz_milter"
python3 fuzz/milter-seeds.py "$out/fuzz_milter"

# DKIM-Signature fields one past each of our bounds (sig-too-large,
# dkim.h), read from the headers that set them: h= names, tags, and the
# octets of b=.
bound() {
	sed -n "s/^#define $1[[:space:]]*\([0-9]*\).*/\1/p" "$2"
}
hmax=$(bound DK_H_MAX include/dkimkit.h)
tmax=$(bound DK_TAGS_MAX src/dkim/tags.h)
bmax=$(($(bound DK_RSA_MAX_BITS include/dkimkit.h) / 8))
sig='DKIM-Signature: v=1; a=ed25519-sha256; d=example.com; s=k; bh=AAAA'
awk -v s="$sig" -v n="$hmax" 'BEGIN { h = "from"
	for (i = 0; i < n; i++) h = h ":to"
	printf "%s; b=AAAA; h=%s", s, h }' > "$out/fuzz_sig/too-many-h"
awk -v s="$sig" -v n="$tmax" 'BEGIN { t = s "; b=AAAA; h=from"
	for (i = 7; i < n + 1; i++) t = t "; z" i "=1"
	printf "%s", t }' > "$out/fuzz_sig/too-many-tags"
awk -v s="$sig" -v n="$bmax" 'BEGIN { b = ""
	for (i = 0; i < n / 3 + 1; i++) b = b "AAAA"
	printf "%s; h=from; b=%s", s, b }' > "$out/fuzz_sig/b-too-long"

# DNS replies, made by the DNS tests' own generator.
python3 tests/dns/dnsreply-seeds.py "$out/fuzz_dnsreply"

# Private keys, as files.
for f in $(find "$vec" -name '*.pem' -o -name '*.key' -o -name '*.private'); do
	cp "$f" "$out/fuzz_keyload/$(echo "$f" | sed 's|/|_|g')"
done

# Event sequences (fuzz/fuzz_filter_events.c): a verified message whose
# spool fails while its key lookup is out, the answer after "." (issue
# 8's crash); the same signed; and a plain verified and signed message.
ev=$out/fuzz_filter_events
printf '\020\001\022\003\004\025\011\165\006\007\012\013\015' > "$ev/crash-verify"
printf '\000\001\003\004\025\031\165\006\012\014\015' > "$ev/fail-sign"
printf '\020\001\022\003\004\025\006\007\012\013\015' > "$ev/verify"
printf '\000\001\003\004\025\006\012\013\015\200\201\203\204\206\212' > "$ev/sign-two"
printf '\020\001\022\003\004\025\010\006\014\012\014\015' > "$ev/deadline"

# RSA: one input per mode of fuzz_rsa_verify and per key and fault of
# fuzz_rsa_sign (the layouts are in those files).
for m in 0 1 2 3 4 5 6 7; do
	for k in 0 1 2; do
		printf "\\$m\\$k\\011\\001\\000\\001abcdefghijkl" \
		    > "$out/fuzz_rsa_verify/m$m-k$k"
	done
done
printf '\001\001\002\003' > "$out/fuzz_rsa_verify/m3-tiny"
for k in 0 1; do
	for f in 0 1 2 3 4 5; do
		printf "\\$k%s\\$f\\001\\007" \
		    0123456789abcdef0123456789abcdef \
		    > "$out/fuzz_rsa_sign/k$k-f$f"
	done
	printf "\\$k%s" 0123456789abcdef0123456789abcdef \
	    > "$out/fuzz_rsa_sign/k$k"
done

for t in tags sig keyrec keyload canon_header canon_body canon_diff \
    canonicalizer verifier dnsreply filter hdrinfo config filter_events \
    rsa_sign rsa_verify; do
	echo "seeds: fuzz_$t: $(ls "$out/fuzz_$t" | wc -l) files"
done
