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
	put(ws, r, 0, "Fase", k->x->fmt.header);
	put(ws, r++, 1, "Jumlah unit", k->x->fmt.header);
	for (size_t p = 0; p <= s->nph; p++) {
		if (p == s->nph && !ph[p])
			continue;
		put(ws, r, 0, p < s->nph ? s->ph[p].name : "Belum berfase",
		    k->cell);
		putn(ws, r++, 1, (double)ph[p], k->num);
	}
	put(ws, r, 0, "Jumlah unit dikunjungi", k->x->fmt.bold);
	putn(ws, r++, 1, (double)all, k->x->fmt.bold_int);
	r++;

	snprintf(buf, sizeof buf, "2. Unit terdaftar yang tidak dikunjungi "
		 "pada %s", k->last);
	put(ws, r++, 0, buf, k->heading);
	n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->u[i].missed) {
			if (!n++) {
				put(ws, r, 0, "Unit IBM", k->x->fmt.header);
				put(ws, r, 1, "Desa/Kelurahan", k->x->fmt.header);
				put(ws, r, 2, "Kecamatan", k->x->fmt.header);
				put(ws, r++, 3, "Kabupaten/Kota",
				    k->x->fmt.header);
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
				put(ws, r, 0, "Unit IBM", k->x->fmt.header);
				put(ws, r, 1, "Kabupaten/Kota", k->x->fmt.header);
				put(ws, r, 2, "Periode tidak dikunjungi",
				    k->x->fmt.header);
				put(ws, r++, 3, "Kunjungan terakhir",
				    k->x->fmt.header);
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
		put(ws, r, 0, "Indikator", k->x->fmt.header);
		put(ws, r, 1, "Belum terpenuhi (unit)", k->x->fmt.header);
		put(ws, r, 2, "Unit yang ditanya", k->x->fmt.header);
		put(ws, r++, 3, "Persen", k->x->fmt.header);
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
	put(ws, r, 0, "Kabupaten/Kota", k->x->fmt.header);
	put(ws, r, 1, "Unit yang dikunjungi", k->x->fmt.header);
	snprintf(buf, sizeof buf, "Dikunjungi %s", k->last);
	put(ws, r, 2, buf, k->x->fmt.header);
	snprintf(buf, sizeof buf, "Tidak dikunjungi %s", k->last);
	put(ws, r++, 3, buf, k->x->fmt.header);
	for (size_t i = 0; i < b->n;) {
		char *kab = monev_district(b->u[i].id[MONEV_KAB]);
		char *k1 = monev_key(kab);
		size_t c[3] = { 0, 0, 0 };

		for (; i < b->n; i++) {
			char *k2 = monev_key(b->u[i].id[MONEV_KAB]);
			int same = !strcmp(k1, k2);

			free(k2);
			if (!same)
				break;
			c[0]++;
			c[b->u[i].missed ? 2 : 1]++;
		}
		put(ws, r, 0, kab, k->cell);
		for (int j = 0; j < 3; j++)
			putn(ws, r, 1 + j, (double)c[j], k->num);
		r++;
		free(kab);
		free(k1);
	}
	worksheet_set_column(ws, 0, 0, 42, NULL);
	worksheet_set_column(ws, 1, 3, 22, NULL);
	ibm_xlsx_print_setup(ws, 0, -1, -1);
	{
		static const double w[4] = { 42, 22, 22, 22 };

		ibm_xlsx_print_width(ws, 0, w, 4, 0, NULL);
	}
	free(idx);
	free(um);
	free(as);
	free(ph);
}

static void units(book *k, const monev_brief *b)
{
	const monev_data *d = b->d;
	const monev_spec *s = d->spec;
	lxw_worksheet *ws = workbook_add_worksheet(k->x->wb, "Unit");
	size_t np = d->nperiods;
	size_t from = np > MONEV_BRIEF_PERIODS ? np - MONEV_BRIEF_PERIODS : 0;
	ibm_xlsx_widths cw = { 0 };
	double *w;
	size_t ncol = 0, c;
	char buf[200], per[32];
	int r = 4;

	put(ws, 0, 0, "BAHAN RAPAT PERSIAPAN MONEV IBM: UNIT YANG DIKUNJUNGI",
	    k->x->fmt.title);
	snprintf(buf, sizeof buf, "%s, berdasarkan hasil Monev %s", k->next,
		 k->last);
	put(ws, 1, 0, buf, NULL);
	{
		static const char *const fixed[] = { "No", "Unit IBM",
			"Desa/Kelurahan", "Kecamatan", "Kabupaten/Kota",
			"Status", "Tahun Berdiri" };

		for (c = 0; c < 7; c++) {
			put(ws, 3, (int)c, fixed[c], k->x->fmt.header);
			ibm_xlsx_widths_note_words(&cw, c, fixed[c],
						   k->x->fmt.header);
		}
	}
	for (size_t p = from; p < np; p++, c++) {
		snprintf(buf, sizeof buf, "Fase %s", monev_period_text(
			d->periods[p], per, sizeof per));
		put(ws, 3, (int)c, buf, k->x->fmt.header);
		ibm_xlsx_widths_note_words(&cw, c, buf, k->x->fmt.header);
	}
	{
		static const char *const more[] = { "Skor total terakhir",
			"Indikator belum terpenuhi",
			"Kurang untuk fase berikut" };

		for (size_t j = 0; j < 3; j++, c++) {
			put(ws, 3, (int)c, more[j], k->x->fmt.header);
			ibm_xlsx_widths_note_len(&cw, c, j ? 40 : 10);
		}
	}
	for (size_t j = 0; j < b->nclients; j++, c++) {
		snprintf(buf, sizeof buf, "%s %s", s->ind[b->clients[j]].label,
			 k->last);
		put(ws, 3, (int)c, buf, k->x->fmt.header);
		ibm_xlsx_widths_note_words(&cw, c, buf, k->x->fmt.header);
	}
	put(ws, 3, (int)c, "Catatan kunjungan", k->x->fmt.header);
	ibm_xlsx_widths_note_len(&cw, c, 40);
	ncol = c + 1;

	for (size_t i = 0; i < b->n; i++, r++) {
		const monev_brief_unit *u = &b->u[i];
		size_t lp = 0;
		const monev_unit *lv = monev_brief_latest(b, u, &lp);
		const monev_unit *last = u->visit[b->last];
		char *un = lv ? monev_brief_unmet_text(s, lv) : NULL;
		char *miss = lv ? monev_missing(s, lv->val, lv->grp, lv->total,
						lv->phase) : NULL;
		double h = 15;

		putn(ws, r, 0, (double)(i + 1), k->num);
		put(ws, r, 1, u->id[MONEV_UNIT], k->cell);
		put(ws, r, 2, u->id[MONEV_DESA], k->cell);
		put(ws, r, 3, u->id[MONEV_KEC], k->cell);
		put(ws, r, 4, u->id[MONEV_KAB], k->cell);
		put(ws, r, 5, u->status, k->cell);
		ibm_xlsx_write_cell(ws, (lxw_row_t)r, 6, u->id[MONEV_TAHUN],
				    k->cell, k->num);
		ibm_xlsx_widths_note(&cw, 1, u->id[MONEV_UNIT]);
		ibm_xlsx_widths_note(&cw, 2, u->id[MONEV_DESA]);
		ibm_xlsx_widths_note(&cw, 3, u->id[MONEV_KEC]);
		ibm_xlsx_widths_note(&cw, 4, u->id[MONEV_KAB]);
		ibm_xlsx_widths_note(&cw, 5, u->status);
		c = 7;
		for (size_t p = from; p < np; p++, c++) {
			const monev_unit *v = u->visit[p];

			put(ws, r, (int)c, !v ? "tidak dikunjungi" : v->phase >= 0
			    ? s->ph[v->phase].name : "belum berfase", k->cell);
		}
		if (lv && !isnan(lv->total))
			putn(ws, r, (int)c, lv->total, k->x->fmt.decimal);
		else
			put(ws, r, (int)c, "", k->cell);
		c++;
		put(ws, r, (int)c++, un ? un : "", k->cell);
		put(ws, r, (int)c++, miss ? miss : "", k->cell);
		for (size_t j = 0; j < b->nclients; j++, c++) {
			double v = last ? last->val[b->clients[j]] : NAN;

			if (last && monev_asked(v) && !monev_unanswered(v) &&
			    !isnan(v))
				putn(ws, r, (int)c, v, k->num);
			else
				put(ws, r, (int)c, "", k->cell);
		}
		put(ws, r, (int)c, "", k->cell);
		/* the row as tall as its longest text, and room to write */
		if (un)
			h = fmax(h, ibm_xlsx_cell_pt(un, 40, k->cell));
		if (miss)
			h = fmax(h, ibm_xlsx_cell_pt(miss, 40, k->cell));
		worksheet_set_row(ws, (lxw_row_t)r, fmax(h, 45), NULL);
		free(un);
		free(miss);
	}
	ibm_xlsx_widths_clamp(&cw, 4, 40);
	w = ibm_xcalloc(ncol, sizeof *w);
	for (c = 0; c < ncol && c < cw.n; c++)
		w[c] = cw.w[c];
	ibm_xlsx_widths_set(&cw, ws);
	worksheet_freeze_panes(ws, 4, 2);
	ibm_xlsx_print_setup(ws, 1, 3, 3);
	ibm_xlsx_print_width(ws, 1, w, ncol, 2, NULL);
	ibm_xlsx_widths_free(&cw);
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
