/*
 * dbin.h - the parts of lib/db that only its own modules use: the
 * readers' shared steps (input.c).
 */
#ifndef DBIN_H
#define DBIN_H

#include "db.h"

/* Open PATH for a reader whose columns are specs (the header is the first
 * record holding the required ones): NULL and *status after printing. */
ibm_csv *db_in_open(const char *path, const db_in *in,
		    const ibm_colspec *specs, size_t n, int *status);
/* Resolve the columns; a missing one is an error naming what writes the
 * file (`what`): 0 or 65. */
int db_in_columns(ibm_csv *r, const ibm_colspec *specs, size_t n, int *idx,
		  const char *what);
/* 1 when every field is empty or white space. */
int db_in_blank(const ibm_rec *rec);
/* Field i (-1: absent, "") trimmed with its spaces folded, in *buf
 * (freed on the next call with the same buf). */
const char *db_in_text(const ibm_rec *rec, int i, char **buf);
/* Field i as a number: NaN when empty or absent; not a number is a
 * warning naming the cell (left empty), or with --strict an error (65
 * returned). */
int db_in_num(ibm_csv *r, const ibm_rec *rec, int i, const char *col,
	      const db_in *in, double *v);
/* Close the reader after its last ibm_csv_read returned k: 0, or the
 * status of a read error. */
int db_in_end(ibm_csv *r, int k);

/* Register ibmkit's SQL functions and the ibmnat collation on the
 * connection (query.c). */
void db_functions(db_file *d);

#endif
