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

#include <stdint.h>
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
#define TCLS 37          /* classes of a key's first and last byte (tcls) */

static struct {
	int loaded;
	size_t n;
	char key[TCAP][TKEY + 1];
	unsigned char len[TCAP];
	unsigned char where[TCAP];
	/* before any look-up: bit l of may[w][first][last] is set when a
	 * title of l bytes written where w says (0 before, 1 after the
	 * name) begins and ends with bytes of those classes; most words of
	 * names are no title and stop here */
	uint32_t may[2][TCLS][TCLS];
} T;

_Static_assert(TKEY < 32, "a title's length is a bit of T.may");

/* a byte's class for T.may: a letter, a digit, or anything else */
static unsigned tcls(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a')
		: c >= '0' && c <= '9' ? 26u + (unsigned)(c - '0') : 36u;
}

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

	while (T.len[i] && (T.len[i] != n || memcmp(T.key[i], k, n) != 0))
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

			if (!T.len[at]) {
				memcpy(T.key[at], k, kl + 1);
				T.len[at] = (unsigned char)kl;
				T.n++;
			}
			T.where[at] |= w;
			T.may[w >> 1][tcls((unsigned char)k[0])]
			     [tcls((unsigned char)k[kl - 1])] |= 1u << kl;
		}
		free(k);
		s += len + (e != NULL);
	}
}

/* The words of a person key (words separated by one space): word i is
 * key[at[i]..end(i)). */
typedef struct kwords {
	const char *key;
	size_t len, n;
	const size_t *at;
} kwords;

static size_t word_end(const kwords *k, size_t i)
{
	return i + 1 < k->n ? k->at[i + 1] - 1 : k->len;
}

/* Do the words [a..b) spell a title written where `where` says? */
static int words_title(const kwords *k, size_t a, size_t b,
		       unsigned char where)
{
	char buf[TKEY + 1];
	size_t n = 0, last = word_end(k, b - 1);

	for (size_t i = a; i < b; i++)
		n += word_end(k, i) - k->at[i];
	if (n > TKEY ||
	    !(T.may[where >> 1][tcls((unsigned char)k->key[k->at[a]])]
		   [tcls((unsigned char)k->key[last - 1])] >> n & 1))
		return 0;
	n = 0;
	for (size_t i = a; i < b; i++) {
		size_t l = word_end(k, i) - k->at[i];

		memcpy(buf + n, k->key + k->at[i], l);
		n += l;
	}
	{
		size_t at = tslot(buf, n);

		return T.len[at] && (T.where[at] & where);
	}
}

/*
 * The words of a person key (ibm_person_key: words separated by one
 * space) of len bytes that are its name: [*first, *last) of its *nw
 * words, the titles before and after left out; *a and *b their byte
 * offsets (the start of word *first, the end of word *last - 1). 0 when
 * there are no words.
 */
static int key_name_words(const char *key, size_t len, size_t *first,
			  size_t *last, size_t *nw, size_t *a, size_t *b)
{
	size_t stack[64], *w = stack, n = 0, cap = 64, i, j;
	kwords k;

	if (!T.loaded)
		load();
	for (size_t p = 0; p < len; p++)
		if (p == 0 || key[p - 1] == ' ') {
			if (n == cap) {
				size_t *nw2 = ibm_xmalloc(2 * cap * sizeof *nw2);

				memcpy(nw2, w, n * sizeof *w);
				if (w != stack)
					free(w);
				w = nw2;
				cap *= 2;
			}
			w[n++] = p;
		}
	k.key = key;
	k.len = len;
	k.n = n;
	k.at = w;
	*nw = n;
	i = 0;
	j = n;
	/* titles before: longest first, a word of the name left */
	while (j - i > 1) {
		size_t m;

		for (m = j - i - 1 < TWORDS ? j - i - 1 : TWORDS; m > 0; m--)
			if (words_title(&k, i, i + m, T_BEFORE))
				break;
		if (!m)
			break;
		i += m;
	}
	while (j - i > 1) {
		size_t m;

		for (m = j - i - 1 < TWORDS ? j - i - 1 : TWORDS; m > 0; m--)
			if (words_title(&k, j - m, j, T_AFTER))
				break;
		if (!m)
			break;
		j -= m;
	}
	*first = i;
	*last = j;
	*a = n ? w[i] : 0;
	*b = n ? word_end(&k, j - 1) : 0;
	if (w != stack)
		free(w);
	return n > 0;
}

size_t ibm_person_bare_key_to(const char *s, size_t len, char *out)
{
	size_t n = ibm_person_key_to(s, len, out);
	size_t first, last, nw, a, b;

	if (!key_name_words(out, n, &first, &last, &nw, &a, &b) ||
	    (first == 0 && last == nw))
		return n;
	memmove(out, out + a, b - a);
	out[b - a] = '\0';
	return b - a;
}

char *ibm_person_bare_key(const char *s)
{
	size_t len = strlen(s);
	char *k = ibm_xmalloc(2 * len + 1);

	ibm_person_bare_key_to(s, len, k);
	return k;
}

char *ibm_name_proper_case(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0, word = 0, first, last, nw, a, b;
	char *out = ibm_xmalloc(2 * n + 1), *key = ibm_person_key(s);

	if (!key_name_words(key, strlen(key), &first, &last, &nw, &a, &b))
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
