/* near.c - which names of two lists are within a small edit distance of
 * each other, in near-linear time: for --fuzzy matching and for the
 * closest-name suggestions of ibm-score's warnings.
 *
 * Symmetric deletion neighbourhoods: when two strings are within edit
 * distance k, deleting at most k characters from each makes them equal
 * (a substitution is a deletion on both sides, an insertion one on the
 * other). The hash of every string made by deleting at most k characters
 * from a name (1 + n + n(n-1)/2 of them for k = 2, each hashed in
 * constant time from prefix hashes) goes, with the name's number, into
 * one of 1024 partitions by its top bits, for both lists; then each
 * partition, small enough for the cache, is joined with a hash table
 * (a partitioned hash join: no look-up misses the cache). The pairs of
 * names that share a string are grouped by name, and each candidate is
 * checked once with a banded edit distance that stops at the bound. The
 * work grows with the number of names, not with its square. */
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
		while (s < e) {
			long c = ibm_utf8_next(&s, e);

			(*pool)[(*np)++] = c < 0 ? 0xFFFD : c;
		}
		m->len = *np - m->off;
		m->k = score_near_bound(m->len);
		m->idx = i;
	}
	return used;
}

#define PBITS 10
#define NPART ((size_t)1 << PBITS)

/* A deletion string of a name: the low 32 bits of its hash, and the
 * name's number. */
typedef struct part_e {
	uint32_t fp, id;
} part_e;

/* The deletion strings of the names of one list, by partition: entry e
 * of partition b is e[off[b] <= e < end[b]] (room to off[b + 1]). */
typedef struct parts {
	part_e *e;
	size_t off[NPART + 1];
	size_t end[NPART];
	int full;             /* a partition had no room for one more */
} parts;

/* The final hash of a deletion string of len code points whose
 * polynomial hash is h: one multiplication, its high half folded into
 * the low (the partition takes the top bits, the fingerprint the low
 * ones). Any function would do: equal strings have equal hashes, and
 * a collision only makes a candidate that the edit distance rejects. */
static inline uint64_t fin(uint64_t h, size_t len)
{
	uint64_t x = (h ^ (uint64_t)len << 56) * 0x9E3779B97F4A7C15ULL;

	return x ^ x >> 32;
}

/* One deletion string to its partition: counted (pos NULL) or stored
 * where its partition has room. */
static inline void put(parts *p, size_t *pos, uint32_t id, uint64_t h)
{
	size_t b = (size_t)(h >> (64 - PBITS));

	if (!pos) {
		p->off[b + 1]++;
	} else if (pos[b] < p->off[b + 1]) {
		p->e[pos[b]].fp = (uint32_t)h;
		p->e[pos[b]++].id = id;
	} else {
		p->full = 1;
	}
}

/* The hashes of s with at most k <= 2 characters deleted, to put(). The
 * polynomial hash of s without s[i] is pre[n] + D[i] with D[i] =
 * (pre[i] - pre[i + 1]) * HB^(n-1-i); without s[i] and s[j] (i < j) it
 * is C[i] + D[j] with C[i] = (pre[i] - pre[i + 1]) * HB^(n-2-i) +
 * pre[n], so that each costs an addition. pre, C, D, pw: scratch and
 * powers of HB, len + 1. */
static inline void variants(const long *s, size_t n, size_t k,
			    uint64_t *pre, uint64_t *C, uint64_t *D,
			    const uint64_t *pw, parts *p, size_t *pos,
			    uint32_t id)
{
	pre[0] = 0;
	for (size_t i = 0; i < n; i++)
		pre[i + 1] = pre[i] * HB + (uint64_t)s[i] + 1;
	put(p, pos, id, fin(pre[n], n));
	if (k < 1)
		return;
	for (size_t i = 0; i < n; i++) {
		D[i] = (pre[i] - pre[i + 1]) * pw[n - 1 - i];
		if (i > 0 && s[i] == s[i - 1])
			continue; /* the same string again */
		put(p, pos, id, fin(pre[n] + D[i], n - 1));
	}
	if (k < 2)
		return;
	for (size_t i = 0; i + 1 < n; i++)
		C[i] = (pre[i] - pre[i + 1]) * pw[n - 2 - i] + pre[n];
	for (size_t i = 0; i + 1 < n; i++)
		for (size_t j = i + 1; j < n; j++)
			put(p, pos, id, fin(C[i] + D[j], n - 2));
}

/* Every used name's deletion strings to put(): counted (pos NULL) or
 * stored. */
static void each_name(parts *p, size_t *pos, const name_cp *m, size_t n,
		      const long *pool, uint64_t *pre, uint64_t *C,
		      const uint64_t *pw, size_t max)
{
	for (size_t i = 0; i < n; i++)
		variants(pool + m[i].off, m[i].len, m[i].k, pre, C,
			 C + max + 1, pw, p, pos, (uint32_t)i);
}

static void partition(parts *p, const name_cp *m, size_t n,
		      const long *pool, uint64_t *pre, const uint64_t *pw)
{
	size_t *pos = ibm_xcalloc(NPART, sizeof *pos);
	uint64_t *C;
	size_t max = 0, all = 0, mean, room = 0;

	for (size_t i = 0; i < n; i++) {
		if (m[i].len > max)
			max = m[i].len;
		all += 1 + (m[i].k >= 1 ? m[i].len : 0) +
			       (m[i].k >= 2 ? m[i].len * (m[i].len - 1) / 2
					    : 0);
	}
	C = ibm_xcalloc(2 * (max + 1), sizeof *C);
	/* One pass: each partition has room for the mean share of the
	 * strings (all: 1 + n + n(n - 1)/2 a name at most) and 4 standard
	 * deviations and 8 more, as the hashes spread them evenly. Should
	 * one have no room (many equal names), the strings are counted by
	 * partition first, and stored again. */
	mean = all / NPART;
	while (room * room < 16 * mean)
		room++;
	room += mean + 8;
	for (size_t b = 0; b <= NPART; b++)
		p->off[b] = b * room;
	p->e = ibm_xmalloc((p->off[NPART] + 1) * sizeof *p->e);
	memcpy(pos, p->off, NPART * sizeof *pos);
	p->full = 0;
	each_name(p, pos, m, n, pool, pre, C, pw, max);
	if (p->full) {
		free(p->e);
		memset(p->off, 0, sizeof p->off);
		each_name(p, NULL, m, n, pool, pre, C, pw, max);
		for (size_t b = 0; b < NPART; b++)
			p->off[b + 1] += p->off[b];
		p->e = ibm_xmalloc((p->off[NPART] + 1) * sizeof *p->e);
		memcpy(pos, p->off, NPART * sizeof *pos);
		p->full = 0;
		each_name(p, pos, m, n, pool, pre, C, pw, max);
	}
	memcpy(p->end, pos, sizeof p->end);
	free(C);
	free(pos);
}

/* Candidate pairs (a name of q, a name of x) sharing a deletion string,
 * partition by partition; may repeat a pair. A slot of a partition's
 * table holds a fingerprint and (+ 1) the last of x's entries with it,
 * whose next[] chain the others: a probe reads one slot. */
static size_t join(const parts *q, const parts *x, uint32_t **pq,
		   uint32_t **px)
{
	size_t big = 0, cap = 16, n = 0, pcap = 0;
	uint32_t *next = ibm_xcalloc(x->off[NPART] + 1, sizeof *next);
	uint64_t *slot;
	uint64_t bits[256];       /* a filter: bits 18..31 of x's fingerprints */

	for (size_t b = 0; b < NPART; b++)
		if (x->end[b] - x->off[b] > big)
			big = x->end[b] - x->off[b];
	while (cap < 2 * big)
		cap *= 2;
	slot = ibm_xcalloc(cap, sizeof *slot);
	*pq = *px = NULL;
	for (size_t b = 0; b < NPART; b++) {
		size_t x0 = x->off[b], x1 = x->end[b], m = 16;

		if (x0 == x1 || q->off[b] == q->end[b])
			continue;
		while (m < 2 * (x1 - x0))
			m *= 2;
		memset(slot, 0, m * sizeof *slot);
		memset(bits, 0, sizeof bits);
		for (size_t e = x0; e < x1; e++) {
			uint32_t fp = x->e[e].fp;
			size_t i = fp & (m - 1);

			bits[fp >> 24] |= 1ULL << (fp >> 18 & 63);

			while (slot[i] && (uint32_t)(slot[i] >> 32) != fp)
				i = (i + 1) & (m - 1);
			next[e] = (uint32_t)slot[i];
			slot[i] = (uint64_t)fp << 32 | (uint32_t)(e + 1);
		}
		for (size_t e = q->off[b]; e < q->end[b]; e++) {
			uint32_t fp = q->e[e].fp;
			size_t i = fp & (m - 1);

			/* most strings are on one side only: out without a
			 * look at the table */
			if (!(bits[fp >> 24] >> (fp >> 18 & 63) & 1))
				continue;
			while (slot[i] && (uint32_t)(slot[i] >> 32) != fp)
				i = (i + 1) & (m - 1);
			for (uint32_t f = (uint32_t)slot[i]; f; f = next[f - 1]) {
				if (n + 1 > pcap) {
					ibm_grow((void **)pq, &pcap, n + 1,
						 sizeof **pq);
					*px = ibm_xrealloc(*px, pcap *
							   sizeof **px);
				}
				(*pq)[n] = q->e[e].id;
				(*px)[n] = x->e[f - 1].id;
				n++;
			}
		}
	}
	free(slot);
	free(next);
	return n;
}

size_t score_near_pairs(const char *const *ka, const unsigned char *use_a,
			size_t na, const char *const *kb,
			const unsigned char *use_b, size_t nb,
			score_near **out)
{
	name_cp *ma, *mb;
	long *pa = NULL, *pb = NULL;
	size_t npa = 0, npb = 0, capa = 0, capb = 0, maxlen = 0, nout = 0,
	       ocap = 0, np, *off;
	uint64_t *pre, *pw;
	parts A, B;
	uint32_t *qa, *xb, *byq, *stamp;

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
	pw[0] = 1;
	for (size_t i = 1; i <= maxlen + 1; i++)
		pw[i] = pw[i - 1] * HB;
	partition(&A, ma, na, pa, pre, pw);
	partition(&B, mb, nb, pb, pre, pw);
	np = join(&A, &B, &qa, &xb);
	free(A.e);
	free(B.e);
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
