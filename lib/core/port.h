/*
 * port.h - what differs between POSIX systems and Windows, in one place.
 *
 * Everything else in the library and the tools is plain C11 plus these
 * functions; their only #ifdef _WIN32 is in port.c (the unit tests have
 * one more, in tests/unit/unit.h: no fork there). On Windows the programs carry
 * an application manifest (windows/ibmkit.manifest) whose active code page
 * is UTF-8, so that argv, file names given to fopen and the libraries, and
 * getenv are UTF-8 as on Linux; ibm_port_init sets the console to UTF-8.
 * getopt_long comes from the C library (mingw-w64's runtime on Windows).
 */
#ifndef IBMKIT_PORT_H
#define IBMKIT_PORT_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

/* Called once at start (by ibm_diag_init): standard input and output,
 * and every file opened later, in binary mode (no CRLF translation: the
 * bytes are those of Linux), UTF-8 console output. Nothing to do on POSIX
 * systems. */
void ibm_port_init(void);

/* Files. All return 0 (or a descriptor) on success, -1 with errno set. */
/* rename(2), replacing an existing file (MoveFileEx on Windows). */
int ibm_rename(const char *from, const char *to);
/* mkstemp(3): TMPL ends in XXXXXX; the file is created 0600 (binary). */
int ibm_mkstemp(char *tmpl);
/* open(path, O_RDONLY) in binary mode; a directory fails (EISDIR). */
int ibm_open_read(const char *path);
/* The same without waiting for a FIFO's writer (O_NONBLOCK), and the
 * descriptor made blocking again (the same as the above on Windows). */
int ibm_open_read_nowait(const char *path);
void ibm_set_blocking(int fd);
/* fopen(path, "wb") for a temporary output: on Windows it is opened so
 * that the Ctrl+C handler can remove it while it is open. */
FILE *ibm_fopen_temp(const char *path);
int ibm_fsync(int fd);
int ibm_unlink(const char *path);
/* mkdir(2) with mode 0777 (less the umask). */
int ibm_mkdir(const char *path);
/* Give a finished temporary file the mode a new file would have (0666
 * less the umask); a no-op where files have no such modes. */
void ibm_set_new_file_mode(const char *path);

/* Paths: '/' everywhere, and '\\' and drive letters ("C:") on Windows. */
/* The last component of PATH (after the last separator). */
const char *ibm_path_base(const char *path);
/* 1 if PATH does not depend on the current directory ("/x", "C:\\x",
 * "\\\\server\\share"). */
int ibm_path_is_abs(const char *path);
/* Length of PATH's folder part, its last separator (or the "C:" of a
 * drive-relative name) included; 0 for a name alone. */
size_t ibm_path_dir_len(const char *path);
/* DIR and NAME joined with DIR's own last separator ('/', or '\\' on
 * Windows when DIR has none), none added when DIR ends in one (or is
 * "C:"); NAME alone when DIR is "". Malloc'd. */
char *ibm_path_join(const char *dir, const char *name);
/* The absolute form of PATH for comparing names of one file: its folder
 * with symbolic links followed where it exists (POSIX), ".", ".." and
 * repeated separators resolved, and on Windows the full path in upper
 * case (names differing in case are one file there). Malloc'd. */
char *ibm_path_canon(const char *path);
/* 1 if ARG is the system's own way to ask for help ("/?" on Windows). */
int ibm_help_arg(const char *arg);
/* Directory for temporary files: TMPDIR (TEMP or TMP on Windows), or
 * NULL when unset (the library's default). */
const char *ibm_tmpdir(void);
/* A scratch file that is gone when closed (also on an error exit):
 * "DIR/.ibmkit-TAG.XXXXXX" made and unlinked at once, DIR ibm_tmpdir()
 * or /tmp (set in *dir for messages). Its descriptor, or -1 with errno. */
int ibm_scratch_fd(const char *tag, const char **dir);
/* write(2) until all n bytes are written: 0, or -1 with errno (a write
 * that stops short without one, as on a full disk, says ENOSPC). */
int ibm_write_all(int fd, const void *p, size_t n);
/* Standard error sent to the null device while a library that prints its
 * own messages runs (libxlsxwriter's "[ERROR]" lines beside the tool's
 * own), and given back; every message of the tool (ibm_vmsg) gives it
 * back first. errno is kept. */
void ibm_stderr_mute(void);
void ibm_stderr_unmute(void);
/* The system's folder of TrueType fonts where a font file name alone is
 * looked for ("C:\\Windows\\Fonts"), or NULL (POSIX: names are paths). */
const char *ibm_fonts_dir(void);

/* Time: gmtime_r, localtime_r and timegm. */
struct tm *ibm_gmtime(time_t t, struct tm *out);
struct tm *ibm_localtime(time_t t, struct tm *out);
time_t ibm_timegm(struct tm *tm);
/* Seconds east of UTC of the local time at T (tm_gmtoff where it
 * exists): 25200 for WIB. */
long ibm_utc_offset(time_t t);
/* A terminal (on Windows a console, not the NUL device) is on FD. */
int ibm_is_terminal(int fd);
/* setenv(name, value, 1) */
int ibm_setenv(const char *name, const char *value);

/* Called first by ibm_die_errno with its errno: if the write that failed
 * was to a pipe whose reader has gone ("| more" quit), the program ends
 * quietly with status 74, as SIGPIPE ends it quietly on POSIX systems
 * (where this does nothing: Windows has no SIGPIPE). */
void ibm_pipe_closed_exit(int err);

/* Signals that end the program (SIGINT, SIGTERM, and SIGHUP and SIGPIPE
 * where they exist; Ctrl+C and Ctrl+Break on Windows): HANDLER is set for
 * each that is not ignored. */
void ibm_catch_signals(void (*handler)(int));

/* Output files (atomic.c). The kind of file an output's name leads to. */
enum {
	IBM_K_NONE,     /* no such file */
	IBM_K_REG,      /* a regular file */
	IBM_K_DIR,
	IBM_K_STREAM,   /* a character device or FIFO */
	IBM_K_BLOCK,
	IBM_K_SOCKET,
	IBM_K_OTHER,
	IBM_K_FD        /* /dev/stdout, /dev/fd/N: a descriptor of ours */
};
/* Returned by ibm_out_resolve with the name of a symbolic link it does
 * not follow: one in a sticky world-writable folder (/tmp) that belongs
 * neither to this user nor to the folder's owner, as the kernel's
 * fs.protected_symlinks refuses it. */
#define IBM_K_SHARED_LINK 100
/* Follow symbolic links from PATH (at most 40) to the name of the file
 * that would be written: a malloc'd path, *kind set; NULL with errno.
 * Windows: no links; a DOS device name (NUL, CON, COM1 ...) is a
 * stream. */
char *ibm_out_resolve(const char *path, int *kind);
/* Open a device, FIFO, socket or descriptor name (kind from
 * ibm_out_resolve) for writing; -1 with errno. */
int ibm_out_open_stream(const char *path, int kind);
/* Temporary files of killed runs in DIR ("" or ending in a separator):
 * ".NAME" TAG "PID-XXXXXX", regular files of this user whose process is
 * gone. A malloc'd array of *n malloc'd paths. */
char **ibm_find_leftovers(const char *dir, const char *tag, size_t *n);
/* Give the temporary file FD the owner and permission bits of TARGET, or
 * a new file's mode (errors ignored; nothing to do on Windows). */
void ibm_keep_attrs(int fd, const char *target);
/* Make the file FD readable and writable by its owner only (0600);
 * nothing to do on Windows. */
void ibm_set_private_mode(int fd);
/* fsync a directory after a rename (0, or -1 with errno). */
int ibm_sync_dir(const char *dir);
/* Identity of an existing regular file (following links): 0; 1 for
 * another kind of file (no identity); -1 when it cannot be read. */
int ibm_file_id(const char *path, unsigned long long id[2]);
/* 1 if PATH names anything (a dangling link too). */
int ibm_path_exists(const char *path);
/* Returned by the functions below for a file that another program holds
 * open so that it cannot be replaced or written (Windows: a workbook or
 * CSV file open in Excel). */
#define IBM_HELD (-2)
/* Whether TARGET can be replaced by a rename now: 0 (also when it does
 * not exist), IBM_HELD, or -1 with errno (EPERM: another user's file in a
 * sticky folder). */
int ibm_out_replaceable(const char *target);
/* A second name BACKUP (new) for the existing file TARGET, to put it back
 * if the run's commit fails after replacing it: a hard link, or a copy
 * where the file system has none. 0, or -1 with errno. */
int ibm_backup(const char *target, const char *backup);
/* Open an existing regular file for reading and writing in place: a
 * descriptor, IBM_HELD, or -1 with errno. */
int ibm_open_in_place(const char *path);
/* ftruncate(2) */
int ibm_ftruncate(int fd, long long len);
/* 1 where a file this process holds open and locked can be replaced by a
 * rename (POSIX systems); 0 on Windows, where such a file is written in
 * place instead. */
int ibm_rename_open_ok(void);
/* Open PATH (created if missing: *created set to 1) and lock it
 * exclusively, waiting for another process's lock (WAITING, if not NULL,
 * is called once when the lock has not come within a second); when the
 * file was replaced or removed meanwhile, the new one is opened and
 * locked. The descriptor (and the lock) stays until the process ends. -1
 * with errno; -2 when PATH is not a regular file (a FIFO is not waited
 * for). flock on POSIX systems; on Windows LockFileEx of one byte far past
 * the end, so that the file's bytes stay readable and writable. */
int ibm_lock_open(const char *path, int *created,
		  void (*waiting)(const char *path));

#endif
