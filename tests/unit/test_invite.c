/* test_invite.c - ibm-invite's modules: the event file (event.c), the
 * participant helpers (invite.c), the template engine (template.c) and
 * the Monev visits (visits.c). */
#include "unit.h"

#include <limits.h>
#include "event.h"
#include "invite.h"
#include "template.h"

/* ---------------------------------------------------------------- event */

static ibm_event *parse(const char *text, int *rc)
{
	ibm_event *ev = ibm_event_new();

	msgs_reset();
	quiet_begin();
	*rc = ibm_event_parse(ev, "ev.conf", text, strlen(text));
	quiet_end();
	return ev;
}

static void t_event_basic(void **state)
{
	int rc;
	ibm_event *ev = parse("\xEF\xBB\xBF# comment\r\n  \r\n"
			      "Tanggal-Mulai = 24 Juni 2024\r\n"
			      "acara=  Bimtek IBM  \n"
			      "hal = \"  spaced  \"\n"
			      "   # indented comment\n"
			      "kosong =\n"
			      "nomor = B/{n}/2024 # not a comment", &rc);

	(void)state;
	assert_int_equal(rc, 0);
	assert_string_equal(ibm_event_get(ev, "tanggal_mulai"), "24 Juni 2024");
	assert_string_equal(ibm_event_get(ev, "TANGGAL-MULAI"), "24 Juni 2024");
	assert_int_equal(ibm_event_find(ev, "tanggal_mulai")->line, 3);
	assert_string_equal(ibm_event_get(ev, "acara"), "Bimtek IBM");
	assert_string_equal(ibm_event_get(ev, "hal"), "  spaced  ");
	assert_null(ibm_event_get(ev, "kosong"));
	assert_non_null(ibm_event_find(ev, "kosong"));
	assert_string_equal(ibm_event_get(ev, "nomor"),
			    "B/{n}/2024 # not a comment");
	assert_null(ibm_event_get(ev, "absent"));
	/* -s overrides */
	assert_int_equal(ibm_event_set(ev, "acara = Rapat"), 0);
	assert_string_equal(ibm_event_get(ev, "acara"), "Rapat");
	assert_string_equal(ibm_event_find(ev, "acara")->src, "-s");
	assert_int_equal(ibm_event_set(ev, "noequals"), -1);
	assert_int_equal(ibm_event_set(ev, "bad key=1"), -1);
	assert_int_equal(ibm_event_set(ev, "=1"), -1);
	ibm_event_free(ev);
}

static void t_event_errors(void **state)
{
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{ "a = 1\nno equals\n", "E: ev.conf:2: expected key = value\n" },
		{ "a = 1\nA = 2\n",
		  "E: ev.conf:2: key a given twice (first at line 1)\n" },
		{ "x\xff = 1\n", "E: ev.conf:1: text is not UTF-8\n" },
		{ "bad key = 1\n", "E: ev.conf:1: bad key \"bad key\" "
				   "(letters, digits, _ - . only)\n" },
		{ " = 1\n", "E: ev.conf:1: bad key \"\" (letters, digits, "
			    "_ - . only)\n" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int rc;
		ibm_event *ev = parse(cases[i].text, &rc);

		assert_int_equal(rc, -1);
		assert_string_equal(msgs_all(), cases[i].msg);
		ibm_event_free(ev);
	}
}

/* An event file every reader accepts (the bimtek's keys, one day). */
static const char event_base[] =
	"instansi = BADAN NARKOTIKA NASIONAL | BNN KABUPATEN SUMBAWA\n"
	"nomor = B/{n}/VI/2024\n"
	"hal = Undangan\n"
	"tempat_surat = Sumbawa Besar\n"
	"tanggal_surat = 17 Juni 2024\n"
	"acara = Bimtek IBM\n"
	"tanggal_mulai = 24 Juni 2024\n"
	"waktu = 08.00 WITA\n"
	"tempat = Aula Hotel Tambora\n"
	"ttd_jabatan = Kepala | Kabupaten Sumbawa\n"
	"ttd_nama = Dr. Lalu Hamdani\n";

/* inv_event_init on event_base changed by CHANGE: its status, with the
 * messages in msgs (the event freed either way). */
static int bimtek_init(const char *change, int visits)
{
	ibm_event *ev = event_with(event_base, change);
	inv_event e;
	int st;

	quiet_begin();
	st = visits ? inv_event_init_visits(&e, ev) : inv_event_init(&e, ev);
	quiet_end();
	if (st == 0)
		inv_event_free(&e);
	ibm_event_free(ev);
	return st;
}

static void t_event_init_status(void **state)
{
	static const struct {
		const char *change, *msg;
	} cases[] = {
		{ "tanggal_mulai = 30 Februari 2024\n", "E: ev.conf:7: "
		  "tanggal_mulai: not a date: 30 Februari 2024\n" },
		{ "tanggal_surat = 2024-13-01\n", "E: ev.conf:5: tanggal_surat: "
		  "not a date: 2024-13-01\n" },
		{ "jumlah_hari = 0\n", "E: ev.conf:12: jumlah_hari: not a number "
		  "of days (1 to 31): 0\n" },
		{ "jumlah_hari = 99999999999999999999\n", "E: ev.conf:12: "
		  "jumlah_hari: not a number of days (1 to 31): "
		  "99999999999999999999\n" },
		{ "tanggal_mulai = 30 Desember 9999\njumlah_hari = 3\n",
		  "E: ev.conf:12: jumlah_hari: the last day is after the year "
		  "9999: 3\n" },
		{ "jumlah_hari = 3\ntanggal_selesai = 27 Juni 2024\n",
		  "E: ev.conf:13: tanggal_selesai: does not agree with "
		  "jumlah_hari\n" },
		{ "tanggal_selesai = 2024-06-01\n", "E: ev.conf:12: "
		  "tanggal_selesai: must be 0 to 30 days after tanggal_mulai\n" },
		{ "nomor_awal = 1000000000\n", "E: ev.conf:12: nomor_awal: larger "
		  "than 999999999: 1000000000\n" },
		{ "nomor_awal = -1\n", "E: ev.conf:12: nomor_awal: not a whole "
		  "number: -1\n" },
		{ "nomor = B/VI/2024\n", "E: ev.conf:2: nomor: the number "
		  "pattern needs {n} or {n:WIDTH}: B/VI/2024\n" },
		{ "tembusan_kelurahan = mungkin\n", "E: ev.conf:12: "
		  "tembusan_kelurahan: not yes or no (ya, tidak): mungkin\n" },
		{ "jenis_desa = kota\n", "E: ev.conf:12: jenis_desa: not desa, "
		  "kelurahan or desa/kelurahan: kota\n" },
		{ "acara =\nwaktu = \"\"\n", "E: ev.conf: missing required keys: "
		  "acara, waktu\n" },
	};

	(void)state;
	assert_int_equal(bimtek_init("", 0), 0);
	assert_int_equal(msgs.n, 0);
	assert_int_equal(bimtek_init("jumlah_hari = 31\ntanggal_selesai = "
				     "24 Juli 2024\n", 0), 0);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(bimtek_init(cases[i].change, 0),
				 IBM_EX_DATAERR);
		assert_string_equal(msgs_all(), cases[i].msg);
	}
}

/* The visit papers' reader: the letters' keys checked the same, the
 * bimtek's own not at all. */
static void t_event_init_visits_status(void **state)
{
	ibm_event *ev = event_with(event_base, "tanggal_mulai = besok\n"
				   "jumlah_hari = 40\nsifat = Segera\n");
	inv_event e;

	(void)state;
	assert_int_equal(inv_event_init_visits(&e, ev), 0);
	assert_string_equal(e.sifat, "Segera");
	assert_string_equal(e.acara, "Bimtek IBM");
	assert_string_equal(e.kepada, "");
	assert_string_equal(e.penerbit, "Kepala Kabupaten Sumbawa");
	inv_event_free(&e);
	ibm_event_free(ev);
	assert_int_equal(bimtek_init("tanggal_surat = kemarin\n", 1),
			 IBM_EX_DATAERR);
	assert_string_equal(msgs_all(), "E: ev.conf:5: tanggal_surat: not a "
			    "date: kemarin\n");
	assert_int_equal(bimtek_init("jenis_desa = kampung\n", 1),
			 IBM_EX_DATAERR);
	assert_string_equal(msgs_all(), "E: ev.conf:12: jenis_desa: not desa, "
			    "kelurahan or desa/kelurahan: kampung\n");
	assert_int_equal(bimtek_init("ttd_nama =\ninstansi =\n", 1),
			 IBM_EX_DATAERR);
	assert_string_equal(msgs_all(), "E: ev.conf: missing required keys for "
			    "--visits: instansi, ttd_nama\n");
}

/* --------------------------------------------------------------- invite */

static void t_fnv1a(void **state)
{
	(void)state;
	/* reference values of FNV-1a 32-bit */
	assert_int_equal(inv_fnv1a(""), 0x811C9DC5UL);
	assert_int_equal(inv_fnv1a("a"), 0xE40C292CUL);
	assert_int_equal(inv_fnv1a("foobar"), 0xBF9CF968UL);
}

static void t_make_id(void **state)
{
	char a[INV_ID_MAX], b[INV_ID_MAX], c[INV_ID_MAX];

	(void)state;
	inv_make_id(a, "Siti Rahmawati", "Bugis", "+6281234567890", 0);
	inv_make_id(b, "  SITI   rahmawati ", "bugis", "+6281234567890", 0);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 12);
	assert_memory_equal(a, "IBM-", 4);
	/* the documented recipe */
	snprintf(c, sizeof c, "IBM-%08lX",
		 inv_fnv1a("siti rahmawati|bugis|+6281234567890"));
	assert_string_equal(a, c);
	inv_make_id(c, "Siti Rahmawati", "Bugis", "", 0);
	snprintf(b, sizeof b, "IBM-%08lX", inv_fnv1a("siti rahmawati|bugis"));
	assert_string_equal(b, c);
	assert_string_not_equal(a, c);
	/* the long form: the short one, "-" and FNV-1a 64's high half */
	inv_make_id(b, "Siti Rahmawati", "Bugis", "", 1);
	assert_int_equal(strlen(b), 21);
	assert_memory_equal(b, c, 12);
	snprintf(c, sizeof c, "-%08lX", (unsigned long)(ibm_fnv1a64(
		"siti rahmawati|bugis") >> 32));
	assert_string_equal(b + 12, c);
	/* FNV-1a 64-bit reference values */
	assert_true(ibm_fnv1a64("") == 0xCBF29CE484222325ULL);
	assert_true(ibm_fnv1a64("a") == 0xAF63DC4C8601EC8CULL);
	assert_true(ibm_fnv1a64("foobar") == 0x85944171F73967E8ULL);
}

static void t_number(void **state)
{
	char *s;

	(void)state;
	s = inv_number("B/{n}/VI/2024", 7);
	assert_string_equal(s, "B/7/VI/2024");
	free(s);
	s = inv_number("005.{n:3}/BNNK", 12);
	assert_string_equal(s, "005.012/BNNK");
	free(s);
	s = inv_number("{n}", 1234);
	assert_string_equal(s, "1234");
	free(s);
	s = inv_number("{nama}/{n}", 2);
	assert_string_equal(s, "{nama}/2");
	free(s);
	assert_null(inv_number("B/VI/2024", 1));
	assert_null(inv_number("B/{n:0}/2024", 1));
	assert_null(inv_number("B/{n:x}/2024", 1));
	assert_null(inv_number("B/{n", 1));
}

static void t_number_format(void **state)
{
	static const char *const roman[] = { "I", "II", "III", "IV", "V",
		"VI", "VII", "VIII", "IX", "X", "XI", "XII" };
	char *s, want[64];
	ibm_date d = { 2019, 9, 14 };

	(void)state;
	/* every month of the letter date in Roman numerals */
	for (int m = 1; m <= 12; m++) {
		ibm_date dm = { 2024, m, 1 };

		assert_string_equal(inv_roman_month(m), roman[m - 1]);
		s = inv_number_format("B/UND-{n}/{bulan_romawi}/{bulan}/{tahun}",
				      38, dm);
		snprintf(want, sizeof want, "B/UND-38/%s/%02d/2024",
			 roman[m - 1], m);
		assert_string_equal(s, want);
		free(s);
	}
	assert_null(inv_roman_month(0));
	assert_null(inv_roman_month(13));
	s = inv_number_format("Sprin/{n}/{bulan_romawi}/Ka/Rh.01.01/{tahun}/"
			      "BNNP-NTB", 283, d);
	assert_string_equal(s, "Sprin/283/IX/Ka/Rh.01.01/2019/BNNP-NTB");
	free(s);
	s = inv_number_format("{n:4}/{tahun}{x}", 7, d);
	assert_string_equal(s, "0007/2019{x}");
	free(s);
	assert_null(inv_number_format("{bulan_romawi}/{tahun}", 1, d));
	assert_null(inv_number_format("{n:13}", 1, d));
	/* without a date the month and year stay as they are */
	s = inv_number("{n}/{bulan_romawi}", 3);
	assert_string_equal(s, "3/{bulan_romawi}");
	free(s);
}

/* A register kept elsewhere (ibm-db): letters already issued counted and
 * reused, the run's new ones given back, the old ones not. */
static void new_line(void *arg, const char *const *f, long urut)
{
	char *buf = arg;
	size_t n = strlen(buf);

	snprintf(buf + n, 256 - n, "%s|%s|%ld|%s|%s|%s;", f[0], f[1], urut,
		 f[3], f[4], f[5]);
}

static void t_register_elsewhere(void **state)
{
	ibm_date jun = { 2024, 6, 14 };
	inv_register *r = inv_register_new("x.db");
	char got[256] = "";
	char *s;

	(void)state;
	ibm_diag_set_quiet(1);
	inv_register_add_old(r, "2024-06-01", "undangan", 3, "B/3/2024", "Ani",
			     "Bimtek");
	/* a date that cannot be read, a number without urut */
	inv_register_add_old(r, NULL, "undangan", 0, "B/9/2024", "Eko",
			     "Bimtek");
	s = inv_register_number(r, "undangan", "nomor", "B/{n}/{tahun}", NULL,
				0, jun, "ani", "bimtek");
	assert_string_equal(s, "B/3/2024");
	free(s);
	s = inv_register_number(r, "undangan", "nomor", "B/{n}/{tahun}", NULL,
				0, jun, "Budi", "Bimtek");
	assert_string_equal(s, "B/4/2024");
	free(s);
	/* the number of another letter is never issued again */
	assert_int_equal(inv_register_issue(r, "undangan", "nomor_awal",
					    "B/{n}/{tahun}", NULL, 9, jun,
					    "Citra", "Bimtek", &s),
			 IBM_EX_DATAERR);
	assert_null(s);
	inv_register_each_new(r, new_line, got);
	assert_string_equal(got, "2024-06-14|undangan|4|B/4/2024|Budi|Bimtek;");
	inv_register_free(r);
}

static void t_register(void **state)
{
	static const char text[] =
		"Tanggal;Jenis;Urut;Nomor;Kepada;Hal\r\n"
		"2024-06-01;sprin;7;Sprin/7/VI/2024;Tim A;Rapat\r\n"
		"2024-06-02;undangan;3;B/3/VI/2024;Ani;Bimtek\r\n"
		"2023-12-30;sprin;40;Sprin/40/XII/2023;Tim B;Rapat\r\n"
		";;;;;\r\n";
	ibm_date jun = { 2024, 6, 14 }, jan = { 2025, 1, 6 };
	inv_register *r;
	char *s;

	(void)state;
	ibm_diag_set_quiet(1);
	assert_int_equal(inv_register_parse("r.csv", text, sizeof text - 1,
					    &r), 0);
	/* the same letter: its number */
	s = inv_register_number(r, "sprin", "nomor_sprin", "Sprin/{n}", NULL,
				0, jun, "tim a", "rapat");
	assert_string_equal(s, "Sprin/7/VI/2024");
	free(s);
	/* the next of the type and year */
	s = inv_register_number(r, "sprin", "nomor_sprin",
				"Sprin/{n}/{bulan_romawi}/{tahun}", NULL, 0,
				jun, "Tim C", "Rapat");
	assert_string_equal(s, "Sprin/8/VI/2024");
	free(s);
	s = inv_register_number(r, "undangan", "nomor", "B/{n}/{tahun}", NULL,
				0, jun, "Budi", "Bimtek");
	assert_string_equal(s, "B/4/2024");
	free(s);
	/* a new year starts at 1; a free first number is taken */
	s = inv_register_number(r, "sprin", "nomor_sprin", "S/{n}/{tahun}",
				NULL, 0, jan, "Tim C", "Rapat");
	assert_string_equal(s, "S/1/2025");
	free(s);
	s = inv_register_number(r, "undangan", "nomor_awal", "B/{n}/{tahun}",
				NULL, 50, jun, "Citra", "Bimtek");
	assert_string_equal(s, "B/50/2024");
	free(s);
	/* a whole number */
	s = inv_register_number(r, "undangan", "nomor_kolektif", "B/{n}",
				"B/UND-9/VI/2024", 0, jun, "Daftar Terlampir",
				"Bimtek");
	assert_string_equal(s, "B/UND-9/VI/2024");
	free(s);
	inv_register_free(r);
	/* bad lines */
	{
		static const char *const bad[] = {
			"tanggal,jenis,nomor\nkemarin,sprin,S/1\n",
			"tanggal,jenis,urut,nomor\n2024-01-01,sprin,x,S/1\n",
			"nomor\nS/1\n",
		};

		quiet_begin(); /* errors are printed even under -q */
		for (size_t i = 0; i < 3; i++)
			assert_int_equal(inv_register_parse("r.csv", bad[i],
				strlen(bad[i]), &r), 65);
		quiet_end();
	}
	ibm_diag_set_quiet(0);
}

/* A register without urut counts by its numbers; a counter at LONG_MAX
 * is an error, not a negative number; text that Excel would run as a
 * formula is written with an apostrophe and read back without. */
static void t_register_counters(void **state)
{
	static const char nourut[] =
		"tanggal,jenis,nomor,kepada,hal\n"
		"2024-06-01,undangan,B/UND-7/VI/Rh.01.00/2024,Ani,Bimtek\n"
		"2024-03-01,undangan,B/UND-12/III/Rh.01.00/2024,Budi,Rapat\n"
		"2024-06-02,undangan,Nomor lain 99,Citra,Rapat\n"
		"2023-06-02,undangan,B/UND-50/VI/Rh.01.00/2023,Dedi,Rapat\n";
	char max[128];
	ibm_date jun = { 2024, 6, 14 };
	const char *pat = "B/UND-{n}/{bulan_romawi}/Rh.01.00/{tahun}";
	inv_register *r;
	char *s, *o;
	size_t n;

	(void)state;
	ibm_diag_set_quiet(1);
	assert_int_equal(inv_number_counter(pat, "b/und-12/III/Rh.01.00/2024",
		(ibm_date){ 2024, 3, 1 }), 12);
	assert_int_equal(inv_number_counter(pat, "B/UND-12/VI/Rh.01.00/2024",
		(ibm_date){ 2024, 3, 1 }), 0);
	assert_int_equal(inv_number_counter("{n:3}", "007", jun), 7);
	assert_int_equal(inv_number_counter("{n}", "99999999999999999999",
					    jun), 0);
	assert_int_equal(inv_register_parse("r.csv", nourut,
					    sizeof nourut - 1, &r), 0);
	s = inv_register_number(r, "undangan", "nomor", pat, NULL, 0, jun,
				"=HYPERLINK(\"http://x\")", "+Bimtek");
	assert_string_equal(s, "B/UND-13/VI/Rh.01.00/2024");
	free(s);
	o = inv_register_render(r, &n);
	assert_non_null(o);
	assert_non_null(strstr(o, "\n2024-06-14,undangan,"
		"B/UND-13/VI/Rh.01.00/2024,\"'=HYPERLINK(\"\"http://x\"\")\","
		"'+Bimtek\n"));
	inv_register_free(r);
	/* read back: the same letter is found again */
	assert_int_equal(inv_register_parse("r.csv", o, n, &r), 0);
	free(o);
	s = inv_register_number(r, "undangan", "nomor", pat, NULL, 0, jun,
				"=HYPERLINK(\"http://x\")", "+Bimtek");
	assert_string_equal(s, "B/UND-13/VI/Rh.01.00/2024");
	free(s);
	assert_null(inv_register_render(r, &n));
	inv_register_free(r);
	/* the counter's limit (LONG_MAX: 32 bits on Windows) */
	snprintf(max, sizeof max, "tanggal,jenis,urut,nomor\n"
		 "2024-06-01,sprin,%ld,S/x\n", LONG_MAX);
	assert_int_equal(inv_register_parse("r.csv", max, strlen(max), &r), 0);
	assert_int_equal(inv_register_issue(r, "sprin", "nomor_sprin",
		"S/{n}", NULL, 0, jun, "Tim", "Rapat", &s), 65);
	assert_null(s);
	inv_register_free(r);
	ibm_diag_set_quiet(0);
}

static void t_norms(void **state)
{
	char *s;

	(void)state;
	s = inv_kelurahan_norm("Kelurahan  Bugis");
	assert_string_equal(s, "Bugis");
	free(s);
	s = inv_kelurahan_norm("desa Labuhan Sumbawa");
	assert_string_equal(s, "Labuhan Sumbawa");
	free(s);
	s = inv_kelurahan_norm("Kel. Seketeng");
	assert_string_equal(s, "Seketeng");
	free(s);
	s = inv_kelurahan_norm("Desa");
	assert_string_equal(s, "Desa");
	free(s);
	s = inv_kelurahan_norm("Desanta");
	assert_string_equal(s, "Desanta");
	free(s);
	assert_string_equal(inv_gender_norm("Laki-laki"), "L");
	assert_string_equal(inv_gender_norm(" P "), "P");
	assert_string_equal(inv_gender_norm("Perempuan"), "P");
	assert_string_equal(inv_gender_norm("male"), "L");
	assert_string_equal(inv_gender_norm(""), "");
	assert_null(inv_gender_norm("X"));
}

static void t_village(void **state)
{
	(void)state;
	assert_int_equal(inv_kelurahan_kind("Kelurahan  Bugis"),
			 INV_KIND_KELURAHAN);
	assert_int_equal(inv_kelurahan_kind("kel. Seketeng"),
			 INV_KIND_KELURAHAN);
	assert_int_equal(inv_kelurahan_kind("DESA Moyo"), INV_KIND_DESA);
	assert_int_equal(inv_kelurahan_kind("Ds. Moyo"), INV_KIND_DESA);
	assert_int_equal(inv_kelurahan_kind("Desanta"), INV_KIND_VILLAGE);
	assert_int_equal(inv_kelurahan_kind("Desa"), INV_KIND_VILLAGE);
	assert_int_equal(inv_kelurahan_kind("Brang Bara"), INV_KIND_VILLAGE);
	assert_string_equal(inv_village_word(INV_KIND_DESA), "Desa");
	assert_string_equal(inv_village_head(INV_KIND_DESA), "Kepala Desa");
	assert_string_equal(inv_village_word(INV_KIND_KELURAHAN),
			    "Kelurahan");
	assert_string_equal(inv_village_head(INV_KIND_KELURAHAN), "Lurah");
	assert_string_equal(inv_village_word(INV_KIND_VILLAGE),
			    "Desa/Kelurahan");
	assert_string_equal(inv_village_head(INV_KIND_VILLAGE),
			    "Lurah/Kepala Desa");
}

static void t_cp1252(void **state)
{
	long bad = 0;
	char *s;

	(void)state;
	s = ts_to_cp1252("Andr\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cok\xE2\x80\x9D\t", &bad);
	assert_non_null(s);
	assert_string_equal(s, "Andr\xE9 \x80 \x93ok\x94 ");
	free(s);
	assert_null(ts_to_cp1252("Muh\xC4\x81mmad", &bad));
	assert_int_equal(bad, 0x101);
	assert_null(ts_to_cp1252("a\x01", &bad));
	assert_int_equal(bad, 1);
}

static void t_lines(void **state)
{
	inv_lines l;

	(void)state;
	inv_lines_split(&l, " A |  B  C || ");
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0], "A");
	assert_string_equal(l.v[1], "B C");
	inv_lines_free(&l);
	inv_lines_split(&l, NULL);
	assert_int_equal(l.n, 0);
}

/* ------------------------------------------------------------- template */

static char *render(const char *name, const char *text, const tpl_obj *o,
		    int *rc)
{
	tpl *t;
	tpl_buf b = { 0 };

	msgs_reset();
	quiet_begin();
	t = tpl_parse(name, text, strlen(text));
	*rc = t ? tpl_render(t, o, &b) : -2;
	quiet_end();
	tpl_free(t);
	return b.s;
}

static tpl_obj *sample(void)
{
	tpl_obj *o = tpl_obj_new(), *it;
	tpl_field *l;

	tpl_obj_set(o, "nama", "Andi <&> \"Zaki\"");
	tpl_obj_set(o, "kosong", "");
	l = tpl_obj_list(o, "peserta");
	it = tpl_list_add(l);
	tpl_obj_set(it, "nama", "Siti");
	it = tpl_list_add(l);
	tpl_obj_set(it, "nama", "Rizal");
	tpl_obj_set(tpl_list_proto(l), "nama", "");
	l = tpl_obj_list(o, "agenda");
	tpl_obj_set(tpl_list_proto(l), "acara", "");
	l = tpl_obj_list(o, "kop");
	tpl_list_add_text(l, "BNN");
	tpl_list_add_text(l, "BNNK Sumbawa");
	return o;
}

static void t_tpl_render(void **state)
{
	tpl_obj *o = sample();
	int rc;
	char *s;

	(void)state;
	s = render("a.html", "<p>{{nama}}|{{{nama}}}|{{& nama}}</p>", o, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s, "<p>Andi &lt;&amp;&gt; &quot;Zaki&quot;|"
			    "Andi <&> \"Zaki\"|Andi <&> \"Zaki\"</p>");
	free(s);
	s = render("a.md", "{{nama}}", o, &rc);
	assert_string_equal(s, "Andi <&> \"Zaki\"");
	free(s);
	s = render("a.md", "{{#peserta}}[{{nama}}]{{/peserta}}"
		   "{{^peserta}}none{{/peserta}}"
		   "{{#agenda}}x{{/agenda}}{{^agenda}}no agenda{{/agenda}}", o,
		   &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s, "[Siti][Rizal]no agenda");
	free(s);
	s = render("a.md", "{{#kosong}}A{{/kosong}}{{^kosong}}B{{/kosong}}"
		   "{{#nama}}C{{/nama}}{{! comment }}", o, &rc);
	assert_string_equal(s, "BC");
	free(s);
	s = render("a.md", "{{#kop}}\n- {{.}}\n{{/kop}}\n{{! c }}\nend\n", o,
		   &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s, "- BNN\n- BNNK Sumbawa\nend\n");
	free(s);
	tpl_obj_free(o);
}

static void t_tpl_errors(void **state)
{
	static const struct {
		const char *text, *msg;
		int rc;
	} cases[] = {
		{ "a\n{{nama}}\n{{namaa}}", "E: t.md:3: unknown key {{namaa}}\n",
		  -1 },
		{ "{{#agenda}}\n{{kegiatan}}\n{{/agenda}}",
		  "E: t.md:2: unknown key {{kegiatan}}\n", -1 },
		{ "{{#kosong}}{{zz}}{{/kosong}}",
		  "E: t.md:1: unknown key {{zz}}\n", -1 },
		{ "{{peserta}}", "E: t.md:1: {{peserta}} is a list; use "
				 "{{#peserta}}...{{/peserta}}\n", -1 },
		{ "x\n{{#peserta}}", "E: t.md:2: {{#peserta}} is not closed "
				     "(no {{/peserta}})\n", -2 },
		{ "{{/peserta}}", "E: t.md:1: {{/peserta}} closes no block\n",
		  -2 },
		{ "{{#a}}{{/b}}", "E: t.md:1: {{/b}} closes {{#a}} of line 1\n",
		  -2 },
		{ "\n\n{{nama", "E: t.md:3: unterminated tag {{\n", -2 },
		{ "{{{nama}}", "E: t.md:1: {{{ closed by }} instead of }}}\n",
		  -2 },
		{ "{{{nama}} }", "E: t.md:1: {{{ closed by }} instead of }}}\n",
		  -2 },
		{ "{{na me}}", "E: t.md:1: bad key in tag: {{na me}}\n", -2 },
		{ "{{}}", "E: t.md:1: bad key in tag: {{}}\n", -2 },
		{ "ok\n\xff", "E: t.md:2: text is not UTF-8\n", -2 },
	};
	tpl_obj *o = sample();

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int rc;
		char *s = render("t.md", cases[i].text, o, &rc);

		assert_int_equal(rc, cases[i].rc);
		assert_string_equal(msgs_all(), cases[i].msg);
		free(s);
	}
	tpl_obj_free(o);
}

/* Template output names: cut to INV_NAME_MAX bytes at a character
 * boundary, extension kept, "~k" before it. */
static void t_short_name(void **state)
{
	char name[400];
	char *s;
	int cut;

	(void)state;
	s = inv_short_name("1-Siti.md", 1, &cut);
	assert_string_equal(s, "1-Siti.md");
	assert_int_equal(cut, 0);
	free(s);
	s = inv_short_name("1-Siti.md", 3, &cut);
	assert_string_equal(s, "1-Siti~3.md");
	assert_int_equal(cut, 1);
	free(s);
	/* 300 bytes of two-byte letters: cut between letters */
	for (int i = 0; i < 150; i++)
		memcpy(name + 2 * i, "\xC3\xA9", 2);
	strcpy(name + 300, ".html");
	s = inv_short_name(name, 1, &cut);
	assert_int_equal(cut, 1);
	assert_true(strlen(s) <= INV_NAME_MAX);
	assert_true(ibm_utf8_valid(s, strlen(s)));
	assert_string_equal(s + strlen(s) - 5, ".html");
	assert_int_equal(strlen(s), 119); /* 57 letters and ".html" */
	free(s);
	s = inv_short_name(name, 12, &cut);
	assert_true(strlen(s) <= INV_NAME_MAX);
	assert_true(ibm_utf8_valid(s, strlen(s)));
	assert_string_equal(s + strlen(s) - 8, "~12.html");
	free(s);
	/* no extension (or too long to be one) */
	memset(name, 'a', 300);
	name[300] = '\0';
	s = inv_short_name(name, 1, &cut);
	assert_int_equal(strlen(s), INV_NAME_MAX);
	free(s);
}


/* --------------------------------------------------------- the visits */

static const char visit_staff[] =
	"nama,pangkat,nip,jabatan,tim,tugas\n"
	"Ani,Penata (III/c),19850312 200912 2 001,Konselor,Tim A,Ketua\n"
	"Budi,Pengatur (II/c),19940101 201901 1 002,Data,Tim A,Anggota\n"
	"Citra,Penata (III/a),19900505 201503 1 003,Penyuluh,Tim B,Ketua\n"
	"\"Ani, S.Psi.\",Penata (III/c),198503122009122001,Konselor,Tim B,\n";

/* Read a schedule and the staff above, and check them: the status. */
static int visits_of(const char *sched, inv_visits *vs, inv_order *st)
{
	ibm_csv_opts o = { 0 };
	int rc, status;
	ibm_csv *r;

	memset(vs, 0, sizeof *vs);
	memset(st, 0, sizeof *st);
	msgs_reset();
	r = ibm_csv_open_mem("jadwal.csv", sched, strlen(sched), &o, &rc);
	assert_non_null(r);
	status = inv_visits_read_csv(vs, r);
	ibm_csv_close(r);
	if (status)
		return status;
	r = ibm_csv_open_mem("petugas.csv", visit_staff,
			     sizeof visit_staff - 1, &o, &rc);
	assert_non_null(r);
	assert_int_equal(inv_order_read_staff_csv(st, r), 0);
	ibm_csv_close(r);
	return inv_visits_check(vs, st, NULL, 0, "09.00 WITA");
}

static void t_visits_trips(void **state)
{
	inv_visits vs;
	inv_order st;

	(void)state;
	/* Tim A on the 7th, 8th and 10th (two trips), Tim B on the 9th;
	 * Ani is in both teams, never on the same day */
	assert_int_equal(visits_of(
		"Tanggal,Jam,Unit IBM,Desa/Kelurahan,Kec.,Tim\n"
		"2025-04-10,,IBM C,Desa C,K,Tim A\n"
		"2025-04-07,13.00,IBM A2,Kelurahan A,K,Tim A\n"
		"2025-04-07,09.00,IBM A1,Kelurahan A,K,tim a\n"
		"\"Rabu, 9 April 2025\",,IBM B,Ds. B,K,Tim B\n"
		"08/04/2025,,IBM A3,A,K,Tim A\n", &vs, &st), 0);
	assert_int_equal(vs.nt, 2);
	assert_string_equal(vs.t[0].name, "Tim A");
	assert_int_equal(vs.t[0].nofficer, 2);
	assert_int_equal(vs.t[1].nofficer, 2);
	/* by date and time */
	assert_string_equal(vs.v[vs.t[0].visit[0]].f[INV_V_UNIT], "IBM A1");
	assert_string_equal(vs.v[vs.t[0].visit[1]].f[INV_V_UNIT], "IBM A2");
	assert_string_equal(vs.v[vs.t[0].visit[3]].f[INV_V_UNIT], "IBM C");
	/* the default time; the village's kind and name */
	assert_string_equal(vs.v[0].f[INV_V_WAKTU], "09.00 WITA");
	assert_int_equal(vs.v[1].kind, INV_KIND_KELURAHAN);
	assert_string_equal(vs.v[1].f[INV_V_DESA], "A");
	assert_int_equal(vs.v[3].kind, INV_KIND_DESA);
	assert_int_equal(vs.v[4].kind, INV_KIND_VILLAGE);
	/* trips: A on 7-8 April, A on 10 April, B on 9 April */
	assert_int_equal(vs.ntrip, 3);
	assert_int_equal(vs.trip[0].team, 0);
	assert_int_equal(vs.trip[0].end - vs.trip[0].first, 3);
	assert_int_equal(vs.trip[0].to.d, 8);
	assert_int_equal(vs.trip[1].from.d, 10);
	assert_int_equal(vs.trip[2].team, 1);
	/* all visits by date */
	assert_string_equal(vs.v[vs.order[4]].f[INV_V_UNIT], "IBM C");
	assert_string_equal(vs.v[vs.order[3]].f[INV_V_UNIT], "IBM B");
	inv_visits_free(&vs);
	inv_order_free(&st);
}

static void t_visits_errors(void **state)
{
	inv_visits vs;
	inv_order st;

	(void)state;
	/* an officer of two teams on one day, once for the day */
	assert_int_equal(visits_of(
		"tanggal,nama_unit,desa,tim\n"
		"2025-04-07,IBM A,A,Tim A\n"
		"2025-04-07,IBM B,B,Tim B\n"
		"2025-04-07,IBM C,C,Tim B\n", &vs, &st), IBM_EX_DATAERR);
	assert_int_equal(msgs.n, 1);
	assert_non_null(strstr(msgs_all(), "jadwal.csv:3: Ani (staff lines 2 "
			       "and 5) would be in two places on 7 April 2025"));
	inv_visits_free(&vs);
	inv_order_free(&st);
	/* a team without officers, with its rows; one in two places */
	assert_int_equal(visits_of(
		"tanggal,waktu,nama_unit,desa,tim\n"
		"2025-04-07,09.00,IBM A,A,Tim Z\n"
		"2025-04-08,09.00,IBM B,B,Tim Z\n"
		"2025-04-09,09.00,IBM C,C,Tim A\n"
		"2025-04-09,09.00,IBM D,D,Tim A\n", &vs, &st),
		IBM_EX_DATAERR);
	assert_non_null(strstr(msgs_all(), "jadwal.csv:2: team \"Tim Z\" "
			       "has no officers in the staff file petugas.csv "
			       "(its visits: lines 2, 3)"));
	inv_visits_free(&vs);
	inv_order_free(&st);
	assert_int_equal(visits_of(
		"tanggal,waktu,nama_unit,desa,tim\n"
		"2025-04-09,09.00,IBM C,C,Tim A\n"
		"2025-04-09,09.00,IBM D,D,Tim A\n", &vs, &st),
		IBM_EX_DATAERR);
	assert_non_null(strstr(msgs_all(), "jadwal.csv:3: team \"Tim A\" is "
			       "in two places at once on 9 April 2025 at "
			       "09.00: \"IBM C\" (line 2) and \"IBM D\""));
	inv_visits_free(&vs);
	inv_order_free(&st);
	/* cells */
	assert_int_equal(visits_of(
		"tanggal,nama_unit,desa,tim\n"
		"31/02/2025,IBM A,A,Tim A\n"
		"2025-04-08,,B,Tim A\n", &vs, &st), IBM_EX_DATAERR);
	assert_non_null(strstr(msgs_all(), "jadwal.csv:2: tanggal: not a "
			       "date: 31/02/2025"));
	assert_non_null(strstr(msgs_all(), "jadwal.csv:3: nama_unit: empty"));
	inv_visits_free(&vs);
	inv_order_free(&st);
}

static void t_key_number(void **state)
{
	ibm_event *ev = ibm_event_new();
	inv_event e;
	char *n;
	static const char conf[] = "instansi = X\ntempat_surat = Bima\n"
		"tanggal_surat = 24 Maret 2025\nttd_jabatan = K\n"
		"ttd_nama = N\nnomor_tugas = Sgas/{n}/{bulan_romawi}/{tahun}\n"
		"nomor_tugas_awal = 87\nnomor_spd = SPD-7\n";

	(void)state;
	assert_int_equal(ibm_event_parse(ev, "m.conf", conf, sizeof conf - 1),
			 0);
	assert_int_equal(inv_event_init_visits(&e, ev), 0);
	n = inv_key_number(&e, NULL, "surat_tugas", "nomor_tugas",
			   "nomor_tugas_awal", 2, "Tim", "Monev");
	assert_string_equal(n, "Sgas/89/III/2025");
	free(n);
	/* a whole number; no pattern: no number */
	n = inv_key_number(&e, NULL, "spd", "nomor_spd", "nomor_spd_awal", 3,
			   "Ani", "SPD");
	assert_string_equal(n, "SPD-7");
	free(n);
	n = inv_key_number(&e, NULL, "x", "nomor_x", "nomor_x_awal", 0, "a",
			   "b");
	assert_string_equal(n, "");
	free(n);
	inv_event_free(&e);
	ibm_event_free(ev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_visits_trips),
		cmocka_unit_test(t_visits_errors),
		cmocka_unit_test(t_key_number),
		cmocka_unit_test(t_event_basic),
		cmocka_unit_test(t_event_errors),
		cmocka_unit_test(t_event_init_status),
		cmocka_unit_test(t_event_init_visits_status),
		cmocka_unit_test(t_fnv1a),
		cmocka_unit_test(t_make_id),
		cmocka_unit_test(t_number),
		cmocka_unit_test(t_norms),
		cmocka_unit_test(t_village),
		cmocka_unit_test(t_cp1252),
		cmocka_unit_test(t_lines),
		cmocka_unit_test(t_number_format),
		cmocka_unit_test(t_register),
		cmocka_unit_test(t_register_elsewhere),
		cmocka_unit_test(t_register_counters),
		cmocka_unit_test(t_tpl_render),
		cmocka_unit_test(t_tpl_errors),
		cmocka_unit_test(t_short_name),
	};

	msgs_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
