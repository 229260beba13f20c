/* spj.c - the Realisasi Pembayaran part of the Bimtek report, from
 * ibm-spj's output (see report.h and ibm-report(1)): the payments'
 * totals per kind, as the payment papers have them. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The totals of a kind. */
typedef struct kind {
	const char *jenis;
	size_t paid, absent;
	long long bruto, pph21, neto;
} kind;

static long long rp_of(double v)
{
	return isnan(v) ? 0 : (long long)llround(v);
}

static size_t kinds(const rp_pay_row *s, size_t n, kind **out)
{
	kind *k = ibm_xcalloc(n + 1, sizeof *k);
	size_t nk = 0;

	for (size_t i = 0; i < n; i++) {
		size_t j;

		for (j = 0; j < nk && ibm_casecmp(k[j].jenis, s[i].jenis); j++)
			;
		if (j == nk)
			k[nk++].jenis = s[i].jenis;
		if (rp_of(s[i].bruto) > 0)
			k[j].paid++;
		else if (!ibm_casecmp(s[i].keterangan, "tidak hadir"))
			k[j].absent++;
		k[j].bruto += rp_of(s[i].bruto);
		k[j].pph21 += rp_of(s[i].pph21);
		k[j].neto += rp_of(s[i].neto);
	}
	*out = k;
	return nk;
}

/* "satu juta ... rupiah" */
static char *words(long long v)
{
	char w[IBM_TERBILANG_SIZE];

	ibm_terbilang(w, sizeof w, v);
	return rp_fmt("%s rupiah", w);
}

void rp_spj_part(rp_ctx *c, const rp_pay_row *s, size_t n, size_t *tabel)
{
	kind *k, all = { "Jumlah", 0, 0, 0, 0, 0 };
	size_t nk = kinds(s, n, &k), absent = 0;
	char b1[40], b2[40], b3[40], *t, *w;
	int wd[6];

	for (size_t i = 0; i < nk; i++) {
		all.paid += k[i].paid;
		all.bruto += k[i].bruto;
		all.pph21 += k[i].pph21;
		all.neto += k[i].neto;
		if (k[i].absent > absent)
			absent = k[i].absent;
	}
	w = words(all.bruto);
	t = rp_fmt("Pembayaran kepada peserta dan narasumber berjumlah %s "
		   "(%s), dengan PPh Pasal 21 yang dipotong %s, sehingga yang "
		   "diterima %s; rinciannya menurut jenis pembayaran "
		   "tercantum pada Tabel %zu.%s",
		   ibm_rupiah(b1, sizeof b1, all.bruto), w,
		   ibm_rupiah(b2, sizeof b2, all.pph21),
		   ibm_rupiah(b3, sizeof b3, all.neto), *tabel + 1,
		   absent ? " Peserta yang tidak hadir tidak menerima "
		   "pembayaran." : "");
	rp_para(c, t);
	free(t);
	free(w);
	wd[0] = DOCX_CM(1);
	/* "Penerima" on one line in bold, with the cell's margins */
	wd[2] = DOCX_CM(2.2);
	wd[3] = DOCX_CM(2.6);
	wd[4] = DOCX_CM(2.2);
	wd[5] = DOCX_CM(2.6);
	wd[1] = c->width - DOCX_CM(1.5) - wd[0] - wd[2] - wd[3] - wd[4] -
		wd[5];
	rp_caption(c, rp_fmt_num_label(tabel, "Tabel"),
		   "Realisasi pembayaran menurut jenis (rupiah)");
	docx_table_indent(c->d, DOCX_CM(1.5));
	rp_table_head(c, wd, (const char *const[]){ "No", "Jenis Pembayaran",
		"Penerima", "Jumlah Bruto", "PPh 21", "Diterima", NULL });
	for (size_t i = 0; i <= nk; i++) {
		const kind *x = i < nk ? &k[i] : &all;
		int bold = i < nk ? 0 : DOCX_BOLD;

		docx_row_begin(c->d, 0);
		if (i < nk) {
			docx_cell(c->d, rp_num(b1, sizeof b1, (double)i + 1, 0,
					       0), DOCX_CENTER);
			docx_cell(c->d, x->jenis, 0);
		} else {
			docx_cell_span(c->d, x->jenis, bold, 2);
		}
		docx_cell(c->d, rp_num(b1, sizeof b1, (double)x->paid, 0, 0),
			  bold | DOCX_CENTER);
		docx_cell(c->d, ibm_thousands(b1, sizeof b1, x->bruto),
			  bold | DOCX_RIGHT);
		docx_cell(c->d, ibm_thousands(b1, sizeof b1, x->pph21),
			  bold | DOCX_RIGHT);
		docx_cell(c->d, ibm_thousands(b1, sizeof b1, x->neto),
			  bold | DOCX_RIGHT);
		docx_row_end(c->d);
	}
	docx_table_end(c->d);
	docx_p(c->d, "NoSpacing", 0, "");
	free(k);
}
