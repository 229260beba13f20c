/*
 * input.c - reading Monev form CSVs: columns by name and alias,
 * cleaning identity fields, yes/no and count cells, units per period
 * (the latest visit wins), and aggregates per district or province.
 */
#define _POSIX_C_SOURCE 200809L
#include "monev.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const monev_id_names[MONEV_NID] = {
	"provinsi", "kabupaten_kota", "satker", "kecamatan", "desa_kelurahan",
	"nama_unit", "tanggal_monev", "petugas", "tahun_berdiri"
};

const char *const monev_id_labels[MONEV_NID] = {
	"Provinsi", "Kabupaten/Kota", "Satker", "Kecamatan", "Desa/Kelurahan",
	"Nama Unit", "Tanggal Monev", "Petugas", "Tahun Berdiri"
};

const ibm_colspec monev_id_cols[MONEV_NID] = {
	{ MONEV_ALIASES_PROV, 1 },
	{ MONEV_ALIASES_KAB, 1 },
	{ MONEV_ALIASES_SATKER, 0 },
	{ MONEV_ALIASES_KEC, 0 },
	{ MONEV_ALIASES_DESA, 1 },
	{ MONEV_ALIASES_UNIT, 1 },
	{ "tanggal_monev|tanggal monev|tgl monev|tanggal kunjungan|tanggal|"
	  "monitoring date|visit date|date", 1 },
	{ "petugas|nama petugas|petugas monev|officer|monitoring officer|"
	  "evaluator", 0 },
	{ "tahun_berdiri|tahun berdiri|tahun pembentukan|tahun dibentuk|"
	  "year established|established", 0 },
};

/*
 * The Indonesian text of the next warning, for the workbook's Catatan
 * sheet (stderr stays in English): set just before ibm_warn, taken by
 * the diagnostics hook.
 */
static char said[2048];
static int said_not_kept; /* the next warning is not for the workbook */

void monev_say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(said, sizeof said, fmt, ap);
	va_end(ap);
}

void monev_say_not_kept(void)
{
	said_not_kept = 1;
}

int monev_said(char *buf, size_t size)
{
	if (said_not_kept) {
		said_not_kept = 0;
		said[0] = '\0';
		return -1;
	}
	if (!*said)
		return 0;
	snprintf(buf, size, "%s", said);
	said[0] = '\0';
	return 1;
}

static const char *what_id(const char *what)
{
	static const char *const w[][2] = {
		{ "not a date", "bukan tanggal" },
		{ "empty", "kosong" },
		{ "not a year", "bukan tahun" },
		{ "not yes or no", "bukan Ya atau Tidak" },
		{ "not a count", "bukan bilangan cacah" },
	};

	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (strcmp(what, w[i][0]) == 0)
			return w[i][1];
	return what;
}

void monev_data_init(monev_data *d, const monev_spec *s)
{
	memset(d, 0, sizeof *d);
	d->spec = s;
}

/* Append the key of s to b (ASCII fast path; ibm_lower for the rest). */
static void key_into(char **b, size_t *cap, size_t *n, const char *s)
{
	size_t len = strlen(s), o = *n;
	int space = 1;
	char *low = NULL;
	const char *p;

	for (p = s; *p; p++)
		if ((unsigned char)*p >= 0x80)
			break;
	if (*p)
		s = low = ibm_lower(s);
	ibm_grow((void **)b, cap, o + len + 12, 1);
	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c >= 0x80 || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9')) {
			(*b)[o++] = (char)c;
			space = 0;
		} else if (!space) {
			(*b)[o++] = ' ';
			space = 1;
		}
	}
	if (o > *n && (*b)[o - 1] == ' ')
		o--;
	(*b)[o] = '\0';
	/* "kab sumbawa" = "kabupaten sumbawa" */
	if (o - *n >= 4 && strncmp(*b + *n, "kab ", 4) == 0) {
		memmove(*b + *n + 9, *b + *n + 3, o - *n - 3 + 1);
		memcpy(*b + *n, "kabupaten", 9);
		o += 6;
	}
	*n = o;
	free(low);
}

char *monev_key(const char *s)
{
	char *b = NULL;
	size_t cap = 0, n = 0;

	key_into(&b, &cap, &n, s);
	return b;
}

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void rehash(monev_data *d)
{
	size_t cap = d->hcap ? d->hcap * 2 : 1024;

	free(d->hash);
	d->hash = ibm_xcalloc(cap, sizeof *d->hash);
	d->hcap = cap;
	for (size_t i = 0; i < d->nunits; i++) {
		size_t h = hash_str(d->units[i].key) & (cap - 1);

		while (d->hash[h])
			h = (h + 1) & (cap - 1);
		d->hash[h] = i + 1;
	}
}

/* The slot of key: the unit's index + 1, or 0 with *slot free. */
static size_t lookup(monev_data *d, const char *key, size_t *slot)
{
	size_t h;

	if ((d->nunits + 1) * 2 > d->hcap)
		rehash(d);
	h = hash_str(key) & (d->hcap - 1);
	while (d->hash[h]) {
		if (strcmp(d->units[d->hash[h] - 1].key, key) == 0)
			break;
		h = (h + 1) & (d->hcap - 1);
	}
	*slot = h;
	return d->hash[h];
}

/*
 * District names, one spelling per district in every recap: "Kab. X",
 * "Kab X", "KAB. X" and "Kabupaten X" are "Kabupaten X"; "Kota X" and
 * "KOTA X" are "Kota X"; a name in capitals is written in title case
 * ("KABUPATEN LOMBOK TIMUR" -> "Kabupaten Lombok Timur"). Other names are
 * kept as written. The Data sheet keeps the forms' own spelling.
 */
char *monev_district(const char *s)
{
	static const char *const kab[] = { "kabupaten", "kab.", "kab" };
	const char *rest = NULL, *kind = NULL;
	int caps = 1, letters = 0;
	char *t, *out;
	size_t n;

	while (*s == ' ')
		s++;
	for (size_t i = 0; i < sizeof kab / sizeof *kab && !rest; i++) {
		n = strlen(kab[i]);
		if (strncasecmp(s, kab[i], n) == 0 &&
		    (s[n] == ' ' || (kab[i][n - 1] == '.' && s[n]))) {
			rest = s + n;
			kind = "Kabupaten";
		}
	}
	if (!rest && strncasecmp(s, "kota ", 5) == 0) {
		rest = s + 5;
		kind = "Kota";
	}
	if (!rest)
		return ibm_xstrdup(s);
	while (*rest == ' ')
		rest++;
	for (const char *p = rest; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
			letters++;
			if (*p >= 'a' && *p <= 'z')
				caps = 0;
		}
	t = caps && letters > 1 ? ibm_title_case(rest) : ibm_xstrdup(rest);
	n = strlen(kind) + strlen(t) + 2;
	out = ibm_xmalloc(n);
	snprintf(out, n, "%s %s", kind, t);
	free(t);
	return out;
}

/* "2024-S1" -> "Semester I 2024" (other text as it is). */
const char *monev_period_text(const char *p, char *buf, size_t size)
{
	int y, h;
	char c;

	if (sscanf(p, "%4d-S%1d%c", &y, &h, &c) == 2 && (h == 1 || h == 2))
		snprintf(buf, size, "Semester %s %d", h == 1 ? "I" : "II", y);
	else
		snprintf(buf, size, "%s", p);
	return buf;
}

/* The period after p ("2024-S1" -> "2024-S2", "2024-S2" -> "2025-S1";
 * other text as it is). */
char *monev_period_next(const char *p, char *buf, size_t size)
{
	int y, h;
	char c;

	if (sscanf(p, "%4d-S%1d%c", &y, &h, &c) == 2 && (h == 1 || h == 2))
		snprintf(buf, size, "%04d-S%d", h == 2 ? y + 1 : y,
			 h == 2 ? 1 : 2);
	else
		snprintf(buf, size, "%s", p);
	return buf;
}

static void unit_set(monev_data *d, monev_unit *u, const monev_row *row)
{
	for (int i = 0; i < MONEV_NID; i++) {
		/* a later visit mostly spells its unit the same */
		if (i != MONEV_KAB && u->id[i] && !strcmp(u->id[i], row->id[i]))
			continue;
		free(u->id[i]);
		u->id[i] = i == MONEV_KAB ? monev_district(row->id[i])
					  : ibm_xstrdup(row->id[i]);
	}
	u->date = row->date;
	u->has_date = row->has_date;
	u->status = row->status ? row->status : "";
	free(u->spelled);
	u->spelled = row->spelled ? ibm_xstrdup(row->spelled) : NULL;
	u->listed = row->listed;
	memcpy(u->period, row->period, sizeof u->period);
	u->file_index = row->file_index;
	u->line = row->line;
	if (!u->val)
		u->val = ibm_xcalloc(d->spec->nind + 1, sizeof *u->val);
	memcpy(u->val, row->val, d->spec->nind * sizeof *u->val);
}

static void add_unit(monev_data *d, monev_row *row)
{
	size_t n = 0, slot, at;
	char *key;
	static const int parts[4] = { MONEV_PROV, MONEV_KAB, MONEV_DESA,
				      MONEV_UNIT };

	for (int i = 0; i < 4; i++) {
		key_into(&d->kbuf, &d->kcap, &n, row->id[parts[i]]);
		d->kbuf[n++] = '\x1f';
	}
	ibm_grow((void **)&d->kbuf, &d->kcap, n + strlen(row->period) + 1, 1);
	key = d->kbuf;
	strcpy(key + n, row->period);
	at = lookup(d, key, &slot);
	if (at) {
		monev_unit *u = &d->units[at - 1];
		int newer = !u->has_date ||
			    (row->has_date && ibm_date_cmp(row->date, u->date) >= 0);
		char d1[16] = "?", d2[16] = "?";
		char wplace[64];

		/* the Data sheet marks the visit that does not count: the
		 * warning is for standard error only */
		d->superseded++;
		if (d->quiet)
			goto counted;
		if (row->has_date)
			ibm_date_iso(d1, sizeof d1, row->date);
		if (u->has_date)
			ibm_date_iso(d2, sizeof d2, u->date);
		snprintf(wplace, sizeof wplace, "%ld", newer ? row->line : u->line);
		monev_say_not_kept();
		ibm_warn(row->file, row->line,
			 "unit \"%s\" (%s, %s) is twice in period %s: here "
			 "(%s) and at %s:%ld (%s); the later visit, %s:%s, "
			 "counts",
			 row->id[MONEV_UNIT], row->id[MONEV_DESA],
			 row->id[MONEV_KAB], *row->period ? row->period : "?",
			 d1, d->files[u->file_index], u->line, d2,
			 newer ? row->file : d->files[u->file_index], wplace);
	counted:
		if (newer)
			unit_set(d, u, row);
		row->unit = (long)u->seq;
		return;
	}
	ibm_grow((void **)&d->units, &d->ucap, d->nunits + 1,
		 sizeof *d->units);
	memset(&d->units[d->nunits], 0, sizeof *d->units);
	d->units[d->nunits].key = ibm_xstrdup(key);
	d->units[d->nunits].seq = d->nunits;
	unit_set(d, &d->units[d->nunits], row);
	row->unit = (long)d->nunits;
	d->hash[slot] = ++d->nunits;
}

/* The warning (an error with --strict) about a form row whose unit is
 * not listed; l: the closest listed unit when nclose are that close. */
static void unlisted(monev_data *d, const monev_row *row,
		     const monev_listed *l, size_t nclose)
{
	char near[1200] = "", dekat[1200] = "";

	if (l && nclose > 1) {
		snprintf(near, sizeof near, "; %zu listed units are spelt that "
			 "closely (the closest is \"%s\" (%s, %s)): kept "
			 "apart", nclose, l->f[MONEV_UL_UNIT],
			 l->f[MONEV_UL_DESA], l->f[MONEV_UL_KAB]);
		snprintf(dekat, sizeof dekat, "; ada %zu unit dalam daftar "
			 "yang ejaannya mirip (yang terdekat \"%s\" (%s, %s)): "
			 "tidak digabungkan", nclose, l->f[MONEV_UL_UNIT],
			 l->f[MONEV_UL_DESA], l->f[MONEV_UL_KAB]);
	}
	monev_say("unit \"%s\" (%s, %s) tidak ada dalam daftar unit %s%s",
		  row->id[MONEV_UNIT], row->id[MONEV_DESA], row->id[MONEV_KAB],
		  d->list->src, dekat);
	(d->strict ? ibm_error : ibm_warn)(
		row->file, row->line,
		"unit \"%s\" (%s, %s) is not in the list of units %s%s",
		row->id[MONEV_UNIT], row->id[MONEV_DESA], row->id[MONEV_KAB],
		d->list->src, near);
}

/*
 * --units: the row's unit must be on the master list. A listed unit
 * lends the row its status, and its founding year where the form has
 * none. A unit spelt close to exactly one listed unit (a misspelt name
 * or village) is that unit, with a warning naming both: the row takes
 * the list's spelling, row->spelled keeps the form's. Any other unlisted
 * one is a warning naming the closest listed unit (an error with
 * --strict): never a silent new unit.
 */
static void check_listed(monev_data *d, monev_row *row)
{
	char *id = monev_ident(row->id[MONEV_PROV], row->id[MONEV_KAB],
			       row->id[MONEV_DESA], row->id[MONEV_UNIT]);
	const monev_listed *l = monev_units_find(d->list, id);
	size_t nclose = 0;

	free(id);
	row->status = "";
	row->spelled = NULL;
	row->listed = 1;
	if (!l) {
		l = monev_units_closest(d->list, row->id[MONEV_KAB],
					row->id[MONEV_DESA],
					row->id[MONEV_UNIT], &nclose);
		if (l && nclose == 1) {
			monev_say("unit \"%s\" (%s, %s) tidak ada dalam daftar "
				  "unit %s; dianggap unit \"%s\" (%s, %s), "
				  "satu-satunya yang ejaannya mirip",
				  row->id[MONEV_UNIT], row->id[MONEV_DESA],
				  row->id[MONEV_KAB], d->list->src,
				  l->f[MONEV_UL_UNIT], l->f[MONEV_UL_DESA],
				  l->f[MONEV_UL_KAB]);
			ibm_warn(row->file, row->line,
				 "unit \"%s\" (%s, %s) is not in the list of "
				 "units %s; taken as \"%s\" (%s, %s), the one "
				 "listed unit spelt that closely",
				 row->id[MONEV_UNIT], row->id[MONEV_DESA],
				 row->id[MONEV_KAB], d->list->src,
				 l->f[MONEV_UL_UNIT], l->f[MONEV_UL_DESA],
				 l->f[MONEV_UL_KAB]);
			row->spelled = row->id[MONEV_UNIT];
			row->id[MONEV_PROV] = l->f[MONEV_UL_PROV];
			row->id[MONEV_KAB] = l->f[MONEV_UL_KAB];
			row->id[MONEV_DESA] = l->f[MONEV_UL_DESA];
			row->id[MONEV_UNIT] = l->f[MONEV_UL_UNIT];
			if (*l->f[MONEV_UL_KEC])
				row->id[MONEV_KEC] = l->f[MONEV_UL_KEC];
			d->respelled++;
		} else {
			d->unlisted++;
			row->listed = 0;
			unlisted(d, row, l, nclose);
			return;
		}
	}
	row->status = l->f[MONEV_UL_STATUS];
	if (!*row->id[MONEV_TAHUN])
		row->id[MONEV_TAHUN] = l->f[MONEV_UL_TAHUN];
}

/* A cell that cannot be read: an error, or with --lenient a warning.
 * answer: an indicator's answer, then not answered (left out of the
 * unit's scores, never a no or a 0); other cells are left empty. */
static void bad_cell(monev_data *d, const char *file, long line, int col,
		     const char *colname, const char *what, const char *v,
		     int answer)
{
	char place[4200], cell[16];
	const char *pf = place;
	long pl = 0;
	const char *then = answer ? "not answered (left out of the unit's "
				    "scores)" : "left empty";

	/* CSV: FILE:LINE:COLUMN; a workbook: FILE[SHEET]:ROW: cell J4 */
	if (col >= 0 && ibm_cell_name(file, line, (size_t)col, cell)) {
		snprintf(place, sizeof place, "cell %s: ", cell);
		pf = file;
		pl = line;
	} else {
		snprintf(place, sizeof place, "%s:%ld:%d", file, line,
			 col + 1);
	}
	if (d->lenient)
		monev_say(v ? "%s: %s: \"%s\"; %s" : "%s: %s",
			  colname, what_id(what), v, answer
			  ? "dianggap belum dijawab (tidak dihitung dalam skor)"
			  : "dibiarkan kosong");
	if (pl) {
		if (d->lenient && v)
			ibm_warn(pf, pl, "%s%s: %s: \"%s\"; %s",
				 place, colname, what, v, then);
		else if (d->lenient)
			ibm_warn(pf, pl, "%s%s: %s", place, colname, what);
		else if (v)
			ibm_error(pf, pl, "%s%s: %s: \"%s\"", place, colname,
				  what, v);
		else
			ibm_error(pf, pl, "%s%s: %s", place, colname, what);
	} else if (d->lenient && v)
		ibm_warn(place, 0, "%s: %s: \"%s\"; %s", colname, what, v,
			 then);
	else if (d->lenient)
		ibm_warn(place, 0, "%s: %s", colname, what);
	else if (v)
		ibm_error(place, 0, "%s: %s: \"%s\"", colname, what, v);
	else
		ibm_error(place, 0, "%s: %s", colname, what);
	if (!d->lenient)
		d->bad_cells++;
}

/* Fast yes/no for the common spellings, ibm_parse_yesno for the rest. */
static int yesno(const char *s)
{
	switch (s[0]) {
	case '\0': return 0;
	case '1': if (!s[1]) return 1; break;
	case '0': if (!s[1]) return 0; break;
	case 'Y': if (!strcmp(s, "Ya") || !s[1]) return 1; break;
	case 'T': if (!strcmp(s, "Tidak") || !s[1]) return 0; break;
	default: break;
	}
	return ibm_parse_yesno(s);
}

static char *clean_copy(char *dst, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	/* the common case: printable ASCII with single inner spaces is
	 * already folded */
	for (; p[n] > ' ' && p[n] < 0x7F; n++)
		if (p[n + 1] == ' ' && p[n + 2] > ' ' && p[n + 2] < 0x7F)
			n++;
	if (!p[n]) {
		memcpy(dst, s, n + 1);
		return dst;
	}
	strcpy(dst, s);
	return ibm_fold_space(dst);
}

void monev_read(monev_data *d, const char *path)
{
	ibm_csv_opts co = d->csv;
	ibm_csv *r;
	int st;

	/* the header is the row with the identity columns */
	co.need = monev_id_cols;
	co.nneed = MONEV_NID;
	r = ibm_csv_xopen(path, &co);
	st = monev_read_csv(d, r);
	ibm_csv_close(r);
	if (st)
		exit(st);
}

/* Does the header have a column with a header that is none of the
 * identity columns (an answer under a name the spec does not know)? */
static int other_columns(const ibm_rec *h, const int *idcol)
{
	for (size_t c = 0; c < h->n; c++) {
		int id = 0;

		for (int i = 0; i < MONEV_NID && !id; i++)
			id = idcol[i] == (int)c;
		if (!id && h->f[c][strspn(h->f[c], " \t")])
			return 1;
	}
	return 0;
}

/* Does the row record a visit: a value under the Monev date, the
 * officer or an indicator? The blank form's rows hold only their
 * number, or a listed unit's identity that nobody visited. */
static int row_filled(const ibm_rec *rec, const int *idcol, const int *icol,
		      size_t nind)
{
	const char *sp = " \t\r\n";
	static const int visit[] = { MONEV_TANGGAL, MONEV_PETUGAS };

	for (size_t i = 0; i < sizeof visit / sizeof *visit; i++) {
		int c = idcol[visit[i]];

		if (c >= 0 && rec->len[c] > strspn(rec->f[c], sp))
			return 1;
	}
	for (size_t i = 0; i < nind; i++)
		if (icol[i] >= 0 && rec->len[icol[i]] >
		    strspn(rec->f[icol[i]], sp))
			return 1;
	return 0;
}

int monev_read_csv(monev_data *d, ibm_csv *r)
{
	const monev_spec *s = d->spec;
	const ibm_rec *h = ibm_csv_header(r), *rec;
	const char *name = ibm_csv_name(r);
	int idcol[MONEV_NID], *icol;
	double *val = ibm_xcalloc(s->nind + 1, sizeof *val);
	char *buf = NULL;
	size_t bufcap = 0, fi;
	monev_row row;
	const char *form_id[MONEV_NID];
	int got, results, visited;

	fi = monev_add_source(d, name);
	icol = ibm_xcalloc(MONEV_NID + s->nind + 1, sizeof *icol);
	{
		/* the identity columns and the indicators, in one header */
		ibm_colspec *cs = ibm_xcalloc(MONEV_NID + s->nind + 1,
					      sizeof *cs);
		int bad;

		memcpy(cs, monev_id_cols, sizeof monev_id_cols);
		for (size_t i = 0; i < s->nind; i++) {
			cs[MONEV_NID + i].aliases = s->ind[i].aliases;
			cs[MONEV_NID + i].role = s->ind[i].column;
		}
		bad = ibm_col_resolve(name, h->line, h, cs,
				      MONEV_NID + s->nind, icol) < 0;
		free(cs);
		if (bad) {
			free(val);
			free(icol);
			return IBM_EX_DATAERR;
		}
		memcpy(idcol, icol, sizeof idcol);
		memmove(icol, icol + MONEV_NID, s->nind * sizeof *icol);
	}
	/* ibm-monev's own per-unit CSV read back (an earlier period's
	 * results): its rows of listed units not visited are skipped, "–"
	 * is an indicator not asked */
	results = ibm_col_find(h, "periode") >= 0 &&
		  ibm_col_find(h, "skor_total") >= 0;
	visited = results ? ibm_col_find(h, "dikunjungi") : -1;
	if (results) {
		size_t found = 0;

		for (size_t i = 0; i < s->nind; i++)
			found += icol[i] >= 0;
		if (!found) {
			ibm_error(name, h->line, "ibm-monev's per-unit CSV "
				  "without the indicator columns: give the "
				  "Monev forms of its period instead");
			free(val);
			free(icol);
			return IBM_EX_DATAERR;
		}
	}
	{
		char *miss = NULL;
		size_t mcap = 0, mlen = 0, nmiss = 0;

		for (size_t i = 0; i < s->nind; i++) {
			size_t l;

			if (icol[i] >= 0)
				continue;
			l = strlen(s->ind[i].column);
			ibm_grow((void **)&miss, &mcap, mlen + l + 3, 1);
			snprintf(miss + mlen, l + 3, "%s%s", nmiss ? ", " : "",
				 s->ind[i].column);
			mlen += l + (nmiss ? 2 : 0);
			nmiss++;
		}
		if (nmiss && nmiss == s->nind && other_columns(h, idcol)) {
			/* a form the tool cannot read: none of its answers,
			 * other columns it does not know */
			char *seen = ibm_col_seen(h);

			ibm_error(name, h->line, "no indicator of the spec has "
				  "a column in this file; found: %s; name them "
				  "with --column INDICATOR=HEADER (or --columns "
				  "FILE)", seen);
			free(seen);
			free(miss);
			free(val);
			free(icol);
			return IBM_EX_DATAERR;
		}
		if (nmiss)
			monev_say("indikator tidak ditanyakan di berkas ini "
				  "(tidak ada kolomnya): %s; tidak dihitung "
				  "dalam skor unitnya", miss);
		if (nmiss) {
			char *seen = ibm_col_seen(h);

			ibm_warn(name, h->line,
				 "indicator%s not asked in this file (no "
				 "column): %s; left out of its units' scores "
				 "(headers: %s; name a column with --column "
				 "INDICATOR=HEADER)",
				 nmiss > 1 ? "s" : "", miss, seen);
			free(seen);
		}
		free(miss);
	}
	memset(&row, 0, sizeof row);
	row.file = name;
	row.file_index = fi;
	row.val = val;
	while ((got = ibm_csv_read(r, &rec)) > 0) {
		size_t need = 0, off = 0;
		int in_period;

		if (visited >= 0 && ibm_parse_yesno(rec->f[visited]) == 0 &&
		    *ibm_trim(rec->f[visited]))
			continue;
		/* a row of the blank form left as it came is no visit */
		if (!row_filled(rec, idcol, icol, s->nind))
			continue;
		for (int i = 0; i < MONEV_NID; i++)
			if (idcol[i] >= 0)
				need += rec->len[idcol[i]] + 1;
		ibm_grow((void **)&buf, &bufcap, need + MONEV_NID, 1);
		for (int i = 0; i < MONEV_NID; i++) {
			if (idcol[i] < 0) {
				row.id[i] = "";
				continue;
			}
			row.id[i] = clean_copy(buf + off, rec->f[idcol[i]]);
			off += rec->len[idcol[i]] + 1;
		}
		row.line = rec->line;
		row.has_date = ibm_date_parse(row.id[MONEV_TANGGAL],
					      &row.date) == 0;
		if (!row.has_date) {
			bad_cell(d, name, rec->line, idcol[MONEV_TANGGAL],
				 monev_id_names[MONEV_TANGGAL],
				 *row.id[MONEV_TANGGAL] ? "not a date" : "empty",
				 *row.id[MONEV_TANGGAL] ? row.id[MONEV_TANGGAL]
							: NULL, 0);
			row.id[MONEV_TANGGAL] = "";
			/* --period states the period of undated rows */
			snprintf(row.period, sizeof row.period, "%s",
				 d->want_period);
		} else {
			int y = row.date.y % 10000;

			/* "%04d-S%d", made by hand: once per row */
			if (y < 0)
				y = -y;
			row.period[0] = (char)('0' + y / 1000);
			row.period[1] = (char)('0' + y / 100 % 10);
			row.period[2] = (char)('0' + y / 10 % 10);
			row.period[3] = (char)('0' + y % 10);
			memcpy(row.period + 4, row.date.m <= 6 ? "-S1" : "-S2",
			       4);
		}
		if (idcol[MONEV_TAHUN] >= 0 && *row.id[MONEV_TAHUN]) {
			long y;

			if (ibm_parse_count(row.id[MONEV_TAHUN], &y) < 0 ||
			    y < 1900 || y > 2999) {
				/* an optional cell: a warning, and left
				 * empty, unless --strict */
				int lenient = d->lenient;

				d->lenient = lenient || !d->strict;
				bad_cell(d, name, rec->line, idcol[MONEV_TAHUN],
					 monev_id_names[MONEV_TAHUN],
					 "not a year", row.id[MONEV_TAHUN], 0);
				d->lenient = lenient;
				row.id[MONEV_TAHUN] = "";
			}
		}
		for (int i = 0; i < MONEV_NID; i++)
			if (monev_id_cols[i].required && i != MONEV_TANGGAL &&
			    !*row.id[i])
				bad_cell(d, name, rec->line, idcol[i],
					 monev_id_names[i], "empty", NULL, 0);
		for (size_t i = 0; i < s->nind; i++) {
			const char *v;

			val[i] = NAN;
			if (icol[i] < 0) {
				val[i] = MONEV_NOT_ASKED;
				continue;
			}
			v = rec->f[icol[i]];
			if (results && !strcmp(v, "\xE2\x80\x93")) {
				val[i] = MONEV_NOT_ASKED;
				continue;
			}
			if (s->ind[i].kind == MONEV_YESNO) {
				int k = yesno(v);

				if (k < 0) {
					bad_cell(d, name, rec->line, icol[i],
						 s->ind[i].column,
						 "not yes or no", v, 1);
					val[i] = MONEV_NOT_ANSWERED;
				} else {
					val[i] = k;
				}
			} else {
				long n;
				char tmp[64];
				size_t l = rec->len[icol[i]], k;

				/* the common case: a few digits */
				for (k = 0, n = 0; k < l && k < 9 &&
				     v[k] >= '0' && v[k] <= '9'; k++)
					n = n * 10 + (v[k] - '0');
				if (k == l && l > 0) {
					val[i] = (double)n;
					continue;
				}
				if (l < sizeof tmp) {
					memcpy(tmp, v, l + 1);
					ibm_trim(tmp);
					if (!*tmp)
						continue;
				}
				if (ibm_parse_count(v, &n) < 0) {
					bad_cell(d, name, rec->line, icol[i],
						 s->ind[i].column,
						 "not a count", v, 1);
					val[i] = MONEV_NOT_ANSWERED;
				} else {
					val[i] = (double)n;
				}
			}
		}
		d->rows[fi]++;
		d->total_rows++;
		in_period = !*d->want_period ||
			    strcmp(row.period, d->want_period) == 0;
		row.status = "";
		row.spelled = NULL;
		row.listed = 0;
		memcpy(form_id, row.id, sizeof form_id);
		if (in_period && d->list)
			check_listed(d, &row);
		row.unit = -1;
		if (in_period)
			add_unit(d, &row);
		else
			d->other_period_rows++;
		/* the Data sheet shows the unit as the form spells it */
		memcpy(row.id, form_id, MONEV_TANGGAL * sizeof *row.id);
		if (d->on_row)
			d->on_row(&row, d->arg);
	}
	free(icol);
	free(val);
	free(buf);
	if (got < 0)
		return ibm_csv_status(r) ? ibm_csv_status(r) : IBM_EX_DATAERR;
	return 0;
}

size_t monev_add_source(monev_data *d, const char *name)
{
	size_t fi;

	ibm_grow((void **)&d->files, &d->fcap, d->nfiles + 1,
		 sizeof *d->files);
	d->rows = ibm_xrealloc(d->rows, d->fcap * sizeof *d->rows);
	fi = d->nfiles++;
	d->files[fi] = ibm_xstrdup(name);
	d->rows[fi] = 0;
	return fi;
}

void monev_add_visit(monev_data *d, size_t source, const char *const *id,
		     const char *period, const double *val)
{
	monev_row row;

	memset(&row, 0, sizeof row);
	row.file = d->files[source];
	row.file_index = source;
	for (int i = 0; i < MONEV_NID; i++)
		row.id[i] = id[i];
	row.has_date = *id[MONEV_TANGGAL] &&
		       ibm_date_parse(id[MONEV_TANGGAL], &row.date) == 0;
	snprintf(row.period, sizeof row.period, "%s", period);
	row.val = val;
	row.status = "";
	if (d->list)
		check_listed(d, &row);
	d->rows[source]++;
	add_unit(d, &row);
}

int monev_natcmp(const char *a, const char *b)
{
	size_t i = 0;

	/* ibm_natcmp from the number or character where they differ: the
	 * keys share long prefixes (province, district, ...) */
	while (a[i] && a[i] == b[i])
		i++;
	i = ibm_utf8_floor(a, i);
	while (i > 0 && a[i - 1] >= '0' && a[i - 1] <= '9')
		i--;
	return ibm_natcmp(a + i, b + i);
}

static int cmp_unit(const void *pa, const void *pb)
{
	const monev_unit *a = pa, *b = pb;
	int c = monev_natcmp(a->sortkey, b->sortkey);

	return c ? c : strcmp(a->key, b->key);
}

/* Order: province, district, sub-district, village, unit, period. */
char *monev_sort_key(const char *const *id, const char *period)
{
	static const int order[] = { MONEV_PROV, MONEV_KAB, MONEV_KEC,
				     MONEV_DESA, MONEV_UNIT };
	char *k[5], *key;
	size_t n = strlen(period) + 6;

	for (int i = 0; i < 5; i++) {
		k[i] = monev_key(id[order[i]]);
		n += strlen(k[i]);
	}
	key = ibm_xmalloc(n);
	snprintf(key, n, "%s\x01%s\x01%s\x01%s\x01%s\x01%s", k[0], k[1], k[2],
		 k[3], k[4], period);
	for (int i = 0; i < 5; i++)
		free(k[i]);
	return key;
}

void monev_finish(monev_data *d)
{
	const monev_spec *s = d->spec;

	for (size_t i = 0; i < d->nunits; i++)
		d->units[i].sortkey = monev_sort_key(
			(const char *const *)d->units[i].id,
			d->units[i].period);
	if (d->nunits > 1)
		qsort(d->units, d->nunits, sizeof *d->units, cmp_unit);
	free(d->hash);
	d->hash = NULL;
	d->hcap = 0;
	for (size_t i = 0; i < d->nunits; i++) {
		monev_unit *u = &d->units[i];

		u->grp = ibm_xcalloc(s->ngrp + 1, sizeof *u->grp);
		u->phase = monev_score(s, u->val, u->grp, &u->total);
	}
	/* the periods present, in order ("2024-S1" sorts as text) */
	for (size_t i = 0; i < d->nunits; i++) {
		const char *p = d->units[i].period;
		size_t j = 0;

		while (j < d->nperiods && strcmp(d->periods[j], p) < 0)
			j++;
		if (j < d->nperiods && strcmp(d->periods[j], p) == 0)
			continue;
		d->periods = ibm_xrealloc(d->periods, (d->nperiods + 1) *
					  sizeof *d->periods);
		memmove(d->periods + j + 1, d->periods + j,
			(d->nperiods - j) * sizeof *d->periods);
		snprintf(d->periods[j], sizeof d->periods[j], "%s", p);
		d->nperiods++;
	}
}

void monev_data_free(monev_data *d)
{
	free(d->kbuf);
	for (size_t i = 0; i < d->nunits; i++) {
		for (int k = 0; k < MONEV_NID; k++)
			free(d->units[i].id[k]);
		free(d->units[i].key);
		free(d->units[i].spelled);
		free(d->units[i].sortkey);
		free(d->units[i].val);
		free(d->units[i].grp);
	}
	for (size_t i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->periods);
	free(d->files);
	free(d->rows);
	free(d->units);
	free(d->hash);
	memset(d, 0, sizeof *d);
}

/* The grouping key of unit u for field (see monev_aggregate). */
static char *group_key(const monev_unit *u, int field)
{
	static const int parts[] = { MONEV_PROV, MONEV_KAB, MONEV_KEC };
	char *b = NULL;
	size_t cap = 0, n = 0;

	if (field == MONEV_SATKER) {
		key_into(&b, &cap, &n, u->id[MONEV_SATKER]);
		return b;
	}
	for (int i = 0; i < 3; i++) {
		key_into(&b, &cap, &n, u->id[parts[i]]);
		b[n++] = '\x1f';
		b[n] = '\0';
		if (parts[i] == field)
			break;
	}
	return b;
}

typedef struct agg_ref {
	char *key;
	size_t unit;
} agg_ref;

static int cmp_ref(const void *pa, const void *pb)
{
	const agg_ref *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c ? c : (a->unit > b->unit) - (a->unit < b->unit);
}

monev_agg *monev_aggregate(const monev_data *d, int field, size_t *n)
{
	const monev_spec *s = d->spec;
	monev_agg *a = NULL;
	size_t cap = 0, na = 0;
	agg_ref *ref = ibm_xcalloc(d->nunits + 1, sizeof *ref);

	/* units are sorted by province, district, sub-district, ...: the
	 * sort only moves anything for offices */
	for (size_t i = 0; i < d->nunits; i++) {
		ref[i].key = group_key(&d->units[i], field);
		ref[i].unit = i;
	}
	if (field == MONEV_SATKER && d->nunits > 1)
		qsort(ref, d->nunits, sizeof *ref, cmp_ref);
	for (size_t r = 0; r < d->nunits; r++) {
		const monev_unit *u = &d->units[ref[r].unit];
		monev_agg *g;

		if (r == 0 || strcmp(ref[r - 1].key, ref[r].key) != 0) {
			ibm_grow((void **)&a, &cap, na + 1, sizeof *a);
			g = &a[na++];
			memset(g, 0, sizeof *g);
			g->prov = u->id[MONEV_PROV];
			g->kab = field == MONEV_KAB || field == MONEV_KEC
				? u->id[MONEV_KAB] : NULL;
			g->name = u->id[field];
			g->first = ref[r].unit;
			g->ind = ibm_xcalloc(s->nind + 1, sizeof *g->ind);
			g->ind_n = ibm_xcalloc(s->nind + 1, sizeof *g->ind_n);
			g->grp_mean = ibm_xcalloc(s->ngrp + 1,
						  sizeof *g->grp_mean);
			g->grp_n = ibm_xcalloc(s->ngrp + 1, sizeof *g->grp_n);
			g->phase_n = ibm_xcalloc(s->nph + 1,
						 sizeof *g->phase_n);
		}
		g = &a[na - 1];
		g->nunits++;
		for (size_t k = 0; k < s->nind; k++) {
			if (!monev_asked(u->val[k]))
				continue;
			g->ind_n[k]++;
			if (!isnan(u->val[k]))
				g->ind[k] += s->ind[k].kind == MONEV_YESNO
					? (u->val[k] > 0) : u->val[k];
		}
		for (size_t k = 0; k < s->ngrp; k++)
			if (!isnan(u->grp[k])) {
				g->grp_mean[k] += u->grp[k];
				g->grp_n[k]++;
			}
		if (!isnan(u->total)) {
			g->total_mean += u->total;
			g->total_n++;
		}
		g->phase_n[u->phase < 0 ? s->nph : (size_t)u->phase]++;
	}
	for (size_t r = 0; r < d->nunits; r++)
		free(ref[r].key);
	free(ref);
	for (size_t i = 0; i < na; i++) {
		for (size_t k = 0; k < s->ngrp; k++)
			a[i].grp_mean[k] = a[i].grp_n[k]
				? a[i].grp_mean[k] / (double)a[i].grp_n[k]
				: NAN;
		a[i].total_mean = a[i].total_n
			? a[i].total_mean / (double)a[i].total_n : NAN;
	}
	*n = na;
	return a;
}

void monev_view_period(const monev_data *d, const char *period,
		       monev_data *view)
{
	size_t m = 0;

	*view = *d;
	view->units = ibm_xcalloc(d->nunits + 1, sizeof *view->units);
	for (size_t i = 0; i < d->nunits; i++)
		if (strcmp(d->units[i].period, period) == 0)
			view->units[m++] = d->units[i];
	view->nunits = m;
	view->ucap = m;
	view->hash = NULL;
	view->hcap = 0;
	view->kbuf = NULL;
	view->periods = NULL;
	view->nperiods = 0;
	for (size_t i = 0; i < d->nperiods; i++)
		if (strcmp(d->periods[i], period) == 0) {
			view->periods = d->periods + i;
			view->nperiods = 1;
		}
}

void monev_view_free(monev_data *view)
{
	free(view->units);
	memset(view, 0, sizeof *view);
}

void monev_agg_free(monev_agg *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(a[i].ind);
		free(a[i].ind_n);
		free(a[i].grp_mean);
		free(a[i].grp_n);
		free(a[i].phase_n);
	}
	free(a);
}

/* ------------------------------------------------ groups x periods */

char *monev_group_key(const monev_data *d, const monev_agg *a, int field)
{
	return group_key(&d->units[a->first], field);
}

typedef struct ptable_priv {
	monev_data *view;       /* one per period */
	monev_agg **agg;
	size_t *nagg;
} ptable_priv;

void monev_ptable_build(const monev_data *d, int field, monev_ptable *t)
{
	size_t np = d->nperiods, *next = ibm_xcalloc(np + 1, sizeof *next);
	ptable_priv *pv = ibm_xcalloc(1, sizeof *pv);
	char ***keys = ibm_xcalloc(np + 1, sizeof *keys);
	size_t cap = 0;

	memset(t, 0, sizeof *t);
	t->np = np;
	t->priv = pv;
	pv->view = ibm_xcalloc(np + 1, sizeof *pv->view);
	pv->agg = ibm_xcalloc(np + 1, sizeof *pv->agg);
	pv->nagg = ibm_xcalloc(np + 1, sizeof *pv->nagg);
	for (size_t p = 0; p < np; p++) {
		monev_view_period(d, d->periods[p], &pv->view[p]);
		pv->agg[p] = monev_aggregate(&pv->view[p], field,
					     &pv->nagg[p]);
		keys[p] = ibm_xcalloc(pv->nagg[p] + 1, sizeof *keys[p]);
		for (size_t i = 0; i < pv->nagg[p]; i++)
			keys[p][i] = monev_group_key(&pv->view[p],
						     &pv->agg[p][i], field);
	}
	/* merge the per-period lists, each in group order */
	for (;;) {
		const char *min = NULL;

		for (size_t p = 0; p < np; p++)
			if (next[p] < pv->nagg[p] &&
			    (!min || strcmp(keys[p][next[p]], min) < 0))
				min = keys[p][next[p]];
		if (!min)
			break;
		ibm_grow((void **)&t->cell, &cap, (t->ng + 1) * np,
			 sizeof *t->cell);
		for (size_t p = 0; p < np; p++) {
			const monev_agg **c = &t->cell[t->ng * np + p];

			*c = NULL;
			if (next[p] < pv->nagg[p] &&
			    strcmp(keys[p][next[p]], min) == 0)
				*c = &pv->agg[p][next[p]++];
		}
		t->ng++;
	}
	for (size_t p = 0; p < np; p++) {
		for (size_t i = 0; i < pv->nagg[p]; i++)
			free(keys[p][i]);
		free(keys[p]);
	}
	free(keys);
	free(next);
}

void monev_ptable_free(monev_ptable *t)
{
	ptable_priv *pv = t->priv;

	for (size_t p = 0; pv && p < t->np; p++) {
		monev_agg_free(pv->agg[p], pv->nagg[p]);
		monev_view_free(&pv->view[p]);
	}
	if (pv) {
		free(pv->view);
		free(pv->agg);
		free(pv->nagg);
		free(pv);
	}
	free(t->cell);
	memset(t, 0, sizeof *t);
}
