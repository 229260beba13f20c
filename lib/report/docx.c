/* docx.c - a small writer of Word documents over libzip (see docx.h). */
#include "docx.h"
#include "ibmkit.h"
#include "port.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

/* ------------------------------------------------------ string builder */

/* A string, or the document's body: that one (spill set) goes to a
 * scratch file as it grows, all but its last bytes, so that memory
 * holds SPILL_AT bytes of it whatever its length. */
typedef struct sb {
	char *s;
	size_t n, cap;
	int spill;       /* may go to a file */
	FILE *fp;        /* the file, once it has */
	size_t out;      /* the bytes before s, in the file */
} sb;

#define SPILL_AT ((size_t)1 << 20)
#define SPILL_KEEP 16 /* kept in memory: the end is looked at */

static void sb_spill(sb *b)
{
	size_t k = b->n - SPILL_KEEP;

	if (!b->fp) {
		const char *dir;
		int fd = ibm_scratch_fd("docx", &dir);

		if (fd < 0 || !(b->fp = fdopen(fd, "w+b")))
			ibm_die_errno(IBM_EX_CANTCREAT, dir, "cannot make a "
				      "temporary file for the document");
	}
	if (fwrite(b->s, 1, k, b->fp) != k)
		ibm_die_errno(IBM_EX_IOERR, NULL, "cannot write the "
			      "document to a temporary file");
	memmove(b->s, b->s + k, SPILL_KEEP + 1);
	b->n = SPILL_KEEP;
	b->out += k;
}

static void sb_add(sb *b, const char *s, size_t n)
{
	ibm_grow((void **)&b->s, &b->cap, b->n + n + 1, 1);
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
	if (b->spill && b->n > SPILL_AT)
		sb_spill(b);
}

static void sb_puts(sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void sb_printf(sb *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void sb_printf(sb *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	ibm_grow((void **)&b->s, &b->cap, b->n + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
	if (b->spill && b->n > SPILL_AT)
		sb_spill(b);
}

static void sb_put(void *b, const char *s, size_t n)
{
	sb_add(b, s, n);
}

/* XML text: escaped, and a character XML 1.0 does not allow (or a byte
 * that is not UTF-8, as in a photo's file name) shows as U+FFFD. */
static void sb_xml(sb *b, const char *s)
{
	ibm_xml_text(s, strlen(s), 1, sb_put, b);
}

/* ---------------------------------------------------------------- parts */

typedef struct rel {
	int id;            /* rIdN */
	const char *type;  /* relationship type (short name) */
	char *target;
} rel;

typedef struct part {
	sb xml;
	rel *rels;
	size_t nrels, relcap;
	int next_id;
} part;

typedef struct media {
	char *name;        /* "media/ibmkit-image1.png" */
	unsigned char *data;
	size_t len;
	char *path;        /* read at save time when data is NULL */
} media;

struct docx {
	part body, header, footer;
	part *cur;
	media *media;
	size_t nmedia, mediacap;
	char **charts;
	size_t ncharts, chartcap;
	int docpr;
	int margin[4];
	int has_footer;
	/* table state */
	int *colw;
	size_t ncols, col;
	int tbl_borders;
	int tbl_indent;       /* of the next table */
	int keep_first;       /* the next row is the first after the head */
	int row_keep;         /* this row's paragraphs keep with the next */
	/* Word numbering: the kind of each list (DOCX_LIST_*), whether the
	 * headings are numbered, the numbering of the next paragraph */
	unsigned char *lists;
	size_t nlists, listcap;
	int headings;
	int num_next, lvl_next;
	/* section breaks: where in the body, and the orientation of the
	 * section they end */
	size_t *sect_at;
	int *sect_land;
	size_t nsect, sectcap;
	int landscape;        /* of the current section */
};

static const char NS_W[] =
	"xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
	"main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/"
	"2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/"
	"drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas."
	"openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://"
	"schemas.openxmlformats.org/drawingml/2006/picture\"";
static const char REL_NS[] =
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships";
static const char XML_DECL[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

static int part_rel(part *p, const char *type, const char *target)
{
	for (size_t i = 0; i < p->nrels; i++)
		if (strcmp(p->rels[i].type, type) == 0 &&
		    strcmp(p->rels[i].target, target) == 0)
			return p->rels[i].id;
	ibm_grow((void **)&p->rels, &p->relcap, p->nrels + 1, sizeof *p->rels);
	p->rels[p->nrels].id = ++p->next_id;
	p->rels[p->nrels].type = type;
	p->rels[p->nrels].target = ibm_xstrdup(target);
	return p->rels[p->nrels++].id;
}

static void part_free(part *p)
{
	free(p->xml.s);
	if (p->xml.fp)
		fclose(p->xml.fp);
	for (size_t i = 0; i < p->nrels; i++)
		free(p->rels[i].target);
	free(p->rels);
}

docx *docx_new(void)
{
	docx *d = ibm_xcalloc(1, sizeof *d);

	d->cur = &d->body;
	d->body.xml.spill = 1;
	/* rId1..rId9 of the document are kept for the fixed parts */
	d->body.next_id = 9;
	docx_margins(d, DOCX_CM(2), DOCX_CM(2), DOCX_CM(2), DOCX_CM(3));
	return d;
}

void docx_free(docx *d)
{
	if (!d)
		return;
	part_free(&d->body);
	part_free(&d->header);
	part_free(&d->footer);
	for (size_t i = 0; i < d->nmedia; i++) {
		free(d->media[i].name);
		free(d->media[i].data);
		free(d->media[i].path);
	}
	free(d->media);
	for (size_t i = 0; i < d->ncharts; i++)
		free(d->charts[i]);
	free(d->charts);
	free(d->colw);
	free(d->sect_at);
	free(d->sect_land);
	free(d->lists);
	free(d);
}

void docx_margins(docx *d, int top, int right, int bottom, int left)
{
	d->margin[0] = top;
	d->margin[1] = right;
	d->margin[2] = bottom;
	d->margin[3] = left;
}

int docx_text_width(const docx *d)
{
	return (d->landscape ? 16838 : 11906) - d->margin[1] - d->margin[3];
}

void docx_section(docx *d, int landscape)
{
	size_t c = d->sectcap;

	ibm_grow((void **)&d->sect_at, &c, d->nsect + 1, sizeof *d->sect_at);
	ibm_grow((void **)&d->sect_land, &d->sectcap, d->nsect + 1,
		 sizeof *d->sect_land);
	d->sect_at[d->nsect] = d->body.xml.out + d->body.xml.n;
	d->sect_land[d->nsect++] = d->landscape;
	d->landscape = landscape;
}

int docx_landscape(const docx *d)
{
	return d->landscape;
}

/* ----------------------------------------------------------- paragraphs */

/* Word numbering: numId NUM_BASE the headings, NUM_BASE + k the k-th
 * list; abstractNumId NUM_BASE + kind (0 the headings), ids well above
 * those of an office's reference document. */
#define NUM_BASE 9000

int docx_list_new(docx *d, int kind)
{
	ibm_grow((void **)&d->lists, &d->listcap, d->nlists + 1,
		 sizeof *d->lists);
	d->lists[d->nlists++] = (unsigned char)kind;
	return (int)d->nlists;
}

void docx_number_next(docx *d, int list, int level)
{
	if (list == 0)
		d->headings = 1;
	d->num_next = NUM_BASE + list;
	d->lvl_next = level;
}

static void ppr(sb *b, const char *style, int flags, int left, int hanging,
		int num, int lvl)
{
	sb_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>",
		  style ? style : "BodyText");
	if (flags & DOCX_KEEP_NEXT)
		sb_puts(b, "<w:keepNext/>");
	if (num)
		sb_printf(b, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId "
			  "w:val=\"%d\"/></w:numPr>", lvl, num);
	if (left || hanging)
		sb_printf(b, "<w:ind w:left=\"%d\" w:hanging=\"%d\"/>", left,
			  hanging);
	if (flags & DOCX_CENTER)
		sb_puts(b, "<w:jc w:val=\"center\"/>");
	else if (flags & DOCX_RIGHT)
		sb_puts(b, "<w:jc w:val=\"right\"/>");
	else if (flags & DOCX_JUSTIFY)
		sb_puts(b, "<w:jc w:val=\"both\"/>");
	sb_puts(b, "</w:pPr>");
}

void docx_p_begin(docx *d, const char *style, int flags, int left,
		  int hanging)
{
	ppr(&d->cur->xml, style, flags | (d->row_keep ? DOCX_KEEP_NEXT : 0),
	    left, hanging, d->num_next, d->lvl_next);
	d->num_next = 0;
}

void docx_run(docx *d, const char *text, int flags)
{
	docx_run_size(d, text, flags, 0);
}

void docx_run_size(docx *d, const char *text, int flags, int half_points)
{
	sb *b = &d->cur->xml;
	const char *p = text;

	if (flags & DOCX_SMALL && !half_points)
		half_points = 18;
	sb_puts(b, "<w:r>");
	if (flags & (DOCX_BOLD | DOCX_ITALIC | DOCX_UNDERLINE) ||
	    half_points) {
		sb_puts(b, "<w:rPr>");
		/* in the schema's order: b, i, sz, u */
		if (flags & DOCX_BOLD)
			sb_puts(b, "<w:b/>");
		if (flags & DOCX_ITALIC)
			sb_puts(b, "<w:i/>");
		if (half_points)
			sb_printf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>",
				  half_points, half_points);
		if (flags & DOCX_UNDERLINE)
			sb_puts(b, "<w:u w:val=\"single\"/>");
		sb_puts(b, "</w:rPr>");
	}
	while (*p) {
		size_t n = strcspn(p, "\t\n");

		if (n) {
			char *t = ibm_xstrndup(p, n);

			sb_puts(b, "<w:t xml:space=\"preserve\">");
			sb_xml(b, t);
			sb_puts(b, "</w:t>");
			free(t);
			p += n;
		}
		if (*p == '\t')
			sb_puts(b, "<w:tab/>");
		else if (*p == '\n')
			sb_puts(b, "<w:br/>");
		if (*p)
			p++;
	}
	sb_puts(b, "</w:r>");
}

void docx_p_end(docx *d)
{
	sb_puts(&d->cur->xml, "</w:p>");
}

void docx_p(docx *d, const char *style, int flags, const char *text)
{
	docx_p_begin(d, style, flags, 0, 0);
	if (text && *text)
		docx_run(d, text, flags);
	docx_p_end(d);
}

void docx_page_break(docx *d)
{
	sb_puts(&d->cur->xml,
		"<w:p><w:pPr><w:pStyle w:val=\"NoSpacing\"/></w:pPr>"
		"<w:r><w:br w:type=\"page\"/></w:r></w:p>");
}

void docx_rule(docx *d)
{
	sb_puts(&d->cur->xml,
		"<w:p><w:pPr><w:pStyle w:val=\"NoSpacing\"/><w:pBdr>"
		"<w:bottom w:val=\"thickThinSmallGap\" w:sz=\"24\" "
		"w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
		"<w:rPr><w:sz w:val=\"8\"/></w:rPr></w:pPr></w:p>");
}

/* --------------------------------------------------------------- tables */

void docx_table_begin(docx *d, size_t ncols, const int *widths, int borders)
{
	sb *b = &d->cur->xml;
	int total = 0;

	free(d->colw);
	d->colw = ibm_xmalloc(ncols * sizeof *d->colw);
	memcpy(d->colw, widths, ncols * sizeof *d->colw);
	d->ncols = ncols;
	d->tbl_borders = borders;
	d->keep_first = 0;
	for (size_t i = 0; i < ncols; i++)
		total += widths[i];
	sb_printf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"%s\"/>"
		  "<w:tblW w:w=\"%d\" w:type=\"dxa\"/>",
		  borders ? "TableGrid" : "TableNormal", total);
	if (d->tbl_indent)
		sb_printf(b, "<w:tblInd w:w=\"%d\" w:type=\"dxa\"/>",
			  d->tbl_indent);
	d->tbl_indent = 0;
	if (!borders)
		sb_puts(b, "<w:tblBorders><w:top w:val=\"nil\"/>"
			"<w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
			"<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/>"
			"<w:insideV w:val=\"nil\"/></w:tblBorders>");
	sb_puts(b, "<w:tblLayout w:type=\"fixed\"/>"
		"<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" "
		"w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" "
		"w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
	for (size_t i = 0; i < ncols; i++)
		sb_printf(b, "<w:gridCol w:w=\"%d\"/>", widths[i]);
	sb_puts(b, "</w:tblGrid>");
}

void docx_table_indent(docx *d, int indent)
{
	d->tbl_indent = indent;
}

void docx_row_begin(docx *d, int header)
{
	sb *b = &d->cur->xml;

	d->col = 0;
	sb_puts(b, "<w:tr><w:trPr><w:cantSplit/>");
	if (header)
		sb_puts(b, "<w:tblHeader/>");
	sb_puts(b, "</w:trPr>");
	/* the head rows and the first row after them keep with the next
	 * row: a page never ends under the head or one row */
	d->row_keep = header || d->keep_first;
	d->keep_first = header;
}

static void cell_open(docx *d, int flags, int span)
{
	sb *b = &d->cur->xml;
	int w = 0;

	for (int i = 0; i < span && d->col < d->ncols; i++)
		w += d->colw[d->col++];
	sb_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w);
	if (span > 1)
		sb_printf(b, "<w:gridSpan w:val=\"%d\"/>", span);
	if (flags & DOCX_SHADE)
		sb_puts(b, "<w:shd w:val=\"clear\" w:color=\"auto\" "
			"w:fill=\"D9D9D9\"/>");
	sb_puts(b, "<w:vAlign w:val=\"center\"/></w:tcPr>");
}

void docx_cell_span(docx *d, const char *text, int flags, int span)
{
	cell_open(d, flags, span);
	docx_p_begin(d, "TableText", flags & (DOCX_CENTER | DOCX_RIGHT), 0, 0);
	if (text && *text)
		docx_run(d, text, flags);
	docx_p_end(d);
	sb_puts(&d->cur->xml, "</w:tc>");
}

void docx_cell(docx *d, const char *text, int flags)
{
	docx_cell_span(d, text, flags, 1);
}

void docx_cell_begin(docx *d, int flags)
{
	cell_open(d, flags, 1);
}

void docx_cell_end(docx *d)
{
	sb_puts(&d->cur->xml, "</w:tc>");
}

void docx_row_end(docx *d)
{
	/* a row must hold as many grid columns as the table has */
	while (d->col < d->ncols)
		docx_cell(d, "", 0);
	sb_puts(&d->cur->xml, "</w:tr>");
	d->row_keep = 0;
}

void docx_table_end(docx *d)
{
	sb_puts(&d->cur->xml, "</w:tbl>");
}

/* --------------------------------------------------------------- images */

static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

int docx_image_info(const unsigned char *p, size_t len, long *w, long *h)
{
	size_t i;

	if (len >= 24 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0 &&
	    memcmp(p + 12, "IHDR", 4) == 0) {
		unsigned long pw = be32(p + 16), ph = be32(p + 20);

		if (pw == 0 || ph == 0 || pw > 1000000 || ph > 1000000)
			return 0;
		*w = (long)pw;
		*h = (long)ph;
		return 1;
	}
	if (len < 4 || p[0] != 0xFF || p[1] != 0xD8)
		return 0;
	/* JPEG: walk the segments to a start-of-frame marker */
	i = 2;
	while (i + 4 <= len) {
		unsigned m;
		size_t seglen;

		if (p[i] != 0xFF)
			return 0;
		while (i < len && p[i] == 0xFF)
			i++;
		if (i >= len)
			return 0;
		m = p[i++];
		if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7))
			continue; /* markers without a length */
		if (m == 0xD9 || m == 0xDA || i + 2 > len)
			return 0;
		seglen = (size_t)p[i] << 8 | p[i + 1];
		if (seglen < 2 || i + seglen > len)
			return 0;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
		    m != 0xCC) {
			long hh, ww;

			if (seglen < 7)
				return 0;
			hh = (long)p[i + 3] << 8 | p[i + 4];
			ww = (long)p[i + 5] << 8 | p[i + 6];
			if (ww == 0 || hh == 0)
				return 0;
			*w = ww;
			*h = hh;
			return 2;
		}
		i += seglen;
	}
	return 0;
}

static int media_new(docx *d, int type)
{
	media *m;
	char name[64];

	ibm_grow((void **)&d->media, &d->mediacap, d->nmedia + 1,
		 sizeof *d->media);
	m = &d->media[d->nmedia];
	memset(m, 0, sizeof *m);
	snprintf(name, sizeof name, "media/ibmkit-image%zu.%s", d->nmedia + 1,
		 type == 1 ? "png" : "jpeg");
	m->name = ibm_xstrdup(name);
	return (int)d->nmedia++;
}

int docx_image_add_mem(docx *d, const unsigned char *data, size_t len,
		       int type)
{
	int id = media_new(d, type);

	d->media[id].data = ibm_xmalloc(len ? len : 1);
	memcpy(d->media[id].data, data, len);
	d->media[id].len = len;
	return id;
}

int docx_image_add_file(docx *d, const char *path, int type)
{
	int id = media_new(d, type);

	d->media[id].path = ibm_xstrdup(path);
	return id;
}

static const char REL_IMAGE[] = "image";
static const char REL_CHART[] = "chart";

void docx_image(docx *d, int id, long cx, long cy, const char *descr)
{
	sb *b = &d->cur->xml;
	int rid = part_rel(d->cur, REL_IMAGE, d->media[id].name);
	int n = ++d->docpr;

	sb_printf(b, "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" "
		  "distL=\"0\" distR=\"0\"><wp:extent cx=\"%ld\" cy=\"%ld\"/>"
		  "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
		  "<wp:docPr id=\"%d\" name=\"Gambar %d\" descr=\"",
		  cx, cy, n, n);
	sb_xml(b, descr ? descr : "");
	sb_printf(b, "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks "
		  "noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic>"
		  "<a:graphicData uri=\"http://schemas.openxmlformats.org/"
		  "drawingml/2006/picture\"><pic:pic><pic:nvPicPr>"
		  "<pic:cNvPr id=\"%d\" name=\"", n);
	sb_xml(b, descr ? descr : "");
	sb_printf(b, "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>"
		  "<a:blip r:embed=\"rId%d\"/><a:stretch><a:fillRect/>"
		  "</a:stretch></pic:blipFill><pic:spPr><a:xfrm>"
		  "<a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/>"
		  "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
		  "</pic:spPr></pic:pic></a:graphicData></a:graphic>"
		  "</wp:inline></w:drawing></w:r>", rid, cx, cy);
}

/* --------------------------------------------------------------- charts */

static const char *const chart_colors[] = {
	"4472C4", "ED7D31", "70AD47", "FFC000", "5B9BD5", "A5A5A5"
};

static void col_name(char *buf, size_t n)
{
	/* spreadsheet column letters of a 0-based index */
	char tmp[8];
	size_t k = 0;

	n++;
	while (n && k < sizeof tmp) {
		tmp[k++] = (char)('A' + (n - 1) % 26);
		n = (n - 1) / 26;
	}
	for (size_t i = 0; i < k; i++)
		buf[i] = tmp[k - 1 - i];
	buf[k] = '\0';
}

static void chart_text(sb *b, const char *text, int size, int bold)
{
	sb_printf(b, "<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
		  "<a:defRPr sz=\"%d\" b=\"%d\"/></a:pPr><a:r><a:rPr "
		  "lang=\"id-ID\" sz=\"%d\" b=\"%d\"/><a:t>", size, bold, size,
		  bold);
	sb_xml(b, text);
	sb_puts(b, "</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/>");
}

static char *chart_xml(const docx_chart *c)
{
	sb b = { 0 };
	char col[8], num[64];

	sb_puts(&b, XML_DECL);
	sb_printf(&b, "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats."
		  "org/drawingml/2006/chart\" xmlns:a=\"http://schemas."
		  "openxmlformats.org/drawingml/2006/main\" xmlns:r=\"%s\">"
		  "<c:lang val=\"id-ID\"/><c:roundedCorners val=\"0\"/>"
		  "<c:chart>", REL_NS);
	if (c->title) {
		sb_puts(&b, "<c:title>");
		chart_text(&b, c->title, 1200, 1);
		sb_puts(&b, "</c:title>");
	}
	sb_printf(&b, "<c:autoTitleDeleted val=\"%d\"/><c:plotArea><c:layout/>"
		  "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"%s\"/>"
		  "<c:varyColors val=\"0\"/>", c->title ? 0 : 1,
		  c->stacked ? "stacked" : "clustered");
	for (size_t s = 0; s < c->nser; s++) {
		col_name(col, s + 1);
		sb_printf(&b, "<c:ser><c:idx val=\"%zu\"/><c:order val=\"%zu\"/>"
			  "<c:tx><c:strRef><c:f>Sheet1!$%s$1</c:f><c:strCache>"
			  "<c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>", s, s,
			  col);
		sb_xml(&b, c->sers[s]);
		sb_printf(&b, "</c:v></c:pt></c:strCache></c:strRef></c:tx>"
			  "<c:spPr><a:solidFill><a:srgbClr val=\"%s\"/>"
			  "</a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>",
			  chart_colors[s % 6]);
		if (c->labels || c->num_format) {
			sb_puts(&b, "<c:dLbls>");
			for (size_t k = 0; c->labels && k < c->ncat; k++) {
				sb_printf(&b, "<c:dLbl><c:idx val=\"%zu\"/>"
					  "<c:tx><c:rich><a:bodyPr/><a:lstStyle/>"
					  "<a:p><a:r><a:rPr lang=\"id-ID\" "
					  "sz=\"1000\"/><a:t>", k);
				sb_xml(&b, c->labels[s][k]);
				sb_printf(&b, "</a:t></a:r></a:p></c:rich></c:tx>"
					  "<c:dLblPos val=\"%s\"/>"
					  "<c:showLegendKey val=\"0\"/>"
					  "<c:showVal val=\"1\"/>"
					  "<c:showCatName val=\"0\"/>"
					  "<c:showSerName val=\"0\"/>"
					  "<c:showPercent val=\"0\"/>"
					  "<c:showBubbleSize val=\"0\"/>"
					  "</c:dLbl>", c->stacked ? "ctr" :
					  "outEnd");
			}
			sb_puts(&b, "<c:numFmt formatCode=\"");
			sb_xml(&b, c->num_format ? c->num_format : "General");
			sb_printf(&b, "\" sourceLinked=\"0\"/><c:spPr><a:noFill/>"
				  "<a:ln><a:noFill/></a:ln></c:spPr><c:txPr>"
				  "<a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
				  "<a:defRPr sz=\"1000\"/></a:pPr>"
				  "<a:endParaRPr lang=\"id-ID\"/></a:p></c:txPr>"
				  "<c:dLblPos val=\"%s\"/>"
				  "<c:showLegendKey val=\"0\"/>"
				  "<c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
				  "<c:showSerName val=\"0\"/>"
				  "<c:showPercent val=\"0\"/>"
				  "<c:showBubbleSize val=\"0\"/></c:dLbls>",
				  c->stacked ? "ctr" : "outEnd");
		}
		sb_printf(&b, "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$%zu</c:f>"
			  "<c:strCache><c:ptCount val=\"%zu\"/>", c->ncat + 1,
			  c->ncat);
		for (size_t k = 0; k < c->ncat; k++) {
			sb_printf(&b, "<c:pt idx=\"%zu\"><c:v>", k);
			sb_xml(&b, c->cats[k]);
			sb_puts(&b, "</c:v></c:pt>");
		}
		sb_printf(&b, "</c:strCache></c:strRef></c:cat><c:val><c:numRef>"
			  "<c:f>Sheet1!$%s$2:$%s$%zu</c:f><c:numCache>"
			  "<c:formatCode>General</c:formatCode>"
			  "<c:ptCount val=\"%zu\"/>", col, col, c->ncat + 1,
			  c->ncat);
		for (size_t k = 0; k < c->ncat; k++)
			sb_printf(&b, "<c:pt idx=\"%zu\"><c:v>%s</c:v></c:pt>",
				  k, ibm_fmt_num(num, sizeof num,
						 c->values[s][k], 6, '.'));
		sb_puts(&b, "</c:numCache></c:numRef></c:val></c:ser>");
	}
	sb_printf(&b, "<c:gapWidth val=\"80\"/>%s<c:axId val=\"50010\"/>"
		  "<c:axId val=\"50020\"/></c:barChart>",
		  c->stacked ? "<c:overlap val=\"100\"/>" : "");
	sb_puts(&b, "<c:catAx><c:axId val=\"50010\"/><c:scaling>"
		"<c:orientation val=\"minMax\"/></c:scaling>"
		"<c:delete val=\"0\"/><c:axPos val=\"b\"/>"
		"<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
		"<c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>"
		"<c:tickLblPos val=\"nextTo\"/><c:txPr><a:bodyPr/><a:lstStyle/>"
		"<a:p><a:pPr><a:defRPr sz=\"1000\"/></a:pPr>"
		"<a:endParaRPr lang=\"id-ID\"/></a:p></c:txPr>"
		"<c:crossAx val=\"50020\"/><c:crosses val=\"autoZero\"/>"
		"<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/>"
		"<c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/>"
		"</c:catAx><c:valAx><c:axId val=\"50020\"/><c:scaling>"
		"<c:orientation val=\"minMax\"/>");
	if (c->axis_max > 0)
		sb_printf(&b, "<c:max val=\"%s\"/>",
			  ibm_fmt_num(num, sizeof num, c->axis_max, 6, '.'));
	sb_puts(&b, "<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/>"
		"<c:axPos val=\"l\"/><c:majorGridlines><c:spPr><a:ln w=\"3175\">"
		"<a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln>"
		"</c:spPr></c:majorGridlines>");
	if (c->axis_title) {
		sb_puts(&b, "<c:title>");
		chart_text(&b, c->axis_title, 1000, 0);
		sb_puts(&b, "</c:title>");
	}
	sb_puts(&b, "<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
		"<c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>"
		"<c:tickLblPos val=\"nextTo\"/><c:txPr><a:bodyPr/><a:lstStyle/>"
		"<a:p><a:pPr><a:defRPr sz=\"1000\"/></a:pPr>"
		"<a:endParaRPr lang=\"id-ID\"/></a:p></c:txPr>"
		"<c:crossAx val=\"50010\"/><c:crosses val=\"autoZero\"/>"
		"<c:crossBetween val=\"between\"/></c:valAx>"
		"<c:spPr><a:noFill/></c:spPr></c:plotArea>");
	if (c->nser > 1)
		sb_puts(&b, "<c:legend><c:legendPos val=\"b\"/>"
			"<c:overlay val=\"0\"/></c:legend>");
	sb_puts(&b, "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/>"
		"</c:chart><c:spPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/>"
		"</a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>"
		"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr "
		"sz=\"1000\"><a:latin typeface=\"Arial\"/></a:defRPr></a:pPr>"
		"<a:endParaRPr lang=\"id-ID\"/></a:p></c:txPr></c:chartSpace>");
	return b.s;
}

void docx_chart_bar(docx *d, const docx_chart *c, long cx, long cy)
{
	sb *b = &d->cur->xml;
	char target[48];
	int rid, n = ++d->docpr;

	ibm_grow((void **)&d->charts, &d->chartcap, d->ncharts + 1,
		 sizeof *d->charts);
	d->charts[d->ncharts++] = chart_xml(c);
	snprintf(target, sizeof target, "charts/chart%zu.xml", d->ncharts);
	rid = part_rel(d->cur, REL_CHART, target);
	sb_printf(b, "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" "
		  "distL=\"0\" distR=\"0\"><wp:extent cx=\"%ld\" cy=\"%ld\"/>"
		  "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
		  "<wp:docPr id=\"%d\" name=\"Grafik %d\"/>"
		  "<wp:cNvGraphicFramePr/><a:graphic><a:graphicData "
		  "uri=\"http://schemas.openxmlformats.org/drawingml/2006/"
		  "chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/"
		  "drawingml/2006/chart\" r:id=\"rId%d\"/></a:graphicData>"
		  "</a:graphic></wp:inline></w:drawing></w:r>", cx, cy, n, n,
		  rid);
}

/* ------------------------------------------------------ header, footer */

void docx_header_begin(docx *d)
{
	d->cur = &d->header;
}

void docx_header_end(docx *d)
{
	d->cur = &d->body;
}

void docx_footer_page_numbers(docx *d, int with_total)
{
	sb *b = &d->footer.xml;

	d->has_footer = 1;
	b->n = 0;
	sb_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
		"<w:jc w:val=\"center\"/></w:pPr>");
	sb_puts(b, with_total ? "<w:r><w:t xml:space=\"preserve\">Halaman "
		"</w:t></w:r>" : "<w:r><w:t xml:space=\"preserve\">- </w:t>"
		"</w:r>");
	sb_puts(b, "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r>"
		"</w:fldSimple>");
	if (with_total)
		sb_puts(b, "<w:r><w:t xml:space=\"preserve\"> dari </w:t>"
			"</w:r><w:fldSimple w:instr=\" NUMPAGES \"><w:r>"
			"<w:t>1</w:t></w:r></w:fldSimple>");
	else
		sb_puts(b, "<w:r><w:t xml:space=\"preserve\"> -</w:t></w:r>");
	sb_puts(b, "</w:p>");
}

/* --------------------------------------------------------------- styles */

/* Our styles, by id; each is added to a reference document's styles
 * when that lacks it. */
static const struct {
	const char *id, *xml;
} our_styles[] = {
	{ "Normal", "<w:style w:type=\"paragraph\" w:default=\"1\" "
	  "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
	  "<w:pPr><w:spacing w:after=\"0\" w:line=\"276\" "
	  "w:lineRule=\"auto\"/></w:pPr></w:style>" },
	{ "BodyText", "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\">"
	  "<w:name w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/>"
	  "<w:qFormat/><w:pPr><w:spacing w:after=\"120\" w:line=\"312\" "
	  "w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:style>" },
	{ "ListText", "<w:style w:type=\"paragraph\" w:styleId=\"ListText\">"
	  "<w:name w:val=\"List Text\"/><w:basedOn w:val=\"BodyText\"/>"
	  "<w:pPr><w:spacing w:after=\"60\"/></w:pPr></w:style>" },
	{ "Title", "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
	  "<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
	  "<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/>"
	  "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr>"
	  "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"
	  "</w:rPr></w:style>" },
	{ "Heading1", "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
	  "<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
	  "<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/>"
	  "<w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/>"
	  "<w:ind w:left=\"425\" w:hanging=\"425\"/>"
	  "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:bCs/>"
	  "</w:rPr></w:style>" },
	{ "Heading2", "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">"
	  "<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
	  "<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/>"
	  "<w:keepLines/><w:spacing w:before=\"120\" w:after=\"60\"/>"
	  "<w:ind w:left=\"851\" w:hanging=\"426\"/>"
	  "<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:bCs/>"
	  "</w:rPr></w:style>" },
	{ "TableText", "<w:style w:type=\"paragraph\" w:styleId=\"TableText\">"
	  "<w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
	  "<w:pPr><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" "
	  "w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/>"
	  "<w:szCs w:val=\"20\"/></w:rPr></w:style>" },
	{ "Caption", "<w:style w:type=\"paragraph\" w:styleId=\"Caption\">"
	  "<w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/>"
	  "<w:next w:val=\"BodyText\"/><w:qFormat/><w:pPr><w:keepNext/>"
	  "<w:spacing w:before=\"120\" w:after=\"120\"/>"
	  "<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/>"
	  "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>" },
	{ "NoSpacing", "<w:style w:type=\"paragraph\" w:styleId=\"NoSpacing\">"
	  "<w:name w:val=\"No Spacing\"/><w:basedOn w:val=\"Normal\"/>"
	  "<w:qFormat/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
	  "w:lineRule=\"auto\"/></w:pPr></w:style>" },
	{ "Header", "<w:style w:type=\"paragraph\" w:styleId=\"Header\">"
	  "<w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
	  "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
	  "w:lineRule=\"auto\"/></w:pPr></w:style>" },
	{ "Footer", "<w:style w:type=\"paragraph\" w:styleId=\"Footer\">"
	  "<w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
	  "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr>"
	  "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>" },
	{ "TableNormal", "<w:style w:type=\"table\" w:default=\"1\" "
	  "w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
	  "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr>"
	  "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	  "<w:top w:w=\"0\" w:type=\"dxa\"/>"
	  "<w:left w:w=\"108\" w:type=\"dxa\"/>"
	  "<w:bottom w:w=\"0\" w:type=\"dxa\"/>"
	  "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	  "</w:style>" },
	{ "TableGrid", "<w:style w:type=\"table\" w:styleId=\"TableGrid\">"
	  "<w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
	  "<w:tblPr><w:tblBorders>"
	  "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	  "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	  "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	  "w:color=\"000000\"/>"
	  "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	  "w:color=\"000000\"/>"
	  "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	  "w:color=\"000000\"/>"
	  "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	  "w:color=\"000000\"/></w:tblBorders><w:tblCellMar>"
	  "<w:left w:w=\"85\" w:type=\"dxa\"/>"
	  "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
	  "</w:style>" },
};

static char *styles_xml(const char *lang)
{
	sb b = { 0 };

	sb_puts(&b, XML_DECL);
	sb_printf(&b, "<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr>"
		  "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" "
		  "w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
		  "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
		  "<w:lang w:val=\"%s\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>"
		  "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>",
		  NS_W, lang);
	for (size_t i = 0; i < sizeof our_styles / sizeof our_styles[0]; i++)
		sb_puts(&b, our_styles[i].xml);
	sb_puts(&b, "</w:styles>");
	return b.s;
}

/* A reference document's styles with ours added where it lacks them. */
char *docx_styles_merge(const char *ref)
{
	sb b = { 0 };
	const char *end = strstr(ref, "</w:styles>");

	if (!end)
		return NULL;
	sb_add(&b, ref, (size_t)(end - ref));
	for (size_t i = 0; i < sizeof our_styles / sizeof our_styles[0];
	     i++) {
		char key[64];

		snprintf(key, sizeof key, "w:styleId=\"%s\"", our_styles[i].id);
		if (!strstr(ref, key))
			sb_puts(&b, our_styles[i].xml);
	}
	sb_puts(&b, end);
	return b.s;
}

/* ------------------------------------------------------------- package */

typedef struct entry {
	char *name;
	char *data;      /* owned; NULL for a file */
	size_t len;
	const char *path;
	FILE *fp;        /* or an open scratch file (libzip closes it) */
	int store;       /* no compression (images) */
} entry;

typedef struct pkg {
	entry *e;
	size_t n, cap;
	sb types;        /* Override lines of [Content_Types].xml */
	sb defaults;     /* Default lines */
} pkg;

static void pkg_add(pkg *p, const char *name, char *data, size_t len,
		    const char *path, int store)
{
	ibm_grow((void **)&p->e, &p->cap, p->n + 1, sizeof *p->e);
	p->e[p->n].name = ibm_xstrdup(name);
	p->e[p->n].data = data;
	p->e[p->n].len = len;
	p->e[p->n].path = path;
	p->e[p->n].fp = NULL;
	p->e[p->n].store = store;
	p->n++;
}

static void pkg_text(pkg *p, const char *name, char *xml, const char *ctype)
{
	pkg_add(p, name, xml, strlen(xml), NULL, 0);
	if (ctype)
		sb_printf(&p->types, "<Override PartName=\"/%s\" "
			  "ContentType=\"%s\"/>", name, ctype);
}

static void pkg_default(pkg *p, const char *ext)
{
	static const struct { const char *ext, *type; } types[] = {
		{ "png", "image/png" }, { "jpeg", "image/jpeg" },
		{ "jpg", "image/jpeg" }, { "gif", "image/gif" },
		{ "emf", "image/x-emf" }, { "wmf", "image/x-wmf" },
		{ "bmp", "image/bmp" }, { "tif", "image/tiff" },
		{ "tiff", "image/tiff" }, { "svg", "image/svg+xml" },
	};
	char key[64];

	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		if (ibm_casecmp(ext, types[i].ext) != 0)
			continue;
		snprintf(key, sizeof key, "Extension=\"%s\"", ext);
		if (p->defaults.s && strstr(p->defaults.s, key))
			return;
		sb_printf(&p->defaults, "<Default Extension=\"%s\" "
			  "ContentType=\"%s\"/>", ext, types[i].type);
		return;
	}
}

static const char *rel_type_uri(const char *t)
{
	static char buf[160];

	snprintf(buf, sizeof buf, "%s/%s", REL_NS, t);
	return buf;
}

static char *rels_xml(const part *p, const char *fixed)
{
	sb b = { 0 };

	sb_puts(&b, XML_DECL);
	sb_puts(&b, "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/relationships\">");
	if (fixed)
		sb_puts(&b, fixed);
	for (size_t i = 0; i < p->nrels; i++)
		sb_printf(&b, "<Relationship Id=\"rId%d\" Type=\"%s\" "
			  "Target=\"%s\"/>", p->rels[i].id,
			  rel_type_uri(p->rels[i].type), p->rels[i].target);
	sb_puts(&b, "</Relationships>");
	return b.s;
}

static char *part_xml(const part *p, const char *tag)
{
	sb b = { 0 };

	sb_puts(&b, XML_DECL);
	sb_printf(&b, "<w:%s %s>", tag, NS_W);
	if (strcmp(tag, "document") == 0)
		sb_puts(&b, "<w:body>");
	if (p->xml.s)
		sb_puts(&b, p->xml.s);
	else
		sb_puts(&b, "<w:p/>");
	if (strcmp(tag, "document") == 0)
		sb_puts(&b, "</w:body>");
	sb_printf(&b, "</w:%s>", tag);
	return b.s;
}

/* ----------------------------------------------------- reference docx */

/* Bounds on a hostile reference (ibm-report(1)): each part, all of them,
 * and how much a part may expand (as the workbook reader's). The fuzzing
 * build (make fuzz) has them small enough for an input of 16 KiB to
 * reach them. */
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
#define REF_PART_MAX ((zip_uint64_t)64 << 20)
#define REF_TOTAL_MAX ((size_t)128 << 20)
#define REF_RATIO_FREE ((zip_uint64_t)1 << 20)
#else
#define REF_PART_MAX ((zip_uint64_t)64 << 10)
#define REF_TOTAL_MAX ((size_t)256 << 10)
#define REF_RATIO_FREE ((zip_uint64_t)16384)
#endif
#define REF_RATIO_MAX 500

/* The reader's state: the archive, the bytes read from it, and the first
 * error (its status; its message in why). */
typedef struct refrd {
	zip_t *z;
	size_t total;
	int status;
	char *why;
	size_t whysize;
} refrd;

static void ref_fail(refrd *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void ref_fail(refrd *r, int status, const char *fmt, ...)
{
	va_list ap;

	if (r->status)
		return;
	r->status = status;
	va_start(ap, fmt);
	vsnprintf(r->why, r->whysize, fmt, ap);
	va_end(ap);
}

/* An entry of the reference read whole (NUL-terminated), or NULL: absent,
 * or an error (r->status set). */
static char *ref_read(refrd *r, const char *name, size_t *len)
{
	zip_stat_t st;
	zip_file_t *f;
	char *buf;
	zip_int64_t k;

	if (r->status || zip_stat(r->z, name, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE))
		return NULL;
	if (st.size > REF_PART_MAX) {
		ref_fail(r, IBM_EX_DATAERR, "%s is too large", name);
		return NULL;
	}
	if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > REF_RATIO_FREE &&
	    st.size / REF_RATIO_MAX > st.comp_size) {
		ref_fail(r, IBM_EX_DATAERR, "%s expands %llu times (a zip "
			 "bomb?); not read", name,
			 (unsigned long long)(st.size / (st.comp_size + 1)));
		return NULL;
	}
	if (st.size > REF_TOTAL_MAX - r->total) {
		char lim[32];

		ref_fail(r, IBM_EX_DATAERR, "the parts used add up to more "
			 "than %s (the limit)",
			 ibm_size_text(lim, sizeof lim, REF_TOTAL_MAX));
		return NULL;
	}
	r->total += (size_t)st.size;
	f = zip_fopen(r->z, name, 0);
	if (!f) {
		ref_fail(r, IBM_EX_DATAERR, "cannot read %s: %s", name,
			 zip_strerror(r->z));
		return NULL;
	}
	buf = ibm_xmalloc((size_t)st.size + 1);
	k = zip_fread(f, buf, st.size);
	zip_fclose(f);
	if (k < 0 || (zip_uint64_t)k != st.size) {
		free(buf);
		ref_fail(r, IBM_EX_DATAERR, "cannot read %s", name);
		return NULL;
	}
	buf[st.size] = '\0';
	if (len)
		*len = (size_t)st.size;
	return buf;
}

/* A part read into p (name: its name in the package); 1 when present. */
static int ref_part(refrd *r, docx_ref_part *p, const char *from,
		    const char *to)
{
	p->data = ref_read(r, from, &p->len);
	if (!p->data)
		return 0;
	p->name = ibm_xstrdup(to);
	return 1;
}

/* The first s within [p, end), or NULL: a search bounded by the tag, so
 * that a part of many tags is read once, not once a tag. */
static const char *find_in(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	for (; p + n <= end; p++)
		if (*p == *s && memcmp(p, s, n) == 0)
			return p;
	return NULL;
}

/* Where the value of attribute ATTR (e.g. "r:id=\"") starts within the
 * tag at p (its length in *len), or NULL. */
static const char *attr_at(const char *p, const char *attr, size_t *len)
{
	const char *end = strchr(p, '>'), *a, *q;

	if (!end || !(a = find_in(p, end, attr)))
		return NULL;
	a += strlen(attr);
	q = find_in(a, end, "\"");
	if (!q)
		return NULL;
	*len = (size_t)(q - a);
	return a;
}

/* The value of attribute ATTR within the tag at p (malloc'd), or NULL. */
static char *attr_in_tag(const char *p, const char *attr)
{
	size_t len;
	const char *a = attr_at(p, attr, &len);

	return a ? ibm_xstrndup(a, len) : NULL;
}

/* The Target of relationship ID in a rels file. */
static char *rel_target(const char *rels, const char *id)
{
	char key[96];
	const char *p;

	snprintf(key, sizeof key, "Id=\"%s\"", id);
	p = strstr(rels, key);
	if (!p)
		return NULL;
	while (p > rels && *p != '<')
		p--;
	return attr_in_tag(p, "Target=\"");
}

/* The reference's header part: the first-page one when it has a title
 * page, else the default one. Returns its target ("header2.xml"), with
 * *first set when it is a first-page header. */
char *docx_ref_header(const char *doc, const char *rels, int *first)
{
	const char *p, *end;
	const char *want[2] = { "w:type=\"first\"", "w:type=\"default\"" };
	const char *sect = strstr(doc, "<w:sectPr");

	if (!sect)
		return NULL;
	for (int k = strstr(sect, "<w:titlePg") ? 0 : 1; k < 2; k++) {
		for (p = sect; (p = strstr(p, "<w:headerReference")) &&
		     (end = strchr(p, '>')); p = end) {
			if (find_in(p, end, want[k])) {
				char *id = attr_in_tag(p, "r:id=\"");
				char *target = id ? rel_target(rels, id) : NULL;

				free(id);
				*first = k == 0;
				return target;
			}
		}
	}
	return NULL;
}

/* What docx_save does with a part under word/ that a header's
 * relationship names: copies it (REF_COPY); keeps its own part of that
 * name (REF_OURS: the styles, the header itself), to which the
 * relationship then points; or copies it under another name (REF_RENAME),
 * as it writes that name later (the header's relationships, its charts,
 * its pictures: an ibm-report document given as the reference). */
enum { REF_COPY, REF_OURS, REF_RENAME };

static int ref_kind(const char *name)
{
	static const char *const ours[] = {
		"word/document.xml", "word/styles.xml", "word/settings.xml",
		"word/numbering.xml", "word/fontTable.xml",
		"word/theme/theme1.xml", "word/header1.xml",
		"word/footer1.xml", "word/_rels/document.xml.rels",
	};

	for (size_t i = 0; i < sizeof ours / sizeof ours[0]; i++)
		if (strcmp(name, ours[i]) == 0)
			return REF_OURS;
	if (strcmp(name, "word/_rels/header1.xml.rels") == 0 ||
	    strncmp(name, "word/charts/", 12) == 0 ||
	    strncmp(name, "word/media/ibmkit-", 18) == 0)
		return REF_RENAME;
	return REF_COPY;
}

/* A name for a part that would take one of ours ("word/ref1/charts/
 * chart1.xml"): in no entry of the reference, and no part taken; NULL
 * after a few tries. */
static char *ref_rename(refrd *r, const ibm_strset *taken, const char *name)
{
	for (int n = 1; n <= 16; n++) {
		char *cand = ibm_xfmt("word/ref%d/%s", n, name + 5);

		if (zip_name_locate(r->z, cand, 0) < 0 &&
		    ibm_strset_find(taken, cand) == IBM_STRMAP_NONE)
			return cand;
		free(cand);
	}
	return NULL;
}

/* The header's part, its relationships and each part they name (once,
 * however many relationships name it); a part taken under another name
 * is named so in the relationships. */
static void ref_header(refrd *r, docx_ref *d)
{
	char *name = ibm_xfmt("word/%s", d->header_target);
	ibm_strset seen = { 0 }, taken = { 0 };
	size_t *where = NULL, wcap = 0;  /* seen: its part, or NONE */
	sb out = { 0 };                  /* the relationships renamed */
	const char *q, *last, *end;
	int renamed = 0;

	if (!ref_part(r, &d->header, name, "word/header1.xml")) {
		ref_fail(r, IBM_EX_DATAERR, "%s is missing", name);
		free(name);
		return;
	}
	free(name);
	name = ibm_xfmt("word/_rels/%s.rels", d->header_target);
	d->header_rels = ref_read(r, name, NULL);
	free(name);
	/* tag after tag (from each one's end: every byte read once) */
	for (q = last = d->header_rels; q && !r->status &&
	     (q = strstr(q, "<Relationship ")) && (end = strchr(q, '>'));
	     q = end) {
		size_t tlen, k, pi = IBM_STRMAP_NONE;
		const char *tv = attr_at(q, "Target=\"", &tlen);
		const char *mode = attr_at(q, "TargetMode=\"", &k);
		char *t = tv ? ibm_xstrndup(tv, tlen) : NULL, *from;

		if (!t || mode || strstr(t, "..") || t[0] == '/') {
			free(t);
			continue;
		}
		from = ibm_xfmt("word/%s", t);
		free(t);
		k = ibm_strset_find(&seen, from);
		if (k != IBM_STRMAP_NONE) {
			pi = where[k];
		} else if (ref_kind(from) != REF_OURS) {
			docx_ref_part p = { 0 };
			char *to = ref_kind(from) == REF_RENAME ?
				   ref_rename(r, &taken, from) :
				   ibm_xstrdup(from);

			if (to && ref_part(r, &p, from, to)) {
				ibm_grow((void **)&d->parts, &d->partcap,
					 d->nparts + 1, sizeof *d->parts);
				pi = d->nparts;
				d->parts[d->nparts++] = p;
				ibm_strset_add(&taken, to);
			}
			free(to);
		}
		k = ibm_strset_add(&seen, from);
		ibm_grow((void **)&where, &wcap, k + 1, sizeof *where);
		where[k] = pi;
		free(from);
		if (pi != IBM_STRMAP_NONE &&
		    (strlen(d->parts[pi].name + 5) != tlen ||
		     memcmp(d->parts[pi].name + 5, tv, tlen) != 0)) {
			/* taken under another name */
			sb_add(&out, last, (size_t)(tv - last));
			sb_puts(&out, d->parts[pi].name + 5);
			last = tv + tlen;
			renamed = 1;
		}
	}
	if (renamed && !r->status) {
		sb_puts(&out, last);
		free(d->header_rels);
		d->header_rels = out.s;
	} else {
		free(out.s);
	}
	free(where);
	ibm_strset_free(&seen);
	ibm_strset_free(&taken);
}

void docx_ref_free(docx_ref *d)
{
	free(d->styles);
	free(d->numbering);
	free(d->theme.name);
	free(d->theme.data);
	free(d->fonts.name);
	free(d->fonts.data);
	free(d->header_target);
	free(d->header.name);
	free(d->header.data);
	free(d->header_rels);
	for (size_t i = 0; i < d->nparts; i++) {
		free(d->parts[i].name);
		free(d->parts[i].data);
	}
	free(d->parts);
	memset(d, 0, sizeof *d);
}

/* What docx_save takes from an open reference, in the order it used to
 * read it (so the first error is the same). */
static int ref_load(zip_t *z, docx_ref *d, char *why, size_t whysize)
{
	refrd r = { z, 0, 0, why, whysize };
	char *doc, *rels;

	memset(d, 0, sizeof *d);
	d->header_first = 1;
	doc = ref_read(&r, "word/styles.xml", NULL);
	if (!doc && !r.status)
		ref_fail(&r, IBM_EX_DATAERR, "not a Word document (.docx): "
			 "no word/styles.xml");
	if (doc) {
		d->styles = docx_styles_merge(doc);
		free(doc);
		if (!d->styles)
			ref_fail(&r, IBM_EX_DATAERR, "word/styles.xml has no "
				 "</w:styles>");
	}
	doc = ref_read(&r, "word/document.xml", NULL);
	rels = ref_read(&r, "word/_rels/document.xml.rels", NULL);
	if (doc && rels)
		d->header_target = docx_ref_header(doc, rels,
						   &d->header_first);
	free(doc);
	free(rels);
	ref_part(&r, &d->theme, "word/theme/theme1.xml",
		 "word/theme/theme1.xml");
	d->numbering = ref_read(&r, "word/numbering.xml", NULL);
	ref_part(&r, &d->fonts, "word/fontTable.xml", "word/fontTable.xml");
	if (d->header_target && !r.status)
		ref_header(&r, d);
	d->total = r.total;
	zip_discard(z);
	if (r.status)
		docx_ref_free(d);
	return r.status;
}

int docx_ref_read(docx_ref *d, const char *path, char *why, size_t whysize)
{
	int err = 0, fd;
	zip_t *z;

	memset(d, 0, sizeof *d);
	/* a directory, or a file that cannot be read: 66 */
	fd = ibm_open_read(path);
	if (fd < 0) {
		snprintf(why, whysize, "cannot open: %s", strerror(errno));
		return IBM_EX_NOINPUT;
	}
	close(fd);
	z = zip_open(path, ZIP_RDONLY, &err);
	if (!z) {
		if (err == ZIP_ER_NOENT || err == ZIP_ER_OPEN ||
		    err == ZIP_ER_READ) {
			int e = err == ZIP_ER_NOENT ? ENOENT : errno;

			/* errno is not set everywhere */
			snprintf(why, whysize, "cannot open: %s", strerror(e));
			return IBM_EX_NOINPUT;
		}
		snprintf(why, whysize, "not a Word document (.docx): not a "
			 "zip archive");
		return IBM_EX_DATAERR;
	}
	return ref_load(z, d, why, whysize);
}

int docx_ref_read_mem(docx_ref *d, const void *data, size_t size,
		      char *why, size_t whysize)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;

	memset(d, 0, sizeof *d);
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, size, 0, &ze);
	if (!src || !(z = zip_open_from_source(src, ZIP_RDONLY, &ze))) {
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		snprintf(why, whysize, "not a Word document (.docx): not a "
			 "zip archive");
		return IBM_EX_DATAERR;
	}
	zip_error_fini(&ze);
	return ref_load(z, d, why, whysize);
}

/* ----------------------------------------------------------------- save */

static const char CT_MAIN[] = "application/vnd.openxmlformats-"
	"officedocument.wordprocessingml.";

static char *ct(const char *what)
{
	static char buf[4][160];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s%s", CT_MAIN, what);
	return buf[k];
}

static char *xml_escaped(const char *s)
{
	sb b = { 0 };

	sb_puts(&b, "");
	sb_xml(&b, s ? s : "");
	return b.s;
}

static char *core_xml(const docx_props *pr)
{
	sb b = { 0 };
	char when[32];
	long long t = pr->time;
	long days = (long)(t / 86400);
	long secs = (long)(t % 86400);
	ibm_date dt;
	char *title = xml_escaped(pr->title), *subj = xml_escaped(pr->subject),
	     *who = xml_escaped(pr->creator ? pr->creator : "ibmkit");

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	dt = ibm_date_from_days(days);
	snprintf(when, sizeof when, "%04d-%02d-%02dT%02ld:%02ld:%02ldZ", dt.y,
		 dt.m, dt.d, secs / 3600, secs / 60 % 60, secs % 60);
	sb_puts(&b, XML_DECL);
	sb_printf(&b, "<cp:coreProperties xmlns:cp=\"http://schemas."
		  "openxmlformats.org/package/2006/metadata/core-properties\" "
		  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
		  "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
		  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
		  "<dc:title>%s</dc:title><dc:subject>%s</dc:subject>"
		  "<dc:creator>%s</dc:creator><cp:lastModifiedBy>%s"
		  "</cp:lastModifiedBy><dc:language>%s</dc:language>"
		  "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s"
		  "</dcterms:created><dcterms:modified "
		  "xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
		  "</cp:coreProperties>", title, subj, who, who,
		  pr->lang ? pr->lang : "id-ID", when, when);
	free(title);
	free(subj);
	free(who);
	return b.s;
}

/* The levels of the numberings: the headings ("A." then "1." under each,
 * as the Heading1 and Heading2 styles indent them) and the lists ("a.",
 * "1)", as ListText paragraphs are indented). */
static void abstract_num(sb *b, int kind)
{
	static const struct {
		const char *fmt, *text;
		int left, hanging;
	} lv[][2] = {
		{ { "upperLetter", "%1.", 425, 425 },
		  { "decimal", "%2.", 851, 426 } },
		{ { "lowerLetter", "%1.", 1247, 397 }, { NULL, NULL, 0, 0 } },
		{ { "decimal", "%1)", 1247, 397 }, { NULL, NULL, 0, 0 } },
	};

	sb_printf(b, "<w:abstractNum w:abstractNumId=\"%d\"><w:multiLevelType "
		  "w:val=\"%s\"/>", NUM_BASE + kind,
		  kind ? "singleLevel" : "multilevel");
	for (int l = 0; l < 2 && lv[kind][l].fmt; l++)
		sb_printf(b, "<w:lvl w:ilvl=\"%d\"><w:start w:val=\"1\"/>"
			  "<w:numFmt w:val=\"%s\"/><w:lvlText w:val=\"%s\"/>"
			  "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"%d\" "
			  "w:hanging=\"%d\"/></w:pPr></w:lvl>", l,
			  lv[kind][l].fmt, lv[kind][l].text, lv[kind][l].left,
			  lv[kind][l].hanging);
	sb_puts(b, "</w:abstractNum>");
}

/* The numbering part: ours, or an office's reference numbering (ref)
 * with ours added; NULL when nothing is numbered (ref then as it is). */
static char *numbering_xml(const docx *d, const char *ref)
{
	sb b = { 0 };
	const char *nums, *end;

	if (!d->headings && !d->nlists)
		return NULL;
	if (ref && (end = strstr(ref, "</w:numbering>"))) {
		/* every abstractNum before the first num */
		nums = strstr(ref, "<w:num ");
		if (!nums || nums > end)
			nums = end;
		sb_add(&b, ref, (size_t)(nums - ref));
	} else {
		ref = NULL;
		sb_puts(&b, XML_DECL);
		sb_printf(&b, "<w:numbering %s>", NS_W);
		nums = end = "";
	}
	for (int k = 0; k < 3; k++)
		abstract_num(&b, k);
	sb_add(&b, nums, (size_t)(end - nums));
	sb_printf(&b, "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"%d\"/>"
		  "</w:num>", NUM_BASE, NUM_BASE);
	/* each list numbered from 1 */
	for (size_t k = 0; k < d->nlists; k++)
		sb_printf(&b, "<w:num w:numId=\"%zu\"><w:abstractNumId "
			  "w:val=\"%d\"/><w:lvlOverride w:ilvl=\"0\">"
			  "<w:startOverride w:val=\"1\"/></w:lvlOverride>"
			  "</w:num>", NUM_BASE + k + 1, NUM_BASE + d->lists[k]);
	sb_puts(&b, ref ? end : "</w:numbering>");
	return b.s;
}

static char *settings_xml(const char *lang)
{
	sb b = { 0 };

	sb_puts(&b, XML_DECL);
	sb_printf(&b, "<w:settings %s><w:zoom w:percent=\"100\"/>"
		  "<w:defaultTabStop w:val=\"567\"/>"
		  "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
		  "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
		  "w:uri=\"http://schemas.microsoft.com/office/word\" "
		  "w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"%s\"/>"
		  "</w:settings>", NS_W, lang);
	return b.s;
}

/*
 * A photo read from its file when the archive is written, as a source
 * that tells libzip nothing of the file (zip_source_file would copy its
 * permission bits into the entry): every entry has the mode an entry
 * made from memory has, and the same photos give the same bytes
 * whatever their files' modes. The document part comes from its open
 * scratch file (path NULL) the same way.
 */
typedef struct photo {
	char *path;
	FILE *fp;
	zip_error_t err;
} photo;

static zip_int64_t photo_cb(void *ud, void *data, zip_uint64_t len,
			    zip_source_cmd_t cmd)
{
	photo *ph = ud;
	size_t n;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		if (!ph->path) {
			if (fseek(ph->fp, 0, SEEK_SET) != 0) {
				zip_error_set(&ph->err, ZIP_ER_SEEK, errno);
				return -1;
			}
			return 0;
		}
		if (!(ph->fp = fopen(ph->path, "rb"))) {
			zip_error_set(&ph->err, ZIP_ER_OPEN, errno);
			return -1;
		}
		return 0;
	case ZIP_SOURCE_READ:
		n = fread(data, 1, (size_t)len, ph->fp);
		if (n < len && ferror(ph->fp)) {
			zip_error_set(&ph->err, ZIP_ER_READ, errno);
			return -1;
		}
		return (zip_int64_t)n;
	case ZIP_SOURCE_CLOSE:
		if (ph->fp && ph->path) {
			fclose(ph->fp);
			ph->fp = NULL;
		}
		return 0;
	case ZIP_SOURCE_STAT:
		zip_stat_init(data);
		return sizeof(zip_stat_t);
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&ph->err, data, len);
	case ZIP_SOURCE_FREE:
		if (ph->fp)
			fclose(ph->fp);
		zip_error_fini(&ph->err);
		free(ph->path);
		free(ph);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
			ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
			ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		zip_error_set(&ph->err, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* path's photo, or the open file fp (closed with the source) */
static zip_source_t *photo_source(zip_t *za, const char *path, FILE *fp)
{
	photo *ph = ibm_xcalloc(1, sizeof *ph);
	zip_source_t *s;

	ph->path = path ? ibm_xstrdup(path) : NULL;
	ph->fp = fp;
	zip_error_init(&ph->err);
	if (!(s = zip_source_function(za, photo_cb, ph))) {
		free(ph->path);
		free(ph);
	}
	return s;
}

/* The package made in memory (compressed: a tenth of the XML or less),
 * each part compressed as it is read (the document part from its
 * scratch file), then written to the output. */
static void write_zip(const pkg *p, const char *path)
{
	zip_error_t ze;
	zip_source_t *src, *s;
	zip_t *za;
	zip_stat_t st;
	ibm_atomic *out;
	FILE *fp;
	char *buf;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src || !(za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)))
		ibm_die(IBM_EX_SOFTWARE, path, 0, "zip: %s",
			zip_error_strerror(&ze));
	zip_source_keep(src);
	for (size_t i = 0; i < p->n; i++) {
		const entry *e = &p->e[i];
		zip_int64_t idx;

		if (e->data)
			s = zip_source_buffer(za, e->data, e->len, 0);
		else
			s = photo_source(za, e->path, e->fp);
		if (!s)
			ibm_die(IBM_EX_NOINPUT, e->path ? e->path : path, 0,
				"cannot read: %s", zip_strerror(za));
		idx = zip_file_add(za, e->name, s, ZIP_FL_ENC_UTF_8);
		if (idx < 0) {
			zip_source_free(s);
			ibm_die(IBM_EX_SOFTWARE, path, 0, "zip: %s",
				zip_strerror(za));
		}
		/* 1980-01-01 00:00, the zip epoch: no clock, no time zone */
		zip_file_set_dostime(za, (zip_uint64_t)idx, 0, 0x21, 0);
		/* the level libxlsxwriter uses (zlib's default) */
		zip_set_file_compression(za, (zip_uint64_t)idx,
					 e->store ? ZIP_CM_STORE :
						    ZIP_CM_DEFLATE, 6);
	}
	if (zip_close(za) != 0) {
		/* a photo that vanished or cannot be read */
		ibm_die(IBM_EX_IOERR, path, 0, "cannot write: %s",
			zip_strerror(za));
	}
	if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0)
		ibm_die(IBM_EX_SOFTWARE, path, 0, "zip: %s",
			zip_error_strerror(zip_source_error(src)));
	buf = ibm_xmalloc(st.size ? (size_t)st.size : 1);
	if (zip_source_read(src, buf, st.size) != (zip_int64_t)st.size)
		ibm_die(IBM_EX_SOFTWARE, path, 0, "zip: short read");
	zip_source_close(src);
	zip_source_free(src);
	out = ibm_atomic_open(path);
	fp = ibm_atomic_fp(out);
	if (fwrite(buf, 1, (size_t)st.size, fp) != (size_t)st.size)
		ibm_die_errno(IBM_EX_IOERR, path, "write error");
	free(buf);
	ibm_atomic_commit(out);
}

/* The bytes [from, to) of the body (its file, then memory) to fp; the
 * file is read in order, range after range. */
static void body_copy(sb *x, size_t from, size_t to, FILE *fp)
{
	char buf[1 << 16];

	while (from < to && from < x->out) {
		size_t k = to < x->out ? to - from : x->out - from;

		if (k > sizeof buf)
			k = sizeof buf;
		if (fread(buf, 1, k, x->fp) != k)
			ibm_die_errno(IBM_EX_IOERR, NULL, "cannot read the "
				      "document's temporary file");
		fwrite(buf, 1, k, fp);
		from += k;
	}
	if (from < to)
		fwrite(x->s + (from - x->out), 1, to - from, fp);
}

/* The document part into a scratch file: the body with the section
 * properties at its section breaks (the first section has the letterhead
 * on its first page; the others keep the footer). */
static FILE *document_xml(docx *d, int hdr, int hdr_first)
{
	sb *x = &d->body.xml, t = { 0 };
	size_t from = 0, total = x->out + x->n;
	const char *dir;
	int fd = ibm_scratch_fd("docx", &dir);
	FILE *fp = fd < 0 ? NULL : fdopen(fd, "w+b");

	if (!fp)
		ibm_die_errno(IBM_EX_CANTCREAT, dir, "cannot make a temporary "
			      "file for the document");
	if (x->fp && (fflush(x->fp) != 0 || fseek(x->fp, 0, SEEK_SET) != 0))
		ibm_die_errno(IBM_EX_IOERR, NULL, "cannot write the document "
			      "to a temporary file");
	fprintf(fp, "%s<w:document %s><w:body>", XML_DECL, NS_W);
	for (size_t k = 0; k <= d->nsect; k++) {
		size_t to = k < d->nsect ? d->sect_at[k] : total;
		int land = k < d->nsect ? d->sect_land[k] : d->landscape;

		body_copy(x, from, to, fp);
		t.n = 0;
		/* the document does not end in a table (a section break is
		 * a paragraph itself); the end of the body is in memory */
		if (k == d->nsect && to - from >= 8 &&
		    memcmp(x->s + x->n - 8, "</w:tbl>", 8) == 0)
			sb_puts(&t, "<w:p><w:pPr><w:pStyle "
				"w:val=\"NoSpacing\"/></w:pPr></w:p>");
		from = to;
		if (k < d->nsect)
			/* as small as it gets, so that a full page does not
			 * spill it onto a page of its own */
			sb_puts(&t, "<w:p><w:pPr><w:spacing w:before=\"0\" "
				"w:after=\"0\" w:line=\"20\" "
				"w:lineRule=\"exact\"/><w:rPr><w:sz "
				"w:val=\"2\"/></w:rPr>");
		sb_puts(&t, "<w:sectPr>");
		if (k == 0 && hdr)
			sb_printf(&t, "<w:headerReference w:type=\"%s\" "
				  "r:id=\"rId4\"/>", hdr_first ? "first" :
				  "default");
		if (d->has_footer) {
			sb_puts(&t, "<w:footerReference w:type=\"default\" "
				"r:id=\"rId3\"/>");
			if (k == 0 && hdr_first && hdr)
				sb_puts(&t, "<w:footerReference "
					"w:type=\"first\" r:id=\"rId3\"/>");
		}
		sb_printf(&t, "<w:pgSz w:w=\"%d\" w:h=\"%d\"%s/>"
			  "<w:pgMar w:top=\"%d\" w:right=\"%d\" "
			  "w:bottom=\"%d\" w:left=\"%d\" "
			  "w:header=\"567\" w:footer=\"567\" "
			  "w:gutter=\"0\"/>%s</w:sectPr>",
			  land ? 16838 : 11906, land ? 11906 : 16838,
			  land ? " w:orient=\"landscape\"" : "",
			  d->margin[0], d->margin[1], d->margin[2],
			  d->margin[3], k == 0 && hdr_first && hdr ?
			  "<w:titlePg/>" : "");
		if (k < d->nsect)
			sb_puts(&t, "</w:pPr></w:p>");
		fwrite(t.s, 1, t.n, fp);
	}
	fputs("</w:body></w:document>", fp);
	free(t.s);
	if (fflush(fp) != 0 || ferror(fp) || fseek(fp, 0, SEEK_SET) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "cannot write the document "
			      "to a temporary file");
	return fp;
}

/* A part of the reference into the package (its data moved). */
static void ref_add(pkg *p, docx_ref_part *rp, const char *ctype)
{
	pkg_add(p, rp->name, rp->data, rp->len, NULL, 0);
	if (ctype)
		sb_printf(&p->types, "<Override PartName=\"/%s\" "
			  "ContentType=\"%s\"/>", rp->name, ctype);
	rp->data = NULL;
}

void docx_save(docx *d, const char *path, const docx_props *pr)
{
	pkg p = { 0 };
	docx_ref ref = { 0 };
	sb docrels = { 0 };
	const char *lang = pr->lang ? pr->lang : "id-ID";
	char *styles = NULL;
	int has_header = d->header.xml.n > 0, has_ref = 0;
	int ref_numbering = 0;
	char *numbering = NULL;
	char name[128];

	if (pr->reference) {
		char why[512];
		int st = docx_ref_read(&ref, pr->reference, why, sizeof why);

		if (st)
			ibm_die(st, pr->reference, 0, "%s", why);
		has_ref = 1;
		styles = ref.styles;
		ref.styles = NULL;
	}
	if (!styles)
		styles = styles_xml(lang);

	pkg_default(&p, "png");
	pkg_default(&p, "jpeg");
	/* the parts, in a fixed order */
	pkg_add(&p, "[Content_Types].xml", NULL, 0, NULL, 0); /* filled last */
	pkg_text(&p, "_rels/.rels", ibm_xstrdup(
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/relationships\"><Relationship Id=\"rId1\" "
		"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		"relationships/officeDocument\" Target=\"word/document.xml\"/>"
		"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats."
		"org/package/2006/relationships/metadata/core-properties\" "
		"Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" "
		"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
		"relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
		"</Relationships>"), NULL);
	pkg_text(&p, "docProps/core.xml", core_xml(pr),
		 "application/vnd.openxmlformats-package.core-properties+xml");
	pkg_text(&p, "docProps/app.xml", ibm_xstrdup(
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		"<Properties xmlns=\"http://schemas.openxmlformats.org/"
		"officeDocument/2006/extended-properties\"><Application>ibmkit "
		IBMKIT_VERSION "</Application></Properties>"),
		 "application/vnd.openxmlformats-officedocument."
		 "extended-properties+xml");

	/* the document's relationships: rId1..rId9 fixed */
	sb_printf(&docrels, "<Relationship Id=\"rId1\" Type=\"%s\" "
		  "Target=\"styles.xml\"/>", rel_type_uri("styles"));
	sb_printf(&docrels, "<Relationship Id=\"rId2\" Type=\"%s\" "
		  "Target=\"settings.xml\"/>", rel_type_uri("settings"));
	if (d->has_footer)
		sb_printf(&docrels, "<Relationship Id=\"rId3\" Type=\"%s\" "
			  "Target=\"footer1.xml\"/>", rel_type_uri("footer"));
	if (ref.header_target || has_header)
		sb_printf(&docrels, "<Relationship Id=\"rId4\" Type=\"%s\" "
			  "Target=\"header1.xml\"/>", rel_type_uri("header"));
	if (ref.theme.data) {
		ref_add(&p, &ref.theme, "application/vnd.openxmlformats-"
			"officedocument.theme+xml");
		sb_printf(&docrels, "<Relationship Id=\"rId5\" Type=\"%s\" "
			  "Target=\"theme/theme1.xml\"/>", rel_type_uri("theme"));
	}
	if (has_ref) {
		/* the office's numbering, ours added */
		numbering = numbering_xml(d, ref.numbering);
		if (!numbering) {
			numbering = ref.numbering;
			ref.numbering = NULL;
		}
		if (numbering)
			pkg_text(&p, "word/numbering.xml", numbering,
				 ct("numbering+xml"));
		ref_numbering = numbering != NULL;
	}
	if (!has_ref && (numbering = numbering_xml(d, NULL))) {
		pkg_text(&p, "word/numbering.xml", numbering,
			 ct("numbering+xml"));
		ref_numbering = 1;
	}
	if (ref_numbering)
		sb_printf(&docrels, "<Relationship Id=\"rId6\" Type=\"%s\" "
			  "Target=\"numbering.xml\"/>",
			  rel_type_uri("numbering"));
	if (ref.fonts.data) {
		ref_add(&p, &ref.fonts, ct("fontTable+xml"));
		sb_printf(&docrels, "<Relationship Id=\"rId7\" Type=\"%s\" "
			  "Target=\"fontTable.xml\"/>",
			  rel_type_uri("fontTable"));
	}

	pkg_add(&p, "word/document.xml", NULL, 0, NULL, 0);
	p.e[p.n - 1].fp = document_xml(d, ref.header_target || has_header,
				   ref.header_first || !has_ref);
	sb_printf(&p.types, "<Override PartName=\"/word/document.xml\" "
		  "ContentType=\"%s\"/>", ct("document.main+xml"));
	pkg_text(&p, "word/_rels/document.xml.rels",
		 rels_xml(&d->body, docrels.s), NULL);
	free(docrels.s);
	pkg_text(&p, "word/styles.xml", styles, ct("styles+xml"));
	pkg_text(&p, "word/settings.xml", settings_xml(lang),
		 ct("settings+xml"));
	if (d->has_footer)
		pkg_text(&p, "word/footer1.xml", part_xml(&d->footer, "ftr"),
			 ct("footer+xml"));
	if (ref.header_target) {
		/* the office's own header, with what it refers to */
		ref_add(&p, &ref.header, ct("header+xml"));
		for (size_t i = 0; i < ref.nparts; i++) {
			const char *dot = strrchr(ref.parts[i].name, '.');

			ref_add(&p, &ref.parts[i], NULL);
			if (dot)
				pkg_default(&p, dot + 1);
		}
		if (ref.header_rels) {
			pkg_add(&p, "word/_rels/header1.xml.rels",
				ref.header_rels, strlen(ref.header_rels),
				NULL, 0);
			ref.header_rels = NULL;
		}
	} else if (has_header) {
		pkg_text(&p, "word/header1.xml", part_xml(&d->header, "hdr"),
			 ct("header+xml"));
		if (d->header.nrels)
			pkg_text(&p, "word/_rels/header1.xml.rels",
				 rels_xml(&d->header, NULL), NULL);
	}
	for (size_t i = 0; i < d->ncharts; i++) {
		snprintf(name, sizeof name, "word/charts/chart%zu.xml", i + 1);
		pkg_text(&p, name, d->charts[i], "application/vnd."
			 "openxmlformats-officedocument.drawingml.chart+xml");
		d->charts[i] = NULL;
	}
	d->ncharts = 0;
	for (size_t i = 0; i < d->nmedia; i++) {
		media *m = &d->media[i];
		int used = !ref.header_target; /* ours, unless the office's replaces it */

		for (size_t k = 0; k < d->body.nrels && !used; k++)
			used = strcmp(d->body.rels[k].target, m->name) == 0;
		if (!used)
			continue;
		snprintf(name, sizeof name, "word/%s", m->name);
		pkg_add(&p, name, (char *)m->data, m->len, m->path, 1);
		m->data = NULL;
	}
	{
		sb t = { 0 };

		sb_puts(&t, XML_DECL);
		sb_puts(&t, "<Types xmlns=\"http://schemas.openxmlformats.org/"
			"package/2006/content-types\"><Default Extension=\"rels\" "
			"ContentType=\"application/vnd.openxmlformats-package."
			"relationships+xml\"/><Default Extension=\"xml\" "
			"ContentType=\"application/xml\"/>");
		sb_puts(&t, p.defaults.s);
		sb_puts(&t, p.types.s);
		sb_puts(&t, "</Types>");
		p.e[0].data = t.s;
		p.e[0].len = t.n;
	}
	write_zip(&p, path);
	for (size_t i = 0; i < p.n; i++) {
		free(p.e[i].name);
		free(p.e[i].data);
	}
	free(p.e);
	free(p.types.s);
	free(p.defaults.s);
	docx_ref_free(&ref);
}
