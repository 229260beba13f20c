/*
 * units.c - the master list of IBM units (ibm-monev --units FILE): one row
 * per unit of the programme, read by the same reader as the forms, with
 * its identity, founding year, status and optional unit id. Used to
 * pre-fill the blank form (form.c); see ibm-monev(5).
 */
#include "monev.h"

#include <stdlib.h>
#include <string.h>

static const ibm_colspec unit_cols[MONEV_UL_N] = {
	{ "provinsi|propinsi|province|prov", 1 },
	{ "kabupaten_kota|kabupaten/kota|kab/kota|kabupaten|kota|kab kota|"
	  "regency/city|district|regency|city", 1 },
	{ "satker|satuan kerja|kantor|bnnp/bnnk|bnnk|office|work unit", 0 },
	{ "kecamatan|kec|sub-district|subdistrict", 0 },
	{ "desa_kelurahan|desa/kelurahan|desa|kelurahan|village", 1 },
	{ "nama_unit|nama unit ibm|unit ibm|unit|ibm unit|unit name", 1 },
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
		c = strcmp(x->key[i], y->key[i]);
		if (c)
			return c;
	}
	return 0;
}

void monev_units_read(monev_units *u, const char *path, const ibm_csv_opts *o)
{
	ibm_csv *r = ibm_csv_xopen(path, o);
	const ibm_rec *rec;
	int idx[MONEV_UL_N];
	size_t cap = 0;

	memset(u, 0, sizeof *u);
	if (ibm_col_resolve(ibm_csv_name(r), ibm_csv_header(r)->line,
			    ibm_csv_header(r), unit_cols, MONEV_UL_N, idx) < 0)
		exit(IBM_EX_DATAERR);
	while (ibm_csv_xread(r, &rec) == 1) {
		monev_listed *l;
		int blank = 1;

		for (int i = 0; i < MONEV_UL_N; i++)
			if (idx[i] >= 0 && *ibm_trim(rec->f[idx[i]]))
				blank = 0;
		if (blank)
			continue;
		ibm_grow((void **)&u->unit, &cap, u->n + 1, sizeof *u->unit);
		l = &u->unit[u->n++];
		l->line = rec->line;
		for (int i = 0; i < MONEV_UL_N; i++) {
			char *v = ibm_xstrdup(idx[i] >= 0 ? rec->f[idx[i]] : "");

			ibm_fold_space(v);
			l->f[i] = v;
			l->key[i] = monev_key(v);
			if (unit_cols[i].required && !*v)
				ibm_die(IBM_EX_DATAERR, ibm_csv_name(r),
					rec->line, "%s is empty",
					monev_ul_names[i]);
		}
		if (*l->f[MONEV_UL_TAHUN]) {
			long y;

			if (ibm_parse_count(l->f[MONEV_UL_TAHUN], &y) < 0 ||
			    y < 1900 || y > 2999)
				ibm_die(IBM_EX_DATAERR, ibm_csv_name(r),
					rec->line, "tahun_berdiri \"%s\" is "
					"not a year", l->f[MONEV_UL_TAHUN]);
		}
	}
	ibm_csv_close(r);
	qsort(u->unit, u->n, sizeof *u->unit, unit_cmp);
	for (size_t i = 1; i < u->n; i++)
		if (!unit_cmp(&u->unit[i - 1], &u->unit[i]))
			ibm_die(IBM_EX_DATAERR, path && strcmp(path, "-") ?
				path : "<stdin>", u->unit[i].line > u->unit[i - 1].line ?
				u->unit[i].line : u->unit[i - 1].line,
				"unit \"%s\" (%s, %s) is listed twice",
				u->unit[i].f[MONEV_UL_UNIT],
				u->unit[i].f[MONEV_UL_DESA],
				u->unit[i].f[MONEV_UL_KAB]);
}

void monev_units_free(monev_units *u)
{
	for (size_t i = 0; i < u->n; i++)
		for (int j = 0; j < MONEV_UL_N; j++) {
			free(u->unit[i].f[j]);
			free(u->unit[i].key[j]);
		}
	free(u->unit);
	memset(u, 0, sizeof *u);
}
