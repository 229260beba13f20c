/*
 * fuzz_xlsx_write.c - hostile values in a workbook: each value (the input
 * split at NUL bytes) written as a cell and a merged range through the
 * tools' own calls (ibm_xlsx_write_string, ibm_xlsx_merge_range, as the
 * attendance list, the Monev workbook and the score report write them),
 * then the workbook read back by the workbook reader. The file must
 * always be readable (no character XML forbids, no broken UTF-8), and
 * each value must come back as written, with what XML cannot hold as
 * U+FFFD (ibm_xml_fix); a value holding "_x" followed by four hex digits
 * is only read back (libxlsxwriter writes such text as it is, and
 * Excel's readers take it for an escape).
 */
#define _GNU_SOURCE
#include "ibmkit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NV 16

static int has_escape(const char *s)
{
	for (const char *p = s; (p = strstr(p, "_x")); p++)
		if (strspn(p + 2, "0123456789abcdefABCDEF") >= 4)
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	char *v[NV];
	size_t nv = 0, at = 0;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	ibm_csv *r;
	const ibm_rec *rec;
	ibm_csv_opts o = { 0 };
	int st;

	if (!path[0]) {
		const char *tmp = getenv("TMPDIR");

		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		snprintf(path, sizeof path, "%s/fuzz-xlsx-%ld.xlsx",
			 tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp",
			 (long)getpid());
	}
	while (nv < NV && at <= size) {
		const uint8_t *z = memchr(data + at, 0, size - at);
		size_t len = z ? (size_t)(z - (data + at)) : size - at;

		v[nv] = ibm_xstrndup((const char *)data + at, len);
		nv++;
		at += len + 1;
		if (!z)
			break;
	}
	wb = workbook_new(path);
	if (!wb)
		abort();
	ws = workbook_add_worksheet(wb, "S");
	ibm_xlsx_write_string(ws, 0, 0, "nilai", NULL);
	ibm_xlsx_write_string(ws, 0, 1, "gabung", NULL);
	ibm_xlsx_write_string(ws, 0, 2, "gabung2", NULL);
	ibm_xlsx_write_string(ws, 0, 3, "akhir", NULL);
	for (size_t i = 0; i < nv; i++) {
		ibm_xlsx_write_string(ws, (lxw_row_t)(i + 1), 0, v[i], NULL);
		ibm_xlsx_merge_range(ws, (lxw_row_t)(i + 1), 1,
				     (lxw_row_t)(i + 1), 2, v[i], NULL);
		ibm_xlsx_write_string(ws, (lxw_row_t)(i + 1), 3, "x", NULL);
	}
	if (workbook_close(wb) != LXW_NO_ERROR)
		abort();
	r = ibm_csv_open(path, &o, &st);
	unlink(path);
	if (!r) {
		fprintf(stderr, "the workbook cannot be read back\n");
		abort();
	}
	for (size_t i = 0; i < nv; i++) {
		char *want = ibm_xml_fix(v[i]);
		const char *w = want ? want : v[i];

		if (ibm_csv_read(r, &rec) != 1)
			abort();
		/* a value over Excel's cell limit is not written */
		if (strlen(v[i]) <= 32767 && !has_escape(w) &&
		    (strcmp(rec->f[0], w) != 0 || strcmp(rec->f[1], w) != 0)) {
			fprintf(stderr, "value %zu read back differs\n", i);
			abort();
		}
		free(want);
	}
	if (ibm_csv_read(r, &rec) != 0)
		abort();
	ibm_csv_close(r);
	for (size_t i = 0; i < nv; i++)
		free(v[i]);
	return 0;
}
