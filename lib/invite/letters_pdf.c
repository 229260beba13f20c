/*
 * letters_pdf.c - ibm-invite's letters as PDF through libharu.
 *
 * Text is in the standard Times font (WinAnsiEncoding, so UTF-8 is
 * converted to Windows-1252 and anything else is refused by
 * inv_pdf_check before anything is written), or in the TrueType font the
 * event file names (font =, font_bold =) with libharu's UTF-8 encoding.
 * The word wrap and justification are done here. Words are measured with
 * the font (never through the page, whose font operators would pile up),
 * and each width is kept for the next letters. A line in Times is one
 * text operator, justified by word spacing; in a TrueType font (two-byte
 * codes, which word spacing does not touch) each word is placed.
 *
 * The same code lays out without drawing ("dry"): to count the sheets
 * attached before the Lampiran line is written, and for the HTML letters
 * (inv_typeset_*), which follow the lines and page breaks set here.
 * The creation date comes from SOURCE_DATE_EPOCH when set; libharu writes
 * no random document ID without encryption, so the output is the same
 * for the same input.
 */
#include "invite.h"
#include "port.h"
#include "typeset.h"

#include <hpdf.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LEFT INV_MARGIN_LEFT
#define RIGHT (INV_PAGE_W - INV_MARGIN_RIGHT)
#define TOP (INV_PAGE_H - INV_MARGIN_TOP)
#define BOTTOM INV_MARGIN_BOTTOM
#define SIZE INV_SIZE
#define LEAD INV_LEAD
#define SMALL INV_SMALL
#define SLEAD INV_SLEAD

const float inv_people_cols[4] = { 30, 150, 166, 123.3f };
const float inv_agenda_cols[4] = { 110, 75, 170, 114.3f };

/* A paragraph cut into words and lines. */
typedef struct wrapped {
	char *store;      /* the words, each ended by NUL */
	size_t scap;
	char **w;
	float *ww;
	size_t nw, wcap;
	size_t *ls;       /* first word of each line; ls[nl] = nw */
	size_t nl, lcap;
	float space;
} wrapped;

/* The attachment layouts already made, by the number of lines of the
 * Nomor line of their heading (the only text that differs between
 * letters). */
#define NCACHE 4
typedef struct att_cache {
	int valid;
	inv_att_page *ap;
	size_t nap;
} att_cache;

/* Widths of the words measured so far, in thousandths of the font size,
 * by font and text: a letter's words repeat in every letter. */
#define WCACHE (1u << 14)
typedef struct wcache {
	char *k;          /* font 0/1, then the text; NULL: empty */
	size_t n;
	float units;
} wcache;

struct inv_typeset {
	HPDF_Doc doc;
	HPDF_Page page;   /* NULL while measuring */
	HPDF_Font font, bold;
	HPDF_Image logo;
	float logo_w, logo_h;
	int utf8;
	int dry;          /* measure only: no page is touched */
	float y;
	float cx, vx;     /* colon and values of the Nomor block (body) */
	const invite *iv;
	/* the text state of the page: one text object, font set on change */
	int in_text;
	HPDF_Font cur;
	float cur_size, cur_ws;
	char *lbuf;       /* a line of words */
	size_t lcap;
	char *ebuf;       /* text in the font's encoding */
	size_t ecap;
	wrapped wr;
	inv_layout lay;   /* the decisions of the letter being set */
	inv_att_page *ap; /* attachment pages of the letter being set */
	size_t nap, apcap;
	att_cache cache[NCACHE];
	wcache *wc;       /* WCACHE entries */
	size_t nwc;
	inv_lines copies; /* the Tembusan (the same in every letter) */
	int copies_set;
	int one, left, right; /* its lines in one and in two columns */
	/* what is drawn, told as it is drawn, dry or not (typeset.h) */
	inv_ts_recorder rec;
	void *rec_ctx;
	int rec_page;     /* pages begun, for the recorder */
	float ws_now;     /* the word spacing of the next text */
};
typedef struct inv_typeset pdf;

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

/* n bytes of UTF-8 text s in the font's encoding, in p->ebuf: Windows-1252
 * for the standard fonts ('?' for what it cannot show: checked before
 * writing a PDF, so only when measuring for HTML), UTF-8 for a TrueType
 * font; tabs and line ends become spaces. */
static const char *enc(pdf *p, const char *s, size_t n)
{
	long bad;

	if (n + 1 > p->ecap) {
		p->ecap = 2 * (n + 1);
		p->ebuf = ibm_xrealloc(p->ebuf, 2 * p->ecap);
	}
	/* the second half holds the NUL-terminated source */
	memcpy(p->ebuf + p->ecap, s, n);
	p->ebuf[p->ecap + n] = '\0';
	if (p->utf8) {
		memcpy(p->ebuf, p->ebuf + p->ecap, n + 1);
		p->ebuf[n] = '\0';
		for (char *q = p->ebuf; *q; q++)
			if (*q == '\t' || *q == '\n' || *q == '\r')
				*q = ' ';
	} else {
		inv_to_cp1252_lossy(p->ebuf, p->ebuf + p->ecap, &bad);
	}
	return p->ebuf;
}

/* Width of n bytes of UTF-8 text: measured with the font, not the page
 * (setting the page's font for each measure made most of the time). */
static float nwidth(pdf *p, HPDF_Font f, float size, const char *s, size_t n)
{
	unsigned long h = 2166136261UL;
	char fk = f == p->bold ? 1 : 0;
	size_t i;
	wcache *c;
	const char *e;
	HPDF_TextWidth tw;

	if (!p->wc)
		p->wc = ibm_xcalloc(WCACHE, sizeof *p->wc);
	h = (h ^ (unsigned char)fk) * 16777619UL;
	for (i = 0; i < n; i++)
		h = ((h ^ (unsigned char)s[i]) * 16777619UL) & 0xFFFFFFFFUL;
	for (i = h & (WCACHE - 1); p->wc[i].k; i = (i + 1) & (WCACHE - 1)) {
		c = &p->wc[i];
		if (c->n == n + 1 && c->k[0] == fk &&
		    memcmp(c->k + 1, s, n) == 0)
			return c->units * size / 1000.0f;
	}
	e = enc(p, s, n);
	tw = HPDF_Font_TextWidth(f, (const HPDF_BYTE *)e,
				 (HPDF_UINT)strlen(e));
	if (p->nwc >= WCACHE / 2) { /* full: start again */
		for (size_t k = 0; k < WCACHE; k++) {
			free(p->wc[k].k);
			p->wc[k].k = NULL;
		}
		p->nwc = 0;
		for (i = h & (WCACHE - 1); p->wc[i].k;
		     i = (i + 1) & (WCACHE - 1))
			;
	}
	c = &p->wc[i];
	c->k = ibm_xmalloc(n + 1);
	c->k[0] = fk;
	memcpy(c->k + 1, s, n);
	c->n = n + 1;
	c->units = (float)tw.width;
	p->nwc++;
	return (float)tw.width * size / 1000.0f;
}

static float width(pdf *p, HPDF_Font f, float size, const char *s)
{
	return nwidth(p, f, size, s, strlen(s));
}

/* Leave the text object before drawing lines or images. */
static void graphics(pdf *p)
{
	if (p->in_text) {
		HPDF_Page_EndText(p->page);
		p->in_text = 0;
	}
}

/* Draw n bytes of UTF-8 text at x, y. */
static void nput(pdf *p, HPDF_Font f, float size, float x, float y,
		 const char *s, size_t n)
{
	if (p->rec) {
		inv_ts_op op = { INV_TS_TEXT, p->rec_page, x, y, 0, 0,
			f == p->bold && p->bold != p->font, size, p->ws_now,
			NULL, n };

		op.text = s;
		p->rec(p->rec_ctx, &op);
	}
	if (p->dry)
		return;
	if (!p->in_text) {
		HPDF_Page_BeginText(p->page);
		p->in_text = 1;
	}
	if (f != p->cur || size != p->cur_size) {
		HPDF_Page_SetFontAndSize(p->page, f, size);
		p->cur = f;
		p->cur_size = size;
	}
	HPDF_Page_TextOut(p->page, x, y, enc(p, s, n));
}

/* Extra space after each space character (justification). */
static void word_space(pdf *p, float ws)
{
	p->ws_now = ws;
	if (p->dry || ws == p->cur_ws)
		return;
	if (!p->in_text) {
		HPDF_Page_BeginText(p->page);
		p->in_text = 1;
	}
	HPDF_Page_SetWordSpace(p->page, ws);
	p->cur_ws = ws;
}

static void put(pdf *p, HPDF_Font f, float size, float x, float y,
		const char *s)
{
	nput(p, f, size, x, y, s, strlen(s));
}

/* Tell the recorder a shape: a line (h 0), a box or an image. */
static void record(pdf *p, int kind, float x, float y, float w, float h,
		   float lw)
{
	if (p->rec) {
		inv_ts_op op = { kind, p->rec_page, x, y, w, h, 0, lw, 0,
			NULL, 0 };

		p->rec(p->rec_ctx, &op);
	}
}

static void new_page(pdf *p)
{
	p->rec_page++;
	record(p, INV_TS_PAGE, 0, 0, 0, 0, 0);
	if (!p->dry) {
		if (p->page)
			graphics(p);
		p->page = HPDF_AddPage(p->doc);
		HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4,
				  HPDF_PAGE_PORTRAIT);
		p->cur = NULL;
		p->cur_ws = 0;
	}
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
	float w = width(p, f, size, s);

	/* a centred line too wide for its room is set smaller */
	while (align == 1 && w > x1 - x && size > 6) {
		size -= 0.5f;
		w = width(p, f, size, s);
	}
	need(p, lead);
	p->y -= lead;
	if (align == 1)
		x = x + (x1 - x - w) / 2;
	else if (align == 2)
		x = x1 - w;
	put(p, f, size, x, p->y, s);
}

/* Bytes of the UTF-8 character at s. */
static size_t char_len(const char *s)
{
	size_t n = 1;

	while (((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/*
 * Length of the piece to cut from a word (n bytes) wider than maxw: the
 * longest run of whole characters that fits (at least one), ending after
 * '@', '.', '/', '-' or '_' when one stands in its second half.
 */
static size_t fit_prefix(pdf *p, HPDF_Font f, float size, const char *w,
			 size_t n, float maxw)
{
	size_t i = 0, best = 0, brk = 0;

	while (i < n) {
		size_t k = char_len(w + i);

		if (nwidth(p, f, size, w, i + k) > maxw)
			break;
		i += k;
		best = i;
		if (strchr("@./-_", w[i - 1]))
			brk = i;
	}
	if (best == 0)
		return char_len(w);
	if (brk > best / 2)
		best = brk;
	return best;
}

static void add_word(wrapped *o, const char *s, size_t n, size_t *off)
{
	memcpy(o->store + *off, s, n);
	o->store[*off + n] = '\0';
	ibm_grow((void **)&o->w, &o->wcap, o->nw + 1, sizeof *o->w);
	o->w[o->nw++] = (char *)(uintptr_t)*off;
	*off += n + 1;
}

/*
 * Cut UTF-8 text s into words and lines: the first line avail1 wide, the
 * others avail. A word wider than the first line is cut into pieces that
 * fit, each a word of its own, so that nothing runs past the margin (an
 * e-mail address, a URL).
 */
static void wrap(pdf *p, HPDF_Font f, float size, float avail1, float avail,
		 const char *s, wrapped *o)
{
	size_t len = strlen(s), off = 0, i = 0;
	float maxw = avail1 < avail ? avail1 : avail;

	if (2 * len + 2 > o->scap) {
		o->scap = 2 * len + 2;
		o->store = ibm_xrealloc(o->store, o->scap);
	}
	o->nw = o->nl = 0;
	while (i < len) {
		size_t j;

		while (i < len && strchr(" \t\r\n", s[i]))
			i++;
		j = i;
		while (j < len && !strchr(" \t\r\n", s[j]))
			j++;
		while (i < j) {
			size_t n = j - i;

			if (char_len(s + i) < n &&
			    nwidth(p, f, size, s + i, n) > maxw)
				n = fit_prefix(p, f, size, s + i, n, maxw);
			add_word(o, s + i, n, &off);
			i += n;
		}
		i = j;
	}
	if (o->nw + 1 > o->lcap) {
		o->lcap = 2 * (o->nw + 1);
		o->ww = ibm_xrealloc(o->ww, o->lcap * sizeof *o->ww);
		o->ls = ibm_xrealloc(o->ls, (o->lcap + 1) * sizeof *o->ls);
	}
	for (size_t k = 0; k < o->nw; k++) {
		o->w[k] = o->store + (size_t)(uintptr_t)o->w[k];
		o->ww[k] = width(p, f, size, o->w[k]);
	}
	o->space = width(p, f, size, " ");
	for (size_t k = 0; k < o->nw;) {
		float room = o->nl ? avail : avail1, used = o->ww[k];
		size_t m = k + 1;

		while (m < o->nw && used + o->space + o->ww[m] <= room) {
			used += o->space + o->ww[m];
			m++;
		}
		o->ls[o->nl++] = k;
		k = m;
	}
	o->ls[o->nl] = o->nw;
}

static void wrapped_free(wrapped *o)
{
	free(o->store);
	free(o->w);
	free(o->ww);
	free(o->ls);
}

/*
 * A paragraph of UTF-8 text wrapped into [x, x1]: justified when justify
 * is 1 (the last line is not), centred when 2, first line indented by
 * indent. Drawn when draw
 * is set, else only measured. Returns the number of lines.
 */
static int layout(pdf *p, HPDF_Font f, float size, float lead, float x,
		  float x1, float indent, int justify, const char *s, int draw)
{
	wrapped *o = &p->wr;

	wrap(p, f, size, x1 - x - indent, x1 - x, s, o);
	if (!draw)
		return (int)o->nl;
	for (size_t l = 0; l < o->nl; l++) {
		size_t i = o->ls[l], j = o->ls[l + 1];
		float avail = x1 - x - (l ? 0 : indent), used = 0;
		float cx = x + (l ? 0 : indent), gap = o->space;

		for (size_t k = i; k < j; k++)
			used += o->ww[k] + (k > i ? o->space : 0);
		if (justify == 1 && l + 1 < o->nl && j - i > 1)
			gap = o->space + (avail - used) / (float)(j - i - 1);
		else if (justify == 2)
			cx += (avail - used) / 2;
		need(p, lead);
		p->y -= lead;
		if (p->utf8) {
			/* word spacing applies to the one-byte space only */
			for (size_t k = i; k < j; k++) {
				put(p, f, size, cx, p->y, o->w[k]);
				cx += o->ww[k] + gap;
			}
		} else if (!p->dry || p->rec) {
			/* the line in one go, justified by word spacing */
			size_t n = 0;

			for (size_t k = i; k < j; k++) {
				size_t m = strlen(o->w[k]);

				if (n + m + 2 > p->lcap) {
					p->lcap = 2 * (n + m + 2);
					p->lbuf = ibm_xrealloc(p->lbuf, p->lcap);
				}
				if (k > i)
					p->lbuf[n++] = ' ';
				memcpy(p->lbuf + n, o->w[k], m);
				n += m;
			}
			word_space(p, gap - o->space);
			nput(p, f, size, cx, p->y, p->lbuf, n);
			word_space(p, 0);
		}
	}
	return (int)o->nl;
}

static int para(pdf *p, HPDF_Font f, float size, float lead, float x,
		float x1, float indent, int justify, const char *s)
{
	return layout(p, f, size, lead, x, x1, indent, justify, s, 1);
}

/* "Label : value" with the value wrapped from vx to x1. */
static void labelled(pdf *p, HPDF_Font lf, float size, float lead, float lx,
		     float cx, float vx, float x1, const char *label,
		     const char *value, HPDF_Font vf)
{
	need(p, lead);
	put(p, lf, size, lx, p->y - lead, label);
	put(p, lf, size, cx, p->y - lead, ":");
	para(p, vf, size, lead, vx, x1, 0, 0, value);
}

static void rule(pdf *p, float y, float w)
{
	record(p, INV_TS_LINE, LEFT, y, RIGHT - LEFT, 0, w);
	if (p->dry)
		return;
	graphics(p);
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

	if (p->logo_h > 0) {
		float h = 62, w = h * p->logo_w / p->logo_h;

		record(p, INV_TS_IMAGE, LEFT, top - h, w, h, 0);
		if (!p->dry) {
			graphics(p);
			HPDF_Page_DrawImage(p->page, p->logo, LEFT, top - h, w,
					    h);
		}
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
	if (p->logo_h > 0 && p->y > top - 62)
		p->y = top - 62;
	p->y -= 6;
	rule(p, p->y, 2);
	rule(p, p->y - 3, 0.6f);
	p->y -= 10;
}

static void number_block(pdf *p, const char *nomor, int sheets)
{
	const inv_event *e = &p->iv->ev;
	char buf[160], date[64];
	float y0 = p->y, dw, nw;
	char *lamp = inv_text_lampiran(p->iv, sheets);

	ibm_date_long(date, sizeof date, e->tanggal_surat);
	snprintf(buf, sizeof buf, "%s, %s", e->tempat_surat, date);
	dw = width(p, p->font, SIZE, buf);
	nw = width(p, p->font, SIZE, nomor);
	line(p, p->font, SIZE, LEAD, LEFT, RIGHT, 2, buf);
	/* the date beside the number when there is room, else above it */
	p->lay.date_above = !(p->vx + nw + 12 < RIGHT - dw);
	if (!p->lay.date_above)
		p->y = y0;
	labelled(p, p->font, SIZE, LEAD, LEFT, p->cx, p->vx, RIGHT, "Nomor",
		 nomor, p->font);
	labelled(p, p->font, SIZE, LEAD, LEFT, p->cx, p->vx, RIGHT, "Sifat",
		 e->sifat, p->font);
	labelled(p, p->font, SIZE, LEAD, LEFT, p->cx, p->vx, RIGHT,
		 "Lampiran", lamp, p->font);
	labelled(p, p->font, SIZE, LEAD, LEFT, p->cx, p->vx, RIGHT - 140,
		 "Hal", e->hal, p->bold);
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
			snprintf(buf, sizeof buf, "%s %s",
				 inv_village_word(ps->kind),
				 ps->f[INV_KELURAHAN]);
			line(p, p->font, SIZE, LEAD, ix, RIGHT, 0, buf);
		}
	}
	line(p, p->font, SIZE, LEAD, ix, RIGHT, 0, "di -");
	line(p, p->font, SIZE, LEAD, ix + 24, RIGHT, 0, "Tempat");
}

static void body(pdf *p, const inv_person *ps)
{
	const inv_event *e = &p->iv->ev;
	char *t = inv_text_pembuka(p->iv, ps);
	char *ht = inv_text_hari_tanggal(p->iv);
	float lx = p->vx + 16;
	float cx = lx + width(p, p->font, SIZE, "hari/tanggal") + 10;
	float vx = cx + 8;

	p->y -= LEAD;
	para(p, p->font, SIZE, LEAD, p->vx, RIGHT, 36, 1, t);
	free(t);
	p->y -= 4;
	labelled(p, p->font, SIZE, LEAD, lx, cx, vx, RIGHT, "hari/tanggal",
		 ht, p->font);
	labelled(p, p->font, SIZE, LEAD, lx, cx, vx, RIGHT, "waktu", e->waktu,
		 p->font);
	labelled(p, p->font, SIZE, LEAD, lx, cx, vx, RIGHT, "tempat",
		 e->tempat, p->font);
	labelled(p, p->font, SIZE, LEAD, lx, cx, vx, RIGHT, "acara", e->acara,
		 p->font);
	free(ht);
	p->y -= 4;
	t = inv_text_penutup(p->iv, ps);
	para(p, p->font, SIZE, LEAD, p->vx, RIGHT, 36, 1, t);
	free(t);
}

static void underline_line(pdf *p, HPDF_Font f, float x0, float x1,
			   const char *s)
{
	float w = width(p, f, SIZE, s), x = x0 + (x1 - x0 - w) / 2;

	need(p, LEAD);
	p->y -= LEAD;
	put(p, f, SIZE, x, p->y, s);
	record(p, INV_TS_LINE, x, p->y - 1.5f, w, 0, 0.6f);
	if (p->dry)
		return;
	graphics(p);
	HPDF_Page_SetLineWidth(p->page, 0.6f);
	HPDF_Page_MoveTo(p->page, x, p->y - 1.5f);
	HPDF_Page_LineTo(p->page, x + w, p->y - 1.5f);
	HPDF_Page_Stroke(p->page);
}

static void signature(pdf *p)
{
	const inv_event *e = &p->iv->ev;
	float x0 = LEFT + INV_INDENT_RIGHT, x1 = RIGHT;
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

/* Room kept free under the copies in one column, so that a browser,
 * whose fonts differ a little, prints the same single page (points). */
#define TEMBUSAN_SPARE 26.0f

/* A numbered item with a hanging indent: the number right-aligned in
 * [x0, x0 + numw - space], the text wrapped in [x0 + numw, x1]. */
static int item(pdf *p, float x0, float x1, float numw, size_t no,
		const char *s, int draw)
{
	char num[24];

	if (draw) {
		snprintf(num, sizeof num, "%zu.", no);
		need(p, SLEAD);
		put(p, p->font, SMALL, x0 + numw - width(p, p->font, SMALL,
			" ") - width(p, p->font, SMALL, num), p->y - SLEAD,
		    num);
	}
	return layout(p, p->font, SMALL, SLEAD, x0 + numw, x1, 0, 0, s, draw);
}

/* The copies; in two columns when one would not fit on the page. */
static void tembusan(pdf *p)
{
	inv_lines t;
	char num[24];

	if (!p->copies_set) {
		inv_tembusan(p->iv, &p->copies);
		p->copies_set = 1;
	}
	t = p->copies;
	p->lay.tembusan_two = 0;
	p->lay.tembusan_half = t.n;
	if (t.n) {
		size_t half = (t.n + 1) / 2;
		float room = p->y - 10 - SLEAD - BOTTOM - TEMBUSAN_SPARE;
		float mid = (LEFT + RIGHT) / 2, top, numw;
		int one = p->one, left = p->left, right = p->right, two;

		snprintf(num, sizeof num, "%zu. ", t.n);
		numw = width(p, p->font, SMALL, num);
		for (size_t i = 0; i < t.n && !one; i++) {
			p->one += item(p, LEFT, RIGHT, numw, i + 1, t.v[i], 0);
			*(i < half ? &p->left : &p->right) +=
				item(p, LEFT, mid - 6, numw, i + 1, t.v[i], 0);
		}
		one = p->one;
		left = p->left;
		right = p->right;
		two = (float)one * SLEAD > room &&
		      (float)(left > right ? left : right) * SLEAD <=
			      room + TEMBUSAN_SPARE;
		p->lay.tembusan_two = two;
		p->lay.tembusan_half = two ? half : t.n;

		p->y -= 10;
		line(p, p->font, SMALL, SLEAD, LEFT, RIGHT, 0, "Tembusan:");
		top = p->y;
		for (size_t i = 0; i < t.n; i++) {
			float x0 = LEFT, x1 = RIGHT;

			if (two) {
				if (i == half)
					p->y = top;
				x0 = i < half ? LEFT : mid + 6;
				x1 = i < half ? mid - 6 : RIGHT;
			}
			item(p, x0, x1, numw, i + 1, t.v[i], 1);
		}
	}
}

/* ---------------------------------------------------------------- tables */

typedef struct table {
	int id;           /* 0 invitees, 1 agenda, 2 other (lines in a cell
			     broken at '\n') */
	size_t ncols;
	const char *const *head;
	const float *w;   /* column widths */
} table;

/* Lines of a cell of width w, laid out as table_row draws it. */
static int cell_lines(pdf *p, HPDF_Font f, float w, const char *s)
{
	int n = layout(p, f, SMALL, SLEAD, 0, w, 0, 0, s, 0);

	return n ? n : 1;
}

/* A cell whose lines break at '\n': measured (w 0: x is the width) or
 * drawn from x, w wide. Returns its lines. */
static int cell_paras(pdf *p, HPDF_Font f, float x, const char *s, float w)
{
	int n = 0;

	while (*s) {
		const char *e = strchr(s, '\n');
		char *part = ibm_xstrndup(s, e ? (size_t)(e - s) : strlen(s));

		if (w > 0)
			n += para(p, f, SMALL, SLEAD, x, x + w, 0, 0, part);
		else
			n += cell_lines(p, f, x, part);
		free(part);
		s = e ? e + 1 : s + strlen(s);
	}
	return n ? n : 1;
}

/* A new attachment page: its table and first row (the rows of a page are
 * counted as table_row sets them). */
static void att_page(pdf *p, int tab, int head, size_t row)
{
	ibm_grow((void **)&p->ap, &p->apcap, p->nap + 1, sizeof *p->ap);
	p->ap[p->nap].table = tab;
	p->ap[p->nap].head = head;
	p->ap[p->nap].first = p->ap[p->nap].end = row;
	p->nap++;
}

/* Row number row (of the body; the header row when is_head). */
static void table_row(pdf *p, const table *t, const char *const *cells,
		      HPDF_Font f, int is_head, size_t row)
{
	int maxl = 1;
	float x = LEFT, h, top;

	for (size_t c = 0; c < t->ncols; c++) {
		int n = t->id == 2 ? cell_paras(p, f, t->w[c] - 8, cells[c],
						0) :
			cell_lines(p, f, t->w[c] - 8, cells[c]);

		if (n > maxl)
			maxl = n;
	}
	h = (float)maxl * SLEAD + 8;
	if (p->y - h < BOTTOM) {
		new_page(p);
		att_page(p, t->id, 0, row);
		if (!is_head)
			table_row(p, t, t->head, p->bold, 1, row);
	}
	top = p->y;
	for (size_t c = 0; c < t->ncols; c++) {
		record(p, INV_TS_BOX, x, top - h, t->w[c], h, 0.6f);
		x += t->w[c];
	}
	x = LEFT;
	if (!p->dry) {
		graphics(p);
		HPDF_Page_SetLineWidth(p->page, 0.6f);
		for (size_t c = 0; c < t->ncols; c++) {
			HPDF_Page_Rectangle(p->page, x, top - h, t->w[c], h);
			x += t->w[c];
		}
		HPDF_Page_Stroke(p->page);
	}
	x = LEFT;
	for (size_t c = 0; c < t->ncols; c++) {
		p->y = top - 2;
		if (t->id == 2)
			cell_paras(p, f, x + 4, cells[c], t->w[c] - 8);
		else
			para(p, f, SMALL, SLEAD, x + 4, x + t->w[c] - 4, 0, 0,
			     cells[c]);
		x += t->w[c];
	}
	p->y = top - h;
	if (!is_head && p->nap)
		p->ap[p->nap - 1].end = row + 1;
}

/* Where the heading of the attachments starts (points from the left). */
#define ATT_X (LEFT + INV_INDENT_RIGHT)

static void attachment_head(pdf *p, const char *nomor, const char *title,
			    int tab)
{
	char date[64];
	char *ls = inv_text_lampiran_surat(p->iv);
	float cx = ATT_X + width(p, p->font, SMALL, "Tanggal") + 4;

	new_page(p);
	att_page(p, tab, 1, 0);
	ibm_date_long(date, sizeof date, p->iv->ev.tanggal_surat);
	para(p, p->font, SMALL, SLEAD, ATT_X, RIGHT, 0, 0, ls);
	free(ls);
	labelled(p, p->font, SMALL, SLEAD, ATT_X, cx, cx + 8, RIGHT, "Nomor",
		 nomor, p->font);
	labelled(p, p->font, SMALL, SLEAD, ATT_X, cx, cx + 8, RIGHT,
		 "Tanggal", date, p->font);
	p->y -= 16;
	line(p, p->bold, SIZE, LEAD, LEFT, RIGHT, 1, title);
	para(p, p->bold, SIZE, LEAD, LEFT, RIGHT, 0, 2, p->iv->ev.acara);
	p->y -= 10;
}

static void attachment_people(pdf *p, const char *nomor)
{
	static const char *const head[] = { "No", "Nama", "Jabatan/Unit IBM",
		"Desa/Kelurahan" };
	table t = { 0, 4, head, inv_people_cols };

	attachment_head(p, nomor, "DAFTAR PESERTA", 0);
	table_row(p, &t, head, p->bold, 1, 0);
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
		table_row(p, &t, cells, p->font, 0, i);
	}
}

static void attachment_agenda(pdf *p, const char *nomor)
{
	static const char *const head[] = { "Hari/Tanggal", "Waktu",
		"Kegiatan", "Narasumber/PJ" };
	table t = { 1, 4, head, inv_agenda_cols };
	char *ht = inv_text_hari_tanggal(p->iv);
	int prev = 0;

	attachment_head(p, nomor, "SUSUNAN ACARA", 1);
	para(p, p->font, SMALL, SLEAD, LEFT, RIGHT, 0, 0, ht);
	free(ht);
	p->y -= 6;
	table_row(p, &t, head, p->bold, 1, 0);
	for (size_t i = 0; i < p->iv->nag; i++) {
		const inv_agenda *a = &p->iv->ag[i];
		char *day = inv_day_text(p->iv, a->day);
		const char *cells[4];

		cells[0] = a->day != prev ? day : "";
		cells[1] = a->waktu;
		cells[2] = a->acara;
		cells[3] = a->pj;
		prev = a->day;
		table_row(p, &t, cells, p->font, 0, i);
		free(day);
	}
}

static void attachments(pdf *p, const char *nomor)
{
	p->nap = 0;
	if (p->iv->collective)
		attachment_people(p, nomor);
	if (p->iv->nag)
		attachment_agenda(p, nomor);
}

/* The attachment pages of a letter with this number, laid out without
 * drawing (once for each length of the Nomor line). */
static void plan_attachments(pdf *p, const char *nomor)
{
	float cx = ATT_X + width(p, p->font, SMALL, "Tanggal") + 4;
	int n = layout(p, p->font, SMALL, SLEAD, cx + 8, RIGHT, 0, 0, nomor,
		       0);
	att_cache *c = n >= 1 && n <= NCACHE ? &p->cache[n - 1] : NULL;
	int dry = p->dry;
	float y = p->y;

	if (c && c->valid) {
		p->nap = 0;
		ibm_grow((void **)&p->ap, &p->apcap, c->nap + 1, sizeof *p->ap);
		if (c->nap)
			memcpy(p->ap, c->ap, c->nap * sizeof *p->ap);
		p->nap = c->nap;
		return;
	}
	p->dry = 1;
	attachments(p, nomor);
	p->dry = dry;
	p->y = y;
	if (c) {
		c->valid = 1;
		c->nap = p->nap;
		c->ap = ibm_xmalloc((p->nap + 1) * sizeof *c->ap);
		if (p->nap)
			memcpy(c->ap, p->ap, p->nap * sizeof *p->ap);
	}
}

static void letter(pdf *p, const inv_person *ps, const char *nomor)
{
	int sheets;

	plan_attachments(p, nomor);
	sheets = (int)p->nap;
	memset(&p->lay, 0, sizeof p->lay);
	new_page(p);
	p->cx = LEFT + width(p, p->font, SIZE, "Lampiran") + 6;
	p->vx = p->cx + 8;
	letterhead(p);
	number_block(p, nomor, sheets);
	addressee(p, ps);
	body(p, ps);
	signature(p);
	tembusan(p);
	if (!p->dry)
		attachments(p, nomor);
	p->lay.sheets = sheets;
	p->lay.page = p->ap;
	p->lay.npage = p->nap;
}

static void typeset_free(pdf *p)
{
	if (p->doc)
		HPDF_Free(p->doc);
	free(p->ebuf);
	free(p->lbuf);
	if (p->wc)
		for (size_t k = 0; k < WCACHE; k++)
			free(p->wc[k].k);
	free(p->wc);
	inv_lines_free(&p->copies);
	wrapped_free(&p->wr);
	free(p->ap);
	for (int i = 0; i < NCACHE; i++)
		free(p->cache[i].ap);
}

static void load_logo(pdf *p)
{
	unsigned char *data;
	size_t n;
	int type = inv_logo_read(p->iv, &data, &n);

	doing("loading the logo ", p->iv->ev.logo);
	p->logo = type == 1 ?
		HPDF_LoadPngImageFromMem(p->doc, data, (HPDF_UINT)n) :
		HPDF_LoadJpegImageFromMem(p->doc, data, (HPDF_UINT)n);
	free(data);
	p->logo_w = (float)HPDF_Image_GetWidth(p->logo);
	p->logo_h = (float)HPDF_Image_GetHeight(p->logo);
}

/* -------------------------------------------------- measuring for HTML */

inv_typeset *inv_typeset_new(const invite *iv)
{
	pdf *p = ibm_xcalloc(1, sizeof *p);

	p->iv = iv;
	p->dry = 1;
	doing("measuring the letters", NULL);
	p->doc = HPDF_New(on_error, NULL);
	if (!p->doc)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "cannot create PDF document");
	p->font = HPDF_GetFont(p->doc, "Times-Roman", "WinAnsiEncoding");
	p->bold = HPDF_GetFont(p->doc, "Times-Bold", "WinAnsiEncoding");
	return p;
}

int inv_typeset_sheets(inv_typeset *t, const char *nomor)
{
	plan_attachments(t, nomor);
	return (int)t->nap;
}

void inv_typeset_free(inv_typeset *t)
{
	if (t) {
		typeset_free(t);
		free(t);
	}
}

void inv_typeset_letter(inv_typeset *t, const inv_person *ps,
			const char *nomor, inv_layout *out)
{
	if (t->iv->ev.logo && !t->logo)
		load_logo(t);
	letter(t, ps, nomor);
	*out = t->lay;
}

float inv_typeset_width(inv_typeset *t, int bold, float size,
			const char *s)
{
	return width(t, bold ? t->bold : t->font, size, s);
}

char *inv_typeset_lines(inv_typeset *t, int bold, float size, float w1,
			float w, const char *s)
{
	wrapped *o = &t->wr;
	size_t n = 1;
	char *r;

	wrap(t, bold ? t->bold : t->font, size, w1, w, s, o);
	for (size_t k = 0; k < o->nw; k++)
		n += strlen(o->w[k]) + 1;
	r = ibm_xmalloc(n);
	r[0] = '\0';
	n = 0;
	for (size_t l = 0; l < o->nl; l++)
		for (size_t k = o->ls[l]; k < o->ls[l + 1]; k++) {
			size_t m = strlen(o->w[k]);

			if (k > o->ls[l])
				r[n++] = ' ';
			else if (l)
				r[n++] = '\n';
			memcpy(r + n, o->w[k], m);
			n += m;
		}
	r[n] = '\0';
	return r;
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

/* A font is read once whole before libharu opens it by name: a FIFO or
 * device is refused, a read error is 74, and a size limit holds. */
static void check_font(const char *src, long line, const char *key,
		       const char *path)
{
	char *data, why[256];
	size_t n;
	int st = ibm_read_file(path, IBM_LIMIT_FONT, IBM_READ_REGULAR, &data,
			       &n, why, sizeof why);

	if (st)
		ibm_die(st, src, line, "%s: %s: %s", key, path, why);
	free(data);
}

void inv_pdf_check(const invite *iv)
{
	const inv_event *e = &iv->ev;

	if (e->font) {
		long line;
		const char *src = inv_key_file(e, "font", &line);
		check_font(src, line, "font", e->font);
		if (e->font_bold) {
			src = inv_key_file(e, "font_bold", &line);
			check_font(src, line, "font_bold", e->font_bold);
		}
	} else {
		/* the keys the letters show */
		static const char *const shown[] = { "instansi", "alamat",
			"telepon", "email", "website", "nomor", "sifat",
			"lampiran", "hal", "tempat_surat", "acara", "waktu",
			"tempat", "kontak", "ttd_jabatan", "ttd_nama",
			"ttd_pangkat", "ttd_nip", "tembusan", "pembuka",
			"penutup", "kepada", "penerbit", "nomor_kolektif",
			NULL };

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

/* A document to draw on: Times, or the event's TrueType fonts; the
 * title in the document information. */
static void doc_open(pdf *p, const invite *iv, const char *title)
{
	time_t t = (time_t)ibm_build_time();
	struct tm tm = { 0 };
	HPDF_Date d;

	memset(p, 0, sizeof *p);
	p->iv = iv;
	doing("creating the document", NULL);
	p->doc = HPDF_New(on_error, NULL);
	if (!p->doc)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "cannot create PDF document");
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	ibm_gmtime(t, &tm);
	memset(&d, 0, sizeof d);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "ibmkit " IBMKIT_VERSION);
	if (iv->ev.font) {
		HPDF_UseUTFEncodings(p->doc);
		p->utf8 = 1;
		p->font = load_ttf(p, iv->ev.font);
		p->bold = iv->ev.font_bold ? load_ttf(p, iv->ev.font_bold) :
					     p->font;
	} else {
		p->font = HPDF_GetFont(p->doc, "Times-Roman", "WinAnsiEncoding");
		p->bold = HPDF_GetFont(p->doc, "Times-Bold", "WinAnsiEncoding");
	}
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, enc(p, title, strlen(title)));
	if (iv->ev.logo)
		load_logo(p);
}

/* Save the document to path through the run's outputs. */
static void doc_save(pdf *p, const char *path, inv_outs *outs)
{
	ibm_atomic *a;
	FILE *fp;

	if (!p->page)
		new_page(p); /* nothing drawn: one empty page */
	graphics(p);
	doing("saving", NULL);
	HPDF_SaveToStream(p->doc);
	HPDF_ResetStream(p->doc);
	a = ibm_atomic_open(path);
	fp = ibm_atomic_fp(a);
	for (;;) {
		HPDF_BYTE buf[8192];
		HPDF_UINT32 n = sizeof buf;

		HPDF_ReadFromStream(p->doc, buf, &n);
		if (n == 0)
			break;
		fwrite(buf, 1, n, fp);
	}
	typeset_free(p);
	inv_outs_add(outs, a);
}

void inv_letters_pdf(const invite *iv, const char *path, inv_outs *outs)
{
	pdf p;

	doc_open(&p, iv, iv->ev.hal);
	doing("writing the letters", NULL);
	if (iv->collective) {
		char *n = inv_collective_number(iv);

		letter(&p, NULL, n);
		free(n);
	} else {
		for (size_t i = 0; i < iv->np; i++)
			letter(&p, &iv->p[i], iv->p[i].letter_number);
	}
	doc_save(&p, path, outs);
}

/* ------------------------------------ drawing for other documents */

inv_typeset *inv_ts_open(const invite *iv, const char *title)
{
	pdf *p = ibm_xmalloc(sizeof *p);

	doc_open(p, iv, title);
	return p;
}

void inv_ts_save(inv_typeset *t, const char *path, inv_outs *outs)
{
	doc_save(t, path, outs);
	free(t);
}

void inv_ts_record(inv_typeset *t, inv_ts_recorder rec, void *ctx)
{
	t->rec = rec;
	t->rec_ctx = ctx;
	if (t->iv->ev.logo && !t->logo)
		load_logo(t);
}

float inv_ts_y(const inv_typeset *t)
{
	return t->y;
}

void inv_ts_set_y(inv_typeset *t, float y)
{
	t->y = y;
}

int inv_ts_page(const inv_typeset *t)
{
	return t->rec_page;
}

void inv_ts_new_page(inv_typeset *t)
{
	new_page(t);
}

void inv_ts_need(inv_typeset *t, float h)
{
	need(t, h);
}

void inv_ts_put(inv_typeset *t, int bold, float size, float x,
		const char *s)
{
	put(t, bold ? t->bold : t->font, size, x, t->y, s);
}

void inv_ts_line(inv_typeset *t, int bold, float size, float lead, float x,
		 float x1, int align, const char *s)
{
	line(t, bold ? t->bold : t->font, size, lead, x, x1, align, s);
}

int inv_ts_para(inv_typeset *t, int bold, float size, float lead, float x,
		float x1, float indent, int justify, const char *s, int draw)
{
	return layout(t, bold ? t->bold : t->font, size, lead, x, x1, indent,
		      justify, s, draw);
}

void inv_ts_labelled(inv_typeset *t, float size, float lead, float lx,
		     float cx, float vx, float x1, const char *label,
		     const char *value)
{
	labelled(t, t->font, size, lead, lx, cx, vx, x1, label, value,
		 t->font);
}

void inv_ts_letterhead(inv_typeset *t)
{
	letterhead(t);
}

void inv_ts_signature(inv_typeset *t)
{
	signature(t);
}

void inv_ts_tembusan(inv_typeset *t, const inv_lines *copies)
{
	inv_lines_free(&t->copies);
	t->copies.v = ibm_xcalloc(copies->n + 1, sizeof *t->copies.v);
	for (size_t i = 0; i < copies->n; i++)
		t->copies.v[i] = ibm_xstrdup(copies->v[i]);
	t->copies.n = copies->n;
	t->copies_set = 1;
	t->one = t->left = t->right = 0;
	tembusan(t);
}

void inv_ts_table_row(inv_typeset *t, size_t ncols, const float *w,
		      const char *const *head, const char *const *cells,
		      int is_head)
{
	table tb = { 2, ncols, head, w };

	table_row(t, &tb, cells, is_head ? t->bold : t->font, is_head, 0);
}

/* ------------------------------------------- drawing other documents */

inv_typeset *inv_pdf_new(const invite *iv, const char *path,
			 const char *title)
{
	pdf *p = ibm_xmalloc(sizeof *p);

	doc_open(p, iv, title);
	p->dry = 0;
	doing("writing ", path);
	return p;
}

void inv_pdf_page(inv_typeset *t, float w, float h)
{
	if (t->page)
		graphics(t);
	t->page = HPDF_AddPage(t->doc);
	HPDF_Page_SetWidth(t->page, w);
	HPDF_Page_SetHeight(t->page, h);
	t->cur = NULL;
	t->cur_ws = 0;
}

void inv_pdf_text(inv_typeset *t, int bold, float size, float x, float y,
		  const char *s)
{
	put(t, bold ? t->bold : t->font, size, x, y, s);
}

void inv_pdf_rect(inv_typeset *t, float x, float y, float w, float h,
		  float lw)
{
	graphics(t);
	HPDF_Page_SetLineWidth(t->page, lw);
	HPDF_Page_Rectangle(t->page, x, y, w, h);
	HPDF_Page_Stroke(t->page);
}

void inv_pdf_hline(inv_typeset *t, float x0, float x1, float y, float lw)
{
	graphics(t);
	HPDF_Page_SetLineWidth(t->page, lw);
	HPDF_Page_MoveTo(t->page, x0, y);
	HPDF_Page_LineTo(t->page, x1, y);
	HPDF_Page_Stroke(t->page);
}

int inv_typeset_logo(inv_typeset *t, float *w, float *h)
{
	if (!t->iv->ev.logo)
		return 0;
	if (!t->logo)
		load_logo(t);
	*w = t->logo_w;
	*h = t->logo_h;
	return t->logo_h > 0;
}

void inv_pdf_logo(inv_typeset *t, float x, float y, float w, float h)
{
	graphics(t);
	HPDF_Page_DrawImage(t->page, t->logo, x, y, w, h);
}

void inv_pdf_save(inv_typeset *t, const char *path, inv_outs *outs)
{
	if (!t->page)
		inv_pdf_page(t, INV_PAGE_H, INV_PAGE_W);
	doc_save(t, path, outs);
	free(t);
}
