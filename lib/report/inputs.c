/* inputs.c - the CSV files of the other tools, read for a report (see
 * report.h). Columns are found by name (with the other tools' own
 * aliases); a file that lacks what the option expects dies 65 naming
 * the missing columns and the tool that writes the file. */
#include "db.h"
#include "report.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* A column of a reader's table: its names (the first is the one messages
 * use), whether the file must have it, and where its value goes in the
 * record: a string (spaces folded; "" when the column is absent) or a
 * number (NaN when empty or absent; not a number dies 65). */
typedef struct rp_col {
	const char *names;
	int required;
	enum { RP_STR, RP_NUM } kind;
	size_t off;
} rp_col;

enum { RP_MAXCOLS = 16 };

#define STR(names, req, type, member) \
	{ names, req, RP_STR, offsetof(type, member) }
#define NUM(names, req, type, member) \
	{ names, req, RP_NUM, offsetof(type, member) }

static int blank(const ibm_rec *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		for (const char *c = rec->f[i]; *c; c++)
			if (*c != ' ' && *c != '\t')
				return 0;
	return 1;
}

static int strict_cells; /* --strict (rp_inputs_strict) */

void rp_inputs_strict(int strict)
{
	strict_cells = strict;
}

/* A number column: NaN when empty; when not a number, an error naming
 * the cell in a required column (*st set to 65), else a warning naming
 * the cell and NaN (an error with --strict, counted for
 * ibm_cell_bad_status). */
static double num(const ibm_csv *r, const ibm_rec *rec, int i,
		  const char *col, int required, int *st)
{
	double v;
	const char *s = i >= 0 ? rec->f[i] : "";
	const char *p = s;

	while (*p == ' ')
		p++;
	if (!*p)
		return NAN;
	if (ibm_parse_number(s, &v, 0) == 0)
		return v;
	if (required) {
		ibm_error_cell(ibm_csv_name(r), rec->line, (size_t)i,
			       "%s is not a number: %s", col, s);
		*st = IBM_EX_DATAERR;
		return NAN;
	}
	ibm_cell_bad(strict_cells, ibm_csv_name(r), rec->line, (size_t)i, col,
		     "not a number", s, "left empty (not in the report)");
	return NAN;
}

/* The name messages use: the first of the column's names. */
static const char *col_label(const rp_col *c, char *buf, size_t size)
{
	size_t n = strcspn(c->names, "|");

	snprintf(buf, size, "%.*s", (int)(n < size ? n : size - 1), c->names);
	return buf;
}

/* Called for every record after its columns are read: further checks and
 * derived values; idx holds the table's column indexes (-1: absent). */
typedef int rp_row_fn(ibm_csv *r, const ibm_rec *rec, const int *idx,
		      void *item, void *ctx);

/* What a reader reads: its columns, the size of its records, what a
 * file lacking a required column is said to expect (which tool writes
 * the file); row (may be NULL) runs on each record after its columns
 * are read (0, or the exit status after printing what is wrong); hdr (may
 * be NULL) on the open file first, for columns found by a pattern (idx
 * as for row). */
typedef struct rp_reader {
	const rp_col *cols;
	size_t ncols, sz;
	const char *what;
	rp_row_fn *row;
	void (*hdr)(ibm_csv *r, const int *idx, void *ctx);
} rp_reader;

/* The reader's columns as the CSV reader's options need them. */
static void reader_spec(const rp_reader *d, ibm_colspec *spec)
{
	for (size_t i = 0; i < d->ncols; i++) {
		spec[i].aliases = d->cols[i].names;
		spec[i].required = d->cols[i].required;
		spec[i].role = NULL;
	}
}

static void reader_opts(const rp_reader *d, const ibm_csv_opts *o,
			ibm_colspec *spec, ibm_csv_opts *so)
{
	reader_spec(d, spec);
	/* the header is the row that holds this input's columns: --header-row
	 * only where that row holds them (one workbook with a title above
	 * its header does not move the header of the CSV files) */
	*so = *o;
	so->need = spec;
	so->nneed = d->ncols;
	so->side = 1;
}

/*
 * Read the non-blank records of an open file into an array of records
 * (*out, *n of them; zeroed, then filled), one rp_col each. Returns 0, or
 * the exit status after printing what is wrong (a missing required
 * column: d->what; 65), with what was read in *out to free.
 */
static int read_rows_csv(ibm_csv *r, const rp_reader *d, void *ctx,
			 void **out, size_t *n)
{
	ibm_colspec spec[RP_MAXCOLS];
	int idx[RP_MAXCOLS], st = 0, k;
	const ibm_rec *rec;
	char *rows = NULL, label[64];
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	reader_spec(d, spec);
	if (ibm_csv_resolve(r, spec, d->ncols, idx) != 0) {
		ibm_error(NULL, 0, "%s", d->what);
		return IBM_EX_DATAERR;
	}
	if (d->hdr)
		d->hdr(r, idx, ctx);
	while (!st && (k = ibm_csv_read(r, &rec)) != 0) {
		char *item;

		if (k < 0) {
			st = ibm_csv_status(r);
			break;
		}
		if (blank(rec))
			continue;
		ibm_grow((void **)&rows, &cap, *n + 1, d->sz);
		*out = rows;
		item = rows + (*n)++ * d->sz;
		memset(item, 0, d->sz);
		for (size_t i = 0; i < d->ncols && !st; i++) {
			const rp_col *c = &d->cols[i];

			if (c->kind == RP_NUM) {
				*(double *)(void *)(item + c->off) =
					num(r, rec, idx[i], col_label(c,
						label, sizeof label),
					    c->required, &st);
			} else {
				*(char **)(void *)(item + c->off) =
					ibm_rec_cell(rec, idx[i]);
			}
		}
		if (!st && d->row)
			st = d->row(r, rec, idx, item, ctx);
	}
	return st ? st : ibm_cell_bad_status();
}

/* The same from path ("-": standard input), dying on errors. */
static void *read_rows(const char *path, const ibm_csv_opts *o,
		       const rp_reader *d, void *ctx, size_t *n)
{
	ibm_colspec spec[RP_MAXCOLS];
	ibm_csv_opts so;
	ibm_csv *r;
	void *out;
	int st;

	reader_opts(d, o, spec, &so);
	r = ibm_csv_xopen(path, &so);
	st = read_rows_csv(r, d, ctx, &out, n);
	ibm_csv_close(r);
	if (st)
		exit(st);
	return out;
}

/* Free the string columns of n records, then the array. */
static void free_rows(void *rows, size_t n, size_t sz, const rp_col *cols,
		      size_t ncols)
{
	for (size_t j = 0; j < n; j++)
		for (size_t i = 0; i < ncols; i++)
			if (cols[i].kind == RP_STR)
				free(*(char **)(void *)((char *)rows + j * sz +
							cols[i].off));
	free(rows);
}

#define NCOLS(a) (sizeof(a) / sizeof(a)[0])

/* -------------------------------------------------------- participants */

static const rp_col people_cols[] = {
	STR("participant_id", 1, rp_person, id),
	STR("nama|nama lengkap|name", 1, rp_person, nama),
	STR("jabatan|position", 0, rp_person, jabatan),
	STR("unit_ibm|unit|nama unit", 0, rp_person, unit),
	STR("desa_kelurahan|kelurahan|desa", 0, rp_person, desa),
	STR("kecamatan", 0, rp_person, kecamatan),
	STR("kabupaten_kota|kabupaten|kota", 0, rp_person, kabupaten),
	STR("jenis_kelamin|l/p|jk|gender", 0, rp_person, jk),
	STR("email|e-mail|email address|alamat email", 0, rp_person, email),
};

static const rp_reader people_reader = {
	people_cols, NCOLS(people_cols), sizeof(rp_person),
	"--participants expects the standard output of ibm-invite", NULL,
	NULL
};

void rp_read_people(const char *path, const ibm_csv_opts *o,
		    rp_person **out, size_t *n)
{
	*out = read_rows(path, o, &people_reader, NULL, n);
}

void rp_people_free(rp_person *p, size_t n)
{
	free_rows(p, n, sizeof *p, people_cols, NCOLS(people_cols));
}

/* -------------------------------------------------------------- scores */

static const rp_col score_cols[] = {
	STR("name|nama", 1, rp_score, name),
	NUM("pre_score", 1, rp_score, pre),
	NUM("post_score", 1, rp_score, post),
	NUM("max_score", 1, rp_score, max),
	NUM("pre_percent", 0, rp_score, pre_pct),
	NUM("post_percent", 0, rp_score, post_pct),
	NUM("n_gain", 0, rp_score, ngain),
	STR("n_gain_category", 0, rp_score, cat),
	/* who: matched to the participants for the turnout */
	STR("participant_id", 0, rp_score, id),
	STR("email|e-mail", 0, rp_score, email),
	STR("status", 0, rp_score, status),
};

/* percentages from the scores when the file has none */
static int score_row(ibm_csv *r, const ibm_rec *rec, const int *idx,
		     void *item, void *ctx)
{
	rp_score *s = item;

	(void)r, (void)rec, (void)idx, (void)ctx;
	if (isnan(s->pre_pct) && !isnan(s->pre) && s->max > 0)
		s->pre_pct = 100 * s->pre / s->max;
	if (isnan(s->post_pct) && !isnan(s->post) && s->max > 0)
		s->post_pct = 100 * s->post / s->max;
	return 0;
}

static const rp_reader score_reader = {
	score_cols, NCOLS(score_cols), sizeof(rp_score),
	"--scores expects the standard output of ibm-score --pre/--post",
	score_row, NULL
};

void rp_read_scores(const char *path, const ibm_csv_opts *o,
		    rp_score **out, size_t *n)
{
	*out = read_rows(path, o, &score_reader, NULL, n);
}

void rp_scores_free(rp_score *s, size_t n)
{
	free_rows(s, n, sizeof *s, score_cols, NCOLS(score_cols));
}

/* --------------------------------------------------------------- items */

static const rp_col item_cols[] = {
	STR("number|nomor|no", 1, rp_item, number),
	STR("question|soal|pertanyaan", 1, rp_item, question),
	NUM("pre_p", 0, rp_item, pre_p),
	NUM("post_p|p", 1, rp_item, post_p),
	STR("post_wrong_answer|wrong_answer", 0, rp_item, wrong),
};

static const rp_reader item_reader = {
	item_cols, NCOLS(item_cols), sizeof(rp_item),
	"--items expects the --items file of ibm-score --pre/--post", NULL,
	NULL
};

void rp_read_items(const char *path, const ibm_csv_opts *o, rp_item **out,
		   size_t *n)
{
	*out = read_rows(path, o, &item_reader, NULL, n);
}

void rp_items_free(rp_item *s, size_t n)
{
	free_rows(s, n, sizeof *s, item_cols, NCOLS(item_cols));
}

/* ------------------------------------------------------------- summary */

static const rp_col stat_cols[] = {
	STR("statistic", 1, rp_stat, name),
	STR("value", 1, rp_stat, text),
};

/* some statistics are words (n_gain_band): NaN */
static int stat_row(ibm_csv *r, const ibm_rec *rec, const int *idx,
		    void *item, void *ctx)
{
	rp_stat *s = item;

	(void)r, (void)ctx;
	if (ibm_parse_number(rec->f[idx[1]], &s->v, IBM_NUM_EXP) != 0)
		s->v = NAN; /* p-values may be 3.612e-10 */
	return 0;
}

/* the file's name, for the message about missing statistics */
static void stat_hdr(ibm_csv *r, const int *idx, void *ctx)
{
	(void)idx;
	*(char **)ctx = ibm_xstrdup(ibm_csv_name(r));
}

static const rp_reader stat_reader = {
	stat_cols, NCOLS(stat_cols), sizeof(rp_stat),
	"--summary expects the --summary file of ibm-score --pre/--post",
	stat_row, stat_hdr
};

void rp_read_summary(const char *path, const ibm_csv_opts *o,
		     const char *const *need, rp_stat **out, size_t *n)
{
	char *name = NULL;
	char missing[512] = "";
	size_t nmiss = 0;

	*out = read_rows(path, o, &stat_reader, &name, n);
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
	free_rows(s, n, sizeof *s, stat_cols, NCOLS(stat_cols));
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

static const rp_col unit_cols[] = {
	STR("nama_unit|unit|unit_ibm", 1, rp_unit, nama),
	STR("kabupaten_kota|kabupaten|kota", 1, rp_unit, kab),
	STR("fase|phase", 1, rp_unit, fase),
	NUM("skor_total", 1, rp_unit, total),
	STR("provinsi", 0, rp_unit, prov),
	STR("satker|satuan kerja", 0, rp_unit, satker),
	STR("kecamatan", 0, rp_unit, kec),
	STR("desa_kelurahan|desa|kelurahan", 0, rp_unit, desa),
	STR("tanggal_monev|tanggal", 0, rp_unit, tanggal),
	STR("petugas", 0, rp_unit, petugas),
	STR("periode", 0, rp_unit, periode),
	STR("kurang_untuk_fase_berikut", 0, rp_unit, kurang),
	STR("fase_sebelumnya|fase_lalu|fase_periode_lalu|previous_phase", 0,
	    rp_unit, fase_lalu),
	/* read in unit_row */
	STR("dikunjungi|visited", 0, rp_unit, visited_text),
	STR("terdaftar|listed", 0, rp_unit, listed_text),
};
enum { U_TANGGAL = 8, U_PREV = 12, U_VISITED = 13, U_LISTED = 14 };

typedef struct units_ctx {
	rp_units *u;
	int *gidx;                       /* the skor_* columns */
} units_ctx;

/* the skor_GROUP columns of the header */
static void units_hdr(ibm_csv *r, const int *idx, void *ctx)
{
	units_ctx *c = ctx;
	const ibm_rec *hdr = ibm_csv_header(r);
	rp_units *u = c->u;

	u->has_prev = idx[U_PREV] >= 0;
	u->has_visit = idx[U_VISITED] >= 0;
	for (size_t i = 0; i < hdr->n; i++) {
		char *k = ibm_name_key(hdr->f[i]);

		if (strncmp(k, "skor", 4) == 0 && strcmp(k, "skortotal") != 0 &&
		    strlen(hdr->f[i]) > 5) {
			u->groups = ibm_xrealloc(u->groups, (u->ngroup + 1) *
						 sizeof *u->groups);
			c->gidx = ibm_xrealloc(c->gidx, (u->ngroup + 1) *
					       sizeof *c->gidx);
			u->groups[u->ngroup] = group_label(hdr->f[i]);
			c->gidx[u->ngroup++] = (int)i;
		}
		free(k);
	}
}

static int unit_row(ibm_csv *r, const ibm_rec *rec, const int *idx,
		    void *item, void *ctx)
{
	units_ctx *c = ctx;
	rp_unit *x = item;
	const ibm_rec *hdr = ibm_csv_header(r);

	int st = 0;

	if (!x->nama[0]) {
		ibm_error_cell(ibm_csv_name(r), rec->line, (size_t)idx[0],
			       "empty nama_unit");
		return IBM_EX_DATAERR;
	}
	if (idx[U_VISITED] >= 0) {
		int y = ibm_parse_yesno(rec->f[idx[U_VISITED]]);

		if (y < 0) {
			ibm_error_cell(ibm_csv_name(r), rec->line,
				       (size_t)idx[U_VISITED],
				       "dikunjungi is not yes or no: %s",
				       rec->f[idx[U_VISITED]]);
			return IBM_EX_DATAERR;
		}
		x->visited = y;
	} else {
		/* no date, no score and no phase: a listed unit not
		 * visited */
		x->visited = idx[U_TANGGAL] < 0 || x->tanggal[0] != '\0' ||
			     !isnan(x->total) || x->fase[0] != '\0';
	}
	x->listed = 1;
	if (idx[U_LISTED] >= 0) {
		int y = ibm_parse_yesno(rec->f[idx[U_LISTED]]);

		if (y < 0) {
			ibm_error_cell(ibm_csv_name(r), rec->line,
				       (size_t)idx[U_LISTED],
				       "terdaftar is not yes or no: %s",
				       rec->f[idx[U_LISTED]]);
			return IBM_EX_DATAERR;
		}
		x->listed = y;
	}
	x->grp = ibm_xmalloc((c->u->ngroup ? c->u->ngroup : 1) *
			     sizeof *x->grp);
	for (size_t g = 0; g < c->u->ngroup && !st; g++)
		x->grp[g] = num(r, rec, c->gidx[g], hdr->f[c->gidx[g]], 1,
				&st);
	return st;
}

static const rp_reader unit_reader = {
	unit_cols, NCOLS(unit_cols), sizeof(rp_unit),
	"--units expects the standard output of ibm-monev", unit_row,
	units_hdr
};

void rp_read_units(const char *path, const ibm_csv_opts *o, rp_units *u)
{
	units_ctx c;

	memset(u, 0, sizeof *u);
	c.u = u;
	c.gidx = NULL;
	u->u = read_rows(path, o, &unit_reader, &c, &u->n);
	free(c.gidx);
}

typedef struct db_units {
	rp_units *u;
	size_t cap;
} db_units;

static void take_visit(const db_visit *v, void *arg)
{
	db_units *c = arg;
	rp_units *U = c->u;
	rp_unit *x;

	ibm_grow((void **)&U->u, &c->cap, U->n + 1, sizeof *U->u);
	x = &U->u[U->n++];
	memset(x, 0, sizeof *x);
	/* v->id: provinsi, kabupaten_kota, satker, kecamatan,
	 * desa_kelurahan, nama_unit, tanggal_monev, petugas, tahun_berdiri */
	x->prov = ibm_xstrdup(v->id[0]);
	x->kab = ibm_xstrdup(v->id[1]);
	x->satker = ibm_xstrdup(v->id[2]);
	x->kec = ibm_xstrdup(v->id[3]);
	x->desa = ibm_xstrdup(v->id[4]);
	x->nama = ibm_xstrdup(v->id[5]);
	x->tanggal = ibm_xstrdup(v->id[6]);
	x->petugas = ibm_xstrdup(v->id[7]);
	x->periode = ibm_xstrdup(v->periode);
	x->fase = ibm_xstrdup(v->fase);
	x->kurang = ibm_xstrdup(v->kurang);
	x->fase_lalu = ibm_xstrdup("");
	x->visited_text = ibm_xstrdup("");
	x->listed_text = ibm_xstrdup("");
	x->total = v->total;
	x->visited = 1;
	x->listed = 1;
	x->grp = ibm_xmalloc((U->ngroup ? U->ngroup : 1) * sizeof *x->grp);
	for (size_t g = 0; g < U->ngroup; g++) {
		x->grp[g] = NAN;
		for (size_t j = 0; j < v->nval; j++) {
			char *k = ibm_name_key(v->col[j]);
			int is_group = strncmp(k, "skor", 4) == 0 &&
				       strcmp(k, "skortotal") != 0 &&
				       strlen(v->col[j]) > 5;
			char *label = is_group ? group_label(v->col[j]) : NULL;
			double d;

			if (label && strcmp(label, U->groups[g]) == 0 &&
			    ibm_parse_number(v->val[j], &d, 0) == 0)
				x->grp[g] = d;
			free(label);
			free(k);
		}
	}
}

void rp_units_from_db(rp_units *u, const char *path)
{
	char (*per)[16] = ibm_xcalloc(u->n + 1, sizeof *per);
	size_t np = 0;
	const char *latest = "";
	db_units c = { u, u->n };
	db_file *d;

	/* the CSV's periods: the database gives those before the latest
	 * that the CSV has not */
	for (size_t i = 0; i < u->n; i++) {
		size_t j = 0;

		if (!u->u[i].periode[0])
			ibm_die(IBM_EX_DATAERR, path, 0, "--db: the units' "
				"file has no periode (ibm-monev writes it): "
				"the periods before it cannot be told");
		while (j < np && strcmp(per[j], u->u[i].periode))
			j++;
		if (j == np)
			snprintf(per[np++], sizeof *per, "%s",
				 u->u[i].periode);
		if (strcmp(u->u[i].periode, latest) > 0)
			latest = u->u[i].periode;
	}
	d = db_open(path, DB_READ, DB_WAIT_DEFAULT);
	db_each_visit(d, latest, (const char (*)[16])per, np, take_visit, &c);
	db_commit(d);
	free(per);
}

void rp_units_free(rp_units *u)
{
	for (size_t i = 0; i < u->n; i++)
		free(u->u[i].grp);
	free_rows(u->u, u->n, sizeof *u->u, unit_cols, NCOLS(unit_cols));
	for (size_t g = 0; g < u->ngroup; g++)
		free(u->groups[g]);
	free(u->groups);
}

/* -------------------------------------------------------------- survey */

static const rp_col survey_cols[] = {
	STR("bagian|part", 1, rp_survey_row, bagian),
	STR("nama|name", 1, rp_survey_row, nama),
	STR("aspek|aspect", 0, rp_survey_row, aspek),
	NUM("n", 0, rp_survey_row, n),
	NUM("rata_rata|rata-rata|mean", 1, rp_survey_row, rata),
	STR("mutu|grade", 0, rp_survey_row, mutu),
	STR("kinerja|performance", 0, rp_survey_row, kinerja),
};

static const rp_reader survey_reader = {
	survey_cols, NCOLS(survey_cols), sizeof(rp_survey_row),
	"--survey expects the standard output of ibm-survey", NULL, NULL
};

void rp_read_survey(const char *path, const ibm_csv_opts *o,
		    rp_survey_row **out, size_t *n)
{
	*out = read_rows(path, o, &survey_reader, NULL, n);
	if (!*n)
		ibm_die(IBM_EX_DATAERR, path, 0, "no rows; --survey expects "
			"the standard output of ibm-survey");
}

void rp_survey_free(rp_survey_row *s, size_t n)
{
	free_rows(s, n, sizeof *s, survey_cols, NCOLS(survey_cols));
}

/* ------------------------------------------------------------ captions */

static const rp_col caption_cols[] = {
	STR("foto|file|berkas|nama berkas|nama file|file name|photo", 1,
	    rp_photo_caption, file),
	STR("keterangan|caption|judul|deskripsi|description", 1,
	    rp_photo_caption, text),
};

/* the line of each caption, for the warning about a photo not there */
static int caption_row(ibm_csv *r, const ibm_rec *rec, const int *idx,
		       void *item, void *ctx)
{
	rp_photo_caption *c = item;

	(void)r, (void)idx, (void)ctx;
	c->line = rec->line;
	c->used = 0;
	return 0;
}

static const rp_reader caption_reader = {
	caption_cols, NCOLS(caption_cols), sizeof(rp_photo_caption),
	"the photos' captions need the columns foto and keterangan",
	caption_row, NULL
};

void rp_read_captions(const char *path, rp_photo_caption **out, size_t *n)
{
	ibm_csv_opts o = { 0 };

	*out = read_rows(path, &o, &caption_reader, NULL, n);
}

void rp_captions_free(rp_photo_caption *c, size_t n)
{
	free_rows(c, n, sizeof *c, caption_cols, NCOLS(caption_cols));
}

/* ----------------------------------------------------------------- spj */

static const rp_col spj_cols[] = {
	STR("jenis|kind", 1, rp_pay_row, jenis),
	NUM("bruto|gross", 1, rp_pay_row, bruto),
	NUM("pph21|pph 21|tax", 1, rp_pay_row, pph21),
	NUM("neto|net", 1, rp_pay_row, neto),
	STR("keterangan|note", 0, rp_pay_row, keterangan),
};

static const rp_reader spj_reader = {
	spj_cols, NCOLS(spj_cols), sizeof(rp_pay_row),
	"--spj expects the standard output of ibm-spj", NULL, NULL
};

void rp_read_spj(const char *path, const ibm_csv_opts *o, rp_pay_row **out,
		 size_t *n)
{
	*out = read_rows(path, o, &spj_reader, NULL, n);
	if (!*n)
		ibm_die(IBM_EX_DATAERR, path, 0, "no rows; --spj expects the "
			"standard output of ibm-spj");
}

void rp_spj_free(rp_pay_row *s, size_t n)
{
	free_rows(s, n, sizeof *s, spj_cols, NCOLS(spj_cols));
}

/* --------------------------------------------------------- from memory */

int rp_read_mem(rp_input kind, const char *name, const char *text,
		size_t len, const ibm_csv_opts *o)
{
	static const rp_reader *const readers[] = {
		[RP_IN_PEOPLE] = &people_reader,
		[RP_IN_SCORES] = &score_reader,
		[RP_IN_ITEMS] = &item_reader,
		[RP_IN_SUMMARY] = &stat_reader,
		[RP_IN_UNITS] = &unit_reader,
		[RP_IN_SURVEY] = &survey_reader,
		[RP_IN_CAPTIONS] = &caption_reader,
		[RP_IN_SPJ] = &spj_reader,
	};
	const rp_reader *d = readers[kind];
	ibm_colspec spec[RP_MAXCOLS];
	ibm_csv_opts so;
	units_ctx c = { 0 };
	rp_units u = { 0 };
	char *sname = NULL;
	void *ctx = NULL, *rows;
	size_t n;
	ibm_csv *r;
	int st;

	reader_opts(d, o, spec, &so);
	r = ibm_csv_open_mem(name, text, len, &so, &st);
	if (!r)
		return st;
	if (kind == RP_IN_UNITS) {
		c.u = &u;
		ctx = &c;
	} else if (kind == RP_IN_SUMMARY) {
		ctx = &sname;
	}
	st = read_rows_csv(r, d, ctx, &rows, &n);
	ibm_csv_close(r);
	if (kind == RP_IN_UNITS) {
		u.u = rows;
		u.n = n;
		rp_units_free(&u);
		free(c.gidx);
	} else {
		free_rows(rows, n, d->sz, d->cols, d->ncols);
	}
	free(sname);
	return st;
}
