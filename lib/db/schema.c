/*
 * schema.c - the tables of the database (documented in ibm-db(5)), the
 * version table and the upgrades.
 *
 * The schema is a list of steps; step N takes a file from version N - 1
 * to N and is recorded as a row of schema_version. A new file gets every
 * step; a file of an older version gets the steps it lacks, in the write
 * transaction of the run that opens it; a file of a later version (a row
 * of schema_version above the last step) is refused. A later version
 * adds a step at the end and never changes an earlier one, so that a
 * database made by this version opens in every later one.
 *
 * The comments in the SQL are kept by SQLite: `.schema` in the sqlite3
 * shell shows them.
 */
#include "db.h"

#include <string.h>

/* The columns of trainings, the same in every version of the table
 * (ibm-db merge copies them by position). */
#define TRAININGS_COLUMNS \
	"  event_id INTEGER NOT NULL\n" \
	"    REFERENCES events (event_id) ON DELETE CASCADE,\n" \
	"  participant_id TEXT NOT NULL REFERENCES people (participant_id),\n" \
	"  no INTEGER NOT NULL,         -- on this bimtek's list\n" \
	"  nama TEXT NOT NULL,          -- as on that list\n" \
	"  jabatan TEXT,\n" \
	"  unit_ibm TEXT,\n" \
	"  desa_kelurahan TEXT,\n" \
	"  kecamatan TEXT,\n" \
	"  kabupaten_kota TEXT,\n" \
	"  no_hp TEXT,\n" \
	"  email TEXT,\n" \
	"  jenis_kelamin TEXT,\n" \
	"  letter_number TEXT,          -- the invitation\n" \
	"  status TEXT,                 -- pre dan post, hanya pre, ...\n" \
	"  pre_score REAL,\n" \
	"  post_score REAL,\n" \
	"  max_score REAL,\n" \
	"  pre_percent REAL,\n" \
	"  post_percent REAL,\n" \
	"  gain REAL,\n" \
	"  n_gain REAL,\n" \
	"  n_gain_category TEXT,\n" \
	"  passed_pre TEXT,             -- ya, tidak\n" \
	"  passed_post TEXT,\n" \
	"  certificate_number TEXT,\n"

static const char *const schema_v1[] = {
	"CREATE TABLE schema_version (\n"
	"  version INTEGER PRIMARY KEY, -- one row per step applied\n"
	"  applied TEXT NOT NULL,       -- UTC time\n"
	"  program TEXT NOT NULL        -- the program that applied it\n"
	");\n",
	"CREATE TABLE offices (\n"
	"  office TEXT PRIMARY KEY,     -- satker: BNNK Sumbawa, BNNP NTB\n"
	"  updated TEXT NOT NULL        -- UTC time its rows last changed\n"
	");\n",
	"CREATE TABLE events (          -- one bimtek\n"
	"  event_id INTEGER PRIMARY KEY,\n"
	"  office TEXT NOT NULL REFERENCES offices (office),\n"
	"  acara TEXT NOT NULL,\n"
	"  tanggal_mulai TEXT NOT NULL, -- 2024-06-24\n"
	"  tanggal_selesai TEXT NOT NULL,\n"
	"  tempat TEXT,\n"
	"  hal TEXT,\n"
	"  tanggal_surat TEXT,\n"
	"  nomor TEXT,                  -- the letters' number pattern\n"
	"  nomor_sprin TEXT,\n"
	"  nomor_sertifikat TEXT,\n"
	"  source TEXT,                 -- the event file\n"
	"  added TEXT NOT NULL,\n"
	"  UNIQUE (office, tanggal_mulai, tanggal_selesai)\n"
	");\n"
	"CREATE INDEX events_order ON events (tanggal_mulai, office, "
	"event_id);\n",
	"CREATE TABLE event_stats (     -- ibm-score --summary\n"
	"  event_id INTEGER NOT NULL\n"
	"    REFERENCES events (event_id) ON DELETE CASCADE,\n"
	"  statistic TEXT NOT NULL,\n"
	"  value,\n"
	"  PRIMARY KEY (event_id, statistic)\n"
	");\n",
	"CREATE TABLE people (          -- as of their latest bimtek\n"
	"  participant_id TEXT PRIMARY KEY, -- IBM-07A34073\n"
	"  nama TEXT NOT NULL,\n"
	"  jabatan TEXT,\n"
	"  unit_ibm TEXT,\n"
	"  desa_kelurahan TEXT,\n"
	"  kecamatan TEXT,\n"
	"  kabupaten_kota TEXT,\n"
	"  no_hp TEXT,\n"
	"  email TEXT,\n"
	"  jenis_kelamin TEXT,\n"
	"  seen TEXT NOT NULL           -- tanggal_mulai of that bimtek\n"
	");\n",
	"CREATE TABLE trainings (       -- one person in one bimtek\n"
	TRAININGS_COLUMNS
	"  PRIMARY KEY (event_id, no, participant_id), -- the list's order\n"
	"  UNIQUE (event_id, participant_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX trainings_person ON trainings (participant_id);\n",
	"CREATE TABLE units (           -- an IBM unit\n"
	"  unit_id INTEGER PRIMARY KEY,\n"
	"  unit_key TEXT NOT NULL UNIQUE, -- the identity ibm-monev matches\n"
	"  provinsi TEXT NOT NULL,\n"
	"  kabupaten_kota TEXT NOT NULL,\n"
	"  kecamatan TEXT,\n"
	"  desa_kelurahan TEXT NOT NULL,\n"
	"  nama_unit TEXT NOT NULL,\n"
	"  tahun_berdiri INTEGER\n"
	");\n",
	"CREATE TABLE visits (          -- a unit's Monev in one semester\n"
	"  visit_id INTEGER PRIMARY KEY,\n"
	"  unit_id INTEGER NOT NULL REFERENCES units (unit_id),\n"
	"  periode TEXT NOT NULL,       -- 2024-S1\n"
	"  satker TEXT NOT NULL REFERENCES offices (office),\n"
	"  provinsi TEXT NOT NULL,      -- the unit as this visit's CSV\n"
	"  kabupaten_kota TEXT NOT NULL, -- spells it\n"
	"  kecamatan TEXT,\n"
	"  desa_kelurahan TEXT NOT NULL,\n"
	"  nama_unit TEXT NOT NULL,\n"
	"  dimonev INTEGER NOT NULL,    -- 1 visited, 0 listed, not visited\n"
	"  tanggal_monev TEXT,\n"
	"  petugas TEXT,\n"
	"  tahun_berdiri INTEGER,\n"
	"  status TEXT,                 -- from the master list of units\n"
	"  skor_total REAL,\n"
	"  fase TEXT,\n"
	"  kurang_untuk_fase_berikut TEXT,\n"
	"  source TEXT,                 -- the per-unit CSV\n"
	"  added TEXT NOT NULL,\n"
	"  UNIQUE (unit_id, periode)\n"
	");\n"
	"CREATE INDEX visits_satker ON visits (satker);\n",
	"CREATE TABLE visit_values (    -- group scores and indicators\n"
	"  visit_id INTEGER NOT NULL\n"
	"    REFERENCES visits (visit_id) ON DELETE CASCADE,\n"
	"  column_name TEXT NOT NULL,   -- skor_tata_kelola, sk_unit, ...\n"
	"  value,                       -- as in the CSV: 58.1, ya, 3\n"
	"  position INTEGER NOT NULL,   -- the column's place in the CSV\n"
	"  PRIMARY KEY (visit_id, column_name)\n"
	") WITHOUT ROWID;\n",
	"CREATE TABLE letters (         -- the register of outgoing letters\n"
	"  letter_id INTEGER PRIMARY KEY,\n"
	"  office TEXT NOT NULL REFERENCES offices (office),\n"
	"  tanggal TEXT,\n"
	"  jenis TEXT,                  -- undangan, sprin, sertifikat, ...\n"
	"  urut INTEGER,\n"
	"  nomor TEXT NOT NULL,\n"
	"  kepada TEXT,\n"
	"  hal TEXT,\n"
	"  added TEXT NOT NULL,\n"
	"  UNIQUE (office, nomor)\n"
	");\n"
	"CREATE INDEX letters_nomor ON letters (nomor COLLATE NOCASE);\n",
	"CREATE TABLE merges (          -- the copies merged, per office\n"
	"  office TEXT NOT NULL REFERENCES offices (office),\n"
	"  file TEXT NOT NULL,\n"
	"  copy_updated TEXT NOT NULL,  -- the office's time in the copy\n"
	"  merged TEXT NOT NULL\n"
	");\n",
	NULL
};

/*
 * Version 2: trainings indexed once by person. Version 1 kept the pair
 * (event_id, participant_id) unique and indexed participant_id again
 * for a person's history: two indexes by participant_id, each filled in
 * an order not its own on every add (a third is the primary key of
 * people). One unique index (participant_id, event_id) does both jobs;
 * an add of 10^5 people takes a quarter less time. The table is made
 * anew and the rows copied (SQLite cannot drop a UNIQUE constraint),
 * by way of a temporary table rather than ALTER TABLE RENAME: the
 * file keeps the CREATE TABLE text as written here, not as a version of
 * SQLite rewrote it (db_open compares it with this text).
 */
static const char *const schema_v2[] = {
	"CREATE TEMP TABLE trainings_v1 AS SELECT * FROM main.trainings;\n",
	"DROP TABLE main.trainings;\n",
	"CREATE TABLE trainings (       -- one person in one bimtek\n"
	TRAININGS_COLUMNS
	"  PRIMARY KEY (event_id, no, participant_id), -- the list's order\n"
	"  UNIQUE (participant_id, event_id) -- a person's bimteks\n"
	") WITHOUT ROWID;\n",
	"INSERT INTO main.trainings SELECT * FROM temp.trainings_v1;\n",
	"DROP TABLE temp.trainings_v1;\n",
	NULL
};

const db_step_sql db_schema_steps[] = {
	{ 1, schema_v1, 0 },
	{ 2, schema_v2, 1 },
};
const size_t db_schema_nsteps = sizeof db_schema_steps /
				 sizeof *db_schema_steps;

int db_schema_reads(const db_step_sql *steps, size_t n, int v)
{
	for (size_t i = 0; i < n; i++)
		if (steps[i].version > v && !steps[i].same_rows)
			return 0;
	return 1;
}

/* Is the file empty (no table yet)? */
static int empty_file(db_file *d)
{
	return db_int(d, "SELECT count(*) FROM sqlite_schema") == 0;
}

/* The version of an existing file: -1 (after printing) when it is not
 * an ibm-db database. */
static int file_version(db_file *d)
{
	long long app = db_int(d, "PRAGMA application_id");
	sqlite3_stmt *st;
	int v = 0;

	if (app != DB_APP_ID) {
		ibm_error(d->path, 0, "an SQLite database, but not one of "
			  "ibm-db (another program's)");
		return -1;
	}
	st = db_prep(d, "SELECT max(version) FROM schema_version");
	if (db_step(d, st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int later(db_file *d, int v, int last)
{
	ibm_error(d->path, 0, "made by a later version of ibmkit (schema "
		  "version %d; this one reads up to %d): update ibmkit to "
		  "read it", v, last);
	return IBM_EX_DATAERR;
}

int db_schema_apply(db_file *d, const db_step_sql *steps, size_t n)
{
	int v = 0, last = steps[n - 1].version;
	sqlite3_stmt *st;

	if (empty_file(d)) {
		char sql[64];

		snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
			 DB_APP_ID);
		db_exec(d, sql);
	} else if ((v = file_version(d)) < 0) {
		return IBM_EX_DATAERR;
	}
	if (v > last)
		return later(d, v, last);
	for (size_t i = 0; i < n; i++) {
		if (steps[i].version <= v)
			continue;
		for (const char *const *q = steps[i].sql; *q; q++)
			db_exec(d, *q);
		st = db_prep(d, "INSERT INTO schema_version (version, "
			     "applied, program) VALUES (?1, ?2, 'ibmkit "
			     IBMKIT_VERSION "')");
		sqlite3_bind_int(st, 1, steps[i].version);
		sqlite3_bind_text(st, 2, db_now(d), -1, SQLITE_STATIC);
		db_run(d, st);
		sqlite3_finalize(st);
	}
	d->version = last;
	return 0;
}

int db_schema_check(db_file *d, int last)
{
	int v;

	if (empty_file(d)) {
		ibm_error(d->path, 0, "an empty file, not an ibm-db database "
			  "yet (ibm-db add makes one)");
		return IBM_EX_DATAERR;
	}
	if ((v = file_version(d)) < 0)
		return IBM_EX_DATAERR;
	if (v > last)
		return later(d, v, last);
	d->version = v;
	return v < last ? DB_OLDER : 0;
}

static const db_step_sql *steps_used = db_schema_steps;
static size_t nsteps_used = sizeof db_schema_steps / sizeof *db_schema_steps;

void db_schema_use(const db_step_sql *steps, size_t n)
{
	steps_used = steps;
	nsteps_used = n;
}

const db_step_sql *db_schema_current(size_t *n)
{
	*n = nsteps_used;
	return steps_used;
}
