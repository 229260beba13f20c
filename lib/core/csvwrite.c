/* csvwrite.c - buffered RFC 4180 writer with minimal quoting. */
#include "ibmkit.h"
#include "copy.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define WBUFSZ (64 * 1024)

struct ibm_csvw {
	FILE *fp;
	int excel;
	char delim;
	const char *eol;
	size_t eollen;
	int first_field;  /* no field written yet in this record */
	size_t nfields;   /* fields written in this record */
	int last_empty;   /* the last field written was empty */
	int started;      /* anything written (BOM goes first) */
	int error;        /* errno of the first write error */
	char *buf;
	size_t used;
};

ibm_csvw *ibm_csvw_new(FILE *fp, int excel)
{
	ibm_csvw *w = ibm_xcalloc(1, sizeof *w);

	w->fp = fp;
	w->excel = excel;
	w->delim = excel ? ';' : ',';
	w->eol = excel ? "\r\n" : "\n";
	w->eollen = excel ? 2 : 1;
	w->first_field = 1;
	w->buf = ibm_xmalloc(WBUFSZ);
	return w;
}

int ibm_csvw_flush(ibm_csvw *w)
{
	if (w->used && !w->error) {
		if (fwrite(w->buf, 1, w->used, w->fp) != w->used)
			w->error = errno ? errno : EIO;
	}
	w->used = 0;
	if (!w->error && fflush(w->fp) != 0)
		w->error = errno ? errno : EIO;
	if (w->error) {
		errno = w->error;
		return -1;
	}
	return 0;
}

static void put(ibm_csvw *w, const char *s, size_t n)
{
	if (w->used + n > WBUFSZ) {
		if (w->used && !w->error &&
		    fwrite(w->buf, 1, w->used, w->fp) != w->used)
			w->error = errno ? errno : EIO;
		w->used = 0;
		if (n > WBUFSZ) {
			if (!w->error && fwrite(s, 1, n, w->fp) != n)
				w->error = errno ? errno : EIO;
			return;
		}
	}
	memcpy(w->buf + w->used, s, n);
	w->used += n;
}

static void begin_field(ibm_csvw *w)
{
	if (!w->started) {
		w->started = 1;
		if (w->excel)
			put(w, "\xEF\xBB\xBF", 3);
	}
	if (!w->first_field)
		put(w, &w->delim, 1);
	w->first_field = 0;
	w->nfields++;
	w->last_empty = 0;
}

/*
 * --excel output is opened by a spreadsheet: a cell that a spreadsheet
 * would take as a formula (beginning with = + - @ tab or CR) gets a
 * leading apostrophe, as OWASP advises against CSV injection ("=1+2" ->
 * "'=1+2"). Numbers ("-5", "+3,5") and a lone "-" or "+" are left as
 * they are.
 */
int ibm_csv_formula_like(const char *s, size_t len)
{
	char buf[64];
	double v;

	if (len == 0 || !strchr("=+-@\t\r", s[0]))
		return 0;
	if (s[0] != '+' && s[0] != '-')
		return 1;
	if (len == 1)
		return 0; /* "-" or "+" alone: "-" is a common "none" */
	if (len >= sizeof buf)
		return 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return ibm_parse_number(buf, &v, 0) != 0;
}

/* Does s[0..len) hold a byte that needs quoting ('"', LF, CR, the
 * delimiter)? Eight bytes at a time: a word has a byte equal to c iff
 * haszero(word ^ c...c). */
#define ONES 0x0101010101010101ULL
#define HASZERO(v) (((v) - ONES) & ~(v) & 0x8080808080808080ULL)
static inline int needs_quote(const char *s, size_t len, char delim)
{
	const uint64_t q = ONES * '"', lf = ONES * '\n', cr = ONES * '\r',
		       d = ONES * (unsigned char)delim;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t v;

		memcpy(&v, s + i, 8);
		if (HASZERO(v ^ q) | HASZERO(v ^ lf) | HASZERO(v ^ cr) |
		    HASZERO(v ^ d))
			return 1;
	}
	for (; i < len; i++) {
		char c = s[i];

		if (c == '"' || c == '\n' || c == '\r' || c == delim)
			return 1;
	}
	return 0;
}

void ibm_csvw_field(ibm_csvw *w, const char *s, size_t len)
{
	int quote, guard;

	/* the common field: written straight into the buffer */
	if (w->started && !w->excel && len < WBUFSZ - w->used &&
	    !needs_quote(s, len, w->delim)) {
		char *d = w->buf + w->used;

		if (!w->first_field)
			*d++ = w->delim;
		ibm_copy_bytes(d, s, len);
		w->used = (size_t)(d - w->buf) + len;
		w->first_field = 0;
		w->nfields++;
		w->last_empty = len == 0;
		return;
	}
	begin_field(w);
	w->last_empty = len == 0;
	guard = w->excel && ibm_csv_formula_like(s, len);
	quote = needs_quote(s, len, w->delim);
	if (!quote) {
		if (guard)
			put(w, "'", 1);
		put(w, s, len);
		return;
	}
	put(w, "\"", 1);
	if (guard)
		put(w, "'", 1);
	for (;;) {
		const char *q = memchr(s, '"', len);

		if (!q) {
			put(w, s, len);
			break;
		}
		put(w, s, (size_t)(q - s) + 1);
		put(w, "\"", 1);
		len -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	put(w, "\"", 1);
}

void ibm_csvw_field_rec(ibm_csvw *w, const char *s, size_t len)
{
#if defined(__SSE2__)
	_Static_assert(IBM_REC_SLACK >= 32, "two vectors of a field");
	/* a field up to 32 bytes: checked and copied as two vectors (its
	 * record has the bytes; the buffer, the room) */
	if (len <= 32 && w->started && !w->excel && w->used + 33 <= WBUFSZ) {
		const __m128i q = _mm_set1_epi8('"'), lf = _mm_set1_epi8('\n'),
			      cr = _mm_set1_epi8('\r'),
			      d = _mm_set1_epi8(w->delim);
		__m128i a = _mm_loadu_si128((const void *)s);
		__m128i b = _mm_loadu_si128((const void *)(s + 16));
		__m128i ma = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(a, q), _mm_cmpeq_epi8(a, lf)),
			_mm_or_si128(_mm_cmpeq_epi8(a, cr), _mm_cmpeq_epi8(a, d)));
		__m128i mb = _mm_or_si128(
			_mm_or_si128(_mm_cmpeq_epi8(b, q), _mm_cmpeq_epi8(b, lf)),
			_mm_or_si128(_mm_cmpeq_epi8(b, cr), _mm_cmpeq_epi8(b, d)));
		uint32_t m = (uint32_t)_mm_movemask_epi8(ma) |
			     (uint32_t)_mm_movemask_epi8(mb) << 16;
		uint32_t in = len == 32 ? 0xFFFFFFFFu : (1u << len) - 1;

		if (!(m & in)) {
			char *o = w->buf + w->used;

			if (!w->first_field)
				*o++ = w->delim;
			_mm_storeu_si128((void *)o, a);
			_mm_storeu_si128((void *)(o + 16), b);
			w->used = (size_t)(o - w->buf) + len;
			w->first_field = 0;
			w->nfields++;
			w->last_empty = len == 0;
			return;
		}
	}
#endif
	ibm_csvw_field(w, s, len);
}

void ibm_csvw_str(ibm_csvw *w, const char *s)
{
	ibm_csvw_field(w, s ? s : "", s ? strlen(s) : 0);
}

void ibm_csvw_int(ibm_csvw *w, long long v)
{
	char b[32];
	int n = snprintf(b, sizeof b, "%lld", v);

	begin_field(w);
	put(w, b, (size_t)n);
}

/* What snprintf "%.*f" writes for v with d <= 15 decimals, without
 * printf, into t (room for 40 bytes): its length, or -1 when v is large
 * or near a half (then printf decides). |v| * 10^d is below 2^40, so its
 * rounding error is below 2^-13, and a value 10^-3 or more away from a
 * half rounds to the same integer as the exact decimal value. */
static int fixed_fast(char *t, double v, int d)
{
	static const double p10[16] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15
	};
	double x = fabs(v) * p10[d], f, fr;
	uint64_t r, ip, fp;
	char dig[24];
	int n = 0, k = 0;

	if (!(x < 1099511627776.0))
		return -1;
	f = floor(x);
	fr = x - f;
	if (fabs(fr - 0.5) < 1e-3)
		return -1;
	r = (uint64_t)f + (fr > 0.5);
	ip = r / (uint64_t)p10[d];
	fp = r % (uint64_t)p10[d];
	if (signbit(v))
		t[n++] = '-';
	do
		dig[k++] = (char)('0' + ip % 10);
	while ((ip /= 10) > 0);
	while (k)
		t[n++] = dig[--k];
	if (d > 0) {
		t[n++] = '.';
		for (int i = d - 1; i >= 0; i--) {
			t[n + i] = (char)('0' + fp % 10);
			fp /= 10;
		}
		n += d;
	}
	t[n] = '\0';
	return n;
}

char *ibm_fmt_num(char *buf, size_t size, double v, int decimals, int dec)
{
	char *p, t[48];
	int n;

	if (isnan(v) || isinf(v)) {
		buf[0] = '\0';
		return buf;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 15)
		decimals = 15;
	if ((n = fixed_fast(t, v, decimals)) >= 0 && (size_t)n < size)
		memcpy(buf, t, (size_t)n + 1);
	else
		snprintf(buf, size, "%.*f", decimals, v);
	p = strchr(buf, '.');
	if (p) {
		char *e = buf + strlen(buf) - 1;

		while (e > p && *e == '0')
			*e-- = '\0';
		if (e == p)
			*e = '\0';
		else
			*p = (char)dec;
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	return buf;
}

void ibm_csvw_num(ibm_csvw *w, double v, int decimals)
{
	char b[64];

	ibm_fmt_num(b, sizeof b, v, decimals, w->excel ? ',' : '.');
	begin_field(w);
	w->last_empty = b[0] == '\0'; /* NaN: an empty field */
	put(w, b, strlen(b));
}

void ibm_csvw_end(ibm_csvw *w)
{
	if (!w->started) {
		w->started = 1;
		if (w->excel)
			put(w, "\xEF\xBB\xBF", 3);
	}
	/* a record of one empty field must not look like a blank line */
	if (w->nfields == 1 && w->last_empty)
		put(w, "\"\"", 2);
	put(w, w->eol, w->eollen);
	w->first_field = 1;
	w->nfields = 0;
}

void ibm_csvw_row(ibm_csvw *w, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ibm_csvw_str(w, fields[i]);
	ibm_csvw_end(w);
}

int ibm_csvw_free(ibm_csvw *w)
{
	int rc = ibm_csvw_flush(w);
	int e = errno;

	free(w->buf);
	free(w);
	errno = e;
	return rc;
}
