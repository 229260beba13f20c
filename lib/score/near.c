/* near.c - which names of two lists are within a small edit distance of
 * each other, in near-linear time: for --fuzzy matching and for the
 * closest-name suggestions of ibm-score's warnings.
 *
 * Symmetric deletion neighbourhoods: when two strings are within edit
 * distance k, deleting at most k characters from each makes them equal
 * (a substitution is a deletion on both sides, an insertion one on the
 * other). The names of one list are indexed by the hash of every string
 * made from them by deleting at most k characters; each name of the
 * other list looks up its own such strings, and every candidate found is
 * checked with a banded edit distance that stops at the bound. A name
 * of n characters has 1 + n + n(n-1)/2 such strings for k = 2, each
 * hashed in constant time from prefix hashes, so the work grows with
 * the number of names, not with its square. */
#include "score.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

size_t score_near_bound(size_t len)
{
	/* the larger of score_fuzzy_limit's and the suggestion's bounds
	 * (score_suggest_ok) for a shorter name of len characters */
	return len >= 6 ? 2 : len >= 3 ? 1 : 0;
}

int score_suggest_ok(size_t d, size_t la, size_t lb)
{
	size_t m = la < lb ? la : lb;

	return d <= 2 && 3 * d <= m;
}

/* polynomial hash of code points (mod 2^64) */
#define HB 0x100000001B3ULL

typedef struct name_cp {
	size_t off, len;      /* in the code point pool */
	size_t k;             /* deletions to index: score_near_bound(len) */
} name_cp;

typedef struct near_index {
	uint64_t *h;          /* entry hashes */
	uint32_t *id, *next;  /* entry's name, next entry of equal hash */
	size_t n, cap;
	uint64_t *slot;       /* chain heads: entry + 1 (low 32 bits; 0:
			         empty) and the hash's high 32 bits, so that
			         a probe for an absent string reads one
			         cache line */
	size_t mask;
} near_index;

static uint64_t mix(uint64_t x)
{
	x ^= x >> 31;
	x *= 0x7FB5D329728EA185ULL;
	x ^= x >> 27;
	x *= 0x81DADEF4BC2DD44DULL;
	x ^= x >> 33;
	return x;
}

static void decode(const char *const *keys, const unsigned char *use,
		   size_t n, name_cp *nm, long **pool, size_t *np, size_t *cap)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = keys[i], *e;

		nm[i].off = *np;
		nm[i].len = 0;
		nm[i].k = 0;
		if (use && !use[i])
			continue;
		e = s + strlen(s);
		ibm_grow((void **)pool, cap, *np + (size_t)(e - s) + 1,
			 sizeof **pool);
		while (s < e) {
			long c = ibm_utf8_next(&s, e);

			(*pool)[(*np)++] = c < 0 ? 0xFFFD : c;
		}
		nm[i].len = *np - nm[i].off;
		nm[i].k = score_near_bound(nm[i].len);
	}
}

/* The hashes of s with at most k <= 2 characters deleted, to fn. pre and
 * pw: scratch of len + 1. */
static void variants(const long *s, size_t n, size_t k, uint64_t *pre,
		     const uint64_t *pw, void (*fn)(void *, uint64_t),
		     void *arg)
{
	pre[0] = 0;
	for (size_t i = 0; i < n; i++)
		pre[i + 1] = pre[i] * HB + (uint64_t)s[i] + 1;
#define SUB(i, j) (pre[j] - pre[i] * pw[(j) - (i)])
#define FIN(h, len) mix((h) ^ ((uint64_t)(len) << 56) ^ 0x9E37ULL)
	fn(arg, FIN(pre[n], n));
	if (k >= 1)
		for (size_t i = 0; i < n; i++) {
			if (i > 0 && s[i] == s[i - 1])
				continue; /* the same string again */
			fn(arg, FIN(pre[i] * pw[n - 1 - i] + SUB(i + 1, n),
				    n - 1));
		}
	if (k >= 2)
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++) {
				uint64_t h = pre[i] * pw[n - 2 - i] +
					     SUB(i + 1, j) * pw[n - 1 - j] +
					     SUB(j + 1, n);

				fn(arg, FIN(h, n - 2));
			}
#undef SUB
#undef FIN
}

typedef struct add_ctx {
	near_index *x;
	uint32_t id;
} add_ctx;

static void index_add(void *arg, uint64_t h)
{
	add_ctx *c = arg;
	near_index *x = c->x;

	if (x->n + 1 > x->cap) {
		ibm_grow((void **)&x->h, &x->cap, x->n + 1, sizeof *x->h);
		x->id = ibm_xrealloc(x->id, x->cap * sizeof *x->id);
		x->next = ibm_xrealloc(x->next, x->cap * sizeof *x->next);
	}
	x->h[x->n] = h;
	x->id[x->n] = c->id;
	x->n++;
}

static void index_build(near_index *x)
{
	size_t cap = 16;

	while (cap < 2 * x->n)
		cap *= 2;
	x->mask = cap - 1;
	x->slot = ibm_xcalloc(cap, sizeof *x->slot);
	for (size_t e = 0; e < x->n; e++) {
		size_t i = (size_t)x->h[e] & x->mask;

		while (x->slot[i] && x->h[(uint32_t)x->slot[i] - 1] != x->h[e])
			i = (i + 1) & x->mask;
		x->next[e] = (uint32_t)x->slot[i];
		x->slot[i] = (x->h[e] & 0xFFFFFFFF00000000ULL) | (e + 1);
	}
}

typedef struct query_ctx {
	const near_index *x;
	const name_cp *qa, *nb;   /* the query name; the indexed names */
	const long *pa, *pb;      /* their pools */
	size_t ia;
	uint32_t *stamp;          /* per indexed name: last query + 1 */
	int swapped;              /* the index holds list a */
	score_near **out;
	size_t *nout, *cap;
} query_ctx;

static void query_one(void *arg, uint64_t h)
{
	query_ctx *c = arg;
	const near_index *x = c->x;
	size_t i = (size_t)h & x->mask;

	uint64_t hi = h & 0xFFFFFFFF00000000ULL;

	while (x->slot[i] && ((x->slot[i] & 0xFFFFFFFF00000000ULL) != hi ||
			      x->h[(uint32_t)x->slot[i] - 1] != h))
		i = (i + 1) & x->mask;
	for (uint32_t e = (uint32_t)x->slot[i]; e; e = x->next[e - 1]) {
		uint32_t b = x->id[e - 1];
		const name_cp *q = c->qa, *t = &c->nb[b];
		size_t k, d;

		if (c->stamp[b] == c->ia + 1)
			continue;
		c->stamp[b] = (uint32_t)(c->ia + 1);
		k = score_near_bound(q->len < t->len ? q->len : t->len);
		d = ibm_edit_distance_max(c->pa + q->off, q->len,
					  c->pb + t->off, t->len, k);
		if (d > k)
			continue;
		ibm_grow((void **)c->out, c->cap, *c->nout + 1,
			 sizeof **c->out);
		(*c->out)[*c->nout].a = c->swapped ? b : c->ia;
		(*c->out)[*c->nout].b = c->swapped ? c->ia : b;
		(*c->out)[*c->nout].d = (unsigned)d;
		(*c->nout)++;
	}
}

size_t score_near_pairs(const char *const *ka, const unsigned char *use_a,
			size_t na, const char *const *kb,
			const unsigned char *use_b, size_t nb,
			score_near **out)
{
	name_cp *ma = ibm_xcalloc(na + 1, sizeof *ma);
	name_cp *mb = ibm_xcalloc(nb + 1, sizeof *mb);
	long *pa = NULL, *pb = NULL;
	size_t npa = 0, npb = 0, capa = 0, capb = 0, maxlen = 0, cnt_a = 0,
	       cnt_b = 0, nout = 0, ocap = 0;
	uint64_t *pre, *pw;
	near_index x = { 0 };
	uint32_t *stamp;
	int swap;
	const name_cp *mi, *mq;
	const long *pi, *pq;
	size_t ni, nq;

	*out = NULL;
	decode(ka, use_a, na, ma, &pa, &npa, &capa);
	decode(kb, use_b, nb, mb, &pb, &npb, &capb);
	for (size_t i = 0; i < na; i++) {
		cnt_a += !use_a || use_a[i];
		if (ma[i].len > maxlen)
			maxlen = ma[i].len;
	}
	for (size_t i = 0; i < nb; i++) {
		cnt_b += !use_b || use_b[i];
		if (mb[i].len > maxlen)
			maxlen = mb[i].len;
	}
	/* index the shorter list */
	swap = cnt_a < cnt_b;
	mi = swap ? ma : mb;
	ni = swap ? na : nb;
	pi = swap ? pa : pb;
	mq = swap ? mb : ma;
	nq = swap ? nb : na;
	pq = swap ? pb : pa;
	{
		const unsigned char *ui = swap ? use_a : use_b;
		const unsigned char *uq = swap ? use_b : use_a;

		pre = ibm_xcalloc(maxlen + 2, sizeof *pre);
		pw = ibm_xcalloc(maxlen + 2, sizeof *pw);
		pw[0] = 1;
		for (size_t i = 1; i <= maxlen + 1; i++)
			pw[i] = pw[i - 1] * HB;
		for (size_t i = 0; i < ni; i++) {
			add_ctx c = { &x, (uint32_t)i };

			if ((ui && !ui[i]) || mi[i].len == 0)
				continue;
			variants(pi + mi[i].off, mi[i].len, mi[i].k, pre, pw,
				 index_add, &c);
		}
		index_build(&x);
		stamp = ibm_xcalloc(ni + 1, sizeof *stamp);
		for (size_t i = 0; i < nq && x.n; i++) {
			query_ctx c = { &x, &mq[i], mi, pq, pi, i, stamp,
					swap, out, &nout, &ocap };

			if ((uq && !uq[i]) || mq[i].len == 0)
				continue;
			variants(pq + mq[i].off, mq[i].len, mq[i].k, pre, pw,
				 query_one, &c);
		}
	}
	free(stamp);
	free(pre);
	free(pw);
	free(x.h);
	free(x.id);
	free(x.next);
	free(x.slot);
	free(ma);
	free(mb);
	free(pa);
	free(pb);
	return nout;
}
