/*
 * typeset.h - the office's paper: A4 documents set as PDF through
 * libharu, and as HTML that a browser prints on the same pages.
 *
 * Every letter-like document of ibmkit (invitation letters, the Sprin,
 * certificates, and what comes after them) is made of the same parts:
 * the office's letterhead, lines and wrapped paragraphs, "Label : value"
 * blocks, numbered items, tables whose rows continue on the next page
 * under a repeated head row, the signatory's block and the Tembusan.
 * They live here, once; a document module (lib/invite/, ...) decides
 * what goes where.
 *
 * The office (ts_office) is read from an event file's keys: instansi,
 * alamat, telepon, email, website, logo, font, font_bold, ttd_jabatan,
 * ttd_nama, ttd_pangkat, ttd_nip (ibm-invite(5)).
 *
 * A document (ts_doc) is drawn top down. Positions are in points from
 * the bottom left of an A4 page (the TS_* margins below); y is the
 * baseline of the last line drawn, and each function moves it down,
 * beginning a page when the room below is too small. A measuring
 * document (ts_measure) draws nothing: it lays out in Times, as a
 * browser prints the HTML. A recorder, when set, is told every text,
 * line, box, image and page as it is drawn, also when measuring: the
 * SVG pages (ts_svg_*) place what the PDF draws, so that a browser
 * prints the same pages.
 *
 * Text in the standard Times font is converted to Windows-1252
 * (WinAnsiEncoding); what it cannot show is refused before anything is
 * written (ts_check_text). With a TrueType font (font =) libharu's UTF-8
 * encoding is used. The creation date comes from SOURCE_DATE_EPOCH when
 * set; the same input gives the same bytes.
 */
#ifndef IBM_TYPESET_H
#define IBM_TYPESET_H

#include "event.h"
#include "ibmkit.h"

#include <stdio.h>

/* The page in points (A4 portrait): margins, the indent of the
 * signature block and of attachment headings from the left margin, the
 * body and small text sizes and their line heights. */
#define TS_PAGE_W 595.276f
#define TS_PAGE_H 841.89f
#define TS_MARGIN_LEFT 70.0f
#define TS_MARGIN_RIGHT 56.0f
#define TS_MARGIN_TOP 40.0f
#define TS_MARGIN_BOTTOM 56.0f
#define TS_INDENT_RIGHT 250.0f
#define TS_SIZE 12.0f
#define TS_LEAD 15.0f
#define TS_SMALL 10.5f
#define TS_SLEAD 13.0f
#define TS_LEFT TS_MARGIN_LEFT
#define TS_RIGHT (TS_PAGE_W - TS_MARGIN_RIGHT)
#define TS_TOP (TS_PAGE_H - TS_MARGIN_TOP)
#define TS_BOTTOM TS_MARGIN_BOTTOM

/* ------------------------------------------------------------ the office */

/* Who signs: the position's lines, name, rank and NIP. */
typedef struct ts_signer {
	ibm_strlist jabatan;
	const char *nama, *pangkat, *nip;
} ts_signer;

typedef struct ts_office {
	const ibm_event *kv;  /* where the keys were set (messages) */
	ibm_strlist kop;      /* the letterhead's lines (instansi, '|') */
	const char *alamat, *telepon, *email, *website;
	char *logo;           /* path, relative to the event file; or NULL */
	char *font, *font_bold; /* TrueType files; NULL: Times */
	ts_signer ttd;        /* the signatory (ttd_*) */
} ts_office;

/* The office's keys of an event file (none is required here; a
 * document that needs one checks it). Paths are resolved against the
 * event file's folder; a font file name alone that is not there is
 * looked for in the system's fonts folder. */
void ts_office_init(ts_office *o, const ibm_event *kv);
void ts_office_free(ts_office *o);
/* Where key was set, for messages: file and line (NULL/0 if absent). */
const char *ts_office_key_file(const ts_office *o, const char *key,
			       long *line);
/* The logo, read whole: 1 for PNG, 2 for JPEG. Dies 66 when it cannot
 * be read, 65 when it is neither (message at the logo key's line). */
int ts_logo_read(const ts_office *o, unsigned char **data, size_t *len);
/* Before anything is written: the fonts and the logo can be read, and
 * (in Times) the office's texts can be shown; dies 65/66/74 naming the
 * key. */
void ts_office_check(const ts_office *o);
/* In Times: s (field what of src:line) can be shown, else die 65 naming
 * the character and saying to set a TrueType font. Nothing with a
 * TrueType font. */
void ts_check_text(const ts_office *o, const char *src, long line,
		   const char *what, const char *s);

/* UTF-8 to Windows-1252 (WinAnsiEncoding); tabs and line ends become
 * spaces. A malloc'd string, or NULL with *bad set to the first code
 * point it cannot show. */
char *ts_to_cp1252(const char *s, long *bad);
/* The same into out (strlen(s) + 1 bytes), '?' for what it cannot show
 * (*bad set to the first such code point, else left alone). */
void ts_to_cp1252_lossy(char *out, const char *s, long *bad);

/* ---------------------------------------------------------- a document */

typedef struct ts_doc ts_doc;

/* A PDF to draw on, in the office's fonts and with its logo; title in
 * the document's information. */
ts_doc *ts_open(const ts_office *o, const char *title);
/* Before the first page: the document will hold n letters, certificates
 * or list rows; from 1,000 on its pages go into a page tree, so that it
 * may have any number of pages (libharu's flat list stops at 32,767).
 * Each page of a PDF is held in memory until ts_save. */
void ts_expect_items(ts_doc *d, size_t n);
/* A document that only measures and lays out, in Times (HTML). */
ts_doc *ts_measure(const ts_office *o);
/* Write the PDF (one empty A4 page when nothing was drawn) to a new
 * output file of the run and free the document. */
ibm_atomic *ts_save(ts_doc *d, const char *path);
void ts_free(ts_doc *d);

/* What is drawn, as it is drawn. */
enum { TS_OP_PAGE, TS_OP_TEXT, TS_OP_LINE, TS_OP_BOX, TS_OP_IMAGE };
typedef struct ts_op {
	int kind;
	int page;          /* 1, 2, ... */
	float x, y, w, h;  /* text: baseline at x, y; line: h 0 */
	int bold;
	float size;        /* text size; line width of a line or box */
	float ws;          /* extra space after each space (justified) */
	const char *text;  /* UTF-8, n bytes (not NUL-terminated) */
	size_t n;
} ts_op;
typedef void (*ts_recorder)(void *ctx, const ts_op *op);
void ts_record(ts_doc *d, ts_recorder rec, void *ctx);

float ts_y(const ts_doc *d);
void ts_set_y(ts_doc *d, float y);
int ts_page(const ts_doc *d);   /* pages begun */
void ts_new_page(ts_doc *d);
/* The pages begun from now on are A4 landscape (1) or portrait (0, the
 * default); the recorder is told each page's size. The right edge of the
 * text and the top of a page's text for them (TS_RIGHT and TS_TOP in
 * portrait). */
void ts_landscape(ts_doc *d, int landscape);
float ts_right(const ts_doc *d);
float ts_top(const ts_doc *d);
/* Begin a page when less than h points are left above the margin. */
void ts_need(ts_doc *d, float h);
/* Lay out without drawing (dry 1: pages are only counted) or draw again
 * (0), to measure what is to come on the document itself; returns the
 * mode it had. A measuring document never draws. */
int ts_set_dry(ts_doc *d, int dry);

/* The width of s (points). */
float ts_width(ts_doc *d, int bold, float size, const char *s);
/* s as it wraps in size points, the first line w1 wide and the others
 * w, lines separated by '\n'; malloc'd. */
char *ts_lines(ts_doc *d, int bold, float size, float w1, float w,
	       const char *s);

/* Text at x on the current baseline (y is not moved). */
void ts_put(ts_doc *d, int bold, float size, float x, const char *s);
/* One line (align 0 left, 1 centred in [x, x1], 2 right to x1); a
 * centred line too wide for its room is set smaller. */
void ts_line(ts_doc *d, int bold, float size, float lead, float x,
	     float x1, int align, const char *s);
/* A paragraph wrapped in [x, x1], the first line indented; justified
 * when justify is 1 (the last line is not; 2: centred; 3: set to the
 * right). Returns its lines; draw 0 only measures. */
int ts_para(ts_doc *d, int bold, float size, float lead, float x,
	    float x1, float indent, int justify, const char *s, int draw);
/* "Label : value" (label at lx, colon at cx), the value wrapped from vx
 * to x1, bold when vbold. */
void ts_labelled(ts_doc *d, float size, float lead, float lx, float cx,
		 float vx, float x1, const char *label, const char *value,
		 int vbold);
/* A horizontal rule across the text width at y. */
void ts_rule(ts_doc *d, float y, float w);
/* A numbered item in the small size with a hanging indent: the number
 * ("no.") right-aligned before x0 + numw, the text wrapped in
 * [x0 + numw, x1]. Returns its lines; draw 0 only measures. */
int ts_item(ts_doc *d, float x0, float x1, float numw, size_t no,
	    const char *s, int draw);

/* The office's letterhead: logo, its lines centred, address, double
 * rule. */
void ts_letterhead(ts_doc *d);
/* A signature block centred in [x0, x1]: position, room to sign, the
 * name underlined, rank, "NIP. ..."; kept on one page. */
void ts_sign(ts_doc *d, float x0, float x1, const ts_signer *s);
/* The office's signatory on the right. */
void ts_signature(ts_doc *d);
/* n signature blocks side by side in equal columns across the text
 * width (the column left empty where s[i] is NULL), their tops aligned
 * and kept on one page: each block's caption lines first (captions[i],
 * lines split at '\n', not bold; captions or captions[i] NULL: none),
 * then as ts_sign. y ends under the tallest. room (NULL: not asked)
 * gets the top of each block's room to sign, TS_SIGN_ROOM high (where
 * a stamp goes). */
#define TS_SIGN_ROOM 52.0f
void ts_signs(ts_doc *d, size_t n, const char *const *captions,
	      const ts_signer *const *s, float *room);
/* The height ts_signs takes (to keep what it signs with it). */
float ts_signs_height(size_t n, const char *const *captions,
		      const ts_signer *const *s);

/* The height of a signature block (with the line before it): of s, or
 * of the office's signatory when s is NULL. */
float ts_sign_height(const ts_doc *d, const ts_signer *s);

/*
 * A signature never stands on a page without the text it signs. A
 * document keeps its closing lines with the signature: before them,
 * ts_keep(d, h) with h the height of the closing lines and everything
 * that must stay on their page (ts_height, ts_sign_height) begins a
 * page when they do not fit in what is left of this one. Returns 1 when
 * it began a page.
 *
 * Pages that continue a letter (begun because the text did not fit,
 * after ts_letterhead and before the next ts_new_page) are numbered
 * "- 2 -", "- 3 -" at the top centre, as Tata Naskah Dinas writes.
 */
int ts_keep(ts_doc *d, float h);
/* A table followed by a signature keeps its last rows with it: before
 * the first of them, with h the height of those rows and of what
 * follows (ts_table_row_height, ts_sign_height), 1 when they do not fit
 * in what is left of the page and would on a new one; that row is then
 * set with TS_ROW_BREAK (it begins a page, under the head repeated). */
int ts_keep_rows(const ts_doc *d, float h);
/* The height fn(d, ctx) takes when set from the top of a page (on a
 * longer run, the pages' full heights plus the last one's): laid out,
 * nothing drawn nor told to the recorder; y and the page are kept. */
float ts_height(ts_doc *d, void (*fn)(ts_doc *d, void *ctx), void *ctx);

/* "Tembusan:" and the copies (set once by ts_set_copies, measured once
 * for all the letters that show them), in two columns when one does not
 * fit the page; when two do not fit either, continued in two columns
 * on the pages that follow ("- 2 -", "Tembusan lanjutan:"). *two and
 * *half (may be NULL): the columns chosen and the first copy of the
 * right column on the first page. */
void ts_set_copies(ts_doc *d, const ibm_strlist *copies);
void ts_tembusan(ts_doc *d, int *two, size_t *half);
/* The pages of the last Tembusan set: copies [first, end) on each, the
 * right column from half (end in one column). */
typedef struct ts_copy_page {
	size_t first, half, end;
} ts_copy_page;
size_t ts_tembusan_pages(const ts_doc *d, const ts_copy_page **pages);

/* A table row in the small size: ncols columns of widths w from the
 * left margin, boxed. A row that does not fit begins a page, where the
 * head row is repeated first. Flags: TS_ROW_HEAD (the head row, bold),
 * TS_ROW_LINES (a cell's lines break at '\n'), TS_ROW_BREAK (a page is
 * begun before the row, to keep the last rows with what follows them),
 * TS_ROW_BOLD (a row in bold: totals). Returns 1 when the row began a
 * page, else 0. */
enum { TS_ROW_HEAD = 1, TS_ROW_LINES = 2, TS_ROW_BREAK = 4,
       TS_ROW_BOLD = 8 };
int ts_table_row(ts_doc *d, size_t ncols, const float *w,
		 const char *const *head, const char *const *cells,
		 int flags);
/* The height of such a row (TS_ROW_BREAK: a page begun before it, the
 * head repeated, to keep the last rows with what follows). */
float ts_table_row_height(ts_doc *d, size_t ncols, const float *w,
			  const char *const *cells, int flags);

/*
 * The same with what a table of figures needs: columns aligned (the
 * numbers to the right), cells joined, and running totals carried from
 * page to page as payment lists have them. A table has at most
 * TS_TABLE_MAX columns.
 *
 * carry (NULL: none) fills the cells (ncols, each "" at first; NULL
 * joins a cell to the one on its left) of the row set in bold at the
 * foot of a page the table leaves (where TS_CARRY_FOOT: "Jumlah
 * dipindahkan") and under the repeated head row on the next page
 * (TS_CARRY_TOP: "Jumlah pindahan"), with the totals of the rows put so
 * far; room for the foot row is kept under every row.
 */
#define TS_TABLE_MAX 24
enum { TS_ALIGN_LEFT, TS_ALIGN_CENTRE, TS_ALIGN_RIGHT };
enum { TS_CARRY_FOOT, TS_CARRY_TOP };
typedef struct ts_table {
	size_t ncols;
	const float *w;              /* column widths from the left margin */
	const char *const *head;     /* the head row, repeated on each page */
	const unsigned char *align;  /* each column's TS_ALIGN_* (NULL:
					left); the head row's: head_align */
	int flags;                   /* TS_ROW_LINES for every row */
	void (*carry)(void *ctx, int where, const char **cells);
	void *ctx;
	const unsigned char *head_align;
	float row_h;                 /* other rows at least this tall (room
					to sign); 0: as their text */
} ts_table;
/* A row of t: cells[c] (NULL: joined to the cell on its left), aligned
 * as align says (NULL: as the columns); flags TS_ROW_HEAD, TS_ROW_BOLD.
 * A row that does not fit begins a page: the carried row at the foot,
 * then the head row and the carried row at the top of the new page.
 * Returns 1 when it began a page. */
int ts_table_put(ts_doc *d, const ts_table *t, const char *const *cells,
		 const unsigned char *align, int flags);
/* The height of such a row (flags TS_ROW_HEAD, TS_ROW_BOLD). */
float ts_table_height(ts_doc *d, const ts_table *t,
		      const char *const *cells, int flags);

/* Drawing at fixed places (the certificates): a new page w x h points,
 * text at x, y, a rectangle, a horizontal line, the logo. The rectangle
 * and the line are told to the recorder too, and drawn only when the
 * document draws. */
void ts_page_size(ts_doc *d, float w, float h);
void ts_text(ts_doc *d, int bold, float size, float x, float y,
	     const char *s);
void ts_rect(ts_doc *d, float x, float y, float w, float h, float lw);
void ts_hline(ts_doc *d, float x0, float x1, float y, float lw);
void ts_logo(ts_doc *d, float x, float y, float w, float h);
/* The logo's size in pixels (loaded on first use): 0 without one. */
int ts_logo_size(ts_doc *d, float *w, float *h);

/* ---------------------------------------------------------------- HTML */

/* n bytes of s with & < > " ' escaped. */
void ts_html_esc(FILE *fp, const char *s, size_t n);
void ts_html_base64(FILE *fp, const unsigned char *d, size_t n);
/* The office's logo as a data: URI head ("data:image/png;base64,") and
 * its bytes; NULL head and data without a logo. */
const char *ts_html_logo(const ts_office *o, unsigned char **data,
			 size_t *len);

/* A document printed as SVG pages, one A4 page each, that a browser
 * prints as the PDF: ts_svg_begin writes the HTML head (title escaped),
 * ts_svg_op is the recorder to give a measuring document (ts_record),
 * ts_svg_end closes the page and the HTML. */
typedef struct ts_svg {
	FILE *fp;
	int page;          /* open page, 0: none */
	float ph;          /* its height (points) */
	const char *logo;  /* data: URI head, NULL without a logo */
	unsigned char *data;
	size_t len;
} ts_svg;
void ts_svg_begin(ts_svg *s, FILE *fp, const ts_office *o,
		  const char *title);
void ts_svg_op(void *ctx, const ts_op *op);
void ts_svg_end(ts_svg *s);

/* A document that fn(d, ctx) lays out, written to a new output file of
 * the run: as PDF, or as the same pages in HTML (measured in Times and
 * recorded as SVG pages). */
ibm_atomic *ts_write_pdf(const ts_office *o, const char *path,
			 const char *title, void (*fn)(ts_doc *d, void *ctx),
			 void *ctx);
ibm_atomic *ts_write_html(const ts_office *o, const char *path,
			  const char *title,
			  void (*fn)(ts_doc *d, void *ctx), void *ctx);

#endif
