/* run.c - ibm-score's two modes (one test streamed; pre/post
 * matched), the summary statistics and the item analysis. */
#include "score.h"
#include "stats.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* -------------------------------------------------------------- table */

void score_table_init(score_table *t, const char *const *hdr, size_t ncol)
{
	memset(t, 0, sizeof *t);
	t->ncol = ncol;
	t->hdr = ibm_xcalloc(ncol + 1, sizeof *t->hdr);
	for (size_t i = 0; i < ncol; i++)
		t->hdr[i] = ibm_xstrdup(hdr[i]);
}

char **score_table_row(score_table *t)
{
	size_t old = t->cap;
	char **r;

	ibm_grow((void **)&t->cell, &t->cap, (t->nrow + 1) * t->ncol + 1,
		 sizeof *t->cell);
	memset(t->cell + old, 0, (t->cap - old) * sizeof *t->cell);
	r = t->cell + t->nrow * t->ncol;
	t->nrow++;
	return r;
}

void score_table_set(char **row, size_t col, const char *s)
{
	free(row[col]);
	row[col] = s ? ibm_xstrdup(s) : NULL;
}

void score_table_num(char **row, size_t col, double v, int decimals)
{
	char b[64];

	ibm_fmt_num(b, sizeof b, v, decimals, '.');
	score_table_set(row, col, b[0] ? b : NULL);
}

int score_table_col(const score_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncol; i++)
		if (strcmp(t->hdr[i], name) == 0)
			return (int)i;
	return -1;
}

/* Numbers are written in the output dialect (decimal comma with
 * --excel): cells holding a plain number go through ibm_csvw_num. */
static int plain_number(const char *s, double *v)
{
	char *end;

	if (!s || !*s || !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	*v = strtod(s, &end);
	return *end == '\0';
}

void score_table_write(const score_table *t, ibm_csvw *w, int excel)
{
	score_table_write_rows(t, w, excel, NULL);
}

static void table_write_header(const score_table *t, ibm_csvw *w)
{
	for (size_t i = 0; i < t->ncol; i++)
		ibm_csvw_str(w, t->hdr[i]);
	ibm_csvw_end(w);
}

/* A cell in the output dialect: a plain number with a decimal comma
 * under --excel. */
static void write_cell(ibm_csvw *w, const char *s, int excel)
{
	double v;
	const char *dot;

	if (excel && (dot = plain_number(s, &v) ? strchr(s, '.') : NULL)) {
		char *d = ibm_xstrdup(s);

		d[dot - s] = ',';
		ibm_csvw_str(w, d);
		free(d);
	} else {
		ibm_csvw_str(w, s);
	}
}

static void table_write_row(const score_table *t, size_t r, ibm_csvw *w,
			    int excel)
{
	for (size_t i = 0; i < t->ncol; i++)
		write_cell(w, t->cell[r * t->ncol + i], excel);
	ibm_csvw_end(w);
}

void score_table_write_rows(const score_table *t, ibm_csvw *w, int excel,
			    const unsigned char *show)
{
	table_write_header(t, w);
	for (size_t r = 0; r < t->nrow; r++)
		if (!show || show[r])
			table_write_row(t, r, w, excel);
}

void score_table_free(score_table *t)
{
	for (size_t i = 0; i < t->ncol; i++)
		free(t->hdr[i]);
	free(t->hdr);
	for (size_t i = 0; i < t->nrow * t->ncol; i++)
		free(t->cell[i]);
	free(t->cell);
	memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------ helpers */

static double fx(long long v)
{
	return (double)v / (double)SCORE_SCALE;
}

static double pct(long long s, long long m)
{
	return m > 0 ? 100.0 * (double)s / (double)m : NAN;
}

/* Exact fixed-point numbers: score (thousandths) and percent. */
static void tab_fixed(char **row, size_t col, long long num, long long den,
		      int decimals)
{
	char b[48];

	score_table_set(row, col, den > 0 ? score_fmt_fixed(b, num, den,
							   decimals, '.')
			: NULL);
}

static void csv_fixed(ibm_csvw *w, long long num, long long den,
		      int decimals, int excel)
{
	/* a run writes few distinct numbers (scores are sums of points):
	 * keep the text of the last ones in a small table */
	static struct {
		long long num, den;
		int decimals, excel;
		size_t len;
		char b[48];
	} memo[128];
	unsigned long long h;
	size_t i;

	if (den <= 0) {
		ibm_csvw_field(w, "", 0);
		return;
	}
	h = (unsigned long long)num * 0x9E3779B97F4A7C15ULL ^
	    (unsigned long long)den * 0xC2B2AE3D27D4EB4FULL;
	i = (size_t)(h >> 57);
	if (memo[i].len == 0 || memo[i].num != num || memo[i].den != den ||
	    memo[i].decimals != decimals || memo[i].excel != excel) {
		score_fmt_fixed(memo[i].b, num, den, decimals,
				excel ? ',' : '.');
		memo[i].num = num;
		memo[i].den = den;
		memo[i].decimals = decimals;
		memo[i].excel = excel;
		memo[i].len = strlen(memo[i].b);
	}
	ibm_csvw_field(w, memo[i].b, memo[i].len);
}

static int passed(const score_opts *o, long long s, long long m)
{
	/* s / m * 100 >= pass  <=>  s * 100 * SCALE >= pass * m */
	return (long double)s * 100 * SCORE_SCALE >= (long double)o->pass * m;
}

/* Write a table to an output for path (nothing when path is NULL). */
static void write_output(const score_table *t, const char *path,
			 int excel)
{
	ibm_atomic *a;
	ibm_csvw *w;

	if (!path)
		return;
	a = ibm_atomic_open(path);
	w = ibm_csvw_new(ibm_atomic_fp(a), excel);
	score_table_write(t, w, excel);
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, path, "write error");
	ibm_atomic_finish(a);
}

/* --summary, --items and --report: each finished here; ibm_close_stdout
 * renames them into place together once all and stdout are written. */
static void write_side_outputs(const score_opts *o, const score_table *sum,
			       const score_table *items,
			       const score_table *people,
			       const score_table *part, int has_key,
			       int prepost)
{
	write_output(sum, o->summary, o->excel);
	write_output(items, o->items, o->excel);
	if (o->report)
		score_report_write(o->report, sum, people,
				   has_key ? items : NULL, part, prepost);
}

/* A simple string -> index hash map (open addressing; each slot keeps
 * the key's hash, so that a probe compares strings only when they agree
 * and touches one cache line). Keys are hashed once (person.h1, h2). */
typedef struct smap_e {
	const char *k;        /* NULL: empty */
	uint32_t h, v;        /* the key's hash (its low bits), the value */
} smap_e;

typedef struct smap {
	smap_e *e;
	size_t cap, n;
} smap;

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603ULL & (size_t)-1;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h ^ h >> 29;
}

/* An empty map with room for n keys without growing. */
static void smap_init(smap *m, size_t n)
{
	m->cap = 64;
	while (m->cap < 2 * n)
		m->cap *= 2;
	m->e = ibm_xcalloc(m->cap, sizeof *m->e);
	m->n = 0;
}

/* smap_init in the memory of spare (a map no longer needed, emptied)
 * when it is large enough: its pages are there already. spare NULL:
 * none. */
static void smap_init_from(smap *m, size_t n, smap *spare)
{
	size_t cap = 64;

	while (cap < 2 * n)
		cap *= 2;
	if (spare && spare->e && spare->cap >= cap) {
		*m = *spare;
		memset(m->e, 0, m->cap * sizeof *m->e);
		m->n = 0;
		memset(spare, 0, sizeof *spare);
		return;
	}
	smap_init(m, n);
}

/* The slot of k (hash h): its own, or the empty one where it goes. */
static size_t smap_slot(const smap *m, const char *k, size_t h)
{
	size_t i;

	for (i = h & (m->cap - 1); m->e[i].k; i = (i + 1) & (m->cap - 1))
		if (m->e[i].h == (uint32_t)h && strcmp(m->e[i].k, k) == 0)
			break;
	return i;
}

static uint32_t *smap_get(smap *m, const char *k, size_t h)
{
	size_t i;

	if (!m->cap)
		return NULL;
	i = smap_slot(m, k, h);
	return m->e[i].k ? &m->e[i].v : NULL;
}

/* The value of k (hash h), inserted with v when new (*isnew set). */
static uint32_t *smap_add(smap *m, const char *k, size_t h, size_t v,
			  int *isnew)
{
	size_t i;

	if (v > UINT32_MAX)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	if (2 * (m->n + 1) > m->cap) {
		smap old = *m;

		smap_init(m, 2 * (old.n + 1));
		for (size_t j = 0; j < old.cap; j++)
			if (old.e[j].k) {
				size_t x = old.e[j].h & (m->cap - 1);

				while (m->e[x].k)
					x = (x + 1) & (m->cap - 1);
				m->e[x] = old.e[j];
			}
		m->n = old.n;
		free(old.e);
	}
	i = smap_slot(m, k, h);
	*isnew = !m->e[i].k;
	if (*isnew) {
		m->e[i].k = k;
		m->e[i].v = (uint32_t)v;
		m->e[i].h = (uint32_t)h;
		m->n++;
	}
	return &m->e[i].v;
}

static void smap_free(smap *m)
{
	free(m->e);
	memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------- people */

/* A person's identifiers (person.id): participant_id, e-mail and phone
 * keys (score_match_key; "" none), then participant_id and phone as
 * given (--roster; NULL none). */
enum { ID_KEY, ID_EMAIL, ID_PHONE, ID_GIVEN, ID_PHONE_GIVEN, ID_N };

/* Small: every step of matching goes through all of them. */
typedef struct person {
	char *name, *email;
	char *k1, *k2;        /* matching keys: primary, by name (without
				 degrees and titles) */
	const char **id;      /* ID_N identifiers, NULL when there are none */
	char **keep;
	long line;
	long ros;             /* roster row, -1 none */
	long partner;         /* index on the other side, -1 none */
	uint32_t h1, h2;      /* the keys' hashes (their low bits) */
	uint32_t row;         /* submission index in the test */
	unsigned char amb;    /* an identifier on several roster lines */
	unsigned char active;
	unsigned char fuzzy;
} person;

/* Identifier `which` of p: "" (or NULL for those as given) when none. */
static const char *pid(const person *p, int which)
{
	return p->id ? p->id[which] : which >= ID_GIVEN ? NULL : "";
}

/* The strings of a side's people, in chunks: no malloc and free each. */
typedef struct str_arena {
	char **chunk;
	size_t n, cap;
	char *cur;
	size_t left;
} str_arena;

/* Room for len bytes at a->cur (not taken: arena_keep takes them). */
static char *arena_room(str_arena *a, size_t len)
{
	if (len > a->left) {
		size_t sz = len > 65536 ? len : 65536;

		ibm_grow((void **)&a->chunk, &a->cap, a->n + 1,
			 sizeof *a->chunk);
		a->cur = a->chunk[a->n++] = ibm_xmalloc(sz);
		a->left = sz;
	}
	return a->cur;
}

/* The first len bytes of the room: the string written there. */
static char *arena_keep(str_arena *a, size_t len)
{
	a->cur += len;
	a->left -= len;
	return a->cur - len;
}

static char *arena_dupn(str_arena *a, const char *s, size_t len)
{
	char *d = arena_room(a, len + 1);

	memcpy(d, s, len);
	d[len] = '\0';
	return arena_keep(a, len + 1);
}

static char *arena_dup(str_arena *a, const char *s)
{
	return arena_dupn(a, s, strlen(s));
}

/* Room for n pointers (aligned for them), NULL each. */
static void *arena_ptrs(str_arena *a, size_t n)
{
	size_t al = _Alignof(char *), sz = n * sizeof(char *);
	char *c = arena_room(a, sz + al - 1);
	void *v;

	arena_keep(a, (size_t)(-(uintptr_t)c & (al - 1)));
	v = arena_keep(a, sz);
	for (size_t i = 0; i < n; i++)
		((char **)v)[i] = NULL;
	return v;
}

/* A malloc'd string into the arena (freed). */
static char *arena_take(str_arena *a, char *m)
{
	char *s = arena_dup(a, m);

	free(m);
	return s;
}

static void arena_free(str_arena *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->chunk[i]);
	free(a->chunk);
	memset(a, 0, sizeof *a);
}

typedef struct side {
	str_arena strs;           /* the people's strings */
	score_test t;
	ibm_csv *r;
	person *p;
	size_t n, cap;
	const char *file;
	long long ts_min, ts_max; /* timestamps read (ibm_datetime_key) */
	long ts_min_line, ts_max_line;
	size_t nts;
	score_raws raw;           /* identifiers that could not be read */
} side;

enum { M_COLUMN, M_EMAIL, M_NAME };

static char *email_key(const char *s)
{
	char *k = ibm_lower(s);

	ibm_trim(k);
	return k;
}

static char *value_key(const char *s)
{
	char *k = ibm_xstrdup(s);
	size_t n = strlen(k);
	char *o = ibm_xmalloc(n + 1);

	score_norm(k, n, o, 0);
	free(k);
	return o;
}

static const char *pname(const person *p)
{
	return p->name && *p->name ? p->name
		: p->email && *p->email ? p->email : "(no name)";
}

size_t score_fuzzy_limit(const char *a, const char *b)
{
	size_t la = ibm_utf8_len(a), lb = ibm_utf8_len(b);
	size_t m = la < lb ? la : lb;

	return m >= 8 ? 2 : m >= 4 ? 1 : 0;
}

static int read_side(side *s, const score_opts *o, int mode)
{
	const ibm_rec *rec;
	score_layout *L = &s->t.L;
	int k;

	while ((k = ibm_csv_read(s->r, &rec)) > 0) {
		person *p;
		long long max, sc;

		if (s->t.n >= UINT32_MAX)
			ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
		ibm_grow((void **)&s->p, &s->cap, s->n + 1, sizeof *s->p);
		p = &s->p[s->n];
		memset(p, 0, sizeof *p);
		p->row = (uint32_t)s->t.n;
		if (score_record(&s->t, rec, &sc, &max) != 0)
			return IBM_EX_DATAERR;
		score_cells_ids(&s->raw, s->n, s->file, rec, L, o->strict);
		p->line = rec->line;
		p->active = 1;
		p->partner = -1;
		p->name = L->name >= 0 ? arena_dupn(&s->strs, rec->f[L->name],
						    rec->len[L->name])
			: NULL;
		if (p->name)
			ibm_fold_space(p->name);
		p->email = L->email >= 0 ? arena_dupn(&s->strs,
						      rec->f[L->email],
						      rec->len[L->email])
			: NULL;
		if (p->email)
			ibm_trim(p->email);
		if (p->name) {
			/* the key written where it is kept: no malloc */
			size_t n = strlen(p->name);
			char *kb = arena_room(&s->strs, 2 * n + 1);

			p->k2 = arena_keep(&s->strs, ibm_person_bare_key_to(
						   p->name, n, kb) + 1);
		} else {
			p->k2 = arena_dupn(&s->strs, "", 0);
		}
		if (mode == M_COLUMN)
			p->k1 = arena_take(&s->strs,
					   value_key(rec->f[L->match]));
		else if (mode == M_EMAIL)
			p->k1 = arena_take(&s->strs, email_key(p->email));
		else
			p->k1 = p->k2;
		if (!p->k1[0])
			p->k1 = p->k2;
		p->h2 = (uint32_t)hash(p->k2);
		p->h1 = p->k1 == p->k2 ? p->h2 : (uint32_t)hash(p->k1);
		/* the identifiers, that decide before names */
		if (L->id >= 0 || L->phone >= 0 || (p->email && *p->email)) {
			const char **id = arena_ptrs(&s->strs, ID_N);

			id[ID_KEY] = L->id >= 0 ? arena_take(&s->strs,
				score_match_key(SCORE_BY_ID, rec->f[L->id]))
				: "";
			id[ID_EMAIL] = !p->email || !*p->email ? ""
				: mode == M_EMAIL ? p->k1
				: arena_take(&s->strs, email_key(p->email));
			id[ID_PHONE] = L->phone >= 0 ? arena_take(&s->strs,
				score_match_key(SCORE_BY_PHONE,
						rec->f[L->phone])) : "";
			if (o->roster && L->id >= 0)
				id[ID_GIVEN] = arena_dup(&s->strs,
							 rec->f[L->id]);
			if (o->roster && L->phone >= 0)
				id[ID_PHONE_GIVEN] = arena_dup(
					&s->strs, rec->f[L->phone]);
			p->id = id;
		}
		if (L->ts >= 0 && rec->f[L->ts][0]) {
			ibm_datetime dt;

			if (ibm_datetime_parse(rec->f[L->ts], &dt) == 0) {
				long long tk = ibm_datetime_key(&dt);

				if (!s->nts || tk < s->ts_min) {
					s->ts_min = tk;
					s->ts_min_line = rec->line;
				}
				if (!s->nts || tk > s->ts_max) {
					s->ts_max = tk;
					s->ts_max_line = rec->line;
				}
				s->nts++;
			} else {
				score_cells_ts(&s->raw, s->file, rec, L->ts,
					       o->strict);
			}
		}
		p->ros = -1;
		p->keep = o->nkeep ? arena_ptrs(&s->strs, o->nkeep) : NULL;
		for (size_t i = 0; i < o->nkeep; i++)
			p->keep[i] = arena_dup(&s->strs, L->keep[i] >= 0
						 ? rec->f[L->keep[i]] : "");
		s->n++;
	}
	if (k < 0)
		return ibm_csv_status(s->r) ? ibm_csv_status(s->r)
					    : IBM_EX_DATAERR;
	return 0;
}

/* --duplicates: keep one submission per primary key. With keys not
 * NULL, the map of the primary keys to the one kept is left there (for
 * match_by); else in spare (smap_init_from), made in spare's memory. */
static void dedupe(side *s, int how, smap *keys, smap *spare)
{
	smap m;
	int isnew;

	smap_init_from(&m, s->n, spare);
	for (size_t i = 0; i < s->n; i++) {
		person *p = &s->p[i];
		uint32_t *j;

		if (!p->k1[0])
			continue;
		j = smap_add(&m, p->k1, p->h1, i, &isnew);
		if (isnew)
			continue;
		{
			person *q = &s->p[*j];
			long long sp = s->t.score[p->row], sq = s->t.score[q->row];
			long long mp = s->t.max[p->row], mq = s->t.max[q->row];
			int take = how == SCORE_DUP_LAST ||
				   (how == SCORE_DUP_BEST &&
				    (long double)sp * mq > (long double)sq * mp);
			person *keep = take ? p : q;

			ibm_warn(s->file, p->line,
				 "another submission by %s (also on line %ld); "
				 "keeping the one on line %ld",
				 pname(p), q->line, keep->line);
			if (take) {
				q->active = 0;
				s->t.active[q->row] = 0;
				*j = (uint32_t)i;
			} else {
				p->active = 0;
				s->t.active[p->row] = 0;
			}
		}
	}
	if (keys)
		*keys = m;
	else
		*spare = m;
}

/* The keys people are matched on, strongest first. */
enum { MK_PRIMARY, MK_NAME, MK_ID, MK_EMAIL, MK_PHONE };

static const char *mkey(const person *p, int which, size_t *h)
{
	const char *k;

	switch (which) {
	case MK_PRIMARY:
		*h = p->h1;
		return p->k1;
	case MK_NAME:
		*h = p->h2;
		return p->k2;
	case MK_ID:
		k = pid(p, ID_KEY);
		break;
	case MK_EMAIL:
		k = pid(p, ID_EMAIL);
		break;
	default:
		k = pid(p, ID_PHONE);
		break;
	}
	*h = k[0] ? hash(k) : 0;
	return k;
}

/* Pair the people of a and b without a partner (and off the roster)
 * whose key `which` is the same; the first of b with a key is kept.
 * MK_PRIMARY takes b's map from dedupe (keys): b's active people have
 * one each, so the person there is the one to take when still active
 * (the roster may drop a submission), without a partner and off the
 * roster. The other keys' map is made in the memory of spare and left
 * there (smap_init_from). */
static void match_by(side *a, side *b, int which, smap *keys, smap *spare)
{
	smap m;
	int isnew;
	size_t h;

	if (which == MK_PRIMARY) {
		m = *keys;
	} else {
		smap_init_from(&m, b->n, spare);
		for (size_t i = 0; i < b->n; i++) {
			person *q = &b->p[i];
			const char *k = mkey(q, which, &h);

			if (q->active && q->partner < 0 && q->ros < 0 && k[0])
				smap_add(&m, k, h, i, &isnew); /* the first */
		}
	}
	for (size_t i = 0; i < a->n; i++) {
		person *p = &a->p[i];
		const char *k;
		uint32_t *j;

		if (!p->active || p->partner >= 0 || p->ros >= 0)
			continue;
		k = mkey(p, which, &h);
		if (!k[0])
			continue;
		j = smap_get(&m, k, h);
		if (j && b->p[*j].active && b->p[*j].partner < 0 &&
		    b->p[*j].ros < 0) {
			p->partner = (long)*j;
			b->p[*j].partner = (long)i;
		}
	}
	if (which != MK_PRIMARY)
		*spare = m;
}

/* Pre and post by the identifiers both have (participant_id, e-mail,
 * phone; first --match's column): the same identifier is one person,
 * whatever the names say. */
static void match_ids(side *pre, side *post, int mode, smap *keys,
		      smap *spare)
{
	const score_layout *a = &pre->t.L, *b = &post->t.L;

	if (mode == M_COLUMN)
		match_by(pre, post, MK_PRIMARY, keys, NULL);
	if (a->id >= 0 && b->id >= 0)
		match_by(pre, post, MK_ID, NULL, spare);
	if (a->email >= 0 && b->email >= 0)
		match_by(pre, post, MK_EMAIL, NULL, spare);
	if (a->phone >= 0 && b->phone >= 0)
		match_by(pre, post, MK_PHONE, NULL, spare);
}

/* Unmatched people of two sides whose names are within a small edit
 * distance (near.c), as adjacency lists both ways. */
typedef struct near_adj {
	size_t to;
	unsigned d;
} near_adj;

typedef struct near_graph {
	size_t *ao, *bo;          /* offsets: a's list i is ae[ao[i]..ao[i+1]) */
	near_adj *ae, *be;
} near_graph;

static int unmatched(const person *p)
{
	return p->active && p->partner < 0 && p->ros < 0 && p->k2[0];
}

/* The near pairs as adjacency lists of both sides (na and nb people):
 * a's list i is g->ae[g->ao[i]..g->ao[i + 1]), b's likewise, each in the
 * order of the pairs. */
static void graph_from_pairs(near_graph *g, const score_near *pr, size_t n,
			     size_t na, size_t nb)
{
	size_t *fa, *fb;

	g->ao = ibm_xcalloc(na + 2, sizeof *g->ao);
	g->bo = ibm_xcalloc(nb + 2, sizeof *g->bo);
	g->ae = ibm_xcalloc(n + 1, sizeof *g->ae);
	g->be = ibm_xcalloc(n + 1, sizeof *g->be);
	for (size_t i = 0; i < n; i++) {
		g->ao[pr[i].a + 1]++;
		g->bo[pr[i].b + 1]++;
	}
	for (size_t i = 0; i < na; i++)
		g->ao[i + 1] += g->ao[i];
	for (size_t i = 0; i < nb; i++)
		g->bo[i + 1] += g->bo[i];
	fa = ibm_xcalloc(na + 1, sizeof *fa);
	fb = ibm_xcalloc(nb + 1, sizeof *fb);
	for (size_t i = 0; i < n; i++) {
		near_adj *x = &g->ae[g->ao[pr[i].a] + fa[pr[i].a]++];
		near_adj *y = &g->be[g->bo[pr[i].b] + fb[pr[i].b]++];

		x->to = pr[i].b;
		x->d = pr[i].d;
		y->to = pr[i].a;
		y->d = pr[i].d;
	}
	free(fa);
	free(fb);
}

static void graph_build(near_graph *g, const side *a, const side *b)
{
	const char **ka = ibm_xcalloc(a->n + 1, sizeof *ka);
	const char **kb = ibm_xcalloc(b->n + 1, sizeof *kb);
	unsigned char *ua = ibm_xcalloc(a->n + 1, 1);
	unsigned char *ub = ibm_xcalloc(b->n + 1, 1);
	score_near *pr;
	size_t n;

	for (size_t i = 0; i < a->n; i++) {
		ka[i] = a->p[i].k2;
		ua[i] = (unsigned char)unmatched(&a->p[i]);
	}
	for (size_t i = 0; i < b->n; i++) {
		kb[i] = b->p[i].k2;
		ub[i] = (unsigned char)unmatched(&b->p[i]);
	}
	n = score_near_pairs(ka, ua, a->n, kb, ub, b->n, &pr);
	graph_from_pairs(g, pr, n, a->n, b->n);
	free(pr);
	free(ka);
	free(kb);
	free(ua);
	free(ub);
}

static void graph_free(near_graph *g)
{
	free(g->ao);
	free(g->bo);
	free(g->ae);
	free(g->be);
}

/* The closest unmatched person on side b among the near names of a list
 * (ties: the first in the file); *dist set, *unique when no other is as
 * close. -1 when none is near. */
static long closest(const side *b, const near_adj *e, size_t ne,
		    size_t *dist, int *unique)
{
	long best = -1;
	size_t bd = (size_t)-1, nbest = 0;

	for (size_t i = 0; i < ne; i++)
		if (unmatched(&b->p[e[i].to]) && e[i].d < bd)
			bd = e[i].d;
	for (size_t i = 0; i < ne; i++)
		if (unmatched(&b->p[e[i].to]) && e[i].d == bd) {
			nbest++;
			if (best < 0 || (long)e[i].to < best)
				best = (long)e[i].to;
		}
	*dist = bd;
	*unique = nbest == 1;
	return best;
}

static void match_fuzzy(side *a, side *b, const near_graph *g)
{
	for (size_t i = 0; i < a->n; i++) {
		person *p = &a->p[i];
		size_t d, d2;
		int u, u2;
		long j;

		if (!unmatched(p))
			continue;
		j = closest(b, g->ae + g->ao[i], g->ao[i + 1] - g->ao[i], &d,
			    &u);
		if (j < 0 || !u || d > score_fuzzy_limit(p->k2, b->p[j].k2))
			continue;
		/* and p is b[j]'s unique closest among a's unmatched */
		if (closest(a, g->be + g->bo[j], g->bo[j + 1] - g->bo[j], &d2,
			    &u2) != (long)i || !u2)
			continue;
		p->partner = j;
		b->p[j].partner = (long)i;
		p->fuzzy = b->p[j].fuzzy = 1;
		ibm_warn(a->file, p->line,
			 "%s matched to %s (%s line %ld) by similar name "
			 "(edit distance %zu)",
			 pname(p), pname(&b->p[j]), b->file, b->p[j].line, d);
	}
}

/* Every active person of a without a partner, with the closest unmatched
 * name of b when it is close (score_suggest_ok). e/o: a's near lists. */
static void warn_unmatched(const side *a, const side *b, const near_adj *e,
			   const size_t *o, const char *what)
{
	for (size_t i = 0; i < a->n; i++) {
		const person *p = &a->p[i];
		size_t d;
		int u;
		long j;

		if (!p->active || p->partner >= 0)
			continue;
		j = p->k2[0] ? closest(b, e + o[i], o[i + 1] - o[i], &d, &u)
			: -1;
		if (j >= 0 && !score_suggest_ok(d, ibm_utf8_len(p->k2),
						ibm_utf8_len(b->p[j].k2)))
			j = -1;
		if (j >= 0)
			ibm_warn(a->file, p->line,
				 "%s has no %s (closest name there: %s, %s "
				 "line %ld, edit distance %zu)",
				 pname(p), what, pname(&b->p[j]), b->file,
				 b->p[j].line, d);
		else
			ibm_warn(a->file, p->line, "%s has no %s", pname(p),
				 what);
	}
}

/* ------------------------------------------------------------- roster */

static const char *const by_name[SCORE_NBY] = {
	"participant_id", "e-mail", "phone", "name"
};

/* Which of two submissions of one side to keep (--duplicates). */
static int take_later(const side *s, const person *p, const person *q,
		      int how)
{
	long long sp = s->t.score[p->row], sq = s->t.score[q->row];
	long long mp = s->t.max[p->row], mq = s->t.max[q->row];

	return how == SCORE_DUP_LAST ||
	       (how == SCORE_DUP_BEST &&
		(long double)sp * mq > (long double)sq * mp);
}

static void roster_take(side *s, const score_roster *R, long *taken,
			size_t i, long r, int how, const char *by)
{
	person *p = &s->p[i];
	const char *who = score_roster_cell(R, (size_t)r,
					    (size_t)R->col[SCORE_BY_NAME]);

	if (taken[r] >= 0) {
		person *q = &s->p[taken[r]];
		int take = take_later(s, p, q, how);
		person *keep = take ? p : q, *drop = take ? q : p;

		ibm_warn(s->file, p->line,
			 "another submission for %s (%s line %ld), also on "
			 "line %ld here; keeping the one on line %ld", who,
			 R->file, R->line[r], q->line, keep->line);
		drop->active = 0;
		s->t.active[drop->row] = 0;
		drop->ros = -1;
		if (!take)
			return;
	}
	taken[r] = (long)i;
	p->ros = r;
	(void)by;
}

/* Match the submissions of one side to the roster by their identifiers
 * and names: by participant_id, else e-mail, else phone, else the name
 * without degrees and titles, the first that finds a participant. An
 * identifier on several roster lines is warned about and matches
 * nobody. taken[r]: the submission of roster row r (-1 none). */
static void roster_exact(side *s, const score_roster *R, const score_opts *o,
			 long *taken)
{
	for (size_t i = 0; i < s->n; i++) {
		person *p = &s->p[i];
		const char *k[SCORE_NBY];

		if (!p->active)
			continue;
		k[SCORE_BY_ID] = pid(p, ID_KEY);
		k[SCORE_BY_EMAIL] = pid(p, ID_EMAIL);
		k[SCORE_BY_PHONE] = pid(p, ID_PHONE);
		k[SCORE_BY_NAME] = p->k2;
		for (int by = 0; by < SCORE_NBY; by++) {
			long r;

			if (!k[by][0] || R->col[by] < 0)
				continue;
			r = score_roster_find(R, by, k[by]);
			if (r == -2) {
				ibm_warn(s->file, p->line,
					 "the %s of %s is on several roster "
					 "lines; not matched by it", by_name[by],
					 pname(p));
				p->amb = 1;
			}
			if (r >= 0) {
				roster_take(s, R, taken, i, r, o->dup,
					    by_name[by]);
				break;
			}
		}
	}
}

/* The pre- and post-test of one person (paired by an identifier) on
 * the roster together: one found on a roster line brings the other
 * there when that line has no submission on its side. Two lines for
 * one pair, or a line whose other side is someone else, part them (the
 * roster's lines decide). A partner dropped as a duplicate parts them
 * too. */
static void roster_join(side *pre, side *post, const score_roster *R,
			long *tp, long *tq)
{
	for (size_t i = 0; i < pre->n; i++) {
		person *a = &pre->p[i], *b;

		if (a->partner < 0)
			continue;
		b = &post->p[a->partner];
		if (!a->active || !b->active) {
			a->partner = b->partner = -1;
			continue;
		}
		if (a->ros == b->ros)
			continue;
		if (a->ros >= 0 && b->ros < 0 && tq[a->ros] < 0) {
			b->ros = a->ros;
			tq[a->ros] = a->partner;
		} else if (b->ros >= 0 && a->ros < 0 && tp[b->ros] < 0) {
			a->ros = b->ros;
			tp[b->ros] = (long)i;
		} else {
			if (a->ros >= 0 && b->ros >= 0)
				ibm_warn(post->file, b->line,
					 "%s and %s (%s line %ld) share an "
					 "identifier (participant_id, e-mail or "
					 "phone), but the roster has them on two "
					 "lines (%ld and %ld); kept apart",
					 pname(b), pname(a), pre->file, a->line,
					 R->line[a->ros], R->line[b->ros]);
			a->partner = b->partner = -1;
		}
	}
	for (size_t i = 0; i < post->n; i++) {
		person *b = &post->p[i];

		if (b->partner >= 0 &&
		    (!b->active || !pre->p[b->partner].active ||
		     pre->p[b->partner].partner != (long)i))
			b->partner = -1;
	}
}

/* The submissions of one side still off the roster: by similar name
 * (unique closest both ways, within the --fuzzy limit), and every one
 * that matches nobody warned about, with the closest name when it is
 * close. */
static void roster_rest(side *s, const score_roster *R, const score_opts *o,
			long *taken)
{
	const char **ka = ibm_xcalloc(s->n + 1, sizeof *ka);
	unsigned char *ua = ibm_xcalloc(s->n + 1, 1);
	unsigned char *ub = ibm_xcalloc(R->n + 1, 1);
	score_near *pr;
	size_t np;
	near_graph g;

	for (size_t i = 0; i < s->n; i++) {
		ka[i] = s->p[i].k2;
		ua[i] = s->p[i].active && s->p[i].ros < 0 && s->p[i].k2[0];
	}
	for (size_t r = 0; r < R->n; r++)
		ub[r] = taken[r] < 0 && R->key[SCORE_BY_NAME][r][0];
	np = score_near_pairs(ka, ua, s->n,
			      (const char *const *)R->key[SCORE_BY_NAME], ub,
			      R->n, &pr);
	graph_from_pairs(&g, pr, np, s->n, R->n);
	for (size_t i = 0; i < s->n; i++) {
		person *p = &s->p[i];
		long best = -1, back = -1;
		size_t bd = (size_t)-1, nb = 0, bd2 = (size_t)-1, nb2 = 0;

		if (!p->active || p->ros >= 0)
			continue;
		for (size_t e = g.ao[i]; e < g.ao[i + 1]; e++)
			if (taken[g.ae[e].to] < 0 && g.ae[e].d <= bd) {
				nb = g.ae[e].d < bd ? 1 : nb + 1;
				if (g.ae[e].d < bd || (long)g.ae[e].to < best)
					best = (long)g.ae[e].to;
				bd = g.ae[e].d;
			}
		if (best >= 0 && o->fuzzy && nb == 1 &&
		    bd <= score_fuzzy_limit(p->k2,
					    R->key[SCORE_BY_NAME][best])) {
			for (size_t e = g.bo[best]; e < g.bo[best + 1]; e++) {
				const person *q = &s->p[g.be[e].to];

				if (!q->active || q->ros >= 0 ||
				    g.be[e].d > bd2)
					continue;
				nb2 = g.be[e].d < bd2 ? 1 : nb2 + 1;
				if (g.be[e].d < bd2 || (long)g.be[e].to < back)
					back = (long)g.be[e].to;
				bd2 = g.be[e].d;
			}
			if (back == (long)i && nb2 == 1) {
				taken[best] = (long)i;
				p->ros = best;
				p->fuzzy = 1;
				ibm_warn(s->file, p->line,
					 "%s matched to %s (%s line %ld) by "
					 "similar name (edit distance %zu)",
					 pname(p),
					 score_roster_cell(R, (size_t)best,
					   (size_t)R->col[SCORE_BY_NAME]),
					 R->file, R->line[best], bd);
				continue;
			}
		}
		if (p->amb)
			continue; /* said above */
		if (best >= 0 &&
		    score_suggest_ok(bd, ibm_utf8_len(p->k2),
				     ibm_utf8_len(R->key[SCORE_BY_NAME][best])))
			ibm_warn(s->file, p->line,
				 "%s is not on the roster (closest name there: "
				 "%s, %s line %ld, edit distance %zu)",
				 pname(p),
				 score_roster_cell(R, (size_t)best,
					(size_t)R->col[SCORE_BY_NAME]),
				 R->file, R->line[best], bd);
		else
			ibm_warn(s->file, p->line, "%s is not on the roster",
				 pname(p));
	}
	free(pr);
	graph_free(&g);
	free(ka);
	free(ua);
	free(ub);
}

/* Pre and post given the wrong way round, or the same export twice. */
static void sanity_prepost(const score_opts *o, const side *pre,
			   const side *post)
{
	int same = 0;

	if (score_same_file(o->pre, o->post)) {
		ibm_warn(post->file, 0, "the post-test is the same file as the "
			 "pre-test (%s)", pre->file);
		same = 1;
	}
	if (!same && pre->n && pre->n == post->n) {
		size_t i;

		for (i = 0; i < pre->n; i++) {
			const person *p = &pre->p[i], *q = &post->p[i];

			if (strcmp(p->k1, q->k1) != 0 ||
			    pre->t.score[p->row] != post->t.score[q->row] ||
			    pre->t.max[p->row] != post->t.max[q->row] ||
			    p->line != q->line)
				break;
		}
		if (i == pre->n)
			ibm_warn(post->file, 0, "the post-test has the same "
				 "people, scores and lines as the pre-test "
				 "(%s): the same export twice?", pre->file);
	}
	if (pre->nts && post->nts && post->ts_max < pre->ts_min)
		ibm_warn(post->file, post->ts_max_line,
			 "every post-test timestamp is earlier than every "
			 "pre-test timestamp (%s line %ld): are --pre and "
			 "--post the wrong way round?", pre->file,
			 pre->ts_min_line);
}

/* People who took both tests with the maximum on the pre-test: their
 * N-gain is undefined; say so rather than leave them out silently. */
static void warn_full_pre(const side *pre, const side *post)
{
	for (size_t i = 0; i < pre->n; i++) {
		const person *a = &pre->p[i];
		long long ps, pm;

		if (!a->active || a->partner < 0)
			continue;
		ps = pre->t.score[a->row];
		pm = pre->t.max[a->row];
		if (ps >= pm)
			ibm_warn(pre->file, a->line,
				 "%s has the maximum score on the pre-test: no "
				 "N-gain (counted in n_gain_undefined)",
				 pname(a));
	}
	(void)post;
}

static void free_side(side *s)
{
	arena_free(&s->strs); /* the people's strings and lists */
	free(s->p);
	score_test_free(&s->t);
	score_raws_free(&s->raw);
	if (s->r)
		ibm_csv_close(s->r);
}

/* -------------------------------------------------------- statistics */

/* Active submissions' scores (points) and percentages. */
static size_t active_scores(const score_test *t, double **pts, double **pc)
{
	size_t n = 0;

	*pts = ibm_xcalloc(t->n + 1, sizeof **pts);
	*pc = ibm_xcalloc(t->n + 1, sizeof **pc);
	for (size_t i = 0; i < t->n; i++)
		if (t->active[i]) {
			(*pts)[n] = fx(t->score[i]);
			(*pc)[n] = pct(t->score[i], t->max[i]);
			n++;
		}
	return n;
}

/* KR-20 (Cronbach's alpha with points) as ibm_stats_kr20, from the
 * counts of right answers: an item worth w right for a share p of the
 * people has the population variance w^2 p (1 - p). */
static double kr20(const score_test *t, double *sd_out)
{
	size_t k = t->key ? t->key->n : 0, n = 0;
	size_t *c;
	double r, *tot, sumvar = 0, vt;

	*sd_out = NAN;
	if (!k)
		return NAN;
	c = ibm_xcalloc(k + 1, sizeof *c);
	tot = ibm_xcalloc(t->n + 1, sizeof *tot);
	for (size_t i = 0; i < t->n; i++) {
		const unsigned short *v = t->ans + i * k;

		if (!t->active[i])
			continue;
		for (size_t j = 0; j < k; j++)
			c[j] += v[j] == SCORE_RIGHT;
		tot[n] = fx(t->score[i]);
		n++;
	}
	*sd_out = ibm_stats_sd(tot, n);
	if (k < 2 || n < 2) {
		r = NAN;
	} else {
		for (size_t j = 0; j < k; j++) {
			double p = (double)c[j] / (double)n;
			double w = fx(t->key->q[j].pts);

			sumvar += w * w * p * (1 - p);
		}
		vt = ibm_stats_var_pop(tot, n);
		r = vt > 0 ? (double)k / (double)(k - 1) * (1.0 - sumvar / vt)
			: NAN;
	}
	free(c);
	free(tot);
	return r;
}

static void stat(score_table *s, const char *name, double v, int dec)
{
	char **r = score_table_row(s);

	score_table_set(r, 0, name);
	score_table_num(r, 1, v, dec);
}

/* A p-value in full: eight decimals, or below 1e-5 four significant
 * digits with the power of ten (3.612e-10), never a rounded 0. */
static void stat_p(score_table *s, const char *name, double p)
{
	char **r = score_table_row(s);
	char b[64];

	score_table_set(r, 0, name);
	if (p > 0 && p < 1e-5) {
		snprintf(b, sizeof b, "%.4g", p);
		score_table_set(r, 1, b);
	} else {
		score_table_num(r, 1, p, 8);
	}
}

static void stat_s(score_table *s, const char *name, const char *v)
{
	char **r = score_table_row(s);

	score_table_set(r, 0, name);
	score_table_set(r, 1, v);
}

static void test_stats(score_table *s, const score_test *t, const char *pfx,
		       const score_opts *o)
{
	double *pts, *pc, sd, rel, mx = -INFINITY, mn = INFINITY;
	size_t n = active_scores(t, &pts, &pc), np = 0;
	char name[64];

	for (size_t i = 0; i < n; i++) {
		if (pts[i] > mx)
			mx = pts[i];
		if (pts[i] < mn)
			mn = pts[i];
	}
#define S(x, v, d) (snprintf(name, sizeof name, "%s%s", pfx, x), \
		     stat(s, name, v, d))
	S("mean", ibm_stats_mean(pts, n), 6);
	S("sd", ibm_stats_sd(pts, n), 6);
	S("min", n ? mn : NAN, 3);
	S("max", n ? mx : NAN, 3);
	S("mean_percent", ibm_stats_mean(pc, n), 6);
	rel = kr20(t, &sd);
	S("kr20", rel, 6);
	S("sem", isnan(rel) ? NAN : sd * sqrt(fmax(0, 1 - rel)), 6);
	if (o->has_pass) {
		for (size_t i = 0; i < t->n; i++)
			if (t->active[i] && passed(o, t->score[i], t->max[i]))
				np++;
		S("n_passed", (double)np, 0);
	}
#undef S
	free(pts);
	free(pc);
}

/* ------------------------------------------------------------- items */

typedef struct order_ent {
	long long s, m;
	size_t i;
} order_ent;

static int cmp_order(const void *a, const void *b)
{
	const order_ent *x = a, *y = b;
	long double u = (long double)x->s * y->m, v = (long double)y->s * x->m;

	if (u != v)
		return u > v ? -1 : 1; /* descending score */
	return (x->i > y->i) - (x->i < y->i); /* stable */
}

static int cmp_score(const void *a, const void *b)
{
	const order_ent *x = a, *y = b;

	if (x->s != y->s)
		return x->s > y->s ? -1 : 1; /* descending score */
	return (x->i > y->i) - (x->i < y->i); /* stable */
}

/* The active submissions of t by descending score (stable): sorted once
 * for every item's upper and lower groups. Returns their number. */
static size_t score_order(const score_test *t, size_t **out)
{
	order_ent *ord = ibm_xcalloc(t->n + 1, sizeof *ord);
	size_t n = 0;

	*out = ibm_xcalloc(t->n + 1, sizeof **out);
	for (size_t i = 0; i < t->n; i++) {
		if (!t->active[i])
			continue;
		ord[n].s = t->score[i];
		ord[n].m = t->max[i];
		ord[n].i = i;
		n++;
	}
	{
		int same = 1;
		long long lo = n ? ord[0].s : 0, hi = lo;

		for (size_t i = 1; i < n && same; i++)
			same = ord[i].m == ord[0].m;
		for (size_t i = 1; i < n; i++) {
			lo = ord[i].s < lo ? ord[i].s : lo;
			hi = ord[i].s > hi ? ord[i].s : hi;
		}
		/* one maximum (one key) and a few scores: a counting sort,
		 * by descending score and then in file order as cmp_score */
		if (same && n && (unsigned long long)(hi - lo) <= 4 * n + 1024) {
			size_t nb = (size_t)(hi - lo) + 2;
			size_t *at = ibm_xcalloc(nb, sizeof *at);

			for (size_t i = 0; i < n; i++)
				at[(size_t)(hi - ord[i].s) + 1]++;
			for (size_t b = 1; b < nb; b++)
				at[b] += at[b - 1];
			for (size_t i = 0; i < n; i++)
				(*out)[at[hi - ord[i].s]++] = ord[i].i;
			free(at);
			free(ord);
			return n;
		}
		/* one maximum: compare the scores as integers */
		qsort(ord, n, sizeof *ord, same ? cmp_score : cmp_order);
	}
	for (size_t i = 0; i < n; i++)
		(*out)[i] = ord[i].i;
	free(ord);
	return n;
}

/* Item statistics of every item of test t, in passes over the
 * submissions row by row (the per-item data is stored row-major). */
typedef struct item_acc {
	size_t n, g;              /* people; size of the upper/lower groups */
	size_t *c, *blanks, *cu, *cl;
	double *mx, *my, *sxy, *sxx, *syy;
	size_t **cnt;             /* per item: count of each code
				     (SCORE_RIGHT, SCORE_BLANK, SCORE_WRONG
				     + i, the untallied last) */
} item_acc;

static void items_compute(item_acc *A, const score_test *t,
			  const size_t *ord, size_t n)
{
	size_t k = t->key->n;
	long long *s1 = ibm_xcalloc(k + 1, sizeof *s1);
	long double tot = 0, tot2 = 0;
	size_t *rank;

	A->n = n;
	A->c = ibm_xcalloc(k + 1, sizeof *A->c);
	A->blanks = ibm_xcalloc(k + 1, sizeof *A->blanks);
	A->cu = ibm_xcalloc(k + 1, sizeof *A->cu);
	A->cl = ibm_xcalloc(k + 1, sizeof *A->cl);
	A->mx = ibm_xcalloc(k + 1, sizeof *A->mx);
	A->my = ibm_xcalloc(k + 1, sizeof *A->my);
	A->sxy = ibm_xcalloc(k + 1, sizeof *A->sxy);
	A->sxx = ibm_xcalloc(k + 1, sizeof *A->sxx);
	A->syy = ibm_xcalloc(k + 1, sizeof *A->syy);
	/* per item a count of each code: right, blank, each wrong answer,
	 * and last the wrong answers not tallied (SCORE_WRONG_OTHER) */
	A->cnt = ibm_xcalloc(k + 1, sizeof *A->cnt);
	for (size_t j = 0; j < k; j++)
		A->cnt[j] = ibm_xcalloc(t->nwrong[j] + SCORE_WRONG + 1,
					sizeof **A->cnt);
	/* the upper and lower groups: the first and the last g of ord */
	A->g = (size_t)floor(0.27 * (double)n + 0.5);
	rank = ibm_xcalloc(t->n + 1, sizeof *rank);
	for (size_t m = 0; m < n; m++)
		rank[ord[m]] = m;
	/* one pass in file order without a branch on the answers: per item
	 * the sum of the totals of those right (fixed point), and the
	 * counts of each code apart for the upper group (bit 0 of the
	 * group), the lower (bit 1) and the rest; items' counts one after
	 * the other at at[j] */
	{
		size_t *at = ibm_xcalloc(k + 1, sizeof *at), all, *gc;

		for (size_t j = 0; j < k; j++)
			at[j + 1] = at[j] + t->nwrong[j] + SCORE_WRONG + 1;
		all = at[k];
		gc = ibm_xcalloc(4 * all + 1, sizeof *gc);
		for (size_t i = 0; i < t->n; i++) {
			const unsigned short *v = t->ans + i * k;
			long long sc = t->score[i];
			size_t *row;

			if (!t->active[i])
				continue;
			row = gc + all * ((size_t)(rank[i] < A->g) |
					  (size_t)(rank[i] >= n - A->g) << 1);
			tot += sc;
			tot2 += (long double)sc * sc;
			for (size_t j = 0; j < k; j++) {
				size_t a = v[j];

				s1[j] += sc & -(long long)(a == SCORE_RIGHT);
				a = a == SCORE_WRONG_OTHER
					? t->nwrong[j] + SCORE_WRONG : a;
				row[at[j] + a]++;
			}
		}
		for (size_t j = 0; j < k; j++) {
			size_t r = at[j] + SCORE_RIGHT;

			for (size_t a = 0; a < at[j + 1] - at[j]; a++)
				A->cnt[j][a] = gc[at[j] + a] +
					       gc[all + at[j] + a] +
					       gc[2 * all + at[j] + a] +
					       gc[3 * all + at[j] + a];
			A->cu[j] = gc[all + r] + gc[3 * all + r];
			A->cl[j] = gc[2 * all + r] + gc[3 * all + r];
		}
		free(gc);
		free(at);
	}
	free(rank);
	for (size_t j = 0; j < k; j++) {
		A->c[j] = A->cnt[j][SCORE_RIGHT];
		A->blanks[j] = A->cnt[j][SCORE_BLANK];
	}
	/* Pearson's r of x (right = 1) and rest = total - x w from sums:
	 * Sxx = c - c^2/n, Syy = S(rest^2) - S(rest)^2/n,
	 * Sxy = S(x rest) - c S(rest)/n, with S(rest) = T - w c,
	 * S(rest^2) = T2 - 2 w s1 + w^2 c, S(x rest) = s1 - w c */
	for (size_t j = 0; j < k && n; j++) {
		long double w = t->key->q[j].pts, c = (long double)A->c[j];
		long double nn = (long double)n, sc = SCORE_SCALE;
		long double r1 = tot - w * c;
		long double r2 = tot2 - 2 * w * (long double)s1[j] + w * w * c;
		long double xr = (long double)s1[j] - w * c;

		A->mx[j] = (double)(c / nn);
		A->my[j] = (double)(r1 / nn / sc);
		A->sxx[j] = (double)(c - c * c / nn);
		A->syy[j] = (double)((r2 - r1 * r1 / nn) / (sc * sc));
		A->sxy[j] = (double)((xr - c * r1 / nn) / sc);
	}
	free(s1);
}

static void items_acc_free(item_acc *A, size_t k)
{
	for (size_t j = 0; j < k; j++)
		free(A->cnt[j]);
	free(A->cnt);
	free(A->c);
	free(A->blanks);
	free(A->cu);
	free(A->cl);
	free(A->mx);
	free(A->my);
	free(A->sxy);
	free(A->sxx);
	free(A->syy);
}

/* Item j's statistics into row cells from column c0. */
static void item_stats(const score_test *t, const item_acc *A, size_t j,
		       char **row, size_t c0)
{
	size_t n = A->n, g = A->g, c = A->c[j], cu = A->cu[j], cl = A->cl[j];
	double mx = A->mx[j], my = A->my[j], r;
	long best = -1;
	const size_t *cw = A->cnt[j] + SCORE_WRONG; /* wrong answers */

	score_table_num(row, c0, n ? (double)c / (double)n : NAN, 4);
	score_table_set(row, c0 + 1, score_p_band(c, n));
	score_table_num(row, c0 + 2, g ? ((double)cu - (double)cl) / (double)g
			: NAN, 4);
	score_table_set(row, c0 + 3, score_d_band((long)cu - (long)cl, g));
	/* Pearson's r as ibm_stats_pearson, NAN when either does not vary */
	if (n < 2 || A->sxx[j] <= 1e-12 * (1 + mx * mx) * (double)n ||
	    A->syy[j] <= 1e-12 * (1 + my * my) * (double)n)
		r = NAN;
	else
		r = A->sxy[j] / sqrt(A->sxx[j] * A->syy[j]);
	score_table_num(row, c0 + 4, r, 4);
	for (size_t w = 0; w < t->nwrong[j]; w++)
		if (cw[w] && (best < 0 || cw[w] > cw[best]))
			best = (long)w;
	if (best >= 0) {
		score_table_set(row, c0 + 5, t->wrong[j][best].text);
		score_table_num(row, c0 + 6, (double)cw[best] / (double)n, 4);
	}
	score_table_num(row, c0 + 7, (double)A->blanks[j], 0);
}

static const char *const item_cols[] = { "p", "p_band", "d", "d_band",
					 "r_pbis", "wrong_answer",
					 "wrong_share", "blanks" };
#define NITEM 8

static void items_table(score_table *it, const score_test *a,
			const score_test *b)
{
	const char *hdr[8 + 3 + 2 * NITEM];
	char names[2 * NITEM][32];
	size_t nh = 0, rows, na, nb = 0, *oa, *ob = NULL;
	item_acc ia, ib;
	int two_keys = b && b->key != a->key;

	hdr[nh++] = "number";
	hdr[nh++] = "question";
	hdr[nh++] = "key";
	hdr[nh++] = "points";
	if (two_keys) {
		hdr[nh++] = "post_question";
		hdr[nh++] = "post_key";
		hdr[nh++] = "post_points";
	}
	for (int s = 0; s < (b ? 2 : 1); s++)
		for (size_t i = 0; i < NITEM; i++) {
			char *nm = names[s * NITEM + i];

			snprintf(nm, 32, "%s%s", b ? (s ? "post_" : "pre_") : "",
				 item_cols[i]);
			hdr[nh++] = nm;
		}
	score_table_init(it, hdr, nh);
	rows = a->key->n;
	if (b && b->key->n > rows)
		rows = b->key->n;
	na = score_order(a, &oa);
	items_compute(&ia, a, oa, na);
	if (b) {
		nb = score_order(b, &ob);
		items_compute(&ib, b, ob, nb);
	}
	for (size_t j = 0; j < rows; j++) {
		char **r = score_table_row(it);
		size_t c0 = two_keys ? 7 : 4;

		score_table_num(r, 0, (double)(j + 1), 0);
		if (j < a->key->n) {
			score_table_set(r, 1, a->L.hdr[a->L.kcol[j]]);
			score_table_set(r, 2, a->key->q[j].answer);
			score_table_num(r, 3, fx(a->key->q[j].pts), 3);
			item_stats(a, &ia, j, r, c0);
		}
		if (b && two_keys && j < b->key->n) {
			score_table_set(r, 4, b->L.hdr[b->L.kcol[j]]);
			score_table_set(r, 5, b->key->q[j].answer);
			score_table_num(r, 6, fx(b->key->q[j].pts), 3);
		}
		if (b && j < b->key->n)
			item_stats(b, &ib, j, r, c0 + NITEM);
	}
	items_acc_free(&ia, a->key->n);
	if (b)
		items_acc_free(&ib, b->key->n);
	free(oa);
	free(ob);
}

/* ------------------------------------------------------- single test */

static const char *const stat_hdr[] = { "statistic", "value" };

static int run_single(const score_opts *o, score_key *key)
{
	score_test t = { 0 };
	ibm_csv_opts co = o->csv;
	ibm_csv *r = (co.need = score_resp_cols, co.nneed = SCORE_RESP_NCOLS,
		      ibm_csv_xopen(o->input, &co));
	const ibm_rec *hdr = ibm_csv_header(r), *rec;
	const char *file = ibm_csv_name(r);
	int all = o->summary || o->items || o->report;
	ibm_csvw *w = ibm_csvw_new(stdout, o->excel);
	score_table people = { 0 };
	const char **h = ibm_xcalloc(o->nkeep + 24, sizeof *h);
	size_t nh = 0;
	char **hkeep = ibm_xcalloc(o->nkeep + 1, sizeof *hkeep);

	t.key = key;
	t.keep_items = all;
	if (score_layout_init(&t.L, file, hdr, o->keep, o->nkeep, NULL) ||
	    (key && score_layout_bind(&t.L, key)))
		exit(IBM_EX_DATAERR);
	if (key)
		score_layout_check_key(&t.L, key);
	if (!key && t.L.score < 0) {
		char *seen = ibm_col_seen(hdr);

		ibm_die(IBM_EX_DATAERR, file, hdr->line,
			"no Score column (Score, Total score, Skor); found: %s; "
			"name it with --column score=HEADER, or give an answer "
			"key with -k", seen);
	}
	if (t.L.name >= 0)
		h[nh++] = "name";
	if (t.L.email >= 0)
		h[nh++] = "email";
	for (size_t i = 0; i < o->nkeep; i++)
		h[nh++] = hkeep[i] = ibm_xstrdup(hdr->f[t.L.keep[i]]);
	h[nh++] = "score";
	h[nh++] = "max_score";
	h[nh++] = "percent";
	if (o->has_pass)
		h[nh++] = "passed";
	for (size_t i = 0; i < nh; i++)
		ibm_csvw_str(w, h[i]);
	ibm_csvw_end(w);
	if (o->report)
		score_table_init(&people, h, nh);
	while (ibm_csv_xread(r, &rec) > 0) {
		long long max, s;
		char **pr;
		size_t c = 0;

		if (score_record(&t, rec, &s, &max) != 0)
			exit(IBM_EX_DATAERR);
		pr = o->report ? score_table_row(&people) : NULL;
		if (t.L.name >= 0) {
			ibm_csvw_field(w, rec->f[t.L.name], rec->len[t.L.name]);
			if (pr)
				score_table_set(pr, c++, rec->f[t.L.name]);
		}
		if (t.L.email >= 0) {
			ibm_csvw_field(w, rec->f[t.L.email],
				       rec->len[t.L.email]);
			if (pr)
				score_table_set(pr, c++, rec->f[t.L.email]);
		}
		for (size_t i = 0; i < o->nkeep; i++) {
			ibm_csvw_field(w, rec->f[t.L.keep[i]],
				       rec->len[t.L.keep[i]]);
			if (pr)
				score_table_set(pr, c++, rec->f[t.L.keep[i]]);
		}
		csv_fixed(w, s, SCORE_SCALE, 3, o->excel);
		csv_fixed(w, max, SCORE_SCALE, 3, o->excel);
		csv_fixed(w, s * 100, max, 2, o->excel);
		if (pr) {
			tab_fixed(pr, c++, s, SCORE_SCALE, 3);
			tab_fixed(pr, c++, max, SCORE_SCALE, 3);
			tab_fixed(pr, c++, s * 100, max, 2);
		}
		if (o->has_pass) {
			const char *v = passed(o, s, max) ? "ya" : "tidak";

			ibm_csvw_str(w, v);
			if (pr)
				score_table_set(pr, c++, v);
		}
		ibm_csvw_end(w);
	}
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
	if (all) {
		score_table sum, items = { 0 };
		size_t n = 0;

		for (size_t i = 0; i < t.n; i++)
			n += t.active[i];
		score_table_init(&sum, stat_hdr, 2);
		stat(&sum, "n", (double)n, 0);
		stat(&sum, "max_score", key ? fx(key->max)
		     : n ? fx(t.max[0]) : NAN, 3);
		test_stats(&sum, &t, "", o);
		if (key)
			items_table(&items, &t, NULL);
		write_side_outputs(o, &sum, &items, &people, NULL, key != NULL,
				   0);
		score_table_free(&sum);
		score_table_free(&items);
	}
	score_table_free(&people);
	for (size_t i = 0; i < o->nkeep; i++)
		free(hkeep[i]);
	free(hkeep);
	free(h);
	score_test_free(&t);
	ibm_csv_close(r);
	return 0;
}

/* ----------------------------------------------------------- pre/post */

/* 0, or the exit status after printing what is wrong (free_side then
 * frees what there is). */
static int open_side(side *s, const char *path, const score_opts *o,
		     const score_key *key, const char *label)
{
	ibm_csv_opts co = o->csv;
	int st;

	memset(s, 0, sizeof *s);
	co.need = score_resp_cols;
	co.nneed = SCORE_RESP_NCOLS;
	s->r = ibm_csv_open(path, &co, &st);
	if (!s->r)
		return st;
	s->file = ibm_csv_name(s->r);
	s->t.label = label;
	s->t.key = key;
	s->t.keep_items = 1;
	s->t.scores_only = !o->summary && !o->items && !o->report;
	s->t.L.keep_optional = 1;
	if (score_layout_init(&s->t.L, s->file, ibm_csv_header(s->r), o->keep,
			      o->nkeep, o->match) != 0 ||
	    (key && score_layout_bind(&s->t.L, key) != 0))
		return IBM_EX_DATAERR;
	if (key)
		score_layout_check_key(&s->t.L, key);
	if (!key && s->t.L.score < 0) {
		char *seen = ibm_col_seen(ibm_csv_header(s->r));

		ibm_error(s->file, ibm_csv_header(s->r)->line,
			  "no Score column (Score, Total score, Skor); found: "
			  "%s; name it with --column score=HEADER, or give an "
			  "answer key with -k", seen);
		free(seen);
		return IBM_EX_DATAERR;
	}
	return 0;
}

/* The first non-empty of two values. */
static const char *either(const char *x, const char *y)
{
	return x && *x ? x : y && *y ? y : NULL;
}

/* Where an output row's cells go: into a row of the table (kept for
 * the report), or written straight to standard output column by
 * column (w NULL: a row not shown) and dropped. */
typedef struct row_out {
	char **r;                 /* kept: the table's row */
	ibm_csvw *w;
	int excel;
	size_t col;               /* written: the columns so far */
	const char *status;       /* the column status (--roster) */
} row_out;

/* Columns up to col of a streamed row written (empty those skipped:
 * the cells are given in their order). */
static void out_skip(row_out *ro, size_t col)
{
	for (; ro->col < col; ro->col++)
		ibm_csvw_field(ro->w, "", 0);
	ro->col++;
}

/* Cell col of the row. */
static void out_str(row_out *ro, size_t col, const char *s)
{
	if (ro->r) {
		score_table_set(ro->r, col, s);
		return;
	}
	if (!ro->w)
		return;
	out_skip(ro, col);
	if (ro->excel)
		write_cell(ro->w, s, 1);
	else
		ibm_csvw_field(ro->w, s ? s : "", s ? strlen(s) : 0);
}

/* num / den to the given decimals (score_fmt_fixed). */
static void out_fixed(row_out *ro, size_t col, long long num, long long den,
		      int decimals)
{
	/* room for IBM_REC_SLACK bytes after the number's start */
	char b[48 + IBM_REC_SLACK];

	if (ro->w && !ro->excel && den > 0 && num % den == 0) {
		/* a whole number (most scores and percents): what
		 * score_fmt_fixed writes, written straight */
		long long v = num / den;
		unsigned long long u = v < 0 ? 0 - (unsigned long long)v
			: (unsigned long long)v;
		char *e = b + 24, *d = e;

		do
			*--d = (char)('0' + u % 10);
		while ((u /= 10) > 0);
		if (v < 0)
			*--d = '-';
		out_skip(ro, col);
		ibm_csvw_field_rec(ro->w, d, (size_t)(e - d));
		return;
	}
	out_str(ro, col, den > 0 ? score_fmt_fixed(b, num, den, decimals, '.')
		: NULL);
}

static void out_num(row_out *ro, size_t col, double v, int decimals)
{
	char b[64];

	ibm_fmt_num(b, sizeof b, v, decimals, '.');
	out_str(ro, col, b[0] ? b : NULL);
}

/* Does the output have the column email_raw (phone 0) or no_hp_raw: an
 * identifier that could not be read, in a column the output carries? */
static int raw_column(const side *pre, const side *post,
		      const score_roster *R, int phone)
{
	if (phone)
		return (pre->raw.any_phone || post->raw.any_phone) && R &&
		       R->col[SCORE_BY_PHONE] >= 0;
	return (pre->raw.any_email || post->raw.any_email) &&
	       (!R || R->col[SCORE_BY_EMAIL] >= 0);
}

/* One output row: pre-test submission a, post-test b (either NULL);
 * with a roster, roster row ri (-1: someone not on it; a and b both
 * NULL: a participant who took neither test), to ro. */
static void person_row(row_out *ro, const score_opts *o, side *pre,
		       side *post, const person *a, const person *b,
		       const score_roster *R, long ri)
{
	const person *id = a ? a : b;
	size_t c = 0;
	long long ps = 0, pm = 0, qs = 0, qm = 0;

	if (R) {
		const int *rc = R->col;

		out_str(ro, c++, ri >= 0 && rc[SCORE_BY_ID] >= 0
				? score_roster_cell(R, (size_t)ri,
						    (size_t)rc[SCORE_BY_ID])
				: either(a ? pid(a, ID_GIVEN) : NULL,
					 b ? pid(b, ID_GIVEN) : NULL));
		for (size_t k = 0; k < R->ncol; k++) {
			const char *v = NULL;

			if ((int)k == rc[SCORE_BY_ID])
				continue;
			if (ri >= 0)
				v = score_roster_cell(R, (size_t)ri, k);
			else if ((int)k == rc[SCORE_BY_NAME])
				v = either(a ? a->name : NULL,
					   b ? b->name : NULL);
			else if ((int)k == rc[SCORE_BY_EMAIL])
				v = either(a ? a->email : NULL,
					   b ? b->email : NULL);
			else if ((int)k == rc[SCORE_BY_PHONE])
				v = either(a ? pid(a, ID_PHONE_GIVEN) : NULL,
					   b ? pid(b, ID_PHONE_GIVEN) : NULL);
			out_str(ro, c++, v);
		}
	} else {
		out_str(ro, c++, either(id->name, b ? b->name : NULL));
		out_str(ro, c++, either(id->email, b ? b->email : NULL));
	}
	for (size_t i = 0; i < o->nkeep; i++)
		out_str(ro, c++, !id ? NULL
				: a && pre->t.L.keep[i] >= 0 ? a->keep[i]
				: b ? b->keep[i] : id->keep[i]);
	if (a) {
		ps = pre->t.score[a->row];
		pm = pre->t.max[a->row];
		out_fixed(ro, c, ps, SCORE_SCALE, 3);
	}
	c++;
	if (b) {
		qs = post->t.score[b->row];
		qm = post->t.max[b->row];
		out_fixed(ro, c, qs, SCORE_SCALE, 3);
	}
	c++;
	if (a || b)
		out_fixed(ro, c, a ? pm : qm, SCORE_SCALE, 3);
	c++;
	if (a)
		out_fixed(ro, c, ps * 100, pm, 2);
	c++;
	if (b)
		out_fixed(ro, c, qs * 100, qm, 2);
	c++;
	if (a && b) {
		double g;
		const char *cat = score_ngain(ps, pm, qs, qm, &g);

		if (pm == qm)
			out_fixed(ro, c, qs - ps, SCORE_SCALE, 3);
		else
			out_fixed(ro, c, (qs * pm - ps * qm) * 100, pm * qm, 2);
		out_num(ro, c + 1, g, 4);
		out_str(ro, c + 2, cat ? cat : SCORE_CAT_FULL);
	}
	c += 3;
	if (o->has_pass) {
		if (a)
			out_str(ro, c, passed(o, ps, pm) ? "ya" : "tidak");
		if (b)
			out_str(ro, c + 1,
					passed(o, qs, qm) ? "ya" : "tidak");
		c += 2;
	}
	out_str(ro, c++, a && b ? "both" : a ? "pre_only"
			: b ? "post_only" : NULL);
	if (R) {
		ro->status = ri < 0 ? "tidak terdaftar"
			: a && b ? "pre dan post" : a ? "hanya pre"
			: b ? "hanya post" : "tidak ikut";
		out_str(ro, c++, ro->status);
	}
	for (int ph = 0; ph < 2; ph++)
		if (raw_column(pre, post, R, ph))
			out_str(ro, c++, either(
				a ? score_raw_of(&pre->raw, ph,
						 (size_t)(a - pre->p)) : NULL,
				b ? score_raw_of(&post->raw, ph,
						 (size_t)(b - post->p)) : NULL));
}

static void prepost_stats(score_table *s, side *pre, side *post,
			  const score_opts *o)
{
	size_t npre = 0, npost = 0, nm = 0, ng = 0, cat[4] = { 0 };
	double *d = ibm_xcalloc(pre->n + 1, sizeof *d);
	double *gs = ibm_xcalloc(pre->n + 1, sizeof *gs);
	double *mpc = ibm_xcalloc(pre->n + 1, sizeof *mpc);
	double *mqc = ibm_xcalloc(pre->n + 1, sizeof *mqc);
	double *p1, *c1, *p2, *c2, mpre, mpost, gom;
	size_t n1 = active_scores(&pre->t, &p1, &c1);
	size_t n2 = active_scores(&post->t, &p2, &c2);
	ibm_ttest tt;
	ibm_wilcoxon wx;
	const char *band;

	for (size_t i = 0; i < pre->n; i++)
		npre += pre->p[i].active;
	for (size_t i = 0; i < post->n; i++)
		npost += post->p[i].active;
	for (size_t i = 0; i < pre->n; i++) {
		const person *a = &pre->p[i], *b;
		long long ps, pm, qs, qm;
		double g;
		const char *c;

		if (!a->active || a->partner < 0)
			continue;
		b = &post->p[a->partner];
		ps = pre->t.score[a->row];
		pm = pre->t.max[a->row];
		qs = post->t.score[b->row];
		qm = post->t.max[b->row];
		/* exact integers over one denominator, so that equal gains
		 * are equal doubles (ties and zeros for Wilcoxon) */
		mpc[nm] = pct(ps, pm);
		mqc[nm] = pct(qs, qm);
		d[nm++] = pm == qm ? fx(qs - ps)
			: (double)(qs * pm - ps * qm) * 100.0 /
			  ((double)pm * (double)qm);
		c = score_ngain(ps, pm, qs, qm, &g);
		if (!c) {
			cat[3]++;
			continue;
		}
		gs[ng++] = g;
		cat[c[0] == 't' ? 0 : c[0] == 's' ? 1 : 2]++;
	}
	stat(s, "n_pre", (double)npre, 0);
	stat(s, "n_post", (double)npost, 0);
	stat(s, "n_matched", (double)nm, 0);
	stat(s, "max_score", pre->t.key ? fx(pre->t.key->max)
	     : pre->t.n ? fx(pre->t.max[0]) : NAN, 3);
	stat(s, "pre_mean", ibm_stats_mean(p1, n1), 6);
	stat(s, "pre_sd", ibm_stats_sd(p1, n1), 6);
	stat(s, "post_mean", ibm_stats_mean(p2, n2), 6);
	stat(s, "post_sd", ibm_stats_sd(p2, n2), 6);
	mpre = ibm_stats_mean(c1, n1);
	mpost = ibm_stats_mean(c2, n2);
	stat(s, "pre_mean_percent", mpre, 6);
	stat(s, "post_mean_percent", mpost, 6);
	stat(s, "gain_mean", ibm_stats_mean(d, nm), 6);
	stat(s, "gain_sd", ibm_stats_sd(d, nm), 6);
	stat(s, "n_gain_mean", ibm_stats_mean(gs, ng), 6);
	stat(s, "n_gain_sd", ibm_stats_sd(gs, ng), 6);
	gom = mpre < 100 ? (mpost - mpre) / (100 - mpre) : NAN;
	stat(s, "n_gain_of_means", gom, 6);
	stat(s, "n_gain_percent", 100 * ibm_stats_mean(gs, ng), 4);
	/* Hake's class-average gain of the people who took both tests,
	 * everyone counted (a full pre-test included): the class rating */
	{
		double mp = ibm_stats_mean(mpc, nm), mq = ibm_stats_mean(mqc, nm);
		double cg = score_class_gain(mp, mq);

		stat(s, "matched_pre_mean_percent", mp, 6);
		stat(s, "matched_post_mean_percent", mq, 6);
		stat(s, "n_gain_class", cg, 6);
		stat(s, "n_gain_class_percent", 100 * cg, 4);
		band = score_ngain_band(100 * cg);
		stat_s(s, "n_gain_band", band);
	}
	stat(s, "n_tinggi", (double)cat[0], 0);
	stat(s, "n_sedang", (double)cat[1], 0);
	stat(s, "n_rendah", (double)cat[2], 0);
	stat(s, "n_gain_undefined", (double)cat[3], 0);
	ibm_stats_paired_t(d, nm, &tt);
	stat(s, "t", tt.t, 6);
	stat(s, "df", tt.df, 0);
	stat_p(s, "t_p", tt.p);
	ibm_stats_wilcoxon(d, nm, &wx);
	stat(s, "wilcoxon_n", (double)wx.n, 0);
	stat(s, "wilcoxon_v", nm ? wx.v : NAN, 1);
	stat(s, "wilcoxon_z", wx.z, 6);
	stat_p(s, "wilcoxon_p", wx.p);
	stat(s, "cohen_dz", tt.dz, 6);
	{
		double sd, r = kr20(&pre->t, &sd);

		stat(s, "pre_kr20", r, 6);
		stat(s, "pre_sem", isnan(r) ? NAN : sd * sqrt(fmax(0, 1 - r)),
		     6);
		r = kr20(&post->t, &sd);
		stat(s, "post_kr20", r, 6);
		stat(s, "post_sem", isnan(r) ? NAN : sd * sqrt(fmax(0, 1 - r)),
		     6);
	}
	if (o->has_pass) {
		size_t a = 0, b = 0;

		for (size_t i = 0; i < pre->t.n; i++)
			a += pre->t.active[i] &&
			     passed(o, pre->t.score[i], pre->t.max[i]);
		for (size_t i = 0; i < post->t.n; i++)
			b += post->t.active[i] &&
			     passed(o, post->t.score[i], post->t.max[i]);
		stat(s, "pass_percent", (double)o->pass / SCORE_SCALE, 3);
		stat(s, "n_passed_pre", (double)a, 0);
		stat(s, "n_passed_post", (double)b, 0);
	}
	free(d);
	free(gs);
	free(mpc);
	free(mqc);
	free(p1);
	free(c1);
	free(p2);
	free(c2);
}

/* Under one key, pre and post must ask the same questions. */
static int same_questions(const side *pre, const side *post,
			  const score_key *k)
{
	for (size_t i = 0; i < k->n; i++) {
		const char *a = pre->t.L.hdr[pre->t.L.kcol[i]];
		const char *b = post->t.L.hdr[post->t.L.kcol[i]];
		char *ka = ibm_name_key(a), *kb = ibm_name_key(b);
		int same = strcmp(ka, kb) == 0;

		free(ka);
		free(kb);
		if (!same) {
			ibm_error(post->file, 1,
				  "question %zu of the key is \"%s\" here but "
				  "\"%s\" in %s (different tests need "
				  "--post-key)", i + 1, b, a, pre->file);
			return IBM_EX_DATAERR;
		}
	}
	return 0;
}

/* Is a row written to standard output under --only? */
static int shown(const score_opts *o, const side *post, const person *a,
		 const person *b)
{
	switch (o->only) {
	case SCORE_ONLY_BOTH:
		return a && b;
	case SCORE_ONLY_PASSED:
		return b && passed(o, post->t.score[b->row],
				   post->t.max[b->row]);
	default:
		return 1;
	}
}

/* The participation sheet's row of the last people row. */
static void part_row(score_table *part, const score_table *people,
		     size_t status, const score_roster *R, const person *a,
		     const person *b)
{
	const char *const *pr = (const char *const *)people->cell +
				(people->nrow - 1) * people->ncol;
	char **r = score_table_row(part);
	/* people: participant_id, then the roster's other columns */
	int ci = R->col[SCORE_BY_ID], cn = R->col[SCORE_BY_NAME];
	int name = 1 + cn - (ci >= 0 && ci < cn);

	score_table_set(r, 0, pr[0]);
	score_table_set(r, 1, name >= 0 ? pr[name] : NULL);
	score_table_set(r, 2, a ? "ya" : "tidak");
	score_table_set(r, 3, b ? "ya" : "tidak");
	score_table_set(r, 4, pr[status]);
}

static const char *const status_name[5] = {
	"pre dan post", "hanya pre", "hanya post", "tidak ikut",
	"tidak terdaftar"
};

/* Participation counts (--roster): n[] counts the status_name[]. */
static void participation_stats(score_table *s, const size_t *n)
{
	stat(s, "n_invited", (double)(n[0] + n[1] + n[2] + n[3]), 0);
	stat(s, "n_invited_pre", (double)(n[0] + n[1]), 0);
	stat(s, "n_invited_post", (double)(n[0] + n[2]), 0);
	stat(s, "n_invited_both", (double)n[0], 0);
	stat(s, "n_absent", (double)n[3], 0);
	stat(s, "n_not_registered", (double)n[4], 0);
}

/* The rows of the output as they are made: written to standard output
 * (when shown), counted, and kept only for the report. */
typedef struct emitter {
	score_table *people, *part;
	const score_roster *R;
	ibm_csvw *w;
	int excel, keep;
	size_t nstatus[5];
	size_t status;            /* the people's column status */
} emitter;

/* The row of pre-test submission a and post-test b (person_row). */
static void emit(emitter *e, const score_opts *o, side *pre, side *post,
		 const person *a, const person *b, long ri)
{
	int show = shown(o, post, a, b);
	row_out ro = { 0 };

	ro.excel = e->excel;
	if (e->keep)
		ro.r = score_table_row(e->people);
	else if (show)
		ro.w = e->w;
	person_row(&ro, o, pre, post, a, b, e->R, ri);
	if (e->R) {
		for (int i = 0; i < 5; i++)
			if (strcmp(ro.status, status_name[i]) == 0)
				e->nstatus[i]++;
		if (e->keep)
			part_row(e->part, e->people, e->status, e->R, a, b);
	}
	if (e->keep && show) {
		table_write_row(e->people, e->people->nrow - 1, e->w,
				e->excel);
	} else if (ro.w) {
		for (; ro.col < e->people->ncol; ro.col++)
			ibm_csvw_field(ro.w, "", 0);
		ibm_csvw_end(ro.w);
	}
}

static int run_prepost(const score_opts *o, score_key *key,
		       score_key *pkey)
{
	side pre, post;
	smap post_keys = { 0 }, spare = { 0 };
	int mode, st;
	score_table people, sum, items = { 0 }, part = { 0 };
	score_roster *R = o->roster ? score_roster_load(o->roster, &o->csv,
							o->strict) : NULL;
	long *tp = NULL, *tq = NULL;
	emitter em = { 0 };
	const char **h = ibm_xcalloc(o->nkeep + 24, sizeof *h);
	size_t nh = 0;
	char **hkeep = ibm_xcalloc(o->nkeep + 1, sizeof *hkeep);
	static const char *const tail[] = {
		"pre_score", "post_score", "max_score", "pre_percent",
		"post_percent", "gain", "n_gain", "n_gain_category"
	};

	memset(&post, 0, sizeof post);
	if ((st = open_side(&pre, o->pre, o, key, "pre")) != 0 ||
	    (st = open_side(&post, o->post, o, pkey ? pkey : key, "post")) ||
	    (key && !pkey && (st = same_questions(&pre, &post, key))))
		goto out;
	if (o->match)
		mode = M_COLUMN;
	else if (pre.t.L.email >= 0 && post.t.L.email >= 0)
		mode = M_EMAIL;
	else if (pre.t.L.name >= 0 && post.t.L.name >= 0)
		mode = M_NAME;
	else if (R && (pre.t.L.id >= 0 || pre.t.L.phone >= 0 ||
		       pre.t.L.name >= 0 || pre.t.L.email >= 0) &&
		 (post.t.L.id >= 0 || post.t.L.phone >= 0 ||
		  post.t.L.name >= 0 || post.t.L.email >= 0))
		mode = M_NAME; /* matched through the roster */
	else {
		const side *s = pre.t.L.name < 0 && pre.t.L.email < 0 ? &pre
			: &post;

		char *seen = ibm_col_seen(ibm_csv_header(s->r));

		ibm_error(s->file, 1, "no column to match participants on "
			  "(Email address, Nama); found: %s; name one with "
			  "--column email=HEADER or --column nama=HEADER, or "
			  "use --match COLUMN", seen);
		free(seen);
		st = IBM_EX_DATAERR;
		goto out;
	}
	/* the warnings until the output begins: written in large writes
	 * (an export of thousands may give a warning a person) */
	ibm_diag_hold();
	if ((st = read_side(&pre, o, mode)) != 0 ||
	    (st = read_side(&post, o, mode)) != 0 ||
	    (st = ibm_cell_bad_status()) != 0)
		goto out;
	sanity_prepost(o, &pre, &post);
	dedupe(&pre, o->dup, NULL, &spare);
	dedupe(&post, o->dup, &post_keys, &spare);
	match_ids(&pre, &post, mode, &post_keys, &spare);
	if (R) {
		tp = ibm_xcalloc(R->n + 1, sizeof *tp);
		tq = ibm_xcalloc(R->n + 1, sizeof *tq);
		for (size_t r = 0; r < R->n; r++)
			tp[r] = tq[r] = -1;
		roster_exact(&pre, R, o, tp);
		roster_exact(&post, R, o, tq);
		roster_join(&pre, &post, R, tp, tq);
		roster_rest(&pre, R, o, tp);
		roster_rest(&post, R, o, tq);
		roster_join(&pre, &post, R, tp, tq);
		for (size_t r = 0; r < R->n; r++)
			if (tp[r] >= 0 && tq[r] >= 0) {
				pre.p[tp[r]].partner = tq[r];
				post.p[tq[r]].partner = tp[r];
			}
	}
	if (mode != M_COLUMN)
		match_by(&pre, &post, MK_PRIMARY, &post_keys, NULL);
	smap_free(&spare);
	spare = post_keys; /* its memory for the next */
	memset(&post_keys, 0, sizeof post_keys);
	if (mode == M_EMAIL && pre.t.L.name >= 0 && post.t.L.name >= 0)
		match_by(&pre, &post, MK_NAME, NULL, &spare);
	smap_free(&spare);
	{
		near_graph g;

		graph_build(&g, &pre, &post);
		if (o->fuzzy)
			match_fuzzy(&pre, &post, &g);
		if (!R) { /* with a roster: its status column says it */
			warn_unmatched(&pre, &post, g.ae, g.ao, "post-test");
			warn_unmatched(&post, &pre, g.be, g.bo, "pre-test");
		}
		graph_free(&g);
	}
	warn_full_pre(&pre, &post);

	if (R) {
		h = ibm_xrealloc(h, (o->nkeep + 24 + R->ncol) * sizeof *h);
		h[nh++] = "participant_id";
		for (size_t k = 0; k < R->ncol; k++)
			if ((int)k != R->col[SCORE_BY_ID])
				h[nh++] = R->hdr[k];
	} else {
		h[nh++] = "name";
		h[nh++] = "email";
	}
	for (size_t i = 0; i < o->nkeep; i++) {
		int a = pre.t.L.keep[i], b = post.t.L.keep[i];

		if (a < 0 && b < 0) {
			ibm_error(pre.file, 1, "no column \"%s\" to keep (nor "
				  "in %s)", o->keep[i], post.file);
			st = IBM_EX_DATAERR;
			goto out;
		}
		h[nh++] = hkeep[i] = ibm_xstrdup(a >= 0 ? pre.t.L.hdr[a]
						 : post.t.L.hdr[b]);
	}
	for (size_t i = 0; i < sizeof tail / sizeof *tail; i++)
		h[nh++] = tail[i];
	if (o->has_pass) {
		h[nh++] = "passed_pre";
		h[nh++] = "passed_post";
	}
	h[nh++] = "match";
	if (R)
		em.status = nh;
	if (R)
		h[nh++] = "status";
	if (raw_column(&pre, &post, R, 0))
		h[nh++] = "email_raw";
	if (raw_column(&pre, &post, R, 1))
		h[nh++] = "no_hp_raw";
	score_table_init(&people, h, nh);
	em.people = &people;
	em.part = &part;
	em.R = R;
	em.w = ibm_csvw_new(stdout, o->excel);
	em.excel = o->excel;
	em.keep = o->report != NULL;
	ibm_diag_release();
	table_write_header(&people, em.w);
	if (R) {
		static const char *const ph[] = {
			"participant_id", "name", "pre_test", "post_test",
			"status"
		};

		score_table_init(&part, ph, 5);
		for (size_t r = 0; r < R->n; r++) {
			const person *a = tp[r] >= 0 ? &pre.p[tp[r]] : NULL;
			const person *b = tq[r] >= 0 ? &post.p[tq[r]] : NULL;

			emit(&em, o, &pre, &post, a, b, (long)r);
		}
	}
	for (size_t i = 0; i < pre.n; i++) {
		const person *a = &pre.p[i];
		const person *b = a->partner >= 0 ? &post.p[a->partner] : NULL;

		if (!a->active || a->ros >= 0 || (b && b->ros >= 0))
			continue;
		emit(&em, o, &pre, &post, a, b, -1);
	}
	for (size_t i = 0; i < post.n; i++) {
		const person *b = &post.p[i];

		if (!b->active || b->partner >= 0 || b->ros >= 0)
			continue;
		emit(&em, o, &pre, &post, NULL, b, -1);
	}
	if (ibm_csvw_free(em.w) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
	score_table_init(&sum, stat_hdr, 2);
	if (o->summary || o->report) {
		prepost_stats(&sum, &pre, &post, o);
		if (R)
			participation_stats(&sum, em.nstatus);
	}
	if (key && (o->items || o->report))
		items_table(&items, &pre.t, &post.t);
	write_side_outputs(o, &sum, &items, &people, R ? &part : NULL,
			   key != NULL, 1);
	score_table_free(&people);
	score_table_free(&part);
	score_table_free(&sum);
	score_table_free(&items);
out:
	ibm_diag_release();
	smap_free(&spare);
	smap_free(&post_keys);
	for (size_t i = 0; i < o->nkeep; i++)
		free(hkeep[i]);
	free(hkeep);
	free(h);
	free(tp);
	free(tq);
	free_side(&pre);
	free_side(&post);
	score_roster_free(R);
	return st;
}

int score_run_keys(const score_opts *o, score_key *key, score_key *pkey)
{
	return o->pre ? run_prepost(o, key, pkey) : run_single(o, key);
}

int score_run(const score_opts *o)
{
	score_key *key = NULL, *pkey = NULL;
	int st;

	if (o->key)
		key = score_key_load(o->key, &o->csv, o->exact);
	if (o->post_key)
		pkey = score_key_load(o->post_key, &o->csv, o->exact);
	st = score_run_keys(o, key, pkey);
	score_key_free(key);
	score_key_free(pkey);
	return st;
}
