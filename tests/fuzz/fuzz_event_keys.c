/* fuzz_event_keys.c - the checks of an event file's keys after it is
 * parsed (ibm_event_parse): the bimtek's (inv_event_init), the visit
 * papers' (inv_event_init_visits) and the payment papers'
 * (spj_event_init). Each returns 0 or 65, never exits, crashes or leaks;
 * what an accepted file gives holds (the event's days 1 to 31, in order
 * and real dates, the letters' first number in range, a budget year) and
 * the texts made of it can be written. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "ibmkit.h"
#include "invite.h"
#include "spj.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_days(ibm_date first, ibm_date last, int days)
{
	if (!ibm_date_valid(first) || !ibm_date_valid(last) || days < 1 ||
	    days > 31 ||
	    ibm_date_days(last) - ibm_date_days(first) + 1 != days)
		abort();
}

/* The texts the letters make of an accepted bimtek event. */
static void bimtek_texts(const inv_event *e)
{
	invite iv;
	inv_lines t = { 0 };
	char *s;

	memset(&iv, 0, sizeof iv);
	iv.ev = *e;
	free(inv_text_hari_tanggal(&iv));
	for (int d = 1; d <= e->days; d++)
		free(inv_day_text(&iv, d));
	if ((s = inv_collective_number(&iv)) == NULL)
		abort();
	free(s);
	free(inv_text_lampiran_surat(&iv));
	inv_tembusan(&iv, &t);
	inv_lines_free(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	ibm_event *ev;
	inv_event ie;
	spj_event se;
	char buf[160];
	int st;

	if (!init) {
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1); /* errors still show */
		init = 1;
	}
	ev = ibm_event_new();
	if (ibm_event_parse(ev, "fuzz.conf", (const char *)data, size) != 0) {
		ibm_event_free(ev);
		return 0;
	}
	st = inv_event_init(&ie, ev);
	if (st == 0) {
		check_days(ie.first, ie.last, ie.days);
		if (!ie.nomor || !ie.sifat || !ie.kepada || !ie.penerbit ||
		    ie.nomor_awal < 0 || ie.nomor_awal > INV_NUMBER_MAX)
			abort();
		bimtek_texts(&ie);
		inv_event_free(&ie);
	} else if (st != IBM_EX_DATAERR) {
		abort();
	}
	st = inv_event_init_visits(&ie, ev);
	if (st == 0) {
		if (!ie.sifat || !ie.penerbit || ie.nomor_awal < 0 ||
		    ie.nomor_awal > INV_NUMBER_MAX)
			abort();
		(void)ibm_date_long(buf, sizeof buf, ie.tanggal_surat);
		inv_event_free(&ie);
	} else if (st != IBM_EX_DATAERR) {
		abort();
	}
	st = spj_event_init(&se, ev);
	if (st == 0) {
		check_days(se.first, se.last, se.days);
		if (!se.tahun || !se.tahun[0] || !ibm_date_valid(se.tanggal))
			abort();
		(void)ibm_date_long(buf, sizeof buf, se.tanggal);
		(void)ibm_date_range_long(buf, sizeof buf, se.first, se.last);
		spj_event_free(&se);
	} else if (st != IBM_EX_DATAERR) {
		abort();
	}
	ibm_event_free(ev);
	return 0;
}
