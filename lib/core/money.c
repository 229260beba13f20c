/*
 * money.c - amounts of money as offices write them: whole rupiah in
 * figures ("Rp1.710.000", "1.710.000") and in words (terbilang: "satu juta
 * tujuh ratus sepuluh ribu"), and amounts read from what people type
 * ("Rp 900.000,-", "1,700,000", "900000").
 */
#include "ibmkit.h"

#include <ctype.h>
#include <string.h>

/* ------------------------------------------------------------ terbilang */

/* Append s (with a space before it when buf is not empty). */
static int add_word(char *buf, size_t size, size_t *len, const char *s)
{
	size_t n = strlen(s), sp = *len ? 1 : 0;

	if (*len + sp + n + 1 > size)
		return -1;
	if (sp)
		buf[(*len)++] = ' ';
	memcpy(buf + *len, s, n + 1);
	*len += n;
	return 0;
}

/* The words of 1 to 999. */
static int words999(char *buf, size_t size, size_t *len, int n)
{
	static const char *const unit[] = { "", "satu", "dua", "tiga",
		"empat", "lima", "enam", "tujuh", "delapan", "sembilan" };
	int r = 0;

	if (n >= 200)
		r |= add_word(buf, size, len, unit[n / 100]) |
		     add_word(buf, size, len, "ratus");
	else if (n >= 100)
		r |= add_word(buf, size, len, "seratus");
	n %= 100;
	if (n >= 20) {
		r |= add_word(buf, size, len, unit[n / 10]) |
		     add_word(buf, size, len, "puluh");
		if (n % 10)
			r |= add_word(buf, size, len, unit[n % 10]);
	} else if (n >= 12) {
		r |= add_word(buf, size, len, unit[n - 10]) |
		     add_word(buf, size, len, "belas");
	} else if (n == 11) {
		r |= add_word(buf, size, len, "sebelas");
	} else if (n == 10) {
		r |= add_word(buf, size, len, "sepuluh");
	} else if (n) {
		r |= add_word(buf, size, len, unit[n]);
	}
	return r;
}

int ibm_terbilang(char *buf, size_t size, long long n)
{
	static const char *const scale[] = { "triliun", "miliar", "juta",
		"ribu", "" };
	static const long long div[] = { 1000000000000LL, 1000000000LL,
		1000000LL, 1000LL, 1 };
	size_t len = 0;
	int r = 0;

	if (!size)
		return -1;
	buf[0] = '\0';
	if (n < 0 || n > IBM_TERBILANG_MAX) {
		snprintf(buf, size, "%lld", n);
		return -1;
	}
	if (n == 0)
		return add_word(buf, size, &len, "nol");
	for (int k = 0; k < 5; k++) {
		int g = (int)(n / div[k] % 1000);

		if (!g)
			continue;
		if (k == 3 && g == 1) {
			/* 1.000 to 1.999 in a group of thousands: "seribu";
			 * the larger scales say "satu juta", "satu miliar" */
			r |= add_word(buf, size, &len, "seribu");
			continue;
		}
		r |= words999(buf, size, &len, g);
		if (*scale[k])
			r |= add_word(buf, size, &len, scale[k]);
	}
	if (r) {
		snprintf(buf, size, "%lld", n);
		return -1;
	}
	return 0;
}

/* -------------------------------------------------------------- figures */

char *ibm_thousands(char *buf, size_t size, long long n)
{
	char d[32];
	size_t nd, o = 0;
	unsigned long long v = n < 0 ? 0ULL - (unsigned long long)n :
				      (unsigned long long)n;

	nd = (size_t)snprintf(d, sizeof d, "%llu", v);
	if (size == 0)
		return buf;
	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (size_t i = 0; i < nd && o + 1 < size; i++) {
		if (i && (nd - i) % 3 == 0) {
			buf[o++] = '.';
			if (o + 1 >= size)
				break;
		}
		buf[o++] = d[i];
	}
	buf[o] = '\0';
	return buf;
}

char *ibm_rupiah(char *buf, size_t size, long long n)
{
	char t[40];

	ibm_thousands(t, sizeof t, n < 0 ? -n : n);
	snprintf(buf, size, "%sRp%s", n < 0 ? "-" : "", t);
	return buf;
}

/* ------------------------------------------------------------- reading */

/* Case-insensitive prefix of s (ASCII); the length matched or 0. */
static size_t prefix(const char *s, const char *p)
{
	size_t i = 0;

	for (; p[i]; i++)
		if (tolower((unsigned char)s[i]) != p[i])
			return 0;
	return i;
}

int ibm_parse_rupiah(const char *str, long long *out)
{
	char buf[96], dig[32];
	char *s, *e;
	size_t n = strlen(str), nd = 0, k, group = 0;
	int sep = 0, first = 1;
	long long v = 0;

	if (n >= sizeof buf)
		return -1;
	memcpy(buf, str, n + 1);
	s = ibm_trim(buf);
	if ((k = prefix(s, "rp")) || (k = prefix(s, "idr"))) {
		s += k;
		if (*s == '.')
			s++;
		s = ibm_trim(s);
	}
	e = s + strlen(s);
	/* the cents people write after a whole amount: ",-" ",00" ".00" */
	if (e - s > 2 && e[-1] == '-' && (e[-2] == ',' || e[-2] == '.'))
		e -= 2;
	else if (e - s > 3 && (e[-3] == ',' || e[-3] == '.') &&
		 e[-2] == '0' && e[-1] == '0')
		e -= 3;
	else if (e - s > 2 && (e[-2] == ',' || e[-2] == '.') && e[-1] == '0')
		e -= 2;
	if (e == s)
		return -1;
	/* digits in groups of three after the first, one separator kind
	 * ('.', ',' or a space) */
	for (const char *p = s; p < e; p++) {
		if (isdigit((unsigned char)*p)) {
			if (nd + 1 >= sizeof dig)
				return -1;
			dig[nd++] = *p;
			group++;
			continue;
		}
		if (*p != '.' && *p != ',' && *p != ' ')
			return -1;
		if ((sep && *p != sep) || group == 0 ||
		    (first && group > 3) || (!first && group != 3))
			return -1;
		sep = *p;
		first = 0;
		group = 0;
	}
	if (!nd || (!first && group != 3))
		return -1;
	for (size_t i = 0; i < nd; i++) {
		if (v > (IBM_TERBILANG_MAX - (dig[i] - '0')) / 10)
			return -1;
		v = v * 10 + (dig[i] - '0');
	}
	*out = v;
	return 0;
}
