/*
 * letters_template.c - ibm-invite --template: the user's own letter template,
 * one output file per participant (see ibm-invite(5) for the keys).
 */
#include "invite.h"
#include "template.h"
#include "port.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* no_urut: the number with leading zeros to the width of the last one
 * (np participants), so that file names sort in order ("02-" before
 * "10-") in any file list. */
static void person_keys(tpl_obj *o, const inv_person *p, size_t np)
{
	char no[24];
	int width = 1;

	for (size_t n = np; n >= 10; n /= 10)
		width++;
	snprintf(no, sizeof no, "%ld", p->no);
	tpl_obj_set(o, "no", no);
	snprintf(no, sizeof no, "%0*ld", width, p->no);
	tpl_obj_set(o, "no_urut", no);
	tpl_obj_set(o, "participant_id", p->id);
	for (int k = 0; k < INV_NF; k++)
		tpl_obj_set(o, inv_field_names[k], p->f[k]);
	tpl_obj_set(o, "letter_number", p->letter_number);
	tpl_obj_set(o, "nomor_surat", p->letter_number);
	tpl_obj_set(o, "sapaan", inv_salutation(p));
	tpl_obj_set(o, "jenis_desa", inv_village_word(p->kind));
}

/* The participant keys with empty values (for checking templates). */
static void blank_person(tpl_obj *o)
{
	char empty[1] = "";
	inv_person p;

	memset(&p, 0, sizeof p);
	for (int k = 0; k < INV_NF; k++)
		p.f[k] = empty;
	p.letter_number = empty;
	person_keys(o, &p, 1);
}

static void text_list(tpl_obj *o, const char *key, const inv_lines *l)
{
	tpl_field *f = tpl_obj_list(o, key);

	for (size_t i = 0; i < l->n; i++)
		tpl_list_add_text(f, l->v[i]);
	if (!f->proto) {
		f->proto = tpl_obj_new();
		f->proto->self = ibm_xstrdup("");
	}
}

/* The keys shared by every participant's file. */
static tpl_obj *event_keys(const invite *iv)
{
	const inv_event *e = &iv->ev;
	tpl_obj *o = tpl_obj_new();
	char buf[160];
	char *t;
	inv_lines tb;
	tpl_field *f;
	tpl_obj *proto;

	for (size_t i = 0; i < e->kv->n; i++)
		tpl_obj_set(o, e->kv->kv[i].key, e->kv->kv[i].val);
	if (ibm_event_get(e->kv, "email"))
		tpl_obj_set(o, "email_kantor", e->office.email);
	tpl_obj_set(o, "sifat", e->sifat);
	{
		/* the sheets the PDF letters attach */
		inv_typeset *ts = inv_typeset_new(iv);
		char *n = iv->np ? ibm_xstrdup(iv->p[0].letter_number) :
			inv_collective_number(iv);

		t = inv_text_lampiran(iv, inv_typeset_sheets(ts, n));
		tpl_obj_set(o, "lampiran", t);
		free(t);
		free(n);
		inv_typeset_free(ts);
	}
	tpl_obj_set(o, "tanggal_surat",
		    ibm_date_long(buf, sizeof buf, e->tanggal_surat));
	tpl_obj_set(o, "tanggal_mulai",
		    ibm_date_long_day(buf, sizeof buf, e->first));
	tpl_obj_set(o, "tanggal_selesai",
		    ibm_date_long_day(buf, sizeof buf, e->last));
	snprintf(buf, sizeof buf, "%d", e->days);
	tpl_obj_set(o, "jumlah_hari", buf);
	t = inv_text_hari_tanggal(iv);
	tpl_obj_set(o, "hari_tanggal", t);
	free(t);
	t = inv_text_pembuka(iv, NULL);
	tpl_obj_set(o, "pembuka", t);
	free(t);
	t = inv_text_penutup(iv, NULL);
	tpl_obj_set(o, "penutup", t);
	free(t);
	tpl_obj_set(o, "kepada", e->kepada);
	t = inv_text_lampiran_surat(iv);
	tpl_obj_set(o, "lampiran_surat", t);
	free(t);
	text_list(o, "kop", &e->office.kop);
	text_list(o, "jabatan_ttd", &e->office.ttd.jabatan);
	inv_tembusan(iv, &tb);
	text_list(o, "tembusan_daftar", &tb);
	inv_lines_free(&tb);
	f = tpl_obj_list(o, "peserta");
	for (size_t i = 0; i < iv->np; i++)
		person_keys(tpl_list_add(f), &iv->p[i], iv->np);
	blank_person(tpl_list_proto(f));
	f = tpl_obj_list(o, "agenda");
	proto = tpl_list_proto(f);
	tpl_obj_set(proto, "hari", "");
	tpl_obj_set(proto, "tanggal", "");
	tpl_obj_set(proto, "hari_baru", "");
	tpl_obj_set(proto, "waktu", "");
	tpl_obj_set(proto, "acara", "");
	tpl_obj_set(proto, "narasumber", "");
	for (size_t i = 0; i < iv->nag; i++) {
		tpl_obj *a = tpl_list_add(f);
		char *day = inv_day_text(iv, iv->ag[i].day);

		snprintf(buf, sizeof buf, "%d", iv->ag[i].day);
		tpl_obj_set(a, "hari", buf);
		tpl_obj_set(a, "tanggal", day);
		tpl_obj_set(a, "hari_baru", i == 0 || iv->ag[i - 1].day !=
			    iv->ag[i].day ? "1" : "");
		tpl_obj_set(a, "waktu", iv->ag[i].waktu);
		tpl_obj_set(a, "acara", iv->ag[i].acara);
		tpl_obj_set(a, "narasumber", iv->ag[i].pj);
		free(day);
	}
	return o;
}

static char *read_all(const char *path, size_t *len)
{
	return ibm_read_file_x(path, IBM_LIMIT_TEMPLATE, 0, len);
}

/* A rendered name made safe as one file name. */
static void safe_name(char *s)
{
	for (char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '/' || c == '\\' || c < 0x20 || c == 0x7F ||
		    strchr(":*?\"<>|", c))
			*p = '_';
		else if (c == ' ')
			*p = '_';
	}
	if (s[0] == '.')
		s[0] = '_';
}

/*
 * A file name longer than INV_NAME_MAX bytes is cut (at a character
 * boundary, its extension kept) so that it fits every file system; the
 * cut names are told apart by "~2", "~3", ... before the extension.
 * Returns a malloc'd name; *cut says whether it was shortened.
 */
char *inv_short_name(const char *name, size_t k, int *cut)
{
	size_t n = strlen(name), ext = 0, stem;
	const char *dot = strrchr(name, '.');
	char tag[24];
	char *s;

	*cut = n > INV_NAME_MAX || k > 1;
	if (!*cut)
		return ibm_xstrdup(name);
	if (dot && dot != name && strlen(dot) <= 16)
		ext = strlen(dot);
	tag[0] = '\0';
	if (k > 1)
		snprintf(tag, sizeof tag, "~%zu", k);
	stem = n - ext;
	if (stem + strlen(tag) + ext > INV_NAME_MAX)
		stem = INV_NAME_MAX - strlen(tag) - ext;
	stem = ibm_utf8_floor(name, stem);
	s = ibm_xmalloc(stem + strlen(tag) + ext + 1);
	memcpy(s, name, stem);
	strcpy(s + stem, tag);
	strcat(s, name + n - ext);
	return s;
}

static int cmp_str(const void *a, const void *b)
{
	int c = strcmp(**(char *const *const *)a, **(char *const *const *)b);

	/* equal names: in input order */
	return c ? c : (*(char *const *const *)a > *(char *const *const *)b) -
		       (*(char *const *const *)a < *(char *const *const *)b);
}

/* Two participants with one file name are an error (ord: the names
 * sorted; checked in n log n). */
static void dup_check(const invite *iv, char **names, char ***ord, size_t n)
{
	qsort(ord, n, sizeof *ord, cmp_str);
	for (size_t i = 1; i < n; i++)
		if (strcmp(*ord[i - 1], *ord[i]) == 0) {
			size_t a = (size_t)(ord[i - 1] - names);
			size_t b = (size_t)(ord[i] - names);

			ibm_die(IBM_EX_DATAERR, iv->src, iv->p[b].line,
				"output file name %s is also that of line %ld; "
				"use --name-pattern with {{no}}", names[b],
				iv->p[a].line);
		}
}

/* Distinct names, none longer than INV_NAME_MAX: long ones are cut, and
 * cut names that meet are numbered in input order ("~2", "~3", ...). */
static void unique_names(const invite *iv, char **names)
{
	size_t n = iv->np;
	char ***ord = ibm_xcalloc(n + 1, sizeof *ord);
	int cut, any = 0;

	for (size_t i = 0; i < n; i++)
		ord[i] = &names[i];
	dup_check(iv, names, ord, n);
	for (size_t i = 0; i < n; i++) {
		char *s = inv_short_name(names[i], 1, &cut);

		free(names[i]);
		names[i] = s;
		any |= cut;
	}
	if (any) {
		qsort(ord, n, sizeof *ord, cmp_str);
		for (size_t i = 0; i < n;) {
			size_t j = i + 1;

			while (j < n && strcmp(*ord[i], *ord[j]) == 0)
				j++;
			for (size_t m = i + 1, k = 2; m < j; m++, k++) {
				char *s = inv_short_name(*ord[m], k, &cut);

				free(*ord[m]);
				*ord[m] = s;
			}
			i = j;
		}
		dup_check(iv, names, ord, n);
	}
	free(ord);
}

void inv_templates(const invite *iv, const char *tplpath, const char *outdir,
		   const char *pattern, inv_outs *outs)
{
	size_t len;
	char *text = read_all(tplpath, &len);
	tpl *t = tpl_parse(tplpath, text, len), *nt;
	tpl_obj *root;
	char **names, **bodies;
	char defpat[64];
	/* the extension of the template's own name (after '/', '\\', C:) */
	const char *dot = strrchr(ibm_path_base(tplpath), '.');

	free(text);
	if (!t)
		exit(IBM_EX_DATAERR);
	if (!pattern) {
		snprintf(defpat, sizeof defpat, "{{no_urut}}-{{nama}}%s",
			 dot && strlen(dot) < 16 ?
			 dot : "");
		pattern = defpat;
	}
	nt = tpl_parse("--name-pattern", pattern, strlen(pattern));
	if (!nt)
		exit(IBM_EX_USAGE);
	tpl_set_html(nt, 0);
	root = event_keys(iv);
	/* static: still reachable (not leaked) when a check below dies */
	static char **names_keep, **bodies_keep;

	names = names_keep = ibm_xcalloc(iv->np + 1, sizeof *names);
	bodies = bodies_keep = ibm_xcalloc(iv->np + 1, sizeof *bodies);
	/* render everything first: no file is written if one fails */
	for (size_t i = 0; i < iv->np || i == 0; i++) {
		tpl_obj *me = tpl_obj_new();
		tpl_buf b = { 0 }, nb = { 0 };
		int r;

		if (i < iv->np)
			person_keys(me, &iv->p[i], iv->np);
		else
			blank_person(me);
		/* the participant's keys on top of the event's */
		r = tpl_render_with(t, root, me, &b);
		if (r == 0)
			r = tpl_render_with(nt, root, me, &nb);
		tpl_obj_free(me);
		if (r != 0)
			exit(IBM_EX_DATAERR);
		if (i >= iv->np) {
			free(b.s);
			free(nb.s);
			break; /* no participants: the template is checked */
		}
		safe_name(nb.s);
		names[i] = nb.s;
		bodies[i] = b.s;
		if (!nb.s[0])
			ibm_die(IBM_EX_USAGE, NULL, 0, "--name-pattern gives an "
				"empty file name for participant %zu", i + 1);
	}
	unique_names(iv, names);
	if (ibm_out_mkdir(outdir) != 0)
		ibm_die_errno(IBM_EX_CANTCREAT, outdir, "cannot create "
			      "directory");
	for (size_t i = 0; i < iv->np; i++) {
		char *path = ibm_path_join(outdir, names[i]);
		ibm_atomic *a = ibm_atomic_open(path);

		fputs(bodies[i], ibm_atomic_fp(a));
		ibm_atomic_finish(a); /* one file open at a time */
		inv_outs_add(outs, a);
		free(path);
		free(names[i]);
		free(bodies[i]);
	}
	free(names);
	free(bodies);
	tpl_obj_free(root);
	tpl_free(t);
	tpl_free(nt);
}
