/* event.c - the event file of ibm-invite (see event.h). */
#include "event.h"
#include "ibmkit.h"
#include "port.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

ibm_event *ibm_event_new(void)
{
	return ibm_xcalloc(1, sizeof(ibm_event));
}

void ibm_event_free(ibm_event *ev)
{
	if (!ev)
		return;
	for (size_t i = 0; i < ev->n; i++) {
		free(ev->kv[i].key);
		free(ev->kv[i].val);
	}
	free(ev->kv);
	free(ev->file);
	free(ev);
}

int ibm_event_key_norm(char *key)
{
	if (!*key)
		return -1;
	for (char *p = key; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 'A' && c <= 'Z')
			*p = (char)(c - 'A' + 'a');
		else if (c == '-')
			*p = '_';
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			   c == '_' || c == '.'))
			return -1;
	}
	return 0;
}

static ibm_event_kv *find(const ibm_event *ev, const char *nkey)
{
	for (size_t i = 0; i < ev->n; i++)
		if (strcmp(ev->kv[i].key, nkey) == 0)
			return &ev->kv[i];
	return NULL;
}

const ibm_event_kv *ibm_event_find(const ibm_event *ev, const char *key)
{
	char *k = ibm_xstrdup(key);
	const ibm_event_kv *kv = NULL;

	if (ibm_event_key_norm(k) == 0)
		kv = find(ev, k);
	free(k);
	return kv;
}

const char *ibm_event_get(const ibm_event *ev, const char *key)
{
	const ibm_event_kv *kv = ibm_event_find(ev, key);

	return kv && kv->val[0] ? kv->val : NULL;
}

/* Store (key, val) taking ownership; replaces an existing entry. */
static void put(ibm_event *ev, char *key, char *val, const char *src,
		long line)
{
	ibm_event_kv *kv = find(ev, key);

	if (kv) {
		free(kv->key);
		free(kv->val);
	} else {
		ibm_grow((void **)&ev->kv, &ev->cap, ev->n + 1, sizeof *ev->kv);
		kv = &ev->kv[ev->n++];
	}
	kv->key = key;
	kv->val = val;
	kv->src = src;
	kv->line = line;
}

/* Trim a value and remove one pair of surrounding double quotes. */
static char *clean_value(const char *s, size_t len)
{
	char *v = ibm_xstrndup(s, len);
	size_t n;

	ibm_trim(v);
	n = strlen(v);
	if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
		memmove(v, v + 1, n - 2);
		v[n - 2] = '\0';
	}
	return v;
}

int ibm_event_parse(ibm_event *ev, const char *name, const char *buf,
		    size_t len)
{
	const char *p = buf, *end = buf + len;
	long line = 0;

	free(ev->file);
	ev->file = ibm_xstrdup(name);
	name = ev->file;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end, *q, *eq;
		char *key, *val;
		ibm_event_kv *old;

		line++;
		if (le > p && le[-1] == '\r')
			le--;
		if (!ibm_utf8_valid(p, (size_t)(le - p))) {
			ibm_error(name, line, "text is not UTF-8");
			return -1;
		}
		if (memchr(p, '\0', (size_t)(le - p))) {
			ibm_error(name, line, "NUL character");
			return -1;
		}
		for (q = p; q < le && (*q == ' ' || *q == '\t'); q++)
			;
		if (q == le || *q == '#')
			goto next;
		eq = memchr(q, '=', (size_t)(le - q));
		if (!eq) {
			ibm_error(name, line, "expected key = value");
			return -1;
		}
		key = clean_value(q, (size_t)(eq - q));
		if (ibm_event_key_norm(key) != 0) {
			ibm_error(name, line, "bad key \"%s\" (letters, digits, "
				  "_ - . only)", key);
			free(key);
			return -1;
		}
		old = find(ev, key);
		if (old && old->src == ev->file) {
			ibm_error(name, line, "key %s given twice (first at "
				  "line %ld)", key, old->line);
			free(key);
			return -1;
		}
		val = clean_value(eq + 1, (size_t)(le - eq - 1));
		put(ev, key, val, name, line);
next:
		p = nl ? nl + 1 : end;
	}
	return 0;
}

void ibm_event_xload(ibm_event *ev, const char *path)
{
	size_t n;
	char *buf = ibm_read_file_x(path, IBM_LIMIT_EVENT, 0, &n);

	if (ibm_event_parse(ev, path, buf, n) != 0) {
		free(buf);
		exit(IBM_EX_DATAERR);
	}
	free(buf);
}

int ibm_event_set(ibm_event *ev, const char *assign)
{
	const char *eq = strchr(assign, '=');
	char *key, *val;

	if (!eq || !ibm_utf8_valid(assign, strlen(assign)))
		return -1;
	key = clean_value(assign, (size_t)(eq - assign));
	if (ibm_event_key_norm(key) != 0) {
		free(key);
		return -1;
	}
	val = clean_value(eq + 1, strlen(eq + 1));
	put(ev, key, val, "-s", 0);
	return 0;
}

char *ibm_event_path(const ibm_event *ev, const char *key)
{
	const ibm_event_kv *kv = ibm_event_find(ev, key);
	const char *base;
	size_t n;
	char *r;

	if (!kv || !kv->val[0])
		return NULL;
	if (!kv->src || strcmp(kv->src, "-s") == 0 ||
	    ibm_path_is_abs(kv->val) ||
	    (base = ibm_path_base(kv->src)) == kv->src)
		return ibm_xstrdup(kv->val);
	n = (size_t)(base - kv->src) + strlen(kv->val) + 1;
	r = ibm_xmalloc(n);
	snprintf(r, n, "%.*s%s", (int)(base - kv->src), kv->src, kv->val);
	return r;
}

int ibm_event_read_dates(const ibm_event *ev, ibm_date *first,
			 ibm_date *last)
{
	const char *v = ibm_event_get(ev, "tanggal_mulai");
	const ibm_event_kv *kv;
	long n = 1;

	if (!v)
		return 0;
	kv = ibm_event_find(ev, "tanggal_mulai");
	if (ibm_date_parse(v, first) != 0) {
		ibm_error(kv->src, kv->line, "tanggal_mulai: not a date: %s",
			  v);
		return -1;
	}
	*last = *first;
	if ((v = ibm_event_get(ev, "tanggal_selesai"))) {
		kv = ibm_event_find(ev, "tanggal_selesai");
		if (ibm_date_parse(v, last) != 0 ||
		    ibm_date_cmp(*last, *first) < 0) {
			ibm_error(kv->src, kv->line, "tanggal_selesai: not a "
				  "date on or after tanggal_mulai: %s", v);
			return -1;
		}
	} else if ((v = ibm_event_get(ev, "jumlah_hari"))) {
		kv = ibm_event_find(ev, "jumlah_hari");
		if (ibm_parse_count(v, &n) != 0 || n < 1 || n > 31) {
			ibm_error(kv->src, kv->line, "jumlah_hari: not a "
				  "number of days (1 to 31): %s", v);
			return -1;
		}
		*last = ibm_date_from_days(ibm_date_days(*first) + n - 1);
		if (!ibm_date_valid(*last)) {
			ibm_error(kv->src, kv->line, "jumlah_hari: the last "
				  "day is after the year 9999: %s", v);
			return -1;
		}
	}
	return 1;
}

int ibm_event_dates(const ibm_event *ev, ibm_date *first, ibm_date *last)
{
	int r = ibm_event_read_dates(ev, first, last);

	if (r < 0)
		exit(IBM_EX_DATAERR);
	return r;
}

int ibm_event_require(const ibm_event *ev, const char *const *keys,
		      const char *what)
{
	char missing[1024] = "";
	size_t n = 0;

	for (size_t i = 0; keys[i]; i++)
		if (!ibm_event_get(ev, keys[i])) {
			size_t l = strlen(missing);

			snprintf(missing + l, sizeof missing - l, "%s%s",
				 n++ ? ", " : "", keys[i]);
		}
	if (!n)
		return 0;
	ibm_error(ev->file, 0, "missing required key%s%s%s: %s",
		  n > 1 ? "s" : "", what ? " " : "", what ? what : "",
		  missing);
	return IBM_EX_DATAERR;
}
