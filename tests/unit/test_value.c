/* test_value.c - numbers, counts, phone numbers, yes/no. */
#include "unit.h"

static void num_ok(const char *s, int flags, double want)
{
	double v = -12345;

	if (ibm_parse_number(s, &v, flags) != 0)
		fail_msg("\"%s\" (flags %d) not read as a number", s, flags);
	if (v != want)
		fail_msg("\"%s\" (flags %d): %.17g, want %.17g", s, flags, v,
			 want);
}

static void num_bad(const char *s, int flags)
{
	double v = 99;

	if (ibm_parse_number(s, &v, flags) == 0)
		fail_msg("\"%s\" (flags %d) read as %g", s, flags, v);
	assert_true(v == 99); /* untouched */
}

static void t_numbers(void **state)
{
	(void)state;
	for (int f = 0; f <= IBM_NUM_THOUSANDS; f++) {
		num_ok("3", f, 3);
		num_ok("3,5", f, 3.5);
		num_ok(" 3,5 ", f, 3.5);
		num_ok("\xC2\xA0" "87,25\t", f, 87.25);
		num_ok("-2,5", f, -2.5);
		num_ok("+7", f, 7);
		num_ok("0", f, 0);
		num_ok("1.234,5", f, 1234.5);
		num_ok("1,234.5", f, 1234.5);
		num_ok("1.234.567", f, 1234567);
		num_ok("1,234,567", f, 1234567);
		num_ok("1.234.567,25", f, 1234567.25);
		num_ok(",5", f, 0.5);
		num_bad("", f);
		num_bad("   ", f);
		num_bad("-", f);
		num_bad("+", f);
		num_bad(".", f);
		num_bad(",", f);
		num_bad("abc", f);
		num_bad("3 5", f);
		num_bad("3,5,", f);
		num_bad("1e5", f);
		num_bad("inf", f);
		num_bad("nan", f);
		num_bad("0x10", f);
		num_bad("12,34,5", f);
		num_bad("1.23.4", f);
		num_bad("1,2.3", f);   /* thousands group of one digit */
		num_bad("1.234,5,6", f);
		num_bad("1.234.5,6", f);
		num_bad("--1", f);
		num_bad("1-", f);
		num_bad("Rp 5", f);
		num_bad("5%", f);
	}
	/* a single '.' is the decimal mark unless IBM_NUM_THOUSANDS */
	num_ok("3.5", 0, 3.5);
	num_ok("1.234", 0, 1.234);
	num_ok("1.234", IBM_NUM_THOUSANDS, 1234);
	num_bad("3.5", IBM_NUM_THOUSANDS);
	num_bad("1.23", IBM_NUM_THOUSANDS);
	/* a single ',' is always the decimal mark */
	num_ok("1,234", 0, 1.234);
	num_ok("1,234", IBM_NUM_THOUSANDS, 1.234);
	/* too long for the buffer */
	num_bad("1111111111111111111111111111111111111111111111111111111111111"
		"1111111111111111111111111111111111111111111111111111111111111"
		"1111111111111111111111111111111111111111111111111111111111111",
		0);
}

static void t_counts(void **state)
{
	long v = 7;

	(void)state;
	assert_int_equal(ibm_parse_count("12", &v), 0);
	assert_int_equal(v, 12);
	assert_int_equal(ibm_parse_count(" 0 ", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(ibm_parse_count("007", &v), 0);
	assert_int_equal(v, 7);
	v = 5;
	assert_int_equal(ibm_parse_count("", &v), -1);
	assert_int_equal(ibm_parse_count("-1", &v), -1);
	assert_int_equal(ibm_parse_count("+1", &v), -1);
	assert_int_equal(ibm_parse_count("1.5", &v), -1);
	assert_int_equal(ibm_parse_count("1,0", &v), -1);
	assert_int_equal(ibm_parse_count("3 orang", &v), -1);
	assert_int_equal(ibm_parse_count("99999999999999999999999", &v), -1);
	assert_int_equal(v, 5);
}

static void phone(const char *in, const char *want)
{
	char *p = ibm_phone_norm(in);

	if (!want) {
		if (p)
			fail_msg("\"%s\" -> \"%s\", want rejected", in, p);
		return;
	}
	if (!p)
		fail_msg("\"%s\" rejected, want %s", in, want);
	assert_string_equal(p, want);
	free(p);
}

static void t_phones(void **state)
{
	(void)state;
	phone("0812-3456-789", "+628123456789");
	phone("+62 812 3456 789", "+628123456789");
	phone("+62 812-3456-789", "+628123456789");
	phone("628123456789", "+628123456789");
	phone("8123456789", "+628123456789");
	phone("  0812.3456.789", "+628123456789");
	phone("(0370) 621234", "+62370621234");
	phone("+62 (0)812 3456 789", "+628123456789");
	phone("+6208123456789", "+628123456789");
	phone("081234567890123", NULL); /* 14 digits after 0 */
	phone("0812345678901", "+62812345678901");
	phone("0812345", NULL);         /* too short */
	phone("", NULL);
	phone("-", NULL);
	phone("+", NULL);
	phone("+1 555 123 4567", NULL); /* another country */
	phone("0812-3456-789 (WA)", NULL);
	phone("0812/3456/789", "+628123456789");
	phone("1234567890", NULL);
	/* the international prefix 00 */
	phone("0062 812-3456-789", "+628123456789");
	phone("00 62 0812 3456 789", "+628123456789");
	phone("00812345678", NULL);     /* 0081: Japan */
	phone("00", NULL);
	phone("12345678901234567890123456789012345678901234567890"
	      "12345678901234567890", NULL);
}

static void t_exp(void **state)
{
	double v;

	(void)state;
	assert_int_equal(ibm_parse_number("3.6e-10", &v, IBM_NUM_EXP), 0);
	assert_true(v == 3.6e-10);
	assert_int_equal(ibm_parse_number(" 3,6E-10 ", &v, IBM_NUM_EXP), 0);
	assert_true(v == 3.6e-10);
	assert_int_equal(ibm_parse_number("1e5", &v, IBM_NUM_EXP), 0);
	assert_true(v == 1e5);
	assert_int_equal(ibm_parse_number("-2.5E+3", &v, IBM_NUM_EXP), 0);
	assert_true(v == -2500);
	assert_int_equal(ibm_parse_number("0.012", &v, IBM_NUM_EXP), 0);
	assert_true(v == 0.012);
	assert_int_equal(ibm_parse_number("3.6e-10", &v, 0), -1);
	assert_int_equal(ibm_parse_number("e5", &v, IBM_NUM_EXP), -1);
	assert_int_equal(ibm_parse_number("3e", &v, IBM_NUM_EXP), -1);
	assert_int_equal(ibm_parse_number("3e-", &v, IBM_NUM_EXP), -1);
	assert_int_equal(ibm_parse_number("3e5x", &v, IBM_NUM_EXP), -1);
	assert_int_equal(ibm_parse_number("3e1000000", &v, IBM_NUM_EXP), -1);
	assert_int_equal(ibm_parse_number("1e999", &v, IBM_NUM_EXP), -1);
	assert_int_equal(ibm_parse_number("x3e5", &v, IBM_NUM_EXP), -1);
}

static void t_yesno(void **state)
{
	static const char *const yes[] = { "Ya", "YA", " ya ", "Y", "y", "Ada",
		"1", "\xE2\x9C\x93", "\xE2\x9C\x94", "true", "TRUE", "Yes", "v",
		"V", "Sudah", "SUDAH", "sudah  ada", "Iya", "\xE2\x98\x91" };
	static const char *const no[] = { "Tidak", "TIDAK", "T", "Tidak Ada",
		"tidak  ada", "0", "-", "false", "No", "N", "Belum",
		"\xE2\x9C\x97", "", "  ", "\xC2\xA0", "belum ada", "Tdk",
		"\xE2\x9C\x98" };
	static const char *const neither[] = { "mungkin", "2", "ya tidak",
		"yes!", "?", "tidakada", "sudah belum", "x", "#", "yes\tyes" };

	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (ibm_parse_yesno(yes[i]) != 1)
			fail_msg("\"%s\" is not yes", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (ibm_parse_yesno(no[i]) != 0)
			fail_msg("\"%s\" is not no", no[i]);
	for (size_t i = 0; i < sizeof neither / sizeof neither[0]; i++)
		if (ibm_parse_yesno(neither[i]) != -1)
			fail_msg("\"%s\" is yes or no", neither[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_numbers),
		cmocka_unit_test(t_counts),
		cmocka_unit_test(t_phones),
		cmocka_unit_test(t_yesno),
		cmocka_unit_test(t_exp),
	};

	msgs_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
