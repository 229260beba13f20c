/* temporary stubs */
#include "invite.h"
void inv_templates(const invite *iv, const char *tpl, const char *outdir,
		   const char *pattern, inv_outs *outs) { (void)iv; (void)tpl; (void)outdir; (void)pattern; (void)outs; }
