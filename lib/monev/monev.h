/*
 * monev.h - ibm-monev: Monev IBM forms, the indicator spec and phases,
 * scoring, aggregation and the workbook.
 *
 *   spec.c      indicator spec and phase CSVs (defaults compiled in),
 *               scoring of one unit, "missing for the next phase"
 *   input.c     reading and cleaning form CSVs, units per period,
 *               duplicates, aggregation per district or province
 *   output.c    the CSV outputs (per unit, grouped recap)
 *   workbook.c  the workbook (constant-memory; Data rows spooled, then
 *               written marked once every unit is known)
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
	char *dokumen;  /* the documents that show it, for the visit's
			   letter ("" none) */
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
/* Load from files (NULL: the compiled-in default), CSV or workbook, each
 * FILE.xlsx:SHEET or on the run's --sheet and --header-row (run, may be
 * NULL); dies on error. */
void monev_spec_load(monev_spec *s, const char *spec_path,
		     const char *phase_path, const ibm_csv_opts *run);
void monev_spec_free(monev_spec *s);
/* Write the defaults as DIR/indicators.csv and DIR/phases.csv (DIR made
 * when missing); an existing file is an error (64) unless force. */
void monev_spec_print(const char *dir, int force);

/* The value of an indicator whose column a form file does not have: not
 * asked, left out of the unit's scores (values are otherwise >= 0, or NAN
 * for an empty cell, which scores 0). */
#define MONEV_NOT_ASKED (-1.0)
/* The value of an answer that cannot be read (--lenient): not answered,
 * left out of the unit's scores as an indicator not asked (never a no
 * or a 0), and shown as such. */
#define MONEV_NOT_ANSWERED (-2.0)
#define monev_asked(v) (!((v) < 0))
#define monev_unanswered(v) ((v) == MONEV_NOT_ANSWERED)

/* Score of one indicator 0..1 for value v (NAN: missing = 0). */
double monev_ind_score(const monev_ind *ind, double v);
/* Group scores (percent, s->ngrp of them), total (percent) and the
 * phase: the highest whose minimums are met, -1 if none. Scores are the
 * share of the weights of the indicators asked; a group with none asked
 * scores NAN and its phase minimums are not applied (total NAN when
 * nothing was asked: no phase). */
int monev_score(const monev_spec *s, const double *val, double *grp,
		double *total);
/* What is missing to reach the phase after `phase` (malloc'd, Indonesian;
 * "" at the highest phase). */
char *monev_missing(const monev_spec *s, const double *val,
		    const double *grp, double total, int phase);
/* Number text with decimal comma and at most 1 decimal ("42,5"). */
char *monev_fmt_pct(char *buf, size_t size, double v);

/* ------------------------------------------------------------ the input */

/* The names a unit's identity columns are found under, in the forms
 * (input.c) and in the master list of units (units.c) alike. */
#define MONEV_ALIASES_PROV "provinsi|propinsi|province|prov"
#define MONEV_ALIASES_KAB "kabupaten_kota|kabupaten/kota|kab/kota|kabupaten|" \
	"kota|kab kota|regency/city|district|regency|city"
#define MONEV_ALIASES_SATKER "satker|satuan kerja|kantor|bnnp/bnnk|bnnk|" \
	"office|work unit"
#define MONEV_ALIASES_KEC "kecamatan|kec|sub-district|subdistrict"
#define MONEV_ALIASES_DESA "desa_kelurahan|desa/kelurahan|desa|kelurahan|" \
	"village"
#define MONEV_ALIASES_UNIT "nama_unit|nama unit ibm|unit ibm|unit|ibm unit|" \
	"unit name"

enum {
	MONEV_PROV, MONEV_KAB, MONEV_SATKER, MONEV_KEC, MONEV_DESA,
	MONEV_UNIT, MONEV_TANGGAL, MONEV_PETUGAS, MONEV_TAHUN, MONEV_NID
};
extern const char *const monev_id_names[MONEV_NID];   /* column names */
extern const char *const monev_id_labels[MONEV_NID];  /* Indonesian */
/* The identity columns of a form (they tell its header). */
extern const ibm_colspec monev_id_cols[MONEV_NID];

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
	const char *status;         /* from the master list, or "" */
	const char *spelled;        /* the form's unit name when the listed
				       unit was found by a close spelling
				       (the id[] then the list's), or NULL */
	int listed;                 /* on the master list (--units) */
	long unit;                  /* the unit's number in reading order
				       (monev_unit.seq), -1 when the row
				       counts for no unit (other period) */
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
	const char *status;         /* from the master list, or "" */
	char *spelled;              /* monev_row.spelled of its visit, or
				       NULL */
	int listed;                 /* on the master list (--units) */
	size_t seq;                 /* its number in reading order */
} monev_unit;

typedef struct monev_data {
	const monev_spec *spec;
	ibm_csv_opts csv;
	int lenient;
	char want_period[16];       /* --period: only this one ("" all) */
	long other_period_rows;     /* rows left out by want_period */
	const struct monev_units *list; /* --units, or NULL */
	int strict;                 /* unlisted unit: error, not warning */
	long unlisted;              /* rows whose unit is not listed */
	long respelled;             /* rows whose unit was found in the list
				       by a close spelling */
	/* after monev_finish: the periods present, in order */
	char (*periods)[16];
	size_t nperiods;
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
	int quiet;                  /* -q: no warnings on standard error */
	long superseded;            /* visits superseded in their period */
} monev_data;

void monev_data_init(monev_data *d, const monev_spec *s);
/* Read one form file ("-": stdin); rows go to on_row and into the units.
 * Bad cells are printed (counted in bad_cells) unless lenient. */
void monev_read(monev_data *d, const char *path);
/* The same from an open reader: 0, or the exit status of a bad header or
 * a read error (printed). */
int monev_read_csv(monev_data *d, ibm_csv *r);
/* The key units are listed in order of (monev_natcmp): province,
 * district, sub-district, village, unit (id[MONEV_*]), period. */
char *monev_sort_key(const char *const *id, const char *period);
/* Sort the units and score them. */
void monev_finish(monev_data *d);
/* Another source of visits than a form file (ibm-monev --db: the
 * database): listed with the input files; its index. */
size_t monev_add_source(monev_data *d, const char *name);
/* A visit of an earlier period from that source: a unit of its period
 * (identity, date, officer, founding year in id, the indicator values in
 * val, as a form row gives them), scored with the others by
 * monev_finish; not a form row (no Data row). */
void monev_add_visit(monev_data *d, size_t source, const char *const *id,
		     const char *period, const double *val);
void monev_data_free(monev_data *d);

/* ibm_natcmp, faster on keys with long common prefixes (the same
 * order). */
int monev_natcmp(const char *a, const char *b);
/* Matching key of a name: lower case, punctuation dropped, spaces folded,
 * "kab" = "kabupaten"; malloc'd. */
char *monev_key(const char *s);
/* One spelling per district: "Kab. X", "KAB. X", "Kabupaten X" ->
 * "Kabupaten X", "KOTA X" -> "Kota X" (malloc'd); see input.c. */
char *monev_district(const char *s);
/* The Indonesian text of the warning that follows (for the Catatan
 * sheet); monev_said takes it (1; 0 when there is none). */
void monev_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int monev_said(char *buf, size_t size);
/* The warning that follows is for standard error only, not the
 * workbook's Catatan (monev_said returns -1 for it). */
void monev_say_not_kept(void);
/* A period for people: "2024-S1" -> "Semester I 2024". */
const char *monev_period_text(const char *p, char *buf, size_t size);
/* The period after p: "2024-S1" -> "2024-S2", "2024-S2" -> "2025-S1". */
char *monev_period_next(const char *p, char *buf, size_t size);

/* The units of one period only: a shallow copy of d (units copied by
 * value, their strings shared) for the sheets that show one period. Free
 * with monev_view_free, never with monev_data_free. */
void monev_view_period(const monev_data *d, const char *period,
		       monev_data *view);
void monev_view_free(monev_data *view);

/*
 * Aggregate over units, per group of `field`: MONEV_PROV (per province),
 * MONEV_KAB (per district), MONEV_KEC (per sub-district) or MONEV_SATKER
 * (per office), in the order of province, district, ... (office: by
 * name). Groups are matched by monev_key; a group shows the first
 * spelling met.
 */
typedef struct monev_agg {
	const char *prov, *kab;     /* first spelling; kab NULL per province
				       and office */
	const char *name;           /* the grouping field's spelling */
	size_t first, nunits;       /* units[first .. first+nunits) */
	double *ind;                /* sum of counts, number of yes */
	size_t *ind_n;              /* units that were asked (and answered)
				       each indicator; 0: not asked, shown
				       as such, never as 0 */
	double *grp_mean;           /* NAN: no unit was asked */
	size_t *grp_n;              /* units with a score in the group */
	double total_mean;
	size_t total_n;
	size_t *phase_n;            /* nph + 1: last = no phase met */
} monev_agg;
monev_agg *monev_aggregate(const monev_data *d, int field, size_t *n);
void monev_agg_free(monev_agg *a, size_t n);
/* The matching key of a group (as monev_aggregate compares them). */
char *monev_group_key(const monev_data *d, const monev_agg *a, int field);

/* Groups by periods: for every group of `field` met in any period, in
 * group order, the group's aggregate in each period of d (NULL where the
 * group has no unit in that period). */
typedef struct monev_ptable {
	size_t ng, np;
	const monev_agg **cell;     /* ng x np, row-major */
	void *priv;
} monev_ptable;
void monev_ptable_build(const monev_data *d, int field, monev_ptable *t);
void monev_ptable_free(monev_ptable *t);

/* ------------------------------------------------- master list, form */

/* The master list of units (--units FILE; units.c). */
enum {
	MONEV_UL_PROV, MONEV_UL_KAB, MONEV_UL_SATKER, MONEV_UL_KEC,
	MONEV_UL_DESA, MONEV_UL_UNIT, MONEV_UL_TAHUN, MONEV_UL_STATUS,
	MONEV_UL_ID, MONEV_UL_N
};
extern const char *const monev_ul_names[MONEV_UL_N];
/* The columns of the master list of units. */
extern const ibm_colspec monev_unit_cols[MONEV_UL_N];
typedef struct monev_listed {
	char *f[MONEV_UL_N];     /* as written, spaces folded ("" absent) */
	char *key[MONEV_UL_N];   /* monev_key of each */
	char *ident;             /* the identity: province, district,
				    village and unit keys */
	long line;
} monev_listed;
typedef struct monev_units {
	monev_listed *unit;      /* sorted by province, district, ... */
	size_t n;
	size_t *by_ident;        /* indices sorted by ident */
	size_t *by_kab;          /* indices sorted by district key, then
				    index (monev_units_closest) */
	char *src;               /* file name for messages */
} monev_units;
/* The identity key of a unit: "prov\x1fkab\x1fdesa\x1funit" keys. */
char *monev_ident(const char *prov, const char *kab, const char *desa,
		  const char *unit);
/* The listed unit with this identity key, or NULL. */
const monev_listed *monev_units_find(const monev_units *u,
				     const char *ident);
/* The listed unit closest to (kab, desa, unit) when one is close (a few
 * letters apart: units of the same district first, then all), else
 * NULL; *nclose: how many are that close (1: the form's spelling is that
 * unit; more: ambiguous). */
const monev_listed *monev_units_closest(const monev_units *u,
					const char *kab, const char *desa,
					const char *unit, size_t *nclose);
/* The listed units (d->list) not visited in period: their indexes in
 * d->list->unit, in the list's order, into *out (malloc'd); returns how
 * many. */
size_t monev_unvisited(const monev_data *d, const char *period,
		       size_t **out);
/* The periods the master list is checked in: those of the forms, and
 * --period when no form row is in it (malloc'd into *out). */
size_t monev_list_periods(const monev_data *d, char (**out)[16]);
/* Read the list ("-": stdin); errors die (65 with FILE:LINE). A
 * tahun_berdiri that is no year is a warning naming the cell and left
 * empty (strict: an error, 65 after all are named). */
void monev_units_read(monev_units *u, const char *path,
		      const ibm_csv_opts *o, int strict);
/* The same from an open reader (opened with monev_unit_cols as its
 * need, side set): 0, or the exit status after printing what is wrong
 * (what was read stays in u for monev_units_free). */
int monev_units_read_csv(monev_units *u, ibm_csv *r, int strict);
void monev_units_free(monev_units *u);

/* A period: semester 1 or 2 of a year. Parses "2024-S1", "2024-1",
 * "S1 2024", "Semester I 2024", "I/2024" (any case); 0 or -1. */
int monev_period_parse(const char *s, int *year, int *semester);
/* "Semester I 2024" */
char *monev_period_long(char *buf, size_t size, int year, int semester);

/* The blank data-entry workbook (--form FILE; form.c): one row per unit
 * of the list (or spare rows without one), one column per indicator,
 * validation on every input cell, and the Petunjuk sheet. period_year 0:
 * no period stated. */
void monev_form_write(const char *path, const monev_spec *s,
		      const monev_units *u, int period_year,
		      int period_semester);

/* ------------------------------------------------------------ outputs */

/* CSV per unit (by < 0) or per group of field `by` (see monev_aggregate);
 * with more than one period, one group row per period. */
void monev_write_csv(const monev_data *d, int by, int excel);
/* An indicator's value in the per-unit CSV: "ya" or "tidak", a count,
 * "" for an empty cell, MONEV_NOT_ASKED_TEXT when not asked and
 * MONEV_NOT_ANSWERED_TEXT for an answer that could not be read (as the
 * workbook marks them); monev_read_value reads it back. */
#define MONEV_NOT_ASKED_TEXT "\xE2\x80\x93" /* – */
#define MONEV_NOT_ANSWERED_TEXT "?"
void monev_write_value(ibm_csvw *w, const monev_ind *ind, double v);
double monev_read_value(const monev_ind *ind, const char *s);

typedef struct monev_book monev_book;
/* Create the workbook and its first sheets; rows_per_sheet: data rows
 * per Data sheet (1..1048575). */
monev_book *monev_book_open(const char *path, const monev_spec *s,
			    long rows_per_sheet);
/* The row callback streaming the Data sheet (arg: the book). */
void monev_book_row(const monev_row *row, void *arg);
/* Collects warnings for the Catatan sheet (hook for ibm_diag_set_hook). */
void monev_book_hook(int is_error, const char *msg, void *arg);

/* The sheets that compare periods (periods.c), added by
 * monev_book_close: Perkembangan (more than one period; score: the
 * score format) and Belum Dimonev (with a master list). */
void monev_sheet_trend(ibm_xlsx *x, const monev_data *d, lxw_format *score);
void monev_sheet_unvisited(ibm_xlsx *x, const monev_data *d);
/* Fill the summary sheets and Catatan, close and commit. */
void monev_book_close(monev_book *b, const monev_data *d);

/* ------------------------------------------------------------ the brief */

/*
 * The material of the preparation meeting (brief.c, brief_book.c;
 * --brief): the units to visit (the master list's, else every unit of
 * the results) with their visit in each period of d.
 */
typedef struct monev_brief_unit {
	const char *id[MONEV_NID];  /* the list's, else the latest visit's
				       ("" absent) */
	const char *status;
	const monev_listed *listed; /* or NULL */
	char *ident, *sortkey;
	const monev_unit **visit;   /* per period of d; NULL: not visited */
	size_t missed;              /* periods not visited, counted back
				       from the last */
} monev_brief_unit;
struct ts_office;
typedef struct monev_brief {
	const monev_data *d;
	const struct ts_office *office; /* letterhead (office_head), fonts */
	int office_head;
	monev_brief_unit *u;        /* in the order of district, kecamatan,
				       village, unit */
	size_t n;
	size_t last;                /* the last period (index) */
	char next[16];              /* the period prepared ("2024-S2") */
	size_t *clients;            /* the count indicators of the layanan
				       group: clients served and referred */
	size_t nclients;
} monev_brief;
/* The indicators listed as most often unmet; the periods shown on a
 * unit's page at most. */
#define MONEV_BRIEF_TOP 5
#define MONEV_BRIEF_PERIODS 6
/* From d after monev_finish (at least one unit). */
void monev_brief_build(monev_brief *b, const monev_data *d);
void monev_brief_free(monev_brief *b);
/* A unit's latest visit (its period in *period), or NULL. */
const monev_unit *monev_brief_latest(const monev_brief *b,
				     const monev_brief_unit *u, size_t *period);
/* An indicator met at value v: 1, 0, or -1 when not asked or not
 * answered (an empty cell is not met; a count is met at its target). */
int monev_ind_met(const monev_ind *in, double v);
/* The indicators unmet at some unit of the last period, most often
 * unmet first, into out; unmet[k] and asked[k] for every indicator k
 * (arrays of spec->nind). Returns how many. */
size_t monev_brief_unmet(const monev_brief *b, size_t *out, size_t *unmet,
			 size_t *asked);
/* Per district (in the units' order), the units to visit: n, of them
 * visited in the last period and not; *out malloc'd (free each kab). */
typedef struct monev_brief_district {
	char *kab;                  /* as monev_district spells it */
	size_t n, visited, missed;
} monev_brief_district;
size_t monev_brief_districts(const monev_brief *b,
			     monev_brief_district **out);
/* A visit's unmet indicators as text ("Kunjungan pembinaan (1 dari 4),
 * SK Kepala Desa (belum)"), "" when none; malloc'd. */
char *monev_brief_unmet_text(const monev_spec *s, const monev_unit *v);
/* In Times, every text the document shows can be shown (dies 65). */
void monev_brief_check(const monev_brief *b);
/* The brief as PDF, HTML or a workbook (.xlsx), by the file name; an
 * output of the run. */
void monev_brief_write(const monev_brief *b, const char *path);
void monev_brief_book(const monev_brief *b, const char *path);

#endif
