/*
 * fuzz_invite_people.c - ibm-invite's participant reader
 * (inv_read_people_csv) and what follows it (inv_finish: duplicates,
 * ids, letter numbers), then the checked list written as CSV. The first
 * byte picks the options (--strict, --collective, the delimiter).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "invite.h"
#include "invite_event.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	ibm_event *ev;
	invite iv;
	ibm_csv *r;
	int st;

	if (size < 1 || size > 65536)
		return 0;
	if (!null) {
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		null = fopen("/dev/null", "w");
		if (!null)
			abort();
	}
	o.delim = delims[data[0] & 3];
	r = ibm_csv_open_mem("peserta.csv", (const char *)data + 1, size - 1,
			     &o, &st);
	if (!r)
		return 0;
	ev = ibm_event_new();
	if (ibm_event_parse(ev, "event.conf", fuzz_event_conf,
			    sizeof fuzz_event_conf - 1) != 0)
		abort();
	memset(&iv, 0, sizeof iv);
	iv.strict = data[0] >> 2 & 1;
	iv.collective = data[0] >> 3 & 1;
	if (inv_event_init(&iv.ev, ev) != 0)
		abort();
	if (inv_read_people_csv(&iv, r) == 0 && inv_finish(&iv) == 0) {
		for (size_t i = 0; i < iv.np; i++)
			if (!iv.p[i].f[INV_NAMA][0] || iv.p[i].no != (long)i + 1)
				abort();
		(void)inv_write_csv(&iv, null, data[0] >> 4 & 1);
	}
	ibm_csv_close(r);
	inv_free(&iv);
	ibm_event_free(ev);
	return 0;
}
