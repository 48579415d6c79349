#!/bin/sh
# Dependencies point one way (DESIGN.md, STYLE.md §1): canon and crypto
# know no other module, dns knows crypto (and the tag-list parser, which
# the issue puts in src/dkim but which depends on nothing), dkim knows
# canon, crypto and dns. The front ends (cli, filter, milter) and the
# policy that filter and milter share (src/policy) stand on
# include/dkimkit.h alone, like any embedder (DESIGN.md). Each backend
# header is included in one place only.
cd "$(dirname "$0")/.." || exit 1

fail=0
check() {	# check NAME OUTPUT: empty output passes
	if [ -z "$2" ]; then
		echo "PASS layering:$1"
	else
		echo "FAIL layering:$1"
		printf '%s\n' "$2" | sed 's/^/  /'
		fail=1
	fi
}

check bearssl-sodium-in-crypto-only "$(grep -rlE '#include <(bearssl|sodium)' src include |
    grep -v '^src/crypto/')"
check ldns-in-query-c-only "$(grep -rl '#include <ldns/' src include |
    grep -v '^src/dns/query.c$')"

# module: the modules (or module files) it may include with "../"
allowed() {
	case $1 in
	canon|crypto)	echo '' ;;
	dns)		echo 'crypto/ dkim/tags.h' ;;
	dkim)		echo 'canon/ crypto/ dns/dns.h' ;;
	cli|policy)	echo '' ;;
	filter|milter)	echo 'policy/' ;;
	esac
}

# The front ends and their policy: no engine header, by any path.
check front-ends-public-api-only "$(grep -nE \
    '^#[[:space:]]*include[[:space:]]*["<][^">]*(canon|crypto|dkim|dns)/' \
    src/cli/*.[ch] src/filter/*.[ch] src/milter/*.[ch] src/policy/*.[ch] \
    2>/dev/null)"

bad=""
for f in src/*/*.c src/*/*.h; do
	mod=${f#src/}; mod=${mod%%/*}
	ok=$(allowed "$mod")
	for inc in $(sed -n 's|^#include "\.\./\([^"]*\)".*|\1|p' "$f"); do
		case $inc in ../compat/*|../../compat/*) continue ;; esac
		hit=0
		for a in $ok; do
			case $inc in "$a"*) hit=1 ;; esac
		done
		[ $hit -eq 1 ] || bad="$bad$f includes ../$inc
"
	done
done
check includes-point-down "$(printf '%s' "$bad")"
exit $fail
