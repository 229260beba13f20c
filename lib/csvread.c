/*
 * csvread.c - streaming CSV reader over libcsv.
 *
 * libcsv is a push parser that knows nothing of positions, so the input is
 * fed to it one physical line at a time: the parser's state before a line
 * tells whether a new record starts on it, which gives every record the
 * line it starts on. Fields are copied into the record, checked for NUL
 * bytes and UTF-8 (text that is not UTF-8 is taken as Windows-1252).
 */
#define _POSIX_C_SOURCE 200809L
#include "ibmkit.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUFSZ (256 * 1024)

/* libcsv's parser states (csv.c) */
#define ROW_NOT_BEGUN 0

typedef struct rec_buf {
	char *data;          /* field bytes, each NUL-terminated */
	size_t used, cap;
	size_t *off;         /* field offsets into data */
	size_t *len;
	size_t n, ncap;
	long line;
} rec_buf;

struct ibm_csv {
	char *name;
	int fd;
	int is_stdin;
	ibm_csv_opts opts;
	struct csv_parser p;
	int status;           /* exit status of the first fatal error */
	int failed;           /* a fatal error was reported */
	int at_eof;
	int finished;         /* csv_fini done */

	char *buf;            /* input buffer */
	size_t pos, end;
	int eol_char;         /* '\n', or '\r' for files with CR line ends */
	int last_eol;         /* last byte fed was a line end */
	int dirty;            /* the record being parsed had a line that is
				 not valid UTF-8 (its fields are checked) */
	long line;            /* line number of the next byte fed */
	long rec_start;       /* line where the record being parsed began */

	rec_buf cur;          /* record being parsed */
	rec_buf *done;        /* completed records (queue) */
	size_t ndone, donecap, head;
	rec_buf out;          /* record handed to the caller */
	char **outf;
	size_t outfcap;
	ibm_rec rec;

	ibm_rec header;
	rec_buf hdr;
	char **hdrf;
	size_t width;         /* fields in the header */
	int have_header;

	const char *mem;      /* ibm_csv_open_mem: the text, else NULL */
	size_t memlen, mempos;

	int warned_cp1252;
	long field_error_line; /* NUL byte seen in the current line */
	ibm_csv_info info;
};

static int is_space_none(unsigned char c)
{
	(void)c;
	return 0;
}

static int is_term(unsigned char c)
{
	return c == '\n' || c == '\r'; /* libcsv's own terminators too */
}

static void fail(ibm_csv *r, int status, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fail(ibm_csv *r, int status, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ibm_vmsg(1, r->name, line, fmt, ap);
	va_end(ap);
	if (!r->failed)
		r->status = status;
	r->failed = 1;
}

static void rec_add(ibm_csv *r, rec_buf *b, const char *s, size_t len)
{
	if (b->used + len + 1 > b->cap)
		ibm_grow((void **)&b->data, &b->cap, b->used + len + 1, 1);
	memcpy(b->data + b->used, s, len);
	b->data[b->used + len] = '\0';
	if (b->n + 1 > b->ncap) {
		size_t cap = b->ncap;

		/* off and len share one capacity */
		ibm_grow((void **)&b->off, &cap, b->n + 1, sizeof *b->off);
		b->len = ibm_xrealloc(b->len, cap * sizeof *b->len);
		b->ncap = cap;
	}
	b->off[b->n] = b->used;
	b->len[b->n] = len;
	b->n++;
	b->used += len + 1;
	(void)r;
}

static void on_field(void *s, size_t len, void *data)
{
	ibm_csv *r = data;
	const char *f = s ? s : "";

	if (r->failed)
		return;
	/* fields of records fed only as valid UTF-8 lines need no check */
	if (r->dirty && !ibm_utf8_valid(f, len)) {
		size_t ulen;
		char *u;

		if (r->opts.strict) {
			fail(r, IBM_EX_DATAERR, r->line,
			     "text is not valid UTF-8 (save the file as "
			     "\"CSV UTF-8\")");
			return;
		}
		if (!r->warned_cp1252) {
			ibm_warn(r->name, r->line,
				 "text is not valid UTF-8; reading it as "
				 "Windows-1252");
			r->warned_cp1252 = 1;
		}
		r->info.cp1252 = 1;
		u = ibm_cp1252_to_utf8(f, len, &ulen);
		rec_add(r, &r->cur, u, ulen);
		free(u);
		return;
	}
	rec_add(r, &r->cur, f, len);
}

static void on_record(int c, void *data)
{
	ibm_csv *r = data;
	rec_buf *b;

	(void)c;
	if (r->failed) {
		r->cur.n = r->cur.used = 0;
		return;
	}
	if (r->ndone + 1 > r->donecap) {
		size_t old = r->donecap;

		ibm_grow((void **)&r->done, &r->donecap, r->ndone + 1,
			 sizeof *r->done);
		memset(r->done + old, 0, (r->donecap - old) * sizeof *r->done);
	}
	b = &r->done[r->ndone++];
	/* swap buffers: the queue slot takes cur's storage */
	{
		rec_buf t = *b;

		*b = r->cur;
		r->cur = t;
		r->cur.n = r->cur.used = 0;
	}
	b->line = r->rec_start;
}

/* Count the line end a fed segment ends with. Segments are cut after the
 * file's line-end character ('\n', or '\r' in CR files), so a segment
 * holds at most one; in a CRLF file only the '\n' counts. */
static void count_lines(ibm_csv *r, const char *s, size_t n)
{
	if (s[n - 1] == r->eol_char)
		r->line++;
}

/* read(2) on the input, or a copy from the text of ibm_csv_open_mem. */
static ssize_t do_read(ibm_csv *r, char *buf, size_t n)
{
	size_t k;

	if (!r->mem)
		return read(r->fd, buf, n);
	k = r->memlen - r->mempos;
	if (k > n)
		k = n;
	memcpy(buf, r->mem + r->mempos, k);
	r->mempos += k;
	return (ssize_t)k;
}

static int fill(ibm_csv *r)
{
	ssize_t k;

	if (r->pos < r->end)
		return 1;
	if (r->at_eof)
		return 0;
	r->pos = r->end = 0;
	do
		k = do_read(r, r->buf, BUFSZ);
	while (k < 0 && errno == EINTR);
	if (k < 0) {
		fail(r, IBM_EX_IOERR, 0, "read error: %s", strerror(errno));
		r->at_eof = 1;
		return 0;
	}
	if (k == 0) {
		r->at_eof = 1;
		return 0;
	}
	r->end = (size_t)k;
	return 1;
}

/* Feed one line (or the rest of the buffer) to libcsv. */
static void feed_line(ibm_csv *r)
{
	const char *s = r->buf + r->pos;
	size_t avail = r->end - r->pos;
	const char *e = memchr(s, r->eol_char, avail);
	size_t n = e ? (size_t)(e - s) + 1 : avail;

	/* A record starts on this line if the parser is between records and
	 * the line is not just line ends (a CR file may have a CR-LF: its LF
	 * then begins the next segment). */
	if (r->p.pstate == ROW_NOT_BEGUN && r->cur.n == 0) {
		size_t i = 0;

		r->dirty = 0;
		while (i < n && is_term((unsigned char)s[i]))
			i++;
		if (i < n)
			r->rec_start = r->line;
	}
	if (memchr(s, '\0', n)) {
		fail(r, IBM_EX_DATAERR, r->line,
		     "NUL byte in the data (is this a binary file?)");
		count_lines(r, s, n);
		r->pos += n;
		return;
	}
	/* A line cut at the end of the buffer may end inside a character:
	 * then it is not valid here, and its fields are checked whole. */
	if (!r->dirty && !ibm_utf8_valid(s, n))
		r->dirty = 1;
	if (csv_parse(&r->p, s, n, on_field, on_record, r) != n &&
	    !r->failed)
		fail(r, IBM_EX_DATAERR, r->line, "malformed quoting (%s)",
		     csv_strerror(csv_error(&r->p)));
	count_lines(r, s, n);
	r->last_eol = is_term((unsigned char)s[n - 1]);
	r->pos += n;
}

static void finish(ibm_csv *r)
{
	if (r->finished)
		return;
	r->finished = 1;
	if (r->failed)
		return;
	if (csv_fini(&r->p, on_field, on_record, r) != 0 && !r->failed)
		fail(r, IBM_EX_DATAERR, r->rec_start,
		     "unterminated quoted field (a '\"' opened here is never "
		     "closed)");
}

/* Next raw record into r->out; 1, 0 at end, -1 on error. */
static int next_raw(ibm_csv *r)
{
	while (r->head >= r->ndone) {
		r->head = r->ndone = 0;
		if (r->failed)
			return -1;
		if (r->finished)
			return 0;
		if (!fill(r)) {
			if (r->failed)
				return -1;
			finish(r);
			continue;
		}
		feed_line(r);
	}
	if (r->failed)
		return -1;
	{
		rec_buf t = r->out;

		r->out = r->done[r->head];
		r->done[r->head] = t;
		r->head++;
	}
	return 1;
}

static void expose(ibm_csv *r, size_t width)
{
	rec_buf *b = &r->out;
	size_t n = b->n;

	while (b->n < width)
		rec_add(r, b, "", 0);
	ibm_grow((void **)&r->outf, &r->outfcap, b->n + 1, sizeof *r->outf);
	for (size_t i = 0; i < b->n; i++)
		r->outf[i] = b->data + b->off[i];
	r->rec.n = b->n;
	r->rec.f = r->outf;
	r->rec.len = b->len;
	r->rec.line = b->line;
	r->rec.given = n;
	if (n < width)
		r->info.short_records++;
}

/* Detect the delimiter from the header: the most frequent of , ; TAB |
 * outside quotes on the first record. */
static int detect_delim(const char *s, size_t n)
{
	static const char cands[] = { ',', ';', '\t', '|' };
	size_t count[4] = { 0 };
	int inq = 0, best = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '"')
			inq = !inq;
		else if (!inq && (c == '\n' || c == '\r'))
			break;
		else if (!inq)
			for (int k = 0; k < 4; k++)
				if (c == cands[k])
					count[k]++;
	}
	for (int k = 1; k < 4; k++)
		if (count[k] > count[best])
			best = k;
	return cands[best];
}

/* The first c in s[0..n) outside quotes (a line end inside a quoted
 * header name, as Excel writes for cells with line breaks, is not the
 * file's); if there is none, the first c at all. */
static const char *first_eol(const char *s, size_t n, char c)
{
	int inq = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			inq = !inq;
		else if (!inq && (s[i] == '\n' || s[i] == '\r'))
			return s[i] == c ? s + i : NULL;
	}
	return memchr(s, c, n);
}

static int read_header(ibm_csv *r)
{
	int k;
	const char *s;

	if (!fill(r)) {
		if (r->failed)
			return -1;
		if (r->opts.allow_empty)
			return 0;
		fail(r, IBM_EX_DATAERR, 0, "empty file (no header line)");
		return -1;
	}
	/* the first read may be short on a pipe: fill the buffer */
	while (!r->at_eof && r->end < BUFSZ) {
		ssize_t k2 = do_read(r, r->buf + r->end, BUFSZ - r->end);

		if (k2 < 0 && errno == EINTR)
			continue;
		if (k2 < 0) {
			fail(r, IBM_EX_IOERR, 0, "read error: %s",
			     strerror(errno));
			return -1;
		}
		if (k2 == 0) {
			r->at_eof = 1;
			break;
		}
		r->end += (size_t)k2;
	}
	s = r->buf;
	if (r->end >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		r->info.bom = 1;
		r->pos = 3;
	}
	s = r->buf + r->pos;
	{
		size_t n = r->end - r->pos;
		const char *cr = first_eol(s, n, '\r');
		const char *lf = first_eol(s, n, '\n');

		if (cr && (!lf || cr < lf))
			r->info.eol = (size_t)(cr - s) + 1 < n && cr[1] == '\n'
				? IBM_EOL_CRLF : IBM_EOL_CR;
		else if (lf)
			r->info.eol = IBM_EOL_LF;
		r->eol_char = r->info.eol == IBM_EOL_CR ? '\r' : '\n';
		if (r->opts.delim) {
			r->info.delim = r->opts.delim;
		} else {
			r->info.delim = detect_delim(s, n);
			r->info.delim_detected = 1;
		}
	}
	csv_set_delim(&r->p, (unsigned char)r->info.delim);
	k = next_raw(r);
	if (k < 0)
		return -1;
	if (k == 0) {
		if (r->opts.allow_empty)
			return 0;
		fail(r, IBM_EX_DATAERR, 0, "empty file (no header line)");
		return -1;
	}
	/* keep the header in its own buffer */
	{
		rec_buf t = r->hdr;

		r->hdr = r->out;
		r->out = t;
	}
	r->width = r->hdr.n;
	r->hdrf = ibm_xcalloc(r->width + 1, sizeof *r->hdrf);
	for (size_t i = 0; i < r->width; i++)
		r->hdrf[i] = r->hdr.data + r->hdr.off[i];
	r->header.n = r->width;
	r->header.f = r->hdrf;
	r->header.len = r->hdr.len;
	r->header.line = r->hdr.line;
	r->header.given = r->width;
	r->have_header = 1;
	/* duplicate names (after normalisation; empty names are allowed) */
	{
		char **keys = ibm_xcalloc(r->width + 1, sizeof *keys);
		int dup = 0;

		for (size_t i = 0; i < r->width; i++) {
			keys[i] = ibm_name_key(r->hdrf[i]);
			for (size_t j = 0; j < i && !dup; j++)
				if (keys[i][0] && strcmp(keys[i], keys[j]) == 0) {
					fail(r, IBM_EX_DATAERR, r->header.line,
					     "duplicate column name \"%s\" "
					     "(columns %zu and %zu)",
					     r->hdrf[i], j + 1, i + 1);
					dup = 1;
				}
		}
		for (size_t i = 0; i < r->width; i++)
			free(keys[i]);
		free(keys);
		if (dup)
			return -1;
	}
	return 1;
}

static ibm_csv *open_common(ibm_csv *r, int *status);

ibm_csv *ibm_csv_open(const char *path, const ibm_csv_opts *opts,
		      int *status)
{
	ibm_csv *r = ibm_xcalloc(1, sizeof *r);

	if (opts)
		r->opts = *opts;
	r->line = 1;
	r->rec_start = 1;
	r->eol_char = '\n';
	r->last_eol = 1;
	if (!path || strcmp(path, "-") == 0) {
		r->name = ibm_xstrdup("<stdin>");
		r->fd = 0;
		r->is_stdin = 1;
	} else {
		r->name = ibm_xstrdup(path);
		r->fd = open(path, O_RDONLY);
		if (r->fd < 0) {
			ibm_error(path, 0, "cannot open: %s", strerror(errno));
			free(r->name);
			free(r);
			if (status)
				*status = IBM_EX_NOINPUT;
			return NULL;
		}
	}
	return open_common(r, status);
}

ibm_csv *ibm_csv_open_mem(const char *name, const char *text, size_t len,
			  const ibm_csv_opts *opts, int *status)
{
	ibm_csv *r = ibm_xcalloc(1, sizeof *r);

	if (opts)
		r->opts = *opts;
	r->line = 1;
	r->rec_start = 1;
	r->eol_char = '\n';
	r->last_eol = 1;
	r->name = ibm_xstrdup(name);
	r->fd = -1;
	r->mem = text;
	r->memlen = len;
	return open_common(r, status);
}

static ibm_csv *open_common(ibm_csv *r, int *status)
{
	int k;

	r->buf = ibm_xmalloc(BUFSZ);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	csv_set_space_func(&r->p, is_space_none);
	k = read_header(r);
	if (k < 0) {
		if (status)
			*status = r->status;
		ibm_csv_close(r);
		return NULL;
	}
	if (status)
		*status = 0;
	return r;
}

ibm_csv *ibm_csv_xopen(const char *path, const ibm_csv_opts *opts)
{
	int status;
	ibm_csv *r = ibm_csv_open(path, opts, &status);

	if (!r)
		exit(status);
	return r;
}

const ibm_rec *ibm_csv_header(const ibm_csv *r)
{
	return &r->header;
}

const char *ibm_csv_name(const ibm_csv *r)
{
	return r->name;
}

int ibm_csv_read(ibm_csv *r, const ibm_rec **rec)
{
	for (;;) {
		int k;

		if (!r->have_header)
			return 0;
		k = next_raw(r);
		if (k <= 0) {
			if (k == 0 && r->info.records == 0 &&
			    r->info.bad_records == 0 && !r->opts.allow_empty) {
				fail(r, IBM_EX_DATAERR, 0,
				     "no records after the header line");
				return -1;
			}
			return k;
		}
		if (r->out.n > r->width) {
			if (r->opts.keep_going) {
				ibm_error(r->name, r->out.line,
					  "record has %zu fields, the header "
					  "has only %zu",
					  r->out.n, r->width);
				r->info.bad_records++;
				if (!r->status)
					r->status = IBM_EX_DATAERR;
				continue;
			}
			fail(r, IBM_EX_DATAERR, r->out.line,
			     "record has %zu fields, the header has only %zu",
			     r->out.n, r->width);
			return -1;
		}
		expose(r, r->width);
		r->info.records++;
		*rec = &r->rec;
		return 1;
	}
}

int ibm_csv_xread(ibm_csv *r, const ibm_rec **rec)
{
	int k = ibm_csv_read(r, rec);

	if (k < 0)
		exit(r->status ? r->status : IBM_EX_DATAERR);
	return k;
}

int ibm_csv_status(const ibm_csv *r)
{
	return r->status;
}

static void rec_free(rec_buf *b)
{
	free(b->data);
	free(b->off);
	free(b->len);
}

void ibm_csv_close(ibm_csv *r)
{
	if (!r)
		return;
	if (r->fd > 0)
		close(r->fd);
	csv_free(&r->p);
	rec_free(&r->cur);
	rec_free(&r->out);
	rec_free(&r->hdr);
	for (size_t i = 0; i < r->donecap; i++)
		rec_free(&r->done[i]);
	free(r->done);
	free(r->outf);
	free(r->hdrf);
	free(r->buf);
	free(r->name);
	free(r);
}

void ibm_csv_get_info(const ibm_csv *r, ibm_csv_info *info)
{
	*info = r->info;
	info->lines = r->line - 1 + (r->last_eol ? 0 : 1);
}

const char *ibm_csv_delim_name(int d)
{
	static char one[2];

	switch (d) {
	case ',': return "comma";
	case ';': return "semicolon";
	case '\t': return "tab";
	case '|': return "pipe";
	}
	one[0] = (char)d;
	return one;
}

int ibm_csv_parse_delim(const char *a)
{
	if (!a)
		return -1;
	if (strcmp(a, "tab") == 0 || strcmp(a, "\\t") == 0)
		return '\t';
	if (strcmp(a, "comma") == 0)
		return ',';
	if (strcmp(a, "semicolon") == 0)
		return ';';
	if (strcmp(a, "pipe") == 0)
		return '|';
	if (strlen(a) == 1 && a[0] != '"' && a[0] != '\n' && a[0] != '\r')
		return (unsigned char)a[0];
	return -1;
}
