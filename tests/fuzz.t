#!/bin/sh
# tests/fuzz.t - every fuzz target, built with a plain main, runs without a
# crash (or a sanitizer report under `make asan`) over the test inputs:
# the data files and the standard inputs of the end-to-end cases, and its
# seed corpus tests/fuzz/corpus/TARGET (made by tests/fuzz/corpus.sh).
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
inputs=$(find "$top/tests/data" "$top/tests/cases" "$top/examples" -type f \
	\( -name '*.csv' -o -name stdin -o -name '*.conf' -o -name '*.md' \
	-o -name '*.html' -o -name '*.xlsx' \) | sort)
set -- "$BUILD"/fuzz/fuzz_*
echo "1..$#"
i=0
for f; do
	i=$((i + 1))
	# and its seed corpus (with the regression inputs of past findings)
	seeds=$(find "$top/tests/fuzz/corpus/$(basename "$f")" -type f 2>/dev/null |
		sort)
	all=$(printf '%s\n%s\n' "$inputs" "$seeds" | grep .)
	if out=$(echo "$all" | xargs "$f" 2>&1 >/dev/null); then
		echo "ok $i - $(basename "$f") on $(echo "$all" | wc -l) inputs"
	else
		echo "not ok $i - $(basename "$f")"
		echo "$out" | tail -20 | sed 's/^/# /'
	fi
done
