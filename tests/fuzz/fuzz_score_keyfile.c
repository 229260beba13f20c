/*
 * fuzz_score_keyfile.c - ibm-score's answer-key reader (score_key_read)
 * on any bytes read as a key file. The first byte picks the options
 * (exact answers, delimiter given or detected); every key read must
 * accept its own answers as written.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	score_key *k;
	ibm_csv *r;
	int st, exact;

	if (size < 1 || size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	exact = data[0] & 1;
	o.delim = delims[data[0] >> 1 & 3];
	r = ibm_csv_open_mem("key.csv", (const char *)data + 1, size - 1, &o,
			     &st);
	if (!r)
		return 0;
	if (score_key_read(r, exact, &k) == 0) {
		char *buf = NULL;
		size_t cap = 0;

		if (k->n == 0 || k->max <= 0)
			abort();
		for (size_t i = 0; i < k->n; i++) {
			const score_q *q = &k->q[i];

			/* a single answer as written is right */
			if (q->nalt == 1 && q->alt[0].n == 1 &&
			    !strchr(q->answer, '|') && !strchr(q->answer, ';') &&
			    !score_answer_raw_ok(q, q->answer,
						 strlen(q->answer), exact,
						 &buf, &cap))
				abort();
		}
		free(buf);
		score_key_free(k);
	} else if (k) {
		abort();
	}
	ibm_csv_close(r);
	return 0;
}
