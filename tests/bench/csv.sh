#!/bin/sh
# tests/bench/csv.sh - ibm-csv check and clean against the parse floor
# (bare libcsv counting fields, tests/bench/score_parse.c) and miller
# (`mlr --icsv --ocsv cat`), on the 10^6-row, 43-column Google-Forms-shaped
# export of score.sh (made with a fixed seed). Prints CPU seconds (user +
# system, best of 3; other load on the machine disturbs it less than the
# wall time) and peak RSS, and the ratios of the issue's targets:
# clean <= 1.5x the bare parse, check about 1.1x.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-$here/../../build}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/ibmkit-bench}
ROWS=${CSV_BENCH_ROWS:-1000000}
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

# cpu NAME CMD...: "cpu_s peak_kB" of the best of 3 runs (by CPU time)
cpu() {
	name=$1
	shift
	best=""
	for i in 1 2 3; do
		/usr/bin/time -f '%U %S %M' -o "$BENCH_DIR/time" "$@" >/dev/null
		cur=$(awk '{ printf "%.2f %s", $1 + $2, $3 }' "$BENCH_DIR/time")
		if [ -z "$best" ] || awk -v a="$cur" -v b="$best" 'BEGIN {
			split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'
		then
			best=$cur
		fi
		[ "$name" = mlr ] && break # one run: it is slow
	done
	echo "$best" > "$BENCH_DIR/csv-$name.r"
	printf '%-14s %8s %10s\n' "$name" $best
}

printf '%-14s %8s %10s   (%s rows, %s MB)\n' tool cpu_s peak_kB "$ROWS" \
	$(($(wc -c < "$data") / 1000000))
cpu bare "$BENCH_DIR/score_parse" "$data"
cpu check "$BUILD/bin/ibm-csv" -q check "$data"
cpu clean "$BUILD/bin/ibm-csv" -q clean "$data"
if command -v mlr >/dev/null 2>&1; then
	cpu mlr mlr --icsv --ocsv cat "$data"
fi
awk -v b="$(cut -d' ' -f1 "$BENCH_DIR/csv-bare.r")" \
    -v c="$(cut -d' ' -f1 "$BENCH_DIR/csv-check.r")" \
    -v k="$(cut -d' ' -f1 "$BENCH_DIR/csv-clean.r")" \
    -v m="$(cut -d' ' -f1 "$BENCH_DIR/csv-mlr.r" 2>/dev/null || echo 0)" \
    'BEGIN {
	printf "ibm-csv clean / bare parse: %.2f (target <= 1.5); " \
	       "check / bare: %.2f\n", k / b, c / b;
	if (m > 0)
		printf "mlr cat / ibm-csv clean: %.1fx\n", m / k;
}'
