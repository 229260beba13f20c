/*
 * fuzz_report_reference.c - a hostile reference document (ibm-report
 * --reference): the input is the .docx (starting "PK"), or its parts, to
 * reach what a zip's checksums keep mutations from: an options byte (bit
 * 0: deflate, else store), then parts separated by "\n===\n", each its
 * name on a line ("NAME*N" for its text N times, at most 1 MiB), then its
 * text; these are zipped as they are. docx_ref_read_mem must answer 0
 * or 65 with a message, within its bounds (the fuzzing build's are small:
 * 64 KiB a part, 256 KiB in all, a ratio check above 16 KiB), never a
 * crash or a leak. A reference it takes is then read again from a file
 * by docx_save, as ibm-report does, into a report with a header, a
 * picture, a chart, a footer and numbered headings: the document must be
 * written (a part of the office's named twice would make libzip refuse
 * it), and the parts ibmkit writes itself must be well-formed.
 */
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

/* The parts form zipped (malloc'd, *len set), or NULL. */
static unsigned char *zip_parts(const uint8_t *data, size_t size,
				size_t *len)
{
	static const char sep[] = "\n===\n";
	zip_error_t ze;
	zip_source_t *src, *s;
	zip_stat_t st;
	zip_t *za;
	char *text, *at, *end, *nl, *star;
	char *bufs[64];
	size_t nbufs = 0;
	unsigned char *out = NULL;
	int deflate = size && (data[0] & 1);

	text = ibm_xstrndup(size ? (const char *)data + 1 : "",
			    size ? size - 1 : 0);
	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	if (!za)
		abort();
	zip_source_keep(src);
	for (at = text; at && nbufs < 64; at = end ? end + strlen(sep) : NULL) {
		char *body;
		size_t blen, n = 1;
		zip_int64_t idx;

		end = strstr(at, sep);
		if (end)
			*end = '\0';
		nl = strchr(at, '\n');
		if (!nl)
			continue;
		*nl = '\0';
		star = strrchr(at, '*');
		if (star) {
			n = strtoul(star + 1, NULL, 10);
			*star = '\0';
		}
		blen = strlen(nl + 1);
		if (n == 0 || (blen && n > ((size_t)1 << 20) / blen))
			n = 1;
		body = malloc(blen * n + 1);
		if (!body)
			abort();
		for (size_t k = 0; k < n; k++)
			memcpy(body + k * blen, nl + 1, blen);
		bufs[nbufs++] = body;
		s = zip_source_buffer(za, body, blen * n, 0);
		if (!s)
			abort();
		idx = zip_file_add(za, at, s, ZIP_FL_OVERWRITE);
		if (idx < 0) {
			zip_source_free(s);
			continue;
		}
		zip_set_file_compression(za, (zip_uint64_t)idx,
					 deflate ? ZIP_CM_DEFLATE :
						   ZIP_CM_STORE, 9);
	}
	if (zip_get_num_entries(za, 0) == 0) {
		/* libzip writes no archive without entries: an empty one */
		static const unsigned char eocd[22] = { 'P', 'K', 5, 6 };

		zip_discard(za);
		zip_source_free(src);
		out = malloc(sizeof eocd);
		if (!out)
			abort();
		memcpy(out, eocd, sizeof eocd);
		*len = sizeof eocd;
		goto done;
	}
	if (zip_close(za) != 0)
		abort();
	if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0)
		abort();
	out = malloc(st.size ? st.size : 1);
	if (!out || zip_source_read(src, out, st.size) !=
		    (zip_int64_t)st.size)
		abort();
	*len = st.size;
	zip_source_close(src);
	zip_source_free(src);
done:
	for (size_t k = 0; k < nbufs; k++)
		free(bufs[k]);
	free(text);
	return out;
}

/* The part NAME of the package is well-formed XML. */
static void check_xml(zip_t *z, const char *name)
{
	zip_int64_t i = zip_name_locate(z, name, 0);

	if (i < 0)
		abort();
	fuzz_check_xml_part(z, (zip_uint64_t)i);
}

static void save_with(const char *ref, const char *out)
{
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I',
		'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0x3a,
		0x7e, 0x9b, 0x55
	};
	static const int widths[2] = { 2000, 3000 };
	const double vals0[2] = { 1, 2 };
	const double *vals[1] = { vals0 };
	const char *cats[2] = { "a", "b" }, *sers[1] = { "s" };
	docx_chart ch = { 0 };
	docx_props pr = { 0 };
	docx *d = docx_new();
	zip_t *z;
	int err = 0, img, list;

	docx_header_begin(d);
	docx_p(d, NULL, DOCX_CENTER, "BADAN NARKOTIKA NASIONAL");
	docx_header_end(d);
	docx_p(d, "Heading1", 0, "Pendahuluan");
	list = docx_list_new(d, 0);
	docx_p_begin(d, NULL, 0, 0, 0);
	docx_number_next(d, list, 0);
	docx_run(d, "butir", 0);
	docx_p_end(d);
	docx_table_begin(d, 2, widths, 1);
	docx_row_begin(d, 1);
	docx_cell(d, "No", DOCX_BOLD);
	docx_cell(d, "Nama", 0);
	docx_row_end(d);
	docx_table_end(d);
	img = docx_image_add_mem(d, png, sizeof png, 1);
	docx_p_begin(d, "Caption", 0, 0, 0);
	docx_image(d, img, DOCX_EMU_CM(1), DOCX_EMU_CM(1), "foto");
	docx_p_end(d);
	ch.title = "t";
	ch.cats = cats;
	ch.ncat = 2;
	ch.sers = sers;
	ch.nser = 1;
	ch.values = vals;
	docx_p_begin(d, NULL, 0, 0, 0);
	docx_chart_bar(d, &ch, DOCX_EMU_CM(8), DOCX_EMU_CM(5));
	docx_p_end(d);
	docx_footer_page_numbers(d, 1);
	pr.title = "Laporan";
	pr.lang = "id-ID";
	pr.reference = ref;
	docx_save(d, out, &pr);
	docx_free(d);
	z = zip_open(out, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!z)
		abort();
	check_xml(z, "[Content_Types].xml");
	check_xml(z, "word/document.xml");
	check_xml(z, "word/_rels/document.xml.rels");
	check_xml(z, "word/settings.xml");
	zip_discard(z);
	unlink(out);
}

static int check(const uint8_t *data, size_t size, const char *ref,
		 const char *out);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char ref[64], out[64];
	int st;

	if (!ref[0]) {
		const char *tmp = getenv("TMPDIR");

		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		if (!tmp || !*tmp || strlen(tmp) >= 32)
			tmp = "/tmp";
		snprintf(ref, sizeof ref, "%s/fuzz-ref-%ld.docx", tmp,
			 (long)getpid());
		snprintf(out, sizeof out, "%s/fuzz-ref-out-%ld.docx", tmp,
			 (long)getpid());
	}
	if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
		st = check(data, size, ref, out);
	} else {
		size_t len;
		unsigned char *z = zip_parts(data, size, &len);

		st = check(z, len, ref, out);
		free(z);
	}
	(void)st;
	return 0;
}

static int check(const uint8_t *data, size_t size, const char *ref,
		 const char *out)
{
	char why[512];
	docx_ref r;
	FILE *fp;
	int st;

	why[0] = '\0';
	st = docx_ref_read_mem(&r, data, size, why, sizeof why);
	if (st) {
		/* an answer, with nothing left to free */
		if (st != IBM_EX_DATAERR || !why[0] || r.styles || r.parts)
			abort();
		return st;
	}
	if (!r.styles || (r.header.data && !r.header_target))
		abort();
	for (size_t i = 0; i < r.nparts; i++)
		for (size_t k = 0; k < i; k++)
			if (strcmp(r.parts[i].name, r.parts[k].name) == 0)
				abort();
	docx_ref_free(&r);
	/* the same from a file, then a report on it */
	fp = fopen(ref, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	st = docx_ref_read(&r, ref, why, sizeof why);
	if (st)
		abort();
	docx_ref_free(&r);
	save_with(ref, out);
	unlink(ref);
	return 0;
}
