/*
 * xlsxread.c - streaming reader of Excel workbooks (.xlsx) over libzip and
 * expat.
 *
 * The CSV reader (csvread.c) hands a file over when it begins like a zip
 * or an OLE2 file. The workbook's parts are read from the archive by name
 * into memory (small parts) or streamed (the sheet); no name from the
 * archive ever reaches the file system. The sheet is parsed one row at a
 * time: expat is suspended at the end of every row that holds a value, so
 * that memory holds one row and the shared-string table, never the sheet.
 *
 * Values come out as Excel shows them (see ibmkit(7), "Excel workbooks"):
 * strings (shared, inline, rich-text runs joined), numbers in their
 * shortest exact decimal form, dates and times as ISO 8601 from the cell's
 * number format (1900 and 1904 date systems), percentages with a '%',
 * booleans as TRUE/FALSE, formulas by their saved value. Error values and
 * formulas without a saved value are warnings naming the cell; the cell is
 * left empty.
 */
#define _POSIX_C_SOURCE 200809L
#include "ibmkit.h"
#include "port.h"

#include <errno.h>
#include <expat.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zip.h>

/* Bounds on hostile files (documented in ibmkit(7)). */
#define PART_MAX ((zip_uint64_t)64 << 20)     /* workbook, rels, styles */
#define SST_PART_MAX ((zip_uint64_t)2 << 30)  /* sharedStrings.xml */
#define SST_TEXT_MAX ((size_t)512 << 20)      /* text of the table */
#define SST_COUNT_MAX ((size_t)32 << 20)      /* strings in the table */
#define SHEET_PART_MAX ((zip_uint64_t)16 << 30)
#define RATIO_MAX 500         /* uncompressed : compressed */
#define RATIO_FREE ((zip_uint64_t)1 << 20) /* parts below: no ratio check */
#define CELL_MAX ((size_t)1 << 20)   /* bytes of one cell's text */
#define ROW_MAX ((size_t)64 << 20)   /* bytes of one row's values */
#define COL_MAX 16384L               /* XFD */
#define ROWNUM_MAX 1048576L
#define XF_MAX 65536
#define SHEETS_MAX 4096
#define SPOOL_MAX (2LL << 30)   /* standard input, spooled */
#define CHUNK (64 * 1024)

/* What a cell's number format makes of a number. */
enum { K_NUM, K_DATE, K_TIME, K_DATETIME, K_ELAPSED, K_PERCENT };
/* kind flags while scanning a format code */
enum { F_DATE = 1, F_TIME = 2, F_SEC = 4, F_ELAPSED = 8, F_PCT = 16,
       F_MONTH = 32 };

/* cell types (the t attribute) */
enum { T_N, T_S, T_STR, T_INLINE, T_B, T_E, T_D };

typedef struct sheet_ent {
	char *name;
	char *part;     /* zip entry name, or NULL (not a worksheet) */
	int hidden;
	char *dim;      /* dimension ref, after ibm_xlsxr_sheet */
	int dim_read;
} sheet_ent;

typedef struct buf {
	char *p;
	size_t n, cap;
} buf;

struct ibm_xlsxr {
	char *file;          /* file name for messages */
	char *name;          /* "FILE[SHEET]" */
	zip_t *zip;
	int status;
	int failed;

	sheet_ent *sheets;
	size_t nsheets, sheetcap;
	size_t cur;          /* the sheet read */
	int date1904;

	unsigned char *xf;   /* kind of each cellXfs entry */
	unsigned char *xfsec; /* its format shows seconds */
	unsigned char *xfbold; /* its font is bold */
	size_t nxf;

	char *sst;           /* shared strings, each NUL-terminated */
	size_t sstlen, sstcap;
	size_t *sstoff;
	size_t nsst, sstoffcap;

	/* the sheet stream */
	zip_file_t *zf;
	XML_Parser xp;
	const char *part;    /* its entry name */
	zip_uint64_t part_size, part_read;
	int fed_final;
	int suspended;
	int done;
	int row_ready;
	char *err;           /* a handler's error, reported after the parse */
	long err_row, err_col; /* err_col -1: not in a cell */

	/* parser state */
	int in_data, in_row, in_cell, in_is, in_rph, collect;
	long rownum, last_row;
	long col, last_col;
	int ctype, cstyle, has_f, has_v;
	buf text;            /* text of <v> or <t> */
	buf ftext;           /* formula (for messages), bounded */
	int in_f;

	/* the row */
	buf row;
	size_t *off, *len;
	size_t ncell, cellcap;
	size_t nonempty;     /* cells up to the last non-empty one */
	long row_out;
	size_t nvals, nbold; /* values of the row, those in bold */

	/* the row's warnings, printed at its end (fast path: see there) */
	buf pend;
	long skip_row;       /* rows to this one were read: not again */
	long given;          /* the last row given out */

	/* the fast path (fast_next) */
	int fast;            /* reading the sheet without expat */
	buf fb;              /* the part's bytes read and not yet scanned */
	size_t fpos;         /* scanned so far */
	size_t ftokens;      /* tokens scanned */
	int froot;           /* 0 before the root element, 1 in, 2 after */
	buf fstk;            /* names of the open elements, NUL after each */
	size_t *fstk_off, fdepth;
	buf ftb;             /* a text's characters */

	ibm_xlsx_merge *merge; /* merged ranges (ibm_xlsxr_merges) */
	size_t nmerge;
	int merge_read;
};

/* ------------------------------------------------------------ helpers */

static void bput(buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t c = b->cap ? b->cap : 256;

		while (c < b->n + n + 1)
			c *= 2;
		b->p = ibm_xrealloc(b->p, c);
		b->cap = c;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void xfail(ibm_xlsxr *x, long row, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void xfail(ibm_xlsxr *x, long row, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ibm_vmsg(1, x->name ? x->name : x->file, row, fmt, ap);
	va_end(ap);
	x->failed = 1;
	if (!x->status)
		x->status = IBM_EX_DATAERR;
}

/* The local part of an XML name ("x:c" -> "c"). */
static const char *local(const char *n)
{
	const char *l = n;

	for (; *n; n++)
		if (*n == ':')
			l = n + 1;
	return l;
}

static const char *attr(const char **a, const char *name)
{
	for (; *a; a += 2)
		if (strcmp(local(a[0]), name) == 0)
			return a[1];
	return NULL;
}

/* Column letters of a cell reference: "AB12" -> 27 (0-based), *rest
 * after the letters; -1 if none or too large. */
static long ref_col(const char *s, const char **rest)
{
	long c = 0;
	int n = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++, n++) {
		c = c * 26 + (*s - 'A' + 1);
		if (c > COL_MAX)
			return -1;
	}
	if (rest)
		*rest = s;
	return n ? c - 1 : -1;
}

char *ibm_xlsx_col_name(char *b, long c)
{
	char t[8];
	int n = 0, i = 0;

	c++;
	while (c > 0 && n < 7) {
		t[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	while (n)
		b[i++] = t[--n];
	b[i] = '\0';
	return b;
}

/* A cell's name for messages ("J4"). */
static const char *cell_name(char *b, long col, long row)
{
	char c[8];

	snprintf(b, 32, "%s%ld", ibm_xlsx_col_name(c, col), row);
	return b;
}

/* ----------------------------------------------------------- the zip */

static zip_int64_t find_entry(ibm_xlsxr *x, const char *name)
{
	zip_int64_t i = zip_name_locate(x->zip, name, 0);

	if (i < 0) /* some writers differ in case */
		i = zip_name_locate(x->zip, name, ZIP_FL_NOCASE);
	return i;
}

/* Open entry NAME for streaming after the size checks; NULL with an
 * error printed (or *absent set when it is not there). */
static zip_file_t *open_part(ibm_xlsxr *x, const char *name,
			     zip_uint64_t max, zip_uint64_t *size,
			     int *absent)
{
	zip_stat_t st;
	zip_int64_t i = find_entry(x, name);
	zip_file_t *f;

	if (absent)
		*absent = 0;
	if (i < 0) {
		if (absent) {
			*absent = 1;
			return NULL;
		}
		xfail(x, 0, "part %s is missing from the workbook", name);
		return NULL;
	}
	zip_stat_init(&st);
	if (zip_stat_index(x->zip, (zip_uint64_t)i, 0, &st) != 0) {
		xfail(x, 0, "corrupt zip archive (%s)",
		      zip_strerror(x->zip));
		return NULL;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		xfail(x, 0, "part %s is encrypted (save the workbook without "
		      "a password)", name);
		return NULL;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > max) {
		xfail(x, 0, "part %s is too large (%llu bytes; the limit is "
		      "%llu)", name, (unsigned long long)st.size,
		      (unsigned long long)max);
		return NULL;
	}
	if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size > RATIO_FREE && st.size / RATIO_MAX > st.comp_size) {
		xfail(x, 0, "part %s expands %llu times (a zip bomb?); not "
		      "read", name,
		      (unsigned long long)(st.size / (st.comp_size + 1)));
		return NULL;
	}
	f = zip_fopen_index(x->zip, (zip_uint64_t)i, 0);
	if (!f) {
		xfail(x, 0, "cannot read part %s: %s", name,
		      zip_strerror(x->zip));
		return NULL;
	}
	*size = (st.valid & ZIP_STAT_SIZE) ? st.size : max;
	return f;
}

/* Read up to n bytes of a part, counting against its declared size. */
static zip_int64_t read_part(ibm_xlsxr *x, zip_file_t *f, const char *name,
			     char *b, size_t n, zip_uint64_t size,
			     zip_uint64_t *done)
{
	zip_int64_t k = zip_fread(f, b, n);

	if (k < 0) {
		xfail(x, 0, "corrupt zip archive: part %s: %s", name,
		      zip_file_strerror(f));
		return -1;
	}
	*done += (zip_uint64_t)k;
	if (*done > size) {
		xfail(x, 0, "part %s is larger than it says", name);
		return -1;
	}
	return k;
}

/* --------------------------------------------- whole-part XML parsing */

typedef struct part_parse {
	ibm_xlsxr *x;
	XML_Parser p;
	const char *name;
	char *err;
} part_parse;

static void XMLCALL no_doctype(void *data, const XML_Char *name,
			       const XML_Char *sysid, const XML_Char *pubid,
			       int has_internal)
{
	XML_Parser p = *(XML_Parser *)data;

	(void)name; (void)sysid; (void)pubid; (void)has_internal;
	/* OOXML has no DTD: refusing one keeps entity expansion out */
	XML_StopParser(p, XML_FALSE);
}

/* Parse part NAME through expat with the handlers already set on p
 * (user data: a struct whose first member is the XML_Parser). 0, 1 if
 * absent (and absent_ok), -1 on error (printed). */
static int parse_part(ibm_xlsxr *x, XML_Parser p, const char *name,
		      zip_uint64_t max, int absent_ok, char **herr)
{
	zip_uint64_t size, done = 0;
	int absent;
	zip_file_t *f = open_part(x, name, max, &size,
				  absent_ok ? &absent : NULL);
	int ret = 0;

	if (!f)
		return absent_ok && absent && !x->failed ? 1 : -1;
	XML_SetStartDoctypeDeclHandler(p, no_doctype);
	for (;;) {
		void *b = XML_GetBuffer(p, CHUNK);
		zip_int64_t k;

		if (!b)
			ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
		k = read_part(x, f, name, b, CHUNK, size, &done);
		if (k < 0) {
			ret = -1;
			break;
		}
		if (XML_ParseBuffer(p, (int)k, k == 0) != XML_STATUS_OK) {
			if (herr && *herr)
				xfail(x, 0, "%s: %s", name, *herr);
			else if (XML_GetErrorCode(p) == XML_ERROR_ABORTED)
				xfail(x, 0, "%s: malformed XML: a DTD "
				      "(not allowed)", name);
			else
				xfail(x, 0, "%s:%lu: malformed XML: %s", name,
				      (unsigned long)XML_GetCurrentLineNumber(p),
				      XML_ErrorString(XML_GetErrorCode(p)));
			ret = -1;
			break;
		}
		if (k == 0)
			break;
	}
	zip_fclose(f);
	return ret;
}

/* -------------------------------------------------- relationships */

typedef struct rel {
	char *id, *type, *target;
} rel;

typedef struct rels_ctx {
	XML_Parser p;
	rel *r;
	size_t n, cap;
} rels_ctx;

static void XMLCALL rels_start(void *data, const XML_Char *el,
			       const XML_Char **a)
{
	rels_ctx *c = data;
	const char *id, *type, *target, *mode;

	if (strcmp(local(el), "Relationship") != 0)
		return;
	id = attr(a, "Id");
	type = attr(a, "Type");
	target = attr(a, "Target");
	mode = attr(a, "TargetMode");
	if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
		return;
	if (c->n >= SHEETS_MAX * 4)
		return;
	ibm_grow((void **)&c->r, &c->cap, c->n + 1, sizeof *c->r);
	c->r[c->n].id = ibm_xstrdup(id);
	c->r[c->n].type = ibm_xstrdup(type);
	c->r[c->n].target = ibm_xstrdup(target);
	c->n++;
}

static void rels_free(rels_ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->r[i].id);
		free(c->r[i].type);
		free(c->r[i].target);
	}
	free(c->r);
}

/* The relationships of part NAME ("xl/workbook.xml" ->
 * "xl/_rels/workbook.xml.rels"); absent is no error. */
static int read_rels(ibm_xlsxr *x, const char *name, rels_ctx *c)
{
	const char *slash = strrchr(name, '/');
	size_t dir = slash ? (size_t)(slash - name) + 1 : 0;
	char *rn = ibm_xmalloc(strlen(name) + 16);
	int k;

	memcpy(rn, name, dir);
	sprintf(rn + dir, "_rels/%s.rels", name + dir);
	memset(c, 0, sizeof *c);
	c->p = XML_ParserCreate(NULL);
	if (!c->p)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	XML_SetUserData(c->p, c);
	XML_SetStartElementHandler(c->p, rels_start);
	k = parse_part(x, c->p, rn, PART_MAX, 1, NULL);
	XML_ParserFree(c->p);
	free(rn);
	if (k < 0) {
		rels_free(c);
		memset(c, 0, sizeof *c);
		return -1;
	}
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Resolve a relationship target against the directory of part BASE
 * into a zip entry name (".." and "." handled as text; the result never
 * leaves the archive's name space). Malloc'd. */
static char *resolve(const char *base, const char *target)
{
	size_t bl = strlen(base), tl = strlen(target);
	char *out = ibm_xmalloc(bl + tl + 2);
	size_t n = 0;
	const char *s;

	if (target[0] == '/') {
		s = target + 1;
	} else {
		const char *slash = strrchr(base, '/');

		if (slash) {
			n = (size_t)(slash - base) + 1;
			memcpy(out, base, n);
		}
		s = target;
	}
	while (*s) {
		const char *e = strchr(s, '/');
		size_t l = e ? (size_t)(e - s) : strlen(s);

		if (l == 2 && s[0] == '.' && s[1] == '.') {
			if (n)
				n--;
			while (n && out[n - 1] != '/')
				n--;
		} else if (!(l == 1 && s[0] == '.') && l) {
			memcpy(out + n, s, l);
			n += l;
			if (e)
				out[n++] = '/';
		}
		s += l + (e ? 1 : 0);
	}
	out[n] = '\0';
	return out;
}

/* --------------------------------------------------------- workbook */

typedef struct wb_ctx {
	XML_Parser p;
	ibm_xlsxr *x;
	char **rid;
	size_t ridcap;
} wb_ctx;

static void XMLCALL wb_start(void *data, const XML_Char *el,
			     const XML_Char **a)
{
	wb_ctx *c = data;
	ibm_xlsxr *x = c->x;
	const char *n = local(el);

	if (strcmp(n, "workbookPr") == 0) {
		const char *d = attr(a, "date1904");

		x->date1904 = d && (strcmp(d, "1") == 0 ||
				    strcmp(d, "true") == 0);
	} else if (strcmp(n, "sheet") == 0 && x->nsheets < SHEETS_MAX) {
		const char *name = attr(a, "name"), *state = attr(a, "state");
		const char *id = attr(a, "id");
		sheet_ent *s;

		if (!name || !id)
			return;
		ibm_grow((void **)&x->sheets, &x->sheetcap, x->nsheets + 1,
			 sizeof *x->sheets);
		ibm_grow((void **)&c->rid, &c->ridcap,
			 x->nsheets + 1, sizeof *c->rid);
		s = &x->sheets[x->nsheets];
		memset(s, 0, sizeof *s);
		s->name = ibm_xstrdup(name);
		s->hidden = !state ? 0 : strcmp(state, "hidden") == 0 ? 1 :
			strcmp(state, "veryHidden") == 0 ? 2 : 0;
		c->rid[x->nsheets] = ibm_xstrdup(id);
		x->nsheets++;
	}
}

/* ----------------------------------------------------------- styles */

/* What format code CODE makes of a number: K_*, and *sec set when it
 * shows seconds. */
static int format_kind(const char *s, int *sec)
{
	int f = 0;

	*sec = 0;
	for (; *s && *s != ';'; s++) {
		switch (*s) {
		case '"':
			while (s[1] && s[1] != '"')
				s++;
			if (s[1])
				s++;
			break;
		case '\\': case '_': case '*':
			if (s[1])
				s++;
			break;
		case '[': {
			const char *e = strchr(s, ']');
			size_t l;

			if (!e)
				return K_NUM;
			l = (size_t)(e - s - 1);
			if (l && strspn(s + 1, "hHmMsS") == l) {
				f |= F_ELAPSED | F_TIME;
				if (strchr("sS", s[1]))
					f |= F_SEC;
			}
			s = e;
			break;
		}
		case 'y': case 'Y': case 'd': case 'D': case 'e':
			f |= F_DATE;
			break;
		case 'h': case 'H':
			f |= F_TIME;
			break;
		case 's': case 'S':
			f |= F_TIME | F_SEC;
			break;
		case 'm': case 'M':
			f |= F_MONTH;
			break;
		case '%':
			f |= F_PCT;
			break;
		case 'G': case 'g': /* General */
			if (strncasecmp(s, "general", 7) == 0)
				s += 6;
			break;
		case 'A': case 'a': /* AM/PM, A/P */
			if (strncasecmp(s, "am/pm", 5) == 0) {
				f |= F_TIME;
				s += 4;
			} else if (strncasecmp(s, "a/p", 3) == 0) {
				f |= F_TIME;
				s += 2;
			}
			break;
		case 'B': case 'b': /* B1, B2: calendars */
			if (s[1] == '1' || s[1] == '2')
				s++;
			break;
		}
	}
	if ((f & F_MONTH) && !(f & F_TIME))
		f |= F_DATE;
	*sec = !!(f & F_SEC);
	if (f & F_ELAPSED)
		return K_ELAPSED;
	if ((f & F_DATE) && (f & F_TIME))
		return K_DATETIME;
	if (f & F_DATE)
		return K_DATE;
	if (f & F_TIME)
		return K_TIME;
	if (f & F_PCT)
		return K_PERCENT;
	return K_NUM;
}

/* Built-in number formats that are not plain numbers. */
static int builtin_kind(long id, int *sec)
{
	*sec = 0;
	if (id == 9 || id == 10)
		return K_PERCENT;
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) ||
	    (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
		return K_DATE;
	if (id == 22)
		return K_DATETIME;
	if (id == 18 || id == 20 || id == 32 || id == 33) /* h:mm */
		return K_TIME;
	if (id == 19 || id == 21 || id == 45 || id == 47) {
		*sec = 1;
		return K_TIME;
	}
	if (id == 46) {
		*sec = 1;
		return K_ELAPSED;
	}
	return K_NUM;
}

typedef struct fmt_ent {
	long id;
	int kind, sec;
} fmt_ent;

typedef struct st_ctx {
	XML_Parser p;
	ibm_xlsxr *x;
	fmt_ent *fmt;
	size_t nfmt, fmtcap;
	int in_xfs;
	size_t xfcap;
	int in_fonts;
	unsigned char *fbold; /* each font: bold */
	size_t nfont, fontcap;
} st_ctx;

static void XMLCALL st_start(void *data, const XML_Char *el,
			     const XML_Char **a)
{
	st_ctx *c = data;
	ibm_xlsxr *x = c->x;
	const char *n = local(el);

	if (strcmp(n, "numFmt") == 0) {
		const char *id = attr(a, "numFmtId"), *code = attr(a, "formatCode");

		if (!id || !code || c->nfmt >= XF_MAX)
			return;
		ibm_grow((void **)&c->fmt, &c->fmtcap, c->nfmt + 1,
			 sizeof *c->fmt);
		c->fmt[c->nfmt].id = strtol(id, NULL, 10);
		c->fmt[c->nfmt].kind = format_kind(code, &c->fmt[c->nfmt].sec);
		c->nfmt++;
	} else if (strcmp(n, "fonts") == 0) {
		c->in_fonts = 1;
	} else if (strcmp(n, "font") == 0 && c->in_fonts &&
		   c->nfont < XF_MAX) {
		ibm_grow((void **)&c->fbold, &c->fontcap, c->nfont + 1, 1);
		c->fbold[c->nfont++] = 0;
	} else if (strcmp(n, "b") == 0 && c->in_fonts && c->nfont) {
		const char *v = attr(a, "val");

		c->fbold[c->nfont - 1] = !v || !(v[0] == '0' ||
						  v[0] == 'f');
	} else if (strcmp(n, "cellXfs") == 0) {
		c->in_xfs = 1;
	} else if (strcmp(n, "xf") == 0 && c->in_xfs && x->nxf < XF_MAX) {
		const char *id = attr(a, "numFmtId");
		const char *fo = attr(a, "fontId");
		long fid = id ? strtol(id, NULL, 10) : 0;
		long font = fo ? strtol(fo, NULL, 10) : 0;
		int kind = K_NUM, sec = 0;

		if (fid >= 0 && fid < 164)
			kind = builtin_kind(fid, &sec);
		/* a custom code (also one that redefines a built-in id) */
		for (size_t i = c->nfmt; i-- > 0;)
			if (c->fmt[i].id == fid) {
				kind = c->fmt[i].kind;
				sec = c->fmt[i].sec;
				break;
			}
		if (x->nxf + 1 > c->xfcap) {
			c->xfcap = c->xfcap ? c->xfcap * 2 : 64;
			x->xf = ibm_xrealloc(x->xf, c->xfcap);
			x->xfsec = ibm_xrealloc(x->xfsec, c->xfcap);
			x->xfbold = ibm_xrealloc(x->xfbold, c->xfcap);
		}
		x->xf[x->nxf] = (unsigned char)kind;
		x->xfsec[x->nxf] = (unsigned char)sec;
		x->xfbold[x->nxf] = font >= 0 && (size_t)font < c->nfont &&
			c->fbold[font];
		x->nxf++;
	}
}

static void XMLCALL st_end(void *data, const XML_Char *el)
{
	st_ctx *c = data;

	if (strcmp(local(el), "cellXfs") == 0)
		c->in_xfs = 0;
	else if (strcmp(local(el), "fonts") == 0)
		c->in_fonts = 0;
}

/* --------------------------------------------------- shared strings */

typedef struct sst_ctx {
	XML_Parser p;
	ibm_xlsxr *x;
	int in_si, in_t, in_rph;
	size_t start;
	char *err;
} sst_ctx;

static void sst_room(ibm_xlsxr *x, size_t n)
{
	if (x->sstlen + n + 1 > x->sstcap) {
		size_t c = x->sstcap ? x->sstcap : 4096;

		while (c < x->sstlen + n + 1)
			c *= 2;
		x->sst = ibm_xrealloc(x->sst, c);
		x->sstcap = c;
	}
}

static void XMLCALL sst_start(void *data, const XML_Char *el,
			      const XML_Char **a)
{
	sst_ctx *c = data;
	const char *n = local(el);

	(void)a;
	if (strcmp(n, "si") == 0) {
		c->in_si = 1;
		c->start = c->x->sstlen;
	} else if (strcmp(n, "rPh") == 0) {
		c->in_rph = 1;
	} else if (strcmp(n, "t") == 0 && c->in_si && !c->in_rph) {
		c->in_t = 1;
	}
}

/* Decode the _xHHHH_ escapes of OOXML strings in s[0..*n), in place. */
static void unescape_x(char *s, size_t *n)
{
	size_t i = 0, o = 0, len = *n;

	if (!memchr(s, '_', len))
		return;
	while (i < len) {
		if (s[i] == '_' && i + 6 < len + 0 && s[i + 1] == 'x' &&
		    s[i + 6] == '_') {
			char h[5];
			char *end;
			long cp;

			memcpy(h, s + i + 2, 4);
			h[4] = '\0';
			cp = strtol(h, &end, 16);
			if (end == h + 4 && cp > 0 &&
			    (cp < 0xD800 || cp > 0xDFFF) &&
			    strspn(h, "0123456789abcdefABCDEF") == 4) {
				char u[4];
				int k = ibm_utf8_put(u, cp);

				/* k <= 3 < 7: fits in place */
				memcpy(s + o, u, (size_t)k);
				o += (size_t)k;
				i += 7;
				continue;
			}
		}
		s[o++] = s[i++];
	}
	s[o] = '\0';
	*n = o;
}

static void XMLCALL sst_end(void *data, const XML_Char *el)
{
	sst_ctx *c = data;
	ibm_xlsxr *x = c->x;
	const char *n = local(el);

	if (strcmp(n, "t") == 0) {
		c->in_t = 0;
	} else if (strcmp(n, "rPh") == 0) {
		c->in_rph = 0;
	} else if (strcmp(n, "si") == 0 && c->in_si) {
		size_t len = x->sstlen - c->start;

		c->in_si = 0;
		if (x->nsst >= SST_COUNT_MAX) {
			c->err = "more shared strings than the limit";
			XML_StopParser(c->p, XML_FALSE);
			return;
		}
		sst_room(x, 1);
		x->sst[x->sstlen] = '\0';
		unescape_x(x->sst + c->start, &len);
		x->sstlen = c->start + len + 1;
		ibm_grow((void **)&x->sstoff, &x->sstoffcap, x->nsst + 1,
			 sizeof *x->sstoff);
		x->sstoff[x->nsst++] = c->start;
	}
}

static void XMLCALL sst_text(void *data, const XML_Char *s, int len)
{
	sst_ctx *c = data;
	ibm_xlsxr *x = c->x;

	if (!c->in_t || len <= 0)
		return;
	if (x->sstlen + (size_t)len > SST_TEXT_MAX ||
	    x->sstlen - c->start + (size_t)len > CELL_MAX) {
		c->err = "the shared strings are larger than the limit";
		XML_StopParser(c->p, XML_FALSE);
		c->in_t = 0;
		return;
	}
	sst_room(x, (size_t)len);
	memcpy(x->sst + x->sstlen, s, (size_t)len);
	x->sstlen += (size_t)len;
}

/* ------------------------------------------------------------ values */

/* v's shortest decimal form that reads back as v, without an exponent
 * between 1e-10 and 1e21. */
static size_t fmt_double(char *out, double v)
{
	char e[40], digits[24];
	int prec, exp, nd = 0;
	size_t o = 0;
	const char *p;

	if (v == 0) {
		strcpy(out, "0");
		return 1;
	}
	for (prec = 15; prec <= 17; prec++) {
		snprintf(e, sizeof e, "%.*e", prec - 1, v);
		if (strtod(e, NULL) == v)
			break;
	}
	p = e;
	if (*p == '-') {
		out[o++] = '-';
		p++;
	}
	for (; *p && *p != 'e'; p++)
		if (*p != '.')
			digits[nd++] = *p;
	exp = atoi(p + 1);
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	if (exp >= 21 || exp < -10) {
		out[o++] = digits[0];
		if (nd > 1) {
			out[o++] = '.';
			memcpy(out + o, digits + 1, (size_t)nd - 1);
			o += (size_t)nd - 1;
		}
		o += (size_t)sprintf(out + o, "E%c%02d", exp < 0 ? '-' : '+',
				     abs(exp));
		return o;
	}
	if (exp < 0) {
		out[o++] = '0';
		out[o++] = '.';
		for (int i = -1; i > exp; i--)
			out[o++] = '0';
		memcpy(out + o, digits, (size_t)nd);
		o += (size_t)nd;
	} else {
		for (int i = 0; i <= exp || i < nd; i++) {
			if (i == exp + 1)
				out[o++] = '.';
			out[o++] = i < nd ? digits[i] : '0';
		}
	}
	out[o] = '\0';
	return o;
}

/* Is s[0..n) already a number's shortest form ("12", "-3.25")? */
static int plain_number(const char *s, size_t n)
{
	size_t i = 0, digits = 0, dot = 0;

	if (n && s[0] == '-')
		i++;
	if (i >= n || n - i > 16)
		return 0;
	if (s[i] == '0' && i + 1 < n && s[i + 1] != '.')
		return 0;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '.' && !dot)
			dot = i + 1;
		else
			return 0;
	}
	if (digits > 15 || (dot && (dot == n || s[n - 1] == '0')))
		return 0;
	if (n == 2 && s[0] == '-' && s[1] == '0')
		return 0;
	return 1;
}

static void add_cell(ibm_xlsxr *x, const char *s, size_t n);
static void sheet_error(ibm_xlsxr *x, const char *msg);

/* A date-time serial number as ISO 8601 text. */
static size_t fmt_serial(ibm_xlsxr *x, char *out, double v, int kind,
			 int sec)
{
	long long t = llround(v * 86400.0);
	long days = (long)(t / 86400), secs = (long)(t % 86400);
	size_t o = 0;

	if (kind == K_ELAPSED) {
		long long a = llabs(t);

		return (size_t)sprintf(out, sec ? "%s%lld:%02lld:%02lld" :
				       "%s%lld:%02lld", t < 0 ? "-" : "",
				       a / 3600, a / 60 % 60, a % 60);
	}
	if (kind != K_TIME) {
		ibm_date d;

		if (x->date1904)
			d = ibm_date_from_days(days - 24107);
		else if (days == 60)
			d = (ibm_date){ 1900, 2, 29 }; /* Excel's own day */
		else
			d = ibm_date_from_days(days - (days < 60 ? 25568 :
						       25569));
		o = (size_t)sprintf(out, "%04d-%02d-%02d", d.y, d.m, d.d);
		if (kind == K_DATE)
			return o;
		out[o++] = ' ';
	}
	if (!sec && secs % 60) /* seconds shown when there are some */
		sec = 1;
	o += (size_t)sprintf(out + o, sec ? "%02ld:%02ld:%02ld" : "%02ld:%02ld",
			     secs / 3600, secs / 60 % 60, secs % 60);
	return o;
}

static void warn_cell(ibm_xlsxr *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void warn_cell(ibm_xlsxr *x, const char *fmt, ...)
{
	char c[32], m[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m, sizeof m, fmt, ap);
	va_end(ap);
	/* "cell A1: ..." for the end of the row */
	bput(&x->pend, "cell ", 5);
	cell_name(c, x->col, x->rownum);
	bput(&x->pend, c, strlen(c));
	bput(&x->pend, ": ", 2);
	bput(&x->pend, m, strlen(m));
	x->pend.n++;
}

/* Print the warnings of the row that ended (or failed), unless it was
 * read before the sheet went to expat. */
static void flush_warnings(ibm_xlsxr *x)
{
	if (x->rownum > x->skip_row)
		for (size_t i = 0; i < x->pend.n; i += strlen(x->pend.p + i) + 1)
			ibm_warn(x->name, x->rownum, "%s", x->pend.p + i);
	x->pend.n = 0;
}

/* Stop expat from a handler (not on the fast path, where there is no
 * expat parse to stop). */
static void stop_parser(ibm_xlsxr *x, int resumable)
{
	if (!x->fast)
		XML_StopParser(x->xp, resumable ? XML_TRUE : XML_FALSE);
}

/* A number cell's text s[0..n) with style x->cstyle. */
static void number_cell(ibm_xlsxr *x, const char *s, size_t n)
{
	int kind = K_NUM, sec = 0;
	char out[64];
	double v;
	char *end;

	if (x->cstyle >= 0 && (size_t)x->cstyle < x->nxf) {
		kind = x->xf[x->cstyle];
		sec = x->xfsec[x->cstyle];
	}
	if (kind == K_NUM && plain_number(s, n)) {
		add_cell(x, s, n);
		return;
	}
	while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
		s++;
		n--;
	}
	v = strtod(s, &end);
	while (end < s + n && (*end == ' ' || *end == '\t' || *end == '\n' ||
			       *end == '\r'))
		end++;
	if (!n || end != s + n || !isfinite(v)) {
		warn_cell(x, "\"%.40s\" is not a number; taken as text", s);
		add_cell(x, s, n);
		return;
	}
	if (kind == K_PERCENT) {
		char t[40];

		snprintf(t, sizeof t, "%.15g", v * 100);
		n = fmt_double(out, strtod(t, NULL));
		out[n++] = '%';
		add_cell(x, out, n);
		return;
	}
	if (kind != K_NUM && v >= 0 && v < 2958466.0) { /* to 9999-12-31 */
		add_cell(x, out, fmt_serial(x, out, v, kind, sec));
		return;
	}
	if (kind == K_ELAPSED) {
		add_cell(x, out, fmt_serial(x, out, v, kind, sec));
		return;
	}
	add_cell(x, out, fmt_double(out, v));
}

/* ------------------------------------------------------------ sheet */

static void add_cell(ibm_xlsxr *x, const char *s, size_t n)
{
	if (x->row.n + n > ROW_MAX) {
		sheet_error(x, "row too large (more than 64 MiB of values)");
		return;
	}
	/* empty cells up to this one */
	if ((size_t)x->col + 1 > x->cellcap) {
		ibm_grow((void **)&x->off, &x->cellcap, (size_t)x->col + 1,
			 sizeof *x->off);
		x->len = ibm_xrealloc(x->len, x->cellcap * sizeof *x->len);
	}
	while ((long)x->ncell < x->col) {
		x->off[x->ncell] = 0;
		x->len[x->ncell] = 0;
		x->ncell++;
	}
	x->off[x->ncell] = x->row.n;
	x->len[x->ncell] = n;
	bput(&x->row, s, n);
	x->row.n++; /* keep the NUL */
	x->ncell++;
	if (n) {
		x->nonempty = x->ncell;
		x->nvals++;
		if (x->cstyle >= 0 && (size_t)x->cstyle < x->nxf &&
		    x->xfbold[x->cstyle])
			x->nbold++;
	}
}

static void sheet_error(ibm_xlsxr *x, const char *msg)
{
	if (!x->err) {
		x->err = ibm_xstrdup(msg);
		x->err_row = x->rownum;
		x->err_col = x->in_cell ? x->col : -1;
	}
	stop_parser(x, 0);
}

static void XMLCALL sh_doctype(void *data, const XML_Char *name,
			       const XML_Char *sysid, const XML_Char *pubid,
			       int has_internal)
{
	(void)name; (void)sysid; (void)pubid; (void)has_internal;
	sheet_error(data, "malformed XML: a DTD (not allowed)");
}

static void XMLCALL sh_start(void *data, const XML_Char *el,
			     const XML_Char **a)
{
	ibm_xlsxr *x = data;
	const char *n = local(el);

	switch (n[0]) {
	case 'c':
		if (n[1] == '\0' && x->in_row) {
			const char *r = NULL, *t = NULL, *s = NULL;

			for (; *a; a += 2) {
				const char *an = a[0];

				if (an[0] && !an[1]) {
					if (an[0] == 'r')
						r = a[1];
					else if (an[0] == 't')
						t = a[1];
					else if (an[0] == 's')
						s = a[1];
				}
			}
			x->col = x->last_col + 1;
			if (r) {
				long c = ref_col(r, NULL);

				if (c < 0) {
					sheet_error(x, "bad cell reference");
					return;
				}
				x->col = c;
			}
			if (x->col <= x->last_col) {
				sheet_error(x, "cells out of order");
				return;
			}
			if (x->col >= COL_MAX) {
				sheet_error(x, "column beyond XFD");
				return;
			}
			x->ctype = T_N;
			if (t) {
				switch (t[0]) {
				case 's':
					x->ctype = t[1] == 't' ? T_STR : T_S;
					break;
				case 'i': x->ctype = T_INLINE; break;
				case 'b': x->ctype = T_B; break;
				case 'e': x->ctype = T_E; break;
				case 'd': x->ctype = T_D; break;
				}
			}
			x->cstyle = s ? atoi(s) : 0;
			x->has_f = x->has_v = 0;
			x->in_cell = 1;
			x->text.n = 0;
			x->ftext.n = 0;
		}
		break;
	case 'v':
		if (n[1] == '\0' && x->in_cell) {
			x->collect = 1;
			x->has_v = 1;
			x->text.n = 0;
		}
		break;
	case 'f':
		if (n[1] == '\0' && x->in_cell) {
			x->has_f = 1;
			x->in_f = 1;
		}
		break;
	case 'i':
		if (strcmp(n, "is") == 0 && x->in_cell) {
			x->in_is = 1;
			x->has_v = 1;
		}
		break;
	case 't':
		if (n[1] == '\0' && x->in_is && !x->in_rph)
			x->collect = 1;
		break;
	case 'r':
		if (strcmp(n, "row") == 0 && x->in_data) {
			const char *r = attr(a, "r");
			long rn = r ? strtol(r, NULL, 10) : x->last_row + 1;

			if (rn <= x->last_row || rn > ROWNUM_MAX) {
				sheet_error(x, rn > ROWNUM_MAX ?
					    "row number beyond 1048576" :
					    "rows out of order");
				return;
			}
			x->rownum = rn;
			x->in_row = 1;
			x->last_col = -1;
			x->ncell = 0;
			x->nonempty = 0;
			x->nvals = x->nbold = 0;
			x->row.n = 0;
		} else if (strcmp(n, "rPh") == 0) {
			x->in_rph = 1;
		}
		break;
	case 's':
		if (strcmp(n, "sheetData") == 0)
			x->in_data = 1;
		break;
	}
}

/* The value of the cell that just ended. */
static void end_cell(ibm_xlsxr *x)
{
	char *s = x->text.p ? x->text.p : "";
	size_t n = x->text.n;

	x->last_col = x->col;
	if (x->has_f && !x->has_v) {
		warn_cell(x, "formula =%s has no saved value; left empty "
			  "(open and save the workbook in Excel or "
			  "LibreOffice)", x->ftext.p ? x->ftext.p : "");
		return;
	}
	if (!x->has_v)
		return; /* a formatted empty cell */
	switch (x->ctype) {
	case T_S: {
		char *end;
		unsigned long i;

		while (n && (*s == ' ' || *s == '\n'))
			s++, n--;
		i = strtoul(s, &end, 10);
		if (end == s || i >= x->nsst) {
			sheet_error(x, "no such shared string");
			return;
		}
		s = x->sst + x->sstoff[i];
		add_cell(x, s, strlen(s));
		return;
	}
	case T_STR:
	case T_INLINE:
		unescape_x(s, &n);
		add_cell(x, s, n);
		return;
	case T_B:
		add_cell(x, n && s[0] == '1' ? "TRUE" : "FALSE",
			 n && s[0] == '1' ? 4 : 5);
		return;
	case T_E:
		warn_cell(x, "error value %.40s; left empty", s);
		return;
	case T_D: {
		/* ISO 8601 "2024-06-24T08:30:00Z": date, or date and time */
		char *t = memchr(s, 'T', n);

		if (t) {
			*t = ' ';
			if (strncmp(t + 1, "00:00:00", 8) == 0)
				n = (size_t)(t - s);
			else if (n > (size_t)(t - s) + 9)
				n = (size_t)(t - s) + 9;
		}
		add_cell(x, s, n);
		return;
	}
	default:
		number_cell(x, s, n);
	}
}

static void XMLCALL sh_end(void *data, const XML_Char *el)
{
	ibm_xlsxr *x = data;
	const char *n = local(el);

	switch (n[0]) {
	case 'c':
		if (n[1] == '\0' && x->in_cell) {
			end_cell(x);
			x->in_cell = 0;
		}
		break;
	case 'v':
		if (n[1] == '\0')
			x->collect = 0;
		break;
	case 'f':
		if (n[1] == '\0')
			x->in_f = 0;
		break;
	case 'i':
		if (strcmp(n, "is") == 0)
			x->in_is = 0;
		break;
	case 't':
		if (n[1] == '\0' && x->in_is)
			x->collect = 0;
		break;
	case 'r':
		if (strcmp(n, "row") == 0 && x->in_row) {
			x->in_row = 0;
			flush_warnings(x);
			if (x->nonempty && x->rownum > x->skip_row) {
				x->ncell = x->nonempty;
				x->row_ready = 1;
				x->row_out = x->rownum;
				x->last_row = x->rownum;
				stop_parser(x, 1);
			}
			x->last_row = x->rownum;
		} else if (strcmp(n, "rPh") == 0) {
			x->in_rph = 0;
		}
		break;
	case 's':
		if (strcmp(n, "sheetData") == 0) {
			x->in_data = 0;
			/* the rest of the sheet is not needed */
			x->done = 1;
			stop_parser(x, 0);
		}
		break;
	}
}

static void XMLCALL sh_text(void *data, const XML_Char *s, int len)
{
	ibm_xlsxr *x = data;

	if (x->collect) {
		if (x->text.n + (size_t)len > CELL_MAX) {
			sheet_error(x, "cell text longer than 1 MiB");
			return;
		}
		bput(&x->text, s, (size_t)len);
	} else if (x->in_f && x->ftext.n < 200) {
		bput(&x->ftext, s, (size_t)len);
	}
}

/* ------------------------------------------------ the sheet's fast path */

/*
 * Spreadsheet writers put a small part of XML in a sheet: elements with
 * quoted attributes, and character data with the five predefined entities
 * and character references. fast_next() reads such a sheet itself and
 * calls the handlers expat would (sh_start, sh_end, sh_text) with what
 * expat would give them, some ten times faster: expat spends most of its
 * time on each tag and attribute. Anything else (a comment, a processing
 * instruction, CDATA, a DTD, an encoding other than UTF-8, a name or
 * character reference out of the common ones, a token longer than
 * FAST_TOKEN_MAX, anything not well-formed) hands the sheet to expat from
 * its beginning: expat skips the rows already given out (and their
 * warnings, which wait for the end of their row) and reports any error as
 * before.
 */
#define FAST_TOKEN_MAX ((size_t)4 << 20)
#define FAST_DEPTH_MAX 64
#define FAST_ATTS_MAX 64

enum { FAST_ROW = 1, FAST_DONE = 0, FAST_FAILED = -1, FAST_EXPAT = -2 };

/* Character classes of the fast path (ASCII only: other bytes are 0). */
enum { C_SPACE = 1, C_NAME0 = 2, C_NAME = 4, C_TEXT = 8 };
static unsigned char cclass[256];

static void fast_classes(void)
{
	for (int c = 0x20; c < 0x80; c++)
		if (c != '&' && c != '<' && c != ']')
			cclass[c] |= C_TEXT;
	for (int c = 0; c < 128; c++) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '_' || c == ':')
			cclass[c] |= C_NAME0 | C_NAME;
		if ((c >= '0' && c <= '9') || c == '-' || c == '.')
			cclass[c] |= C_NAME;
	}
	cclass['\t'] = cclass['\n'] = cclass['\r'] = C_SPACE;
	cclass[' '] = C_SPACE | C_TEXT;
}

static int is_xml_space(int c)
{
	return cclass[c] & C_SPACE;
}

/* A name at s[0..e): its length, or 0 (not one the fast path takes). */
static size_t fast_name(const char *s, const char *e)
{
	const char *p = s;

	if (p >= e || !(cclass[(unsigned char)*p] & C_NAME0))
		return 0;
	for (p++; p < e && (cclass[(unsigned char)*p] & C_NAME); p++)
		;
	return (size_t)(p - s);
}

/* The entity or character reference at s ('&') to its ';' in e, decoded
 * into out (room for 4 bytes): the bytes written, or 0 when the fast path
 * does not take it. *next after the ';'. */
static size_t fast_ref(const char *s, const char *e, char *out,
		       const char **next)
{
	static const struct { const char *name; char c; } ent[] = {
		{ "lt", '<' }, { "gt", '>' }, { "amp", '&' }, { "quot", '"' },
		{ "apos", '\'' } };
	const char *semi = memchr(s, ';', (size_t)(e - s) < 12 ?
				  (size_t)(e - s) : 12);
	size_t n;
	long cp = 0;

	if (!semi)
		return 0;
	n = (size_t)(semi - s - 1);
	*next = semi + 1;
	if (s[1] != '#') {
		for (size_t i = 0; i < sizeof ent / sizeof *ent; i++)
			if (strlen(ent[i].name) == n &&
			    memcmp(s + 1, ent[i].name, n) == 0) {
				out[0] = ent[i].c;
				return 1;
			}
		return 0;
	}
	if (s[2] == 'x') {
		if (n < 3)
			return 0;
		for (const char *p = s + 3; p < semi; p++) {
			int c = (unsigned char)*p, d;

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if ((c | 32) >= 'a' && (c | 32) <= 'f')
				d = (c | 32) - 'a' + 10;
			else
				return 0;
			cp = cp * 16 + d;
		}
	} else {
		if (n < 2)
			return 0;
		for (const char *p = s + 2; p < semi; p++) {
			if (*p < '0' || *p > '9')
				return 0;
			cp = cp * 10 + (*p - '0');
		}
	}
	/* the characters XML allows (at most 8 digits: no overflow) */
	if (!(cp == 9 || cp == 10 || cp == 13 || (cp >= 0x20 && cp <= 0xD7FF) ||
	      (cp >= 0xE000 && cp <= 0xFFFD) ||
	      (cp >= 0x10000 && cp <= 0x10FFFF)))
		return 0;
	return (size_t)ibm_utf8_put(out, cp);
}

/* Character data or an attribute value s[0..e) checked and decoded into
 * b (appended), as expat gives it: references replaced, line ends as
 * "\n" in text, white space as ' ' in a value. -1 when the fast path
 * does not take it. */
static int fast_chars(buf *b, const char *s, const char *e, int value)
{
	while (s < e) {
		const char *p = s;
		char r[4];
		size_t k;

		/* a run of plain ASCII */
		while (p < e && (cclass[(unsigned char)*p] & C_TEXT))
			p++;
		if (p > s)
			bput(b, s, (size_t)(p - s));
		if (p == e)
			break;
		s = p;
		switch (*s) {
		case '&':
			k = fast_ref(s, e, r, &s);
			if (!k)
				return -1;
			bput(b, r, k);
			break;
		case '<':
			return -1;
		case ']': /* "]]>" is not allowed in text */
			if (!value && e - s >= 3 && s[1] == ']' && s[2] == '>')
				return -1;
			bput(b, s++, 1);
			break;
		case '\t':
		case '\n':
			bput(b, value ? " " : s, 1);
			s++;
			break;
		case '\r':
			if (value)
				return -1;
			bput(b, "\n", 1);
			if (++s < e && *s == '\n')
				s++;
			break;
		default: {
			const char *q = s;
			long cp = ibm_utf8_next(&q, e);

			if (!((cp >= 0x80 && cp <= 0xD7FF) ||
			      (cp >= 0xE000 && cp <= 0xFFFD) ||
			      (cp >= 0x10000 && cp <= 0x10FFFF)))
				return -1; /* control character, bad UTF-8 */
			bput(b, s, (size_t)(q - s));
			s = q;
		}
		}
	}
	return 0;
}

/* Is s[0..e) plain ASCII text, the same after decoding? */
static int plain(const char *s, const char *e)
{
	while (s < e && (cclass[(unsigned char)*s] & C_TEXT))
		s++;
	return s == e;
}

/* Read more of the part into the fast buffer, keeping what is not yet
 * scanned: 1, 0 at its end, -1 on error (printed). */
static int fast_fill(ibm_xlsxr *x)
{
	zip_int64_t k;

	if (x->fpos) {
		memmove(x->fb.p, x->fb.p + x->fpos, x->fb.n - x->fpos);
		x->fb.n -= x->fpos;
		x->fpos = 0;
	}
	if (x->fb.n + CHUNK + 1 > x->fb.cap) {
		x->fb.cap = x->fb.n + CHUNK + 1;
		x->fb.p = ibm_xrealloc(x->fb.p, x->fb.cap);
	}
	k = read_part(x, x->zf, x->part, x->fb.p + x->fb.n, CHUNK,
		      x->part_size, &x->part_read);
	if (k < 0)
		return -1;
	x->fb.n += (size_t)k;
	return k > 0;
}

/* The XML declaration s[0..e) ("<?xml" to "?>"): 0 when it is one the
 * fast path takes (version 1.0, UTF-8). */
static int fast_decl(const char *s, const char *e)
{
	static const char *const ok[] = { "version", "encoding", "standalone" };
	size_t i = 0;

	s += 5;
	e -= 2;
	while (s < e) {
		size_t n;
		const char *v, *q;

		if (!is_xml_space((unsigned char)*s))
			return -1;
		while (s < e && is_xml_space((unsigned char)*s))
			s++;
		if (s == e)
			break;
		n = fast_name(s, e);
		while (i < 3 && (strlen(ok[i]) != n || memcmp(s, ok[i], n)))
			i++;
		if (i == 3 || s + n + 2 > e || s[n] != '=' ||
		    (s[n + 1] != '"' && s[n + 1] != '\''))
			return -1;
		v = s + n + 2;
		q = memchr(v, s[n + 1], (size_t)(e - v));
		if (!q)
			return -1;
		n = (size_t)(q - v);
		if (i == 0 ? n != 3 || memcmp(v, "1.0", 3) :
		    i == 1 ? n != 5 || strncasecmp(v, "UTF-8", 5) :
		    !((n == 3 && !memcmp(v, "yes", 3)) ||
		      (n == 2 && !memcmp(v, "no", 2))))
			return -1;
		i++;
		s = q + 1;
	}
	return 0;
}

/* The tag at x->fb.p + x->fpos ('<'), to e: its handlers called; the
 * length of the tag, 0 when it goes on past e, -1 for expat. */
static long fast_tag(ibm_xlsxr *x, const char *e)
{
	const char *s = x->fb.p + x->fpos, *p = s + 1, *name;
	size_t n, na = 0, len[2 * FAST_ATTS_MAX];
	const char *a[2 * FAST_ATTS_MAX + 1];
	long k;
	int empty;

	if (p >= e)
		return 0;
	if (*p == '/') { /* an end tag: the element open last */
		size_t top;

		n = fast_name(++p, e);
		if (!n)
			return p == e ? 0 : -1;
		name = p;
		for (p += n; p < e && is_xml_space((unsigned char)*p); p++)
			;
		if (p == e)
			return 0;
		if (*p != '>' || !x->fdepth)
			return -1;
		top = x->fstk_off[x->fdepth - 1];
		if (x->fstk.n - top - 1 != n || memcmp(x->fstk.p + top, name, n))
			return -1;
		x->fdepth--;
		if (!x->fdepth)
			x->froot = 2;
		sh_end(x, x->fstk.p + top);
		x->fstk.n = top;
		return p + 1 - s;
	}
	if (*p == '?' && !x->ftokens) {
		const char *q;

		for (q = p; q + 1 < e && (q[0] != '?' || q[1] != '>'); q++)
			;
		if (q + 1 >= e)
			return 0;
		if (e - s < 6 || memcmp(s, "<?xml", 5) ||
		    !is_xml_space((unsigned char)s[5]) || fast_decl(s, q + 2))
			return -1;
		return q + 2 - s;
	}
	/* a start tag: the name, then the attributes (where each begins
	 * and ends, written over once the tag is known to be whole) */
	n = fast_name(p, e);
	if (!n)
		return p == e ? 0 : -1;
	if (x->froot == 2 || x->fdepth == FAST_DEPTH_MAX)
		return -1; /* a second root, or deep */
	name = p;
	p += n;
	for (;;) {
		const char *an, *v, *q;
		size_t m;

		if (p == e)
			return 0;
		if (!is_xml_space((unsigned char)*p)) {
			if (*p == '>' || (*p == '/' && p + 1 < e && p[1] == '>'))
				break;
			return p + 1 == e && *p == '/' ? 0 : -1;
		}
		while (p < e && is_xml_space((unsigned char)*p))
			p++;
		if (p == e)
			return 0;
		if (*p == '>' || *p == '/')
			continue;
		m = fast_name(p, e);
		if (!m)
			return -1;
		an = p;
		p += m;
		while (p < e && is_xml_space((unsigned char)*p))
			p++;
		if (p == e)
			return 0;
		if (*p++ != '=')
			return -1;
		while (p < e && is_xml_space((unsigned char)*p))
			p++;
		if (p == e)
			return 0;
		if (*p != '"' && *p != '\'')
			return -1;
		v = p + 1;
		q = memchr(v, *p, (size_t)(e - v));
		if (!q)
			return 0;
		if (na == 2 * FAST_ATTS_MAX)
			return -1;
		/* no attribute twice */
		for (size_t i = 0; i < na; i += 2)
			if (len[i] == m && !memcmp(a[i], an, m))
				return -1;
		a[na] = an;
		len[na++] = m;
		a[na] = v;
		len[na++] = (size_t)(q - v);
		p = q + 1;
		if (p < e && !is_xml_space((unsigned char)*p) && *p != '>' &&
		    *p != '/')
			return -1;
	}
	/* the values decoded where they are (never longer), every name and
	 * value ended by a NUL over what follows it */
	for (size_t i = 1; i < na; i += 2) {
		char *v = (char *)a[i];

		if (!plain(v, v + len[i])) {
			x->ftb.n = 0;
			if (fast_chars(&x->ftb, v, v + len[i], 1) < 0)
				return -1;
			memcpy(v, x->ftb.p, x->ftb.n);
			len[i] = x->ftb.n;
		}
	}
	for (size_t i = 0; i < na; i++)
		((char *)a[i])[len[i]] = '\0';
	a[na] = NULL;
	x->froot = 1;
	empty = *p == '/';
	k = empty ? p + 2 - s : p + 1 - s;
	if (!empty) {
		if (!x->fstk_off)
			x->fstk_off = ibm_xmalloc(FAST_DEPTH_MAX *
						  sizeof *x->fstk_off);
		x->fstk_off[x->fdepth++] = x->fstk.n;
		bput(&x->fstk, name, n);
		x->fstk.n++;
	}
	((char *)name)[n] = '\0';
	sh_start(x, name, a);
	if (empty) {
		if (!x->fdepth)
			x->froot = 2;
		sh_end(x, name);
	}
	return k;
}

/* The next row of the sheet by the fast path: FAST_ROW, FAST_DONE,
 * FAST_FAILED (printed, or x->err) or FAST_EXPAT (hand the sheet to
 * expat). */
static int fast_next(ibm_xlsxr *x)
{
	int eof = 0;

	for (;;) {
		/* before the first fill the buffer is NULL: no offset on it */
		const char *s = x->fb.p ? x->fb.p + x->fpos : "";
		const char *e = x->fb.p ? x->fb.p + x->fb.n : s;
		const char *lt = NULL;
		long k = 0;

		if (x->err || x->failed)
			return FAST_FAILED;
		if (x->row_ready)
			return FAST_ROW;
		if (x->done)
			return FAST_DONE;
		if (!x->ftokens && x->fb.n - x->fpos < 3 && !eof) {
			/* the first bytes: a byte order mark */
			k = 0;
		} else if (s == e) {
			if (eof)
				return x->froot == 2 ? FAST_DONE : FAST_EXPAT;
		} else if (*s == '<') {
			k = fast_tag(x, e);
			if (k < 0)
				return FAST_EXPAT;
		} else if ((lt = memchr(s, '<', (size_t)(e - s))) || eof) {
			/* character data to the next tag */
			if (!lt)
				lt = e;
			if (!x->ftokens && e - s >= 3 &&
			    !memcmp(s, "\xEF\xBB\xBF", 3)) {
				x->fpos += 3;
				continue;
			}
			if (plain(s, lt) && x->fdepth) { /* as it is */
				sh_text(x, s, (int)(lt - s));
				x->fpos += (size_t)(lt - s);
				x->ftokens++;
				continue;
			}
			x->ftb.n = 0;
			if (fast_chars(&x->ftb, s, lt, 0) < 0)
				return FAST_EXPAT;
			if (!x->fdepth) { /* outside the root: only space */
				for (size_t i = 0; i < x->ftb.n; i++)
					if (!is_xml_space((unsigned char)
							  x->ftb.p[i]))
						return FAST_EXPAT;
			} else {
				sh_text(x, x->ftb.p, (int)x->ftb.n);
			}
			k = lt - s;
		}
		if (k > 0) {
			x->fpos += (size_t)k;
			x->ftokens++;
			continue;
		}
		/* a token goes on past what was read */
		if (eof || (size_t)(e - s) > FAST_TOKEN_MAX)
			return FAST_EXPAT;
		switch (fast_fill(x)) {
		case -1:
			return FAST_FAILED;
		case 0:
			eof = 1;
		}
	}
}

/* -------------------------------------------------------- open/close */

/* The container kinds told apart by their first bytes. */
int ibm_xlsxr_sniff(const void *head, size_t n)
{
	const unsigned char *p = head;

	if (n >= 4 && p[0] == 'P' && p[1] == 'K' &&
	    ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6)))
		return IBM_SNIFF_ZIP;
	if (n >= 8 && memcmp(p, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return IBM_SNIFF_CFB;
	return IBM_SNIFF_NONE;
}

/* The directory entry of stream NAME in an OLE2 (CFB) file: entries are
 * 128 bytes with a UTF-16LE name; looked for in the bytes given (whole:
 * the entry's name length and type must agree too). Its offset, or
 * (size_t)-1. */
static size_t cfb_entry(const unsigned char *p, size_t n, const char *name,
			int whole)
{
	size_t l = strlen(name);

	for (size_t i = 0; i + 128 <= n; i += 128) {
		size_t k;

		for (k = 0; k < l; k++)
			if (p[i + 2 * k] != (unsigned char)name[k] ||
			    p[i + 2 * k + 1] != 0)
				break;
		/* the name's length (with its NUL) and a stream's type */
		if (k == l && p[i + 2 * l] == 0 && p[i + 2 * l + 1] == 0 &&
		    (!whole || (p[i + 0x40] == 2 * (l + 1) &&
				p[i + 0x41] == 0 && p[i + 0x42] == 2)))
			return i;
	}
	return (size_t)-1;
}

static int cfb_has(const unsigned char *p, size_t n, const char *name)
{
	return cfb_entry(p, n, name, 0) != (size_t)-1;
}

static unsigned long le32(const unsigned char *p)
{
	return (unsigned long)p[0] | (unsigned long)p[1] << 8 |
	       (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

/* The sector after sector s in the FAT of a CFB file of n bytes (sector
 * size 1 << shift; the FAT sectors listed in the header only), or
 * (unsigned long)-1. */
static unsigned long cfb_next(const unsigned char *p, size_t n,
			      unsigned shift, unsigned long s)
{
	unsigned long per = (1UL << shift) / 4, fs;
	size_t off;

	if (s / per >= 109)
		return (unsigned long)-1;
	fs = le32(p + 0x4C + 4 * (s / per));
	if (fs >= 0xFFFFFFFAUL || ((size_t)fs + 2) > (n >> shift))
		return (unsigned long)-1;
	off = (((size_t)fs + 1) << shift) + 4 * (size_t)(s % per);
	return off + 4 <= n ? le32(p + off) : (unsigned long)-1;
}

/* The offset of byte pos of the chain of sectors from start, or
 * (size_t)-1. */
static size_t cfb_chain_at(const unsigned char *p, size_t n, unsigned shift,
			   unsigned long start, size_t pos)
{
	unsigned long s = start;

	for (size_t k = pos >> shift; k > 0; k--) {
		s = cfb_next(p, n, shift, s);
		if (s >= 0xFFFFFFFAUL)
			return (size_t)-1;
	}
	if (s >= 0xFFFFFFFAUL || ((size_t)s + 2) > (n >> shift))
		return (size_t)-1;
	return (((size_t)s + 1) << shift) + (pos & ((1UL << shift) - 1));
}

/* Is the .xls workbook in these bytes encrypted (a password to open)?
 * The record after its first BOF is FILEPASS (0x002F). The stream is
 * found by its directory entry; its first 64 bytes are enough: in the
 * file's sectors, or in the mini stream (the root entry's chain) for a
 * stream under the cut-off (4096 bytes). */
static int xls_filepass(const unsigned char *p, size_t n)
{
	size_t e = cfb_entry(p, n, "Workbook", 1), r, off, len;
	unsigned shift;
	unsigned long start, size;

	if (e == (size_t)-1)
		e = cfb_entry(p, n, "Book", 1);
	if (e == (size_t)-1 || n < 512)
		return 0;
	shift = (unsigned)p[0x1E] | (unsigned)p[0x1F] << 8;
	if (shift != 9 && shift != 12)
		return 0;
	/* the root: the first entry of the directory */
	r = cfb_chain_at(p, n, shift, le32(p + 0x30), 0);
	if (r != (size_t)-1 && (r + 128 > n || p[r + 0x42] != 5))
		r = (size_t)-1;
	start = le32(p + e + 0x74);
	size = le32(p + e + 0x78);
	if (start >= 0xFFFFFFFAUL || size < 64)
		return 0;
	if (size >= le32(p + 0x38)) {
		off = cfb_chain_at(p, n, shift, start, 0);
	} else {
		/* mini sectors of 64 bytes in the root's chain */
		if (r == (size_t)-1)
			return 0;
		off = cfb_chain_at(p, n, shift, le32(p + r + 0x74),
				   (size_t)start * 64);
	}
	if (off == (size_t)-1 || off + 64 > n)
		return 0;
	if (p[off] != 0x09 || (p[off + 1] & 0xF1) != 0x00)
		return 0; /* no BOF (0x0009, 0x0209, 0x0409, 0x0809) */
	len = (size_t)p[off + 2] | (size_t)p[off + 3] << 8;
	if (len > 56)
		return 0;
	off += 4 + len;
	return p[off] == 0x2F && p[off + 1] == 0x00;
}

/* An OLE2 file: a workbook with a password, an old .xls, or other. */
static void cfb_error(const char *file, int fd, const unsigned char *head,
		      size_t n)
{
	unsigned char *all = NULL;
	size_t len = n;
	const unsigned char *p = head;

	/* the directory may lie anywhere: read a regular file whole (up
	 * to 64 MiB) */
	if (fd >= 0 && lseek(fd, 0, SEEK_SET) == 0) {
		size_t cap = (size_t)64 << 20, got = 0;
		ssize_t k;

		all = ibm_xmalloc(cap);
		while (got < cap && (k = read(fd, all + got, cap - got)) > 0)
			got += (size_t)k;
		p = all;
		len = got;
	}
	if (cfb_has(p, len, "EncryptedPackage") ||
	    cfb_has(p, len, "EncryptionInfo"))
		ibm_error(file, 0, "the workbook is protected with a password "
			  "(open it in Excel, remove the password, save as "
			  ".xlsx)");
	else if (xls_filepass(p, len))
		ibm_error(file, 0, "an old Excel 97-2003 workbook (.xls) "
			  "protected with a password (open it in Excel, remove "
			  "the password, save it as .xlsx)");
	else if (cfb_has(p, len, "Workbook") || cfb_has(p, len, "Book"))
		ibm_error(file, 0, "an old Excel 97-2003 workbook (.xls); "
			  "save it as .xlsx (Excel Workbook)");
	else
		ibm_error(file, 0, "an old Office file (.xls/.doc) or a "
			  "workbook with a password; save it as .xlsx "
			  "without a password");
	free(all);
}

/* Standard input (or a pipe) copied to an unlinked temporary file;
 * the file descriptor, or -1 with an error printed. */
static int spool(const char *file, int fd, const char *head, size_t n)
{
	const char *dir;
	char *b;
	int t;
	long long total = 0; /* off_t is 32 bits on Windows */
	ssize_t k;

	t = ibm_scratch_fd("xlsx", &dir);
	if (t < 0) {
		ibm_error(file, 0, "cannot spool the workbook to %s: %s", dir,
			  strerror(errno));
		return -1;
	}
	b = ibm_xmalloc(CHUNK);
	k = (ssize_t)n;
	for (const char *p = head;;) {
		if (k > 0 && write(t, p, (size_t)k) != k) {
			ibm_error(file, 0, "cannot spool the workbook: %s",
				  strerror(errno));
			break;
		}
		total += k;
		if (total > SPOOL_MAX) {
			ibm_error(file, 0, "a workbook on standard input is "
				  "limited to 2 GiB; give it as a file");
			break;
		}
		p = b;
		do
			k = read(fd, b, CHUNK);
		while (k < 0 && errno == EINTR);
		if (k < 0) {
			ibm_error(file, 0, "read error: %s", strerror(errno));
			break;
		}
		if (k == 0) {
			free(b);
			if (lseek(t, 0, SEEK_SET) == 0)
				return t;
			ibm_error(file, 0, "cannot spool the workbook: %s",
				  strerror(errno));
			close(t);
			return -1;
		}
	}
	free(b);
	close(t);
	return -1;
}

static void sheet_names(const ibm_xlsxr *x, char *b, size_t size)
{
	size_t o = 0;

	b[0] = '\0';
	for (size_t i = 0; i < x->nsheets && o + 8 < size; i++) {
		if (!x->sheets[i].part)
			continue;
		o += (size_t)snprintf(b + o, size - o, "%s%zu \"%s\"%s",
				      o ? ", " : "", i + 1, x->sheets[i].name,
				      x->sheets[i].hidden ? " (hidden)" : "");
	}
}

/* The sheet named or numbered by ARG; -1 with an error. */
static long pick_sheet(ibm_xlsxr *x, const char *arg)
{
	char names[2048];

	if (!arg || !*arg) {
		for (size_t i = 0; i < x->nsheets; i++)
			if (x->sheets[i].part && !x->sheets[i].hidden)
				return (long)i;
		for (size_t i = 0; i < x->nsheets; i++)
			if (x->sheets[i].part)
				return (long)i;
		xfail(x, 0, "the workbook has no worksheet");
		return -1;
	}
	for (size_t i = 0; i < x->nsheets; i++)
		if (x->sheets[i].part && strcmp(x->sheets[i].name, arg) == 0)
			return (long)i;
	for (size_t i = 0; i < x->nsheets; i++)
		if (x->sheets[i].part &&
		    ibm_casecmp(x->sheets[i].name, arg) == 0)
			return (long)i;
	if (strspn(arg, "0123456789") == strlen(arg)) {
		long k = strtol(arg, NULL, 10);

		if (k >= 1 && (size_t)k <= x->nsheets && x->sheets[k - 1].part)
			return k - 1;
	}
	sheet_names(x, names, sizeof names);
	xfail(x, 0, "no sheet \"%s\" in the workbook; its sheets: %s", arg,
	      names);
	return -1;
}

/* What a zip that is not a workbook is. */
static void not_a_workbook(ibm_xlsxr *x)
{
	if (find_entry(x, "content.xml") >= 0 &&
	    find_entry(x, "mimetype") >= 0)
		xfail(x, 0, "an OpenDocument file (.ods), not an Excel "
		      "workbook; save it as .xlsx (Excel 2007-365)");
	else if (find_entry(x, "word/document.xml") >= 0)
		xfail(x, 0, "a Word document, not a workbook");
	else if (find_entry(x, "ppt/presentation.xml") >= 0)
		xfail(x, 0, "a PowerPoint file, not a workbook");
	else
		xfail(x, 0, "a zip archive that holds no Excel workbook");
}

static int load_book(ibm_xlsxr *x, const char *sheet)
{
	rels_ctx rc;
	char *wbpart = NULL;
	wb_ctx wc = { 0 };
	long k;
	int r;

	/* the workbook part, from the package relationships */
	if (read_rels(x, "", &rc) < 0)
		return -1;
	for (size_t i = 0; i < rc.n; i++)
		if (ends_with(rc.r[i].type, "/officeDocument")) {
			wbpart = resolve("", rc.r[i].target);
			break;
		}
	rels_free(&rc);
	if (!wbpart)
		wbpart = ibm_xstrdup("xl/workbook.xml");
	if (find_entry(x, wbpart) < 0) {
		free(wbpart);
		not_a_workbook(x);
		return -1;
	}
	wc.x = x;
	wc.p = XML_ParserCreate(NULL);
	if (!wc.p)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	XML_SetUserData(wc.p, &wc);
	XML_SetStartElementHandler(wc.p, wb_start);
	r = parse_part(x, wc.p, wbpart, PART_MAX, 0, NULL);
	XML_ParserFree(wc.p);
	if (r == 0 && read_rels(x, wbpart, &rc) == 0) {
		for (size_t i = 0; i < x->nsheets; i++)
			for (size_t j = 0; j < rc.n; j++)
				if (strcmp(rc.r[j].id, wc.rid[i]) == 0 &&
				    ends_with(rc.r[j].type, "/worksheet")) {
					x->sheets[i].part =
						resolve(wbpart, rc.r[j].target);
					break;
				}
		/* styles and shared strings */
		for (size_t j = 0; j < rc.n && r == 0; j++) {
			if (ends_with(rc.r[j].type, "/styles")) {
				char *p = resolve(wbpart, rc.r[j].target);
				st_ctx sc = { 0 };

				sc.x = x;
				sc.p = XML_ParserCreate(NULL);
				if (!sc.p)
					ibm_die(IBM_EX_SOFTWARE, NULL, 0,
						"out of memory");
				XML_SetUserData(sc.p, &sc);
				XML_SetElementHandler(sc.p, st_start, st_end);
				r = parse_part(x, sc.p, p, PART_MAX, 1, NULL);
				r = r < 0 ? -1 : 0;
				XML_ParserFree(sc.p);
				free(sc.fmt);
				free(sc.fbold);
				free(p);
			}
		}
		rels_free(&rc);
		/* keep the shared strings' part for later */
		if (r == 0 && read_rels(x, wbpart, &rc) == 0) {
			for (size_t j = 0; j < rc.n && r == 0; j++)
				if (ends_with(rc.r[j].type, "/sharedStrings")) {
					char *p = resolve(wbpart,
							  rc.r[j].target);
					sst_ctx sc = { 0 };

					sc.x = x;
					sc.p = XML_ParserCreate(NULL);
					if (!sc.p)
						ibm_die(IBM_EX_SOFTWARE, NULL,
							0, "out of memory");
					XML_SetUserData(sc.p, &sc);
					XML_SetElementHandler(sc.p, sst_start,
							      sst_end);
					XML_SetCharacterDataHandler(sc.p,
								    sst_text);
					r = parse_part(x, sc.p, p, SST_PART_MAX,
						       1, &sc.err);
					r = r < 0 ? -1 : 0;
					XML_ParserFree(sc.p);
					free(p);
				}
			rels_free(&rc);
		}
	} else if (r == 0) {
		r = -1;
	}
	for (size_t i = 0; i < x->nsheets; i++)
		free(wc.rid[i]);
	free(wc.rid);
	free(wbpart);
	if (r < 0)
		return -1;
	k = pick_sheet(x, sheet);
	if (k < 0)
		return -1;
	x->cur = (size_t)k;
	return 0;
}

static int open_sheet(ibm_xlsxr *x);

static int start_sheet(ibm_xlsxr *x)
{
	sheet_ent *s = &x->sheets[x->cur];

	free(x->name);
	x->name = ibm_xmalloc(strlen(x->file) + strlen(s->name) + 3);
	sprintf(x->name, "%s[%s]", x->file, s->name);
	x->part = s->part;
#ifndef IBM_XLSX_EXPAT_ONLY /* (to compare the two paths) */
	x->fast = 1;
#endif
	if (!cclass['a'])
		fast_classes();
	return open_sheet(x);
}

/* The sheet's part opened and its expat parser made, the state of the
 * parse set to its beginning (again when the fast path hands over). */
static int open_sheet(ibm_xlsxr *x)
{
	if (x->zf)
		zip_fclose(x->zf);
	x->part_read = 0;
	x->zf = open_part(x, x->part, SHEET_PART_MAX, &x->part_size, NULL);
	if (!x->zf)
		return -1;
	if (x->xp)
		XML_ParserFree(x->xp);
	x->xp = XML_ParserCreate(NULL);
	if (!x->xp)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	XML_SetUserData(x->xp, x);
	XML_SetElementHandler(x->xp, sh_start, sh_end);
	XML_SetCharacterDataHandler(x->xp, sh_text);
	XML_SetStartDoctypeDeclHandler(x->xp, sh_doctype);
	x->in_data = x->in_row = x->in_cell = x->in_is = x->in_rph = 0;
	x->collect = x->in_f = 0;
	x->fed_final = x->suspended = x->done = x->row_ready = 0;
	x->last_row = 0;
	x->rownum = 0;
	x->pend.n = 0;
	return 0;
}

/* The fast path cannot read the rest: expat reads the sheet from its
 * beginning, past the rows already given out. */
static int to_expat(ibm_xlsxr *x)
{
	x->fast = 0;
	x->skip_row = x->given;
	return open_sheet(x);
}

ibm_xlsxr *ibm_xlsxr_open(const char *file, int fd, const char *mem,
			  size_t memlen, const char *head, size_t headlen,
			  const char *sheet, int *status)
{
	ibm_xlsxr *x;
	zip_source_t *src;
	zip_error_t ze;
	int kind = ibm_xlsxr_sniff(head, headlen);

	*status = IBM_EX_DATAERR;
	if (kind == IBM_SNIFF_CFB) {
		cfb_error(file, mem ? -1 : fd, (const unsigned char *)head,
			  headlen);
		return NULL;
	}
	x = ibm_xcalloc(1, sizeof *x);
	x->file = ibm_xstrdup(file);
	zip_error_init(&ze);
	if (mem) {
		src = zip_source_buffer_create(mem, memlen, 0, &ze);
	} else {
		int t = -1;
		FILE *fp;

		if (lseek(fd, 0, SEEK_SET) == 0) {
			t = dup(fd);
			if (t < 0)
				ibm_error(file, 0, "cannot read: %s",
					  strerror(errno));
		} else
			t = spool(file, fd, head, headlen);
		if (t < 0) {
			*status = IBM_EX_IOERR;
			ibm_xlsxr_close(x);
			return NULL;
		}
		fp = fdopen(t, "rb");
		if (!fp) {
			close(t);
			ibm_error(file, 0, "cannot read: %s", strerror(errno));
			*status = IBM_EX_IOERR;
			ibm_xlsxr_close(x);
			return NULL;
		}
		src = zip_source_filep_create(fp, 0, -1, &ze);
		if (!src)
			fclose(fp);
	}
	if (!src)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	x->zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!x->zip) {
		ibm_error(file, 0, "corrupt zip archive (%s)",
			  zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		ibm_xlsxr_close(x);
		return NULL;
	}
	zip_error_fini(&ze);
	if (load_book(x, sheet) < 0 || start_sheet(x) < 0) {
		*status = x->status ? x->status : IBM_EX_DATAERR;
		ibm_xlsxr_close(x);
		return NULL;
	}
	*status = 0;
	return x;
}

/* Report the error that stopped the sheet's parse. */
static void parse_error(ibm_xlsxr *x)
{
	x->done = 1;
	if (x->failed)
		return;
	flush_warnings(x);
	if (x->err) {
		char c[32];

		if (x->err_col >= 0)
			xfail(x, x->err_row, "cell %s: %s",
			      cell_name(c, x->err_col, x->err_row), x->err);
		else
			xfail(x, x->err_row, "%s", x->err);
	} else if (XML_GetErrorCode(x->xp) != XML_ERROR_NONE) {
		xfail(x, x->rownum > 0 ? x->rownum : 0,
		      "malformed XML in %s (line %lu): %s", x->part,
		      (unsigned long)XML_GetCurrentLineNumber(x->xp),
		      XML_ErrorString(XML_GetErrorCode(x->xp)));
	}
	x->failed = 1;
	if (!x->status)
		x->status = IBM_EX_DATAERR;
}

int ibm_xlsxr_next(ibm_xlsxr *x, long *row, size_t *ncells)
{
	enum XML_Status st;

	x->row_ready = 0;
	if (x->fast) {
		switch (fast_next(x)) {
		case FAST_ROW:
			*row = x->given = x->row_out;
			*ncells = x->ncell;
			return 1;
		case FAST_DONE:
			x->done = 1;
			return 0;
		case FAST_FAILED:
			if (!x->failed)
				parse_error(x);
			return -1;
		}
		if (to_expat(x) < 0)
			return -1;
	}
	for (;;) {
		if (x->failed)
			return -1;
		if (x->done)
			return 0;
		if (x->suspended) {
			x->suspended = 0;
			st = XML_ResumeParser(x->xp);
		} else if (x->fed_final) {
			x->done = 1;
			return 0;
		} else {
			void *b = XML_GetBuffer(x->xp, CHUNK);
			zip_int64_t k;

			if (!b)
				ibm_die(IBM_EX_SOFTWARE, NULL, 0,
					"out of memory");
			k = read_part(x, x->zf, x->part, b, CHUNK,
				      x->part_size, &x->part_read);
			if (k < 0)
				return -1;
			x->fed_final = k == 0;
			st = XML_ParseBuffer(x->xp, (int)k, k == 0);
		}
		if (st == XML_STATUS_SUSPENDED) {
			x->suspended = 1;
		} else if (st == XML_STATUS_ERROR) {
			if (x->done && !x->err &&
			    XML_GetErrorCode(x->xp) == XML_ERROR_ABORTED)
				return 0; /* stopped after sheetData */
			parse_error(x);
			return -1;
		}
		if (x->row_ready) {
			*row = x->given = x->row_out;
			*ncells = x->ncell;
			return 1;
		}
	}
}

const char *ibm_xlsxr_cell(const ibm_xlsxr *x, size_t i, size_t *len)
{
	*len = x->len[i];
	return x->len[i] ? x->row.p + x->off[i] : "";
}

const char *ibm_xlsxr_name(const ibm_xlsxr *x)
{
	return x->name ? x->name : x->file;
}

int ibm_xlsxr_status(const ibm_xlsxr *x)
{
	return x->status;
}

/* The dimension of sheet i, read from the start of its part. */
typedef struct dim_ctx {
	XML_Parser p;
	char *dim;
} dim_ctx;

static void XMLCALL dim_start(void *data, const XML_Char *el,
			      const XML_Char **a)
{
	dim_ctx *c = data;
	const char *n = local(el);

	if (strcmp(n, "dimension") == 0) {
		const char *r = attr(a, "ref");

		if (r && !c->dim)
			c->dim = ibm_xstrndup(r, strlen(r) < 32 ? strlen(r) : 32);
		XML_StopParser(c->p, XML_FALSE);
	} else if (strcmp(n, "sheetData") == 0) {
		XML_StopParser(c->p, XML_FALSE);
	}
}

size_t ibm_xlsxr_sheets(ibm_xlsxr *x)
{
	return x->nsheets;
}

int ibm_xlsxr_sheet(ibm_xlsxr *x, size_t i, ibm_xlsx_sheet *out)
{
	sheet_ent *s;

	memset(out, 0, sizeof *out);
	if (i >= x->nsheets)
		return -1;
	s = &x->sheets[i];
	out->name = s->name;
	out->hidden = s->hidden;
	out->worksheet = s->part != NULL;
	out->current = i == x->cur;
	if (s->part && !s->dim_read) {
		zip_uint64_t size, done = 0;
		zip_file_t *f;
		dim_ctx c = { 0 };
		char *b = ibm_xmalloc(CHUNK);
		int failed = x->failed, status = x->status;

		s->dim_read = 1;
		f = open_part(x, s->part, SHEET_PART_MAX, &size, NULL);
		c.p = XML_ParserCreate(NULL);
		if (!c.p)
			ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
		XML_SetUserData(c.p, &c);
		XML_SetStartElementHandler(c.p, dim_start);
		XML_SetStartDoctypeDeclHandler(c.p, no_doctype);
		/* the dimension is near the start: 1 MiB at most */
		for (int n = 0; f && n < 16; n++) {
			zip_int64_t k = read_part(x, f, s->part, b, CHUNK,
						  size, &done);

			if (k <= 0 ||
			    XML_Parse(c.p, b, (int)k, 0) != XML_STATUS_OK)
				break;
		}
		if (f)
			zip_fclose(f);
		XML_ParserFree(c.p);
		free(b);
		s->dim = c.dim;
		/* a sheet that cannot be sized is no error of this one */
		x->failed = failed;
		x->status = status;
	}
	out->dim = s->dim;
	if (s->dim) {
		const char *colon = strchr(s->dim, ':'), *rest = "";
		long c1 = ref_col(s->dim, &rest), r1 = atol(rest), c2 = c1,
		     r2 = r1;

		if (colon) {
			c2 = ref_col(colon + 1, &rest);
			r2 = atol(rest);
		}
		if (c1 >= 0 && c2 >= c1 && r1 > 0 && r2 >= r1) {
			out->rows = r2;
			out->cols = c2 + 1;
		}
	}
	return 0;
}

int ibm_xlsxr_fast(const ibm_xlsxr *x)
{
	return x->fast;
}

int ibm_xlsxr_row_bold(const ibm_xlsxr *x)
{
	return x->nvals && x->nbold == x->nvals;
}

/* memmem (not in POSIX) */
static const char *find_in(const char *p, size_t n, const char *w, size_t wn)
{
	const char *end = p + n;

	while ((size_t)(end - p) >= wn) {
		const char *q = memchr(p, w[0], (size_t)(end - p) - wn + 1);

		if (!q)
			return NULL;
		if (memcmp(q, w, wn) == 0)
			return q;
		p = q + 1;
	}
	return NULL;
}

/* One merged range "A1:G1" of a <mergeCell ref=...>. */
static void add_merge(ibm_xlsxr *x, const char *s, size_t cap)
{
	const char *rest = "";
	char *end;
	long c1, r1, c2, r2;
	size_t mcap = x->nmerge;

	c1 = ref_col(s, &rest);
	r1 = strtol(rest, &end, 10);
	if (c1 < 0 || end == rest || *end != ':')
		return;
	c2 = ref_col(end + 1, &rest);
	r2 = strtol(rest, &end, 10);
	if (c2 < c1 || r1 < 1 || r2 < r1 || end == rest ||
	    (*end != '"' && *end != '\''))
		return;
	if (x->nmerge >= cap)
		return;
	ibm_grow((void **)&x->merge, &mcap, x->nmerge + 1, sizeof *x->merge);
	x->merge[x->nmerge].c1 = c1;
	x->merge[x->nmerge].r1 = r1;
	x->merge[x->nmerge].c2 = c2;
	x->merge[x->nmerge].r2 = r2;
	x->nmerge++;
}

/*
 * The sheet's merged ranges. <mergeCells> follows <sheetData>, so the
 * part is inflated once more and its text searched for <mergeCell
 * ref="..."> (no XML parse: only the header's merges matter, and a
 * range that cannot be read is ignored). At most MERGE_MAX are kept.
 * A part over MERGE_SCAN_FREE is scanned only when asked (always).
 */
#define MERGE_MAX 65536
#define MERGE_SCAN_FREE ((zip_uint64_t)16 << 20)
const ibm_xlsx_merge *ibm_xlsxr_merges(ibm_xlsxr *x, int always, size_t *n)
{
	if (!x->merge_read && x->cur < x->nsheets &&
	    x->sheets[x->cur].part &&
	    (always || x->part_size <= MERGE_SCAN_FREE)) {
		zip_uint64_t size, done = 0;
		int failed = x->failed, status = x->status;
		zip_file_t *f = open_part(x, x->sheets[x->cur].part,
					  SHEET_PART_MAX, &size, NULL);
		enum { KEEP = 128 };
		char *b = ibm_xmalloc(CHUNK + KEEP + 1);
		size_t have = 0;

		x->merge_read = 1;
		for (;;) {
			zip_int64_t k = f ? read_part(x, f, x->part,
						      b + have, CHUNK, size,
						      &done) : 0;
			const char *p = b, *end, *m;

			if (k <= 0)
				break;
			have += (size_t)k;
			b[have] = '\0';
			end = b + have;
			while ((m = find_in(p, (size_t)(end - p), "mergeCell ",
					    10)) != NULL) {
				const char *gt = memchr(m, '>', (size_t)(end - m));
				const char *ref;

				if (!gt)
					break;
				ref = find_in(m, (size_t)(gt - m), "ref=", 4);
				if (ref && ref + 5 < gt)
					add_merge(x, ref + 5, MERGE_MAX);
				p = gt + 1;
			}
			/* keep the tail: a tag may span two chunks */
			if ((size_t)(end - p) > KEEP)
				p = end - KEEP;
			have = (size_t)(end - p);
			memmove(b, p, have);
		}
		if (f)
			zip_fclose(f);
		free(b);
		x->failed = failed;
		x->status = status;
	}
	*n = x->nmerge;
	return x->merge;
}

void ibm_xlsxr_close(ibm_xlsxr *x)
{
	if (!x)
		return;
	if (x->xp)
		XML_ParserFree(x->xp);
	if (x->zf)
		zip_fclose(x->zf);
	if (x->zip)
		zip_discard(x->zip);
	for (size_t i = 0; i < x->nsheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].part);
		free(x->sheets[i].dim);
	}
	free(x->sheets);
	free(x->xf);
	free(x->xfsec);
	free(x->xfbold);
	free(x->merge);
	free(x->sst);
	free(x->sstoff);
	free(x->text.p);
	free(x->ftext.p);
	free(x->pend.p);
	free(x->fb.p);
	free(x->fstk.p);
	free(x->fstk_off);
	free(x->ftb.p);
	free(x->row.p);
	free(x->off);
	free(x->len);
	free(x->err);
	free(x->name);
	free(x->file);
	free(x);
}
