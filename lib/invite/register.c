/*
 * register.c - the register of outgoing letters (buku agenda surat
 * keluar) of --register: a CSV file with the columns tanggal, jenis, urut,
 * nomor, kepada, hal (English aliases: date, type, counter, number,
 * addressee, subject; other columns are kept and left empty in new lines).
 *
 * A run opens the register (created if missing, and removed again if the
 * run fails or issues nothing), takes an exclusive lock on it (flock
 * LOCK_EX: a lock of the open file, which other opens and closes of the
 * same file by this process, as in reading it, do not release, as they
 * would an fcntl lock; after the wait the file is opened again if it was
 * replaced meanwhile; "waiting for the register lock" after a second),
 * reads it whole, and keeps the lock until the process ends, so that the
 * next run reads what this one appended. New lines are appended to a copy
 * of the file's bytes written through the run's atomic outputs: the
 * register is replaced only when the whole run succeeds, and never half
 * written; where it cannot be renamed over (Windows, where the run holds
 * it open; a bind-mounted file) it is written in place under the lock.
 * Counters are per type and year of the letter date: the next number is
 * one after the highest urut of the type and year (a line without urut
 * counts by its number, read back through the number pattern). Text that
 * a spreadsheet would run as a formula is written with a leading
 * apostrophe, as --excel does, since offices open the register in Excel.
 */
#define _POSIX_C_SOURCE 200809L
#include "invite.h"
#include "port.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { R_TANGGAL, R_JENIS, R_URUT, R_NOMOR, R_KEPADA, R_HAL, R_NF };

const ibm_colspec inv_register_specs[R_NF] = {
	{ "tanggal|date|tgl|tanggal surat", 1 },
	{ "jenis|type|jenis surat|tipe", 1 },
	{ "urut|counter|no urut|nomor urut|n", 0 },
	{ "nomor|number|nomor surat|letter number|no surat", 1 },
	{ "kepada|addressee|tujuan|yth|to", 0 },
	{ "hal|subject|perihal", 0 },
};

typedef struct entry {
	char *f[R_NF];    /* kepada, hal, nomor without a formula guard */
	ibm_date date;
	int year;
	long n;           /* urut; 0 when not known */
	long line;        /* in the file; 0 for new lines */
} entry;

struct inv_register {
	char *path;
	int fd;
	char *data;       /* the file's bytes */
	size_t len;
	int delim;
	int cp1252;       /* the file is in Windows-1252 (saved by Excel) */
	const char *eol;
	size_t ncols;     /* of the file's header */
	int idx[R_NF];
	entry *e;
	size_t n, cap, old; /* entries; the first old ones are the file's */
	/* the entries' keys (index_entries), so that a run of n letters
	 * against a register of m lines takes n + m steps, not n * m: */
	size_t indexed;   /* entries [0, indexed) are in the maps */
	char **keys;      /* 3 per indexed entry (owned; NULL when none) */
	ibm_strmap letter; /* year, jenis, kepada, hal -> first entry */
	ibm_strmap nomor;  /* nomor -> first entry */
	ibm_strmap urut;   /* urut > 0, year, jenis -> first entry */
	struct last { char *jenis; int year; char *pattern; long max; } *last;
	size_t nlast, caplast; /* last_counter's answers, kept up to date */
};

static void waiting(const char *path)
{
	ibm_warn(path, 0, "waiting for the register lock held by another "
		 "run");
}

/* Lock the register, reopening it when another run replaced it while we
 * waited; the descriptor stays open (and locked) until the process
 * ends. A register made here is removed again unless the run saves
 * lines into it. */
static int lock_register(const char *path)
{
	int made = 0, fd = ibm_lock_open(path, &made, waiting);

	if (fd == -2)
		ibm_die(IBM_EX_NOINPUT, path, 0, "the register is not a "
			"regular file (a FIFO, socket, device or folder is "
			"never one)");
	if (fd < 0)
		ibm_die_errno(errno == ENOENT ? IBM_EX_NOINPUT :
			      IBM_EX_CANTCREAT, path,
			      "cannot open and lock the register");
	if (made)
		ibm_out_made_file(path);
	return fd;
}

/* A register value as a spreadsheet shows it: a formula's text gets a
 * leading apostrophe (ibmkit(7), Formulas in CSV). Malloc'd. */
static char *guard(const char *s)
{
	char *g;

	if (!ibm_csv_formula_like(s, strlen(s)))
		return ibm_xstrdup(s);
	g = ibm_xmalloc(strlen(s) + 2);
	g[0] = '\'';
	strcpy(g + 1, s);
	return g;
}

/* The value a guarded cell stands for (the register's own lines). */
static char *unguard(const char *s)
{
	if (s[0] == '\'' && ibm_csv_formula_like(s + 1, strlen(s + 1)))
		s++;
	return ibm_xstrdup(s);
}

static void put_field(int delim, char **o, size_t *len, size_t *cap,
		      const char *s)
{
	int q = strchr(s, delim) || strchr(s, '"') || strchr(s, '\n') ||
		strchr(s, '\r');
	size_t need = *len + 2 * strlen(s) + 4;

	ibm_grow((void **)o, cap, need, 1);
	if (q)
		(*o)[(*len)++] = '"';
	for (; *s; s++) {
		if (*s == '"')
			(*o)[(*len)++] = '"';
		(*o)[(*len)++] = *s;
	}
	if (q)
		(*o)[(*len)++] = '"';
}

/* Read r->data into entries: 0 or the exit status (printed). */
static int parse(inv_register *r)
{
	ibm_csv_opts o = { 0 };
	ibm_csv *c;
	const ibm_rec *rec;
	int st;

	r->delim = ',';
	r->eol = "\n";
	for (int k = 0; k < R_NF; k++)
		r->idx[k] = k;
	r->ncols = R_NF;
	if (r->len == 0)
		return 0;
	o.allow_empty = 1;
	c = ibm_csv_open_mem(r->path, r->data, r->len, &o, &st);
	if (!c)
		return st;
	{
		ibm_csv_info info;

		ibm_csv_get_info(c, &info);
		r->delim = info.delim;
		r->eol = info.eol == IBM_EOL_CRLF ? "\r\n" :
			 info.eol == IBM_EOL_CR ? "\r" : "\n";
	}
	rec = ibm_csv_header(c);
	r->ncols = rec->n;
	if (ibm_col_resolve(r->path, 1, rec, inv_register_specs, R_NF, r->idx) != 0) {
		ibm_csv_close(c);
		return IBM_EX_DATAERR;
	}
	while ((st = ibm_csv_read(c, &rec)) == 1) {
		entry *e;
		ibm_date d;
		long line = rec->line;

		ibm_grow((void **)&r->e, &r->cap, r->n + 1, sizeof *r->e);
		e = &r->e[r->n++];
		memset(e, 0, sizeof *e);
		for (int k = 0; k < R_NF; k++)
			e->f[k] = unguard(r->idx[k] >= 0 ?
					  rec->f[r->idx[k]] : "");
		e->line = line;
		if (!e->f[R_NOMOR][0] && !e->f[R_JENIS][0]) {
			r->n--; /* an empty line */
			for (int k = 0; k < R_NF; k++)
				free(e->f[k]);
			continue;
		}
		if (ibm_date_parse(e->f[R_TANGGAL], &d) != 0) {
			ibm_error(r->path, line, "tanggal: not a date: %s",
				  e->f[R_TANGGAL]);
			ibm_csv_close(c);
			return IBM_EX_DATAERR;
		}
		e->year = d.y;
		e->date = d;
		if (e->f[R_URUT][0] &&
		    (ibm_parse_count(e->f[R_URUT], &e->n) != 0 || e->n < 1)) {
			ibm_error(r->path, line, "urut: not a number: %s",
				  e->f[R_URUT]);
			ibm_csv_close(c);
			return IBM_EX_DATAERR;
		}
	}
	if (st < 0) {
		st = ibm_csv_status(c);
		ibm_csv_close(c);
		return st;
	}
	{
		ibm_csv_info info;

		/* known once every line is read */
		ibm_csv_get_info(c, &info);
		r->cp1252 = info.cp1252;
	}
	ibm_csv_close(c);
	r->old = r->n;
	return 0;
}

inv_register *inv_register_open(const char *path)
{
	inv_register *r = ibm_xcalloc(1, sizeof *r);
	char why[256];
	int st;

	r->path = ibm_xstrdup(path);
	r->fd = lock_register(path);
	st = ibm_read_file(path, IBM_LIMIT_REGISTER, IBM_READ_REGULAR,
			   &r->data, &r->len, why, sizeof why);
	if (st == IBM_EX_DATAERR)
		ibm_die(st, path, 0, "%s: a register this large makes every "
			"run slow; keep it as it is and begin a new one (the "
			"counters are per year)", why);
	if (st)
		ibm_die(st, path, 0, "%s", why);
	if ((st = parse(r)) != 0)
		exit(st);
	return r;
}

int inv_register_parse(const char *name, const char *data, size_t len,
		       inv_register **out)
{
	inv_register *r = ibm_xcalloc(1, sizeof *r);
	int st;

	r->path = ibm_xstrdup(name);
	r->fd = -1;
	r->data = ibm_xstrndup(data, len);
	r->len = len;
	if ((st = parse(r)) != 0) {
		inv_register_free(r);
		return st;
	}
	*out = r;
	return 0;
}

static entry *add_entry(inv_register *r, const char *type, long n,
			const char *nomor, ibm_date date, const char *kepada,
			const char *hal)
{
	entry *e;
	char iso[16];

	ibm_grow((void **)&r->e, &r->cap, r->n + 1, sizeof *r->e);
	e = &r->e[r->n++];
	memset(e, 0, sizeof *e);
	ibm_date_iso(iso, sizeof iso, date);
	e->f[R_TANGGAL] = ibm_xstrdup(iso);
	e->date = date;
	e->f[R_JENIS] = ibm_xstrdup(type);
	e->f[R_URUT] = ibm_xmalloc(24);
	if (n > 0)
		snprintf(e->f[R_URUT], 24, "%ld", n);
	else
		e->f[R_URUT][0] = '\0';
	e->f[R_NOMOR] = ibm_xstrdup(nomor);
	e->f[R_KEPADA] = ibm_xstrdup(kepada);
	e->f[R_HAL] = ibm_xstrdup(hal);
	e->year = date.y;
	e->n = n;
	return e;
}

/* The keys of entry e under which ibm_casecmp's equality is byte
 * equality (ibm_lower: ASCII and Latin-1 letters folded, other bytes
 * kept), each field prefixed with its length. */
static char *letter_key(int year, const char *jenis, const char *kepada,
			const char *hal)
{
	char *j = ibm_lower(jenis), *k = ibm_lower(kepada), *h = ibm_lower(hal);
	char *key = ibm_xfmt("%d|%zu:%s%zu:%s%s", year, strlen(j), j,
			     strlen(k), k, h);

	free(j);
	free(k);
	free(h);
	return key;
}

static char *urut_key(long n, int year, const char *jenis)
{
	char *j = ibm_lower(jenis);
	char *key = ibm_xfmt("%ld|%d|%s", n, year, j);

	free(j);
	return key;
}

/* The highest counter of an entry of the type and year (k: its urut, or
 * its number read through pattern). */
static long entry_counter(const entry *e, const char *pattern)
{
	long k = e->n;

	if (k <= 0 && pattern)
		k = inv_number_counter(pattern, e->f[R_NOMOR], e->date);
	return k;
}

/* Add the entries not yet in the maps: their keys, and their counters to
 * the counters already asked for. */
static void index_entries(inv_register *r)
{
	if (r->letter.cap == 0) {
		ibm_strmap_init(&r->letter, r->n + 16);
		ibm_strmap_init(&r->nomor, r->n + 16);
		ibm_strmap_init(&r->urut, r->n + 16);
	}
	if (r->n > r->indexed)
		r->keys = ibm_xrealloc(r->keys, r->n * 3 * sizeof *r->keys);
	for (size_t i = r->indexed; i < r->n; i++) {
		const entry *e = &r->e[i];
		char **k = &r->keys[3 * i];

		k[0] = letter_key(e->year, e->f[R_JENIS], e->f[R_KEPADA],
				  e->f[R_HAL]);
		ibm_strmap_put(&r->letter, k[0], i);
		k[1] = ibm_lower(e->f[R_NOMOR]);
		ibm_strmap_put(&r->nomor, k[1], i);
		k[2] = e->n > 0 ? urut_key(e->n, e->year, e->f[R_JENIS]) : NULL;
		if (k[2])
			ibm_strmap_put(&r->urut, k[2], i);
		for (size_t l = 0; l < r->nlast; l++) {
			struct last *c = &r->last[l];
			long n;

			if (e->year != c->year ||
			    ibm_casecmp(e->f[R_JENIS], c->jenis) != 0)
				continue;
			n = entry_counter(e, c->pattern);
			if (n > c->max)
				c->max = n;
		}
	}
	r->indexed = r->n;
}

/* The first entry that holds this number (type and year with the same
 * urut, or the same letter number), or NULL. */
static const entry *holder(const inv_register *r, const char *type, int year,
			   long n, const char *nomor)
{
	char *k = ibm_lower(nomor);
	size_t i = ibm_strmap_get(&r->nomor, k);

	free(k);
	if (n > 0) {
		size_t j;

		k = urut_key(n, year, type);
		j = ibm_strmap_get(&r->urut, k);
		free(k);
		if (j != IBM_STRMAP_NONE && (i == IBM_STRMAP_NONE || j < i))
			i = j;
	}
	return i == IBM_STRMAP_NONE ? NULL : &r->e[i];
}

/* The highest counter of the type's letters of year (a line without
 * urut by its number read through pattern): one pass over the register
 * the first time a type, year and pattern is asked for, then kept up to
 * date by index_entries. */
static long last_counter(inv_register *r, const char *type, int year,
			 const char *pattern)
{
	struct last *c;

	for (size_t l = 0; l < r->nlast; l++) {
		c = &r->last[l];
		if (c->year == year && ibm_casecmp(c->jenis, type) == 0 &&
		    (c->pattern && pattern ? strcmp(c->pattern, pattern) == 0 :
		     c->pattern == pattern))
			return c->max;
	}
	ibm_grow((void **)&r->last, &r->caplast, r->nlast + 1, sizeof *r->last);
	c = &r->last[r->nlast++];
	c->jenis = ibm_xstrdup(type);
	c->year = year;
	c->pattern = pattern ? ibm_xstrdup(pattern) : NULL;
	c->max = 0;
	for (size_t i = 0; i < r->n; i++) {
		const entry *e = &r->e[i];
		long k;

		if (e->year != year || ibm_casecmp(e->f[R_JENIS], type) != 0)
			continue;
		k = entry_counter(e, pattern);
		if (k > c->max)
			c->max = k;
	}
	return c->max;
}

int inv_register_issue(inv_register *r, const char *type, const char *key,
		       const char *pattern, const char *whole, long first,
		       ibm_date date, const char *kepada, const char *hal,
		       char **out)
{
	long n = first;
	char *nomor;
	const entry *h;

	*out = NULL;
	if (r->idx[R_KEPADA] < 0 || r->idx[R_HAL] < 0) {
		/* new lines without them could not be found again: a re-run
		 * would give the same letters new numbers */
		ibm_error(r->path, 0, "the register has no %s column (%s): "
			  "add it, so that a run finds the letters it numbered",
			  r->idx[R_KEPADA] < 0 ? "kepada" : "hal",
			  r->idx[R_KEPADA] < 0 ? inv_register_specs[R_KEPADA].aliases :
						 inv_register_specs[R_HAL].aliases);
		return IBM_EX_DATAERR;
	}
	index_entries(r);
	/* the same letter again: its number */
	{
		char *k = letter_key(date.y, type, kepada, hal);
		size_t i = ibm_strmap_get(&r->letter, k);

		free(k);
		if (i != IBM_STRMAP_NONE) {
			*out = ibm_xstrdup(r->e[i].f[R_NOMOR]);
			return 0;
		}
	}
	if (whole) {
		n = 0;
		nomor = ibm_xstrdup(whole);
	} else {
		if (n <= 0) {
			n = last_counter(r, type, date.y, pattern);
			if (n == LONG_MAX) {
				ibm_error(r->path, 0, "the counter of %s "
					  "letters of %d is at its limit (%ld): "
					  "set %s to a whole number", type,
					  date.y, n, key);
				return IBM_EX_DATAERR;
			}
			n++;
		}
		nomor = inv_number_format(pattern, n, date);
		if (!nomor) {
			ibm_error(NULL, 0, "%s: the number pattern needs {n} "
				  "or {n:WIDTH}: %s", key, pattern);
			return IBM_EX_DATAERR;
		}
	}
	h = holder(r, type, date.y, n, nomor);
	if (h) {
		if ((size_t)(h - r->e) < r->old)
			ibm_error(r->path, h->line, "number %s is already "
				  "issued to %s (%s); %s would issue %s to %s "
				  "again: set another first number or none",
				  h->f[R_NOMOR], h->f[R_KEPADA], h->f[R_HAL],
				  key, nomor, kepada);
		else
			ibm_error(r->path, 0, "number %s would be issued "
				  "twice in this run (to %s and to %s)", nomor,
				  h->f[R_KEPADA], kepada);
		free(nomor);
		return IBM_EX_DATAERR;
	}
	add_entry(r, type, n, nomor, date, kepada, hal);
	index_entries(r);
	*out = nomor;
	return 0;
}

char *inv_register_number(inv_register *r, const char *type,
			  const char *key, const char *pattern,
			  const char *whole, long first, ibm_date date,
			  const char *kepada, const char *hal)
{
	char *nomor;
	int st = inv_register_issue(r, type, key, pattern, whole, first, date,
				    kepada, hal, &nomor);

	if (st)
		exit(st);
	return nomor;
}

/* One new line's field: a formula guarded, then quoted as needed. */
static void put_value(int delim, char **o, size_t *len, size_t *cap,
		      const char *v)
{
	char *g = guard(v);

	put_field(delim, o, len, cap, g);
	free(g);
}

char *inv_register_render(const inv_register *r, size_t *lenp)
{
	char *o = NULL;
	size_t len = 0, cap = 0;
	static const char *const head[R_NF] = { "tanggal", "jenis", "urut",
		"nomor", "kepada", "hal" };

	if (r->n == r->old)
		return NULL; /* nothing issued: the register stays as it is */
	size_t first;

	ibm_grow((void **)&o, &cap, r->len + 3, 1);
	if (r->len) {
		memcpy(o, r->data, r->len);
		len = r->len;
		if (o[len - 1] != '\n' && o[len - 1] != '\r')
			for (const char *s = r->eol; *s; s++)
				o[len++] = *s;
	} else {
		for (int k = 0; k < R_NF; k++) {
			if (k) {
				ibm_grow((void **)&o, &cap, len + 2, 1);
				o[len++] = ',';
			}
			put_field(',', &o, &len, &cap, head[k]);
		}
		ibm_grow((void **)&o, &cap, len + 3, 1);
		o[len++] = '\n';
	}
	first = len;
	for (size_t i = r->old; i < r->n; i++) {
		for (size_t c = 0; c < r->ncols; c++) {
			const char *v = "";

			for (int k = 0; k < R_NF; k++)
				if (r->idx[k] == (int)c)
					v = r->e[i].f[k];
			if (c) {
				ibm_grow((void **)&o, &cap, len + 2, 1);
				o[len++] = (char)r->delim;
			}
			put_value(r->delim, &o, &len, &cap, v);
		}
		ibm_grow((void **)&o, &cap, len + 3, 1);
		for (const char *s = r->eol; *s; s++)
			o[len++] = *s;
	}
	if (r->cp1252) {
		/* new lines in the file's own encoding, as Excel reads it */
		size_t n, lost;
		char *c = ibm_utf8_to_cp1252(o + first, len - first, &n, &lost);

		if (lost)
			ibm_warn(r->path, 0, "the register is in Windows-1252 "
				 "(as Excel saves CSV), which has not %zu of "
				 "the characters of the new lines: written as "
				 "'?'", lost);
		memcpy(o + first, c, n); /* n <= len - first */
		len = first + n;
		free(c);
	}
	*lenp = len;
	return o;
}

void inv_register_save(inv_register *r, inv_outs *outs)
{
	size_t len;
	char *o = inv_register_render(r, &len);
	ibm_atomic *a;

	if (!o)
		return;
	a = ibm_atomic_open_locked(r->path);
	fwrite(o, 1, len, ibm_atomic_fp(a));
	free(o);
	inv_outs_add(outs, a);
}

inv_register *inv_register_new(const char *name)
{
	inv_register *r = ibm_xcalloc(1, sizeof *r);

	r->path = ibm_xstrdup(name);
	r->fd = -1;
	r->delim = ',';
	r->eol = "\n";
	for (int k = 0; k < R_NF; k++)
		r->idx[k] = k;
	r->ncols = R_NF;
	return r;
}

void inv_register_add_old(inv_register *r, const char *tanggal,
			  const char *jenis, long urut, const char *nomor,
			  const char *kepada, const char *hal)
{
	ibm_date d = { 0 };
	entry *e;

	if (!tanggal || ibm_date_parse(tanggal, &d) != 0)
		memset(&d, 0, sizeof d); /* counts by its number only */
	e = add_entry(r, jenis ? jenis : "", urut, nomor ? nomor : "", d,
		      kepada ? kepada : "", hal ? hal : "");
	free(e->f[R_TANGGAL]);
	e->f[R_TANGGAL] = ibm_xstrdup(tanggal ? tanggal : "");
	r->old = r->n;
}

void inv_register_each_new(const inv_register *r,
			   void (*fn)(void *arg, const char *const *f,
				      long urut),
			   void *arg)
{
	for (size_t i = r->old; i < r->n; i++)
		fn(arg, (const char *const *)r->e[i].f, r->e[i].n);
}

void inv_register_free(inv_register *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		for (int k = 0; k < R_NF; k++)
			free(r->e[i].f[k]);
	free(r->e);
	for (size_t i = 0; i < 3 * r->indexed; i++)
		free(r->keys[i]);
	free(r->keys);
	ibm_strmap_free(&r->letter);
	ibm_strmap_free(&r->nomor);
	ibm_strmap_free(&r->urut);
	for (size_t l = 0; l < r->nlast; l++) {
		free(r->last[l].jenis);
		free(r->last[l].pattern);
	}
	free(r->last);
	free(r->data);
	free(r->path);
	/* the descriptor, and with it the lock, stays until the process
	 * ends: the outputs are committed after this */
	free(r);
}
