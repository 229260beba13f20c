/* test_columns.c - finding columns by normalised names and aliases. */
#include "unit.h"

/* A header record from a list of names. */
static ibm_rec hdr_of(const char **names, size_t n)
{
	ibm_rec r;

	memset(&r, 0, sizeof r);
	r.f = (char **)names;
	r.n = r.given = n;
	r.line = 1;
	return r;
}

/* A record's cell by a resolved index: spaces folded, "" when absent. */
static void t_rec_cell(void **state)
{
	const char *f[] = { "  Siti \t Aminah ", "", "x" };
	ibm_rec r = hdr_of(f, 3);
	char *s;

	(void)state;
	s = ibm_rec_cell(&r, 0);
	assert_string_equal(s, "Siti Aminah");
	free(s);
	s = ibm_rec_cell(&r, -1);
	assert_string_equal(s, "");
	free(s);
	s = ibm_rec_cell(&r, 2);
	assert_string_equal(s, "x");
	free(s);
	assert_string_equal(f[0], "  Siti \t Aminah "); /* a copy */
}

static void t_find(void **state)
{
	const char *h[] = { "No.", "Nama Lengkap", "No. HP", "Desa/Kelurahan",
			    "" };
	ibm_rec r = hdr_of(h, 5);

	(void)state;
	assert_int_equal(ibm_col_find(&r, "no_hp"), 2);
	assert_int_equal(ibm_col_find(&r, "NO HP"), 2);
	assert_int_equal(ibm_col_find(&r, "nohp"), 2);
	assert_int_equal(ibm_col_find(&r, "No. HP"), 2);
	assert_int_equal(ibm_col_find(&r, "hp|telepon"), -1);
	assert_int_equal(ibm_col_find(&r, "telepon|no hp"), 2);
	assert_int_equal(ibm_col_find(&r, "nama|nama lengkap|name"), 1);
	assert_int_equal(ibm_col_find(&r, "desa kelurahan|desa"), 3);
	assert_int_equal(ibm_col_find(&r, "no"), 0);
	assert_int_equal(ibm_col_find(&r, "email|surel"), -1);
	/* an empty header name matches nothing, not even an empty alias */
	assert_int_equal(ibm_col_find(&r, ""), -1);
	assert_int_equal(ibm_col_find(&r, "x|"), -1);
}

static void t_alias_order(void **state)
{
	/* the first alias that matches some header wins, whatever the
	 * header order */
	const char *h[] = { "Name", "Nama" };
	const char *h2[] = { "Nama", "Name" };
	ibm_rec r = hdr_of(h, 2), r2 = hdr_of(h2, 2);

	(void)state;
	assert_int_equal(ibm_col_find(&r, "nama|name"), 1);
	assert_int_equal(ibm_col_find(&r, "name|nama"), 0);
	assert_int_equal(ibm_col_find(&r2, "nama|name"), 0);
	assert_int_equal(ibm_col_find(&r2, "name|nama"), 1);
}

static void t_accents(void **state)
{
	const char *h[] = { "N\xC3\xBAmero", "  JENIS   KELAMIN  " };
	ibm_rec r = hdr_of(h, 2);

	(void)state;
	assert_int_equal(ibm_col_find(&r, "numero"), 0);
	assert_int_equal(ibm_col_find(&r, "jenis_kelamin|jk"), 1);
}

static void t_resolve_ok(void **state)
{
	const char *h[] = { "nama", "hp" };
	ibm_rec r = hdr_of(h, 2);
	ibm_colspec s[] = { { "nama|name", 1 }, { "desa", 0 },
			    { "no hp|hp", 1 } };
	int idx[3];

	(void)state;
	msgs_reset();
	assert_int_equal(ibm_col_resolve("in.csv", 1, &r, s, 3, idx), 0);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[1], -1);
	assert_int_equal(idx[2], 1);
	assert_int_equal(msgs.n, 0);
}

static void t_resolve_missing(void **state)
{
	const char *h[] = { "No", "Desa", "" };
	ibm_rec r = hdr_of(h, 3);
	ibm_colspec s[] = { { "nama|nama lengkap|name", 1 }, { "desa", 1 },
			    { "hp", 0 }, { "nilai", 1 } };
	ibm_colspec one[] = { { "nama|nama lengkap|name", 1 } };
	int idx[4];

	(void)state;
	msgs_reset();
	quiet_begin();
	assert_int_equal(ibm_col_resolve("in.csv", 1, &r, s, 4, idx), -1);
	quiet_end();
	assert_int_equal(idx[1], 1);
	assert_int_equal(idx[2], -1);
	assert_string_equal(msgs_all(),
			    "E: in.csv:1: missing required columns: nama (or: "
			    "nama lengkap, name); nilai; found: No, Desa, "
			    "(empty); name the right one with --column "
			    "nama=HEADER\n");
	msgs_reset();
	quiet_begin();
	assert_int_equal(ibm_col_resolve("x.csv", 3, &r, one, 1, idx), -1);
	quiet_end();
	assert_string_equal(msgs_all(),
			    "E: x.csv:3: missing required column: nama (or: "
			    "nama lengkap, name); found: No, Desa, (empty); "
			    "name the right one with --column nama=HEADER\n");
	msgs_reset();
}


/* One role against one header: the column found (0) or -1, and how. */
static int one(const char *header, const char *aliases, int *how)
{
	const char *h[] = { header };
	ibm_rec r = hdr_of(h, 1);
	ibm_colspec s[] = { { aliases, 0, NULL } };
	ibm_colfound f[1];

	ibm_col_match(&r, s, 1, f, 0);
	if (how)
		*how = f[0].how;
	return f[0].col;
}

#define NAME "nama|nama lengkap|name|full name|nama peserta"

static void t_words_found(void **state)
{
	int how;

	(void)state;
	/* remarks in parentheses, after a colon or a dash; numbering */
	assert_int_equal(one("Nama Lengkap (tanpa gelar)", NAME, &how), 0);
	assert_int_equal(how, IBM_COL_REMARK);
	assert_int_equal(one("1. Nama", NAME, &how), 0);
	assert_int_equal(how, IBM_COL_REMARK);
	assert_int_equal(one("2) Nama Lengkap", NAME, NULL), 0);
	assert_int_equal(one("Nama: sesuai KTP", NAME, NULL), 0);
	assert_int_equal(one("Nama - tanpa gelar", NAME, NULL), 0);
	assert_int_equal(one("Nama Lengkap\ntanpa gelar", NAME, NULL), 0);
	assert_int_equal(one("NAMA LENGKAP *", NAME, &how), 0);
	assert_int_equal(how, IBM_COL_NAME);
	/* abbreviations and units */
	assert_int_equal(one("Jml. Pembinaan", "jumlah pembinaan", &how), 0);
	assert_int_equal(how, IBM_COL_WORDS);
	assert_int_equal(one("Jml. Agen Pemulihan", "jumlah agen pemulihan",
			     NULL), 0);
	assert_int_equal(one("Jml Mitra", "jumlah mitra", NULL), 0);
	assert_int_equal(one("Jumlah Agen Pemulihan (orang)",
			     "jumlah agen pemulihan", &how), 0);
	assert_int_equal(how, IBM_COL_REMARK);
	assert_int_equal(one("Tgl. Monev", "tanggal monev", NULL), 0);
	assert_int_equal(one("No. WhatsApp", "no wa", NULL), 0);
	assert_int_equal(one("Kab./Kota", "kabupaten/kota", NULL), 0);
	assert_int_equal(one("Alamat E-mail", "alamat email", NULL), 0);
	/* some of its words */
	assert_int_equal(one("Nama Lengkap Peserta Bimtek", NAME, &how), 0);
	assert_int_equal(how, IBM_COL_PART);
	assert_int_equal(one("Nama Responden", NAME, NULL), 0);
	assert_int_equal(one("Tuliskan nama lengkap Anda", NAME, &how), 0);
	assert_int_equal(how, IBM_COL_WORDS);
}

static void t_words_refused(void **state)
{
	(void)state;
	/* a question that merely holds the word */
	assert_int_equal(one("Apakah nama unit IBM sudah terdaftar?", NAME,
			     NULL), -1);
	assert_int_equal(one("Siapa nama kepala desa", NAME, NULL), -1);
	assert_int_equal(one("Sebutkan nama kegiatan yang diikuti", NAME,
			     NULL), -1);
	assert_int_equal(one("3. Nama obat yang paling banyak "
			     "disalahgunakan", NAME, NULL), -1);
	/* more words than the alias can carry */
	assert_int_equal(one("Nama Kepala Desa", NAME, NULL), -1);
	assert_int_equal(one("Nama Unit IBM", NAME, NULL), -1);
	assert_int_equal(one("Nama Ibu Kandung Peserta", NAME, NULL), -1);
	/* words not there, or not in order */
	assert_int_equal(one("Lengkap", NAME, NULL), -1);
	assert_int_equal(one("Pembinaan", "jumlah pembinaan", NULL), -1);
	assert_int_equal(one("Mitra Jumlah", "jumlah mitra", NULL), -1);
	/* a Forms score column is no remark */
	assert_int_equal(one("Nama [Score]", "nama", NULL), -1);
}

/* Roles share the headers: each header to the role it matches best. */
static void t_shared(void **state)
{
	const char *h[] = { "Nama Unit IBM", "Nama Lengkap (tanpa gelar)",
			    "Nama", "Jml. Agen Pemulihan",
			    "Jml. Agen Pemulihan Terlatih" };
	ibm_rec r = hdr_of(h, 5);
	ibm_colspec s[] = {
		{ "unit ibm|nama unit|unit", 0, "unit_ibm" },
		{ NAME, 0, NULL },
		{ "jumlah agen pemulihan|agen pemulihan", 0, "jumlah_agen" },
		{ "agen terlatih|agen pemulihan terlatih", 0, "agen_terlatih" },
	};
	ibm_colfound f[4];

	(void)state;
	ibm_col_match(&r, s, 4, f, 0);
	assert_int_equal(f[0].col, 0);
	assert_int_equal(f[0].how, IBM_COL_PART);
	assert_int_equal(f[1].col, 2); /* by its name, before the remark */
	assert_int_equal(f[1].how, IBM_COL_NAME);
	assert_int_equal(f[2].col, 3);
	assert_int_equal(f[3].col, 4);
	/* without the plain count, the longer header holds the words of
	 * both equally: a tie, neither takes it */
	h[3] = "Keterangan";
	ibm_col_match(&r, s, 4, f, 0);
	assert_int_equal(f[2].how, IBM_COL_TIE);
	assert_int_equal(f[3].how, IBM_COL_TIE);
	assert_int_equal(f[2].tie[0], 4);
	assert_int_equal(f[2].rival, 3);
}

static void t_ties(void **state)
{
	const char *h[] = { "No", "Nama Lengkap (tanpa gelar)",
			    "Nama Lengkap (sesuai KTP)", "Jml. Agen Pemulihan" };
	ibm_rec r = hdr_of(h, 4);
	ibm_colspec req[] = { { NAME, 1, NULL } };
	ibm_colspec opt[] = { { NAME, 0, NULL } };
	ibm_colspec two[] = {
		{ "jumlah agen", 0, "jumlah_agen" },
		{ "agen pemulihan", 0, "agen" },
	};
	ibm_colfound f[2];
	int idx[2];

	(void)state;
	msgs_reset();
	quiet_begin();
	assert_int_equal(ibm_col_resolve("in.csv", 1, &r, req, 1, idx), -1);
	quiet_end();
	assert_int_equal(idx[0], -1);
	assert_string_equal(msgs_all(),
			    "E: in.csv:1: both 2 \"Nama Lengkap (tanpa gelar)\" "
			    "and 3 \"Nama Lengkap (sesuai KTP)\" could be the "
			    "column nama; say which with --column "
			    "nama=HEADER\n");
	msgs_reset();
	quiet_begin();
	assert_int_equal(ibm_col_resolve("in.csv", 1, &r, opt, 1, idx), 0);
	quiet_end();
	assert_int_equal(idx[0], -1);
	assert_non_null(strstr(msgs_all(), "W: in.csv:1: warning: both 2 "));
	assert_non_null(strstr(msgs_all(), "; neither is used\n"));
	/* one header, two roles equally */
	ibm_col_match(&r, two, 2, f, 0);
	assert_int_equal(f[0].how, IBM_COL_TIE);
	assert_int_equal(f[1].how, IBM_COL_TIE);
	assert_int_equal(f[0].rival, 1);
	assert_int_equal(f[0].tie[0], 3);
	msgs_reset();
}

static void t_given(void **state)
{
	const char *h[] = { "Identitas", "Nama", "Kontak" };
	ibm_rec r = hdr_of(h, 3);
	ibm_colspec s[] = { { NAME, 1, NULL }, { "email|e-mail", 0, NULL },
			    { "no hp|hp", 0, "no_hp" } };
	ibm_colfound f[3];
	int idx[3];

	(void)state;
	ibm_col_unused(); /* the roles of the tests before: forgotten */
	msgs_reset();
	assert_int_equal(ibm_col_given("nama = identitas", NULL), 0);
	assert_int_equal(ibm_col_given("e-mail=", "map.csv:3"), 0);
	assert_int_equal(ibm_col_given("no_hp=Telepon", NULL), 0);
	assert_int_equal(ibm_col_given("jabatan=Peran", NULL), 0);
	quiet_begin();
	assert_int_equal(ibm_col_given("=x", NULL), -1);
	assert_int_equal(ibm_col_given("nama", NULL), -1);
	quiet_end();
	assert_non_null(strstr(msgs_all(), "E: --column takes ROLE=HEADER"));
	msgs_reset();
	ibm_col_match(&r, s, 3, f, 0);
	assert_int_equal(f[0].col, 0);
	assert_int_equal(f[0].how, IBM_COL_GIVEN);
	assert_string_equal(f[0].from, "--column");
	assert_int_equal(f[1].col, -1);
	assert_int_equal(f[1].how, IBM_COL_GIVEN_NONE);
	assert_string_equal(f[1].from, "map.csv:3");
	assert_int_equal(f[2].col, -1);
	assert_string_equal(f[2].missed, "Telepon");
	msgs_reset();
	assert_int_equal(ibm_col_resolve("in.csv", 1, &r, s, 3, idx), 0);
	assert_int_equal(idx[0], 0);
	/* the maps no input used: a warning each, at the end */
	quiet_begin();
	ibm_col_unused();
	quiet_end();
	assert_string_equal(msgs_all(),
			    "W: --column: warning: no_hp=Telepon: no input "
			    "with the column no_hp has a header \"Telepon\"\n"
			    "W: --column: warning: jabatan=Peran: no input of "
			    "this run has a column jabatan (the columns read: "
			    "nama, email, no_hp)\n");
	msgs_reset();
}

static void collect(const char *text, void *data)
{
	char *buf = data;

	strcat(buf, text);
	strcat(buf, "\n");
}

static void t_explain(void **state)
{
	const char *h[] = { "Stempel waktu", "Nama Lengkap (tanpa gelar)",
			    "1. Apa kepanjangan IBM?" };
	ibm_rec r = hdr_of(h, 3);
	ibm_colspec s[] = { { "timestamp|stempel waktu", 0, NULL },
			    { NAME, 0, NULL }, { "email", 0, NULL } };
	ibm_colfound f[3];
	char buf[1024] = "";

	(void)state;
	ibm_col_match(&r, s, 3, f, 0);
	ibm_col_explain("in.csv", 1, &r, s, 3, f, collect, buf);
	assert_string_equal(buf,
		"column 1 \"Stempel waktu\": timestamp (by its name)\n"
		"column 2 \"Nama Lengkap (tanpa gelar)\": nama (by its name "
		"less remarks and numbering)\n"
		"column 3 \"1. Apa kepanjangan IBM?\": not one of the columns "
		"looked for\n"
		"email: not found\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_find),
		cmocka_unit_test(t_alias_order),
		cmocka_unit_test(t_accents),
		cmocka_unit_test(t_resolve_ok),
		cmocka_unit_test(t_resolve_missing),
		cmocka_unit_test(t_words_found),
		cmocka_unit_test(t_words_refused),
		cmocka_unit_test(t_shared),
		cmocka_unit_test(t_ties),
		cmocka_unit_test(t_given),
		cmocka_unit_test(t_explain),
		cmocka_unit_test(t_rec_cell),
	};

	msgs_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
