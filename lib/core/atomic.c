/*
 * atomic.c - how every output file of a run is written (see ibmkit(7),
 * OUTPUT FILES):
 *
 *   - a regular file (or a new name) is written to a temporary file next to
 *     it, ".NAME.ibmkit-PID-XXXXXX", synced, and renamed into place only
 *     when every output of the run is complete (ibm_atomic_commit_all);
 *     the replaced file's permission bits and owner are kept;
 *   - a symbolic link is followed: the file it names is replaced in its
 *     own directory and the link stays;
 *   - standard output ("-"), a character device, a FIFO or a socket is
 *     written directly, as a stream, without a temporary file;
 *   - a directory or a block device is an error (73).
 *
 * The operating system calls are kept in the few functions of the "OS"
 * section below, so that a port replaces only those.
 */
#define _POSIX_C_SOURCE 200809L
#include "ibmkit.h"
#include "port.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <unistd.h>

#define TMP_TAG ".ibmkit-"  /* ".NAME" TMP_TAG "PID-XXXXXX" */
#define NAME_LIMIT 255      /* bytes in one file name (NAME_MAX) */

struct ibm_atomic {
	char *path;     /* as given, for messages */
	char *target;   /* the file replaced (symbolic links followed) */
	char *tmp;      /* temporary file (next to target, or for a direct
			   output written by name: a scratch file in TMPDIR) */
	FILE *fp;
	int fd;         /* temporary file's descriptor while held, or -1 */
	int direct;     /* written straight to stdout/device/FIFO/socket */
	int finished;   /* complete and synced, waiting for the rename */
	int done;       /* renamed or aborted: nothing left to remove */
	int private_new; /* a new file is made 0600 (ibm_atomic_private) */
	ibm_atomic *next;
};

/* The run's outputs in the order opened, for the commit and for the exit
 * and signal handlers. */
static ibm_atomic *pending, *last;
static volatile sig_atomic_t handlers_set;

/* ------------------------------------------------------------------ OS */

/* The operating system's part (following links, opening devices, FIFOs
 * and sockets, leftovers of killed runs, owners and modes, syncing) is in
 * port.c; these names keep the rules above readable. */
enum {
	K_NONE = IBM_K_NONE, K_REG = IBM_K_REG, K_DIR = IBM_K_DIR,
	K_STREAM = IBM_K_STREAM, K_BLOCK = IBM_K_BLOCK,
	K_SOCKET = IBM_K_SOCKET, K_OTHER = IBM_K_OTHER, K_FD = IBM_K_FD
};
#define resolve ibm_out_resolve
#define open_stream ibm_out_open_stream
#define make_temp ibm_mkstemp
#define keep_attrs ibm_keep_attrs
#define replace_file ibm_rename
#define sync_file ibm_fsync
#define sync_dir ibm_sync_dir
#define file_id ibm_file_id

static char **find_leftovers(const char *dir, size_t *n)
{
	return ibm_find_leftovers(dir, TMP_TAG, n);
}

/* --------------------------------------------------------------- exit */

/* Directories made for this run's outputs (removed again, when still
 * empty, if the run fails before its commit). */
static char **made_dirs;
static volatile sig_atomic_t nmade;

static void remove_pending(void)
{
	int failed = 0;

	for (ibm_atomic *a = pending; a; a = a->next)
		if (!a->done && a->tmp) {
			ibm_unlink(a->tmp);
			failed = 1;
		}
	if (failed)
		for (sig_atomic_t i = nmade; i > 0; i--)
			rmdir(made_dirs[i - 1]); /* async-signal-safe */
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

int ibm_out_mkdir(const char *dir)
{
	static size_t cap;

	set_handlers();
	if (ibm_mkdir(dir) != 0)
		return errno == EEXIST ? 0 : -1;
	ibm_grow((void **)&made_dirs, &cap, (size_t)nmade + 1,
		 sizeof *made_dirs);
	made_dirs[nmade] = ibm_xstrdup(dir);
	nmade = nmade + 1;
	return 0;
}

int ibm_out_exists(const char *path)
{
	return ibm_path_exists(path);
}

static void add_pending(ibm_atomic *a)
{
	if (last)
		last->next = a;
	else
		pending = a;
	last = a;
}

static void unlink_from_pending(ibm_atomic *a)
{
	ibm_atomic *prev = NULL;

	for (ibm_atomic **p = &pending; *p; prev = *p, p = &(*p)->next)
		if (*p == a) {
			*p = a->next;
			if (last == a)
				last = prev;
			break;
		}
}

static void atomic_free(ibm_atomic *a)
{
	unlink_from_pending(a);
	free(a->path);
	free(a->target);
	free(a->tmp);
	free(a);
}

/* ------------------------------------------------------ inputs vs outputs */

static struct noted {
	char *path;
	const char *opt; /* NULL for an input */
} *noted;
static size_t nnoted, noted_cap;

/* Two names of one file? Existing files by identity; new ones by their
 * resolved names. */
static int same_file(const char *a, const char *b)
{
	unsigned long long ia[2], ib[2];
	int ka, kb, same = 0, ea = file_id(a, ia), eb = file_id(b, ib);
	char *ra, *rb;

	if (ea == 1 || eb == 1)
		return 0; /* a device, FIFO, directory ...: no clash */
	if (ea == 0 && eb == 0)
		return ia[0] == ib[0] && ia[1] == ib[1];
	ra = resolve(a, &ka);
	rb = resolve(b, &kb);
	if (ra && rb && ka == K_NONE && kb == K_NONE)
		same = strcmp(ra, rb) == 0;
	free(ra);
	free(rb);
	return same;
}

/* The noted input that path names, or NULL. */
static const char *input_clash(const char *path)
{
	for (size_t i = 0; i < nnoted; i++)
		if (!noted[i].opt && same_file(path, noted[i].path))
			return noted[i].path;
	return NULL;
}

static void note(const char *path, const char *opt)
{
	ibm_grow((void **)&noted, &noted_cap, nnoted + 1, sizeof *noted);
	noted[nnoted].path = ibm_xstrdup(path);
	noted[nnoted].opt = opt;
	nnoted++;
}

void ibm_out_note_input(const char *path)
{
	if (path && strcmp(path, "-") != 0)
		note(path, NULL);
}

static const struct {
	const char *ext;
	ibm_fmt fmt;
} exts[] = {
	{ ".csv", IBM_FMT_CSV }, { ".tsv", IBM_FMT_CSV },
	{ ".xlsx", IBM_FMT_XLSX }, { ".xlsm", IBM_FMT_XLSX },
	{ ".xls", IBM_FMT_XLSX }, { ".ods", IBM_FMT_XLSX },
	{ ".pdf", IBM_FMT_PDF },
	{ ".html", IBM_FMT_HTML }, { ".htm", IBM_FMT_HTML },
	{ ".docx", IBM_FMT_DOCX }, { ".doc", IBM_FMT_DOCX },
	{ ".odt", IBM_FMT_DOCX }, { ".rtf", IBM_FMT_DOCX },
};

const char *ibm_fmt_name(ibm_fmt f)
{
	switch (f) {
	case IBM_FMT_CSV: return "CSV";
	case IBM_FMT_XLSX: return "an Excel workbook (.xlsx)";
	case IBM_FMT_PDF: return "PDF";
	case IBM_FMT_HTML: return "HTML";
	case IBM_FMT_DOCX: return "a Word document (.docx)";
	default: return "text";
	}
}

ibm_fmt ibm_fmt_of_name(const char *path)
{
	size_t n = strlen(path);

	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t k = strlen(exts[i].ext);

		if (n > k && path[n - k - 1] != '/' &&
		    strcasecmp(path + n - k, exts[i].ext) == 0)
			return exts[i].fmt;
	}
	return IBM_FMT_ANY;
}

int ibm_out_check(const char *opt, const char *path, ibm_fmt fmt)
{
	ibm_fmt named = ibm_fmt_of_name(path);
	const char *in;

	if (strcmp(path, "-") == 0)
		return 0;
	if (fmt != IBM_FMT_ANY && named != IBM_FMT_ANY && named != fmt) {
		ibm_error(NULL, 0, "%s writes %s, but the name %s ends in %s",
			  opt, ibm_fmt_name(fmt), path, strrchr(path, '.'));
		return -1;
	}
	if ((in = input_clash(path)) != NULL) {
		ibm_error(NULL, 0, "%s: %s is an input of this run%s%s%s", opt,
			  path, strcmp(in, path) ? " (" : "",
			  strcmp(in, path) ? in : "", strcmp(in, path) ? ")" : "");
		return -1;
	}
	for (size_t i = 0; i < nnoted; i++)
		if (noted[i].opt && same_file(path, noted[i].path)) {
			ibm_error(NULL, 0, "%s: %s is also written by %s", opt,
				  path, noted[i].opt);
			return -1;
		}
	note(path, opt);
	return 0;
}

/* ------------------------------------------------------------ outputs */

/* Leftovers found per directory, looked for once per run. */
static struct leftdir {
	char *dir;
	char **names;
	size_t n;
} *ldirs;
static size_t nldirs, ldcap;

/* Remove the leftovers of killed runs for one target: prefix is its
 * directory and "." NAME TMP_TAG. */
static void clean_leftovers(const char *dir, const char *prefix)
{
	struct leftdir *l = NULL;
	size_t plen = strlen(prefix);

	for (size_t i = 0; i < nldirs && !l; i++)
		if (strcmp(ldirs[i].dir, dir) == 0)
			l = &ldirs[i];
	if (!l) {
		ibm_grow((void **)&ldirs, &ldcap, nldirs + 1, sizeof *ldirs);
		l = &ldirs[nldirs++];
		l->dir = ibm_xstrdup(dir);
		l->names = find_leftovers(dir, &l->n);
	}
	for (size_t i = 0; i < l->n; i++) {
		char *end;

		if (!l->names[i] || strncmp(l->names[i], prefix, plen) != 0)
			continue;
		if (strtol(l->names[i] + plen, &end, 10) <= 0 ||
		    *end != '-' || strlen(end + 1) != 6)
			continue;
		ibm_unlink(l->names[i]);
		free(l->names[i]);
		l->names[i] = NULL;
	}
}

static _Noreturn void die_create(const char *path, int e)
{
	errno = e;
	ibm_die_errno(IBM_EX_CANTCREAT, path, "cannot create");
}

/* The temporary file's name for target: ".NAME" TMP_TAG "PID-XXXXXX" in
 * target's directory, NAME shortened so that the whole fits in one file
 * name. Sets *dirlen; the prefix up to the PID is the first *prefixlen
 * bytes after the directory. */
static char *temp_name(const char *target, size_t *dirlen, size_t *prefixlen)
{
	const char *slash = strrchr(target, '/');
	size_t d = slash ? (size_t)(slash - target) + 1 : 0;
	const char *base = target + d;
	size_t blen = strlen(base);
	size_t room = NAME_LIMIT - 1 - strlen(TMP_TAG) - 20 - 7;
	char *t;

	if (blen > room) {
		blen = room;
		while (blen > 0 && ((unsigned char)base[blen] & 0xC0) == 0x80)
			blen--; /* not inside a UTF-8 sequence */
	}
	t = ibm_xmalloc(d + blen + strlen(TMP_TAG) + 40);
	memcpy(t, target, d);
	t[d] = '.';
	memcpy(t + d + 1, base, blen);
	strcpy(t + d + 1 + blen, TMP_TAG);
	*dirlen = d;
	*prefixlen = 1 + blen + strlen(TMP_TAG);
	sprintf(t + d + *prefixlen, "%ld-XXXXXX", (long)getpid());
	return t;
}

ibm_atomic *ibm_atomic_open(const char *path)
{
	ibm_atomic *a;
	const char *in;
	size_t dirlen, prefixlen;
	int kind, rerr;
	char *target;

	target = resolve(path, &kind);
	rerr = errno;
	if (target && kind == K_FD && strcmp(target, "-") == 0) {
		free(target);
		path = "-"; /* /dev/stdout: standard output, shared */
		target = NULL;
	}
	if (strcmp(path, "-") == 0) {
		free(target);
		a = ibm_xcalloc(1, sizeof *a);
		a->path = ibm_xstrdup(path);
		a->fp = stdout;
		a->fd = -1;
		a->direct = 1;
		set_handlers();
		add_pending(a);
		return a;
	}
	if (*path == '\0' || path[strlen(path) - 1] == '/')
		die_create(path, EISDIR);
	if ((in = input_clash(path)) != NULL)
		ibm_die(IBM_EX_USAGE, path, 0, "is an input of this run%s%s%s",
			strcmp(in, path) ? " (" : "", strcmp(in, path) ? in : "",
			strcmp(in, path) ? ")" : "");
	if (!target)
		die_create(path, rerr);
	switch (kind) {
	case K_DIR:
		free(target);
		die_create(path, EISDIR);
	case K_BLOCK:
		free(target);
		ibm_die(IBM_EX_CANTCREAT, path, 0, "cannot create: a block "
			"device is never written");
	case K_OTHER:
		free(target);
		ibm_die(IBM_EX_CANTCREAT, path, 0, "cannot create: not a "
			"regular file");
	default:
		break;
	}
	set_handlers();
	a = ibm_xcalloc(1, sizeof *a);
	a->path = ibm_xstrdup(path);
	a->target = target;
	a->fd = -1;
	if (kind == K_STREAM || kind == K_SOCKET || kind == K_FD) {
		a->direct = 1;
		a->fd = open_stream(target, kind);
		if (a->fd < 0) {
			int e = errno;

			atomic_free(a);
			die_create(path, e);
		}
		a->fp = fdopen(a->fd, "wb");
		if (!a->fp) {
			int e = errno;

			close(a->fd);
			atomic_free(a);
			die_create(path, e);
		}
		add_pending(a);
		return a;
	}
	a->tmp = temp_name(target, &dirlen, &prefixlen);
	{
		char *dir = ibm_xstrndup(a->tmp, dirlen);
		char *prefix = ibm_xstrndup(a->tmp, dirlen + prefixlen);

		clean_leftovers(dir, prefix);
		free(dir);
		free(prefix);
	}
	/* Linked before the file exists, so that a signal between mkstemp
	 * and the link cannot leave it behind. */
	add_pending(a);
	a->fd = make_temp(a->tmp);
	if (a->fd < 0) {
		a->done = 1;
		die_create(path, errno);
	}
	return a;
}

FILE *ibm_atomic_fp(ibm_atomic *a)
{
	if (!a->fp) {
		if (a->fd < 0)
			a->fd = open(a->tmp, O_WRONLY | O_TRUNC);
		a->fp = a->fd < 0 ? NULL : fdopen(a->fd, "wb");
		if (!a->fp)
			ibm_die_errno(IBM_EX_CANTCREAT, a->path,
				      "cannot create");
	}
	return a->fp;
}

const char *ibm_atomic_tmppath(ibm_atomic *a)
{
	if (a->direct && !a->tmp) {
		/* a library that writes by name (and seeks): a scratch file,
		 * copied to the stream when finished */
		const char *t = getenv("TMPDIR");
		size_t n;
		int fd;

		t = t && *t ? t : "/tmp";
		n = strlen(t) + 40;
		a->tmp = ibm_xmalloc(n);
		snprintf(a->tmp, n, "%s/ibmkit-%ld-XXXXXX", t, (long)getpid());
		fd = make_temp(a->tmp);
		if (fd < 0) {
			free(a->tmp);
			a->tmp = NULL;
			ibm_die_errno(IBM_EX_CANTCREAT, a->path,
				      "cannot create a temporary file in %s",
				      t);
		}
		close(fd);
		return a->tmp;
	}
	if (!a->fp && a->fd >= 0) {
		close(a->fd);
		a->fd = -1;
	}
	return a->tmp;
}

const char *ibm_atomic_path(const ibm_atomic *a)
{
	return a->path;
}

int ibm_atomic_direct(const ibm_atomic *a)
{
	return a->direct;
}

/* IBMKIT_TEST_FAIL_OUTPUT=NAME: the output whose file name is NAME fails
 * as on a full disk when it is finished. For the test suite only. */
static int test_failure(const ibm_atomic *a)
{
	const char *f = getenv("IBMKIT_TEST_FAIL_OUTPUT");
	const char *slash = strrchr(a->path, '/');

	return f && *f && strcmp(f, slash ? slash + 1 : a->path) == 0;
}

static _Noreturn void die_write(ibm_atomic *a, int e)
{
	errno = e ? e : EIO;
	ibm_die_errno(IBM_EX_IOERR, a->path, "write error");
}

/* Copy a direct output's scratch file to its stream. */
static void copy_scratch(ibm_atomic *a)
{
	FILE *in = fopen(a->tmp, "rb");
	char buf[65536];
	size_t n;

	if (!in) {
		ibm_die_errno(IBM_EX_IOERR, a->path, "read error");
		return; /* not reached; for static checkers */
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, a->fp) != n)
			break;
	if (ferror(in))
		ibm_die_errno(IBM_EX_IOERR, a->path, "read error");
	fclose(in);
	ibm_unlink(a->tmp);
}

void ibm_atomic_finish(ibm_atomic *a)
{
	int fd, e;

	if (a->finished)
		return;
	if (a->direct) {
		if (a->tmp) {
			copy_scratch(a);
			free(a->tmp);
			a->tmp = NULL;
		}
		e = ferror(a->fp) ? (errno ? errno : EIO) : 0;
		if (!e && fflush(a->fp) != 0)
			e = errno;
		if (!e && test_failure(a))
			e = ENOSPC;
		if (a->fp != stdout) {
			if (fclose(a->fp) != 0 && !e)
				e = errno;
			a->fd = -1;
		}
		a->fp = NULL;
		a->finished = a->done = 1;
		if (e)
			die_write(a, e);
		return;
	}
	e = 0;
	if (a->fp) {
		errno = 0;
		if (ferror(a->fp))
			e = errno ? errno : EIO;
		else if (fflush(a->fp) != 0)
			e = errno;
		fd = fileno(a->fp);
	} else if (a->fd >= 0) {
		fd = a->fd;
	} else {
		/* written by name (libxlsxwriter): opened again to sync */
		fd = a->fd = open(a->tmp, O_RDWR); /* write access: Windows syncs only so */
		if (fd < 0)
			e = errno;
	}
	if (!e && test_failure(a))
		e = ENOSPC;
	if (!e) {
		keep_attrs(fd, a->target);
		if (a->private_new && !ibm_path_exists(a->target))
			ibm_set_private_mode(fd);
		if (sync_file(fd) != 0)
			e = errno;
	}
	if (a->fp) {
		if (fclose(a->fp) != 0 && !e)
			e = errno;
	} else if (fd >= 0 && close(fd) != 0 && !e) {
		e = errno;
	}
	a->fp = NULL;
	a->fd = -1;
	a->finished = 1;
	if (e)
		die_write(a, e); /* the exit handler removes the file */
}

/* Rename a finished output into place; its directory is synced by the
 * caller. */
static void put_in_place(ibm_atomic *a)
{
	if (a->done)
		return;
	if (replace_file(a->tmp, a->target) != 0)
		ibm_die_errno(IBM_EX_CANTCREAT, a->path, "cannot create");
	a->done = 1;
}

/* Length of the directory part of path, its last '/' included. */
static size_t dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? (size_t)(slash - path) + 1 : 0;
}

static void sync_dir_of(ibm_atomic *a)
{
	const char *slash = strrchr(a->target, '/');
	char *dir = slash ? ibm_xstrndup(a->target,
					 (size_t)(slash - a->target) + 1)
			  : ibm_xstrdup("");

	if (sync_dir(dir) != 0)
		ibm_die_errno(IBM_EX_IOERR, a->path, "cannot sync the "
			      "directory");
	free(dir);
}

void ibm_atomic_commit(ibm_atomic *a)
{
	ibm_atomic_finish(a);
	if (!a->direct) {
		put_in_place(a);
		sync_dir_of(a);
	}
	atomic_free(a);
}

void ibm_atomic_commit_all(void)
{
	ibm_atomic *a, *next;

	/* every temporary file complete and synced first ... */
	for (a = pending; a; a = a->next)
		ibm_atomic_finish(a);
	/* ... then all renamed, then their directories synced */
	for (a = pending; a; a = a->next)
		if (!a->direct)
			put_in_place(a);
	/* each directory once (outputs in one directory come together; a
	 * directory synced twice is no harm) */
	for (ibm_atomic *prev = NULL, *b = pending; b; b = b->next) {
		if (b->direct)
			continue;
		if (!prev || dir_len(prev->target) != dir_len(b->target) ||
		    strncmp(prev->target, b->target, dir_len(b->target)) != 0)
			sync_dir_of(b);
		prev = b;
	}
	for (a = pending; a; a = next) {
		next = a->next;
		atomic_free(a);
	}
	nmade = 0; /* the directories made hold the outputs now */
}

void ibm_atomic_private(ibm_atomic *a)
{
	a->private_new = 1;
}

void ibm_atomic_abort(ibm_atomic *a)
{
	if (a->fp && a->fp != stdout)
		fclose(a->fp);
	else if (!a->fp && a->fd >= 0)
		close(a->fd);
	if (!a->done && a->tmp)
		ibm_unlink(a->tmp);
	a->done = 1;
	atomic_free(a);
}
