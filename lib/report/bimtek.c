/* bimtek.c - the Bimtek report: activity, participants, pre/post results
 * (see report.h and ibm-report(1)). */
#include "invite.h"
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Distinct values with counts, in order of first appearance. */
typedef struct tally {
	ibm_strset s;
	size_t *l, *p, *n; /* men, women, all */
	size_t cap;
} tally;

static size_t tally_add(tally *t, const char *k, const char *jk)
{
	size_t len = t->s.n, i = ibm_strset_add(&t->s, k);

	if (i == len) {
		size_t c = t->cap;

		ibm_grow((void **)&t->l, &c, len + 1, sizeof *t->l);
		c = t->cap;
		ibm_grow((void **)&t->p, &c, len + 1, sizeof *t->p);
		ibm_grow((void **)&t->n, &t->cap, len + 1, sizeof *t->n);
		t->l[i] = t->p[i] = t->n[i] = 0;
	}
	t->n[i]++;
	if (jk && strcmp(jk, "L") == 0)
		t->l[i]++;
	else if (jk && strcmp(jk, "P") == 0)
		t->p[i]++;
	return i;
}

static void tally_free(tally *t)
{
	ibm_strset_free(&t->s);
	free(t->l);
	free(t->p);
	free(t->n);
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

typedef struct desc {
	size_t n;
	double mean, median, min, max;
} desc;

static desc describe(const rp_score *s, size_t n, int post)
{
	double *v = ibm_xmalloc((n ? n : 1) * sizeof *v);
	desc d = { 0, NAN, NAN, NAN, NAN };
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		double x = post ? s[i].post_pct : s[i].pre_pct;

		if (!isnan(x))
			v[d.n++] = x;
	}
	if (d.n) {
		qsort(v, d.n, sizeof *v, dbl_cmp);
		for (size_t i = 0; i < d.n; i++)
			sum += v[i];
		d.mean = sum / (double)d.n;
		d.min = v[0];
		d.max = v[d.n - 1];
		d.median = d.n % 2 ? v[d.n / 2] :
				     (v[d.n / 2 - 1] + v[d.n / 2]) / 2;
	}
	free(v);
	return d;
}

/* The category of the class-average gain, as ibm-score's n_gain_category:
 * tinggi from 0,7, sedang from 0,3. */
static const char *gain_category(double g)
{
	if (isnan(g))
		return "tidak dapat dihitung";
	return g >= 0.7 ? "tinggi" : g >= 0.3 ? "sedang" : "rendah";
}

/* Who took which test: the invited (the participant list) and the
 * walk-ins (respondents not on it). */
typedef struct turnout {
	size_t invited, pre, post, both, absent;   /* of the invited */
	size_t walkin, walkin_pre, walkin_post;    /* not on the list */
} turnout;

/* A key of a participant or a respondent and its row. */
typedef struct tkey {
	char *k;
	size_t i;
} tkey;

static int tkey_cmp(const void *a, const void *b)
{
	return strcmp(((const tkey *)a)->k, ((const tkey *)b)->k);
}

enum { TK_ID, TK_EMAIL, TK_NAME, TK_N };

static char *person_tkey(int by, const char *v)
{
	char *k;

	if (by == TK_ID)
		return ibm_name_key(v);
	if (by == TK_NAME)
		return ibm_person_bare_key(v);
	k = ibm_lower(v);
	ibm_trim(k);
	return k;
}

/*
 * The turnout: from ibm-score --roster's counts in the summary when it
 * has them, else by finding each respondent of the scores among the
 * participants, as ibm-score does (participant_id, e-mail, then the
 * name without degrees and titles; a key on two participants finds
 * neither). A participant found by a pre-test row and by a post-test row
 * took both.
 */
static turnout turnout_of(const rp_person *pp, size_t np, const rp_score *sc,
			  size_t ns, const rp_stat *st, size_t nst)
{
	turnout t = { 0 };
	tkey *keys[TK_N];
	size_t nk[TK_N];
	unsigned char *took;

	if (!isnan(rp_stat_get(st, nst, "n_invited"))) {
		double v[6];
		static const char *const name[6] = {
			"n_invited", "n_invited_pre", "n_invited_post",
			"n_invited_both", "n_absent", "n_not_registered"
		};

		for (int i = 0; i < 6; i++) {
			v[i] = rp_stat_get(st, nst, name[i]);
			if (isnan(v[i]) || v[i] < 0)
				v[i] = 0;
		}
		t.invited = (size_t)v[0];
		t.pre = (size_t)v[1];
		t.post = (size_t)v[2];
		t.both = (size_t)v[3];
		t.absent = (size_t)v[4];
		t.walkin = (size_t)v[5];
		for (size_t i = 0; i < ns; i++)
			if (strcmp(sc[i].status, "tidak terdaftar") == 0) {
				t.walkin_pre += !isnan(sc[i].pre);
				t.walkin_post += !isnan(sc[i].post);
			}
		return t;
	}
	for (int by = 0; by < TK_N; by++) {
		keys[by] = ibm_xcalloc(np + 1, sizeof *keys[by]);
		nk[by] = 0;
		for (size_t i = 0; i < np; i++) {
			const char *v = by == TK_ID ? pp[i].id : by == TK_EMAIL
				? pp[i].email : pp[i].nama;
			char *k = person_tkey(by, v);

			if (!*k) {
				free(k);
				continue;
			}
			keys[by][nk[by]].k = k;
			keys[by][nk[by]++].i = i;
		}
		qsort(keys[by], nk[by], sizeof *keys[by], tkey_cmp);
	}
	took = ibm_xcalloc(np + 1, 1);
	for (size_t j = 0; j < ns; j++) {
		long found = -1;
		int pre = !isnan(sc[j].pre), post = !isnan(sc[j].post);

		for (int by = 0; by < TK_N && found < 0; by++) {
			const char *v = by == TK_ID ? sc[j].id : by == TK_EMAIL
				? sc[j].email : sc[j].name;
			tkey q = { person_tkey(by, v), 0 }, *hit;

			hit = *q.k ? bsearch(&q, keys[by], nk[by],
					     sizeof *keys[by], tkey_cmp) : NULL;
			if (hit && !((hit > keys[by] &&
				      !strcmp(hit[-1].k, q.k)) ||
				     (hit + 1 < keys[by] + nk[by] &&
				      !strcmp(hit[1].k, q.k))))
				found = (long)hit->i;
			free(q.k);
		}
		if (found < 0) {
			t.walkin++;
			t.walkin_pre += pre;
			t.walkin_post += post;
			continue;
		}
		took[found] |= (unsigned char)(pre | post << 1);
	}
	t.invited = np;
	for (size_t i = 0; i < np; i++) {
		t.pre += took[i] & 1;
		t.post += took[i] >> 1 & 1;
		t.both += took[i] == 3;
		t.absent += took[i] == 0;
	}
	for (int by = 0; by < TK_N; by++) {
		for (size_t i = 0; i < nk[by]; i++)
			free(keys[by][i].k);
		free(keys[by]);
	}
	free(took);
	return t;
}

static const char *const need_stats[] = {
	"n_pre", "n_post", "n_matched", "max_score", "pre_mean_percent",
	"post_mean_percent", "n_gain_of_means", "t_p", NULL
};

int rp_bimtek(const rp_opts *o)
{
	rp_ctx c;
	rp_person *pp;
	rp_score *sc;
	rp_stat *st;
	rp_item *it = NULL;
	rp_survey_row *sv = NULL;
	rp_pay_row *pay = NULL;
	size_t npay = 0;
	size_t np, ns, nst, nit = 0, nsv = 0;
	char nsoal[96];
	invite iv;
	const char *acara, *tempat, *waktu;
	ibm_date first, last;
	char dates[128], b1[64], b2[64], b3[64], b4[64];
	tally units = { 0 }, desa = { 0 }, jab = { 0 };
	size_t nl = 0, npr = 0;
	char *s, *subject, *office;
	rp_list kop;
	double sulit = 56;
	desc dpre, dpost;
	double g, tp, prem, postm;
	const char *band;
	size_t n_pre, n_post, n_match, tabel = 0;
	turnout to;

	rp_init(&c, o);
	acara = ibm_event_get(c.ev, "acara");
	tempat = ibm_event_get(c.ev, "tempat");
	waktu = ibm_event_get(c.ev, "waktu");
	if (!acara || !tempat || !ibm_event_get(c.ev, "tanggal_mulai")) {
		s = rp_fmt("%s%s%s%s%s", acara ? "" : "acara",
			   !acara && !ibm_event_get(c.ev, "tanggal_mulai") ?
			   ", " : "",
			   ibm_event_get(c.ev, "tanggal_mulai") ? "" :
			   "tanggal_mulai", !tempat && (!acara ||
			   !ibm_event_get(c.ev, "tanggal_mulai")) ? ", " : "",
			   tempat ? "" : "tempat");
		ibm_die(IBM_EX_DATAERR, o->event, 0, "missing required key%s "
			"for a Bimtek report: %s", strchr(s, ',') ? "s" : "",
			s);
	}
	ibm_event_dates(c.ev, &first, &last);
	if (rp_text(&c, "batas_sulit")) {
		const ibm_event_kv *kv = ibm_event_find(c.rf, "batas_sulit");
		char t[64];
		size_t l;

		snprintf(t, sizeof t, "%s", kv->val);
		l = strlen(t);
		if (l && t[l - 1] == '%')
			t[l - 1] = '\0';
		if (ibm_parse_number(t, &sulit, 0) != 0 || sulit < 0 ||
		    sulit > 100)
			ibm_die(IBM_EX_DATAERR, kv->src, kv->line,
				"batas_sulit: not a percentage (0 to 100): %s",
				kv->val);
	}
	/* inputs: all read before anything is written */
	rp_read_people(o->participants, &o->csv, &pp, &np);
	rp_read_scores(o->scores, &o->csv, &sc, &ns);
	rp_read_summary(o->summary, &o->csv, need_stats, &st, &nst);
	if (o->items)
		rp_read_items(o->items, &o->csv, &it, &nit);
	if (o->survey)
		rp_read_survey(o->survey, &o->csv, &sv, &nsv);
	if (o->spj)
		rp_read_spj(o->spj, &o->csv, &pay, &npay);
	memset(&iv, 0, sizeof iv);
	if (o->agenda) {
		iv.ev.kv = c.ev;
		iv.ev.first = first;
		iv.ev.days = (int)(ibm_date_days(last) - ibm_date_days(first)) +
			     1;
		inv_read_agenda(&iv, o->agenda, &o->csv);
	}
	for (size_t i = 0; i < np; i++) {
		/* what the file does not say is left out */
		if (pp[i].unit[0])
			tally_add(&units, pp[i].unit, pp[i].jk);
		if (pp[i].desa[0])
			tally_add(&desa, pp[i].desa, pp[i].jk);
		if (pp[i].jabatan[0])
			tally_add(&jab, pp[i].jabatan, pp[i].jk);
		nl += strcmp(pp[i].jk, "L") == 0;
		npr += strcmp(pp[i].jk, "P") == 0;
	}
	rp_list_split(&kop, ibm_event_get(c.ev, "instansi"));
	office = kop.n ? ibm_title_case(kop.v[kop.n - 1]) :
			 ibm_xstrdup("kantor kami");
	ibm_date_range_long(dates, sizeof dates, first, last);
	n_pre = (size_t)rp_stat_get(st, nst, "n_pre");
	n_post = (size_t)rp_stat_get(st, nst, "n_post");
	n_match = (size_t)rp_stat_get(st, nst, "n_matched");
	prem = rp_stat_get(st, nst, "pre_mean_percent");
	postm = rp_stat_get(st, nst, "post_mean_percent");
	/* the class gain of those who took both tests when ibm-score gives
	 * it (n_gain_class), else the one of all the means */
	g = rp_stat_get(st, nst, "n_gain_class");
	if (isnan(g) && !rp_stat_text(st, nst, "n_gain_class"))
		g = rp_stat_get(st, nst, "n_gain_of_means");
	band = rp_stat_text(st, nst, "n_gain_band");
	tp = rp_stat_get(st, nst, "t_p");
	if ((n_pre > np || n_post > np) &&
	    isnan(rp_stat_get(st, nst, "n_invited")))
		ibm_warn(o->summary, 0, "%zu took the pre-test and %zu the "
			 "post-test, but %s lists %zu participants", n_pre,
			 n_post, o->participants, np);
	to = turnout_of(pp, np, sc, ns, st, nst);
	dpre = describe(sc, ns, 0);
	dpost = describe(sc, ns, 1);

	/* ---------------------------------------------------- title */
	subject = rp_text(&c, "judul") ? ibm_xstrdup(rp_text(&c, "judul")) :
					 rp_fmt("Pelaksanaan %s", acara);
	rp_title(&c, subject);

	/* --------------------------------------------- A. Pendahuluan */
	rp_h1(&c, "PENDAHULUAN");
	rp_h2(&c, "Umum");
	s = rp_fmt("Penyalahgunaan narkotika masih menjadi ancaman bagi "
		   "masyarakat hingga ke tingkat desa dan kelurahan. "
		   "Intervensi Berbasis Masyarakat (IBM) adalah upaya "
		   "rehabilitasi dari, oleh dan untuk masyarakat yang "
		   "dijalankan oleh Agen Pemulihan di desa/kelurahan. Untuk "
		   "membekali para Agen Pemulihan dengan pengetahuan dan "
		   "keterampilan yang diperlukan, %s menyelenggarakan %s.",
		   office, acara);
	rp_paras(&c, "umum", s);
	free(s);
	rp_h2(&c, "Maksud dan Tujuan");
	if (rp_text(&c, "maksud_tujuan")) {
		rp_paras(&c, "maksud_tujuan", NULL);
	} else {
		rp_para(&c, "Maksud kegiatan ini adalah memberikan bimbingan "
			"teknis kepada Agen Pemulihan dan pengelola unit IBM. "
			"Tujuannya:");
		rp_items(&c, NULL, "meningkatkan pengetahuan peserta tentang "
			 "program Intervensi Berbasis Masyarakat dan peran "
			 "Agen Pemulihan;|meningkatkan keterampilan peserta "
			 "dalam skrining, intervensi singkat dan rujukan;|"
			 "mengukur peningkatan pengetahuan peserta melalui "
			 "pre-test dan post-test.", 0);
	}
	rp_h2(&c, "Ruang Lingkup");
	s = rp_fmt("Laporan ini meliputi pelaksanaan %s pada %s di %s, "
		   "yang mencakup peserta, narasumber dan materi, hasil "
		   "pre-test dan post-test, serta simpulan dan saran.", acara,
		   dates, tempat);
	rp_paras(&c, "ruang_lingkup", s);
	free(s);
	rp_h2(&c, "Dasar");
	{
		char *d1 = rp_fmt("Undang-Undang Nomor 35 Tahun 2009 tentang "
				  "Narkotika;|Daftar Isian Pelaksanaan "
				  "Anggaran (DIPA) %s Tahun Anggaran %d.",
				  office, first.y);

		rp_items(&c, "dasar", d1, 0);
		free(d1);
	}

	/* ------------------------------------- B. Kegiatan dilaksanakan */
	rp_h1(&c, "KEGIATAN YANG DILAKSANAKAN");
	rp_h2(&c, "Waktu dan Tempat");
	s = rp_fmt("Kegiatan dilaksanakan pada %s%s%s, bertempat di %s.",
		   dates, waktu ? ", pukul " : "", waktu ? waktu : "", tempat);
	rp_para(&c, s);
	free(s);
	rp_h2(&c, "Peserta");
	{
		/* the split by gender only when every gender is known */
		char *jk = nl + npr == np ?
			rp_fmt(" (%zu laki-laki dan %zu perempuan)", nl, npr) :
			ibm_xstrdup("");

		char *un = units.s.n ? rp_fmt(" dari %zu unit IBM%s", units.s.n,
					      "") : ibm_xstrdup("");
		char *ds = desa.s.n ? rp_fmt(" di %zu desa/kelurahan",
					     desa.s.n) : ibm_xstrdup("");

		s = rp_fmt("Peserta yang diundang sebanyak %zu orang%s%s%s.%s "
			   "Daftar nama peserta yang diundang tercantum pada "
			   "Lampiran I; yang mengikuti tes diuraikan pada "
			   "bagian C.", np, jk, un, ds, units.s.n ?
			   " Rincian peserta yang diundang menurut unit IBM "
			   "tercantum pada Tabel 1." : "");
		free(jk);
		free(un);
		free(ds);
	}
	rp_para(&c, s);
	free(s);
	if (units.s.n) {
		int w[5];
		size_t tl = 0, tp2 = 0, tn = 0;

		w[0] = DOCX_CM(1);
		w[2] = w[3] = w[4] = DOCX_CM(1.6);
		w[1] = c.width - DOCX_CM(1.5) - w[0] - 3 * w[2];
		rp_caption(&c, rp_fmt_num_label(&tabel, "Tabel"),
			   "Peserta yang diundang menurut unit IBM");
		docx_table_indent(c.d, DOCX_CM(1.5));
		rp_table_head(&c, w, (const char *const[]){ "No", "Unit IBM",
			"L", "P", "Jumlah", NULL });
		for (size_t i = 0; i < units.s.n; i++) {
			docx_row_begin(c.d, 0);
			docx_cell(c.d, rp_num(b1, sizeof b1, (double)i + 1, 0,
					      0), DOCX_CENTER);
			docx_cell(c.d, units.s.v[i], 0);
			docx_cell(c.d, rp_num(b1, sizeof b1,
					      (double)units.l[i], 0, 0),
				  DOCX_CENTER);
			docx_cell(c.d, rp_num(b1, sizeof b1,
					      (double)units.p[i], 0, 0),
				  DOCX_CENTER);
			docx_cell(c.d, rp_num(b1, sizeof b1,
					      (double)units.n[i], 0, 0),
				  DOCX_CENTER);
			docx_row_end(c.d);
			tl += units.l[i];
			tp2 += units.p[i];
			tn += units.n[i];
		}
		docx_row_begin(c.d, 0);
		docx_cell_span(c.d, "Jumlah", DOCX_BOLD | DOCX_CENTER, 2);
		docx_cell(c.d, rp_num(b1, sizeof b1, (double)tl, 0, 0),
			  DOCX_BOLD | DOCX_CENTER);
		docx_cell(c.d, rp_num(b1, sizeof b1, (double)tp2, 0, 0),
			  DOCX_BOLD | DOCX_CENTER);
		docx_cell(c.d, rp_num(b1, sizeof b1, (double)tn, 0, 0),
			  DOCX_BOLD | DOCX_CENTER);
		docx_row_end(c.d);
		docx_table_end(c.d);
	}
	if (jab.s.n) {
		const char **v = ibm_xmalloc((jab.s.n ? jab.s.n : 1) *
					     sizeof *v);
		char **own = ibm_xmalloc((jab.s.n ? jab.s.n : 1) *
					 sizeof *own);
		char *j;

		for (size_t i = 0; i < jab.s.n; i++) {
			own[i] = rp_fmt("%zu orang %s", jab.n[i], jab.s.v[i]);
			v[i] = own[i];
		}
		j = rp_join_and(v, jab.s.n);
		s = rp_fmt("Menurut jabatannya, peserta terdiri atas %s.", j);
		if (units.s.n)
			docx_p(c.d, "NoSpacing", 0, "");
		rp_para(&c, s);
		free(s);
		free(j);
		for (size_t i = 0; i < jab.s.n; i++)
			free(own[i]);
		free(own);
		free(v);
	}
	if (iv.nag) {
		/* speakers in order of first appearance, with sessions */
		tally pj = { 0 };
		const char **v;
		char *j;

		rp_h2(&c, "Narasumber dan Materi");
		for (size_t i = 0; i < iv.nag; i++)
			if (iv.ag[i].pj[0] &&
			    ibm_casecmp(iv.ag[i].pj, "Panitia") != 0)
				tally_add(&pj, iv.ag[i].pj, NULL);
		v = ibm_xmalloc((pj.s.n ? pj.s.n : 1) * sizeof *v);
		for (size_t i = 0; i < pj.s.n; i++)
			v[i] = pj.s.v[i];
		j = rp_join_and(v, pj.s.n);
		s = rp_fmt("Kegiatan terdiri atas %zu sesi selama %d hari. "
			   "Materi disampaikan oleh %s. Jadwal kegiatan "
			   "selengkapnya tercantum pada Lampiran III.",
			   iv.nag, iv.ev.days, pj.s.n ? j : "panitia");
		rp_para(&c, s);
		free(s);
		free(j);
		free(v);
		tally_free(&pj);
	}
	if (rp_text(&c, "kegiatan"))
		rp_paras(&c, "kegiatan", NULL);

	/* ------------------------------------------ C. Hasil dicapai */
	rp_h1(&c, "HASIL YANG DICAPAI");
	rp_h2(&c, "Kehadiran Tes");
	{
		/* the invited, the walk-ins and all who took a test, each
		 * named, so that the numbers agree with Tabel 2 */
		char *absent = to.absent ? rp_fmt(" Sebanyak %zu orang yang "
						  "diundang tidak mengikuti "
						  "kedua tes.", to.absent)
					 : ibm_xstrdup("");
		char *walkin = to.walkin ? rp_fmt(" Selain itu, %zu orang di "
						  "luar daftar undangan "
						  "mengikuti tes (%zu pre-test "
						  "dan %zu post-test).",
						  to.walkin, to.walkin_pre,
						  to.walkin_post)
					 : ibm_xstrdup("");
		char *all = to.walkin || to.pre != n_pre || to.post != n_post
			? rp_fmt(" Seluruhnya, pre-test diikuti %zu orang, "
				 "post-test %zu orang, dan keduanya %zu orang "
				 "(Tabel %zu).", n_pre, n_post, n_match,
				 tabel + 1)
			: ibm_xstrdup("");

		s = rp_fmt("Dari %zu peserta yang diundang, %zu orang mengikuti "
			   "pre-test dan %zu orang mengikuti post-test; %zu "
			   "orang mengikuti keduanya sehingga peningkatan "
			   "nilainya dapat dihitung.%s%s%s", to.invited,
			   to.pre, to.post, to.both, absent, walkin, all);
		free(absent);
		free(walkin);
		free(all);
	}
	rp_para(&c, s);
	free(s);
	rp_h2(&c, "Hasil Pre-test dan Post-test");
	/* the number of items from the item analysis (--items) */
	if (nit)
		snprintf(nsoal, sizeof nsoal, "Tes terdiri atas %zu soal dengan "
			 "skor maksimum", nit);
	else
		snprintf(nsoal, sizeof nsoal, "Skor maksimum tes");
	s = rp_fmt("%s %s; nilai "
		   "dinyatakan dalam skala 0 sampai 100. Rata-rata nilai "
		   "peserta naik dari %s pada pre-test menjadi %s pada "
		   "post-test. Rata-rata N-gain kelas <g> = %s, termasuk "
		   "kategori %s%s%s%s.", nsoal,
		   rp_num(b1, sizeof b1, rp_stat_get(st, nst, "max_score"), 2,
			  0),
		   rp_num(b2, sizeof b2, prem, 1, 1),
		   rp_num(b3, sizeof b3, postm, 1, 1),
		   rp_num(b4, sizeof b4, g, 2, 1), gain_category(g),
		   band ? " (efektivitas pelatihan menurut N-gain: " : "",
		   band ? band : "", band ? ")" : "");
	rp_para(&c, s);
	free(s);
	{
		char p[48];

		rp_pval(p, sizeof p, tp);
		if (!isnan(tp) && tp < 0.05)
			s = rp_fmt("Perbedaan nilai pre-test dan post-test "
				   "bermakna secara statistik (uji t "
				   "berpasangan, %s).", p);
		else
			s = rp_fmt("Perbedaan nilai pre-test dan post-test "
				   "belum bermakna secara statistik (uji t "
				   "berpasangan, %s).", p);
		rp_para(&c, s);
		free(s);
	}
	{
		int w[3];
		static const char *const rows[] = {
			"Peserta yang mengikuti tes", "Rata-rata", "Median",
			"Nilai terendah", "Nilai tertinggi"
		};

		w[0] = DOCX_CM(5.5);
		w[1] = w[2] = DOCX_CM(3.2);
		rp_caption(&c, rp_fmt_num_label(&tabel, "Tabel"),
			   "Nilai pre-test dan post-test "
			   "(skala 0–100)");
		docx_table_indent(c.d, DOCX_CM(1.5));
		rp_table_head(&c, w, (const char *const[]){ "Statistik",
			"Pre-test", "Post-test", NULL });
		for (int r = 0; r < 5; r++) {
			double a[5] = { (double)n_pre, prem, dpre.median,
					dpre.min, dpre.max };
			double bb[5] = { (double)n_post, postm, dpost.median,
					 dpost.min, dpost.max };

			docx_row_begin(c.d, 0);
			docx_cell(c.d, rows[r], 0);
			docx_cell(c.d, rp_num(b1, sizeof b1, a[r], r ? 1 : 0,
					      r != 0), DOCX_CENTER);
			docx_cell(c.d, rp_num(b1, sizeof b1, bb[r],
					      r ? 1 : 0, r != 0), DOCX_CENTER);
			docx_row_end(c.d);
			if (r || !to.walkin)
				continue;
			/* which of them were not invited */
			docx_row_begin(c.d, 0);
			docx_cell(c.d, "di antaranya di luar daftar undangan",
				  DOCX_SMALL);
			docx_cell(c.d, rp_num(b1, sizeof b1,
					      (double)to.walkin_pre, 0, 0),
				  DOCX_CENTER);
			docx_cell(c.d, rp_num(b1, sizeof b1,
					      (double)to.walkin_post, 0, 0),
				  DOCX_CENTER);
			docx_row_end(c.d);
		}
		if (!isnan(rp_stat_get(st, nst, "n_passed_pre"))) {
			char *lab = rp_fmt("Lulus (nilai ≥ %s)",
					   rp_num(b2, sizeof b2,
						  rp_stat_get(st, nst,
							      "pass_percent"),
						  1, 0));

			docx_row_begin(c.d, 0);
			docx_cell(c.d, lab, 0);
			docx_cell(c.d, rp_num(b1, sizeof b1,
					      rp_stat_get(st, nst,
							  "n_passed_pre"),
					      0, 0), DOCX_CENTER);
			docx_cell(c.d, rp_num(b1, sizeof b1,
					      rp_stat_get(st, nst,
							  "n_passed_post"),
					      0, 0), DOCX_CENTER);
			docx_row_end(c.d);
			free(lab);
		}
		docx_row_begin(c.d, 0);
		docx_cell(c.d, "N-gain kelas <g>", 0);
		s = rp_fmt("%s (%s)", rp_num(b1, sizeof b1, g, 2, 1),
			   gain_category(g));
		docx_cell_span(c.d, s, DOCX_CENTER, 2);
		free(s);
		docx_row_end(c.d);
		if (band) {
			docx_row_begin(c.d, 0);
			docx_cell(c.d, "Efektivitas (N-gain %)", 0);
			s = rp_fmt("%s (%s)", rp_num(b1, sizeof b1, 100 * g, 1,
						      1), band);
			docx_cell_span(c.d, s, DOCX_CENTER, 2);
			free(s);
			docx_row_end(c.d);
		}
		docx_row_begin(c.d, 0);
		docx_cell(c.d, "Uji t berpasangan", 0);
		rp_pval(b1, sizeof b1, tp);
		s = rp_fmt("%s (%s)", b1, !isnan(tp) && tp < 0.05 ?
			   "bermakna" : "tidak bermakna");
		docx_cell_span(c.d, s, DOCX_CENTER, 2);
		free(s);
		docx_row_end(c.d);
		docx_table_end(c.d);
	}
	{
		const char *cats[2] = { "Pre-test", "Post-test" };
		const char *sers[1] = { "Rata-rata nilai" };
		double vals[2] = { prem, postm };
		const double *pv[1] = { vals };
		char l1[32], l2[32];
		const char *lab[2] = { l1, l2 };
		const char *const *labs[1] = { lab };
		docx_chart ch = { 0 };

		rp_num(l1, sizeof l1, prem, 1, 1);
		rp_num(l2, sizeof l2, postm, 1, 1);
		ch.labels = labs;
		ch.title = "Rata-rata nilai pre-test dan post-test";
		ch.cats = cats;
		ch.ncat = 2;
		ch.sers = sers;
		ch.nser = 1;
		ch.values = pv;
		ch.axis_title = "Nilai (0–100)";
		ch.axis_max = 100;
		docx_p(c.d, "NoSpacing", 0, "");
		docx_p_begin(c.d, "NoSpacing", DOCX_CENTER | DOCX_KEEP_NEXT, 0,
			     0);
		docx_chart_bar(c.d, &ch, DOCX_EMU_CM(12), DOCX_EMU_CM(7));
		docx_p_end(c.d);
		rp_caption(&c, "Gambar 1.", "Rata-rata nilai pre-test dan "
			   "post-test");
	}
	{
		double nt = rp_stat_get(st, nst, "n_tinggi");
		double nsd = rp_stat_get(st, nst, "n_sedang");
		double nr = rp_stat_get(st, nst, "n_rendah");
		double nu = rp_stat_get(st, nst, "n_gain_undefined");

		if (!isnan(nt) && !isnan(nsd) && !isnan(nr)) {
			s = rp_fmt("Menurut N-gain perorangan, %.0f peserta "
				   "berkategori tinggi, %.0f sedang dan %.0f "
				   "rendah%s%s. Hasil per peserta tercantum "
				   "pada Lampiran II.", nt, nsd, nr,
				   !isnan(nu) && nu > 0 ? "; N-gain " : "",
				   !isnan(nu) && nu > 0 ?
				   "tidak dapat dihitung bagi peserta yang "
				   "nilai pre-testnya sudah maksimum" : "");
			rp_para(&c, s);
			free(s);
		}
	}
	{
		size_t nh = 0;
		char lim[32];

		rp_num(lim, sizeof lim, sulit, 1, 0);
		if (o->items) {
			for (size_t i = 0; i < nit; i++)
				nh += !isnan(it[i].post_p) &&
				      it[i].post_p * 100 < sulit;
			rp_h2(&c, "Butir Soal yang Sulit");
			if (!nh) {
				s = rp_fmt("Pada post-test, setiap butir soal "
					   "dijawab benar oleh sedikitnya %s%% "
					   "peserta.", lim);
				rp_para(&c, s);
				free(s);
			} else {
				int w[4];

				s = rp_fmt("Pada post-test, %zu butir soal "
					   "dijawab benar oleh kurang dari %s%% "
					   "peserta (Tabel %zu). Materi butir "
					   "tersebut perlu diperdalam.", nh,
					   lim, tabel + 1);
				rp_para(&c, s);
				free(s);
				w[0] = DOCX_CM(1);
				w[2] = w[3] = DOCX_CM(2.2);
				w[1] = c.width - DOCX_CM(1.5) - w[0] -
				       w[2] - w[3];
				rp_caption(&c, rp_fmt_num_label(&tabel,
							       "Tabel"),
					   "Butir soal yang "
					   "sulit (persentase peserta yang "
					   "menjawab benar)");
				docx_table_indent(c.d, DOCX_CM(1.5));
				docx_table_begin(c.d, 4, w, 1);
				docx_row_begin(c.d, 1);
				docx_cell(c.d, "No", DOCX_BOLD | DOCX_CENTER |
					  DOCX_SHADE);
				docx_cell(c.d, "Soal dan jawaban salah "
					  "terbanyak", DOCX_BOLD |
					  DOCX_CENTER | DOCX_SHADE);
				docx_cell(c.d, "Pre-test", DOCX_BOLD |
					  DOCX_CENTER | DOCX_SHADE);
				docx_cell(c.d, "Post-test", DOCX_BOLD |
					  DOCX_CENTER | DOCX_SHADE);
				docx_row_end(c.d);
				for (size_t i = 0; i < nit; i++) {
					if (isnan(it[i].post_p) ||
					    it[i].post_p * 100 >= sulit)
						continue;
					docx_row_begin(c.d, 0);
					docx_cell(c.d, it[i].number,
						  DOCX_CENTER);
					s = it[i].wrong[0] ?
						rp_fmt("%s\nJawaban salah "
						       "terbanyak: %s",
						       it[i].question,
						       it[i].wrong) :
						ibm_xstrdup(it[i].question);
					docx_cell(c.d, s, 0);
					free(s);
					docx_cell(c.d, isnan(it[i].pre_p) ?
						  "-" : rp_num(b1, sizeof b1,
							100 * it[i].pre_p, 1,
							1), DOCX_CENTER);
					docx_cell(c.d, rp_num(b1, sizeof b1,
						100 * it[i].post_p, 1, 1),
						  DOCX_CENTER);
					docx_row_end(c.d);
				}
				docx_table_end(c.d);
			}
		}
		if (o->survey) {
			/* ibm-survey's Evaluasi Penyelenggaraan */
			rp_h2(&c, "Evaluasi Penyelenggaraan");
			rp_survey_part(&c, sv, nsv, &tabel);
		}
		if (o->spj) {
			/* ibm-spj's payments */
			rp_h2(&c, "Realisasi Pembayaran");
			rp_spj_part(&c, pay, npay, &tabel);
		}
		rp_h2(&c, "Faktor Pendukung dan Kendala");
		rp_paras(&c, "faktor_pendukung", "Kegiatan terlaksana berkat "
			 "dukungan pimpinan, narasumber, pemerintah desa/"
			 "kelurahan dan partisipasi aktif para peserta.");
		{
			size_t only_pre = n_pre > n_match ? n_pre - n_match : 0;
			size_t only_post = n_post > n_match ?
						   n_post - n_match : 0;

			if (only_pre || only_post)
				s = rp_fmt("Kendala: %zu peserta hanya "
					   "mengikuti pre-test dan %zu peserta "
					   "hanya mengikuti post-test, sehingga "
					   "peningkatan nilainya tidak dapat "
					   "dihitung.", only_pre, only_post);
			else
				s = ibm_xstrdup("Tidak ada kendala berarti "
						"dalam pelaksanaan kegiatan.");
			rp_paras(&c, "kendala", s);
			free(s);
		}
		if (rp_text(&c, "hasil"))
			rp_paras(&c, "hasil", NULL);
	}

	/* ------------------------------------------ D. Simpulan, saran */
	rp_h1(&c, "SIMPULAN DAN SARAN");
	rp_h2(&c, "Simpulan");
	{
		char p[48];

		rp_pval(p, sizeof p, tp);
		s = rp_fmt("%s telah dilaksanakan pada %s bagi %zu peserta "
			   "yang diundang dari %zu unit IBM; %zu orang "
			   "mengikuti pre-test dan post-test.|Pengetahuan "
			   "peserta meningkat: rata-rata nilai naik dari %s "
			   "menjadi %s (<g> = %s, kategori %s); peningkatan "
			   "ini %s secara statistik (%s).", acara, dates, np,
			   units.s.n, n_match,
			   rp_num(b1, sizeof b1, prem, 1, 1),
			   rp_num(b2, sizeof b2, postm, 1, 1),
			   rp_num(b3, sizeof b3, g, 2, 1), gain_category(g),
			   !isnan(tp) && tp < 0.05 ? "bermakna" :
			   "belum bermakna", p);
		if (o->survey) {
			char *e = rp_survey_conclusion(sv, nsv);

			if (e) {
				char *all = rp_fmt("%s|%s", s, e);

				free(s);
				s = all;
				free(e);
			}
		}
		rp_items(&c, "simpulan", s, 0);
		free(s);
	}
	rp_h2(&c, "Saran");
	{
		double passed = rp_stat_get(st, nst, "n_passed_post");

		s = rp_fmt("Agen Pemulihan yang telah mengikuti bimbingan "
			   "teknis agar menerapkan materi dalam layanan unit "
			   "IBM di desa/kelurahan masing-masing.|Pembinaan "
			   "lanjutan diberikan kepada peserta yang nilai "
			   "post-testnya belum memenuhi batas kelulusan%s%s%s, "
			   "terutama pada materi butir soal yang masih sulit.",
			   isnan(passed) ? "" : " (",
			   isnan(passed) ? "" :
			   rp_num(b1, sizeof b1, (double)n_post - passed, 0, 0),
			   isnan(passed) ? "" : " orang)");
		rp_items(&c, "saran", s, 0);
		free(s);
	}

	/* ------------------------------------------------- E. Penutup */
	rp_h1(&c, "PENUTUP");
	rp_paras_keep(&c, "penutup", "Demikian laporan ini dibuat sebagai "
		 "pertanggungjawaban pelaksanaan kegiatan dan bahan evaluasi "
		 "bagi pimpinan.");
	rp_signature(&c, last, ibm_event_get(c.ev, "tempat_surat"));

	/* --------------------------------------------------- Lampiran */
	rp_lampiran(&c, "Daftar Peserta");
	{
		int w[6];

		w[0] = DOCX_CM(0.9);
		w[1] = DOCX_CM(4.2);
		w[2] = DOCX_CM(0.9);
		w[3] = DOCX_CM(3.1);
		w[4] = DOCX_CM(3.6);
		w[5] = c.width - w[0] - w[1] - w[2] - w[3] - w[4];
		rp_table_head(&c, w, (const char *const[]){ "No", "Nama", "L/P",
			"Jabatan", "Unit IBM", "Desa/Kelurahan", NULL });
		for (size_t i = 0; i < np; i++) {
			docx_row_begin(c.d, 0);
			docx_cell(c.d, rp_num(b1, sizeof b1, (double)i + 1, 0,
					      0), DOCX_CENTER);
			docx_cell(c.d, pp[i].nama, 0);
			docx_cell(c.d, pp[i].jk, DOCX_CENTER);
			docx_cell(c.d, pp[i].jabatan, 0);
			docx_cell(c.d, pp[i].unit, 0);
			docx_cell(c.d, pp[i].desa, 0);
			docx_row_end(c.d);
		}
		docx_table_end(c.d);
	}
	rp_lampiran(&c, "Hasil Pre-test dan Post-test per Peserta");
	{
		int w[6];

		w[0] = DOCX_CM(0.9);
		w[2] = w[3] = DOCX_CM(2);
		w[4] = DOCX_CM(2);
		w[5] = DOCX_CM(2.6);
		w[1] = c.width - w[0] - w[2] - w[3] - w[4] - w[5];
		rp_table_head(&c, w, (const char *const[]){ "No", "Nama",
			"Pre-test", "Post-test", "N-gain", "Kategori", NULL });
		for (size_t i = 0; i < ns; i++) {
			docx_row_begin(c.d, 0);
			docx_cell(c.d, rp_num(b1, sizeof b1, (double)i + 1, 0,
					      0), DOCX_CENTER);
			docx_cell(c.d, sc[i].name, 0);
			docx_cell(c.d, rp_num(b1, sizeof b1, sc[i].pre_pct, 1,
					      1), DOCX_CENTER);
			docx_cell(c.d, rp_num(b1, sizeof b1, sc[i].post_pct,
					      1, 1), DOCX_CENTER);
			docx_cell(c.d, rp_num(b1, sizeof b1, sc[i].ngain, 2,
					      1), DOCX_CENTER);
			docx_cell(c.d, sc[i].cat[0] ? sc[i].cat : "-",
				  DOCX_CENTER);
			docx_row_end(c.d);
		}
		docx_table_end(c.d);
		docx_p(c.d, "Caption", DOCX_LEFT, "Nilai dalam skala 0–100; "
		       "tanda - : peserta tidak mengikuti tes itu atau N-gain "
		       "tidak dapat dihitung.");
	}
	if (iv.nag) {
		int w[4];
		int day = 0;

		rp_lampiran(&c, "Jadwal Kegiatan");
		w[0] = DOCX_CM(3.6);
		w[1] = DOCX_CM(2.6);
		w[3] = DOCX_CM(4.4);
		w[2] = c.width - w[0] - w[1] - w[3];
		rp_table_head(&c, w, (const char *const[]){ "Hari/Tanggal",
			"Waktu", "Kegiatan", "Narasumber/PJ", NULL });
		for (size_t i = 0; i < iv.nag; i++) {
			docx_row_begin(c.d, 0);
			if (iv.ag[i].day != day) {
				char *dt = inv_day_text(&iv, iv.ag[i].day);

				docx_cell(c.d, dt, 0);
				free(dt);
				day = iv.ag[i].day;
			} else {
				docx_cell(c.d, "", 0);
			}
			docx_cell(c.d, iv.ag[i].waktu, DOCX_CENTER);
			docx_cell(c.d, iv.ag[i].acara, 0);
			docx_cell(c.d, iv.ag[i].pj, 0);
			docx_row_end(c.d);
		}
		docx_table_end(c.d);
	}
	rp_photos(&c);

	rp_finish(&c, subject);
	free(subject);
	free(office);
	rp_list_free(&kop);
	tally_free(&units);
	tally_free(&desa);
	tally_free(&jab);
	rp_people_free(pp, np);
	rp_scores_free(sc, ns);
	rp_stats_free(st, nst);
	rp_items_free(it, nit);
	rp_survey_free(sv, nsv);
	rp_spj_free(pay, npay);
	inv_free(&iv);
	return 0;
}
