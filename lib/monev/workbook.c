/*
 * workbook.c - the ibm-monev workbook, in libxlsxwriter's
 * constant-memory mode.
 *
 * constant_memory keeps one row per sheet in memory and writes rows in
 * order, sheet by sheet, so the sheets are created first in their order
 * (Ringkasan, Rekap Kab-Kota, Matriks Unit, Fase, Data), the Data sheet is
 * streamed while the forms are read (continuing on "Data (2)" ... when
 * full), and the other sheets are filled from the per-unit aggregates at
 * the end, followed by Catatan. Memory grows with units and districts
 * (and warnings, up to MAX_WARN), never with the Data sheet.
 */
#define _POSIX_C_SOURCE 200809L
#include "monev.h"
#include "port.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_WARN 10000
#define YES_MARK "\xE2\x9C\x93"  /* ✓ */
#define NO_MARK "\xE2\x9C\x97"   /* ✗ */

struct monev_book {
	ibm_xlsx *x;
	const monev_spec *s;
	lxw_worksheet *ring, *rekap, *matriks, *fase, *data;
	int ndata;              /* Data sheets so far */
	long row;               /* rows written in the current Data sheet */
	long rows_per_sheet;
	lxw_col_t ncols;        /* Data columns */
	lxw_format *score, *bold_score, *date, *good, *bad, *wrap;
	char **warn;            /* the first MAX_WARN warnings */
	size_t nwarn, wcap, warn_more;
};

static const char *const data_extra[] = { "Sumber", "Baris" };

static void data_sheet(monev_book *b)
{
	char name[32];
	const monev_spec *s = b->s;
	lxw_col_t c = 0;
	lxw_format *h = b->x->fmt.header;

	b->ndata++;
	if (b->ndata == 1)
		snprintf(name, sizeof name, "Data");
	else
		snprintf(name, sizeof name, "Data (%d)", b->ndata);
	b->data = workbook_add_worksheet(b->x->wb, name);
	for (size_t i = 0; i < 2; i++)
		worksheet_write_string(b->data, 0, c++, data_extra[i], h);
	for (int i = 0; i < MONEV_NID; i++)
		worksheet_write_string(b->data, 0, c++, monev_id_labels[i], h);
	worksheet_write_string(b->data, 0, c++, "Periode", h);
	for (size_t i = 0; i < s->nind; i++)
		worksheet_write_string(b->data, 0, c++, s->ind[i].label, h);
	b->ncols = c;
	worksheet_freeze_panes(b->data, 1, 0);
	worksheet_set_row(b->data, 0, 45, NULL);
	worksheet_set_column(b->data, 0, 0, 24, NULL);
	worksheet_set_column(b->data, 1, 1, 7, NULL);
	worksheet_set_column(b->data, 2, 2 + MONEV_NID, 18, NULL);
	worksheet_set_column(b->data, 2 + MONEV_NID, c - 1, 11, NULL);
	ibm_xlsx_print_setup(b->data, 1, 0, 0);
	b->row = 0;
}

monev_book *monev_book_open(const char *path, const monev_spec *s,
			    long rows_per_sheet)
{
	monev_book *b = ibm_xcalloc(1, sizeof *b);
	lxw_workbook *wb;

	b->s = s;
	b->rows_per_sheet = rows_per_sheet;
	b->x = ibm_xlsx_open(path, 1, "Monev IBM", "BNN");
	wb = b->x->wb;
	b->score = workbook_add_format(wb);
	format_set_num_format(b->score, "0.0");
	format_set_border(b->score, LXW_BORDER_THIN);
	format_set_align(b->score, LXW_ALIGN_VERTICAL_TOP);
	b->bold_score = workbook_add_format(wb);
	format_set_num_format(b->bold_score, "0.0");
	format_set_border(b->bold_score, LXW_BORDER_THIN);
	format_set_bold(b->bold_score);
	b->date = workbook_add_format(wb);
	format_set_num_format(b->date, "dd/mm/yyyy");
	b->good = workbook_add_format(wb);
	format_set_bg_color(b->good, 0xC6EFCE);
	format_set_font_color(b->good, 0x006100);
	b->bad = workbook_add_format(wb);
	format_set_bg_color(b->bad, 0xFFC7CE);
	format_set_font_color(b->bad, 0x9C0006);
	b->wrap = workbook_add_format(wb);
	format_set_text_wrap(b->wrap);
	format_set_border(b->wrap, LXW_BORDER_THIN);
	format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
	b->ring = workbook_add_worksheet(wb, "Ringkasan");
	b->rekap = workbook_add_worksheet(wb, "Rekap Kab-Kota");
	b->matriks = workbook_add_worksheet(wb, "Matriks Unit");
	b->fase = workbook_add_worksheet(wb, "Fase");
	data_sheet(b);
	return b;
}

static void data_done(monev_book *b)
{
	if (b->row > 0)
		worksheet_autofilter(b->data, 0, 0, (lxw_row_t)b->row,
				     b->ncols - 1);
}

/* A string over Excel's 32767 characters, cut to fit. */
static void write_long(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		       const char *v)
{
	char *t = ibm_xstrdup(v);

	ibm_xlsx_clamp(t);
	worksheet_write_string(ws, row, col, t, NULL);
	free(t);
}

void monev_book_row(const monev_row *r, void *arg)
{
	monev_book *b = arg;
	const monev_spec *s = b->s;
	lxw_worksheet *ws;
	lxw_row_t row;
	lxw_col_t c = 0;

	if (b->row >= b->rows_per_sheet) {
		data_done(b);
		data_sheet(b);
	}
	ws = b->data;
	row = (lxw_row_t)++b->row;
	worksheet_write_string(ws, row, c++, r->file, NULL);
	worksheet_write_number(ws, row, c++, (double)r->line, NULL);
	for (int i = 0; i < MONEV_NID; i++, c++) {
		const char *v = r->id[i];

		if (!*v)
			continue;
		/* Excel's dates start in 1900 (and its 1900 has a 29 Feb) */
		if (i == MONEV_TANGGAL && r->has_date &&
		    ibm_date_cmp(r->date, (ibm_date){ 1900, 3, 1 }) >= 0)
			worksheet_write_number(ws, row, c,
					       (double)ibm_date_days(r->date) +
						       25569.0,
					       b->date);
		else if (i == MONEV_TAHUN)
			worksheet_write_number(ws, row, c, atof(v), NULL);
		else if (strlen(v) > 32767)
			write_long(ws, row, c, v);
		else
			worksheet_write_string(ws, row, c, v, NULL);
	}
	if (*r->period)
		worksheet_write_string(ws, row, c, r->period, NULL);
	c++;
	for (size_t i = 0; i < s->nind; i++, c++) {
		if (isnan(r->val[i]))
			continue;
		if (s->ind[i].kind == MONEV_YESNO)
			worksheet_write_string(ws, row, c,
					       r->val[i] > 0 ? "Ya" : "Tidak",
					       NULL);
		else
			worksheet_write_number(ws, row, c, r->val[i], NULL);
	}
}

void monev_book_hook(int is_error, const char *msg, void *arg)
{
	monev_book *b = arg;

	(void)is_error;
	if (b->nwarn >= MAX_WARN) {
		b->warn_more++;
		return;
	}
	ibm_grow((void **)&b->warn, &b->wcap, b->nwarn + 1, sizeof *b->warn);
	b->warn[b->nwarn++] = ibm_xstrdup(msg);
}

/* ------------------------------------------------------------- helpers */

static void cell_name(char *buf, lxw_row_t row, lxw_col_t col)
{
	lxw_rowcol_to_cell(buf, row, col);
}

static void str(lxw_worksheet *ws, ibm_xlsx_widths *cw, lxw_row_t row,
		lxw_col_t col, const char *s, lxw_format *f)
{
	worksheet_write_string(ws, row, col, s, f);
	if (cw)
		ibm_xlsx_widths_note(cw, col, s);
}

static void num(lxw_worksheet *ws, ibm_xlsx_widths *cw, lxw_row_t row,
		lxw_col_t col, double v, lxw_format *f)
{
	char buf[32];

	worksheet_write_number(ws, row, col, v, f);
	if (cw)
		ibm_xlsx_widths_note(cw, col,
				     ibm_fmt_num(buf, sizeof buf, v, 1, '.'));
}

static void header(monev_book *b, lxw_worksheet *ws, ibm_xlsx_widths *cw,
		   lxw_row_t row, const char *const *names, size_t n)
{
	ibm_xlsx_header_row(b->x, ws, (int)row, names, n, NULL);
	for (size_t i = 0; i < n; i++)
		ibm_xlsx_widths_note_len(cw, i,
					 fmin(14, (double)ibm_utf8_len(names[i])));
}

static char *cat(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *s = ibm_xmalloc(n);

	snprintf(s, n, "%s%s", a, b);
	return s;
}

/* -------------------------------------------------------- Rekap Kab-Kota */

#define REKAP_HDR 2

/* Column layout of Rekap Kab-Kota. */
typedef struct rekap_cols {
	lxw_col_t units, ind, grp, total, phase, ncols;
} rekap_cols;

static rekap_cols rekap_layout(const monev_spec *s)
{
	rekap_cols c;

	c.units = 3;
	c.ind = 4;
	c.grp = (lxw_col_t)(c.ind + s->nind);
	c.total = (lxw_col_t)(c.grp + s->ngrp);
	c.phase = (lxw_col_t)(c.total + 1);
	c.ncols = (lxw_col_t)(c.phase + s->nph + 1);
	return c;
}

/*
 * Below the district table, one row per province computed from it with
 * SUMIF (COUNTIF for the districts, SUMPRODUCT for the unit-weighted mean
 * scores), the values cached.
 */
static void write_rekap_prov(monev_book *b, lxw_worksheet *ws,
			     ibm_xlsx_widths *cw, rekap_cols c,
			     lxw_row_t first, lxw_row_t last,
			     const monev_agg *pa, size_t np,
			     char *const *names, const size_t *nkab)
{
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_row_t row = last + 3;
	char pr[32], u1[16], u2[16], r1[16], r2[16], me[16], formula[256];

	worksheet_write_string(ws, row++, 0, "Rekapitulasi per Provinsi",
			       f->title);
	str(ws, cw, row, 0, "No", f->header);
	str(ws, cw, row, 1, "Provinsi", f->header);
	str(ws, cw, row, 2, "Jumlah Kabupaten/Kota", f->header);
	for (lxw_col_t col = c.units; col < c.ncols; col++)
		worksheet_write_string(ws, row, col, names[col], f->header);
	row++;
	lxw_rowcol_to_cell_abs(pr, first, 1, 1, 1);
	lxw_rowcol_to_cell_abs(r2, last, 1, 1, 1);
	snprintf(pr + strlen(pr), sizeof pr - strlen(pr), ":%s", r2);
	for (size_t i = 0; i < np; i++, row++) {
		lxw_row_t nrow = row;
		char me_b[16];

		num(ws, cw, nrow, 0, (double)(i + 1), f->integer);
		str(ws, cw, nrow, 1, pa[i].prov, f->text);
		lxw_rowcol_to_cell(me_b, nrow, 1);
		snprintf(formula, sizeof formula, "=COUNTIF(%s,%s)", pr, me_b);
		worksheet_write_formula_num(ws, nrow, 2, formula, f->integer,
					    (double)nkab[i]);
		lxw_rowcol_to_cell(me, nrow, c.units);
		for (lxw_col_t col = c.units; col < c.ncols; col++) {
			double v;

			lxw_rowcol_to_cell(r1, first, col);
			lxw_rowcol_to_cell(r2, last, col);
			if (col >= c.grp && col <= c.total) {
				v = col == c.total ? pa[i].total_mean
						   : pa[i].grp_mean[col - c.grp];
				lxw_rowcol_to_cell_abs(u1, first, c.units, 1, 1);
				lxw_rowcol_to_cell_abs(u2, last, c.units, 1, 1);
				snprintf(formula, sizeof formula,
					 "=SUMPRODUCT((%s=%s)*%s:%s*%s:%s)/%s",
					 pr, me_b, u1, u2, r1, r2, me);
				worksheet_write_formula_num(ws, nrow, col,
							    formula, b->score,
							    v);
				continue;
			}
			if (col == c.units)
				v = (double)pa[i].nunits;
			else if (col < c.grp)
				v = pa[i].ind[col - c.ind];
			else
				v = (double)pa[i].phase_n[col - c.phase];
			snprintf(formula, sizeof formula, "=SUMIF(%s,%s,%s:%s)",
				 pr, me_b, r1, r2);
			worksheet_write_formula_num(ws, nrow, col, formula,
						    f->integer, v);
		}
	}
}

static void write_rekap(monev_book *b, const monev_data *d,
			const monev_agg *a, size_t na)
{
	const monev_spec *s = b->s;
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_worksheet *ws = b->rekap;
	rekap_cols c = rekap_layout(s);
	ibm_xlsx_widths cw = { 0 };
	char **names = ibm_xcalloc(c.ncols, sizeof *names);
	lxw_row_t first = REKAP_HDR + 1, last = (lxw_row_t)(REKAP_HDR + na),
		  tot = last + 1;
	char r1[16], r2[16], u1[16], u2[16], formula[128];
	double *sum = ibm_xcalloc(c.ncols, sizeof *sum);
	size_t np;
	monev_agg *pa = monev_aggregate(d, 0, &np);
	size_t *nkab = ibm_xcalloc(np + 1, sizeof *nkab);

	worksheet_write_string(ws, 0, 0,
			       "Rekapitulasi Monev IBM per Kabupaten/Kota",
			       f->title);
	names[0] = ibm_xstrdup("No");
	names[1] = ibm_xstrdup("Provinsi");
	names[2] = ibm_xstrdup("Kabupaten/Kota");
	names[c.units] = ibm_xstrdup("Jumlah Unit");
	for (size_t k = 0; k < s->nind; k++)
		names[c.ind + k] = s->ind[k].kind == MONEV_YESNO
			? cat(s->ind[k].label, " (Ya)")
			: ibm_xstrdup(s->ind[k].label);
	for (size_t g = 0; g < s->ngrp; g++)
		names[c.grp + g] = cat("Rata-rata Skor ", s->grp[g].label);
	names[c.total] = ibm_xstrdup("Rata-rata Skor Total");
	for (size_t p = 0; p < s->nph; p++)
		names[c.phase + p] = ibm_xstrdup(s->ph[p].name);
	names[c.phase + s->nph] = ibm_xstrdup("Belum Berfase");
	header(b, ws, &cw, REKAP_HDR, (const char *const *)names, c.ncols);
	worksheet_set_row(ws, REKAP_HDR, 45, NULL);
	for (size_t i = 0, pi = 0; i < na; i++) {
		lxw_row_t row = (lxw_row_t)(first + i);

		/* the province's one spelling, so that SUMIF finds it */
		while (pi + 1 < np && pa[pi + 1].first <= a[i].first)
			pi++;
		nkab[pi]++;
		num(ws, &cw, row, 0, (double)(i + 1), f->integer);
		str(ws, &cw, row, 1, pa[pi].prov, f->text);
		str(ws, &cw, row, 2, a[i].kab, f->text);
		num(ws, &cw, row, c.units, (double)a[i].nunits, f->integer);
		sum[c.units] += (double)a[i].nunits;
		for (size_t k = 0; k < s->nind; k++) {
			num(ws, &cw, row, (lxw_col_t)(c.ind + k), a[i].ind[k],
			    f->integer);
			sum[c.ind + k] += a[i].ind[k];
		}
		for (size_t g = 0; g < s->ngrp; g++)
			num(ws, &cw, row, (lxw_col_t)(c.grp + g),
			    a[i].grp_mean[g], b->score);
		num(ws, &cw, row, c.total, a[i].total_mean, b->score);
		for (size_t p = 0; p <= s->nph; p++) {
			num(ws, &cw, row, (lxw_col_t)(c.phase + p),
			    (double)a[i].phase_n[p], f->integer);
			sum[c.phase + p] += (double)a[i].phase_n[p];
		}
	}
	/* totals: SUM formulas with their values cached */
	str(ws, &cw, tot, 0, "", f->bold);
	str(ws, &cw, tot, 1, "Jumlah", f->bold);
	str(ws, &cw, tot, 2, "", f->bold);
	cell_name(u1, first, c.units);
	cell_name(u2, last, c.units);
	for (lxw_col_t col = c.units; col < c.ncols; col++) {
		cell_name(r1, first, col);
		cell_name(r2, last, col);
		if (col >= c.grp && col <= c.total) {
			/* mean over all units: weighted by units */
			double v = 0;

			for (size_t i = 0; i < d->nunits; i++)
				v += col == c.total
					? d->units[i].total
					: d->units[i].grp[col - c.grp];
			v /= (double)(d->nunits ? d->nunits : 1);
			snprintf(formula, sizeof formula,
				 "=SUMPRODUCT($%s:$%s,%s:%s)/SUM($%s:$%s)", u1,
				 u2, r1, r2, u1, u2);
			/* $D4 form: column absolute only */
			worksheet_write_formula_num(ws, tot, col, formula,
						    b->bold_score, v);
		} else {
			snprintf(formula, sizeof formula, "=SUM(%s:%s)", r1,
				 r2);
			worksheet_write_formula_num(ws, tot, col, formula,
						    f->bold_int, sum[col]);
		}
	}
	write_rekap_prov(b, ws, &cw, c, first, last, pa, np, names, nkab);
	free(nkab);
	ibm_xlsx_widths_apply(&cw, ws, 5, 40);
	ibm_xlsx_print_setup(ws, 1, REKAP_HDR, REKAP_HDR);
	for (lxw_col_t i = 0; i < c.ncols; i++)
		free(names[i]);
	free(names);
	free(sum);
	monev_agg_free(pa, np);
}

/* ---------------------------------------------------------- Matriks Unit */

static const int unit_ids[] = { MONEV_KAB, MONEV_KEC, MONEV_DESA,
				 MONEV_UNIT };
#define NUNIT_IDS 4

static void write_matriks(monev_book *b, const monev_data *d)
{
	const monev_spec *s = b->s;
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_worksheet *ws = b->matriks;
	ibm_xlsx_widths cw = { 0 };
	lxw_col_t ci = 2 + NUNIT_IDS, cg = (lxw_col_t)(ci + s->nind),
		  ct = (lxw_col_t)(cg + s->ngrp), n = (lxw_col_t)(ct + 2);
	char **names = ibm_xcalloc(n, sizeof *names);
	lxw_row_t first = REKAP_HDR + 1,
		  last = (lxw_row_t)(REKAP_HDR + d->nunits);
	lxw_conditional_format cf;

	worksheet_write_string(ws, 0, 0, "Matriks Unit IBM dan Indikator",
			       f->title);
	names[0] = ibm_xstrdup("No");
	for (int i = 0; i < NUNIT_IDS; i++)
		names[1 + i] = ibm_xstrdup(monev_id_labels[unit_ids[i]]);
	names[1 + NUNIT_IDS] = ibm_xstrdup("Periode");
	for (size_t k = 0; k < s->nind; k++)
		names[ci + k] = ibm_xstrdup(s->ind[k].label);
	for (size_t g = 0; g < s->ngrp; g++)
		names[cg + g] = cat("Skor ", s->grp[g].label);
	names[ct] = ibm_xstrdup("Skor Total");
	names[ct + 1] = ibm_xstrdup("Fase");
	header(b, ws, &cw, REKAP_HDR, (const char *const *)names, n);
	worksheet_set_row(ws, REKAP_HDR, 60, NULL);
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];
		lxw_row_t row = (lxw_row_t)(first + i);

		num(ws, &cw, row, 0, (double)(i + 1), f->integer);
		for (int k = 0; k < NUNIT_IDS; k++)
			str(ws, &cw, row, (lxw_col_t)(1 + k),
			    u->id[unit_ids[k]], f->text);
		str(ws, &cw, row, 1 + NUNIT_IDS, u->period, f->text);
		for (size_t k = 0; k < s->nind; k++) {
			lxw_col_t col = (lxw_col_t)(ci + k);

			if (s->ind[k].kind == MONEV_YESNO)
				str(ws, NULL, row, col,
				    u->val[k] > 0 ? YES_MARK : NO_MARK,
				    f->text);
			else if (isnan(u->val[k]))
				worksheet_write_blank(ws, row, col, f->integer);
			else
				num(ws, NULL, row, col, u->val[k], f->integer);
		}
		for (size_t g = 0; g < s->ngrp; g++)
			num(ws, &cw, row, (lxw_col_t)(cg + g), u->grp[g],
			    b->score);
		num(ws, &cw, row, ct, u->total, b->score);
		str(ws, &cw, row, ct + 1,
		    u->phase >= 0 ? s->ph[u->phase].name : "Belum berfase", f->text);
	}
	/* conditional formats: ✓ green, ✗ red, counts at target green,
	 * scores on a red-yellow-green scale */
	for (size_t k = 0; k < s->nind && d->nunits; k++) {
		lxw_col_t col = (lxw_col_t)(ci + k);

		memset(&cf, 0, sizeof cf);
		if (s->ind[k].kind == MONEV_YESNO) {
			cf.type = LXW_CONDITIONAL_TYPE_TEXT;
			cf.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING;
			cf.value_string = (char *)YES_MARK;
			cf.format = b->good;
			worksheet_conditional_format_range(ws, first, col,
							   last, col, &cf);
			cf.value_string = (char *)NO_MARK;
			cf.format = b->bad;
			worksheet_conditional_format_range(ws, first, col,
							   last, col, &cf);
		} else {
			cf.type = LXW_CONDITIONAL_TYPE_CELL;
			cf.criteria =
				LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
			cf.value = s->ind[k].target;
			cf.format = b->good;
			worksheet_conditional_format_range(ws, first, col,
							   last, col, &cf);
		}
	}
	if (d->nunits) {
		memset(&cf, 0, sizeof cf);
		cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
		cf.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		cf.min_value = 0;
		cf.min_color = 0xF8696B;
		cf.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		cf.mid_value = 50;
		cf.mid_color = 0xFFEB84;
		cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
		cf.max_value = 100;
		cf.max_color = 0x63BE7B;
		worksheet_conditional_format_range(ws, first, cg, last, ct,
						   &cf);
	}
	ibm_xlsx_widths_apply(&cw, ws, 5, 40);
	worksheet_freeze_panes(ws, REKAP_HDR + 1, 1 + NUNIT_IDS);
	ibm_xlsx_print_setup(ws, 1, REKAP_HDR, REKAP_HDR);
	for (lxw_col_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ------------------------------------------------------------------ Fase */

static void write_fase(monev_book *b, const monev_data *d)
{
	static const char *const names[] = {
		"No", "Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan",
		"Nama Unit", "Periode", "Fase", "Skor Total",
		"Fase Berikutnya", "Skor Total Minimal Fase Berikutnya",
		"Yang Perlu Dipenuhi"
	};
	const monev_spec *s = b->s;
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_worksheet *ws = b->fase;
	ibm_xlsx_widths cw = { 0 };
	size_t n = sizeof names / sizeof names[0];

	worksheet_write_string(ws, 0, 0,
			       "Fase Perkembangan Unit IBM dan Kekurangannya",
			       f->title);
	header(b, ws, &cw, REKAP_HDR, names, n);
	worksheet_set_row(ws, REKAP_HDR, 45, NULL);
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];
		lxw_row_t row = (lxw_row_t)(REKAP_HDR + 1 + i);
		size_t next = (size_t)(u->phase + 1);
		char *miss = monev_missing(s, u->val, u->grp, u->total,
					   u->phase);

		num(ws, &cw, row, 0, (double)(i + 1), f->integer);
		for (int k = 0; k < NUNIT_IDS; k++)
			str(ws, &cw, row, (lxw_col_t)(1 + k),
			    u->id[unit_ids[k]], f->text);
		str(ws, &cw, row, 5, u->period, f->text);
		str(ws, &cw, row, 6,
		    u->phase >= 0 ? s->ph[u->phase].name : "Belum berfase", f->text);
		num(ws, &cw, row, 7, u->total, b->score);
		if (next < s->nph) {
			str(ws, &cw, row, 8, s->ph[next].name, f->text);
			num(ws, &cw, row, 9, s->ph[next].min_total, b->score);
		} else {
			str(ws, &cw, row, 8, "-", f->text);
			str(ws, &cw, row, 9, "-", f->text);
		}
		str(ws, NULL, row, 10, *miss ? miss : "-", b->wrap);
		free(miss);
	}
	ibm_xlsx_widths_apply(&cw, ws, 5, 30);
	worksheet_set_column(ws, 10, 10, 80, NULL);
	ibm_xlsx_print_setup(ws, 1, REKAP_HDR, REKAP_HDR);
}

/* ------------------------------------------------------------- Ringkasan */

static size_t count_distinct(const monev_data *d, int by_kab)
{
	size_t n;
	monev_agg *a = monev_aggregate(d, by_kab, &n);

	monev_agg_free(a, n);
	return n;
}

static void write_ringkasan(monev_book *b, const monev_data *d,
			    const monev_agg *a, size_t na)
{
	const monev_spec *s = b->s;
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_worksheet *ws = b->ring;
	lxw_row_t row = 0;
	size_t *phase_n = ibm_xcalloc(s->nph + 1, sizeof *phase_n);
	size_t layanan = s->ngrp;
	char periods[256] = "";
	lxw_row_t svc_first = 0, svc_last = 0;
	rekap_cols rc = rekap_layout(s);
	static const char *const h1[] = { "Uraian", "Jumlah" };
	static const char *const h2[] = { "Fase", "Jumlah Unit", "Persen" };
	static const char *const h3[] = { "Layanan", "Jumlah Klien" };
	lxw_chart *ch;

	(void)a;
	worksheet_write_string(ws, row++, 0,
			       "Ringkasan Monev Intervensi Berbasis "
			       "Masyarakat (IBM)", f->title);
	/* the periods present, in order */
	for (size_t i = 0; i < d->nunits; i++) {
		const char *p = d->units[i].period;

		if (*p && !strstr(periods, p) &&
		    strlen(periods) + strlen(p) + 3 < sizeof periods) {
			if (*periods)
				strcat(periods, ", ");
			strcat(periods, p);
		}
	}
	{
		char line[300];

		snprintf(line, sizeof line, "Periode: %s",
			 *periods ? periods : "-");
		worksheet_write_string(ws, row++, 0, line, NULL);
	}
	row++;
	for (size_t col = 0; col < 2; col++)
		worksheet_write_string(ws, row, (lxw_col_t)col, h1[col],
				       f->header);
	row++;
	worksheet_write_string(ws, row, 0, "Provinsi", f->text);
	worksheet_write_number(ws, row++, 1, (double)count_distinct(d, 0),
			       f->integer);
	worksheet_write_string(ws, row, 0, "Kabupaten/Kota", f->text);
	worksheet_write_number(ws, row++, 1, (double)na, f->integer);
	worksheet_write_string(ws, row, 0, "Unit IBM", f->text);
	worksheet_write_number(ws, row++, 1, (double)d->nunits, f->integer);
	worksheet_write_string(ws, row, 0, "Baris formulir", f->text);
	worksheet_write_number(ws, row++, 1, (double)d->total_rows,
			       f->integer);
	row++;
	for (size_t i = 0; i < d->nunits; i++)
		phase_n[d->units[i].phase < 0 ? s->nph
					       : (size_t)d->units[i].phase]++;
	for (size_t col = 0; col < 3; col++)
		worksheet_write_string(ws, row, (lxw_col_t)col, h2[col],
				       f->header);
	row++;
	for (size_t p = 0; p <= s->nph; p++) {
		if (p == s->nph && phase_n[p] == 0)
			break;
		worksheet_write_string(ws, row, 0,
				       p < s->nph ? s->ph[p].name
						  : "Belum berfase",
				       f->text);
		worksheet_write_number(ws, row, 1, (double)phase_n[p],
				       f->integer);
		worksheet_write_number(ws, row++, 2,
				       d->nunits ? (double)phase_n[p] /
							   (double)d->nunits
						 : 0,
				       f->percent);
	}
	row++;
	for (size_t g = 0; g < s->ngrp; g++) {
		char *k = monev_key(s->grp[g].name);

		if (strcmp(k, "layanan") == 0)
			layanan = g;
		free(k);
	}
	if (layanan < s->ngrp) {
		for (size_t col = 0; col < 2; col++)
			worksheet_write_string(ws, row, (lxw_col_t)col, h3[col],
					       f->header);
		row++;
		svc_first = row;
		for (size_t k = 0; k < s->nind; k++) {
			double sum = 0;

			if (s->ind[k].group != layanan ||
			    s->ind[k].kind != MONEV_COUNT)
				continue;
			for (size_t i = 0; i < d->nunits; i++)
				if (!isnan(d->units[i].val[k]))
					sum += d->units[i].val[k];
			worksheet_write_string(ws, row, 0, s->ind[k].label,
					       f->text);
			worksheet_write_number(ws, row++, 1, sum, f->integer);
		}
		svc_last = row - 1;
	}
	worksheet_set_column(ws, 0, 0, 32, NULL);
	worksheet_set_column(ws, 1, 2, 13, NULL);
	/* phases per district: stacked bars from Rekap Kab-Kota */
	if (na > 0) {
		ch = workbook_add_chart(b->x->wb, LXW_CHART_BAR_STACKED);
		chart_title_set_name(ch, "Fase Unit IBM per Kabupaten/Kota");
		for (size_t p = 0; p <= s->nph; p++) {
			lxw_chart_series *se = chart_add_series(ch, NULL, NULL);

			chart_series_set_categories(
				se, "Rekap Kab-Kota", REKAP_HDR + 1, 2,
				(lxw_row_t)(REKAP_HDR + na), 2);
			chart_series_set_values(
				se, "Rekap Kab-Kota", REKAP_HDR + 1,
				(lxw_col_t)(rc.phase + p),
				(lxw_row_t)(REKAP_HDR + na),
				(lxw_col_t)(rc.phase + p));
			chart_series_set_name_range(se, "Rekap Kab-Kota",
						    REKAP_HDR,
						    (lxw_col_t)(rc.phase + p));
		}
		chart_axis_set_name(ch->y_axis, "Jumlah unit");
		chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
		{
			lxw_chart_options co = { 0 };

			co.x_scale = 1.4;
			co.y_scale = na > 8 ? 1.0 + (double)(na - 8) / 10
					    : 1.0;
			worksheet_insert_chart_opt(ws, 2, 4, ch, &co);
		}
	}
	if (layanan < s->ngrp && svc_last >= svc_first) {
		lxw_chart_series *se;
		lxw_chart_options co = { 0 };

		ch = workbook_add_chart(b->x->wb, LXW_CHART_COLUMN);
		chart_title_set_name(ch, "Klien per Layanan");
		se = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(se, "Ringkasan", svc_first, 0,
					    svc_last, 0);
		chart_series_set_values(se, "Ringkasan", svc_first, 1,
					svc_last, 1);
		chart_series_set_name(se, "Jumlah klien");
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
		co.x_scale = 1.4;
		worksheet_insert_chart_opt(ws, row + 1, 0, ch, &co);
	}
	ibm_xlsx_print_setup(ws, 1, -1, -1);
	free(phase_n);
}

/* --------------------------------------------------------------- Catatan */

static void write_catatan(monev_book *b, const monev_data *d)
{
	const monev_spec *s = b->s;
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_worksheet *ws = workbook_add_worksheet(b->x->wb, "Catatan");
	lxw_row_t row = 0;
	char buf[512], when[64];
	time_t t = (time_t)ibm_build_time();
	struct tm tm;
	static const char *const h1[] = { "Keterangan", "Isi" };
	static const char *const h2[] = { "Berkas Masukan", "Baris Data" };
	static const char *const h3[] = { "No", "Peringatan" };

	ibm_gmtime(t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
	worksheet_write_string(ws, row++, 0, "Catatan", f->title);
	row++;
	for (int c = 0; c < 2; c++)
		worksheet_write_string(ws, row, (lxw_col_t)c, h1[c], f->header);
	row++;
	worksheet_write_string(ws, row, 0, "Dibuat dengan", f->text);
	worksheet_write_string(ws, row++, 1,
			       "ibm-monev (ibmkit) " IBMKIT_VERSION, f->text);
	worksheet_write_string(ws, row, 0, "Waktu pembuatan", f->text);
	worksheet_write_string(ws, row++, 1, when, f->text);
	snprintf(buf, sizeof buf, "%s (%zu indikator, %zu kelompok)",
		 s->spec_src, s->nind, s->ngrp);
	worksheet_write_string(ws, row, 0, "Spesifikasi indikator", f->text);
	worksheet_write_string(ws, row++, 1, buf, f->text);
	{
		size_t o = (size_t)snprintf(buf, sizeof buf, "%s (",
					    s->phase_src);

		for (size_t p = 0; p < s->nph && o < sizeof buf; p++)
			o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s",
					      p ? ", " : "", s->ph[p].name);
		if (o < sizeof buf)
			snprintf(buf + o, sizeof buf - o, ")");
	}
	worksheet_write_string(ws, row, 0, "Tabel fase", f->text);
	worksheet_write_string(ws, row++, 1, buf, f->text);
	worksheet_write_string(ws, row, 0, "Periode", f->text);
	worksheet_write_string(ws, row++, 1,
			       "tahun dan semester tanggal monev "
			       "(S1: Januari-Juni, S2: Juli-Desember)",
			       f->text);
	worksheet_write_string(ws, row, 0, "Baris formulir", f->text);
	worksheet_write_number(ws, row++, 1, (double)d->total_rows,
			       f->integer);
	worksheet_write_string(ws, row, 0, "Unit per periode", f->text);
	worksheet_write_number(ws, row++, 1, (double)d->nunits, f->integer);
	row++;
	for (int c = 0; c < 2; c++)
		worksheet_write_string(ws, row, (lxw_col_t)c, h2[c], f->header);
	row++;
	for (size_t i = 0; i < d->nfiles; i++) {
		worksheet_write_string(ws, row, 0, d->files[i], f->text);
		worksheet_write_number(ws, row++, 1, (double)d->rows[i],
				       f->integer);
	}
	row++;
	for (int c = 0; c < 2; c++)
		worksheet_write_string(ws, row, (lxw_col_t)c, h3[c], f->header);
	row++;
	if (b->nwarn == 0)
		worksheet_write_string(ws, row++, 1, "(tidak ada)", f->text);
	for (size_t i = 0; i < b->nwarn; i++) {
		ibm_xlsx_clamp(b->warn[i]);
		worksheet_write_number(ws, row, 0, (double)(i + 1), f->integer);
		worksheet_write_string(ws, row++, 1, b->warn[i], b->wrap);
	}
	if (b->warn_more) {
		snprintf(buf, sizeof buf,
			 "... dan %zu peringatan lain (lihat keluaran "
			 "galat)", b->warn_more);
		worksheet_write_string(ws, row++, 1, buf, f->text);
	}
	worksheet_set_column(ws, 0, 0, 26, NULL);
	worksheet_set_column(ws, 1, 1, 100, NULL);
	ibm_xlsx_print_setup(ws, 1, -1, -1);
}

void monev_book_close(monev_book *b, const monev_data *d)
{
	size_t na;
	monev_agg *a = monev_aggregate(d, 1, &na);

	data_done(b);
	write_rekap(b, d, a, na);
	write_matriks(b, d);
	write_fase(b, d);
	write_ringkasan(b, d, a, na);
	/* no more warnings go into the book from here */
	ibm_diag_set_hook(NULL, NULL);
	write_catatan(b, d);
	monev_agg_free(a, na);
	ibm_xlsx_close(b->x);
	for (size_t i = 0; i < b->nwarn; i++)
		free(b->warn[i]);
	free(b->warn);
	free(b);
}
