/* fuzz_template.c - the template engine of ibm-invite (template.c): any
 * bytes are parsed and, when they parse, rendered with sample keys. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ibmkit.h"
#include "template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
