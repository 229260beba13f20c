/* strmap.c - a hash map from strings to indexes (ibm_strmap) and the
 * distinct strings of a list in order of first appearance (ibm_strset),
 * for the look-ups that must stay constant-time at a province's scale:
 * districts and phases, villages, participants' keys, question headers. */
#include "ibmkit.h"

#include <stdlib.h>
#include <string.h>

unsigned long long ibm_fnv1a64(const char *s)
{
	unsigned long long h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

size_t ibm_hash_str(const char *s)
{
	unsigned long long h = ibm_fnv1a64(s);

	return (size_t)(h ^ h >> 32);
}

void ibm_strmap_init(ibm_strmap *m, size_t n)
{
	memset(m, 0, sizeof *m);
	m->cap = 16;
	while (m->cap < n * 2 + 1)
		m->cap *= 2;
	m->k = ibm_xcalloc(m->cap, sizeof *m->k);
	m->v = ibm_xcalloc(m->cap, sizeof *m->v);
}

/* The slot of k: where it is, or the empty slot where it would go. */
static size_t slot(const ibm_strmap *m, const char *k)
{
	size_t i = ibm_hash_str(k) & (m->cap - 1);

	while (m->k[i] && strcmp(m->k[i], k) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

size_t ibm_strmap_get(const ibm_strmap *m, const char *k)
{
	size_t i;

	if (!m->cap)
		return IBM_STRMAP_NONE;
	i = slot(m, k);
	return m->k[i] ? m->v[i] : IBM_STRMAP_NONE;
}

size_t ibm_strmap_put(ibm_strmap *m, const char *k, size_t v)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		ibm_strmap old = *m;

		ibm_strmap_init(m, old.n + 1 > 8 ? (old.n + 1) * 2 : 8);
		for (size_t j = 0; j < old.cap; j++)
			if (old.k[j]) {
				i = slot(m, old.k[j]);
				m->k[i] = old.k[j];
				m->v[i] = old.v[j];
				m->n++;
			}
		ibm_strmap_free(&old);
	}
	i = slot(m, k);
	if (m->k[i])
		return m->v[i];
	m->k[i] = k;
	m->v[i] = v;
	m->n++;
	return IBM_STRMAP_NONE;
}

void ibm_strmap_free(ibm_strmap *m)
{
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof *m);
}

size_t ibm_strset_add(ibm_strset *s, const char *k)
{
	size_t i = ibm_strmap_get(&s->map, k);

	if (i != IBM_STRMAP_NONE)
		return i;
	ibm_grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n] = ibm_xstrdup(k);
	ibm_strmap_put(&s->map, s->v[s->n], s->n);
	return s->n++;
}

size_t ibm_strset_find(const ibm_strset *s, const char *k)
{
	return ibm_strmap_get(&s->map, k);
}

void ibm_strset_free(ibm_strset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	ibm_strmap_free(&s->map);
	memset(s, 0, sizeof *s);
}
