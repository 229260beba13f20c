#!/bin/sh
# tests/report.t - the two reports of examples/pipeline.sh open in
# LibreOffice Writer: converted headless to PDF, they have their pages, and
# pdftotext finds every section heading, the example's numbers, the tables'
# contents, the chart's labels, the letterhead and the signature.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "1..6"
OUT=$out BUILD=$BUILD sh "$top/examples/pipeline.sh" >"$out/.log" 2>&1 ||
	{ sed 's/^/# /' "$out/.log" | tail -20; }
# a profile of its own: another soffice of the same user must not take the
# job over
(cd "$out" && soffice -env:UserInstallation="file://$out/lo" --headless \
	--convert-to pdf laporan-bimtek.docx laporan-monev.docx) \
	>"$out/.lo" 2>&1
i=0
for r in bimtek monev; do
	pdf=$out/laporan-$r.pdf
	i=$((i + 1))
	pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	if [ "${pages:-0}" -ge 5 ]; then
		echo "ok $i - laporan-$r.pdf has $pages pages"
	else
		echo "not ok $i - laporan-$r.pdf has ${pages:-no} pages"
		sed 's/^/# /' "$out/.lo" | tail -5
	fi
	# one line of text, runs of white space folded
	pdftotext -layout "$pdf" - 2>/dev/null | tr -s ' \t\n' '   ' >"$out/$r.txt"
	want=$out/$r.want
	cat >"$want" <<'EOW'
LAPORAN TENTANG
PENDAHULUAN
Umum
Maksud dan Tujuan
Ruang Lingkup
Dasar
KEGIATAN YANG DILAKSANAKAN
HASIL YANG DICAPAI
SIMPULAN DAN SARAN
Simpulan
Saran
PENUTUP
Halaman 1 dari
EOW
	if [ $r = bimtek ]; then
		cat >>"$want" <<'EOW'
BADAN NARKOTIKA NASIONAL KABUPATEN SUMBAWA
PELAKSANAAN BIMBINGAN TEKNIS INTERVENSI BERBASIS MASYARAKAT (IBM)
Waktu dan Tempat
Peserta
Narasumber dan Materi
Kehadiran Tes
Hasil Pre-test dan Post-test
Butir Soal yang Sulit
Evaluasi Penyelenggaraan
Faktor Pendukung dan Kendala
Indeks Kepuasan Masyarakat (IKM) atas penyelenggaraan kegiatan adalah 85,33, mutu B (Baik)
Tabel 4. Nilai rata-rata (NRR) unsur pelayanan dan IKM
Sarana dan Prasarana 3,1852 B Baik
Tiga unsur dengan nilai terendah adalah Sarana dan Prasarana (3,1852)
Tabel 5. Penilaian narasumber
1 dr. Ni Made Ayu Lestari 3,6343 A Sangat Baik
Indeks Kepuasan Masyarakat 85,33, mutu B (Baik).
sebanyak 30 orang (16 laki-laki dan 14 perempuan) dari 10 unit IBM
naik dari 42,9 pada pre-test
= 0,34, termasuk kategori sedang
bermakna secara statistik (uji t berpasangan, p < 0,001)
Tabel 1. Peserta yang diundang menurut unit IBM
IBM Brang Bara Bersinar 2 1 3
Tabel 2. Nilai pre-test dan post-test
Median 36,4 63,6
Lulus (nilai ≥ 70) 6 11
Gambar 1. Rata-rata nilai pre-test dan post-test
Nilai (0–100)
Jawaban salah terbanyak: Tim Advokasi Terpadu
Listrik padam selama satu jam pada hari kedua.
Sumbawa Besar, 28 Juni 2024
Dr. Lalu Hamdani, S.H., M.H.
Lampiran I. Daftar Peserta
Lalu Muhammad Hamdi
Lampiran II. Hasil Pre-test dan Post-test per Peserta
Junaidi 36,4 90,9 0,86 tinggi
Lampiran III. Jadwal Kegiatan
Skrining dengan ASSIST
Realisasi Pembayaran
berjumlah Rp23.950.000 (dua puluh tiga juta sembilan ratus lima puluh ribu rupiah)
Tabel 6. Realisasi pembayaran menurut jenis (rupiah)
No Jenis Pembayaran Penerima Jumlah Bruto PPh 21 Diterima
1 Uang Saku 29 8.500.000 0 8.500.000
Jumlah 62 23.950.000 1.506.000 22.444.000
EOW
	else
		cat >>"$want" <<'EOW'
BADAN NARKOTIKA NASIONAL PROVINSI NUSA TENGGARA BARAT
SEMESTER I TAHUN 2024
Fase Unit IBM
Pembinaan, Tata Kelola, Kegiatan dan Layanan
Unit yang Perlu Ditindaklanjuti
pada 4 s.d. 27 Juni 2024 oleh 3 satuan kerja terhadap 17 unit IBM
2 unit berfase Prima, 6 unit berfase Berkembang dan 9 unit berfase Rintisan
Rata-rata skor seluruh unit adalah 61,5
20 s.d. 25 Juni 2024
Kabupaten Lombok Timur 3 2 0 5
Rata-rata 55,9 58,3 68,1 63,0 61,5
Gambar 1. Unit IBM menurut fase dan kabupaten/kota
Jumlah unit
Menuju Berkembang: skor total 34,4 < 50
Mataram, 27 Juni 2024
dr. Baiq Ratna Sari, M.Kes.
Lampiran I. Matriks Unit IBM
15/06/2024 100,0 93,8 100,0 100,0 97,9 Prima
Lampiran II. Daftar Unit IBM menurut Fase
Fase Rintisan (9 unit)
EOW
	fi
	i=$((i + 1))
	missing=""
	while IFS= read -r w; do
		grep -qF -- "$w" "$out/$r.txt" || missing="$missing
$w"
	done <"$want"
	if [ -z "$missing" ]; then
		echo "ok $i - pdftotext of laporan-$r.pdf has the headings, numbers, tables and chart labels"
	else
		echo "not ok $i - pdftotext of laporan-$r.pdf lacks:"
		echo "$missing" | sed '/^$/d; s/^/#   /'
	fi
	# the chart is in the page as text (a native chart, not a picture)
	i=$((i + 1))
	# (the title of the chart is also in its caption, and for monev in a
	# table's caption)
	case $r in
	bimtek) label='Rata-rata nilai pre-test dan post-test'; k=2 ;;
	monev) label='Unit IBM menurut fase dan kabupaten/kota'; k=3 ;;
	esac
	c=$(grep -o "$label" "$out/$r.txt" | wc -l)
	if [ "$c" -ge $k ]; then
		echo "ok $i - laporan-$r.pdf: the chart's title is drawn as text"
	else
		echo "not ok $i - laporan-$r.pdf: the chart's title is there $c times, want $k"
	fi
done
