/*
 * pay.c - the payments of a bimtek: every participant is paid each kind
 * of the rates that is not a fee (uang saku per day attended, transport
 * once or per day, from their kecamatan or district), every speaker the
 * fee of their level for their hours; the tax of each; and the CSV with
 * one row per payment, whose sums are the totals of the papers.
 */
#include "spj.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void spj_total_add(spj_total *t, const spj_pay *p)
{
	t->gross += p->gross;
	t->tax += p->tax;
	t->net += p->net;
}

char *spj_words(spj_rp n)
{
	char w[IBM_TERBILANG_SIZE + 16];

	ibm_terbilang(w, sizeof w - 8, n);
	strcat(w, " rupiah");
	w[0] = (char)toupper((unsigned char)w[0]);
	return ibm_xstrdup(w);
}

char *spj_mak(const spj_run *r, const char *jkey)
{
	const char *akun = "", *mak = r->ev.mak;
	char *s;

	for (size_t i = 0; jkey && i < r->rates.n && !akun[0]; i++)
		if (strcmp(r->rates.r[i].jkey, jkey) == 0)
			akun = r->rates.r[i].akun;
	if (!mak && !akun[0])
		return NULL;
	if (!mak || !akun[0])
		return ibm_xstrdup(mak ? mak : akun);
	s = ibm_xmalloc(strlen(mak) + strlen(akun) + 2);
	sprintf(s, "%s.%s", mak, akun);
	return s;
}

const char *spj_unit_text(const spj_pay *p)
{
	if (!p->rate)
		return "";
	switch (p->rate->unit) {
	case SPJ_UNIT_DAY: return "hari";
	case SPJ_UNIT_HOUR: return "JP";
	default: return p->rate->satuan;
	}
}

const char *spj_pay_name(const spj_run *r, const spj_pay *p)
{
	return p->speaker ? r->people.s[p->who].nama :
			    r->people.p[p->who].nama;
}

static spj_pay *add_pay(spj_run *r)
{
	spj_pay *p;

	ibm_grow((void **)&r->pay, &r->cap, r->npay + 1, sizeof *r->pay);
	p = &r->pay[r->npay++];
	memset(p, 0, sizeof *p);
	return p;
}

static int has_digit(const char *s)
{
	for (; s && *s; s++)
		if (isdigit((unsigned char)*s))
			return 1;
	return 0;
}

/* gross = qty x tarif, within what the papers can write in words. */
static int amount(spj_pay *p)
{
	if (p->qty > 0 && p->tarif > IBM_TERBILANG_MAX / p->qty)
		return -1;
	p->gross = p->qty * p->tarif;
	return 0;
}

/* The participants' rate of kind jkey for p: its kecamatan's, else its
 * district's, else the kind's flat rate. */
static const spj_rate *origin_rate(const spj_rates *rs, const char *jkey,
				   const spj_person *p)
{
	const spj_rate *x = spj_rate_find(rs, jkey, p->kecamatan);

	if (x && x->kkey[0])
		return x;
	x = spj_rate_find(rs, jkey, p->kabupaten);
	if (x && x->kkey[0])
		return x;
	return spj_rate_find(rs, jkey, NULL);
}

static void participant_pays(spj_run *r, const spj_rate *kind)
{
	spj_people *pp = &r->people;

	for (size_t i = 0; i < pp->np; i++) {
		const spj_person *q = &pp->p[i];
		spj_pay *p = add_pay(r);
		spj_taxed w = { SPJ_TAX_PESERTA, 0, 0 };

		p->jenis = kind->jenis;
		p->jkey = kind->jkey;
		p->who = i;
		p->rate = origin_rate(&r->rates, kind->jkey, q);
		if (p->rate)
			p->tarif = p->rate->tarif;
		if (q->days <= 0) {
			p->note = "tidak hadir";
			continue;
		}
		if (!p->rate) {
			p->note = "tidak ada tarif untuk asalnya";
			if (q->kecamatan[0] || q->kabupaten[0])
				spj_warn(&r->diag, pp->psrc, q->line, "%s: no %s "
					 "rate for kecamatan \"%s\" or "
					 "kabupaten/kota \"%s\" in %s; not paid",
					 q->nama, kind->jenis, q->kecamatan,
					 q->kabupaten, r->rates.src);
			else
				spj_warn(&r->diag, pp->psrc, q->line, "%s: no "
					 "kecamatan or kabupaten/kota for the %s "
					 "rates of %s; not paid", q->nama,
					 kind->jenis, r->rates.src);
			continue;
		}
		switch (p->rate->unit) {
		case SPJ_UNIT_DAY:
			p->qty = q->days;
			break;
		case SPJ_UNIT_ONCE:
			p->qty = 1;
			break;
		default:
			p->note = "satuan tidak berlaku bagi peserta";
			spj_warn(&r->diag, r->rates.src, p->rate->line, "%s: "
				 "paid per %s, which participants are not; "
				 "not paid", kind->jenis, p->rate->satuan);
			p->tarif = 0;
			continue;
		}
		if (amount(p) != 0) {
			ibm_error(pp->psrc, q->line, "%s: %s too large",
				  q->nama, kind->jenis);
			r->diag.errors++;
			continue;
		}
		w.no_id = q->has_id_col && !has_digit(q->npwp) &&
			  !has_digit(q->nik);
		p->tax = spj_tax_of(&r->tax, &w, p->gross);
		p->rate_bp = spj_tax_rate_bp(&r->tax, &w, p->gross);
		p->net = p->gross - p->tax;
	}
}

static void speaker_pays(spj_run *r, const char *jkey)
{
	spj_people *pp = &r->people;

	for (size_t i = 0; i < pp->ns; i++) {
		const spj_speaker *s = &pp->s[i];
		spj_pay *p;

		if (strcmp(s->jenis, jkey) != 0)
			continue;
		p = add_pay(r);
		p->speaker = 1;
		p->who = i;
		p->rate = s->rate;
		p->jenis = s->rate->jenis;
		p->jkey = s->rate->jkey;
		p->tarif = s->rate->tarif;
		if (s->rate->unit == SPJ_UNIT_HOUR) {
			if (s->jp <= 0) {
				ibm_error(pp->ssrc, s->line, "%s: jp: the hours "
					  "(JP) are needed for %s paid per %s",
					  s->nama, s->rate->jenis,
					  s->rate->satuan);
				r->diag.errors++;
				continue;
			}
			p->qty = s->jp;
		} else {
			p->qty = s->rows; /* each session once */
		}
		if (amount(p) != 0) {
			ibm_error(pp->ssrc, s->line, "%s: %s too large",
				  s->nama, s->rate->jenis);
			r->diag.errors++;
			continue;
		}
		p->tax = spj_tax_of(&r->tax, &s->tax, p->gross);
		p->rate_bp = spj_tax_rate_bp(&r->tax, &s->tax, p->gross);
		p->net = p->gross - p->tax;
		if (s->tax.no_id && p->tax)
			p->note = "tanpa NPWP/NIK";
	}
}

static void add_kind(spj_run *r, const char *jkey)
{
	ibm_grow((void **)&r->kinds, &r->kcap, r->nkinds + 1,
		 sizeof *r->kinds);
	r->kinds[r->nkinds++] = jkey;
}

void spj_compute(spj_run *r)
{
	const spj_rates *rs = &r->rates;

	for (size_t i = 0; i < rs->n; i++) {
		const spj_rate *x = &rs->r[i];
		int first = 1, used = 0;

		for (size_t j = 0; j < i && first; j++)
			first = strcmp(rs->r[j].jkey, x->jkey) != 0;
		if (!first)
			continue;
		if (!spj_kind_is_fee(x->jkey)) {
			if (!r->people.np)
				continue;
			add_kind(r, x->jkey);
			participant_pays(r, x);
			continue;
		}
		for (size_t s = 0; s < r->people.ns && !used; s++)
			used = strcmp(r->people.s[s].jenis, x->jkey) == 0;
		if (used) {
			add_kind(r, x->jkey);
			speaker_pays(r, x->jkey);
		}
	}
}

/* ----------------------------------------------------------------- CSV */

static const char *const head[] = { "no", "jenis", "nama",
	"participant_id", "nip", "jabatan", "unit", "desa_kelurahan",
	"kecamatan", "materi", "satuan", "volume", "tarif", "bruto",
	"pph21_persen", "pph21", "neto", "keterangan" };

int spj_write_csv(const spj_run *r, FILE *fp, int excel)
{
	ibm_csvw *w = ibm_csvw_new(fp, excel);
	char bp[16];

	ibm_csvw_row(w, head, sizeof head / sizeof head[0]);
	for (size_t i = 0; i < r->npay; i++) {
		const spj_pay *p = &r->pay[i];
		const spj_person *q = p->speaker ? NULL :
				      &r->people.p[p->who];
		const spj_speaker *s = p->speaker ? &r->people.s[p->who] :
				       NULL;

		ibm_csvw_int(w, (long long)i + 1);
		ibm_csvw_str(w, p->jenis);
		ibm_csvw_str(w, s ? s->nama : q->nama);
		ibm_csvw_str(w, s ? "" : q->id);
		ibm_csvw_str(w, s ? s->nip : q->nip);
		ibm_csvw_str(w, s ? s->jabatan : q->jabatan);
		ibm_csvw_str(w, s ? "" : q->unit);
		ibm_csvw_str(w, s ? "" : q->desa);
		ibm_csvw_str(w, s ? "" : q->kecamatan);
		ibm_csvw_str(w, s ? s->materi : "");
		ibm_csvw_str(w, spj_unit_text(p));
		ibm_csvw_int(w, p->qty);
		ibm_csvw_int(w, p->tarif);
		ibm_csvw_int(w, p->gross);
		if (p->rate_bp >= 0)
			ibm_csvw_str(w, spj_bp_text(bp, sizeof bp, p->rate_bp,
						    excel));
		else
			ibm_csvw_str(w, "progresif");
		ibm_csvw_int(w, p->tax);
		ibm_csvw_int(w, p->net);
		ibm_csvw_str(w, p->note);
		ibm_csvw_end(w);
	}
	return ibm_csvw_free(w);
}

void spj_run_free(spj_run *r)
{
	spj_people_free(&r->people);
	spj_rates_free(&r->rates);
	spj_event_free(&r->ev);
	free(r->pay);
	free(r->kinds);
	memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------------ checks */

static void check_kv(const spj_run *r, const char *key)
{
	const ibm_event_kv *kv = ibm_event_find(r->ev.kv, key);

	if (kv)
		ts_check_text(&r->ev.office, kv->src, kv->line, kv->key,
			      kv->val);
}

void spj_check_text(const spj_run *r)
{
	static const char *const keys[] = { "acara", "tempat",
		"tempat_surat", "satker", "mak", "tahun_anggaran", "ppk_nama",
		"ppk_nip", "ppk_jabatan", "ppk_pangkat", "bendahara_nama",
		"bendahara_nip", "bendahara_jabatan", "bendahara_pangkat",
		"kpa_nama", "kpa_nip", "kpa_jabatan", "kpa_pangkat", "instansi",
		NULL };
	const ts_office *o = &r->ev.office;
	const spj_people *pp = &r->people;

	for (size_t i = 0; keys[i]; i++)
		check_kv(r, keys[i]);
	for (size_t i = 0; i < r->rates.n; i++) {
		const spj_rate *x = &r->rates.r[i];

		ts_check_text(o, r->rates.src, x->line, "jenis", x->jenis);
		ts_check_text(o, r->rates.src, x->line, "kategori",
			      x->kategori);
		ts_check_text(o, r->rates.src, x->line, "satuan", x->satuan);
	}
	for (size_t i = 0; i < pp->np; i++) {
		const spj_person *q = &pp->p[i];

		ts_check_text(o, pp->psrc, q->line, "nama", q->nama);
		ts_check_text(o, pp->psrc, q->line, "jabatan", q->jabatan);
		ts_check_text(o, pp->psrc, q->line, "unit", q->unit);
		ts_check_text(o, pp->psrc, q->line, "desa_kelurahan", q->desa);
	}
	for (size_t i = 0; i < pp->ns; i++) {
		const spj_speaker *s = &pp->s[i];

		ts_check_text(o, pp->ssrc, s->line, "nama", s->nama);
		ts_check_text(o, pp->ssrc, s->line, "nip", s->nip);
		ts_check_text(o, pp->ssrc, s->line, "golongan", s->golongan);
		ts_check_text(o, pp->ssrc, s->line, "jabatan", s->jabatan);
		ts_check_text(o, pp->ssrc, s->line, "materi", s->materi);
	}
	ts_office_check(o);
}
