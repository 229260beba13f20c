#!/bin/sh
# tests/install.t - make install and make uninstall honour PREFIX and DESTDIR.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
echo "1..3"
make -s -C "$top" BUILD="$BUILD" install DESTDIR="$d" PREFIX=/opt/ibm \
	>/dev/null 2>&1
ok=1
for t in "$top"/cmd/*.c; do
	n=$(basename "$t" .c)
	[ -x "$d/opt/ibm/bin/$n" ] || { ok=0; echo "# missing bin/$n"; }
	[ -f "$d/opt/ibm/share/man/man1/$n.1" ] || { ok=0; echo "# missing man1/$n.1"; }
done
[ $ok = 1 ] && echo "ok 1 - every tool and its man page installed" ||
	echo "not ok 1 - every tool and its man page installed"
[ -f "$d/opt/ibm/share/man/man7/ibmkit.7" ] && echo "ok 2 - ibmkit.7 installed" ||
	echo "not ok 2 - ibmkit.7 installed"
make -s -C "$top" BUILD="$BUILD" uninstall DESTDIR="$d" PREFIX=/opt/ibm \
	>/dev/null 2>&1
left=$(find "$d" -type f | wc -l)
[ "$left" = 0 ] && echo "ok 3 - uninstall removes every file" ||
	echo "not ok 3 - uninstall left $left files"
