#!/bin/sh
# examples/pipeline.sh - the whole ibmkit pipeline on the sample data.
# Run by `make demo`; writes everything under examples/out/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-$here/../build}
PATH=$BUILD/bin:$PATH
out=${OUT:-$here/out}
mkdir -p "$out"
cd "$here"

# --- ibm-csv: look at a messy export, then clean it for a pipeline -------
ibm-csv check peserta-excel.csv
ibm-csv clean peserta-excel.csv > "$out/peserta-clean.csv"

# --- ibm-invite (bimtek/) ------------------------------------------------

# --- ibm-score (bimtek/) -------------------------------------------------

# --- ibm-monev (monev/) --------------------------------------------------
# Forms from three offices (comma UTF-8, Excel ";" with BOM and CRLF, other
# header spellings); one unit is visited twice in June: the later visit counts.
ibm-monev -o "$out/monev.xlsx" monev/bnnp-ntb.csv \
	monev/bnnk-sumbawa-barat.csv monev/bnnk-lombok-timur.csv \
	> "$out/monev-unit.csv"
ibm-monev -q --by kabupaten_kota monev/*.csv > "$out/monev-kabkota.csv"
mkdir -p "$out/monev-spec"
ibm-monev --print-spec "$out/monev-spec"

echo "demo outputs are in $out"
