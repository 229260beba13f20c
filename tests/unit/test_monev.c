/* test_monev.c - ibm-monev's spec and phase parser, scoring, missing-for-
 * next-phase text, name keys, aggregation and the brief's figures. */
#include "unit.h"

#include <math.h>

#include "monev.h"

static const char small_spec[] =
	"column,aliases,group,kind,label,weight,target\n"
	"sk_unit,sk kepala desa,tata_kelola,yesno,SK,1,\n"
	"jumlah_agen,agen pemulihan,tata_kelola,count,Agen,1,10\n"
	"skrining,screening,layanan,count,Skrining,2,20\n";
static const char small_phases[] =
	"fase,min_total,min_tata_kelola,min_layanan\n"
	"Awal,10,,\n"
	"Madya,50,60,\n"
	"Mandiri,80,,80\n";

static void load_small(monev_spec *s)
{
	memset(s, 0, sizeof *s);
	assert_int_equal(monev_spec_parse(s, "spec", small_spec,
					  sizeof small_spec - 1), 0);
	assert_int_equal(monev_phases_parse(s, "phases", small_phases,
					    sizeof small_phases - 1), 0);
}

static void t_defaults(void **state)
{
	monev_spec s;

	(void)state;
	monev_spec_load(&s, NULL, NULL, NULL);
	assert_int_equal(s.nind, 18);
	assert_int_equal(s.ngrp, 4);
	assert_string_equal(s.grp[0].name, "pembinaan");
	assert_string_equal(s.grp[1].label, "Tata Kelola");
	assert_string_equal(s.grp[3].name, "layanan");
	assert_true(fabs(s.grp[1].weight - 8) < 1e-9);
	assert_int_equal(s.nph, 3);
	assert_string_equal(s.ph[0].name, "Rintisan");
	assert_string_equal(s.ph[1].name, "Berkembang");
	assert_string_equal(s.ph[2].name, "Prima");
	assert_true(isnan(s.ph[1].min_group[0]));
	assert_true(fabs(s.ph[1].min_group[1] - 50) < 1e-9);
	assert_true(fabs(s.ph[2].min_total - 75) < 1e-9);
	assert_string_equal(s.spec_src, "(bawaan)");
	monev_spec_free(&s);
}

static void t_ind_score(void **state)
{
	monev_ind yn = { .kind = MONEV_YESNO, .weight = 1, .target = 1 };
	monev_ind ct = { .kind = MONEV_COUNT, .weight = 1, .target = 4 };

	(void)state;
	assert_true(monev_ind_score(&yn, 1) == 1);
	assert_true(monev_ind_score(&yn, 0) == 0);
	assert_true(monev_ind_score(&yn, NAN) == 0);
	assert_true(monev_ind_score(&ct, 0) == 0);
	assert_true(fabs(monev_ind_score(&ct, 1) - 0.25) < 1e-12);
	assert_true(monev_ind_score(&ct, 4) == 1);
	assert_true(monev_ind_score(&ct, 40) == 1);
	assert_true(monev_ind_score(&ct, NAN) == 0);
}

static void t_score(void **state)
{
	monev_spec s;
	double grp[2], total;
	double v1[] = { 1, 5, 10 }, v0[] = { 0, 0, 0 },
	       vfull[] = { 1, 12, 40 }, v3[] = { 0, 10, 4 },
	       vnan[] = { NAN, NAN, NAN };

	(void)state;
	load_small(&s);
	/* tata kelola (1 + 0.5) / 2, layanan 0.5, total (1 + 0.5 + 1) / 4 */
	assert_int_equal(monev_score(&s, v1, grp, &total), 1);
	assert_true(fabs(grp[0] - 75) < 1e-9);
	assert_true(fabs(grp[1] - 50) < 1e-9);
	assert_true(fabs(total - 62.5) < 1e-9);
	assert_int_equal(monev_score(&s, v0, grp, &total), -1);
	assert_true(total == 0);
	assert_int_equal(monev_score(&s, vnan, grp, &total), -1);
	assert_int_equal(monev_score(&s, vfull, grp, &total), 2);
	assert_true(fabs(total - 100) < 1e-9);
	/* total 35 meets Awal; tata kelola 50 < 60 misses Madya */
	assert_int_equal(monev_score(&s, v3, grp, &total), 0);
	assert_true(fabs(total - 35) < 1e-9);
	monev_spec_free(&s);
}

static void t_threshold_exact(void **state)
{
	monev_spec s;
	double grp[2], total;
	/* tata kelola 60 exactly needs agen 2 of 10 with sk: (1+0.2)/2 = 60;
	 * total (1 + 0.2 + 2*0.9)/4 = 75 */
	double v[] = { 1, 2, 18 };

	(void)state;
	load_small(&s);
	assert_int_equal(monev_score(&s, v, grp, &total), 1);
	assert_true(fabs(grp[0] - 60) < 1e-9);
	monev_spec_free(&s);
}

static void t_missing(void **state)
{
	monev_spec s;
	double grp[2], total;
	double v1[] = { 1, 5, 10 }, v0[] = { 0, 0, 0 }, vfull[] = { 1, 12, 40 },
	       v3[] = { 0, 10, 4 };
	char *m;
	int p;

	(void)state;
	load_small(&s);
	p = monev_score(&s, v1, grp, &total);
	m = monev_missing(&s, v1, grp, total, p);
	assert_string_equal(m, "Menuju Mandiri: skor total 62,5 < 80; Layanan "
			       "50 < 80 (Skrining 10 dari 20)");
	free(m);
	p = monev_score(&s, v0, grp, &total);
	m = monev_missing(&s, v0, grp, total, p);
	assert_string_equal(m, "Menuju Awal: skor total 0 < 10 (SK belum ada, "
			       "Agen 0 dari 10, Skrining 0 dari 20)");
	free(m);
	p = monev_score(&s, v3, grp, &total);
	m = monev_missing(&s, v3, grp, total, p);
	assert_string_equal(m, "Menuju Madya: skor total 35 < 50; Tata Kelola "
			       "50 < 60 (SK belum ada)");
	free(m);
	p = monev_score(&s, vfull, grp, &total);
	m = monev_missing(&s, vfull, grp, total, p);
	assert_string_equal(m, "");
	free(m);
	monev_spec_free(&s);
}

static void t_spec_errors(void **state)
{
	static const struct {
		const char *text, *msg;
	} bad[] = {
		{ "column,group,kind\nx,g,maybe\n", "kind must be" },
		{ "column,group,kind,weight\nx,g,yesno,-1\n", "weight must" },
		{ "column,group,kind\nx,g,count\n", "needs a target" },
		{ "column,group,kind\n,g,count\n", "empty column name" },
		{ "column,aliases,group,kind\na,b,g,yesno\nb,,g,yesno\n",
		  "is also one of a's" },
		{ "column,kind\nx,yesno\n", "missing required column" },
		{ "column,group,kind\n", "no records" },
		{ "", "empty file" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		monev_spec s;

		memset(&s, 0, sizeof s);
		msgs_reset();
		quiet_begin();
		assert_int_equal(monev_spec_parse(&s, "x.csv", bad[i].text,
						  strlen(bad[i].text)),
				 IBM_EX_DATAERR);
		quiet_end();
		assert_non_null(strstr(msgs_all(), bad[i].msg));
		monev_spec_free(&s);
	}
}

static void t_phase_errors(void **state)
{
	static const struct {
		const char *text, *msg;
	} bad[] = {
		{ "phase,min_total,min_governance\nA,0,\n", "names no group" },
		{ "phase,min_total\nA,101\n", "from 0 to 100" },
		{ "phase,min_total,min_layanan\nA,1,x\n", "minimum for layanan" },
		{ "phase,min_total\nA,1\na,2\n", "named twice" },
		{ "phase,min_total\n,1\n", "empty phase name" },
		{ "phase\nA\n", "missing required column" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		monev_spec s;

		memset(&s, 0, sizeof s);
		assert_int_equal(monev_spec_parse(&s, "spec", small_spec,
						  sizeof small_spec - 1), 0);
		msgs_reset();
		quiet_begin();
		assert_int_equal(monev_phases_parse(&s, "p.csv", bad[i].text,
						    strlen(bad[i].text)),
				 IBM_EX_DATAERR);
		quiet_end();
		assert_non_null(strstr(msgs_all(), bad[i].msg));
		monev_spec_free(&s);
	}
}

static void t_key(void **state)
{
	char *a = monev_key("Kab. Lombok  Timur"),
	     *b = monev_key("KABUPATEN LOMBOK TIMUR "),
	     *c = monev_key("Kota Mataram");

	(void)state;
	assert_string_equal(a, "kabupaten lombok timur");
	assert_string_equal(a, b);
	assert_string_equal(c, "kota mataram");
	free(a);
	free(b);
	free(c);
}

static void t_read_aggregate(void **state)
{
	static const char forms[] =
		"provinsi,kabupaten_kota,desa,nama unit,tanggal,SK Kepala Desa,"
		"Agen Pemulihan,Screening\n"
		"NTB,Kota Bima,Paruga,IBM Paruga,2024-07-01,Ya,5,10\n"
		"NTB,Kota Bima,Sarae,IBM Sarae,2024-07-02,Tidak,0,0\n"
		"NTB,Kab. Dompu,Bada,IBM Bada,2024-07-03,Ya,12,40\n"
		"NTB,Kabupaten Dompu,Bada,IBM Bada,2024-07-09,Tidak,1,1\n";
	const char *path = tmp_write("forms.csv", forms, sizeof forms - 1);
	monev_spec s;
	monev_data d;
	monev_agg *a;
	size_t n;

	(void)state;
	load_small(&s);
	monev_data_init(&d, &s);
	msgs_reset();
	quiet_begin();
	monev_read(&d, path);
	quiet_end();
	/* the revisit of IBM Bada on 9 July wins */
	assert_non_null(strstr(msgs_all(), "is twice in period 2024-S2"));
	assert_int_equal(d.total_rows, 4);
	assert_int_equal(d.nunits, 3);
	monev_finish(&d);
	assert_string_equal(d.units[0].id[MONEV_UNIT], "IBM Bada");
	/* one spelling of the district: the later visit's "Kabupaten" */
	assert_string_equal(d.units[0].id[MONEV_KAB], "Kabupaten Dompu");
	assert_true(d.units[0].val[1] == 1);
	a = monev_aggregate(&d, 1, &n);
	assert_int_equal(n, 2);
	assert_int_equal(a[0].nunits, 1);
	assert_int_equal(a[1].nunits, 2);
	assert_true(a[1].ind[0] == 1);   /* one yes */
	assert_true(a[1].ind[2] == 10);  /* screening 10 + 0 */
	assert_true(fabs(a[1].total_mean - 31.25) < 1e-9);
	assert_int_equal(a[1].phase_n[1], 1);  /* Paruga: Madya */
	assert_int_equal(a[1].phase_n[3], 1);  /* Sarae: none */
	monev_agg_free(a, n);
	a = monev_aggregate(&d, 0, &n);
	assert_int_equal(n, 1);
	assert_null(a[0].kab);
	monev_agg_free(a, n);
	monev_data_free(&d);
	monev_spec_free(&s);
}


static void t_ind_met(void **state)
{
	monev_spec s;

	(void)state;
	load_small(&s);
	assert_int_equal(monev_ind_met(&s.ind[0], 1), 1);
	assert_int_equal(monev_ind_met(&s.ind[0], 0), 0);
	assert_int_equal(monev_ind_met(&s.ind[0], NAN), 0);   /* empty */
	assert_int_equal(monev_ind_met(&s.ind[1], 10), 1);    /* at target */
	assert_int_equal(monev_ind_met(&s.ind[1], 9), 0);
	assert_int_equal(monev_ind_met(&s.ind[1], MONEV_NOT_ASKED), -1);
	assert_int_equal(monev_ind_met(&s.ind[1], MONEV_NOT_ANSWERED), -1);
	/* the documents: none in this spec, the default's for sk_unit */
	assert_string_equal(s.ind[0].dokumen, "");
	monev_spec_free(&s);
	monev_spec_load(&s, NULL, NULL, NULL);
	assert_string_equal(s.ind[2].column, "sk_unit");
	assert_string_equal(s.ind[2].dokumen,
			    "SK Kepala Desa/Lurah tentang pembentukan Unit IBM");
	monev_spec_free(&s);
}

static void t_brief(void **state)
{
	/* three semesters: Paruga every time, Sarae only in the first, Bada
	 * in the last two (one unmet indicator each time) */
	static const char forms[] =
		"provinsi,kabupaten_kota,desa,nama unit,tanggal,SK Kepala Desa,"
		"Agen Pemulihan,Screening\n"
		"NTB,Kota Bima,Paruga,IBM Paruga,2024-03-01,Ya,5,10\n"
		"NTB,Kota Bima,Sarae,IBM Sarae,2024-03-02,Tidak,0,0\n"
		"NTB,Kota Bima,Paruga,IBM Paruga,2024-09-01,Ya,10,10\n"
		"NTB,Kab. Dompu,Bada,IBM Bada,2024-09-03,Ya,12,\n"
		"NTB,Kota Bima,Paruga,IBM Paruga,2025-03-01,Ya,10,20\n"
		"NTB,Kabupaten Dompu,Bada,IBM Bada,2025-03-03,Tidak,10,20\n";
	const char *path = tmp_write("brief.csv", forms, sizeof forms - 1);
	monev_spec s;
	monev_data d;
	monev_brief b;
	size_t idx[4], unmet[4], asked[4], n;
	char *t;

	(void)state;
	load_small(&s);
	monev_data_init(&d, &s);
	msgs_reset();
	quiet_begin();
	monev_read(&d, path);
	quiet_end();
	monev_finish(&d);
	monev_brief_build(&b, &d);
	assert_int_equal(d.nperiods, 3);
	assert_int_equal(b.last, 2);
	assert_string_equal(b.next, "2025-S2");
	/* the units by district: Dompu's Bada, then Bima's Paruga, Sarae */
	assert_int_equal(b.n, 3);
	assert_string_equal(b.u[0].id[MONEV_UNIT], "IBM Bada");
	assert_string_equal(b.u[0].id[MONEV_KAB], "Kabupaten Dompu");
	assert_string_equal(b.u[2].id[MONEV_UNIT], "IBM Sarae");
	/* visits per period, and the periods missed counted back */
	assert_null(b.u[0].visit[0]);
	assert_non_null(b.u[0].visit[1]);
	assert_int_equal(b.u[0].missed, 0);
	assert_int_equal(b.u[1].missed, 0);
	assert_int_equal(b.u[2].missed, 2);
	/* the clients: the count indicators of the layanan group */
	assert_int_equal(b.nclients, 1);
	assert_int_equal(b.clients[0], 2);
	/* the last period: SK unmet at Bada, Agen and Screening met */
	n = monev_brief_unmet(&b, idx, unmet, asked);
	assert_int_equal(n, 1);
	assert_int_equal(idx[0], 0);
	assert_int_equal(unmet[0], 1);
	assert_int_equal(asked[0], 2);
	t = monev_brief_unmet_text(&s, b.u[0].visit[2]);
	assert_string_equal(t, "SK (belum)");
	free(t);
	/* an empty count is unmet, a short one shows its value */
	t = monev_brief_unmet_text(&s, b.u[0].visit[1]);
	assert_string_equal(t, "Skrining (kosong)");
	free(t);
	t = monev_brief_unmet_text(&s, b.u[1].visit[0]);
	assert_string_equal(t, "Agen (5 dari 10), Skrining (10 dari 20)");
	free(t);
	monev_brief_free(&b);
	monev_data_free(&d);
	monev_spec_free(&s);
}

static void t_district_period(void **state)
{
	static const char *const cases[][2] = {
		{ "Kab. Lombok Timur", "Kabupaten Lombok Timur" },
		{ "KAB. LOMBOK TIMUR", "Kabupaten Lombok Timur" },
		{ "kab lombok timur", "Kabupaten lombok timur" },
		{ "Kabupaten Lombok Timur", "Kabupaten Lombok Timur" },
		{ "KABUPATEN SUMBAWA BARAT", "Kabupaten Sumbawa Barat" },
		{ "Kab.Dompu", "Kabupaten Dompu" },
		{ "KOTA MATARAM", "Kota Mataram" },
		{ "Kota Bima", "Kota Bima" },
		{ "Kabupatenan", "Kabupatenan" },
		{ "Kotabaru", "Kotabaru" },
		{ "Lombok Barat", "Lombok Barat" },
		{ "", "" },
	};
	char buf[40];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *t = monev_district(cases[i][0]);

		assert_string_equal(t, cases[i][1]);
		free(t);
	}
	assert_string_equal(monev_period_text("2024-S1", buf, sizeof buf),
			    "Semester I 2024");
	assert_string_equal(monev_period_text("2025-S2", buf, sizeof buf),
			    "Semester II 2025");
	assert_string_equal(monev_period_text("2024-S3", buf, sizeof buf),
			    "2024-S3");
	assert_string_equal(monev_period_text("", buf, sizeof buf), "");
	/* the period after (the brief's next, --brief --db --period) */
	assert_string_equal(monev_period_next("2024-S1", buf, sizeof buf),
			    "2024-S2");
	assert_string_equal(monev_period_next("2024-S2", buf, sizeof buf),
			    "2025-S1");
	assert_string_equal(monev_period_next("2024-S3", buf, sizeof buf),
			    "2024-S3");
	assert_string_equal(monev_period_next("", buf, sizeof buf), "");
}

/* Units sort in natural order: "Desa 2" before "Desa 10". */
static void t_natural_order(void **state)
{
	static const char forms[] =
		"provinsi,kabupaten_kota,desa,nama unit,tanggal\n"
		"NTB,Kota Bima,Desa 10,IBM 10,2024-07-01\n"
		"NTB,Kota Bima,Desa 2,IBM 2,2024-07-01\n"
		"NTB,Kota Bima,Desa 1,IBM 1,2024-07-01\n";
	const char *path = tmp_write("nat.csv", forms, sizeof forms - 1);
	monev_spec s;
	monev_data d;

	(void)state;
	load_small(&s);
	monev_data_init(&d, &s);
	quiet_begin();
	monev_read(&d, path);
	quiet_end();
	monev_finish(&d);
	assert_int_equal(d.nunits, 3);
	assert_string_equal(d.units[0].id[MONEV_DESA], "Desa 1");
	assert_string_equal(d.units[1].id[MONEV_DESA], "Desa 2");
	assert_string_equal(d.units[2].id[MONEV_DESA], "Desa 10");
	monev_data_free(&d);
	monev_spec_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_defaults),
		cmocka_unit_test(t_ind_score),
		cmocka_unit_test(t_score),
		cmocka_unit_test(t_threshold_exact),
		cmocka_unit_test(t_missing),
		cmocka_unit_test(t_spec_errors),
		cmocka_unit_test(t_phase_errors),
		cmocka_unit_test(t_key),
		cmocka_unit_test(t_read_aggregate),
		cmocka_unit_test(t_ind_met),
		cmocka_unit_test(t_brief),
		cmocka_unit_test(t_district_period),
		cmocka_unit_test(t_natural_order),
	};
	int r;

	msgs_init();
	r = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return r;
}
