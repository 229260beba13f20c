/* test_survey.c - ibm-survey's library: header words, grid columns,
 * answers, rounding and bands, the sample table, the spec, and the index
 * from a small export. */
#include "unit.h"

#include <math.h>

#include "survey.h"

static void t_words(void **state)
{
	char *w;

	(void)state;
	w = sv_words("  1. Biaya/Tarif (Rp) — kewajaran?  ");
	assert_string_equal(w, "1 biaya tarif rp kewajaran");
	free(w);
	w = sv_words("Kompetensi\xC2\xA0Petugas, Sarana-Prasarana");
	assert_string_equal(w, "kompetensi petugas sarana prasarana");
	free(w);
	w = sv_words("Pelayanan Pengaduan\xE2\x80\x99s CAF\xC3\x89");
	assert_string_equal(w, "pelayanan pengaduan s cafe");
	free(w);
	w = sv_words("-- . --");
	assert_string_equal(w, "");
	free(w);
}

static void t_phrase(void **state)
{
	(void)state;
	/* consecutive words; a clitic after a word of four letters or more */
	assert_int_equal(sv_phrase_score("kesesuaian persyaratan pelayanan",
					 "persyaratan"), 1);
	assert_int_equal(sv_phrase_score("jenis pelayanannya", "jenis "
					 "pelayanan"), 2);
	assert_int_equal(sv_phrase_score("kualitas sarana dan prasarana",
					 "sarana dan prasarana"), 3);
	assert_int_equal(sv_phrase_score("kualitas prasarana", "sarana"), 0);
	assert_int_equal(sv_phrase_score("saran dan masukan", "sarana"), 0);
	assert_int_equal(sv_phrase_score("sarana dan", "dan sarana"), 0);
	assert_int_equal(sv_phrase_score("bahasanya", "bahasa"), 1);
	assert_int_equal(sv_phrase_score("tempatmu", "tempat"), 1);
	/* a short word takes no clitic: "ruang" is not "ruangku"? it is
	 * five letters: it does */
	assert_int_equal(sv_phrase_score("ruangku", "ruang"), 1);
	assert_int_equal(sv_phrase_score("alurnya", "alur"), 1);
	assert_int_equal(sv_phrase_score("kenya", "ke"), 0);
	assert_int_equal(sv_phrase_score("", "x"), 0);
}

static void t_grid(void **state)
{
	char *q, *r;

	(void)state;
	assert_int_equal(sv_grid_split("Penguasaan materi [Drs. Ahmad, "
				       "M.Si.]", &q, &r), 1);
	assert_string_equal(q, "Penguasaan materi");
	assert_string_equal(r, "Drs. Ahmad, M.Si.");
	free(q);
	free(r);
	assert_int_equal(sv_grid_split(" A [b] [ c  d ] ", &q, &r), 1);
	assert_string_equal(q, "A [b]");
	assert_string_equal(r, "c d");
	free(q);
	free(r);
	assert_int_equal(sv_grid_split("Persyaratan", &q, &r), 0);
	assert_int_equal(sv_grid_split("[Drs. Ahmad]", &q, &r), 0);
	assert_int_equal(sv_grid_split("Materi []", &q, &r), 0);
	assert_int_equal(sv_grid_split("Materi ]", &q, &r), 0);
}

static void t_answer(void **state)
{
	sv_spec s;
	int v = 0;

	(void)state;
	sv_spec_load(&s, NULL);
	assert_int_equal(sv_answer(&s, "4", &v), 1);
	assert_int_equal(v, 4);
	assert_int_equal(sv_answer(&s, " 1,0 ", &v), 1);
	assert_int_equal(v, 1);
	assert_int_equal(sv_answer(&s, "", &v), 0);
	assert_int_equal(sv_answer(&s, "  -  ", &v), 0);
	assert_int_equal(sv_answer(&s, "5", &v), -1);
	assert_int_equal(sv_answer(&s, "0", &v), -1);
	assert_int_equal(sv_answer(&s, "3,5", &v), -1);
	/* the regulation's words, any case and spacing */
	assert_int_equal(sv_answer(&s, "SANGAT  sesuai", &v), 1);
	assert_int_equal(v, 4);
	assert_int_equal(sv_answer(&s, "Gratis", &v), 1);
	assert_int_equal(v, 4);
	assert_int_equal(sv_answer(&s, "Cukup mahal", &v), 1);
	assert_int_equal(v, 2);
	assert_int_equal(sv_answer(&s, "Berfungsi kurang maksimal", &v), 1);
	assert_int_equal(v, 3);
	assert_int_equal(sv_answer(&s, "Tidak ada", &v), 1);
	assert_int_equal(v, 1);
	/* the option's letter, the number in front or behind */
	assert_int_equal(sv_answer(&s, "d. Sangat sesuai", &v), 1);
	assert_int_equal(v, 4);
	assert_int_equal(sv_answer(&s, "b) Kurang mudah", &v), 1);
	assert_int_equal(v, 2);
	assert_int_equal(sv_answer(&s, "4 - Sangat baik", &v), 1);
	assert_int_equal(v, 4);
	assert_int_equal(sv_answer(&s, "Kurang (1)", &v), 1);
	assert_int_equal(v, 1);
	/* "kurang" alone is 1 on one scale and 2 on another: not read */
	assert_int_equal(sv_answer(&s, "Kurang", &v), -1);
	assert_int_equal(sv_answer(&s, "Baik sekali", &v), -1);
	assert_int_equal(sv_answer(&s, "e. Sangat sesuai", &v), -1);
	sv_spec_free(&s);
}

static void t_round(void **state)
{
	(void)state;
	/* half up, also where binary makes 88.305 a hair less */
	assert_true(sv_round(88.305, 2) == 88.31);
	assert_true(sv_round(25.0 * 17661 / 5000, 2) == 88.31);
	assert_true(sv_round(88.3049, 2) == 88.30);
	assert_true(sv_round(3.53235, 4) == 3.5324);
	assert_true(sv_round(3.53234999, 4) == 3.5323);
	assert_true(sv_round(91.475096, 2) == 91.48);
	assert_true(isnan(sv_round(NAN, 2)));
}

static void t_bands(void **state)
{
	sv_spec s;
	const sv_bandset *bi, *bu;

	(void)state;
	sv_spec_load(&s, NULL);
	bi = &s.band[SV_B_INDEKS];
	bu = &s.band[SV_B_UNSUR];
	assert_int_equal(bi->n, 4);
	assert_string_equal(sv_band_of(bi, 88.31, 2)->grade, "A");
	assert_string_equal(sv_band_of(bi, 88.305, 2)->grade, "A");
	assert_string_equal(sv_band_of(bi, 88.3049, 2)->grade, "B");
	assert_string_equal(sv_band_of(bi, 88.30, 2)->grade, "B");
	assert_string_equal(sv_band_of(bi, 76.61, 2)->grade, "B");
	assert_string_equal(sv_band_of(bi, 76.60, 2)->grade, "C");
	assert_string_equal(sv_band_of(bi, 65.00, 2)->grade, "C");
	assert_string_equal(sv_band_of(bi, 64.99, 2)->grade, "D");
	assert_string_equal(sv_band_of(bi, 64.99, 2)->words, "Tidak Baik");
	/* below the lowest minimum: the lowest band (0.11 x 9 < 1) */
	assert_string_equal(sv_band_of(bi, 24.75, 2)->grade, "D");
	assert_string_equal(sv_band_of(bi, 100, 2)->grade, "A");
	assert_null(sv_band_of(bi, NAN, 2));
	/* the element's table, on 4 decimals: its gaps closed below */
	assert_string_equal(sv_band_of(bu, 3.5324, 4)->grade, "A");
	assert_string_equal(sv_band_of(bu, 3.53226, 4)->grade, "B");
	assert_string_equal(sv_band_of(bu, 3.0644, 4)->grade, "B");
	assert_string_equal(sv_band_of(bu, 3.0642, 4)->grade, "C");
	assert_string_equal(sv_band_of(bu, 2.6, 4)->grade, "C");
	assert_string_equal(sv_band_of(bu, 2.59996, 4)->grade, "C");
	assert_string_equal(sv_band_of(bu, 2.5996, 4)->grade, "D");
	sv_spec_free(&s);
}

static void t_sample(void **state)
{
	/* rows of the regulation's (Krejcie and Morgan's) table; its row
	 * 100 000 prints 384 where the formula gives 382.6 (383) */
	static const long table[][2] = {
		{ 10, 10 }, { 15, 14 }, { 20, 19 }, { 25, 24 }, { 30, 28 },
		{ 40, 36 }, { 50, 44 }, { 75, 63 }, { 100, 80 }, { 150, 108 },
		{ 200, 132 }, { 300, 169 }, { 500, 217 }, { 1000, 278 },
		{ 2000, 322 }, { 5000, 357 }, { 10000, 370 }, { 75000, 382 },
		{ 1000000, 384 }
	};

	(void)state;
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		assert_int_equal(sv_sample_min(table[i][0]), table[i][1]);
	assert_int_equal(sv_sample_min(1), 1);
	assert_int_equal(sv_sample_min(0), 0);
}

static void t_fmt_index(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(sv_fmt_index(b, sizeof b, 91.475096), "91.4751");
	assert_string_equal(sv_fmt_index(b, sizeof b, 88.3), "88.3000");
	/* 4 decimals would make 88.3050, which rounds to 88.31: more */
	assert_string_equal(sv_fmt_index(b, sizeof b, 88.30495), "88.30495");
	assert_string_equal(sv_fmt_index(b, sizeof b, NAN), "");
}

static void t_spec_default(void **state)
{
	sv_spec s;
	size_t n[SV_MUTU + 1] = { 0 };

	(void)state;
	sv_spec_load(&s, NULL);
	for (size_t i = 0; i < s.nitem; i++)
		n[s.item[i].part]++;
	assert_int_equal(s.nunsur, 9);
	assert_int_equal(n[SV_UNSUR], 9);
	assert_int_equal(n[SV_NARASUMBER], 8);
	assert_int_equal(n[SV_PENYELENGGARAAN], 5);
	assert_int_equal(n[SV_KOMENTAR], 3);
	assert_string_equal(s.item[3].name, "Biaya/Tarif");
	/* the name is an alias of its own */
	assert_string_equal(s.item[3].alias[0], "biaya tarif");
	assert_string_equal(s.src, "(bawaan)");
	assert_true(s.nword > 40);
	sv_spec_free(&s);
}

static void t_spec_merge(void **state)
{
	static const char spec[] =
		"part,name,aspect,words,value\n"
		"element,Pelayanan,,layanan,\n"
		"answer,,,mantap,4\n"
		"band,speaker,Prima,Prima,3.5\n"
		"band,speaker,Madya,Madya,1\n";
	sv_spec s;
	int v;

	(void)state;
	msgs_reset();
	assert_int_equal(sv_spec_parse(&s, "spec", spec, sizeof spec - 1), 0);
	assert_int_equal(s.nitem, 1);
	assert_int_equal(s.nunsur, 1);
	/* answers given replace the default words */
	assert_int_equal(sv_answer(&s, "Mantap", &v), 1);
	assert_int_equal(v, 4);
	assert_int_equal(sv_answer(&s, "Sangat baik", &v), -1);
	/* a band set given replaces that set; the others are the default */
	assert_int_equal(s.band[SV_B_NARASUMBER].n, 2);
	assert_string_equal(s.band[SV_B_NARASUMBER].b[0].grade, "Prima");
	assert_string_equal(sv_band_of(&s.band[SV_B_NARASUMBER], 3.4,
				       4)->grade, "Madya");
	assert_int_equal(s.band[SV_B_INDEKS].n, 4);
	sv_spec_free(&s);
}

static void t_spec_errors(void **state)
{
	static const char *const bad[] = {
		"bagian,nama\n",
		"bagian,nama,aspek,kata,nilai\njawaban,,,baik,3\n",
		"bagian,nama,aspek,kata,nilai\nunsur,A,,x,\nunsur,B,,x,\n",
		"bagian,nama,aspek,kata,nilai\nunsur,A,,,\nmutu,indeks,A,X,\n",
		"bagian,nama,aspek,kata,nilai\nunsur,A,,,\nmutu,unsur,A,X,4.5\n",
		"bagian,nama,aspek,kata,nilai\nunsur,A,,,\nmutu,unsur,A,X,3\n"
		"mutu,unsur,B,Y,3\n",
		"bagian,nama,aspek,kata,nilai\npenyelenggaraan,Tempat,,,\n",
		"bagian,nama,aspek,kata,nilai\nunsur,---,,,\n",
		"kind,words\nunsur,x\n",
	};
	sv_spec s;

	(void)state;
	quiet_begin();
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(sv_spec_parse(&s, "spec", bad[i],
					       strlen(bad[i])),
				 IBM_EX_DATAERR);
		sv_spec_free(&s);
	}
	quiet_end();
	/* the same words may name an element and a speaker's aspect */
	{
		static const char ok[] = "bagian,nama,aspek,kata,nilai\n"
					 "unsur,Waktu,,,\n"
					 "narasumber,,Ketepatan,waktu,\n";

		assert_int_equal(sv_spec_parse(&s, "spec", ok, sizeof ok - 1),
				 0);
		sv_spec_free(&s);
	}
}

static void t_match(void **state)
{
	sv_spec s;
	long other, i;
	char *w;

	(void)state;
	sv_spec_load(&s, NULL);
	w = sv_words("Bagaimana pendapat Saudara tentang penanganan pengaduan, "
		     "saran dan masukan peserta?");
	i = sv_match(&s, w, 1u << SV_UNSUR | 1u << SV_KOMENTAR, &other);
	assert_true(i >= 0 && other < 0);
	assert_string_equal(s.item[i].name,
			    "Penanganan Pengaduan, Saran dan Masukan");
	free(w);
	/* an open question begins with its word */
	w = sv_words("10. Saran untuk waktu pelaksanaan kegiatan");
	i = sv_match(&s, w, 1u << SV_PENYELENGGARAAN | 1u << SV_KOMENTAR,
		     &other);
	assert_string_equal(s.item[i].name, "Saran");
	free(w);
	/* two questions equally named: ambiguous */
	w = sv_words("Kecepatan waktu layanan panitia");
	i = sv_match(&s, w, 1u << SV_UNSUR | 1u << SV_PENYELENGGARAAN,
		     &other);
	assert_true(i >= 0 && other >= 0);
	free(w);
	w = sv_words("Nama lengkap");
	assert_int_equal(sv_match(&s, w, 0xff, &other), -1);
	free(w);
	sv_spec_free(&s);
}

/* The regulation's worked example from a small export read in memory. */
static void t_worked_example(void **state)
{
	static const int total[9] = { 105, 101, 100, 116, 102, 105, 106, 105,
				      115 };
	static const char *const head =
		"Persyaratan,Prosedur,Waktu,Tarif,Produk,Kompetensi,Perilaku,"
		"Pengaduan,Sarana\n";
	char text[4096];
	size_t len = 0;
	sv_spec s;
	sv_data d;
	sv_result r;
	ibm_csv_opts o = { 0 };
	ibm_csv *c;
	int st;

	(void)state;
	len += (size_t)snprintf(text + len, sizeof text - len, "%s", head);
	for (int i = 0; i < 29; i++)
		for (int e = 0; e < 9; e++)
			len += (size_t)snprintf(text + len, sizeof text - len,
						"%d%c",
						i < total[e] - 87 ? 4 : 3,
						e == 8 ? '\n' : ',');
	sv_spec_load(&s, NULL);
	sv_data_init(&d, &s);
	c = ibm_csv_open_mem("example", text, len, &o, &st);
	assert_non_null(c);
	assert_int_equal(sv_read_csv(&d, c), 0);
	ibm_csv_close(c);
	assert_int_equal(sv_compute(&d, 0, 30, &r), 0);
	assert_int_equal(r.nunsur, 9);
	assert_int_equal(r.respondents, 29);
	assert_true(sv_round(r.ikm, 2) == 91.48);
	assert_string_equal(r.band->grade, "A");
	assert_int_equal(r.sample_min, 28);
	assert_string_equal(r.weight_text, "bobot 1/9");
	assert_int_equal(r.row[3].t.sum, 116);
	assert_true(fabs(r.row[3].mean - 4) < 1e-12);
	sv_result_free(&r);
	assert_int_equal(sv_compute(&d, 0.111, -1, &r), 0);
	assert_true(sv_round(r.ikm, 2) == 91.38);
	assert_true(sv_round(r.ikm_exact, 2) == 91.48);
	assert_int_equal(r.sample_min, -1);
	assert_string_equal(r.weight_text, "bobot 0.111 (dibulatkan; dengan "
			    "bobot 1/9 IKM 91.48)");
	sv_result_free(&r);
	assert_int_equal(sv_compute(&d, 0.11, -1, &r), 0);
	assert_true(sv_round(r.ikm, 2) == 90.56);
	sv_result_free(&r);
	sv_data_free(&d);
	sv_spec_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_words),
		cmocka_unit_test(t_phrase),
		cmocka_unit_test(t_grid),
		cmocka_unit_test(t_answer),
		cmocka_unit_test(t_round),
		cmocka_unit_test(t_bands),
		cmocka_unit_test(t_sample),
		cmocka_unit_test(t_fmt_index),
		cmocka_unit_test(t_spec_default),
		cmocka_unit_test(t_spec_merge),
		cmocka_unit_test(t_spec_errors),
		cmocka_unit_test(t_match),
		cmocka_unit_test(t_worked_example),
	};
	int r;

	msgs_init();
	r = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return r;
}
