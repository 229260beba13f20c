/* text.c - UTF-8, Windows-1252, trimming, case folding, name keys. */
#include "ibmkit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int ibm_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	const unsigned char *e = s + len;

	while (s < e) {
		unsigned c;

		/* ASCII fast path, eight bytes at a time */
		while (e - s >= 8) {
			uint64_t w;

			memcpy(&w, s, 8);
			if (w & 0x8080808080808080ULL)
				break;
			s += 8;
		}
		if (s >= e)
			break;
		c = *s;
		if (c < 0x80) {
			s++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			if (e - s < 2 || (s[1] & 0xC0) != 0x80)
				return 0;
			s += 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			if (e - s < 3 || (s[1] & 0xC0) != 0x80 ||
			    (s[2] & 0xC0) != 0x80)
				return 0;
			if (c == 0xE0 && s[1] < 0xA0)
				return 0; /* overlong */
			if (c == 0xED && s[1] >= 0xA0)
				return 0; /* surrogate */
			s += 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			if (e - s < 4 || (s[1] & 0xC0) != 0x80 ||
			    (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
				return 0;
			if (c == 0xF0 && s[1] < 0x90)
				return 0;
			if (c == 0xF4 && s[1] >= 0x90)
				return 0;
			s += 4;
		} else {
			return 0;
		}
	}
	return 1;
}

long ibm_utf8_next(const char **sp, const char *end)
{
	const unsigned char *s = (const unsigned char *)*sp;
	size_t avail = (size_t)((const unsigned char *)end - s);
	size_t n;
	long cp;

	if (avail == 0)
		return -1;
	if (s[0] < 0x80) {
		(*sp)++;
		return s[0];
	}
	n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
	if (n > avail || !ibm_utf8_valid(*sp, n)) {
		(*sp)++;
		return -1;
	}
	if (n == 2)
		cp = ((long)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	else if (n == 3)
		cp = ((long)(s[0] & 0x0F) << 12) | ((long)(s[1] & 0x3F) << 6) |
		     (s[2] & 0x3F);
	else
		cp = ((long)(s[0] & 0x07) << 18) | ((long)(s[1] & 0x3F) << 12) |
		     ((long)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	*sp += n;
	return cp;
}

int ibm_utf8_put(char *b, long cp)
{
	if (cp < 0x80) {
		b[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (char)(0xF0 | (cp >> 18));
	b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t ibm_utf8_floor(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

size_t ibm_utf8_count(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

size_t ibm_utf8_len(const char *s)
{
	const char *e = s + strlen(s);
	size_t n = 0;

	while (s < e) {
		ibm_utf8_next(&s, e);
		n++;
	}
	return n;
}

/* Windows-1252 0x80..0x9F; the undefined five map to U+FFFD. */
static const unsigned short cp1252_hi[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178
};

char *ibm_cp1252_to_utf8(const char *s, size_t len, size_t *outlen)
{
	char *out = ibm_xmalloc(len * 3 + 1);
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		long cp = c < 0x80 ? c : c < 0xA0 ? cp1252_hi[c - 0x80] : c;

		o += (size_t)ibm_utf8_put(out + o, cp);
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}

char *ibm_utf8_to_cp1252(const char *s, size_t len, size_t *outlen,
			 size_t *lost)
{
	const char *e = s + len;
	char *out = ibm_xmalloc(len + 1);
	size_t o = 0;

	*lost = 0;
	while (s < e) {
		long cp = ibm_utf8_next(&s, e);
		int c = -1;

		if (cp >= 0 && (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)))
			c = (int)cp;
		for (int k = 0; k < 32 && c < 0 && cp >= 0; k++)
			if (cp1252_hi[k] == cp && cp != 0xFFFD)
				c = 0x80 + k;
		if (c < 0) {
			c = '?';
			(*lost)++;
		}
		out[o++] = (char)c;
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

static int is_space_at(const char *s, size_t *n)
{
	unsigned char c = (unsigned char)s[0];

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v') {
		*n = 1;
		return 1;
	}
	if (c == 0xC2 && (unsigned char)s[1] == 0xA0) { /* NBSP */
		*n = 2;
		return 1;
	}
	return 0;
}

char *ibm_trim(char *s)
{
	size_t n, len, start = 0;

	while (s[start] && is_space_at(s + start, &n))
		start += n;
	len = strlen(s + start);
	memmove(s, s + start, len + 1);
	while (len > 0) {
		unsigned char c = (unsigned char)s[len - 1];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v')
			len--;
		else if (len >= 2 && c == 0xA0 &&
			 (unsigned char)s[len - 2] == 0xC2)
			len -= 2;
		else
			break;
	}
	s[len] = '\0';
	return s;
}

char *ibm_fold_space(char *s)
{
	char *r = s, *w = s;
	int space = 0;
	size_t n;
	const unsigned char *u = (const unsigned char *)s;

	/* most text has nothing to fold: single spaces between words, no
	 * other white space (the check is stricter than what it skips) */
	if (u[0] != ' ') {
		for (; *u; u++)
			if (*u < 0x20 || *u == 0xC2 ||
			    (*u == ' ' && (u[1] == ' ' || u[1] == '\0')))
				break;
		if (!*u)
			return s;
	}
	ibm_trim(s);
	while (*r) {
		if (is_space_at(r, &n)) {
			r += n;
			space = 1;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = *r++;
	}
	*w = '\0';
	return s;
}

void ibm_strlist_split(ibm_strlist *l, const char *s, int fold)
{
	size_t cap = 0;

	l->v = NULL;
	l->n = 0;
	while (s && *s) {
		const char *bar = strchr(s, '|');
		size_t len = bar ? (size_t)(bar - s) : strlen(s);
		char *v = ibm_xstrndup(s, len);

		if (fold)
			ibm_fold_space(v);
		else
			ibm_trim(v);
		if (*v) {
			ibm_grow((void **)&l->v, &cap, l->n + 1, sizeof *l->v);
			l->v[l->n++] = v;
		} else {
			free(v);
		}
		s = bar ? bar + 1 : NULL;
	}
}

void ibm_strlist_free(ibm_strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Lower case of ASCII and Latin-1 letters. */
static long fold_cp(long cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	return cp;
}

int ibm_casecmp(const char *a, const char *b)
{
	const char *ae = a + strlen(a), *be = b + strlen(b);

	while (a < ae && b < be) {
		const char *a0 = a, *b0 = b;
		long ca = ibm_utf8_next(&a, ae), cb = ibm_utf8_next(&b, be);

		if (ca < 0)
			ca = 0x110000 + (unsigned char)*a0;
		if (cb < 0)
			cb = 0x110000 + (unsigned char)*b0;
		ca = fold_cp(ca);
		cb = fold_cp(cb);
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return (a < ae) - (b < be);
}

char *ibm_lower(const char *s)
{
	const char *e = s + strlen(s);
	char *out = ibm_xmalloc(strlen(s) + 1);
	size_t o = 0;

	while (s < e) {
		const char *s0 = s;
		long cp = ibm_utf8_next(&s, e);

		if (cp < 0) {
			out[o++] = *s0;
			continue;
		}
		o += (size_t)ibm_utf8_put(out + o, fold_cp(cp));
	}
	out[o] = '\0';
	return out;
}

/* Latin-1 letters U+00C0..U+00FF without their accents, lower case. */
static const char *const deaccent[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
	"o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
	"o", "u", "u", "u", "u", "y", "th", "y"
};

/* Latin Extended-A U+0100..U+017F without their accents, lower case
 * (made from Unicode's decompositions; Ł, Đ, Œ and the like by hand). */
static const char *const deaccent_ext[128] = {
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c",
	"c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e",
	"e", "e", "e", "e", "g", "g", "g", "g", "g", "g", "g", "g",
	"h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l",
	"l", "l", "l", "l", "l", "l", "l", "n", "n", "n", "n", "n",
	"n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe",
	"r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u",
	"u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y",
	"y", "z", "z", "z", "z", "z", "z", "s"
};

/* Appends the key form of cp: letters/digits lower case without accents;
 * returns 0 for characters that are not letters or digits. Characters
 * beyond Latin-1 are kept as they are. */
static size_t key_char(char *out, long cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp >= 'A' && cp <= 'Z') {
		out[0] = (char)(cp + 32);
		return 1;
	}
	if (cp >= 0xC0 && cp <= 0xFF && deaccent[cp - 0xC0]) {
		const char *d = deaccent[cp - 0xC0];

		memcpy(out, d, strlen(d));
		return strlen(d);
	}
	if (cp >= 0x100 && cp <= 0x17F) {
		const char *d = deaccent_ext[cp - 0x100];

		memcpy(out, d, strlen(d));
		return strlen(d);
	}
	/* General Punctuation (typographic quotes such as the U+2019 that
	 * phones type in "Ma'ruf", dashes, special spaces), ideographic
	 * space, BOM: not letters */
	if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF)
		return 0;
	if (cp > 0x24F)
		return (size_t)ibm_utf8_put(out, cp);
	return 0;
}

char *ibm_name_key(const char *s)
{
	const char *e = s + strlen(s);
	char *out = ibm_xmalloc(strlen(s) * 2 + 1);
	size_t o = 0;

	while (s < e) {
		long cp = ibm_utf8_next(&s, e);

		if (cp >= 0)
			o += key_char(out + o, cp);
	}
	out[o] = '\0';
	return out;
}

/* ibm_person_key's classes of ASCII characters: 0 vanishes, 1 separates
 * words, else the character in the key */
static const unsigned char person_ascii[128] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1, ['-'] = 1, ['_'] = 1,
	['.'] = 1, [','] = 1,
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e',
	['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j',
	['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o',
	['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
	['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
	['Z'] = 'z',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e',
	['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j',
	['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o',
	['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
	['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
	['z'] = 'z'
};

char *ibm_person_key(const char *s)
{
	size_t len = strlen(s);
	char *out = ibm_xmalloc(len * 2 + 1);

	ibm_person_key_to(s, len, out);
	return out;
}

size_t ibm_person_key_to(const char *s, size_t len, char *out)
{
	const char *e = s + len;
	size_t o = 0;
	int space = 0;

	while (s < e) {
		long cp;
		size_t k;

		if (!((unsigned char)*s & 0x80)) {
			/* ASCII, the same as the long way below */
			unsigned char c = person_ascii[(unsigned char)*s++];

			if (c == 1) {
				space = 1;
			} else if (c) {
				if (space && o)
					out[o++] = ' ';
				out[o++] = (char)c;
				space = 0;
			}
			continue;
		}
		cp = ibm_utf8_next(&s, e);
		if (cp < 0)
			continue;
		if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '\n' ||
		    cp == '\r' || cp == '-' || cp == '_' || cp == '.' ||
		    cp == ',' || (cp >= 0x2000 && cp <= 0x200A) ||
		    (cp >= 0x2010 && cp <= 0x2015) || cp == 0x202F ||
		    cp == 0x205F || cp == 0x3000) {
			/* including Unicode spaces and dashes */
			space = 1;
			continue;
		}
		k = key_char(out + o + (space && o ? 1 : 0), cp);
		if (k == 0)
			continue; /* apostrophes and other marks vanish */
		if (space && o) {
			out[o] = ' ';
			o++;
		}
		o += k;
		space = 0;
	}
	out[o] = '\0';
	return o;
}

/* The code points of a string, malloc'd; *n set. */
static long *code_points(const char *s, size_t *n)
{
	const char *e = s + strlen(s);
	long *c = ibm_xmalloc((strlen(s) + 1) * sizeof *c);

	*n = 0;
	while (s < e)
		c[(*n)++] = ibm_utf8_next(&s, e);
	return c;
}

size_t ibm_edit_distance(const char *a, const char *b)
{
	size_t na, nb, r;
	long *ca = code_points(a, &na), *cb = code_points(b, &nb);

	/* no distance exceeds the longer length: with it as the bound,
	 * the result is the distance itself */
	r = ibm_edit_distance_max(ca, na, cb, nb, na > nb ? na : nb);
	free(ca);
	free(cb);
	return r;
}

size_t ibm_edit_distance_max(const long *a, size_t na, const long *b,
			     size_t nb, size_t max)
{
	/* rows of the table restricted to the diagonal band |i - j| <= max:
	 * cell j of row i is at index j - i + max */
	size_t band[2][2 * 15 + 3], *prev = band[0], *cur = band[1];
	size_t w, inf = max + 1;

	if ((na > nb ? na - nb : nb - na) > max)
		return inf;
	if (max > 15) {
		size_t *row = ibm_xmalloc((nb + 1) * sizeof *row), r;

		for (size_t j = 0; j <= nb; j++)
			row[j] = j;
		for (size_t i = 1; i <= na; i++) {
			size_t diag = row[0];

			row[0] = i;
			for (size_t j = 1; j <= nb; j++) {
				size_t up = row[j];
				size_t best = diag + (a[i - 1] != b[j - 1]);

				if (up + 1 < best)
					best = up + 1;
				if (row[j - 1] + 1 < best)
					best = row[j - 1] + 1;
				row[j] = best;
				diag = up;
			}
		}
		r = row[nb];
		free(row);
		return r < inf ? r : inf;
	}
	w = 2 * max + 1;
	/* row 0: D[0][j] = j for j <= max */
	for (size_t k = 0; k < w + 2; k++) {
		size_t j = k; /* j - 0 + max = k  ->  j = k - max */

		prev[k] = k >= max && j - max <= nb ? j - max : inf;
	}
	for (size_t i = 1; i <= na; i++) {
		size_t lo = i > max ? i - max : 0, hi = i + max, rowmin = inf;
		size_t *t;

		if (hi > nb)
			hi = nb;
		for (size_t k = 0; k < w + 2; k++)
			cur[k] = inf;
		for (size_t j = lo; j <= hi; j++) {
			size_t k = j + max - i, best;

			/* D[i-1][j-1] is prev[k], D[i-1][j] prev[k + 1],
			 * D[i][j-1] cur[k - 1] */
			if (j == 0) {
				best = i;
			} else {
				best = prev[k] + (a[i - 1] != b[j - 1]);
				if (prev[k + 1] + 1 < best)
					best = prev[k + 1] + 1;
				if (k > 0 && cur[k - 1] + 1 < best)
					best = cur[k - 1] + 1;
			}
			if (best > inf)
				best = inf;
			cur[k] = best;
			if (best < rowmin)
				rowmin = best;
		}
		if (rowmin > max)
			return inf;
		t = prev;
		prev = cur;
		cur = t;
	}
	return prev[nb + max - na];
}

char *ibm_title_case(const char *s)
{
	const char *e = s + strlen(s);
	char *out = ibm_xmalloc(strlen(s) + 1);
	size_t o = 0;
	int start = 1;

	while (s < e) {
		const char *s0 = s;
		long cp = ibm_utf8_next(&s, e);

		if (cp < 0) {
			out[o++] = *s0;
			start = 0;
			continue;
		}
		if (start) {
			if (cp >= 'a' && cp <= 'z')
				cp -= 32;
			else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
				cp -= 32;
		} else {
			cp = fold_cp(cp);
		}
		/* a letter after a space, '-', '.' or '(' starts a word; after
		 * an apostrophe it does not (Ma'ruf) */
		start = cp == ' ' || cp == '-' || cp == '.' || cp == '(' ||
			cp == '/';
		o += (size_t)ibm_utf8_put(out + o, cp);
	}
	out[o] = '\0';
	return out;
}

/* Natural order: runs of ASCII digits compare as numbers ("Desa 2" <
 * "Desa 10", "007" = "7" with the shorter spelling first), other text as
 * ibm_casecmp does; equal keys fall back to plain byte order so that the
 * order is total. */
int ibm_natcmp(const char *a, const char *b)
{
	const char *a0 = a, *b0 = b;
	const char *ae = a + strlen(a), *be = b + strlen(b);
	int tie = 0;

	while (a < ae && b < be) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			const char *da, *db;
			size_t la, lb, za = 0, zb = 0;

			while (*a == '0' && a[1] >= '0' && a[1] <= '9')
				a++, za++;
			while (*b == '0' && b[1] >= '0' && b[1] <= '9')
				b++, zb++;
			if (!tie && za != zb)
				tie = za > zb ? -1 : 1;
			for (da = a; da < ae && *da >= '0' && *da <= '9'; da++)
				;
			for (db = b; db < be && *db >= '0' && *db <= '9'; db++)
				;
			la = (size_t)(da - a);
			lb = (size_t)(db - b);
			if (la != lb)
				return la < lb ? -1 : 1;
			for (size_t i = 0; i < la; i++)
				if (a[i] != b[i])
					return a[i] < b[i] ? -1 : 1;
			a = da;
			b = db;
			continue;
		}
		{
			const char *pa = a, *pb = b;
			long ca = ibm_utf8_next(&a, ae), cb = ibm_utf8_next(&b, be);

			if (ca < 0)
				ca = 0x110000 + (unsigned char)*pa;
			if (cb < 0)
				cb = 0x110000 + (unsigned char)*pb;
			ca = fold_cp(ca);
			cb = fold_cp(cb);
			if (ca != cb)
				return ca < cb ? -1 : 1;
		}
	}
	if ((a < ae) != (b < be))
		return (a < ae) - (b < be);
	if (tie)
		return -tie;
	return strcmp(a0, b0) < 0 ? -1 : strcmp(a0, b0) > 0;
}

/* ---------------------------------------------------- text for markup */

/* Can cp stand in an XML 1.0 document? (Surrogates never come out of
 * ibm_utf8_next.) */
static int xml_char(long cp)
{
	return cp >= 0x20 ? cp != 0xFFFE && cp != 0xFFFF :
			    cp == '\t' || cp == '\n' || cp == '\r';
}

/* The length of the longest prefix of s[0..len) an XML document can hold
 * as it is. */
static size_t xml_ok_prefix(const char *s, size_t len)
{
	const char *p = s, *e = s + len;

	while (p < e) {
		unsigned char c = (unsigned char)*p;
		const char *q = p;

		if (c >= 0x20 && c < 0x80) {
			p++;
			continue;
		}
		if (!xml_char(ibm_utf8_next(&q, e)))
			break;
		p = q;
	}
	return (size_t)(p - s);
}

int ibm_xml_ok(const char *s, size_t len)
{
	return xml_ok_prefix(s, len) == len;
}

void ibm_xml_text(const char *s, size_t len, int escape,
		  void (*put)(void *data, const char *p, size_t n), void *data)
{
	const char *e = s + len;

	while (s < e) {
		size_t ok = xml_ok_prefix(s, (size_t)(e - s)), run = 0;

		/* the good prefix, its markup characters escaped */
		for (size_t i = 0; i < ok; i++) {
			const char *ent;

			switch (escape ? s[i] : 0) {
			case '&': ent = "&amp;"; break;
			case '<': ent = "&lt;"; break;
			case '>': ent = "&gt;"; break;
			case '"': ent = "&quot;"; break;
			case '\'': ent = "&#39;"; break;
			default: continue;
			}
			if (i > run)
				put(data, s + run, i - run);
			put(data, ent, strlen(ent));
			run = i + 1;
		}
		if (ok > run)
			put(data, s + run, ok - run);
		s += ok;
		if (s < e) { /* a character XML forbids, or a stray byte */
			ibm_utf8_next(&s, e);
			put(data, "\xEF\xBF\xBD", 3);
		}
	}
}

typedef struct xbuf {
	char *s;
	size_t n, cap;
} xbuf;

static void put_buf(void *data, const char *p, size_t n)
{
	xbuf *b = data;

	ibm_grow((void **)&b->s, &b->cap, b->n + n + 1, 1);
	memcpy(b->s + b->n, p, n);
	b->n += n;
	b->s[b->n] = '\0';
}

char *ibm_xml_fix(const char *s)
{
	xbuf b = { 0 };
	size_t len = strlen(s);

	if (ibm_xml_ok(s, len))
		return NULL;
	ibm_xml_text(s, len, 0, put_buf, &b);
	return b.s;
}
