#!/bin/sh
# examples/pipeline.sh - the whole ibmkit pipeline on the sample data.
# Run by `make demo`; writes everything under examples/out/ (OUT), again
# and again: every output of an earlier run is replaced (--force where a
# tool asks for it).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-$here/../build}
PATH=$BUILD/bin:$PATH
out=${OUT:-$here/out}
mkdir -p "$out"
cd "$here"

echo "ibmkit demo: the whole pipeline on the sample files of examples/."
echo "The warnings below are part of the demonstration: the samples carry on"
echo "purpose what offices' files have (a Windows-1252 export, a participant"
echo "listed twice, a second test submission, a misspelt name, a unit visited"
echo "twice), and the tools say so."
echo

# --- ibm-csv: look at a messy export, then clean it for a pipeline -------
ibm-csv check peserta-excel.csv
ibm-csv clean peserta-excel.csv > "$out/peserta-clean.csv"

# --- ibm-invite (bimtek/) ------------------------------------------------
# Letters (PDF and HTML, one per participant with the agenda attached), a
# collective letter, the attendance workbook, and the office's own Markdown
# letter; stdout: the participants with ids and letter numbers (the
# duplicate Agus Salim is warned about and dropped).
(cd bimtek && ibm-invite -c event.conf -a agenda.csv \
	-l "$out/undangan.pdf" -l "$out/undangan.html" \
	-A "$out/daftar-hadir.xlsx" peserta.csv > "$out/peserta-id.csv")
(cd bimtek && ibm-invite -q -c event.conf -C -a agenda.csv \
	-l "$out/undangan-kolektif.pdf" peserta.csv > /dev/null)
(cd bimtek && ibm-invite -q -c event.conf -a agenda.csv -t surat.md \
	-o "$out/surat" -n 'undangan-{{participant_id}}.md' peserta.csv \
	> /dev/null)

# --- ibm-score (bimtek/) -------------------------------------------------
# Pre-test (Forms' own download) and post-test (the linked Sheet in the
# Indonesian locale) against one key: per-person scores and N-gain, the
# summary statistics, the item analysis and the report workbook.
ibm-score -k bimtek/kunci.csv --pass 70 bimtek/pretest.csv \
	> "$out/pretest-nilai.csv"
ibm-score -k bimtek/kunci.csv --pre bimtek/pretest.csv \
	--post bimtek/posttest.csv --fuzzy --pass 70 \
	--summary "$out/tes-ringkasan.csv" --items "$out/tes-butir.csv" \
	--report "$out/hasil-tes.xlsx" > "$out/tes-nilai.csv"

# Who of the invited took which test (the participants with ids from
# ibm-invite above as the roster), the report with its Kehadiran sheet,
# and those who took both tests (for their certificates).
ibm-score -q -k bimtek/kunci.csv --roster "$out/peserta-id.csv" \
	--pre bimtek/pretest.csv --post bimtek/posttest.csv --fuzzy \
	--summary "$out/kehadiran-ringkasan.csv" \
	--report "$out/hasil-tes-kehadiran.xlsx" > "$out/kehadiran-nilai.csv"
ibm-score -q -k bimtek/kunci.csv --roster "$out/peserta-id.csv" \
	--pre bimtek/pretest.csv --post bimtek/posttest.csv --fuzzy --pass 70 \
	--only both > "$out/selesai.csv"
# Their certificates, numbered from nomor_sertifikat: the score of those
# who passed (--pass 70), a certificate of participation for the others;
# stdout: each one's certificate_number (for the database below).
(cd bimtek && ibm-invite -q -c event.conf --proper-case \
	--certificates "$out/sertifikat.pdf" \
	--certificates "$out/sertifikat.html" < "$out/selesai.csv" \
	> "$out/sertifikat.csv")
# The Surat Perintah of the office's officers, numbered from the office's
# register of outgoing letters (a re-run reuses the number it issued).
(cd bimtek && ibm-invite -q -c event.conf --order "$out/sprin.pdf" \
	--staff petugas.csv --register "$out/register.csv" peserta.csv \
	> /dev/null)

# --- ibm-survey (bimtek/) ------------------------------------------------
# The participants' evaluation at the close (Google Forms' own download):
# the satisfaction index (IKM) of PermenPAN-RB 14/2017, the three speakers
# of the grid question, the organisation and the open answers. The bimtek
# is free, so its form asks no tarif: evaluasi-spec.csv is the default
# spec without that element. The response rate is against the numbered
# participants; the workbook is print-ready.
ibm-survey --spec bimtek/evaluasi-spec.csv \
	--participants "$out/peserta-id.csv" \
	--summary "$out/survei-ringkasan.csv" --report "$out/evaluasi.xlsx" \
	--title "Bimbingan Teknis IBM bagi Agen Pemulihan Kabupaten Sumbawa 2024" \
	bimtek/evaluasi.csv > "$out/survei.csv"
ibm-survey --print-spec "$out/survei-spec" --force

# --- ibm-spj (bimtek/) ---------------------------------------------------
# The payment papers: the participants numbered above, the days each
# attended from the recap of the daftar hadir, the speakers; one CSV row
# per payment with the income tax, the daftar nominatif (PDF, HTML and
# workbook, totals carried over pages) and the speakers' receipts.
(cd bimtek && ibm-spj -c event.conf -r tarif-2024.csv \
	-p "$out/peserta-id.csv" -a hadir.csv -n narasumber.csv \
	-l "$out/daftar-nominatif.pdf" -l "$out/daftar-nominatif.html" \
	-l "$out/daftar-nominatif.xlsx" -k "$out/kuitansi.pdf" \
	-k "$out/kuitansi.html" > "$out/spj.csv")

# --- ibm-monev (monev/) --------------------------------------------------
# Forms from three offices (comma UTF-8, Excel ";" with BOM and CRLF, other
# header spellings); one unit is visited twice in June: the later visit counts.
ibm-monev -o "$out/monev.xlsx" monev/bnnp-ntb.csv \
	monev/bnnk-sumbawa-barat.csv monev/bnnk-lombok-timur.csv \
	> "$out/monev-unit.csv"
ibm-monev -q --by kabupaten_kota monev/*.csv > "$out/monev-kabkota.csv"
mkdir -p "$out/monev-spec"
ibm-monev --force --print-spec "$out/monev-spec"

# --- the next semester's visits (monev/) ---------------------------------
# The preparation meeting's material from the semester's forms and the
# master list (a first page for the meeting, a page per unit to visit), as
# PDF, print-ready HTML and a workbook, on the letterhead of event.conf.
ibm-monev -q --units monev/daftar/unit-ibm.csv -c monev/event.conf \
	--brief "$out/bahan-rapat.pdf" --brief "$out/bahan-rapat.html" \
	--brief "$out/bahan-rapat.xlsx" monev/bnnp-ntb.csv \
	monev/bnnk-sumbawa-barat.csv monev/bnnk-lombok-timur.csv > /dev/null
# The schedule the meeting set (three teams of BNNP NTB): letters to the
# village heads, the Surat Tugas of each team, the SPD of each officer and
# trip, the schedule per team and combined; numbered from the office's
# register (made here on the first run; a second run finds its letters there
# and gives them the same numbers). Standard output: the visits.
[ -f "$out/register-monev.csv" ] ||
	printf 'tanggal,jenis,urut,nomor,kepada,hal\n' > "$out/register-monev.csv"
(cd monev/kunjungan && ibm-invite -c monev.conf --visits jadwal.csv \
	--staff petugas.csv --units ../daftar/unit-ibm.csv \
	-l "$out/surat-kunjungan.pdf" -l "$out/surat-kunjungan.html" \
	--assignment "$out/surat-tugas.pdf" --assignment "$out/surat-tugas.html" \
	--spd "$out/spd.pdf" --spd "$out/spd.html" \
	--schedule "$out/jadwal-monev.xlsx" --schedule "$out/jadwal-monev.pdf" \
	--register "$out/register-monev.csv" > "$out/kunjungan.csv")
# --- ibm-db: the database Rehabilitasi ------------------------------------
# The bimtek (participants, scores, statistics, certificate numbers), the
# Monev semester and the register recorded; adding them again on a re-run
# replaces what they added before. The second semester's workbook from its
# own forms, the first from the database (the Perkembangan sheets), and
# that semester recorded too. Then a unit's history, a certificate
# verified, the workbook of every table and the copy for the province
# (without phone numbers and e-mail addresses).
db=$out/rehabilitasi.sqlite
ibm-db -D "$db" add bimtek -c bimtek/event.conf \
	--participants "$out/peserta-id.csv" \
	--scores "$out/kehadiran-nilai.csv" \
	--summary "$out/kehadiran-ringkasan.csv" \
	--certificates "$out/sertifikat.csv" -q
ibm-db -D "$db" add letters --office "BNNK Sumbawa" "$out/register.csv"
ibm-db -D "$db" add monev "$out/monev-unit.csv"
ibm-monev -q --db "$db" -o "$out/monev-s2.xlsx" monev/semester-2/*.csv \
	> "$out/monev-unit-s2.csv"
ibm-db -D "$db" add monev "$out/monev-unit-s2.csv"
ibm-db -D "$db" history --unit "IBM Dasan Geres" > "$out/riwayat-unit.csv"
ibm-db -D "$db" find SERT/003/VI/RH.00.00/2024/BNNK-SBW \
	> "$out/cek-sertifikat.csv"
ibm-db -D "$db" export "$out/rehabilitasi.xlsx"
ibm-db -D "$db" export --share "$out/rehabilitasi-bnnk-sumbawa.sqlite"

# --- ibm-report ----------------------------------------------------------
# The activity report of the bimtek (with what only people know from
# laporan.conf) and the Monev report, as Word documents to finish and sign.
ibm-report bimtek -c bimtek/event.conf -r laporan.conf -a bimtek/agenda.csv \
	--participants "$out/peserta-id.csv" --scores "$out/tes-nilai.csv" \
	--summary "$out/tes-ringkasan.csv" --items "$out/tes-butir.csv" \
	--survey "$out/survei.csv" --spj "$out/spj.csv" \
	-o "$out/laporan-bimtek.docx"
ibm-report monev -c monev/event.conf --units "$out/monev-unit.csv" \
	-o "$out/laporan-monev.docx"

echo
echo "demo finished: every step succeeded (the warnings above were expected)."
echo "The outputs are in $out"
