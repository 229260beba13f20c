#!/bin/sh
# tests/man.t - every man page is clean under mandoc -Tlint, every tool has
# one, and every long option a tool's --help names is in its man page.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
tools=$(cd "$top/cmd" && ls *.c | sed 's/\.c$//')
n=1
for t in $tools; do n=$((n + 2)); done
echo "1..$n"
i=1
if out=$(mandoc -Tlint -W warning "$top"/man/*.[1-9] 2>&1) && [ -z "$out" ]; then
	echo "ok $i - mandoc -Tlint"
else
	echo "not ok $i - mandoc -Tlint"
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
done
