/* columns.c - find columns by normalised header name and aliases. */
#include "ibmkit.h"

#include <stdlib.h>
#include <string.h>

/* The name keys of a header's cells (computed once per lookup, not once
 * per alias and cell: a header of 100,000 columns stays fast). */
static char **header_keys(const ibm_rec *hdr)
{
	char **k = ibm_xcalloc(hdr->n + 1, sizeof *k);

	for (size_t i = 0; i < hdr->n; i++)
		k[i] = ibm_name_key(hdr->f[i]);
	return k;
}

static void keys_free(char **k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(k[i]);
	free(k);
}

static int find_key(char *const *keys, size_t n, const char *aliases)
{
	/* aliases in order of preference: the first alias that matches any
	 * header wins */
	const char *p = aliases;

	while (*p) {
		const char *e = strchr(p, '|');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *a = ibm_xstrndup(p, len);
		char *ak = ibm_name_key(a);
		int found = -1;

		for (size_t i = 0; i < n && found < 0 && ak[0]; i++)
			if (strcmp(keys[i], ak) == 0)
				found = (int)i;
		free(a);
		free(ak);
		if (found >= 0)
			return found;
		if (!e)
			break;
		p = e + 1;
	}
	return -1;
}

int ibm_col_find(const ibm_rec *hdr, const char *aliases)
{
	char **keys = header_keys(hdr);
	int i = find_key(keys, hdr->n, aliases);

	keys_free(keys, hdr->n);
	return i;
}

static void append(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s);

	ibm_grow((void **)buf, cap, *len + n + 1, 1);
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

int ibm_col_resolve(const char *file, long line, const ibm_rec *hdr,
		    const ibm_colspec *specs, size_t n, int *idx)
{
	char *msg = NULL, **keys = header_keys(hdr);
	size_t len = 0, cap = 0;
	int missing = 0;

	for (size_t i = 0; i < n; i++) {
		idx[i] = find_key(keys, hdr->n, specs[i].aliases);
		if (idx[i] >= 0 || !specs[i].required)
			continue;
		append(&msg, &len, &cap, missing ? "; " : "");
		missing++;
		{
			const char *a = specs[i].aliases;
			const char *bar = strchr(a, '|');

			if (!bar) {
				append(&msg, &len, &cap, a);
			} else {
				/* "nama (or: nama lengkap, name)", as
				 * documented in ibmkit.h */
				char *all = ibm_xstrdup(a);
				char *q, *e;

				all[bar - a] = '\0';
				append(&msg, &len, &cap, all);
				append(&msg, &len, &cap, " (or: ");
				for (q = all + (bar - a) + 1; ; q = e + 1) {
					e = strchr(q, '|');
					if (e)
						*e = '\0';
					append(&msg, &len, &cap, q);
					if (!e)
						break;
					append(&msg, &len, &cap, ", ");
				}
				append(&msg, &len, &cap, ")");
				free(all);
			}
		}
	}
	keys_free(keys, hdr->n);
	if (!missing) {
		free(msg);
		return 0;
	}
	append(&msg, &len, &cap, "; found: ");
	for (size_t i = 0; i < hdr->n; i++) {
		if (i)
			append(&msg, &len, &cap, ", ");
		append(&msg, &len, &cap, hdr->f[i][0] ? hdr->f[i] : "(empty)");
	}
	ibm_error(file, line, "missing required column%s: %s",
		  missing > 1 ? "s" : "", msg);
	free(msg);
	return -1;
}
