#!/bin/sh
# tests/readme.t - the pipeline examples of README.md run as they stand:
# each indented block that calls an ibm- tool runs with `set -e` in a copy
# of examples/, in the folder its first line names ("# in examples/bimtek/");
# without one, ibm-monev blocks in monev/, ibm-invite, ibm-score and
# ibm-survey and ibm-spj blocks in bimtek/, others in examples/ itself ("cd examples/..."
# lines skipped). Then every file the blocks wrote must be left out of git
# by examples/.gitignore (when the tree is a git clone).
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$top/examples" "$work/ex"
rm -rf "$work/ex/out"
# split the README into blocks: block N in $work/blockN
awk -v dir="$work" '
	/^    / { if (!inb) { n++; inb = 1 } sub(/^    /, ""); print > (dir "/block" n); next }
	/^$/ { next }
	{ inb = 0 }
' "$top/README.md"
blocks=""
# in README order (block10 after block9)
k=1
while [ -f "$work/block$k" ]; do
	b=$work/block$k
	grep -q '^ibm-\|[ (]ibm-[a-z]* ' "$b" && blocks="$blocks $b"
	k=$((k + 1))
done
set -- $blocks
echo "1..$(($# + 1))"
(cd "$work/ex" && find . -type f | sort) > "$work/before"
i=0
for b; do
	i=$((i + 1))
	case $(cat "$b") in
	*ibm-monev*) d=$work/ex/monev ;;
	*ibm-invite*|*ibm-score*|*ibm-survey*|*ibm-spj*) d=$work/ex/bimtek ;;
	*) d=$work/ex ;;
	esac
	where=$(sed -n '1s|^# in examples/*||p' "$b")
	[ -n "$(sed -n '1{/^# in examples/p}' "$b")" ] && d=$work/ex/$where
	first=$(grep -v '^cd \|^#' "$b" | head -1)
	if out=$(cd "$d" && grep -v '^cd ' "$b" |
		PATH="$BUILD/bin:$PATH" sh -e 2>&1); then
		echo "ok $i - README: $first"
	else
		echo "not ok $i - README: $first"
		echo "$out" | tail -10 | sed 's/^/# /'
	fi
done
# what the examples wrote: ignored by git, so that trying them leaves the
# clone clean
i=$((i + 1))
(cd "$work/ex" && find . -type f | sort) > "$work/after"
if git -C "$top" rev-parse --git-dir > /dev/null 2>&1; then
	left=""
	for f in $(comm -13 "$work/before" "$work/after" | sed 's|^\./||'); do
		git -C "$top" check-ignore -q --no-index "examples/$f" ||
			left="$left examples/$f"
	done
	if [ -z "$left" ]; then
		echo "ok $i - README examples leave no untracked files"
	else
		echo "not ok $i - README examples leave untracked files:$left"
	fi
else
	echo "ok $i - README examples leave no untracked files # skip not a git clone"
fi
