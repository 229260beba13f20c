/* test_xlsxread.c - the workbook reader, on workbooks written here with
 * libxlsxwriter (an independent writer): values, sheets, title rows,
 * header search, messages, and the CSV reader's API over it. */
#include "unit.h"

#include <xlsxwriter.h>
#include <zip.h>

/* Every record of PATH as "ROW:f1|f2" lines (header first), or
 * "open STATUS" / "error STATUS". */
static char *dump_book(const char *path, const ibm_csv_opts *o)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);
	const ibm_rec *rec;
	ibm_csv *r;
	int st, k;

	assert_non_null(fp);
	msgs_reset();
	r = ibm_csv_open(path, o, &st);
	if (!r) {
		fprintf(fp, "open %d\n", st);
		fclose(fp);
		return out;
	}
	rec = ibm_csv_header(r);
	for (;;) {
		fprintf(fp, "%ld:", rec->line);
		for (size_t i = 0; i < rec->n; i++)
			fprintf(fp, "%s%s", i ? "|" : "", rec->f[i]);
		fputc('\n', fp);
		k = ibm_csv_read(r, &rec);
		if (k <= 0)
			break;
	}
	if (k < 0)
		fprintf(fp, "error %d\n", ibm_csv_status(r));
	ibm_csv_close(r);
	fclose(fp);
	return out;
}

static const char *book_values(void)
{
	const char *p = tmp_path("values.xlsx");
	lxw_workbook *wb = workbook_new(p);
	lxw_worksheet *hid = workbook_add_worksheet(wb, "Rahasia");
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Data");
	lxw_format *date = workbook_add_format(wb);
	lxw_format *dt = workbook_add_format(wb);
	lxw_format *tm = workbook_add_format(wb);
	lxw_format *pct = workbook_add_format(wb);
	lxw_format *bold = workbook_add_format(wb);
	lxw_format *two = workbook_add_format(wb);
	lxw_datetime d = { 2024, 6, 24, 0, 0, 0 };
	lxw_datetime d2 = { 2024, 6, 24, 14, 30, 5 };
	lxw_datetime t = { 0, 0, 0, 9, 15, 0 };
	lxw_rich_string_tuple f1 = { bold, "Budi " }, f2 = { NULL, "Santoso" };
	lxw_rich_string_tuple *rich[] = { &f1, &f2, NULL };

	format_set_num_format(date, "dd/mm/yyyy");
	format_set_num_format(dt, "yyyy-mm-dd hh:mm:ss");
	format_set_num_format(tm, "h:mm");
	format_set_num_format(pct, "0.0%");
	format_set_num_format(two, "#,##0.00");
	format_set_bold(bold);
	worksheet_write_string(hid, 0, 0, "x", NULL);
	worksheet_write_string(hid, 1, 0, "y", NULL);
	worksheet_activate(ws); /* libxlsxwriter hides no active sheet */
	worksheet_set_first_sheet(ws);
	worksheet_hide(hid);
	worksheet_merge_range(ws, 0, 0, 0, 4, "DAFTAR NILAI 2024", NULL);
	worksheet_write_string(ws, 2, 0, "nama", NULL);
	worksheet_write_string(ws, 2, 1, "nilai", NULL);
	worksheet_write_string(ws, 2, 2, "tanggal", NULL);
	worksheet_write_string(ws, 2, 3, "lulus", NULL);
	worksheet_write_string(ws, 2, 4, "hp", NULL);
	worksheet_write_rich_string(ws, 3, 0, rich, NULL);
	worksheet_write_number(ws, 3, 1, 87.5, two);
	worksheet_write_datetime(ws, 3, 2, &d, date);
	worksheet_write_boolean(ws, 3, 3, 1, NULL);
	worksheet_write_number(ws, 3, 4, 81234567890.0, NULL);
	worksheet_write_string(ws, 4, 0, "Siti", NULL);
	worksheet_write_formula_num(ws, 4, 1, "=B4+2.5", NULL, 90);
	worksheet_write_datetime(ws, 4, 2, &d2, dt);
	worksheet_write_boolean(ws, 4, 3, 0, NULL);
	worksheet_write_number(ws, 4, 4, 0.125, pct);
	worksheet_write_string(ws, 6, 0, "Andi", NULL);
	worksheet_write_number(ws, 6, 1, 0.1 + 0.2, NULL);
	worksheet_write_datetime(ws, 6, 2, &t, tm);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	return p;
}

static void t_values(void **state)
{
	const char *p = book_values();
	char *s = dump_book(p, NULL);

	(void)state;
	/* the title row is skipped, the hidden sheet too; row numbers as
	 * Excel shows them */
	assert_string_equal(s,
		"3:nama|nilai|tanggal|lulus|hp\n"
		"4:Budi Santoso|87.5|2024-06-24|TRUE|81234567890\n"
		"5:Siti|90|2024-06-24 14:30:05|FALSE|12.5%\n"
		"7:Andi|0.3|09:15||\n"); /* libxlsxwriter saves 0.1 + 0.2
					     with 16 digits */
	free(s);
	assert_int_equal(msgs.n, 0);
}

static void t_sheets(void **state)
{
	const char *p = book_values();
	ibm_csv_opts o = { 0 };
	ibm_csv *r;
	ibm_xlsx_sheet sh;
	char *s;
	int st;

	(void)state;
	o.sheet = "1";
	s = dump_book(p, &o);
	assert_string_equal(s, "1:x\n2:y\n");
	free(s);
	o.sheet = "rahasia";
	s = dump_book(p, &o);
	assert_string_equal(s, "1:x\n2:y\n");
	free(s);
	o.sheet = "Nilai";
	quiet_begin();
	s = dump_book(p, &o);
	quiet_end();
	assert_string_equal(s, "open 65\n");
	free(s);
	assert_non_null(strstr(msgs_all(), "no sheet \"Nilai\" in the workbook; "
			       "its sheets: 1 \"Rahasia\" (hidden), 2 \"Data\""));
	/* the sheet list */
	o.sheet = NULL;
	r = ibm_csv_open(p, &o, &st);
	assert_non_null(r);
	assert_non_null(ibm_csv_workbook(r));
	assert_string_equal(ibm_csv_name(r), p[0] ? ibm_csv_name(r) : "");
	assert_non_null(strstr(ibm_csv_name(r), "values.xlsx[Data]"));
	assert_int_equal(ibm_xlsxr_sheets(ibm_csv_workbook(r)), 2);
	assert_int_equal(ibm_xlsxr_sheet(ibm_csv_workbook(r), 1, &sh), 0);
	assert_string_equal(sh.name, "Data");
	assert_int_equal(sh.current, 1);
	assert_int_equal(sh.rows, 7);
	assert_int_equal(sh.cols, 5);
	assert_int_equal(ibm_xlsxr_sheet(ibm_csv_workbook(r), 0, &sh), 0);
	assert_int_equal(sh.hidden, 1);
	ibm_csv_close(r);
}

static void t_header_search(void **state)
{
	static const ibm_colspec need[] = {
		{ "tanggal|date", 1 }, { "nama", 1 },
	};
	static const ibm_colspec absent[] = { { "kota|city", 1 } };
	const char *p = book_values();
	ibm_csv_opts o = { 0 };
	char *s;

	(void)state;
	o.need = need;
	o.nneed = 2;
	s = dump_book(p, &o);
	assert_true(strncmp(s, "3:nama|nilai|", 13) == 0);
	free(s);
	/* columns nowhere: the first row with more than one value */
	o.need = absent;
	o.nneed = 1;
	s = dump_book(p, &o);
	assert_true(strncmp(s, "3:nama|nilai|", 13) == 0);
	free(s);
	/* --header-row */
	o.need = NULL;
	o.nneed = 0;
	o.header_row = 4;
	s = dump_book(p, &o);
	assert_true(strncmp(s, "4:Budi Santoso|87.5|", 20) == 0);
	free(s);
	/* a title merged over A1:E1 as the header: each column named */
	o.header_row = 1;
	s = dump_book(p, &o);
	assert_true(strncmp(s, "1:DAFTAR NILAI 2024|DAFTAR NILAI 2024 2|"
			    "DAFTAR NILAI 2024 3|DAFTAR NILAI 2024 4|"
			    "DAFTAR NILAI 2024 5\n3:nama|", 102) == 0);
	free(s);
}

/* The same as a CSV with title lines: the header is found by columns. */
static void t_csv_title(void **state)
{
	static const char text[] =
		"REKAPITULASI;;\n"
		"\n"
		"no;nama;tanggal\n"
		"1;Andi;2024-06-24\n";
	static const ibm_colspec need[] = { { "nama", 1 } };
	ibm_csv_opts o = { 0 };
	char *s;

	(void)state;
	o.need = need;
	o.nneed = 1;
	s = dump_book(tmp_write("t.csv", text, sizeof text - 1), &o);
	assert_string_equal(s, "3:no|nama|tanggal\n4:1|Andi|2024-06-24\n");
	free(s);
	/* without columns the first record is the header */
	s = dump_book(tmp_write("t.csv", text, sizeof text - 1), NULL);
	assert_true(strncmp(s, "1:REKAPITULASI||\n", 17) == 0);
	free(s);
}

/* A formula's saved string result is its value (the warnings for error
 * values and formulas without a result: tests/cases/csv/xlsx-values). */
static void t_formula_str(void **state)
{
	const char *p = tmp_path("f.xlsx");
	lxw_workbook *wb = workbook_new(p);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "S");
	char *s;

	(void)state;
	worksheet_write_string(ws, 0, 0, "a", NULL);
	worksheet_write_string(ws, 0, 1, "b", NULL);
	worksheet_write_number(ws, 1, 0, 1, NULL);
	worksheet_write_formula_str(ws, 1, 1, "=1/0", NULL, "#DIV/0!");
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	s = dump_book(p, NULL);
	/* libxlsxwriter saves the result as a string formula result */
	assert_string_equal(s, "1:a|b\n2:1|#DIV/0!\n");
	free(s);
}

/* A workbook whose one sheet is the XML text sheet (written with libzip,
 * as a writer other than libxlsxwriter would). */
static const char *book_sheet(const char *sheet)
{
	static const char *const parts[][2] = {
		{ "[Content_Types].xml",
		  "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas."
		  "openxmlformats.org/package/2006/content-types\"/>" },
		{ "xl/workbook.xml",
		  "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" "
		  "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
		{ "xl/_rels/workbook.xml.rels",
		  "<Relationships><Relationship Id=\"rId1\" Type=\"http://"
		  "schemas.openxmlformats.org/officeDocument/2006/"
		  "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
		  "</Relationships>" },
	};
	const char *p = tmp_path("sheet.xlsx");
	int err;
	zip_t *z;

	unlink(p);
	z = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (size_t i = 0; i < 3; i++)
		assert_true(zip_file_add(z, parts[i][0], zip_source_buffer(z,
			parts[i][1], strlen(parts[i][1]), 0), 0) >= 0);
	assert_true(zip_file_add(z, "xl/worksheets/sheet1.xml",
		zip_source_buffer(z, sheet, strlen(sheet), 0), 0) >= 0);
	assert_int_equal(zip_close(z), 0);
	return p;
}

/* The sheet's XML as writers put it, read without expat, and what is
 * out of the usual handed to expat at any point: the same records, each
 * once, the same warnings once, expat's errors. */
static void t_sheet_xml(void **state)
{
	static const char *const cases[][2] = {
		/* quotes, spaces in tags, prefixes, empty elements, a BOM */
		{ "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8' "
		  "standalone=\"yes\"?>\r\n<x:worksheet xmlns:x=\"m\">"
		  "<x:sheetData><x:row r='1' ><x:c r=\"A1\" t='inlineStr' >"
		  "<x:is><x:t>nama</x:t></x:is></x:c><x:c r = \"B1\" "
		  "t=\"inlineStr\"><x:is><x:t>nilai</x:t></x:is></x:c>"
		  "<x:c r=\"C1\"/></x:row>\n<x:row r=\"2\"><x:c r=\"A2\" "
		  "t=\"inlineStr\"><x:is><x:t>A &amp; B &lt;&#233;&#xE9;"
		  "&quot;&apos;&gt;</x:t></x:is></x:c><x:c r=\"B2\"><x:v>"
		  " 7.50 </x:v></x:c></x:row></x:sheetData></x:worksheet>",
		  "1:nama|nilai\n2:A & B <\xC3\xA9\xC3\xA9\"'>|7.5\n" },
		/* line ends in text as expat gives them */
		{ "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is>"
		  "<t>a\r\nb\rc\nd\te</t></is></c></row><row r=\"2\"><c>"
		  "<v>1</v></c></row></sheetData></worksheet>",
		  "1:a\nb\nc\nd\te\n2:1\n" },
		/* a comment after row 1: expat from there, row 1 once */
		{ "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is>"
		  "<t>h</t></is></c></row><!-- x --><row r=\"2\"><c><v>1</v>"
		  "</c></row><row r=\"3\"><c><v>2</v></c></row></sheetData>"
		  "</worksheet>",
		  "1:h\n2:1\n3:2\n" },
		/* CDATA inside a cell of row 2 */
		{ "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is>"
		  "<t>h</t></is></c></row><row r=\"2\"><c t=\"inlineStr\">"
		  "<is><t><![CDATA[a<b]]></t></is></c></row></sheetData>"
		  "</worksheet>",
		  "1:h\n2:a<b\n" },
		/* an entity expat does not know: its error */
		{ "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is>"
		  "<t>h</t></is></c></row><row r=\"2\"><c t=\"inlineStr\">"
		  "<is><t>&nbsp;</t></is></c></row></sheetData></worksheet>",
		  "open 65\n" },
		/* a tag closed by another name */
		{ "<worksheet><sheetData><row r=\"1\"><c><v>1</c></v></row>"
		  "</sheetData></worksheet>",
		  "open 65\n" },
		/* an attribute twice, a control character */
		{ "<worksheet><sheetData><row r=\"1\" r=\"1\"><c><v>1</v></c>"
		  "</row></sheetData></worksheet>",
		  "open 65\n" },
		{ "<worksheet><sheetData><row r=\"1\"><c><v>1\x01</v></c>"
		  "</row></sheetData></worksheet>",
		  "open 65\n" },
		/* the document ends inside a row */
		{ "<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row>"
		  "<row r=\"2\"><c><v>2</v></c>",
		  "open 65\n" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = dump_book(book_sheet(cases[i][0]), NULL);

		if (strcmp(s, cases[i][1]) != 0)
			print_message("# case %zu\n", i);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
	/* the first two without expat (spaces, line ends, references,
	 * quotes and prefixes are its part), the third with it */
	for (size_t i = 0; i < 3; i++) {
		const ibm_rec *rec;
		ibm_csv *r;
		int st;

		r = ibm_csv_open(book_sheet(cases[i][0]), NULL, &st);
		assert_non_null(r);
		while (ibm_csv_read(r, &rec) > 0)
			;
		assert_int_equal(ibm_xlsxr_fast(ibm_csv_workbook(r)), i < 2);
		ibm_csv_close(r);
	}
}

/* A warning of a row read before the sheet went to expat is not given
 * twice; one of the row that was being read when it did is given once. */
static void t_sheet_warnings(void **state)
{
	char *s;

	(void)state;
	s = dump_book(book_sheet("<worksheet><sheetData><row r=\"1\">"
		"<c t=\"inlineStr\"><is><t>h</t></is></c><c t=\"inlineStr\">"
		"<is><t>g</t></is></c></row><row r=\"2\"><c t=\"e\">"
		"<v>#N/A</v></c><c><v>1</v></c></row><row r=\"3\"><c t=\"e\">"
		"<v>#REF!</v></c><c><v>2</v></c><!-- here --></row>"
		"</sheetData></worksheet>"), NULL);
	assert_string_equal(s, "1:h|g\n2:|1\n3:|2\n");
	assert_int_equal(msgs.n, 2);
	assert_non_null(strstr(msgs.text[0], "cell A2: error value #N/A"));
	assert_non_null(strstr(msgs.text[1], "cell A3: error value #REF!"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_values),
		cmocka_unit_test(t_sheets),
		cmocka_unit_test(t_header_search),
		cmocka_unit_test(t_csv_title),
		cmocka_unit_test(t_formula_str),
		cmocka_unit_test(t_sheet_xml),
		cmocka_unit_test(t_sheet_warnings),
	};
	int rc;

	msgs_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return rc;
}
