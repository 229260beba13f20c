/*
 * match.c - what a header asks and what an answer says: the words of a
 * header against the spec's words, Google Forms grid columns ("Question
 * [Row]"), and answers as numbers or as the spec's answer words.
 */
#include "survey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Code points that separate words: ASCII other than letters and digits,
 * no-break space, the Latin-1 punctuation, general punctuation. */
static int is_sep(long cp)
{
	if (cp < 0x80)
		return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
			 (cp >= '0' && cp <= '9'));
	return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	       (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 ||
	       cp == 0xFEFF;
}

char *sv_words(const char *s)
{
	size_t n = strlen(s), len = 0;
	const char *p = s, *end = s + n, *tok = NULL;
	char *out = ibm_xmalloc(n + 2);

	for (;;) {
		const char *at = p;
		long cp = p < end ? ibm_utf8_next(&p, end) : -2;

		if (cp == -1) {
			/* a byte that is not UTF-8: part of a word */
			if (!tok)
				tok = at;
			continue;
		}
		if (cp != -2 && !is_sep(cp)) {
			if (!tok)
				tok = at;
			continue;
		}
		if (tok) {
			char *w = ibm_xstrndup(tok, (size_t)(at - tok));
			char *k = ibm_name_key(w);
			size_t kl = strlen(k);

			/* the key of a word is never longer than it */
			if (kl) {
				if (len)
					out[len++] = ' ';
				memcpy(out + len, k, kl);
				len += kl;
			}
			free(w);
			free(k);
			tok = NULL;
		}
		if (cp == -2)
			break;
	}
	out[len] = '\0';
	return out;
}

/* The words of a normalised string: pointers and lengths. */
typedef struct wordv {
	const char **w;
	size_t *len;
	size_t n;
} wordv;

static void split(wordv *v, const char *s)
{
	size_t cap = 1;

	for (const char *p = s; *p; p++)
		cap += *p == ' ';
	v->w = ibm_xmalloc(cap * sizeof *v->w);
	v->len = ibm_xmalloc(cap * sizeof *v->len);
	v->n = 0;
	while (*s) {
		const char *e = strchr(s, ' ');
		size_t l = e ? (size_t)(e - s) : strlen(s);

		if (l) {
			v->w[v->n] = s;
			v->len[v->n++] = l;
		}
		s += l;
		if (*s)
			s++;
	}
}

static void wordv_free(wordv *v)
{
	free(v->w);
	free(v->len);
}

/* Header word h (hl bytes) is alias word a: the same, or a of four
 * letters or more with a clitic (-nya, -mu, -ku) after it. */
static int word_is(const char *h, size_t hl, const char *a, size_t al)
{
	static const char *const clitic[] = { "nya", "mu", "ku" };

	if (hl == al)
		return memcmp(h, a, al) == 0;
	if (al < 4 || hl < al || memcmp(h, a, al) != 0)
		return 0;
	for (size_t i = 0; i < 3; i++)
		if (hl - al == strlen(clitic[i]) &&
		    memcmp(h + al, clitic[i], hl - al) == 0)
			return 1;
	return 0;
}

/* Where the words of a stand one after the other in h: the index of the
 * first, or -1. */
static long find_phrase(const wordv *h, const wordv *a)
{
	if (!a->n || a->n > h->n)
		return -1;
	for (size_t i = 0; i + a->n <= h->n; i++) {
		size_t j;

		for (j = 0; j < a->n; j++)
			if (!word_is(h->w[i + j], h->len[i + j], a->w[j],
				     a->len[j]))
				break;
		if (j == a->n)
			return (long)i;
	}
	return -1;
}

size_t sv_phrase_score(const char *h, const char *a)
{
	wordv hv, av;
	long at;

	split(&hv, h);
	split(&av, a);
	at = find_phrase(&hv, &av);
	wordv_free(&hv);
	wordv_free(&av);
	return at < 0 ? 0 : av.n;
}

long sv_match(const sv_spec *s, const char *h, unsigned mask, long *other)
{
	wordv hv;
	size_t first = 0, best = 0;
	long which = -1;

	*other = -1;
	split(&hv, h);
	/* numbering in front ("10. Saran") is not where a question begins */
	while (first < hv.n && hv.w[first][0] >= '0' && hv.w[first][0] <= '9')
		first++;
	for (size_t i = 0; i < s->nitem; i++) {
		const sv_item *it = &s->item[i];
		size_t score = 0;

		if (!(mask & 1u << it->part))
			continue;
		for (size_t a = 0; a < it->nalias; a++) {
			wordv av;
			long at;
			size_t sc;

			split(&av, it->alias[a]);
			at = find_phrase(&hv, &av);
			sc = at < 0 ? 0 : av.n;
			/* an open question begins with its word */
			if (sc && it->part == SV_KOMENTAR &&
			    (size_t)at == first)
				sc += 1000;
			if (sc > score)
				score = sc;
			wordv_free(&av);
		}
		if (score > best) {
			best = score;
			which = (long)i;
			*other = -1;
		} else if (score && score == best && *other < 0) {
			*other = (long)i;
		}
	}
	wordv_free(&hv);
	return which;
}

int sv_grid_split(const char *header, char **q, char **row)
{
	char *h = ibm_xstrdup(header);
	char *open;
	size_t n;

	ibm_trim(h);
	n = strlen(h);
	if (n < 4 || h[n - 1] != ']' || !(open = strrchr(h, '['))) {
		free(h);
		return 0;
	}
	h[n - 1] = '\0';
	*open = '\0';
	ibm_fold_space(h);
	ibm_fold_space(open + 1);
	if (!*h || !open[1]) {
		free(h);
		return 0;
	}
	*q = ibm_xstrdup(h);
	*row = ibm_xstrdup(open + 1);
	free(h);
	return 1;
}

/* The value of answer words w (normalised), 0 if none. */
static int word_value(const sv_spec *s, const char *w)
{
	for (size_t i = 0; i < s->nword; i++)
		if (!strcmp(s->word[i].key, w))
			return s->word[i].value;
	return 0;
}

/* A whole number 1..SV_SCALE_MAX, else 0. */
static int scale_number(const char *t)
{
	double x;

	if (ibm_parse_number(t, &x, 0) != 0 || x != floor(x) || x < 1 ||
	    x > SV_SCALE_MAX)
		return 0;
	return (int)x;
}

int sv_answer(const sv_spec *s, const char *text, int *v)
{
	char *w = sv_words(text);
	size_t n = strlen(w);
	double x;
	int r = -1;

	*v = 0;
	if (!n) {
		/* blank, or "-": not answered */
		free(w);
		return 0;
	}
	if (ibm_parse_number(text, &x, 0) == 0) {
		*v = scale_number(text);
		free(w);
		return *v ? 1 : -1;
	}
	if ((*v = word_value(s, w)) != 0) {
		r = 1;
	} else if (n > 2 && w[0] >= 'a' && w[0] <= 'd' && w[1] == ' ' &&
		   (*v = word_value(s, w + 2)) != 0) {
		/* "d. Sangat sesuai": the option's letter */
		r = 1;
	} else if (n > 2 && w[0] >= '1' && w[0] <= '0' + SV_SCALE_MAX &&
		   w[1] == ' ') {
		/* "4 - Sangat baik", "1 = Kurang": the number says it */
		*v = w[0] - '0';
		r = 1;
	} else if (n > 2 && w[n - 1] >= '1' &&
		   w[n - 1] <= '0' + SV_SCALE_MAX && w[n - 2] == ' ') {
		/* "Sangat baik (4)" */
		*v = w[n - 1] - '0';
		r = 1;
	}
	free(w);
	return r;
}
