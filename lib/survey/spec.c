/*
 * spec.c - the spec of ibm-survey: what the form asks (the elements of the
 * index, the aspects of a speaker and of the organisation, the open
 * questions), the answer words and the bands. The default is compiled in
 * as CSV text read by the same parser as a file; the format is described
 * in ibm-survey(5).
 */
#include "survey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char sv_default_spec[] =
	"bagian,nama,aspek,kata,nilai\n"
	/* the nine elements of PermenPAN-RB 14/2017, in its order */
	"unsur,Persyaratan,,syarat,\n"
	"unsur,\"Sistem, Mekanisme, dan Prosedur\",,prosedur|mekanisme|"
	"alur pelayanan,\n"
	"unsur,Waktu Penyelesaian,,waktu|kecepatan|lama pelayanan,\n"
	"unsur,Biaya/Tarif,,biaya|tarif,\n"
	"unsur,Produk Spesifikasi Jenis Pelayanan,,produk|spesifikasi|"
	"hasil pelayanan,\n"
	"unsur,Kompetensi Pelaksana,,kompetensi|kemampuan petugas|"
	"kemampuan pelaksana|keterampilan petugas,\n"
	"unsur,Perilaku Pelaksana,,perilaku|kesopanan|keramahan|"
	"sikap petugas,\n"
	"unsur,\"Penanganan Pengaduan, Saran dan Masukan\",,pengaduan|"
	"penanganan pengaduan,\n"
	"unsur,Sarana dan Prasarana,,sarana|prasarana|sarpras|fasilitas,\n"
	/* a speaker's evaluation (the LKPP training-evaluation guide) */
	"narasumber,,Penguasaan materi,menguasai materi|penguasaan,\n"
	"narasumber,,Sistematika penyajian,sistematika|penyajian,\n"
	"narasumber,,Metode penyampaian,metode|cara penyampaian|"
	"cara menyampaikan,\n"
	"narasumber,,Ketepatan waktu,disiplin waktu|waktu,\n"
	"narasumber,,Kemampuan menjawab pertanyaan,menjawab pertanyaan|"
	"tanya jawab|pertanyaan,\n"
	"narasumber,,Penggunaan bahasa,bahasa,\n"
	"narasumber,,Sikap dan perilaku,sikap|perilaku|penampilan,\n"
	"narasumber,,Pemberian motivasi,motivasi,\n"
	/* the organisation */
	"penyelenggaraan,Penyelenggaraan,Materi,kesesuaian materi|"
	"materi pelatihan|materi kegiatan|bahan|modul,\n"
	"penyelenggaraan,Penyelenggaraan,Tempat,ruangan|ruang|lokasi,\n"
	"penyelenggaraan,Penyelenggaraan,Konsumsi,makanan|makan|hidangan,\n"
	"penyelenggaraan,Penyelenggaraan,Jadwal,alokasi waktu|"
	"waktu pelaksanaan|durasi,\n"
	"penyelenggaraan,Penyelenggaraan,Panitia,penyelenggara|"
	"kepanitiaan,\n"
	/* the open questions */
	"komentar,Saran,,masukan|usul|usulan|harapan,\n"
	"komentar,Keluhan,,kritik|komplain,\n"
	"komentar,Kesan,,pesan dan kesan|komentar,\n"
	/* the answer words of the regulation's questionnaire, and others
	 * of the same four steps */
	"jawaban,,,tidak sesuai|tidak mudah|tidak cepat|sangat mahal|"
	"tidak kompeten|tidak sopan dan ramah|tidak ada|buruk|tidak baik|"
	"tidak puas|sangat tidak setuju|tidak bermanfaat|tidak memuaskan|"
	"sangat kurang,1\n"
	"jawaban,,,kurang sesuai|kurang mudah|kurang cepat|cukup mahal|"
	"kurang kompeten|kurang sopan dan ramah|ada tetapi tidak berfungsi|"
	"cukup|kurang baik|kurang puas|tidak setuju|kurang setuju|"
	"kurang bermanfaat|kurang memuaskan,2\n"
	"jawaban,,,sesuai|mudah|cepat|murah|kompeten|sopan dan ramah|"
	"berfungsi kurang maksimal|baik|puas|setuju|bermanfaat|memuaskan,3\n"
	"jawaban,,,sangat sesuai|sangat mudah|sangat cepat|gratis|"
	"sangat kompeten|sangat sopan dan ramah|dikelola dengan baik|"
	"sangat baik|sangat puas|sangat setuju|sangat bermanfaat|"
	"sangat memuaskan,4\n"
	/* the bands of the regulation: the index, and its table's
	 * intervals on the 1-4 scale for the means */
	"mutu,indeks,A,Sangat Baik,88.31\n"
	"mutu,indeks,B,Baik,76.61\n"
	"mutu,indeks,C,Kurang Baik,65.00\n"
	"mutu,indeks,D,Tidak Baik,25.00\n"
	"mutu,unsur,A,Sangat Baik,3.5324\n"
	"mutu,unsur,B,Baik,3.0644\n"
	"mutu,unsur,C,Kurang Baik,2.60\n"
	"mutu,unsur,D,Tidak Baik,1.00\n"
	"mutu,narasumber,A,Sangat Baik,3.5324\n"
	"mutu,narasumber,B,Baik,3.0644\n"
	"mutu,narasumber,C,Kurang Baik,2.60\n"
	"mutu,narasumber,D,Tidak Baik,1.00\n"
	"mutu,penyelenggaraan,A,Sangat Baik,3.5324\n"
	"mutu,penyelenggaraan,B,Baik,3.0644\n"
	"mutu,penyelenggaraan,C,Kurang Baik,2.60\n"
	"mutu,penyelenggaraan,D,Tidak Baik,1.00\n";

#define MAX_ITEMS 1000
#define MAX_WORDS 1000
#define MAX_BANDS 26
#define MAX_ALIASES 100

static const ibm_colspec spec_cols[] = {
	{ "bagian|part|kind|jenis", 1 },
	{ "nama|name", 1 },
	{ "aspek|aspect", 0 },
	{ "kata|words|aliases|alias", 0 },
	{ "nilai|value|batas|minimum", 0 },
};
enum { SC_PART, SC_NAME, SC_ASPECT, SC_WORDS, SC_VALUE, SC_N };

static const char *const part_names[] = {
	"unsur", "narasumber", "penyelenggaraan", "komentar", "jawaban",
	"mutu"
};

const char *sv_part_name(sv_part p)
{
	return part_names[p];
}

/* A part by its name (Indonesian or English), -1 if none. */
static int part_of(const char *s)
{
	static const char *const names[][2] = {
		{ "unsur", "element" }, { "narasumber", "speaker" },
		{ "penyelenggaraan", "organisation" },
		{ "komentar", "comment" }, { "jawaban", "answer" },
		{ "mutu", "band" }
	};
	char *k = ibm_name_key(s);
	int p = -1;

	for (int i = 0; i < 6 && p < 0; i++)
		if (!strcmp(k, names[i][0]) || !strcmp(k, names[i][1]))
			p = i;
	if (p < 0 && !strcmp(k, "organization"))
		p = SV_PENYELENGGARAAN;
	free(k);
	return p;
}

/* The band set a mutu row's nama names, -1 if none. */
static int bandset_of(const char *s)
{
	static const char *const names[][2] = {
		{ "indeks", "index" }, { "unsur", "element" },
		{ "narasumber", "speaker" },
		{ "penyelenggaraan", "organisation" }
	};
	char *k = ibm_name_key(s);
	int b = -1;

	for (int i = 0; i < SV_NBANDS && b < 0; i++)
		if (!strcmp(k, names[i][0]) || !strcmp(k, names[i][1]))
			b = i;
	if (b < 0 && (!strcmp(k, "ikm") || !strcmp(k, "organization")))
		b = !strcmp(k, "ikm") ? SV_B_INDEKS : SV_B_PENYELENGGARAAN;
	free(k);
	return b;
}

/* The pools of items whose aliases compete for one header. */
static int pool_of(sv_part p)
{
	return p == SV_NARASUMBER;
}

/* Split a '|' list into normalised aliases added to *v (empty ones and
 * repeats left out). */
static void add_aliases(char ***v, size_t *n, const char *list)
{
	ibm_strlist l;

	ibm_strlist_split(&l, list, 1);
	for (size_t i = 0; i < l.n; i++) {
		char *w = sv_words(l.v[i]);
		size_t j;

		for (j = 0; j < *n && strcmp((*v)[j], w); j++)
			;
		if (!*w || j < *n) {
			free(w);
			continue;
		}
		*v = ibm_xrealloc(*v, (*n + 1) * sizeof **v);
		(*v)[(*n)++] = w;
	}
	ibm_strlist_free(&l);
}

static void item_free(sv_item *it)
{
	free(it->name);
	free(it->aspect);
	for (size_t i = 0; i < it->nalias; i++)
		free(it->alias[i]);
	free(it->alias);
}

/* What the item is called in messages: "unsur Persyaratan",
 * "narasumber: Penguasaan materi". */
static char *item_label(const sv_item *it)
{
	const char *a = it->aspect ? it->aspect : "";
	size_t n = strlen(it->name) + strlen(a) + 40;
	char *s = ibm_xmalloc(n);

	if (it->part == SV_NARASUMBER)
		snprintf(s, n, "narasumber aspect %s", a);
	else if (it->part == SV_PENYELENGGARAAN)
		snprintf(s, n, "penyelenggaraan %s: %s", it->name, a);
	else
		snprintf(s, n, "%s %s", sv_part_name(it->part), it->name);
	return s;
}

/* An item row: checked against the items before it. */
static int add_item(sv_spec *s, const char *name, long line, sv_part p,
		    const char *nm, const char *asp, const char *words,
		    size_t *cap)
{
	sv_item it = { 0 };

	it.part = p;
	it.line = line;
	it.name = ibm_xstrdup(nm);
	it.aspect = *asp ? ibm_xstrdup(asp) : NULL;
	if ((p == SV_NARASUMBER || p == SV_PENYELENGGARAAN) && !*asp) {
		ibm_error(name, line, "a %s row needs its aspek",
			  sv_part_name(p));
		item_free(&it);
		return IBM_EX_DATAERR;
	}
	if (p != SV_NARASUMBER && !*nm) {
		ibm_error(name, line, "a %s row needs its nama",
			  sv_part_name(p));
		item_free(&it);
		return IBM_EX_DATAERR;
	}
	/* its own name is one of its aliases */
	add_aliases(&it.alias, &it.nalias,
		    p == SV_NARASUMBER || p == SV_PENYELENGGARAAN ? asp : nm);
	add_aliases(&it.alias, &it.nalias, words);
	if (it.nalias > MAX_ALIASES) {
		ibm_error(name, line, "more than %d words (kata) for one "
			  "question", MAX_ALIASES);
		item_free(&it);
		return IBM_EX_DATAERR;
	}
	if (!it.nalias) {
		ibm_error(name, line, "%s row without words to find it by",
			  sv_part_name(p));
		item_free(&it);
		return IBM_EX_DATAERR;
	}
	for (size_t i = 0; i < s->nitem; i++) {
		const sv_item *o = &s->item[i];
		int same = o->part == p && !ibm_casecmp(o->name, it.name) &&
			   !ibm_casecmp(o->aspect ? o->aspect : "",
					it.aspect ? it.aspect : "");

		if (same) {
			char *l = item_label(&it);

			ibm_error(name, line, "%s is named twice (line %ld)",
				  l, o->line);
			free(l);
			item_free(&it);
			return IBM_EX_DATAERR;
		}
		if (pool_of(o->part) != pool_of(p))
			continue;
		for (size_t a = 0; a < it.nalias; a++)
			for (size_t b = 0; b < o->nalias; b++)
				if (!strcmp(it.alias[a], o->alias[b])) {
					char *l1 = item_label(&it);
					char *l2 = item_label(o);

					ibm_error(name, line, "%s: the words "
						  "\"%s\" also name %s (line "
						  "%ld)", l1, it.alias[a], l2,
						  o->line);
					free(l1);
					free(l2);
					item_free(&it);
					return IBM_EX_DATAERR;
				}
	}
	if (s->nitem >= MAX_ITEMS) {
		ibm_error(name, line, "too many questions (at most %d)",
			  MAX_ITEMS);
		item_free(&it);
		return IBM_EX_DATAERR;
	}
	ibm_grow((void **)&s->item, cap, s->nitem + 1, sizeof *s->item);
	s->item[s->nitem++] = it;
	if (p == SV_UNSUR)
		s->nunsur++;
	return 0;
}

static int add_words(sv_spec *s, const char *name, long line,
		     const char *words, const char *value, size_t *cap)
{
	double v;
	ibm_strlist l;
	int st = 0;

	if (ibm_parse_number(value, &v, 0) != 0 || v != floor(v) || v < 1 ||
	    v > SV_SCALE_MAX) {
		ibm_error(name, line, "an answer's nilai must be 1 to %d, not "
			  "\"%s\"", SV_SCALE_MAX, value);
		return IBM_EX_DATAERR;
	}
	ibm_strlist_split(&l, words, 1);
	if (!l.n) {
		ibm_error(name, line, "jawaban row without words");
		st = IBM_EX_DATAERR;
	}
	for (size_t i = 0; i < l.n && !st; i++) {
		char *k = sv_words(l.v[i]);
		size_t j;

		for (j = 0; j < s->nword && strcmp(s->word[j].key, k); j++)
			;
		if (!*k) {
			free(k);
			continue;
		}
		if (j < s->nword) {
			if (s->word[j].value != (int)v) {
				ibm_error(name, line, "answer \"%s\" is %d "
					  "and %d", l.v[i], s->word[j].value,
					  (int)v);
				st = IBM_EX_DATAERR;
			}
			free(k);
			continue;
		}
		if (s->nword >= MAX_WORDS) {
			ibm_error(name, line, "too many answer words (at most "
				  "%d)", MAX_WORDS);
			free(k);
			st = IBM_EX_DATAERR;
			break;
		}
		ibm_grow((void **)&s->word, cap, s->nword + 1,
			 sizeof *s->word);
		s->word[s->nword].key = k;
		s->word[s->nword++].value = (int)v;
	}
	ibm_strlist_free(&l);
	return st;
}

static int add_band(sv_spec *s, const char *name, long line,
		    const char *set, const char *grade, const char *words,
		    const char *value, unsigned char *given)
{
	int b = bandset_of(set);
	double v, top;
	sv_bandset *bs;
	sv_band nb;
	size_t i;

	if (b < 0) {
		ibm_error(name, line, "a mutu row's nama is indeks, unsur, "
			  "narasumber or penyelenggaraan, not \"%s\"", set);
		return IBM_EX_DATAERR;
	}
	top = b == SV_B_INDEKS ? 100 : SV_SCALE_MAX;
	if (!*grade || !*words) {
		ibm_error(name, line, "a mutu row needs its grade (aspek) and "
			  "its words (kata)");
		return IBM_EX_DATAERR;
	}
	if (ibm_parse_number(value, &v, 0) != 0 || !(v >= 0 && v <= top)) {
		ibm_error(name, line, "the lower bound (nilai) of band %s is "
			  "a number from 0 to %g, not \"%s\"", grade, top,
			  value);
		return IBM_EX_DATAERR;
	}
	bs = &s->band[b];
	if (!given[b]) {
		/* the first row of a set replaces the default set */
		for (i = 0; i < bs->n; i++) {
			free(bs->b[i].grade);
			free(bs->b[i].words);
		}
		bs->n = 0;
		given[b] = 1;
	}
	for (i = 0; i < bs->n; i++)
		if (bs->b[i].min == v || !ibm_casecmp(bs->b[i].grade, grade)) {
			ibm_error(name, line, "band %s of %s: its grade or "
				  "lower bound is also band %s's", grade, set,
				  bs->b[i].grade);
			return IBM_EX_DATAERR;
		}
	if (bs->n >= MAX_BANDS) {
		ibm_error(name, line, "too many bands (at most %d)",
			  MAX_BANDS);
		return IBM_EX_DATAERR;
	}
	nb.grade = ibm_xstrdup(grade);
	nb.words = ibm_xstrdup(words);
	nb.min = v;
	bs->b = ibm_xrealloc(bs->b, (bs->n + 1) * sizeof *bs->b);
	/* highest first */
	for (i = bs->n; i > 0 && bs->b[i - 1].min < v; i--)
		bs->b[i] = bs->b[i - 1];
	bs->b[i] = nb;
	bs->n++;
	return 0;
}

static void spec_clear(sv_spec *s)
{
	for (size_t i = 0; i < s->nitem; i++)
		item_free(&s->item[i]);
	free(s->item);
	for (size_t i = 0; i < s->nword; i++)
		free(s->word[i].key);
	free(s->word);
	for (int b = 0; b < SV_NBANDS; b++) {
		for (size_t i = 0; i < s->band[b].n; i++) {
			free(s->band[b].b[i].grade);
			free(s->band[b].b[i].words);
		}
		free(s->band[b].b);
	}
	free(s->src);
	memset(s, 0, sizeof *s);
}

/* Parse without defaults: what the text gives. */
static int parse(sv_spec *s, const char *name, const char *text, size_t len,
		 unsigned char *given_bands, int *given_words)
{
	ibm_csv_opts o = { 0 };
	int status = 0, idx[SC_N], k, errors = 0;
	ibm_csv *r = ibm_csv_open_mem(name, text, len, &o, &status);
	const ibm_rec *h, *rec;
	size_t icap = 0, wcap = 0;

	if (!r)
		return status;
	h = ibm_csv_header(r);
	if (ibm_col_resolve(name, h->line, h, spec_cols, SC_N, idx) < 0) {
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		char *f[SC_N];
		int p, st = 0;

		if (errors >= 100) {
			ibm_error(name, rec->line, "too many errors; the rest "
				  "is not read");
			break;
		}

		for (int i = 0; i < SC_N; i++)
			f[i] = ibm_rec_cell(rec, idx[i]);
		p = part_of(f[SC_PART]);
		if (p < 0) {
			ibm_error(name, rec->line, "bagian must be unsur, "
				  "narasumber, penyelenggaraan, komentar, "
				  "jawaban or mutu, not \"%s\"", f[SC_PART]);
			st = IBM_EX_DATAERR;
		} else if (p == SV_JAWABAN) {
			*given_words = 1;
			st = add_words(s, name, rec->line, f[SC_WORDS],
				       f[SC_VALUE], &wcap);
		} else if (p == SV_MUTU) {
			st = add_band(s, name, rec->line, f[SC_NAME],
				      f[SC_ASPECT], f[SC_WORDS], f[SC_VALUE],
				      given_bands);
		} else {
			st = add_item(s, name, rec->line, (sv_part)p,
				      f[SC_NAME], f[SC_ASPECT], f[SC_WORDS],
				      &icap);
		}
		for (int i = 0; i < SC_N; i++)
			free(f[i]);
		if (st) {
			status = st;
			errors++;
		}
	}
	if (k < 0 && !status)
		status = ibm_csv_status(r) ? ibm_csv_status(r)
					   : IBM_EX_DATAERR;
	ibm_csv_close(r);
	return status;
}

int sv_spec_parse(sv_spec *s, const char *name, const char *text,
		  size_t len)
{
	unsigned char given[SV_NBANDS] = { 0 }, dgiven[SV_NBANDS] = { 0 };
	int words = 0, dwords = 0, st;
	sv_spec d;

	memset(s, 0, sizeof *s);
	st = parse(s, name, text, len, given, &words);
	if (!st && s->nitem == 0) {
		ibm_error(name, 0, "no questions (unsur, narasumber, "
			  "penyelenggaraan or komentar rows)");
		st = IBM_EX_DATAERR;
	}
	if (st || text == sv_default_spec)
		return st;
	/* the answer words and band sets the spec does not give come from
	 * the default */
	memset(&d, 0, sizeof d);
	if (parse(&d, "(default spec)", sv_default_spec,
		  sizeof sv_default_spec - 1, dgiven, &dwords) != 0)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "the default spec does not "
			"parse");
	if (!words) {
		s->word = d.word;
		s->nword = d.nword;
		d.word = NULL;
		d.nword = 0;
	}
	for (int b = 0; b < SV_NBANDS; b++)
		if (!given[b]) {
			s->band[b] = d.band[b];
			d.band[b].b = NULL;
			d.band[b].n = 0;
		}
	spec_clear(&d);
	return 0;
}

void sv_spec_load(sv_spec *s, const char *path)
{
	int st;

	if (path) {
		size_t n;
		char *t = ibm_read_file_x(path, IBM_LIMIT_SPEC, 0, &n);

		st = sv_spec_parse(s, path, t, n);
		free(t);
		s->src = ibm_xstrdup(path);
	} else {
		st = sv_spec_parse(s, "(default spec)", sv_default_spec,
				   sizeof sv_default_spec - 1);
		s->src = ibm_xstrdup("(bawaan)");
	}
	if (st)
		exit(st);
}

void sv_spec_free(sv_spec *s)
{
	spec_clear(s);
}

void sv_spec_print(const char *dir, int force)
{
	size_t n = strlen(dir) + sizeof "/survey.csv";
	char *path = ibm_xmalloc(n);
	ibm_atomic *a;

	snprintf(path, n, "%s%s", dir,
		 *dir && (dir[strlen(dir) - 1] == '/' ||
			  dir[strlen(dir) - 1] == '\\') ? "survey.csv"
							: "/survey.csv");
	/* an edited spec is never replaced by mistake */
	if (!force && ibm_out_exists(path))
		ibm_die(IBM_EX_USAGE, path, 0, "exists; --force replaces it");
	if (ibm_out_mkdir(dir) != 0)
		ibm_die_errno(IBM_EX_CANTCREAT, dir, "cannot create "
			      "directory");
	a = ibm_atomic_open(path);
	fputs(sv_default_spec, ibm_atomic_fp(a));
	ibm_atomic_finish(a);
	free(path);
}
