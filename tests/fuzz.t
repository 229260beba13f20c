#!/bin/sh
# tests/fuzz.t - every fuzz target, built with a plain main, runs without a
# crash (or a sanitizer report under `make asan`) over the test inputs:
# the data files and the standard inputs of the end-to-end cases.
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
	if out=$(echo "$inputs" | xargs "$f" 2>&1 >/dev/null); then
		echo "ok $i - $(basename "$f") on $(echo "$inputs" | wc -l) inputs"
	else
		echo "not ok $i - $(basename "$f")"
		echo "$out" | tail -20 | sed 's/^/# /'
	fi
done
