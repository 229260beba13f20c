/*
 * titles.c - people's names without their academic degrees and titles
 * ("Hj. Rina Marlina, S.Kep., M.Kes." is Rina Marlina): the table of
 * titles (lib/core/titles.txt, compiled in), the key names are compared
 * by, and proper case that leaves the degrees as written.
 *
 * A title is recognised on the words of ibm_person_key (so "S.Kep.",
 * "SKep" and "S. KEP" are one title "skep"): at the start of a name, one
 * to four words that together spell a title written before names; at
 * the end, the same with the titles written after names; repeatedly, and
 * never the name's last word. A look-up is one probe of a small hash
 * table: names cost a few probes at each end.
 */
#include "ibmkit.h"

#include <stdlib.h>
#include <string.h>

static const unsigned char titles_txt[] = {
#include "titles.inc"
	0
};

enum { T_BEFORE = 1, T_AFTER = 2 };
#define TKEY 24          /* the longest title key (letters and digits) */
#define TCAP 1024        /* slots: at least twice the titles */
#define TWORDS 4         /* the most words one title spans */

static struct {
	int loaded;
	size_t n;
	char key[TCAP][TKEY + 1];
	unsigned char where[TCAP];
} T;

static size_t thash(const char *s, size_t n)
{
	unsigned long long h = 1469598103934665603ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return (size_t)(h ^ h >> 29) & (TCAP - 1);
}

/* The slot of key k[0..n): its own, or the empty one where it goes. */
static size_t tslot(const char *k, size_t n)
{
	size_t i = thash(k, n);

	while (T.key[i][0] && (strlen(T.key[i]) != n ||
			       memcmp(T.key[i], k, n) != 0))
		i = (i + 1) & (TCAP - 1);
	return i;
}

/* Read the table once: "TITLE<TAB>before|after" lines. */
static void load(void)
{
	const char *s = (const char *)titles_txt;

	T.loaded = 1;
	while (*s) {
		const char *e = strchr(s, '\n'), *tab;
		size_t len = e ? (size_t)(e - s) : strlen(s);
		char line[128], *k, *o;
		unsigned char w;
		size_t kl, i;

		if (len >= sizeof line || *s == '#' || !(tab = memchr(s, '\t',
								       len))) {
			s += len + (e != NULL);
			continue;
		}
		memcpy(line, s, len);
		line[len] = '\0';
		line[tab - s] = '\0';
		w = strstr(line + (tab - s) + 1, "before") ? T_BEFORE : T_AFTER;
		k = ibm_person_key(line);
		for (o = k, i = 0; k[i]; i++)
			if (k[i] != ' ')
				*o++ = k[i];
		*o = '\0';
		kl = strlen(k);
		if (kl > 0 && kl <= TKEY && T.n * 2 < TCAP) {
			size_t at = tslot(k, kl);

			if (!T.key[at][0]) {
				memcpy(T.key[at], k, kl + 1);
				T.n++;
			}
			T.where[at] |= w;
		}
		free(k);
		s += len + (e != NULL);
	}
}

/* Is k[0..n) a title written where w says? */
static int is_title(const char *k, size_t n, unsigned char w)
{
	size_t at;

	if (n == 0 || n > TKEY)
		return 0;
	at = tslot(k, n);
	return T.key[at][0] && (T.where[at] & w);
}

/* Do the words w[a..b) (offsets into key, each ending at a space or the
 * end) spell a title written where `where` says? */
static int words_title(const char *key, const size_t *w, size_t a, size_t b,
		       unsigned char where)
{
	char buf[TKEY + 1];
	size_t n = 0;

	for (size_t i = a; i < b; i++) {
		const char *p = key + w[i];
		size_t l = strcspn(p, " ");

		if (n + l > TKEY)
			return 0;
		memcpy(buf + n, p, l);
		n += l;
	}
	return is_title(buf, n, where);
}

/*
 * The words of a person key (ibm_person_key: words separated by one
 * space) that are its name: [*first, *last) of its *nw words, the titles
 * before and after left out. 0 when there are no words.
 */
static int key_name_words(const char *key, size_t *first, size_t *last,
			  size_t *nw)
{
	size_t stack[64], *w = stack, n = 0, cap = 64, i, j;

	if (!T.loaded)
		load();
	for (const char *p = key; *p; p++)
		if (p == key || p[-1] == ' ') {
			if (n == cap) {
				size_t *nw2 = ibm_xmalloc(2 * cap * sizeof *nw2);

				memcpy(nw2, w, n * sizeof *w);
				if (w != stack)
					free(w);
				w = nw2;
				cap *= 2;
			}
			w[n++] = (size_t)(p - key);
		}
	*nw = n;
	i = 0;
	j = n;
	/* titles before: longest first, a word of the name left */
	while (j - i > 1) {
		size_t k;

		for (k = j - i - 1 < TWORDS ? j - i - 1 : TWORDS; k > 0; k--)
			if (words_title(key, w, i, i + k, T_BEFORE))
				break;
		if (!k)
			break;
		i += k;
	}
	while (j - i > 1) {
		size_t k;

		for (k = j - i - 1 < TWORDS ? j - i - 1 : TWORDS; k > 0; k--)
			if (words_title(key, w, j - k, j, T_AFTER))
				break;
		if (!k)
			break;
		j -= k;
	}
	*first = i;
	*last = j;
	if (w != stack)
		free(w);
	return n > 0;
}

char *ibm_person_bare_key(const char *s)
{
	char *k = ibm_person_key(s);
	size_t first, last, n, a = 0, b = 0, word = 0;

	if (!key_name_words(k, &first, &last, &n) || (first == 0 && last == n))
		return k;
	/* byte offsets of word `first` and of the end of word last - 1 */
	for (size_t i = 0; k[i]; i++) {
		if (i == 0 || k[i - 1] == ' ') {
			if (word == first)
				a = i;
			word++;
		}
		if (word == last && (k[i + 1] == ' ' || !k[i + 1])) {
			b = i + 1;
			break;
		}
	}
	memmove(k, k + a, b - a);
	k[b - a] = '\0';
	return k;
}

char *ibm_name_proper_case(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0, word = 0, first, last, nw;
	char *out = ibm_xmalloc(2 * n + 1), *key = ibm_person_key(s);

	if (!key_name_words(key, &first, &last, &nw))
		last = (size_t)-1;
	free(key);
	/* word by word (runs without a space): its key's words are counted
	 * to know whether it is one of the titles, kept as written */
	while (i < n) {
		size_t j = i, kw = 0;
		int lower = 0, upper = 0;
		char *w, *wk;

		while (j < n && s[j] != ' ')
			j++;
		w = ibm_xmalloc(j - i + 1);
		memcpy(w, s + i, j - i);
		w[j - i] = '\0';
		wk = ibm_person_key(w);
		for (const char *p = wk; *p; p++)
			kw += p == wk || p[-1] == ' ';
		free(wk);
		for (size_t k = i; k < j; k++) {
			lower += s[k] >= 'a' && s[k] <= 'z';
			upper += s[k] >= 'A' && s[k] <= 'Z';
		}
		/* in capitals (two or more, none small), not a degree after
		 * the name (titles before it, "HJ.", are proper-cased) */
		if (!lower && upper >= 2 && !(kw && word >= last)) {
			char *t = ibm_title_case(w);

			memcpy(out + o, t, strlen(t));
			o += strlen(t);
			free(t);
		} else {
			memcpy(out + o, w, j - i);
			o += j - i;
		}
		free(w);
		word += kw;
		while (j < n && s[j] == ' ')
			out[o++] = s[j++];
		i = j;
	}
	out[o] = '\0';
	return out;
}
