/*
 * fuzz_spj_tax.c - ibm-spj's tax rules (spj_tax_parse, key = value) and
 * the tax of payments under them: any bytes give 0 or 65; the tax of any
 * gross is whole rupiah from 0 to the gross, and rises with it.
 */
#include <stdint.h>
#include <stdlib.h>

#include "spj.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const spj_rp gross[] = { 0, 1, 333333, 1800000, 3400000,
		60000000, 120000001, 999999999999LL, IBM_TERBILANG_MAX };
	spj_tax t;

	if (size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	spj_tax_defaults(&t);
	if (spj_tax_parse(&t, "pajak.conf", (const char *)data, size) != 0)
		return 0;
	for (int how = SPJ_TAX_NONE; how <= SPJ_TAX_PESERTA; how++)
		for (int gol = 0; gol <= 4; gol++) {
			spj_taxed w = { how, gol, gol & 1 };
			spj_rp prev = 0;

			for (size_t i = 0; i < sizeof gross / sizeof *gross;
			     i++) {
				spj_rp x = spj_tax_of(&t, &w, gross[i]);

				if (x < 0 || x > gross[i] || x < prev)
					abort();
				prev = x;
				(void)spj_tax_rate_bp(&t, &w, gross[i]);
			}
		}
	return 0;
}
