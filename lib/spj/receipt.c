/*
 * receipt.c - the kuitansi of each speaker, one an A4 page (PDF, or HTML
 * on the same pages): the budget lines, "KUITANSI", who the money comes
 * from, the amount in figures and in words, what it pays for, the gross,
 * the PPh 21 withheld and what is received, the place and date, and the
 * signatures of the Pejabat Pembuat Komitmen ("Setuju dibayar"), the
 * Bendahara Pengeluaran ("Lunas dibayar") and the payee, with the place
 * of the stamp (meterai) when the amount is above the tax rules' limit.
 * One receipt per speaker and kind; with --combine one per speaker.
 */
#include "spj.h"

#include <stdlib.h>
#include <string.h>

#define LEFT TS_LEFT
#define RIGHT TS_RIGHT
#define SIZE TS_SIZE
#define LEAD TS_LEAD
#define SMALL TS_SMALL
#define SLEAD TS_SLEAD

/* A receipt's payments: the speakers' payments of one payee. */
typedef struct receipt {
	const spj_pay *p[16];
	size_t n;
	spj_total t;
} receipt;

static size_t receipts(const spj_run *r, receipt **out)
{
	receipt *v = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < r->npay; i++) {
		const spj_pay *p = &r->pay[i];
		size_t j = n;

		if (!p->speaker || !p->qty)
			continue;
		if (r->combine)
			for (j = 0; j < n; j++)
				if (strcmp(r->people.s[v[j].p[0]->who].pkey,
					   r->people.s[p->who].pkey) == 0 &&
				    v[j].n < 16)
					break;
		if (j == n) {
			ibm_grow((void **)&v, &cap, n + 1, sizeof *v);
			memset(&v[n++], 0, sizeof *v);
		}
		v[j].p[v[j].n++] = p;
		spj_total_add(&v[j].t, p);
	}
	*out = v;
	return n;
}

/* "Label : value" at the receipt's columns. */
static void field(ts_doc *d, const char *label, const char *value, int bold)
{
	float cx = LEFT + ts_width(d, 0, SIZE, "Untuk pembayaran") + 8;

	ts_labelled(d, SIZE, LEAD + 2, LEFT, cx, cx + 10, RIGHT, label, value,
		    bold);
}

/* A line of the breakdown: label, then the amount set to the right. */
static void money_line(ts_doc *d, const char *label, spj_rp v, int bold)
{
	char b[40];
	float x0 = LEFT + 40, x1 = LEFT + 330;

	ts_need(d, LEAD);
	ts_line(d, bold, SIZE, LEAD, x0, x1, 0, label);
	ts_set_y(d, ts_y(d) + LEAD);
	ts_line(d, bold, SIZE, LEAD, x0, x1, 2, ibm_rupiah(b, sizeof b, v));
}

/* What the money pays for. */
static char *purpose(const spj_run *r, const receipt *rc)
{
	const spj_event *e = &r->ev;
	const spj_speaker *s = &r->people.s[rc->p[0]->who];
	char dates[160], b[40], q[48];
	char *t = ibm_xstrdup("");

	for (size_t i = 0; i < rc->n; i++) {
		const spj_pay *p = rc->p[i];
		char *k = ibm_xstrdup(p->jenis);

		k[0] = (char)(i ? k[0] : (k[0] >= 'a' && k[0] <= 'z' ?
					  k[0] - 'a' + 'A' : k[0]));
		snprintf(q, sizeof q, " (%ld %s x %s)", p->qty,
			 spj_unit_text(p), ibm_rupiah(b, sizeof b, p->tarif));
		t = spj_cat(t, i == 0 ? "" : i + 1 == rc->n ? " dan " : ", ");
		t = spj_cat(t, k);
		t = spj_cat(t, q);
		free(k);
	}
	ibm_date_range_long(dates, sizeof dates, e->first, e->last);
	t = spj_cat(t, " pada kegiatan ");
	t = spj_cat(t, e->acara);
	t = spj_cat(t, ", ");
	t = spj_cat(t, dates);
	t = spj_cat(t, ", di ");
	t = spj_cat(t, e->tempat);
	if (s->materi[0]) {
		t = spj_cat(t, ", dengan materi \"");
		t = spj_cat(t, s->materi);
		t = spj_cat(t, "\"");
	}
	return spj_cat(t, ".");
}

/* "PPh Pasal 21 (5%)", "(2,5%, tanpa NPWP/NIK)", "(tarif progresif)". */
static char *tax_label(const spj_run *r, const receipt *rc)
{
	const spj_speaker *s = &r->people.s[rc->p[0]->who];
	int bp = rc->p[0]->rate_bp;
	char b[24], *t;

	for (size_t i = 1; i < rc->n; i++)
		if (rc->p[i]->rate_bp != bp)
			bp = -2;
	if (bp == -1)
		t = ibm_xstrdup("PPh Pasal 21 (tarif progresif");
	else if (bp == -2)
		t = ibm_xstrdup("PPh Pasal 21 (");
	else
		t = ibm_xfmt("PPh Pasal 21 (%s%%",
			     spj_bp_text(b, sizeof b, bp, 1));
	if (s->tax.no_id && rc->t.tax)
		t = spj_cat(t, bp == -2 ? "tanpa NPWP/NIK" : ", tanpa NPWP/NIK");
	if (bp == -2 && !(s->tax.no_id && rc->t.tax))
		t = spj_cat(t, "beberapa tarif");
	return spj_cat(t, ")");
}

static void head_lines(ts_doc *d, const spj_run *r, const receipt *rc)
{
	const spj_event *e = &r->ev;
	char *mak = spj_mak(r, rc->p[0]->jkey);
	float x0 = RIGHT - 220, cx = x0 + ts_width(d, 0, SMALL,
						     "Tahun Anggaran") + 6;

	ts_labelled(d, SMALL, SLEAD, x0, cx, cx + 8, RIGHT, "Tahun Anggaran",
		    e->tahun, 0);
	ts_labelled(d, SMALL, SLEAD, x0, cx, cx + 8, RIGHT, "Nomor Bukti",
		    "..............................", 0);
	ts_labelled(d, SMALL, SLEAD, x0, cx, cx + 8, RIGHT, "MAK",
		    mak ? mak : "..............................", 0);
	free(mak);
}

static void one(const spj_run *r, ts_doc *d, const receipt *rc)
{
	const spj_event *e = &r->ev;
	const spj_speaker *s = &r->people.s[rc->p[0]->who];
	char b[40], date[64];
	char *from, *words, *what, *tl, *cap3, *t;
	const ts_signer *who[3];
	const char *cap[3];
	ts_signer payee;
	float room[3];

	ts_new_page(d);
	head_lines(d, r, rc);
	ts_set_y(d, ts_y(d) - 18);
	ts_line(d, 1, 18, 22, LEFT, RIGHT, 1, "KUITANSI");
	ts_rule(d, ts_y(d) - 6, 1);
	ts_set_y(d, ts_y(d) - 16);
	from = ibm_xfmt("%s%s%s", e->ppk.jabatan.n ? e->ppk.jabatan.v[0] :
		    "Pejabat Pembuat Komitmen", e->satker ? " " : "",
		    e->satker ? e->satker : "");
	field(d, "Sudah terima dari", from, 0);
	free(from);
	field(d, "Uang sejumlah", ibm_rupiah(b, sizeof b, rc->t.gross), 1);
	words = spj_words(rc->t.gross);
	field(d, "Terbilang", words, 1);
	free(words);
	what = purpose(r, rc);
	field(d, "Untuk pembayaran", what, 0);
	free(what);
	ts_set_y(d, ts_y(d) - 12);
	money_line(d, "Jumlah bruto", rc->t.gross, 0);
	tl = tax_label(r, rc);
	money_line(d, tl, rc->t.tax, 0);
	free(tl);
	ts_hline(d, LEFT + 230, LEFT + 330, ts_y(d) - 3, 0.6f);
	ts_set_y(d, ts_y(d) - 4);
	money_line(d, "Jumlah diterima", rc->t.net, 1);
	words = spj_words(rc->t.net);
	ts_set_y(d, ts_y(d) - 4);
	t = ibm_xfmt("(%s)", words);
	ts_para(d, 0, SMALL, SLEAD, LEFT + 40, RIGHT, 0, 0, t, 1);
	free(t);
	free(words);

	/* the signatures: the payee's with the place and date */
	memset(&payee, 0, sizeof payee);
	payee.nama = s->nama;
	payee.nip = s->nip[0] ? s->nip : NULL;
	ibm_date_long(date, sizeof date, e->tanggal);
	cap3 = ibm_xfmt("%s, %s\nYang menerima,", e->tempat_surat, date);
	cap[0] = "Setuju dibayar,";
	who[0] = &e->ppk;
	cap[1] = "Lunas dibayar,";
	who[1] = &e->bendahara;
	cap[2] = cap3;
	who[2] = &payee;
	ts_set_y(d, ts_y(d) - 16);
	ts_signs(d, 3, cap, who, room);
	if (rc->t.gross > r->tax.meterai_batas) {
		/* the stamp's place in the payee's room to sign */
		float cw = (ts_right(d) - LEFT) / 3, x = LEFT + 2 * cw +
			   (cw - 64) / 2, y = room[2] - TS_SIGN_ROOM + 4;
		float keep = ts_y(d);

		ts_rect(d, x, y, 64, TS_SIGN_ROOM - 8, 0.5f);
		ts_set_y(d, y + TS_SIGN_ROOM - 8 - 4);
		ts_line(d, 0, 8, 10, x, x + 64, 1, "Meterai");
		ts_line(d, 0, 8, 10, x, x + 64, 1,
			ibm_rupiah(b, sizeof b, r->tax.meterai));
		ts_set_y(d, keep - 10);
		t = ibm_xfmt("Catatan: kuitansi dengan jumlah di atas %s "
			     "dibubuhi meterai.",
			     ibm_rupiah(b, sizeof b, r->tax.meterai_batas));
		ts_para(d, 0, SMALL, SLEAD, LEFT, RIGHT, 0, 0, t, 1);
		free(t);
	}
	free(cap3);
}

static void layout(ts_doc *d, void *ctx)
{
	const spj_run *r = ctx;
	receipt *v;
	size_t n = receipts(r, &v);

	for (size_t i = 0; i < n; i++)
		one(r, d, &v[i]);
	free(v);
}

ibm_atomic *spj_receipts_pdf(const spj_run *r, const char *path)
{
	return ts_write_pdf(&r->ev.office, path, "Kuitansi", layout,
			    (void *)r);
}

ibm_atomic *spj_receipts_html(const spj_run *r, const char *path)
{
	return ts_write_html(&r->ev.office, path, "Kuitansi", layout,
			     (void *)r);
}
