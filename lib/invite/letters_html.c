/*
 * letters_html.c - ibm-invite's letters as one self-contained, print-ready
 * HTML page: A4 @page CSS, one letter per printed page (attachments on
 * their own pages), the logo embedded as a data: URI, values escaped.
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
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", h->fp); break;
		case '<': fputs("&lt;", h->fp); break;
		case '>': fputs("&gt;", h->fp); break;
		case '"': fputs("&quot;", h->fp); break;
		case '\'': fputs("&#39;", h->fp); break;
		default: fputc(*s, h->fp);
		}
	}
}

/* <tag class="cls">escaped text</tag> */
static void el(hb *h, const char *tag, const char *cls, const char *text)
{
	fprintf(h->fp, "<%s%s%s%s>", tag, cls ? " class=\"" : "",
		cls ? cls : "", cls ? "\"" : "");
	esc(h, text);
	fprintf(h->fp, "</%s>\n", tag);
}

static void base64(hb *h, const unsigned char *d, size_t n)
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
		fwrite(out, 1, 4, h->fp);
	}
}

static const char css[] =
	"@page { size: A4 portrait; margin: 15mm 20mm 20mm 25mm; }\n"
	"body { font-family: \"Times New Roman\", Times, serif; "
	"font-size: 12pt; line-height: 1.3; margin: 0; color: #000; }\n"
	".page { break-after: page; page-break-after: always; }\n"
	".page:last-child { break-after: auto; page-break-after: auto; }\n"
	".kop { display: flex; align-items: center; border-bottom: 3px double "
	"#000; padding-bottom: 4pt; margin-bottom: 12pt; }\n"
	".kop img { height: 22mm; margin-right: 4mm; }\n"
	".kop .t { flex: 1; text-align: center; }\n"
	".kop .l1 { font-weight: bold; font-size: 12pt; margin: 0; }\n"
	".kop .l2 { font-weight: bold; font-size: 14pt; margin: 0; }\n"
	".kop .a { font-size: 9.5pt; margin: 0; }\n"
	".head { display: flex; justify-content: space-between; "
	"align-items: flex-start; }\n"
	"table.meta td { padding: 0 4pt 0 0; vertical-align: top; }\n"
	".yth { margin: 12pt 0; }\n"
	".yth p { margin: 0; }\n"
	".yth .in { padding-left: 2.6em; }\n"
	".yth .tempat { padding-left: 4.6em; }\n"
	".body { margin-left: 5.3em; text-align: justify; }\n"
	".body p { text-indent: 3em; margin: 0 0 4pt 0; }\n"
	"table.det { margin: 2pt 0 6pt 1.5em; }\n"
	"table.det td { padding: 0 4pt 0 0; vertical-align: top; }\n"
	".ttd { margin: 14pt 0 0 55%; text-align: center; }\n"
	".ttd p { margin: 0; }\n"
	".ttd .jab { font-weight: bold; }\n"
	".ttd .nama { margin-top: 60pt; font-weight: bold; "
	"text-decoration: underline; }\n"
	".tembusan { margin-top: 12pt; font-size: 10.5pt; }\n"
	".tembusan ol { margin: 0; padding-left: 1.5em; }\n"
	".lamp { margin-left: 55%; font-size: 10.5pt; }\n"
	".lamp p { margin: 0; }\n"
	"h2 { text-align: center; font-size: 12pt; margin: 12pt 0 0 0; }\n"
	"h3 { text-align: center; font-size: 12pt; margin: 0 0 10pt 0; }\n"
	"table.list { border-collapse: collapse; width: 100%; "
	"font-size: 10.5pt; }\n"
	"table.list th, table.list td { border: 1px solid #000; "
	"padding: 2pt 4pt; text-align: left; vertical-align: top; }\n"
	"table.list thead { display: table-header-group; }\n"
	"@media screen { body { background: #ddd; } .page { background: "
	"#fff; width: 210mm; min-height: 297mm; box-sizing: border-box; "
	"padding: 15mm 20mm 20mm 25mm; margin: 8mm auto; } }\n";

static void letterhead(hb *h, const invite *iv, const char *logo_uri_head,
		       const unsigned char *logo, size_t logo_len)
{
	const inv_event *e = &iv->ev;

	raw(h, "<div class=\"kop\">\n");
	if (logo) {
		raw(h, "<img alt=\"logo\" src=\"");
		raw(h, logo_uri_head);
		base64(h, logo, logo_len);
		raw(h, "\">\n");
	}
	raw(h, "<div class=\"t\">\n");
	for (size_t i = 0; i < e->kop.n; i++)
		el(h, "p", i + 1 == e->kop.n ? "l2" : "l1", e->kop.v[i]);
	if (e->alamat || e->telepon) {
		raw(h, "<p class=\"a\">");
		if (e->alamat)
			esc(h, e->alamat);
		if (e->telepon) {
			raw(h, e->alamat ? ", Telp. " : "Telp. ");
			esc(h, e->telepon);
		}
		raw(h, "</p>\n");
	}
	if (e->email || e->website) {
		raw(h, "<p class=\"a\">");
		if (e->email) {
			raw(h, "Email: ");
			esc(h, e->email);
		}
		if (e->website) {
			raw(h, e->email ? " &nbsp; Laman: " : "Laman: ");
			esc(h, e->website);
		}
		raw(h, "</p>\n");
	}
	raw(h, "</div>\n</div>\n");
}

static void row2(hb *h, const char *label, const char *value, int bold)
{
	raw(h, "<tr><td>");
	esc(h, label);
	raw(h, "</td><td>:</td><td>");
	if (bold)
		raw(h, "<b>");
	esc(h, value);
	if (bold)
		raw(h, "</b>");
	raw(h, "</td></tr>\n");
}

static void attachment_head(hb *h, const invite *iv, const char *nomor,
			    const char *title)
{
	char date[64];

	ibm_date_long(date, sizeof date, iv->ev.tanggal_surat);
	raw(h, "<section class=\"page\">\n<div class=\"lamp\">\n"
	       "<p>Lampiran surat</p>\n<p>Nomor : ");
	esc(h, nomor);
	raw(h, "</p>\n<p>Tanggal : ");
	esc(h, date);
	raw(h, "</p>\n</div>\n");
	el(h, "h2", NULL, title);
	el(h, "h3", NULL, iv->ev.acara);
}

static void letter(hb *h, const invite *iv, const inv_person *ps,
		   const char *nomor, const char *logo_head,
		   const unsigned char *logo, size_t logo_len)
{
	const inv_event *e = &iv->ev;
	char date[64], buf[512];
	char *lamp = inv_text_lampiran(iv), *t, *ht;
	inv_lines tb;

	raw(h, "<section class=\"page letter\">\n");
	letterhead(h, iv, logo_head, logo, logo_len);
	ibm_date_long(date, sizeof date, e->tanggal_surat);
	raw(h, "<div class=\"head\">\n<table class=\"meta\">\n");
	row2(h, "Nomor", nomor, 0);
	row2(h, "Sifat", e->sifat, 0);
	row2(h, "Lampiran", lamp, 0);
	row2(h, "Hal", e->hal, 1);
	raw(h, "</table>\n");
	snprintf(buf, sizeof buf, "%s, %s", e->tempat_surat, date);
	el(h, "div", "date", buf);
	raw(h, "</div>\n<div class=\"yth\">\n");
	free(lamp);
	if (ps) {
		raw(h, "<p><b>Yth. ");
		esc(h, inv_salutation(ps));
		raw(h, " ");
		esc(h, ps->f[INV_NAMA]);
		raw(h, "</b></p>\n");
		if (ps->f[INV_JABATAN][0])
			el(h, "p", "in", ps->f[INV_JABATAN]);
		if (ps->f[INV_UNIT][0])
			el(h, "p", "in", ps->f[INV_UNIT]);
		if (ps->f[INV_KELURAHAN][0]) {
			snprintf(buf, sizeof buf, "Desa/Kelurahan %s",
				 ps->f[INV_KELURAHAN]);
			el(h, "p", "in", buf);
		}
	} else {
		snprintf(buf, sizeof buf, "Yth. %s", e->kepada);
		el(h, "p", NULL, buf);
	}
	raw(h, "<p class=\"in\">di -</p>\n<p class=\"tempat\">Tempat</p>\n"
	       "</div>\n<div class=\"body\">\n");
	t = inv_text_pembuka(iv);
	el(h, "p", NULL, t);
	free(t);
	ht = inv_text_hari_tanggal(iv);
	raw(h, "<table class=\"det\">\n");
	row2(h, "hari/tanggal", ht, 0);
	row2(h, "waktu", e->waktu, 0);
	row2(h, "tempat", e->tempat, 0);
	row2(h, "acara", e->acara, 0);
	raw(h, "</table>\n");
	free(ht);
	t = inv_text_penutup(iv);
	el(h, "p", NULL, t);
	free(t);
	raw(h, "</div>\n<div class=\"ttd\">\n");
	for (size_t i = 0; i < e->ttd_jabatan.n; i++)
		el(h, "p", "jab", e->ttd_jabatan.v[i]);
	el(h, "p", "nama", e->ttd_nama);
	if (e->ttd_pangkat)
		el(h, "p", NULL, e->ttd_pangkat);
	if (e->ttd_nip) {
		snprintf(buf, sizeof buf, "NIP. %s", e->ttd_nip);
		el(h, "p", NULL, buf);
	}
	raw(h, "</div>\n");
	inv_tembusan(iv, &tb);
	if (tb.n) {
		raw(h, "<div class=\"tembusan\">\n<p>Tembusan:</p>\n<ol>\n");
		for (size_t i = 0; i < tb.n; i++)
			el(h, "li", NULL, tb.v[i]);
		raw(h, "</ol>\n</div>\n");
	}
	inv_lines_free(&tb);
	raw(h, "</section>\n");
	if (iv->collective) {
		attachment_head(h, iv, nomor, "DAFTAR PESERTA");
		raw(h, "<table class=\"list\">\n<thead><tr><th>No</th>"
		       "<th>Nama</th><th>Jabatan/Unit IBM</th>"
		       "<th>Desa/Kelurahan</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < iv->np; i++) {
			const inv_person *p = &iv->p[i];

			fprintf(h->fp, "<tr><td>%ld</td><td>", p->no);
			esc(h, p->f[INV_NAMA]);
			raw(h, "</td><td>");
			esc(h, p->f[INV_JABATAN]);
			if (p->f[INV_JABATAN][0] && p->f[INV_UNIT][0])
				raw(h, ", ");
			esc(h, p->f[INV_UNIT]);
			raw(h, "</td><td>");
			esc(h, p->f[INV_KELURAHAN]);
			raw(h, "</td></tr>\n");
		}
		raw(h, "</tbody>\n</table>\n</section>\n");
	}
	if (iv->nag) {
		int prev = 0;

		attachment_head(h, iv, nomor, "SUSUNAN ACARA");
		ht = inv_text_hari_tanggal(iv);
		el(h, "p", NULL, ht);
		free(ht);
		raw(h, "<table class=\"list\">\n<thead><tr><th>Hari/Tanggal"
		       "</th><th>Waktu</th><th>Kegiatan</th>"
		       "<th>Narasumber/PJ</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < iv->nag; i++) {
			const inv_agenda *a = &iv->ag[i];
			char *day = inv_day_text(iv, a->day);

			raw(h, "<tr><td>");
			if (a->day != prev)
				esc(h, day);
			prev = a->day;
			free(day);
			raw(h, "</td><td>");
			esc(h, a->waktu);
			raw(h, "</td><td>");
			esc(h, a->acara);
			raw(h, "</td><td>");
			esc(h, a->pj);
			raw(h, "</td></tr>\n");
		}
		raw(h, "</tbody>\n</table>\n</section>\n");
	}
}

void inv_letters_html(const invite *iv, const char *path, inv_outs *outs)
{
	unsigned char *logo = NULL;
	size_t logo_len = 0;
	const char *head = NULL;
	ibm_atomic *a;
	hb h;

	if (iv->ev.logo)
		head = inv_logo_read(iv, &logo, &logo_len) == 1 ?
			"data:image/png;base64," : "data:image/jpeg;base64,";
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
		char *n = inv_number(iv->ev.nomor, iv->ev.nomor_awal);

		letter(&h, iv, NULL, n, head, logo, logo_len);
		free(n);
	} else {
		for (size_t i = 0; i < iv->np; i++)
			letter(&h, iv, &iv->p[i], iv->p[i].letter_number, head,
			       logo, logo_len);
	}
	raw(&h, "</body>\n</html>\n");
	free(logo);
	inv_outs_add(outs, a);
}
