/*
 * fuzz_spj_speakers.c - ibm-spj's speakers file (spj_read_speakers_csv)
 * against a rates file of fee levels, and their payments: the first
 * byte picks the delimiter; every payment's net is its gross less its
 * tax, never below zero.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spj.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char rates[] =
	"jenis,kategori,satuan,tarif,batas\n"
	"Honorarium Narasumber,Menteri/Setingkat,JP,1700000,1700000\n"
	"Honorarium Narasumber,Eselon II,JP,1000000,1000000\n"
	"Honorarium Narasumber,Eselon III ke bawah,JP,900000,900000\n"
	"Honorarium Moderator,,kali,700000,700000\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	spj_run run;
	ibm_csv *r;
	int st;

	if (size < 1 || size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	memset(&run, 0, sizeof run);
	spj_tax_defaults(&run.tax);
	r = ibm_csv_open_mem("tarif.csv", rates, sizeof rates - 1, &o, &st);
	if (!r || spj_rates_read_csv(&run.rates, r, &run.diag) != 0)
		abort();
	ibm_csv_close(r);
	o.delim = delims[data[0] & 3];
	r = ibm_csv_open_mem("narasumber.csv", (const char *)data + 1,
			     size - 1, &o, &st);
	if (r) {
		if (spj_read_speakers_csv(&run.people, r, &run.diag,
					  &run.rates) == 0) {
			spj_compute(&run);
			for (size_t i = 0; i < run.npay; i++) {
				const spj_pay *p = &run.pay[i];

				if (p->net != p->gross - p->tax || p->net < 0 ||
				    p->tax < 0)
					abort();
			}
		}
		ibm_csv_close(r);
	}
	spj_people_free(&run.people);
	spj_rates_free(&run.rates);
	free(run.pay);
	free(run.kinds);
	return 0;
}
