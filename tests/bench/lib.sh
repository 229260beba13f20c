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

# best_of N CMD...: "wall cpu rss" (wall seconds, user + system seconds,
# peak KB) of the best of N runs of CMD by CPU time, which the load of
# other work on the machine disturbs less than the wall time; CMD's
# standard output to $BEST_OUT (/dev/null when unset).
best_of() {
	runs=$1
	shift
	best=""
	i=0
	while [ $i -lt "$runs" ]; do
		/usr/bin/time -f '%e %U %S %M' -o "$BENCH_DIR/.time" "$@" \
			> "${BEST_OUT:-/dev/null}"
		cur=$(awk '{ printf "%s %.2f %s", $1, $2 + $3, $4 }' \
			"$BENCH_DIR/.time")
		if [ -z "$best" ] || awk -v a="$cur" -v b="$best" 'BEGIN {
			split(a, x, " "); split(b, y, " "); exit !(x[2] < y[2]) }'
		then
			best=$cur
		fi
		i=$((i + 1))
	done
	echo "$best"
}

# cpu NAME N CMD...: best_of N runs of CMD (standard output in
# $BENCH_DIR/NAME.out, standard error dropped); prints and keeps in
# $BENCH_DIR/NAME.r "cpu_s peak_kB".
cpu() {
	name=$1
	n=$2
	shift 2
	BEST_OUT=$BENCH_DIR/$name.out
	best_of "$n" "$@" 2> /dev/null | awk '{ print $2, $3 }' \
		> "$BENCH_DIR/$name.r"
	unset BEST_OUT
	printf '%-34s %8s s %10s KB\n' "$name" $(cat "$BENCH_DIR/$name.r")
}

# growth NAME1 NAME2 N1 N2: the exponent k of time ~ size^k between two
# runs kept by cpu (1: linear)
growth() {
	awk -v a="$(cut -d' ' -f1 "$BENCH_DIR/$1.r")" \
	    -v b="$(cut -d' ' -f1 "$BENCH_DIR/$2.r")" -v m="$3" -v n="$4" \
	    'BEGIN { if (a <= 0) a = 0.01; printf "%.2f", log(b / a) / log(n / m) }'
}

# ratio NAME1 NAME2: CPU time of NAME2 over NAME1
ratio() {
	awk -v a="$(cut -d' ' -f1 "$BENCH_DIR/$1.r")" \
	    -v b="$(cut -d' ' -f1 "$BENCH_DIR/$2.r")" \
	    'BEGIN { if (a <= 0) a = 0.01; printf "%.2f", b / a }'
}
