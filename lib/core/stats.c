/* stats.c - distributions and tests for ibm-score (see stats.h). */
#include "stats.h"
#include "ibmkit.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

double ibm_stats_normal_cdf(double z)
{
	if (isnan(z))
		return NAN;
	/* erfc keeps full relative precision in the lower tail */
	return 0.5 * erfc(-z / sqrt(2.0));
}

/* Continued fraction for I_x(a, b) (Numerical Recipes' betacf, modified
 * Lentz's method). */
static double betacf(double a, double b, double x)
{
	const double tiny = 1e-300, eps = 1e-16;
	double qab = a + b, qap = a + 1.0, qam = a - 1.0;
	double c = 1.0, d = 1.0 - qab * x / qap, h;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1.0 / d;
	h = d;
	for (int m = 1; m <= 10000; m++) {
		int m2 = 2 * m;
		double aa = m * (b - m) * x / ((qam + m2) * (a + m2)), del;

		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		h *= d * c;
		aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) < eps)
			break;
	}
	return h;
}

double ibm_stats_ibeta(double a, double b, double x)
{
	double lbt;

	if (isnan(x) || a <= 0 || b <= 0 || x < 0 || x > 1)
		return NAN;
	if (x == 0)
		return 0;
	if (x == 1)
		return 1;
	lbt = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) +
	      b * log1p(-x);
	if (x < (a + 1.0) / (a + b + 2.0))
		return exp(lbt) * betacf(a, b, x) / a;
	return 1.0 - exp(lbt) * betacf(b, a, 1.0 - x) / b;
}

/* P(|T| > |t|) = I_{df/(df+t^2)}(df/2, 1/2) */
double ibm_stats_t_p2(double t, double df)
{
	if (isnan(t) || isnan(df) || df <= 0)
		return NAN;
	if (isinf(t))
		return 0;
	return ibm_stats_ibeta(df / 2.0, 0.5, df / (df + t * t));
}

double ibm_stats_t_cdf(double t, double df)
{
	double tail = ibm_stats_t_p2(t, df) / 2.0;

	if (isnan(tail))
		return NAN;
	return t > 0 ? 1.0 - tail : tail;
}

double ibm_stats_normal_p2(double z)
{
	if (isnan(z))
		return NAN;
	return erfc(fabs(z) / sqrt(2.0));
}

double ibm_stats_mean(const double *x, size_t n)
{
	double s = 0;

	if (n == 0)
		return NAN;
	for (size_t i = 0; i < n; i++)
		s += x[i];
	return s / (double)n;
}

static double sumsq(const double *x, size_t n, double m)
{
	double s = 0;

	for (size_t i = 0; i < n; i++)
		s += (x[i] - m) * (x[i] - m);
	return s;
}

double ibm_stats_sd(const double *x, size_t n)
{
	if (n < 2)
		return NAN;
	return sqrt(sumsq(x, n, ibm_stats_mean(x, n)) / (double)(n - 1));
}

double ibm_stats_var_pop(const double *x, size_t n)
{
	if (n == 0)
		return NAN;
	return sumsq(x, n, ibm_stats_mean(x, n)) / (double)n;
}

void ibm_stats_paired_t(const double *d, size_t n, ibm_ttest *o)
{
	o->mean = ibm_stats_mean(d, n);
	o->sd = ibm_stats_sd(d, n);
	o->df = n >= 2 ? (double)(n - 1) : NAN;
	if (n < 2 || !(o->sd > 0)) {
		o->t = o->p = o->dz = NAN;
		return;
	}
	o->t = o->mean / (o->sd / sqrt((double)n));
	o->p = ibm_stats_t_p2(o->t, o->df);
	o->dz = o->mean / o->sd;
}

/* Sorts k[0..m) (tmp: scratch of m) by an LSD radix sort of 11-bit
 * digits, passing over the digits where all keys agree; returns the
 * array that holds the result (k or tmp). */
static uint64_t *radix_sort(uint64_t *k, uint64_t *tmp, size_t m)
{
	size_t c[2048];

	for (int shift = 0; shift < 64; shift += 11) {
		size_t at = 0;
		uint64_t *t;
		int one = 0;

		memset(c, 0, sizeof c);
		for (size_t i = 0; i < m; i++)
			c[k[i] >> shift & 2047]++;
		for (size_t b = 0; b < 2048; b++) {
			size_t x = c[b];

			one |= x == m;
			c[b] = at;
			at += x;
		}
		if (one)
			continue;
		for (size_t i = 0; i < m; i++)
			tmp[c[k[i] >> shift & 2047]++] = k[i];
		t = k;
		k = tmp;
		tmp = t;
	}
	return k;
}

void ibm_stats_wilcoxon(const double *d, size_t n, ibm_wilcoxon *o)
{
	uint64_t *a = ibm_xmalloc((2 * n + 1) * sizeof *a), *s;
	size_t m = 0;
	double v = 0, ties = 0, mu, sigma2, z, corr;

	/* the non-zero differences by |d|, as the bits of |d| (in the order
	 * of the numbers) and a bit for a positive one: each group of equal
	 * |d| together, and only its size and its positives count */
	for (size_t i = 0; i < n; i++)
		if (d[i] != 0) {
			double x = fabs(d[i]);
			uint64_t b;

			memcpy(&b, &x, sizeof b);
			a[m++] = b << 1 | (d[i] > 0);
		}
	s = radix_sort(a, a + n, m);
	for (size_t i = 0; i < m;) {
		size_t j = i;
		double rank;

		while (j < m && s[j] >> 1 == s[i] >> 1)
			j++;
		rank = (double)(i + 1 + j) / 2.0; /* mid-rank of i+1..j */
		for (size_t k = i; k < j; k++)
			if (s[k] & 1)
				v += rank;
		ties += pow((double)(j - i), 3) - (double)(j - i);
		i = j;
	}
	free(a);
	o->n = m;
	o->v = v;
	if (m == 0) {
		o->z = o->p = NAN;
		return;
	}
	mu = (double)m * (double)(m + 1) / 4.0;
	sigma2 = (double)m * (double)(m + 1) * (double)(2 * m + 1) / 24.0 -
		 ties / 48.0;
	if (!(sigma2 > 0)) {
		o->z = o->p = NAN;
		return;
	}
	z = v - mu;
	corr = z > 0 ? 0.5 : z < 0 ? -0.5 : 0;
	o->z = (z - corr) / sqrt(sigma2);
	o->p = ibm_stats_normal_p2(o->z);
}

double ibm_stats_pearson(const double *x, const double *y, size_t n)
{
	double mx, my, sxy = 0, sxx = 0, syy = 0;

	if (n < 2)
		return NAN;
	mx = ibm_stats_mean(x, n);
	my = ibm_stats_mean(y, n);
	for (size_t i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
		syy += (y[i] - my) * (y[i] - my);
	}
	/* values that do not vary at all (rounding noise included) */
	if (sxx <= 1e-12 * (1 + mx * mx) * (double)n ||
	    syy <= 1e-12 * (1 + my * my) * (double)n)
		return NAN;
	return sxy / sqrt(sxx * syy);
}

double ibm_stats_kr20(const double *items, size_t n, size_t k)
{
	double *col, *tot, sumvar = 0, vt;

	if (k < 2 || n < 2)
		return NAN;
	col = ibm_xmalloc(n * sizeof *col);
	tot = ibm_xcalloc(n, sizeof *tot);
	for (size_t j = 0; j < k; j++) {
		for (size_t i = 0; i < n; i++) {
			col[i] = items[i * k + j];
			tot[i] += col[i];
		}
		sumvar += ibm_stats_var_pop(col, n);
	}
	vt = ibm_stats_var_pop(tot, n);
	free(col);
	free(tot);
	if (!(vt > 0))
		return NAN;
	return (double)k / (double)(k - 1) * (1.0 - sumvar / vt);
}
