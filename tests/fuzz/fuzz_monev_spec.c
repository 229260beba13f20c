/*
 * fuzz_monev_spec.c - libFuzzer target for ibm-monev's indicator spec and
 * phase table parsers. The input is split at its first "\n===\n": the
 * part before is the indicator spec, the part after the phase table (the
 * default phases when there is no separator).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "monev.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	const char *sep, *ph = monev_default_phases;
	size_t slen = size, plen = strlen(monev_default_phases);
	monev_spec s;
	double val[1000], grp[1000], total;

	memcpy(text, data, size);
	text[size] = '\0';
	sep = memmem(text, size, "\n===\n", 5);
	if (sep) {
		slen = (size_t)(sep - text) + 1;
		ph = sep + 5;
		plen = size - slen - 4;
	}
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	memset(&s, 0, sizeof s);
	if (monev_spec_parse(&s, "spec", text, slen) == 0 &&
	    monev_phases_parse(&s, "phases", ph, plen) == 0 &&
	    s.nind <= 1000 && s.ngrp <= 1000) {
		/* score an all-half unit and describe what it misses */
		for (size_t i = 0; i < s.nind; i++)
			val[i] = s.ind[i].kind == MONEV_COUNT
				? s.ind[i].target / 2 : (double)(i % 2);
		{
			int p = monev_score(&s, val, grp, &total);
			char *m = monev_missing(&s, val, grp, total, p);

			free(m);
		}
	}
	monev_spec_free(&s);
	free(text);
	return 0;
}
