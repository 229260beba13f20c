/* fuzz_template.c - the template engine of ibm-invite (template.c): any
 * bytes are parsed and, when they parse, rendered with sample keys. An
 * input that begins with 'x' is instead a value, any bytes, filled into a
 * flat ODT template (.fodt) in text and in an attribute: the document must
 * stay well-formed XML, as an XML reader (LibreOffice) takes it. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ibmkit.h"
#include "template.h"

#include <expat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The value in a flat ODT document, read back by expat. */
static void fodt(const uint8_t *data, size_t size)
{
	static const char doc[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<office:document xmlns:office=\"urn:o\" xmlns:text=\"urn:t\">"
		"<text:p text:style-name=\"{{nilai}}\">{{nilai}} {{{kosong}}}"
		"</text:p></office:document>\n";
	tpl *t = tpl_parse("surat.fodt", doc, sizeof doc - 1);
	tpl_obj *o = tpl_obj_new();
	char *v = ibm_xstrndup((const char *)data, size);
	tpl_buf b = { 0 };
	XML_Parser p = XML_ParserCreate(NULL);

	if (!t || !p)
		abort();
	tpl_obj_set(o, "nilai", v);
	tpl_obj_set(o, "kosong", "");
	if (tpl_render(t, o, &b) != 0)
		abort();
	if (XML_Parse(p, b.s, (int)b.n, 1) != XML_STATUS_OK) {
		fprintf(stderr, "not well-formed: %s\n",
			XML_ErrorString(XML_GetErrorCode(p)));
		abort();
	}
	XML_ParserFree(p);
	free(b.s);
	free(v);
	tpl_obj_free(o);
	tpl_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static tpl_obj *root;
	tpl *t;

	if (!root) {
		tpl_field *l;
		tpl_obj *it;

		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1); /* errors still show */
		root = tpl_obj_new();
		tpl_obj_set(root, "nama", "Andi <&>");
		tpl_obj_set(root, "x", "");
		l = tpl_obj_list(root, "peserta");
		it = tpl_list_add(l);
		tpl_obj_set(it, "nama", "Siti");
		tpl_obj_set(tpl_list_proto(l), "nama", "");
		l = tpl_obj_list(root, "kop");
		tpl_list_add_text(l, "BNN");
		tpl_obj_list(root, "kosong");
	}
	if (size && data[0] == 'x') {
		fodt(data + 1, size - 1);
		return 0;
	}
	t = tpl_parse(size && data[0] == 'h' ? "f.html" : "f.md",
		      (const char *)data, size);
	if (t) {
		tpl_buf b = { 0 };

		tpl_render(t, root, &b);
		free(b.s);
		tpl_free(t);
	}
	return 0;
}
