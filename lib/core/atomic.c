/* atomic.c - output files written to a temporary file, then renamed. */
#define _POSIX_C_SOURCE 200809L
#include "ibmkit.h"
#include "port.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ibm_atomic {
	char *path;
	char *tmp;
	FILE *fp;
	int done;
	ibm_atomic *next;
};

/* Unfinished outputs, for the exit and signal handlers. */
static ibm_atomic *pending;
static volatile sig_atomic_t handlers_set;

static void remove_pending(void)
{
	for (ibm_atomic *a = pending; a; a = a->next)
		if (!a->done && a->tmp)
			ibm_unlink(a->tmp);
}

static void on_signal(int sig)
{
	remove_pending(); /* unlink is async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void set_handlers(void)
{
	if (handlers_set)
		return;
	handlers_set = 1;
	atexit(remove_pending);
	ibm_catch_signals(on_signal);
}

ibm_atomic *ibm_atomic_open(const char *path)
{
	ibm_atomic *a;
	const char *base = ibm_path_base(path);
	size_t dirlen = (size_t)(base - path);
	int fd;

	if (*base == '\0')
		ibm_die(IBM_EX_CANTCREAT, path, 0, "cannot create: %s",
			strerror(EISDIR));
	set_handlers();
	a = ibm_xcalloc(1, sizeof *a);
	a->path = ibm_xstrdup(path);
	a->tmp = ibm_xmalloc(dirlen + strlen(base) + 16);
	memcpy(a->tmp, path, dirlen);
	sprintf(a->tmp + dirlen, ".%s.XXXXXX", base);
	/* Linked before the file exists, so that a signal between mkstemp
	 * and the link cannot leave it behind. */
	a->next = pending;
	pending = a;
	fd = ibm_mkstemp(a->tmp);
	if (fd < 0) {
		int e = errno;

		a->done = 1;
		ibm_die(IBM_EX_CANTCREAT, path, 0, "cannot create: %s",
			strerror(e));
	}
	close(fd);
	return a;
}

FILE *ibm_atomic_fp(ibm_atomic *a)
{
	if (!a->fp) {
		a->fp = ibm_fopen_temp(a->tmp);
		if (!a->fp)
			ibm_die_errno(IBM_EX_CANTCREAT, a->path, "cannot create");
	}
	return a->fp;
}

const char *ibm_atomic_tmppath(const ibm_atomic *a)
{
	return a->tmp;
}

const char *ibm_atomic_path(const ibm_atomic *a)
{
	return a->path;
}

static void unlink_from_pending(ibm_atomic *a)
{
	for (ibm_atomic **p = &pending; *p; p = &(*p)->next)
		if (*p == a) {
			*p = a->next;
			break;
		}
}

static void atomic_free(ibm_atomic *a)
{
	unlink_from_pending(a);
	free(a->path);
	free(a->tmp);
	free(a);
}

void ibm_atomic_commit(ibm_atomic *a)
{
	if (a->fp) {
		int err = ferror(a->fp);

		if (fflush(a->fp) != 0 || err || ibm_fsync(fileno(a->fp)) != 0) {
			int e = errno ? errno : EIO;

			fclose(a->fp);
			a->fp = NULL;
			errno = e;
			ibm_die_errno(IBM_EX_IOERR, a->path, "write error");
		}
		if (fclose(a->fp) != 0) {
			a->fp = NULL;
			ibm_die_errno(IBM_EX_IOERR, a->path, "write error");
		}
		a->fp = NULL;
	}
	/* mkstemp made it 0600; give it the mode a new file would have. */
	ibm_set_new_file_mode(a->tmp);
	if (ibm_rename(a->tmp, a->path) != 0)
		ibm_die_errno(IBM_EX_CANTCREAT, a->path, "cannot create");
	a->done = 1;
	atomic_free(a);
}

void ibm_atomic_abort(ibm_atomic *a)
{
	if (a->fp)
		fclose(a->fp);
	ibm_unlink(a->tmp);
	a->done = 1;
	atomic_free(a);
}
