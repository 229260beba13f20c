/* opts.c - option helpers shared by the tools' mains. */
#include "ibmkit.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

void ibm_print_version(void)
{
	printf("%s (ibmkit) %s\n", ibm_progname(), IBMKIT_VERSION);
	ibm_close_stdout();
	exit(IBM_EX_OK);
}

void ibm_opt_error(int c, char *const *argv)
{
	if (c == ':')
		ibm_error(NULL, 0, "option %s needs a value", argv[optind - 1]);
	else if (optopt > 0 && optopt < 128)
		ibm_error(NULL, 0, "unknown option -%c", optopt);
	else
		ibm_error(NULL, 0, "unknown option %s", argv[optind - 1]);
}
