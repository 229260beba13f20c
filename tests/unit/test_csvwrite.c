/* test_csvwrite.c - the RFC 4180 writer and its Excel dialect. */
#include "unit.h"

#include <math.h>

/* The writer on a temporary file (plain C: the same test on Windows). */
static ibm_csvw *open_w(int excel, FILE **fpp)
{
	*fpp = fopen(tmp_path("w.csv"), "wb");
	assert_non_null(*fpp);
	return ibm_csvw_new(*fpp, excel);
}

/* Free the writer, close the stream; returns the bytes written
 * (malloc'd). */
static char *close_w(ibm_csvw *w, FILE *fp)
{
	char *s;

	assert_int_equal(ibm_csvw_free(w), 0);
	assert_int_equal(fclose(fp), 0);
	s = slurp(tmp_path("w.csv"), NULL);
	assert_non_null(s);
	return s;
}

static void t_minimal_quoting(void **state)
{
	FILE *fp;
	ibm_csvw *w = open_w(0, &fp);
	char *s;

	(void)state;
	ibm_csvw_str(w, "plain");
	ibm_csvw_str(w, "a,b");
	ibm_csvw_str(w, "say \"hi\"");
	ibm_csvw_str(w, "l1\nl2");
	ibm_csvw_str(w, "cr\rx");
	ibm_csvw_str(w, "semi;colon");
	ibm_csvw_str(w, " spaces ");
	ibm_csvw_str(w, NULL);
	ibm_csvw_str(w, "\xC3\xA9t\xC3\xA9");
	ibm_csvw_end(w);
	ibm_csvw_field(w, "abc", 2);
	ibm_csvw_field(w, "\"", 1);
	ibm_csvw_end(w);
	s = close_w(w, fp);
	assert_string_equal(s,
			    "plain,\"a,b\",\"say \"\"hi\"\"\",\"l1\nl2\","
			    "\"cr\rx\",semi;colon, spaces ,,\xC3\xA9t\xC3\xA9\n"
			    "ab,\"\"\"\"\n");
	free(s);
}

static void t_empty_records(void **state)
{
	FILE *fp;
	ibm_csvw *w = open_w(0, &fp);
	char *s;

	(void)state;
	/* a record of one empty field is written as "" (not a blank line) */
	ibm_csvw_str(w, "");
	ibm_csvw_end(w);
	ibm_csvw_str(w, "");
	ibm_csvw_str(w, "");
	ibm_csvw_end(w);
	ibm_csvw_str(w, "x");
	ibm_csvw_end(w);
	ibm_csvw_num(w, NAN, 2); /* NaN: one empty field */
	ibm_csvw_end(w);
	s = close_w(w, fp);
	assert_string_equal(s, "\"\"\n,\n\x78\n\"\"\n");
	free(s);
}

static void t_numbers(void **state)
{
	FILE *fp;
	ibm_csvw *w = open_w(0, &fp);
	char b[64], *s;

	(void)state;
	ibm_csvw_int(w, -42);
	ibm_csvw_num(w, 2.5, 2);
	ibm_csvw_num(w, 3.0, 2);
	ibm_csvw_num(w, 1.0 / 3, 3);
	ibm_csvw_num(w, -0.0001, 2);
	ibm_csvw_num(w, 1234567.891, 1);
	ibm_csvw_end(w);
	s = close_w(w, fp);
	assert_string_equal(s, "-42,2.5,3,0.333,0,1234567.9\n");
	free(s);
	assert_string_equal(ibm_fmt_num(b, sizeof b, 2.50, 2, ','), "2,5");
	assert_string_equal(ibm_fmt_num(b, sizeof b, 10, 0, ','), "10");
	assert_string_equal(ibm_fmt_num(b, sizeof b, 0.125, 2, '.'), "0.12");
	assert_string_equal(ibm_fmt_num(b, sizeof b, 7.25, -1, '.'), "7");
	assert_string_equal(ibm_fmt_num(b, sizeof b, INFINITY, 2, '.'), "");
	assert_string_equal(ibm_fmt_num(b, sizeof b, NAN, 2, '.'), "");
	assert_string_equal(ibm_fmt_num(b, sizeof b, 100.0, 2, '.'), "100");
}

/* ibm_fmt_num as printf "%.*f" would write it, trailing zeros off:
 * the reference its own formatting must agree with */
static void fmt_ref(char *buf, size_t size, double v, int d, int dec)
{
	char *p;

	snprintf(buf, size, "%.*f", d, v);
	p = strchr(buf, '.');
	if (p) {
		char *e = buf + strlen(buf) - 1;

		while (e > p && *e == '0')
			*e-- = '\0';
		if (e == p)
			*e = '\0';
		else
			*p = (char)dec;
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
}

static void t_fmt_num_printf(void **state)
{
	static const double fixed[] = {
		0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-9, -1e-9,
		0.00005, 0.00015, 0.99995, 9.99995, 0.1429, 0.6667, 1.0 / 3,
		2.0 / 3, 1099511627775.5, 1099511627776.0, 1e15, 1e300,
		-1e300, 4.35, 4.45, 1234567.891, 0.30000000000000004,
		5e-324, 123456789.123456789
	};
	unsigned long long x = 88172645463325252ULL;
	char a[64], b[64], small[4];

	(void)state;
	for (size_t i = 0; i < 400000; i++) {
		double v;
		int d = (int)(i % 16);

		if (i < sizeof fixed / sizeof *fixed * 16) {
			v = fixed[i / 16];
		} else {
			/* xorshift: values of every magnitude, and ratios of
			 * small integers (scores, N-gains: ties and near-ties) */
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			if (i & 1)
				v = (double)(long long)(x % 200001 - 100000) /
				    (double)((x >> 40) % 1000 + 1);
			else
				v = ldexp((double)(x >> 11), (int)(x % 80) - 90);
			if (x & 2)
				v = -v;
		}
		ibm_fmt_num(a, sizeof a, v, d, ',');
		fmt_ref(b, sizeof b, v, d, ',');
		if (strcmp(a, b) != 0)
			print_message("# %.17g %d: %s, printf %s\n", v, d, a, b);
		assert_string_equal(a, b);
	}
	/* a short buffer: what printf would leave in it */
	ibm_fmt_num(small, sizeof small, 12345.5, 1, '.');
	fmt_ref(b, sizeof small, 12345.5, 1, '.');
	assert_string_equal(small, b);
}

static void t_excel(void **state)
{
	FILE *fp;
	ibm_csvw *w = open_w(1, &fp);
	char *s;
	const char *const row[] = { "nama", "nilai;akhir", "a,b" };

	(void)state;
	ibm_csvw_row(w, row, 3);
	ibm_csvw_str(w, "Andi");
	ibm_csvw_num(w, 87.5, 2);
	ibm_csvw_int(w, 3);
	ibm_csvw_end(w);
	s = close_w(w, fp);
	assert_string_equal(s, "\xEF\xBB\xBFnama;\"nilai;akhir\";a,b\r\n"
			       "Andi;87,5;3\r\n");
	free(s);
	/* the BOM comes first even if the first record is empty */
	w = open_w(1, &fp);
	ibm_csvw_end(w);
	s = close_w(w, fp);
	assert_string_equal(s, "\xEF\xBB\xBF\r\n");
	free(s);
	/* nothing written: no BOM either */
	w = open_w(1, &fp);
	s = close_w(w, fp);
	assert_string_equal(s, "");
	free(s);
}

/* Cells a spreadsheet would run as formulas: guarded with --excel only. */
static void t_formulas(void **state)
{
	static const char *const cells[] = { "=1+2", "+62 812", "-2+3",
		"@SUM(A1)", "\tx", "\r=1", "=A1;B1", "-5", "+3,5", "-1.234,5",
		"-", "+", "a=b", "", "'=x", "=\"q\"" };
	FILE *fp;
	ibm_csvw *w;
	char *s;

	(void)state;
	for (int excel = 0; excel < 2; excel++) {
		w = open_w(excel, &fp);
		for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
			ibm_csvw_str(w, cells[i]);
		ibm_csvw_end(w);
		s = close_w(w, fp);
		if (!excel)
			assert_string_equal(s, "=1+2,+62 812,-2+3,@SUM(A1),"
					    "\tx,\"\r=1\",=A1;B1,-5,\"+3,5\","
					    "\"-1.234,5\",-,+,a=b,,'=x,"
					    "\"=\"\"q\"\"\"\n");
		else
			assert_string_equal(s, "\xEF\xBB\xBF'=1+2;'+62 812;"
					    "'-2+3;'@SUM(A1);'\tx;\"'\r=1\";"
					    "\"'=A1;B1\";-5;+3,5;-1.234,5;-;+;"
					    "a=b;;'=x;\"'=\"\"q\"\"\"\r\n");
		free(s);
	}
}

static void t_large(void **state)
{
	FILE *fp;
	ibm_csvw *w = open_w(0, &fp);
	char *big = malloc(200001), *s;
	size_t n = 0;

	(void)state;
	memset(big, 'q', 200000);
	big[200000] = '\0';
	big[100] = '"';
	for (int i = 0; i < 5000; i++) {
		ibm_csvw_int(w, i);
		ibm_csvw_str(w, "abcdefghij");
		ibm_csvw_end(w);
	}
	ibm_csvw_str(w, big);
	ibm_csvw_end(w);
	s = close_w(w, fp);
	for (int i = 0; i < 5000; i++) {
		char want[32];
		int k = snprintf(want, sizeof want, "%d,abcdefghij\n", i);

		assert_memory_equal(s + n, want, (size_t)k);
		n += (size_t)k;
	}
	assert_int_equal(strlen(s + n), 200000 + 3 + 1);
	assert_int_equal(s[n], '"');
	assert_memory_equal(s + n + 101, "\"\"", 2);
	free(s);
	free(big);
}

static void t_dev_full(void **state)
{
	FILE *fp = fopen("/dev/full", "w");
	ibm_csvw *w;

	(void)state;
	assert_non_null(fp);
	w = ibm_csvw_new(fp, 0);
	ibm_csvw_str(w, "x");
	ibm_csvw_end(w);
	errno = 0;
	assert_int_equal(ibm_csvw_flush(w), -1);
	assert_int_equal(errno, ENOSPC);
	ibm_csvw_str(w, "y");
	ibm_csvw_end(w);
	errno = 0;
	assert_int_equal(ibm_csvw_free(w), -1);
	assert_int_equal(errno, ENOSPC);
	fclose(fp);
	/* more than the buffer: the error shows up while writing */
	fp = fopen("/dev/full", "w");
	w = ibm_csvw_new(fp, 1);
	for (int i = 0; i < 100000; i++) {
		ibm_csvw_int(w, i);
		ibm_csvw_end(w);
	}
	errno = 0;
	assert_int_equal(ibm_csvw_free(w), -1);
	assert_int_equal(errno, ENOSPC);
	fclose(fp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_minimal_quoting),
		cmocka_unit_test(t_empty_records),
		cmocka_unit_test(t_numbers),
		cmocka_unit_test(t_fmt_num_printf),
		cmocka_unit_test(t_excel),
		cmocka_unit_test(t_formulas),
		cmocka_unit_test(t_large),
		cmocka_unit_test(t_dev_full),
	};

	int rc;

	msgs_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return rc;
}
