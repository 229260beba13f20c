/*
 * store.c - the database file: opened (made readable by its owner only
 * when new), locked with a bounded wait, one transaction per run, and
 * SQLite's errors as exit statuses (see db.h).
 *
 * Locking is SQLite's own (a rollback journal beside the file): a writer
 * takes the write lock at once (BEGIN IMMEDIATE), so that two adds at
 * once run one after the other; a run that finds the file locked waits
 * up to --wait seconds (sqlite3_busy_timeout), then ends with 75. A run
 * killed in the middle leaves its journal, which the next open rolls
 * back: the file is as it was before the run.
 */
#define _POSIX_C_SOURCE 200809L
#include "dbin.h"
#include "port.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The open databases of the run, rolled back when the run dies. */
enum { MAX_OPEN = 8 };
static db_file *open_db[MAX_OPEN];
static int exit_set;

/* At exit without commit (ibm_die, a failed check): roll back and close;
 * a file this run made that holds nothing is removed again. */
static void at_exit(void)
{
	for (int i = MAX_OPEN; i > 0; i--)
		if (open_db[i - 1]) {
			sqlite3_stmt *st;

			/* the statements a run that died left: a connection
			 * with statements is not closed */
			while (open_db[i - 1]->h &&
			       (st = sqlite3_next_stmt(open_db[i - 1]->h,
						       NULL)))
				sqlite3_finalize(st);
			db_close(open_db[i - 1]);
		}
}

static void note_open(db_file *d, int add)
{
	for (int i = 0; i < MAX_OPEN; i++)
		if (add ? !open_db[i] : open_db[i] == d) {
			open_db[i] = add ? d : NULL;
			return;
		}
}

_Noreturn void db_fail(db_file *d, int rc)
{
	const char *msg = d->h ? sqlite3_errmsg(d->h) : sqlite3_errstr(rc);

	if (d->blame && (rc & 0xff) != SQLITE_BUSY &&
	    (rc & 0xff) != SQLITE_LOCKED && (rc & 0xff) != SQLITE_IOERR &&
	    (rc & 0xff) != SQLITE_FULL && (rc & 0xff) != SQLITE_NOMEM)
		ibm_die(IBM_EX_DATAERR, d->blame, 0, "cannot be merged (%s)",
			(rc & 0xff) == SQLITE_TOOBIG ? "a value too long" :
			msg);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		ibm_die(IBM_EX_TEMPFAIL, d->path, 0, "locked by another run "
			"(waited %d s); try again later", d->wait);
	case SQLITE_NOTADB:
		ibm_die(IBM_EX_DATAERR, d->path, 0, "not an SQLite database");
	case SQLITE_CORRUPT:
		ibm_die(IBM_EX_DATAERR, d->path, 0, "the database is damaged "
			"(%s); restore a copy", msg);
	case SQLITE_READONLY:
		ibm_die(IBM_EX_CANTCREAT, d->path, 0, "cannot write: the file "
			"is read-only (%s)", msg);
	case SQLITE_CANTOPEN:
		ibm_die(d->write ? IBM_EX_CANTCREAT : IBM_EX_NOINPUT, d->path,
			0, "cannot open: %s", msg);
	case SQLITE_FULL:
		ibm_die(IBM_EX_IOERR, d->path, 0, "write error: disk full");
	case SQLITE_IOERR:
		ibm_die(IBM_EX_IOERR, d->path, 0, "read or write error: %s",
			msg);
	case SQLITE_TOOBIG:
		ibm_die(IBM_EX_DATAERR, d->path, 0, "a value longer than "
			"ibm-db reads (%d bytes)", DB_MAX_VALUE);
	case SQLITE_NOMEM:
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	default:
		ibm_die(IBM_EX_SOFTWARE, d->path, 0, "database error: %s", msg);
	}
}

const char *db_problem(const char *row, char *buf, size_t size)
{
	size_t n;

	if (!strncmp(row, "*** ", 4) && strchr(row, '\n'))
		row = strchr(row, '\n') + 1;
	n = strcspn(row, "\n");
	snprintf(buf, size, "%.*s", n < size ? (int)n : (int)size - 1, row);
	return buf;
}

static sqlite3_stmt *prep(db_file *d, const char *sql, unsigned flags)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(d->h, sql, -1, flags, &st, NULL);

	if (rc != SQLITE_OK)
		db_fail(d, rc);
	return st;
}

sqlite3_stmt *db_prep(db_file *d, const char *sql)
{
	return prep(d, sql, 0);
}

sqlite3_stmt *db_prep_keep(db_file *d, const char *sql)
{
	return prep(d, sql, SQLITE_PREPARE_PERSISTENT);
}

int db_step(db_file *d, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		/* the statement's own error, kept before the reset */
		sqlite3_reset(st);
		db_fail(d, rc);
	}
	return rc;
}

void db_run(db_file *d, sqlite3_stmt *st)
{
	while (db_step(d, st) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

void db_exec(db_file *d, const char *sql)
{
	int rc = sqlite3_exec(d->h, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		db_fail(d, rc);
}

long long db_int(db_file *d, const char *sql)
{
	sqlite3_stmt *st = db_prep(d, sql);
	long long v = 0;

	if (db_step(d, st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

const char *db_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

void db_bind_num(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

const char *db_now(db_file *d)
{
	static char now[40];

	if (!*now) {
		sqlite3_stmt *st = db_prep(d, "SELECT strftime("
					   "'%Y-%m-%dT%H:%M:%fZ', 'now')");

		if (db_step(d, st) == SQLITE_ROW)
			snprintf(now, sizeof now, "%s",
				 db_text(st, 0));
		sqlite3_finalize(st);
	}
	return now;
}

/* v with at most 4 decimals, written with integers (the common case:
 * scores, percentages, N-gain); 0 when v has more. */
static int fmt_short(char *buf, size_t size, double v)
{
	double a = fabs(v);
	long long n, ip;
	int fr, dec = 4;
	char digits[32];
	size_t k = 0, o = 0;

	if (!(a < 1e11) || size < 32)
		return 0;
	n = llround(a * 10000);
	if ((double)n / 10000 != a)
		return 0;
	ip = n / 10000;
	fr = (int)(n % 10000);
	while (dec > 0 && fr % 10 == 0) {
		fr /= 10;
		dec--;
	}
	if (v < 0 && n)
		buf[o++] = '-';
	do {
		digits[k++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	while (k)
		buf[o++] = digits[--k];
	if (dec) {
		buf[o++] = '.';
		for (int i = dec - 1; i >= 0; i--) {
			buf[o + (size_t)i] = (char)('0' + fr % 10);
			fr /= 10;
		}
		o += (size_t)dec;
	}
	buf[o] = '\0';
	return 1;
}

char *db_fmt_num(char *buf, size_t size, double v)
{
	if (isnan(v)) {
		snprintf(buf, size, "%s", "");
	} else if (fmt_short(buf, size, v)) {
		return buf;
	} else if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, size, "%.0f", v);
	} else {
		snprintf(buf, size, "%.15g", v);
		if (strtod(buf, NULL) != v)
			snprintf(buf, size, "%.17g", v);
	}
	if (!strcmp(buf, "-0"))
		snprintf(buf, size, "0");
	return buf;
}

/* ------------------------------------------------------------- opening */

/*
 * A database file is input like any other: a province merges copies
 * sent by its districts, and any file may have been changed by another
 * program. SQLite's advice for files of unknown origin
 * (sqlite.org/security.html) on every connection: defensive mode (no
 * writes to the schema, no corruption by SQL), the schema not trusted
 * (its views, triggers and indexes may call only functions marked
 * innocuous; ibmkit's are, see db_functions), triggers and views not
 * run at all (ibm-db's schema has none), cells checked as they are
 * read, and no value longer than DB_MAX_VALUE bytes.
 */
static void harden(db_file *d)
{
	static const int off[] = { SQLITE_DBCONFIG_TRUSTED_SCHEMA,
		SQLITE_DBCONFIG_ENABLE_TRIGGER, SQLITE_DBCONFIG_ENABLE_VIEW,
		SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION };

	sqlite3_db_config(d->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	for (size_t i = 0; i < sizeof off / sizeof *off; i++)
		sqlite3_db_config(d->h, off[i], 0, NULL);
	sqlite3_limit(d->h, SQLITE_LIMIT_LENGTH, DB_MAX_VALUE);
	sqlite3_limit(d->h, SQLITE_LIMIT_ATTACHED, DB_MERGE_MAX);
	db_exec(d, "PRAGMA cell_size_check = ON");
}

/* A database in memory holding the schema at VERSION (its steps up to
 * it): what a file of that version must hold. */
static sqlite3 *schema_at(const db_step_sql *steps, size_t n, int version)
{
	sqlite3 *r = NULL;
	int rc = sqlite3_open_v2(":memory:", &r, SQLITE_OPEN_READWRITE, NULL);

	for (size_t i = 0; i < n && rc == SQLITE_OK; i++)
		for (const char *const *q = steps[i].sql;
		     *q && rc == SQLITE_OK && steps[i].version <= version; q++)
			rc = sqlite3_exec(r, *q, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "the schema of ibm-db: %s",
			r ? sqlite3_errmsg(r) : sqlite3_errstr(rc));
	return r;
}

/* Does the file hold the tables and indexes of the schema at VERSION
 * (r: schema_at that version; only the object NAME when given) as
 * ibm-db makes them, and no trigger of its own? 0, or 65 after naming
 * the first that differs: a file another program made or changed is
 * refused before any of its rows is read. */
static int schema_same(db_file *d, sqlite3 *r, int version, const char *name)
{
	sqlite3_stmt *want = NULL, *have = db_prep(d, "SELECT type, sql "
		"FROM main.sqlite_schema WHERE name = ?1");
	int st = 0;

	if (sqlite3_prepare_v2(r, "SELECT type, name, sql FROM sqlite_schema "
			       "WHERE ?1 IS NULL OR name = ?1 ORDER BY rowid",
			       -1, &want, NULL) != SQLITE_OK)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "the schema of ibm-db: %s",
			sqlite3_errmsg(r));
	if (name)
		sqlite3_bind_text(want, 1, name, -1, SQLITE_STATIC);
	while (!st && sqlite3_step(want) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(want, 0);
		const char *nm = (const char *)sqlite3_column_text(want, 1);
		const char *sql = (const char *)sqlite3_column_text(want, 2);

		sqlite3_bind_text(have, 1, nm, -1, SQLITE_TRANSIENT);
		if (db_step(d, have) != SQLITE_ROW) {
			ibm_error(d->path, 0, "not a database of ibm-db (schema "
				  "version %d): no %s %s", version, type, nm);
			st = IBM_EX_DATAERR;
		} else if (strcmp(db_text(have, 0), type) ||
			   (sql && strcmp(db_text(have, 1), sql))) {
			ibm_error(d->path, 0, "not a database of ibm-db (schema "
				  "version %d): %s %s is not the one ibm-db "
				  "makes (changed by another program?)",
				  version, type, nm);
			st = IBM_EX_DATAERR;
		}
		sqlite3_reset(have);
	}
	sqlite3_finalize(want);
	sqlite3_finalize(have);
	if (!st && !name) {
		have = db_prep(d, "SELECT name FROM main.sqlite_schema WHERE "
			       "type = 'trigger' ORDER BY name");
		if (db_step(d, have) == SQLITE_ROW) {
			ibm_error(d->path, 0, "not a database of ibm-db: a "
				  "trigger %s that ibm-db does not make "
				  "(changed by another program?)",
				  db_text(have, 0));
			st = IBM_EX_DATAERR;
		}
		sqlite3_finalize(have);
	}
	return st;
}

/* Before the version is read from it: the file's table schema_version,
 * when it is meant to be ibm-db's, is the one ibm-db makes (r: schema_at
 * any version; no step changes the table step 1 made). */
static int version_table_same(db_file *d, sqlite3 *r)
{
	if (db_int(d, "PRAGMA application_id") != DB_APP_ID ||
	    db_int(d, "SELECT count(*) FROM sqlite_schema") == 0)
		return 0; /* empty, or another program's: said by the schema */
	if (schema_same(d, r, 1, "schema_version"))
		return IBM_EX_DATAERR;
	if (db_int(d, "SELECT count(*) FROM schema_version WHERE typeof("
		   "version) = 'integer'") == 0) {
		ibm_error(d->path, 0, "not a database of ibm-db: no schema "
			  "version recorded (changed by another program?)");
		return IBM_EX_DATAERR;
	}
	return 0;
}

/* Make a missing file, readable by its owner only: 1 when made, 0 when
 * it exists; dies 73 when it cannot be made. */
static int make_file(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);

	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		ibm_die_errno(IBM_EX_CANTCREAT, path, "cannot create");
	}
	close(fd);
	return 1;
}

db_file *db_open(const char *path, int mode, int wait)
{
	db_file *d = ibm_xcalloc(1, sizeof *d);
	struct stat sb;
	const db_step_sql *steps;
	sqlite3 *want;
	size_t n;
	int rc;

	d->path = ibm_xstrdup(path);
	d->write = mode == DB_WRITE;
	d->wait = wait;
	if (!strcmp(path, ":memory:")) {
		/* SQLite's database in memory (tests, fuzzing) */
	} else if (stat(path, &sb) != 0) {
		if (errno != ENOENT || !d->write)
			ibm_die_errno(d->write ? IBM_EX_CANTCREAT :
				      IBM_EX_NOINPUT, path, "cannot open");
		d->created = make_file(path);
	} else if (!S_ISREG(sb.st_mode)) {
		ibm_die(d->write ? IBM_EX_CANTCREAT : IBM_EX_NOINPUT, path, 0,
			"cannot open: not a regular file");
	}
	/* read-write also for reading: a killed run's journal is rolled
	 * back by the first open (SQLite opens a write-protected file
	 * read-only) */
	/* one thread: no mutex around every call on the connection */
	rc = sqlite3_open_v2(path, &d->h, (mode == DB_COPY ?
			     SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
			     SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		db_fail(d, rc);
	sqlite3_extended_result_codes(d->h, 0);
	sqlite3_busy_timeout(d->h, wait * 1000);
	harden(d);
	db_functions(d);
	if (!exit_set)
		atexit(at_exit);
	exit_set = 1;
	note_open(d, 1);
	if (d->write && sqlite3_db_readonly(d->h, "main") == 1)
		ibm_die(IBM_EX_CANTCREAT, path, 0, "cannot write: the file is "
			"read-only");
	db_exec(d, "PRAGMA foreign_keys = ON");
	/* a new file's pages: 16 KiB (SQLite's default 4): an add's
	 * inserts by participant_id split fewer pages and the trees are a
	 * level shallower (an add of 10^5 people takes a tenth less time).
	 * It takes effect only on a file with no table yet, and only
	 * outside a transaction; on any other it changes nothing. */
	if (d->write) {
		db_exec(d, "PRAGMA page_size = 16384");
		/* a writer's page cache (set after the page size: it
		 * counts KiB): an add of 10^5 people inserts into indexes
		 * by participant_id (people, trainings) in the list's
		 * order, which is not theirs; with SQLite's default of
		 * 2 MiB their pages go out to the file and back for every
		 * few rows. 6 MiB holds them for a list of some 10^5
		 * people; memory stays bounded. */
		db_exec(d, "PRAGMA cache_size = -6144");
	}
	steps = db_schema_current(&n);
	/* what a file of this version holds, built once: a file of an
	 * earlier one read as it is needs its own */
	want = schema_at(steps, n, steps[n - 1].version);
	db_exec(d, d->write ? "BEGIN IMMEDIATE" : "BEGIN");
	d->tx = 1;
	rc = version_table_same(d, want);
	if (rc == 0)
		rc = d->write ? db_schema_apply(d, steps, n)
			      : db_schema_check(d, steps[n - 1].version);
	if (rc == DB_OLDER && (mode == DB_COPY ||
			       sqlite3_db_readonly(d->h, "main") == 1)) {
		/* somebody else's file, or one this run cannot write: read
		 * as it is when the later steps left its rows as they are */
		if (!db_schema_reads(steps, n, d->version))
			ibm_die(IBM_EX_DATAERR, path, 0, "made by an earlier "
				"version of ibmkit (schema version %d) and "
				"%s: it cannot be upgraded", d->version,
				mode == DB_COPY ? "a copy to merge (open it "
				"once with ibm-db -D first)" : "read-only");
		rc = 0;
	} else if (rc == DB_OLDER) {
		/* a reader upgrades a file of an older version first, in a
		 * write transaction of its own */
		db_exec(d, "COMMIT");
		db_exec(d, "BEGIN IMMEDIATE");
		rc = db_schema_apply(d, steps, n);
		if (rc == 0) {
			db_exec(d, "COMMIT");
			db_exec(d, "BEGIN");
		}
	}
	if (rc == 0 && d->version != steps[n - 1].version) {
		sqlite3_close(want);
		want = schema_at(steps, n, d->version);
	}
	if (rc == 0)
		rc = schema_same(d, want, d->version, NULL);
	sqlite3_close(want);
	if (rc)
		exit(rc); /* at_exit rolls back */
	return d;
}

void db_commit(db_file *d)
{
	if (d->tx) {
		db_exec(d, "COMMIT");
		d->tx = 0;
	}
	d->created = 0; /* kept: it holds what was committed */
	db_close(d);
}

void db_close(db_file *d)
{
	if (!d)
		return;
	note_open(d, 0);
	if (d->h) {
		if (d->tx)
			sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(d->h);
	}
	if (d->created) {
		struct stat sb;

		/* nothing was committed to the file this run made */
		if (stat(d->path, &sb) == 0 && sb.st_size == 0)
			ibm_unlink(d->path);
	}
	free(d->path);
	free(d);
}

/* ------------------------------------------------------------- offices */

/* "KABUPATEN SUMBAWA BARAT" after "BADAN NARKOTIKA NASIONAL": the kind's
 * short name and the place in proper case. */
static char *short_office(const char *line)
{
	static const struct {
		const char *word, *name;
	} kinds[] = {
		{ "provinsi ", "BNNP " }, { "kabupaten ", "BNNK " },
		{ "kota ", "BNNK Kota " },
	};
	static const char bnn[] = "badan narkotika nasional ";
	char *low = ibm_lower(line), *out = NULL;
	const char *rest;

	ibm_fold_space(low);
	if (strncmp(low, bnn, sizeof bnn - 1) != 0) {
		free(low);
		return ibm_title_case(line);
	}
	rest = low + sizeof bnn - 1;
	if (!strcmp(rest, "republik indonesia")) {
		free(low);
		return ibm_xstrdup("BNN RI");
	}
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		size_t n = strlen(kinds[i].word);

		if (!strncmp(rest, kinds[i].word, n)) {
			char *place = ibm_title_case(rest + n);

			out = ibm_xmalloc(strlen(kinds[i].name) +
					  strlen(place) + 1);
			strcpy(out, kinds[i].name);
			strcat(out, place);
			free(place);
			break;
		}
	}
	free(low);
	return out ? out : ibm_title_case(line);
}

char *db_event_office(const ibm_event *ev)
{
	const char *v = ibm_event_get(ev, "satker");
	ibm_strlist kop;
	char *o = NULL;

	if (v) {
		/* "Badan Narkotika Nasional Kabupaten Sumbawa" (ibm-spj's
		 * satker, written out) is the office "BNNK Sumbawa" too */
		char *low = ibm_lower(v);
		int full = !strncmp(ibm_fold_space(low), "badan narkotika "
				    "nasional ", 25);

		free(low);
		if (full)
			return short_office(v);
		o = ibm_xstrdup(v);
		return ibm_fold_space(o);
	}
	ibm_strlist_split(&kop, ibm_event_get(ev, "instansi"), 1);
	if (kop.n)
		o = short_office(kop.v[kop.n - 1]);
	ibm_strlist_free(&kop);
	return o;
}

void db_touch_office(db_file *d, const char *office)
{
	sqlite3_stmt *st = db_prep(d, "INSERT INTO offices (office, updated) "
				   "VALUES (?1, ?2) ON CONFLICT (office) DO "
				   "UPDATE SET updated = excluded.updated");

	sqlite3_bind_text(st, 1, office ? office : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, db_now(d), -1, SQLITE_STATIC);
	db_run(d, st);
	sqlite3_finalize(st);
}
