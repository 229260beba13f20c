/*
 * input.c - what the readers of add share: opening an input with the
 * columns it needs (found below title rows), blank rows, and optional
 * cells that cannot be read (a warning naming the cell, or an error with
 * --strict).
 */
#include "dbin.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

ibm_csv *db_in_open(const char *path, const db_in *in,
		    const ibm_colspec *specs, size_t n, int *status)
{
	ibm_csv_opts o = in->csv;

	o.need = specs;
	o.nneed = n;
	return ibm_csv_open(path, &o, status);
}

int db_in_columns(ibm_csv *r, const ibm_colspec *specs, size_t n, int *idx,
		  const char *what)
{
	if (ibm_col_resolve(ibm_csv_name(r), ibm_csv_header(r)->line,
			    ibm_csv_header(r), specs, n, idx) != 0) {
		ibm_error(NULL, 0, "%s", what);
		return IBM_EX_DATAERR;
	}
	return 0;
}

int db_in_blank(const ibm_rec *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		for (const char *c = rec->f[i]; *c; c++)
			if (*c != ' ' && *c != '\t' && *c != '\r' && *c != '\n')
				return 0;
	return 1;
}

const char *db_in_text(const ibm_rec *rec, int i, db_in_buf *b)
{
	if (i < 0)
		return "";
	ibm_grow((void **)&b->s, &b->cap, rec->len[i] + 1, 1);
	memcpy(b->s, rec->f[i], rec->len[i] + 1);
	return ibm_fold_space(b->s);
}

void db_bind_static(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

int db_in_num(ibm_csv *r, const ibm_rec *rec, int i, const char *col,
	      const db_in *in, double *v)
{
	const char *s = i >= 0 ? rec->f[i] : "";
	const char *p = s;

	*v = NAN;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return 0;
	if (ibm_parse_number(s, v, 0) == 0 && isfinite(*v))
		return 0;
	*v = NAN;
	if (in->strict) {
		ibm_error_cell(ibm_csv_name(r), rec->line, (size_t)i,
			       "%s: not a number: %s", col, s);
		return IBM_EX_DATAERR;
	}
	ibm_warn_cell(ibm_csv_name(r), rec->line, (size_t)i,
		      "%s: not a number, left empty: %s", col, s);
	return 0;
}

int db_in_end(ibm_csv *r, int k)
{
	int st = k < 0 ? ibm_csv_status(r) : 0;

	ibm_csv_close(r);
	return st;
}
