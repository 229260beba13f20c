/*
 * output.c - one document, two files (typeset.h, ts_write): drawn as PDF
 * on a document of pdf.c, or laid out on a measuring document whose
 * recorder writes the SVG pages of an HTML file (html.c) that a browser
 * prints on the same pages. A document module gives its layout once, as
 * a function of the document.
 */
#include "typeset.h"

ibm_atomic *ts_write(const ts_office *o, const char *title,
		     const char *path, size_t items,
		     void (*draw)(ts_doc *d, void *ctx), void *ctx)
{
	ibm_atomic *a;
	ts_svg r;
	ts_doc *d;

	if (ibm_fmt_of_name(path) == IBM_FMT_PDF) {
		d = ts_open(o, title);
		ts_expect_items(d, items);
		draw(d, ctx);
		return ts_save(d, path);
	}
	a = ibm_atomic_open(path);
	ts_svg_begin(&r, ibm_atomic_fp(a), o, title);
	d = ts_measure(o);
	ts_record(d, ts_svg_op, &r);
	draw(d, ctx);
	ts_svg_end(&r);
	ts_free(d);
	return a;
}
