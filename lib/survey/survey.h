/*
 * survey.h - ibm-survey: what the participants thought of a bimtek. The
 * satisfaction index (Indeks Kepuasan Masyarakat, IKM, after PermenPAN-RB
 * 14/2017), the speakers and the organisation, from the evaluation form's
 * export (Google Forms CSV or a workbook).
 *
 *   spec.c      the spec (ibm-survey(5)): elements, speaker and
 *               organisation aspects, open questions, answer words and
 *               bands; the compiled-in default, parsing, --print-spec
 *   match.c     headers to what they ask (the words of a header, Forms
 *               grid columns "Question [Row]"), answers to values
 *   read.c      the exports read into respondents, a later response of
 *               the same e-mail replacing an earlier one
 *   index.c     tallies, NRR, the index, bands, rounding, the speakers
 *               ranked, the regulation's sample size
 *   output.c    the CSV on standard output and --summary
 *   workbook.c  --report FILE.xlsx
 */
#ifndef SURVEY_H
#define SURVEY_H

#include "ibmkit.h"

/* ------------------------------------------------------------ the spec */

/* What a spec row describes (its "bagian"). The first four are asked in
 * the form's columns. */
typedef enum {
	SV_UNSUR,           /* an element of the index */
	SV_NARASUMBER,      /* an aspect of a speaker's evaluation */
	SV_PENYELENGGARAAN, /* an aspect of the organisation */
	SV_KOMENTAR,        /* an open question (saran, keluhan) */
	SV_JAWABAN,         /* words of an answer and their value */
	SV_MUTU             /* a band */
} sv_part;

/* The sets of bands: the index (25-100) and the means on the 1-4 scale
 * of each rated part. */
enum { SV_B_INDEKS, SV_B_UNSUR, SV_B_NARASUMBER, SV_B_PENYELENGGARAAN,
       SV_NBANDS };

/* The answer scale of every rated question. */
#define SV_SCALE_MAX 4

typedef struct sv_item {
	sv_part part;
	char *name;      /* unsur: the element; penyelenggaraan: its group;
			    komentar: the heading of its answers */
	char *aspect;    /* narasumber, penyelenggaraan: the aspect */
	char **alias;    /* the header words that name it, each an alias
			    normalised by sv_words ("kesesuaian materi") */
	size_t nalias;
	long line;       /* in the spec */
} sv_item;

typedef struct sv_band {
	char *grade;     /* "A" */
	char *words;     /* "Sangat Baik" */
	double min;      /* lower bound, on the value rounded (sv_band_of) */
} sv_band;

typedef struct sv_bandset {
	sv_band *b;      /* highest first */
	size_t n;
} sv_bandset;

typedef struct sv_word {
	char *key;       /* normalised by sv_words */
	int value;       /* 1..SV_SCALE_MAX */
} sv_word;

typedef struct sv_spec {
	sv_item *item;   /* the rated and open questions, in spec order */
	size_t nitem;
	sv_word *word;
	size_t nword;
	sv_bandset band[SV_NBANDS];
	size_t nunsur;   /* elements among the items */
	char *src;       /* the file, or "(bawaan)" */
} sv_spec;

extern const char sv_default_spec[];

/* Parse a spec from CSV text (NAME in messages); 0 or the exit status
 * (errors printed as NAME:LINE: ...). */
int sv_spec_parse(sv_spec *s, const char *name, const char *text,
		  size_t len);
/* Load from PATH (NULL: the default); dies on error. */
void sv_spec_load(sv_spec *s, const char *path);
void sv_spec_free(sv_spec *s);
/* Write the default spec as DIR/survey.csv (DIR made when missing); an
 * existing file is an error (64) unless force. */
void sv_spec_print(const char *dir, int force);
/* "unsur", "narasumber", ... */
const char *sv_part_name(sv_part p);

/* ---------------------------------------------------------------- match */

/* The words of s, lower case, accents and punctuation removed, joined by
 * one space ("Biaya/Tarif (Rp)" -> "biaya tarif rp"); malloc'd. */
char *sv_words(const char *s);
/*
 * How well alias words A (sv_words) name header words H: the number of
 * words of A when they stand in H one after the other (a word of H may
 * carry the suffix -nya, -mu or -ku: "pelayanannya"), else 0.
 */
size_t sv_phrase_score(const char *h, const char *a);
/*
 * The item of one of the parts in mask (1 << SV_...) whose alias names
 * header words H best (the most words): its index, or -1 when none does;
 * *other is an item that does equally well (the header is ambiguous),
 * else -1. A komentar alias at the start of H wins over a longer one
 * elsewhere (an open question begins "Saran ...").
 */
long sv_match(const sv_spec *s, const char *h, unsigned mask, long *other);
/* A Google Forms grid column "Question [Row]": 1 with *q and *row
 * (malloc'd, trimmed), else 0. */
int sv_grid_split(const char *header, char **q, char **row);
/*
 * An answer: 1 with *v in 1..SV_SCALE_MAX, 0 when blank (or only
 * punctuation, "-"), -1 when it cannot be read. Numbers ("4", "4,0"),
 * the spec's words ("Sangat sesuai") with the option's letter in front
 * ("d. Sangat sesuai"), or words with the number in front or behind
 * ("4 - Sangat baik", "Kurang (1)"), where the number says the value.
 */
int sv_answer(const sv_spec *s, const char *text, int *v);

/* ---------------------------------------------------------- the data */

/* A tally of answers: how many of each value. */
typedef struct sv_tally {
	long n;                       /* answers */
	long sum;
	long count[SV_SCALE_MAX + 1]; /* count[v] for v in 1..4 */
} sv_tally;

/* What a rated answer goes to: an item, and for narasumber a speaker. */
typedef struct sv_slot {
	size_t item;
	size_t speaker;               /* SV_NONE for other parts */
	sv_tally t;
} sv_slot;
#define SV_NONE ((size_t)-1)

typedef struct sv_speaker {
	char *name;                   /* as first written */
	char *key;                    /* ibm_person_key */
	size_t *slot;                 /* per item: its slot, or SV_NONE */
} sv_speaker;
/* Speakers of one run at most (a grid of more is refused). */
#define SV_MAX_SPEAKERS 1000

/* Strings to numbers (open addressing; the keys live with their
 * owner). */
typedef struct sv_strindex {
	size_t *idx;
	size_t slots, used;
} sv_strindex;

typedef struct sv_comment {
	size_t item;
	size_t quest;                 /* the question (sv_data.quest) */
	char *text;
} sv_comment;

typedef struct sv_resp {
	size_t file;                  /* in sv_data.files */
	long line;
	char *email;                  /* name key of the e-mail, or NULL */
	size_t *slot;                 /* answers: slot and value */
	signed char *val;
	size_t nval;
	sv_comment *com;
	size_t ncom;
	int dropped;                  /* replaced by a later response */
} sv_resp;

typedef struct sv_data {
	const sv_spec *spec;
	ibm_csv_opts csv;
	int strict;                   /* an unreadable answer is an error */
	int verbose;                  /* how each column was understood */
	sv_slot *slot;
	size_t nslot, slotcap;
	sv_speaker *spk;
	size_t nspk, spkcap;
	sv_resp *resp;
	size_t nresp, respcap;
	unsigned char *found;         /* per item: a column asked it */
	long bad_cells;
	char **files;                 /* names kept for the respondents */
	size_t nfiles;
	char **quest;                 /* open questions as the forms ask */
	size_t nquest;
	size_t *item_slot;            /* per item: its slot, or SV_NONE */
	sv_strindex spk_index;        /* speaker key -> speaker */
	sv_strindex email_index;      /* e-mail -> its last respondent */
} sv_data;

void sv_data_init(sv_data *d, const sv_spec *s);
void sv_data_free(sv_data *d);
/* Read one export (PATH, "-": standard input); dies on bad input. */
void sv_read(sv_data *d, const char *path);
/* The same from an open reader (the fuzz target); 0 or an exit status. */
int sv_read_csv(sv_data *d, ibm_csv *r);

/* ------------------------------------------------------------ results */

/* Rounded half up to `decimals` places (ties within 1e-9 of the last
 * place go up: 88.305 is 88.31). */
double sv_round(double v, int decimals);
/* The band of value v (rounded first: the index to 2 decimals, means to
 * 4): the highest whose minimum it reaches, else the lowest. */
const sv_band *sv_band_of(const sv_bandset *b, double v, int decimals);
#define SV_INDEX_DECIMALS 2
#define SV_MEAN_DECIMALS 4
/* The smallest sample the regulation's table (Krejcie and Morgan)
 * gives for a population of n. */
long sv_sample_min(long n);

/* One row of the results: an element, a speaker's aspect or whole, an
 * organisation aspect or group. */
typedef struct sv_row {
	sv_part part;
	const char *name;
	const char *aspect;           /* "" for the whole of name */
	sv_tally t;
	double mean;                  /* NAN without answers */
	const sv_band *band;
	size_t item;                  /* SV_NONE for a whole */
	size_t rank;                  /* speakers: 1 = best (ties share) */
} sv_row;

typedef struct sv_result {
	sv_row *row;                  /* unsur, narasumber (ranked), then
					 penyelenggaraan */
	size_t nrow;
	size_t nunsur;                /* elements in the index */
	double weight;                /* of every element */
	int weight_given;             /* --weight */
	double ikm;                   /* 25 x sum(NRR x w); NAN: none */
	double ikm_exact;             /* with w = 1/nunsur */
	double weighted_sum;          /* sum(NRR x w) */
	const sv_band *band;
	long respondents;             /* with any answer */
	long ikm_respondents;         /* with an answer to an element */
	long participants;            /* -1: not given */
	long sample_min;              /* -1: no participants */
	size_t nspeakers;
	char *weight_text;            /* "1/9" or "0.111 (dibulatkan ...)" */
} sv_result;

/*
 * Tally the respondents and compute everything. weight <= 0: exact.
 * Elements asked by no column at all leave the index out (a form
 * without them); an element asked but answered by nobody is an error
 * (65, printed; *r is then empty).
 */
int sv_compute(sv_data *d, double weight, long participants,
	       sv_result *r);
void sv_result_free(sv_result *r);
/* The index's value as the CSV writes it: rounded to 4 decimals, more
 * when 4 would round to a different 2-decimal index (buf). */
char *sv_fmt_index(char *buf, size_t size, double ikm);
/* The response rate note in Indonesian ("29 dari 30 peserta (96,67 %);
 * ..."), malloc'd; NULL without participants. */
char *sv_sample_note(const sv_result *r);

/* ------------------------------------------------------------- outputs */

void sv_write_csv(const sv_result *r, FILE *fp, int excel);
void sv_write_summary(const sv_result *r, const char *path, int excel);
void sv_write_report(const sv_result *r, const sv_data *d,
		     const char *path, const char *title);

#endif
