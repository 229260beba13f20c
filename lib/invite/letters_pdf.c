/*
 * letters_pdf.c - ibm-invite's invitation letters laid out on a document
 * of lib/typeset/: drawn as PDF (inv_letters_pdf), or measured in Times
 * for the HTML letters (inv_typeset_*), which follow the lines and page
 * breaks set here.
 *
 * A letter: the letterhead, place and date beside (or above) the Nomor
 * block, the addressee, the body with the event's details, the
 * signatory, the Tembusan, and the attachments (the collective letter's
 * list of invitees, the agenda), whose sheets are counted before the
 * Lampiran line is written.
 */
#include "invite.h"

#include <stdlib.h>
#include <string.h>

#define LEFT TS_LEFT
#define RIGHT TS_RIGHT
#define SIZE TS_SIZE
#define LEAD TS_LEAD
#define SMALL TS_SMALL
#define SLEAD TS_SLEAD

const float inv_people_cols[4] = { 30, 150, 166, 123.3f };
const float inv_agenda_cols[4] = { 110, 75, 170, 114.3f };

/* The attachment layouts already made, by the number of lines of the
 * Nomor line of their heading (the only text that differs between
 * letters). */
#define NCACHE 4
typedef struct att_cache {
	int valid;
	inv_att_page *ap;
	size_t nap;
} att_cache;

struct inv_typeset {
	ts_doc *d;
	int measuring;    /* d only measures (the HTML letters) */
	const invite *iv;
	float cx, vx;     /* colon and values of the Nomor block (body) */
	inv_layout lay;   /* the decisions of the letter being set */
	inv_att_page *ap; /* attachment pages of the letter being set */
	size_t nap, apcap;
	att_cache cache[NCACHE];
	int copies_set;   /* the Tembusan given to d */
};
typedef struct inv_typeset letters;

/* An attachment table: the invitees (0) or the agenda (1). */
typedef struct table {
	int id;
	const char *const *head;
	const float *w;   /* column widths */
} table;

/* A new attachment page: its table and first row (the rows of a page are
 * counted as table_row sets them). */
static void att_page(letters *p, int tab, int head, size_t row)
{
	ibm_grow((void **)&p->ap, &p->apcap, p->nap + 1, sizeof *p->ap);
	p->ap[p->nap].table = tab;
	p->ap[p->nap].head = head;
	p->ap[p->nap].first = p->ap[p->nap].end = row;
	p->nap++;
}

/* Row number row of an attachment table (flags of ts_table_row: the
 * head row with TS_ROW_HEAD). */
static void table_row_flags(letters *p, const table *t,
			    const char *const *cells, int flags, size_t row)
{
	if (ts_table_row(p->d, 4, t->w, t->head, cells, flags))
		att_page(p, t->id, 0, row);
	if (!(flags & TS_ROW_HEAD) && p->nap)
		p->ap[p->nap - 1].end = row + 1;
}

static void table_row(letters *p, const table *t, const char *const *cells,
		      int is_head, size_t row)
{
	table_row_flags(p, t, cells, is_head ? TS_ROW_HEAD : 0, row);
}

static void number_block(letters *p, const char *nomor, int sheets)
{
	const inv_event *e = &p->iv->ev;
	char buf[160], date[64];
	float y0 = ts_y(p->d), dw, nw;
	char *lamp = inv_text_lampiran(p->iv, sheets);

	ibm_date_long(date, sizeof date, e->tanggal_surat);
	snprintf(buf, sizeof buf, "%s, %s", e->tempat_surat, date);
	dw = ts_width(p->d, 0, SIZE, buf);
	nw = ts_width(p->d, 0, SIZE, nomor);
	ts_line(p->d, 0, SIZE, LEAD, LEFT, RIGHT, 2, buf);
	/* the date beside the number when there is room, else above it */
	p->lay.date_above = !(p->vx + nw + 12 < RIGHT - dw);
	if (!p->lay.date_above)
		ts_set_y(p->d, y0);
	ts_labelled(p->d, SIZE, LEAD, LEFT, p->cx, p->vx, RIGHT, "Nomor",
		 nomor, 0);
	ts_labelled(p->d, SIZE, LEAD, LEFT, p->cx, p->vx, RIGHT, "Sifat",
		 e->sifat, 0);
	ts_labelled(p->d, SIZE, LEAD, LEFT, p->cx, p->vx, RIGHT,
		 "Lampiran", lamp, 0);
	ts_labelled(p->d, SIZE, LEAD, LEFT, p->cx, p->vx, RIGHT - 140,
		 "Hal", e->hal, 1);
	free(lamp);
}

static void addressee(letters *p, const inv_person *ps)
{
	char buf[512];
	float ix = LEFT + ts_width(p->d, 0, SIZE, "Yth. ");

	ts_set_y(p->d, ts_y(p->d) - LEAD);
	if (!ps) {
		snprintf(buf, sizeof buf, "Yth. %s", p->iv->ev.kepada);
		ts_line(p->d, 0, SIZE, LEAD, LEFT, RIGHT, 0, buf);
	} else {
		snprintf(buf, sizeof buf, "Yth. %s %s", inv_salutation(ps),
			 ps->f[INV_NAMA]);
		ts_line(p->d, 1, SIZE, LEAD, LEFT, RIGHT, 0, buf);
		if (ps->f[INV_JABATAN][0])
			ts_line(p->d, 0, SIZE, LEAD, ix, RIGHT, 0,
			     ps->f[INV_JABATAN]);
		if (ps->f[INV_UNIT][0])
			ts_line(p->d, 0, SIZE, LEAD, ix, RIGHT, 0,
			     ps->f[INV_UNIT]);
		if (ps->f[INV_KELURAHAN][0]) {
			snprintf(buf, sizeof buf, "%s %s",
				 inv_village_word(ps->kind),
				 ps->f[INV_KELURAHAN]);
			ts_line(p->d, 0, SIZE, LEAD, ix, RIGHT, 0, buf);
		}
	}
	ts_line(p->d, 0, SIZE, LEAD, ix, RIGHT, 0, "di -");
	ts_line(p->d, 0, SIZE, LEAD, ix + 24, RIGHT, 0, "Tempat");
}

static void body(letters *p, const inv_person *ps)
{
	const inv_event *e = &p->iv->ev;
	char *t = inv_text_pembuka(p->iv, ps);
	char *ht = inv_text_hari_tanggal(p->iv);
	float lx = p->vx + 16;
	float cx = lx + ts_width(p->d, 0, SIZE, "hari/tanggal") + 10;
	float vx = cx + 8;

	ts_set_y(p->d, ts_y(p->d) - LEAD);
	ts_para(p->d, 0, SIZE, LEAD, p->vx, RIGHT, 36, 1, t, 1);
	free(t);
	ts_set_y(p->d, ts_y(p->d) - 4);
	ts_labelled(p->d, SIZE, LEAD, lx, cx, vx, RIGHT, "hari/tanggal",
		 ht, 0);
	ts_labelled(p->d, SIZE, LEAD, lx, cx, vx, RIGHT, "waktu", e->waktu, 0);
	ts_labelled(p->d, SIZE, LEAD, lx, cx, vx, RIGHT, "tempat",
		 e->tempat, 0);
	ts_labelled(p->d, SIZE, LEAD, lx, cx, vx, RIGHT, "acara", e->acara, 0);
	free(ht);
	ts_set_y(p->d, ts_y(p->d) - 4);
	t = inv_text_penutup(p->iv, ps);
	/* the closing paragraph stays with the signature */
	p->lay.keep_break = ts_keep(p->d, (float)ts_para(p->d, 0, SIZE, LEAD,
		p->vx, RIGHT, 36, 1, t, 0) * LEAD + ts_sign_height(p->d, NULL));
	ts_para(p->d, 0, SIZE, LEAD, p->vx, RIGHT, 36, 1, t, 1);
	free(t);
}


/* Where the heading of the attachments starts (points from the left). */
#define ATT_X (LEFT + TS_INDENT_RIGHT)

static void attachment_head(letters *p, const char *nomor, const char *title,
			    int tab)
{
	char date[64];
	char *ls = inv_text_lampiran_surat(p->iv);
	float cx = ATT_X + ts_width(p->d, 0, SMALL, "Tanggal") + 4;

	ts_new_page(p->d);
	att_page(p, tab, 1, 0);
	ibm_date_long(date, sizeof date, p->iv->ev.tanggal_surat);
	ts_para(p->d, 0, SMALL, SLEAD, ATT_X, RIGHT, 0, 0, ls, 1);
	free(ls);
	ts_labelled(p->d, SMALL, SLEAD, ATT_X, cx, cx + 8, RIGHT, "Nomor",
		 nomor, 0);
	ts_labelled(p->d, SMALL, SLEAD, ATT_X, cx, cx + 8, RIGHT,
		 "Tanggal", date, 0);
	ts_set_y(p->d, ts_y(p->d) - 16);
	ts_line(p->d, 1, SIZE, LEAD, LEFT, RIGHT, 1, title);
	ts_para(p->d, 1, SIZE, LEAD, LEFT, RIGHT, 0, 2, p->iv->ev.acara, 1);
	ts_set_y(p->d, ts_y(p->d) - 10);
}

/* The cells of invitee i in the list of invitees (no and ju hold the
 * number and "Jabatan, Unit IBM"). */
static void people_cells(const invite *iv, size_t i, char *no, size_t nsz,
			 char *ju, size_t jsz, const char *cells[4])
{
	const inv_person *ps = &iv->p[i];

	snprintf(no, nsz, "%ld", ps->no);
	snprintf(ju, jsz, "%s%s%s", ps->f[INV_JABATAN],
		 ps->f[INV_JABATAN][0] && ps->f[INV_UNIT][0] ? ", " : "",
		 ps->f[INV_UNIT]);
	cells[0] = no;
	cells[1] = ps->f[INV_NAMA];
	cells[2] = ju;
	cells[3] = ps->f[INV_KELURAHAN];
}

/* The list of invitees of the collective letter, signed as the Sprin's
 * list of officers is: the signatory under the table, the last two rows
 * on its page. */
static void attachment_people(letters *p, const char *nomor)
{
	static const char *const head[] = { "No", "Nama", "Jabatan/Unit IBM",
		"Desa/Kelurahan" };
	table t = { 0, head, inv_people_cols };
	size_t np = p->iv->np;

	attachment_head(p, nomor, "DAFTAR PESERTA", 0);
	table_row(p, &t, head, 1, 0);
	for (size_t i = 0; i < np; i++) {
		char no[24], ju[512];
		const char *cells[4];
		int flags = 0;

		if (np >= 3 && i == np - 2) {
			float h = ts_sign_height(p->d, NULL);

			for (size_t k = i; k < np; k++) {
				people_cells(p->iv, k, no, sizeof no, ju,
					     sizeof ju, cells);
				h += ts_table_row_height(p->d, 4, t.w, cells,
							 0);
			}
			if (ts_keep_rows(p->d, h))
				flags = TS_ROW_BREAK;
		}
		people_cells(p->iv, i, no, sizeof no, ju, sizeof ju, cells);
		table_row_flags(p, &t, cells, flags, i);
	}
	ts_signature(p->d);
}

static void attachment_agenda(letters *p, const char *nomor)
{
	static const char *const head[] = { "Hari/Tanggal", "Waktu",
		"Kegiatan", "Narasumber/PJ" };
	table t = { 1, head, inv_agenda_cols };
	char *ht = inv_text_hari_tanggal(p->iv);
	int prev = 0;

	attachment_head(p, nomor, "SUSUNAN ACARA", 1);
	ts_para(p->d, 0, SMALL, SLEAD, LEFT, RIGHT, 0, 0, ht, 1);
	free(ht);
	ts_set_y(p->d, ts_y(p->d) - 6);
	table_row(p, &t, head, 1, 0);
	for (size_t i = 0; i < p->iv->nag; i++) {
		const inv_agenda *a = &p->iv->ag[i];
		char *day = inv_day_text(p->iv, a->day);
		const char *cells[4];

		cells[0] = a->day != prev ? day : "";
		cells[1] = a->waktu;
		cells[2] = a->acara;
		cells[3] = a->pj;
		prev = a->day;
		table_row(p, &t, cells, 0, i);
		free(day);
	}
}

static void attachments(letters *p, const char *nomor)
{
	p->nap = 0;
	if (p->iv->collective)
		attachment_people(p, nomor);
	if (p->iv->nag)
		attachment_agenda(p, nomor);
}

/* The attachment pages of a letter with this number, laid out without
 * drawing (once for each length of the Nomor line). */
static void plan_attachments(letters *p, const char *nomor)
{
	float cx = ATT_X + ts_width(p->d, 0, SMALL, "Tanggal") + 4;
	int n = ts_para(p->d, 0, SMALL, SLEAD, cx + 8, RIGHT, 0, 0, nomor,
		       0);
	att_cache *c = n >= 1 && n <= NCACHE ? &p->cache[n - 1] : NULL;
	int dry;
	float y = ts_y(p->d);

	if (c && c->valid) {
		p->nap = 0;
		ibm_grow((void **)&p->ap, &p->apcap, c->nap + 1, sizeof *p->ap);
		if (c->nap)
			memcpy(p->ap, c->ap, c->nap * sizeof *p->ap);
		p->nap = c->nap;
		return;
	}
	dry = ts_set_dry(p->d, 1);
	attachments(p, nomor);
	ts_set_dry(p->d, dry);
	ts_set_y(p->d, y);
	if (c) {
		c->valid = 1;
		c->nap = p->nap;
		c->ap = ibm_xmalloc((p->nap + 1) * sizeof *c->ap);
		if (p->nap)
			memcpy(c->ap, p->ap, p->nap * sizeof *p->ap);
	}
}

static void letter(letters *p, const inv_person *ps, const char *nomor)
{
	int sheets;

	plan_attachments(p, nomor);
	sheets = (int)p->nap;
	memset(&p->lay, 0, sizeof p->lay);
	ts_new_page(p->d);
	p->cx = LEFT + ts_width(p->d, 0, SIZE, "Lampiran") + 6;
	p->vx = p->cx + 8;
	ts_letterhead(p->d);
	number_block(p, nomor, sheets);
	addressee(p, ps);
	body(p, ps);
	ts_signature(p->d);
	if (!p->copies_set) {
		inv_lines copies = { 0 };

		inv_tembusan(p->iv, &copies);
		ts_set_copies(p->d, &copies);
		inv_lines_free(&copies);
		p->copies_set = 1;
	}
	ts_tembusan(p->d, &p->lay.tembusan_two, &p->lay.tembusan_half);
	p->lay.ncopy_page = ts_tembusan_pages(p->d, &p->lay.copy_page);
	if (!p->measuring)
		attachments(p, nomor);
	p->lay.sheets = sheets;
	p->lay.page = p->ap;
	p->lay.npage = p->nap;
}

static void letters_free(letters *p)
{
	free(p->ap);
	for (int i = 0; i < NCACHE; i++)
		free(p->cache[i].ap);
	free(p);
}

/* -------------------------------------------------- measuring for HTML */

inv_typeset *inv_typeset_new(const invite *iv)
{
	letters *p = ibm_xcalloc(1, sizeof *p);

	p->iv = iv;
	p->measuring = 1;
	p->d = ts_measure(&iv->ev.office);
	return p;
}

ts_doc *inv_typeset_doc(inv_typeset *t)
{
	return t->d;
}

int inv_typeset_sheets(inv_typeset *t, const char *nomor)
{
	plan_attachments(t, nomor);
	return (int)t->nap;
}

void inv_typeset_free(inv_typeset *t)
{
	if (t) {
		ts_free(t->d);
		letters_free(t);
	}
}

void inv_typeset_letter(inv_typeset *t, const inv_person *ps,
			const char *nomor, inv_layout *out)
{
	letter(t, ps, nomor);
	*out = t->lay;
}

/* ----------------------------------------------------------------- check */

void inv_pdf_check(const invite *iv)
{
	const inv_event *e = &iv->ev;
	/* the keys the letters show, besides the office's */
	static const char *const shown[] = { "nomor", "sifat", "lampiran",
		"hal", "tempat_surat", "acara", "waktu", "tempat", "kontak",
		"tembusan", "pembuka", "penutup", "kepada", "penerbit",
		"nomor_kolektif", NULL };

	if (!e->office.font) {
		for (size_t i = 0; shown[i]; i++) {
			const ibm_event_kv *kv = ibm_event_find(e->kv, shown[i]);

			if (kv)
				ts_check_text(&e->office, kv->src, kv->line,
					      kv->key, kv->val);
		}
		for (size_t i = 0; i < iv->np; i++)
			for (int k = 0; k < INV_NF; k++)
				ts_check_text(&e->office, iv->src,
					      iv->p[i].line, inv_field_names[k],
					      iv->p[i].f[k]);
		for (size_t i = 0; i < iv->nag; i++) {
			ts_check_text(&e->office, iv->agenda_src,
				      iv->ag[i].line, "waktu", iv->ag[i].waktu);
			ts_check_text(&e->office, iv->agenda_src,
				      iv->ag[i].line, "acara", iv->ag[i].acara);
			ts_check_text(&e->office, iv->agenda_src,
				      iv->ag[i].line, "narasumber",
				      iv->ag[i].pj);
		}
	}
	ts_office_check(&e->office);
}

/* ---------------------------------------------------------------- output */

void inv_letters_pdf(const invite *iv, const char *path, inv_outs *outs)
{
	letters *p = ibm_xcalloc(1, sizeof *p);

	p->iv = iv;
	p->d = ts_open(&iv->ev.office, iv->ev.hal);
	ts_expect_items(p->d, iv->np); /* a letter each, or one listing all */
	if (iv->collective) {
		char *n = inv_collective_number(iv);

		letter(p, NULL, n);
		free(n);
	} else {
		for (size_t i = 0; i < iv->np; i++)
			letter(p, &iv->p[i], iv->p[i].letter_number);
	}
	inv_outs_add(outs, ts_save(p->d, path));
	letters_free(p);
}
