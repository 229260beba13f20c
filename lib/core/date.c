/* date.c - dates and times: parsing and Indonesian long forms. */
#include "ibmkit.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const days_id[7] = {
	"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"
};
static const char *const months_id[12] = {
	"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"
};
/* Other spellings accepted when parsing (lower case). */
static const struct {
	const char *name;
	int month;
} month_alias[] = {
	{ "jan", 1 }, { "january", 1 }, { "feb", 2 }, { "february", 2 },
	{ "pebruari", 2 }, { "mar", 3 }, { "march", 3 }, { "apr", 4 },
	{ "may", 5 }, { "jun", 6 }, { "june", 6 }, { "jul", 7 }, { "july", 7 },
	{ "agu", 8 }, { "agt", 8 }, { "ags", 8 }, { "aug", 8 },
	{ "august", 8 }, { "sep", 9 }, { "sept", 9 }, { "okt", 10 },
	{ "oct", 10 }, { "october", 10 }, { "nov", 11 }, { "nop", 11 },
	{ "nopember", 11 }, { "des", 12 }, { "dec", 12 }, { "december", 12 }
};
static const char *const days_alias[] = {
	"minggu", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
	"jum'at", "ahad", "sunday", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", NULL
};

/* Weekday (0 = Minggu) of days_alias[i]. */
static int day_of_alias(size_t i)
{
	if (i < 7)
		return (int)i;
	if (i == 7) /* jum'at */
		return 5;
	if (i == 8) /* ahad */
		return 0;
	return (int)(i - 9); /* sunday ... saturday */
}

const char *ibm_day_name(int wd)
{
	return wd >= 0 && wd < 7 ? days_id[wd] : "";
}

const char *ibm_month_name(int m)
{
	return m >= 1 && m <= 12 ? months_id[m - 1] : "";
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int ibm_date_valid(ibm_date d)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				       30, 31 };

	if (d.y < 1 || d.y > 9999 || d.m < 1 || d.m > 12 || d.d < 1)
		return 0;
	return d.d <= mdays[d.m - 1] + (d.m == 2 && leap(d.y));
}

/* Howard Hinnant's days_from_civil. */
long ibm_date_days(ibm_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

ibm_date ibm_date_from_days(long z)
{
	ibm_date d;
	long era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(y + (d.m <= 2));
	return d;
}

int ibm_date_weekday(ibm_date d)
{
	long z = ibm_date_days(d);

	return (int)(((z % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
}

int ibm_date_cmp(ibm_date a, ibm_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

/* Reads 1..maxd digits; returns the number or -1. */
static int num(const char **sp, int maxd)
{
	const char *s = *sp;
	int v = 0, n = 0;

	while (n < maxd && isdigit((unsigned char)s[n])) {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n == 0 || isdigit((unsigned char)s[n]))
		return -1;
	*sp = s + n;
	return v;
}

/* A year: four digits ("2024", "0100"); -1 for fewer ("24", or "202",
 * a digit left out of "2024", which is no year of ours either). */
static int year(const char **sp)
{
	const char *s = *sp;
	int v = num(&s, 4);

	if (v < 0 || s - *sp != 4)
		return -1;
	*sp = s;
	return v;
}

static void skip_space(const char **sp)
{
	while (**sp == ' ' || **sp == '\t')
		(*sp)++;
}

/* A word of letters (and apostrophes), lower-cased into buf. */
static int word(const char **sp, char *buf, size_t size)
{
	const char *s = *sp;
	size_t n = 0;

	while (isalpha((unsigned char)*s) || *s == '\'') {
		if (n + 1 < size)
			buf[n++] = (char)tolower((unsigned char)*s);
		s++;
	}
	buf[n] = '\0';
	if (n == 0)
		return 0;
	*sp = s;
	return 1;
}

static int month_from_word(const char *w)
{
	for (int i = 0; i < 12; i++) {
		char lower[16];
		size_t k;

		for (k = 0; months_id[i][k]; k++)
			lower[k] = (char)tolower((unsigned char)months_id[i][k]);
		lower[k] = '\0';
		if (strcmp(w, lower) == 0)
			return i + 1;
	}
	for (size_t i = 0; i < sizeof month_alias / sizeof month_alias[0]; i++)
		if (strcmp(w, month_alias[i].name) == 0)
			return month_alias[i].month;
	return 0;
}

/* Parses a date at *sp and advances past it. */
static int date_at(const char **sp, ibm_date *out)
{
	const char *s = *sp;
	char w[32];
	ibm_date d;
	int a, b, c, weekday = -1;
	long alen;

	skip_space(&s);
	/* optional day name: "Senin, " (it must agree with the date) */
	{
		const char *t = s;

		if (word(&t, w, sizeof w)) {
			for (size_t i = 0; days_alias[i]; i++)
				if (strcmp(w, days_alias[i]) == 0) {
					weekday = day_of_alias(i);
					s = t;
					if (*s == ',')
						s++;
					skip_space(&s);
					break;
				}
		}
	}
	{
		const char *a0 = s;

		a = num(&s, 4);
		if (a < 0)
			return -1;
		alen = s - a0;
	}
	if (*s == '-' || *s == '/' || *s == '.') {
		char sep = *s;
		const char *t = s + 1, *c0;

		b = num(&t, 2);
		if (b < 0 || *t != sep)
			return -1;
		c0 = ++t;
		c = num(&t, 4);
		if (c < 0)
			return -1;
		if (alen > 2) { /* y-m-d or y/m/d */
			if (alen != 4 || t - c0 > 2)
				return -1;
			d.y = a;
			d.m = b;
			d.d = c;
		} else {      /* d/m/y: Indonesian order */
			if (t - c0 != 4)
				return -1; /* two-digit year, as in 24/06/24 */
			d.d = a;
			d.m = b;
			d.y = c;
		}
		s = t;
	} else {
		/* 24 Juni 2024 */
		skip_space(&s);
		if (!word(&s, w, sizeof w))
			return -1;
		d.m = month_from_word(w);
		if (!d.m)
			return -1;
		if (*s == '.')
			s++;
		skip_space(&s);
		c = year(&s);
		if (c < 0 || alen > 2)
			return -1;
		d.d = a;
		d.y = c;
	}
	if (!ibm_date_valid(d))
		return -1;
	if (weekday >= 0 && weekday != ibm_date_weekday(d))
		return -1;
	*out = d;
	*sp = s;
	return 0;
}

int ibm_date_parse(const char *s, ibm_date *out)
{
	ibm_date d;

	if (date_at(&s, &d) < 0)
		return -1;
	skip_space(&s);
	if (*s)
		return -1;
	*out = d;
	return 0;
}

/* Digits at *sp, at least 1 and at most maxd, not followed by another:
 * their value, or -1 (num() without the locale's tables). */
static int digits(const char **sp, int maxd)
{
	const char *s = *sp;
	int v = 0, n = 0;

	while (n < maxd && (unsigned)(s[n] - '0') < 10) {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n == 0 || (unsigned)(s[n] - '0') < 10)
		return -1;
	*sp = s + n;
	return v;
}

static int is_letter(char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26;
}

/* Google Forms' own timestamp, "2024/06/24 9:01:37 AM GMT+7" (y-m-d or
 * y/m/d, one space between the parts, AM/PM and the zone each
 * optional), read without the general parser's detours: 1 when s has
 * another shape (the general parser decides), else what it would say. */
static int forms_fast(const char *s, ibm_datetime *out)
{
	const char *start = s;
	ibm_datetime t;
	char sep;

	memset(&t, 0, sizeof t);
	if ((unsigned)(s[0] - '0') >= 10)
		return 1;
	t.date.y = digits(&s, 4);
	sep = *s;
	if (t.date.y < 0 || s - start != 4 || (sep != '/' && sep != '-'))
		return 1;
	s++;
	t.date.m = digits(&s, 2);
	if (t.date.m < 0 || *s++ != sep)
		return 1;
	t.date.d = digits(&s, 2);
	if (t.date.d < 0 || *s++ != ' ')
		return 1;
	t.hh = digits(&s, 2);
	if (t.hh < 0 || *s++ != ':')
		return 1;
	t.mm = digits(&s, 2);
	if (t.mm < 0 || *s++ != ':')
		return 1;
	t.ss = digits(&s, 2);
	if (t.ss < 0)
		return 1;
	if (*s == ' ' && is_letter(s[1]) && is_letter(s[2]) &&
	    (s[2] | 0x20) == 'm' && !is_letter(s[3]) && s[3] != '\'') {
		char ap = (char)(s[1] | 0x20);

		if (ap != 'a' && ap != 'p')
			return 1;
		if (t.hh < 1 || t.hh > 12)
			return -1;
		if (ap == 'a' && t.hh == 12)
			t.hh = 0;
		else if (ap == 'p' && t.hh != 12)
			t.hh += 12;
		s += 3;
	}
	if (t.hh > 23 || t.mm > 59 || t.ss > 60)
		return 1;
	if (*s == ' ') {
		int sign, h, m = 0;

		if (!((s[1] | 0x20) == 'g' && (s[2] | 0x20) == 'm' &&
		      (s[3] | 0x20) == 't') &&
		    !((s[1] | 0x20) == 'u' && (s[2] | 0x20) == 't' &&
		      (s[3] | 0x20) == 'c'))
			return 1;
		s += 4;
		if (*s != '+' && *s != '-')
			return 1;
		sign = *s++ == '-' ? -1 : 1;
		h = digits(&s, 2);
		if (h < 0)
			return 1;
		if (*s == ':') {
			s++;
			m = digits(&s, 2);
			if (m < 0)
				return 1;
		}
		t.has_tz = 1;
		t.tz_minutes = sign * (h * 60 + m);
	}
	if (*s || !ibm_date_valid(t.date))
		return 1;
	*out = t;
	return 0;
}

int ibm_datetime_parse(const char *s, ibm_datetime *out)
{
	ibm_datetime t;
	char w[16];
	int fast = forms_fast(s, out);

	if (fast <= 0)
		return fast;
	memset(&t, 0, sizeof t);
	t.hh = t.mm = t.ss = -1;
	if (date_at(&s, &t.date) < 0)
		return -1;
	skip_space(&s);
	if (*s == ',')
		s++;
	skip_space(&s);
	if (isdigit((unsigned char)*s)) {
		t.hh = num(&s, 2);
		if (t.hh < 0 || (*s != ':' && *s != '.'))
			return -1;
		s++;
		t.mm = num(&s, 2);
		if (t.mm < 0)
			return -1;
		t.ss = 0;
		if (*s == ':' || *s == '.') {
			s++;
			t.ss = num(&s, 2);
			if (t.ss < 0)
				return -1;
		}
		skip_space(&s);
		{
			const char *q = s;

			if (word(&q, w, sizeof w) &&
			    (strcmp(w, "am") == 0 || strcmp(w, "pm") == 0)) {
				if (t.hh < 1 || t.hh > 12)
					return -1;
				if (w[0] == 'a' && t.hh == 12)
					t.hh = 0;
				else if (w[0] == 'p' && t.hh != 12)
					t.hh += 12;
				s = q;
				skip_space(&s);
			}
		}
		if (t.hh > 23 || t.mm > 59 || t.ss > 60)
			return -1;
	}
	if (*s) {
		const char *q = s;

		if (!word(&q, w, sizeof w))
			return -1;
		if (strcmp(w, "wib") == 0) {
			t.has_tz = 1;
			t.tz_minutes = 420;
		} else if (strcmp(w, "wita") == 0) {
			t.has_tz = 1;
			t.tz_minutes = 480;
		} else if (strcmp(w, "wit") == 0) {
			t.has_tz = 1;
			t.tz_minutes = 540;
		} else if (strcmp(w, "gmt") == 0 || strcmp(w, "utc") == 0) {
			int sign = 1, h = 0, m = 0;

			t.has_tz = 1;
			if (*q == '+' || *q == '-') {
				sign = *q == '-' ? -1 : 1;
				q++;
				h = num(&q, 2);
				if (h < 0)
					return -1;
				if (*q == ':') {
					q++;
					m = num(&q, 2);
					if (m < 0)
						return -1;
				}
			}
			t.tz_minutes = sign * (h * 60 + m);
		} else {
			return -1;
		}
		s = q;
		skip_space(&s);
		if (*s)
			return -1;
	}
	*out = t;
	return 0;
}

long long ibm_datetime_key(const ibm_datetime *t)
{
	long long k = (long long)ibm_date_days(t->date) * 86400;

	if (t->hh >= 0)
		k += t->hh * 3600LL + t->mm * 60LL + t->ss;
	return k;
}

char *ibm_date_long(char *buf, size_t size, ibm_date d)
{
	snprintf(buf, size, "%d %s %d", d.d, ibm_month_name(d.m), d.y);
	return buf;
}

char *ibm_date_long_day(char *buf, size_t size, ibm_date d)
{
	snprintf(buf, size, "%s, %d %s %d", ibm_day_name(ibm_date_weekday(d)),
		 d.d, ibm_month_name(d.m), d.y);
	return buf;
}

char *ibm_date_iso(char *buf, size_t size, ibm_date d)
{
	snprintf(buf, size, "%04d-%02d-%02d", d.y, d.m, d.d);
	return buf;
}

char *ibm_date_range_long(char *buf, size_t size, ibm_date a, ibm_date b)
{
	const char *da = ibm_day_name(ibm_date_weekday(a));
	const char *db = ibm_day_name(ibm_date_weekday(b));

	if (ibm_date_cmp(a, b) == 0)
		return ibm_date_long_day(buf, size, a);
	if (a.y == b.y && a.m == b.m)
		snprintf(buf, size, "%s s.d. %s, %d s.d. %d %s %d", da, db,
			 a.d, b.d, ibm_month_name(a.m), a.y);
	else if (a.y == b.y)
		snprintf(buf, size, "%s s.d. %s, %d %s s.d. %d %s %d", da, db,
			 a.d, ibm_month_name(a.m), b.d, ibm_month_name(b.m),
			 a.y);
	else
		snprintf(buf, size, "%s s.d. %s, %d %s %d s.d. %d %s %d", da,
			 db, a.d, ibm_month_name(a.m), a.y, b.d,
			 ibm_month_name(b.m), b.y);
	return buf;
}
