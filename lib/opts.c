/* opts.c - option helpers shared by the tools' mains. */
#include "ibmkit.h"

#include <stdio.h>
#include <stdlib.h>

void ibm_print_version(void)
{
	printf("%s (ibmkit) %s\n", ibm_progname(), IBMKIT_VERSION);
	ibm_close_stdout();
	exit(IBM_EX_OK);
}
