/*
 * fuzz_typeset_text.c - hostile text in the letter-like documents: the
 * same values set as a PDF through libharu (in Times, or in a TrueType
 * font when the system has DejaVu Serif) and as the HTML pages (SVG), in
 * the letterhead, a justified paragraph, numbered items, a table whose
 * rows continue, "Label : value" lines and the signature. Any text must
 * lay out without a crash, and the SVG pages must stay well-formed XML
 * (what a value holds is escaped, what XML cannot hold replaced).
 *
 * The input: an options byte (bit 0: the TrueType font), then values
 * separated by NUL bytes, made valid UTF-8 as every reader gives them.
 */
#define _GNU_SOURCE
#include "typeset.h"
#include "event.h"

#include <expat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NV 8
#define TTF "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

/* The values: at most NV, invalid bytes as '?', no NUL, no line end in
 * the office's (one line each in the event file). */
static size_t values(const uint8_t *d, size_t n, char **v)
{
	size_t k = 0, at = 0;

	while (k < NV) {
		const uint8_t *z = memchr(d + at, 0, n - at);
		size_t len = z ? (size_t)(z - (d + at)) : n - at;
		char *s = malloc(len + 1);
		const char *p, *e;
		char *w = s;

		if (!s)
			abort();
		p = (const char *)d + at;
		e = p + len;
		while (p < e) {
			const char *q = p;

			if (ibm_utf8_next(&q, e) < 0) {
				*w++ = '?';
				p++;
			} else {
				memcpy(w, p, (size_t)(q - p));
				w += q - p;
				p = q;
			}
		}
		*w = '\0';
		v[k++] = s;
		if (!z)
			break;
		at += len + 1;
	}
	while (k < NV)
		v[k++] = strdup("");
	return k;
}

static void draw(ts_doc *d, char **v)
{
	static const float w[3] = { 30, 200, 200 };
	const char *head[3] = { "No", "Nama", "Keterangan" };
	const char *cells[3] = { "1", v[3], v[4] };

	ts_letterhead(d);
	ts_para(d, 0, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 36, 1, v[2], 1);
	ts_labelled(d, TS_SIZE, TS_LEAD, TS_LEFT, TS_LEFT + 80, TS_LEFT + 90,
		    TS_RIGHT, v[5], v[6], 1);
	ts_item(d, TS_LEFT, TS_RIGHT, 20, 1, v[7], 1);
	for (int i = 0; i < 3; i++)
		ts_table_row(d, 3, w, head, cells, i ? TS_ROW_LINES :
			     TS_ROW_HEAD);
	ts_line(d, 1, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 1, v[3]);
	ts_signature(d);
}

/* The SVG pages of html, from the first page to the last, read by expat
 * as one document. */
static void check_svg(const char *html)
{
	const char *a = strstr(html, "<div class=\"page\">");
	const char *b = a ? strstr(html, "</body>") : NULL;
	XML_Parser p;

	if (!a || !b)
		abort();
	p = XML_ParserCreate("UTF-8");
	if (!p)
		abort();
	if (XML_Parse(p, "<r>", 3, 0) != XML_STATUS_OK ||
	    XML_Parse(p, a, (int)(b - a), 0) != XML_STATUS_OK ||
	    XML_Parse(p, "</r>", 4, 1) != XML_STATUS_OK) {
		fprintf(stderr, "SVG not well-formed: %s\n",
			XML_ErrorString(XML_GetErrorCode(p)));
		abort();
	}
	XML_ParserFree(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	char *v[NV], *conf = NULL, *html = NULL;
	size_t conflen = 0, htmllen = 0;
	ibm_event *ev = ibm_event_new();
	ts_office o;
	ts_doc *d;
	ts_svg svg;
	FILE *fp;
	int ttf = size && (data[0] & 1) && access(TTF, R_OK) == 0;

	if (!init) {
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		init = 1;
	}
	values(size ? data + 1 : data, size ? size - 1 : 0, v);
	fp = open_memstream(&conf, &conflen);
	if (!fp)
		abort();
	/* the office's values, each on its line of the event file */
	for (char *c = v[0]; *c; c++)
		if (*c == '\n' || *c == '\r')
			*c = ' ';
	for (char *c = v[1]; *c; c++)
		if (*c == '\n' || *c == '\r')
			*c = ' ';
	fprintf(fp, "instansi = \"%s\"\nalamat = \"%s\"\nttd_nama = \"%s\"\n"
		"ttd_jabatan = Kepala | %s\n%s", v[0], v[1], v[1], v[0],
		ttf ? "font = " TTF "\n" : "");
	fclose(fp);
	if (ibm_event_parse(ev, "fuzz.conf", conf, conflen) == 0) {
		ibm_atomic *a;

		ts_office_init(&o, ev);
		d = ts_open(&o, v[2]);
		draw(d, v);
		a = ts_save(d, "/dev/null");
		ibm_atomic_finish(a);
		d = ts_measure(&o);
		fp = open_memstream(&html, &htmllen);
		if (!fp)
			abort();
		ts_svg_begin(&svg, fp, &o, v[2]);
		ts_record(d, ts_svg_op, &svg);
		draw(d, v);
		ts_svg_end(&svg);
		ts_free(d);
		fclose(fp);
		check_svg(html);
		free(html);
		ts_office_free(&o);
	}
	ibm_event_free(ev);
	free(conf);
	for (int i = 0; i < NV; i++)
		free(v[i]);
	return 0;
}
