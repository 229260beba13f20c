/* workbook.c - the daftar nominatif as an Excel workbook. */
#include "spj.h"

ibm_atomic *spj_list_xlsx(const spj_run *r, const char *path)
{
	(void)r;
	return ibm_atomic_open(path);
}
