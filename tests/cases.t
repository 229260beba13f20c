#!/bin/sh
# tests/cases.t - run every end-to-end case and print TAP.
#
# A case is a directory tests/cases/TOOL/NAME/ holding:
#   cmd      shell commands, run by sh in the case directory with the tools
#            first in PATH and $T set to a fresh temporary directory
#   stdin    standard input (optional; else /dev/null)
#   expout   expected standard output (optional: absent means empty)
#   experr   expected standard error, with $T written as the two
#            characters "$T" (optional: absent means empty)
#   status   expected exit status (optional: absent means 0)
#   locales  the LC_ALL values to run it under (optional: "C")
# The environment is fixed: TZ=UTC, SOURCE_DATE_EPOCH=1719187200.
# With VALGRIND=1 every tool runs under valgrind (errors and leaks fail).
# With WINE=1 the tools are the Windows .exe files of $WIN/bin run under
# Wine (make check-windows); there a case whose result legitimately differs
# on Windows gives it in expout.windows, experr.windows or status.windows,
# and a case that cannot run there gives the reason in skip.windows.
# CASES=glob (e.g. CASES='csv/*') runs only the matching cases.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-/usr/bin/python3}
bin=$BUILD/bin
path=$bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

if [ "${VALGRIND:-0}" = 1 ]; then
	mkdir "$work/vg"
	for t in "$bin"/*; do
		n=$(basename "$t")
		cat > "$work/vg/$n" <<EOW
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
	"$t" "\$@"
EOW
		chmod +x "$work/vg/$n"
	done
	path=$work/vg
fi

sfx=""
if [ "${WINE:-0}" = 1 ]; then
	mkdir "$work/wine"
	for t in "${WIN:-$top/build-win64}"/bin/*.exe; do
		n=$(basename "$t" .exe)
		# Wine passes arguments to Windows through the Unix locale
		cat > "$work/wine/$n" <<EOW
#!/bin/sh
LC_ALL=C.UTF-8 exec wine "$t" "\$@"
EOW
		chmod +x "$work/wine/$n"
	done
	path=$work/wine
	sfx=.windows
fi
# the expected file F of case C: F.windows instead of F under Wine
want() {
	if [ -n "$sfx" ] && [ -f "$1/$2$sfx" ]; then
		echo "$1/$2$sfx"
	else
		echo "$1/$2"
	fi
}

cd "$top/tests/cases" || exit 1
cases=$(ls -d ${CASES:-*/*} 2>/dev/null | sort)
n=0
for c in $cases; do
	[ -f "$c/cmd" ] || continue
	locs=C
	[ -f "$c/locales" ] && locs=$(cat "$c/locales")
	for l in $locs; do n=$((n + 1)); done
done
echo "1..$n"
i=0
for c in $cases; do
	[ -f "$c/cmd" ] || continue
	locs=C
	[ -f "$c/locales" ] && locs=$(cat "$c/locales")
	for loc in $locs; do
		i=$((i + 1))
		if [ -n "$sfx" ] && [ -f "$c/skip$sfx" ]; then
			echo "ok $i - $c ($loc) # skip $(head -1 "$c/skip$sfx")"
			continue
		fi
		T=$work/case$i
		# under Wine a case that fails is run once more (Wine's own
		# start-up now and then fails a program: status 1, no output);
		# a real failure fails both times
		for attempt in 1 2; do
		rm -rf "$T"
		mkdir -p "$T"
		in=/dev/null
		[ -f "$c/stdin" ] && in=$c/stdin
		(cd "$c" && env PATH="$path:$PATH" T="$T" LC_ALL="$loc" TZ=UTC \
			SOURCE_DATE_EPOCH=1719187200 PYTHON="$PYTHON" \
			TOP="$top" sh ./cmd) <"$in" >"$T/.out" 2>"$T/.err0"
		echo $? >"$T/.status"
		sed "s|$T|\$T|g" "$T/.err0" >"$T/.err"
		want_status=0
		f=$(want "$c" status)
		[ -f "$f" ] && want_status=$(cat "$f")
		expout=$(want "$c" expout)
		experr=$(want "$c" experr)
		fail=""
		if [ -f "$expout" ]; then
			cmp -s "$expout" "$T/.out" || fail="$fail stdout"
		else
			[ -s "$T/.out" ] && fail="$fail stdout"
		fi
		if [ -f "$experr" ]; then
			cmp -s "$experr" "$T/.err" || fail="$fail stderr"
		else
			[ -s "$T/.err" ] && fail="$fail stderr"
		fi
		[ "$(cat "$T/.status")" = "$want_status" ] || fail="$fail status"
		if [ -z "$fail" ] || [ -z "$sfx" ] || [ $attempt = 2 ]; then
			break
		fi
		echo "# $c ($loc): failed under Wine; run again" >&2
		done
		if [ -z "$fail" ]; then
			echo "ok $i - $c ($loc)"
		else
			echo "not ok $i - $c ($loc):$fail"
			# the details go to stderr, which prove shows without -v
			echo "# $c ($loc):$fail" >&2
			echo "#   status: $(cat "$T/.status"), expected $want_status" >&2
			for s in $fail; do
				case $s in
				stdout) exp=$expout; got=$T/.out ;;
				stderr) exp=$experr; got=$T/.err ;;
				*) continue ;;
				esac
				[ -f "$exp" ] || exp=/dev/null
				diff -u "$exp" "$got" | head -40 | sed 's/^/#   /' >&2
			done
		fi
		rm -rf "$T"
	done
done
