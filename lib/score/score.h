/*
 * score.h - ibm-score's model: answer keys, the layout of a quiz export,
 * answer normalisation, scoring, and the per-test data kept for
 * statistics (items, summary, report).
 *
 * Scores are fixed-point: thousandths of a point (SCORE_SCALE), so that
 * sums, comparisons and the normalised-gain bands are exact.
 */
#ifndef IBM_SCORE_H
#define IBM_SCORE_H

#include "ibmkit.h"

#define SCORE_SCALE 1000LL

/* One acceptable answer: one element, or a checkbox set (n >= 2). */
typedef struct score_alt {
	char **el;        /* normalised elements, longest first */
	size_t *len;      /* their lengths */
	char *raw;        /* one element as written (trimmed), for a fast
			     byte comparison; NULL for sets */
	size_t rawlen;
	size_t n;
} score_alt;

typedef struct score_q {
	char *ref;        /* the question as the key names it */
	long number;      /* > 0: given by number among question columns */
	char *answer;     /* the key's answer text as written */
	long long pts;    /* points, fixed-point */
	score_alt *alt;
	size_t nalt;
	long line;        /* line in the key file */
	unsigned char first[256]; /* 1: a raw answer starting with this
				     byte may be right and needs a closer
				     look (others are wrong at a glance;
				     0 stands for an empty answer) */
	unsigned char fast[32];  /* the option text as written (single
				    option) and its NUL, zero-padded, to
				    compare 32 bytes at once */
	size_t fastlen;          /* its length; (size_t)-1: none */
	unsigned fastmask;       /* bits of the bytes past its NUL */
} score_q;

typedef struct score_key {
	char *file;
	score_q *q;
	size_t n;
	long long max;    /* sum of points */
	int exact;
} score_key;

/* Read a key file (dies with FILE:LINE messages on bad keys). */
/* The columns that tell a responses header from title rows above it. */
#define SCORE_RESP_NCOLS 4
extern const ibm_colspec score_resp_cols[SCORE_RESP_NCOLS];

score_key *score_key_load(const char *path, const ibm_csv_opts *o,
			  int exact);
void score_key_free(score_key *k);
/* Parse key text from memory (for the fuzzer): 0 or -1. */
int score_key_parse_answer(score_q *q, const char *answer, int exact);
void score_q_free(score_q *q);

/* Columns of one export. */
typedef struct score_layout {
	const char *file;
	int ts, email, name, score, match;
	int *qcol;        /* question columns */
	size_t nq;
	int *keep;        /* --keep columns (-1: absent, keep_optional) */
	int keep_optional; /* set before init: a missing --keep column is
			      no error (pre/post: it may be in one file) */
	size_t nkeep;
	int *kcol;        /* column of each key question (when bound) */
	size_t nk;
	char **hdr;       /* copy of the header */
	size_t nhdr;
} score_layout;

void score_layout_init(score_layout *L, const char *file, const ibm_rec *hdr,
		       char *const *keep, size_t nkeep, const char *match);
/* Bind the key's questions to columns; dies naming a missing question. */
void score_layout_bind(score_layout *L, const score_key *k);
void score_layout_free(score_layout *L);

/* Normalise an answer into out (room for len + 1 bytes): trim, fold runs
 * of space into one, lower-case ASCII and Latin-1 letters. exact: copy.
 * Returns the new length. */
size_t score_norm(const char *s, size_t len, char *out, int exact);
/* Is the raw answer (normalised on the fly unless exact) correct? buf and
 * cap: scratch space for checkbox answers. */
int score_answer_raw_ok(const score_q *q, const char *raw, size_t len,
			int exact, char **buf, size_t *cap);
/* Is the normalised answer a correct answer to q? */
int score_answer_ok(const score_q *q, const char *norm, size_t len);
/* Parse "7 / 10", "13.5 / 15", "3,00 / 5" into fixed point; 0, or -1 when
 * not of that form. */
int score_parse_xy(const char *s, long long *x, long long *y);
/* num / den (den > 0) with at most `decimals` decimals, rounded half away
 * from zero exactly, trailing zeros dropped, decimal mark dec; returns
 * buf (at least 48 bytes). */
char *score_fmt_fixed(char *buf, long long num, long long den, int decimals,
		      int dec);
/* Parse a non-negative number into fixed point; 0 or -1. */
int score_parse_fixed(const char *s, long long *v);

/* One wrong answer tally of an item. */
typedef struct score_wrong {
	char *norm, *text;
	size_t count;
	size_t order;
} score_wrong;

/* A test (pre, post, or the single test) and, when asked, the data kept
 * per submission for statistics. */
typedef struct score_test {
	const char *label;        /* "pre", "post" or NULL */
	const score_key *key;     /* NULL: the export's Score column */
	score_layout L;
	int keep_items;           /* keep per-item data */
	size_t n, cap;            /* submissions */
	long long *score, *max;
	unsigned char *correct;   /* n * nk: 1 correct, 0 wrong, 2 blank */
	int *wid;                 /* n * nk: index of the wrong answer or -1 */
	unsigned char *active;    /* after --duplicates */
	/* per item tallies of wrong answers (over all submissions) */
	score_wrong **wrong;
	size_t *nwrong, *capwrong;
	char *nbuf;               /* scratch */
	size_t nbufcap;
} score_test;

/* Score one record: returns the score, sets *max; with keep_items stores
 * per-item data. Dies with FILE:LINE on a bad Score value. */
long long score_record(score_test *t, const ibm_rec *rec, long long *max);
void score_test_free(score_test *t);

/* Normalised gain category of pre -> post out of max (equal maxima) or
 * with maxima mp, mq: "tinggi", "sedang", "rendah", or NULL when pre is
 * the maximum. *g is set (NAN when undefined). Exact. */
const char *score_ngain(long long pre, long long mp, long long post,
			long long mq, double *g);
/* Band of an N-gain percentage (Hake's effectiveness bands). */
const char *score_ngain_band(double percent);
/* Difficulty band of c correct out of n; discrimination band of
 * (cu - cl) / g. */
const char *score_p_band(size_t c, size_t n);
const char *score_d_band(long diff, size_t g);

/* A table of text cells (the CSV outputs, and the report's sheets). */
typedef struct score_table {
	char **hdr;
	size_t ncol;
	char **cell;              /* nrow * ncol, NULL = empty */
	size_t nrow, cap;
} score_table;
void score_table_init(score_table *t, const char *const *hdr, size_t ncol);
/* Start a new row; returns its cells (all NULL). */
char **score_table_row(score_table *t);
void score_table_set(char **row, size_t col, const char *s);
void score_table_num(char **row, size_t col, double v, int decimals);
int score_table_col(const score_table *t, const char *name);
void score_table_write(const score_table *t, ibm_csvw *w, int excel);
void score_table_free(score_table *t);

/* Write the report workbook (workbook.c). summary: statistic,value
 * rows; people and items as written to CSV; prepost: 1 for two tests. */
void score_report_write(const char *path, const score_table *summary,
			const score_table *people, const score_table *items,
			int prepost);

/* Options of a run (filled by cmd/ibm-score.c). */
enum { SCORE_DUP_FIRST, SCORE_DUP_LAST, SCORE_DUP_BEST };
typedef struct score_opts {
	const char *key, *post_key;
	const char *pre, *post;
	const char *input;            /* single test: file or NULL (stdin) */
	const char *summary, *items, *report;
	const char *match;
	char **keep;
	size_t nkeep;
	int exact, fuzzy, excel, dup;
	int has_pass;
	long long pass;               /* --pass in thousandths of a percent */
	ibm_csv_opts csv;
} score_opts;

/* Run ibm-score; returns the exit status. */
int score_run(const score_opts *o);

/* Largest edit distance --fuzzy accepts between two name keys. */
size_t score_fuzzy_limit(const char *a, const char *b);

#endif
