/* attendance.c - ibm-invite's attendance workbook (daftar hadir): one
 * sheet per day and the agenda (susunan acara). */
#include "invite.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { HEAD_ROW = 5 };

typedef struct fmts {
	lxw_format *title, *subtitle, *info, *head, *cell, *num, *sig, *sign,
		*sign_name;
} fmts;

static lxw_format *new_fmt(lxw_workbook *wb, int border, int wrap)
{
	lxw_format *f = workbook_add_format(wb);

	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (wrap)
		format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static void make_fmts(ibm_xlsx *x, fmts *f)
{
	lxw_workbook *wb = x->wb;

	f->title = new_fmt(wb, 0, 0);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	f->subtitle = new_fmt(wb, 0, 1);
	format_set_bold(f->subtitle);
	format_set_align(f->subtitle, LXW_ALIGN_CENTER);
	f->info = new_fmt(wb, 0, 0);
	format_set_align(f->info, LXW_ALIGN_CENTER);
	f->head = x->fmt.header;
	f->cell = new_fmt(wb, 1, 1);
	format_set_font_size(f->cell, 10);
	f->num = new_fmt(wb, 1, 0);
	format_set_align(f->num, LXW_ALIGN_CENTER);
	f->sig = new_fmt(wb, 1, 0);
	f->sign = new_fmt(wb, 0, 0);
	format_set_align(f->sign, LXW_ALIGN_CENTER);
	f->sign_name = new_fmt(wb, 0, 0);
	format_set_align(f->sign_name, LXW_ALIGN_CENTER);
	format_set_bold(f->sign_name);
	format_set_underline(f->sign_name, LXW_UNDERLINE_SINGLE);
}

static void merged(lxw_worksheet *ws, int row, int c1, int c2,
		   const char *s, lxw_format *f)
{
	worksheet_merge_range(ws, (lxw_row_t)row, (lxw_col_t)c1,
			      (lxw_row_t)row, (lxw_col_t)c2, s, f);
}

/* The signatory block from row on, over columns c1..c2; returns the next
 * free row. */
static int signatory(const invite *iv, lxw_worksheet *ws, const fmts *f,
		     int row, int c1, int c2, const char *date)
{
	char buf[256];
	const inv_event *e = &iv->ev;

	snprintf(buf, sizeof buf, "%s, %s", e->tempat_surat, date);
	merged(ws, row++, c1, c2, buf, f->sign);
	for (size_t i = 0; i < e->office.ttd.jabatan.n; i++)
		merged(ws, row++, c1, c2, e->office.ttd.jabatan.v[i], f->sign);
	row += 3;
	merged(ws, row++, c1, c2, e->office.ttd.nama, f->sign_name);
	if (e->office.ttd.pangkat)
		merged(ws, row++, c1, c2, e->office.ttd.pangkat, f->sign);
	if (e->office.ttd.nip) {
		snprintf(buf, sizeof buf, "NIP. %s", e->office.ttd.nip);
		merged(ws, row++, c1, c2, buf, f->sign);
	}
	return row;
}

/*
 * A day's sheet holds two blocks side by side, No | Nama | Desa/Kelurahan |
 * Tanda Tangan each, with a narrow gap between them: on every page the
 * left block lists the first half of that page's people and the right
 * block the second half. Thirty participants and the spare rows then fit
 * one A4 page at 8 mm a row with the signatory block, which one column of
 * rows cannot (30 x 8 mm is 240 of the page's 274 mm). The jabatan, unit
 * and phone number stay in the participant list.
 */
enum { BLOCK = 4, GAP = BLOCK, RIGHT = BLOCK + 1, DAY_COLS = 2 * BLOCK + 1 };

/* Column widths in characters: one A4 page wide at 100 % (checked with
 * ibm_xlsx_col_pt in day_sheet's comment); rows of 8.1 mm to sign on. */
static const double day_widths[DAY_COLS] = { 3, 17, 12, 10.5, 0.8,
					     3, 17, 12, 10.5 };
#define ROW_PT 23.0

/* Row j of a page whose left block holds items s..s+k-1 and whose right
 * block holds s+k..s+n-1: the taller of its two items. */
static double row_pt(const double *h, long s, long k, long n, long j)
{
	return fmax(h[s + j], k + j < n ? h[s + k + j] : 0);
}

/* The height of the rows j = 0..k-1 of such a page. */
static double block_pt(const double *h, long s, long k, long n)
{
	double sum = 0;

	for (long j = 0; j < k; j++)
		sum += row_pt(h, s, k, n, j);
	return sum;
}

/* Lay the total items out on pages: pg_n[p] items on page p, the last
 * page keeping room for the signatory block. Returns the page count.
 * Linear in the items: the rest is summed only when it may fit one page
 * (its left column alone, each row at least the lowest item, must not be
 * taller than the page), and a full page's rows are at most a page's
 * worth. */
static int paginate(const double *h, long total, double first_pt,
		    double page_pt, double sig_pt, long *pg_n)
{
	int pages = 0;
	double low = total ? h[0] : 0;

	for (long i = 1; i < total; i++)
		low = fmin(low, h[i]);
	for (long s = 0; s < total;) {
		double avail = pages ? page_pt : first_pt;
		long m = total - s, k = (m + 1) / 2, n;

		/* a point to spare for the rounding of the sums */
		if ((double)k * low <= avail + 1 &&
		    block_pt(h, s, k, m) + sig_pt <= avail) {
			pg_n[pages++] = m;
			break;
		}
		/* a full page: the most rows that fit, two items a row */
		for (k = 1; 2 * (k + 1) <= m + 1 &&
			    block_pt(h, s, k + 1, 2 * (k + 1) < m ? 2 * (k + 1)
								  : m) <= avail;
		     k++)
			;
		n = 2 * k < m ? 2 * k : m;
		/* all of them fit, but not with the signatory block: the
		 * last one goes over with it */
		if (n == m && m > 1)
			n = m - 1;
		pg_n[pages++] = n;
		s += n;
	}
	return pages;
}

static void write_item(const invite *iv, lxw_worksheet *ws, const fmts *f,
		       int row, int col, long n)
{
	const inv_person *p = n <= (long)iv->np ? &iv->p[n - 1] : NULL;

	worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, (double)n,
			       f->num);
	/* a village named by a number stays text */
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)(col + 1),
			       p ? p->f[INV_NAMA] : "", f->cell);
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)(col + 2),
			       p ? p->f[INV_KELURAHAN] : "", f->cell);
	worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)(col + 3),
			      f->sig);
}

static double item_pt(const invite *iv, const fmts *f, long n)
{
	const inv_person *p;

	if (n > (long)iv->np)
		return ROW_PT;
	p = &iv->p[n - 1];
	return fmax(ROW_PT,
		    fmax(ibm_xlsx_cell_pt(p->f[INV_NAMA], day_widths[1],
					  f->cell),
			 ibm_xlsx_cell_pt(p->f[INV_KELURAHAN], day_widths[2],
					  f->cell)));
}

static void day_sheet(const invite *iv, ibm_xlsx *x, const fmts *f, int day,
		      int blank_rows)
{
	static const char *const head[BLOCK] = { "No", "Nama",
		"Desa/Kelurahan", "Tanda Tangan" };
	char name[32], buf[600], date[80];
	lxw_worksheet *ws;
	/* A4 portrait at 100 %: 777 pt between the margins */
	const double page_h = 841.89 - (0.4 + 0.5) * 72;
	double head_h, title_h, sig_h, *h;
	long *pg_n, total = (long)iv->np + blank_rows, n = 1;
	lxw_row_t *breaks;
	int pages, row = HEAD_ROW + 1;
	ibm_date d = ibm_date_from_days(ibm_date_days(iv->ev.first) + day - 1);

	snprintf(name, sizeof name, "Hari %d", day);
	ws = workbook_add_worksheet(x->wb, name);
	for (int c = 0; c < DAY_COLS; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
				     day_widths[c], NULL);
	merged(ws, 0, 0, DAY_COLS - 1, "DAFTAR HADIR", f->title);
	worksheet_set_row(ws, 0, 20, NULL);
	merged(ws, 1, 0, DAY_COLS - 1, iv->ev.acara, f->subtitle);
	title_h = ibm_xlsx_cell_pt(iv->ev.acara, 90, f->subtitle);
	worksheet_set_row(ws, 1, title_h, NULL);
	title_h += 20;
	ibm_date_long_day(date, sizeof date, d);
	snprintf(buf, sizeof buf, "Hari ke-%d: %s", day, date);
	merged(ws, 2, 0, DAY_COLS - 1, buf, f->info);
	snprintf(buf, sizeof buf, "Tempat: %s", iv->ev.tempat);
	merged(ws, 3, 0, DAY_COLS - 1, buf, f->info);
	{
		double t = ibm_xlsx_cell_pt(buf, 90, f->info);

		worksheet_set_row(ws, 3, t, NULL);
		title_h += 15 + t + 15; /* row 4 is empty */
	}
	for (int c = 0; c < BLOCK; c++) {
		worksheet_write_string(ws, HEAD_ROW, (lxw_col_t)c, head[c],
				       f->head);
		worksheet_write_string(ws, HEAD_ROW, (lxw_col_t)(RIGHT + c),
				       head[c], f->head);
	}
	head_h = fmax(20, ibm_xlsx_cell_pt(head[2], day_widths[2], f->head));
	worksheet_set_row(ws, HEAD_ROW, head_h, NULL);
	/* the signatory block: an empty row, place and date, the posts,
	 * room to sign, name, rank, NIP */
	sig_h = 15 * (double)(2 + iv->ev.office.ttd.jabatan.n + 3 + 1 +
			      (iv->ev.office.ttd.pangkat != NULL) +
			      (iv->ev.office.ttd.nip != NULL));
	h = ibm_xcalloc((size_t)total + 1, sizeof *h);
	for (long i = 0; i < total; i++)
		h[i] = item_pt(iv, f, i + 1);
	pg_n = ibm_xcalloc((size_t)total + 1, sizeof *pg_n);
	/* every page under the title rows and the head row (print
	 * titles), so that a page that continues the day says which */
	pages = total ? paginate(h, total, page_h - title_h - head_h,
				 page_h - title_h - head_h, sig_h, pg_n)
		      : 0;
	breaks = ibm_xcalloc((size_t)pages + 1, sizeof *breaks);
	for (int pg = 0; pg < pages; pg++) {
		long m = pg_n[pg], k = (m + 1) / 2, s = n - 1;

		if (pg)
			breaks[pg - 1] = (lxw_row_t)row;
		for (long j = 0; j < k; j++, row++) {
			worksheet_set_row(ws, (lxw_row_t)row,
					  row_pt(h, s, k, m, j), NULL);
			write_item(iv, ws, f, row, 0, n + j);
			if (k + j < m)
				write_item(iv, ws, f, row, RIGHT, n + k + j);
		}
		n += m;
	}
	if (pages > 1)
		worksheet_set_h_pagebreaks(ws, breaks);
	if (pages == 0)
		pages = 1;
	free(breaks);
	free(pg_n);
	free(h);
	ibm_date_long(date, sizeof date, d);
	signatory(iv, ws, f, row + 1, RIGHT, DAY_COLS - 1, date);
	ibm_xlsx_print_setup(ws, 0, 0, HEAD_ROW);
	worksheet_set_margins(ws, 0.4, 0.4, 0.4, 0.5);
	/* the pages of this day's sheet, counted here: programs count
	 * pages across the whole workbook */
	{
		lxw_header_footer_options hf = { 0 };

		hf.margin = 0.2;
		snprintf(buf, sizeof buf,
			 "&C&11Hari ke-%d \xC2\xB7 Halaman &P dari %d", day,
			 pages);
		worksheet_set_footer_opt(ws, buf, &hf);
		worksheet_set_start_page(ws, 1);
	}
}

static void agenda_sheet(const invite *iv, ibm_xlsx *x, const fmts *f)
{
	static const char *const head[] = { "Hari/Tanggal", "Waktu",
		"Kegiatan", "Narasumber/PJ" };
	/* 90 characters: one A4 page wide at 100 % */
	static const double widths[4] = { 17, 12, 37, 24 };
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Susunan Acara");
	char buf[256];
	int row = 5, pages;
	/* the rows' heights, to count the sheet's pages: the title rows,
	 * the head row, then each item's */
	double used, room = 841.89 - (0.6 + 0.6) * 72 - 15, head_h = 15;

	for (int c = 0; c < 4; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
				     NULL);
	merged(ws, 0, 0, 3, "SUSUNAN ACARA", f->title);
	merged(ws, 1, 0, 3, iv->ev.acara, f->subtitle);
	worksheet_set_row(ws, 1, ibm_xlsx_cell_pt(iv->ev.acara, 88,
						  f->subtitle), NULL);
	ibm_date_range_long(buf, sizeof buf, iv->ev.first, iv->ev.last);
	merged(ws, 2, 0, 3, buf, f->info);
	snprintf(buf, sizeof buf, "Tempat: %s", iv->ev.tempat);
	merged(ws, 3, 0, 3, buf, f->info);
	for (int c = 0; c < 4; c++)
		worksheet_write_string(ws, 4, (lxw_col_t)c, head[c], f->head);
	used = 4 * 15 + ibm_xlsx_cell_pt(iv->ev.acara, 88, f->subtitle) +
	       head_h;
	pages = 1;
	for (size_t i = 0; i < iv->nag; ) {
		size_t j = i;
		char *day = inv_day_text(iv, iv->ag[i].day);

		while (j < iv->nag && iv->ag[j].day == iv->ag[i].day)
			j++;
		snprintf(buf, sizeof buf, "Hari ke-%d\n%s", iv->ag[i].day, day);
		free(day);
		if (j - i > 1)
			worksheet_merge_range(ws, (lxw_row_t)row, 0,
					      (lxw_row_t)(row + (int)(j - i) - 1),
					      0, buf, f->cell);
		else
			worksheet_write_string(ws, (lxw_row_t)row, 0, buf,
					       f->cell);
		for (; i < j; i++, row++) {
			worksheet_write_string(ws, (lxw_row_t)row, 1,
					       iv->ag[i].waktu, f->cell);
			worksheet_write_string(ws, (lxw_row_t)row, 2,
					       iv->ag[i].acara, f->cell);
			worksheet_write_string(ws, (lxw_row_t)row, 3,
					       iv->ag[i].pj, f->cell);
			double rh = fmax(23, fmax(
				ibm_xlsx_cell_pt(iv->ag[i].acara, widths[2],
						 f->cell),
				ibm_xlsx_cell_pt(iv->ag[i].pj, widths[3],
						 f->cell)));

			worksheet_set_row(ws, (lxw_row_t)row, rh, NULL);
			if (used + rh > room) {
				pages++;
				used = head_h;
			}
			used += rh;
		}
	}
	ibm_xlsx_print_setup(ws, 0, 4, 4);
	{
		/* its own page numbers, counted here (programs count the
		 * workbook's) */
		lxw_header_footer_options hf = { 0 };

		hf.margin = 0.25;
		snprintf(buf, sizeof buf, "&C&11Susunan Acara \xC2\xB7 "
			 "Halaman &P dari %d", pages);
		worksheet_set_footer_opt(ws, buf, &hf);
		worksheet_set_start_page(ws, 1);
	}
}

void inv_attendance(const invite *iv, const char *path, int blank_rows,
		    inv_outs *outs)
{
	ibm_xlsx *x = ibm_xlsx_open(path, 0, "Daftar Hadir",
				    iv->ev.office.kop.n ? iv->ev.office.kop.v[iv->ev.office.kop.n - 1]
						 : NULL);
	ibm_atomic *out = x->out;
	fmts f;

	make_fmts(x, &f);
	for (int d = 1; d <= iv->ev.days; d++)
		day_sheet(iv, x, &f, d, blank_rows);
	if (iv->nag)
		agenda_sheet(iv, x, &f);
	/* finished now, renamed with the other outputs at the end */
	ibm_xlsx_close(x);
	inv_outs_add(outs, out);
}
