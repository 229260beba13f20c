/*
 * warrant.c - the letters that send the office's officers out, in the
 * Tata Naskah Dinas layout they share: the Surat Perintah of a bimtek
 * (order.c, --order) and the Surat Tugas of the Monev visits (visits.c,
 * --assignment); and the staff file that names the officers.
 *
 *   letterhead; the title ("SURAT PERINTAH", "SURAT TUGAS") and Nomor,
 *   centred; Menimbang and Dasar (numbered lists); the verb
 *   ("DIPERINTAHKAN", "MEMBERI TUGAS"); Kepada: a numbered table of the
 *   officers, or "Daftar terlampir" with the table on an attachment page
 *   for more than INV_ORDER_INLINE_MAX; Untuk: numbered items, with a
 *   table (the destinations and dates of a Surat Tugas) after one of
 *   them; "Dikeluarkan di" / "Pada tanggal"; the signatory; Tembusan.
 *
 * The layout is drawn on a document of lib/typeset/: as PDF, or measured
 * in Times and recorded as the SVG pages of the HTML (ts_write), so that
 * a browser prints the same pages.
 */
#include "invite.h"

#include <stdlib.h>
#include <string.h>

#define ATT_X (TS_LEFT + TS_INDENT_RIGHT - 60) /* the number is long */

/* ------------------------------------------------------- the staff file */

const char *const inv_staff_names[INV_STAFF_NF] = { "nama", "pangkat",
	"nip", "jabatan", "tugas", "tim", "tingkat_biaya" };
const ibm_colspec inv_staff_specs[INV_STAFF_NF] = {
	{ "nama|name|nama lengkap|full name|nama petugas|petugas", 1 },
	{ "pangkat|golongan|pangkat/golongan|pangkat golongan|pangkat/gol|"
	  "gol|rank|grade|rank/grade", 0 },
	{ "nip|nrp|nip/nrp|nip nrp|nip/nrp/nik|employee id|service number|"
	  "id number", 0 },
	{ "jabatan|position|jabatan dinas|title", 0 },
	{ "tugas|peran|task|role|tugas dalam kegiatan|duty|sebagai|"
	  "tugas dalam tim|keterangan", 0 },
	{ "tim|team|regu|kelompok|tim monev|nama tim", 0 },
	{ "tingkat_biaya|tingkat biaya|tingkat biaya perjalanan dinas|"
	  "tingkat|travel cost level|cost level", 0 },
};

const char *inv_nip_bad(const char *s)
{
	size_t nd = 0, n = 0;
	char d[32];

	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (nd < sizeof d)
				d[nd] = *p;
			nd++;
		} else if (*p == 'E' || *p == 'e') {
			/* "1.97001E+17", "1,97001E+17" */
			double v;

			if (ibm_parse_number(s, &v, IBM_NUM_EXP) == 0)
				return "a number Excel shows in a power of ten "
				       "(its digits are lost; type the NIP as "
				       "text)";
			return NULL;
		} else if (*p != ' ' && *p != '.' && *p != '-') {
			n++;
		}
	}
	if (n || nd != 18 || nd > sizeof d)
		return NULL;
	/* YYYYMMDD YYYYMM G NNN: Excel keeps 15 digits of a number */
	if (d[15] == '0' && d[16] == '0' && d[17] == '0')
		return "an 18-digit NIP ending in 000 (a spreadsheet kept "
		       "only its first 15 digits; type the NIP as text)";
	return NULL;
}

int inv_order_read_staff_csv(inv_order *o, ibm_csv *r)
{
	const ibm_rec *rec;
	int idx[INV_STAFF_NF], k;
	long refused = 0;

	o->src = ibm_xstrdup(ibm_csv_name(r));
	if (ibm_csv_resolve(r, inv_staff_specs, INV_STAFF_NF, idx) != 0)
		return IBM_EX_DATAERR;
	o->has_team = idx[INV_S_TIM] >= 0;
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		inv_staff st;
		const char *why;
		int empty = 1;

		/* spaces folded first: a row of blanks is an empty row */
		for (int c = 0; c < INV_STAFF_NF; c++) {
			st.f[c] = ibm_rec_cell(rec, idx[c]);
			if (st.f[c][0])
				empty = 0;
		}
		st.line = rec->line;
		if (empty || !st.f[0][0]) {
			for (int c = 0; c < INV_STAFF_NF; c++)
				free(st.f[c]);
			if (empty)
				continue;
			ibm_error_cell(o->src, rec->line, (size_t)idx[0],
				       "nama: empty (an officer needs a name)");
			return IBM_EX_DATAERR;
		}
		why = st.f[INV_S_NIP][0] ? inv_nip_bad(st.f[INV_S_NIP]) : NULL;
		if (why) {
			if (ibm_cell_bad(o->strict, o->src, rec->line,
					 (size_t)idx[INV_S_NIP], "nip", why,
					 st.f[INV_S_NIP],
					 "left out of the Sprin") != 0)
				refused++;
			st.f[INV_S_NIP][0] = '\0';
		}
		ibm_grow((void **)&o->s, &o->cap, o->n + 1, sizeof *o->s);
		o->s[o->n++] = st;
	}
	if (k < 0)
		return ibm_csv_status(r);
	if (refused)
		return IBM_EX_DATAERR;
	if (!o->n) {
		ibm_error(o->src, 0, "no officers in the staff file");
		return IBM_EX_DATAERR;
	}
	return 0;
}

void inv_order_read_staff(inv_order *o, const char *path,
			  const ibm_csv_opts *opts)
{
	/* the header: the first row with a name */
	ibm_csv *r = ibm_csv_xopen_side(path, opts, inv_staff_specs,
					INV_STAFF_NF);
	int st = inv_order_read_staff_csv(o, r);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

void inv_order_free(inv_order *o)
{
	for (size_t i = 0; i < o->n; i++)
		for (int c = 0; c < INV_STAFF_NF; c++)
			free(o->s[i].f[c]);
	free(o->s);
	free(o->src);
	free(o->nomor);
	memset(o, 0, sizeof *o);
}

char *inv_staff_names_text(const inv_staff *const *s, size_t n)
{
	size_t len = 1;
	char *t;

	for (size_t i = 0; i < n; i++)
		len += strlen(s[i]->f[INV_S_NAMA]) + 2;
	t = ibm_xmalloc(len);
	len = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(s[i]->f[INV_S_NAMA]);

		if (i) {
			memcpy(t + len, ", ", 2);
			len += 2;
		}
		memcpy(t + len, s[i]->f[INV_S_NAMA], k);
		len += k;
	}
	t[len] = '\0';
	return t;
}

void inv_staff_check_text(const ts_office *of, const inv_order *o)
{
	for (size_t i = 0; i < o->n; i++)
		for (int c = 0; c < INV_STAFF_NF; c++)
			ts_check_text(of, o->src, o->s[i].line,
				      inv_staff_names[c], o->s[i].f[c]);
}

/* ------------------------------------------------------------ layout */

typedef struct warrant {
	ts_doc *t;
	const inv_warrant *w;
	float cx, vx;      /* the colon and values of the labelled parts */
} warrant;

/* Text at x on the baseline y (the current y is kept). */
static void put_at(warrant *s, int bold, float size, float x, float y,
		   const char *txt)
{
	float keep = ts_y(s->t);

	ts_set_y(s->t, y);
	ts_put(s->t, bold, size, x, txt);
	ts_set_y(s->t, keep);
}

/* "Label : 1. item" with the items [from, to) of l numbered (one item:
 * no number), wrapped and justified from the number to the right
 * margin; the label with the first item of the list. */
static void numbered(warrant *s, const char *label, const inv_lines *l,
		     size_t from, size_t to)
{
	float numw = l->n > 1 ? ts_width(s->t, 0, TS_SIZE, "10. ") : 0;
	char num[24];

	for (size_t i = from; i < to; i++) {
		float y;

		ts_need(s->t, TS_LEAD);
		y = ts_y(s->t) - TS_LEAD;
		if (i == 0) {
			put_at(s, 0, TS_SIZE, TS_LEFT, y, label);
			put_at(s, 0, TS_SIZE, s->cx, y, ":");
		}
		if (l->n > 1) {
			snprintf(num, sizeof num, "%zu.", i + 1);
			put_at(s, 0, TS_SIZE, s->vx, y, num);
		}
		ts_para(s->t, 0, TS_SIZE, TS_LEAD, s->vx + numw, TS_RIGHT, 0, 1,
			l->v[i], 1);
		ts_set_y(s->t, ts_y(s->t) - 3);
	}
}

/* The officers' table: No, Nama, Pangkat/Gol. and NIP/NRP, Jabatan,
 * the role (points; the text width). */
static const float cols[5] = { 26, 128, 122, 103.276f, 90 };

/* The cells of officer i (pn: the rank and NIP/NRP, a line each; free
 * it). */
static void officer_cells(const warrant *s, size_t i, char *no, size_t nsz,
			  char **pn, const char *cells[5])
{
	const inv_staff *st = s->w->officer[i];
	size_t n = strlen(st->f[INV_S_PANGKAT]) + strlen(st->f[INV_S_NIP]) + 2;

	*pn = ibm_xmalloc(n);
	snprintf(*pn, n, "%s%s%s", st->f[INV_S_PANGKAT],
		 st->f[INV_S_PANGKAT][0] && st->f[INV_S_NIP][0] ? "\n" : "",
		 st->f[INV_S_NIP]);
	snprintf(no, nsz, "%zu", i + 1);
	cells[0] = no;
	cells[1] = st->f[INV_S_NAMA];
	cells[2] = *pn;
	cells[3] = st->f[INV_S_JABATAN];
	cells[4] = st->f[INV_S_TUGAS];
}

/* The list of officers; with_sign: the signatory follows it, with the
 * last two rows on its page. */
static void officers(warrant *s, int with_sign)
{
	const char *head[5] = { "No", "Nama", "Pangkat/Gol. dan NIP/NRP",
		"Jabatan", s->w->role_head };
	size_t n = s->w->nofficer;

	ts_table_row(s->t, 5, cols, head, head, TS_ROW_HEAD | TS_ROW_LINES);
	for (size_t i = 0; i < n; i++) {
		char no[24], *pn;
		const char *cells[5];
		int flags = TS_ROW_LINES;

		if (with_sign && n >= 3 && i == n - 2) {
			float h = ts_sign_height(s->t, NULL);

			for (size_t k = i; k < n; k++) {
				officer_cells(s, k, no, sizeof no, &pn, cells);
				h += ts_table_row_height(s->t, 5, cols, cells,
							 TS_ROW_LINES);
				free(pn);
			}
			if (ts_keep_rows(s->t, h))
				flags |= TS_ROW_BREAK;
		}
		officer_cells(s, i, no, sizeof no, &pn, cells);
		ts_table_row(s->t, 5, cols, head, cells, flags);
		free(pn);
	}
}

/* Issued at / on, right, above the signatory. */
static void issued(warrant *s)
{
	char date[64];
	float x0 = TS_LEFT + TS_INDENT_RIGHT;
	float cx = x0 + ts_width(s->t, 0, TS_SIZE, "Dikeluarkan di") + 6;
	/* kept on one page with the signatory block */
	float h = TS_LEAD * (float)(s->w->office->ttd.jabatan.n + 3) + 52;

	ibm_date_long(date, sizeof date, s->w->tanggal);
	ts_set_y(s->t, ts_y(s->t) - TS_LEAD);
	ts_need(s->t, 3 * TS_LEAD + h);
	ts_labelled(s->t, TS_SIZE, TS_LEAD, x0, cx, cx + 8, TS_RIGHT,
		    "Dikeluarkan di", s->w->tempat_surat, 0);
	ts_labelled(s->t, TS_SIZE, TS_LEAD, x0, cx, cx + 8, TS_RIGHT,
		    "Pada tanggal", date, 0);
}

static void attachment(warrant *s)
{
	char date[64];
	float cx = ATT_X + ts_width(s->t, 0, TS_SMALL, "Tanggal") + 4;

	ts_new_page(s->t);
	ibm_date_long(date, sizeof date, s->w->tanggal);
	ts_para(s->t, 0, TS_SMALL, TS_SLEAD, ATT_X, TS_RIGHT, 0, 0,
		s->w->attachment, 1);
	ts_labelled(s->t, TS_SMALL, TS_SLEAD, ATT_X, cx, cx + 8, TS_RIGHT,
		    "Nomor", s->w->nomor, 0);
	ts_labelled(s->t, TS_SMALL, TS_SLEAD, ATT_X, cx, cx + 8, TS_RIGHT,
		    "Tanggal", date, 0);
	ts_set_y(s->t, ts_y(s->t) - 16);
	ts_line(s->t, 1, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 1,
		"DAFTAR PETUGAS");
	ts_para(s->t, 1, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 0, 2, s->w->acara,
		1);
	ts_set_y(s->t, ts_y(s->t) - 10);
	officers(s, 1);
	ts_signature(s->t);
}

/* Untuk's items from `from`, issued at and on, and the signatory: the
 * closing lines and what they stay with. */
typedef struct closing {
	warrant *s;
	size_t from;
} closing;

static void untuk_signed(ts_doc *d, void *ctx)
{
	closing *c = ctx;

	numbered(c->s, "Untuk", c->s->w->untuk, c->from, c->s->w->untuk->n);
	issued(c->s);
	ts_signature(d);
}

/* The table of an Untuk item, from the left margin; its last row stays
 * on the page of the closing lines (of height rest) when both fit on
 * one. */
static void untuk_table(warrant *s, float rest)
{
	const inv_warrant *w = s->w;

	ts_set_y(s->t, ts_y(s->t) - 2);
	ts_table_row(s->t, w->table_cols, w->table_w, w->table_head,
		     w->table_head, TS_ROW_HEAD | TS_ROW_LINES);
	for (size_t r = 0; r < w->table_rows; r++) {
		const char *const *cells = w->table_cells + r * w->table_cols;
		int flags = TS_ROW_LINES;

		if (r + 1 == w->table_rows && r > 0) {
			float h = ts_table_row_height(s->t, w->table_cols,
						      w->table_w, cells,
						      TS_ROW_LINES) + 8 + rest;

			if (ts_y(s->t) - h < TS_BOTTOM &&
			    h < TS_TOP - TS_BOTTOM - 4 * TS_LEAD)
				flags |= TS_ROW_BREAK;
		}
		ts_table_row(s->t, w->table_cols, w->table_w, w->table_head,
			     cells, flags);
	}
	ts_set_y(s->t, ts_y(s->t) - 8);
}

void inv_warrant_draw(ts_doc *d, const inv_warrant *w)
{
	warrant s = { d, w, 0, 0 };
	int attached = w->nofficer > INV_ORDER_INLINE_MAX;
	size_t n = strlen(w->nomor) + 8, split;
	char *buf = ibm_xmalloc(n);

	s.cx = TS_LEFT + ts_width(d, 0, TS_SIZE, "Menimbang") + 10;
	s.vx = s.cx + 10;
	ts_new_page(d);
	ts_letterhead(d);
	ts_set_y(d, ts_y(d) - 6);
	ts_line(d, 1, TS_SIZE + 1, TS_LEAD + 2, TS_LEFT, TS_RIGHT, 1, w->title);
	snprintf(buf, n, "Nomor: %s", w->nomor);
	ts_para(d, 0, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 0, 2, buf, 1);
	free(buf);
	ts_set_y(d, ts_y(d) - TS_LEAD);

	if (w->menimbang && w->menimbang->n) {
		numbered(&s, "Menimbang", w->menimbang, 0, w->menimbang->n);
		ts_set_y(d, ts_y(d) - 6);
	}
	numbered(&s, "Dasar", w->dasar, 0, w->dasar->n);

	ts_set_y(d, ts_y(d) - 10);
	ts_line(d, 1, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 1, w->verb);
	ts_set_y(d, ts_y(d) - 10);

	if (attached) {
		inv_lines l = { 0 };

		inv_lines_split(&l, "Daftar terlampir.");
		numbered(&s, "Kepada", &l, 0, 1);
		inv_lines_free(&l);
	} else {
		ts_need(d, TS_LEAD + 40);
		put_at(&s, 0, TS_SIZE, TS_LEFT, ts_y(d) - TS_LEAD, "Kepada");
		put_at(&s, 0, TS_SIZE, s.cx, ts_y(d) - TS_LEAD, ":");
		ts_set_y(d, ts_y(d) - TS_LEAD - 4);
		officers(&s, 0);
		ts_set_y(d, ts_y(d) - 6);
	}
	ts_set_y(d, ts_y(d) - 6);
	/* the table after its item (the last when there are fewer); the
	 * last part stays on the signature's page */
	split = w->table_rows && w->table_after < w->untuk->n ?
		w->table_after : w->untuk->n;
	if (w->table_rows) {
		closing c = { &s, split };

		numbered(&s, "Untuk", w->untuk, 0, split);
		untuk_table(&s, ts_height(d, untuk_signed, &c));
		ts_keep(d, ts_height(d, untuk_signed, &c));
		untuk_signed(d, &c);
	} else {
		closing c = { &s, 0 };

		ts_keep(d, ts_height(d, untuk_signed, &c));
		untuk_signed(d, &c);
	}
	ts_set_copies(d, w->tembusan);
	ts_tembusan(d, NULL, NULL);
	if (attached)
		attachment(&s);
}
