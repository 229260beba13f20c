/* port.c - POSIX and Windows differences (see port.h); the one place with
 * #ifdef _WIN32 in the tree. */
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
#include <sys/types.h>
#include <time.h>

static int is_sep(char c)
{
#ifdef _WIN32
	return c == '/' || c == '\\';
#else
	return c == '/';
#endif
}

const char *ibm_path_base(const char *path)
{
	const char *base = path;

#ifdef _WIN32
	if (((path[0] | 0x20) >= 'a' && (path[0] | 0x20) <= 'z') &&
	    path[1] == ':')
		base = path + 2;
#endif
	for (const char *p = base; *p; p++)
		if (is_sep(*p))
			base = p + 1;
	return base;
}

int ibm_path_is_abs(const char *path)
{
#ifdef _WIN32
	if (((path[0] | 0x20) >= 'a' && (path[0] | 0x20) <= 'z') &&
	    path[1] == ':')
		return 1;
#endif
	return is_sep(path[0]);
}

size_t ibm_path_dir_len(const char *path)
{
	return (size_t)(ibm_path_base(path) - path);
}

char *ibm_path_join(const char *dir, const char *name)
{
	size_t d = strlen(dir);
#ifdef _WIN32
	char sep = '\\';
#else
	char sep = '/';
#endif
	char *p;

	if (d == 0)
		return ibm_xstrdup(name);
	for (size_t i = d; i > 0; i--)
		if (is_sep(dir[i - 1])) {
			sep = dir[i - 1];
			break;
		}
	p = ibm_xmalloc(d + strlen(name) + 2);
	memcpy(p, dir, d);
	if (*ibm_path_base(dir) != '\0')
		p[d++] = sep;
	strcpy(p + d, name);
	return p;
}

int ibm_help_arg(const char *arg)
{
#ifdef _WIN32
	return strcmp(arg, "/?") == 0;
#else
	(void)arg;
	return 0;
#endif
}

#ifdef _WIN32

#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <direct.h>
#include <io.h>

/* UTF-8 to a malloc'd wide string; NULL with errno set. */
static wchar_t *wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1,
				    NULL, 0);
	wchar_t *w;

	if (n <= 0) {
		errno = EINVAL;
		return NULL;
	}
	w = malloc((size_t)n * sizeof *w);
	if (!w) {
		errno = ENOMEM;
		return NULL;
	}
	MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, n);
	return w;
}

/* UTF-16 to a malloc'd UTF-8 string; NULL with errno set. */
static char *narrow(const wchar_t *w)
{
	int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	char *s;

	if (n <= 0) {
		errno = EINVAL;
		return NULL;
	}
	s = ibm_xmalloc((size_t)n);
	WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
	return s;
}

/* The full form of a path (GetFullPathNameW: drive, ".", "..", '/' made
 * '\\'), malloc'd; NULL with errno. */
static wchar_t *full_path(const wchar_t *w)
{
	DWORD n = GetFullPathNameW(w, 0, NULL, NULL);
	wchar_t *f;

	if (n == 0) {
		errno = ENOENT;
		return NULL;
	}
	f = ibm_xmalloc(((size_t)n + 1) * sizeof *f);
	if (GetFullPathNameW(w, n + 1, f, NULL) == 0) {
		free(f);
		errno = ENOENT;
		return NULL;
	}
	return f;
}

/* 1 if the name is a DOS device (NUL, CON, COM1 ...): Windows makes its
 * full path "\\\\.\\NUL". */
static int dos_device(const wchar_t *w)
{
	wchar_t *f = full_path(w);
	int dev = f && wcsncmp(f, L"\\\\.\\", 4) == 0 &&
		  wcsncmp(w, L"\\\\.\\", 4) != 0;

	free(f);
	return dev;
}

static int errno_of(DWORD e)
{
	switch (e) {
	case ERROR_FILE_NOT_FOUND:
	case ERROR_PATH_NOT_FOUND:
	case ERROR_INVALID_DRIVE:
	case ERROR_INVALID_NAME:
		return ENOENT;
	case ERROR_ACCESS_DENIED:
	case ERROR_SHARING_VIOLATION:
	case ERROR_LOCK_VIOLATION:
	case ERROR_WRITE_PROTECT:
		return EACCES;
	case ERROR_ALREADY_EXISTS:
	case ERROR_FILE_EXISTS:
		return EEXIST;
	case ERROR_DISK_FULL:
	case ERROR_HANDLE_DISK_FULL:
		return ENOSPC;
	case ERROR_NOT_SAME_DEVICE:
		return EXDEV;
	case ERROR_DIRECTORY:
		return ENOTDIR;
	default:
		return EIO;
	}
}

static UINT console_cp;

/* the console's code page as the user had it */
static void restore_console(void)
{
	SetConsoleOutputCP(console_cp);
}

void ibm_port_init(void)
{
	_fmode = _O_BINARY; /* files opened without "b" or O_BINARY too */
	_setmode(0, _O_BINARY);
	_setmode(1, _O_BINARY);
	_setmode(2, _O_BINARY);
	console_cp = GetConsoleOutputCP();
	if (console_cp && console_cp != CP_UTF8 &&
	    SetConsoleOutputCP(CP_UTF8))
		atexit(restore_console);
}

int ibm_rename(const char *from, const char *to)
{
	wchar_t *wf = wide(from), *wt = wide(to);
	int r = -1;

	if (wf && wt) {
		if (MoveFileExW(wf, wt, MOVEFILE_REPLACE_EXISTING |
				MOVEFILE_WRITE_THROUGH))
			r = 0;
		else
			errno = errno_of(GetLastError());
	}
	free(wf);
	free(wt);
	return r;
}

int ibm_mkstemp(char *tmpl)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	static unsigned long long seed;
	size_t n = strlen(tmpl);
	char *x;

	if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX") != 0) {
		errno = EINVAL;
		return -1;
	}
	x = tmpl + n - 6;
	if (!seed)
		seed = ((unsigned long long)GetCurrentProcessId() << 32) ^
		       (unsigned long long)GetTickCount64() ^
		       (unsigned long long)(size_t)tmpl;
	for (int tries = 0; tries < 1000; tries++) {
		wchar_t *w;
		int fd;

		for (int i = 0; i < 6; i++) {
			seed = seed * 6364136223846793005ULL +
			       1442695040888963407ULL;
			x[i] = chars[(seed >> 33) % (sizeof chars - 1)];
		}
		HANDLE h;

		w = wide(tmpl);
		if (!w)
			return -1;
		/* shared for deleting: the Ctrl+C handler removes it while
		 * it is open, as on POSIX systems */
		h = CreateFileW(w, GENERIC_READ | GENERIC_WRITE,
				FILE_SHARE_READ | FILE_SHARE_WRITE |
				FILE_SHARE_DELETE, NULL, CREATE_NEW,
				FILE_ATTRIBUTE_NORMAL, NULL);
		free(w);
		if (h == INVALID_HANDLE_VALUE) {
			DWORD e = GetLastError();

			if (e == ERROR_FILE_EXISTS || e == ERROR_ALREADY_EXISTS)
				continue;
			errno = errno_of(e);
			return -1;
		}
		fd = _open_osfhandle((intptr_t)h, _O_RDWR | _O_BINARY);
		if (fd < 0)
			CloseHandle(h);
		return fd;
	}
	errno = EEXIST;
	return -1;
}

int ibm_open_read(const char *path)
{
	wchar_t *w = wide(path);
	int fd;

	if (!w)
		return -1;
	fd = _wopen(w, _O_RDONLY | _O_BINARY);
	free(w);
	return fd;
}

FILE *ibm_fopen_temp(const char *path)
{
	wchar_t *w = wide(path);
	HANDLE h;
	int fd;
	FILE *fp;

	if (!w)
		return NULL;
	h = CreateFileW(w, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE |
			FILE_SHARE_DELETE, NULL, CREATE_ALWAYS,
			FILE_ATTRIBUTE_NORMAL, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE) {
		errno = errno_of(GetLastError());
		return NULL;
	}
	fd = _open_osfhandle((intptr_t)h, _O_BINARY);
	if (fd < 0) {
		CloseHandle(h);
		return NULL;
	}
	fp = _fdopen(fd, "wb");
	if (!fp)
		_close(fd);
	return fp;
}

int ibm_open_read_nowait(const char *path)
{
	return ibm_open_read(path);
}

void ibm_set_blocking(int fd)
{
	(void)fd;
}

int ibm_fsync(int fd)
{
	return _commit(fd);
}

/* f on the UTF-16 form of path: _wunlink, _wmkdir */
static int wide_call(const char *path, int (*f)(const wchar_t *))
{
	wchar_t *w = wide(path);
	int r;

	if (!w)
		return -1;
	r = f(w);
	free(w);
	return r;
}

int ibm_unlink(const char *path)
{
	return wide_call(path, _wunlink);
}

int ibm_mkdir(const char *path)
{
	return wide_call(path, _wmkdir);
}

void ibm_set_new_file_mode(const char *path)
{
	(void)path; /* Windows files have no such modes */
}

const char *ibm_tmpdir(void)
{
	const char *names[] = { "TEMP", "TMP" };

	for (size_t i = 0; i < 2; i++) {
		const char *t = getenv(names[i]);

		if (t && *t)
			return t;
	}
	return NULL;
}

const char *ibm_fonts_dir(void)
{
	static char dir[MAX_PATH * 3 + 8];
	const char *w = getenv("WINDIR");

	if (!w || !*w)
		w = getenv("SystemRoot");
	if (!w || !*w)
		w = "C:\\Windows";
	snprintf(dir, sizeof dir, "%s\\Fonts", w);
	return dir;
}

struct tm *ibm_gmtime(time_t t, struct tm *out)
{
	return gmtime_s(out, &t) == 0 ? out : NULL;
}

struct tm *ibm_localtime(time_t t, struct tm *out)
{
	return localtime_s(out, &t) == 0 ? out : NULL;
}

time_t ibm_timegm(struct tm *tm)
{
	return _mkgmtime(tm);
}

/* A console, not NUL: _isatty is true for every character device,
 * and "< NUL" (or Wine's /dev/null) is no one typing. */
int ibm_is_terminal(int fd)
{
	DWORD mode;
	HANDLE h = (HANDLE)_get_osfhandle(fd);

	return h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode) != 0;
}

int ibm_setenv(const char *name, const char *value)
{
	return SetEnvironmentVariableA(name, value) &&
	       _putenv_s(name, value) == 0 ? 0 : -1;
}

void ibm_pipe_closed_exit(int err)
{
	DWORD e = GetLastError();

	if ((err == EPIPE || err == EINVAL) &&
	    (e == ERROR_BROKEN_PIPE || e == ERROR_NO_DATA ||
	     e == ERROR_PIPE_NOT_CONNECTED))
		exit(74); /* IBM_EX_IOERR; atexit removes temporary files */
}

void ibm_catch_signals(void (*handler)(int))
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGBREAK };

	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		void (*old)(int) = signal(sigs[i], handler);

		if (old == SIG_IGN)
			signal(sigs[i], SIG_IGN);
	}
}

/* ------------------------------------------------------ output files */

char *ibm_path_canon(const char *path)
{
	wchar_t *w = wide(path), *f = w ? full_path(w) : NULL;
	char *s;

	free(w);
	if (!f)
		return ibm_xstrdup(path);
	/* one file whatever the case of its letters (NTFS, FAT) */
	CharUpperBuffW(f, (DWORD)wcslen(f));
	s = narrow(f);
	free(f);
	return s ? s : ibm_xstrdup(path);
}

/* No symbolic links to follow, no FIFOs or sockets by name: a name is a
 * regular file, a directory, a device (NUL, CON) or new. */
char *ibm_out_resolve(const char *path, int *kind)
{
	struct _stat64 st;
	wchar_t *w = wide(path);
	int r;

	if (!w)
		return NULL;
	if (dos_device(w)) {
		free(w);
		*kind = IBM_K_STREAM;
		return ibm_xstrdup(path);
	}
	r = _wstat64(w, &st);
	free(w);
	if (r != 0) {
		if (errno != ENOENT)
			return NULL;
		*kind = IBM_K_NONE;
	} else if (st.st_mode & _S_IFDIR) {
		*kind = IBM_K_DIR;
	} else if (st.st_mode & _S_IFCHR) {
		*kind = IBM_K_STREAM;
	} else if (st.st_mode & _S_IFREG) {
		*kind = IBM_K_REG;
	} else {
		*kind = IBM_K_OTHER;
	}
	return ibm_xstrdup(path);
}

int ibm_out_open_stream(const char *path, int kind)
{
	wchar_t *w;
	int fd;

	if (kind != IBM_K_STREAM) {
		errno = EINVAL;
		return -1;
	}
	w = wide(path);
	if (!w)
		return -1;
	fd = _wopen(w, _O_WRONLY | _O_BINARY);
	free(w);
	return fd;
}

static int pid_alive(long pid)
{
	HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE,
			       (DWORD)pid);
	DWORD code = 0;
	int alive;

	if (!h)
		return GetLastError() != ERROR_INVALID_PARAMETER;
	alive = !GetExitCodeProcess(h, &code) || code == STILL_ACTIVE;
	CloseHandle(h);
	return alive;
}

char **ibm_find_leftovers(const char *dir, const char *tag_s, size_t *n)
{
	char *pat = ibm_xmalloc(strlen(dir) + 4);
	wchar_t *w;
	WIN32_FIND_DATAW fd;
	HANDLE h;
	char **v = NULL;
	size_t cap = 0, taglen = strlen(tag_s);

	*n = 0;
	sprintf(pat, "%s*", dir);
	w = wide(pat);
	free(pat);
	if (!w)
		return NULL;
	h = FindFirstFileW(w, &fd);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return NULL;
	do {
		char s[MAX_PATH * 4];
		const char *tag = NULL, *t;
		char *end, *full;
		long pid;

		if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
			continue;
		if (WideCharToMultiByte(CP_UTF8, 0, fd.cFileName, -1, s,
					(int)sizeof s, NULL, NULL) <= 0 ||
		    s[0] != '.')
			continue;
		for (t = strstr(s, tag_s); t; t = strstr(t + 1, tag_s))
			tag = t;
		if (!tag)
			continue;
		pid = strtol(tag + taglen, &end, 10);
		if (end == tag + taglen || pid <= 0 || *end != '-' ||
		    strlen(end + 1) != 6 ||
		    pid == (long)GetCurrentProcessId() || pid_alive(pid))
			continue;
		full = ibm_xmalloc(strlen(dir) + strlen(s) + 1);
		strcpy(full, dir);
		strcat(full, s);
		ibm_grow((void **)&v, &cap, *n + 1, sizeof *v);
		v[(*n)++] = full;
	} while (FindNextFileW(h, &fd));
	FindClose(h);
	return v;
}

void ibm_keep_attrs(int fd, const char *target)
{
	/* no owners or permission bits to keep */
	(void)fd;
	(void)target;
}

void ibm_set_private_mode(int fd)
{
	(void)fd; /* files have no permission bits on Windows */
}

int ibm_sync_dir(const char *dir)
{
	(void)dir; /* directories are not synced on Windows */
	return 0;
}

int ibm_file_id(const char *path, unsigned long long id[2])
{
	wchar_t *w = wide(path);
	HANDLE h;
	BY_HANDLE_FILE_INFORMATION fi;
	int rc;

	if (!w)
		return -1;
	h = CreateFileW(w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE |
			FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
			FILE_FLAG_BACKUP_SEMANTICS, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	if (!GetFileInformationByHandle(h, &fi)) {
		CloseHandle(h);
		return -1;
	}
	if (GetFileType(h) != FILE_TYPE_DISK ||
	    (fi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)) {
		id[0] = id[1] = 0;
		rc = 1;
	} else {
		id[0] = fi.dwVolumeSerialNumber;
		id[1] = ((unsigned long long)fi.nFileIndexHigh << 32) |
			fi.nFileIndexLow;
		rc = 0;
	}
	CloseHandle(h);
	return rc;
}

int ibm_path_exists(const char *path)
{
	wchar_t *w = wide(path);
	DWORD a;

	if (!w)
		return 0;
	a = GetFileAttributesW(w);
	free(w);
	return a != INVALID_FILE_ATTRIBUTES;
}

/* ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION: another program
 * (Excel) has the file open and does not share it */
static int held(DWORD e)
{
	return e == ERROR_SHARING_VIOLATION || e == ERROR_LOCK_VIOLATION ||
	       e == ERROR_USER_MAPPED_FILE;
}

int ibm_out_replaceable(const char *target)
{
	wchar_t *w = wide(target);
	HANDLE h;
	DWORD e;

	if (!w)
		return -1;
	/* what MoveFileEx needs of the file it replaces: DELETE access,
	 * which a program that opened it without FILE_SHARE_DELETE denies */
	h = CreateFileW(w, DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE |
			FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
			FILE_ATTRIBUTE_NORMAL, NULL);
	free(w);
	if (h != INVALID_HANDLE_VALUE) {
		CloseHandle(h);
		return 0;
	}
	e = GetLastError();
	if (e == ERROR_FILE_NOT_FOUND)
		return 0;
	if (held(e))
		return IBM_HELD;
	errno = errno_of(e);
	return -1;
}

int ibm_backup(const char *target, const char *backup)
{
	wchar_t *t = wide(target), *b = wide(backup);
	int r = -1;

	if (t && b) {
		/* a hard link (NTFS); a copy elsewhere (FAT, some shares) */
		if (CreateHardLinkW(b, t, NULL) || CopyFileW(t, b, TRUE))
			r = 0;
		else
			errno = errno_of(GetLastError());
	}
	free(t);
	free(b);
	return r;
}

int ibm_open_in_place(const char *path)
{
	wchar_t *w = wide(path);
	HANDLE h;
	int fd;

	if (!w)
		return -1;
	h = CreateFileW(w, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ |
			FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
			OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE) {
		DWORD e = GetLastError();

		if (held(e))
			return IBM_HELD;
		errno = errno_of(e);
		return -1;
	}
	if (GetFileType(h) != FILE_TYPE_DISK) {
		CloseHandle(h);
		errno = EINVAL;
		return -1;
	}
	fd = _open_osfhandle((intptr_t)h, _O_RDWR | _O_BINARY);
	if (fd < 0)
		CloseHandle(h);
	return fd;
}

int ibm_ftruncate(int fd, long long len)
{
	errno_t e = _chsize_s(fd, len);

	if (e) {
		errno = e;
		return -1;
	}
	return 0;
}

int ibm_rename_open_ok(void)
{
	return 0; /* MoveFileEx refuses to replace a file open anywhere */
}

/* The byte locked: far past any register's end, so that reads and writes
 * of the file's bytes (through other handles too) are not blocked, as
 * Windows locks are mandatory. */
#define LOCK_AT_HIGH 0x40000000u

static BOOL lock_byte(HANDLE h, DWORD flags)
{
	OVERLAPPED ov;

	memset(&ov, 0, sizeof ov);
	ov.OffsetHigh = LOCK_AT_HIGH;
	return LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | flags, 0, 1, 0, &ov);
}

int ibm_lock_open(const char *path, int *created,
		  void (*waiting)(const char *path))
{
	for (int tries = 0; tries < 1000; tries++) {
		wchar_t *w = wide(path);
		HANDLE h;
		BY_HANDLE_FILE_INFORMATION fi;
		unsigned long long id[2];
		int made, fd;

		if (!w)
			return -1;
		h = CreateFileW(w, GENERIC_READ, FILE_SHARE_READ |
				FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
				OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
		made = h != INVALID_HANDLE_VALUE &&
		       GetLastError() != ERROR_ALREADY_EXISTS;
		free(w);
		if (h == INVALID_HANDLE_VALUE) {
			DWORD e = GetLastError();

			if (e == ERROR_ACCESS_DENIED && tries < 50) {
				/* a register being removed by another run
				 * (delete pending): gone within moments */
				Sleep(10);
				continue;
			}
			errno = errno_of(e);
			return -1;
		}
		if (GetFileType(h) != FILE_TYPE_DISK) {
			CloseHandle(h);
			return -2;
		}
		if (!lock_byte(h, LOCKFILE_FAIL_IMMEDIATELY)) {
			int got = 0;

			for (int i = 0; i < 20 && !got; i++) {
				Sleep(50);
				got = lock_byte(h, LOCKFILE_FAIL_IMMEDIATELY);
			}
			if (!got && waiting)
				waiting(path);
			if (!got && !lock_byte(h, 0)) {
				errno = errno_of(GetLastError());
				CloseHandle(h);
				return -1;
			}
		}
		/* removed or replaced while we waited: lock the file now
		 * there */
		if (!GetFileInformationByHandle(h, &fi) ||
		    ibm_file_id(path, id) != 0 ||
		    id[0] != fi.dwVolumeSerialNumber ||
		    id[1] != (((unsigned long long)fi.nFileIndexHigh << 32) |
			      fi.nFileIndexLow)) {
			CloseHandle(h);
			continue;
		}
		fd = _open_osfhandle((intptr_t)h, _O_RDONLY | _O_BINARY);
		if (fd < 0) {
			CloseHandle(h);
			return -1;
		}
		if (created)
			*created = made;
		return fd;
	}
	errno = EAGAIN;
	return -1;
}

#else /* POSIX */

#include <dirent.h>
#include <limits.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

void ibm_port_init(void)
{
}

int ibm_rename(const char *from, const char *to)
{
	return rename(from, to);
}

int ibm_mkstemp(char *tmpl)
{
	return mkstemp(tmpl);
}

int ibm_open_read(const char *path)
{
	int fd = open(path, O_RDONLY);
	struct stat st;

	/* a directory opens, then fails at the first read: refused here,
	 * as Windows refuses it (ibmkit(7): 66, not 74) */
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return -1;
	}
	return fd;
}

FILE *ibm_fopen_temp(const char *path)
{
	return fopen(path, "wb");
}

int ibm_open_read_nowait(const char *path)
{
	return open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
}

void ibm_set_blocking(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl >= 0)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

int ibm_fsync(int fd)
{
	return fsync(fd);
}

int ibm_unlink(const char *path)
{
	return unlink(path);
}

int ibm_mkdir(const char *path)
{
	return mkdir(path, 0777);
}

void ibm_set_new_file_mode(const char *path)
{
	/* mkstemp made it 0600 */
	mode_t mask = umask(0);

	umask(mask);
	chmod(path, 0666 & ~mask);
}

const char *ibm_tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	return t && *t ? t : NULL;
}

const char *ibm_fonts_dir(void)
{
	return NULL;
}

struct tm *ibm_gmtime(time_t t, struct tm *out)
{
	return gmtime_r(&t, out);
}

struct tm *ibm_localtime(time_t t, struct tm *out)
{
	return localtime_r(&t, out);
}

time_t ibm_timegm(struct tm *tm)
{
	/* days from the civil date, without the C library's timegm */
	long long y = tm->tm_year + 1900LL, m = tm->tm_mon + 1LL;
	long long era, yoe, doy, doe, days;

	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	if (m <= 0) {
		m += 12;
		y--;
	}
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + tm->tm_mday - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = era * 146097 + doe - 719468;
	return (time_t)(((days * 24 + tm->tm_hour) * 60 + tm->tm_min) * 60 +
			tm->tm_sec);
}

int ibm_is_terminal(int fd)
{
	return isatty(fd);
}

int ibm_setenv(const char *name, const char *value)
{
	return setenv(name, value, 1);
}

void ibm_pipe_closed_exit(int err)
{
	(void)err; /* SIGPIPE has ended the program already */
}

void ibm_catch_signals(void (*handler)(int))
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old;

		sigaction(sigs[i], NULL, &old);
		if (old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
}

/* ------------------------------------------------------ output files */

/* The descriptor N that "/dev/fd/N", "/proc/self/fd/N" or
 * "/proc/PID/fd/N" (PID ours) names, or -1. Such a name is a link only
 * the kernel can follow (to "pipe:[123]", a terminal, a file). */
static int fd_link(const char *p)
{
	char own[48];
	const char *s = NULL;
	char *end;
	long n;

	snprintf(own, sizeof own, "/proc/%ld/fd/", (long)getpid());
	if (strncmp(p, "/dev/fd/", 8) == 0)
		s = p + 8;
	else if (strncmp(p, "/proc/self/fd/", 14) == 0)
		s = p + 14;
	else if (strncmp(p, own, strlen(own)) == 0)
		s = p + strlen(own);
	if (!s || *s < '0' || *s > '9')
		return -1;
	n = strtol(s, &end, 10);
	return *end || n > INT_MAX ? -1 : (int)n;
}

static int kind_of(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return IBM_K_REG;
	if (S_ISDIR(st->st_mode))
		return IBM_K_DIR;
	if (S_ISCHR(st->st_mode) || S_ISFIFO(st->st_mode))
		return IBM_K_STREAM;
	if (S_ISBLK(st->st_mode))
		return IBM_K_BLOCK;
	if (S_ISSOCK(st->st_mode))
		return IBM_K_SOCKET;
	return IBM_K_OTHER;
}

static const char *link_fd_name(int fd, char *buf)
{
	sprintf(buf, "/dev/fd/%d", fd);
	return buf;
}

/* PATH absolute, with "", "." and ".." components resolved by their
 * names (for a folder that does not exist yet). */
static char *lexical_abs(const char *path)
{
	char cwd[PATH_MAX], *s, *out;
	size_t n = 0;

	if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
		cwd[0] = '\0';
	s = ibm_xmalloc(strlen(cwd) + strlen(path) + 2);
	sprintf(s, "%s/%s", cwd, path);
	out = ibm_xmalloc(strlen(s) + 2);
	for (char *c = strtok(s, "/"); c; c = strtok(NULL, "/")) {
		if (strcmp(c, ".") == 0 || !*c)
			continue;
		if (strcmp(c, "..") == 0) {
			while (n > 0 && out[--n] != '/')
				;
			continue;
		}
		out[n++] = '/';
		strcpy(out + n, c);
		n += strlen(c);
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	free(s);
	return out;
}

char *ibm_path_canon(const char *path)
{
	size_t d = ibm_path_dir_len(path);
	char *dir = ibm_xstrndup(path, d), *real, *s;
	const char *base = path + d;

	/* the folder as the kernel finds it, links followed */
	real = realpath(d ? dir : ".", NULL);
	free(dir);
	if (!real || !*base || strcmp(base, ".") == 0 ||
	    strcmp(base, "..") == 0) {
		free(real);
		return lexical_abs(path);
	}
	s = ibm_path_join(real, base);
	free(real);
	return s;
}

/* A link the kernel would not follow under fs.protected_symlinks: in a
 * sticky world-writable folder, owned neither by the follower nor by
 * the folder's owner. */
static int shared_link(const char *link, const struct stat *st)
{
	size_t d = ibm_path_dir_len(link);
	char *dir = ibm_xstrndup(link, d);
	struct stat ds;
	int r;

	r = stat(d ? dir : ".", &ds) == 0 && (ds.st_mode & S_ISVTX) &&
	    (ds.st_mode & S_IWOTH) && st->st_uid != geteuid() &&
	    st->st_uid != ds.st_uid;
	free(dir);
	return r;
}

/*
 * Follow symbolic links from path (at most 40, as the kernel does) to the
 * name of the file that would be written. Returns a malloc'd path and
 * sets *kind (IBM_K_NONE when it does not exist); NULL with errno on error.
 * A link in a shared folder that the kernel would not follow is returned
 * itself, with IBM_K_SHARED_LINK.
 */
char *ibm_out_resolve(const char *path, int *kind)
{
	char *p = ibm_xstrdup(path);

	for (int hops = 0;; hops++) {
		struct stat st;
		char link[PATH_MAX];
		ssize_t n;
		char *q;
		const char *slash;
		int fd = fd_link(p);

		if (fd >= 0) {
			free(p);
			*kind = IBM_K_FD;
			return ibm_xstrdup(fd == 1 ? "-" : link_fd_name(fd,
								 link));
		}
		if (lstat(p, &st) != 0) {
			if (errno == ENOENT) {
				*kind = IBM_K_NONE;
				return p;
			}
			free(p);
			return NULL;
		}
		if (!S_ISLNK(st.st_mode)) {
			*kind = kind_of(&st);
			return p;
		}
		if (shared_link(p, &st)) {
			*kind = IBM_K_SHARED_LINK;
			return p;
		}
		if (hops == 40) {
			free(p);
			errno = ELOOP;
			return NULL;
		}
		n = readlink(p, link, sizeof link - 1);
		if (n < 0) {
			free(p);
			return NULL;
		}
		link[n] = '\0';
		slash = strrchr(p, '/');
		if (link[0] == '/' || !slash) {
			q = ibm_xstrdup(link);
		} else {
			size_t d = (size_t)(slash - p) + 1;

			q = ibm_xmalloc(d + (size_t)n + 1);
			memcpy(q, p, d);
			memcpy(q + d, link, (size_t)n + 1);
		}
		free(p);
		p = q;
	}
}

/* Open a character device, FIFO or socket for writing; -1 with errno. */
int ibm_out_open_stream(const char *path, int kind)
{
	if (kind == IBM_K_SOCKET) {
		struct sockaddr_un sa;
		int fd;

		if (strlen(path) >= sizeof sa.sun_path) {
			errno = ENAMETOOLONG;
			return -1;
		}
		memset(&sa, 0, sizeof sa);
		sa.sun_family = AF_UNIX;
		strcpy(sa.sun_path, path);
		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		if (fd >= 0 && connect(fd, (struct sockaddr *)&sa,
				       sizeof sa) != 0) {
			int e = errno;

			close(fd);
			errno = e;
			fd = -1;
		}
		return fd;
	}
	if (kind == IBM_K_FD)
		return dup(fd_link(path)); /* its offset shared, as a shell's */
	return open(path, O_WRONLY | O_NOCTTY);
}

static int pid_alive(long pid)
{
	return kill((pid_t)pid, 0) == 0 || errno != ESRCH;
}

/*
 * Leftover temporary files of killed runs in dir: names "." NAME TMP_TAG
 * PID "-XXXXXX" that are regular files of this user whose process no
 * longer exists on this machine. Returns a malloc'd array of n names.
 */
char **ibm_find_leftovers(const char *dir, const char *tag_s, size_t *n)
{
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *e;
	char **v = NULL;
	size_t cap = 0;
	size_t taglen = strlen(tag_s);

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		const char *s = e->d_name, *tag = NULL, *t;
		char *end, *full;
		long pid;
		struct stat st;

		if (s[0] != '.')
			continue;
		for (t = strstr(s, tag_s); t; t = strstr(t + 1, tag_s))
			tag = t;
		if (!tag)
			continue;
		pid = strtol(tag + taglen, &end, 10);
		if (end == tag + taglen || pid <= 0 || *end != '-' ||
		    strlen(end + 1) != 6 || pid == (long)getpid() ||
		    pid_alive(pid))
			continue;
		full = ibm_xmalloc(strlen(dir) + strlen(s) + 1);
		strcpy(full, dir);
		strcat(full, s);
		if (lstat(full, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid()) {
			ibm_grow((void **)&v, &cap, *n + 1, sizeof *v);
			v[(*n)++] = full;
		} else {
			free(full);
		}
	}
	closedir(d);
	return v;
}

/*
 * Give the temporary file (fd) the owner and permission bits of the file
 * it replaces, or a new file's mode (0666 less the umask). Errors are
 * ignored: the owner can be kept only by a process allowed to.
 */
void ibm_keep_attrs(int fd, const char *target)
{
	struct stat st;

	if (stat(target, &st) == 0 && S_ISREG(st.st_mode)) {
		if (fchown(fd, st.st_uid, st.st_gid) != 0 &&
		    fchown(fd, (uid_t)-1, st.st_gid) != 0) {
			/* not allowed: the file becomes ours */
		}
		fchmod(fd, st.st_mode & 07777);
	} else {
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
}

void ibm_set_private_mode(int fd)
{
	fchmod(fd, 0600);
}

/* fsync a directory after a rename; 0 or -1 with errno. File systems
 * that cannot sync a directory are not an error. */
int ibm_sync_dir(const char *dir)
{
	int fd = open(*dir ? dir : ".", O_RDONLY);
	int rc = 0;

	if (fd < 0)
		return 0;
	if (fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP &&
	    errno != EBADF)
		rc = -1;
	close(fd);
	return rc;
}

/* Identity of an existing file (following links); 0 or -1. Only
 * regular files have one here: a device or a FIFO may be named twice. */
int ibm_file_id(const char *path, unsigned long long id[2])
{
	struct stat st;

	if (stat(path, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		id[0] = id[1] = 0;
		return 1;
	}
	id[0] = (unsigned long long)st.st_dev;
	id[1] = (unsigned long long)st.st_ino;
	return 0;
}

int ibm_path_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

int ibm_out_replaceable(const char *target)
{
	struct stat st, ds;
	size_t d = ibm_path_dir_len(target);
	char *dir;
	int sticky;

	if (lstat(target, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return -1;
	}
	/* in a sticky folder only the file's or the folder's owner may
	 * replace it (root too) */
	dir = ibm_xstrndup(target, d);
	sticky = stat(d ? dir : ".", &ds) == 0 && (ds.st_mode & S_ISVTX);
	free(dir);
	if (sticky && geteuid() != 0 && st.st_uid != geteuid() &&
	    ds.st_uid != geteuid()) {
		errno = EPERM;
		return -1;
	}
	return 0;
}

/* A copy of FROM at the new name TO, with FROM's permission bits. */
static int copy_file(const char *from, const char *to)
{
	char buf[65536];
	struct stat st;
	int in = open(from, O_RDONLY | O_CLOEXEC | O_NONBLOCK), out, e = 0;
	ssize_t k;

	if (in < 0)
		return -1;
	if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(in);
		errno = EINVAL;
		return -1;
	}
	ibm_set_blocking(in);
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		e = errno;
		close(in);
		errno = e;
		return -1;
	}
	while ((k = read(in, buf, sizeof buf)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 || write(out, buf, (size_t)k) != k) {
			e = errno ? errno : EIO;
			break;
		}
	}
	if (!e) {
		if (fchmod(out, st.st_mode & 07777) != 0) {
			/* the copy is ours: its bits are no matter */
		}
		if (fsync(out) != 0)
			e = errno;
	}
	if (close(out) != 0 && !e)
		e = errno;
	close(in);
	if (e) {
		unlink(to);
		errno = e;
		return -1;
	}
	return 0;
}

int ibm_backup(const char *target, const char *backup)
{
	if (link(target, backup) == 0)
		return 0;
	if (errno == EEXIST || errno == ENOENT || errno == EACCES ||
	    errno == ENOSPC || errno == EROFS)
		return -1;
	/* no hard links here (vfat, some network file systems), or none to
	 * another user's file (fs.protected_hardlinks): a copy */
	return copy_file(target, backup);
}

int ibm_open_in_place(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	ibm_set_blocking(fd);
	return fd;
}

int ibm_ftruncate(int fd, long long len)
{
	return ftruncate(fd, (off_t)len);
}

int ibm_rename_open_ok(void)
{
	return 1;
}

/* flock(LOCK_EX), calling waiting(path) once when another process has
 * held the lock for a second. */
static int lock_waiting(int fd, const char *path,
			void (*waiting)(const char *path))
{
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno != EWOULDBLOCK && errno != EINTR)
		return -1;
	for (int i = 0; i < 20; i++) {
		struct timespec ts = { 0, 50 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
	}
	if (waiting)
		waiting(path);
	while (flock(fd, LOCK_EX) != 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

int ibm_lock_open(const char *path, int *created,
		  void (*waiting)(const char *path))
{
	for (int tries = 0;; tries++) {
		struct stat a, b;
		int made = 0, e;
		/* O_NONBLOCK: a FIFO is refused, not waited for */
		int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK |
			      O_NOCTTY);

		if (fd < 0 && errno == ENOENT) {
			fd = open(path, O_RDONLY | O_CREAT | O_EXCL |
				  O_CLOEXEC | O_NOCTTY, 0666);
			made = fd >= 0;
			if (fd < 0 && errno == EEXIST && tries < 100)
				continue; /* made by another run meanwhile */
			if (fd < 0 && errno == EEXIST) /* a dangling link */
				fd = open(path, O_RDONLY | O_CREAT |
					  O_CLOEXEC | O_NOCTTY, 0666);
		}
		if (fd < 0)
			return -1;
		if (fstat(fd, &a) != 0)
			goto fail;
		if (!S_ISREG(a.st_mode)) {
			close(fd);
			return -2;
		}
		ibm_set_blocking(fd);
		if (lock_waiting(fd, path, waiting) != 0)
			goto fail;
		if (stat(path, &b) == 0 && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino) {
			if (created)
				*created = made;
			return fd;
		}
		close(fd); /* replaced or removed meanwhile: the new file */
		continue;
fail:
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
}

#endif

long ibm_utc_offset(time_t t)
{
	struct tm l = { 0 };

	/* the local clock read as if it were UTC, less the time itself */
	if (!ibm_localtime(t, &l))
		return 0;
	return (long)(ibm_timegm(&l) - t);
}

int ibm_scratch_fd(const char *tag, const char **dir)
{
	const char *d = ibm_tmpdir();
	char *path;
	int fd;

	if (!d || !*d)
		d = "/tmp";
	*dir = d;
	path = ibm_xmalloc(strlen(d) + strlen(tag) + 17);
	sprintf(path, "%s/.ibmkit-%s.XXXXXX", d, tag);
	fd = ibm_mkstemp(path);
	if (fd >= 0)
		ibm_unlink(path); /* open: removed when closed (Windows too) */
	free(path);
	return fd;
}

/* standard error's descriptor while muted, else -1 */
static int stderr_saved = -1;

void ibm_stderr_mute(void)
{
#ifdef _WIN32
	int null = _open("NUL", _O_WRONLY);
#else
	int null = open("/dev/null", O_WRONLY);
#endif

	if (stderr_saved >= 0 || null < 0) {
		if (null >= 0)
			close(null);
		return;
	}
	fflush(stderr);
	stderr_saved = dup(2);
	if (stderr_saved >= 0 && dup2(null, 2) < 0) {
		close(stderr_saved);
		stderr_saved = -1;
	}
	close(null);
}

void ibm_stderr_unmute(void)
{
	int e = errno;

	if (stderr_saved < 0)
		return;
	fflush(stderr);
	dup2(stderr_saved, 2);
	close(stderr_saved);
	stderr_saved = -1;
	errno = e;
}

int ibm_write_all(int fd, const void *p, size_t n)
{
	const char *b = p;

	while (n) {
		/* Windows' write takes an unsigned int count */
		unsigned chunk = n > (1u << 30) ? 1u << 30 : (unsigned)n;
		long w = (long)write(fd, b, chunk);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return -1;
		}
		b += w;
		n -= (size_t)w;
	}
	return 0;
}
