/* test_csvread.c - the streaming CSV reader: dialects, errors, lines. */
#include "unit.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Append s to a dump, with line ends shown as \n and \r. */
static void put_esc(FILE *fp, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			fputs("\\n", fp);
		else if (s[i] == '\r')
			fputs("\\r", fp);
		else
			fputc(s[i], fp);
	}
}

static void put_rec(FILE *fp, const ibm_rec *r)
{
	fprintf(fp, "%ld:", r->line);
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			fputc('|', fp);
		put_esc(fp, r->f[i], r->len[i]);
		assert_int_equal(strlen(r->f[i]), r->len[i]);
	}
	if (r->given != r->n)
		fprintf(fp, " (%zu given)", r->given);
	fputc('\n', fp);
}

static ibm_csv_info last_info;

/*
 * Read data through the reader from a file and return what it saw: one
 * line per record "LINE:f1|f2" (header first), then "error STATUS" or
 * "open STATUS" on failure. Messages are in msgs.
 */
static char *dump_file(const char *path, const ibm_csv_opts *o)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);
	const ibm_rec *rec;
	ibm_csv *r;
	int st = -1, k;

	msgs_reset();
	quiet_begin();
	r = ibm_csv_open(path, o, &st);
	quiet_end();
	if (!r) {
		fprintf(fp, "open %d\n", st);
		fclose(fp);
		return out;
	}
	assert_int_equal(st, 0);
	put_rec(fp, ibm_csv_header(r));
	quiet_begin();
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		quiet_end();
		put_rec(fp, rec);
		quiet_begin();
	}
	quiet_end();
	if (k < 0)
		fprintf(fp, "error %d\n", ibm_csv_status(r));
	else if (ibm_csv_status(r))
		fprintf(fp, "status %d\n", ibm_csv_status(r));
	ibm_csv_get_info(r, &last_info);
	ibm_csv_close(r);
	fclose(fp);
	return out;
}

static char *dump(const char *data, size_t len, const ibm_csv_opts *o)
{
	return dump_file(tmp_write("in.csv", data, len), o);
}

static const ibm_csv_opts defopts;

#define CHECK_O(data, opts, expect) do { \
		char *got_ = dump(data, sizeof(data) - 1, opts); \
		assert_string_equal(got_, expect); \
		free(got_); \
	} while (0)
#define CHECK(data, expect) CHECK_O(data, &defopts, expect)
#define MSGS(expect) assert_string_equal(msgs_all(), expect)

/* ------------------------------------------------------------ dialects */

static void t_basic_lf(void **state)
{
	(void)state;
	CHECK("nama,desa\nAndi,Ampenan\nBudi,Cakra\n",
	      "1:nama|desa\n2:Andi|Ampenan\n3:Budi|Cakra\n");
	MSGS("");
	assert_int_equal(last_info.delim, ',');
	assert_int_equal(last_info.delim_detected, 1);
	assert_int_equal(last_info.eol, IBM_EOL_LF);
	assert_int_equal(last_info.bom, 0);
	assert_int_equal(last_info.records, 2);
	assert_int_equal(last_info.lines, 3);
}

static void t_bom(void **state)
{
	(void)state;
	CHECK("\xEF\xBB\xBFnama;desa\r\nAndi;Ampenan\r\n",
	      "1:nama|desa\n2:Andi|Ampenan\n");
	assert_int_equal(last_info.bom, 1);
	assert_int_equal(last_info.delim, ';');
	assert_int_equal(last_info.eol, IBM_EOL_CRLF);
	/* a BOM only in the middle is data, not stripped */
	CHECK("a,b\n\xEF\xBB\xBFx,y\n", "1:a|b\n2:\xEF\xBB\xBFx|y\n");
}

static void t_crlf(void **state)
{
	(void)state;
	CHECK("a,b\r\n1,2\r\n3,4\r\n", "1:a|b\n2:1|2\n3:3|4\n");
	assert_int_equal(last_info.eol, IBM_EOL_CRLF);
	assert_int_equal(last_info.lines, 3);
	/* no line end after the last record */
	CHECK("a,b\r\n1,2\r\n3,4", "1:a|b\n2:1|2\n3:3|4\n");
	assert_int_equal(last_info.lines, 3);
}

static void t_cr(void **state)
{
	(void)state;
	CHECK("a|b\r1|2\r\r3|4\r", "1:a|b\n2:1|2\n4:3|4\n");
	assert_int_equal(last_info.eol, IBM_EOL_CR);
	assert_int_equal(last_info.delim, '|');
	assert_int_equal(last_info.lines, 4);
}

static void t_quoted(void **state)
{
	(void)state;
	/* delimiters, doubled quotes and line ends inside quotes */
	CHECK("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"l1\nl2\"\n4,5,6\n",
	      "1:a|b|c\n2:x,y|say \"hi\"|l1\\nl2\n4:4|5|6\n");
	/* CRLF inside a quoted field is kept as it is */
	CHECK("a,b\r\n\"l1\r\nl2\",z\r\nq,r\r\n",
	      "1:a|b\n2:l1\\r\\nl2|z\n4:q|r\n");
	/* an empty quoted field and an empty unquoted one */
	CHECK("a,b,c\n\"\",,\"\"\n", "1:a|b|c\n2:||\n");
}

static void t_spaces_kept(void **state)
{
	(void)state;
	CHECK("a,b\n  Andi , Ampenan\t\n", "1:a|b\n2:  Andi | Ampenan\t\n");
}

static void t_delim_detect(void **state)
{
	(void)state;
	CHECK("a;b;c\n1,5;2;3\n", "1:a|b|c\n2:1,5|2|3\n");
	assert_int_equal(last_info.delim, ';');
	CHECK("a\tb\n1\t2\n", "1:a|b\n2:1|2\n");
	assert_int_equal(last_info.delim, '\t');
	CHECK("a|b|c\nx,y|2|3\n", "1:a|b|c\n2:x,y|2|3\n");
	assert_int_equal(last_info.delim, '|');
	/* delimiters inside quoted header names do not count */
	CHECK("\"a;b;c\",d\n1,2\n", "1:a;b;c|d\n2:1|2\n");
	assert_int_equal(last_info.delim, ',');
	/* only the header line is looked at */
	CHECK("a,b\n1;2;3;4,5\n", "1:a|b\n2:1;2;3;4|5\n");
	/* one column: comma */
	CHECK("nama\nAndi\n", "1:nama\n2:Andi\n");
	assert_int_equal(last_info.delim, ',');
}

static void t_delim_given(void **state)
{
	ibm_csv_opts o = { 0 };

	(void)state;
	o.delim = ';';
	CHECK_O("a,b;c\n1,2;3\n", &o, "1:a,b|c\n2:1,2|3\n");
	assert_int_equal(last_info.delim, ';');
	assert_int_equal(last_info.delim_detected, 0);
	o.delim = ',';
	CHECK_O("a;b,c\n1;2,3\n", &o, "1:a;b|c\n2:1;2|3\n");
	assert_int_equal(ibm_csv_parse_delim("tab"), '\t');
	assert_int_equal(ibm_csv_parse_delim("\\t"), '\t');
	assert_int_equal(ibm_csv_parse_delim("comma"), ',');
	assert_int_equal(ibm_csv_parse_delim("semicolon"), ';');
	assert_int_equal(ibm_csv_parse_delim("pipe"), '|');
	assert_int_equal(ibm_csv_parse_delim(";"), ';');
	assert_int_equal(ibm_csv_parse_delim("\""), -1);
	assert_int_equal(ibm_csv_parse_delim("ab"), -1);
	assert_int_equal(ibm_csv_parse_delim(""), -1);
	assert_int_equal(ibm_csv_parse_delim(NULL), -1);
	assert_string_equal(ibm_csv_delim_name(','), "comma");
	assert_string_equal(ibm_csv_delim_name(';'), "semicolon");
	assert_string_equal(ibm_csv_delim_name('\t'), "tab");
	assert_string_equal(ibm_csv_delim_name('|'), "pipe");
	assert_string_equal(ibm_csv_delim_name(':'), ":");
}

/* ---------------------------------------------------------- encodings */

static void t_cp1252(void **state)
{
	const char *path;
	char want[512];

	(void)state;
	/* "Désa" in Windows-1252 on two lines, and a euro sign */
	CHECK("nama,desa\nAndi,D\xE9sa\nBudi,\x80 5\n",
	      "1:nama|desa\n2:Andi|D\xC3\xA9sa\n3:Budi|\xE2\x82\xAC 5\n");
	path = tmp_path("in.csv");
	snprintf(want, sizeof want,
		 "W: %s:2: warning: text is not valid UTF-8; reading it as "
		 "Windows-1252\n", path);
	MSGS(want); /* exactly one warning, naming the file */
	assert_int_equal(last_info.cp1252, 1);
	/* in the header too */
	CHECK("n\xE1ma\nx\n", "1:n\xC3\xA1ma\n2:x\n");
	assert_int_equal(msgs.n, 1);
	/* valid UTF-8 gives no warning */
	CHECK("nama\nD\xC3\xA9sa\n", "1:nama\n2:D\xC3\xA9sa\n");
	MSGS("");
	assert_int_equal(last_info.cp1252, 0);
}

static void t_cp1252_strict(void **state)
{
	ibm_csv_opts o = { 0 };
	char want[512];

	(void)state;
	o.strict = 1;
	CHECK_O("nama,desa\nAndi,D\xE9sa\nBudi,x\n", &o,
		"1:nama|desa\nerror 65\n");
	snprintf(want, sizeof want,
		 "E: %s:2: text is not valid UTF-8 (save the file as "
		 "\"CSV UTF-8\")\n", tmp_path("in.csv"));
	MSGS(want);
	/* in the header: the open fails */
	CHECK_O("n\xE1ma\nx\n", &o, "open 65\n");
	assert_int_equal(msgs.n, 1);
	assert_int_equal(msgs.is_error[0], 1);
}

/* ------------------------------------------------------------- errors */

static void t_too_many_fields(void **state)
{
	ibm_csv_opts o = { 0 };
	char want[1024];
	const char *p;

	(void)state;
	CHECK("a,b\n1,2\n1,2,3\n4,5\n", "1:a|b\n2:1|2\nerror 65\n");
	p = tmp_path("in.csv");
	snprintf(want, sizeof want,
		 "E: %s:3: record has 3 fields, the header has only 2\n", p);
	MSGS(want);
	/* keep_going: reported, skipped, status 65, the rest is read */
	o.keep_going = 1;
	CHECK_O("a,b\n1,2\n1,2,3\n\"x\ny\",5\n6,7,8,9\n", &o,
		"1:a|b\n2:1|2\n4:x\\ny|5\nstatus 65\n");
	snprintf(want, sizeof want,
		 "E: %s:3: record has 3 fields, the header has only 2\n"
		 "E: %s:6: record has 4 fields, the header has only 2\n",
		 p, p);
	MSGS(want);
	assert_int_equal(last_info.bad_records, 2);
	assert_int_equal(last_info.records, 2);
}

/* The memory a reader holds (glibc; 0 elsewhere, and under ASan, whose
 * allocator glibc does not see). */
static size_t heap_in_use(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
	struct mallinfo2 m = mallinfo2();

	return m.uordblks + m.hblkhd;
#else
	return 0;
#endif
}

/* Fields per record are bounded: a header of more than IBM_LIMIT_FIELDS
 * is an error, and the fields of a record past the header's width are
 * counted, not kept (a line of 4 million commas holds no memory). */
static void t_wide_record(void **state)
{
	size_t n = 4u << 20, base;
	char *text = malloc(n + 16), want[256];
	const ibm_rec *rec;
	ibm_csv_opts o = { 0 };
	ibm_csv *r;
	int st;

	(void)state;
	memcpy(text, "a,b\n", 4);
	memset(text + 4, ',', n);
	memcpy(text + 4 + n, "\n1,2\n", 5);
	o.keep_going = 1;
	msgs_reset();
	quiet_begin();
	base = heap_in_use();
	r = ibm_csv_open_mem("wide.csv", text, n + 9, &o, &st);
	assert_non_null(r);
	assert_int_equal(ibm_csv_read(r, &rec), 1);
	assert_string_equal(rec->f[0], "1");
	assert_true(heap_in_use() < base + (16u << 20));
	assert_int_equal(ibm_csv_read(r, &rec), 0);
	ibm_csv_close(r);
	quiet_end();
	snprintf(want, sizeof want, "E: wide.csv:2: record has %zu fields, "
		 "the header has only 2\n", n + 1);
	MSGS(want);

	/* a header of IBM_LIMIT_FIELDS + 1 fields */
	memset(text, ',', IBM_LIMIT_FIELDS);
	memcpy(text + IBM_LIMIT_FIELDS, "\n1\n", 3);
	msgs_reset();
	quiet_begin();
	r = ibm_csv_open_mem("wide.csv", text, IBM_LIMIT_FIELDS + 3, NULL,
			     &st);
	quiet_end();
	assert_null(r);
	assert_int_equal(st, 65);
	snprintf(want, sizeof want, "E: wide.csv:1: a record has more than "
		 "%u fields (the limit; not a CSV file?)\n", IBM_LIMIT_FIELDS);
	MSGS(want);
	/* IBM_LIMIT_FIELDS fields are read */
	memcpy(text + IBM_LIMIT_FIELDS - 1, "\n1\n", 3);
	r = ibm_csv_open_mem("wide.csv", text, IBM_LIMIT_FIELDS + 2, NULL,
			     &st);
	assert_non_null(r);
	assert_int_equal(ibm_csv_header(r)->n, IBM_LIMIT_FIELDS);
	ibm_csv_close(r);
	free(text);
}

static void t_short_padded(void **state)
{
	(void)state;
	CHECK("a,b,c\n1\n1,2\n1,2,3\n",
	      "1:a|b|c\n2:1|| (1 given)\n3:1|2| (2 given)\n4:1|2|3\n");
	MSGS("");
	assert_int_equal(last_info.short_records, 2);
}

static void t_unterminated(void **state)
{
	char want[512];

	(void)state;
	CHECK("a,b\n1,2\n3,\"open\nmore\nstill\n",
	      "1:a|b\n2:1|2\nerror 65\n");
	snprintf(want, sizeof want,
		 "E: %s:3: unterminated quoted field (a '\"' opened here is "
		 "never closed)\n", tmp_path("in.csv"));
	MSGS(want);
	/* in the header */
	CHECK("a,\"b\n", "open 65\n");
	assert_int_equal(msgs.n, 1);
	assert_non_null(strstr(msgs.text[0], ":1: unterminated quoted"));
}

static void t_bad_quote(void **state)
{
	(void)state;
	/* text after a closing quote */
	CHECK("a,b\n\"x\"y,2\n", "1:a|b\nerror 65\n");
	assert_int_equal(msgs.n, 1);
	assert_non_null(strstr(msgs.text[0], "in.csv:2: malformed quoting"));
}

static void t_nul(void **state)
{
	char want[512];

	(void)state;
	CHECK("a,b\n1,2\n3,x\0y\n", "1:a|b\n2:1|2\nerror 65\n");
	snprintf(want, sizeof want,
		 "E: %s:3: NUL byte in the data (is this a binary file?)\n",
		 tmp_path("in.csv"));
	MSGS(want);
	CHECK("a,\0b\n1,2\n", "open 65\n");
	assert_int_equal(msgs.n, 1);
	assert_non_null(strstr(msgs.text[0], ":1: NUL byte"));
}

static void t_empty(void **state)
{
	ibm_csv_opts o = { 0 };
	char want[512];

	(void)state;
	CHECK("", "open 65\n");
	snprintf(want, sizeof want, "E: %s: empty file (no header line)\n",
		 tmp_path("in.csv"));
	MSGS(want);
	/* a BOM and blank lines are still empty */
	CHECK("\xEF\xBB\xBF\n\r\n", "open 65\n");
	MSGS(want);
	o.allow_empty = 1;
	{
		const ibm_rec *rec;
		int st = -1;
		ibm_csv *r = ibm_csv_open(tmp_write("e.csv", "", 0), &o, &st);

		assert_non_null(r);
		assert_int_equal(st, 0);
		assert_int_equal(ibm_csv_header(r)->n, 0);
		assert_int_equal(ibm_csv_read(r, &rec), 0);
		assert_int_equal(ibm_csv_status(r), 0);
		ibm_csv_close(r);
	}
}

static void t_header_only(void **state)
{
	ibm_csv_opts o = { 0 };
	char want[512];

	(void)state;
	CHECK("nama,desa\n", "1:nama|desa\nerror 65\n");
	snprintf(want, sizeof want,
		 "E: %s: no records after the header line\n",
		 tmp_path("in.csv"));
	MSGS(want);
	CHECK("nama,desa\n\n\n", "1:nama|desa\nerror 65\n");
	o.allow_empty = 1;
	CHECK_O("nama,desa\r\n", &o, "1:nama|desa\n");
	MSGS("");
}

static void t_dup_header(void **state)
{
	char want[512];

	(void)state;
	CHECK("Nama,No HP,no_hp\n1,2,3\n", "open 65\n");
	snprintf(want, sizeof want,
		 "E: %s:1: duplicate column name \"no_hp\" (columns 2 and "
		 "3)\n", tmp_path("in.csv"));
	MSGS(want);
	/* empty header names may repeat */
	CHECK("a,,\n1,2,3\n", "1:a||\n2:1|2|3\n");
	MSGS("");
}

static void t_no_file(void **state)
{
	int st = 0;
	ibm_csv *r;

	(void)state;
	msgs_reset();
	quiet_begin();
	r = ibm_csv_open(tmp_path("missing.csv"), NULL, &st);
	quiet_end();
	assert_null(r);
	assert_int_equal(st, IBM_EX_NOINPUT);
	assert_int_equal(msgs.n, 1);
	assert_non_null(strstr(msgs.text[0],
			       "missing.csv: cannot open: No such file"));
	/* a directory is no input file: 66, as ibmkit(7) says (it opens on
	 * POSIX systems, and failed at the first read with 74) */
	msgs_reset();
	quiet_begin();
	r = ibm_csv_open(tmp_dir(), NULL, &st);
	quiet_end();
	assert_null(r);
	assert_int_equal(st, IBM_EX_NOINPUT);
	assert_int_equal(msgs.n, 1);
#ifndef _WIN32
	assert_non_null(strstr(msgs.text[0], ": cannot open: Is a directory"));
#endif
}

/* -------------------------------------------------------- line numbers */

static void t_lines(void **state)
{
	(void)state;
	/* blank lines are skipped; records keep their physical lines */
	CHECK("a,b\n\n1,2\n\n\n\"x\n\ny\",3\n4,5\n\n6,\"m\r\nn\"\n7,8",
	      "1:a|b\n3:1|2\n6:x\\n\\ny|3\n9:4|5\n11:6|m\\r\\nn\n13:7|8\n");
	assert_int_equal(last_info.lines, 13);
	/* header spanning lines */
	CHECK("\"a\nb\",c\n1,2\n", "1:a\\nb|c\n3:1|2\n");
	/* CRLF with blank lines and a quoted line end */
	CHECK("a,b\r\n\r\n\"p\r\nq\",1\r\n2,3\r\n",
	      "1:a|b\n3:p\\r\\nq|1\n5:2|3\n");
	/* CR files */
	CHECK("a,b\r\"p\rq\",1\r\r2,3\r", "1:a|b\n2:p\\rq|1\n5:2|3\n");
	/* a CR file with a stray CR-LF */
	CHECK("a,b\r1,2\r\n3,4\r5,6\r", "1:a|b\n2:1|2\n3:3|4\n4:5|6\n");
	assert_int_equal(last_info.lines, 4);
}

/* ------------------------------------------------ larger than a buffer */

#define BIG (256 * 1024)

static void t_big_field(void **state)
{
	char *data = malloc(3 * BIG);
	size_t o = 0, flen = 0;
	const ibm_rec *rec;
	ibm_csv *r;
	long recs = 0, bigline = 0;
	int st, k, seen_last = 0;

	(void)state;
	/* records of 4 bytes, then a quoted field of BIG bytes that spans
	 * the first read's boundary, holding a line end and a doubled
	 * quote, then one more record */
	o += (size_t)sprintf(data + o, "a,b\n");
	while (o < BIG - 1000)
		o += (size_t)sprintf(data + o, "x,y\n");
	data[o++] = '"';
	for (size_t i = 0; i < BIG; i++, flen++) {
		if (i == 500) {
			data[o++] = '\n';
		} else if (i == 1500) {
			data[o++] = '"';
			data[o++] = '"';
		} else {
			data[o++] = 'z';
		}
	}
	o += (size_t)sprintf(data + o, "\",end\nlast,1\n");
	r = ibm_csv_open(tmp_write("big.csv", data, o), NULL, &st);
	assert_non_null(r);
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		recs++;
		if (rec->len[0] > 1000) {
			assert_int_equal(rec->len[0], flen);
			assert_int_equal(rec->f[0][499], 'z');
			assert_int_equal(rec->f[0][500], '\n');
			assert_int_equal(rec->f[0][1500], '"');
			assert_int_equal(rec->f[0][1501], 'z');
			assert_int_equal(rec->f[0][flen - 1], 'z');
			assert_string_equal(rec->f[1], "end");
			bigline = rec->line;
			assert_int_equal(bigline, recs + 1);
		} else if (strcmp(rec->f[0], "last") == 0) {
			assert_int_equal(rec->line, bigline + 2);
			seen_last = 1;
		} else {
			assert_string_equal(rec->f[0], "x");
			assert_int_equal(rec->line, recs + 1);
		}
	}
	assert_int_equal(k, 0);
	assert_int_equal(seen_last, 1);
	assert_true(bigline > 0);
	ibm_csv_close(r);
	free(data);
}

/* CRLF whose CR is the last byte of the first 256 KiB read. */
static void t_crlf_boundary(void **state)
{
	char *data = malloc(BIG + 4096);
	size_t o = 0;
	const ibm_rec *rec;
	ibm_csv *r;
	int st, k;
	long want_line = 2, n = 0;

	(void)state;
	o += (size_t)sprintf(data + o, "a,b\r\n");
	/* records "1,x...x\r\n" so that a CR lands at offset BIG-1 */
	while (o + 2000 < BIG)
		o += (size_t)sprintf(data + o, "1,%0990d\r\n", 7);
	{
		size_t fill = BIG - 1 - o - 2; /* "2," + zs + "\r" at BIG-1 */

		data[o++] = '2';
		data[o++] = ',';
		memset(data + o, 'z', fill);
		o += fill;
		assert_int_equal(o, BIG - 1);
		data[o++] = '\r';
		data[o++] = '\n';
	}
	o += (size_t)sprintf(data + o, "3,after\r\n\r\n4,more\r\n");
	r = ibm_csv_open(tmp_write("crlf.csv", data, o), NULL, &st);
	assert_non_null(r);
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		n++;
		if (strcmp(rec->f[0], "4") == 0)
			want_line++; /* the blank line */
		assert_int_equal(rec->line, want_line);
		want_line++;
		assert_int_equal(rec->n, 2);
		if (rec->f[0][0] == '2')
			assert_int_equal(rec->f[1][rec->len[1] - 1], 'z');
		if (rec->f[0][0] == '3')
			assert_string_equal(rec->f[1], "after");
	}
	assert_int_equal(k, 0);
	{
		ibm_csv_info info;

		ibm_csv_get_info(r, &info);
		assert_int_equal(info.lines, want_line - 1);
		assert_int_equal(info.records, n);
	}
	ibm_csv_close(r);
	free(data);
}

/* Many records through a pipe (short reads), standard input. */
static void t_stdin_pipe(void **state)
{
	int fds[2], saved;
	pid_t pid;
	const ibm_rec *rec;
	ibm_csv *r;
	long n = 0;
	int k, st;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	if (pid == 0) {
		FILE *fp = fdopen(fds[1], "w");

		close(fds[0]);
		fputs("\xEF\xBB\xBFno;nama\r\n", fp);
		for (int i = 1; i <= 50000; i++)
			fprintf(fp, "%d;\"Nama %d\"\r\n", i, i);
		fclose(fp);
		_exit(0);
	}
	close(fds[1]);
	saved = dup(0);
	dup2(fds[0], 0);
	close(fds[0]);
	r = ibm_csv_open("-", NULL, &st);
	assert_non_null(r);
	assert_string_equal(ibm_csv_name(r), "<stdin>");
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		char want[32];

		n++;
		assert_int_equal(rec->line, n + 1);
		snprintf(want, sizeof want, "Nama %ld", n);
		assert_string_equal(rec->f[1], want);
	}
	assert_int_equal(k, 0);
	assert_int_equal(n, 50000);
	ibm_csv_close(r);
	dup2(saved, 0);
	close(saved);
	waitpid(pid, NULL, 0);
}

/* ibm_csv_xopen and ibm_csv_xread exit with the status. */
static void xread_child(void *arg)
{
	const ibm_rec *rec;
	ibm_csv *r = ibm_csv_xopen(arg, NULL);

	while (ibm_csv_xread(r, &rec) > 0)
		;
	ibm_csv_close(r);
	exit(0);
}

static void t_x_exit(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(run_child(xread_child,
				   (void *)tmp_write("x.csv", "a,b\n1,2\n", 8),
				   NULL), 0);
	assert_int_equal(run_child(xread_child,
				   (void *)tmp_write("x.csv", "a,b\n1,2,3\n",
						     10),
				   tmp_path("err")), 65);
	err = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(err, "ibm-test: "));
	assert_non_null(strstr(err, "x.csv:2: record has 3 fields"));
	free(err);
	assert_int_equal(run_child(xread_child, (void *)tmp_path("none.csv"),
				   NULL), 66);
	assert_int_equal(run_child(xread_child,
				   (void *)tmp_write("x.csv", "", 0), NULL), 65);
}

/* A line end inside a quoted header name is not the file's line end. */
static void t_eol_quoted_header(void **state)
{
	(void)state;
	/* Excel: CRLF rows, LF inside a cell */
	CHECK("\"Nama\nLengkap\",Desa\r\nAndi,Ampenan\r\nBudi,Cakra\r\n",
	      "1:Nama\\nLengkap|Desa\n3:Andi|Ampenan\n4:Budi|Cakra\n");
	assert_int_equal(last_info.eol, IBM_EOL_CRLF);
	assert_int_equal(last_info.lines, 4);
	/* CR rows, LF inside cells */
	CHECK("\"Nama\nLengkap\"|Desa\rAndi|Ampenan\rBudi|\"x\ny\"\rC|D\r",
	      "1:Nama\\nLengkap|Desa\n2:Andi|Ampenan\n3:Budi|x\\ny\n"
	      "4:C|D\n");
	assert_int_equal(last_info.eol, IBM_EOL_CR);
	assert_int_equal(last_info.lines, 4);
	/* LF rows, CR inside a header cell */
	CHECK("\"a\rb\",c\n1,2\n", "1:a\\rb|c\n2:1|2\n");
	assert_int_equal(last_info.eol, IBM_EOL_LF);
	assert_int_equal(last_info.lines, 2);
}

/* A UTF-8 character cut by the end of the first read is still UTF-8;
 * a Windows-1252 byte after the boundary is still converted. */
static void t_utf8_boundary(void **state)
{
	char *data = malloc(2 * BIG);
	size_t o = 0;
	const ibm_rec *rec;
	ibm_csv *r;
	int st, k;
	long n = 0;

	(void)state;
	o += (size_t)sprintf(data + o, "a,b\n");
	while (o + 100 < BIG)
		o += (size_t)sprintf(data + o, "x,%040d\n", 1);
	data[o++] = 'y';
	data[o++] = ',';
	while (o < BIG - 1)
		data[o++] = 'z';
	memcpy(data + o, "\xC3\xA9\n", 3); /* é across the boundary */
	o += 3;
	o += (size_t)sprintf(data + o, "last,ok\n");
	msgs_reset();
	r = ibm_csv_open(tmp_write("u.csv", data, o), NULL, &st);
	assert_non_null(r);
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		n++;
		if (rec->f[0][0] == 'y')
			assert_memory_equal(rec->f[1] + rec->len[1] - 2,
					    "\xC3\xA9", 2);
	}
	assert_int_equal(k, 0);
	MSGS("");
	ibm_csv_close(r);
	/* now Windows-1252 text just after the boundary */
	memcpy(data + BIG - 1, "\xE9\n", 2);
	o = BIG + 1;
	o += (size_t)sprintf(data + o, "last,ok\n");
	quiet_begin();
	r = ibm_csv_open(tmp_write("u.csv", data, o), NULL, &st);
	quiet_end();
	assert_non_null(r);
	quiet_begin();
	while ((k = ibm_csv_read(r, &rec)) > 0)
		if (rec->f[0][0] == 'y')
			assert_memory_equal(rec->f[1] + rec->len[1] - 3,
					    "z\xC3\xA9", 3);
	quiet_end();
	assert_int_equal(k, 0);
	assert_int_equal(msgs.n, 1);
	assert_non_null(strstr(msgs.text[0], "reading it as Windows-1252"));
	ibm_csv_close(r);
	free(data);
}

/* ibm_csv_open_mem reads text in memory like a file. */
static void t_open_mem(void **state)
{
	static const char text[] = "kode;nama\r\n1;\"A;B\"\r\n2\r\n";
	const ibm_rec *rec;
	ibm_csv *r;
	int st = -1;

	(void)state;
	r = ibm_csv_open_mem("(builtin)", text, sizeof text - 1, NULL, &st);
	assert_non_null(r);
	assert_int_equal(st, 0);
	assert_string_equal(ibm_csv_name(r), "(builtin)");
	assert_int_equal(ibm_csv_read(r, &rec), 1);
	assert_string_equal(rec->f[1], "A;B");
	assert_int_equal(ibm_csv_read(r, &rec), 1);
	assert_int_equal(rec->line, 3);
	assert_int_equal(rec->given, 1);
	assert_int_equal(ibm_csv_read(r, &rec), 0);
	ibm_csv_close(r);
	msgs_reset();
	quiet_begin();
	r = ibm_csv_open_mem("(builtin)", "a,a\n1,2\n", 8, NULL, &st);
	quiet_end();
	assert_null(r);
	assert_int_equal(st, 65);
	MSGS("E: (builtin):1: duplicate column name \"a\" (columns 1 and "
	     "2)\n");
}

/*
 * Random records written by the writer (plain and Excel dialects) and
 * read back: the same fields, and each record's line is one more than
 * the line ends before it. Files of about 1.5 MB, so records and
 * characters are cut by the 256 KiB reads at many places.
 */
static unsigned long rnd_state;

static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rnd_state >> 33) % n;
}

static void t_roundtrip_random(void **state)
{
	static const char *const atoms[] = { "a", "b", "Z", "0", " ", ",",
		";", "\"", "\n", "\r", "\r\n", "\t", "|", "\xC3\xA9",
		"\xC2\xA0", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "xyz" };
	enum { NF = 4 };
	(void)state;

	for (int round = 0; round < 4; round++) {
		int excel = round & 1;
		char *out = NULL, *fields = NULL;
		size_t outlen = 0, flen = 0, fcap = 0;
		size_t *starts = NULL, scap = 0, nrec = 0;
		size_t *foff = NULL, focap = 0, nf = 0;
		size_t *given = NULL, gcap = 0;
		FILE *fp = open_memstream(&out, &outlen);
		ibm_csvw *w = ibm_csvw_new(fp, excel);
		const char *hdr[NF] = { "h1", "h2", "h3", "h4" };
		ibm_csv_opts o = { 0 };
		const ibm_rec *rec;
		ibm_csv *r;
		int st, k;

		rnd_state = 12345 + (unsigned long)round;
		ibm_csvw_row(w, hdr, NF);
		while (outlen < 1500000) {
			size_t g = 1 + rnd(NF);

			ibm_csvw_flush(w);
			ibm_grow((void **)&starts, &scap, nrec + 1,
				 sizeof *starts);
			starts[nrec] = outlen;
			ibm_grow((void **)&given, &gcap, nrec + 1,
				 sizeof *given);
			given[nrec] = g;
			for (size_t i = 0; i < g; i++) {
				size_t len = rnd(10) == 0 ? rnd(4000) : rnd(12);
				size_t start = flen;

				for (size_t j = 0; j < len; j++) {
					const char *a = atoms[rnd(sizeof atoms /
								  sizeof atoms[0])];
					size_t al = strlen(a);

					ibm_grow((void **)&fields, &fcap,
						 flen + al + 1, 1);
					memcpy(fields + flen, a, al);
					flen += al;
				}
				ibm_grow((void **)&fields, &fcap, flen + 1, 1);
				fields[flen++] = '\0';
				ibm_grow((void **)&foff, &focap, nf + 1,
					 sizeof *foff);
				foff[nf++] = start;
				ibm_csvw_field(w, fields + start,
					       flen - 1 - start);
			}
			ibm_csvw_end(w);
			nrec++;
		}
		assert_int_equal(ibm_csvw_free(w), 0);
		fclose(fp);

		o.delim = round < 2 ? (excel ? ';' : ',') : 0; /* or detected */
		o.strict = 1;
		r = ibm_csv_open(tmp_write("rt.csv", out, outlen), &o, &st);
		assert_non_null(r);
		{
			size_t fi = 0, ri = 0, lines = 1, pos = 0;

			while ((k = ibm_csv_read(r, &rec)) > 0) {
				assert_true(ri < nrec);
				for (; pos < starts[ri]; pos++)
					lines += out[pos] == '\n';
				assert_int_equal(rec->line, lines);
				assert_int_equal(rec->n, NF);
				assert_int_equal(rec->given, given[ri]);
				for (size_t i = 0; i < given[ri]; i++, fi++) {
					const char *f = rec->f[i];

					/* --excel guards formula-like cells */
					if (excel && (fields[foff[fi]] == '\t' ||
						      fields[foff[fi]] == '\r'))
						assert_int_equal(*f++, '\'');
					assert_string_equal(f, fields + foff[fi]);
				}
				for (size_t i = given[ri]; i < NF; i++)
					assert_string_equal(rec->f[i], "");
				ri++;
			}
			assert_int_equal(k, 0);
			assert_int_equal(ri, nrec);
		}
		ibm_csv_close(r);
		free(out);
		free(fields);
		free(starts);
		free(foff);
		free(given);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_basic_lf),
		cmocka_unit_test(t_bom),
		cmocka_unit_test(t_crlf),
		cmocka_unit_test(t_cr),
		cmocka_unit_test(t_quoted),
		cmocka_unit_test(t_spaces_kept),
		cmocka_unit_test(t_delim_detect),
		cmocka_unit_test(t_delim_given),
		cmocka_unit_test(t_cp1252),
		cmocka_unit_test(t_cp1252_strict),
		cmocka_unit_test(t_too_many_fields),
		cmocka_unit_test(t_wide_record),
		cmocka_unit_test(t_short_padded),
		cmocka_unit_test(t_unterminated),
		cmocka_unit_test(t_bad_quote),
		cmocka_unit_test(t_nul),
		cmocka_unit_test(t_empty),
		cmocka_unit_test(t_header_only),
		cmocka_unit_test(t_dup_header),
		cmocka_unit_test(t_no_file),
		cmocka_unit_test(t_lines),
		cmocka_unit_test(t_big_field),
		cmocka_unit_test(t_crlf_boundary),
		cmocka_unit_test(t_stdin_pipe),
		cmocka_unit_test(t_x_exit),
		cmocka_unit_test(t_eol_quoted_header),
		cmocka_unit_test(t_utf8_boundary),
		cmocka_unit_test(t_open_mem),
		cmocka_unit_test(t_roundtrip_random),
	};
	int rc;

	msgs_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	msgs_reset();
	tmp_cleanup();
	return rc;
}
