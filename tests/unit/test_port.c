/* test_port.c - the port module (lib/core/port.c), on Linux and, built
 * for the target, on Windows under Wine (make check-windows). */
#include "unit.h"

#include <signal.h>
#include <time.h>

/* this program's path, for t_interrupt's child */
static const char *self;

/* 1 where paths take '\\' and drive letters (Windows). */
static int windows_paths(void)
{
	return ibm_path_is_abs("C:\\x");
}

static void t_path_base(void **state)
{
	(void)state;
	assert_string_equal(ibm_path_base("a/b/c.csv"), "c.csv");
	assert_string_equal(ibm_path_base("c.csv"), "c.csv");
	assert_string_equal(ibm_path_base("/c.csv"), "c.csv");
	assert_string_equal(ibm_path_base("out/"), "");
	assert_true(ibm_path_is_abs("/tmp/x"));
	assert_false(ibm_path_is_abs("tmp/x"));
	assert_false(ibm_path_is_abs(""));
	if (windows_paths()) {
		assert_string_equal(ibm_path_base("a\\b\\c.csv"), "c.csv");
		assert_string_equal(ibm_path_base("D:c.csv"), "c.csv");
		assert_string_equal(ibm_path_base("D:\\data/c.csv"), "c.csv");
		assert_true(ibm_path_is_abs("\\\\server\\share\\x"));
		assert_true(ibm_path_is_abs("d:/x"));
	} else {
		assert_string_equal(ibm_path_base("a\\b\\c.csv"), "a\\b\\c.csv");
		assert_false(ibm_path_is_abs("C:\\x"));
	}
}

/* folders and names joined and split by the system's separators */
static void t_path_join(void **state)
{
	char *s;

	(void)state;
	assert_int_equal(ibm_path_dir_len("a/b/c.csv"), 4);
	assert_int_equal(ibm_path_dir_len("c.csv"), 0);
	s = ibm_path_join("out", "x.html");
	assert_string_equal(s, windows_paths() ? "out\\x.html" : "out/x.html");
	free(s);
	s = ibm_path_join("out/", "x.html");
	assert_string_equal(s, "out/x.html");
	free(s);
	s = ibm_path_join("", "x.html");
	assert_string_equal(s, "x.html");
	free(s);
	assert_false(ibm_help_arg("-h"));
	if (windows_paths()) {
		assert_int_equal(ibm_path_dir_len("C:\\Laporan\\monev.xlsx"),
				 11);
		assert_int_equal(ibm_path_dir_len("C:monev.xlsx"), 2);
		assert_int_equal(ibm_path_dir_len(
			"\\\\server\\share\\x.csv"), 15);
		s = ibm_path_join("hasil\\sub/a", "x.csv");
		assert_string_equal(s, "hasil\\sub/a/x.csv");
		free(s);
		s = ibm_path_join("C:", "x.csv");
		assert_string_equal(s, "C:x.csv");
		free(s);
		assert_true(ibm_help_arg("/?"));
	} else {
		assert_int_equal(ibm_path_dir_len("hasil\\x.csv"), 0);
		assert_false(ibm_help_arg("/?"));
	}
}

/* one file's names made one: "./x", "sub/../x", and on Windows any case
 * and either separator */
static void t_path_canon(void **state)
{
	char *a = ibm_path_canon("x.csv"), *b = ibm_path_canon("./x.csv");
	char *c = ibm_path_canon("nosuch/../x.csv"), *d;

	(void)state;
	assert_string_equal(a, b);
	assert_string_equal(a, c);
	assert_true(ibm_path_is_abs(a));
	d = ibm_path_canon("y.csv");
	assert_string_not_equal(a, d);
	free(b);
	free(c);
	free(d);
	if (windows_paths()) {
		b = ibm_path_canon(".\\X.CSV");
		assert_string_equal(a, b);
		free(b);
	}
	free(a);
}

/* rename over an existing file replaces it (MoveFileEx on Windows) */
static void t_rename_replaces(void **state)
{
	const char *a = tmp_write("ra", "new", 3);
	const char *b = tmp_write("rb", "old contents", 12);
	char *s;

	(void)state;
	assert_int_equal(ibm_rename(a, b), 0);
	s = slurp(b, NULL);
	assert_string_equal(s, "new");
	free(s);
	assert_null(slurp(a, NULL));
	errno = 0;
	assert_int_equal(ibm_rename(tmp_path("nosuch"), b), -1);
	assert_int_equal(errno, ENOENT);
	ibm_unlink(b);
}

static void t_mkstemp(void **state)
{
	char t1[4200], t2[4200], bad[4200];
	int f1, f2;

	(void)state;
	snprintf(t1, sizeof t1, "%s", tmp_path(".x.XXXXXX"));
	snprintf(t2, sizeof t2, "%s", tmp_path(".x.XXXXXX"));
	f1 = ibm_mkstemp(t1);
	f2 = ibm_mkstemp(t2);
	assert_true(f1 >= 0);
	assert_true(f2 >= 0);
	assert_string_not_equal(t1, t2);
	assert_null(strstr(t1, "XXXXXX"));
	/* binary: the bytes written are the bytes read */
	assert_int_equal(write(f1, "a\nb\r\n", 5), 5);
	close(f1);
	close(f2);
	{
		size_t n;
		char *s = slurp(t1, &n);

		assert_int_equal(n, 5);
		assert_memory_equal(s, "a\nb\r\n", 5);
		free(s);
	}
	assert_int_equal(ibm_unlink(t1), 0);
	assert_int_equal(ibm_unlink(t2), 0);
	snprintf(bad, sizeof bad, "%s", tmp_path("noXs"));
	errno = 0;
	assert_int_equal(ibm_mkstemp(bad), -1);
	assert_int_equal(errno, EINVAL);
}

/* a temporary output can be removed while it is open (Ctrl+C) */
static void t_temp_removable(void **state)
{
	const char *p = tmp_path("open.tmp");
	FILE *fp = ibm_fopen_temp(p);

	(void)state;
	assert_non_null(fp);
	fputs("x\n", fp);
	fflush(fp);
	assert_int_equal(ibm_unlink(p), 0);
	fclose(fp);
	assert_null(slurp(p, NULL));
}

/* an atomic output over an existing file, with a non-ASCII name */
static void t_atomic_replace(void **state)
{
	const char *p = tmp_write("peserta \xC3\xBC \xE6\x97\xA5\xE6\x9C\xAC.csv",
				  "old\n", 4);
	ibm_atomic *a;
	ibm_csv *r;
	const ibm_rec *rec;
	int before = dir_count(tmp_dir());

	(void)state;
	a = ibm_atomic_open(p);
	fputs("nama,desa\nSiti,Bugis\n", ibm_atomic_fp(a));
	ibm_atomic_commit(a);
	assert_int_equal(dir_count(tmp_dir()), before);
	r = ibm_csv_open(p, NULL, NULL);
	assert_non_null(r);
	assert_int_equal(ibm_csv_read(r, &rec), 1);
	assert_string_equal(rec->f[0], "Siti");
	ibm_csv_close(r);
	assert_int_equal(ibm_unlink(p), 0);
}

static void t_time(void **state)
{
	struct tm tm;

	(void)state;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = 124;
	tm.tm_mon = 5;
	tm.tm_mday = 24;
	tm.tm_hour = 1;
	tm.tm_min = 2;
	tm.tm_sec = 3;
	assert_int_equal((long long)ibm_timegm(&tm), 1719187200LL + 3723);
	tm.tm_mon = 0;
	tm.tm_mday = 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_year = 70;
	assert_int_equal((long long)ibm_timegm(&tm), 0);
	memset(&tm, 0, sizeof tm);
	assert_non_null(ibm_gmtime((time_t)1719187200 + 86399, &tm));
	assert_int_equal(tm.tm_year, 124);
	assert_int_equal(tm.tm_mon, 5);
	assert_int_equal(tm.tm_mday, 24);
	assert_int_equal(tm.tm_hour, 23);
	assert_int_equal(tm.tm_min, 59);
	assert_int_equal(tm.tm_sec, 59);
	assert_int_equal(tm.tm_wday, 1); /* Senin */
	assert_non_null(ibm_localtime((time_t)0, &tm));
}

static void t_env(void **state)
{
	const char *var = windows_paths() ? "TEMP" : "TMPDIR";
	const char *old = getenv(var);
	char *keep = old ? ibm_xstrdup(old) : NULL;

	(void)state;
	tmp_dir(); /* made before the variable changes */
	assert_int_equal(ibm_setenv(var, "/some/dir"), 0);
	assert_string_equal(getenv(var), "/some/dir");
	assert_string_equal(ibm_tmpdir(), "/some/dir");
	assert_int_equal(ibm_setenv("IBM_PORT_TEST", "\xC3\xBC"), 0);
	assert_string_equal(getenv("IBM_PORT_TEST"), "\xC3\xBC");
	if (keep)
		ibm_setenv(var, keep);
	free(keep);
	if (windows_paths())
		assert_non_null(strstr(ibm_fonts_dir(), "Fonts"));
	else
		assert_null(ibm_fonts_dir());
}

/* The child of t_interrupt: an unfinished atomic output, its temporary
 * file open, then SIGINT (what Ctrl+C raises on Windows). */
static int interrupted_child(const char *path)
{
	ibm_atomic *a;

	signal(SIGINT, SIG_DFL); /* as at a terminal, even if started in the
				  * background with SIGINT ignored */
	ibm_diag_init("ibm-test");
	a = ibm_atomic_open(path);
	fputs("half,an,output\n", ibm_atomic_fp(a));
	fflush(ibm_atomic_fp(a));
	raise(SIGINT);
	return 0; /* not reached */
}

/* Ctrl+C: the temporary file is removed (on Windows while it is still
 * open) and the target is not created. */
static void t_interrupt(void **state)
{
	char dir[4200], out[4300], cmd[4400];
	int st;

	(void)state;
	snprintf(dir, sizeof dir, "%s", tmp_path("int"));
	assert_int_equal(ibm_mkdir(dir), 0);
	snprintf(out, sizeof out, "%s/out.csv", dir);
	assert_int_equal(ibm_setenv("IBM_PORT_CHILD", out), 0);
	snprintf(cmd, sizeof cmd, "\"%s\"", self);
	fflush(stdout);
	st = system(cmd);
	ibm_setenv("IBM_PORT_CHILD", "");
	assert_int_not_equal(st, 0);
	assert_int_equal(dir_count(dir), 0);
}

int main(int argc, char **argv)
{
	const char *child = getenv("IBM_PORT_CHILD");

	(void)argc;
	self = argv[0];
	if (child && *child)
		return interrupted_child(child);
	{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_path_base),
		cmocka_unit_test(t_path_join),
		cmocka_unit_test(t_path_canon),
		cmocka_unit_test(t_rename_replaces),
		cmocka_unit_test(t_mkstemp),
		cmocka_unit_test(t_temp_removable),
		cmocka_unit_test(t_atomic_replace),
		cmocka_unit_test(t_time),
		cmocka_unit_test(t_env),
		cmocka_unit_test(t_interrupt),
	};
	int rc;

	msgs_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return rc;
	}
}
