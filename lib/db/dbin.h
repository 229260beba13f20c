/*
 * dbin.h - the parts of lib/db that only its own modules use: the
 * readers' shared steps (input.c).
 */
#ifndef DBIN_H
#define DBIN_H

#include "db.h"

/* Open PATH for a reader whose columns are specs (the header is the first
 * record holding the required ones): NULL and *status after printing. */
ibm_csv *db_in_open(const char *path, const db_in *in,
		    const ibm_colspec *specs, size_t n, int *status);
/* Resolve the columns; a missing one is an error naming what writes the
 * file (`what`): 0 or 65. */
int db_in_columns(ibm_csv *r, const ibm_colspec *specs, size_t n, int *idx,
		  const char *what);
/* 1 when every field is empty or white space. */
int db_in_blank(const ibm_rec *rec);
/* Field i (-1: absent, "") trimmed with its spaces folded, in the
 * buffer b (reused by the next call with b; free b->s at the end). */
typedef struct db_in_buf {
	char *s;
	size_t cap;
} db_in_buf;
const char *db_in_text(const ibm_rec *rec, int i, db_in_buf *b);
/* A statement run once per row of an input (SQLite keeps it apart from
 * its one-off statements' memory); dies on an error as db_prep. */
sqlite3_stmt *db_prep_keep(db_file *d, const char *sql);
/* Bind text that stays as it is until the statement has run (NULL and
 * "" bind NULL). */
void db_bind_static(sqlite3_stmt *st, int i, const char *s);
/* Field i as a number: NaN when empty or absent; not a number is a
 * warning naming the cell (left empty), or with --strict an error (65
 * returned). */
int db_in_num(ibm_csv *r, const ibm_rec *rec, int i, const char *col,
	      const db_in *in, double *v);
/* Close the reader after its last ibm_csv_read returned k: 0, or the
 * status of a read error. */
int db_in_end(ibm_csv *r, int k);

/* The end of an INSERT INTO people: a person's details from a bimtek
 * on or after the one the row has replace its own; an empty value keeps
 * what was known (a shared copy has no phones or e-mails). */
#define DB_PEOPLE_UPSERT "ON CONFLICT (participant_id) DO UPDATE SET " \
	"nama = excluded.nama, " \
	"jabatan = coalesce(excluded.jabatan, jabatan), " \
	"unit_ibm = coalesce(excluded.unit_ibm, unit_ibm), " \
	"desa_kelurahan = coalesce(excluded.desa_kelurahan, " \
	"desa_kelurahan), " \
	"kecamatan = coalesce(excluded.kecamatan, kecamatan), " \
	"kabupaten_kota = coalesce(excluded.kabupaten_kota, " \
	"kabupaten_kota), " \
	"no_hp = coalesce(excluded.no_hp, no_hp), " \
	"email = coalesce(excluded.email, email), " \
	"jenis_kelamin = coalesce(excluded.jenis_kelamin, jenis_kelamin), " \
	"seen = excluded.seen WHERE excluded.seen >= seen"

/* The first problem a row of PRAGMA integrity_check or quick_check
 * reports, in one line (the row may hold many, after "*** in database
 * main ***"), in buf. */
const char *db_problem(const char *row, char *buf, size_t size);

/* Register ibmkit's SQL functions and the ibmnat collation on the
 * connection (query.c). */
void db_functions(db_file *d);

#endif
