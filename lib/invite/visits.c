/*
 * visits.c - the Monev visits of ibm-invite --visits: the schedule
 * (jadwal: date, time, unit, village, kecamatan, district, team), its
 * teams from the staff file's tim column, and what is wrong with them:
 * a team without officers and an officer in two places on one day are
 * errors naming the rows; a unit not on the master list (--units) is
 * warned about with the closest listed name. The teams' trips (the days
 * of a team's visits that follow one another) are what the Surat
 * Perjalanan Dinas are made for.
 *
 * The papers made from them are in visit_papers.c.
 */
#include "invite.h"
#include "monev.h"

#include <stdlib.h>
#include <string.h>

const char *const inv_visit_names[INV_V_NF] = { "tanggal", "waktu",
	"nama_unit", "desa_kelurahan", "kecamatan", "kabupaten_kota", "tim",
	"tempat" };
const ibm_colspec inv_visit_specs[INV_V_NF] = {
	{ "tanggal|tgl|date|hari/tanggal|hari tanggal|tanggal kunjungan|"
	  "tanggal monev|visit date|hari", 1 },
	{ "waktu|jam|pukul|time|waktu kunjungan", 0 },
	{ MONEV_ALIASES_UNIT, 1 },
	{ MONEV_ALIASES_DESA, 0 },
	{ MONEV_ALIASES_KEC, 0 },
	{ MONEV_ALIASES_KAB, 0 },
	{ "tim|team|regu|kelompok|tim monev|nama tim", 1 },
	{ "tempat|lokasi|place|venue|tempat pertemuan|meeting place", 0 },
};

/* ------------------------------------------------------------ reading */

static void visit_free(inv_visit *v)
{
	for (int c = 0; c < INV_V_NF; c++)
		free(v->f[c]);
	free(v->nomor);
}

int inv_visits_read_csv(inv_visits *vs, ibm_csv *r)
{
	const ibm_rec *rec;
	int idx[INV_V_NF], k, bad = 0;

	vs->src = ibm_xstrdup(ibm_csv_name(r));
	if (ibm_col_resolve(vs->src, ibm_csv_header(r)->line,
			    ibm_csv_header(r), inv_visit_specs, INV_V_NF,
			    idx) != 0)
		return IBM_EX_DATAERR;
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		inv_visit v;
		int empty = 1;

		memset(&v, 0, sizeof v);
		for (int c = 0; c < INV_V_NF; c++) {
			v.f[c] = ibm_xstrdup(idx[c] >= 0 ? rec->f[idx[c]] : "");
			ibm_fold_space(v.f[c]);
			if (v.f[c][0])
				empty = 0;
		}
		v.line = rec->line;
		if (empty) {
			visit_free(&v);
			continue;
		}
		if (vs->n >= INV_VISITS_MAX) {
			ibm_error(vs->src, rec->line, "more than %d visits",
				  INV_VISITS_MAX);
			visit_free(&v);
			return IBM_EX_DATAERR;
		}
		/* the village's kind from its name ("Desa X", "Kelurahan
		 * X"), the name without it */
		v.kind = inv_kelurahan_kind(v.f[INV_V_DESA]);
		{
			char *d = inv_kelurahan_norm(v.f[INV_V_DESA]);

			free(v.f[INV_V_DESA]);
			v.f[INV_V_DESA] = d;
		}
		if (ibm_date_parse(v.f[INV_V_TANGGAL], &v.date) != 0) {
			ibm_error_cell(vs->src, rec->line,
				       (size_t)idx[INV_V_TANGGAL],
				       "tanggal: %s%s", v.f[INV_V_TANGGAL][0] ?
				       "not a date: " : "empty",
				       v.f[INV_V_TANGGAL]);
			bad = 1;
		}
		if (!v.f[INV_V_UNIT][0]) {
			ibm_error_cell(vs->src, rec->line,
				       (size_t)idx[INV_V_UNIT], "nama_unit: "
				       "empty");
			bad = 1;
		}
		if (!v.f[INV_V_TIM][0]) {
			ibm_error_cell(vs->src, rec->line,
				       (size_t)idx[INV_V_TIM],
				       "tim: empty (the team that visits)");
			bad = 1;
		}
		ibm_grow((void **)&vs->v, &vs->cap, vs->n + 1, sizeof *vs->v);
		vs->v[vs->n++] = v;
	}
	if (k < 0)
		return ibm_csv_status(r);
	if (bad)
		return IBM_EX_DATAERR;
	if (!vs->n) {
		ibm_error(vs->src, 0, "no visits in the schedule");
		return IBM_EX_DATAERR;
	}
	return 0;
}

void inv_visits_read(inv_visits *vs, const char *path,
		     const ibm_csv_opts *opts)
{
	/* the header: the first row with the schedule's columns */
	ibm_csv *r = ibm_csv_xopen_side(path, opts, inv_visit_specs, INV_V_NF);
	int st = inv_visits_read_csv(vs, r);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

void inv_visits_free(inv_visits *vs)
{
	for (size_t i = 0; i < vs->n; i++)
		visit_free(&vs->v[i]);
	for (size_t i = 0; i < vs->ntrip; i++) {
		for (size_t j = 0; vs->trip[i].nomor &&
		     j < vs->t[vs->trip[i].team].nofficer; j++)
			free(vs->trip[i].nomor[j]);
		free(vs->trip[i].nomor);
	}
	for (size_t t = 0; t < vs->nt; t++) {
		free(vs->t[t].name);
		free(vs->t[t].officer);
		free(vs->t[t].visit);
		free(vs->t[t].nomor);
	}
	free(vs->v);
	free(vs->order);
	free(vs->t);
	free(vs->trip);
	free(vs->src);
	memset(vs, 0, sizeof *vs);
}

/* ------------------------------------------------ the master list */

/* The key of a village without its kind ("Kelurahan Ampenan Tengah":
 * "ampenan tengah"), as the schedule's village is read: the list and
 * the schedule compared alike whether either writes the kind. */
static char *village_key(const char *s)
{
	char *n = inv_kelurahan_norm(s), *k = monev_key(n);

	free(n);
	return k;
}

/* A listed unit by its name (and village, district when the schedule
 * has them), spelt as the list spells them; kdl: the listed village's
 * village_key. */
static int same_unit(const monev_listed *l, const char *kdl, const char *ku,
		     const char *kd, const char *kk)
{
	return strcmp(l->key[MONEV_UL_UNIT], ku) == 0 &&
	       (!*kd || strcmp(kdl, kd) == 0) &&
	       (!*kk || strcmp(l->key[MONEV_UL_KAB], kk) == 0);
}

/* The listed unit closest to the visit's unit (and village when given):
 * at most a quarter of the letters apart; *n: how many are that
 * close; kdl: the listed villages' village_key. */
static const monev_listed *closest(const monev_units *u, char *const *kdl,
				   const char *ku, const char *kd, size_t *n)
{
	const monev_listed *best = NULL;
	size_t bestd = (size_t)-1;

	*n = 0;
	for (size_t i = 0; i < u->n; i++) {
		const monev_listed *l = &u->unit[i];
		size_t len = strlen(ku) + strlen(kd);
		size_t dist = ibm_edit_distance(l->key[MONEV_UL_UNIT], ku) +
			      (*kd ? ibm_edit_distance(kdl[i], kd) : 0);

		if (dist * 4 > len)
			continue;
		(*n)++;
		if (dist < bestd) {
			best = l;
			bestd = dist;
		}
	}
	return best;
}

/* The list's spelling and the parts of the identity the schedule
 * leaves empty. */
static void take_listed(inv_visit *v, const monev_listed *l)
{
	static const int from[4] = { MONEV_UL_UNIT, MONEV_UL_DESA,
		MONEV_UL_KEC, MONEV_UL_KAB };
	static const int to[4] = { INV_V_UNIT, INV_V_DESA, INV_V_KEC,
		INV_V_KAB };

	for (int k = 0; k < 4; k++) {
		const char *s = l->f[from[k]];

		if (!*s)
			continue;
		if (k == 1) {
			/* the village's kind stays the schedule's unless
			 * the list's name says it */
			int kind = inv_kelurahan_kind(s);
			char *d = inv_kelurahan_norm(s);

			if (kind != INV_KIND_VILLAGE)
				v->kind = kind;
			free(v->f[to[k]]);
			v->f[to[k]] = d;
			continue;
		}
		if (k == 3) {
			free(v->f[to[k]]);
			v->f[to[k]] = monev_district(s);
			continue;
		}
		free(v->f[to[k]]);
		v->f[to[k]] = ibm_xstrdup(s);
	}
}

/* Each visit's unit found on the master list: by its name, else by a
 * close spelling (the list's spelling taken when exactly one listed unit
 * is that close, with a warning naming both); a unit not on the list,
 * nor spelt close to exactly one, is warned about with the closest
 * listed name (an error with strict).
 * Returns the number of units not found. */
static size_t check_units(inv_visits *vs, const monev_units *u, int strict)
{
	size_t missing = 0;
	ibm_strset names = { 0 }; /* the listed units' name keys */
	size_t *first = NULL, *next = NULL, *last = NULL, cap = 0;
	char **kdl = ibm_xcalloc(u->n + 1, sizeof *kdl);

	/* the listed units by name key, each name's in the list's order:
	 * a visit's unit found in a few steps, not one per listed unit */
	next = ibm_xcalloc(u->n + 1, sizeof *next);
	for (size_t j = 0; j < u->n; j++) {
		kdl[j] = village_key(u->unit[j].f[MONEV_UL_DESA]);
		size_t n = names.n;
		size_t g = ibm_strset_add(&names, u->unit[j].key[MONEV_UL_UNIT]);

		if (g == n) {
			ibm_grow((void **)&first, &cap, n + 1, sizeof *first);
			last = ibm_xrealloc(last, cap * sizeof *last);
			first[g] = j;
		} else {
			next[last[g]] = j;
		}
		last[g] = j;
		next[j] = IBM_STRMAP_NONE;
	}

	for (size_t i = 0; i < vs->n; i++) {
		inv_visit *v = &vs->v[i];
		char *ku = monev_key(v->f[INV_V_UNIT]);
		char *kd = monev_key(v->f[INV_V_DESA]);
		char *kab = monev_district(v->f[INV_V_KAB]);
		char *kk = monev_key(kab);
		const monev_listed *l = NULL;
		size_t n = 0;

		{
			size_t g = ibm_strset_find(&names, ku);

			for (size_t j = g == IBM_STRMAP_NONE ? IBM_STRMAP_NONE :
			     first[g]; j != IBM_STRMAP_NONE && !l; j = next[j])
				if (same_unit(&u->unit[j], kdl[j], ku, kd, kk))
					l = &u->unit[j];
		}
		if (l) {
			take_listed(v, l);
		} else if ((l = closest(u, kdl, ku, kd, &n)) && n == 1) {
			ibm_warn(vs->src, v->line, "unit \"%s\" is not in the "
				 "list of units %s; taken as \"%s\" (%s, %s), "
				 "the one listed unit spelt that closely",
				 v->f[INV_V_UNIT], u->src,
				 l->f[MONEV_UL_UNIT], l->f[MONEV_UL_DESA],
				 l->f[MONEV_UL_KAB]);
			take_listed(v, l);
		} else {
			char near[512] = "";

			if (l)
				snprintf(near, sizeof near, "; the closest is "
					 "\"%s\" (%s, %s)", l->f[MONEV_UL_UNIT],
					 l->f[MONEV_UL_DESA],
					 l->f[MONEV_UL_KAB]);
			else if (u->n) {
				/* none close: still the nearest by name, in
				 * the visit's district when it has one there */
				size_t bd = (size_t)-1;

				for (int pass = 0; pass < 2 && !l; pass++)
					for (size_t j = 0; j < u->n; j++) {
						size_t dd;

						if (!pass && (!*kk || strcmp(
						    u->unit[j].key[MONEV_UL_KAB],
						    kk)))
							continue;
						dd = ibm_edit_distance(
						  u->unit[j].key[MONEV_UL_UNIT],
						  ku);
						if (dd < bd) {
							bd = dd;
							l = &u->unit[j];
						}
					}
				snprintf(near, sizeof near, "; the closest is "
					 "\"%s\" (%s, %s)", l->f[MONEV_UL_UNIT],
					 l->f[MONEV_UL_DESA],
					 l->f[MONEV_UL_KAB]);
			}
			if (strict)
				ibm_error(vs->src, v->line, "unit \"%s\" is not "
					  "in the list of units %s%s",
					  v->f[INV_V_UNIT], u->src, near);
			else
				ibm_warn(vs->src, v->line, "unit \"%s\" is not "
					 "in the list of units %s%s",
					 v->f[INV_V_UNIT], u->src, near);
			missing++;
		}
		free(ku);
		free(kd);
		free(kab);
		free(kk);
	}
	ibm_strset_free(&names);
	for (size_t j = 0; j < u->n; j++)
		free(kdl[j]);
	free(kdl);
	free(first);
	free(next);
	free(last);
	return missing;
}

/* ------------------------------------------------------------- teams */

static int cmp_visit(const inv_visits *vs, size_t a, size_t b)
{
	const inv_visit *x = &vs->v[a], *y = &vs->v[b];
	int c = ibm_date_cmp(x->date, y->date);

	if (!c)
		c = ibm_natcmp(x->f[INV_V_WAKTU], y->f[INV_V_WAKTU]);
	if (!c)
		c = x->team < y->team ? -1 : x->team > y->team;
	if (!c)
		c = x->line < y->line ? -1 : x->line > y->line;
	return c;
}

static const inv_visits *sort_vs; /* for by_visit (qsort has no arg) */

static int by_visit(const void *a, const void *b)
{
	return cmp_visit(sort_vs, *(const size_t *)a, *(const size_t *)b);
}

/* Visits (indexes into vs->v) by date, time, team and line. */
static void sort_visits(const inv_visits *vs, size_t *v, size_t n)
{
	sort_vs = vs;
	if (n > 1)
		qsort(v, n, sizeof *v, by_visit);
	sort_vs = NULL;
}

/* An officer's identity: the NIP/NRP's digits, else the name without
 * degrees. */
static char *officer_key(const inv_staff *s)
{
	size_t n = 0;
	char *k = ibm_xmalloc(strlen(s->f[INV_S_NIP]) + 2);

	for (const char *p = s->f[INV_S_NIP]; *p; p++)
		if (*p >= '0' && *p <= '9')
			k[n++] = *p;
	k[n] = '\0';
	if (n >= 8)
		return k;
	free(k);
	k = ibm_person_key(s->f[INV_S_NAMA]);
	return k;
}

/* The teams of the schedule, in its order of first appearance, and
 * their officers from the staff file. */
static int make_teams(inv_visits *vs, const inv_order *staff)
{
	size_t cap = 0;
	int bad = 0;
	ibm_strset names = { 0 }, tims = { 0 }; /* by ibm_name_key */
	size_t *vcap = NULL, nvcap = 0;  /* room of each team's visits */
	size_t **of = NULL, *nof = NULL, ofcap = 0, nofcap = 0;

	/* the teams by their names' keys: n visits in n steps */
	for (size_t i = 0; i < vs->n; i++) {
		char *k = ibm_name_key(vs->v[i].f[INV_V_TIM]);
		size_t t = ibm_strset_add(&names, k);

		if (t == vs->nt) {
			ibm_grow((void **)&vs->t, &cap, vs->nt + 1,
				 sizeof *vs->t);
			ibm_grow((void **)&vcap, &nvcap, vs->nt + 1,
				 sizeof *vcap);
			memset(&vs->t[t], 0, sizeof vs->t[t]);
			vs->t[t].name = ibm_xstrdup(vs->v[i].f[INV_V_TIM]);
			vcap[t] = 0;
			vs->nt++;
		}
		free(k);
		vs->v[i].team = t;
		ibm_grow((void **)&vs->t[t].visit, &vcap[t],
			 vs->t[t].nvisit + 1, sizeof(size_t));
		vs->t[t].visit[vs->t[t].nvisit++] = i;
	}
	/* the staff by their team's key, in the file's order */
	for (size_t s = 0; s < staff->n; s++) {
		char *k = ibm_name_key(staff->s[s].f[INV_S_TIM]);
		size_t n = tims.n, j = ibm_strset_add(&tims, k);

		free(k);
		if (j == n) {
			ibm_grow((void **)&of, &ofcap, n + 1, sizeof *of);
			ibm_grow((void **)&nof, &nofcap, n + 1, sizeof *nof);
			of[j] = NULL;
			nof[j] = 0;
		}
		of[j] = ibm_xrealloc(of[j], (nof[j] + 1) * sizeof **of);
		of[j][nof[j]++] = s;
	}
	for (size_t t = 0; t < vs->nt; t++) {
		inv_team *tm = &vs->t[t];
		size_t g = ibm_strset_find(&tims, names.v[t]);
		size_t n = g == IBM_STRMAP_NONE ? 0 : nof[g];

		tm->officer = ibm_xcalloc(n + 1, sizeof *tm->officer);
		for (size_t s = 0; s < n; s++)
			tm->officer[tm->nofficer++] = &staff->s[of[g][s]];
		sort_visits(vs, tm->visit, tm->nvisit);
		if (!tm->nofficer) {
			char rows[256] = "";
			size_t l = 0;

			for (size_t j = 0; j < tm->nvisit && l < 200; j++) {
				snprintf(rows + l, sizeof rows - l, "%s%ld",
					 j ? ", " : "", vs->v[tm->visit[j]].line);
				l = strlen(rows);
			}
			ibm_error(vs->src, vs->v[tm->visit[0]].line,
				  "team \"%s\" has no officers in the staff "
				  "file %s (its visits: line%s %s%s)", tm->name,
				  staff->src, tm->nvisit > 1 ? "s" : "", rows,
				  l >= 200 ? ", ..." : "");
			bad = 1;
		}
	}
	for (size_t j = 0; j < tims.n; j++)
		free(of[j]);
	free(of);
	free(nof);
	free(vcap);
	ibm_strset_free(&names);
	ibm_strset_free(&tims);
	return bad;
}

/* An officer of a team: in the list of an officer_key, the team, its
 * officer's index and the key's; as a pair of check_places, the other
 * team, its officer and (in key) team t's officer. */
typedef struct shared {
	size_t team, officer, key;
} shared;

/* By the other team, then team t's officer. */
static int by_shared(const void *a, const void *b)
{
	const shared *x = a, *y = b;

	if (x->team != y->team)
		return x->team < y->team ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return 0;
}

/* The days teams a and b both visit, with officer o of a who is ob of
 * b: an error for each, naming the first visit of each team that day.
 * Returns 1 when there was one. */
static int same_days(const inv_visits *vs, const inv_team *a,
		     const inv_team *b, const inv_staff *o,
		     const inv_staff *ob)
{
	int bad = 0;

	for (size_t x = 0; x < a->nvisit; x++) {
		const inv_visit *va = &vs->v[a->visit[x]];

		/* each day once: the visits are by date */
		if (x && !ibm_date_cmp(va->date, vs->v[a->visit[x - 1]].date))
			continue;
		for (size_t y = 0; y < b->nvisit; y++) {
			const inv_visit *vb = &vs->v[b->visit[y]];
			char d[64];

			if (ibm_date_cmp(va->date, vb->date))
				continue;
			ibm_error(vs->src, va->line > vb->line ? va->line :
				  vb->line, "%s (staff lines %ld and %ld) would "
				  "be in two places on %s: \"%s\" with team "
				  "\"%s\" (line %ld) and \"%s\" with team \"%s\" "
				  "(line %ld)", o->f[INV_S_NAMA], o->line,
				  ob->line, ibm_date_long(d, sizeof d,
							  va->date),
				  va->f[INV_V_UNIT], a->name, va->line,
				  vb->f[INV_V_UNIT], b->name, vb->line);
			bad = 1;
			break;
		}
	}
	return bad;
}

/* Two visits of one team at the same date and time at different units,
 * and an officer of two teams that visit on the same day, are errors
 * naming the rows. */
static int check_places(inv_visits *vs)
{
	int bad = 0;

	for (size_t t = 0; t < vs->nt; t++) {
		const inv_team *tm = &vs->t[t];

		for (size_t j = 1; j < tm->nvisit; j++) {
			const inv_visit *a = &vs->v[tm->visit[j - 1]];
			const inv_visit *b = &vs->v[tm->visit[j]];
			char d[64];

			/* a time the schedule does not give is no clash */
			if (ibm_date_cmp(a->date, b->date) ||
			    !a->f[INV_V_WAKTU][0] ||
			    ibm_natcmp(a->f[INV_V_WAKTU], b->f[INV_V_WAKTU]))
				continue;
			ibm_error(vs->src, b->line, "team \"%s\" is in two "
				  "places at once on %s%s%s: \"%s\" (line %ld) "
				  "and \"%s\" (line %ld)", tm->name,
				  ibm_date_long(d, sizeof d, b->date),
				  b->f[INV_V_WAKTU][0] ? " at " : "",
				  b->f[INV_V_WAKTU], a->f[INV_V_UNIT], a->line,
				  b->f[INV_V_UNIT], b->line);
			bad = 1;
		}
	}
	/* officers of two teams: each pair of teams that share one, by
	 * the teams of each officer_key */
	{
		ibm_strset keys = { 0 };
		shared *in = NULL;  /* (team, officer) of each key, in order */
		size_t nin = 0, incap = 0, *first = NULL, *next = NULL;
		size_t *last = NULL;
		shared *c = NULL;   /* the pairs of team t */
		size_t ccap = 0;

		for (size_t t = 0; t < vs->nt; t++)
			for (size_t i = 0; i < vs->t[t].nofficer; i++) {
				char *k = officer_key(vs->t[t].officer[i]);
				size_t n = keys.n, j = ibm_strset_add(&keys, k);

				free(k);
				ibm_grow((void **)&in, &incap, nin + 1,
					 sizeof *in);
				next = ibm_xrealloc(next, incap * sizeof *next);
				if (j == n) {
					first = ibm_xrealloc(first, keys.n *
							     sizeof *first);
					last = ibm_xrealloc(last, keys.n *
							    sizeof *last);
					first[j] = IBM_STRMAP_NONE;
				}
				in[nin].team = t;
				in[nin].officer = i;
				in[nin].key = j;
				next[nin] = IBM_STRMAP_NONE;
				/* appended at the end of the key's list */
				if (first[j] == IBM_STRMAP_NONE)
					first[j] = nin;
				else
					next[last[j]] = nin;
				last[j] = nin++;
			}
		for (size_t x = 0; x < nin; ) {
			size_t t = in[x].team, nc = 0;

			/* team t's officers i and the first officer of each
			 * later team u with the same key, in the order of u,
			 * then i */
			for (; x < nin && in[x].team == t; x++)
				for (size_t e = first[in[x].key];
				     e != IBM_STRMAP_NONE; e = next[e]) {
					if (in[e].team <= t || (nc &&
					    c[nc - 1].team == in[e].team &&
					    c[nc - 1].key == in[x].officer))
						continue;
					ibm_grow((void **)&c, &ccap, nc + 1,
						 sizeof *c);
					c[nc].team = in[e].team;
					c[nc].key = in[x].officer;
					c[nc].officer = in[e].officer;
					nc++;
				}
			if (nc > 1)
				qsort(c, nc, sizeof *c, by_shared);
			for (size_t j = 0; j < nc; j++)
				if (same_days(vs, &vs->t[t], &vs->t[c[j].team],
					      vs->t[t].officer[c[j].key],
					      vs->t[c[j].team].officer[
						      c[j].officer]))
					bad = 1;
		}
		free(c);
		free(in);
		free(first);
		free(last);
		free(next);
		ibm_strset_free(&keys);
	}
	return bad;
}

/* A team's trips: runs of visits whose days follow one another (the
 * same day or the next). */
static void make_trips(inv_visits *vs)
{
	size_t cap = 0;

	for (size_t t = 0; t < vs->nt; t++) {
		const inv_team *tm = &vs->t[t];

		for (size_t j = 0; j < tm->nvisit; j++) {
			const inv_visit *v = &vs->v[tm->visit[j]];
			inv_trip *last = vs->ntrip ? &vs->trip[vs->ntrip - 1] :
				NULL;

			if (j && last && last->team == t &&
			    ibm_date_days(v->date) -
			    ibm_date_days(last->to) <= 1) {
				last->to = v->date;
				last->end = j + 1;
				continue;
			}
			ibm_grow((void **)&vs->trip, &cap, vs->ntrip + 1,
				 sizeof *vs->trip);
			memset(&vs->trip[vs->ntrip], 0, sizeof *vs->trip);
			vs->trip[vs->ntrip].team = t;
			vs->trip[vs->ntrip].first = j;
			vs->trip[vs->ntrip].end = j + 1;
			vs->trip[vs->ntrip].from = v->date;
			vs->trip[vs->ntrip].to = v->date;
			vs->ntrip++;
		}
	}
}

int inv_visits_check(inv_visits *vs, const inv_order *staff,
		     const monev_units *units, int strict,
		     const char *waktu)
{
	int bad = 0;

	if (!staff->has_team) {
		ibm_error(staff->src, 0, "--visits: the staff file has no tim "
			  "column (the team of each officer)");
		return IBM_EX_DATAERR;
	}
	if (units && units->n && check_units(vs, units, strict) && strict)
		bad = 1;
	for (size_t i = 0; i < vs->n; i++) {
		inv_visit *v = &vs->v[i];

		if (!v->f[INV_V_DESA][0]) {
			ibm_error(vs->src, v->line, "desa_kelurahan: empty "
				  "(the village of \"%s\"%s)",
				  v->f[INV_V_UNIT], units ? ", not on the "
				  "list of units either" : "");
			bad = 1;
		}
		if (!v->f[INV_V_WAKTU][0] && !waktu) {
			ibm_error(vs->src, v->line, "waktu: empty (or set the "
				  "key waktu)");
			bad = 1;
		}
		if (v->f[INV_V_KAB][0]) {
			char *k = monev_district(v->f[INV_V_KAB]);

			free(v->f[INV_V_KAB]);
			v->f[INV_V_KAB] = k;
		}
	}
	if (make_teams(vs, staff))
		bad = 1;
	if (!bad && check_places(vs))
		bad = 1;
	if (bad)
		return IBM_EX_DATAERR;
	/* the time of the visits without one (not compared above) */
	for (size_t i = 0; i < vs->n; i++)
		if (!vs->v[i].f[INV_V_WAKTU][0]) {
			free(vs->v[i].f[INV_V_WAKTU]);
			vs->v[i].f[INV_V_WAKTU] = ibm_xstrdup(waktu);
		}
	make_trips(vs);
	/* every visit by date, time, team and line: the letters' order */
	vs->order = ibm_xcalloc(vs->n + 1, sizeof *vs->order);
	for (size_t i = 0; i < vs->n; i++)
		vs->order[i] = i;
	sort_visits(vs, vs->order, vs->n);
	return 0;
}

/* ------------------------------------------------------------ output */

int inv_visits_write_csv(const inv_visits *vs, FILE *fp, int excel)
{
	static const char *const head[] = { "tanggal", "waktu", "nama_unit",
		"desa_kelurahan", "kecamatan", "kabupaten_kota", "tim",
		"petugas", "nomor_surat", "nomor_surat_tugas", NULL };
	ibm_csvw *w = ibm_csvw_new(fp, excel);

	for (size_t i = 0; head[i]; i++)
		ibm_csvw_str(w, head[i]);
	ibm_csvw_end(w);
	for (size_t i = 0; vs->order && i < vs->n; i++) {
		const inv_visit *v = &vs->v[vs->order[i]];
		const inv_team *tm = &vs->t[v->team];
		char iso[16], *names = inv_staff_names_text(tm->officer,
							    tm->nofficer);
		char *desa = ibm_xmalloc(strlen(v->f[INV_V_DESA]) + 16);

		sprintf(desa, "%s%s%s", v->kind == INV_KIND_VILLAGE ? "" :
			inv_village_word(v->kind), v->kind == INV_KIND_VILLAGE ?
			"" : " ", v->f[INV_V_DESA]);
		ibm_csvw_str(w, ibm_date_iso(iso, sizeof iso, v->date));
		ibm_csvw_str(w, v->f[INV_V_WAKTU]);
		ibm_csvw_str(w, v->f[INV_V_UNIT]);
		ibm_csvw_str(w, desa);
		ibm_csvw_str(w, v->f[INV_V_KEC]);
		ibm_csvw_str(w, v->f[INV_V_KAB]);
		ibm_csvw_str(w, tm->name);
		ibm_csvw_str(w, names);
		ibm_csvw_str(w, v->nomor);
		ibm_csvw_str(w, tm->nomor);
		ibm_csvw_end(w);
		free(names);
		free(desa);
	}
	return ibm_csvw_free(w);
}
