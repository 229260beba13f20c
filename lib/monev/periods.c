/*
 * periods.c - the workbook sheets that compare periods (see ibm-monev(1),
 * WORKBOOK):
 *
 *   Perkembangan   with forms of more than one period: units per phase
 *                  per period with a chart, and per district and period
 *   Perkembangan Unit  every unit's phase and score in each period with
 *                  its movement (naik, turun, tetap, baru, tidak dimonev)
 *   Belum Dimonev  with --units: per period, the listed units that no
 *                  form row names
 */
#include "monev.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A unit across periods: its entries in d->units, one per period. */
typedef struct unit_line {
	const char *key;        /* identity + period: sorts by identity */
	size_t idx;
} unit_line;

static int cmp_line(const void *pa, const void *pb)
{
	const unit_line *a = pa, *b = pb;

	return monev_natcmp(a->key, b->key);
}

/* Length of the identity part of a unit key (up to its period). */
static size_t ident_len(const char *key)
{
	const char *p = strrchr(key, '\x1f');

	return p ? (size_t)(p - key) : strlen(key);
}

static const char *const move_name[] = {
	"naik", "turun", "tetap", "baru", "tidak dimonev"
};

static const char *phase_name(const monev_spec *s, int p)
{
	return p >= 0 ? s->ph[p].name : "Belum berfase";
}

/* Column widths (characters) set, and the print width chosen from them:
 * one page wide at a readable scale, or several pages wide with the first
 * id_cols columns repeated. */
static int widths(lxw_worksheet *ws, const double *w, size_t n,
		  size_t id_cols, int repeat_first, int repeat_last)
{
	for (size_t c = 0; c < n; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c],
				     NULL);
	/* the pages counted through the workbook ("Halaman N dari M") */
	ibm_xlsx_print_setup(ws, 1, repeat_first, repeat_last);
	return ibm_xlsx_print_width(ws, 1, w, n, id_cols, NULL);
}

/* Perkembangan: units per phase per period (a table and a chart), then
 * per district and period. */
static void trend_districts(ibm_xlsx *x, const monev_data *d)
{
	const monev_spec *s = d->spec;
	ibm_xlsx_formats *f = &x->fmt;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Perkembangan");
	size_t np = d->nperiods, nph = s->nph + 1; /* + belum berfase */
	monev_ptable t;
	lxw_row_t row = 0, hdr, first;
	char per[40];
	size_t *tot;
	lxw_chart *ch;
	lxw_chart_options co = { 0 };
	double w[16], used;
	size_t nw = 3 + nph + 1, nw1 = 1 + np;
	int scale;
	lxw_format *caption;

	/* A: phase or province, B: district, C: period, then the phases */
	for (size_t c = 0; c < sizeof w / sizeof *w; c++)
		w[c] = c == 0 ? 20 : c == 1 ? 24 : c == 2 ? 17 : 12;
	if (nw1 > nw)
		nw = nw1 < sizeof w / sizeof *w ? nw1 : sizeof w / sizeof *w;
	scale = widths(ws, w, nw, 0, -1, -1);
	/* the tables' captions bold, unboxed (f->bold is a table cell's) */
	caption = workbook_add_format(x->wb);
	format_set_bold(caption);
	worksheet_write_string(ws, row++, 0,
			       "Perkembangan Fase Unit IBM per Periode",
			       f->title);
	used = ibm_xlsx_cell_pt("Perkembangan", 100, f->title);
	row++;

	/* 1. units per phase and period, all districts: the chart's data */
	tot = ibm_xcalloc(np * nph + 1, sizeof *tot);
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];

		for (size_t p = 0; p < np; p++)
			if (strcmp(u->period, d->periods[p]) == 0)
				tot[p * nph + (u->phase < 0 ? s->nph
							    : (size_t)u->phase)]++;
	}
	worksheet_write_string(ws, row++, 0, "Jumlah unit per fase",
			       caption);
	hdr = row;
	worksheet_set_row(ws, row, 30, NULL); /* a period may wrap */
	worksheet_write_string(ws, row, 0, "Fase", f->header);
	for (size_t p = 0; p < np; p++)
		worksheet_write_string(ws, row, (lxw_col_t)(1 + p),
				       monev_period_text(d->periods[p], per,
							 sizeof per),
				       f->header);
	row++;
	first = row;
	for (size_t k = 0; k < nph; k++, row++) {
		worksheet_write_string(ws, row, 0,
				       phase_name(s, k < s->nph ? (int)k : -1),
				       f->text);
		for (size_t p = 0; p < np; p++)
			worksheet_write_number(ws, row, (lxw_col_t)(1 + p),
					       (double)tot[p * nph + k],
					       f->integer);
	}
	worksheet_write_string(ws, row, 0, "Jumlah", f->bold);
	for (size_t p = 0; p < np; p++) {
		size_t n = 0;

		for (size_t k = 0; k < nph; k++)
			n += tot[p * nph + k];
		worksheet_write_number(ws, row, (lxw_col_t)(1 + p), (double)n,
				       f->bold_int);
	}
	row += 2;
	free(tot);
	/* the chart below the table: phases stacked, a column per period */
	ch = workbook_add_chart(x->wb, LXW_CHART_COLUMN_STACKED);
	chart_title_set_name(ch, "Fase Unit IBM per Periode");
	for (size_t k = 0; k < nph; k++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);

		chart_series_set_categories(se, "Perkembangan", hdr, 1, hdr,
					    (lxw_col_t)np);
		chart_series_set_values(se, "Perkembangan",
					(lxw_row_t)(first + k), 1,
					(lxw_row_t)(first + k), (lxw_col_t)np);
		chart_series_set_name_range(se, "Perkembangan",
					    (lxw_row_t)(first + k), 0);
		/* no data labels: the zero parts of a stack would print
		 * over each other; the table above gives the numbers */
	}
	chart_axis_set_name(ch->x_axis, "Periode");
	chart_axis_set_name(ch->y_axis, "Jumlah unit");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	co.x_scale = 1.2;
	worksheet_insert_chart_opt(ws, row, 0, ch, &co);
	row += 17;

	/* 2. per district and period (one row each: any number of periods
	 * stays one page wide); a table that fits on a page never starts at
	 * the foot of the page before, nor does one with less than its head
	 * and two rows there (rows of 15 points, Excel's, the head's 30) */
	monev_ptable_build(d, MONEV_KAB, &t);
	{
		ibm_xlsx_pages pg;
		double need = 15 + 30 + 15.0 * (double)(t.ng * np);

		ibm_xlsx_pages_init(&pg, 1, scale, 0);
		used += 15.0 * (double)row; /* the first head row's 30 */
		if (used + need > pg.room &&
		    (need <= pg.room || used + 15 + 30 + 2 * 15 > pg.room)) {
			lxw_row_t brk[2] = { row, 0 };

			worksheet_set_h_pagebreaks(ws, brk);
		}
	}
	worksheet_write_string(ws, row++, 0,
			       "Unit per fase per Kabupaten/Kota dan periode",
			       caption);
	worksheet_set_row(ws, row, 30, NULL);
	/* the long table: its head row on every page it continues on */
	worksheet_repeat_rows(ws, row, row);
	worksheet_write_string(ws, row, 0, "Provinsi", f->header);
	worksheet_write_string(ws, row, 1, "Kabupaten/Kota", f->header);
	worksheet_write_string(ws, row, 2, "Periode", f->header);
	for (size_t k = 0; k < nph; k++)
		worksheet_write_string(ws, row, (lxw_col_t)(3 + k),
				       phase_name(s, k < s->nph ? (int)k : -1),
				       f->header);
	worksheet_write_string(ws, row, (lxw_col_t)(3 + nph), "Jumlah",
			       f->header);
	row++;
	for (size_t g = 0; g < t.ng; g++) {
		const monev_agg *any = NULL;

		for (size_t p = 0; p < np && !any; p++)
			any = t.cell[g * np + p];
		for (size_t p = 0; p < np; p++, row++) {
			const monev_agg *a = t.cell[g * np + p];

			worksheet_write_string(ws, row, 0, any->prov, f->text);
			worksheet_write_string(ws, row, 1, any->kab, f->text);
			worksheet_write_string(ws, row, 2,
					       monev_period_text(d->periods[p],
								 per,
								 sizeof per),
					       f->text);
			for (size_t k = 0; k <= nph; k++)
				worksheet_write_number(
					ws, row, (lxw_col_t)(3 + k),
					!a ? 0 : k < nph ? (double)a->phase_n[k]
							 : (double)a->nunits,
					f->integer);
		}
	}
	monev_ptable_free(&t);
}

/* Perkembangan Unit: every unit's phase and score in each period, and
 * its movement into the latest period. */
static void trend_units(ibm_xlsx *x, const monev_data *d, lxw_format *score)
{
	const monev_spec *s = d->spec;
	ibm_xlsx_formats *f = &x->fmt;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Perkembangan Unit");
	size_t np = d->nperiods;
	lxw_col_t c0 = (lxw_col_t)(4 + (d->list ? 1 : 0));
	size_t ncols = (size_t)c0 + 2 * np + 1;
	double *w = ibm_xcalloc(ncols + 1, sizeof *w);
	lxw_row_t row = 0;
	char per[40];
	unit_line *ul;
	static const char *const ids[] = {
		"No", "Kabupaten/Kota", "Desa/Kelurahan", "Nama Unit"
	};

	w[0] = 5;
	w[1] = 22;
	w[2] = 20;
	w[3] = 24;
	if (d->list)
		w[4] = 13;
	for (size_t p = 0; p < np; p++) {
		w[c0 + 2 * p] = 12;
		w[c0 + 2 * p + 1] = 8;
	}
	w[ncols - 1] = 13;
	widths(ws, w, ncols, 4, 2, 3);
	worksheet_write_string(ws, row++, 0, "Perkembangan Fase per Unit IBM",
			       f->title);
	row++;
	/* two header rows, in order (constant-memory mode): the periods over
	 * their two columns, then Fase and Skor */
	for (lxw_col_t i = 0; i < c0; i++)
		worksheet_write_string(ws, row, i, "", f->header);
	for (size_t p = 0; p < np; p++) {
		lxw_col_t c = (lxw_col_t)(c0 + 2 * p);

		worksheet_merge_range(ws, row, c, row, c + 1,
				      monev_period_text(d->periods[p], per,
							sizeof per),
				      f->header);
	}
	worksheet_write_string(ws, row, (lxw_col_t)(c0 + 2 * np), "",
			       f->header);
	row++;
	for (int i = 0; i < 4; i++)
		worksheet_write_string(ws, row, (lxw_col_t)i, ids[i],
				       f->header);
	if (d->list)
		worksheet_write_string(ws, row, 4, "Status", f->header);
	for (size_t p = 0; p < np; p++) {
		lxw_col_t c = (lxw_col_t)(c0 + 2 * p);

		worksheet_write_string(ws, row, c, "Fase", f->header);
		worksheet_write_string(ws, row, c + 1, "Skor", f->header);
	}
	worksheet_write_string(ws, row, (lxw_col_t)(c0 + 2 * np), "Perubahan",
			       f->header);
	row++;
	ul = ibm_xcalloc(d->nunits + 1, sizeof *ul);
	for (size_t i = 0; i < d->nunits; i++) {
		ul[i].key = d->units[i].key;
		ul[i].idx = i;
	}
	qsort(ul, d->nunits, sizeof *ul, cmp_line);
	for (size_t i = 0, no = 1; i < d->nunits; no++, row++) {
		size_t j = i, il = ident_len(ul[i].key);
		const monev_unit *u0 = &d->units[ul[i].idx];
		const monev_unit *at_last = NULL, *before = NULL;
		int mv;

		while (j < d->nunits && ident_len(ul[j].key) == il &&
		       strncmp(ul[j].key, ul[i].key, il) == 0)
			j++;
		/* as tall as its wrapped texts (set before its cells) */
		{
			double h = 15;

			for (int k = 1; k < 4; k++)
				h = fmax(h, ibm_xlsx_cell_pt(
					u0->id[k == 1 ? MONEV_KAB :
					       k == 2 ? MONEV_DESA : MONEV_UNIT],
					w[k], f->text));
			for (size_t k = i; k < j; k++)
				h = fmax(h, ibm_xlsx_cell_pt(phase_name(s,
					d->units[ul[k].idx].phase), w[c0],
					f->text));
			if (d->list)
				h = fmax(h, ibm_xlsx_cell_pt(
					d->units[ul[j - 1].idx].status, w[4],
					f->text));
			if (h > 15)
				worksheet_set_row(ws, row, h, NULL);
		}
		worksheet_write_number(ws, row, 0, (double)no, f->integer);
		worksheet_write_string(ws, row, 1, u0->id[MONEV_KAB], f->text);
		worksheet_write_string(ws, row, 2, u0->id[MONEV_DESA], f->text);
		worksheet_write_string(ws, row, 3, u0->id[MONEV_UNIT], f->text);
		if (d->list)
			worksheet_write_string(ws, row, 4,
					       d->units[ul[j - 1].idx].status,
					       f->text);
		for (size_t p = 0; p < np; p++) {
			lxw_col_t c = (lxw_col_t)(c0 + 2 * p);
			const monev_unit *u = NULL;

			for (size_t k = i; k < j; k++)
				if (!strcmp(d->units[ul[k].idx].period,
					    d->periods[p]))
					u = &d->units[ul[k].idx];
			if (!u) {
				worksheet_write_string(ws, row, c, "-",
						       f->text);
				worksheet_write_blank(ws, row, c + 1, score);
				continue;
			}
			if (p + 1 == np)
				at_last = u;
			else
				before = u; /* the latest before */
			worksheet_write_string(ws, row, c,
					       phase_name(s, u->phase),
					       f->text);
			if (isnan(u->total))
				worksheet_write_blank(ws, row, c + 1, score);
			else
				worksheet_write_number(ws, row, c + 1,
						       u->total, score);
		}
		/* the movement into the latest period, from the unit's
		 * previous visit */
		if (!at_last)
			mv = 4;
		else if (!before)
			mv = 3;
		else
			mv = at_last->phase > before->phase ? 0 :
			     at_last->phase < before->phase ? 1 : 2;
		worksheet_write_string(ws, row, (lxw_col_t)(c0 + 2 * np),
				       move_name[mv], f->text);
		i = j;
	}
	free(ul);
	free(w);
}

void monev_sheet_trend(ibm_xlsx *x, const monev_data *d, lxw_format *score)
{
	trend_districts(x, d);
	trend_units(x, d, score);
}

/* Belum Dimonev's columns (characters) */
static const double uw[9] = { 5, 17, 22, 22, 22, 22, 22, 13, 13 };

void monev_sheet_unvisited(ibm_xlsx *x, const monev_data *d)
{
	ibm_xlsx_formats *f = &x->fmt;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Belum Dimonev");
	const monev_units *l = d->list;
	lxw_row_t row = 0;
	char per[40], buf[200];
	static const char *const h[] = {
		"No", "Periode", "Provinsi", "Kabupaten/Kota", "Kecamatan",
		"Desa/Kelurahan", "Nama Unit", "Status", "Tahun Berdiri"
	};
	char (*per_list)[16];
	size_t no = 0, nper = monev_list_periods(d, &per_list);

	worksheet_write_string(ws, row++, 0,
			       "Unit IBM yang Belum Dimonev", f->title);
	snprintf(buf, sizeof buf, "Daftar unit: %s (%zu unit)", l->src, l->n);
	worksheet_write_string(ws, row++, 0, buf, NULL);
	row++;
	for (int c = 0; c < 9; c++)
		worksheet_write_string(ws, row, (lxw_col_t)c, h[c], f->header);
	row++;
	for (size_t p = 0; p < nper; p++) {
		size_t *miss, nmiss = monev_unvisited(d, per_list[p], &miss);

		monev_period_text(per_list[p], per, sizeof per);
		for (size_t k = 0; k < nmiss; k++) {
			const monev_listed *u = &l->unit[miss[k]];

			{
				/* as tall as its wrapped texts */
				double hh = ibm_xlsx_cell_pt(per, uw[1],
							     f->text);
				static const int fld[6] = {
					MONEV_UL_PROV, MONEV_UL_KAB,
					MONEV_UL_KEC, MONEV_UL_DESA,
					MONEV_UL_UNIT, MONEV_UL_STATUS
				};

				for (int c = 0; c < 6; c++)
					hh = fmax(hh, ibm_xlsx_cell_pt(
						u->f[fld[c]], uw[2 + c],
						f->text));
				if (hh > 15)
					worksheet_set_row(ws, row, hh, NULL);
			}
			worksheet_write_number(ws, row, 0, (double)++no,
					       f->integer);
			worksheet_write_string(ws, row, 1, per, f->text);
			worksheet_write_string(ws, row, 2, u->f[MONEV_UL_PROV],
					       f->text);
			worksheet_write_string(ws, row, 3, u->f[MONEV_UL_KAB],
					       f->text);
			worksheet_write_string(ws, row, 4, u->f[MONEV_UL_KEC],
					       f->text);
			worksheet_write_string(ws, row, 5, u->f[MONEV_UL_DESA],
					       f->text);
			worksheet_write_string(ws, row, 6, u->f[MONEV_UL_UNIT],
					       f->text);
			worksheet_write_string(ws, row, 7,
					       u->f[MONEV_UL_STATUS], f->text);
			if (*u->f[MONEV_UL_TAHUN])
				worksheet_write_number(
					ws, row, 8, atof(u->f[MONEV_UL_TAHUN]),
					f->integer);
			else
				worksheet_write_blank(ws, row, 8, f->integer);
			row++;
		}
		if (!nmiss) {
			snprintf(buf, sizeof buf, "%s: semua unit dalam daftar "
				 "sudah dimonev", per);
			worksheet_write_string(ws, row++, 1, buf, NULL);
		}
		free(miss);
	}
	free(per_list);
	widths(ws, uw, 9, 2, 3, 3);
}
