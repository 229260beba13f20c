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

/* Held warnings (ibm_diag_hold): the lines as they will be written. */
static struct {
	int on, atexit_set;
	char *buf;
	size_t used;
} held;

#define HELD_SZ (64 * 1024)

static void held_write(void)
{
	if (held.used) {
		fwrite(held.buf, 1, held.used, stderr);
		fflush(stderr);
	}
	held.used = 0;
}

void ibm_diag_release(void)
{
	held_write();
	free(held.buf);
	held.buf = NULL;
	held.on = 0;
}

static void release_at_exit(void)
{
	if (held.on)
		ibm_diag_release();
}

void ibm_diag_hold(void)
{
	if (held.on)
		return;
	if (!held.atexit_set) {
		atexit(release_at_exit);
		held.atexit_set = 1;
	}
	fflush(stdout);
	held.buf = ibm_xmalloc(HELD_SZ);
	held.used = 0;
	held.on = 1;
}

/* "PROG: msg\n" to stderr, or to the held lines. */
static void put_line(const char *msg, size_t n)
{
	size_t pl = strlen(progname);

	if (!held.on) {
		fflush(stdout);
		fprintf(stderr, "%s: %s\n", progname, msg);
		return;
	}
	if (held.used + pl + n + 3 > HELD_SZ)
		held_write();
	if (pl + n + 3 > HELD_SZ) {
		fprintf(stderr, "%s: %s\n", progname, msg);
		return;
	}
	memcpy(held.buf + held.used, progname, pl);
	memcpy(held.buf + held.used + pl, ": ", 2);
	memcpy(held.buf + held.used + pl + 2, msg, n);
	held.buf[held.used + pl + 2 + n] = '\n';
	held.used += pl + n + 3;
}

/* s[0..len) at m[*n], as much as fits before m[size - 1]; *n grows by
 * len all the same (as snprintf counts). */
static void msg_put(char *m, size_t size, size_t *n, const char *s,
		    size_t len)
{
	if (*n < size - 1)
		memcpy(m + *n, s, len < size - 1 - *n ? len : size - 1 - *n);
	*n += len;
}

static void msg_num(char *m, size_t size, size_t *n, unsigned long long v,
		    int neg)
{
	char d[24];
	size_t k = sizeof d;

	if (neg)
		v = 0ULL - v; /* v was a negative number's two's complement */
	do
		d[--k] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	if (neg)
		d[--k] = '-';
	msg_put(m, size, n, d + k, sizeof d - k);
}

/* vsnprintf(m + n, size - n, fmt, ap) for the conversions that messages
 * use most (%s %d %u %ld %lu %zu %%, no flags, width or precision),
 * without printf's machinery; 0 when fmt has another (ap untouched:
 * then vsnprintf writes it). */
static int msg_fmt(char *m, size_t size, size_t n, const char *fmt,
		   va_list *ap)
{
	for (const char *f = fmt; (f = strchr(f, '%')) != NULL; f++) {
		f++;
		if (*f == 'l' || *f == 'z')
			f++;
		if (!*f || !strchr("sdu%", *f) ||
		    (f[-1] != '%' && *f != (f[-1] == 'z' ? 'u' : 'd') &&
		     *f != 'u'))
			return 0;
	}
	while (*fmt) {
		const char *pc = strchr(fmt, '%');
		size_t lit = pc ? (size_t)(pc - fmt) : strlen(fmt);

		msg_put(m, size, &n, fmt, lit);
		if (!pc)
			break;
		fmt = pc + 1;
		switch (*fmt) {
		case '%':
			msg_put(m, size, &n, "%", 1);
			break;
		case 's': {
			const char *a = va_arg(*ap, const char *);

			if (!a)
				a = "(null)";
			msg_put(m, size, &n, a, strlen(a));
			break;
		}
		case 'd': {
			long long v = va_arg(*ap, int);

			msg_num(m, size, &n, (unsigned long long)v, v < 0);
			break;
		}
		case 'u':
			msg_num(m, size, &n, va_arg(*ap, unsigned), 0);
			break;
		case 'l':
			fmt++;
			if (*fmt == 'u') {
				msg_num(m, size, &n, va_arg(*ap, unsigned long), 0);
			} else {
				long long v = va_arg(*ap, long);

				msg_num(m, size, &n, (unsigned long long)v,
					v < 0);
			}
			break;
		default: /* 'z' */
			fmt++;
			msg_num(m, size, &n, va_arg(*ap, size_t), 0);
			break;
		}
		fmt++;
	}
	m[n < size - 1 ? n : size - 1] = '\0';
	return 1;
}

void ibm_vmsg(int is_error, const char *file, long line, const char *fmt,
	      va_list ap)
{
	char msg[4096];
	size_t n = 0;
	va_list aq;

	if (file) {
		msg_put(msg, sizeof msg, &n, file, strlen(file));
		if (line > 0) {
			msg_put(msg, sizeof msg, &n, ":", 1);
			msg_num(msg, sizeof msg, &n, (unsigned long long)line,
				0);
		}
		msg_put(msg, sizeof msg, &n, ": ", 2);
	}
	if (!is_error)
		msg_put(msg, sizeof msg, &n, "warning: ", 9);
	msg[n < sizeof msg - 1 ? n : sizeof msg - 1] = '\0';
	va_copy(aq, ap);
	if (n < sizeof msg && !msg_fmt(msg, sizeof msg, n, fmt, &aq))
		vsnprintf(msg + n, sizeof msg - n, fmt, ap);
	va_end(aq);
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
	if (is_error && held.on)
		ibm_diag_release(); /* the warnings before it first */
	if (is_error || !quiet)
		put_line(msg, strlen(msg));
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
