/*
 * output.c - ibm-monev's CSV on standard output: one row per unit and
 * period, or the recap per district or province (--by).
 */
#include "monev.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* "Berkembang" -> "fase_berkembang" */
static char *phase_col(const char *name)
{
	char *k = monev_key(name);
	size_t n = strlen(k) + 6;
	char *c = ibm_xmalloc(n);

	for (char *p = k; *p; p++)
		if (*p == ' ')
			*p = '_';
	snprintf(c, n, "fase_%s", k);
	free(k);
	return c;
}

void monev_write_value(ibm_csvw *w, const monev_ind *ind, double v)
{
	if (monev_unanswered(v))
		ibm_csvw_str(w, MONEV_NOT_ANSWERED_TEXT);
	else if (!monev_asked(v))
		ibm_csvw_str(w, MONEV_NOT_ASKED_TEXT);
	else if (isnan(v))
		ibm_csvw_str(w, "");
	else if (ind->kind == MONEV_YESNO)
		ibm_csvw_str(w, v > 0 ? "ya" : "tidak");
	else
		ibm_csvw_num(w, v, 6);
}

double monev_read_value(const monev_ind *ind, const char *s)
{
	double v;
	int yn;

	if (!strcmp(s, MONEV_NOT_ASKED_TEXT))
		return MONEV_NOT_ASKED;
	if (!strcmp(s, MONEV_NOT_ANSWERED_TEXT))
		return MONEV_NOT_ANSWERED;
	if (!*s)
		return NAN;
	if (ind->kind == MONEV_YESNO)
		return (yn = ibm_parse_yesno(s)) < 0 ? NAN : yn;
	return ibm_parse_number(s, &v, 0) == 0 && v >= 0 ? v : NAN;
}


/* A listed unit not visited in the period: no date, no scores,
 * dikunjungi "tidak". */
typedef struct unvisited {
	const monev_listed *l;
	const char *period;
	char *sortkey;
} unvisited;

static int cmp_unvisited(const void *pa, const void *pb)
{
	const unvisited *a = pa, *b = pb;

	return monev_natcmp(a->sortkey, b->sortkey);
}

/* The listed units not visited, in every period checked, in the units'
 * order. */
static unvisited *list_unvisited(const monev_data *d, size_t *n,
				 char (**per)[16])
{
	size_t np = monev_list_periods(d, per), cap = 0;
	unvisited *v = NULL;

	*n = 0;
	for (size_t p = 0; p < np; p++) {
		size_t *miss, nmiss = monev_unvisited(d, (*per)[p], &miss);

		for (size_t k = 0; k < nmiss; k++) {
			const monev_listed *l = &d->list->unit[miss[k]];
			const char *id[MONEV_NID] = { 0 };

			id[MONEV_PROV] = l->f[MONEV_UL_PROV];
			id[MONEV_KAB] = l->f[MONEV_UL_KAB];
			id[MONEV_KEC] = l->f[MONEV_UL_KEC];
			id[MONEV_DESA] = l->f[MONEV_UL_DESA];
			id[MONEV_UNIT] = l->f[MONEV_UL_UNIT];
			ibm_grow((void **)&v, &cap, *n + 1, sizeof *v);
			v[*n].l = l;
			v[*n].period = (*per)[p];
			v[*n].sortkey = monev_sort_key(id, (*per)[p]);
			(*n)++;
		}
		free(miss);
	}
	if (*n > 1)
		qsort(v, *n, sizeof *v, cmp_unvisited);
	return v;
}

static void write_unvisited(ibm_csvw *w, const monev_data *d,
			    const unvisited *v)
{
	const monev_listed *l = v->l;
	char *kab = monev_district(l->f[MONEV_UL_KAB]);

	for (int k = 0; k < MONEV_NID; k++)
		ibm_csvw_str(w, k == MONEV_PROV ? l->f[MONEV_UL_PROV]
			     : k == MONEV_KAB ? kab
			     : k == MONEV_SATKER ? l->f[MONEV_UL_SATKER]
			     : k == MONEV_KEC ? l->f[MONEV_UL_KEC]
			     : k == MONEV_DESA ? l->f[MONEV_UL_DESA]
			     : k == MONEV_UNIT ? l->f[MONEV_UL_UNIT]
			     : k == MONEV_TAHUN ? l->f[MONEV_UL_TAHUN] : "");
	ibm_csvw_str(w, v->period);
	ibm_csvw_str(w, l->f[MONEV_UL_STATUS]);
	ibm_csvw_str(w, "ya");
	ibm_csvw_str(w, "tidak");
	ibm_csvw_str(w, "");
	for (size_t g = 0; g < d->spec->ngrp; g++)
		ibm_csvw_str(w, "");
	ibm_csvw_str(w, "");
	ibm_csvw_str(w, "");
	ibm_csvw_str(w, "");
	for (size_t k = 0; k < d->spec->nind; k++)
		ibm_csvw_str(w, "");
	ibm_csvw_end(w);
	free(kab);
}

/*
 * One row per unit and period. With the master list (--units) four
 * more columns: status (the list's), terdaftar (the unit is on the
 * list: "ya" or "tidak"), dikunjungi ("ya"; "tidak" on the rows of the
 * listed units not visited in a period, merged in order, without date or
 * scores) and nama_unit_formulir (the form's spelling of a unit found in
 * the list by a close spelling).
 */
static void write_units(ibm_csvw *w, const monev_data *d)
{
	const monev_spec *s = d->spec;
	char col[300];
	unvisited *nv = NULL;
	size_t nnv = 0, j = 0;
	char (*per)[16] = NULL;

	for (int i = 0; i < MONEV_NID; i++)
		ibm_csvw_str(w, monev_id_names[i]);
	ibm_csvw_str(w, "periode");
	if (d->list) {
		ibm_csvw_str(w, "status");
		ibm_csvw_str(w, "terdaftar");
		ibm_csvw_str(w, "dikunjungi");
		ibm_csvw_str(w, "nama_unit_formulir");
		nv = list_unvisited(d, &nnv, &per);
	}
	for (size_t g = 0; g < s->ngrp; g++) {
		snprintf(col, sizeof col, "skor_%s", s->grp[g].name);
		ibm_csvw_str(w, col);
	}
	ibm_csvw_str(w, "skor_total");
	ibm_csvw_str(w, "fase");
	ibm_csvw_str(w, "kurang_untuk_fase_berikut");
	for (size_t k = 0; k < s->nind; k++)
		ibm_csvw_str(w, s->ind[k].column);
	ibm_csvw_end(w);
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];
		char *miss;

		while (j < nnv && monev_natcmp(nv[j].sortkey, u->sortkey) < 0)
			write_unvisited(w, d, &nv[j++]);
		for (int k = 0; k < MONEV_NID; k++) {
			if (k == MONEV_TANGGAL && u->has_date) {
				char iso[16];

				ibm_csvw_str(w, ibm_date_iso(iso, sizeof iso,
							     u->date));
			} else {
				ibm_csvw_str(w, u->id[k]);
			}
		}
		ibm_csvw_str(w, u->period);
		if (d->list) {
			ibm_csvw_str(w, u->status);
			ibm_csvw_str(w, u->listed ? "ya" : "tidak");
			ibm_csvw_str(w, "ya");
			ibm_csvw_str(w, u->spelled ? u->spelled : "");
		}
		for (size_t g = 0; g < s->ngrp; g++)
			ibm_csvw_num(w, u->grp[g], 1);
		ibm_csvw_num(w, u->total, 1);
		ibm_csvw_str(w, u->phase >= 0 ? s->ph[u->phase].name : "");
		miss = monev_missing(s, u->val, u->grp, u->total, u->phase);
		ibm_csvw_str(w, miss);
		free(miss);
		for (size_t k = 0; k < s->nind; k++)
			monev_write_value(w, &s->ind[k], u->val[k]);
		ibm_csvw_end(w);
	}
	while (j < nnv)
		write_unvisited(w, d, &nv[j++]);
	for (size_t k = 0; k < nnv; k++)
		free(nv[k].sortkey);
	free(nv);
	free(per);
}

/* The columns naming a group of `field`. */
static int group_cols(int field, const char **names)
{
	int n = 0;

	names[n++] = "provinsi";
	if (field == MONEV_KAB || field == MONEV_KEC)
		names[n++] = "kabupaten_kota";
	if (field == MONEV_KEC)
		names[n++] = "kecamatan";
	if (field == MONEV_SATKER)
		names[n++] = "satker";
	return n;
}

static void write_group_row(ibm_csvw *w, const monev_spec *s, int field,
			    const monev_agg *a, const char *period)
{
	ibm_csvw_str(w, a->prov);
	if (field == MONEV_KAB || field == MONEV_KEC)
		ibm_csvw_str(w, a->kab);
	if (field == MONEV_KEC || field == MONEV_SATKER)
		ibm_csvw_str(w, a->name);
	if (period)
		ibm_csvw_str(w, period);
	ibm_csvw_int(w, (long long)a->nunits);
	for (size_t k = 0; k < s->nind; k++) /* not asked: empty */
		ibm_csvw_num(w, a->ind_n[k] ? a->ind[k] : NAN, 2);
	for (size_t g = 0; g < s->ngrp; g++)
		ibm_csvw_num(w, a->grp_mean[g], 1);
	ibm_csvw_num(w, a->total_mean, 1);
	for (size_t p = 0; p <= s->nph; p++)
		ibm_csvw_int(w, (long long)a->phase_n[p]);
	ibm_csvw_end(w);
}

static void write_groups(ibm_csvw *w, const monev_data *d, int field)
{
	const monev_spec *s = d->spec;
	const char *names[4];
	int nn = group_cols(field, names);
	char col[300];

	for (int i = 0; i < nn; i++)
		ibm_csvw_str(w, names[i]);
	if (d->nperiods > 1)
		ibm_csvw_str(w, "periode");
	ibm_csvw_str(w, "jumlah_unit");
	for (size_t k = 0; k < s->nind; k++)
		ibm_csvw_str(w, s->ind[k].column);
	for (size_t g = 0; g < s->ngrp; g++) {
		snprintf(col, sizeof col, "skor_%s", s->grp[g].name);
		ibm_csvw_str(w, col);
	}
	ibm_csvw_str(w, "skor_total");
	for (size_t p = 0; p < s->nph; p++) {
		char *c = phase_col(s->ph[p].name);

		ibm_csvw_str(w, c);
		free(c);
	}
	ibm_csvw_str(w, "belum_berfase");
	ibm_csvw_end(w);
	if (d->nperiods <= 1) {
		size_t n;
		monev_agg *a = monev_aggregate(d, field, &n);

		for (size_t i = 0; i < n; i++)
			write_group_row(w, s, field, &a[i], NULL);
		monev_agg_free(a, n);
		return;
	}
	/* several periods: each group's rows, one per period */
	{
		monev_ptable t;

		monev_ptable_build(d, field, &t);
		for (size_t g = 0; g < t.ng; g++)
			for (size_t p = 0; p < t.np; p++)
				if (t.cell[g * t.np + p])
					write_group_row(w, s, field,
							t.cell[g * t.np + p],
							d->periods[p]);
		monev_ptable_free(&t);
	}
}

void monev_write_csv(const monev_data *d, int by, int excel)
{
	ibm_csvw *w = ibm_csvw_new(stdout, excel);

	if (by < 0)
		write_units(w, d);
	else
		write_groups(w, d, by);
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
}
