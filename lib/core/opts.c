/* opts.c - option helpers shared by the tools' mains. */
#include "ibmkit.h"
#include "port.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *usage_synopsis = "", *usage_options = "";

void ibm_opt_init(int argc, char **argv, const char *synopsis,
		  const char *options)
{
	usage_synopsis = synopsis;
	usage_options = options;
	opterr = 0; /* ibm_opt_error says what is wrong */
	ibm_opt_help_arg(argc, argv);
}

void ibm_usage(int status)
{
	fputs(usage_synopsis, status ? stderr : stdout);
	if (status == 0) {
		fputs(usage_options, stdout);
		ibm_close_stdout(); /* --help >/dev/full is an error */
	}
	exit(status);
}

void ibm_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ibm_vmsg(1, NULL, 0, fmt, ap);
	va_end(ap);
	ibm_usage(IBM_EX_USAGE);
}

void ibm_opt_common(int c, char *const *argv, ibm_csv_opts *o)
{
	switch (c) {
	case 'q':
		ibm_diag_set_quiet(1);
		return;
	case 'd':
		o->delim = ibm_csv_parse_delim(optarg);
		if (o->delim < 0)
			ibm_usage_error("bad delimiter: %s", optarg);
		return;
	case 'h':
		ibm_usage(IBM_EX_OK);
	case IBM_OPT_VERSION:
		ibm_print_version();
	}
	switch (ibm_input_opt(c, optarg, o)) {
	case 1:
		return;
	case 0:
		ibm_opt_error(c, argv);
	}
	ibm_usage(IBM_EX_USAGE);
}

void ibm_print_version(void)
{
	printf("%s (ibmkit) %s\n", ibm_progname(), IBMKIT_VERSION);
	ibm_close_stdout();
	exit(IBM_EX_OK);
}

void ibm_opt_error(int c, char *const *argv)
{
	/* "--version=1": glibc answers '?', MinGW's getopt_long ':' for a
	 * value given to an option that takes none; an option that takes
	 * one never misses it after '=' */
	int valued = strncmp(argv[optind - 1], "--", 2) == 0 &&
		     strchr(argv[optind - 1], '=') != NULL;

	if (c == ':' && !valued)
		ibm_error(NULL, 0, "option %s needs a value", argv[optind - 1]);
	else if (c == ':')
		ibm_error(NULL, 0, "unknown option %s", argv[optind - 1]);
	else if (optopt > 0 && optopt < 128)
		ibm_error(NULL, 0, "unknown option -%c", optopt);
	else
		ibm_error(NULL, 0, "unknown option %s", argv[optind - 1]);
}

void ibm_opt_file(const char **slot, const char *opt, const char *arg)
{
	if (*slot)
		ibm_usage_error("%s given twice (%s, then %s); it takes one "
				"file", opt, *slot, arg);
	*slot = arg;
}

void ibm_opt_outputs(const char *opt, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ibm_out_check(opt, names[i],
				  ibm_fmt_of_name(names[i])) != 0)
			ibm_usage(IBM_EX_USAGE);
}

void ibm_opt_help_arg(int argc, char **argv)
{
	static char help[] = "--help";

	for (int i = 1; i < argc; i++)
		if (ibm_help_arg(argv[i]))
			argv[i] = help;
}

int ibm_input_opt(int c, const char *arg, ibm_csv_opts *o)
{
	long n;

	switch (c) {
	case IBM_OPT_SHEET:
		if (!arg || !*arg) {
			ibm_error(NULL, 0, "--sheet needs a sheet name or "
				  "number");
			return -1;
		}
		o->sheet = arg;
		return 1;
	case IBM_OPT_COLUMN:
		return ibm_col_given(arg, NULL) == 0 ? 1 : -1;
	case IBM_OPT_COLUMNS: {
		ibm_csv_opts mo = { 0 };
		int st;

		mo.delim = o->delim;
		st = ibm_col_map_read(arg, &mo);
		if (st)
			exit(st);
		return 1;
	}
	case 'v':
		ibm_diag_set_verbose(1);
		return 1;
	case IBM_OPT_HEADER_ROW:
		if (ibm_parse_count(arg, &n) != 0 || n < 1 || n > 1048576) {
			ibm_error(NULL, 0, "--header-row takes a line or row "
				  "number (1 to 1048576), not \"%s\"", arg);
			return -1;
		}
		o->header_row = n;
		return 1;
	}
	return 0;
}
