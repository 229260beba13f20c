/* test_atomic.c - output files through a temporary file and rename. */
#include "unit.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/sysmacros.h>

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

/* A symbolic link: the file it names is replaced in its own directory,
 * the link stays. */
static void t_symlink(void **state)
{
	char dbuf[4400], rbuf[4400], link[8800], real[8800];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "links");
	const char *r = fresh_dir(rbuf, sizeof rbuf, "real");
	ibm_atomic *a;
	struct stat st;
	char *s;

	(void)state;
	snprintf(real, sizeof real, "%s/data.csv", r);
	snprintf(link, sizeof link, "%s/data.csv", d);
	tmp_write("real/data.csv", "lama\n", 5);
	assert_int_equal(symlink("../real/data.csv", link), 0);
	a = ibm_atomic_open(link);
	assert_int_equal(ibm_atomic_direct(a), 0);
	/* the temporary file is next to the real file */
	assert_non_null(strstr(ibm_atomic_tmppath(a),
			       "/real/.data.csv.ibmkit-"));
	assert_int_equal(dir_count(r), 2);
	fputs("baru\n", ibm_atomic_fp(a));
	ibm_atomic_commit(a);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	s = slurp(real, NULL);
	assert_string_equal(s, "baru\n");
	free(s);
	assert_int_equal(dir_count(d), 1);
	assert_int_equal(dir_count(r), 1);
	/* a chain of links, and a dangling one that names a new file */
	snprintf(target, sizeof target, "%s/chain", d);
	assert_int_equal(symlink("data.csv", target), 0);
	snprintf(link, sizeof link, "%s/new", d);
	assert_int_equal(symlink("../real/new.csv", link), 0);
	a = ibm_atomic_open(target);
	fputs("rantai\n", ibm_atomic_fp(a));
	ibm_atomic_finish(a);
	a = ibm_atomic_open(link);
	fputs("anyar\n", ibm_atomic_fp(a));
	ibm_atomic_commit_all();
	s = slurp(real, NULL);
	assert_string_equal(s, "rantai\n");
	free(s);
	snprintf(real, sizeof real, "%s/new.csv", r);
	s = slurp(real, NULL);
	assert_string_equal(s, "anyar\n");
	free(s);
	assert_int_equal(dir_count(d), 3);
	assert_int_equal(dir_count(r), 2);
}

static void child_open_loop(void *path)
{
	ibm_atomic_open(path);
	exit(0);
}

static void t_symlink_loop(void **state)
{
	char dbuf[4400], p[8800];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "loop");
	char *s;

	(void)state;
	snprintf(p, sizeof p, "%s/a", d);
	assert_int_equal(symlink("a", p), 0);
	assert_int_equal(run_child(child_open_loop, p, tmp_path("err")), 73);
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "/a: cannot create: Too many levels of "
			       "symbolic links\n"));
	free(s);
}

/* A FIFO is written directly and stays a FIFO; a library that writes by
 * name gets a scratch file that is copied to it. */
static void t_fifo(void **state)
{
	char dbuf[4400], fifo[8800];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "fifo");
	struct stat st;
	pid_t pid;
	int ws;

	(void)state;
	snprintf(fifo, sizeof fifo, "%s/pipe", d);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	for (int byname = 0; byname < 2; byname++) {
		char got[64] = "";

		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			FILE *in = fopen(fifo, "rb");
			size_t n = fread(got, 1, sizeof got - 1, in);

			got[n] = '\0';
			exit(strcmp(got, "halo\n") == 0 ? 0 : 1);
		}
		{
			ibm_atomic *a = ibm_atomic_open(fifo);

			assert_int_equal(ibm_atomic_direct(a), 1);
			if (byname) {
				const char *t = ibm_atomic_tmppath(a);
				FILE *fp = fopen(t, "wb");

				/* in TMPDIR, not next to the FIFO */
				assert_int_not_equal(strncmp(t, d, strlen(d)),
						     0);
				fputs("halo\n", fp);
				fclose(fp);
			} else {
				fputs("halo\n", ibm_atomic_fp(a));
			}
			ibm_atomic_commit_all();
		}
		assert_int_equal(waitpid(pid, &ws, 0), pid);
		assert_true(WIFEXITED(ws));
		assert_int_equal(WEXITSTATUS(ws), 0);
		assert_int_equal(lstat(fifo, &st), 0);
		assert_true(S_ISFIFO(st.st_mode));
		assert_int_equal(dir_count(d), 1);
	}
}

/* "-" is standard output, written directly. */
static void child_dash(void *arg)
{
	ibm_atomic *a = ibm_atomic_open("-");

	(void)arg;
	if (!ibm_atomic_direct(a) || ibm_atomic_fp(a) != stdout)
		exit(2);
	fputs("ke stdout\n", ibm_atomic_fp(a));
	/* a name of the descriptor (as /dev/stdout is): the same stream */
	a = ibm_atomic_open(tmp_path("so"));
	if (!ibm_atomic_direct(a) || ibm_atomic_fp(a) != stdout)
		exit(3);
	fputs("lewat nama\n", ibm_atomic_fp(a));
	ibm_close_stdout();
	exit(0);
}

static void t_dash(void **state)
{
	int fd = open(tmp_path("dash.out"), O_WRONLY | O_CREAT | O_TRUNC,
		      0666);
	int saved = dup(1);
	char *s;

	(void)state;
	assert_int_equal(symlink("/proc/self/fd/1", tmp_path("so")), 0);
	fflush(stdout);
	dup2(fd, 1);
	close(fd);
	assert_int_equal(run_child(child_dash, NULL, NULL), 0);
	dup2(saved, 1);
	close(saved);
	s = slurp(tmp_path("dash.out"), NULL);
	assert_string_equal(s, "ke stdout\nlewat nama\n");
	free(s);
	assert_int_equal(access(tmp_path("-"), F_OK), -1);
}

/* Several outputs: none is in place until every one is finished and
 * ibm_atomic_commit_all runs. */
static void t_commit_all(void **state)
{
	char dbuf[4400], p[3][8800];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "all");
	ibm_atomic *a[3];
	char *s;

	(void)state;
	tmp_write("all/b.csv", "lama\n", 5);
	for (int i = 0; i < 3; i++) {
		snprintf(p[i], sizeof p[i], "%s/%c.csv", d, 'a' + i);
		a[i] = ibm_atomic_open(p[i]);
		fprintf(ibm_atomic_fp(a[i]), "isi %d\n", i);
	}
	ibm_atomic_finish(a[0]);
	ibm_atomic_finish(a[0]); /* twice is harmless */
	ibm_atomic_finish(a[1]);
	assert_int_equal(dir_count(d), 4); /* b.csv and three temporary */
	s = slurp(p[1], NULL);
	assert_string_equal(s, "lama\n");
	free(s);
	ibm_atomic_commit_all(); /* finishes a[2] too */
	assert_int_equal(dir_count(d), 3);
	for (int i = 0; i < 3; i++) {
		char want[32];

		snprintf(want, sizeof want, "isi %d\n", i);
		s = slurp(p[i], NULL);
		assert_string_equal(s, want);
		free(s);
	}
	ibm_atomic_commit_all(); /* nothing left: harmless */
}

/* A write error in the last output: the earlier ones, complete, are not
 * put in place either; old files stay; no temporary file is left. */
static void child_all_or_nothing(void *arg)
{
	char p[3][8800];
	ibm_atomic *a[3];

	for (int i = 0; i < 3; i++) {
		snprintf(p[i], sizeof p[i], "%s/%c.csv", (char *)arg, 'a' + i);
		a[i] = ibm_atomic_open(p[i]);
		fprintf(ibm_atomic_fp(a[i]), "isi %d\n", i);
		ibm_atomic_finish(a[i]);
	}
	ibm_atomic_commit_all();
	exit(0);
}

static void t_all_or_nothing(void **state)
{
	char dbuf[4400];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "aon");
	char *s;

	(void)state;
	tmp_write("aon/a.csv", "lama\n", 5);
	setenv("IBMKIT_TEST_FAIL_OUTPUT", "c.csv", 1);
	assert_int_equal(run_child(child_all_or_nothing, (void *)d,
				   tmp_path("err")), 74);
	unsetenv("IBMKIT_TEST_FAIL_OUTPUT");
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "/aon/c.csv: write error: No space left on "
			       "device\n"));
	free(s);
	assert_int_equal(dir_count(d), 1);
	s = slurp(tmp_path("aon/a.csv"), NULL);
	assert_string_equal(s, "lama\n");
	free(s);
	/* and without the failure, all three */
	assert_int_equal(run_child(child_all_or_nothing, (void *)d, NULL), 0);
	assert_int_equal(dir_count(d), 3);
}

/* A rename that fails in the middle of the commit (IBMKIT_TEST_FAIL_RENAME,
 * as over a bind-mounted file): the outputs already renamed are put back,
 * the old files (their other hard links too) are as they were, no
 * temporary or backup file is left, the new ones are gone. */
static void t_rollback(void **state)
{
	char dbuf[4400], other[4500], p[3][8800];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "rollback");
	struct stat before, after;
	char *s;

	(void)state;
	tmp_write("rollback/a.csv", "lama a\n", 7);
	tmp_write("rollback/c.csv", "lama c\n", 7);
	snprintf(other, sizeof other, "%s/a-link", d);
	assert_int_equal(link(tmp_path("rollback/a.csv"), other), 0);
	assert_int_equal(stat(tmp_path("rollback/a.csv"), &before), 0);
	for (int i = 0; i < 3; i++)
		snprintf(p[i], sizeof p[i], "%s/%c.csv", d, 'a' + i);
	setenv("IBMKIT_TEST_FAIL_RENAME", "c.csv", 1);
	assert_int_equal(run_child(child_all_or_nothing, (void *)d,
				   tmp_path("err")), 73);
	unsetenv("IBMKIT_TEST_FAIL_RENAME");
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "/rollback/c.csv: cannot replace: Device or "
			       "resource busy; no file was changed\n"));
	free(s);
	assert_int_equal(dir_count(d), 3); /* a, a-link, c */
	s = slurp(p[0], NULL);
	assert_string_equal(s, "lama a\n");
	free(s);
	s = slurp(p[2], NULL);
	assert_string_equal(s, "lama c\n");
	free(s);
	assert_null(slurp(p[1], NULL));
	/* the very file, not a copy */
	assert_int_equal(stat(p[0], &after), 0);
	assert_int_equal(before.st_ino, after.st_ino);
	assert_int_equal(after.st_nlink, 2);
}

/* A file held open and locked (the register): where the rename fails it
 * is written in place, the same file; the other outputs renamed. */
static void child_in_place(void *arg)
{
	char p[2][8800];
	ibm_atomic *a;

	snprintf(p[0], sizeof p[0], "%s/reg.csv", (char *)arg);
	snprintf(p[1], sizeof p[1], "%s/out.csv", (char *)arg);
	a = ibm_atomic_open(p[1]);
	fputs("keluaran\n", ibm_atomic_fp(a));
	a = ibm_atomic_open_locked(p[0]);
	fputs("no\n1\n2\n", ibm_atomic_fp(a));
	if (getenv("FULL_AFTER")) {
		/* the disk full while it is written in place: no file of
		 * more than 400 bytes (the message fits) */
		struct rlimit rl = { 400, 400 };

		for (int i = 0; i < 50; i++)
			fputs("0123456789\n", ibm_atomic_fp(a));

		ibm_atomic_finish(a);
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
	}
	ibm_atomic_commit_all();
	exit(0);
}

static void t_in_place(void **state)
{
	char dbuf[4400], reg[8800];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "inplace");
	struct stat before, after;
	char *s;

	(void)state;
	tmp_write("inplace/reg.csv", "no\n1\n", 5);
	snprintf(reg, sizeof reg, "%s/reg.csv", d);
	assert_int_equal(stat(reg, &before), 0);
	setenv("IBMKIT_TEST_FAIL_RENAME", "reg.csv", 1);
	assert_int_equal(run_child(child_in_place, (void *)d, NULL), 0);
	unsetenv("IBMKIT_TEST_FAIL_RENAME");
	s = slurp(reg, NULL);
	assert_string_equal(s, "no\n1\n2\n");
	free(s);
	assert_int_equal(stat(reg, &after), 0);
	assert_int_equal(before.st_ino, after.st_ino);
	assert_int_equal(dir_count(d), 2);
	/* the write in place fails (a full disk): the register is put back
	 * and the output renamed before it too */
	tmp_write("inplace/reg.csv", "no\n1\n", 5);
	tmp_write("inplace/out.csv", "lama\n", 5);
	setenv("IBMKIT_TEST_FAIL_RENAME", "reg.csv", 1);
	setenv("FULL_AFTER", "1", 1);
	assert_int_equal(run_child(child_in_place, (void *)d, tmp_path("err")),
			 74);
	unsetenv("FULL_AFTER");
	unsetenv("IBMKIT_TEST_FAIL_RENAME");
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "/reg.csv: write error: File too large; no "
			       "file was changed\n"));
	free(s);
	s = slurp(reg, NULL);
	assert_string_equal(s, "no\n1\n");
	free(s);
	s = slurp(tmp_path("inplace/out.csv"), NULL);
	assert_string_equal(s, "lama\n");
	free(s);
	assert_int_equal(dir_count(d), 2);
}

/* A file made ahead of the outputs (a new register) is removed when the
 * run fails, or commits nothing into it; kept when an output replaced
 * it. */
static void child_made(void *arg)
{
	char p[8800];
	const char *mode = arg;
	ibm_atomic *a;

	snprintf(p, sizeof p, "%s/made/reg.csv", tmp_dir());
	close(open(p, O_CREAT | O_WRONLY, 0666));
	ibm_out_made_file(p);
	if (*mode == 'f')
		ibm_die(65, NULL, 0, "gagal");
	if (*mode == 'c') {
		a = ibm_atomic_open_locked(p);
		fputs("baru\n", ibm_atomic_fp(a));
	}
	ibm_atomic_commit_all();
	exit(0);
}

static void t_made_file(void **state)
{
	char dbuf[4400];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "made");
	char *s;

	(void)state;
	assert_int_equal(run_child(child_made, (void *)"fail", DEVNULL), 65);
	assert_int_equal(dir_count(d), 0);
	assert_int_equal(run_child(child_made, (void *)"nothing", NULL), 0);
	assert_int_equal(dir_count(d), 0);
	assert_int_equal(run_child(child_made, (void *)"commit", NULL), 0);
	assert_int_equal(dir_count(d), 1);
	s = slurp(tmp_path("made/reg.csv"), NULL);
	assert_string_equal(s, "baru\n");
	free(s);
}

/* One file under two names is refused (64) when the second is opened. */
static void child_twice(void *arg)
{
	char p[8800], q[8800];

	snprintf(p, sizeof p, "%s/x.csv", (char *)arg);
	snprintf(q, sizeof q, "%s/./sub/../x.csv", (char *)arg);
	ibm_atomic_open(p);
	ibm_atomic_open(q);
	exit(0);
}

static void t_twice(void **state)
{
	char dbuf[4400], sub[4500];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "twice");
	char *s;

	(void)state;
	snprintf(sub, sizeof sub, "%s/sub", d);
	mkdir(sub, 0777);
	assert_int_equal(run_child(child_twice, (void *)d, tmp_path("err")),
			 64);
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "/sub/../x.csv: is written twice in this run "
			       "(also as "));
	free(s);
	assert_int_equal(dir_count(d), 1);
}

/* A replaced file keeps its permission bits; a new one gets the umask's. */
static void t_mode_kept(void **state)
{
	static const mode_t modes[] = { 0600, 0444, 0640, 0755 };
	char dbuf[4400];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "mode");
	struct stat st;
	mode_t mask = umask(027);

	(void)state;
	set_target(d, "x.csv");
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		ibm_atomic *a;

		unlink(target);
		tmp_write("mode/x.csv", "lama\n", 5);
		assert_int_equal(chmod(target, modes[i]), 0);
		a = ibm_atomic_open(target);
		fputs("baru\n", ibm_atomic_fp(a));
		ibm_atomic_commit(a);
		assert_int_equal(stat(target, &st), 0);
		assert_int_equal(st.st_mode & 07777, modes[i]);
	}
	unlink(target);
	ibm_atomic_commit(ibm_atomic_open(target));
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	umask(mask);
	/* the owner, where the process may set it */
	if (geteuid() == 0) {
		ibm_atomic *a;

		assert_int_equal(chown(target, 1, 2), 0);
		a = ibm_atomic_open(target);
		fputs("baru\n", ibm_atomic_fp(a));
		ibm_atomic_commit(a);
		assert_int_equal(stat(target, &st), 0);
		assert_int_equal(st.st_uid, 1);
		assert_int_equal(st.st_gid, 2);
	}
}

/* Leftovers of killed runs are removed by the next run writing the same
 * file; those of a live process or of another file are not. */
static void t_leftovers(void **state)
{
	char dbuf[4400], live[64];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "left");
	ibm_atomic *a;

	(void)state;
	tmp_write("left/.x.csv.ibmkit-999999999-AbCdEf", "", 0);
	tmp_write("left/.x.csv.ibmkit-999999998-AbCdEf", "", 0);
	snprintf(live, sizeof live, "left/.x.csv.ibmkit-%ld-AbCdEf",
		 (long)getppid());
	tmp_write(live, "", 0);
	tmp_write("left/.y.csv.ibmkit-999999999-AbCdEf", "", 0);
	tmp_write("left/.x.csv.ibmkit-999999999-short", "", 0);
	tmp_write("left/.x.csv.bak", "", 0);
	set_target(d, "x.csv");
	a = ibm_atomic_open(target);
	ibm_atomic_commit(a);
	/* live, y's, the short one, .bak and x.csv */
	assert_int_equal(dir_count(d), 5);
	assert_int_equal(access(tmp_path("left/.x.csv.ibmkit-999999999-AbCdEf"),
				F_OK), -1);
	assert_int_equal(access(tmp_path(live), F_OK), 0);
}

/* A name too long for a temporary file of its own: the temporary name is
 * shortened, the output keeps its name. */
static void t_long_name(void **state)
{
	char dbuf[4400], base[256];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "long");
	const char *slash;
	ibm_atomic *a;

	(void)state;
	memset(base, 'n', 250);
	memcpy(base + 246, ".csv", 5);
	set_target(d, base);
	a = ibm_atomic_open(target);
	slash = strrchr(ibm_atomic_tmppath(a), '/');
	assert_true(strlen(slash + 1) <= 255);
	assert_non_null(strstr(slash + 1, ".ibmkit-"));
	fputs("x", ibm_atomic_fp(a));
	ibm_atomic_commit(a);
	assert_int_equal(access(target, F_OK), 0);
	assert_int_equal(dir_count(d), 1);
}

static void child_open_dev(void *path)
{
	ibm_atomic_open(path);
	exit(0);
}

/* A block device is refused (only where root may make one privately). */
static void t_block_device(void **state)
{
	char dbuf[4400], p[8800];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "blk");
	char *s;

	(void)state;
	snprintf(p, sizeof p, "%s/disk", d);
	if (mknod(p, S_IFBLK | 0600, makedev(7, 0)) != 0) {
		print_message("# skipped: cannot make a block device\n");
		return;
	}
	assert_int_equal(run_child(child_open_dev, p, tmp_path("err")), 73);
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "/blk/disk: cannot create: a block device "
			       "is never written\n"));
	free(s);
}

/* Output names: formats and inputs. */
static void child_open_input(void *path)
{
	ibm_atomic_open(path);
	exit(0);
}

static void t_out_check(void **state)
{
	char dbuf[4400], in[8800], link[8800], other[8800];
	const char *d = fresh_dir(dbuf, sizeof dbuf, "check");
	char *s;

	(void)state;
	assert_int_equal(ibm_fmt_of_name("a.csv"), IBM_FMT_CSV);
	assert_int_equal(ibm_fmt_of_name("dir/A.XLSX"), IBM_FMT_XLSX);
	assert_int_equal(ibm_fmt_of_name("a.ods"), IBM_FMT_XLSX);
	assert_int_equal(ibm_fmt_of_name("a.htm"), IBM_FMT_HTML);
	assert_int_equal(ibm_fmt_of_name("a.pdf"), IBM_FMT_PDF);
	assert_int_equal(ibm_fmt_of_name("a.docx"), IBM_FMT_DOCX);
	assert_int_equal(ibm_fmt_of_name("a.txt"), IBM_FMT_ANY);
	assert_int_equal(ibm_fmt_of_name("noext"), IBM_FMT_ANY);
	assert_int_equal(ibm_fmt_of_name(".csv"), IBM_FMT_ANY);
	assert_int_equal(ibm_fmt_of_name("dir/.csv"), IBM_FMT_ANY);
	quiet_begin(); /* the errors are checked through the hook */
	msgs_reset();
	assert_int_equal(ibm_out_check("--summary", "x.xlsx", IBM_FMT_CSV),
			 -1);
	assert_string_equal(msgs_all(), "E: --summary writes CSV, but the "
			    "name x.xlsx ends in .xlsx\n");
	assert_int_equal(ibm_out_check("--report", "x.txt", IBM_FMT_XLSX), 0);
	assert_int_equal(ibm_out_check("-o", "-", IBM_FMT_XLSX), 0);
	assert_int_equal(ibm_out_check("--items", "-", IBM_FMT_CSV), 0);
	/* an input, by another name */
	snprintf(in, sizeof in, "%s/in.csv", d);
	snprintf(link, sizeof link, "%s/link.csv", d);
	snprintf(other, sizeof other, "%s/./in.csv", d);
	tmp_write("check/in.csv", "a\n1\n", 4);
	assert_int_equal(symlink("in.csv", link), 0);
	ibm_out_note_input(in);
	ibm_out_note_input("-");
	msgs_reset();
	assert_int_equal(ibm_out_check("--summary", link, IBM_FMT_CSV), -1);
	assert_non_null(strstr(msgs_all(), "link.csv is an input of this run ("));
	assert_int_equal(ibm_out_check("--summary", other, IBM_FMT_CSV), -1);
	/* two outputs, new files */
	snprintf(other, sizeof other, "%s/out.csv", d);
	assert_int_equal(ibm_out_check("--summary", other, IBM_FMT_CSV), 0);
	msgs_reset();
	assert_int_equal(ibm_out_check("--items", other, IBM_FMT_CSV), -1);
	assert_non_null(strstr(msgs_all(), "out.csv is also written by "
			       "--summary\n"));
	quiet_end();
	/* a FIFO may be named twice */
	snprintf(other, sizeof other, "%s/pipe", d);
	assert_int_equal(mkfifo(other, 0600), 0);
	assert_int_equal(ibm_out_check("--summary", other, IBM_FMT_CSV), 0);
	assert_int_equal(ibm_out_check("--items", other, IBM_FMT_CSV), 0);
	/* an output opened later (a template's) that is an input */
	assert_int_equal(run_child(child_open_input, link, tmp_path("err")),
			 64);
	s = slurp(tmp_path("err"), NULL);
	assert_non_null(strstr(s, "link.csv: is an input of this run ("));
	free(s);
	s = slurp(in, NULL);
	assert_string_equal(s, "a\n1\n");
	free(s);
	assert_int_equal(ibm_out_exists(link), 1);
	assert_int_equal(ibm_out_exists(tmp_path("check/none")), 0);
	msgs_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_commit),
		cmocka_unit_test(t_abort),
		cmocka_unit_test(t_unfinished),
		cmocka_unit_test(t_cannot_create),
		cmocka_unit_test(t_symlink),
		cmocka_unit_test(t_symlink_loop),
		cmocka_unit_test(t_fifo),
		cmocka_unit_test(t_dash),
		cmocka_unit_test(t_commit_all),
		cmocka_unit_test(t_all_or_nothing),
		cmocka_unit_test(t_rollback),
		cmocka_unit_test(t_in_place),
		cmocka_unit_test(t_made_file),
		cmocka_unit_test(t_twice),
		cmocka_unit_test(t_mode_kept),
		cmocka_unit_test(t_leftovers),
		cmocka_unit_test(t_long_name),
		cmocka_unit_test(t_block_device),
		cmocka_unit_test(t_out_check),
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
