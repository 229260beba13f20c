/*
 * numbers.c - letter numbers: the number patterns of every document type
 * (invitations: nomor; the collective invitation: nomor_kolektif; the
 * Sprin: nomor_sprin; certificates: nomor_sertifikat; the Monev visits'
 * letters, Surat Tugas and SPD: nomor, nomor_tugas, nomor_spd; see
 * ibm-invite(5)).
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

char *inv_number_format(const char *pat, long n, ibm_date date)
{
	char *o = NULL, num[40];
	size_t len = 0, cap = 0;
	int has_n = 0;
	int dated = date.m >= 1 && date.m <= 12;

	add(&o, &len, &cap, "", 0);
	while (*pat) {
		const char *close = *pat == '{' ? strchr(pat, '}') : NULL;
		size_t k = close ? (size_t)(close - pat - 1) : 0;
		const char *in = pat + 1;

		if (close && k == 1 && in[0] == 'n') {
			snprintf(num, sizeof num, "%ld", n);
			has_n = 1;
		} else if (close && k > 2 && in[0] == 'n' && in[1] == ':') {
			char *e;
			long w = strtol(in + 2, &e, 10);

			if (e != close || w < 1 || w > 12 || in[2] == '+' ||
			    in[2] == '-' || in[2] == ' ') {
				free(o);
				return NULL;
			}
			snprintf(num, sizeof num, "%0*ld", (int)w, n);
			has_n = 1;
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
		add(&o, &len, &cap, num, strlen(num));
		pat = close + 1;
	}
	if (!has_n) {
		free(o);
		return NULL;
	}
	return o;
}

char *inv_number(const char *pattern, long n)
{
	ibm_date none = { 0, 0, 0 };

	return inv_number_format(pattern, n, none);
}

char *inv_key_number(const inv_event *e, inv_register *reg,
		     const char *type, const char *key, const char *first_key,
		     long i, const char *kepada, const char *hal)
{
	const char *pat = ibm_event_get(e->kv, key);
	const char *v = ibm_event_get(e->kv, first_key);
	long first = 0;
	char *n;
	int whole;

	if (!pat) /* no pattern: no number */
		return ibm_xstrdup("");
	n = inv_number_format(pat, 1, e->tanggal_surat);
	whole = n == NULL;
	free(n);
	if (v && (ibm_parse_count(v, &first) != 0 || first < 1)) {
		long line;
		const char *src = inv_key_file(e, first_key, &line);

		ibm_die(IBM_EX_DATAERR, src, line, "%s: not a whole number: %s",
			first_key, v);
	}
	if (reg)
		return inv_register_number(reg, type, first ? first_key : key,
					   pat, whole ? pat : NULL,
					   first ? first + i : 0,
					   e->tanggal_surat, kepada, hal);
	if (whole)
		return ibm_xstrdup(pat);
	return inv_number_format(pat, (first ? first : 1) + i,
				 e->tanggal_surat);
}
