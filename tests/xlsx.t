#!/bin/sh
# tests/xlsx.t - Excel workbooks as input, checked against other programs:
#  - every example input converted to .xlsx by LibreOffice (shared strings,
#    styles, numbers and dates as an office file has them) gives each tool
#    exactly the output it gives for the CSV;
#  - every workbook ibmkit writes reads back through `ibm-csv clean`, sheet
#    by sheet, to the values openpyxl reads from it (tests/xlsx_render.py);
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
echo "1..4"

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

# --- 2: ibmkit's own workbooks read back as openpyxl reads them ---------
mkdir -p "$work/rt"
(cd "$ex/bimtek" && ibm-invite -q -c event.conf -a agenda.csv \
	-A "$work/rt/hadir.xlsx" peserta.csv >/dev/null)
ibm-score -q -k "$ex/bimtek/kunci.csv" --pre "$ex/bimtek/pretest.csv" \
	--post "$ex/bimtek/posttest.csv" --fuzzy --pass 70 \
	--report "$work/rt/tes.xlsx" >/dev/null
ibm-monev -q -o "$work/rt/monev.xlsx" "$ex"/monev/*.csv >/dev/null
# Sheets that are tables (the others are laid out for print: a title block,
# several tables, a signature column without a header) and must read back.
tables="hadir:4 tes:2 tes:3 monev:2 monev:3 monev:4 monev:5 monev:6"
fail=""
for t in $tables; do
	b=${t%:*} s=${t#*:}
	if ! ibm-csv -q clean --sheet "$s" "$work/rt/$b.xlsx" \
		>"$work/rt/$b.$s.csv" 2>"$work/rt/err" ||
	   ! msg=$($PYTHON "$top/tests/xlsx_render.py" "$work/rt/$b.xlsx" \
		"$s" "$work/rt/$b.$s.csv"); then
		fail="$fail $b.xlsx sheet $s: $msg $(head -1 "$work/rt/err")"
	fi
	[ -s "$work/rt/$b.$s.csv" ] || fail="$fail $b.$s empty"
done
if [ -z "$fail" ]; then
	echo "ok 2 - ibmkit workbooks read back as openpyxl reads them ($tables)"
else
	echo "not ok 2 - ibmkit workbooks read back as openpyxl reads them"
	echo "# $fail"
fi

# --- 3: the same workbooks saved by LibreOffice read back the same ------
if [ $have_soffice = 1 ]; then
	(cd "$work/rt" && soffice_to "$work/lo" "" hadir.xlsx tes.xlsx \
		monev.xlsx)
	fail=""
	for t in $tables; do
		b=${t%:*} s=${t#*:}
		# LibreOffice saves numbers rounded to 15 significant digits
		ibm-csv -q clean --sheet "$s" "$work/lo/$b.xlsx" \
			>"$work/lo/$b.$s.csv" 2>&1 &&
		$PYTHON - "$work/rt/$b.$s.csv" "$work/lo/$b.$s.csv" <<'EOP' ||
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
			fail="$fail $b:$s"
	done
	if [ -z "$fail" ]; then
		echo "ok 3 - ibmkit workbooks saved again by LibreOffice read the same"
	else
		echo "not ok 3 - ibmkit workbooks saved again by LibreOffice:$fail"
		for t in $fail; do
			diff "$work/rt/${t%:*}.${t#*:}.csv" \
				"$work/lo/${t%:*}.${t#*:}.csv" | head -5 |
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
