/*
 * spec.c - the indicator spec and the phase table of ibm-monev:
 * compiled-in defaults (CSV text read by the same reader as files),
 * parsing and checking, scoring one unit, what is missing for the next
 * phase. The formats are described in ibm-monev(5).
 */
#define _POSIX_C_SOURCE 200809L
#include "monev.h"
#include "port.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char monev_default_spec[] =
	"column,aliases,group,kind,label,weight,target\n"
	"pembinaan_kunjungan,jumlah pembinaan|kunjungan pembinaan|"
	"pembinaan BNNP/BNNK|guidance visits|number of guidance visits,"
	"pembinaan,count,Kunjungan pembinaan,2,4\n"
	"bantuan_operasional,bantuan operasional|dukungan operasional|"
	"operational assistance|operational support,"
	"pembinaan,yesno,Bantuan operasional,2,\n"
	"sk_unit,sk unit|sk kepala desa|sk kades|sk lurah|surat keputusan|"
	"unit decree|village decree,"
	"tata_kelola,yesno,SK Kepala Desa,2,\n"
	"jumlah_agen,jumlah agen pemulihan|agen pemulihan|jumlah agen|"
	"recovery agents|number of recovery agents,"
	"tata_kelola,count,Agen Pemulihan,1,10\n"
	"agen_terlatih,agen terlatih|jumlah agen terlatih|"
	"agen pemulihan terlatih|trained agents|number of trained agents,"
	"tata_kelola,count,Agen terlatih,1,10\n"
	"anggaran_desa,dukungan anggaran desa|anggaran desa|dana desa|"
	"dukungan dana desa|village budget|village budget support,"
	"tata_kelola,yesno,Dukungan anggaran desa,1,\n"
	"sarana_prasarana,sarana prasarana|sarana dan prasarana|sarpras|"
	"fasilitas|facilities,"
	"tata_kelola,yesno,Sarana prasarana,1,\n"
	"mitra,jumlah mitra|organisasi mitra|mitra kerja|"
	"partner organisations|partner organizations|partners,"
	"tata_kelola,count,Organisasi mitra,1,3\n"
	"pencatatan_pelaporan,pencatatan dan pelaporan|pencatatan pelaporan|"
	"pencatatan|pelaporan|records and reporting|record keeping,"
	"tata_kelola,yesno,Pencatatan dan pelaporan,1,\n"
	"sosialisasi,jumlah sosialisasi|kegiatan sosialisasi|socialization|"
	"socialisation|awareness sessions,"
	"kegiatan,count,Sosialisasi,2,4\n"
	"pemetaan,jumlah pemetaan|pemetaan wilayah|mapping,"
	"kegiatan,count,Pemetaan,2,2\n"
	"penjangkauan,jumlah penjangkauan|outreach,"
	"kegiatan,count,Penjangkauan,2,4\n"
	"skrining,jumlah skrining|screening,"
	"layanan,count,Skrining,1,20\n"
	"intervensi_singkat,intervensi singkat|brief intervention,"
	"layanan,count,Intervensi singkat,1,10\n"
	"konseling,jumlah konseling|counseling|counselling,"
	"layanan,count,Konseling,1,10\n"
	"rujukan,jumlah rujukan|referral|referrals,"
	"layanan,count,Rujukan,1,5\n"
	"pemantauan,jumlah pemantauan|monitoring of clients|follow-up,"
	"layanan,count,Pemantauan,1,10\n"
	"pendampingan_pascarehabilitasi,pendampingan pascarehabilitasi|"
	"pendampingan pasca rehabilitasi|pascarehabilitasi|"
	"post-rehabilitation support|aftercare,"
	"layanan,count,Pendampingan pascarehabilitasi,1,5\n";

const char monev_default_phases[] =
	"phase,min_total,min_pembinaan,min_tata_kelola,min_kegiatan,"
	"min_layanan\n"
	"Rintisan,0,,,,\n"
	"Berkembang,50,,50,,\n"
	"Prima,75,50,75,50,50\n";

static const ibm_colspec spec_cols[] = {
	{ "column|kolom|name|nama", 1 },
	{ "aliases|alias", 0 },
	{ "group|kelompok", 1 },
	{ "kind|jenis|type", 1 },
	{ "label", 0 },
	{ "weight|bobot", 0 },
	{ "target", 0 },
};
enum { SC_COLUMN, SC_ALIASES, SC_GROUP, SC_KIND, SC_LABEL, SC_WEIGHT,
       SC_TARGET, SC_N };

static char *group_label(const char *name)
{
	char *s = ibm_xstrdup(name), *t;

	for (char *p = s; *p; p++)
		if (*p == '_' || *p == '-')
			*p = ' ';
	ibm_fold_space(s);
	t = ibm_title_case(s);
	free(s);
	return t;
}

/* Does any '|'-separated alias of a have a name key among b's? */
static int aliases_clash(const char *a, const char *b, char **which)
{
	const char *p = a;

	while (*p) {
		const char *e = strchr(p, '|');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *one = ibm_xstrndup(p, n);
		char *k = ibm_name_key(one);
		const char *q = b;
		int hit = 0;

		while (*k && *q && !hit) {
			const char *e2 = strchr(q, '|');
			size_t n2 = e2 ? (size_t)(e2 - q) : strlen(q);
			char *two = ibm_xstrndup(q, n2);
			char *k2 = ibm_name_key(two);

			hit = strcmp(k, k2) == 0;
			free(two);
			free(k2);
			if (!e2)
				break;
			q = e2 + 1;
		}
		free(k);
		if (hit) {
			*which = one;
			return 1;
		}
		free(one);
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

static int parse_pos(const char *s, double *v)
{
	return ibm_parse_number(s, v, 0) == 0 && isfinite(*v) && *v > 0
		? 0 : -1;
}

int monev_spec_parse(monev_spec *s, const char *name, const char *text,
		     size_t len)
{
	ibm_csv_opts o = { 0 };
	int status = 0, idx[SC_N], k;
	ibm_csv *r = ibm_csv_open_mem(name, text, len, &o, &status);
	const ibm_rec *h, *rec;
	size_t icap = 0, gcap = 0;

	if (!r)
		return status;
	h = ibm_csv_header(r);
	if (ibm_col_resolve(name, h->line, h, spec_cols, SC_N, idx) < 0) {
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		monev_ind in = { 0 };
		char *col, *grp, *kind, *ck, *which = NULL;
		size_t g;

		/* stop at the limit: each row is checked against the ones
		 * before it, so that stays linear */
		if (s->nind >= 1000) {
			ibm_error(name, rec->line,
				  "too many indicators (at most 1000)");
			status = IBM_EX_DATAERR;
			break;
		}
		col = ibm_xstrdup(rec->f[idx[SC_COLUMN]]);
		grp = ibm_xstrdup(rec->f[idx[SC_GROUP]]);
		kind = ibm_lower(rec->f[idx[SC_KIND]]);

		ibm_fold_space(col);
		ibm_fold_space(grp);
		ibm_fold_space(kind);
		ck = ibm_name_key(col);
		if (!*ck)
			ibm_error(name, rec->line, "empty column name");
		else if (!*grp)
			ibm_error(name, rec->line, "%s: empty group", col);
		else if (strcmp(kind, "yesno") && strcmp(kind, "yes/no") &&
			 strcmp(kind, "ya/tidak") && strcmp(kind, "count") &&
			 strcmp(kind, "jumlah"))
			ibm_error(name, rec->line,
				  "%s: kind must be yesno or count, not \"%s\"",
				  col, rec->f[idx[SC_KIND]]);
		else
			goto ok;
		status = IBM_EX_DATAERR;
		goto next;
ok:
		in.kind = strcmp(kind, "count") == 0 ||
				  strcmp(kind, "jumlah") == 0
			? MONEV_COUNT : MONEV_YESNO;
		in.weight = 1;
		if (idx[SC_WEIGHT] >= 0 && *ibm_trim(rec->f[idx[SC_WEIGHT]]) &&
		    parse_pos(rec->f[idx[SC_WEIGHT]], &in.weight) < 0) {
			ibm_error(name, rec->line,
				  "%s: weight must be a number above 0, not "
				  "\"%s\"", col, rec->f[idx[SC_WEIGHT]]);
			status = IBM_EX_DATAERR;
			goto next;
		}
		in.target = 1;
		if (in.kind == MONEV_COUNT &&
		    (idx[SC_TARGET] < 0 ||
		     parse_pos(rec->f[idx[SC_TARGET]], &in.target) < 0)) {
			ibm_error(name, rec->line,
				  "%s: a count needs a target above 0, not "
				  "\"%s\"", col,
				  idx[SC_TARGET] < 0 ? ""
						     : rec->f[idx[SC_TARGET]]);
			status = IBM_EX_DATAERR;
			goto next;
		}
		{
			const char *al = idx[SC_ALIASES] >= 0
				? rec->f[idx[SC_ALIASES]] : "";
			size_t n = strlen(col) + strlen(al) + 2;

			in.aliases = ibm_xmalloc(n);
			snprintf(in.aliases, n, "%s%s%s", col, *al ? "|" : "",
				 al);
		}
		for (size_t i = 0; i < s->nind; i++)
			if (aliases_clash(in.aliases, s->ind[i].aliases,
					  &which)) {
				ibm_error(name, rec->line,
					  "%s: name or alias \"%s\" is also "
					  "one of %s's", col, which,
					  s->ind[i].column);
				free(which);
				free(in.aliases);
				status = IBM_EX_DATAERR;
				goto next;
			}
		for (g = 0; g < s->ngrp; g++) {
			char *a = ibm_name_key(s->grp[g].name);
			char *b = ibm_name_key(grp);
			int eq = strcmp(a, b) == 0;

			free(a);
			free(b);
			if (eq)
				break;
		}
		if (g == s->ngrp) {
			ibm_grow((void **)&s->grp, &gcap, s->ngrp + 1,
				 sizeof *s->grp);
			s->grp[g].name = ibm_xstrdup(grp);
			s->grp[g].label = group_label(grp);
			s->grp[g].weight = 0;
			s->ngrp++;
		}
		in.group = g;
		s->grp[g].weight += in.weight;
		in.column = col;
		col = NULL;
		in.label = ibm_xstrdup(idx[SC_LABEL] >= 0 &&
					       *ibm_trim(rec->f[idx[SC_LABEL]])
				       ? rec->f[idx[SC_LABEL]] : in.column);
		ibm_grow((void **)&s->ind, &icap, s->nind + 1, sizeof *s->ind);
		s->ind[s->nind++] = in;
next:
		free(col);
		free(grp);
		free(kind);
		free(ck);
	}
	if (k < 0 && !status)
		status = ibm_csv_status(r) ? ibm_csv_status(r)
					   : IBM_EX_DATAERR;
	ibm_csv_close(r);
	if (!status && s->nind == 0) {
		ibm_error(name, 0, "no indicators");
		status = IBM_EX_DATAERR;
	}
	if (!status && s->nind > 1000) {
		ibm_error(name, 0, "too many indicators (at most 1000)");
		status = IBM_EX_DATAERR;
	}
	return status;
}

static int parse_pct(const char *s, double *v)
{
	return ibm_parse_number(s, v, 0) == 0 && *v >= 0 && *v <= 100
		? 0 : -1;
}

int monev_phases_parse(monev_spec *s, const char *name, const char *text,
		       size_t len)
{
	static const ibm_colspec cols[] = {
		{ "phase|fase|tahap", 1 },
		{ "min_total|minimum total|skor minimal|skor total", 1 },
	};
	ibm_csv_opts o = { 0 };
	int status = 0, idx[2], k = 0;
	ibm_csv *r = ibm_csv_open_mem(name, text, len, &o, &status);
	const ibm_rec *h, *rec;
	int *gcol, hdr_bad;
	size_t pcap = 0;

	if (!r)
		return status;
	h = ibm_csv_header(r);
	if (ibm_col_resolve(name, h->line, h, cols, 2, idx) < 0) {
		ibm_csv_close(r);
		return IBM_EX_DATAERR;
	}
	gcol = ibm_xcalloc(s->ngrp + 1, sizeof *gcol);
	for (size_t g = 0; g < s->ngrp; g++)
		gcol[g] = -1;
	/* the other columns: min_GROUP */
	for (size_t c = 0; c < h->n; c++) {
		char *hk = ibm_name_key(h->f[c]);
		size_t g;

		if ((int)c == idx[0] || (int)c == idx[1] || !*hk) {
			free(hk);
			continue;
		}
		for (g = 0; g < s->ngrp; g++) {
			char *gk = ibm_name_key(s->grp[g].name);
			size_t n = strlen(gk);
			int eq = strcmp(hk, gk) == 0 ||
				 (strncmp(hk, "min", 3) == 0 &&
				  strcmp(hk + 3, gk) == 0);

			free(gk);
			(void)n;
			if (eq)
				break;
		}
		if (g == s->ngrp && text == monev_default_phases) {
			ibm_warn(name, h->line,
				 "the indicator spec has no group for column "
				 "\"%s\"; its minimum is not used", h->f[c]);
		} else if (g == s->ngrp) {
			ibm_error(name, h->line,
				  "column \"%s\" names no group of the "
				  "indicator spec", h->f[c]);
			status = IBM_EX_DATAERR;
		} else {
			gcol[g] = (int)c;
		}
		free(hk);
	}
	hdr_bad = status;
	while (!hdr_bad && (k = ibm_csv_read(r, &rec)) > 0) {
		monev_phase ph = { 0 };
		char *nm;

		/* stop at the limit: each row is checked against the ones
		 * before it, so that stays linear */
		if (s->nph >= 100) {
			ibm_error(name, rec->line,
				  "too many phases (at most 100)");
			status = IBM_EX_DATAERR;
			break;
		}
		nm = ibm_xstrdup(rec->f[idx[0]]);
		ibm_fold_space(nm);
		if (!*nm) {
			ibm_error(name, rec->line, "empty phase name");
			status = IBM_EX_DATAERR;
			free(nm);
			continue;
		}
		for (size_t i = 0; i < s->nph; i++)
			if (ibm_casecmp(s->ph[i].name, nm) == 0) {
				ibm_error(name, rec->line,
					  "phase \"%s\" is named twice", nm);
				status = IBM_EX_DATAERR;
				break;
			}
		if (parse_pct(rec->f[idx[1]], &ph.min_total) < 0) {
			ibm_error(name, rec->line,
				  "%s: min_total must be a number from 0 to "
				  "100, not \"%s\"", nm, rec->f[idx[1]]);
			status = IBM_EX_DATAERR;
		}
		ph.min_group = ibm_xcalloc(s->ngrp + 1, sizeof *ph.min_group);
		for (size_t g = 0; g < s->ngrp; g++) {
			char *v = gcol[g] >= 0 ? ibm_trim(rec->f[gcol[g]])
					       : NULL;

			ph.min_group[g] = NAN;
			if (v && *v &&
			    parse_pct(v, &ph.min_group[g]) < 0) {
				ibm_error(name, rec->line,
					  "%s: minimum for %s must be a number "
					  "from 0 to 100, not \"%s\"", nm,
					  s->grp[g].name, v);
				status = IBM_EX_DATAERR;
			}
		}
		ph.name = nm;
		ibm_grow((void **)&s->ph, &pcap, s->nph + 1, sizeof *s->ph);
		s->ph[s->nph++] = ph;
	}
	if (!hdr_bad && k < 0)
		status = ibm_csv_status(r) ? ibm_csv_status(r)
					   : IBM_EX_DATAERR;
	ibm_csv_close(r);
	free(gcol);
	if (!status && s->nph > 100) {
		ibm_error(name, 0, "too many phases (at most 100)");
		status = IBM_EX_DATAERR;
	}
	return status;
}

/* Read a whole file into memory (spec and phase files are small). */
static char *slurp(const char *path, size_t *len)
{
	return ibm_read_file_x(path, IBM_LIMIT_SPEC, 0, len);
}

void monev_spec_load(monev_spec *s, const char *spec_path,
		     const char *phase_path)
{
	int st;

	memset(s, 0, sizeof *s);
	if (spec_path) {
		size_t n;
		char *t = slurp(spec_path, &n);

		st = monev_spec_parse(s, spec_path, t, n);
		free(t);
		s->spec_src = ibm_xstrdup(spec_path);
	} else {
		st = monev_spec_parse(s, "(default spec)", monev_default_spec,
				      sizeof monev_default_spec - 1);
		s->spec_src = ibm_xstrdup("(bawaan)");
	}
	if (st)
		exit(st);
	if (phase_path) {
		size_t n;
		char *t = slurp(phase_path, &n);

		st = monev_phases_parse(s, phase_path, t, n);
		free(t);
		s->phase_src = ibm_xstrdup(phase_path);
	} else {
		st = monev_phases_parse(s, "(default phases)",
					monev_default_phases,
					sizeof monev_default_phases - 1);
		s->phase_src = ibm_xstrdup("(bawaan)");
	}
	if (st)
		exit(st);
}

void monev_spec_free(monev_spec *s)
{
	for (size_t i = 0; i < s->nind; i++) {
		free(s->ind[i].column);
		free(s->ind[i].aliases);
		free(s->ind[i].label);
	}
	for (size_t g = 0; g < s->ngrp; g++) {
		free(s->grp[g].name);
		free(s->grp[g].label);
	}
	for (size_t p = 0; p < s->nph; p++) {
		free(s->ph[p].name);
		free(s->ph[p].min_group);
	}
	free(s->ind);
	free(s->grp);
	free(s->ph);
	free(s->spec_src);
	free(s->phase_src);
	memset(s, 0, sizeof *s);
}



static void print_one(const char *dir, const char *file, const char *text)
{
	char *path = ibm_path_join(dir, file);
	ibm_atomic *a = ibm_atomic_open(path);

	fputs(text, ibm_atomic_fp(a));
	ibm_atomic_finish(a);
	free(path);
}

void monev_spec_print(const char *dir, int force)
{
	static const char *const files[] = { "indicators.csv", "phases.csv" };

	/* an edited spec is never replaced by mistake */
	for (size_t i = 0; i < 2 && !force; i++) {
		char *path = ibm_path_join(dir, files[i]);

		if (ibm_out_exists(path))
			ibm_die(IBM_EX_USAGE, path, 0, "exists; --force "
				"replaces it");
		free(path);
	}
	if (ibm_out_mkdir(dir) != 0)
		ibm_die_errno(IBM_EX_CANTCREAT, dir, "cannot create "
			      "directory");
	/* both written, then both renamed into place (ibm_close_stdout) */
	print_one(dir, files[0], monev_default_spec);
	print_one(dir, files[1], monev_default_phases);
}

double monev_ind_score(const monev_ind *ind, double v)
{
	if (isnan(v) || v <= 0)
		return 0;
	if (ind->kind == MONEV_YESNO)
		return 1;
	return v >= ind->target ? 1 : v / ind->target;
}

/* Scores are compared after rounding to 1e-9 so that 50 is 50. */
static int meets(double score, double min)
{
	return isnan(min) || score + 1e-9 >= min;
}

static int phase_met(const monev_spec *s, size_t p, const double *grp,
		     double total)
{
	if (isnan(total) || !meets(total, s->ph[p].min_total))
		return 0;
	/* a group none of whose indicators was asked has no score: its
	 * minimum is not applied (the phase rests on what was asked) */
	for (size_t g = 0; g < s->ngrp; g++)
		if (!isnan(grp[g]) && !meets(grp[g], s->ph[p].min_group[g]))
			return 0;
	return 1;
}

int monev_score(const monev_spec *s, const double *val, double *grp,
		double *total)
{
	double all = 0, wall = 0;
	double *gw = ibm_xcalloc(s->ngrp + 1, sizeof *gw);
	int phase = -1;

	for (size_t g = 0; g < s->ngrp; g++)
		grp[g] = 0;
	for (size_t i = 0; i < s->nind; i++) {
		double x;

		if (!monev_asked(val[i]))
			continue;
		x = monev_ind_score(&s->ind[i], val[i]) * s->ind[i].weight;
		grp[s->ind[i].group] += x;
		gw[s->ind[i].group] += s->ind[i].weight;
		all += x;
		wall += s->ind[i].weight;
	}
	for (size_t g = 0; g < s->ngrp; g++)
		grp[g] = gw[g] > 0 ? 100 * grp[g] / gw[g] : NAN;
	free(gw);
	*total = wall > 0 ? 100 * all / wall : NAN;
	for (size_t p = 0; p < s->nph; p++)
		if (phase_met(s, p, grp, *total))
			phase = (int)p;
	return phase;
}

char *monev_fmt_pct(char *buf, size_t size, double v)
{
	return ibm_fmt_num(buf, size, v, 1, ',');
}

typedef struct sbuf {
	char *s;
	size_t n, cap;
} sbuf;

/* Append the strings given, up to a NULL. */
static void sb_cat(sbuf *b, ...)
{
	va_list ap;
	const char *p;

	va_start(ap, b);
	while ((p = va_arg(ap, const char *)) != NULL) {
		size_t l = strlen(p);

		ibm_grow((void **)&b->s, &b->cap, b->n + l + 1, 1);
		memcpy(b->s + b->n, p, l + 1);
		b->n += l;
	}
	va_end(ap);
}

/* The indicators of group g (all groups: g == ngrp) not at full marks. */
static void list_short(sbuf *b, const monev_spec *s, const double *val,
		       size_t g)
{
	int first = 1;

	for (size_t i = 0; i < s->nind; i++) {
		const monev_ind *in = &s->ind[i];
		char n1[32], n2[32];

		if ((g < s->ngrp && in->group != g) || !monev_asked(val[i]) ||
		    monev_ind_score(in, val[i]) >= 1)
			continue;
		sb_cat(b, first ? "" : ", ", (char *)NULL);
		first = 0;
		if (in->kind == MONEV_YESNO)
			sb_cat(b, in->label, " belum ada", (char *)NULL);
		else
			sb_cat(b, in->label, " ",
			       ibm_fmt_num(n1, sizeof n1,
					   isnan(val[i]) ? 0 : val[i], 2, ','),
			       " dari ",
			       ibm_fmt_num(n2, sizeof n2, in->target, 2, ','),
			       (char *)NULL);
	}
}

char *monev_missing(const monev_spec *s, const double *val,
		    const double *grp, double total, int phase)
{
	sbuf b = { 0 };
	size_t next = (size_t)(phase + 1);
	const monev_phase *ph;
	int any_group = 0;
	char n1[32], n2[32];

	sb_cat(&b, "", (char *)NULL);
	if (next >= s->nph || isnan(total))
		return b.s;
	ph = &s->ph[next];
	sb_cat(&b, "Menuju ", ph->name, ": ", (char *)NULL);
	if (!meets(total, ph->min_total))
		sb_cat(&b, "skor total ", monev_fmt_pct(n1, sizeof n1, total),
		       " < ", monev_fmt_pct(n2, sizeof n2, ph->min_total),
		       (char *)NULL);
	for (size_t g = 0; g < s->ngrp; g++) {
		if (isnan(grp[g]) || meets(grp[g], ph->min_group[g]))
			continue;
		sb_cat(&b, b.s[b.n - 2] == ':' ? "" : "; ", s->grp[g].label,
		       " ", monev_fmt_pct(n1, sizeof n1, grp[g]), " < ",
		       monev_fmt_pct(n2, sizeof n2, ph->min_group[g]), " (",
		       (char *)NULL);
		list_short(&b, s, val, g);
		sb_cat(&b, ")", (char *)NULL);
		any_group = 1;
	}
	if (!any_group) {
		/* only the total is short: every indicator not at full
		 * marks helps */
		sb_cat(&b, " (", (char *)NULL);
		list_short(&b, s, val, s->ngrp);
		sb_cat(&b, ")", (char *)NULL);
	}
	return b.s;
}
