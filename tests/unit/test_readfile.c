/* test_readfile.c - whole files read with a size limit (readfile.c), and
 * the CSV reader's own bounds: a field over 1 MiB, a cut last record,
 * a wide header with a duplicate at its end. */
#include "unit.h"

static void t_limit(void **state)
{
	char *buf = malloc(1001), *data, why[256];
	size_t len;

	(void)state;
	memset(buf, 'x', 1001);
	tmp_write("a", buf, 1000);
	/* exactly the limit is read, NUL-terminated */
	assert_int_equal(ibm_read_file(tmp_path("a"), 1000, 0, &data, &len,
				       why, sizeof why), 0);
	assert_int_equal(len, 1000);
	assert_int_equal(data[1000], '\0');
	free(data);
	assert_int_equal(ibm_read_file(tmp_path("a"), 999, IBM_READ_REGULAR,
				       &data, &len, why, sizeof why),
			 IBM_EX_DATAERR);
	assert_null(data);
	assert_string_equal(why, "too large (over 999 bytes)");
	/* an empty file */
	tmp_write("e", "", 0);
	assert_int_equal(ibm_read_file(tmp_path("e"), 10, 0, &data, &len, why,
				       sizeof why), 0);
	assert_int_equal(len, 0);
	assert_string_equal(data, "");
	free(data);
	free(buf);
}

static void t_devices(void **state)
{
	char *data, why[256];
	size_t len;

	(void)state;
	/* /dev/zero: bounded while reading, or refused as a device */
	assert_int_equal(ibm_read_file("/dev/zero", 1 << 20, 0, &data, &len,
				       why, sizeof why), IBM_EX_DATAERR);
	assert_string_equal(why, "too large (over 1 MiB)");
	assert_int_equal(ibm_read_file("/dev/zero", 1 << 20, IBM_READ_REGULAR,
				       &data, &len, why, sizeof why),
			 IBM_EX_NOINPUT);
	assert_non_null(strstr(why, "not a regular file"));
	/* a FIFO without a writer is refused at once, not waited on */
	assert_int_equal(mkfifo(tmp_path("fifo"), 0600), 0);
	assert_int_equal(ibm_read_file(tmp_path("fifo"), 100, IBM_READ_REGULAR,
				       &data, &len, why, sizeof why),
			 IBM_EX_NOINPUT);
	unlink(tmp_path("fifo"));
	assert_int_equal(ibm_read_file(tmp_dir(), 100, 0, &data, &len, why,
				       sizeof why), IBM_EX_NOINPUT);
	assert_string_equal(why, "cannot open: Is a directory");
	assert_int_equal(ibm_read_file(tmp_path("nosuch"), 100, 0, &data, &len,
				       why, sizeof why), IBM_EX_NOINPUT);
	/* a read error is 74 (reading one's own memory at address 0) */
	assert_int_equal(ibm_read_file("/proc/self/mem", 100, IBM_READ_REGULAR,
				       &data, &len, why, sizeof why),
			 IBM_EX_IOERR);
	assert_non_null(strstr(why, "read error: "));
}

static void t_size_text(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(ibm_size_text(b, sizeof b, 16u << 20), "16 MiB");
	assert_string_equal(ibm_size_text(b, sizeof b, 512 * 1024), "512 KiB");
	assert_string_equal(ibm_size_text(b, sizeof b, 1000), "1000 bytes");
}

/* Read all of text; returns the reader's status (0 if all read). */
static int read_all(const char *text, size_t len, int strict, long *recs)
{
	ibm_csv_opts o = { 0 };
	const ibm_rec *rec;
	ibm_csv *r;
	int st, k;

	o.strict = strict;
	*recs = 0;
	r = ibm_csv_open_mem("t.csv", text, len, &o, &st);
	if (!r)
		return st;
	while ((k = ibm_csv_read(r, &rec)) > 0)
		(*recs)++;
	st = k < 0 ? ibm_csv_status(r) : 0;
	ibm_csv_close(r);
	return st;
}

static void t_field_limit(void **state)
{
	size_t n = IBM_LIMIT_FIELD + 16;
	char *t = malloc(n + 16);
	long recs;

	(void)state;
	/* a field of exactly 1 MiB is read */
	memcpy(t, "a,b\nx,", 6);
	memset(t + 6, 'y', IBM_LIMIT_FIELD);
	t[6 + IBM_LIMIT_FIELD] = '\n';
	msgs_reset();
	assert_int_equal(read_all(t, 7 + IBM_LIMIT_FIELD, 0, &recs), 0);
	assert_int_equal(recs, 1);
	/* one byte more is an error naming the record's line */
	memset(t + 6, 'y', IBM_LIMIT_FIELD + 1);
	t[7 + IBM_LIMIT_FIELD] = '\n';
	quiet_begin();
	assert_int_equal(read_all(t, 8 + IBM_LIMIT_FIELD, 0, &recs),
			 IBM_EX_DATAERR);
	quiet_end();
	assert_string_equal(msgs_all(), "E: t.csv:2: a field is longer than "
			    "1 MiB (a quote that is never closed, or not a "
			    "CSV file?)\n");
	/* also inside quotes over many lines */
	t[4] = '"';
	for (size_t i = 5; i < n; i++)
		t[i] = i % 2 ? '\n' : 'z';
	msgs_reset();
	quiet_begin();
	assert_int_equal(read_all(t, n, 0, &recs), IBM_EX_DATAERR);
	quiet_end();
	assert_non_null(strstr(msgs_all(), "t.csv:2: a field is longer"));
	msgs_reset();
	free(t);
}

static void t_cut(void **state)
{
	long recs;

	(void)state;
	msgs_reset();
	quiet_begin();
	assert_int_equal(read_all("a,b,c\n1,2,3\n4,5", 15, 0, &recs), 0);
	quiet_end();
	assert_int_equal(recs, 2);
	assert_string_equal(msgs_all(), "W: t.csv:3: warning: the last record "
			    "has 2 of 3 fields and no line end (is the file "
			    "cut short?); the missing fields are empty\n");
	msgs_reset();
	quiet_begin();
	assert_int_equal(read_all("a,b,c\n1,2,3\n4,5", 15, 1, &recs),
			 IBM_EX_DATAERR);
	quiet_end();
	assert_int_equal(recs, 1);
	msgs_reset();
	/* short but ended, or whole without a line end: nothing said */
	assert_int_equal(read_all("a,b,c\n4,5\n", 10, 1, &recs), 0);
	assert_int_equal(read_all("a,b,c\n4,5,6", 11, 1, &recs), 0);
	assert_int_equal(msgs.n, 0);
}

static void t_wide_header(void **state)
{
	size_t n = 100000, cap = n * 8 + 16, len = 0;
	char *t = malloc(cap);
	long recs;

	(void)state;
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(t + len, cap - len, "%sc%zu",
					i ? "," : "", i);
	len += (size_t)snprintf(t + len, cap - len, "\n1\n");
	assert_int_equal(read_all(t, len, 0, &recs), 0);
	/* the same name again at the end, spelt differently */
	len -= 3;
	len += (size_t)snprintf(t + len, cap - len, ",C 17\n1\n");
	msgs_reset();
	quiet_begin();
	assert_int_equal(read_all(t, len, 0, &recs), IBM_EX_DATAERR);
	quiet_end();
	assert_string_equal(msgs_all(), "E: t.csv:1: duplicate column name "
			    "\"C 17\" (columns 18 and 100001)\n");
	msgs_reset();
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_limit),
		cmocka_unit_test(t_devices),
		cmocka_unit_test(t_size_text),
		cmocka_unit_test(t_field_limit),
		cmocka_unit_test(t_cut),
		cmocka_unit_test(t_wide_header),
	};
	int rc;

	msgs_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return rc;
}
