/*
 * pdf.c - documents as PDF through libharu (typeset.h): fonts, measuring,
 * word wrap and justification, and the parts every letter-like document
 * shares (letterhead, signature, Tembusan, tables that continue).
 *
 * Text is in the standard Times font (WinAnsiEncoding, so UTF-8 is
 * converted to Windows-1252; what it cannot show is refused by
 * ts_check_text before anything is written), or in the TrueType font the
 * office names (font =, font_bold =) with libharu's UTF-8 encoding.
 * Words are measured with the font (never through the page, whose font
 * operators would pile up), and each width is kept for the next
 * documents. A line in Times is one text operator, justified by word
 * spacing; in a TrueType font (two-byte codes, which word spacing does
 * not touch) each word is placed.
 *
 * The same code lays out without drawing ("dry", ts_measure): for the
 * HTML documents, which follow the lines and page breaks set here.
 * The creation date comes from SOURCE_DATE_EPOCH when set; libharu writes
 * no random document ID without encryption, so the output is the same
 * for the same input.
 */
#include "typeset.h"
#include "port.h"

#include <hpdf.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LEFT TS_LEFT
#define BOTTOM TS_BOTTOM
#define SIZE TS_SIZE
#define LEAD TS_LEAD
#define SMALL TS_SMALL
#define SLEAD TS_SLEAD

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

/* Widths of the words measured so far, in thousandths of the font size,
 * by font and text: a letter's words repeat in every letter. */
#define WCACHE (1u << 14)
typedef struct wcache {
	char *k;          /* font 0/1, then the text; NULL: empty */
	size_t n;
	float units;
} wcache;

struct ts_doc {
	HPDF_Doc doc;
	HPDF_Page page;   /* NULL while measuring */
	HPDF_Font font, bold;
	HPDF_Image logo;
	float logo_w, logo_h;
	int utf8;
	int dry;          /* lay out only: no page is touched */
	int measuring;    /* made by ts_measure: never draws */
	float y;
	/* the pages begun from now on: A4, portrait or landscape (width
	 * pw, height ph); the text's right edge and top */
	float pw, ph, xr, ytop;
	const ts_office *of;
	/* the text state of the page: one text object, font set on change */
	int in_text;
	HPDF_Font cur;
	float cur_size, cur_ws;
	char *lbuf;       /* a line of words */
	size_t lcap;
	char *ebuf;       /* text in the font's encoding */
	size_t ecap;
	wrapped wr;
	wcache *wc;       /* WCACHE entries */
	size_t nwc;
	ibm_strlist copies; /* the Tembusan (ts_set_copies) */
	int measured;     /* its lines counted: */
	int one, left, right; /* in one and in two columns */
	int *wide, *narrow; /* each copy's lines in one and in two columns */
	ts_copy_page *cpg; /* the pages of the last Tembusan set */
	size_t ncpg, cpgcap;
	int letter_first; /* the page of the letterhead, while pages that
			     continue it are numbered; 0: none */
	/* what is drawn, told as it is drawn, dry or not */
	ts_recorder rec;
	void *rec_ctx;
	int rec_page;     /* pages begun, for the recorder */
	float ws_now;     /* the word spacing of the next text */
};
typedef struct ts_doc pdf;

/* What libharu is doing, for its error messages. */
static char pdf_what[512];

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	(void)data;
	if (e == HPDF_FAILD_TO_ALLOC_MEM)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
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
/* libharu refuses a string of more than 65,535 bytes (the whole document
 * then fails): a text piece is cut at a character's start well before
 * that; what is past it never fits on a page anyway (a word of 160 KB of
 * base64, or a title pasted whole). */
#define PDF_TEXT_MAX 16384

static const char *enc(pdf *p, const char *s, size_t n)
{
	long bad;

	if (n > PDF_TEXT_MAX) {
		n = ibm_utf8_floor(s, PDF_TEXT_MAX);
	}
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
		ts_to_cp1252_lossy(p->ebuf, p->ebuf + p->ecap, &bad);
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
		ts_op op = { TS_OP_TEXT, p->rec_page, x, y, 0, 0,
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
		ts_op op = { kind, p->rec_page, x, y, w, h, 0, lw, 0,
			NULL, 0 };

		p->rec(p->rec_ctx, &op);
	}
}

static void new_page(pdf *p)
{
	p->rec_page++;
	record(p, TS_OP_PAGE, 0, 0, p->pw, p->ph, 0);
	if (!p->dry) {
		if (p->page)
			graphics(p);
		p->page = HPDF_AddPage(p->doc);
		HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4, p->pw > p->ph ?
				  HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
		p->cur = NULL;
		p->cur_ws = 0;
	}
	p->y = p->ytop;
}

static void line(pdf *p, HPDF_Font f, float size, float lead, float x,
		 float x1, int align, const char *s);

/* A page that continues a letter: numbered "- N -" at the top centre
 * (Tata Naskah Dinas), the text a line below. */
static void continue_page(pdf *p)
{
	new_page(p);
	if (p->letter_first) {
		char buf[32];

		snprintf(buf, sizeof buf, "- %d -",
			 p->rec_page - p->letter_first + 1);
		line(p, p->font, SIZE, LEAD, LEFT, p->xr, 1, buf);
		p->y -= LEAD;
	}
}

static void need(pdf *p, float h)
{
	if (p->y - h < BOTTOM)
		continue_page(p);
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
		else if (justify == 3)
			cx += avail - used;
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
	record(p, TS_OP_LINE, LEFT, y, p->xr - LEFT, 0, w);
	if (p->dry)
		return;
	graphics(p);
	HPDF_Page_SetLineWidth(p->page, w);
	HPDF_Page_MoveTo(p->page, LEFT, y);
	HPDF_Page_LineTo(p->page, p->xr, y);
	HPDF_Page_Stroke(p->page);
}

static void load_logo(pdf *p);

static void letterhead(pdf *p)
{
	const ts_office *e = p->of;
	float x0 = LEFT, top = p->y;
	char buf[512];

	p->letter_first = p->rec_page;
	if (e->logo && !p->logo)
		load_logo(p);
	if (p->logo_h > 0) {
		float h = 62, w = h * p->logo_w / p->logo_h;

		record(p, TS_OP_IMAGE, LEFT, top - h, w, h, 0);
		if (!p->dry) {
			graphics(p);
			HPDF_Page_DrawImage(p->page, p->logo, LEFT, top - h, w,
					    h);
		}
		x0 = LEFT + w + 6;
	}
	for (size_t i = 0; i < e->kop.n; i++)
		line(p, p->bold, i + 1 == e->kop.n ? 14 : 12,
		     i + 1 == e->kop.n ? 17 : 14, x0, p->xr, 1, e->kop.v[i]);
	buf[0] = '\0';
	if (e->alamat)
		snprintf(buf, sizeof buf, "%s", e->alamat);
	if (e->telepon)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			 "%sTelp. %s", buf[0] ? ", " : "", e->telepon);
	if (buf[0])
		line(p, p->font, 9.5f, 12, x0, p->xr, 1, buf);
	buf[0] = '\0';
	if (e->email)
		snprintf(buf, sizeof buf, "Email: %s", e->email);
	if (e->website)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			 "%sLaman: %s", buf[0] ? "  " : "", e->website);
	if (buf[0])
		line(p, p->font, 9.5f, 12, x0, p->xr, 1, buf);
	if (p->logo_h > 0 && p->y > top - 62)
		p->y = top - 62;
	p->y -= 6;
	rule(p, p->y, 2);
	rule(p, p->y - 3, 0.6f);
	p->y -= 10;
}

/* A line centred in [x0, x1] and underlined; set smaller when it is
 * wider than its room (a long name in a narrow column of signatures). */
static void underline_line(pdf *p, HPDF_Font f, float x0, float x1,
			   const char *s)
{
	float size = SIZE, w = width(p, f, size, s), x;

	while (w > x1 - x0 - 4 && size > 8) {
		size -= 0.5f;
		w = width(p, f, size, s);
	}
	x = x0 + (x1 - x0 - w) / 2;
	need(p, LEAD);
	p->y -= LEAD;
	put(p, f, size, x, p->y, s);
	record(p, TS_OP_LINE, x, p->y - 1.5f, w, 0, 0.6f);
	if (p->dry)
		return;
	graphics(p);
	HPDF_Page_SetLineWidth(p->page, 0.6f);
	HPDF_Page_MoveTo(p->page, x, p->y - 1.5f);
	HPDF_Page_LineTo(p->page, x + w, p->y - 1.5f);
	HPDF_Page_Stroke(p->page);
}

/* The height of a signature block with the line before it. */
static float sign_height(const ts_signer *s)
{
	return LEAD * (float)(s->jabatan.n + 4) + TS_SIGN_ROOM;
}

/* A signature block centred in [x0, x1], kept on one page. */
static void sign(pdf *p, float x0, float x1, const ts_signer *s)
{
	float h = sign_height(s) - LEAD;
	char buf[256];

	p->y -= LEAD;
	need(p, h);
	for (size_t i = 0; i < s->jabatan.n; i++)
		line(p, p->bold, SIZE, LEAD, x0, x1, 1, s->jabatan.v[i]);
	p->y -= TS_SIGN_ROOM;
	underline_line(p, p->bold, x0, x1, s->nama ? s->nama : "");
	if (s->pangkat)
		line(p, p->font, SIZE, LEAD, x0, x1, 1, s->pangkat);
	if (s->nip) {
		snprintf(buf, sizeof buf, "NIP. %s", s->nip);
		line(p, p->font, SIZE, LEAD, x0, x1, 1, buf);
	}
}

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

/* The copies' lines, measured once for every letter that shows them:
 * each in one column and in two, and the columns of a balanced split. */
static void measure_copies(pdf *p, float numw)
{
	const ibm_strlist *t = &p->copies;
	size_t half = (t->n + 1) / 2;
	float mid = (LEFT + p->xr) / 2;

	if (p->measured)
		return;
	free(p->wide);
	free(p->narrow);
	p->wide = ibm_xcalloc(t->n + 1, sizeof *p->wide);
	p->narrow = ibm_xcalloc(t->n + 1, sizeof *p->narrow);
	p->one = p->left = p->right = 0;
	for (size_t i = 0; i < t->n; i++) {
		p->wide[i] = item(p, LEFT, p->xr, numw, i + 1, t->v[i], 0);
		p->narrow[i] = item(p, LEFT, mid - 6, numw, i + 1, t->v[i], 0);
		p->one += p->wide[i];
		*(i < half ? &p->left : &p->right) += p->narrow[i];
	}
	p->measured = 1;
}

static void copy_page(pdf *p, size_t first, size_t half, size_t end)
{
	ibm_grow((void **)&p->cpg, &p->cpgcap, p->ncpg + 1, sizeof *p->cpg);
	p->cpg[p->ncpg].first = first;
	p->cpg[p->ncpg].half = half;
	p->cpg[p->ncpg].end = end;
	p->ncpg++;
}

/*
 * The copies from first that fill two columns of at most `lines` lines
 * each: *half the first of the right column; returns the end. All that
 * are left when they fit, balanced between the columns.
 */
static size_t fill_columns(const pdf *p, size_t first, int lines,
			   size_t *half)
{
	size_t n = p->copies.n, i = first, h = first + (n - first + 1) / 2;
	int l = 0, r = 0, left = 0;

	/* balanced: the left column takes half of the copies (or one more) */
	for (size_t k = first; k < h; k++)
		left += p->narrow[k];
	for (size_t k = h; k < n; k++)
		r += p->narrow[k];
	if (left <= lines && r <= lines) {
		*half = h;
		return n;
	}
	while (i < n && l + p->narrow[i] <= lines)
		l += p->narrow[i++];
	*half = i;
	r = 0;
	while (i < n && r + p->narrow[i] <= lines)
		r += p->narrow[i++];
	return i;
}

/* Room kept free under the copies on the signature's page, so that a
 * browser, whose fonts differ a little, prints the same page (points). */
#define TEMBUSAN_SPARE 26.0f

/*
 * The copies: in one column; in two when one would not fit on the page;
 * and when even two do not fit, the rest on pages that continue the
 * letter ("- 2 -"), under "Tembusan lanjutan:", in two columns. The
 * pages are noted for ts_tembusan_pages.
 */
static void tembusan(pdf *p, int *two_out, size_t *half_out)
{
	ibm_strlist t = p->copies;
	char num[24];
	float room, mid = (LEFT + p->xr) / 2, numw;
	int two;
	size_t first = 0;

	p->ncpg = 0;
	if (two_out)
		*two_out = 0;
	if (half_out)
		*half_out = t.n;
	if (!t.n)
		return;
	snprintf(num, sizeof num, "%zu. ", t.n);
	numw = width(p, p->font, SMALL, num);
	measure_copies(p, numw);
	room = p->y - 10 - SLEAD - BOTTOM - TEMBUSAN_SPARE;
	two = (float)p->one * SLEAD > room;
	if (!two) {
		copy_page(p, 0, t.n, t.n);
	} else {
		size_t half;
		/* the lines each column takes on this page */
		int lines = (int)((room + TEMBUSAN_SPARE) / SLEAD), rest;
		size_t end = fill_columns(p, 0, lines, &half);

		if (end < t.n) {
			/* continued: this page keeps the spare room */
			lines = (int)(room / SLEAD);
			end = fill_columns(p, 0, lines, &half);
		}
		copy_page(p, 0, half, end);
		/* the pages that continue it: the line of the page number,
		 * a blank line and the heading */
		rest = (int)((p->ytop - BOTTOM - 2 * LEAD - 10 - SLEAD -
			      TEMBUSAN_SPARE) / SLEAD);
		for (first = end; first < t.n; first = end) {
			end = fill_columns(p, first, rest, &half);
			if (end == first) /* a copy longer than a page */
				end = first + 1;
			copy_page(p, first, half, end);
		}
	}
	if (two_out)
		*two_out = two;
	if (half_out)
		*half_out = two ? p->cpg[0].half : t.n;

	for (size_t k = 0; k < p->ncpg; k++) {
		const ts_copy_page *pg = &p->cpg[k];
		float top;

		if (k)
			continue_page(p);
		if (pg->end == pg->first)
			continue; /* none fits under the signature */
		p->y -= 10;
		line(p, p->font, SMALL, SLEAD, LEFT, p->xr, 0, pg->first ?
		     "Tembusan lanjutan:" : "Tembusan:");
		top = p->y;
		for (size_t i = pg->first; i < pg->end; i++) {
			float x0 = LEFT, x1 = p->xr;

			if (two) {
				if (i == pg->half)
					p->y = top;
				x0 = i < pg->half ? LEFT : mid + 6;
				x1 = i < pg->half ? mid - 6 : p->xr;
			}
			item(p, x0, x1, numw, i + 1, t.v[i], 1);
		}
	}
}

/* ---------------------------------------------------------------- tables */

/* Lines of a cell of width w, laid out as table_row draws it. */
static int cell_lines(pdf *p, HPDF_Font f, float w, const char *s)
{
	int n = layout(p, f, SMALL, SLEAD, 0, w, 0, 0, s, 0);

	return n ? n : 1;
}

/* ts_para's justify for a cell's TS_ALIGN_*: left 0, centred 2, right 3. */
static int cell_justify(int align)
{
	return align == TS_ALIGN_CENTRE ? 2 : align == TS_ALIGN_RIGHT ? 3 : 0;
}

/* A cell whose lines break at '\n': measured (w 0: x is the width) or
 * drawn from x, w wide. Returns its lines. */
static int cell_paras(pdf *p, HPDF_Font f, float x, const char *s, float w,
		      int justify)
{
	int n = 0;

	while (*s) {
		const char *e = strchr(s, '\n');
		char *part = ibm_xstrndup(s, e ? (size_t)(e - s) : strlen(s));

		if (w > 0)
			n += para(p, f, SMALL, SLEAD, x, x + w, 0, justify,
				  part);
		else
			n += cell_lines(p, f, x, part);
		free(part);
		s = e ? e + 1 : s + strlen(s);
	}
	return n ? n : 1;
}

/* The cells a row shows: a cell NULL joins the one on its left, its
 * width added. At most TS_TABLE_MAX columns. */
typedef struct shown {
	size_t n;
	float x[TS_TABLE_MAX], w[TS_TABLE_MAX];
	const char *s[TS_TABLE_MAX];
	int justify[TS_TABLE_MAX];
} shown;

static void row_cells(const ts_table *t, const char *const *cells,
		      const unsigned char *align, shown *o)
{
	float x = LEFT;

	o->n = 0;
	for (size_t c = 0; c < t->ncols && c < TS_TABLE_MAX; c++) {
		int a = align ? align[c] : t->align ? t->align[c] :
			TS_ALIGN_LEFT;

		if (!cells[c] && o->n) {
			o->w[o->n - 1] += t->w[c];
		} else {
			o->x[o->n] = x;
			o->w[o->n] = t->w[c];
			o->s[o->n] = cells[c] ? cells[c] : "";
			o->justify[o->n] = cell_justify(a);
			o->n++;
		}
		x += t->w[c];
	}
}

/* The height of a row: its tallest cell. */
static float row_height(pdf *p, const ts_table *t, const shown *o,
			HPDF_Font f)
{
	int maxl = 1;

	for (size_t c = 0; c < o->n; c++) {
		int n = (t->flags & TS_ROW_LINES) ?
			cell_paras(p, f, o->w[c] - 8, o->s[c], 0, 0) :
			cell_lines(p, f, o->w[c] - 8, o->s[c]);

		if (n > maxl)
			maxl = n;
	}
	return (float)maxl * SLEAD + 8;
}

/* Draw a row of height h from the current y. */
static void draw_row(pdf *p, const ts_table *t, const shown *o, HPDF_Font f,
		     float h)
{
	float top = p->y;

	for (size_t c = 0; c < o->n; c++)
		record(p, TS_OP_BOX, o->x[c], top - h, o->w[c], h, 0.6f);
	if (!p->dry) {
		graphics(p);
		HPDF_Page_SetLineWidth(p->page, 0.6f);
		for (size_t c = 0; c < o->n; c++)
			HPDF_Page_Rectangle(p->page, o->x[c], top - h, o->w[c],
					    h);
		HPDF_Page_Stroke(p->page);
	}
	for (size_t c = 0; c < o->n; c++) {
		p->y = top - 2;
		if (t->flags & TS_ROW_LINES)
			cell_paras(p, f, o->x[c] + 4, o->s[c], o->w[c] - 8,
				   o->justify[c]);
		else
			para(p, f, SMALL, SLEAD, o->x[c] + 4,
			     o->x[c] + o->w[c] - 4, 0, o->justify[c], o->s[c]);
	}
	p->y = top - h;
}

/* The carried row (where: TS_CARRY_FOOT or _TOP): its cells from the
 * table's carry, bold; its height, drawn when draw is set. */
static float carry_row(pdf *p, const ts_table *t, int where, int draw)
{
	const char *cells[TS_TABLE_MAX];
	shown o;
	float h;

	for (size_t c = 0; c < TS_TABLE_MAX; c++)
		cells[c] = "";
	t->carry(t->ctx, where, cells);
	row_cells(t, cells, NULL, &o);
	h = row_height(p, t, &o, p->bold);
	if (draw)
		draw_row(p, t, &o, p->bold, h);
	return h;
}

/*
 * A row (flags TS_ROW_HEAD: the head row); 1 when it began a page. Room
 * for the carried row is kept under every row; the head row keeps room
 * for a row of one line under it too.
 */
static int table_row(pdf *p, const ts_table *t, const char *const *cells,
		     const unsigned char *align, int flags)
{
	int head = (flags & TS_ROW_HEAD) != 0, began = 0;
	HPDF_Font f = head || (flags & TS_ROW_BOLD) ? p->bold : p->font;
	float h, keep = 0;
	shown o;

	if (!align && head)
		align = t->head_align;
	row_cells(t, cells, align, &o);
	h = row_height(p, t, &o, f);
	if (!head && !(flags & TS_ROW_BOLD) && h < t->row_h)
		h = t->row_h;
	if (t->carry)
		keep = carry_row(p, t, TS_CARRY_FOOT, 0);
	if (head)
		keep += SLEAD + 8;
	if ((!head && (flags & TS_ROW_BREAK)) || p->y - h - keep < BOTTOM) {
		if (t->carry && !head)
			carry_row(p, t, TS_CARRY_FOOT, 1);
		continue_page(p);
		began = 1;
		if (!head) {
			table_row(p, t, t->head, NULL, TS_ROW_HEAD);
			if (t->carry)
				carry_row(p, t, TS_CARRY_TOP, 1);
		}
	}
	draw_row(p, t, &o, f, h);
	return began;
}

/* ------------------------------------------------------------- the file */

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
	ibm_strlist_free(&p->copies);
	free(p->wide);
	free(p->narrow);
	free(p->cpg);
	wrapped_free(&p->wr);
}

static void load_logo(pdf *p)
{
	unsigned char *data;
	size_t n;
	int type = ts_logo_read(p->of, &data, &n);

	doing("loading the logo ", p->of->logo);
	p->logo = type == 1 ?
		HPDF_LoadPngImageFromMem(p->doc, data, (HPDF_UINT)n) :
		HPDF_LoadJpegImageFromMem(p->doc, data, (HPDF_UINT)n);
	free(data);
	p->logo_w = (float)HPDF_Image_GetWidth(p->logo);
	p->logo_h = (float)HPDF_Image_GetHeight(p->logo);
}

static HPDF_Font load_ttf(pdf *p, const char *path)
{
	const char *name;

	doing("loading the TrueType font ", path);
	name = HPDF_LoadTTFontFromFile(p->doc, path, HPDF_TRUE);
	return HPDF_GetFont(p->doc, name, "UTF-8");
}

/* The size of the pages begun from now on. */
static void orient(pdf *p, int landscape)
{
	p->pw = landscape ? TS_PAGE_H : TS_PAGE_W;
	p->ph = landscape ? TS_PAGE_W : TS_PAGE_H;
	p->xr = p->pw - TS_MARGIN_RIGHT;
	p->ytop = p->ph - TS_MARGIN_TOP;
}

ts_doc *ts_open(const ts_office *o, const char *title)
{
	pdf *p = ibm_xcalloc(1, sizeof *p);
	time_t t = (time_t)ibm_build_time();
	struct tm tm = { 0 };
	HPDF_Date d;

	p->of = o;
	orient(p, 0);
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
	if (o->font) {
		HPDF_UseUTFEncodings(p->doc);
		p->utf8 = 1;
		p->font = load_ttf(p, o->font);
		p->bold = o->font_bold ? load_ttf(p, o->font_bold) : p->font;
	} else {
		p->font = HPDF_GetFont(p->doc, "Times-Roman", "WinAnsiEncoding");
		p->bold = HPDF_GetFont(p->doc, "Times-Bold", "WinAnsiEncoding");
	}
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, enc(p, title, strlen(title)));
	if (o->logo)
		load_logo(p);
	return p;
}

/* A document for this many letters, certificates or list rows or more
 * keeps its pages in a tree of PAGE_NODE pages a node: PDF's flat list
 * of pages holds at most 32,767 in libharu. Smaller ones keep the flat
 * list (and their bytes). */
#define TREE_FROM 1000
#define PAGE_NODE 1000

void ts_expect_items(ts_doc *p, size_t n)
{
	if (!p->dry && !p->page && n >= TREE_FROM) {
		doing("making the page tree", NULL);
		HPDF_SetPagesConfiguration(p->doc, PAGE_NODE);
	}
}

ts_doc *ts_measure(const ts_office *o)
{
	pdf *p = ibm_xcalloc(1, sizeof *p);

	p->of = o;
	orient(p, 0);
	p->dry = p->measuring = 1;
	doing("measuring the document", NULL);
	p->doc = HPDF_New(on_error, NULL);
	if (!p->doc)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "cannot create PDF document");
	p->font = HPDF_GetFont(p->doc, "Times-Roman", "WinAnsiEncoding");
	p->bold = HPDF_GetFont(p->doc, "Times-Bold", "WinAnsiEncoding");
	return p;
}

ibm_atomic *ts_save(ts_doc *p, const char *path)
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
	ts_free(p);
	return a;
}

void ts_free(ts_doc *d)
{
	if (d) {
		typeset_free(d);
		free(d);
	}
}

/* ------------------------------------------------------------ drawing */

void ts_record(ts_doc *d, ts_recorder rec, void *ctx)
{
	d->rec = rec;
	d->rec_ctx = ctx;
	if (d->of->logo && !d->logo)
		load_logo(d);
}

float ts_y(const ts_doc *d)
{
	return d->y;
}

void ts_set_y(ts_doc *d, float y)
{
	d->y = y;
}

int ts_page(const ts_doc *d)
{
	return d->rec_page;
}

void ts_new_page(ts_doc *d)
{
	new_page(d);
	d->letter_first = 0;
}

void ts_landscape(ts_doc *d, int landscape)
{
	orient(d, landscape);
}

float ts_right(const ts_doc *d)
{
	return d->xr;
}

float ts_top(const ts_doc *d)
{
	return d->ytop;
}

void ts_need(ts_doc *d, float h)
{
	need(d, h);
}

int ts_set_dry(ts_doc *d, int dry)
{
	int was = d->dry;

	d->dry = d->measuring ? 1 : dry;
	return was;
}

float ts_width(ts_doc *d, int bold, float size, const char *s)
{
	return width(d, bold ? d->bold : d->font, size, s);
}

char *ts_lines(ts_doc *d, int bold, float size, float w1, float w,
	       const char *s)
{
	wrapped *o = &d->wr;
	size_t n = 1;
	char *r;

	wrap(d, bold ? d->bold : d->font, size, w1, w, s, o);
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

void ts_put(ts_doc *d, int bold, float size, float x, const char *s)
{
	put(d, bold ? d->bold : d->font, size, x, d->y, s);
}

void ts_line(ts_doc *d, int bold, float size, float lead, float x,
	     float x1, int align, const char *s)
{
	line(d, bold ? d->bold : d->font, size, lead, x, x1, align, s);
}

int ts_para(ts_doc *d, int bold, float size, float lead, float x,
	    float x1, float indent, int justify, const char *s, int draw)
{
	return layout(d, bold ? d->bold : d->font, size, lead, x, x1, indent,
		      justify, s, draw);
}

void ts_labelled(ts_doc *d, float size, float lead, float lx, float cx,
		 float vx, float x1, const char *label, const char *value,
		 int vbold)
{
	labelled(d, d->font, size, lead, lx, cx, vx, x1, label, value,
		 vbold ? d->bold : d->font);
}

void ts_rule(ts_doc *d, float y, float w)
{
	rule(d, y, w);
}

int ts_item(ts_doc *d, float x0, float x1, float numw, size_t no,
	    const char *s, int draw)
{
	return item(d, x0, x1, numw, no, s, draw);
}

void ts_letterhead(ts_doc *d)
{
	letterhead(d);
}

void ts_sign(ts_doc *d, float x0, float x1, const ts_signer *s)
{
	sign(d, x0, x1, s);
}

void ts_signature(ts_doc *d)
{
	sign(d, LEFT + TS_INDENT_RIGHT, d->xr, &d->of->ttd);
}

/* The lines of a caption ('\n' between them). */
static int caption_lines(const char *s)
{
	int n = s && *s ? 1 : 0;

	for (; s && *s; s++)
		n += *s == '\n';
	return n;
}

/* The lines over a block's room to sign: its caption's and position's. */
static int head_lines(const char *const *captions, const ts_signer *const *s,
		      size_t i)
{
	return caption_lines(captions ? captions[i] : NULL) +
	       (s[i] ? (int)s[i]->jabatan.n : 0);
}

float ts_signs_height(size_t n, const char *const *captions,
		      const ts_signer *const *s)
{
	int most = 0;

	for (size_t i = 0; i < n; i++)
		if (head_lines(captions, s, i) > most)
			most = head_lines(captions, s, i);
	/* as sign() measures a block: the blank line before it, the room
	 * to sign, the name, rank and NIP */
	return LEAD * (float)(most + 4) + TS_SIGN_ROOM;
}

void ts_signs(ts_doc *d, size_t n, const char *const *captions,
	      const ts_signer *const *s, float *room)
{
	float colw = (d->xr - LEFT) / (float)(n ? n : 1), top, low;
	int most = 0;

	need(d, ts_signs_height(n, captions, s));
	for (size_t i = 0; i < n; i++)
		if (head_lines(captions, s, i) > most)
			most = head_lines(captions, s, i);
	top = low = d->y;
	for (size_t i = 0; i < n; i++) {
		float x0 = LEFT + colw * (float)i, x1 = x0 + colw;
		const char *c = captions ? captions[i] : NULL;

		/* set lower by the lines it has less than the others: the
		 * rooms to sign and the names in one row */
		d->y = top - LEAD * (float)(1 + most -
					    head_lines(captions, s, i));
		while (c && *c) {
			const char *e = strchr(c, '\n');
			char *ln = ibm_xstrndup(c, e ? (size_t)(e - c)
						   : strlen(c));

			line(d, d->font, SIZE, LEAD, x0, x1, 1, ln);
			free(ln);
			c = e ? e + 1 : c + strlen(c);
		}
		if (s[i]) {
			/* sign() begins with a blank line: here the
			 * caption stands in its place */
			if (room)
				room[i] = d->y - LEAD * (float)s[i]->jabatan.n;
			d->y += LEAD;
			sign(d, x0, x1, s[i]);
		} else if (room) {
			room[i] = d->y;
		}
		if (d->y < low)
			low = d->y;
	}
	d->y = low;
}

void ts_set_copies(ts_doc *d, const ibm_strlist *copies)
{
	ibm_strlist_free(&d->copies);
	d->copies.v = ibm_xcalloc(copies->n + 1, sizeof *d->copies.v);
	for (size_t i = 0; i < copies->n; i++)
		d->copies.v[i] = ibm_xstrdup(copies->v[i]);
	d->copies.n = copies->n;
	d->measured = 0;
	d->one = d->left = d->right = 0;
}

void ts_tembusan(ts_doc *d, int *two, size_t *half)
{
	tembusan(d, two, half);
}

size_t ts_tembusan_pages(const ts_doc *d, const ts_copy_page **pages)
{
	*pages = d->cpg;
	return d->ncpg;
}

float ts_sign_height(const ts_doc *d, const ts_signer *s)
{
	return sign_height(s ? s : &d->of->ttd);
}

int ts_keep(ts_doc *d, float h)
{
	if (d->y - h >= BOTTOM || h > d->ytop - BOTTOM - 2 * LEAD)
		return 0;
	continue_page(d);
	return 1;
}

int ts_keep_rows(const ts_doc *d, float h)
{
	return d->y - h < BOTTOM && h <= d->ytop - BOTTOM - 4 * LEAD;
}

float ts_height(ts_doc *d, void (*fn)(ts_doc *d, void *ctx), void *ctx)
{
	float y = d->y, h;
	int dry = d->dry, page = d->rec_page, first = d->letter_first;
	ts_recorder rec = d->rec;

	d->dry = 1;
	d->rec = NULL;
	d->letter_first = 0;
	d->y = d->ytop;
	fn(d, ctx);
	h = (float)(d->rec_page - page) * (d->ytop - BOTTOM) +
	    (d->ytop - d->y);
	d->y = y;
	d->dry = dry;
	d->rec = rec;
	d->rec_page = page;
	d->letter_first = first;
	return h;
}

int ts_table_row(ts_doc *d, size_t ncols, const float *w,
		 const char *const *head, const char *const *cells,
		 int flags)
{
	ts_table t = { ncols, w, head, NULL, flags & TS_ROW_LINES, NULL,
		       NULL };

	return table_row(d, &t, cells, NULL, flags & ~TS_ROW_LINES);
}

int ts_table_put(ts_doc *d, const ts_table *t, const char *const *cells,
		 const unsigned char *align, int flags)
{
	return table_row(d, t, cells, align, flags);
}

float ts_table_height(ts_doc *d, const ts_table *t,
		      const char *const *cells, int flags)
{
	shown o;
	HPDF_Font f = (flags & (TS_ROW_HEAD | TS_ROW_BOLD)) ? d->bold :
							      d->font;
	float h;

	row_cells(t, cells, NULL, &o);
	h = row_height(d, t, &o, f);
	if (!(flags & (TS_ROW_HEAD | TS_ROW_BOLD)) && h < t->row_h)
		h = t->row_h;
	return h;
}

float ts_table_row_height(ts_doc *d, size_t ncols, const float *w,
			  const char *const *cells, int flags)
{
	ts_table t = { ncols, w, NULL, NULL, flags & TS_ROW_LINES, NULL,
		       NULL };

	return ts_table_height(d, &t, cells, flags & TS_ROW_HEAD);
}

/* ------------------------------------------------- at fixed places */

void ts_page_size(ts_doc *d, float w, float h)
{
	if (d->page)
		graphics(d);
	d->page = HPDF_AddPage(d->doc);
	HPDF_Page_SetWidth(d->page, w);
	HPDF_Page_SetHeight(d->page, h);
	d->cur = NULL;
	d->cur_ws = 0;
}

void ts_text(ts_doc *d, int bold, float size, float x, float y,
	     const char *s)
{
	put(d, bold ? d->bold : d->font, size, x, y, s);
}

void ts_rect(ts_doc *d, float x, float y, float w, float h, float lw)
{
	record(d, TS_OP_BOX, x, y, w, h, lw);
	if (d->dry)
		return;
	graphics(d);
	HPDF_Page_SetLineWidth(d->page, lw);
	HPDF_Page_Rectangle(d->page, x, y, w, h);
	HPDF_Page_Stroke(d->page);
}

void ts_hline(ts_doc *d, float x0, float x1, float y, float lw)
{
	record(d, TS_OP_LINE, x0, y, x1 - x0, 0, lw);
	if (d->dry)
		return;
	graphics(d);
	HPDF_Page_SetLineWidth(d->page, lw);
	HPDF_Page_MoveTo(d->page, x0, y);
	HPDF_Page_LineTo(d->page, x1, y);
	HPDF_Page_Stroke(d->page);
}

int ts_logo_size(ts_doc *d, float *w, float *h)
{
	if (!d->of->logo)
		return 0;
	if (!d->logo)
		load_logo(d);
	*w = d->logo_w;
	*h = d->logo_h;
	return d->logo_h > 0;
}

void ts_logo(ts_doc *d, float x, float y, float w, float h)
{
	graphics(d);
	HPDF_Page_DrawImage(d->page, d->logo, x, y, w, h);
}
