#!/bin/sh
# tests/render.t - the workbooks as people print them: the example
# pipeline's workbooks (the database's export too) converted to PDF by LibreOffice (one soffice run for
# all), then tests/pdfcheck.py: no text under 8 pt on paper, no two words
# overlapping; and the daftar hadir's footer counts each day's own pages.
top=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
books="daftar-hadir hasil-tes monev rehabilitasi"
echo "1..8"
# the README's pictures (make pictures) are there
missing=""
for f in $(grep -o 'doc/img/[a-z0-9-]*\.png' "$top/README.md"); do
	head -c 4 "$top/$f" 2>/dev/null | grep -q PNG || missing="$missing $f"
done
# the checker itself finds small text and overlapping words
checker() {
	"$PYTHON" "$top/tests/data/render/badpdf.py" "$out/bad.pdf"
	if ! "$PYTHON" "$top/tests/pdfcheck.py" "$out/bad.pdf" >"$out/.bad" &&
		grep -q "1 texts under 8 pt, the smallest 5.0 pt" "$out/.bad" &&
		grep -q 'words overlap: "Overlap" and "Words"' "$out/.bad"; then
		echo "ok 8 - pdfcheck.py finds 5-pt text and overlapping words"
	else
		echo "not ok 8 - pdfcheck.py on a bad PDF"
		sed 's/^/# /' "$out/.bad"
	fi
}
pictures() {
	if [ -z "$missing" ]; then
		echo "ok 7 - README pictures present"
	else
		echo "not ok 7 - README pictures missing:$missing (make pictures)"
	fi
}
if ! command -v soffice >/dev/null 2>&1; then
	for i in 1 2 3 4 5 6; do echo "ok $i # skip no soffice (LibreOffice)"; done
	pictures
	checker
	exit 0
fi
OUT=$out/ex sh "$top/examples/pipeline.sh" >"$out/.log" 2>&1 ||
	{ sed 's/^/# /' "$out/.log" | tail -20; }
files=""
for b in $books; do files="$files $out/ex/$b.xlsx"; done
# shellcheck disable=SC2086
HOME=$out soffice -env:UserInstallation="file://$out/lo" --headless \
	--convert-to pdf --outdir "$out/pdf" $files >"$out/.soffice" 2>&1
i=0
for b in $books; do
	i=$((i + 1))
	if "$PYTHON" "$top/tests/pdfcheck.py" "$out/pdf/$b.pdf" \
		>"$out/.check" 2>&1; then
		echo "ok $i - $b: $(head -1 "$out/.check" | sed 's|.*/||')"
	else
		echo "not ok $i - $b printed by LibreOffice"
		sed 's/^/# /' "$out/.check" "$out/.soffice" | head -30
	fi
done
# the first day's sheet: the example's 30 participants, the spare rows
# and the signatory on one page, "Hari ke-1 · Halaman 1 dari 1" (the pages
# of that day's sheet, not the workbook's)
i=$((i + 1))
n=$(pdftotext "$out/pdf/daftar-hadir.pdf" - 2>/dev/null |
	grep -c 'Hari ke-1 . Halaman [0-9]* dari')
if [ "$n" -eq 1 ] && pdftotext "$out/pdf/daftar-hadir.pdf" - |
	grep -q "Hari ke-1 . Halaman 1 dari 1"; then
	echo "ok $i - daftar hadir: day 1 on one page, footer counts it"
else
	echo "not ok $i - daftar hadir: day 1 on $n pages"
fi
# Butir Soal prints several pages wide: each test's block of item columns
# whole on one page (eight "Pre-test:" columns on one page, eight
# "Post-test:" on another), never one column left over for a page
i=$((i + 1))
blocks=""
np=$(pdfinfo "$out/pdf/hasil-tes.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
p=1
while [ "$p" -le "${np:-0}" ]; do
	t=$(pdftotext -f $p -l $p "$out/pdf/hasil-tes.pdf" - 2>/dev/null)
	if echo "$t" | grep -q "Analisis Butir Soal"; then
		pre=$(echo "$t" | grep -o "Pre-test:" | wc -l)
		post=$(echo "$t" | grep -o "Post-test:" | wc -l)
		blocks="$blocks $pre/$post"
	fi
	p=$((p + 1))
done
if [ "$blocks" = " 8/0 0/8" ]; then
	echo "ok $i - Butir Soal: one page per test's columns"
else
	echo "not ok $i - Butir Soal pages (Pre-test:/Post-test: columns):$blocks"
fi
pictures
checker
