/*
 * form.c - ibm-monev --form: the blank data-entry workbook a provincial
 * office sends to its districts. Sheet "Formulir": the identity columns
 * and one column per indicator of the spec, under headers that ibm-monev
 * reads back, one row per unit of the master list (or spare rows), with
 * data validation on every input cell and the header row locked and
 * frozen. Sheet "Petunjuk": how to fill it in, the indicators and the
 * phase rules, in Indonesian.
 */
#include "monev.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FORM_SPARE_ROWS 100   /* rows to fill without a master list */
#define FORM_EXTRA_ROWS 20    /* spare rows after the listed units */

/* Identity columns of the form, in order (indices into monev_id_*). */
static const int form_ids[] = {
	MONEV_PROV, MONEV_KAB, MONEV_SATKER, MONEV_KEC, MONEV_DESA,
	MONEV_UNIT, MONEV_TANGGAL, MONEV_PETUGAS, MONEV_TAHUN
};
#define FORM_NID (sizeof form_ids / sizeof form_ids[0])
#define FORM_C0 1             /* the first identity column (A: No) */
#define FORM_COL_UNIT 5       /* Nama Unit, frozen on screen */
#define FORM_COL_TANGGAL 6    /* Tanggal Monev */
#define FORM_ROW_HEIGHT 21    /* a row to write in by hand (points) */

/* The master-list field that pre-fills form identity column i, or -1. */
static int listed_field(int id)
{
	switch (id) {
	case MONEV_PROV: return MONEV_UL_PROV;
	case MONEV_KAB: return MONEV_UL_KAB;
	case MONEV_SATKER: return MONEV_UL_SATKER;
	case MONEV_KEC: return MONEV_UL_KEC;
	case MONEV_DESA: return MONEV_UL_DESA;
	case MONEV_UNIT: return MONEV_UL_UNIT;
	case MONEV_TAHUN: return MONEV_UL_TAHUN;
	default: return -1;
	}
}

/* Does the name key of `name` equal that of one alias in `aliases`? */
static int alias_has(const char *aliases, const char *name)
{
	char *k = ibm_name_key(name);
	const char *p = aliases;
	int hit = 0;

	while (*p && !hit) {
		const char *e = strchr(p, '|');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *one = ibm_xstrndup(p, n);
		char *k2 = ibm_name_key(one);

		hit = *k && strcmp(k, k2) == 0;
		free(one);
		free(k2);
		if (!e)
			break;
		p = e + 1;
	}
	free(k);
	return hit;
}

/*
 * The header of indicator i: its label when the reader finds the
 * indicator under it and under no other name, else its column name.
 */
static const char *ind_header(const monev_spec *s, size_t i)
{
	const monev_ind *ind = &s->ind[i];

	if (!ind->label || !*ind->label || !alias_has(ind->aliases, ind->label))
		return ind->column;
	for (size_t j = 0; j < s->nind; j++)
		if (j != i && alias_has(s->ind[j].aliases, ind->label))
			return ind->column;
	return ind->label;
}

/* Rows of height for a text in a merged block `chars` wide. */
static double text_height(const char *t, double chars)
{
	double lines = 0, cur = 0;
	const char *p = t;

	/* greedy word wrap on code points */
	while (*p) {
		const char *w = p;
		double len;

		while (*p && *p != ' ' && *p != '\n')
			p++;
		len = (double)ibm_utf8_count(w, (size_t)(p - w));
		if (cur > 0 && cur + 1 + len > chars) {
			lines++;
			cur = 0;
		}
		cur += (cur > 0 ? 1 : 0) + len;
		if (*p == '\n') {
			lines++;
			cur = 0;
		}
		while (*p == ' ' || *p == '\n')
			p++;
	}
	if (cur > 0 || lines == 0)
		lines++;
	return lines * 15.0 + 3;
}

typedef struct form_fmts {
	lxw_format *head;      /* locked, bold, wrapped, grey */
	lxw_format *cell;      /* unlocked, border */
	lxw_format *yn;        /* unlocked, border, centred (Ya/Tidak) */
	lxw_format *no;        /* the row number: locked, border */
	lxw_format *date;      /* unlocked, dd/mm/yyyy */
	lxw_format *num;       /* unlocked, 0 */
	lxw_format *para;      /* wrapped, top */
	lxw_format *title;
	lxw_format *thead;     /* table header on Petunjuk */
	lxw_format *tcell;
} form_fmts;

static void validate(lxw_worksheet *ws, int first, int last, int col,
		     lxw_data_validation *v)
{
	lxw_error e = worksheet_data_validation_range(ws, (lxw_row_t)first,
						      (lxw_col_t)col,
						      (lxw_row_t)last,
						      (lxw_col_t)col, v);

	if (e != LXW_NO_ERROR)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "data validation: %s",
			lxw_strerror(e));
}

/* The width (characters) of a column whose bold header wraps between
 * words only: its longest word, at least w. */
static double head_width(const char *h, double w)
{
	const char *p = h;

	while (*p) {
		const char *word = p;
		size_t n;

		while (*p && *p != ' ')
			p++;
		n = ibm_utf8_count(word, (size_t)(p - word));
		/* bold capitals and wide letters: 1.2 of a digit's width */
		if ((double)n * 1.2 + 2 > w)
			w = (double)n * 1.2 + 2;
		while (*p == ' ')
			p++;
	}
	return w;
}

static void form_sheet(ibm_xlsx *x, const form_fmts *f, const monev_spec *s,
		       const monev_units *u, int py, int ps)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Formulir");
	size_t ncol = FORM_C0 + FORM_NID + s->nind;
	int nrows = u && u->n ? (int)u->n + FORM_EXTRA_ROWS : FORM_SPARE_ROWS;
	int last = nrows; /* rows 1..nrows hold data */
	static const char *yn[] = { "Ya", "Tidak", NULL };
	char msg[256], title[40];
	lxw_protection prot;
	lxw_format **cf = ibm_xcalloc(ncol, sizeof *cf);

	/* the row numbers */
	worksheet_set_column(ws, 0, 0, 5, f->no);
	ibm_xlsx_write_string(ws, 0, 0, "No", f->head);
	/* identity columns as wide as their longest listed value */
	for (size_t c = 0; c < FORM_NID; c++) {
		int lf = listed_field(form_ids[c]);
		double w = form_ids[c] == MONEV_TAHUN ? 10 :
			   form_ids[c] == MONEV_TANGGAL ? 13 : 16;

		for (size_t r = 0; u && lf >= 0 && r < u->n; r++) {
			double n = (double)ibm_utf8_len(u->unit[r].f[lf]) * 1.1
				   + 2;

			if (n > w)
				w = n < 40 ? n : 40;
		}
		cf[FORM_C0 + c] = form_ids[c] == MONEV_TANGGAL ? f->date :
				  form_ids[c] == MONEV_TAHUN ? f->num : f->cell;
		worksheet_set_column(ws, (lxw_col_t)(FORM_C0 + c),
				     (lxw_col_t)(FORM_C0 + c),
				     head_width(monev_id_labels[form_ids[c]], w),
				     cf[FORM_C0 + c]);
	}
	/* one column per indicator, each with its own style: a range
	 * overlapping single columns leaves the others without one */
	for (size_t i = 0; i < s->nind; i++) {
		size_t c = FORM_C0 + FORM_NID + i;

		cf[c] = s->ind[i].kind == MONEV_COUNT ? f->num : f->yn;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
				     head_width(ind_header(s, i), 14), cf[c]);
	}
	/* header: labels wrap between words, in three lines at most */
	worksheet_set_row(ws, 0, 48, NULL);
	for (size_t c = 0; c < FORM_NID; c++)
		ibm_xlsx_write_string(ws, 0, (lxw_col_t)(FORM_C0 + c),
				      monev_id_labels[form_ids[c]], f->head);
	for (size_t i = 0; i < s->nind; i++)
		ibm_xlsx_write_string(ws, 0,
				      (lxw_col_t)(FORM_C0 + FORM_NID + i),
				      ind_header(s, i), f->head);
	/* every row to fill: its number, and each input cell written blank
	 * in its column's style (unlocked, bordered), so that it is
	 * editable and prints in whatever reads the column styles or not */
	for (int r = 1; r <= last; r++) {
		worksheet_set_row(ws, (lxw_row_t)r, FORM_ROW_HEIGHT, NULL);
		worksheet_write_number(ws, (lxw_row_t)r, 0, r, f->no);
		for (size_t c = FORM_C0; c < ncol; c++)
			worksheet_write_blank(ws, (lxw_row_t)r, (lxw_col_t)c,
					      cf[c]);
	}
	/* the listed units */
	for (size_t r = 0; u && r < u->n; r++)
		for (size_t c = 0; c < FORM_NID; c++) {
			int lf = listed_field(form_ids[c]);
			const char *v = lf >= 0 ? u->unit[r].f[lf] : "";

			if (!*v)
				continue;
			if (form_ids[c] == MONEV_TAHUN)
				worksheet_write_number(ws, (lxw_row_t)(r + 1),
						       (lxw_col_t)(FORM_C0 + c),
						       atof(v), f->num);
			else
				ibm_xlsx_write_string(ws, (lxw_row_t)(r + 1),
						      (lxw_col_t)(FORM_C0 + c),
						      v, f->cell);
		}
	free(cf);

	/* validation: the date within the period, yes/no, counts */
	{
		lxw_data_validation v;
		int y0 = py ? py : 2000, y1 = py ? py : 2099;
		int m0 = py ? (ps == 1 ? 1 : 7) : 1;
		int m1 = py ? (ps == 1 ? 6 : 12) : 12;
		int d1 = m1 == 6 ? 30 : 31;
		char per[40];

		memset(&v, 0, sizeof v);
		v.validate = LXW_VALIDATION_TYPE_DATE;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_datetime = (lxw_datetime){ y0, m0, 1, 0, 0, 0 };
		v.maximum_datetime = (lxw_datetime){ y1, m1, d1, 0, 0, 0 };
		v.input_title = (char *)"Tanggal Monev";
		if (py) {
			monev_period_long(per, sizeof per, py, ps);
			snprintf(msg, sizeof msg,
				 "Tanggal kunjungan monev dalam %s, misalnya "
				 "%02d/%02d/%04d.", per, 15, m0 + 2, py);
		} else {
			snprintf(msg, sizeof msg,
				 "Tanggal kunjungan monev, misalnya "
				 "24/06/2024.");
		}
		v.input_message = msg;
		v.error_title = (char *)"Tanggal tidak sah";
		v.error_message = py ?
			(char *)"Isi tanggal kunjungan dalam semester "
				"formulir ini (hh/bb/tttt)." :
			(char *)"Isi tanggal yang sah (hh/bb/tttt).";
		validate(ws, 1, last, FORM_C0 + FORM_COL_TANGGAL, &v);

		memset(&v, 0, sizeof v);
		v.validate = LXW_VALIDATION_TYPE_INTEGER;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = 1900;
		v.maximum_number = 2999;
		v.input_title = (char *)"Tahun Berdiri";
		v.input_message = (char *)"Tahun unit IBM dibentuk, misalnya "
					  "2021.";
		v.error_title = (char *)"Tahun tidak sah";
		v.error_message = (char *)"Isi tahun dengan empat angka.";
		validate(ws, 1, last, (int)(FORM_C0 + FORM_NID) - 1, &v);
	}
	for (size_t i = 0; i < s->nind; i++) {
		const monev_ind *ind = &s->ind[i];
		const char *name = ind->label && *ind->label ? ind->label
							      : ind->column;
		size_t n = strlen(name);
		lxw_data_validation v;
		char *fixed;

		memset(&v, 0, sizeof v);
		/* at most 31 bytes, cut at a character boundary */
		if (n > 31)
			n = ibm_utf8_floor(name, 31);
		snprintf(title, sizeof title, "%.*s", (int)n, name);
		fixed = ibm_xml_fix(title);
		v.input_title = fixed ? fixed : title;
		v.input_message = msg;
		if (ind->kind == MONEV_YESNO) {
			v.validate = LXW_VALIDATION_TYPE_LIST;
			v.value_list = (char **)yn;
			snprintf(msg, sizeof msg,
				 "Pilih Ya atau Tidak dari daftar. Sel kosong "
				 "dihitung Tidak.");
			v.error_title = (char *)"Isian tidak sah";
			v.error_message = (char *)"Isi dengan Ya atau Tidak.";
		} else {
			char t[32];

			v.validate = LXW_VALIDATION_TYPE_INTEGER;
			v.criteria =
				LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
			v.value_number = 0;
			snprintf(msg, sizeof msg,
				 "Jumlah dalam semester ini: bilangan bulat 0 "
				 "atau lebih, tanpa teks. Nilai penuh: %s atau "
				 "lebih. Sel kosong dihitung 0.",
				 ibm_fmt_num(t, sizeof t, ind->target, 2, ','));
			v.error_title = (char *)"Isian tidak sah";
			v.error_message = (char *)"Isi bilangan bulat 0 atau "
						  "lebih, tanpa teks.";
		}
		validate(ws, 1, last, (int)(FORM_C0 + FORM_NID + i), &v);
		free(fixed);
	}

	worksheet_freeze_panes(ws, 1, FORM_C0 + FORM_COL_UNIT + 1);
	memset(&prot, 0, sizeof prot);
	prot.format_cells = 1;
	prot.format_columns = 1;
	prot.format_rows = 1;
	prot.insert_rows = 1;
	prot.delete_rows = 1;
	prot.sort = 1;
	prot.autofilter = 1;
	worksheet_protect(ws, NULL, &prot);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)last, (lxw_col_t)(ncol - 1));
	/* printed several pages wide at full size, the header row
	 * repeated, and the unit's name (listed units) or the row's number
	 * (blank rows to write in by hand) */
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
	worksheet_repeat_rows(ws, 0, 0);
	if (u && u->n)
		worksheet_repeat_columns(ws, FORM_C0 + FORM_COL_UNIT,
					 FORM_C0 + FORM_COL_UNIT);
	else
		worksheet_repeat_columns(ws, 0, 0);
	/* the pages counted across the workbook (Formulir, then Petunjuk) */
	worksheet_set_footer(ws, "&CFormulir Monev IBM \xc2\xb7 Halaman &P "
			     "dari &N");
	worksheet_activate(ws);
}

static int put_para(lxw_worksheet *ws, const form_fmts *f, int row,
		    const char *text)
{
	ibm_xlsx_merge_range(ws, (lxw_row_t)row, 1, (lxw_row_t)row, 6, text,
			     f->para);
	worksheet_set_row(ws, (lxw_row_t)row, text_height(text, 100), NULL);
	return row + 1;
}

static void guide_sheet(ibm_xlsx *x, const form_fmts *f, const monev_spec *s,
			const monev_units *u, int py, int ps)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Petunjuk");
	char buf[600], per[40], num[32];
	int row = 0;
	static const char *const thead[] = {
		"No", "Judul kolom di Formulir", "Kelompok", "Isian",
		"Nilai penuh", "Bobot"
	};

	worksheet_set_column(ws, 0, 0, 2, NULL);
	worksheet_set_column(ws, 1, 1, 5, NULL);
	worksheet_set_column(ws, 2, 2, 34, NULL);
	worksheet_set_column(ws, 3, 3, 18, NULL);
	worksheet_set_column(ws, 4, 4, 14, NULL);
	worksheet_set_column(ws, 5, 5, 14, NULL);
	worksheet_set_column(ws, 6, 6, 8, NULL);
	ibm_xlsx_write_string(ws, (lxw_row_t)row++, 1,
			      "PETUNJUK PENGISIAN FORMULIR MONEV IBM",
			      f->title);
	worksheet_set_row(ws, 0, 21, NULL);
	if (py) {
		monev_period_long(per, sizeof per, py, ps);
		snprintf(buf, sizeof buf, "Periode: %s.", per);
		row = put_para(ws, f, row, buf);
	}
	row++;
	row = put_para(ws, f, row,
		       "1. Isi satu baris untuk setiap unit IBM pada lembar "
		       "Formulir. Satu baris adalah satu kunjungan monev.");
	row = put_para(ws, f, row, u && u->n ?
		       "2. Kolom Provinsi sampai Nama Unit sudah terisi dari "
		       "daftar unit. Jangan mengubah ejaannya; unit yang "
		       "belum ada di daftar ditulis pada baris kosong di "
		       "bawahnya." :
		       "2. Tulis Provinsi, Kabupaten/Kota, Desa/Kelurahan dan "
		       "Nama Unit dengan ejaan yang sama pada setiap semester.");
	row = put_para(ws, f, row,
		       "3. Kolom Ya/Tidak diisi dengan memilih dari daftar "
		       "pada sel. Kolom jumlah diisi bilangan bulat 0 atau "
		       "lebih, tanpa teks. Tanggal Monev diisi tanggal "
		       "kunjungan (hh/bb/tttt). Sel yang dibiarkan kosong "
		       "dihitung Tidak atau 0.");
	row = put_para(ws, f, row,
		       "4. Baris judul kolom (baris 1) dikunci: jangan "
		       "mengubah, menghapus atau memindahkan kolom. Baris "
		       "boleh ditambah dan dihapus.");
	row = put_para(ws, f, row,
		       "5. Simpan berkas dalam format Excel (.xlsx) dan kirim "
		       "kembali kepada kantor BNNP/BNNK yang mengirim "
		       "formulir ini.");
	row++;
	ibm_xlsx_write_string(ws, (lxw_row_t)row++, 1, "Daftar indikator",
			      f->title);
	for (int c = 0; c < 6; c++)
		ibm_xlsx_write_string(ws, (lxw_row_t)row, (lxw_col_t)(c + 1),
				      thead[c], f->thead);
	worksheet_set_row(ws, (lxw_row_t)row, 18, NULL);
	row++;
	for (size_t i = 0; i < s->nind; i++) {
		const monev_ind *ind = &s->ind[i];
		const char *h = ind_header(s, i);

		worksheet_write_number(ws, (lxw_row_t)row, 1, (double)(i + 1),
				       f->tcell);
		ibm_xlsx_write_string(ws, (lxw_row_t)row, 2, h, f->tcell);
		ibm_xlsx_write_string(ws, (lxw_row_t)row, 3,
				      s->grp[ind->group].label, f->tcell);
		ibm_xlsx_write_string(ws, (lxw_row_t)row, 4,
				      ind->kind == MONEV_YESNO ? "Ya/Tidak"
							       : "Jumlah",
				      f->tcell);
		if (ind->kind == MONEV_YESNO) {
			ibm_xlsx_write_string(ws, (lxw_row_t)row, 5, "Ya",
					      f->tcell);
		} else {
			snprintf(buf, sizeof buf, "%s atau lebih",
				 ibm_fmt_num(num, sizeof num, ind->target, 2,
					     ','));
			ibm_xlsx_write_string(ws, (lxw_row_t)row, 5, buf,
					      f->tcell);
		}
		ibm_xlsx_write_string(ws, (lxw_row_t)row, 6,
				      ibm_fmt_num(num, sizeof num, ind->weight,
						  2, ','), f->tcell);
		worksheet_set_row(ws, (lxw_row_t)row,
				  text_height(h, 33) > 18 ? text_height(h, 33)
							  : 18, NULL);
		row++;
	}
	row++;
	ibm_xlsx_write_string(ws, (lxw_row_t)row++, 1, "Fase unit IBM",
			      f->title);
	row = put_para(ws, f, row,
		       "Skor tiap kelompok dan skor total adalah persentase "
		       "bobot indikator yang terpenuhi (jumlah dihitung "
		       "sebanding sampai nilai penuh). Unit berada pada fase "
		       "tertinggi yang semua syaratnya terpenuhi:");
	for (size_t p = 0; p < s->nph; p++) {
		size_t n = 0;

		n += (size_t)snprintf(buf + n, sizeof buf - n,
				      "\xe2\x80\xa2 %s: skor total %s atau "
				      "lebih", s->ph[p].name,
				      ibm_fmt_num(num, sizeof num,
						  s->ph[p].min_total, 2, ','));
		for (size_t g = 0; g < s->ngrp && n < sizeof buf - 80; g++)
			if (!isnan(s->ph[p].min_group[g]))
				n += (size_t)snprintf(
					buf + n, sizeof buf - n,
					", %s %s atau lebih", s->grp[g].label,
					ibm_fmt_num(num, sizeof num,
						    s->ph[p].min_group[g], 2,
						    ','));
		snprintf(buf + n, sizeof buf - n, ".");
		row = put_para(ws, f, row, buf);
	}
	worksheet_set_paper(ws, 9);
	worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.7, 0.7, 0.75, 0.75);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_footer(ws, "&CPetunjuk \xc2\xb7 Halaman &P dari &N");
}

void monev_form_write(const char *path, const monev_spec *s,
		      const monev_units *u, int py, int ps)
{
	ibm_xlsx *x = ibm_xlsx_open(path, 0, "Formulir Monev IBM", "BNN");
	form_fmts f;

	f.head = workbook_add_format(x->wb);
	format_set_bold(f.head);
	format_set_text_wrap(f.head);
	format_set_bg_color(f.head, 0xD9D9D9);
	format_set_border(f.head, LXW_BORDER_THIN);
	format_set_align(f.head, LXW_ALIGN_CENTER);
	format_set_align(f.head, LXW_ALIGN_VERTICAL_CENTER);
	f.cell = workbook_add_format(x->wb);
	format_set_unlocked(f.cell);
	format_set_border(f.cell, LXW_BORDER_THIN);
	f.yn = workbook_add_format(x->wb);
	format_set_unlocked(f.yn);
	format_set_border(f.yn, LXW_BORDER_THIN);
	format_set_align(f.yn, LXW_ALIGN_CENTER);
	format_set_align(f.yn, LXW_ALIGN_VERTICAL_CENTER);
	f.no = workbook_add_format(x->wb);
	format_set_border(f.no, LXW_BORDER_THIN);
	format_set_align(f.no, LXW_ALIGN_CENTER);
	format_set_align(f.no, LXW_ALIGN_VERTICAL_CENTER);
	f.date = workbook_add_format(x->wb);
	format_set_unlocked(f.date);
	format_set_border(f.date, LXW_BORDER_THIN);
	format_set_num_format(f.date, "dd/mm/yyyy");
	f.num = workbook_add_format(x->wb);
	format_set_unlocked(f.num);
	format_set_border(f.num, LXW_BORDER_THIN);
	format_set_num_format(f.num, "0");
	f.para = workbook_add_format(x->wb);
	format_set_text_wrap(f.para);
	format_set_align(f.para, LXW_ALIGN_VERTICAL_TOP);
	f.title = workbook_add_format(x->wb);
	format_set_bold(f.title);
	format_set_font_size(f.title, 13);
	f.thead = workbook_add_format(x->wb);
	format_set_bold(f.thead);
	format_set_bg_color(f.thead, 0xD9D9D9);
	format_set_border(f.thead, LXW_BORDER_THIN);
	format_set_text_wrap(f.thead);
	f.tcell = workbook_add_format(x->wb);
	format_set_border(f.tcell, LXW_BORDER_THIN);
	format_set_text_wrap(f.tcell);
	format_set_align(f.tcell, LXW_ALIGN_VERTICAL_TOP);
	form_sheet(x, &f, s, u, py, ps);
	guide_sheet(x, &f, s, u, py, ps);
	ibm_xlsx_close(x);
}

int monev_period_parse(const char *in, int *year, int *semester)
{
	char *k = ibm_lower(in), *p = k;
	int y = 0, sem = 0, ny = 0;

	ibm_fold_space(k);
	/* words: a four-digit year, and 1/2/I/II/S1/S2, "semester" ignored */
	while (*p) {
		char *w = p;
		size_t n;

		while (*p && !strchr(" -/", *p))
			p++;
		n = (size_t)(p - w);
		if (n == 4 && strspn(w, "0123456789") == 4) {
			y = atoi(w);
			ny++;
		} else if ((n == 1 && (*w == '1' || *w == 'i')) ||
			   (n == 2 && !strncmp(w, "s1", 2))) {
			sem = sem ? -1 : 1;
		} else if ((n == 1 && *w == '2') ||
			   (n == 2 && (!strncmp(w, "ii", 2) ||
				       !strncmp(w, "s2", 2)))) {
			sem = sem ? -1 : 2;
		} else if (!(n == 8 && !strncmp(w, "semester", 8)) && n) {
			sem = -1;
		}
		while (*p && strchr(" -/", *p))
			p++;
	}
	free(k);
	if (ny != 1 || sem <= 0 || y < 1900 || y > 2999)
		return -1;
	*year = y;
	*semester = sem;
	return 0;
}

char *monev_period_long(char *buf, size_t size, int year, int semester)
{
	snprintf(buf, size, "Semester %s %d", semester == 1 ? "I" : "II",
		 year);
	return buf;
}
