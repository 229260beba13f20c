/* roster.c - the participant list of ibm-score --roster: its columns
 * (participant_id, name, e-mail, phone and whatever else it has, kept
 * for the output) and look-ups of a response's keys in it. */
#include "score.h"

#include <stdlib.h>
#include <string.h>

#define ROSTER_ID IBM_ALIASES_ID "|id"
#define ROSTER_NAME "nama|nama lengkap|nama peserta|name|full name|" \
	"participant|student name|nama siswa|participant name"
#define ROSTER_EMAIL "email|e-mail|email address|alamat email|surel"
#define ROSTER_PHONE "no_hp|no. hp|no hp|hp|no wa|no. wa|nomor hp|" \
	"nomor wa|whatsapp|telepon|no telp|phone|mobile|phone number|" \
	"nomor telepon"

/* The roster's columns, in the order of SCORE_BY_. */
const ibm_colspec score_roster_cols[SCORE_NBY] = {
	{ ROSTER_ID, 0, "participant_id" },
	{ ROSTER_EMAIL, 0, "email" },
	{ ROSTER_PHONE, 0, "no_hp" },
	{ ROSTER_NAME, 1, "nama" },
};

char *score_match_key(int by, const char *v)
{
	char *k;

	switch (by) {
	case SCORE_BY_ID:
		return ibm_name_key(v);
	case SCORE_BY_EMAIL:
		k = ibm_email_norm(v);
		return k ? k : ibm_xstrdup("");
	case SCORE_BY_PHONE:
		k = ibm_phone_norm(v);
		return k ? k : ibm_xstrdup("");
	default:
		return ibm_person_bare_key(v);
	}
}

static size_t khash(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)(h ^ h >> 31);
}

/* index + 1 of the row holding key, (size_t)-1 for a key of several rows */
static size_t *slot_of(const score_roster *R, int by, const char *key)
{
	size_t m = R->cap - 1;

	for (size_t i = khash(key) & m;; i = (i + 1) & m) {
		size_t v = R->slot[by][i];

		if (!v || strcmp(R->key[by][R->first[by][i]], key) == 0)
			return &R->slot[by][i];
	}
}

int score_roster_read_csv(ibm_csv *r, int strict, score_roster **out)
{
	long refused = 0;
	score_roster *R = ibm_xcalloc(1, sizeof *R);
	const ibm_rec *hdr, *rec;
	size_t cap = 0;
	int k;

	*out = R;
	R->file = ibm_xstrdup(ibm_csv_name(r));
	hdr = ibm_csv_header(r);
	R->ncol = hdr->n;
	R->hdr = ibm_xcalloc(hdr->n + 1, sizeof *R->hdr);
	for (size_t i = 0; i < hdr->n; i++)
		R->hdr[i] = ibm_xstrdup(hdr->f[i]);
	if (ibm_col_resolve(R->file, hdr->line, hdr, score_roster_cols, SCORE_NBY,
			    R->col) != 0)
		return IBM_EX_DATAERR;
	while ((k = ibm_csv_read(r, &rec)) != 0) {
		int empty = 1;

		if (k < 0)
			return ibm_csv_status(r);
		for (size_t i = 0; i < rec->n && empty; i++)
			empty = rec->f[i][strspn(rec->f[i], " \t")] == '\0';
		if (empty)
			continue;
		if (R->n + 1 > cap) {
			ibm_grow((void **)&R->line, &cap, R->n + 1,
				 sizeof *R->line);
			R->cell = ibm_xrealloc(R->cell, cap * R->ncol *
					       sizeof *R->cell);
		}
		for (size_t i = 0; i < R->ncol; i++) {
			char *v = ibm_xstrdup(rec->f[i]);

			ibm_fold_space(v);
			R->cell[R->n * R->ncol + i] = v;
		}
		R->line[R->n++] = rec->line;
	}
	if (R->n == 0) {
		ibm_error(R->file, 0, "the roster has no participants");
		return IBM_EX_DATAERR;
	}
	for (R->cap = 16; R->cap < 2 * R->n; R->cap *= 2)
		;
	for (int by = 0; by < SCORE_NBY; by++) {
		R->key[by] = ibm_xcalloc(R->n + 1, sizeof *R->key[by]);
		R->slot[by] = ibm_xcalloc(R->cap, sizeof *R->slot[by]);
		R->first[by] = ibm_xcalloc(R->cap, sizeof *R->first[by]);
		for (size_t i = 0; i < R->n; i++) {
			size_t *s;

			R->key[by][i] = R->col[by] < 0 ? ibm_xstrdup("")
				: score_match_key(by, score_roster_cell(
					R, i, (size_t)R->col[by]));
			if ((by == SCORE_BY_PHONE || by == SCORE_BY_EMAIL) &&
			    R->col[by] >= 0 && !R->key[by][i][0] &&
			    *score_roster_cell(R, i, (size_t)R->col[by]) &&
			    ibm_cell_bad(strict, R->file, R->line[i],
					 (size_t)R->col[by],
					 score_roster_cols[by].role,
					 by == SCORE_BY_PHONE ? "not a phone "
					 "number" : "not an e-mail address",
					 score_roster_cell(R, i,
						(size_t)R->col[by]),
					 by == SCORE_BY_PHONE ? "not matched by "
					 "phone" : "not matched by e-mail") != 0)
				refused++;
			if (!R->key[by][i][0])
				continue;
			s = slot_of(R, by, R->key[by][i]);
			if (*s == 0) {
				*s = i + 1;
				R->first[by][s - R->slot[by]] = i;
			} else if (*s != (size_t)-1) {
				if (by == SCORE_BY_ID)
					ibm_warn(R->file, R->line[i],
						 "participant_id %s is also on "
						 "line %ld; neither is matched "
						 "by it",
						 score_roster_cell(R, i,
							(size_t)R->col[by]),
						 R->line[*s - 1]);
				*s = (size_t)-1;
			}
		}
	}
	return refused ? ibm_cell_bad_status() : 0;
}

score_roster *score_roster_load(const char *path, const ibm_csv_opts *o,
				int strict)
{
	ibm_csv_opts ro = *o;
	score_roster *R;
	ibm_csv *r;
	int st;

	ro.allow_empty = 0;
	/* the header: the first row with a name column */
	r = ibm_csv_xopen_side(path, &ro, score_roster_cols, SCORE_NBY);
	st = score_roster_read_csv(r, strict, &R);
	ibm_csv_close(r);
	if (st)
		exit(st);
	return R;
}

const char *score_roster_cell(const score_roster *R, size_t row, size_t col)
{
	return R->cell[row * R->ncol + col];
}

long score_roster_find(const score_roster *R, int by, const char *key)
{
	size_t v;

	if (R->col[by] < 0 || !key[0])
		return -1;
	v = *slot_of(R, by, key);
	return v == 0 ? -1 : v == (size_t)-1 ? -2 : (long)(v - 1);
}

void score_roster_free(score_roster *R)
{
	if (!R)
		return;
	for (int by = 0; by < SCORE_NBY; by++) {
		for (size_t i = 0; R->key[by] && i < R->n; i++)
			free(R->key[by][i]);
		free(R->key[by]);
		free(R->slot[by]);
		free(R->first[by]);
	}
	for (size_t i = 0; i < R->n * R->ncol; i++)
		free(R->cell[i]);
	for (size_t i = 0; i < R->ncol; i++)
		free(R->hdr[i]);
	free(R->cell);
	free(R->hdr);
	free(R->line);
	free(R->file);
	free(R);
}
