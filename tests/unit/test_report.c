/* test_report.c - ibm-report's library: Indonesian numbers, p-values,
 * image headers, the reference document's styles and header (and the
 * reference read whole), and a
 * document written and read back as a zip. */
#include "unit.h"
#include "docx.h"
#include "report.h"

#include <math.h>
#include <stdarg.h>
#include <zip.h>

static void num(double v, int dec, int fixed, const char *want)
{
	char b[64];

	rp_num(b, sizeof b, v, dec, fixed);
	if (strcmp(b, want) != 0)
		fail_msg("rp_num(%g, %d, %d) = \"%s\", want \"%s\"", v, dec,
			 fixed, b, want);
}

static void t_numbers(void **state)
{
	(void)state;
	num(42.946708, 1, 1, "42,9");
	num(62.382445, 1, 1, "62,4");
	num(0.340659, 2, 1, "0,34");
	num(100, 1, 1, "100,0");
	num(1234567.891, 2, 1, "1.234.567,89");
	num(1234, 0, 0, "1.234");
	num(999, 0, 0, "999");
	num(1000, 1, 0, "1.000");
	num(2.50, 2, 0, "2,5");
	num(-0.1667, 2, 1, "-0,17");
	num(-0.001, 2, 1, "0,00");
	num(-1234.5, 1, 1, "-1.234,5");
	num(NAN, 1, 1, "-");
	num(INFINITY, 1, 1, "-");
}

static void t_pvalues(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(rp_pval(b, sizeof b, 0.00000979), "p < 0,001");
	assert_string_equal(rp_pval(b, sizeof b, 0.0123), "p = 0,012");
	assert_string_equal(rp_pval(b, sizeof b, 0.5), "p = 0,500");
	assert_string_equal(rp_pval(b, sizeof b, NAN),
			    "p tidak dapat dihitung");
}

static void t_join(void **state)
{
	const char *v[] = { "a", "b", "c" };
	char *s;

	(void)state;
	s = rp_join_and(v, 3);
	assert_string_equal(s, "a, b dan c");
	free(s);
	s = rp_join_and(v, 1);
	assert_string_equal(s, "a");
	free(s);
	s = rp_join_and(v, 0);
	assert_string_equal(s, "");
	free(s);
}

static void t_images(void **state)
{
	/* PNG signature and IHDR of a 640 x 480 image */
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
		'I', 'H', 'D', 'R', 0, 0, 2, 0x80, 0, 0, 1, 0xe0, 8, 2
	};
	/* JPEG: SOI, an APP0 of 4 bytes, SOF0 of a 300 x 200 image */
	static const unsigned char jpg[] = {
		0xff, 0xd8, 0xff, 0xe0, 0, 4, 'J', 'F', 0xff, 0xc0, 0, 17,
		8, 0, 200, 1, 0x2c, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1
	};
	long w = 0, h = 0;

	(void)state;
	assert_int_equal(docx_image_info(png, sizeof png, &w, &h), 1);
	assert_int_equal(w, 640);
	assert_int_equal(h, 480);
	assert_int_equal(docx_image_info(jpg, sizeof jpg, &w, &h), 2);
	assert_int_equal(w, 300);
	assert_int_equal(h, 200);
	/* cut short, a bad segment length, not an image */
	assert_int_equal(docx_image_info(png, 20, &w, &h), 0);
	assert_int_equal(docx_image_info(jpg, 12, &w, &h), 0);
	assert_int_equal(docx_image_info((const unsigned char *)
					 "\xff\xd8\xff\xe0\x00\x01", 6, &w,
					 &h), 0);
	assert_int_equal(docx_image_info((const unsigned char *)"GIF89a",
					 6, &w, &h), 0);
}

static void t_reference(void **state)
{
	const char *doc = "<w:document><w:body><w:p/><w:sectPr>"
		"<w:headerReference w:type=\"default\" r:id=\"rId7\"/>"
		"<w:headerReference w:type=\"first\" r:id=\"rId8\"/>"
		"<w:titlePg/></w:sectPr></w:body></w:document>";
	const char *rels = "<Relationships><Relationship Id=\"rId7\" "
		"Target=\"header1.xml\"/><Relationship Id=\"rId8\" "
		"Type=\"x\" Target=\"header2.xml\"/></Relationships>";
	const char *nofirst = "<w:sectPr><w:headerReference "
		"w:type=\"default\" r:id=\"rId7\"/></w:sectPr>";
	int first = -1;
	char *t, *st;

	(void)state;
	t = docx_ref_header(doc, rels, &first);
	assert_non_null(t);
	assert_string_equal(t, "header2.xml");
	assert_int_equal(first, 1);
	free(t);
	t = docx_ref_header(nofirst, rels, &first);
	assert_string_equal(t, "header1.xml");
	assert_int_equal(first, 0);
	free(t);
	assert_null(docx_ref_header("<w:document/>", rels, &first));
	assert_null(docx_ref_header(doc, "<Relationships/>", &first));

	st = docx_styles_merge("<w:styles><w:style w:styleId=\"Title\">"
			       "MINE</w:style></w:styles>");
	assert_non_null(st);
	assert_non_null(strstr(st, "MINE"));
	/* theirs is kept, ours is not added twice; the others are added */
	assert_null(strstr(strstr(st, "w:styleId=\"Title\"") + 1,
			   "w:styleId=\"Title\""));
	assert_non_null(strstr(st, "w:styleId=\"Heading1\""));
	assert_non_null(strstr(st, "w:styleId=\"TableGrid\""));
	assert_string_equal(st + strlen(st) - 11, "</w:styles>");
	free(st);
	assert_null(docx_styles_merge("<w:styles>"));
}

static char *zip_entry(zip_t *z, const char *name)
{
	zip_stat_t st;
	zip_file_t *f;
	char *buf;

	if (zip_stat(z, name, 0, &st) != 0)
		return NULL;
	buf = calloc(1, (size_t)st.size + 1);
	f = zip_fopen(z, name, 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	return buf;
}

/* A zip in memory of parts NAME, TEXT, ... NULL (malloc'd, *len). */
static char *zip_of(size_t *len, ...)
{
	zip_error_t ze;
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	zip_stat_t st;
	const char *name;
	char *buf;
	va_list ap;

	assert_non_null(z);
	zip_source_keep(src);
	va_start(ap, len);
	while ((name = va_arg(ap, const char *))) {
		const char *text = va_arg(ap, const char *);

		assert_true(zip_file_add(z, name, zip_source_buffer(z, text,
				strlen(text), 0), 0) >= 0);
	}
	va_end(ap);
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	assert_int_equal(zip_source_open(src), 0);
	buf = malloc(st.size);
	assert_true(zip_source_read(src, buf, st.size) ==
		    (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	*len = st.size;
	return buf;
}

/* The reference read whole: its header's parts once each, one under a
 * name the document writes itself taken as word/ref1/; errors as a
 * status and a message. */
static void t_reference_read(void **state)
{
	docx_ref r;
	char why[256];
	size_t len;
	char *z;

	(void)state;
	z = zip_of(&len,
		   "word/styles.xml", "<w:styles></w:styles>",
		   "word/document.xml", "<w:document><w:sectPr>"
		   "<w:headerReference w:type=\"default\" r:id=\"rId7\"/>"
		   "</w:sectPr></w:document>",
		   "word/_rels/document.xml.rels", "<Relationships>"
		   "<Relationship Id=\"rId7\" Target=\"header1.xml\"/>"
		   "</Relationships>",
		   "word/header1.xml", "<w:hdr/>",
		   "word/_rels/header1.xml.rels", "<Relationships>"
		   "<Relationship Id=\"a\" Target=\"media/a.png\"/>"
		   "<Relationship Id=\"b\" Target=\"media/a.png\"/>"
		   "<Relationship Id=\"c\" Target=\"charts/chart1.xml\"/>"
		   "<Relationship Id=\"d\" Target=\"styles.xml\"/>"
		   "<Relationship Id=\"e\" Target=\"../x.png\"/>"
		   "</Relationships>",
		   "word/media/a.png", "PNG",
		   "word/charts/chart1.xml", "<c:chartSpace/>",
		   (const char *)NULL);
	assert_int_equal(docx_ref_read_mem(&r, z, len, why, sizeof why), 0);
	assert_string_equal(r.header_target, "header1.xml");
	assert_int_equal(r.header_first, 0);
	assert_string_equal(r.header.name, "word/header1.xml");
	assert_int_equal(r.nparts, 2);
	assert_string_equal(r.parts[0].name, "word/media/a.png");
	assert_string_equal(r.parts[1].name, "word/ref1/charts/chart1.xml");
	assert_non_null(strstr(r.header_rels, "Id=\"b\" Target=\"media/a.png\""));
	assert_non_null(strstr(r.header_rels,
			       "Id=\"c\" Target=\"ref1/charts/chart1.xml\""));
	assert_non_null(strstr(r.header_rels, "Id=\"d\" Target=\"styles.xml\""));
	assert_non_null(strstr(r.styles, "w:styleId=\"Heading1\""));
	docx_ref_free(&r);
	free(z);

	assert_int_equal(docx_ref_read_mem(&r, "not a zip", 9, why,
					   sizeof why), IBM_EX_DATAERR);
	assert_string_equal(why, "not a Word document (.docx): not a zip "
			    "archive");
	z = zip_of(&len, "word/document.xml", "<w:document/>",
		   (const char *)NULL);
	assert_int_equal(docx_ref_read_mem(&r, z, len, why, sizeof why),
			 IBM_EX_DATAERR);
	assert_string_equal(why, "not a Word document (.docx): no "
			    "word/styles.xml");
	assert_null(r.styles);
	free(z);
	z = zip_of(&len, "word/styles.xml", "<w:styles></w:styles>",
		   "word/document.xml", "<w:document><w:sectPr>"
		   "<w:headerReference w:type=\"default\" r:id=\"rId7\"/>"
		   "</w:sectPr></w:document>",
		   "word/_rels/document.xml.rels", "<Relationships>"
		   "<Relationship Id=\"rId7\" Target=\"header9.xml\"/>"
		   "</Relationships>", (const char *)NULL);
	assert_int_equal(docx_ref_read_mem(&r, z, len, why, sizeof why),
			 IBM_EX_DATAERR);
	assert_string_equal(why, "word/header9.xml is missing");
	free(z);
	assert_int_equal(docx_ref_read(&r, "/nonexistent/ref.docx", why,
				       sizeof why), IBM_EX_NOINPUT);
	assert_non_null(strstr(why, "cannot open: "));
}

static void t_document(void **state)
{
	char path[4200], *x;
	docx *d = docx_new();
	docx_props p = { 0 };
	int w[2] = { 2000, 3000 }, err = 0;
	const char *cats[2] = { "Pre-test", "Post-test" };
	const char *sers[1] = { "Rata-rata" };
	double v[2] = { 42.9, 62.4 };
	const double *vv[1] = { v };
	docx_chart ch = { 0 };
	zip_t *z;

	(void)state;
	snprintf(path, sizeof path, "%s", tmp_path("a.docx"));
	docx_p(d, "Heading1", 0, "A.\tPENDAHULUAN & <lainnya>");
	docx_table_begin(d, 2, w, 1);
	docx_row_begin(d, 1);
	docx_cell(d, "Nama", DOCX_BOLD);
	docx_row_end(d); /* the missing cell is added */
	docx_table_end(d);
	ch.cats = cats;
	ch.ncat = 2;
	ch.sers = sers;
	ch.nser = 1;
	ch.values = vv;
	docx_p_begin(d, NULL, 0, 0, 0);
	docx_chart_bar(d, &ch, 100, 100);
	docx_p_end(d);
	docx_section(d, 1);
	assert_int_equal(docx_text_width(d), 16838 - 1134 - 1701);
	p.title = "Uji";
	p.time = 1719187200;
	docx_save(d, path, &p);
	docx_free(d);

	z = zip_open(path, ZIP_RDONLY, &err);
	assert_non_null(z);
	assert_string_equal(zip_get_name(z, 0, 0), "[Content_Types].xml");
	x = zip_entry(z, "word/document.xml");
	assert_non_null(x);
	assert_non_null(strstr(x, "PENDAHULUAN &amp; &lt;lainnya&gt;"));
	assert_non_null(strstr(x, "<w:tblHeader/>"));
	assert_non_null(strstr(x, "w:orient=\"landscape\""));
	/* two cells in the row */
	assert_non_null(strstr(strstr(x, "<w:tc>") + 1, "<w:tc>"));
	free(x);
	x = zip_entry(z, "word/charts/chart1.xml");
	assert_non_null(x);
	assert_non_null(strstr(x, "<c:v>Post-test</c:v>"));
	assert_non_null(strstr(x, "<c:v>62.4</c:v>"));
	free(x);
	x = zip_entry(z, "docProps/core.xml");
	assert_non_null(strstr(x, "2024-06-24T00:00:00Z"));
	free(x);
	zip_close(z);
	unlink(path);
}

/* photo captions from file names; the letterhead's measure */
static void t_captions(void **state)
{
	static const char *const cases[][2] = {
		{ "01_pembukaan-acara.jpg", "Pembukaan acara" },
		{ "3 - Sesi skrining.PNG", "Sesi skrining" },
		{ "foto_kelompok__2.jpeg", "Foto kelompok 2" },
		{ "IMG_0001.jpg", "IMG 0001" },
		{ "0001.jpg", "" },
		{ "tanpa.titik", "Tanpa" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = rp_photo_name_caption(cases[i][0]);

		assert_string_equal(s, cases[i][1]);
		free(s);
	}
	/* Arial Bold (Helvetica-Bold's widths): "BARAT" is 3.499 em */
	assert_true(fabs(rp_bold_em("BARAT") - 3.499) < 1e-9);
	assert_true(fabs(rp_bold_em("\xC3\x89") - 0.72) < 1e-9);
}

/* A document longer than what memory keeps of it (the body goes to a
 * file past 1 MiB): every paragraph there once and in order, the section
 * breaks where they were made (one before the body went to the file, one
 * after), the document not ending in a table. */
static void t_long_document(void **state)
{
	docx *d = docx_new();
	docx_props p = { 0 };
	char path[512], t[64], *x, *at;
	int w[1] = { 5000 }, err;
	zip_t *z;

	(void)state;
	snprintf(path, sizeof path, "%s", tmp_path("long.docx"));
	for (int i = 0; i < 30000; i++) {
		snprintf(t, sizeof t, "baris %05d", i);
		docx_p(d, NULL, 0, t);
		if (i == 10 || i == 20000)
			docx_section(d, i == 10);
	}
	docx_table_begin(d, 1, w, 0);
	docx_row_begin(d, 0);
	docx_cell(d, "akhir", 0);
	docx_row_end(d);
	docx_table_end(d);
	p.title = "Panjang";
	p.time = 1719187200;
	docx_save(d, path, &p);
	docx_free(d);

	z = zip_open(path, ZIP_RDONLY, &err);
	assert_non_null(z);
	x = zip_entry(z, "word/document.xml");
	assert_non_null(x);
	assert_true(strlen(x) > (size_t)3 << 20);
	at = x;
	for (int i = 0; i < 30000; i++) {
		snprintf(t, sizeof t, ">baris %05d<", i);
		at = strstr(at, t);
		if (!at)
			print_message("# paragraph %d\n", i);
		assert_non_null(at);
		if (i == 10 || i == 20000) {
			/* its section ends right after it */
			char *sect = strstr(at, "<w:sectPr>");

			assert_non_null(sect);
			snprintf(t, sizeof t, ">baris %05d<", i + 1);
			assert_true(sect < strstr(at, t));
		}
	}
	/* three sections */
	err = 0;
	for (at = strstr(x, "<w:sectPr>"); at; at = strstr(at + 1, "<w:sectPr>"))
		err++;
	assert_int_equal(err, 3);
	/* the last section's properties follow a paragraph after the table */
	assert_non_null(strstr(x, "</w:tbl><w:p><w:pPr><w:pStyle "
			       "w:val=\"NoSpacing\"/></w:pPr></w:p><w:sectPr>"));
	assert_non_null(strstr(x, "</w:sectPr></w:body></w:document>"));
	free(x);
	zip_close(z);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_numbers),
		cmocka_unit_test(t_pvalues),
		cmocka_unit_test(t_join),
		cmocka_unit_test(t_images),
		cmocka_unit_test(t_reference),
		cmocka_unit_test(t_reference_read),
		cmocka_unit_test(t_document),
		cmocka_unit_test(t_captions),
		cmocka_unit_test(t_long_document),
	};

	int st;

	msgs_init();
	st = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return st;
}
