/* fuzz_report_docx.c - what ibm-report reads from files it does not make:
 * image headers (photos, logo), a reference document's styles.xml,
 * document.xml and its relationships; and the Indonesian number format
 * over any double. Any bytes must give an answer, never a crash. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "ibmkit.h"
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *mid, *t;
	long w, h;
	int first;
	double v;
	char buf[64];

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	(void)docx_image_info(data, size, &w, &h);
	free(docx_styles_merge(s));
	/* document and relationships: the text before and after the middle */
	mid = s + strlen(s) / 2;
	t = strdup(mid);
	if (t) {
		*mid = '\0';
		free(docx_ref_header(s, t, &first));
		free(docx_ref_header(t, s, &first));
		free(t);
	}
	if (size >= sizeof v) {
		memcpy(&v, data, sizeof v);
		rp_num(buf, sizeof buf, v, (int)(data[size - 1] % 8),
		       data[size - 1] & 8);
		rp_num(buf, 4, v, 2, 1);
		rp_pval(buf, sizeof buf, v);
	}
	free(s);
	return 0;
}
