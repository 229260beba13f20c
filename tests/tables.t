#!/bin/sh
# tests/tables.t - the data tables compiled into the tools (lib/core/*.txt:
# degrees and titles, yes/no answers) are listed in full in ibmkit(7), so
# that the manual says what the tools do; and they parse (tab-separated,
# a known second column).
top=$(cd "$(dirname "$0")/.." && pwd)
echo "1..2"
page=$(man -l "$top/man/ibmkit.7" 2>/dev/null | col -b | tr -s ' \n' '  ')
[ -n "$page" ] || page=$(mandoc -Tutf8 "$top/man/ibmkit.7" | col -b | tr -s ' \n' '  ')
missing=""
for f in titles yesno; do
	missing="$missing$(grep -v '^#' "$top/lib/core/$f.txt" | grep . | cut -f1 |
		while IFS= read -r w; do
			case $page in *"‘$w’"*) ;; *) printf ' %s' "$w" ;; esac
		done)"
done
if [ -z "$missing" ]; then
	echo "ok 1 - every title and answer is in ibmkit(7)"
else
	echo "not ok 1 - every title and answer is in ibmkit(7)"
	echo "# missing:$missing"
fi
bad=$(grep -v '^#' "$top/lib/core/titles.txt" "$top/lib/core/yesno.txt" | grep ':.' |
	awk -F '\t' '$2 !~ /^(before|after|yes|no)$/')
if [ -z "$bad" ]; then
	echo "ok 2 - every line is an entry, a tab and before, after, yes or no"
else
	echo "not ok 2 - every line is an entry, a tab and before, after, yes or no"
	echo "$bad" | sed 's/^/# /'
fi
