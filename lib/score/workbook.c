/* workbook.c - ibm-score's workbook for the activity report:
 * Ringkasan (summary with charts), Peserta, Butir Soal. */
#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Indonesian labels of statistics and columns. */
static const char *const labels[][2] = {
	{ "n", "Jumlah peserta" },
	{ "n_pre", "Jumlah peserta pre-test" },
	{ "n_post", "Jumlah peserta post-test" },
	{ "n_matched", "Peserta mengikuti keduanya" },
	{ "max_score", "Skor maksimum" },
	{ "mean", "Rata-rata skor" },
	{ "sd", "Simpangan baku" },
	{ "min", "Skor terendah" },
	{ "max", "Skor tertinggi" },
	{ "mean_percent", "Rata-rata (%)" },
	{ "kr20", "Reliabilitas (KR-20)" },
	{ "sem", "Kesalahan baku pengukuran (SEM)" },
	{ "n_passed", "Jumlah lulus" },
	{ "pre_mean", "Rata-rata pre-test" },
	{ "pre_sd", "Simpangan baku pre-test" },
	{ "post_mean", "Rata-rata post-test" },
	{ "post_sd", "Simpangan baku post-test" },
	{ "pre_mean_percent", "Rata-rata pre-test (%)" },
	{ "post_mean_percent", "Rata-rata post-test (%)" },
	{ "gain_mean", "Rata-rata peningkatan" },
	{ "gain_sd", "Simpangan baku peningkatan" },
	{ "n_gain_mean", "Rata-rata N-Gain" },
	{ "n_gain_sd", "Simpangan baku N-Gain" },
	{ "n_gain_of_means", "N-Gain dari rata-rata kelas" },
	{ "n_gain_percent", "N-Gain (%)" },
	{ "n_gain_band", "Tafsiran efektivitas" },
	{ "n_invited", "Peserta diundang" },
	{ "n_invited_pre", "Peserta diundang yang mengikuti pre-test" },
	{ "n_invited_post", "Peserta diundang yang mengikuti post-test" },
	{ "n_invited_both", "Peserta diundang yang mengikuti keduanya" },
	{ "n_absent", "Peserta diundang yang tidak mengikuti tes" },
	{ "n_not_registered", "Responden tidak terdaftar" },
	{ "participant_id", "ID Peserta" },
	{ "pre_test", "Pre-test" },
	{ "post_test", "Post-test" },
	{ "status", "Status" },
	{ "matched_pre_mean_percent",
	  "Rata-rata pre-test peserta keduanya (%)" },
	{ "matched_post_mean_percent",
	  "Rata-rata post-test peserta keduanya (%)" },
	{ "n_gain_class", "N-Gain kelas <g> (Hake)" },
	{ "n_gain_class_percent", "N-Gain kelas <g> (%)" },
	{ "n_tinggi", "N-Gain tinggi" },
	{ "n_sedang", "N-Gain sedang" },
	{ "n_rendah", "N-Gain rendah" },
	{ "n_gain_undefined", "N-Gain tidak terdefinisi (pre-test maksimum)" },
	{ "t", "Uji t berpasangan: t" },
	{ "df", "Derajat kebebasan" },
	{ "t_p", "Uji t berpasangan: p" },
	{ "wilcoxon_n", "Uji Wilcoxon: n (selisih bukan nol)" },
	{ "wilcoxon_v", "Uji Wilcoxon: V" },
	{ "wilcoxon_z", "Uji Wilcoxon: z" },
	{ "wilcoxon_p", "Uji Wilcoxon: p" },
	{ "cohen_dz", "Ukuran efek (Cohen's dz)" },
	{ "pre_kr20", "Reliabilitas pre-test (KR-20)" },
	{ "pre_sem", "SEM pre-test" },
	{ "post_kr20", "Reliabilitas post-test (KR-20)" },
	{ "post_sem", "SEM post-test" },
	{ "pass_percent", "Batas lulus (%)" },
	{ "n_passed_pre", "Lulus pre-test" },
	{ "n_passed_post", "Lulus post-test" },
	{ "name", "Nama" },
	{ "email", "Email" },
	{ "score", "Skor" },
	{ "percent", "Persentase" },
	{ "passed", "Lulus" },
	{ "pre_score", "Skor pre-test" },
	{ "post_score", "Skor post-test" },
	{ "pre_percent", "Pre-test (%)" },
	{ "post_percent", "Post-test (%)" },
	{ "gain", "Peningkatan" },
	{ "n_gain", "N-Gain" },
	{ "n_gain_category", "Kategori N-Gain" },
	{ "passed_pre", "Lulus pre-test" },
	{ "passed_post", "Lulus post-test" },
	{ "match", "Kecocokan" },
	{ "number", "No." },
	{ "question", "Soal" },
	{ "key", "Kunci" },
	{ "points", "Bobot" },
	{ "post_question", "Soal post-test" },
	{ "post_key", "Kunci post-test" },
	{ "post_points", "Bobot post-test" },
	{ "p", "Tingkat kesukaran (p)" },
	{ "p_band", "Kategori kesukaran" },
	{ "d", "Daya beda (D)" },
	{ "d_band", "Kategori daya beda" },
	{ "r_pbis", "Korelasi point-biserial" },
	{ "wrong_answer", "Jawaban salah terbanyak" },
	{ "wrong_share", "Proporsi jawaban salah terbanyak" },
	{ "blanks", "Tidak dijawab" },
	/* the participant list's columns (--roster), text but No */
#define ROSTER_FIRST "no"
	{ "no", "No" },
	{ "nama", "Nama" },
	{ "jabatan", "Jabatan" },
	{ "unit_ibm", "Unit IBM" },
	{ "desa_kelurahan", "Desa/Kelurahan" },
	{ "kecamatan", "Kecamatan" },
	{ "kabupaten_kota", "Kabupaten/Kota" },
	{ "no_hp", "No. HP" },
	{ "jenis_kelamin", "L/P" },
	{ "letter_number", "Nomor Surat Undangan" },
};

/* A column of the roster that no label names: its words, capitalised
 * ("asal_instansi": "Asal instansi"). */
static const char *plain_words(const char *name, char *buf, size_t size)
{
	size_t n = 0;

	for (const char *p = name; *p && n + 1 < size; p++)
		buf[n++] = *p == '_' ? ' ' : *p;
	buf[n] = '\0';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

/* 1: a statistic's or a result's name; 2: a roster's column; 0: none */
static int has_label(const char *name)
{
	int roster = 0;

	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
		roster |= strcmp(labels[i][0], ROSTER_FIRST) == 0;
		if (strcmp(labels[i][0], name) == 0)
			return roster ? 2 : 1;
	}
	return 0;
}

static const char *label(const char *name, char *buf, size_t size)
{
	const char *pfx = "";
	const char *base = name;

	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(labels[i][0], name) == 0)
			return labels[i][1];
	if (strncmp(name, "pre_", 4) == 0) {
		pfx = "Pre-test: ";
		base = name + 4;
	} else if (strncmp(name, "post_", 5) == 0) {
		pfx = "Post-test: ";
		base = name + 5;
	}
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strcmp(labels[i][0], base) == 0) {
			snprintf(buf, size, "%s%s", pfx, labels[i][1]);
			return buf;
		}
	return plain_words(name, buf, size);
}

static const char *cell(const score_table *t, size_t r, size_t c)
{
	const char *s = t->cell[r * t->ncol + c];

	return s ? s : "";
}

static const char *stat_value(const score_table *s, const char *name)
{
	for (size_t r = 0; r < s->nrow; r++)
		if (strcmp(cell(s, r, 0), name) == 0)
			return cell(s, r, 1);
	return "";
}

/* ------------------------------------------------------------ formats */

/* How a column's (or a statistic's) numbers show: whole numbers (counts,
 * scores) without decimals and the rest with two, p-values with three
 * ("< 0,001" below that), text wrapped. */
enum { K_TEXT, K_WHOLE, K_DEC, K_P, NKIND };

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

static int kind_of(const char *name)
{
	static const char *const whole[] = {
		"n", "df", "wilcoxon_n", "wilcoxon_v", "max_score", "min", "max",
		"pass_percent", "number", "points", "blanks", "score", "gain",
		"n_gain_undefined", "no"
	};
	const char *base = name;

	if (strcmp(name, "t_p") == 0 || strcmp(name, "wilcoxon_p") == 0)
		return K_P;
	if (strncmp(name, "pre_", 4) == 0)
		base = name + 4;
	else if (strncmp(name, "post_", 5) == 0)
		base = name + 5;
	for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
		if (strcmp(base, whole[i]) == 0)
			return K_WHOLE;
	if (strncmp(base, "n_", 2) == 0 && strncmp(base, "n_gain", 6) != 0)
		return K_WHOLE; /* n_pre, n_passed, n_tinggi, ... */
	/* the roster's own columns are text as written (+62..., 0812...) */
	return has_label(base) == 1 ? K_DEC : K_TEXT;
}

typedef struct fmtset {
	lxw_format *f[NKIND];   /* text, whole, decimal, p */
	lxw_format *dec_whole;  /* a whole value in a K_WHOLE column */
} fmtset;

static void make_fmtset(ibm_xlsx *x, fmtset *fs, unsigned fill, int bold)
{
	static const char *const numfmt[NKIND] = {
		NULL, IBM_XLSX_PAD("0.00"), IBM_XLSX_PAD("0.00"),
		"[<0.001]\"< 0,001\"_);" IBM_XLSX_PAD("0.000")
	};

	for (int k = 0; k < NKIND; k++) {
		lxw_format *f = workbook_add_format(x->wb);

		format_set_border(f, LXW_BORDER_THIN);
		format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
		if (numfmt[k])
			format_set_num_format(f, numfmt[k]);
		if (k == K_TEXT)
			format_set_text_wrap(f);
		if (fill)
			format_set_bg_color(f, fill);
		if (bold)
			format_set_bold(f);
		fs->f[k] = f;
	}
	fs->dec_whole = workbook_add_format(x->wb);
	format_set_border(fs->dec_whole, LXW_BORDER_THIN);
	format_set_align(fs->dec_whole, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(fs->dec_whole, IBM_XLSX_PAD("0"));
	if (fill)
		format_set_bg_color(fs->dec_whole, fill);
	if (bold)
		format_set_bold(fs->dec_whole);
}

/* What people read instead of the CSV's codes. */
static char shown_buf[1024];

static const char *shown(const char *col, const char *v)
{
	static const char *const words[][3] = {
		{ "match", "both", "keduanya" },
		{ "match", "pre_only", "hanya pre-test" },
		{ "match", "post_only", "hanya post-test" },
	};

	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(col, words[i][0]) == 0 && strcmp(v, words[i][1]) == 0)
			return words[i][2];
	/* an answer key: alternatives with " / ", choices with "; " */
	if ((strcmp(col, "key") == 0 || ends_with(col, "_key")) &&
	    strlen(v) * 2 < sizeof shown_buf) {
		char *o = shown_buf;

		for (const char *p = v; *p; p++) {
			if (*p == '|') {
				memcpy(o, " / ", 3);
				o += 3;
			} else if (*p == ';') {
				memcpy(o, "; ", 2);
				o += 2;
			} else {
				*o++ = *p;
			}
		}
		*o = '\0';
		return shown_buf;
	}
	return v;
}

/* Write v of kind k; the text shown for widths goes to out. */
static void put(lxw_worksheet *ws, int r, int c, const char *v, int k,
		const fmtset *fs, char *out, size_t size)
{
	double d;

	snprintf(out, size, "%s", v);
	if (k == K_TEXT || !*v || ibm_parse_number(v, &d, IBM_NUM_EXP) != 0) {
		ibm_xlsx_write_cell(ws, r, c, v, fs->f[K_TEXT], fs->f[K_TEXT]);
		return;
	}
	if (k == K_WHOLE && d == (double)(long long)d) {
		worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, d,
				       fs->dec_whole);
		snprintf(out, size, "%lld", (long long)d);
		return;
	}
	worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, d, fs->f[k]);
	if (k == K_P && d < 0.001)
		snprintf(out, size, "< 0,001");
	else
		snprintf(out, size, k == K_P ? "%.3f" : "%.2f", d);
}

/* The explanation of a highlight: a swatch in the first column and the
 * text wrapped in the second (repeated on every page of a wide table). */
static void note(ibm_xlsx *x, lxw_worksheet *ws, int row, const char *s,
		 lxw_format *swatch, double chars)
{
	lxw_format *f = workbook_add_format(x->wb);

	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	worksheet_write_blank(ws, (lxw_row_t)row, 0, swatch);
	worksheet_write_string(ws, (lxw_row_t)row, 1, s, f);
	worksheet_set_row(ws, (lxw_row_t)row, ibm_xlsx_cell_pt(s, chars, f),
			  NULL);
}

#define TABLE_HDR 4

/* A table sheet; the column colour_col shows its N-Gain category in
 * colour; with weak, rows whose discrimination is "jelek" are
 * highlighted and the pre-test and post-test columns are grouped under
 * a band. id_cols identify a row (repeated on every page of a wide
 * table), blocks start where the prefix pre_/post_ changes. Printed
 * landscape (1), portrait (0), or (-1) landscape only when the columns
 * are wider than a portrait page. */
static double col1_chars; /* width of the second column of a table */

static void table_sheet(ibm_xlsx *x, const char *name, const char *title,
			const score_table *t, int colour_col,
			const fmtset *cat, int weak, const fmtset *plain,
			const fmtset *hi, size_t id_cols, int landscape)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	ibm_xlsx_widths cw = { 0 }, ww = { 0 };
	const char **h = ibm_xcalloc(t->ncol + 1, sizeof *h);
	char (*bufs)[96] = ibm_xcalloc(t->ncol + 1, sizeof *bufs);
	int *kind = ibm_xcalloc(t->ncol + 1, sizeof *kind);
	unsigned char *block = ibm_xcalloc(t->ncol + 1, 1);
	char **text = ibm_xcalloc(t->ncol + 1, sizeof *text);
	char buf[128];
	int dcol = score_table_col(t, "post_d_band") >= 0
		? score_table_col(t, "post_d_band")
		: score_table_col(t, "d_band");

	worksheet_write_string(ws, 0, 0, title, x->fmt.title);
	for (size_t c = 0; c < t->ncol; c++) {
		const char *hn = t->hdr[c];

		/* the full "Pre-test: X" even under a "Pre-test" band: the
		 * names stay unique, so that the sheet reads back as a
		 * table (ibm-csv clean) */
		h[c] = label(hn, bufs[c], sizeof bufs[c]);
		kind[c] = strstr(hn, "band") || strstr(hn, "category") ||
			  strstr(hn, "wrong_answer") || strcmp(hn, "name") == 0 ||
			  strcmp(hn, "email") == 0 || strcmp(hn, "question") == 0 ||
			  strcmp(hn, "key") == 0 || strstr(hn, "passed") ||
			  strcmp(hn, "match") == 0 || strstr(hn, "question") ||
			  ends_with(hn, "_key")
			? K_TEXT : kind_of(hn);
		if (c > 0 && (strncmp(hn, "pre_", 4) == 0) !=
				     (strncmp(t->hdr[c - 1], "pre_", 4) == 0))
			block[c] = 1;
		if (c > 0 && (strncmp(hn, "post_", 5) == 0) !=
				     (strncmp(t->hdr[c - 1], "post_", 5) == 0))
			block[c] = 1;
		ibm_xlsx_widths_note_words(&cw, c, h[c], x->fmt.header);
		ibm_xlsx_widths_note_len(&cw, c, 6);
	}
	/* the widths first: the shown text of every cell */
	for (size_t r = 0; r < t->nrow; r++)
		for (size_t c = 0; c < t->ncol; c++) {
			const char *s = shown(t->hdr[c], cell(t, r, c));
			double d;

			if (kind[c] != K_TEXT && ibm_parse_number(s, &d, 0) == 0)
				snprintf(buf, sizeof buf, kind[c] == K_WHOLE
					 ? "%.0f" : "%.3f", d);
			else
				snprintf(buf, sizeof buf, "%s", s);
			ibm_xlsx_widths_note(&cw, c, buf);
			if (kind[c] == K_TEXT && !strchr(buf, ' '))
				ibm_xlsx_widths_note(&ww, c, buf);
		}
	ibm_xlsx_widths_clamp(&cw, 5, 32);
	/* a text without spaces (an e-mail address, a letter's number)
	 * wider than that is not broken: its column grows, to 45 */
	ibm_xlsx_widths_clamp(&ww, 0, 45);
	for (size_t c = 0; c < cw.n && c < ww.n; c++)
		if (ww.w[c] > cw.w[c])
			cw.w[c] = ww.w[c];
	ibm_xlsx_widths_free(&ww);
	/* answers wrap narrower than other text, so that a test's block of
	 * item columns prints on one page with No and Soal (Butir Soal) */
	for (size_t c = 0; c < t->ncol; c++)
		if (strstr(t->hdr[c], "question"))
			cw.w[c] = cw.w[c] > 45 ? 45 : cw.w[c];
		else if (strcmp(t->hdr[c], "key") == 0 ||
			 ends_with(t->hdr[c], "_key") ||
			 strstr(t->hdr[c], "wrong_answer"))
			cw.w[c] = cw.w[c] > 22 ? 22 : cw.w[c];
	ibm_xlsx_widths_set(&cw, ws);
	col1_chars = cw.n > 1 ? cw.w[1] : 10;
	/* headers: as many lines as the longest needs */
	{
		double hh = 15;

		for (size_t c = 0; c < t->ncol; c++) {
			double v = ibm_xlsx_cell_pt(h[c], cw.w[c],
						    x->fmt.header);

			if (v > hh)
				hh = v;
		}
		ibm_xlsx_header_row(x, ws, TABLE_HDR, h, t->ncol, NULL);
		worksheet_set_row(ws, TABLE_HDR, hh, NULL);
	}
	/* the band over the pre-test and post-test columns of the items */
	for (size_t c = 0; weak && c < t->ncol; ) {
		const char *band = strncmp(t->hdr[c], "pre_", 4) == 0
			? "Pre-test" : strncmp(t->hdr[c], "post_", 5) == 0
			? "Post-test" : NULL;
		size_t e = c + 1;

		if (!band) {
			c++;
			continue;
		}
		while (e < t->ncol && !block[e])
			e++;
		if (e - c > 1)
			worksheet_merge_range(ws, TABLE_HDR - 1, (lxw_col_t)c,
					      TABLE_HDR - 1, (lxw_col_t)(e - 1),
					      band, x->fmt.header);
		else
			worksheet_write_string(ws, TABLE_HDR - 1, (lxw_col_t)c,
					       band, x->fmt.header);
		c = e;
	}
	for (size_t r = 0; r < t->nrow; r++) {
		int is_weak = weak && dcol >= 0 &&
			      strcmp(cell(t, r, (size_t)dcol), "jelek") == 0;
		const fmtset *fs = is_weak ? hi : plain;
		double rh = 15;
		int row = (int)r + TABLE_HDR + 1;

		for (size_t c = 0; c < t->ncol; c++) {
			const char *s = shown(t->hdr[c], cell(t, r, c));
			const fmtset *cf = fs;

			if ((int)c == colour_col && *s &&
			    strcmp(s, SCORE_CAT_FULL) != 0)
				cf = &cat[s[0] == 't' ? 0 : s[0] == 's' ? 1 : 2];
			put(ws, row, (int)c, s, kind[c], cf, buf, sizeof buf);
			if (kind[c] == K_TEXT) {
				double v = ibm_xlsx_cell_pt(buf, cw.w[c],
							    cf->f[K_TEXT]);

				if (v > rh)
					rh = v;
			}
		}
		worksheet_set_row(ws, (lxw_row_t)row, rh, NULL);
	}
	if (t->nrow)
		worksheet_autofilter(ws, TABLE_HDR, 0,
				     (lxw_row_t)(t->nrow + TABLE_HDR),
				     (lxw_col_t)(t->ncol - 1));
	if (landscape < 0)
		landscape = ibm_xlsx_landscape(cw.w, cw.n);
	ibm_xlsx_print_setup(ws, landscape, weak ? TABLE_HDR - 1 : TABLE_HDR,
			     TABLE_HDR);
	ibm_xlsx_print_width(ws, landscape, cw.w, cw.n, id_cols, block);
	if (id_cols)
		worksheet_freeze_panes(ws, TABLE_HDR + 1, (lxw_col_t)id_cols);
	ibm_xlsx_widths_free(&cw);
	free(text);
	free(block);
	free(kind);
	free(h);
	free(bufs);
}

static double chart_width_pt; /* room right of the table */

static void add_chart(ibm_xlsx *x, lxw_worksheet *ws, const char *title,
		      const char *x_name, const char *y_name,
		      int first, int last, int row, double max,
		      const char *num_format)
{
	lxw_chart_font tf = { 0 };
	lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
	lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
	lxw_chart_options co = { 0 };

	chart_series_set_categories(se, "Ringkasan", (lxw_row_t)first, 3,
				    (lxw_row_t)last, 3);
	chart_series_set_values(se, "Ringkasan", (lxw_row_t)first, 4,
				(lxw_row_t)last, 4);
	chart_series_set_labels(se);
	chart_series_set_labels_num_format(se, num_format);
	chart_title_set_name(ch, title);
	tf.size = 11;
	tf.bold = LXW_TRUE;
	chart_title_set_name_font(ch, &tf);
	chart_axis_set_min(ch->y_axis, 0);
	if (max > 0) {
		/* up to the maximum score, in steps that end there */
		static const double steps[] = { 1, 2, 5, 10, 20, 25, 50, 100 };
		double unit = 0;

		for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
			if (max / steps[i] <= 12 &&
			    fmod(max, steps[i]) == 0) {
				unit = steps[i];
				break;
			}
		chart_axis_set_max(ch->y_axis, max);
		if (unit > 0)
			chart_axis_set_major_unit(ch->y_axis, unit);
	}
	chart_axis_set_num_format(ch->y_axis, "0");
	/* every axis titled, the values' beside their numbers */
	chart_axis_set_name(ch->x_axis, x_name);
	chart_axis_set_name(ch->y_axis, y_name);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	/* libxlsxwriter's chart is 480 x 288 pixels */
	co.x_scale = chart_width_pt / 0.75 / 480;
	co.y_scale = 0.85;
	worksheet_insert_chart_opt(ws, (lxw_row_t)row, 3, ch, &co);
}

/* Kehadiran (--roster): the participation counts, then who took which
 * test, one row per participant and per unregistered respondent. */
static void participation_sheet(ibm_xlsx *x, const score_table *summary,
				const score_table *part, const fmtset *plain)
{
	static const char *const counts[][2] = {
		{ "n_invited", "Diundang" },
		{ "n_invited_pre", "Ikut pre-test" },
		{ "n_invited_post", "Ikut post-test" },
		{ "n_invited_both", "Ikut keduanya" },
		{ "n_absent", "Tidak ikut tes" },
		{ "n_not_registered", "Tidak terdaftar" },
	};
	lxw_worksheet *ws;
	/* the counts below the list: "Rekap" over the name column */
	int r0 = TABLE_HDR + (int)part->nrow + 2;

	table_sheet(x, "Kehadiran", "Kehadiran Peserta pada Pre-test dan "
		    "Post-test", part, -1, NULL, 0, plain, plain, 2, -1);
	ws = workbook_get_worksheet_by_name(x->wb, "Kehadiran");

	worksheet_write_string(ws, (lxw_row_t)r0, 1, "Rekap", x->fmt.header);
	worksheet_write_string(ws, (lxw_row_t)r0, 2, "Jumlah", x->fmt.header);
	for (int i = 0; i < 6; i++) {
		worksheet_write_string(ws, (lxw_row_t)(r0 + 1 + i), 1,
				       counts[i][1], x->fmt.text);
		ibm_xlsx_write_cell(ws, r0 + 1 + i, 2,
				    stat_value(summary, counts[i][0]),
				    x->fmt.integer, x->fmt.integer);
	}
}

/*
 * The people's table with No and the name first (the roster's order is
 * participant_id, no, nama, ...): the columns repeated on every printed
 * page. A view: the cells are t's. Returns the columns to repeat.
 */
static size_t name_first(const score_table *t, score_table *v)
{
	int no = score_table_col(t, "no"), nm = score_table_col(t, "nama");
	size_t k = 0, ids;

	if (nm < 0)
		nm = score_table_col(t, "name");
	v->ncol = t->ncol;
	v->nrow = t->nrow;
	v->cap = 0;
	v->hdr = ibm_xcalloc(t->ncol + 1, sizeof *v->hdr);
	v->cell = ibm_xcalloc(t->ncol * t->nrow + 1, sizeof *v->cell);
	{
		size_t *order = ibm_xcalloc(t->ncol + 1, sizeof *order);

		if (no >= 0 && nm >= 0)
			order[k++] = (size_t)no;
		if (nm >= 0)
			order[k++] = (size_t)nm;
		ids = k ? k : 1;
		for (size_t c = 0; c < t->ncol; c++)
			if ((int)c != no || nm < 0)
				if ((int)c != nm)
					order[k++] = c;
		for (size_t c = 0; c < t->ncol; c++) {
			v->hdr[c] = t->hdr[order[c]];
			for (size_t r = 0; r < t->nrow; r++)
				v->cell[r * t->ncol + c] =
					t->cell[r * t->ncol + order[c]];
		}
		free(order);
	}
	return ids;
}

void score_report_write(const char *path, const score_table *summary,
			const score_table *people, const score_table *items,
			const score_table *participation, int prepost)
{
	ibm_xlsx *x = ibm_xlsx_open(path, 0, prepost
				    ? "Hasil Pre-test dan Post-test"
				    : "Hasil Tes", NULL);
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Ringkasan");
	fmtset plain, hi, cat[3];
	static const unsigned colours[3] = { 0xC6EFCE, 0xFFEB9C, 0xFFC7CE };
	ibm_xlsx_widths cw = { 0 };
	char buf[96], shown_v[64];
	int r = 2;
	double max_score = 0;

	make_fmtset(x, &plain, 0, 0);
	make_fmtset(x, &hi, 0xFFC7CE, 0);
	for (int i = 0; i < 3; i++)
		make_fmtset(x, &cat[i], colours[i], 0);
	ibm_parse_number(stat_value(summary, "max_score"), &max_score, 0);

	worksheet_write_string(ws, 0, 0, prepost
			       ? "Ringkasan Hasil Pre-test dan Post-test"
			       : "Ringkasan Hasil Tes", x->fmt.title);
	worksheet_write_string(ws, r, 0, "Statistik", x->fmt.header);
	worksheet_write_string(ws, r, 1, "Nilai", x->fmt.header);
	for (size_t i = 0; i < summary->nrow; i++) {
		const char *name = cell(summary, i, 0);
		const char *l = label(name, buf, sizeof buf);

		r++;
		worksheet_write_string(ws, (lxw_row_t)r, 0, l, x->fmt.text);
		put(ws, r, 1, cell(summary, i, 1), kind_of(name), &plain,
		    shown_v, sizeof shown_v);
		ibm_xlsx_widths_note(&cw, 0, l);
		ibm_xlsx_widths_note(&cw, 1, shown_v);
	}
	ibm_xlsx_widths_note_len(&cw, 1, 8);
	ibm_xlsx_widths_note_len(&cw, 2, 0.5);
	ibm_xlsx_widths_note_len(&cw, 3, 16);
	ibm_xlsx_widths_note_len(&cw, 4, 6);
	ibm_xlsx_widths_clamp(&cw, 2, 60);
	ibm_xlsx_widths_set(&cw, ws);
	chart_width_pt = ibm_xlsx_page_pt(0) * 0.9;
	for (size_t c = 0; c < 3; c++)
		chart_width_pt -= ibm_xlsx_col_pt(cw.w[c]);
	/* chart data */
	worksheet_write_string(ws, 2, 3, "Data grafik", x->fmt.header);
	worksheet_write_string(ws, 2, 4, "Nilai", x->fmt.header);
	if (prepost) {
		static const char *const cats[][2] = {
			{ "Tinggi", "n_tinggi" }, { "Sedang", "n_sedang" },
			{ "Rendah", "n_rendah" }
		};

		worksheet_write_string(ws, 3, 3, "Rata-rata pre-test",
				       x->fmt.text);
		put(ws, 3, 4, stat_value(summary, "pre_mean"), K_DEC, &plain,
		    shown_v, sizeof shown_v);
		worksheet_write_string(ws, 4, 3, "Rata-rata post-test",
				       x->fmt.text);
		put(ws, 4, 4, stat_value(summary, "post_mean"), K_DEC, &plain,
		    shown_v, sizeof shown_v);
		for (int i = 0; i < 3; i++) {
			worksheet_write_string(ws, (lxw_row_t)(5 + i), 3,
					       cats[i][0], x->fmt.text);
			put(ws, 5 + i, 4, stat_value(summary, cats[i][1]),
			    K_WHOLE, &plain, shown_v, sizeof shown_v);
		}
		add_chart(x, ws, "Rata-rata skor pre-test dan post-test",
			  "Tes", "Skor", 3, 4, 9, max_score, "0.00");
		add_chart(x, ws, "Jumlah peserta per kategori N-Gain",
			  "Kategori N-Gain", "Jumlah peserta", 5, 7, 25, 0,
			  "0");
	} else {
		worksheet_write_string(ws, 3, 3, "Rata-rata", x->fmt.text);
		put(ws, 3, 4, stat_value(summary, "mean"), K_DEC, &plain,
		    shown_v, sizeof shown_v);
		add_chart(x, ws, "Rata-rata skor", "Tes", "Skor", 3, 3, 9,
			  max_score, "0.00");
	}
	ibm_xlsx_print_setup(ws, 0, -1, -1);
	ibm_xlsx_print_width(ws, 0, cw.w, cw.n, 0, NULL);
	ibm_xlsx_widths_free(&cw);

	{
		lxw_worksheet *pw;
		score_table view;
		size_t ids = name_first(people, &view);
		int cc = score_table_col(&view, "n_gain_category");

		table_sheet(x, "Peserta", "Hasil per Peserta", &view, cc, cat,
			    0, &plain, &hi, ids, 1);
		free(view.hdr);
		free(view.cell);
		pw = workbook_get_worksheet_by_name(x->wb, "Peserta");
		if (cc >= 0) {
			static const char *const legend[3] = {
				"tinggi: g \xE2\x89\xA5 0,7",
				"sedang: 0,3 \xE2\x89\xA4 g < 0,7",
				"rendah: g < 0,3"
			};

			/* beside a swatch in No's narrow column, else
			 * in the name's colour */
			int tc = ids > 1 ? 1 : 0;

			for (int i = 0; i < 3; i++) {
				if (tc)
					worksheet_write_blank(pw,
						(lxw_row_t)(1 + i), 0,
						cat[i].f[K_TEXT]);
				worksheet_write_string(pw, (lxw_row_t)(1 + i),
						       (lxw_col_t)tc, legend[i],
						       tc ? NULL :
						       cat[i].f[K_TEXT]);
			}
			worksheet_write_string(pw, 1, (lxw_col_t)(tc + 1),
					       "\xE2\x86\x90 warna kolom "
					       "Kategori N-Gain", NULL);
		}
	}
	if (items) {
		lxw_worksheet *iw;

		table_sheet(x, "Butir Soal", "Analisis Butir Soal", items, -1,
			    cat, 1, &plain, &hi, 2, 1);
		iw = workbook_get_worksheet_by_name(x->wb, "Butir Soal");
		note(x, iw, 2, prepost
		     ? "Baris berwarna: daya beda (D) post-test jelek "
		       "(D < 0,20); soal perlu diperbaiki atau diganti."
		     : "Baris berwarna: daya beda (D) jelek (D < 0,20); soal "
		       "perlu diperbaiki atau diganti.", hi.f[K_TEXT],
		     col1_chars);
	}
	if (participation)
		participation_sheet(x, summary, participation, &plain);
	ibm_xlsx_close(x);
}
