/*
 * atomic.c - how every output file of a run is written (see ibmkit(7),
 * OUTPUT FILES):
 *
 *   - a regular file (or a new name) is written to a temporary file next to
 *     it, ".NAME.ibmkit-PID-XXXXXX", synced, and renamed into place only
 *     when every output of the run is complete (ibm_atomic_commit_all);
 *     the replaced file's permission bits and owner are kept;
 *   - a symbolic link is followed: the file it names is replaced in its
 *     own directory and the link stays (not a link in a shared sticky
 *     folder that the kernel would not follow either);
 *   - standard output ("-"), a character device, a FIFO or a socket is
 *     written directly, as a stream, without a temporary file;
 *   - a directory or a block device is an error (73).
 *
 * The commit is all or nothing: every output is first checked to be
 * replaceable (on Windows: not held open by another program, such as
 * Excel) and each file it replaces gets a second name (a hard link) that
 * is kept until the end; when a rename fails in the middle, the files
 * already replaced are put back. The register of ibm-invite, which the
 * run holds open and locked, is written in place (under its lock) where
 * it cannot be renamed over (Windows; a bind-mounted file).
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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <unistd.h>

#define TMP_TAG ".ibmkit-"  /* ".NAME" TMP_TAG "PID-XXXXXX" */
#define NAME_LIMIT 255      /* bytes in one file name (NAME_MAX) */

/* How an output replaces its file. */
enum {
	IP_NEVER,    /* by a rename only */
	IP_FALLBACK, /* written in place when the rename fails */
	IP_ALWAYS    /* written in place (a file held open: Windows) */
};
/* Where an output is during the commit. */
enum { ST_WAITING, ST_RENAMED, ST_IN_PLACE };

struct ibm_atomic {
	char *path;     /* as given, for messages */
	char *target;   /* the file replaced (symbolic links followed) */
	char *canon;    /* target's absolute name, for one file named twice */
	char *tmp;      /* temporary file (next to target, or for a direct
			   output written by name: a scratch file in TMPDIR) */
	char *backup;   /* during the commit: the replaced file's second
			   name, to put it back */
	char *old;      /* written in place: the file's bytes before */
	size_t oldlen, same; /* ... and how many of them stay */
	int ipfd;       /* written in place: its descriptor, or -1 */
	FILE *fp;
	int fd;         /* temporary file's descriptor while held, or -1 */
	int direct;     /* written straight to stdout/device/FIFO/socket */
	int finished;   /* complete and synced, waiting for the rename */
	int done;       /* renamed or aborted: nothing left to remove */
	int in_place;   /* IP_ */
	volatile sig_atomic_t state; /* ST_ */
	int private_new; /* a new file is made 0600 (ibm_atomic_private) */
	ibm_atomic *next;
};

/* The run's outputs in the order opened, for the commit and for the exit
 * and signal handlers. */
static ibm_atomic *pending, *last;
static volatile sig_atomic_t handlers_set;
/* A signal that came while the outputs were being put in place: raised
 * when the commit is over. */
static volatile sig_atomic_t committing, deferred_sig;

/* ------------------------------------------------------------------ OS */

/* The operating system's part (following links, opening devices, FIFOs
 * and sockets, leftovers of killed runs, owners and modes, syncing) is in
 * port.c; these names keep the rules above readable. */
enum {
	K_NONE = IBM_K_NONE, K_REG = IBM_K_REG, K_DIR = IBM_K_DIR,
	K_STREAM = IBM_K_STREAM, K_BLOCK = IBM_K_BLOCK,
	K_SOCKET = IBM_K_SOCKET, K_OTHER = IBM_K_OTHER, K_FD = IBM_K_FD,
	K_SHARED_LINK = IBM_K_SHARED_LINK
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
/* A file made empty ahead of the commit (the register, created to be
 * locked): removed at exit unless an output was committed into it. */
static char *made_file;
static volatile sig_atomic_t made_file_live;

static void remove_pending(void)
{
	int failed = 0;

	for (ibm_atomic *a = pending; a; a = a->next)
		if (!a->done && a->tmp) {
			ibm_unlink(a->tmp);
			failed = 1;
		}
	if (made_file_live) {
		made_file_live = 0;
		ibm_unlink(made_file);
	}
	if (failed)
		for (sig_atomic_t i = nmade; i > 0; i--)
			rmdir(made_dirs[i - 1]); /* async-signal-safe */
}

static void on_signal(int sig)
{
	if (committing) {
		/* the commit ends (or is undone) first */
		deferred_sig = sig;
		signal(sig, on_signal); /* Windows resets it */
		return;
	}
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

void ibm_out_made_file(const char *path)
{
	set_handlers();
	made_file_live = 0;
	free(made_file);
	made_file = ibm_xstrdup(path);
	made_file_live = 1;
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
	if (a->ipfd >= 0)
		close(a->ipfd);
	free(a->path);
	free(a->target);
	free(a->canon);
	free(a->tmp);
	free(a->backup);
	free(a->old);
	free(a);
}

/* ------------------------------------------------------ inputs vs outputs */

static struct noted {
	char *path;
	const char *opt; /* NULL for an input */
} *noted;
static size_t nnoted, noted_cap;

/* The absolute name of the file PATH would write (links followed), or
 * NULL for a device, FIFO, socket or directory (no file of its own). */
static char *canon_target(const char *path)
{
	int kind;
	char *r = resolve(path, &kind), *c = NULL;

	if (!r || kind == K_NONE || kind == K_REG)
		c = ibm_path_canon(r ? r : path);
	free(r);
	return c;
}

/* Two names of one file? Existing files by identity; new ones by their
 * absolute names ("./out.html" is "out.html"). */
static int same_file(const char *a, const char *b)
{
	unsigned long long ia[2], ib[2];
	int same, ea = file_id(a, ia), eb = file_id(b, ib);
	char *ca, *cb;

	if (ea == 1 || eb == 1)
		return 0; /* a device, FIFO, directory ...: no clash */
	if (ea == 0 && eb == 0)
		return ia[0] == ib[0] && ia[1] == ib[1];
	if (ea == 0 || eb == 0)
		return 0; /* one exists, the other not */
	ca = canon_target(a);
	cb = canon_target(b);
	same = ca && cb && strcmp(ca, cb) == 0;
	free(ca);
	free(cb);
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
	char *file, *sheet;

	if (!path || strcmp(path, "-") == 0)
		return;
	/* FILE.xlsx:SHEET is the file */
	if (ibm_input_split(path, &file, &sheet)) {
		note(file, NULL);
		free(file);
		free(sheet);
		return;
	}
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
	const char *base = ibm_path_base(path);
	size_t n = strlen(base);

	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t k = strlen(exts[i].ext);

		if (n > k && strcasecmp(base + n - k, exts[i].ext) == 0)
			return exts[i].fmt;
	}
	return IBM_FMT_ANY;
}

static _Noreturn void die_shared_link(const char *path, const char *link)
{
	ibm_die(IBM_EX_CANTCREAT, path, 0, "cannot create: %s is a symbolic "
		"link of another user in a shared sticky folder, which is not "
		"followed (as the kernel does not, fs.protected_symlinks)",
		link);
}

int ibm_out_check(const char *opt, const char *path, ibm_fmt fmt)
{
	ibm_fmt named = ibm_fmt_of_name(path);
	const char *in;
	int kind;
	char *r;

	if (strcmp(path, "-") == 0)
		return 0;
	if (fmt != IBM_FMT_ANY && named != IBM_FMT_ANY && named != fmt) {
		ibm_error(NULL, 0, "%s writes %s, but the name %s ends in %s",
			  opt, ibm_fmt_name(fmt), path,
			  strrchr(ibm_path_base(path), '.'));
		return -1;
	}
	if ((r = resolve(path, &kind)) != NULL && kind == K_SHARED_LINK)
		die_shared_link(path, r);
	free(r);
	if ((in = input_clash(path)) != NULL) {
		ibm_error(NULL, 0, "%s: %s is an input of this run%s%s%s", opt,
			  path, strcmp(in, path) ? " (" : "",
			  strcmp(in, path) ? in : "", strcmp(in, path) ? ")" : "");
		return -1;
	}
	for (size_t i = 0; i < nnoted; i++)
		if (noted[i].opt && same_file(path, noted[i].path)) {
			if (strcmp(path, noted[i].path) == 0)
				ibm_error(NULL, 0, "%s: %s is also written by "
					  "%s", opt, path, noted[i].opt);
			else
				ibm_error(NULL, 0, "%s: %s is also written by "
					  "%s (as %s)", opt, path,
					  noted[i].opt, noted[i].path);
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
	size_t d = ibm_path_dir_len(target);
	const char *base = target + d;
	size_t blen = strlen(base);
	size_t room = NAME_LIMIT - 1 - strlen(TMP_TAG) - 20 - 7;
	char *t;

	if (blen > room) {
		blen = ibm_utf8_floor(base, room);
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

/* The pending output (written through a temporary file) that already
 * writes the file canon names, or NULL. */
static const ibm_atomic *written_by(const char *canon)
{
	for (const ibm_atomic *a = pending; a; a = a->next)
		if (a->canon && strcmp(a->canon, canon) == 0)
			return a;
	return NULL;
}

ibm_atomic *ibm_atomic_open(const char *path)
{
	ibm_atomic *a;
	const ibm_atomic *twice;
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
		a->fd = a->ipfd = -1;
		a->direct = 1;
		set_handlers();
		add_pending(a);
		return a;
	}
	if (*ibm_path_base(path) == '\0')
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
	case K_SHARED_LINK:
		die_shared_link(path, target);
	default:
		break;
	}
	set_handlers();
	a = ibm_xcalloc(1, sizeof *a);
	a->path = ibm_xstrdup(path);
	a->target = target;
	a->fd = a->ipfd = -1;
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
	/* one file named twice ("out.html" and "./out.html", or a template
	 * letter named like another output): one would be lost */
	a->canon = ibm_path_canon(target);
	if ((twice = written_by(a->canon)) != NULL) {
		atomic_free(a);
		ibm_die(IBM_EX_USAGE, path, 0, "is written twice in this run%s%s%s",
			strcmp(twice->path, path) ? " (also as " : "",
			strcmp(twice->path, path) ? twice->path : "",
			strcmp(twice->path, path) ? ")" : "");
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

ibm_atomic *ibm_atomic_open_locked(const char *path)
{
	ibm_atomic *a = ibm_atomic_open(path);

	if (!a->direct)
		a->in_place = ibm_rename_open_ok() ? IP_FALLBACK : IP_ALWAYS;
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
		const char *t = ibm_tmpdir();
		char name[48];
		int fd;

		t = t ? t : "/tmp";
		snprintf(name, sizeof name, "ibmkit-%ld-XXXXXX",
			 (long)getpid());
		a->tmp = ibm_path_join(t, name);
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
 * as on a full disk when it is finished; IBMKIT_TEST_FAIL_RENAME=NAME:
 * its rename into place fails as over a bind-mounted file (EBUSY). For
 * the test suite only (ibmkit(7), ENVIRONMENT). */
static int test_failure(const ibm_atomic *a, const char *var)
{
	const char *f = getenv(var);

	return f && *f && strcmp(f, ibm_path_base(a->path)) == 0;
}

/* The error of a stream written to, flushed: 0 or an errno value. stdio
 * does not keep the errno of a write that failed earlier, so its data,
 * still in the buffer, is written once more to learn it (ENOSPC, EFBIG);
 * EIO when that cannot tell. */
static int stream_error(FILE *fp)
{
	int failed = ferror(fp);

	clearerr(fp);
	errno = 0;
	if (fflush(fp) != 0)
		return errno ? errno : EIO;
	return failed ? EIO : 0;
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
		e = stream_error(a->fp);
		if (!e && test_failure(a, "IBMKIT_TEST_FAIL_OUTPUT"))
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
		e = stream_error(a->fp);
		fd = fileno(a->fp);
	} else if (a->fd >= 0) {
		fd = a->fd;
	} else {
		/* written by name (libxlsxwriter): opened again to sync */
		fd = a->fd = open(a->tmp, O_RDWR); /* write access: Windows syncs only so */
		if (fd < 0)
			e = errno;
	}
	if (!e && test_failure(a, "IBMKIT_TEST_FAIL_OUTPUT"))
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

/* ------------------------------------------------------------- commit */

/* The outputs of one commit: every pending one, or one alone. */
#define EACH(a, only) \
	for (ibm_atomic *a = (only) ? (only) : pending; a; \
	     a = (only) ? NULL : a->next) \
		if (!a->direct)

static void restore_in_place(ibm_atomic *a);

/* Put back what the commit changed so far; 0, or -1 when a file could
 * not be put back (said here, naming where its old contents are). */
static int roll_back(ibm_atomic *only)
{
	int bad = 0;

	EACH(a, only) {
		if (a->state == ST_RENAMED && a->backup) {
			if (replace_file(a->backup, a->target) != 0) {
				ibm_error(a->path, 0, "could not put the old "
					  "file back: %s; it is kept as %s",
					  strerror(errno), a->backup);
				bad = -1;
			} else {
				free(a->backup);
				a->backup = NULL;
			}
		} else if (a->state == ST_RENAMED) {
			ibm_unlink(a->target); /* it was new */
		} else if (a->state == ST_IN_PLACE) {
			restore_in_place(a);
		}
		a->state = ST_WAITING;
		if (a->backup) {
			ibm_unlink(a->backup);
			free(a->backup);
			a->backup = NULL;
		}
	}
	return bad;
}

static void end_commit(void)
{
	int sig = deferred_sig;

	committing = 0;
	if (sig) {
		deferred_sig = 0;
		on_signal(sig);
	}
}

/* The commit cannot go on: what it changed is put back, and the run ends
 * (its temporary files removed by the exit handler). */
static _Noreturn void fail_commit(ibm_atomic *only, ibm_atomic *a, int status,
				  int e, const char *what)
{
	int bad = roll_back(only);

	ibm_die(status, a->path, 0, "%s: %s%s", what, strerror(e),
		bad ? "" : "; no file was changed");
}

/* A file another program (Excel) holds open: said in English and in
 * Indonesian, for the staff who meet it. */
static _Noreturn void fail_held(ibm_atomic *only, ibm_atomic *a)
{
	int bad = roll_back(only);
	const char *name = ibm_path_base(a->path);

	ibm_error(a->path, 0, "cannot replace: the file is open in another "
		  "program; close %s in Excel (or that program) and run "
		  "again%s", name, bad ? "" : " (no file was changed)");
	ibm_die(IBM_EX_CANTCREAT, a->path, 0, "tidak dapat diganti: berkas "
		"sedang dibuka di program lain; tutup %s di Excel (atau "
		"program itu) lalu jalankan lagi%s", name,
		bad ? "" : " (tidak ada berkas yang diubah)");
}

/* A new name beside target of the temporary files' pattern (so that a
 * killed run's is removed by the next), not existing: malloc'd. */
static char *spare_name(const ibm_atomic *a)
{
	size_t dirlen, prefixlen;
	char *t = temp_name(a->target, &dirlen, &prefixlen);
	int fd = make_temp(t);

	if (fd < 0) {
		free(t);
		return NULL;
	}
	close(fd);
	ibm_unlink(t);
	return t;
}

/* Read all of fd from its start; malloc'd, *n set; NULL with errno. */
static char *read_all(int fd, size_t *n)
{
	size_t len = 0, cap = 65536;
	char *buf = ibm_xmalloc(cap);

	if (lseek(fd, 0, SEEK_SET) != 0) {
		free(buf);
		return NULL;
	}
	for (;;) {
		ssize_t k;

		if (cap - len < 4096)
			buf = ibm_xrealloc(buf, cap *= 2);
		k = read(fd, buf + len, cap - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			int e = errno;

			free(buf);
			errno = e;
			return NULL;
		}
		if (k == 0)
			break;
		len += (size_t)k;
	}
	*n = len;
	return buf;
}

/* Write n bytes at offset at; 0 or -1 with errno. */
static int write_at(int fd, const char *buf, size_t n, size_t at)
{
	if (lseek(fd, (off_t)at, SEEK_SET) != (off_t)at)
		return -1;
	return ibm_write_all(fd, buf, n);
}

/* Open a file to be written in place and keep its bytes: 0, IBM_HELD, or
 * -1 with errno. */
static int open_in_place(ibm_atomic *a)
{
	int fd = ibm_open_in_place(a->target);

	if (fd < 0)
		return fd;
	a->old = read_all(fd, &a->oldlen);
	if (!a->old) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	a->ipfd = fd;
	return 0;
}

static void restore_in_place(ibm_atomic *a)
{
	if (write_at(a->ipfd, a->old + a->same, a->oldlen - a->same,
		     a->same) != 0 ||
	    ibm_ftruncate(a->ipfd, (long long)a->oldlen) != 0 ||
	    sync_file(a->ipfd) != 0)
		ibm_error(a->path, 0, "could not put the old contents back: "
			  "%s", strerror(errno));
}

/* First: every output can be replaced now, and each file it replaces has
 * a second name to be put back from. Nothing is changed yet. */
static void prepare(ibm_atomic *only)
{
	EACH(a, only) {
		int r;

		if (a->in_place == IP_ALWAYS) {
			r = open_in_place(a);
			if (r == IBM_HELD)
				fail_held(only, a);
			if (r < 0)
				fail_commit(only, a, IBM_EX_CANTCREAT, errno,
					    "cannot write");
			continue;
		}
		r = ibm_out_replaceable(a->target);
		if (r == IBM_HELD)
			fail_held(only, a);
		if (r < 0 && a->in_place == IP_FALLBACK) {
			/* not to be renamed over: written in place */
			a->in_place = IP_ALWAYS;
			r = open_in_place(a);
			if (r == IBM_HELD)
				fail_held(only, a);
			if (r == 0)
				continue;
		}
		if (r < 0)
			fail_commit(only, a, IBM_EX_CANTCREAT, errno,
				    "cannot replace");
		if (!ibm_path_exists(a->target))
			continue;
		if (!(a->backup = spare_name(a)) ||
		    ibm_backup(a->target, a->backup) != 0) {
			int e = errno;

			free(a->backup);
			a->backup = NULL;
			fail_commit(only, a, IBM_EX_CANTCREAT, e, "cannot keep "
				    "the old file while it is replaced");
		}
	}
}

/* Then: each renamed into place; a failure puts back the files already
 * replaced. An output that may be written in place is left for that. */
static void put_in_place(ibm_atomic *only)
{
	EACH(a, only) {
		int e;

		if (a->in_place == IP_ALWAYS)
			continue;
		if (test_failure(a, "IBMKIT_TEST_FAIL_RENAME")) {
			e = EBUSY;
		} else if (replace_file(a->tmp, a->target) == 0) {
			a->state = ST_RENAMED;
			a->done = 1;
			continue;
		} else {
			e = errno;
		}
		if (a->in_place == IP_FALLBACK)
			continue;
		if (ibm_out_replaceable(a->target) == IBM_HELD)
			fail_held(only, a);
		fail_commit(only, a, IBM_EX_CANTCREAT, e, "cannot replace");
	}
}

/* Last: the outputs written in place (the register, under its lock):
 * the bytes from the first that differ, then the length. */
static void write_in_place(ibm_atomic *only)
{
	EACH(a, only) {
		char *buf, why[256];
		size_t n;
		int st;

		if (a->in_place == IP_NEVER || a->state != ST_WAITING)
			continue;
		if (a->ipfd < 0) {
			int r = open_in_place(a);

			if (r == IBM_HELD)
				fail_held(only, a);
			if (r < 0)
				fail_commit(only, a, IBM_EX_CANTCREAT, errno,
					    "cannot replace, nor write in "
					    "place");
		}
		st = ibm_read_file(a->tmp, SIZE_MAX / 2, 0, &buf, &n, why,
				   sizeof why);
		if (st) {
			roll_back(only);
			ibm_die(st, a->tmp, 0, "%s", why);
		}
		a->same = 0;
		while (a->same < n && a->same < a->oldlen &&
		       buf[a->same] == a->old[a->same])
			a->same++;
		a->state = ST_IN_PLACE;
		if (write_at(a->ipfd, buf + a->same, n - a->same,
			     a->same) != 0 ||
		    ibm_ftruncate(a->ipfd, (long long)n) != 0 ||
		    sync_file(a->ipfd) != 0) {
			int e = errno;

			free(buf);
			fail_commit(only, a, IBM_EX_IOERR, e, "write error");
		}
		free(buf);
		ibm_unlink(a->tmp);
		a->done = 1;
	}
}

static void sync_dir_of(ibm_atomic *a, ibm_atomic *only)
{
	char *dir = ibm_xstrndup(a->target, ibm_path_dir_len(a->target));

	if (sync_dir(dir) != 0)
		fail_commit(only, a, IBM_EX_IOERR, errno, "cannot sync the "
			    "directory");
	free(dir);
}

/* The commit of one output (only) or of all pending ones. */
static void commit(ibm_atomic *only)
{
	ibm_atomic *prev = NULL;

	committing = 1;
	prepare(only);
	put_in_place(only);
	write_in_place(only);
	/* each directory once (outputs in one directory come together; a
	 * directory synced twice is no harm) */
	EACH(b, only) {
		if (b->state == ST_RENAMED &&
		    (!prev || ibm_path_dir_len(prev->target) !=
				      ibm_path_dir_len(b->target) ||
		     strncmp(prev->target, b->target,
			     ibm_path_dir_len(b->target)) != 0))
			sync_dir_of(b, only);
		if (b->state == ST_RENAMED)
			prev = b;
	}
	/* done: the old files go, and a file made for an output is kept */
	EACH(a, only) {
		if (a->backup)
			ibm_unlink(a->backup);
		if (made_file_live && a->state != ST_WAITING) {
			char *c = ibm_path_canon(made_file);

			if (strcmp(c, a->canon) == 0)
				made_file_live = 0;
			free(c);
		}
	}
}

void ibm_atomic_commit(ibm_atomic *a)
{
	ibm_atomic_finish(a);
	if (!a->direct)
		commit(a);
	atomic_free(a);
	end_commit();
}

void ibm_atomic_commit_all(void)
{
	ibm_atomic *a, *next;

	/* every temporary file complete and synced first ... */
	for (a = pending; a; a = a->next)
		ibm_atomic_finish(a);
	/* ... then all put in place, and their directories synced */
	commit(NULL);
	for (a = pending; a; a = next) {
		next = a->next;
		atomic_free(a);
	}
	nmade = 0; /* the directories made hold the outputs now */
	end_commit();
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
