/*
 * typeset.h - the letters' drawing and measuring (letters_pdf.c) for the
 * module's other documents (the Sprin, order.c): the same letterhead,
 * fonts, wrapping, signature block, Tembusan and table rows. Private to
 * lib/invite/.
 *
 * Positions are in points from the bottom left of an A4 page (the
 * INV_* margins of invite.h); y is the baseline of the last line drawn,
 * and each function moves it down, beginning a page when the room below
 * is too small. A recorder, when set, is told every text, line, box,
 * image and page as it is drawn, also when measuring: the HTML Sprin
 * places what the PDF draws, so that a browser prints the same pages.
 */
#ifndef IBM_INVITE_TYPESET_H
#define IBM_INVITE_TYPESET_H

#include "invite.h"

enum { INV_TS_PAGE, INV_TS_TEXT, INV_TS_LINE, INV_TS_BOX, INV_TS_IMAGE };
typedef struct inv_ts_op {
	int kind;
	int page;          /* 1, 2, ... */
	float x, y, w, h;  /* text: baseline at x, y; line: h 0 */
	int bold;
	float size;        /* text size; line width of a line or box */
	float ws;          /* extra space after each space (justified) */
	const char *text;  /* UTF-8, n bytes (not NUL-terminated) */
	size_t n;
} inv_ts_op;
typedef void (*inv_ts_recorder)(void *ctx, const inv_ts_op *op);

/* A PDF document (fonts and logo of the event file, title in its
 * information), saved by inv_ts_save through the run's outputs. For
 * measuring only, inv_typeset_new (invite.h): Times, nothing drawn. */
inv_typeset *inv_ts_open(const invite *iv, const char *title);
void inv_ts_save(inv_typeset *t, const char *path, inv_outs *outs);
void inv_ts_record(inv_typeset *t, inv_ts_recorder rec, void *ctx);

float inv_ts_y(const inv_typeset *t);
void inv_ts_set_y(inv_typeset *t, float y);
int inv_ts_page(const inv_typeset *t);   /* pages begun */
void inv_ts_new_page(inv_typeset *t);
void inv_ts_need(inv_typeset *t, float h);
/* Text at x on the current baseline (y is not moved). */
void inv_ts_put(inv_typeset *t, int bold, float size, float x,
		const char *s);
/* One line (align 0 left, 1 centred in [x, x1], 2 right to x1). */
void inv_ts_line(inv_typeset *t, int bold, float size, float lead, float x,
		 float x1, int align, const char *s);
/* A paragraph wrapped in [x, x1], the first line indented; justified
 * when justify is 1 (2: centred). Returns its lines; draw 0 measures. */
int inv_ts_para(inv_typeset *t, int bold, float size, float lead, float x,
		float x1, float indent, int justify, const char *s, int draw);
/* "Label : value", the value wrapped from vx to x1. */
void inv_ts_labelled(inv_typeset *t, float size, float lead, float lx,
		     float cx, float vx, float x1, const char *label,
		     const char *value);
void inv_ts_letterhead(inv_typeset *t);
/* The signatory block of the event file, right. */
void inv_ts_signature(inv_typeset *t);
/* "Tembusan:" and the copies, in two columns when one does not fit. */
void inv_ts_tembusan(inv_typeset *t, const inv_lines *copies);
/* A table row in the small size: columns of widths w from the left
 * margin, a cell's lines broken at '\n'; a row that does not fit begins
 * a page with the head row. */
void inv_ts_table_row(inv_typeset *t, size_t ncols, const float *w,
		      const char *const *head, const char *const *cells,
		      int is_head);

/* HTML (letters_html.c): n bytes of s with & < > " ' escaped; data in
 * base64. */
void inv_html_esc(FILE *fp, const char *s, size_t n);
void inv_html_base64(FILE *fp, const unsigned char *d, size_t n);

#endif
