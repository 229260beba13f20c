/* fuzz_invite_event.c - the event file parser of ibm-invite (event.c):
 * any bytes must give 0 or -1, never a crash or a leak. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "event.h"
#include "ibmkit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	ibm_event *ev;

	if (!init) {
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1); /* errors still show */
		init = 1;
	}
	ev = ibm_event_new();
	if (ibm_event_parse(ev, "fuzz.conf", (const char *)data, size) == 0) {
		for (size_t i = 0; i < ev->n; i++)
			(void)ibm_event_get(ev, ev->kv[i].key);
		(void)ibm_event_set(ev, "acara=x");
	}
	ibm_event_free(ev);
	return 0;
}
