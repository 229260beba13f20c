/*
 * letters.c - add letters: the register of outgoing letters that
 * ibm-invite --register keeps (tanggal, jenis, urut, nomor, kepada, hal).
 * A letter is known by its office and number: adding the register again
 * updates the letters it already has and adds the new ones.
 */
#include "dbin.h"
#include "invite.h"

#include <stdlib.h>
#include <string.h>

enum { L_TANGGAL, L_JENIS, L_URUT, L_NOMOR, L_KEPADA, L_HAL, L_N };

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
	ins = db_prep(d, "INSERT INTO letters (office, tanggal, jenis, urut, "
		      "nomor, kepada, hal, added) VALUES (?1, ?2, ?3, ?4, ?5, "
		      "?6, ?7, ?8) ON CONFLICT (office, nomor) DO UPDATE SET "
		      "tanggal = excluded.tanggal, jenis = excluded.jenis, "
		      "urut = excluded.urut, kepada = excluded.kepada, hal = "
		      "excluded.hal");
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
		sqlite3_bind_text(ins, 1, office, -1, SQLITE_STATIC);
		if (*v[L_TANGGAL] && ibm_date_parse(v[L_TANGGAL], &dt) == 0)
			v[L_TANGGAL] = ibm_date_iso(iso, sizeof iso, dt);
		db_bind_text(ins, 2, v[L_TANGGAL]);
		db_bind_text(ins, 3, v[L_JENIS]);
		if (urut > 0)
			sqlite3_bind_int64(ins, 4, urut);
		db_bind_text(ins, 5, v[L_NOMOR]);
		db_bind_text(ins, 6, v[L_KEPADA]);
		db_bind_text(ins, 7, v[L_HAL]);
		sqlite3_bind_text(ins, 8, db_now(d), -1, SQLITE_STATIC);
		db_run(d, ins);
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
