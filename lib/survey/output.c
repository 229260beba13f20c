/*
 * output.c - the CSV outputs of ibm-survey: one row per element, the
 * index, per speaker and aspect, per organisation aspect (standard
 * output); the summary (--summary).
 */
#include "survey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A number with fixed decimals, the decimal comma for --excel. */
static void put_fixed(ibm_csvw *w, double v, int decimals, int excel)
{
	char b[64];

	if (isnan(v)) {
		ibm_csvw_str(w, "");
		return;
	}
	snprintf(b, sizeof b, "%.*f", decimals, sv_round(v, decimals));
	if (excel)
		for (char *p = b; *p; p++)
			if (*p == '.')
				*p = ',';
	ibm_csvw_str(w, b);
}

static void put_band(ibm_csvw *w, const sv_band *b)
{
	ibm_csvw_str(w, b ? b->grade : "");
	ibm_csvw_str(w, b ? b->words : "");
}

static void put_row(ibm_csvw *w, const sv_row *x, int excel)
{
	ibm_csvw_str(w, sv_part_name(x->part));
	ibm_csvw_str(w, x->name);
	ibm_csvw_str(w, x->aspect);
	ibm_csvw_int(w, x->t.n);
	ibm_csvw_int(w, x->t.sum);
	put_fixed(w, x->mean, SV_MEAN_DECIMALS, excel);
	put_band(w, x->band);
	ibm_csvw_end(w);
}

static void put_index(ibm_csvw *w, const sv_result *r, int excel)
{
	char b[64];

	ibm_csvw_str(w, "indeks");
	ibm_csvw_str(w, "IKM");
	ibm_csvw_str(w, r->weight_text);
	ibm_csvw_int(w, r->ikm_respondents);
	put_fixed(w, r->weighted_sum, SV_MEAN_DECIMALS, excel);
	sv_fmt_index(b, sizeof b, r->ikm);
	if (excel)
		for (char *p = b; *p; p++)
			if (*p == '.')
				*p = ',';
	ibm_csvw_str(w, b);
	put_band(w, r->band);
	ibm_csvw_end(w);
}

void sv_write_csv(const sv_result *r, FILE *fp, int excel)
{
	static const char *const head[] = {
		"bagian", "nama", "aspek", "n", "jumlah", "rata_rata", "mutu",
		"kinerja"
	};
	ibm_csvw *w = ibm_csvw_new(fp, excel);
	size_t i = 0;

	ibm_csvw_row(w, head, 8);
	for (; i < r->nrow && r->row[i].part == SV_UNSUR; i++)
		put_row(w, &r->row[i], excel);
	if (r->nunsur)
		put_index(w, r, excel);
	for (; i < r->nrow; i++)
		put_row(w, &r->row[i], excel);
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, "standard output", "write error");
}

static void stat_text(ibm_csvw *w, const char *name, const char *v)
{
	ibm_csvw_str(w, name);
	ibm_csvw_str(w, v);
	ibm_csvw_end(w);
}

/* The index: its two decimals always written ("88.30"). */
static void stat_fixed(ibm_csvw *w, const char *name, double v, int excel)
{
	ibm_csvw_str(w, name);
	put_fixed(w, v, SV_INDEX_DECIMALS, excel);
	ibm_csvw_end(w);
}

static void stat_num(ibm_csvw *w, const char *name, double v, int decimals)
{
	ibm_csvw_str(w, name);
	ibm_csvw_num(w, v, decimals);
	ibm_csvw_end(w);
}

void sv_write_summary(const sv_result *r, const char *path, int excel)
{
	ibm_atomic *a = ibm_atomic_open(path);
	ibm_csvw *w = ibm_csvw_new(ibm_atomic_fp(a), excel);
	char *note = sv_sample_note(r);
	double none = NAN;

	stat_text(w, "statistic", "value");
	stat_fixed(w, "ikm", r->nunsur ? r->ikm : none, excel);
	stat_text(w, "mutu", r->band ? r->band->grade : "");
	stat_text(w, "kinerja", r->band ? r->band->words : "");
	stat_num(w, "ikm_unrounded", r->nunsur ? r->ikm : none, 6);
	stat_fixed(w, "ikm_exact_weight", r->nunsur ? r->ikm_exact : none,
		   excel);
	stat_num(w, "weight", r->nunsur ? r->weight : none, 6);
	stat_text(w, "weight_note", r->weight_text);
	stat_num(w, "elements", (double)r->nunsur, 0);
	stat_num(w, "respondents", (double)r->respondents, 0);
	stat_num(w, "ikm_respondents", (double)r->ikm_respondents, 0);
	stat_num(w, "participants", r->participants > 0
		 ? (double)r->participants : none, 0);
	stat_num(w, "response_rate", r->participants > 0
		 ? sv_round(100.0 * (double)r->respondents /
			    (double)r->participants, 2) : none, 2);
	stat_num(w, "sample_min", r->participants > 0
		 ? (double)r->sample_min : none, 0);
	stat_text(w, "sample_note", note ? note : "");
	stat_num(w, "speakers", (double)r->nspeakers, 0);
	free(note);
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, path, "write error");
	ibm_atomic_finish(a);
}
