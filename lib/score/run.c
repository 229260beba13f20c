/* run.c - ibm-score's two modes (one test streamed; pre/post
 * matched), the summary statistics and the item analysis. */
#include "score.h"
#include "stats.h"

#include <math.h>
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
	for (size_t i = 0; i < t->ncol; i++)
		ibm_csvw_str(w, t->hdr[i]);
	ibm_csvw_end(w);
	for (size_t r = 0; r < t->nrow; r++) {
		for (size_t i = 0; i < t->ncol; i++) {
			const char *s = t->cell[r * t->ncol + i];
			double v;

			if (excel && plain_number(s, &v) && strchr(s, '.')) {
				char *d = ibm_xstrdup(s);

				*strchr(d, '.') = ',';
				ibm_csvw_str(w, d);
				free(d);
			} else {
				ibm_csvw_str(w, s);
			}
		}
		ibm_csvw_end(w);
	}
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

/* Write a table to a temporary file for path; NULL when path is NULL. */
static ibm_atomic *write_output(const score_table *t, const char *path,
				int excel)
{
	ibm_atomic *a;
	ibm_csvw *w;

	if (!path)
		return NULL;
	a = ibm_atomic_open(path);
	w = ibm_csvw_new(ibm_atomic_fp(a), excel);
	score_table_write(t, w, excel);
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, path, "write error");
	return a;
}

/* --summary, --items and --report, renamed into place together once all
 * are written. */
static void write_side_outputs(const score_opts *o, const score_table *sum,
			       const score_table *items,
			       const score_table *people, int has_key,
			       int prepost)
{
	ibm_atomic *as = write_output(sum, o->summary, o->excel);
	ibm_atomic *ai = write_output(items, o->items, o->excel);

	if (o->report)
		score_report_write(o->report, sum, people,
				   has_key ? items : NULL, prepost);
	if (as)
		ibm_atomic_commit(as);
	if (ai)
		ibm_atomic_commit(ai);
}

/* A simple string -> index hash map (open addressing). */
typedef struct smap {
	char **k;
	size_t *v;
	size_t cap, n;
} smap;

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603ULL & (size_t)-1;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static size_t *smap_get(smap *m, const char *k)
{
	if (!m->cap)
		return NULL;
	for (size_t i = hash(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->k[i])
			return NULL;
		if (strcmp(m->k[i], k) == 0)
			return &m->v[i];
	}
}

static void smap_put(smap *m, const char *k, size_t v)
{
	if (2 * (m->n + 1) > m->cap) {
		smap old = *m;

		m->cap = m->cap ? 2 * m->cap : 64;
		m->k = ibm_xcalloc(m->cap, sizeof *m->k);
		m->v = ibm_xcalloc(m->cap, sizeof *m->v);
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.k[i])
				smap_put(m, old.k[i], old.v[i]);
		free(old.k);
		free(old.v);
	}
	for (size_t i = hash(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->k[i]) {
			m->k[i] = (char *)k;
			m->v[i] = v;
			m->n++;
			return;
		}
		if (strcmp(m->k[i], k) == 0) {
			m->v[i] = v;
			return;
		}
	}
}

static void smap_free(smap *m)
{
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------- people */

typedef struct person {
	char *name, *email;
	char *k1, *k2;        /* matching keys: primary, by name */
	char **keep;
	long line;
	size_t row;           /* submission index in the test */
	int active;
	long partner;         /* index on the other side, -1 none */
	int fuzzy;
} person;

typedef struct side {
	score_test t;
	ibm_csv *r;
	person *p;
	size_t n, cap;
	const char *file;
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

static void read_side(side *s, const score_opts *o, int mode)
{
	const ibm_rec *rec;
	score_layout *L = &s->t.L;

	while (ibm_csv_xread(s->r, &rec) > 0) {
		person *p;
		long long max;

		ibm_grow((void **)&s->p, &s->cap, s->n + 1, sizeof *s->p);
		p = &s->p[s->n];
		memset(p, 0, sizeof *p);
		p->row = s->t.n;
		score_record(&s->t, rec, &max);
		p->line = rec->line;
		p->active = 1;
		p->partner = -1;
		p->name = L->name >= 0 ? ibm_xstrdup(rec->f[L->name]) : NULL;
		if (p->name)
			ibm_fold_space(p->name);
		p->email = L->email >= 0 ? ibm_xstrdup(rec->f[L->email]) : NULL;
		if (p->email)
			ibm_trim(p->email);
		p->k2 = p->name ? ibm_person_key(p->name) : ibm_xstrdup("");
		if (mode == M_COLUMN)
			p->k1 = value_key(rec->f[L->match]);
		else if (mode == M_EMAIL)
			p->k1 = email_key(p->email);
		else
			p->k1 = ibm_xstrdup(p->k2);
		if (!p->k1[0]) {
			free(p->k1);
			p->k1 = ibm_xstrdup(p->k2);
		}
		p->keep = ibm_xcalloc(o->nkeep + 1, sizeof *p->keep);
		for (size_t i = 0; i < o->nkeep; i++)
			p->keep[i] = ibm_xstrdup(L->keep[i] >= 0
						 ? rec->f[L->keep[i]] : "");
		s->n++;
	}
}

/* --duplicates: keep one submission per primary key. */
static void dedupe(side *s, int how)
{
	smap m = { 0 };

	for (size_t i = 0; i < s->n; i++) {
		person *p = &s->p[i];
		size_t *j;

		if (!p->k1[0])
			continue;
		j = smap_get(&m, p->k1);
		if (!j) {
			smap_put(&m, p->k1, i);
			continue;
		}
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
				*j = i;
			} else {
				p->active = 0;
				s->t.active[p->row] = 0;
			}
		}
	}
	smap_free(&m);
}

static void match_by(side *a, side *b, int use_k2)
{
	smap m = { 0 };

	for (size_t i = 0; i < b->n; i++) {
		person *q = &b->p[i];
		const char *k = use_k2 ? q->k2 : q->k1;

		if (q->active && q->partner < 0 && k[0] && !smap_get(&m, k))
			smap_put(&m, k, i);
	}
	for (size_t i = 0; i < a->n; i++) {
		person *p = &a->p[i];
		const char *k = use_k2 ? p->k2 : p->k1;
		size_t *j;

		if (!p->active || p->partner >= 0 || !k[0])
			continue;
		j = smap_get(&m, k);
		if (j && b->p[*j].partner < 0) {
			p->partner = (long)*j;
			b->p[*j].partner = (long)i;
		}
	}
	smap_free(&m);
}

/* The closest unmatched (else any) active name on side b; *dist set. */
static long closest(const side *b, const char *k2, size_t *dist, int *unique,
		    int unmatched_only)
{
	long best = -1;
	size_t bd = (size_t)-1;

	*unique = 0;
	if (!k2[0])
		return -1;
	for (size_t i = 0; i < b->n; i++) {
		const person *q = &b->p[i];
		size_t d;

		if (!q->active || !q->k2[0] ||
		    (unmatched_only && q->partner >= 0))
			continue;
		d = ibm_edit_distance(k2, q->k2);
		if (d < bd) {
			bd = d;
			best = (long)i;
			*unique = 1;
		} else if (d == bd) {
			*unique = 0;
		}
	}
	*dist = bd;
	return best;
}

static void match_fuzzy(side *a, side *b)
{
	for (size_t i = 0; i < a->n; i++) {
		person *p = &a->p[i];
		size_t d, d2;
		int u, u2;
		long j;

		if (!p->active || p->partner >= 0)
			continue;
		j = closest(b, p->k2, &d, &u, 1);
		if (j < 0 || !u || d > score_fuzzy_limit(p->k2, b->p[j].k2))
			continue;
		/* and p is b[j]'s unique closest among a's unmatched */
		if (closest(a, b->p[j].k2, &d2, &u2, 1) != (long)i || !u2)
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

static void warn_unmatched(const side *a, const side *b, const char *what)
{
	for (size_t i = 0; i < a->n; i++) {
		const person *p = &a->p[i];
		size_t d;
		int u;
		long j;

		if (!p->active || p->partner >= 0)
			continue;
		j = closest(b, p->k2, &d, &u, 1);
		if (j < 0)
			j = closest(b, p->k2, &d, &u, 0);
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

static void free_side(side *s, size_t nkeep)
{
	for (size_t i = 0; i < s->n; i++) {
		person *p = &s->p[i];

		free(p->name);
		free(p->email);
		free(p->k1);
		free(p->k2);
		for (size_t k = 0; k < nkeep; k++)
			free(p->keep[k]);
		free(p->keep);
	}
	free(s->p);
	score_test_free(&s->t);
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

static double kr20(const score_test *t, double *sd_out)
{
	size_t k = t->key ? t->key->n : 0, n = 0;
	double *m, r, *tot;

	*sd_out = NAN;
	if (!k)
		return NAN;
	m = ibm_xcalloc(t->n * k + 1, sizeof *m);
	tot = ibm_xcalloc(t->n + 1, sizeof *tot);
	for (size_t i = 0; i < t->n; i++) {
		if (!t->active[i])
			continue;
		for (size_t j = 0; j < k; j++)
			m[n * k + j] = t->correct[i * k + j] == 1
				? fx(t->key->q[j].pts) : 0;
		tot[n] = fx(t->score[i]);
		n++;
	}
	r = ibm_stats_kr20(m, n, k);
	*sd_out = ibm_stats_sd(tot, n);
	free(m);
	free(tot);
	return r;
}

static void stat(score_table *s, const char *name, double v, int dec)
{
	char **r = score_table_row(s);

	score_table_set(r, 0, name);
	score_table_num(r, 1, v, dec);
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

/* Item statistics of test t into row cells from column c0. */
static void item_stats(const score_test *t, size_t j, char **row, size_t c0)
{
	size_t k = t->key->n, n = 0, c = 0, blanks = 0, g, cu = 0, cl = 0;
	order_ent *ord = ibm_xcalloc(t->n + 1, sizeof *ord);
	double *x = ibm_xcalloc(t->n + 1, sizeof *x);
	double *rest = ibm_xcalloc(t->n + 1, sizeof *rest);
	size_t *cnt = ibm_xcalloc(t->nwrong[j] + 1, sizeof *cnt);
	long best = -1;

	for (size_t i = 0; i < t->n; i++) {
		unsigned char v = t->correct[i * k + j];

		if (!t->active[i])
			continue;
		ord[n].s = t->score[i];
		ord[n].m = t->max[i];
		ord[n].i = i;
		x[n] = v == 1;
		rest[n] = fx(t->score[i] - (v == 1 ? t->key->q[j].pts : 0));
		c += v == 1;
		blanks += v == 2;
		if (t->wid[i * k + j] >= 0)
			cnt[t->wid[i * k + j]]++;
		n++;
	}
	qsort(ord, n, sizeof *ord, cmp_order);
	g = (size_t)floor(0.27 * (double)n + 0.5);
	for (size_t i = 0; i < g; i++) {
		cu += t->correct[ord[i].i * k + j] == 1;
		cl += t->correct[ord[n - 1 - i].i * k + j] == 1;
	}
	score_table_num(row, c0, n ? (double)c / (double)n : NAN, 4);
	score_table_set(row, c0 + 1, score_p_band(c, n));
	score_table_num(row, c0 + 2, g ? ((double)cu - (double)cl) / (double)g
			: NAN, 4);
	score_table_set(row, c0 + 3, score_d_band((long)cu - (long)cl, g));
	score_table_num(row, c0 + 4, ibm_stats_pearson(x, rest, n), 4);
	for (size_t w = 0; w < t->nwrong[j]; w++)
		if (cnt[w] && (best < 0 || cnt[w] > cnt[best]))
			best = (long)w;
	if (best >= 0) {
		score_table_set(row, c0 + 5, t->wrong[j][best].text);
		score_table_num(row, c0 + 6, (double)cnt[best] / (double)n, 4);
	}
	score_table_num(row, c0 + 7, (double)blanks, 0);
	free(ord);
	free(x);
	free(rest);
	free(cnt);
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
	size_t nh = 0, rows;
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
	for (size_t j = 0; j < rows; j++) {
		char **r = score_table_row(it);
		size_t c0 = two_keys ? 7 : 4;

		score_table_num(r, 0, (double)(j + 1), 0);
		if (j < a->key->n) {
			score_table_set(r, 1, a->L.hdr[a->L.kcol[j]]);
			score_table_set(r, 2, a->key->q[j].answer);
			score_table_num(r, 3, fx(a->key->q[j].pts), 3);
			item_stats(a, j, r, c0);
		}
		if (b && two_keys && j < b->key->n) {
			score_table_set(r, 4, b->L.hdr[b->L.kcol[j]]);
			score_table_set(r, 5, b->key->q[j].answer);
			score_table_num(r, 6, fx(b->key->q[j].pts), 3);
		}
		if (b && j < b->key->n)
			item_stats(b, j, r, c0 + NITEM);
	}
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
	score_layout_init(&t.L, file, hdr, o->keep, o->nkeep, NULL);
	if (key)
		score_layout_bind(&t.L, key);
	else if (t.L.score < 0)
		ibm_die(IBM_EX_DATAERR, file, hdr->line,
			"no Score column (Score, Total score, Skor); give an "
			"answer key with -k");
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
		long long max, s = score_record(&t, rec, &max);
		char **pr = o->report ? score_table_row(&people) : NULL;
		size_t c = 0;

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
		write_side_outputs(o, &sum, &items, &people, key != NULL, 0);
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

static void open_side(side *s, const char *path, const score_opts *o,
		      const score_key *key, const char *label)
{
	ibm_csv_opts co = o->csv;

	memset(s, 0, sizeof *s);
	co.need = score_resp_cols;
	co.nneed = SCORE_RESP_NCOLS;
	s->r = ibm_csv_xopen(path, &co);
	s->file = ibm_csv_name(s->r);
	s->t.label = label;
	s->t.key = key;
	s->t.keep_items = 1;
	s->t.L.keep_optional = 1;
	score_layout_init(&s->t.L, s->file, ibm_csv_header(s->r), o->keep,
			  o->nkeep, o->match);
	if (key)
		score_layout_bind(&s->t.L, key);
	else if (s->t.L.score < 0)
		ibm_die(IBM_EX_DATAERR, s->file, ibm_csv_header(s->r)->line,
			"no Score column (Score, Total score, Skor); give an "
			"answer key with -k");
}

static void person_row(score_table *tb, const score_opts *o, side *pre,
		       side *post, const person *a, const person *b)
{
	char **r = score_table_row(tb);
	const person *id = a ? a : b;
	size_t c = 0;
	long long ps = 0, pm = 0, qs = 0, qm = 0;

	if (!id)
		return;

	score_table_set(r, c++, id->name && *id->name ? id->name
			: b && b->name ? b->name : NULL);
	score_table_set(r, c++, id->email && *id->email ? id->email
			: b && b->email ? b->email : NULL);
	for (size_t i = 0; i < o->nkeep; i++)
		score_table_set(r, c++, a && pre->t.L.keep[i] >= 0 ? a->keep[i]
				: b ? b->keep[i] : id->keep[i]);
	if (a) {
		ps = pre->t.score[a->row];
		pm = pre->t.max[a->row];
		tab_fixed(r, c, ps, SCORE_SCALE, 3);
	}
	c++;
	if (b) {
		qs = post->t.score[b->row];
		qm = post->t.max[b->row];
		tab_fixed(r, c, qs, SCORE_SCALE, 3);
	}
	c++;
	tab_fixed(r, c++, a ? pm : qm, SCORE_SCALE, 3);
	if (a)
		tab_fixed(r, c, ps * 100, pm, 2);
	c++;
	if (b)
		tab_fixed(r, c, qs * 100, qm, 2);
	c++;
	if (a && b) {
		double g;
		const char *cat = score_ngain(ps, pm, qs, qm, &g);

		if (pm == qm)
			tab_fixed(r, c, qs - ps, SCORE_SCALE, 3);
		else
			tab_fixed(r, c, (qs * pm - ps * qm) * 100, pm * qm, 2);
		score_table_num(r, c + 1, g, 4);
		score_table_set(r, c + 2, cat);
	}
	c += 3;
	if (o->has_pass) {
		if (a)
			score_table_set(r, c, passed(o, ps, pm) ? "ya" : "tidak");
		if (b)
			score_table_set(r, c + 1,
					passed(o, qs, qm) ? "ya" : "tidak");
		c += 2;
	}
	score_table_set(r, c, a && b ? "both" : a ? "pre_only" : "post_only");
}

static void prepost_stats(score_table *s, side *pre, side *post,
			  const score_opts *o)
{
	size_t npre = 0, npost = 0, nm = 0, ng = 0, cat[4] = { 0 };
	double *d = ibm_xcalloc(pre->n + 1, sizeof *d);
	double *gs = ibm_xcalloc(pre->n + 1, sizeof *gs);
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
	band = score_ngain_band(100 * ibm_stats_mean(gs, ng));
	stat_s(s, "n_gain_band", band);
	stat(s, "n_tinggi", (double)cat[0], 0);
	stat(s, "n_sedang", (double)cat[1], 0);
	stat(s, "n_rendah", (double)cat[2], 0);
	stat(s, "n_gain_undefined", (double)cat[3], 0);
	ibm_stats_paired_t(d, nm, &tt);
	stat(s, "t", tt.t, 6);
	stat(s, "df", tt.df, 0);
	stat(s, "t_p", tt.p, 8);
	ibm_stats_wilcoxon(d, nm, &wx);
	stat(s, "wilcoxon_n", (double)wx.n, 0);
	stat(s, "wilcoxon_v", nm ? wx.v : NAN, 1);
	stat(s, "wilcoxon_z", wx.z, 6);
	stat(s, "wilcoxon_p", wx.p, 8);
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
	free(p1);
	free(c1);
	free(p2);
	free(c2);
}

/* Under one key, pre and post must ask the same questions. */
static void same_questions(const side *pre, const side *post,
			   const score_key *k)
{
	for (size_t i = 0; i < k->n; i++) {
		const char *a = pre->t.L.hdr[pre->t.L.kcol[i]];
		const char *b = post->t.L.hdr[post->t.L.kcol[i]];
		char *ka = ibm_name_key(a), *kb = ibm_name_key(b);
		int same = strcmp(ka, kb) == 0;

		free(ka);
		free(kb);
		if (!same)
			ibm_die(IBM_EX_DATAERR, post->file, 1,
				"question %zu of the key is \"%s\" here but "
				"\"%s\" in %s (different tests need "
				"--post-key)", i + 1, b, a, pre->file);
	}
}

static int run_prepost(const score_opts *o, score_key *key,
		       score_key *pkey)
{
	side pre, post;
	int mode;
	score_table people, sum, items = { 0 };
	const char **h = ibm_xcalloc(o->nkeep + 24, sizeof *h);
	size_t nh = 0;
	char **hkeep = ibm_xcalloc(o->nkeep + 1, sizeof *hkeep);
	static const char *const tail[] = {
		"pre_score", "post_score", "max_score", "pre_percent",
		"post_percent", "gain", "n_gain", "n_gain_category"
	};

	open_side(&pre, o->pre, o, key, "pre");
	open_side(&post, o->post, o, pkey ? pkey : key, "post");
	if (key && !pkey)
		same_questions(&pre, &post, key);
	if (o->match)
		mode = M_COLUMN;
	else if (pre.t.L.email >= 0 && post.t.L.email >= 0)
		mode = M_EMAIL;
	else if (pre.t.L.name >= 0 && post.t.L.name >= 0)
		mode = M_NAME;
	else {
		const side *s = pre.t.L.name < 0 && pre.t.L.email < 0 ? &pre
			: &post;

		ibm_die(IBM_EX_DATAERR, s->file, 1,
			"no column to match participants on (Email address, "
			"Nama; or use --match COLUMN)");
	}
	read_side(&pre, o, mode);
	read_side(&post, o, mode);
	dedupe(&pre, o->dup);
	dedupe(&post, o->dup);
	match_by(&pre, &post, 0);
	if (mode == M_EMAIL && pre.t.L.name >= 0 && post.t.L.name >= 0)
		match_by(&pre, &post, 1);
	if (o->fuzzy)
		match_fuzzy(&pre, &post);
	warn_unmatched(&pre, &post, "post-test");
	warn_unmatched(&post, &pre, "pre-test");

	h[nh++] = "name";
	h[nh++] = "email";
	for (size_t i = 0; i < o->nkeep; i++) {
		int a = pre.t.L.keep[i], b = post.t.L.keep[i];

		if (a < 0 && b < 0)
			ibm_die(IBM_EX_DATAERR, pre.file, 1,
				"no column \"%s\" to keep (nor in %s)",
				o->keep[i], post.file);
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
	score_table_init(&people, h, nh);
	for (size_t i = 0; i < pre.n; i++) {
		const person *a = &pre.p[i];

		if (a->active)
			person_row(&people, o, &pre, &post, a,
				   a->partner >= 0 ? &post.p[a->partner]
				   : NULL);
	}
	for (size_t i = 0; i < post.n; i++) {
		const person *b = &post.p[i];

		if (b->active && b->partner < 0)
			person_row(&people, o, &pre, &post, NULL, b);
	}
	{
		ibm_csvw *w = ibm_csvw_new(stdout, o->excel);

		score_table_write(&people, w, o->excel);
		if (ibm_csvw_free(w) != 0)
			ibm_die_errno(IBM_EX_IOERR, NULL,
				      "standard output: write error");
	}
	score_table_init(&sum, stat_hdr, 2);
	prepost_stats(&sum, &pre, &post, o);
	if (key)
		items_table(&items, &pre.t, &post.t);
	write_side_outputs(o, &sum, &items, &people, key != NULL, 1);
	score_table_free(&people);
	score_table_free(&sum);
	score_table_free(&items);
	for (size_t i = 0; i < o->nkeep; i++)
		free(hkeep[i]);
	free(hkeep);
	free(h);
	free_side(&pre, o->nkeep);
	free_side(&post, o->nkeep);
	return 0;
}

int score_run(const score_opts *o)
{
	score_key *key = NULL, *pkey = NULL;
	int st;

	if (o->key)
		key = score_key_load(o->key, &o->csv, o->exact);
	if (o->post_key)
		pkey = score_key_load(o->post_key, &o->csv, o->exact);
	if (o->pre)
		st = run_prepost(o, key, pkey);
	else
		st = run_single(o, key);
	score_key_free(key);
	score_key_free(pkey);
	return st;
}
