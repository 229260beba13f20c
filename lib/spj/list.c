/*
 * list.c - the daftar nominatif penerimaan as PDF and HTML (the same
 * A4 landscape pages, lib/typeset/): for each kind of payment (or, with
 * --combine, the participants' kinds in one table and the speakers' in
 * another), a title, the budget lines, a table of the payees with a
 * numbered place to sign, alternately at the left and at the right, the
 * running totals carried from page to page ("Jumlah dipindahkan" at the
 * foot, "Jumlah pindahan" at the top of the next), the total in figures
 * and in words, and the signatures of who approves and who pays.
 */
#include "spj.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define LEFT TS_LEFT
#define SIZE TS_SIZE
#define LEAD TS_LEAD
#define SMALL TS_SMALL
#define SLEAD TS_SLEAD

/* Room to sign in a row (points). */
#define SIGN_ROW 30.0f

/* A table: its columns, which payments go in it, the running totals. */
typedef struct sheet {
	const spj_run *r;
	ts_doc *d;
	const spj_table *t;
	int speakers;          /* the speakers' table */
	const char *const *kinds; /* its kinds (jkey): one, or combined */
	size_t nk;
	size_t ncols, first_money; /* the first column of the totals */
	float w[TS_TABLE_MAX];
	const char *head[TS_TABLE_MAX];
	unsigned char align[TS_TABLE_MAX], head_align[TS_TABLE_MAX];
	spj_rp sum[TS_TABLE_MAX]; /* the running totals of money columns */
	int money[TS_TABLE_MAX];  /* 1: a column of rupiah summed */
	char buf[TS_TABLE_MAX][40];
	char unit[32];
} sheet;

/* ------------------------------------------------------------- columns */

static void col(sheet *s, const char *head, float w, int align, int money)
{
	size_t c = s->ncols++;

	s->head[c] = head;
	s->w[c] = w;
	s->align[c] = (unsigned char)align;
	s->head_align[c] = TS_ALIGN_CENTRE;
	s->money[c] = money;
	s->sum[c] = 0;
}

/* The columns of a table: No, who, (village or materi), days or hours,
 * the rate (one kind) or an amount per kind (combined), the total, the
 * tax, what is received, the place to sign; the text columns share what
 * the fixed ones leave of the text width. */
static void columns(sheet *s)
{
	float width = ts_right(s->d) - LEFT, fixed, rest, sig = 100, unitw;
	const char *unit;
	size_t text0;

	s->ncols = 0;
	col(s, "No", 24, TS_ALIGN_CENTRE, 0);
	text0 = s->ncols;
	col(s, "Nama", 0, TS_ALIGN_LEFT, 0);
	col(s, s->speakers ? "NIP / Golongan" : "Jabatan / Unit", 0,
	    TS_ALIGN_LEFT, 0);
	col(s, s->speakers ? "Materi" : "Desa/ Kelurahan", 0, TS_ALIGN_LEFT,
	    0);
	unit = spj_table_unit(s->r, s->t, s->unit, sizeof s->unit);
	/* the unit's name on one line ("Orang", "Volume"): a cell has 4 pt
	 * inside either side */
	unitw = ts_width(s->d, 1, SMALL, unit) + 10;
	col(s, unit, unitw > 34 ? unitw : 34, TS_ALIGN_CENTRE, 0);
	s->first_money = s->ncols;
	if (s->nk == 1) {
		col(s, "Tarif (Rp)", 58, TS_ALIGN_RIGHT, 0);
		s->first_money = s->ncols;
	} else {
		for (size_t k = 0; k < s->nk; k++) {
			char *h = ibm_xfmt("%s (Rp)",
					   spj_kind_name(s->r, s->kinds[k]));

			/* the names live as long as the sheet: in buf */
			snprintf(s->buf[s->ncols], sizeof s->buf[0], "%s", h);
			free(h);
			col(s, s->buf[s->ncols], 64, TS_ALIGN_RIGHT, 1);
		}
	}
	col(s, s->nk == 1 ? "Jumlah (Rp)" : "Jumlah Bruto (Rp)", 68,
	    TS_ALIGN_RIGHT, 1);
	col(s, "PPh 21 (Rp)", 54, TS_ALIGN_RIGHT, 1);
	col(s, "Diterima (Rp)", 68, TS_ALIGN_RIGHT, 1);
	col(s, "Tanda Tangan", 0, TS_ALIGN_LEFT, 0);
	if (s->speakers) {
		/* a NIP on one line: "19740205 200212 2 006" */
		s->w[text0 + 1] = 118;
		sig = 90;
	}
	fixed = 0;
	for (size_t c = 0; c < s->ncols; c++)
		fixed += s->w[c];
	rest = width - fixed - sig;
	if (rest < 230 && !s->speakers) {
		sig = 76;
		rest = width - fixed - sig;
	}
	if (s->speakers) {
		s->w[text0] = rest * 0.55f;
		s->w[text0 + 2] = rest - s->w[text0];
	} else {
		s->w[text0] = rest * 0.40f;
		s->w[text0 + 1] = rest * 0.33f;
		s->w[text0 + 2] = rest - s->w[text0] - s->w[text0 + 1];
	}
	s->w[s->ncols - 1] = sig;
}

/* The running totals' row: the label over the columns before the first
 * money column, then the totals. */
static void totals_row(sheet *s, const char *label, const char **cells)
{
	static char tb[TS_TABLE_MAX][32];

	cells[0] = label;
	for (size_t c = 1; c < s->first_money; c++)
		cells[c] = NULL;
	for (size_t c = s->first_money; c < s->ncols; c++) {
		if (s->money[c])
			cells[c] = ibm_thousands(tb[c], sizeof tb[c], s->sum[c]);
		else
			cells[c] = "";
	}
}

static void carry(void *ctx, int where, const char **cells)
{
	sheet *s = ctx;

	totals_row(s, where == TS_CARRY_FOOT ? "Jumlah dipindahkan" :
		   "Jumlah pindahan", cells);
}

/* ---------------------------------------------------------------- rows */

static const char *money(char *b, size_t size, spj_rp v, int absent)
{
	if (absent)
		return "-";
	return ibm_thousands(b, size, v);
}

static float closing_height(sheet *s, const ts_table *t);

static void row(sheet *s, const ts_table *t, size_t no, const spj_row *e,
		int last)
{
	const char *cells[TS_TABLE_MAX];
	unsigned char align[TS_TABLE_MAX];
	char num[24], qty[24], sig[48], b[TS_TABLE_MAX][32], *txt[3];
	const spj_pay *p0 = NULL;
	size_t c = 0;
	int flags = 0;

	for (size_t k = 0; k < s->nk && !p0; k++)
		p0 = e->pay[k];
	memcpy(align, s->align, sizeof align);
	snprintf(num, sizeof num, "%zu", no);
	cells[c++] = num;
	spj_row_text(s->r, s->t, e, txt);
	cells[c++] = txt[0];
	cells[c++] = txt[1];
	cells[c++] = txt[2];
	snprintf(qty, sizeof qty, "%ld", spj_row_qty(s->r, s->t, e));
	cells[c++] = qty;
	if (s->nk == 1) {
		cells[c] = p0 && p0->rate && !e->absent ?
			   ibm_thousands(b[c], sizeof b[c], p0->tarif) : "-";
		c++;
	} else {
		for (size_t k = 0; k < s->nk; k++, c++)
			cells[c] = money(b[c], sizeof b[c], e->pay[k] ?
					 e->pay[k]->gross : 0, e->absent ||
					 !e->pay[k] || !e->pay[k]->qty);
	}
	cells[c] = money(b[c], sizeof b[c], e->t.gross, e->absent);
	c++;
	cells[c] = money(b[c], sizeof b[c], e->t.tax, e->absent);
	c++;
	cells[c] = money(b[c], sizeof b[c], e->t.net, e->absent);
	c++;
	/* the place to sign: at the left for odd numbers, at the right
	 * for even ones, as the forms have it */
	if (e->absent) {
		snprintf(sig, sizeof sig, "%s", e->note ? e->note :
			 "tidak hadir");
		align[c] = TS_ALIGN_CENTRE;
	} else {
		snprintf(sig, sizeof sig, "%zu. ..........", no);
		align[c] = no % 2 ? TS_ALIGN_LEFT : TS_ALIGN_RIGHT;
	}
	cells[c++] = sig;
	/* the last row goes with the total and the signatures: a page
	 * of signatures alone signs nothing */
	if (last && no > 1 && ts_y(s->d) - ts_table_height(s->d, t, cells, 0) -
	    closing_height(s, t) < TS_BOTTOM)
		flags = TS_ROW_BREAK;
	ts_table_put(s->d, t, cells, align, flags);
	/* the totals carried include this row */
	c = s->first_money;
	if (s->nk > 1)
		for (size_t k = 0; k < s->nk; k++, c++)
			s->sum[c] += e->pay[k] ? e->pay[k]->gross : 0;
	s->sum[c++] += e->t.gross;
	s->sum[c++] += e->t.tax;
	s->sum[c++] += e->t.net;
	for (int i = 0; i < 3; i++)
		free(txt[i]);
}

/* ---------------------------------------------------------------- pages */

static void labelled(ts_doc *d, float cx, const char *label,
		     const char *value)
{
	ts_labelled(d, SMALL, SLEAD, LEFT, cx, cx + 8, ts_right(d), label,
		    value, 0);
}

static void title(sheet *s)
{
	const spj_run *r = s->r;
	const spj_event *e = &r->ev;
	ts_doc *d = s->d;
	char dates[160], *t, *where, *mak;
	float cx = LEFT + ts_width(d, 0, SMALL, "Tahun Anggaran") + 6;

	t = spj_table_title(r, s->t);
	ts_para(d, 1, SIZE + 1, LEAD + 2, LEFT, ts_right(d), 0, 2, t, 1);
	free(t);
	ts_para(d, 1, SIZE, LEAD, LEFT, ts_right(d), 0, 2, e->acara, 1);
	ibm_date_range_long(dates, sizeof dates, e->first, e->last);
	where = ibm_xfmt("%s, di %s", dates, e->tempat);
	ts_para(d, 0, SIZE, LEAD, LEFT, ts_right(d), 0, 2, where, 1);
	free(where);
	ts_set_y(d, ts_y(d) - 8);
	labelled(d, cx, "Tahun Anggaran", e->tahun);
	mak = spj_table_mak(r, s->t);
	labelled(d, cx, "MAK", mak ? mak : "");
	free(mak);
	if (e->satker)
		labelled(d, cx, "Satuan Kerja", e->satker);
	ts_set_y(d, ts_y(d) - 8);
}

/* Who signs a list, and what stands over their names: the KPA when
 * given ("Mengetahui"), the PPK ("Setuju dibayar"), the Bendahara with
 * the place and date ("Lunas dibayar"). *c0 is to be freed. */
static size_t signers(const spj_event *e, const ts_signer **who,
		      const char **cap, char **c0)
{
	char date[64];
	size_t n = 0;

	ibm_date_long(date, sizeof date, e->tanggal);
	*c0 = ibm_xfmt("%s, %s\nLunas dibayar,", e->tempat_surat, date);
	if (e->kpa.nama) {
		cap[n] = "Mengetahui,";
		who[n++] = &e->kpa;
	}
	cap[n] = "Setuju dibayar,";
	who[n++] = &e->ppk;
	cap[n] = *c0;
	who[n++] = &e->bendahara;
	return n;
}

/* The height of what closes a list: the total row, the words, the
 * signatures. */
static float closing_height(sheet *s, const ts_table *t)
{
	const char *cells[TS_TABLE_MAX], *cap[3];
	const ts_signer *who[3];
	char *c0;
	size_t n = signers(&s->r->ev, who, cap, &c0);
	float h;

	totals_row(s, "JUMLAH", cells);
	h = ts_table_height(s->d, t, cells, TS_ROW_BOLD) + 6 + 3 * SLEAD + 4 +
	    ts_signs_height(n, cap, who);
	free(c0);
	return h;
}

/* The total in words, and the signatures. */
static void closing(sheet *s, const ts_table *t)
{
	const spj_run *r = s->r;
	ts_doc *d = s->d;
	const char *cells[TS_TABLE_MAX];
	const ts_signer *who[3];
	const char *cap[3];
	char *c0, *w;
	size_t n, last = s->ncols - 2; /* the Diterima column */
	float cx;

	totals_row(s, "JUMLAH", cells);
	ts_table_put(d, t, cells, NULL, TS_ROW_BOLD);
	w = spj_words(s->sum[s->first_money + (s->nk > 1 ? s->nk : 0)]);
	cx = LEFT + ts_width(d, 0, SMALL, s->sum[last - 1] ?
			     "Terbilang jumlah diterima" : "Terbilang") + 6;
	ts_set_y(d, ts_y(d) - 6);
	ts_need(d, 2 * SLEAD);
	labelled(d, cx, s->sum[last - 1] ? "Terbilang jumlah bruto" :
		 "Terbilang", w);
	free(w);
	if (s->sum[last - 1]) {
		w = spj_words(s->sum[last]);
		labelled(d, cx, "Terbilang jumlah diterima", w);
		free(w);
	}
	n = signers(&r->ev, who, cap, &c0);
	ts_set_y(d, ts_y(d) - 4);
	ts_signs(d, n, cap, who, NULL);
	free(c0);
}

static void one_sheet(const spj_run *r, ts_doc *d, const spj_table *tb)
{
	sheet *s = ibm_xcalloc(1, sizeof *s);
	ts_table t;
	spj_row *v;
	size_t n;

	s->r = r;
	s->d = d;
	s->t = tb;
	s->speakers = tb->speakers;
	s->kinds = tb->kinds;
	s->nk = tb->nk;
	n = spj_table_rows(r, tb, &v);
	if (!n) {
		free(v);
		free(s);
		return;
	}
	columns(s);
	memset(&t, 0, sizeof t);
	t.ncols = s->ncols;
	t.w = s->w;
	t.head = s->head;
	t.align = s->align;
	t.head_align = s->head_align;
	t.flags = TS_ROW_LINES;
	t.carry = carry;
	t.ctx = s;
	t.row_h = SIGN_ROW;
	ts_new_page(d);
	title(s);
	ts_table_put(d, &t, s->head, NULL, TS_ROW_HEAD);
	for (size_t i = 0; i < n; i++)
		row(s, &t, i + 1, &v[i], i + 1 == n);
	closing(s, &t);
	free(v);
	free(s);
}

/* Every table on pages of its own. */
static void layout(ts_doc *d, void *ctx)
{
	const spj_run *r = ctx;
	spj_table *t = ibm_xcalloc(r->nkinds + 2, sizeof *t);
	size_t n = spj_tables(r, t, r->nkinds + 2);

	ts_landscape(d, 1);
	for (size_t i = 0; i < n; i++)
		one_sheet(r, d, &t[i]);
	free(t);
}

ibm_atomic *spj_list_pdf(const spj_run *r, const char *path)
{
	return ts_write_pdf(&r->ev.office, path, "Daftar Nominatif Penerimaan",
			    layout, (void *)r);
}

ibm_atomic *spj_list_html(const spj_run *r, const char *path)
{
	return ts_write_html(&r->ev.office, path,
			     "Daftar Nominatif Penerimaan", layout, (void *)r);
}
