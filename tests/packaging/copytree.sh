# copytree.sh: sourced by the packaging tests, from the top of the tree.
#
# copy_tree DEST: copy the source tree (the files git knows or would
# take, or everything but build/ outside a checkout) into DEST, so that
# a build there leaves the checkout clean.
copy_tree() {
	mkdir -p "$1" || return 1
	if [ -d .git ] || [ -f .git ]; then
		git ls-files -co --exclude-standard | grep -v '^build/' |
		    while read -r f; do [ -e "$f" ] && echo "$f"; done |
		    tar -cf - -T - | tar -xf - -C "$1"
	else
		for d in *; do
			[ "$d" = build ] || cp -R "$d" "$1/" || return 1
		done
	fi
}
