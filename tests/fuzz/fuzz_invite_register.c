/*
 * fuzz_invite_register.c - ibm-invite's register of outgoing letters
 * (inv_register_parse): any CSV, columns by name, dates, counters.
 */
#include <stdint.h>
#include <stdlib.h>

#include "invite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	inv_register *r;

	if (size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	if (inv_register_parse("register.csv", (const char *)data, size,
			       &r) == 0)
		inv_register_free(r);
	return 0;
}
