/*
 * fuzz_survey_form.c - ibm-survey's reader of the form's export (headers
 * to questions, Forms grid columns, answers, e-mails) with the default
 * spec, then the index, the CSV and the summary's note. The first byte
 * picks the options (the delimiter, --strict, a rounded weight).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	static sv_spec spec;
	static FILE *null;
	static int init;
	sv_data d;
	sv_result r;
	ibm_csv *c;
	int st;

	if (size < 1 || size > 65536)
		return 0;
	if (!init) {
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		sv_spec_load(&spec, NULL);
		null = fopen("/dev/null", "w");
		init = 1;
	}
	sv_data_init(&d, &spec);
	d.csv.delim = delims[data[0] & 3];
	d.strict = data[0] >> 2 & 1;
	c = ibm_csv_open_mem("form.csv", (const char *)data + 1, size - 1,
			     &d.csv, &st);
	if (c) {
		if (sv_read_csv(&d, c) == 0 &&
		    sv_compute(&d, data[0] >> 3 & 1 ? 0.111 : 0, 30, &r) == 0) {
			char *note = sv_sample_note(&r);

			/* the index lies on its scale, each mean on 1..4 */
			if (r.nunsur && !(r.ikm >= 24.75 && r.ikm <= 100.0001))
				abort();
			for (size_t i = 0; i < r.nrow; i++)
				if (r.row[i].t.n &&
				    !(r.row[i].mean >= 1 && r.row[i].mean <= 4))
					abort();
			if (null)
				sv_write_csv(&r, null, data[0] >> 4 & 1);
			free(note);
			sv_result_free(&r);
		}
		ibm_csv_close(c);
	}
	sv_data_free(&d);
	return 0;
}
