/*
 * ibmkit.h - the shared core of the ibmkit tools.
 *
 * One header, one section per module; each module lives in lib/core/MODULE.c
 * and its names start with ibm_MODULE_ (or ibm_ for the small helpers).
 * The rest of lib/core has its own headers: event.h (the event file shared
 * by the tools that write letters and reports), template.h (a small
 * mustache-like engine), stats.h (descriptive statistics and tests),
 * port.h (what differs on Windows: files, paths, time, signals).
 * Each tool's modules live in lib/TOOL/ under lib/TOOL/TOOL.h.
 *
 *   diag.c      messages on stderr and exit statuses
 *   atomic.c    output files written to a temporary file and renamed
 *   csvread.c   streaming CSV reader over libcsv (dialects, line numbers)
 *   csvwrite.c  RFC 4180 writer (and the --excel dialect)
 *   columns.c   finding columns by normalised header name and aliases
 *   text.c      UTF-8, Windows-1252, trimming, folding, names, edit distance
 *   value.c     numbers with either decimal mark, phone numbers, yes/no
 *   date.c      dates (ISO, d/m/y, Indonesian long form, Forms timestamps)
 *   xlsxwrite.c helpers over libxlsxwriter
 *   opts.c      option helpers shared by the mains (-d, --version)
 */
#ifndef IBMKIT_H
#define IBMKIT_H

#include <stddef.h>
#include <stdio.h>
#include <stdarg.h>

#define IBMKIT_VERSION "0.1.0"

/* ------------------------------------------------------------------ diag */

/* Exit statuses, from sysexits.h; documented once in ibmkit(7). */
enum {
	IBM_EX_OK = 0,
	IBM_EX_USAGE = 64,     /* bad command line */
	IBM_EX_DATAERR = 65,   /* bad input data */
	IBM_EX_NOINPUT = 66,   /* an input file cannot be opened */
	IBM_EX_SOFTWARE = 70,  /* internal error (a bug) */
	IBM_EX_CANTCREAT = 73, /* an output file cannot be created */
	IBM_EX_IOERR = 74      /* read or write error (disk full, ...) */
};

/* Set once by main: the name every message starts with ("ibm-csv"). */
void ibm_diag_init(const char *progname);
const char *ibm_progname(void);
/* -q: warnings are not printed (they are still counted and hooked). */
void ibm_diag_set_quiet(int quiet);
/* Called for every warning and error with the full message (without the
 * program name prefix and without newline); used to list warnings in a
 * report. */
typedef void (*ibm_diag_hook)(int is_error, const char *msg, void *data);
void ibm_diag_set_hook(ibm_diag_hook hook, void *data);
size_t ibm_diag_warnings(void); /* number of warnings so far */

/*
 * Messages: "PROG: FILE:LINE: text" (FILE NULL: "PROG: text"; LINE 0:
 * "PROG: FILE: text"). Warnings say "warning: " after the place.
 */
void ibm_warn(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ibm_error(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prints like ibm_error and exits with status; temporary files of
 * unfinished atomic outputs are removed (atexit). */
_Noreturn void ibm_die(int status, const char *file, long line,
		       const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Like ibm_die but appends ": strerror(errno)". */
_Noreturn void ibm_die_errno(int status, const char *file, const char *fmt,
			     ...)
	__attribute__((format(printf, 3, 4)));
void ibm_vmsg(int is_error, const char *file, long line, const char *fmt,
	      va_list ap);

/* Memory: die with status 70 ("out of memory") instead of returning NULL. */
void *ibm_xmalloc(size_t n);
void *ibm_xcalloc(size_t n, size_t size);
void *ibm_xrealloc(void *p, size_t n);
char *ibm_xstrdup(const char *s);
char *ibm_xstrndup(const char *s, size_t n);
/* Grow *p (element size sz) so that it holds at least need elements. */
void ibm_grow(void **p, size_t *cap, size_t need, size_t sz);

/* Flush and close stdout; a write error (disk full) dies with 74.
 * The last thing every main does. */
void ibm_close_stdout(void);

/* ---------------------------------------------------------------- atomic */

/*
 * Output files are written to a temporary file in the same directory
 * (".NAME.XXXXXX") and renamed into place by ibm_atomic_commit. On exit
 * without commit, on ibm_die, SIGINT, SIGTERM or SIGHUP the temporary file
 * is removed and an existing file of that name is left untouched.
 */
typedef struct ibm_atomic ibm_atomic;
/* Creates the temporary file; on failure prints "PATH: cannot create:
 * strerror" and dies with 73. */
ibm_atomic *ibm_atomic_open(const char *path);
/* The temporary file opened for writing ("wb"), created on first call. */
FILE *ibm_atomic_fp(ibm_atomic *a);
/* Path of the temporary file (for libraries that open files by name). */
const char *ibm_atomic_tmppath(const ibm_atomic *a);
const char *ibm_atomic_path(const ibm_atomic *a);
/* Flush, check, close and rename into place. A write error dies with 74
 * ("PATH: write error: ...") and removes the temporary file. */
void ibm_atomic_commit(ibm_atomic *a);
/* Remove the temporary file; the target is left untouched. */
void ibm_atomic_abort(ibm_atomic *a);

/* --------------------------------------------------------------- csvread */

typedef struct ibm_csv_opts {
	int delim;         /* 0: detect from the header among , ; TAB | */
	int strict;        /* 1: text that is not UTF-8 is an error */
	int keep_going;    /* 1: a record with too many fields is reported
			      and skipped instead of ending the read */
	int allow_empty;   /* 1: an empty or header-only file is no error */
} ibm_csv_opts;

/* One record; valid until the next ibm_csv_read on the same reader. */
typedef struct ibm_rec {
	size_t n;       /* number of fields (== header's after the header) */
	char **f;       /* NUL-terminated UTF-8 fields */
	size_t *len;    /* field lengths in bytes */
	long line;      /* physical line where the record starts (1-based) */
	size_t given;   /* fields present in the input (n minus padding) */
} ibm_rec;

typedef enum { IBM_EOL_NONE, IBM_EOL_LF, IBM_EOL_CRLF, IBM_EOL_CR } ibm_eol;

typedef struct ibm_csv ibm_csv;

/*
 * Open PATH ("-" or NULL: standard input, named "<stdin>" in messages)
 * and read its header. Errors are printed; returns NULL and
 * sets *status (66 cannot open, 65 bad header/empty, 74 read error).
 */
ibm_csv *ibm_csv_open(const char *path, const ibm_csv_opts *opts,
		      int *status);
/* The same, dying with the status on error. */
ibm_csv *ibm_csv_xopen(const char *path, const ibm_csv_opts *opts);
/* Read CSV text held in memory (len bytes; must stay valid until
 * close) exactly as a file; NAME is used in messages. */
ibm_csv *ibm_csv_open_mem(const char *name, const char *text, size_t len,
			  const ibm_csv_opts *opts, int *status);
const ibm_rec *ibm_csv_header(const ibm_csv *r);
const char *ibm_csv_name(const ibm_csv *r); /* file name for messages */
/*
 * Next record: 1 and *rec set, 0 at end of input, -1 on an error (already
 * printed; ibm_csv_status tells the exit status). Short records are padded
 * with empty fields to the header's width.
 */
int ibm_csv_read(ibm_csv *r, const ibm_rec **rec);
/* The same, dying with the error's status on error. */
int ibm_csv_xread(ibm_csv *r, const ibm_rec **rec);
/* Each field of a record from ibm_csv_read has at least IBM_REC_SLACK
 * readable bytes from its start (what lies past its NUL is unspecified),
 * so that short fields can be compared a vector at a time. */
#define IBM_REC_SLACK 32
int ibm_csv_status(const ibm_csv *r);
void ibm_csv_close(ibm_csv *r);

/* What the reader saw (for ibm-csv check and reports). */
typedef struct ibm_csv_info {
	int delim;           /* delimiter used */
	int delim_detected;  /* 1 if detected, 0 if given */
	int bom;             /* UTF-8 BOM present */
	ibm_eol eol;         /* line ends of the first line */
	int cp1252;          /* some text was converted from Windows-1252 */
	long records;        /* data records read so far (header excluded) */
	long short_records;  /* records padded to the header's width */
	long bad_records;    /* records with too many fields (keep_going) */
	long lines;          /* physical lines read so far */
} ibm_csv_info;
void ibm_csv_get_info(const ibm_csv *r, ibm_csv_info *info);
/* "comma", "semicolon", "tab", "pipe", or the character. */
const char *ibm_csv_delim_name(int delim);
/* Parse a -d argument: one character, or "tab", "comma", "semicolon",
 * "pipe", "\t". Returns the character or -1. */
int ibm_csv_parse_delim(const char *arg);

/* -------------------------------------------------------------- csvwrite */

/* Buffered RFC 4180 writer: comma, LF, UTF-8, quotes only where needed.
 * With excel set: ';', CRLF, UTF-8 BOM and decimal comma in
 * ibm_csvw_num. */
typedef struct ibm_csvw ibm_csvw;
ibm_csvw *ibm_csvw_new(FILE *fp, int excel);
void ibm_csvw_field(ibm_csvw *w, const char *s, size_t len);
void ibm_csvw_str(ibm_csvw *w, const char *s); /* NULL writes empty */
void ibm_csvw_int(ibm_csvw *w, long long v);
/* A number with at most `decimals` decimals, trailing zeros removed
 * ("2.5", "3", "0.333"); NaN writes an empty field. */
void ibm_csvw_num(ibm_csvw *w, double v, int decimals);
void ibm_csvw_end(ibm_csvw *w); /* end of record */
/* A whole record of n strings. */
void ibm_csvw_row(ibm_csvw *w, const char *const *fields, size_t n);
/* Flush the buffer to fp; returns 0 or -1 with errno set. */
int ibm_csvw_flush(ibm_csvw *w);
/* Flush and free (does not close fp); returns 0 or -1 with errno. */
int ibm_csvw_free(ibm_csvw *w);
/* Format v as ibm_csvw_num does (dec: '.' or ','); returns buf. */
char *ibm_fmt_num(char *buf, size_t size, double v, int decimals, int dec);

/* --------------------------------------------------------------- columns */

/*
 * Columns are found by header name normalised with ibm_name_key: lower
 * case, Latin letters without accents, only letters and digits kept
 * ("No. HP" = "no_hp" = "NO HP" = "nohp").
 *
 * A column spec names a column by a list of aliases separated by '|':
 * "nama|nama lengkap|name|full name". The first alias is the name used in
 * messages.
 */
typedef struct ibm_colspec {
	const char *aliases;
	int required;
} ibm_colspec;

/* Index of the first header matching one of the aliases, or -1. */
int ibm_col_find(const ibm_rec *hdr, const char *aliases);
/*
 * Resolve n specs into idx[] (-1 where absent). Missing required columns
 * give one error "FILE:LINE: missing required column(s): nama (or: nama
 * lengkap, name); found: A, B, C" and return -1; 0 otherwise.
 */
int ibm_col_resolve(const char *file, long line, const ibm_rec *hdr,
		    const ibm_colspec *specs, size_t n, int *idx);

/* ------------------------------------------------------------------ text */

/* 1 if s[0..len) is valid UTF-8 (no overlongs, surrogates, > U+10FFFF). */
int ibm_utf8_valid(const char *s, size_t len);
/* Decode one UTF-8 code point at *s (advancing it); -1 if invalid. */
long ibm_utf8_next(const char **s, const char *end);
/* Append code point cp as UTF-8 to buf (at least 4 bytes); returns bytes. */
int ibm_utf8_put(char *buf, long cp);
/* Number of code points (invalid bytes count one each). */
size_t ibm_utf8_len(const char *s);
/* Convert Windows-1252 text to UTF-8; returns a malloc'd string. */
char *ibm_cp1252_to_utf8(const char *s, size_t len, size_t *outlen);

/* Trim ASCII white space and NBSP at both ends, in place; returns s. */
char *ibm_trim(char *s);
/* Trim and fold every run of white space into one space, in place. */
char *ibm_fold_space(char *s);
/* Case-insensitive comparison (ASCII and Latin-1 letters folded to lower
 * case, accents kept: "É" = "é"). */
int ibm_casecmp(const char *a, const char *b);
/* Lower-case copy (ASCII and Latin-1 letters); malloc'd. */
char *ibm_lower(const char *s);
/* Key for matching header names: lower case, accents removed, letters and
 * digits only. Malloc'd. */
char *ibm_name_key(const char *s);
/* Key for matching people's names: lower case, accents removed,
 * punctuation dropped, runs of space folded, trimmed ("  Andi  MA'RUF " ->
 * "andi maruf"). Malloc'd. */
char *ibm_person_key(const char *s);
/* Levenshtein distance in code points. */
size_t ibm_edit_distance(const char *a, const char *b);
/* Title Case for names that arrive in capitals ("LALU AHMAD" -> "Lalu
 * Ahmad"); malloc'd. */
char *ibm_title_case(const char *s);

/* ----------------------------------------------------------------- value */

/* Number flags for ibm_parse_number. */
enum {
	IBM_NUM_THOUSANDS = 1  /* "1.234" and "1.234,5" use '.' for thousands */
};
/*
 * Parse a number with '.' or ',' as decimal mark ("3,5" = "3.5"),
 * surrounding space allowed. Without IBM_NUM_THOUSANDS a single '.' or ','
 * is the decimal mark and two marks of different kinds are read as
 * thousands + decimal ("1.234,5" and "1,234.5"). Returns 0 on success, -1
 * if s is not a number (empty included).
 */
int ibm_parse_number(const char *s, double *out, int flags);
/* A non-negative integer count; -1 if not one. */
int ibm_parse_count(const char *s, long *out);
/*
 * Indonesian phone numbers to +62 form: "0812-3456-789", "+62 812 3456
 * 789", "62812...", "0062 812...", "812..." -> "+628123456789". Spaces,
 * dots, dashes and brackets are dropped. Returns malloc'd string or NULL
 * if not a plausible number (8 to 13 digits after the country code).
 */
char *ibm_phone_norm(const char *s);
/* Yes/no: Ya/Y/Ada/1/✓/true -> 1; Tidak/T/Tidak ada/0/-/false/empty -> 0;
 * otherwise -1. */
int ibm_parse_yesno(const char *s);

/* ------------------------------------------------------------------ date */

typedef struct ibm_date {
	int y, m, d;
} ibm_date;
typedef struct ibm_datetime {
	ibm_date date;
	int hh, mm, ss;      /* -1 when no time given */
	int has_tz;
	int tz_minutes;      /* offset east of UTC (GMT+8 = 480) */
} ibm_datetime;

/* Valid calendar date? */
int ibm_date_valid(ibm_date d);
/* Days since 1970-01-01 (negative before). */
long ibm_date_days(ibm_date d);
ibm_date ibm_date_from_days(long days);
/* 0 = Minggu (Sunday) ... 6 = Sabtu. */
int ibm_date_weekday(ibm_date d);
int ibm_date_cmp(ibm_date a, ibm_date b);
/*
 * Parse "2024-06-24", "24/06/2024", "24-06-2024", "24 Juni 2024",
 * "Senin, 24 Juni 2024" (month names in Indonesian or English, full or
 * three letters, any case; a day name must agree with the date). 0 on
 * success, -1 otherwise.
 */
int ibm_date_parse(const char *s, ibm_date *out);
/*
 * Parse a date with an optional time: everything ibm_date_parse takes,
 * followed by a time "14:00", "14:00:27", "9:01:37 AM", "14.00", and an
 * optional zone "GMT+8", "GMT+07:00", "WIB/WITA/WIT". Also Google Forms'
 * "2024/06/24 9:01:37 AM GMT+7" (y/m/d). 0 on success, -1 otherwise.
 */
int ibm_datetime_parse(const char *s, ibm_datetime *out);
/* Seconds since the epoch in local clock time (zone ignored), for
 * ordering. */
long long ibm_datetime_key(const ibm_datetime *t);
/* Indonesian names: day 0..6 from Minggu, month 1..12 from Januari. */
const char *ibm_day_name(int weekday);
const char *ibm_month_name(int month);
/* "24 Juni 2024" */
char *ibm_date_long(char *buf, size_t size, ibm_date d);
/* "Senin, 24 Juni 2024" */
char *ibm_date_long_day(char *buf, size_t size, ibm_date d);
/* "2024-06-24" */
char *ibm_date_iso(char *buf, size_t size, ibm_date d);
/*
 * A range of days in Indonesian long form: "Senin, 24 Juni 2024" for one
 * day, "Senin s.d. Rabu, 24 s.d. 26 Juni 2024" in one month,
 * "Jumat s.d. Senin, 28 Juni s.d. 1 Juli 2024" across months, with the
 * years in both ends across years.
 */
char *ibm_date_range_long(char *buf, size_t size, ibm_date first,
			  ibm_date last);

/* ------------------------------------------------------------------ xlsx */

#include <xlsxwriter.h>

/* Shared formats of a workbook. */
typedef struct ibm_xlsx_formats {
	lxw_format *title;    /* bold, larger */
	lxw_format *header;   /* bold, wrapped, grey fill, border */
	lxw_format *text;     /* border */
	lxw_format *integer;  /* "0", border */
	lxw_format *decimal;  /* "0.00", border */
	lxw_format *percent;  /* "0.0%", border */
	lxw_format *date;     /* "dd/mm/yyyy", border */
	lxw_format *bold;     /* bold, border (totals) */
	lxw_format *bold_int; /* bold "0", border */
	lxw_format *bold_dec; /* bold "0.00", border */
} ibm_xlsx_formats;

typedef struct ibm_xlsx {
	lxw_workbook *wb;
	ibm_atomic *out;
	ibm_xlsx_formats fmt;
	char *tmpdir;
} ibm_xlsx;

/*
 * Create a workbook at PATH through the atomic-output path (constant
 * memory mode when asked; TMPDIR honoured), set its document properties
 * (title, author "ibmkit", company, creation time from SOURCE_DATE_EPOCH
 * when set, else now) and create the shared formats. Dies with 73 when it
 * cannot be created.
 */
ibm_xlsx *ibm_xlsx_open(const char *path, int constant_memory,
			const char *title, const char *company);
/* Close the workbook and rename it into place; errors die with 74. */
void ibm_xlsx_close(ibm_xlsx *x);
/* The time used for document properties: SOURCE_DATE_EPOCH or now. */
long long ibm_build_time(void);

/* Tracks the widest value of each column to fit column widths. */
typedef struct ibm_xlsx_widths {
	double *w;
	size_t n, cap;
} ibm_xlsx_widths;
void ibm_xlsx_widths_note(ibm_xlsx_widths *cw, size_t col, const char *s);
void ibm_xlsx_widths_note_len(ibm_xlsx_widths *cw, size_t col, double chars);
/* Set column widths (clamped to [min, max] characters) and free. */
void ibm_xlsx_widths_apply(ibm_xlsx_widths *cw, lxw_worksheet *ws,
			   double min, double max);

/* A4 print setup: landscape or portrait, rows first_row..last_row repeated
 * at the top of every page (-1: none), fit to one page wide, footer
 * "Halaman X dari Y". */
void ibm_xlsx_print_setup(lxw_worksheet *ws, int landscape, int repeat_first,
			  int repeat_last);
/* Header row: bold header format, frozen below it, autofilter over
 * cols [0, ncols) down to last_row (if last_row > row). */
void ibm_xlsx_header_row(ibm_xlsx *x, lxw_worksheet *ws, int row,
			 const char *const *names, size_t ncols,
			 ibm_xlsx_widths *cw);
/* Write s as a number when it is one, else as text. */
void ibm_xlsx_write_cell(lxw_worksheet *ws, int row, int col, const char *s,
			 lxw_format *text, lxw_format *num);
/* Clamp a UTF-8 string to Excel's 32767-character cell limit (in place). */
void ibm_xlsx_clamp(char *s);

/* ------------------------------------------------------------------ opts */

/* Prints "PROG (ibmkit) VERSION" and exits 0. */
_Noreturn void ibm_print_version(void);
/*
 * After getopt_long returned '?' or ':' (with opterr = 0 and an optstring
 * that starts with ':'), print "unknown option X" or "option X needs a
 * value". The caller then prints its usage and exits 64.
 */
void ibm_opt_error(int c, char *const *argv);

#endif
