/*
 * monev.h - ibm-monev: Monev IBM forms, the indicator spec and phases,
 * scoring, aggregation and the workbook.
 *
 *   spec.c      indicator spec and phase CSVs (defaults compiled in),
 *               scoring of one unit, "missing for the next phase"
 *   input.c     reading and cleaning form CSVs, units per period,
 *               duplicates, aggregation per district or province
 *   output.c    the CSV outputs (per unit, grouped recap)
 *   workbook.c  the workbook (constant-memory, Data sheet streamed)
 */
#ifndef MONEV_H
#define MONEV_H

#include "ibmkit.h"

/* ------------------------------------------------------------ the spec */

typedef enum { MONEV_YESNO, MONEV_COUNT } monev_kind;

typedef struct monev_ind {
	char *column;   /* canonical column name (output name) */
	char *aliases;  /* "column|alias|..." for ibm_col_find */
	char *label;    /* Indonesian label for the workbook */
	size_t group;   /* index into monev_spec.grp */
	monev_kind kind;
	double weight;  /* > 0 */
	double target;  /* count earning full marks (counts only) */
} monev_ind;

typedef struct monev_group {
	char *name;     /* as in the spec: "tata_kelola" */
	char *label;    /* "Tata Kelola" */
	double weight;  /* sum of its indicators' weights */
} monev_group;

typedef struct monev_phase {
	char *name;
	double min_total;   /* 0..100 */
	double *min_group;  /* per group; NAN: no minimum */
} monev_phase;

typedef struct monev_spec {
	monev_ind *ind;
	size_t nind;
	monev_group *grp;
	size_t ngrp;
	monev_phase *ph;
	size_t nph;
	char *spec_src;     /* file name, or "(bawaan)" */
	char *phase_src;
} monev_spec;

extern const char monev_default_spec[];
extern const char monev_default_phases[];

/*
 * Parse an indicator spec / phase table from CSV text (NAME for
 * messages). Errors are printed as NAME:LINE: ...; the return value is 0
 * or the exit status. Phases need the indicator spec (group names).
 */
int monev_spec_parse(monev_spec *s, const char *name, const char *text,
		     size_t len);
int monev_phases_parse(monev_spec *s, const char *name, const char *text,
		       size_t len);
/* Load from files (NULL: the compiled-in default); dies on error. */
void monev_spec_load(monev_spec *s, const char *spec_path,
		     const char *phase_path);
void monev_spec_free(monev_spec *s);
/* Write the defaults as DIR/indicators.csv and DIR/phases.csv. */
void monev_spec_print(const char *dir);

/* Score of one indicator 0..1 for value v (NAN: missing = 0). */
double monev_ind_score(const monev_ind *ind, double v);
/* Group scores (percent, s->ngrp of them), total (percent) and the
 * phase: the highest whose minimums are met, -1 if none. */
int monev_score(const monev_spec *s, const double *val, double *grp,
		double *total);
/* What is missing to reach the phase after `phase` (malloc'd, Indonesian;
 * "" at the highest phase). */
char *monev_missing(const monev_spec *s, const double *val,
		    const double *grp, double total, int phase);
/* Number text with decimal comma and at most 1 decimal ("42,5"). */
char *monev_fmt_pct(char *buf, size_t size, double v);

/* ------------------------------------------------------------ the input */

enum {
	MONEV_PROV, MONEV_KAB, MONEV_SATKER, MONEV_KEC, MONEV_DESA,
	MONEV_UNIT, MONEV_TANGGAL, MONEV_PETUGAS, MONEV_TAHUN, MONEV_NID
};
extern const char *const monev_id_names[MONEV_NID];   /* column names */
extern const char *const monev_id_labels[MONEV_NID];  /* Indonesian */

/* One cleaned form row, as handed to the row callback. */
typedef struct monev_row {
	const char *file;
	size_t file_index;
	long line;
	const char *id[MONEV_NID];  /* trimmed, spaces folded ("" absent) */
	ibm_date date;
	int has_date;
	char period[16];             /* "2024-S1" */
	const double *val;          /* per indicator; NAN: empty */
} monev_row;

typedef struct monev_unit {
	char *id[MONEV_NID];
	char *key;                  /* unit key + period */
	char *sortkey;              /* output order */
	ibm_date date;
	int has_date;
	char period[16];
	size_t file_index;
	long line;
	double *val;
	double *grp;
	double total;
	int phase;
} monev_unit;

typedef struct monev_data {
	const monev_spec *spec;
	ibm_csv_opts csv;
	int lenient;
	/* input files and their data rows */
	char **files;
	long *rows;
	size_t nfiles, fcap;
	long total_rows;
	long bad_cells;             /* errors (without --lenient) */
	/* units, keyed by province, district, village, unit and period */
	monev_unit *units;
	size_t nunits, ucap;
	size_t *hash;               /* index + 1; 0 empty */
	size_t hcap;
	char *kbuf;                 /* key being built */
	size_t kcap;
	/* called for every row read */
	void (*on_row)(const monev_row *row, void *arg);
	void *arg;
} monev_data;

void monev_data_init(monev_data *d, const monev_spec *s);
/* Read one form file ("-": stdin); rows go to on_row and into the units.
 * Bad cells are printed (counted in bad_cells) unless lenient. */
void monev_read(monev_data *d, const char *path);
/* The same from an open reader: 0, or the exit status of a bad header or
 * a read error (printed). */
int monev_read_csv(monev_data *d, ibm_csv *r);
/* Sort the units and score them. */
void monev_finish(monev_data *d);
void monev_data_free(monev_data *d);

/* Matching key of a name: lower case, punctuation dropped, spaces folded,
 * "kab" = "kabupaten"; malloc'd. */
char *monev_key(const char *s);

/* Aggregate over units: per district (by_kab) or per province. */
typedef struct monev_agg {
	const char *prov, *kab;     /* first spelling; kab NULL per province */
	size_t first, nunits;       /* units[first .. first+nunits) */
	double *ind;                /* sum of counts, number of yes */
	double *grp_mean;
	double total_mean;
	size_t *phase_n;            /* nph + 1: last = no phase met */
} monev_agg;
monev_agg *monev_aggregate(const monev_data *d, int by_kab, size_t *n);
void monev_agg_free(monev_agg *a, size_t n);

/* ------------------------------------------------------------ outputs */

/* CSV per unit (by == 0), per district (1) or per province (2). */
void monev_write_csv(const monev_data *d, int by, int excel);

typedef struct monev_book monev_book;
/* Create the workbook and its first sheets; rows_per_sheet: data rows
 * per Data sheet (1..1048575). */
monev_book *monev_book_open(const char *path, const monev_spec *s,
			    long rows_per_sheet);
/* The row callback streaming the Data sheet (arg: the book). */
void monev_book_row(const monev_row *row, void *arg);
/* Collects warnings for the Catatan sheet (hook for ibm_diag_set_hook). */
void monev_book_hook(int is_error, const char *msg, void *arg);
/* Fill the summary sheets and Catatan, close and commit. */
void monev_book_close(monev_book *b, const monev_data *d);

#endif
