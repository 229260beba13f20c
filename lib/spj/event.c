/*
 * event.c - the event file's keys for payment papers (ibm-spj(5)): the
 * event (acara, its days, tempat), where and when the papers are signed,
 * the budget (tahun_anggaran, mak, satker) and who signs them: the
 * Pejabat Pembuat Komitmen, the Bendahara Pengeluaran and, when given,
 * the Kuasa Pengguna Anggaran who "mengetahui". And the run's warnings,
 * errors under --strict.
 */
#include "spj.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ messages */

static void vwarn(spj_diag *g, const char *file, long line, long field,
		  const char *fmt, va_list ap)
{
	char *m = ibm_xvfmt(fmt, ap);

	if (g->strict)
		g->errors++;
	if (field >= 0 && g->strict)
		ibm_error_cell(file, line, (size_t)field, "%s", m);
	else if (field >= 0)
		ibm_warn_cell(file, line, (size_t)field, "%s", m);
	else if (g->strict)
		ibm_error(file, line, "%s", m);
	else
		ibm_warn(file, line, "%s", m);
	free(m);
}

void spj_warn(spj_diag *g, const char *file, long line, const char *fmt,
	      ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(g, file, line, -1, fmt, ap);
	va_end(ap);
}

void spj_warn_cell(spj_diag *g, const char *file, long line, size_t field,
		   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(g, file, line, (long)field, fmt, ap);
	va_end(ap);
}

/* --------------------------------------------------------------- keys */

/* A bad value of KEY: "FILE:LINE: KEY: WHAT VAL" naming where it was
 * set; returns the status, 65. */
static int key_error(const ibm_event *kv, const char *key, const char *what,
		     const char *val)
{
	const ibm_event_kv *e = ibm_event_find(kv, key);

	ibm_error(e ? e->src : kv->file, e ? e->line : 0, "%s: %s%s", key,
		  what, val ? val : "");
	return IBM_EX_DATAERR;
}

/* A signer from KEY_nama, KEY_nip, KEY_pangkat and KEY_jabatan (its
 * lines, '|'; else the default position). */
static void signer(ts_signer *s, const ibm_event *kv, const char *key,
		   const char *jabatan)
{
	char k[64];
	const char *v;

	snprintf(k, sizeof k, "%s_jabatan", key);
	v = ibm_event_get(kv, k);
	ibm_strlist_split(&s->jabatan, v ? v : jabatan, 1);
	snprintf(k, sizeof k, "%s_nama", key);
	s->nama = ibm_event_get(kv, k);
	snprintf(k, sizeof k, "%s_nip", key);
	s->nip = ibm_event_get(kv, k);
	snprintf(k, sizeof k, "%s_pangkat", key);
	s->pangkat = ibm_event_get(kv, k);
}

/* The checked keys (the text ones are in spj_event_init): the days, the
 * date of the papers, the budget year. 0 or 65. */
static int event_keys(spj_event *e, const ibm_event *kv)
{
	char buf[32];
	const char *v;

	if (ibm_event_read_dates(kv, &e->first, &e->last) < 0)
		return IBM_EX_DATAERR;
	e->days = (int)(ibm_date_days(e->last) - ibm_date_days(e->first)) + 1;
	if (e->days > 31)
		return key_error(kv, "tanggal_selesai", "more than 31 days "
				 "after tanggal_mulai", NULL);
	e->tanggal = e->last;
	if ((v = ibm_event_get(kv, "tanggal_bayar")) &&
	    ibm_date_parse(v, &e->tanggal) != 0)
		return key_error(kv, "tanggal_bayar", "not a date: ", v);
	if ((v = ibm_event_get(kv, "tahun_anggaran"))) {
		long y;

		if (ibm_parse_count(v, &y) != 0 || y < 1900 || y > 9999)
			return key_error(kv, "tahun_anggaran", "not a year: ",
					 v);
		e->tahun = ibm_xstrdup(v);
	} else {
		snprintf(buf, sizeof buf, "%d", e->first.y);
		e->tahun = ibm_xstrdup(buf);
	}
	return 0;
}

int spj_event_init(spj_event *e, const ibm_event *kv)
{
	static const char *const required[] = { "acara", "tanggal_mulai",
		"tempat", "tempat_surat", "ppk_nama", "bendahara_nama",
		NULL };
	const char *v;
	int st;

	memset(e, 0, sizeof *e);
	e->kv = kv;
	if ((st = ibm_event_require(kv, required, "for payment papers")))
		return st;
	ts_office_init(&e->office, kv);
	e->acara = ibm_event_get(kv, "acara");
	e->tempat = ibm_event_get(kv, "tempat");
	e->tempat_surat = ibm_event_get(kv, "tempat_surat");
	if ((st = event_keys(e, kv))) {
		spj_event_free(e);
		return st;
	}
	e->mak = ibm_event_get(kv, "mak");
	if ((v = ibm_event_get(kv, "satker")))
		e->satker = ibm_xstrdup(v);
	else if (e->office.kop.n)
		e->satker = ibm_title_case(e->office.kop.v[e->office.kop.n -
							    1]);
	signer(&e->ppk, kv, "ppk", "Pejabat Pembuat Komitmen");
	signer(&e->bendahara, kv, "bendahara", "Bendahara Pengeluaran");
	signer(&e->kpa, kv, "kpa", "Kuasa Pengguna Anggaran");
	return 0;
}

void spj_event_free(spj_event *e)
{
	ts_office_free(&e->office);
	ibm_strlist_free(&e->ppk.jabatan);
	ibm_strlist_free(&e->bendahara.jabatan);
	ibm_strlist_free(&e->kpa.jabatan);
	free(e->tahun);
	free(e->satker);
	memset(e, 0, sizeof *e);
}
