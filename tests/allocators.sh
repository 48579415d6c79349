#!/bin/sh
#
# tests/test_oom makes the engine's allocations fail one by one, but it
# can only fail the calls it wraps (OOM_WRAP in the Makefile: malloc,
# calloc, realloc, reallocarray, strdup, free). An engine call to any
# other function that allocates would go untested: list them here.

cd "$(dirname "$0")/.." || exit 1

allocating='strndup v?asprintf posix_memalign aligned_alloc memalign
    p?valloc getline getdelim open_w?memstream wcsdup recallocarray
    realpath scandir glob'
pattern="^($(echo $allocating | tr ' ' '|'))\$"
other=$(nm -u libdkimkit.a | awk '{ print $NF }' | grep -E "$pattern" |
    sort -u)
if [ -n "$other" ]; then
	echo "the engine calls allocating functions that tests/test_oom" \
	    "does not wrap:" $other
	echo "FAIL allocators_wrapped"
	exit 1
fi
echo "PASS allocators_wrapped"
