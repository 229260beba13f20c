/*
 * workbook.c - the daftar nominatif as an Excel workbook, a sheet per
 * table, printed as the PDF is: A4 landscape one page wide at 100 %, the
 * head row repeated on every page, "Halaman N dari M" at the foot; the
 * pages cut here (from the rows' heights) so that each ends with the
 * running totals ("Jumlah dipindahkan", formulas over its rows and the
 * totals brought to it) and the next begins with them ("Jumlah
 * pindahan"); the total, the total in words and the signatures at the
 * end, with the last row. Amounts are numbers, each total a formula with
 * its value; the words are text (written for the totals as computed).
 */
#include "spj.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The printable height of an A4 landscape page (points): the paper less
 * the top and bottom margins of ibm_xlsx_print_setup (0.6 in each),
 * with room for the programs' own rounding of row heights. */
#define PAGE_PT (595.28 - 2 * 0.6 * 72 - 24)
#define ROW_PT 30.0        /* room to sign */
#define CARRY_PT 18.0
#define LINE_PT 15.0

typedef struct fmts {
	lxw_format *title, *sub, *info, *label, *head, *text, *num, *qty,
		*bold, *bold_num, *sig_l, *sig_r, *sig_c, *sign, *sign_pos,
		*sign_name;
} fmts;

static lxw_format *fmt(lxw_workbook *wb, int border, int wrap, int size)
{
	lxw_format *f = workbook_add_format(wb);

	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (wrap)
		format_set_text_wrap(f);
	if (size)
		format_set_font_size(f, size);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

/* Money: thousands grouped as the reader's Excel groups them, zero as
 * "-", a blank at the right so that a number never touches the next
 * cell's text. */
#define MONEY "#,##0_);-#,##0_);\"-\"_)"

static void make_fmts(ibm_xlsx *x, fmts *f)
{
	lxw_workbook *wb = x->wb;

	f->title = fmt(wb, 0, 0, 13);
	format_set_bold(f->title);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	f->sub = fmt(wb, 0, 1, 11);
	format_set_bold(f->sub);
	format_set_align(f->sub, LXW_ALIGN_CENTER);
	f->info = fmt(wb, 0, 1, 11);
	format_set_align(f->info, LXW_ALIGN_CENTER);
	f->label = fmt(wb, 0, 0, 10);
	f->head = x->fmt.header;
	f->text = fmt(wb, 1, 1, 10);
	f->num = fmt(wb, 1, 0, 10);
	format_set_num_format(f->num, MONEY);
	f->qty = fmt(wb, 1, 0, 10);
	format_set_align(f->qty, LXW_ALIGN_CENTER);
	f->bold = fmt(wb, 1, 0, 10);
	format_set_bold(f->bold);
	format_set_align(f->bold, LXW_ALIGN_CENTER);
	f->bold_num = fmt(wb, 1, 0, 10);
	format_set_bold(f->bold_num);
	format_set_num_format(f->bold_num, MONEY);
	f->sig_l = fmt(wb, 1, 0, 10);
	f->sig_r = fmt(wb, 1, 0, 10);
	format_set_align(f->sig_r, LXW_ALIGN_RIGHT);
	f->sig_c = fmt(wb, 1, 1, 10);
	format_set_align(f->sig_c, LXW_ALIGN_CENTER);
	f->sign = fmt(wb, 0, 0, 11);
	format_set_align(f->sign, LXW_ALIGN_CENTER);
	f->sign_pos = fmt(wb, 0, 0, 11);
	format_set_align(f->sign_pos, LXW_ALIGN_CENTER);
	format_set_bold(f->sign_pos);
	f->sign_name = fmt(wb, 0, 0, 11);
	format_set_align(f->sign_name, LXW_ALIGN_CENTER);
	format_set_bold(f->sign_name);
	format_set_underline(f->sign_name, LXW_UNDERLINE_SINGLE);
}

/* A sheet: its columns and where the money is. */
typedef struct sheet {
	const spj_run *r;
	const spj_table *t;
	lxw_worksheet *ws;
	const fmts *f;
	size_t ncols, first_money, gross, tax, net; /* column numbers */
	const char *head[16];
	double w[16];
	char names[SPJ_TABLE_KINDS][64];
	char unit[32];
} sheet;

static void col(sheet *s, const char *head, double w)
{
	s->head[s->ncols] = head;
	s->w[s->ncols++] = w;
}

/* The columns as the PDF has them; the text columns share what is left
 * of the page's width. */
static void columns(sheet *s)
{
	double page = ibm_xlsx_page_pt(1) * 0.98, used = 0, rest;
	const spj_table *t = s->t;

	col(s, "No", 4);
	col(s, "Nama", 0);
	col(s, t->speakers ? "NIP / Golongan" : "Jabatan / Unit", 0);
	col(s, t->speakers ? "Materi" : "Desa/Kelurahan", 0);
	col(s, spj_table_unit(s->r, t, s->unit, sizeof s->unit), 6);
	if (t->nk == 1) {
		col(s, "Tarif (Rp)", 10);
	} else {
		for (size_t k = 0; k < t->nk; k++) {
			snprintf(s->names[k], sizeof s->names[k], "%s (Rp)",
				 spj_kind_name(s->r, t->kinds[k]));
			col(s, s->names[k], 11);
		}
	}
	s->first_money = t->nk == 1 ? s->ncols : s->ncols - t->nk;
	s->gross = s->ncols;
	col(s, t->nk == 1 ? "Jumlah (Rp)" : "Jumlah Bruto (Rp)", 11);
	s->tax = s->ncols;
	col(s, "PPh 21 (Rp)", 10);
	s->net = s->ncols;
	col(s, "Diterima (Rp)", 11);
	col(s, "Tanda Tangan", 15);
	for (size_t c = 0; c < s->ncols; c++)
		if (s->w[c] > 0)
			used += ibm_xlsx_col_pt(s->w[c]);
	/* the three text columns: 40, 33 and 27 per cent of the rest */
	rest = page - used - 3 * ibm_xlsx_col_pt(0);
	rest /= 5.55; /* in characters, as LibreOffice lays them */
	if (rest < 30)
		rest = 30;
	s->w[1] = floor(rest * (t->speakers ? 0.38 : 0.40));
	s->w[2] = floor(rest * (t->speakers ? 0.30 : 0.33));
	s->w[3] = floor(rest - s->w[1] - s->w[2]);
	for (size_t c = 0; c < s->ncols; c++)
		worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, s->w[c],
				     NULL);
}

static void merged(lxw_worksheet *ws, int row, int c1, int c2,
		   const char *txt, lxw_format *f)
{
	if (c1 == c2)
		ibm_xlsx_write_string(ws, (lxw_row_t)row, (lxw_col_t)c1, txt,
				      f);
	else
		ibm_xlsx_merge_range(ws, (lxw_row_t)row, (lxw_col_t)c1,
				     (lxw_row_t)row, (lxw_col_t)c2, txt, f);
}

/* The width of columns c1..c2 in characters. */
static double span(const sheet *s, size_t c1, size_t c2)
{
	double w = 0;

	for (size_t c = c1; c <= c2; c++)
		w += s->w[c];
	return w;
}

/* "A1" for row r (0-based) and column c. */
static const char *cellname(char *b, int r, size_t c)
{
	char cn[8];

	ibm_xlsx_col_name(cn, (long)c);
	snprintf(b, 24, "%s%d", cn, r + 1);
	return b;
}

/* The height of a row's cells. */
static double row_pt(const sheet *s, char *const *txt)
{
	double h = ROW_PT;

	for (int i = 0; i < 3; i++) {
		double c = ibm_xlsx_cell_pt(txt[i], s->w[1 + i], s->f->text) + 4;

		if (c > h)
			h = c;
	}
	return h;
}

/* The totals' row: the label, then for each money column the sum of the
 * rows first..last and of the row `from` (the totals brought; -1 none),
 * with their values. */
static void totals(sheet *s, int row, const char *label, int first, int last,
		   int from, const spj_rp *val)
{
	char f[160], a[24], b[24], c[24];

	merged(s->ws, row, 0, (int)s->first_money - 1, label, s->f->bold);
	for (size_t k = s->first_money; k < s->net + 1; k++) {
		if (s->t->nk == 1 && k < s->gross) {
			worksheet_write_blank(s->ws, (lxw_row_t)row,
					      (lxw_col_t)k, s->f->bold);
			continue;
		}
		if (first > last)
			snprintf(f, sizeof f, "=%s", cellname(c, from, k));
		else if (from >= 0)
			snprintf(f, sizeof f, "=%s+SUM(%s:%s)",
				 cellname(c, from, k), cellname(a, first, k),
				 cellname(b, last, k));
		else
			snprintf(f, sizeof f, "=SUM(%s:%s)",
				 cellname(a, first, k), cellname(b, last, k));
		worksheet_write_formula_num(s->ws, (lxw_row_t)row, (lxw_col_t)k,
					    f, s->f->bold_num, (double)val[k]);
	}
	worksheet_write_blank(s->ws, (lxw_row_t)row, (lxw_col_t)s->ncols - 1,
			      s->f->bold);
	worksheet_set_row(s->ws, (lxw_row_t)row, CARRY_PT, NULL);
}

/* A payee's row; their amounts added to val. */
static void put_row(sheet *s, int row, size_t no, const spj_row *w,
		    char *const *txt, double h, spj_rp *val)
{
	lxw_worksheet *ws = s->ws;
	const fmts *f = s->f;
	const spj_pay *p0 = NULL;
	char fm[96], a[24], b[24], sig[48];
	size_t c = 5;

	for (size_t k = 0; k < s->t->nk && !p0; k++)
		p0 = w->pay[k];
	worksheet_set_row(ws, (lxw_row_t)row, h, NULL);
	worksheet_write_number(ws, (lxw_row_t)row, 0, (double)no, f->qty);
	for (int i = 0; i < 3; i++)
		ibm_xlsx_write_string(ws, (lxw_row_t)row, (lxw_col_t)(1 + i),
				      txt[i], f->text);
	worksheet_write_number(ws, (lxw_row_t)row, 4,
			       (double)spj_row_qty(s->r, s->t, w), f->qty);
	if (s->t->nk == 1) {
		worksheet_write_number(ws, (lxw_row_t)row, 5, p0 &&
				       !w->absent ? (double)p0->tarif : 0,
				       f->num);
		/* the amount: days (hours) times the rate */
		snprintf(fm, sizeof fm, "=%s*%s", cellname(a, row, 4),
			 cellname(b, row, 5));
		worksheet_write_formula_num(ws, (lxw_row_t)row,
					    (lxw_col_t)s->gross, fm, f->num,
					    (double)w->t.gross);
		c = s->gross + 1;
	} else {
		for (size_t k = 0; k < s->t->nk; k++, c++) {
			spj_rp v = w->pay[k] ? w->pay[k]->gross : 0;

			worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)c,
					       (double)v, f->num);
			val[c] += v;
		}
		snprintf(fm, sizeof fm, "=SUM(%s:%s)",
			 cellname(a, row, s->first_money),
			 cellname(b, row, s->gross - 1));
		worksheet_write_formula_num(ws, (lxw_row_t)row,
					    (lxw_col_t)s->gross, fm, f->num,
					    (double)w->t.gross);
		c = s->gross + 1;
	}
	worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)s->tax,
			       (double)w->t.tax, f->num);
	snprintf(fm, sizeof fm, "=%s-%s", cellname(a, row, s->gross),
		 cellname(b, row, s->tax));
	worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)s->net, fm,
				    f->num, (double)w->t.net);
	(void)c;
	val[s->gross] += w->t.gross;
	val[s->tax] += w->t.tax;
	val[s->net] += w->t.net;
	if (w->absent) {
		ibm_xlsx_write_string(ws, (lxw_row_t)row,
				      (lxw_col_t)s->ncols - 1, w->note ?
				      w->note : "tidak hadir", f->sig_c);
	} else {
		/* at the left for odd numbers, at the right for even */
		snprintf(sig, sizeof sig, "%zu. ..........", no);
		ibm_xlsx_write_string(ws, (lxw_row_t)row,
				      (lxw_col_t)s->ncols - 1, sig,
				      no % 2 ? f->sig_l : f->sig_r);
	}
}

/* The title and the budget lines; returns the head row, *pt their
 * height. */
static int title(sheet *s, double *pt)
{
	const spj_run *r = s->r;
	const spj_event *e = &r->ev;
	int last = (int)s->ncols - 1, row = 0;
	char dates[160], buf[400], *t = spj_table_title(r, s->t);
	char *mak = spj_table_mak(r, s->t);
	const char *lab[3] = { "Tahun Anggaran", "MAK", "Satuan Kerja" };
	const char *val[3] = { e->tahun, mak ? mak : "", e->satker ?
			       e->satker : "" };

	double h;

	merged(s->ws, row, 0, last, t, s->f->title);
	worksheet_set_row(s->ws, (lxw_row_t)row++, 20, NULL);
	free(t);
	merged(s->ws, row, 0, last, e->acara, s->f->sub);
	h = ibm_xlsx_cell_pt(e->acara, span(s, 0, s->ncols - 1), s->f->sub);
	worksheet_set_row(s->ws, (lxw_row_t)row++, h, NULL);
	*pt = 20 + h + 3 * LINE_PT;
	ibm_date_range_long(dates, sizeof dates, e->first, e->last);
	snprintf(buf, sizeof buf, "%s, di %s", dates, e->tempat);
	merged(s->ws, row, 0, last, buf, s->f->info);
	h = ibm_xlsx_cell_pt(buf, span(s, 0, s->ncols - 1), s->f->info);
	worksheet_set_row(s->ws, (lxw_row_t)row++, h, NULL);
	*pt += h;
	for (int i = 0; i < 3; i++, row++) {
		snprintf(buf, sizeof buf, "%s : %s", lab[i], val[i]);
		merged(s->ws, row, 0, 3, buf, s->f->label);
	}
	free(mak);
	for (size_t c = 0; c < s->ncols; c++)
		ibm_xlsx_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)c,
				      s->head[c], s->f->head);
	worksheet_set_row(s->ws, (lxw_row_t)row, 30, NULL);
	return row;
}

/* The words and the signatures from row on; returns the rows taken. */
static int closing(sheet *s, int row, const spj_rp *val, int draw)
{
	const spj_run *r = s->r;
	const spj_event *e = &r->ev;
	int last = (int)s->ncols - 1, start = row;
	const ts_signer *who[3];
	const char *cap[3][2];
	char date[64], buf[IBM_TERBILANG_SIZE + 64], *w;
	size_t n = 0;
	/* three blocks across the sheet */
	int c1[3] = { 0, 3, 6 }, c2[3] = { 2, 5, last };

	w = spj_words(val[s->gross]);
	snprintf(buf, sizeof buf, "%s : %s", val[s->tax] ?
		 "Terbilang jumlah bruto" : "Terbilang", w);
	free(w);
	if (draw)
		merged(s->ws, row, 0, last, buf, s->f->label);
	row++;
	if (val[s->tax]) {
		w = spj_words(val[s->net]);
		snprintf(buf, sizeof buf, "Terbilang jumlah diterima : %s", w);
		free(w);
		if (draw)
			merged(s->ws, row, 0, last, buf, s->f->label);
		row++;
	}
	row++;
	ibm_date_long(date, sizeof date, e->tanggal);
	snprintf(buf, sizeof buf, "%s, %s", e->tempat_surat, date);
	if (e->kpa.nama) {
		cap[n][0] = "";
		cap[n][1] = "Mengetahui,";
		who[n++] = &e->kpa;
	}
	cap[n][0] = "";
	cap[n][1] = "Setuju dibayar,";
	who[n++] = &e->ppk;
	cap[n][0] = buf;
	cap[n][1] = "Lunas dibayar,";
	who[n++] = &e->bendahara;
	if (n == 2) {
		c1[1] = 6;
		c2[1] = last;
	}
	for (size_t i = 0; i < n && draw; i++) {
		int rr = row;
		const ts_signer *g = who[i];

		merged(s->ws, rr++, c1[i], c2[i], cap[i][0], s->f->sign);
		merged(s->ws, rr++, c1[i], c2[i], cap[i][1], s->f->sign);
		for (size_t j = 0; j < g->jabatan.n; j++)
			merged(s->ws, rr++, c1[i], c2[i], g->jabatan.v[j],
			       s->f->sign_pos);
		rr += 3;
		merged(s->ws, rr++, c1[i], c2[i], g->nama ? g->nama : "",
		       s->f->sign_name);
		if (g->nip) {
			char nip[128];

			snprintf(nip, sizeof nip, "NIP. %s", g->nip);
			merged(s->ws, rr, c1[i], c2[i], nip, s->f->sign);
		}
	}
	/* the tallest block: the captions, the positions, the room, the
	 * name and NIP */
	{
		size_t most = 0;

		for (size_t i = 0; i < n; i++)
			if (who[i]->jabatan.n > most)
				most = who[i]->jabatan.n;
		row += 2 + (int)most + 3 + 2;
	}
	return row - start;
}

static void one_sheet(const spj_run *r, ibm_xlsx *x, const fmts *f,
		      const spj_table *t, char *name)
{
	sheet s;
	spj_row *v;
	size_t n = spj_table_rows(r, t, &v), np = 0, *first, *count;
	double *h, head_pt = 30, title_pt, close_pt;
	int head_row, row;
	spj_rp val[16] = { 0 }, page[16];
	char **txt;
	lxw_row_t *breaks;

	if (!n) {
		free(v);
		return;
	}
	memset(&s, 0, sizeof s);
	s.r = r;
	s.t = t;
	s.f = f;
	s.ws = workbook_add_worksheet(x->wb, name);
	columns(&s);
	head_row = title(&s, &title_pt);
	/* the rows' heights, and the pages they make: a page holds its
	 * rows, the totals brought (from the second) and carried (all but
	 * the last); the last also the total, the words and the signatures */
	h = ibm_xcalloc(n, sizeof *h);
	txt = ibm_xcalloc(3 * n, sizeof *txt);
	for (size_t i = 0; i < n; i++) {
		spj_row_text(r, t, &v[i], &txt[3 * i]);
		h[i] = row_pt(&s, &txt[3 * i]);
	}
	close_pt = CARRY_PT + LINE_PT * (double)closing(&s, 0, val, 0);
	first = ibm_xcalloc(n + 1, sizeof *first);
	count = ibm_xcalloc(n + 1, sizeof *count);
	for (size_t i = 0; i < n; np++) {
		double room = PAGE_PT - head_pt - (np ? CARRY_PT : title_pt);

		first[np] = i;
		while (i < n && (count[np] == 0 ||
				 h[i] + CARRY_PT <= room)) {
			room -= h[i++];
			count[np]++;
		}
		/* the last page: room for the closing too, else its last
		 * row goes to a page of its own with it */
		if (i == n && room < close_pt && count[np] > 1) {
			count[np]--;
			i--;
		}
	}
	breaks = ibm_xcalloc(np + 1, sizeof *breaks);
	row = head_row + 1;
	for (size_t pg = 0; pg < np; pg++) {
		int from = row - 1, top;

		if (pg) {
			memcpy(page, val, sizeof page);
			totals(&s, row, "Jumlah pindahan", 1, 0, from, page);
			from = row++;
		}
		top = row;
		for (size_t k = 0; k < count[pg]; k++) {
			size_t i = first[pg] + k;

			put_row(&s, row++, i + 1, &v[i], &txt[3 * i], h[i], val);
		}
		totals(&s, row, pg + 1 < np ? "Jumlah dipindahkan" : "JUMLAH",
		       top, row - 1, pg ? from : -1, val);
		if (pg + 1 < np)
			breaks[pg] = (lxw_row_t)(row + 1);
		row++;
	}
	if (np > 1)
		worksheet_set_h_pagebreaks(s.ws, breaks);
	closing(&s, row + 1, val, 1);
	ibm_xlsx_print_setup(s.ws, 1, head_row, head_row);
	for (size_t i = 0; i < 3 * n; i++)
		free(txt[i]);
	free(txt);
	free(h);
	free(first);
	free(count);
	free(breaks);
	free(v);
}

/* A sheet's name: the kinds, at most 31 characters, none of []:*?/\ */
static void sheet_name(const spj_run *r, const spj_table *t, char *b,
		       size_t size, size_t no)
{
	snprintf(b, size, "%s", t->nk == 1 ? spj_kind_name(r, t->kinds[0]) :
		 t->speakers ? "Honorarium" : "Peserta");
	for (char *p = b; *p; p++)
		if (strchr("[]:*?/\\", *p))
			*p = '-';
	/* cut at 28 bytes, not inside a character, and numbered */
	if (strlen(b) > 28)
		b[ibm_utf8_floor(b, 28)] = '\0';
	if (no)
		snprintf(b + strlen(b), size - strlen(b), " %zu", no + 1);
}

ibm_atomic *spj_list_xlsx(const spj_run *r, const char *path)
{
	ibm_xlsx *x = ibm_xlsx_open(path, 0, "Daftar Nominatif Penerimaan",
				    r->ev.satker);
	ibm_atomic *a = x->out;
	spj_table *t = ibm_xcalloc(r->nkinds + 2, sizeof *t);
	size_t n = spj_tables(r, t, r->nkinds + 2);
	fmts f;

	make_fmts(x, &f);
	for (size_t i = 0; i < n; i++) {
		char name[40];
		size_t same = 0;

		for (size_t j = 0; j < i; j++) {
			char o[40];

			sheet_name(r, &t[j], o, sizeof o, 0);
			sheet_name(r, &t[i], name, sizeof name, 0);
			same += strcmp(o, name) == 0;
		}
		sheet_name(r, &t[i], name, sizeof name, same);
		one_sheet(r, x, &f, &t[i], name);
	}
	free(t);
	ibm_xlsx_close(x);
	return a;
}
