/*
 * index.c - the results: answers tallied per element, speaker aspect and
 * organisation aspect; NRR, the index IKM = 25 x sum(NRR x w), its band;
 * each speaker's whole, the speakers ranked; the regulation's sample size
 * for the response rate.
 */
#include "survey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double sv_round(double v, int decimals)
{
	double p = pow(10, decimals);

	if (isnan(v))
		return v;
	/* half up; a value a hair below the half (88.30499999999 for
	 * 88.305 in binary) is the half */
	return floor(v * p + 0.5 + 1e-9) / p;
}

const sv_band *sv_band_of(const sv_bandset *b, double v, int decimals)
{
	double r = sv_round(v, decimals);

	if (isnan(v) || !b->n)
		return NULL;
	for (size_t i = 0; i < b->n; i++)
		if (r + 1e-9 >= b->b[i].min)
			return &b->b[i];
	return &b->b[b->n - 1];
}

long sv_sample_min(long n)
{
	/* Krejcie and Morgan (1970): chi-square 3.841 (1 degree of
	 * freedom, 95 %), P = 0.5, d = 0.05, rounded; it gives the
	 * regulation's table at every population the table lists */
	double s;

	if (n <= 0)
		return 0;
	s = 3.841 * (double)n * 0.25 / (0.0025 * (double)(n - 1) +
					 3.841 * 0.25);
	return (long)floor(s + 0.5);
}

static void tally_add(sv_tally *t, int v)
{
	t->n++;
	t->sum += v;
	t->count[v]++;
}

static void tally_merge(sv_tally *t, const sv_tally *o)
{
	t->n += o->n;
	t->sum += o->sum;
	for (int v = 0; v <= SV_SCALE_MAX; v++)
		t->count[v] += o->count[v];
}

static double mean_of(const sv_tally *t)
{
	return t->n ? (double)t->sum / (double)t->n : NAN;
}

static size_t find_slot(const sv_data *d, size_t item, size_t speaker)
{
	return speaker == SV_NONE ? d->item_slot[item]
				  : d->spk[speaker].slot[item];
}

typedef struct rows {
	sv_row *v;
	size_t n, cap;
} rows;

static sv_row *add_row(rows *r, sv_part p, const char *name,
		       const char *aspect, const sv_tally *t, size_t item,
		       const sv_bandset *b)
{
	sv_row *x;

	ibm_grow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v);
	x = &r->v[r->n++];
	memset(x, 0, sizeof *x);
	x->part = p;
	x->name = name;
	x->aspect = aspect;
	x->t = *t;
	x->mean = mean_of(t);
	x->band = sv_band_of(b, x->mean, SV_MEAN_DECIMALS);
	x->item = item;
	return x;
}

/* The speakers, best first (the whole's mean rounded as it is shown;
 * ties in order of appearance, sharing a rank). */
typedef struct spk_order {
	size_t spk;
	double mean;
} spk_order;

static int by_mean(const void *a, const void *b)
{
	const spk_order *x = a, *y = b;
	int xn = isnan(x->mean), yn = isnan(y->mean);

	if (xn != yn)
		return xn - yn;
	if (!xn && x->mean != y->mean)
		return x->mean < y->mean ? 1 : -1;
	return x->spk < y->spk ? -1 : x->spk > y->spk;
}

static char *weight_text(const sv_result *r, const sv_spec *s)
{
	char w[64], ex[64];
	size_t k = r->nunsur;

	(void)s;
	if (!k)
		return ibm_xstrdup("");
	if (!r->weight_given)
		return ibm_xfmt("bobot 1/%zu", k);
	ibm_fmt_num(w, sizeof w, r->weight, 6, '.');
	if (fabs(r->weight * (double)k - 1) < 1e-12)
		return ibm_xfmt("bobot %s (= 1/%zu)", w, k);
	snprintf(ex, sizeof ex, "%.2f", sv_round(r->ikm_exact,
						 SV_INDEX_DECIMALS));
	return ibm_xfmt("bobot %s (dibulatkan; dengan bobot 1/%zu IKM %s)",
			   w, k, ex);
}

int sv_compute(sv_data *d, double weight, long participants, sv_result *r)
{
	const sv_spec *s = d->spec;
	rows out = { 0 };
	const sv_tally none = { 0 };
	int status = 0;
	size_t nfound = 0;
	double sum = 0, sum_exact = 0;

	memset(r, 0, sizeof *r);
	r->ikm = r->ikm_exact = r->weighted_sum = NAN;
	r->participants = participants;
	r->sample_min = participants > 0 ? sv_sample_min(participants) : -1;
	for (size_t i = 0; i < d->nslot; i++)
		memset(&d->slot[i].t, 0, sizeof d->slot[i].t);
	for (size_t i = 0; i < d->nresp; i++) {
		const sv_resp *p = &d->resp[i];
		int el = 0;

		if (p->dropped)
			continue;
		r->respondents++;
		for (size_t j = 0; j < p->nval; j++) {
			sv_slot *sl = &d->slot[p->slot[j]];

			tally_add(&sl->t, p->val[j]);
			el |= s->item[sl->item].part == SV_UNSUR;
		}
		r->ikm_respondents += el;
	}

	/* the elements and the index */
	for (size_t i = 0; i < s->nitem; i++)
		nfound += s->item[i].part == SV_UNSUR && d->found[i];
	if (nfound) {
		r->nunsur = s->nunsur;
		r->weight_given = weight > 0;
		r->weight = weight > 0 ? weight : 1.0 / (double)s->nunsur;
		for (size_t i = 0; i < s->nitem; i++) {
			const sv_item *it = &s->item[i];
			size_t sl;
			sv_row *x;

			if (it->part != SV_UNSUR)
				continue;
			sl = find_slot(d, i, SV_NONE);
			x = add_row(&out, SV_UNSUR, it->name, "",
				    sl == SV_NONE ? &none : &d->slot[sl].t, i,
				    &s->band[SV_B_UNSUR]);
			if (!x->t.n) {
				ibm_error(NULL, 0, "nobody answered the "
					  "element %s: the index cannot be "
					  "computed (a form without it needs "
					  "a spec without it)", it->name);
				status = IBM_EX_DATAERR;
				continue;
			}
			sum += x->mean * r->weight;
			sum_exact += x->mean / (double)s->nunsur;
		}
		if (!status) {
			r->weighted_sum = sum;
			r->ikm = 25 * sum;
			r->ikm_exact = 25 * sum_exact;
			r->band = sv_band_of(&s->band[SV_B_INDEKS], r->ikm,
					     SV_INDEX_DECIMALS);
		}
	}
	r->nunsur = nfound ? s->nunsur : 0;

	/* the speakers, best first: their aspects, then the whole */
	{
		spk_order *ord = ibm_xmalloc((d->nspk + 1) * sizeof *ord);

		for (size_t k = 0; k < d->nspk; k++) {
			sv_tally all = { 0 };

			for (size_t i = 0; i < s->nitem; i++)
				if (d->spk[k].slot[i] != SV_NONE)
					tally_merge(&all,
						    &d->slot[d->spk[k].slot[i]].t);
			ord[k].spk = k;
			ord[k].mean = sv_round(mean_of(&all),
					       SV_MEAN_DECIMALS);
		}
		qsort(ord, d->nspk, sizeof *ord, by_mean);
		for (size_t o = 0; o < d->nspk; o++) {
			size_t k = ord[o].spk, rank = o + 1;
			sv_tally all = { 0 };
			sv_row *x;

			/* equal means share the rank of the first */
			if (o && (ord[o].mean == ord[o - 1].mean ||
				  (isnan(ord[o].mean) &&
				   isnan(ord[o - 1].mean))))
				rank = out.v[out.n - 1].rank;
			for (size_t i = 0; i < s->nitem; i++) {
				size_t sl;

				if (s->item[i].part != SV_NARASUMBER ||
				    (sl = find_slot(d, i, k)) == SV_NONE)
					continue;
				x = add_row(&out, SV_NARASUMBER,
					    d->spk[k].name, s->item[i].aspect,
					    &d->slot[sl].t, i,
					    &s->band[SV_B_NARASUMBER]);
				x->rank = rank;
				tally_merge(&all, &d->slot[sl].t);
			}
			x = add_row(&out, SV_NARASUMBER, d->spk[k].name, "",
				    &all, SV_NONE, &s->band[SV_B_NARASUMBER]);
			x->rank = rank;
		}
		r->nspeakers = d->nspk;
		free(ord);
	}

	/* the organisation: each group's aspects, then the group */
	for (size_t g = 0; g < s->nitem; g++) {
		const sv_item *gi = &s->item[g];
		sv_tally all = { 0 };
		int any = 0, seen = 0;

		if (gi->part != SV_PENYELENGGARAAN)
			continue;
		/* a group once, where it first appears */
		for (size_t e = 0; e < g && !seen; e++)
			seen = s->item[e].part == SV_PENYELENGGARAAN &&
			       !ibm_casecmp(s->item[e].name, gi->name);
		if (seen)
			continue;
		for (size_t i = g; i < s->nitem; i++) {
			size_t sl;

			if (s->item[i].part != SV_PENYELENGGARAAN ||
			    ibm_casecmp(s->item[i].name, gi->name) ||
			    (sl = find_slot(d, i, SV_NONE)) == SV_NONE)
				continue;
			add_row(&out, SV_PENYELENGGARAAN, gi->name,
				s->item[i].aspect, &d->slot[sl].t, i,
				&s->band[SV_B_PENYELENGGARAAN]);
			tally_merge(&all, &d->slot[sl].t);
			any = 1;
		}
		if (any)
			add_row(&out, SV_PENYELENGGARAAN, gi->name, "", &all,
				SV_NONE, &s->band[SV_B_PENYELENGGARAAN]);
	}
	r->row = out.v;
	r->nrow = out.n;
	r->weight_text = weight_text(r, s);
	if (status)
		sv_result_free(r);
	return status;
}

void sv_result_free(sv_result *r)
{
	free(r->row);
	free(r->weight_text);
	memset(r, 0, sizeof *r);
}

char *sv_fmt_index(char *buf, size_t size, double ikm)
{
	int d = 4;
	double want = sv_round(ikm, SV_INDEX_DECIMALS);

	if (isnan(ikm)) {
		snprintf(buf, size, "%s", "");
		return buf;
	}
	/* the digits shown round to the index's own two decimals */
	while (d < 8 && sv_round(sv_round(ikm, d), SV_INDEX_DECIMALS) != want)
		d++;
	snprintf(buf, size, "%.*f", d, sv_round(ikm, d));
	return buf;
}

char *sv_sample_note(const sv_result *r)
{
	char rate[32];

	if (r->participants <= 0)
		return NULL;
	snprintf(rate, sizeof rate, "%.2f", sv_round(100.0 *
		 (double)r->respondents / (double)r->participants, 2));
	for (char *p = rate; *p; p++)
		if (*p == '.')
			*p = ',';
	return ibm_xfmt("%ld dari %ld peserta mengisi survei (%s%%). "
			   "Tabel sampel Krejcie dan Morgan (Lampiran "
			   "PermenPAN-RB 14/2017) meminta sedikitnya %ld "
			   "responden dari populasi %ld: %s",
			   r->respondents, r->participants, rate,
			   r->sample_min, r->participants,
			   r->respondents >= r->sample_min
			   ? "jumlah responden memenuhi."
			   : "jumlah responden kurang, sehingga hasil survei "
			     "belum mewakili seluruh peserta.");
}
