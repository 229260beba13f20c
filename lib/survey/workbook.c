/*
 * workbook.c - the print-ready workbook of ibm-survey (--report), in
 * Indonesian: IKM (the elements with NRR and bands, the index and its
 * band, the regulation's table of bands, a chart of the elements), Sebaran
 * Jawaban (the answers of each element, a chart each), Narasumber (the
 * speakers ranked, a chart each), Penyelenggaraan, Saran dan Masukan (the
 * open questions' answers as written).
 */
#include "survey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Printable height of an A4 page in points (the margins of
 * ibm_xlsx_print_setup, 0.6 inch; a little kept for the renderers). */
#define PAGE_H_PORTRAIT 750.0
#define PAGE_H_LANDSCAPE 495.0
#define ROW_PT 15.0   /* the default row height */
#define PX_PT 0.75    /* a pixel in points */

typedef struct fmts {
	lxw_format *title, *sub, *note, *center, *num4, *num2, *bold,
		   *bold_num4, *bold_num2, *bold_center, *left, *group;
	lxw_format *head9;       /* a header of many narrow columns */
	lxw_format *grade[4];    /* fill by the band's place, best first */
	lxw_format *grade_b[4];  /* the same, bold */
} fmts;

/* A sheet being written from the top: the next row, and the manual page
 * breaks that keep tables' blocks and charts whole on a page. */
typedef struct sheet {
	ibm_xlsx *x;
	lxw_worksheet *ws;
	const fmts *f;
	int row;
	double used, page;
	int scale;             /* print scale, per cent */
	double width;          /* of the columns in Excel, points (a chart
				  is anchored to cells by Excel's widths:
				  LibreOffice draws it over the same cells) */
	lxw_row_t brk[256];
	size_t nbrk;
} sheet;

static lxw_format *new_fmt(ibm_xlsx *x, int bold, const char *num, int border,
			   int align)
{
	lxw_format *f = workbook_add_format(x->wb);

	if (bold)
		format_set_bold(f);
	if (num)
		format_set_num_format(f, num);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (align)
		format_set_align(f, (uint8_t)align);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static void make_fmts(ibm_xlsx *x, fmts *f)
{
	static const unsigned fill[4] = { 0xC6EFCE, 0xDDEBF7, 0xFFEB9C,
					  0xFFC7CE };

	f->title = x->fmt.title;
	f->sub = new_fmt(x, 1, NULL, 0, 0);
	format_set_font_size(f->sub, 12);
	format_set_text_wrap(f->sub);
	f->note = new_fmt(x, 0, NULL, 0, 0);
	format_set_text_wrap(f->note);
	format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
	f->center = new_fmt(x, 0, NULL, 1, LXW_ALIGN_CENTER);
	f->num4 = new_fmt(x, 0, "0.0000", 1, LXW_ALIGN_CENTER);
	f->num2 = new_fmt(x, 0, "0.00", 1, LXW_ALIGN_CENTER);
	f->bold = new_fmt(x, 1, NULL, 1, 0);
	format_set_text_wrap(f->bold);
	f->bold_num4 = new_fmt(x, 1, "0.0000", 1, LXW_ALIGN_CENTER);
	f->bold_num2 = new_fmt(x, 1, "0.00", 1, LXW_ALIGN_CENTER);
	f->bold_center = new_fmt(x, 1, NULL, 1, LXW_ALIGN_CENTER);
	f->left = new_fmt(x, 0, NULL, 1, 0);
	format_set_text_wrap(f->left);
	f->head9 = new_fmt(x, 1, NULL, 1, LXW_ALIGN_CENTER);
	format_set_text_wrap(f->head9);
	format_set_bg_color(f->head9, 0xD9D9D9);
	format_set_font_size(f->head9, 9);
	f->group = new_fmt(x, 1, NULL, 1, 0);
	format_set_text_wrap(f->group);
	format_set_bg_color(f->group, 0xF2F2F2);
	for (int i = 0; i < 4; i++) {
		f->grade[i] = new_fmt(x, 0, NULL, 1, LXW_ALIGN_CENTER);
		format_set_bg_color(f->grade[i], fill[i]);
		f->grade_b[i] = new_fmt(x, 1, NULL, 1, LXW_ALIGN_CENTER);
		format_set_bg_color(f->grade_b[i], fill[i]);
	}
}

/* A new sheet of n columns of widths w (characters), printed on A4
 * pages (scaled to the page's width when it must be: a page then holds
 * more of the sheet's points). */
static void sheet_begin(sheet *s, ibm_xlsx *x, const fmts *f, const char *name,
			int landscape, const double *w, size_t n)
{
	int scale;

	memset(s, 0, sizeof *s);
	s->x = x;
	s->f = f;
	s->ws = workbook_add_worksheet(x->wb, name);
	for (size_t i = 0; i < n; i++)
		worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i, w[i],
				     NULL);
	ibm_xlsx_print_setup(s->ws, landscape, -1, -1);
	scale = ibm_xlsx_print_width(s->ws, landscape, w, n, 0, NULL);
	s->scale = scale > 0 ? scale : 100;
	for (size_t i = 0; i < n; i++)
		s->width += (w[i] * 7 + 5) * PX_PT;
	s->page = (landscape ? PAGE_H_LANDSCAPE : PAGE_H_PORTRAIT) * 100 /
		  (scale > 0 ? scale : 100);
}

/* Room for h points from this row on: on this page, or the page breaks
 * before it. */
static void keep(sheet *s, double h)
{
	if (s->used > 0 && s->used + h > s->page &&
	    s->nbrk + 1 < sizeof s->brk / sizeof *s->brk) {
		s->brk[s->nbrk++] = (lxw_row_t)s->row;
		s->used = 0;
	}
}

/* A block of h points, whole on a page. */
static void need(sheet *s, double h)
{
	keep(s, h);
	s->used += h;
}

/* A row of height h (0: the default). */
static void row_h(sheet *s, double h)
{
	if (h > 0)
		worksheet_set_row(s->ws, (lxw_row_t)s->row, h, NULL);
	need(s, h > 0 ? h : ROW_PT);
}

static void sheet_end(sheet *s)
{
	if (s->nbrk) {
		s->brk[s->nbrk] = 0;
		worksheet_set_h_pagebreaks(s->ws, s->brk);
	}
}

/* The width of columns [0, n) merged, in characters (each column's
 * padding of LibreOffice's included). */
static double merged_chars(const double *w, size_t n)
{
	double t = 0;

	for (size_t i = 0; i < n; i++)
		t += w[i] + (i ? 0.7 : 0);
	return t;
}

/* The title rows: the sheet's title, the event (-t), a line under. */
static void titles(sheet *s, const char *title, const char *event,
		   const char *under, size_t ncols, double chars)
{
	worksheet_write_string(s->ws, (lxw_row_t)s->row, 0, title,
			       s->f->title);
	row_h(s, 20);
	s->row++;
	if (event && *event) {
		double h = ibm_xlsx_cell_pt(event, chars, s->f->sub);

		worksheet_merge_range(s->ws, (lxw_row_t)s->row, 0,
				      (lxw_row_t)s->row, (lxw_col_t)(ncols - 1),
				      event, s->f->sub);
		row_h(s, h > 18 ? h : 18);
		s->row++;
	}
	if (under && *under) {
		worksheet_write_string(s->ws, (lxw_row_t)s->row, 0, under,
				       NULL);
		row_h(s, 0);
		s->row++;
	}
	row_h(s, 8);
	s->row++;
}

/* A paragraph over the columns [0, ncols) of `chars` width. */
static void note(sheet *s, const char *text, size_t ncols, double chars)
{
	double h = ibm_xlsx_cell_pt(text, chars, s->f->note);

	worksheet_merge_range(s->ws, (lxw_row_t)s->row, 0, (lxw_row_t)s->row,
			      (lxw_col_t)(ncols - 1), text, s->f->note);
	row_h(s, h);
	s->row++;
}

/* The header row of a table (heights from its wrapped texts). */
static void header_fmt(sheet *s, const char *const *h, size_t n,
		       const double *w, lxw_format *f)
{
	double ht = ROW_PT;

	for (size_t i = 0; i < n; i++) {
		double c = ibm_xlsx_cell_pt(h[i], w[i], f);

		if (c > ht)
			ht = c;
		worksheet_write_string(s->ws, (lxw_row_t)s->row, (lxw_col_t)i,
				       h[i], f);
	}
	row_h(s, ht);
	s->row++;
}

static void header(sheet *s, const char *const *h, size_t n, const double *w)
{
	header_fmt(s, h, n, w, s->x->fmt.header);
}

/* The band's place among its set (0 best), for its fill. */
static int grade_place(const sv_bandset *b, const sv_band *g)
{
	long i = g ? (long)(g - b->b) : 3;

	return i < 0 ? 0 : i > 3 ? 3 : (int)i;
}

static void band_cells(sheet *s, int col, const sv_bandset *b,
		       const sv_band *g, int bold)
{
	lxw_format *f = bold ? s->f->grade_b[grade_place(b, g)]
			     : s->f->grade[grade_place(b, g)];

	worksheet_write_string(s->ws, (lxw_row_t)s->row, (lxw_col_t)col,
			       g ? g->grade : "-", g ? f : s->f->center);
	worksheet_write_string(s->ws, (lxw_row_t)s->row,
			       (lxw_col_t)(col + 1), g ? g->words : "-",
			       g ? f : s->f->center);
}

static void num_cell(sheet *s, int col, double v, lxw_format *f)
{
	if (isnan(v))
		worksheet_write_string(s->ws, (lxw_row_t)s->row,
				       (lxw_col_t)col, "-", s->f->center);
	else
		worksheet_write_number(s->ws, (lxw_row_t)s->row,
				       (lxw_col_t)col, v, f);
}

/* Indonesian number text: decimal comma. */
static char *id_num(char *buf, size_t size, double v, int decimals)
{
	snprintf(buf, size, "%.*f", decimals, sv_round(v, decimals));
	for (char *p = buf; *p; p++)
		if (*p == '.')
			*p = ',';
	return buf;
}

/* ------------------------------------------------------------ charts */

/* the title of an axis of mean answers */
#define MEAN_AXIS "Nilai rata-rata (1\xE2\x80\x93" "4)"

typedef struct chart_at {
	const char *sheet;
	int cat_r1, cat_c1, cat_r2, cat_c2;   /* categories */
	int val_r1, val_c1, val_r2, val_c2;   /* values */
	const char *title;
	double max;                           /* axis maximum */
	const char *num;                      /* data labels */
	int bars;                             /* horizontal, top down */
	const char *axis;                     /* the values' axis title */
} chart_at;

/* A column chart of w x h points at (row, x offset in points). */
static void chart(sheet *s, const chart_at *c, int row, double x, double w,
		  double h)
{
	lxw_chart *ch = workbook_add_chart(s->x->wb, c->bars ? LXW_CHART_BAR
							     : LXW_CHART_COLUMN);
	/* at least 8.5 points on paper */
	double small = ceil(8.5 * 100 / s->scale);
	lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
	lxw_chart_options co = { 0 };
	lxw_chart_font tf = { 0 }, af = { 0 };

	chart_series_set_categories(se, c->sheet, (lxw_row_t)c->cat_r1,
				    (lxw_col_t)c->cat_c1, (lxw_row_t)c->cat_r2,
				    (lxw_col_t)c->cat_c2);
	chart_series_set_values(se, c->sheet, (lxw_row_t)c->val_r1,
				(lxw_col_t)c->val_c1, (lxw_row_t)c->val_r2,
				(lxw_col_t)c->val_c2);
	chart_series_set_labels(se);
	chart_series_set_labels_num_format(se, c->num);
	chart_title_set_name(ch, c->title);
	tf.size = small + 1;
	tf.bold = LXW_TRUE;
	chart_title_set_name_font(ch, &tf);
	af.size = small;
	chart_axis_set_num_font(ch->x_axis, &af);
	chart_axis_set_num_font(ch->y_axis, &af);
	{
		/* a bar chart's values go along its x axis */
		lxw_chart_axis *va = c->bars ? ch->x_axis : ch->y_axis;
		lxw_chart_axis *ca = c->bars ? ch->y_axis : ch->x_axis;

		/* the values' axis titled beside its numbers */
		if (c->axis) {
			lxw_chart_font nf = { 0 };

			nf.size = small;
			nf.bold = LXW_TRUE;
			chart_axis_set_name(va, c->axis);
			chart_axis_set_name_font(va, &nf);
		}
		chart_axis_set_min(va, 0);
		if (c->max > 0)
			chart_axis_set_max(va, c->max);
		if (c->bars) {
			/* the first category on top, the values below */
			chart_axis_set_reverse(ca);
			chart_axis_set_crossing_max(ca);
		}
	}
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	/* libxlsxwriter's chart is 480 x 288 pixels */
	co.x_scale = w / PX_PT / 480;
	co.y_scale = h / PX_PT / 288;
	co.x_offset = (int32_t)(x / PX_PT);
	worksheet_insert_chart_opt(s->ws, (lxw_row_t)row, 0, ch, &co);
}

/* Rows for charts of h points (whole on a page), from s->row: a row of
 * space, then the chart's; returns the chart's first row. (The space
 * comes first: LibreOffice also draws, clipped away, a chart that
 * begins right at a page break at the foot of the page before.) */
static int chart_rows(sheet *s, double h)
{
	int n = (int)ceil(h / ROW_PT) + 1, first;

	need(s, n * ROW_PT);
	first = s->row + 1;
	s->row += n;
	return first;
}

/* Charts two to a row over width `page` points. */
typedef struct grid {
	double w, h, page;
	int at, row;
} grid;

static void grid_chart(sheet *s, grid *g, const chart_at *c)
{
	if (g->at == 0)
		g->row = chart_rows(s, g->h);
	chart(s, c, g->row, g->at ? g->page / 2 : 0, g->w, g->h);
	g->at = !g->at;
}

/* ----------------------------------------------------------- the IKM */

static size_t count_part(const sv_result *r, sv_part p, int whole)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nrow; i++)
		n += r->row[i].part == p && (whole || *r->row[i].aspect);
	return n;
}

/* "3,5324 - 4,00": the band i's interval on a scale to top. */
static char *interval(char *buf, size_t size, const sv_bandset *b, size_t i,
		      double top, int decimals)
{
	char lo[24], hi[24];
	double step = pow(10, -decimals);
	double upper = i == 0 ? top : b->b[i - 1].min - step;

	id_num(lo, sizeof lo, b->b[i].min, decimals);
	id_num(hi, sizeof hi, upper, decimals);
	snprintf(buf, size, "%s \xE2\x80\x93 %s", lo, hi);
	return buf;
}

static void ikm_sheet(ibm_xlsx *x, const fmts *f, const sv_result *r,
		      const sv_spec *sp, const char *event)
{
	static const char *const head[] = {
		"No", "Unsur Pelayanan", "Jumlah Responden", "Jumlah Nilai",
		"NRR", "NRR \xC3\x97 Bobot", "Mutu", "Kinerja"
	};
	double w[8] = { 4.5, 32, 10.5, 8, 8, 8.5, 6, 12 }; /* "Responden" whole */
	double chars = merged_chars(w, 8);
	size_t ne = count_part(r, SV_UNSUR, 1);
	const sv_bandset *bi = &sp->band[SV_B_INDEKS],
			 *bu = &sp->band[SV_B_UNSUR];
	sheet s;
	char b1[96], b2[96], *t;
	int first;

	sheet_begin(&s, x, f, "IKM", 0, w, 8);
	titles(&s, "Indeks Kepuasan Masyarakat (IKM) Peserta", event,
	       "Menurut Peraturan Menteri PANRB Nomor 14 Tahun 2017", 8,
	       chars);
	if (!r->nunsur) {
		note(&s, "Formulir tidak memuat pertanyaan unsur pelayanan; "
		     "IKM tidak dihitung.", 8, chars);
		sheet_end(&s);
		return;
	}
	header(&s, head, 8, w);
	first = s.row;
	for (size_t i = 0; i < ne; i++) {
		const sv_row *e = &r->row[i];

		row_h(&s, ibm_xlsx_cell_pt(e->name, w[1], f->left));
		worksheet_write_number(s.ws, (lxw_row_t)s.row, 0, (double)i + 1,
				       f->center);
		worksheet_write_string(s.ws, (lxw_row_t)s.row, 1, e->name,
				       f->left);
		worksheet_write_number(s.ws, (lxw_row_t)s.row, 2,
				       (double)e->t.n, f->center);
		worksheet_write_number(s.ws, (lxw_row_t)s.row, 3,
				       (double)e->t.sum, f->center);
		num_cell(&s, 4, sv_round(e->mean, SV_MEAN_DECIMALS), f->num4);
		num_cell(&s, 5, sv_round(e->mean * r->weight, SV_MEAN_DECIMALS),
			 f->num4);
		band_cells(&s, 6, bu, e->band, 0);
		s.row++;
	}
	/* the sum and the index */
	row_h(&s, 0);
	worksheet_merge_range(s.ws, (lxw_row_t)s.row, 0, (lxw_row_t)s.row, 4,
			      "Jumlah NRR tertimbang", f->bold);
	num_cell(&s, 5, sv_round(r->weighted_sum, SV_MEAN_DECIMALS),
		 f->bold_num4);
	worksheet_merge_range(s.ws, (lxw_row_t)s.row, 6, (lxw_row_t)s.row, 7,
			      "", f->bold);
	s.row++;
	row_h(&s, 20);
	worksheet_merge_range(s.ws, (lxw_row_t)s.row, 0, (lxw_row_t)s.row, 4,
			      "IKM (jumlah NRR tertimbang \xC3\x97 25)",
			      f->bold);
	num_cell(&s, 5, sv_round(r->ikm, SV_INDEX_DECIMALS), f->bold_num2);
	band_cells(&s, 6, bi, r->band, 1);
	s.row++;
	row_h(&s, 8);
	s.row++;

	/* what the numbers rest on */
	if (r->weight_given && fabs(r->weight * (double)r->nunsur - 1) >=
				       1e-12)
		t = ibm_xfmt("Bobot tiap unsur %s, dibulatkan seperti "
			     "kebiasaan (bobot tepat 1/%zu); dengan bobot "
			     "tepat IKM = %s.", ibm_fmt_num(b1, sizeof b1,
							r->weight, 6, ','),
			     r->nunsur, id_num(b2, sizeof b2, r->ikm_exact,
					       2));
	else
		t = ibm_xfmt("Bobot tiap unsur 1/%zu (tepat): IKM = 25 "
			     "\xC3\x97 \xCE\xA3 NRR / %zu.", r->nunsur,
			     r->nunsur);
	note(&s, t, 8, chars);
	free(t);
	note(&s, "NRR (nilai rata-rata unsur) = jumlah nilai / jumlah "
	     "responden yang menjawab; jawaban kosong tidak dihitung. Mutu "
	     "ditentukan dari NRR yang dibulatkan 4 desimal dan IKM yang "
	     "dibulatkan 2 desimal, seperti tabel di bawah.", 8, chars);
	t = sv_sample_note(r);
	if (!t)
		t = ibm_xfmt("Responden: %ld orang yang menjawab sedikitnya "
			     "satu unsur.", r->ikm_respondents);
	note(&s, t, 8, chars);
	free(t);
	row_h(&s, 8);
	s.row++;

	/* the regulation's table of bands */
	{
		static const char *const bh[] = {
			"Mutu", "Kinerja", "Nilai Interval (NI)",
			"Nilai Interval Konversi (NIK)"
		};
		size_t n = bi->n < bu->n ? bi->n : bu->n;

		need(&s, ROW_PT * ((double)n + 2));
		worksheet_merge_range(s.ws, (lxw_row_t)s.row, 0,
				      (lxw_row_t)s.row, 7,
				      "Nilai persepsi, interval dan mutu "
				      "(PermenPANRB 14/2017)", f->sub);
		s.row++;
		worksheet_write_string(s.ws, (lxw_row_t)s.row, 0, bh[0],
				       x->fmt.header);
		worksheet_write_string(s.ws, (lxw_row_t)s.row, 1, bh[1],
				       x->fmt.header);
		worksheet_merge_range(s.ws, (lxw_row_t)s.row, 2,
				      (lxw_row_t)s.row, 4, bh[2],
				      x->fmt.header);
		worksheet_merge_range(s.ws, (lxw_row_t)s.row, 5,
				      (lxw_row_t)s.row, 7, bh[3],
				      x->fmt.header);
		s.row++;
		for (size_t i = 0; i < n; i++) {
			worksheet_write_string(s.ws, (lxw_row_t)s.row, 0,
					       bi->b[i].grade,
					       f->grade[i < 4 ? i : 3]);
			worksheet_write_string(s.ws, (lxw_row_t)s.row, 1,
					       bi->b[i].words,
					       f->grade[i < 4 ? i : 3]);
			worksheet_merge_range(s.ws, (lxw_row_t)s.row, 2,
					      (lxw_row_t)s.row, 4,
					      interval(b1, sizeof b1, bu, i,
						       SV_SCALE_MAX, 4),
					      f->center);
			worksheet_merge_range(s.ws, (lxw_row_t)s.row, 5,
					      (lxw_row_t)s.row, 7,
					      interval(b2, sizeof b2, bi, i,
						       100, 2), f->center);
			s.row++;
		}
	}
	row_h(&s, 8);
	s.row++;

	/* the elements' NRR as a chart */
	{
		chart_at c = { "IKM", first, 1, first + (int)ne - 1, 1,
			       first, 4, first + (int)ne - 1, 4,
			       "Nilai rata-rata (NRR) per unsur pelayanan",
			       SV_SCALE_MAX, "0.00", 0, MEAN_AXIS };
		double h = 200;

		chart(&s, &c, chart_rows(&s, h), 0, s.width - 4, h);
	}
	sheet_end(&s);
}

/* ------------------------------------------------- the answers' spread */

static void spread_sheet(ibm_xlsx *x, const fmts *f, const sv_result *r,
			 const char *event)
{
	static const char *const head[] = {
		"No", "Unsur Pelayanan", "Nilai 1", "Nilai 2", "Nilai 3",
		"Nilai 4", "Jumlah Jawaban", "NRR"
	};
	double w[8] = { 4.5, 36, 7, 7, 7, 7, 9, 8 };
	double chars = merged_chars(w, 8);
	size_t ne = count_part(r, SV_UNSUR, 1);
	sheet s;
	int first, hdr;
	grid g = { 0 };

	sheet_begin(&s, x, f, "Sebaran Jawaban", 0, w, 8);
	titles(&s, "Sebaran Jawaban per Unsur Pelayanan", event,
	       "Jumlah responden yang memberi tiap nilai (1 terendah, 4 "
	       "tertinggi)", 8, chars);
	hdr = s.row;
	header(&s, head, 8, w);
	first = s.row;
	for (size_t i = 0; i < ne; i++) {
		const sv_row *e = &r->row[i];

		row_h(&s, ibm_xlsx_cell_pt(e->name, w[1], f->left));
		worksheet_write_number(s.ws, (lxw_row_t)s.row, 0, (double)i + 1,
				       f->center);
		worksheet_write_string(s.ws, (lxw_row_t)s.row, 1, e->name,
				       f->left);
		for (int v = 1; v <= SV_SCALE_MAX; v++)
			worksheet_write_number(s.ws, (lxw_row_t)s.row,
					       (lxw_col_t)(1 + v),
					       (double)e->t.count[v],
					       f->center);
		worksheet_write_number(s.ws, (lxw_row_t)s.row, 6,
				       (double)e->t.n, f->center);
		num_cell(&s, 7, sv_round(e->mean, SV_MEAN_DECIMALS), f->num4);
		s.row++;
	}
	row_h(&s, 8);
	s.row++;
	g.page = s.width - 4;
	g.w = g.page / 2 - 6;
	g.h = 150;
	for (size_t i = 0; i < ne; i++) {
		char *title = ibm_xfmt("%zu. %s", i + 1, r->row[i].name);
		chart_at c = { "Sebaran Jawaban", hdr, 2, hdr, 5,
			       first + (int)i, 2, first + (int)i, 5, title,
			       0, "0", 0, "Jumlah responden" };

		grid_chart(&s, &g, &c);
		free(title);
	}
	sheet_end(&s);
}

/* -------------------------------------------------------- the speakers */

static void speaker_sheet(ibm_xlsx *x, const fmts *f, const sv_result *r,
			  const sv_spec *sp, const char *event)
{
	size_t na = 0, ns = 0, ncol;
	size_t *asp = ibm_xmalloc((sp->nitem + 1) * sizeof *asp);
	const char **head;
	double *w, chars;
	sheet s;
	int hdr, first;
	grid g = { 0 };
	const sv_bandset *bn = &sp->band[SV_B_NARASUMBER];

	/* the aspects some speaker was rated on, in spec order */
	for (size_t i = 0; i < sp->nitem; i++) {
		int used = 0;

		for (size_t k = 0; k < r->nrow && !used; k++)
			used = r->row[k].part == SV_NARASUMBER &&
			       r->row[k].item == i;
		if (used)
			asp[na++] = i;
	}
	ns = count_part(r, SV_NARASUMBER, 1) - count_part(r, SV_NARASUMBER, 0);
	ncol = na + 5;
	head = ibm_xmalloc(ncol * sizeof *head);
	head[0] = "Peringkat";
	head[1] = "Narasumber";
	for (size_t a = 0; a < na; a++)
		head[2 + a] = sp->item[asp[a]].aspect;
	head[na + 2] = "Rata-rata";
	head[na + 3] = "Mutu";
	head[na + 4] = "Kinerja";
	{
		/* each column as wide as its header's longest word; the
		 * names and the band's words wrap */
		ibm_xlsx_widths cw = { 0 };

		for (size_t i = 0; i < ncol; i++) {
			ibm_xlsx_widths_note_words(&cw, i, head[i], f->head9);
			ibm_xlsx_widths_note_len(&cw, i, 5);
		}
		ibm_xlsx_widths_note_len(&cw, 1, 22);
		ibm_xlsx_widths_note_len(&cw, na + 4, 11);
		ibm_xlsx_widths_clamp(&cw, 5, 40);
		w = cw.w;
		cw.w = NULL;
		ibm_xlsx_widths_free(&cw);
	}
	chars = merged_chars(w, ncol);
	sheet_begin(&s, x, f, "Narasumber", 1, w, ncol);
	titles(&s, "Penilaian Narasumber", event,
	       "Rata-rata nilai tiap aspek (skala 1\xE2\x80\x93" "4), "
	       "narasumber diurutkan dari rata-rata tertinggi", ncol, chars);
	hdr = s.row;
	header_fmt(&s, head, ncol, w, f->head9);
	first = s.row;
	for (size_t k = 0; k < r->nrow; k++) {
		const sv_row *e = &r->row[k];

		if (e->part != SV_NARASUMBER || *e->aspect)
			continue;
		row_h(&s, ibm_xlsx_cell_pt(e->name, w[1], f->left));
		worksheet_write_number(s.ws, (lxw_row_t)s.row, 0,
				       (double)e->rank, f->center);
		worksheet_write_string(s.ws, (lxw_row_t)s.row, 1, e->name,
				       f->left);
		for (size_t a = 0; a < na; a++) {
			double m = NAN;

			/* the speaker's rows stand before its whole */
			for (size_t j = 0; j < k; j++)
				if (r->row[j].part == SV_NARASUMBER &&
				    r->row[j].item == asp[a] &&
				    !strcmp(r->row[j].name, e->name))
					m = r->row[j].mean;
			num_cell(&s, (int)(2 + a), sv_round(m, SV_MEAN_DECIMALS),
				 f->num2);
		}
		num_cell(&s, (int)(na + 2), sv_round(e->mean, SV_MEAN_DECIMALS),
			 f->bold_num2);
		band_cells(&s, (int)(na + 3), bn, e->band, 0);
		s.row++;
	}
	row_h(&s, 8);
	s.row++;
	note(&s, "Rata-rata seorang narasumber = jumlah semua nilai yang "
	     "diberikan kepadanya / jumlah jawaban; jawaban kosong tidak "
	     "dihitung. Mutu dari rata-rata yang dibulatkan 4 desimal, "
	     "dengan batas yang sama dengan NRR unsur pelayanan.", ncol,
	     chars);
	row_h(&s, 8);
	s.row++;
	{
		chart_at c = { "Narasumber", first, 1, first + (int)ns - 1, 1,
			       first, (int)na + 2, first + (int)ns - 1,
			       (int)na + 2, "Rata-rata nilai per narasumber",
			       SV_SCALE_MAX, "0.00", 0, MEAN_AXIS };
		double h = 220;

		chart(&s, &c, chart_rows(&s, h), 0, s.width / 2 - 8, h);
	}
	g.page = s.width - 4;
	g.w = g.page / 2 - 6;
	g.h = 220;
	for (size_t k = 0; k < ns; k++) {
		char name[512];
		chart_at c = { "Narasumber", hdr, 2, hdr, (int)na + 1,
			       first + (int)k, 2, first + (int)k, (int)na + 1,
			       name, SV_SCALE_MAX, "0.00", 1, MEAN_AXIS };
		size_t seen = 0;

		for (size_t j = 0; j < r->nrow; j++)
			if (r->row[j].part == SV_NARASUMBER &&
			    !*r->row[j].aspect && seen++ == k)
				snprintf(name, sizeof name, "%s",
					 r->row[j].name);
		grid_chart(&s, &g, &c);
	}
	sheet_end(&s);
	free(asp);
	free(head);
	free(w);
}

/* ---------------------------------------------------- the organisation */

static void org_sheet(ibm_xlsx *x, const fmts *f, const sv_result *r,
		      const sv_spec *sp, const char *event)
{
	static const char *const head[] = {
		"Aspek", "Jumlah Responden", "Jumlah Nilai", "Rata-rata",
		"Mutu", "Kinerja"
	};
	double w[6] = { 40, 10, 9, 9, 6, 12 };
	double chars = merged_chars(w, 6);
	const sv_bandset *bp = &sp->band[SV_B_PENYELENGGARAAN];
	sheet s;
	int first = -1, last = -1;

	sheet_begin(&s, x, f, "Penyelenggaraan", 0, w, 6);
	titles(&s, "Penilaian Penyelenggaraan Kegiatan", event,
	       "Rata-rata nilai tiap aspek (skala 1\xE2\x80\x93" "4)", 6,
	       chars);
	header(&s, head, 6, w);
	for (size_t k = 0; k < r->nrow; k++) {
		const sv_row *e = &r->row[k];
		int whole;
		char *label;

		if (e->part != SV_PENYELENGGARAAN)
			continue;
		whole = !*e->aspect;
		if (!whole && (k == 0 ||
			       r->row[k - 1].part != SV_PENYELENGGARAAN ||
			       !*r->row[k - 1].aspect)) {
			/* a group's heading over its aspects (a row of
			 * another part stands before them: the index's
			 * elements or speakers, else the group's whole) */
			row_h(&s, 0);
			worksheet_merge_range(s.ws, (lxw_row_t)s.row, 0,
					      (lxw_row_t)s.row, 5, e->name,
					      f->group);
			s.row++;
		}
		label = whole ? ibm_xfmt("Rata-rata %s", e->name)
			      : ibm_xstrdup(e->aspect);
		row_h(&s, ibm_xlsx_cell_pt(label, w[0], f->left));
		worksheet_write_string(s.ws, (lxw_row_t)s.row, 0, label,
				       whole ? f->bold : f->left);
		worksheet_write_number(s.ws, (lxw_row_t)s.row, 1,
				       (double)e->t.n, whole ? f->bold_center
							     : f->center);
		worksheet_write_number(s.ws, (lxw_row_t)s.row, 2,
				       (double)e->t.sum, whole ? f->bold_center
							       : f->center);
		num_cell(&s, 3, sv_round(e->mean, SV_MEAN_DECIMALS),
			 whole ? f->bold_num2 : f->num2);
		band_cells(&s, 4, bp, e->band, whole);
		if (!whole) {
			if (first < 0)
				first = s.row;
			last = s.row;
		}
		free(label);
		s.row++;
	}
	row_h(&s, 8);
	s.row++;
	if (first >= 0) {
		chart_at c = { "Penyelenggaraan", first, 0, last, 0, first, 3,
			       last, 3, "Rata-rata nilai per aspek "
			       "penyelenggaraan", SV_SCALE_MAX, "0.00", 0,
			       MEAN_AXIS };
		double h = 230;

		chart(&s, &c, chart_rows(&s, h), 0, s.width - 4, h);
	}
	sheet_end(&s);
}

/* ---------------------------------------------------------- comments */

/* "Saran untuk panitia (7 jawaban)"; the spec's heading in front when
 * the question does not begin with it ("Keluhan: Apa yang kurang ..."). */
static char *heading(const sv_item *it, const char *q, size_t n)
{
	char *a = sv_words(it->name), *b = sv_words(q);
	size_t la = strlen(a);
	int starts = !strncmp(a, b, la) && (b[la] == ' ' || !b[la]);
	char *h = starts ? ibm_xfmt("%s (%zu jawaban)", q, n)
			 : ibm_xfmt("%s: %s (%zu jawaban)", it->name, q, n);

	free(a);
	free(b);
	return h;
}

static void comment_sheet(ibm_xlsx *x, const fmts *f, const sv_data *d,
			  const char *event)
{
	double w[2] = { 5, 86 };
	double chars = merged_chars(w, 2);
	const sv_spec *sp = d->spec;
	sheet s;
	size_t total = 0;

	sheet_begin(&s, x, f, "Saran dan Masukan", 0, w, 2);
	titles(&s, "Saran, Keluhan dan Kesan Peserta", event,
	       "Jawaban pertanyaan terbuka, apa adanya", 2, chars);
	/* by the spec's open questions, then the form's questions, then
	 * the respondents in order */
	for (size_t it = 0; it < sp->nitem; it++) {
		if (sp->item[it].part != SV_KOMENTAR)
			continue;
		for (size_t q = 0; q < d->nquest; q++) {
			size_t n = 0, no = 0;
			char *h;

			for (size_t i = 0; i < d->nresp; i++)
				for (size_t c = 0; c < d->resp[i].ncom; c++)
					n += !d->resp[i].dropped &&
					     d->resp[i].com[c].item == it &&
					     d->resp[i].com[c].quest == q;
			if (!n)
				continue;
			h = heading(&sp->item[it], d->quest[q], n);
			/* the heading stays with its first answer */
			keep(&s, ibm_xlsx_cell_pt(h, chars, f->group) + 30);
			row_h(&s, ibm_xlsx_cell_pt(h, chars, f->group));
			worksheet_merge_range(s.ws, (lxw_row_t)s.row, 0,
					      (lxw_row_t)s.row, 1, h,
					      f->group);
			free(h);
			s.row++;
			for (size_t i = 0; i < d->nresp; i++)
				for (size_t c = 0; c < d->resp[i].ncom; c++) {
					const sv_comment *cm =
						&d->resp[i].com[c];
					char *t;

					if (d->resp[i].dropped ||
					    cm->item != it || cm->quest != q)
						continue;
					t = ibm_xstrdup(cm->text);
					ibm_xlsx_clamp(t);
					row_h(&s, ibm_xlsx_cell_pt(t, w[1],
								   f->left));
					worksheet_write_number(s.ws,
						(lxw_row_t)s.row, 0,
						(double)++no, f->center);
					worksheet_write_string(s.ws,
						(lxw_row_t)s.row, 1, t,
						f->left);
					free(t);
					s.row++;
				}
			total += n;
			row_h(&s, 8);
			s.row++;
		}
	}
	if (!total)
		note(&s, "Tidak ada jawaban pertanyaan terbuka.", 2, chars);
	sheet_end(&s);
}

void sv_write_report(const sv_result *r, const sv_data *d, const char *path,
		     const char *title)
{
	ibm_xlsx *x = ibm_xlsx_open(path, 0, "Survei Kepuasan Peserta", NULL);
	fmts f;

	make_fmts(x, &f);
	ikm_sheet(x, &f, r, d->spec, title);
	if (r->nunsur)
		spread_sheet(x, &f, r, title);
	if (count_part(r, SV_NARASUMBER, 1))
		speaker_sheet(x, &f, r, d->spec, title);
	if (count_part(r, SV_PENYELENGGARAAN, 1))
		org_sheet(x, &f, r, d->spec, title);
	comment_sheet(x, &f, d, title);
	ibm_xlsx_close(x);
}
