/*
 * fuzz_report_inputs.c - the files of the other tools that ibm-report
 * reads (--participants, --scores, --items, --summary, --units, --survey,
 * the photos' captions, --spj): an options byte (bits 0-2: which reader,
 * bit 3: --strict, bits 4-5: the delimiter), then the file. Any bytes
 * must give 0 or an exit status after a message, never a crash or a
 * leak.
 */
#include <stdint.h>
#include <stdlib.h>

#include "ibmkit.h"
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	int st;

	if (size < 1 || size > 65536)
		return 0;
	if (!init) {
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		init = 1;
	}
	o.delim = delims[data[0] >> 4 & 3];
	rp_inputs_strict(data[0] >> 3 & 1);
	st = rp_read_mem((rp_input)((data[0] & 7) % RP_IN_N), "input.csv",
			 (const char *)data + 1, size - 1, &o);
	if (st < 0 || st > 78)
		abort();
	return 0;
}
