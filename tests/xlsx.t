#!/bin/sh
# tests/xlsx.t - Excel workbooks as input, checked against other programs:
#  - every example input converted to .xlsx by LibreOffice (shared strings,
#    styles, numbers and dates as an office file has them) gives each tool
#    exactly the output it gives for the CSV;
#  - every workbook ibmkit writes reads back through `ibm-csv clean`, table
#    by table, to the values openpyxl reads from it (tests/xlsx_table.py);
#  - the same workbooks saved again by LibreOffice read back the same.
# Without soffice the LibreOffice parts are skipped.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-python3}
PATH=$BUILD/bin:$PATH
ex=$top/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
export TZ=UTC SOURCE_DATE_EPOCH=1719187200
echo "1..5"

soffice_to() { # soffice_to OUTDIR FILTER FILE...
	d=$1 f=$2
	shift 2
	if [ -n "$f" ]; then
		set -- --infilter="$f" "$@"
	fi
	soffice --headless --norestore \
		-env:UserInstallation=file://$work/profile \
		--convert-to xlsx --outdir "$d" "$@" >/dev/null 2>&1
}
have_soffice=0
command -v soffice >/dev/null 2>&1 && have_soffice=1

# --- 1: each tool on LibreOffice workbooks of its example inputs ---------
mkdir -p "$work/csv" "$work/x/bimtek" "$work/x/monev"
for f in "$ex"/peserta-excel.csv "$ex"/bimtek/*.csv "$ex"/monev/*.csv; do
	ibm-csv -q clean "$f" >"$work/csv/$(basename "$f")"
done
if [ $have_soffice = 1 ]; then
	(cd "$work/csv" && soffice_to "$work/xl" "CSV:44,34,76,1" *.csv)
	for f in peserta-excel; do cp "$work/xl/$f.xlsx" "$work/x/$f.csv"; done
	for f in agenda kunci peserta pretest posttest; do
		cp "$work/xl/$f.xlsx" "$work/x/bimtek/$f.csv"
	done
	for f in bnnp-ntb bnnk-sumbawa-barat bnnk-lombok-timur; do
		cp "$work/xl/$f.xlsx" "$work/x/monev/$f.csv"
	done
	cp "$ex"/bimtek/event.conf "$ex"/bimtek/logo-bnnk.png "$work/x/bimtek/"
	# the same commands in the examples and in the copy with workbooks
	run() { # run DIR: the tools' outputs into DIR/out
		(cd "$1" && mkdir -p out &&
		ibm-csv clean peserta-excel.csv >out/peserta.csv &&
		(cd bimtek && ibm-invite -q -c event.conf -a agenda.csv \
			peserta.csv) >out/invite.csv &&
		ibm-score -q -k bimtek/kunci.csv --pass 70 \
			bimtek/pretest.csv >out/pretest.csv &&
		ibm-score -q -k bimtek/kunci.csv --pre bimtek/pretest.csv \
			--post bimtek/posttest.csv --fuzzy --pass 70 \
			--summary out/ringkasan.csv --items out/butir.csv \
			>out/nilai.csv &&
		ibm-monev -q monev/bnnp-ntb.csv monev/bnnk-sumbawa-barat.csv \
			monev/bnnk-lombok-timur.csv >out/monev.csv &&
		ibm-monev -q --by kabupaten_kota monev/bnnp-ntb.csv \
			monev/bnnk-sumbawa-barat.csv \
			monev/bnnk-lombok-timur.csv >out/kabkota.csv)
	}
	mkdir -p "$work/c/bimtek" "$work/c/monev"
	cp -r "$ex"/peserta-excel.csv "$work/c/"
	cp "$ex"/bimtek/* "$work/c/bimtek/"
	cp "$ex"/monev/*.csv "$work/c/monev/"
	if run "$work/c" 2>"$work/c.err" && run "$work/x" 2>"$work/x.err" &&
	   out=$(diff -r "$work/c/out" "$work/x/out") &&
	   [ "$(ls "$work/c/out" | wc -l)" = 8 ]; then
		echo "ok 1 - each tool: LibreOffice .xlsx inputs give the CSV outputs"
	else
		echo "not ok 1 - each tool: LibreOffice .xlsx inputs give the CSV outputs"
		{ cat "$work/c.err" "$work/x.err"; echo "$out"; } | head -20 |
			sed 's/^/# /'
	fi
else
	echo "ok 1 # skip soffice not installed"
fi

# --- 2: ibmkit's own workbooks: every table of every sheet -------------
# Every workbook the tools write: the attendance workbook, the score
# report (with and without the roster), the Monev workbook (one period;
# three periods with the list of units: Perkembangan, Perkembangan Unit,
# Belum Dimonev) and the blank Monev form. Each sheet is read as
# ibmkit(7) says (title rows, merged header cells, two-row headers, the
# table ending at a blank row); every table below a blank row is read
# again with --header-row; tests/xlsx_table.py reads the same with openpyxl.
mkdir -p "$work/rt"
(cd "$ex/bimtek" && ibm-invite -q -c event.conf -a agenda.csv \
	-A "$work/rt/hadir.xlsx" peserta.csv >"$work/rt/peserta-id.csv")
ibm-score -q -k "$ex/bimtek/kunci.csv" --pre "$ex/bimtek/pretest.csv" \
	--post "$ex/bimtek/posttest.csv" --fuzzy --pass 70 \
	--report "$work/rt/tes.xlsx" >/dev/null
ibm-score -q -k "$ex/bimtek/kunci.csv" --roster "$work/rt/peserta-id.csv" \
	--pre "$ex/bimtek/pretest.csv" --post "$ex/bimtek/posttest.csv" \
	--fuzzy --report "$work/rt/hadir-tes.xlsx" >/dev/null
ibm-monev -q -o "$work/rt/monev.xlsx" "$ex"/monev/*.csv >/dev/null
d=$top/tests/data/monev
ibm-monev -q --units "$d/units-ntb.csv" -o "$work/rt/periode.xlsx" \
	"$d/s1.csv" "$d/s2.csv" "$d/s3-no-layanan.csv" >/dev/null
(cd "$ex/monev" && ibm-monev --form "$work/rt/formulir.xlsx" \
	--units daftar/unit-ibm.csv --period 2024-S2)
books="hadir tes hadir-tes monev periode formulir"
# read_tables DIR: DIR/B.S[.R].csv for every table (sheet S, header row R
# when below a blank row); the list in DIR/tables; failures in $fail
read_tables() {
	: >"$1/tables"
	for b in $books; do
		n=$($PYTHON -c 'import openpyxl, sys; print(len(openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets))' "$1/$b.xlsx")
		s=1
		while [ "$s" -le "$n" ]; do
			r=""
			while :; do
				o=$1/$b.$s${r:+.$r}.csv
				echo "$b.$s${r:+.$r}" >>"$1/tables"
				if ! ibm-csv -q clean --sheet "$s" \
					${r:+--header-row $r} "$1/$b.xlsx" \
					>"$o" 2>"$1/err"; then
					fail="$fail $b.xlsx sheet $s${r:+ row $r}: $(head -1 "$1/err")"
					break
				fi
				[ -s "$o" ] || fail="$fail $b.$s empty"
				m=$($PYTHON "$top/tests/xlsx_table.py" \
					"$1/$b.xlsx" "$s" "$o" $r) ||
					{ fail="$fail $b.xlsx sheet $s${r:+ row $r}: $m"; break; }
				case $m in
				"next "*) r=${m#next } ;;
				*) break ;;
				esac
			done
			s=$((s + 1))
		done
	done
}
fail=""
read_tables "$work/rt"
ntab=$(wc -l <"$work/rt/tables")
# what must be there (a test that cannot fail is a defect)
for t in hadir.1 hadir.4 tes.1 tes.3 hadir-tes.4 monev.1.10 monev.6.18 \
	periode.6.29 periode.7 periode.8 formulir.1 formulir.2; do
	grep -qx "$t" "$work/rt/tables" || fail="$fail no table $t"
done
# the attendance list: every participant and spare row, in order, whatever
# the layout (one table, or blocks side by side)
n=$(($(wc -l <"$work/rt/peserta-id.csv") - 1))
[ "$(cut -d, -f1 "$work/rt/hadir.1.csv" | sed 1d | head -$n | tr '\n' ' ')" = \
  "$(seq $n | tr '\n' ' ')" ] &&
grep -q "^$n,Andi Ma'ruf," "$work/rt/hadir.1.csv" ||
	fail="$fail hadir.1: not the participants 1 to $n: $(head -3 "$work/rt/hadir.1.csv")"
grep -q '^No,.*,Semester I 2024 Fase,Semester I 2024 Skor,' \
	"$work/rt/periode.7.csv" || fail="$fail periode.7: two-row header"
if [ -z "$fail" ]; then
	echo "ok 2 - ibmkit workbooks: $ntab tables read back as openpyxl reads them"
else
	echo "not ok 2 - ibmkit workbooks read back as openpyxl reads them"
	echo "# $fail"
fi

# --- 3: the same workbooks saved by LibreOffice read back the same ------
if [ $have_soffice = 1 ]; then
	mkdir -p "$work/lo"
	(cd "$work/rt" && soffice_to "$work/lo" "" $(for b in $books; do
		echo $b.xlsx; done))
	fail=""
	read_tables "$work/lo"
	cmp -s "$work/rt/tables" "$work/lo/tables" ||
		fail="$fail tables: $(diff "$work/rt/tables" "$work/lo/tables" | head -3 | tr '\n' ' ')"
	for t in $(cat "$work/rt/tables"); do
		# LibreOffice saves numbers rounded to 15 significant digits
		[ -f "$work/lo/$t.csv" ] &&
		$PYTHON - "$work/rt/$t.csv" "$work/lo/$t.csv" <<'EOP' ||
import csv, sys
def rows(p):
    def norm(v):
        try:
            return '%.13g' % float(v)
        except ValueError:
            return v
    with open(p, newline='', encoding='utf-8') as f:
        return [[norm(v) for v in r] for r in csv.reader(f)]
sys.exit(rows(sys.argv[1]) != rows(sys.argv[2]))
EOP
			fail="$fail $t"
	done
	if [ -z "$fail" ]; then
		echo "ok 3 - ibmkit workbooks saved again by LibreOffice read the same"
	else
		echo "not ok 3 - ibmkit workbooks saved again by LibreOffice:$fail"
		for t in $fail; do
			[ -f "$work/rt/$t.csv" ] &&
			diff "$work/rt/$t.csv" "$work/lo/$t.csv" | head -5 |
				sed 's/^/# /'
		done
	fi
else
	echo "ok 3 # skip soffice not installed"
fi

# --- 4: hand-made edge cases against openpyxl ---------------------------
fail=""
for b in values date1904 titled prefix; do
	$PYTHON "$top/tests/data/xlsx/make.py" $b "$work/$b.xlsx"
	ibm-csv -q clean "$work/$b.xlsx" >"$work/$b.csv" &&
	msg=$($PYTHON "$top/tests/xlsx_render.py" "$work/$b.xlsx" 1 \
		"$work/$b.csv") || fail="$fail $b: $msg"
done
if [ -z "$fail" ]; then
	echo "ok 4 - hand-made workbooks read as openpyxl reads them"
else
	echo "not ok 4 - hand-made workbooks read as openpyxl reads them"
	echo "# $fail"
fi

# --- 5: merged and two-row headers, hand-made with openpyxl --------------
$PYTHON - "$work" <<'EOP'
import sys
import openpyxl
from openpyxl.styles import Font
d = sys.argv[1]
B = Font(bold=True)

def put(ws, ref, v, bold=False):
    ws[ref] = v
    if bold:
        ws[ref].font = B

# a title block, "Tanda Tangan" over two columns, a signature below
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Hadir'
put(ws, 'A1', 'DAFTAR HADIR', True)
ws.merge_cells('A1:D1')
for c, v in zip('ABC', ['No', 'Nama', 'Tanda Tangan']):
    put(ws, c + '3', v, True)
ws.merge_cells('C3:D3')
for i, n in enumerate(['Andi', 'Budi', 'Citra'], 1):
    ws.cell(3 + i, 1, i)
    ws.cell(3 + i, 2, n)
    ws.cell(3 + i, 3 if i % 2 else 4, '%d.' % i)
put(ws, 'C9', 'Kepala BNNK Sumbawa')
ws.merge_cells('C9:D9')
put(ws, 'C12', 'Dr. Lalu Hamdani')
wb.save(d + '/ttd.xlsx')

# "No" and "Nama" merged down over two rows, "Skor" over three columns
wb = openpyxl.Workbook()
ws = wb.active
for c, v in zip('ABC', ['No', 'Nama', 'Skor']):
    put(ws, c + '1', v, True)
ws.merge_cells('A1:A2')
ws.merge_cells('B1:B2')
ws.merge_cells('C1:E1')
for c, v in zip('CDE', ['Pre', 'Post', 'Gain']):
    put(ws, c + '2', v, True)
ws.append([1, 'Andi', 4, 7, 3])
ws.append([2, 'Budi', 5, 5, 0])
wb.save(d + '/skor.xlsx')

# a title, a group row above the header, a table beside another and
# starting in column B
wb = openpyxl.Workbook()
ws = wb.active
put(ws, 'B1', 'Rekap Tes', True)
put(ws, 'D3', 'Pre-test', True)
put(ws, 'F3', 'Post-test', True)
ws.merge_cells('D3:E3')
ws.merge_cells('F3:G3')
for c, v in zip('BCDEFG', ['No', 'Nama', 'Benar', 'Nilai', 'Benar',
                           'Nilai']):
    put(ws, c + '4', v, True)
put(ws, 'I4', 'Legenda', True)
put(ws, 'J4', 'Arti', True)
ws['B5'], ws['C5'], ws['D5'], ws['E5'], ws['F5'], ws['G5'] = \
    1, 'Andi', 4, 40, 7, 70
ws['I5'], ws['J5'] = 'Nilai', 'persen benar'
ws['B6'], ws['C6'], ws['D6'], ws['E6'] = 2, 'Budi', 5, 50
wb.save(d + '/grup.xlsx')

# a list printed in two blocks side by side, a signature below the second
wb = openpyxl.Workbook()
ws = wb.active
put(ws, 'A1', 'DAFTAR HADIR', True)
ws.merge_cells('A1:E1')
for c, v in zip('ABDE', ['No', 'Nama', 'No', 'Nama']):
    put(ws, c + '3', v, True)
for i, n in enumerate(['Andi', 'Budi', 'Citra']):
    ws.cell(4 + i, 1, i + 1)
    ws.cell(4 + i, 2, n)
ws.cell(4, 4, 4)
ws.cell(4, 5, 'Dedi')
ws.cell(5, 4, 5)
put(ws, 'D8', 'Kepala BNNK Sumbawa')
wb.save(d + '/blok.xlsx')
EOP
fail=""
for t in "ttd:No,Nama,Tanda Tangan,Tanda Tangan 2" \
	"skor:No,Nama,Skor Pre,Skor Post,Skor Gain" \
	"grup:No,Nama,Pre-test Benar,Pre-test Nilai,Post-test Benar,Post-test Nilai" \
	"blok:No,Nama"; do
	b=${t%%:*}
	ibm-csv -q clean "$work/$b.xlsx" >"$work/$b.csv" 2>"$work/$b.err" ||
		fail="$fail $b: $(head -1 "$work/$b.err")"
	[ "$(head -1 "$work/$b.csv")" = "${t#*:}" ] ||
		fail="$fail $b: header $(head -1 "$work/$b.csv")"
	msg=$($PYTHON "$top/tests/xlsx_table.py" "$work/$b.xlsx" 1 \
		"$work/$b.csv") || fail="$fail $b: $msg"
done
[ "$(wc -l <"$work/ttd.csv")" = 4 ] && [ "$(wc -l <"$work/grup.csv")" = 3 ] ||
	fail="$fail rows: $(cat "$work/ttd.csv" "$work/grup.csv")"
[ "$(sed 1d "$work/blok.csv" | tr '\n' ' ')" = "1,Andi 2,Budi 3,Citra 4,Dedi 5, " ] ||
	fail="$fail blok: $(cat "$work/blok.csv")"
ibm-csv clean "$work/ttd.xlsx" 2>&1 >/dev/null |
	grep -q 'ttd.xlsx\[Hadir\]:9: warning: the table ends at the blank row 7' ||
	fail="$fail ttd: no warning of the rows not read"
ibm-csv clean "$work/grup.xlsx" 2>&1 >/dev/null |
	grep -q 'grup.xlsx\[Sheet\]:4: warning: column H is blank: the table ends there; columns I-J' ||
	fail="$fail grup: no warning of the table beside"
if [ -z "$fail" ]; then
	echo "ok 5 - merged header cells, two-row headers, tables beside and below, blocks"
else
	echo "not ok 5 - merged header cells, two-row headers, tables beside and below"
	echo "# $fail"
fi
