/*
 * query.c - list, history, find and check: the tables as CSV, one row
 * per record, through db_rows (the export writes the same rows to its
 * sheets).
 *
 * The queries use a few functions of ibmkit registered on the
 * connection: ibm_period(date) "2024-S1", ibm_kab_is(district, filter)
 * whether a district is the one a filter names ("Kab. Sumbawa" =
 * "KABUPATEN SUMBAWA"; "Sumbawa" names it too), ibm_key(name)
 * ibm-monev's matching key, ibm_person(name) the key people are matched
 * by, ibm_numkey(number) a letter number without case and spaces; and
 * the collation ibmnat (natural order, "Desa 2" before "Desa 10").
 */
#include "dbin.h"
#include "monev.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------- SQL functions */

static void fn_text(sqlite3_context *cx, int argc, sqlite3_value **argv,
		    char *(*f)(const char *))
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char *k;

	(void)argc;
	if (!s) {
		sqlite3_result_null(cx);
		return;
	}
	k = f((const char *)s);
	if (k)
		sqlite3_result_text(cx, k, -1, free);
	else
		sqlite3_result_null(cx);
}

static char *period_of(const char *s)
{
	ibm_date d;
	char *p;

	if (ibm_date_parse(s, &d) != 0)
		return NULL;
	p = ibm_xmalloc(16);
	snprintf(p, 16, "%04d-S%d", d.y, d.m <= 6 ? 1 : 2);
	return p;
}

static char *kab_key(const char *s)
{
	char *d = monev_district(s), *k = monev_key(d);

	free(d);
	return k;
}

/* A district filter: the same key, or, when the filter names no kind
 * ("Sumbawa Barat"), the same name after the row's kind. */
static void sql_kab_is(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *row = sqlite3_value_text(argv[0]);
	const unsigned char *want = sqlite3_value_text(argv[1]);
	char *a, *b;
	int eq;

	(void)argc;
	if (!row || !want) {
		sqlite3_result_int(cx, 0);
		return;
	}
	a = kab_key((const char *)row);
	b = kab_key((const char *)want);
	eq = !strcmp(a, b);
	if (!eq && strncmp(b, "kabupaten ", 10) && strncmp(b, "kota ", 5)) {
		const char *bare = !strncmp(a, "kabupaten ", 10) ? a + 10 :
				   !strncmp(a, "kota ", 5) ? a + 5 : a;

		eq = !strcmp(bare, b);
	}
	free(a);
	free(b);
	sqlite3_result_int(cx, eq);
}

static char *num_key(const char *s)
{
	char *k = ibm_lower(s), *o = k;

	for (const char *p = k; *p; p++)
		if (*p != ' ' && *p != '\t')
			*o++ = *p;
	*o = '\0';
	return k;
}

#define FN(name, f) \
	static void name(sqlite3_context *cx, int argc, sqlite3_value **argv) \
	{ \
		fn_text(cx, argc, argv, f); \
	}
FN(sql_period, period_of)
FN(sql_key, monev_key)
FN(sql_person, ibm_person_key)
FN(sql_numkey, num_key)

static int natcmp(void *arg, int na, const void *a, int nb, const void *b)
{
	char *x = ibm_xstrndup(a, (size_t)na), *y = ibm_xstrndup(b, (size_t)nb);
	int c = ibm_natcmp(x, y);

	(void)arg;
	free(x);
	free(y);
	return c;
}

void db_functions(db_file *d)
{
	static const struct {
		const char *name;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{ "ibm_period", sql_period },
		{ "ibm_key", sql_key }, { "ibm_person", sql_person },
		{ "ibm_numkey", sql_numkey },
	};

	/* innocuous: each computes its result from its arguments alone
	 * (no state, no I/O), so a schema not trusted may use them */
	enum { FLAGS = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS };

	for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
		sqlite3_create_function(d->h, fns[i].name, 1, FLAGS, NULL,
					fns[i].fn, NULL, NULL);
	sqlite3_create_function(d->h, "ibm_kab_is", 2, FLAGS, NULL,
				sql_kab_is, NULL, NULL);
	sqlite3_create_collation(d->h, "ibmnat", SQLITE_UTF8, NULL, natcmp);
}

/* ------------------------------------------------------------- rows */

struct db_rows {
	db_file *d;
	sqlite3_stmt *q;
	int skip;          /* leading columns of q not written (ids) */
	size_t nq;         /* columns of q written */
	/* visits: the value columns, the group scores (skor_*) before q's
	 * column `split` (skor_total), the others after q's columns */
	sqlite3_stmt *vals;
	size_t nval, split;
	char **vname;
	size_t *vout;      /* each value column's place in the row */
	size_t *byname;    /* the value columns in strcmp order */
	size_t *qout;      /* each column of q's place in the row */
	/* the row */
	size_t ncols;
	const char **names;
	char **cell;       /* each cell's buffer (kept from row to row) */
	size_t *cap;
	const char **out;  /* the cells, NULL when empty */
	int *isnum;
};

size_t db_rows_ncols(const db_rows *t)
{
	return t->ncols;
}

const char *db_rows_colname(const db_rows *t, size_t i)
{
	return t->names[i];
}

static db_rows *rows_new(db_file *d, const char *sql, int skip)
{
	db_rows *t = ibm_xcalloc(1, sizeof *t);

	t->d = d;
	t->q = db_prep(d, sql);
	t->skip = skip;
	t->nq = (size_t)(sqlite3_column_count(t->q) - skip);
	return t;
}

static int is_group(const char *name)
{
	return strncmp(name, "skor_", 5) == 0;
}

static const char *const *sort_names; /* for cmp_name */

static int cmp_name(const void *a, const void *b)
{
	return strcmp(sort_names[*(const size_t *)a],
		      sort_names[*(const size_t *)b]);
}

/* The names, the places and the row's buffers, once the columns are
 * known. */
static void rows_ready(db_rows *t)
{
	size_t n = 0;

	t->ncols = t->nq + t->nval;
	t->names = ibm_xcalloc(t->ncols, sizeof *t->names);
	t->cell = ibm_xcalloc(t->ncols, sizeof *t->cell);
	t->cap = ibm_xcalloc(t->ncols, sizeof *t->cap);
	t->out = ibm_xcalloc(t->ncols, sizeof *t->out);
	t->isnum = ibm_xcalloc(t->ncols, sizeof *t->isnum);
	t->qout = ibm_xcalloc(t->nq, sizeof *t->qout);
	t->vout = ibm_xcalloc(t->nval + 1, sizeof *t->vout);
	t->byname = ibm_xcalloc(t->nval + 1, sizeof *t->byname);
	for (size_t i = 0; i < t->nq; i++) {
		if (t->nval && i == t->split)
			for (size_t k = 0; k < t->nval; k++)
				if (is_group(t->vname[k]))
					t->vout[k] = n++;
		t->qout[i] = n++;
	}
	for (size_t k = 0; k < t->nval; k++)
		if (!is_group(t->vname[k]))
			t->vout[k] = n++;
	for (size_t i = 0; i < t->nq; i++)
		t->names[t->qout[i]] = sqlite3_column_name(t->q,
							   (int)i + t->skip);
	for (size_t k = 0; k < t->nval; k++) {
		t->names[t->vout[k]] = t->vname[k];
		t->byname[k] = k;
	}
	sort_names = (const char *const *)t->vname;
	qsort(t->byname, t->nval, sizeof *t->byname, cmp_name);
}

/* Cell i of the row: n bytes of s (NULL: empty). */
static void put(db_rows *t, size_t i, const char *s, size_t n, int isnum)
{
	t->isnum[i] = isnum;
	if (!s) {
		t->out[i] = NULL;
		return;
	}
	ibm_grow((void **)&t->cell[i], &t->cap[i], n + 1, 1);
	memcpy(t->cell[i], s, n);
	t->cell[i][n] = '\0';
	t->out[i] = t->cell[i];
}

/* The text of column c of the query into cell i. */
static void take(db_rows *t, int c, size_t i)
{
	char buf[40];

	switch (sqlite3_column_type(t->q, c)) {
	case SQLITE_NULL:
		put(t, i, NULL, 0, 0);
		break;
	case SQLITE_INTEGER:
		snprintf(buf, sizeof buf, "%lld",
			 (long long)sqlite3_column_int64(t->q, c));
		put(t, i, buf, strlen(buf), 1);
		break;
	case SQLITE_FLOAT:
		db_fmt_num(buf, sizeof buf, sqlite3_column_double(t->q, c));
		put(t, i, buf, strlen(buf), 1);
		break;
	default:
		/* SQLite's own text, valid until the next step */
		t->isnum[i] = 0;
		t->out[i] = db_text(t->q, c);
	}
}

/* The value columns of this row's visit (q's column 0), by name: the
 * values come in the order of their names (the primary key), the
 * columns are walked in the same order. */
static void take_values(db_rows *t)
{
	size_t j = 0;

	for (size_t k = 0; k < t->nval; k++)
		put(t, t->vout[k], NULL, 0, 0);
	sqlite3_bind_int64(t->vals, 1, sqlite3_column_int64(t->q, 0));
	while (db_step(t->d, t->vals) == SQLITE_ROW) {
		const char *nm = db_text(t->vals, 0);
		const unsigned char *v = sqlite3_column_text(t->vals, 1);
		int c = 1;

		while (j < t->nval &&
		       (c = strcmp(t->vname[t->byname[j]], nm)) < 0)
			j++;
		if (j == t->nval)
			break;
		if (c == 0 && v)
			put(t, t->vout[t->byname[j]], (const char *)v,
			    (size_t)sqlite3_column_bytes(t->vals, 1), 0);
	}
	sqlite3_reset(t->vals);
}

int db_rows_next(db_rows *t, const char *const **vals, const int **isnum)
{
	if (db_step(t->d, t->q) != SQLITE_ROW)
		return 0;
	for (size_t i = 0; i < t->nq; i++)
		take(t, (int)i + t->skip, t->qout[i]);
	if (t->vals)
		take_values(t);
	*vals = t->out;
	if (isnum)
		*isnum = t->isnum;
	return 1;
}

void db_rows_free(db_rows *t)
{
	if (!t)
		return;
	sqlite3_finalize(t->q);
	sqlite3_finalize(t->vals);
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cell[i]);
	for (size_t k = 0; k < t->nval; k++)
		free(t->vname[k]);
	free(t->vname);
	free(t->vout);
	free(t->byname);
	free(t->qout);
	free(t->names);
	free(t->cell);
	free(t->cap);
	free(t->out);
	free(t->isnum);
	free(t);
}

long db_rows_csv(db_rows *t, FILE *fp, int excel)
{
	ibm_csvw *w = ibm_csvw_new(fp, excel);
	const char *const *v;
	const int *num;
	long n = 0;

	for (size_t i = 0; i < t->ncols; i++)
		ibm_csvw_str(w, t->names[i]);
	ibm_csvw_end(w);
	while (db_rows_next(t, &v, &num)) {
		for (size_t i = 0; i < t->ncols; i++) {
			if (excel && num[i] && strchr(v[i], '.')) {
				char *c = ibm_xstrdup(v[i]);

				*strchr(c, '.') = ',';
				ibm_csvw_str(w, c);
				free(c);
			} else {
				ibm_csvw_str(w, v[i]);
			}
		}
		ibm_csvw_end(w);
		n++;
	}
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
	return n;
}

/* ------------------------------------------------------------ lists */

const char *const db_list_names[DB_NLISTS] = {
	"events", "people", "trainings", "units", "visits", "letters"
};

int db_list_find(const char *name)
{
	for (int i = 0; i < DB_NLISTS; i++)
		if (!strcmp(name, db_list_names[i]))
			return i;
	return -1;
}

int db_list_filters(int list)
{
	return list == DB_LETTERS ? DB_F_YEAR | DB_F_PERIOD | DB_F_OFFICE
				  : DB_F_YEAR | DB_F_PERIOD | DB_F_OFFICE |
				    DB_F_KAB;
}

/* A query's text, built in pieces. */
typedef struct sql_buf {
	char *s;
	size_t n, cap;
} sql_buf;

static void add(sql_buf *b, const char *s)
{
	size_t k = strlen(s);

	ibm_grow((void **)&b->s, &b->cap, b->n + k + 1, 1);
	memcpy(b->s + b->n, s, k + 1);
	b->n += k;
}

/* The columns of each list (after the hidden id of visits). */
#define EVENT_COLS "e.office, e.acara, e.tanggal_mulai, e.tanggal_selesai, " \
	"e.tempat, e.hal, e.tanggal_surat, e.nomor, e.nomor_sprin, " \
	"e.nomor_sertifikat"
#define TRAINING_COLS "e.office, e.acara, e.tanggal_mulai, " \
	"e.tanggal_selesai, t.participant_id, t.no, t.nama, t.jabatan, " \
	"t.unit_ibm, t.desa_kelurahan, t.kecamatan, t.kabupaten_kota, " \
	"t.no_hp, t.email, t.jenis_kelamin, t.letter_number, t.status, " \
	"t.pre_score, t.post_score, t.max_score, t.pre_percent, " \
	"t.post_percent, t.gain, t.n_gain, t.n_gain_category, t.passed_pre, " \
	"t.passed_post, t.certificate_number"
#define VISIT_COLS "v.visit_id, v.provinsi, v.kabupaten_kota, v.satker, " \
	"v.kecamatan, v.desa_kelurahan, v.nama_unit, v.tanggal_monev, " \
	"v.petugas, v.tahun_berdiri, v.periode, v.status, CASE v.dimonev WHEN 1 THEN " \
	"'ya' ELSE 'tidak' END AS dimonev, v.skor_total, v.fase, " \
	"v.kurang_untuk_fase_berikut"
/* the place of skor_total among VISIT_COLS written (after the id) */
#define VISIT_SPLIT 12
#define UNIT_ORDER "u.provinsi COLLATE ibmnat, u.kabupaten_kota COLLATE " \
	"ibmnat, u.kecamatan COLLATE ibmnat, u.desa_kelurahan COLLATE " \
	"ibmnat, u.nama_unit COLLATE ibmnat"

/* The WHERE conditions of the filters on a list; parameters ?1 year,
 * ?2 period, ?3 office, ?4 district. */
static void where(sql_buf *b, int list, const db_filter *f)
{
	static const char *const date[DB_NLISTS] = {
		"e.tanggal_mulai", "e.tanggal_mulai", "e.tanggal_mulai",
		"v.periode", "v.periode", "l.tanggal"
	};
	static const char *const office[DB_NLISTS] = {
		"e.office", "e.office", "e.office", "v.satker", "v.satker",
		"l.office"
	};
	static const char *const kab[DB_NLISTS] = {
		("EXISTS (SELECT 1 FROM trainings k WHERE k.event_id = "
		 "e.event_id AND ibm_kab_is(k.kabupaten_kota, ?4))"),
		"ibm_kab_is(p.kabupaten_kota, ?4)",
		"ibm_kab_is(t.kabupaten_kota, ?4)",
		"ibm_kab_is(u.kabupaten_kota, ?4)",
		"ibm_kab_is(v.kabupaten_kota, ?4)", "0"
	};
	int per = list == DB_UNITS || list == DB_VISITS;

	add(b, " WHERE 1");
	if (f->year) {
		add(b, " AND substr(");
		add(b, date[list]);
		add(b, ", 1, 4) = printf('%04d', ?1)");
	}
	if (f->period) {
		add(b, per ? " AND " : " AND ibm_period(");
		add(b, date[list]);
		add(b, per ? " = ?2" : ") = ?2");
	}
	if (f->office) {
		add(b, " AND ");
		add(b, office[list]);
		add(b, " = ?3 COLLATE NOCASE");
	}
	if (f->kabupaten) {
		add(b, " AND ");
		add(b, kab[list]);
	}
}

static void bind_filter(sqlite3_stmt *q, const db_filter *f)
{
	if (f->year)
		sqlite3_bind_int(q, 1, f->year);
	db_bind_text(q, 2, f->period);
	db_bind_text(q, 3, f->office);
	db_bind_text(q, 4, f->kabupaten);
}

/* The visits' value columns (every column_name held, in the order of
 * their places in the CSVs). */
static void value_columns(db_rows *t)
{
	sqlite3_stmt *q = db_prep(t->d, "SELECT column_name FROM visit_values "
				  "GROUP BY column_name ORDER BY "
				  "min(position), column_name");
	size_t cap = 0;

	while (db_step(t->d, q) == SQLITE_ROW) {
		ibm_grow((void **)&t->vname, &cap, t->nval + 1,
			 sizeof *t->vname);
		t->vname[t->nval++] = ibm_xstrdup(db_text(q, 0));
	}
	sqlite3_finalize(q);
	t->split = VISIT_SPLIT;
	t->vals = db_prep(t->d, "SELECT column_name, value FROM visit_values "
			  "WHERE visit_id = ?1 ORDER BY column_name");
}

/* The list's query with the condition `cond` (or the filters), bound
 * to ?1 .. ?4 by the caller. */
static db_rows *list_query(db_file *d, int list, const db_filter *f,
			   const char *cond)
{
	sql_buf b = { 0 };
	db_rows *t;
	int skip = 0;

	switch (list) {
	case DB_EVENTS:
		add(&b, "SELECT " EVENT_COLS ", (SELECT count(*) FROM "
		    "trainings t WHERE t.event_id = e.event_id) AS peserta, "
		    "(SELECT count(t.certificate_number) FROM trainings t "
		    "WHERE t.event_id = e.event_id) AS sertifikat FROM "
		    "events e");
		break;
	case DB_PEOPLE:
		add(&b, "SELECT p.participant_id, p.nama, p.jabatan, "
		    "p.unit_ibm, p.desa_kelurahan, p.kecamatan, "
		    "p.kabupaten_kota, p.no_hp, p.email, p.jenis_kelamin, "
		    "count(*) AS bimtek, max(e.tanggal_mulai) AS "
		    "bimtek_terakhir FROM people p JOIN trainings t USING "
		    "(participant_id) JOIN events e USING (event_id)");
		break;
	case DB_TRAININGS:
		/* bimtek by bimtek (events_order), each in its list's
		 * order (the primary key of trainings): no sort */
		add(&b, "SELECT " TRAINING_COLS " FROM events e CROSS JOIN "
		    "trainings t ON t.event_id = e.event_id");
		break;
	case DB_UNITS:
		add(&b, "SELECT u.provinsi, u.kabupaten_kota, u.kecamatan, "
		    "u.desa_kelurahan, u.nama_unit, u.tahun_berdiri, "
		    "count(v.visit_id) AS kunjungan, max(v.periode) AS "
		    "periode_terakhir, (SELECT w.fase FROM visits w WHERE "
		    "w.unit_id = u.unit_id AND w.dimonev = 1 ORDER BY "
		    "w.periode DESC LIMIT 1) AS fase_terakhir FROM units u "
		    "LEFT JOIN visits v ON v.unit_id = u.unit_id AND "
		    "v.dimonev = 1");
		break;
	case DB_VISITS:
		add(&b, "SELECT " VISIT_COLS " FROM visits v JOIN units u "
		    "USING (unit_id)");
		skip = 1;
		break;
	default:
		add(&b, "SELECT l.office, l.tanggal, l.jenis, l.urut, "
		    "l.nomor, l.kepada, l.hal FROM letters l");
	}
	if (cond) {
		add(&b, " WHERE ");
		add(&b, cond);
	} else {
		where(&b, list, f);
	}
	switch (list) {
	case DB_EVENTS:
		add(&b, " ORDER BY e.tanggal_mulai, e.office, e.event_id");
		break;
	case DB_PEOPLE:
		add(&b, " GROUP BY p.participant_id ORDER BY p.nama COLLATE "
		    "ibmnat, p.participant_id");
		break;
	case DB_TRAININGS:
		add(&b, " ORDER BY e.tanggal_mulai, e.office, e.event_id, "
		    "t.no, t.participant_id");
		break;
	case DB_UNITS:
		add(&b, " GROUP BY u.unit_id ORDER BY " UNIT_ORDER);
		break;
	case DB_VISITS:
		add(&b, " ORDER BY " UNIT_ORDER ", v.periode");
		break;
	default:
		add(&b, " ORDER BY l.office COLLATE ibmnat, l.tanggal, "
		    "l.jenis, l.urut, l.nomor COLLATE ibmnat");
	}
	t = rows_new(d, b.s, skip);
	free(b.s);
	if (list == DB_VISITS)
		value_columns(t);
	rows_ready(t);
	return t;
}

db_rows *db_rows_list(db_file *d, int list, const db_filter *f)
{
	db_rows *t = list_query(d, list, f, NULL);

	bind_filter(t->q, f);
	return t;
}

/* A list's rows of those the condition names, given ?1. */
static db_rows *history(db_file *d, int list, const char *cond,
			const char *arg)
{
	static const db_filter none;
	db_rows *t = list_query(d, list, &none, cond);

	sqlite3_bind_text(t->q, 1, arg, -1, SQLITE_TRANSIENT);
	return t;
}

db_rows *db_rows_history_unit(db_file *d, const char *name)
{
	/* the units of that name, else those whose name holds it */
	return history(d, DB_VISITS, "u.unit_id IN (SELECT unit_id FROM "
		"units WHERE ibm_key(nama_unit) = ibm_key(?1) UNION SELECT "
		"unit_id FROM units WHERE NOT EXISTS (SELECT 1 FROM units "
		"WHERE ibm_key(nama_unit) = ibm_key(?1)) AND instr(' ' || "
		"ibm_key(nama_unit) || ' ', ' ' || ibm_key(?1) || ' ') > 0)",
		name);
}

db_rows *db_rows_history_person(db_file *d, const char *who)
{
	return history(d, DB_TRAININGS, "t.participant_id IN (SELECT "
		"participant_id FROM people WHERE participant_id = ?1 "
		"COLLATE NOCASE UNION SELECT participant_id FROM trainings "
		"WHERE ibm_person(nama) = ibm_person(?1))", who);
}

/* ------------------------------------------------------------- find */

#define FIND_MATCH(col) "(" col " = ?1 COLLATE NOCASE OR ibm_numkey(" col \
	") = ibm_numkey(?1))"

db_rows *db_rows_find(db_file *d, const char *number)
{
	db_rows *t = rows_new(d,
		"SELECT 'sertifikat' AS jenis, t.certificate_number AS nomor, "
		"e.tanggal_selesai AS tanggal, t.nama AS kepada, "
		"t.participant_id, t.jabatan, t.unit_ibm, t.desa_kelurahan, "
		"t.kabupaten_kota, e.acara AS hal, e.office, e.tanggal_mulai, "
		"e.tanggal_selesai, t.post_score, t.passed_post FROM trainings "
		"t JOIN events e USING (event_id) WHERE "
		FIND_MATCH("t.certificate_number") " "
		"UNION ALL SELECT 'undangan', t.letter_number, "
		"e.tanggal_surat, t.nama, t.participant_id, t.jabatan, "
		"t.unit_ibm, t.desa_kelurahan, t.kabupaten_kota, "
		"coalesce(e.hal, e.acara), e.office, e.tanggal_mulai, "
		"e.tanggal_selesai, NULL, NULL FROM trainings t JOIN events e "
		"USING (event_id) WHERE " FIND_MATCH("t.letter_number") " "
		"UNION ALL SELECT l.jenis, l.nomor, l.tanggal, l.kepada, NULL, "
		"NULL, NULL, NULL, NULL, l.hal, l.office, NULL, NULL, NULL, "
		"NULL FROM letters l WHERE " FIND_MATCH("l.nomor") " AND NOT "
		"EXISTS (SELECT 1 FROM trainings t JOIN events e USING "
		"(event_id) WHERE t.letter_number = l.nomor AND e.office = "
		"l.office)", 0);

	sqlite3_bind_text(t->q, 1, number, -1, SQLITE_TRANSIENT);
	rows_ready(t);
	return t;
}

/* ------------------------------------------------------------ check */

int db_check(db_file *d, FILE *fp, int excel)
{
	static const char *const tables[] = { "offices", "events",
		"event_stats", "people", "trainings", "units", "visits",
		"visit_values", "letters", "merges" };
	ibm_csvw *w = ibm_csvw_new(fp, excel);
	sqlite3_stmt *q;
	char buf[64], *first = NULL;
	long bad = 0, fk = 0;
	long long count[sizeof tables / sizeof *tables];

	q = db_prep(d, "PRAGMA integrity_check");
	while (db_step(d, q) == SQLITE_ROW) {
		const char *m = db_text(q, 0);

		if (m && strcmp(m, "ok")) {
			char why[200];

			if (!first)
				first = ibm_xstrdup(db_problem(m, why,
							       sizeof why));
			bad++;
		}
	}
	sqlite3_finalize(q);
	q = db_prep(d, "PRAGMA foreign_key_check");
	while (db_step(d, q) == SQLITE_ROW)
		fk++;
	sqlite3_finalize(q);
	/* counted before anything is written: a damaged table ends the
	 * run without half a table */
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		char sql[64];

		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
		count[i] = db_int(d, sql);
	}
	ibm_csvw_str(w, "item");
	ibm_csvw_str(w, "value");
	ibm_csvw_end(w);
	ibm_csvw_str(w, "schema_version");
	ibm_csvw_int(w, d->version);
	ibm_csvw_end(w);
	ibm_csvw_str(w, "integrity");
	if (bad)
		snprintf(buf, sizeof buf, "%ld problem%s", bad,
			 bad == 1 ? "" : "s");
	ibm_csvw_str(w, bad ? buf : "ok");
	ibm_csvw_end(w);
	ibm_csvw_str(w, "foreign_keys");
	if (fk)
		snprintf(buf, sizeof buf, "%ld row%s without its parent", fk,
			 fk == 1 ? "" : "s");
	ibm_csvw_str(w, fk ? buf : "ok");
	ibm_csvw_end(w);
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		ibm_csvw_str(w, tables[i]);
		ibm_csvw_int(w, count[i]);
		ibm_csvw_end(w);
	}
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
	if (bad)
		ibm_error(d->path, 0, "the database is damaged: %s", first);
	if (fk)
		ibm_error(d->path, 0, "%ld row%s without the row %s refer%s to",
			  fk, fk == 1 ? "" : "s", fk == 1 ? "it" : "they",
			  fk == 1 ? "s" : "");
	free(first);
	return bad || fk ? IBM_EX_DATAERR : 0;
}
