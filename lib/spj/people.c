/*
 * people.c - who is paid: the participants (ibm-invite's output or any
 * list with their names) with the days each attended, from a column of
 * their own or from an attendance list matched by participant_id, else
 * by name without degrees; and the speakers with their status, golongan,
 * fee level and hours.
 */
#include "spj.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- cells */

static int blank(const ibm_rec *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		for (const char *c = rec->f[i]; *c; c++)
			if (!isspace((unsigned char)*c))
				return 0;
	return 1;
}

static int has_digit(const char *s)
{
	for (; s && *s; s++)
		if (isdigit((unsigned char)*s))
			return 1;
	return 0;
}

/* The days of a cell: a count, or "3 hari"; -1 when unreadable. */
static long days_of(const char *s)
{
	char *k = ibm_person_key(s);
	size_t n = strlen(k);
	long d = -1;

	if (n > 5 && strcmp(k + n - 5, " hari") == 0)
		k[n - 5] = '\0';
	if (ibm_parse_count(k, &d) != 0 || d > 366)
		d = -1;
	free(k);
	return d;
}

int spj_golongan(const char *s)
{
	static const char *const roman[] = { "i", "ii", "iii", "iv" };
	int g = 0;

	/* the last roman numeral I to IV (or digit 1 to 4) standing as a
	 * word, a letter a-e may follow it: "Pembina Tk. I (IV/b)" is IV */
	while (s && *s) {
		char w[16];
		size_t n = 0;

		while (*s && !isalnum((unsigned char)*s))
			s++;
		while (isalnum((unsigned char)*s)) {
			if (n + 1 < sizeof w)
				w[n++] = (char)tolower((unsigned char)*s);
			s++;
		}
		w[n] = '\0';
		if (n == 1 && w[0] >= '1' && w[0] <= '4') {
			g = w[0] - '0';
			continue;
		}
		for (int k = 3; k >= 0 && n; k--) {
			size_t m = strlen(roman[k]);

			if (strncmp(w, roman[k], m) == 0 &&
			    (n == m || (n == m + 1 && w[m] >= 'a' &&
					w[m] <= 'e'))) {
				g = k + 1;
				break;
			}
		}
	}
	return g;
}

/* --------------------------------------------------------- participants */

enum { P_NAMA, P_ID, P_JABATAN, P_UNIT, P_DESA, P_KEC, P_KAB, P_HARI,
       P_NIP, P_NPWP, P_NIK, P_N };

static const ibm_colspec pspecs[P_N] = {
	{ "nama|nama lengkap|nama peserta|name|full name|participant", 1 },
	{ "participant_id|id peserta|id|participant id", 0 },
	{ "jabatan|peran|role|position|jabatan peran", 0 },
	{ "unit ibm|unit|nama unit|ibm unit|ibm|instansi|lembaga", 0 },
	{ "desa/kelurahan|kelurahan|desa|kelurahan/desa|desa kelurahan|"
	  "asal desa/kelurahan|village", 0 },
	{ "kecamatan|kec|district|subdistrict", 0 },
	{ "kabupaten/kota|kabupaten|kota|kab/kota|regency|city", 0 },
	{ "hari_hadir|hari hadir|jumlah hari hadir|jumlah hari|hari|days|"
	  "days attended|kehadiran", 0 },
	{ "nip|nip/nrp|nrp", 0 },
	{ "npwp|tax id", 0 },
	{ "nik|no ktp|nomor ktp|ktp|national id", 0 },
};

/* The days of p from a cell of file:line (field i): a count, at most
 * the event's days. */
static void set_days(spj_person *p, const char *v, const char *file,
		     long line, size_t field, spj_diag *g,
		     const spj_event *e)
{
	long d = days_of(v);

	p->days_src = file;
	p->days_line = line;
	if (d < 0) {
		spj_warn_cell(g, file, line, field, "%s: days attended "
			      "(hari_hadir) not a number: \"%s\"; paid as "
			      "absent", p->nama, v);
		d = 0;
	} else if (e && d > e->days) {
		spj_warn_cell(g, file, line, field, "%s: %ld days attended, "
			      "but the event has %d; paid for %d", p->nama, d,
			      e->days, e->days);
		d = e->days;
	}
	p->days = d;
}

static void person_free(spj_person *p)
{
	free(p->nama);
	free(p->id);
	free(p->jabatan);
	free(p->unit);
	free(p->desa);
	free(p->kecamatan);
	free(p->kabupaten);
	free(p->nip);
	free(p->npwp);
	free(p->nik);
}

/* The participants read so far, by their keys, so that a list of n
 * people is checked for the same person twice in n steps, not n * n. */
typedef struct seen_people {
	ibm_strset id;       /* participant_ids */
	ibm_strset nd;       /* name without degrees and village (nd_key) */
	size_t *id_first;    /* of id: the first participant with it */
	size_t *nd_noid;     /* of nd: the first without an id, or NONE */
	size_t *nd_any;      /* of nd: the first of all */
	size_t id_cap, nd_cap;
} seen_people;

static char *nd_key(const spj_person *p)
{
	char *a = ibm_person_bare_key(p->nama), *b = ibm_person_key(p->desa);
	char *k = ibm_xfmt("%zu:%s%s", strlen(a), a, b);

	free(a);
	free(b);
	return k;
}

static void seen_add(seen_people *sp, const spj_person *p, size_t i)
{
	char *k = nd_key(p);
	size_t n = sp->nd.n, j = ibm_strset_add(&sp->nd, k);

	free(k);
	if (j == n) {
		ibm_grow((void **)&sp->nd_noid, &sp->nd_cap, n + 1,
			 sizeof *sp->nd_noid);
		sp->nd_any = ibm_xrealloc(sp->nd_any, sp->nd_cap *
					  sizeof *sp->nd_any);
		sp->nd_noid[j] = IBM_STRMAP_NONE;
		sp->nd_any[j] = i;
	}
	if (!p->id[0]) {
		if (sp->nd_noid[j] == IBM_STRMAP_NONE)
			sp->nd_noid[j] = i;
		return;
	}
	n = sp->id.n;
	j = ibm_strset_add(&sp->id, p->id);
	if (j == n) {
		ibm_grow((void **)&sp->id_first, &sp->id_cap, n + 1,
			 sizeof *sp->id_first);
		sp->id_first[j] = i;
	}
}

static void seen_free(seen_people *sp)
{
	ibm_strset_free(&sp->id);
	ibm_strset_free(&sp->nd);
	free(sp->id_first);
	free(sp->nd_noid);
	free(sp->nd_any);
}

/* The same person twice: the same participant_id, else (when one of the
 * two has none) the same name (without degrees) from the same village;
 * the line of the first such participant, or 0. */
static long same_person(const spj_people *pp, const seen_people *sp,
			const spj_person *p)
{
	char *k = nd_key(p);
	size_t j = ibm_strset_find(&sp->nd, k), i = IBM_STRMAP_NONE;

	free(k);
	if (!p->id[0]) {
		if (j != IBM_STRMAP_NONE)
			i = sp->nd_any[j];
	} else {
		size_t d = ibm_strset_find(&sp->id, p->id);

		if (d != IBM_STRMAP_NONE)
			i = sp->id_first[d];
		if (j != IBM_STRMAP_NONE && sp->nd_noid[j] < i)
			i = sp->nd_noid[j];
	}
	return i == IBM_STRMAP_NONE ? 0 : pp->p[i].line;
}

int spj_read_participants_csv(spj_people *pp, ibm_csv *r, spj_diag *g,
			      const spj_event *e)
{
	const ibm_rec *rec;
	int idx[P_N], k, st = 0;
	seen_people sp = { 0 };

	pp->psrc = ibm_xstrdup(ibm_csv_name(r));
	if (ibm_csv_resolve(r, pspecs, P_N, idx) != 0)
		return IBM_EX_DATAERR;
	for (size_t i = 0; i < pp->np; i++)
		seen_add(&sp, &pp->p[i], i);
	pp->days_col = idx[P_HARI] >= 0;
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		spj_person p;
		long dup;

		if (blank(rec))
			continue;
		memset(&p, 0, sizeof p);
		p.nama = ibm_rec_cell(rec, idx[P_NAMA]);
		p.id = ibm_rec_cell(rec, idx[P_ID]);
		p.jabatan = ibm_rec_cell(rec, idx[P_JABATAN]);
		p.unit = ibm_rec_cell(rec, idx[P_UNIT]);
		p.desa = ibm_rec_cell(rec, idx[P_DESA]);
		p.kecamatan = ibm_rec_cell(rec, idx[P_KEC]);
		p.kabupaten = ibm_rec_cell(rec, idx[P_KAB]);
		p.nip = ibm_rec_cell(rec, idx[P_NIP]);
		p.npwp = ibm_rec_cell(rec, idx[P_NPWP]);
		p.nik = ibm_rec_cell(rec, idx[P_NIK]);
		p.has_id_col = idx[P_NPWP] >= 0 || idx[P_NIK] >= 0;
		p.line = rec->line;
		p.days = -1;
		if (!p.nama[0]) {
			ibm_error_cell(pp->psrc, p.line, (size_t)idx[P_NAMA],
				       "empty name");
			st = IBM_EX_DATAERR;
			person_free(&p);
			continue;
		}
		if ((dup = same_person(pp, &sp, &p)) != 0) {
			spj_warn(g, pp->psrc, p.line, "%s: the same participant "
				 "as line %ld; left out", p.nama, dup);
			person_free(&p);
			continue;
		}
		if (idx[P_HARI] >= 0)
			set_days(&p, rec->f[idx[P_HARI]], pp->psrc, p.line,
				 (size_t)idx[P_HARI], g, e);
		ibm_grow((void **)&pp->p, &pp->pcap, pp->np + 1,
			 sizeof *pp->p);
		pp->p[pp->np] = p;
		seen_add(&sp, &p, pp->np++);
	}
	seen_free(&sp);
	if (k < 0)
		return ibm_csv_status(r);
	return st;
}

void spj_read_participants(spj_people *pp, const char *path,
			   const ibm_csv_opts *opts, spj_diag *g,
			   const spj_event *e)
{
	ibm_csv *r = ibm_csv_xopen_need(path, opts, pspecs, P_N);
	int st = spj_read_participants_csv(pp, r, g, e);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

/* ----------------------------------------------------------- attendance */

enum { A_ID, A_NAMA, A_HARI, A_N };

static const ibm_colspec aspecs[A_N] = {
	{ "participant_id|id peserta|id|participant id", 0 },
	{ "nama|nama lengkap|nama peserta|name|full name|participant", 0 },
	{ "hari_hadir|hari hadir|jumlah hari hadir|jumlah hari|hari|days|"
	  "days attended|kehadiran", 1 },
};

/* The participants by participant_id (the first with it) and by name
 * without degrees (the one with it, or -2 when more than one has it). */
typedef struct roll {
	ibm_strset id, name;
	long *id_first, *name_hit;
	size_t id_cap, name_cap;
} roll;

static void roll_make(roll *rl, const spj_people *pp)
{
	memset(rl, 0, sizeof *rl);
	for (size_t i = 0; i < pp->np; i++) {
		char *b = ibm_person_bare_key(pp->p[i].nama);
		size_t n = rl->name.n, j = ibm_strset_add(&rl->name, b);

		free(b);
		if (j == n) {
			ibm_grow((void **)&rl->name_hit, &rl->name_cap, n + 1,
				 sizeof *rl->name_hit);
			rl->name_hit[j] = (long)i;
		} else {
			rl->name_hit[j] = -2;
		}
		if (!pp->p[i].id[0])
			continue;
		n = rl->id.n;
		j = ibm_strset_add(&rl->id, pp->p[i].id);
		if (j == n) {
			ibm_grow((void **)&rl->id_first, &rl->id_cap, n + 1,
				 sizeof *rl->id_first);
			rl->id_first[j] = (long)i;
		}
	}
}

static void roll_free(roll *rl)
{
	ibm_strset_free(&rl->id);
	ibm_strset_free(&rl->name);
	free(rl->id_first);
	free(rl->name_hit);
}

/* The participant of an attendance row: by id, else by the name without
 * degrees when exactly one has it; -1 none, -2 more than one. */
static long find_participant(const roll *rl, const char *id,
			     const char *nama)
{
	long hit = -1;

	if (id[0]) {
		size_t j = ibm_strset_find(&rl->id, id);

		if (j != IBM_STRMAP_NONE)
			return rl->id_first[j];
	}
	if (nama[0]) {
		char *a = ibm_person_bare_key(nama);
		size_t j = ibm_strset_find(&rl->name, a);

		if (j != IBM_STRMAP_NONE)
			hit = rl->name_hit[j];
		free(a);
	}
	return hit;
}

int spj_read_attendance_csv(spj_people *pp, ibm_csv *r, spj_diag *g,
			    const spj_event *e)
{
	const ibm_rec *rec;
	int idx[A_N], k;
	const char *src = ibm_csv_name(r);
	unsigned char *seen = ibm_xcalloc(pp->np + 1, 1);
	char *name;
	roll rl;

	if (ibm_csv_resolve(r, aspecs, A_N, idx) != 0) {
		free(seen);
		return IBM_EX_DATAERR;
	}
	if (idx[A_ID] < 0 && idx[A_NAMA] < 0) {
		ibm_error(src, ibm_csv_header(r)->line, "the attendance list "
			  "needs a participant_id or nama column");
		free(seen);
		return IBM_EX_DATAERR;
	}
	name = ibm_xstrdup(src);
	roll_make(&rl, pp);
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		char *id, *nama;
		long i;

		if (blank(rec))
			continue;
		id = ibm_rec_cell(rec, idx[A_ID]);
		nama = ibm_rec_cell(rec, idx[A_NAMA]);
		i = find_participant(&rl, id, nama);
		if (i < 0) {
			spj_warn(g, name, rec->line, "%s: %s among the "
				 "participants; not counted",
				 nama[0] ? nama : id, i == -2 ?
				 "more than one of that name" : "not found");
		} else if (seen[i]) {
			spj_warn(g, name, rec->line, "%s: attendance given "
				 "twice (line %ld); the first counts",
				 pp->p[i].nama, pp->p[i].days_line);
		} else {
			seen[i] = 1;
			set_days(&pp->p[i], rec->f[idx[A_HARI]], name,
				 rec->line, (size_t)idx[A_HARI], g, e);
		}
		free(id);
		free(nama);
	}
	roll_free(&rl);
	/* the days of the names kept past the reader's close */
	pp->asrc = name;
	for (size_t i = 0; i < pp->np && k >= 0; i++)
		if (!seen[i]) {
			if (pp->p[i].days < 0)
				spj_warn(g, pp->psrc, pp->p[i].line, "%s: not in "
					 "the attendance list %s; paid as "
					 "absent", pp->p[i].nama, name);
			else
				spj_warn(g, pp->psrc, pp->p[i].line, "%s: not in "
					 "the attendance list %s; the days of "
					 "the participants file count",
					 pp->p[i].nama, name);
		}
	free(seen);
	return k < 0 ? ibm_csv_status(r) : 0;
}

void spj_read_attendance(spj_people *pp, const char *path,
			 const ibm_csv_opts *opts, spj_diag *g,
			 const spj_event *e)
{
	ibm_csv *r = ibm_csv_xopen_need(path, opts, aspecs, A_N);
	int st = spj_read_attendance_csv(pp, r, g, e);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

/* ------------------------------------------------------------- speakers */

enum { S_NAMA, S_NIP, S_GOL, S_STATUS, S_KAT, S_NPWP, S_NIK, S_JP, S_MATERI,
       S_JENIS, S_JABATAN, S_N };

static const ibm_colspec sspecs[S_N] = {
	{ "nama|nama lengkap|nama narasumber|narasumber|name|full name|"
	  "speaker", 1 },
	{ "nip|nip/nrp|nrp|employee id", 0 },
	{ "golongan|gol|pangkat/golongan|pangkat golongan|pangkat/gol|"
	  "pangkat|grade|rank", 0 },
	{ "status|status kepegawaian|kepegawaian|status pegawai|employment",
	  0 },
	{ "kategori|category|tingkat|level|eselon|kelas", 0 },
	{ "npwp|tax id", 0 },
	{ "nik|no ktp|nomor ktp|ktp|national id", 0 },
	{ "jp|jam|jam pelajaran|jumlah jp|hours|jam/jp", 0 },
	{ "materi|topik|topic|subject|judul materi", 0 },
	{ "jenis|kind|peran|role|sebagai|jenis honorarium", 0 },
	{ "jabatan|instansi|position|asal instansi|unit kerja|institution",
	  0 },
};

/* The kind a speaker is paid: a role ("moderator") is its honorarium
 * ("honorarium moderator"); without one, "honorarium narasumber", or
 * the rates' one kind of fee when they have no such kind. Malloc'd. */
static char *speaker_kind(const spj_rates *rs, const char *role)
{
	char *jk;
	const char *only = NULL;
	size_t kinds = 0;

	if (role[0]) {
		jk = ibm_person_key(role);
		if (!spj_kind_is_fee(jk)) {
			char *h = ibm_xmalloc(strlen(jk) + 12);

			sprintf(h, "honorarium %s", jk);
			free(jk);
			jk = h;
		}
		return jk;
	}
	for (size_t i = 0; i < rs->n; i++) {
		const char *k = rs->r[i].jkey;

		if (strcmp(k, "honorarium narasumber") == 0)
			return ibm_xstrdup(k);
		if (spj_kind_is_fee(k) && (!only || strcmp(only, k) != 0)) {
			only = k;
			kinds++;
		}
	}
	return ibm_xstrdup(kinds == 1 ? only : "honorarium narasumber");
}

/* Civil servants paid by the final rate of their golongan (PP 80/2010),
 * and the others, by the words of a status. */
static int status_kind(const char *s)
{
	static const char *const civil[] = { "pns", "asn", "tni", "polri",
		"pejabat negara", "pns asn", "asn pns", "pns tni polri",
		"pegawai negeri sipil", "pegawai negeri",
		"aparatur sipil negara", "civil servant", NULL };
	static const char *const other[] = { "non asn", "non pns", "nonasn",
		"nonpns", "bukan asn", "bukan pns", "non", "swasta", "umum",
		"pppk", "honorer", "profesional", "akademisi", "lainnya",
		"private", "other", "non civil servant", "masyarakat",
		"tokoh masyarakat", NULL };
	char *k = ibm_person_key(s);
	int r = k[0] ? -1 : 0;

	for (size_t i = 0; civil[i] && r < 0; i++)
		if (strcmp(k, civil[i]) == 0)
			r = SPJ_TAX_CIVIL;
	for (size_t i = 0; other[i] && r < 0; i++)
		if (strcmp(k, other[i]) == 0)
			r = SPJ_TAX_OTHER;
	free(k);
	return r;
}

/* One person: the digits of the NIP, NIK or NPWP, else the name without
 * degrees. */
static char *speaker_key(const char *nip, const char *nik, const char *npwp,
			 const char *nama)
{
	const char *id = has_digit(nip) ? nip : has_digit(nik) ? nik :
			 has_digit(npwp) ? npwp : NULL;
	char *k;
	size_t n = 0;

	if (!id)
		return ibm_person_bare_key(nama);
	k = ibm_xmalloc(strlen(id) + 2);
	k[n++] = '#';
	for (; *id; id++)
		if (isdigit((unsigned char)*id))
			k[n++] = *id;
	k[n] = '\0';
	return k;
}

/* The fee level's rate: the category as written, else the one category
 * of the kind that begins with it ("eselon III" is "eselon III ke
 * bawah"), else the kind's flat rate. */
static const spj_rate *level_rate(const spj_rates *rs, const char *jkey,
				  const char *kategori, int *ambiguous)
{
	char *ck = spj_category_key(kategori);
	const spj_rate *hit = NULL;
	size_t n = strlen(ck), found = 0;

	*ambiguous = 0;
	for (size_t i = 0; i < rs->n && n; i++) {
		const spj_rate *x = &rs->r[i];

		if (strcmp(x->jkey, jkey) != 0)
			continue;
		if (strcmp(x->kkey, ck) == 0) {
			hit = x;
			found = 1;
			break;
		}
		if (strncmp(x->kkey, ck, n) == 0 && x->kkey[n] == ' ') {
			hit = x;
			found++;
		}
	}
	free(ck);
	if (found > 1) {
		*ambiguous = 1;
		return NULL;
	}
	if (hit)
		return hit;
	if (n) /* a level the rates do not know */
		return NULL;
	return spj_rate_find(rs, jkey, NULL);
}

/* The levels of a kind, for a message ("menteri/setingkat, eselon I"). */
static char *levels(const spj_rates *rs, const char *jkey)
{
	char *s = ibm_xstrdup("");

	for (size_t i = 0; i < rs->n; i++) {
		size_t n;

		if (strcmp(rs->r[i].jkey, jkey) != 0 || !rs->r[i].kategori[0])
			continue;
		n = strlen(s) + strlen(rs->r[i].kategori) + 3;
		s = ibm_xrealloc(s, n);
		if (s[0])
			strcat(s, ", ");
		strcat(s, rs->r[i].kategori);
	}
	return s;
}

static void speaker_free(spj_speaker *s)
{
	free(s->nama);
	free(s->nip);
	free(s->golongan);
	free(s->status);
	free(s->kategori);
	free(s->npwp);
	free(s->nik);
	free(s->materi);
	free(s->jabatan);
	free(s->jenis);
	free(s->pkey);
}

/* Check a row's speaker and find its rate; 0 or 65 (printed). */
static int speaker_check(spj_speaker *s, const spj_rates *rs, const char *src,
			 const int *idx, spj_diag *g)
{
	int kind = status_kind(s->status), amb;
	char *lv;

	s->tax.gol = spj_golongan(s->golongan);
	if (kind < 0) {
		spj_warn_cell(g, src, s->line, (size_t)idx[S_STATUS], "%s: "
			      "status \"%s\" is neither PNS/ASN nor non-ASN; "
			      "taxed as %s", s->nama, s->status, s->tax.gol ?
			      "a civil servant by golongan" :
			      "a non-civil servant");
		kind = 0;
	}
	if (!kind)
		kind = s->tax.gol ? SPJ_TAX_CIVIL : SPJ_TAX_OTHER;
	s->tax.how = kind;
	if (kind == SPJ_TAX_CIVIL && !s->tax.gol) {
		ibm_error_cell(src, s->line, (size_t)(idx[S_GOL] >= 0 ?
			       idx[S_GOL] : idx[S_STATUS]), "%s: a civil "
			       "servant's golongan (I to IV) is needed for "
			       "the tax: \"%s\"", s->nama, s->golongan);
		return IBM_EX_DATAERR;
	}
	s->tax.no_id = kind == SPJ_TAX_OTHER && !has_digit(s->npwp) &&
		       !has_digit(s->nik);
	s->rate = level_rate(rs, s->jenis, s->kategori, &amb);
	if (!s->rate) {
		int any = 0;

		for (size_t i = 0; i < rs->n; i++)
			any |= strcmp(rs->r[i].jkey, s->jenis) == 0;
		lv = levels(rs, s->jenis);
		if (!any)
			ibm_error(src, s->line, "%s: no rate for \"%s\" in %s",
				  s->nama, s->jenis, rs->src);
		else
			ibm_error_cell(src, s->line, (size_t)(idx[S_KAT] >= 0 ?
				       idx[S_KAT] : idx[S_NAMA]), "%s: fee "
				       "level %s\"%s\" for %s (the rates give: "
				       "%s)", s->nama, amb ? "ambiguous, " :
				       "not in the rates: ", s->kategori,
				       s->jenis, lv[0] ? lv : "no level");
		free(lv);
		return IBM_EX_DATAERR;
	}
	return 0;
}

/* The length of a speaker's materi and the room it has. */
typedef struct materi_len {
	size_t len, cap;
} materi_len;

/* Another session's materi after "; " (the room doubled as needed, so
 * that a speaker of many sessions costs their length once). */
static void add_materi(spj_speaker *sp, materi_len *m, const char *materi)
{
	size_t n = strlen(materi), need = m->len + n + 3;

	if (need > m->cap) {
		m->cap = need > 2 * m->cap ? need : 2 * m->cap;
		sp->materi = ibm_xrealloc(sp->materi, m->cap);
	}
	if (m->len) {
		memcpy(sp->materi + m->len, "; ", 2);
		m->len += 2;
	}
	memcpy(sp->materi + m->len, materi, n + 1);
	m->len += n;
}

/* The index of the speaker of s's key and kind among those added to
 * keys (in the order of pp->s), or IBM_STRMAP_NONE; add: add s (a new
 * speaker) instead. */
static size_t speaker_index(ibm_strset *keys, const spj_speaker *s, int add)
{
	char *k = ibm_xfmt("%zu:%s%s", strlen(s->pkey), s->pkey, s->jenis);
	size_t i = add ? ibm_strset_add(keys, k) : ibm_strset_find(keys, k);

	free(k);
	return i;
}

int spj_read_speakers_csv(spj_people *pp, ibm_csv *r, spj_diag *g,
			  const spj_rates *rs)
{
	const ibm_rec *rec;
	int idx[S_N], k, st = 0;
	ibm_strset keys = { 0 }; /* speaker_index's key of pp->s[i] is v[i] */
	materi_len *ml = NULL;   /* of pp->s[i].materi */
	size_t mlcap = 0;

	pp->ssrc = ibm_xstrdup(ibm_csv_name(r));
	if (ibm_csv_resolve(r, sspecs, S_N, idx) != 0)
		return IBM_EX_DATAERR;
	ibm_grow((void **)&ml, &mlcap, pp->ns + 1, sizeof *ml);
	for (size_t i = 0; i < pp->ns; i++) {
		speaker_index(&keys, &pp->s[i], 1);
		ml[i].len = strlen(pp->s[i].materi);
		ml[i].cap = ml[i].len + 1;
	}
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		spj_speaker s;
		char *jp, *jenis;
		spj_speaker *same = NULL;

		if (blank(rec))
			continue;
		memset(&s, 0, sizeof s);
		s.line = rec->line;
		s.nama = ibm_rec_cell(rec, idx[S_NAMA]);
		s.nip = ibm_rec_cell(rec, idx[S_NIP]);
		s.golongan = ibm_rec_cell(rec, idx[S_GOL]);
		s.status = ibm_rec_cell(rec, idx[S_STATUS]);
		s.kategori = ibm_rec_cell(rec, idx[S_KAT]);
		s.npwp = ibm_rec_cell(rec, idx[S_NPWP]);
		s.nik = ibm_rec_cell(rec, idx[S_NIK]);
		s.materi = ibm_rec_cell(rec, idx[S_MATERI]);
		s.jabatan = ibm_rec_cell(rec, idx[S_JABATAN]);
		jp = ibm_rec_cell(rec, idx[S_JP]);
		jenis = ibm_rec_cell(rec, idx[S_JENIS]);
		s.jenis = speaker_kind(rs, jenis);
		free(jenis);
		s.pkey = speaker_key(s.nip, s.nik, s.npwp, s.nama);
		s.jp = -1;
		s.rows = 1;
		if (jp[0] && ibm_parse_count(jp, &s.jp) != 0) {
			ibm_error_cell(pp->ssrc, s.line, (size_t)idx[S_JP],
				       "%s: jp: not a whole number of hours: "
				       "\"%s\"", s.nama, jp);
			st = IBM_EX_DATAERR;
		}
		free(jp);
		if (!s.nama[0]) {
			ibm_error_cell(pp->ssrc, s.line, (size_t)idx[S_NAMA],
				       "empty name");
			st = IBM_EX_DATAERR;
		}
		if (st || speaker_check(&s, rs, pp->ssrc, idx, g) != 0) {
			st = IBM_EX_DATAERR;
			speaker_free(&s);
			continue;
		}
		{
			size_t i = speaker_index(&keys, &s, 0);

			if (i != IBM_STRMAP_NONE)
				same = &pp->s[i];
		}
		if (same) {
			/* another session of the same speaker */
			if (same->rate != s.rate) {
				ibm_error(pp->ssrc, s.line, "%s: another fee "
					  "level than on line %ld", s.nama,
					  same->line);
				st = IBM_EX_DATAERR;
			} else {
				same->rows++;
				if (s.jp > 0)
					same->jp = (same->jp > 0 ? same->jp : 0)
						   + s.jp;
				if (s.materi[0])
					add_materi(same, &ml[same - pp->s],
						   s.materi);
			}
			speaker_free(&s);
			continue;
		}
		ibm_grow((void **)&pp->s, &pp->scap, pp->ns + 1, sizeof *pp->s);
		ibm_grow((void **)&ml, &mlcap, pp->ns + 1, sizeof *ml);
		ml[pp->ns].len = strlen(s.materi);
		ml[pp->ns].cap = ml[pp->ns].len + 1;
		pp->s[pp->ns++] = s;
		speaker_index(&keys, &s, 1);
	}
	ibm_strset_free(&keys);
	free(ml);
	if (k < 0)
		return ibm_csv_status(r);
	if (!st && !pp->ns) {
		ibm_error(pp->ssrc, 0, "no speakers in the speakers file");
		st = IBM_EX_DATAERR;
	}
	return st;
}

void spj_read_speakers(spj_people *pp, const char *path,
		       const ibm_csv_opts *opts, spj_diag *g,
		       const spj_rates *rs)
{
	ibm_csv *r = ibm_csv_xopen_need(path, opts, sspecs, S_N);
	int st = spj_read_speakers_csv(pp, r, g, rs);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

void spj_people_free(spj_people *pp)
{
	for (size_t i = 0; i < pp->np; i++)
		person_free(&pp->p[i]);
	for (size_t i = 0; i < pp->ns; i++)
		speaker_free(&pp->s[i]);
	free(pp->p);
	free(pp->s);
	free(pp->psrc);
	free(pp->ssrc);
	free(pp->asrc);
	memset(pp, 0, sizeof *pp);
}
