/*
 * numbers.c - letter numbers: the number patterns of every document type
 * (invitations: nomor; the collective invitation: nomor_kolektif; the
 * Sprin: nomor_sprin; certificates: nomor_sertifikat; see ibm-invite(5)).
 * One function fills a pattern, whatever the type: {n} or {n:W} (the
 * counter, zero-padded to W digits), {bulan_romawi} (I to XII),
 * {bulan} (01 to 12) and {tahun} of the letter date.
 */
#include "invite.h"

#include <stdlib.h>
#include <string.h>

const char *inv_roman_month(int m)
{
	static const char *const r[] = { "I", "II", "III", "IV", "V", "VI",
		"VII", "VIII", "IX", "X", "XI", "XII" };

	return m >= 1 && m <= 12 ? r[m - 1] : NULL;
}

/* Append n bytes of s to the growing string *o (length *len). */
static void add(char **o, size_t *len, size_t *cap, const char *s, size_t n)
{
	ibm_grow((void **)o, cap, *len + n + 1, 1);
	memcpy(*o + *len, s, n);
	*len += n;
	(*o)[*len] = '\0';
}

/* Fill pat[0..patlen): *has_n set when it holds the counter, *tok the
 * offset of the first counter token and *tokend the end of it. NULL for
 * a bad {n:W}. */
static char *fill(const char *pat, size_t patlen, long n, ibm_date date,
		  int *has_n, size_t *tok, size_t *tokend)
{
	const char *start = pat, *end = pat + patlen;
	char *o = NULL, num[40];
	size_t len = 0, cap = 0;
	int dated = date.m >= 1 && date.m <= 12;

	*has_n = 0;
	add(&o, &len, &cap, "", 0);
	while (pat < end) {
		const char *close = *pat == '{' ? memchr(pat, '}',
			(size_t)(end - pat)) : NULL;
		size_t k = close ? (size_t)(close - pat - 1) : 0;
		const char *in = pat + 1;
		int counter = 0;

		if (close && k == 1 && in[0] == 'n') {
			snprintf(num, sizeof num, "%ld", n);
			counter = 1;
		} else if (close && k > 2 && in[0] == 'n' && in[1] == ':') {
			char *e;
			long w = strtol(in + 2, &e, 10);

			if (e != close || w < 1 || w > 12 || in[2] == '+' ||
			    in[2] == '-' || in[2] == ' ') {
				free(o);
				return NULL;
			}
			snprintf(num, sizeof num, "%0*ld", (int)w, n);
			counter = 1;
		} else if (close && dated && k == 12 &&
			   strncmp(in, "bulan_romawi", 12) == 0) {
			snprintf(num, sizeof num, "%s", inv_roman_month(date.m));
		} else if (close && dated && k == 5 &&
			   strncmp(in, "bulan", 5) == 0) {
			snprintf(num, sizeof num, "%02d", date.m);
		} else if (close && dated && k == 5 &&
			   strncmp(in, "tahun", 5) == 0) {
			snprintf(num, sizeof num, "%04d", date.y);
		} else {
			add(&o, &len, &cap, pat, 1);
			pat++;
			continue;
		}
		if (counter && !*has_n) {
			*has_n = 1;
			*tok = (size_t)(pat - start);
			*tokend = (size_t)(close + 1 - start);
		}
		add(&o, &len, &cap, num, strlen(num));
		pat = close + 1;
	}
	return o;
}

char *inv_number_format(const char *pat, long n, ibm_date date)
{
	int has_n;
	size_t tok, tokend;
	char *o = fill(pat, strlen(pat), n, date, &has_n, &tok, &tokend);

	if (o && !has_n) {
		free(o);
		return NULL;
	}
	return o;
}

long inv_number_counter(const char *pat, const char *nomor, ibm_date date)
{
	int has_n, dummy;
	size_t tok = 0, tokend = 0, x, y, plen, slen, nlen = strlen(nomor);
	char *whole = fill(pat, strlen(pat), 1, date, &has_n, &tok, &tokend);
	char *pre, *post, *head;
	long n = 0;

	if (!whole || !has_n) {
		free(whole);
		return 0;
	}
	free(whole);
	pre = fill(pat, tok, 1, date, &dummy, &x, &y);
	post = fill(pat + tokend, strlen(pat + tokend), 1, date, &dummy, &x,
		    &y);
	plen = pre ? strlen(pre) : 0;
	slen = post ? strlen(post) : 0;
	head = ibm_xstrndup(nomor, plen < nlen ? plen : nlen);
	if (pre && post && nlen > plen + slen && ibm_casecmp(head, pre) == 0 &&
	    ibm_casecmp(nomor + nlen - slen, post) == 0) {
		/* the digits between: at most 18, so no overflow */
		size_t i = plen, k = nlen - slen;

		if (k - i <= 18) {
			for (; i < k && nomor[i] >= '0' && nomor[i] <= '9'; i++)
				n = n * 10 + (nomor[i] - '0');
			if (i < k)
				n = 0;
		}
	}
	free(head);
	free(pre);
	free(post);
	return n;
}

char *inv_number(const char *pattern, long n)
{
	ibm_date none = { 0, 0, 0 };

	return inv_number_format(pattern, n, none);
}
