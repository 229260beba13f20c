/*
 * tables.c - what the daftar nominatif holds, whatever it is written as
 * (PDF and HTML in list.c, a workbook in workbook.c): its tables (a kind
 * each, or with --combine the participants' kinds together and the
 * speakers' together), each table's title, budget account and rows (a
 * payee each, with their payment of every kind of the table), and the
 * texts of a row's first columns.
 */
#include "spj.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *spj_cat(char *s, const char *t)
{
	char *r = ibm_xfmt("%s%s", s, t);

	free(s);
	return r;
}

const char *spj_kind_name(const spj_run *r, const char *jkey)
{
	for (size_t i = 0; i < r->rates.n; i++)
		if (strcmp(r->rates.r[i].jkey, jkey) == 0)
			return r->rates.r[i].jenis;
	return jkey;
}

size_t spj_tables(const spj_run *r, spj_table *t, size_t max)
{
	size_t n = 0;

	for (int sp = 0; sp <= 1; sp++) {
		spj_table all;

		memset(&all, 0, sizeof all);
		all.speakers = sp;
		for (size_t i = 0; i < r->nkinds; i++) {
			if (spj_kind_is_fee(r->kinds[i]) != sp)
				continue;
			if (r->combine) {
				if (all.nk < SPJ_TABLE_KINDS)
					all.kinds[all.nk++] = r->kinds[i];
			} else if (n < max) {
				memset(&t[n], 0, sizeof t[n]);
				t[n].speakers = sp;
				t[n].kinds[0] = r->kinds[i];
				t[n++].nk = 1;
			}
		}
		if (all.nk && n < max)
			t[n++] = all;
	}
	return n;
}

size_t spj_table_rows(const spj_run *r, const spj_table *t, spj_row **out)
{
	spj_row *v = NULL;
	size_t n = 0, cap = 0, nwho = 0, *row;

	/* each person's row, by who: a list of n people in n steps */
	for (size_t i = 0; i < r->npay; i++)
		if (r->pay[i].who >= nwho)
			nwho = r->pay[i].who + 1;
	row = ibm_xmalloc((nwho + 1) * sizeof *row);
	for (size_t i = 0; i < nwho; i++)
		row[i] = (size_t)-1;
	for (size_t i = 0; i < r->npay; i++) {
		const spj_pay *p = &r->pay[i];
		size_t j, k;

		if (p->speaker != t->speakers)
			continue;
		for (k = 0; k < t->nk && strcmp(p->jkey, t->kinds[k]); k++)
			;
		if (k == t->nk)
			continue;
		j = row[p->who];
		if (j == (size_t)-1) {
			j = row[p->who] = n;
			ibm_grow((void **)&v, &cap, n + 1, sizeof *v);
			memset(&v[n], 0, sizeof v[n]);
			v[n].who = p->who;
			v[n++].absent = 1;
		}
		v[j].pay[k] = p;
		spj_total_add(&v[j].t, p);
		if (p->qty > 0)
			v[j].absent = 0;
		if (!v[j].note)
			v[j].note = p->note;
	}
	free(row);
	*out = v;
	return n;
}

char *spj_table_title(const spj_run *r, const spj_table *t)
{
	char *s = ibm_xstrdup("DAFTAR NOMINATIF PENERIMAAN ");

	for (size_t k = 0; k < t->nk; k++) {
		s = spj_cat(s, k == 0 ? "" : k + 1 == t->nk ? " DAN " : ", ");
		s = spj_cat(s, spj_kind_name(r, t->kinds[k]));
	}
	for (char *p = s; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return s;
}

char *spj_table_mak(const spj_run *r, const spj_table *t)
{
	char *m = spj_mak(r, t->kinds[0]);

	/* kinds of other accounts together: the activity's code alone */
	for (size_t k = 1; k < t->nk && m; k++) {
		char *o = spj_mak(r, t->kinds[k]);
		int same = o && strcmp(o, m) == 0;

		free(o);
		if (!same) {
			free(m);
			return spj_mak(r, NULL);
		}
	}
	return m;
}

void spj_row_text(const spj_run *r, const spj_table *t, const spj_row *w,
		  char *out[3])
{
	if (t->speakers) {
		const spj_speaker *sp = &r->people.s[w->who];

		out[0] = sp->jabatan[0] ? ibm_xfmt("%s\n%s", sp->nama,
						   sp->jabatan) :
					  ibm_xstrdup(sp->nama);
		if (sp->tax.how == SPJ_TAX_CIVIL) {
			static const char *const g[] = { "I", "II", "III",
				"IV" };
			const char *gs = sp->golongan[0] ? sp->golongan :
					 g[sp->tax.gol - 1];

			out[1] = sp->nip[0] ? ibm_xfmt("%s\n%s", sp->nip, gs) :
					      ibm_xstrdup(gs);
		} else {
			/* the tax id: without it the tax is higher */
			const char *id = sp->npwp[0] ? "NPWP " : sp->nik[0] ?
					 "NIK " : "";

			out[1] = ibm_xfmt("%s%s%s", sp->nip[0] ? sp->nip : "Non-ASN",
				      id[0] ? "\n" : "", id);
			out[1] = spj_cat(out[1], sp->npwp[0] ? sp->npwp : sp->nik);
		}
		out[2] = ibm_xstrdup(sp->materi);
	} else {
		const spj_person *q = &r->people.p[w->who];

		out[0] = ibm_xstrdup(q->nama);
		out[1] = q->jabatan[0] && q->unit[0] ?
			 ibm_xfmt("%s\n%s", q->jabatan, q->unit) :
			 ibm_xstrdup(q->jabatan[0] ? q->jabatan : q->unit);
		out[2] = ibm_xstrdup(q->desa);
	}
}

long spj_row_qty(const spj_run *r, const spj_table *t, const spj_row *w)
{
	/* one kind: the payment's own days, hours or times; several: the
	 * participant's days */
	if (t->nk > 1 && !t->speakers)
		return r->people.p[w->who].days > 0 ?
		       r->people.p[w->who].days : 0;
	for (size_t k = 0; k < t->nk; k++)
		if (w->pay[k])
			return w->pay[k]->qty;
	return 0;
}

/* The unit of a kind's rates as a column head ("Hari", "JP", "Orang"),
 * or NULL when they differ. */
static const char *kind_unit(const spj_run *r, const char *jkey, char *b,
			     size_t size)
{
	const spj_rate *first = NULL;

	for (size_t i = 0; i < r->rates.n; i++) {
		const spj_rate *x = &r->rates.r[i];

		if (strcmp(x->jkey, jkey) != 0)
			continue;
		if (first && (x->unit != first->unit ||
			      (x->unit == SPJ_UNIT_ONCE &&
			       ibm_casecmp(x->satuan, first->satuan) != 0)))
			return NULL;
		if (!first)
			first = x;
	}
	if (!first)
		return NULL;
	if (first->unit == SPJ_UNIT_DAY)
		return "Hari";
	if (first->unit == SPJ_UNIT_HOUR)
		return "JP";
	snprintf(b, size, "%s", first->satuan);
	b[0] = (char)toupper((unsigned char)b[0]);
	return b;
}

const char *spj_table_unit(const spj_run *r, const spj_table *t, char *b,
			   size_t size)
{
	const char *u;

	if (t->nk > 1)
		return t->speakers ? "Volume" : "Hari";
	u = kind_unit(r, t->kinds[0], b, size);
	return u ? u : "Volume";
}
