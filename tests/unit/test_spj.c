/* test_spj.c - ibm-spj's library: the event file's keys, the tax of a
 * payment, percentages, golongan, categories, amounts in words, the
 * rates and tax readers. */
#include "unit.h"
#include "spj.h"

/* An event file with the keys the payment papers need. */
static const char event_base[] =
	"acara = Bimtek IBM\n"
	"tanggal_mulai = 24 Juni 2024\n"
	"tempat = Aula Hotel Tambora\n"
	"tempat_surat = Sumbawa Besar\n"
	"ppk_nama = I Gusti Ayu\n"
	"bendahara_nama = Muhammad Fadli\n"
	"instansi = BNN | BADAN NARKOTIKA NASIONAL KABUPATEN SUMBAWA\n";

/* spj_event_init on event_base changed by CHANGE: its status (the
 * messages in msgs); *e kept on success for the caller to check. */
static int event_init(const char *change, spj_event *e, ibm_event **ev)
{
	int st;

	*ev = event_with(event_base, change);
	quiet_begin();
	st = spj_event_init(e, *ev);
	quiet_end();
	return st;
}

static void t_event(void **state)
{
	static const struct {
		const char *change, *msg;
	} cases[] = {
		{ "tanggal_mulai = 24 Juni\n", "E: ev.conf:2: tanggal_mulai: not "
		  "a date: 24 Juni\n" },
		{ "tanggal_selesai = 2024-06-01\n", "E: ev.conf:8: "
		  "tanggal_selesai: not a date on or after tanggal_mulai: "
		  "2024-06-01\n" },
		{ "tanggal_selesai = 2024-07-30\n", "E: ev.conf:8: "
		  "tanggal_selesai: more than 31 days after tanggal_mulai\n" },
		{ "jumlah_hari = 32\n", "E: ev.conf:8: jumlah_hari: not a number "
		  "of days (1 to 31): 32\n" },
		{ "tanggal_mulai = 31 Desember 9999\njumlah_hari = 2\n",
		  "E: ev.conf:8: jumlah_hari: the last day is after the year "
		  "9999: 2\n" },
		{ "tanggal_bayar = kemarin\n", "E: ev.conf:8: tanggal_bayar: not "
		  "a date: kemarin\n" },
		{ "tahun_anggaran = 24\n", "E: ev.conf:8: tahun_anggaran: not a "
		  "year: 24\n" },
		{ "tahun_anggaran = 99999999999999999999\n", "E: ev.conf:8: "
		  "tahun_anggaran: not a year: 99999999999999999999\n" },
		{ "ppk_nama =\nbendahara_nama = \"\"\n", "E: ev.conf: missing "
		  "required keys for payment papers: ppk_nama, "
		  "bendahara_nama\n" },
	};
	spj_event e;
	ibm_event *ev;

	(void)state;
	assert_int_equal(event_init("jumlah_hari = 3\n", &e, &ev), 0);
	assert_int_equal(msgs.n, 0);
	assert_int_equal(e.days, 3);
	assert_string_equal(e.tahun, "2024");
	assert_string_equal(e.satker, "Badan Narkotika Nasional Kabupaten "
			    "Sumbawa");
	assert_int_equal(e.tanggal.d, 26);
	spj_event_free(&e);
	ibm_event_free(ev);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(event_init(cases[i].change, &e, &ev),
				 IBM_EX_DATAERR);
		assert_string_equal(msgs_all(), cases[i].msg);
		ibm_event_free(ev);
	}
}

static spj_rp tax(const spj_tax *t, int how, int gol, int no_id, spj_rp g)
{
	spj_taxed w = { how, gol, no_id };

	return spj_tax_of(t, &w, g);
}

/* The worked examples of the issue. */
static void t_worked(void **state)
{
	spj_tax t;
	spj_taxed civil = { SPJ_TAX_CIVIL, 3, 0 }, other = { SPJ_TAX_OTHER,
		0, 0 };

	(void)state;
	spj_tax_defaults(&t);
	/* 2 JP at Rp900.000, golongan III: 1.800.000, 90.000, 1.710.000 */
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 3, 0, 2 * 900000LL), 90000);
	assert_int_equal(spj_tax_rate_bp(&t, &civil, 1800000), 500);
	/* 2 JP at Rp1.700.000, non-civil servant: 85.000 */
	assert_int_equal(tax(&t, SPJ_TAX_OTHER, 0, 0, 2 * 1700000LL), 85000);
	assert_int_equal(spj_tax_rate_bp(&t, &other, 3400000), 250);
	/* golongan I, II none, IV 15 % */
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 1, 0, 1800000), 0);
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 2, 0, 1800000), 0);
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 4, 0, 1800000), 270000);
	/* the civil servants' final rate has no surcharge */
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 3, 1, 1800000), 90000);
	/* without NPWP or NIK: 120 % */
	assert_int_equal(tax(&t, SPJ_TAX_OTHER, 0, 1, 3400000), 102000);
	/* participants: not taxed by default */
	assert_int_equal(tax(&t, SPJ_TAX_PESERTA, 0, 1, 300000), 0);
	assert_int_equal(tax(&t, SPJ_TAX_NONE, 0, 0, 300000), 0);
	assert_int_equal(tax(&t, SPJ_TAX_OTHER, 0, 0, 0), 0);
}

static void t_brackets(void **state)
{
	spj_tax t;
	spj_taxed w = { SPJ_TAX_OTHER, 0, 0 };

	(void)state;
	spj_tax_defaults(&t);
	/* 50 % of 136.000.000: 60 juta at 5 %, 8 juta at 15 % */
	assert_int_equal(tax(&t, SPJ_TAX_OTHER, 0, 0, 136000000), 4200000);
	assert_int_equal(spj_tax_rate_bp(&t, &w, 136000000), -1);
	/* the first bracket's end exactly */
	assert_int_equal(tax(&t, SPJ_TAX_OTHER, 0, 0, 120000000), 3000000);
	assert_int_equal(spj_tax_rate_bp(&t, &w, 120000000), 250);
	/* through every bracket: 50 % of 12 miliar = 6 miliar */
	assert_int_equal(tax(&t, SPJ_TAX_OTHER, 0, 0, 12000000000LL),
			 3000000LL + 28500000LL + 62500000LL + 1350000000LL +
			 350000000LL);
	/* the largest amount in words: no overflow */
	assert_true(tax(&t, SPJ_TAX_OTHER, 0, 1, IBM_TERBILANG_MAX) > 0);
	assert_true(tax(&t, SPJ_TAX_CIVIL, 4, 0, IBM_TERBILANG_MAX) ==
		    IBM_TERBILANG_MAX / 100 * 15 +
		    IBM_TERBILANG_MAX % 100 * 15 / 100);
}

static void t_rounding(void **state)
{
	spj_tax t;

	(void)state;
	spj_tax_defaults(&t);
	/* 5 % of 333.333 = 16.666,65 */
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 3, 0, 333333), 16666);
	t.round = SPJ_ROUND_NEAREST;
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 3, 0, 333333), 16667);
	/* 5 % of 333.330 = 16.666,5: half up */
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 3, 0, 333330), 16667);
	t.round = SPJ_ROUND_UP;
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 3, 0, 333321), 16667);
	assert_int_equal(tax(&t, SPJ_TAX_CIVIL, 3, 0, 333320), 16666);
}

static void t_tax_file(void **state)
{
	static const char ok[] = "# an office's rules\n"
		"golongan_iii = 6 %\n"
		"golongan_iv = 15,5\n"
		"dasar = 100\n"
		"pasal_17 = 1.000.000 5 | 2,5\n"
		"tanpa_npwp = 100\n"
		"peserta_dasar = 50\n"
		"pembulatan = terdekat\n"
		"meterai_batas = Rp 5.000.000\n"
		"meterai = 10.000\n";
	static const char *const bad[] = {
		"golongan_v = 20\n", "golongan_iii = 101\n",
		"golongan_iii = 5,555\n", "dasar = -1\n",
		"tanpa_npwp = 90\n", "pasal_17 = 5\n60\n",
		"pasal_17 = 60.000.000 5 | 10.000.000 15 | 35\n",
		"pasal_17 = 60.000.000 5 | 250.000.000 15\n",
		"pembulatan = kebawah\n", "meterai = sepuluh ribu\n",
		"golongan_iii = 5\ngolongan_iii = 6\n", "= 5\n",
	};
	spj_tax t;

	(void)state;
	spj_tax_defaults(&t);
	assert_int_equal(spj_tax_parse(&t, "pajak.conf", ok, sizeof ok - 1),
			 0);
	assert_int_equal(t.gol_bp[2], 600);
	assert_int_equal(t.gol_bp[3], 1550);
	assert_int_equal(t.nbr, 2);
	assert_true(t.upto[0] == 1000000 && t.upto[1] == -1);
	assert_int_equal(t.rate_bp[1], 250);
	assert_int_equal(t.round, SPJ_ROUND_NEAREST);
	assert_int_equal(t.peserta_bp, 5000);
	/* 3.400.000 in full: 1 juta at 5 %, 2,4 juta at 2,5 % */
	assert_int_equal(tax(&t, SPJ_TAX_OTHER, 0, 1, 3400000), 110000);
	assert_int_equal(tax(&t, SPJ_TAX_PESERTA, 0, 0, 300000), 7500);
	quiet_begin();
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		spj_tax_defaults(&t);
		if (spj_tax_parse(&t, "pajak.conf", bad[i], strlen(bad[i])) !=
		    IBM_EX_DATAERR) {
			quiet_end();
			fail_msg("accepted: %s", bad[i]);
		}
	}
	quiet_end();
}

static void bp_ok(const char *s, int want)
{
	int bp = -7;

	if (spj_parse_bp(s, 10000, &bp) != 0 || bp != want)
		fail_msg("\"%s\": %d, want %d", s, bp, want);
}

static void t_percent(void **state)
{
	static const char *const bad[] = { "", "%", "lima", "5,", ",5",
		"5.555", "101", "-5", "5 5", "1e2" };
	char b[16];
	int bp;

	(void)state;
	bp_ok("5", 500);
	bp_ok(" 5 % ", 500);
	bp_ok("2,5", 250);
	bp_ok("2.5%", 250);
	bp_ok("0,25", 25);
	bp_ok("15.50", 1550);
	bp_ok("12,500", 1250);
	bp_ok("100", 10000);
	bp_ok("0", 0);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (spj_parse_bp(bad[i], 10000, &bp) == 0)
			fail_msg("\"%s\" read as %d", bad[i], bp);
	assert_string_equal(spj_bp_text(b, sizeof b, 500, 1), "5");
	assert_string_equal(spj_bp_text(b, sizeof b, 250, 1), "2,5");
	assert_string_equal(spj_bp_text(b, sizeof b, 250, 0), "2.5");
	assert_string_equal(spj_bp_text(b, sizeof b, 1225, 1), "12,25");
	assert_string_equal(spj_bp_text(b, sizeof b, 5, 0), "0.05");
}

static void t_golongan(void **state)
{
	(void)state;
	assert_int_equal(spj_golongan("III/c"), 3);
	assert_int_equal(spj_golongan("IV"), 4);
	assert_int_equal(spj_golongan("iv/a"), 4);
	assert_int_equal(spj_golongan("IIId"), 3);
	assert_int_equal(spj_golongan("Penata (III/c)"), 3);
	assert_int_equal(spj_golongan("Pembina Tk. I (IV/b)"), 4);
	assert_int_equal(spj_golongan("Penata Muda Tk. I (III/b)"), 3);
	assert_int_equal(spj_golongan("Gol. II"), 2);
	assert_int_equal(spj_golongan("3"), 3);
	assert_int_equal(spj_golongan("I/a"), 1);
	assert_int_equal(spj_golongan(""), 0);
	assert_int_equal(spj_golongan("Non-ASN"), 0);
	assert_int_equal(spj_golongan("V"), 0);
	assert_int_equal(spj_golongan("IIIf"), 0);
	assert_int_equal(spj_golongan(NULL), 0);
}

static void t_category(void **state)
{
	char *k;

	(void)state;
	k = spj_category_key("Kec. Moyo Hilir");
	assert_string_equal(k, "moyo hilir");
	free(k);
	k = spj_category_key("KABUPATEN  Sumbawa Barat");
	assert_string_equal(k, "sumbawa barat");
	free(k);
	k = spj_category_key("Kota Bima");
	assert_string_equal(k, "kota bima");
	free(k);
	k = spj_category_key("Kecamatan");
	assert_string_equal(k, "kecamatan");
	free(k);
	k = spj_category_key(NULL);
	assert_string_equal(k, "");
	free(k);
	assert_true(spj_kind_is_fee("honorarium narasumber"));
	assert_true(spj_kind_is_fee("honor moderator"));
	assert_false(spj_kind_is_fee("uang saku"));
}

static void t_words(void **state)
{
	char *w;

	(void)state;
	w = spj_words(1710000);
	assert_string_equal(w, "Satu juta tujuh ratus sepuluh ribu rupiah");
	free(w);
	w = spj_words(0);
	assert_string_equal(w, "Nol rupiah");
	free(w);
	w = spj_words(1000000000000LL);
	assert_string_equal(w, "Satu triliun rupiah");
	free(w);
}

static void t_rates(void **state)
{
	static const char csv[] =
		"Jenis;Kategori;Satuan;Tarif;Batas\n"
		"Uang Saku;;hari;150.000;100.000\n"
		"Transport;Kec. Moyo Hilir;orang;Rp200.000,-;\n"
		"Transport;;kali;100000;\n"
		"Honorarium Narasumber;Eselon II;JP;1.000.000;1.000.000\n";
	spj_rates rs = { 0 };
	spj_diag g = { 0, 0 };
	ibm_csv_opts o = { 0 };
	ibm_csv *r;
	const spj_rate *x;
	int st;

	(void)state;
	msgs_reset();
	r = ibm_csv_open_mem("tarif.csv", csv, sizeof csv - 1, &o, &st);
	assert_non_null(r);
	quiet_begin();
	st = spj_rates_read_csv(&rs, r, &g);
	quiet_end();
	ibm_csv_close(r);
	assert_int_equal(st, 0);
	assert_int_equal(rs.n, 4);
	/* the rate above its ceiling: a warning naming the line */
	assert_int_equal(msgs.n, 1);
	assert_non_null(strstr(msgs_all(), "tarif.csv:2: warning: Uang Saku: tarif "
			       "Rp150.000 is above its ceiling (batas) "
			       "Rp100.000"));
	assert_int_equal(rs.r[0].unit, SPJ_UNIT_DAY);
	assert_int_equal(rs.r[1].unit, SPJ_UNIT_ONCE);
	assert_int_equal(rs.r[3].unit, SPJ_UNIT_HOUR);
	assert_true(rs.r[1].tarif == 200000 && rs.r[1].batas == -1);
	x = spj_rate_find(&rs, "transport", "Moyo Hilir");
	assert_true(x && x->tarif == 200000);
	x = spj_rate_find(&rs, "transport", "Sumbawa");
	assert_true(x && x->tarif == 100000);
	x = spj_rate_find(&rs, "uang saku", NULL);
	assert_true(x && x->tarif == 150000);
	assert_null(spj_rate_find(&rs, "honorarium narasumber", "Eselon I"));
	assert_null(spj_rate_find(&rs, "konsumsi", NULL));
	spj_rates_free(&rs);
	/* under --strict: an error, counted */
	g.strict = 1;
	r = ibm_csv_open_mem("tarif.csv", csv, sizeof csv - 1, &o, &st);
	quiet_begin();
	st = spj_rates_read_csv(&rs, r, &g);
	quiet_end();
	ibm_csv_close(r);
	assert_int_equal(st, 0);
	assert_int_equal(g.errors, 1);
	spj_rates_free(&rs);
	msgs_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_event),
		cmocka_unit_test(t_worked),
		cmocka_unit_test(t_brackets),
		cmocka_unit_test(t_rounding),
		cmocka_unit_test(t_tax_file),
		cmocka_unit_test(t_percent),
		cmocka_unit_test(t_golongan),
		cmocka_unit_test(t_category),
		cmocka_unit_test(t_words),
		cmocka_unit_test(t_rates),
	};

	msgs_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
