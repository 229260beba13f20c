/*
 * rates.c - the office's rates (--rates, ibm-spj(5)): one row per kind of
 * payment and category, with its unit, amount and the ceiling of the
 * cost standard (Standar Biaya Masukan). Columns by their header words,
 * in Indonesian or English: jenis (kind), kategori (category), satuan
 * (unit), tarif (amount), batas (ceiling).
 */
#include "spj.h"

#include <stdlib.h>
#include <string.h>

enum { C_JENIS, C_KATEGORI, C_SATUAN, C_TARIF, C_BATAS, C_AKUN, C_N };

static const ibm_colspec specs[C_N] = {
	{ "jenis|kind|jenis biaya|jenis pembayaran|uraian|komponen", 1 },
	{ "kategori|category|kelompok|asal|tingkat|level", 0 },
	{ "satuan|unit|per", 1 },
	{ "tarif|amount|besaran|nilai|rate|harga satuan|biaya", 1 },
	{ "batas|ceiling|batas tertinggi|sbm|standar biaya|maksimum|"
	  "maximum", 0 },
	{ "akun|account|kode akun|mak", 0 },
};

/* The units people write, by their key. */
static int unit_of(const char *s)
{
	static const struct { const char *k; int u; } u[] = {
		{ "hari", SPJ_UNIT_DAY }, { "oh", SPJ_UNIT_DAY },
		{ "orang hari", SPJ_UNIT_DAY }, { "hari orang", SPJ_UNIT_DAY },
		{ "per hari", SPJ_UNIT_DAY }, { "day", SPJ_UNIT_DAY },
		{ "days", SPJ_UNIT_DAY }, { "jp", SPJ_UNIT_HOUR },
		{ "jam", SPJ_UNIT_HOUR }, { "jam pelajaran", SPJ_UNIT_HOUR },
		{ "oj", SPJ_UNIT_HOUR }, { "orang jam", SPJ_UNIT_HOUR },
		{ "jam orang", SPJ_UNIT_HOUR }, { "per jam", SPJ_UNIT_HOUR },
		{ "hour", SPJ_UNIT_HOUR }, { "hours", SPJ_UNIT_HOUR },
		{ "kali", SPJ_UNIT_ONCE }, { "orang", SPJ_UNIT_ONCE },
		{ "ok", SPJ_UNIT_ONCE }, { "orang kali", SPJ_UNIT_ONCE },
		{ "kali orang", SPJ_UNIT_ONCE }, { "per orang", SPJ_UNIT_ONCE },
		{ "pp", SPJ_UNIT_ONCE }, { "paket", SPJ_UNIT_ONCE },
		{ "kegiatan", SPJ_UNIT_ONCE }, { "once", SPJ_UNIT_ONCE },
		{ "time", SPJ_UNIT_ONCE }, { "person", SPJ_UNIT_ONCE },
	};
	char *k = ibm_person_key(s);
	int r = SPJ_UNIT_OTHER;

	for (size_t i = 0; i < sizeof u / sizeof u[0]; i++)
		if (strcmp(k, u[i].k) == 0)
			r = u[i].u;
	free(k);
	return r;
}

int spj_kind_is_fee(const char *jkey)
{
	return strncmp(jkey, "honor", 5) == 0;
}

char *spj_category_key(const char *s)
{
	static const char *const lead[] = { "kecamatan ", "kec ",
		"kabupaten ", "kab ", NULL };
	char *k = ibm_person_key(s ? s : "");

	for (size_t i = 0; lead[i]; i++) {
		size_t n = strlen(lead[i]);

		if (strncmp(k, lead[i], n) == 0 && k[n]) {
			memmove(k, k + n, strlen(k + n) + 1);
			break;
		}
	}
	return k;
}

static void rate_free(spj_rate *r)
{
	free(r->jenis);
	free(r->kategori);
	free(r->satuan);
	free(r->jkey);
	free(r->kkey);
	free(r->akun);
}

int spj_rates_read_csv(spj_rates *rs, ibm_csv *r, spj_diag *g)
{
	const ibm_rec *rec;
	int idx[C_N], k, st = 0;
	char a[40], b[40];

	rs->src = ibm_xstrdup(ibm_csv_name(r));
	if (ibm_csv_resolve(r, specs, C_N, idx) != 0)
		return IBM_EX_DATAERR;
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		spj_rate x;
		char *t, *bt;
		int empty = 1;

		memset(&x, 0, sizeof x);
		x.jenis = ibm_rec_cell(rec, idx[C_JENIS]);
		x.kategori = ibm_rec_cell(rec, idx[C_KATEGORI]);
		x.satuan = ibm_rec_cell(rec, idx[C_SATUAN]);
		x.akun = ibm_rec_cell(rec, idx[C_AKUN]);
		t = ibm_rec_cell(rec, idx[C_TARIF]);
		bt = ibm_rec_cell(rec, idx[C_BATAS]);
		x.line = rec->line;
		if (x.jenis[0] || x.kategori[0] || x.satuan[0] || t[0] ||
		    bt[0])
			empty = 0;
		if (empty) {
			rate_free(&x);
			free(t);
			free(bt);
			continue;
		}
		x.jkey = ibm_person_key(x.jenis);
		x.kkey = spj_category_key(x.kategori);
		x.unit = unit_of(x.satuan);
		x.batas = -1;
		if (!x.jenis[0]) {
			ibm_error_cell(rs->src, x.line, (size_t)idx[C_JENIS],
				       "jenis: empty");
			st = IBM_EX_DATAERR;
		} else if (x.unit == SPJ_UNIT_OTHER) {
			ibm_error_cell(rs->src, x.line, (size_t)idx[C_SATUAN],
				       "satuan: not a unit (hari, JP, kali, "
				       "orang): \"%s\"", x.satuan);
			st = IBM_EX_DATAERR;
		} else if (ibm_parse_rupiah(t, &x.tarif) != 0) {
			ibm_error_cell(rs->src, x.line, (size_t)idx[C_TARIF],
				       "tarif: not an amount of rupiah: \"%s\"",
				       t);
			st = IBM_EX_DATAERR;
		}
		if (bt[0] && ibm_parse_rupiah(bt, &x.batas) != 0) {
			spj_warn_cell(g, rs->src, x.line, (size_t)idx[C_BATAS],
				      "batas: not an amount of rupiah: \"%s\"; "
				      "no ceiling checked", bt);
			x.batas = -1;
		}
		free(t);
		free(bt);
		for (size_t i = 0; i < rs->n && !st; i++)
			if (strcmp(rs->r[i].jkey, x.jkey) == 0 &&
			    strcmp(rs->r[i].kkey, x.kkey) == 0) {
				ibm_error(rs->src, x.line, "%s%s%s: given twice "
					  "(first at line %ld)", x.jenis,
					  x.kategori[0] ? ", " : "",
					  x.kategori, rs->r[i].line);
				st = IBM_EX_DATAERR;
			}
		if (st) {
			rate_free(&x);
			continue;
		}
		if (x.batas >= 0 && x.tarif > x.batas)
			spj_warn(g, rs->src, x.line, "%s%s%s: tarif %s is above "
				 "its ceiling (batas) %s", x.jenis,
				 x.kategori[0] ? ", " : "", x.kategori,
				 ibm_rupiah(a, sizeof a, x.tarif),
				 ibm_rupiah(b, sizeof b, x.batas));
		ibm_grow((void **)&rs->r, &rs->cap, rs->n + 1, sizeof *rs->r);
		rs->r[rs->n++] = x;
	}
	if (k < 0)
		return ibm_csv_status(r);
	if (!st && !rs->n) {
		ibm_error(rs->src, 0, "no rates in the rates file");
		st = IBM_EX_DATAERR;
	}
	return st;
}

void spj_rates_read(spj_rates *rs, const char *path,
		    const ibm_csv_opts *opts, spj_diag *g)
{
	ibm_csv *r = ibm_csv_xopen_need(path, opts, specs, C_N);
	int st = spj_rates_read_csv(rs, r, g);

	ibm_csv_close(r);
	if (st)
		exit(st);
}

void spj_rates_free(spj_rates *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		rate_free(&rs->r[i]);
	free(rs->r);
	free(rs->src);
	memset(rs, 0, sizeof *rs);
}

const spj_rate *spj_rate_find(const spj_rates *rs, const char *jkey,
			      const char *category)
{
	char *ck = spj_category_key(category);
	const spj_rate *flat = NULL, *hit = NULL;

	for (size_t i = 0; i < rs->n && !hit; i++) {
		const spj_rate *x = &rs->r[i];

		if (strcmp(x->jkey, jkey) != 0)
			continue;
		if (!x->kkey[0])
			flat = x;
		else if (ck[0] && strcmp(x->kkey, ck) == 0)
			hit = x;
	}
	free(ck);
	return hit ? hit : flat;
}
