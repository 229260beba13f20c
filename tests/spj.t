#!/bin/sh
# tests/spj.t - ibm-spj's papers as people print them and as auditors add
# them up: 95 participants (two absent) and the speakers of the worked
# examples. The daftar nominatif as PDF, printed HTML (Chromium) and a
# workbook printed by LibreOffice: every page that leaves a table carries
# its running totals ("Jumlah dipindahkan") to the top of the next
# ("Jumlah pindahan"), each total is the one before plus the page's rows,
# the last total and the receipts are the CSV's sums to the rupiah; no
# text under 8 pt, no words overlapping (tests/pdfcheck.py); the HTML
# prints on the PDF's pages.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-/usr/bin/python3}
PATH=$BUILD/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "1..12"
i=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); echo "not ok $i - $1"; shift; for m; do echo "# $m"; done; }
skip() { i=$((i + 1)); echo "ok $i # skip $1"; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
print() {
	mkdir -p "$work/profile"
	timeout 300 chromium --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$work/profile" --no-pdf-header-footer \
		--print-to-pdf="$2" "$1" >"$work/chromium.log" 2>&1
	[ -s "$2" ]
}

d=$top/tests/data/spj
# 95 participants from three kecamatan, days 3, 2 and two absent
{
	echo "participant_id,nama,jabatan,unit_ibm,desa_kelurahan,kecamatan,kabupaten_kota,hari_hadir"
	n=1
	while [ $n -le 95 ]; do
		case $((n % 3)) in
		0) kec=Sumbawa ;; 1) kec="Moyo Hilir" ;; *) kec=Taliwang ;;
		esac
		days=3
		[ $((n % 7)) = 0 ] && days=2
		[ $n = 13 ] || [ $n = 58 ] && days=0
		printf 'IBM-%08d,Peserta Nomor %d,Agen Pemulihan,IBM Desa %d,Desa %d,%s,Kabupaten Sumbawa Barat,%d\n' \
			$n $n $n $n "$kec" $days
		n=$((n + 1))
	done
} > "$work/peserta.csv"
ibm-spj -c "$d/event.conf" -s "kpa_nama=Dr. Lalu Hamdani, S.H., M.H." \
	-s "kpa_nip=19750312 200212 1 004" -r "$d/tarif.csv" \
	-p "$work/peserta.csv" -n "$d/narasumber.csv" \
	-l "$work/l.pdf" -l "$work/l.html" -l "$work/l.xlsx" \
	-k "$work/k.pdf" -k "$work/k.html" > "$work/spj.csv" 2> "$work/err"
st=$?

# carried.py FILE.pdf KIND: the pages of the table of KIND read back:
# every "Jumlah dipindahkan" the next page's "Jumlah pindahan", each the
# one before plus the rows between, the last "JUMLAH" the CSV's sums.
cat > "$work/carried.py" <<'EOF'
import csv, re, subprocess, sys
pdf, kind, spj = sys.argv[1], sys.argv[2], sys.argv[3]
text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                      capture_output=True).stdout.decode()
num = r"([0-9.,]+|-)"
def val(s):
    return 0 if s == "-" else int(s.replace(".", "").replace(",", ""))
rows = list(csv.DictReader(open(spj, encoding="utf-8")))
want = [sum(int(r[k]) for r in rows if r["jenis"].upper() == kind)
        for k in ("bruto", "pph21", "neto")]
inside, carried, run, pages, last = False, None, [0, 0, 0], 0, None
for page in text.split("\f"):
    if "PENERIMAAN " + kind + "\n" in page:
        inside, carried, run = True, None, [0, 0, 0]
    elif "DAFTAR NOMINATIF" in page:
        inside = False
    if not inside:
        continue
    pages += 1
    for line in page.splitlines():
        m = re.search(r"Jumlah pindahan\s+%s\s+%s\s+%s\s*$" % (num, num, num), line)
        if m:
            got = [val(x) for x in m.groups()]
            if got != carried:
                sys.exit("page %d: pindahan %s, carried %s" % (pages, got, carried))
            continue
        m = re.search(r"(Jumlah dipindahkan|JUMLAH)\s+%s\s+%s\s+%s\s*$" % (num, num, num), line)
        if m:
            got = [val(x) for x in m.groups()[1:]]
            if got != run:
                sys.exit("page %d: %s %s, the rows add up to %s" % (pages, m.group(1), got, run))
            carried = got
            if m.group(1) == "JUMLAH":
                last = got
            continue
        # a payee's row: No, ..., the rate, the amount, the tax, received
        m = re.match(r"\s*\d+\s.*\s%s\s+%s\s+%s\s+%s\s+(\d+\. \.+|tidak hadir)\s*$" % (num, num, num, num), line)
        if m:
            for k in range(3):
                run[k] += val(m.group(k + 2))
if last != want:
    sys.exit("the total %s, the CSV's %s" % (last, want))
print("%d pages, total %s" % (pages, last))
EOF

if [ $st = 0 ] && [ "$(grep -c '^[0-9]' "$work/spj.csv")" = 192 ]; then
	ok "ibm-spj: 95 participants x 2 kinds and 2 speakers, $(wc -l < "$work/err") warnings"
else
	notok "ibm-spj ran" "status $st" "$(cat "$work/err")"
fi

# the PDF list: each table's totals carried from page to page
for kind in "UANG SAKU" TRANSPORT; do
	if out=$("$PYTHON" "$work/carried.py" "$work/l.pdf" "$kind" "$work/spj.csv" 2>&1); then
		ok "list.pdf, $kind: totals carried over pages, the last the CSV's ($out)"
	else
		notok "list.pdf, $kind: totals carried" "$out"
	fi
done

# the absent are listed, and nothing paid
txt=$(pdftotext -layout "$work/l.pdf" - | tr -s ' ')
if [ "$(printf '%s\n' "$txt" | grep -c 'Peserta Nomor \(13\|58\) .* 0 - - - - tidak hadir')" = 4 ]; then
	ok "the two absent listed in both tables as tidak hadir, nothing paid"
else
	notok "absent listed" "$(printf '%s\n' "$txt" | grep 'Nomor 13 ')"
fi

# the heads whole: the unit of a table ("Hari", "Orang") one word on its
# line of the head, on every page, not broken into "Oran" and "g"
if [ "$(printf '%s\n' "$txt" | grep -c 'No Nama Jabatan / Unit Desa/.* Orang Tarif')" -ge 2 ] &&
	[ "$(printf '%s\n' "$txt" | grep -c 'No Nama Jabatan / Unit Desa/.* Hari Tarif')" -ge 2 ]; then
	ok "the unit of every table whole in its head (Hari, Orang)"
else
	notok "the unit in the head" "$(printf '%s\n' "$txt" | grep 'No Nama' | sort | uniq -c)"
fi

# the receipts: one per speaker, their sums the CSV's
r=$(pdftotext -layout "$work/k.pdf" - | tr -s ' ')
if [ "$(pages "$work/k.pdf")" = 2 ] &&
   printf '%s\n' "$r" | grep -q 'Uang sejumlah : Rp1.800.000' &&
   printf '%s\n' "$r" | grep -q 'PPh Pasal 21 (5%) Rp90.000' &&
   printf '%s\n' "$r" | grep -q 'Jumlah diterima Rp1.710.000' &&
   printf '%s\n' "$r" | grep -q 'Terbilang : Satu juta delapan ratus ribu rupiah' &&
   printf '%s\n' "$r" | grep -q 'PPh Pasal 21 (2,5%) Rp85.000' &&
   [ "$(printf '%s\n' "$r" | sed -n 's/.*Jumlah diterima Rp\([0-9.]*\).*/\1/p' | tr -d . |
	awk '{ s += $1 } END { print s }')" = \
     "$(awk -F, '/Honorarium/ { s += $(NF-1) } END { print s }' "$work/spj.csv")" ]; then
	ok "receipts: one per speaker, the worked examples, their sum the CSV's"
else
	notok "receipts" "$(printf '%s\n' "$r" | head -30)"
fi

# no small text, no overlapping words
if out=$("$PYTHON" "$top/tests/pdfcheck.py" "$work/l.pdf" "$work/k.pdf" 2>&1); then
	ok "pdfcheck: $(echo "$out" | sed 's|.*/||' | paste -sd';')"
else
	notok "pdfcheck" "$out"
fi

# the HTML printed by Chromium: the PDF's pages and totals
if ! command -v chromium >/dev/null; then
	skip "chromium is not installed (make deps)"
	skip "chromium is not installed (make deps)"
	skip "chromium is not installed (make deps)"
else
	for f in l k; do
		if print "$work/$f.html" "$work/$f-html.pdf" &&
		   [ "$(pages "$work/$f.pdf")" = "$(pages "$work/$f-html.pdf")" ]; then
			ok "$f.html printed on the $(pages "$work/$f.pdf") pages of the PDF"
		else
			notok "$f.html printed on $(pages "$work/$f-html.pdf") pages, the PDF $(pages "$work/$f.pdf")" \
				"$(tail -3 "$work/chromium.log")"
		fi
	done
	if out=$("$PYTHON" "$work/carried.py" "$work/l-html.pdf" "UANG SAKU" "$work/spj.csv" 2>&1) &&
	   out2=$("$PYTHON" "$top/tests/pdfcheck.py" "$work/l-html.pdf" "$work/k-html.pdf" 2>&1); then
		ok "printed HTML: totals carried ($out), no small text or overlaps"
	else
		notok "printed HTML: totals and pdfcheck" "$out" "$out2"
	fi
fi

# the workbook printed by LibreOffice: its pages carry the totals too
if ! command -v soffice >/dev/null 2>&1; then
	skip "no soffice (LibreOffice)"
	skip "no soffice (LibreOffice)"
else
	HOME=$work soffice -env:UserInstallation="file://$work/lo" --headless \
		--convert-to pdf --outdir "$work/x" "$work/l.xlsx" >"$work/.soffice" 2>&1
	np=$(pages "$work/x/l.pdf")
	if out=$("$PYTHON" "$work/carried.py" "$work/x/l.pdf" "UANG SAKU" "$work/spj.csv" 2>&1) &&
	   pdftotext -layout -f "$np" -l "$np" "$work/x/l.pdf" - | grep -q "Halaman $np dari $np"; then
		ok "list.xlsx printed by LibreOffice: totals carried ($out), Halaman $np dari $np"
	else
		notok "list.xlsx printed: totals carried" "$out" "$(cat "$work/.soffice")"
	fi
	if out=$("$PYTHON" "$top/tests/pdfcheck.py" "$work/x/l.pdf" 2>&1) &&
	   ! pdftotext "$work/x/l.pdf" - | grep -q '###'; then
		ok "list.xlsx printed: $(echo "$out" | sed 's|.*/||')"
	else
		notok "list.xlsx printed: pdfcheck" "$out"
	fi
fi
