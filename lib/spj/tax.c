/*
 * tax.c - the income tax withheld from a payment (PPh Pasal 21), from
 * rules given as data (--tax, ibm-spj(5)) over documented defaults:
 *
 *   civil servants (PNS, TNI, Polri, pejabat negara) paid from the state
 *   budget: a final rate by golongan on the gross (PP 80/2010: I and II
 *   0 %, III 5 %, IV 15 %);
 *   others (non-ASN speakers): the Pasal 17 rates on 50 % of the gross
 *   (PMK 168/2023); without NPWP or NIK the tax is 120 % of that;
 *   participants: not taxed unless peserta_dasar says what part is.
 *
 * The tax is computed exactly (in 10^-12 rupiah, 128-bit) and rounded
 * once to whole rupiah: down unless the rules say otherwise.
 */
#include "spj.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------- 128-bit arithmetic */

typedef struct u128 {
	uint64_t hi, lo;
} u128;

static u128 mul64(uint64_t a, uint64_t b)
{
	uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32;
	uint64_t b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) +
		       (p10 & 0xFFFFFFFFu);
	u128 r;

	r.lo = (mid << 32) | (p00 & 0xFFFFFFFFu);
	r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
	return r;
}

static u128 add128(u128 a, u128 b)
{
	u128 r;

	r.lo = a.lo + b.lo;
	r.hi = a.hi + b.hi + (r.lo < a.lo);
	return r;
}

/* a / d (d > 0; the quotient fits 64 bits), *rem the remainder. */
static uint64_t div128(u128 a, uint64_t d, uint64_t *rem)
{
	uint64_t q = 0, r = 0;

	for (int i = 127; i >= 0; i--) {
		uint64_t bit = i >= 64 ? (a.hi >> (i - 64)) & 1 :
					 (a.lo >> i) & 1;
		int carry = (r >> 63) != 0;

		r = (r << 1) | bit;
		q <<= 1;
		if (carry || r >= d) {
			r -= d;
			q |= 1;
		}
	}
	*rem = r;
	return q;
}

/* ------------------------------------------------------------ defaults */

void spj_tax_defaults(spj_tax *t)
{
	static const spj_rp upto[] = { 60000000LL, 250000000LL,
		500000000LL, 5000000000LL, -1 };
	static const int rate[] = { 500, 1500, 2500, 3000, 3500 };

	memset(t, 0, sizeof *t);
	t->gol_bp[0] = 0;
	t->gol_bp[1] = 0;
	t->gol_bp[2] = 500;
	t->gol_bp[3] = 1500;
	t->dasar_bp = 5000;
	for (size_t k = 0; k < 5; k++) {
		t->upto[k] = upto[k];
		t->rate_bp[k] = rate[k];
	}
	t->nbr = 5;
	t->no_id_bp = 12000;
	t->peserta_bp = 0;
	t->round = SPJ_ROUND_DOWN;
	t->meterai_batas = 5000000;
	t->meterai = 10000;
}

/* ---------------------------------------------------------- percentages */

int spj_parse_bp(const char *str, int max, int *bp)
{
	char buf[64];
	size_t n = strlen(str);
	char *s, *e;
	long whole = 0, frac = 0;
	int nf = 0;

	if (n >= sizeof buf)
		return -1;
	memcpy(buf, str, n + 1);
	s = ibm_trim(buf);
	e = s + strlen(s);
	if (e > s && e[-1] == '%') {
		*--e = '\0';
		ibm_trim(s);
		e = s + strlen(s);
	}
	if (s == e || !isdigit((unsigned char)*s))
		return -1;
	for (; isdigit((unsigned char)*s); s++) {
		whole = whole * 10 + (*s - '0');
		if (whole > 100000)
			return -1;
	}
	if (*s == '.' || *s == ',') {
		s++;
		if (!isdigit((unsigned char)*s))
			return -1;
		for (; isdigit((unsigned char)*s); s++, nf++) {
			if (nf >= 2) {
				if (*s != '0')
					return -1; /* finer than 0,01 % */
				continue;
			}
			frac = frac * 10 + (*s - '0');
		}
		if (nf == 1)
			frac *= 10;
	}
	if (*s || whole * 100 + frac > max)
		return -1;
	*bp = (int)(whole * 100 + frac);
	return 0;
}

char *spj_bp_text(char *buf, size_t size, int bp, int comma)
{
	if (bp % 100 == 0)
		snprintf(buf, size, "%d", bp / 100);
	else if (bp % 10 == 0)
		snprintf(buf, size, "%d%c%d", bp / 100, comma ? ',' : '.',
			 bp % 100 / 10);
	else
		snprintf(buf, size, "%d%c%02d", bp / 100, comma ? ',' : '.',
			 bp % 100);
	return buf;
}

/* ------------------------------------------------------------ the file */

static const char *const known[] = { "golongan_i", "golongan_ii",
	"golongan_iii", "golongan_iv", "dasar", "pasal_17", "tanpa_npwp",
	"peserta_dasar", "pembulatan", "meterai_batas", "meterai", NULL };

static int bad(const ibm_event_kv *kv, const char *what)
{
	ibm_error(kv->src, kv->line, "%s: %s: %s", kv->key, what, kv->val);
	return IBM_EX_DATAERR;
}

/* "60.000.000 5 | 250.000.000 15 | ... | 35": each bracket's upper end
 * and rate, the last without an end. */
static int brackets(spj_tax *t, const ibm_event_kv *kv)
{
	ibm_strlist l;
	int st = 0;
	spj_rp prev = 0;

	ibm_strlist_split(&l, kv->val, 1);
	if (!l.n || l.n > SPJ_BRACKETS)
		st = bad(kv, "not 1 to 8 brackets (\"60000000 5 | ... | 35\")");
	t->nbr = 0;
	for (size_t i = 0; i < l.n && !st; i++) {
		char *sp = strrchr(l.v[i], ' ');
		int last = i + 1 == l.n, r;
		spj_rp up = -1;

		if (sp)
			*sp++ = '\0';
		if (last && sp) {
			st = bad(kv, "the last bracket is a rate alone");
		} else if (!last && (!sp ||
				     ibm_parse_rupiah(l.v[i], &up) != 0 ||
				     up <= prev)) {
			st = bad(kv, "each bracket but the last is its upper "
				 "end in rupiah (rising) and a rate");
		} else if (spj_parse_bp(last ? l.v[i] : sp, 10000, &r) != 0) {
			st = bad(kv, "a rate is not a percentage (0 to 100)");
		} else {
			t->upto[t->nbr] = last ? -1 : up;
			t->rate_bp[t->nbr++] = r;
			prev = up;
		}
	}
	ibm_strlist_free(&l);
	return st;
}

int spj_tax_parse(spj_tax *t, const char *name, const char *buf,
		  size_t len)
{
	ibm_event *ev = ibm_event_new();
	int st = 0;

	if (ibm_event_parse(ev, name, buf, len) != 0) {
		ibm_event_free(ev);
		return IBM_EX_DATAERR;
	}
	for (size_t i = 0; i < ev->n && !st; i++) {
		const ibm_event_kv *kv = &ev->kv[i];
		const char *k = kv->key;
		size_t j;
		int bp;

		for (j = 0; known[j] && strcmp(known[j], k) != 0; j++)
			;
		if (!known[j]) {
			ibm_error(kv->src, kv->line, "unknown key \"%s\" (see "
				  "ibm-spj(5))", k);
			st = IBM_EX_DATAERR;
		} else if (j < 4) {
			if (spj_parse_bp(kv->val, 10000, &bp) != 0)
				st = bad(kv, "not a percentage (0 to 100)");
			else
				t->gol_bp[j] = bp;
		} else if (strcmp(k, "dasar") == 0 ||
			   strcmp(k, "peserta_dasar") == 0) {
			if (spj_parse_bp(kv->val, 10000, &bp) != 0)
				st = bad(kv, "not a percentage (0 to 100)");
			else
				*(k[0] == 'd' ? &t->dasar_bp : &t->peserta_bp) =
					bp;
		} else if (strcmp(k, "tanpa_npwp") == 0) {
			if (spj_parse_bp(kv->val, 20000, &bp) != 0 ||
			    bp < 10000)
				st = bad(kv, "not a percentage of the tax "
					 "(100 to 200)");
			else
				t->no_id_bp = bp;
		} else if (strcmp(k, "pasal_17") == 0) {
			st = brackets(t, kv);
		} else if (strcmp(k, "pembulatan") == 0) {
			char *v = ibm_person_key(kv->val);

			if (strcmp(v, "bawah") == 0 || strcmp(v, "down") == 0)
				t->round = SPJ_ROUND_DOWN;
			else if (strcmp(v, "terdekat") == 0 ||
				 strcmp(v, "nearest") == 0)
				t->round = SPJ_ROUND_NEAREST;
			else if (strcmp(v, "atas") == 0 ||
				 strcmp(v, "up") == 0)
				t->round = SPJ_ROUND_UP;
			else
				st = bad(kv, "not bawah, terdekat or atas");
			free(v);
		} else if (ibm_parse_rupiah(kv->val,
					    strcmp(k, "meterai") == 0 ?
					    &t->meterai : &t->meterai_batas)
			   != 0) {
			st = bad(kv, "not an amount of rupiah");
		}
	}
	ibm_event_free(ev);
	return st;
}

void spj_tax_read(spj_tax *t, const char *path)
{
	size_t n;
	char *buf = ibm_read_file_x(path, IBM_LIMIT_EVENT, 0, &n);
	int st = spj_tax_parse(t, path, buf, n);

	free(buf);
	if (st)
		exit(st);
}

/* ----------------------------------------------------------- the tax */

/* The tax in 10^-12 rupiah: gross times the taxed part (basis points)
 * through the brackets from `from` (the civil servants' one flat rate:
 * a single bracket), times the surcharge. */
static u128 exact(const spj_tax *t, int flat_bp, int part_bp, int sur_bp,
		  spj_rp gross)
{
	/* the taxed part in 10^-4 rupiah; brackets in the same unit */
	uint64_t base = (uint64_t)gross * (uint64_t)part_bp, lo = 0;
	u128 sum = { 0, 0 };

	if (flat_bp >= 0)
		return mul64(base, (uint64_t)flat_bp * (uint64_t)sur_bp);
	for (size_t k = 0; k < t->nbr && base > lo; k++) {
		uint64_t hi = t->upto[k] < 0 ? base :
			      (uint64_t)t->upto[k] * 10000u;
		uint64_t part = (base < hi ? base : hi) - lo;

		sum = add128(sum, mul64(part, (uint64_t)t->rate_bp[k] *
					(uint64_t)sur_bp));
		if (t->upto[k] < 0)
			break;
		lo = hi;
	}
	return sum;
}

/* The rule of w: the flat rate (-1: the brackets), the taxed part and
 * the surcharge, in basis points; 0 when nothing is withheld. */
static int rule(const spj_tax *t, const spj_taxed *w, int *flat, int *part,
		int *sur)
{
	*flat = -1;
	*sur = 10000;
	switch (w->how) {
	case SPJ_TAX_CIVIL:
		if (w->gol < 1 || w->gol > 4)
			return 0;
		*flat = t->gol_bp[w->gol - 1];
		*part = 10000;
		return *flat > 0;
	case SPJ_TAX_OTHER:
		*part = t->dasar_bp;
		break;
	case SPJ_TAX_PESERTA:
		*part = t->peserta_bp;
		break;
	default:
		return 0;
	}
	if (w->no_id)
		*sur = t->no_id_bp;
	return *part > 0;
}

spj_rp spj_tax_of(const spj_tax *t, const spj_taxed *w, spj_rp gross)
{
	int flat, part, sur;
	uint64_t rem, q;
	const uint64_t den = 1000000000000ULL; /* 10^4 for each bp */

	if (gross <= 0 || !rule(t, w, &flat, &part, &sur))
		return 0;
	q = div128(exact(t, flat, part, sur, gross), den, &rem);
	if ((t->round == SPJ_ROUND_UP && rem) ||
	    (t->round == SPJ_ROUND_NEAREST && rem >= den / 2))
		q++;
	/* never more than the gross (rules with a surcharge over 100 %) */
	return q > (uint64_t)gross ? gross : (spj_rp)q;
}

int spj_tax_rate_bp(const spj_tax *t, const spj_taxed *w, spj_rp gross)
{
	int flat, part, sur;

	if (!rule(t, w, &flat, &part, &sur))
		return 0;
	if (flat >= 0)
		return flat;
	/* within the first bracket: one rate */
	if (t->upto[0] >= 0 && (double)gross * part / 10000.0 >
	    (double)t->upto[0])
		return -1;
	return (int)((long long)part * t->rate_bp[0] / 10000 * sur / 10000);
}
