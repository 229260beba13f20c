/* invite.c - ibm-invite: event settings, participants, agenda, CSV output
 * and the letter texts shared by the PDF and HTML letters. */
#include "invite.h"
#include "port.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const inv_field_names[INV_NF] = {
	"nama", "jabatan", "unit_ibm", "desa_kelurahan", "kecamatan",
	"kabupaten_kota", "no_hp", "email", "jenis_kelamin"
};

/* Each named by its output column (inv_field_names). */
const ibm_colspec inv_field_specs[INV_NF] = {
	{ "nama|nama lengkap|nama peserta|name|full name|participant", 1,
	  "nama" },
	{ "jabatan|peran|role|position|jabatan peran", 0, "jabatan" },
	{ "unit ibm|unit|nama unit|ibm unit|ibm", 0, "unit_ibm" },
	{ "desa/kelurahan|kelurahan|desa|kelurahan/desa|desa kelurahan|"
	  "asal desa/kelurahan|village", 0, "desa_kelurahan" },
	{ "kecamatan|district|subdistrict", 0, "kecamatan" },
	{ "kabupaten/kota|kabupaten|kota|kab/kota|regency|city", 0,
	  "kabupaten_kota" },
	{ "no. hp|no hp|hp|no wa|no. wa|nomor hp|nomor wa|whatsapp|telepon|"
	  "no telp|phone|mobile|phone number", 0, "no_hp" },
	{ "email|e-mail|email address|alamat email|surel", 0, "email" },
	{ "jenis kelamin|jk|l/p|gender|sex", 0, "jenis_kelamin" },
};

/* ---------------------------------------------------------------- small */

unsigned long inv_fnv1a(const char *s)
{
	unsigned long h = 2166136261UL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h = (h * 16777619UL) & 0xFFFFFFFFUL;
	}
	return h;
}

void inv_make_id(char out[INV_ID_MAX], const char *nama, const char *kel,
		 const char *hp, int wide)
{
	char *a = ibm_person_key(nama), *b = ibm_person_key(kel);
	size_t n = strlen(a) + strlen(b) + strlen(hp) + 3;
	char *s = ibm_xmalloc(n);

	if (*hp)
		snprintf(s, n, "%s|%s|%s", a, b, hp);
	else
		snprintf(s, n, "%s|%s", a, b);
	if (wide)
		snprintf(out, INV_ID_MAX, "IBM-%08lX-%08lX", inv_fnv1a(s),
			 (unsigned long)(ibm_fnv1a64(s) >> 32));
	else
		snprintf(out, INV_ID_MAX, "IBM-%08lX", inv_fnv1a(s));
	free(a);
	free(b);
	free(s);
}

char *inv_kelurahan_norm(const char *s)
{
	static const char *const pre[] = { "kelurahan ", "kel. ", "kel ",
		"desa ", "ds. ", "ds ", NULL };
	char *v = ibm_xstrdup(s);

	ibm_fold_space(v);
	for (size_t i = 0; pre[i]; i++) {
		size_t k = strlen(pre[i]);

		if (strlen(v) > k && strncasecmp(v, pre[i], k) == 0) {
			memmove(v, v + k, strlen(v + k) + 1);
			ibm_trim(v);
			break;
		}
	}
	return v;
}

int inv_kelurahan_kind(const char *s)
{
	static const char *const kel[] = { "kelurahan ", "kel. ", "kel ",
		NULL };
	static const char *const desa[] = { "desa ", "ds. ", "ds ", NULL };
	char *v = ibm_xstrdup(s);
	int kind = INV_KIND_VILLAGE;

	ibm_fold_space(v);
	for (size_t i = 0; kel[i]; i++)
		if (strlen(v) > strlen(kel[i]) &&
		    strncasecmp(v, kel[i], strlen(kel[i])) == 0)
			kind = INV_KIND_KELURAHAN;
	for (size_t i = 0; desa[i]; i++)
		if (strlen(v) > strlen(desa[i]) &&
		    strncasecmp(v, desa[i], strlen(desa[i])) == 0)
			kind = INV_KIND_DESA;
	free(v);
	return kind;
}

const char *inv_village_word(int kind)
{
	return kind == INV_KIND_DESA ? "Desa" : kind == INV_KIND_KELURAHAN ?
		"Kelurahan" : "Desa/Kelurahan";
}

const char *inv_village_head(int kind)
{
	return kind == INV_KIND_DESA ? "Kepala Desa" : kind == INV_KIND_KELURAHAN ?
		"Lurah" : "Lurah/Kepala Desa";
}

const char *inv_gender_norm(const char *s)
{
	static const char *const l[] = { "l", "lk", "laki-laki", "laki laki",
		"laki", "pria", "m", "male", "man", NULL };
	static const char *const pr[] = { "p", "pr", "perempuan", "wanita",
		"f", "female", "woman", NULL };
	char *v = ibm_lower(s);
	const char *r = NULL;

	ibm_fold_space(v);
	if (!*v)
		r = "";
	for (size_t i = 0; !r && l[i]; i++)
		if (strcmp(v, l[i]) == 0)
			r = "L";
	for (size_t i = 0; !r && pr[i]; i++)
		if (strcmp(v, pr[i]) == 0)
			r = "P";
	free(v);
	return r;
}

void inv_lines_split(inv_lines *l, const char *s)
{
	ibm_strlist_split(l, s, 1);
}

void inv_lines_free(inv_lines *l)
{
	ibm_strlist_free(l);
}

/* --------------------------------------------------------------- event */

const char *inv_key_file(const inv_event *e, const char *key, long *line)
{
	const ibm_event_kv *kv = ibm_event_find(e->kv, key);

	*line = kv ? kv->line : 0;
	return kv ? kv->src : NULL;
}

/* A bad value of KEY: "FILE:LINE: KEY: WHAT ARG" naming where it was
 * set; returns the status, 65. */
static int key_error(const inv_event *e, const char *key, const char *what,
		     const char *arg)
{
	long line;
	const char *f = inv_key_file(e, key, &line);

	ibm_error(f, line, "%s: %s%s", key, what, arg ? arg : "");
	return IBM_EX_DATAERR;
}

static int key_date(const inv_event *e, const char *key, ibm_date *d)
{
	const char *v = ibm_event_get(e->kv, key);

	if (!v || ibm_date_parse(v, d) != 0)
		return key_error(e, key, "not a date: ", v);
	return 0;
}

/* The keys every reader takes as written (the bimtek's letters and the
 * visit papers), and what an absent one stands for. */
static const struct {
	const char *key;
	size_t off;             /* of its const char * in inv_event */
	const char *absent;
} text_keys[] = {
	{ "nomor", offsetof(inv_event, nomor), NULL },
	{ "sifat", offsetof(inv_event, sifat), "Biasa" },
	{ "lampiran", offsetof(inv_event, lampiran), NULL },
	{ "hal", offsetof(inv_event, hal), NULL },
	{ "tempat_surat", offsetof(inv_event, tempat_surat), NULL },
	{ "acara", offsetof(inv_event, acara), NULL },
	{ "waktu", offsetof(inv_event, waktu), NULL },
	{ "tempat", offsetof(inv_event, tempat), NULL },
	{ "kontak", offsetof(inv_event, kontak), NULL },
	{ "pembuka", offsetof(inv_event, pembuka), NULL },
	{ "penutup", offsetof(inv_event, penutup), NULL },
};

/* What every letter of the office takes from the event file: the
 * letterhead and signatory, the text keys above, the number pattern
 * (when set) and the first number, the date, copies, the kind of
 * village and the issuer. Returns 0 or 65 (the error printed); e was
 * cleared by the caller, and is freed by it on an error. */
static int event_letters(inv_event *e, ibm_event *kv)
{
	const char *v;
	int st;

	ts_office_init(&e->office, kv);
	for (size_t i = 0; i < sizeof text_keys / sizeof *text_keys; i++) {
		v = ibm_event_get(kv, text_keys[i].key);
		*(const char **)((char *)e + text_keys[i].off) =
			v ? v : text_keys[i].absent;
	}
	if (e->nomor) {
		char *test = inv_number(e->nomor, 1);

		if (!test)
			return key_error(e, "nomor", "the number pattern "
					 "needs {n} or {n:WIDTH}: ", e->nomor);
		free(test);
	}
	e->nomor_awal = 1;
	if ((v = ibm_event_get(kv, "nomor_awal")) &&
	    (ibm_parse_count(v, &e->nomor_awal) != 0 || e->nomor_awal < 0))
		return key_error(e, "nomor_awal", "not a whole number: ", v);
	/* the numbers of the letters, nomor_awal + i, stay far from the
	 * type's limit (a long has 32 bits on Windows) */
	if (e->nomor_awal > INV_NUMBER_MAX)
		return key_error(e, "nomor_awal", "larger than 999999999: ",
				 v);
	if ((st = key_date(e, "tanggal_surat", &e->tanggal_surat)))
		return st;
	inv_lines_split(&e->tembusan, ibm_event_get(kv, "tembusan"));
	e->jenis_desa = INV_KIND_VILLAGE;
	if ((v = ibm_event_get(kv, "jenis_desa"))) {
		char *l = ibm_lower(v);
		int known = 1;

		ibm_fold_space(l);
		if (strcmp(l, "desa") == 0)
			e->jenis_desa = INV_KIND_DESA;
		else if (strcmp(l, "kelurahan") == 0)
			e->jenis_desa = INV_KIND_KELURAHAN;
		else
			known = strcmp(l, "desa/kelurahan") == 0 ||
				strcmp(l, "kelurahan/desa") == 0;
		free(l);
		if (!known)
			return key_error(e, "jenis_desa", "not desa, "
					 "kelurahan or desa/kelurahan: ", v);
	}
	if ((v = ibm_event_get(kv, "penerbit"))) {
		e->penerbit = ibm_xstrdup(v);
	} else {
		size_t n = 1;

		for (size_t i = 0; i < e->office.ttd.jabatan.n; i++)
			n += strlen(e->office.ttd.jabatan.v[i]) + 1;
		e->penerbit = ibm_xmalloc(n);
		e->penerbit[0] = '\0';
		for (size_t i = 0; i < e->office.ttd.jabatan.n; i++)
			snprintf(e->penerbit + strlen(e->penerbit),
				 n - strlen(e->penerbit), "%s%s", i ? " " : "",
				 e->office.ttd.jabatan.v[i]);
	}
	return 0;
}

/* The bimtek's own keys: its days, the copies to the villages, the
 * addressee of the collective letter and its number. */
static int event_bimtek(inv_event *e, ibm_event *kv)
{
	const char *v;
	int st;

	if ((st = key_date(e, "tanggal_mulai", &e->first)))
		return st;
	e->days = 1;
	if ((v = ibm_event_get(kv, "jumlah_hari"))) {
		long d;

		if (ibm_parse_count(v, &d) != 0 || d < 1 || d > 31)
			return key_error(e, "jumlah_hari", "not a number of "
					 "days (1 to 31): ", v);
		e->days = (int)d;
	}
	e->last = ibm_date_from_days(ibm_date_days(e->first) + e->days - 1);
	if (!ibm_date_valid(e->last))
		return key_error(e, "jumlah_hari", "the last day is after "
				 "the year 9999: ", v);
	if (ibm_event_get(kv, "tanggal_selesai")) {
		ibm_date l;
		long d;

		if ((st = key_date(e, "tanggal_selesai", &l)))
			return st;
		d = ibm_date_days(l) - ibm_date_days(e->first) + 1;
		if (d < 1 || d > 31)
			return key_error(e, "tanggal_selesai", "must be 0 to "
					 "30 days after tanggal_mulai", NULL);
		if (ibm_event_get(kv, "jumlah_hari") && d != e->days)
			return key_error(e, "tanggal_selesai", "does not "
					 "agree with jumlah_hari", NULL);
		e->days = (int)d;
		e->last = l;
	}
	e->tembusan_kelurahan = 1;
	if ((v = ibm_event_get(kv, "tembusan_kelurahan"))) {
		int y = ibm_parse_yesno(v);

		if (y < 0)
			return key_error(e, "tembusan_kelurahan", "not yes or "
					 "no (ya, tidak): ", v);
		e->tembusan_kelurahan = y;
	}
	e->kepada = ibm_event_get(kv, "kepada");
	if (!e->kepada)
		e->kepada = "Daftar Terlampir";
	e->nomor_kolektif = ibm_event_get(kv, "nomor_kolektif");
	return 0;
}

int inv_event_init(inv_event *e, ibm_event *kv)
{
	static const char *const required[] = { "instansi", "nomor", "hal",
		"tempat_surat", "tanggal_surat", "acara", "tanggal_mulai",
		"waktu", "tempat", "ttd_jabatan", "ttd_nama", NULL };
	int st;

	memset(e, 0, sizeof *e);
	e->kv = kv;
	if (!(st = ibm_event_require(kv, required, NULL)) &&
	    !(st = event_letters(e, kv)))
		st = event_bimtek(e, kv);
	if (st)
		inv_event_free(e);
	return st;
}

int inv_event_init_visits(inv_event *e, ibm_event *kv)
{
	static const char *const required[] = { "instansi", "tempat_surat",
		"tanggal_surat", "ttd_jabatan", "ttd_nama", NULL };
	int st;

	memset(e, 0, sizeof *e);
	e->kv = kv;
	if ((st = ibm_event_require(kv, required, "for --visits")) ||
	    (st = event_letters(e, kv))) {
		inv_event_free(e);
		return st;
	}
	e->kepada = "";
	return 0;
}

void inv_event_free(inv_event *e)
{
	ts_office_free(&e->office);
	inv_lines_free(&e->tembusan);
	free(e->penerbit);
	e->penerbit = NULL;
}

/* -------------------------------------------------------- participants */

/*
 * Field f of p cannot be read (what: "not a phone number"): an error with
 * --strict (-1: counted, the reading goes on so that every one is named),
 * else a warning naming the cell, the field left empty and its text kept
 * for the column FIELD_raw (0).
 */
static int unreadable(invite *iv, inv_person *p, const int *idx, int f,
		      const char *what)
{
	char then[96];

	snprintf(then, sizeof then, "left empty (the text is kept in the "
		 "column %s_raw)", inv_field_names[f]);
	if (ibm_cell_bad(iv->strict, iv->src, p->line, (size_t)idx[f],
			 inv_field_names[f], what, p->f[f], then) != 0)
		return -1;
	p->raw[f] = p->f[f];
	p->f[f] = ibm_xstrdup("");
	iv->raw[f] = 1;
	return 0;
}

int inv_read_people_csv(invite *iv, ibm_csv *r)
{
	const ibm_rec *rec;
	int idx[INV_NF], k, xidx[INV_NX_MAX];
	long refused = 0;

	iv->src = ibm_xstrdup(ibm_csv_name(r));
	if (ibm_csv_resolve(r, inv_field_specs, INV_NF, idx) != 0)
		return IBM_EX_DATAERR;
	if (iv->nx > INV_NX_MAX)
		iv->nx = INV_NX_MAX;
	if (iv->nx)
		ibm_csv_resolve(r, iv->xspec, iv->nx, xidx);
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		inv_person *p;
		int blank = 1;

		for (size_t i = 0; i < rec->n; i++)
			for (const char *c = rec->f[i]; *c && blank; c++)
				if (!isspace((unsigned char)*c))
					blank = 0;
		if (blank)
			continue; /* an empty line of a spreadsheet */
		/* in the list at once, so that an error frees it with it */
		ibm_grow((void **)&iv->p, &iv->cap, iv->np + 1, sizeof *iv->p);
		p = &iv->p[iv->np++];
		memset(p, 0, sizeof *p);
		p->line = rec->line;
		for (int f = 0; f < INV_NF; f++)
			p->f[f] = ibm_rec_cell(rec, idx[f]);
		if (iv->nx) {
			p->x = ibm_xcalloc((size_t)iv->nx + 1, sizeof *p->x);
			for (int f = 0; f < iv->nx; f++) {
				p->x[f] = ibm_xstrdup(xidx[f] >= 0 &&
					(size_t)xidx[f] < rec->n ?
					rec->f[xidx[f]] : "");
				ibm_fold_space(p->x[f]);
			}
		}
		if (!p->f[INV_NAMA][0]) {
			ibm_error_cell(iv->src, p->line,
				       (size_t)idx[INV_NAMA], "empty name");
			return IBM_EX_DATAERR;
		}
		if (p->f[INV_KELURAHAN][0]) {
			char *kel = inv_kelurahan_norm(p->f[INV_KELURAHAN]);

			p->kind = inv_kelurahan_kind(p->f[INV_KELURAHAN]);
			free(p->f[INV_KELURAHAN]);
			p->f[INV_KELURAHAN] = kel;
		}
		if (p->f[INV_HP][0]) {
			char *h = ibm_phone_norm(p->f[INV_HP]);

			if (!h && unreadable(iv, p, idx, INV_HP, "not a phone "
					     "number") != 0)
				refused++;
			if (h) {
				free(p->f[INV_HP]);
				p->f[INV_HP] = h;
			}
		}
		if (p->f[INV_GENDER][0]) {
			const char *g = inv_gender_norm(p->f[INV_GENDER]);

			if (!g && unreadable(iv, p, idx, INV_GENDER, "gender "
					     "is not L or P") != 0)
				refused++;
			if (g) {
				free(p->f[INV_GENDER]);
				p->f[INV_GENDER] = ibm_xstrdup(g);
			}
		}
		if (p->f[INV_EMAIL][0]) {
			char *e = ibm_email_norm(p->f[INV_EMAIL]);

			if (!e && unreadable(iv, p, idx, INV_EMAIL, "not an "
					     "e-mail address") != 0)
				refused++;
			free(e);
		}
		if (iv->xspec == inv_cert_specs)
			refused += inv_cert_cells(iv, p, xidx) != 0;
	}
	if (k < 0)
		return ibm_csv_status(r) ? ibm_csv_status(r) : IBM_EX_DATAERR;
	return refused ? IBM_EX_DATAERR : 0;
}

void inv_read_people(invite *iv, const char *path, const ibm_csv_opts *o)
{
	/* the header: the first row with the required columns */
	ibm_csv *r = ibm_csv_xopen_need(path, o, inv_field_specs, INV_NF);
	int st = inv_read_people_csv(iv, r);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

static void person_free(inv_person *p)
{
	for (int k = 0; k < INV_NF; k++) {
		free(p->f[k]);
		free(p->raw[k]);
	}
	free(p->letter_number);
	if (p->x)
		for (int k = 0; p->x[k]; k++)
			free(p->x[k]);
	free(p->x);
}

/* Duplicates: the same name and kelurahan, or the same phone. */
static int drop_duplicates(invite *iv)
{
	int st = 0;

	char **nk = ibm_xcalloc(iv->np + 1, sizeof *nk);
	ibm_strmap names, phones;
	size_t w = 0;

	ibm_strmap_init(&names, iv->np);
	ibm_strmap_init(&phones, iv->np);
	for (size_t i = 0; i < iv->np; i++) {
		char *a = ibm_person_key(iv->p[i].f[INV_NAMA]);
		char *b = ibm_person_key(iv->p[i].f[INV_KELURAHAN]);
		size_t n = strlen(a) + strlen(b) + 2;

		nk[i] = ibm_xmalloc(n);
		snprintf(nk[i], n, "%s|%s", a, b);
		free(a);
		free(b);
	}
	for (size_t i = 0; i < iv->np; i++) {
		inv_person *p = &iv->p[i];
		const char *why = "same name and kelurahan";
		size_t line = ibm_strmap_get(&names, nk[i]);

		if (line == (size_t)-1 && p->f[INV_HP][0]) {
			why = "same phone";
			line = ibm_strmap_get(&phones, p->f[INV_HP]);
		}
		if (line == (size_t)-1) {
			/* kept: its keys now mark duplicates (the line is
			 * stored, the array is compacted as we go) */
			ibm_strmap_put(&names, nk[i], (size_t)p->line);
			if (p->f[INV_HP][0])
				ibm_strmap_put(&phones, p->f[INV_HP],
					       (size_t)p->line);
			iv->p[w++] = *p;
			continue;
		}
		if (iv->strict) {
			ibm_error(iv->src, p->line, "duplicate participant %s "
				  "(%s as line %zu)", p->f[INV_NAMA], why,
				  line);
			/* the rest after the ones kept: each once */
			memmove(iv->p + w, iv->p + i,
				(iv->np - i) * sizeof *iv->p);
			w += iv->np - i;
			st = IBM_EX_DATAERR;
			break;
		}
		ibm_warn(iv->src, p->line, "duplicate participant %s (%s as "
			 "line %zu); dropped", p->f[INV_NAMA], why, line);
		person_free(p);
	}
	ibm_strmap_free(&names);
	ibm_strmap_free(&phones);
	for (size_t i = 0; i < iv->np; i++)
		free(nk[i]);
	free(nk);
	iv->np = w;
	return st;
}

/* participant_id of everyone: the short form, and the long form for the
 * people whose short forms agree (each of them: the order of the list
 * does not matter). The long forms agreeing too is an error. */
static int make_ids(invite *iv)
{
	ibm_strmap ids;
	unsigned char *wide = ibm_xcalloc(iv->np + 1, 1);
	int st = 0;

	ibm_strmap_init(&ids, iv->np);
	for (size_t i = 0; i < iv->np; i++) {
		inv_person *p = &iv->p[i];
		size_t other;

		inv_make_id(p->id, p->f[INV_NAMA], p->f[INV_KELURAHAN],
			    p->f[INV_HP], 0);
		other = ibm_strmap_put(&ids, p->id, i);
		if (other != IBM_STRMAP_NONE)
			wide[i] = wide[other] = 1;
	}
	ibm_strmap_free(&ids);
	ibm_strmap_init(&ids, iv->np);
	for (size_t i = 0; i < iv->np && !st; i++) {
		inv_person *p = &iv->p[i];
		size_t other;

		if (wide[i])
			inv_make_id(p->id, p->f[INV_NAMA],
				    p->f[INV_KELURAHAN], p->f[INV_HP], 1);
		other = ibm_strmap_put(&ids, p->id, (size_t)p->line);
		if (other != IBM_STRMAP_NONE) {
			ibm_error(iv->src, p->line, "participant_id %s is the "
				  "same as line %zu's; change the name's "
				  "spelling", p->id, other);
			st = IBM_EX_DATAERR;
		}
	}
	ibm_strmap_free(&ids);
	free(wide);
	return st;
}

int inv_finish(invite *iv)
{
	size_t cap = 0, *kel;
	char **lower;
	ibm_strmap villages;
	int st = drop_duplicates(iv);

	if (!st)
		st = make_ids(iv);
	if (st)
		return st;
	kel = ibm_xcalloc(iv->np + 1, sizeof *kel);
	lower = ibm_xcalloc(iv->np + 1, sizeof *lower);
	ibm_strmap_init(&villages, 64);
	for (size_t i = 0; i < iv->np; i++) {
		inv_person *p = &iv->p[i];
		long n = iv->ev.nomor_awal + (long)i;

		p->no = (long)i + 1;
		p->letter_number = iv->collective ? inv_collective_number(iv) :
			inv_number_format(iv->ev.nomor, n,
					  iv->ev.tanggal_surat);
		if (p->f[INV_KELURAHAN][0]) {
			/* the villages by their names without case */
			char *l = ibm_lower(p->f[INV_KELURAHAN]);
			size_t k = ibm_strmap_get(&villages, l);

			if (k == IBM_STRMAP_NONE) {
				k = iv->kel.n;
				ibm_grow((void **)&iv->kel.v, &cap,
					 iv->kel.n + 1, sizeof *iv->kel.v);
				iv->kel_kind = ibm_xrealloc(iv->kel_kind,
					cap * sizeof *iv->kel_kind);
				iv->kel_kind[iv->kel.n] = INV_KIND_VILLAGE;
				iv->kel.v[iv->kel.n++] =
					ibm_xstrdup(p->f[INV_KELURAHAN]);
				lower[k] = l;
				ibm_strmap_put(&villages, l, k);
			} else {
				free(l);
			}
			/* the first kind the data gives for the name */
			if (iv->kel_kind[k] == INV_KIND_VILLAGE)
				iv->kel_kind[k] = p->kind;
			kel[i] = k;
		}
	}
	/* a village the data does not name a kind for takes jenis_desa;
	 * a person's village without "Desa"/"Kelurahan" takes the kind
	 * another row gives for the same name */
	for (size_t k = 0; k < iv->kel.n; k++)
		if (iv->kel_kind[k] == INV_KIND_VILLAGE)
			iv->kel_kind[k] = iv->ev.jenis_desa;
	for (size_t i = 0; i < iv->np; i++) {
		inv_person *p = &iv->p[i];

		if (p->kind == INV_KIND_VILLAGE)
			p->kind = p->f[INV_KELURAHAN][0] ?
				iv->kel_kind[kel[i]] : iv->ev.jenis_desa;
	}
	for (size_t k = 0; k < iv->kel.n; k++)
		free(lower[k]);
	free(lower);
	ibm_strmap_free(&villages);
	free(kel);
	return 0;
}

/* -------------------------------------------------------------- agenda */

/* "pertama" ... "ketujuh", "i" ... "x": the day's number, else 0. */
static long day_word(const char *w)
{
	static const char *const word[] = { "pertama", "kedua", "ketiga",
		"keempat", "kelima", "keenam", "ketujuh", "kedelapan",
		"kesembilan", "kesepuluh" };
	static const char *const roman[] = { "i", "ii", "iii", "iv", "v",
		"vi", "vii", "viii", "ix", "x" };

	for (long i = 0; i < 10; i++)
		if (!strcmp(w, word[i]) || !strcmp(w, roman[i]))
			return i + 1;
	return 0;
}

/*
 * The day of the event an agenda row's hari cell names: 1, 2, ... up to
 * the event's days; "Hari 2", "Hari ke-2", "Hari Kedua", "Hari II", a
 * date within the event ("Senin, 24 Juni 2024"), or a day name alone
 * ("Selasa") when one day of the event falls on it. An empty cell is the
 * day of the row before (prev; the first day for the first row). 0 when
 * the cell names no day of the event.
 */
static int parse_day(const invite *iv, const char *s, int prev)
{
	char *l = ibm_lower(s);
	const char *p = l;
	long d;
	ibm_date dt;
	int r = 0;

	ibm_fold_space(l);
	if (!*l) {
		free(l);
		return prev ? prev : 1;
	}
	if (strncmp(p, "hari ke-", 8) == 0)
		p += 8;
	else if (strncmp(p, "hari ke ", 8) == 0)
		p += 8;
	else if (strncmp(p, "hari ", 5) == 0)
		p += 5;
	else if (strncmp(p, "day ", 4) == 0)
		p += 4;
	if (ibm_parse_count(p, &d) == 0 || (d = day_word(p)) > 0) {
		if (d >= 1 && d <= iv->ev.days)
			r = (int)d;
	} else if (ibm_date_parse(s, &dt) == 0) {
		long k = ibm_date_days(dt) - ibm_date_days(iv->ev.first) + 1;

		if (k >= 1 && k <= iv->ev.days)
			r = (int)k;
	} else {
		/* a day name alone: the one day of the event on it */
		int w0 = ibm_date_weekday(iv->ev.first), n = 0;

		for (int i = 0; i < 7; i++) {
			char *nm = ibm_lower(ibm_day_name(i));

			if (!strcmp(nm, p))
				for (int k = 1; k <= iv->ev.days; k++)
					if ((w0 + k - 1) % 7 == i) {
						r = k;
						n++;
					}
			free(nm);
		}
		if (n != 1)
			r = 0;
	}
	free(l);
	return r;
}

const ibm_colspec inv_agenda_specs[INV_AGENDA_NCOLS] = {
	{ "hari|day|hari ke|tanggal|hari/tanggal|date", 0 },
	{ "waktu|jam|time|pukul", 0 },
	{ "acara|kegiatan|materi|activity|agenda|session", 1 },
	{ "narasumber|penanggung jawab|pj|pemateri|speaker|"
	  "person in charge|narasumber/pj|fasilitator", 0 },
};

int inv_read_agenda_csv(invite *iv, ibm_csv *r)
{
	const ibm_colspec *spec = inv_agenda_specs;
	const ibm_rec *rec;
	int idx[4], prev = 0, k;
	long refused = 0;

	iv->agenda_src = ibm_xstrdup(ibm_csv_name(r));
	if (ibm_csv_resolve(r, spec, 4, idx) != 0)
		return IBM_EX_DATAERR;
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		inv_agenda a;

		a.line = rec->line;
		a.day = idx[0] >= 0 ? parse_day(iv, rec->f[idx[0]], prev) :
				      1;
		if (!a.day) {
			/* required: the day decides where the row is printed;
			 * every such cell is named, then 65 */
			char d0[32], d1[32];

			ibm_date_long(d0, sizeof d0, iv->ev.first);
			ibm_date_long(d1, sizeof d1, iv->ev.last);
			ibm_error_cell(iv->agenda_src, a.line, (size_t)idx[0],
				       "hari: not a day of the event (1 to %d, "
				       "\"Hari Kedua\", a day name or a date "
				       "from %s to %s): \"%s\"", iv->ev.days,
				       d0, d1, rec->f[idx[0]]);
			refused++;
			a.day = prev ? prev : 1;
		}
		prev = a.day;
		a.waktu = ibm_rec_cell(rec, idx[1]);
		a.acara = ibm_rec_cell(rec, idx[2]);
		a.pj = ibm_rec_cell(rec, idx[3]);
		if (!a.acara[0] && !a.waktu[0] && !a.pj[0]) {
			free(a.waktu);
			free(a.acara);
			free(a.pj);
			continue;
		}
		ibm_grow((void **)&iv->ag, &iv->agcap, iv->nag + 1,
			 sizeof *iv->ag);
		iv->ag[iv->nag++] = a;
		if (!a.acara[0]) {
			ibm_error_cell(iv->agenda_src, a.line, (size_t)idx[2],
				       "empty activity");
			return IBM_EX_DATAERR;
		}
	}
	if (k < 0)
		return ibm_csv_status(r) ? ibm_csv_status(r) : IBM_EX_DATAERR;
	return refused ? IBM_EX_DATAERR : 0;
}

void inv_read_agenda(invite *iv, const char *path, const ibm_csv_opts *o)
{
	ibm_csv *r = ibm_csv_xopen_side(path, o, inv_agenda_specs,
					INV_AGENDA_NCOLS);
	int st = inv_read_agenda_csv(iv, r);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

void inv_free(invite *iv)
{
	for (size_t i = 0; i < iv->np; i++)
		person_free(&iv->p[i]);
	free(iv->p);
	for (size_t i = 0; i < iv->nag; i++) {
		free(iv->ag[i].waktu);
		free(iv->ag[i].acara);
		free(iv->ag[i].pj);
	}
	free(iv->ag);
	free(iv->src);
	free(iv->agenda_src);
	inv_lines_free(&iv->kel);
	free(iv->kel_kind);
	free(iv->collective_number);
	inv_event_free(&iv->ev);
}

/* ----------------------------------------------------------------- csv */

int inv_write_csv(const invite *iv, FILE *fp, int excel)
{
	ibm_csvw *w = ibm_csvw_new(fp, excel);

	ibm_csvw_str(w, "no");
	ibm_csvw_str(w, "participant_id");
	for (int k = 0; k < INV_NF; k++)
		ibm_csvw_str(w, inv_field_names[k]);
	ibm_csvw_str(w, "letter_number");
	if (iv->certificates)
		ibm_csvw_str(w, "certificate_number");
	/* the text of the values that could not be read, when any */
	for (int k = 0; k < INV_NF; k++)
		if (iv->raw[k]) {
			char name[64];

			snprintf(name, sizeof name, "%s_raw",
				 inv_field_names[k]);
			ibm_csvw_str(w, name);
		}
	ibm_csvw_end(w);
	for (size_t i = 0; i < iv->np; i++) {
		const inv_person *p = &iv->p[i];

		ibm_csvw_int(w, p->no);
		ibm_csvw_str(w, p->id);
		for (int k = 0; k < INV_NF; k++)
			ibm_csvw_str(w, p->f[k]);
		ibm_csvw_str(w, p->letter_number);
		if (iv->certificates) {
			char *c = inv_cert_number(iv, p);

			ibm_csvw_str(w, c);
			free(c);
		}
		for (int k = 0; k < INV_NF; k++)
			if (iv->raw[k])
				ibm_csvw_str(w, p->raw[k] ? p->raw[k] : "");
		ibm_csvw_end(w);
	}
	return ibm_csvw_free(w);
}

/* --------------------------------------------------------- letter text */

static char *xprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = ibm_xvfmt(fmt, ap);
	va_end(ap);
	return s;
}

char *inv_text_hari_tanggal(const invite *iv)
{
	char buf[160];

	return ibm_xstrdup(ibm_date_range_long(buf, sizeof buf, iv->ev.first,
					       iv->ev.last));
}

char *inv_text_pembuka(const invite *iv, const inv_person *p)
{
	if (iv->ev.pembuka)
		return ibm_xstrdup(iv->ev.pembuka);
	return xprintf("Dalam rangka pelaksanaan kegiatan %s, bersama ini kami "
		       "mengundang %s%s untuk hadir sebagai peserta "
		       "kegiatan tersebut, yang akan dilaksanakan pada:",
		       iv->ev.acara, inv_salutation_long(p),
		       iv->collective ? " yang namanya tercantum dalam "
					"lampiran surat ini" : "");
}

char *inv_text_penutup(const invite *iv, const inv_person *p)
{
	const char *s = inv_salutation_long(p);

	if (iv->ev.penutup)
		return ibm_xstrdup(iv->ev.penutup);
	if (iv->ev.kontak)
		return xprintf("Mengingat pentingnya kegiatan tersebut, "
			       "dimohon kehadiran %s tepat pada waktunya. "
			       "Untuk informasi lebih lanjut, %s dapat "
			       "menghubungi %s. Demikian undangan ini kami "
			       "sampaikan. Atas perhatian dan kehadiran %s, "
			       "kami ucapkan terima kasih.", s, s,
			       iv->ev.kontak, s);
	return xprintf("Mengingat pentingnya kegiatan tersebut, dimohon "
		       "kehadiran %s tepat pada waktunya. Demikian undangan "
		       "ini kami sampaikan. Atas perhatian dan kehadiran %s, "
		       "kami ucapkan terima kasih.", s, s);
}

char *inv_text_lampiran(const invite *iv, int sheets)
{
	char w[IBM_TERBILANG_SIZE];

	if (iv->ev.lampiran)
		return ibm_xstrdup(iv->ev.lampiran);
	if (sheets <= 0)
		return ibm_xstrdup("-");
	ibm_terbilang(w, sizeof w, sheets);
	return xprintf("%d (%s) lembar", sheets, w);
}

char *inv_text_lampiran_surat(const invite *iv)
{
	return xprintf("Lampiran Surat %s", iv->ev.penerbit);
}

char *inv_collective_number(const invite *iv)
{
	const char *k = iv->ev.nomor_kolektif;
	long n;

	if (iv->collective_number)
		return ibm_xstrdup(iv->collective_number);
	if (!k)
		return inv_number_format(iv->ev.nomor, iv->ev.nomor_awal,
					 iv->ev.tanggal_surat);
	if (ibm_parse_count(k, &n) == 0)
		return inv_number_format(iv->ev.nomor, n,
					 iv->ev.tanggal_surat);
	return ibm_xstrdup(k);
}

const char *inv_salutation(const inv_person *p)
{
	if (p && strcmp(p->f[INV_GENDER], "L") == 0)
		return "Sdr.";
	if (p && strcmp(p->f[INV_GENDER], "P") == 0)
		return "Sdri.";
	return "Sdr/i.";
}

const char *inv_salutation_long(const inv_person *p)
{
	if (p && strcmp(p->f[INV_GENDER], "L") == 0)
		return "Saudara";
	if (p && strcmp(p->f[INV_GENDER], "P") == 0)
		return "Saudari";
	return "Saudara/i";
}

void inv_tembusan(const invite *iv, inv_lines *out)
{
	size_t n = iv->ev.tembusan.n + (iv->ev.tembusan_kelurahan ?
					iv->kel.n : 0);

	out->v = ibm_xcalloc(n + 1, sizeof *out->v);
	out->n = 0;
	for (size_t i = 0; i < iv->ev.tembusan.n; i++)
		out->v[out->n++] = ibm_xstrdup(iv->ev.tembusan.v[i]);
	if (iv->ev.tembusan_kelurahan)
		for (size_t i = 0; i < iv->kel.n; i++)
			out->v[out->n++] = xprintf("%s %s",
				inv_village_head(iv->kel_kind[i]),
				iv->kel.v[i]);
}

char *inv_day_text(const invite *iv, int day)
{
	char buf[80];
	ibm_date d = ibm_date_from_days(ibm_date_days(iv->ev.first) + day - 1);

	return ibm_xstrdup(ibm_date_long_day(buf, sizeof buf, d));
}

/* -------------------------------------------------------------- outputs */

void inv_outs_add(inv_outs *o, ibm_atomic *a)
{
	ibm_grow((void **)&o->a, &o->cap, o->n + 1, sizeof *o->a);
	o->a[o->n++] = a;
}

/* Every output complete first, then all renamed into place at once. */
void inv_outs_commit(inv_outs *o)
{
	for (size_t i = 0; i < o->n; i++)
		ibm_atomic_finish(o->a[i]);
	ibm_atomic_commit_all();
	free(o->a);
	o->a = NULL;
	o->n = o->cap = 0;
}

