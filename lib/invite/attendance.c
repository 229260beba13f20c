/* attendance.c - ibm-invite's attendance workbook (daftar hadir): one
 * sheet per day and the agenda (susunan acara). */
#include "invite.h"

#include <stdlib.h>
#include <string.h>

enum { COLS = 7, HEAD_ROW = 5 };

typedef struct fmts {
	lxw_format *title, *subtitle, *info, *head, *cell, *num, *sig_l,
		*sig_r, *sign, *sign_name;
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
	f->num = new_fmt(wb, 1, 0);
	format_set_align(f->num, LXW_ALIGN_CENTER);
	/* the signature column as two cells without a line between them */
	f->sig_l = new_fmt(wb, 0, 0);
	format_set_left(f->sig_l, LXW_BORDER_THIN);
	format_set_top(f->sig_l, LXW_BORDER_THIN);
	format_set_bottom(f->sig_l, LXW_BORDER_THIN);
	format_set_align(f->sig_l, LXW_ALIGN_VERTICAL_TOP);
	f->sig_r = new_fmt(wb, 0, 0);
	format_set_right(f->sig_r, LXW_BORDER_THIN);
	format_set_top(f->sig_r, LXW_BORDER_THIN);
	format_set_bottom(f->sig_r, LXW_BORDER_THIN);
	format_set_align(f->sig_r, LXW_ALIGN_VERTICAL_TOP);
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
	for (size_t i = 0; i < e->ttd_jabatan.n; i++)
		merged(ws, row++, c1, c2, e->ttd_jabatan.v[i], f->sign);
	row += 3;
	merged(ws, row++, c1, c2, e->ttd_nama, f->sign_name);
	if (e->ttd_pangkat)
		merged(ws, row++, c1, c2, e->ttd_pangkat, f->sign);
	if (e->ttd_nip) {
		snprintf(buf, sizeof buf, "NIP. %s", e->ttd_nip);
		merged(ws, row++, c1, c2, buf, f->sign);
	}
	return row;
}

static void day_sheet(const invite *iv, ibm_xlsx *x, const fmts *f, int day,
		      int blank_rows)
{
	static const char *const head[] = { "No", "Nama", "Jabatan/Unit IBM",
		"Desa/Kelurahan", "No. HP", "Tanda Tangan" };
	static const double widths[COLS] = { 5, 28, 28, 18, 17, 13, 13 };
	char name[32], buf[256], date[80];
	lxw_worksheet *ws;
	ibm_date d = ibm_date_from_days(ibm_date_days(iv->ev.first) + day - 1);
	int row = HEAD_ROW + 1;
	long total = (long)iv->np + blank_rows;

	snprintf(name, sizeof name, "Hari %d", day);
	ws = workbook_add_worksheet(x->wb, name);
	for (int c = 0; c < COLS; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
				     NULL);
	merged(ws, 0, 0, COLS - 1, "DAFTAR HADIR", f->title);
	merged(ws, 1, 0, COLS - 1, iv->ev.acara, f->subtitle);
	worksheet_set_row(ws, 1, 30, NULL);
	ibm_date_long_day(date, sizeof date, d);
	snprintf(buf, sizeof buf, "Hari ke-%d: %s", day, date);
	merged(ws, 2, 0, COLS - 1, buf, f->info);
	snprintf(buf, sizeof buf, "Tempat: %s", iv->ev.tempat);
	merged(ws, 3, 0, COLS - 1, buf, f->info);
	for (int c = 0; c < 5; c++)
		worksheet_write_string(ws, HEAD_ROW, (lxw_col_t)c, head[c],
				       f->head);
	merged(ws, HEAD_ROW, 5, 6, head[5], f->head);
	worksheet_set_row(ws, HEAD_ROW, 20, NULL);
	for (long n = 1; n <= total; n++, row++) {
		const inv_person *p = n <= (long)iv->np ? &iv->p[n - 1] : NULL;
		char num[24];

		worksheet_set_row(ws, (lxw_row_t)row, 32, NULL);
		worksheet_write_number(ws, (lxw_row_t)row, 0, (double)n,
				       f->num);
		if (p) {
			const char *j = p->f[INV_JABATAN], *u = p->f[INV_UNIT];
			size_t len = strlen(j) + strlen(u) + 4;
			char *ju = ibm_xmalloc(len);

			snprintf(ju, len, "%s%s%s", j, *j && *u ? " / " : "",
				 u);
			worksheet_write_string(ws, (lxw_row_t)row, 1,
					       p->f[INV_NAMA], f->cell);
			ibm_xlsx_write_cell(ws, row, 2, ju, f->cell, f->cell);
			ibm_xlsx_write_cell(ws, row, 3, p->f[INV_KELURAHAN],
					    f->cell, f->cell);
			ibm_xlsx_write_cell(ws, row, 4, p->f[INV_HP], f->cell,
					    f->cell);
			free(ju);
		} else {
			for (int c = 1; c <= 4; c++)
				worksheet_write_blank(ws, (lxw_row_t)row,
						      (lxw_col_t)c, f->cell);
		}
		/* zig-zag: odd numbers sign at the left, even at the right */
		snprintf(num, sizeof num, "%ld.", n);
		if (n % 2) {
			worksheet_write_string(ws, (lxw_row_t)row, 5, num,
					       f->sig_l);
			worksheet_write_blank(ws, (lxw_row_t)row, 6, f->sig_r);
		} else {
			worksheet_write_blank(ws, (lxw_row_t)row, 5, f->sig_l);
			worksheet_write_string(ws, (lxw_row_t)row, 6, num,
					       f->sig_r);
		}
	}
	ibm_date_long(date, sizeof date, d);
	signatory(iv, ws, f, row + 1, 4, 6, date);
	ibm_xlsx_print_setup(ws, 0, HEAD_ROW, HEAD_ROW);
}

static void agenda_sheet(const invite *iv, ibm_xlsx *x, const fmts *f)
{
	static const char *const head[] = { "Hari/Tanggal", "Waktu",
		"Kegiatan", "Narasumber/PJ" };
	static const double widths[4] = { 22, 15, 45, 28 };
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Susunan Acara");
	char buf[256];
	int row = 5;

	for (int c = 0; c < 4; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
				     NULL);
	merged(ws, 0, 0, 3, "SUSUNAN ACARA", f->title);
	merged(ws, 1, 0, 3, iv->ev.acara, f->subtitle);
	worksheet_set_row(ws, 1, 30, NULL);
	ibm_date_range_long(buf, sizeof buf, iv->ev.first, iv->ev.last);
	merged(ws, 2, 0, 3, buf, f->info);
	snprintf(buf, sizeof buf, "Tempat: %s", iv->ev.tempat);
	merged(ws, 3, 0, 3, buf, f->info);
	for (int c = 0; c < 4; c++)
		worksheet_write_string(ws, 4, (lxw_col_t)c, head[c], f->head);
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
			worksheet_set_row(ws, (lxw_row_t)row, 30, NULL);
		}
	}
	ibm_xlsx_print_setup(ws, 0, 4, 4);
}

void inv_attendance(const invite *iv, const char *path, int blank_rows,
		    inv_outs *outs)
{
	ibm_xlsx *x = ibm_xlsx_open(path, 0, "Daftar Hadir",
				    iv->ev.kop.n ? iv->ev.kop.v[iv->ev.kop.n - 1]
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
