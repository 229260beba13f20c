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
 *   titles.c    names without their degrees and titles (titles.txt)
 *   value.c     numbers with either decimal mark, phone numbers, yes/no
 *   money.c     rupiah in figures and in words (terbilang), amounts read
 *   date.c      dates (ISO, d/m/y, Indonesian long form, Forms timestamps)
 *   xlsxwrite.c helpers over libxlsxwriter
 *   opts.c      option helpers shared by the mains (-d, --version)
 *   readfile.c  a whole file read into memory with a size limit
 *   xlsxread.c  streaming reader of Excel workbooks (behind csvread.c)
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
	IBM_EX_IOERR = 74,     /* read or write error (disk full, ...) */
	IBM_EX_TEMPFAIL = 75   /* try again later (a database locked by
				  another run) */
};

/* Set once by main: the name every message starts with ("ibm-csv"). */
void ibm_diag_init(const char *progname);
const char *ibm_progname(void);
/* -q: warnings are not printed (they are still counted and hooked). */
void ibm_diag_set_quiet(int quiet);
/* -v: notes are printed (how each input's header was read). */
void ibm_diag_set_verbose(int verbose);
int ibm_diag_verbose(void);
/* Called for every warning and error with the full message (without the
 * program name prefix and without newline); used to list warnings in a
 * report. */
typedef void (*ibm_diag_hook)(int is_error, const char *msg, void *data);
void ibm_diag_set_hook(ibm_diag_hook hook, void *data);
size_t ibm_diag_warnings(void); /* number of warnings so far */
/* Many warnings in a row (nothing written to standard output until
 * ibm_diag_release): their lines are gathered and written in large
 * writes, not one each. An error, ibm_diag_release or the exit writes
 * what is held first. */
void ibm_diag_hold(void);
void ibm_diag_release(void);

/*
 * Messages: "PROG: FILE:LINE: text" (FILE NULL: "PROG: text"; LINE 0:
 * "PROG: FILE: text"). Warnings say "warning: " after the place.
 */
void ibm_warn(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ibm_error(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A note, "PROG: FILE:LINE: text", printed with -v only (not counted,
 * not hooked, printed under -q too). */
void ibm_note(const char *file, long line, const char *fmt, ...)
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
/* is_error: 1 an error, 0 a warning, -1 a note. */
void ibm_vmsg(int is_error, const char *file, long line, const char *fmt,
	      va_list ap);

/* Memory: die with status 70 ("out of memory") instead of returning NULL. */
void *ibm_xmalloc(size_t n);
void *ibm_xcalloc(size_t n, size_t size);
void *ibm_xrealloc(void *p, size_t n);
char *ibm_xstrdup(const char *s);
char *ibm_xstrndup(const char *s, size_t n);
/* vprintf into a new string (for a tool's own printf-like helpers). */
char *ibm_xvfmt(const char *fmt, va_list ap);
/* printf into a new string. */
char *ibm_xfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Grow *p (element size sz) so that it holds at least need elements. */
void ibm_grow(void **p, size_t *cap, size_t need, size_t sz);

/* A hash map from strings to indexes (lib/core/strmap.c). The keys are
 * not copied: they must outlive the map. A zeroed map is empty; init
 * sizes it for n keys (it grows as needed). */
typedef struct ibm_strmap {
	const char **k;
	size_t *v;
	size_t n, cap;
} ibm_strmap;
#define IBM_STRMAP_NONE ((size_t)-1)
/* FNV-1a 64-bit of s (participant_id's long form, ibm-invite(1)). */
unsigned long long ibm_fnv1a64(const char *s);
size_t ibm_hash_str(const char *s);
void ibm_strmap_init(ibm_strmap *m, size_t n);
/* The value stored for k, or IBM_STRMAP_NONE. */
size_t ibm_strmap_get(const ibm_strmap *m, const char *k);
/* The value already stored for k, or IBM_STRMAP_NONE after storing v. */
size_t ibm_strmap_put(ibm_strmap *m, const char *k, size_t v);
void ibm_strmap_free(ibm_strmap *m);
/* Distinct strings (copied) in order of first appearance, with their
 * indexes in a map; a zeroed set is empty. */
typedef struct ibm_strset {
	char **v;
	size_t n, cap;
	ibm_strmap map;
} ibm_strset;
/* The index of k, added at the end when new. */
size_t ibm_strset_add(ibm_strset *s, const char *k);
/* The index of k, or IBM_STRMAP_NONE. */
size_t ibm_strset_find(const ibm_strset *s, const char *k);
void ibm_strset_free(ibm_strset *s);

/* Commit the run's output files (ibm_atomic_commit_all) once stdout is
 * flushed, then close stdout; a write error (disk full) dies with 74.
 * The last thing every main does. */
void ibm_close_stdout(void);

/* ---------------------------------------------------------------- atomic */

/*
 * Every output file of a run goes through here (rules in ibmkit(7),
 * OUTPUT FILES). A regular file is written to a temporary file in its own
 * directory (".NAME.ibmkit-PID-XXXXXX"; a symbolic link is followed
 * first), which is finished (flushed, checked, synced, given the replaced
 * file's mode and owner) and renamed into place together with the run's
 * other outputs by ibm_atomic_commit_all; ibm_close_stdout calls it, so a
 * tool's outputs appear only once all of them and standard output are
 * complete. "-", a character device, a FIFO or a socket is written
 * directly. On exit without commit, on ibm_die, SIGINT, SIGTERM, SIGHUP or
 * SIGPIPE the temporary files are removed and existing files are left
 * untouched.
 */
typedef struct ibm_atomic ibm_atomic;
/* Creates the temporary file (or opens the stream); on failure prints
 * "PATH: cannot create: strerror" and dies with 73 (a directory or a
 * block device included); an output that is a noted input dies with 64. */
ibm_atomic *ibm_atomic_open(const char *path);
/* The same for a file this process holds open and locked (the register
 * of ibm-invite): where it cannot be replaced by a rename (Windows, where
 * an open file cannot be; a bind-mounted file) it is written in place
 * at the commit, under the caller's lock, and put back if the commit
 * fails after. */
ibm_atomic *ibm_atomic_open_locked(const char *path);
/* The output opened for writing ("wb"). */
FILE *ibm_atomic_fp(ibm_atomic *a);
/* Path of the temporary file (for libraries that open files by name; for
 * a direct output a scratch file in TMPDIR copied to it when finished). */
const char *ibm_atomic_tmppath(ibm_atomic *a);
const char *ibm_atomic_path(const ibm_atomic *a);
/* 1 if written directly (standard output, device, FIFO, socket). */
int ibm_atomic_direct(const ibm_atomic *a);
/* Flush, check, sync and close; renamed later by ibm_atomic_commit_all.
 * A write error dies with 74 ("PATH: write error: ..."). */
void ibm_atomic_finish(ibm_atomic *a);
/* Finish every open output, then put them all into place and sync their
 * directories: all or nothing. Every output is first checked to be
 * replaceable and each file it replaces kept under a second name until
 * the end; a file another program holds open (Excel, on Windows) ends the
 * run with 73 before anything changes, in English and Indonesian; a
 * failure in the middle puts back what was replaced. */
void ibm_atomic_commit_all(void);
/* Finish and rename this one output alone (a run with one output). */
void ibm_atomic_commit(ibm_atomic *a);
/* Remove the temporary file; the target is left untouched. */
void ibm_atomic_abort(ibm_atomic *a);
/* A new file made by this output is readable by its owner only (0600:
 * personal data); a file it replaces keeps its mode. Before finish. */
void ibm_atomic_private(ibm_atomic *a);

/* Output formats, for checking output names against what is written. */
typedef enum {
	IBM_FMT_ANY, IBM_FMT_CSV, IBM_FMT_XLSX, IBM_FMT_PDF, IBM_FMT_HTML,
	IBM_FMT_DOCX
} ibm_fmt;
/* The format a file name's extension says (IBM_FMT_ANY: none known). */
ibm_fmt ibm_fmt_of_name(const char *path);
/* "CSV", "an Excel workbook (.xlsx)", ... */
const char *ibm_fmt_name(ibm_fmt f);
/* mkdir for outputs: 0 when made or already there, else -1 with errno. A
 * directory made here is removed again (if empty) when the run fails
 * before ibm_atomic_commit_all. */
int ibm_out_mkdir(const char *dir);
/* A file this run made (empty) ahead of its outputs, such as a register
 * created to be locked: removed at exit unless an output committed into
 * it, so that a failed run leaves no new empty file. */
void ibm_out_made_file(const char *path);
/* 1 if something (a file, a link, anything) has that name. */
int ibm_out_exists(const char *path);
/* Note an input file of the run (before the outputs are checked). */
void ibm_out_note_input(const char *path);
/*
 * Check an output named by option opt before anything is read: a name
 * ending in another format's extension ("--summary writes CSV, but the
 * name x.xlsx ends in .xlsx"), a noted input or an output already checked
 * is an error printed here; returns -1 (the caller exits 64), else 0.
 */
int ibm_out_check(const char *opt, const char *path, ibm_fmt fmt);

/* --------------------------------------------------------------- csvread */

typedef struct ibm_csv_opts {
	int delim;         /* 0: detect from the header among , ; TAB | */
	int strict;        /* 1: text that is not UTF-8 is an error */
	int keep_going;    /* 1: a record with too many fields is reported
			      and skipped instead of ending the read */
	int allow_empty;   /* 1: an empty or header-only file is no error */
	/* Workbooks and where the header is (see ibm_csv_open): */
	const char *sheet; /* --sheet NAME|NUMBER; NULL: first visible */
	long header_row;   /* --header-row N (line or sheet row); 0: find */
	const struct ibm_colspec *need; /* the columns the header must */
	size_t nneed;                   /* hold (the required ones count) */
	int side;          /* a side input (answer key, roster, agenda, ...):
			      header_row is taken where that row holds
			      need, else the header is found */
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
#define IBM_HEADER_SEARCH 20

/*
 * Open PATH ("-" or NULL: standard input, named "<stdin>" in messages)
 * and read its header. A file that begins like a zip is read as an Excel
 * workbook (xlsxread.c): the records are the non-empty rows of the sheet
 * opts->sheet names (else the first visible one), rec->line is the row
 * number and the name in messages is "FILE[SHEET]".
 *
 * The header is the first record, unless title rows stand above it: with
 * opts->need set, the first record among the first IBM_HEADER_SEARCH that
 * holds every required column of need; without need (or when no record
 * holds them), in a workbook the first row with more than one value when
 * the first row holds one value only (a title).
 * opts->header_row N takes the record that starts on line (row) N (in a
 * side input only when it holds need). Errors are printed; returns NULL and
 * sets *status (66 cannot open, 65 bad header/empty, 74 read error).
 */
ibm_csv *ibm_csv_open(const char *path, const ibm_csv_opts *opts,
		      int *status);
/*
 * FILE.xlsx:SHEET (also .xlsm, .xls; case ignored), when no file has the
 * whole name: 1 with the file and the sheet (malloc'd); else 0. The
 * sheet is the text after the last colon that follows a workbook's
 * extension, so that a drive letter (C:\data\x.xlsx:2) stays in the file.
 * ibm_csv_open reads such an input from its own sheet.
 */
int ibm_input_split(const char *arg, char **path, char **sheet);
/* The same, dying with the status on error. */
ibm_csv *ibm_csv_xopen(const char *path, const ibm_csv_opts *opts);
/* ibm_csv_xopen with opts' need set to the columns a reader takes (its
 * header: the first record that holds the required ones). */
ibm_csv *ibm_csv_xopen_need(const char *path, const ibm_csv_opts *opts,
			    const struct ibm_colspec *need, size_t nneed);
/* The same for a side input (answer key, roster, agenda, staff, schedule,
 * units): opts->side set, so that --header-row N is taken only where that
 * row holds NEED's required columns. */
ibm_csv *ibm_csv_xopen_side(const char *path, const ibm_csv_opts *opts,
			    const struct ibm_colspec *need, size_t nneed);
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
	int workbook;        /* 1: read from an Excel workbook */
	long header_line;    /* line (row) of the header */
} ibm_csv_info;
void ibm_csv_get_info(const ibm_csv *r, ibm_csv_info *info);
/*
 * Messages about one value (ibmkit(7), EXCEL WORKBOOKS): the cell of
 * field i (0-based, as in the records) on row LINE of the workbook read
 * as FILE (the name ibm_csv_name gives) into buf (16 bytes): "J4" and 1;
 * "" and 0 when FILE is no workbook read in this run. ibm_warn_cell and
 * ibm_error_cell print "FILE[SHEET]:ROW: cell J4: ..." for a workbook,
 * "FILE:LINE: ..." for CSV.
 */
int ibm_cell_name(const char *file, long line, size_t field, char *buf);
void ibm_warn_cell(const char *file, long line, size_t field,
		   const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void ibm_error_cell(const char *file, long line, size_t field,
		    const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
_Noreturn void ibm_die_cell(int status, const char *file, long line,
			    size_t field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* The workbook behind r (see xlsxread), or NULL for CSV. */
struct ibm_xlsxr *ibm_csv_workbook(const ibm_csv *r);
/* "comma", "semicolon", "tab", "pipe", or the character. */
const char *ibm_csv_delim_name(int delim);
/* Parse a -d argument: one character, or "tab", "comma", "semicolon",
 * "pipe", "\t". Returns the character or -1. */
int ibm_csv_parse_delim(const char *arg);

/* -------------------------------------------------------------- csvwrite */

/* Buffered RFC 4180 writer: comma, LF, UTF-8, quotes only where needed;
 * text is written exactly. With excel set: ';', CRLF, UTF-8 BOM, decimal
 * comma in ibm_csvw_num, and a text cell beginning with = + - @ TAB or CR
 * that is not a number (nor a lone "-" or "+") gets a leading apostrophe,
 * so that a spreadsheet does not run it as a formula. */
typedef struct ibm_csvw ibm_csvw;
ibm_csvw *ibm_csvw_new(FILE *fp, int excel);
/* 1 if a spreadsheet would take the text s[0..len) as a formula (the
 * cells excel mode guards with an apostrophe). */
int ibm_csv_formula_like(const char *s, size_t len);
void ibm_csvw_field(ibm_csvw *w, const char *s, size_t len);
/* The same for a field of a record from ibm_csv_read (it has
 * IBM_REC_SLACK readable bytes from its start): faster. */
void ibm_csvw_field_rec(ibm_csvw *w, const char *s, size_t len);
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
 * Columns are found by the words of their headers (columns.c; ibmkit(7),
 * COLUMNS). A column spec names a column a tool reads (a role) by a list
 * of aliases separated by '|': "nama|nama lengkap|name|full name". Its
 * name in messages and in --column is role, else the first alias.
 *
 * A header matches an alias by its name (ibm_name_key: case, accents,
 * spaces and punctuation ignored: "No. HP" = "no_hp"), by its name less
 * remarks and numbering ("Nama Lengkap (tanpa gelar)", "1. Nama"), by its
 * words with abbreviations spelt out ("Jml. Pembinaan"), or by some of its
 * words ("Nama Lengkap Peserta"; never a question). --column ROLE=HEADER
 * and --columns FILE (ibm_col_given, ibm_col_map_read) say it outright.
 */
typedef struct ibm_colspec {
	const char *aliases;
	int required;
	const char *role;  /* NULL: the first alias */
} ibm_colspec;

/* How a role was found. */
enum {
	IBM_COL_NONE,       /* not found */
	IBM_COL_GIVEN,      /* --column or --columns */
	IBM_COL_GIVEN_NONE, /* --column ROLE= : it has no column */
	IBM_COL_NAME,       /* the header is an alias */
	IBM_COL_REMARK,     /* ... less remarks and numbering */
	IBM_COL_WORDS,      /* its words are an alias's words */
	IBM_COL_PART,       /* its words hold an alias's words */
	IBM_COL_TIE         /* two headers, or two roles: none taken */
};
typedef struct ibm_colfound {
	int col;            /* header index, or -1 */
	int how;            /* IBM_COL_* */
	int alias;          /* the alias matched (0-based), or -1 */
	int tie[2];         /* IBM_COL_TIE: the headers, else -1 */
	int rival;          /* IBM_COL_TIE over one header: the other role */
	const char *from;   /* given: "--column" or "FILE:LINE" of the map */
	const char *missed; /* a given header that is not in this header */
} ibm_colfound;


/* The names of the participant_id column (ibm-invite's id of a
 * person) in the tools that read it. */
#define IBM_ALIASES_ID "participant_id|participant id|id peserta|" \
	"kode peserta|nomor peserta|no peserta"

/* Index of the first header matching one of the aliases, or -1. */
int ibm_col_find(const ibm_rec *hdr, const char *aliases);
/*
 * Resolve n specs into idx[] (-1 where absent), with messages: a role
 * that two headers match equally (or a header two roles want) is a
 * warning, or an error for a required role; missing required columns give
 * one error "FILE:LINE: missing required column(s): nama (or: nama
 * lengkap, name); found: A, B, C; name the right one with --column
 * nama=HEADER". Returns -1 after an error, else 0. With --verbose it
 * notes how each header was read.
 */
int ibm_col_resolve(const char *file, long line, const ibm_rec *hdr,
		    const ibm_colspec *specs, size_t n, int *idx);
/* ibm_col_resolve on the header of the open file r, under its name. */
int ibm_csv_resolve(const ibm_csv *r, const ibm_colspec *specs, size_t n,
		    int *idx);
/* The cell of rec in column i (-1: the column is absent, ""), its white
 * space folded (ibm_fold_space); malloc'd. */
char *ibm_rec_cell(const ibm_rec *rec, int i);
/* The same, with how each role was found in f[n]. */
int ibm_col_resolve_found(const char *file, long line, const ibm_rec *hdr,
			  const ibm_colspec *specs, size_t n, int *idx,
			  ibm_colfound *f);
/* The match alone, without messages (the header search); no_part: not
 * by some of a header's words (a title "SUSUNAN ACARA" is no acara). */
void ibm_col_match(const ibm_rec *hdr, const ibm_colspec *specs, size_t n,
		   ibm_colfound *f, int no_part);
/* One line per header cell and per role not found, saying how the header
 * was read (column B "Nama Lengkap (tanpa gelar)": nama (by its name less
 * remarks and numbering)), each passed to out. */
void ibm_col_explain(const char *file, long line, const ibm_rec *hdr,
		     const ibm_colspec *specs, size_t n,
		     const ibm_colfound *f,
		     void (*out)(const char *text, void *data), void *data);
/* The headers as messages list them: "A, B, (empty)"; malloc'd. */
char *ibm_col_seen(const ibm_rec *hdr);
/* The name of role s (buf holds it when it is the first alias). */
const char *ibm_col_role(const ibm_colspec *s, char *buf, size_t size);
/* By name only (a column a user named: --keep, --match): the first
 * header whose name (ibm_name_key) is the first of the aliases that names
 * one; -1 if none. */
int ibm_col_find(const ibm_rec *hdr, const char *aliases);
/*
 * --column ROLE=HEADER (from: where it was said, NULL for the option):
 * in every input of the run that looks for ROLE (its name or one of its
 * aliases) and has a header HEADER (its text, case and spaces ignored,
 * else its name), that header is ROLE; an empty HEADER: the input has no
 * column ROLE. -1 after printing a bad argument.
 */
int ibm_col_given(const char *arg, const char *from);
/* --columns FILE: a CSV or workbook with the columns role and header, a
 * --column a row. 0, or the exit status after printing what is wrong. */
int ibm_col_map_read(const char *path, const ibm_csv_opts *o);
/* At the end of a run (ibm_close_stdout): a warning for each --column
 * that no input used. */
void ibm_col_unused(void);

/* ------------------------------------------------------------------ text */

/* 1 if s[0..len) is valid UTF-8 (no overlongs, surrogates, > U+10FFFF). */
int ibm_utf8_valid(const char *s, size_t len);
/* Decode one UTF-8 code point at *s (advancing it); -1 if invalid. */
long ibm_utf8_next(const char **s, const char *end);
/* Append code point cp as UTF-8 to buf (at least 4 bytes); returns bytes. */
int ibm_utf8_put(char *buf, long cp);
/* Number of code points (invalid bytes count one each). */
size_t ibm_utf8_len(const char *s);
/* Where to cut s at or before byte n so as not to split a character: the
 * largest m <= n with s[m] not a continuation byte (or 0). s[n] is read:
 * n at most the length of a NUL-terminated s, or inside the buffer. */
size_t ibm_utf8_floor(const char *s, size_t n);
/* Characters in s[0..n): the bytes that are not continuation bytes (for
 * widths of text already UTF-8; ibm_utf8_len decodes). */
size_t ibm_utf8_count(const char *s, size_t n);
/* Convert Windows-1252 text to UTF-8; returns a malloc'd string. */
char *ibm_cp1252_to_utf8(const char *s, size_t len, size_t *outlen);
/* And back: UTF-8 text in Windows-1252, a character it has not (or a
 * byte that is not UTF-8) as '?', counted in *lost. Malloc'd. */
char *ibm_utf8_to_cp1252(const char *s, size_t len, size_t *outlen,
			 size_t *lost);

/*
 * Text for markup (every XML writer: workbooks, Word documents, flat ODT
 * templates; and HTML). XML 1.0 forbids the C0 controls but TAB, LF and
 * CR, U+FFFE and U+FFFF; a document holding one (or a byte that is not
 * UTF-8) is unreadable. ibm_xml_ok: s[0..len) has none. ibm_xml_text
 * hands s[0..len) to put in pieces with each of them replaced by U+FFFD and,
 * with escape set, & < > " ' escaped (as XML and HTML read them alike).
 * ibm_xml_fix: NULL when s is fine as it is, else a malloc'd copy with
 * the replacements (for libraries that escape themselves).
 */
int ibm_xml_ok(const char *s, size_t len);
void ibm_xml_text(const char *s, size_t len, int escape,
		  void (*put)(void *data, const char *p, size_t n), void *data);
char *ibm_xml_fix(const char *s);

/* Trim ASCII white space and NBSP at both ends, in place; returns s. */
char *ibm_trim(char *s);
/* Trim and fold every run of white space into one space, in place. */
char *ibm_fold_space(char *s);
/* A '|'-separated list of lines (event and report file values). */
typedef struct ibm_strlist {
	char **v;
	size_t n;
} ibm_strlist;
/* Split s at '|' into l: each item trimmed (fold: its white space folded
 * too), empty items left out; s may be NULL. */
void ibm_strlist_split(ibm_strlist *l, const char *s, int fold);
void ibm_strlist_free(ibm_strlist *l);
/* A string built piece by piece (str.c): ibm_str_add appends the
 * strings given up to a NULL (b->s is then "" at least); ibm_str_take
 * hands the string over (malloc'd) and empties b. Start from { 0 }. */
typedef struct ibm_str {
	char *s;
	size_t n, cap;
} ibm_str;
void ibm_str_add(ibm_str *b, ...);
char *ibm_str_take(ibm_str *b);
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
/* ibm_person_key of s[0..len) into out, which has room for 2 * len + 1
 * bytes; returns the key's length. */
size_t ibm_person_key_to(const char *s, size_t len, char *out);
/* Levenshtein distance in code points. */
size_t ibm_edit_distance(const char *a, const char *b);
/* Levenshtein distance of two code point arrays with a cut-off: the
 * distance when it is at most max, else max + 1. Banded (O((na + nb) *
 * max) steps) and without allocation when max <= 15. */
size_t ibm_edit_distance_max(const long *a, size_t na, const long *b,
			     size_t nb, size_t max);
/* Title Case for names that arrive in capitals ("LALU AHMAD" -> "Lalu
 * Ahmad"); malloc'd. */
char *ibm_title_case(const char *s);

/* ---------------------------------------------------------------- titles */

/* ibm_person_key without the academic degrees and titles written before
 * or after the name (lib/core/titles.txt): "RINA MARLINA, S.KEP." and
 * "Hj. Rina Marlina, S.Kep., M.Kes." -> "rina marlina". The name's last
 * word is never taken for a title. Malloc'd. */
char *ibm_person_bare_key(const char *s);
/* ibm_person_bare_key of s[0..len) into out, which has room for 2 * len
 * + 1 bytes; returns the key's length. No allocation. */
size_t ibm_person_bare_key_to(const char *s, size_t len, char *out);
/* A person's name for print: each word in capitals (two letters or more,
 * none small) in proper case, except the degrees after the name, kept as
 * written: "dr. HJ. SITI RAHMAWATI, S.KM" -> "dr. Hj. Siti Rahmawati,
 * S.KM", "AGUS SALIM SE" -> "Agus Salim SE". Malloc'd. */
char *ibm_name_proper_case(const char *s);
/* Natural order for every sorted list people read: numbers inside text
 * compare as numbers ("Desa 2" < "Desa 10", "2-" < "10-"), letters
 * without case; a total order (ties broken by bytes). */
int ibm_natcmp(const char *a, const char *b);

/* ----------------------------------------------------------------- value */

/* Number flags for ibm_parse_number. */
enum {
	IBM_NUM_THOUSANDS = 1, /* "1.234" and "1.234,5" use '.' for thousands */
	IBM_NUM_EXP = 2        /* a power of ten may follow: "3.6e-10" */
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
/*
 * An e-mail address as people type it into a form: trimmed, one '@' with
 * text before it and a domain after it (letters, digits, '-' and dots,
 * at least one dot, none at its ends or doubled), no spaces, commas or
 * semicolons (two addresses in one cell are none). Returns it in lower
 * case (malloc'd), or NULL ("-", "belum ada", "rina@gmail").
 */
char *ibm_email_norm(const char *s);
/*
 * An optional cell that cannot be read (ibmkit(7), UNREADABLE CELLS):
 * "FILE:LINE: [cell J4: ]COLUMN: WHAT: \"TEXT\"; THEN" as a warning
 * (then: what becomes of it, "left empty", "not matched by e-mail"), or
 * with strict the same without THEN as an error, counted for
 * ibm_cell_bad_exit. Returns -1 with strict, else 0.
 */
int ibm_cell_bad(int strict, const char *file, long line, size_t field,
		 const char *column, const char *what, const char *text,
		 const char *then);
/* After the inputs are read: when cells were refused (--strict), 65
 * after "N cells could not be read (--strict)"; else 0. The same,
 * exiting with it. */
int ibm_cell_bad_status(void);
void ibm_cell_bad_exit(void);
/* Yes/no by the answers of lib/core/yesno.txt (Ya, Sudah, Ada, 1, ✓ ...
 * -> 1; Tidak, Belum, Tidak ada, 0, ✗ ... and empty -> 0); any other
 * answer -1. */
int ibm_parse_yesno(const char *s);

/* ----------------------------------------------------------------- money */

/* The largest amount written in words: 999 triliun ... (10^15 - 1). */
#define IBM_TERBILANG_MAX 999999999999999LL
/* Room for the words of any amount up to IBM_TERBILANG_MAX. */
#define IBM_TERBILANG_SIZE 320
/*
 * n in Indonesian words, lower case, as a kuitansi writes it: 11
 * "sebelas", 100 "seratus", 1.000 "seribu", 1.000.000 "satu juta",
 * 1.001.011 "satu juta seribu sebelas", 10^12 "satu triliun"; 0 "nol".
 * Returns 0, or -1 (the digits written instead) when n is negative,
 * above IBM_TERBILANG_MAX, or buf is too small.
 */
int ibm_terbilang(char *buf, size_t size, long long n);
/* n with its thousands grouped by dots: "1.710.000" ("-" before a
 * negative n); returns buf. */
char *ibm_thousands(char *buf, size_t size, long long n);
/* Whole rupiah as offices print them: "Rp1.710.000" ("-Rp5.000");
 * returns buf. */
char *ibm_rupiah(char *buf, size_t size, long long n);
/*
 * A whole amount of rupiah as people type it: "900000", "900.000",
 * "Rp 900.000,-", "Rp1.700.000,00", "1,700,000", "1 700 000", "IDR
 * 900000": digits grouped by threes with one kind of separator, an
 * optional Rp/IDR before and zero cents after. 0 and *out set, or -1
 * (fractions of a rupiah, mixed separators, anything else, or more
 * than IBM_TERBILANG_MAX).
 */
int ibm_parse_rupiah(const char *s, long long *out);

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
/* A number format with a blank as wide as ")" at the right: a
 * right-aligned number never touches the text of the cell beside. */
#define IBM_XLSX_PAD(code) code "_)"

typedef struct ibm_xlsx_formats {
	lxw_format *title;    /* bold, larger */
	lxw_format *header;   /* bold, wrapped, grey fill, border */
	lxw_format *text;     /* border */
	lxw_format *integer;  /* "0", border */
	lxw_format *decimal;  /* "0.00", border */
	lxw_format *percent;  /* "0.00%", border */
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
/* Close the workbook and finish its file; it is renamed into place with
 * the run's other outputs (ibm_atomic_commit_all). Errors die with 74. */
void ibm_xlsx_close(ibm_xlsx *x);
/* The time used for document properties: SOURCE_DATE_EPOCH or now. */
long long ibm_build_time(void);

/* Tracks the widest value of each column to fit column widths, in
 * Excel's column unit (digits of the default font, Calibri 11), measured
 * with the font's metrics (Carlito, its metric twin). */
typedef struct ibm_xlsx_widths {
	double *w;
	size_t n, cap;
} ibm_xlsx_widths;
void ibm_xlsx_widths_note(ibm_xlsx_widths *cw, size_t col, const char *s);
void ibm_xlsx_widths_note_len(ibm_xlsx_widths *cw, size_t col, double chars);
/* The same in the font size and weight of format f (NULL: Calibri 11). */
void ibm_xlsx_widths_note_fmt(ibm_xlsx_widths *cw, size_t col, const char *s,
			      const lxw_format *f);
/* Only the longest word of s (for wrapped headers). */
void ibm_xlsx_widths_note_words(ibm_xlsx_widths *cw, size_t col,
				const char *s, const lxw_format *f);
/* Set column widths (clamped to [min, max] characters) and free. */
void ibm_xlsx_widths_apply(ibm_xlsx_widths *cw, lxw_worksheet *ws,
			   double min, double max);
/* The three steps of apply: noted widths to column widths (padding added,
 * clamped) in cw->w, set on the sheet, freed. */
void ibm_xlsx_widths_clamp(ibm_xlsx_widths *cw, double min, double max);
void ibm_xlsx_widths_set(ibm_xlsx_widths *cw, lxw_worksheet *ws);
void ibm_xlsx_widths_free(ibm_xlsx_widths *cw);

/* Measuring text as LibreOffice and Excel lay it out: the width in points
 * of the longest line of s; the lines s takes wrapped in a column of
 * `chars` width; the height of one line; the height a cell of format f
 * (its size, weight and wrapping) needs for s in that column. Row heights
 * are set from these, so that every line shows in both programs. */
double ibm_xlsx_text_pt(const char *s, double size, int bold);
int ibm_xlsx_wrap_lines(const char *s, double chars, double size, int bold);
double ibm_xlsx_line_pt(double size);
double ibm_xlsx_cell_pt(const char *s, double chars, const lxw_format *f);
/* Width in points of a column of `chars` width. */
double ibm_xlsx_col_pt(double chars);

/* A4 print setup: landscape or portrait, rows first_row..last_row repeated
 * at the top of every page (-1: none), footer "Halaman X dari Y"; 100 %
 * scale unless ibm_xlsx_print_width says otherwise. */
void ibm_xlsx_print_setup(lxw_worksheet *ws, int landscape, int repeat_first,
			  int repeat_last);
/* Printable width of an A4 page in points. */
double ibm_xlsx_page_pt(int landscape);
/* Whether n columns of widths w (characters) need a landscape page: 1
 * when they are wider than a portrait one. */
int ibm_xlsx_landscape(const double *w, size_t n);

/*
 * A table's printed pages followed row by row, so that a block after it
 * (a legend) never starts a page alone under the repeated header: a page
 * breaks where the rows fill it (the room counted 2 % short of the
 * programs' own, so that Excel and LibreOffice break there too), and a
 * block that does not fit below the last rows takes the last two with it
 * onto the next page. init: the page's orientation and print scale (per
 * cent), the height of the header rows repeated on every page (points);
 * row: the next row of the table and its height; keep: a block of h
 * points after the last row; done: the breaks set on ws when the table
 * takes more than one page (and no more than Excel keeps), freed.
 */
typedef struct ibm_xlsx_pages {
	double room, used;      /* for rows on a page; on this one */
	lxw_row_t *brk;         /* the rows that begin a page, the first's
				   but */
	size_t n, cap;
	lxw_row_t last[2];      /* the last two rows of the page */
	double last_h[2];
	long on_page;           /* rows on the page */
} ibm_xlsx_pages;

void ibm_xlsx_pages_init(ibm_xlsx_pages *p, int landscape, int scale,
			 double head);
void ibm_xlsx_pages_row(ibm_xlsx_pages *p, lxw_row_t row, double h);
void ibm_xlsx_pages_keep(ibm_xlsx_pages *p, double h);
void ibm_xlsx_pages_done(ibm_xlsx_pages *p, lxw_worksheet *ws);
/* The smallest print scale: 11-pt text stays at 8 pt or more on paper. */
#define IBM_XLSX_MIN_SCALE 75
/*
 * Print n columns of widths w (characters) on A4 pages after
 * ibm_xlsx_print_setup: one page wide at 100 %, or fitted to one page wide
 * when that keeps the scale a little above IBM_XLSX_MIN_SCALE (Excel and
 * LibreOffice fit within a few per cent of the estimate here); wider
 * tables print several pages wide at IBM_XLSX_MIN_SCALE
 * scale with the first id_cols columns repeated on every page and page
 * breaks before columns where block[i] is set (when given) where
 * possible. Returns the scale.
 */
int ibm_xlsx_print_width(lxw_worksheet *ws, int landscape, const double *w,
			 size_t n, size_t id_cols, const unsigned char *block);
/* Header row: bold header format, frozen below it, autofilter over
 * cols [0, ncols) down to last_row (if last_row > row). */
void ibm_xlsx_header_row(ibm_xlsx *x, lxw_worksheet *ws, int row,
			 const char *const *names, size_t ncols,
			 ibm_xlsx_widths *cw);
/* worksheet_write_string and worksheet_merge_range for every text a
 * workbook gets: what an XML document cannot hold (ibm_xml_fix) shows as
 * U+FFFD, a text over Excel's 32767 characters is cut to fit
 * (ibm_xlsx_clamp), and out of memory in libxlsxwriter ends the run
 * with 70. */
lxw_error ibm_xlsx_write_string(lxw_worksheet *ws, lxw_row_t row,
				lxw_col_t col, const char *s, lxw_format *f);
lxw_error ibm_xlsx_merge_range(lxw_worksheet *ws, lxw_row_t r1,
			       lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
			       const char *s, lxw_format *f);
/* Write s as a number when it is one, else as text. */
void ibm_xlsx_write_cell(lxw_worksheet *ws, int row, int col, const char *s,
			 lxw_format *text, lxw_format *num);
/* Clamp a UTF-8 string to Excel's 32767-character cell limit (in place). */
void ibm_xlsx_clamp(char *s);

/* ------------------------------------------------------------------ opts */

/*
 * Every tool's command line: ibm_opt_init before getopt_long (its usage
 * texts; getopt's own messages off, as ibm_opt_error says what is wrong;
 * ibm_opt_help_arg). ibm_usage(status): the synopsis on stderr and exit
 * with status; status 0 (--help): the synopsis and the options on stdout,
 * a write error an error (ibm_close_stdout). ibm_usage_error: the message
 * (ibm_error) and ibm_usage(64).
 */
void ibm_opt_init(int argc, char **argv, const char *synopsis,
		  const char *options);
_Noreturn void ibm_usage(int status);
_Noreturn void ibm_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/*
 * The options every tool shares (IBM_OPT_LONGOPTS, below), for the
 * default: of its getopt_long switch after its own cases: -q, -d into
 * o->delim, -h, --version, the input options and -v (ibm_input_opt);
 * anything else is said (ibm_opt_error) and, like a bad value, a usage
 * error.
 */
void ibm_opt_common(int c, char *const *argv, ibm_csv_opts *o);
/* Prints "PROG (ibmkit) VERSION" and exits 0. */
_Noreturn void ibm_print_version(void);
/*
 * After getopt_long returned '?' or ':' (with opterr = 0 and an optstring
 * that starts with ':'), print "unknown option X" or "option X needs a
 * value". The caller then prints its usage and exits 64.
 */
void ibm_opt_error(int c, char *const *argv);
/* A file option that takes one file (-c, -o, -A, --register ...): *slot
 * set to arg; given twice, a usage error (ibm_usage_error) "OPT given
 * twice (A, then B)", as the first would otherwise be dropped without a
 * word. */
void ibm_opt_file(const char **slot, const char *opt, const char *arg);
/* The n files of a repeatable output option (--letters ...): each checked
 * by ibm_out_check in the format its name says; one refused, a usage
 * error (ibm_usage, the reason already said). */
void ibm_opt_outputs(const char *opt, const char *const *names, size_t n);
/* Before getopt_long: on Windows an argument "/?" asks for the usage, as
 * with the system's own commands (it becomes "--help"); nothing
 * elsewhere. */
void ibm_opt_help_arg(int argc, char **argv);
/*
 * The input options every tool takes besides -d: --sheet NAME|NUMBER,
 * --header-row N, --column ROLE=HEADER, --columns FILE and -v/--verbose
 * ('v': a tool puts it in its short options). IBM_INPUT_LONGOPTS goes
 * into a tool's option table; ibm_input_opt handles its codes (1 when c
 * was one; -1 after printing the error of a bad value: the caller prints
 * its usage and exits 64; a --columns file that cannot be read exits with
 * its status).
 */
enum { IBM_OPT_SHEET = 0x4900, IBM_OPT_HEADER_ROW, IBM_OPT_COLUMN,
       IBM_OPT_COLUMNS, IBM_OPT_VERSION };
#define IBM_INPUT_LONGOPTS \
	{ "sheet", required_argument, NULL, IBM_OPT_SHEET }, \
	{ "header-row", required_argument, NULL, IBM_OPT_HEADER_ROW }, \
	{ "column", required_argument, NULL, IBM_OPT_COLUMN }, \
	{ "columns", required_argument, NULL, IBM_OPT_COLUMNS }, \
	{ "verbose", no_argument, NULL, 'v' }
int ibm_input_opt(int c, const char *arg, ibm_csv_opts *o);
/* The long options ibm_opt_common handles, last in a tool's table. */
#define IBM_OPT_LONGOPTS \
	{ "delimiter", required_argument, NULL, 'd' }, \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, IBM_OPT_VERSION }, \
	IBM_INPUT_LONGOPTS
/* Their lines in a tool's --help, after its own options. */
#define IBM_INPUT_HELP \
	"\ninput options (every tool):\n" \
	"      --sheet=S          read sheet S (a name or number) of every " \
	"workbook\n" \
	"                         input; FILE.xlsx:S gives one input its " \
	"own sheet\n" \
	"      --header-row=N     the header is on row (line) N; else found\n" \
	"      --column=ROLE=HEADER  the column ROLE is the one headed " \
	"HEADER\n" \
	"                         (repeatable; ROLE= : the input has none)\n" \
	"      --columns=FILE     ROLE=HEADER pairs from a CSV or workbook " \
	"with the\n" \
	"                         columns role and header\n" \
	"  -v, --verbose          say how each input's header was read\n"

/* -------------------------------------------------------------- xlsxread */

/*
 * A streaming reader of one sheet of an Excel workbook (.xlsx), used by
 * csvread.c when a file begins like a zip or an OLE2 file; the tools
 * reach it only through ibm_csv_* (and ibm-csv check through
 * ibm_csv_workbook for the list of sheets).
 */
typedef struct ibm_xlsxr ibm_xlsxr;
enum { IBM_SNIFF_NONE, IBM_SNIFF_ZIP, IBM_SNIFF_CFB };
/* What the first bytes of a file say: a zip, an OLE2 (CFB) file, or
 * neither. */
int ibm_xlsxr_sniff(const void *head, size_t n);
/*
 * Open the workbook in FILE: the file descriptor fd (read from its start
 * when it can seek, else spooled with the head bytes already read), or
 * the bytes mem[0..memlen) when mem is set; SHEET as --sheet. Errors are
 * printed; NULL and *status set (65: not a readable workbook).
 */
ibm_xlsxr *ibm_xlsxr_open(const char *file, int fd, const char *mem,
			  size_t memlen, const char *head, size_t headlen,
			  const char *sheet, int *status);
/* Next row holding a value: 1 with its row number and number of cells
 * (trailing empty cells dropped), 0 at the end, -1 on an error (printed;
 * ibm_xlsxr_status tells the exit status). */
int ibm_xlsxr_next(ibm_xlsxr *x, long *row, size_t *ncells);
/* Cell i (0 = column A) of the current row, NUL-terminated. */
const char *ibm_xlsxr_cell(const ibm_xlsxr *x, size_t i, size_t *len);
/* "A".."XFD" for the 0-based column c into b (at least 8 bytes); b. */
char *ibm_xlsx_col_name(char *b, long c);
/* "FILE[SHEET]", the name in messages. */
const char *ibm_xlsxr_name(const ibm_xlsxr *x);
/* 1 if every value of the current row is in a bold font. */
/* 1 while the sheet is read by the fast path, 0 once expat reads it
 * (xlsxread.c; for tests). */
int ibm_xlsxr_fast(const ibm_xlsxr *x);
int ibm_xlsxr_row_bold(const ibm_xlsxr *x);
/* A merged range: columns c1..c2 (0 = A) of rows r1..r2 (1-based). */
typedef struct ibm_xlsx_merge {
	long c1, r1, c2, r2;
} ibm_xlsx_merge;
/* The merged ranges of the sheet (read once by a second pass over its
 * part; at most 65536). A sheet of more than 16 MiB of XML is read only
 * when always is set (else none, until a call with always). */
const ibm_xlsx_merge *ibm_xlsxr_merges(ibm_xlsxr *x, int always,
				       size_t *n);
int ibm_xlsxr_status(const ibm_xlsxr *x);
typedef struct ibm_xlsx_sheet {
	const char *name;
	int hidden;          /* 1 hidden, 2 very hidden */
	int worksheet;       /* 0: a chart or dialog sheet (not readable) */
	int current;         /* the sheet being read */
	const char *dim;     /* its used range ("A1:AG1001"), or NULL */
	long rows, cols;     /* from dim (0 when unknown) */
} ibm_xlsx_sheet;
size_t ibm_xlsxr_sheets(ibm_xlsxr *x);
/* Sheet i (0-based, workbook order); its size is read on demand. */
int ibm_xlsxr_sheet(ibm_xlsxr *x, size_t i, ibm_xlsx_sheet *out);
void ibm_xlsxr_close(ibm_xlsxr *x);

/* -------------------------------------------------------------- readfile */

/* Size limits of what is read whole or held whole; ibmkit(7) lists them.
 * The fuzzing build (make fuzz) has the CSV record's small enough for an
 * input of 16 KiB to reach them. */
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
#define IBM_LIMIT_FIELD 4096u
#define IBM_LIMIT_FIELDS 1024u
#else
#define IBM_LIMIT_FIELD (1u << 20)          /* one CSV field: 1 MiB */
#define IBM_LIMIT_FIELDS (1u << 20)         /* fields of one record */
#endif
#define IBM_LIMIT_EVENT (1u << 20)          /* event file: 1 MiB */
#define IBM_LIMIT_TEMPLATE (16u << 20)      /* template: 16 MiB */
#define IBM_LIMIT_SPEC (16u << 20)          /* spec or phase file */
#define IBM_LIMIT_REGISTER (64u << 20)      /* register: ~470,000 letters */
#define IBM_LIMIT_LOGO (16u << 20)          /* logo image */
#define IBM_LIMIT_FONT (64u << 20)          /* TrueType font */

enum {
	IBM_READ_REGULAR = 1 /* refuse a FIFO, socket or device (without
				blocking on it) */
};
/*
 * Read PATH whole, at most limit bytes, checked while reading. Returns 0
 * with *data (NUL-terminated, malloc'd) and *len set, or an exit status
 * with the reason in why ("cannot open: ..." 66, "not a regular file"
 * 66, "read error: ..." 74, "too large (over 16 MiB)" 65).
 */
int ibm_read_file(const char *path, size_t limit, int flags, char **data,
		  size_t *len, char *why, size_t whysize);
/* The same, dying with "PATH: why" and the status. */
char *ibm_read_file_x(const char *path, size_t limit, int flags,
		      size_t *len);
/* "16 MiB", "512 KiB", "100 bytes" into buf; returns buf. */
char *ibm_size_text(char *buf, size_t size, size_t n);

#endif
