/* test_db.c - ibm-db's library: numbers as written back, the office of an
 * event file, the schema's upgrades (a file of an earlier version opens
 * and is upgraded, one of a later version is refused), a new file made
 * readable by its owner only and removed again when the run fails, and
 * the readers on a database in memory. */
#include "unit.h"
#include "db.h"

static void fmt(double v, const char *want)
{
	char b[40];

	db_fmt_num(b, sizeof b, v);
	if (strcmp(b, want) != 0)
		fail_msg("db_fmt_num(%.17g) = \"%s\", want \"%s\"", v, b, want);
}

static void t_numbers(void **state)
{
	(void)state;
	fmt(45.45, "45.45");
	fmt(5, "5");
	fmt(-0.1667, "-0.1667");
	fmt(0.1 + 0.2, "0.30000000000000004");
	fmt(-0.0, "0");
	fmt(1e16, "1e+16");
	fmt(58.1, "58.1");
}

static char *office_of(const char *conf)
{
	ibm_event *ev = ibm_event_new();
	char *o;

	if (ibm_event_parse(ev, "e.conf", conf, strlen(conf)) != 0)
		fail_msg("bad event file");
	o = db_event_office(ev);
	ibm_event_free(ev);
	return o;
}

static void office(const char *conf, const char *want)
{
	char *o = office_of(conf);

	if (!want)
		assert_null(o);
	else
		assert_string_equal(o, want);
	free(o);
}

static void t_office(void **state)
{
	(void)state;
	office("instansi = BADAN NARKOTIKA NASIONAL REPUBLIK INDONESIA | "
	       "BADAN NARKOTIKA NASIONAL KABUPATEN SUMBAWA BARAT\n",
	       "BNNK Sumbawa Barat");
	office("instansi = Badan Narkotika Nasional Provinsi Nusa Tenggara "
	       "Barat\n", "BNNP Nusa Tenggara Barat");
	office("instansi = BADAN NARKOTIKA NASIONAL  KOTA  MATARAM\n",
	       "BNNK Kota Mataram");
	office("instansi = BADAN NARKOTIKA NASIONAL REPUBLIK INDONESIA\n",
	       "BNN RI");
	office("instansi = DINAS SOSIAL KABUPATEN DOMPU\n",
	       "Dinas Sosial Kabupaten Dompu");
	office("satker =  BNNP  NTB \ninstansi = BADAN NARKOTIKA NASIONAL "
	       "PROVINSI NUSA TENGGARA BARAT\n", "BNNP NTB");
	/* ibm-spj's satker, written out: the same office */
	office("satker = Badan Narkotika Nasional Kabupaten  Sumbawa\n",
	       "BNNK Sumbawa");
	office("acara = Bimtek\n", NULL);
}

/* ------------------------------------------------------------ schema */

static const char *const step2_sql[] = {
	"CREATE TABLE catatan (isi TEXT)", NULL
};
/* this version's steps and one of a later version */
static db_step_sql two[16];
static size_t ntwo;

static void use_two(void)
{
	ntwo = db_schema_nsteps + 1;
	assert_true(ntwo <= sizeof two / sizeof *two);
	memcpy(two, db_schema_steps, db_schema_nsteps * sizeof *two);
	two[ntwo - 1].version = db_schema_steps[db_schema_nsteps - 1].version
				+ 1;
	two[ntwo - 1].sql = step2_sql;
	db_schema_use(two, ntwo);
}

static void use_real(void)
{
	db_schema_use(db_schema_steps, db_schema_nsteps);
}

static const char *path_arg;

static void open_read(void *arg)
{
	(void)arg;
	db_close(db_open(path_arg, DB_READ, 0));
}

static void t_upgrade(void **state)
{
	const char *p = tmp_path("up.sqlite");
	const char *reg = tmp_write("reg.csv", "tanggal,jenis,urut,nomor\n"
				    "2024-06-14,sprin,1,Sprin/1\n", 51);
	db_in in;
	db_file *d;

	(void)state;
	memset(&in, 0, sizeof in);
	use_real();
	d = db_open(p, DB_WRITE, 0);
	assert_int_equal(db_add_letters(d, reg, "BNNK Sumbawa", &in), 0);
	db_commit(d);
	/* a later ibmkit opens it and adds its step; the letter stays */
	use_two();
	d = db_open(p, DB_READ, 0);
	assert_int_equal(d->version, two[ntwo - 1].version);
	assert_int_equal(db_int(d, "SELECT count(*) FROM catatan"), 0);
	assert_int_equal(db_int(d, "SELECT count(*) FROM letters"), 1);
	assert_int_equal(db_int(d, "SELECT count(*) FROM schema_version"),
			 (long long)ntwo);
	db_commit(d);
	/* a file without a step that changes rows is not read as it
	 * is; without steps that change indexes only, it is */
	assert_false(db_schema_reads(two, ntwo, 1));
	assert_true(db_schema_reads(two, ntwo, two[ntwo - 1].version));
	assert_true(db_schema_reads(db_schema_steps, db_schema_nsteps, 1));
	assert_false(db_schema_reads(db_schema_steps, db_schema_nsteps, 0));
	/* and this version refuses the file of the later one */
	use_real();
	path_arg = p;
	need_child();
	assert_int_equal(run_child(open_read, NULL, tmp_path("up.err")), 65);
	{
		char *e = slurp(tmp_path("up.err"), NULL);

		assert_non_null(strstr(e, "made by a later version of ibmkit"));
		free(e);
	}
}

static void fail_add(void *arg)
{
	(void)arg;
	db_open(path_arg, DB_WRITE, 0);
	exit(65); /* as an add that finds a bad input */
}

static void t_new_file(void **state)
{
	const char *p = tmp_path("new.sqlite");
	struct stat sb;
	db_file *d;

	(void)state;
	use_real();
	path_arg = p;
	need_child();
	/* a run that fails leaves no file behind */
	assert_int_equal(run_child(fail_add, NULL, NULL), 65);
	assert_int_equal(access(p, F_OK), -1);
	/* a run that commits leaves it, for its owner only */
	d = db_open(p, DB_WRITE, 0);
	db_commit(d);
	assert_int_equal(stat(p, &sb), 0);
#ifndef _WIN32
	assert_int_equal(sb.st_mode & 0777, 0600);
#endif
	assert_true(sb.st_size > 0);
}

/* ----------------------------------------------------------- readers */

static ibm_csv *mem(const char *text)
{
	ibm_csv_opts o = { 0 };
	int st;
	ibm_csv *r = ibm_csv_open_mem("in.csv", text, strlen(text), &o, &st);

	assert_non_null(r);
	return r;
}

static db_file *memdb(long long *event)
{
	static const char conf[] = "satker = BNNK Sumbawa\nacara = Bimtek\n"
				   "tanggal_mulai = 2024-06-24\n";
	ibm_event *ev = ibm_event_new();
	db_file *d = db_open(":memory:", DB_WRITE, 0);

	assert_int_equal(ibm_event_parse(ev, "e.conf", conf,
					 sizeof conf - 1), 0);
	*event = db_put_event(d, ev, "e.conf");
	ibm_event_free(ev);
	return d;
}

/* The rows of a list as one text, "a,b;c,d" (empty cells empty). */
static char *rows(db_file *d, int list, size_t first, size_t n)
{
	static const db_filter none;
	db_rows *t = db_rows_list(d, list, &none);
	const char *const *v;
	char *out = ibm_xcalloc(1, 4096);

	while (db_rows_next(t, &v, NULL)) {
		for (size_t c = first; c < first + n; c++) {
			strcat(out, v[c] ? v[c] : "");
			strcat(out, c + 1 < first + n ? "," : ";");
		}
	}
	db_rows_free(t);
	return out;
}

static void t_participants_scores(void **state)
{
	long long ev;
	db_file *d = memdb(&ev);
	db_in in;
	char *s;

	(void)state;
	memset(&in, 0, sizeof in);
	/* a list without participant_id: an error naming what it has */
	msgs_reset();
	quiet_begin();
	assert_int_equal(db_read_people(d, ev, mem("nama,no hp\nA,1\n"),
					NULL, &in), 65);
	quiet_end();
	assert_non_null(strstr(msgs_all(), "missing required column: "
			       "participant_id"));
	/* scores without ids: by e-mail (any case), phone, then name; a
	 * participant_id twice: the later line kept, with a warning */
	msgs_reset();
	quiet_begin();
	assert_int_equal(db_read_people(d, ev, mem(
		"ID Peserta;Nama Lengkap;No. HP;E-mail\n"
		"IBM-1;Siti Rahmawati;0812-3456-7890;siti@x.id\n"
		"IBM-2;Muhammad Rizal;;\n"
		"IBM-3;Baiq Aini;+62 819 1700 1234;\n"
		"IBM-2;Muhammad Rizal;;\n"), mem(
		"name,email,no_hp,pre_score,post_score,passed_post\n"
		"x,SITI@X.ID,,6,9,ya\n"
		"MUHAMMAD  RIZAL,,,4,\"6,5\",tidak\n"
		"Aini,,081917001234,7,10,ya\n"
		"Orang Lain,,,1,2,tidak\n"), &in), 0);
	quiet_end();
	assert_non_null(strstr(msgs_all(), "in.csv:5: warning: participant_id "
			       "IBM-2 is on the list already (number 2)"));
	assert_non_null(strstr(msgs_all(), "in.csv:5: warning: Orang Lain is "
			       "not on the participant list"));
	s = rows(d, DB_TRAININGS, 4, 1);
	assert_string_equal(s, "IBM-1;IBM-3;IBM-2;");
	free(s);
	s = rows(d, DB_TRAININGS, 18, 1);
	assert_string_equal(s, "9;10;6.5;");
	free(s);
	/* scores in another order than the list, one of them twice (its
	 * later line kept), one without a participant */
	db_exec(d, "DELETE FROM trainings");
	quiet_begin();
	assert_int_equal(db_read_people(d, ev, mem(
		"participant_id,nama\nIBM-1,A\nIBM-2,B\nIBM-3,C\n"
		"IBM-4,D\n"), mem(
		"participant_id,post_score\nIBM-3,3\nIBM-9,9\nIBM-1,1\n"
		"IBM-4,4\nIBM-3,33\n"), &in), 0);
	quiet_end();
	s = rows(d, DB_TRAININGS, 18, 1);
	assert_string_equal(s, "1;;33;4;");
	free(s);
	/* scores in the reverse order of a long list: past OUT_OF_STEP
	 * rows put aside, the rest is staged at once; all land */
	{
		char *pl = ibm_xcalloc(1, 16384), *sl = ibm_xcalloc(1, 16384);

		strcpy(pl, "participant_id,nama\n");
		strcpy(sl, "participant_id,post_score\n");
		for (int i = 1; i <= 600; i++)
			sprintf(pl + strlen(pl), "P-%d,N\n", i);
		for (int i = 600; i >= 1; i--)
			sprintf(sl + strlen(sl), "P-%d,%d\n", i, i % 10);
		db_exec(d, "DELETE FROM trainings");
		assert_int_equal(db_read_people(d, ev, mem(pl), mem(sl), &in),
				 0);
		assert_int_equal(db_int(d, "SELECT count(*) FROM trainings "
					"WHERE post_score = substr("
					"participant_id, -1)"), 600);
		free(pl);
		free(sl);
	}
	/* --strict: a score that is no number is an error */
	in.strict = 1;
	quiet_begin();
	assert_int_equal(db_read_people(d, ev, mem(
		"participant_id,nama\nIBM-1,A\n"), mem(
		"participant_id,post_score\nIBM-1,sembilan\n"), &in), 65);
	quiet_end();
	db_close(d);
}

/* A file of schema version 1 with a bimtek opens in this version: its
 * trainings are the same rows, now under version 2's indexes. */
static void t_upgrade_v1(void **state)
{
	static const char conf[] = "satker = BNNK Sumbawa\nacara = Bimtek\n"
				   "tanggal_mulai = 2024-06-24\n";
	const char *p = tmp_path("v1.sqlite");
	ibm_event *ev = ibm_event_new();
	db_file *d;
	db_in in;
	char *before, *after;
	long long id;

	(void)state;
	memset(&in, 0, sizeof in);
	assert_int_equal(db_schema_steps[0].version, 1);
	db_schema_use(db_schema_steps, 1);
	d = db_open(p, DB_WRITE, 0);
	assert_int_equal(ibm_event_parse(ev, "e.conf", conf,
					 sizeof conf - 1), 0);
	id = db_put_event(d, ev, "e.conf");
	ibm_event_free(ev);
	assert_int_equal(db_read_people(d, id, mem(
		"participant_id,nama,no_hp\nIBM-2,B,0812\nIBM-1,A,\n"), mem(
		"participant_id,post_score\nIBM-2,7\nIBM-1,9\n"), &in), 0);
	assert_int_equal(db_int(d, "SELECT count(*) FROM sqlite_schema "
				"WHERE name = 'trainings_person'"), 1);
	before = rows(d, DB_TRAININGS, 0, 24);
	db_commit(d);
	use_real();
	d = db_open(p, DB_READ, 0);
	assert_int_equal(d->version, 2);
	after = rows(d, DB_TRAININGS, 0, 24);
	assert_string_equal(after, before);
	/* one index (the table is its primary key's tree): by person,
	 * unique with the event */
	assert_int_equal(db_int(d, "SELECT count(*) FROM sqlite_schema "
				"WHERE tbl_name = 'trainings' AND type = "
				"'index'"), 1);
	assert_int_equal(db_int(d, "SELECT count(*) FROM "
				"pragma_index_list('trainings') l JOIN "
				"pragma_index_info(l.name) i WHERE l.\"unique\" "
				"AND l.origin = 'u' AND i.seqno = 0 AND i.name "
				"= 'participant_id'"), 1);
	assert_int_equal(db_int(d, "SELECT count(*) FROM "
				"pragma_foreign_key_check"), 0);
	free(before);
	free(after);
	db_close(d);
}

static void t_visits(void **state)
{
	long long ev;
	db_file *d = memdb(&ev);
	db_in in;
	char *s;

	(void)state;
	memset(&in, 0, sizeof in);
	assert_int_equal(db_read_visits(d, mem(
		"provinsi,kabupaten_kota,satker,desa_kelurahan,nama_unit,"
		"tanggal_monev,periode,skor_a,skor_total,fase,sk_unit\n"
		"NTB,Kab. Dompu,BNNK Dompu,Bada,IBM Bada,2024-07-03,,50,62.5,"
		"Berkembang,ya\n"
		"NTB,KABUPATEN DOMPU,BNNK Dompu,Kandai,IBM Kandai,,2024-S2,,,,"
		"\n"),
		NULL, &in), 0);
	/* the same unit (another spelling), not visited: the visit stays */
	assert_int_equal(db_read_visits(d, mem(
		"Provinsi,Kab/Kota,Desa,Unit IBM,Periode\n"
		"ntb,kabupaten dompu,BADA,ibm bada,2024-S2\n"), NULL, &in), 0);
	s = rows(d, DB_VISITS, 5, 7);
	/* nama_unit, tanggal, petugas, tahun, periode, status, dimonev */
	assert_string_equal(s, "IBM Bada,2024-07-03,,,2024-S2,,ya;"
			    "IBM Kandai,,,,2024-S2,,tidak;");
	free(s);
	/* the values: the group score before skor_total, the indicator
	 * after kurang_untuk_fase_berikut */
	s = rows(d, DB_VISITS, 12, 5);
	assert_string_equal(s, "50,62.5,Berkembang,,ya;,,,,;");
	free(s);
	/* a row without a period */
	quiet_begin();
	assert_int_equal(db_read_visits(d, mem(
		"provinsi,kabupaten_kota,desa_kelurahan,nama_unit\n"
		"NTB,Dompu,Bada,IBM Bada\n"), NULL, &in), 65);
	quiet_end();
	db_close(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_numbers),
		cmocka_unit_test(t_office),
		cmocka_unit_test(t_upgrade),
		cmocka_unit_test(t_new_file),
		cmocka_unit_test(t_participants_scores),
		cmocka_unit_test(t_upgrade_v1),
		cmocka_unit_test(t_visits),
	};
	int r;

	msgs_init();
	r = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return r;
}
