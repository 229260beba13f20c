/*
 * fuzz_spj_rates.c - ibm-spj's rates file (spj_rates_read_csv): kinds,
 * categories, units, amounts and ceilings by column aliases, then every
 * rate looked up again. The first byte picks the delimiter and --strict.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spj.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	spj_rates rs;
	spj_diag g = { 0, 0 };
	ibm_csv *r;
	int st;

	if (size < 1 || size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	o.delim = delims[data[0] & 3];
	g.strict = (data[0] & 4) != 0;
	r = ibm_csv_open_mem("tarif.csv", (const char *)data + 1, size - 1,
			     &o, &st);
	if (!r)
		return 0;
	memset(&rs, 0, sizeof rs);
	if (spj_rates_read_csv(&rs, r, &g) == 0)
		for (size_t i = 0; i < rs.n; i++) {
			const spj_rate *x = &rs.r[i];

			if (x->tarif < 0 || x->unit == SPJ_UNIT_OTHER ||
			    !x->jenis[0] ||
			    !spj_rate_find(&rs, x->jkey, x->kategori))
				abort();
		}
	ibm_csv_close(r);
	spj_rates_free(&rs);
	return 0;
}
