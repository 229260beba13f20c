/* value.c - numbers with either decimal mark, counts, phones, yes/no. */
#include "ibmkit.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Copy s without surrounding space into a buffer; NULL if too long. */
static char *trimmed(const char *s, char *buf, size_t size)
{
	size_t n = strlen(s);

	if (n >= size)
		return NULL;
	memcpy(buf, s, n + 1);
	return ibm_trim(buf);
}

int ibm_parse_number(const char *str, double *out, int flags)
{
	char buf[128], clean[128];
	char *s = trimmed(str, buf, sizeof buf);
	size_t ndot = 0, ncomma = 0, o = 0;
	char *last_dot, *last_comma, *end;
	char dec = 0;
	double v;

	if (!s || !*s)
		return -1;
	if (flags & IBM_NUM_EXP) {
		/* "3.6e-10", "3,6E-10": the mantissa as any number, then
		 * a power of ten */
		char *e = strpbrk(s, "eE"), *q, mant[128], num[160];
		double m;

		if (e) {
			q = e + 1 + (e[1] == '-' || e[1] == '+');
			if (!isdigit((unsigned char)*q) || e == s)
				return -1;
			while (isdigit((unsigned char)*q))
				q++;
			if (*q || q - e > 6)
				return -1;
			memcpy(mant, s, (size_t)(e - s));
			mant[e - s] = '\0';
			if (ibm_parse_number(mant, &m, flags & ~IBM_NUM_EXP) != 0)
				return -1;
			if (strspn(mant, "+-0123456789") + 1 >= strlen(mant)) {
				/* one decimal mark at most: as written, exact */
				snprintf(num, sizeof num, "%s%s", mant, e);
				if ((q = strchr(num, ',')) != NULL)
					*q = '.';
			} else {
				snprintf(num, sizeof num, "%.17g%s", m, e);
			}
			errno = 0;
			v = strtod(num, &end);
			if (*end || errno == ERANGE)
				return -1;
			*out = v;
			return 0;
		}
	}
	for (char *p = s; *p; p++) {
		if (*p == '.')
			ndot++;
		else if (*p == ',')
			ncomma++;
		else if (!isdigit((unsigned char)*p) &&
			 !((*p == '-' || *p == '+') && p == s))
			return -1;
	}
	last_dot = strrchr(s, '.');
	last_comma = strrchr(s, ',');
	if (ndot && ncomma) {
		/* both: the later one is the decimal mark, once */
		dec = last_dot > last_comma ? '.' : ',';
		if ((dec == '.' && ndot > 1) || (dec == ',' && ncomma > 1))
			return -1;
	} else if (ndot == 1 && !(flags & IBM_NUM_THOUSANDS)) {
		dec = '.';
	} else if (ncomma == 1) {
		dec = ',';
	} else if (ndot > 1 || ncomma > 1 || ndot == 1) {
		dec = 0; /* only thousands separators */
	}
	for (char *p = s; *p; p++) {
		if (*p == dec) {
			clean[o++] = '.';
		} else if (*p == '.' || *p == ',') {
			/* thousands separator: exactly three digits follow */
			const char *q = p + 1;
			int k = 0;

			while (isdigit((unsigned char)q[k]))
				k++;
			if (k != 3 || p == s || !isdigit((unsigned char)p[-1]))
				return -1;
		} else {
			clean[o++] = *p;
		}
	}
	clean[o] = '\0';
	if (!isdigit((unsigned char)clean[o - 1]) && clean[o - 1] != '.')
		return -1;
	errno = 0;
	v = strtod(clean, &end);
	if (*end || errno == ERANGE || end == clean)
		return -1;
	*out = v;
	return 0;
}

int ibm_parse_count(const char *str, long *out)
{
	char buf[64];
	char *s = trimmed(str, buf, sizeof buf), *end;
	long v;

	if (!s || !*s)
		return -1;
	for (char *p = s; *p; p++)
		if (!isdigit((unsigned char)*p))
			return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno == ERANGE || *end)
		return -1;
	*out = v;
	return 0;
}

char *ibm_phone_norm(const char *s)
{
	char digits[64];
	size_t n = 0;
	const char *p = s;
	int plus = 0;
	const char *rest, *d;
	char *out;
	size_t rlen;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\'') /* Excel's mark of a number kept as text */
		p++;
	if (*p == '+') {
		plus = 1;
		p++;
	}
	for (; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (n + 1 >= sizeof digits)
				return NULL;
			digits[n++] = *p;
		} else if (!strchr(" .-()/\t", *p)) {
			return NULL;
		}
	}
	digits[n] = '\0';
	if (n == 0)
		return NULL;
	d = digits;
	/* "00" is the international prefix: "0062 812..." is "+62 812..." */
	if (!plus && n > 2 && d[0] == '0' && d[1] == '0') {
		plus = 1;
		d += 2;
		n -= 2;
	}
	if (strncmp(d, "62", 2) == 0 && (plus || n >= 10))
		rest = d + 2;
	else if (plus)
		return NULL; /* another country */
	else if (d[0] == '0')
		rest = d + 1;
	else if (d[0] == '8')
		rest = d;
	else
		return NULL;
	/* a leading 0 after +62 ("+62 0812...") is a common slip */
	if (rest[0] == '0')
		rest++;
	rlen = strlen(rest);
	if (rlen < 8 || rlen > 13 || rest[0] == '0')
		return NULL;
	out = ibm_xmalloc(rlen + 4);
	memcpy(out, "+62", 3);
	memcpy(out + 3, rest, rlen + 1);
	return out;
}

/* The answers read as yes or no (yesno.txt, compiled in: "ANSWER<TAB>yes"
 * or "no" lines), lower case with spaces folded. */
static const unsigned char yesno_txt[] = {
#include "yesno.inc"
	0
};
#define YESNO_MAX 128
static char *yn_word[YESNO_MAX];
static int yn_val[YESNO_MAX];
static size_t yn_n;

static void yesno_load(void)
{
	const char *s = (const char *)yesno_txt;

	while (*s && yn_n < YESNO_MAX) {
		const char *e = strchr(s, '\n');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		const char *tab = memchr(s, '\t', len);

		if (*s != '#' && tab && tab > s) {
			char *w = ibm_xmalloc((size_t)(tab - s) + 1), *k;

			memcpy(w, s, (size_t)(tab - s));
			w[tab - s] = '\0';
			k = ibm_lower(w);
			free(w);
			ibm_fold_space(k);
			yn_word[yn_n] = k;
			yn_val[yn_n++] = strncmp(tab + 1, "yes", 3) == 0;
		}
		s += len + (e != NULL);
	}
}

int ibm_parse_yesno(const char *str)
{
	char *s = ibm_lower(str);
	int r = -1;

	if (!yn_n)
		yesno_load();
	ibm_fold_space(s);
	if (!*s)
		r = 0;
	for (size_t i = 0; i < yn_n && r < 0; i++)
		if (strcmp(s, yn_word[i]) == 0)
			r = yn_val[i];
	free(s);
	return r;
}
