#!/bin/sh
# tests/fuzz/corpus.sh - (re)make the seed corpora tests/fuzz/corpus/TARGET/
# from the test data, each input framed as its target reads it (an options
# byte first, parts joined by "\n===\n"). It writes the seeds it makes and
# removes none: seeds made by hand (regress-* for past findings, hand-made
# counters and values) and inputs kept from fuzzing runs stay; a seed whose
# source is gone is removed with git rm.
# Run from anywhere: sh tests/fuzz/corpus.sh
top=$(cd "$(dirname "$0")/../.." && pwd)
c=$top/tests/fuzz/corpus
d=$top/tests/data
cd "$top" || exit 1

# seed TARGET NAME OPTBYTE(octal, or - for none) FILE [FILE...] (joined)
seed() {
	_t=$1 _n=$2 _o=$3
	shift 3
	mkdir -p "$c/$_t"
	{
		[ "$_o" = - ] || printf "\\$_o"
		_first=1
		for _p; do
			[ $_first = 1 ] || printf '\n===\n'
			_first=0
			cat "$_p"
		done
	} > "$c/$_t/$_n"
}

for t in csvread date invite_event monev_spec score_key template text \
	score_keyfile score_layout score_prepost invite_people invite_agenda \
	monev_form columns; do
	mkdir -p "$c/fuzz_$t"
done

# CSV reader: every data file and every small standard input of a case,
# with options bytes 0 (detect), 4 (strict), 8 (keep going)
for f in $d/*/*.csv; do
	n=$(basename "$(dirname "$f")")-$(basename "$f" .csv)
	seed fuzz_csvread "$n" 0 "$f"
done
seed fuzz_csvread forms-strict 4 $d/csv/forms.csv
seed fuzz_csvread ragged-keep 10 $d/csv/ragged.csv
# past the fuzzing build's bounds (make fuzz: 1,024 fields, 4 KiB a
# field): a header of 1,100 fields, a record of commas under a short
# header, a long field
awk 'BEGIN { for (i = 0; i < 1100; i++) printf "k%d,", i; print "" }' |
	seed fuzz_csvread fields-header 0 -
awk 'BEGIN { print "nama,no"; for (i = 0; i < 3000; i++) printf ","
	print ""; print "Budi,1" }' | seed fuzz_csvread fields-record 10 -
awk 'BEGIN { printf "nama,no\n\""; for (i = 0; i < 5000; i++) printf "x"
	print "\",1" }' | seed fuzz_csvread field-long 0 -
for f in tests/cases/*/*/stdin; do
	[ "$(wc -c < "$f")" -le 16384 ] || continue
	n=$(echo "$f" | cut -d/ -f3,4 | tr / -)
	seed fuzz_csvread "case-$n" 0 "$f"
done

# values and text: cells of the test data, one a seed
i=0
for v in "2024-06-24" "24/06/2024" "Senin, 24 Juni 2024" \
	"2024/06/24 9:01:37 AM GMT+7" "24 Juni 2024 14.00 WITA" "1.234,5" \
	"3,5" "0812-3456-789" "+62 812 3456 789" "Ya" "Tidak ada" "✓"; do
	i=$((i + 1))
	printf '%s' "$v" > "$c/fuzz_date/value-$i"
done
printf 'Rp 1.500.000,00' > "$c/fuzz_date/rupiah"
i=0
for v in "2024-S1" "Semester II 2024" "I/2024"; do
	i=$((i + 1))
	printf '%s' "$v" > "$c/fuzz_date/period-$i"
done
i=0
for v in "Lalu Ahmad Ma'ruf" "  BAIQ  SITI  " "Nama Lengkap" "No. HP" \
	"Zoë Łukasz" "Œuvre ć" "Ni Luh Putu Ayu" "ANDI MA’RUF"; do
	i=$((i + 1))
	printf '%s' "$v" > "$c/fuzz_text/text-$i"
done
seed fuzz_text peserta - $d/invite/peserta.csv

seed fuzz_invite_event event - $d/invite/event.conf
seed fuzz_template surat-html - $d/invite/surat.html
seed fuzz_template surat-md - $d/invite/surat.md
seed fuzz_monev_spec spec-phases - $d/monev/spec-small.csv \
	$d/monev/phases-small.csv
seed fuzz_monev_spec spec-units - $d/monev/spec-units.csv
i=0
for v in "Intervensi Berbasis Masyarakat|IBM
ibm" "Rujukan;Skrining
Skrining, Rujukan" "a;b;c
c;a" "Tidak
tidak" "7 / 10
3,5 / 5"; do
	i=$((i + 1))
	printf '%s' "$v" > "$c/fuzz_score_key/answer-$i"
done

# score: key files, key + export, pre + post (+ key)
for f in key key-post stats-key; do
	seed fuzz_score_keyfile "$f" 0 $d/score/$f.csv
	seed fuzz_score_keyfile "$f-exact" 1 $d/score/$f.csv
done
seed fuzz_score_layout key-pre 2 $d/score/key.csv $d/score/pre.csv
seed fuzz_score_layout key-post 3 $d/score/key-post.csv $d/score/post.csv
seed fuzz_score_layout score-column 2 $d/score/pre.csv
seed fuzz_score_layout score-keep 10 $d/score/post-id.csv
# (the pre/post target takes 4 KiB: the exports' first rows)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
head -6 $d/score/pre.csv > "$tmp/pre"
head -5 $d/score/post.csv > "$tmp/post"
head -6 $d/score/stats-pre.csv > "$tmp/stats-pre"
head -6 $d/score/stats-post.csv > "$tmp/stats-post"
seed fuzz_score_prepost pre-post 0 "$tmp/pre" "$tmp/post"
seed fuzz_score_prepost pre-post-key 1 "$tmp/pre" "$tmp/post" \
	$d/score/key.csv
seed fuzz_score_prepost fuzzy-best 12 "$tmp/pre" "$tmp/post"
seed fuzz_score_prepost stats 0 "$tmp/stats-pre" "$tmp/stats-post" \
	$d/score/stats-key.csv
seed fuzz_score_prepost match-id 20 $d/score/pre.csv $d/score/post-id.csv
# a name past the 128 characters that are matched (its deletion strings
# would grow with its square), on both sides, with --fuzzy
n=$(awk 'BEGIN { for (i = 0; i < 30; i++) printf "Abcdefghij" }')
{ head -4 $d/score/pre.csv
  echo "\"2024/06/24 9:09:00 AM GMT+8\",\"x@y.id\",\"1 / 7\",\"Andi $n\",\"Bugis\",\"\",\"\",\"\",\"\",\"\""
} > "$tmp/pre-long"
{ head -3 $d/score/post.csv
  echo "\"2024/06/25 9:09:00 AM GMT+8\",\"z@y.id\",\"1 / 7\",\"Andi ${n}x\",\"Bugis\",\"\",\"\",\"\",\"\",\"\""
} > "$tmp/post-long"
seed fuzz_score_prepost long-name 2 "$tmp/pre-long" "$tmp/post-long"

# invite: participants and agenda
seed fuzz_invite_people peserta 0 $d/invite/peserta.csv
seed fuzz_invite_people peserta-utf8 4 $d/invite/peserta-utf8.csv
seed fuzz_invite_people peserta-collective 10 $d/invite/peserta.csv
seed fuzz_invite_agenda agenda 0 $d/invite/agenda.csv

# monev: forms
for f in ntb alias bad dup excel; do
	seed fuzz_monev_form "$f" 0 $d/monev/$f.csv
done
seed fuzz_monev_form bad-lenient 4 $d/monev/bad.csv

# invite: the Sprin's staff file, the register of outgoing letters, number
# patterns (month byte, counter byte, pattern)
for t in invite_staff invite_register invite_number; do
	mkdir -p "$c/fuzz_$t"
done
seed fuzz_invite_staff petugas 0 examples/bimtek/petugas.csv
seed fuzz_invite_staff petugas-alias 0 $d/invite/petugas.csv
seed fuzz_invite_staff no-name 0 $d/invite/petugas-no-name.csv
seed fuzz_invite_register bad-date - $d/invite/register-bad-date.csv
printf 'Tanggal;Jenis;Urut;Nomor;Kepada;Hal;Catatan\r\n2024-06-01;sprin;7;Sprin/7/VI/2024;Tim A;Rapat;diantar\r\n' \
	> "$c/fuzz_invite_register/hand"
printf 'tanggal,jenis,urut,nomor,kepada,hal\n2024-06-14,undangan,1,B/1/VI/2024,"A, B",Undangan\n2024-06-14,sprin,,Sprin/2,Tim,Rapat\n' \
	> "$c/fuzz_invite_register/plain"
printf '\011\001Sprin/{n}/{bulan_romawi}/Ka/Rh.01.01/{tahun}/BNNP-NTB' \
	> "$c/fuzz_invite_number/sprin"
printf '\014\002005.{n:3}/{bulan}/{x}{n:13}{n' > "$c/fuzz_invite_number/odd"
printf '\000\003B/{n}/{bulan_romawi}' > "$c/fuzz_invite_number/nodate"
printf '\014\377B/{n:25}/{n:3}/{bulan}/{tahun}' > "$c/fuzz_invite_number/limit"

# the workbook reader: the hand-made edge-case workbooks, as they are and
# stored without compression (a mutation of their XML reaches the parser:
# the target sets the CRC-32 of stored entries), and hostile ones small
# enough to be seeds
PYTHON=${PYTHON:-python3}
mkdir -p "$c/fuzz_xlsxread"
for f in $d/xlsx/*.xlsx; do
	seed fuzz_xlsxread "$(basename "$f" .xlsx)" - "$f"
	# (not the files that are no zip archive)
	"$PYTHON" tests/fuzz/mkseeds.py stored "$f" \
		"$c/fuzz_xlsxread/stored-$(basename "$f" .xlsx)" 2>/dev/null ||
		rm -f "$c/fuzz_xlsxread/stored-$(basename "$f" .xlsx)"
done
# (fuzz-*: a long comment or attribute, a string repeated, past the
# bounds of the fuzzing build)
for b in empty-v elapsed-huge fuzz-comment fuzz-attr fuzz-sst-bomb; do
	"$PYTHON" $d/xlsx/make.py $b "$c/fuzz_xlsxread/$b.xlsx"
	"$PYTHON" tests/fuzz/mkseeds.py stored "$c/fuzz_xlsxread/$b.xlsx" \
		"$c/fuzz_xlsxread/stored-$b"
	mv "$c/fuzz_xlsxread/$b.xlsx" "$c/fuzz_xlsxread/$b"
done
"$PYTHON" tests/fuzz/mkseeds.py even "$c"/fuzz_xlsxread/*fuzz-*

# ibm-report's readers of other programs' files: images (the example
# logo, the test photos) and a reference document's parts
mkdir -p "$c/fuzz_report_docx"
seed fuzz_report_docx logo - examples/bimtek/logo-bnnk.png
for f in $d/report/foto/*; do
	[ -f "$f" ] && seed fuzz_report_docx "foto-$(basename "$f")" - "$f"
done
printf '<w:styles><w:style w:styleId="Heading1"/></w:styles>\n===\n<w:document><w:body/></w:document>\n===\n<Relationships/>\n' > "$c/fuzz_report_docx/reference-parts"
# a reference document (--reference), whole: minimal (stored and
# deflated), a header with its logo, hostile relationships, a part over
# the ratio and one over the size bound, missing parts, and issue 19's
# header naming one picture hundreds of times among many (read once each,
# up to the bound on all the parts: 256 KiB in the fuzzing build)
mkdir -p "$c/fuzz_report_reference"
"$PYTHON" tests/fuzz/mkseeds.py references "$c/fuzz_report_reference"

# ibm-report's inputs, the other tools' outputs (options byte: the reader
# in bits 0-2, --strict 010, the delimiter in bits 4-5)
mkdir -p "$c/fuzz_report_inputs"
seed fuzz_report_inputs people 0 $d/report/peserta-id.csv
seed fuzz_report_inputs scores 1 $d/report/tes-nilai.csv
seed fuzz_report_inputs scores-strict 11 $d/report/tes-nilai.csv
seed fuzz_report_inputs items 2 $d/report/tes-butir.csv
seed fuzz_report_inputs summary 3 $d/report/tes-ringkasan.csv
seed fuzz_report_inputs units 4 $d/report/monev-unit.csv
seed fuzz_report_inputs survey 5 $d/report/survei.csv
seed fuzz_report_inputs spj 7 $d/report/spj.csv
printf '\006\357\273\277No;Nama File;Keterangan\r\n1;01-pembukaan.jpg;Pembukaan\r\n2;03-SESI;Sesi skrining\r\n' \
	> "$c/fuzz_report_inputs/captions"
printf '\004nama_unit,kabupaten_kota,fase,skor_total,skor_pembinaan,dikunjungi,terdaftar\nIBM A,Kab,Prima,50,70,ya,tidak\nIBM C,Kab,Prima,50,x,ya,ya\n,Kab,Prima,1,2,ya,ya\nIBM B,Kab,Prima,1,2,mungkin,ya\n' \
	> "$c/fuzz_report_inputs/units-bad"
printf '\014nama_unit,kabupaten_kota,fase,skor_total,tanggal_monev\nIBM A,Kab,Prima,50,2024-06-13\nIBM B,Kab,Prima,lima,2024-06-13\n' \
	> "$c/fuzz_report_inputs/units-strict"
printf '\001name,pre_score,post_score,max_score\nBudi,1,dua,10\n' \
	> "$c/fuzz_report_inputs/scores-bad"

# the side lists: Monev's master list of units (0), ibm-score's roster
# (1), a --columns map (2); --strict 04
mkdir -p "$c/fuzz_lists"
for f in $d/monev/units.csv $d/monev/units-ntb.csv $d/monev/lotim-units.csv; do
	seed fuzz_lists "units-$(basename "$f" .csv)" 0 "$f"
done
seed fuzz_lists units-strict 4 $d/monev/units.csv
seed fuzz_lists roster 1 $d/score/people-roster.csv
seed fuzz_lists roster-strict 5 $d/score/people-roster.csv
printf '\002role,header\nnama,Identitas\nemail,Kontak\nscore,Nilai Akhir\njabatan,Peran\n,Tanpa Peran\n' \
	> "$c/fuzz_lists/columns-map"
printf '\000provinsi,kabupaten_kota,desa_kelurahan,nama_unit,tahun_berdiri\nNTB,Kota Mataram,Ampenan,IBM A,20x4\nNTB,Kota Mataram,Ampenan,IBM A,2020\n' \
	> "$c/fuzz_lists/units-dup"
printf '\001nama,email,no_hp\nBudi,budi@x,12\nSari,sari@example.com,081234567890\nSari,sari@example.com,081234567890\n' \
	> "$c/fuzz_lists/roster-bad"

# survey: specs, and form exports (options byte: delimiter, --strict, a
# rounded weight, --excel)
for t in survey_spec survey_form; do
	mkdir -p "$c/fuzz_$t"
done
seed fuzz_survey_spec small - $d/survey/spec-small.csv
seed fuzz_survey_spec one - $d/survey/spec-one.csv
seed fuzz_survey_spec bad - $d/survey/spec-bad.csv
seed fuzz_survey_spec bimtek - examples/bimtek/evaluasi-spec.csv
seed fuzz_survey_form ikm29 0 $d/survey/ikm29.csv
seed fuzz_survey_form ikm29-kata-weight 10 $d/survey/ikm29-kata.csv
seed fuzz_survey_form grid-strict 4 $d/survey/grid-id.csv
seed fuzz_survey_form bimtek-excel 20 examples/bimtek/evaluasi.csv

# the Monev visits: schedules with the examples' staff or their own
# (options byte: the delimiter)
mkdir -p "$c/fuzz_invite_visits"
seed fuzz_invite_visits example 0 examples/monev/kunjungan/jadwal.csv \
	examples/monev/kunjungan/petugas.csv
for f in $d/visits/jadwal*.csv; do
	seed fuzz_invite_visits "$(basename "$f" .csv)" 0 "$f" \
		$d/visits/petugas.csv
done
seed fuzz_invite_visits shared 0 $d/visits/jadwal-two-places.csv \
	$d/visits/petugas-shared.csv
seed fuzz_invite_visits default-staff 0 $d/visits/jadwal.csv
# the office's paper: font and logo files as libharu would read them, and
# hostile text set as PDF and HTML (an options byte, then values separated
# by NUL bytes)
for t in typeset_font typeset_image typeset_text xlsx_write docx_write; do
	mkdir -p "$c/fuzz_$t"
done
"$PYTHON" tests/fuzz/mkseeds.py fonts "$c/fuzz_typeset_font"
"$PYTHON" tests/fuzz/mkseeds.py pngs "$c/fuzz_typeset_image"
cp $d/invite/logo.png $d/invite/logo.jpg examples/bimtek/logo-bnnk.png \
	"$c/fuzz_typeset_image/"
printf '\000BADAN NARKOTIKA NASIONAL\000Jl. Garuda No. 12\000Dalam rangka pelaksanaan kegiatan Bimbingan Teknis, kami mengundang Saudara/i untuk hadir.\000Siti Rahmawati\000Agen Pemulihan\000hari/tanggal\000Senin, 24 Juni 2024\000Peserta membawa KTP.' \
	> "$c/fuzz_typeset_text/letter"
printf '\001Badan <&> \357\277\277\001\000Jl. "Garuda" &amp;\000Budi \360\237\230\200 \344\270\255 Sari\000\000a\tb\nc\000\000\000' \
	> "$c/fuzz_typeset_text/hostile-ttf"

# the writers, hostile values separated by NUL bytes
printf 'Siti Rahmawati\000IBM Sinar Bugis\000Bugis\000+6281234567890' \
	> "$c/fuzz_xlsx_write/plain"
printf 'Budi & <b>\000\001\002\037\000\357\277\276\357\277\277\000\377\376\000  spasi  \000a\r\nb\tc\000=HYPERLINK("x")\000_x0041_' \
	> "$c/fuzz_xlsx_write/hostile"
cp "$c/fuzz_xlsx_write/plain" "$c/fuzz_xlsx_write/hostile" \
	"$c/fuzz_docx_write/"
printf 'foto-caf\351.jpg\000\000<w:p>]]>\000' > "$c/fuzz_docx_write/names"

# templates: a value in a flat ODT document ('x', then the value)
printf 'xBudi & <b>"Sari"</b>' > "$c/fuzz_template/fodt-markup"
printf 'x\001\357\277\276\377]]>&#0;' > "$c/fuzz_template/fodt-forbidden"

# Column matching: the header of every data file and example, one cell a
# line; and the headers of the issue that asked for it, with --column
# arguments after "==="
for f in $d/*/*.csv examples/*/*.csv; do
	n=$(basename "$(dirname "$f")")-$(basename "$f" .csv)
	head -1 "$f" | tr ',;' '\n\n' > "$c/fuzz_columns/$n"
done
printf '%s\n' No 'Nama Lengkap (tanpa gelar)' 'Nama Lengkap (sesuai KTP)' \
	'1. Nama' 'Jml. Pembinaan' 'Apakah nama unit IBM?' 'Q [Score]' === \
	'nama=Nama Lengkap (sesuai KTP)' 'email=' foo > "$c/fuzz_columns/issue-20"

# ibm-db: its readers of the other tools' CSV (options byte: the reader,
# 0 participants, 1 scores, 2 summary, 3 certificates, 4 per-unit CSV,
# 5 letters, 7 per-unit CSV with --period 2024-S1; 8: --strict)
mkdir -p "$c/fuzz_db_readers"
find "$c/fuzz_db_readers" -type f ! -name 'regress-*' -delete
seed fuzz_db_readers participants 0 $d/db/peserta-id.csv
seed fuzz_db_readers participants-nov 0 $d/db/peserta-nov.csv
seed fuzz_db_readers scores 1 $d/db/nilai.csv
seed fuzz_db_readers scores-strict 11 $d/db/nilai-tanpa-id.csv
seed fuzz_db_readers summary 2 $d/db/ringkasan.csv
seed fuzz_db_readers certificates 3 $d/db/sertifikat.csv
seed fuzz_db_readers units-s1 4 $d/db/unit-s1.csv
seed fuzz_db_readers units-s2 7 $d/db/unit-s2.csv
seed fuzz_db_readers letters 5 $d/db/register.csv
# ibm-db: database files, made by tests/dbhostile.t with the built ibm-db
# and the sqlite3 shell (skipped without them): one ibm-db made, a copy in
# WAL mode, and hostile ones (values of other types, NULLs past NOT NULL,
# text that is not UTF-8, damaged, truncated, a trigger, a later version)
if [ -x build/bin/ibm-db ] && command -v sqlite3 > /dev/null; then
	mkdir -p "$c/fuzz_db_file"
	k=$(mktemp -d)
	KEEP=$k BUILD=$top/build sh tests/dbhostile.t > /dev/null
	for f in good wal types nulls badutf8 damaged truncated trigger later \
		view; do
		cp "$k/$f.sqlite" "$c/fuzz_db_file/$f"
	done
	rm -rf "$k"
fi
# ibm-spj: the rates (options byte: delimiter, 4 strict), the tax rules,
# the speakers, the participants with an attendance list after "==="
for t in spj_rates spj_tax spj_speakers spj_people; do
	mkdir -p "$c/fuzz_$t"
done
seed fuzz_spj_rates tarif-2024 0 examples/bimtek/tarif-2024.csv
seed fuzz_spj_rates tarif-semicolon 2 $d/spj/tarif.csv
seed fuzz_spj_rates tarif-strict 4 $d/spj/tarif.csv
printf 'kind,category,unit,amount,ceiling\nPocket money,,day,150000,100000\nTransport,Kec. Sumbawa,orang,"Rp 1.700.000,-",\nx,,bulan,1.5,\n' \
	> "$c/fuzz_spj_rates/english-bad"
printf '# an office'"'"'s rules\ngolongan_iii = 6 %%\ndasar = 100\npasal_17 = 1.000.000 5 | 2,5\ntanpa_npwp = 200\npeserta_dasar = 50\npembulatan = atas\nmeterai_batas = 5.000.000\nmeterai = 10000\n' \
	> "$c/fuzz_spj_tax/office"
printf 'pasal_17 = 60.000.000 5 | 250.000.000 15 | 500.000.000 25 | 5.000.000.000 30 | 35\npembulatan = terdekat\n' \
	> "$c/fuzz_spj_tax/brackets"
printf 'golongan_v = 1\npasal_17 = 5\n' > "$c/fuzz_spj_tax/bad"
seed fuzz_spj_speakers narasumber 0 examples/bimtek/narasumber.csv
seed fuzz_spj_speakers worked 1 $d/spj/narasumber.csv
printf 'nama,nip,golongan,status,sebagai,kategori,npwp,nik,jp\nBudi,1980 0101,III/b,PNS,narasumber,eselon III,,,2\nBudi,19800101,III/b,PNS,narasumber,Eselon III ke bawah,,,3\nAni,,,Dosen,moderator,,,,\nCici,,,,,Menteri/Setingkat,,,x\n' \
	> "$c/fuzz_spj_speakers/sessions"
seed fuzz_spj_people peserta 0 $d/spj/peserta.csv
seed fuzz_spj_people peserta-hadir 0 $d/spj/peserta.csv examples/bimtek/hadir.csv
printf 'participant_id,nama,kecamatan,hari\nIBM-1,Budi,Sumbawa,tiga\nIBM-1,Budi,Sumbawa,3\n,Ani,Moyo Hilir,9\n===\nid;nama;hari_hadir\nIBM-1;;2\n;ANI, S.Pd.;1\n;Orang;3\n' \
	> "$c/fuzz_spj_people/hand"

# The checks of the event keys (fuzz_event_keys): every event file, and
# the bimtek example (which all three readers accept) with one key set
# by hand as people get it wrong: bad and far dates, huge and negative
# numbers, a key twice, bytes that are not UTF-8, empty values.
mkdir -p "$c/fuzz_event_keys"
for f in examples/*.conf examples/*/*.conf examples/*/*/*.conf \
	tests/data/*/*.conf; do
	n=$(echo "${f%.conf}" | tr / -)
	seed fuzz_event_keys "$n" - "$f"
done
# evkey NAME KEY VALUE: the example with KEY = VALUE (added when absent)
evkey() {
	awk -v k="$2" -v v="$3" '$1 == k && !done { print k " = " v; done = 1
		next } { print } END { if (!done) print k " = " v }' \
		examples/bimtek/event.conf > "$c/fuzz_event_keys/key-$1"
}
evkey date-feb30 tanggal_mulai '30 Februari 2024'
evkey date-last-year tanggal_mulai 9999-12-30
evkey date-year-one tanggal_mulai 0001-01-01
evkey date-words tanggal_mulai 'minggu depan'
evkey letter-date-month13 tanggal_surat 2024-13-01
evkey end-agrees tanggal_selesai '26 Juni 2024'
evkey end-disagrees tanggal_selesai '27 Juni 2024'
evkey end-before tanggal_selesai 2024-06-01
evkey end-far tanggal_selesai 2025-06-24
evkey days-zero jumlah_hari 0
evkey days-32 jumlah_hari 32
evkey days-huge jumlah_hari 99999999999999999999
evkey days-negative jumlah_hari -3
evkey first-number-max nomor_awal 999999999
evkey first-number-huge nomor_awal 9223372036854775808
evkey first-number-negative nomor_awal -1
evkey pattern-no-n nomor B/VI/RH.00.00/2024
evkey pattern-wide nomor 'B/{n:99999}/2024'
evkey pattern-braces nomor '{n}{n:}{n:0}{bulan_romawi}{tahun}{'
evkey collective-huge nomor_kolektif 99999999999999999999
evkey collective-text nomor_kolektif 'B/{n}/VI/2024'
evkey year-short tahun_anggaran 24
evkey year-huge tahun_anggaran 99999999999
evkey pay-date-bad tanggal_bayar kemarin
evkey yesno-bad tembusan_kelurahan mungkin
evkey village-bad jenis_desa kota
evkey village-both jenis_desa 'Kelurahan / Desa'
evkey empty-acara acara ''
evkey empty-quoted tempat '""'
evkey empty-lines ttd_jabatan '| | |'
evkey not-utf8 acara "$(printf 'Bimtek \351\350 2024')"
evkey long-acara acara "$(awk 'BEGIN { for (i = 0; i < 2000; i++) printf "Bimtek " }')"
evkey many-copies tembusan "$(awk 'BEGIN { for (i = 0; i < 500; i++) printf "Camat %d | ", i }')"
{ cat examples/bimtek/event.conf; echo 'hal = Undangan lagi'; } \
	> "$c/fuzz_event_keys/key-twice"
