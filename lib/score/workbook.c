/* workbook.c - ibm-score's workbook for the activity report:
 * Ringkasan (summary with charts), Peserta, Butir Soal. */
#include "score.h"

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
};

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
	return name;
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

/* A table sheet; fmt_of(row, col) may give a special format. */
static lxw_worksheet *table_sheet(ibm_xlsx *x, const char *name,
				  const char *title, const score_table *t,
				  int colour_col, lxw_format *const *cat_fmt,
				  int weak, lxw_format *weak_fmt)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	ibm_xlsx_widths cw = { 0 };
	const char **h = ibm_xcalloc(t->ncol + 1, sizeof *h);
	char (*bufs)[96] = ibm_xcalloc(t->ncol + 1, sizeof *bufs);

	worksheet_write_string(ws, 0, 0, title, x->fmt.title);
	for (size_t c = 0; c < t->ncol; c++)
		h[c] = label(t->hdr[c], bufs[c], sizeof bufs[c]);
	ibm_xlsx_header_row(x, ws, 2, h, t->ncol, &cw);
	for (size_t r = 0; r < t->nrow; r++) {
		int is_weak = 0;

		if (weak)
			for (size_t c = 0; c < t->ncol; c++)
				if (strstr(t->hdr[c], "d_band") &&
				    strcmp(cell(t, r, c), "jelek") == 0)
					is_weak = 1;
		for (size_t c = 0; c < t->ncol; c++) {
			const char *s = cell(t, r, c);
			lxw_format *f = is_weak ? weak_fmt : x->fmt.text;
			lxw_format *nf = is_weak ? weak_fmt : x->fmt.decimal;

			if ((int)c == colour_col && *s &&
			    strcmp(s, SCORE_CAT_FULL) != 0)
				f = cat_fmt[s[0] == 't' ? 0 : s[0] == 's' ? 1 : 2];
			ibm_xlsx_write_cell(ws, (int)r + 3, (int)c, s, f, nf);
			ibm_xlsx_widths_note(&cw, c, s);
		}
	}
	if (t->nrow)
		worksheet_autofilter(ws, 2, 0, (lxw_row_t)(t->nrow + 2),
				     (lxw_col_t)(t->ncol - 1));
	ibm_xlsx_widths_apply(&cw, ws, 6, 50);
	ibm_xlsx_print_setup(ws, 1, 2, 2);
	free(h);
	free(bufs);
	return ws;
}

static void add_chart(ibm_xlsx *x, lxw_worksheet *ws, const char *title,
		      int first, int last, int row)
{
	lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
	lxw_chart_series *se = chart_add_series(ch, NULL, NULL);

	chart_series_set_categories(se, "Ringkasan", (lxw_row_t)first, 3,
				    (lxw_row_t)last, 3);
	chart_series_set_values(se, "Ringkasan", (lxw_row_t)first, 4,
				(lxw_row_t)last, 4);
	chart_title_set_name(ch, title);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	worksheet_insert_chart(ws, (lxw_row_t)row, 3, ch);
}

static void write_num_or_blank(lxw_worksheet *ws, int r, int c,
			       const char *s, lxw_format *f)
{
	ibm_xlsx_write_cell(ws, r, c, s, f, f);
}

/* Kehadiran (--roster): the participation counts, then who took which
 * test, one row per participant and per unregistered respondent. */
static void participation_sheet(ibm_xlsx *x, const score_table *summary,
				const score_table *part)
{
	static const char *const counts[][2] = {
		{ "n_invited", "Diundang" },
		{ "n_invited_pre", "Ikut pre-test" },
		{ "n_invited_post", "Ikut post-test" },
		{ "n_invited_both", "Ikut keduanya" },
		{ "n_absent", "Tidak ikut tes" },
		{ "n_not_registered", "Tidak terdaftar" },
	};
	lxw_worksheet *ws = table_sheet(x, "Kehadiran",
					"Kehadiran Peserta pada Pre-test dan "
					"Post-test", part, -1, NULL, 0, NULL);
	/* the counts below the list: "Rekap" over the name column */
	int r0 = (int)part->nrow + 5;

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

void score_report_write(const char *path, const score_table *summary,
			const score_table *people, const score_table *items,
			const score_table *participation, int prepost)
{
	ibm_xlsx *x = ibm_xlsx_open(path, 0, prepost
				    ? "Hasil Pre-test dan Post-test"
				    : "Hasil Tes", NULL);
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Ringkasan");
	lxw_format *cat[3], *weak;
	static const unsigned colours[3] = { 0xC6EFCE, 0xFFEB9C, 0xFFC7CE };
	ibm_xlsx_widths cw = { 0 };
	char buf[96];
	int r = 2;

	for (int i = 0; i < 3; i++) {
		cat[i] = workbook_add_format(x->wb);
		format_set_border(cat[i], LXW_BORDER_THIN);
		format_set_bg_color(cat[i], colours[i]);
	}
	weak = workbook_add_format(x->wb);
	format_set_border(weak, LXW_BORDER_THIN);
	format_set_bg_color(weak, 0xFFC7CE);
	format_set_text_wrap(weak);

	worksheet_write_string(ws, 0, 0, prepost
			       ? "Ringkasan Hasil Pre-test dan Post-test"
			       : "Ringkasan Hasil Tes", x->fmt.title);
	worksheet_write_string(ws, r, 0, "Statistik", x->fmt.header);
	worksheet_write_string(ws, r, 1, "Nilai", x->fmt.header);
	for (size_t i = 0; i < summary->nrow; i++) {
		const char *l = label(cell(summary, i, 0), buf, sizeof buf);

		r++;
		worksheet_write_string(ws, (lxw_row_t)r, 0, l, x->fmt.text);
		write_num_or_blank(ws, r, 1, cell(summary, i, 1),
				   x->fmt.text);
		ibm_xlsx_widths_note(&cw, 0, l);
	}
	ibm_xlsx_widths_note_len(&cw, 1, 14);
	ibm_xlsx_widths_note_len(&cw, 2, 2);
	ibm_xlsx_widths_note_len(&cw, 3, 16);
	ibm_xlsx_widths_note_len(&cw, 4, 10);
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
		write_num_or_blank(ws, 3, 4, stat_value(summary, "pre_mean"),
				   x->fmt.decimal);
		worksheet_write_string(ws, 4, 3, "Rata-rata post-test",
				       x->fmt.text);
		write_num_or_blank(ws, 4, 4, stat_value(summary, "post_mean"),
				   x->fmt.decimal);
		for (int i = 0; i < 3; i++) {
			worksheet_write_string(ws, (lxw_row_t)(5 + i), 3,
					       cats[i][0], x->fmt.text);
			write_num_or_blank(ws, 5 + i, 4,
					   stat_value(summary, cats[i][1]),
					   x->fmt.integer);
		}
		add_chart(x, ws, "Rata-rata skor pre-test dan post-test", 3, 4,
			  9);
		add_chart(x, ws, "Kategori N-Gain", 5, 7, 25);
	} else {
		worksheet_write_string(ws, 3, 3, "Rata-rata", x->fmt.text);
		write_num_or_blank(ws, 3, 4, stat_value(summary, "mean"),
				   x->fmt.decimal);
		add_chart(x, ws, "Rata-rata skor", 3, 3, 9);
	}
	ibm_xlsx_widths_apply(&cw, ws, 4, 60);
	ibm_xlsx_print_setup(ws, 0, -1, -1);

	table_sheet(x, "Peserta", "Hasil per Peserta", people,
		    score_table_col(people, "n_gain_category"), cat, 0, NULL);
	if (items)
		table_sheet(x, "Butir Soal", "Analisis Butir Soal", items, -1,
			    cat, 1, weak);
	if (participation)
		participation_sheet(x, summary, participation);
	ibm_xlsx_close(x);
}
