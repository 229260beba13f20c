#!/bin/sh
# tests/bench/score_prepost.sh - ibm-score pre/post matching at scale
# against the parse floor (bare libcsv counting the fields of both
# files): 10^5 people in Forms-shaped exports matched by name, 5 % of
# the post-test names misspelt by one letter and 5 % of the people
# without a post-test, with 20 questions (issue #23's shape) and 40.
# CPU time, best of 3 each. Target: ibm-score <= 2x the parse of both
# files, with and without --fuzzy --summary --items.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
BUILD=${BUILD:-$here/../../build}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/ibmkit-bench}
ROWS=${PREPOST_BENCH_ROWS:-100000}
mkdir -p "$BENCH_DIR"
cc -O2 -o "$BENCH_DIR/score_gen" "$here/score_gen.c"
cc -O2 -o "$BENCH_DIR/score_parse" "$here/score_parse.c" -lcsv
# the Forms-shaped export of the issue (20 questions), and 40
for nq in 20 40; do
	pre=$BENCH_DIR/score-pre-$ROWS-$nq.csv
	post=$BENCH_DIR/score-post-$ROWS-$nq.csv
	key=$BENCH_DIR/score-prepost-key-$nq.csv
	if [ ! -s "$pre" ] || [ ! -s "$post" ] || [ ! -s "$key" ]; then
		"$BENCH_DIR/score_gen" "$ROWS" 20240624 "$key" pre $nq \
			> "$pre.tmp"
		"$BENCH_DIR/score_gen" "$ROWS" 20240624 "$key" post $nq \
			> "$post.tmp"
		mv "$pre.tmp" "$pre"
		mv "$post.tmp" "$post"
	fi
	cat "$pre" "$post" > /dev/null # into the page cache
	echo "-- $ROWS people, $nq questions, names only:" \
	     "$(wc -c < "$pre") + $(wc -c < "$post") bytes"
	# CPU time, best of 3 each (lib.sh)
	cpu pp-parse-$nq 3 sh -c '"$1" "$2" && "$1" "$3"' sh \
		"$BENCH_DIR/score_parse" "$pre" "$post"
	cpu pp-plain-$nq 3 "$BUILD/bin/ibm-score" -k "$key" --pre "$pre" \
		--post "$post"
	cpu pp-fuzzy-$nq 3 "$BUILD/bin/ibm-score" -k "$key" --pre "$pre" \
		--post "$post" --fuzzy --summary "$BENCH_DIR/pp-s.csv" \
		--items "$BENCH_DIR/pp-i.csv"
	echo "pre/post / bare parse of both: $(ratio pp-parse-$nq \
		pp-plain-$nq)x (target <= 2x)"
	echo "pre/post --fuzzy --summary --items / bare parse: $(ratio \
		pp-parse-$nq pp-fuzzy-$nq)x (target <= 2x)"
	# every person is in the output once; the misspelt names are
	# matched only with --fuzzy
	awk -F, 'END { print "rows (no --fuzzy): " NR - 1 }' \
		"$BENCH_DIR/pp-plain-$nq.out"
	awk -F, 'END { print "rows (--fuzzy):    " NR - 1 }' \
		"$BENCH_DIR/pp-fuzzy-$nq.out"
done
rm -f "$BENCH_DIR"/pp-*.out
