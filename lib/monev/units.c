/*
 * units.c - the master list of IBM units (ibm-monev --units FILE): one row
 * per unit of the programme, read by the same reader as the forms, with
 * its identity, founding year, status and optional unit id. Used to
 * pre-fill the blank form (form.c); see ibm-monev(5).
 */
#include "monev.h"

#include <stdlib.h>
#include <string.h>

const ibm_colspec monev_unit_cols[MONEV_UL_N] = {
	{ MONEV_ALIASES_PROV, 1 },
	{ MONEV_ALIASES_KAB, 1 },
	{ MONEV_ALIASES_SATKER, 0 },
	{ MONEV_ALIASES_KEC, 0 },
	{ MONEV_ALIASES_DESA, 1 },
	{ MONEV_ALIASES_UNIT, 1 },
	{ "tahun_berdiri|tahun berdiri|tahun pembentukan|tahun dibentuk|"
	  "year founded|founded|year established|established", 0 },
	{ "status|status unit|status ibm|unit status", 0 },
	{ "id_unit|kode unit|kode_unit|unit id|unit_id|id", 0 },
};

const char *const monev_ul_names[MONEV_UL_N] = {
	"provinsi", "kabupaten_kota", "satker", "kecamatan", "desa_kelurahan",
	"nama_unit", "tahun_berdiri", "status", "id_unit"
};

static int unit_cmp(const void *a, const void *b)
{
	const monev_listed *x = a, *y = b;

	for (int i = 0; i < MONEV_UL_N; i++) {
		int c;

		if (i == MONEV_UL_SATKER || i == MONEV_UL_TAHUN ||
		    i == MONEV_UL_STATUS || i == MONEV_UL_ID)
			continue;
		c = ibm_natcmp(x->key[i], y->key[i]);
		if (c)
			return c;
	}
	return 0;
}

static const monev_units *sort_units; /* for cmp_ident (qsort has no arg) */

static int cmp_ident(const void *pa, const void *pb)
{
	const size_t *a = pa, *b = pb;

	return strcmp(sort_units->unit[*a].ident, sort_units->unit[*b].ident);
}

/* By district key, then the list's order. */
static int cmp_kab(const void *pa, const void *pb)
{
	const size_t *a = pa, *b = pb;
	int c = strcmp(sort_units->unit[*a].key[MONEV_UL_KAB],
		       sort_units->unit[*b].key[MONEV_UL_KAB]);

	return c ? c : (*a > *b) - (*a < *b);
}

char *monev_ident(const char *prov, const char *kab, const char *desa,
		  const char *unit)
{
	const char *part[4] = { prov, kab, desa, unit };
	char *k[4], *id;
	size_t n = 4;

	for (int i = 0; i < 4; i++) {
		k[i] = monev_key(part[i]);
		n += strlen(k[i]);
	}
	id = ibm_xmalloc(n);
	snprintf(id, n, "%s\x1f%s\x1f%s\x1f%s", k[0], k[1], k[2], k[3]);
	for (int i = 0; i < 4; i++)
		free(k[i]);
	return id;
}

const monev_listed *monev_units_find(const monev_units *u, const char *ident)
{
	size_t lo = 0, hi = u->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(u->unit[u->by_ident[mid]].ident, ident);

		if (c == 0)
			return &u->unit[u->by_ident[mid]];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const monev_listed *monev_units_closest(const monev_units *u,
					const char *kab, const char *desa,
					const char *unit, size_t *nclose)
{
	char *kk = monev_key(kab), *kd = monev_key(desa), *ku = monev_key(unit);
	const monev_listed *best = NULL;
	size_t bestd = (size_t)-1, n = 0, lo = 0, hi = u->n;

	/* the district's units: a run of by_kab, in the list's order */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(u->unit[u->by_kab[mid]].key[MONEV_UL_KAB], kk) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* units of the same district first (a misspelt village or unit
	 * name), then all (a misspelt district too) */
	for (int pass = 0; pass < 2 && !n; pass++)
		for (size_t j = pass ? 0 : lo; j < u->n; j++) {
			const monev_listed *l = &u->unit[pass ? j :
							 u->by_kab[j]];
			size_t dist, len = strlen(ku) + strlen(kd) +
					   (pass ? strlen(kk) : 0);

			if (pass == 0 && strcmp(l->key[MONEV_UL_KAB], kk))
				break;
			dist = ibm_edit_distance(l->key[MONEV_UL_UNIT], ku) +
			       ibm_edit_distance(l->key[MONEV_UL_DESA], kd) +
			       (pass ? ibm_edit_distance(l->key[MONEV_UL_KAB],
							 kk) : 0);
			/* close: at most a quarter of the letters apart */
			if (dist * 4 > len)
				continue;
			n++;
			if (dist < bestd) {
				best = l;
				bestd = dist;
			}
		}
	free(kk);
	free(kd);
	free(ku);
	*nclose = n;
	return best;
}

int monev_units_read_csv(monev_units *u, ibm_csv *r, int strict)
{
	const ibm_rec *rec;
	int idx[MONEV_UL_N], k, st = 0;
	size_t cap = 0;

	memset(u, 0, sizeof *u);
	if (ibm_csv_resolve(r, monev_unit_cols, MONEV_UL_N, idx) < 0)
		return IBM_EX_DATAERR;
	while ((k = ibm_csv_read(r, &rec)) != 0) {
		monev_listed *l;
		int blank = 1;

		if (k < 0)
			return ibm_csv_status(r);
		for (int i = 0; i < MONEV_UL_N; i++)
			if (idx[i] >= 0 && *ibm_trim(rec->f[idx[i]]))
				blank = 0;
		if (blank)
			continue;
		ibm_grow((void **)&u->unit, &cap, u->n + 1, sizeof *u->unit);
		l = &u->unit[u->n++];
		l->line = rec->line;
		l->ident = NULL;
		for (int i = 0; i < MONEV_UL_N; i++) {
			char *v = ibm_rec_cell(rec, idx[i]);

			l->f[i] = v;
			l->key[i] = monev_key(v);
			if (monev_unit_cols[i].required && !*v && !st) {
				ibm_error_cell(ibm_csv_name(r), rec->line,
					       (size_t)idx[i], "%s is empty",
					       monev_ul_names[i]);
				st = IBM_EX_DATAERR;
			}
		}
		if (st)
			return st;
		l->ident = monev_ident(l->f[MONEV_UL_PROV], l->f[MONEV_UL_KAB],
				       l->f[MONEV_UL_DESA],
				       l->f[MONEV_UL_UNIT]);
		if (*l->f[MONEV_UL_TAHUN]) {
			long y;

			if (ibm_parse_count(l->f[MONEV_UL_TAHUN], &y) < 0 ||
			    y < 1900 || y > 2999) {
				ibm_cell_bad(strict, ibm_csv_name(r), rec->line,
					     (size_t)idx[MONEV_UL_TAHUN],
					     "tahun_berdiri", "not a year",
					     l->f[MONEV_UL_TAHUN],
					     "left empty");
				l->f[MONEV_UL_TAHUN][0] = '\0';
				l->key[MONEV_UL_TAHUN][0] = '\0';
			}
		}
	}
	u->src = ibm_xstrdup(ibm_csv_name(r));
	st = ibm_cell_bad_status();
	if (st)
		return st;
	qsort(u->unit, u->n, sizeof *u->unit, unit_cmp);
	u->by_ident = ibm_xcalloc(u->n + 1, sizeof *u->by_ident);
	for (size_t i = 0; i < u->n; i++)
		u->by_ident[i] = i;
	sort_units = u;
	qsort(u->by_ident, u->n, sizeof *u->by_ident, cmp_ident);
	u->by_kab = ibm_xcalloc(u->n + 1, sizeof *u->by_kab);
	for (size_t i = 0; i < u->n; i++)
		u->by_kab[i] = i;
	qsort(u->by_kab, u->n, sizeof *u->by_kab, cmp_kab);
	sort_units = NULL;
	for (size_t i = 1; i < u->n; i++) {
		const monev_listed *p = &u->unit[u->by_ident[i - 1]],
				   *q = &u->unit[u->by_ident[i]];

		if (strcmp(p->ident, q->ident) == 0) {
			ibm_error(u->src, p->line > q->line ? p->line : q->line,
				  "unit \"%s\" (%s, %s) is listed twice (lines "
				  "%ld and %ld)", q->f[MONEV_UL_UNIT],
				  q->f[MONEV_UL_DESA], q->f[MONEV_UL_KAB],
				  p->line < q->line ? p->line : q->line,
				  p->line > q->line ? p->line : q->line);
			return IBM_EX_DATAERR;
		}
	}
	return 0;
}

void monev_units_read(monev_units *u, const char *path, const ibm_csv_opts *o,
		      int strict)
{
	/* the header: the first row with the list's required columns */
	ibm_csv *r = ibm_csv_xopen_side(path, o, monev_unit_cols, MONEV_UL_N);
	int st = monev_units_read_csv(u, r, strict);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t monev_unvisited(const monev_data *d, const char *period, size_t **out)
{
	const monev_units *l = d->list;
	char **seen = ibm_xcalloc(d->nunits + 1, sizeof *seen);
	size_t ns = 0, n = 0;

	*out = ibm_xcalloc(l->n + 1, sizeof **out);
	/* the identities visited in the period (a unit found by a close
	 * spelling carries the list's) */
	for (size_t i = 0; i < d->nunits; i++)
		if (!strcmp(d->units[i].period, period))
			seen[ns++] = monev_ident(d->units[i].id[MONEV_PROV],
						 d->units[i].id[MONEV_KAB],
						 d->units[i].id[MONEV_DESA],
						 d->units[i].id[MONEV_UNIT]);
	qsort(seen, ns, sizeof *seen, cmp_strp);
	for (size_t k = 0; k < l->n; k++) {
		const char *id = l->unit[k].ident;

		if (!bsearch(&id, seen, ns, sizeof *seen, cmp_strp))
			(*out)[n++] = k;
	}
	for (size_t i = 0; i < ns; i++)
		free(seen[i]);
	free(seen);
	return n;
}

size_t monev_list_periods(const monev_data *d, char (**out)[16])
{
	size_t n = d->nperiods;
	int want = *d->want_period != '\0';

	for (size_t i = 0; i < d->nperiods && want; i++)
		if (!strcmp(d->periods[i], d->want_period))
			want = 0;
	*out = ibm_xcalloc(n + 2, sizeof **out);
	if (n)
		memcpy(*out, d->periods, n * sizeof **out);
	if (want)
		memcpy((*out)[n++], d->want_period, sizeof **out);
	return n;
}

void monev_units_free(monev_units *u)
{
	for (size_t i = 0; i < u->n; i++) {
		for (int j = 0; j < MONEV_UL_N; j++) {
			free(u->unit[i].f[j]);
			free(u->unit[i].key[j]);
		}
		free(u->unit[i].ident);
	}
	free(u->by_ident);
	free(u->by_kab);
	free(u->src);
	free(u->unit);
	memset(u, 0, sizeof *u);
}
