/*
 * fuzz_spj_people.c - ibm-spj's participants (spj_read_participants_csv)
 * and attendance list (spj_read_attendance_csv), parts joined by
 * "\n===\n", and their payments: the first byte picks the delimiter;
 * no one is paid for more days than the event has, nor anything for none.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spj.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char rates[] =
	"jenis,kategori,satuan,tarif\n"
	"Uang Saku,,hari,100000\n"
	"Transport,Sumbawa,orang,100000\n"
	"Transport,Moyo Hilir,hari,200000\n";

/* The first "\n===\n" in s[0..n), or NULL. */
static const char *parts(const char *s, size_t n)
{
	for (size_t i = 0; i + 5 <= n; i++)
		if (memcmp(s + i, "\n===\n", 5) == 0)
			return s + i;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	spj_run run;
	spj_event ev;
	ibm_csv *r;
	const char *text = (const char *)data + 1, *sep;
	size_t n1;
	int st;

	if (size < 1 || size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	memset(&run, 0, sizeof run);
	memset(&ev, 0, sizeof ev);
	ev.days = 3;
	spj_tax_defaults(&run.tax);
	r = ibm_csv_open_mem("tarif.csv", rates, sizeof rates - 1, &o, &st);
	if (!r || spj_rates_read_csv(&run.rates, r, &run.diag) != 0)
		abort();
	ibm_csv_close(r);
	o.delim = delims[data[0] & 3];
	sep = parts(text, size - 1);
	n1 = sep ? (size_t)(sep - text) : size - 1;
	r = ibm_csv_open_mem("peserta.csv", text, n1, &o, &st);
	if (r) {
		st = spj_read_participants_csv(&run.people, r, &run.diag, &ev);
		ibm_csv_close(r);
		if (st == 0 && sep) {
			r = ibm_csv_open_mem("hadir.csv", sep + 5,
					     size - 1 - n1 - 5, &o, &st);
			if (r) {
				spj_read_attendance_csv(&run.people, r,
							&run.diag, &ev);
				ibm_csv_close(r);
			}
		}
		spj_compute(&run);
		for (size_t i = 0; i < run.npay; i++) {
			const spj_pay *p = &run.pay[i];

			if (p->qty > 3 || p->gross < 0 ||
			    (run.people.p[p->who].days <= 0 && p->gross))
				abort();
		}
	}
	spj_people_free(&run.people);
	spj_rates_free(&run.rates);
	free(run.pay);
	free(run.kinds);
	return 0;
}
