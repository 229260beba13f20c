/*
 * docx.h - a small writer of Word documents (Office Open XML
 * WordprocessingML, .docx) over libzip.
 *
 * The document is built in memory, part by part: paragraphs, runs,
 * tables, inline images and native bar charts go to the current part (the
 * body, or the first-page header while docx_header_begin is in force).
 * docx_save writes the package through the atomic-output path with fixed
 * zip timestamps and a fixed order of parts, so that the same calls give a
 * byte-identical file. Styles (docx_save's own, or an office's reference
 * document) are referred to by style id: Title, Heading1, Heading2,
 * BodyText, ListText, TableText, Caption, NoSpacing, TableGrid.
 */
#ifndef IBM_DOCX_H
#define IBM_DOCX_H

#include <stddef.h>

typedef struct docx docx;

/* Run and cell flags. */
enum {
	DOCX_BOLD = 1,
	DOCX_ITALIC = 2,
	DOCX_UNDERLINE = 4,
	DOCX_LEFT = 0,
	DOCX_CENTER = 8,
	DOCX_RIGHT = 16,
	DOCX_JUSTIFY = 32,
	DOCX_SHADE = 64,      /* cell: grey fill */
	DOCX_SMALL = 128,     /* run/cell: 9 pt */
	DOCX_KEEP_NEXT = 256  /* paragraph: keep with the next one */
};

/* Page size and margins in twentieths of a point (1 cm = 567). */
#define DOCX_CM(x) ((int)((x) * 567.0 + 0.5))
/* English Metric Units for drawings (1 cm = 360000). */
#define DOCX_EMU_CM(x) ((long)((x) * 360000.0 + 0.5))

docx *docx_new(void);
void docx_free(docx *d);

/* A4 portrait with margins (top, right, bottom, left) in twips. */
void docx_margins(docx *d, int top, int right, int bottom, int left);
/* Width of the text column in twips (A4 width minus margins) in the
 * current section. */
int docx_text_width(const docx *d);
/* End the current section; the next one starts on a new page, in
 * landscape or portrait. */
void docx_section(docx *d, int landscape);
int docx_landscape(const docx *d);

/* Paragraphs: style id (NULL: BodyText), flags DOCX_CENTER ... and
 * indentation in twips (left, hanging; 0 for none). */
void docx_p_begin(docx *d, const char *style, int flags, int left,
		  int hanging);
/* A run of UTF-8 text: '\t' is a tab, '\n' a line break; of a size in
 * half-points (0: the paragraph's). */
void docx_run(docx *d, const char *text, int flags);
void docx_run_size(docx *d, const char *text, int flags, int half_points);
void docx_p_end(docx *d);
/* A whole paragraph of one run. */
void docx_p(docx *d, const char *style, int flags, const char *text);
/*
 * Word numbering (numbering.xml), so that the numbers follow when people
 * add or remove paragraphs: the headings (list 0: level 0 "A.", level 1
 * "1." under each) and lists made by docx_list_new ("a." or "1)", each
 * from 1). docx_number_next numbers the next paragraph begun, at level.
 */
enum { DOCX_LIST_LETTER = 1, DOCX_LIST_NUMBER = 2 };
int docx_list_new(docx *d, int kind);
void docx_number_next(docx *d, int list, int level);
/* A page break (its own paragraph). */
void docx_page_break(docx *d);
/* A paragraph with a thick-thin line under it (the letterhead's rule). */
void docx_rule(docx *d);

/* Tables: widths of the columns in twips; borders (1) or none (0). */
void docx_table_begin(docx *d, size_t ncols, const int *widths, int borders);
/* Indent the next table from the left margin (twips). */
void docx_table_indent(docx *d, int indent);
/* A row, never split across pages; header rows repeat at the top of
 * every page, and keep with the first row after them and that with the
 * second (their paragraphs keep with the next). */
void docx_row_begin(docx *d, int header);
/* A cell of one paragraph of text (flags: DOCX_BOLD, DOCX_CENTER,
 * DOCX_RIGHT, DOCX_SHADE, DOCX_SMALL); span > 1 merges columns. */
void docx_cell(docx *d, const char *text, int flags);
void docx_cell_span(docx *d, const char *text, int flags, int span);
/* A cell whose content the caller writes (paragraphs, images). */
void docx_cell_begin(docx *d, int flags);
void docx_cell_end(docx *d);
void docx_row_end(docx *d);
void docx_table_end(docx *d);

/* Image headers: 1 PNG, 2 JPEG with the size in pixels; 0 when the
 * bytes are neither (or their size cannot be read). */
int docx_image_info(const unsigned char *data, size_t len, long *w, long *h);
/* Add an image to the package from memory (copied) or from a file that
 * is read at docx_save; returns its id for docx_image. type: 1 PNG,
 * 2 JPEG. */
int docx_image_add_mem(docx *d, const unsigned char *data, size_t len,
		       int type);
int docx_image_add_file(docx *d, const char *path, int type);
/* An inline image (in the current paragraph) of cx x cy EMU. */
void docx_image(docx *d, int id, long cx, long cy, const char *descr);

/* A native column chart (DrawingML chart part), inline in the current
 * paragraph: ncat categories, nser series of values[ser][cat]. */
typedef struct docx_chart {
	const char *title;
	const char *const *cats;
	size_t ncat;
	const char *const *sers;
	size_t nser;
	const double *const *values;
	const char *num_format;  /* data labels, e.g. "0.0"; NULL: none */
	const char *const *const *labels; /* or the labels' texts
					     [ser][cat] (decimal comma) */
	const char *axis_title;  /* value axis; NULL: none */
	double axis_max;         /* 0: automatic */
	int stacked;
} docx_chart;
void docx_chart_bar(docx *d, const docx_chart *c, long cx, long cy);

/* Content written between these goes to the first page's header
 * instead of the body (the letterhead). */
void docx_header_begin(docx *d);
void docx_header_end(docx *d);

/* Page numbers in the footer: "Halaman N dari M" when with_total, else
 * "- N -". */
void docx_footer_page_numbers(docx *d, int with_total);

typedef struct docx_props {
	const char *title;
	const char *subject;
	const char *creator;
	long long time;          /* seconds since the epoch */
	const char *lang;        /* "id-ID" */
	const char *reference;   /* a .docx whose styles (and header) to take */
} docx_props;

/* The parts of docx_save that read a reference document's XML (exposed
 * for the tests): its styles with ours added where it lacks them (NULL
 * when it has no </w:styles>), and the target of its header
 * ("header2.xml", *first set for a first-page header) or NULL. Both
 * malloc'd. */
char *docx_styles_merge(const char *styles);
char *docx_ref_header(const char *document, const char *rels, int *first);

/* A part of a reference document, as docx_save writes it. */
typedef struct docx_ref_part {
	char *name;              /* in the package: "word/media/logo.png" */
	char *data;              /* NUL-terminated; NULL when absent */
	size_t len;
} docx_ref_part;

/* What docx_save takes from a reference document. */
typedef struct docx_ref {
	char *styles;            /* its styles, ours added */
	char *numbering;         /* word/numbering.xml as it is, or NULL */
	docx_ref_part theme, fonts;
	char *header_target;     /* "header2.xml", or NULL: no header */
	int header_first;        /* a first-page header (1 when none) */
	docx_ref_part header;    /* as word/header1.xml */
	char *header_rels;       /* its relationships, or NULL */
	docx_ref_part *parts;    /* the parts they name, each once */
	size_t nparts, partcap;
	size_t total;            /* bytes read, all parts */
} docx_ref;

/*
 * Read the reference document at PATH (or in memory) into *r, bounded
 * (each part 64 MiB, all 128 MiB, 500 times its compressed size above
 * 1 MiB; less in the fuzzing build). Returns 0, or an exit status (66
 * cannot open, 65 not a Word document or over a bound) with the reason
 * in why and nothing to free. docx_ref_free frees a read one.
 */
int docx_ref_read(docx_ref *r, const char *path, char *why, size_t whysize);
int docx_ref_read_mem(docx_ref *r, const void *data, size_t size,
		      char *why, size_t whysize);
void docx_ref_free(docx_ref *r);

/*
 * Write the package to PATH through the atomic-output path. A reference
 * document that cannot be opened dies with 66, one that is not a Word
 * document with 65; write errors die with 73/74.
 */
void docx_save(docx *d, const char *path, const docx_props *p);

#endif
