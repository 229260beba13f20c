/*
 * fuzz_lists.c - the side lists a run is given besides its input: the
 * Monev master list of units (ibm-monev/ibm-invite --units), the roster
 * of ibm-score (--roster) and a --columns FILE (a role and a header a
 * row). An options byte (bits 0-1: which, bit 2: --strict, bits 4-5: the
 * delimiter), then the file. Any bytes must give 0 or an exit status
 * after a message, never a crash or a leak.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ibmkit.h"
#include "monev.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	const char *text = (const char *)data + 1;
	int strict, st = 0;
	ibm_csv *r;

	if (size < 1 || size > 65536)
		return 0;
	if (!path[0]) {
		const char *tmp = getenv("TMPDIR");

		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		snprintf(path, sizeof path, "%s/fuzz-lists-%ld.csv",
			 tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp",
			 (long)getpid());
	}
	o.delim = delims[data[0] >> 4 & 3];
	strict = data[0] >> 2 & 1;
	switch (data[0] & 3) {
	case 0: {
		monev_units u;

		o.need = monev_unit_cols;
		o.nneed = MONEV_UL_N;
		o.side = 1;
		r = ibm_csv_open_mem("units.csv", text, size - 1, &o, &st);
		if (!r)
			break;
		st = monev_units_read_csv(&u, r, strict);
		ibm_csv_close(r);
		if (st == 0)
			for (size_t i = 0; i < u.n; i++)
				if (monev_units_find(&u, u.unit[i].ident) == NULL)
					abort();
		monev_units_free(&u);
		break;
	}
	case 1: {
		score_roster *R;

		o.need = score_roster_cols;
		o.nneed = SCORE_NBY;
		o.side = 1;
		r = ibm_csv_open_mem("roster.csv", text, size - 1, &o, &st);
		if (!r)
			break;
		st = score_roster_read_csv(r, strict, &R);
		ibm_csv_close(r);
		score_roster_free(R);
		break;
	}
	default: {
		FILE *fp = fopen(path, "wb");

		if (!fp || fwrite(text, 1, size - 1, fp) != size - 1 ||
		    fclose(fp) != 0)
			abort();
		st = ibm_col_map_read(path, &o);
		ibm_col_unused();
		unlink(path);
		break;
	}
	}
	if (st < 0 || st > 78)
		abort();
	return 0;
}
