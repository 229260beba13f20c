#!/bin/sh
# tests/bench/monev.sh - ibm-monev -o against a bare libxlsxwriter
# constant-memory writer of the same Data sheet, at 10^5 and 10^6 form
# rows (27 columns; the Data sheet has 30 cells a row).
#
# The input is generated with a fixed seed: 5000 units in 50 districts,
# each visited many times in each of four periods (both semesters of 2023
# and 2024: every unit is a duplicate after its first visit in a period,
# the warnings are counted, not printed, with -q; the workbook gets the
# Perkembangan sheet of 5000 units over four periods).
# The bare writer (built here from C) reads the CSV with libcsv and writes
# the file name, line number and every field (numbers as numbers, the date
# as a date) in constant-memory mode: the floor for the Data sheet.
# Prints wall and CPU seconds and peak RSS of each run (best of 3 at
# 10^5, one run at 10^6), the time ratio
# ibm-monev / bare (target <= 1.3) and ibm-monev's RSS at 10^6 over 10^5
# (target: flat, about 1).
set -eu
: "${BUILD:?}" "${BENCH_DIR:?}"
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
dir=$BENCH_DIR/monev
mkdir -p "$dir"
XLSX_CFLAGS=$(pkg-config --cflags xlsxwriter 2>/dev/null || true)
XLSX_LIBS=$(pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter)

gen() {
	awk -v n="$1" 'BEGIN {
		srand(20240624);
		print "provinsi,kabupaten_kota,satker,kecamatan,desa_kelurahan," \
		      "nama_unit,tanggal_monev,petugas,tahun_berdiri," \
		      "pembinaan_kunjungan,bantuan_operasional,sk_unit," \
		      "jumlah_agen,agen_terlatih,anggaran_desa,sarana_prasarana," \
		      "mitra,pencatatan_pelaporan,sosialisasi,pemetaan," \
		      "penjangkauan,skrining,intervensi_singkat,konseling," \
		      "rujukan,pemantauan,pendampingan_pascarehabilitasi";
		split("Ya Tidak", yn, " ");
		for (i = 0; i < n; i++) {
			u = int(rand() * 5000); k = int(u / 100);
			printf "Nusa Tenggara Barat,Kabupaten %d,BNNK %d," \
			       "Kecamatan %d,Desa %d,IBM Desa %d Bersinar," \
			       "%d-%02d-%02d,Petugas %d,%d",
			       k, k, int(u / 10), u, u, 2023 + int(rand() * 2),
			       1 + int(rand() * 12), 1 + int(rand() * 28), k,
			       2015 + u % 10;
			printf ",%d,%s,%s,%d,%d,%s,%s,%d,%s",
			       int(rand() * 6), yn[1 + int(rand() * 2)],
			       yn[1 + int(rand() * 2)], int(rand() * 15),
			       int(rand() * 10), yn[1 + int(rand() * 2)],
			       yn[1 + int(rand() * 2)], int(rand() * 5),
			       yn[1 + int(rand() * 2)];
			for (j = 0; j < 9; j++)
				printf ",%d", int(rand() * 25);
			printf "\n";
		}
	}'
}

for n in 100000 1000000; do
	[ -s "$dir/forms4-$n.csv" ] || gen $n > "$dir/forms4-$n.csv"
done

cat > "$dir/bare.c" <<'EOF'
/* bare.c - CSV rows into one constant-memory xlsx sheet, nothing else. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static lxw_worksheet *ws;
static lxw_format *datefmt;
static const char *name;
static long row, line = 1;
static int col;

static void field(void *s, size_t len, void *data)
{
	char buf[256], *end;
	double v;

	(void)data;
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (row > 0 && len) {
		int y, m, d;

		if (col == 6 && sscanf(buf, "%d-%d-%d", &y, &m, &d) == 3) {
			lxw_datetime t = { y, m, d, 0, 0, 0 };

			worksheet_write_datetime(ws, row, col + 2, &t, datefmt);
		} else if (v = strtod(buf, &end), !*end) {
			worksheet_write_number(ws, row, col + 2, v, NULL);
		} else {
			worksheet_write_string(ws, row, col + 2, buf, NULL);
		}
	} else if (row == 0) {
		worksheet_write_string(ws, 0, col + 2, buf, NULL);
	}
	col++;
}

static void record(int c, void *data)
{
	(void)c;
	(void)data;
	line++;
	if (row > 0) {
		worksheet_write_string(ws, row, 0, name, NULL);
		worksheet_write_number(ws, row, 1, (double)line, NULL);
	}
	row++;
	col = 0;
}

int main(int argc, char **argv)
{
	lxw_workbook_options o = { .constant_memory = LXW_TRUE,
				   .use_zip64 = LXW_TRUE };
	lxw_workbook *wb = workbook_new_opt(argv[2], &o);
	struct csv_parser p;
	FILE *fp = fopen(argv[1], "rb");
	char buf[65536];
	size_t k;

	(void)argc;
	name = argv[1];
	ws = workbook_add_worksheet(wb, "Data");
	datefmt = workbook_add_format(wb);
	format_set_num_format(datefmt, "dd/mm/yyyy");
	csv_init(&p, CSV_STRICT);
	while ((k = fread(buf, 1, sizeof buf, fp)) > 0)
		csv_parse(&p, buf, k, field, record, NULL);
	csv_fini(&p, field, record, NULL);
	csv_free(&p);
	fclose(fp);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
EOF
# shellcheck disable=SC2086
cc -O2 -o "$dir/bare" "$dir/bare.c" $XLSX_CFLAGS -lcsv $XLSX_LIBS -lz

# "wall cpu rss" of the best of $1 runs (lib.sh)
measure() {
	best_of "$@"
}

# least A B: of two "wall cpu rss" results the one of less CPU time
least() {
	if [ -z "$1" ] || awk -v a="$2" -v b="$1" 'BEGIN {
		split(a, x, " "); split(b, y, " "); exit !(x[2] < y[2]) }'
	then
		echo "$2"
	else
		echo "$1"
	fi
}

printf '%-10s %-10s %8s %8s %10s\n' rows tool wall_s cpu_s peak_kB
for n in 100000 1000000; do
	in=$dir/forms4-$n.csv
	runs=5
	[ $n = 1000000 ] && runs=1
	# in turns (bare, ibm-monev, bare, ...), so that both see the same
	# load; the best of each
	b="" m=""
	i=0
	while [ $i -lt $runs ]; do
		b=$(least "$b" "$(measure 1 "$dir/bare" "$in" \
			"$dir/bare-$n.xlsx")")
		m=$(least "$m" "$(measure 1 "$BUILD/bin/ibm-monev" -q \
			-o "$dir/monev-$n.xlsx" "$in")")
		i=$((i + 1))
	done
	# shellcheck disable=SC2086
	printf '%-10s %-10s %8s %8s %10s\n' $n bare $b $n ibm-monev $m
	echo "$n $b $m" >> "$dir/.results.$$"
done
awk '{ w[NR] = $5 / $2; c[NR] = $6 / $3; r[NR] = $7 }
END {
	printf "time ratio ibm-monev/bare (target <= 1.3): cpu %.2f, wall " \
	       "%.2f at 10^5; cpu %.2f, wall %.2f at 10^6\n",
	       c[1], w[1], c[2], w[2];
	printf "ibm-monev peak RSS 10^6/10^5: %.2f (%d kB -> %d kB; " \
	       "target: flat)\n", r[2] / r[1], r[1], r[2];
}' "$dir/.results.$$"
rm -f "$dir/.results.$$" "$dir"/*.xlsx
