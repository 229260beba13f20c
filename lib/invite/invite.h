/*
 * invite.h - ibm-invite: participants, event settings, agenda, and the
 * outputs built from them (CSV, attendance workbook, letters in PDF and
 * HTML, user templates).
 */
#ifndef IBM_INVITE_H
#define IBM_INVITE_H

#include "event.h"
#include "ibmkit.h"
#include "typeset.h"

/* Participant fields, in output order. */
enum {
	INV_NAMA, INV_JABATAN, INV_UNIT, INV_KELURAHAN, INV_KECAMATAN,
	INV_KABUPATEN, INV_HP, INV_EMAIL, INV_GENDER, INV_NF
};
/* Output column names and input aliases of the fields. */
extern const char *const inv_field_names[INV_NF];
extern const ibm_colspec inv_field_specs[INV_NF];
/* The columns of the agenda (the staff file's: inv_staff_specs). */
#define INV_AGENDA_NCOLS 4
extern const ibm_colspec inv_agenda_specs[INV_AGENDA_NCOLS];

#define INV_NX_MAX 16
/* The largest nomor_awal (ibm-invite(5)). */
#define INV_NUMBER_MAX 999999999L
#define INV_ID_MAX 24 /* "IBM-XXXXXXXX-XXXXXXXX" and its NUL */
typedef struct inv_person {
	char *f[INV_NF];     /* normalised values ("" when absent) */
	long no;             /* 1, 2, ... after duplicates are dropped */
	long line;           /* line in the participants file */
	char id[INV_ID_MAX]; /* participant_id (inv_make_id) */
	char *letter_number;
	int kind;            /* INV_KIND_DESA, _KELURAHAN or _VILLAGE */
	char **x;            /* the invite's extra columns (xspec), or NULL */
	char *raw[INV_NF];   /* a value that could not be read, as written
				(the field is then ""), or NULL */
} inv_person;

/* The kind of a village: from the desa_kelurahan value ("Kelurahan X",
 * "Desa X"), else the event file's jenis_desa. INV_KIND_VILLAGE is "not
 * known": the letters say "Desa/Kelurahan X" and "Lurah/Kepala Desa X". */
enum { INV_KIND_VILLAGE, INV_KIND_DESA, INV_KIND_KELURAHAN };

typedef struct inv_agenda {
	int day;             /* 1-based day of the event */
	char *waktu, *acara, *pj;
	long line;
} inv_agenda;

/* A '|'-separated list of lines. */
typedef ibm_strlist inv_lines;

/* The event settings, checked (see ibm-invite(5)). */
typedef struct inv_event {
	ibm_event *kv;
	ts_office office;     /* letterhead, signatory, fonts, logo */
	const char *nomor;    /* number pattern with {n} */
	long nomor_awal;         /* at most INV_NUMBER_MAX */
	const char *sifat, *lampiran, *hal;
	const char *tempat_surat;
	ibm_date tanggal_surat;
	const char *acara;
	ibm_date first, last;
	int days;
	const char *waktu, *tempat, *kontak;
	inv_lines tembusan;
	int tembusan_kelurahan;
	const char *pembuka, *penutup;
	const char *kepada;   /* collective letter: "Daftar Terlampir" */
	int jenis_desa;       /* INV_KIND_VILLAGE (default), _DESA, _KELURAHAN */
	const char *nomor_kolektif; /* -C: number or whole letter number */
	char *penerbit;       /* the issuer for "Lampiran Surat ..." */
} inv_event;

typedef struct invite {
	inv_event ev;
	inv_person *p;
	size_t np, cap;
	inv_agenda *ag;
	size_t nag, agcap;
	char *src;            /* participants file name for messages */
	char *agenda_src;
	int collective;
	int strict;
	inv_lines kel;        /* distinct kelurahan, in order of first use */
	int *kel_kind;        /* the kind of each */
	const ibm_colspec *xspec; /* extra optional columns to keep (nx, */
	int nx;                   /* at most INV_NX_MAX) */
	char *collective_number; /* the register's, when set (--register) */
	unsigned char raw[INV_NF]; /* some value of the field was unreadable:
				      the output has its column FIELD_raw */
	int certificates;     /* --certificates: the CSV output has each
				 certificate_number */
} invite;

/* Settings from the event table: 0, or 65 after printing the error
 * (missing required keys give one error listing them all; a bad value
 * names its file and line) with nothing left to free. */
int inv_event_init(inv_event *e, ibm_event *kv);
/* The same for the Monev visit papers (--visits): fewer keys required
 * (instansi, tempat_surat, tanggal_surat, ttd_jabatan, ttd_nama); each
 * paper checks the keys it needs. The same return. */
int inv_event_init_visits(inv_event *e, ibm_event *kv);
void inv_event_free(inv_event *e);
/* Where a key was set, for messages: file and line (NULL/0 if absent). */
const char *inv_key_file(const inv_event *e, const char *key, long *line);

/* Read the participants CSV (path or "-"); dies on errors. A phone,
 * e-mail or gender that cannot be read is a warning naming the cell: the
 * field is left empty and the text kept for the column FIELD_raw (with
 * --strict, iv->strict, an error: all are named, then 65); so are the
 * certificates' cells (inv_cert_cells) when xspec is inv_cert_specs. */
void inv_read_people(invite *iv, const char *path, const ibm_csv_opts *o);
/* The same from an open reader: 0, or the exit status after printing
 * FILE:LINE: what is wrong (what was read stays in iv for inv_free). */
int inv_read_people_csv(invite *iv, ibm_csv *r);
/* Drop duplicates, number the participants, give ids and letter
 * numbers: 0, or the exit status after printing what is wrong. */
int inv_finish(invite *iv);
/* Read the agenda CSV; dies on errors. */
void inv_read_agenda(invite *iv, const char *path, const ibm_csv_opts *o);
/* The same from an open reader, like inv_read_people_csv. */
int inv_read_agenda_csv(invite *iv, ibm_csv *r);
void inv_free(invite *iv);

/* The checked participants as CSV on fp. Returns 0 or -1 (errno). */
int inv_write_csv(const invite *iv, FILE *fp, int excel);

/* FNV-1a 32-bit of s. */
unsigned long inv_fnv1a(const char *s);
/* participant_id of a normalised name, kelurahan and phone ("" if none),
 * from the key person_key(name) "|" person_key(kelurahan) ["|" phone]:
 * "IBM-" and FNV-1a 32-bit of the key in 8 upper-case hex digits; with
 * wide, "-" and the high 32 bits of FNV-1a 64-bit of the key in 8 more
 * (the long form, for the people of a list whose short forms agree:
 * ibm-invite(1)). */
void inv_make_id(char out[INV_ID_MAX], const char *nama, const char *kel,
		 const char *hp, int wide);
/* The letter number pattern with {n} (or {n:W}, zero-padded to W) replaced
 * by n; malloc'd. Returns NULL if the pattern has no {n}. */
char *inv_number(const char *pattern, long n);
/* Letter numbers (numbers.c): pattern with {n} or {n:W} (the counter n,
 * zero-padded to W digits), {bulan_romawi} (I to XII), {bulan} (01 to 12)
 * and {tahun} of date (left as they are when date.m is 0); other braces
 * are kept. malloc'd; NULL if the pattern has no {n} or a bad width. The
 * one place where every document type's number is made. */
char *inv_number_format(const char *pattern, long n, ibm_date date);
/* The number of the i-th (from 0) letter of a kind: the pattern of
 * event key `key` (a whole letter number when it has no {n}), counted
 * from first_key's value (a whole number from 1) + i, else from 1 + i;
 * with a register (reg), the register's number of the type for kepada
 * and hal (inv_register_number; first_key's value + i when set); ""
 * without the key. Dies 65 on a bad first_key; malloc'd. */
struct inv_register;
char *inv_key_number(const inv_event *e, struct inv_register *reg,
		     const char *type, const char *key, const char *first_key,
		     long i, const char *kepada, const char *hal);
/* The counter of a letter number that pattern made for a letter dated
 * date ("B/UND-12/VI/2024" of "B/UND-{n}/{bulan_romawi}/{tahun}": 12), or
 * 0 when it does not fit the pattern. */
long inv_number_counter(const char *pattern, const char *nomor,
			ibm_date date);
/* "I" to "XII"; NULL outside 1 to 12. */
const char *inv_roman_month(int month);

/* Kelurahan without a leading "Kelurahan", "Kel.", "Desa", "Ds.". */
char *inv_kelurahan_norm(const char *s);
/* The kind the value's prefix names: INV_KIND_KELURAHAN ("Kelurahan",
 * "Kel."), INV_KIND_DESA ("Desa", "Ds."), else INV_KIND_VILLAGE. */
int inv_kelurahan_kind(const char *s);
/* "Desa", "Kelurahan" or "Desa/Kelurahan"; its head: "Kepala Desa",
 * "Lurah" or "Lurah/Kepala Desa". */
const char *inv_village_word(int kind);
const char *inv_village_head(int kind);
/* Gender to "L" or "P" ("" for empty); NULL if not recognised. */
const char *inv_gender_norm(const char *s);
/* Split s at '|' into trimmed, non-empty lines. */
void inv_lines_split(inv_lines *l, const char *s);
void inv_lines_free(inv_lines *l);

/* Letter texts shared by the PDF and HTML letters (malloc'd). The
 * addressee p (NULL: the collective letter or a template) chooses
 * "Saudara", "Saudari" or "Saudara/i". */
char *inv_text_hari_tanggal(const invite *iv);
char *inv_text_pembuka(const invite *iv, const inv_person *p);
char *inv_text_penutup(const invite *iv, const inv_person *p);
/* "-" without attachments, else "N (words) lembar" for the sheets
 * attached; the event's lampiran when set. */
char *inv_text_lampiran(const invite *iv, int sheets);
/* "Lampiran Surat <penerbit>". */
char *inv_text_lampiran_surat(const invite *iv);
/* The collective letter's number (nomor_kolektif, else nomor_awal). */
char *inv_collective_number(const invite *iv);
/* "Sdr." / "Sdri." / "Sdr/i." by gender; "Saudara" / "Saudari" /
 * "Saudara/i" (p may be NULL). */
const char *inv_salutation(const inv_person *p);
const char *inv_salutation_long(const inv_person *p);
/* The tembusan lines: fixed lines, then "Lurah X" / "Kepala Desa X". */
void inv_tembusan(const invite *iv, inv_lines *out);
/* The date of the agenda's day d ("Senin, 24 Juni 2024"). */
char *inv_day_text(const invite *iv, int day);

/* Output files are written to temporary files and committed together at
 * the end of a successful run. */
typedef struct inv_outs {
	ibm_atomic **a;
	size_t n, cap;
} inv_outs;
void inv_outs_add(inv_outs *o, ibm_atomic *a);
void inv_outs_commit(inv_outs *o);

/* The register of outgoing letters (register.c, ibm-invite(5)): opened
 * and locked (the lock is held until the process ends), read whole. */
typedef struct inv_register inv_register;
/* Its columns: tanggal, jenis, urut, nomor, kepada, hal (with aliases;
 * ibm-db add letters reads the register by them too). */
extern const ibm_colspec inv_register_specs[6];
inv_register *inv_register_open(const char *path);
/* The register's text (name for messages) read into a new register that
 * is not locked and never saved (tests): 0 and *out, or the exit status
 * after printing what is wrong. */
int inv_register_parse(const char *name, const char *data, size_t len,
		       inv_register **out);
/* The number of a letter of type ("undangan", "sprin", "sertifikat")
 * to kepada about hal dated date: the one the register has for the same
 * type, year, addressee and subject; else the next of the type and year
 * (first > 0: exactly first, which must not be the register's for
 * another letter: dies 65 naming the clash). whole: a whole letter
 * number instead of a pattern. key names the pattern in messages. The
 * counter of a line without urut is read from its number by the
 * pattern. */
char *inv_register_number(inv_register *r, const char *type,
			  const char *key, const char *pattern,
			  const char *whole, long first, ibm_date date,
			  const char *kepada, const char *hal);
/* The same, without dying: 0 and *nomor, or the exit status after
 * printing what is wrong (a clash, a counter at LONG_MAX). */
int inv_register_issue(inv_register *r, const char *type, const char *key,
		       const char *pattern, const char *whole, long first,
		       ibm_date date, const char *kepada, const char *hal,
		       char **nomor);
/* The register's new bytes (its own, then the new lines): malloc'd, *len
 * set; NULL when nothing was issued. */
char *inv_register_render(const inv_register *r, size_t *len);
/* The register with the new lines, as one of the run's outputs. */
void inv_register_save(inv_register *r, inv_outs *outs);
void inv_register_free(inv_register *r);
/* A register kept elsewhere than in a CSV file (ibm-db: the database's
 * letters): an empty one named name (for messages), filled with the
 * letters already issued by inv_register_add_old (tanggal as written;
 * urut 0 when not known), whose new lines inv_register_each_new gives
 * (f: tanggal, jenis, urut, nomor, kepada, hal) for the store to keep;
 * never saved by inv_register_save. */
inv_register *inv_register_new(const char *name);
void inv_register_add_old(inv_register *r, const char *tanggal,
			  const char *jenis, long urut, const char *nomor,
			  const char *kepada, const char *hal);
void inv_register_each_new(const inv_register *r,
			   void (*fn)(void *arg, const char *const *f,
				      long urut),
			   void *arg);

/* The staff file (warrant.c, --staff): the officers of the Surat
 * Perintah and of the Monev visits' teams (nama, pangkat/golongan,
 * NIP/NRP, jabatan, tugas; tim and tingkat_biaya for the visits). */
enum { INV_S_NAMA, INV_S_PANGKAT, INV_S_NIP, INV_S_JABATAN, INV_S_TUGAS,
       INV_S_TIM, INV_S_TINGKAT, INV_STAFF_NF };
extern const char *const inv_staff_names[INV_STAFF_NF];
extern const ibm_colspec inv_staff_specs[INV_STAFF_NF];
typedef struct inv_staff {
	char *f[INV_STAFF_NF]; /* spaces folded, "" when absent */
	long line;
} inv_staff;
typedef struct inv_order {
	inv_staff *s;
	size_t n, cap;
	char *src;
	int has_team;         /* the file has a tim column */
	char *nomor;          /* the Sprin's number */
	int strict;           /* --strict: an unreadable NIP is an error */
} inv_order;
/* More officers than this: "Daftar terlampir" and an attachment page. */
#define INV_ORDER_INLINE_MAX 5
void inv_order_read_staff(inv_order *o, const char *path,
			  const ibm_csv_opts *opts);
/* The same from an open reader: 0, or the exit status after printing
 * what is wrong (what was read stays in o for inv_order_free). A name is
 * required; a NIP that a spreadsheet mangled (inv_nip_bad) is a warning
 * naming the cell and left empty (o->strict: an error). */
int inv_order_read_staff_csv(inv_order *o, ibm_csv *r);
/* Why a NIP/NRP cell cannot be printed as written, or NULL: a number in
 * a power of ten ("1.97001E+17"), or an 18-digit NIP whose last three
 * digits (its sequence, never 000) a spreadsheet rounded away. */
const char *inv_nip_bad(const char *s);
void inv_order_free(inv_order *o);
/* The names of n officers, ", "-separated (the register's addressee);
 * malloc'd. */
char *inv_staff_names_text(const inv_staff *const *s, size_t n);
/* In Times: every field of the staff file can be shown (dies 65). */
void inv_staff_check_text(const ts_office *of, const inv_order *o);

/*
 * The letters that send officers out (warrant.c): the Surat Perintah
 * and the Surat Tugas, one Tata Naskah Dinas layout. Untuk's items are
 * numbered; a table (the destinations and dates of a Surat Tugas) may
 * follow item table_after (1-based).
 */
typedef struct inv_warrant {
	const ts_office *office;
	const char *title;          /* "SURAT PERINTAH", "SURAT TUGAS" */
	const char *nomor;
	const inv_lines *menimbang; /* NULL or empty: none */
	const inv_lines *dasar;
	const char *verb;           /* "DIPERINTAHKAN", "MEMBERI TUGAS" */
	const inv_staff *const *officer;
	size_t nofficer;
	const char *role_head;      /* the head of the officers' last column */
	const inv_lines *untuk;
	size_t table_after;
	size_t table_cols, table_rows;
	const float *table_w;       /* widths from the left margin */
	const char *const *table_head;
	const char *const *table_cells; /* rows x cols, row by row */
	const char *tempat_surat;
	ibm_date tanggal;
	const inv_lines *tembusan;
	const char *attachment;     /* "Lampiran Surat Perintah <issuer>" */
	const char *acara;          /* under DAFTAR PETUGAS there */
} inv_warrant;
/* One letter, from a new page of d. */
void inv_warrant_draw(ts_doc *d, const inv_warrant *w);

/* The Surat Perintah (order.c, --order) of the officers of the staff
 * file. */
/* Keys the Sprin needs, and (pdf set, in Times) text the PDF can show
 * (dies 65). */
void inv_order_check(const invite *iv, const inv_order *o, int pdf);
/* The officers' names, for the register. */
char *inv_order_addressee(const inv_order *o);
/* The Sprin's number (nomor_sprin, nomor_sprin_awal; the register's
 * when reg is set); malloc'd. */
char *inv_order_number(const invite *iv, inv_register *reg,
		       const inv_order *o);
/* The Sprin as PDF or HTML (by the file name's extension). */
void inv_order_write(const invite *iv, const inv_order *o, const char *path,
		     inv_outs *outs);

/* Outputs. */
void inv_attendance(const invite *iv, const char *path, int blank_rows,
		    inv_outs *outs);
void inv_letters_pdf(const invite *iv, const char *path, inv_outs *outs);
void inv_letters_html(const invite *iv, const char *path, inv_outs *outs);
/*
 * The layout of one letter as the PDF letters set it, in Times (for the
 * HTML letters, which print the same pages): the decisions the HTML
 * follows, and the rows of each attachment page.
 */
typedef struct inv_att_page {
	int table;            /* 0: list of invitees, 1: agenda */
	int head;             /* the page starts the attachment (its heading) */
	size_t first, end;    /* rows [first, end) */
} inv_att_page;
typedef struct inv_layout {
	int date_above;       /* place and date above the Nomor block */
	int keep_break;       /* the closing paragraph begins page 2, with
				 the signature */
	int tembusan_two;     /* copies in two columns */
	size_t tembusan_half; /* the first copy of the right column */
	const ts_copy_page *copy_page; /* the copies on each page (owned by
					  the setter) */
	size_t ncopy_page;
	int sheets;           /* attachment sheets */
	inv_att_page *page;   /* the attachment pages (owned by the setter) */
	size_t npage;
} inv_layout;
/* The letters' setter (letters_pdf.c): the letters laid out in Times
 * on a measuring document (typeset.h), for the HTML letters, which
 * print the same pages. */
typedef struct inv_typeset inv_typeset;
/* Column widths (points) of the attachment tables. */
extern const float inv_people_cols[4], inv_agenda_cols[4];
inv_typeset *inv_typeset_new(const invite *iv);
void inv_typeset_free(inv_typeset *t);
/* Its measuring document, for widths and wrapped lines (ts_width,
 * ts_lines). */
ts_doc *inv_typeset_doc(inv_typeset *t);
void inv_typeset_letter(inv_typeset *t, const inv_person *ps,
			const char *nomor, inv_layout *out);
/* The attachment sheets of a letter with this number. */
int inv_typeset_sheets(inv_typeset *t, const char *nomor);
/* The place and date (right) and the Nomor, Sifat, Lampiran and Hal
 * block of a letter of the office (the colon at cx, values from vx),
 * the date beside the number when there is room: 1 when it went above
 * the block instead. */
int inv_letter_number_block(ts_doc *d, const inv_event *e,
			    const char *nomor, const char *lampiran,
			    const char *hal, float cx, float vx);
/* Check that every text of the letters can be shown in the PDF font
 * (before anything is written); dies 65 naming the field. */
void inv_pdf_check(const invite *iv);
/* Longest template output file name in bytes; longer names are cut. */
#define INV_NAME_MAX 120
/* name cut to INV_NAME_MAX bytes (extension kept), with "~k" before the
 * extension when k > 1; malloc'd; *cut set when it differs from name. */
char *inv_short_name(const char *name, size_t k, int *cut);
void inv_templates(const invite *iv, const char *tpl, const char *outdir,
		   const char *pattern, inv_outs *outs);

/* Certificates (certificate.c): one A4 landscape page per participant. */
/* The participant's certificate number (malloc'd; after
 * inv_cert_check). */
char *inv_cert_number(const invite *iv, const inv_person *p);
extern const ibm_colspec inv_cert_specs[];
extern const int inv_cert_nspecs;
/* The certificate's cells of participant p (xidx: the columns of
 * inv_cert_specs, -1 absent): a post_percent that is no number or a
 * passed_post that is no yes or no is a warning naming the cell and
 * left empty (the certificate then shows no score), with --strict an
 * error (-1). */
int inv_cert_cells(const invite *iv, inv_person *p, const int *xidx);
/* Check the certificate keys and texts before anything is written (dies
 * 65 naming the key or field). */
void inv_cert_check(const invite *iv, int pdf);
void inv_certificates(const invite *iv, const char *path, int proper_case,
		      inv_outs *outs);

/* ------------------------------------------------ the Monev visits */

/* The schedule of the visits (visits.c, --visits): one row per visit. */
enum { INV_V_TANGGAL, INV_V_WAKTU, INV_V_UNIT, INV_V_DESA, INV_V_KEC,
       INV_V_KAB, INV_V_TIM, INV_V_TEMPAT, INV_V_NF };
extern const char *const inv_visit_names[INV_V_NF];
extern const ibm_colspec inv_visit_specs[INV_V_NF]; /* --visits */
/* More visits than this in one schedule is an error. */
#define INV_VISITS_MAX 100000
typedef struct inv_visit {
	char *f[INV_V_NF];   /* spaces folded, "" when absent; the village
				without "Desa"/"Kelurahan", the district
				as monev_district spells it */
	ibm_date date;
	int kind;            /* of the village: INV_KIND_* */
	size_t team;         /* its team (inv_visits.t) */
	long line;
	char *nomor;         /* its letter's number */
} inv_visit;
typedef struct inv_team {
	char *name;
	const inv_staff **officer; /* of the staff file, in its order */
	size_t nofficer;
	size_t *visit;       /* its visits, by date, time and line */
	size_t nvisit;
	char *nomor;         /* its Surat Tugas's number */
} inv_team;
/* A trip: visits [first, end) of a team's whose days follow one another
 * (the same day or the next), from one day to another; one Surat
 * Perjalanan Dinas for each officer of the team. */
typedef struct inv_trip {
	size_t team, first, end;
	ibm_date from, to;
	char **nomor;        /* the SPD's number of each officer, or NULL */
} inv_trip;
typedef struct inv_visits {
	inv_visit *v;
	size_t n, cap;
	char *src;
	inv_team *t;         /* in the schedule's order of first appearance */
	size_t nt;
	inv_trip *trip;      /* by team, then date */
	size_t ntrip;
	size_t *order;       /* every visit by date, time, team and line */
} inv_visits;

/* Read the schedule (path, "-" or a workbook); dies on errors. */
void inv_visits_read(inv_visits *vs, const char *path,
		     const ibm_csv_opts *opts);
/* The same from an open reader: 0, or the exit status after printing
 * what is wrong (what was read stays in vs for inv_visits_free). */
int inv_visits_read_csv(inv_visits *vs, ibm_csv *r);
/*
 * The visits' units against the master list (units: NULL or empty for
 * none; strict: a unit not on it is an error), the time (waktu: the
 * event's default for empty cells), the teams and their officers (the
 * staff file's tim column), a team in two places at once, an officer in
 * two places on one day; then the trips. 0, or the exit status after
 * printing every error.
 */
struct monev_units;
int inv_visits_check(inv_visits *vs, const inv_order *staff,
		     const struct monev_units *units, int strict,
		     const char *waktu);
void inv_visits_free(inv_visits *vs);
/* The checked visits as CSV (tanggal, waktu, nama_unit, desa_kelurahan,
 * kecamatan, kabupaten_kota, tim, petugas, nomor_surat,
 * nomor_surat_tugas) by date: 0, or -1 on a write error. */
int inv_visits_write_csv(const inv_visits *vs, FILE *fp, int excel);

/* The papers of the visits (visit_papers.c, visit_schedule.c). */
#define INV_VISIT_HAL "Pemberitahuan Monitoring dan Evaluasi IBM"
typedef struct inv_papers {
	const inv_event *ev;
	inv_visits *vs;
	inv_lines docs;      /* what the letters ask to prepare */
	char *acara;         /* the activity (acara, else made from the
				semester of the first visit) */
	char *periode;       /* "Semester II Tahun 2024" */
} inv_papers;
struct monev_spec;
/* The documents from the key dokumen, else from spec (NULL: none). */
void inv_papers_init(inv_papers *p, const inv_event *ev, inv_visits *vs,
		     const struct monev_spec *spec);
void inv_papers_free(inv_papers *p);
/* Before anything is written: the keys each paper asked for needs, and
 * (pdf set, in Times) every text the PDF shows; dies 65. */
void inv_papers_check(const inv_papers *p, int letters, int assignment,
		      int spd, int pdf, const inv_order *staff);
/* The papers' numbers (nomor, nomor_tugas, nomor_spd with their _awal
 * keys; from the register when reg is set: types "pemberitahuan",
 * "surat_tugas", "spd"). */
void inv_papers_number(inv_papers *p, inv_register *reg, int letters,
		       int assignment, int spd);
/* The papers as PDF or HTML (by the file name), schedule also .xlsx. */
void inv_visit_letters(const inv_papers *p, const char *path,
		       inv_outs *outs);
void inv_visit_assignment(const inv_papers *p, const char *path,
			  inv_outs *outs);
void inv_visit_spd(const inv_papers *p, const char *path, inv_outs *outs);
void inv_visit_schedule(const inv_papers *p, const char *path,
			inv_outs *outs);
/* A paper laid out on d (the fuzz targets measure them): the letters,
 * the Surat Tugas, the SPD or the schedule document. */
enum { INV_PAPER_LETTERS, INV_PAPER_ASSIGNMENT, INV_PAPER_SPD,
       INV_PAPER_SCHEDULE };
void inv_visit_draw(ts_doc *d, const inv_papers *p, int paper);
/* The schedule document from a new page (ctx: the papers). */
void inv_visit_schedule_doc(ts_doc *d, void *ctx);
/* The table of a team's visits (the Surat Tugas, the schedule): No,
 * Hari/Tanggal, Waktu, Unit IBM, and where (the village, kecamatan and
 * district, lines separated by sep); a visit's cells (malloc'd). */
extern const float inv_visit_cols[5];
extern const char *const inv_visit_head[5];
char *inv_visit_where(const inv_visit *v, const char *sep);
void inv_visit_cells(const inv_visit *v, size_t no, char **cells);

#endif
