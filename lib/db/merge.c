/*
 * merge.c - merge: a province puts its offices' copies together.
 *
 * Every row carries the office it came from (events.office, visits.satker,
 * letters.office), and offices.updated says when that office's rows last
 * changed. Merging a copy goes office by office: when the copy's time of
 * an office is later than this database's, the office's rows here are
 * replaced by the copy's (its events with their trainings and statistics,
 * its letters, its visits); the same time is the same copy again and
 * changes nothing; an earlier time is an older copy, left out with a
 * warning. A visit of the copy whose unit and period this database holds
 * from another office with other data is a conflict: reported (as a CSV
 * row and a warning) and not merged, the visit here stays.
 *
 * The copy is checked as every database is (db_open, DB_COPY: read-only,
 * an earlier version read as it is, not upgraded), then attached to
 * the run's write transaction ("o1", "o2", ... for the copies of one run,
 * which stay attached until it ends: SQLite's limit of attached databases
 * makes DB_MERGE_MAX copies a run): all of a merge lands, or nothing.
 */
#include "dbin.h"

#include <stdlib.h>
#include <string.h>

/* The alias of the copy being merged ("o1", "o2", ...: a copy stays
 * attached until the run's transaction ends). */
static char alias[16];

/* Prepare SQL written with "o." for the copy's tables under the copy's
 * alias. */
static sqlite3_stmt *prep(db_file *d, const char *sql)
{
	size_t n = strlen(sql), k = 0, a = strlen(alias);
	char *q = ibm_xmalloc(n * (a + 1) + 1);
	sqlite3_stmt *st;

	for (size_t i = 0; i < n; i++) {
		char prev = i ? sql[i - 1] : ' ';

		if (sql[i] == 'o' && sql[i + 1] == '.' &&
		    !(prev == '_' || (prev >= 'a' && prev <= 'z') ||
		      (prev >= 'A' && prev <= 'Z') ||
		      (prev >= '0' && prev <= '9'))) {
			memcpy(q + k, alias, a);
			k += a;
			continue;
		}
		q[k++] = sql[i];
	}
	q[k] = '\0';
	st = db_prep(d, q);
	free(q);
	return st;
}

/* The copy's people of office O's events, into people. */
static const char people_sql[] =
	"INSERT INTO people (participant_id, nama, jabatan, unit_ibm, "
	"desa_kelurahan, kecamatan, kabupaten_kota, no_hp, email, "
	"jenis_kelamin, seen) SELECT participant_id, nama, jabatan, "
	"unit_ibm, desa_kelurahan, kecamatan, kabupaten_kota, no_hp, email, "
	"jenis_kelamin, seen FROM o.people WHERE participant_id IN (SELECT "
	"t.participant_id FROM o.trainings t JOIN o.events e USING "
	"(event_id) WHERE e.office = ?1) ORDER BY participant_id "
	DB_PEOPLE_UPSERT;

/* Office O's events, each with its trainings and statistics. */
static void copy_events(db_file *d, const char *office)
{
	sqlite3_stmt *ev = prep(d, "SELECT event_id FROM o.events WHERE "
				   "office = ?1 ORDER BY event_id");
	sqlite3_stmt *ins = prep(d, "INSERT INTO events (office, acara, "
		"tanggal_mulai, tanggal_selesai, tempat, hal, tanggal_surat, "
		"nomor, nomor_sprin, nomor_sertifikat, source, added) SELECT "
		"office, acara, tanggal_mulai, tanggal_selesai, tempat, hal, "
		"tanggal_surat, nomor, nomor_sprin, nomor_sertifikat, source, "
		"added FROM o.events WHERE event_id = ?1");
	sqlite3_stmt *tr = prep(d, "INSERT INTO trainings SELECT ?2, "
		"participant_id, no, nama, jabatan, unit_ibm, desa_kelurahan, "
		"kecamatan, kabupaten_kota, no_hp, email, jenis_kelamin, "
		"letter_number, status, pre_score, post_score, max_score, "
		"pre_percent, post_percent, gain, n_gain, n_gain_category, "
		"passed_pre, passed_post, certificate_number FROM o.trainings "
		"WHERE event_id = ?1");
	sqlite3_stmt *stats = prep(d, "INSERT INTO event_stats SELECT ?2, "
				      "statistic, value FROM o.event_stats "
				      "WHERE event_id = ?1");
	sqlite3_stmt *people = prep(d, people_sql);

	sqlite3_bind_text(people, 1, office, -1, SQLITE_STATIC);
	db_run(d, people);
	sqlite3_finalize(people);
	sqlite3_bind_text(ev, 1, office, -1, SQLITE_STATIC);
	while (db_step(d, ev) == SQLITE_ROW) {
		long long old = sqlite3_column_int64(ev, 0), id;

		sqlite3_bind_int64(ins, 1, old);
		db_run(d, ins);
		id = sqlite3_last_insert_rowid(d->h);
		for (sqlite3_stmt *s = tr; s; s = s == tr ? stats : NULL) {
			sqlite3_bind_int64(s, 1, old);
			sqlite3_bind_int64(s, 2, id);
			db_run(d, s);
		}
	}
	sqlite3_finalize(ev);
	sqlite3_finalize(ins);
	sqlite3_finalize(tr);
	sqlite3_finalize(stats);
}

/* The unit of the copy's visit here (made when missing): its id. */
static long long unit_here(db_file *d, sqlite3_stmt *up, long long old)
{
	long long id = -1;

	sqlite3_bind_int64(up, 1, old);
	if (db_step(d, up) == SQLITE_ROW)
		id = sqlite3_column_int64(up, 0);
	sqlite3_reset(up);
	return id;
}

/* Does the visit here (unit, period) hold the same data as the copy's
 * visit old? */
static int same_visit(db_file *d, sqlite3_stmt *same, long long here,
		      long long old)
{
	int r;

	sqlite3_bind_int64(same, 1, here);
	sqlite3_bind_int64(same, 2, old);
	r = db_step(d, same) == SQLITE_ROW && sqlite3_column_int(same, 0);
	sqlite3_reset(same);
	return r;
}

/* Office O's visits: each unit made or found by its identity; a visit of
 * a unit and period held here from another office is a conflict unless
 * its data is the same. The number of conflicts. */
static long copy_visits(db_file *d, const char *office, const char *file,
			ibm_csvw *out)
{
	sqlite3_stmt *vis = prep(d, "SELECT v.visit_id, v.unit_id, "
		"v.periode, v.provinsi, v.kabupaten_kota, v.desa_kelurahan, "
		"v.nama_unit, v.dimonev FROM o.visits v JOIN o.units u USING (unit_id) "
		"WHERE v.satker = ?1 ORDER BY v.visit_id");
	sqlite3_stmt *up = prep(d, "INSERT INTO units (unit_key, provinsi, "
		"kabupaten_kota, kecamatan, desa_kelurahan, nama_unit, "
		"tahun_berdiri) SELECT unit_key, provinsi, kabupaten_kota, "
		"kecamatan, desa_kelurahan, nama_unit, tahun_berdiri FROM "
		"o.units WHERE unit_id = ?1 ON CONFLICT (unit_key) DO UPDATE SET "
		"tahun_berdiri = coalesce(tahun_berdiri, "
		"excluded.tahun_berdiri) RETURNING unit_id");
	sqlite3_stmt *here = prep(d, "SELECT visit_id, satker, dimonev "
				     "FROM visits WHERE unit_id = ?1 AND "
				     "periode = ?2");
	sqlite3_stmt *same = prep(d, "SELECT a.tanggal_monev IS "
		"b.tanggal_monev AND a.skor_total IS b.skor_total AND a.fase "
		"IS b.fase AND a.dimonev = b.dimonev AND NOT EXISTS (SELECT "
		"column_name, value FROM visit_values WHERE visit_id = ?1 "
		"EXCEPT SELECT column_name, value FROM o.visit_values WHERE "
		"visit_id = ?2) AND NOT EXISTS (SELECT column_name, value FROM "
		"o.visit_values WHERE visit_id = ?2 EXCEPT SELECT column_name, "
		"value FROM visit_values WHERE visit_id = ?1) FROM visits a, "
		"o.visits b WHERE a.visit_id = ?1 AND b.visit_id = ?2");
	sqlite3_stmt *del = prep(d, "DELETE FROM visits WHERE visit_id = "
				    "?1");
	sqlite3_stmt *ins = prep(d, "INSERT INTO visits (unit_id, "
		"periode, satker, provinsi, kabupaten_kota, kecamatan, "
		"desa_kelurahan, nama_unit, dimonev, tanggal_monev, petugas, "
		"tahun_berdiri, status, skor_total, fase, "
		"kurang_untuk_fase_berikut, source, added) SELECT ?2, periode, "
		"satker, provinsi, kabupaten_kota, kecamatan, desa_kelurahan, "
		"nama_unit, dimonev, tanggal_monev, petugas, tahun_berdiri, "
		"status, skor_total, fase, kurang_untuk_fase_berikut, source, "
		"added FROM o.visits WHERE visit_id = ?1");
	sqlite3_stmt *val = prep(d, "INSERT INTO visit_values SELECT ?2, "
				    "column_name, value, position FROM "
				    "o.visit_values WHERE visit_id = ?1");
	long conflicts = 0;

	sqlite3_bind_text(vis, 1, office, -1, SQLITE_STATIC);
	while (db_step(d, vis) == SQLITE_ROW) {
		long long old = sqlite3_column_int64(vis, 0);
		long long unit = unit_here(d, up, sqlite3_column_int64(vis, 1));
		const char *per = db_text(vis, 2);
		int visited = sqlite3_column_int(vis, 7), was_visited = 0;
		long long was = -1;
		char *other = NULL;

		sqlite3_bind_int64(here, 1, unit);
		sqlite3_bind_text(here, 2, per, -1, SQLITE_STATIC);
		if (db_step(d, here) == SQLITE_ROW) {
			was = sqlite3_column_int64(here, 0);
			other = ibm_xstrdup(db_text(here, 1));
			was_visited = sqlite3_column_int(here, 2);
		}
		sqlite3_reset(here);
		if (was >= 0 && (same_visit(d, same, was, old) ||
				 (was_visited && !visited))) {
			/* the same, or a unit not visited: the visit stays */
		} else if (was >= 0 && was_visited) {
			const char *f[8];

			f[0] = file;
			f[1] = office;
			f[2] = other;
			for (int i = 0; i < 4; i++)
				f[3 + i] = db_text(vis, 3 + i);
			f[7] = per;
			ibm_warn(file, 0, "%s (%s), %s: from %s with other data "
				 "than from %s here; that one is kept", f[6],
				 f[4], per, *office ? office : "(no office)",
				 *other ? other : "(no office)");
			ibm_csvw_row(out, f, 8);
			conflicts++;
		} else {
			if (was >= 0) {
				sqlite3_bind_int64(del, 1, was);
				db_run(d, del);
			}
			sqlite3_bind_int64(ins, 1, old);
			sqlite3_bind_int64(ins, 2, unit);
			db_run(d, ins);
			sqlite3_bind_int64(val, 1, old);
			sqlite3_bind_int64(val, 2, sqlite3_last_insert_rowid(
						   d->h));
			db_run(d, val);
		}
		free(other);
	}
	sqlite3_finalize(vis);
	sqlite3_finalize(up);
	sqlite3_finalize(here);
	sqlite3_finalize(same);
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	sqlite3_finalize(val);
	return conflicts;
}

/* Replace office O's rows by the copy's. The number of conflicts. */
static long replace_office(db_file *d, const char *office,
			   const char *updated, const char *file,
			   ibm_csvw *out)
{
	static const char *const drop[] = {
		"DELETE FROM events WHERE office = ?1",
		"DELETE FROM letters WHERE office = ?1",
		"DELETE FROM visits WHERE satker = ?1",
		"INSERT INTO offices (office, updated) VALUES (?1, ?2) ON "
		"CONFLICT (office) DO UPDATE SET updated = excluded.updated",
		"INSERT INTO letters (office, tanggal, jenis, urut, nomor, "
		"kepada, hal, added) SELECT office, tanggal, jenis, urut, "
		"nomor, kepada, hal, added FROM o.letters WHERE office = ?1",
	};
	sqlite3_stmt *st;
	long n;

	for (size_t i = 0; i < sizeof drop / sizeof *drop; i++) {
		st = prep(d, drop[i]);
		sqlite3_bind_text(st, 1, office, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(st) > 1)
			sqlite3_bind_text(st, 2, updated, -1, SQLITE_STATIC);
		db_run(d, st);
		sqlite3_finalize(st);
	}
	copy_events(d, office);
	n = copy_visits(d, office, file, out);
	st = prep(d, "INSERT INTO merges (office, file, copy_updated, "
		     "merged) VALUES (?1, ?2, ?3, ?4)");
	sqlite3_bind_text(st, 1, office, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, updated, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, db_now(d), -1, SQLITE_STATIC);
	db_run(d, st);
	sqlite3_finalize(st);
	return n;
}

long db_merge(db_file *d, const char *other, int strict, ibm_csvw *out)
{
	static int nattached;
	db_file *o = db_open(other, DB_COPY, d->wait);
	sqlite3_stmt *st, *offs, *mine;
	long conflicts = 0;
	char why[200] = "";

	/* checked: an ibm-db database of this version; and, as it comes
	 * from elsewhere, every page of it read and checked (a damaged
	 * one, NULLs where its schema says NOT NULL) before it is
	 * attached */
	st = db_prep(o, "PRAGMA quick_check");
	while (!*why && db_step(o, st) == SQLITE_ROW)
		if (strcmp(db_text(st, 0), "ok"))
			db_problem(db_text(st, 0), why, sizeof why);
	sqlite3_finalize(st);
	if (*why)
		ibm_die(IBM_EX_DATAERR, other, 0, "the database is damaged "
			"(%s)", why);
	db_close(o);
	if (nattached == DB_MERGE_MAX)
		ibm_die(IBM_EX_USAGE, other, 0, "at most %d databases in one "
			"merge; merge the others in a second run",
			DB_MERGE_MAX);
	snprintf(alias, sizeof alias, "o%d", ++nattached);
	{
		char sql[64];

		snprintf(sql, sizeof sql, "ATTACH DATABASE ?1 AS %s", alias);
		st = db_prep(d, sql);
	}
	sqlite3_bind_text(st, 1, other, -1, SQLITE_STATIC);
	db_step(d, st);
	sqlite3_finalize(st);
	d->blame = other;
	offs = prep(d, "SELECT office, updated FROM o.offices ORDER BY "
		       "office");
	mine = prep(d, "SELECT updated FROM offices WHERE office = ?1");
	while (db_step(d, offs) == SQLITE_ROW) {
		const char *office = db_text(offs, 0);
		const char *upd = db_text(offs, 1);
		char *here = NULL;

		sqlite3_bind_text(mine, 1, office, -1, SQLITE_STATIC);
		if (db_step(d, mine) == SQLITE_ROW)
			here = ibm_xstrdup(db_text(mine, 0));
		sqlite3_reset(mine);
		if (!here || strcmp(upd, here) > 0)
			conflicts += replace_office(d, office, upd, other, out);
		else if (strcmp(upd, here) < 0)
			ibm_warn(other, 0, "%s: an older copy (%s) than what "
				 "this database has of it (%s); not merged",
				 *office ? office : "(no office)", upd, here);
		free(here);
	}
	sqlite3_finalize(offs);
	sqlite3_finalize(mine);
	/* rows of no one: people of no bimtek, units of no visit */
	db_exec(d, "DELETE FROM people WHERE NOT EXISTS (SELECT 1 FROM "
		"trainings t WHERE t.participant_id = people.participant_id)");
	db_exec(d, "DELETE FROM units WHERE NOT EXISTS (SELECT 1 FROM visits "
		"v WHERE v.unit_id = units.unit_id)");
	d->blame = NULL;
	if (strict && conflicts)
		ibm_die(IBM_EX_DATAERR, other, 0, "%ld conflict%s (--strict): "
			"nothing merged", conflicts, conflicts == 1 ? "" : "s");
	return conflicts;
}
