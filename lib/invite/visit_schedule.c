/*
 * visit_schedule.c - the schedule of the Monev visits as the preparation
 * meeting approves it (ibm-invite --visits --schedule FILE): one table
 * per team, with its officers, and the combined table of every team by
 * date; as a print-ready workbook (.xlsx: the sheet Semua Tim, then one
 * sheet per team) or as a document on the office's paper (.pdf, .html:
 * the letterhead, the teams' tables, the combined one on its own page,
 * the place, date and signatory).
 */
#include "invite.h"

#include <stdlib.h>
#include <string.h>


const float inv_visit_cols[5] = { 22, 122, 64, 110, 151.276f };
const char *const inv_visit_head[5] = { "No", "Hari/Tanggal", "Waktu",
	"Unit IBM", "Desa/Kelurahan, Kecamatan, Kabupaten/Kota" };

char *inv_visit_where(const inv_visit *v, const char *sep)
{
	const char *w = inv_village_word(v->kind);
	size_t n = strlen(w) + strlen(v->f[INV_V_DESA]) +
		   strlen(v->f[INV_V_KEC]) + strlen(v->f[INV_V_KAB]) +
		   2 * strlen(sep) + 16;
	char *s = ibm_xmalloc(n);

	snprintf(s, n, "%s %s", w, v->f[INV_V_DESA]);
	if (v->f[INV_V_KEC][0])
		snprintf(s + strlen(s), n - strlen(s), "%sKecamatan %s", sep,
			 v->f[INV_V_KEC]);
	if (v->f[INV_V_KAB][0])
		snprintf(s + strlen(s), n - strlen(s), "%s%s", sep,
			 v->f[INV_V_KAB]);
	return s;
}

void inv_visit_cells(const inv_visit *v, size_t no, char **cells)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%zu", no);
	cells[0] = ibm_xstrdup(buf);
	cells[1] = ibm_xstrdup(ibm_date_long_day(buf, sizeof buf, v->date));
	cells[2] = ibm_xstrdup(v->f[INV_V_WAKTU]);
	cells[3] = ibm_xstrdup(v->f[INV_V_UNIT]);
	cells[4] = inv_visit_where(v, "\n");
}

/* "Name (role), Name (role)" */
static char *officers_text(const inv_team *tm)
{
	size_t n = 1;
	char *s;

	for (size_t i = 0; i < tm->nofficer; i++)
		n += strlen(tm->officer[i]->f[INV_S_NAMA]) +
		     strlen(tm->officer[i]->f[INV_S_TUGAS]) + 6;
	s = ibm_xmalloc(n);
	s[0] = '\0';
	for (size_t i = 0; i < tm->nofficer; i++) {
		const inv_staff *o = tm->officer[i];

		snprintf(s + strlen(s), n - strlen(s), "%s%s%s%s%s",
			 i ? ", " : "", o->f[INV_S_NAMA],
			 o->f[INV_S_TUGAS][0] ? " (" : "", o->f[INV_S_TUGAS],
			 o->f[INV_S_TUGAS][0] ? ")" : "");
	}
	return s;
}

/* ------------------------------------------------------- the document */

/* The combined table: No, Hari/Tanggal, Waktu, Tim, Unit IBM, where. */
static const float all_w[6] = { 22, 118, 62, 44, 96, 127.276f };
static const char *const all_head[6] = { "No", "Hari/Tanggal", "Waktu",
	"Tim", "Unit IBM", "Desa/Kelurahan, Kecamatan, Kabupaten/Kota" };

static void title(ts_doc *d, const inv_papers *p, const char *what)
{
	ts_line(d, 1, TS_SIZE + 1, TS_LEAD + 2, TS_LEFT, TS_RIGHT, 1, what);
	ts_para(d, 1, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 0, 2, p->acara, 1);
	ts_set_y(d, ts_y(d) - 10);
}

/* The place, date and signatory under the combined table. */
static void signed_at(ts_doc *d, const inv_papers *p)
{
	char date[64], buf[160];

	snprintf(buf, sizeof buf, "%s, %s", p->ev->tempat_surat,
		 ibm_date_long(date, sizeof date, p->ev->tanggal_surat));
	ts_set_y(d, ts_y(d) - TS_LEAD);
	ts_line(d, 0, TS_SIZE, TS_LEAD, TS_LEFT + TS_INDENT_RIGHT, TS_RIGHT, 1,
		buf);
	ts_set_y(d, ts_y(d) + TS_LEAD);
	ts_signature(d);
}

static void signed_at_fn(ts_doc *d, void *ctx)
{
	signed_at(d, ctx);
}

/* The combined table from a new page, its last row kept on the page of
 * the place, date and signatory. */
static void combined(ts_doc *d, const inv_papers *p)
{
	const inv_visits *vs = p->vs;
	char *cells[6];
	float sig = ts_height(d, signed_at_fn, (void *)p);

	ts_new_page(d);
	title(d, p, "JADWAL GABUNGAN");
	ts_table_row(d, 6, all_w, all_head, all_head,
		     TS_ROW_HEAD | TS_ROW_LINES);
	for (size_t i = 0; i < vs->n; i++) {
		const inv_visit *v = &vs->v[vs->order[i]];
		int flags = TS_ROW_LINES;

		inv_visit_cells(v, i + 1, cells);
		cells[5] = cells[4];
		cells[4] = cells[3];
		cells[3] = ibm_xstrdup(vs->t[v->team].name);
		if (i + 1 == vs->n && i > 0 &&
		    ts_y(d) - ts_table_row_height(d, 6, all_w,
			(const char *const *)cells, TS_ROW_LINES) - sig <
		    TS_BOTTOM)
			flags |= TS_ROW_BREAK;
		ts_table_row(d, 6, all_w, all_head,
			     (const char *const *)cells, flags);
		for (int c = 0; c < 6; c++)
			free(cells[c]);
	}
	ts_keep(d, sig);
	signed_at(d, p);
}

void inv_visit_schedule_doc(ts_doc *d, void *ctx)
{
	const inv_papers *p = ctx;
	const inv_visits *vs = p->vs;
	char *cells[5];

	ts_new_page(d);
	ts_letterhead(d);
	title(d, p, "JADWAL MONITORING DAN EVALUASI");
	for (size_t t = 0; t < vs->nt; t++) {
		const inv_team *tm = &vs->t[t];
		char *names = officers_text(tm);

		/* the team's name, officers, head row and a row together */
		ts_need(d, TS_LEAD + 3 * TS_SLEAD + 60);
		ts_line(d, 1, TS_SIZE, TS_LEAD, TS_LEFT, TS_RIGHT, 0, tm->name);
		{
			size_t n = strlen(names) + 16;
			char *line = ibm_xmalloc(n);

			snprintf(line, n, "Petugas: %s", names);
			ts_para(d, 0, TS_SMALL, TS_SLEAD, TS_LEFT, TS_RIGHT, 0,
				0, line, 1);
			free(line);
		}
		free(names);
		ts_set_y(d, ts_y(d) - 4);
		ts_table_row(d, 5, inv_visit_cols, inv_visit_head,
			     inv_visit_head, TS_ROW_HEAD | TS_ROW_LINES);
		for (size_t j = 0; j < tm->nvisit; j++) {
			inv_visit_cells(&vs->v[tm->visit[j]], j + 1, cells);
			ts_table_row(d, 5, inv_visit_cols, inv_visit_head,
				     (const char *const *)cells, TS_ROW_LINES);
			for (int c = 0; c < 5; c++)
				free(cells[c]);
		}
		ts_set_y(d, ts_y(d) - 14);
	}

	/* every team by date, on a page of its own */
	combined(d, p);
}

/* ------------------------------------------------------- the workbook */

/* A sheet name Excel takes: no []:*?/\, at most 31 characters, none
 * used before (case ignored: " (2)", " (3)" added). */
static char *sheet_name(const char *s, char (*used)[32], size_t nused)
{
	char base[25], *out = ibm_xmalloc(40);
	size_t n = 0;

	/* at most 24 bytes, not cut in a character: room for " (99)" */
	for (const char *c = s; *c && n < 24; c++)
		base[n++] = strchr("[]:*?/\\", *c) ? '-' : *c;
	n = ibm_utf8_floor(s, n);
	base[n] = '\0';
	if (!n || base[0] == '\'')
		snprintf(base, sizeof base, "Tim");
	snprintf(out, 40, "%s", base);
	for (int k = 2; k < 1000; k++) {
		size_t j = 0;

		while (j < nused && ibm_casecmp(used[j], out))
			j++;
		if (j == nused)
			break;
		snprintf(out, 40, "%s (%d)", base, k);
	}
	return out;
}

typedef struct book {
	ibm_xlsx *x;
	lxw_format *title, *cell, *num;
} book;

/* Title rows, the head row at row 4, the rows, column widths and the
 * print setup of a sheet; rows[r * ncols + c]. */
static void sheet(book *b, const char *name, const char *t1,
		  const char *t2, const char *t3, const char *const *head,
		  size_t ncols, char **rows, size_t nrows)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->x->wb, name);
	ibm_xlsx_widths cw = { 0 };

	if (!ws)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "cannot add the sheet %s",
			name);
	double *w;

	worksheet_write_string(ws, 0, 0, t1, b->title);
	worksheet_write_string(ws, 1, 0, t2, NULL);
	if (t3)
		worksheet_write_string(ws, 2, 0, t3, NULL);
	ibm_xlsx_header_row(b->x, ws, 4, head, ncols, &cw);
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncols; c++) {
			const char *s = rows[r * ncols + c];

			worksheet_write_string(ws, (lxw_row_t)(5 + r),
					       (lxw_col_t)c, s,
					       c ? b->cell : b->num);
			ibm_xlsx_widths_note(&cw, c, s);
		}
	ibm_xlsx_widths_clamp(&cw, 4, 40);
	w = ibm_xcalloc(ncols, sizeof *w);
	for (size_t c = 0; c < ncols && c < cw.n; c++)
		w[c] = cw.w[c];
	ibm_xlsx_widths_set(&cw, ws);
	/* rows as tall as their wrapped texts */
	for (size_t r = 0; r < nrows; r++) {
		double h = 15;

		for (size_t c = 0; c < ncols; c++) {
			double ch = ibm_xlsx_cell_pt(rows[r * ncols + c], w[c],
						     b->cell);

			if (ch > h)
				h = ch;
		}
		worksheet_set_row(ws, (lxw_row_t)(5 + r), h, NULL);
	}
	ibm_xlsx_print_setup(ws, 1, 4, 4);
	ibm_xlsx_print_width(ws, 1, w, ncols, 0, NULL);
	ibm_xlsx_widths_free(&cw);
	free(w);
}

/* A visit's cells of the workbook: No, Hari/Tanggal, Waktu, [Tim,]
 * Unit IBM, Desa/Kelurahan, Kecamatan, Kabupaten/Kota. */
static void book_cells(const inv_papers *p, const inv_visit *v, size_t no,
		       int all, char **c)
{
	char buf[64];
	size_t k = 0;

	snprintf(buf, sizeof buf, "%zu", no);
	c[k++] = ibm_xstrdup(buf);
	c[k++] = ibm_xstrdup(ibm_date_long_day(buf, sizeof buf, v->date));
	c[k++] = ibm_xstrdup(v->f[INV_V_WAKTU]);
	if (all)
		c[k++] = ibm_xstrdup(p->vs->t[v->team].name);
	c[k++] = ibm_xstrdup(v->f[INV_V_UNIT]);
	snprintf(buf, sizeof buf, "%s ", inv_village_word(v->kind));
	{
		size_t n = strlen(buf) + strlen(v->f[INV_V_DESA]) + 1;

		c[k] = ibm_xmalloc(n);
		snprintf(c[k++], n, "%s%s", buf, v->f[INV_V_DESA]);
	}
	c[k++] = ibm_xstrdup(v->f[INV_V_KEC]);
	c[k++] = ibm_xstrdup(v->f[INV_V_KAB]);
}

static void book_write(const inv_papers *p, const char *path,
		       inv_outs *outs)
{
	static const char *const all_cols[8] = { "No", "Hari/Tanggal",
		"Waktu", "Tim", "Unit IBM", "Desa/Kelurahan", "Kecamatan",
		"Kabupaten/Kota" };
	static const char *const team_cols[7] = { "No", "Hari/Tanggal",
		"Waktu", "Unit IBM", "Desa/Kelurahan", "Kecamatan",
		"Kabupaten/Kota" };
	const inv_visits *vs = p->vs;
	book b;
	char (*used)[32] = ibm_xcalloc(vs->nt + 2, sizeof *used);
	char **rows = ibm_xcalloc(vs->n * 8 + 1, sizeof *rows);

	b.x = ibm_xlsx_open(path, 0, "Jadwal Monitoring dan Evaluasi IBM",
			    p->ev->office.kop.n ? p->ev->office.kop.v[
			    p->ev->office.kop.n - 1] : NULL);
	b.title = b.x->fmt.title;
	b.cell = workbook_add_format(b.x->wb);
	format_set_border(b.cell, LXW_BORDER_THIN);
	format_set_text_wrap(b.cell);
	format_set_align(b.cell, LXW_ALIGN_VERTICAL_TOP);
	b.num = workbook_add_format(b.x->wb);
	format_set_border(b.num, LXW_BORDER_THIN);
	format_set_align(b.num, LXW_ALIGN_CENTER);
	format_set_align(b.num, LXW_ALIGN_VERTICAL_TOP);

	snprintf(used[0], sizeof *used, "Semua Tim");
	for (size_t i = 0; i < vs->n; i++)
		book_cells(p, &vs->v[vs->order[i]], i + 1, 1, rows + i * 8);
	sheet(&b, used[0], "JADWAL MONITORING DAN EVALUASI", p->acara,
	      "Semua tim", all_cols, 8, rows, vs->n);
	for (size_t i = 0; i < vs->n * 8; i++)
		free(rows[i]);
	for (size_t t = 0; t < vs->nt; t++) {
		const inv_team *tm = &vs->t[t];
		char *name = sheet_name(tm->name, used, t + 1);
		char *names = officers_text(tm);
		size_t n = strlen(tm->name) + strlen(names) + 16;
		char *t3 = ibm_xmalloc(n);

		snprintf(used[t + 1], sizeof *used, "%s", name);
		snprintf(t3, n, "%s: %s", tm->name, names);
		for (size_t j = 0; j < tm->nvisit; j++)
			book_cells(p, &vs->v[tm->visit[j]], j + 1, 0,
				   rows + j * 7);
		sheet(&b, name, "JADWAL MONITORING DAN EVALUASI", p->acara, t3,
		      team_cols, 7, rows, tm->nvisit);
		for (size_t i = 0; i < tm->nvisit * 7; i++)
			free(rows[i]);
		free(name);
		free(names);
		free(t3);
	}
	{
		ibm_atomic *out = b.x->out;

		ibm_xlsx_close(b.x);
		inv_outs_add(outs, out);
	}
	free(rows);
	free(used);
}

void inv_visit_schedule(const inv_papers *p, const char *path,
			inv_outs *outs)
{
	if (ibm_fmt_of_name(path) == IBM_FMT_XLSX)
		book_write(p, path, outs);
	else
		inv_outs_add(outs, ts_write(&p->ev->office,
					    "Jadwal Monitoring dan Evaluasi",
					    path, 2 * p->vs->n,
					    inv_visit_schedule_doc, (void *)p));
}
