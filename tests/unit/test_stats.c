/* test_stats.c - the statistics module against published table values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "stats.h"

#define NEAR(a, b, tol) assert_true(fabs((a) - (b)) <= (tol))

/* Standard normal table (e.g. Abramowitz & Stegun 26.2). */
static void test_normal_cdf(void **state)
{
	(void)state;
	NEAR(ibm_stats_normal_cdf(0), 0.5, 1e-15);
	NEAR(ibm_stats_normal_cdf(1.0), 0.8413447461, 1e-9);
	NEAR(ibm_stats_normal_cdf(-1.0), 0.1586552539, 1e-9);
	NEAR(ibm_stats_normal_cdf(1.959963985), 0.975, 1e-9);
	NEAR(ibm_stats_normal_cdf(2.575829304), 0.995, 1e-9);
	NEAR(ibm_stats_normal_cdf(-3.090232306), 0.001, 1e-11);
	NEAR(ibm_stats_normal_p2(1.959963985), 0.05, 1e-9);
	assert_true(isnan(ibm_stats_normal_cdf(NAN)));
}

/* Student t critical values (two-sided 5% and 1%) from the usual tables:
 * P(T <= t) = 0.975 / 0.995. */
static void test_t_cdf_table(void **state)
{
	static const struct { double df, t975, t995; } tab[] = {
		{ 1, 12.706, 63.657 }, { 2, 4.303, 9.925 }, { 3, 3.182, 5.841 },
		{ 5, 2.571, 4.032 }, { 10, 2.228, 3.169 }, { 20, 2.086, 2.845 },
		{ 30, 2.042, 2.750 }, { 60, 2.000, 2.660 }, { 120, 1.980, 2.617 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof tab / sizeof *tab; i++) {
		/* tables round t to 3 decimals: compare probabilities loosely */
		NEAR(ibm_stats_t_cdf(tab[i].t975, tab[i].df), 0.975, 2e-5);
		NEAR(ibm_stats_t_cdf(tab[i].t995, tab[i].df), 0.995, 2e-5);
		NEAR(ibm_stats_t_cdf(-tab[i].t975, tab[i].df), 0.025, 2e-5);
	}
}

/* Closed forms: df = 1 (Cauchy) and df = 2. */
static void test_t_cdf_exact(void **state)
{
	(void)state;
	for (double t = -5; t <= 5; t += 0.25) {
		NEAR(ibm_stats_t_cdf(t, 1), 0.5 + atan(t) / M_PI, 1e-12);
		NEAR(ibm_stats_t_cdf(t, 2), 0.5 + t / (2 * sqrt(2 + t * t)),
		     1e-12);
	}
	NEAR(ibm_stats_t_cdf(0, 7), 0.5, 1e-15);
	NEAR(ibm_stats_t_p2(2.228138852, 10), 0.05, 1e-8);
	assert_true(isnan(ibm_stats_t_p2(1, 0)));
}

static void test_ibeta(void **state)
{
	(void)state;
	/* I_x(1, 1) = x; I_x(a, 1) = x^a; I_0.5(a, a) = 0.5 */
	NEAR(ibm_stats_ibeta(1, 1, 0.3), 0.3, 1e-14);
	NEAR(ibm_stats_ibeta(3, 1, 0.6), 0.216, 1e-14);
	NEAR(ibm_stats_ibeta(7.5, 7.5, 0.5), 0.5, 1e-14);
	/* I_x(2, 3) = 6x^2/2 - 8x^3/3*... : polynomial 6x^2 - 8x^3 + 3x^4 */
	NEAR(ibm_stats_ibeta(2, 3, 0.4),
	     6 * 0.16 - 8 * 0.064 + 3 * 0.0256, 1e-13);
	assert_true(ibm_stats_ibeta(2, 3, 0) == 0);
	assert_true(ibm_stats_ibeta(2, 3, 1) == 1);
	assert_true(isnan(ibm_stats_ibeta(2, 3, 1.5)));
}

static void test_descriptive(void **state)
{
	double x[] = { 2, 4, 4, 4, 5, 5, 7, 9 };

	(void)state;
	NEAR(ibm_stats_mean(x, 8), 5, 1e-15);
	NEAR(ibm_stats_var_pop(x, 8), 4, 1e-15);
	NEAR(ibm_stats_sd(x, 8), sqrt(32.0 / 7), 1e-15);
	assert_true(isnan(ibm_stats_sd(x, 1)));
	assert_true(isnan(ibm_stats_mean(x, 0)));
}

/* Reference values from SciPy 1.10 (scipy.stats.ttest_1samp(d, 0) and
 * wilcoxon(d, correction=True, method='approx'), the same figures as R's
 * t.test and wilcox.test(exact = FALSE)). */
static void test_paired(void **state)
{
	/* d = post - pre with ties and zeros */
	double d[] = { 3, 5, 0, 3, 2, -1, 2, 0, 4, 1 };
	ibm_ttest t;
	ibm_wilcoxon w;

	(void)state;
	ibm_stats_paired_t(d, 10, &t);
	NEAR(t.mean, 1.9, 1e-12);
	NEAR(t.t, 1.9 / (ibm_stats_sd(d, 10) / sqrt(10)), 1e-12);
	NEAR(t.df, 9, 0);
	NEAR(t.t, 3.1425117246, 1e-9);
	NEAR(t.p, 0.0118798856, 1e-9);
	ibm_stats_wilcoxon(d, 10, &w);
	assert_int_equal(w.n, 8);
	/* ranks of |d|: 1 -> 1.5 (1, -1), 2 -> 3.5, 3 -> 5.5, 4 -> 7, 5 -> 8 */
	NEAR(w.v, 34.5, 1e-12);
	/* z = (34.5 - 18 - 0.5) / sqrt(8*9*17/24 - 3 tie pairs * 6/48) */
	NEAR(w.z, 16 / sqrt(51 - 0.375), 1e-12);
	NEAR(w.p, 0.0245296296, 1e-9);
}

static void test_degenerate(void **state)
{
	double z[] = { 0, 0, 0 }, c[] = { 2, 2, 2 };
	ibm_ttest t;
	ibm_wilcoxon w;

	(void)state;
	ibm_stats_paired_t(c, 3, &t);
	assert_true(isnan(t.t) && isnan(t.p) && isnan(t.dz));
	ibm_stats_wilcoxon(z, 3, &w);
	assert_int_equal(w.n, 0);
	assert_true(isnan(w.p));
	assert_true(isnan(ibm_stats_pearson(c, z, 3)));
}

static void test_kr20(void **state)
{
	/* 4 people x 3 items; totals 3, 2, 1, 0: var_pop 1.25; item p .75,
	 * .5, .25: sum pq = .1875 + .25 + .1875 = .625; KR-20 = 1.5 * .5 */
	double m[] = { 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0 };
	double y[] = { 1, 2, 3, 4 }, x[] = { 2, 4, 6, 8.5 };

	(void)state;
	NEAR(ibm_stats_kr20(m, 4, 3), 0.75, 1e-12);
	assert_true(isnan(ibm_stats_kr20(m, 4, 1)));
	NEAR(ibm_stats_pearson(y, x, 4), 0.9983, 1e-4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normal_cdf),
		cmocka_unit_test(test_t_cdf_table),
		cmocka_unit_test(test_t_cdf_exact),
		cmocka_unit_test(test_ibeta),
		cmocka_unit_test(test_descriptive),
		cmocka_unit_test(test_paired),
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_kr20),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
