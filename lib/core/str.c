/*
 * str.c - a string built piece by piece (ibm_str): the texts a document
 * composes from its data ("Menuju Prima: skor total 64,3 < 75; ...",
 * "Yth. Lurah Sampir").
 */
#include "ibmkit.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void ibm_str_add(ibm_str *b, ...)
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
	if (!b->s) {
		ibm_grow((void **)&b->s, &b->cap, 1, 1);
		b->s[0] = '\0';
	}
}

char *ibm_str_take(ibm_str *b)
{
	char *s = b->s ? b->s : ibm_xstrdup("");

	memset(b, 0, sizeof *b);
	return s;
}
