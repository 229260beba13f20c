/*
 * fuzz_db_file.c - ibm-db's readers on a database file of any content:
 * the input is written to a file, opened as `ibm-db -D FILE` opens it
 * (db_open), and read by every list (without and with filters), check,
 * history of a person and of a unit, find, and ibm-monev --db's reader
 * of the visits.
 *
 * The readers end the run with exit() on a file they refuse (ibm_die,
 * db_fail), so each input is read in a fork()ed child: an exit with 0 or
 * a sysexits status (64-78) is a good end, anything else (a signal, a
 * sanitizer's report and exit status) is a crash, and the parent aborts
 * on it so that the fuzzer keeps the input. The coverage a child collects
 * stays in the child: an input the child read to its end is read once
 * more in the parent, so that the fuzzer sees the paths of the files that
 * are read (a refused file's paths are the first checks of db_open).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *null;

/* ibm-monev --db's reader: every value of a visit looked at */
static void visit(const db_visit *v, void *arg)
{
	size_t *n = arg;

	for (size_t i = 0; i < v->nval; i++)
		*n += strlen(v->col[i]) + strlen(v->val[i]);
	*n += strlen(v->periode) + strlen(v->fase) + strlen(v->id[0]);
}
static char dir[64], path[96], err[96];
static pid_t owner; /* the process that made dir (not a child) */

/* Every reader on the file at path; returns when all have read it. */
static void read_all(void)
{
	static const db_filter none, some = { 2024, "2024-S1", "BNNK Sumbawa",
					      "Sumbawa" };
	db_file *d = db_open(path, DB_READ, 0);
	static const char skip[1][16] = { "2024-S2" };
	db_rows *t;
	size_t n = 0;

	for (int l = 0; l < DB_NLISTS; l++) {
		t = db_rows_list(d, l, &none);
		db_rows_csv(t, null, l & 1);
		db_rows_free(t);
		t = db_rows_list(d, l, &some);
		db_rows_csv(t, null, 0);
		db_rows_free(t);
	}
	db_check(d, null, 0);
	t = db_rows_history_person(d, "Siti Rahmawati");
	db_rows_csv(t, null, 0);
	db_rows_free(t);
	t = db_rows_history_unit(d, "IBM Goa Sehat");
	db_rows_csv(t, null, 0);
	db_rows_free(t);
	t = db_rows_find(d, "SERT/001/VI/RH.00.00/2024/BNNK-SBW");
	db_rows_csv(t, null, 0);
	db_rows_free(t);
	db_each_visit(d, "2025-S1", skip, 1, visit, &n);
	db_commit(d);
}

/* The file and what SQLite may leave beside it, removed. */
static void clean(void)
{
	static const char *const ext[] = { "", "-journal", "-wal", "-shm" };
	char p[128];

	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		snprintf(p, sizeof p, "%s%s", path, ext[i]);
		unlink(p);
	}
}

static void tmp_dir_remove(void)
{
	if (getpid() != owner)
		return; /* a child that exits */
	clean();
	unlink(err);
	rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp;
	pid_t pid;
	int st;

	if (size > 1 << 20)
		return 0;
	if (!*dir) {
		const char *tmp = getenv("TMPDIR");

		snprintf(dir, sizeof dir, "%s/fuzz_db_file.XXXXXX",
			 tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
		if (!mkdtemp(dir))
			abort();
		snprintf(path, sizeof path, "%s/in.sqlite", dir);
		snprintf(err, sizeof err, "%s/stderr", dir);
		owner = getpid();
		atexit(tmp_dir_remove);
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		null = fopen("/dev/null", "w");
		if (!null)
			abort();
	}
	clean();
	fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0) {
		/* the readers' messages (and a sanitizer's report): not the
		 * fuzzer's output, shown when the child crashed */
		if (!freopen(err, "w", stderr))
			_exit(70);
		read_all();
		_exit(0);
	}
	while (waitpid(pid, &st, 0) != pid)
		if (errno != EINTR) /* libFuzzer's timer */
			abort();
	if (WIFSIGNALED(st) || !WIFEXITED(st) ||
	    (WEXITSTATUS(st) != 0 &&
	     (WEXITSTATUS(st) < 64 || WEXITSTATUS(st) > 78))) {
		char buf[4096];
		size_t k;

		fp = fopen(err, "r");
		while (fp && (k = fread(buf, 1, sizeof buf, fp)) > 0)
			fwrite(buf, 1, k, stderr);
		fprintf(stderr, "fuzz_db_file: the readers ended with %s %d\n",
			WIFSIGNALED(st) ? "signal" : "status",
			WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
		abort();
	}
	if (WEXITSTATUS(st) == 0) {
		/* read to its end: once more here, for the coverage */
		clean();
		fp = fopen(path, "wb");
		if (!fp || fwrite(data, 1, size, fp) != size ||
		    fclose(fp) != 0)
			abort();
		read_all();
	}
	clean();
	return 0;
}
