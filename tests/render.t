#!/bin/sh
# tests/render.t - the workbooks as people print them: the example
# pipeline's workbooks converted to PDF by LibreOffice (one soffice run for
# all), then tests/pdfcheck.py: no text under 8 pt on paper, no two words
# overlapping, no number touching the next cell's text, and "Halaman N
# dari M" run on through each workbook (the daftar hadir's footer counts
# each day's own pages). The Bimtek report (Word) is printed and checked
# the same way, and the evaluation workbook keeps its charts whole: the
# index's on the first page, one per element and per speaker. The score
# report with its roster and the Monev workbook of three periods are
# checked the same way; the blank Monev form is filled through
# LibreOffice (tests/lo_form.py); and LibreOffice itself
# (tests/lo_sheets.py) finds no text under a chart, no wrapped cell cut.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
books="daftar-hadir hasil-tes monev evaluasi"
echo "1..16"
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
		echo "ok 10 - pdfcheck.py finds 5-pt text and overlapping words"
	else
		echo "not ok 10 - pdfcheck.py on a bad PDF"
		sed 's/^/# /' "$out/.bad"
	fi
}
# the checker finds numbers run into the next cell's text, a lone
# signature, missing page numbers
checker2() {
	i=16
	"$PYTHON" "$top/tests/data/render/badpdf.py" "$out/bad2.pdf"
	"$PYTHON" "$top/tests/pdfcheck.py" --touching --pages --signed \
		"Dr. Test Signer" "$out/bad2.pdf" >"$out/.bad2"
	if grep -q 'a number touches the next text: "12"' "$out/.bad2" &&
		grep -q 'a number touches the next text: "5" and "Ya"' "$out/.bad2" &&
		grep -q "page 2 of 2 says no page number" "$out/.bad2" &&
		grep -q "page 2: the signature of Dr. Test Signer stands alone" "$out/.bad2"; then
		echo "ok $i - pdfcheck.py finds numbers touching text, a lone signature, missing page numbers"
	else
		echo "not ok $i - pdfcheck.py on a bad PDF (--touching --pages --signed)"
		sed 's/^/# /' "$out/.bad2"
	fi
}
pictures() {
	if [ -z "$missing" ]; then
		echo "ok 9 - README pictures present"
	else
		echo "not ok 9 - README pictures missing:$missing (make pictures)"
	fi
}
# the blank Monev form as LibreOffice itself reads, prints and saves it
# (tests/lo_form.py): every input cell of each numbered row unlocked and
# boxed, blank numbered rows printed on continuing pages with the header
# and the row numbers repeated, "Halaman N dari M" run on to the
# Petunjuk; filled through LibreOffice and read back by ibm-monev
form() {
	if ! command -v soffice >/dev/null 2>&1 ||
		! "$PYTHON" -c 'import uno' 2>/dev/null; then
		echo "ok 11 # skip no soffice or python3-uno"
		return
	fi
	mkdir -p "$out/form"
	fail=""
	"$BUILD/bin/ibm-monev" --form "$out/form/kosong.xlsx"
	(cd "$top/examples/monev" && "$BUILD/bin/ibm-monev" --form \
		"$out/form/daftar.xlsx" --units daftar/unit-ibm.csv --period 2024-S2)
	(cd "$top/tests" && "$PYTHON" lo_form.py "$out/form" \
		"$out/form/kosong.xlsx" "$out/form/daftar.xlsx") \
		>"$out/.form" 2>&1 || fail="$fail $(tr '\n' ' ' <"$out/.form")"
	for f in kosong daftar; do
		n=$("$BUILD/bin/ibm-monev" "$out/form/$f-filled.xlsx" \
			2>"$out/.err" | sed 1d | wc -l)
		[ "$n" = 4 ] && ! [ -s "$out/.err" ] ||
			fail="$fail $f: $n rows read back: $(head -2 "$out/.err")"
		"$PYTHON" "$top/tests/pdfcheck.py" --pages "$out/form/$f.pdf" \
			>"$out/.check" || fail="$fail $(tail -n +2 "$out/.check")"
	done
	# every printed page of the blank form: the header and numbered rows
	np=$(pdfinfo "$out/form/kosong.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	p=1
	while [ "$p" -lt "${np:-0}" ]; do
		pdftotext -f $p -l $p "$out/form/kosong.pdf" - >"$out/.p"
		grep -qx "No" "$out/.p" && grep -qx "[0-9][0-9]*" "$out/.p" ||
			fail="$fail page $p: no header or row numbers"
		p=$((p + 1))
	done
	[ "${np:-0}" -gt 4 ] || fail="$fail the blank form prints $np pages"
	if [ -z "$fail" ]; then
		echo "ok 11 - Monev form in LibreOffice: $(tr '\n' ' ' <"$out/.form")"
	else
		echo "not ok 11 - Monev form in LibreOffice:$fail"
	fi
}
if ! command -v soffice >/dev/null 2>&1; then
	for i in 1 2 3 4 5 6 7 8; do echo "ok $i # skip no soffice (LibreOffice)"; done
	pictures
	checker
	form
	for i in 12 13 14 15; do echo "ok $i # skip no soffice (LibreOffice)"; done
	checker2
	exit 0
fi
OUT=$out/ex sh "$top/examples/pipeline.sh" >"$out/.log" 2>&1 ||
	{ sed 's/^/# /' "$out/.log" | tail -20; }
# the Monev workbook over three periods with the list of units
d=$top/tests/data/monev
(cd "$d" && "$BUILD/bin/ibm-monev" -q --units units-ntb.csv \
	-o "$out/ex/periode.xlsx" s1.csv s2.csv s3-no-layanan.csv >/dev/null)
files="$out/ex/laporan-bimtek.docx $out/ex/hasil-tes-kehadiran.xlsx"
files="$files $out/ex/periode.xlsx $out/ex/rehabilitasi.xlsx"
for b in $books; do files="$files $out/ex/$b.xlsx"; done
# shellcheck disable=SC2086
HOME=$out soffice -env:UserInstallation="file://$out/lo" --headless \
	--convert-to pdf --outdir "$out/pdf" $files >"$out/.soffice" 2>&1
i=0
for b in $books; do
	i=$((i + 1))
	pages=--pages
	[ "$b" = daftar-hadir ] && pages=""
	if "$PYTHON" "$top/tests/pdfcheck.py" --touching $pages \
		"$out/pdf/$b.pdf" >"$out/.check" 2>&1; then
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
# the Bimtek report as Word prints it (LibreOffice Writer)
i=$((i + 1))
if "$PYTHON" "$top/tests/pdfcheck.py" "$out/pdf/laporan-bimtek.pdf" \
	>"$out/.check" 2>&1; then
	echo "ok $i - laporan-bimtek: $(head -1 "$out/.check" | sed 's|.*/||')"
else
	echo "not ok $i - laporan-bimtek printed by LibreOffice"
	sed 's/^/# /' "$out/.check" | head -30
fi
# the evaluation workbook: the index's chart on page 1 with its table; a
# chart per element (its title "N. Element" on one page only) and per
# speaker
i=$((i + 1))
pdf=$out/pdf/evaluasi.pdf
bad=""
pdftotext -f 1 -l 1 "$pdf" - 2>/dev/null |
	grep -q "Nilai rata-rata (NRR) per unsur pelayanan" || bad="$bad page1"
np=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
for t in "1. Persyaratan" "8. Sarana dan Prasarana" \
	"dr. Ni Made Ayu Lestari" "Baiq Lina Marlina, S.Psi."; do
	n=0
	p=1
	while [ "$p" -le "${np:-0}" ]; do
		pdftotext -f $p -l $p "$pdf" - 2>/dev/null | grep -qF "$t" &&
			n=$((n + 1))
		p=$((p + 1))
	done
	# an element's chart title is on one page; a speaker is on the
	# table's page and their chart's
	case $t in [0-9]*) want=1 ;; *) want=2 ;; esac
	[ "$n" -eq "$want" ] || bad="$bad $t:$n"
done
if [ -z "$bad" ]; then
	echo "ok $i - evaluasi: charts whole, per element and per speaker"
else
	echo "not ok $i - evaluasi:$bad"
fi
pictures
checker
form
# the score report with the roster, the Monev workbook of three periods
# and the database's workbook of every table (ibm-db export): the same
# checks, page numbers through each workbook
i=11
for b in hasil-tes-kehadiran periode rehabilitasi; do
	i=$((i + 1))
	if [ ! -f "$out/pdf/$b.pdf" ]; then
		echo "ok $i # skip no soffice (LibreOffice)"
	elif "$PYTHON" "$top/tests/pdfcheck.py" --touching --pages \
		"$out/pdf/$b.pdf" >"$out/.check" 2>&1; then
		echo "ok $i - $b: $(head -1 "$out/.check" | sed 's|.*/||')"
	else
		echo "not ok $i - $b printed by LibreOffice"
		sed 's/^/# /' "$out/.check" | head -30
	fi
done
# no text under a chart, no wrapped cell cut, in LibreOffice's own
# layout: every workbook of the pipeline, the Monev workbook of three
# periods, the blank forms
i=$((i + 1))
if ! command -v soffice >/dev/null 2>&1 ||
	! "$PYTHON" -c 'import uno' 2>/dev/null; then
	echo "ok $i # skip no soffice or python3-uno"
else
	# shellcheck disable=SC2086
	xl=$(for f in $files; do case $f in *.xlsx) echo "$f" ;; esac; done)
	# shellcheck disable=SC2086
	if (cd "$top/tests" && "$PYTHON" lo_sheets.py "$out" $xl \
		"$out/form/kosong.xlsx" "$out/form/daftar.xlsx") \
		>"$out/.sheets" 2>&1; then
		echo "ok $i - LibreOffice: no text under a chart, no wrapped cell cut ($(grep -c 'rows of wrapped' "$out/.sheets") workbooks)"
	else
		echo "not ok $i - LibreOffice: text under a chart or a wrapped cell cut"
		sed 's/^/# /' "$out/.sheets" | head -30
	fi
fi
checker2
