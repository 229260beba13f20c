/* test_xlsx.c - workbooks through the atomic path, reproducible output. */
#include "unit.h"

#include <time.h>

/* Write a small workbook at path using every helper. */
static void make_book(const char *path, int constant_memory)
{
	static const char *const names[] = { "No", "Nama", "Nilai" };
	static const char *const rows[][3] = {
		{ "1", "Lalu Ahmad", "87,5" },
		{ "2", "Baiq Nurul", "90" },
		{ "3", "Andi Ma'ruf", "" },
		{ "4", "Siti", "0812345" },
	};
	ibm_xlsx *x = ibm_xlsx_open(path, constant_memory, "Rekap", "BNNP NTB");
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Rekap");
	ibm_xlsx_widths cw = { 0 };

	ibm_xlsx_print_setup(ws, 1, 0, 0);
	ibm_xlsx_header_row(x, ws, 0, names, 3, &cw);
	for (int r = 0; r < 4; r++)
		for (int c = 0; c < 3; c++) {
			ibm_xlsx_write_cell(ws, r + 1, c, rows[r][c], x->fmt.text,
					    x->fmt.decimal);
			ibm_xlsx_widths_note(&cw, (size_t)c, rows[r][c]);
		}
	ibm_xlsx_widths_apply(&cw, ws, 4, 40);
	ibm_xlsx_close(x);
	ibm_atomic_commit_all();
}

static void t_open_close(void **state)
{
	size_t n;
	char *s;
	const char *p = tmp_path("rekap.xlsx");

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1719187200", 1);
	make_book(p, 0);
	s = slurp(p, &n);
	assert_non_null(s);
	assert_true(n > 1000);
	assert_memory_equal(s, "PK\x03\x04", 4);
	free(s);
	make_book(tmp_path("cm.xlsx"), 1);
	s = slurp(tmp_path("cm.xlsx"), &n);
	assert_memory_equal(s, "PK\x03\x04", 4);
	free(s);
}

static void t_reproducible(void **state)
{
	size_t n1, n2, n3;
	char *a, *b, *c;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1719187200", 1);
	make_book(tmp_path("a.xlsx"), 0);
	sleep(1);
	make_book(tmp_path("b.xlsx"), 0);
	setenv("SOURCE_DATE_EPOCH", "1000000000", 1);
	make_book(tmp_path("c.xlsx"), 0);
	a = slurp(tmp_path("a.xlsx"), &n1);
	b = slurp(tmp_path("b.xlsx"), &n2);
	c = slurp(tmp_path("c.xlsx"), &n3);
	assert_int_equal(n1, n2);
	assert_memory_equal(a, b, n1);
	/* the time really comes from SOURCE_DATE_EPOCH */
	assert_true(n1 != n3 || memcmp(a, c, n1) != 0);
	free(a);
	free(b);
	free(c);
}

static void t_build_time(void **state)
{
	long long now;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1719187200", 1);
	assert_int_equal(ibm_build_time(), 1719187200LL);
	unsetenv("SOURCE_DATE_EPOCH");
	now = (long long)time(NULL);
	assert_true(ibm_build_time() >= now);
	msgs_reset();
	setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
	quiet_begin();
	assert_true(ibm_build_time() >= now);
	quiet_end();
	assert_string_equal(msgs_all(),
			    "W: warning: SOURCE_DATE_EPOCH is not a number of "
			    "seconds; using the current time\n");
	msgs_reset();
	setenv("SOURCE_DATE_EPOCH", "1719187200", 1);
}

static void t_widths_clamp(void **state)
{
	ibm_xlsx_widths cw = { 0 };
	char *s;

	(void)state;
	ibm_xlsx_widths_note(&cw, 2, "abc\nlonger line\nx");
	assert_int_equal(cw.n, 3);
	assert_true(cw.w[0] == 0 && cw.w[1] == 0);
	/* measured in Calibri 11 (Carlito's metrics): "longer line" is
	 * 47.3 pt, 9 digits of 5.25 pt */
	assert_true(cw.w[2] > 8.9 && cw.w[2] < 9.1);
	ibm_xlsx_widths_note(&cw, 2, "\xC3\xA9\xC3\xA9");
	assert_true(cw.w[2] > 8.9 && cw.w[2] < 9.1);
	ibm_xlsx_widths_note(&cw, 0, "D\xC3\xA9sa");
	assert_true(cw.w[0] > 3 && cw.w[0] < 5);
	/* "W" is wider than "i" */
	assert_true(ibm_xlsx_text_pt("WWW", 11, 0) >
		    3 * ibm_xlsx_text_pt("iii", 11, 0));
	assert_true(ibm_xlsx_text_pt("Nama", 11, 1) >
		    ibm_xlsx_text_pt("Nama", 11, 0));
	/* wrapping: one line when it fits, more when narrower, a break
	 * at every line end */
	assert_int_equal(ibm_xlsx_wrap_lines("Yang Perlu Dipenuhi", 30, 11,
					     0), 1);
	assert_int_equal(ibm_xlsx_wrap_lines("Yang Perlu Dipenuhi", 10, 11,
					     0), 2);
	assert_int_equal(ibm_xlsx_wrap_lines("a\nb\nc", 30, 11, 0), 3);
	assert_int_equal(ibm_xlsx_wrap_lines("", 30, 11, 0), 1);
	assert_true(ibm_xlsx_wrap_lines("Supercalifragilistic", 3, 11, 0) >
		    3);
	assert_true(ibm_xlsx_line_pt(11) == 15);
	/* as Excel sets it: five lines in 45 characters (LibreOffice takes
	 * five too; a margin of 3 % made it six, a row a line too tall) */
	assert_int_equal(ibm_xlsx_wrap_lines(
		"Menuju Prima: skor total 72,1 < 75 (Bantuan operasional "
		"belum ada, Agen Pemulihan 8 dari 10, Agen terlatih 1 dari "
		"10, Sosialisasi 1 dari 4, Intervensi singkat 9 dari 10, "
		"Konseling 0 dari 10, Rujukan 3 dari 5, Pendampingan "
		"pascarehabilitasi 2 dari 5)", 45, 11, 0), 5);
	/* ten "m" of 12 pixels and a space of 3: not in 17 digits of 7
	 * pixels (less one for the edge), in 18 */
	assert_int_equal(ibm_xlsx_wrap_lines("mmmmm mmmmm", 17, 11, 0), 2);
	assert_int_equal(ibm_xlsx_wrap_lines("mmmmm mmmmm", 18, 11, 0), 1);
	ibm_xlsx_widths_note_len(&cw, 9, 2.5);
	assert_int_equal(cw.n, 10);
	assert_true(cw.w[9] == 2.5);
	free(cw.w);

	s = malloc(40001);
	memset(s, 'a', 40000);
	s[40000] = '\0';
	ibm_xlsx_clamp(s);
	assert_int_equal(strlen(s), 32767);
	free(s);
	s = malloc(80001);
	for (int i = 0; i < 40000; i++)
		memcpy(s + 2 * i, "\xC3\xA9", 2);
	s[80000] = '\0';
	ibm_xlsx_clamp(s);
	assert_int_equal(strlen(s), 2 * 32767);
	assert_int_equal(ibm_utf8_len(s), 32767);
	free(s);
	s = ibm_xstrdup("pendek");
	ibm_xlsx_clamp(s);
	assert_string_equal(s, "pendek");
	free(s);
}

static void child_book(void *path)
{
	make_book(path, 0);
	exit(0);
}

static void t_cannot_create(void **state)
{
	char *s;

	(void)state;
	assert_int_equal(run_child(child_book, (void *)tmp_path("no/x.xlsx"),
				   tmp_path("err")), 73);
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "no/x.xlsx: cannot create: No such file"));
	free(s);
}

/* The members of the zip file PATH, concatenated, read by Debian's
 * python3 ($PYTHON) as an independent reader (NULL if it is missing). */
static char *unzip(const char *path, const char *members)
{
	const char *py = getenv("PYTHON");
	char cmd[8800], *xml;
	FILE *fp;
	size_t n = 0, k;

	if (!py || !*py)
		py = "/usr/bin/python3";
	if (access(py, X_OK) != 0)
		return NULL;
	snprintf(cmd, sizeof cmd,
		 "'%s' -c 'import sys, zipfile\n"
		 "z = zipfile.ZipFile(sys.argv[1])\n"
		 "for m in sys.argv[2:]:\n"
		 "    sys.stdout.write(z.read(m).decode())' '%s' %s",
		 py, path, members);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	xml = malloc(1 << 20);
	while ((k = fread(xml + n, 1, (1 << 20) - 1 - n, fp)) > 0)
		n += k;
	xml[n] = '\0';
	assert_int_equal(pclose(fp), 0);
	return xml;
}

/* Cells: numbers as numbers, identifiers as text. */
static void t_cells(void **state)
{
	static const char *const cells[] = {
		"87,5", "1.234,5", "-3", "0812345678", "+628123456789",
		"5201234567890123", "123456789012345", "abc", "", "0,5"
	};
	const char *p = tmp_path("cells.xlsx");
	ibm_xlsx *x;
	lxw_worksheet *ws;
	char *xml, *q;

	(void)state;
	x = ibm_xlsx_open(p, 0, "t", NULL);
	ws = workbook_add_worksheet(x->wb, NULL);
	for (int i = 0; i < 10; i++)
		ibm_xlsx_write_cell(ws, i, 0, cells[i], x->fmt.text,
				    x->fmt.decimal);
	ibm_xlsx_close(x);
	ibm_atomic_commit_all();
	xml = unzip(p, "xl/worksheets/sheet1.xml xl/sharedStrings.xml");
	if (!xml) {
		print_message("# skipped: no python3\n");
		return;
	}
	/* numbers */
	assert_non_null(strstr(xml, "<v>87.5</v>"));
	assert_non_null(strstr(xml, "<v>1234.5</v>"));
	assert_non_null(strstr(xml, "<v>-3</v>"));
	assert_non_null(strstr(xml, "<v>123456789012345</v>"));
	assert_non_null(strstr(xml, "<v>0.5</v>"));
	/* strings: shared strings with their text */
	q = strstr(xml, "<sst");
	assert_non_null(q);
	assert_non_null(strstr(q, "<t>0812345678</t>"));
	assert_non_null(strstr(q, "<t>+628123456789</t>"));
	assert_non_null(strstr(q, "<t>5201234567890123</t>"));
	assert_non_null(strstr(q, "<t>abc</t>"));
	assert_non_null(strstr(xml, "<c r=\"A9\" s=\"")); /* blank */
	free(xml);
}

/* Print setup, frozen header, properties: read back from the parts. */
static void t_parts(void **state)
{
	const char *p = tmp_path("parts.xlsx");
	char *xml;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1719187200", 1);
	make_book(p, 0);
	xml = unzip(p, "xl/worksheets/sheet1.xml");
	if (!xml) {
		print_message("# skipped: no python3\n");
		return;
	}
	assert_non_null(strstr(xml, "paperSize=\"9\""));
	assert_non_null(strstr(xml, "orientation=\"landscape\""));
	/* never squeezed to one page wide */
	assert_null(strstr(xml, "fitToPage"));
	assert_non_null(strstr(xml, "&amp;11Halaman &amp;P dari &amp;N"));
	assert_non_null(strstr(xml, "ySplit=\"1\""));
	assert_non_null(strstr(xml, "state=\"frozen\""));
	assert_non_null(strstr(xml, "<col "));
	assert_non_null(strstr(xml, "<v>87.5</v>"));
	free(xml);
	xml = unzip(p, "xl/workbook.xml");
	assert_non_null(strstr(xml, "_xlnm.Print_Titles"));
	assert_non_null(strstr(xml, "Rekap!$1:$1"));
	free(xml);
	xml = unzip(p, "docProps/core.xml docProps/app.xml");
	assert_non_null(strstr(xml, "<dc:title>Rekap</dc:title>"));
	assert_non_null(strstr(xml, "ibmkit " IBMKIT_VERSION));
	assert_non_null(strstr(xml, ">2024-06-24T00:00:00Z<"));
	assert_non_null(strstr(xml, "<Company>BNNP NTB</Company>"));
	free(xml);
}

/* Wide tables: scaled down no further than 75 %, then several pages wide
 * with the identifying columns repeated and breaks between blocks. */
static void t_print_width(void **state)
{
	const char *p = tmp_path("wide.xlsx");
	double w[40];
	unsigned char block[40] = { 0 };
	ibm_xlsx *x;
	lxw_worksheet *ws;
	char *xml;

	(void)state;
	for (int i = 0; i < 40; i++)
		w[i] = 12;
	for (int i = 2; i < 40; i += 6)
		block[i] = 1;
	x = ibm_xlsx_open(p, 0, NULL, NULL);
	ws = workbook_add_worksheet(x->wb, "Lebar");
	ibm_xlsx_print_setup(ws, 1, 0, 0);
	/* 8 columns of 12 fit a landscape page at 100 % */
	assert_int_equal(ibm_xlsx_print_width(ws, 1, w, 8, 2, block), 100);
	/* 13 fit at a smaller scale */
	{
		int sc = ibm_xlsx_print_width(ws, 1, w, 13, 2, block);

		assert_true(sc >= IBM_XLSX_MIN_SCALE && sc < 100);
	}
	assert_int_equal(ibm_xlsx_print_width(ws, 1, w, 40, 2, block),
			 IBM_XLSX_MIN_SCALE);
	worksheet_write_string(ws, 0, 0, "x", NULL);
	ibm_xlsx_close(x);
	ibm_atomic_commit_all();
	xml = unzip(p, "xl/worksheets/sheet1.xml xl/workbook.xml");
	if (!xml) {
		print_message("# skipped: no python3\n");
		return;
	}
	assert_non_null(strstr(xml, "scale=\"75\""));
	assert_null(strstr(xml, "fitToPage"));
	assert_non_null(strstr(xml, "<colBreaks"));
	/* the first break is at a block's start (column O, index 14) */
	assert_non_null(strstr(xml, "<brk id=\"14\""));
	assert_non_null(strstr(xml, "Lebar!$A:$B"));
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_open_close),
		cmocka_unit_test(t_reproducible),
		cmocka_unit_test(t_build_time),
		cmocka_unit_test(t_widths_clamp),
		cmocka_unit_test(t_cannot_create),
		cmocka_unit_test(t_cells),
		cmocka_unit_test(t_parts),
		cmocka_unit_test(t_print_width),
	};
	int rc;

	msgs_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return rc;
}
