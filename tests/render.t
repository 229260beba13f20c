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
# (tests/lo_sheets.py --tight) finds no text under a chart, no wrapped
# cell cut, no word broken inside (a header narrower than its word), no
# chart without its value axis's title, no row made for fewer lines than
# its text takes there (Excel, narrower, would cut it) or for more than
# one line more.
# Then the pages themselves: no Fase page with a single unit; the Data
# legend on the page of the last rows (Data sheets of 38 and 40 rows); the
# Rekap Kab-Kota of 4 districts on one page; the Kehadiran sheet on a page
# of its orientation, not at half width; every page of a long daftar
# hadir with its title and day. The reports (Word, printed by
# LibreOffice): the letterhead's lines whole, tables with their head and
# two rows on a page (tests/docx_tables.py), section and list numbers as
# Word numbering that renumbers after a deletion (tests/lo_numbering.py),
# the text in the body font only (and the workbooks' in Calibri's). A
# workbook table that fits on a page kept whole on one.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
books="daftar-hadir hasil-tes monev evaluasi"
echo "1..27"
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
	i=16
	while [ $i -lt 27 ]; do
		i=$((i + 1))
		echo "ok $i # skip no soffice (LibreOffice)"
	done
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
# Data sheets whose rows end around a page's foot (one unit visited twice:
# the legend): the unit names of the example, numbered
mkdir -p "$out/x"
for n in 38 40; do
	awk -F, -v n=$n 'NR == 1 { print; next } NR == 2 {
		for (k = 1; k < n; k++) { $5 = "Desa " k; $6 = "IBM Unit " k
			print }
		$5 = "Desa 1"; $6 = "IBM Unit 1"; $7 = "2024-06-20"; print }' \
		OFS=, "$top/examples/monev/bnnp-ntb.csv" >"$out/x/g$n.csv"
	"$BUILD/bin/ibm-monev" -q -o "$out/x/g$n.xlsx" "$out/x/g$n.csv" \
		>/dev/null
	files="$files $out/x/g$n.xlsx"
done
# a daftar hadir of 120 invitees: three pages a day
awk -F';' 'BEGIN { OFS = ";" } NR == 1 { print; next } NR > 1 && $2 != "" {
	for (k = 0; k < 4; k++) { n++; $1 = n; $9 = "0812" sprintf("%08d", n)
		$10 = "p" n "@contoh.id"; nm = $2; $2 = nm " " k; print; $2 = nm } }' \
	"$top/examples/bimtek/peserta.csv" >"$out/x/p120.csv"
(cd "$top/examples/bimtek" && "$BUILD/bin/ibm-invite" -q -c event.conf \
	-A "$out/x/hadir120.xlsx" "$out/x/p120.csv" >/dev/null)
files="$files $out/x/hadir120.xlsx $out/ex/laporan-monev.docx"
# the Monev report with text that moves its tables down the pages
s=""
for k in 1 2; do
	s="$s Kalimat tambahan untuk menggeser isi laporan ke bawah halaman agar tabel berpindah tempat."
	printf 'umum = Monev IBM.%s\n' "$s" >"$out/x/r$k.conf"
	(cd "$top/examples" && "$BUILD/bin/ibm-report" monev \
		-c monev/event.conf -r "$out/x/r$k.conf" \
		--units "$out/ex/monev-unit.csv" -o "$out/x/laporan-$k.docx")
	files="$files $out/x/laporan-$k.docx"
done
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
	xl=$(for f in $files; do
		case $f in "$out"/x/*) ;; *.xlsx) echo "$f" ;; esac
	done)
	# shellcheck disable=SC2086
	if (cd "$top/tests" && "$PYTHON" lo_sheets.py "$out" --tight $xl \
		"$out/form/kosong.xlsx" "$out/form/daftar.xlsx") \
		>"$out/.sheets" 2>&1; then
		echo "ok $i - LibreOffice: no text under a chart, no wrapped cell cut, no word broken, value axes titled, rows made for their lines ($(grep -c 'rows of wrapped' "$out/.sheets") workbooks)"
	else
		echo "not ok $i - LibreOffice: text under a chart, a wrapped cell cut, a word broken, a value axis untitled or a row made for too many or too few lines"
		sed 's/^/# /' "$out/.sheets" | head -30
	fi
fi
checker2
# page_text PDF N: page N as pdftotext -layout sets it
page_text() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null; }
npages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
# 17: no page of the Fase sheet with a single unit (rows sized for
# Excel's lines, the text column as wide as the page allows)
bad=""
for b in monev periode; do
	p=1
	while [ "$p" -le "$(npages "$out/pdf/$b.pdf")" ]; do
		t=$(page_text "$out/pdf/$b.pdf" $p)
		if printf '%s\n' "$t" | grep -q "Yang Perlu Dipenuhi"; then
			n=$(printf '%s\n' "$t" | grep -cE '^ *[0-9]+ +[^ 0-9]')
			[ "$n" -ge 2 ] || bad="$bad $b:page$p:$n"
		fi
		p=$((p + 1))
	done
done
if [ -z "$bad" ]; then
	echo "ok 17 - Fase: every page holds two units or more"
else
	echo "not ok 17 - Fase pages with one unit:$bad"
fi
# 18: the Data legend on the page of the last two rows, whole
bad=""
for n in 38 40; do
	f=$out/pdf/g$n.pdf
	p=1
	while [ "$p" -le "$(npages "$f")" ]; do
		t=$(page_text "$f" $p)
		if printf '%s\n' "$t" | grep -q "Keterangan:"; then
			r=$(printf '%s\n' "$t" | grep -c "g$n\.csv  *[0-9]")
			[ "$r" -ge 2 ] && printf '%s\n' "$t" | grep -q "Tidak" ||
				bad="$bad g$n:page$p:$r rows"
		fi
		p=$((p + 1))
	done
done
if [ -z "$bad" ]; then
	echo "ok 18 - Data: the legend with the last two rows (38 and 40 rows)"
else
	echo "not ok 18 - Data legend without the last rows:$bad"
fi
# 19: Rekap Kab-Kota of 4 districts on one page; the Kehadiran sheet on
# a page of its orientation, more than half of its width used
bad=""
n=0
p=1
while [ "$p" -le "$(npages "$out/pdf/monev.pdf")" ]; do
	page_text "$out/pdf/monev.pdf" $p | grep -q "Rekapitulasi Monev IBM per" &&
		n=$((n + 1))
	p=$((p + 1))
done
[ "$n" = 1 ] || bad="$bad Rekap Kab-Kota on $n pages"
f=$out/pdf/hasil-tes-kehadiran.pdf
p=1
while [ "$p" -le "$(npages "$f")" ]; do
	if page_text "$f" $p | grep -q "Kehadiran Peserta pada"; then
		w=$("$PYTHON" - "$f" $p <<'EOP'
import re, subprocess, sys
out = subprocess.run(["pdftotext", "-bbox", "-f", sys.argv[2], "-l",
                      sys.argv[2], sys.argv[1], "-"], capture_output=True,
                     text=True).stdout
pw, ph = [float(v) for v in re.search(
    r'<page width="([\d.]+)" height="([\d.]+)"', out).groups()]
right = max(float(v) for v in re.findall(r'xMax="([\d.]+)"', out))
print("%s %.2f" % ("landscape" if pw > ph else "portrait", right / pw))
EOP
)
		case $w in
		portrait\ 0.[6-9]* | landscape\ 0.[6-9]*) ;;
		*) bad="$bad Kehadiran page $p: $w of its width" ;;
		esac
	fi
	p=$((p + 1))
done
if [ -z "$bad" ]; then
	echo "ok 19 - Rekap Kab-Kota on one page, Kehadiran uses its page ($w)"
else
	echo "not ok 19 -$bad"
fi
# 20: every page of a daftar hadir of 120 with its title and day
bad=""
f=$out/pdf/hadir120.pdf
np=$(npages "$f")
p=1
while [ "$p" -le "${np:-0}" ]; do
	t=$(page_text "$f" $p)
	printf '%s\n' "$t" | grep -q "DAFTAR HADIR" &&
		printf '%s\n' "$t" | grep -q "Hari ke-[0-9]: " ||
		bad="$bad page$p"
	p=$((p + 1))
done
if [ -z "$bad" ] && [ "${np:-0}" -gt 3 ]; then
	echo "ok 20 - daftar hadir of 120: title and day on all $np pages"
else
	echo "not ok 20 - daftar hadir of 120 (${np:-0} pages), no title on:$bad"
fi
# 21: the reports' letterhead lines whole (the office's name shrunk to
# fit, as the PDF letters set it), page 1 as LibreOffice prints it
bad=""
for r in laporan-monev:monev laporan-bimtek:bimtek; do
	f=$out/pdf/${r%%:*}.pdf
	t=$(pdftotext -f 1 -l 1 "$f" - 2>/dev/null)
	k=$(sed -n 's/^instansi *= *//p' "$top/examples/${r#*:}/event.conf")
	while [ -n "$k" ]; do
		line=$(printf '%s' "${k%%|*}" | sed 's/^ *//; s/ *$//')
		printf '%s\n' "$t" | grep -qxF "$line" || bad="$bad ${r%%:*}:'$line'"
		case $k in *'|'*) k=${k#*|} ;; *) k="" ;; esac
	done
done
if [ -z "$bad" ]; then
	echo "ok 21 - report letterheads: every line whole"
else
	echo "not ok 21 - report letterhead lines broken:$bad"
fi
# 22: tables keep their head with two rows (the reports and the Monev
# report moved down by 1 and 2 sentences)
bad=""
for r in ex/laporan-bimtek ex/laporan-monev x/laporan-1 x/laporan-2; do
	"$PYTHON" "$top/tests/docx_tables.py" "$out/$r.docx" \
		"$out/pdf/$(basename $r).pdf" >"$out/.tables" 2>&1 ||
		bad="$bad $(sed 's|.*/||' "$out/.tables" | tr '\n' ' ')"
done
if [ -z "$bad" ]; then
	echo "ok 22 - report tables: head with two rows on a page (4 reports)"
else
	echo "not ok 22 - report tables:$bad"
fi
# 23: section and list numbers are Word numbering, renumbered by
# LibreOffice after a deletion
if ! "$PYTHON" -c 'import uno' 2>/dev/null; then
	echo "ok 23 # skip no python3-uno"
elif (cd "$top/tests" && "$PYTHON" lo_numbering.py "$out" \
	"$out/ex/laporan-bimtek.docx" "$out/ex/laporan-monev.docx") \
	>"$out/.num" 2>&1; then
	echo "ok 23 - report numbers: $(tr '\n' ' ' <"$out/.num")"
else
	echo "not ok 23 - report numbers"
	sed 's/^/# /' "$out/.num" | head -20
fi
# 24: the reports' text in the body font (Arial, LiberationSans where
# LibreOffice prints it), the workbooks' in Calibri (Carlito): no
# fallback font for a character it lacks (the Matriks Unit's marks)
bad=""
for r in laporan-bimtek laporan-monev $books periode hasil-tes-kehadiran; do
	case $r in
	laporan-*) body='^LiberationSans\|^Arial' ;;
	*) body='^Carlito\|^Calibri' ;;
	esac
	[ -s "$out/pdf/$r.pdf" ] || { bad="$bad $r: not printed"; continue; }
	fonts=$(pdffonts "$out/pdf/$r.pdf" 2>/dev/null | awk 'NR > 2 { print $1 }' |
		sed 's/^[A-Z]*+//' | grep -v "$body" | sort -u | tr '\n' ' ')
	[ -z "$fonts" ] || bad="$bad $r: $fonts"
done
if [ -z "$bad" ]; then
	echo "ok 24 - reports and workbooks in their body font only"
else
	echo "not ok 24 - fallback fonts:$bad"
fi
# 25, 26: the reports printed: text size and overlaps, page numbers
i=24
for r in laporan-monev laporan-1; do
	i=$((i + 1))
	if "$PYTHON" "$top/tests/pdfcheck.py" --pages "$out/pdf/$r.pdf" \
		>"$out/.check" 2>&1; then
		echo "ok $i - $r: $(head -1 "$out/.check" | sed 's|.*/||')"
	else
		echo "not ok $i - $r printed by LibreOffice"
		sed 's/^/# /' "$out/.check" | head -30
	fi
done
# 27: a workbook table that fits on a page never starts at the foot of
# the page before: the Perkembangan sheet's table per district and
# period (2 districts x 3 periods of units-ntb.csv) whole on its page
bad=""
p=1
f=$out/pdf/periode.pdf
while [ "$p" -le "$(npages "$f")" ]; do
	t=$(page_text "$f" $p)
	if printf '%s\n' "$t" | grep -q "Unit per fase per Kabupaten"; then
		r=$(printf '%s\n' "$t" | grep -c "^ *Nusa Tenggara Barat .* Semester")
		[ "$r" -eq 6 ] || bad="$bad page$p:$r of 6 rows"
	fi
	p=$((p + 1))
done
if [ -z "$bad" ]; then
	echo "ok 27 - Perkembangan: a table that fits on a page kept whole"
else
	echo "not ok 27 - Perkembangan: a short table split:$bad"
fi
