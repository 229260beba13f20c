/* xlsxwrite.c - helpers over libxlsxwriter: atomic workbooks, shared formats,
 * fitted column widths, print setup. */
#define _POSIX_C_SOURCE 200809L
#include "ibmkit.h"
#include "port.h"

#include <errno.h>
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
	props.title = (char *)(title ? title : "");
	props.author = (char *)"ibmkit " IBMKIT_VERSION;
	props.company = (char *)(company ? company : "");
	props.created = (time_t)ibm_build_time();
	workbook_set_properties(x->wb, &props);

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
	f->integer = fmt(x->wb, 0, "0", 1);
	f->decimal = fmt(x->wb, 0, "0.00", 1);
	f->percent = fmt(x->wb, 0, "0.0%", 1);
	f->date = fmt(x->wb, 0, "dd/mm/yyyy", 1);
	f->bold = fmt(x->wb, 1, NULL, 1);
	f->bold_int = fmt(x->wb, 1, "0", 1);
	f->bold_dec = fmt(x->wb, 1, "0.00", 1);
	return x;
}

void ibm_xlsx_close(ibm_xlsx *x)
{
	lxw_error e = workbook_close(x->wb);

	x->wb = NULL;
	if (e != LXW_NO_ERROR) {
		const char *path = ibm_atomic_path(x->out);

		ibm_die(e == LXW_ERROR_CREATING_XLSX_FILE ? IBM_EX_CANTCREAT
							   : IBM_EX_IOERR,
			path, 0, "cannot write workbook: %s", lxw_strerror(e));
	}
	ibm_atomic_commit(x->out);
	free(x->tmpdir);
	free(x);
}

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
	/* the longest line of a wrapped text */
	size_t best = 0, cur = 0;
	const char *e = s + strlen(s);

	while (s < e) {
		long cp = ibm_utf8_next(&s, e);

		if (cp == '\n') {
			cur = 0;
			continue;
		}
		if (++cur > best)
			best = cur;
	}
	ibm_xlsx_widths_note_len(cw, col, (double)best);
}

void ibm_xlsx_widths_apply(ibm_xlsx_widths *cw, lxw_worksheet *ws,
			   double min, double max)
{
	for (size_t i = 0; i < cw->n; i++) {
		double w = cw->w[i] * 1.1 + 2;

		if (w < min)
			w = min;
		if (w > max)
			w = max;
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, w, NULL);
	}
	free(cw->w);
	cw->w = NULL;
	cw->n = cw->cap = 0;
}

void ibm_xlsx_print_setup(lxw_worksheet *ws, int landscape, int repeat_first,
			  int repeat_last)
{
	worksheet_set_paper(ws, 9); /* A4 */
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
	if (repeat_first >= 0)
		worksheet_repeat_rows(ws, (lxw_row_t)repeat_first,
				      (lxw_row_t)repeat_last);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_footer(ws, "&CHalaman &P dari &N");
}

void ibm_xlsx_header_row(ibm_xlsx *x, lxw_worksheet *ws, int row,
			 const char *const *names, size_t ncols,
			 ibm_xlsx_widths *cw)
{
	for (size_t c = 0; c < ncols; c++) {
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)c,
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
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s,
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
