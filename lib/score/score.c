/* score.c - answer keys, export layouts, normalisation and scoring for
 * ibm-score (see score.h and ibm-score(1)). */
#include "score.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ------------------------------------------------------------ numbers */

int score_parse_fixed(const char *s, long long *v)
{
	double d;

	if (ibm_parse_number(s, &d, 0) != 0 || !(d >= 0) || d > 1e12)
		return -1;
	*v = llround(d * (double)SCORE_SCALE);
	return 0;
}

int score_parse_xy(const char *s, long long *x, long long *y)
{
	const char *slash = strchr(s, '/');
	char buf[64];
	size_t n;

	if (!slash || strchr(slash + 1, '/'))
		return -1;
	n = (size_t)(slash - s);
	if (n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (score_parse_fixed(buf, x) != 0 ||
	    score_parse_fixed(slash + 1, y) != 0)
		return -1;
	return 0;
}

char *score_fmt_fixed(char *buf, long long num, long long den, int decimals,
		      int dec)
{
	long long p10 = 1, q, r, ip, fp;
	int neg = num < 0, n;

	if (decimals > 15)
		decimals = 15;
	for (int i = 0; i < decimals; i++)
		p10 *= 10;
	if (neg)
		num = -num;
	q = num / den * p10;
	r = num % den;
	/* r * p10 stays small: r < den */
	q += r * p10 / den;
	r = r * p10 % den;
	if (2 * r >= den)
		q++;
	ip = q / p10;
	fp = q % p10;
	{
		char t[24];
		int k = 0;

		n = 0;
		if (neg && q)
			buf[n++] = '-';
		do
			t[k++] = (char)('0' + ip % 10);
		while ((ip /= 10) > 0);
		while (k)
			buf[n++] = t[--k];
		if (fp) {
			char fr[20] = { 0 };
			int m = decimals;

			for (int i = decimals - 1; i >= 0; i--) {
				fr[i] = (char)('0' + fp % 10);
				fp /= 10;
			}
			while (m > 0 && fr[m - 1] == '0')
				m--;
			buf[n++] = (char)dec;
			for (int i = 0; i < m; i++)
				buf[n++] = fr[i];
		}
		buf[n] = '\0';
	}
	return buf;
}

/* ------------------------------------------------------ normalisation */

size_t score_norm(const char *s, size_t len, char *out, int exact)
{
	size_t i = 0, o = 0;
	int space = 0;

	if (exact) {
		memcpy(out, s, len);
		out[len] = '\0';
		return len;
	}
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			space = 1;
			i++;
			continue;
		}
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			space = 1;
			i += 2;
			continue;
		}
		if (space && o)
			out[o++] = ' ';
		space = 0;
		if (c < 0x80) {
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
		} else if (c == 0xC3 && i + 1 < len) {
			unsigned char d = (unsigned char)s[i + 1];

			/* U+00C0..U+00DE except U+00D7: lower case */
			if (d >= 0x80 && d <= 0x9E && d != 0x97)
				d += 0x20;
			out[o++] = (char)c;
			out[o++] = (char)d;
			i += 2;
		} else {
			out[o++] = (char)c;
			i++;
		}
	}
	out[o] = '\0';
	return o;
}

/* Does a checkbox answer hold exactly the elements of alt? Elements are
 * matched longest first and separated by ',' or ';' with optional
 * spaces, in any order. */
static int set_ok(const score_alt *a, const char *s, size_t len)
{
	unsigned char used[64];
	size_t pos = 0, nused = 0;

	if (a->n > sizeof used)
		return 0;
	memset(used, 0, a->n);
	while (pos < len) {
		size_t j, el = 0;

		for (j = 0; j < a->n; j++) {
			el = a->len[j];
			if (!used[j] && el <= len - pos &&
			    memcmp(s + pos, a->el[j], el) == 0) {
				size_t e = pos + el;

				while (e < len && s[e] == ' ')
					e++;
				if (e == len || s[e] == ',' || s[e] == ';')
					break;
			}
		}
		if (j == a->n)
			return 0;
		used[j] = 1;
		nused++;
		pos += el;
		while (pos < len && s[pos] == ' ')
			pos++;
		if (pos < len) {
			pos++; /* the separator */
			while (pos < len && s[pos] == ' ')
				pos++;
			if (pos == len)
				return 0;
		}
	}
	return nused == a->n;
}

/* Is raw, normalised as score_norm does, equal to el? Compares without
 * writing, so that most wrong answers stop at their first letter. */
static int fold_eq(const char *raw, size_t rawlen, const char *el,
		   size_t ellen)
{
	size_t i = 0, j = 0;
	int space = 0;

	while (i < rawlen) {
		unsigned char c = (unsigned char)raw[i];

		if (c == ' ' || (c >= '\t' && c <= '\r')) {
			space = 1;
			i++;
			continue;
		}
		if (c == 0xC2 && i + 1 < rawlen &&
		    (unsigned char)raw[i + 1] == 0xA0) {
			space = 1;
			i += 2;
			continue;
		}
		if (space && j) {
			if (j >= ellen || el[j] != ' ')
				return 0;
			j++;
		}
		space = 0;
		if (j >= ellen)
			return 0;
		if (c < 0x80) {
			if ((c >= 'A' && c <= 'Z' ? c + 32 : c) !=
			    (unsigned char)el[j])
				return 0;
			i++;
			j++;
		} else if (c == 0xC3 && i + 1 < rawlen) {
			unsigned char d = (unsigned char)raw[i + 1];

			if (d >= 0x80 && d <= 0x9E && d != 0x97)
				d += 0x20;
			if (j + 1 >= ellen || (unsigned char)el[j] != c ||
			    (unsigned char)el[j + 1] != d)
				return 0;
			i += 2;
			j += 2;
		} else {
			if (c != (unsigned char)el[j])
				return 0;
			i++;
			j++;
		}
	}
	return j == ellen;
}

int score_answer_raw_ok(const score_q *q, const char *raw, size_t len,
			int exact, char **buf, size_t *cap)
{
	size_t nl = (size_t)-1;

	for (size_t i = 0; i < q->nalt; i++) {
		const score_alt *a = &q->alt[i];

		if (a->n == 1) {
			/* most right answers are the option text itself */
			if (a->rawlen == len && memcmp(a->raw, raw, len) == 0)
				return 1;
			if (!exact && fold_eq(raw, len, a->el[0], a->len[0]))
				return 1;
			continue;
		}
		if (nl == (size_t)-1) {
			if (len + 1 > *cap)
				ibm_grow((void **)buf, cap, len + 1, 1);
			nl = score_norm(raw, len, *buf, exact);
		}
		if (set_ok(a, *buf, nl))
			return 1;
	}
	return 0;
}

int score_answer_ok(const score_q *q, const char *norm, size_t len)
{
	for (size_t i = 0; i < q->nalt; i++) {
		const score_alt *a = &q->alt[i];

		if (a->n == 1) {
			if (a->len[0] == len &&
			    memcmp(a->el[0], norm, len) == 0)
				return 1;
		} else if (set_ok(a, norm, len)) {
			return 1;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- key */

static int cmp_len_desc(const void *a, const void *b)
{
	size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);

	return (x < y) - (x > y);
}

void score_q_free(score_q *q)
{
	for (size_t i = 0; i < q->nalt; i++) {
		for (size_t j = 0; j < q->alt[i].n; j++)
			free(q->alt[i].el[j]);
		free(q->alt[i].el);
		free(q->alt[i].len);
		free(q->alt[i].raw);
	}
	free(q->alt);
	free(q->ref);
	free(q->answer);
	memset(q, 0, sizeof *q);
}

/* The first bytes a raw answer to q can start with and be right: the
 * first byte of each element (any element can come first in a checkbox
 * set) and of each option text as written; unless exact, their upper
 * case letters, and the bytes normalisation skips or does not fold
 * byte by byte (space, and all of 0x80..0xFF). And 0, the first byte of
 * an empty answer, which takes the long way too. */
static void first_bytes(score_q *q, int exact)
{
	unsigned char in[256] = { 0 };

	memset(q->first, 0, sizeof q->first);
	for (size_t i = 0; i < q->nalt; i++) {
		const score_alt *a = &q->alt[i];

		for (size_t j = 0; j < a->n; j++)
			in[(unsigned char)a->el[j][0]] = 1;
		if (a->raw && a->rawlen)
			in[(unsigned char)a->raw[0]] = 1;
	}
	for (unsigned c = 0; c < 256; c++) {
		int may;

		if (c == 0)
			may = 1;
		else if (exact)
			may = in[c];
		else if (c >= 0x80 || c == ' ' || (c >= '\t' && c <= '\r'))
			may = 1;
		else
			may = in[c] || in[c >= 'A' && c <= 'Z' ? c + 32 : c];
		q->first[c] = (unsigned char)(may != 0);
	}
	/* the first option as written, for score_record's fast path */
	memset(q->fast, 0, sizeof q->fast);
	q->fastlen = (size_t)-1;
	q->fastmask = 0;
	if (q->nalt && q->alt[0].raw && q->alt[0].rawlen &&
	    q->alt[0].rawlen < sizeof q->fast &&
	    !memchr(q->alt[0].raw, '\0', q->alt[0].rawlen)) {
		q->fastlen = q->alt[0].rawlen;
		memcpy(q->fast, q->alt[0].raw, q->fastlen);
		q->fastmask = q->fastlen == 31 ? 0
			: ~((2u << q->fastlen) - 1) & 0xFFFFFFFFu;
	}
}

/* Split "A|B;C" into alternatives of ';'-separated elements. */
int score_key_parse_answer(score_q *q, const char *answer, int exact)
{
	const char *p = answer;
	size_t acap = 0;

	q->answer = ibm_xstrdup(answer);
	for (;;) {
		const char *bar = strchr(p, '|');
		size_t alen = bar ? (size_t)(bar - p) : strlen(p);
		score_alt a = { NULL, 0 };
		size_t ecap = 0;
		const char *e = p, *end = p + alen;

		while (e <= end) {
			const char *semi = memchr(e, ';', (size_t)(end - e));
			size_t el = semi ? (size_t)(semi - e) : (size_t)(end - e);
			char *n = ibm_xmalloc(el + 1);
			size_t nl = score_norm(e, el, n, exact);

			if (nl == 0 || (exact && nl != el)) {
				free(n);
			} else {
				ibm_grow((void **)&a.el, &ecap, a.n + 1,
					 sizeof *a.el);
				a.el[a.n++] = n;
			}
			if (!semi)
				break;
			e = semi + 1;
		}
		if (a.n == 0 || a.n > 64) {
			for (size_t j = 0; j < a.n; j++)
				free(a.el[j]);
			free(a.el);
			return -1;
		}
		qsort(a.el, a.n, sizeof *a.el, cmp_len_desc);
		a.len = ibm_xcalloc(a.n, sizeof *a.len);
		for (size_t j = 0; j < a.n; j++)
			a.len[j] = strlen(a.el[j]);
		if (a.n == 1) {
			a.raw = ibm_xstrndup(p, alen);
			if (!exact)
				ibm_fold_space(a.raw);
			a.rawlen = strlen(a.raw);
		}
		ibm_grow((void **)&q->alt, &acap, q->nalt + 1, sizeof *q->alt);
		q->alt[q->nalt++] = a;
		if (!bar)
			break;
		p = bar + 1;
	}
	first_bytes(q, exact);
	return 0;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

const ibm_colspec score_key_specs[SCORE_KEY_NCOLS] = {
	{ "soal|pertanyaan|question|butir|nomor|no|nomor soal|number", 1 },
	{ "kunci|kunci jawaban|jawaban|answer|correct answer|key|"
	  "jawaban benar", 1 },
	{ "bobot|poin|points|point|weight|skor|score|nilai", 0 },
};

int score_key_read(ibm_csv *r, int exact, score_key **out)
{
	const ibm_colspec *spec = score_key_specs;
	int idx[3], k2;
	const ibm_rec *rec;
	score_key *k = ibm_xcalloc(1, sizeof *k);
	size_t cap = 0, nids = 0, idcap = 0;
	ibm_strmap numbers = { 0 }, texts = { 0 };
	char **ids = NULL;
	int st = IBM_EX_DATAERR;

	*out = NULL;
	k->file = ibm_xstrdup(ibm_csv_name(r));
	k->exact = exact;
	if (ibm_col_resolve(k->file, ibm_csv_header(r)->line,
			    ibm_csv_header(r), spec, 3, idx) != 0)
		goto bad;
	while ((k2 = ibm_csv_read(r, &rec)) > 0) {
		score_q *q;
		char *ref = ibm_xstrdup(rec->f[idx[0]]);
		const char *ans = rec->f[idx[1]];

		ibm_fold_space(ref);
		if (!*ref && !*ans) {
			free(ref);
			continue; /* blank line in a spreadsheet */
		}
		/* in the key at once, so that an error frees it with the key */
		ibm_grow((void **)&k->q, &cap, k->n + 1, sizeof *k->q);
		q = &k->q[k->n++];
		memset(q, 0, sizeof *q);
		q->line = rec->line;
		q->ref = ref;
		if (!*ref) {
			ibm_error_cell(k->file, rec->line, (size_t)idx[0],
				       "no question given");
			goto bad;
		}
		if (all_digits(ref)) {
			long v;

			if (ibm_parse_count(ref, &v) != 0 || v < 1) {
				ibm_error_cell(k->file, rec->line,
					       (size_t)idx[0],
					       "bad question number \"%s\"",
					       ref);
				goto bad;
			}
			q->number = v;
		}
		if (score_key_parse_answer(q, ans, exact) != 0) {
			ibm_error_cell(k->file, rec->line, (size_t)idx[1],
				       "no usable answer for question \"%s\" "
				       "(answers are separated by '|', "
				       "checkbox sets by ';')", ref);
			goto bad;
		}
		q->pts = SCORE_SCALE;
		if (idx[2] >= 0 && *rec->f[idx[2]] &&
		    (score_parse_fixed(rec->f[idx[2]], &q->pts) != 0 ||
		     q->pts <= 0)) {
			ibm_error_cell(k->file, rec->line, (size_t)idx[2],
				       "bad points \"%s\" (a positive "
				       "number)", rec->f[idx[2]]);
			goto bad;
		}
		{
			/* the same number, or the same text without case */
			char *id = q->number ? NULL : ibm_lower(ref), no[32];
			size_t i;

			if (!id) {
				snprintf(no, sizeof no, "%ld", q->number);
				id = ibm_xstrdup(no);
			}
			i = ibm_strmap_put(q->number ? &numbers : &texts, id,
					   k->n - 1);
			ibm_grow((void **)&ids, &idcap, nids + 1, sizeof *ids);
			ids[nids++] = id;
			if (i != IBM_STRMAP_NONE) {
				ibm_error(k->file, rec->line,
					  "question \"%s\" is already in the "
					  "key (line %ld)", ref, k->q[i].line);
				goto bad;
			}
		}
		k->max += q->pts;
	}
	if (k2 < 0) {
		st = ibm_csv_status(r);
		if (!st)
			st = IBM_EX_DATAERR;
		goto bad;
	}
	if (k->n == 0) {
		ibm_error(k->file, 0, "the key has no questions");
		goto bad;
	}
	*out = k;
	k = NULL;
	st = 0;
bad:
	if (k)
		score_key_free(k);
	ibm_strmap_free(&numbers);
	ibm_strmap_free(&texts);
	for (size_t i = 0; i < nids; i++)
		free(ids[i]);
	free(ids);
	return st;
}

score_key *score_key_load(const char *path, const ibm_csv_opts *o,
			  int exact)
{
	ibm_csv_opts ko = *o;
	score_key *k;
	ibm_csv *r;
	int st;

	ko.allow_empty = 0;
	r = ibm_csv_xopen_side(path, &ko, score_key_specs, SCORE_KEY_NCOLS);
	st = score_key_read(r, exact, &k);
	ibm_csv_close(r);
	if (st)
		exit(st);
	return k;
}

void score_key_free(score_key *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->n; i++)
		score_q_free(&k->q[i]);
	free(k->q);
	free(k->file);
	free(k);
}

/* ------------------------------------------------------------- layout */

#define ALIAS_TS "timestamp|stempel waktu|cap waktu|waktu"
#define ALIAS_EMAIL "email address|email|alamat email|e-mail|surel"
#define ALIAS_SCORE "score|total score|skor|total skor|nilai"
#define ALIAS_NAME "nama lengkap|nama|name|full name|nama peserta|" \
	"student name|nama siswa|nama mahasiswa|participant name|" \
	"nama responden|your name|nama anda|nama lengkap peserta|" \
	"nama lengkap dan gelar|nama lengkap beserta gelar|" \
	"first and last name|respondent name|nama lengkap anda"
#define ALIAS_ID IBM_ALIASES_ID
#define ALIAS_PHONE "no. hp|no hp|hp|no wa|no. wa|nomor hp|nomor wa|" \
	"whatsapp|telepon|no telp|phone|mobile|phone number|" \
	"nomor telepon|nomor whatsapp|no whatsapp|no hp/wa|nomor hp/wa"

/* The columns of a responses file; the first SCORE_RESP_NCOLS tell its
 * header (below title rows). */
const ibm_colspec score_resp_cols[SCORE_RESP_ROLES] = {
	{ ALIAS_TS, 0, "timestamp" }, { ALIAS_EMAIL, 0, "email" },
	{ ALIAS_SCORE, 0, "score" }, { ALIAS_NAME, 0, "nama" },
	{ ALIAS_ID, 0, "participant_id" }, { ALIAS_PHONE, 0, "no_hp" },
};

/* "QUESTION [Score]" / "[Feedback]" columns of Forms' score layout. */
static int is_extra_col(const char *h)
{
	static const char *const suf[] = { "[score]", "[feedback]", "[skor]",
					   "[masukan]", "[nilai]" };
	char *l = ibm_lower(h);
	size_t n;
	int r = 0;

	ibm_trim(l);
	n = strlen(l);
	for (size_t i = 0; i < sizeof suf / sizeof *suf && !r; i++) {
		size_t m = strlen(suf[i]);

		r = n > m && strcmp(l + n - m, suf[i]) == 0;
	}
	free(l);
	return r;
}

int score_layout_init(score_layout *L, const char *file, const ibm_rec *hdr,
		      char *const *keep, size_t nkeep, const char *match)
{
	unsigned char *used = ibm_xcalloc(hdr->n + 1, 1);

	int opt = L->keep_optional;

	memset(L, 0, sizeof *L);
	L->keep_optional = opt;
	L->file = file;
	L->nhdr = hdr->n;
	L->hdr = ibm_xcalloc(hdr->n + 1, sizeof *L->hdr);
	for (size_t i = 0; i < hdr->n; i++)
		L->hdr[i] = ibm_xstrdup(hdr->f[i]);
	{
		int idx[SCORE_RESP_ROLES];

		ibm_col_resolve(file, hdr->line, hdr, score_resp_cols,
				SCORE_RESP_ROLES, idx);
		L->ts = idx[0];
		L->email = idx[1];
		L->score = idx[2];
		L->name = idx[3];
		L->id = idx[4];
		L->phone = idx[5];
	}
	L->match = -1;
	if (match) {
		char *a = ibm_xstrdup(match);

		/* the column's own name, not an alias list */
		for (char *p = a; *p; p++)
			if (*p == '|')
				*p = ' ';
		L->match = ibm_col_find(hdr, a);
		free(a);
		if (L->match < 0) {
			ibm_error(file, hdr->line,
				  "no column \"%s\" to match on", match);
			free(used);
			score_layout_free(L);
			return IBM_EX_DATAERR;
		}
		used[L->match] = 1;
	}
	L->keep = ibm_xcalloc(nkeep + 1, sizeof *L->keep);
	L->nkeep = nkeep;
	for (size_t i = 0; i < nkeep; i++) {
		char *a = ibm_xstrdup(keep[i]);

		for (char *p = a; *p; p++)
			if (*p == '|')
				*p = ' ';
		L->keep[i] = ibm_col_find(hdr, a);
		free(a);
		if (L->keep[i] < 0 && !L->keep_optional) {
			ibm_error(file, hdr->line, "no column \"%s\" to keep",
				  keep[i]);
			free(used);
			score_layout_free(L);
			return IBM_EX_DATAERR;
		}
		if (L->keep[i] >= 0)
			used[L->keep[i]] = 1;
	}
	if (L->ts >= 0)
		used[L->ts] = 1;
	if (L->email >= 0)
		used[L->email] = 1;
	if (L->score >= 0)
		used[L->score] = 1;
	if (L->name >= 0)
		used[L->name] = 1;
	if (L->id >= 0)
		used[L->id] = 1;
	if (L->phone >= 0)
		used[L->phone] = 1;
	L->qcol = ibm_xcalloc(hdr->n + 1, sizeof *L->qcol);
	for (size_t i = 0; i < hdr->n; i++)
		if (!used[i] && !is_extra_col(hdr->f[i]))
			L->qcol[L->nq++] = (int)i;
	free(used);
	return 0;
}

/* The question number header h starts with ("3. ...", "3) ..."), or 0. */
static long header_number(const char *h)
{
	char *end;
	long v;

	while (*h == ' ')
		h++;
	if (!isdigit((unsigned char)*h))
		return 0;
	v = strtol(h, &end, 10);
	return (*end == '.' || *end == ')') && (end[1] == ' ' || end[1] == '\0')
		? v : 0;
}

/* The question columns by a text made of each header (its number, its
 * normalised text or its name key): the first column with it, and how
 * many have it. Made once for all the key's questions. */
typedef struct header_index {
	ibm_strmap first;
	char **text;      /* the texts, owned */
	int *col;         /* the first column with text[i]... */
	int *last;        /* ...the last one... */
	size_t *hits;     /* ...and how many */
	size_t n;
} header_index;

static void header_index_add(header_index *x, char *text, int col)
{
	size_t i = ibm_strmap_put(&x->first, text, x->n);

	if (i != IBM_STRMAP_NONE) {
		x->last[i] = col;
		x->hits[i]++;
		free(text);
		return;
	}
	x->text[x->n] = text;
	x->col[x->n] = x->last[x->n] = col;
	x->hits[x->n++] = 1;
}

/* kind 'n': the header's number ("" when none), 't': its text as
 * score_norm writes it, 'k': its name key ("" when none). */
static void header_index_init(header_index *x, const score_layout *L,
			      int kind)
{
	memset(x, 0, sizeof *x);
	ibm_strmap_init(&x->first, L->nq);
	x->text = ibm_xcalloc(L->nq + 1, sizeof *x->text);
	x->col = ibm_xcalloc(L->nq + 1, sizeof *x->col);
	x->last = ibm_xcalloc(L->nq + 1, sizeof *x->last);
	x->hits = ibm_xcalloc(L->nq + 1, sizeof *x->hits);
	for (size_t j = 0; j < L->nq; j++) {
		const char *h = L->hdr[L->qcol[j]];
		char *t;

		if (kind == 'n') {
			char no[32];

			snprintf(no, sizeof no, "%ld", header_number(h));
			t = ibm_xstrdup(no);
		} else if (kind == 't') {
			t = ibm_xmalloc(strlen(h) + 1);
			score_norm(h, strlen(h), t, 0);
		} else {
			t = ibm_name_key(h);
		}
		header_index_add(x, t, L->qcol[j]);
	}
}

/* The entry of text in x, or IBM_STRMAP_NONE. */
static size_t header_index_find(const header_index *x, const char *text)
{
	return x->text ? ibm_strmap_get(&x->first, text) : IBM_STRMAP_NONE;
}

static void header_index_free(header_index *x)
{
	if (!x->text)
		return;
	for (size_t i = 0; i < x->n; i++)
		free(x->text[i]);
	free(x->text);
	free(x->col);
	free(x->last);
	free(x->hits);
	ibm_strmap_free(&x->first);
}

/* -v: the column each question of the key was found in. */
static void note_bound(const score_layout *L, const score_key *k)
{
	for (size_t i = 0; i < k->n; i++) {
		char lb[16];
		int c = L->kcol[i];

		if (c < 0)
			continue;
		if (!ibm_cell_name(L->file, 1, (size_t)c, lb))
			snprintf(lb, sizeof lb, "%d", c + 1);
		else
			lb[strcspn(lb, "0123456789")] = '\0';
		ibm_note(L->file, 0, "column %s \"%s\" is the key's question "
			 "\"%s\" (%s line %ld)", lb, L->hdr[c], k->q[i].ref,
			 k->file, k->q[i].line);
	}
}

int score_layout_bind(score_layout *L, const score_key *k)
{
	size_t bufcap = 0, *bound = ibm_xcalloc(L->nhdr + 1, sizeof *bound);
	char *a = NULL;
	header_index byno = { 0 }, bytext = { 0 }, bykey = { 0 };
	int st = 0;

	free(L->kcol);
	L->kcol = ibm_xcalloc(k->n + 1, sizeof *L->kcol);
	L->nk = k->n;
	for (size_t i = 0; i < k->n && !st; i++) {
		const score_q *q = &k->q[i];
		int col = -1;
		size_t e;

		if (q->number) {
			char no[32];

			/* the one column numbered so, else the question
			 * column at that position */
			if (!byno.text)
				header_index_init(&byno, L, 'n');
			snprintf(no, sizeof no, "%ld", q->number);
			e = header_index_find(&byno, no);
			if (e != IBM_STRMAP_NONE && byno.hits[e] == 1)
				col = byno.last[e];
			else
				col = (size_t)q->number <= L->nq
					? L->qcol[q->number - 1] : -1;
		} else {
			size_t rl = strlen(q->ref);

			ibm_grow((void **)&a, &bufcap, rl + 1, 1);
			score_norm(q->ref, rl, a, 0);
			if (!bytext.text)
				header_index_init(&bytext, L, 't');
			e = header_index_find(&bytext, a);
			if (e != IBM_STRMAP_NONE)
				col = bytext.col[e];
			if (col < 0) {
				char *rk = ibm_name_key(q->ref);

				if (!bykey.text)
					header_index_init(&bykey, L, 'k');
				e = rk[0] ? header_index_find(&bykey, rk)
					  : IBM_STRMAP_NONE;
				if (e != IBM_STRMAP_NONE)
					col = bykey.col[e];
				free(rk);
			}
		}
		if (col < 0) {
			if (q->number)
				ibm_error(k->file, q->line,
					  "question %ld is not in %s (it has "
					  "%zu question columns)",
					  q->number, L->file, L->nq);
			else
				ibm_error(k->file, q->line,
					  "question \"%s\" is not in %s",
					  q->ref, L->file);
			st = IBM_EX_DATAERR;
		} else if (bound[col]) {
			size_t j = bound[col] - 1;

			ibm_error(k->file, q->line, "question \"%s\" names the "
				  "same column of %s as line %ld (\"%s\")",
				  q->ref, L->file, k->q[j].line, L->hdr[col]);
			st = IBM_EX_DATAERR;
		} else {
			bound[col] = i + 1;
			L->kcol[i] = col;
		}
	}
	header_index_free(&byno);
	header_index_free(&bytext);
	header_index_free(&bykey);
	free(bound);
	free(a);
	if (!st && ibm_diag_verbose())
		note_bound(L, k);
	return st;
}

int score_same_file(const char *a, const char *b)
{
	struct stat x, y;

	/* st_ino is 0 where the system has no inode numbers (Windows):
	 * then only the same path counts */
	if (strcmp(a, "-") == 0 || strcmp(b, "-") == 0)
		return 0;
	if (strcmp(a, b) == 0)
		return 1;
	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_ino != 0 &&
	       x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* Does a header look like a quiz question: "3. ...", "3) ..." or ending
 * in '?'? (Other columns left out of the key are profile questions:
 * kelurahan, jabatan...) */
static int question_like(const char *h)
{
	size_t n;

	while (*h == ' ')
		h++;
	if (isdigit((unsigned char)*h)) {
		while (isdigit((unsigned char)*h))
			h++;
		if (*h == '.' || *h == ')')
			return 1;
	}
	n = strlen(h);
	while (n && (h[n - 1] == ' ' || h[n - 1] == '*'))
		n--;
	return n && h[n - 1] == '?';
}

void score_layout_check_key(const score_layout *L, const score_key *k)
{
	size_t nleft = 0, shown = 0;
	char *list = NULL;
	size_t len = 0, cap = 0;

	unsigned char *in = ibm_xcalloc(L->nhdr + 1, 1);

	for (size_t i = 0; i < L->nk; i++)
		in[L->kcol[i]] = 1;
	for (size_t j = 0; j < L->nq; j++) {
		int col = L->qcol[j];

		if (in[col] || !question_like(L->hdr[col]))
			continue;
		nleft++;
		if (shown < 5) {
			size_t m = strlen(L->hdr[col]) + 8;

			ibm_grow((void **)&list, &cap, len + m + 1, 1);
			len += (size_t)snprintf(list + len, cap - len, "%s\"%s\"",
						shown ? ", " : "", L->hdr[col]);
			shown++;
		}
	}
	if (nleft)
		ibm_warn(L->file, 0, "the key (%s) covers %zu of the %zu "
			 "questions; not scored: %s%s", k->file, k->n,
			 k->n + nleft, list, nleft > shown ? ", ..." : "");
	free(list);
	free(in);
}

void score_layout_free(score_layout *L)
{
	for (size_t i = 0; i < L->nhdr; i++)
		free(L->hdr[i]);
	free(L->hdr);
	free(L->qcol);
	free(L->keep);
	free(L->kcol);
	memset(L, 0, sizeof *L);
}

/* ------------------------------------------------------------ scoring */

static size_t wrong_hash(size_t item, const char *s, size_t n)
{
	unsigned long long h = 1469598103934665603ULL ^ item;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return (size_t)(h ^ h >> 29);
}

/* The index of a wrong answer to item in its tally, added when new
 * (a hash table over all items, so that many different wrong answers
 * cost no more than a few). */
static int tally_wrong(score_test *t, size_t item, const char *norm,
		       size_t nlen, const char *raw, size_t rawlen)
{
	score_wrong *w = t->wrong[item];
	size_t n = t->nwrong[item], i;

	/* most items have a few wrong options: look at them first */
	for (i = 0; i < n && i < 8; i++)
		if (w[i].len == nlen && memcmp(w[i].norm, norm, nlen) == 0)
			return (int)i;
	if (2 * (t->wn + 1) > t->wcap) {
		unsigned long long *old = t->wslot;
		size_t oc = t->wcap;

		t->wcap = oc ? 2 * oc : 64;
		t->wslot = ibm_xcalloc(t->wcap, sizeof *t->wslot);
		for (size_t j = 0; j < oc; j++) {
			unsigned long long e = old[j];
			size_t it, x;
			const score_wrong *o;

			if (!e)
				continue;
			it = (size_t)(e >> 32);
			o = &t->wrong[it][(e & 0xFFFFFFFFu) - 1];
			x = wrong_hash(it, o->norm, o->len) & (t->wcap - 1);
			while (t->wslot[x])
				x = (x + 1) & (t->wcap - 1);
			t->wslot[x] = e;
		}
		free(old);
	}
	for (i = wrong_hash(item, norm, nlen) & (t->wcap - 1); t->wslot[i];
	     i = (i + 1) & (t->wcap - 1)) {
		unsigned long long e = t->wslot[i];

		if ((size_t)(e >> 32) != item)
			continue;
		w = &t->wrong[item][(e & 0xFFFFFFFFu) - 1];
		if (w->len == nlen && memcmp(w->norm, norm, nlen) == 0)
			return (int)((e & 0xFFFFFFFFu) - 1);
	}
	if (n >= SCORE_WRONG_OTHER - SCORE_WRONG)
		return -1; /* too many different wrong answers to tally */
	ibm_grow((void **)&t->wrong[item], &t->capwrong[item], n + 1,
		 sizeof *w);
	w = t->wrong[item];
	w[n].norm = ibm_xstrndup(norm, nlen);
	w[n].len = nlen;
	w[n].text = ibm_xstrndup(raw, rawlen);
	w[n].raw = ibm_xstrndup(raw, rawlen);
	w[n].rawlen = rawlen;
	ibm_fold_space(w[n].text);
	w[n].order = n;
	t->nwrong[item] = n + 1;
	t->wslot[i] = (unsigned long long)item << 32 | (unsigned long long)(n + 1);
	t->wn++;
	return (int)n;
}

/* Nothing but white space (what score_norm drops)? */
static int blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || (c >= '\t' && c <= '\r'))
			continue;
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			i++;
			continue;
		}
		return 0;
	}
	return 1;
}

/* a[0..n) == b[0..n), for short strings without a call */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
	if (n >= 8) {
		uint64_t x, y, u, v;

		while (n > 16) {
			memcpy(&x, a, 8);
			memcpy(&y, b, 8);
			if (x != y)
				return 0;
			a += 8;
			b += 8;
			n -= 8;
		}
		/* 8 <= n <= 16 left: the first and the last 8 bytes */
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		memcpy(&u, a + n - 8, 8);
		memcpy(&v, b + n - 8, 8);
		return x == y && u == v;
	}
	if (n >= 4) {
		uint32_t x, y, u, v;

		memcpy(&x, a, 4);
		memcpy(&y, b, 4);
		memcpy(&u, a + n - 4, 4);
		memcpy(&v, b + n - 4, 4);
		return x == y && u == v;
	}
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* Is the answer a[0..len) the first option as written? With SSE2 a
 * compare of 32 bytes, which reads past short answers: records of
 * ibm_csv_read have IBM_REC_SLACK bytes from the start of each field
 * (what lies past the NUL is masked off). The NUL is compared too:
 * fields hold no NUL bytes, so the lengths are equal if it matches. */
static inline int fast_eq(const score_q *q, const char *a, size_t len)
{
#if defined(__SSE2__) && IBM_REC_SLACK >= 32
	__m128i a0 = _mm_loadu_si128((const void *)a);
	__m128i a1 = _mm_loadu_si128((const void *)(a + 16));
	__m128i k0 = _mm_loadu_si128((const void *)q->fast);
	__m128i k1 = _mm_loadu_si128((const void *)(q->fast + 16));
	unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a0, k0)) |
		     (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a1, k1)) << 16;

	(void)len;
	return (m | q->fastmask) == 0xFFFFFFFFu;
#else
	return len == q->fastlen && same_bytes((const char *)q->fast, a, len);
#endif
}

#if defined(__SSE2__) && IBM_REC_SLACK >= 32
/* A small table per item of the answers seen, as written (zero-padded
 * to 32 bytes), with the code score_record gave them: the same bytes
 * always get the same code (right, blank, or the same wrong answer of
 * the tally), and most answers are a few options written the same way
 * by everyone. Full at RAWC_MAX answers: the others take the long way. */
#define RAWC_SLOTS 16
#define RAWC_MAX 12

typedef struct score_rawc {
	__m128i k0[RAWC_SLOTS], k1[RAWC_SLOTS];
	int code[RAWC_SLOTS];     /* -1: empty */
	int n;
} score_rawc;

/* The answer a[0..len) (len <= 31) zero-padded in two vectors, and its
 * slot to start probing at. */
static inline size_t rawc_load(const char *a, size_t len, __m128i *v0,
			       __m128i *v1)
{
	const __m128i i0 = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
					 11, 12, 13, 14, 15);
	const __m128i i1 = _mm_add_epi8(i0, _mm_set1_epi8(16));
	__m128i l = _mm_set1_epi8((char)len), x;
	uint64_t lo, hi;

	*v0 = _mm_and_si128(_mm_loadu_si128((const void *)a),
			    _mm_cmpgt_epi8(l, i0));
	*v1 = _mm_and_si128(_mm_loadu_si128((const void *)(a + 16)),
			    _mm_cmpgt_epi8(l, i1));
	x = _mm_xor_si128(*v0, _mm_slli_si128(*v1, 1));
	lo = (uint64_t)_mm_cvtsi128_si64(x);
	hi = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(x, x));
	return (size_t)(((lo ^ hi * 0x9E3779B97F4A7C15ULL) *
			 0xD6E8FEB86659FD93ULL) >> 60);
}

static inline int rawc_same(const score_rawc *c, size_t i, __m128i v0,
			    __m128i v1)
{
	__m128i e = _mm_and_si128(_mm_cmpeq_epi8(v0, c->k0[i]),
				  _mm_cmpeq_epi8(v1, c->k1[i]));

	return _mm_movemask_epi8(e) == 0xFFFF;
}

/* The code of answer a (len <= 31), or -1 when not seen. */
static inline int rawc_get(const score_rawc *c, const char *a, size_t len)
{
	__m128i v0, v1;
	size_t i = rawc_load(a, len, &v0, &v1);

	for (; c->code[i] >= 0; i = (i + 1) & (RAWC_SLOTS - 1))
		if (rawc_same(c, i, v0, v1))
			return c->code[i];
	return -1;
}

static void rawc_put(score_rawc *c, const char *a, size_t len, int code)
{
	__m128i v0, v1;
	size_t i = rawc_load(a, len, &v0, &v1);

	if (c->n >= RAWC_MAX)
		return;
	for (; c->code[i] >= 0; i = (i + 1) & (RAWC_SLOTS - 1))
		if (rawc_same(c, i, v0, v1))
			return;
	c->k0[i] = v0;
	c->k1[i] = v1;
	c->code[i] = code;
	c->n++;
}

static score_rawc *rawc_new(size_t n)
{
	score_rawc *c = ibm_xmalloc((n + 1) * sizeof *c);

	for (size_t i = 0; i <= n; i++) {
		memset(&c[i], 0, sizeof c[i]);
		for (size_t j = 0; j < RAWC_SLOTS; j++)
			c[i].code[j] = -1;
	}
	return c;
}
#endif

/* The store of two bytes a code, from the bytes of the at codes so far
 * (a code of 255 or more came). */
static void widen_codes(score_test *t, size_t at)
{
	t->ans = ibm_xmalloc(t->cap * t->key->n * sizeof *t->ans);
	for (size_t i = 0; i < at; i++)
		t->ans[i] = t->ans8[i];
	free(t->ans8);
	t->ans8 = NULL;
}

int score_record(score_test *t, const ibm_rec *rec, long long *score,
		 long long *max)
{
	const score_key *k = t->key;
	long long s = 0;
	int codes = 0;
	size_t at;
	unsigned char *c8;

	if (!k) {
		long long x, y;
		const char *v = rec->f[t->L.score];

		if (score_parse_xy(v, &x, &y) != 0) {
			if (!*v)
				ibm_error_cell(t->L.file, rec->line,
					       (size_t)t->L.score,
					       "empty score");
			else
				ibm_error_cell(t->L.file, rec->line,
					       (size_t)t->L.score,
					       "bad score \"%s\" (expected "
					       "\"x / y\", like \"7 / 10\")",
					       v);
			return IBM_EX_DATAERR;
		}
		if (y <= 0 || x > y) {
			ibm_error_cell(t->L.file, rec->line,
				       (size_t)t->L.score,
				       "score \"%s\" is out of range", v);
			return IBM_EX_DATAERR;
		}
		*max = y;
		s = x;
	} else {
		*max = k->max;
	}
	if (t->keep_items && t->n + 1 > t->cap) {
		size_t nk = k && k->n ? k->n : 1;

		ibm_grow((void **)&t->score, &t->cap, t->n + 1,
			 sizeof *t->score);
		t->max = ibm_xrealloc(t->max, t->cap * sizeof *t->max);
		t->active = ibm_xrealloc(t->active, t->cap);
		if (k && !t->scores_only && t->ans)
			t->ans = ibm_xrealloc(t->ans, t->cap * nk *
					      sizeof *t->ans);
		else if (k && !t->scores_only)
			t->ans8 = ibm_xrealloc(t->ans8, t->cap * nk);
	}
	if (!k) {
		if (t->keep_items) {
			t->score[t->n] = s;
			t->max[t->n] = *max;
			t->active[t->n] = 1;
			t->n++;
		}
		*score = s;
		return 0;
	}
	if (t->keep_items && !t->scores_only) {
		if (!t->wrong) {
			t->wrong = ibm_xcalloc(k->n, sizeof *t->wrong);
			t->nwrong = ibm_xcalloc(k->n, sizeof *t->nwrong);
			t->capwrong = ibm_xcalloc(k->n, sizeof *t->capwrong);
#if defined(__SSE2__) && IBM_REC_SLACK >= 32
			t->rawc = rawc_new(k->n);
#endif
		}
		codes = 1;
	}
	if (!codes) {
		const int *kcol = t->L.kcol;
		char *const *f = rec->f;
		const size_t *lens = rec->len;
		const score_q *q = k->q, *qe = k->q + k->n;

		for (; q < qe; q++, kcol++) {
			const char *a = f[*kcol];
			unsigned eq = (unsigned)fast_eq(q, a, lens[*kcol]);
			unsigned slow = q->first[(unsigned char)a[0]] & ~eq;

			/* the common cases without a branch on the answer:
			 * the option text itself, and an answer that
			 * starts wrong; the rest (and empty answers) the
			 * long way */
			s += q->pts & -(long long)eq;
			if (__builtin_expect(slow & 1u, 0) &&
			    score_answer_raw_ok(q, a, lens[*kcol], k->exact,
						&t->nbuf, &t->nbufcap))
				s += q->pts;
		}
		if (t->keep_items) {
			t->score[t->n] = s;
			t->max[t->n] = *max;
			t->active[t->n] = 1;
			t->n++;
		}
		*score = s;
		return 0;
	}
	/* a byte a code until a code of 255 or more comes, then two */
	at = t->n * k->n;
	c8 = t->ans8 ? t->ans8 + at : NULL;
	/* in locals: the byte stores may alias anything, t's fields would
	 * be read again after each */
	const score_q *const q0 = k->q;
	const int *const kcol = t->L.kcol;
	char *const *const f = rec->f;
	const size_t *const lens = rec->len;
	const size_t nk = k->n;
#if defined(__SSE2__) && IBM_REC_SLACK >= 32
	const score_rawc *const rawc = t->rawc;
#endif

	for (size_t i = 0; i < nk; i++) {
		const score_q *q = &q0[i];
		size_t col = (size_t)kcol[i];
		const char *a = f[col];
		size_t len = lens[col], nl;
		int ok;
		unsigned cd;

#if defined(__SSE2__) && IBM_REC_SLACK >= 32
		if (len < 32) {
			int code = rawc_get(&rawc[i], a, len);

			if (code >= 0) {
				/* no branch on the answer */
				s += q->pts & -(long long)(code == SCORE_RIGHT);
				if (c8)
					c8[i] = (unsigned char)code;
				else
					t->ans[at + i] = (unsigned short)code;
				continue;
			}
		}
#endif
		ok = fast_eq(q, a, len) ||
			 (q->first[(unsigned char)a[0]] &&
			  score_answer_raw_ok(q, a, len, k->exact, &t->nbuf,
					      &t->nbufcap));
		if (ok) {
			s += q->pts;
			cd = SCORE_RIGHT;
		} else if (blank(a, len)) {
			cd = SCORE_BLANK;
		} else {
			/* most wrong answers are an option as written: the
			 * same bytes as a tallied one, no need to normalise */
			score_wrong *w = t->wrong[i];
			size_t nw = t->nwrong[i], j;

			for (j = 0; j < nw && j < 8; j++)
				if (w[j].rawlen == len &&
				    same_bytes(w[j].raw, a, len))
					break;
			if (j < nw && j < 8) {
				cd = SCORE_WRONG + (unsigned)j;
			} else {
				int wi;

				if (len + 1 > t->nbufcap)
					ibm_grow((void **)&t->nbuf,
						 &t->nbufcap, len + 1, 1);
				nl = score_norm(a, len, t->nbuf, k->exact);
				wi = tally_wrong(t, i, t->nbuf, nl, a, len);
				cd = wi < 0 ? SCORE_WRONG_OTHER
					: SCORE_WRONG + (unsigned)wi;
			}
		}
#if defined(__SSE2__) && IBM_REC_SLACK >= 32
		if (len < 32 && cd != SCORE_WRONG_OTHER)
			rawc_put(&t->rawc[i], a, len, (int)cd);
#endif
		if (c8 && cd >= 255) {
			widen_codes(t, at + i);
			c8 = NULL;
		}
		if (c8)
			c8[i] = (unsigned char)cd;
		else
			t->ans[at + i] = (unsigned short)cd;
	}
	if (t->keep_items) {
		t->score[t->n] = s;
		t->max[t->n] = *max;
		t->active[t->n] = 1;
		t->n++;
	}
	*score = s;
	return 0;
}

void score_test_free(score_test *t)
{
	if (t->wrong) {
		for (size_t i = 0; i < t->L.nk; i++) {
			for (size_t j = 0; j < t->nwrong[i]; j++) {
				free(t->wrong[i][j].norm);
				free(t->wrong[i][j].text);
				free(t->wrong[i][j].raw);
			}
			free(t->wrong[i]);
		}
	}
	free(t->wrong);
	free(t->nwrong);
	free(t->capwrong);
	free(t->score);
	free(t->max);
	free(t->active);
	free(t->ans);
	free(t->ans8);
	free(t->nbuf);
	free(t->wslot);
	free(t->rawc);
	score_layout_free(&t->L);
}

/* -------------------------------------------------------------- bands */

const char *score_ngain(long long pre, long long mp, long long post,
			long long mq, double *g)
{
	/* g = (post/mq - pre/mp) / (1 - pre/mp)
	 *   = (post*mp - pre*mq) / (mq * (mp - pre)) */
	long double num, den;

	if (mp <= 0 || mq <= 0 || pre >= mp) {
		*g = NAN;
		return NULL;
	}
	num = (long double)post * mp - (long double)pre * mq;
	den = (long double)mq * (mp - pre);
	*g = (double)(num / den);
	/* integers below 2^63 multiply exactly in long double's 64-bit
	 * mantissa only up to 2^64; scores are far below that (1e12^2 would
	 * not be), so compare with 128-bit-free integer arithmetic when it
	 * fits */
	if (llabs(post) < 3037000499LL && llabs(pre) < 3037000499LL &&
	    mp < 3037000499LL && mq < 3037000499LL) {
		long long n = post * mp - pre * mq, d = mq * (mp - pre);

		if (n <= LLONG_MAX / 10 && n >= LLONG_MIN / 10 &&
		    d <= LLONG_MAX / 7) {
			if (10 * n >= 7 * d)
				return "tinggi";
			if (10 * n >= 3 * d)
				return "sedang";
			return "rendah";
		}
	}
	return *g >= 0.7 ? "tinggi" : *g >= 0.3 ? "sedang" : "rendah";
}

double score_class_gain(double pre_pct, double post_pct)
{
	if (isnan(pre_pct) || isnan(post_pct) || !(pre_pct < 100))
		return NAN;
	return (post_pct - pre_pct) / (100 - pre_pct);
}

const char *score_ngain_band(double pct)
{
	if (isnan(pct))
		return NULL;
	if (pct < 40)
		return "tidak efektif";
	if (pct < 56)
		return "kurang efektif";
	if (pct < 76)
		return "cukup efektif";
	return "efektif";
}

const char *score_p_band(size_t c, size_t n)
{
	if (n == 0)
		return NULL;
	if (100 * c < 30 * n)
		return "sukar";
	if (100 * c > 70 * n)
		return "mudah";
	return "sedang";
}

const char *score_d_band(long diff, size_t g)
{
	long gg = (long)g;

	if (g == 0)
		return NULL;
	if (100 * diff >= 40 * gg)
		return "sangat baik";
	if (100 * diff >= 30 * gg)
		return "baik";
	if (100 * diff >= 20 * gg)
		return "cukup";
	return "jelek";
}
