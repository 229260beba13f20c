#!/bin/sh
# tests/brief.t - ibm-monev --brief, the preparation meeting's material:
# its figures against the per-unit CSV of the same run (tests/brief_check.py:
# phases, units not visited, not visited for two periods or more, the
# indicators most often unmet from the results' indicator columns, the
# units per district, a page per unit in order), for three semesters with
# a master list and for the example's one; a unit of nine semesters still
# on one page; the text at 8 points or more with no words overlapping
# (pdfcheck.py); the HTML printed by Chromium on the PDF's pages with the
# same first page; the workbook read back (openpyxl: phases and their
# shares, the districts' sum, the units) and printed by
# LibreOffice.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-/usr/bin/python3}
PATH=$BUILD/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "1..8"
. "$top/tests/tap.sh"

d=$top/tests/data/brief
ibm-monev -q --units "$d/units.csv" --brief "$work/b.pdf" \
	--brief "$work/b.html" --brief "$work/b.xlsx" \
	"$d/s1.csv" "$d/s2.csv" "$d/s3.csv" > "$work/unit.csv" 2>"$work/err"
ibm-monev -q --print-spec "$work/spec" >/dev/null 2>&1
if out=$("$PYTHON" "$top/tests/brief_check.py" "$work/b.pdf" \
	"$work/unit.csv" "$work/spec/indicators.csv" "$d/results-s3.csv" 2>&1)
then
	ok "three semesters: $out"
else
	notok "three semesters: the brief's figures are the per-unit CSV's" \
		"$out" "$(cat "$work/err")"
fi

ex=$top/examples/monev
(cd "$ex" && ibm-monev -q --units daftar/unit-ibm.csv -c event.conf \
	--brief "$work/x.pdf" bnnp-ntb.csv bnnk-sumbawa-barat.csv \
	bnnk-lombok-timur.csv > "$work/xunit.csv") 2>"$work/err"
if out=$("$PYTHON" "$top/tests/brief_check.py" "$work/x.pdf" \
	"$work/xunit.csv" 2>&1) &&
   pdftotext -f 1 -l 1 "$work/x.pdf" - | grep -q "BADAN NARKOTIKA NASIONAL PROVINSI"
then
	ok "the example, on the letterhead of event.conf: $out"
else
	notok "the example's brief" "$out" "$(cat "$work/err")"
fi

# the unit pages say what a unit lacks and what it served
t=$(pdftotext -layout -f 7 -l 7 "$work/b.pdf" - | tr -s ' ')
missing=""
for s in "IBM Sadia Peduli" "Desa/Kelurahan : Sadia" "Kecamatan : Mpunda" \
	"Status : baru" "Tahun berdiri : 2021" "Semester I 2024 5 Juni 2024 9,4 Rintisan Nurhayati" \
	"Semester II 2024 tidak dikunjungi" "Semester I 2025 tidak dikunjungi" \
	"Indikator pada kunjungan terakhir (Semester I 2024)" \
	"Belum terpenuhi (18): Kunjungan pembinaan (0 dari 4)" \
	"Yang masih kurang untuk fase Berkembang" "1. Skor total 9,4 < 50" \
	"Klien dilayani dan dirujuk per periode" "Rujukan 1 tidak dikunjungi tidak dikunjungi" \
	"Catatan kunjungan"; do
	printf '%s\n' "$t" | grep -qF -- "$s" || missing="$missing
$s"
done
if [ -z "$missing" ]; then
	ok "a unit's page: identity, phases, indicators, what it lacks, clients, notes"
else
	notok "a unit's page lacks:" "$missing" "$(printf '%s\n' "$t" | head -40)"
fi

# nine semesters of two units: each still on one page, the latest six
"$PYTHON" - "$d/s1.csv" "$work/many" <<'EOF'
import csv, os, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8')))
os.makedirs(sys.argv[2], exist_ok=True)
k = 0
for y in range(2021, 2026):
    for m in (3, 9):
        if y == 2025 and m == 9:
            continue
        k += 1
        with open('%s/p%02d.csv' % (sys.argv[2], k), 'w', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(rows[0])
            for j, r in enumerate(rows[1:3]):
                r = list(r)
                r[6] = '%d-%02d-%02d' % (y, m, 10 + j)
                w.writerow(r)
EOF
ibm-monev -q --brief "$work/many.pdf" --brief "$work/many.html" \
	"$work"/many/p*.csv > "$work/many.csv" 2>"$work/err"
np=$(pages "$work/many.pdf")
n6=$(pdftotext -layout "$work/many.pdf" - | grep -c "(sejak Semester")
if [ "$np" = 3 ] && [ "$n6" -ge 2 ] &&
   pdftotext -f 2 -l 2 "$work/many.pdf" - | grep -q "Catatan kunjungan"; then
	ok "nine semesters: a page per unit, the latest periods ($n6 pages say since when)"
else
	notok "nine semesters: $np pages, $n6 with (sejak ...)" "$(cat "$work/err")"
fi

# text size and overlaps, as printed
if out=$("$PYTHON" "$top/tests/pdfcheck.py" "$work/b.pdf" "$work/x.pdf" \
	"$work/many.pdf" 2>&1); then
	ok "text at 8 pt or more, no words overlapping: $(echo "$out" | head -1 | sed 's|.*/||')"
else
	notok "pdfcheck.py" "$out"
fi

# the HTML printed by Chromium: the PDF's pages, the same figures
if ! command -v chromium >/dev/null; then
	notok "HTML pages" "chromium is not installed (make deps)"
elif ! print "$work/b.html" "$work/b-html.pdf" ||
     ! print "$work/many.html" "$work/many-html.pdf"; then
	notok "HTML pages" "chromium did not print" "$(tail -5 "$work/chromium.log")"
else
	a=$(pages "$work/b.pdf") b=$(pages "$work/b-html.pdf")
	c=$(pages "$work/many.pdf") e=$(pages "$work/many-html.pdf")
	if [ "$a" = "$b" ] && [ "$c" = "$e" ] &&
	   out=$("$PYTHON" "$top/tests/brief_check.py" "$work/b-html.pdf" \
		"$work/unit.csv" "$work/spec/indicators.csv" "$d/results-s3.csv" 2>&1)
	then
		ok "HTML printed on the PDF's pages ($b, $e), the same figures"
	else
		notok "HTML printed on $b and $e pages, PDF $a and $c" "$out"
	fi
fi

# the workbook read back
if out=$("$PYTHON" - "$work/b.xlsx" "$work/unit.csv" 2>&1 <<'EOF'
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ['Ringkasan', 'Unit'], wb.sheetnames
rows = list(csv.DictReader(open(sys.argv[2], encoding='utf-8')))
listed = []
for r in rows:
    if r['terdaftar'] == 'ya' and r['nama_unit'] not in listed:
        listed.append(r['nama_unit'])
unit = wb['Unit']
names = [unit.cell(row=5 + k, column=2).value for k in range(len(listed))]
assert names == listed, (names, listed)
assert unit.cell(row=5 + len(listed), column=2).value is None
last = max(r['periode'] for r in rows)
ph = {}
for r in rows:
    if r['periode'] == last and r['dikunjungi'] == 'ya':
        ph[r['fase']] = ph.get(r['fase'], 0) + 1
summ = wb['Ringkasan']
got = {}
for row in summ.iter_rows(min_row=1, max_col=2, values_only=True):
    if row[0] in ph and isinstance(row[1], (int, float)):
        got.setdefault(row[0], int(row[1]))
assert got == ph, (got, ph)
# the phases' shares, and the districts' sum: every unit of the Unit sheet
tab = list(summ.iter_rows(min_row=1, max_col=4, values_only=True))
share = {r[0]: r[2] for r in tab if r[0] in ph}
assert all(abs(share[f] - ph[f] / sum(ph.values())) < 1e-9 for f in ph), share
tot = [r for r in tab if r[0] == 'Jumlah']
assert len(tot) == 1 and tot[0][1] == len(listed), (tot, len(listed))
print('%d units, phases %s' % (len(listed), sorted(ph.items())))
EOF
); then
	ok "workbook: Ringkasan and Unit read back: $out"
else
	notok "workbook read back" "$out"
fi

# the workbook as LibreOffice prints it
lo_check "workbook printed by LibreOffice" "$work/b.xlsx"
