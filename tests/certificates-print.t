#!/bin/sh
# tests/certificates-print.t - the certificates of the example bimtek as
# the README makes them (ibm-score --roster ... --only both piped into
# ibm-invite --certificates), as PDF and as HTML printed by Chromium
# headless: one A4 landscape page per participant who took both tests in
# both, each page with its participant's name, number, the event and the
# score of those who passed (the others a certificate of participation),
# read back with pdftotext; the PDF's text no smaller than 10 pt, no two
# words overlapping, the signature with its text (tests/pdfcheck.py).
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-/usr/bin/python3}
PATH=$BUILD/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "1..8"

i=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); echo "not ok $i - $1"; shift; for m; do echo "# $m"; done; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
size() { pdfinfo "$1" 2>/dev/null | awk '/^Page size:/ { printf "%.0fx%.0f", $3, $5 }'; }

ex=$top/examples/bimtek
(cd "$ex" &&
 ibm-invite -q -c event.conf peserta.csv > "$work/peserta-id.csv" &&
 ibm-score -q -k kunci.csv --roster "$work/peserta-id.csv" --pre pretest.csv \
	--post posttest.csv --fuzzy --pass 70 --only both > "$work/selesai.csv" &&
 ibm-invite -q -c event.conf --proper-case --certificates "$work/s.pdf" \
	--certificates "$work/s.html" < "$work/selesai.csv" >/dev/null) \
	2>"$work/err" || sed "s/^/# /" "$work/err"
# the participants certified: the rows of selesai.csv
n=$(($(wc -l < "$work/selesai.csv") - 1))

if [ "$(pages "$work/s.pdf")" = "$n" ] && [ "$n" -gt 1 ]; then
	ok "PDF: one page per participant who took both tests ($n)"
else
	notok "PDF: $(pages "$work/s.pdf") pages for $n participants"
fi
if [ "$(size "$work/s.pdf")" = "842x595" ]; then
	ok "PDF: A4 landscape"
else
	notok "PDF: page size $(size "$work/s.pdf"), expected 842x595"
fi
if "$PYTHON" "$top/tests/pdfcheck.py" --min 10 --signed \
	"Dr. Lalu Hamdani, S.H., M.H." "$work/s.pdf" >"$work/check" 2>&1
then
	ok "PDF: $(sed "s|.*/||" "$work/check")"
else
	notok "PDF: pdfcheck" "$(head -5 "$work/check")"
fi

printed=0
if ! command -v chromium >/dev/null; then
	notok "HTML printed" "chromium is not installed (make deps)"
else
	mkdir -p "$work/profile"
	if timeout 300 chromium --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$work/profile" --no-pdf-header-footer \
		--print-to-pdf="$work/h.pdf" "$work/s.html" \
		>"$work/chromium.log" 2>&1 && [ -s "$work/h.pdf" ]; then
		printed=1
		if [ "$(pages "$work/h.pdf")" = "$n" ] &&
		   [ "$(size "$work/h.pdf")" = "842x595" ]; then
			ok "HTML printed on $n A4 landscape pages as the PDF"
		else
			notok "HTML printed on $(pages "$work/h.pdf") pages of" \
				"$(size "$work/h.pdf"), expected $n of 842x595"
		fi
	else
		notok "HTML printed" "$(tail -5 "$work/chromium.log")"
	fi
fi

# each page of FILE has its participant's name, number and score, and the
# event; the name and the number from selesai.csv, the score as shown
check_pages() {
	f=$1 what=$2
	bad=""
	k=0
	# nama and post_percent by column name
	"$PYTHON" - "$work/selesai.csv" > "$work/rows" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    print(r["nama"].title() if r["nama"].isupper() else r["nama"], r["post_percent"].replace(".", ","), r["passed_post"], sep="\t")
PY
	while IFS='	' read -r name pc passed; do
		k=$((k + 1))
		txt=$(pdftotext -layout -f "$k" -l "$k" "$f" - 2>&1 | tr -s ' ')
		num=$(printf 'SERT/%03d/VI/RH.00.00/2024/BNNK-SBW' "$k")
		for s in "SERTIFIKAT" "Nomor: $num" "$name" "telah mengikuti" \
			"Bimbingan Teknis Intervensi Berbasis Masyarakat (IBM)" \
			"24 s.d. 26 Juni 2024" "sebagai Peserta" \
			"Dr. Lalu Hamdani, S.H., M.H."; do
			printf '%s\n' "$txt" | grep -qF -- "$s" ||
				bad="$bad
page $k lacks: $s"
		done
		# a score only with "dinyatakan lulus"; else participation
		if [ "$passed" = ya ]; then
			printf '%s\n' "$txt" | grep -qF -- \
				"dengan nilai akhir $pc dan dinyatakan lulus" ||
				bad="$bad
page $k lacks: dengan nilai akhir $pc dan dinyatakan lulus"
		elif printf '%s\n' "$txt" | grep -q "nilai akhir"; then
			bad="$bad
page $k: a score without a pass"
		fi
	done < "$work/rows"
	if [ -z "$bad" ] && [ "$k" = "$n" ]; then
		ok "$what: each page has its name, number, event and score"
	else
		notok "$what: pages ($k read)" "$(printf '%s\n' "$bad" | head -8)"
	fi
}
check_pages "$work/s.pdf" PDF
if [ "$printed" = 1 ]; then
	check_pages "$work/h.pdf" "HTML printed"
else
	notok "HTML printed: pages" "not printed"
fi

# the lines: every line of the PDF's first page on one line of the
# printed HTML's first page (the HTML takes its line breaks from the PDF)
if [ "$printed" = 1 ]; then
	pdftotext -f 1 -l 1 "$work/s.pdf" - | sed 's/^ *//; s/ *$//' |
		grep -v '^$' > "$work/a"
	pdftotext -f 1 -l 1 "$work/h.pdf" - | sed 's/^ *//; s/ *$//' |
		grep -v '^$' > "$work/b"
	if cmp -s "$work/a" "$work/b"; then
		ok "HTML printed: the lines of the PDF ($(wc -l < "$work/a"))"
	else
		notok "HTML printed: other lines than the PDF" \
			"$(diff "$work/a" "$work/b" | head -10)"
	fi
else
	notok "HTML printed: lines" "not printed"
fi
# a walk-in (not on the list) and a participant who took one test get none
if grep -q "tidak terdaftar\|hanya pre\|hanya post\|tidak ikut" \
	"$work/selesai.csv"; then
	notok "only those who took both tests" "$(grep -c . "$work/selesai.csv")"
else
	ok "only those who took both tests are certified"
fi
