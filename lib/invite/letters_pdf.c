/*
 * letters_pdf.c - ibm-invite's letters as PDF through libharu.
 *
 * Text is in the standard Times font (WinAnsiEncoding, so UTF-8 is
 * converted to Windows-1252 and anything else is refused by
 * inv_pdf_check before anything is written), or in the TrueType font the
 * event file names (font =, font_bold =) with libharu's UTF-8 encoding.
 * The word wrap and justification are done here: each word is measured
 * and placed, so justification works for both kinds of font.
 * The creation date comes from SOURCE_DATE_EPOCH when set; libharu writes
 * no random document ID without encryption, so the output is the same
 * for the same input.
 */
#include "invite.h"
#include "port.h"

#include <hpdf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PAGE_W 595.276f
#define PAGE_H 841.89f
#define LEFT 70.0f
#define RIGHT (PAGE_W - 56.0f)
#define TOP (PAGE_H - 40.0f)
#define BOTTOM 56.0f
#define SIZE 12.0f
#define LEAD 15.0f

typedef struct pdf {
	HPDF_Doc doc;
	HPDF_Page page;
	HPDF_Font font, bold;
	HPDF_Image logo;
	int utf8;
	float y;
	float cx, vx;     /* colon and values of the Nomor block (body) */
	const invite *iv;
} pdf;

/* What libharu is doing, for its error messages. */
static char pdf_what[512];

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	(void)data;
	ibm_die(IBM_EX_DATAERR, NULL, 0, "PDF: %s failed (libharu error "
		"0x%04X, detail %u)", pdf_what, (unsigned)e, (unsigned)detail);
}

static void doing(const char *what, const char *arg)
{
	snprintf(pdf_what, sizeof pdf_what, "%s%s", what, arg ? arg : "");
}

/* Text in the font's encoding (malloc'd). */
static char *enc(const pdf *p, const char *s)
{
	long bad;
	char *r;

	if (p->utf8) {
		r = ibm_xstrdup(s);
		for (char *q = r; *q; q++)
			if (*q == '\t' || *q == '\n' || *q == '\r')
				*q = ' ';
		return r;
	}
	r = inv_to_cp1252(s, &bad);
	return r ? r : ibm_xstrdup("?"); /* checked before: cannot happen */
}

static float width(const pdf *p, HPDF_Font f, float size, const char *e)
{
	HPDF_Page_SetFontAndSize(p->page, f, size);
	return HPDF_Page_TextWidth(p->page, e);
}

/* Draw encoded text e at x, y. */
static void put(const pdf *p, HPDF_Font f, float size, float x, float y,
		const char *e)
{
	HPDF_Page_BeginText(p->page);
	HPDF_Page_SetFontAndSize(p->page, f, size);
	HPDF_Page_TextOut(p->page, x, y, e);
	HPDF_Page_EndText(p->page);
}

static void new_page(pdf *p)
{
	p->page = HPDF_AddPage(p->doc);
	HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	p->y = TOP;
}

static void need(pdf *p, float h)
{
	if (p->y - h < BOTTOM)
		new_page(p);
}

/* One line of UTF-8 text at x (align 0 left, 1 centre in [x, x1],
 * 2 right ending at x1); moves down by lead. */
static void line(pdf *p, HPDF_Font f, float size, float lead, float x,
		 float x1, int align, const char *s)
{
	char *e = enc(p, s);
	float w = width(p, f, size, e);

	/* a centred line too wide for its room is set smaller */
	while (align == 1 && w > x1 - x && size > 6) {
		size -= 0.5f;
		w = width(p, f, size, e);
	}
	need(p, lead);
	p->y -= lead;
	if (align == 1)
		x = x + (x1 - x - w) / 2;
	else if (align == 2)
		x = x1 - w;
	put(p, f, size, x, p->y, e);
	free(e);
}

/* Bytes of the character at s in the font's encoding. */
static size_t char_len(const pdf *p, const char *s)
{
	size_t n = 1;

	if (p->utf8)
		while (((unsigned char)s[n] & 0xC0) == 0x80)
			n++;
	return n;
}

/*
 * Length of the piece to cut from a word wider than maxw: the longest run of
 * whole characters that fits (at least one), ending after '@', '.', '/',
 * '-' or '_' when one stands in its second half. tmp holds strlen(w) + 1.
 */
static size_t fit_prefix(const pdf *p, HPDF_Font f, float size,
			 const char *w, float maxw, char *tmp)
{
	size_t i = 0, best = 0, brk = 0;

	while (w[i]) {
		size_t k = char_len(p, w + i);

		memcpy(tmp, w, i + k);
		tmp[i + k] = '\0';
		if (width(p, f, size, tmp) > maxw)
			break;
		i += k;
		best = i;
		if (strchr("@./-_", w[i - 1]))
			brk = i;
	}
	if (best == 0)
		return char_len(p, w);
	if (brk > best / 2)
		best = brk;
	return best;
}

/* The words of encoded text e, each in store (2 * strlen(e) + 2 bytes);
 * a word wider than maxw is cut into pieces that fit, each a word of its
 * own, so that nothing runs past the margin (an e-mail address, a URL). */
static size_t words_of(const pdf *p, HPDF_Font f, float size, char *e,
		       float maxw, char *store, char ***words, float **ww)
{
	char *tmp = ibm_xmalloc(strlen(e) + 1), *save = NULL;
	size_t nw = 0, cap = 0, o = 0;

	*words = NULL;
	for (char *t = strtok_r(e, " ", &save); t;
	     t = strtok_r(NULL, " ", &save)) {
		for (;;) {
			size_t n = strlen(t);

			if (t[char_len(p, t)] && width(p, f, size, t) > maxw)
				n = fit_prefix(p, f, size, t, maxw, tmp);
			memcpy(store + o, t, n);
			store[o + n] = '\0';
			ibm_grow((void **)words, &cap, nw + 1, sizeof **words);
			(*words)[nw++] = store + o;
			o += n + 1;
			if (!t[n])
				break;
			t += n;
		}
	}
	*ww = ibm_xcalloc(nw + 1, sizeof **ww);
	for (size_t k = 0; k < nw; k++)
		(*ww)[k] = width(p, f, size, (*words)[k]);
	free(tmp);
	return nw;
}

/*
 * A paragraph of UTF-8 text wrapped into [x, x1]: justified when asked
 * (the last line is not), first line indented by indent. Drawn when draw
 * is set, else only measured. Returns the number of lines.
 */
static int layout(pdf *p, HPDF_Font f, float size, float lead, float x,
		  float x1, float indent, int justify, const char *s, int draw)
{
	char *e = enc(p, s);
	char *store = ibm_xmalloc(2 * strlen(e) + 2);
	char **words;
	float *ww, space;
	size_t nw, i = 0;
	int lines = 0;

	nw = words_of(p, f, size, e, x1 - x - (indent > 0 ? indent : 0),
		      store, &words, &ww);
	space = width(p, f, size, " ");
	while (i < nw) {
		float avail = x1 - x - (lines ? 0 : indent), used = ww[i];
		float left = x + (lines ? 0 : indent), gap = space, cx;
		size_t j = i + 1;

		while (j < nw && used + space + ww[j] <= avail) {
			used += space + ww[j];
			j++;
		}
		if (justify && j < nw && j - i > 1)
			gap = space + (avail - used) / (float)(j - i - 1);
		if (draw) {
			need(p, lead);
			p->y -= lead;
			cx = left;
			for (size_t k = i; k < j; k++) {
				put(p, f, size, cx, p->y, words[k]);
				cx += ww[k] + gap;
			}
		}
		lines++;
		i = j;
	}
	free(words);
	free(ww);
	free(store);
	free(e);
	return lines;
}

static int para(pdf *p, HPDF_Font f, float size, float lead, float x,
		float x1, float indent, int justify, const char *s)
{
	return layout(p, f, size, lead, x, x1, indent, justify, s, 1);
}

/* "Label : value" with the value wrapped from vx to x1. */
static void labelled(pdf *p, float lx, float cx, float vx, float x1,
		     const char *label, const char *value, HPDF_Font vf)
{
	char *l = enc(p, label);

	need(p, LEAD);
	put(p, p->font, SIZE, lx, p->y - LEAD, l);
	put(p, p->font, SIZE, cx, p->y - LEAD, ":");
	free(l);
	para(p, vf, SIZE, LEAD, vx, x1, 0, 0, value);
}

static void rule(const pdf *p, float y, float w)
{
	HPDF_Page_SetLineWidth(p->page, w);
	HPDF_Page_MoveTo(p->page, LEFT, y);
	HPDF_Page_LineTo(p->page, RIGHT, y);
	HPDF_Page_Stroke(p->page);
}

static void letterhead(pdf *p)
{
	const inv_event *e = &p->iv->ev;
	float x0 = LEFT, top = p->y;
	char buf[512];

	if (p->logo) {
		float h = 62, w = h * (float)HPDF_Image_GetWidth(p->logo) /
			(float)HPDF_Image_GetHeight(p->logo);

		HPDF_Page_DrawImage(p->page, p->logo, LEFT, top - h, w, h);
		x0 = LEFT + w + 6;
	}
	for (size_t i = 0; i < e->kop.n; i++)
		line(p, p->bold, i + 1 == e->kop.n ? 14 : 12,
		     i + 1 == e->kop.n ? 17 : 14, x0, RIGHT, 1, e->kop.v[i]);
	buf[0] = '\0';
	if (e->alamat)
		snprintf(buf, sizeof buf, "%s", e->alamat);
	if (e->telepon)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			 "%sTelp. %s", buf[0] ? ", " : "", e->telepon);
	if (buf[0])
		line(p, p->font, 9.5f, 12, x0, RIGHT, 1, buf);
	buf[0] = '\0';
	if (e->email)
		snprintf(buf, sizeof buf, "Email: %s", e->email);
	if (e->website)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			 "%sLaman: %s", buf[0] ? "  " : "", e->website);
	if (buf[0])
		line(p, p->font, 9.5f, 12, x0, RIGHT, 1, buf);
	if (p->logo && p->y > top - 62)
		p->y = top - 62;
	p->y -= 6;
	rule(p, p->y, 2);
	rule(p, p->y - 3, 0.6f);
	p->y -= 10;
}

static void number_block(pdf *p, const char *nomor)
{
	const inv_event *e = &p->iv->ev;
	char buf[160], date[64];
	float y0 = p->y, dw, nw;
	char *lamp = inv_text_lampiran(p->iv), *en, *ed;

	ibm_date_long(date, sizeof date, e->tanggal_surat);
	snprintf(buf, sizeof buf, "%s, %s", e->tempat_surat, date);
	ed = enc(p, buf);
	en = enc(p, nomor);
	dw = width(p, p->font, SIZE, ed);
	nw = width(p, p->font, SIZE, en);
	free(ed);
	free(en);
	line(p, p->font, SIZE, LEAD, LEFT, RIGHT, 2, buf);
	/* the date beside the number when there is room, else above it */
	if (p->vx + nw + 12 < RIGHT - dw)
		p->y = y0;
	labelled(p, LEFT, p->cx, p->vx, RIGHT, "Nomor", nomor, p->font);
	labelled(p, LEFT, p->cx, p->vx, RIGHT, "Sifat", e->sifat, p->font);
	labelled(p, LEFT, p->cx, p->vx, RIGHT, "Lampiran", lamp, p->font);
	labelled(p, LEFT, p->cx, p->vx, RIGHT - 140, "Hal", e->hal, p->bold);
	free(lamp);
}

static void addressee(pdf *p, const inv_person *ps)
{
	char buf[512];
	float ix = LEFT + width(p, p->font, SIZE, "Yth. ");

	p->y -= LEAD;
	if (!ps) {
		snprintf(buf, sizeof buf, "Yth. %s", p->iv->ev.kepada);
		line(p, p->font, SIZE, LEAD, LEFT, RIGHT, 0, buf);
	} else {
		snprintf(buf, sizeof buf, "Yth. %s %s", inv_salutation(ps),
			 ps->f[INV_NAMA]);
		line(p, p->bold, SIZE, LEAD, LEFT, RIGHT, 0, buf);
		if (ps->f[INV_JABATAN][0])
			line(p, p->font, SIZE, LEAD, ix, RIGHT, 0,
			     ps->f[INV_JABATAN]);
		if (ps->f[INV_UNIT][0])
			line(p, p->font, SIZE, LEAD, ix, RIGHT, 0,
			     ps->f[INV_UNIT]);
		if (ps->f[INV_KELURAHAN][0]) {
			snprintf(buf, sizeof buf, "Desa/Kelurahan %s",
				 ps->f[INV_KELURAHAN]);
			line(p, p->font, SIZE, LEAD, ix, RIGHT, 0, buf);
		}
	}
	line(p, p->font, SIZE, LEAD, ix, RIGHT, 0, "di -");
	line(p, p->font, SIZE, LEAD, ix + 24, RIGHT, 0, "Tempat");
}

static void body(pdf *p)
{
	const inv_event *e = &p->iv->ev;
	char *t = inv_text_pembuka(p->iv), *ht = inv_text_hari_tanggal(p->iv);
	float lx = p->vx + 16;
	float cx = lx + width(p, p->font, SIZE, "hari/tanggal") + 10;
	float vx = cx + 8;

	p->y -= LEAD;
	para(p, p->font, SIZE, LEAD, p->vx, RIGHT, 36, 1, t);
	free(t);
	p->y -= 4;
	labelled(p, lx, cx, vx, RIGHT, "hari/tanggal", ht, p->font);
	labelled(p, lx, cx, vx, RIGHT, "waktu", e->waktu, p->font);
	labelled(p, lx, cx, vx, RIGHT, "tempat", e->tempat, p->font);
	labelled(p, lx, cx, vx, RIGHT, "acara", e->acara, p->font);
	free(ht);
	p->y -= 4;
	t = inv_text_penutup(p->iv);
	para(p, p->font, SIZE, LEAD, p->vx, RIGHT, 36, 1, t);
	free(t);
}

static void underline_line(pdf *p, HPDF_Font f, float x0, float x1,
			   const char *s)
{
	char *e = enc(p, s);
	float w = width(p, f, SIZE, e), x = x0 + (x1 - x0 - w) / 2;

	need(p, LEAD);
	p->y -= LEAD;
	put(p, f, SIZE, x, p->y, e);
	HPDF_Page_SetLineWidth(p->page, 0.6f);
	HPDF_Page_MoveTo(p->page, x, p->y - 1.5f);
	HPDF_Page_LineTo(p->page, x + w, p->y - 1.5f);
	HPDF_Page_Stroke(p->page);
	free(e);
}

static void signature(pdf *p)
{
	const inv_event *e = &p->iv->ev;
	float x0 = LEFT + 250, x1 = RIGHT;
	float h = LEAD * (float)(e->ttd_jabatan.n + 3) + 52;
	char buf[256];

	p->y -= LEAD;
	need(p, h);
	for (size_t i = 0; i < e->ttd_jabatan.n; i++)
		line(p, p->bold, SIZE, LEAD, x0, x1, 1, e->ttd_jabatan.v[i]);
	p->y -= 52;
	underline_line(p, p->bold, x0, x1, e->ttd_nama);
	if (e->ttd_pangkat)
		line(p, p->font, SIZE, LEAD, x0, x1, 1, e->ttd_pangkat);
	if (e->ttd_nip) {
		snprintf(buf, sizeof buf, "NIP. %s", e->ttd_nip);
		line(p, p->font, SIZE, LEAD, x0, x1, 1, buf);
	}
}

static int cell_lines(pdf *p, HPDF_Font f, float w, const char *s);

/* The copies; in two columns when one would not fit on the page. */
static void tembusan(pdf *p)
{
	inv_lines t;
	char buf[512];

	inv_tembusan(p->iv, &t);
	if (t.n) {
		size_t half = (t.n + 1) / 2;
		float room = p->y - 10 - 13 - BOTTOM;
		float mid = (LEFT + RIGHT) / 2, top;
		int one = 0, left = 0, right = 0, two;

		for (size_t i = 0; i < t.n; i++) {
			snprintf(buf, sizeof buf, "%zu. %s", i + 1, t.v[i]);
			one += cell_lines(p, p->font, RIGHT - LEFT, buf);
			*(i < half ? &left : &right) +=
				cell_lines(p, p->font, mid - 6 - LEFT, buf);
		}
		two = (float)one * 13 > room &&
		      (float)(left > right ? left : right) * 13 <= room;

		p->y -= 10;
		line(p, p->font, 10.5f, 13, LEFT, RIGHT, 0, "Tembusan:");
		top = p->y;
		for (size_t i = 0; i < t.n; i++) {
			float x0 = LEFT, x1 = RIGHT;

			if (two) {
				if (i == half)
					p->y = top;
				x0 = i < half ? LEFT : mid + 6;
				x1 = i < half ? mid - 6 : RIGHT;
			}
			snprintf(buf, sizeof buf, "%zu. %s", i + 1, t.v[i]);
			para(p, p->font, 10.5f, 13, x0, x1, 0, 0, buf);
		}
	}
	inv_lines_free(&t);
}

/* ---------------------------------------------------------------- tables */

typedef struct table {
	size_t ncols;
	const char *const *head;
	const float *w;   /* column widths */
} table;

/* Lines of a cell of width w, laid out as table_row draws it. */
static int cell_lines(pdf *p, HPDF_Font f, float w, const char *s)
{
	int n = layout(p, f, 10.5f, 13, 0, w, 0, 0, s, 0);

	return n ? n : 1;
}

static void table_row(pdf *p, const table *t, const char *const *cells,
		      HPDF_Font f, int is_head)
{
	int maxl = 1;
	float x = LEFT, h, top;

	for (size_t c = 0; c < t->ncols; c++) {
		int n = cell_lines(p, f, t->w[c] - 8, cells[c]);

		if (n > maxl)
			maxl = n;
	}
	h = (float)maxl * 13 + 8;
	if (p->y - h < BOTTOM) {
		new_page(p);
		if (!is_head)
			table_row(p, t, t->head, p->bold, 1);
	}
	top = p->y;
	HPDF_Page_SetLineWidth(p->page, 0.6f);
	for (size_t c = 0; c < t->ncols; c++) {
		HPDF_Page_Rectangle(p->page, x, top - h, t->w[c], h);
		HPDF_Page_Stroke(p->page);
		p->y = top - 2;
		para(p, f, 10.5f, 13, x + 4, x + t->w[c] - 4, 0, 0, cells[c]);
		x += t->w[c];
	}
	p->y = top - h;
}

static void attachment_head(pdf *p, const char *nomor, const char *title)
{
	char buf[512], date[64];
	float x0 = LEFT + 250;

	new_page(p);
	ibm_date_long(date, sizeof date, p->iv->ev.tanggal_surat);
	line(p, p->font, 10.5f, 13, x0, RIGHT, 0, "Lampiran surat");
	snprintf(buf, sizeof buf, "Nomor   : %s", nomor);
	para(p, p->font, 10.5f, 13, x0, RIGHT, 0, 0, buf);
	snprintf(buf, sizeof buf, "Tanggal : %s", date);
	line(p, p->font, 10.5f, 13, x0, RIGHT, 0, buf);
	p->y -= 16;
	line(p, p->bold, SIZE, LEAD, LEFT, RIGHT, 1, title);
	line(p, p->bold, SIZE, LEAD, LEFT, RIGHT, 1, p->iv->ev.acara);
	p->y -= 10;
}

static void attachment_people(pdf *p, const char *nomor)
{
	static const char *const head[] = { "No", "Nama", "Jabatan/Unit IBM",
		"Desa/Kelurahan" };
	static const float w[] = { 30, 150, 166, 123.3f };
	table t = { 4, head, w };

	attachment_head(p, nomor, "DAFTAR PESERTA");
	table_row(p, &t, head, p->bold, 1);
	for (size_t i = 0; i < p->iv->np; i++) {
		const inv_person *ps = &p->iv->p[i];
		char no[24], ju[512];
		const char *cells[4];

		snprintf(no, sizeof no, "%ld", ps->no);
		snprintf(ju, sizeof ju, "%s%s%s", ps->f[INV_JABATAN],
			 ps->f[INV_JABATAN][0] && ps->f[INV_UNIT][0] ? ", " : "",
			 ps->f[INV_UNIT]);
		cells[0] = no;
		cells[1] = ps->f[INV_NAMA];
		cells[2] = ju;
		cells[3] = ps->f[INV_KELURAHAN];
		table_row(p, &t, cells, p->font, 0);
	}
}

static void attachment_agenda(pdf *p, const char *nomor)
{
	static const char *const head[] = { "Hari/Tanggal", "Waktu",
		"Kegiatan", "Narasumber/PJ" };
	static const float w[] = { 110, 75, 170, 114.3f };
	table t = { 4, head, w };
	char *ht = inv_text_hari_tanggal(p->iv);
	int prev = 0;

	attachment_head(p, nomor, "SUSUNAN ACARA");
	para(p, p->font, 10.5f, 13, LEFT, RIGHT, 0, 0, ht);
	free(ht);
	p->y -= 6;
	table_row(p, &t, head, p->bold, 1);
	for (size_t i = 0; i < p->iv->nag; i++) {
		const inv_agenda *a = &p->iv->ag[i];
		char *day = inv_day_text(p->iv, a->day);
		const char *cells[4];

		cells[0] = a->day != prev ? day : "";
		cells[1] = a->waktu;
		cells[2] = a->acara;
		cells[3] = a->pj;
		prev = a->day;
		table_row(p, &t, cells, p->font, 0);
		free(day);
	}
}

static void letter(pdf *p, const inv_person *ps, const char *nomor)
{
	new_page(p);
	p->cx = LEFT + width(p, p->font, SIZE, "Lampiran") + 6;
	p->vx = p->cx + 8;
	letterhead(p);
	number_block(p, nomor);
	addressee(p, ps);
	body(p);
	signature(p);
	tembusan(p);
	if (p->iv->collective)
		attachment_people(p, nomor);
	if (p->iv->nag)
		attachment_agenda(p, nomor);
}

/* ----------------------------------------------------------------- check */

static void check_text(const invite *iv, const char *src, long line,
		       const char *what, const char *s)
{
	long bad;
	char *r = inv_to_cp1252(s, &bad);

	if (r) {
		free(r);
		return;
	}
	ibm_die(IBM_EX_DATAERR, src, line, "%s: character U+%04lX cannot be "
		"shown in the PDF's Times font; set font = a TrueType font in "
		"the event file", what, bad);
	(void)iv;
}

void inv_pdf_check(const invite *iv)
{
	const inv_event *e = &iv->ev;

	if (e->font) {
		long line;
		const char *src = inv_key_file(e, "font", &line);
		FILE *fp = fopen(e->font, "rb");

		if (!fp)
			ibm_die(IBM_EX_NOINPUT, src, line, "font: cannot open "
				"%s: %s", e->font, strerror(errno));
		else
			fclose(fp);
		if (e->font_bold && !(fp = fopen(e->font_bold, "rb"))) {
			src = inv_key_file(e, "font_bold", &line);
			ibm_die(IBM_EX_NOINPUT, src, line, "font_bold: cannot "
				"open %s: %s", e->font_bold, strerror(errno));
		}
		if (e->font_bold)
			fclose(fp);
	} else {
		/* the keys the letters show */
		static const char *const shown[] = { "instansi", "alamat",
			"telepon", "email", "website", "nomor", "sifat",
			"lampiran", "hal", "tempat_surat", "acara", "waktu",
			"tempat", "kontak", "ttd_jabatan", "ttd_nama",
			"ttd_pangkat", "ttd_nip", "tembusan", "pembuka",
			"penutup", "kepada", NULL };

		for (size_t i = 0; shown[i]; i++) {
			const ibm_event_kv *kv = ibm_event_find(e->kv, shown[i]);

			if (kv)
				check_text(iv, kv->src, kv->line, kv->key,
					   kv->val);
		}
		for (size_t i = 0; i < iv->np; i++)
			for (int k = 0; k < INV_NF; k++)
				check_text(iv, iv->src, iv->p[i].line,
					   inv_field_names[k], iv->p[i].f[k]);
		for (size_t i = 0; i < iv->nag; i++) {
			check_text(iv, iv->agenda_src, iv->ag[i].line, "waktu",
				   iv->ag[i].waktu);
			check_text(iv, iv->agenda_src, iv->ag[i].line, "acara",
				   iv->ag[i].acara);
			check_text(iv, iv->agenda_src, iv->ag[i].line,
				   "narasumber", iv->ag[i].pj);
		}
	}
	if (e->logo) {
		unsigned char *d;
		size_t n;

		inv_logo_read(iv, &d, &n);
		free(d);
	}
}

/* ---------------------------------------------------------------- output */

static HPDF_Font load_ttf(pdf *p, const char *path)
{
	const char *name;

	doing("loading the TrueType font ", path);
	name = HPDF_LoadTTFontFromFile(p->doc, path, HPDF_TRUE);
	return HPDF_GetFont(p->doc, name, "UTF-8");
}

void inv_letters_pdf(const invite *iv, const char *path, inv_outs *outs)
{
	pdf p;
	ibm_atomic *a;
	FILE *fp;
	time_t t = (time_t)ibm_build_time();
	struct tm tm;
	HPDF_Date d;

	memset(&p, 0, sizeof p);
	p.iv = iv;
	doing("creating the document", NULL);
	p.doc = HPDF_New(on_error, NULL);
	if (!p.doc)
		ibm_die(IBM_EX_SOFTWARE, path, 0, "cannot create PDF document");
	HPDF_SetCompressionMode(p.doc, HPDF_COMP_ALL);
	ibm_gmtime(t, &tm);
	memset(&d, 0, sizeof d);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(p.doc, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(p.doc, HPDF_INFO_MOD_DATE, d);
	HPDF_SetInfoAttr(p.doc, HPDF_INFO_CREATOR, "ibmkit " IBMKIT_VERSION);
	if (iv->ev.font) {
		HPDF_UseUTFEncodings(p.doc);
		p.utf8 = 1;
		p.font = load_ttf(&p, iv->ev.font);
		p.bold = iv->ev.font_bold ? load_ttf(&p, iv->ev.font_bold) :
					    p.font;
	} else {
		p.font = HPDF_GetFont(p.doc, "Times-Roman", "WinAnsiEncoding");
		p.bold = HPDF_GetFont(p.doc, "Times-Bold", "WinAnsiEncoding");
	}
	{
		char *title = enc(&p, iv->ev.hal);

		HPDF_SetInfoAttr(p.doc, HPDF_INFO_TITLE, title);
		free(title);
	}
	if (iv->ev.logo) {
		unsigned char *data;
		size_t n;
		int type = inv_logo_read(iv, &data, &n);

		doing("loading the logo ", iv->ev.logo);
		p.logo = type == 1 ?
			HPDF_LoadPngImageFromMem(p.doc, data, (HPDF_UINT)n) :
			HPDF_LoadJpegImageFromMem(p.doc, data, (HPDF_UINT)n);
		free(data);
	}
	doing("writing the letters", NULL);
	if (iv->collective) {
		char *n = inv_number(iv->ev.nomor, iv->ev.nomor_awal);

		letter(&p, NULL, n);
		free(n);
	} else {
		for (size_t i = 0; i < iv->np; i++)
			letter(&p, &iv->p[i], iv->p[i].letter_number);
	}
	if (!p.page)
		new_page(&p); /* no participants: one empty page */
	doing("saving", NULL);
	HPDF_SaveToStream(p.doc);
	HPDF_ResetStream(p.doc);
	a = ibm_atomic_open(path);
	fp = ibm_atomic_fp(a);
	for (;;) {
		HPDF_BYTE buf[8192];
		HPDF_UINT32 n = sizeof buf;

		HPDF_ReadFromStream(p.doc, buf, &n);
		if (n == 0)
			break;
		fwrite(buf, 1, n, fp);
	}
	HPDF_Free(p.doc);
	inv_outs_add(outs, a);
}
