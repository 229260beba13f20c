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
/* The columns of an answer key. */
#define SCORE_KEY_NCOLS 3
extern const ibm_colspec score_key_specs[SCORE_KEY_NCOLS];
#define SCORE_RESP_NCOLS 4
#define SCORE_RESP_ROLES 6
extern const ibm_colspec score_resp_cols[SCORE_RESP_ROLES];

score_key *score_key_load(const char *path, const ibm_csv_opts *o,
			  int exact);
/* The same from an open reader: 0 with *out set, or the exit status
 * after printing FILE:LINE: what is wrong (nothing is left allocated). */
int score_key_read(ibm_csv *r, int exact, score_key **out);
void score_key_free(score_key *k);
/* Parse key text from memory (for the fuzzer): 0 or -1. */
int score_key_parse_answer(score_q *q, const char *answer, int exact);
void score_q_free(score_q *q);

/* Columns of one export. */
typedef struct score_layout {
	const char *file;
	int ts, email, name, score, match;
	int id, phone;    /* participant_id and phone (for --roster) */
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

/* 0, or the exit status after printing what is wrong (a --match or
 * --keep column that is not there; L is then freed). */
int score_layout_init(score_layout *L, const char *file, const ibm_rec *hdr,
		      char *const *keep, size_t nkeep, const char *match);
/* Bind the key's questions to columns: 0, or the exit status after
 * naming a question that is missing or named twice. */
int score_layout_bind(score_layout *L, const score_key *k);
/* Warn when columns that look like quiz questions ("3. ...", "...?")
 * are left out of the key, naming them. */
void score_layout_check_key(const score_layout *L, const score_key *k);
void score_layout_free(score_layout *L);
/* Do two paths name the same file ("-" never does)? */
int score_same_file(const char *a, const char *b);

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
	size_t len;               /* of norm */
	char *raw;                /* the answer as first written */
	size_t rawlen;
	size_t order;
} score_wrong;

enum { SCORE_RIGHT = 0, SCORE_BLANK = 1, SCORE_WRONG = 2,
       SCORE_WRONG_OTHER = 0xFFFF };

/* A test (pre, post, or the single test) and, when asked, the data kept
 * per submission for statistics. */
typedef struct score_test {
	const char *label;        /* "pre", "post" or NULL */
	const score_key *key;     /* NULL: the export's Score column */
	score_layout L;
	int keep_items;           /* keep per-item data */
	int scores_only;          /* with keep_items: keep the scores but
				     not the answers (no statistics) */
	size_t n, cap;            /* submissions */
	long long *score, *max;
	unsigned short *ans;      /* n * nk: SCORE_RIGHT, SCORE_BLANK, or
				     SCORE_WRONG + the index of the wrong
				     answer in its item's tally (or
				     SCORE_WRONG_OTHER past 65532 of them) */
	unsigned char *active;    /* after --duplicates */
	/* per item tallies of wrong answers (over all submissions) */
	score_wrong **wrong;
	size_t *nwrong, *capwrong;
	char *nbuf;               /* scratch */
	size_t nbufcap;
	/* wrong answers by item and normalised text: (item << 32 |
	 * index + 1), 0 empty; a power of two in size */
	unsigned long long *wslot;
	size_t wcap, wn;
	/* per item: answers as written (up to 31 bytes) -> their code, so
	 * that an answer seen before costs one look-up (score.c) */
	struct score_rawc *rawc;
} score_test;

/* Score one record: sets *score and *max; with keep_items stores
 * per-item data. Returns 0, or the exit status after FILE:LINE on a bad
 * Score value. */
int score_record(score_test *t, const ibm_rec *rec, long long *score,
		 long long *max);
void score_test_free(score_test *t);

/* Normalised gain category of pre -> post out of max (equal maxima) or
 * with maxima mp, mq: "tinggi", "sedang", "rendah", or NULL when pre is
 * the maximum. *g is set (NAN when undefined). Exact. */
const char *score_ngain(long long pre, long long mp, long long post,
			long long mq, double *g);
/* Band of an N-gain percentage (the effectiveness bands of Indonesian
 * research: < 40 tidak efektif, 40 to < 56 kurang efektif, 56 to < 76
 * cukup efektif, >= 76 efektif); NULL for NAN. */
const char *score_ngain_band(double percent);
/* Hake's class-average normalised gain <g> from the mean percentages
 * of the same people: (post - pre) / (100 - pre); NAN when pre is 100
 * or either is NAN. Negative exactly when the mean fell. */
double score_class_gain(double pre_pct, double post_pct);
/* n_gain_category of someone with the maximum on the pre-test. */
#define SCORE_CAT_FULL "pre-test maksimum"
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
/* The same with only the rows whose show[] is non-zero (NULL: all). */
void score_table_write_rows(const score_table *t, ibm_csvw *w, int excel,
			    const unsigned char *show);
void score_table_free(score_table *t);

/* Write the report workbook (workbook.c). summary: statistic,value
 * rows; people and items as written to CSV; participation: the
 * participation sheet's table with --roster, else NULL; prepost: 1 for
 * two tests. */
void score_report_write(const char *path, const score_table *summary,
			const score_table *people, const score_table *items,
			const score_table *participation, int prepost);

/* roster.c: the participant list of --roster. */
enum { SCORE_BY_ID, SCORE_BY_EMAIL, SCORE_BY_PHONE, SCORE_BY_NAME,
       SCORE_NBY };
/* The roster's columns, in that order. */
extern const ibm_colspec score_roster_cols[SCORE_NBY];
typedef struct score_roster {
	char *file;
	char **hdr;               /* its header */
	size_t ncol, n;
	char **cell;              /* n * ncol, spaces folded */
	long *line;
	int col[SCORE_NBY];       /* participant_id, email, phone, name (-1) */
	char **key[SCORE_NBY];    /* per row: score_match_key, "" none */
	size_t cap;               /* of the hash tables */
	size_t *slot[SCORE_NBY], *first[SCORE_NBY];
} score_roster;
/* Read a roster (dies on a roster without name column or rows). A
 * participant_id on two rows is warned about and matches neither; an
 * e-mail or phone that cannot be read is a warning naming the cell and
 * matches nothing (strict: an error, and 65 after all are named). */
score_roster *score_roster_load(const char *path, const ibm_csv_opts *o,
				int strict);
/* The same from an open reader (opened with score_roster_cols as its
 * need, side set, allow_empty off): 0, or the exit status after printing
 * what is wrong, with *out set either way (score_roster_free). */
int score_roster_read_csv(ibm_csv *r, int strict, score_roster **out);
void score_roster_free(score_roster *R);
const char *score_roster_cell(const score_roster *R, size_t row,
			      size_t col);
/* The row whose key (score_match_key) is key: -1 none, -2 several. */
long score_roster_find(const score_roster *R, int by, const char *key);
/* A value as compared: ids without case and punctuation, e-mail trimmed
 * and lower case ("" when not an address, ibm_email_norm), phones in +62
 * form ("" when not a phone number),
 * names as ibm_person_bare_key (without degrees and titles). Malloc'd. */
char *score_match_key(int by, const char *value);

/* cells.c: the e-mail, phone and timestamp cells of the responses. */
typedef struct score_raws {
	char **email, **phone;    /* per submission: the text of a cell that
				     could not be read, else NULL */
	size_t cap;
	int any_email, any_phone; /* some cell could not be read */
	long refused;             /* errors (--strict) */
} score_raws;
/* Submission row's e-mail and phone (columns of L): one that is not
 * empty and cannot be read (ibm_email_norm, ibm_phone_norm) is a warning
 * naming the cell, or with strict an error (counted in refused); its
 * text is kept in w and the cell is read as empty from then on (the
 * field of rec is blanked). */
void score_cells_ids(score_raws *w, size_t row, const char *file,
		     const ibm_rec *rec, const score_layout *L, int strict);
/* A timestamp in column col that cannot be read: the same, without
 * blanking (it is only used to check the order of the tests). */
void score_cells_ts(score_raws *w, const char *file, const ibm_rec *rec,
		    int col, int strict);
/* The kept text of submission row's e-mail (phone 0) or phone, or
 * NULL. */
const char *score_raw_of(const score_raws *w, int phone, size_t row);
void score_raws_free(score_raws *w);

/* Options of a run (filled by cmd/ibm-score.c). */
enum { SCORE_DUP_FIRST, SCORE_DUP_LAST, SCORE_DUP_BEST };
/* --only: every row, those who took both tests, those who passed */
enum { SCORE_ONLY_ALL, SCORE_ONLY_BOTH, SCORE_ONLY_PASSED };
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
	const char *roster;           /* --roster */
	int only;                     /* --only: SCORE_ONLY_* */
	int strict;                   /* --strict: an identifier or
					 timestamp that cannot be read is an
					 error */
	ibm_csv_opts csv;
} score_opts;

/* Run ibm-score; returns the exit status. */
int score_run(const score_opts *o);
/* The same with the keys already read (NULL: none); a data error in the
 * pre/post inputs is returned rather than ending the process. */
int score_run_keys(const score_opts *o, score_key *key, score_key *pkey);

/* Largest edit distance --fuzzy accepts between two name keys. */
size_t score_fuzzy_limit(const char *a, const char *b);

/* near.c: pairs of name keys of two lists within a small edit distance,
 * in near-linear time (symmetric deletion neighbourhoods). */
typedef struct score_near {
	size_t a, b;              /* indexes in the two lists */
	unsigned d;               /* edit distance in code points */
} score_near;
/* Every pair (i, j) with use_a[i] and use_b[j] (NULL: all) whose keys
 * are within score_near_bound(the shorter key's length) of each other;
 * *out is malloc'd (NULL when none); returns the number of pairs. */
size_t score_near_pairs(const char *const *ka, const unsigned char *use_a,
			size_t na, const char *const *kb,
			const unsigned char *use_b, size_t nb,
			score_near **out);
/* The edit distance searched for names whose shorter has len code
 * points: 2 from 6, 1 from 3, else 0. */
size_t score_near_bound(size_t len);
/* Is distance d between keys of la and lb code points close enough to
 * suggest one for the other ("closest name there")? d <= 2 and at most
 * a third of the shorter. */
int score_suggest_ok(size_t d, size_t la, size_t lb);

#endif
