/*
 * export.c - the database for people and for the office upward:
 *
 *   db_export_xlsx   every table as a sheet of a workbook ready to print
 *                    (the rows of list; A4 landscape, the header repeated
 *                    on every page, widths fitted, dates as dates,
 *                    numbers as numbers), written in constant memory:
 *                    each sheet's query runs twice, once to measure the
 *                    columns and once to write the rows
 *   db_export_share  the copy an office sends upward: the whole file
 *                    (VACUUM INTO) without phone numbers and e-mail
 *                    addresses (UU 27/2022 on personal data), their old
 *                    pages overwritten (secure_delete) and dropped
 *
 * Both are created readable by their owner only.
 */
#include "dbin.h"
#include "monev.h"

#include <stdlib.h>
#include <string.h>

/* The Indonesian headers of the columns (the others: their names with
 * spaces, or an indicator's label from the default spec). */
static const char *const labels[][2] = {
	{ "office", "Satker" }, { "satker", "Satker" },
	{ "acara", "Kegiatan" }, { "tanggal_mulai", "Tanggal Mulai" },
	{ "tanggal_selesai", "Tanggal Selesai" }, { "tempat", "Tempat" },
	{ "hal", "Hal" }, { "tanggal_surat", "Tanggal Surat" },
	{ "nomor", "Nomor" }, { "nomor_sprin", "Nomor Sprin" },
	{ "nomor_sertifikat", "Nomor Sertifikat" },
	{ "peserta", "Peserta" }, { "sertifikat", "Sertifikat" },
	{ "participant_id", "ID Peserta" }, { "no", "No" },
	{ "nama", "Nama" }, { "jabatan", "Jabatan" },
	{ "unit_ibm", "Unit IBM" }, { "desa_kelurahan", "Desa/Kelurahan" },
	{ "kecamatan", "Kecamatan" }, { "kabupaten_kota", "Kabupaten/Kota" },
	{ "no_hp", "No. HP" }, { "email", "E-mail" },
	{ "jenis_kelamin", "L/P" }, { "letter_number", "Nomor Undangan" },
	{ "status", "Status" }, { "pre_score", "Skor Pre-test" },
	{ "post_score", "Skor Post-test" }, { "max_score", "Skor Maksimum" },
	{ "pre_percent", "Pre-test (%)" }, { "post_percent", "Post-test (%)" },
	{ "gain", "Peningkatan" }, { "n_gain", "N-Gain" },
	{ "n_gain_category", "Kategori N-Gain" },
	{ "passed_pre", "Lulus Pre-test" }, { "passed_post", "Lulus Post-test" },
	{ "certificate_number", "Nomor Sertifikat" },
	{ "bimtek", "Bimtek" }, { "bimtek_terakhir", "Bimtek Terakhir" },
	{ "provinsi", "Provinsi" }, { "nama_unit", "Nama Unit" },
	{ "tahun_berdiri", "Tahun Berdiri" }, { "kunjungan", "Kunjungan" },
	{ "periode_terakhir", "Periode Terakhir" },
	{ "fase_terakhir", "Fase Terakhir" },
	{ "tanggal_monev", "Tanggal Monev" }, { "petugas", "Petugas" },
	{ "periode", "Periode" }, { "dimonev", "Dimonev" },
	{ "skor_total", "Skor Total" }, { "fase", "Fase" },
	{ "kurang_untuk_fase_berikut", "Kurang untuk Fase Berikut" },
	{ "tanggal", "Tanggal" }, { "jenis", "Jenis" }, { "urut", "Urut" },
	{ "kepada", "Kepada" }, { "statistic", "Statistik" },
	{ "value", "Nilai" }, { "updated", "Diperbarui" },
};

/* The default spec's labels of indicators and groups. */
static monev_spec spec;
static int have_spec;

static char *label_of(const char *name)
{
	char *s;

	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (!strcmp(labels[i][0], name))
			return ibm_xstrdup(labels[i][1]);
	if (have_spec) {
		for (size_t k = 0; k < spec.nind; k++)
			if (!strcmp(spec.ind[k].column, name))
				return ibm_xstrdup(spec.ind[k].label);
		for (size_t g = 0; g < spec.ngrp; g++)
			if (!strncmp(name, "skor_", 5) &&
			    !strcmp(spec.grp[g].name, name + 5)) {
				s = ibm_xmalloc(strlen(spec.grp[g].label) + 6);
				strcpy(s, "Skor ");
				strcat(s, spec.grp[g].label);
				return s;
			}
	}
	s = ibm_xstrdup(name);
	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	*s = (char)(*s >= 'a' && *s <= 'z' ? *s - 32 : *s);
	return s;
}

/* "2024-06-24" */
static int iso_date(const char *s, lxw_datetime *dt)
{
	ibm_date d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    ibm_date_parse(s, &d) != 0)
		return 0;
	memset(dt, 0, sizeof *dt);
	dt->year = d.y;
	dt->month = d.m;
	dt->day = d.d;
	return 1;
}

#define HDR_ROW 2

/* The sheet's columns: the `lead` ones (comma-separated names) first,
 * in that order, then the others as list has them; perm[c] is the
 * list's column shown in column c. */
static size_t *arrange(const db_rows *t, const char *lead)
{
	size_t nc = db_rows_ncols(t), n = 0;
	size_t *perm = ibm_xcalloc(nc + 1, sizeof *perm);
	unsigned char *used = ibm_xcalloc(nc + 1, 1);

	while (lead && *lead) {
		size_t len = strcspn(lead, ",");

		for (size_t c = 0; c < nc; c++)
			if (!used[c] && strlen(db_rows_colname(t, c)) == len &&
			    !strncmp(db_rows_colname(t, c), lead, len)) {
				perm[n++] = c;
				used[c] = 1;
			}
		lead += len + (lead[len] == ',');
	}
	for (size_t c = 0; c < nc; c++)
		if (!used[c])
			perm[n++] = c;
	free(used);
	return perm;
}

/* One sheet: a title, the header on row 3 (repeated on every page), the
 * rows; the first id_cols columns (of the lead ones) are repeated on
 * every page of a table wider than a page. */
static void sheet(ibm_xlsx *x, db_file *d, const char *name,
		  const char *title, int list, const db_filter *f,
		  const char *lead, size_t id_cols)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	db_rows *t = db_rows_list(d, list, f);
	size_t nc = db_rows_ncols(t), *perm = arrange(t, lead);
	ibm_xlsx_widths cw = { 0 };
	char **h = ibm_xcalloc(nc, sizeof *h);
	const char *const *v;
	const int *num;
	lxw_row_t row = HDR_ROW;
	double hh = 15;
	/* numbers as stored, without trailing zeros (58.1, 0.1667), and
	 * dates, a blank at their right: never touching the next text */
	lxw_format *dec = workbook_add_format(x->wb);
	lxw_format *date = workbook_add_format(x->wb);

	format_set_num_format(dec, IBM_XLSX_PAD("0.####"));
	format_set_num_format(date, IBM_XLSX_PAD("dd/mm/yyyy"));
	for (lxw_format *f2 = dec; f2; f2 = f2 == dec ? date : NULL) {
		format_set_border(f2, LXW_BORDER_THIN);
		format_set_align(f2, LXW_ALIGN_VERTICAL_TOP);
	}

	for (size_t c = 0; c < nc; c++) {
		h[c] = label_of(db_rows_colname(t, perm[c]));
		ibm_xlsx_widths_note_words(&cw, c, h[c], x->fmt.header);
		ibm_xlsx_widths_note_len(&cw, c, 5);
	}
	/* the widths: every shown value */
	while (db_rows_next(t, &v, &num))
		for (size_t c = 0; c < nc; c++) {
			const char *s = v[perm[c]];
			lxw_datetime dt;

			if (s)
				ibm_xlsx_widths_note(&cw, c, iso_date(s, &dt)
						     ? "00/00/0000" : s);
		}
	db_rows_free(t);
	ibm_xlsx_widths_clamp(&cw, 4, 40);
	ibm_xlsx_widths_set(&cw, ws);
	worksheet_write_string(ws, 0, 0, title, x->fmt.title);
	for (size_t c = 0; c < nc; c++) {
		double p = ibm_xlsx_cell_pt(h[c], cw.w[c], x->fmt.header);

		hh = p > hh ? p : hh;
	}
	worksheet_set_row(ws, HDR_ROW, hh, NULL);
	ibm_xlsx_header_row(x, ws, HDR_ROW, (const char *const *)h, nc, NULL);
	t = db_rows_list(d, list, f);
	while (db_rows_next(t, &v, &num)) {
		double rh = 15;

		row++;
		for (size_t c = 0; c < nc; c++)
			if (v[perm[c]] && !num[perm[c]]) {
				double p = ibm_xlsx_cell_pt(v[perm[c]], cw.w[c],
							    x->fmt.text);

				rh = p > rh ? p : rh;
			}
		worksheet_set_row(ws, row, rh, NULL);
		for (size_t c = 0; c < nc; c++) {
			const char *s = v[perm[c]];
			lxw_col_t col = (lxw_col_t)c;
			lxw_datetime dt;

			if (!s)
				worksheet_write_blank(ws, row, col,
						      x->fmt.text);
			else if (num[perm[c]])
				worksheet_write_number(ws, row, col,
					strtod(s, NULL), strchr(s, '.') ?
					dec : x->fmt.integer);
			else if (iso_date(s, &dt))
				worksheet_write_datetime(ws, row, col, &dt,
							 date);
			else
				ibm_xlsx_write_string(ws, row, col, s,
						      x->fmt.text);
		}
	}
	db_rows_free(t);
	if (row > HDR_ROW)
		worksheet_autofilter(ws, HDR_ROW, 0, row, (lxw_col_t)(nc - 1));
	worksheet_freeze_panes(ws, HDR_ROW + 1, 0);
	ibm_xlsx_print_setup(ws, 1, HDR_ROW, HDR_ROW);
	ibm_xlsx_print_width(ws, 1, cw.w, cw.n, id_cols, NULL);
	ibm_xlsx_widths_free(&cw);
	for (size_t c = 0; c < nc; c++)
		free(h[c]);
	free(h);
	free(perm);
}

void db_export_xlsx(db_file *d, const char *path, const db_filter *f)
{
	/* the names a reader looks for first lead each sheet, and the
	 * first of them are repeated on every page of a wide one */
	static const struct {
		int list;
		const char *name, *title, *lead;
		size_t id_cols;
	} sheets[] = {
		{ DB_EVENTS, "Bimtek", "Kegiatan Bimbingan Teknis",
		  "tanggal_mulai,tanggal_selesai,acara", 3 },
		{ DB_TRAININGS, "Peserta Bimtek", "Peserta Bimbingan Teknis "
		  "dan Hasilnya", "no,nama,jabatan,unit_ibm,desa_kelurahan,"
		  "kabupaten_kota,status,pre_score,post_score,n_gain,"
		  "n_gain_category,passed_post,certificate_number", 2 },
		{ DB_PEOPLE, "Orang", "Agen Pemulihan dan Peserta Lain",
		  "nama", 1 },
		{ DB_UNITS, "Unit", "Unit IBM", "nama_unit", 1 },
		{ DB_VISITS, "Monev", "Monev Unit IBM per Periode",
		  "nama_unit,periode,kabupaten_kota,desa_kelurahan,satker,"
		  "tanggal_monev,skor_total,fase", 2 },
		{ DB_LETTERS, "Surat", "Register Surat Keluar", NULL, 0 },
	};
	ibm_xlsx *x = ibm_xlsx_open(path, 1, "Database Rehabilitasi", NULL);

	ibm_atomic_private(x->out);
	have_spec = monev_spec_parse(&spec, "(bawaan)", monev_default_spec,
				     strlen(monev_default_spec)) == 0;
	for (size_t i = 0; i < sizeof sheets / sizeof *sheets; i++) {
		db_filter g = *f;

		if (!(db_list_filters(sheets[i].list) & DB_F_KAB))
			g.kabupaten = NULL;
		sheet(x, d, sheets[i].name, sheets[i].title, sheets[i].list, &g,
		      sheets[i].lead, sheets[i].id_cols);
	}
	if (have_spec)
		monev_spec_free(&spec);
	have_spec = 0;
	ibm_xlsx_close(x);
}

/* ------------------------------------------------------------- share */

void db_export_share(db_file *d, const char *path)
{
	ibm_atomic *a = ibm_atomic_open(path);
	const char *tmp;
	sqlite3_stmt *st;
	db_file c = { 0 };
	int rc;

	ibm_atomic_private(a);
	tmp = ibm_atomic_tmppath(a);
	/* VACUUM INTO takes a snapshot of its own, outside a transaction */
	db_exec(d, "COMMIT");
	d->tx = 0;
	st = db_prep(d, "VACUUM INTO ?1");
	sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
	db_step(d, st);
	sqlite3_finalize(st);
	c.path = (char *)path;
	c.write = 1;
	c.wait = d->wait;
	rc = sqlite3_open_v2(tmp, &c.h, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		db_fail(&c, rc);
	db_exec(&c, "PRAGMA secure_delete = ON");
	db_exec(&c, "BEGIN IMMEDIATE");
	db_exec(&c, "UPDATE people SET no_hp = NULL, email = NULL");
	db_exec(&c, "UPDATE trainings SET no_hp = NULL, email = NULL");
	db_exec(&c, "COMMIT");
	db_exec(&c, "VACUUM");
	if (sqlite3_close(c.h) != SQLITE_OK)
		db_fail(&c, sqlite3_errcode(c.h));
	ibm_atomic_finish(a);
}
