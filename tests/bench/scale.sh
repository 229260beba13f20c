#!/bin/sh
# tests/bench/scale.sh - linear at every scale (issue #23): each case runs
# a tool at two sizes, or on two inputs that differ in one thing only, in
# the same run, and prints the CPU seconds (best of 3; user + system),
# the peak RSS and the growth exponent k of time ~ size^k (target: near
# 1, i.e. below 1.2) or the ratio of the issue's target:
#   ibm-report monev      2,500 and 10,000 units x 4 periods
#   ibm-invite            30,000 participants in 50 and in 30,000 villages
#                         (target: the same time, ratio <= 1.3)
#   ibm-invite -A         attendance workbook, 10^4 and 10^5 participants
#   ibm-score -k          a text answer key of 1,000 and 4,000 questions
#   ibm-report bimtek     10^4 and 10^5 participants (and peak RSS: it
#                         grows with the people, not with the document)
#   ibm-invite -l         letters of 20,000 participants (40,000 pages,
#                         more than libharu's flat page list holds)
#                         against pdftotext reading them back
# Inputs are generated with fixed seeds. SCALE_BENCH_QUICK=1 runs the
# small sizes only (a smoke test of the script).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
BUILD=${BUILD:-$here/../../build}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/ibmkit-bench}/scale
mkdir -p "$BENCH_DIR"
PATH=$BUILD/bin:$PATH
top=$here/../..
quick=${SCALE_BENCH_QUICK:-0}
big() { if [ "$quick" = 1 ]; then echo "$1"; else echo "$2"; fi; }
d=$BENCH_DIR

# units N: Monev units x 4 periods, 40 districts (ibm-monev's unit CSV)
units() {
	awk -v n="$1" 'BEGIN {
		srand(20240624);
		print "provinsi,kabupaten_kota,satker,kecamatan,desa_kelurahan," \
		      "nama_unit,tanggal_monev,petugas,tahun_berdiri,periode," \
		      "skor_pembinaan,skor_tata_kelola,skor_kegiatan," \
		      "skor_layanan,skor_total,fase,kurang_untuk_fase_berikut";
		split("2023-S1 2023-S2 2024-S1 2024-S2", per, " ");
		split("01 07 01 07", mon, " ");
		for (p = 1; p <= 4; p++)
			for (i = 1; i <= n; i++) {
				k = (i * 7) % 40;
				t = int(rand() * 1000) / 10;
				f = t < 25 ? "" : t < 50 ? "Rintisan" : \
				    t < 75 ? "Berkembang" : "Prima";
				date = substr(per[p], 1, 4) "-" mon[p] "-";
				date = date sprintf("%02d", 1 + i % 28);
				if (rand() >= 0.9)
					date = "";
				sat = k % 3 ? "BNNK " k : "BNNP NTB";
				why = f == "Prima" ? "" : "Menuju fase berikut: skor " t;
				printf "Nusa Tenggara Barat,Kabupaten %d,%s," \
				       "Kecamatan %d,Desa %d,IBM Desa %d,%s," \
				       "Petugas %d,2020,%s,%.1f,%.1f,%.1f,%.1f," \
				       "%.1f,%s,%s\n", k, sat, i % 97, i, i, date,
				       i % 13, per[p], rand() * 100, rand() * 100,
				       rand() * 100, rand() * 100, t, f, why;
			}
	}'
}

# people N VILLAGES: participants as offices send them
people() {
	awk -v n="$1" -v v="$2" 'BEGIN {
		srand(20240624);
		print "Nama Lengkap;Jabatan;Unit IBM;Desa/Kelurahan;No. HP;L/P";
		split("Lalu Baiq Muhammad Siti Ahmad Nurul Ni I", a, " ");
		split("Hamdi Aini Rizal Aminah Fauzi Hikmah Wayan Made", b, " ");
		for (i = 1; i <= n; i++) {
			k = int(rand() * v);
			printf "%s %s %d;Agen Pemulihan;IBM Desa %d;" \
			       "Kelurahan %d;%s%08d;%s\n",
			       a[1 + int(rand() * 8)], b[1 + int(rand() * 8)],
			       i, k, k, (i % 3 ? "0812" : "+62 813 "), i,
			       (i % 2 ? "L" : "P");
		}
	}'
}

# keyed Q: a Forms-shaped export of 2,000 rows x Q questions named by
# their text, and its text key
keyed() {
	awk -v q="$1" 'BEGIN {
		srand(5);
		printf "Timestamp,Email Address,Score";
		for (j = 1; j <= q; j++)
			printf ",Apa langkah ke-%d dalam layanan rehabilitasi?", j;
		printf "\n";
		for (r = 1; r <= 2000; r++) {
			printf "2024/06/24 9:%02d:00 AM GMT+8,p%d@example.com,",
			       r % 60, r;
			for (j = 1; j <= q; j++)
				printf ",%s", rand() < 0.7 ? "Skrining" : "Rujukan";
			printf "\n";
		}
	}' > "$d/keys-$1.csv"
	awk -v q="$1" 'BEGIN { print "soal,kunci";
		for (j = 1; j <= q; j++)
			printf "Apa langkah ke-%d dalam layanan rehabilitasi?," \
			       "Skrining\n", j }' > "$d/key-$1.csv"
}

ev=$top/tests/data/invite/event.conf
mev=$top/examples/monev/event.conf
bev=$top/examples/bimtek/event.conf

echo "-- ibm-report monev (units x 4 periods)"
m1=$(big 500 2500)
m2=$(big 2000 10000)
for n in $m1 $m2; do
	[ -s "$d/units-$n.csv" ] || units $n > "$d/units-$n.csv"
	cpu "report-monev-$n" 3 ibm-report monev -c "$mev" \
		--units "$d/units-$n.csv" -o "$d/m.docx"
done
echo "growth exponent: $(growth report-monev-$m1 report-monev-$m2 $m1 $m2)" \
     "(target near 1)"

echo "-- ibm-invite: 30,000 participants in 50 and in 30,000 villages"
v=$(big 3000 30000)
for k in 50 $v; do
	[ -s "$d/villages-$k.csv" ] || people $v $k > "$d/villages-$k.csv"
	# ten runs in one (a run takes some 0.05 s)
	cpu "invite-villages-$k" 3 sh -c 'for i in 1 2 3 4 5 6 7 8 9 10; do
		ibm-invite -q -c "$1" "$2" > /dev/null || exit 1; done' sh \
		"$ev" "$d/villages-$k.csv"
done
echo "$v villages / 50: $(ratio invite-villages-50 invite-villages-$v)" \
     "(target <= 1.3)"

echo "-- ibm-invite -A: attendance workbook"
a1=$(big 1000 10000)
a2=$(big 10000 100000)
for n in $a1 $a2; do
	[ -s "$d/people-$n.csv" ] || people $n 50 > "$d/people-$n.csv"
	cpu "attendance-$n" 3 ibm-invite -q -c "$ev" -A "$d/a.xlsx" \
		"$d/people-$n.csv"
done
echo "growth exponent: $(growth attendance-$a1 attendance-$a2 $a1 $a2)" \
     "(target near 1)"

echo "-- ibm-score: a text answer key"
for q in 1000 4000; do
	[ -s "$d/keys-$q.csv" ] || keyed $q
	cpu "key-$q" 3 ibm-score -q -k "$d/key-$q.csv" "$d/keys-$q.csv"
done
echo "growth exponent: $(growth key-1000 key-4000 1000 4000)" \
     "(target near 1)"

echo "-- ibm-report bimtek"
for n in $a1 $a2; do
	ibm-invite -q -c "$ev" "$d/people-$n.csv" > "$d/pid-$n.csv"
	awk -F, 'BEGIN { srand(3); print "name,email,pre_score,post_score," \
		"max_score,pre_percent,post_percent,gain,n_gain," \
		"n_gain_category,passed_pre,passed_post,match" }
	NR > 1 { a = int(rand() * 12); b = int(rand() * 12);
		printf "%s,,%d,%d,11,%.2f,%.2f,%d,0.1,rendah,tidak,%s,both\n",
		       $3, a, b, a * 100 / 11, b * 100 / 11, b - a,
		       (b > 7 ? "ya" : "tidak") }' "$d/pid-$n.csv" \
		> "$d/nilai-$n.csv"
	cpu "bimtek-$n" 3 ibm-report bimtek -c "$bev" \
		--participants "$d/pid-$n.csv" --scores "$d/nilai-$n.csv" \
		--summary "$top/tests/data/report/tes-ringkasan.csv" \
		-o "$d/b.docx"
done
echo "growth exponent: $(growth bimtek-$a1 bimtek-$a2 $a1 $a2)" \
     "(target near 1); peak RSS $(cut -d' ' -f2 "$d/bimtek-$a2.r") KB" \
     "(was 761 MB at 10^5)"

echo "-- ibm-invite -l: letters past 32,767 pages"
l=$(big 2000 20000)
[ -s "$d/people-l$l.csv" ] || people $l 50 > "$d/people-l$l.csv"
cpu "letters-$l" 1 ibm-invite -q -c "$ev" -l "$d/l.pdf" "$d/people-l$l.csv"
pages=$(pdfinfo "$d/l.pdf" | awk '/^Pages:/ { print $2 }')
cpu "pdftotext-$l" 1 pdftotext "$d/l.pdf" "$d/l.txt"
echo "pages: $pages; ibm-invite -l / pdftotext: " \
     "$(ratio pdftotext-$l letters-$l); memory per page:" \
     "$(awk -v m="$(cut -d' ' -f2 "$d/letters-$l.r")" -v p="$pages" \
	'BEGIN { printf "%.1f KB", m / p }')"
rm -f "$d"/*.out "$d/l.pdf" "$d/l.txt" "$d/a.xlsx" "$d/m.docx" "$d/b.docx"
