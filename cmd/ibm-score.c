/* ibm-score - score pre/post tests from Google Forms exports. */
#include "ibmkit.h"
#include "score.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char synopsis[] =
	"usage: ibm-score [-eqv] [-d delim] [-k key] [--exact] "
	"[--pass percent]\n"
	"                 [--keep column] [--summary file] [--items file]\n"
	"                 [--report file.xlsx] [--sheet name] "
	"[--header-row n]\n"
	"                 [--column role=header] [--columns file] "
	"[responses]\n"
	"       ibm-score [-eqv] [-d delim] [-k key] [--post-key key] "
	"--pre file\n"
	"                 --post file [--match column] [--fuzzy]\n"
	"                 [--duplicates first|last|best] [--exact]\n"
	"                 [--pass percent] [--keep column] [--summary file]\n"
	"                 [--items file] [--report file.xlsx]\n"
	"                 [--roster file] [--only both|passed] [--strict]\n"
	"                 [--sheet name] [--header-row n] "
	"[--column role=header]\n"
	"                 [--columns file]\n"
	"       ibm-score -h | --version\n";

/* The options, printed by --help after the synopsis. */
static const char options[] =
	"\n"
	"  responses              a Forms export, CSV or workbook (default: "
	"standard\n"
	"                         input)\n"
	"  -k, --key=FILE         answer key, CSV or workbook (else the "
	"export's own\n"
	"                         scores)\n"
	"      --post-key=FILE    answer key of the post-test if it differs\n"
	"      --pre=FILE         pre-test export, CSV or workbook "
	"(pre/post mode)\n"
	"      --post=FILE        post-test export, CSV or workbook "
	"(pre/post mode)\n"
	"      --match=COLUMN     match pre and post rows on this column\n"
	"      --fuzzy            also match names that differ a little\n"
	"      --duplicates=WHICH keep the first, last or best submission\n"
	"      --exact            compare answers byte for byte\n"
	"      --pass=PERCENT     passed column: score >= PERCENT of the "
	"maximum\n"
	"      --keep=COLUMN      carry an input column through (repeatable)\n"
	"      --summary=FILE     statistics as CSV\n"
	"      --items=FILE       item analysis as CSV (needs -k)\n"
	"      --report=FILE      report workbook (.xlsx)\n"
	"      --roster=FILE      participant list, CSV or workbook: one "
	"row per\n"
	"                         participant\n"
	"      --only=WHICH       with --roster: only those who took both "
	"tests,\n"
	"                         or passed\n"
	"      --strict           an e-mail, phone or timestamp that cannot "
	"be read\n"
	"                         (pre/post, roster) is an error\n"
	"  -d, --delimiter=C      input delimiter; default: detected\n"
	"  -e, --excel            CSV output for Indonesian Excel\n"
	"  -q, --quiet            no warnings\n"
	"  -h, --help             this help\n"
	"      --version          print the version\n"
	IBM_INPUT_HELP;

enum {
	O_EXACT = 256, O_PASS, O_KEEP, O_PRE, O_POST, O_POSTKEY, O_MATCH,
	O_FUZZY, O_DUP, O_SUMMARY, O_ITEMS, O_REPORT,
	O_ROSTER, O_ONLY, O_STRICT
};

static const struct option longopts[] = {
	{ "key", required_argument, NULL, 'k' },
	{ "excel", no_argument, NULL, 'e' },
	{ "exact", no_argument, NULL, O_EXACT },
	{ "pass", required_argument, NULL, O_PASS },
	{ "keep", required_argument, NULL, O_KEEP },
	{ "pre", required_argument, NULL, O_PRE },
	{ "post", required_argument, NULL, O_POST },
	{ "post-key", required_argument, NULL, O_POSTKEY },
	{ "match", required_argument, NULL, O_MATCH },
	{ "fuzzy", no_argument, NULL, O_FUZZY },
	{ "duplicates", required_argument, NULL, O_DUP },
	{ "summary", required_argument, NULL, O_SUMMARY },
	{ "items", required_argument, NULL, O_ITEMS },
	{ "report", required_argument, NULL, O_REPORT },
	{ "roster", required_argument, NULL, O_ROSTER },
	{ "only", required_argument, NULL, O_ONLY },
	{ "strict", no_argument, NULL, O_STRICT },
	IBM_OPT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

/* A file option given twice is a usage error (ibm_opt_file). */
#define ONCE(var, opt) ibm_opt_file(&(var), opt, optarg)

int main(int argc, char **argv)
{
	score_opts o = { 0 };
	int c, st;

	ibm_diag_init("ibm-score");
	o.dup = SCORE_DUP_FIRST;
	ibm_opt_init(argc, argv, synopsis, options);
	while ((c = getopt_long(argc, argv, ":k:d:eqhv", longopts, NULL)) !=
	       -1) {
		switch (c) {
		case 'k': ONCE(o.key, "--key"); break;
		case 'e': o.excel = 1; break;
		case O_EXACT: o.exact = 1; break;
		case O_PASS: {
			double v;
			char *a = ibm_xstrdup(optarg);
			size_t n = strlen(a);
			int e;

			if (n && a[n - 1] == '%') /* "70%" */
				a[n - 1] = '\0';
			e = ibm_parse_number(a, &v, 0);
			free(a);
			if (e != 0 || v < 0 || v > 100)
				ibm_usage_error("bad --pass percentage: %s "
						"(0 to 100)", optarg);
			o.has_pass = 1;
			o.pass = (long long)(v * SCORE_SCALE + 0.5);
			break;
		}
		case O_KEEP:
			o.keep = ibm_xrealloc(o.keep,
					      (o.nkeep + 1) * sizeof *o.keep);
			o.keep[o.nkeep++] = optarg;
			break;
		case O_PRE: ONCE(o.pre, "--pre"); break;
		case O_POST: ONCE(o.post, "--post"); break;
		case O_POSTKEY: ONCE(o.post_key, "--post-key"); break;
		case O_MATCH: ONCE(o.match, "--match"); break;
		case O_FUZZY: o.fuzzy = 1; break;
		case O_DUP:
			if (strcmp(optarg, "first") == 0)
				o.dup = SCORE_DUP_FIRST;
			else if (strcmp(optarg, "last") == 0)
				o.dup = SCORE_DUP_LAST;
			else if (strcmp(optarg, "best") == 0)
				o.dup = SCORE_DUP_BEST;
			else
				ibm_usage_error("bad --duplicates: %s (first, "
						"last or best)", optarg);
			break;
		case O_SUMMARY: ONCE(o.summary, "--summary"); break;
		case O_ITEMS: ONCE(o.items, "--items"); break;
		case O_REPORT: ONCE(o.report, "--report"); break;
		case O_ROSTER: ONCE(o.roster, "--roster"); break;
		case O_STRICT: o.strict = 1; break;
		case O_ONLY:
			if (strcmp(optarg, "both") == 0)
				o.only = SCORE_ONLY_BOTH;
			else if (strcmp(optarg, "passed") == 0)
				o.only = SCORE_ONLY_PASSED;
			else
				ibm_usage_error("bad --only: %s (both or "
						"passed)", optarg);
			break;
		default: ibm_opt_common(c, argv, &o.csv);
		}
	}
	argc -= optind;
	argv += optind;
	if (!o.pre != !o.post)
		ibm_usage_error("--pre and --post go together");
	if (o.pre && argc > 0)
		ibm_usage_error("no responses file with --pre/--post: %s",
				argv[0]);
	if (argc > 1)
		ibm_usage_error("one responses file at a time (got %s and "
				"more)", argv[1]);
	if (o.post_key && !o.pre)
		ibm_usage_error("--post-key needs --pre and --post");
	if (o.post_key && !o.key)
		ibm_usage_error("--post-key needs -k");
	if ((o.match || o.fuzzy || o.dup != SCORE_DUP_FIRST) && !o.pre)
		ibm_usage_error("--match, --fuzzy and --duplicates need --pre "
				"and --post");
	if ((o.roster || o.only || o.strict) && !o.pre)
		ibm_usage_error("--roster, --only and --strict need --pre and "
				"--post");
	if (o.only == SCORE_ONLY_PASSED && !o.has_pass)
		ibm_usage_error("--only passed needs --pass");
	if (o.items && !o.key)
		ibm_usage_error("--items needs an answer key (-k)");
	o.input = argc ? argv[0] : NULL;
	/* outputs: names that match their formats, none an input */
	ibm_out_note_input(o.key);
	ibm_out_note_input(o.post_key);
	ibm_out_note_input(o.pre);
	ibm_out_note_input(o.post);
	ibm_out_note_input(o.input);
	ibm_out_note_input(o.roster);
	if ((o.summary && ibm_out_check("--summary", o.summary,
					IBM_FMT_CSV) != 0) ||
	    (o.items && ibm_out_check("--items", o.items, IBM_FMT_CSV) != 0) ||
	    (o.report && ibm_out_check("--report", o.report,
				       IBM_FMT_XLSX) != 0))
		ibm_usage(IBM_EX_USAGE);
	st = score_run(&o);
	free(o.keep);
	ibm_close_stdout();
	return st;
}
