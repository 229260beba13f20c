/*
 * template.h - a small mustache-like template engine.
 *
 *   {{key}}        the value of key, escaped when the template is markup
 *                  (tpl_markup_name: HTML, XML, flat OpenDocument), and
 *                  what an XML document cannot hold shown as U+FFFD
 *   {{{key}}}, {{&key}}  the value, never escaped
 *   {{#key}}...{{/key}}  a list: the block once per item, with the item's
 *                  keys; a text value: the block once when not empty
 *   {{^key}}...{{/key}}  the block once when the list or text is empty
 *   {{.}}          the current item of a list of texts
 *   {{! comment}}  nothing
 * Keys are looked up from the innermost list item outwards. A key found
 * nowhere is an error naming the template's line, even inside a block
 * that is not shown (lists carry a prototype item for this).
 */
#ifndef IBM_TEMPLATE_H
#define IBM_TEMPLATE_H

#include <stddef.h>

typedef struct tpl_obj tpl_obj;

typedef struct tpl_field {
	char *key;
	char *str;          /* a text value (NULL for a list) */
	tpl_obj **items;    /* a list */
	size_t nitems, cap;
	tpl_obj *proto;     /* the keys every item has, for checking */
} tpl_field;

struct tpl_obj {
	tpl_field *f;
	size_t n, cap;
	char *self;         /* {{.}} for an item of a list of texts */
};

tpl_obj *tpl_obj_new(void);
void tpl_obj_free(tpl_obj *o);
/* Set a text value (copied; replaces an earlier value of key). */
void tpl_obj_set(tpl_obj *o, const char *key, const char *val);
/* The list key (created empty when new). */
tpl_field *tpl_obj_list(tpl_obj *o, const char *key);
/* Append a new item to the list key; returns it to be filled. */
tpl_obj *tpl_list_add(tpl_field *list);
/* Append a text item ({{.}}). */
void tpl_list_add_text(tpl_field *list, const char *s);
/* The prototype item of a list (created on first call). */
tpl_obj *tpl_list_proto(tpl_field *list);

typedef struct tpl tpl;

/* 1 if a template named NAME is markup whose values are escaped: it ends
 * in .html, .htm, .xhtml, .xml, .svg, or a flat OpenDocument's .fodt,
 * .fods, .fodp, .fodg (any case). */
int tpl_markup_name(const char *name);
/*
 * Parse a template named NAME (for messages; a markup name turns on
 * escaping). Errors are printed as NAME:LINE: ...; returns NULL on error.
 */
tpl *tpl_parse(const char *name, const char *text, size_t len);
void tpl_free(tpl *t);
/* Force markup escaping on (1) or off (0). */
void tpl_set_html(tpl *t, int html);

typedef struct tpl_buf {
	char *s;
	size_t n, cap;
} tpl_buf;

/* Render with root's keys, appending to out (NUL-terminated). Returns 0,
 * or -1 after printing "NAME:LINE: unknown key" for a key found nowhere. */
int tpl_render(const tpl *t, const tpl_obj *root, tpl_buf *out);
/* The same with inner's keys looked up before outer's. */
int tpl_render_with(const tpl *t, const tpl_obj *outer, const tpl_obj *inner,
		    tpl_buf *out);

#endif
