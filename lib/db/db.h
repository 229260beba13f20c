/*
 * db.h - ibm-db: the database Rehabilitasi, one SQLite file (libsqlite3)
 * holding an office's bimtek, Monev visits and letters; see ibm-db(1) and
 * the schema in ibm-db(5).
 *
 *   store.c    opening (created 0600), locking with a bounded wait,
 *              transactions, SQLite errors as sysexits statuses
 *   schema.c   the schema, its version table and the upgrades
 *   bimtek.c   add bimtek: the event file, participants, scores, summary,
 *              certificate numbers
 *   visits.c   add monev: ibm-monev's per-unit CSV; the visits read back
 *              for ibm-monev --db
 *   letters.c  add letters: the register of outgoing letters
 *   query.c    list, history, find and check: CSV out of the tables
 *   export.c   the workbook of every table, and the shared copy without
 *              phone numbers and e-mail addresses
 *   merge.c    merge: other offices' copies into this database
 *
 * Every add is one transaction (BEGIN IMMEDIATE ... COMMIT): all of it or
 * nothing; a run that dies rolls back (an atexit handler; a killed run's
 * journal is rolled back by the next open).
 */
#ifndef DB_H
#define DB_H

#include "event.h"
#include "ibmkit.h"

#include <sqlite3.h>

typedef struct inv_register inv_register; /* invite.h */

/* PRAGMA application_id of an ibm-db file: "IBMK". */
#define DB_APP_ID 0x49424d4b
/* Seconds a run waits for another run's lock by default (--wait). */
#define DB_WAIT_DEFAULT 30

/* ---------------------------------------------------------------- store */

typedef struct db_file {
	sqlite3 *h;
	char *path;        /* as given, for messages */
	int write;         /* opened for writing */
	int created;       /* this run made the file */
	int tx;            /* inside a transaction */
	int wait;          /* seconds to wait for a lock */
	int version;       /* schema version of the file (after upgrades) */
	const char *blame; /* the attached file being read (merge): errors
			    * name it, and are bad data (65) */
} db_file;

enum { DB_READ, DB_WRITE, DB_COPY };

/*
 * Open the database at PATH ("FILE" in messages). DB_READ: the file must
 * exist (66 when it cannot be opened). DB_WRITE: made when missing,
 * readable by its owner only. Either way a read (DB_READ) or write
 * (DB_WRITE, BEGIN IMMEDIATE) transaction is open on return, the file is
 * checked to be an ibm-db database (65 when not), a new one gets the
 * schema and an older one its upgrades inside that transaction; a
 * database of a later schema is refused (65). A lock held by another run
 * is waited for WAIT seconds, then the run ends with 75. DB_COPY: as
 * DB_READ for a file that is not ours (merge's copies): opened read-only
 * and never written, an older version read as it is, not upgraded (its
 * columns are the later versions' too). ":memory:" is a new database in
 * memory (tests).
 */
db_file *db_open(const char *path, int mode, int wait);
/* Commit the transaction open since db_open (or db_begin), then close. */
void db_commit(db_file *d);
/* Roll back and close (nothing of the run stays). */
void db_close(db_file *d);

/* Die with the status SQLite's result code rc means, naming the file:
 * 75 locked, 65 not a database or damaged, 73 read-only, 74 I/O or disk
 * full, 70 otherwise. */
_Noreturn void db_fail(db_file *d, int rc);
/* A prepared statement (dies on error); finalize with
 * sqlite3_finalize. */
sqlite3_stmt *db_prep(db_file *d, const char *sql);
/* Step: SQLITE_ROW or SQLITE_DONE; any other result dies (db_fail). */
int db_step(db_file *d, sqlite3_stmt *st);
/* Step a statement that returns no row to its end, then reset it. */
void db_run(db_file *d, sqlite3_stmt *st);
/* Run SQL without results (dies on error). */
void db_exec(db_file *d, const char *sql);
/* The integer the first column of the first row of SQL holds (0 when
 * no row). */
long long db_int(db_file *d, const char *sql);
/* Bind text (NULL and "" bind NULL), a number (NaN binds NULL). */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
void db_bind_num(sqlite3_stmt *st, int i, double v);
/* Column i of the row as text, "" for NULL (and an empty BLOB): a
 * database made elsewhere may hold NULL where ibm-db never writes one. */
const char *db_text(sqlite3_stmt *st, int i);
/* The time of this run for the added and updated columns: UTC,
 * "2024-06-24T01:02:03.456Z" (SQLite's clock, milliseconds). */
const char *db_now(db_file *d);
/* Number text for output: whole numbers without decimals, others in the
 * shortest form that reads back the same ("45.45", "-0.1667"). */
char *db_fmt_num(char *buf, size_t size, double v);

/* The office of an event file: its satker key (shortened as below when
 * written out as "Badan Narkotika Nasional ..."), else the last line of
 * instansi shortened as offices write their own names ("BADAN NARKOTIKA
 * NASIONAL KABUPATEN SUMBAWA" -> "BNNK Sumbawa", "... PROVINSI NUSA
 * TENGGARA BARAT" -> "BNNP Nusa Tenggara Barat"); malloc'd, NULL when the
 * file has neither. */
char *db_event_office(const ibm_event *ev);
/* Record that OFFICE's rows changed in this run (offices.updated). */
void db_touch_office(db_file *d, const char *office);

/* --------------------------------------------------------------- schema */

/* One upgrade: the SQL statements (NULL-terminated) that take the
 * schema from version - 1 to version; same_rows: the step changes no
 * table's columns (indexes only), so that a file without it reads as it
 * is (a read-only file, a merge's copy: not upgraded). */
typedef struct db_step_sql {
	int version;
	const char *const *sql;
	int same_rows;
} db_step_sql;
/* Does a file of version v read as it is with the n steps (every step
 * after v keeps the rows as they are)? */
int db_schema_reads(const db_step_sql *steps, size_t n, int v);
extern const db_step_sql db_schema_steps[];
extern const size_t db_schema_nsteps;
/*
 * Bring the file open in d (inside a write transaction) to the last of
 * the n steps: a new file gets all of them, an older one the missing
 * ones, each recorded in schema_version. 0, or 65 after printing why
 * (not an ibm-db database; made by a later version).
 */
int db_schema_apply(db_file *d, const db_step_sql *steps, size_t n);
/* Check the version of a file open for reading: 0; DB_OLDER when it
 * needs the upgrades; or 65 after printing why (empty, not ours,
 * later). */
enum { DB_OLDER = 1 };
int db_schema_check(db_file *d, int last);
/* The steps db_open applies: db_schema_steps, unless a test set others
 * (to try an upgrade). */
void db_schema_use(const db_step_sql *steps, size_t n);
const db_step_sql *db_schema_current(size_t *n);

/* ----------------------------------------------------------------- adds */

/* The input options of the readers (-d, --sheet, --header-row,
 * --strict). */
typedef struct db_in {
	ibm_csv_opts csv;
	int strict;         /* an unreadable optional cell is an error */
} db_in;

/* add bimtek: the event (office and dates from the event file), its
 * participants, and when given (NULL: not) the scores, the summary
 * statistics and the certificate numbers. An event of the same office
 * and dates is replaced. 0 or the exit status (printed). */
typedef struct db_bimtek_src {
	const ibm_event *ev;
	const char *event_file;
	const char *participants, *scores, *summary, *certificates;
} db_bimtek_src;
int db_add_bimtek(db_file *d, const db_bimtek_src *src, const db_in *in);
/* Its steps, each from an open reader (fuzzing, tests): the event row
 * (replacing one of the same office and dates; its id, or -1 after
 * printing what is wrong); the participants with their scores (scores
 * NULL: none) into people and trainings, read together in one pass
 * (warns about ids on two lines and scores of no one; closes both
 * readers); the summary and the certificate numbers of the event. The
 * readers return 0 or the exit status (printed). */
long long db_put_event(db_file *d, const ibm_event *ev, const char *file);
int db_read_people(db_file *d, long long event_id, ibm_csv *people,
		   ibm_csv *scores, const db_in *in);
int db_read_summary(db_file *d, long long event_id, ibm_csv *r,
		    const db_in *in);
int db_read_certificates(db_file *d, long long event_id, ibm_csv *r,
			 const db_in *in);

/* add monev: ibm-monev's per-unit CSV files; period ("2024-S1", or NULL)
 * keeps only the rows of that semester and gives it to rows without
 * one. 0 or the exit status. */
int db_add_monev(db_file *d, const char *const *files, size_t n,
		 const char *period, const db_in *in);
int db_read_visits(db_file *d, ibm_csv *r, const char *period,
		   const db_in *in);

/* add letters: the register of outgoing letters of OFFICE ("" unknown). */
int db_add_letters(db_file *d, const char *file, const char *office,
		   const db_in *in);
int db_read_letters(db_file *d, ibm_csv *r, const char *office,
		    const db_in *in);
/* ibm-invite --register with the database: 1 when PATH is an SQLite
 * file, or a new (or empty) file named .db, .sqlite or .sqlite3. */
int db_is_database(const char *path);
/* The database as the register of outgoing letters: opened for writing
 * (its lock held until db_commit, waited for DB_WAIT_DEFAULT seconds,
 * then 75), OFFICE's letters and those of no office (add letters without
 * --office) read into *r (inv_register_free it). */
db_file *db_register_open(const char *path, const char *office,
			  inv_register **r);
/* The letters the run numbered put in (inside the open transaction: the
 * caller commits them with db_commit when the run has succeeded). */
void db_register_save(db_file *d, const inv_register *r, const char *office);

/* ---------------------------------------------------------------- query */

/* The filters of list (NULL or 0: none). */
typedef struct db_filter {
	int year;
	const char *period;     /* "2024-S1" */
	const char *office;
	const char *kabupaten;
} db_filter;

enum { DB_EVENTS, DB_PEOPLE, DB_TRAININGS, DB_UNITS, DB_VISITS,
       DB_LETTERS, DB_NLISTS };
extern const char *const db_list_names[DB_NLISTS];
/* The list of that name, or -1. */
int db_list_find(const char *name);
/* Which filters a list takes: a mask of DB_F_*. */
enum { DB_F_YEAR = 1, DB_F_PERIOD = 2, DB_F_OFFICE = 4, DB_F_KAB = 8 };
int db_list_filters(int list);

/* A table of rows out of a query, row by row (list, history, find and
 * the export all go through it). */
typedef struct db_rows db_rows;
db_rows *db_rows_list(db_file *d, int list, const db_filter *f);
db_rows *db_rows_history_unit(db_file *d, const char *name);
db_rows *db_rows_history_person(db_file *d, const char *who);
db_rows *db_rows_find(db_file *d, const char *number);
size_t db_rows_ncols(const db_rows *t);
const char *db_rows_colname(const db_rows *t, size_t i);
/* Next row: 1 and its values (NULL: empty; numbers as db_fmt_num
 * writes them; *isnum set when given), 0 at the end. */
int db_rows_next(db_rows *t, const char *const **vals, const int **isnum);
void db_rows_free(db_rows *t);
/* Write all rows as CSV on fp; the number of rows. */
long db_rows_csv(db_rows *t, FILE *fp, int excel);

/* check: the integrity check, counts per table and the schema version as
 * CSV (item,value) on fp; 0, or 65 when the check finds damage. */
int db_check(db_file *d, FILE *fp, int excel);

/* --------------------------------------------------------------- export */

/* Every table as a sheet of a print-ready workbook at PATH (the rows of
 * list with the filters that apply to each). */
void db_export_xlsx(db_file *d, const char *path, const db_filter *f);
/* The copy an office sends upward: the whole database without phone
 * numbers and e-mail addresses, at PATH (a new SQLite file). */
void db_export_share(db_file *d, const char *path);

/* ---------------------------------------------------------------- merge */

/* Merge the database OTHER into d: each office's rows replaced by a newer
 * copy's; a unit and period from two offices with other data is reported
 * as a CSV row (file, office, other office, unit, period) on out and
 * kept as it is. With strict a conflict is an error. Returns the number
 * of conflicts. */
long db_merge(db_file *d, const char *other, int strict, ibm_csvw *out);
/* Copies one run merges at most (SQLite attaches ten databases). */
#define DB_MERGE_MAX 10
/* The longest text or blob ibm-db reads from a database (SQLite's
 * SQLITE_LIMIT_LENGTH on its connections): a longer one is refused
 * (65). */
#define DB_MAX_VALUE (1 << 20)

/* ------------------------------------------------------- ibm-monev --db */

/* The visits of the database, for ibm-monev's earlier periods: each
 * visited unit's row of a period before `before` ("" for every period)
 * that is not one of the `skip` periods, with its identity, date,
 * officer, founding year and the indicator values by column name (the
 * per-unit CSV's texts). */
typedef struct db_visit {
	const char *id[9];     /* provinsi ... tahun_berdiri, as monev */
	const char *periode;
	const char *status;
	double total;          /* skor_total; NaN when none */
	const char *fase, *kurang; /* "" when none */
	size_t nval;
	const char *const *col, *const *val;
} db_visit;
/* Calls fn for each; 0, or the exit status after printing. */
int db_each_visit(db_file *d, const char *before,
		  const char (*skip)[16], size_t nskip,
		  void (*fn)(const db_visit *v, void *arg), void *arg);

#endif
