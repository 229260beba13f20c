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

/* The scores file as it is read: its current row (texts in buf, numbers
 * in x; have: there is one). */
typedef struct scores_in {
	ibm_csv *r;
	const db_in *in;
	int idx[S_N], have;
	long line;
	db_in_buf buf[S_N];
	const char *v[S_N];
	double x[S_N];
} scores_in;

/* The next row of the scores (s->have 0 at the end): 0 or the exit
 * status (printed). */
static int score_next(scores_in *s)
{
	const ibm_rec *rec;
	int k;

	s->have = 0;
	while ((k = ibm_csv_read(s->r, &rec)) > 0) {
		if (db_in_blank(rec))
			continue;
		for (int i = 0; i < S_N; i++) {
			int num = i >= S_PRE && i <= S_NGAIN;

			s->v[i] = num ? NULL : db_in_text(rec, s->idx[i],
							  &s->buf[i]);
			if (num && db_in_num(s->r, rec, s->idx[i],
					     score_cols[i], s->in,
					     &s->x[i]) != 0)
				return IBM_EX_DATAERR;
		}
		s->line = rec->line;
		s->have = 1;
		return 0;
	}
	return k < 0 ? ibm_csv_status(s->r) : 0;
}

/* The scores' header: 0 or 65 (printed). */
static int score_columns(scores_in *s)
{
	ibm_csv *r = s->r;
	const int *idx = s->idx;

	if (db_in_columns(r, score_specs, S_N, s->idx, "") != 0)
		return IBM_EX_DATAERR;
	if (idx[S_PRE] < 0 && idx[S_POST] < 0 && idx[S_STATUS] < 0) {
		ibm_error(ibm_csv_name(r), ibm_csv_header(r)->line,
			  "missing required column(s): pre_score or "
			  "post_score (the pre/post output of ibm-score)");
		return IBM_EX_DATAERR;
	}
	if (idx[S_ID] < 0 && idx[S_NAME] < 0 && idx[S_EMAIL] < 0 &&
	    idx[S_PHONE] < 0) {
		ibm_error(ibm_csv_name(r), ibm_csv_header(r)->line,
			  "missing required column(s): participant_id, "
			  "email, phone or name (who each row is)");
		return IBM_EX_DATAERR;
	}
	return 0;
}

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

/* The participants of the event by e-mail, phone and name, for score
 * rows without a participant_id; a key two people share matches
 * neither. */
static void build_match(db_file *d, long long event_id)
{
	sqlite3_stmt *q, *ins, *amb;

	db_exec(d, "CREATE TEMP TABLE IF NOT EXISTS score_match (k TEXT "
		"PRIMARY KEY, participant_id TEXT)");
	db_exec(d, "DELETE FROM temp.score_match");
	q = db_prep(d, "SELECT participant_id, email, no_hp, nama FROM "
		    "trainings WHERE event_id = ?1");
	sqlite3_bind_int64(q, 1, event_id);
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

/* The participant_id of a score row without one, from its e-mail,
 * phone, then name (v: those three); NULL when none matches
 * (malloc'd). */
static char *match_row(db_file *d, sqlite3_stmt *q, const char *const *v)
{
	for (int c = 0; c < 3; c++) {
		char *key = match_key(c, v[c]), *id = NULL;

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

/* ------------------------------------- participants and scores in */

/*
 * The participants are read once, in the list's order, each row put at
 * once into people (upsert) and trainings (in the list's order: the
 * trainings B-tree is filled from one end). ibm-score --roster writes its
 * rows in the participants' order, so the scores are read alongside: the
 * current score row is the participant's as a rule. A score row out of
 * step is put aside in temp.stage_scores (indexed by participant_id),
 * where a later participant finds it; past OUT_OF_STEP rows waiting
 * (scores in an order of their own) the rest of the file is staged at
 * once. At the end the rows still staged go on their participants in
 * one UPDATE over the event's trainings (by participant_id, or for a row
 * without one by e-mail, phone, name); a row that matches no one is a
 * warning. A list in step stages nothing: no row is written twice, no
 * participant is looked up, and memory does not grow with the number of
 * people.
 */

/* The trainings' values, numbered as the statements below number them:
 * ?1 event_id, ?2 participant_id, ?3 no, ?4..?12 the list's fields
 * (inv_field_specs' order), ?13 letter_number, ?14 status, ?15..?21
 * pre_score..n_gain, ?22 n_gain_category, ?23 passed_pre, ?24
 * passed_post; for train_dup ?25: the row has scores. */
#define TRAINING_COLS "event_id, participant_id, no, nama, jabatan, " \
	"unit_ibm, desa_kelurahan, kecamatan, kabupaten_kota, no_hp, email, " \
	"jenis_kelamin, letter_number, status, pre_score, post_score, " \
	"max_score, pre_percent, post_percent, gain, n_gain, " \
	"n_gain_category, passed_pre, passed_post"
#define SCORE_SET(c, n) c " = iif(?25, ?" n ", " c ")"
enum { T_SCORES = 14, T_NGAIN = 21 };

static const char train_ins_sql[] =
	"INSERT INTO trainings (" TRAINING_COLS ") VALUES (?1, ?2, ?3, ?4, "
	"?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
	"?19, ?20, ?21, ?22, ?23, ?24) ON CONFLICT DO NOTHING";
/* a participant_id on the list again: its later line is kept, with the
 * scores it has */
static const char train_dup_sql[] =
	"UPDATE trainings SET no = ?3, nama = ?4, jabatan = ?5, unit_ibm = "
	"?6, desa_kelurahan = ?7, kecamatan = ?8, kabupaten_kota = ?9, "
	"no_hp = ?10, email = ?11, jenis_kelamin = ?12, letter_number = ?13, "
	SCORE_SET("status", "14") ", " SCORE_SET("pre_score", "15") ", "
	SCORE_SET("post_score", "16") ", " SCORE_SET("max_score", "17") ", "
	SCORE_SET("pre_percent", "18") ", " SCORE_SET("post_percent", "19")
	", " SCORE_SET("gain", "20") ", " SCORE_SET("n_gain", "21") ", "
	SCORE_SET("n_gain_category", "22") ", " SCORE_SET("passed_pre", "23")
	", " SCORE_SET("passed_post", "24") " WHERE event_id = ?1 AND "
	"participant_id = ?2";
/* a score row put on its participant at the end */
static const char train_score_sql[] =
	"UPDATE trainings SET status = ?14, pre_score = ?15, post_score = "
	"?16, max_score = ?17, pre_percent = ?18, post_percent = ?19, gain = "
	"?20, n_gain = ?21, n_gain_category = ?22, passed_pre = ?23, "
	"passed_post = ?24 WHERE event_id = ?1 AND participant_id = ?2";
static const char people_sql[] =
	"INSERT INTO people (participant_id, nama, jabatan, unit_ibm, "
	"desa_kelurahan, kecamatan, kabupaten_kota, no_hp, email, "
	"jenis_kelamin, seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	"?10, ?11) " DB_PEOPLE_UPSERT;
/* the score rows put aside: ?14..?24 as in trainings */
static const char *const stage_sql[] = {
	"CREATE TEMP TABLE IF NOT EXISTS stage_scores (line INTEGER, "
	"participant_id TEXT, who TEXT, email TEXT, no_hp TEXT, nama TEXT, "
	"status TEXT, pre_score REAL, post_score REAL, max_score REAL, "
	"pre_percent REAL, post_percent REAL, gain REAL, n_gain REAL, "
	"n_gain_category TEXT, passed_pre TEXT, passed_post TEXT)",
	"CREATE INDEX IF NOT EXISTS temp.stage_scores_id ON stage_scores "
	"(participant_id, line)",
	"DELETE FROM temp.stage_scores",
	NULL
};
#define STAGE_SCORES "status, pre_score, post_score, max_score, " \
	"pre_percent, post_percent, gain, n_gain, n_gain_category, " \
	"passed_pre, passed_post"

/* The statements of one run of db_read_people, prepared once. */
typedef struct people_run {
	db_file *d;
	long long event_id;
	sqlite3_stmt *people, *ins, *dup, *stage, *take, *drop;
	long staged;  /* rows put aside so far */
	long waiting; /* of them, not taken by a participant yet */
	int bulk;     /* every score row is staged: all go on at the end */
	char date[16]; /* the event's tanggal_mulai: people's seen */
} people_run;

/* Bind the current score row as ?14..?24 of st. */
static void bind_score(sqlite3_stmt *st, const scores_in *s)
{
	db_bind_static(st, T_SCORES, s->v[S_STATUS]);
	for (int i = S_PRE; i <= S_NGAIN; i++)
		db_bind_num(st, T_SCORES + 1 + i - S_PRE, s->x[i]);
	db_bind_static(st, T_NGAIN + 1, s->v[S_CAT]);
	db_bind_static(st, T_NGAIN + 2, s->v[S_PASSPRE]);
	db_bind_static(st, T_NGAIN + 3, s->v[S_PASSPOST]);
}

/* Bind the scores of a staged row (the columns STAGE_SCORES of q from
 * column `first`) as ?14..?24 of st; NULL q binds none. */
static void bind_staged(sqlite3_stmt *st, sqlite3_stmt *q, int first)
{
	for (int i = 0; i <= T_NGAIN + 3 - T_SCORES; i++)
		if (q)
			sqlite3_bind_value(st, T_SCORES + i,
					   sqlite3_column_value(q, first + i));
		else
			sqlite3_bind_null(st, T_SCORES + i);
}

/* Put the current score row aside. */
static void stage_score(people_run *p, const scores_in *s)
{
	sqlite3_stmt *st = p->stage;
	const char *who = *s->v[S_NAME] ? s->v[S_NAME] : *s->v[S_EMAIL] ?
			  s->v[S_EMAIL] : s->v[S_PHONE];

	p->waiting++;
	if (p->staged++ == 0)
		for (const char *const *q = stage_sql; *q; q++)
			db_exec(p->d, *q);
	if (!st)
		st = p->stage = db_prep_keep(p->d, "INSERT INTO "
			"temp.stage_scores VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
			"?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
			"?24)");
	sqlite3_bind_int64(st, 1, s->line);
	db_bind_static(st, 2, s->v[S_ID]);
	db_bind_static(st, 3, who);
	db_bind_static(st, 4, s->v[S_EMAIL]);
	db_bind_static(st, 5, s->v[S_PHONE]);
	db_bind_static(st, 6, s->v[S_NAME]);
	bind_score(st, s);
	db_run(p->d, st);
}

/* The staged score row of participant id (its latest line), as the
 * current row of p->take: 1, or 0 when none is staged. */
static int take_staged(people_run *p, const char *id)
{
	if (!p->take)
		p->take = db_prep_keep(p->d, "SELECT " STAGE_SCORES " FROM "
				    "temp.stage_scores WHERE participant_id = "
				    "?1 ORDER BY line DESC LIMIT 1");
	sqlite3_bind_text(p->take, 1, id, -1, SQLITE_STATIC);
	if (db_step(p->d, p->take) == SQLITE_ROW)
		return 1;
	sqlite3_reset(p->take);
	return 0;
}

/* Forget the staged score rows of participant id (it has its scores). */
static void drop_staged(people_run *p, const char *id)
{
	if (!p->drop)
		p->drop = db_prep_keep(p->d, "DELETE FROM temp.stage_scores "
				    "WHERE participant_id = ?1");
	sqlite3_bind_text(p->drop, 1, id, -1, SQLITE_STATIC);
	db_run(p->d, p->drop);
}

/* Score rows staged and not yet taken beyond which the scores are taken
 * as out of step as a whole (ibm-score without --roster writes the
 * pre-test's order): the rest is staged at once and indexed once. */
enum { OUT_OF_STEP = 256 };

/* Stage every score row left: appended, then indexed in one sort (not
 * one index insert per row out of order): 0 or the exit status. */
static int stage_rest(people_run *p, scores_in *s)
{
	int st = 0;

	db_exec(p->d, "DROP INDEX temp.stage_scores_id");
	while (s->have && !st) {
		stage_score(p, s);
		st = score_next(s);
	}
	db_exec(p->d, stage_sql[1]);
	p->bulk = 1;
	return st;
}

/* Which scores participant id has: 1 the current score row (s), 2 a
 * staged one (p->take's row), 0 none yet. Score rows out of step are
 * put aside on the way: one before the participant's own, or the one
 * the participant is not (a later participant's). */
static int find_score(people_run *p, scores_in *s, const char *id, int *st)
{
	if (p->bulk)
		return 0;
	if (s->have && !strcmp(s->v[S_ID], id))
		return 1;
	if (p->staged && take_staged(p, id)) {
		p->waiting--;
		return 2;
	}
	if (s->have) {
		stage_score(p, s);
		if ((*st = score_next(s)) != 0)
			return 0;
		if (p->waiting > OUT_OF_STEP) {
			*st = stage_rest(p, s);
			return 0;
		}
		if (s->have && !strcmp(s->v[S_ID], id))
			return 1;
	}
	return 0;
}

/* The staged rows at the end, in line order: each put on its
 * participant of this bimtek, or a warning. */
static void staged_end(people_run *p, const char *scores)
{
	db_file *d = p->d;
	sqlite3_stmt *q, *upd, *mq = NULL;

	if (!p->staged)
		return;
	/* the rows with a participant_id on the list, each participant's
	 * latest: one pass over the event's trainings in their order (the
	 * primary key's: `no` is 1 or more, and with it the planner takes
	 * the rows in that order, not by participant_id, which would
	 * rewrite them all over the table) */
	q = db_prep(d, "UPDATE trainings SET (" STAGE_SCORES ") = (SELECT "
		    STAGE_SCORES " FROM temp.stage_scores s WHERE "
		    "s.participant_id = trainings.participant_id ORDER BY "
		    "line DESC LIMIT 1) WHERE event_id = ?1 AND no > 0 AND "
		    "+participant_id IN (SELECT participant_id FROM "
		    "temp.stage_scores)");
	sqlite3_bind_int64(q, 1, p->event_id);
	db_run(d, q);
	sqlite3_finalize(q);
	/* the others: matched by e-mail, phone or name, or a warning */
	q = db_prep(d, "SELECT line, participant_id, coalesce("
		    "participant_id, who), email, no_hp, nama, " STAGE_SCORES
		    " FROM temp.stage_scores s WHERE participant_id IS NULL "
		    "OR NOT EXISTS (SELECT 1 FROM trainings t WHERE "
		    "t.event_id = ?1 AND t.participant_id = "
		    "s.participant_id) ORDER BY line");
	sqlite3_bind_int64(q, 1, p->event_id);
	upd = db_prep(d, train_score_sql);
	while (db_step(d, q) == SQLITE_ROW) {
		const unsigned char *who = sqlite3_column_text(q, 2);
		char *id = NULL;
		int done = 0;

		if (sqlite3_column_type(q, 1) == SQLITE_NULL) {
			const char *v[3];

			if (!mq) {
				build_match(d, p->event_id);
				mq = db_prep(d, "SELECT participant_id FROM "
					     "temp.score_match WHERE k = ?1");
			}
			for (int c = 0; c < 3; c++)
				v[c] = db_text(q, 3 + c);
			id = match_row(d, mq, v);
		}
		if (id) {
			sqlite3_bind_int64(upd, 1, p->event_id);
			sqlite3_bind_text(upd, 2, id, -1, SQLITE_STATIC);
			bind_staged(upd, q, 6);
			db_run(d, upd);
			done = sqlite3_changes(d->h) > 0;
			free(id);
		}
		if (!done)
			ibm_warn(scores, sqlite3_column_int64(q, 0), "%s is not "
				 "on the participant list of this bimtek; left "
				 "out", who && *who ? (const char *)who :
				 "this row");
	}
	sqlite3_finalize(q);
	sqlite3_finalize(upd);
	sqlite3_finalize(mq);
	db_exec(d, "DELETE FROM temp.stage_scores");
	db_exec(d, "DROP TABLE IF EXISTS temp.score_match");
}

/* A participant_id on the list again: a warning, and its later line
 * kept (with the scores either line has). */
static void put_dup(people_run *p, const char *file, long line,
		    const char *id, int scored)
{
	sqlite3_stmt *q = db_prep(p->d, "SELECT no FROM trainings WHERE "
				  "event_id = ?1 AND participant_id = ?2");

	sqlite3_bind_int64(q, 1, p->event_id);
	sqlite3_bind_text(q, 2, id, -1, SQLITE_STATIC);
	if (db_step(p->d, q) == SQLITE_ROW)
		ibm_warn(file, line, "participant_id %s is on the list "
			 "already (number %lld); this line is kept", id,
			 (long long)sqlite3_column_int64(q, 0));
	sqlite3_finalize(q);
	sqlite3_bind_int(p->dup, 25, scored);
	db_run(p->d, p->dup);
}

/* The event's date, people's `seen`. */
static void event_date(db_file *d, long long event_id, char *date,
		       size_t size)
{
	sqlite3_stmt *q = db_prep(d, "SELECT tanggal_mulai FROM events "
				  "WHERE event_id = ?1");

	*date = '\0';
	sqlite3_bind_int64(q, 1, event_id);
	if (db_step(d, q) == SQLITE_ROW)
		snprintf(date, size, "%s", db_text(q, 0));
	sqlite3_finalize(q);
}

static void run_end(people_run *p)
{
	sqlite3_finalize(p->people);
	sqlite3_finalize(p->ins);
	sqlite3_finalize(p->dup);
	sqlite3_finalize(p->stage);
	sqlite3_finalize(p->take);
	sqlite3_finalize(p->drop);
}

/* Bind a training's values ?1..?24 (scores from: 1 the current score
 * row, 2 p->take's row, 0 none). */
static void bind_training(people_run *p, sqlite3_stmt *t, const scores_in *s,
			  int got, const char *const *v, long no)
{
	sqlite3_bind_int64(t, 1, p->event_id);
	sqlite3_bind_text(t, 2, v[P_ID], -1, SQLITE_STATIC);
	sqlite3_bind_int64(t, 3, no);
	for (int i = 0; i < INV_NF; i++)
		db_bind_static(t, 4 + i, v[P_F + i]);
	db_bind_static(t, 13, v[P_LETTER]);
	if (got == 1)
		bind_score(t, s);
	else
		bind_staged(t, got ? p->take : NULL, 0);
}

/* One participant's row (v: the P_ columns) into people and trainings,
 * with its scores: 0 or the exit status (printed) of the scores. */
static int put_participant(people_run *p, scores_in *s, const char *const *v,
			   long no, const char *file, long line)
{
	int st = 0, got = s ? find_score(p, s, v[P_ID], &st) : 0;

	if (st)
		return st;
	sqlite3_bind_text(p->people, 1, v[P_ID], -1, SQLITE_STATIC);
	for (int i = 0; i < INV_NF; i++)
		db_bind_static(p->people, 2 + i, v[P_F + i]);
	sqlite3_bind_text(p->people, 11, p->date, -1, SQLITE_STATIC);
	db_run(p->d, p->people);
	bind_training(p, p->ins, s, got, v, no);
	db_run(p->d, p->ins);
	if (sqlite3_changes(p->d->h) == 0) { /* on the list already */
		bind_training(p, p->dup, s, got, v, no);
		put_dup(p, file, line, v[P_ID], got != 0);
	}
	if (got == 1) {
		if (p->staged)
			drop_staged(p, v[P_ID]);
		st = score_next(s);
	} else if (got == 2) {
		sqlite3_reset(p->take);
		drop_staged(p, v[P_ID]);
	}
	return st;
}

int db_read_people(db_file *d, long long event_id, ibm_csv *r,
		   ibm_csv *scores, const db_in *in)
{
	ibm_colspec specs[P_N];
	int idx[P_N], k = 0, st = 0;
	const ibm_rec *rec;
	db_in_buf buf[P_N] = { { 0 } };
	const char *v[P_N];
	scores_in s = { 0 };
	people_run p = { 0 };
	long rows = 0;

	participant_specs(specs);
	s.r = scores;
	s.in = in;
	if (db_in_columns(r, specs, P_N, idx, "the participants as "
			  "ibm-invite writes them are needed (with "
			  "participant_id)") != 0 ||
	    (scores && score_columns(&s) != 0)) {
		st = IBM_EX_DATAERR;
		goto out;
	}
	if (scores && (st = score_next(&s)) != 0)
		goto out;
	p.d = d;
	p.event_id = event_id;
	event_date(d, event_id, p.date, sizeof p.date);
	p.people = db_prep_keep(d, people_sql);
	p.ins = db_prep_keep(d, train_ins_sql);
	p.dup = db_prep_keep(d, train_dup_sql);
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
		if ((st = put_participant(&p, scores ? &s : NULL, v, no,
					  ibm_csv_name(r), rec->line)) != 0)
			break;
		rows++;
	}
	if (k < 0)
		st = ibm_csv_status(r);
	if (!st && rows == 0) {
		ibm_error(ibm_csv_name(r), 0, "no participants");
		st = IBM_EX_DATAERR;
	}
	/* the score rows after the list's last participant */
	while (!st && s.have) {
		stage_score(&p, &s);
		st = score_next(&s);
	}
	if (!st && scores)
		staged_end(&p, ibm_csv_name(scores));
out:
	run_end(&p);
	for (int i = 0; i < P_N; i++)
		free(buf[i].s);
	for (int i = 0; i < S_N; i++)
		free(s.buf[i].s);
	ibm_csv_close(r);
	if (scores)
		ibm_csv_close(scores);
	return st;
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

typedef int reader_fn(db_file *d, long long event_id, ibm_csv *r,
		      const db_in *in);

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
	ibm_csv *r, *sr = NULL;
	int st;

	if (ev < 0)
		return IBM_EX_DATAERR;
	participant_specs(ps);
	if (!(r = db_in_open(src->participants, in, ps, P_N, &st)))
		return st;
	if (src->scores && !(sr = db_in_open(src->scores, in, score_specs,
					     S_N, &st))) {
		ibm_csv_close(r);
		return st;
	}
	st = db_read_people(d, ev, r, sr, in);
	if (!st && src->summary)
		st = read_one(d, ev, src->summary, in, summary_specs, 2,
			      db_read_summary);
	if (!st && src->certificates)
		st = read_one(d, ev, src->certificates, in, cert_specs, 2,
			      db_read_certificates);
	return st;
}
