#!/bin/sh
# tests/bench/score.sh - ibm-score single-test mode against the parse floor
# (bare libcsv counting fields) and miller doing the same scoring, on a
# 10^6-row, 40-question Google-Forms-shaped export made with a fixed seed.
# Prints wall seconds, peak RSS and the ratios of the issue's targets
# (<= 1.25x the bare parse, >= 4x faster than miller, < 16 MB).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
BUILD=${BUILD:-$here/../../build}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/ibmkit-bench}
ROWS=${SCORE_BENCH_ROWS:-1000000}
mkdir -p "$BENCH_DIR"
cc -O2 -o "$BENCH_DIR/score_gen" "$here/score_gen.c"
cc -O2 -o "$BENCH_DIR/score_parse" "$here/score_parse.c" -lcsv
data=$BENCH_DIR/score-forms-$ROWS.csv
key=$BENCH_DIR/score-key.csv
if [ ! -s "$data" ] || [ ! -s "$key" ]; then
	"$BENCH_DIR/score_gen" "$ROWS" 20240624 "$key" > "$data.tmp"
	mv "$data.tmp" "$data"
fi
cat "$data" > /dev/null # into the page cache

# the same as Google Forms downloads it: every field quoted, CRLF, a name
# column, options with their letter and text ("A. 1/4")
forms=$BENCH_DIR/score-forms-crlf-$ROWS.csv
fkey=$BENCH_DIR/score-forms-key.csv
if [ ! -s "$forms" ] || [ ! -s "$fkey" ]; then
	"$BENCH_DIR/score_gen" "$ROWS" 20240624 "$fkey" forms > "$forms.tmp"
	mv "$forms.tmp" "$forms"
fi
cat "$forms" > /dev/null

# alternating (parse, ibm-score, parse, ...) so that both see the same
# machine load; the best of 3 each
rm -f "$BENCH_DIR/parse.t" "$BENCH_DIR/ibm-score.t" \
      "$BENCH_DIR/parse-forms.t" "$BENCH_DIR/ibm-score-forms.t"
echo "input: $ROWS rows, $(wc -c < "$data") bytes"
for i in 1 2 3; do
	one parse "$BENCH_DIR/score_parse" "$data"
	one ibm-score "$BUILD/bin/ibm-score" -k "$key" "$data"
done
for name in parse ibm-score; do
	show "$name"
done
echo "Forms-shaped input (CRLF, name, lettered options): $(wc -c < "$forms") bytes"
for i in 1 2 3; do
	one parse-forms "$BENCH_DIR/score_parse" "$forms"
	one ibm-score-forms "$BUILD/bin/ibm-score" -k "$fkey" "$forms"
done
for name in parse-forms ibm-score-forms; do
	show "$name"
done

# the same scoring in miller: 40 answers against the key -> email,score
if command -v mlr > /dev/null 2>&1; then
	expr=$(awk -F, 'NR > 1 {
		printf "if (strip(tolower($[[[%d]]])) == \"%s\") {s += 1} ",
			$1 + 3, tolower($2) }' "$key")
	rm -f "$BENCH_DIR/mlr.t"
	one mlr mlr --icsv --ocsv put \
		"s = 0; $expr \$* = {\"email\": \$[[[2]]], \"score\": s}" "$data"
	show mlr
	# the answers must agree
	cut -d, -f2 "$BENCH_DIR/mlr.out" | tail -n +2 > "$BENCH_DIR/a"
	awk -F, 'NR > 1 {print $2}' "$BENCH_DIR/ibm-score.out" > "$BENCH_DIR/b"
	cmp -s "$BENCH_DIR/a" "$BENCH_DIR/b" ||
		echo "warning: miller's scores differ from ibm-score's"
else
	echo "miller (mlr) not installed: apt-get install miller"
fi

p=$(cat "$BENCH_DIR/parse.t")
s=$(cat "$BENCH_DIR/ibm-score.t")
awk -v p="$p" -v s="$s" 'BEGIN {
	printf "ibm-score / bare parse: %.2fx (target <= 1.25x)\n", s / p }'
awk -v p="$(cat "$BENCH_DIR/parse-forms.t")" \
    -v s="$(cat "$BENCH_DIR/ibm-score-forms.t")" 'BEGIN {
	printf "Forms-shaped: ibm-score / bare parse: %.2fx (target <= 1.25x)\n",
	       s / p }'
if [ -f "$BENCH_DIR/mlr.t" ] && command -v mlr > /dev/null 2>&1; then
	awk -v m="$(cat "$BENCH_DIR/mlr.t")" -v s="$s" 'BEGIN {
		printf "miller / ibm-score: %.2fx faster (target >= 4x)\n", m / s }'
fi
awk -v k="$(cat "$BENCH_DIR/ibm-score.m")" 'BEGIN {
	printf "ibm-score peak RSS: %.1f MB (target < 16 MB)\n", k / 1024 }'
rm -f "$BENCH_DIR"/*.out "$BENCH_DIR/a" "$BENCH_DIR/b"
