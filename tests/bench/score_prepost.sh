#!/bin/sh
# tests/bench/score_prepost.sh - ibm-score pre/post matching at scale
# against the parse floor (bare libcsv counting the fields of both
# files): 10^5 people in Forms-shaped exports matched by name, 5 % of
# the post-test names misspelt by one letter and 5 % of the people
# without a post-test. The commands alternate (parse, ibm-score, parse,
# ...) so that both see the same machine load; best of 3 each. Target:
# ibm-score <= 2x the parse of both files, with and without --fuzzy.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
BUILD=${BUILD:-$here/../../build}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/ibmkit-bench}
ROWS=${PREPOST_BENCH_ROWS:-100000}
mkdir -p "$BENCH_DIR"
cc -O2 -o "$BENCH_DIR/score_gen" "$here/score_gen.c"
cc -O2 -o "$BENCH_DIR/score_parse" "$here/score_parse.c" -lcsv
pre=$BENCH_DIR/score-pre-$ROWS.csv
post=$BENCH_DIR/score-post-$ROWS.csv
key=$BENCH_DIR/score-prepost-key.csv
if [ ! -s "$pre" ] || [ ! -s "$post" ] || [ ! -s "$key" ]; then
	"$BENCH_DIR/score_gen" "$ROWS" 20240624 "$key" pre > "$pre.tmp"
	"$BENCH_DIR/score_gen" "$ROWS" 20240624 "$key" post > "$post.tmp"
	mv "$pre.tmp" "$pre"
	mv "$post.tmp" "$post"
fi
cat "$pre" "$post" > /dev/null # into the page cache
echo "input: $ROWS people, $(wc -c < "$pre") + $(wc -c < "$post") bytes"

rm -f "$BENCH_DIR"/pp-*.t "$BENCH_DIR"/pp-*.m
for i in 1 2 3; do
	one pp-parse sh -c '"$1" "$2" && "$1" "$3"' sh \
		"$BENCH_DIR/score_parse" "$pre" "$post"
	one pp-plain "$BUILD/bin/ibm-score" -k "$key" --pre "$pre" \
		--post "$post"
	one pp-parse sh -c '"$1" "$2" && "$1" "$3"' sh \
		"$BENCH_DIR/score_parse" "$pre" "$post"
	one pp-fuzzy "$BUILD/bin/ibm-score" -k "$key" --pre "$pre" \
		--post "$post" --fuzzy --summary "$BENCH_DIR/pp-s.csv" \
		--items "$BENCH_DIR/pp-i.csv"
done
p=$(cat "$BENCH_DIR/pp-parse.t")
for n in plain fuzzy; do
	show "pp-$n" "ibm-score pre/post $n"
done
printf '%-28s %7.2f s\n' "bare parse of both" "$p"
awk -v p="$p" -v a="$(cat "$BENCH_DIR/pp-plain.t")" \
    -v b="$(cat "$BENCH_DIR/pp-fuzzy.t")" 'BEGIN {
	printf "pre/post / bare parse: %.2fx (target <= 2x)\n", a / p
	printf "pre/post --fuzzy --summary --items / bare parse: %.2fx " \
	       "(target <= 2x)\n", b / p }'
# every person is in the output once; the misspelt names are matched
# only with --fuzzy
awk -F, 'END { print "rows (no --fuzzy): " NR - 1 }' "$BENCH_DIR/pp-plain.out"
awk -F, 'END { print "rows (--fuzzy):    " NR - 1 }' "$BENCH_DIR/pp-fuzzy.out"
rm -f "$BENCH_DIR"/pp-*.out
