/*
 * letters.c - add letters: the register of outgoing letters that
 * ibm-invite --register keeps (tanggal, jenis, urut, nomor, kepada, hal).
 * A letter is known by its office and number: adding the register again
 * updates the letters it already has and adds the new ones. And the
 * database as that register itself (ibm-invite --register FILE.db): the
 * office's letters read into an inv_register under the database's write
 * lock, the numbers the run issues put in by the same statement.
 */
#include "dbin.h"
#include "invite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { L_TANGGAL, L_JENIS, L_URUT, L_NOMOR, L_KEPADA, L_HAL, L_N };

/* A letter of office put in: a new one added, one of the same number
 * updated. */
static sqlite3_stmt *prep_put(db_file *d)
{
	return db_prep(d, "INSERT INTO letters (office, tanggal, jenis, urut, "
		       "nomor, kepada, hal, added) VALUES (?1, ?2, ?3, ?4, "
		       "?5, ?6, ?7, ?8) ON CONFLICT (office, nomor) DO UPDATE "
		       "SET tanggal = excluded.tanggal, jenis = "
		       "excluded.jenis, urut = excluded.urut, kepada = "
		       "excluded.kepada, hal = excluded.hal");
}

static void put(db_file *d, sqlite3_stmt *ins, const char *office,
		const char *const *v, long urut)
{
	sqlite3_bind_text(ins, 1, office, -1, SQLITE_STATIC);
	db_bind_text(ins, 2, v[L_TANGGAL]);
	db_bind_text(ins, 3, v[L_JENIS]);
	if (urut > 0)
		sqlite3_bind_int64(ins, 4, urut);
	else
		sqlite3_bind_null(ins, 4);
	db_bind_text(ins, 5, v[L_NOMOR]);
	db_bind_text(ins, 6, v[L_KEPADA]);
	db_bind_text(ins, 7, v[L_HAL]);
	sqlite3_bind_text(ins, 8, db_now(d), -1, SQLITE_STATIC);
	db_run(d, ins);
}

int db_read_letters(db_file *d, ibm_csv *r, const char *office,
		    const db_in *in)
{
	int idx[L_N], k, st = 0;
	const ibm_rec *rec;
	sqlite3_stmt *ins;
	db_in_buf buf[L_N] = { { 0 } };
	const char *v[L_N];

	if (db_in_columns(r, inv_register_specs, L_N, idx, "the register of "
			  "outgoing letters (ibm-invite --register) is "
			  "needed") != 0) {
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	db_touch_office(d, office);
	ins = prep_put(d);
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		ibm_date dt;
		char iso[16];
		long urut = 0;

		if (db_in_blank(rec))
			continue;
		for (int i = 0; i < L_N; i++)
			v[i] = db_in_text(rec, idx[i], &buf[i]);
		if (!*v[L_NOMOR]) {
			ibm_warn(ibm_csv_name(r), rec->line, "no letter number; "
				 "the line is left out");
			continue;
		}
		if (*v[L_URUT] && (ibm_parse_count(v[L_URUT], &urut) != 0 ||
				   urut < 1)) {
			if (in->strict) {
				ibm_error_cell(ibm_csv_name(r), rec->line,
					       (size_t)idx[L_URUT], "urut: not "
					       "a whole number: %s", v[L_URUT]);
				st = IBM_EX_DATAERR;
				break;
			}
			ibm_warn_cell(ibm_csv_name(r), rec->line,
				      (size_t)idx[L_URUT], "urut: not a whole "
				      "number, left empty: %s", v[L_URUT]);
			urut = 0;
		}
		if (*v[L_TANGGAL] && ibm_date_parse(v[L_TANGGAL], &dt) == 0)
			v[L_TANGGAL] = ibm_date_iso(iso, sizeof iso, dt);
		put(d, ins, office, v, urut);
	}
	if (!st && k < 0)
		st = ibm_csv_status(r);
	for (int i = 0; i < L_N; i++)
		free(buf[i].s);
	sqlite3_finalize(ins);
	ibm_csv_close(r);
	return st;
}

int db_add_letters(db_file *d, const char *file, const char *office,
		   const db_in *in)
{
	int st;
	ibm_csv_opts o = in->csv;
	ibm_csv *r;

	o.need = inv_register_specs;
	o.nneed = L_N;
	o.allow_empty = 1;
	r = ibm_csv_open(file, &o, &st);
	return r ? db_read_letters(d, r, office ? office : "", in) : st;
}

int db_is_database(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	size_t n = 0;
	FILE *fp;
	struct stat sb;
	const char *dot = strrchr(path, '.');

	if (stat(path, &sb) != 0 || (S_ISREG(sb.st_mode) && sb.st_size == 0))
		/* a new one (or an empty file) by its name */
		return dot && (!ibm_casecmp(dot, ".db") ||
			       !ibm_casecmp(dot, ".sqlite") ||
			       !ibm_casecmp(dot, ".sqlite3"));
	if (!S_ISREG(sb.st_mode) || !(fp = fopen(path, "rb")))
		return 0;
	n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	return n == sizeof head && !memcmp(head, magic, sizeof magic);
}

db_file *db_register_open(const char *path, const char *office,
			  inv_register **out)
{
	db_file *d = db_open(path, DB_WRITE, DB_WAIT_DEFAULT);
	sqlite3_stmt *st = db_prep(d, "SELECT tanggal, jenis, urut, nomor, "
				   "kepada, hal FROM letters WHERE office = "
				   "?1 OR office = '' ORDER BY rowid");
	inv_register *r = inv_register_new(path);

	sqlite3_bind_text(st, 1, office, -1, SQLITE_STATIC);
	while (db_step(d, st) == SQLITE_ROW) {
		const char *f[L_N];

		for (int i = 0; i < L_N; i++)
			f[i] = db_text(st, i);
		inv_register_add_old(r, f[L_TANGGAL], f[L_JENIS],
				     (long)sqlite3_column_int64(st, L_URUT),
				     f[L_NOMOR], f[L_KEPADA], f[L_HAL]);
	}
	sqlite3_finalize(st);
	*out = r;
	return d;
}

typedef struct reg_put {
	db_file *d;
	sqlite3_stmt *ins;
	const char *office;
	int n;
} reg_put;

static void put_new(void *arg, const char *const *f, long urut)
{
	reg_put *p = arg;

	if (!p->n++)
		db_touch_office(p->d, p->office); /* before its letters */
	put(p->d, p->ins, p->office, f, urut);
}

void db_register_save(db_file *d, const inv_register *r, const char *office)
{
	reg_put p = { d, prep_put(d), office, 0 };

	inv_register_each_new(r, put_new, &p);
	sqlite3_finalize(p.ins);
}
