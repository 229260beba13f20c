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
			    "(empty)\n");
	msgs_reset();
	quiet_begin();
	assert_int_equal(ibm_col_resolve("x.csv", 3, &r, one, 1, idx), -1);
	quiet_end();
	assert_string_equal(msgs_all(),
			    "E: x.csv:3: missing required column: nama (or: "
			    "nama lengkap, name); found: No, Desa, (empty)\n");
	msgs_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_find),
		cmocka_unit_test(t_alias_order),
		cmocka_unit_test(t_accents),
		cmocka_unit_test(t_resolve_ok),
		cmocka_unit_test(t_resolve_missing),
	};

	msgs_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
