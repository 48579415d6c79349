#!/bin/sh
# Every page in man/ is clean under mandoc -Tlint -Wwarning: no
# warning, no error (mandoc(1); Debian package mandoc). And no long
# option renders broken: ".Fl \- dns" shows as "-- -dns", which lint
# does not see.
cd "$(dirname "$0")/.." || exit 1

if ! command -v mandoc > /dev/null 2>&1; then
	echo "FAIL manlint: mandoc not found (Debian package mandoc)"
	exit 1
fi
BS=$(printf '\b')
fail=0
for page in man/*.[1-9]; do
	out=$(mandoc -Tlint -Wwarning "$page" 2>&1)
	st=$?
	# strip the backspace overstrikes of bold and underline
	broken=$(mandoc -Tascii "$page" | sed "s/.$BS//g" |
	    grep -n -- '-- -[a-z]')
	[ -n "$broken" ] && out="$out${out:+
}rendered as \"-- -\": $broken"
	if [ $st -eq 0 ] && [ -z "$out" ]; then
		echo "PASS manlint:$page"
	else
		printf '%s\n' "$out" | sed 's/^/  /'
		echo "FAIL manlint:$page"
		fail=1
	fi
done
exit $fail
