/* monev.c - the Monev report: visits, phases per district, the group
 * recap, the units that must act, phase movements (see report.h and
 * ibm-report(1)). */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char NO_PHASE[] = "Belum berfase";

static const char *phase_of(const rp_unit *u)
{
	return u->fase[0] ? u->fase : NO_PHASE;
}

/* "2024-S1" -> "Semester I Tahun 2024"; other periods as they are. */
static char *period_words(const char *p)
{
	int y;
	char s;

	if (strlen(p) == 7 && sscanf(p, "%4d-S%c", &y, &s) == 2 &&
	    (s == '1' || s == '2'))
		return rp_fmt("Semester %s Tahun %d", s == '1' ? "I" : "II", y);
	return ibm_xstrdup(p);
}

/* The mean total score of the units of each phase over every row (all
 * periods), summed in the order of the rows. */
typedef struct levels {
	ibm_strset fase;
	double *sum;
	size_t *m;
} levels;

static void levels_init(levels *L, const rp_units *U)
{
	memset(L, 0, sizeof *L);
	L->sum = ibm_xcalloc(U->n + 1, sizeof *L->sum);
	L->m = ibm_xcalloc(U->n + 1, sizeof *L->m);
	for (size_t i = 0; i < U->n; i++) {
		size_t k = ibm_strset_add(&L->fase, U->u[i].fase);

		if (!isnan(U->u[i].total)) {
			L->sum[k] += U->u[i].total;
			L->m[k]++;
		}
	}
}

static void levels_free(levels *L)
{
	ibm_strset_free(&L->fase);
	free(L->sum);
	free(L->m);
}

/* The level of a phase; NaN when no row has it with a score. */
static double phase_level(const levels *L, const char *fase)
{
	size_t k = ibm_strset_find(&L->fase, fase);

	return k != IBM_STRMAP_NONE && L->m[k] ? L->sum[k] / (double)L->m[k]
						: NAN;
}

/* 1 up, -1 down, 0 the same phase, -2 unknown (a phase no unit has). */
static int movement(const levels *L, const char *from, const char *to)
{
	double a, b;

	if (strcmp(from, to) == 0)
		return 0;
	a = phase_level(L, from);
	b = phase_level(L, to);
	if (isnan(a) || isnan(b) || a == b)
		return -2;
	return b > a ? 1 : -1;
}

/* A unit's name, village and district as one key (each part after its
 * length, so that no two triples give the same key); malloc'd. */
static char *unit_key(const rp_unit *u)
{
	return rp_fmt("%zu:%s%zu:%s%zu:%s", strlen(u->nama), u->nama,
		      strlen(u->kab), u->kab, strlen(u->desa), u->desa);
}

int rp_monev(const rp_opts *o)
{
	rp_ctx c;
	rp_units U;
	rp_unit **u = NULL;        /* the units visited in the latest period */
	size_t n = 0;
	rp_unit **all = NULL;      /* every unit of the latest period, the
				      listed ones not visited included */
	size_t nall = 0, nuv = 0;
	size_t nlisted = 0, nout = 0; /* on the list; visited, not on it */
	char *unvisited = NULL;    /* their names: "A, B dan C" */
	char *outof = NULL;        /* "2 dari 5 unit dalam daftar ..." */
	ibm_strset periods = { 0 }, kabs = { 0 }, phases = { 0 },
		   satkers = { 0 }, provs = { 0 };
	const char *latest = NULL;
	ibm_date dmin = { 0, 0, 0 }, dmax = { 0, 0, 0 };
	size_t nvisited = 0, *cnt, *pcount, *ukab, *inkab, *bykab;
	double *pmean;
	size_t *order;
	char b1[64], b2[64], range[128], *s, *subject, *pw, *office;
	rp_list kop;
	size_t tabel = 0, gambar = 0;
	ibm_date today;

	rp_init(&c, o);
	rp_read_units(o->units, &o->csv, &U);
	if (o->db)
		rp_units_from_db(&U, o->db);
	if (!U.n)
		ibm_die(IBM_EX_DATAERR, o->units, 0, "no units");
	/* the latest period is the one reported on */
	for (size_t i = 0; i < U.n; i++) {
		ibm_strset_add(&periods, U.u[i].periode);
		if (!latest || strcmp(U.u[i].periode, latest) > 0)
			latest = U.u[i].periode;
	}
	u = ibm_xmalloc(U.n * sizeof *u);
	all = ibm_xmalloc(U.n * sizeof *all);
	for (size_t i = 0; i < U.n; i++) {
		rp_unit *x = &U.u[i];
		ibm_date d;

		if (strcmp(x->periode, latest) != 0)
			continue;
		all[nall++] = x;
		nlisted += x->listed;
		if (!x->visited) {
			nuv++;
			continue;
		}
		nout += !x->listed;
		u[n++] = x;
		ibm_strset_add(&kabs, x->kab);
		ibm_strset_add(&provs, x->prov);
		if (x->satker[0])
			ibm_strset_add(&satkers, x->satker);
		if (x->visited && ibm_date_parse(x->tanggal, &d) == 0) {
			if (!nvisited || ibm_date_cmp(d, dmin) < 0)
				dmin = d;
			if (!nvisited || ibm_date_cmp(d, dmax) > 0)
				dmax = d;
			nvisited++;
		}
	}
	if (!n)
		ibm_die(IBM_EX_DATAERR, o->units, 0, "no unit was visited in "
			"period %s (every row of it says not visited)",
			latest);
	if (nuv) {
		/* the listed units not visited (ibm-monev --units): named,
		 * and left out of every count but "visited out of listed" */
		const char **v = ibm_xmalloc(nuv * sizeof *v);
		size_t k = 0;

		for (size_t i = 0; i < nall; i++)
			if (!all[i]->visited)
				v[k++] = all[i]->nama;
		unvisited = rp_join_and(v, k);
		free(v);
	}
	if (nuv || nout) {
		/* visited out of listed, the units off the list apart */
		char more[64] = "";

		if (nout)
			snprintf(more, sizeof more, ", ditambah %zu unit di "
				 "luar daftar", nout);
		outof = rp_fmt("%zu dari %zu unit dalam daftar%s", n - nout,
			       nlisted, more);
	}
	/* phases from the lowest mean total to the highest; units without
	 * a phase first */
	for (size_t i = 0; i < n; i++)
		ibm_strset_add(&phases, phase_of(u[i]));
	pmean = ibm_xcalloc(phases.n, sizeof *pmean);
	pcount = ibm_xcalloc(phases.n, sizeof *pcount);
	order = ibm_xmalloc(phases.n * sizeof *order);
	for (size_t i = 0; i < n; i++) {
		size_t k = ibm_strset_find(&phases, phase_of(u[i]));

		if (!isnan(u[i]->total))
			pmean[k] += u[i]->total;
		pcount[k]++;
	}
	for (size_t k = 0; k < phases.n; k++) {
		pmean[k] = strcmp(phases.v[k], NO_PHASE) == 0 ? -1 :
			   pmean[k] / (double)pcount[k];
		order[k] = k;
	}
	for (size_t a = 1; a < phases.n; a++)
		for (size_t b = a; b > 0 && pmean[order[b]] <
						     pmean[order[b - 1]]; b--) {
			size_t t = order[b];

			order[b] = order[b - 1];
			order[b - 1] = t;
		}
	/* each unit's district; the units of district k are
	 * u[inkab[bykab[k]]] ... u[inkab[bykab[k + 1] - 1]], in order */
	ukab = ibm_xmalloc((n + 1) * sizeof *ukab);
	inkab = ibm_xmalloc((n + 1) * sizeof *inkab);
	bykab = ibm_xcalloc(kabs.n + 2, sizeof *bykab);
	cnt = ibm_xcalloc(kabs.n * phases.n, sizeof *cnt);
	for (size_t i = 0; i < n; i++) {
		ukab[i] = ibm_strset_find(&kabs, u[i]->kab);
		bykab[ukab[i] + 2]++;
		cnt[ukab[i] * phases.n +
		    ibm_strset_find(&phases, phase_of(u[i]))]++;
	}
	for (size_t k = 2; k < kabs.n + 2; k++)
		bykab[k] += bykab[k - 1];
	for (size_t i = 0; i < n; i++)
		inkab[bykab[ukab[i] + 1]++] = i;

	rp_list_split(&kop, ibm_event_get(c.ev, "instansi"));
	office = kop.n ? ibm_title_case(kop.v[kop.n - 1]) :
			 ibm_xstrdup(satkers.n ? satkers.v[0] : "satuan kerja");
	pw = period_words(latest);
	if (nvisited) {
		/* "4 s.d. 27 Juni 2024": a span of weeks without day names */
		char r[128], *comma;

		ibm_date_range_long(r, sizeof r, dmin, dmax);
		comma = strchr(r, ',');
		snprintf(range, sizeof range, "%s", comma ? comma + 2 : r);
	} else
		snprintf(range, sizeof range, "periode %s", pw);

	/* ---------------------------------------------------- title */
	if (rp_text(&c, "judul"))
		subject = ibm_xstrdup(rp_text(&c, "judul"));
	else if (provs.n == 1 && provs.v[0][0])
		subject = rp_fmt("Pelaksanaan Monitoring dan Evaluasi "
				 "Operasionalisasi Intervensi Berbasis "
				 "Masyarakat (IBM) di Provinsi %s %s",
				 provs.v[0], pw);
	else
		subject = rp_fmt("Pelaksanaan Monitoring dan Evaluasi "
				 "Operasionalisasi Intervensi Berbasis "
				 "Masyarakat (IBM) %s", pw);
	rp_title(&c, subject);

	/* --------------------------------------------- A. Pendahuluan */
	rp_h1(&c, "PENDAHULUAN");
	rp_h2(&c, "Umum");
	rp_paras(&c, "umum", "Intervensi Berbasis Masyarakat (IBM) adalah "
		 "layanan rehabilitasi dari, oleh dan untuk masyarakat di "
		 "desa/kelurahan yang dijalankan oleh Agen Pemulihan. Agar "
		 "unit IBM berjalan dan berkembang, setiap semester dilakukan "
		 "monitoring dan evaluasi (Monev) terhadap pembinaan, tata "
		 "kelola, kegiatan dan layanan unit-unit tersebut.");
	rp_h2(&c, "Maksud dan Tujuan");
	if (rp_text(&c, "maksud_tujuan")) {
		rp_paras(&c, "maksud_tujuan", NULL);
	} else {
		rp_para(&c, "Maksud Monev adalah mengetahui operasionalisasi "
			"unit IBM di lapangan. Tujuannya:");
		rp_items(&c, NULL, "menilai pembinaan, tata kelola, kegiatan "
			 "dan layanan setiap unit IBM;|menetapkan fase "
			 "perkembangan setiap unit;|menentukan unit yang perlu "
			 "ditindaklanjuti beserta hal yang harus dipenuhi untuk "
			 "mencapai fase berikutnya.", 0);
	}
	rp_h2(&c, "Ruang Lingkup");
	if (outof)
		s = rp_fmt("Laporan ini meliputi Monev terhadap %zu unit IBM "
			   "yang dikunjungi (%s) di %zu kabupaten/kota pada %s, "
			   "hasil penilaian dan fase setiap unit, serta "
			   "simpulan dan saran.", n, outof, kabs.n, pw);
	else
		s = rp_fmt("Laporan ini meliputi Monev terhadap %zu unit IBM "
			   "di %zu kabupaten/kota pada %s, hasil penilaian "
			   "dan fase setiap unit, serta simpulan dan saran.",
			   n, kabs.n, pw);
	rp_paras(&c, "ruang_lingkup", s);
	free(s);
	rp_h2(&c, "Dasar");
	s = rp_fmt("Undang-Undang Nomor 35 Tahun 2009 tentang Narkotika;|"
		   "Daftar Isian Pelaksanaan Anggaran (DIPA) %s Tahun "
		   "Anggaran %.4s.", office, latest);
	rp_items(&c, "dasar", s, 0);
	free(s);

	/* ------------------------------------- B. Kegiatan dilaksanakan */
	rp_h1(&c, "KEGIATAN YANG DILAKSANAKAN");
	if (outof)
		s = rp_fmt("Monev dilaksanakan pada %s oleh %zu satuan kerja "
			   "terhadap %zu unit IBM di %zu kabupaten/kota (%s); "
			   "%zu unit dalam daftar tidak dikunjungi. Rincian "
			   "kunjungan menurut satuan kerja tercantum pada "
			   "Tabel 1.", range, satkers.n ? satkers.n : 1, n,
			   kabs.n, outof, nuv);
	else
		s = rp_fmt("Monev dilaksanakan pada %s oleh %zu satuan kerja "
			   "terhadap %zu unit IBM di %zu kabupaten/kota; %zu "
			   "unit dikunjungi. Rincian kunjungan menurut satuan "
			   "kerja tercantum pada Tabel 1.", range,
			   satkers.n ? satkers.n : 1, n, kabs.n, nvisited);
	rp_para(&c, s);
	free(s);
	{
		int w[4];
		static const char *const h[] = { "Satuan Kerja",
			"Kabupaten/Kota", "Unit", "Tanggal Kunjungan", NULL };

		w[0] = DOCX_CM(3.6);
		w[2] = DOCX_CM(1.4);
		w[3] = DOCX_CM(4.6);
		w[1] = c.width - DOCX_CM(1.5) - w[0] - w[2] - w[3];
		rp_caption(&c, rp_fmt_num_label(&tabel, "Tabel"),
			   "Kunjungan Monev menurut satuan kerja");
		docx_table_indent(c.d, DOCX_CM(1.5));
		rp_table_head(&c, w, h);
		for (size_t k = 0; k < kabs.n; k++) {
			/* one row per satker and district, the satkers in
			 * the order of their first unit in the district */
			ibm_strset sk = { 0 };
			size_t *m = ibm_xcalloc(bykab[k + 1] - bykab[k] + 1,
						sizeof *m);
			size_t *v = ibm_xcalloc(bykab[k + 1] - bykab[k] + 1,
						sizeof *v);
			ibm_date *a = ibm_xcalloc(bykab[k + 1] - bykab[k] + 1,
						  sizeof *a);
			ibm_date *z = ibm_xcalloc(bykab[k + 1] - bykab[k] + 1,
						  sizeof *z);

			for (size_t x = bykab[k]; x < bykab[k + 1]; x++) {
				const rp_unit *y = u[inkab[x]];
				size_t j = ibm_strset_add(&sk, y->satker);
				ibm_date d;

				m[j]++;
				if (y->visited &&
				    ibm_date_parse(y->tanggal, &d) == 0) {
					if (!v[j] || ibm_date_cmp(d, a[j]) < 0)
						a[j] = d;
					if (!v[j] || ibm_date_cmp(d, z[j]) > 0)
						z[j] = d;
					v[j]++;
				}
			}
			for (size_t j = 0; j < sk.n; j++) {
				char r[128];

				if (v[j])
					ibm_date_range_long(r, sizeof r, a[j],
							    z[j]);
				else
					snprintf(r, sizeof r, "-");
				/* only the dates, not the days */
				docx_row_begin(c.d, 0);
				docx_cell(c.d, sk.v[j][0] ? sk.v[j] : "-", 0);
				docx_cell(c.d, kabs.v[k], 0);
				docx_cell(c.d, rp_num(b1, sizeof b1,
						      (double)m[j], 0, 0),
					  DOCX_CENTER);
				docx_cell(c.d, strchr(r, ',') ?
					  strchr(r, ',') + 2 : r, 0);
				docx_row_end(c.d);
			}
			ibm_strset_free(&sk);
			free(m);
			free(v);
			free(a);
			free(z);
		}
		docx_table_end(c.d);
	}
	if (nuv) {
		s = rp_fmt("Unit yang tidak dikunjungi pada periode ini: %s.",
			   unvisited);
		docx_p(c.d, "NoSpacing", 0, "");
		rp_para(&c, s);
		free(s);
	}
	if (rp_text(&c, "kegiatan"))
		rp_paras(&c, "kegiatan", NULL);

	/* ------------------------------------------ C. Hasil dicapai */
	rp_h1(&c, "HASIL YANG DICAPAI");
	rp_h2(&c, "Fase Unit IBM");
	{
		const char **v = ibm_xmalloc(phases.n * sizeof *v);
		char **own = ibm_xmalloc(phases.n * sizeof *own);
		char *j;

		for (size_t k = 0; k < phases.n; k++) {
			size_t p = order[phases.n - 1 - k];

			own[k] = rp_fmt("%zu unit %s%s", pcount[p],
					p == ibm_strset_find(&phases, NO_PHASE) ?
					"" : "berfase ", phases.v[p]);
			if (p == ibm_strset_find(&phases, NO_PHASE)) {
				free(own[k]);
				own[k] = rp_fmt("%zu unit belum berfase",
						pcount[p]);
			}
			v[k] = own[k];
		}
		j = rp_join_and(v, phases.n);
		s = rp_fmt("Dari %zu unit IBM%s, %s. Sebaran fase menurut "
			   "kabupaten/kota tercantum pada Tabel %zu dan "
			   "Gambar 1.", n, nuv ? " yang dikunjungi" : "", j,
			   tabel + 1);
		rp_para(&c, s);
		free(s);
		free(j);
		for (size_t k = 0; k < phases.n; k++)
			free(own[k]);
		free(own);
		free(v);
	}
	{
		size_t nc = phases.n + 2;
		int *w = ibm_xmalloc(nc * sizeof *w);
		size_t *tot = ibm_xcalloc(phases.n, sizeof *tot);

		w[0] = DOCX_CM(4.6);
		for (size_t k = 1; k < nc; k++)
			w[k] = (c.width - DOCX_CM(1.5) - w[0]) / (int)(nc - 1);
		rp_caption(&c, rp_fmt_num_label(&tabel, "Tabel"),
			   "Unit IBM menurut fase dan kabupaten/kota");
		docx_table_indent(c.d, DOCX_CM(1.5));
		{
			const char **h = ibm_xmalloc((nc + 1) * sizeof *h);

			h[0] = "Kabupaten/Kota";
			for (size_t k = 0; k < phases.n; k++)
				h[k + 1] = phases.v[order[k]];
			h[nc - 1] = "Jumlah";
			h[nc] = NULL;
			rp_table_head(&c, w, h);
			free(h);
		}
		for (size_t r = 0; r < kabs.n; r++) {
			size_t sum = 0;

			docx_row_begin(c.d, 0);
			docx_cell(c.d, kabs.v[r], 0);
			for (size_t k = 0; k < phases.n; k++) {
				size_t x = cnt[r * phases.n + order[k]];

				sum += x;
				tot[k] += x;
				docx_cell(c.d, rp_num(b1, sizeof b1, (double)x,
						      0, 0), DOCX_CENTER);
			}
			docx_cell(c.d, rp_num(b1, sizeof b1, (double)sum, 0, 0),
				  DOCX_CENTER | DOCX_BOLD);
			docx_row_end(c.d);
		}
		docx_row_begin(c.d, 0);
		docx_cell(c.d, "Jumlah", DOCX_BOLD | DOCX_CENTER);
		for (size_t k = 0; k < phases.n; k++)
			docx_cell(c.d, rp_num(b1, sizeof b1, (double)tot[k], 0,
					      0), DOCX_CENTER | DOCX_BOLD);
		docx_cell(c.d, rp_num(b1, sizeof b1, (double)n, 0, 0),
			  DOCX_CENTER | DOCX_BOLD);
		docx_row_end(c.d);
		docx_table_end(c.d);
		free(w);
		free(tot);
	}
	{
		/* the chart: districts as categories, one series per phase */
		const char **sers = ibm_xmalloc(phases.n * sizeof *sers);
		double **vals = ibm_xmalloc(phases.n * sizeof *vals);
		const double **cv = ibm_xmalloc(phases.n * sizeof *cv);
		char ***lab = ibm_xmalloc(phases.n * sizeof *lab);
		const char *const **cl = ibm_xmalloc(phases.n * sizeof *cl);
		docx_chart ch = { 0 };

		for (size_t k = 0; k < phases.n; k++) {
			sers[k] = phases.v[order[k]];
			vals[k] = ibm_xmalloc(kabs.n * sizeof **vals);
			lab[k] = ibm_xmalloc(kabs.n * sizeof **lab);
			for (size_t r = 0; r < kabs.n; r++) {
				size_t x = cnt[r * phases.n + order[k]];

				vals[k][r] = (double)x;
				lab[k][r] = x ? rp_fmt("%zu", x) :
						ibm_xstrdup("");
			}
			cv[k] = vals[k];
			cl[k] = (const char *const *)lab[k];
		}
		ch.title = "Unit IBM menurut fase dan kabupaten/kota";
		ch.cats = (const char *const *)kabs.v;
		ch.ncat = kabs.n;
		ch.sers = sers;
		ch.nser = phases.n;
		ch.values = cv;
		ch.labels = cl;
		ch.axis_title = "Jumlah unit";
		ch.stacked = 1;
		docx_p(c.d, "NoSpacing", 0, "");
		docx_p_begin(c.d, "NoSpacing", DOCX_CENTER | DOCX_KEEP_NEXT, 0,
			     0);
		docx_chart_bar(c.d, &ch, DOCX_EMU_CM(14), DOCX_EMU_CM(8));
		docx_p_end(c.d);
		rp_caption(&c, rp_fmt_num_label(&gambar, "Gambar"),
			   "Unit IBM menurut fase dan kabupaten/kota");
		for (size_t k = 0; k < phases.n; k++) {
			for (size_t r = 0; r < kabs.n; r++)
				free(lab[k][r]);
			free(lab[k]);
			free(vals[k]);
		}
		free(lab);
		free(cl);
		free(vals);
		free(cv);
		free(sers);
	}
	if (U.ngroup) {
		int *w;
		size_t nc = U.ngroup + 2, weakest = 0;
		double *gm = ibm_xcalloc(U.ngroup + 1, sizeof *gm);
		size_t *gn = ibm_xcalloc(U.ngroup + 1, sizeof *gn);
		double *ksum = ibm_xcalloc((kabs.n + 1) * (U.ngroup + 1),
					   sizeof *ksum);
		size_t *kn = ibm_xcalloc((kabs.n + 1) * (U.ngroup + 1),
					 sizeof *kn);

		rp_h2(&c, "Pembinaan, Tata Kelola, Kegiatan dan Layanan");
		for (size_t i = 0; i < n; i++) {
			for (size_t g = 0; g < U.ngroup; g++)
				if (!isnan(u[i]->grp[g])) {
					gm[g] += u[i]->grp[g];
					gn[g]++;
				}
			if (!isnan(u[i]->total)) {
				gm[U.ngroup] += u[i]->total;
				gn[U.ngroup]++;
			}
		}
		for (size_t g = 0; g <= U.ngroup; g++)
			gm[g] = gn[g] ? gm[g] / (double)gn[g] : NAN;
		for (size_t g = 1; g < U.ngroup; g++)
			if (gm[g] < gm[weakest])
				weakest = g;
		s = rp_fmt("Rata-rata skor seluruh unit adalah %s (skala "
			   "0–100). Aspek dengan rata-rata terendah adalah %s "
			   "(%s). Rata-rata skor setiap aspek menurut "
			   "kabupaten/kota tercantum pada Tabel %zu.",
			   rp_num(b1, sizeof b1, gm[U.ngroup], 1, 1),
			   U.groups[weakest],
			   rp_num(b2, sizeof b2, gm[weakest], 1, 1), tabel + 1);
		rp_para(&c, s);
		free(s);
		w = ibm_xmalloc(nc * sizeof *w);
		w[0] = DOCX_CM(4.0);
		for (size_t k = 1; k < nc; k++)
			w[k] = (c.width - DOCX_CM(1.5) - w[0]) / (int)(nc - 1);
		rp_caption(&c, rp_fmt_num_label(&tabel, "Tabel"),
			   "Rata-rata skor aspek menurut kabupaten/kota");
		docx_table_indent(c.d, DOCX_CM(1.5));
		docx_table_begin(c.d, nc, w, 1);
		docx_row_begin(c.d, 1);
		docx_cell(c.d, "Kabupaten/Kota", DOCX_BOLD | DOCX_CENTER |
			  DOCX_SHADE);
		for (size_t g = 0; g < U.ngroup; g++)
			docx_cell(c.d, U.groups[g], DOCX_BOLD | DOCX_CENTER |
				  DOCX_SHADE | DOCX_SMALL);
		docx_cell(c.d, "Total", DOCX_BOLD | DOCX_CENTER | DOCX_SHADE);
		docx_row_end(c.d);
		/* the sums of each district and of all, in the order of
		 * the units */
		for (size_t i = 0; i < n; i++)
			for (size_t g = 0; g <= U.ngroup; g++) {
				double x = g < U.ngroup ? u[i]->grp[g] :
							  u[i]->total;
				size_t at[2];

				if (isnan(x))
					continue;
				at[0] = ukab[i] * (U.ngroup + 1) + g;
				at[1] = kabs.n * (U.ngroup + 1) + g;
				for (int t = 0; t < 2; t++) {
					ksum[at[t]] += x;
					kn[at[t]]++;
				}
			}
		for (size_t r = 0; r <= kabs.n; r++) {
			docx_row_begin(c.d, 0);
			docx_cell(c.d, r < kabs.n ? kabs.v[r] : "Rata-rata",
				  r < kabs.n ? 0 : DOCX_BOLD | DOCX_CENTER);
			for (size_t g = 0; g <= U.ngroup; g++) {
				size_t at = r * (U.ngroup + 1) + g;

				docx_cell(c.d, rp_num(b1, sizeof b1,
						      kn[at] ? ksum[at] /
						      (double)kn[at] : NAN,
						      1, 1), DOCX_CENTER |
					  (r == kabs.n ? DOCX_BOLD : 0));
			}
			docx_row_end(c.d);
		}
		docx_table_end(c.d);
		free(w);
		free(gm);
		free(gn);
		free(ksum);
		free(kn);
	}
	{
		size_t nk = 0;

		for (size_t i = 0; i < n; i++)
			nk += u[i]->kurang[0] != '\0';
		rp_h2(&c, "Unit yang Perlu Ditindaklanjuti");
		if (!nk) {
			rp_para(&c, "Semua unit telah memenuhi syarat fase "
				"tertinggi atau tidak ada kekurangan yang "
				"tercatat.");
		} else {
			int w[3];
			static const char *const h[] = { "Unit IBM",
				"Fase", "Yang harus dipenuhi", NULL };

			s = rp_fmt("Sebanyak %zu unit perlu ditindaklanjuti "
				   "untuk mencapai fase berikutnya. Hal yang "
				   "harus dipenuhi setiap unit tercantum pada "
				   "Tabel %zu.", nk, tabel + 1);
			rp_para(&c, s);
			free(s);
			w[0] = DOCX_CM(4.2);
			w[1] = DOCX_CM(2.2);
			w[2] = c.width - w[0] - w[1];
			rp_caption(&c, rp_fmt_num_label(&tabel, "Tabel"),
				   "Unit yang perlu ditindaklanjuti");
			rp_table_head(&c, w, h);
			for (size_t i = 0; i < n; i++) {
				if (!u[i]->kurang[0])
					continue;
				docx_row_begin(c.d, 0);
				s = rp_fmt("%s\n%s%s%s", u[i]->nama,
					   u[i]->desa, u[i]->desa[0] ? ", " :
					   "", u[i]->kab);
				docx_cell(c.d, s, DOCX_SMALL);
				free(s);
				docx_cell(c.d, phase_of(u[i]), DOCX_SMALL |
					  DOCX_CENTER);
				docx_cell(c.d, u[i]->kurang, DOCX_SMALL);
				docx_row_end(c.d);
			}
			docx_table_end(c.d);
		}
	}
	{
		/* phase movements: a previous-phase column, or the same unit
		 * in an earlier period */
		size_t up = 0, down = 0, same = 0, other = 0, nm = 0;
		const char **prev = ibm_xcalloc(n, sizeof *prev);
		levels lv;
		ibm_strset earlier = { 0 }; /* the first earlier row with a
					     * phase of each unit */
		size_t *row = ibm_xcalloc(U.n + 1, sizeof *row);

		levels_init(&lv, &U);
		for (size_t j = 0; j < U.n; j++) {
			const rp_unit *y = &U.u[j];

			if (strcmp(y->periode, latest) < 0 && y->fase[0]) {
				char *key = unit_key(y);
				size_t k = earlier.n;

				if (ibm_strset_add(&earlier, key) == k)
					row[k] = j;
				free(key);
			}
		}
		for (size_t i = 0; i < n; i++) {
			if (U.has_prev && u[i]->fase_lalu[0])
				prev[i] = u[i]->fase_lalu;
			if (!prev[i]) {
				char *key = unit_key(u[i]);
				size_t k = ibm_strset_find(&earlier, key);

				if (k != IBM_STRMAP_NONE)
					prev[i] = U.u[row[k]].fase;
				free(key);
			}
		}
		ibm_strset_free(&earlier);
		free(row);
		for (size_t i = 0; i < n; i++) {
			int m;

			if (!u[i]->visited || !u[i]->fase[0])
				prev[i] = NULL; /* nothing to compare */
			if (!prev[i])
				continue;
			nm++;
			m = movement(&lv, prev[i], u[i]->fase);
			if (m == 0)
				same++;
			else if (m > 0)
				up++;
			else if (m < 0 && m != -2)
				down++;
			else
				other++;
		}
		if (nm) {
			int w[4];
			static const char *const h[] = { "Unit IBM",
				"Fase sebelumnya", "Fase sekarang",
				"Perubahan", NULL };

			rp_h2(&c, "Perubahan Fase");
			s = rp_fmt("Dibandingkan periode sebelumnya, %zu unit "
				   "naik fase, %zu unit turun fase%s%s%s dan "
				   "%zu unit tetap (Tabel %zu).", up, down,
				   other ? ", " : "",
				   other ? rp_num(b1, sizeof b1, (double)other,
						  0, 0) : "",
				   other ? " unit berganti fase" : "", same,
				   tabel + 1);
			rp_para(&c, s);
			free(s);
			w[0] = DOCX_CM(5.6);
			w[1] = w[2] = DOCX_CM(3.2);
			w[3] = c.width - DOCX_CM(1.5) - w[0] - w[1] - w[2];
			rp_caption(&c, rp_fmt_num_label(&tabel, "Tabel"),
				   "Perubahan fase unit IBM");
			docx_table_indent(c.d, DOCX_CM(1.5));
			rp_table_head(&c, w, h);
			for (size_t i = 0; i < n; i++) {
				int m;

				if (!prev[i])
					continue;
				m = movement(&lv, prev[i], u[i]->fase);
				docx_row_begin(c.d, 0);
				docx_cell(c.d, u[i]->nama, 0);
				docx_cell(c.d, prev[i], DOCX_CENTER);
				docx_cell(c.d, phase_of(u[i]), DOCX_CENTER);
				docx_cell(c.d, m == 0 ? "tetap" : m == 1 ?
					  "naik" : m == -1 ? "turun" :
					  "berganti", DOCX_CENTER);
				docx_row_end(c.d);
			}
			docx_table_end(c.d);
		}
		free(prev);
		levels_free(&lv);
	}
	rp_h2(&c, "Faktor Pendukung dan Kendala");
	rp_paras(&c, "faktor_pendukung", "Faktor pendukung operasionalisasi "
		 "unit IBM adalah dukungan kepala desa/lurah, dana dan sarana, "
		 "pembinaan oleh BNNP/BNNK, serta komitmen Agen Pemulihan.");
	rp_paras(&c, "kendala", "Kendala yang ditemukan tercantum pada hal "
		 "yang harus dipenuhi setiap unit untuk mencapai fase "
		 "berikutnya.");
	if (rp_text(&c, "hasil"))
		rp_paras(&c, "hasil", NULL);

	/* ------------------------------------------ D. Simpulan, saran */
	rp_h1(&c, "SIMPULAN DAN SARAN");
	rp_h2(&c, "Simpulan");
	{
		size_t top = order[phases.n - 1], low = order[0];

		char *dari = outof ? rp_fmt(" (%s)", outof)
				   : ibm_xstrdup("");
		char *belum = nuv ? rp_fmt("|Unit dalam daftar yang belum "
					   "dikunjungi (%s) agar dimonev pada "
					   "periode berikutnya.", unvisited)
				  : ibm_xstrdup("");

		s = rp_fmt("Monev %s telah dilaksanakan terhadap %zu unit IBM "
			   "di %zu kabupaten/kota%s.|Sebanyak %zu unit berada "
			   "pada fase %s dan %zu unit pada fase %s.", pw, n,
			   kabs.n, dari, pcount[top], phases.v[top],
			   pcount[low], phases.v[low]);
		rp_items(&c, "simpulan", s, 0);
		free(s);
		s = rp_fmt("Pembinaan oleh BNNP/BNNK diprioritaskan pada %zu "
			   "unit fase %s, sesuai dengan hal yang harus "
			   "dipenuhi setiap unit.%s|Hasil Monev disampaikan "
			   "kepada pemerintah desa/kelurahan sebagai bahan "
			   "dukungan bagi unit IBM.", pcount[low],
			   phases.v[low], belum);
		free(dari);
		free(belum);
	}
	rp_h2(&c, "Saran");
	rp_items(&c, "saran", s, 0);
	free(s);

	/* ------------------------------------------------- E. Penutup */
	rp_h1(&c, "PENUTUP");
	rp_paras_keep(&c, "penutup", "Demikian laporan ini dibuat sebagai "
		      "bahan evaluasi dan tindak lanjut bagi pimpinan.");
	today.y = today.m = today.d = 0;
	rp_signature(&c, nvisited ? dmax : today,
		     ibm_event_get(c.ev, "tempat_surat"));

	/* --------------------------------------------------- Lampiran */
	/* the matrix is wide: landscape pages */
	rp_lampiran_on(&c, "Matriks Unit IBM", 1);
	{
		size_t nc = U.ngroup + 6, k = 0;
		int *w = ibm_xmalloc(nc * sizeof *w), rest;
		const char **h = ibm_xmalloc(nc * sizeof *h);

		w[0] = DOCX_CM(1);
		w[1] = DOCX_CM(3.4);
		w[2] = DOCX_CM(5);
		w[3] = DOCX_CM(2.4);
		w[nc - 1] = DOCX_CM(2.6);
		rest = docx_text_width(c.d) - w[0] - w[1] - w[2] - w[3] -
		       w[nc - 1];
		for (size_t g = 4; g < nc - 1; g++)
			w[g] = rest / (int)(U.ngroup + 1);
		h[k++] = "No";
		h[k++] = "Kabupaten/Kota";
		h[k++] = "Unit IBM (Desa/Kelurahan)";
		h[k++] = "Tanggal";
		for (size_t g = 0; g < U.ngroup; g++)
			h[k++] = U.groups[g];
		h[k++] = "Total";
		h[k++] = "Fase";
		docx_table_begin(c.d, nc, w, 1);
		docx_row_begin(c.d, 1);
		for (size_t i = 0; i < nc; i++)
			docx_cell(c.d, h[i], DOCX_BOLD | DOCX_CENTER |
				  DOCX_SHADE | (i >= 4 && i < nc - 2 ?
						DOCX_SMALL : 0));
		docx_row_end(c.d);
		for (size_t i = 0; i < nall; i++) {
			const rp_unit *x = all[i];
			ibm_date d;

			docx_row_begin(c.d, 0);
			docx_cell(c.d, rp_num(b1, sizeof b1, (double)i + 1, 0,
					      0), DOCX_CENTER);
			docx_cell(c.d, x->kab, 0);
			s = x->desa[0] ? rp_fmt("%s (%s)", x->nama, x->desa) :
					 ibm_xstrdup(x->nama);
			docx_cell(c.d, s, 0);
			free(s);
			if (x->visited && ibm_date_parse(x->tanggal, &d) == 0)
				snprintf(b2, sizeof b2, "%02d/%02d/%04d", d.d,
					 d.m, d.y);
			else
				snprintf(b2, sizeof b2, "-");
			docx_cell(c.d, b2, DOCX_CENTER);
			for (size_t g = 0; g < U.ngroup; g++)
				docx_cell(c.d, rp_num(b1, sizeof b1,
						      x->grp[g], 1, 1),
					  DOCX_CENTER);
			docx_cell(c.d, rp_num(b1, sizeof b1, x->total, 1,
					      1), DOCX_CENTER | DOCX_BOLD);
			docx_cell(c.d, x->visited ? phase_of(x)
				  : "Tidak dikunjungi", DOCX_CENTER);
			docx_row_end(c.d);
		}
		docx_table_end(c.d);
		free(w);
		free(h);
	}
	rp_lampiran_on(&c, "Daftar Unit IBM menurut Fase", 0);
	{
		int w[4];
		static const char *const h[] = { "No", "Unit IBM",
			"Desa/Kelurahan, Kecamatan", "Kabupaten/Kota",
			NULL };

		w[0] = DOCX_CM(1);
		w[1] = DOCX_CM(5);
		w[2] = DOCX_CM(5);
		w[3] = c.width - w[0] - w[1] - w[2];
		rp_table_head(&c, w, h);
		/* the phases from the highest, then the units not
		 * visited */
		for (size_t k = 0; k < phases.n + (nuv > 0); k++) {
			int none = k == phases.n;
			size_t p = none ? 0 : order[phases.n - 1 - k], no = 0;

			docx_row_begin(c.d, 0);
			s = none ? rp_fmt("Tidak dikunjungi (%zu unit)", nuv)
				 : rp_fmt("Fase %s (%zu unit)", phases.v[p],
					  pcount[p]);
			docx_cell_span(c.d, s, DOCX_BOLD | DOCX_SHADE, 4);
			free(s);
			docx_row_end(c.d);
			for (size_t i = 0; i < nall; i++) {
				const rp_unit *x = all[i];

				if (none ? x->visited : !x->visited ||
				    strcmp(phase_of(x), phases.v[p]))
					continue;
				docx_row_begin(c.d, 0);
				docx_cell(c.d, rp_num(b1, sizeof b1,
						      (double)++no, 0, 0),
					  DOCX_CENTER);
				docx_cell(c.d, x->nama, 0);
				s = rp_fmt("%s%s%s", x->desa,
					   x->desa[0] && x->kec[0] ?
					   ", " : "", x->kec);
				docx_cell(c.d, s, 0);
				free(s);
				docx_cell(c.d, x->kab, 0);
				docx_row_end(c.d);
			}
		}
		docx_table_end(c.d);
	}
	rp_photos(&c);

	rp_finish(&c, subject);
	free(subject);
	free(pw);
	free(office);
	rp_list_free(&kop);
	free(cnt);
	free(ukab);
	free(inkab);
	free(bykab);
	free(pmean);
	free(pcount);
	free(order);
	free(u);
	free(all);
	free(unvisited);
	free(outof);
	ibm_strset_free(&periods);
	ibm_strset_free(&kabs);
	ibm_strset_free(&phases);
	ibm_strset_free(&satkers);
	ibm_strset_free(&provs);
	rp_units_free(&U);
	return 0;
}
