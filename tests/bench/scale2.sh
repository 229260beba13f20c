#!/bin/sh
# tests/bench/scale2.sh - linear at every scale, the modes fixed after
# scale.sh (a pass over a list per row that made them quadratic): each
# case runs at n and 4n rows in the same run and prints the CPU seconds
# (best of 3; user + system), the peak RSS and the growth exponent k of
# time ~ size^k (target: near 1, below 1.2; the quadratic loops gave 2):
#   ibm-invite --register   --order against a register of 10,000 and
#                           40,000 lines (the letters of -l before it)
#   ibm-spj -p -a           10,000 and 40,000 participants with their
#                           attendance list, and their -l list.html
#   ibm-spj -n              16,000 and 64,000 speakers; one speaker of
#                           16,000 and 64,000 sessions
#   ibm-invite --visits     8,000 and 32,000 visits in 800 and 3,200
#                           teams, with a master list of as many units
#   ibm-monev --units       1,000 and 4,000 units (districts of 100) in
#                           two periods, each spelt otherwise on the list
# Inputs are generated with fixed seeds. SCALE_BENCH_QUICK=1 runs
# quarter sizes (a smoke test of the script). The "was" figures: the code
# before the fix, at quarter sizes (its quadratic loops made the full
# ones slow).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
BUILD=${BUILD:-$here/../../build}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/ibmkit-bench}/scale2
mkdir -p "$BENCH_DIR"
PATH=$BUILD/bin:$PATH
top=$here/../..
quick=${SCALE_BENCH_QUICK:-0}
q() { if [ "$quick" = 1 ]; then echo $(($1 / 4)); else echo "$1"; fi; }
d=$BENCH_DIR
bev=$top/examples/bimtek/event.conf
mev=$top/examples/monev/kunjungan/monev.conf
rates=$top/examples/bimtek/tarif-2024.csv
speakers=$top/examples/bimtek/narasumber.csv

# people N: participants in 100 villages, as offices send them
people() {
	awk -v n="$1" 'BEGIN {
		srand(20240624);
		print "Nama Lengkap;Jabatan;Unit IBM;Desa/Kelurahan;" \
		      "Kecamatan;No. HP;Email;L/P";
		split("Lalu Baiq Muhammad Siti Ahmad Nurul Ni I", a, " ");
		split("Hamdi Aini Rizal Aminah Fauzi Hikmah Wayan Made", b, " ");
		for (i = 1; i <= n; i++) {
			k = int(rand() * 100);
			printf "%s %s %d;Agen Pemulihan;IBM Desa %d;" \
			       "Kelurahan %d;Kec %d;0812%08d;p%d@example.com;%s\n",
			       a[1 + i % 8], b[1 + int(i / 8) % 8], i, k, k,
			       k % 20, i, i, (i % 2 ? "L" : "P");
		}
	}'
}

# speakers N SAME: N rows of the example's first speaker, each another
# person (SAME=0) or all the same one (SAME=1)
speakers() {
	awk -F, -v n="$1" -v same="$2" 'NR == 1 { print; next }
	NR == 2 {
		# the fields after the name and NIP, around the start of the NPWP
		rest = substr($0, length($1) + length($2) + 3)
		k = index(rest, "09.254")
		for (i = 1; i <= n; i++)
			if (same)
				print
			else
				printf "\"Narasumber %d\",19740205 20%04d 2 %03d," \
				       "%s%02d.%03d%s\n", i, i % 10000, i / 10000,
				       substr(rest, 1, k - 1), i % 100, i % 1000,
				       substr(rest, k + 6)
	}' "$speakers"
}

# visits N TEAMS: a Monev schedule of N visits (two officers a team) and
# the master list of its units
visits() {
	awk -v n="$1" -v t="$2" 'BEGIN {
		print "Tanggal,Jam,Unit IBM,Desa/Kelurahan,Kecamatan," \
		      "Kabupaten/Kota,Tim";
		for (i = 0; i < n; i++) {
			k = int(i / t) % 20;
			printf "2024-10-%02d,09.00 WITA,IBM Desa %d Bersinar," \
			       "Kelurahan Desa %d,Kecamatan %d,Kota Mataram," \
			       "Tim %d\n", 7 + int(k / 5) * 7 + k % 5, i, i,
			       i % 50, i % t + 1
		}
	}' > "$d/jadwal-$1.csv"
	awk -v t="$2" 'BEGIN {
		print "Nama,Pangkat/Golongan,NIP,Jabatan,Tim,Tugas";
		for (j = 1; j <= t; j++) {
			printf "\"Ketua %d, S.Psi.\",Penata (III/c)," \
			       "19850312 20%04d 2 %03d,Konselor,Tim %d," \
			       "Ketua Tim\n", j, j % 10000, j / 10000, j;
			printf "\"Anggota %d, S.Sos.\",Penata Muda (III/a)," \
			       "19880721 20%04d 1 %03d,Penyuluh,Tim %d," \
			       "Anggota\n", j, j % 10000, j / 10000 + 500, j
		}
	}' > "$d/petugas-$1.csv"
	awk -v n="$1" 'BEGIN {
		print "Provinsi,Kabupaten/Kota,Kecamatan,Desa/Kelurahan," \
		      "Nama Unit,Tahun Berdiri,Status";
		for (i = 0; i < n; i++)
			printf "Nusa Tenggara Barat,Kota Mataram,Kecamatan %d," \
			       "Desa %d,IBM Desa %d Bersinar,2020,baru\n",
			       i % 50, i, i
	}' > "$d/unit-$1.csv"
}

# forms N: the Monev forms of N units in 100-unit districts, visited in
# both semesters of 2024, and the list of the units, each name spelt with
# one word more
forms() {
	awk -v n="$1" 'BEGIN {
		srand(20240624);
		print "provinsi,kabupaten_kota,satker,kecamatan," \
		      "desa_kelurahan,nama_unit,tanggal_monev,petugas," \
		      "tahun_berdiri,pembinaan_kunjungan,bantuan_operasional," \
		      "sk_unit,jumlah_agen,agen_terlatih,anggaran_desa," \
		      "sarana_prasarana,mitra,pencatatan_pelaporan," \
		      "sosialisasi,pemetaan,penjangkauan,skrining," \
		      "intervensi_singkat,konseling,rujukan,pemantauan," \
		      "pendampingan_pascarehabilitasi";
		for (p = 0; p < 2; p++)
			for (u = 0; u < n; u++) {
				k = int(u / 100);
				printf "Nusa Tenggara Barat,Kabupaten %d," \
				       "BNNK %d,Kecamatan %d,Desa %d," \
				       "IBM Desa %d Bersinar,2024-%02d-%02d," \
				       "Petugas %d,2015", k, k, int(u / 10), u,
				       u, 1 + p * 6 + int(rand() * 6),
				       1 + int(rand() * 28), k;
				printf ",%d,Ya,Tidak,%d,%d,Ya,Tidak,%d,Ya",
				       int(rand() * 6), int(rand() * 15),
				       int(rand() * 10), int(rand() * 5);
				for (j = 0; j < 9; j++)
					printf ",%d", int(rand() * 25);
				printf "\n";
			}
	}' > "$d/forms-$1.csv"
	awk -v n="$1" 'BEGIN {
		print "Provinsi,Kabupaten/Kota,Kecamatan,Desa/Kelurahan," \
		      "Nama Unit,Tahun Berdiri,Status";
		for (u = 0; u < n; u++)
			printf "Nusa Tenggara Barat,Kabupaten %d,Kecamatan %d," \
			       "Desa %d,IBM Desa %d Bersinar Sehat,2015,baru\n",
			       int(u / 100), int(u / 10), u, u
	}' > "$d/list-$1.csv"
}

n1=$(q 10000)
n2=$(q 40000)

echo "-- ibm-invite --register: --order against a register of n lines"
for sz in $n1 $n2; do
	people $sz > "$d/people-$sz.csv"
	ibm-invite -q -c "$bev" "$d/people-$sz.csv" > "$d/pid-$sz.csv"
	# the register of their letters, as -l --register writes it
	awk -F, 'NR == 1 { print "tanggal,jenis,urut,nomor,kepada,hal"; next }
		{ printf "2024-06-14,undangan,%d,B/%d/VI/RH.00.00/2024/" \
		  "BNNK-SBW,%s (%s),Undangan Bimbingan Teknis Intervensi Berbasis " \
		  "Masyarakat\n", NR + 229,
		  NR + 229, $3, $6 }' "$d/pid-$sz.csv" > "$d/register-$sz.csv"
	cpu "register-$sz" 3 sh -c 'cp "$1" "$2" && ibm-invite -q -c "$3" \
		--order "$4" --staff "$5" --register "$2" "$6"' sh \
		"$d/register-$sz.csv" "$d/r.csv" "$bev" "$d/o.html" \
		"$top/examples/bimtek/petugas.csv" "$d/people-$sz.csv"
done
echo "growth exponent: $(growth register-$n1 register-$n2 $n1 $n2)" \
     "(target near 1; was 1.9)"

echo "-- ibm-spj: participants and their attendance list"
for sz in $n1 $n2; do
	awk -F, 'NR == 1 { print "participant_id,hari_hadir"; next }
		{ print $2 "," NR % 3 + 1 }' "$d/pid-$sz.csv" > "$d/hadir-$sz.csv"
	cpu "spj-people-$sz" 3 ibm-spj -q -c "$bev" -r "$rates" \
		-p "$d/pid-$sz.csv" -a "$d/hadir-$sz.csv" -n "$speakers"
	cpu "spj-list-$sz" 3 ibm-spj -q -c "$bev" -r "$rates" \
		-p "$d/pid-$sz.csv" -a "$d/hadir-$sz.csv" -n "$speakers" \
		-l "$d/list.html"
done
echo "growth exponent: $(growth spj-people-$n1 spj-people-$n2 $n1 $n2)" \
     "(target near 1; was 2.0); with -l list.html:" \
     "$(growth spj-list-$n1 spj-list-$n2 $n1 $n2) (was 1.4)"

echo "-- ibm-spj: many speakers, and one speaker of many sessions"
s1=$(q 16000)
s2=$(q 64000)
for sz in $s1 $s2; do
	speakers $sz 0 > "$d/speakers-$sz.csv"
	speakers $sz 1 > "$d/sessions-$sz.csv"
	cpu "spj-speakers-$sz" 3 ibm-spj -q -c "$bev" -r "$rates" \
		-n "$d/speakers-$sz.csv"
	cpu "spj-sessions-$sz" 3 ibm-spj -q -c "$bev" -r "$rates" \
		-n "$d/sessions-$sz.csv"
done
echo "growth exponent, speakers: $(growth spj-speakers-$s1 spj-speakers-$s2 \
	$s1 $s2); sessions: $(growth spj-sessions-$s1 spj-sessions-$s2 \
	$s1 $s2) (target near 1; were 2.2 and 2.1)"

echo "-- ibm-invite --visits: n visits in n/10 teams, n listed units"
v1=$(q 8000)
v2=$(q 32000)
for sz in $v1 $v2; do
	visits $sz $((sz / 10))
	cpu "visits-$sz" 3 ibm-invite -q -c "$mev" --visits "$d/jadwal-$sz.csv" \
		--staff "$d/petugas-$sz.csv" --units "$d/unit-$sz.csv"
done
echo "growth exponent: $(growth visits-$v1 visits-$v2 $v1 $v2)" \
     "(target near 1; was 1.9)"
echo "-- ibm-monev --units: every unit spelt otherwise on the list"
u1=$(q 1000)
u2=$(q 4000)
for sz in $u1 $u2; do
	forms $sz
	cpu "monev-list-$sz" 3 ibm-monev -q --units "$d/list-$sz.csv" \
		"$d/forms-$sz.csv"
done
echo "growth exponent: $(growth monev-list-$u1 monev-list-$u2 $u1 $u2)" \
     "(target near 1; was 1.2, and 1.3 from 2,500 to 10,000)"
rm -f "$d"/*.out "$d/o.html" "$d/r.csv" "$d/list.html"
