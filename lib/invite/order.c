/*
 * order.c - the Surat Perintah (Sprin) of ibm-invite --order: the letter
 * that assigns the office's officers (the staff file of --staff) to run
 * the bimtek, laid out as Tata Naskah Dinas has it, with the letterhead,
 * fonts, wrapping and signature block of the letters (lib/typeset/):
 *
 *   letterhead; "SURAT PERINTAH" and Nomor, centred; Menimbang and Dasar
 *   (numbered lists: event keys menimbang, dasar); "DIPERINTAHKAN";
 *   Kepada: a numbered table of the officers, or "Daftar terlampir" with
 *   the table on an attachment page for more than INV_ORDER_INLINE_MAX;
 *   Untuk: numbered items (event key untuk, else made from the event);
 *   "Dikeluarkan di" / "Pada tanggal"; the signatory; Tembusan.
 *
 * The PDF is drawn on a document of lib/typeset/. The HTML is the same
 * layout measured in Times (as the HTML letters are) and recorded as SVG
 * pages (ts_svg_*): every line, rule and box placed where the PDF places
 * it, so that a browser prints the same pages.
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
#define ATT_X (LEFT + TS_INDENT_RIGHT - 60) /* the number is long */

/* The officers' table: No, Nama, Pangkat/Gol. and NIP/NRP, Jabatan,
 * Tugas (points; the text width). */
static const float cols[5] = { 26, 128, 122, 103.276f, 90 };
static const char *const head[5] = { "No", "Nama",
	"Pangkat/Gol. dan NIP/NRP", "Jabatan", "Tugas dalam Kegiatan" };

static const char *const field[5] = { "nama", "pangkat", "nip", "jabatan",
	"tugas" };
const ibm_colspec inv_staff_specs[INV_STAFF_NCOLS] = {
	{ "nama|name|nama lengkap|full name|nama petugas|petugas", 1 },
	{ "pangkat|golongan|pangkat/golongan|pangkat golongan|pangkat/gol|"
	  "gol|rank|grade|rank/grade", 0 },
	{ "nip|nrp|nip/nrp|nip nrp|nip/nrp/nik|employee id|service number|"
	  "id number", 0 },
	{ "jabatan|position|jabatan dinas|title", 0 },
	{ "tugas|peran|task|role|tugas dalam kegiatan|duty|sebagai", 0 },
};

static char *xcat(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = ibm_xmalloc(n);

	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

int inv_order_read_staff_csv(inv_order *o, ibm_csv *r)
{
	const ibm_rec *rec;
	int idx[5], k;

	o->src = ibm_xstrdup(ibm_csv_name(r));
	if (ibm_col_resolve(o->src, ibm_csv_header(r)->line,
			    ibm_csv_header(r), inv_staff_specs, 5, idx) != 0)
		return IBM_EX_DATAERR;
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		inv_staff st;
		int empty = 1;

		/* spaces folded first: a row of blanks is an empty row */
		for (int c = 0; c < 5; c++) {
			st.f[c] = ibm_xstrdup(idx[c] >= 0 ? rec->f[idx[c]] :
					      "");
			ibm_fold_space(st.f[c]);
			if (st.f[c][0])
				empty = 0;
		}
		st.line = rec->line;
		if (empty || !st.f[0][0]) {
			for (int c = 0; c < 5; c++)
				free(st.f[c]);
			if (empty)
				continue;
			ibm_error(o->src, rec->line, "nama: empty");
			return IBM_EX_DATAERR;
		}
		ibm_grow((void **)&o->s, &o->cap, o->n + 1, sizeof *o->s);
		o->s[o->n++] = st;
	}
	if (k < 0)
		return ibm_csv_status(r);
	if (!o->n) {
		ibm_error(o->src, 0, "no officers in the staff file");
		return IBM_EX_DATAERR;
	}
	return 0;
}

void inv_order_read_staff(inv_order *o, const char *path,
			  const ibm_csv_opts *opts)
{
	ibm_csv_opts so = *opts;
	ibm_csv *r;
	int st;

	/* the header: the first row with a name */
	so.need = inv_staff_specs;
	so.nneed = INV_STAFF_NCOLS;
	so.side = 1;
	r = ibm_csv_xopen(path, &so);
	st = inv_order_read_staff_csv(o, r);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

void inv_order_free(inv_order *o)
{
	for (size_t i = 0; i < o->n; i++)
		for (int c = 0; c < 5; c++)
			free(o->s[i].f[c]);
	free(o->s);
	free(o->src);
	free(o->nomor);
	memset(o, 0, sizeof *o);
}

char *inv_order_addressee(const inv_order *o)
{
	size_t n = 1;
	char *s;

	for (size_t i = 0; i < o->n; i++)
		n += strlen(o->s[i].f[0]) + 2;
	s = ibm_xmalloc(n);
	s[0] = '\0';
	for (size_t i = 0; i < o->n; i++) {
		if (i)
			strcat(s, ", ");
		strcat(s, o->s[i].f[0]);
	}
	return s;
}

void inv_order_check(const invite *iv, const inv_order *o, int pdf)
{
	const inv_event *e = &iv->ev;
	/* the keys the Sprin shows, besides the office's */
	static const char *const keys[] = { "nomor_sprin", "tempat_surat",
		"acara", "tempat", "tembusan", "tembusan_sprin", "penerbit",
		"menimbang", "dasar", "untuk", NULL };

	if (!ibm_event_get(e->kv, "nomor_sprin"))
		ibm_die(IBM_EX_DATAERR, e->kv->file, 0, "--order: missing "
			"required key: nomor_sprin");
	if (!ibm_event_get(e->kv, "dasar"))
		ibm_die(IBM_EX_DATAERR, e->kv->file, 0, "--order: missing "
			"required key: dasar");
	if (!pdf || e->office.font)
		return;
	for (size_t i = 0; i < o->n; i++)
		for (int c = 0; c < 5; c++)
			ts_check_text(&e->office, o->src, o->s[i].line,
				      field[c], o->s[i].f[c]);
	for (size_t i = 0; keys[i]; i++) {
		const ibm_event_kv *kv = ibm_event_find(e->kv, keys[i]);

		if (kv)
			ts_check_text(&e->office, kv->src, kv->line, kv->key,
				      kv->val);
	}
	ts_office_check(&e->office);
}

char *inv_order_number(const invite *iv, inv_register *reg,
		       const inv_order *o)
{
	const inv_event *e = &iv->ev;
	const char *pat = ibm_event_get(e->kv, "nomor_sprin");
	const char *v = ibm_event_get(e->kv, "nomor_sprin_awal");
	long first = 0;
	char *n = inv_number_format(pat, 1, e->tanggal_surat);
	int whole = n == NULL;

	free(n);
	if (v && (ibm_parse_count(v, &first) != 0 || first < 1)) {
		long line;
		const char *src = inv_key_file(e, "nomor_sprin_awal", &line);

		ibm_die(IBM_EX_DATAERR, src, line, "nomor_sprin_awal: not a "
			"whole number: %s", v);
	}
	if (reg) {
		char *k = inv_order_addressee(o);
		char *r = inv_register_number(reg, "sprin", first ?
					      "nomor_sprin_awal" : "nomor_sprin",
					      pat, whole ? pat : NULL, first,
					      e->tanggal_surat, k, e->acara);

		free(k);
		return r;
	}
	if (whole)
		return ibm_xstrdup(pat);
	return inv_number_format(pat, first ? first : 1, e->tanggal_surat);
}

/* ------------------------------------------------------------ layout */

typedef struct sprin {
	ts_doc *t;
	const invite *iv;
	const inv_order *o;
	float cx, vx;      /* the colon and values of the labelled parts */
} sprin;

/* Text at x on the baseline y (the current y is kept). */
static void put_at(sprin *s, int bold, float size, float x, float y,
		   const char *txt)
{
	float keep = ts_y(s->t);

	ts_set_y(s->t, y);
	ts_put(s->t, bold, size, x, txt);
	ts_set_y(s->t, keep);
}

/* "Label : 1. item" with the items numbered (one item: no number),
 * wrapped and justified from the number to the right margin. */
static void numbered(sprin *s, const char *label, const inv_lines *l)
{
	float numw = l->n > 1 ? ts_width(s->t, 0, SIZE, "10. ") : 0;
	char num[24];

	for (size_t i = 0; i < l->n; i++) {
		float y;

		ts_need(s->t, LEAD);
		y = ts_y(s->t) - LEAD;
		if (i == 0) {
			put_at(s, 0, SIZE, LEFT, y, label);
			put_at(s, 0, SIZE, s->cx, y, ":");
		}
		if (l->n > 1) {
			snprintf(num, sizeof num, "%zu.", i + 1);
			put_at(s, 0, SIZE, s->vx, y, num);
		}
		ts_para(s->t, 0, SIZE, LEAD, s->vx + numw, RIGHT, 0, 1,
			    l->v[i], 1);
		ts_set_y(s->t, ts_y(s->t) - 3);
	}
}

/* The cells of officer i (pn: the rank and NIP/NRP, a line each;
 * free it). */
static void officer_cells(const sprin *s, size_t i, char *no, size_t nsz,
			  char **pn, const char *cells[5])
{
	const inv_staff *st = &s->o->s[i];
	char *r = xcat(st->f[1], st->f[1][0] && st->f[2][0] ? "\n" : "", "");

	*pn = xcat(r, st->f[2], "");
	free(r);
	snprintf(no, nsz, "%zu", i + 1);
	cells[0] = no;
	cells[1] = st->f[0];
	cells[2] = *pn;
	cells[3] = st->f[3];
	cells[4] = st->f[4];
}

/* The list of officers; with_sign: the signatory follows it, with the
 * last two rows on its page. */
static void officers(sprin *s, int with_sign)
{
	size_t n = s->o->n;

	ts_table_row(s->t, 5, cols, head, head,
		     TS_ROW_HEAD | TS_ROW_LINES);
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
static void issued(sprin *s)
{
	char date[64];
	float x0 = LEFT + TS_INDENT_RIGHT;
	float cx = x0 + ts_width(s->t, 0, SIZE, "Dikeluarkan di") + 6;
	/* kept on one page with the signatory block */
	float h = LEAD * (float)(s->iv->ev.office.ttd.jabatan.n + 3) + 52;

	ibm_date_long(date, sizeof date, s->iv->ev.tanggal_surat);
	ts_set_y(s->t, ts_y(s->t) - LEAD);
	ts_need(s->t, 3 * LEAD + h);
	ts_labelled(s->t, SIZE, LEAD, x0, cx, cx + 8, RIGHT,
			"Dikeluarkan di", s->iv->ev.tempat_surat, 0);
	ts_labelled(s->t, SIZE, LEAD, x0, cx, cx + 8, RIGHT,
			"Pada tanggal", date, 0);
}

static void attachment(sprin *s, const char *nomor)
{
	char date[64];
	char *ls = xcat("Lampiran Surat Perintah ", s->iv->ev.penerbit, "");
	float cx = ATT_X + ts_width(s->t, 0, SMALL, "Tanggal") + 4;

	ts_new_page(s->t);
	ibm_date_long(date, sizeof date, s->iv->ev.tanggal_surat);
	ts_para(s->t, 0, SMALL, SLEAD, ATT_X, RIGHT, 0, 0, ls, 1);
	free(ls);
	ts_labelled(s->t, SMALL, SLEAD, ATT_X, cx, cx + 8, RIGHT, "Nomor",
			nomor, 0);
	ts_labelled(s->t, SMALL, SLEAD, ATT_X, cx, cx + 8, RIGHT,
			"Tanggal", date, 0);
	ts_set_y(s->t, ts_y(s->t) - 16);
	ts_line(s->t, 1, SIZE, LEAD, LEFT, RIGHT, 1, "DAFTAR PETUGAS");
	ts_para(s->t, 1, SIZE, LEAD, LEFT, RIGHT, 0, 2, s->iv->ev.acara, 1);
	ts_set_y(s->t, ts_y(s->t) - 10);
	officers(s, 1);
	ts_signature(s->t);
}

/* "Untuk", issued at and on, and the signatory: the closing lines and
 * what they stay with. */
typedef struct closing {
	sprin *s;
	const inv_lines *untuk;
} closing;

static void untuk_signed(ts_doc *d, void *ctx)
{
	closing *c = ctx;

	numbered(c->s, "Untuk", c->untuk);
	issued(c->s);
	ts_signature(d);
}

/* The items of a '|' list key, else the defaults. */
static void key_lines(const invite *iv, const char *key, inv_lines *l)
{
	memset(l, 0, sizeof *l);
	inv_lines_split(l, ibm_event_get(iv->ev.kv, key));
}

static void layout(sprin *s, const char *nomor)
{
	const invite *iv = s->iv;
	const inv_event *e = &iv->ev;
	inv_lines l;
	char *buf;
	int attached = s->o->n > INV_ORDER_INLINE_MAX;

	s->cx = LEFT + ts_width(s->t, 0, SIZE, "Menimbang") + 10;
	s->vx = s->cx + 10;
	ts_new_page(s->t);
	ts_letterhead(s->t);
	ts_set_y(s->t, ts_y(s->t) - 6);
	ts_line(s->t, 1, SIZE + 1, LEAD + 2, LEFT, RIGHT, 1,
		    "SURAT PERINTAH");
	buf = xcat("Nomor: ", nomor, "");
	ts_para(s->t, 0, SIZE, LEAD, LEFT, RIGHT, 0, 2, buf, 1);
	free(buf);
	ts_set_y(s->t, ts_y(s->t) - LEAD);

	key_lines(iv, "menimbang", &l);
	if (!l.n) {
		char *d = xcat("bahwa untuk kelancaran pelaksanaan ", e->acara,
			       ", perlu menugaskan personel yang namanya "
			       "tercantum dalam Surat Perintah ini.");

		inv_lines_split(&l, d);
		free(d);
	}
	numbered(s, "Menimbang", &l);
	inv_lines_free(&l);
	ts_set_y(s->t, ts_y(s->t) - 6);
	key_lines(iv, "dasar", &l);
	numbered(s, "Dasar", &l);
	inv_lines_free(&l);

	ts_set_y(s->t, ts_y(s->t) - 10);
	ts_line(s->t, 1, SIZE, LEAD, LEFT, RIGHT, 1, "DIPERINTAHKAN");
	ts_set_y(s->t, ts_y(s->t) - 10);

	if (attached) {
		inv_lines_split(&l, "Daftar terlampir.");
		numbered(s, "Kepada", &l);
		inv_lines_free(&l);
	} else {
		ts_need(s->t, LEAD + 40);
		put_at(s, 0, SIZE, LEFT, ts_y(s->t) - LEAD, "Kepada");
		put_at(s, 0, SIZE, s->cx, ts_y(s->t) - LEAD, ":");
		ts_set_y(s->t, ts_y(s->t) - LEAD - 4);
		officers(s, 0);
		ts_set_y(s->t, ts_y(s->t) - 6);
	}
	ts_set_y(s->t, ts_y(s->t) - 6);
	key_lines(iv, "untuk", &l);
	if (!l.n) {
		char *ht = inv_text_hari_tanggal(iv);
		char *a = xcat("Melaksanakan tugas dalam kegiatan ", e->acara,
			       " pada ");
		char *b = xcat(a, ht, " bertempat di ");
		char *c = xcat(b, e->tempat, ";");
		char *d = xcat("Melaporkan hasil pelaksanaan tugas kepada ",
			       e->penerbit, ";");
		char *all = xcat(c, " | ", d);
		char *all2 = xcat(all, " | ", "Melaksanakan perintah ini "
				  "dengan penuh tanggung jawab.");

		inv_lines_split(&l, all2);
		free(ht);
		free(a);
		free(b);
		free(c);
		free(d);
		free(all);
		free(all2);
	}
	{
		/* the last part stays on the signature's page */
		closing c = { s, &l };

		ts_keep(s->t, ts_height(s->t, untuk_signed, &c));
		untuk_signed(s->t, &c);
	}
	inv_lines_free(&l);
	key_lines(iv, "tembusan_sprin", &l);
	if (!ibm_event_get(e->kv, "tembusan_sprin")) {
		inv_lines_free(&l);
		key_lines(iv, "tembusan", &l);
	}
	ts_set_copies(s->t, &l);
	ts_tembusan(s->t, NULL, NULL);
	inv_lines_free(&l);
	if (attached)
		attachment(s, nomor);
}

void inv_order_pdf(const invite *iv, const inv_order *o, const char *path,
		   inv_outs *outs)
{
	sprin s = { 0 };
	char *title = xcat("Surat Perintah ", o->nomor, "");

	s.iv = iv;
	s.o = o;
	s.t = ts_open(&iv->ev.office, title);
	ts_expect_items(s.t, o->n);
	free(title);
	layout(&s, o->nomor);
	inv_outs_add(outs, ts_save(s.t, path));
}

void inv_order_html(const invite *iv, const inv_order *o, const char *path,
		    inv_outs *outs)
{
	sprin s = { 0 };
	ts_svg r;
	ibm_atomic *a = ibm_atomic_open(path);
	char *title = xcat("Surat Perintah ", o->nomor, "");

	ts_svg_begin(&r, ibm_atomic_fp(a), &iv->ev.office, title);
	free(title);
	s.iv = iv;
	s.o = o;
	s.t = ts_measure(&iv->ev.office);
	ts_record(s.t, ts_svg_op, &r);
	layout(&s, o->nomor);
	ts_svg_end(&r);
	ts_free(s.t);
	inv_outs_add(outs, a);
}
