/*
 * certificate.c - ibm-invite's certificates (--certificates FILE.pdf or
 * FILE.html): one A4 landscape page per participant, in the look of the
 * letters (the letterhead's logo and office, Times, the signature block).
 *
 * A page is laid out once as a list of items (text lines, rules, the
 * logo) with the measures of lib/typeset/ (ts_width, ts_lines): in the PDF's
 * own fonts for the PDF, in Times for the HTML. Each paragraph is wrapped
 * here and every line placed at its own position, so a browser prints
 * the lines and the pages of the PDF: one page per certificate (HTML:
 * one fixed-size block per page, tests/certificates-print.t).
 *
 * The page says, from the top: logo, office, "SERTIFIKAT", its number
 * (event key nomor_sertifikat), "diberikan kepada", the name, role and
 * unit, "telah mengikuti" the event, its dates and place, "sebagai" the
 * role in the event (a "sebagai" column, else Peserta), the predikat or
 * the score of one who passed when the input has them (ibm-score's
 * post_percent and passed_post), then place and date and the signatory.
 */
#include "invite.h"

#include <stdlib.h>
#include <string.h>

/* The page (points, landscape A4). */
#define W TS_PAGE_H
#define H TS_PAGE_W
#define X0 72.0f
#define X1 (W - 72.0f)
#define TOP (H - 46.0f)
#define BOTTOM 44.0f

/* Extra columns of the participant input read for certificates. */
enum { CX_SEBAGAI, CX_PREDIKAT, CX_PERCENT, CX_PASSED, CX_N };
const ibm_colspec inv_cert_specs[] = {
	{ "sebagai|peran kegiatan|peran dalam kegiatan|kedudukan|"
	  "event role|certificate role", 0 },
	{ "predikat|predicate|kualifikasi", 0 },
	{ "post_percent|percent|nilai akhir|final score", 0 },
	{ "passed_post|passed|lulus", 0 },
};
const int inv_cert_nspecs = CX_N;
static const char *const cert_col_names[CX_N] = { "sebagai", "predikat",
	"post_percent", "passed_post" };

/* One thing drawn on a page. */
enum { IT_TEXT, IT_RULE, IT_RECT, IT_LOGO };
typedef struct item {
	int kind;
	int bold, align;       /* align: 0 left, 1 centre, 2 right */
	float size;
	float x0, x1, y;       /* text: room [x0, x1], baseline y */
	float x, w, h;         /* text: where the PDF starts it; others: box */
	char *s;
} item;

typedef struct page {
	item *v;
	size_t n, cap;
	ts_doc *t;
	const invite *iv;
	float y, k;            /* pen (points from the bottom), scale */
} page;

static item *add(page *pg, int kind)
{
	item *it;

	ibm_grow((void **)&pg->v, &pg->cap, pg->n + 1, sizeof *pg->v);
	it = &pg->v[pg->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	return it;
}

static void page_clear(page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		free(pg->v[i].s);
	pg->n = 0;
}

/* One line of text in [x0, x1], set smaller when it is too wide. */
static void text(page *pg, int bold, float size, float lead, float x0,
		 float x1, int align, const char *s)
{
	float w;
	item *it;

	size *= pg->k;
	w = ts_width(pg->t, bold, size, s);
	while (w > x1 - x0 && size > 6) {
		size -= 0.5f;
		w = ts_width(pg->t, bold, size, s);
	}
	pg->y -= lead * pg->k;
	it = add(pg, IT_TEXT);
	it->bold = bold;
	it->align = align;
	it->size = size;
	it->x0 = x0;
	it->x1 = x1;
	it->y = pg->y;
	it->w = w;
	it->x = align == 1 ? x0 + (x1 - x0 - w) / 2 :
		align == 2 ? x1 - w : x0;
	it->s = ibm_xstrdup(s);
}

static size_t count_lines(const char *s)
{
	size_t n = 1;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* A paragraph wrapped in [x0, x1] as the PDF wraps it, lines centred and
 * balanced: wrapped in the narrowest room (by steps of 10 points) that
 * gives no more lines, so that no last word stands alone. */
static void para(page *pg, int bold, float size, float lead, float x0,
		 float x1, const char *s)
{
	float room = x1 - x0;
	char *ls = ts_lines(pg->t, bold, size * pg->k, room, room, s);
	size_t n = count_lines(ls);

	while (n > 1 && room > 100) {
		char *t = ts_lines(pg->t, bold, size * pg->k,
					    room - 10, room - 10, s);

		if (count_lines(t) > n) {
			free(t);
			break;
		}
		free(ls);
		ls = t;
		room -= 10;
	}

	for (char *l = ls, *e; l; l = e) {
		e = strchr(l, '\n');
		if (e)
			*e++ = '\0';
		text(pg, bold, size, lead, x0, x1, 1, l);
	}
	free(ls);
}

static void rule(page *pg, float x0, float x1, float y, float lw)
{
	item *it = add(pg, IT_RULE);

	it->x = x0;
	it->w = x1 - x0;
	it->y = y;
	it->h = lw;
}

static void rect(page *pg, float x, float y, float w, float h, float lw)
{
	item *it = add(pg, IT_RECT);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->size = lw;
}

/* The certificate's number: the event's nomor_sertifikat with {n} from
 * nomor_sertifikat_awal on, in participant order. The one place that
 * makes it. */
static ibm_date cert_date(const invite *iv);

/* The number pattern knows {n}, {n:W}, {bulan_romawi}, {bulan} and
 * {tahun} of the certificate's date (inv_number_format). */
char *inv_cert_number(const invite *iv, const inv_person *p)
{
	const char *pat = ibm_event_get(iv->ev.kv, "nomor_sertifikat");
	const char *v = ibm_event_get(iv->ev.kv, "nomor_sertifikat_awal");
	long first = 1;

	if (v)
		ibm_parse_count(v, &first); /* checked by inv_cert_check */
	return inv_number_format(pat, first + p->no - 1, cert_date(iv));
}

/* The date under the certificate: tanggal_sertifikat, else the event's
 * last day. */
static ibm_date cert_date(const invite *iv)
{
	const char *v = ibm_event_get(iv->ev.kv, "tanggal_sertifikat");
	ibm_date d = iv->ev.last;

	if (v)
		ibm_date_parse(v, &d); /* checked by inv_cert_check */
	return d;
}

static const char *xcol(const inv_person *p, int k)
{
	return p->x && p->x[k] ? p->x[k] : "";
}

int inv_cert_cells(const invite *iv, inv_person *p, const int *xidx)
{
	static const char then[] = "left empty (the certificate shows no "
		"score)";
	const char *pc = xcol(p, CX_PERCENT), *pass = xcol(p, CX_PASSED);
	int st = 0;

	if (*pc) {
		char *t = ibm_xstrdup(pc);
		size_t n = strlen(t);
		double v;

		if (n && t[n - 1] == '%') /* "81,82%" */
			t[n - 1] = '\0';
		if ((ibm_parse_number(t, &v, 0) != 0 || v < 0 || v > 100) &&
		    (st = ibm_cell_bad(iv->strict, iv->src, p->line,
				       (size_t)xidx[CX_PERCENT],
				       cert_col_names[CX_PERCENT], "not a "
				       "percentage", pc, then)) == 0)
			p->x[CX_PERCENT][0] = '\0';
		free(t);
	}
	if (*pass && ibm_parse_yesno(pass) < 0) {
		if (ibm_cell_bad(iv->strict, iv->src, p->line,
				 (size_t)xidx[CX_PASSED],
				 cert_col_names[CX_PASSED], "not yes or no",
				 pass, then) != 0)
			st = -1;
		else
			p->x[CX_PASSED][0] = '\0';
	}
	return st;
}

/* The name; with proper set, in proper case with the degrees as
 * written (ibm_name_proper_case): "dr. SITI RAHMAWATI, S.KM" -> "dr.
 * Siti Rahmawati, S.KM". */
static char *cert_name(const inv_person *p, int proper)
{
	return proper ? ibm_name_proper_case(p->f[INV_NAMA])
		      : ibm_xstrdup(p->f[INV_NAMA]);
}

/* "dengan predikat X", "dengan nilai akhir 81,82 dan dinyatakan lulus",
 * or "". A score is only printed with "dinyatakan lulus": as offices
 * do, a participant who did not pass (or an input without a pass
 * verdict, ibm-score without --pass) gets a certificate of
 * participation, without a score. */
static void score_text(char *buf, size_t size, const inv_person *p)
{
	const char *pred = xcol(p, CX_PREDIKAT), *pc = xcol(p, CX_PERCENT);
	const char *pass = xcol(p, CX_PASSED);
	char num[32];
	size_t i;

	buf[0] = '\0';
	if (pred[0]) {
		snprintf(buf, size, "dengan predikat %s", pred);
		return;
	}
	if (!pc[0] || ibm_parse_yesno(pass) != 1)
		return;
	for (i = 0; pc[i] && i + 1 < sizeof num; i++)
		num[i] = pc[i] == '.' ? ',' : pc[i];
	num[i] = '\0';
	snprintf(buf, size, "dengan nilai akhir %s dan dinyatakan lulus", num);
}

/* The signature block, its last line at BOTTOM: returns its top. */
static float signature(page *pg, int draw)
{
	const inv_event *e = &pg->iv->ev;
	float x0 = W / 2 + 90, x1 = X1;
	float h = 15.0f * (float)(e->office.ttd.jabatan.n + 2 + (e->office.ttd.pangkat != NULL)
				  + (e->office.ttd.nip != NULL)) + 50.0f;
	char buf[256], date[64];
	float top = BOTTOM + h * pg->k;

	if (!draw)
		return top;
	pg->y = top;
	ibm_date_long(date, sizeof date, cert_date(pg->iv));
	snprintf(buf, sizeof buf, "%s, %s", e->tempat_surat, date);
	text(pg, 0, 12, 15, x0, x1, 1, buf);
	for (size_t i = 0; i < e->office.ttd.jabatan.n; i++)
		text(pg, 1, 12, 15, x0, x1, 1, e->office.ttd.jabatan.v[i]);
	pg->y -= 50 * pg->k;
	text(pg, 1, 12, 15, x0, x1, 1, e->office.ttd.nama);
	{
		item *it = &pg->v[pg->n - 1];

		rule(pg, it->x, it->x + it->w, it->y - 1.5f, 0.6f);
	}
	if (e->office.ttd.pangkat)
		text(pg, 0, 12, 15, x0, x1, 1, e->office.ttd.pangkat);
	if (e->office.ttd.nip) {
		snprintf(buf, sizeof buf, "NIP. %s", e->office.ttd.nip);
		text(pg, 0, 12, 15, x0, x1, 1, buf);
	}
	return top;
}

/* The body from the top at scale pg->k; returns the lowest baseline. */
static float body(page *pg, const inv_person *p, const char *nomor,
		  const char *name)
{
	const inv_event *e = &pg->iv->ev;
	float lw, lh, k = pg->k;
	char buf[1024], *ht;
	const char *as = xcol(p, CX_SEBAGAI);

	pg->y = TOP;
	if (ts_logo_size(pg->t, &lw, &lh)) {
		item *it = add(pg, IT_LOGO);

		it->h = 60 * k;
		it->w = it->h * lw / lh;
		it->x = (W - it->w) / 2;
		it->y = pg->y - it->h;
		pg->y -= it->h + 2 * k;
	}
	for (size_t i = 0; i < e->office.kop.n; i++)
		text(pg, 1, 12, 15, X0, X1, 1, e->office.kop.v[i]);
	pg->y -= 14 * k;
	text(pg, 1, 34, 38, X0, X1, 1, "SERTIFIKAT");
	snprintf(buf, sizeof buf, "Nomor: %s", nomor);
	text(pg, 0, 12, 20, X0, X1, 1, buf);
	pg->y -= 10 * k;
	text(pg, 0, 13, 18, X0, X1, 1, "diberikan kepada:");
	pg->y -= 6 * k;
	text(pg, 1, 24, 30, X0, X1, 1, name);
	{
		item *it = &pg->v[pg->n - 1];
		float m = 20;

		rule(pg, it->x - m, it->x + it->w + m, it->y - 6 * k, 0.8f);
	}
	pg->y -= 6 * k;
	snprintf(buf, sizeof buf, "%s%s%s", p->f[INV_JABATAN],
		 p->f[INV_JABATAN][0] && p->f[INV_UNIT][0] ? ", " : "",
		 p->f[INV_UNIT]);
	if (buf[0])
		text(pg, 0, 13, 17, X0, X1, 1, buf);
	pg->y -= 8 * k;
	text(pg, 0, 13, 18, X0, X1, 1, "telah mengikuti");
	para(pg, 1, 15, 19, X0 + 30, X1 - 30, e->acara);
	ht = inv_text_hari_tanggal(pg->iv);
	snprintf(buf, sizeof buf, "pada %s di %s", ht, e->tempat);
	free(ht);
	para(pg, 0, 13, 18, X0 + 30, X1 - 30, buf);
	snprintf(buf, sizeof buf, "sebagai %s", as[0] ? as : "Peserta");
	text(pg, 0, 13, 18, X0, X1, 1, buf);
	score_text(buf, sizeof buf, p);
	if (buf[0])
		text(pg, 0, 13, 18, X0, X1, 1, buf);
	return pg->y;
}

/* Lay out the certificate of p: the body at the largest scale (from 1
 * down) at which it ends above the signature block. */
static void certificate(page *pg, const inv_person *p, int proper)
{
	char *nomor = inv_cert_number(pg->iv, p);
	char *name = cert_name(p, proper);
	float k, slack = 0;

	for (k = 1.0f; k > 0.6f; k -= 0.05f) {
		float low, top;

		pg->k = k;
		page_clear(pg);
		top = signature(pg, 0);
		low = body(pg, p, nomor, name);
		/* the last body lines are centred: clear of the signature
		 * block's top by one line */
		slack = low - 14 * k - top;
		if (slack >= 0)
			break;
	}
	/* a short body moves down a third of the room left, so that the
	 * space above and below it is less uneven */
	for (size_t i = 0; slack > 0 && i < pg->n; i++)
		pg->v[i].y -= slack / 3;
	signature(pg, 1);
	rect(pg, 18, 18, W - 36, H - 36, 2.5f);
	rect(pg, 25, 25, W - 50, H - 50, 0.8f);
	free(nomor);
	free(name);
}

/* ---------------------------------------------------------------- check */

static _Noreturn void key_die(const invite *iv, const char *key,
			      const char *what, const char *v)
{
	long line = 0;
	const char *src = inv_key_file(&iv->ev, key, &line);

	ibm_die(IBM_EX_DATAERR, src ? src : iv->ev.kv->file, line, "%s: %s%s",
		key, what, v ? v : "");
}

void inv_cert_check(const invite *iv, int pdf)
{
	const char *pat = ibm_event_get(iv->ev.kv, "nomor_sertifikat");
	const char *v;
	char *test;
	long n;
	ibm_date d;

	if (!pat)
		ibm_die(IBM_EX_DATAERR, iv->ev.kv->file, 0, "missing required "
			"key for --certificates: nomor_sertifikat");
	test = inv_number(pat ? pat : "", 1); /* pat is set: died above */
	if (!test)
		key_die(iv, "nomor_sertifikat", "the number pattern needs {n} "
			"or {n:WIDTH}: ", pat);
	free(test);
	if ((v = ibm_event_get(iv->ev.kv, "nomor_sertifikat_awal")) &&
	    ibm_parse_count(v, &n) != 0)
		key_die(iv, "nomor_sertifikat_awal", "not a whole number: ", v);
	if ((v = ibm_event_get(iv->ev.kv, "tanggal_sertifikat")) &&
	    ibm_date_parse(v, &d) != 0)
		key_die(iv, "tanggal_sertifikat", "not a date: ", v);
	if (!pdf)
		return;
	inv_pdf_check(iv);
	{
		const ibm_event_kv *kv = ibm_event_find(iv->ev.kv,
							"nomor_sertifikat");

		ts_check_text(&iv->ev.office, kv->src, kv->line, kv->key,
			      kv->val);
	}
	for (size_t i = 0; i < iv->np; i++)
		for (int k = 0; k < CX_N; k++)
			ts_check_text(&iv->ev.office, iv->src, iv->p[i].line,
				      cert_col_names[k], xcol(&iv->p[i], k));
}

/* ------------------------------------------------------------------ PDF */

static void draw_pdf(ts_doc *t, const page *pg)
{
	ts_page_size(t, W, H);
	for (size_t i = 0; i < pg->n; i++) {
		const item *it = &pg->v[i];

		switch (it->kind) {
		case IT_TEXT:
			ts_text(t, it->bold, it->size, it->x, it->y,
				     it->s);
			break;
		case IT_RULE:
			ts_hline(t, it->x, it->x + it->w, it->y, it->h);
			break;
		case IT_RECT:
			ts_rect(t, it->x, it->y, it->w, it->h, it->size);
			break;
		case IT_LOGO:
			ts_logo(t, it->x, it->y, it->w, it->h);
			break;
		}
	}
}

/* ----------------------------------------------------------------- HTML */

static void esc(FILE *fp, const char *s)
{
	ts_html_esc(fp, s, strlen(s));
}

/*
 * Every item placed in points from the page's top left. A text line's
 * box is one font size high; Times' baseline is 0.84 of the size below
 * its top (ascent 0.891, descent 0.216, centred in the box). The page
 * block is a little lower than the paper so that it never spills.
 */
static const char css[] =
	"@page { size: A4 landscape; margin: 0; }\n"
	"html, body { margin: 0; padding: 0; }\n"
	"body { font-family: \"Times New Roman\", Times, \"Liberation Serif\", "
	"serif; color: #000; }\n"
	".cert { position: relative; width: 841pt; height: 594pt; "
	"overflow: hidden; break-after: page; page-break-after: always; }\n"
	".cert:last-child { break-after: auto; page-break-after: auto; }\n"
	".t { position: absolute; white-space: nowrap; line-height: 1; }\n"
	".c { text-align: center; }\n"
	".r { text-align: right; }\n"
	".b { font-weight: bold; }\n"
	".rule { position: absolute; border-top-style: solid; height: 0; }\n"
	".box { position: absolute; border-style: solid; "
	"box-sizing: border-box; }\n"
	".logo { position: absolute; }\n";

static void draw_html(FILE *fp, const page *pg, const char *logo_head,
		      const unsigned char *logo, size_t logo_len)
{
	fputs("<div class=\"cert\">\n", fp);
	for (size_t i = 0; i < pg->n; i++) {
		const item *it = &pg->v[i];

		switch (it->kind) {
		case IT_TEXT:
			fprintf(fp, "<div class=\"t%s%s\" style=\"left: %.2fpt; "
				"width: %.2fpt; top: %.2fpt; font-size: "
				"%.2fpt\">", it->bold ? " b" : "",
				it->align == 1 ? " c" : it->align == 2 ? " r" :
				"", it->x0, it->x1 - it->x0,
				H - it->y - 0.84f * it->size, it->size);
			esc(fp, it->s);
			fputs("</div>\n", fp);
			break;
		case IT_RULE:
			fprintf(fp, "<div class=\"rule\" style=\"left: %.2fpt; "
				"width: %.2fpt; top: %.2fpt; "
				"border-top-width: %.2fpt\"></div>\n", it->x,
				it->w, H - it->y - it->h / 2, it->h);
			break;
		case IT_RECT:
			fprintf(fp, "<div class=\"box\" style=\"left: %.2fpt; "
				"top: %.2fpt; width: %.2fpt; height: %.2fpt; "
				"border-width: %.2fpt\"></div>\n",
				it->x - it->size / 2,
				H - it->y - it->h - it->size / 2,
				it->w + it->size, it->h + it->size, it->size);
			break;
		case IT_LOGO:
			if (!logo)
				break;
			fprintf(fp, "<img class=\"logo\" alt=\"logo\" style=\""
				"left: %.2fpt; top: %.2fpt; width: %.2fpt; "
				"height: %.2fpt\" src=\"%s", it->x,
				H - it->y - it->h, it->w, it->h, logo_head);
			ts_html_base64(fp, logo, logo_len);
			fputs("\">\n", fp);
			break;
		}
	}
	fputs("</div>\n", fp);
}

/* --------------------------------------------------------------- output */

void inv_certificates(const invite *iv, const char *path, int proper_case,
		      inv_outs *outs)
{
	int pdf = ibm_fmt_of_name(path) == IBM_FMT_PDF;
	char title[512];
	page pg;

	memset(&pg, 0, sizeof pg);
	pg.iv = iv;
	snprintf(title, sizeof title, "Sertifikat - %s", iv->ev.acara);
	if (pdf) {
		pg.t = ts_open(&iv->ev.office, title);
		ts_expect_items(pg.t, iv->np);
		for (size_t i = 0; i < iv->np; i++) {
			certificate(&pg, &iv->p[i], proper_case);
			draw_pdf(pg.t, &pg);
		}
		if (!iv->np) /* no one: one empty page */
			ts_page_size(pg.t, W, H);
		inv_outs_add(outs, ts_save(pg.t, path));
	} else {
		unsigned char *logo = NULL;
		size_t logo_len = 0;
		const char *head = NULL;
		ibm_atomic *a;
		FILE *fp;

		pg.t = ts_measure(&iv->ev.office);
		head = ts_html_logo(&iv->ev.office, &logo, &logo_len);
		a = ibm_atomic_open(path);
		fp = ibm_atomic_fp(a);
		fputs("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n"
		      "<meta charset=\"utf-8\">\n"
		      "<meta name=\"generator\" content=\"ibmkit "
		      IBMKIT_VERSION "\">\n<title>", fp);
		esc(fp, title);
		fputs("</title>\n<style>\n", fp);
		fputs(css, fp);
		fputs("</style>\n</head>\n<body>\n", fp);
		for (size_t i = 0; i < iv->np; i++) {
			certificate(&pg, &iv->p[i], proper_case);
			draw_html(fp, &pg, head, logo, logo_len);
		}
		fputs("</body>\n</html>\n", fp);
		free(logo);
		ts_free(pg.t);
		inv_outs_add(outs, a);
	}
	page_clear(&pg);
	free(pg.v);
}
