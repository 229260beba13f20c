/*
 * html.c - documents as HTML that a browser prints on the PDF's pages
 * (typeset.h): escaping, the logo as a data: URI, and the SVG pages that
 * place every text, line, box and image where the PDF draws it (a
 * measuring document's recorder), one A4 page each.
 */
#include "typeset.h"

#include <stdlib.h>
#include <string.h>

void ts_html_esc(FILE *fp, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		switch (s[i]) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		default: fputc(s[i], fp);
		}
	}
}

void ts_html_base64(FILE *fp, const unsigned char *d, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				  "0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)d[i] << 16;
		char out[4];

		if (i + 1 < n)
			v |= (unsigned long)d[i + 1] << 8;
		if (i + 2 < n)
			v |= d[i + 2];
		out[0] = tab[(v >> 18) & 63];
		out[1] = tab[(v >> 12) & 63];
		out[2] = i + 1 < n ? tab[(v >> 6) & 63] : '=';
		out[3] = i + 2 < n ? tab[v & 63] : '=';
		fwrite(out, 1, 4, fp);
	}
}

const char *ts_html_logo(const ts_office *o, unsigned char **data,
			 size_t *len)
{
	*data = NULL;
	*len = 0;
	if (!o->logo)
		return NULL;
	return ts_logo_read(o, data, len) == 1 ? "data:image/png;base64," :
						  "data:image/jpeg;base64,";
}

/* ------------------------------------------------------------ SVG pages */

#define Y(y) (r->ph - (y))

void ts_svg_op(void *ctx, const ts_op *op)
{
	ts_svg *r = ctx;

	switch (op->kind) {
	case TS_OP_PAGE: {
		/* A4 portrait, or landscape as the page says */
		float w = op->w > 0 ? op->w : TS_PAGE_W;

		r->ph = op->h > 0 ? op->h : TS_PAGE_H;
		if (r->page)
			fputs("</svg></div>\n", r->fp);
		r->page = op->page;
		fprintf(r->fp, "<div class=\"page%s\"><svg xmlns=\"http://www."
			"w3.org/2000/svg\" width=\"%.3fpt\" height=\"%.3fpt\" "
			"viewBox=\"0 0 %.3f %.3f\">\n", w > r->ph ? " land" : "",
			w, r->ph, w, r->ph);
		break;
	}
	case TS_OP_TEXT:
		fprintf(r->fp, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\"%s",
			op->x, Y(op->y), op->size,
			op->bold ? " font-weight=\"bold\"" : "");
		if (op->ws != 0)
			fprintf(r->fp, " word-spacing=\"%.3f\"", op->ws);
		fputs(">", r->fp);
		ts_html_esc(r->fp, op->text, op->n);
		fputs("</text>\n", r->fp);
		break;
	case TS_OP_LINE:
		fprintf(r->fp, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" "
			"y2=\"%.2f\" stroke=\"#000\" stroke-width=\"%.2f\"/>\n",
			op->x, Y(op->y), op->x + op->w, Y(op->y), op->size);
		break;
	case TS_OP_BOX:
		fprintf(r->fp, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
			"height=\"%.2f\" fill=\"none\" stroke=\"#000\" "
			"stroke-width=\"%.2f\"/>\n", op->x, Y(op->y + op->h),
			op->w, op->h, op->size);
		break;
	case TS_OP_IMAGE:
		if (!r->logo)
			break;
		fprintf(r->fp, "<image x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
			"height=\"%.2f\" preserveAspectRatio=\"none\" href=\"%s",
			op->x, Y(op->y + op->h), op->w, op->h, r->logo);
		ts_html_base64(r->fp, r->data, r->len);
		fputs("\"/>\n", r->fp);
		break;
	}
}

static const char svg_css[] =
	"@page { size: A4 portrait; margin: 0; }\n"
	"body { margin: 0; }\n"
	"svg { display: block; font-family: \"Times New Roman\", Times, "
	"\"Liberation Serif\", serif; white-space: pre; }\n"
	".page { break-after: page; page-break-after: always; "
	"width: 595.276pt; height: 841.89pt; overflow: hidden; }\n"
	".page:last-child { break-after: auto; page-break-after: auto; }\n"
	"@page land { size: A4 landscape; margin: 0; }\n"
	".page.land { page: land; width: 841.89pt; height: 595.276pt; }\n"
	"@media screen { body { background: #ddd; } .page { background: "
	"#fff; margin: 8mm auto; } }\n";

void ts_svg_begin(ts_svg *s, FILE *fp, const ts_office *o,
		  const char *title)
{
	memset(s, 0, sizeof *s);
	s->fp = fp;
	s->ph = TS_PAGE_H;
	s->logo = ts_html_logo(o, &s->data, &s->len);
	fputs("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n<title>", fp);
	ts_html_esc(fp, title, strlen(title));
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		svg_css);
}

void ts_svg_end(ts_svg *s)
{
	if (s->page)
		fputs("</svg></div>\n", s->fp);
	fputs("</body>\n</html>\n", s->fp);
	free(s->data);
	s->data = NULL;
}

ibm_atomic *ts_write_pdf(const ts_office *o, const char *path,
			 const char *title, void (*fn)(ts_doc *d, void *ctx),
			 void *ctx)
{
	ts_doc *d = ts_open(o, title);

	fn(d, ctx);
	return ts_save(d, path);
}

ibm_atomic *ts_write_html(const ts_office *o, const char *path,
			  const char *title,
			  void (*fn)(ts_doc *d, void *ctx), void *ctx)
{
	ibm_atomic *a = ibm_atomic_open(path);
	ts_doc *d = ts_measure(o);
	ts_svg svg;

	ts_svg_begin(&svg, ibm_atomic_fp(a), o, title);
	ts_record(d, ts_svg_op, &svg);
	fn(d, ctx);
	ts_svg_end(&svg);
	ts_free(d);
	return a;
}
