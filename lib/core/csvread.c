/*
 * csvread.c - streaming CSV reader over libcsv.
 *
 * libcsv is a push parser that knows nothing of positions, so the input is
 * fed to it one physical line at a time: the parser's state before a line
 * tells whether a new record starts on it, which gives every record the
 * line it starts on. Fields are copied into the record, checked for NUL
 * bytes and UTF-8 (text that is not UTF-8 is taken as Windows-1252).
 *
 * A file that begins like a zip (or an OLE2 file) is handed to
 * xlsxread.c: its rows come in through next_raw like records. The header
 * may stand below title rows (find_header); records read while looking
 * for it wait in a queue (pend).
 */
#define _POSIX_C_SOURCE 200809L
#include "ibmkit.h"
#include "copy.h"
#include "port.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define BUFSZ (256 * 1024)
/* Room after the start of every field of a record; on_field's fast way
 * copies 32 bytes */
#define SLACK IBM_REC_SLACK
_Static_assert(SLACK >= 32, "on_field copies 32 bytes");

/* libcsv's parser states (csv.c) */
#define ROW_NOT_BEGUN 0

typedef struct rec_buf {
	char *data;          /* field bytes, each NUL-terminated */
	size_t used, cap;
	char **f;            /* the fields in data (room for n + 1) */
	size_t *len;
	size_t n, ncap;
	long line;
	int cut;             /* ended by the end of input, not a line end */
	int bold;            /* a workbook's row: every value in bold */
	size_t blk;          /* its block of columns (table_shape) */
} rec_buf;

struct ibm_csv {
	char *name;
	int fd;
	int is_stdin;
	ibm_csv_opts opts;
	char *own_sheet;      /* FILE.xlsx:SHEET's sheet (opts.sheet) */
	struct csv_parser p;
	int status;           /* exit status of the first fatal error */
	int failed;           /* a fatal error was reported */
	int at_eof;
	int finished;         /* csv_fini done */
	int in_fini;          /* inside csv_fini: a record ends unterminated */

	char *buf;            /* input buffer */
	size_t bufsz;         /* its size: BUFSZ, less for short text in
				 memory */
	size_t pos, end;
	size_t clean;         /* buf[..clean) is known to be ASCII without
				 NUL bytes */
	int eol_char;         /* '\n', or '\r' for files with CR line ends */
	int last_eol;         /* last byte fed was a line end */
	int dirty;            /* the record being parsed had a line that is
				 not valid UTF-8 (its fields are checked) */
	int slow;             /* failed or dirty: fields take the slow way */
	size_t flim, dlim;    /* on_field's fast way while cur.n < flim and
				 cur.used < dlim (see set_limits) */
	long line;            /* line number of the next byte fed */
	long rec_start;       /* line where the record being parsed began */

	rec_buf cur;          /* record being parsed */
	rec_buf *done;        /* completed records (queue) */
	size_t ndone, donecap, head;
	rec_buf out;          /* record handed to the caller */
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

	ibm_xlsxr *xl;        /* a workbook's sheet, else NULL */
	rec_buf *pend;        /* records read before the header was found */
	size_t npend, pendhead, pendcap;

	/* a workbook's table (table_shape) */
	rec_buf prev;         /* the row above the header (--header-row) */
	size_t col0;          /* the table's first column of the sheet */
	size_t ncol;          /* its columns; 0: up to the header's width */
	long last_line;       /* row of the last record (or the header) */
	int table_end;        /* a blank row ended the table */
	long tab_rows;        /* rows of the table read */
	/* the same header repeated beside itself: blocks of ncol columns
	 * starting at blk[]; the rows of blocks 1.. wait in bq and are read
	 * after the first block's (bqblk, bqpos: the next to read) */
#define BLK_MAX 8
	size_t nblk, blk[BLK_MAX];
	rec_buf *bq;
	size_t nbq, bqcap, bqblk, bqpos;
	int draining;
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
	r->slow = 1;
	r->flim = 0;
}

/* Make room in b for a field of len bytes, its NUL and SLACK bytes
 * after its start, and its pointer (and a NULL after it). The data moves
 * to a new buffer, so that the pointers of the fields already there can
 * be moved along. */
static void rec_room(rec_buf *b, size_t len)
{
	size_t need = b->used + len + 1 + SLACK;

	if (need > b->cap) {
		size_t c = b->cap < 1024 ? 1024 : b->cap;
		char *d;

		if (need < len)
			ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
		while (c < need) {
			if (c > ((size_t)-1) / 2)
				ibm_die(IBM_EX_SOFTWARE, NULL, 0,
					"out of memory");
			c *= 2;
		}
		d = ibm_xmalloc(c);
		if (b->used)
			memcpy(d, b->data, b->used);
		for (size_t i = 0; i < b->n; i++)
			b->f[i] = d + (b->f[i] - b->data);
		free(b->data);
		b->data = d;
		b->cap = c;
	}
	if (b->n + 2 > b->ncap) {
		size_t cap = b->ncap;

		/* f and len share one capacity */
		ibm_grow((void **)&b->f, &cap, b->n + 2, sizeof *b->f);
		b->len = ibm_xrealloc(b->len, cap * sizeof *b->len);
		b->ncap = cap;
	}
}

static inline void rec_add(rec_buf *b, const char *s, size_t len)
{
	char *d;

	if (b->used + len + 1 + SLACK > b->cap || b->n + 2 > b->ncap)
		rec_room(b, len);
	d = b->data + b->used;
	ibm_copy_bytes(d, s, len);
	d[len] = '\0';
	b->f[b->n] = d;
	b->len[b->n] = len;
	b->n++;
	b->used += len + 1;
}

/* on_field's limits for the fast way: room for a pointer (and the NULL
 * after it) and for 48 bytes, and no check needed. Set whenever cur,
 * its room or r->slow changes. */
static void set_limits(ibm_csv *r)
{
	r->flim = !r->slow && r->cur.ncap > 1 ? r->cur.ncap - 1 : 0;
	r->dlim = r->cur.cap > 47 ? r->cur.cap - 47 : 0;
}

/* A field of a record that had a line that is not valid UTF-8. */
static void on_field_dirty(ibm_csv *r, const char *f, size_t len)
{
	size_t ulen;
	char *u;

	if (ibm_utf8_valid(f, len)) {
		rec_add(&r->cur, f, len);
		return;
	}
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
	rec_add(&r->cur, u, ulen);
	free(u);
}

/* A field over IBM_LIMIT_FIELD bytes: a data error, not gigabytes of
 * memory. */
static void field_too_long(ibm_csv *r)
{
	char lim[32];

	fail(r, IBM_EX_DATAERR, r->rec_start, "a field is longer than %s "
	     "(a quote that is never closed, or not a CSV file?)",
	     ibm_size_text(lim, sizeof lim, IBM_LIMIT_FIELD));
}

/* on_field when the record needs room, or the field a check. */
static void __attribute__((noinline))
on_field_slow(ibm_csv *r, const char *s, size_t len)
{
	if (r->failed)
		return;
	if (len > IBM_LIMIT_FIELD) {
		field_too_long(r);
		return;
	}
	/* s is NULL only for an empty field */
	if (r->dirty)
		on_field_dirty(r, s ? s : "", len);
	else
		rec_add(&r->cur, s, len);
	set_limits(r);
}

static void on_field(void *s, size_t len, void *data)
{
	ibm_csv *r = data;
	rec_buf *b = &r->cur;
	size_t used = b->used, n = b->n;
	char *d;

	/* fields of records fed only as valid UTF-8 lines need no check */
	if (n >= r->flim) {
		on_field_slow(r, s, len);
		return;
	}
	d = b->data + used;
	if (used < r->dlim && len <= 32 && s == (void *)r->p.entry_buf &&
	    len + 32 <= r->p.entry_size) {
		/* a short field: one copy of 32 bytes whatever its length
		 * (no branch on it to mispredict); libcsv's buffer has the
		 * bytes, and ours the room */
		memcpy(d, s, 32);
	} else if (len <= IBM_LIMIT_FIELD && used + len + 1 + SLACK <= b->cap) {
		ibm_copy_bytes(d, s, len);
	} else {
		on_field_slow(r, s, len);
		return;
	}
	d[len] = '\0';
	b->f[n] = d;
	b->len[n] = len;
	b->n = n + 1;
	b->used = used + len + 1;
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
	b->cut = r->in_fini;
	set_limits(r);
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
	r->pos = r->end = r->clean = 0;
	do
		k = do_read(r, r->buf, r->bufsz);
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

/* Length of the longest prefix of s[0..n) that is ASCII without NUL
 * bytes. */
static size_t clean_prefix(const char *s, size_t n)
{
	size_t i = 0;

#if defined(__SSE2__)
	const __m128i z = _mm_setzero_si128();

	/* a byte is bad if its top bit is set or it is 0: OR the vectors
	 * for the top bits, take their (unsigned) minimum for the 0 */
	for (; i + 128 <= n; i += 128) {
		const char *p = s + i;
		__m128i a = _mm_loadu_si128((const void *)p);
		__m128i b = _mm_loadu_si128((const void *)(p + 16));
		__m128i c = _mm_loadu_si128((const void *)(p + 32));
		__m128i d = _mm_loadu_si128((const void *)(p + 48));
		__m128i e = _mm_loadu_si128((const void *)(p + 64));
		__m128i f = _mm_loadu_si128((const void *)(p + 80));
		__m128i g = _mm_loadu_si128((const void *)(p + 96));
		__m128i h = _mm_loadu_si128((const void *)(p + 112));
		__m128i o = _mm_or_si128(
			_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)),
			_mm_or_si128(_mm_or_si128(e, f), _mm_or_si128(g, h)));
		__m128i m = _mm_min_epu8(
			_mm_min_epu8(_mm_min_epu8(a, b), _mm_min_epu8(c, d)),
			_mm_min_epu8(_mm_min_epu8(e, f), _mm_min_epu8(g, h)));

		if (_mm_movemask_epi8(_mm_or_si128(o, _mm_cmpeq_epi8(m, z))))
			break;
	}
#endif
	/* w | (w - 0x01..01) has a top bit set iff a byte is 0 or >= 0x80 */
	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if ((w | (w - 0x0101010101010101ULL)) & 0x8080808080808080ULL)
			break;
	}
	while (i < n && s[i] != '\0' && !((unsigned char)s[i] & 0x80))
		i++;
	return i;
}

/* Feed one line (or the rest of the buffer) to libcsv. */
static void feed_line(ibm_csv *r)
{
	const char *s = r->buf + r->pos;
	size_t avail = r->end - r->pos;
	const char *e = memchr(s, r->eol_char, avail);
	size_t n = e ? (size_t)(e - s) + 1 : avail;
	int clean;

	/* most lines are plain ASCII: check the buffer a stretch at a
	 * time, again from the first line after a byte that is not */
	if (r->pos >= r->clean)
		r->clean = r->pos + clean_prefix(s, avail);
	clean = r->pos + n <= r->clean;

	/* A record starts on this line if the parser is between records and
	 * the line is not just line ends (a CR file may have a CR-LF: its LF
	 * then begins the next segment). */
	if (r->p.pstate == ROW_NOT_BEGUN && r->cur.n == 0) {
		size_t i = 0;

		r->dirty = 0;
		r->slow = r->failed;
		set_limits(r);
		while (i < n && is_term((unsigned char)s[i]))
			i++;
		if (i < n)
			r->rec_start = r->line;
	}
	if (!clean && memchr(s, '\0', n)) {
		fail(r, IBM_EX_DATAERR, r->line,
		     "NUL byte in the data (is this a binary file?)");
		count_lines(r, s, n);
		r->pos += n;
		return;
	}
	/* A line cut at the end of the buffer may end inside a character:
	 * then it is not valid here, and its fields are checked whole. */
	if (!clean && !r->dirty && !ibm_utf8_valid(s, n)) {
		r->dirty = r->slow = 1;
		set_limits(r);
	}
	if (csv_parse(&r->p, s, n, on_field, on_record, r) != n &&
	    !r->failed) {
		int err = csv_error(&r->p);

		if (err == CSV_ENOMEM || err == CSV_ETOOBIG)
			fail(r, IBM_EX_SOFTWARE, r->line, "out of memory");
		else
			fail(r, IBM_EX_DATAERR, r->line,
			     "malformed quoting (%s)", csv_strerror(err));
	}
	/* a field still being read (quoted over many lines, or a line
	 * longer than the buffer) */
	if (r->p.entry_pos > IBM_LIMIT_FIELD && !r->failed)
		field_too_long(r);
	count_lines(r, s, n);
	r->last_eol = is_term((unsigned char)s[n - 1]);
	r->pos += n;
}

static void finish(ibm_csv *r)
{
	int k;

	if (r->finished)
		return;
	r->finished = 1;
	if (r->failed)
		return;
	r->in_fini = 1;
	k = csv_fini(&r->p, on_field, on_record, r);
	r->in_fini = 0;
	if (k != 0 && !r->failed)
		fail(r, IBM_EX_DATAERR, r->rec_start,
		     "unterminated quoted field (a '\"' opened here is never "
		     "closed)");
}

/* Next raw record into r->out; 1, 0 at end, -1 on error. */
static int next_raw_csv(ibm_csv *r)
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

/* The next row of a workbook into r->out. */
static int next_row(ibm_csv *r)
{
	long row;
	size_t n;
	int k;

	if (r->failed)
		return -1;
	k = ibm_xlsxr_next(r->xl, &row, &n);
	if (k < 0) {
		r->failed = 1;
		if (!r->status)
			r->status = ibm_xlsxr_status(r->xl);
		return -1;
	}
	if (k == 0)
		return 0;
	r->out.n = r->out.used = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *c = ibm_xlsxr_cell(r->xl, i, &len);

		rec_add(&r->out, c, len);
	}
	r->out.line = row;
	r->out.bold = ibm_xlsxr_row_bold(r->xl);
	r->line = row + 1;
	return 1;
}

static int next_raw(ibm_csv *r)
{
	if (r->pendhead < r->npend) {
		rec_buf t = r->out;

		r->out = r->pend[r->pendhead];
		r->pend[r->pendhead++] = t;
		return 1;
	}
	return r->xl ? next_row(r) : next_raw_csv(r);
}

static void expose(ibm_csv *r, size_t width)
{
	rec_buf *b = &r->out;
	size_t n = b->n;

	while (b->n < width)
		rec_add(b, "", 0);
	if (b->n + 1 > b->ncap)
		rec_room(b, 0);
	b->f[b->n] = NULL;
	r->rec.n = b->n;
	r->rec.f = b->f;
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
	int inq = 0, best = 0, lines = 0;

	/* a title line above the header may hold none: then the next
	 * lines (up to IBM_HEADER_SEARCH) */
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '"') {
			inq = !inq;
		} else if (!inq && (c == '\n' || c == '\r')) {
			if (count[0] || count[1] || count[2] || count[3] ||
			    ++lines >= IBM_HEADER_SEARCH)
				break;
		} else if (!inq) {
			for (int k = 0; k < 4; k++)
				if (c == cands[k])
					count[k]++;
		}
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

/* Duplicate column names (after normalisation; empty names are
 * allowed): the first pair is an error. A hash set of the keys, so that
 * a header of 100,000 columns takes no longer than its reading. */
static int check_duplicates(ibm_csv *r)
{
	size_t n = r->width, cap = 16;
	char **keys = ibm_xcalloc(n + 1, sizeof *keys);
	size_t *slot;
	int dup = 0;

	while (cap < 2 * n + 2)
		cap *= 2;
	slot = ibm_xcalloc(cap, sizeof *slot); /* column + 1, 0 empty */
	for (size_t i = 0; i < n && !dup; i++) {
		uint64_t h = 1469598103934665603ULL;
		size_t j;

		keys[i] = ibm_name_key(r->hdrf[i]);
		if (!keys[i][0])
			continue;
		for (const char *c = keys[i]; *c; c++)
			h = (h ^ (unsigned char)*c) * 1099511628211ULL;
		for (j = (size_t)h & (cap - 1); slot[j];
		     j = (j + 1) & (cap - 1)) {
			size_t k = slot[j] - 1;

			if (strcmp(keys[k], keys[i]) == 0) {
				fail(r, IBM_EX_DATAERR, r->header.line,
				     "duplicate column name \"%s\" (columns "
				     "%zu and %zu)", r->hdrf[i], k + 1, i + 1);
				dup = 1;
				break;
			}
		}
		if (!dup)
			slot[j] = i + 1;
	}
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	free(slot);
	return dup ? -1 : 0;
}

static int find_header(ibm_csv *r);
static void rec_free(rec_buf *b);

static int read_header(ibm_csv *r)
{
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
	while (!r->at_eof && r->end < r->bufsz) {
		ssize_t k2 = do_read(r, r->buf + r->end, r->bufsz - r->end);

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
	if (ibm_xlsxr_sniff(r->buf, r->end) != IBM_SNIFF_NONE) {
		int st;

		r->xl = ibm_xlsxr_open(r->name, r->fd, r->mem, r->memlen,
				       r->buf, r->end, r->opts.sheet, &st);
		if (!r->xl) {
			r->failed = 1;
			r->status = st;
			return -1;
		}
		free(r->name);
		r->name = ibm_xstrdup(ibm_xlsxr_name(r->xl));
		r->info.workbook = 1;
		r->info.delim = ',';
		r->at_eof = 1;
		r->pos = r->end = 0;
		return find_header(r);
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
	return find_header(r);
}

/* Values (fields that are not blank) in b. */
static size_t values(const rec_buf *b)
{
	size_t v = 0;

	for (size_t i = 0; i < b->n; i++)
		if (b->len[i] && strspn(b->f[i], " \t\r\n") < b->len[i])
			v++;
	return v;
}

/* Without columns to look for, a workbook's first row that holds one
 * value is taken for a title (a CSV's header may be "a,,"). */
static int is_title(const ibm_csv *r, const rec_buf *b)
{
	return r->xl && values(b) <= 1;
}

/* Does b hold the columns of opts->need (every required one, and at
 * least one)? no_part: each by more than some of its header's words. */
static int holds_need(const ibm_csv *r, rec_buf *b, int no_part)
{
	ibm_rec h = { 0 };
	int any = 0;

	if (b->n + 1 > b->ncap)
		rec_room(b, 0);
	b->f[b->n] = NULL;
	h.n = h.given = b->n;
	h.f = b->f;
	h.len = b->len;
	{
		ibm_colfound *f = ibm_xcalloc(r->opts.nneed + 1, sizeof *f);

		ibm_col_match(&h, r->opts.need, r->opts.nneed, f, no_part);
		for (size_t i = 0; i < r->opts.nneed; i++) {
			int found = f[i].col >= 0;

			if (!found && r->opts.need[i].required) {
				any = 0;
				break;
			}
			any |= found;
		}
		free(f);
	}
	return any;
}

/* Put r->out in the queue of records read ahead. */
static void pend_out(ibm_csv *r)
{
	if (r->npend + 1 > r->pendcap) {
		size_t old = r->pendcap;

		ibm_grow((void **)&r->pend, &r->pendcap, r->npend + 1,
			 sizeof *r->pend);
		memset(r->pend + old, 0, (r->pendcap - old) * sizeof *r->pend);
	}
	{
		rec_buf t = r->pend[r->npend];

		r->pend[r->npend++] = r->out;
		r->out = t;
	}
}

/* Take queued record i as the header (in r->out); the ones before it are
 * dropped, the ones after it stay queued. */
static void pend_take(ibm_csv *r, size_t i)
{
	rec_buf t = r->out;

	r->out = r->pend[i];
	r->pend[i] = t;
	r->pendhead = i + 1;
}

/*
 * Below a workbook's title rows: the header is the row with the most
 * values of the first block (rows without a blank row between them) that
 * has a row of more than one value with a row below it; a block of one
 * row (a legend "Periode | Semester I") is passed over. 0: none.
 */
static size_t first_table(ibm_csv *r)
{
	size_t i = 1;

	while (i < r->npend && r->pend[i].line <= IBM_HEADER_SEARCH) {
		size_t j = i, best = 0, most = 1;

		while (j + 1 < r->npend && r->pend[j + 1].line ==
		       r->pend[j].line + 1 &&
		       r->pend[j + 1].line <= IBM_HEADER_SEARCH)
			j++;
		for (size_t k = i; k < j; k++)
			if (values(&r->pend[k]) > most) {
				most = values(&r->pend[k]);
				best = k;
			}
		if (best)
			return best;
		i = j + 1;
	}
	return 0;
}

/* ------------------------------------------------ cells in messages */

/* The workbooks read in this run: their names in messages and the
 * sheet column of their first field (ibm_cell_name). */
static struct cell_book {
	char *name;
	size_t col0;
} *cell_books;
static size_t ncell_books, cell_books_cap;

static void cell_register(const char *name, size_t col0)
{
	for (size_t i = 0; i < ncell_books; i++)
		if (strcmp(cell_books[i].name, name) == 0) {
			cell_books[i].col0 = col0;
			return;
		}
	ibm_grow((void **)&cell_books, &cell_books_cap, ncell_books + 1,
		 sizeof *cell_books);
	cell_books[ncell_books].name = ibm_xstrdup(name);
	cell_books[ncell_books++].col0 = col0;
}

static void cell_at(char *b, size_t col, long row);

int ibm_cell_name(const char *file, long line, size_t field, char *buf)
{
	buf[0] = '\0';
	if (!file || line <= 0)
		return 0;
	for (size_t i = ncell_books; i-- > 0;)
		if (strcmp(cell_books[i].name, file) == 0) {
			if (cell_books[i].col0 == (size_t)-1)
				return 0; /* blocks beside each other */
			cell_at(buf, cell_books[i].col0 + field, line);
			return 1;
		}
	return 0;
}

static void msg_cell(int is_error, const char *file, long line,
		     size_t field, const char *fmt, va_list ap)
{
	char cell[16];

	if (ibm_cell_name(file, line, field, cell)) {
		char *f = ibm_xmalloc(strlen(fmt) + 32);

		sprintf(f, "cell %s: %s", cell, fmt);
		ibm_vmsg(is_error, file, line, f, ap);
		free(f);
	} else {
		ibm_vmsg(is_error, file, line, fmt, ap);
	}
}

void ibm_warn_cell(const char *file, long line, size_t field,
		   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_cell(0, file, line, field, fmt, ap);
	va_end(ap);
}

void ibm_error_cell(const char *file, long line, size_t field,
		    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_cell(1, file, line, field, fmt, ap);
	va_end(ap);
}

void ibm_die_cell(int status, const char *file, long line, size_t field,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_cell(1, file, line, field, fmt, ap);
	va_end(ap);
	exit(status);
}

/* ------------------------------------------------ a workbook's table */

static const char *cell_of(const rec_buf *b, size_t j, size_t *len)
{
	if (!b || j >= b->n || !b->len[j]) {
		*len = 0;
		return "";
	}
	*len = b->len[j];
	return b->f[j];
}

/* The merged range that holds column col of row, or NULL. */
static const ibm_xlsx_merge *merge_at(const ibm_xlsx_merge *m, size_t nm,
				      long row, size_t col)
{
	for (size_t i = 0; i < nm; i++)
		if (m[i].r1 <= row && row <= m[i].r2 &&
		    (size_t)m[i].c1 <= col && col <= (size_t)m[i].c2)
			return &m[i];
	return NULL;
}

/* The next record (queued, read ahead if need be), or NULL. */
static rec_buf *peek(ibm_csv *r)
{
	if (r->pendhead < r->npend)
		return &r->pend[r->pendhead];
	if (next_row(r) <= 0)
		return NULL;
	pend_out(r);
	return &r->pend[r->pendhead];
}

/* Row g just above header h as a group header: it holds a range merged
 * across columns (or down into h), and it is not one title spread over
 * the whole table. */
static int is_group(const rec_buf *g, const rec_buf *h,
		    const ibm_xlsx_merge *m, size_t nm)
{
	int across = 0;

	if (!g->n || g->line != h->line - 1 || values(g) == 0 ||
	    g->bold != h->bold) /* a legend in plain text above bold
				   headers */
		return 0;
	for (size_t i = 0; i < nm; i++) {
		if (m[i].r1 != g->line)
			continue;
		if (m[i].r2 > g->line)
			return 1;
		if (m[i].c2 > m[i].c1) {
			if (values(g) == 1 && m[i].c1 == 0 &&
			    (size_t)m[i].c2 + 1 >= h->n)
				return 0; /* a title */
			across = 1;
		}
	}
	return across;
}

/* Append "G H N" (group, header, number; each may be empty) to b; a
 * header that begins with its group's name ("Pre-test: p" under
 * "Pre-test") keeps its own. */
static void add_name(rec_buf *b, const char *g, size_t gl, const char *h,
		     size_t hl, long num)
{
	char t[24] = "";
	size_t tl, n;
	char *s;

	if (gl && hl >= gl) {
		char *hk = ibm_xstrndup(h, gl), *gk = ibm_xstrndup(g, gl);
		char *a = ibm_name_key(hk), *k = ibm_name_key(gk);

		if (*k && strcmp(a, k) == 0)
			gl = 0;
		free(hk);
		free(gk);
		free(a);
		free(k);
	}
	if (num > 1 && hl)
		snprintf(t, sizeof t, " %ld", num);
	tl = strlen(t);
	s = ibm_xmalloc(gl + hl + tl + 2);
	memcpy(s, g, gl);
	n = gl;
	if (gl && hl)
		s[n++] = ' ';
	memcpy(s + n, h, hl);
	n += hl;
	memcpy(s + n, t, tl);
	n += tl;
	rec_add(b, s, n);
	free(s);
}

/*
 * Blocks: the names of columns first..end repeated right of a blank
 * column, as often as the header goes on (a list printed in two blocks
 * side by side). Sets r->blk and r->nblk; 0 when not so.
 */
static int blocks(ibm_csv *r, const rec_buf *names, size_t first,
		  size_t end, size_t last)
{
	size_t w = end - first, k = end, nb = 1;

	r->blk[0] = first;
	for (;;) {
		size_t i;

		while (k < last && !names->len[k])
			k++;
		if (k >= last)
			break;
		if (nb == BLK_MAX || k + w > names->n)
			return 0;
		for (i = 0; i < w; i++)
			if (names->len[k + i] != names->len[first + i] ||
			    memcmp(names->f[k + i], names->f[first + i],
				   names->len[k + i]) != 0)
				return 0;
		if (k + w < names->n && names->len[k + w])
			return 0;
		r->blk[nb++] = k;
		k += w;
	}
	r->nblk = nb;
	return nb > 1;
}

/*
 * The table of a workbook's sheet at its header row (ibmkit(7),
 * WORKBOOKS): a header cell merged across columns names each of them
 * ("Tanda Tangan", "Tanda Tangan 2"); a row just above the header with
 * cells merged across columns is a group header joined to the names
 * below it ("Semester I 2024 Fase"); a header row that merges down, or
 * across columns that all have a name in the row below, is the upper row
 * of a two-row header. The table's columns run from the first one with a
 * name or a value in the first row below the header to the last one with
 * a name; a column blank in both, with names right of it, ends the table
 * there (a second table beside it is not read).
 */
static void table_shape(ibm_csv *r, const rec_buf *above_p)
{
	size_t nm, w, first, end, last = 0, j;
	const ibm_xlsx_merge *m;
	rec_buf above = { 0 }, names = { 0 }, *nx, *d;
	int any = 0, hint = 0;

	if (above_p)
		above = *above_p;
	/* a large sheet's merged cells are looked for (a second pass over
	 * the sheet) only where the header hints at them: a blank name
	 * between names, a row just above it, a first row below it with a
	 * value under no name */
	nx = peek(r);
	for (j = 0; j < r->hdr.n && !hint; j++)
		hint = !r->hdr.len[j];
	if (above.n && above.line == r->hdr.line - 1)
		hint = 1;
	for (j = 0; nx && j < nx->n && !hint; j++)
		hint = nx->len[j] && (j >= r->hdr.n || !r->hdr.len[j]);
	m = ibm_xlsxr_merges(r->xl, hint, &nm);
	if (!nm)
		nx = NULL;
	if (nx && nx->line == r->hdr.line + 1) {
		int down = 0, across = 0, under = 1;

		for (size_t i = 0; i < nm; i++) {
			if (m[i].r1 != r->hdr.line)
				continue;
			if (m[i].r2 > m[i].r1) {
				down = 1;
			} else if (m[i].c2 > m[i].c1) {
				across = 1;
				for (long c = m[i].c1; c <= m[i].c2; c++) {
					size_t len;

					cell_of(nx, (size_t)c, &len);
					under &= len > 0;
				}
			}
		}
		if (down || (across && under && values(&r->hdr) > 1 &&
			     nx->bold == r->hdr.bold)) {
			rec_buf t = r->hdr;

			r->hdr = *nx;
			*nx = t;
			above = t;
			r->pendhead++;
		}
	}
	{
		int group = above.n && is_group(&above, &r->hdr, m, nm);

		w = r->hdr.n;
		for (size_t i = 0; i < nm; i++)
			if (m[i].r1 <= r->hdr.line && r->hdr.line <= m[i].r2 &&
			    (size_t)m[i].c1 <= w && (size_t)m[i].c2 + 1 > w)
				w = (size_t)m[i].c2 + 1;
		if (group && above.n > w)
			w = above.n;
		for (j = 0; j < w; j++) {
			size_t hl, gl = 0;
			const char *h = cell_of(&r->hdr, j, &hl), *g = "";
			const ibm_xlsx_merge *mm;
			long num = 0;
			int own = 0;

			if (!hl && (mm = merge_at(m, nm, r->hdr.line, j))) {
				if (mm->r1 == r->hdr.line) {
					h = cell_of(&r->hdr, (size_t)mm->c1,
						    &hl);
					num = (long)j - mm->c1 + 1;
				} else if (group && mm->r1 == above.line) {
					h = cell_of(&above, (size_t)mm->c1,
						    &hl);
					own = 1; /* merged down */
				}
			}
			if (group && !own) {
				mm = merge_at(m, nm, above.line, j);
				if (mm && mm->r2 == above.line)
					g = cell_of(&above, (size_t)mm->c1,
						    &gl);
				else if (!mm)
					g = cell_of(&above, j, &gl);
			}
			add_name(&names, g, gl, h, hl, num);
			if (names.len[j]) {
				last = j + 1;
				any = 1;
			}
		}
	}
	/* the columns of the table */
	d = peek(r);
	first = 0;
	for (j = 0; j < last; j++) {
		size_t len;

		cell_of(d, j, &len);
		if (names.len[j] || len)
			break;
	}
	first = j < last ? j : 0;
	end = last;
	for (j = first; j < last; j++) {
		size_t len;

		cell_of(d, j, &len);
		if (!names.len[j] && !len)
			break;
	}
	if (j < last && blocks(r, &names, first, j, last)) {
		end = j;
		r->ncol = end - first;
	} else if (j < last) {
		char a[16], b[16], c[16];
		size_t k = j + 1;

		end = j;
		while (k < last && !names.len[k])
			k++;
		ibm_xlsx_col_name(a, (long)end);
		ibm_xlsx_col_name(b, (long)k);
		ibm_xlsx_col_name(c, (long)(last - 1));
		ibm_warn(r->name, r->hdr.line, "column %s is blank: the "
			 "table ends there; columns %s-%s beside it are not "
			 "read", a, b, c);
		r->ncol = end - first;
	}
	if (!any) { /* a header row of blank names: as it is */
		rec_free(&names);
		return;
	}
	r->col0 = first;
	/* the names are the header */
	{
		rec_buf h = { 0 };

		for (j = first; j < end; j++)
			rec_add(&h, names.f[j], names.len[j]);
		h.line = r->hdr.line;
		h.bold = r->hdr.bold;
		rec_free(&r->hdr);
		r->hdr = h;
	}
	rec_free(&names);
}

/* Read the header into r->out (see ibm_csv_open in ibmkit.h), then keep
 * it. */
/*
 * The header among the records queued (the first ones, pend[]) and, when
 * more may follow (k > 0), the records read after them up to line
 * IBM_HEADER_SEARCH: the first that holds opts->need, else the first that
 * holds it by some of its headers' words, else (none asked for, or none
 * holds them) as ibmkit(7) HEADER ROW says. *found is its place in the
 * queue; returns -1 on a read error.
 */
static int search_header(ibm_csv *r, int k, size_t *found)
{
	/* (not from the queue being filled) */
	while (k > 0 && (k = r->xl ? next_row(r) : next_raw_csv(r)) > 0 &&
	       r->out.line <= IBM_HEADER_SEARCH) {
		pend_out(r);
		if (r->opts.nneed && holds_need(r,
					&r->pend[r->npend - 1], 1)) {
			*found = r->npend - 1;
			break;
		}
	}
	if (k < 0)
		return -1;
	if (k > 0 && *found == (size_t)-1)
		pend_out(r); /* the record after the window */
	/* else the first that holds them by some of their words
	 * (a title "SUSUNAN ACARA" is not taken for acara first) */
	for (size_t i = 0; i < r->npend && *found == (size_t)-1 &&
	     r->opts.nneed; i++)
		if (r->pend[i].line <= IBM_HEADER_SEARCH &&
		    holds_need(r, &r->pend[i], 0))
			*found = i;
	if (*found == (size_t)-1) {
		/* no header with the columns (or none asked for): if the
		 * first record is a title, the first record of the window
		 * with the most values (a legend or a note of two cells
		 * below a title is not the header), else the first */
		size_t most = 1;

		*found = 0;
		if (is_title(r, &r->pend[0]) &&
		    (*found = first_table(r)) == 0)
			for (size_t i = 1; i < r->npend; i++)
				if (r->pend[i].line <= IBM_HEADER_SEARCH &&
				    values(&r->pend[i]) > most) {
					most = values(&r->pend[i]);
					*found = i;
				}
	}
	return 0;
}

static int find_header(ibm_csv *r)
{
	int k = next_raw(r);
	long want = r->opts.header_row;

	if (k < 0)
		return -1;
	if (k == 0) {
		if (r->opts.allow_empty)
			return 0;
		fail(r, IBM_EX_DATAERR, 0, r->xl ? "empty sheet (no header "
		     "row)" : "empty file (no header line)");
		return -1;
	}
	if (want > 0 && r->opts.side && r->opts.nneed) {
		/* a side input: the run's --header-row where that row holds
		 * its columns, else its header found as without it */
		size_t found = (size_t)-1;

		pend_out(r);
		while (r->pend[r->npend - 1].line < want &&
		       (k = r->xl ? next_row(r) : next_raw_csv(r)) > 0)
			pend_out(r);
		if (k < 0)
			return -1;
		if (r->pend[r->npend - 1].line == want &&
		    holds_need(r, &r->pend[r->npend - 1], 0))
			found = r->npend - 1;
		for (size_t i = 0; i < r->npend && found == (size_t)-1; i++)
			if (r->pend[i].line <= IBM_HEADER_SEARCH &&
			    holds_need(r, &r->pend[i], 1))
				found = i;
		if (found == (size_t)-1 && k > 0 &&
		    r->pend[r->npend - 1].line <= IBM_HEADER_SEARCH)
			k = 1; /* read on below */
		else if (found == (size_t)-1)
			k = 0;
		want = 0;
		if (found == (size_t)-1 &&
		    (k = search_header(r, k, &found)) < 0)
			return -1;
		pend_take(r, found);
	} else if (want > 0) {
		while (k > 0 && r->out.line < want) {
			if (r->xl) { /* keep the row above the header */
				rec_buf t = r->prev;

				r->prev = r->out;
				r->out = t;
			}
			k = next_raw(r);
		}
		if (k < 0)
			return -1;
		if (k == 0 || r->out.line != want) {
			fail(r, IBM_EX_DATAERR, want, r->xl ?
			     "--header-row %ld: the row is empty" :
			     "--header-row %ld: no record starts on this "
			     "line", want);
			return -1;
		}
	} else if (r->opts.nneed ? !holds_need(r, &r->out, 1) :
		   is_title(r, &r->out)) {
		/* title rows above the header? read ahead */
		size_t found = (size_t)-1;

		pend_out(r);
		if (search_header(r, 1, &found) < 0)
			return -1;
		pend_take(r, found);
	}
	r->info.header_line = r->out.line;
	/* keep the header in its own buffer */
	{
		rec_buf t = r->hdr;

		r->hdr = r->out;
		r->out = t;
	}
	if (r->xl)
		table_shape(r, want > 0 ? &r->prev :
			    r->pendhead >= 2 ? &r->pend[r->pendhead - 2] : NULL);
	if (r->xl)
		cell_register(r->name, r->nblk > 1 ? (size_t)-1 : r->col0);
	r->last_line = r->hdr.line;
	r->info.header_line = r->hdr.line;
	r->width = r->hdr.n;
	r->hdrf = ibm_xcalloc(r->width + 1, sizeof *r->hdrf);
	for (size_t i = 0; i < r->width; i++)
		r->hdrf[i] = r->hdr.f[i];
	r->header.n = r->width;
	r->header.f = r->hdrf;
	r->header.len = r->hdr.len;
	r->header.line = r->hdr.line;
	r->header.given = r->width;
	r->have_header = 1;
	if (check_duplicates(r) != 0)
		return -1;
	return 1;
}

static ibm_csv *open_common(ibm_csv *r, int *status);

/* A reader before its input is known. */
static ibm_csv *reader_new(const ibm_csv_opts *opts)
{
	ibm_csv *r = ibm_xcalloc(1, sizeof *r);

	if (opts)
		r->opts = *opts;
	r->line = 1;
	r->rec_start = 1;
	r->eol_char = '\n';
	r->last_eol = 1;
	return r;
}

int ibm_input_split(const char *arg, char **path, char **sheet)
{
	static const char *const ext[] = { ".xlsx", ".xlsm", ".xls" };

	*path = *sheet = NULL;
	if (!arg || !*arg || ibm_path_exists(arg))
		return 0;
	for (const char *c = arg + strlen(arg); c-- > arg;) {
		if (*c != ':' || !c[1])
			continue;
		for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
			size_t n = strlen(ext[i]);

			if ((size_t)(c - arg) > n &&
			    strncasecmp(c - n, ext[i], n) == 0) {
				*path = ibm_xstrndup(arg, (size_t)(c - arg));
				*sheet = ibm_xstrdup(c + 1);
				return 1;
			}
		}
	}
	return 0;
}

ibm_csv *ibm_csv_open(const char *path, const ibm_csv_opts *opts,
		      int *status)
{
	ibm_csv *r = reader_new(opts);
	char *file = NULL;

	/* FILE.xlsx:SHEET: this input's own sheet */
	if (ibm_input_split(path, &file, &r->own_sheet)) {
		r->opts.sheet = r->own_sheet;
		path = file;
	}
	if (!path || strcmp(path, "-") == 0) {
		r->name = ibm_xstrdup("<stdin>");
		r->fd = 0;
		r->is_stdin = 1;
		/* typed at a terminal, not a file forgotten in silence */
		if (isatty(0))
			fprintf(stderr, "%s: reading CSV from standard input "
				"(the keyboard): type the rows and end with "
				"Ctrl-D (Windows: Ctrl-Z, Enter), or give a "
				"file name; %s --help lists the options\n",
				ibm_progname(), ibm_progname());
	} else {
		r->name = ibm_xstrdup(path);
		r->fd = ibm_open_read(path);
		if (r->fd < 0) {
			ibm_error(path, 0, "cannot open: %s", strerror(errno));
			free(r->name);
			free(r->own_sheet);
			free(file);
			free(r);
			if (status)
				*status = IBM_EX_NOINPUT;
			return NULL;
		}
	}
	free(file);
	return open_common(r, status);
}

ibm_csv *ibm_csv_open_mem(const char *name, const char *text, size_t len,
			  const ibm_csv_opts *opts, int *status)
{
	ibm_csv *r = reader_new(opts);

	r->name = ibm_xstrdup(name);
	r->fd = -1;
	r->mem = text;
	r->memlen = len;
	return open_common(r, status);
}

static ibm_csv *open_common(ibm_csv *r, int *status)
{
	int k;

	/* text in memory needs no more than its length (and one byte to see
	 * its end in one read) */
	r->bufsz = r->mem && r->memlen < BUFSZ ? r->memlen + 1 : BUFSZ;
	/* and so does a small file (it may still grow: it is read to its
	 * end whatever the buffer) */
	if (!r->mem) {
		struct stat st;

		if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_size >= 0 && st.st_size < BUFSZ - 4096)
			r->bufsz = (size_t)st.st_size + 4096;
	}
	r->buf = ibm_xmalloc(r->bufsz);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	/* libcsv grows a field's buffer by this much at a time (128 bytes
	 * by default: a long field was copied over and over) */
	csv_set_blk_size(&r->p, 16384);
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

ibm_csv *ibm_csv_xopen_need(const char *path, const ibm_csv_opts *opts,
			    const struct ibm_colspec *need, size_t nneed)
{
	ibm_csv_opts o = *opts;

	o.need = need;
	o.nneed = nneed;
	return ibm_csv_xopen(path, &o);
}

const ibm_rec *ibm_csv_header(const ibm_csv *r)
{
	return &r->header;
}

const char *ibm_csv_name(const ibm_csv *r)
{
	return r->name;
}

/* The name of the cell in column col (0-based) and row, "J4", into b (at
 * least 16 bytes). */
static void cell_at(char *b, size_t col, long row)
{
	size_t n = strlen(ibm_xlsx_col_name(b, (long)col));

	snprintf(b + n, 16 - n, "%ld", row);
}

/*
 * A workbook's row cut to the table's columns (table_shape). Returns -1,
 * -2 when nothing of the row is in them (skipped), or the column of a
 * value left of the table. A row that follows a blank row and holds one
 * value, or only values in bold, ends the table (a note, a signature, a
 * title or another table's header): r->table_end is set.
 */
static long table_row(ibm_csv *r, rec_buf *b)
{
	size_t k = r->col0 < b->n ? r->col0 : b->n, v = 0;

	for (size_t i = 0; i < k; i++)
		if (b->len[i])
			return (long)i;
	/* the values in the table's columns (every block's) */
	if (r->nblk > 1) {
		for (size_t i = 0; i < r->nblk; i++)
			for (size_t j = r->blk[i];
			     j < r->blk[i] + r->ncol && j < b->n; j++)
				v += b->len[j] &&
				     strspn(b->f[j], " \t\r\n") < b->len[j];
	} else {
		size_t e = r->ncol && r->col0 + r->ncol < b->n ?
			   r->col0 + r->ncol : b->n;

		for (size_t j = k; j < e; j++)
			v += b->len[j] &&
			     strspn(b->f[j], " \t\r\n") < b->len[j];
		if (!v && e < b->n && !r->ncol)
			v = 1; /* a value right of the header: reported */
	}
	if (!v)
		return -2;
	if (r->tab_rows > 0 && b->line > r->last_line + 1 &&
	    (v <= 1 || b->bold)) {
		ibm_warn(r->name, b->line, "the table ends at the blank row "
			 "%ld: this row and the rest of the sheet are not "
			 "read (--header-row reads a table below)",
			 r->last_line + 1);
		r->table_end = 1;
		return -1;
	}
	r->last_line = b->line;
	r->tab_rows++;
	/* the blocks beside the first wait */
	for (size_t i = 1; i < r->nblk; i++) {
		size_t s = r->blk[i], e = s + r->ncol, any = 0;

		for (size_t j = s; j < e && j < b->n; j++)
			any |= b->len[j] != 0;
		if (!any)
			continue;
		if (r->nbq + 1 > r->bqcap) {
			size_t old = r->bqcap;

			ibm_grow((void **)&r->bq, &r->bqcap, r->nbq + 1,
				 sizeof *r->bq);
			memset(r->bq + old, 0,
			       (r->bqcap - old) * sizeof *r->bq);
		}
		{
			rec_buf *q = &r->bq[r->nbq++];

			q->n = q->used = 0;
			for (size_t j = s; j < e; j++)
				rec_add(q, j < b->n ? b->f[j] : "",
					j < b->n ? b->len[j] : 0);
			while (q->n && !q->len[q->n - 1])
				q->n--;
			q->line = b->line;
			q->bold = b->bold;
			q->blk = i;
			q->cut = 0;
		}
	}
	if (k) {
		memmove(b->f, b->f + k, (b->n - k) * sizeof *b->f);
		memmove(b->len, b->len + k, (b->n - k) * sizeof *b->len);
		b->n -= k;
	}
	if (r->ncol && b->n > r->ncol)
		b->n = r->ncol;
	while (b->n && !b->len[b->n - 1])
		b->n--;
	return b->n ? -1 : -2;
}

/* The next waiting row of the blocks beside the first into r->out. */
static int pop_block(ibm_csv *r)
{
	if (!r->bqblk)
		r->bqblk = 1;
	while (r->bqblk < r->nblk) {
		while (r->bqpos < r->nbq) {
			rec_buf *q = &r->bq[r->bqpos++];

			if (q->blk == r->bqblk) {
				rec_buf t = r->out;

				r->out = *q;
				*q = t;
				return 1;
			}
		}
		r->bqblk++;
		r->bqpos = 0;
	}
	return 0;
}

int ibm_csv_read(ibm_csv *r, const ibm_rec **rec)
{
	for (;;) {
		int k;

		int popped = 0;

		if (!r->have_header)
			return 0;
		if (r->table_end || r->draining) {
			if (!pop_block(r))
				return 0;
			popped = 1;
			k = 1;
		} else {
			k = next_raw(r);
			if (k == 0 && r->nbq) {
				r->draining = 1;
				continue;
			}
		}
		if (k <= 0) {
			if (k == 0 && r->info.records == 0 &&
			    r->info.bad_records == 0 && !r->opts.allow_empty) {
				fail(r, IBM_EX_DATAERR, 0,
				     "no records after the header line");
				return -1;
			}
			return k;
		}
		if (r->xl && !popped) {
			long left = table_row(r, &r->out);

			if (r->table_end)
				continue; /* the blocks' rows, if any */
			if (left >= 0) {
				char c[16];

				cell_at(c, (size_t)left, r->out.line);
				if (r->opts.keep_going) {
					ibm_error(r->name, r->out.line,
						  "cell %s holds a value left "
						  "of the header's columns", c);
					r->info.bad_records++;
					if (!r->status)
						r->status = IBM_EX_DATAERR;
					continue;
				}
				fail(r, IBM_EX_DATAERR, r->out.line, "cell %s "
				     "holds a value left of the header's "
				     "columns", c);
				return -1;
			}
			if (left == -2)
				continue; /* nothing in the table's columns */
		}
		if (r->out.n > r->width && r->xl) {
			/* the first value right of the header */
			char c[16];
			size_t i = r->width;

			while (i + 1 < r->out.n && !r->out.len[i])
				i++;
			cell_at(c, i + r->col0, r->out.line);
			if (r->opts.keep_going) {
				ibm_error(r->name, r->out.line,
					  "cell %s holds a value right of "
					  "the header's %zu columns", c,
					  r->width);
				r->info.bad_records++;
				if (!r->status)
					r->status = IBM_EX_DATAERR;
				continue;
			}
			fail(r, IBM_EX_DATAERR, r->out.line,
			     "cell %s holds a value right of the header's %zu "
			     "columns", c, r->width);
			return -1;
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
		if (r->out.cut && r->out.n < r->width) {
			if (r->opts.strict) {
				fail(r, IBM_EX_DATAERR, r->out.line,
				     "the last record has %zu of %zu fields and "
				     "no line end (is the file cut short?)",
				     r->out.n, r->width);
				return -1;
			}
			ibm_warn(r->name, r->out.line, "the last record has %zu "
				 "of %zu fields and no line end (is the file "
				 "cut short?); the missing fields are empty",
				 r->out.n, r->width);
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
	free(b->f);
	free(b->len);
}

void ibm_csv_close(ibm_csv *r)
{
	if (!r)
		return;
	if (r->fd > 0)
		close(r->fd);
	free(r->own_sheet);
	csv_free(&r->p);
	rec_free(&r->cur);
	rec_free(&r->out);
	rec_free(&r->hdr);
	rec_free(&r->prev);
	for (size_t i = 0; i < r->bqcap; i++)
		rec_free(&r->bq[i]);
	free(r->bq);
	for (size_t i = 0; i < r->donecap; i++)
		rec_free(&r->done[i]);
	free(r->done);
	for (size_t i = 0; i < r->pendcap; i++)
		rec_free(&r->pend[i]);
	free(r->pend);
	ibm_xlsxr_close(r->xl);
	free(r->hdrf);
	free(r->buf);
	free(r->name);
	free(r);
}

ibm_xlsxr *ibm_csv_workbook(const ibm_csv *r)
{
	return r->xl;
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
