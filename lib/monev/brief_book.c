/*
 * brief_book.c - the material of the preparation meeting as a workbook
 * (ibm-monev --brief FILE.xlsx; brief.c has the document): the sheet
 * Ringkasan with the first page's tables one under another, and the
 * sheet Unit with one row per unit to visit (a row is never split over
 * two printed pages): identity, its phase in each period, the latest
 * score, the indicators unmet, what it lacks for the next phase, the
 * clients served and referred in the last period, and a column for the
 * visit's notes.
 */
#include "monev.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct book {
	ibm_xlsx *x;
	lxw_format *cell, *num, *heading;
	char last[32], next[32];
} book;

static void put(lxw_worksheet *ws, int row, int col, const char *s,
		lxw_format *f)
{
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f);
}

static void putn(lxw_worksheet *ws, int row, int col, double v,
		 lxw_format *f)
{
	worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f);
}

/* The Ringkasan sheet's column widths (characters). */
static const double sum_w[4] = { 42, 22, 22, 22 };

/* A head row of the Ringkasan sheet, as tall as its wrapped names. */
static void head_row(book *k, lxw_worksheet *ws, int r,
		     const char *const *names, int n)
{
	double h = 15;

	for (int c = 0; c < n; c++) {
		put(ws, r, c, names[c], k->x->fmt.header);
		h = fmax(h, ibm_xlsx_cell_pt(names[c], sum_w[c],
					     k->x->fmt.header));
	}
	worksheet_set_row(ws, (lxw_row_t)r, h, NULL);
}

static void summary(book *k, const monev_brief *b)
{
	const monev_data *d = b->d;
	const monev_spec *s = d->spec;
	lxw_worksheet *ws = workbook_add_worksheet(k->x->wb, "Ringkasan");
	size_t *idx = ibm_xcalloc(s->nind + 1, sizeof *idx);
	size_t *um = ibm_xcalloc(s->nind + 1, sizeof *um);
	size_t *as = ibm_xcalloc(s->nind + 1, sizeof *as);
	size_t *ph = ibm_xcalloc(s->nph + 2, sizeof *ph), all = 0, n;
	char buf[200];
	int r = 0;

	put(ws, r++, 0, "BAHAN RAPAT PERSIAPAN MONITORING DAN EVALUASI IBM",
	    k->x->fmt.title);
	snprintf(buf, sizeof buf, "%s, berdasarkan hasil Monev %s", k->next,
		 k->last);
	put(ws, r++, 0, buf, NULL);
	r++;

	for (size_t i = 0; i < d->nunits; i++)
		if (!strcmp(d->units[i].period, d->periods[b->last])) {
			ph[d->units[i].phase >= 0 ? (size_t)d->units[i].phase
						  : s->nph]++;
			all++;
		}
	snprintf(buf, sizeof buf, "1. Fase unit pada %s", k->last);
	put(ws, r++, 0, buf, k->heading);
	{
		static const char *const h[3] = { "Fase", "Jumlah unit",
			"Persen" };

		head_row(k, ws, r++, h, 3);
	}
	for (size_t p = 0; p <= s->nph; p++) {
		if (p == s->nph && !ph[p])
			continue;
		put(ws, r, 0, p < s->nph ? s->ph[p].name : "Belum berfase",
		    k->cell);
		putn(ws, r, 1, (double)ph[p], k->num);
		putn(ws, r++, 2, all ? (double)ph[p] / (double)all : 0,
		     k->x->fmt.percent);
	}
	put(ws, r, 0, "Jumlah unit dikunjungi", k->x->fmt.bold);
	putn(ws, r, 1, (double)all, k->x->fmt.bold_int);
	putn(ws, r++, 2, all ? 1 : 0, k->x->fmt.percent);
	r++;

	snprintf(buf, sizeof buf, "2. Unit terdaftar yang tidak dikunjungi "
		 "pada %s", k->last);
	put(ws, r++, 0, buf, k->heading);
	n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->u[i].missed) {
			if (!n++) {
				static const char *const h[4] = { "Unit IBM",
					"Desa/Kelurahan", "Kecamatan",
					"Kabupaten/Kota" };

				head_row(k, ws, r++, h, 4);
			}
			put(ws, r, 0, b->u[i].id[MONEV_UNIT], k->cell);
			put(ws, r, 1, b->u[i].id[MONEV_DESA], k->cell);
			put(ws, r, 2, b->u[i].id[MONEV_KEC], k->cell);
			put(ws, r++, 3, b->u[i].id[MONEV_KAB], k->cell);
		}
	if (!n)
		put(ws, r++, 0, "Tidak ada.", NULL);
	r++;

	put(ws, r++, 0, "3. Unit yang tidak dikunjungi dua periode atau lebih",
	    k->heading);
	n = 0;
	for (size_t i = 0; i < b->n && d->nperiods > 1; i++)
		if (b->u[i].missed >= 2) {
			size_t lp;
			const monev_unit *lv = monev_brief_latest(b, &b->u[i],
								  &lp);
			char per[32];

			if (!n++) {
				static const char *const h[4] = { "Unit IBM",
					"Kabupaten/Kota",
					"Periode tidak dikunjungi",
					"Kunjungan terakhir" };

				head_row(k, ws, r++, h, 4);
			}
			put(ws, r, 0, b->u[i].id[MONEV_UNIT], k->cell);
			put(ws, r, 1, b->u[i].id[MONEV_KAB], k->cell);
			putn(ws, r, 2, (double)b->u[i].missed, k->num);
			put(ws, r++, 3, lv ? monev_period_text(d->periods[lp],
				per, sizeof per) : "belum pernah", k->cell);
		}
	if (!n)
		put(ws, r++, 0, d->nperiods > 1 ? "Tidak ada." : "Hasil Monev "
		    "hanya memuat satu periode.", NULL);
	r++;

	snprintf(buf, sizeof buf, "4. Indikator yang paling sering belum "
		 "terpenuhi (%s)", k->last);
	put(ws, r++, 0, buf, k->heading);
	n = monev_brief_unmet(b, idx, um, as);
	if (n) {
		static const char *const h[4] = { "Indikator",
			"Belum terpenuhi (unit)", "Unit yang ditanya",
			"Persen" };

		head_row(k, ws, r++, h, 4);
	} else {
		put(ws, r++, 0, "Tidak ada.", NULL);
	}
	for (size_t i = 0; i < n && i < MONEV_BRIEF_TOP; i++) {
		put(ws, r, 0, s->ind[idx[i]].label, k->cell);
		putn(ws, r, 1, (double)um[idx[i]], k->num);
		putn(ws, r, 2, (double)as[idx[i]], k->num);
		putn(ws, r++, 3, (double)um[idx[i]] / (double)as[idx[i]],
		     k->x->fmt.percent);
	}
	r++;

	put(ws, r++, 0, "5. Unit yang akan dikunjungi per kabupaten/kota",
	    k->heading);
	{
		char h2[64], h3[64];
		const char *h[4] = { "Kabupaten/Kota", "Unit yang dikunjungi",
			h2, h3 };

		snprintf(h2, sizeof h2, "Dikunjungi %s", k->last);
		snprintf(h3, sizeof h3, "Tidak dikunjungi %s", k->last);
		head_row(k, ws, r++, h, 4);
	}
	{
		monev_brief_district *dist;
		size_t nd = monev_brief_districts(b, &dist);
		double tot[3] = { 0, 0, 0 };

		for (size_t i = 0; i < nd; i++, r++) {
			double v[3] = { (double)dist[i].n,
				(double)dist[i].visited,
				(double)dist[i].missed };

			put(ws, r, 0, dist[i].kab, k->cell);
			for (int c = 0; c < 3; c++) {
				putn(ws, r, c + 1, v[c], k->num);
				tot[c] += v[c];
			}
			free(dist[i].kab);
		}
		free(dist);
		put(ws, r, 0, "Jumlah", k->x->fmt.bold);
		for (int c = 0; c < 3; c++)
			putn(ws, r, c + 1, tot[c], k->x->fmt.bold_int);
		r++;
	}
	for (int c = 0; c < 4; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, sum_w[c],
				     NULL);
	ibm_xlsx_print_setup(ws, 0, -1, -1);
	ibm_xlsx_print_width(ws, 0, sum_w, 4, 0, NULL);
	free(idx);
	free(um);
	free(as);
	free(ph);
}

/* The unit sheet's columns: No, Unit IBM, where, the phases of the
 * last (up to) BOOK_PERIODS periods, the latest score, the indicators
 * unmet, what it lacks for the next phase, the clients of the last
 * period, the visit's notes; widths in characters, for one landscape
 * page wide. */
#define BOOK_PERIODS 3
static const double fixed_w[4] = { 4, 20, 22, 11 };
static const double tail_w[5] = { 7, 28, 28, 18, 22 };

static void units(book *k, const monev_brief *b)
{
	const monev_data *d = b->d;
	const monev_spec *s = d->spec;
	lxw_worksheet *ws = workbook_add_worksheet(k->x->wb, "Unit");
	size_t np = d->nperiods;
	size_t from = np > BOOK_PERIODS ? np - BOOK_PERIODS : 0;
	size_t ncol = 3 + (np - from) + 5, c;
	double *w = ibm_xcalloc(ncol, sizeof *w);
	char **head = ibm_xcalloc(ncol, sizeof *head);
	char buf[200], per[32];
	char **cell = ibm_xcalloc(ncol, sizeof *cell);
	int r = 4;
	double h;

	put(ws, 0, 0, "BAHAN RAPAT PERSIAPAN MONEV IBM: UNIT YANG DIKUNJUNGI",
	    k->x->fmt.title);
	snprintf(buf, sizeof buf, "%s, berdasarkan hasil Monev %s", k->next,
		 k->last);
	put(ws, 1, 0, buf, NULL);
	head[0] = ibm_xstrdup("No");
	head[1] = ibm_xstrdup("Unit IBM");
	head[2] = ibm_xstrdup("Desa/Kelurahan, Kecamatan, Kabupaten/Kota");
	for (c = 0; c < 3; c++)
		w[c] = fixed_w[c];
	for (size_t p = from; p < np; p++, c++) {
		snprintf(buf, sizeof buf, "Fase %s", monev_period_text(
			d->periods[p], per, sizeof per));
		head[c] = ibm_xstrdup(buf);
		w[c] = fixed_w[3];
	}
	head[c] = ibm_xstrdup("Skor total terakhir");
	head[c + 1] = ibm_xstrdup("Indikator belum terpenuhi");
	head[c + 2] = ibm_xstrdup("Kurang untuk fase berikut");
	snprintf(buf, sizeof buf, "Klien dilayani dan dirujuk %s", k->last);
	head[c + 3] = ibm_xstrdup(buf);
	head[c + 4] = ibm_xstrdup("Catatan kunjungan");
	for (size_t j = 0; j < 5; j++)
		w[c + j] = tail_w[j];
	h = 15;
	for (c = 0; c < ncol; c++) {
		put(ws, 3, (int)c, head[c], k->x->fmt.header);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c],
				     NULL);
		h = fmax(h, ibm_xlsx_cell_pt(head[c], w[c], k->x->fmt.header));
	}
	worksheet_set_row(ws, 3, h, NULL);

	for (size_t i = 0; i < b->n; i++, r++) {
		const monev_brief_unit *u = &b->u[i];
		size_t lp = 0;
		const monev_unit *lv = monev_brief_latest(b, u, &lp);
		const monev_unit *last = u->visit[b->last];
		size_t n = 0;

		cell[n++] = NULL;
		cell[n++] = ibm_xstrdup(u->id[MONEV_UNIT]);
		snprintf(buf, sizeof buf, "%s%s%s%s%s", u->id[MONEV_DESA],
			 *u->id[MONEV_KEC] ? ", Kec. " : "", u->id[MONEV_KEC],
			 *u->id[MONEV_KAB] ? ", " : "", u->id[MONEV_KAB]);
		cell[n++] = ibm_xstrdup(buf);
		for (size_t p = from; p < np; p++) {
			const monev_unit *v = u->visit[p];

			cell[n++] = ibm_xstrdup(!v ? "tidak dikunjungi" :
				v->phase >= 0 ? s->ph[v->phase].name :
				"belum berfase");
		}
		cell[n++] = NULL;
		cell[n++] = lv ? monev_brief_unmet_text(s, lv) :
			ibm_xstrdup("");
		cell[n++] = lv ? monev_missing(s, lv->val, lv->grp, lv->total,
			lv->phase) : ibm_xstrdup("");
		buf[0] = '\0';
		for (size_t j = 0; last && j < b->nclients; j++) {
			double v = last->val[b->clients[j]];
			char num[32];

			if (!monev_asked(v) || monev_unanswered(v) || isnan(v))
				continue;
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
				 "%s%s %s", *buf ? "; " : "",
				 s->ind[b->clients[j]].label,
				 monev_fmt_pct(num, sizeof num, v));
		}
		cell[n++] = ibm_xstrdup(last ? buf : "tidak dikunjungi");
		cell[n++] = ibm_xstrdup("");

		/* the row as tall as its longest text, and room to write */
		h = 45;
		putn(ws, r, 0, (double)(i + 1), k->num);
		for (c = 1; c < ncol; c++) {
			if (!cell[c])
				continue;
			put(ws, r, (int)c, cell[c], k->cell);
			h = fmax(h, ibm_xlsx_cell_pt(cell[c], w[c], k->cell));
		}
		c = ncol - 5;
		if (lv && !isnan(lv->total))
			putn(ws, r, (int)c, lv->total, k->x->fmt.decimal);
		else
			put(ws, r, (int)c, "", k->cell);
		worksheet_set_row(ws, (lxw_row_t)r, h, NULL);
		for (c = 0; c < ncol; c++) {
			free(cell[c]);
			cell[c] = NULL;
		}
	}
	worksheet_freeze_panes(ws, 4, 2);
	ibm_xlsx_print_setup(ws, 1, 3, 3);
	ibm_xlsx_print_width(ws, 1, w, ncol, 2, NULL);
	for (c = 0; c < ncol; c++)
		free(head[c]);
	free(head);
	free(cell);
	free(w);
}

void monev_brief_book(const monev_brief *b, const char *path)
{
	book k;
	const monev_data *d = b->d;

	memset(&k, 0, sizeof k);
	monev_period_text(d->periods[b->last], k.last, sizeof k.last);
	monev_period_text(b->next, k.next, sizeof k.next);
	k.x = ibm_xlsx_open(path, 0, "Bahan Rapat Persiapan Monev IBM", NULL);
	k.cell = workbook_add_format(k.x->wb);
	format_set_border(k.cell, LXW_BORDER_THIN);
	format_set_text_wrap(k.cell);
	format_set_align(k.cell, LXW_ALIGN_VERTICAL_TOP);
	k.num = k.x->fmt.integer;
	k.heading = workbook_add_format(k.x->wb);
	format_set_bold(k.heading);
	summary(&k, b);
	units(&k, b);
	ibm_xlsx_close(k.x);
}
