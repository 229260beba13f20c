/* test_score.c - answer normalisation, key answers, checkbox sets, "x / y"
 * scores and the exact bands of ibm-score. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

static int ok(const char *key, const char *answer, int exact)
{
	score_q q = { 0 };
	char buf[256];
	size_t n;
	int r;

	assert_int_equal(score_key_parse_answer(&q, key, exact), 0);
	n = score_norm(answer, strlen(answer), buf, exact);
	r = score_answer_ok(&q, buf, n);
	score_q_free(&q);
	return r;
}

static void test_norm(void **state)
{
	char b[64];

	(void)state;
	assert_int_equal(score_norm("  Agen\t  PEMULIHAN \xC2\xA0", 21, b, 0),
			 14);
	assert_string_equal(b, "agen pemulihan");
	score_norm("\xC3\x89LAN \xC3\x97", 8, b, 0); /* É folded, × kept */
	assert_string_equal(b, "\xC3\xA9lan \xC3\x97");
	score_norm(" A ", 3, b, 1);
	assert_string_equal(b, " A ");
}

static void test_answers(void **state)
{
	(void)state;
	assert_true(ok("Skrining", " skrining ", 0));
	assert_false(ok("Skrining", " skrining ", 1));
	assert_true(ok("Agen Pemulihan|AP", "ap", 0));
	assert_false(ok("Agen Pemulihan|AP", "agen", 0));
	assert_true(ok("Ya, dengan persetujuan", "ya,  dengan persetujuan", 0));
	assert_false(ok("Skrining", "", 0));
}

static void test_sets(void **state)
{
	(void)state;
	assert_true(ok("Skrining;Rujukan;Intervensi singkat",
		       "Rujukan, Intervensi singkat, Skrining", 0));
	assert_true(ok("Skrining;Rujukan", "rujukan;skrining", 0));
	assert_true(ok("Skrining;Rujukan", "Rujukan ; Skrining", 0));
	assert_false(ok("Skrining;Rujukan", "Rujukan", 0));
	assert_false(ok("Skrining;Rujukan", "Rujukan, Skrining, Konseling", 0));
	assert_false(ok("Skrining;Rujukan", "Rujukan, Rujukan", 0));
	assert_false(ok("Skrining;Rujukan", "Rujukan, Skrining,", 0));
	/* options holding commas are matched whole */
	assert_true(ok("Konseling, lalu rujukan;Skrining",
		       "Skrining, Konseling, lalu rujukan", 0));
	/* alternatives of sets */
	assert_true(ok("A;B|A;B;C", "C, B, A", 0));
}

static void test_bad_key(void **state)
{
	score_q q = { 0 };

	(void)state;
	assert_int_equal(score_key_parse_answer(&q, " | ", 0), -1);
	score_q_free(&q);
	assert_int_equal(score_key_parse_answer(&q, ";;", 0), -1);
	score_q_free(&q);
}

static void test_xy(void **state)
{
	long long x, y;

	(void)state;
	assert_int_equal(score_parse_xy("7 / 10", &x, &y), 0);
	assert_true(x == 7000 && y == 10000);
	assert_int_equal(score_parse_xy("13.5 / 15", &x, &y), 0);
	assert_true(x == 13500 && y == 15000);
	assert_int_equal(score_parse_xy("3,00 / 5", &x, &y), 0);
	assert_true(x == 3000 && y == 5000);
	assert_int_equal(score_parse_xy("7", &x, &y), -1);
	assert_int_equal(score_parse_xy("a / 10", &x, &y), -1);
	assert_int_equal(score_parse_xy("1 / 2 / 3", &x, &y), -1);
	assert_int_equal(score_parse_xy("-1 / 2", &x, &y), -1);
}

static void test_ngain(void **state)
{
	double g;
	const long long S = SCORE_SCALE;

	(void)state;
	/* 10 -> 14 of 20: g = 0.4 exactly */
	assert_string_equal(score_ngain(10 * S, 20 * S, 14 * S, 20 * S, &g),
			    "sedang");
	assert_true(fabs(g - 0.4) < 1e-15);
	/* boundaries: 0.7 and 0.3 exactly (0 -> 7 of 10, 0 -> 3 of 10) */
	assert_string_equal(score_ngain(0, 10 * S, 7 * S, 10 * S, &g), "tinggi");
	assert_string_equal(score_ngain(0, 10 * S, 3 * S, 10 * S, &g), "sedang");
	assert_string_equal(score_ngain(0, 10 * S, 2999, 10 * S, &g), "rendah");
	/* 3 -> 7.9 of 10: g = 4.9/7 = 0.7 */
	assert_string_equal(score_ngain(3 * S, 10 * S, 7900, 10 * S, &g),
			    "tinggi");
	/* pre = max: undefined */
	assert_null(score_ngain(10 * S, 10 * S, 9 * S, 10 * S, &g));
	assert_true(isnan(g));
	/* negative gain */
	assert_string_equal(score_ngain(5 * S, 10 * S, 4 * S, 10 * S, &g),
			    "rendah");
	/* different maxima: 2 of 5 (40%) -> 7 of 10 (70%): g = 0.5 */
	assert_string_equal(score_ngain(2 * S, 5 * S, 7 * S, 10 * S, &g),
			    "sedang");
	assert_true(fabs(g - 0.5) < 1e-15);
}

static void test_bands(void **state)
{
	(void)state;
	assert_string_equal(score_p_band(3, 10), "sedang");
	assert_string_equal(score_p_band(2, 10), "sukar");
	assert_string_equal(score_p_band(7, 10), "sedang");
	assert_string_equal(score_p_band(8, 10), "mudah");
	assert_null(score_p_band(0, 0));
	assert_string_equal(score_d_band(4, 10), "sangat baik");
	assert_string_equal(score_d_band(3, 10), "baik");
	assert_string_equal(score_d_band(2, 10), "cukup");
	assert_string_equal(score_d_band(1, 10), "jelek");
	assert_string_equal(score_d_band(-2, 10), "jelek");
	assert_null(score_d_band(0, 0));
	assert_string_equal(score_ngain_band(39.99), "tidak efektif");
	assert_string_equal(score_ngain_band(40), "kurang efektif");
	assert_string_equal(score_ngain_band(56), "cukup efektif");
	assert_string_equal(score_ngain_band(76), "efektif");
	assert_null(score_ngain_band(NAN));
}

static void test_fmt_fixed(void **state)
{
	char b[48];

	(void)state;
	assert_string_equal(score_fmt_fixed(b, 7000, 1000, 3, '.'), "7");
	assert_string_equal(score_fmt_fixed(b, 13500, 1000, 3, ','), "13,5");
	assert_string_equal(score_fmt_fixed(b, 5, 1000, 3, '.'), "0.005");
	/* percent 2 decimals, half away from zero, exactly: 1/32 = 3.125% */
	assert_string_equal(score_fmt_fixed(b, 100, 32, 2, '.'), "3.13");
	assert_string_equal(score_fmt_fixed(b, 400, 7, 2, '.'), "57.14");
	assert_string_equal(score_fmt_fixed(b, -1500, 1000, 3, '.'), "-1.5");
	assert_string_equal(score_fmt_fixed(b, -1, 1000, 2, '.'), "0");
	assert_string_equal(score_fmt_fixed(b, 0, 7, 2, '.'), "0");
}

static void test_fuzzy_limit(void **state)
{
	(void)state;
	assert_int_equal(score_fuzzy_limit("nurul hikmah", "nurul hikma"), 2);
	assert_int_equal(score_fuzzy_limit("andi", "andy"), 1);
	assert_int_equal(score_fuzzy_limit("ani", "ana"), 0);
}

/* score_near_pairs against the edit distance of every pair: each near
 * pair of used names found once, with its distance, and nothing else.
 * The number of near pairs. */
static size_t check_pairs(const char *const *pa, const unsigned char *ua,
			  size_t na, const char *const *pb,
			  const unsigned char *ub, size_t nb)
{
	score_near *pr;
	size_t n = score_near_pairs(pa, ua, na, pb, ub, nb, &pr), want = 0;
	unsigned char *seen = calloc(na * nb + 1, 1);

	assert_non_null(seen);
	for (size_t e = 0; e < n; e++) {
		size_t i = pr[e].a, j = pr[e].b, la, lb, d;

		assert_true(i < na && j < nb);
		assert_int_equal(seen[i * nb + j], 0);
		seen[i * nb + j] = 1;
		la = ibm_utf8_len(pa[i]);
		lb = ibm_utf8_len(pb[j]);
		d = ibm_edit_distance(pa[i], pb[j]);
		assert_int_equal(pr[e].d, d);
		assert_true(ua[i] && ub[j] && la && lb &&
			    d <= score_near_bound(la < lb ? la : lb));
	}
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++) {
			size_t la, lb;

			if (!ua[i] || !ub[j] || seen[i * nb + j])
				continue;
			la = ibm_utf8_len(pa[i]);
			lb = ibm_utf8_len(pb[j]);
			/* lengths further apart than the bound: not near */
			if (!la || !lb || (la > lb ? la - lb : lb - la) > 2)
				continue;
			assert_true(ibm_edit_distance(pa[i], pb[j]) >
				    score_near_bound(la < lb ? la : lb));
		}
	for (size_t x = 0; x < na * nb; x++)
		want += seen[x];
	assert_int_equal(n, want);
	free(pr);
	free(seen);
	return n;
}

/* score_near_pairs finds exactly the pairs a brute-force comparison
 * finds: every pair within score_near_bound of the shorter name, over
 * random names from a small alphabet (many near pairs, repeated letters,
 * a two-byte letter), with some entries left out by use[]. */
static void test_near_pairs(void **state)
{
	static const char *const letters[] = { "a", "b", "n", "\xC3\xA9" };
	enum { NA = 120, NB = 90 };
	char a[NA][40], b[NB][40];
	const char *pa[NA], *pb[NB];
	unsigned char ua[NA], ub[NB];
	unsigned long long st = 99;

	(void)state;
	for (int side = 0; side < 2; side++)
		for (int i = 0; i < (side ? NB : NA); i++) {
			char *s = side ? b[i] : a[i];
			size_t len;

			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			len = (size_t)(st >> 33) % 9;
			s[0] = '\0';
			for (size_t k = 0; k < len; k++) {
				st = st * 6364136223846793005ULL +
				     1442695040888963407ULL;
				strcat(s, letters[(st >> 33) % 4]);
			}
			if (side) {
				pb[i] = s;
				ub[i] = (unsigned char)((st >> 40) % 5 != 0);
			} else {
				pa[i] = s;
				ua[i] = (unsigned char)((st >> 40) % 5 != 0);
			}
		}
	assert_true(check_pairs(pa, ua, NA, pb, ub, NB) > 50);
}

/* Many names, each but a few different (each partition of deletion
 * strings has the room planned for it), and many copies of one name
 * (one has not: they are counted first). */
static void test_near_pairs_many(void **state)
{
	enum { NA = 1500, NB = 200 };
	static char a[NA][24], b[NB][24];
	const char *pa[NA], *pb[NB];
	unsigned char ua[NA], ub[NB];
	unsigned long long st = 5;

	(void)state;
	for (int side = 0; side < 2; side++)
		for (int i = 0; i < (side ? NB : NA); i++) {
			char *s = side ? b[i] : a[i];
			size_t k;

			for (k = 0; k < 12; k++) {
				st = st * 6364136223846793005ULL +
				     1442695040888963407ULL;
				s[k] = (char)('a' + (st >> 33) % 26);
			}
			s[k] = '\0';
			if (side) {
				pb[i] = s;
				ub[i] = 1;
			} else {
				pa[i] = s;
				ua[i] = 1;
			}
		}
	/* some near ones: b[i] is a[7 i] with one letter changed, or two */
	for (int i = 0; i < NB; i += 2) {
		strcpy(b[i], a[7 * i]);
		b[i][i % 12] = 'A';
		if (i % 4 == 0)
			b[i][(i + 5) % 12] = 'B';
	}
	assert_true(check_pairs(pa, ua, NA, pb, ub, NB) >= NB / 2);
	/* the same name 1000 times */
	for (int i = 0; i < 1000; i++)
		pa[i] = "ahmad hamdi saputra";
	pb[1] = "ahmad hamdi saputri";
	assert_true(check_pairs(pa, ua, NA, pb, ub, NB) >= 1000);
}

/* Close enough to suggest: at most 2 and a third of the shorter. */
static void test_suggest(void **state)
{
	(void)state;
	assert_true(score_suggest_ok(1, 4, 4));   /* andi, andy */
	assert_false(score_suggest_ok(2, 4, 4));  /* budi, bidu */
	assert_true(score_suggest_ok(2, 11, 12));
	assert_false(score_suggest_ok(3, 20, 20));
	assert_false(score_suggest_ok(8, 10, 10));
	assert_true(score_suggest_ok(0, 1, 1));
}

/* Hake's class gain: negative exactly when the mean falls. */
static void test_class_gain(void **state)
{
	(void)state;
	assert_true(fabs(score_class_gain(75, 68) - (-0.28)) < 1e-12);
	assert_true(score_class_gain(40, 70) > 0.499999 &&
		    score_class_gain(40, 70) < 0.500001);
	assert_true(isnan(score_class_gain(100, 90)));
	assert_true(isnan(score_class_gain(NAN, 90)));
	assert_string_equal(score_ngain_band(100 * score_class_gain(75, 68)),
			    "tidak efektif");
	assert_string_equal(score_ngain_band(55.5), "kurang efektif");
	assert_string_equal(score_ngain_band(75.5), "cukup efektif");
	assert_string_equal(score_ngain_band(76), "efektif");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_sets),
		cmocka_unit_test(test_bad_key),
		cmocka_unit_test(test_xy),
		cmocka_unit_test(test_ngain),
		cmocka_unit_test(test_bands),
		cmocka_unit_test(test_fmt_fixed),
		cmocka_unit_test(test_fuzzy_limit),
		cmocka_unit_test(test_near_pairs),
		cmocka_unit_test(test_near_pairs_many),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_class_gain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
