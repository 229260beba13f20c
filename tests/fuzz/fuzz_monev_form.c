/*
 * fuzz_monev_form.c - ibm-monev's form reader (monev_read_csv) with the
 * default indicator spec and phases: identity columns, dates, yes/no and
 * count cells, units merged by key and period, then scored
 * (monev_finish). The first byte picks the options (--lenient, the
 * delimiter).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "monev.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	static monev_spec spec;
	static int init;
	monev_data d;
	ibm_csv *r;
	int st;

	if (size < 1 || size > 65536)
		return 0;
	if (!init) {
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		monev_spec_load(&spec, NULL, NULL, NULL);
		init = 1;
	}
	monev_data_init(&d, &spec);
	d.lenient = data[0] >> 2 & 1;
	d.csv.delim = delims[data[0] & 3];
	r = ibm_csv_open_mem("form.csv", (const char *)data + 1, size - 1,
			     &d.csv, &st);
	if (r) {
		if (monev_read_csv(&d, r) == 0) {
			monev_finish(&d);
			for (size_t i = 0; i < d.nunits; i++)
				if (d.units[i].total < 0 ||
				    d.units[i].total > 100.0001)
					abort();
		}
		ibm_csv_close(r);
	}
	monev_data_free(&d);
	return 0;
}
