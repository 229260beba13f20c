/*
 * register.c - the register of outgoing letters (buku agenda surat
 * keluar) of --register: a CSV file with the columns tanggal, jenis, urut,
 * nomor, kepada, hal (English aliases: date, type, counter, number,
 * addressee, subject; other columns are kept and left empty in new lines).
 *
 * A run opens the register, takes an exclusive lock on it (flock
 * LOCK_EX: a lock of the open file, which other opens and closes of the
 * same file by this process, as in reading it, do not release, as they
 * would an fcntl lock; after the wait the file is opened again if it was
 * replaced meanwhile), reads it whole, and keeps the lock until the
 * process ends, so that the next run reads what this one appended. New
 * lines are appended to a copy of the file's bytes written through the
 * run's atomic outputs: the register is replaced only when the whole run
 * succeeds, and never half written. Counters are per type and year of the
 * letter date: the next number is one after the highest urut of the type
 * and year.
 */
#define _POSIX_C_SOURCE 200809L
#include "invite.h"
#include "port.h"

#include <errno.h>
#include <fcntl.h>
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
	char *f[R_NF];
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
	const char *eol;
	size_t ncols;     /* of the file's header */
	int idx[R_NF];
	entry *e;
	size_t n, cap, old; /* entries; the first old ones are the file's */
};

/* Lock the register, reopening it when another run replaced it while we
 * waited; the descriptor stays open (and locked) until the process
 * ends. */
static int lock_register(const char *path)
{
	int fd = ibm_lock_open(path);

	if (fd == -2)
		ibm_die(IBM_EX_USAGE, path, 0, "the register is not a regular "
			"file");
	if (fd < 0)
		ibm_die_errno(errno == ENOENT ? IBM_EX_NOINPUT :
			      IBM_EX_CANTCREAT, path,
			      "cannot open and lock the register");
	return fd;
}

static void put_field(inv_register *r, char **o, size_t *len, size_t *cap,
		      const char *s)
{
	int q = strchr(s, r->delim) || strchr(s, '"') || strchr(s, '\n') ||
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
			e->f[k] = ibm_xstrdup(r->idx[k] >= 0 ?
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
	st = ibm_read_file(path, IBM_LIMIT_SPEC, IBM_READ_REGULAR, &r->data,
			   &r->len, why, sizeof why);
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

/* The entry that holds this number (type and year with the same urut, or
 * the same letter number), or NULL. */
static const entry *holder(const inv_register *r, const char *type, int year,
			   long n, const char *nomor)
{
	for (size_t i = 0; i < r->n; i++) {
		const entry *e = &r->e[i];

		if (ibm_casecmp(e->f[R_NOMOR], nomor) == 0 ||
		    (n > 0 && e->n == n && e->year == year &&
		     ibm_casecmp(e->f[R_JENIS], type) == 0))
			return e;
	}
	return NULL;
}

char *inv_register_number(inv_register *r, const char *type,
			  const char *key, const char *pattern,
			  const char *whole, long first, ibm_date date,
			  const char *kepada, const char *hal)
{
	long n = first;
	char *nomor;
	const entry *h;

	/* the same letter again: its number */
	for (size_t i = 0; i < r->n; i++) {
		const entry *e = &r->e[i];

		if (e->year == date.y && ibm_casecmp(e->f[R_JENIS], type) == 0 &&
		    ibm_casecmp(e->f[R_KEPADA], kepada) == 0 &&
		    ibm_casecmp(e->f[R_HAL], hal) == 0)
			return ibm_xstrdup(e->f[R_NOMOR]);
	}
	if (whole) {
		n = 0;
		nomor = ibm_xstrdup(whole);
	} else {
		if (n <= 0) {
			n = 0;
			for (size_t i = 0; i < r->n; i++)
				if (r->e[i].year == date.y && r->e[i].n > n &&
				    ibm_casecmp(r->e[i].f[R_JENIS], type) == 0)
					n = r->e[i].n;
			n++;
		}
		nomor = inv_number_format(pattern, n, date);
		if (!nomor)
			ibm_die(IBM_EX_DATAERR, NULL, 0, "%s: the number "
				"pattern needs {n} or {n:WIDTH}: %s", key,
				pattern);
	}
	h = holder(r, type, date.y, n, nomor);
	if (h) {
		if (h->line)
			ibm_die(IBM_EX_DATAERR, r->path, h->line, "number %s "
				"is already issued to %s (%s); %s would issue "
				"%s to %s again: set another first number or "
				"none", h->f[R_NOMOR], h->f[R_KEPADA],
				h->f[R_HAL], key, nomor, kepada);
		ibm_die(IBM_EX_DATAERR, r->path, 0, "number %s would be "
			"issued twice in this run (to %s and to %s)", nomor,
			h->f[R_KEPADA], kepada);
	}
	add_entry(r, type, n, nomor, date, kepada, hal);
	return nomor;
}

void inv_register_save(inv_register *r, inv_outs *outs)
{
	char *o = NULL;
	size_t len = 0, cap = 0;
	ibm_atomic *a;
	FILE *fp;
	static const char *const head[R_NF] = { "tanggal", "jenis", "urut",
		"nomor", "kepada", "hal" };

	if (r->n == r->old)
		return; /* nothing issued: the register stays as it is */
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
			put_field(r, &o, &len, &cap, head[k]);
		}
		ibm_grow((void **)&o, &cap, len + 3, 1);
		o[len++] = '\n';
	}
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
			put_field(r, &o, &len, &cap, v);
		}
		ibm_grow((void **)&o, &cap, len + 3, 1);
		for (const char *s = r->eol; *s; s++)
			o[len++] = *s;
	}
	a = ibm_atomic_open(r->path);
	fp = ibm_atomic_fp(a);
	fwrite(o, 1, len, fp);
	free(o);
	inv_outs_add(outs, a);
}

void inv_register_free(inv_register *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		for (int k = 0; k < R_NF; k++)
			free(r->e[i].f[k]);
	free(r->e);
	free(r->data);
	free(r->path);
	/* the descriptor, and with it the lock, stays until the process
	 * ends: the outputs are committed after this */
	free(r);
}
