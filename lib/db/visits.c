/*
 * visits.c - add monev: ibm-monev's per-unit CSV, one visit per unit and
 * semester; and the visits read back for ibm-monev --db.
 *
 * A unit is known by the identity ibm-monev matches units by (province,
 * district, village and unit name, each as monev_key folds it; the
 * district spelled as monev_district writes it), kept in units.unit_key.
 * A visit is known by its unit and period: adding it again replaces it.
 * The columns of the CSV that are not the identity, the period, the
 * status, the total, the phase and what is missing for the next phase
 * (the group scores, the indicators) are kept by name in visit_values,
 * with their place in the CSV, so that list visits writes them back in
 * the same order. A row of a listed unit that was not visited (no date,
 * no score, or dimonev "tidak") is recorded as not visited, and never
 * replaces a visit of the same period.
 */
#include "dbin.h"
#include "monev.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { V_PERIODE = MONEV_NID, V_STATUS, V_TOTAL, V_FASE, V_KURANG,
       V_DIMONEV, V_N };

static void visit_specs(ibm_colspec *s)
{
	for (int i = 0; i < MONEV_NID; i++)
		s[i] = monev_id_cols[i];
	s[MONEV_TANGGAL].required = 0; /* units not visited have none */
	s[V_PERIODE] = (ibm_colspec){ "periode|period|semester", 0 };
	s[V_STATUS] = (ibm_colspec){ "status|status unit", 0 };
	s[V_TOTAL] = (ibm_colspec){ "skor_total|total score|skor total", 0 };
	s[V_FASE] = (ibm_colspec){ "fase|phase", 0 };
	s[V_KURANG] = (ibm_colspec){ "kurang_untuk_fase_berikut|"
				     "missing for the next phase", 0 };
	s[V_DIMONEV] = (ibm_colspec){ "dimonev|visited|dikunjungi", 0 };
}

/* "2024-S1" from a period column or a date; 0, or -1 when neither reads
 * (a period that does not read is an error the caller names). */
static int row_period(const char *periode, const char *tanggal, char *out)
{
	int y, s;
	ibm_date dt;

	if (*periode) {
		if (monev_period_parse(periode, &y, &s) != 0)
			return -1;
	} else if (*tanggal && ibm_date_parse(tanggal, &dt) == 0) {
		y = dt.y;
		s = dt.m <= 6 ? 1 : 2;
	} else {
		*out = '\0';
		return 0;
	}
	snprintf(out, 16, "%04d-S%d", y, s);
	return 0;
}

/* The offices touched by this add (few: a linear list). */
typedef struct office_set {
	char **v;
	size_t n, cap;
} office_set;

static void touch(db_file *d, office_set *o, const char *office)
{
	for (size_t i = 0; i < o->n; i++)
		if (!strcmp(o->v[i], office))
			return;
	ibm_grow((void **)&o->v, &o->cap, o->n + 1, sizeof *o->v);
	o->v[o->n++] = ibm_xstrdup(office);
	db_touch_office(d, office);
}

typedef struct visit_stmts {
	sqlite3_stmt *unit, *keep, *visited, *del, *ins, *val;
} visit_stmts;

static void prepare(db_file *d, visit_stmts *s)
{
	s->unit = db_prep(d, "INSERT INTO units (unit_key, provinsi, "
		"kabupaten_kota, kecamatan, desa_kelurahan, nama_unit, "
		"tahun_berdiri) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
		"ON CONFLICT (unit_key) DO UPDATE SET provinsi = "
		"excluded.provinsi, kabupaten_kota = excluded.kabupaten_kota, "
		"kecamatan = coalesce(excluded.kecamatan, kecamatan), "
		"desa_kelurahan = excluded.desa_kelurahan, nama_unit = "
		"excluded.nama_unit, tahun_berdiri = "
		"coalesce(excluded.tahun_berdiri, tahun_berdiri) "
		"RETURNING unit_id");
	s->keep = db_prep(d, "INSERT INTO units (unit_key, provinsi, "
		"kabupaten_kota, kecamatan, desa_kelurahan, nama_unit, "
		"tahun_berdiri) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
		"ON CONFLICT (unit_key) DO UPDATE SET unit_key = unit_key "
		"RETURNING unit_id");
	s->visited = db_prep(d, "SELECT 1 FROM visits WHERE unit_id = ?1 AND "
			     "periode = ?2 AND dimonev = 1");
	s->del = db_prep(d, "DELETE FROM visits WHERE unit_id = ?1 AND "
			 "periode = ?2");
	s->ins = db_prep(d, "INSERT INTO visits (unit_id, periode, satker, "
		"dimonev, tanggal_monev, petugas, tahun_berdiri, status, "
		"skor_total, fase, kurang_untuk_fase_berikut, source, added, "
		"provinsi, kabupaten_kota, kecamatan, desa_kelurahan, "
		"nama_unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		"?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
	s->val = db_prep(d, "INSERT OR REPLACE INTO visit_values (visit_id, "
			 "column_name, value, position) VALUES (?1, ?2, ?3, "
			 "?4)");
}

static void finalize(visit_stmts *s)
{
	sqlite3_finalize(s->unit);
	sqlite3_finalize(s->keep);
	sqlite3_finalize(s->visited);
	sqlite3_finalize(s->del);
	sqlite3_finalize(s->ins);
	sqlite3_finalize(s->val);
}

/* The unit's row: made, or updated with this row's spellings (a row of
 * a unit not visited only makes it). */
static long long put_unit(db_file *d, visit_stmts *s, const char *const *v,
			  const char *kab, long tahun, int visited)
{
	char *key = monev_ident(v[MONEV_PROV], kab, v[MONEV_DESA],
				v[MONEV_UNIT]);
	sqlite3_stmt *st = visited ? s->unit : s->keep;
	long long id = -1;

	for (char *p = key; *p; p++)
		if (*p == '\x1f')
			*p = '|';
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	db_bind_text(st, 2, v[MONEV_PROV]);
	db_bind_text(st, 3, kab);
	db_bind_text(st, 4, v[MONEV_KEC]);
	db_bind_text(st, 5, v[MONEV_DESA]);
	db_bind_text(st, 6, v[MONEV_UNIT]);
	if (tahun > 0)
		sqlite3_bind_int64(st, 7, tahun);
	if (db_step(d, st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	free(key);
	return id;
}

/* Is this column one of the named ones (not a value column)? */
static int named_col(const int *idx, int c)
{
	for (int i = 0; i < V_N; i++)
		if (idx[i] == c)
			return 1;
	return 0;
}

/* The state of one reader run. */
typedef struct visit_run {
	db_file *d;
	visit_stmts s;
	office_set offices;
	const char *period;  /* --period, or NULL */
	long other;          /* rows of other periods left out */
	long rows;
} visit_run;

/* One data row; 0 or the exit status (printed). */
static int put_row(visit_run *vr, ibm_csv *r, const ibm_rec *rec,
		   const int *idx, const db_in *in, db_in_buf *buf)
{
	db_file *d = vr->d;
	visit_stmts *s = &vr->s;
	const char *v[V_N], *name = ibm_csv_name(r);
	char per[16], *kab;
	long tahun = 0;
	long long unit, visit;
	double total;
	int dimonev, st;

	for (int i = 0; i < V_N; i++)
		v[i] = db_in_text(rec, idx[i], &buf[i]);
	for (int i = 0; i < MONEV_NID; i++)
		if (monev_id_cols[i].required && i != MONEV_TANGGAL &&
		    !*v[i]) {
			ibm_error_cell(name, rec->line, (size_t)idx[i],
				       "%s is empty", monev_id_names[i]);
			return IBM_EX_DATAERR;
		}
	if (row_period(v[V_PERIODE], v[MONEV_TANGGAL], per) != 0) {
		ibm_error_cell(name, rec->line, (size_t)idx[V_PERIODE],
			       "periode: not a semester such as 2024-S1: %s",
			       v[V_PERIODE]);
		return IBM_EX_DATAERR;
	}
	if (!*per && vr->period)
		snprintf(per, sizeof per, "%s", vr->period);
	if (!*per) {
		ibm_error(name, rec->line, "no periode and no tanggal_monev: "
			  "the semester is not known (--period gives it)");
		return IBM_EX_DATAERR;
	}
	if (vr->period && strcmp(per, vr->period) != 0) {
		vr->other++;
		return 0;
	}
	if ((st = db_in_num(r, rec, idx[V_TOTAL], "skor_total", in,
			    &total)) != 0)
		return st;
	if (*v[MONEV_TAHUN] && (ibm_parse_count(v[MONEV_TAHUN], &tahun) != 0 ||
				tahun < 1900 || tahun > 2999)) {
		if (in->strict) {
			ibm_error_cell(name, rec->line, (size_t)idx[MONEV_TAHUN],
				       "tahun_berdiri: not a year: %s",
				       v[MONEV_TAHUN]);
			return IBM_EX_DATAERR;
		}
		ibm_warn_cell(name, rec->line, (size_t)idx[MONEV_TAHUN],
			      "tahun_berdiri: not a year, left empty: %s",
			      v[MONEV_TAHUN]);
		tahun = 0;
	}
	dimonev = ibm_parse_yesno(v[V_DIMONEV]);
	if (!*v[V_DIMONEV] || dimonev < 0)
		dimonev = *v[MONEV_TANGGAL] || !isnan(total) || *v[V_FASE];
	kab = monev_district(v[MONEV_KAB]);
	unit = put_unit(d, s, v, kab, tahun, dimonev);
	sqlite3_bind_int64(s->visited, 1, unit);
	sqlite3_bind_text(s->visited, 2, per, -1, SQLITE_STATIC);
	st = db_step(d, s->visited) == SQLITE_ROW;
	sqlite3_reset(s->visited);
	if (!dimonev && st) {
		free(kab);
		return 0; /* a visit of the period stays */
	}
	touch(d, &vr->offices, v[MONEV_SATKER]);
	sqlite3_bind_int64(s->del, 1, unit);
	sqlite3_bind_text(s->del, 2, per, -1, SQLITE_STATIC);
	db_run(d, s->del);
	sqlite3_bind_int64(s->ins, 1, unit);
	sqlite3_bind_text(s->ins, 2, per, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->ins, 3, v[MONEV_SATKER], -1, SQLITE_STATIC);
	sqlite3_bind_int(s->ins, 4, dimonev);
	{
		ibm_date dt;
		char iso[16];
		const char *t = v[MONEV_TANGGAL];

		if (*t && ibm_date_parse(t, &dt) == 0)
			t = ibm_date_iso(iso, sizeof iso, dt);
		db_bind_text(s->ins, 5, t);
	}
	db_bind_text(s->ins, 6, v[MONEV_PETUGAS]);
	if (tahun > 0)
		sqlite3_bind_int64(s->ins, 7, tahun);
	db_bind_text(s->ins, 8, v[V_STATUS]);
	db_bind_num(s->ins, 9, total);
	db_bind_text(s->ins, 10, v[V_FASE]);
	db_bind_text(s->ins, 11, v[V_KURANG]);
	db_bind_text(s->ins, 12, name);
	sqlite3_bind_text(s->ins, 13, db_now(d), -1, SQLITE_STATIC);
	db_bind_text(s->ins, 14, v[MONEV_PROV]);
	db_bind_text(s->ins, 15, kab);
	db_bind_text(s->ins, 16, v[MONEV_KEC]);
	db_bind_text(s->ins, 17, v[MONEV_DESA]);
	db_bind_text(s->ins, 18, v[MONEV_UNIT]);
	db_run(d, s->ins);
	free(kab);
	visit = sqlite3_last_insert_rowid(d->h);
	/* the other columns: group scores and indicators */
	for (size_t c = 0; c < rec->n && c < ibm_csv_header(r)->n; c++) {
		const char *col = ibm_csv_header(r)->f[c];

		if (named_col(idx, (int)c) || !*col)
			continue;
		sqlite3_bind_int64(s->val, 1, visit);
		sqlite3_bind_text(s->val, 2, col, -1, SQLITE_STATIC);
		sqlite3_bind_text(s->val, 3, rec->f[c], -1, SQLITE_STATIC);
		sqlite3_bind_int64(s->val, 4, (long long)c);
		db_run(d, s->val);
	}
	vr->rows++;
	return 0;
}

static int read_visits(visit_run *vr, ibm_csv *r, const db_in *in)
{
	ibm_colspec specs[V_N];
	int idx[V_N], k, st = 0;
	const ibm_rec *rec;
	db_in_buf buf[V_N] = { { 0 } };

	visit_specs(specs);
	if (db_in_columns(r, specs, V_N, idx, "the per-unit CSV of ibm-monev "
			  "is needed") != 0) {
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	while (!st && (k = ibm_csv_read(r, &rec)) > 0)
		if (!db_in_blank(rec))
			st = put_row(vr, r, rec, idx, in, buf);
	if (!st && k < 0)
		st = ibm_csv_status(r);
	for (int i = 0; i < V_N; i++)
		free(buf[i].s);
	ibm_csv_close(r);
	return st;
}

static void run_init(visit_run *vr, db_file *d, const char *period)
{
	memset(vr, 0, sizeof *vr);
	vr->d = d;
	vr->period = period;
	prepare(d, &vr->s);
}

static void run_end(visit_run *vr)
{
	finalize(&vr->s);
	for (size_t i = 0; i < vr->offices.n; i++)
		free(vr->offices.v[i]);
	free(vr->offices.v);
	if (vr->other)
		ibm_warn(NULL, 0, "%ld row%s of other periods than %s left "
			 "out", vr->other, vr->other == 1 ? "" : "s",
			 vr->period);
}

int db_read_visits(db_file *d, ibm_csv *r, const char *period,
		   const db_in *in)
{
	visit_run vr;
	int st;

	run_init(&vr, d, period);
	st = read_visits(&vr, r, in);
	run_end(&vr);
	return st;
}

int db_add_monev(db_file *d, const char *const *files, size_t n,
		 const char *period, const db_in *in)
{
	visit_run vr;
	ibm_colspec specs[V_N];
	int st = 0;

	visit_specs(specs);
	run_init(&vr, d, period);
	for (size_t i = 0; i < n && !st; i++) {
		ibm_csv *r = db_in_open(files[i], in, specs, V_N, &st);

		if (r)
			st = read_visits(&vr, r, in);
	}
	run_end(&vr);
	return st;
}

/* ------------------------------------------------------ ibm-monev --db */

int db_each_visit(db_file *d, const char *before,
		  const char (*skip)[16], size_t nskip,
		  void (*fn)(const db_visit *v, void *arg), void *arg)
{
	sqlite3_stmt *q = db_prep(d, "SELECT v.visit_id, v.provinsi, "
		"v.kabupaten_kota, v.satker, v.kecamatan, v.desa_kelurahan, "
		"v.nama_unit, v.tanggal_monev, v.petugas, "
		"coalesce(v.tahun_berdiri, u.tahun_berdiri), v.periode, "
		"v.status, v.skor_total, v.fase, v.kurang_untuk_fase_berikut "
		"FROM visits v JOIN units u USING (unit_id) WHERE "
		"v.dimonev = 1 AND (?1 = '' OR v.periode < ?1) ORDER BY "
		"v.periode, v.visit_id");
	sqlite3_stmt *vals = db_prep(d, "SELECT column_name, value FROM "
				     "visit_values WHERE visit_id = ?1 ORDER "
				     "BY position");
	char **col = NULL, **val = NULL;
	size_t ccap = 0, vcap = 0;

	sqlite3_bind_text(q, 1, before ? before : "", -1, SQLITE_STATIC);
	while (db_step(d, q) == SQLITE_ROW) {
		db_visit v;
		const char *per = db_text(q, 10);
		size_t i, nv = 0;

		for (i = 0; i < nskip && strcmp(skip[i], per); i++)
			;
		if (i < nskip)
			continue;
		for (i = 0; i < 9; i++) {
			const unsigned char *t = sqlite3_column_text(q,
								     (int)i + 1);

			v.id[i] = t ? (const char *)t : "";
		}
		v.periode = per;
		v.status = sqlite3_column_type(q, 11) == SQLITE_NULL ? "" :
			   db_text(q, 11);
		v.total = sqlite3_column_type(q, 12) == SQLITE_NULL ? NAN :
			  sqlite3_column_double(q, 12);
		v.fase = sqlite3_column_type(q, 13) == SQLITE_NULL ? "" :
			 db_text(q, 13);
		v.kurang = sqlite3_column_type(q, 14) == SQLITE_NULL ? "" :
			   db_text(q, 14);
		sqlite3_bind_int64(vals, 1, sqlite3_column_int64(q, 0));
		while (db_step(d, vals) == SQLITE_ROW) {
			const unsigned char *t = sqlite3_column_text(vals, 1);

			ibm_grow((void **)&col, &ccap, nv + 1, sizeof *col);
			ibm_grow((void **)&val, &vcap, nv + 1, sizeof *val);
			col[nv] = ibm_xstrdup(db_text(vals, 0));
			val[nv++] = ibm_xstrdup(t ? (const char *)t : "");
		}
		sqlite3_reset(vals);
		v.nval = nv;
		v.col = (const char *const *)col;
		v.val = (const char *const *)val;
		fn(&v, arg);
		for (i = 0; i < nv; i++) {
			free(col[i]);
			free(val[i]);
		}
	}
	free(col);
	free(val);
	sqlite3_finalize(q);
	sqlite3_finalize(vals);
	return 0;
}
