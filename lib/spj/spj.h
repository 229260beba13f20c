/*
 * spj.h - ibm-spj: the payment papers of a bimtek (SPJ, surat
 * pertanggungjawaban): who is paid what, with the income tax (PPh 21)
 * withheld, as a CSV of payments, the list of payees to sign (daftar
 * nominatif) and a receipt (kuitansi) for each speaker.
 *
 *   event.c     the event file's keys for payment papers (spj_event)
 *   rates.c     the office's rates (--rates): kind, category, unit,
 *               amount, ceiling
 *   tax.c       the PPh 21 rules (--tax) and the tax of a payment, in
 *               whole rupiah
 *   people.c    participants with the days they attended (--participants,
 *               --attendance) and speakers (--speakers)
 *   pay.c       the payments, their totals, the CSV
 *   tables.c    the tables of the daftar nominatif and their rows
 *   list.c      the daftar nominatif as PDF and HTML
 *   workbook.c  the daftar nominatif as an Excel workbook
 *   receipt.c   the kuitansi as PDF and HTML
 *
 * Amounts are whole rupiah in a long long (spj_rp); the tax is computed
 * exactly and rounded once (spj_tax.round, ibm-spj(5)), so that every
 * total is the sum of its rows.
 */
#ifndef IBM_SPJ_H
#define IBM_SPJ_H

#include "event.h"
#include "ibmkit.h"
#include "typeset.h"

typedef long long spj_rp;

/* ---------------------------------------------------------- messages */

/* Warnings of a run: with strict set they are errors, counted, and the
 * run stops (65) once its inputs are read, before anything is written. */
typedef struct spj_diag {
	int strict;
	size_t errors;
} spj_diag;
void spj_warn(spj_diag *g, const char *file, long line, const char *fmt,
	      ...) __attribute__((format(printf, 4, 5)));
/* The same about the cell of field (0-based) on that line. */
void spj_warn_cell(spj_diag *g, const char *file, long line, size_t field,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* -------------------------------------------------------------- event */

typedef struct spj_event {
	const ibm_event *kv;
	ts_office office;        /* letterhead, fonts, logo */
	const char *acara, *tempat, *tempat_surat;
	ibm_date first, last;    /* the event's days */
	int days;
	ibm_date tanggal;        /* the date of the papers (tanggal_bayar,
				    else the event's last day) */
	char *tahun;             /* tahun_anggaran, else the event's year */
	const char *mak;         /* budget account, or NULL */
	char *satker;            /* who pays: satker, else the office */
	ts_signer ppk, bendahara, kpa; /* kpa.nama NULL: none */
} spj_event;
/* The keys (ibm-spj(5)): 0, or 65 after printing the error naming a
 * missing or bad key (its file and line), with nothing left to free. */
int spj_event_init(spj_event *e, const ibm_event *kv);
void spj_event_free(spj_event *e);

/* -------------------------------------------------------------- rates */

enum { SPJ_UNIT_OTHER, SPJ_UNIT_DAY, SPJ_UNIT_HOUR, SPJ_UNIT_ONCE };

typedef struct spj_rate {
	char *jenis, *kategori, *satuan; /* as written, spaces folded */
	char *akun;          /* the budget account of the kind, or "" */
	char *jkey, *kkey;   /* keys for matching (ibm_person_key) */
	int unit;            /* hari: DAY; JP: HOUR; kali, orang: ONCE */
	spj_rp tarif;
	spj_rp batas;        /* the ceiling, -1: none */
	long line;
} spj_rate;

typedef struct spj_rates {
	spj_rate *r;
	size_t n, cap;
	char *src;           /* the file's name in messages */
} spj_rates;

/* The rates of r; a rate above its ceiling is a warning (g). Returns 0
 * or an exit status after printing the errors. */
int spj_rates_read_csv(spj_rates *rs, ibm_csv *r, spj_diag *g);
void spj_rates_read(spj_rates *rs, const char *path,
		    const ibm_csv_opts *opts, spj_diag *g);
void spj_rates_free(spj_rates *rs);
/* The kinds of the rates, each once, in file order: participants' kinds
 * (all but honoraria) or speakers' (names beginning "honorarium"). */
int spj_kind_is_fee(const char *jkey);
/* The rate of kind jkey for category (NULL or "" : the flat rate with
 * no category); for a category, its rate else the kind's flat rate.
 * NULL when there is none. */
const spj_rate *spj_rate_find(const spj_rates *rs, const char *jkey,
			      const char *category);
/* The key of a category as written ("Kec. Moyo Hilir", "Kabupaten
 * Sumbawa" -> "moyo hilir", "sumbawa"); malloc'd. */
char *spj_category_key(const char *s);

/* ---------------------------------------------------------------- tax */

enum { SPJ_ROUND_DOWN, SPJ_ROUND_NEAREST, SPJ_ROUND_UP };
#define SPJ_BRACKETS 8

/* Percentages in hundredths of a per cent (basis points): 5 % = 500. */
typedef struct spj_tax {
	int gol_bp[4];          /* civil servants, final: I, II, III, IV */
	int dasar_bp;           /* others: the taxed part of the gross */
	spj_rp upto[SPJ_BRACKETS]; /* Pasal 17: bracket k to upto[k] */
	int rate_bp[SPJ_BRACKETS]; /* its rate; the last has upto -1 */
	size_t nbr;
	int no_id_bp;           /* no NPWP nor NIK: the tax times this */
	int peserta_bp;         /* participants: the taxed part (0: none) */
	int round;              /* SPJ_ROUND_* */
	spj_rp meterai_batas;   /* a receipt above this needs a stamp */
	spj_rp meterai;         /* the stamp's value */
} spj_tax;

/* The defaults (ibm-spj(5)): golongan I-II 0 %, III 5 %, IV 15 %
 * (PP 80/2010); others 50 % of the gross at the Pasal 17 rates (5 % to
 * Rp60.000.000, 15 %, 25 %, 30 %, 35 %; PMK 168/2023); without NPWP
 * or NIK 120 %; participants not taxed; rounded down to the rupiah;
 * stamp duty Rp10.000 above Rp5.000.000. */
void spj_tax_defaults(spj_tax *t);
/* Read the rules of a tax file (key = value, as the event file) over
 * the defaults. Errors printed as NAME:LINE; 0 or 65. */
int spj_tax_parse(spj_tax *t, const char *name, const char *buf,
		  size_t len);
void spj_tax_read(spj_tax *t, const char *path);

/* Who is taxed how. */
enum { SPJ_TAX_NONE, SPJ_TAX_CIVIL, SPJ_TAX_OTHER, SPJ_TAX_PESERTA };
typedef struct spj_taxed {
	int how;        /* SPJ_TAX_* */
	int gol;        /* 1..4 for SPJ_TAX_CIVIL */
	int no_id;      /* neither NPWP nor NIK known to be missing */
} spj_taxed;
/* The PPh 21 withheld from gross (whole rupiah, rounded as t says). */
spj_rp spj_tax_of(const spj_tax *t, const spj_taxed *w, spj_rp gross);
/* The rate that applies, in basis points of the gross (first bracket),
 * or -1 when the gross reaches past the first bracket. */
int spj_tax_rate_bp(const spj_tax *t, const spj_taxed *w, spj_rp gross);
/* "5", "2,5", "12,25" (comma: Indonesian) or with '.' (dot) into buf. */
char *spj_bp_text(char *buf, size_t size, int bp, int comma);
/* A percentage as people type it ("5", "5 %", "2,5", "0.5") in basis
 * points, 0 to max; 0, or -1 when it is not one. */
int spj_parse_bp(const char *s, int max, int *bp);

/* ------------------------------------------------------------- people */

/* The golongan (1 to 4) a text names: "III/c", "IV", "Penata (III/c)",
 * "3"; 0 when none. */
int spj_golongan(const char *s);

typedef struct spj_person {
	char *nama, *id, *jabatan, *unit, *desa, *kecamatan, *kabupaten;
	char *nip, *npwp, *nik;
	int has_id_col;      /* the file has an NPWP or NIK column */
	long days;           /* days attended; -1: unknown */
	long line;           /* in the participants file */
	const char *days_src; long days_line; /* where the days came from */
} spj_person;

typedef struct spj_speaker {
	char *nama, *nip, *golongan, *status, *kategori, *npwp, *nik;
	char *materi, *jabatan;  /* materi of every row, "; " between */
	char *jenis;             /* the kind's key ("honorarium narasumber") */
	char *pkey;              /* who: NIP, NIK or NPWP digits, or name */
	long jp;                 /* hours (JP), summed over rows; -1 none */
	long rows;               /* rows (sessions) of this speaker and kind */
	spj_taxed tax;
	const spj_rate *rate;
	long line;
} spj_speaker;

typedef struct spj_people {
	spj_person *p;
	size_t np, pcap;
	char *psrc;
	int days_col;        /* the participants file has the days */
	char *asrc;          /* the attendance list's name, or NULL */
	spj_speaker *s;
	size_t ns, scap;
	char *ssrc;
} spj_people;

/* The participants of r (any list with a name; the days from a column
 * hari_hadir, hari or days when there is one). 0 or an exit status. */
int spj_read_participants_csv(spj_people *pp, ibm_csv *r, spj_diag *g,
			      const spj_event *e);
void spj_read_participants(spj_people *pp, const char *path,
			   const ibm_csv_opts *opts, spj_diag *g,
			   const spj_event *e);
/* The days of each participant from an attendance list (participant_id
 * or name, and the days), matched by id first. */
int spj_read_attendance_csv(spj_people *pp, ibm_csv *r, spj_diag *g,
			    const spj_event *e);
void spj_read_attendance(spj_people *pp, const char *path,
			 const ibm_csv_opts *opts, spj_diag *g,
			 const spj_event *e);
/* The speakers of r: rows of one person (NIP, NIK, NPWP, else the name)
 * and one kind are one payee, their hours summed; each fee level found
 * in the rates. */
int spj_read_speakers_csv(spj_people *pp, ibm_csv *r, spj_diag *g,
			  const spj_rates *rs);
void spj_read_speakers(spj_people *pp, const char *path,
		       const ibm_csv_opts *opts, spj_diag *g,
		       const spj_rates *rs);
void spj_people_free(spj_people *pp);

/* ----------------------------------------------------------- payments */

typedef struct spj_pay {
	const spj_rate *rate;    /* NULL: none applies (a note says why) */
	const char *jenis;       /* the kind as the rates write it */
	const char *jkey;
	int speaker;             /* 1: pp->s[who], 0: pp->p[who] */
	size_t who;
	long qty;                /* days, hours or 1 */
	spj_rp tarif, gross, tax, net;
	int rate_bp;             /* spj_tax_rate_bp, -1 progressive */
	const char *note;        /* "tidak hadir", ... or NULL */
} spj_pay;

typedef struct spj_total {
	spj_rp gross, tax, net;
} spj_total;

typedef struct spj_run {
	spj_event ev;
	spj_rates rates;
	spj_tax tax;
	spj_people people;
	spj_pay *pay;
	size_t npay, cap;
	const char **kinds;      /* the kinds paid, in order (jkey) */
	size_t nkinds, kcap;
	int combine;             /* --combine: one table for all kinds */
	spj_diag diag;
} spj_run;

/* Every payment: each participant each participants' kind, each
 * speaker their fee; notes and warnings for what cannot be paid. */
void spj_compute(spj_run *r);
void spj_total_add(spj_total *t, const spj_pay *p);
/* The payee's name, role and place of a payment. */
const char *spj_pay_name(const spj_run *r, const spj_pay *p);
/* The CSV of payments (header first). 0, or -1 on a write error. */
int spj_write_csv(const spj_run *r, FILE *fp, int excel);
/* "hari", "JP", ... : the unit of a payment for print. */
const char *spj_unit_text(const spj_pay *p);
/* Free everything of the run. */
void spj_run_free(spj_run *r);

/* ------------------------------------------------------------- tables */

/* The kinds of one table at most (--combine). */
#define SPJ_TABLE_KINDS 6

/* A table of the daftar nominatif: the participants' or the speakers',
 * of one kind or (combined) several. */
typedef struct spj_table {
	int speakers;
	const char *kinds[SPJ_TABLE_KINDS]; /* jkey */
	size_t nk;
} spj_table;
/* The tables of the run, in order; at most max. */
size_t spj_tables(const spj_run *r, spj_table *t, size_t max);
/* A row: a payee with their payment of each kind of the table (NULL:
 * none), the sums, and whether they were absent (nothing paid). */
typedef struct spj_row {
	size_t who;
	const spj_pay *pay[SPJ_TABLE_KINDS];
	spj_total t;
	int absent;
	const char *note;
} spj_row;
size_t spj_table_rows(const spj_run *r, const spj_table *t, spj_row **rows);
/* "DAFTAR NOMINATIF PENERIMAAN UANG SAKU DAN TRANSPORT"; malloc'd. */
char *spj_table_title(const spj_run *r, const spj_table *t);
/* The table's MAK (its kinds' account when they share one); malloc'd
 * or NULL. */
char *spj_table_mak(const spj_run *r, const spj_table *t);
/* The texts of a row's first columns: the name (and position), the
 * role and unit (speakers: NIP and golongan, or the tax id), the village
 * (speakers: the materi); each malloc'd. */
void spj_row_text(const spj_run *r, const spj_table *t, const spj_row *w,
		  char *out[3]);
/* The volume of a row: its payment's days, hours or times (one kind),
 * or the participant's days (several kinds); the head of its column
 * ("Hari", "JP", "Orang", ...; buf at least 32 bytes). */
long spj_row_qty(const spj_run *r, const spj_table *t, const spj_row *w);
const char *spj_table_unit(const spj_run *r, const spj_table *t, char *buf,
			   size_t size);
/* The kind as the rates write it. */
const char *spj_kind_name(const spj_run *r, const char *jkey);

/* ------------------------------------------------------------ outputs */

/* The daftar nominatif: PDF, HTML (the PDF's pages), or a workbook. */
ibm_atomic *spj_list_doc(const spj_run *r, const char *path);
ibm_atomic *spj_list_xlsx(const spj_run *r, const char *path);
/* The receipts, one a page: PDF or HTML. */
ibm_atomic *spj_receipts(const spj_run *r, const char *path);
/* Before a PDF in Times is written: every text it shows can be shown. */
void spj_check_text(const spj_run *r);

/* The MAK of a kind: the event's mak and the rates' akun of the kind
 * ("4816.QEF.001.052.A.521211"), either alone, or NULL; malloc'd.
 * jkey NULL: the event's mak alone. */
char *spj_mak(const spj_run *r, const char *jkey);

/* s followed by t, s freed; malloc'd. */
char *spj_cat(char *s, const char *t);

/* "Satu juta ..." : the words of n with a capital first letter and
 * " rupiah" after them; malloc'd. */
char *spj_words(spj_rp n);

#endif
