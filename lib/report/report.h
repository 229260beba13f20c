/*
 * report.h - ibm-report: the activity report (Bimtek) and the Monev report
 * as Word documents, in the "Laporan" form of the Tata Naskah Dinas.
 *
 *   laporan.c   the settings (event file, report file), Indonesian
 *               numbers, and the parts every report shares: letterhead,
 *               title block, numbered sections, signature, photos
 *   inputs.c    the CSV files of the other tools (participants, scores,
 *               summary, items, units)
 *   bimtek.c    the Bimtek report
 *   survey.c    its Evaluasi Penyelenggaraan (ibm-survey's output)
 *   monev.c     the Monev report
 *   docx.c      the .docx writer (docx.h)
 */
#ifndef IBM_REPORT_H
#define IBM_REPORT_H

#include "docx.h"
#include "event.h"
#include "ibmkit.h"

typedef struct rp_opts {
	const char *event;        /* -c */
	const char *report;       /* -r */
	const char *agenda;       /* -a */
	const char *participants, *scores, *summary, *items; /* bimtek */
	const char *survey;       /* bimtek: ibm-survey's output */
	const char *spj;          /* bimtek: ibm-spj's output */
	const char *units;        /* monev */
	const char *db;           /* monev: earlier periods (ibm-db) */
	const char *photos;       /* --photos DIR */
	const char *reference;    /* --reference FILE.docx */
	const char *output;       /* -o */
	ibm_csv_opts csv;
	int strict;               /* --strict */
} rp_opts;

/* A '|'-separated list. */
typedef ibm_strlist rp_list;

/* Everything a report is built from besides its data. */
typedef struct rp_ctx {
	const rp_opts *o;
	ibm_event *ev;            /* -c (empty when not given) */
	ibm_event *rf;            /* -r (empty when not given) */
	docx *d;
	int width;                /* text width, twips */
	int lampiran;             /* attachments written so far */
} rp_ctx;

/* Setup: read -c and -r (unknown report keys die 65); start the
 * document with the letterhead when the event file has one. */
void rp_init(rp_ctx *c, const rp_opts *o);
/* Write the document (-o) and free everything. */
void rp_finish(rp_ctx *c, const char *title);

/* A value from the report file, else the event file, else NULL. */
const char *rp_get(const rp_ctx *c, const char *key);
/* A value from the report file only (what people write). */
const char *rp_text(const rp_ctx *c, const char *key);
/* Split at '|' into trimmed, non-empty items. */
void rp_list_split(rp_list *l, const char *s);
void rp_list_free(rp_list *l);

/* Numbers in Indonesian: decimal comma, thousands point; `decimals`
 * fixed (trailing zeros kept) when fixed, else trimmed. Returns buf. */
char *rp_num(char *buf, size_t size, double v, int decimals, int fixed);
/* p-value in words: "p < 0,001" or "p = 0,012". */
char *rp_pval(char *buf, size_t size, double p);
/* malloc'd printf. */
char *rp_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Upper case (ASCII letters). malloc'd. */
char *rp_upper(const char *s);
/* The width of s in Arial Bold, in em (the letterhead's lines). */
double rp_bold_em(const char *s);
/* "a, b dan c" from n strings; malloc'd. */
char *rp_join_and(const char *const *v, size_t n);

/* Structure. */
void rp_title(rp_ctx *c, const char *subject);
/* Section headings, numbered by Word ("A.", then "1." under each). */
void rp_h1(rp_ctx *c, const char *text);
void rp_h2(rp_ctx *c, const char *text);
/* A paragraph of body text under a level-2 heading. */
void rp_para(rp_ctx *c, const char *text);
/* The paragraphs of a report key ('|' separates them), else dflt. */
void rp_paras(rp_ctx *c, const char *key, const char *dflt);
/* The same, kept on the page of what follows (the signature). */
void rp_paras_keep(rp_ctx *c, const char *key, const char *dflt);
/* A lettered (a., b., ...) or numbered (1), 2), ...) list, numbered by
 * Word from 1; from the report key when given, else from the items of
 * dflt ('|'-separated). */
void rp_items(rp_ctx *c, const char *key, const char *dflt, int numbered);
/* "Tabel N." with the counter incremented (a static buffer). */
const char *rp_fmt_num_label(size_t *counter, const char *kind);
/* A bordered table of columns of widths w, its header row (bold,
 * centred, shaded, repeated on every page) from head (NULL-terminated). */
void rp_table_head(rp_ctx *c, const int *w, const char *const *head);
/* Table caption ("Tabel N. ...") and figure caption. */
void rp_caption(rp_ctx *c, const char *kind, const char *text);
/* Place, date and signature block; date_default when the report file
 * has no tanggal. */
void rp_signature(rp_ctx *c, ibm_date date_default, const char *place);
/* A new attachment page: "Lampiran I" and its title. */
void rp_lampiran(rp_ctx *c, const char *title);
/* The same on landscape pages (1) or portrait (0). */
void rp_lampiran_on(rp_ctx *c, const char *title, int landscape);
/* The photos of --photos, two per row with their captions (those of
 * the folder's keterangan.csv, else the file names without their leading
 * number and extension); returns the number of photos (0: no attachment
 * written). */
size_t rp_photos(rp_ctx *c);
/* A caption made of a photo's file name: "01_pembukaan-acara.jpg" is
 * "Pembukaan acara". malloc'd; "" when nothing is left. */
char *rp_photo_name_caption(const char *file);

/* ------------------------------------------------------------- inputs */

typedef struct rp_person {
	char *nama, *jabatan, *unit, *desa, *kecamatan, *kabupaten, *jk, *id;
	char *email;
} rp_person;

typedef struct rp_score {
	char *name;
	char *id, *email;                /* "" when the file has none */
	char *status;                    /* ibm-score --roster's, or "" */
	double pre, post, max, pre_pct, post_pct, ngain; /* NaN: none */
	char *cat;
} rp_score;

typedef struct rp_item {
	char *number, *question;
	double pre_p, post_p;            /* NaN: none */
	char *wrong;                     /* most frequent wrong answer */
} rp_item;

typedef struct rp_stat {
	char *name;
	double v;                        /* NaN when empty or a word */
	char *text;                      /* the value as written */
} rp_stat;

typedef struct rp_unit {
	char *prov, *kab, *satker, *kec, *desa, *nama, *tanggal, *petugas,
	     *periode, *fase, *kurang, *fase_lalu;
	char *visited_text;              /* dikunjungi as written */
	char *listed_text;               /* terdaftar as written */
	double total;
	double *grp;                     /* ngroup scores */
	int visited;
	int listed;                      /* on the master list (terdaftar;
					    1 without the column) */
} rp_unit;

typedef struct rp_units {
	rp_unit *u;
	size_t n;
	char **groups;                   /* "Tata Kelola" ... */
	size_t ngroup;
	int has_prev;                    /* a previous-phase column */
	int has_visit;                   /* a visited column */
} rp_units;

/* --strict: an optional number that cannot be read (pre_percent,
 * post_percent, n_gain, pre_p, n) is an error; without it a warning
 * naming the cell, and the value is left empty. A required one is always
 * an error. */
void rp_inputs_strict(int strict);
void rp_read_people(const char *path, const ibm_csv_opts *o,
		    rp_person **out, size_t *n);
void rp_read_scores(const char *path, const ibm_csv_opts *o,
		    rp_score **out, size_t *n);
void rp_read_items(const char *path, const ibm_csv_opts *o,
		   rp_item **out, size_t *n);
/* The summary; dies 65 when a statistic in need[] (NULL-terminated) is
 * missing. */
void rp_read_summary(const char *path, const ibm_csv_opts *o,
		     const char *const *need, rp_stat **out, size_t *n);
double rp_stat_get(const rp_stat *s, size_t n, const char *name);
/* The value as written, or NULL when the statistic is absent or empty. */
const char *rp_stat_text(const rp_stat *s, size_t n, const char *name);
void rp_read_units(const char *path, const ibm_csv_opts *o, rp_units *u);
/* ibm-report monev --db: the visits of the database (ibm-db) of the
 * periods before the latest of u that u has not, added to u as the rows
 * of those periods in ibm-monev's per-unit CSV (identity, date, officer,
 * period, group scores, total, phase); as if the CSV held them. */
void rp_units_from_db(rp_units *u, const char *path);

/* keterangan.csv beside the photos: a photo's file name and its
 * caption (columns foto and keterangan). */
typedef struct rp_photo_caption {
	char *file, *text;
	long line;
	int used;
} rp_photo_caption;
void rp_read_captions(const char *path, rp_photo_caption **out, size_t *n);
void rp_captions_free(rp_photo_caption *c, size_t n);

/* A row of ibm-survey's output: an element (bagian "unsur"), the index
 * ("indeks"; aspek says the weight), a speaker's aspect or whole
 * ("narasumber"; aspek empty for the whole), an organisation aspect or
 * group ("penyelenggaraan"). */
typedef struct rp_survey_row {
	char *bagian, *nama, *aspek, *mutu, *kinerja;
	double n, rata;                  /* NaN: none */
} rp_survey_row;
void rp_read_survey(const char *path, const ibm_csv_opts *o,
		    rp_survey_row **out, size_t *n);
/* A row of ibm-spj's output: a payment of a kind (jenis), whole
 * rupiah. */
typedef struct rp_pay_row {
	char *jenis, *keterangan;
	double bruto, pph21, neto;      /* NaN: none */
} rp_pay_row;
void rp_read_spj(const char *path, const ibm_csv_opts *o, rp_pay_row **out,
		 size_t *n);
void rp_spj_free(rp_pay_row *s, size_t n);
void rp_survey_free(rp_survey_row *s, size_t n);
void rp_people_free(rp_person *p, size_t n);
void rp_scores_free(rp_score *s, size_t n);
void rp_items_free(rp_item *s, size_t n);
void rp_stats_free(rp_stat *s, size_t n);
void rp_units_free(rp_units *u);

/* The readers above (rp_read_people ... rp_read_spj) on text in memory
 * (name for messages), what they read then freed, for the fuzz target:
 * 0, or the exit status after printing what is wrong. The path readers
 * also check what needs the whole file (no rows; the statistics a
 * report needs). */
typedef enum {
	RP_IN_PEOPLE, RP_IN_SCORES, RP_IN_ITEMS, RP_IN_SUMMARY, RP_IN_UNITS,
	RP_IN_SURVEY, RP_IN_CAPTIONS, RP_IN_SPJ, RP_IN_N
} rp_input;
int rp_read_mem(rp_input kind, const char *name, const char *text,
		size_t len, const ibm_csv_opts *o);

/* ------------------------------------------------------------ reports */

int rp_bimtek(const rp_opts *o);
/* The Evaluasi Penyelenggaraan part of the Bimtek report: the index and
 * its band, the elements' table, the three weakest elements, the
 * speakers' table, the organisation (tables numbered from *tabel). */
void rp_survey_part(rp_ctx *c, const rp_survey_row *s, size_t n,
		    size_t *tabel);
/* One sentence for the conclusions ("Peserta menilai ..."), malloc'd;
 * NULL without an index. */
char *rp_survey_conclusion(const rp_survey_row *s, size_t n);
/* The Realisasi Pembayaran part: the payments' totals per kind (a table
 * numbered from *tabel), in figures and in words. */
void rp_spj_part(rp_ctx *c, const rp_pay_row *s, size_t n, size_t *tabel);
int rp_monev(const rp_opts *o);

#endif
