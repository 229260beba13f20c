/*
 * ibm-survey - the participants' evaluation of a bimtek: the satisfaction
 * index (IKM, PermenPAN-RB 14/2017), the speakers and the organisation,
 * from the evaluation form's export.
 *
 *   ibm-survey [-eqv] [-d delim] [-s spec] [-w weight] [-p n|file]
 *              [--summary file] [-r file.xlsx] [-t title] [--strict]
 *              [--sheet s] [--header-row n] [file ...]
 *   ibm-survey --print-spec dir [--force]
 */
#include "survey.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char synopsis[] =
	"usage: ibm-survey [-eqv] [-d delim] [-s spec] [-w weight] "
	"[-p n|file]\n"
	"                  [--summary file] [-r file.xlsx] [-t title] "
	"[--strict]\n"
	"                  [--sheet name] [--header-row n] "
	"[--column role=header]\n"
	"                  [--columns file] [file ...]\n"
	"       ibm-survey --print-spec dir [--force]\n"
	"       ibm-survey -h | --version\n";

/* The options, printed by --help after the synopsis. */
static const char options[] =
	"\n"
	"  -s, --spec=FILE       what the form asks, the answer "
	"words and the bands\n"
	"                        (CSV; default: built in, see "
	"--print-spec)\n"
	"  -w, --weight=W        every element's weight as "
	"rounded in practice\n"
	"                        (0.111); default: exactly 1 / "
	"elements\n"
	"  -p, --participants=N|FILE  the number of participants,"
	" or their list\n"
	"                        (CSV or workbook): the response "
	"rate\n"
	"      --summary=FILE    write the index, its band, the "
	"weight, the\n"
	"                        respondents and the response "
	"rate (CSV)\n"
	"  -r, --report=FILE     write the print-ready workbook "
	"(xlsx)\n"
	"  -t, --title=TEXT      the event, under the workbook's "
	"titles\n"
	"      --strict          an answer that cannot be read is "
	"an error\n"
	"  -P, --print-spec=DIR  write the default spec to "
	"DIR/survey.csv\n"
	"  -f, --force           --print-spec replaces an "
	"existing file\n"
	"  -d, --delimiter=C     input delimiter (, ; tab |); "
	"default: detected\n"
	"  -e, --excel           CSV for Indonesian Excel "
	"(; , CRLF BOM)\n"
	"  -q, --quiet           no warnings\n"
	"  -h, --help            this help\n"
	"      --version         print the version\n"
	IBM_INPUT_HELP;

enum { O_SUMMARY = 256, O_STRICT };

static const struct option longopts[] = {
	{ "spec", required_argument, NULL, 's' },
	{ "weight", required_argument, NULL, 'w' },
	{ "participants", required_argument, NULL, 'p' },
	{ "summary", required_argument, NULL, O_SUMMARY },
	{ "report", required_argument, NULL, 'r' },
	{ "title", required_argument, NULL, 't' },
	{ "strict", no_argument, NULL, O_STRICT },
	{ "print-spec", required_argument, NULL, 'P' },
	{ "force", no_argument, NULL, 'f' },
	{ "excel", no_argument, NULL, 'e' },
	IBM_OPT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

/* --participants: a count, or a file of one row per participant. */
static long participants_of(const char *arg, const char **file)
{
	long n;

	*file = NULL;
	if (ibm_parse_count(arg, &n) == 0 && !ibm_out_exists(arg)) {
		if (n < 1)
			ibm_usage_error("--participants takes a number "
					"above 0 or a file, not \"%s\"", arg);
		return n;
	}
	*file = arg;
	return 0;
}

static long count_rows(const char *path, const ibm_csv_opts *run)
{
	/* a side input: its header the first row with a name, if any */
	static const ibm_colspec name[] = {
		{ "nama|nama lengkap|nama peserta|name|full name|participant",
		  0, "nama" },
	};
	ibm_csv_opts o = *run;
	ibm_csv *r;
	const ibm_rec *rec;
	long n = 0;

	o.allow_empty = 0;
	r = ibm_csv_xopen_side(path, &o, name, 1);
	/* a row with something in it */
	while (ibm_csv_xread(r, &rec) > 0) {
		size_t i = 0;

		while (i < rec->n && !*ibm_trim(rec->f[i]))
			i++;
		n += i < rec->n;
	}
	ibm_csv_close(r);
	if (n == 0)
		ibm_die(IBM_EX_DATAERR, path, 0, "no participants");
	return n;
}

/* A file option given twice is a usage error (ibm_opt_file). */
#define ONCE(var, opt) ibm_opt_file(&(var), opt, optarg)

int main(int argc, char **argv)
{
	const char *spec = NULL, *print = NULL, *summary = NULL, *report = NULL;
	const char *title = NULL, *plist = NULL;
	char *stdin_only[] = { "-" };
	double weight = 0;
	long participants = -1;
	int excel = 0, strict = 0, force = 0, verbose = 0, c, st;
	ibm_csv_opts csv = { 0 };
	sv_spec s;
	sv_data d;
	sv_result r;

	ibm_diag_init("ibm-survey");
	ibm_opt_init(argc, argv, synopsis, options);
	while ((c = getopt_long(argc, argv, ":s:w:p:r:t:P:fd:evqh", longopts,
				NULL)) != -1) {
		switch (c) {
		case 's': ONCE(spec, "--spec"); break;
		case 'w':
			if (ibm_parse_number(optarg, &weight, 0) != 0 ||
			    !(weight > 0 && weight <= 1))
				ibm_usage_error("--weight takes a number "
						"above 0 and at most 1, not "
						"\"%s\"", optarg);
			break;
		case 'p':
			participants = participants_of(optarg, &plist);
			break;
		case O_SUMMARY: ONCE(summary, "--summary"); break;
		case 'r': ONCE(report, "--report"); break;
		case 't': title = optarg; break;
		case O_STRICT: strict = 1; break;
		case 'P': ONCE(print, "--print-spec"); break;
		case 'f': force = 1; break;
		case 'e': excel = 1; break;
		case 'v': verbose = 1; break; /* its own: every column */
		default: ibm_opt_common(c, argv, &csv);
		}
	}
	argc -= optind;
	argv += optind;
	if (print) {
		if (argc > 0 || spec || summary || report || title ||
		    participants >= 0 || weight > 0)
			ibm_usage_error("--print-spec goes without files and "
					"the other options");
		sv_spec_print(print, force);
		ibm_close_stdout();
		return 0;
	}
	if (force)
		ibm_usage_error("--force goes with --print-spec");
	if (title && !report)
		ibm_usage_error("--title goes with --report");
	if (argc == 0) {
		argv = stdin_only;
		argc = 1;
	}
	/* outputs: names that match their formats, none an input */
	ibm_out_note_input(spec);
	ibm_out_note_input(plist);
	for (int i = 0; i < argc; i++)
		ibm_out_note_input(argv[i]);
	if (summary && ibm_out_check("--summary", summary, IBM_FMT_CSV) != 0)
		ibm_usage(IBM_EX_USAGE);
	if (report && ibm_out_check("--report", report, IBM_FMT_XLSX) != 0)
		ibm_usage(IBM_EX_USAGE);

	sv_spec_load(&s, spec);
	if (plist)
		participants = count_rows(plist, &csv);
	sv_data_init(&d, &s);
	csv.strict = strict;
	d.csv = csv;
	d.strict = strict;
	d.verbose = verbose;
	for (int i = 0; i < argc; i++)
		sv_read(&d, argv[i]);
	if (strict && d.bad_cells)
		ibm_die(IBM_EX_DATAERR, NULL, 0, "%ld cell%s could not be "
			"read (--strict)", d.bad_cells,
			d.bad_cells == 1 ? "" : "s");
	st = sv_compute(&d, weight, participants, &r);
	if (st)
		exit(st);
	if (weight > 0 && r.nunsur &&
	    fabs(weight * (double)r.nunsur - 1) > 0.05)
		ibm_warn(NULL, 0, "--weight %g with %zu elements: the weights "
			 "add up to %g, not 1", weight, r.nunsur,
			 weight * (double)r.nunsur);
	if (participants > 0 && r.respondents > participants)
		ibm_warn(plist, 0, "%ld respondents, but %ld participants",
			 r.respondents, participants);
	/* the files first: one that cannot be made ends the run before
	 * standard output has anything (they appear with it, complete) */
	if (summary)
		sv_write_summary(&r, summary, excel);
	if (report)
		sv_write_report(&r, &d, report, title);
	sv_write_csv(&r, stdout, excel);
	sv_result_free(&r);
	sv_data_free(&d);
	sv_spec_free(&s);
	ibm_close_stdout();
	return 0;
}
