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

echo "demo outputs are in $out"
