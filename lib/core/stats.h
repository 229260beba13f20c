/*
 * stats.h - the statistics behind ibm-score: descriptive statistics, the
 * normal and Student t distributions, paired t-test, Wilcoxon signed-rank
 * test (normal approximation), KR-20 and point-biserial correlation.
 *
 * Functions return NAN where a statistic is undefined (too few values,
 * zero variance); the CSV writer prints NAN as an empty field.
 */
#ifndef IBM_STATS_H
#define IBM_STATS_H

#include <stddef.h>

/* Standard normal distribution function P(Z <= z). */
double ibm_stats_normal_cdf(double z);
/* Regularized incomplete beta function I_x(a, b), a, b > 0, 0 <= x <= 1
 * (continued fraction, modified Lentz). */
double ibm_stats_ibeta(double a, double b, double x);
/* Student t distribution function P(T <= t) with df > 0 degrees of
 * freedom. */
double ibm_stats_t_cdf(double t, double df);
/* Two-sided p-values. */
double ibm_stats_t_p2(double t, double df);
double ibm_stats_normal_p2(double z);

double ibm_stats_mean(const double *x, size_t n);
/* Sample standard deviation (n - 1); NAN when n < 2. */
double ibm_stats_sd(const double *x, size_t n);
/* Population variance (n). */
double ibm_stats_var_pop(const double *x, size_t n);

typedef struct ibm_ttest {
	double t, df, p;  /* paired t-test on d = post - pre, two-sided */
	double mean, sd;  /* of the differences */
	double dz;        /* Cohen's d_z = mean / sd */
} ibm_ttest;
void ibm_stats_paired_t(const double *d, size_t n, ibm_ttest *out);

typedef struct ibm_wilcoxon {
	double v;        /* sum of ranks of the positive differences */
	double z, p;     /* normal approximation, continuity and ties corrected */
	size_t n;        /* non-zero differences */
} ibm_wilcoxon;
/* Differences are compared exactly (callers pass values that are exact,
 * e.g. integers), zero differences are dropped, ties get mid-ranks. Like
 * R's wilcox.test(x, y, paired = TRUE, exact = FALSE, correct = TRUE). */
void ibm_stats_wilcoxon(const double *d, size_t n, ibm_wilcoxon *out);

/* Pearson correlation; NAN when either variance is zero or n < 2. */
double ibm_stats_pearson(const double *x, const double *y, size_t n);

/*
 * KR-20 / Cronbach's alpha on an n-by-k matrix of item scores (row-major):
 * k/(k-1) * (1 - sum of item variances / variance of totals), population
 * variances. NAN when k < 2, n < 2 or the totals do not vary.
 */
double ibm_stats_kr20(const double *items, size_t n, size_t k);

#endif
