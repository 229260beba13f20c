#!/bin/sh
# tests/demo.t - `make demo` is part of the product: run examples/pipeline.sh
# into a temporary directory and check that it succeeds.
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "1..1"
if OUT=$out sh "$top/examples/pipeline.sh" >"$out/.log" 2>&1; then
	echo "ok 1 - examples/pipeline.sh"
else
	echo "not ok 1 - examples/pipeline.sh"
	sed 's/^/# /' "$out/.log" | tail -30
fi
