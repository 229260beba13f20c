/*
 * workbook.c - the ibm-monev workbook, in libxlsxwriter's
 * constant-memory mode.
 *
 * constant_memory keeps one row per sheet in memory and writes rows in
 * order, sheet by sheet, so the sheets are created first in their order
 * (Ringkasan, Rekap Kab-Kota, Matriks Unit, Fase, Data). Which visit of a
 * unit counts in its period (the latest) is known only when every form
 * has been read, and the Data sheet marks the others: so the rows are
 * spooled while the forms are read, already parsed, to an unlinked
 * temporary file (the spool below), and written to the Data sheet
 * (continuing on "Data (2)" ... when full) at the end, each with its
 * Dihitung cell found from the units in constant time. The other sheets
 * are then filled from the per-unit aggregates, followed by Catatan.
 * Memory grows with units and districts (and warnings, up to MAX_WARN),
 * never with the Data sheet.
 */
#define _POSIX_C_SOURCE 200809L
#include "monev.h"
#include "port.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_WARN 10000
#define YES_MARK "\xE2\x88\x9A"  /* √, in Calibri (Carlito) as ✓ is not */
#define NO_MARK "\xC3\x97"        /* × */
#define NOT_ASKED_MARK MONEV_NOT_ASKED_TEXT /* not asked in the unit's form */
#define UNANSWERED_MARK MONEV_NOT_ANSWERED_TEXT /* an answer not read */
#define SPOOL_BUF (1 << 18)
#define MAX_PERIOD_TEXTS 16
#define NOTED_MAX 64

/*
 * One spooled Data row: this head, then the identity fields, each with
 * its NUL (len[i] + 1 bytes), then the nind values (doubles). size: the
 * bytes after the head. The head is zeroed once (its padding too) and
 * reused.
 */
typedef struct spool_head {
	size_t size;
	size_t file;
	long line, unit;
	ibm_date date;
	int has_date;
	uint32_t len[MONEV_NID];
	char period[16];
} spool_head;

struct monev_book {
	ibm_xlsx *x;
	const monev_spec *s;
	lxw_worksheet *ring, *rekap, *matriks, *fase, *data;
	int ndata;              /* Data sheets so far */
	long row;               /* rows written in the current Data sheet */
	long rows_per_sheet;
	lxw_col_t ncols;        /* Data columns */
	double *dw;             /* their widths */
	lxw_format *score, *bold_score, *date, *good, *bad, *wrap;
	const monev_data *all;  /* every period (the sheets may show one) */
	lxw_format *dtext;      /* Data: text wrapped, no border */
	lxw_format *dnum;       /* Data: numbers at the top too */
	lxw_format *dnum_col;   /* Data: the columns of numbers (a row's
				   cells without a format take it) */
	/* Data rows that do not count: grey and struck through */
	lxw_format *otext, *omark, *bold, *cf_old, *cf_mark;
	long old_rows;          /* such rows in the current Data sheet */
	ibm_xlsx_pages dpages;  /* the current Data sheet's pages */
	/* Rekap Kab-Kota with the districts as columns: its first phase
	 * row (the chart's series), 0 when the districts are rows */
	lxw_row_t rekap_phase_row;
	long first_old, last_old; /* the first and last of them */
	ibm_xlsx_widths cw;     /* the widest value of each Data column */
	long max_line;          /* the highest line number of a form row */
	size_t noted_file;      /* the file whose name was noted, + 1 */
	char last_noted[MONEV_NID + 2][NOTED_MAX]; /* per column */
	const char *want_period; /* --period ("" or NULL: none) */
	/* the texts of the periods met on the Data sheet ("Semester I
	 * 2024"), the current one's index */
	char period[MAX_PERIOD_TEXTS][16], period_text[MAX_PERIOD_TEXTS][40];
	size_t nper, nper_cur;
	char *fits;             /* Data columns whose texts all fit */
	double file_h;          /* the height the file name needs */
	size_t file_h_of;       /* ... of this file (index + 1) */
	FILE *spool;            /* the Data rows until the units are known */
	char *spool_buf;        /* its stdio buffer */
	spool_head head;
	char *rec;              /* one record being written or read */
	size_t rcap;
	char **warn;            /* the first MAX_WARN warnings */
	size_t nwarn, wcap, warn_more;
};

static const char *const data_extra[] = { "Sumber", "Baris" };

/*
 * The sheet being written: its final column widths (decided before the
 * first row, as constant-memory mode writes rows in order) and the height
 * the current row needs for its wrapped texts.
 */
static const double *cur_w;
static const char *cur_fits;    /* columns whose texts all fit, or NULL */
static size_t cur_n;
static double cur_h = 15;

static void need(lxw_col_t col, const char *s, const lxw_format *f)
{
	if (cur_fits && col < cur_n && cur_fits[col])
		return;
	if (cur_w && col < cur_n && f && f->text_wrap) {
		double h = ibm_xlsx_cell_pt(s, cur_w[col], f);

		if (h > cur_h)
			cur_h = h;
	}
}

/* End of a row: its height when a wrapped text needs more than one line. */
static void row_end(lxw_worksheet *ws, lxw_row_t row)
{
	if (cur_h > 15)
		worksheet_set_row(ws, row, cur_h, NULL);
	cur_h = 15;
}


/* The columns of the Data sheet before the indicators. */
#define DATA_PERIOD (2 + MONEV_NID)
#define DATA_COUNTED (3 + MONEV_NID)
#define DATA_IND (4 + MONEV_NID)

/*
 * The head of the current Data sheet: its header row, column widths (in
 * b->dw: decided before the first row, as constant-memory mode writes
 * rows in order), panes and print set-up.
 */
static void data_head(monev_book *b)
{
	const monev_spec *s = b->s;
	lxw_col_t c = 0;
	lxw_format *h = b->x->fmt.header;
	double hh = 15;

	for (size_t i = 0; i < 2; i++)
		ibm_xlsx_write_string(b->data, 0, c++, data_extra[i], h);
	for (int i = 0; i < MONEV_NID; i++)
		ibm_xlsx_write_string(b->data, 0, c++, monev_id_labels[i], h);
	ibm_xlsx_write_string(b->data, 0, c++, "Periode", h);
	ibm_xlsx_write_string(b->data, 0, c++, "Dihitung", h);
	for (size_t i = 0; i < s->nind; i++)
		ibm_xlsx_write_string(b->data, 0, c++, s->ind[i].label, h);
	worksheet_freeze_panes(b->data, 1, 2);
	/* the columns that hold numbers (Baris, Tahun Berdiri, the
	 * indicators) keep them off the next cell's text */
	for (lxw_col_t i = 0; i < b->ncols; i++)
		worksheet_set_column(b->data, i, i, b->dw[i],
				     i == 1 || i == 2 + MONEV_TAHUN ||
				     i >= DATA_IND ? b->dnum_col : NULL);
	for (lxw_col_t i = 0; i < b->ncols; i++) {
		const char *name = i < 2 ? data_extra[i]
			: i < DATA_PERIOD ? monev_id_labels[i - 2]
			: i == DATA_PERIOD ? "Periode"
			: i == DATA_COUNTED ? "Dihitung"
			: s->ind[i - DATA_IND].label;

		hh = fmax(hh, ibm_xlsx_cell_pt(name, b->dw[i], h));
	}
	worksheet_set_row(b->data, 0, hh, NULL);
	ibm_xlsx_print_setup(b->data, 1, 0, 0);
	ibm_xlsx_pages_init(&b->dpages, 1,
			    ibm_xlsx_print_width(b->data, 1, b->dw, b->ncols,
						 2, NULL),
			    hh);
	b->row = 0;
	b->old_rows = 0;
	b->first_old = b->last_old = 0;
}

/* The next Data sheet, "Data (2)" ... (the first is made with the book,
 * to keep its place among the sheets). */
static void data_sheet(monev_book *b)
{
	char name[32];

	b->ndata++;
	snprintf(name, sizeof name, "Data (%d)", b->ndata);
	b->data = workbook_add_worksheet(b->x->wb, name);
	data_head(b);
}

/*
 * The Data columns' widths, from the widest value of each (noted while
 * spooling; the Dihitung texts from the longest they can be): wide enough
 * for most rows to stay one line high, narrow enough to print; longer
 * texts wrap.
 */
static void data_widths(monev_book *b, const monev_data *d)
{
	ibm_xlsx_widths *cw = &b->cw;
	char t[64];
	size_t n = (size_t)b->ncols;

	snprintf(t, sizeof t, "Tidak (diganti 00/00/0000, baris %ld)",
		 b->max_line);
	ibm_xlsx_widths_note(cw, DATA_COUNTED, t);
	for (size_t i = 0; i < d->nfiles && d->nfiles > 1; i++) {
		size_t l = strlen(d->files[i]);

		/* the file name is the longest part */
		ibm_xlsx_widths_note_len(cw, DATA_COUNTED,
					 cw->w[DATA_COUNTED] +
						 (double)(l < 60 ? l : 60));
	}
	if (*d->want_period) {
		char pt[40];

		snprintf(t, sizeof t, "Tidak (di luar %s)",
			 monev_period_text(d->want_period, pt, sizeof pt));
		ibm_xlsx_widths_note(cw, DATA_COUNTED, t);
	}
	ibm_xlsx_widths_note_len(cw, n - 1, 0);
	/* the indicators' headers wrap between words, never inside one
	 * ("Penjangkauan" whole) */
	for (size_t i = DATA_IND; i < n; i++)
		ibm_xlsx_widths_note_words(cw, i, b->s->ind[i - DATA_IND].label,
					   b->x->fmt.header);
	ibm_xlsx_widths_clamp(cw, 0, 1e9); /* padding added */
	free(b->dw);
	b->dw = ibm_xcalloc(n + 1, sizeof *b->dw);
	free(b->fits);
	b->fits = ibm_xcalloc(n + 1, 1);
	for (size_t i = 0; i < n; i++) {
		b->dw[i] = i == 1 ? fmax(cw->w[i], 6)
			 : i == DATA_COUNTED ? fmin(fmax(cw->w[i], 10), 50)
			 : i >= DATA_IND ? fmin(fmax(cw->w[i], 11), 30)
			 : fmin(fmax(cw->w[i], 10), 30);
		/* every text of a column made as wide as its widest fits
		 * on one line (the Dihitung texts were not measured) */
		b->fits[i] = i < DATA_COUNTED && cw->w[i] <= 30;
	}
	/* with one file, every Dihitung text is one of those measured */
	b->fits[DATA_COUNTED] = d->nfiles == 1 && cw->w[DATA_COUNTED] <= 50;
	ibm_xlsx_widths_free(cw);
}

/* ---------------------------------------------------------- the spool */

/* The spool: an unlinked temporary file (removed when closed, also on
 * an error exit), in $TMPDIR as libxlsxwriter's own files. */
static void spool_open(monev_book *b, const char *out)
{
	const char *dir;
	int fd = ibm_scratch_fd("monev", &dir);

	if (fd < 0 || !(b->spool = fdopen(fd, "w+b")))
		ibm_die_errno(IBM_EX_CANTCREAT, out,
			      "cannot make a temporary file in %s", dir);
	b->spool_buf = ibm_xmalloc(SPOOL_BUF);
	setvbuf(b->spool, b->spool_buf, _IOFBF, SPOOL_BUF);
}

static void spool_failed(monev_book *b)
{
	ibm_die_errno(IBM_EX_IOERR, ibm_atomic_path(b->x->out),
		      "cannot write the Data rows to a temporary file");
}

/* Note the width of a text of len bytes in Data column col: only when it
 * may be wider than the widest so far (no character is wider than 1.91
 * column units per byte) and than the widest width given (28). */
static void note(monev_book *b, size_t col, const char *v, size_t len)
{
	char *last = b->last_noted[col < MONEV_NID + 2 ? col : 0];

	if ((double)len * 1.91 <= b->cw.w[col] || b->cw.w[col] >= 28)
		return;
	/* the same as the last one of the column (forms come sorted) */
	if (len < NOTED_MAX && memcmp(last, v, len + 1) == 0)
		return;
	ibm_xlsx_widths_note(&b->cw, col, v);
	if (len < NOTED_MAX)
		memcpy(last, v, len + 1);
}

void monev_book_row(const monev_row *r, void *arg)
{
	monev_book *b = arg;
	size_t nind = b->s->nind, size = nind * sizeof *r->val, o;
	spool_head *h = &b->head;

	if (b->cw.n == 0) {
		ibm_xlsx_widths_note_len(&b->cw, b->ncols - 1, 0);
		ibm_xlsx_widths_note(&b->cw, 2 + MONEV_TANGGAL, "00/00/0000");
		ibm_xlsx_widths_note(&b->cw, DATA_PERIOD, "Semester II 0000");
	}
	if (r->file_index + 1 != b->noted_file) {
		note(b, 0, r->file, strlen(r->file));
		b->noted_file = r->file_index + 1;
	}
	if (r->line > b->max_line)
		b->max_line = r->line;
	for (int i = 0; i < MONEV_NID; i++) {
		size_t l = strlen(r->id[i]);

		if (i != MONEV_TANGGAL && i != MONEV_TAHUN)
			note(b, (size_t)(2 + i), r->id[i], l);
		if (l > UINT32_MAX - 1)
			l = UINT32_MAX - 1;
		h->len[i] = (uint32_t)l;
		size += l + 1;
	}
	h->size = size;
	h->file = r->file_index;
	h->line = r->line;
	h->unit = r->unit;
	h->date = r->date;
	h->has_date = r->has_date;
	memcpy(h->period, r->period, sizeof h->period);
	ibm_grow((void **)&b->rec, &b->rcap, sizeof *h + size, 1);
	memcpy(b->rec, h, sizeof *h);
	o = sizeof *h;
	for (int i = 0; i < MONEV_NID; i++) {
		memcpy(b->rec + o, r->id[i], h->len[i]);
		b->rec[o + h->len[i]] = '\0';
		o += h->len[i] + 1;
	}
	memcpy(b->rec + o, r->val, nind * sizeof *r->val);
	if (fwrite(b->rec, 1, sizeof *h + size, b->spool) != sizeof *h + size)
		spool_failed(b);
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
	format_set_num_format(b->score, IBM_XLSX_PAD("0.00"));
	format_set_border(b->score, LXW_BORDER_THIN);
	format_set_align(b->score, LXW_ALIGN_VERTICAL_TOP);
	b->bold_score = workbook_add_format(wb);
	format_set_num_format(b->bold_score, IBM_XLSX_PAD("0.00"));
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
	b->dtext = workbook_add_format(wb);
	format_set_text_wrap(b->dtext);
	format_set_align(b->dtext, LXW_ALIGN_VERTICAL_TOP);
	b->dnum = workbook_add_format(wb);
	format_set_align(b->dnum, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(b->dnum, IBM_XLSX_PAD("0"));
	b->dnum_col = workbook_add_format(wb);
	format_set_num_format(b->dnum_col, IBM_XLSX_PAD("0"));
	format_set_align(b->date, LXW_ALIGN_VERTICAL_TOP);
	/* rows that do not count: grey and struck through (a conditional
	 * format; the legend's example cell as a format) */
	b->otext = workbook_add_format(wb);
	b->omark = workbook_add_format(wb);
	format_set_italic(b->omark);
	format_set_font_color(b->omark, 0x808080);
	format_set_font_color(b->otext, 0x808080);
	format_set_font_strikeout(b->otext);
	format_set_text_wrap(b->otext);
	format_set_align(b->otext, LXW_ALIGN_VERTICAL_TOP);
	b->cf_old = workbook_add_format(wb);
	format_set_font_color(b->cf_old, 0x808080);
	format_set_font_strikeout(b->cf_old);
	b->cf_mark = workbook_add_format(wb);
	format_set_font_color(b->cf_mark, 0x808080);
	format_set_italic(b->cf_mark);
	b->bold = workbook_add_format(wb);
	format_set_bold(b->bold);
	spool_open(b, path);
	b->ring = workbook_add_worksheet(wb, "Ringkasan");
	b->rekap = workbook_add_worksheet(wb, "Rekap Kab-Kota");
	b->matriks = workbook_add_worksheet(wb, "Matriks Unit");
	b->fase = workbook_add_worksheet(wb, "Fase");
	b->data = workbook_add_worksheet(wb, "Data");
	b->ndata = 1;
	b->ncols = DATA_IND + (lxw_col_t)s->nind;
	return b;
}

/*
 * A row of the legend below the Data rows: an example in the first column
 * (format f, wrapped) and its meaning wrapped in the columns merged from
 * the third on (at most about 80 characters wide, so that they print on
 * one page), the row as tall as both need. Returns its height.
 */
static double legend_row(monev_book *b, lxw_row_t row, const char *example,
		       lxw_format *f, const char *text)
{
	lxw_col_t last = 2;
	double w = b->dw[2], h;

	while (last + 1 < b->ncols && w + b->dw[last + 1] <= 80)
		w += b->dw[++last];
	h = fmax(ibm_xlsx_cell_pt(example, b->dw[0], f),
		 ibm_xlsx_cell_pt(text, w, b->dtext));
	if (h > 15)
		worksheet_set_row(b->data, row, h, NULL);
	ibm_xlsx_write_string(b->data, row, 0, example, f);
	if (last > 2)
		ibm_xlsx_merge_range(b->data, row, 2, row, last, text,
				     b->dtext);
	else
		ibm_xlsx_write_string(b->data, row, 2, text, b->dtext);
	return fmax(h, 15);
}

/*
 * The end of a Data sheet: its filter, and below its rows, when some do
 * not count (and the sheet has room), what the Dihitung column and the
 * grey struck-through rows mean, on the page of the last two rows.
 */
static void data_done(monev_book *b)
{
	lxw_row_t row = (lxw_row_t)b->row + 2;
	double h = 30; /* the empty row, "Keterangan:" */

	if (b->row > 0)
		worksheet_autofilter(b->data, 0, 0, (lxw_row_t)b->row,
				     b->ncols - 1);
	if (!b->old_rows || b->row + 5 > LXW_ROW_MAX - 1) {
		b->dpages.n = 0; /* the programs' own page breaks */
		ibm_xlsx_pages_done(&b->dpages, b->data);
		return;
	}
	{
		/* the rows whose Dihitung is not "Ya": grey, struck through
		 * but for the Dihitung cell (grey, italic) */
		lxw_conditional_format cf;
		lxw_row_t r1 = (lxw_row_t)b->first_old,
			  r2 = (lxw_row_t)b->last_old;
		char ref[16], formula[40];

		lxw_rowcol_to_cell_abs(ref, r1, DATA_COUNTED, 0, 1);
		snprintf(formula, sizeof formula, "=%s<>\"Ya\"", ref);
		memset(&cf, 0, sizeof cf);
		cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
		cf.value_string = formula;
		cf.format = b->cf_old;
		worksheet_conditional_format_range(b->data, r1, 0, r2,
						   DATA_COUNTED - 1, &cf);
		worksheet_conditional_format_range(b->data, r1, DATA_IND, r2,
						   b->ncols - 1, &cf);
		cf.format = b->cf_mark;
		worksheet_conditional_format_range(b->data, r1, DATA_COUNTED,
						   r2, DATA_COUNTED, &cf);
	}
	ibm_xlsx_write_string(b->data, row++, 0, "Keterangan:", b->bold);
	h += legend_row(b, row++, "Dihitung: Ya", b->dtext,
		   "kunjungan yang dihitung: kunjungan terakhir unit itu pada "
		   "periodenya (setiap unit dihitung sekali per periode)");
	h += legend_row(b, row++, "Tidak (diganti ...)", b->otext,
		   "baris abu-abu dan dicoret: kunjungan yang diganti "
		   "kunjungan unit yang sama yang lebih akhir pada periode "
		   "yang sama (kolom Dihitung menyebut tanggal dan barisnya); "
		   "tetap tercantum, tidak dihitung");
	if (b->want_period && *b->want_period)
		h += legend_row(b, row++, "Tidak (di luar ...)", b->otext,
			   "baris di luar periode yang dipilih (--period): "
			   "tidak dihitung");
	ibm_xlsx_pages_keep(&b->dpages, h);
	ibm_xlsx_pages_done(&b->dpages, b->data);
}

/* A string over Excel's 32767 characters, cut to fit. */
static void write_long(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		       const char *v)
{
	char *t = ibm_xstrdup(v);

	ibm_xlsx_clamp(t);
	ibm_xlsx_write_string(ws, row, col, t, NULL);
	free(t);
}

/*
 * One Data row, from the spool: mark NULL when the row counts (its
 * Dihitung cell "Ya"), else the text of that cell (the conditional format
 * of data_done greys the row). A row one line high needs no format but
 * the date's; a taller one (a text wraps) has its cells at the top.
 */
static void data_write(monev_book *b, const monev_row *r, const char *mark)
{
	const monev_spec *s = b->s;
	lxw_worksheet *ws;
	lxw_row_t row;
	lxw_col_t c = 0;
	lxw_format *text, *number;
	const char *counted = mark ? mark : "Ya";

	if (b->row >= b->rows_per_sheet) {
		data_done(b);
		data_sheet(b);
	}
	ws = b->data;
	row = (lxw_row_t)++b->row;
	if (mark) {
		if (!b->old_rows++)
			b->first_old = b->row;
		b->last_old = b->row;
	}
	/* the text of the row's period: of the last one met, or of one
	 * of the (few) periods seen */
	if (*r->period && strcmp(r->period, b->period[b->nper_cur]) != 0) {
		size_t k = 0;

		while (k < b->nper && strcmp(r->period, b->period[k]) != 0)
			k++;
		if (k == b->nper) {
			if (b->nper < MAX_PERIOD_TEXTS)
				b->nper++;
			else
				k = 0;
			memcpy(b->period[k], r->period, sizeof b->period[k]);
			monev_period_text(r->period, b->period_text[k],
					  sizeof b->period_text[k]);
		}
		b->nper_cur = k;
	}
	/* the row's height: one line unless a text wraps in its column */
	cur_w = b->dw;
	cur_fits = b->fits;
	cur_n = b->ncols;
	cur_h = 15;
	if (r->file_index + 1 != b->file_h_of) {
		need(0, r->file, b->dtext);
		b->file_h = cur_h;
		b->file_h_of = r->file_index + 1;
	}
	cur_h = b->file_h;
	for (int i = 0; i < MONEV_NID; i++)
		if (i != MONEV_TANGGAL && i != MONEV_TAHUN)
			need((lxw_col_t)(2 + i), r->id[i], b->dtext);
	if (*r->period)
		need(DATA_PERIOD, b->period_text[b->nper_cur], b->dtext);
	if (mark)
		need(DATA_COUNTED, mark, b->dtext);
	text = cur_h > 15 ? b->dtext : NULL;
	number = cur_h > 15 ? b->dnum : NULL;
	ibm_xlsx_write_string(ws, row, c++, r->file, text);
	worksheet_write_number(ws, row, c++, (double)r->line, number);
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
			worksheet_write_number(ws, row, c, atof(v), number);
		else if (strlen(v) > 32767)
			write_long(ws, row, c, v);
		else
			ibm_xlsx_write_string(ws, row, c, v, text);
	}
	if (*r->period)
		ibm_xlsx_write_string(ws, row, c,
				      b->period_text[b->nper_cur], text);
	c++;
	ibm_xlsx_write_string(ws, row, c++, counted, text);
	for (size_t i = 0; i < s->nind; i++, c++) {
		if (isnan(r->val[i]))
			continue;
		if (monev_unanswered(r->val[i]))
			ibm_xlsx_write_string(ws, row, c, UNANSWERED_MARK,
					      number);
		else if (!monev_asked(r->val[i]))
			ibm_xlsx_write_string(ws, row, c, NOT_ASKED_MARK,
					      number);
		else if (s->ind[i].kind == MONEV_YESNO)
			ibm_xlsx_write_string(ws, row, c,
					      r->val[i] > 0 ? "Ya" : "Tidak",
					      text);
		else
			worksheet_write_number(ws, row, c, r->val[i], number);
	}
	ibm_xlsx_pages_row(&b->dpages, row, cur_h);
	row_end(ws, row);
	cur_w = NULL;
	cur_fits = NULL;
	cur_n = 0;
}

/* The Dihitung cell of a row that does not count (into buf), or NULL
 * when it counts. by_seq: the units by their number in reading order. */
static const char *count_mark(const monev_data *d,
			      const monev_unit *const *by_seq,
			      const monev_row *r, char *buf, size_t size)
{
	const monev_unit *u;
	char when[40] = "", pt[40];

	if (r->unit < 0 || (size_t)r->unit >= d->nunits) {
		snprintf(buf, size, "Tidak (di luar %s)",
			 monev_period_text(d->want_period, pt, sizeof pt));
		return buf;
	}
	u = by_seq[r->unit];
	if (u->file_index == r->file_index && u->line == r->line)
		return NULL;
	if (u->has_date && u->file_index == r->file_index &&
	    u->date.y >= 0 && u->date.y <= 9999 && u->line >= 0 &&
	    size >= 64) {
		/* "Tidak (diganti DD/MM/YYYY, baris N)" by hand: the common
		 * case, once a superseded row */
		char *p = buf, num[24] = "";
		size_t k = 0;
		long l = u->line;

		memcpy(p, "Tidak (diganti ", 15);
		p += 15;
		*p++ = (char)('0' + u->date.d / 10 % 10);
		*p++ = (char)('0' + u->date.d % 10);
		*p++ = '/';
		*p++ = (char)('0' + u->date.m / 10 % 10);
		*p++ = (char)('0' + u->date.m % 10);
		*p++ = '/';
		*p++ = (char)('0' + u->date.y / 1000);
		*p++ = (char)('0' + u->date.y / 100 % 10);
		*p++ = (char)('0' + u->date.y / 10 % 10);
		*p++ = (char)('0' + u->date.y % 10);
		memcpy(p, ", baris ", 8);
		p += 8;
		do
			num[k++] = (char)('0' + l % 10);
		while ((l /= 10) > 0);
		while (k > 0)
			*p++ = num[--k];
		*p++ = ')';
		*p = '\0';
		return buf;
	}
	if (u->has_date)
		snprintf(when, sizeof when, " %02d/%02d/%04d", u->date.d,
			 u->date.m, u->date.y);
	if (u->file_index == r->file_index)
		snprintf(buf, size, "Tidak (diganti%s, baris %ld)",
			 when, u->line);
	else
		snprintf(buf, size, "Tidak (diganti%s, %s baris %ld)",
			 when, d->files[u->file_index], u->line);
	return buf;
}

/* The Data sheets from the spool, every unit known. */
static void data_replay(monev_book *b, const monev_data *d)
{
	const monev_unit **by_seq = ibm_xcalloc(d->nunits + 1,
						sizeof *by_seq);
	size_t nind = b->s->nind;
	double *val = ibm_xcalloc(nind + 1, sizeof *val);
	spool_head h;
	monev_row r;
	char buf[4400];

	for (size_t i = 0; i < d->nunits; i++)
		if (d->units[i].seq < d->nunits)
			by_seq[d->units[i].seq] = &d->units[i];
	if (fflush(b->spool) != 0 || ferror(b->spool))
		spool_failed(b);
	rewind(b->spool);
	b->want_period = d->want_period;
	data_widths(b, d);
	data_head(b);
	memset(&r, 0, sizeof r);
	r.val = val;
	r.status = "";
	while (fread(&h, sizeof h, 1, b->spool) == 1) {
		size_t o = 0;

		ibm_grow((void **)&b->rec, &b->rcap, h.size + 1, 1);
		if (fread(b->rec, 1, h.size, b->spool) != h.size)
			break;
		for (int i = 0; i < MONEV_NID; i++) {
			r.id[i] = b->rec + o;
			o += h.len[i] + 1;
		}
		memcpy(val, b->rec + o, nind * sizeof *val);
		r.file_index = h.file;
		r.file = d->files[h.file];
		r.line = h.line;
		r.unit = h.unit;
		r.date = h.date;
		r.has_date = h.has_date;
		memcpy(r.period, h.period, sizeof r.period);
		data_write(b, &r, count_mark(d, by_seq, &r, buf, sizeof buf));
	}
	if (ferror(b->spool))
		ibm_die_errno(IBM_EX_IOERR, ibm_atomic_path(b->x->out),
			      "cannot read the Data rows back from a "
			      "temporary file");
	fclose(b->spool);
	b->spool = NULL;
	free(b->spool_buf);
	free(b->rec);
	free(val);
	free(by_seq);
	data_done(b);
}

/*
 * The reader's own warnings in Indonesian: text matches pattern, whose
 * '%' stand for any text, the first, second, ... of which template's
 * "%1", "%2", ... repeat. 1 with out set, or 0.
 */
static int translate(const char *pattern, const char *template,
		     const char *text, char *out, size_t size)
{
	const char *cap[4], *end[4], *t = text, *p = pattern;
	size_t n = 0, o = 0;

	for (;;) {
		const char *pct = strchr(p, '%');
		size_t l = pct ? (size_t)(pct - p) : strlen(p);
		const char *at = t;

		if (n > 0 && !pct) {
			/* the last literal ends the text */
			size_t tl = strlen(t);

			if (tl < l || strcmp(t + tl - l, p) != 0)
				return 0;
			at = t + tl - l;
		} else if (n > 0) {
			/* a capture ends where the next literal starts */
			char lit[256];

			if (l == 0 || l >= sizeof lit)
				return 0;
			memcpy(lit, p, l);
			lit[l] = '\0';
			if (!(at = strstr(t, lit)))
				return 0;
		} else if (pct ? strncmp(t, p, l) != 0 : strcmp(t, p) != 0) {
			return 0;
		}
		if (n > 0)
			end[n - 1] = at;
		if (!pct)
			break;
		if (n == 4)
			return 0;
		cap[n++] = at + l;
		t = at + l;
		p = pct + 1;
	}
	for (const char *m = template; *m && o + 1 < size; m++) {
		if (*m == '%' && m[1] >= '1' && m[1] < '1' + (int)n) {
			size_t k = (size_t)(m[1] - '1'),
			       l = (size_t)(end[k] - cap[k]);

			if (o + l >= size)
				l = size - o - 1;
			memcpy(out + o, cap[k], l);
			o += l;
			m++;
		} else {
			out[o++] = *m;
		}
	}
	out[o] = '\0';
	return 1;
}

void monev_book_hook(int is_error, const char *msg, void *arg)
{
	monev_book *b = arg;

	static const char *const known[][2] = {
		{ "text is not valid UTF-8; reading it as Windows-1252",
		  "teks bukan UTF-8; dibaca sebagai Windows-1252" },
		{ "column % is blank: the table ends there; columns %-% beside "
		  "it are not read",
		  "kolom %1 kosong: tabel dianggap berakhir di sana; kolom "
		  "%2-%3 di sebelahnya tidak dibaca" },
		{ "the table ends at the blank row %: this row and the rest of "
		  "the sheet are not read (--header-row reads a table below)",
		  "tabel berakhir pada baris kosong %1: baris ini dan sisa "
		  "lembar tidak dibaca (--header-row membaca tabel di "
		  "bawahnya)" },
		{ "the last record has % of % fields and no line end (is the "
		  "file cut short?); the missing fields are empty",
		  "baris terakhir hanya berisi %1 dari %2 kolom dan tanpa akhir "
		  "baris (berkas terpotong?); kolom yang kurang dibiarkan "
		  "kosong" },
		{ "cell %: \"%\" is not a number; taken as text",
		  "sel %1: \"%2\" bukan angka; dibaca sebagai teks" },
		{ "cell %: formula =% has no saved value; left empty (open and "
		  "save the workbook in Excel or LibreOffice)",
		  "sel %1: rumus =%2 tidak mempunyai nilai tersimpan; dibiarkan "
		  "kosong (buka lalu simpan buku kerja itu di Excel atau "
		  "LibreOffice)" },
		{ "cell %: error value %; left empty",
		  "sel %1: nilai galat %2; dibiarkan kosong" },
	};
	char id[2048], out[4200];
	const char *w = strstr(msg, "warning: ");
	size_t place = w ? (size_t)(w - msg) : 0;
	const char *text = w ? w + 9 : msg;

	int said_id;

	(void)is_error;
	said_id = monev_said(id, sizeof id);
	if (said_id < 0)
		return; /* not for the workbook */
	if (b->nwarn >= MAX_WARN) {
		b->warn_more++;
		return;
	}
	/* in Indonesian: the text monev_say gave, a known one, or the
	 * program's own words marked as such */
	if (!said_id) {
		size_t i;

		for (i = 0; i < sizeof known / sizeof *known; i++)
			if (translate(known[i][0], known[i][1], text, id,
				      sizeof id))
				break;
		if (i == sizeof known / sizeof *known)
			snprintf(id, sizeof id, "(pesan program) %s", text);
	}
	snprintf(out, sizeof out, "%.*s%s", (int)place, msg, id);
	ibm_grow((void **)&b->warn, &b->wcap, b->nwarn + 1, sizeof *b->warn);
	b->warn[b->nwarn++] = ibm_xstrdup(out);
}

/* ------------------------------------------------------------- helpers */

static void cell_name(char *buf, lxw_row_t row, lxw_col_t col)
{
	lxw_rowcol_to_cell(buf, row, col);
}

static void str(lxw_worksheet *ws, ibm_xlsx_widths *cw, lxw_row_t row,
		lxw_col_t col, const char *s, lxw_format *f)
{
	ibm_xlsx_write_string(ws, row, col, s, f);
	if (cw)
		ibm_xlsx_widths_note(cw, col, s);
	need(col, s, f);
}

static void num(lxw_worksheet *ws, ibm_xlsx_widths *cw, lxw_row_t row,
		lxw_col_t col, double v, lxw_format *f)
{
	char buf[32];

	if (isnan(v)) {	/* a group none of whose indicators was asked */
		worksheet_write_blank(ws, row, col, f);
		return;
	}
	worksheet_write_number(ws, row, col, v, f);
	if (cw)
		ibm_xlsx_widths_note(cw, col,
				     ibm_fmt_num(buf, sizeof buf, v, 1, '.'));
}

/*
 * Column widths of a table before it is written: the longest word of each
 * header (headers wrap), numbers of up to six characters, and whatever
 * the caller noted in cw; clamped to [min, max] and set. The header row
 * gets the height its longest header needs.
 */
static void layout(monev_book *b, lxw_worksheet *ws, ibm_xlsx_widths *cw,
		   const char *const *names, size_t n, double min, double max)
{
	for (size_t i = 0; i < n; i++) {
		ibm_xlsx_widths_note_words(cw, i, names[i], b->x->fmt.header);
		ibm_xlsx_widths_note_len(cw, i, 6);
	}
	ibm_xlsx_widths_clamp(cw, min, max);
	ibm_xlsx_widths_set(cw, ws);
	cur_w = cw->w;
	cur_n = cw->n;
	cur_h = 15;
}

static void header(monev_book *b, lxw_worksheet *ws, ibm_xlsx_widths *cw,
		   lxw_row_t row, const char *const *names, size_t n)
{
	ibm_xlsx_header_row(b->x, ws, (int)row, names, n, NULL);
	for (size_t i = 0; i < n; i++)
		need((lxw_col_t)i, names[i], b->x->fmt.header);
	(void)cw;
	row_end(ws, row);
}

/* The end of a table sheet: print it, forget its widths. */
static void sheet_done(lxw_worksheet *ws, ibm_xlsx_widths *cw, int landscape,
		       int repeat, size_t id_cols, const unsigned char *block)
{
	ibm_xlsx_print_setup(ws, landscape, repeat, repeat);
	ibm_xlsx_print_width(ws, landscape, cw->w, cw->n, id_cols, block);
	ibm_xlsx_widths_free(cw);
	cur_w = NULL;
	cur_n = 0;
}

/* Blocks of related columns: a new block where the indicator group
 * changes, and at the first of the following columns. */
static void ind_blocks(const monev_spec *s, unsigned char *block,
		       size_t first_ind)
{
	for (size_t k = 1; k < s->nind; k++)
		if (s->ind[k].group != s->ind[k - 1].group)
			block[first_ind + k] = 1;
	block[first_ind] = 1;
	block[first_ind + s->nind] = 1;
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
static void write_rekap_prov(monev_book *b, lxw_worksheet *ws, rekap_cols c,
			     lxw_row_t first, lxw_row_t last,
			     const monev_agg *pa, size_t np,
			     char *const *names, const size_t *nkab,
			     const monev_agg *da, size_t nd,
			     const size_t *dprov)
{
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_row_t row = last + 3;
	char pr[32], u1[16], u2[16], r1[16], r2[16], me[16], formula[320];

	ibm_xlsx_write_string(ws, row++, 0, "Rekapitulasi per Provinsi",
			      f->title);
	str(ws, NULL, row, 0, "No", f->header);
	str(ws, NULL, row, 1, "Provinsi", f->header);
	str(ws, NULL, row, 2, "Jumlah Kabupaten/Kota", f->header);
	for (lxw_col_t col = c.units; col < c.ncols; col++)
		str(ws, NULL, row, col, names[col], f->header);
	need(2, "Jumlah Kabupaten/Kota", f->header);
	row_end(ws, row);
	row++;
	lxw_rowcol_to_cell_abs(pr, first, 1, 1, 1);
	lxw_rowcol_to_cell_abs(r2, last, 1, 1, 1);
	snprintf(pr + strlen(pr), sizeof pr - strlen(pr), ":%s", r2);
	for (size_t i = 0; i < np; i++, row++) {
		lxw_row_t nrow = row;
		char me_b[16];

		num(ws, NULL, nrow, 0, (double)(i + 1), f->integer);
		str(ws, NULL, nrow, 1, pa[i].prov, f->text);
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
				/* as the formula computes it: the province's
				 * districts with a mean, weighted by units */
				double sv = 0, sw = 0;

				for (size_t k = 0; k < nd; k++) {
					double m = col == c.total
						? da[k].total_mean
						: da[k].grp_mean[col - c.grp];

					if (dprov[k] != i || isnan(m))
						continue;
					sv += (double)da[k].nunits * m;
					sw += (double)da[k].nunits;
				}
				if (sw == 0) {
					worksheet_write_blank(ws, nrow, col,
							      b->score);
					continue;
				}
				v = sv / sw;
				lxw_rowcol_to_cell_abs(u1, first, c.units, 1, 1);
				lxw_rowcol_to_cell_abs(u2, last, c.units, 1, 1);
				snprintf(formula, sizeof formula,
					 "=SUMPRODUCT((%s=%s)*%s:%s*%s:%s)/"
					 "SUMPRODUCT((%s=%s)*%s:%s*(%s:%s<>\"\"))",
					 pr, me_b, u1, u2, r1, r2, pr, me_b, u1,
					 u2, r1, r2);
				worksheet_write_formula_num(ws, nrow, col,
							    formula, b->score,
							    v);
				continue;
			}
			if (col >= c.ind && col < c.grp &&
			    !pa[i].ind_n[col - c.ind]) {
				str(ws, NULL, nrow, col, NOT_ASKED_MARK,
				    f->text);
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
		row_end(ws, nrow);
	}
}

/*
 * Rekap Kab-Kota with the districts as columns, when the data has one
 * province and that table prints one page wide (a row per district takes
 * some 30 columns of numbers, several pages wide): a row per measure (the
 * units, each indicator, the groups' and the total mean score, each
 * phase), a column per district and the province's "Jumlah" (SUM, or the
 * mean weighted by the districts' units, the values cached). Returns 0,
 * writing nothing, when the table would not fit one page wide.
 */
static int write_rekap_by_column(monev_book *b, const monev_agg *a,
				 size_t na, const char *prov)
{
	const monev_spec *s = b->s;
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_worksheet *ws = b->rekap;
	size_t nm = 1 + s->nind + s->ngrp + 1 + s->nph + 1, n = na + 3, m;
	lxw_col_t tot = (lxw_col_t)(na + 2);
	lxw_row_t first = REKAP_HDR + 1;
	char **label = ibm_xcalloc(nm, sizeof *label);
	const char **names = ibm_xcalloc(n, sizeof *names);
	ibm_xlsx_widths cw = { 0 };
	double total = 0;
	char r1[16], r2[16], u1[16], u2[16], formula[200], *title;

	label[0] = ibm_xstrdup("Jumlah Unit");
	for (size_t k = 0; k < s->nind; k++)
		label[1 + k] = s->ind[k].kind == MONEV_YESNO
			? cat(s->ind[k].label, " (Ya)")
			: ibm_xstrdup(s->ind[k].label);
	for (size_t g = 0; g < s->ngrp; g++)
		label[1 + s->nind + g] = cat("Rata-rata Skor ",
					     s->grp[g].label);
	label[1 + s->nind + s->ngrp] = ibm_xstrdup("Rata-rata Skor Total");
	for (size_t p = 0; p <= s->nph; p++)
		label[2 + s->nind + s->ngrp + p] = ibm_xstrdup(
			p < s->nph ? s->ph[p].name : "Belum Berfase");
	names[0] = "No";
	names[1] = "Uraian";
	for (size_t i = 0; i < na; i++)
		names[2 + i] = a[i].kab;
	names[tot] = "Jumlah";
	/* widths: the headers' words, numbers of six characters, the
	 * measures' names (wrapped past 40), district names wrapped past
	 * 14 */
	for (size_t c = 0; c < n; c++) {
		ibm_xlsx_widths_note_words(&cw, c, names[c], f->header);
		ibm_xlsx_widths_note_len(&cw, c, c == 1 ? 0 : 6);
	}
	for (m = 0; m < nm; m++)
		ibm_xlsx_widths_note(&cw, 1, label[m]);
	ibm_xlsx_widths_clamp(&cw, 4, 40);
	for (size_t c = 2; c < n; c++)
		cw.w[c] = fmin(cw.w[c], 14);
	for (size_t c = 0; c < n; c++)
		total += ibm_xlsx_col_pt(cw.w[c]);
	if (total > ibm_xlsx_page_pt(1) * 0.99 * 100 /
		    (IBM_XLSX_MIN_SCALE + 3)) {
		for (m = 0; m < nm; m++)
			free(label[m]);
		free(label);
		free(names);
		ibm_xlsx_widths_free(&cw);
		return 0;
	}
	title = cat("Rekapitulasi Monev IBM per Kabupaten/Kota, Provinsi ",
		    prov);
	ibm_xlsx_write_string(ws, 0, 0, title, f->title);
	free(title);
	ibm_xlsx_widths_set(&cw, ws);
	cur_w = cw.w;
	cur_n = cw.n;
	cur_h = 15;
	header(b, ws, NULL, REKAP_HDR, names, n);
	b->rekap_phase_row = (lxw_row_t)(first + 2 + s->nind + s->ngrp);
	cell_name(u1, first, 2);
	cell_name(u2, first, (lxw_col_t)(tot - 1));
	for (m = 0; m < nm; m++) {
		lxw_row_t row = (lxw_row_t)(first + m);
		int mean = m > s->nind && m <= s->nind + s->ngrp + 1;
		size_t k = m - 1, g = m - 1 - s->nind,
		       p = m - 2 - s->nind - s->ngrp;
		double sum = 0, sw = 0;
		int asked = 0;

		num(ws, NULL, row, 0, (double)(m + 1), f->integer);
		str(ws, NULL, row, 1, label[m], f->text);
		for (size_t i = 0; i < na; i++) {
			lxw_col_t col = (lxw_col_t)(2 + i);
			double v = m == 0 ? (double)a[i].nunits
				 : m <= s->nind ? a[i].ind[k]
				 : g < s->ngrp ? a[i].grp_mean[g]
				 : m == s->nind + s->ngrp + 1 ? a[i].total_mean
				 : (double)a[i].phase_n[p];

			if (m >= 1 && m <= s->nind && !a[i].ind_n[k]) {
				/* not asked in the district, as in Matriks */
				str(ws, NULL, row, col, NOT_ASKED_MARK,
				    f->text);
				continue;
			}
			num(ws, NULL, row, col, v, mean ? b->score
							: f->integer);
			if (mean && !isnan(v)) {
				sum += (double)a[i].nunits * v;
				sw += (double)a[i].nunits;
			} else if (!mean) {
				sum += v;
				asked = 1;
			}
		}
		cell_name(r1, row, 2);
		cell_name(r2, row, (lxw_col_t)(tot - 1));
		if (mean && sw > 0) {
			/* the districts' means weighted by their units,
			 * leaving out a blank mean (a group not asked) */
			snprintf(formula, sizeof formula,
				 "=SUMPRODUCT($%s:$%s,%s:%s)/SUMIF(%s:%s,"
				 "\"<>\",$%s:$%s)", u1, u2, r1, r2, r1, r2, u1,
				 u2);
			worksheet_write_formula_num(ws, row, tot, formula,
						    b->bold_score, sum / sw);
		} else if (mean) {
			worksheet_write_blank(ws, row, tot, b->bold_score);
		} else if (!asked) {
			str(ws, NULL, row, tot, NOT_ASKED_MARK, f->bold);
		} else {
			snprintf(formula, sizeof formula, "=SUM(%s:%s)", r1,
				 r2);
			worksheet_write_formula_num(ws, row, tot, formula,
						    f->bold_int, sum);
		}
		row_end(ws, row);
	}
	sheet_done(ws, &cw, ibm_xlsx_landscape(cw.w, cw.n), REKAP_HDR, 2,
		   NULL);
	for (m = 0; m < nm; m++)
		free(label[m]);
	free(label);
	free(names);
	return 1;
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
	char r1[16], r2[16], u1[16], u2[16], formula[160];
	double *sum = ibm_xcalloc(c.ncols, sizeof *sum);
	unsigned char *asked = ibm_xcalloc(c.ncols, 1);
	size_t np;
	monev_agg *pa = monev_aggregate(d, 0, &np);
	size_t *nkab = ibm_xcalloc(np + 1, sizeof *nkab);
	size_t *dprov = ibm_xcalloc(na + 1, sizeof *dprov); /* province of
							     each district */

	if (np == 1 && write_rekap_by_column(b, a, na, pa[0].prov)) {
		free(dprov);
		free(nkab);
		free(names);
		free(sum);
		free(asked);
		monev_agg_free(pa, np);
		return;
	}
	ibm_xlsx_write_string(ws, 0, 0,
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
	for (size_t i = 0; i < np; i++)
		ibm_xlsx_widths_note(&cw, 1, pa[i].prov);
	for (size_t i = 0; i < na; i++)
		ibm_xlsx_widths_note(&cw, 2, a[i].kab);
	ibm_xlsx_widths_note(&cw, 1, "Jumlah");
	layout(b, ws, &cw, (const char *const *)names, c.ncols, 5, 30);
	header(b, ws, NULL, REKAP_HDR, (const char *const *)names, c.ncols);
	for (size_t i = 0, pi = 0; i < na; i++) {
		lxw_row_t row = (lxw_row_t)(first + i);

		/* the province's one spelling, so that SUMIF finds it */
		while (pi + 1 < np && pa[pi + 1].first <= a[i].first)
			pi++;
		nkab[pi]++;
		dprov[i] = pi;
		num(ws, NULL, row, 0, (double)(i + 1), f->integer);
		str(ws, NULL, row, 1, pa[pi].prov, f->text);
		str(ws, NULL, row, 2, a[i].kab, f->text);
		num(ws, NULL, row, c.units, (double)a[i].nunits, f->integer);
		sum[c.units] += (double)a[i].nunits;
		for (size_t k = 0; k < s->nind; k++) {
			/* not asked in the district: "–", as in Matriks */
			if (!a[i].ind_n[k]) {
				str(ws, NULL, row, (lxw_col_t)(c.ind + k),
				    NOT_ASKED_MARK, f->text);
				continue;
			}
			num(ws, NULL, row, (lxw_col_t)(c.ind + k), a[i].ind[k],
			    f->integer);
			sum[c.ind + k] += a[i].ind[k];
			asked[c.ind + k] = 1;
		}
		for (size_t g = 0; g < s->ngrp; g++)
			num(ws, NULL, row, (lxw_col_t)(c.grp + g),
			    a[i].grp_mean[g], b->score);
		num(ws, NULL, row, c.total, a[i].total_mean, b->score);
		for (size_t p = 0; p <= s->nph; p++) {
			num(ws, NULL, row, (lxw_col_t)(c.phase + p),
			    (double)a[i].phase_n[p], f->integer);
			sum[c.phase + p] += (double)a[i].phase_n[p];
		}
		row_end(ws, row);
	}
	/* totals: SUM formulas with their values cached */
	str(ws, NULL, tot, 0, "", f->bold);
	str(ws, NULL, tot, 1, "Jumlah", f->bold);
	str(ws, NULL, tot, 2, "", f->bold);
	cell_name(u1, first, c.units);
	cell_name(u2, last, c.units);
	for (lxw_col_t col = c.units; col < c.ncols; col++) {
		cell_name(r1, first, col);
		cell_name(r2, last, col);
		if (col >= c.grp && col <= c.total) {
			/* mean over the districts' means weighted by their
			 * units, leaving out blank means (a group not asked
			 * in a district), as the formula computes it */
			double v = 0, w = 0;

			for (size_t i = 0; i < na; i++) {
				double m = col == c.total
					? a[i].total_mean
					: a[i].grp_mean[col - c.grp];

				if (!isnan(m)) {
					v += (double)a[i].nunits * m;
					w += (double)a[i].nunits;
				}
			}
			if (w == 0) {
				worksheet_write_blank(ws, tot, col,
						      b->bold_score);
				continue;
			}
			snprintf(formula, sizeof formula,
				 "=SUMPRODUCT($%s:$%s,%s:%s)/SUMIF(%s:%s,\"<>\","
				 "$%s:$%s)", u1, u2, r1, r2, r1, r2, u1, u2);
			/* $D4 form: column absolute only */
			worksheet_write_formula_num(ws, tot, col, formula,
						    b->bold_score, v / w);
		} else if (col >= c.ind && col < c.grp && !asked[col]) {
			str(ws, NULL, tot, col, NOT_ASKED_MARK, f->bold);
		} else {
			snprintf(formula, sizeof formula, "=SUM(%s:%s)", r1,
				 r2);
			worksheet_write_formula_num(ws, tot, col, formula,
						    f->bold_int, sum[col]);
		}
	}
	write_rekap_prov(b, ws, c, first, last, pa, np, names, nkab, a, na,
			 dprov);
	free(dprov);
	free(nkab);
	{
		unsigned char *block = ibm_xcalloc(c.ncols + 1, 1);

		ind_blocks(s, block, c.ind);
		block[c.phase] = 1;
		sheet_done(ws, &cw, 1, REKAP_HDR, 3, block);
		free(block);
	}
	for (lxw_col_t i = 0; i < c.ncols; i++)
		free(names[i]);
	free(names);
	free(sum);
	free(asked);
	monev_agg_free(pa, np);
}

/* ---------------------------------------------------------- Matriks Unit */

/* the unit's name first: with No it identifies a row on every page */
static const int unit_ids[] = { MONEV_UNIT, MONEV_KAB, MONEV_KEC,
				 MONEV_DESA };
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
	lxw_format *mark;

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
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];
		char pt[40];

		for (int k = 0; k < NUNIT_IDS; k++)
			ibm_xlsx_widths_note(&cw, (size_t)(1 + k),
					     u->id[unit_ids[k]]);
		ibm_xlsx_widths_note(&cw, 1 + NUNIT_IDS,
				     monev_period_text(u->period, pt,
						       sizeof pt));
		ibm_xlsx_widths_note(&cw, ct + 1, u->phase >= 0
				     ? s->ph[u->phase].name : "Belum berfase");
	}
	layout(b, ws, &cw, (const char *const *)names, n, 4, 18);
	{
		/* the title over the two columns repeated on every page,
		 * wrapped there */
		static const char title[] = "Matriks Unit IBM dan Indikator";
		lxw_format *tf = workbook_add_format(b->x->wb);

		format_set_bold(tf);
		format_set_font_size(tf, 14);
		format_set_text_wrap(tf);
		format_set_align(tf, LXW_ALIGN_VERTICAL_TOP);
		ibm_xlsx_merge_range(ws, 0, 0, 0, 1, title, tf);
		worksheet_set_row(ws, 0, ibm_xlsx_cell_pt(title, cw.w[0] +
							  cw.w[1], tf), NULL);
	}
	{
		/* what the colours say, over the columns repeated on every
		 * page */
		static const char legend0[] =
			"Warna: " YES_MARK " hijau = ada, " NO_MARK
			" merah = belum ada; jumlah hijau = mencapai target; "
			"skor dari merah (0) lewat kuning (50) ke hijau (100).";
		static const char legend1[] =
			"Warna: " YES_MARK " hijau = ada, " NO_MARK
			" merah = belum ada; jumlah hijau = mencapai target; "
			"skor dari merah (0) lewat kuning (50) ke hijau (100). "
			UNANSWERED_MARK " = jawaban tidak terbaca, dianggap "
			"belum dijawab (tidak dihitung dalam skor).";
		const char *legend = legend0;
		lxw_format *lf = workbook_add_format(b->x->wb);
		double w = 0;

		for (size_t i = 0; i < d->nunits && legend == legend0; i++)
			for (size_t k = 0; k < s->nind; k++)
				if (monev_unanswered(d->units[i].val[k]))
					legend = legend1;
		format_set_text_wrap(lf);
		format_set_align(lf, LXW_ALIGN_VERTICAL_TOP);
		for (int k = 0; k < 2; k++)
			w += cw.w[k];
		ibm_xlsx_merge_range(ws, 1, 0, 1, 1, legend, lf);
		worksheet_set_row(ws, 1, ibm_xlsx_cell_pt(legend, w, lf), NULL);
	}
	header(b, ws, &cw, REKAP_HDR, (const char *const *)names, n);
	/* the marks centred in their cells, off the number before them */
	mark = workbook_add_format(b->x->wb);
	format_set_border(mark, LXW_BORDER_THIN);
	format_set_align(mark, LXW_ALIGN_CENTER);
	format_set_align(mark, LXW_ALIGN_VERTICAL_TOP);
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];
		lxw_row_t row = (lxw_row_t)(first + i);

		char pt[40];

		num(ws, NULL, row, 0, (double)(i + 1), f->integer);
		for (int k = 0; k < NUNIT_IDS; k++)
			str(ws, NULL, row, (lxw_col_t)(1 + k),
			    u->id[unit_ids[k]], f->text);
		str(ws, NULL, row, 1 + NUNIT_IDS,
		    monev_period_text(u->period, pt, sizeof pt), f->text);
		for (size_t k = 0; k < s->nind; k++) {
			lxw_col_t col = (lxw_col_t)(ci + k);

			if (monev_unanswered(u->val[k]))
				str(ws, NULL, row, col, UNANSWERED_MARK, mark);
			else if (!monev_asked(u->val[k]))
				str(ws, NULL, row, col, NOT_ASKED_MARK, mark);
			else if (s->ind[k].kind == MONEV_YESNO)
				str(ws, NULL, row, col,
				    u->val[k] > 0 ? YES_MARK : NO_MARK, mark);
			else if (isnan(u->val[k]))
				worksheet_write_blank(ws, row, col, f->integer);
			else
				num(ws, NULL, row, col, u->val[k], f->integer);
		}
		for (size_t g = 0; g < s->ngrp; g++)
			num(ws, NULL, row, (lxw_col_t)(cg + g), u->grp[g],
			    b->score);
		num(ws, NULL, row, ct, u->total, b->score);
		str(ws, NULL, row, ct + 1,
		    u->phase >= 0 ? s->ph[u->phase].name : "Belum berfase", f->text);
		row_end(ws, row);
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
	worksheet_freeze_panes(ws, REKAP_HDR + 1, 2);
	{
		unsigned char *block = ibm_xcalloc((size_t)n + 1, 1);

		ind_blocks(s, block, ci);
		sheet_done(ws, &cw, 1, REKAP_HDR, 2, block);
		free(block);
	}
	for (lxw_col_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ------------------------------------------------------------------ Fase */

static void write_fase(monev_book *b, const monev_data *d)
{
	static const char *const names[] = {
		"No", "Nama Unit", "Kabupaten/Kota", "Kecamatan",
		"Desa/Kelurahan", "Periode", "Fase", "Skor Total",
		"Fase Berikutnya", "Skor Total Minimal Fase Berikutnya",
		"Yang Perlu Dipenuhi"
	};
	const monev_spec *s = b->s;
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_worksheet *ws = b->fase;
	ibm_xlsx_widths cw = { 0 };
	size_t n = sizeof names / sizeof names[0];

	ibm_xlsx_write_string(ws, 0, 0,
			      "Fase Perkembangan Unit IBM dan Kekurangannya",
			      f->title);
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];
		char pt[40];

		for (int k = 0; k < NUNIT_IDS; k++)
			ibm_xlsx_widths_note(&cw, (size_t)(1 + k),
					     u->id[unit_ids[k]]);
		ibm_xlsx_widths_note(&cw, 5, monev_period_text(u->period, pt,
							       sizeof pt));
		for (size_t p = 0; p < s->nph; p++)
			ibm_xlsx_widths_note(&cw, 6, s->ph[p].name);
		ibm_xlsx_widths_note(&cw, 6, "Belum berfase");
	}
	ibm_xlsx_widths_note_len(&cw, n - 1, 1);
	layout(b, ws, &cw, names, n, 4, 16);
	{
		/* "Yang Perlu Dipenuhi" takes the rest of the page: at 100 %
		 * when the other columns leave it 45 characters, else at the
		 * smallest print scale the sheet then prints at (fewer lines
		 * of it, fewer pages) */
		double page = ibm_xlsx_page_pt(1), rest = page * 0.95;

		for (size_t c = 0; c + 1 < n; c++)
			rest -= ibm_xlsx_col_pt(cw.w[c]);
		if (rest < ibm_xlsx_col_pt(45))
			rest += page * (0.98 * 100 / IBM_XLSX_MIN_SCALE - 0.95);
		rest = rest / 5.55 - 1;
		cw.w[n - 1] = rest > 45 ? rest : 45;
		worksheet_set_column(ws, (lxw_col_t)(n - 1),
				     (lxw_col_t)(n - 1), cw.w[n - 1], NULL);
	}
	header(b, ws, &cw, REKAP_HDR, names, n);
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];
		lxw_row_t row = (lxw_row_t)(REKAP_HDR + 1 + i);
		size_t next = (size_t)(u->phase + 1);
		char *miss = monev_missing(s, u->val, u->grp, u->total,
					   u->phase);
		char pt[40];

		num(ws, NULL, row, 0, (double)(i + 1), f->integer);
		for (int k = 0; k < NUNIT_IDS; k++)
			str(ws, NULL, row, (lxw_col_t)(1 + k),
			    u->id[unit_ids[k]], f->text);
		str(ws, NULL, row, 5, monev_period_text(u->period, pt,
							sizeof pt), f->text);
		str(ws, NULL, row, 6,
		    u->phase >= 0 ? s->ph[u->phase].name : "Belum berfase", f->text);
		num(ws, NULL, row, 7, u->total, b->score);
		if (next < s->nph) {
			str(ws, NULL, row, 8, s->ph[next].name, f->text);
			num(ws, NULL, row, 9, s->ph[next].min_total, b->score);
		} else {
			str(ws, NULL, row, 8, "-", f->text);
			str(ws, NULL, row, 9, "-", f->text);
		}
		str(ws, NULL, row, 10, *miss ? miss : "-", b->wrap);
		free(miss);
		row_end(ws, row);
	}
	sheet_done(ws, &cw, 1, REKAP_HDR, 2, NULL);
}

/* ------------------------------------------------------------- Ringkasan */

static size_t count_distinct(const monev_data *d, int by_kab)
{
	size_t n;
	monev_agg *a = monev_aggregate(d, by_kab, &n);

	monev_agg_free(a, n);
	return n;
}

/* The tables' columns of Ringkasan (A to C): the charts stand right of
 * them. */
#define RING_TEXT_CHARS (32 + 13 + 13)

/* A line of Ringkasan above the tables, merged over their columns and
 * wrapped there. */
static void summary_line(lxw_worksheet *ws, lxw_row_t row, const char *s,
			 lxw_format *wrap)
{
	ibm_xlsx_merge_range(ws, row, 0, row, 2, s, wrap);
	worksheet_set_row(ws, row, ibm_xlsx_cell_pt(s, RING_TEXT_CHARS, wrap),
			  NULL);
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
	double chart_w, chart_h; /* pixels */

	(void)a;
	ibm_xlsx_write_string(ws, row++, 0,
			      "Ringkasan Monev Intervensi Berbasis "
			      "Masyarakat (IBM)", f->title);
	/* the periods present, in order */
	for (size_t i = 0; i < d->nunits; i++) {
		char pt[40];
		const char *p = monev_period_text(d->units[i].period, pt,
						  sizeof pt);

		if (*p && !strstr(periods, p) &&
		    strlen(periods) + strlen(p) + 3 < sizeof periods) {
			if (*periods)
				strcat(periods, ", ");
			strcat(periods, p);
		}
	}
	{
		char line[300], p1[40], p2[40];

		lxw_format *wrap = workbook_add_format(b->x->wb);

		/* within the tables' columns, wrapped: never under the
		 * charts right of them */
		format_set_text_wrap(wrap);
		format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
		snprintf(line, sizeof line, "Periode: %s",
			 *periods ? periods : "-");
		summary_line(ws, row++, line, wrap);
		if (b->all && b->all->nperiods > 1) {
			snprintf(line, sizeof line,
				 "Perkembangan %s sampai %s: lembar "
				 "Perkembangan",
				 monev_period_text(b->all->periods[0], p1, sizeof p1),
				 monev_period_text(b->all->periods[
						   b->all->nperiods - 1], p2, sizeof p2));
			summary_line(ws, row++, line, wrap);
		}
	}
	row++;
	for (size_t col = 0; col < 2; col++)
		ibm_xlsx_write_string(ws, row, (lxw_col_t)col, h1[col],
				      f->header);
	row++;
	ibm_xlsx_write_string(ws, row, 0, "Provinsi", f->text);
	worksheet_write_number(ws, row++, 1, (double)count_distinct(d, 0),
			       f->integer);
	ibm_xlsx_write_string(ws, row, 0, "Kabupaten/Kota", f->text);
	worksheet_write_number(ws, row++, 1, (double)na, f->integer);
	ibm_xlsx_write_string(ws, row, 0, "Unit IBM", f->text);
	worksheet_write_number(ws, row++, 1, (double)d->nunits, f->integer);
	ibm_xlsx_write_string(ws, row, 0, "Baris formulir", f->text);
	worksheet_write_number(ws, row++, 1, (double)d->total_rows,
			       f->integer);
	row++;
	for (size_t i = 0; i < d->nunits; i++)
		phase_n[d->units[i].phase < 0 ? s->nph
					       : (size_t)d->units[i].phase]++;
	for (size_t col = 0; col < 3; col++)
		ibm_xlsx_write_string(ws, row, (lxw_col_t)col, h2[col],
				      f->header);
	row++;
	for (size_t p = 0; p <= s->nph; p++) {
		if (p == s->nph && phase_n[p] == 0)
			break;
		ibm_xlsx_write_string(ws, row, 0,
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
			ibm_xlsx_write_string(ws, row, (lxw_col_t)col, h3[col],
					      f->header);
		row++;
		svc_first = row;
		for (size_t k = 0; k < s->nind; k++) {
			double sum = 0;

			if (s->ind[k].group != layanan ||
			    s->ind[k].kind != MONEV_COUNT)
				continue;
			for (size_t i = 0; i < d->nunits; i++)
				if (!isnan(d->units[i].val[k]) &&
				    monev_asked(d->units[i].val[k]))
					sum += d->units[i].val[k];
			ibm_xlsx_write_string(ws, row, 0, s->ind[k].label,
					      f->text);
			worksheet_write_number(ws, row++, 1, sum, f->integer);
		}
		svc_last = row - 1;
	}
	worksheet_set_column(ws, 0, 0, 32, NULL);
	worksheet_set_column(ws, 1, 2, 13, NULL);
	worksheet_set_column(ws, 3, 3, 2, NULL);
	/* the charts right of the tables, one above the other, within one
	 * landscape page */
	chart_w = (ibm_xlsx_page_pt(1) * 0.95 - ibm_xlsx_col_pt(32) -
		   2 * ibm_xlsx_col_pt(13) - ibm_xlsx_col_pt(2)) / 0.75;
	chart_h = (595.28 - 2 * 0.6 * 72) * 0.92 / 0.75 /
		  (layanan < s->ngrp ? 2 : 1);
	/* phases per district: stacked bars from Rekap Kab-Kota */
	if (na > 0) {
		ch = workbook_add_chart(b->x->wb, LXW_CHART_BAR_STACKED);
		chart_title_set_name(ch, "Fase Unit IBM per Kabupaten/Kota");
		for (size_t p = 0; p <= s->nph; p++) {
			lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
			lxw_row_t pr = (lxw_row_t)(b->rekap_phase_row + p);
			lxw_col_t last = (lxw_col_t)(2 + na - 1);

			if (b->rekap_phase_row) {
				/* the districts are columns */
				chart_series_set_categories(
					se, "Rekap Kab-Kota", REKAP_HDR, 2,
					REKAP_HDR, last);
				chart_series_set_values(se, "Rekap Kab-Kota",
							pr, 2, pr, last);
				chart_series_set_name_range(
					se, "Rekap Kab-Kota", pr, 1);
				continue;
			}
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
		/* the value axis of a bar chart (horizontal) is the one
		 * LibreOffice and Excel show for x_axis */
		chart_axis_set_name(ch->x_axis, "Jumlah unit");
		chart_axis_set_major_unit(ch->x_axis, 1);
		chart_axis_set_num_format(ch->x_axis, "0");
		/* the first district at the top, the numbers and their
		 * title below the bars */
		chart_axis_set_reverse(ch->y_axis);
		chart_axis_set_crossing_max(ch->y_axis);
		chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
		{
			lxw_chart_options co = { 0 };

			co.x_scale = chart_w / 480;
			co.y_scale = chart_h / 288;
			worksheet_insert_chart_opt(ws, 0, 4, ch, &co);
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
		chart_series_set_labels(se);
		chart_axis_set_name(ch->y_axis, "Jumlah klien");
		chart_axis_set_min(ch->y_axis, 0);
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
		co.x_scale = chart_w / 480;
		co.y_scale = chart_h / 288;
		co.y_offset = (int32_t)(na > 0 ? chart_h + 8 : 0);
		worksheet_insert_chart_opt(ws, 0, 4, ch, &co);
	}
	ibm_xlsx_print_setup(ws, 1, -1, -1);
	free(phase_n);
}

/* --------------------------------------------------------------- Catatan */

/* A row of Catatan's first table: what (30 characters wide) and its
 * value (100), as tall as the wrapped value. */
static void note_row(lxw_worksheet *ws, lxw_row_t row, const char *what,
		     const char *value, lxw_format *f)
{
	double h = fmax(ibm_xlsx_cell_pt(what, 30, f),
			ibm_xlsx_cell_pt(value, 100, f));

	if (h > 15)
		worksheet_set_row(ws, row, h, NULL);
	ibm_xlsx_write_string(ws, row, 0, what, f);
	ibm_xlsx_write_string(ws, row, 1, value, f);
}

static void write_catatan(monev_book *b, const monev_data *d)
{
	const monev_spec *s = b->s;
	ibm_xlsx_formats *f = &b->x->fmt;
	lxw_worksheet *ws = workbook_add_worksheet(b->x->wb, "Catatan");
	lxw_row_t row = 0;
	char buf[512], when[128];
	time_t t = (time_t)ibm_build_time();
	struct tm tm = { 0 };
	static const char *const h1[] = { "Keterangan", "Isi" };
	static const char *const h2[] = { "Berkas Masukan", "Baris Data" };
	static const char *const h3[] = { "No", "Peringatan" };

	{
		/* the local time, with the zone as Indonesians name it */
		char day[40], zone[40];
		long off;

		ibm_localtime(t, &tm);
		off = ibm_utc_offset(t);
		if (off == 7 * 3600)
			snprintf(zone, sizeof zone, "WIB");
		else if (off == 8 * 3600)
			snprintf(zone, sizeof zone, "WITA");
		else if (off == 9 * 3600)
			snprintf(zone, sizeof zone, "WIT");
		else if (off == 0)
			snprintf(zone, sizeof zone, "UTC");
		else
			snprintf(zone, sizeof zone, "UTC%c%02ld:%02ld",
				 off < 0 ? '-' : '+', labs(off) / 3600,
				 labs(off) % 3600 / 60);
		ibm_date_long(day, sizeof day,
			      (ibm_date){ tm.tm_year + 1900, tm.tm_mon + 1,
					  tm.tm_mday });
		snprintf(when, sizeof when, "%s pukul %02d.%02d %s", day,
			 tm.tm_hour, tm.tm_min, zone);
	}
	static const double widths[2] = { 30, 100 };

	/* constant memory: the widths before the first row */
	worksheet_set_column(ws, 0, 0, widths[0], NULL);
	worksheet_set_column(ws, 1, 1, widths[1], NULL);
	cur_w = widths;
	cur_n = 2;
	ibm_xlsx_write_string(ws, row++, 0, "Catatan", f->title);
	row++;
	for (int c = 0; c < 2; c++)
		ibm_xlsx_write_string(ws, row, (lxw_col_t)c, h1[c], f->header);
	row++;
	note_row(ws, row++, "Dibuat dengan",
		 "ibm-monev (ibmkit) " IBMKIT_VERSION, f->text);
	note_row(ws, row++, "Waktu pembuatan", when, f->text);
	snprintf(buf, sizeof buf, "%s (%zu indikator, %zu kelompok)",
		 s->spec_src, s->nind, s->ngrp);
	note_row(ws, row++, "Spesifikasi indikator", buf, f->text);
	{
		size_t o = (size_t)snprintf(buf, sizeof buf, "%s (",
					    s->phase_src);

		for (size_t p = 0; p < s->nph && o < sizeof buf; p++)
			o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s",
					      p ? ", " : "", s->ph[p].name);
		if (o < sizeof buf)
			snprintf(buf + o, sizeof buf - o, ")");
	}
	note_row(ws, row++, "Tabel fase", buf, f->text);
	ibm_xlsx_write_string(ws, row, 0, "Periode", f->text);
	ibm_xlsx_write_string(ws, row++, 1,
			      "semester tanggal monev (Semester I: "
			      "Januari-Juni, Semester II: Juli-Desember)",
			      f->text);
	ibm_xlsx_write_string(ws, row, 0, "Baris formulir", f->text);
	worksheet_write_number(ws, row++, 1, (double)d->total_rows,
			       f->integer);
	ibm_xlsx_write_string(ws, row, 0, "Unit per periode", f->text);
	worksheet_write_number(ws, row++, 1, (double)d->nunits, f->integer);
	if (d->superseded) {
		snprintf(buf, sizeof buf, "%ld (diganti kunjungan unit yang "
			 "sama yang lebih akhir pada periode yang sama; "
			 "tetap di lembar Data dengan Dihitung: Tidak)",
			 d->superseded);
		note_row(ws, row++, "Kunjungan diganti", buf, f->text);
	}
	if (d->other_period_rows) {
		char per[40];

		snprintf(buf, sizeof buf, "%ld (hanya %s, --period)",
			 d->other_period_rows,
			 monev_period_text(d->want_period, per, sizeof per));
		note_row(ws, row++, "Baris periode lain", buf, f->text);
	}
	if (d->list) {
		int n = snprintf(buf, sizeof buf, "%s (%zu unit; %ld baris "
				 "formulir unit di luar daftar", d->list->src,
				 d->list->n, d->unlisted);

		if (n > 0 && (size_t)n < sizeof buf && d->respelled)
			snprintf(buf + n, sizeof buf - (size_t)n, "; %ld baris "
				 "dengan nama unit yang ejaannya mirip dengan "
				 "satu unit dalam daftar, dihitung sebagai unit "
				 "itu)", d->respelled);
		else if (n > 0 && (size_t)n < sizeof buf)
			snprintf(buf + n, sizeof buf - (size_t)n, ")");
		note_row(ws, row++, "Daftar unit", buf, f->text);
	}
	row++;
	for (int c = 0; c < 2; c++)
		ibm_xlsx_write_string(ws, row, (lxw_col_t)c, h2[c], f->header);
	row++;
	for (size_t i = 0; i < d->nfiles; i++) {
		str(ws, NULL, row, 0, d->files[i], f->text);
		worksheet_write_number(ws, row, 1, (double)d->rows[i],
				       f->integer);
		row_end(ws, row++);
	}
	row++;
	for (int c = 0; c < 2; c++)
		ibm_xlsx_write_string(ws, row, (lxw_col_t)c, h3[c], f->header);
	row++;
	if (b->nwarn == 0)
		ibm_xlsx_write_string(ws, row++, 1, "(tidak ada)", f->text);
	for (size_t i = 0; i < b->nwarn; i++) {
		ibm_xlsx_clamp(b->warn[i]);
		worksheet_write_number(ws, row, 0, (double)(i + 1), f->integer);
		str(ws, NULL, row, 1, b->warn[i], b->wrap);
		row_end(ws, row++);
	}
	if (b->warn_more) {
		snprintf(buf, sizeof buf,
			 "... dan %zu peringatan lain (lihat keluaran "
			 "galat)", b->warn_more);
		ibm_xlsx_write_string(ws, row++, 1, buf, f->text);
	}
	cur_w = NULL;
	cur_n = 0;
	ibm_xlsx_print_setup(ws, 1, -1, -1);
}

void monev_book_close(monev_book *b, const monev_data *all)
{
	size_t na;
	monev_agg *a;
	monev_data view;
	const monev_data *d = all;

	/* with several periods, the summary sheets show the latest (each
	 * unit once); Perkembangan compares them */
	if (all->nperiods > 1) {
		monev_view_period(all, all->periods[all->nperiods - 1], &view);
		d = &view;
	}
	b->all = all;
	a = monev_aggregate(d, MONEV_KAB, &na);
	data_replay(b, all);
	write_rekap(b, d, a, na);
	write_matriks(b, d);
	write_fase(b, d);
	write_ringkasan(b, d, a, na);
	if (all->nperiods > 1)
		monev_sheet_trend(b->x, all, b->score);
	if (all->list)
		monev_sheet_unvisited(b->x, all);
	/* no more warnings go into the book from here */
	ibm_diag_set_hook(NULL, NULL);
	write_catatan(b, all);
	monev_agg_free(a, na);
	if (d != all)
		monev_view_free(&view);
	ibm_xlsx_close(b->x);
	for (size_t i = 0; i < b->nwarn; i++)
		free(b->warn[i]);
	free(b->warn);
	free(b->dw);
	free(b->fits);
	free(b);
}
