/*
 * order.c - the Surat Perintah (Sprin) of ibm-invite --order: the letter
 * that assigns the office's officers (the staff file of --staff) to run
 * the bimtek, in the Tata Naskah Dinas layout it shares with the Surat
 * Tugas of the Monev visits (warrant.c): Menimbang and Dasar (event keys
 * menimbang, dasar), "DIPERINTAHKAN", the officers, Untuk (event key
 * untuk, else made from the event), the signatory and the Tembusan
 * (tembusan_sprin, else tembusan).
 */
#include "invite.h"

#include <stdlib.h>
#include <string.h>

static char *xcat(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = ibm_xmalloc(n);

	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

char *inv_order_addressee(const inv_order *o)
{
	const inv_staff **all = ibm_xcalloc(o->n + 1, sizeof *all);
	char *s;

	for (size_t i = 0; i < o->n; i++)
		all[i] = &o->s[i];
	s = inv_staff_names_text(all, o->n);
	free(all);
	return s;
}

void inv_order_check(const invite *iv, const inv_order *o, int pdf)
{
	const inv_event *e = &iv->ev;
	/* the keys the Sprin shows, besides the office's */
	static const char *const keys[] = { "nomor_sprin", "tempat_surat",
		"acara", "tempat", "tembusan", "tembusan_sprin", "penerbit",
		"menimbang", "dasar", "untuk", NULL };

	if (!ibm_event_get(e->kv, "nomor_sprin"))
		ibm_die(IBM_EX_DATAERR, e->kv->file, 0, "--order: missing "
			"required key: nomor_sprin");
	if (!ibm_event_get(e->kv, "dasar"))
		ibm_die(IBM_EX_DATAERR, e->kv->file, 0, "--order: missing "
			"required key: dasar");
	if (!pdf)
		return;
	ts_office_check(&e->office); /* the fonts first */
	inv_staff_check_text(&e->office, o);
	for (size_t i = 0; keys[i]; i++) {
		const ibm_event_kv *kv = ibm_event_find(e->kv, keys[i]);

		if (kv)
			ts_check_text(&e->office, kv->src, kv->line, kv->key,
				      kv->val);
	}
}

char *inv_order_number(const invite *iv, inv_register *reg,
		       const inv_order *o)
{
	char *k = inv_order_addressee(o);
	char *n = inv_key_number(&iv->ev, reg, "sprin", "nomor_sprin",
				 "nomor_sprin_awal", 0, k, iv->ev.acara);

	free(k);
	return n;
}

/* ------------------------------------------------------------ layout */

/* The items of a '|' list key. */
static void key_lines(const invite *iv, const char *key, inv_lines *l)
{
	memset(l, 0, sizeof *l);
	inv_lines_split(l, ibm_event_get(iv->ev.kv, key));
}

typedef struct sprin {
	inv_warrant w;
	inv_lines menimbang, dasar, untuk, tembusan;
	const inv_staff **officer;
	char *attachment;
} sprin;

static void sprin_init(sprin *s, const invite *iv, const inv_order *o)
{
	const inv_event *e = &iv->ev;

	memset(s, 0, sizeof *s);
	key_lines(iv, "menimbang", &s->menimbang);
	if (!s->menimbang.n) {
		char *d = xcat("bahwa untuk kelancaran pelaksanaan ", e->acara,
			       ", perlu menugaskan personel yang namanya "
			       "tercantum dalam Surat Perintah ini.");

		inv_lines_split(&s->menimbang, d);
		free(d);
	}
	key_lines(iv, "dasar", &s->dasar);
	key_lines(iv, "untuk", &s->untuk);
	if (!s->untuk.n) {
		char *ht = inv_text_hari_tanggal(iv);
		char *a = xcat("Melaksanakan tugas dalam kegiatan ", e->acara,
			       " pada ");
		char *b = xcat(a, ht, " bertempat di ");
		char *c = xcat(b, e->tempat, ";");
		char *d = xcat("Melaporkan hasil pelaksanaan tugas kepada ",
			       e->penerbit, ";");
		char *all = xcat(c, " | ", d);
		char *all2 = xcat(all, " | ", "Melaksanakan perintah ini "
				  "dengan penuh tanggung jawab.");

		inv_lines_split(&s->untuk, all2);
		free(ht);
		free(a);
		free(b);
		free(c);
		free(d);
		free(all);
		free(all2);
	}
	key_lines(iv, ibm_event_get(e->kv, "tembusan_sprin") ?
		  "tembusan_sprin" : "tembusan", &s->tembusan);
	s->officer = ibm_xcalloc(o->n + 1, sizeof *s->officer);
	for (size_t i = 0; i < o->n; i++)
		s->officer[i] = &o->s[i];
	s->attachment = xcat("Lampiran Surat Perintah ", e->penerbit, "");
	s->w.office = &e->office;
	s->w.title = "SURAT PERINTAH";
	s->w.nomor = o->nomor;
	s->w.menimbang = &s->menimbang;
	s->w.dasar = &s->dasar;
	s->w.verb = "DIPERINTAHKAN";
	s->w.officer = s->officer;
	s->w.nofficer = o->n;
	s->w.role_head = "Tugas dalam Kegiatan";
	s->w.untuk = &s->untuk;
	s->w.tempat_surat = e->tempat_surat;
	s->w.tanggal = e->tanggal_surat;
	s->w.tembusan = &s->tembusan;
	s->w.attachment = s->attachment;
	s->w.acara = e->acara;
}

static void sprin_free(sprin *s)
{
	inv_lines_free(&s->menimbang);
	inv_lines_free(&s->dasar);
	inv_lines_free(&s->untuk);
	inv_lines_free(&s->tembusan);
	free(s->officer);
	free(s->attachment);
}

static void draw(ts_doc *d, void *ctx)
{
	inv_warrant_draw(d, ctx);
}

void inv_order_write(const invite *iv, const inv_order *o, const char *path,
		     inv_outs *outs)
{
	sprin s;
	char *title = xcat("Surat Perintah ", o->nomor, "");

	sprin_init(&s, iv, o);
	inv_outs_add(outs, ts_write(&iv->ev.office, title, path, o->n, draw,
				    &s.w));
	sprin_free(&s);
	free(title);
}
