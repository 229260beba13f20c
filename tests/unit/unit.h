/*
 * unit.h - helpers shared by the cmocka unit tests (tests/unit/test_*.c).
 *
 * Each test binary includes this once: captured diagnostics (through
 * ibm_diag_set_hook), stderr silenced around calls that print on purpose,
 * temporary files, and running a function in a child to see its exit
 * status.
 *
 * The same tests run on Windows (make check-windows, under Wine): there
 * run_child skips the test calling it (no fork), and the rest is plain
 * C, dirent and the port module (lib/core/port.h).
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#ifdef _WIN32
#define DEVNULL "NUL"
#else
#include <sys/wait.h>
#define DEVNULL "/dev/null"
#endif

#include "event.h"
#include "ibmkit.h"
#include "port.h"

/* ------------------------------------------------ captured diagnostics */

#define MAXMSG 64
static struct {
	int n;
	int is_error[MAXMSG];
	char *text[MAXMSG];
} msgs;

void msgs_reset(void)
{
	for (int i = 0; i < msgs.n && i < MAXMSG; i++)
		free(msgs.text[i]);
	msgs.n = 0;
}

static void msgs_hook(int is_error, const char *msg, void *data)
{
	(void)data;
	if (msgs.n < MAXMSG) {
		msgs.is_error[msgs.n] = is_error;
		msgs.text[msgs.n] = ibm_xstrdup(msg);
	}
	msgs.n++;
}

void msgs_init(void)
{
	ibm_diag_init("ibm-test");
	ibm_diag_set_hook(msgs_hook, NULL);
}

/* All captured messages, one a line ("E: " or "W: " first). */
const char *msgs_all(void)
{
	static char buf[8192];
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < msgs.n && i < MAXMSG; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s: %s\n",
				      msgs.is_error[i] ? "E" : "W",
				      msgs.text[i]);
	return buf;
}

/* ----------------------------------------------------- quiet stderr */

static int saved_stderr = -1;

void quiet_begin(void)
{
	int fd = open(DEVNULL, O_WRONLY);

	fflush(stderr);
	saved_stderr = dup(2);
	dup2(fd, 2);
	close(fd);
}

void quiet_end(void)
{
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	saved_stderr = -1;
}

/* ------------------------------------------------------ temp files */

static char tmpdir_path[4096];

/* A fresh directory for this test binary (removed by tmp_cleanup). */
const char *tmp_dir(void)
{
	if (!tmpdir_path[0]) {
		const char *t = ibm_tmpdir();
		int fd;

		/* a unique name from mkstemp, made a directory */
		snprintf(tmpdir_path, sizeof tmpdir_path, "%s/ibmunit.XXXXXX",
			 t ? t : "/tmp");
		fd = ibm_mkstemp(tmpdir_path);
		if (fd < 0)
			abort();
		close(fd);
		if (ibm_unlink(tmpdir_path) != 0 || ibm_mkdir(tmpdir_path) != 0)
			abort();
	}
	return tmpdir_path;
}

/* Path of NAME in the test directory (static buffer, 4 in rotation). */
const char *tmp_path(const char *name)
{
	static char buf[4][4200];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmp_dir(), name);
	return buf[k];
}

/* Write len bytes to NAME in the test directory; returns its path. */
const char *tmp_write(const char *name, const void *data, size_t len)
{
	const char *p = tmp_path(name);
	FILE *fp = fopen(p, "wb");

	if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
		abort();
	return p;
}

/* Read a whole file into a malloc'd NUL-terminated buffer. */
char *slurp(const char *path, size_t *lenp)
{
	FILE *fp = fopen(path, "rb");
	char *b = NULL;
	size_t n = 0, cap = 0, k;

	if (!fp)
		return NULL;
	do {
		ibm_grow((void **)&b, &cap, n + 65536 + 1, 1);
		k = fread(b + n, 1, 65536, fp);
		n += k;
	} while (k > 0);
	fclose(fp);
	b[n] = '\0';
	if (lenp)
		*lenp = n;
	return b;
}

/* Number of entries in directory dir (temporary files left behind). */
int dir_count(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* rm -rf PATH; 0 or -1 */
static int remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	int r = 0;

	/* a symbolic link itself, not what it names (a loop, a dangling
	 * link, a link to a directory elsewhere) */
#ifdef _WIN32
	if (stat(path, &st) != 0)
		return ibm_unlink(path);
#else
	if (lstat(path, &st) != 0)
		return -1;
#endif
	if (!S_ISDIR(st.st_mode))
		return ibm_unlink(path);
	if (!(d = opendir(path)))
		return -1;
	while ((e = readdir(d))) {
		char sub[4400];

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		if (remove_tree(sub) != 0)
			r = -1;
	}
	closedir(d);
	return rmdir(path) == 0 ? r : -1;
}

void tmp_cleanup(void)
{
	if (!tmpdir_path[0])
		return;
	if (remove_tree(tmpdir_path) != 0)
		fprintf(stderr, "cannot remove %s\n", tmpdir_path);
	tmpdir_path[0] = '\0';
}

/* ------------------------------------------------------- event files */

/* The line at s (ending in '\n') has the key of the line at t. */
static int same_key(const char *s, const char *t)
{
	size_t n = strcspn(s, " =");

	return n == strcspn(t, " =") && strncmp(s, t, n) == 0;
}

static void add_line(ibm_str *b, const char *line)
{
	char *l = ibm_xstrndup(line, strcspn(line, "\n") + 1);

	ibm_str_add(b, l, NULL);
	free(l);
}

/*
 * The event file "ev.conf" made of BASE ("key = value" lines, each
 * ending in '\n') with the lines of CHANGE: each replaces the line of
 * BASE with its key, in its place (the messages name that line), or is
 * added at the end. Parsed without error (else abort); messages reset.
 */
ibm_event *event_with(const char *base, const char *change)
{
	ibm_str b = { 0 };
	ibm_event *ev = ibm_event_new();
	const char *p, *c;
	char *text;
	int rc, found;

	for (p = base; *p; p = strchr(p, '\n') + 1) {
		for (c = change; *c && !same_key(c, p); c = strchr(c, '\n') + 1)
			;
		add_line(&b, *c ? c : p);
	}
	for (c = change; *c; c = strchr(c, '\n') + 1) {
		for (p = base, found = 0; *p && !found; p = strchr(p, '\n') + 1)
			found = same_key(c, p);
		if (!found)
			add_line(&b, c);
	}
	text = ibm_str_take(&b);
	msgs_reset();
	rc = ibm_event_parse(ev, "ev.conf", text, strlen(text));
	free(text);
	if (rc != 0)
		abort();
	return ev;
}

/* -------------------------------------------------- child processes */

/*
 * Run fn(arg) in a child with stderr going to the file errpath (NULL:
 * /dev/null); returns the exit status, or 128+signal.
 */
#ifdef _WIN32
/* Called first by a test that redirects a stream before run_child. */
void need_child(void)
{
	skip(); /* no fork on Windows */
}

int run_child(void (*fn)(void *), void *arg, const char *errpath)
{
	(void)fn;
	(void)arg;
	(void)errpath;
	skip();
	return -1;
}
#else
void need_child(void)
{
}

int run_child(void (*fn)(void *), void *arg, const char *errpath)
{
	pid_t pid;
	int st;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0) {
		int fd = open(errpath ? errpath : DEVNULL,
			      O_WRONLY | O_CREAT | O_TRUNC, 0666);

		dup2(fd, 2);
		close(fd);
		fn(arg);
		exit(0);
	}
	if (waitpid(pid, &st, 0) != pid)
		abort();
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}
#endif

#endif
