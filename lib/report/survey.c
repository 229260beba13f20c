/* survey.c - the Evaluasi Penyelenggaraan part of the Bimtek report, from
 * ibm-survey's output (see report.h and ibm-report(1)). */
#include "report.h"
#include "survey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int is(const rp_survey_row *r, const char *bagian)
{
	return !ibm_casecmp(r->bagian, bagian);
}

/* The index's row, or NULL. */
static const rp_survey_row *index_row(const rp_survey_row *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is(&s[i], "indeks") && !isnan(s[i].rata))
			return &s[i];
	return NULL;
}

/* The index as the regulation writes it: two decimals, rounded half up
 * as ibm-survey rounds it for its band. */
static char *ikm_text(char *buf, size_t size, double v)
{
	return rp_num(buf, size, sv_round(v, SV_INDEX_DECIMALS),
		      SV_INDEX_DECIMALS, 1);
}

static char *mean_text(char *buf, size_t size, double v)
{
	return rp_num(buf, size, sv_round(v, SV_MEAN_DECIMALS),
		      SV_MEAN_DECIMALS, 1);
}

/* "A (Sangat Baik)", or "" without a band. */
static char *band_text(const rp_survey_row *r)
{
	if (!*r->mutu)
		return ibm_xstrdup("");
	return *r->kinerja ? rp_fmt("%s (%s)", r->mutu, r->kinerja)
			   : ibm_xstrdup(r->mutu);
}

/* ibm-survey's words about the weight ("bobot 0.111 (dibulatkan; ...)")
 * with decimal commas. */
static char *weight_text(const char *aspek)
{
	const char *p = aspek;
	char *s, *q;

	if (strncmp(p, "bobot ", 6) != 0)
		return NULL;
	s = ibm_xstrdup(p + 6);
	for (q = s; *q; q++)
		if (*q == '.' && q > s && q[-1] >= '0' && q[-1] <= '9' &&
		    q[1] >= '0' && q[1] <= '9')
			*q = ',';
	return s;
}

static int by_mean(const void *a, const void *b)
{
	const rp_survey_row *x = *(const rp_survey_row *const *)a;
	const rp_survey_row *y = *(const rp_survey_row *const *)b;

	if (x->rata != y->rata)
		return x->rata < y->rata ? -1 : 1;
	return x < y ? -1 : x > y;
}

char *rp_survey_conclusion(const rp_survey_row *s, size_t n)
{
	const rp_survey_row *ix = index_row(s, n);
	char b[32], *band, *t;

	if (!ix)
		return NULL;
	band = band_text(ix);
	t = rp_fmt("Peserta menilai penyelenggaraan kegiatan dengan Indeks "
		   "Kepuasan Masyarakat %s%s%s.", ikm_text(b, sizeof b,
							  ix->rata),
		   *band ? ", mutu " : "", band);
	free(band);
	return t;
}

/* The elements' table and the index under it. */
static void element_table(rp_ctx *c, const rp_survey_row *s, size_t n,
			  const rp_survey_row *ix, size_t *tabel)
{
	int w[5];
	size_t no = 0;
	char b[32];

	w[0] = DOCX_CM(1);
	w[2] = DOCX_CM(2);
	w[3] = DOCX_CM(1.4);
	w[4] = DOCX_CM(2.8);
	w[1] = c->width - DOCX_CM(1.5) - w[0] - w[2] - w[3] - w[4];
	rp_caption(c, rp_fmt_num_label(tabel, "Tabel"),
		   "Nilai rata-rata (NRR) unsur pelayanan dan IKM");
	docx_table_indent(c->d, DOCX_CM(1.5));
	rp_table_head(c, w, (const char *const[]){ "No", "Unsur Pelayanan",
		"NRR", "Mutu", "Kinerja", NULL });
	for (size_t i = 0; i < n; i++) {
		if (!is(&s[i], "unsur"))
			continue;
		docx_row_begin(c->d, 0);
		docx_cell(c->d, rp_num(b, sizeof b, (double)++no, 0, 0),
			  DOCX_CENTER);
		docx_cell(c->d, s[i].nama, 0);
		docx_cell(c->d, mean_text(b, sizeof b, s[i].rata),
			  DOCX_CENTER);
		docx_cell(c->d, *s[i].mutu ? s[i].mutu : "-", DOCX_CENTER);
		docx_cell(c->d, *s[i].kinerja ? s[i].kinerja : "-",
			  DOCX_CENTER);
		docx_row_end(c->d);
	}
	docx_row_begin(c->d, 0);
	docx_cell_span(c->d, "Indeks Kepuasan Masyarakat (IKM)",
		       DOCX_BOLD, 2);
	docx_cell(c->d, ikm_text(b, sizeof b, ix->rata),
		  DOCX_BOLD | DOCX_CENTER);
	docx_cell(c->d, *ix->mutu ? ix->mutu : "-", DOCX_BOLD | DOCX_CENTER);
	docx_cell(c->d, *ix->kinerja ? ix->kinerja : "-",
		  DOCX_BOLD | DOCX_CENTER);
	docx_row_end(c->d);
	docx_table_end(c->d);
	docx_p(c->d, "NoSpacing", 0, "");
}

/* "Tiga unsur dengan nilai terendah adalah A (3,2593), B (...) dan C
 * (...)." */
static void weakest(rp_ctx *c, const rp_survey_row *s, size_t n)
{
	const rp_survey_row **v = ibm_xmalloc((n + 1) * sizeof *v);
	size_t k = 0, m;
	char **own, *j, *t, b[32];
	static const char *const count[] = { "", "Unsur", "Dua unsur",
					     "Tiga unsur" };

	for (size_t i = 0; i < n; i++)
		if (is(&s[i], "unsur") && !isnan(s[i].rata))
			v[k++] = &s[i];
	if (k < 2) {
		free(v);
		return;
	}
	qsort(v, k, sizeof *v, by_mean);
	m = k < 3 ? k : 3;
	own = ibm_xmalloc(m * sizeof *own);
	for (size_t i = 0; i < m; i++)
		own[i] = rp_fmt("%s (%s)", v[i]->nama,
				mean_text(b, sizeof b, v[i]->rata));
	j = rp_join_and((const char *const *)own, m);
	t = rp_fmt("%s dengan nilai terendah adalah %s; %s menjadi prioritas "
		   "perbaikan pada kegiatan berikutnya.", count[m], j,
		   m > 1 ? "unsur-unsur ini" : "unsur ini");
	rp_para(c, t);
	free(t);
	free(j);
	for (size_t i = 0; i < m; i++)
		free(own[i]);
	free(own);
	free(v);
}

/* The speakers ranked (ibm-survey writes them best first; equal means
 * share a rank). */
static void speaker_table(rp_ctx *c, const rp_survey_row *s, size_t n,
			  size_t *tabel)
{
	int w[5];
	size_t rank = 0, seen = 0, ns = 0;
	double last = NAN;
	const rp_survey_row *best = NULL;
	char b[32], *t, *band;

	for (size_t i = 0; i < n; i++)
		if (is(&s[i], "narasumber") && !*s[i].aspek) {
			ns++;
			if (!best)
				best = &s[i];
		}
	if (!ns)
		return;
	band = band_text(best);
	t = rp_fmt("Penilaian peserta terhadap %zu narasumber tercantum pada "
		   "Tabel %zu. Rata-rata tertinggi diperoleh %s, yaitu %s%s%s.",
		   ns, *tabel + 1, best->nama,
		   mean_text(b, sizeof b, best->rata),
		   *band ? " dengan mutu " : "", band);
	rp_para(c, t);
	free(t);
	free(band);
	w[0] = DOCX_CM(2);
	w[2] = DOCX_CM(2);
	w[3] = DOCX_CM(1.4);
	w[4] = DOCX_CM(2.8);
	w[1] = c->width - DOCX_CM(1.5) - w[0] - w[2] - w[3] - w[4];
	rp_caption(c, rp_fmt_num_label(tabel, "Tabel"),
		   "Penilaian narasumber (rata-rata semua aspek, skala 1–4)");
	docx_table_indent(c->d, DOCX_CM(1.5));
	rp_table_head(c, w, (const char *const[]){ "Peringkat", "Narasumber",
		"Rata-rata", "Mutu", "Kinerja", NULL });
	for (size_t i = 0; i < n; i++) {
		if (!is(&s[i], "narasumber") || *s[i].aspek)
			continue;
		seen++;
		if (!(s[i].rata == last))
			rank = seen;
		last = s[i].rata;
		docx_row_begin(c->d, 0);
		docx_cell(c->d, rp_num(b, sizeof b, (double)rank, 0, 0),
			  DOCX_CENTER);
		docx_cell(c->d, s[i].nama, 0);
		docx_cell(c->d, mean_text(b, sizeof b, s[i].rata),
			  DOCX_CENTER);
		docx_cell(c->d, *s[i].mutu ? s[i].mutu : "-", DOCX_CENTER);
		docx_cell(c->d, *s[i].kinerja ? s[i].kinerja : "-",
			  DOCX_CENTER);
		docx_row_end(c->d);
	}
	docx_table_end(c->d);
	docx_p(c->d, "NoSpacing", 0, "");
}

/* The organisation in a sentence: each group's mean and its weakest
 * aspect. */
static void organisation(rp_ctx *c, const rp_survey_row *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const rp_survey_row *low = NULL;
		char b1[32], b2[32], *t, *band;

		if (!is(&s[i], "penyelenggaraan") || *s[i].aspek)
			continue;
		for (size_t k = 0; k < i; k++)
			if (is(&s[k], "penyelenggaraan") && *s[k].aspek &&
			    !strcmp(s[k].nama, s[i].nama) &&
			    !isnan(s[k].rata) &&
			    (!low || s[k].rata < low->rata))
				low = &s[k];
		band = band_text(&s[i]);
		t = rp_fmt("%s kegiatan dinilai rata-rata %s%s%s%s%s%s%s.",
			   s[i].nama, mean_text(b1, sizeof b1, s[i].rata),
			   *band ? ", mutu " : "", band,
			   low ? "; aspek terendah adalah " : "",
			   low ? low->aspek : "", low ? " dengan " : "",
			   low ? mean_text(b2, sizeof b2, low->rata) : "");
		rp_para(c, t);
		free(t);
		free(band);
	}
}

void rp_survey_part(rp_ctx *c, const rp_survey_row *s, size_t n,
		    size_t *tabel)
{
	const rp_survey_row *ix = index_row(s, n);
	char b[32], b2[32], *t;

	if (ix) {
		char *band = band_text(ix), *wt = weight_text(ix->aspek);
		char *ws = wt && strstr(wt, "dibulatkan")
			? rp_fmt(" Bobot tiap unsur %s.", wt)
			: ibm_xstrdup("");

		t = rp_fmt("Pada akhir kegiatan, %s peserta mengisi survei "
			   "kepuasan menurut Peraturan Menteri PANRB Nomor 14 "
			   "Tahun 2017. Indeks Kepuasan Masyarakat (IKM) atas "
			   "penyelenggaraan kegiatan adalah %s%s%s; nilai tiap "
			   "unsur tercantum pada Tabel %zu.%s",
			   rp_num(b, sizeof b, ix->n, 0, 0),
			   ikm_text(b2, sizeof b2, ix->rata),
			   *band ? ", mutu " : "", band, *tabel + 1, ws);
		rp_para(c, t);
		free(t);
		free(band);
		free(wt);
		free(ws);
		element_table(c, s, n, ix, tabel);
		weakest(c, s, n);
	} else {
		rp_para(c, "Pada akhir kegiatan, peserta mengisi survei "
			"evaluasi penyelenggaraan.");
	}
	speaker_table(c, s, n, tabel);
	organisation(c, s, n);
}
