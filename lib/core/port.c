/* port.c - POSIX and Windows differences (see port.h); the one place with
 * #ifdef _WIN32 in the tree. */
#define _POSIX_C_SOURCE 200809L
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
		w = wide(tmpl);
		if (!w)
			return -1;
		fd = _wopen(w, _O_CREAT | _O_EXCL | _O_RDWR | _O_BINARY |
			    _O_NOINHERIT, _S_IREAD | _S_IWRITE);
		free(w);
		if (fd >= 0 || errno != EEXIST)
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

int ibm_fsync(int fd)
{
	return _commit(fd);
}

int ibm_unlink(const char *path)
{
	wchar_t *w = wide(path);
	int r;

	if (!w)
		return -1;
	r = _wunlink(w);
	free(w);
	return r;
}

int ibm_mkdir(const char *path)
{
	wchar_t *w = wide(path);
	int r;

	if (!w)
		return -1;
	r = _wmkdir(w);
	free(w);
	return r;
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

#else /* POSIX */

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
	return open(path, O_RDONLY);
}

FILE *ibm_fopen_temp(const char *path)
{
	return fopen(path, "wb");
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

#endif

long ibm_utc_offset(time_t t)
{
	struct tm l = { 0 };

	/* the local clock read as if it were UTC, less the time itself */
	if (!ibm_localtime(t, &l))
		return 0;
	return (long)(ibm_timegm(&l) - t);
}
