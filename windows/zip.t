#!/bin/sh
# windows/zip.t - the Windows zip as a user gets it: unpacked into an empty
# folder, each tool's --version and every example of BACA-SAYA.txt (its
# lines indented four spaces that start with "ibm-") run there through
# cmd.exe under Wine; each example's output files are compared byte for
# byte with the Linux build's ($BUILD/bin) from the same command. Then the
# scheduled-task sample jalankan-monev.bat, file names with spaces and
# letters outside Windows-1252 (given to the .exe directly, as Explorer and
# Task Scheduler do: Wine's cmd.exe reads batch files in code page 437),
# and an existing output replaced. Needs ZIP (the zip's path) and a Wine
# prefix (windows/check.sh).
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
WIN=${WIN:-$top/build-win64}
ZIP=${ZIP:-$(ls "$WIN"/ibmkit-*-win64.zip | head -1)}
export SOURCE_DATE_EPOCH=1719187200 TZ=UTC
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/win" "$work/linux"
(cd "$work/win" && unzip -q "$ZIP") || { echo "1..0 # cannot unzip"; exit 1; }
d=$(ls -d "$work"/win/ibmkit-*-win64)
ver=$(sed -n 's/^#define IBMKIT_VERSION "\(.*\)"/\1/p' "$top/lib/core/ibmkit.h")
tools=$(cd "$d" && ls ibm-*.exe | sed 's/\.exe$//')
grep '^    ibm-' "$d/BACA-SAYA.txt" | tr -d '\r' | sed 's/^    //' >"$work/examples"
nex=$(wc -l <"$work/examples")
set -- $tools
echo "1..$(($# + nex + 3))"
i=0

# run a command line through cmd.exe in the unpacked folder (from a batch
# file: Wine would quote the quotes of "cmd /c LINE" with backslashes)
wcmd() {
	printf '@echo off\r\n%s\r\n' "$1" >"$work/cmd.bat"
	(cd "$d" && LC_ALL=C.UTF-8 wine cmd /c "$work/cmd.bat" </dev/null)
}

for t in $tools; do
	i=$((i + 1))
	out=$(wcmd "$t --version" 2>&1 | tr -d '\r')
	if [ "$out" = "$t (ibmkit) $ver" ]; then
		echo "ok $i - $t --version"
	else
		printf 'not ok %s - %s --version: %s\n' "$i" "$t" "$out"
	fi
done

# the same example on Linux, in a copy of the folder without the .exe
cp -R "$d/examples" "$work/linux/examples"
while IFS= read -r cmd; do
	i=$((i + 1))
	ls -A "$d" | sort >"$work/before"
	if ! wcmd "$cmd" >"$work/out" 2>"$work/err"; then
		printf 'not ok %s - %s: status %s\n' "$i" "$cmd" "$?"
		sed 's/^/# /' "$work/err"
		continue
	fi
	ls -A "$d" | sort | comm -13 "$work/before" - >"$work/new"
	lcmd=$(printf '%s\n' "$cmd" | tr '\\' '/')
	(cd "$work/linux" && PATH="$BUILD/bin:$PATH" sh -c "$lcmd") \
		>"$work/lout" 2>"$work/lerr"
	# the same bytes, but for the paths in messages ("examples\x.csv")
	bad=""
	tr '\\' / <"$work/out" | cmp -s - "$work/lout" || bad="$bad stdout"
	for f in $(cat "$work/new"); do
		case $cmd in
		# a wildcard's files come in the Unix directory's order under
		# Wine (sorted on NTFS): the workbook lists them in that order
		*'*'*) case $f in *.xlsx) [ -s "$d/$f" ] || bad="$bad $f"
			continue ;; esac ;;
		esac
		cmp -s "$d/$f" "$work/linux/$f" || bad="$bad $f"
	done
	case $cmd in *'>'*) [ -s "$work/new" ] || bad="$bad (no output file)" ;; esac
	if [ -z "$bad" ]; then
		printf 'ok %s - %s (%s)\n' "$i" "$cmd" "$(tr '\n' ' ' <"$work/new")"
	else
		printf 'not ok %s - %s: differs from Linux:%s\n' "$i" "$cmd" "$bad"
	fi
done <"$work/examples"

# the scheduled task sample: unit.csv and monev.xlsx in hasil-monev\, read
# from the forms only: run twice, the same recap (its outputs are not read
# as forms); a broken form: the run fails and the last unit.csv stays,
# with no empty or temporary file
i=$((i + 1))
h=$d/hasil-monev
bad=""
wcmd "jalankan-monev.bat" >/dev/null 2>&1 || bad="$bad status"
cp "$h/unit.csv" "$work/unit1.csv" 2>/dev/null || bad="$bad unit.csv"
[ -s "$h/monev.xlsx" ] || bad="$bad monev.xlsx"
grep -q '^ibm-monev: ' "$h/monev-log.txt" || bad="$bad log"
wcmd "jalankan-monev.bat" >/dev/null 2>&1 || bad="$bad status2"
cmp -s "$h/unit.csv" "$work/unit1.csv" || bad="$bad second-run"
mkdir "$d/rusak"
cp "$d/examples/monev/bnnp-ntb.csv" "$d/rusak/"
printf 'bukan,formulir\n1,2\n' >"$d/rusak/lain.csv"
FORMULIR=rusak wcmd "jalankan-monev.bat" >/dev/null 2>&1 && bad="$bad broken-form-status"
cmp -s "$h/unit.csv" "$work/unit1.csv" || bad="$bad unit.csv-changed"
[ -z "$(ls "$h" | grep -v -x -e unit.csv -e monev.xlsx -e monev-log.txt)" ] ||
	bad="$bad left:$(ls "$h" | tr '\n' ' ')"
rm -rf "$d/rusak"
if [ -z "$bad" ]; then
	echo "ok $i - jalankan-monev.bat (forms only, unit.csv kept on failure)"
else
	echo "not ok $i - jalankan-monev.bat:$bad"
fi

# a file name with spaces and letters outside Windows-1252, through cmd
i=$((i + 1))
cp "$d/examples/peserta-excel.csv" "$d/data peserta ü 日本.csv"
(cd "$d" && LC_ALL=C.UTF-8 wine ./ibm-csv.exe clean "data peserta ü 日本.csv" \
	2>/dev/null) >"$work/wclean"
(cd "$d" && LC_ALL=C.UTF-8 wine ./ibm-monev.exe -o "mönev 日本.xlsx" \
	examples/monev/bnnp-ntb.csv >/dev/null 2>&1)
(cd "$work/linux" && "$BUILD/bin/ibm-csv" clean examples/peserta-excel.csv \
	2>/dev/null) >"$work/clean"
if [ -s "$work/clean" ] && cmp -s "$work/wclean" "$work/clean" &&
	[ -s "$d/mönev 日本.xlsx" ]; then
	echo "ok $i - non-ASCII file names"
else
	echo "not ok $i - non-ASCII file names"
fi

# an output replaced in place (MoveFileEx), no temporary file left
i=$((i + 1))
wcmd 'ibm-monev -o monev.xlsx examples\monev\bnnp-ntb.csv > unit.csv' 2>/dev/null
if [ -s "$d/monev.xlsx" ] && [ -z "$(ls -A "$d" | grep '^\.')" ]; then
	echo "ok $i - existing output replaced, no temporary file left"
else
	echo "not ok $i - existing output replaced, no temporary file left"
fi
