#!/bin/sh
# tests/letters-print.t - the HTML letters printed as people print them
# (Chromium headless, A4) give the pages of the PDF letters: one page per
# letter plus the attachment pages. Letters: the example bimtek's 30
# individual letters with the agenda, its collective letter with the list
# of invitees, and a letter with a long Tembusan (two columns); a district
# of 25 villages (the Tembusan continued on page 2: "- 2 -", "Tembusan
# lanjutan:"), and a letter whose closing paragraph goes to page 2 with
# the signature. The printed HTML is also read back with pdftotext: the
# place and date on one line, the agenda's times unbroken, the wording of
# the letters; in every letter, PDF and HTML, the signature stands with
# the text it signs; the collective letter's list of invitees is signed
# under its last rows, the last two rows taken onto the signature's page
# when it does not fit under them (20 invitees).
top=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
BUILD=${BUILD:-$top/build}
PATH=$BUILD/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "1..21"

# print FILE.html FILE.pdf: Chromium's "Print to PDF"
print() {
	mkdir -p "$work/profile"
	timeout 300 chromium --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$work/profile" --no-pdf-header-footer \
		--print-to-pdf="$2" "$1" >"$work/chromium.log" 2>&1
	[ -s "$2" ]
}
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

i=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); echo "not ok $i - $1"; shift; for m; do echo "# $m"; done; }

# same_pages NAME: $work/NAME.pdf and $work/NAME.html printed
same_pages() {
	if ! command -v chromium >/dev/null; then
		notok "$1: HTML pages" "chromium is not installed (make deps)"
		return
	fi
	if ! print "$work/$1.html" "$work/$1-html.pdf"; then
		notok "$1: HTML pages" "chromium did not print:" \
			"$(tail -5 "$work/chromium.log")"
		return
	fi
	a=$(pages "$work/$1.pdf") b=$(pages "$work/$1-html.pdf")
	if [ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" = "$2" ]; then
		ok "$1: HTML printed on $b pages as the PDF ($a)"
	else
		notok "$1: HTML printed on $b pages, PDF $a, expected $2"
	fi
}

# has NAME PAGE TEXT...: each TEXT on one line of page PAGE of NAME
has() {
	f=$work/$1 pg=$2 what=$1
	shift 2
	txt=$(pdftotext -layout -f "$pg" -l "$pg" "$f" - 2>&1 | tr -s ' ')
	missing=""
	for s; do
		printf '%s\n' "$txt" | grep -qF -- "$s" || missing="$missing
$s"
	done
	if [ -z "$missing" ]; then
		ok "$what page $pg: $(echo "$*" | cut -c1-60)..."
	else
		notok "$what page $pg lacks:" "$missing" "$(printf '%s\n' "$txt" | head -40)"
	fi
}

ex=$top/examples/bimtek
(cd "$ex" && ibm-invite -q -c event.conf -a agenda.csv -l "$work/ind.pdf" \
	-l "$work/ind.html" peserta.csv >/dev/null &&
 ibm-invite -q -c event.conf -C -a agenda.csv -l "$work/kol.pdf" \
	-l "$work/kol.html" peserta.csv >/dev/null) 2>"$work/err" ||
	sed "s/^/# /" "$work/err"
# 20 invitees: the list ends at a page's foot, its signature does not fit
(cd "$ex" && head -21 peserta.csv > "$work/p20.csv" &&
 ibm-invite -q -c event.conf -C -l "$work/kol20.pdf" -l "$work/kol20.html" \
	"$work/p20.csv" >/dev/null) 2>>"$work/err" || sed "s/^/# /" "$work/err"
# a long Tembusan: 10 copies and the villages of four invitees, one copy
# wrapped in its column
tb="Kepala Badan Narkotika Nasional Republik Indonesia di Jakarta"
for k in 2 3 4 5 6 7 8 9 10; do
	tb="$tb | Kepala Seksi $k BNNP NTB"
done
(cd "$ex" && head -5 peserta.csv > "$work/p4.csv" &&
 ibm-invite -q -c event.conf -s "tembusan=$tb" -l "$work/long.pdf" \
	-l "$work/long.html" "$work/p4.csv" >/dev/null) 2>>"$work/err" ||
	sed "s/^/# /" "$work/err"

# 25 villages: the example's participants spread over them
awk -F';' 'BEGIN { OFS = ";" } NR > 1 && $2 != "" {
	$6 = (NR % 2 ? "Desa Uji " : "Kelurahan Uji ") (NR % 25 + 1) } { print }' \
	"$ex/peserta.csv" >"$work/p25.csv"
(cd "$ex" && ibm-invite -q -c event.conf -a agenda.csv -l "$work/v25.pdf" \
	-l "$work/v25.html" "$work/p25.csv" >/dev/null) 2>>"$work/err" ||
	sed "s/^/# /" "$work/err"
# the closing paragraph and the signature on page 2
acara="Bimbingan Teknis Intervensi Berbasis Masyarakat (IBM) bagi Agen Pemulihan, Ketua Unit IBM, Kader PKK, Tokoh Masyarakat dan Tokoh Agama di Kabupaten Sumbawa Tahun Anggaran 2024 dalam rangka Penguatan Layanan Rehabilitasi Berbasis Masyarakat di Desa dan Kelurahan Bersinar serta Pemetaan Potensi Wilayah"
(cd "$ex" && head -3 peserta.csv > "$work/p2.csv" &&
 ibm-invite -q -c event.conf -s "acara=$acara" \
	-s "kontak=Baiq Lina Marlina, S.Psi. (0812-3700-1122), Muhammad Rizal, S.Kep., Ns. (0813-3900-2233) atau Sri Wahyuni (0819-0700-4455) pada jam kerja" \
	-s "tempat=Aula Hotel Tambora, Jl. Kebayan No. 2, Kelurahan Brang Bara, Kecamatan Sumbawa, Kabupaten Sumbawa, Provinsi Nusa Tenggara Barat" \
	-a agenda.csv -l "$work/keep.pdf" -l "$work/keep.html" "$work/p2.csv" \
	>/dev/null) 2>>"$work/err" || sed "s/^/# /" "$work/err"

same_pages ind 60
same_pages kol 4
same_pages kol20 3
same_pages long 4
same_pages v25 90
same_pages keep 6
has ind-html.pdf 1 "Sumbawa Besar, 14 Juni 2024" "Kelurahan Brang Bara" \
	"Yth. Sdr. Lalu Muhammad Hamdi" "mengundang Saudara untuk hadir" \
	"Untuk informasi lebih lanjut, Saudara dapat menghubungi" \
	"Lampiran : 1 (satu) lembar" "4. Lurah Brang Bara"
has ind-html.pdf 2 "Lampiran Surat Kepala Badan Narkotika Nasional" \
	"SUSUNAN ACARA" "07.30 - 08.00" "09.00 - 12.00"
has ind-html.pdf 3 "Yth. Sdri. Baiq Nurul Aini" \
	"mengundang Saudari untuk hadir"
has kol-html.pdf 1 "Lampiran : 3 (tiga) lembar" "Nomor : B/261/VI/" \
	"Saudara/i yang namanya tercantum"
has kol-html.pdf 2 "DAFTAR PESERTA" "Nomor : B/261/VI/"
has kol-html.pdf 3 "23 Suparman" "30 Andi Ma"
# the list signed under its last rows, PDF and HTML
has kol.pdf 3 "30 Andi Ma" "Dr. Lalu Hamdani, S.H., M.H." "NIP. 19750312"
has kol20-html.pdf 3 "19 Zulkifli" "20 Rahmawati" \
	"Dr. Lalu Hamdani, S.H., M.H."
# the long Tembusan: two columns on the letter's page, the last copy there
has long-html.pdf 1 "Tembusan:" "1. Kepala Badan Narkotika Nasional" \
	"14. Lurah Lempeh"
# both set it in two columns
for f in long.pdf long-html.pdf; do
	txt=$(pdftotext -layout -f 1 -l 1 "$work/$f" -)
	if printf '%s\n' "$txt" | grep -q "14. Lurah Lempeh" &&
	   printf '%s\n' "$txt" | grep -q "^ *1\. .*  8\. "; then
		ok "$f: long Tembusan in two columns on the letter's page"
	else
		notok "$f: long Tembusan in two columns on the letter's page" \
			"$(printf '%s\n' "$txt" | tail -20)"
	fi
done
# 25 villages: page 2 of the letter continues its Tembusan, numbered
# ("- 2 -", which pdftotext reads "-2-")
has v25.pdf 2 "-2-" "Tembusan lanjutan:" "28. "
has v25-html.pdf 2 "-2-" "Tembusan lanjutan:" "28. "
# the closing paragraph on page 2 with the signature, in both
has keep-html.pdf 2 "-2-" "Mengingat pentingnya kegiatan tersebut" \
	"Dr. Lalu Hamdani, S.H., M.H."
# no signature alone on a page, in any letter, PDF or printed HTML
fail=""
for f in ind kol kol20 long v25 keep; do
	for g in "$f.pdf" "$f-html.pdf"; do
		[ -f "$work/$g" ] || { fail="$fail $g missing"; continue; }
		"$PYTHON" "$top/tests/pdfcheck.py" --signed \
			"Dr. Lalu Hamdani, S.H., M.H." "$work/$g" >"$work/check" ||
			fail="$fail $(tail -n +2 "$work/check" | head -3)"
	done
done
if [ -z "$fail" ]; then
	ok "every letter's signature with the text it signs, PDF and HTML"
else
	notok "a signature alone on a page" "$fail"
fi
