/*
 * visit_papers.c - the papers of the Monev visits (ibm-invite --visits),
 * made from the checked schedule and teams of visits.c, each drawn on the
 * office's paper (lib/typeset/) as PDF or as HTML printed on the same
 * pages (ts_write):
 *
 *   -l             one letter per visit to the head of its village
 *                  (Kepala Desa or Lurah), with the day, time, place and
 *                  team, and the documents to prepare (the indicator
 *                  spec's dokumen column, or the key dokumen); copies to
 *                  the Camat and as configured; one page each
 *   --assignment   the Surat Tugas, one per team, in the layout it shares
 *                  with the Sprin (warrant.c), Untuk with the table of
 *                  destinations and dates
 *   --spd          the Surat Perjalanan Dinas of each officer and trip
 *                  (PMK 113/PMK.05/2012 as amended): sheet I (the ten
 *                  numbered fields) and sheet II (the arrival and
 *                  departure blocks I-IV, the return, notes and the
 *                  warning), one page each
 *   --schedule     the schedule, one table per team and a combined one:
 *                  a workbook (.xlsx) or a document (.pdf, .html)
 */
#include "invite.h"
#include "monev.h"

#include <stdlib.h>
#include <string.h>



/* ------------------------------------------------------------ context */

static const char *key(const inv_papers *p, const char *k, const char *def)
{
	const char *v = ibm_event_get(p->ev->kv, k);

	return v ? v : def;
}

void inv_papers_init(inv_papers *p, const inv_event *ev, inv_visits *vs,
		     const monev_spec *spec)
{
	const char *v;
	char per[64];
	ibm_date first = vs->v[0].date;

	memset(p, 0, sizeof *p);
	p->ev = ev;
	p->vs = vs;
	for (size_t i = 1; i < vs->n; i++)
		if (ibm_date_cmp(vs->v[i].date, first) < 0)
			first = vs->v[i].date;
	snprintf(per, sizeof per, "Semester %s Tahun %d",
		 first.m <= 6 ? "I" : "II", first.y);
	p->periode = ibm_xstrdup(per);
	if ((v = ibm_event_get(ev->kv, "acara"))) {
		p->acara = ibm_xstrdup(v);
	} else {
		ibm_str b = { 0 };

		ibm_str_add(&b, "Monitoring dan Evaluasi Intervensi Berbasis "
		     "Masyarakat (IBM) ", per, (char *)NULL);
		p->acara = ibm_str_take(&b);
	}
	/* what to prepare: the key, else the spec's documents, each once */
	if ((v = ibm_event_get(ev->kv, "dokumen"))) {
		inv_lines_split(&p->docs, v);
	} else if (spec) {
		size_t cap = 0;

		for (size_t i = 0; i < spec->nind; i++) {
			const char *d = spec->ind[i].dokumen;
			size_t j = 0;

			while (*d && j < p->docs.n && ibm_casecmp(p->docs.v[j],
								   d))
				j++;
			if (!*d || j < p->docs.n)
				continue;
			ibm_grow((void **)&p->docs.v, &cap, p->docs.n + 2,
				 sizeof *p->docs.v);
			p->docs.v[p->docs.n++] = ibm_xstrdup(d);
			p->docs.v[p->docs.n] = NULL;
		}
	}
}

void inv_papers_free(inv_papers *p)
{
	inv_lines_free(&p->docs);
	free(p->acara);
	free(p->periode);
	memset(p, 0, sizeof *p);
}

/* The head of a village and the village with its kind: "Kepala Desa",
 * "Desa Dasan Geres". */
static char *village(const inv_visit *v)
{
	ibm_str b = { 0 };

	ibm_str_add(&b, inv_village_word(v->kind), " ", v->f[INV_V_DESA],
		    (char *)NULL);
	return ibm_str_take(&b);
}

static char *head_of(const inv_visit *v)
{
	ibm_str b = { 0 };

	ibm_str_add(&b, inv_village_head(v->kind), " ", v->f[INV_V_DESA],
		    (char *)NULL);
	return ibm_str_take(&b);
}

/* Where the visit meets: the schedule's tempat, else the village's
 * office. */
static char *meeting_place(const inv_visit *v)
{
	ibm_str b = { 0 };

	if (v->f[INV_V_TEMPAT][0])
		return ibm_xstrdup(v->f[INV_V_TEMPAT]);
	ibm_str_add(&b, "Kantor ", inv_village_word(v->kind), " ",
		    (char *)NULL);
	ibm_str_add(&b, v->f[INV_V_DESA], (char *)NULL);
	if (v->f[INV_V_KEC][0])
		ibm_str_add(&b, ", Kecamatan ", v->f[INV_V_KEC], (char *)NULL);
	return ibm_str_take(&b);
}

/* The letters' copies: the configured ones (tembusan_kunjungan, else
 * tembusan), then the Camat of the visit's kecamatan. */
static void copies(const inv_papers *p, const inv_visit *v, inv_lines *l)
{
	memset(l, 0, sizeof *l);
	inv_lines_split(l, key(p, "tembusan_kunjungan", key(p, "tembusan",
							     "")));
	if (v->f[INV_V_KEC][0]) {
		ibm_str b = { 0 };
		char *c;

		ibm_str_add(&b, "Camat ", v->f[INV_V_KEC], (char *)NULL);
		c = ibm_str_take(&b);
		l->v = ibm_xrealloc(l->v, (l->n + 2) * sizeof *l->v);
		l->v[l->n++] = c;
		l->v[l->n] = NULL;
	}
}

/* ------------------------------------------------------ checks, numbers */

void inv_papers_check(const inv_papers *p, int letters, int assignment,
		      int spd, int pdf, const inv_order *staff)
{
	const inv_event *e = p->ev;
	static const char *const shown[] = { "acara", "hal", "sifat",
		"tempat_surat", "tembusan", "tembusan_kunjungan",
		"tembusan_tugas", "penerbit", "menimbang", "dasar", "untuk",
		"dokumen", "nomor", "nomor_tugas", "nomor_spd", "ppk_nama",
		"ppk_nip", "ppk_jabatan", "kementerian", "satuan_kerja",
		"tempat_berangkat", "alat_angkutan", "maksud",
		"instansi_anggaran",
		"akun", "akun_dalam_kota", "kabupaten_kedudukan",
		"keterangan_spd", NULL };

	if (letters && !ibm_event_get(e->kv, "nomor"))
		ibm_die(IBM_EX_DATAERR, e->kv->file, 0, "--letters: missing "
			"required key: nomor");
	if (assignment) {
		if (!ibm_event_get(e->kv, "nomor_tugas"))
			ibm_die(IBM_EX_DATAERR, e->kv->file, 0,
				"--assignment: missing required key: "
				"nomor_tugas");
		if (!ibm_event_get(e->kv, "dasar"))
			ibm_die(IBM_EX_DATAERR, e->kv->file, 0,
				"--assignment: missing required key: dasar");
	}
	if (spd && !ibm_event_get(e->kv, "ppk_nama"))
		ibm_die(IBM_EX_DATAERR, e->kv->file, 0, "--spd: missing "
			"required key: ppk_nama (the Pejabat Pembuat "
			"Komitmen)");
	if (!pdf || e->office.font)
		return;
	for (size_t i = 0; shown[i]; i++) {
		const ibm_event_kv *kv = ibm_event_find(e->kv, shown[i]);

		if (kv)
			ts_check_text(&e->office, kv->src, kv->line, kv->key,
				      kv->val);
	}
	for (size_t i = 0; i < p->vs->n; i++)
		for (int c = 0; c < INV_V_NF; c++)
			ts_check_text(&e->office, p->vs->src, p->vs->v[i].line,
				      inv_visit_names[c], p->vs->v[i].f[c]);
	for (size_t i = 0; i < p->docs.n; i++)
		ts_check_text(&e->office, "the indicator spec", 0, "dokumen",
			      p->docs.v[i]);
	inv_staff_check_text(&e->office, staff);
	ts_office_check(&e->office);
}

void inv_papers_number(inv_papers *p, inv_register *reg, int letters,
		       int assignment, int spd)
{
	inv_visits *vs = p->vs;
	const inv_event *e = p->ev;

	if (letters)
		for (size_t i = 0; i < vs->n; i++) {
			inv_visit *v = &vs->v[vs->order[i]];
			char *h = head_of(v);
			ibm_str b = { 0 };
			char day[64];
			char *hal;

			ibm_str_add(&b, h, " (", v->f[INV_V_UNIT],
				    (char *)NULL);
			ibm_str_add(&b, ")", (char *)NULL);
			free(h);
			h = ibm_str_take(&b);
			/* the visit's date in the register's subject: the
			 * next semester's letter to the same village is
			 * another letter, with a number of its own */
			ibm_str_add(&b, key(p, "hal", INV_VISIT_HAL), ", ",
				    ibm_date_long(day, sizeof day, v->date),
				    (char *)NULL);
			hal = ibm_str_take(&b);
			v->nomor = inv_key_number(e, reg, "pemberitahuan",
						  "nomor", "nomor_awal",
						  (long)i, h, hal);
			free(hal);
			free(h);
		}
	if (assignment)
		for (size_t t = 0; t < vs->nt; t++) {
			inv_team *tm = &vs->t[t];
			char *k = inv_staff_names_text(tm->officer,
						       tm->nofficer);
			ibm_str b = { 0 };
			char *hal;

			ibm_str_add(&b, p->acara, " (", tm->name, (char *)NULL);
			ibm_str_add(&b, ")", (char *)NULL);
			hal = ibm_str_take(&b);
			tm->nomor = inv_key_number(e, reg, "surat_tugas",
						   "nomor_tugas",
						   "nomor_tugas_awal", (long)t,
						   k, hal);
			free(hal);
			free(k);
		}
	if (spd && ibm_event_get(e->kv, "nomor_spd")) {
		long k = 0;

		for (size_t i = 0; i < vs->ntrip; i++) {
			inv_trip *tr = &vs->trip[i];
			const inv_team *tm = &vs->t[tr->team];
			char range[128];
			ibm_str b = { 0 };
			char *hal;

			ibm_date_range_long(range, sizeof range, tr->from,
					    tr->to);
			ibm_str_add(&b, "SPD ", p->acara, ", ", (char *)NULL);
			ibm_str_add(&b, range, (char *)NULL);
			hal = ibm_str_take(&b);
			tr->nomor = ibm_xcalloc(tm->nofficer + 1,
						sizeof *tr->nomor);
			for (size_t j = 0; j < tm->nofficer; j++)
				tr->nomor[j] = inv_key_number(e, reg, "spd",
					"nomor_spd", "nomor_spd_awal", k++,
					tm->officer[j]->f[INV_S_NAMA], hal);
			free(hal);
		}
	}
}

/* ----------------------------------------------------------- letters */

/* Text at x on the baseline y (the current y is kept). */
static void put_at(ts_doc *d, int bold, float size, float x, float y,
		   const char *s)
{
	float keep = ts_y(d);

	ts_set_y(d, y);
	ts_put(d, bold, size, x, s);
	ts_set_y(d, keep);
}


/* A letter set in body size sz (the letterhead, signature and copies
 * keep theirs): the text shrinks a little when a long list of
 * documents would not leave it one page. */
typedef struct letter {
	const inv_papers *p;
	const inv_visit *v;
	float sz, lead;
} letter;

static void letter_draw(ts_doc *d, void *ctx)
{
	const letter *l = ctx;
	const inv_papers *p = l->p;
	const inv_visit *v = l->v;
	const inv_team *tm = &p->vs->t[v->team];
	float sz = l->sz, lead = l->lead;
	float cx = TS_LEFT + ts_width(d, 0, TS_SIZE, "Lampiran") + 6;
	float vx = cx + 8;
	float ix = TS_LEFT + ts_width(d, 0, sz, "Yth. ");
	float lx = vx + 16;
	float lcx = lx + ts_width(d, 0, sz, "hari/tanggal") + 10, lvx = lcx + 8;
	char date[64], num[24];
	char *h = head_of(v), *vil = village(v), *place = meeting_place(v);
	ibm_str b = { 0 };
	char *t;
	inv_lines cp;

	ts_letterhead(d);
	inv_letter_number_block(d, p->ev, v->nomor ? v->nomor : "", "-",
				key(p, "hal", INV_VISIT_HAL), cx, vx);
	ts_set_y(d, ts_y(d) - lead);
	ibm_str_add(&b, "Yth. ", (char *)NULL);
	ibm_str_add(&b, h, (char *)NULL);
	t = ibm_str_take(&b);
	ts_line(d, 0, sz, lead, TS_LEFT, TS_RIGHT, 0, t);
	free(t);
	ts_line(d, 0, sz, lead, ix, TS_RIGHT, 0, "di -");
	ts_line(d, 0, sz, lead, ix + 24, TS_RIGHT, 0, "Tempat");

	ts_set_y(d, ts_y(d) - lead);
	ibm_str_add(&b, "Dalam rangka pelaksanaan ", p->acara,
		    ", dengan hormat kami "
	     "beritahukan bahwa tim kami akan melaksanakan kunjungan "
	     "monitoring dan evaluasi ke Unit ", (char *)NULL);
	ibm_str_add(&b, v->f[INV_V_UNIT], " di ", vil, (char *)NULL);
	if (v->f[INV_V_KEC][0])
		ibm_str_add(&b, ", Kecamatan ", v->f[INV_V_KEC], (char *)NULL);
	ibm_str_add(&b, " pada:", (char *)NULL);
	t = ibm_str_take(&b);
	ts_para(d, 0, sz, lead, vx, TS_RIGHT, 36, 1, t, 1);
	free(t);
	ts_set_y(d, ts_y(d) - 3);
	ts_labelled(d, sz, lead, lx, lcx, lvx, TS_RIGHT, "hari/tanggal",
		    ibm_date_long_day(date, sizeof date, v->date), 0);
	ts_labelled(d, sz, lead, lx, lcx, lvx, TS_RIGHT, "waktu",
		    v->f[INV_V_WAKTU], 0);
	ts_labelled(d, sz, lead, lx, lcx, lvx, TS_RIGHT, "tempat", place, 0);
	/* the team: "tim : 1. Name (role)", the officers numbered */
	for (size_t i = 0; i < tm->nofficer; i++) {
		const inv_staff *s = tm->officer[i];
		float nw = tm->nofficer > 1 ? ts_width(d, 0, sz, "10. ") : 0;
		float y;

		ibm_str_add(&b, s->f[INV_S_NAMA],
			    s->f[INV_S_TUGAS][0] ? " (" : "",
		     s->f[INV_S_TUGAS], (char *)NULL);
		if (s->f[INV_S_TUGAS][0])
			ibm_str_add(&b, ")", (char *)NULL);
		t = ibm_str_take(&b);
		ts_need(d, lead);
		y = ts_y(d) - lead;
		if (i == 0) {
			put_at(d, 0, sz, lx, y, "tim");
			put_at(d, 0, sz, lcx, y, ":");
		}
		if (tm->nofficer > 1) {
			snprintf(num, sizeof num, "%zu.", i + 1);
			put_at(d, 0, sz, lvx, y, num);
		}
		ts_para(d, 0, sz, lead, lvx + nw, TS_RIGHT, 0, 0, t, 1);
		free(t);
	}
	ts_set_y(d, ts_y(d) - 3);
	ibm_str_add(&b, "Sehubungan dengan hal tersebut, kami mohon bantuan "
	     "Saudara untuk menghadirkan pengelola dan Agen Pemulihan Unit ",
	     v->f[INV_V_UNIT], (char *)NULL);
	ibm_str_add(&b, p->docs.n ? " serta menyiapkan dokumen berikut:" : ".",
		    (char *)NULL);
	t = ibm_str_take(&b);
	ts_para(d, 0, sz, lead, vx, TS_RIGHT, 36, 1, t, 1);
	free(t);
	for (size_t i = 0; i < p->docs.n; i++) {
		float nw = ts_width(d, 0, sz, "10. ");

		snprintf(num, sizeof num, "%zu.", i + 1);
		ts_need(d, lead);
		put_at(d, 0, sz, lx + nw - ts_width(d, 0, sz, num) -
		       ts_width(d, 0, sz, " "), ts_y(d) - lead, num);
		ibm_str_add(&b, p->docs.v[i], i + 1 < p->docs.n ? ";" : ".",
			    (char *)NULL);
		t = ibm_str_take(&b);
		ts_para(d, 0, sz, lead, lx + nw, TS_RIGHT, 0, 0, t, 1);
		free(t);
	}
	ts_set_y(d, ts_y(d) - 3);
	ts_para(d, 0, sz, lead, vx, TS_RIGHT, 36, 1, key(p, "penutup_kunjungan",
		"Demikian kami sampaikan. Atas perhatian dan kerja sama "
		"Saudara, kami ucapkan terima kasih."), 1);
	ts_signature(d);
	copies(p, v, &cp);
	ts_set_copies(d, &cp);
	ts_tembusan(d, NULL, NULL);
	inv_lines_free(&cp);
	free(h);
	free(vil);
	free(place);
}

/* The body size that keeps the letter on one page. */
static void letter_fit(ts_doc *d, letter *l)
{
	static const float sizes[] = { 12, 11.5f, 11, 10.5f, 10 };

	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		l->sz = sizes[k];
		l->lead = sizes[k] * TS_LEAD / TS_SIZE;
		if (ts_height(d, letter_draw, l) <= TS_TOP - TS_BOTTOM)
			return;
	}
}

static void letters_draw(ts_doc *d, void *ctx)
{
	const inv_papers *p = ctx;

	for (size_t i = 0; i < p->vs->n; i++) {
		letter l = { p, &p->vs->v[p->vs->order[i]], TS_SIZE, TS_LEAD };

		letter_fit(d, &l);
		ts_new_page(d);
		letter_draw(d, &l);
	}
}

void inv_visit_letters(const inv_papers *p, const char *path,
		       inv_outs *outs)
{
	inv_outs_add(outs, ts_write(&p->ev->office, key(p, "hal",
		INV_VISIT_HAL), path, p->vs->n, letters_draw, (void *)p));
}

/* -------------------------------------------------------- Surat Tugas */

static void team_draw(ts_doc *d, const inv_papers *p, const inv_team *tm)
{
	const inv_event *e = p->ev;
	inv_lines menimbang = { 0 }, dasar = { 0 }, untuk = { 0 }, cp = { 0 };
	inv_warrant w;
	char **cells = ibm_xcalloc(tm->nvisit * 5 + 1, sizeof *cells);
	ibm_str b = { 0 };
	char *att;

	inv_lines_split(&menimbang, key(p, "menimbang", NULL));
	if (!menimbang.n) {
		char *t;

		ibm_str_add(&b, "bahwa dalam rangka pelaksanaan ", p->acara,
			    ", perlu "
		     "menugaskan personel yang namanya tercantum dalam Surat "
		     "Tugas ini.", (char *)NULL);
		t = ibm_str_take(&b);
		inv_lines_split(&menimbang, t);
		free(t);
	}
	inv_lines_split(&dasar, key(p, "dasar", NULL));
	inv_lines_split(&untuk, key(p, "untuk", NULL));
	if (!untuk.n) {
		char *t;

		ibm_str_add(&b, "Melaksanakan ", p->acara, " pada Unit IBM "
			    "berikut: | Melaporkan hasil pelaksanaan tugas "
			    "kepada ", e->penerbit, "; | Melaksanakan tugas "
			    "ini dengan penuh tanggung jawab.", (char *)NULL);
		t = ibm_str_take(&b);
		inv_lines_split(&untuk, t);
		free(t);
	}
	inv_lines_split(&cp, key(p, "tembusan_tugas", key(p, "tembusan", "")));
	for (size_t i = 0; i < tm->nvisit; i++)
		inv_visit_cells(&p->vs->v[tm->visit[i]], i + 1, cells + i * 5);
	ibm_str_add(&b, "Lampiran Surat Tugas ", e->penerbit, (char *)NULL);
	att = ibm_str_take(&b);
	memset(&w, 0, sizeof w);
	w.office = &e->office;
	w.title = "SURAT TUGAS";
	w.nomor = tm->nomor ? tm->nomor : "";
	w.menimbang = &menimbang;
	w.dasar = &dasar;
	w.verb = "MEMBERI TUGAS";
	w.officer = tm->officer;
	w.nofficer = tm->nofficer;
	w.role_head = "Keterangan";
	w.untuk = &untuk;
	w.table_after = 1;
	w.table_cols = 5;
	w.table_rows = tm->nvisit;
	w.table_w = inv_visit_cols;
	w.table_head = inv_visit_head;
	w.table_cells = (const char *const *)cells;
	w.tempat_surat = e->tempat_surat;
	w.tanggal = e->tanggal_surat;
	w.tembusan = &cp;
	w.attachment = att;
	w.acara = p->acara;
	inv_warrant_draw(d, &w);
	for (size_t i = 0; i < tm->nvisit * 5; i++)
		free(cells[i]);
	free(cells);
	free(att);
	inv_lines_free(&menimbang);
	inv_lines_free(&dasar);
	inv_lines_free(&untuk);
	inv_lines_free(&cp);
}

static void assignment_draw(ts_doc *d, void *ctx)
{
	const inv_papers *p = ctx;

	for (size_t t = 0; t < p->vs->nt; t++)
		team_draw(d, p, &p->vs->t[t]);
}

void inv_visit_assignment(const inv_papers *p, const char *path,
			  inv_outs *outs)
{
	inv_outs_add(outs, ts_write(&p->ev->office, "Surat Tugas", path,
				    p->vs->n, assignment_draw, (void *)p));
}

/* ---------------------------------------------------------------- SPD */

/* The trip's places: its villages in the order visited, each once,
 * with the date of the first and last visit there. */
typedef struct stop {
	const inv_visit *v;
	ibm_date arrive, leave;
} stop;

static size_t stops(const inv_papers *p, const inv_trip *tr, stop *out)
{
	const inv_team *tm = &p->vs->t[tr->team];
	size_t n = 0;

	for (size_t j = tr->first; j < tr->end; j++) {
		const inv_visit *v = &p->vs->v[tm->visit[j]];
		size_t k = 0;

		while (k < n && (ibm_casecmp(out[k].v->f[INV_V_DESA],
					     v->f[INV_V_DESA]) ||
				 ibm_casecmp(out[k].v->f[INV_V_KEC],
					     v->f[INV_V_KEC])))
			k++;
		if (k == n) {
			out[n].v = v;
			out[n].arrive = v->date;
			n++;
		}
		out[k].leave = v->date;
	}
	return n;
}

/* Every place of the trip in its district: "Kabupaten Lombok Barat
 * (Desa Dasan Geres, Kecamatan Gerung; ...)". */
static char *destination(const stop *s, size_t n)
{
	ibm_str b = { 0 };

	for (size_t i = 0; i < n; i++) {
		const char *kab = s[i].v->f[INV_V_KAB];
		char *vil = village(s[i].v);
		int same = i && !ibm_casecmp(s[i - 1].v->f[INV_V_KAB], kab);

		if (!same) {
			if (i)
				ibm_str_add(&b, "); ", (char *)NULL);
			ibm_str_add(&b, *kab ? kab : "", *kab ? " (" : "(",
				    (char *)NULL);
		} else {
			ibm_str_add(&b, "; ", (char *)NULL);
		}
		ibm_str_add(&b, vil, (char *)NULL);
		if (s[i].v->f[INV_V_KEC][0])
			ibm_str_add(&b, ", Kecamatan ", s[i].v->f[INV_V_KEC],
				    (char *)NULL);
		free(vil);
	}
	if (n)
		ibm_str_add(&b, ")", (char *)NULL);
	return ibm_str_take(&b);
}

/* All the trip's districts are the office's own (kabupaten_kedudukan):
 * travel in town. */
static int in_town(const inv_papers *p, const stop *s, size_t n)
{
	const char *home = key(p, "kabupaten_kedudukan", NULL);
	char *h;
	int all = n > 0;

	if (!home)
		return 0;
	h = monev_district(home);
	for (size_t i = 0; i < n && all; i++)
		all = ibm_casecmp(s[i].v->f[INV_V_KAB], h) == 0;
	free(h);
	return all;
}

typedef struct spd {
	const inv_papers *p;
	const inv_trip *tr;
	const inv_staff *s;
	const char *nomor;
	stop *st;
	size_t nst;
} spd;

/* "label : value" lines in the small size from the current y. */
static void field(ts_doc *d, float lx, float cx, float x1, const char *label,
		  const char *value)
{
	float y = ts_y(d);

	ts_labelled(d, TS_SMALL, TS_SLEAD, lx, cx, cx + 6, x1, label, value, 0);
	if (ts_y(d) == y) /* an empty value: the label's line */
		ts_set_y(d, y - TS_SLEAD);
}

/* Sheet I's table: No, the field, its value. */
static const float spd_w[3] = { 24, 190, 255.276f };
static const float spd_w8[4] = { 24, 190, 120, 135.276f };

static void spd_row(ts_doc *d, const char *no, const char *label,
		    const char *value)
{
	const char *cells[3] = { no, label, value };

	ts_table_row(d, 3, spd_w, cells, cells, TS_ROW_LINES);
}

static void sheet_one(ts_doc *d, const spd *x)
{
	const inv_papers *p = x->p;
	const inv_event *e = p->ev;
	const inv_staff *s = x->s;
	const inv_team *tm = &p->vs->t[x->tr->team];
	float rx = TS_LEFT + 280;
	float rcx = rx + ts_width(d, 0, TS_SMALL, "Lembar ke") + 6;
	float top, low;
	char a[64], b2[64], words[IBM_TERBILANG_SIZE];
	char days[IBM_TERBILANG_SIZE + 200];
	long nd = ibm_date_days(x->tr->to) - ibm_date_days(x->tr->from) + 1;
	int town = in_town(p, x->st, x->nst);
	ibm_str b = { 0 };
	char *t, *dest;
	const char *kop0 = e->office.kop.n ? e->office.kop.v[0] : "";
	const char *kop1 = e->office.kop.n ?
		e->office.kop.v[e->office.kop.n - 1] : "";

	ts_new_page(d);
	/* the ministry and office on the left, the sheet's numbers on the
	 * right, from the same top */
	top = ts_y(d);
	ts_line(d, 0, TS_SMALL, TS_SLEAD, TS_LEFT, rx - 10, 0,
		"Kementerian Negara/Lembaga:");
	ts_para(d, 1, TS_SMALL, TS_SLEAD, TS_LEFT, rx - 10, 0, 0,
		key(p, "kementerian", kop0), 1);
	ts_line(d, 0, TS_SMALL, TS_SLEAD, TS_LEFT, rx - 10, 0, "Satuan Kerja:");
	ts_para(d, 1, TS_SMALL, TS_SLEAD, TS_LEFT, rx - 10, 0, 0,
		key(p, "satuan_kerja", kop1), 1);
	low = ts_y(d);
	ts_set_y(d, top);
	field(d, rx, rcx, TS_RIGHT, "Lembar ke", "");
	field(d, rx, rcx, TS_RIGHT, "Kode No.", key(p, "kode_spd", ""));
	field(d, rx, rcx, TS_RIGHT, "Nomor", x->nomor ? x->nomor : "");
	if (ts_y(d) < low)
		low = ts_y(d);
	ts_set_y(d, low - 14);
	ts_line(d, 1, TS_SIZE + 1, TS_LEAD + 2, TS_LEFT, TS_RIGHT, 1,
		"SURAT PERJALANAN DINAS (SPD)");
	ts_set_y(d, ts_y(d) - 8);

	spd_row(d, "1.", "Pejabat Pembuat Komitmen",
		key(p, "ppk_nama", ""));
	ibm_str_add(&b, s->f[INV_S_NAMA], s->f[INV_S_NIP][0] ? "\nNIP. " : "",
	     s->f[INV_S_NIP], (char *)NULL);
	t = ibm_str_take(&b);
	spd_row(d, "2.", "Nama/NIP Pegawai yang melaksanakan perjalanan dinas",
		t);
	free(t);
	ibm_str_add(&b, "a. ", s->f[INV_S_PANGKAT], "\nb. ", (char *)NULL);
	ibm_str_add(&b, s->f[INV_S_JABATAN], "\nc. ", s->f[INV_S_TINGKAT],
		    (char *)NULL);
	t = ibm_str_take(&b);
	spd_row(d, "3.", "a. Pangkat dan Golongan\nb. Jabatan/Instansi\n"
		"c. Tingkat Biaya Perjalanan Dinas", t);
	free(t);
	if (key(p, "maksud", NULL)) {
		t = ibm_xstrdup(key(p, "maksud", NULL));
	} else {
		ibm_str_add(&b, p->acara, " pada Unit ", (char *)NULL);
		for (size_t j = x->tr->first; j < x->tr->end; j++) {
			const inv_visit *v = &p->vs->v[tm->visit[j]];

			if (j > x->tr->first)
				ibm_str_add(&b, j + 1 == x->tr->end ?
					    " dan " : ", ", (char *)NULL);
			ibm_str_add(&b, v->f[INV_V_UNIT], (char *)NULL);
		}
		t = ibm_str_take(&b);
	}
	spd_row(d, "4.", "Maksud Perjalanan Dinas", t);
	free(t);
	spd_row(d, "5.", "Alat angkutan yang dipergunakan",
		key(p, "alat_angkutan", "Kendaraan dinas"));
	dest = destination(x->st, x->nst);
	ibm_str_add(&b, "a. ", key(p, "tempat_berangkat", e->tempat_surat),
		    "\nb. ", (char *)NULL);
	ibm_str_add(&b, dest, (char *)NULL);
	t = ibm_str_take(&b);
	spd_row(d, "6.", "a. Tempat berangkat\nb. Tempat tujuan", t);
	free(t);
	free(dest);
	ibm_terbilang(words, sizeof words, nd);
	snprintf(days, sizeof days, "a. %ld (%s) hari\nb. %s\nc. %s", nd, words,
		 ibm_date_long(a, sizeof a, x->tr->from),
		 ibm_date_long(b2, sizeof b2, x->tr->to));
	spd_row(d, "7.", "a. Lamanya Perjalanan Dinas\nb. Tanggal berangkat\n"
		"c. Tanggal harus kembali/tiba di tempat baru *)", days);
	{
		const char *c4[4] = { "8.", "Pengikut: Nama\n1.\n2.",
			"Tanggal Lahir", "Keterangan" };

		ts_table_row(d, 4, spd_w8, c4, c4, TS_ROW_LINES);
	}
	ibm_str_add(&b, "\na. ", key(p, "instansi_anggaran", kop1), "\nb. ",
		    (char *)NULL);
	ibm_str_add(&b, key(p, town ? "akun_dalam_kota" : "akun", key(p, "akun",
		    "")), (char *)NULL);
	t = ibm_str_take(&b);
	spd_row(d, "9.", "Pembebanan Anggaran\na. Instansi\nb. Akun", t);
	free(t);
	spd_row(d, "10.", "Keterangan lain-lain", key(p, "keterangan_spd",
		town ? "Perjalanan dinas dalam kota" : ""));
	ts_line(d, 0, 9, 12, TS_LEFT, TS_RIGHT, 0, "*) coret yang tidak perlu");

	{
		ts_signer ppk = { { 0 }, key(p, "ppk_nama", ""), NULL,
			key(p, "ppk_nip", NULL) };
		float x0 = TS_LEFT + TS_INDENT_RIGHT;
		float cx = x0 + ts_width(d, 0, TS_SIZE, "Dikeluarkan di") + 6;

		inv_lines_split(&ppk.jabatan, key(p, "ppk_jabatan",
						  "Pejabat Pembuat Komitmen"));
		ts_set_y(d, ts_y(d) - 6);
		ts_labelled(d, TS_SIZE, TS_LEAD, x0, cx, cx + 8, TS_RIGHT,
			    "Dikeluarkan di", e->tempat_surat, 0);
		ts_labelled(d, TS_SIZE, TS_LEAD, x0, cx, cx + 8, TS_RIGHT,
			    "Tanggal", ibm_date_long(a, sizeof a,
						     e->tanggal_surat), 0);
		ts_sign(d, x0, TS_RIGHT, &ppk);
		inv_lines_free(&ppk.jabatan);
	}
}

/* A box of sheet II: a row of two cells (or one across) of `lines`
 * lines, whose text is then set by the caller from its top. */
static float box_row(ts_doc *d, int two, int lines)
{
	static const float w2[2] = { 234.638f, 234.638f };
	static const float w1[1] = { 469.276f };
	char blank[64];
	const char *c[2];
	float top;

	memset(blank, '\n', (size_t)lines - 1);
	blank[lines - 1] = ' ';
	blank[lines] = '\0';
	c[0] = c[1] = blank;
	ts_need(d, (float)lines * TS_SLEAD + 8);
	top = ts_y(d);
	ts_table_row(d, two ? 2 : 1, two ? w2 : w1, c, c, TS_ROW_LINES);
	return top;
}

/* Label/value lines of a block from its top, in [x0, x1]. */
typedef struct block {
	ts_doc *d;
	float x0, cx, x1;
} block;

static void bline(block *k, const char *label, const char *value)
{
	field(k->d, k->x0, k->cx, k->x1, label, value ? value : "");
}

/* The signature lines under a block: room, "(........)", "NIP." */
static void bsign(block *k, const char *who)
{
	ts_set_y(k->d, ts_y(k->d) - 2 * TS_SLEAD);
	ts_line(k->d, 0, TS_SMALL, TS_SLEAD, k->x0, k->x1, 1,
		who ? who : "(.........................................)");
	ts_line(k->d, 0, TS_SMALL, TS_SLEAD, k->x0 + 40, k->x1, 0, "NIP.");
}

static void sheet_two(ts_doc *d, const spd *x)
{
	const inv_papers *p = x->p;
	const char *home = key(p, "tempat_berangkat", p->ev->tempat_surat);
	float mid = TS_LEFT + 234.638f;
	float lcx = TS_LEFT + 12 + ts_width(d, 0, TS_SMALL, "Berangkat dari");
	float rcx = mid + 6 + ts_width(d, 0, TS_SMALL, "I. Berangkat dari") + 6;
	int fill = x->nst <= 3;
	char date[64];
	static const char *const roman[] = { "II.", "III.", "IV." };
	float top;
	block L, R;
	char *place[4] = { NULL, NULL, NULL, NULL };

	for (size_t k = 0; fill && k < x->nst; k++)
		place[k] = village(x->st[k].v);
	ts_new_page(d);
	ts_line(d, 1, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 1,
		"SURAT PERJALANAN DINAS (SPD) - LEMBAR II");
	{
		char buf[256];

		snprintf(buf, sizeof buf, "%s - %s", x->s->f[INV_S_NAMA],
			 x->nomor ? x->nomor : "");
		ts_line(d, 0, TS_SMALL, TS_SLEAD, TS_LEFT, TS_RIGHT, 1,
			x->nomor ? buf : x->s->f[INV_S_NAMA]);
	}
	ts_set_y(d, ts_y(d) - 6);

	/* I: leaving the office */
	top = box_row(d, 1, 9);
	R = (block){ d, mid + 6, rcx, TS_RIGHT - 4 };
	ts_set_y(d, top - 2);
	bline(&R, "I. Berangkat dari", home);
	ts_line(d, 0, TS_SMALL, TS_SLEAD, mid + 16, TS_RIGHT, 0,
		"(tempat kedudukan)");
	bline(&R, "Ke", fill && x->nst ? place[0] : "");
	bline(&R, "Pada tanggal", ibm_date_long(date, sizeof date,
						x->tr->from));
	ts_line(d, 0, TS_SMALL, TS_SLEAD, mid + 6, TS_RIGHT - 4, 1,
		key(p, "ppk_jabatan", "Pejabat Pembuat Komitmen"));
	bsign(&R, NULL);
	ts_set_y(d, top - 9 * TS_SLEAD - 8);

	/* II to IV: arriving at and leaving each place */
	for (int k = 0; k < 3; k++) {
		const stop *st = fill && (size_t)k < x->nst ? &x->st[k] : NULL;
		char lab[32], d1[64] = "", d2[64] = "";
		const char *to = NULL;

		if (st) {
			ibm_date_long(d1, sizeof d1, st->arrive);
			ibm_date_long(d2, sizeof d2, st->leave);
			to = (size_t)k + 1 < x->nst ? place[k + 1] : home;
		}
		top = box_row(d, 1, 8);
		L = (block){ d, TS_LEFT + 6, lcx, mid - 4 };
		R = (block){ d, mid + 6, rcx, TS_RIGHT - 4 };
		ts_set_y(d, top - 2);
		snprintf(lab, sizeof lab, "%s Tiba di", roman[k]);
		bline(&L, lab, st ? place[k] : "");
		bline(&L, "Pada tanggal", d1);
		bline(&L, "Kepala", "");
		bsign(&L, NULL);
		ts_set_y(d, top - 2);
		bline(&R, "Berangkat dari", st ? place[k] : "");
		bline(&R, "Ke", to);
		bline(&R, "Pada tanggal", d2);
		bline(&R, "Kepala", "");
		bsign(&R, NULL);
		ts_set_y(d, top - 8 * TS_SLEAD - 8);
	}

	/* V: back at the office, checked by the commitment officer */
	top = box_row(d, 1, 10);
	L = (block){ d, TS_LEFT + 6, lcx, mid - 4 };
	R = (block){ d, mid + 6, rcx, TS_RIGHT - 4 };
	ts_set_y(d, top - 2);
	bline(&L, "V. Tiba di", home);
	ts_line(d, 0, TS_SMALL, TS_SLEAD, TS_LEFT + 16, mid - 4, 0,
		"(tempat kedudukan)");
	bline(&L, "Pada tanggal", ibm_date_long(date, sizeof date,
						x->tr->to));
	ts_line(d, 0, TS_SMALL, TS_SLEAD, TS_LEFT + 6, mid - 4, 1,
		key(p, "ppk_jabatan", "Pejabat Pembuat Komitmen"));
	bsign(&L, key(p, "ppk_nama", NULL));
	ts_set_y(d, top - 2);
	ts_para(d, 0, TS_SMALL, TS_SLEAD, mid + 6, TS_RIGHT - 4, 0, 1,
		"Telah diperiksa dengan keterangan bahwa perjalanan "
		"tersebut atas perintahnya dan semata-mata untuk kepentingan jabatan dalam waktu yang "
		"sesingkat-singkatnya.", 1);
	ts_line(d, 0, TS_SMALL, TS_SLEAD, mid + 6, TS_RIGHT - 4, 1,
		key(p, "ppk_jabatan", "Pejabat Pembuat Komitmen"));
	bsign(&R, key(p, "ppk_nama", NULL));
	ts_set_y(d, top - 10 * TS_SLEAD - 8);

	/* VI and VII across */
	top = box_row(d, 0, 2);
	ts_set_y(d, top - 2);
	ts_line(d, 0, TS_SMALL, TS_SLEAD, TS_LEFT + 6, TS_RIGHT - 4, 0,
		"VI. Catatan lain-lain");
	ts_set_y(d, top - 2 * TS_SLEAD - 8);
	top = box_row(d, 0, 4);
	ts_set_y(d, top - 2);
	ts_para(d, 0, TS_SMALL, TS_SLEAD, TS_LEFT + 6, TS_RIGHT - 4, 0, 1,
		"VII. PERHATIAN: PPK yang menerbitkan SPD, pegawai yang "
		"melakukan perjalanan dinas, para pejabat yang mengesahkan "
		"tanggal berangkat/tiba, serta bendahara pengeluaran "
		"bertanggung jawab berdasarkan peraturan-peraturan Keuangan "
		"Negara apabila negara menderita rugi akibat kesalahan, "
		"kelalaian, dan kealpaannya.", 1);
	ts_set_y(d, top - 4 * TS_SLEAD - 8);
	for (int k = 0; k < 4; k++)
		free(place[k]);
}

static void spd_draw(ts_doc *d, void *ctx)
{
	const inv_papers *p = ctx;

	for (size_t i = 0; i < p->vs->ntrip; i++) {
		const inv_trip *tr = &p->vs->trip[i];
		const inv_team *tm = &p->vs->t[tr->team];
		stop *st = ibm_xcalloc(tr->end - tr->first + 1, sizeof *st);
		size_t nst = stops(p, tr, st);

		for (size_t j = 0; j < tm->nofficer; j++) {
			spd x = { p, tr, tm->officer[j],
				  tr->nomor ? tr->nomor[j] : NULL, st, nst };

			sheet_one(d, &x);
			sheet_two(d, &x);
		}
		free(st);
	}
}

void inv_visit_spd(const inv_papers *p, const char *path, inv_outs *outs)
{
	size_t n = 0;

	/* two sheets per officer and trip */
	for (size_t i = 0; i < p->vs->ntrip; i++)
		n += 2 * p->vs->t[p->vs->trip[i].team].nofficer;
	inv_outs_add(outs, ts_write(&p->ev->office, "Surat Perjalanan Dinas",
				    path, n, spd_draw, (void *)p));
}


void inv_visit_draw(ts_doc *d, const inv_papers *p, int paper)
{
	switch (paper) {
	case INV_PAPER_LETTERS: letters_draw(d, (void *)p); break;
	case INV_PAPER_ASSIGNMENT: assignment_draw(d, (void *)p); break;
	case INV_PAPER_SPD: spd_draw(d, (void *)p); break;
	default: inv_visit_schedule_doc(d, (void *)p); break;
	}
}
