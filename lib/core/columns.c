/* columns.c - find columns by normalised header name and aliases. */
#include "ibmkit.h"

#include <stdlib.h>
#include <string.h>

/* Does one of the '|'-separated aliases have the name key `key`? */
static int alias_match(const char *aliases, const char *key)
{
	const char *p = aliases;

	while (*p) {
		const char *e = strchr(p, '|');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *a = ibm_xstrndup(p, n);
		char *ak = ibm_name_key(a);
		int eq = strcmp(ak, key) == 0;

		free(a);
		free(ak);
		if (eq)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

int ibm_col_find(const ibm_rec *hdr, const char *aliases)
{
	/* aliases in order of preference: the first alias that matches any
	 * header wins */
	const char *p = aliases;

	while (*p) {
		const char *e = strchr(p, '|');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *a = ibm_xstrndup(p, n);
		int found = -1;

		for (size_t i = 0; i < hdr->n && found < 0; i++) {
			char *hk = ibm_name_key(hdr->f[i]);

			if (hk[0] && alias_match(a, hk))
				found = (int)i;
			free(hk);
		}
		free(a);
		if (found >= 0)
			return found;
		if (!e)
			break;
		p = e + 1;
	}
	return -1;
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
	char *msg = NULL;
	size_t len = 0, cap = 0;
	int missing = 0;

	for (size_t i = 0; i < n; i++) {
		idx[i] = ibm_col_find(hdr, specs[i].aliases);
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
