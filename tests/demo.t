#!/bin/sh
# tests/demo.t - `make demo` is part of the product: run examples/pipeline.sh
# into a temporary directory and check that it succeeds, that it says its
# warnings are part of the demonstration, and that it succeeds again in the
# same place (a second `make demo`), with the same outputs.
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "1..3"
if OUT=$out/ex sh "$top/examples/pipeline.sh" >"$out/.log" 2>&1; then
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
ls "$out/ex" > "$out/.first"
if OUT=$out/ex sh "$top/examples/pipeline.sh" >"$out/.log2" 2>&1 &&
	ls "$out/ex" | cmp -s - "$out/.first"; then
	echo "ok 3 - examples/pipeline.sh again in the same folder"
else
	echo "not ok 3 - examples/pipeline.sh again in the same folder"
	sed 's/^/# /' "$out/.log2" | tail -30
fi
