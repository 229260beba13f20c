/* inputs.c - the CSV files of the other tools, read for a report (see
 * report.h). Columns are found by name (with the other tools' own
 * aliases); a file that lacks what the option expects dies 65 naming
 * the missing columns and the tool that writes the file. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static ibm_csv *open_with(const char *path, const ibm_csv_opts *o,
			  const ibm_colspec *spec, size_t n, int *idx,
			  const char *what)
{
	ibm_csv *r = ibm_csv_xopen(path, o);

	if (ibm_col_resolve(ibm_csv_name(r), ibm_csv_header(r)->line,
			    ibm_csv_header(r), spec, n, idx) != 0)
		ibm_die(IBM_EX_DATAERR, NULL, 0, "%s", what);
	return r;
}

static char *field(const ibm_rec *rec, int i)
{
	char *s = ibm_xstrdup(i >= 0 ? rec->f[i] : "");

	ibm_fold_space(s);
	return s;
}

/* A number column: NaN when empty; dies 65 when not a number. */
static double num(const ibm_csv *r, const ibm_rec *rec, int i,
		  const char *col)
{
	double v;
	const char *s = i >= 0 ? rec->f[i] : "";
	const char *p = s;

	while (*p == ' ')
		p++;
	if (!*p)
		return NAN;
	if (ibm_parse_number(s, &v, 0) != 0)
		ibm_die_cell(IBM_EX_DATAERR, ibm_csv_name(r), rec->line,
			     (size_t)i, "%s is not a number: %s", col, s);
	return v;
}

static int blank(const ibm_rec *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		for (const char *c = rec->f[i]; *c; c++)
			if (*c != ' ' && *c != '\t')
				return 0;
	return 1;
}

/* -------------------------------------------------------- participants */

void rp_read_people(const char *path, const ibm_csv_opts *o,
		    rp_person **out, size_t *n)
{
	static const ibm_colspec spec[] = {
		{ "participant_id", 1 },
		{ "nama|nama lengkap|name", 1 },
		{ "jabatan|position", 0 },
		{ "unit_ibm|unit|nama unit", 0 },
		{ "desa_kelurahan|kelurahan|desa", 0 },
		{ "kecamatan", 0 },
		{ "kabupaten_kota|kabupaten|kota", 0 },
		{ "jenis_kelamin|l/p|jk|gender", 0 },
	};
	int idx[8];
	ibm_csv *r = open_with(path, o, spec, 8, idx, "--participants "
			       "expects the standard output of ibm-invite");
	const ibm_rec *rec;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	while (ibm_csv_xread(r, &rec) > 0) {
		rp_person p;

		if (blank(rec))
			continue;
		p.id = field(rec, idx[0]);
		p.nama = field(rec, idx[1]);
		p.jabatan = field(rec, idx[2]);
		p.unit = field(rec, idx[3]);
		p.desa = field(rec, idx[4]);
		p.kecamatan = field(rec, idx[5]);
		p.kabupaten = field(rec, idx[6]);
		p.jk = field(rec, idx[7]);
		ibm_grow((void **)out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = p;
	}
	ibm_csv_close(r);
}

void rp_people_free(rp_person *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].nama);
		free(p[i].jabatan);
		free(p[i].unit);
		free(p[i].desa);
		free(p[i].kecamatan);
		free(p[i].kabupaten);
		free(p[i].jk);
		free(p[i].id);
	}
	free(p);
}

/* -------------------------------------------------------------- scores */

void rp_read_scores(const char *path, const ibm_csv_opts *o,
		    rp_score **out, size_t *n)
{
	static const ibm_colspec spec[] = {
		{ "name|nama", 1 },
		{ "pre_score", 1 },
		{ "post_score", 1 },
		{ "max_score", 1 },
		{ "pre_percent", 0 },
		{ "post_percent", 0 },
		{ "n_gain", 0 },
		{ "n_gain_category", 0 },
	};
	int idx[8];
	ibm_csv *r = open_with(path, o, spec, 8, idx, "--scores expects the "
			       "standard output of ibm-score --pre/--post");
	const ibm_rec *rec;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	while (ibm_csv_xread(r, &rec) > 0) {
		rp_score s;

		if (blank(rec))
			continue;
		s.name = field(rec, idx[0]);
		s.pre = num(r, rec, idx[1], "pre_score");
		s.post = num(r, rec, idx[2], "post_score");
		s.max = num(r, rec, idx[3], "max_score");
		s.pre_pct = num(r, rec, idx[4], "pre_percent");
		s.post_pct = num(r, rec, idx[5], "post_percent");
		s.ngain = num(r, rec, idx[6], "n_gain");
		s.cat = field(rec, idx[7]);
		if (isnan(s.pre_pct) && !isnan(s.pre) && s.max > 0)
			s.pre_pct = 100 * s.pre / s.max;
		if (isnan(s.post_pct) && !isnan(s.post) && s.max > 0)
			s.post_pct = 100 * s.post / s.max;
		ibm_grow((void **)out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = s;
	}
	ibm_csv_close(r);
}

void rp_scores_free(rp_score *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].name);
		free(s[i].cat);
	}
	free(s);
}

/* --------------------------------------------------------------- items */

void rp_read_items(const char *path, const ibm_csv_opts *o, rp_item **out,
		   size_t *n)
{
	static const ibm_colspec spec[] = {
		{ "number|nomor|no", 1 },
		{ "question|soal|pertanyaan", 1 },
		{ "pre_p", 0 },
		{ "post_p|p", 1 },
		{ "post_wrong_answer|wrong_answer", 0 },
	};
	int idx[5];
	ibm_csv *r = open_with(path, o, spec, 5, idx, "--items expects the "
			       "--items file of ibm-score --pre/--post");
	const ibm_rec *rec;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	while (ibm_csv_xread(r, &rec) > 0) {
		rp_item it;

		if (blank(rec))
			continue;
		it.number = field(rec, idx[0]);
		it.question = field(rec, idx[1]);
		it.pre_p = num(r, rec, idx[2], "pre_p");
		it.post_p = num(r, rec, idx[3], "post_p");
		it.wrong = field(rec, idx[4]);
		ibm_grow((void **)out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = it;
	}
	ibm_csv_close(r);
}

void rp_items_free(rp_item *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].number);
		free(s[i].question);
		free(s[i].wrong);
	}
	free(s);
}

/* ------------------------------------------------------------- summary */

void rp_read_summary(const char *path, const ibm_csv_opts *o,
		     const char *const *need, rp_stat **out, size_t *n)
{
	static const ibm_colspec spec[] = {
		{ "statistic", 1 },
		{ "value", 1 },
	};
	int idx[2];
	ibm_csv *r = open_with(path, o, spec, 2, idx, "--summary expects the "
			       "--summary file of ibm-score --pre/--post");
	const ibm_rec *rec;
	size_t cap = 0;
	char *name = ibm_xstrdup(ibm_csv_name(r));
	char missing[512] = "";
	size_t nmiss = 0;

	*out = NULL;
	*n = 0;
	while (ibm_csv_xread(r, &rec) > 0) {
		rp_stat s;

		if (blank(rec))
			continue;
		s.name = field(rec, idx[0]);
		s.text = field(rec, idx[1]);
		/* some statistics are words (n_gain_band) */
		if (ibm_parse_number(rec->f[idx[1]], &s.v, 0) != 0)
			s.v = NAN;
		ibm_grow((void **)out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = s;
	}
	ibm_csv_close(r);
	for (size_t i = 0; need[i]; i++) {
		int found = 0;

		for (size_t k = 0; k < *n && !found; k++)
			found = strcmp((*out)[k].name, need[i]) == 0;
		if (!found) {
			size_t l = strlen(missing);

			snprintf(missing + l, sizeof missing - l, "%s%s",
				 nmiss++ ? ", " : "", need[i]);
		}
	}
	if (nmiss) {
		ibm_error(name, 0, "missing statistic%s: %s",
			  nmiss > 1 ? "s" : "", missing);
		free(name);
		ibm_die(IBM_EX_DATAERR, NULL, 0, "--summary expects the "
			"--summary file of ibm-score --pre/--post");
	}
	free(name);
}

double rp_stat_get(const rp_stat *s, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].name, name) == 0)
			return s[i].v;
	return NAN;
}

const char *rp_stat_text(const rp_stat *s, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].name, name) == 0)
			return s[i].text[0] ? s[i].text : NULL;
	return NULL;
}

void rp_stats_free(rp_stat *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].name);
		free(s[i].text);
	}
	free(s);
}

/* --------------------------------------------------------------- units */

/* "skor_tata_kelola" -> "Tata Kelola" */
static char *group_label(const char *h)
{
	char *s = ibm_xstrdup(h + 5), *t;

	for (char *p = s; *p; p++)
		if (*p == '_' || *p == ' ')
			*p = ' ';
	ibm_fold_space(s);
	t = ibm_title_case(s);
	free(s);
	return t;
}

void rp_read_units(const char *path, const ibm_csv_opts *o, rp_units *u)
{
	static const ibm_colspec spec[] = {
		{ "nama_unit|unit|unit_ibm", 1 },
		{ "kabupaten_kota|kabupaten|kota", 1 },
		{ "fase|phase", 1 },
		{ "skor_total", 1 },
		{ "provinsi", 0 },
		{ "satker|satuan kerja", 0 },
		{ "kecamatan", 0 },
		{ "desa_kelurahan|desa|kelurahan", 0 },
		{ "tanggal_monev|tanggal", 0 },
		{ "petugas", 0 },
		{ "periode", 0 },
		{ "kurang_untuk_fase_berikut", 0 },
		{ "fase_sebelumnya|fase_lalu|fase_periode_lalu|previous_phase",
		  0 },
		{ "dikunjungi|visited", 0 },
	};
	enum { NS = 14 };
	int idx[NS], *gidx = NULL;
	ibm_csv *r = open_with(path, o, spec, NS, idx, "--units expects the "
			       "standard output of ibm-monev");
	const ibm_rec *hdr = ibm_csv_header(r), *rec;

	memset(u, 0, sizeof *u);
	u->has_prev = idx[12] >= 0;
	u->has_visit = idx[13] >= 0;
	for (size_t i = 0; i < hdr->n; i++) {
		char *k = ibm_name_key(hdr->f[i]);

		if (strncmp(k, "skor", 4) == 0 && strcmp(k, "skortotal") != 0 &&
		    strlen(hdr->f[i]) > 5) {
			u->groups = ibm_xrealloc(u->groups, (u->ngroup + 1) *
						 sizeof *u->groups);
			gidx = ibm_xrealloc(gidx, (u->ngroup + 1) *
					    sizeof *gidx);
			u->groups[u->ngroup] = group_label(hdr->f[i]);
			gidx[u->ngroup++] = (int)i;
		}
		free(k);
	}
	while (ibm_csv_xread(r, &rec) > 0) {
		rp_unit x;

		if (blank(rec))
			continue;
		x.nama = field(rec, idx[0]);
		x.kab = field(rec, idx[1]);
		x.fase = field(rec, idx[2]);
		x.total = num(r, rec, idx[3], "skor_total");
		x.prov = field(rec, idx[4]);
		x.satker = field(rec, idx[5]);
		x.kec = field(rec, idx[6]);
		x.desa = field(rec, idx[7]);
		x.tanggal = field(rec, idx[8]);
		x.petugas = field(rec, idx[9]);
		x.periode = field(rec, idx[10]);
		x.kurang = field(rec, idx[11]);
		x.fase_lalu = field(rec, idx[12]);
		if (!x.nama[0])
			ibm_die_cell(IBM_EX_DATAERR, ibm_csv_name(r),
				     rec->line, (size_t)idx[0],
				     "empty nama_unit");
		if (idx[13] >= 0) {
			int y = ibm_parse_yesno(rec->f[idx[13]]);

			if (y < 0)
				ibm_die_cell(IBM_EX_DATAERR, ibm_csv_name(r),
					     rec->line, (size_t)idx[13],
					     "dikunjungi is not yes or no: %s",
					     rec->f[idx[13]]);
			x.visited = y;
		} else {
			x.visited = idx[8] < 0 || x.tanggal[0] != '\0';
		}
		x.grp = ibm_xmalloc((u->ngroup ? u->ngroup : 1) *
				    sizeof *x.grp);
		for (size_t g = 0; g < u->ngroup; g++)
			x.grp[g] = num(r, rec, gidx[g], hdr->f[gidx[g]]);
		ibm_grow((void **)&u->u, &u->cap, u->n + 1, sizeof *u->u);
		u->u[u->n++] = x;
	}
	ibm_csv_close(r);
	free(gidx);
}

void rp_units_free(rp_units *u)
{
	for (size_t i = 0; i < u->n; i++) {
		rp_unit *x = &u->u[i];

		free(x->prov);
		free(x->kab);
		free(x->satker);
		free(x->kec);
		free(x->desa);
		free(x->nama);
		free(x->tanggal);
		free(x->petugas);
		free(x->periode);
		free(x->fase);
		free(x->kurang);
		free(x->fase_lalu);
		free(x->grp);
	}
	free(u->u);
	for (size_t g = 0; g < u->ngroup; g++)
		free(u->groups[g]);
	free(u->groups);
}
