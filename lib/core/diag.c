/* diag.c - messages on stderr, exit statuses, memory helpers. */
#define _POSIX_C_SOURCE 200809L
#include "ibmkit.h"
#include "port.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *progname = "ibmkit";
static int quiet, verbose;
static ibm_diag_hook hook;
static void *hook_data;
static size_t nwarnings;

void ibm_diag_init(const char *name)
{
	progname = name;
	ibm_port_init();
}

const char *ibm_progname(void)
{
	return progname;
}

void ibm_diag_set_quiet(int q)
{
	quiet = q;
}

void ibm_diag_set_verbose(int v)
{
	verbose = v;
}

int ibm_diag_verbose(void)
{
	return verbose;
}

void ibm_diag_set_hook(ibm_diag_hook h, void *data)
{
	hook = h;
	hook_data = data;
}

size_t ibm_diag_warnings(void)
{
	return nwarnings;
}

void ibm_vmsg(int is_error, const char *file, long line, const char *fmt,
	      va_list ap)
{
	char msg[4096];
	size_t n = 0;

	if (file && line > 0)
		n = (size_t)snprintf(msg, sizeof msg, "%s:%ld: ", file, line);
	else if (file)
		n = (size_t)snprintf(msg, sizeof msg, "%s: ", file);
	if (n < sizeof msg && !is_error)
		n += (size_t)snprintf(msg + n, sizeof msg - n, "warning: ");
	if (n < sizeof msg)
		vsnprintf(msg + n, sizeof msg - n, fmt, ap);
	if (is_error < 0) { /* a note */
		if (verbose) {
			fflush(stdout);
			fprintf(stderr, "%s: %s\n", progname, msg);
		}
		return;
	}
	if (!is_error)
		nwarnings++;
	if (hook)
		hook(is_error, msg, hook_data);
	if (is_error || !quiet) {
		fflush(stdout);
		fprintf(stderr, "%s: %s\n", progname, msg);
	}
}

void ibm_warn(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ibm_vmsg(0, file, line, fmt, ap);
	va_end(ap);
}

void ibm_note(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	if (!verbose)
		return;
	va_start(ap, fmt);
	ibm_vmsg(-1, file, line, fmt, ap);
	va_end(ap);
}

void ibm_error(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ibm_vmsg(1, file, line, fmt, ap);
	va_end(ap);
}

void ibm_die(int status, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ibm_vmsg(1, file, line, fmt, ap);
	va_end(ap);
	exit(status);
}

void ibm_die_errno(int status, const char *file, const char *fmt, ...)
{
	char buf[2048];
	int e = errno;
	va_list ap;

	ibm_pipe_closed_exit(e);
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	ibm_die(status, file, 0, "%s: %s", buf, strerror(e));
}

static _Noreturn void nomem(void)
{
	ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
}

void *ibm_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		nomem();
	return p;
}

void *ibm_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		nomem();
	return p;
}

void *ibm_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		nomem();
	return p;
}

char *ibm_xstrdup(const char *s)
{
	return ibm_xstrndup(s, strlen(s));
}

char *ibm_xstrndup(const char *s, size_t n)
{
	char *p = ibm_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ibm_xvfmt(const char *fmt, va_list ap)
{
	va_list again;
	int n;
	char *s;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	s = ibm_xmalloc(n > 0 ? (size_t)n + 1 : 1);
	vsnprintf(s, n > 0 ? (size_t)n + 1 : 1, fmt, again);
	va_end(again);
	return s;
}

char *ibm_xfmt(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = ibm_xvfmt(fmt, ap);
	va_end(ap);
	return s;
}

void ibm_grow(void **p, size_t *cap, size_t need, size_t sz)
{
	size_t c = *cap;

	if (need <= c)
		return;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / sz)
			nomem();
		c *= 2;
	}
	*p = ibm_xrealloc(*p, c * sz);
	*cap = c;
}

void ibm_close_stdout(void)
{
	int err = ferror(stdout);

	ibm_col_unused();
	/* the output files are renamed into place only when standard output
	 * has been written too */
	if (!err && fflush(stdout) != 0)
		err = 1;
	if (!err)
		ibm_atomic_commit_all();
	err |= ferror(stdout);
	if (fclose(stdout) != 0 || err) {
		if (err && errno == 0)
			errno = EIO;
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
	}
}
