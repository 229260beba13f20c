/* test_diag.c - messages, exit statuses, memory helpers, stdout. */
#include "unit.h"

#include <limits.h>
#include <sys/types.h>

static void t_format(void **state)
{
	size_t w0 = ibm_diag_warnings();

	(void)state;
	msgs_reset();
	quiet_begin();
	ibm_error("in.csv", 12, "record has %d fields", 4);
	ibm_error("in.csv", 0, "cannot open");
	ibm_error(NULL, 5, "no file, line ignored");
	ibm_warn("in.csv", 3, "padded");
	ibm_warn(NULL, 0, "general");
	quiet_end();
	assert_string_equal(msgs_all(),
			    "E: in.csv:12: record has 4 fields\n"
			    "E: in.csv: cannot open\n"
			    "E: no file, line ignored\n"
			    "W: in.csv:3: warning: padded\n"
			    "W: warning: general\n");
	assert_int_equal(ibm_diag_warnings(), w0 + 2);
	assert_string_equal(ibm_progname(), "ibm-test");
	msgs_reset();
}

/* A message as snprintf writes it, for the conversions that messages
 * format on their own road and for those that printf still does. */
#define SAME(fmt, ...)                                                       \
	do {                                                                 \
		char want_[8192];                                            \
		msgs_reset();                                                \
		quiet_begin();                                               \
		ibm_error("f.csv", 7, fmt, __VA_ARGS__);                     \
		ibm_warn(NULL, 0, fmt, __VA_ARGS__);                         \
		quiet_end();                                                 \
		snprintf(want_, sizeof want_, "E: f.csv:7: " fmt "\n"        \
			 "W: warning: " fmt "\n", __VA_ARGS__, __VA_ARGS__);  \
		assert_string_equal(msgs_all(), want_);                      \
	} while (0)

static void t_format_conversions(void **state)
{
	char *big = malloc(5001);

	(void)state;
	SAME("%s has no %s (line %ld, distance %zu)", "Budi", "post-test",
	     123456789L, (size_t)2);
	SAME("%d %d %d %u %ld %ld %lu %zu", 0, -1, INT_MIN, UINT_MAX,
	     LONG_MIN, LONG_MAX, ULONG_MAX, SIZE_MAX);
	SAME("100%% of %s%%", "x");
	SAME("%5d|%-3s|%.2f|%x|%c|%lld|%zd|%05ld", 42, "a", 1.005, 255, 'q',
	     -7LL, (ssize_t)-3, 9L);
	SAME("%s", "");
	SAME("trailing %s", "percent: %d");
	memset(big, 'y', 5000);
	big[5000] = '\0';
	msgs_reset();
	quiet_begin();
	ibm_error("f.csv", 7, "%s and %d", big, 5);
	quiet_end();
	assert_int_equal(strlen(msgs.text[0]), 4095);
	assert_memory_equal(msgs.text[0], "f.csv:7: yyy", 12);
	msgs_reset();
	free(big);
}

static void t_long_message(void **state)
{
	char *big = malloc(10001);

	(void)state;
	memset(big, 'x', 10000);
	big[10000] = '\0';
	msgs_reset();
	quiet_begin();
	ibm_error(big, 1, "%s", big);
	quiet_end();
	assert_int_equal(msgs.n, 1);
	assert_true(strlen(msgs.text[0]) < 4096);
	assert_memory_equal(msgs.text[0], "xxxx", 4);
	msgs_reset();
	free(big);
}

/* Children that print and exit, their stderr captured. */
static void child_msgs(void *arg)
{
	int how = *(int *)arg;

	ibm_diag_init("ibm-x");
	ibm_diag_set_hook(NULL, NULL);
	if (how == 0) {
		ibm_diag_set_quiet(1);
		ibm_warn("a.csv", 1, "hidden");
		ibm_error("a.csv", 2, "shown");
		ibm_die(IBM_EX_DATAERR, "a.csv", 3, "dead %s", "here");
	} else if (how == 1) {
		ibm_warn("a.csv", 1, "visible");
		errno = ENOENT;
		ibm_die_errno(IBM_EX_NOINPUT, "b.csv", "cannot open");
	} else if (how == 2) {
		/* stdout on a full device */
		printf("some output\n");
		ibm_close_stdout();
	} else if (how == 3) {
		/* nothing written: closing is fine */
		ibm_close_stdout();
	} else if (how == 4) {
		ibm_print_version();
	} else if (how == 5) {
		/* held warnings: more than the holding buffer, then an
		 * error, which writes them first */
		ibm_diag_hold();
		for (int i = 0; i < 3000; i++)
			ibm_warn("a.csv", i + 1, "warning number %d of many", i);
		ibm_die(IBM_EX_DATAERR, "a.csv", 3001, "the end");
	} else if (how == 6) {
		/* held, then released; held again and left to the exit */
		ibm_diag_hold();
		ibm_warn("a.csv", 1, "one");
		ibm_diag_release();
		ibm_warn("a.csv", 2, "two");
		ibm_diag_hold();
		ibm_warn("a.csv", 3, "three");
		ibm_error("a.csv", 4, "four");
		ibm_warn("a.csv", 5, "five");
		ibm_diag_hold();
		ibm_warn("a.csv", 6, "six");
	}
	exit(0);
}

static int run_msgs(int how, const char *out, char **err)
{
	int st, saved, fd;

	need_child();
	saved = dup(1);
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0)
		abort();
	fflush(stdout);
	dup2(fd, 1);
	close(fd);
	st = run_child(child_msgs, &how, tmp_path("err"));
	dup2(saved, 1);
	close(saved);
	*err = slurp(tmp_path("err"), NULL);
	return st;
}

static void t_die(void **state)
{
	char *err, *out;

	(void)state;
	assert_int_equal(run_msgs(0, "/dev/null", &err), 65);
	assert_string_equal(err, "ibm-x: a.csv:2: shown\n"
			    "ibm-x: a.csv:3: dead here\n");
	free(err);
	assert_int_equal(run_msgs(1, "/dev/null", &err), 66);
	assert_string_equal(err, "ibm-x: a.csv:1: warning: visible\n"
			    "ibm-x: b.csv: cannot open: No such file or "
			    "directory\n");
	free(err);
	assert_int_equal(run_msgs(2, "/dev/full", &err), 74);
	assert_string_equal(err, "ibm-x: standard output: write error: No "
			    "space left on device\n");
	free(err);
	assert_int_equal(run_msgs(3, "/dev/full", &err), 0);
	assert_string_equal(err, "");
	free(err);
	assert_int_equal(run_msgs(4, tmp_path("out"), &err), 0);
	assert_string_equal(err, "");
	free(err);
	out = slurp(tmp_path("out"), NULL);
	assert_string_equal(out, "ibm-x (ibmkit) " IBMKIT_VERSION "\n");
	free(out);
	assert_int_equal(run_msgs(4, "/dev/full", &err), 74);
	assert_string_equal(err, "ibm-x: standard output: write error: No "
			    "space left on device\n");
	free(err);	assert_int_equal(run_msgs(5, "/dev/null", &err), 65);
	{
		char line[128];
		size_t at = 0;

		for (int i = 0; i < 3000; i++) {
			snprintf(line, sizeof line, "ibm-x: a.csv:%d: warning: "
				 "warning number %d of many\n", i + 1, i);
			assert_memory_equal(err + at, line, strlen(line));
			at += strlen(line);
		}
		assert_string_equal(err + at, "ibm-x: a.csv:3001: the end\n");
	}
	free(err);
	assert_int_equal(run_msgs(6, "/dev/null", &err), 0);
	assert_string_equal(err, "ibm-x: a.csv:1: warning: one\n"
			    "ibm-x: a.csv:2: warning: two\n"
			    "ibm-x: a.csv:3: warning: three\n"
			    "ibm-x: a.csv:4: four\n"
			    "ibm-x: a.csv:5: warning: five\n"
			    "ibm-x: a.csv:6: warning: six\n");
	free(err);
}

static void t_memory(void **state)
{
	char *s;
	int *v = NULL;
	size_t cap = 0;
	long *z;

	(void)state;
	s = ibm_xstrdup("Mataram");
	assert_string_equal(s, "Mataram");
	free(s);
	s = ibm_xstrndup("Mataram", 4);
	assert_string_equal(s, "Mata");
	free(s);
	s = ibm_xstrndup("ab\0cd", 5);
	assert_memory_equal(s, "ab\0cd", 6);
	free(s);
	s = ibm_xmalloc(0);
	assert_non_null(s);
	s = ibm_xrealloc(s, 100);
	memset(s, 1, 100);
	free(s);
	z = ibm_xcalloc(10, sizeof *z);
	for (int i = 0; i < 10; i++)
		assert_int_equal(z[i], 0);
	free(z);
	ibm_grow((void **)&v, &cap, 1, sizeof *v);
	assert_true(cap >= 8);
	ibm_grow((void **)&v, &cap, 1000, sizeof *v);
	assert_true(cap >= 1000);
	for (int i = 0; i < 1000; i++)
		v[i] = i;
	{
		size_t c0 = cap;

		ibm_grow((void **)&v, &cap, 10, sizeof *v);
		assert_int_equal(cap, c0); /* never shrinks */
	}
	free(v);
}

static void child_nomem(void *arg)
{
	void *p = NULL;
	size_t cap = 8;

	(void)arg;
	ibm_diag_set_hook(NULL, NULL);
	ibm_grow(&p, &cap, ((size_t)-1) / 4, 16);
	exit(0);
}

static void t_nomem(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(run_child(child_nomem, NULL, tmp_path("err")), 70);
	err = slurp(tmp_path("err"), NULL);
	assert_string_equal(err, "ibm-test: out of memory\n");
	free(err);
}

/* -q: warnings are still hooked and counted, only not printed. */
static void t_quiet(void **state)
{
	size_t w0 = ibm_diag_warnings();
	int saved, fd;
	char *err;

	(void)state;
	msgs_reset();
	fflush(stderr);
	fd = open(tmp_path("q"), O_WRONLY | O_CREAT | O_TRUNC, 0666);
	saved = dup(2);
	dup2(fd, 2);
	close(fd);
	ibm_diag_set_quiet(1);
	ibm_warn("q.csv", 1, "hidden");
	ibm_error("q.csv", 2, "shown");
	ibm_diag_set_quiet(0);
	ibm_warn("q.csv", 3, "printed");
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	err = slurp(tmp_path("q"), NULL);
	assert_string_equal(err, "ibm-test: q.csv:2: shown\n"
			    "ibm-test: q.csv:3: warning: printed\n");
	free(err);
	assert_string_equal(msgs_all(), "W: q.csv:1: warning: hidden\n"
			    "E: q.csv:2: shown\n"
			    "W: q.csv:3: warning: printed\n");
	assert_int_equal(ibm_diag_warnings(), w0 + 2);
	msgs_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_format),
		cmocka_unit_test(t_format_conversions),
		cmocka_unit_test(t_long_message),
		cmocka_unit_test(t_quiet),
		cmocka_unit_test(t_die),
		cmocka_unit_test(t_memory),
		cmocka_unit_test(t_nomem),
	};
	int rc;

	msgs_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	tmp_cleanup();
	return rc;
}
