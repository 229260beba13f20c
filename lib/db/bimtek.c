/*
 * bimtek.c - add bimtek: one event from its event file, its participants
 * (ibm-invite's CSV: participant_id and the list's columns), and when
 * given the scores and status of ibm-score, its summary statistics and
 * the certificate numbers of ibm-invite --certificates.
 *
 * An event is known by its office and dates: adding it again deletes the
 * earlier one with its trainings and statistics (ON DELETE CASCADE)
 * before the new rows go in, so that re-running a pipeline never
 * duplicates. People are rows of their own, keyed by participant_id (kept
 * as text, never parsed), with the details of their latest bimtek; each
 * training keeps the details of its own list. Rows are streamed into
 * prepared statements: memory does not grow with the number of people.
 */
#include "dbin.h"
#include "invite.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- the event */

static const char *event_text(const ibm_event *ev, const char *key)
{
	return ibm_event_get(ev, key);
}

/* A date key as ISO when it reads as a date, else as written. */
static void bind_date(sqlite3_stmt *st, int i, const ibm_event *ev,
		      const char *key)
{
	const char *v = ibm_event_get(ev, key);
	ibm_date dt;
	char iso[16];

	if (v && ibm_date_parse(v, &dt) == 0)
		v = ibm_date_iso(iso, sizeof iso, dt);
	db_bind_text(st, i, v);
}

long long db_put_event(db_file *d, const ibm_event *ev, const char *file)
{
	char *office = db_event_office(ev);
	const char *acara = event_text(ev, "acara");
	ibm_date first, last;
	char f[16], l[16];
	sqlite3_stmt *st;
	long long id;
	int replaced;

	if (!office || !acara || !ibm_event_get(ev, "tanggal_mulai")) {
		const char *miss[3] = { "", "", "" };
		int n = 0;

		if (!office)
			miss[n++] = "satker (or instansi)";
		if (!acara)
			miss[n++] = "acara";
		if (!ibm_event_get(ev, "tanggal_mulai"))
			miss[n++] = "tanggal_mulai";
		ibm_error(file, 0, "missing key%s for a bimtek: %s%s%s%s%s",
			  n > 1 ? "s" : "", miss[0], n > 1 ? ", " : "",
			  n > 1 ? miss[1] : "", n > 2 ? ", " : "",
			  n > 2 ? miss[2] : "");
		free(office);
		return -1;
	}
	ibm_event_dates(ev, &first, &last);
	ibm_date_iso(f, sizeof f, first);
	ibm_date_iso(l, sizeof l, last);
	st = db_prep(d, "DELETE FROM events WHERE office = ?1 AND "
		     "tanggal_mulai = ?2 AND tanggal_selesai = ?3");
	sqlite3_bind_text(st, 1, office, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, l, -1, SQLITE_STATIC);
	db_run(d, st);
	replaced = sqlite3_changes(d->h) > 0;
	sqlite3_finalize(st);
	if (replaced) /* people of no other bimtek go with it */
		db_exec(d, "DELETE FROM people WHERE NOT EXISTS (SELECT 1 "
			"FROM trainings t WHERE t.participant_id = "
			"people.participant_id)");
	db_touch_office(d, office);
	st = db_prep(d, "INSERT INTO events (office, acara, tanggal_mulai, "
		     "tanggal_selesai, tempat, hal, tanggal_surat, nomor, "
		     "nomor_sprin, nomor_sertifikat, source, added) VALUES "
		     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	sqlite3_bind_text(st, 1, office, -1, SQLITE_STATIC);
	db_bind_text(st, 2, acara);
	sqlite3_bind_text(st, 3, f, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, l, -1, SQLITE_STATIC);
	db_bind_text(st, 5, event_text(ev, "tempat"));
	db_bind_text(st, 6, event_text(ev, "hal"));
	bind_date(st, 7, ev, "tanggal_surat");
	db_bind_text(st, 8, event_text(ev, "nomor"));
	db_bind_text(st, 9, event_text(ev, "nomor_sprin"));
	db_bind_text(st, 10, event_text(ev, "nomor_sertifikat"));
	db_bind_text(st, 11, file);
	sqlite3_bind_text(st, 12, db_now(d), -1, SQLITE_STATIC);
	db_run(d, st);
	sqlite3_finalize(st);
	id = sqlite3_last_insert_rowid(d->h);
	free(office);
	return id;
}

/* ------------------------------------------------------- participants */

#define ALIASES_LETTER "letter_number|letter number|nomor surat|no surat|" \
	"nomor undangan"
#define ALIASES_NO "no|no urut|nomor urut|number"

enum { P_ID, P_NO, P_LETTER, P_F, P_N = P_F + INV_NF };

static void participant_specs(ibm_colspec *s)
{
	s[P_ID] = (ibm_colspec){ IBM_ALIASES_ID, 1 };
	s[P_NO] = (ibm_colspec){ ALIASES_NO, 0 };
	s[P_LETTER] = (ibm_colspec){ ALIASES_LETTER, 0 };
	for (int k = 0; k < INV_NF; k++)
		s[P_F + k] = inv_field_specs[k];
}

/*
 * The rows of the participants and the scores go into tables of this run
 * first (in the order read: a cheap append; temp.stage_people,
 * temp.stage_scores), and from there into people and trainings in one
 * statement each: people in the order of participant_id, trainings in
 * the list's order joined to their scores. Each B-tree is then filled
 * from one end, and the pages SQLite keeps in its cache (a fixed amount)
 * are those it writes next, however many people a list has.
 */
static const char *const stage_sql[] = {
	"CREATE TEMP TABLE IF NOT EXISTS stage_people (line INTEGER, "
	"participant_id TEXT, no INTEGER, nama TEXT, jabatan TEXT, "
	"unit_ibm TEXT, desa_kelurahan TEXT, kecamatan TEXT, "
	"kabupaten_kota TEXT, no_hp TEXT, email TEXT, jenis_kelamin TEXT, "
	"letter_number TEXT)",
	"CREATE TEMP TABLE IF NOT EXISTS stage_scores (line INTEGER, "
	"participant_id TEXT, who TEXT, status TEXT, pre_score REAL, "
	"post_score REAL, max_score REAL, pre_percent REAL, post_percent "
	"REAL, gain REAL, n_gain REAL, n_gain_category TEXT, passed_pre "
	"TEXT, passed_post TEXT)",
	"DELETE FROM temp.stage_people",
	"DELETE FROM temp.stage_scores",
	NULL
};

void db_stage_begin(db_file *d)
{
	for (const char *const *q = stage_sql; *q; q++)
		db_exec(d, *q);
}

void db_stage_end(db_file *d)
{
	db_exec(d, "DROP INDEX IF EXISTS temp.stage_people_id");
	db_exec(d, "DROP INDEX IF EXISTS temp.stage_scores_id");
	db_exec(d, "DELETE FROM temp.stage_people");
	db_exec(d, "DELETE FROM temp.stage_scores");
	db_exec(d, "DROP TABLE IF EXISTS temp.score_match");
}

int db_read_participants(db_file *d, ibm_csv *r, const db_in *in)
{
	ibm_colspec specs[P_N];
	int idx[P_N], k, st = 0;
	const ibm_rec *rec;
	sqlite3_stmt *ins;
	db_in_buf buf[P_N] = { { 0 } };
	const char *v[P_N];
	long rows = 0;

	(void)in;
	participant_specs(specs);
	if (db_in_columns(r, specs, P_N, idx, "the participants as "
			  "ibm-invite writes them are needed (with "
			  "participant_id)") != 0) {
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	ins = db_prep(d, "INSERT INTO temp.stage_people VALUES (?1, ?2, ?3, "
		      "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		long no = 0;

		if (db_in_blank(rec))
			continue;
		for (int i = 0; i < P_N; i++)
			v[i] = db_in_text(rec, idx[i], &buf[i]);
		if (!*v[P_ID] || !*v[P_F + INV_NAMA]) {
			ibm_error_cell(ibm_csv_name(r), rec->line,
				       (size_t)idx[*v[P_ID] ? P_F + INV_NAMA :
						   P_ID],
				       "%s is empty (the participants as "
				       "ibm-invite writes them have it)",
				       *v[P_ID] ? "nama" : "participant_id");
			st = IBM_EX_DATAERR;
			break;
		}
		/* the list's order: its numbers, or its rows' */
		if (!*v[P_NO] || ibm_parse_count(v[P_NO], &no) != 0 || no < 1)
			no = rows + 1;
		sqlite3_bind_int64(ins, 1, rec->line);
		db_bind_static(ins, 2, v[P_ID]);
		sqlite3_bind_int64(ins, 3, no);
		for (int i = 0; i < INV_NF; i++)
			db_bind_static(ins, 4 + i, v[P_F + i]);
		db_bind_static(ins, 13, v[P_LETTER]);
		db_run(d, ins);
		rows++;
	}
	sqlite3_finalize(ins);
	if (k < 0)
		st = ibm_csv_status(r);
	if (!st && rows == 0) {
		ibm_error(ibm_csv_name(r), 0, "no participants");
		st = IBM_EX_DATAERR;
	}
	for (int i = 0; i < P_N; i++)
		free(buf[i].s);
	ibm_csv_close(r);
	return st;
}

/* -------------------------------------------------------------- scores */

/* The columns of ibm-score's pre/post output that are kept, as the
 * trainings table names them. */
enum { S_ID, S_NAME, S_EMAIL, S_PHONE, S_STATUS, S_PRE, S_POST, S_MAX,
       S_PREP, S_POSTP, S_GAIN, S_NGAIN, S_CAT, S_PASSPRE, S_PASSPOST,
       S_N };
static const ibm_colspec score_specs[S_N] = {
	{ IBM_ALIASES_ID, 0 },
	{ "name|nama|nama lengkap|nama peserta|full name", 0 },
	{ "email|e-mail|email address|alamat email|surel", 0 },
	{ "no_hp|no. hp|no hp|hp|no wa|nomor hp|whatsapp|telepon|phone", 0 },
	{ "status|kehadiran", 0 },
	{ "pre_score|skor pre|nilai pre|pre-test score", 0 },
	{ "post_score|skor post|nilai post|post-test score", 0 },
	{ "max_score|skor maksimum", 0 },
	{ "pre_percent", 0 },
	{ "post_percent", 0 },
	{ "gain", 0 },
	{ "n_gain|n-gain|ngain", 0 },
	{ "n_gain_category|kategori n-gain", 0 },
	{ "passed_pre|lulus pre", 0 },
	{ "passed_post|passed|lulus post|lulus", 0 },
};
static const char *const score_cols[S_N] = {
	NULL, NULL, NULL, NULL, "status", "pre_score", "post_score",
	"max_score", "pre_percent", "post_percent", "gain", "n_gain",
	"n_gain_category", "passed_pre", "passed_post"
};

/* The key a score row without a participant_id is matched by: "e:mail",
 * "p:+628...", "n:name" for c 0, 1, 2; malloc'd, NULL when s gives
 * none. */
static char *match_key(int c, const char *s)
{
	char *norm, *key;

	if (!s || !*s)
		return NULL;
	norm = c == 0 ? ibm_lower(s) : c == 1 ? ibm_phone_norm(s) :
			ibm_person_key(s);
	if (!norm)
		return NULL;
	key = ibm_xmalloc(strlen(norm) + 3);
	key[0] = "epn"[c];
	key[1] = ':';
	strcpy(key + 2, norm);
	free(norm);
	return key;
}

/* The participants by e-mail, phone and name, for score rows without a
 * participant_id (built once, on the first such row); a key two people
 * share matches neither. */
static void build_match(db_file *d)
{
	sqlite3_stmt *q, *ins, *amb;

	db_exec(d, "CREATE TEMP TABLE IF NOT EXISTS score_match (k TEXT "
		"PRIMARY KEY, participant_id TEXT)");
	db_exec(d, "DELETE FROM temp.score_match");
	q = db_prep(d, "SELECT participant_id, email, no_hp, nama FROM "
		    "temp.stage_people");
	ins = db_prep(d, "INSERT INTO temp.score_match VALUES (?1, ?2) "
		      "ON CONFLICT DO NOTHING");
	amb = db_prep(d, "UPDATE temp.score_match SET participant_id = NULL "
		      "WHERE k = ?1 AND participant_id <> ?2");
	while (db_step(d, q) == SQLITE_ROW) {
		/* NULL (no participant_id) stays NULL: it matches no one */
		const char *id = (const char *)sqlite3_column_text(q, 0);

		for (int c = 0; c < 3; c++) {
			char *key = match_key(c, db_text(q, c + 1));

			if (!key)
				continue;
			for (sqlite3_stmt *s2 = ins; s2;
			     s2 = s2 == ins ? amb : NULL) {
				sqlite3_bind_text(s2, 1, key, -1,
						  SQLITE_STATIC);
				sqlite3_bind_text(s2, 2, id, -1,
						  SQLITE_STATIC);
				db_run(d, s2);
			}
			free(key);
		}
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
	sqlite3_finalize(amb);
}

/* The participant_id of a score row without one: by e-mail, phone, then
 * name; NULL when none matches (malloc'd). */
static char *match_row(db_file *d, sqlite3_stmt *q, const char *const *v)
{
	static const int f[3] = { S_EMAIL, S_PHONE, S_NAME };

	for (int c = 0; c < 3; c++) {
		char *key = match_key(c, v[f[c]]), *id = NULL;

		if (!key)
			continue;
		sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
		if (db_step(d, q) == SQLITE_ROW &&
		    sqlite3_column_type(q, 0) != SQLITE_NULL)
			id = ibm_xstrdup(db_text(q, 0));
		sqlite3_reset(q);
		free(key);
		if (id)
			return id;
	}
	return NULL;
}

int db_read_scores(db_file *d, ibm_csv *r, const db_in *in)
{
	int idx[S_N], k, st = 0, built = 0;
	const ibm_rec *rec;
	sqlite3_stmt *ins, *q = NULL;
	db_in_buf buf[S_N] = { { 0 } };
	const char *v[S_N];

	if (db_in_columns(r, score_specs, S_N, idx, "") != 0) {
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	if (idx[S_PRE] < 0 && idx[S_POST] < 0 && idx[S_STATUS] < 0) {
		ibm_error(ibm_csv_name(r), ibm_csv_header(r)->line,
			  "missing required column(s): pre_score or "
			  "post_score (the pre/post output of ibm-score)");
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	if (idx[S_ID] < 0 && idx[S_NAME] < 0 && idx[S_EMAIL] < 0 &&
	    idx[S_PHONE] < 0) {
		ibm_error(ibm_csv_name(r), ibm_csv_header(r)->line,
			  "missing required column(s): participant_id, "
			  "email, phone or name (who each row is)");
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	ins = db_prep(d, "INSERT INTO temp.stage_scores VALUES (?1, ?2, ?3, "
		      "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		char *id = NULL;

		if (db_in_blank(rec))
			continue;
		for (int i = 0; i < S_N; i++)
			v[i] = i == S_STATUS || i == S_CAT || i >= S_PASSPRE ||
			       i <= S_PHONE ? db_in_text(rec, idx[i], &buf[i])
					     : NULL;
		/* the numbers: stage_scores' columns 5 to 11 */
		for (int i = S_PRE; i <= S_NGAIN && !st; i++) {
			double x;

			st = db_in_num(r, rec, idx[i], score_cols[i], in, &x);
			db_bind_num(ins, i, x);
		}
		if (st)
			break;
		db_bind_static(ins, 4, v[S_STATUS]);
		db_bind_static(ins, 12, v[S_CAT]);
		db_bind_static(ins, 13, v[S_PASSPRE]);
		db_bind_static(ins, 14, v[S_PASSPOST]);
		if (*v[S_ID]) {
			id = ibm_xstrdup(v[S_ID]);
		} else {
			if (!built) {
				build_match(d);
				q = db_prep(d, "SELECT participant_id FROM "
					    "temp.score_match WHERE k = ?1");
				built = 1;
			}
			id = match_row(d, q, v);
		}
		sqlite3_bind_int64(ins, 1, rec->line);
		db_bind_static(ins, 2, id);
		db_bind_static(ins, 3, *v[S_NAME] ? v[S_NAME] : *v[S_EMAIL] ?
			       v[S_EMAIL] : v[S_PHONE]);
		db_run(d, ins);
		free(id);
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(q);
	if (k < 0)
		st = ibm_csv_status(r);
	for (int i = 0; i < S_N; i++)
		free(buf[i].s);
	ibm_csv_close(r);
	return st;
}

/* ------------------------------------------------- from the stage in */

/* People from the staged rows, by participant_id. */
static const char people_from_stage[] =
	"INSERT INTO people (participant_id, nama, jabatan, unit_ibm, "
	"desa_kelurahan, kecamatan, kabupaten_kota, no_hp, email, "
	"jenis_kelamin, seen) SELECT participant_id, nama, jabatan, "
	"unit_ibm, desa_kelurahan, kecamatan, kabupaten_kota, no_hp, email, "
	"jenis_kelamin, ?1 FROM temp.stage_people WHERE true ORDER BY "
	"participant_id, line " DB_PEOPLE_UPSERT;

/* Trainings from the staged rows, in the list's order, with their
 * scores; a participant_id twice keeps its later line. */
static const char trainings_from_stage[] =
	"INSERT INTO trainings (event_id, participant_id, no, nama, jabatan, "
	"unit_ibm, desa_kelurahan, kecamatan, kabupaten_kota, no_hp, email, "
	"jenis_kelamin, letter_number, status, pre_score, post_score, "
	"max_score, pre_percent, post_percent, gain, n_gain, "
	"n_gain_category, passed_pre, passed_post) SELECT ?1, "
	"p.participant_id, p.no, p.nama, p.jabatan, p.unit_ibm, "
	"p.desa_kelurahan, p.kecamatan, p.kabupaten_kota, p.no_hp, p.email, "
	"p.jenis_kelamin, p.letter_number, s.status, s.pre_score, "
	"s.post_score, s.max_score, s.pre_percent, s.post_percent, s.gain, "
	"s.n_gain, s.n_gain_category, s.passed_pre, s.passed_post FROM "
	"temp.stage_people p LEFT JOIN temp.stage_scores s ON "
	"s.participant_id = p.participant_id WHERE true ORDER BY p.rowid "
	"ON CONFLICT (event_id, participant_id) DO UPDATE SET "
	"no = excluded.no, nama = excluded.nama, jabatan = excluded.jabatan, "
	"unit_ibm = excluded.unit_ibm, desa_kelurahan = "
	"excluded.desa_kelurahan, kecamatan = excluded.kecamatan, "
	"kabupaten_kota = excluded.kabupaten_kota, no_hp = excluded.no_hp, "
	"email = excluded.email, jenis_kelamin = excluded.jenis_kelamin, "
	"letter_number = excluded.letter_number, status = excluded.status, "
	"pre_score = excluded.pre_score, post_score = excluded.post_score, "
	"max_score = excluded.max_score, pre_percent = excluded.pre_percent, "
	"post_percent = excluded.post_percent, gain = excluded.gain, "
	"n_gain = excluded.n_gain, n_gain_category = "
	"excluded.n_gain_category, passed_pre = excluded.passed_pre, "
	"passed_post = excluded.passed_post";

void db_stage_insert(db_file *d, long long event_id, const char *people,
		     const char *scores)
{
	sqlite3_stmt *q;
	char date[16] = "";

	/* the staged rows by participant_id (each index built at once,
	 * by sorting) */
	db_exec(d, "CREATE INDEX temp.stage_people_id ON stage_people "
		"(participant_id, line)");
	db_exec(d, "CREATE INDEX temp.stage_scores_id ON stage_scores "
		"(participant_id, line)");
	/* a participant_id on two lines: a warning for each later one */
	q = db_prep(d, "SELECT participant_id, min(line), max(line) FROM "
		    "temp.stage_people GROUP BY participant_id HAVING "
		    "count(*) > 1 ORDER BY max(line)");
	while (db_step(d, q) == SQLITE_ROW)
		ibm_warn(people, sqlite3_column_int64(q, 2), "participant_id %s "
			 "is on line %lld too; this line is kept",
			 db_text(q, 0),
			 (long long)sqlite3_column_int64(q, 1));
	sqlite3_finalize(q);
	/* score rows that match no one on the list */
	q = db_prep(d, "SELECT line, coalesce(participant_id, who) FROM "
		    "temp.stage_scores s WHERE participant_id IS NULL OR NOT "
		    "EXISTS (SELECT 1 FROM temp.stage_people p WHERE "
		    "p.participant_id = s.participant_id) ORDER BY line");
	while (db_step(d, q) == SQLITE_ROW) {
		const unsigned char *who = sqlite3_column_text(q, 1);

		ibm_warn(scores, sqlite3_column_int64(q, 0), "%s is not on the "
			 "participant list of this bimtek; left out",
			 who && *who ? (const char *)who : "this row");
	}
	sqlite3_finalize(q);
	q = db_prep(d, "SELECT tanggal_mulai FROM events WHERE event_id = ?1");
	sqlite3_bind_int64(q, 1, event_id);
	if (db_step(d, q) == SQLITE_ROW)
		snprintf(date, sizeof date, "%s",
			 db_text(q, 0));
	sqlite3_finalize(q);
	q = db_prep(d, people_from_stage);
	sqlite3_bind_text(q, 1, date, -1, SQLITE_STATIC);
	db_run(d, q);
	sqlite3_finalize(q);
	q = db_prep(d, trainings_from_stage);
	sqlite3_bind_int64(q, 1, event_id);
	db_run(d, q);
	sqlite3_finalize(q);
	db_stage_end(d);
}

/* ------------------------------------ summary and certificates */

/* A file of two columns, a key and a value, each pair put by `put`
 * (pairs with an empty key or value are skipped): the summary's
 * statistics, the certificates' numbers. */
typedef void pair_fn(db_file *d, sqlite3_stmt *st, long long event_id,
		     const char *key, const char *val, const char *file,
		     long line);

static int read_pairs(db_file *d, long long event_id, ibm_csv *r,
		      const ibm_colspec *specs, const char *what,
		      const char *sql, pair_fn *put)
{
	int idx[2], k;
	const ibm_rec *rec;
	sqlite3_stmt *st;
	db_in_buf b0 = { 0 }, b1 = { 0 };

	if (db_in_columns(r, specs, 2, idx, what) != 0) {
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	st = db_prep(d, sql);
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		const char *key = db_in_text(rec, idx[0], &b0);
		const char *val = db_in_text(rec, idx[1], &b1);

		if (!*key || !*val)
			continue;
		sqlite3_bind_int64(st, 1, event_id);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		put(d, st, event_id, key, val, ibm_csv_name(r), rec->line);
	}
	free(b0.s);
	free(b1.s);
	sqlite3_finalize(st);
	return db_in_end(r, k);
}

static const ibm_colspec summary_specs[] = {
	{ "statistic|statistik|ukuran", 1 },
	{ "value|nilai", 1 },
};

/* A statistic: a number when it reads as one, else its text. */
static void put_stat(db_file *d, sqlite3_stmt *st, long long event_id,
		     const char *key, const char *val, const char *file,
		     long line)
{
	double x;

	(void)event_id;
	(void)key;
	(void)file;
	(void)line;
	if (ibm_parse_number(val, &x, 0) == 0 && isfinite(x))
		sqlite3_bind_double(st, 3, x);
	else
		sqlite3_bind_text(st, 3, val, -1, SQLITE_STATIC);
	db_run(d, st);
}

int db_read_summary(db_file *d, long long event_id, ibm_csv *r,
		    const db_in *in)
{
	(void)in;
	return read_pairs(d, event_id, r, summary_specs, "the summary of "
			  "ibm-score --summary is needed", "INSERT OR "
			  "REPLACE INTO event_stats (event_id, statistic, "
			  "value) VALUES (?1, ?2, ?3)", put_stat);
}

static const ibm_colspec cert_specs[] = {
	{ IBM_ALIASES_ID, 1 },
	{ "certificate_number|nomor sertifikat|no sertifikat|"
	  "certificate number", 1 },
};

/* A certificate number, to its participant of this bimtek. */
static void put_cert(db_file *d, sqlite3_stmt *st, long long event_id,
		     const char *key, const char *val, const char *file,
		     long line)
{
	(void)event_id;
	sqlite3_bind_text(st, 3, val, -1, SQLITE_STATIC);
	db_run(d, st);
	if (sqlite3_changes(d->h) == 0)
		ibm_warn(file, line, "%s is not on the participant list of "
			 "this bimtek; its certificate %s is left out", key,
			 val);
}

int db_read_certificates(db_file *d, long long event_id, ibm_csv *r,
			 const db_in *in)
{
	(void)in;
	return read_pairs(d, event_id, r, cert_specs, "the CSV output of "
			  "ibm-invite --certificates is needed", "UPDATE "
			  "trainings SET certificate_number = ?3 WHERE "
			  "event_id = ?1 AND participant_id = ?2", put_cert);
}

/* ----------------------------------------------------------- the add */

typedef int stage_fn(db_file *d, ibm_csv *r, const db_in *in);
typedef int reader_fn(db_file *d, long long event_id, ibm_csv *r,
		      const db_in *in);

static int stage_one(db_file *d, const char *path, const db_in *in,
		     const ibm_colspec *specs, size_t n, stage_fn *fn)
{
	int st;
	ibm_csv *r = db_in_open(path, in, specs, n, &st);

	return r ? fn(d, r, in) : st;
}

static int read_one(db_file *d, long long event_id, const char *path,
		    const db_in *in, const ibm_colspec *specs, size_t n,
		    reader_fn *fn)
{
	int st;
	ibm_csv *r = db_in_open(path, in, specs, n, &st);

	return r ? fn(d, event_id, r, in) : st;
}

int db_add_bimtek(db_file *d, const db_bimtek_src *src, const db_in *in)
{
	ibm_colspec ps[P_N];
	long long ev = db_put_event(d, src->ev, src->event_file);
	int st;

	if (ev < 0)
		return IBM_EX_DATAERR;
	participant_specs(ps);
	db_stage_begin(d);
	st = stage_one(d, src->participants, in, ps, P_N,
		       db_read_participants);
	if (!st && src->scores)
		st = stage_one(d, src->scores, in, score_specs, S_N,
			       db_read_scores);
	if (st)
		return st;
	db_stage_insert(d, ev, src->participants, src->scores);
	if (src->summary)
		st = read_one(d, ev, src->summary, in, summary_specs, 2,
			      db_read_summary);
	if (!st && src->certificates)
		st = read_one(d, ev, src->certificates, in, cert_specs, 2,
			      db_read_certificates);
	return st;
}
