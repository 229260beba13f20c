/*
 * fuzz_survey_spec.c - libFuzzer target for ibm-survey's spec parser: the
 * input is a spec; when it parses, every band set is ordered and each
 * answer word reads back as its value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "survey.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sv_spec s;

	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	if (sv_spec_parse(&s, "spec", (const char *)data, size) == 0) {
		for (int b = 0; b < SV_NBANDS; b++)
			for (size_t i = 1; i < s.band[b].n; i++)
				if (!(s.band[b].b[i - 1].min >
				      s.band[b].b[i].min))
					abort();
		for (size_t i = 0; i < s.nword; i++) {
			int v = 0;

			if (sv_answer(&s, s.word[i].key, &v) != 1 ||
			    (v != s.word[i].value && s.word[i].key[0] &&
			     !(s.word[i].key[0] >= '0' &&
			       s.word[i].key[0] <= '9')))
				abort();
		}
	}
	sv_spec_free(&s);
	return 0;
}
