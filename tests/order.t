#!/bin/sh
# tests/order.t - ibm-invite --order: the Surat Perintah read back with
# pdftotext (every part present and in order, the officers' table; with a
# long list "Daftar terlampir" and the table on the attachment page), and
# its HTML printed by Chromium on the pages of the PDF; in both the
# signature never stands alone on a page (the example's 4 officers push
# it to page 2: "Untuk" goes with it, under "- 2 -"; 14 officers fill the
# attachment's second page: its last two rows go with the signature).
top=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
BUILD=${BUILD:-$top/build}
PATH=$BUILD/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "1..10"
i=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); echo "not ok $i - $1"; shift; for m; do echo "# $m"; done; }
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

# in_order FILE TEXT...: each TEXT found after the one before
in_order() {
	f=$1
	shift
	txt=$(pdftotext -layout "$f" - | tr -s ' ')
	rest=$txt
	for s; do
		case $rest in
		*"$s"*) rest=${rest#*"$s"} ;;
		*) echo "missing or out of order: $s"; return 1 ;;
		esac
	done
}

ex=$top/examples/bimtek
(cd "$ex" && ibm-invite -q -c event.conf --order "$work/s.pdf" \
	--order "$work/s.html" --staff petugas.csv peserta.csv > /dev/null) \
	2> "$work/err"
if why=$(in_order "$work/s.pdf" "BADAN NARKOTIKA NASIONAL KABUPATEN SUMBAWA" \
	"SURAT PERINTAH" "Nomor: Sprin/118/VI/Ka/Rh.01.01/2024/BNNK-SBW" \
	"Menimbang : bahwa untuk kelancaran pelaksanaan" \
	"Dasar : 1. Undang-Undang Nomor 35 Tahun 2009 tentang Narkotika" \
	"2. Peraturan Presiden Nomor 47 Tahun 2019" "DIPERINTAHKAN" "Kepada :" \
	"No Nama" "Jabatan" "1 Baiq Lina Marlina, S.Psi. Penata (III/c)" "Ketua Pelaksana" \
	"19860412 201001 2 015" "4 I Made Sudarsana" "Untuk : 1. Melaksanakan tugas" \
	"pada Senin s.d. Rabu, 24 s.d. 26 Juni 2024" \
	"2. Melaporkan hasil pelaksanaan tugas kepada Kepala Badan Narkotika" \
	"3. Melaksanakan perintah ini dengan penuh tanggung jawab." \
	"Dikeluarkan di : Sumbawa Besar" "Pada tanggal : 14 Juni 2024" \
	"Kepala Badan Narkotika Nasional" "Dr. Lalu Hamdani, S.H., M.H." \
	"NIP. 19750312 200212 1 004" "Tembusan:" \
	"1. Kepala BNN Provinsi Nusa Tenggara Barat"); then
	ok "Sprin: every part, in order, with the officers' table"
else
	notok "Sprin: every part in order" "$why" "$(cat "$work/err")" \
		"$(pdftotext -layout "$work/s.pdf" - | head -60)"
fi
if pdftotext "$work/s.pdf" - | grep -q "Daftar terlampir"; then
	notok "Sprin with 4 officers: no attachment"
else
	ok "Sprin with 4 officers: the table in the letter, no attachment"
fi

# a long list: 9 officers, "Daftar terlampir" and the attachment
{ cat "$ex/petugas.csv"
  for k in 1 2 3 4 5; do
	echo "Petugas Tambahan $k,Penata Muda (III/a),1990010$k 201901 1 00$k,Penyuluh Narkoba,Pelaksana"
  done; } > "$work/long.csv"
(cd "$ex" && ibm-invite -q -c event.conf --order "$work/l.pdf" \
	--order "$work/l.html" --staff "$work/long.csv" peserta.csv > /dev/null) \
	2> "$work/err"
np=$(pages "$work/l.pdf")
last=$(pdftotext -layout -f "$np" -l "$np" "$work/l.pdf" - | tr -s ' ')
if why=$(in_order "$work/l.pdf" "SURAT PERINTAH" "DIPERINTAHKAN" \
	"Kepada : Daftar terlampir." "Untuk : 1." "Tembusan:" \
	"Lampiran Surat Perintah Kepala Badan Narkotika" \
	"Nomor : Sprin/118/VI/Ka/Rh.01.01/2024/BNNK-SBW" \
	"Tanggal : 14 Juni 2024" "DAFTAR PETUGAS" "No Nama" \
	"1 Baiq Lina Marlina" "9 Petugas Tambahan 5" \
	"Dr. Lalu Hamdani, S.H., M.H.") &&
   printf '%s\n' "$last" | grep -q "DAFTAR PETUGAS" &&
   printf '%s\n' "$last" | grep -q "9 Petugas Tambahan 5"; then
	ok "Sprin with 9 officers: Daftar terlampir, the table on the attachment page ($np pages)"
else
	notok "Sprin with 9 officers: attachment" "$why" "$(cat "$work/err")" \
		"$(pdftotext -layout "$work/l.pdf" - | head -80)"
fi
n=$(pdftotext "$work/l.pdf" - | grep -c "^Petugas Tambahan")
[ "$n" = 5 ] && ok "attachment: every officer once" ||
	notok "attachment: every officer once" "found $n"

# 14 officers: the attachment's table ends at a page's foot; the
# signature takes its last two rows onto the next page, PDF and HTML
{ cat "$ex/petugas.csv"
  for k in 5 6 7 8 9 10 11 12 13 14; do
	echo "Petugas $k,Penata Muda (III/a),1990010$k 201901 1 0$k,Penyuluh Narkoba,Pelaksana"
  done; } > "$work/p14.csv"
(cd "$ex" && ibm-invite -q -c event.conf --order "$work/p14.pdf" \
	--order "$work/p14.html" --staff "$work/p14.csv" peserta.csv >/dev/null) \
	2>"$work/err"
fail=""
for f in p14.pdf p14-html.pdf; do
	[ "$f" = p14.pdf ] || print "$work/p14.html" "$work/$f" ||
		{ fail="$fail $f: chromium did not print"; continue; }
	np=$(pages "$work/$f")
	last=$(pdftotext -layout -f "$np" -l "$np" "$work/$f" - | tr -s ' ')
	printf '%s\n' "$last" | grep -q "^ *13 Petugas 13" &&
		printf '%s\n' "$last" | grep -q "^ *14 Petugas 14" &&
		printf '%s\n' "$last" | grep -q "Dr. Lalu Hamdani" ||
		fail="$fail $f page $np: $(printf '%s\n' "$last" | head -8 | tr '\n' '|')"
done
if [ -z "$fail" ]; then
	ok "Sprin with 14 officers: the last two rows with the signature, PDF and HTML"
else
	notok "Sprin with 14 officers: signature without the last rows" "$fail" \
		"$(cat "$work/err")"
fi

# Untuk and Menimbang from the event file; a TrueType-free check of text
(cd "$ex" && ibm-invite -q -c event.conf \
	-s 'untuk=Bertugas sebagai panitia | Melapor kepada Kepala Seksi Rehabilitasi' \
	-s 'menimbang=bahwa perlu menunjuk panitia; | bahwa yang namanya tercantum dianggap cakap.' \
	--order "$work/u.pdf" --staff petugas.csv peserta.csv > /dev/null) 2> "$work/err"
if why=$(in_order "$work/u.pdf" "Menimbang : 1. bahwa perlu menunjuk panitia;" \
	"2. bahwa yang namanya tercantum" "Untuk : 1. Bertugas sebagai panitia" \
	"2. Melapor kepada Kepala Seksi Rehabilitasi" "Dikeluarkan di") &&
   ! pdftotext "$work/u.pdf" - | grep -q "penuh tanggung jawab"; then
	ok "menimbang and untuk from the event file replace the defaults"
else
	notok "menimbang and untuk from the event file" "$why" "$(cat "$work/err")"
fi

# the HTML printed by Chromium: the pages of the PDF, the same text
for name in s l; do
	if ! command -v chromium >/dev/null; then
		notok "$name.html: pages" "chromium is not installed (make deps)"
		continue
	fi
	if ! print "$work/$name.html" "$work/$name-html.pdf"; then
		notok "$name.html: pages" "chromium did not print" "$(tail -5 "$work/chromium.log")"
		continue
	fi
	a=$(pages "$work/$name.pdf") b=$(pages "$work/$name-html.pdf")
	if [ -n "$a" ] && [ "$a" = "$b" ]; then
		ok "$name.html printed on $b pages as the PDF"
	else
		notok "$name.html printed on $b pages, the PDF on $a"
	fi
done
if why=$(in_order "$work/s-html.pdf" "SURAT PERINTAH" \
	"Nomor: Sprin/118/VI/Ka/Rh.01.01/2024/BNNK-SBW" "Menimbang" "Dasar" \
	"DIPERINTAHKAN" "Baiq Lina Marlina" "Untuk" "Dikeluarkan di" \
	"Dr. Lalu Hamdani, S.H., M.H." "Tembusan:"); then
	ok "the printed HTML reads as the PDF"
else
	notok "the printed HTML reads as the PDF" "$why" \
		"$(pdftotext -layout "$work/s-html.pdf" - | head -40)"
fi
# the signature with the text it signs, in the PDF and the printed HTML
fail=""
for f in s.pdf s-html.pdf l.pdf l-html.pdf; do
	[ -f "$work/$f" ] || { fail="$fail $f missing"; continue; }
	"$PYTHON" "$top/tests/pdfcheck.py" --signed "Dr. Lalu Hamdani, S.H., M.H." \
		"$work/$f" >"$work/check" || fail="$fail $(tail -n +2 "$work/check")"
done
p2=$(pdftotext -layout -f 2 -l 2 "$work/s.pdf" - | tr -s ' ')
printf '%s\n' "$p2" | grep -q "^ *- *2 *-" && printf '%s\n' "$p2" | grep -q "Untuk : 1." ||
	fail="$fail s.pdf page 2: $(printf '%s\n' "$p2" | head -3 | tr '\n' ' ')"
if [ -z "$fail" ]; then
	ok "signature with the text it signs (Untuk on page 2, \"- 2 -\"), PDF and HTML"
else
	notok "signature alone on a page:" "$fail"
fi
