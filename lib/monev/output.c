/*
 * output.c - ibm-monev's CSV on standard output: one row per unit and
 * period, or the recap per district or province (--by).
 */
#include "monev.h"

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

static void write_units(ibm_csvw *w, const monev_data *d)
{
	const monev_spec *s = d->spec;
	char col[300];

	for (int i = 0; i < MONEV_NID; i++)
		ibm_csvw_str(w, monev_id_names[i]);
	ibm_csvw_str(w, "periode");
	for (size_t g = 0; g < s->ngrp; g++) {
		snprintf(col, sizeof col, "skor_%s", s->grp[g].name);
		ibm_csvw_str(w, col);
	}
	ibm_csvw_str(w, "skor_total");
	ibm_csvw_str(w, "fase");
	ibm_csvw_str(w, "kurang_untuk_fase_berikut");
	ibm_csvw_end(w);
	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];
		char *miss;

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
		for (size_t g = 0; g < s->ngrp; g++)
			ibm_csvw_num(w, u->grp[g], 1);
		ibm_csvw_num(w, u->total, 1);
		ibm_csvw_str(w, u->phase >= 0 ? s->ph[u->phase].name : "");
		miss = monev_missing(s, u->val, u->grp, u->total, u->phase);
		ibm_csvw_str(w, miss);
		free(miss);
		ibm_csvw_end(w);
	}
}

static void write_groups(ibm_csvw *w, const monev_data *d, int by_kab)
{
	const monev_spec *s = d->spec;
	size_t n;
	monev_agg *a = monev_aggregate(d, by_kab, &n);
	char col[300];

	ibm_csvw_str(w, "provinsi");
	if (by_kab)
		ibm_csvw_str(w, "kabupaten_kota");
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
	for (size_t i = 0; i < n; i++) {
		ibm_csvw_str(w, a[i].prov);
		if (by_kab)
			ibm_csvw_str(w, a[i].kab);
		ibm_csvw_int(w, (long long)a[i].nunits);
		for (size_t k = 0; k < s->nind; k++)
			ibm_csvw_num(w, a[i].ind[k], 2);
		for (size_t g = 0; g < s->ngrp; g++)
			ibm_csvw_num(w, a[i].grp_mean[g], 1);
		ibm_csvw_num(w, a[i].total_mean, 1);
		for (size_t p = 0; p <= s->nph; p++)
			ibm_csvw_int(w, (long long)a[i].phase_n[p]);
		ibm_csvw_end(w);
	}
	monev_agg_free(a, n);
}

void monev_write_csv(const monev_data *d, int by, int excel)
{
	ibm_csvw *w = ibm_csvw_new(stdout, excel);

	if (by == 0)
		write_units(w, d);
	else
		write_groups(w, d, by == 1);
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
}
