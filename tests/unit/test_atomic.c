/* test_atomic.c - output files through a temporary file and rename. */
#include "unit.h"

#include <signal.h>

/* A fresh empty directory NAME in the test directory (kept in buf). */
static const char *fresh_dir(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s", tmp_path(name));
	mkdir(buf, 0777);
	assert_int_equal(dir_count(buf), 0);
	return buf;
}

static char target[8800];

static void set_target(const char *dir, const char *name)
{
	snprintf(target, sizeof target, "%s/%s", dir, name);
}

static void t_commit(void **state)
{
	char dbuf[4400];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "commit");
	ibm_atomic *a;
	const char *tp;
	char *s;
	struct stat st;
	mode_t mask = umask(022);

	(void)state;
	set_target(d, "out.csv");
	a = ibm_atomic_open(target);
	assert_string_equal(ibm_atomic_path(a), target);
	tp = ibm_atomic_tmppath(a);
	/* ".out.csv.XXXXXX" in the same directory */
	assert_int_equal(strncmp(tp, d, strlen(d)), 0);
	assert_int_equal(strncmp(tp + strlen(d), "/.out.csv.", 10), 0);
	assert_int_equal(access(tp, F_OK), 0);
	assert_int_equal(access(target, F_OK), -1);
	fputs("halo\n", ibm_atomic_fp(a));
	assert_ptr_equal(ibm_atomic_fp(a), ibm_atomic_fp(a));
	ibm_atomic_commit(a);
	s = slurp(target, NULL);
	assert_string_equal(s, "halo\n");
	free(s);
	assert_int_equal(dir_count(d), 1);
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	/* replacing an existing file */
	a = ibm_atomic_open(target);
	fputs("baru\n", ibm_atomic_fp(a));
	ibm_atomic_commit(a);
	s = slurp(target, NULL);
	assert_string_equal(s, "baru\n");
	free(s);
	assert_int_equal(dir_count(d), 1);
	/* a file written by name (as libxlsxwriter does) */
	set_target(d, "byname.txt");
	a = ibm_atomic_open(target);
	{
		FILE *fp = fopen(ibm_atomic_tmppath(a), "w");

		fputs("x", fp);
		fclose(fp);
	}
	ibm_atomic_commit(a);
	s = slurp(target, NULL);
	assert_string_equal(s, "x");
	free(s);
	assert_int_equal(dir_count(d), 2);
	umask(mask);
}

static void t_abort(void **state)
{
	char dbuf[4400];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "abort");
	ibm_atomic *a;
	char *s;

	(void)state;
	set_target(d, "out.csv");
	tmp_write("abort/out.csv", "lama\n", 5);
	a = ibm_atomic_open(target);
	fputs("baru\n", ibm_atomic_fp(a));
	fflush(ibm_atomic_fp(a));
	assert_int_equal(dir_count(d), 2);
	ibm_atomic_abort(a);
	s = slurp(target, NULL);
	assert_string_equal(s, "lama\n");
	free(s);
	assert_int_equal(dir_count(d), 1);
	/* abort before anything was written */
	a = ibm_atomic_open(target);
	ibm_atomic_abort(a);
	assert_int_equal(dir_count(d), 1);
}

/* Children: open an output, write, then end in various ways. */
static void child_exit(void *how)
{
	ibm_atomic *a = ibm_atomic_open(target);
	FILE *fp = ibm_atomic_fp(a);

	fputs("setengah\n", fp);
	fflush(fp);
	switch (*(int *)how) {
	case 0:
		exit(0);
	case 1:
		raise(SIGTERM);
		break;
	case 2:
		raise(SIGINT);
		break;
	case 3:
		ibm_die(IBM_EX_DATAERR, "in.csv", 7, "bad data");
	case 4:
		/* a write error at commit: the stream's descriptor is gone */
		close(fileno(fp));
		ibm_atomic_commit(a);
		break;
	case 5:
		raise(SIGHUP);
		break;
	}
	exit(1);
}

static void t_unfinished(void **state)
{
	static const int want[] = { 0, 128 + SIGTERM, 128 + SIGINT, 65, 74,
				    128 + SIGHUP };
	char dbuf[4400];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "unfinished");

	(void)state;
	set_target(d, "out.csv");
	for (int how = 0; how < 6; how++) {
		char *s;

		/* without an existing file, and with one */
		unlink(target);
		assert_int_equal(run_child(child_exit, &how, NULL), want[how]);
		assert_int_equal(dir_count(d), 0);
		tmp_write("unfinished/out.csv", "lama\n", 5);
		assert_int_equal(run_child(child_exit, &how,
					   tmp_path("err")), want[how]);
		assert_int_equal(dir_count(d), 1);
		s = slurp(target, NULL);
		assert_string_equal(s, "lama\n");
		free(s);
		s = slurp(tmp_path("err"), NULL);
		if (how == 3)
			assert_string_equal(s, "ibm-test: in.csv:7: bad data\n");
		else if (how == 4)
			assert_non_null(strstr(s, "out.csv: write error: Bad "
					       "file descriptor"));
		else
			assert_string_equal(s, "");
		free(s);
	}
}

static void child_open(void *path)
{
	ibm_atomic_open(path);
	exit(0);
}

static void t_cannot_create(void **state)
{
	char *s;

	(void)state;
	assert_int_equal(run_child(child_open, (void *)tmp_path("no/such/x"),
				   tmp_path("err")), 73);
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "no/such/x: cannot create: No such file or "
			       "directory\n"));
	free(s);
	assert_int_equal(run_child(child_open, (void *)tmp_path("dir/"),
				   tmp_path("err")), 73);
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "dir/: cannot create: Is a directory\n"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_commit),
		cmocka_unit_test(t_abort),
		cmocka_unit_test(t_unfinished),
		cmocka_unit_test(t_cannot_create),
	};
	int rc;

	/* A test started in the background inherits SIGINT ignored, and the
	 * atomic outputs rightly leave an ignored signal alone; the signal
	 * tests need the default dispositions. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	msgs_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return rc;
}
