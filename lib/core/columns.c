/*
 * columns.c - finding a tool's columns by the words of their headers.
 *
 * Every tool names the columns it reads (its roles) by lists of aliases
 * (ibm_colspec). A header is matched to a role at one of these levels,
 * the best first (ibmkit(7), COLUMNS):
 *
 *   given   --column ROLE=HEADER or a --columns map said so
 *   name    the header is an alias (case, spaces, punctuation ignored)
 *   remark  the header less its remarks and numbering is an alias:
 *           "Nama Lengkap (tanpa gelar)", "1. Nama", "Nama: sesuai KTP",
 *           "Jumlah Agen (orang)"
 *   words   its words, abbreviations spelt out, are an alias's words:
 *           "Jml. Pembinaan" = "jumlah pembinaan", "Tgl Monev"
 *   part    its words hold an alias's words, one after the other, and one
 *           or two more (no more than the alias has): "Nama Lengkap
 *           Peserta"; never a question ("Apakah ...", a '?') nor a header
 *           of more than six words
 *
 * A header ending in [...] is part of another column (Google Forms'
 * "Q [Score]", a grid's "Q [Baris 1]"): it matches by its name only.
 *
 * A role takes the header it matches best. Name matches are taken first,
 * each role for itself, as they always were. The other levels share the
 * headers left: the best match first, one header to one role; two headers
 * that match a role equally well, or two roles that want one header
 * equally, are a tie, and the role is not found (a required one is an
 * error) until --column says which.
 */
#include "ibmkit.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* -------------------------------------------------------- header words */

#define NSEG 4        /* the whole header and up to three parts */
#define PART_MAX_WORDS 6
#define PART_MAX_EXTRA 2

typedef struct seg {
	char *key;    /* letters and digits */
	char *w;      /* its words, one space between them */
	size_t nw;
} seg;

typedef struct hcell {
	char *key;    /* ibm_name_key of the whole text */
	seg s[NSEG];  /* s[0]: less remarks and numbering; then its parts */
	int ns;
	int question; /* may not match in part */
	int sub;      /* "Q [Score]", "Q [Baris 1]": a part of column Q */
} hcell;

/* Abbreviations spelt out, on both sides (headers and aliases). */
static const char *const abbrev[][2] = {
	{ "jml", "jumlah" }, { "jmlh", "jumlah" }, { "jlh", "jumlah" },
	{ "no", "nomor" }, { "nmr", "nomor" }, { "nomer", "nomor" },
	{ "nr", "nomor" }, { "tgl", "tanggal" }, { "tg", "tanggal" },
	{ "kab", "kabupaten" }, { "kec", "kecamatan" },
	{ "kel", "kelurahan" }, { "ds", "desa" }, { "prov", "provinsi" },
	{ "propinsi", "provinsi" }, { "telp", "telepon" },
	{ "tlp", "telepon" }, { "tel", "telepon" }, { "telpon", "telepon" },
	{ "wa", "whatsapp" }, { "ket", "keterangan" }, { "thn", "tahun" },
	{ "th", "tahun" }, { "bln", "bulan" }, { "kls", "kelas" },
	{ "pend", "pendidikan" }, { "pek", "pekerjaan" },
};

/* Words that carry no meaning in a header. */
static const char *const stopword[] = {
	"dan", "atau", "yang", "anda", "saudara", "di", "ke", "dari",
	"untuk", "tuliskan", "isikan", "isi", "masukkan", "the", "of",
	"your", "and", "or", "please", "enter", "a", "an",
};

/* A header that starts with one of these is a question. */
static const char *const question_word[] = {
	"apakah", "apa", "bagaimana", "berapa", "berapakah", "siapa",
	"siapakah", "mengapa", "kenapa", "kapan", "dimana", "manakah",
	"mana", "sebutkan", "jelaskan", "what", "how", "who", "why", "when",
	"where", "which", "is", "are", "do", "does", "did",
};

static int in_list(const char *w, const char *const *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w, l[i]) == 0)
			return 1;
	return 0;
}

static void append(char **buf, size_t *len, size_t *cap, const char *s,
		   size_t n)
{
	ibm_grow((void **)buf, cap, *len + n + 1, 1);
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

static void adds(char **buf, size_t *len, size_t *cap, const char *s)
{
	append(buf, len, cap, s, strlen(s));
}

/* Is the code point at s a word separator (ASCII other than letters,
 * digits and the apostrophe; dashes)? Its length in *n. */
static int separator(const char *s, const char *e, size_t *n)
{
	const char *p = s;
	long cp = ibm_utf8_next(&p, e);

	*n = (size_t)(p - s);
	if (*n == 0)
		*n = 1;
	if (cp < 0)
		return 0;
	if (cp < 128)
		return !isalnum((int)cp) && cp != '\'';
	return cp == 0x2013 || cp == 0x2014 || cp == 0xA0;
}

/* The words of s[0..len): folded (ibm_name_key), abbreviations spelt
 * out, "e mail" as "email", meaningless words left out; *first gets the
 * first word before that (for questions). */
static char *words_of(const char *s, size_t len, size_t *nw, char **first)
{
	const char *e = s + len;
	char *out = NULL, *prev = NULL;
	size_t olen = 0, ocap = 0;

	*nw = 0;
	if (first)
		*first = NULL;
	adds(&out, &olen, &ocap, "");
	while (s < e) {
		const char *b;
		size_t n;
		char *piece, *k;
		const char *w;

		while (s < e && separator(s, e, &n))
			s += n;
		b = s;
		while (s < e && !separator(s, e, &n))
			s += n;
		if (s == b)
			break;
		piece = ibm_xstrndup(b, (size_t)(s - b));
		k = ibm_name_key(piece);
		free(piece);
		if (!*k) {
			free(k);
			continue;
		}
		if (first && !*first)
			*first = ibm_xstrdup(k);
		w = k;
		for (size_t i = 0; i < sizeof abbrev / sizeof *abbrev; i++)
			if (strcmp(k, abbrev[i][0]) == 0)
				w = abbrev[i][1];
		if (prev && strcmp(prev, "e") == 0 && strcmp(w, "mail") == 0) {
			/* "e mail" is "email": the "e" is the last word */
			olen -= 1;
			out[olen] = '\0';
			adds(&out, &olen, &ocap, "email");
			free(prev);
			prev = ibm_xstrdup("email");
			free(k);
			continue;
		}
		if (in_list(w, stopword, sizeof stopword / sizeof *stopword)) {
			free(k);
			continue;
		}
		if (olen)
			adds(&out, &olen, &ocap, " ");
		append(&out, &olen, &ocap, w, strlen(w));
		(*nw)++;
		free(prev);
		prev = ibm_xstrdup(w);
		free(k);
	}
	free(prev);
	return out;
}

/* Leading numbering: "1. ", "1) ", "2.3 ", "a. ", "B) "; its length. */
static size_t numbering(const char *s)
{
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	if (isdigit((unsigned char)*p)) {
		while (isdigit((unsigned char)*p) ||
		       (*p == '.' && isdigit((unsigned char)p[1])))
			p++;
		if (*p == '.' || *p == ')')
			p++;
		else if (*p != ' ' && *p != '\t')
			return 0;
	} else if (isalpha((unsigned char)*p) && (p[1] == '.' || p[1] == ')')
		   && (p[2] == ' ' || p[2] == '\t')) {
		p += 2;
	} else {
		return 0;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	/* a letter must follow ("1. Nama", not "2024" or "1.5") */
	return isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80
		? (size_t)(p - s) : 0;
}

static void seg_set(seg *g, const char *s, size_t len)
{
	char *t = ibm_xstrndup(s, len);
	size_t k = numbering(t);

	g->key = ibm_name_key(t + k);
	g->w = words_of(t + k, strlen(t + k), &g->nw, NULL);
	free(t);
}

/* Where the next part of a header ends: a colon, a line end, or a dash
 * between spaces; its length in *n. NULL: none. */
static const char *part_end(const char *s, size_t *n)
{
	for (const char *p = s; *p; p++) {
		if (*p == ':' || *p == '\n') {
			*n = 1;
			return p;
		}
		if (*p == ' ' && p[1] == '-' && p[2] == ' ') {
			*n = 3;
			return p;
		}
		if (*p == ' ' && (!strncmp(p + 1, "\xE2\x80\x93 ", 4) ||
				  !strncmp(p + 1, "\xE2\x80\x94 ", 4))) {
			*n = 5;
			return p;
		}
	}
	return NULL;
}

static void analyse(hcell *h, const char *text)
{
	char *t = ibm_xmalloc(strlen(text) + 1), *first = NULL;
	size_t o = 0, nw, k;
	int depth = 0;

	memset(h, 0, sizeof *h);
	h->key = ibm_name_key(text);
	/* remarks in parentheses out */
	for (const char *p = text; *p; p++) {
		if (*p == '(') {
			depth++;
		} else if (*p == ')' && depth) {
			depth--;
		} else if (!depth) {
			t[o++] = *p == '\r' ? ' ' : *p;
		}
		if (*p == '?')
			h->question = 1;
	}
	t[o] = '\0';
	{
		size_t l = strlen(text);

		while (l && (text[l - 1] == ' ' || text[l - 1] == '\t'))
			l--;
		h->sub = l && text[l - 1] == ']' && strchr(text, '[');
	}
	k = numbering(t);
	free(words_of(t + k, strlen(t + k), &nw, &first));
	if (first && in_list(first, question_word,
			     sizeof question_word / sizeof *question_word))
		h->question = 1;
	free(first);
	seg_set(&h->s[0], t, o);
	h->ns = 1;
	{
		const char *p = t;
		size_t n;
		const char *e = part_end(p, &n);

		while (e && h->ns < NSEG) {
			seg_set(&h->s[h->ns++], p, (size_t)(e - p));
			p = e + n;
			e = part_end(p, &n);
			if (!e && h->ns < NSEG)
				seg_set(&h->s[h->ns++], p, strlen(p));
		}
	}
	free(t);
}

static void hcell_free(hcell *h)
{
	free(h->key);
	for (int i = 0; i < h->ns; i++) {
		free(h->s[i].key);
		free(h->s[i].w);
	}
}

/* Are the words of a a run of the words of b? */
static int word_run(const char *a, const char *b)
{
	size_t la = strlen(a);

	for (const char *p = b; (p = strstr(p, a)) != NULL; p++)
		if ((p == b || p[-1] == ' ') && (p[la] == ' ' || !p[la]))
			return 1;
	return 0;
}

/* Scores above 0: how well header h matches alias a (not at the name
 * level, which is found apart). */
#define SCORE_REMARK 900
#define SCORE_WORDS 800
#define SCORE_PART 500

static int score(const hcell *h, const hcell *a)
{
	const seg *as = &a->s[0];
	int best = 0;

	if (!as->key[0] || h->sub)
		return 0;
	for (int i = 0; i < h->ns; i++) {
		const seg *g = &h->s[i];
		size_t extra, most;

		if (strcmp(g->key, a->key) == 0 || strcmp(g->key, as->key) == 0)
			return SCORE_REMARK;
		if (g->nw && as->nw && strcmp(g->w, as->w) == 0) {
			best = SCORE_WORDS;
			continue;
		}
		if (h->question || !as->nw || g->nw <= as->nw ||
		    g->nw > PART_MAX_WORDS)
			continue;
		extra = g->nw - as->nw;
		most = as->nw < PART_MAX_EXTRA ? as->nw : PART_MAX_EXTRA;
		if (extra <= most && word_run(as->w, g->w)) {
			int s = SCORE_PART + (int)(290 * as->nw / g->nw);

			if (s > best)
				best = s;
		}
	}
	return best;
}

/* ------------------------------------------------- --column, --columns */

typedef struct colmap {
	char *role, *rolekey; /* as given, and its key */
	char *header;         /* "" : the role has no column */
	char *from;           /* "--column" or "FILE:LINE" */
	int used;             /* a header named so was found */
	int role_seen;        /* some input looked for the role */
} colmap;

static colmap *maps;
static size_t nmaps, mapcap;
/* the roles looked for in this run, for messages */
static ibm_strlist roles_seen;

int ibm_col_given(const char *arg, const char *from)
{
	const char *eq = strchr(arg, '=');
	colmap *m;
	char *role;

	if (!eq || eq == arg) {
		ibm_error(from, 0, "--column takes ROLE=HEADER (a column's "
			  "name and the header that holds it), not \"%s\"",
			  arg);
		return -1;
	}
	role = ibm_xstrndup(arg, (size_t)(eq - arg));
	ibm_trim(role);
	ibm_grow((void **)&maps, &mapcap, nmaps + 1, sizeof *maps);
	m = &maps[nmaps++];
	memset(m, 0, sizeof *m);
	m->role = role;
	m->rolekey = ibm_name_key(role);
	m->header = ibm_xstrdup(eq + 1);
	ibm_trim(m->header);
	m->from = ibm_xstrdup(from ? from : "--column");
	if (!m->rolekey[0]) {
		ibm_error(from, 0, "--column %s: no column name before '='",
			  arg);
		return -1;
	}
	return 0;
}

int ibm_col_map_read(const char *path, const ibm_csv_opts *base)
{
	static const ibm_colspec cols[] = {
		{ "role|peran|kolom tool|column", 1, "role" },
		{ "header|judul|judul kolom|kolom|nama kolom", 1, "header" },
	};
	ibm_csv_opts o = *base;
	int idx[2], st = 0, k;
	const ibm_rec *rec;
	ibm_csv *r;

	o.need = cols;
	o.nneed = 2;
	o.allow_empty = 0;
	r = ibm_csv_open(path, &o, &st);
	if (!r)
		return st;
	if (ibm_csv_resolve(r, cols, 2, idx) != 0) {
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		const char *role = rec->f[idx[0]];
		char *from, *arg;
		size_t n;

		if (!*role && !*rec->f[idx[1]])
			continue;
		n = strlen(ibm_csv_name(r)) + 24;
		from = ibm_xmalloc(n);
		snprintf(from, n, "%s:%ld", ibm_csv_name(r), rec->line);
		n = strlen(role) + strlen(rec->f[idx[1]]) + 2;
		arg = ibm_xmalloc(n);
		snprintf(arg, n, "%s=%s", role, rec->f[idx[1]]);
		if (!*role || ibm_col_given(arg, from) != 0) {
			if (!*role)
				ibm_error(from, 0, "no role given for the "
					  "header \"%s\"", rec->f[idx[1]]);
			free(from);
			free(arg);
			ibm_csv_close(r);
			return IBM_EX_DATAERR;
		}
		free(from);
		free(arg);
	}
	st = k < 0 ? (ibm_csv_status(r) ? ibm_csv_status(r)
		      : IBM_EX_DATAERR) : 0;
	ibm_csv_close(r);
	/* the map's own columns are none of the run's */
	ibm_strlist_free(&roles_seen);
	return st;
}

void ibm_col_unused(void)
{
	for (size_t i = 0; i < nmaps; i++) {
		colmap *m = &maps[i];

		if (m->used)
			continue;
		if (!m->role_seen) {
			char *all = NULL;
			size_t len = 0, cap = 0;

			for (size_t j = 0; j < roles_seen.n; j++) {
				if (j)
					adds(&all, &len, &cap, ", ");
				append(&all, &len, &cap, roles_seen.v[j],
				       strlen(roles_seen.v[j]));
			}
			ibm_warn(m->from, 0, "%s=%s: no input of this run has "
				 "a column %s (the columns read: %s)",
				 m->role, m->header, m->role,
				 all ? all : "none");
			free(all);
		} else if (*m->header) {
			ibm_warn(m->from, 0, "%s=%s: no input with the column "
				 "%s has a header \"%s\"", m->role, m->header,
				 m->role, m->header);
		}
	}
	for (size_t i = 0; i < nmaps; i++) {
		free(maps[i].role);
		free(maps[i].rolekey);
		free(maps[i].header);
		free(maps[i].from);
	}
	free(maps);
	maps = NULL;
	nmaps = mapcap = 0;
	ibm_strlist_free(&roles_seen);
}

/* ------------------------------------------------------------ matching */

/* The name of a role: its own, else its first alias. */
const char *ibm_col_role(const ibm_colspec *s, char *buf, size_t size)
{
	size_t n;

	if (s->role)
		return s->role;
	n = strcspn(s->aliases, "|");
	if (n >= size)
		n = size - 1;
	memcpy(buf, s->aliases, n);
	buf[n] = '\0';
	return buf;
}

/* Alias i of a list into a new string (NULL past the last). */
static char *alias_at(const char *aliases, int i)
{
	const char *p = aliases;

	for (; i > 0 && p; i--) {
		p = strchr(p, '|');
		if (p)
			p++;
	}
	if (!p)
		return NULL;
	return ibm_xstrndup(p, strcspn(p, "|"));
}

/* Does map m name role s (its name or one of its aliases)? 2 for its
 * name, 1 for an alias, 0 not. */
static int map_names(const colmap *m, const ibm_colspec *s)
{
	char buf[128], *k = ibm_name_key(ibm_col_role(s, buf, sizeof buf));
	int r = strcmp(k, m->rolekey) == 0 ? 2 : 0;

	free(k);
	for (int i = 0; !r; i++) {
		char *a = alias_at(s->aliases, i);

		if (!a)
			break;
		k = ibm_name_key(a);
		r = strcmp(k, m->rolekey) == 0;
		free(k);
		free(a);
	}
	return r;
}

/* The header named h: its text (case and white space ignored), else its
 * name; -1 if none. */
static int header_named(const ibm_rec *hdr, char *const *keys, const char *h)
{
	char *k = ibm_name_key(h);
	int found = -1;

	for (size_t i = 0; i < hdr->n && found < 0; i++) {
		char *t = ibm_xstrdup(hdr->f[i]);

		ibm_fold_space(t);
		if (ibm_casecmp(t, h) == 0)
			found = (int)i;
		free(t);
	}
	for (size_t i = 0; i < hdr->n && found < 0 && k[0]; i++)
		if (strcmp(keys[i], k) == 0)
			found = (int)i;
	free(k);
	return found;
}

typedef struct cand {
	int role, col, score, alias;
} cand;

static int cand_cmp(const void *a, const void *b)
{
	const cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/*
 * The match itself. quiet: no map is marked used (the header search
 * tries rows that may not be the header); no_part: not by some of its
 * words.
 */
static void match(const ibm_rec *hdr, const ibm_colspec *specs, size_t n,
		  ibm_colfound *f, int quiet, int no_part)
{
	hcell *hc = ibm_xcalloc(hdr->n + 1, sizeof *hc);
	char **keys = ibm_xcalloc(hdr->n + 1, sizeof *keys);
	unsigned char *claimed = ibm_xcalloc(hdr->n + 1, 1);
	cand *c = NULL;
	size_t nc = 0, ccap = 0;
	int analysed = 0;

	for (size_t i = 0; i < hdr->n; i++)
		keys[i] = ibm_name_key(hdr->f[i]);
	for (size_t r = 0; r < n; r++) {
		memset(&f[r], 0, sizeof f[r]);
		f[r].col = f[r].tie[0] = f[r].tie[1] = f[r].rival = -1;
		f[r].alias = -1;
	}
	/* given by --column: the role's own name before its aliases */
	for (int pass = 2; pass >= 1; pass--)
		for (size_t m = 0; m < nmaps; m++)
			for (size_t r = 0; r < n; r++) {
				int col;

				if (f[r].how || map_names(&maps[m], &specs[r])
				    != pass)
					continue;
				if (!quiet)
					maps[m].role_seen = 1;
				if (!*maps[m].header) {
					f[r].how = IBM_COL_GIVEN_NONE;
					f[r].from = maps[m].from;
					break;
				}
				col = header_named(hdr, keys, maps[m].header);
				if (col < 0) {
					f[r].missed = maps[m].header;
					continue;
				}
				if (!quiet)
					maps[m].used = 1;
				f[r].col = col;
				f[r].how = IBM_COL_GIVEN;
				f[r].from = maps[m].from;
				claimed[col] = 1;
				break;
			}
	/* by name, each role for itself */
	for (size_t r = 0; r < n; r++) {
		const char *p = specs[r].aliases;

		if (f[r].how)
			continue;
		for (int a = 0; p && f[r].col < 0; a++) {
			size_t len = strcspn(p, "|");
			char *al = ibm_xstrndup(p, len);
			char *ak = ibm_name_key(al);

			for (size_t i = 0; i < hdr->n && ak[0]; i++)
				if (strcmp(keys[i], ak) == 0) {
					f[r].col = (int)i;
					f[r].alias = a;
					f[r].how = IBM_COL_NAME;
					break;
				}
			free(al);
			free(ak);
			p = p[len] ? p + len + 1 : NULL;
		}
	}
	for (size_t r = 0; r < n; r++)
		if (f[r].col >= 0)
			claimed[f[r].col] = 1;
	/* the other levels: candidates, best first */
	for (size_t r = 0; r < n; r++) {
		hcell *ac = NULL;
		int na = 0;

		if (f[r].how)
			continue;
		if (!analysed) {
			for (size_t i = 0; i < hdr->n; i++)
				analyse(&hc[i], hdr->f[i]);
			analysed = 1;
		}
		for (const char *p = specs[r].aliases; p; na++) {
			size_t len = strcspn(p, "|");
			char *al = ibm_xstrndup(p, len);

			ac = ibm_xrealloc(ac, (size_t)(na + 1) * sizeof *ac);
			analyse(&ac[na], al);
			free(al);
			p = p[len] ? p + len + 1 : NULL;
		}
		for (size_t i = 0; i < hdr->n; i++) {
			int best = 0, ba = -1;

			if (claimed[i])
				continue;
			for (int a = 0; a < na; a++) {
				int s = score(&hc[i], &ac[a]);

				if (no_part && s < SCORE_WORDS)
					s = 0;
				if (s > best) {
					best = s;
					ba = a;
				}
			}
			if (!best)
				continue;
			ibm_grow((void **)&c, &ccap, nc + 1, sizeof *c);
			c[nc].role = (int)r;
			c[nc].col = (int)i;
			c[nc].score = best;
			c[nc++].alias = ba;
		}
		for (int a = 0; a < na; a++)
			hcell_free(&ac[a]);
		free(ac);
	}
	if (nc)
		qsort(c, nc, sizeof *c, cand_cmp);
	for (size_t g = 0; g < nc;) {
		size_t e = g;

		while (e < nc && c[e].score == c[g].score)
			e++;
		/* a role with two free headers at this score: a tie */
		for (size_t i = g; i < e; i++) {
			ibm_colfound *fr = &f[c[i].role];

			if (fr->how || claimed[c[i].col])
				continue;
			for (size_t j = i + 1; j < e; j++)
				if (c[j].role == c[i].role &&
				    !claimed[c[j].col]) {
					fr->how = IBM_COL_TIE;
					fr->tie[0] = c[i].col;
					fr->tie[1] = c[j].col;
					break;
				}
		}
		/* a header two roles want at this score: a tie too */
		for (size_t i = g; i < e; i++) {
			ibm_colfound *fr = &f[c[i].role];

			if (fr->how || claimed[c[i].col])
				continue;
			for (size_t j = i + 1; j < e; j++) {
				ibm_colfound *fj = &f[c[j].role];

				if (c[j].col != c[i].col || fj->how)
					continue;
				fr->how = fj->how = IBM_COL_TIE;
				fr->tie[0] = fj->tie[0] = c[i].col;
				fr->rival = c[j].role;
				fj->rival = c[i].role;
			}
			if (fr->how)
				continue;
			fr->col = c[i].col;
			fr->alias = c[i].alias;
			fr->how = c[i].score >= SCORE_REMARK ? IBM_COL_REMARK
				: c[i].score >= SCORE_WORDS ? IBM_COL_WORDS
				: IBM_COL_PART;
			claimed[c[i].col] = 1;
		}
		g = e;
	}
	free(c);
	if (analysed)
		for (size_t i = 0; i < hdr->n; i++)
			hcell_free(&hc[i]);
	free(hc);
	for (size_t i = 0; i < hdr->n; i++)
		free(keys[i]);
	free(keys);
	free(claimed);
}

void ibm_col_match(const ibm_rec *hdr, const ibm_colspec *specs, size_t n,
		   ibm_colfound *f, int no_part)
{
	match(hdr, specs, n, f, 1, no_part);
}

int ibm_col_find(const ibm_rec *hdr, const char *aliases)
{
	/* the first alias that names a header wins */
	for (const char *p = aliases; p;) {
		size_t len = strcspn(p, "|");
		char *a = ibm_xstrndup(p, len);
		char *k = ibm_name_key(a);
		int found = -1;

		for (size_t i = 0; i < hdr->n && found < 0 && k[0]; i++) {
			char *h = ibm_name_key(hdr->f[i]);

			if (strcmp(h, k) == 0)
				found = (int)i;
			free(h);
		}
		free(a);
		free(k);
		if (found >= 0)
			return found;
		p = p[len] ? p + len + 1 : NULL;
	}
	return -1;
}

/* ---------------------------------------------------------- messages */

/* "B" (a workbook's column) or "2" (a CSV field's number). */
static void col_label(char *b, const char *file, long line, size_t col)
{
	if (file && ibm_cell_name(file, line > 0 ? line : 1, col, b)) {
		b[strcspn(b, "0123456789")] = '\0';
		return;
	}
	snprintf(b, 16, "%zu", col + 1);
}

/* A header in messages: column B "Nama Lengkap (tanpa gelar)". */
static void add_header(char **buf, size_t *len, size_t *cap, const char *file,
		       long line, const ibm_rec *hdr, int col)
{
	char b[32];
	char *t = ibm_xstrdup(hdr->f[col]);

	col_label(b, file, line, (size_t)col);
	ibm_fold_space(t);
	append(buf, len, cap, b, strlen(b));
	adds(buf, len, cap, " \"");
	append(buf, len, cap, t, strlen(t));
	adds(buf, len, cap, "\"");
	free(t);
}

char *ibm_col_seen(const ibm_rec *hdr)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;

	adds(&buf, &len, &cap, "");
	for (size_t i = 0; i < hdr->n; i++) {
		char *t = ibm_xstrdup(hdr->f[i]);

		if (i)
			adds(&buf, &len, &cap, ", ");
		ibm_fold_space(t);
		append(&buf, &len, &cap, t[0] ? t : "(empty)",
		       strlen(t[0] ? t : "(empty)"));
		free(t);
	}
	return buf;
}

static const char *how_text(const ibm_colfound *f)
{
	switch (f->how) {
	case IBM_COL_GIVEN: return "as given";
	case IBM_COL_NAME: return "by its name";
	case IBM_COL_REMARK: return "by its name less remarks and numbering";
	case IBM_COL_WORDS: return "by its words";
	case IBM_COL_PART: return "by some of its words";
	default: return "";
	}
}

void ibm_col_explain(const char *file, long line, const ibm_rec *hdr,
		     const ibm_colspec *specs, size_t n,
		     const ibm_colfound *f,
		     void (*out)(const char *text, void *data), void *data)
{
	char rb[128];

	for (size_t i = 0; i < hdr->n; i++) {
		char *buf = NULL;
		size_t len = 0, cap = 0;
		int any = 0;

		adds(&buf, &len, &cap, "column ");
		add_header(&buf, &len, &cap, file, line, hdr, (int)i);
		for (size_t r = 0; r < n; r++) {
			const char *role;

			if (f[r].col != (int)i)
				continue;
			role = ibm_col_role(&specs[r], rb, sizeof rb);
			append(&buf, &len, &cap, any ? " and " : ": ",
			       any ? 5 : 2);
			append(&buf, &len, &cap, role, strlen(role));
			adds(&buf, &len, &cap, " (");
			append(&buf, &len, &cap, how_text(&f[r]),
			       strlen(how_text(&f[r])));
			if (f[r].how == IBM_COL_PART ||
			    f[r].how == IBM_COL_WORDS) {
				char *a = alias_at(specs[r].aliases,
						   f[r].alias);

				adds(&buf, &len, &cap, ", \"");
				append(&buf, &len, &cap, a, strlen(a));
				adds(&buf, &len, &cap, "\"");
				free(a);
			} else if (f[r].how == IBM_COL_GIVEN) {
				adds(&buf, &len, &cap, " by ");
				append(&buf, &len, &cap, f[r].from,
				       strlen(f[r].from));
			}
			adds(&buf, &len, &cap, ")");
			any = 1;
		}
		for (size_t r = 0; r < n && !any; r++) {
			if (f[r].how != IBM_COL_TIE ||
			    (f[r].tie[0] != (int)i && f[r].tie[1] != (int)i))
				continue;
			adds(&buf, &len, &cap, ": not used (it could be ");
			adds(&buf, &len, &cap,
			     ibm_col_role(&specs[r], rb, sizeof rb));
			if (f[r].rival >= 0) {
				adds(&buf, &len, &cap, " or ");
				adds(&buf, &len, &cap,
				     ibm_col_role(&specs[f[r].rival], rb,
						  sizeof rb));
			} else {
				adds(&buf, &len, &cap, ", as could column ");
				add_header(&buf, &len, &cap, file, line, hdr,
					   f[r].tie[f[r].tie[0] == (int)i]);
			}
			adds(&buf, &len, &cap, ")");
			any = 1;
		}
		if (!any)
			adds(&buf, &len, &cap, ": not one of the columns "
			       "looked for");
		out(buf, data);
		free(buf);
	}
	for (size_t r = 0; r < n; r++) {
		char *buf = NULL;
		size_t len = 0, cap = 0;
		const char *role = ibm_col_role(&specs[r], rb, sizeof rb);

		if (f[r].col >= 0)
			continue;
		append(&buf, &len, &cap, role, strlen(role));
		adds(&buf, &len, &cap, ": ");
		if (f[r].how == IBM_COL_GIVEN_NONE) {
			adds(&buf, &len, &cap, "none (as given by ");
			append(&buf, &len, &cap, f[r].from, strlen(f[r].from));
			adds(&buf, &len, &cap, ")");
		} else if (f[r].how == IBM_COL_TIE && f[r].rival >= 0) {
			const char *o = ibm_col_role(&specs[f[r].rival], rb,
						     sizeof rb);

			adds(&buf, &len, &cap, "not found: ");
			add_header(&buf, &len, &cap, file, line, hdr,
				   f[r].tie[0]);
			adds(&buf, &len, &cap, " could be it or ");
			append(&buf, &len, &cap, o, strlen(o));
		} else if (f[r].how == IBM_COL_TIE) {
			adds(&buf, &len, &cap, "not found: both ");
			add_header(&buf, &len, &cap, file, line, hdr,
				   f[r].tie[0]);
			adds(&buf, &len, &cap, " and ");
			add_header(&buf, &len, &cap, file, line, hdr,
				   f[r].tie[1]);
			adds(&buf, &len, &cap, " could be it");
		} else {
			adds(&buf, &len, &cap, "not found");
			if (specs[r].required)
				adds(&buf, &len, &cap, " (required)");
		}
		if (f[r].missed) {
			adds(&buf, &len, &cap, "; no header \"");
			append(&buf, &len, &cap, f[r].missed,
			       strlen(f[r].missed));
			adds(&buf, &len, &cap, "\" as --column says");
		}
		out(buf, data);
		free(buf);
	}
}

typedef struct note_ctx {
	const char *file;
	long line;
} note_ctx;

static void note_line(const char *text, void *data)
{
	const note_ctx *c = data;

	ibm_note(c->file, c->line, "%s", text);
}

/* "nama (or: nama lengkap, name)" */
static void add_role(char **buf, size_t *len, size_t *cap,
		     const ibm_colspec *s)
{
	char rb[128];
	const char *role = ibm_col_role(s, rb, sizeof rb);
	int n = 0;

	append(buf, len, cap, role, strlen(role));
	for (int i = 0; ; i++) {
		char *a = alias_at(s->aliases, i);

		if (!a)
			break;
		if (strcmp(a, role) != 0) {
			append(buf, len, cap, n ? ", " : " (or: ",
			       n ? 2 : 6);
			append(buf, len, cap, a, strlen(a));
			n++;
		}
		free(a);
	}
	if (n)
		adds(buf, len, cap, ")");
}

int ibm_col_resolve_found(const char *file, long line, const ibm_rec *hdr,
			  const ibm_colspec *specs, size_t n, int *idx,
			  ibm_colfound *f)
{
	char *msg = NULL, rb[128];
	size_t len = 0, cap = 0;
	int missing = 0, status = 0, first = -1;

	match(hdr, specs, n, f, 0, 0);
	for (size_t r = 0; r < n; r++) {
		const char *role = ibm_col_role(&specs[r], rb, sizeof rb);

		idx[r] = f[r].col;
		size_t k;

		for (k = 0; k < roles_seen.n; k++)
			if (strcmp(roles_seen.v[k], role) == 0)
				break;
		if (k == roles_seen.n) {
			roles_seen.v = ibm_xrealloc(roles_seen.v,
				(roles_seen.n + 1) * sizeof *roles_seen.v);
			roles_seen.v[roles_seen.n++] = ibm_xstrdup(role);
		}
	}
	if (ibm_diag_verbose()) {
		note_ctx c = { file, line };

		ibm_note(file, line, "how the header was read:");
		ibm_col_explain(file, line, hdr, specs, n, f, note_line, &c);
	}
	/* ties: an error for a column the tool needs, else a warning */
	for (size_t r = 0; r < n; r++) {
		char *t = NULL;
		size_t tl = 0, tc = 0;
		const char *role = ibm_col_role(&specs[r], rb, sizeof rb);

		if (f[r].how != IBM_COL_TIE)
			continue;
		if (f[r].rival >= 0 && f[r].rival < (int)r)
			continue; /* said with the rival */
		adds(&t, &tl, &tc, "");
		if (f[r].rival >= 0) {
			char ob[128];
			const char *o = ibm_col_role(&specs[f[r].rival], ob,
						     sizeof ob);

			adds(&t, &tl, &tc, "column ");
			add_header(&t, &tl, &tc, file, line, hdr, f[r].tie[0]);
			adds(&t, &tl, &tc, " could be ");
			append(&t, &tl, &tc, role, strlen(role));
			adds(&t, &tl, &tc, " or ");
			append(&t, &tl, &tc, o, strlen(o));
			adds(&t, &tl, &tc, "; it is neither until "
			       "--column ROLE=HEADER says which");
			if (specs[r].required || specs[f[r].rival].required) {
				ibm_error(file, line, "%s", t);
				status = -1;
			} else {
				ibm_warn(file, line, "%s", t);
			}
		} else {
			adds(&t, &tl, &tc, "both ");
			add_header(&t, &tl, &tc, file, line, hdr, f[r].tie[0]);
			adds(&t, &tl, &tc, " and ");
			add_header(&t, &tl, &tc, file, line, hdr, f[r].tie[1]);
			adds(&t, &tl, &tc, " could be the column ");
			append(&t, &tl, &tc, role, strlen(role));
			adds(&t, &tl, &tc, "; say which with --column ");
			append(&t, &tl, &tc, role, strlen(role));
			adds(&t, &tl, &tc, "=HEADER");
			if (specs[r].required) {
				ibm_error(file, line, "%s", t);
				status = -1;
			} else {
				ibm_warn(file, line, "%s; neither is used",
					 t);
			}
		}
		free(t);
	}
	for (size_t r = 0; r < n; r++) {
		if (f[r].col >= 0 || !specs[r].required ||
		    f[r].how == IBM_COL_TIE)
			continue;
		append(&msg, &len, &cap, missing ? "; " : "", missing ? 2 : 0);
		add_role(&msg, &len, &cap, &specs[r]);
		if (f[r].how == IBM_COL_GIVEN_NONE) {
			adds(&msg, &len, &cap, " (none, as ");
			append(&msg, &len, &cap, f[r].from, strlen(f[r].from));
			adds(&msg, &len, &cap, " says)");
		} else if (f[r].missed) {
			adds(&msg, &len, &cap, " (no header \"");
			append(&msg, &len, &cap, f[r].missed,
			       strlen(f[r].missed));
			adds(&msg, &len, &cap, "\" as --column says)");
		}
		if (first < 0)
			first = (int)r;
		missing++;
	}
	if (missing) {
		char *seen = ibm_col_seen(hdr);

		ibm_error(file, line, "missing required column%s: %s; found: "
			  "%s; name the right one with --column %s=HEADER",
			  missing > 1 ? "s" : "", msg, seen,
			  ibm_col_role(&specs[first], rb, sizeof rb));
		free(seen);
		status = -1;
	}
	free(msg);
	return status;
}

int ibm_col_resolve(const char *file, long line, const ibm_rec *hdr,
		    const ibm_colspec *specs, size_t n, int *idx)
{
	ibm_colfound *f = ibm_xcalloc(n + 1, sizeof *f);
	int st = ibm_col_resolve_found(file, line, hdr, specs, n, idx, f);

	free(f);
	return st;
}

int ibm_csv_resolve(const ibm_csv *r, const ibm_colspec *specs, size_t n,
		    int *idx)
{
	return ibm_col_resolve(ibm_csv_name(r), ibm_csv_header(r)->line,
			       ibm_csv_header(r), specs, n, idx);
}

char *ibm_rec_cell(const ibm_rec *rec, int i)
{
	char *s = ibm_xstrdup(i >= 0 ? rec->f[i] : "");

	ibm_fold_space(s);
	return s;
}
