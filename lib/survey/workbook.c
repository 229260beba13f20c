/* workbook.c - stub */
#include "survey.h"
void sv_write_report(const sv_result *r, const sv_data *d, const char *path,
		     const char *title)
{
	(void)r; (void)d; (void)path; (void)title;
}
