/*
 * letters_html.c - ibm-invite's letters as one self-contained, print-ready
 * HTML page: A4 @page CSS, the logo embedded as a data: URI, values
 * escaped. A browser's own line breaking and page breaking would give
 * other pages than the PDF letters (a date wrapped, a Tembusan spilling
 * over), so the letters are laid out as the PDF sets them in Times
 * (inv_typeset_* in letters_pdf.c, on lib/typeset/): every line is a block of its own,
 * justified where the PDF justifies it, sizes and line heights in points,
 * the Tembusan in the PDF's columns, each attachment page a section with
 * the PDF's rows. A browser prints one page per letter, plus the
 * attachment pages, as the PDF (tests/letters-print.t).
 */
#include "invite.h"

#include <stdlib.h>
#include <string.h>

typedef struct hb {
	FILE *fp;
} hb;

static void raw(hb *h, const char *s)
{
	fputs(s, h->fp);
}

/* s with & < > " ' escaped. */
static void esc(hb *h, const char *s)
{
	ts_html_esc(h->fp, s, strlen(s));
}

/* <tag class="cls">escaped text</tag> */
static void el(hb *h, const char *tag, const char *cls, const char *text)
{
	fprintf(h->fp, "<%s%s%s%s>", tag, cls ? " class=\"" : "",
		cls ? cls : "", cls ? "\"" : "");
	esc(h, text);
	fprintf(h->fp, "</%s>\n", tag);
}

/*
 * The print CSS: the page, sizes and line heights of the PDF letters
 * (letters_pdf.c), so that a browser prints the lines the PDF sets, on
 * the same pages. The bottom margin is 20 points smaller than the PDF's:
 * a browser's Times differs a little, and must not push a line over.
 */
static const char css[] =
	"@page { size: A4 portrait; margin: 40pt 56pt 36pt 70pt; }\n"
	"body { font-family: \"Times New Roman\", Times, \"Liberation Serif\", "
	"serif; font-size: 12pt; line-height: 15pt; margin: 0; "
	"color: #000; }\n"
	"p { margin: 0; }\n"
	".page { break-after: page; page-break-after: always; "
	"position: relative; }\n"
	".page:last-child { break-after: auto; page-break-after: auto; }\n"
	".l { display: block; white-space: nowrap; }\n"
	".j { text-align: justify; text-align-last: justify; }\n"
	".c { text-align: center; }\n"
	".kop { display: flex; align-items: flex-start; min-height: 62pt; "
	"border-bottom: 2pt solid #000; margin-bottom: 9pt; "
	"padding-bottom: 6pt; position: relative; }\n"
	".kop:after { content: \"\"; position: absolute; left: 0; right: 0; "
	"bottom: -3.6pt; border-bottom: 0.6pt solid #000; }\n"
	".kop img { height: 62pt; margin-right: 6pt; }\n"
	".kop .t { flex: 1; text-align: center; white-space: nowrap; }\n"
	".kop .l1 { font-weight: bold; font-size: 12pt; line-height: 14pt; }\n"
	".kop .l2 { font-weight: bold; font-size: 14pt; line-height: 17pt; }\n"
	".kop .a { font-size: 9.5pt; line-height: 12pt; }\n"
	".head { position: relative; }\n"
	".date { text-align: right; white-space: nowrap; }\n"
	".head .date { position: absolute; top: 0; right: 0; }\n"
	"table { border-spacing: 0; }\n"
	"td, th { padding: 0; vertical-align: top; text-align: left; }\n"
	".yth { margin-top: 15pt; }\n"
	".body { margin-top: 15pt; }\n"
	".det { margin: 4pt 0 4pt 0; padding-left: 16pt; }\n"
	".ttd { margin-top: 15pt; text-align: center; font-weight: bold; }\n"
	".ttd .nama { margin-top: 52pt; text-decoration: underline; }\n"
	".ttd .x { font-weight: normal; }\n"
	".tembusan { margin-top: 10pt; font-size: 10.5pt; "
	"line-height: 13pt; }\n"
	".tembusan .cols { display: flex; justify-content: space-between; }\n"
	".pgno { margin-bottom: 15pt; }\n"
	".body.cont { margin-top: 0; }\n"
	".item { position: relative; }\n"
	".item .n { position: absolute; left: 0; text-align: right; }\n"
	".lamp { font-size: 10.5pt; line-height: 13pt; }\n"
	"h2 { font-size: 12pt; line-height: 15pt; margin: 16pt 0 0 0; "
	"text-align: center; }\n"
	"h3 { font-size: 12pt; line-height: 15pt; margin: 0 0 10pt 0; "
	"text-align: center; }\n"
	".sub { font-size: 10.5pt; line-height: 13pt; margin-bottom: 6pt; }\n"
	"table.list { border-collapse: collapse; table-layout: fixed; "
	"font-size: 10.5pt; line-height: 13pt; }\n"
	"table.list th, table.list td { border: 0.6pt solid #000; "
	"padding: 2pt 4pt 5.4pt 4pt; white-space: nowrap; overflow: hidden; }\n"
	"@media screen { body { background: #ddd; } .page { background: "
	"#fff; width: 595.3pt; min-height: 841.9pt; box-sizing: border-box; "
	"padding: 40pt 56pt 36pt 70pt; margin: 8mm auto; } }\n";

#define LEFT TS_LEFT
#define RIGHT TS_RIGHT
#define TEXT_W (RIGHT - LEFT)

/* Text s set as the PDF sets it: one block per line, the first indented
 * by w - w1, all w wide; justified lines (all but the last) when j. */
static void lines(hb *h, inv_typeset *t, int bold, float size, float w1,
		  float w, const char *s, int j)
{
	char *r = ts_lines(inv_typeset_doc(t), bold, size, w1, w, s), *q = r;

	for (;;) {
		char *nl = strchr(q, '\n');

		raw(h, j && nl ? "<span class=\"l j\"" : "<span class=\"l\"");
		if (q == r && w1 < w)
			fprintf(h->fp, " style=\"padding-left:%.1fpt\"", w - w1);
		raw(h, ">");
		if (nl)
			*nl = '\0';
		esc(h, q);
		raw(h, "</span>");
		if (!nl)
			break;
		q = nl + 1;
	}
	free(r);
}

/* The lines of a table cell, joined by <br>. */
static void cell_lines(hb *h, inv_typeset *t, int bold, float w,
		       const char *s)
{
	char *r = ts_lines(inv_typeset_doc(t), bold, TS_SMALL, w - 8, w - 8, s);
	char *q = r;

	for (;;) {
		char *nl = strchr(q, '\n');

		if (nl)
			*nl = '\0';
		esc(h, q);
		if (!nl)
			break;
		raw(h, "<br>");
		q = nl + 1;
	}
	free(r);
}

static void letterhead(hb *h, const invite *iv, const char *logo_uri_head,
		       const unsigned char *logo, size_t logo_len)
{
	const inv_event *e = &iv->ev;

	raw(h, "<div class=\"kop\">\n");
	if (logo) {
		raw(h, "<img alt=\"logo\" src=\"");
		raw(h, logo_uri_head);
		ts_html_base64(h->fp, logo, logo_len);
		raw(h, "\">\n");
	}
	raw(h, "<div class=\"t\">\n");
	for (size_t i = 0; i < e->office.kop.n; i++)
		el(h, "p", i + 1 == e->office.kop.n ? "l2" : "l1", e->office.kop.v[i]);
	if (e->office.alamat || e->office.telepon) {
		raw(h, "<p class=\"a\">");
		if (e->office.alamat)
			esc(h, e->office.alamat);
		if (e->office.telepon) {
			raw(h, e->office.alamat ? ", Telp. " : "Telp. ");
			esc(h, e->office.telepon);
		}
		raw(h, "</p>\n");
	}
	if (e->office.email || e->office.website) {
		raw(h, "<p class=\"a\">");
		if (e->office.email) {
			raw(h, "Email: ");
			esc(h, e->office.email);
		}
		if (e->office.website) {
			raw(h, e->office.email ? " &nbsp; Laman: " : "Laman: ");
			esc(h, e->office.website);
		}
		raw(h, "</p>\n");
	}
	raw(h, "</div>\n</div>\n");
}

/* A "label : value" row: label and colon columns lw and cw points wide,
 * the value wrapped to vw points. */
static void row2(hb *h, inv_typeset *t, float size, float lw, float cw,
		 float vw, const char *label, const char *value, int bold)
{
	fprintf(h->fp, "<tr><td style=\"width:%.1fpt\">", lw);
	esc(h, label);
	fprintf(h->fp, "</td><td style=\"width:%.1fpt\">:</td><td>%s", cw,
		bold ? "<b>" : "");
	lines(h, t, bold, size, vw, vw, value, 0);
	raw(h, bold ? "</b></td></tr>\n" : "</td></tr>\n");
}

static void attachment_head(hb *h, inv_typeset *t, const invite *iv,
			    const char *nomor, const char *title)
{
	char date[64];
	char *ls = inv_text_lampiran_surat(iv);
	float x = TS_INDENT_RIGHT, w = TEXT_W - x;
	float lw = ts_width(inv_typeset_doc(t), 0, TS_SMALL, "Tanggal") + 4;

	ibm_date_long(date, sizeof date, iv->ev.tanggal_surat);
	fprintf(h->fp, "<div class=\"lamp\" style=\"margin-left:%.1fpt\">\n"
		"<p>", x);
	lines(h, t, 0, TS_SMALL, w, w, ls, 0);
	raw(h, "</p>\n<table>\n");
	row2(h, t, TS_SMALL, lw, 8, w - lw - 8, "Nomor", nomor, 0);
	row2(h, t, TS_SMALL, lw, 8, w - lw - 8, "Tanggal", date, 0);
	raw(h, "</table>\n</div>\n");
	free(ls);
	el(h, "h2", NULL, title);
	raw(h, "<h3>");
	lines(h, t, 1, TS_SIZE, TEXT_W, TEXT_W, iv->ev.acara, 0);
	raw(h, "</h3>\n");
}

static void table_open(hb *h, const float *w, const char *const *head)
{
	float total = 0;

	for (int c = 0; c < 4; c++)
		total += w[c];
	fprintf(h->fp, "<table class=\"list\" style=\"width:%.1fpt\">\n"
		"<colgroup>", total);
	for (int c = 0; c < 4; c++)
		fprintf(h->fp, "<col style=\"width:%.1fpt\">", w[c]);
	raw(h, "</colgroup>\n<thead><tr>");
	for (int c = 0; c < 4; c++) {
		raw(h, "<th>");
		esc(h, head[c]);
		raw(h, "</th>");
	}
	raw(h, "</tr></thead>\n<tbody>\n");
}

static void row4(hb *h, inv_typeset *t, const float *w,
		 const char *const *cells)
{
	raw(h, "<tr>");
	for (int c = 0; c < 4; c++) {
		raw(h, "<td>");
		cell_lines(h, t, 0, w[c], cells[c]);
		raw(h, "</td>");
	}
	raw(h, "</tr>\n");
}

/* The office's signatory on the right, as ts_signature sets it. */
static void signature(hb *h, const invite *iv)
{
	const ts_signer *s = &iv->ev.office.ttd;
	char buf[256];

	fprintf(h->fp, "<div class=\"ttd\" style=\"margin-left:%.1fpt\">\n",
		TS_INDENT_RIGHT);
	for (size_t i = 0; i < s->jabatan.n; i++)
		el(h, "p", NULL, s->jabatan.v[i]);
	el(h, "p", "nama", s->nama);
	if (s->pangkat)
		el(h, "p", "x", s->pangkat);
	if (s->nip) {
		snprintf(buf, sizeof buf, "NIP. %s", s->nip);
		el(h, "p", "x", buf);
	}
	raw(h, "</div>\n");
}

/* The attachment pages, as the PDF letters break them; the list of
 * invitees signed under its last rows. */
static void attachments(hb *h, inv_typeset *t, const invite *iv,
			const char *nomor, const inv_layout *lay)
{
	static const char *const phead[] = { "No", "Nama",
		"Jabatan/Unit IBM", "Desa/Kelurahan" };
	static const char *const ahead[] = { "Hari/Tanggal", "Waktu",
		"Kegiatan", "Narasumber/PJ" };

	for (size_t k = 0; k < lay->npage; k++) {
		const inv_att_page *pg = &lay->page[k];
		const float *w = pg->table ? inv_agenda_cols : inv_people_cols;

		raw(h, "<section class=\"page\">\n");
		if (pg->head)
			attachment_head(h, t, iv, nomor, pg->table ?
					"SUSUNAN ACARA" : "DAFTAR PESERTA");
		if (pg->head && pg->table) {
			char *ht = inv_text_hari_tanggal(iv);

			raw(h, "<p class=\"sub\">");
			lines(h, t, 0, TS_SMALL, TEXT_W, TEXT_W, ht, 0);
			raw(h, "</p>\n");
			free(ht);
		}
		table_open(h, w, pg->table ? ahead : phead);
		for (size_t i = pg->first; i < pg->end; i++) {
			const char *cells[4];

			if (pg->table) {
				const inv_agenda *a = &iv->ag[i];
				char *day = inv_day_text(iv, a->day);

				cells[0] = i == 0 || iv->ag[i - 1].day !=
					a->day ? day : "";
				cells[1] = a->waktu;
				cells[2] = a->acara;
				cells[3] = a->pj;
				row4(h, t, w, cells);
				free(day);
			} else {
				const inv_person *p = &iv->p[i];
				char no[24], ju[512];

				snprintf(no, sizeof no, "%ld", p->no);
				snprintf(ju, sizeof ju, "%s%s%s",
					 p->f[INV_JABATAN],
					 p->f[INV_JABATAN][0] &&
					 p->f[INV_UNIT][0] ? ", " : "",
					 p->f[INV_UNIT]);
				cells[0] = no;
				cells[1] = p->f[INV_NAMA];
				cells[2] = ju;
				cells[3] = p->f[INV_KELURAHAN];
				row4(h, t, w, cells);
			}
		}
		raw(h, "</tbody>\n</table>\n");
		if (!pg->table && pg->end == iv->np)
			signature(h, iv);
		raw(h, "</section>\n");
	}
}

/* One copy line with its number in a hanging indent of numw points. */
static void copy_item(hb *h, inv_typeset *t, float numw, float w, size_t no,
		      const char *s)
{
	fprintf(h->fp, "<div class=\"item\" style=\"padding-left:%.1fpt\">"
		"<span class=\"n\" style=\"width:%.1fpt\">%zu.</span>", numw,
		numw - ts_width(inv_typeset_doc(t), 0, TS_SMALL, " "), no);
	lines(h, t, 0, TS_SMALL, w - numw, w - numw, s, 0);
	raw(h, "</div>\n");
}

/* The number of a page that continues a letter, as the PDF's. */
static void page_number(hb *h, int n)
{
	fprintf(h->fp, "<p class=\"c pgno\">- %d -</p>\n", n);
}

static void letter(hb *h, inv_typeset *t, const invite *iv,
		   const inv_person *ps, const char *nomor,
		   const char *logo_head, const unsigned char *logo,
		   size_t logo_len)
{
	const inv_event *e = &iv->ev;
	char date[64], buf[512];
	char *lamp, *tx, *ht;
	inv_lines tb;
	inv_layout lay;
	float cx = ts_width(inv_typeset_doc(t), 0, TS_SIZE, "Lampiran") + 6;
	float vx = cx + 8, ix = ts_width(inv_typeset_doc(t), 0, TS_SIZE, "Yth. ");
	float lw = ts_width(inv_typeset_doc(t), 0, TS_SIZE, "hari/tanggal") + 10;
	float bw = TEXT_W - vx, dw = bw - 16 - lw - 8;

	inv_typeset_letter(t, ps, nomor, &lay);
	lamp = inv_text_lampiran(iv, lay.sheets);
	raw(h, "<section class=\"page letter\">\n");
	letterhead(h, iv, logo_head, logo, logo_len);
	ibm_date_long(date, sizeof date, e->tanggal_surat);
	snprintf(buf, sizeof buf, "%s, %s", e->tempat_surat, date);
	raw(h, "<div class=\"head\">\n");
	if (lay.date_above)
		el(h, "p", "date", buf);
	raw(h, "<table class=\"meta\">\n");
	row2(h, t, TS_SIZE, cx, 8, TEXT_W - vx, "Nomor", nomor, 0);
	row2(h, t, TS_SIZE, cx, 8, TEXT_W - vx, "Sifat", e->sifat, 0);
	row2(h, t, TS_SIZE, cx, 8, TEXT_W - vx, "Lampiran", lamp, 0);
	row2(h, t, TS_SIZE, cx, 8, TEXT_W - vx - 140, "Hal", e->hal, 1);
	raw(h, "</table>\n");
	if (!lay.date_above)
		el(h, "p", "date", buf);
	raw(h, "</div>\n<div class=\"yth\">\n");
	free(lamp);
	if (ps) {
		raw(h, "<p><b>Yth. ");
		esc(h, inv_salutation(ps));
		raw(h, " ");
		esc(h, ps->f[INV_NAMA]);
		raw(h, "</b></p>\n");
		fprintf(h->fp, "<div style=\"padding-left:%.1fpt\">\n", ix);
		if (ps->f[INV_JABATAN][0])
			el(h, "p", NULL, ps->f[INV_JABATAN]);
		if (ps->f[INV_UNIT][0])
			el(h, "p", NULL, ps->f[INV_UNIT]);
		if (ps->f[INV_KELURAHAN][0]) {
			snprintf(buf, sizeof buf, "%s %s",
				 inv_village_word(ps->kind),
				 ps->f[INV_KELURAHAN]);
			el(h, "p", NULL, buf);
		}
	} else {
		snprintf(buf, sizeof buf, "Yth. %s", e->kepada);
		el(h, "p", NULL, buf);
		fprintf(h->fp, "<div style=\"padding-left:%.1fpt\">\n", ix);
	}
	raw(h, "<p>di -</p>\n<p style=\"padding-left:24pt\">Tempat</p>\n"
	       "</div>\n</div>\n");
	fprintf(h->fp, "<div class=\"body\" style=\"margin-left:%.1fpt\">\n"
		"<p>", vx);
	tx = inv_text_pembuka(iv, ps);
	lines(h, t, 0, TS_SIZE, bw - 36, bw, tx, 1);
	free(tx);
	ht = inv_text_hari_tanggal(iv);
	raw(h, "</p>\n<div class=\"det\">\n<table>\n");
	row2(h, t, TS_SIZE, lw, 8, dw, "hari/tanggal", ht, 0);
	row2(h, t, TS_SIZE, lw, 8, dw, "waktu", e->waktu, 0);
	row2(h, t, TS_SIZE, lw, 8, dw, "tempat", e->tempat, 0);
	row2(h, t, TS_SIZE, lw, 8, dw, "acara", e->acara, 0);
	raw(h, "</table>\n</div>\n");
	free(ht);
	if (lay.keep_break) {
		/* the closing paragraph begins page 2, as in the PDF */
		raw(h, "</div>\n</section>\n<section class=\"page letter\">\n");
		page_number(h, 2);
		fprintf(h->fp, "<div class=\"body cont\" style=\"margin-left:"
			"%.1fpt\">\n", vx);
	}
	raw(h, "<p>");
	tx = inv_text_penutup(iv, ps);
	lines(h, t, 0, TS_SIZE, bw - 36, bw, tx, 1);
	free(tx);
	raw(h, "</p>\n</div>\n");
	signature(h, iv);
	inv_tembusan(iv, &tb);
	if (tb.n) {
		float numw, colw = TEXT_W / 2 - 6;

		snprintf(buf, sizeof buf, "%zu. ", tb.n);
		numw = ts_width(inv_typeset_doc(t), 0, TS_SMALL, buf);
		/* on the PDF's pages: the signature's, then the pages that
		 * continue the letter */
		for (size_t k = 0; k < lay.ncopy_page; k++) {
			const ts_copy_page *pg = &lay.copy_page[k];

			if (k) {
				raw(h, "</section>\n<section class=\"page "
				       "letter\">\n");
				page_number(h, 2 + lay.keep_break + (int)k - 1);
			}
			if (pg->end == pg->first)
				continue;
			raw(h, "<div class=\"tembusan\">\n<p>");
			raw(h, pg->first ? "Tembusan lanjutan:" : "Tembusan:");
			raw(h, "</p>\n");
			if (lay.tembusan_two) {
				fprintf(h->fp, "<div class=\"cols\">\n<div "
					"style=\"width:%.1fpt\">\n", colw);
				for (size_t i = pg->first; i < pg->end; i++) {
					if (i == pg->half)
						fprintf(h->fp, "</div>\n<div "
							"style=\"width:%.1fpt"
							"\">\n", colw);
					copy_item(h, t, numw, colw, i + 1,
						  tb.v[i]);
				}
				raw(h, "</div>\n</div>\n");
			} else {
				for (size_t i = pg->first; i < pg->end; i++)
					copy_item(h, t, numw, TEXT_W, i + 1,
						  tb.v[i]);
			}
			raw(h, "</div>\n");
		}
	}
	inv_lines_free(&tb);
	raw(h, "</section>\n");
	attachments(h, t, iv, nomor, &lay);
}

void inv_letters_html(const invite *iv, const char *path, inv_outs *outs)
{
	unsigned char *logo = NULL;
	size_t logo_len = 0;
	const char *head = NULL;
	ibm_atomic *a;
	inv_typeset *t = inv_typeset_new(iv);
	hb h;

	head = ts_html_logo(&iv->ev.office, &logo, &logo_len);
	a = ibm_atomic_open(path);
	h.fp = ibm_atomic_fp(a);
	raw(&h, "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n"
		"<meta charset=\"utf-8\">\n"
		"<meta name=\"generator\" content=\"ibmkit " IBMKIT_VERSION
		"\">\n<title>");
	esc(&h, iv->ev.hal);
	raw(&h, " - ");
	esc(&h, iv->ev.acara);
	raw(&h, "</title>\n<style>\n");
	raw(&h, css);
	raw(&h, "</style>\n</head>\n<body>\n");
	if (iv->collective) {
		char *n = inv_collective_number(iv);

		letter(&h, t, iv, NULL, n, head, logo, logo_len);
		free(n);
	} else {
		for (size_t i = 0; i < iv->np; i++)
			letter(&h, t, iv, &iv->p[i], iv->p[i].letter_number,
			       head, logo, logo_len);
	}
	raw(&h, "</body>\n</html>\n");
	free(logo);
	inv_typeset_free(t);
	inv_outs_add(outs, a);
}
