/*
 * fuzz_invite_agenda.c - ibm-invite's agenda reader
 * (inv_read_agenda_csv): days by number or date against a three-day
 * event, times, activities, speakers. The first byte picks the
 * delimiter.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "invite.h"
#include "invite_event.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	ibm_event *ev;
	invite iv;
	ibm_csv *r;
	int st;

	if (size < 1 || size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	o.delim = delims[data[0] & 3];
	r = ibm_csv_open_mem("agenda.csv", (const char *)data + 1, size - 1,
			     &o, &st);
	if (!r)
		return 0;
	ev = ibm_event_new();
	if (ibm_event_parse(ev, "event.conf", fuzz_event_conf,
			    sizeof fuzz_event_conf - 1) != 0)
		abort();
	memset(&iv, 0, sizeof iv);
	if (inv_event_init(&iv.ev, ev) != 0)
		abort();
	if (inv_read_agenda_csv(&iv, r) == 0)
		for (size_t i = 0; i < iv.nag; i++)
			if (iv.ag[i].day < 1 || iv.ag[i].day > iv.ev.days ||
			    !iv.ag[i].acara[0])
				abort();
	ibm_csv_close(r);
	inv_free(&iv);
	ibm_event_free(ev);
	return 0;
}
