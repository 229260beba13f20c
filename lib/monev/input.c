/*
 * input.c - reading Monev form CSVs: columns by name and alias,
 * cleaning identity fields, yes/no and count cells, units per period
 * (the latest visit wins), and aggregates per district or province.
 */
#define _POSIX_C_SOURCE 200809L
#include "monev.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const monev_id_names[MONEV_NID] = {
	"provinsi", "kabupaten_kota", "satker", "kecamatan", "desa_kelurahan",
	"nama_unit", "tanggal_monev", "petugas", "tahun_berdiri"
};

const char *const monev_id_labels[MONEV_NID] = {
	"Provinsi", "Kabupaten/Kota", "Satker", "Kecamatan", "Desa/Kelurahan",
	"Nama Unit", "Tanggal Monev", "Petugas", "Tahun Berdiri"
};

static const ibm_colspec id_cols[MONEV_NID] = {
	{ "provinsi|propinsi|province|prov", 1 },
	{ "kabupaten_kota|kabupaten/kota|kab/kota|kabupaten|kota|kab kota|"
	  "regency/city|district|regency|city", 1 },
	{ "satker|satuan kerja|kantor|bnnp/bnnk|bnnk|office|work unit", 0 },
	{ "kecamatan|kec|sub-district|subdistrict", 0 },
	{ "desa_kelurahan|desa/kelurahan|desa|kelurahan|village", 1 },
	{ "nama_unit|nama unit ibm|unit ibm|unit|ibm unit|unit name", 1 },
	{ "tanggal_monev|tanggal monev|tgl monev|tanggal kunjungan|tanggal|"
	  "monitoring date|visit date|date", 1 },
	{ "petugas|nama petugas|petugas monev|officer|monitoring officer|"
	  "evaluator", 0 },
	{ "tahun_berdiri|tahun berdiri|tahun pembentukan|tahun dibentuk|"
	  "year established|established", 0 },
};

void monev_data_init(monev_data *d, const monev_spec *s)
{
	memset(d, 0, sizeof *d);
	d->spec = s;
}

/* Append the key of s to b (ASCII fast path; ibm_lower for the rest). */
static void key_into(char **b, size_t *cap, size_t *n, const char *s)
{
	size_t len = strlen(s), o = *n;
	int space = 1;
	char *low = NULL;
	const char *p;

	for (p = s; *p; p++)
		if ((unsigned char)*p >= 0x80)
			break;
	if (*p)
		s = low = ibm_lower(s);
	ibm_grow((void **)b, cap, o + len + 12, 1);
	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c >= 0x80 || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9')) {
			(*b)[o++] = (char)c;
			space = 0;
		} else if (!space) {
			(*b)[o++] = ' ';
			space = 1;
		}
	}
	if (o > *n && (*b)[o - 1] == ' ')
		o--;
	(*b)[o] = '\0';
	/* "kab sumbawa" = "kabupaten sumbawa" */
	if (o - *n >= 4 && strncmp(*b + *n, "kab ", 4) == 0) {
		memmove(*b + *n + 9, *b + *n + 3, o - *n - 3 + 1);
		memcpy(*b + *n, "kabupaten", 9);
		o += 6;
	}
	*n = o;
	free(low);
}

char *monev_key(const char *s)
{
	char *b = NULL;
	size_t cap = 0, n = 0;

	key_into(&b, &cap, &n, s);
	return b;
}

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void rehash(monev_data *d)
{
	size_t cap = d->hcap ? d->hcap * 2 : 1024;

	free(d->hash);
	d->hash = ibm_xcalloc(cap, sizeof *d->hash);
	d->hcap = cap;
	for (size_t i = 0; i < d->nunits; i++) {
		size_t h = hash_str(d->units[i].key) & (cap - 1);

		while (d->hash[h])
			h = (h + 1) & (cap - 1);
		d->hash[h] = i + 1;
	}
}

/* The slot of key: the unit's index + 1, or 0 with *slot free. */
static size_t lookup(monev_data *d, const char *key, size_t *slot)
{
	size_t h;

	if ((d->nunits + 1) * 2 > d->hcap)
		rehash(d);
	h = hash_str(key) & (d->hcap - 1);
	while (d->hash[h]) {
		if (strcmp(d->units[d->hash[h] - 1].key, key) == 0)
			break;
		h = (h + 1) & (d->hcap - 1);
	}
	*slot = h;
	return d->hash[h];
}

static void unit_set(monev_data *d, monev_unit *u, const monev_row *row)
{
	for (int i = 0; i < MONEV_NID; i++) {
		free(u->id[i]);
		u->id[i] = ibm_xstrdup(row->id[i]);
	}
	u->date = row->date;
	u->has_date = row->has_date;
	memcpy(u->period, row->period, sizeof u->period);
	u->file_index = row->file_index;
	u->line = row->line;
	if (!u->val)
		u->val = ibm_xcalloc(d->spec->nind + 1, sizeof *u->val);
	memcpy(u->val, row->val, d->spec->nind * sizeof *u->val);
}

static void add_unit(monev_data *d, const monev_row *row)
{
	size_t n = 0, slot, at;
	char *key;
	static const int parts[4] = { MONEV_PROV, MONEV_KAB, MONEV_DESA,
				      MONEV_UNIT };

	for (int i = 0; i < 4; i++) {
		key_into(&d->kbuf, &d->kcap, &n, row->id[parts[i]]);
		d->kbuf[n++] = '\x1f';
	}
	ibm_grow((void **)&d->kbuf, &d->kcap, n + strlen(row->period) + 1, 1);
	key = d->kbuf;
	strcpy(key + n, row->period);
	at = lookup(d, key, &slot);
	if (at) {
		monev_unit *u = &d->units[at - 1];
		int newer = !u->has_date ||
			    (row->has_date && ibm_date_cmp(row->date, u->date) >= 0);
		char d1[16] = "?", d2[16] = "?";
		char wplace[64];

		if (row->has_date)
			ibm_date_iso(d1, sizeof d1, row->date);
		if (u->has_date)
			ibm_date_iso(d2, sizeof d2, u->date);
		snprintf(wplace, sizeof wplace, "%ld", newer ? row->line : u->line);
		ibm_warn(row->file, row->line,
			 "unit \"%s\" (%s, %s) is twice in period %s: here "
			 "(%s) and at %s:%ld (%s); the later visit, %s:%s, "
			 "counts",
			 row->id[MONEV_UNIT], row->id[MONEV_DESA],
			 row->id[MONEV_KAB], *row->period ? row->period : "?",
			 d1, d->files[u->file_index], u->line, d2,
			 newer ? row->file : d->files[u->file_index], wplace);
		if (newer)
			unit_set(d, u, row);
		return;
	}
	ibm_grow((void **)&d->units, &d->ucap, d->nunits + 1,
		 sizeof *d->units);
	memset(&d->units[d->nunits], 0, sizeof *d->units);
	d->units[d->nunits].key = ibm_xstrdup(key);
	unit_set(d, &d->units[d->nunits], row);
	d->hash[slot] = ++d->nunits;
}

/* A cell that cannot be read: an error, or with --lenient a warning. */
static void bad_cell(monev_data *d, const char *file, long line, int col,
		     const char *colname, const char *what, const char *v)
{
	char place[4200];

	snprintf(place, sizeof place, "%s:%ld:%d", file, line, col + 1);
	if (d->lenient && v)
		ibm_warn(place, 0, "%s: %s: \"%s\"; left empty", colname,
			 what, v);
	else if (d->lenient)
		ibm_warn(place, 0, "%s: %s", colname, what);
	else if (v)
		ibm_error(place, 0, "%s: %s: \"%s\"", colname, what, v);
	else
		ibm_error(place, 0, "%s: %s", colname, what);
	if (!d->lenient)
		d->bad_cells++;
}

/* Fast yes/no for the common spellings, ibm_parse_yesno for the rest. */
static int yesno(const char *s)
{
	switch (s[0]) {
	case '\0': return 0;
	case '1': if (!s[1]) return 1; break;
	case '0': if (!s[1]) return 0; break;
	case 'Y': if (!strcmp(s, "Ya") || !s[1]) return 1; break;
	case 'T': if (!strcmp(s, "Tidak") || !s[1]) return 0; break;
	default: break;
	}
	return ibm_parse_yesno(s);
}

static char *clean_copy(char *dst, const char *s)
{
	strcpy(dst, s);
	return ibm_fold_space(dst);
}

void monev_read(monev_data *d, const char *path)
{
	const monev_spec *s = d->spec;
	ibm_csv_opts co = d->csv;
	ibm_csv *r;
	const ibm_rec *h, *rec;
	const char *name;
	int idcol[MONEV_NID], *icol;
	double *val = ibm_xcalloc(s->nind + 1, sizeof *val);
	char *buf = NULL;
	size_t bufcap = 0, fi;
	monev_row row;

	/* the header is the row with the identity columns */
	co.need = id_cols;
	co.nneed = MONEV_NID;
	r = ibm_csv_xopen(path, &co);
	h = ibm_csv_header(r);
	name = ibm_csv_name(r);

	ibm_grow((void **)&d->files, &d->fcap, d->nfiles + 1,
		 sizeof *d->files);
	d->rows = ibm_xrealloc(d->rows, d->fcap * sizeof *d->rows);
	fi = d->nfiles++;
	d->files[fi] = ibm_xstrdup(name);
	d->rows[fi] = 0;
	if (ibm_col_resolve(name, h->line, h, id_cols, MONEV_NID, idcol) < 0)
		exit(IBM_EX_DATAERR);
	icol = ibm_xcalloc(s->nind + 1, sizeof *icol);
	{
		char *miss = NULL;
		size_t mcap = 0, mlen = 0, nmiss = 0;

		for (size_t i = 0; i < s->nind; i++) {
			size_t l;

			icol[i] = ibm_col_find(h, s->ind[i].aliases);
			if (icol[i] >= 0)
				continue;
			l = strlen(s->ind[i].column);
			ibm_grow((void **)&miss, &mcap, mlen + l + 3, 1);
			snprintf(miss + mlen, l + 3, "%s%s", nmiss ? ", " : "",
				 s->ind[i].column);
			mlen += l + (nmiss ? 2 : 0);
			nmiss++;
		}
		if (nmiss)
			ibm_warn(name, h->line,
				 "no column for indicator%s %s; %s 0",
				 nmiss > 1 ? "s" : "", miss,
				 nmiss > 1 ? "they score" : "it scores");
		free(miss);
	}
	memset(&row, 0, sizeof row);
	row.file = name;
	row.file_index = fi;
	row.val = val;
	while (ibm_csv_xread(r, &rec) > 0) {
		size_t need = 0, off = 0;

		for (int i = 0; i < MONEV_NID; i++)
			if (idcol[i] >= 0)
				need += rec->len[idcol[i]] + 1;
		ibm_grow((void **)&buf, &bufcap, need + MONEV_NID, 1);
		for (int i = 0; i < MONEV_NID; i++) {
			if (idcol[i] < 0) {
				row.id[i] = "";
				continue;
			}
			row.id[i] = clean_copy(buf + off, rec->f[idcol[i]]);
			off += rec->len[idcol[i]] + 1;
		}
		row.line = rec->line;
		row.has_date = ibm_date_parse(row.id[MONEV_TANGGAL],
					      &row.date) == 0;
		if (!row.has_date) {
			bad_cell(d, name, rec->line, idcol[MONEV_TANGGAL],
				 monev_id_names[MONEV_TANGGAL],
				 *row.id[MONEV_TANGGAL] ? "not a date" : "empty",
				 *row.id[MONEV_TANGGAL] ? row.id[MONEV_TANGGAL]
							: NULL);
			row.id[MONEV_TANGGAL] = "";
			row.period[0] = '\0';
		} else {
			snprintf(row.period, sizeof row.period, "%04d-S%d",
				 row.date.y % 10000, row.date.m <= 6 ? 1 : 2);
		}
		if (idcol[MONEV_TAHUN] >= 0 && *row.id[MONEV_TAHUN]) {
			long y;

			if (ibm_parse_count(row.id[MONEV_TAHUN], &y) < 0 ||
			    y < 1900 || y > 2999) {
				bad_cell(d, name, rec->line, idcol[MONEV_TAHUN],
					 monev_id_names[MONEV_TAHUN],
					 "not a year", row.id[MONEV_TAHUN]);
				row.id[MONEV_TAHUN] = "";
			}
		}
		for (int i = 0; i < MONEV_NID; i++)
			if (id_cols[i].required && i != MONEV_TANGGAL &&
			    !*row.id[i])
				bad_cell(d, name, rec->line, idcol[i],
					 monev_id_names[i], "empty", NULL);
		for (size_t i = 0; i < s->nind; i++) {
			const char *v;

			val[i] = NAN;
			if (icol[i] < 0)
				continue;
			v = rec->f[icol[i]];
			if (s->ind[i].kind == MONEV_YESNO) {
				int k = yesno(v);

				if (k < 0)
					bad_cell(d, name, rec->line, icol[i],
						 s->ind[i].column,
						 "not yes or no", v);
				else
					val[i] = k;
			} else {
				long n;
				char tmp[64];
				size_t l = rec->len[icol[i]];

				if (l < sizeof tmp) {
					memcpy(tmp, v, l + 1);
					ibm_trim(tmp);
					if (!*tmp)
						continue;
				}
				if (ibm_parse_count(v, &n) < 0)
					bad_cell(d, name, rec->line, icol[i],
						 s->ind[i].column,
						 "not a count", v);
				else
					val[i] = (double)n;
			}
		}
		d->rows[fi]++;
		d->total_rows++;
		if (d->on_row)
			d->on_row(&row, d->arg);
		add_unit(d, &row);
	}
	ibm_csv_close(r);
	free(icol);
	free(val);
	free(buf);
}

static int cmp_unit(const void *pa, const void *pb)
{
	const monev_unit *a = pa, *b = pb;
	int c = strcmp(a->sortkey, b->sortkey);

	return c ? c : strcmp(a->key, b->key);
}

/* Order: province, district, sub-district, village, unit, period. */
static char *sort_key(const monev_unit *u)
{
	static const int order[] = { MONEV_PROV, MONEV_KAB, MONEV_KEC,
				     MONEV_DESA, MONEV_UNIT };
	char *k[5], *key;
	size_t n = strlen(u->period) + 6;

	for (int i = 0; i < 5; i++) {
		k[i] = monev_key(u->id[order[i]]);
		n += strlen(k[i]);
	}
	key = ibm_xmalloc(n);
	snprintf(key, n, "%s\x01%s\x01%s\x01%s\x01%s\x01%s", k[0], k[1], k[2],
		 k[3], k[4], u->period);
	for (int i = 0; i < 5; i++)
		free(k[i]);
	return key;
}

void monev_finish(monev_data *d)
{
	const monev_spec *s = d->spec;

	for (size_t i = 0; i < d->nunits; i++)
		d->units[i].sortkey = sort_key(&d->units[i]);
	if (d->nunits > 1)
		qsort(d->units, d->nunits, sizeof *d->units, cmp_unit);
	free(d->hash);
	d->hash = NULL;
	d->hcap = 0;
	for (size_t i = 0; i < d->nunits; i++) {
		monev_unit *u = &d->units[i];

		u->grp = ibm_xcalloc(s->ngrp + 1, sizeof *u->grp);
		u->phase = monev_score(s, u->val, u->grp, &u->total);
	}
}

void monev_data_free(monev_data *d)
{
	free(d->kbuf);
	for (size_t i = 0; i < d->nunits; i++) {
		for (int k = 0; k < MONEV_NID; k++)
			free(d->units[i].id[k]);
		free(d->units[i].key);
		free(d->units[i].sortkey);
		free(d->units[i].val);
		free(d->units[i].grp);
	}
	for (size_t i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->files);
	free(d->rows);
	free(d->units);
	free(d->hash);
	memset(d, 0, sizeof *d);
}

monev_agg *monev_aggregate(const monev_data *d, int by_kab, size_t *n)
{
	const monev_spec *s = d->spec;
	monev_agg *a = NULL;
	size_t cap = 0, na = 0;
	char *prev = NULL;

	for (size_t i = 0; i < d->nunits; i++) {
		const monev_unit *u = &d->units[i];
		char *kp = monev_key(u->id[MONEV_PROV]);
		char *kk = monev_key(by_kab ? u->id[MONEV_KAB] : "");
		size_t n2 = strlen(kp) + strlen(kk) + 2;
		char *key = ibm_xmalloc(n2);
		monev_agg *g;

		snprintf(key, n2, "%s\x1f%s", kp, kk);
		free(kp);
		free(kk);
		if (!prev || strcmp(prev, key) != 0) {
			ibm_grow((void **)&a, &cap, na + 1, sizeof *a);
			g = &a[na++];
			memset(g, 0, sizeof *g);
			g->prov = u->id[MONEV_PROV];
			g->kab = by_kab ? u->id[MONEV_KAB] : NULL;
			g->first = i;
			g->ind = ibm_xcalloc(s->nind + 1, sizeof *g->ind);
			g->grp_mean = ibm_xcalloc(s->ngrp + 1,
						  sizeof *g->grp_mean);
			g->phase_n = ibm_xcalloc(s->nph + 1,
						 sizeof *g->phase_n);
			free(prev);
			prev = key;
		} else {
			free(key);
		}
		g = &a[na - 1];
		g->nunits++;
		for (size_t k = 0; k < s->nind; k++)
			if (!isnan(u->val[k]))
				g->ind[k] += s->ind[k].kind == MONEV_YESNO
					? (u->val[k] > 0) : u->val[k];
		for (size_t k = 0; k < s->ngrp; k++)
			g->grp_mean[k] += u->grp[k];
		g->total_mean += u->total;
		g->phase_n[u->phase < 0 ? s->nph : (size_t)u->phase]++;
	}
	free(prev);
	for (size_t i = 0; i < na; i++) {
		for (size_t k = 0; k < s->ngrp; k++)
			a[i].grp_mean[k] /= (double)a[i].nunits;
		a[i].total_mean /= (double)a[i].nunits;
	}
	*n = na;
	return a;
}

void monev_agg_free(monev_agg *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(a[i].ind);
		free(a[i].grp_mean);
		free(a[i].phase_n);
	}
	free(a);
}
