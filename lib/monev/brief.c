/*
 * brief.c - the material of the Monev preparation meeting (bahan rapat
 * persiapan; ibm-monev --brief): what the earlier periods' results say
 * about the units to visit next.
 *
 * The units to visit are those of the master list (--units), else every
 * unit of the results. Each has its visit in each period of the results
 * (the forms, ibm-monev's per-unit CSVs, the database). The last period
 * is the latest of them; the brief prepares the period after it.
 *
 *   the first page: units per phase in the last period, listed units not
 *   visited then, units not visited for two periods or more, the
 *   indicators most often unmet, per district the number of units to
 *   visit;
 *
 *   one page per unit: its identity, its phase in each period, the
 *   indicators met and unmet at its latest visit, what it still lacks
 *   for the next phase (the phases spec), the clients served and
 *   referred in each period (the count indicators of the layanan group),
 *   and ruled lines for the visit's notes, to the foot of the page. The
 *   unit is never split over two pages: fewer periods are shown when
 *   they would not fit.
 *
 * As a document on the office's paper (lib/typeset/: PDF, or HTML
 * printed on the same pages) or as a workbook (brief_book.c).
 */
#include "monev.h"
#include "typeset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


/* ------------------------------------------------------------ the data */

static int cmp_ident(const void *a, const void *b)
{
	return strcmp(((const monev_brief_unit *)a)->ident,
		      ((const monev_brief_unit *)b)->ident);
}

static int cmp_order(const void *a, const void *b)
{
	const monev_brief_unit *x = a, *y = b;

	return monev_natcmp(x->sortkey, y->sortkey);
}

void monev_brief_build(monev_brief *b, const monev_data *d)
{
	const monev_spec *s = d->spec;
	size_t cap = 0, np = d->nperiods;

	memset(b, 0, sizeof *b);
	b->d = d;
	b->last = np ? np - 1 : 0;
	if (np)
		monev_period_next(d->periods[np - 1], b->next, sizeof b->next);
	/* the units to visit: the list's, else every unit met */
	if (d->list) {
		for (size_t k = 0; k < d->list->n; k++) {
			const monev_listed *l = &d->list->unit[k];
			monev_brief_unit u;

			memset(&u, 0, sizeof u);
			u.listed = l;
			u.id[MONEV_PROV] = l->f[MONEV_UL_PROV];
			u.id[MONEV_KAB] = l->f[MONEV_UL_KAB];
			u.id[MONEV_SATKER] = l->f[MONEV_UL_SATKER];
			u.id[MONEV_KEC] = l->f[MONEV_UL_KEC];
			u.id[MONEV_DESA] = l->f[MONEV_UL_DESA];
			u.id[MONEV_UNIT] = l->f[MONEV_UL_UNIT];
			u.id[MONEV_TAHUN] = l->f[MONEV_UL_TAHUN];
			u.status = l->f[MONEV_UL_STATUS];
			u.ident = ibm_xstrdup(l->ident);
			ibm_grow((void **)&b->u, &cap, b->n + 1, sizeof *b->u);
			b->u[b->n++] = u;
		}
	} else {
		for (size_t i = 0; i < d->nunits; i++) {
			const monev_unit *mu = &d->units[i];
			char *id = monev_ident(mu->id[MONEV_PROV],
					       mu->id[MONEV_KAB],
					       mu->id[MONEV_DESA],
					       mu->id[MONEV_UNIT]);
			size_t j = b->n;

			/* a unit's periods follow one another in the units'
			 * order: the one before is the same unit or none */
			if (j && !strcmp(b->u[j - 1].ident, id)) {
				free(id);
				continue;
			}
			ibm_grow((void **)&b->u, &cap, b->n + 1, sizeof *b->u);
			memset(&b->u[j], 0, sizeof b->u[j]);
			b->u[j].ident = id;
			b->n++;
		}
	}
	for (size_t k = 0; k < b->n; k++)
		b->u[k].visit = ibm_xcalloc(np + 1, sizeof *b->u[k].visit);
	qsort(b->u, b->n, sizeof *b->u, cmp_ident);
	/* each visit to its unit and period */
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *mu = &d->units[i];
		monev_brief_unit key, *u;
		size_t p = 0;

		memset(&key, 0, sizeof key);
		key.ident = monev_ident(mu->id[MONEV_PROV], mu->id[MONEV_KAB],
					mu->id[MONEV_DESA], mu->id[MONEV_UNIT]);
		u = bsearch(&key, b->u, b->n, sizeof *b->u, cmp_ident);
		free(key.ident);
		while (p < np && strcmp(d->periods[p], mu->period))
			p++;
		if (u && p < np)
			u->visit[p] = mu;
	}
	/* identity from the latest visit when not listed; the order */
	for (size_t k = 0; k < b->n; k++) {
		monev_brief_unit *u = &b->u[k];
		const monev_unit *lv = monev_brief_latest(b, u, NULL);

		if (!u->listed && lv) {
			for (int f = 0; f < MONEV_NID; f++)
				u->id[f] = lv->id[f];
			u->status = lv->status;
		}
		/* what the list leaves out, from the latest visit */
		for (int f = 0; u->listed && lv && f < MONEV_NID; f++)
			if ((!u->id[f] || !*u->id[f]) && (f == MONEV_SATKER ||
			    f == MONEV_KEC || f == MONEV_TAHUN))
				u->id[f] = lv->id[f];
		for (int f = 0; f < MONEV_NID; f++)
			if (!u->id[f])
				u->id[f] = "";
		if (!u->status)
			u->status = "";
		u->sortkey = monev_sort_key(u->id, "");
		/* periods not visited, counted back from the last */
		for (size_t p = np; p > 0 && !u->visit[p - 1]; p--)
			u->missed++;
	}
	qsort(b->u, b->n, sizeof *b->u, cmp_order);
	/* the layanan group's counts: the clients served and referred */
	b->clients = ibm_xcalloc(s->nind + 1, sizeof *b->clients);
	for (size_t k = 0; k < s->nind; k++) {
		char *g = monev_key(s->grp[s->ind[k].group].name);

		if (s->ind[k].kind == MONEV_COUNT && strstr(g, "layanan"))
			b->clients[b->nclients++] = k;
		free(g);
	}
}

void monev_brief_free(monev_brief *b)
{
	for (size_t k = 0; k < b->n; k++) {
		free(b->u[k].ident);
		free(b->u[k].sortkey);
		free(b->u[k].visit);
	}
	free(b->u);
	free(b->clients);
	memset(b, 0, sizeof *b);
}

const monev_unit *monev_brief_latest(const monev_brief *b,
				     const monev_brief_unit *u, size_t *period)
{
	for (size_t p = b->d->nperiods; p > 0; p--)
		if (u->visit[p - 1]) {
			if (period)
				*period = p - 1;
			return u->visit[p - 1];
		}
	return NULL;
}

size_t monev_brief_districts(const monev_brief *b,
			     monev_brief_district **out)
{
	size_t n = 0, cap = 0;

	*out = NULL;
	for (size_t i = 0; i < b->n;) {
		monev_brief_district dd = {
			monev_district(b->u[i].id[MONEV_KAB]), 0, 0, 0 };
		char *k1 = monev_key(dd.kab);

		for (; i < b->n; i++) {
			char *k2 = monev_key(b->u[i].id[MONEV_KAB]);
			int same = !strcmp(k1, k2);

			free(k2);
			if (!same)
				break;
			dd.n++;
			if (b->u[i].missed)
				dd.missed++;
			else
				dd.visited++;
		}
		free(k1);
		ibm_grow((void **)out, &cap, n + 1, sizeof **out);
		(*out)[n++] = dd;
	}
	return n;
}

int monev_ind_met(const monev_ind *in, double v)
{
	if (!monev_asked(v) || monev_unanswered(v))
		return -1;
	if (isnan(v))
		return 0;
	return in->kind == MONEV_YESNO ? v > 0 : v >= in->target;
}

size_t monev_brief_unmet(const monev_brief *b, size_t *out, size_t *unmet,
			 size_t *asked)
{
	const monev_data *d = b->d;
	const monev_spec *s = d->spec;
	size_t n = 0;

	for (size_t k = 0; k < s->nind; k++) {
		unmet[k] = asked[k] = 0;
		for (size_t i = 0; i < d->nunits && d->nperiods; i++) {
			int m;

			if (strcmp(d->units[i].period, d->periods[b->last]))
				continue;
			m = monev_ind_met(&s->ind[k], d->units[i].val[k]);
			if (m < 0)
				continue;
			asked[k]++;
			unmet[k] += !m;
		}
		if (unmet[k])
			out[n++] = k;
	}
	/* most often unmet first, then in the spec's order */
	for (size_t i = 1; i < n; i++) {
		size_t x = out[i], j = i;

		while (j > 0 && unmet[out[j - 1]] < unmet[x]) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = x;
	}
	return n;
}

/* ------------------------------------------------------- the document */

typedef struct doc {
	ts_doc *t;
	const monev_brief *b;
	char last[32], next[32];  /* the periods for people */
} doc;


static const char *phase_text(const monev_spec *s, const monev_unit *u)
{
	return !u ? "tidak dikunjungi" : u->phase >= 0 ? s->ph[u->phase].name
		: "belum berfase";
}

/* A section's heading, kept with room for what follows it. */
static void heading(doc *o, const char *s, float keep)
{
	ts_set_y(o->t, ts_y(o->t) - 8);
	ts_need(o->t, TS_LEAD + keep);
	ts_line(o->t, 1, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 0, s);
	ts_set_y(o->t, ts_y(o->t) - 3);
}

static void note(doc *o, const char *s)
{
	ts_para(o->t, 0, TS_SMALL, TS_SLEAD, TS_LEFT, TS_RIGHT, 0, 0, s, 1);
}

static void row(doc *o, size_t n, const float *w, const char *const *head,
		const char *const *cells, int flags)
{
	ts_table_row(o->t, n, w, head, cells, flags | TS_ROW_LINES);
}

static char *num(size_t n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%zu", n);
	return ibm_xstrdup(buf);
}

static char *pct(size_t a, size_t n)
{
	char buf[32], out[40];

	if (!n)
		return ibm_xstrdup("");
	snprintf(out, sizeof out, "%s%%",
		 monev_fmt_pct(buf, sizeof buf, 100.0 * (double)a / (double)n));
	return ibm_xstrdup(out);
}

static void title(doc *o)
{
	const monev_data *d = o->b->d;
	char buf[160];

	if (o->b->office_head)
		ts_letterhead(o->t);
	ts_line(o->t, 1, TS_SIZE + 2, TS_LEAD + 3, TS_LEFT, TS_RIGHT, 1,
		"BAHAN RAPAT PERSIAPAN");
	ts_line(o->t, 1, TS_SIZE + 1, TS_LEAD + 2, TS_LEFT, TS_RIGHT, 1,
		"MONITORING DAN EVALUASI INTERVENSI BERBASIS MASYARAKAT");
	snprintf(buf, sizeof buf, "%s", o->next);
	ts_line(o->t, 1, TS_SIZE + 1, TS_LEAD + 2, TS_LEFT, TS_RIGHT, 1, buf);
	if (d->nperiods > 1) {
		char first[32];

		snprintf(buf, sizeof buf, "berdasarkan hasil Monev %s s.d. %s",
			 monev_period_text(d->periods[0], first, sizeof first),
			 o->last);
	} else {
		snprintf(buf, sizeof buf, "berdasarkan hasil Monev %s",
			 o->last);
	}
	ts_line(o->t, 0, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 1, buf);
	ts_set_y(o->t, ts_y(o->t) - 6);
}

/* 1. Units per phase in the last period. */
static void phases(doc *o)
{
	static const float w[3] = { 269.276f, 100, 100 };
	static const char *const head[3] = { "Fase", "Jumlah unit",
		"Persen" };
	const monev_data *d = o->b->d;
	const monev_spec *s = d->spec;
	size_t *n = ibm_xcalloc(s->nph + 2, sizeof *n), all = 0;
	char buf[160];

	for (size_t i = 0; i < d->nunits; i++)
		if (!strcmp(d->units[i].period, d->periods[o->b->last])) {
			int ph = d->units[i].phase;

			n[ph >= 0 ? (size_t)ph : s->nph]++;
			all++;
		}
	snprintf(buf, sizeof buf, "1. Fase unit pada %s", o->last);
	heading(o, buf, 60);
	row(o, 3, w, head, head, TS_ROW_HEAD);
	for (size_t p = 0; p <= s->nph; p++) {
		char *a, *c;
		const char *cells[3];

		if (p == s->nph && !n[p])
			continue;
		a = num(n[p]);
		c = pct(n[p], all);
		cells[0] = p < s->nph ? s->ph[p].name : "Belum berfase";
		cells[1] = a;
		cells[2] = c;
		row(o, 3, w, head, cells, 0);
		free(a);
		free(c);
	}
	{
		char *a = num(all), *c = pct(all, all);
		const char *cells[3] = { "Jumlah unit dikunjungi", a, c };

		row(o, 3, w, head, cells, 0);
		free(a);
		free(c);
	}
	free(n);
	/* the visited units the master list does not have */
	if (d->list) {
		ibm_str t = { 0 };
		size_t k = 0;
		char *txt;

		for (size_t i = 0; i < d->nunits; i++)
			if (!strcmp(d->units[i].period,
				    d->periods[o->b->last]) &&
			    !d->units[i].listed) {
				ibm_str_add(&t, k++ ? ", " : "", (char *)NULL);
				ibm_str_add(&t, d->units[i].id[MONEV_UNIT],
					    (char *)NULL);
			}
		if (k) {
			ibm_str line = { 0 };

			snprintf(buf, sizeof buf, "Termasuk %zu unit yang "
				 "tidak ada dalam daftar unit: ", k);
			ibm_str_add(&line, buf, t.s, ".", (char *)NULL);
			txt = ibm_str_take(&line);
			note(o, txt);
			free(txt);
		}
		free(t.s);
	}
}

/* The units of b not visited in the last period (missed >= min). */
static void missed_table(doc *o, size_t min, int with_count)
{
	static const float w4[4] = { 26, 170, 140, 133.276f };
	static const float w5[5] = { 26, 150, 120, 88, 85.276f };
	static const char *const h4[4] = { "No", "Unit IBM",
		"Desa/Kelurahan, Kecamatan", "Kabupaten/Kota" };
	static const char *const h5[5] = { "No", "Unit IBM",
		"Kabupaten/Kota", "Periode tidak dikunjungi",
		"Kunjungan terakhir" };
	const monev_brief *b = o->b;
	size_t k = 0;

	for (size_t i = 0; i < b->n; i++) {
		const monev_brief_unit *u = &b->u[i];
		char *no, where[512], per[32], last[32];
		size_t lp;
		const monev_unit *lv;

		if (u->missed < min)
			continue;
		if (!k++)
			row(o, with_count ? 5 : 4, with_count ? w5 : w4,
			    with_count ? h5 : h4, with_count ? h5 : h4,
			    TS_ROW_HEAD);
		no = num(k);
		if (!with_count) {
			const char *cells[4];

			snprintf(where, sizeof where, "%s%s%s",
				 u->id[MONEV_DESA], *u->id[MONEV_KEC] ?
				 ", Kec. " : "", u->id[MONEV_KEC]);
			cells[0] = no;
			cells[1] = u->id[MONEV_UNIT];
			cells[2] = where;
			cells[3] = u->id[MONEV_KAB];
			row(o, 4, w4, h4, cells, 0);
		} else {
			const char *cells[5];

			lv = monev_brief_latest(b, u, &lp);
			snprintf(per, sizeof per, "%zu%s", u->missed,
				 u->missed == b->d->nperiods ? " (semua)" : "");
			cells[0] = no;
			cells[1] = u->id[MONEV_UNIT];
			cells[2] = u->id[MONEV_KAB];
			cells[3] = per;
			cells[4] = lv ? monev_period_text(b->d->periods[lp],
							  last, sizeof last)
				      : "belum pernah";
			row(o, 5, w5, h5, cells, 0);
		}
		free(no);
	}
	if (!k)
		note(o, "Tidak ada.");
}

/* 4. The indicators most often unmet in the last period. */
static void unmet(doc *o)
{
	static const float w[5] = { 26, 190, 100, 80, 73.276f };
	static const char *const head[5] = { "No", "Indikator", "Kelompok",
		"Belum terpenuhi", "Persen" };
	const monev_spec *s = o->b->d->spec;
	size_t *idx = ibm_xcalloc(s->nind + 1, sizeof *idx);
	size_t *um = ibm_xcalloc(s->nind + 1, sizeof *um);
	size_t *as = ibm_xcalloc(s->nind + 1, sizeof *as);
	size_t n = monev_brief_unmet(o->b, idx, um, as);
	char buf[160];

	snprintf(buf, sizeof buf, "4. Indikator yang paling sering belum "
		 "terpenuhi (%s)", o->last);
	heading(o, buf, 50);
	if (!n)
		note(o, "Tidak ada: setiap indikator terpenuhi di setiap unit "
		     "yang dikunjungi.");
	else
		row(o, 5, w, head, head, TS_ROW_HEAD);
	for (size_t i = 0; i < n && i < MONEV_BRIEF_TOP; i++) {
		const monev_ind *in = &s->ind[idx[i]];
		char *no = num(i + 1), *p = pct(um[idx[i]], as[idx[i]]);
		char of[64];
		const char *cells[5];

		snprintf(of, sizeof of, "%zu dari %zu unit", um[idx[i]],
			 as[idx[i]]);
		cells[0] = no;
		cells[1] = in->label;
		cells[2] = s->grp[in->group].label;
		cells[3] = of;
		cells[4] = p;
		row(o, 5, w, head, cells, 0);
		free(no);
		free(p);
	}
	free(idx);
	free(um);
	free(as);
}

/* 5. Per district, the units to visit. */
static void districts(doc *o)
{
	static const float w[4] = { 189.276f, 90, 95, 95 };
	const monev_brief *b = o->b;
	char h2[64], h3[64];
	const char *head[4] = { "Kabupaten/Kota", "Unit yang dikunjungi",
		h2, h3 };
	size_t tot[3] = { 0, 0, 0 }, nd;
	monev_brief_district *dist;

	snprintf(h2, sizeof h2, "Dikunjungi %s", o->last);
	snprintf(h3, sizeof h3, "Tidak dikunjungi %s", o->last);
	heading(o, "5. Unit yang akan dikunjungi per kabupaten/kota", 60);
	row(o, 4, w, head, (const char *const *)head, TS_ROW_HEAD);
	nd = monev_brief_districts(b, &dist);
	for (size_t i = 0; i <= nd; i++) {
		/* each district, then the sum */
		size_t n[3] = { tot[0], tot[1], tot[2] };
		char *c[3];
		const char *cells[4];

		if (i < nd) {
			n[0] = dist[i].n;
			n[1] = dist[i].visited;
			n[2] = dist[i].missed;
		}
		for (int k = 0; k < 3; k++) {
			c[k] = num(n[k]);
			tot[k] += i < nd ? n[k] : 0;
		}
		cells[0] = i < nd ? dist[i].kab : "Jumlah";
		cells[1] = c[0];
		cells[2] = c[1];
		cells[3] = c[2];
		row(o, 4, w, head, cells, 0);
		for (int k = 0; k < 3; k++)
			free(c[k]);
		if (i < nd)
			free(dist[i].kab);
	}
	free(dist);
}

static void first_page(doc *o)
{
	const monev_brief *b = o->b;
	char buf[200];

	ts_new_page(o->t);
	title(o);
	phases(o);
	snprintf(buf, sizeof buf, "2. Unit terdaftar yang tidak dikunjungi "
		 "pada %s", o->last);
	heading(o, buf, 40);
	if (!b->d->list)
		note(o, "Tanpa daftar unit (--units) tidak diketahui unit "
		     "mana yang terdaftar; dihitung dari unit dalam hasil "
		     "Monev.");
	missed_table(o, 1, 0);
	heading(o, "3. Unit yang tidak dikunjungi dua periode atau lebih", 40);
	if (b->d->nperiods < 2) {
		snprintf(buf, sizeof buf, "Hasil Monev hanya memuat satu "
			 "periode (%s).", o->last);
		note(o, buf);
	} else {
		missed_table(o, 2, 1);
	}
	unmet(o);
	districts(o);
}

/* ------------------------------------------------------ a unit's page */

static void unit_identity(doc *o, const monev_brief_unit *u)
{
	static const char *const label[6] = { "Desa/Kelurahan", "Kecamatan",
		"Kabupaten/Kota", "Satuan kerja", "Status", "Tahun berdiri" };
	const char *value[6];
	float cx = TS_LEFT + ts_width(o->t, 0, TS_SMALL, "Kabupaten/Kota") + 8;

	value[0] = u->id[MONEV_DESA];
	value[1] = u->id[MONEV_KEC];
	value[2] = u->id[MONEV_KAB];
	value[3] = u->id[MONEV_SATKER];
	value[4] = u->status;
	value[5] = u->id[MONEV_TAHUN];
	for (int k = 0; k < 6; k++)
		if (value[k] && *value[k])
			ts_labelled(o->t, TS_SMALL, TS_SLEAD, TS_LEFT, cx,
				    cx + 8, TS_RIGHT, label[k], value[k], 0);
}

static void unit_history(doc *o, const monev_brief_unit *u, size_t from)
{
	static const float w[5] = { 100, 90, 70, 90, 119.276f };
	static const char *const head[5] = { "Periode", "Tanggal Monev",
		"Skor total", "Fase", "Petugas" };
	const monev_data *d = o->b->d;

	row(o, 5, w, head, head, TS_ROW_HEAD);
	for (size_t p = from; p < d->nperiods; p++) {
		const monev_unit *v = u->visit[p];
		char per[32], date[64] = "", score[32] = "";
		const char *cells[5];

		if (v && v->has_date)
			ibm_date_long(date, sizeof date, v->date);
		if (v && !isnan(v->total))
			monev_fmt_pct(score, sizeof score, v->total);
		cells[0] = monev_period_text(d->periods[p], per, sizeof per);
		cells[1] = date;
		cells[2] = score;
		cells[3] = phase_text(d->spec, v);
		cells[4] = v ? v->id[MONEV_PETUGAS] : "";
		row(o, 5, w, head, cells, 0);
	}
}

/* "Label (value)" of an unmet indicator: "Kunjungan pembinaan (1 dari
 * 4)", "SK Kepala Desa (belum)". */
static void unmet_text(ibm_str *b, const monev_ind *in, double v)
{
	char n1[32], n2[32];

	ibm_str_add(b, in->label, (char *)NULL);
	if (in->kind == MONEV_YESNO || isnan(v)) {
		ibm_str_add(b, isnan(v) ? " (kosong)" : " (belum)",
			    (char *)NULL);
		return;
	}
	ibm_str_add(b, " (", (char *)NULL);
	ibm_str_add(b, monev_fmt_pct(n1, sizeof n1, v), (char *)NULL);
	ibm_str_add(b, " dari ", (char *)NULL);
	ibm_str_add(b, monev_fmt_pct(n2, sizeof n2, in->target), (char *)NULL);
	ibm_str_add(b, ")", (char *)NULL);
}

char *monev_brief_unmet_text(const monev_spec *s, const monev_unit *v)
{
	ibm_str un = { 0 };
	size_t nu = 0;

	ibm_str_add(&un, "", (char *)NULL);
	for (size_t k = 0; k < s->nind; k++)
		if (monev_ind_met(&s->ind[k], v->val[k]) == 0) {
			ibm_str_add(&un, nu++ ? ", " : "", (char *)NULL);
			unmet_text(&un, &s->ind[k], v->val[k]);
		}
	return ibm_str_take(&un);
}

static void unit_indicators(doc *o, const monev_unit *v, size_t lp)
{
	const monev_spec *s = o->b->d->spec;
	ibm_str met = { 0 }, line = { 0 };
	size_t nm = 0, nu = 0;
	char buf[96], per[32], *un = monev_brief_unmet_text(s, v), *t;

	for (size_t k = 0; k < s->nind; k++) {
		int m = monev_ind_met(&s->ind[k], v->val[k]);

		if (m == 1) {
			ibm_str_add(&met, nm++ ? ", " : "", (char *)NULL);
			ibm_str_add(&met, s->ind[k].label, (char *)NULL);
		}
		nu += m == 0;
	}
	snprintf(buf, sizeof buf, "Indikator pada kunjungan terakhir (%s)",
		 monev_period_text(o->b->d->periods[lp], per, sizeof per));
	heading(o, buf, 2 * TS_SLEAD);
	snprintf(buf, sizeof buf, "Terpenuhi (%zu): ", nm);
	ibm_str_add(&line, buf, (char *)NULL);
	ibm_str_add(&line, nm ? met.s : "-", (char *)NULL);
	ibm_str_add(&line, nm ? "." : "", (char *)NULL);
	t = ibm_str_take(&line);
	note(o, t);
	free(t);
	snprintf(buf, sizeof buf, "Belum terpenuhi (%zu): ", nu);
	ibm_str_add(&line, buf, (char *)NULL);
	ibm_str_add(&line, nu ? un : "-", (char *)NULL);
	ibm_str_add(&line, nu ? "." : "", (char *)NULL);
	t = ibm_str_take(&line);
	note(o, t);
	free(t);
	free(met.s);
	free(un);
}

/* What the unit lacks for the next phase, one item per group (the
 * phases spec's minimums, as monev_missing says it). */
static void unit_missing(doc *o, const monev_unit *v)
{
	const monev_spec *s = o->b->d->spec;
	char *m = monev_missing(s, v->val, v->grp, v->total, v->phase);
	char buf[160];

	if (v->phase + 1 < (int)s->nph && !isnan(v->total))
		snprintf(buf, sizeof buf, "Yang masih kurang untuk fase %s",
			 s->ph[v->phase + 1].name);
	else
		snprintf(buf, sizeof buf, "Yang masih kurang untuk fase "
			 "berikutnya");
	heading(o, buf, 2 * TS_SLEAD);
	if (!*m) {
		note(o, isnan(v->total) ? "Tidak dapat dinilai: tidak ada "
		     "indikator yang ditanyakan." : "Tidak ada: unit sudah "
		     "berada pada fase tertinggi.");
	} else {
		/* "Menuju X: a; b (c, d); e" -> the items a, b (c, d), e */
		char *p = strchr(m, ':');
		size_t no = 0;
		float numw = ts_width(o->t, 0, TS_SMALL, "10. ");

		p = p ? p + 2 : m;
		/* each item begins with a capital ("Skor total ...") */
		while (*p) {
			char *e = strstr(p, "; ");
			char *item = ibm_xstrndup(p, e ? (size_t)(e - p) :
						  strlen(p));

			if (*item >= 'a' && *item <= 'z')
				*item = (char)(*item - 'a' + 'A');
			ts_item(o->t, TS_LEFT, TS_RIGHT, numw, ++no, item, 1);
			free(item);
			p = e ? e + 2 : p + strlen(p);
		}
	}
	free(m);
}

/* The clients served and referred: a row per count indicator of the
 * layanan group, a column per period. */
static void unit_clients(doc *o, const monev_brief_unit *u, size_t from)
{
	const monev_brief *b = o->b;
	const monev_spec *s = b->d->spec;
	size_t np = b->d->nperiods - from;
	float w[MONEV_BRIEF_PERIODS + 1];
	const char *head[MONEV_BRIEF_PERIODS + 1];
	const char *cells[MONEV_BRIEF_PERIODS + 1];
	char per[MONEV_BRIEF_PERIODS][32], vals[MONEV_BRIEF_PERIODS][32];

	if (!b->nclients || np > MONEV_BRIEF_PERIODS)
		return;
	heading(o, "Klien dilayani dan dirujuk per periode", 3 * TS_SLEAD + 8);
	w[0] = 170;
	head[0] = "Layanan";
	for (size_t p = 0; p < np; p++) {
		w[p + 1] = (TS_RIGHT - TS_LEFT - 170) / (float)np;
		head[p + 1] = monev_period_text(b->d->periods[from + p], per[p],
						sizeof per[p]);
	}
	row(o, np + 1, w, head, head, TS_ROW_HEAD);
	for (size_t c = 0; c < b->nclients; c++) {
		cells[0] = s->ind[b->clients[c]].label;
		for (size_t p = 0; p < np; p++) {
			const monev_unit *v = u->visit[from + p];
			double x = v ? v->val[b->clients[c]] : NAN;

			if (!v)
				snprintf(vals[p], sizeof vals[p], "tidak "
					 "dikunjungi");
			else if (!monev_asked(x) || monev_unanswered(x) ||
				 isnan(x))
				snprintf(vals[p], sizeof vals[p], "-");
			else
				monev_fmt_pct(vals[p], sizeof vals[p], x);
			cells[p + 1] = vals[p];
		}
		row(o, np + 1, w, head, cells, 0);
	}
}

/* Ruled lines for the visit's notes to the foot of the page; the
 * number of lines. */
static int notes(doc *o, int draw)
{
	float y = ts_y(o->t) - 8;
	int n = 0;

	if (draw) {
		ts_set_y(o->t, y);
		ts_line(o->t, 1, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 0,
			"Catatan kunjungan");
	}
	y -= TS_LEAD + 20;
	while (y >= TS_BOTTOM) {
		if (draw)
			ts_rule(o->t, y, 0.4f);
		n++;
		y -= 20;
	}
	return n;
}

/* A unit's page (on a new page) with the periods from `from` on. */
static void unit_page(doc *o, const monev_brief_unit *u, size_t from)
{
	const monev_brief *b = o->b;
	size_t lp = 0;
	const monev_unit *lv = monev_brief_latest(b, u, &lp);
	char head[160];

	snprintf(head, sizeof head, "Bahan Rapat Persiapan Monev IBM %s",
		 o->next);
	ts_line(o->t, 0, 9, 11, TS_LEFT, TS_RIGHT, 2, head);
	ts_rule(o->t, ts_y(o->t) - 3, 0.6f);
	ts_set_y(o->t, ts_y(o->t) - 8);
	ts_para(o->t, 1, TS_SIZE + 2, TS_LEAD + 3, TS_LEFT, TS_RIGHT, 0, 0,
		u->id[MONEV_UNIT], 1);
	unit_identity(o, u);
	heading(o, "Fase pada setiap periode", 2 * TS_SLEAD + 8);
	if (from) {
		char per[32], buf[96];

		snprintf(buf, sizeof buf, "(sejak %s)",
			 monev_period_text(b->d->periods[from], per,
					   sizeof per));
		note(o, buf);
		ts_set_y(o->t, ts_y(o->t) - 3);
	}
	unit_history(o, u, from);
	if (lv) {
		unit_indicators(o, lv, lp);
		unit_missing(o, lv);
	} else {
		heading(o, "Indikator", TS_SLEAD);
		note(o, "Unit belum pernah dikunjungi dalam periode hasil "
		     "Monev ini.");
	}
	unit_clients(o, u, from);
}

/* A unit's page measured from the top of a page: its periods from
 * `from` and four lines for notes. */
typedef struct measure {
	doc *o;
	const monev_brief_unit *u;
	size_t from;
} measure;

static void unit_measured(ts_doc *t, void *ctx)
{
	measure *m = ctx;
	ts_doc *keep = m->o->t;

	m->o->t = t;
	unit_page(m->o, m->u, m->from);
	ts_set_y(t, ts_y(t) - 8 - TS_LEAD - 4 * 20);
	m->o->t = keep;
}

/* The periods a unit's page shows: as many of the latest as keep it on
 * one page with room for four lines of notes. */
static size_t unit_from(doc *o, const monev_brief_unit *u)
{
	size_t np = o->b->d->nperiods;
	measure m = { o, u, np > MONEV_BRIEF_PERIODS ?
		      np - MONEV_BRIEF_PERIODS : 0 };

	for (; m.from + 1 < np; m.from++)
		if (ts_height(o->t, unit_measured, &m) <= TS_TOP - TS_BOTTOM)
			break;
	return m.from;
}

static void brief_draw(ts_doc *t, void *ctx)
{
	const monev_brief *b = ctx;
	doc o;

	memset(&o, 0, sizeof o);
	o.t = t;
	o.b = b;
	monev_period_text(b->d->periods[b->last], o.last, sizeof o.last);
	monev_period_text(b->next, o.next, sizeof o.next);
	first_page(&o);
	for (size_t i = 0; i < b->n; i++) {
		size_t from = unit_from(&o, &b->u[i]);

		ts_new_page(t);
		unit_page(&o, &b->u[i], from);
		notes(&o, 1);
	}
}

void monev_brief_check(const monev_brief *b)
{
	const ts_office *of = b->office;
	const monev_data *d = b->d;
	const monev_spec *s = d->spec;

	if (!of->font) {
		for (size_t i = 0; i < d->nunits; i++)
			for (int k = 0; k < MONEV_NID; k++)
				ts_check_text(of,
					      d->files[d->units[i].file_index],
					      d->units[i].line,
					      monev_id_names[k],
					      d->units[i].id[k]);
		for (size_t i = 0; i < b->n; i++)
			for (int k = 0; k < MONEV_NID; k++)
				ts_check_text(of, d->list ? d->list->src : "",
					      b->u[i].listed ?
					      b->u[i].listed->line : 0,
					      monev_id_names[k], b->u[i].id[k]);
		for (size_t k = 0; k < s->nind; k++)
			ts_check_text(of, s->spec_src, 0, "label",
				      s->ind[k].label);
		for (size_t p = 0; p < s->nph; p++)
			ts_check_text(of, s->phase_src, 0, "phase",
				      s->ph[p].name);
	}
	ts_office_check(of);
}

void monev_brief_write(const monev_brief *b, const char *path)
{
	if (ibm_fmt_of_name(path) == IBM_FMT_XLSX) {
		monev_brief_book(b, path);
		return;
	}
	ibm_atomic_finish(ts_write(b->office, "Bahan Rapat Persiapan Monev",
				   path, b->n, brief_draw, (void *)b));
}
