# tests/bench/lib.sh - what the bench cases share (sourced, not run; needs
# BENCH_DIR).

# one NAME CMD...: one run of CMD timed, its standard output in
# $BENCH_DIR/NAME.out (standard error dropped); the best wall time so far
# and that run's peak RSS in $BENCH_DIR/NAME.t and NAME.m. Cases call it
# in turns (parse, tool, parse, ...) so that both see the same load.
one() {
	name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$BENCH_DIR/time" "$@" \
		> "$BENCH_DIR/$name.out" 2> /dev/null
	t=$(cut -d' ' -f1 < "$BENCH_DIR/time")
	if [ ! -f "$BENCH_DIR/$name.t" ] ||
	   awk "BEGIN{exit !($t < $(cat "$BENCH_DIR/$name.t"))}"; then
		echo "$t" > "$BENCH_DIR/$name.t"
		cut -d' ' -f2 < "$BENCH_DIR/time" > "$BENCH_DIR/$name.m"
	fi
}

# show NAME [LABEL]: the line "LABEL  seconds s  peak KB" of NAME's best run
show() {
	printf '%-28s %7.2f s %8d KB\n' "${2:-$1}" "$(cat "$BENCH_DIR/$1.t")" \
		"$(cat "$BENCH_DIR/$1.m")"
}
