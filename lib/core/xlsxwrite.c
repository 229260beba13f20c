/* xlsxwrite.c - helpers over libxlsxwriter: atomic workbooks, shared formats,
 * fitted column widths, print setup. */
#define _POSIX_C_SOURCE 200809L
#include "ibmkit.h"
#include "port.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

long long ibm_build_time(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");

	if (e && *e) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(e, &end, 10);
		if (!*end && errno == 0 && v >= 0)
			return v;
		ibm_warn(NULL, 0, "SOURCE_DATE_EPOCH is not a number of seconds; "
			 "using the current time");
	}
	return (long long)time(NULL);
}

static lxw_format *fmt(lxw_workbook *wb, int bold, const char *numfmt,
		       int border)
{
	lxw_format *f = workbook_add_format(wb);

	if (bold)
		format_set_bold(f);
	if (numfmt)
		format_set_num_format(f, numfmt);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

ibm_xlsx *ibm_xlsx_open(const char *path, int constant_memory,
			const char *title, const char *company)
{
	ibm_xlsx *x = ibm_xcalloc(1, sizeof *x);
	lxw_workbook_options o;
	lxw_doc_properties props;
	const char *tmpdir = ibm_tmpdir();
	ibm_xlsx_formats *f = &x->fmt;
	char *ftitle, *fcompany;

	x->out = ibm_atomic_open(path);
	memset(&o, 0, sizeof o);
	o.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
	if (tmpdir && *tmpdir) {
		x->tmpdir = ibm_xstrdup(tmpdir);
		o.tmpdir = x->tmpdir;
	}
	o.use_zip64 = LXW_TRUE;
	x->wb = workbook_new_opt(ibm_atomic_tmppath(x->out), &o);
	if (!x->wb)
		ibm_die(IBM_EX_CANTCREAT, path, 0, "cannot create workbook");
	memset(&props, 0, sizeof props);
	ftitle = ibm_xml_fix(title ? title : "");
	fcompany = ibm_xml_fix(company ? company : "");
	props.title = ftitle ? ftitle : (char *)(title ? title : "");
	props.author = (char *)"ibmkit " IBMKIT_VERSION;
	props.company = fcompany ? fcompany : (char *)(company ? company : "");
	props.created = (time_t)ibm_build_time();
	workbook_set_properties(x->wb, &props);
	free(ftitle);
	free(fcompany);

	f->title = workbook_add_format(x->wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->header = fmt(x->wb, 1, NULL, 1);
	format_set_text_wrap(f->header);
	format_set_bg_color(f->header, 0xD9D9D9);
	format_set_align(f->header, LXW_ALIGN_CENTER);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_CENTER);
	f->text = fmt(x->wb, 0, NULL, 1);
	format_set_text_wrap(f->text);
	/* numbers keep a blank as wide as ")" at their right, so that a
	 * right-aligned number never touches the next cell's text */
	f->integer = fmt(x->wb, 0, IBM_XLSX_PAD("0"), 1);
	f->decimal = fmt(x->wb, 0, IBM_XLSX_PAD("0.00"), 1);
	f->percent = fmt(x->wb, 0, IBM_XLSX_PAD("0.00%"), 1);
	f->date = fmt(x->wb, 0, "dd/mm/yyyy", 1);
	f->bold = fmt(x->wb, 1, NULL, 1);
	f->bold_int = fmt(x->wb, 1, IBM_XLSX_PAD("0"), 1);
	f->bold_dec = fmt(x->wb, 1, IBM_XLSX_PAD("0.00"), 1);
	return x;
}

void ibm_xlsx_close(ibm_xlsx *x)
{
	/* libxlsxwriter prints its own lines about a failure; the one
	 * message is ours, with the system's reason (a full disk) */
	int err;
	lxw_error e;

	ibm_stderr_mute();
	errno = 0;
	e = workbook_close(x->wb);
	err = errno;
	ibm_stderr_unmute();
	x->wb = NULL;
	if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	if (e != LXW_NO_ERROR) {
		const char *path = ibm_atomic_path(x->out);

		if (err && e != LXW_ERROR_CREATING_XLSX_FILE) {
			errno = err;
			ibm_die_errno(IBM_EX_IOERR, path, "write error");
		}
		ibm_die(e == LXW_ERROR_CREATING_XLSX_FILE ? IBM_EX_CANTCREAT
							   : IBM_EX_IOERR,
			path, 0, "cannot write workbook: %s", lxw_strerror(e));
	}
	ibm_atomic_finish(x->out);
	free(x->tmpdir);
	free(x);
}

/* ------------------------------------------------------ measuring text */

/*
 * Advance widths (1/1000 em) of ASCII 32..126 in Carlito, the font
 * metric-compatible with Calibri, the workbooks' font (LibreOffice
 * substitutes Carlito for it); other characters count as 0.55 em (Latin
 * letters with accents are about that wide), wide symbols as 0.8 em.
 */
static const unsigned short calibri_w[95] = {
	226, 325, 400, 498, 506, 714, 682, 220, 303, 303, 498, 498,
	249, 306, 252, 386, 506, 506, 506, 506, 506, 506, 506, 506,
	506, 506, 267, 267, 498, 498, 498, 463, 894, 578, 543, 533,
	615, 488, 459, 630, 623, 251, 318, 519, 420, 854, 645, 662,
	516, 672, 542, 459, 487, 641, 567, 889, 519, 487, 468, 306,
	386, 306, 498, 498, 291, 479, 525, 422, 525, 497, 305, 470,
	525, 229, 239, 454, 229, 798, 525, 527, 525, 525, 348, 391,
	334, 525, 451, 714, 433, 452, 395, 314, 460, 314, 498,
};
static const unsigned short calibri_bold_w[95] = {
	226, 325, 438, 498, 506, 729, 704, 233, 311, 311, 498, 498,
	257, 306, 267, 429, 506, 506, 506, 506, 506, 506, 506, 506,
	506, 506, 275, 275, 498, 498, 498, 463, 898, 605, 560, 529,
	630, 487, 458, 637, 630, 266, 331, 546, 422, 874, 658, 676,
	532, 686, 562, 472, 495, 652, 591, 906, 550, 519, 478, 324,
	429, 324, 498, 498, 300, 493, 536, 418, 536, 503, 316, 474,
	536, 245, 255, 479, 245, 813, 536, 537, 536, 536, 355, 398,
	346, 536, 473, 745, 459, 473, 397, 343, 475, 343, 498,
};

static double char_em(long cp, int bold)
{
	if (cp >= 32 && cp <= 126) {
		size_t i = (size_t)(cp - 32);

		return (bold ? calibri_bold_w[i] : calibri_w[i]) / 1000.0;
	}
	if (cp >= 0x2000)
		return 0.8;
	return 0.55;
}

double ibm_xlsx_text_pt(const char *s, double size, int bold)
{
	double best = 0, cur = 0;
	const char *e = s + strlen(s);

	while (s < e) {
		long cp = (unsigned char)*s < 0x80 ? (unsigned char)*s++
						   : ibm_utf8_next(&s, e);

		if (cp == '\n') {
			cur = 0;
			continue;
		}
		cur += char_em(cp, bold) * size;
		if (cur > best)
			best = cur;
	}
	return best;
}

/* Excel's column unit is the width of a digit of the default font
 * (Calibri 11: 7 pixels, 5.25 pt) plus 5 pixels of padding, which
 * libxlsxwriter adds to the width it stores; LibreOffice makes a unit of
 * that stored width 5.55 pt (measured: 10, 20 and 40 units print 55.5,
 * 111 and 222 pt). Pages are filled with the wider of the two. */
#define DIGIT_PT 5.25
#define LO_UNIT_PT 5.55

double ibm_xlsx_col_pt(double chars)
{
	double excel = (chars * 7 + 5) * 0.75,
	       lo = floor(chars * 7 + 0.5 + 5) / 7 * LO_UNIT_PT;

	return excel > lo ? excel : lo;
}

static double chars_of_pt(double pt)
{
	return pt / DIGIT_PT;
}

/*
 * Wrapped text is measured as Excel sets it, the narrower of the two
 * programs: its text area is the column less the padding, `chars` digits
 * of 7 pixels; on the screen (96 dpi, 100 %, the tightest of the usual
 * display scales) each character is its advance rounded to whole pixels
 * at size * 4/3 pixels per em, less one pixel for the cell's edge; on
 * paper the advances are not rounded. The lines are the more of the two.
 * LibreOffice's column is 5.7 % wider (LO_UNIT_PT against DIGIT_PT) for
 * the same text, so it never takes more lines (tests/lo_sheets.py checks
 * both: no row cut in LibreOffice, none made for fewer lines than
 * LibreOffice takes, none for more than one line beyond them).
 */
static int wrap(const char *s, const char *e, double avail, double size,
		int bold, int pixels)
{
	double line = 0, word = 0, space;
	int lines = 1;

	space = char_em(' ', bold) * size;
	if (pixels)
		space = floor(space + 0.5);
	while (s <= e) {
		long cp = s == e ? (s++, -2)
			: (unsigned char)*s < 0x80 ? (unsigned char)*s++
			: ibm_utf8_next(&s, e);
		double w;

		if (cp == ' ' || cp == '\n' || cp == -2) {
			/* place the word that ends here */
			if (word > 0) {
				if (line > 0 && line + space + word > avail) {
					lines++;
					line = 0;
				}
				if (line > 0)
					line += space;
				line += word;
				/* a word wider than the column breaks */
				while (line > avail && avail > 0) {
					lines++;
					line -= avail;
				}
			}
			word = 0;
			if (cp == '\n') {
				lines++;
				line = 0;
			}
			continue;
		}
		w = char_em(cp, bold) * size;
		word += pixels ? floor(w + 0.5) : w;
	}
	return lines;
}

int ibm_xlsx_wrap_lines(const char *s, double chars, double size, int bold)
{
	size_t len = strlen(s);
	double px = floor(chars * 7 + 0.5) - 1, pt = chars * DIGIT_PT;
	int screen, paper;

	/* fast path: no character is wider than 0.95 em per byte, rounded
	 * to pixels or not */
	if ((double)len * 0.95 * size <= pt - 2 && !memchr(s, '\n', len))
		return 1;
	screen = wrap(s, s + len, px, size * 4 / 3, bold, 1);
	paper = wrap(s, s + len, pt, size, bold, 0);
	return screen > paper ? screen : paper;
}

double ibm_xlsx_line_pt(double size)
{
	/* Excel's row of Calibri 11 is 15 pt */
	return size * 15.0 / 11.0;
}

static double fmt_size(const lxw_format *f)
{
	return f && f->font_size > 0 ? f->font_size : 11;
}

double ibm_xlsx_cell_pt(const char *s, double chars, const lxw_format *f)
{
	double size = fmt_size(f);
	int lines = f && f->text_wrap
		? ibm_xlsx_wrap_lines(s, chars, size, f->bold) : 1;

	return lines * ibm_xlsx_line_pt(size) + (lines > 1 ? 2 : 0);
}

/* ------------------------------------------------------- column widths */

void ibm_xlsx_widths_note_len(ibm_xlsx_widths *cw, size_t col, double chars)
{
	if (col >= cw->n) {
		ibm_grow((void **)&cw->w, &cw->cap, col + 1, sizeof *cw->w);
		for (size_t i = cw->n; i <= col; i++)
			cw->w[i] = 0;
		cw->n = col + 1;
	}
	if (chars > cw->w[col])
		cw->w[col] = chars;
}

void ibm_xlsx_widths_note(ibm_xlsx_widths *cw, size_t col, const char *s)
{
	/* the longest line of a wrapped text, in the default font */
	ibm_xlsx_widths_note_len(cw, col,
				 chars_of_pt(ibm_xlsx_text_pt(s, 11, 0)));
}

void ibm_xlsx_widths_note_fmt(ibm_xlsx_widths *cw, size_t col, const char *s,
			      const lxw_format *f)
{
	ibm_xlsx_widths_note_len(cw, col, chars_of_pt(ibm_xlsx_text_pt(
		s, fmt_size(f), f ? f->bold : 0)));
}

void ibm_xlsx_widths_note_words(ibm_xlsx_widths *cw, size_t col,
				const char *s, const lxw_format *f)
{
	/* the longest word: a wrapped text never breaks inside one */
	const char *p = s;
	char word[256];

	while (*p) {
		size_t n = strcspn(p, " \n/");

		if (p[n] == '/')
			n++;
		if (n >= sizeof word)
			n = sizeof word - 1;
		memcpy(word, p, n);
		word[n] = '\0';
		ibm_xlsx_widths_note_fmt(cw, col, word, f);
		p += n;
		while (*p == ' ' || *p == '\n')
			p++;
	}
}

void ibm_xlsx_widths_clamp(ibm_xlsx_widths *cw, double min, double max)
{
	for (size_t i = 0; i < cw->n; i++) {
		double w = cw->w[i] * 1.04 + 1.5;

		cw->w[i] = w < min ? min : w > max ? max : w;
	}
}

void ibm_xlsx_widths_set(ibm_xlsx_widths *cw, lxw_worksheet *ws)
{
	for (size_t i = 0; i < cw->n; i++)
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, cw->w[i],
				     NULL);
}

void ibm_xlsx_widths_free(ibm_xlsx_widths *cw)
{
	free(cw->w);
	cw->w = NULL;
	cw->n = cw->cap = 0;
}

void ibm_xlsx_widths_apply(ibm_xlsx_widths *cw, lxw_worksheet *ws,
			   double min, double max)
{
	ibm_xlsx_widths_clamp(cw, min, max);
	ibm_xlsx_widths_set(cw, ws);
	ibm_xlsx_widths_free(cw);
}

/* ----------------------------------------------------------- printing */

#define MARGIN_LR 0.4   /* inches */
#define MARGIN_TB 0.6
#define A4_W 595.28     /* points */
#define A4_H 841.89

void ibm_xlsx_print_setup(lxw_worksheet *ws, int landscape, int repeat_first,
			  int repeat_last)
{
	lxw_header_footer_options hf = { 0 };

	worksheet_set_paper(ws, 9); /* A4 */
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_margins(ws, MARGIN_LR, MARGIN_LR, MARGIN_TB, MARGIN_TB);
	if (repeat_first >= 0)
		worksheet_repeat_rows(ws, (lxw_row_t)repeat_first,
				      (lxw_row_t)repeat_last);
	hf.margin = 0.25;
	/* the footer's own size, so that print scaling keeps it readable */
	worksheet_set_footer_opt(ws, "&C&11Halaman &P dari &N", &hf);
}

double ibm_xlsx_page_pt(int landscape)
{
	return (landscape ? A4_H : A4_W) - 2 * MARGIN_LR * 72;
}

int ibm_xlsx_landscape(const double *w, size_t n)
{
	double total = 0;

	for (size_t i = 0; i < n; i++)
		total += ibm_xlsx_col_pt(w[i]);
	return total > ibm_xlsx_page_pt(0) * 0.99;
}

void ibm_xlsx_pages_init(ibm_xlsx_pages *p, int landscape, int scale,
			 double head)
{
	double page = (landscape ? A4_W : A4_H) - 2 * MARGIN_TB * 72;

	memset(p, 0, sizeof *p);
	p->room = page * 0.98 * 100 / (scale > 0 ? scale : 100) - head;
}

static void page_break(ibm_xlsx_pages *p, lxw_row_t row)
{
	if (p->n + 1 >= p->cap)
		ibm_grow((void **)&p->brk, &p->cap, p->n + 2, sizeof *p->brk);
	p->brk[p->n++] = row;
	p->used = 0;
	p->on_page = 0;
}

void ibm_xlsx_pages_row(ibm_xlsx_pages *p, lxw_row_t row, double h)
{
	if (p->on_page > 0 && p->used + h > p->room)
		page_break(p, row);
	p->used += h;
	p->on_page++;
	p->last[0] = p->last[1];
	p->last_h[0] = p->last_h[1];
	p->last[1] = row;
	p->last_h[1] = h;
}

void ibm_xlsx_pages_keep(ibm_xlsx_pages *p, double h)
{
	double two = p->last_h[0] + p->last_h[1];

	if (p->used + h <= p->room || p->on_page <= 2 || two + h > p->room)
		return;
	page_break(p, p->last[0]);
	p->used = two;
	p->on_page = 2;
}

void ibm_xlsx_pages_done(ibm_xlsx_pages *p, lxw_worksheet *ws)
{
	if (p->n > 0 && p->n < LXW_BREAKS_MAX) {
		p->brk[p->n] = 0;
		worksheet_set_h_pagebreaks(ws, p->brk);
	}
	free(p->brk);
	memset(p, 0, sizeof *p);
}

int ibm_xlsx_print_width(lxw_worksheet *ws, int landscape, const double *w,
			 size_t n, size_t id_cols, const unsigned char *block)
{
	/* the columns' widths are LibreOffice's own (the wider program's):
	 * a margin of 1 % */
	double page = ibm_xlsx_page_pt(landscape) * 0.99, total = 0, idw = 0;
	int scale;
	lxw_col_t *brk;
	size_t nb = 0, start;
	double used;

	for (size_t i = 0; i < n; i++) {
		total += ibm_xlsx_col_pt(w[i]);
		if (i < id_cols)
			idw += ibm_xlsx_col_pt(w[i]);
	}
	if (total <= page)
		return 100;
	scale = (int)(page / total * 100);
	if (scale >= IBM_XLSX_MIN_SCALE + 3) {
		/* the programs find the scale themselves, a few per cent
		 * from ours */
		worksheet_fit_to_pages(ws, 1, 0);
		return scale;
	}
	/* several pages wide at the smallest readable scale, the identifying
	 * columns repeated, breaking between blocks of related columns */
	scale = IBM_XLSX_MIN_SCALE;
	worksheet_set_print_scale(ws, (uint16_t)scale);
	page = page * 100 / scale;
	if (id_cols)
		worksheet_repeat_columns(ws, 0, (lxw_col_t)(id_cols - 1));
	brk = ibm_xcalloc(n + 1, sizeof *brk);
	start = id_cols;
	used = idw;
	for (size_t i = id_cols; i < n; i++) {
		double cwid = ibm_xlsx_col_pt(w[i]);

		if (used + cwid > page && i > start) {
			size_t at = i;

			/* back to the start of this block when it is not the
			 * first of the page and the page stays two-thirds
			 * full */
			if (block)
				for (size_t j = i; j > start; j--)
					if (block[j]) {
						double u = idw;

						for (size_t k = start; k < j; k++)
							u += ibm_xlsx_col_pt(w[k]);
						if (u >= page * 2 / 3)
							at = j;
						break;
					}
			brk[nb++] = (lxw_col_t)at;
			start = at;
			used = idw;
			for (size_t j = at; j < i; j++)
				used += ibm_xlsx_col_pt(w[j]);
		}
		used += cwid;
	}
	brk[nb] = 0;
	if (nb)
		worksheet_set_v_pagebreaks(ws, brk);
	free(brk);
	return scale;
}

void ibm_xlsx_header_row(ibm_xlsx *x, lxw_worksheet *ws, int row,
			 const char *const *names, size_t ncols,
			 ibm_xlsx_widths *cw)
{
	for (size_t c = 0; c < ncols; c++) {
		ibm_xlsx_write_string(ws, (lxw_row_t)row, (lxw_col_t)c,
				      names[c], x->fmt.header);
		if (cw)
			ibm_xlsx_widths_note(cw, c, names[c]);
	}
	worksheet_freeze_panes(ws, (lxw_row_t)(row + 1), 0);
}

/* Numbers that are identifiers stay text: a leading zero before a digit
 * ("0812..."), a leading '+' ("+62..."), or more digits than Excel keeps
 * (15; a 16-digit NIK would lose its last digit). */
static int looks_numeric(const char *s, double *v)
{
	size_t digits = 0;

	if (s[0] == '+' || (s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
		return 0;
	for (const char *p = s; *p; p++)
		digits += *p >= '0' && *p <= '9';
	if (digits > 15)
		return 0;
	return ibm_parse_number(s, v, 0) == 0;
}

void ibm_xlsx_write_cell(lxw_worksheet *ws, int row, int col, const char *s,
			 lxw_format *text, lxw_format *num)
{
	double v;

	if (looks_numeric(s, &v))
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v,
				       num);
	else if (*s)
		ibm_xlsx_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s,
				      text);
	else if (text)
		worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, text);
}

void ibm_xlsx_clamp(char *s)
{
	const char *p = s, *e = s + strlen(s);
	size_t n = 0;

	while (p < e && n < 32767) {
		ibm_utf8_next(&p, e);
		n++;
	}
	*(char *)p = '\0';
}

lxw_error ibm_xlsx_write_string(lxw_worksheet *ws, lxw_row_t row,
				lxw_col_t col, const char *s, lxw_format *f)
{
	char *fixed = s ? ibm_xml_fix(s) : NULL;
	lxw_error e;

	if (s && strlen(fixed ? fixed : s) > 32767) {
		/* libxlsxwriter writes nothing for a longer text */
		if (!fixed)
			fixed = ibm_xstrdup(s);
		ibm_xlsx_clamp(fixed);
	}
	e = worksheet_write_string(ws, row, col, fixed ? fixed : s, f);
	free(fixed);
	return e;
}

lxw_error ibm_xlsx_merge_range(lxw_worksheet *ws, lxw_row_t r1,
			       lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
			       const char *s, lxw_format *f)
{
	char *fixed = s ? ibm_xml_fix(s) : NULL;
	lxw_error e = worksheet_merge_range(ws, r1, c1, r2, c2,
					    fixed ? fixed : s, f);

	free(fixed);
	return e;
}
