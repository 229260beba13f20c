/* test_money.c - rupiah in words (terbilang), in figures, and read back. */
#include "unit.h"

static void words(long long n, const char *want)
{
	char buf[IBM_TERBILANG_SIZE];

	if (ibm_terbilang(buf, sizeof buf, n) != 0)
		fail_msg("%lld: not written in words (%s)", n, buf);
	if (strcmp(buf, want) != 0)
		fail_msg("%lld: \"%s\", want \"%s\"", n, buf, want);
}

static void t_terbilang(void **state)
{
	(void)state;
	words(0, "nol");
	words(1, "satu");
	words(2, "dua");
	words(9, "sembilan");
	words(10, "sepuluh");
	words(11, "sebelas");
	words(12, "dua belas");
	words(19, "sembilan belas");
	words(20, "dua puluh");
	words(21, "dua puluh satu");
	words(99, "sembilan puluh sembilan");
	words(100, "seratus");
	words(101, "seratus satu");
	words(110, "seratus sepuluh");
	words(111, "seratus sebelas");
	words(115, "seratus lima belas");
	words(200, "dua ratus");
	words(250, "dua ratus lima puluh");
	words(999, "sembilan ratus sembilan puluh sembilan");
	words(1000, "seribu");
	words(1001, "seribu satu");
	words(1011, "seribu sebelas");
	words(1100, "seribu seratus");
	words(1999, "seribu sembilan ratus sembilan puluh sembilan");
	words(2000, "dua ribu");
	words(2024, "dua ribu dua puluh empat");
	words(10000, "sepuluh ribu");
	words(11000, "sebelas ribu");
	words(12000, "dua belas ribu");
	words(100000, "seratus ribu");
	words(101000, "seratus satu ribu");
	words(111111, "seratus sebelas ribu seratus sebelas");
	words(1000000, "satu juta");
	words(1000001, "satu juta satu");
	words(1001000, "satu juta seribu");
	words(1001011, "satu juta seribu sebelas");
	words(1200000, "satu juta dua ratus ribu");
	words(1500000, "satu juta lima ratus ribu");
	words(1710000, "satu juta tujuh ratus sepuluh ribu");
	words(1800000, "satu juta delapan ratus ribu");
	words(11000000, "sebelas juta");
	words(100000000, "seratus juta");
	words(999999999, "sembilan ratus sembilan puluh sembilan juta "
	      "sembilan ratus sembilan puluh sembilan ribu sembilan ratus "
	      "sembilan puluh sembilan");
	words(1000000000, "satu miliar");
	words(1000001000, "satu miliar seribu");
	words(2500000000LL, "dua miliar lima ratus juta");
	words(1000000000000LL, "satu triliun");
	words(1000000000001LL, "satu triliun satu");
	words(1001001001001LL, "satu triliun satu miliar satu juta seribu "
	      "satu");
	words(12345678901234LL, "dua belas triliun tiga ratus empat puluh "
	      "lima miliar enam ratus tujuh puluh delapan juta sembilan "
	      "ratus satu ribu dua ratus tiga puluh empat");
	words(IBM_TERBILANG_MAX, "sembilan ratus sembilan puluh sembilan "
	      "triliun sembilan ratus sembilan puluh sembilan miliar "
	      "sembilan ratus sembilan puluh sembilan juta sembilan ratus "
	      "sembilan puluh sembilan ribu sembilan ratus sembilan puluh "
	      "sembilan");
}

static void t_terbilang_bad(void **state)
{
	char buf[IBM_TERBILANG_SIZE], small[12];

	(void)state;
	assert_int_equal(ibm_terbilang(buf, sizeof buf, -1), -1);
	assert_string_equal(buf, "-1");
	assert_int_equal(ibm_terbilang(buf, sizeof buf,
				       IBM_TERBILANG_MAX + 1), -1);
	assert_string_equal(buf, "1000000000000000");
	/* too small a buffer: the digits, never a cut word */
	assert_int_equal(ibm_terbilang(small, sizeof small, 1800000), -1);
	assert_string_equal(small, "1800000");
	assert_int_equal(ibm_terbilang(small, sizeof small, 11), 0);
	assert_string_equal(small, "sebelas");
	/* the longest words fit IBM_TERBILANG_SIZE */
	assert_int_equal(ibm_terbilang(buf, sizeof buf, 777777777777777LL),
			 0);
}

static void t_figures(void **state)
{
	char b[40];

	(void)state;
	assert_string_equal(ibm_rupiah(b, sizeof b, 1710000), "Rp1.710.000");
	assert_string_equal(ibm_rupiah(b, sizeof b, 0), "Rp0");
	assert_string_equal(ibm_rupiah(b, sizeof b, 999), "Rp999");
	assert_string_equal(ibm_rupiah(b, sizeof b, 1000), "Rp1.000");
	assert_string_equal(ibm_rupiah(b, sizeof b, -5000), "-Rp5.000");
	assert_string_equal(ibm_rupiah(b, sizeof b, 1000000000000LL),
			    "Rp1.000.000.000.000");
	assert_string_equal(ibm_thousands(b, sizeof b, 85000), "85.000");
	assert_string_equal(ibm_thousands(b, sizeof b, 100), "100");
	assert_string_equal(ibm_thousands(b, sizeof b, 123456), "123.456");
	assert_string_equal(ibm_thousands(b, sizeof b, -1234), "-1.234");
	assert_string_equal(ibm_thousands(b, 6, 1234567), "1.234");
}

static void amount_ok(const char *s, long long want)
{
	long long v = -7;

	if (ibm_parse_rupiah(s, &v) != 0)
		fail_msg("\"%s\" not read as an amount", s);
	if (v != want)
		fail_msg("\"%s\": %lld, want %lld", s, v, want);
}

static void amount_bad(const char *s)
{
	long long v = -7;

	if (ibm_parse_rupiah(s, &v) == 0)
		fail_msg("\"%s\" read as %lld", s, v);
	assert_true(v == -7);
}

static void t_parse(void **state)
{
	(void)state;
	amount_ok("900000", 900000);
	amount_ok("900.000", 900000);
	amount_ok(" Rp 900.000,- ", 900000);
	amount_ok("Rp900.000", 900000);
	amount_ok("Rp. 1.700.000,00", 1700000);
	amount_ok("rp1,700,000", 1700000);
	amount_ok("1,700,000.00", 1700000);
	amount_ok("1 700 000", 1700000);
	amount_ok("IDR 1700000", 1700000);
	amount_ok("1700000.0", 1700000);
	amount_ok("0", 0);
	amount_ok("1.000.000.000.000", 1000000000000LL);
	amount_ok("999999999999999", IBM_TERBILANG_MAX);
	amount_bad("");
	amount_bad("Rp");
	amount_bad("1.5");
	amount_bad("1,50");
	amount_bad("1.000,50");
	amount_bad("1.000,000");
	amount_bad("1.00.000");
	amount_bad("1000.000");
	amount_bad("-900000");
	amount_bad("900 ribu");
	amount_bad("1.000.000.000.000.000");
	amount_bad("9999999999999999999999");
	amount_bad(".000");
	amount_bad("1..000");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_terbilang),
		cmocka_unit_test(t_terbilang_bad),
		cmocka_unit_test(t_figures),
		cmocka_unit_test(t_parse),
	};

	msgs_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
