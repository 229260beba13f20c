#!/bin/sh
# tests/outputs.t - output files in shared folders and the all-or-nothing
# commit across tools (ibmkit(7), OUTPUT FILES): a symbolic link of
# another user in a sticky world-writable folder (/tmp) is not followed
# (as fs.protected_symlinks does not follow it), while one's own link or
# the folder owner's is; a rename that fails in the middle of a commit
# puts back the outputs already replaced. The links of another user need
# root (chown -h); without it those tests are skipped.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PATH=$BUILD/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "1..5"
i=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); echo "not ok $i - $1"; shift; for m; do echo "# $m"; done; }
check() { # check NAME CONDITION-STATUS DETAILS...
	n=$1 st=$2
	shift 2
	if [ "$st" = 0 ]; then ok "$n"; else notok "$n" "$@"; fi
}
d=$top/tests/data/score
cd "$work" || exit 1
chmod 755 "$work"
mkdir -m 1777 shared
echo rahasia > victim.csv
other=$(id -u nobody 2>/dev/null)

# 1: another user's link in a sticky world-writable folder: refused (73)
# naming the link; the file it names is not touched
if [ "$(id -u)" = 0 ] && [ -n "$other" ]; then
	ln -s "$work/victim.csv" shared/ringkasan.csv
	chown -h nobody shared/ringkasan.csv
	ibm-score -k "$d/key.csv" --summary shared/ringkasan.csv "$d/pre.csv" \
		> /dev/null 2> err
	st=$?
	check "another user's link in a shared folder: 73, not followed" \
		"$([ $st = 73 ] && [ "$(cat victim.csv)" = rahasia ] &&
		   grep -q '^ibm-score: shared/ringkasan.csv: cannot create: shared/ringkasan.csv is a symbolic link of another user in a shared sticky folder' err &&
		   [ -L shared/ringkasan.csv ]; echo $?)" "status $st" "$(cat err)"
else
	ok "# SKIP needs root to make another user's link"
fi

# 2: the folder owner's link there is followed (root owns the folder)
if [ "$(id -u)" = 0 ] && [ -n "$other" ]; then
	mkdir -m 1777 shared2
	chown nobody shared2
	ln -s "$work/victim.csv" shared2/ringkasan.csv
	chown -h nobody shared2/ringkasan.csv
	ibm-score -k "$d/key.csv" --summary shared2/ringkasan.csv "$d/pre.csv" \
		> /dev/null 2> err
	st=$?
	check "the folder owner's link: followed" \
		"$([ $st = 0 ] && grep -q '^statistic,' victim.csv && [ -L shared2/ringkasan.csv ]; echo $?)" \
		"status $st" "$(cat err)"
	echo rahasia > victim.csv
else
	ok "# SKIP needs root to make another user's folder"
fi

# 3: one's own link in a shared folder is followed, as the kernel does
ln -s "$work/victim.csv" shared/mine.csv
ibm-score -k "$d/key.csv" --summary shared/mine.csv "$d/pre.csv" > /dev/null 2> err
st=$?
check "one's own link in a shared folder: followed" \
	"$([ $st = 0 ] && grep -q '^statistic,' victim.csv && [ -L shared/mine.csv ]; echo $?)" \
	"status $st" "$(cat err)"

# 4: a rename that fails in the middle (the last output, as over a
# bind-mounted file): the outputs replaced before it are put back, the
# same files (a hard link to one still sees the old contents)
echo lama > s.csv
echo lama > i.csv
ln s.csv s-link.csv
IBMKIT_TEST_FAIL_RENAME=r.xlsx ibm-score -k "$d/key.csv" --summary s.csv \
	--items i.csv --report r.xlsx "$d/pre.csv" > /dev/null 2> err
st=$?
check "a rename failing in the middle: 73, every file as it was" \
	"$([ $st = 73 ] && [ "$(cat s.csv)" = lama ] && [ "$(cat i.csv)" = lama ] &&
	   [ s.csv -ef s-link.csv ] && [ ! -e r.xlsx ] &&
	   [ -z "$(ls -A | grep ibmkit)" ] &&
	   grep -q '^ibm-score: r.xlsx: cannot replace: Device or resource busy; no file was changed$' err;
	   echo $?)" "status $st" "$(cat err)" "$(ls -A)"

# 5: the same run without the failure replaces all three
ibm-score -k "$d/key.csv" --summary s.csv --items i.csv --report r.xlsx \
	"$d/pre.csv" > /dev/null 2> err
st=$?
check "without the failure: all three replaced, no file left over" \
	"$([ $st = 0 ] && grep -q '^statistic,' s.csv && [ -s r.xlsx ] &&
	   [ "$(cat s-link.csv)" = lama ] && [ -z "$(ls -A | grep ibmkit)" ]; echo $?)" \
	"status $st" "$(cat err)" "$(ls -A)"
