/*
 * read.c - the evaluation form's exports read into respondents: each
 * column understood by its header's words (the spec), each answer read as
 * a value or left blank, a later response of the same e-mail address
 * replacing the earlier one.
 */
#include "survey.h"

#include <stdlib.h>
#include <string.h>

#define EMAIL_COLUMN "email|alamat email|email address|e-mail|surel|" \
	"alamat surel|surat elektronik"
/* Forms' own first column (its words, "waktu", are no question) */
#define TIME_COLUMN "timestamp|stempel waktu|cap waktu|tanda waktu|" \
	"waktu pengisian"

void sv_data_init(sv_data *d, const sv_spec *s)
{
	memset(d, 0, sizeof *d);
	d->spec = s;
	d->found = ibm_xcalloc(s->nitem + 1, 1);
	d->item_slot = ibm_xmalloc((s->nitem + 1) * sizeof *d->item_slot);
	for (size_t i = 0; i <= s->nitem; i++)
		d->item_slot[i] = SV_NONE;
}

static void resp_free(sv_resp *r)
{
	free(r->email);
	free(r->slot);
	free(r->val);
	for (size_t i = 0; i < r->ncom; i++)
		free(r->com[i].text);
	free(r->com);
}

void sv_data_free(sv_data *d)
{
	for (size_t i = 0; i < d->nresp; i++)
		resp_free(&d->resp[i]);
	free(d->resp);
	for (size_t i = 0; i < d->nspk; i++) {
		free(d->spk[i].name);
		free(d->spk[i].key);
		free(d->spk[i].slot);
	}
	free(d->spk_index.idx);
	free(d->email_index.idx);
	free(d->item_slot);
	free(d->spk);
	free(d->slot);
	free(d->found);
	for (size_t i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->files);
	for (size_t i = 0; i < d->nquest; i++)
		free(d->quest[i]);
	free(d->quest);
	memset(d, 0, sizeof *d);
}

/* ------------------------------------------------- keys to indexes */

static unsigned long hash(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* The key of entry i of a string index's owner. */
typedef const char *key_fn(const sv_data *d, size_t i);

static const char *email_key(const sv_data *d, size_t i)
{
	return d->resp[i].email;
}

static const char *speaker_key(const sv_data *d, size_t i)
{
	return d->spk[i].key;
}

/*
 * The entry of KEY in index m (open addressing): its number, or
 * SV_NONE; with add set, KEY becomes entry `add` (replacing the one it
 * had: a later response of the same e-mail).
 */
static size_t index_find(sv_data *d, sv_strindex *m, key_fn *kf,
			 const char *key, size_t add)
{
	size_t mask, i;

	if (add != SV_NONE && m->used * 2 + 2 > m->slots) {
		size_t n = m->slots ? m->slots * 2 : 64;
		size_t *nt = ibm_xmalloc(n * sizeof *nt);

		for (i = 0; i < n; i++)
			nt[i] = SV_NONE;
		for (size_t k = 0; k < m->slots; k++) {
			size_t e = m->idx[k];

			if (e == SV_NONE)
				continue;
			for (i = hash(kf(d, e)) & (n - 1); nt[i] != SV_NONE;
			     i = (i + 1) & (n - 1))
				;
			nt[i] = e;
		}
		free(m->idx);
		m->idx = nt;
		m->slots = n;
	}
	if (!m->slots)
		return SV_NONE;
	mask = m->slots - 1;
	for (i = hash(key) & mask; m->idx[i] != SV_NONE; i = (i + 1) & mask) {
		size_t e = m->idx[i];

		if (!strcmp(kf(d, e), key)) {
			if (add != SV_NONE)
				m->idx[i] = add;
			return e;
		}
	}
	if (add != SV_NONE) {
		m->idx[i] = add;
		m->used++;
	}
	return SV_NONE;
}

/* ----------------------------------------------------------- columns */

enum { COL_NONE, COL_RATING, COL_COMMENT };

typedef struct colmap {
	char *header;       /* for messages */
	int kind;
	size_t slot;        /* rating */
	size_t item;        /* comment */
	size_t quest;       /* comment: the question as the form asks it */
} colmap;

/* The speaker of this name (its key: ibm_person_key), SV_NONE when there
 * are too many. */
static size_t speaker_of(sv_data *d, const char *name)
{
	char *k = ibm_person_key(name);
	size_t i = index_find(d, &d->spk_index, speaker_key, k, SV_NONE);

	if (i != SV_NONE || d->nspk >= SV_MAX_SPEAKERS) {
		free(k);
		return i;
	}
	i = d->nspk;
	ibm_grow((void **)&d->spk, &d->spkcap, d->nspk + 1, sizeof *d->spk);
	d->spk[i].name = ibm_xstrdup(name);
	d->spk[i].key = k;
	d->spk[i].slot = ibm_xmalloc((d->spec->nitem + 1) *
				     sizeof *d->spk[i].slot);
	for (size_t t = 0; t <= d->spec->nitem; t++)
		d->spk[i].slot[t] = SV_NONE;
	d->nspk++;
	index_find(d, &d->spk_index, speaker_key, k, i);
	return i;
}

/* The slot of an item (and speaker), made on first use. */
static size_t slot_of(sv_data *d, size_t item, size_t speaker)
{
	size_t *at = speaker == SV_NONE ? &d->item_slot[item]
					: &d->spk[speaker].slot[item];

	if (*at != SV_NONE)
		return *at;
	ibm_grow((void **)&d->slot, &d->slotcap, d->nslot + 1,
		 sizeof *d->slot);
	memset(&d->slot[d->nslot], 0, sizeof d->slot[d->nslot]);
	d->slot[d->nslot].item = item;
	d->slot[d->nslot].speaker = speaker;
	*at = d->nslot;
	return d->nslot++;
}

static size_t quest_of(sv_data *d, const char *q)
{
	size_t i;

	for (i = 0; i < d->nquest; i++)
		if (!strcmp(d->quest[i], q))
			return i;
	d->quest = ibm_xrealloc(d->quest, (d->nquest + 1) * sizeof *d->quest);
	d->quest[d->nquest] = ibm_xstrdup(q);
	return d->nquest++;
}

/* What the item is, for messages and -v. */
static char *what(const sv_data *d, size_t item, size_t speaker)
{
	const sv_item *it = &d->spec->item[item];
	size_t n = strlen(it->name) + (it->aspect ? strlen(it->aspect) : 0) +
		   (speaker != SV_NONE ? strlen(d->spk[speaker].name) : 0) +
		   40;
	char *s = ibm_xmalloc(n);

	switch (it->part) {
	case SV_NARASUMBER:
		if (speaker == SV_NONE)
			snprintf(s, n, "narasumber aspect %s", it->aspect);
		else
			snprintf(s, n, "narasumber %s, %s",
				 d->spk[speaker].name, it->aspect);
		break;
	case SV_PENYELENGGARAAN:
		snprintf(s, n, "penyelenggaraan %s, %s", it->name, it->aspect);
		break;
	default:
		snprintf(s, n, "%s %s", sv_part_name(it->part), it->name);
	}
	return s;
}

/* The item one header's words ask among the parts of mask: -1 none, -2
 * ambiguous (error printed). */
static long match_one(const sv_data *d, const char *file, long line,
		      size_t col, const char *header, const char *text,
		      unsigned mask)
{
	char *w = sv_words(text);
	long other, it = sv_match(d->spec, w, mask, &other);

	free(w);
	if (it >= 0 && other >= 0) {
		char *a = what(d, (size_t)it, SV_NONE);
		char *b = what(d, (size_t)other, SV_NONE);

		ibm_error(file, line, "column %zu \"%s\" may ask %s or %s; "
			  "the spec's words (kata) must tell them apart", col + 1,
			  header, a, b);
		free(a);
		free(b);
		return -2;
	}
	return it;
}

/* Map one column; 0, or -1 after an error (-2: one that ends the
 * reading of the header: too many speakers). */
static int map_column(sv_data *d, const char *file, long line, size_t c,
		      const char *header, colmap *m)
{
	const unsigned rated = 1u << SV_UNSUR | 1u << SV_PENYELENGGARAAN;
	char *q, *row;
	long it;

	m->kind = COL_NONE;
	if (sv_grid_split(header, &q, &row)) {
		size_t spk = SV_NONE;

		/* "Penguasaan materi [Drs. Ahmad]": an aspect, a speaker */
		it = match_one(d, file, line, c, header, q,
			       1u << SV_NARASUMBER);
		if (it >= 0) {
			spk = speaker_of(d, row);
			if (spk == SV_NONE)
				it = -3;
		} else if (it == -1) {
			/* "Penilaian [Persyaratan]": a grid of elements or
			 * of the organisation's aspects */
			it = match_one(d, file, line, c, header, row, rated);
			if (it == -1) {
				/* "Narasumber: Drs. Ahmad [Penguasaan
				 * materi]": a grid per speaker */
				const char *colon = strrchr(q, ':');
				char *name = ibm_xstrdup(colon ? colon + 1 : q);

				it = match_one(d, file, line, c, header, row,
					       1u << SV_NARASUMBER);
				ibm_fold_space(name);
				if (it >= 0 && *name)
					spk = speaker_of(d, name);
				else if (it >= 0)
					it = -1;
				if (it >= 0 && spk == SV_NONE)
					it = -3;
				free(name);
			}
		}
		free(q);
		free(row);
		if (it == -1)
			ibm_warn(file, line, "column %zu \"%s\": a grid row the "
				 "spec does not name; left out", c + 1, header);
		if (it == -3)
			ibm_error(file, line, "column %zu \"%s\": more than %d "
				  "speakers", c + 1, header, SV_MAX_SPEAKERS);
		if (it < 0)
			return it == -1 ? 0 : it == -3 ? -2 : -1;
		m->kind = COL_RATING;
		m->slot = slot_of(d, (size_t)it, spk);
	} else {
		it = match_one(d, file, line, c, header, header,
			       rated | 1u << SV_KOMENTAR);
		if (it < 0)
			return it == -2 ? -1 : 0;
		if (d->spec->item[it].part == SV_KOMENTAR) {
			m->kind = COL_COMMENT;
			m->item = (size_t)it;
			m->quest = quest_of(d, header);
		} else {
			m->kind = COL_RATING;
			m->slot = slot_of(d, (size_t)it, SV_NONE);
		}
	}
	d->found[m->kind == COL_COMMENT ? m->item : d->slot[m->slot].item] = 1;
	return 0;
}

static void map_free(colmap *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(m[i].header);
	free(m);
}

/* The headers seen, for a message. */
static char *headers_seen(const ibm_rec *h)
{
	size_t n = 1;
	char *s, *p;

	for (size_t i = 0; i < h->n; i++)
		n += strlen(h->f[i]) + 9;
	s = p = ibm_xmalloc(n);
	*p = '\0';
	for (size_t i = 0; i < h->n; i++)
		p += sprintf(p, "%s%s", i ? ", " : "",
			     h->f[i][0] ? h->f[i] : "(empty)");
	return s;
}

/* Every element or none: a form that asks some of the index's elements
 * must ask them all (a spec without an element drops it). */
static int check_elements(const sv_data *d, const char *file, long line,
			  const ibm_rec *h, const unsigned char *here)
{
	const sv_spec *s = d->spec;
	size_t nf = 0, len = 0, cap = 0;
	char *miss = NULL, *seen;

	for (size_t i = 0; i < s->nitem; i++)
		if (s->item[i].part == SV_UNSUR && here[i])
			nf++;
	if (nf == 0 || nf == s->nunsur)
		return 0;
	for (size_t i = 0; i < s->nitem; i++) {
		const sv_item *it = &s->item[i];
		size_t need = len + strlen(it->name) + 16;

		if (it->part != SV_UNSUR || here[i])
			continue;
		for (size_t a = 0; a < it->nalias; a++)
			need += strlen(it->alias[a]) + 1;
		ibm_grow((void **)&miss, &cap, need, 1);
		len += (size_t)sprintf(miss + len, "%s%s (words: ",
				       len ? "; " : "", it->name);
		for (size_t a = 0; a < it->nalias; a++)
			len += (size_t)sprintf(miss + len, "%s%s", a ? "|" : "",
					       it->alias[a]);
		miss[len++] = ')';
		miss[len] = '\0';
	}
	seen = headers_seen(h);
	ibm_error(file, line, "no column for the element%s %s; a form "
		  "without %s needs a spec without %s (ibm-survey "
		  "--print-spec); found: %s", s->nunsur - nf > 1 ? "s" : "",
		  miss, s->nunsur - nf > 1 ? "them" : "it",
		  s->nunsur - nf > 1 ? "them" : "it", seen);
	free(miss);
	free(seen);
	return -1;
}

/* Text with a letter or a digit (not "-" or "."). */
static int has_text(const char *s)
{
	char *w = sv_words(s);
	int r = *w != '\0';

	free(w);
	return r;
}

int sv_read_csv(sv_data *d, ibm_csv *r)
{
	const char *file = ibm_csv_name(r);
	const ibm_rec *h = ibm_csv_header(r), *rec;
	colmap *map = ibm_xcalloc(h->n + 1, sizeof *map);
	unsigned char *here = ibm_xcalloc(d->spec->nitem + 1, 1);
	size_t fi, nmapped = 0, *claim = NULL, nclaim = 0;
	int email, stamp, k, bad = 0;
	long hline = h->line;

	d->files = ibm_xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
	d->files[d->nfiles] = ibm_xstrdup(file);
	fi = d->nfiles++;
	{
		/* found as every tool finds its columns (--column too); the
		 * questions by the spec's words */
		static const ibm_colspec cols[] = {
			{ EMAIL_COLUMN, 0, "email" },
			{ TIME_COLUMN, 0, "timestamp" },
		};
		int idx[2];

		ibm_col_resolve(file, hline, h, cols, 2, idx);
		email = idx[0];
		stamp = idx[1];
	}
	for (size_t c = 0; c < h->n; c++) {
		if ((int)c == email || (int)c == stamp || !has_text(h->f[c]))
			continue;
		map[c].header = ibm_xstrdup(h->f[c]);
		if ((k = map_column(d, file, hline, c, h->f[c], &map[c])) < 0) {
			bad = 1;
			if (k == -2)
				break;
			continue;
		}
		if (map[c].kind == COL_NONE)
			continue;
		nmapped++;
		if (map[c].kind == COL_RATING) {
			/* one column per question */
			size_t sl = map[c].slot, o;

			if (sl >= nclaim) {
				size_t n0 = nclaim;

				ibm_grow((void **)&claim, &nclaim, sl + 1,
					 sizeof *claim);
				for (size_t z = n0; z < nclaim; z++)
					claim[z] = 0;
			}
			if ((o = claim[sl]) != 0) {
				char *w = what(d, d->slot[sl].item,
					       d->slot[sl].speaker);

				ibm_error(file, hline, "columns %zu \"%s\" and "
					  "%zu \"%s\" both ask %s", o,
					  h->f[o - 1], c + 1, h->f[c], w);
				free(w);
				bad = 1;
			}
			claim[sl] = c + 1;
			here[d->slot[sl].item] = 1;
		}
		if (d->verbose) {
			char *w = map[c].kind == COL_COMMENT
				? what(d, map[c].item, SV_NONE)
				: what(d, d->slot[map[c].slot].item,
				       d->slot[map[c].slot].speaker);

			fprintf(stderr, "%s: %s: column %zu \"%s\": %s\n",
				ibm_progname(), file, c + 1, h->f[c], w);
			free(w);
		}
	}
	if (!bad && check_elements(d, file, hline, h, here) < 0)
		bad = 1;
	if (!bad && !nmapped) {
		char *seen = headers_seen(h);

		ibm_error(file, hline, "no column asks a question of the spec "
			  "(%s); found: %s", d->spec->src ? d->spec->src :
			  "(default spec)", seen);
		free(seen);
		bad = 1;
	}
	free(here);
	free(claim);
	if (bad) {
		map_free(map, h->n);
		return IBM_EX_DATAERR;
	}
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		sv_resp rp = { 0 };

		rp.file = fi;
		rp.line = rec->line;
		for (size_t c = 0; c < rec->n && c < h->n; c++) {
			int v;

			if (map[c].kind == COL_RATING) {
				int a = sv_answer(d->spec, rec->f[c], &v);

				if (a < 0) {
					d->bad_cells++;
					if (d->strict)
						ibm_error_cell(file, rec->line,
							c, "%s: \"%s\" is no "
							"answer on the 1-%d "
							"scale nor one of the "
							"spec's answer words",
							map[c].header,
							rec->f[c], SV_SCALE_MAX);
					else
						ibm_warn_cell(file, rec->line,
							c, "%s: \"%s\" is no "
							"answer on the 1-%d "
							"scale nor one of the "
							"spec's answer words; "
							"left blank",
							map[c].header,
							rec->f[c], SV_SCALE_MAX);
					continue;
				}
				if (a == 0)
					continue;
				rp.slot = ibm_xrealloc(rp.slot, (rp.nval + 1) *
						       sizeof *rp.slot);
				rp.val = ibm_xrealloc(rp.val, rp.nval + 1);
				rp.slot[rp.nval] = map[c].slot;
				rp.val[rp.nval++] = (signed char)v;
			} else if (map[c].kind == COL_COMMENT &&
				   has_text(rec->f[c])) {
				char *t = ibm_xstrdup(rec->f[c]);

				ibm_trim(t);
				rp.com = ibm_xrealloc(rp.com, (rp.ncom + 1) *
						      sizeof *rp.com);
				rp.com[rp.ncom].item = map[c].item;
				rp.com[rp.ncom].quest = map[c].quest;
				rp.com[rp.ncom++].text = t;
			}
		}
		if (!rp.nval && !rp.ncom) {
			/* a response that answers nothing */
			resp_free(&rp);
			continue;
		}
		if (email >= 0 && (size_t)email < rec->n) {
			char *e = ibm_lower(rec->f[email]);

			ibm_trim(e);
			if (*e)
				rp.email = e;
			else
				free(e);
		}
		ibm_grow((void **)&d->resp, &d->respcap, d->nresp + 1,
			 sizeof *d->resp);
		d->resp[d->nresp] = rp;
		if (rp.email) {
			size_t before = index_find(d, &d->email_index,
						   email_key, rp.email,
						   d->nresp);

			if (before != SV_NONE) {
				d->resp[before].dropped = 1;
				ibm_warn(file, rec->line, "%s answered again "
					 "(%s:%ld); the later response "
					 "counts", rp.email,
					 d->files[d->resp[before].file],
					 d->resp[before].line);
			}
		}
		d->nresp++;
	}
	map_free(map, h->n);
	if (k < 0)
		return ibm_csv_status(r) ? ibm_csv_status(r) : IBM_EX_DATAERR;
	return 0;
}

void sv_read(sv_data *d, const char *path)
{
	ibm_csv *r = ibm_csv_xopen(path, &d->csv);
	int st = sv_read_csv(d, r);

	ibm_csv_close(r);
	if (st)
		exit(st);
}
