/*
 * fuzz_text.c - libFuzzer target for the text helpers: UTF-8 decoding,
 * Windows-1252 conversion, trimming and folding, case-insensitive
 * comparison, name keys, edit distance, title case. Properties: outputs
 * of valid UTF-8 input are valid UTF-8, keys are idempotent, a string is
 * equal to and at distance 0 from itself.
 */
#include "ibmkit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_utf8(const char *s, int must)
{
	if (must && !ibm_utf8_valid(s, strlen(s)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *t, *u;
	const char *p, *e;
	size_t n, len;
	int valid;

	/* every helper is linear, but instrumented code takes about a
	 * microsecond a byte: names and header cells are short */
	if (size > 4096)
		return 0;
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	len = strlen(s);
	valid = ibm_utf8_valid(s, len);

	/* decoding agrees with validation */
	p = s;
	e = s + len;
	n = 0;
	{
		int bad = 0;

		while (p < e) {
			char b[4];
			const char *p0 = p;
			long cp = ibm_utf8_next(&p, e);

			if (p <= p0)
				abort();
			if (cp < 0) {
				bad = 1;
			} else {
				int k = ibm_utf8_put(b, cp);

				if ((size_t)k != (size_t)(p - p0) ||
				    memcmp(b, p0, (size_t)k) != 0)
					abort();
			}
			n++;
		}
		if (bad == valid)
			abort();
	}
	if (n != ibm_utf8_len(s))
		abort();

	u = ibm_cp1252_to_utf8(s, len, &n);
	if (!ibm_utf8_valid(u, n) || strlen(u) != n)
		abort();
	free(u);

	t = ibm_xstrdup(s);
	ibm_trim(t);
	check_utf8(t, valid);
	u = ibm_xstrdup(t);
	if (strcmp(ibm_trim(u), t) != 0)
		abort();
	free(u);
	ibm_fold_space(t);
	check_utf8(t, valid);
	free(t);

	if (ibm_casecmp(s, s) != 0)
		abort();
	t = ibm_lower(s);
	check_utf8(t, valid);
	if (valid && ibm_casecmp(s, t) != 0)
		abort();
	free(t);

	t = ibm_name_key(s);
	check_utf8(t, valid);
	u = ibm_name_key(t);
	if (valid && strcmp(t, u) != 0)
		abort();
	free(u);
	free(t);

	t = ibm_person_key(s);
	check_utf8(t, valid);
	u = ibm_person_key(t);
	if (valid && strcmp(t, u) != 0)
		abort();
	free(u);
	/* without degrees and titles: a part of the key, and the same
	 * again */
	u = ibm_person_bare_key(s);
	check_utf8(u, valid);
	if (!strstr(t, u))
		abort();
	free(t);
	t = ibm_person_bare_key(u);
	if (valid && strcmp(t, u) != 0)
		abort();
	free(u);
	free(t);
	t = ibm_name_proper_case(s);
	check_utf8(t, valid);
	if (strlen(t) > 2 * len)
		abort();
	free(t);

	/* quadratic: 2000 bytes took 0.3 s an execution (the 15 to 37
	 * executions a second of fuzzing from the test data) */
	if (len <= 64) {
		if (ibm_edit_distance(s, s) != 0)
			abort();
		if (ibm_edit_distance(s, "") != ibm_utf8_len(s))
			abort();
	}

	t = ibm_title_case(s);
	check_utf8(t, valid);
	free(t);
	free(s);
	return 0;
}
