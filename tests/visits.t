#!/bin/sh
# tests/visits.t - the papers of the Monev visits (ibm-invite --visits) of
# examples/monev/kunjungan, read back with pdftotext: a letter per visit on
# one page each, to the village head the village's kind says, with the
# documents of the spec and the Camat's copy; the Surat Tugas of each team
# with its officers and destinations; the SPD of each officer and trip,
# sheets I and II one page each, days counted, travel in town; the
# schedule per team and combined with its signature not alone; the text
# at 8 points or more, no words overlapping (pdfcheck.py); the HTML
# printed by Chromium on the PDF's pages; the schedule workbook read back
# (openpyxl) and printed by LibreOffice; a schedule given as a workbook.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-/usr/bin/python3}
PATH=$BUILD/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "1..10"
. "$top/tests/tap.sh"
# page N of FILE, spaces folded
page() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null | tr -s ' '; }
# has TEXT PATTERN...: every pattern (fixed string) in TEXT
has() {
	t=$1
	shift
	for s; do
		printf '%s\n' "$t" | grep -qF -- "$s" || { echo "missing: $s"; return 1; }
	done
}

ex=$top/examples/monev/kunjungan
(cd "$ex" && ibm-invite -c monev.conf --visits jadwal.csv --staff petugas.csv \
	--units ../daftar/unit-ibm.csv \
	-l "$work/surat.pdf" -l "$work/surat.html" \
	--assignment "$work/tugas.pdf" --assignment "$work/tugas.html" \
	--spd "$work/spd.pdf" --spd "$work/spd.html" \
	--schedule "$work/jadwal.pdf" --schedule "$work/jadwal.html" \
	--schedule "$work/jadwal.xlsx" > "$work/kunjungan.csv") 2>"$work/err"

# letters: one page per visit, in the order of the CSV output
n=$(($(wc -l < "$work/kunjungan.csv") - 1))
np=$(pages "$work/surat.pdf")
why=""
[ "$n" = 13 ] && [ "$np" = "$n" ] || why="$np pages for $n visits"
k=1
while [ -z "$why" ] && [ $k -le "$n" ]; do
	t=$(page "$work/surat.pdf" $k)
	row=$(sed -n "$((k + 1))p" "$work/kunjungan.csv")
	unit=$(echo "$row" | cut -d, -f3)
	desa=$(echo "$row" | cut -d, -f4)
	kec=$(echo "$row" | cut -d, -f5)
	case $desa in
	Kelurahan*) head="Yth. Lurah ${desa#Kelurahan }" ;;
	*) head="Yth. Kepala Desa ${desa#Desa }" ;;
	esac
	nomor=$(echo "$row" | awk -F, '{ print $(NF-1) }')
	if ! w=$(has "$t" "$head" "Nomor : $nomor" "Unit $unit" \
		"Hal : Pemberitahuan Monitoring dan Evaluasi IBM" \
		"hari/tanggal :" "waktu :" "tempat :" "tim : 1." \
		"SK Kepala Desa/Lurah tentang pembentukan Unit IBM" \
		"Daftar Agen Pemulihan beserta sertifikat pelatihannya" \
		"Register layanan klien" "Drs. H. Lalu Suparman, M.Si." \
		"Tembusan:" "Camat $kec"); then
		why="page $k ($unit): $w"
	fi
	[ "$(printf '%s\n' "$t" | grep -c "Daftar Agen Pemulihan")" = 1 ] ||
		why="page $k: a document asked twice"
	k=$((k + 1))
done
[ -z "$why" ] && ok "letters: $n visits, one page each, to the Lurah or Kepala Desa, documents, Camat" ||
	notok "letters" "$why" "$(cat "$work/err")"

# Surat Tugas: a letter per team with its officers and destinations
t=$(pdftotext -layout "$work/tugas.pdf" - | tr -s ' ')
if w=$(has "$t" "SURAT TUGAS" "Nomor: Sgas/87/X/Ka/Rh.00.01/2024/BNNP-NTB" \
	"Nomor: Sgas/88/X/Ka/Rh.00.01/2024/BNNP-NTB" \
	"Nomor: Sgas/89/X/Ka/Rh.00.01/2024/BNNP-NTB" "MEMBERI TUGAS" \
	"Menimbang : bahwa dalam rangka pelaksanaan Monitoring dan Evaluasi" \
	"Dasar : 1. Peraturan Badan Narkotika Nasional Nomor 6 Tahun 2021" \
	"No Nama Pangkat/Gol. dan Jabatan Keterangan" \
	"1 dr. Muhammad Fauzan, Penata Tk. I (III/d)" \
	"Untuk : 1. Melaksanakan Monitoring dan Evaluasi" \
	"No Hari/Tanggal Waktu Unit IBM Desa/Kelurahan, Kecamatan," \
	"Senin, 4 November 2024 13.00 WITA IBM Kuang Bersinar Desa Kuang" \
	"Rabu, 13 November 2024 09.00 WITA IBM Manemeng Desa Manemeng" \
	"2. Melaporkan hasil pelaksanaan tugas kepada Kepala Badan" \
	"Dikeluarkan di : Mataram" "Pada tanggal : 7 Oktober 2024") &&
   [ "$(printf '%s\n' "$t" | grep -c "^ *SURAT TUGAS")" = 3 ]; then
	# the signatory's page also holds the text it signs
	lone=""
	np=$(pages "$work/tugas.pdf")
	k=1
	while [ $k -le "$np" ]; do
		p=$(page "$work/tugas.pdf" $k)
		if printf '%s\n' "$p" | grep -q "Drs. H. Lalu Suparman" &&
		   ! printf '%s\n' "$p" | grep -q "Melaksanakan tugas ini"; then
			lone="$lone $k"
		fi
		k=$((k + 1))
	done
	[ -z "$lone" ] && ok "Surat Tugas: three teams, officers, destinations in order, signed with its text ($np pages)" ||
		notok "Surat Tugas: the signature alone on page$lone"
else
	notok "Surat Tugas" "$w" "$(printf '%s\n' "$t" | head -50)"
fi

# SPD: two sheets per officer and trip; Tim 1 2 x 1 trip, Tim 2 2 x 2,
# Tim 3 3 x 2: 12 SPD, 24 pages
np=$(pages "$work/spd.pdf")
why=""
[ "$np" = 24 ] || why="$np pages, want 24"
k=1
while [ -z "$why" ] && [ $k -le "$np" ]; do
	t=$(page "$work/spd.pdf" $k)
	if [ $((k % 2)) = 1 ]; then
		w=$(has "$t" "SURAT PERJALANAN DINAS (SPD)" "Lembar ke" \
			"Kode No. : 066.01" "1. Pejabat Pembuat Komitmen Sri Rahayu" \
			"2. Nama/NIP Pegawai" "3. a. Pangkat dan Golongan" \
			"4. Maksud Perjalanan Dinas" "5. Alat angkutan" \
			"6. a. Tempat berangkat a. Mataram" "7. a. Lamanya" \
			"8. Pengikut: Nama" "9. Pembebanan Anggaran" \
			"10. Keterangan lain-lain" "Dikeluarkan di : Mataram" \
			"NIP. 19790623 200501 2 002") || why="sheet I, page $k: $w"
	else
		w=$(has "$t" "LEMBAR II" "I. Berangkat dari : Mataram" \
			"II. Tiba di" "III. Tiba di" "IV. Tiba di" \
			"V. Tiba di : Mataram" "VI. Catatan lain-lain" \
			"VII. PERHATIAN") || why="sheet II, page $k: $w"
	fi
	k=$((k + 1))
done
t=$(pdftotext -layout "$work/spd.pdf" - | tr -s ' ')
# the trips: Tim 2 on 17-18 and 21 October, Tim 3 on 4-8 and 12-13
# November; Tim 1 in the office's own district
if [ -z "$why" ] && w=$(has "$t" "a. 3 (tiga) hari" "a. 2 (dua) hari" \
	"a. 1 (satu) hari" "a. 5 (lima) hari" "b. 4 November 2024" \
	"c. 8 November 2024" "Perjalanan dinas dalam kota" "b. 524113" \
	"b. 524111" "b. Kabupaten Sumbawa Barat (Desa Kiantar, Kecamatan" \
	"II. Tiba di : Desa Kiantar" "III. Tiba di : Desa Manemeng"); then
	[ "$(printf '%s\n' "$t" | grep -c "Perjalanan dinas dalam kota")" = 2 ] &&
		ok "SPD: 12 officer-trips, sheets I and II one page each, days, places, travel in town" ||
		notok "SPD: travel in town only for Tim 1's two officers"
else
	notok "SPD" "$why$w"
fi

# the schedule document: teams, then the combined table with its signature
t=$(pdftotext -layout "$work/jadwal.pdf" - | tr -s ' ')
np=$(pages "$work/jadwal.pdf")
last=$(page "$work/jadwal.pdf" "$np")
if w=$(has "$t" "JADWAL MONITORING DAN EVALUASI" "Tim 1" \
	"Petugas: Baiq Nurul Hidayati, S.Psi. (Ketua Tim)" "Tim 3" \
	"JADWAL GABUNGAN" "13 Rabu, 13 November 2024 09.00 WITA Tim 3 IBM Manemeng") &&
   printf '%s\n' "$last" | grep -q "IBM Manemeng" &&
   printf '%s\n' "$last" | grep -q "Drs. H. Lalu Suparman"; then
	ok "schedule: per team and combined, signed with its last row ($np pages)"
else
	notok "schedule document" "$w" "$(printf '%s\n' "$last" | head -20)"
fi

# text size and overlaps
if out=$("$PYTHON" "$top/tests/pdfcheck.py" "$work/surat.pdf" \
	"$work/tugas.pdf" "$work/spd.pdf" "$work/jadwal.pdf" 2>&1); then
	ok "text at 8 pt or more, no words overlapping"
else
	notok "pdfcheck.py" "$out"
fi

# the HTML printed by Chromium on the PDF's pages
if ! command -v chromium >/dev/null; then
	notok "HTML pages" "chromium is not installed (make deps)"
else
	why=""
	for f in surat tugas spd jadwal; do
		if ! print "$work/$f.html" "$work/$f-html.pdf"; then
			why="$why $f: chromium did not print"
			continue
		fi
		a=$(pages "$work/$f.pdf") b=$(pages "$work/$f-html.pdf")
		[ "$a" = "$b" ] || why="$why $f: $b pages, PDF $a"
	done
	if [ -z "$why" ] && has "$(page "$work/spd-html.pdf" 1)" \
		"SURAT PERJALANAN DINAS (SPD)" "10. Keterangan lain-lain" >/dev/null &&
	   has "$(page "$work/surat-html.pdf" 4)" "Yth. Kepala Desa Dasan Geres" \
		"Camat Gerung" >/dev/null; then
		ok "HTML printed on the PDF's pages: letters, Surat Tugas, SPD, schedule"
	else
		notok "HTML pages:$why" "$(tail -3 "$work/chromium.log")"
	fi
fi

# the schedule workbook read back
if out=$("$PYTHON" - "$work/jadwal.xlsx" "$work/kunjungan.csv" 2>&1 <<'EOF'
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ['Semua Tim', 'Tim 1', 'Tim 2', 'Tim 3'], wb.sheetnames
rows = list(csv.DictReader(open(sys.argv[2], encoding='utf-8')))
def body(ws):
    out = []
    for r in ws.iter_rows(min_row=6, values_only=True):
        if r[0] is None:
            break
        out.append(r)
    return out
allr = body(wb['Semua Tim'])
assert [r[4] for r in allr] == [r['nama_unit'] for r in rows], allr
for t in ('Tim 1', 'Tim 2', 'Tim 3'):
    want = [r['nama_unit'] for r in rows if r['tim'] == t]
    got = [r[3] for r in body(wb[t])]
    assert got == want, (t, got, want)
print('%d visits, %s' % (len(allr), ', '.join(
    '%s %d' % (t, len(body(wb[t]))) for t in ('Tim 1', 'Tim 2', 'Tim 3'))))
EOF
); then
	ok "schedule workbook: $out"
else
	notok "schedule workbook read back" "$out"
fi

# the workbook as LibreOffice prints it
lo_check "schedule workbook printed by LibreOffice" "$work/jadwal.xlsx"

# the schedule and the staff as workbooks give the same visits
"$PYTHON" - "$ex/jadwal.csv" "$work/jadwal-in.xlsx" "$ex/petugas.csv" \
	"$work/petugas-in.xlsx" <<'EOF'
import csv, sys, openpyxl
for src, dst in ((sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Jadwal'
    ws.append(['JADWAL KUNJUNGAN MONEV'])
    ws.append([])
    for r in csv.reader(open(src, encoding='utf-8')):
        ws.append(r)
    wb.save(dst)
EOF
(cd "$ex" && ibm-invite -q -c monev.conf --visits "$work/jadwal-in.xlsx" \
	--staff "$work/petugas-in.xlsx" --units ../daftar/unit-ibm.csv \
	> "$work/kunjungan-xlsx.csv") 2>"$work/err"
(cd "$ex" && ibm-invite -q -c monev.conf --visits jadwal.csv --staff petugas.csv \
	--units ../daftar/unit-ibm.csv > "$work/kunjungan-csv.csv")
if [ -s "$work/kunjungan-xlsx.csv" ] &&
   cmp -s "$work/kunjungan-xlsx.csv" "$work/kunjungan-csv.csv"; then
	ok "the schedule and staff as workbooks (a title row above the header) give the same visits"
else
	notok "schedule as a workbook" "$(cat "$work/err")" \
		"$(diff "$work/kunjungan-csv.csv" "$work/kunjungan-xlsx.csv" | head -5)"
fi

# the letters are what the renderer shows: one page each, also with a
# TrueType font and a long list of documents
(cd "$ex" && ibm-invite -q -c monev.conf \
	-s "dokumen=$(printf 'Dokumen nomor %s yang panjang sekali untuk diperiksa bersama tim Monev | ' 1 2 3 4 5 6 7 8 9 10 11 12 13)Dokumen terakhir" \
	--visits jadwal.csv --staff petugas.csv --units ../daftar/unit-ibm.csv \
	-l "$work/long.pdf" -l "$work/long.html" > /dev/null) 2>"$work/err"
np=$(pages "$work/long.pdf")
if [ "$np" = 13 ] && pdftotext "$work/long.pdf" - | grep -q "Dokumen terakhir" &&
   "$PYTHON" "$top/tests/pdfcheck.py" "$work/long.pdf" >/dev/null 2>&1; then
	ok "fourteen documents to prepare: still one page a letter, text set smaller"
else
	notok "a long list of documents: $np pages for 13 letters" "$(cat "$work/err")"
fi
