/* template.c - a small mustache-like template engine (see template.h). */
#include "template.h"
#include "ibmkit.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ the data */

tpl_obj *tpl_obj_new(void)
{
	return ibm_xcalloc(1, sizeof(tpl_obj));
}

void tpl_obj_free(tpl_obj *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++) {
		tpl_field *f = &o->f[i];

		free(f->key);
		free(f->str);
		for (size_t k = 0; k < f->nitems; k++)
			tpl_obj_free(f->items[k]);
		free(f->items);
		tpl_obj_free(f->proto);
	}
	free(o->f);
	free(o->self);
	free(o);
}

static tpl_field *field(const tpl_obj *o, const char *key)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->f[i].key, key) == 0)
			return &o->f[i];
	return NULL;
}

static tpl_field *new_field(tpl_obj *o, const char *key)
{
	tpl_field *f = field(o, key);

	if (f) {
		free(f->str);
		for (size_t k = 0; k < f->nitems; k++)
			tpl_obj_free(f->items[k]);
		free(f->items);
		tpl_obj_free(f->proto);
		free(f->key);
	} else {
		ibm_grow((void **)&o->f, &o->cap, o->n + 1, sizeof *o->f);
		f = &o->f[o->n++];
	}
	memset(f, 0, sizeof *f);
	f->key = ibm_xstrdup(key);
	return f;
}

void tpl_obj_set(tpl_obj *o, const char *key, const char *val)
{
	new_field(o, key)->str = ibm_xstrdup(val ? val : "");
}

tpl_field *tpl_obj_list(tpl_obj *o, const char *key)
{
	tpl_field *f = field(o, key);

	if (f && !f->str)
		return f;
	return new_field(o, key);
}

tpl_obj *tpl_list_add(tpl_field *l)
{
	ibm_grow((void **)&l->items, &l->cap, l->nitems + 1, sizeof *l->items);
	return l->items[l->nitems++] = tpl_obj_new();
}

void tpl_list_add_text(tpl_field *l, const char *s)
{
	tpl_list_add(l)->self = ibm_xstrdup(s);
	if (!l->proto) {
		l->proto = tpl_obj_new();
		l->proto->self = ibm_xstrdup("");
	}
}

tpl_obj *tpl_list_proto(tpl_field *l)
{
	if (!l->proto)
		l->proto = tpl_obj_new();
	return l->proto;
}

/* ------------------------------------------------------------- parsing */

enum { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED };

typedef struct node {
	int type;
	char *s;           /* text, or key */
	size_t len;
	long line;
	struct node *kids; /* sections: the block */
	size_t nkids, cap;
} node;

struct tpl {
	char *name;
	int html;          /* values escaped as markup (HTML or XML) */
	node root;
};

static void node_free(node *n)
{
	for (size_t i = 0; i < n->nkids; i++)
		node_free(&n->kids[i]);
	free(n->kids);
	free(n->s);
}

void tpl_free(tpl *t)
{
	if (!t)
		return;
	node_free(&t->root);
	free(t->name);
	free(t);
}

void tpl_set_html(tpl *t, int html)
{
	t->html = html;
}

static node *add(node *parent, int type, const char *s, size_t len,
		 long line)
{
	node *n;

	ibm_grow((void **)&parent->kids, &parent->cap, parent->nkids + 1,
		 sizeof *parent->kids);
	n = &parent->kids[parent->nkids++];
	memset(n, 0, sizeof *n);
	n->type = type;
	n->s = ibm_xstrndup(s, len);
	n->len = len;
	n->line = line;
	return n;
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);

	if (a < b)
		return 0;
	for (size_t i = 0; i < b; i++) {
		char c = s[a - b + i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != suf[i])
			return 0;
	}
	return 1;
}

static int key_ok(const char *k)
{
	if (strcmp(k, ".") == 0)
		return 1;
	if (!*k)
		return 0;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') ||
		      (*k >= '0' && *k <= '9') || *k == '_' || *k == '-' ||
		      *k == '.'))
			return 0;
	return 1;
}

#define MAX_DEPTH 64

/* A block or comment tag alone on its line (only blanks before it) takes
 * its line end with it; returns the new position. */
static const char *eat_eol(const char *open, const char *start,
			   const char *p, const char *end, long *line)
{
	for (const char *q = open; q > start && q[-1] != '\n'; q--)
		if (q[-1] != ' ' && q[-1] != '\t')
			return p;
	if (p < end && *p == '\n') {
		(*line)++;
		return p + 1;
	}
	if (p + 1 < end && p[0] == '\r' && p[1] == '\n') {
		(*line)++;
		return p + 2;
	}
	return p;
}

int tpl_markup_name(const char *name)
{
	static const char *const ext[] = {
		".html", ".htm", ".xhtml", ".xml", ".svg",
		/* flat OpenDocument: text, spreadsheet, presentation, drawing */
		".fodt", ".fods", ".fodp", ".fodg"
	};

	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
		if (ends_with(name, ext[i]))
			return 1;
	return 0;
}

tpl *tpl_parse(const char *name, const char *text, size_t len)
{
	tpl *t = ibm_xcalloc(1, sizeof *t);
	node *stack[MAX_DEPTH];
	int depth = 0;
	const char *p = text, *end = text + len;
	long line = 1;

	t->name = ibm_xstrdup(name);
	t->html = tpl_markup_name(name);
	stack[0] = &t->root;
	if (!ibm_utf8_valid(text, len)) {
		/* find the line */
		const char *q = text;

		while (q < end) {
			const char *nl = memchr(q, '\n', (size_t)(end - q));
			const char *le = nl ? nl : end;

			if (!ibm_utf8_valid(q, (size_t)(le - q)))
				break;
			line++;
			q = nl ? nl + 1 : end;
		}
		ibm_error(name, line, "text is not UTF-8");
		goto fail;
	}
	while (p < end) {
		const char *open = NULL, *close, *k, *ke;
		long tagline;
		int type = N_VAR, triple = 0;
		char *key;

		for (const char *q = p; q + 1 < end; q++)
			if (q[0] == '{' && q[1] == '{') {
				open = q;
				break;
			}
		if (!open) {
			add(stack[depth], N_TEXT, p, (size_t)(end - p), line);
			break;
		}
		if (open > p)
			add(stack[depth], N_TEXT, p, (size_t)(open - p), line);
		for (const char *q = p; q < open; q++)
			if (*q == '\n')
				line++;
		tagline = line;
		k = open + 2;
		if (k < end && *k == '{') {
			triple = 1;
			k++;
		}
		close = NULL;
		for (const char *q = k; q + 1 < end; q++)
			if (q[0] == '}' && q[1] == '}') {
				close = q;
				break;
			}
		if (!close) {
			ibm_error(name, tagline, "unterminated tag {{");
			goto fail;
		}
		p = close + 2;
		if (triple) {
			if (p < end && *p == '}')
				p++;
			else {
				ibm_error(name, tagline, "{{{ closed by }} "
					  "instead of }}}");
				goto fail;
			}
			type = N_RAW;
		}
		for (const char *q = open; q < p; q++)
			if (*q == '\n')
				line++;
		if (!triple && k < close && strchr("#^/&!", *k)) {
			switch (*k) {
			case '#': type = N_SECTION; break;
			case '^': type = N_INVERTED; break;
			case '/': type = -1; break;
			case '&': type = N_RAW; break;
			case '!': /* comment */
				p = eat_eol(open, text, p, end, &line);
				continue;
			}
			k++;
		}
		while (k < close && (*k == ' ' || *k == '\t'))
			k++;
		ke = close;
		while (ke > k && (ke[-1] == ' ' || ke[-1] == '\t'))
			ke--;
		key = ibm_xstrndup(k, (size_t)(ke - k));
		if (!key_ok(key)) {
			ibm_error(name, tagline, "bad key in tag: {{%s}}", key);
			free(key);
			goto fail;
		}
		if (type == -1) {
			if (depth == 0 || strcmp(stack[depth]->s, key) != 0) {
				if (depth == 0)
					ibm_error(name, tagline, "{{/%s}} "
						  "closes no block", key);
				else
					ibm_error(name, tagline, "{{/%s}} "
						  "closes {{#%s}} of line %ld",
						  key, stack[depth]->s,
						  stack[depth]->line);
				free(key);
				goto fail;
			}
			depth--;
			free(key);
			p = eat_eol(open, text, p, end, &line);
			continue;
		}
		if (type == N_SECTION || type == N_INVERTED) {
			if (depth + 1 >= MAX_DEPTH) {
				ibm_error(name, tagline, "blocks nested too "
					  "deep");
				free(key);
				goto fail;
			}
			stack[depth + 1] = add(stack[depth], type, key,
					       strlen(key), tagline);
			depth++;
			free(key);
			p = eat_eol(open, text, p, end, &line);
			continue;
		}
		add(stack[depth], type, key, strlen(key), tagline);
		free(key);
	}
	if (depth > 0) {
		ibm_error(name, stack[depth]->line, "{{#%s}} is not closed "
			  "(no {{/%s}})", stack[depth]->s, stack[depth]->s);
		goto fail;
	}
	return t;
fail:
	tpl_free(t);
	return NULL;
}

/* ----------------------------------------------------------- rendering */

static void put(tpl_buf *b, const char *s, size_t n)
{
	ibm_grow((void **)&b->s, &b->cap, b->n + n + 1, 1);
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void put_cb(void *b, const char *s, size_t n)
{
	put(b, s, n);
}

/* A value in a markup template: escaped, and a character an XML
 * document cannot hold shows as U+FFFD. */
static void put_esc(tpl_buf *b, const char *s)
{
	ibm_xml_text(s, strlen(s), 1, put_cb, b);
}

typedef struct ctx {
	const tpl_obj *o[MAX_DEPTH + 1];
	int n;
} ctx;

/* The field of key, innermost first; for "." the item's text. */
static const tpl_field *lookup(const ctx *c, const char *key,
			       const char **self)
{
	*self = NULL;
	if (strcmp(key, ".") == 0) {
		for (int i = c->n - 1; i >= 0; i--)
			if (c->o[i]->self) {
				*self = c->o[i]->self;
				return NULL;
			}
		return NULL;
	}
	for (int i = c->n - 1; i >= 0; i--) {
		const tpl_field *f = field(c->o[i], key);

		if (f)
			return f;
	}
	return NULL;
}

static int render(const tpl *t, const node *parent, ctx *c, int dry,
		  tpl_buf *out)
{
	for (size_t i = 0; i < parent->nkids; i++) {
		const node *n = &parent->kids[i];
		const tpl_field *f;
		const char *self;
		int empty;

		if (n->type == N_TEXT) {
			if (!dry)
				put(out, n->s, n->len);
			continue;
		}
		f = lookup(c, n->s, &self);
		if (!f && !self) {
			ibm_error(t->name, n->line, "unknown key {{%s}}", n->s);
			return -1;
		}
		if (n->type == N_VAR || n->type == N_RAW) {
			const char *v = self ? self : f->str;

			if (!v) {
				ibm_error(t->name, n->line, "{{%s}} is a list; "
					  "use {{#%s}}...{{/%s}}", n->s, n->s,
					  n->s);
				return -1;
			}
			if (dry)
				continue;
			if (n->type == N_VAR && t->html)
				put_esc(out, v);
			else
				put(out, v, strlen(v));
			continue;
		}
		if (self)
			empty = !*self;
		else
			empty = f->str ? !*f->str : f->nitems == 0;
		if (n->type == N_INVERTED || self || f->str) {
			int show = (n->type == N_INVERTED) == empty;

			if (render(t, n, c, dry || !show, out) != 0)
				return -1;
			continue;
		}
		if (c->n >= MAX_DEPTH) {
			ibm_error(t->name, n->line, "blocks nested too deep");
			return -1;
		}
		for (size_t k = 0; k < f->nitems; k++) {
			c->o[c->n++] = f->items[k];
			if (render(t, n, c, dry, out) != 0)
				return -1;
			c->n--;
		}
		if (f->nitems == 0) {
			/* check the block's keys against the prototype */
			tpl_obj empty_obj = { 0 };

			c->o[c->n++] = f->proto ? f->proto : &empty_obj;
			if (render(t, n, c, 1, out) != 0)
				return -1;
			c->n--;
		}
	}
	return 0;
}

int tpl_render(const tpl *t, const tpl_obj *root, tpl_buf *out)
{
	ctx c;

	c.n = 1;
	c.o[0] = root;
	put(out, "", 0);
	return render(t, &t->root, &c, 0, out);
}

int tpl_render_with(const tpl *t, const tpl_obj *outer, const tpl_obj *inner,
		    tpl_buf *out)
{
	ctx c;

	c.n = 2;
	c.o[0] = outer;
	c.o[1] = inner;
	put(out, "", 0);
	return render(t, &t->root, &c, 0, out);
}
