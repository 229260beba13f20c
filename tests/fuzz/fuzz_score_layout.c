/*
 * fuzz_score_layout.c - ibm-score's header-to-question mapping
 * (score_layout_init, score_layout_bind) and the score of each record
 * (score_record). The input is split at its first "\n===\n": an answer
 * key, then a quiz export; without a separator the export is scored by
 * its Score column. The first byte picks the options (exact answers,
 * items kept, a --keep and a --match column).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ibm_csv_opts o = { 0 };
	const char *text = (const char *)data + 1, *exp = text, *sep;
	size_t len, elen;
	score_key *k = NULL;
	score_test t;
	ibm_csv *r;
	const ibm_rec *rec;
	char *keep[1] = { "kelas" };
	int st, exact, opt;

	if (size < 1 || size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	opt = data[0];
	exact = opt & 1;
	len = elen = size - 1;
	sep = memmem(text, len, "\n===\n", 5);
	if (sep) {
		ibm_csv *kr = ibm_csv_open_mem("key.csv", text,
					       (size_t)(sep - text) + 1, &o,
					       &st);

		if (!kr)
			return 0;
		st = score_key_read(kr, exact, &k);
		ibm_csv_close(kr);
		if (st)
			return 0;
		exp = sep + 5;
		elen = len - (size_t)(exp - text);
	}
	r = ibm_csv_open_mem("export.csv", exp, elen, &o, &st);
	if (!r) {
		score_key_free(k);
		return 0;
	}
	memset(&t, 0, sizeof t);
	t.key = k;
	t.keep_items = opt >> 1 & 1;
	t.L.keep_optional = opt >> 2 & 1;
	if (score_layout_init(&t.L, "export.csv", ibm_csv_header(r), keep,
			      opt >> 3 & 1, opt >> 4 & 1 ? "nama" : NULL) == 0 &&
	    (!k || score_layout_bind(&t.L, k) == 0) &&
	    (k || t.L.score >= 0)) {
		const ibm_rec *h = ibm_csv_header(r);

		/* every question bound to a question column, once */
		for (size_t i = 0; k && i < k->n; i++) {
			if (t.L.kcol[i] < 0 || (size_t)t.L.kcol[i] >= h->n)
				abort();
			for (size_t j = 0; j < i; j++)
				if (t.L.kcol[j] == t.L.kcol[i])
					abort();
		}
		while (ibm_csv_read(r, &rec) > 0) {
			long long s, max;

			if (score_record(&t, rec, &s, &max) != 0)
				break;
			if (s < 0 || max <= 0 || s > max)
				abort();
		}
	}
	score_test_free(&t);
	ibm_csv_close(r);
	score_key_free(k);
	return 0;
}
