/*
 * cells.c - the optional cells of a test's responses that ibm-score reads
 * rather than carries: the e-mail address and phone number that identify
 * a person, and the timestamp. One that cannot be read ("-", "belum
 * ada", two numbers in one cell, "rina@gmail") is a warning naming the
 * cell and is read as empty, so that the person is matched by the other
 * identifiers or the name; its text is kept for the output's email_raw
 * and no_hp_raw columns (no_hp_raw with a roster's phone column, email_raw
 * unless a roster has no e-mail column). With --strict it is an error (ibmkit(7),
 * UNREADABLE CELLS).
 */
#include "score.h"

#include <stdlib.h>
#include <string.h>

/* The text of a cell of submission row kept in *v (grown to row). */
static void keep_raw(score_raws *w, char ***v, size_t row, const char *s)
{
	if (row >= w->cap) {
		size_t n = w->cap ? w->cap : 64;

		while (n <= row)
			n *= 2;
		w->email = ibm_xrealloc(w->email, n * sizeof *w->email);
		w->phone = ibm_xrealloc(w->phone, n * sizeof *w->phone);
		for (size_t i = w->cap; i < n; i++)
			w->email[i] = w->phone[i] = NULL;
		w->cap = n;
	}
	(*v)[row] = ibm_xstrdup(s);
}

/* The cell read as empty from here on (the record's own field). */
static void blank(const ibm_rec *rec, int col)
{
	rec->f[col][0] = '\0';
	rec->len[col] = 0;
}

void score_cells_ids(score_raws *w, size_t row, const char *file,
		     const ibm_rec *rec, const score_layout *L, int strict)
{
	if (L->email >= 0 && rec->f[L->email][0]) {
		char *e = ibm_email_norm(rec->f[L->email]);

		if (!e && rec->f[L->email][strspn(rec->f[L->email], " \t")]) {
			if (ibm_cell_bad(strict, file, rec->line,
					 (size_t)L->email, "email", "not an "
					 "e-mail address", rec->f[L->email],
					 "not matched by e-mail") != 0)
				w->refused++;
			keep_raw(w, &w->email, row, rec->f[L->email]);
			w->any_email = 1;
			blank(rec, L->email);
		}
		free(e);
	}
	if (L->phone >= 0 && rec->f[L->phone][0]) {
		char *h = ibm_phone_norm(rec->f[L->phone]);

		if (!h && rec->f[L->phone][strspn(rec->f[L->phone], " \t")]) {
			if (ibm_cell_bad(strict, file, rec->line,
					 (size_t)L->phone, "no_hp", "not a "
					 "phone number", rec->f[L->phone],
					 "not matched by phone") != 0)
				w->refused++;
			keep_raw(w, &w->phone, row, rec->f[L->phone]);
			w->any_phone = 1;
			blank(rec, L->phone);
		}
		free(h);
	}
}

void score_cells_ts(score_raws *w, const char *file, const ibm_rec *rec,
		    int col, int strict)
{
	if (ibm_cell_bad(strict, file, rec->line, (size_t)col, "timestamp",
			 "not a date and time", rec->f[col], "not used to "
			 "check the order of the tests") != 0)
		w->refused++;
}

const char *score_raw_of(const score_raws *w, int phone, size_t row)
{
	char **v = phone ? w->phone : w->email;

	return row < w->cap && v[row] ? v[row] : NULL;
}

void score_raws_free(score_raws *w)
{
	for (size_t i = 0; i < w->cap; i++) {
		free(w->email[i]);
		free(w->phone[i]);
	}
	free(w->email);
	free(w->phone);
	memset(w, 0, sizeof *w);
}
