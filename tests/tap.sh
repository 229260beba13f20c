# tests/tap.sh - sourced by the scripted tests (. "$top/tests/tap.sh"
# after $work is made): TAP lines (ok, notok, numbered in turn), a PDF's
# pages, and an HTML file printed as people print it (Chromium headless,
# A4, no header or footer) into a PDF.
i=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); echo "not ok $i - $1"; shift; for m; do echo "# $m"; done; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
# print FILE.html FILE.pdf: Chromium's "Print to PDF" (its log in
# $work/chromium.log)
print() {
	mkdir -p "$work/profile"
	timeout 300 chromium --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$work/profile" --no-pdf-header-footer \
		--print-to-pdf="$2" "$1" >"$work/chromium.log" 2>&1
	[ -s "$2" ]
}
# lo_check WHAT FILE.xlsx: the workbook as LibreOffice prints it (its PDF
# in $work/lo-pdf), with its text at 8 points or more and no words
# overlapping (tests/pdfcheck.py); one TAP line, skipped without soffice
lo_check() {
	if ! command -v soffice >/dev/null 2>&1; then
		ok "$1 # skip no soffice (LibreOffice)"
		return
	fi
	HOME=$work soffice -env:UserInstallation="file://$work/lo" --headless \
		--convert-to pdf --outdir "$work/lo-pdf" "$2" \
		>"$work/soffice.log" 2>&1
	if out=$("${PYTHON:-python3}" "$top/tests/pdfcheck.py" \
		"$work/lo-pdf/$(basename "$2" .xlsx).pdf" 2>&1); then
		ok "$1: $(echo "$out" | sed 's|.*/||')"
	else
		notok "$1" "$out" "$(cat "$work/soffice.log")"
	fi
}
