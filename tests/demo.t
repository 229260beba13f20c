#!/bin/sh
# tests/demo.t - `make demo` is part of the product: run examples/pipeline.sh
# into a temporary directory and check that it succeeds, says that its
# warnings are part of the demonstration, and runs again over its outputs.
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "1..3"
if OUT=$out sh "$top/examples/pipeline.sh" >"$out/.log" 2>&1; then
	echo "ok 1 - examples/pipeline.sh"
else
	echo "not ok 1 - examples/pipeline.sh"
	sed 's/^/# /' "$out/.log" | tail -30
fi
if head -3 "$out/.log" | grep -q "warnings below are part of the demonstration" &&
   tail -2 "$out/.log" | grep -q "the warnings above were expected"; then
	echo "ok 2 - the demo says its warnings are demonstrations"
else
	echo "not ok 2 - the demo says its warnings are demonstrations"
fi
if OUT=$out sh "$top/examples/pipeline.sh" >"$out/.log2" 2>&1; then
	echo "ok 3 - examples/pipeline.sh runs again over its outputs"
else
	echo "not ok 3 - examples/pipeline.sh runs again over its outputs"
	sed 's/^/# /' "$out/.log2" | tail -10
fi
