#!/bin/sh
# windows/pack.sh ZIP EXE... - the Windows zip: the .exe files, the man pages
# as HTML (doc/), the examples, BACA-SAYA.txt (the Indonesian README for
# Windows users) and the sample scheduled task, in one folder named like
# the zip. Text for Notepad gets CRLF line ends; the timestamps are
# SOURCE_DATE_EPOCH's when set, so the zip is reproducible.
set -eu
zip=$1
shift
top=$(cd "$(dirname "$0")/.." && pwd)
name=$(basename "$zip" .zip)
stage=$(dirname "$zip")/stage
rm -rf "$stage"
mkdir -p "$stage/$name/doc"
d=$stage/$name
cp "$@" "$d/"
for m in "$top"/man/*.[1-9]; do
	b=$(basename "$m")
	mandoc -Thtml -Ostyle=mandoc.css,man=%N.%S.html "$m" >"$d/doc/$b.html"
done
cp "$top/windows/mandoc.css" "$d/doc/"
cp -R "$top/examples" "$d/examples"
rm -rf "$d/examples/out" "$d/examples/pipeline.sh"
sed 's/$/\r/' "$top/windows/BACA-SAYA.txt" | sed "s/VERSI-win64/${name#ibmkit-}/g" \
	>"$d/BACA-SAYA.txt"
cp "$top/windows/jalankan-monev.bat" "$d/"
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
	find "$d" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
fi
rm -f "$zip"
zip=$(cd "$(dirname "$zip")" && pwd)/$(basename "$zip")
(cd "$stage" && find "$name" | LC_ALL=C sort | zip -q -X -D "$zip" -@)
rm -rf "$stage"
echo "$zip"
