/* near.c - which names of two lists are within a small edit distance of
 * each other, in near-linear time: for --fuzzy matching and for the
 * closest-name suggestions of ibm-score's warnings.
 *
 * Symmetric deletion neighbourhoods: when two strings are within edit
 * distance k, deleting at most k characters from each makes them equal
 * (a substitution is a deletion on both sides, an insertion one on the
 * other). The hash of every string made by deleting at most k characters
 * from a name (1 + n + n(n-1)/2 of them for k = 2, each hashed in
 * constant time from prefix hashes) is made from the name when needed,
 * never all kept: those of the second list go into a Bloom filter; those
 * of the first that pass it (the ones both lists have, and a few more)
 * into a hash table, small enough for the cache, with the name's
 * number; the second list's are looked up there. The pairs of names
 * that share a string are grouped by name, and each candidate is
 * checked once with a banded edit distance that stops at the bound. The
 * work grows with the number of names, not with its square, and the
 * memory with the strings the lists share.
 *
 * A name has n(n-1)/2 such strings: one of 20,000 characters (a public
 * form takes it) would make 200 million. Names longer than NEAR_LEN_MAX
 * code points are matched by their first NEAR_LEN_MAX, with a warning. */
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

/* The longest name matched whole (ibm-score(1)). */
#define NEAR_LEN_MAX 128

/* Warn once per run about a name cut for matching (the same keys come
 * through here more than once: pre/post, roster). */
static void warn_cut(const char *key, size_t len)
{
	static uint64_t *seen;
	static size_t nseen, cap;
	uint64_t h = 1469598103934665603ULL;

	for (const char *c = key; *c; c++)
		h = (h ^ (unsigned char)*c) * 0x100000001B3ULL;
	for (size_t i = 0; i < nseen; i++)
		if (seen[i] == h)
			return;
	if (nseen < 1024) {
		ibm_grow((void **)&seen, &cap, nseen + 1, sizeof *seen);
		seen[nseen++] = h;
	}
	ibm_warn(NULL, 0, "a name of %zu characters (\"%.40s...\") is "
		 "matched by its first %d only", len, key, NEAR_LEN_MAX);
}

typedef struct name_cp {
	size_t off, len;      /* in the code point pool */
	size_t k;             /* deletions to index: score_near_bound(len) */
	size_t idx;           /* the caller's number of the name */
} name_cp;

/* The names of keys that use[] takes and are not empty, as code points
 * in *pool: *nm (their number the return value), in the caller's
 * order. */
static size_t decode(const char *const *keys, const unsigned char *use,
		     size_t n, name_cp **nm, long **pool, size_t *np,
		     size_t *cap)
{
	size_t used = 0, mcap = 0;

	*nm = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *s = keys[i], *e;
		name_cp *m;

		if ((use && !use[i]) || !*s)
			continue;
		ibm_grow((void **)nm, &mcap, used + 1, sizeof **nm);
		m = &(*nm)[used++];
		e = s + strlen(s);
		ibm_grow((void **)pool, cap, *np + (size_t)(e - s) + 1,
			 sizeof **pool);
		m->off = *np;
		while (s < e && *np - m->off < NEAR_LEN_MAX) {
			long c = ibm_utf8_next(&s, e);

			(*pool)[(*np)++] = c < 0 ? 0xFFFD : c;
		}
		if (s < e)
			warn_cut(keys[i], ibm_utf8_len(keys[i]));
		m->len = *np - m->off;
		m->k = score_near_bound(m->len);
		m->idx = i;
	}
	return used;
}

/* The final hash of a deletion string of len code points whose
 * polynomial hash is h: one multiplication, its high half folded into
 * the low. Any function would do: equal strings have equal hashes, and
 * a collision only makes a candidate that the edit distance rejects. */
static inline uint64_t fin(uint64_t h, size_t len)
{
	uint64_t x = (h ^ (uint64_t)len << 56) * 0x9E3779B97F4A7C15ULL;

	return x ^ x >> 32;
}

/* The hashes of s with at most k <= 2 characters deleted, into out
 * (room for 1 + n + n(n-1)/2); returns their number. The polynomial
 * hash of s without s[i] is pre[n] + D[i] with D[i] = (pre[i] - pre[i +
 * 1]) * HB^(n-1-i); without s[i] and s[j] (i < j) it is C[i] + D[j] with
 * C[i] = (pre[i] - pre[i + 1]) * HB^(n-2-i) + pre[n], so that each
 * costs an addition. pre, C, D: scratch of n + 1; pw: powers of HB. */
static size_t variants(const long *s, size_t n, size_t k, uint64_t *pre,
		       uint64_t *C, uint64_t *D, const uint64_t *pw,
		       uint64_t *out)
{
	size_t m = 0;

	pre[0] = 0;
	for (size_t i = 0; i < n; i++)
		pre[i + 1] = pre[i] * HB + (uint64_t)s[i] + 1;
	out[m++] = fin(pre[n], n);
	if (k < 1)
		return m;
	for (size_t i = 0; i < n; i++) {
		D[i] = (pre[i] - pre[i + 1]) * pw[n - 1 - i];
		if (i > 0 && s[i] == s[i - 1])
			continue; /* the same string again */
		out[m++] = fin(pre[n] + D[i], n - 1);
	}
	if (k < 2)
		return m;
	for (size_t i = 0; i + 1 < n; i++)
		C[i] = (pre[i] - pre[i + 1]) * pw[n - 2 - i] + pre[n];
	for (size_t i = 0; i + 1 < n; i++)
		for (size_t j = i + 1; j < n; j++)
			out[m++] = fin(C[i] + D[j], n - 2);
	return m;
}

/* A blocked Bloom filter of hashes: two bits of one word a hash. No
 * hash put in is ever reported missing. */
typedef struct bloom {
	uint64_t *w;
	size_t mask;
} bloom;

static void bloom_init(bloom *f, size_t n)
{
	size_t words = 64;

	while (words * 64 < 8 * n) /* about 8 bits a hash */
		words *= 2;
	f->w = ibm_xcalloc(words, sizeof *f->w);
	f->mask = words - 1;
}

static inline uint64_t bloom_bits(uint64_t h)
{
	return 1ULL << (h & 63) | 1ULL << (h >> 6 & 63);
}

static inline void bloom_add(bloom *f, uint64_t h)
{
	f->w[(size_t)(h >> 20) & f->mask] |= bloom_bits(h);
}

static inline int bloom_has(const bloom *f, uint64_t h)
{
	uint64_t b = bloom_bits(h);

	return (f->w[(size_t)(h >> 20) & f->mask] & b) == b;
}

/* The deletion strings of the names of a that b may have too: a hash
 * table of hashes (slot[] + 1 the last entry of a slot, next[] + 1 the
 * one before it), and a's name of each. */
typedef struct cand {
	uint64_t *h;
	uint32_t *id, *next, *slot;
	size_t n, cap, mask;
	bloom f;                  /* of h[] */
} cand;

static void cand_add(cand *c, uint64_t h, uint32_t id)
{
	if (c->n + 1 > c->cap) {
		ibm_grow((void **)&c->h, &c->cap, c->n + 1, sizeof *c->h);
		c->id = ibm_xrealloc(c->id, c->cap * sizeof *c->id);
	}
	c->h[c->n] = h;
	c->id[c->n++] = id;
}

static void cand_index(cand *c)
{
	size_t m = 16;

	while (m < 2 * c->n)
		m *= 2;
	c->mask = m - 1;
	c->slot = ibm_xcalloc(m, sizeof *c->slot);
	c->next = ibm_xcalloc(c->n + 1, sizeof *c->next);
	bloom_init(&c->f, c->n);
	for (size_t e = 0; e < c->n; e++) {
		size_t i = (size_t)(c->h[e] >> 32) & c->mask;

		c->next[e] = c->slot[i];
		c->slot[i] = (uint32_t)(e + 1);
		bloom_add(&c->f, c->h[e]);
	}
}

static void cand_free(cand *c)
{
	free(c->h);
	free(c->id);
	free(c->next);
	free(c->slot);
	free(c->f.w);
}

/* The number of deletion strings of names m (at most). */
static size_t count_variants(const name_cp *m, size_t n)
{
	size_t all = 0;

	for (size_t i = 0; i < n; i++)
		all += 1 + (m[i].k >= 1 ? m[i].len : 0) +
		       (m[i].k >= 2 ? m[i].len * (m[i].len - 1) / 2 : 0);
	return all;
}

size_t score_near_pairs(const char *const *ka, const unsigned char *use_a,
			size_t na, const char *const *kb,
			const unsigned char *use_b, size_t nb,
			score_near **out)
{
	name_cp *ma, *mb;
	long *pa = NULL, *pb = NULL;
	size_t npa = 0, npb = 0, capa = 0, capb = 0, maxlen = 0, nout = 0,
	       ocap = 0, np = 0, pcap = 0, *off;
	uint64_t *pre, *pw, *C, *vh;
	bloom fb;
	cand ca;
	uint32_t *qa = NULL, *xb = NULL, *byq, *stamp;

	*out = NULL;
	/* from here on na and nb count the names used, and a name is
	 * known by its place among them */
	na = decode(ka, use_a, na, &ma, &pa, &npa, &capa);
	nb = decode(kb, use_b, nb, &mb, &pb, &npb, &capb);
	for (size_t i = 0; i < na; i++)
		if (ma[i].len > maxlen)
			maxlen = ma[i].len;
	for (size_t i = 0; i < nb; i++)
		if (mb[i].len > maxlen)
			maxlen = mb[i].len;
	pre = ibm_xcalloc(maxlen + 2, sizeof *pre);
	pw = ibm_xcalloc(maxlen + 2, sizeof *pw);
	C = ibm_xcalloc(2 * (maxlen + 1), sizeof *C);
	vh = ibm_xcalloc(1 + maxlen + maxlen * maxlen / 2 + 1, sizeof *vh);
	pw[0] = 1;
	for (size_t i = 1; i <= maxlen + 1; i++)
		pw[i] = pw[i - 1] * HB;
	/* A semi-join that keeps little in memory: b's deletion strings
	 * in a Bloom filter; a's that pass it (the shared ones, and a few
	 * more) in a hash table; b's looked up there. Each deletion
	 * string is made from its name when needed, never all kept. */
	bloom_init(&fb, count_variants(mb, nb));
	for (size_t j = 0; j < nb; j++) {
		size_t m = variants(pb + mb[j].off, mb[j].len, mb[j].k, pre, C,
				    C + maxlen + 1, pw, vh);

		for (size_t v = 0; v < m; v++)
			bloom_add(&fb, vh[v]);
	}
	memset(&ca, 0, sizeof ca);
	for (size_t i = 0; i < na; i++) {
		size_t m = variants(pa + ma[i].off, ma[i].len, ma[i].k, pre, C,
				    C + maxlen + 1, pw, vh);

		for (size_t v = 0; v < m; v++)
			if (bloom_has(&fb, vh[v]))
				cand_add(&ca, vh[v], (uint32_t)i);
	}
	free(fb.w);
	cand_index(&ca);
	for (size_t j = 0; j < nb && ca.n; j++) {
		size_t m = variants(pb + mb[j].off, mb[j].len, mb[j].k, pre, C,
				    C + maxlen + 1, pw, vh);

		for (size_t v = 0; v < m; v++) {
			uint64_t h = vh[v];

			if (!bloom_has(&ca.f, h))
				continue;
			for (uint32_t f = ca.slot[(size_t)(h >> 32) & ca.mask]; f;
			     f = ca.next[f - 1]) {
				if (ca.h[f - 1] != h)
					continue;
				if (np + 1 > pcap) {
					ibm_grow((void **)&qa, &pcap, np + 1,
						 sizeof *qa);
					xb = ibm_xrealloc(xb, pcap * sizeof *xb);
				}
				qa[np] = ca.id[f - 1];
				xb[np] = (uint32_t)j;
				np++;
			}
		}
	}
	cand_free(&ca);
	free(C);
	free(vh);
	/* group the candidates by name of a (counting sort), then check each
	 * distinct pair once */
	off = ibm_xcalloc(na + 2, sizeof *off);
	byq = ibm_xcalloc(np + 1, sizeof *byq);
	for (size_t e = 0; e < np; e++)
		off[qa[e] + 1]++;
	for (size_t i = 0; i < na; i++)
		off[i + 1] += off[i];
	{
		size_t *pos = ibm_xcalloc(na + 1, sizeof *pos);

		memcpy(pos, off, na * sizeof *pos);
		for (size_t e = 0; e < np; e++)
			byq[pos[qa[e]]++] = xb[e];
		free(pos);
	}
	stamp = ibm_xcalloc(nb + 1, sizeof *stamp);
	for (size_t i = 0; i < na; i++)
		for (size_t e = off[i]; e < off[i + 1]; e++) {
			uint32_t j = byq[e];
			const name_cp *x = &ma[i], *y = &mb[j];
			size_t k, d;

			if (stamp[j] == i + 1)
				continue;
			stamp[j] = (uint32_t)(i + 1);
			k = score_near_bound(x->len < y->len ? x->len : y->len);
			d = ibm_edit_distance_max(pa + x->off, x->len,
						  pb + y->off, y->len, k);
			if (d > k)
				continue;
			ibm_grow((void **)out, &ocap, nout + 1, sizeof **out);
			(*out)[nout].a = x->idx;
			(*out)[nout].b = y->idx;
			(*out)[nout].d = (unsigned)d;
			nout++;
		}
	free(stamp);
	free(off);
	free(byq);
	free(qa);
	free(xb);
	free(pre);
	free(pw);
	free(ma);
	free(mb);
	free(pa);
	free(pb);
	return nout;
}
