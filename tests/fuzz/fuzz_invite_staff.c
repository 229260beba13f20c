/*
 * fuzz_invite_staff.c - ibm-invite's staff file of the Surat Perintah
 * (inv_order_read_staff_csv): officers by column aliases. The first byte
 * picks the delimiter.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "invite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	inv_order ord;
	ibm_csv *r;
	int st;

	if (size < 1 || size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	o.delim = delims[data[0] & 3];
	r = ibm_csv_open_mem("petugas.csv", (const char *)data + 1, size - 1,
			     &o, &st);
	if (!r)
		return 0;
	memset(&ord, 0, sizeof ord);
	if (inv_order_read_staff_csv(&ord, r) == 0)
		for (size_t i = 0; i < ord.n; i++)
			if (!ord.s[i].f[0][0])
				abort();
	ibm_csv_close(r);
	inv_order_free(&ord);
	return 0;
}
