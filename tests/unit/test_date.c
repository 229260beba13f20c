/* test_date.c - dates: calendar, parsing, Indonesian long forms. */
#include "unit.h"

static ibm_date D(int y, int m, int d)
{
	ibm_date x = { y, m, d };

	return x;
}

static void t_calendar(void **state)
{
	static const struct {
		int y, m, d;
		long days;
		int wd;
	} k[] = {
		{ 2024, 6, 24, 19898, 1 },   /* Senin */
		{ 1970, 1, 1, 0, 4 },        /* Kamis */
		{ 1969, 12, 31, -1, 3 },     /* Rabu */
		{ 1945, 8, 17, -8903, 5 },   /* Jumat */
		{ 2000, 2, 29, 11016, 2 },   /* Selasa */
		{ 2024, 2, 29, 19782, 4 },
		{ 1900, 3, 1, -25508, 4 },
		{ 1, 1, 1, -719162, 1 },
		{ 9999, 12, 31, 2932896, 5 },
		{ 2100, 3, 1, 47541, 1 },
		{ 1600, 2, 29, -135081, 2 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
		ibm_date d = D(k[i].y, k[i].m, k[i].d), b;

		assert_true(ibm_date_valid(d));
		assert_int_equal(ibm_date_days(d), k[i].days);
		assert_int_equal(ibm_date_weekday(d), k[i].wd);
		b = ibm_date_from_days(k[i].days);
		assert_int_equal(ibm_date_cmp(b, d), 0);
	}
	/* every day from 1899 to 2101 round-trips, weekdays advance */
	{
		long first = ibm_date_days(D(1899, 1, 1));
		long last = ibm_date_days(D(2101, 12, 31));
		int wd = ibm_date_weekday(D(1899, 1, 1));
		ibm_date prev = D(1898, 12, 31);

		for (long z = first; z <= last; z++) {
			ibm_date d = ibm_date_from_days(z);

			assert_true(ibm_date_valid(d));
			assert_int_equal(ibm_date_days(d), z);
			assert_int_equal(ibm_date_weekday(d), wd);
			assert_true(ibm_date_cmp(prev, d) < 0);
			assert_true(ibm_date_cmp(d, prev) > 0);
			wd = (wd + 1) % 7;
			prev = d;
		}
	}
	assert_true(ibm_date_valid(D(2024, 2, 29)));
	assert_false(ibm_date_valid(D(2023, 2, 29)));
	assert_false(ibm_date_valid(D(1900, 2, 29)));
	assert_true(ibm_date_valid(D(2000, 2, 29)));
	assert_false(ibm_date_valid(D(2024, 4, 31)));
	assert_false(ibm_date_valid(D(2024, 13, 1)));
	assert_false(ibm_date_valid(D(2024, 0, 1)));
	assert_false(ibm_date_valid(D(2024, 1, 0)));
	assert_false(ibm_date_valid(D(0, 1, 1)));
	assert_false(ibm_date_valid(D(10000, 1, 1)));
	assert_int_equal(ibm_date_cmp(D(2024, 1, 1), D(2024, 1, 1)), 0);
}

static void date_ok(const char *s, int y, int m, int d)
{
	ibm_date x = { 0, 0, 0 };

	if (ibm_date_parse(s, &x) != 0)
		fail_msg("date \"%s\" rejected", s);
	if (x.y != y || x.m != m || x.d != d)
		fail_msg("date \"%s\" -> %d-%d-%d", s, x.y, x.m, x.d);
}

static void date_bad(const char *s)
{
	ibm_date x = { 7, 7, 7 };

	if (ibm_date_parse(s, &x) == 0)
		fail_msg("date \"%s\" accepted as %d-%d-%d", s, x.y, x.m, x.d);
	assert_int_equal(x.y, 7);
}

static void t_parse(void **state)
{
	(void)state;
	date_ok("2024-06-24", 2024, 6, 24);
	date_ok("2024/06/24", 2024, 6, 24);
	date_ok("2024-6-4", 2024, 6, 4);
	date_ok("0100-04-02", 100, 4, 2);
	date_ok("24/06/2024", 2024, 6, 24);
	date_ok("4/6/2024", 2024, 6, 4);
	date_ok("24-06-2024", 2024, 6, 24);
	date_ok("24.06.2024", 2024, 6, 24);
	date_ok(" 24/06/2024  ", 2024, 6, 24);
	date_ok("29/02/2024", 2024, 2, 29);
	date_ok("24 Juni 2024", 2024, 6, 24);
	date_ok("24 juni 2024", 2024, 6, 24);
	date_ok("24 JUNI 2024", 2024, 6, 24);
	date_ok("24 Jun 2024", 2024, 6, 24);
	date_ok("24 Jun. 2024", 2024, 6, 24);
	date_ok("24 June 2024", 2024, 6, 24);
	date_ok("1 Januari 2025", 2025, 1, 1);
	date_ok("17 Agustus 1945", 1945, 8, 17);
	date_ok("17 Agt 1945", 1945, 8, 17);
	date_ok("10 Nopember 2024", 2024, 11, 10);
	date_ok("3 Pebruari 2024", 2024, 2, 3);
	date_ok("31 Des 2024", 2024, 12, 31);
	date_ok("Senin, 24 Juni 2024", 2024, 6, 24);
	date_ok("senin 24 juni 2024", 2024, 6, 24);
	date_ok("Jum'at, 17 Agustus 1945", 1945, 8, 17);
	date_ok("Monday, 24 June 2024", 2024, 6, 24);
	date_ok("Senin, 24/06/2024", 2024, 6, 24);
	date_bad("");
	date_bad("   ");
	date_bad("2024-02-30");
	date_bad("29/02/2023");
	date_bad("31/04/2024");
	date_bad("32/01/2024");
	date_bad("00/01/2024");
	date_bad("24/13/2024");
	date_bad("24/00/2024");
	date_bad("24/06/24");
	date_bad("32.4.2");     /* two-digit year first (fuzz) */
	date_bad("99-01-02");
	date_bad("24/06-2024");
	date_bad("2024-06");
	date_bad("2024-06-24x");
	date_bad("2024-06-24 10:00");
	date_bad("12345-01-01");
	date_bad("2024-06-240");
	date_bad("24 Juni");
	/* a year has four digits: "202" is "2024" with a digit left out
	 * (fuzz_event_keys), not the year 202 */
	date_bad("24 Juni 202");
	date_bad("24/06/202");
	date_bad("202-06-24");
	date_bad("024/06/2024");
	date_bad("2024 Juni 24");
	date_bad("Juni 2024");
	date_bad("24 Foo 2024");
	date_bad("24 Juni 24");
	date_bad("Senin,");
	date_bad("Senin");
	date_bad("June 24, 2024");
	date_bad("30 Februari 2024");
	date_bad("24062024");
	date_bad("Selasa, 24 Juni 2024"); /* the day name must agree */
	date_bad("Sunday, 24 June 2024");
	date_bad("Ahad, 24 Juni 2024");
	date_ok("Ahad, 23 Juni 2024", 2024, 6, 23);
	date_ok("Sabtu, 22 Juni 2024", 2024, 6, 22);
}

static void dt_ok(const char *s, int y, int m, int d, int hh, int mm, int ss,
		  int has_tz, int tz)
{
	ibm_datetime t;

	memset(&t, 0x55, sizeof t);
	if (ibm_datetime_parse(s, &t) != 0)
		fail_msg("datetime \"%s\" rejected", s);
	if (t.date.y != y || t.date.m != m || t.date.d != d || t.hh != hh ||
	    t.mm != mm || t.ss != ss || t.has_tz != has_tz ||
	    (has_tz && t.tz_minutes != tz))
		fail_msg("datetime \"%s\" -> %d-%d-%d %d:%d:%d tz %d %d", s,
			 t.date.y, t.date.m, t.date.d, t.hh, t.mm, t.ss,
			 t.has_tz, t.tz_minutes);
}

static void dt_bad(const char *s)
{
	ibm_datetime t;

	if (ibm_datetime_parse(s, &t) == 0)
		fail_msg("datetime \"%s\" accepted", s);
}

static void t_datetime(void **state)
{
	ibm_datetime t;

	(void)state;
	/* Google Forms */
	dt_ok("2024/06/24 9:01:37 AM GMT+7", 2024, 6, 24, 9, 1, 37, 1, 420);
	dt_ok("2024/06/24 9:01:37 PM GMT+8", 2024, 6, 24, 21, 1, 37, 1, 480);
	dt_ok("2024/06/24 12:00:00 AM GMT+7", 2024, 6, 24, 0, 0, 0, 1, 420);
	dt_ok("2024/06/24 12:30:05 pm GMT+7", 2024, 6, 24, 12, 30, 5, 1, 420);
	dt_ok("2024/06/24 9:01:37 AM GMT+07:00", 2024, 6, 24, 9, 1, 37, 1,
	      420);
	dt_ok("2024/06/24 9:01:37 AM GMT-03:30", 2024, 6, 24, 9, 1, 37, 1,
	      -210);
	dt_ok("2024/06/24 9:01:37 AM GMT", 2024, 6, 24, 9, 1, 37, 1, 0);
	/* the Sheet in an Indonesian locale */
	dt_ok("24/06/2024 9:01:37", 2024, 6, 24, 9, 1, 37, 0, 0);
	dt_ok("24/06/2024 14:00", 2024, 6, 24, 14, 0, 0, 0, 0);
	dt_ok("24/06/2024 14.00.27", 2024, 6, 24, 14, 0, 27, 0, 0);
	dt_ok("24 Juni 2024 14.00 WITA", 2024, 6, 24, 14, 0, 0, 1, 480);
	dt_ok("Senin, 24 Juni 2024, 08:30 WIB", 2024, 6, 24, 8, 30, 0, 1,
	      420);
	dt_ok("2024-06-24 10:00 WIT", 2024, 6, 24, 10, 0, 0, 1, 540);
	dt_ok("2024-06-24 23:59:60 UTC", 2024, 6, 24, 23, 59, 60, 1, 0);
	dt_ok("2024-06-24", 2024, 6, 24, -1, -1, -1, 0, 0);
	dt_ok("24 Juni 2024 WIB", 2024, 6, 24, -1, -1, -1, 1, 420);
	dt_bad("");
	dt_bad("2024/06/24 13:01:37 PM");
	dt_bad("202/06/24 9:01:37");
	dt_bad("202-06-24 09:01:37");
	dt_bad("2024/06/24 0:10 AM");
	dt_bad("24/06/2024 25:00");
	dt_bad("24/06/2024 24:00");
	dt_bad("24/06/2024 10:60");
	dt_bad("24/06/2024 10:00:61");
	dt_bad("24/06/2024 10");
	dt_bad("24/06/2024 10:");
	dt_bad("24/06/2024 10:00 XYZ");
	dt_bad("24/06/2024 10:00 GMT+7 extra");
	dt_bad("24/06/2024 10:00 GMT+");
	dt_bad("24/06/2024 10:00 GMT+0700");
	dt_bad("31/06/2024 10:00");
	dt_bad("24/06/2024 100:00");
	/* ordering key: local clock time, zone ignored */
	assert_int_equal(ibm_datetime_parse("1970-01-01 00:00:01", &t), 0);
	assert_int_equal(ibm_datetime_key(&t), 1);
	assert_int_equal(ibm_datetime_parse("1969-12-31", &t), 0);
	assert_int_equal(ibm_datetime_key(&t), -86400);
	assert_int_equal(ibm_datetime_parse("2024/06/24 1:00:00 PM GMT+8",
					    &t), 0);
	assert_int_equal(ibm_datetime_key(&t), 19898LL * 86400 + 13 * 3600);
}

static size_t pick(unsigned long long *st, size_t n)
{
	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (size_t)(*st >> 33) % n;
}

/* half the time the first (a good part), else any */
static size_t pick_half(unsigned long long *st, size_t n)
{
	return pick(st, 2) ? 0 : pick(st, n);
}

/* Forms' timestamps take a shorter road (no day names, no locale): on
 * strings near that shape it says what the general parser says, which
 * a trailing tab (outside the short road) makes it use. */
static void t_datetime_forms(void **state)
{
	static const char *const Y[] = { "2024", "999", "0099", "12345",
					 "0031", "2023", "" };
	static const char *const SEP[] = { "/", "-", ".", " " };
	static const char *const M[] = { "6", "06", "2", "13", "0", "123",
					 "" };
	static const char *const D[] = { "24", "1", "29", "30", "31", "0",
					 "024", "" };
	static const char *const T[] = { " 9:01:37", " 12:00:00", " 0:10:00",
					 " 13:01:37", " 23:59:60", " 24:00:00",
					 " 10:60:00", " 9:01", " 9.01.37",
					 "  9:01:37", " 100:00:00", " 9:01:7",
					 ", 9:01:37", "" };
	static const char *const AP[] = { " AM", " PM", " am", " pM", "AM",
					  " AMX", " A.M.", " XM", "  PM",
					  " AM'", "" };
	static const char *const Z[] = { " GMT+7", " GMT+8", " gmt-03:30",
					 " UTC+07:00", " GMT", " GMT+", " WIB",
					 " GMT+0700", " GMTX+7", " GMT+7 x",
					 " GMT+7:", "" };
	unsigned long long st = 7;
	size_t ok = 0;

	(void)state;
	for (int i = 0; i < 200000; i++) {
		char s[128], s2[130];
		ibm_datetime a, b;
		int ra, rb;
#define PICK(A) A[pick_half(&st, sizeof A / sizeof A[0])]
		const char *y = PICK(Y), *sep = PICK(SEP), *m = PICK(M),
			   *sep2 = pick(&st, 9) ? sep : "/", *d = PICK(D),
			   *t = PICK(T), *ap = PICK(AP), *z = PICK(Z);
#undef PICK

		snprintf(s, sizeof s, "%s%s%s%s%s%s%s%s", y, sep, m, sep2, d,
			 t, ap, z);
		snprintf(s2, sizeof s2, "%s\t", s);
		memset(&a, 0x55, sizeof a);
		memset(&b, 0x55, sizeof b);
		ra = ibm_datetime_parse(s, &a);
		rb = ibm_datetime_parse(s2, &b);
		if (ra != rb)
			fail_msg("\"%s\": %d, with a tab %d", s, ra, rb);
		if (ra == 0 && memcmp(&a, &b, sizeof a) != 0)
			fail_msg("\"%s\": not as with a tab", s);
		ok += ra == 0;
	}
	assert_true(ok > 20000); /* the test has good ones */
}

static void t_long(void **state)
{
	char b[128];

	(void)state;
	assert_string_equal(ibm_date_long(b, sizeof b, D(2024, 6, 24)),
			    "24 Juni 2024");
	assert_string_equal(ibm_date_long_day(b, sizeof b, D(2024, 6, 24)),
			    "Senin, 24 Juni 2024");
	assert_string_equal(ibm_date_long_day(b, sizeof b, D(1945, 8, 17)),
			    "Jumat, 17 Agustus 1945");
	assert_string_equal(ibm_date_long_day(b, sizeof b, D(2024, 2, 29)),
			    "Kamis, 29 Februari 2024");
	assert_string_equal(ibm_date_iso(b, sizeof b, D(2024, 6, 4)),
			    "2024-06-04");
	assert_string_equal(ibm_date_iso(b, sizeof b, D(999, 1, 2)),
			    "0999-01-02");
	/* a small buffer is cut, not overrun */
	assert_string_equal(ibm_date_long(b, 6, D(2024, 6, 24)), "24 Ju");
	for (int i = 0; i < 7; i++)
		assert_true(strlen(ibm_day_name(i)) > 0);
	assert_string_equal(ibm_day_name(0), "Minggu");
	assert_string_equal(ibm_day_name(6), "Sabtu");
	assert_string_equal(ibm_day_name(7), "");
	assert_string_equal(ibm_day_name(-1), "");
	assert_string_equal(ibm_month_name(1), "Januari");
	assert_string_equal(ibm_month_name(12), "Desember");
	assert_string_equal(ibm_month_name(0), "");
	assert_string_equal(ibm_month_name(13), "");
	/* every long form parses back */
	for (int m = 1; m <= 12; m++) {
		ibm_date d = D(2024, m, 15), x;

		ibm_date_long_day(b, sizeof b, d);
		assert_int_equal(ibm_date_parse(b, &x), 0);
		assert_int_equal(ibm_date_cmp(x, d), 0);
	}
}

static void t_range(void **state)
{
	char b[128];

	(void)state;
	assert_string_equal(ibm_date_range_long(b, sizeof b, D(2024, 6, 24),
						D(2024, 6, 24)),
			    "Senin, 24 Juni 2024");
	assert_string_equal(ibm_date_range_long(b, sizeof b, D(2024, 6, 24),
						D(2024, 6, 26)),
			    "Senin s.d. Rabu, 24 s.d. 26 Juni 2024");
	assert_string_equal(ibm_date_range_long(b, sizeof b, D(2024, 6, 28),
						D(2024, 7, 1)),
			    "Jumat s.d. Senin, 28 Juni s.d. 1 Juli 2024");
	assert_string_equal(ibm_date_range_long(b, sizeof b, D(2024, 12, 31),
						D(2025, 1, 2)),
			    "Selasa s.d. Kamis, 31 Desember 2024 s.d. "
			    "2 Januari 2025");
	assert_string_equal(ibm_date_range_long(b, sizeof b, D(2024, 2, 28),
						D(2024, 3, 1)),
			    "Rabu s.d. Jumat, 28 Februari s.d. 1 Maret 2024");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_calendar),
		cmocka_unit_test(t_parse),
		cmocka_unit_test(t_datetime),
		cmocka_unit_test(t_datetime_forms),
		cmocka_unit_test(t_long),
		cmocka_unit_test(t_range),
	};

	msgs_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
