/*
 * fuzz_docx_write.c - hostile values in a Word document: each value (the
 * input split at NUL bytes, as any bytes: a photo's file name need not be
 * UTF-8) in a heading, runs with tabs and line breaks, table cells, a
 * picture's description, a chart's labels, the header and the document's
 * title, written by docx_save as ibm-report writes its reports; then
 * every XML part of the package read back by expat. A part that is not
 * well-formed (a character XML forbids, broken UTF-8, markup from a
 * value) makes Word refuse the file: that must never happen.
 */
#define _GNU_SOURCE
#include "docx.h"
#include "ibmkit.h"
#include "zip_xml.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NV 8

static void check_parts(const char *path)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	zip_int64_t n;

	if (!z)
		abort();
	n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);

		if (name && (strstr(name, ".xml") || strstr(name, ".rels")))
			fuzz_check_xml_part(z, (zip_uint64_t)i);
	}
	zip_discard(z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I',
		'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0x3a,
		0x7e, 0x9b, 0x55
	};
	char *v[NV];
	size_t nv = 0, at = 0;
	docx *d;
	docx_props pr = { 0 };
	docx_chart ch = { 0 };
	const double vals0[2] = { 1, 2 };
	const double *vals[1] = { vals0 };
	const char *cats[2], *sers[1];
	static const int widths[2] = { 2000, 3000 };
	int img;

	if (!path[0]) {
		const char *tmp = getenv("TMPDIR");

		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		snprintf(path, sizeof path, "%s/fuzz-docx-%ld.docx",
			 tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp",
			 (long)getpid());
	}
	while (nv < NV) {
		const uint8_t *z = at < size ? memchr(data + at, 0, size - at)
					     : NULL;
		size_t len = z ? (size_t)(z - (data + at)) :
				 at < size ? size - at : 0;

		v[nv++] = ibm_xstrndup((const char *)data + at, len);
		at += len + 1;
	}
	d = docx_new();
	docx_header_begin(d);
	docx_p(d, NULL, DOCX_CENTER, v[7]);
	docx_header_end(d);
	docx_p(d, "Heading1", 0, v[0]);
	docx_p_begin(d, NULL, DOCX_JUSTIFY, 0, 0);
	docx_run(d, v[1], 0);
	docx_run(d, v[2], DOCX_BOLD | DOCX_ITALIC);
	docx_p_end(d);
	docx_table_begin(d, 2, widths, 1);
	docx_row_begin(d, 1);
	docx_cell(d, v[3], DOCX_BOLD);
	docx_cell(d, v[4], 0);
	docx_row_end(d);
	docx_table_end(d);
	img = docx_image_add_mem(d, png, sizeof png, 1);
	docx_p_begin(d, "Caption", 0, 0, 0);
	docx_image(d, img, DOCX_EMU_CM(1), DOCX_EMU_CM(1), v[5]);
	docx_p_end(d);
	cats[0] = v[5];
	cats[1] = v[6];
	sers[0] = v[2];
	ch.title = v[0];
	ch.cats = cats;
	ch.ncat = 2;
	ch.sers = sers;
	ch.nser = 1;
	ch.values = vals;
	ch.axis_title = v[1];
	docx_p_begin(d, NULL, 0, 0, 0);
	docx_chart_bar(d, &ch, DOCX_EMU_CM(8), DOCX_EMU_CM(5));
	docx_p_end(d);
	docx_footer_page_numbers(d, 1);
	pr.title = v[6];
	pr.subject = v[7];
	pr.creator = v[3];
	pr.lang = "id-ID";
	docx_save(d, path, &pr);
	docx_free(d);
	check_parts(path);
	unlink(path);
	for (size_t i = 0; i < NV; i++)
		free(v[i]);
	return 0;
}
