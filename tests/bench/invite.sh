#!/bin/sh
# tests/bench/invite.sh - ibm-invite at 2,000 and 10,000 participants.
#
# The participants are generated with a fixed seed (names, 50 kelurahan,
# phones in mixed formats). Peers measured in the same run: ibm-csv clean
# on the same file (the floor for reading and writing the CSV) and
# pdftotext reading the letters back (a reader of the same PDF).
# Prints wall seconds and peak RSS of each run and the ratios
# ibm-invite (CSV only) / ibm-csv clean and ibm-invite -l PDF / pdftotext.
# The CSV runs are repeated 20 times (one run of 10,000 rows finishes
# within the timer's 0.01 s); larger files are no use, as participant_id
# (32 bits) collides by chance from some 10,000 people on.
set -eu
: "${BUILD:?}" "${BENCH_DIR:?}"
dir=$BENCH_DIR/invite
mkdir -p "$dir"
ev=$(cd "$(dirname "$0")/../data/invite" && pwd)/event.conf
PATH=$BUILD/bin:$PATH

gen() {
	awk -v n="$1" 'BEGIN {
		srand(20240624);
		print "Nama Lengkap;Jabatan;Unit IBM;Desa/Kelurahan;No. HP;L/P";
		split("Lalu Baiq Muhammad Siti Ahmad Nurul Ni I", a, " ");
		split("Hamdi Aini Rizal Aminah Fauzi Hikmah Wayan Made", b, " ");
		for (i = 1; i <= n; i++) {
			k = int(rand() * 50);
			printf "%s %s %d;Agen Pemulihan;IBM Desa %d;Kelurahan %d;" \
			       "%s%08d;%s\n", a[1 + int(rand() * 8)],
			       b[1 + int(rand() * 8)], i, k, k,
			       (i % 3 ? "0812" : "+62 813 "), i, (i % 2 ? "L" : "P");
		}
	}' > "$dir/peserta-$1.csv"
}

t() { # label command...: prints "label seconds KB", keeps seconds in $sec
	label=$1
	shift
	/usr/bin/time -f '%e %M' -o "$dir/time" "$@" > /dev/null 2>&1
	read -r sec kb < "$dir/time"
	printf '%-28s %6ss %8s KB\n' "$label" "$sec" "$kb"
}

# a / b, or "n/a" when b is below the timer's 0.01 s resolution
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a (too fast to time)" }'; }

# t20 label command...: t on 20 runs of the command
t20() {
	label=$1
	shift
	t "$label x20" sh -c 'i=0; while [ $i -lt 20 ]; do "$@" > /dev/null ||
		exit 1; i=$((i + 1)); done' sh "$@"
}

for n in 2000 10000; do
	gen $n
	f=$dir/peserta-$n.csv
	echo "-- $n participants"
	t20 "ibm-csv clean" ibm-csv clean "$f"; base=$sec
	t20 "ibm-invite (CSV)" ibm-invite -q -c "$ev" "$f"; csv=$sec
	t "ibm-invite -A xlsx" ibm-invite -q -c "$ev" -A "$dir/a.xlsx" "$f"
	t "ibm-invite -l html" ibm-invite -q -c "$ev" -l "$dir/a.html" "$f"
	t "ibm-invite -l pdf" ibm-invite -q -c "$ev" -l "$dir/a.pdf" "$f"
	pdf=$sec
	echo "PDF pages: $(pdfinfo "$dir/a.pdf" | awk '/^Pages:/ { print $2 }')"
	t "pdftotext (peer)" pdftotext "$dir/a.pdf" "$dir/a.txt"; txt=$sec
	echo "ratio CSV / ibm-csv clean: $(ratio "$csv" "$base")"
	echo "ratio PDF / pdftotext:     $(ratio "$pdf" "$txt")"
done
