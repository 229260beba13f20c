#!/bin/sh
# tests/bench/db.sh - ibm-db against ibm-csv clean on the same rows: a
# bimtek of 10^5 people added with their scores (ibm-invite's and
# ibm-score's CSV, made here with awk) against ibm-csv clean reading both
# files; list trainings of those 10^5 rows against ibm-csv clean of the
# same rows; and the peak memory of both at 10^4 and 10^5 people (flat:
# rows go through prepared statements, one transaction per add). Wall
# seconds, best of 3 in turns. The issue's targets: add <= 3x clean,
# list <= 2x clean, memory about the same at both sizes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-$here/../../build}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/ibmkit-bench}
. "$here/lib.sh"
mkdir -p "$BENCH_DIR"
d=$BENCH_DIR/db
mkdir -p "$d"
bin=$BUILD/bin
cat > "$d/event.conf" <<'EOF'
instansi = BADAN NARKOTIKA NASIONAL | BADAN NARKOTIKA NASIONAL KABUPATEN SUMBAWA
acara = Bimbingan Teknis Intervensi Berbasis Masyarakat
tanggal_mulai = 2024-06-24
jumlah_hari = 3
tempat = Aula Hotel Tambora, Sumbawa Besar
EOF

# the participants and their scores, as ibm-invite and ibm-score write them
gen() {
	n=$1
	[ -s "$d/peserta-$n.csv" ] && [ -s "$d/nilai-$n.csv" ] && return
	awk -v n="$n" 'BEGIN {
		print "no,participant_id,nama,jabatan,unit_ibm,desa_kelurahan," \
		      "kecamatan,kabupaten_kota,no_hp,email,jenis_kelamin," \
		      "letter_number"
		for (i = 1; i <= n; i++)
			printf "%d,IBM-%08X,Peserta Nomor %d,Agen Pemulihan," \
			       "IBM Unit %d,Desa %d,Kecamatan %d,Kabupaten " \
			       "Sumbawa,+62812%07d,peserta%d@gmail.com,%s," \
			       "B/%d/VI/RH.00.00/2024/BNNK-SBW\n", i,
			       (i * 2654435761) % 4294967296, i, i % 97,
			       i % 89, i % 7, i, i, i % 2 ? "L" : "P", i
	}' > "$d/peserta-$n.csv"
	awk -v n="$n" 'BEGIN {
		srand(20240624)
		print "participant_id,no,nama,pre_score,post_score,max_score," \
		      "pre_percent,post_percent,gain,n_gain,n_gain_category," \
		      "passed_pre,passed_post,match,status"
		for (i = 1; i <= n; i++) {
			a = int(rand() * 11); b = int(rand() * 11)
			g = 0
			if (a < 10)
				g = (b - a) / (10 - a)
			cat = "rendah"
			if (g >= 0.3)
				cat = "sedang"
			if (g >= 0.7)
				cat = "tinggi"
			pa = "tidak"; pb = "tidak"
			if (a >= 7)
				pa = "ya"
			if (b >= 7)
				pb = "ya"
			printf "IBM-%08X,%d,Peserta Nomor %d,%d,%d,10,%d,%d," \
			       "%d,%.4f,%s,%s,%s,both,pre dan post\n",
			       (i * 2654435761) % 4294967296, i, i, a, b,
			       a * 10, b * 10, b - a, g, cat, pa, pb
		}
	}' > "$d/nilai-$n.csv"
}

for n in 10000 100000; do
	gen $n
	cat "$d/peserta-$n.csv" "$d/nilai-$n.csv" > /dev/null
	rm -f "$BENCH_DIR"/db-*-$n.t
	for k in 1 2 3; do
		one db-clean2-$n sh -c "\"$bin/ibm-csv\" -q clean \
			\"$d/peserta-$n.csv\" && \"$bin/ibm-csv\" -q clean \
			\"$d/nilai-$n.csv\""
		one db-add-$n sh -c "rm -f \"$d/b.sqlite\" && \"$bin/ibm-db\" -q \
			-D \"$d/b.sqlite\" add bimtek -c \"$d/event.conf\" \
			--participants \"$d/peserta-$n.csv\" \
			--scores \"$d/nilai-$n.csv\""
	done
	"$bin/ibm-db" -D "$d/b.sqlite" list trainings > "$d/list-$n.csv"
	for k in 1 2 3; do
		one db-list-$n "$bin/ibm-db" -D "$d/b.sqlite" list trainings
		one db-clean-$n "$bin/ibm-csv" -q clean "$d/list-$n.csv"
	done
	show db-clean2-$n "ibm-csv clean x2, $n"
	show db-add-$n "ibm-db add bimtek, $n"
	show db-clean-$n "ibm-csv clean list, $n"
	show db-list-$n "ibm-db list trainings, $n"
done
awk -v a="$(cat "$BENCH_DIR/db-add-100000.t")" \
    -v c="$(cat "$BENCH_DIR/db-clean2-100000.t")" \
    -v l="$(cat "$BENCH_DIR/db-list-100000.t")" \
    -v k="$(cat "$BENCH_DIR/db-clean-100000.t")" \
    -v am="$(cat "$BENCH_DIR/db-add-100000.m")" \
    -v am4="$(cat "$BENCH_DIR/db-add-10000.m")" \
    -v lm="$(cat "$BENCH_DIR/db-list-100000.m")" \
    -v lm4="$(cat "$BENCH_DIR/db-list-10000.m")" 'BEGIN {
	printf "add / clean: %.2f (target <= 3); list / clean: %.2f " \
	       "(target <= 2)\n", a / c, l / k
	printf "peak memory 10^5 / 10^4 people: add %.2f, list %.2f " \
	       "(flat: about 1)\n", am / am4, lm / lm4
}'
