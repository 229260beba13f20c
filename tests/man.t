#!/bin/sh
# tests/man.t - every man page is clean under mandoc -Tlint and groff, every
# tool has one, every long option a tool's --help names is in its man page,
# and --help lists every option its man page describes.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
tools=$(cd "$top/cmd" && ls *.c | sed 's/\.c$//')
n=2
for t in $tools; do n=$((n + 5)); done
echo "1..$n"
i=1
if out=$(mandoc -Tlint -W warning "$top"/man/*.[1-9] 2>&1) && [ -z "$out" ]; then
	echo "ok $i - mandoc -Tlint"
else
	echo "not ok $i - mandoc -Tlint"
	echo "$out" | sed 's/^/# /' | head -20
fi
# groff, what man(1) runs, warns about other things (.%J outside .Rs,
# a line it cannot break); and a quote opened inside a quote (".Dq a ,
# Dq b" nests: write Do a Dc , Do b Dc) is garbled under both
i=$((i + 1))
out=""
for f in "$top"/man/*.[1-9]; do
	out="$out$(groff -mdoc -Tutf8 -ww -z "$f" 2>&1)"
	out="$out$(groff -mdoc -Tutf8 "$f" 2>/dev/null | col -b |
		grep -n '“[^”]*“' | sed "s|^|$(basename "$f"): nested quotes: |")"
done
if [ -z "$out" ]; then
	echo "ok $i - groff -mdoc -ww, no nested quotes"
else
	echo "not ok $i - groff -mdoc -ww, no nested quotes"
	echo "$out" | sed 's/^/# /' | head -20
fi
for t in $tools; do
	i=$((i + 1))
	page=$top/man/$t.1
	if [ -f "$page" ]; then echo "ok $i - $t has $t.1"; else echo "not ok $i - $t has $t.1"; fi
	i=$((i + 1))
	missing=""
	for o in $("$BUILD/bin/$t" --help 2>/dev/null | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
		grep -q -- "^\.It .*Fl -${o#--}\b" "$page" 2>/dev/null ||
		grep -q -- "Fl -${o#--}\b" "$page" 2>/dev/null ||
			missing="$missing $o"
	done
	if [ -z "$missing" ]; then
		echo "ok $i - $t.1 documents every option of $t --help"
	else
		echo "not ok $i - $t.1 lacks:$missing"
	fi
	# and --help lists every option the man page describes
	i=$((i + 1))
	missing=""
	for o in $(grep '^\.It ' "$page" 2>/dev/null |
		   grep -o 'Fl -[a-z][a-z0-9-]*' | sed 's/^Fl -//' | sort -u); do
		"$BUILD/bin/$t" --help 2>/dev/null | grep -q -- "--$o\b" ||
			missing="$missing --$o"
	done
	if [ -z "$missing" ]; then
		echo "ok $i - $t --help lists every option of $t.1"
	else
		echo "not ok $i - $t --help lacks:$missing"
	fi
	# the usage lines (the help up to its first blank line) name every
	# option the help describes, by its long or its short name
	i=$((i + 1))
	help=$("$BUILD/bin/$t" --help 2>/dev/null)
	syn=$(printf '%s\n' "$help" | sed '/^$/,$d')
	missing=""
	for o in $(printf '%s\n' "$help" | sed '1,/^$/d' |
		   grep -o '^ *\(-[a-zA-Z], \)\?--[a-z][a-z0-9-]*' |
		   sed 's/^ *//; s/, /,/'); do
		long=${o#*--}
		short=""
		case $o in -?,*) short=$(printf '%s' "$o" | cut -c2) ;; esac
		printf '%s\n' "$syn" | grep -q -- "--$long\b" && continue
		[ -n "$short" ] && printf '%s\n' "$syn" |
			grep -q -- "\[-[a-zA-Z]*$short[a-zA-Z]*\]\|-$short[] ]" &&
			continue
		missing="$missing --$long"
	done
	if [ -z "$missing" ]; then
		echo "ok $i - $t's usage lines name every option"
	else
		echo "not ok $i - $t's usage lines lack:$missing"
	fi
	i=$((i + 1))
	long=$(printf '%s\n' "$help" | awk 'length > 80')
	if [ -z "$long" ]; then
		echo "ok $i - $t --help fits 80 columns"
	else
		echo "not ok $i - $t --help has lines over 80 columns"
		printf '%s\n' "$long" | sed 's/^/# /'
	fi
done
