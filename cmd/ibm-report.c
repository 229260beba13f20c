/* ibm-report - the Bimtek and Monev reports as Word documents. */
#include "ibmkit.h"
#include "report.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char synopsis[] =
	"usage: ibm-report bimtek -c event.conf [-qv] [-r report.conf] "
	"[-a agenda]\n"
	"                  [-d delim] --participants file --scores file\n"
	"                  --summary file [--items file] [--survey file] "
	"[--spj file]\n"
	"                  [--photos dir] [--reference file.docx] "
	"[--sheet name]\n"
	"                  [--header-row n] [--column role=header] "
	"[--columns file]\n"
	"                  [--strict] -o file.docx\n"
	"       ibm-report monev [-qv] [-c event.conf] [-r report.conf] "
	"[-d delim]\n"
	"                  --units file [--db file] [--photos dir]\n"
	"                  [--reference file.docx] [--sheet name] "
	"[--header-row n]\n"
	"                  [--column role=header] [--columns file] "
	"[--strict]\n"
	"                  -o file.docx\n"
	"       ibm-report -h | --version\n";

static const char options[] =
	"\n"
	"  -c, --event=FILE        event file of ibm-invite (letterhead, "
	"event,\n"
	"                          signatory); required for bimtek\n"
	"  -r, --report=FILE       report file: what only people know\n"
	"  -a, --agenda=FILE       agenda, CSV or workbook (bimtek)\n"
	"      --participants=FILE ibm-invite's output, CSV or workbook "
	"(bimtek)\n"
	"      --scores=FILE       ibm-score --pre/--post output (bimtek)\n"
	"      --summary=FILE      ibm-score --summary file (bimtek)\n"
	"      --items=FILE        ibm-score --items file (bimtek)\n"
	"      --survey=FILE       ibm-survey's output: Evaluasi Penyelenggaraan\n"
	"                          (bimtek)\n"
	"      --spj=FILE          ibm-spj's output: Realisasi Pembayaran\n"
	"                          (bimtek)\n"
	"      --units=FILE        ibm-monev's output, CSV or workbook "
	"(monev)\n"
	"      --db=FILE           the earlier periods from the database "
	"(ibm-db; monev)\n"
	"      --photos=DIR        a Dokumentasi attachment of its JPEG/PNG "
	"files\n"
	"      --reference=FILE    take styles (and header) of this .docx\n"
	"  -o, --output=FILE       the .docx to write\n"
	"      --strict            an optional cell that cannot be read is an "
	"error\n"
	"  -d, --delimiter=C       input delimiter; default: detected\n"
	"  -q, --quiet             no warnings\n"
	"  -h, --help              this help\n"
	"      --version           print the version\n"
	IBM_INPUT_HELP;

enum {
	O_PARTICIPANTS = 256, O_SCORES, O_SUMMARY, O_ITEMS, O_UNITS, O_DB,
	O_PHOTOS, O_REFERENCE, O_SURVEY, O_STRICT, O_SPJ
};

static const struct option longopts[] = {
	{ "event", required_argument, NULL, 'c' },
	{ "report", required_argument, NULL, 'r' },
	{ "agenda", required_argument, NULL, 'a' },
	{ "output", required_argument, NULL, 'o' },
	{ "participants", required_argument, NULL, O_PARTICIPANTS },
	{ "scores", required_argument, NULL, O_SCORES },
	{ "summary", required_argument, NULL, O_SUMMARY },
	{ "items", required_argument, NULL, O_ITEMS },
	{ "survey", required_argument, NULL, O_SURVEY },
	{ "spj", required_argument, NULL, O_SPJ },
	{ "units", required_argument, NULL, O_UNITS },
	{ "db", required_argument, NULL, O_DB },
	{ "photos", required_argument, NULL, O_PHOTOS },
	{ "reference", required_argument, NULL, O_REFERENCE },
	{ "strict", no_argument, NULL, O_STRICT },
	IBM_OPT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

/* A file option given twice is a usage error (ibm_opt_file). */
#define ONCE(var, opt) ibm_opt_file(&(var), opt, optarg)

int main(int argc, char **argv)
{
	rp_opts o;
	const char *kind;
	int c, st, bimtek;

	ibm_diag_init("ibm-report");
	memset(&o, 0, sizeof o);
	ibm_opt_init(argc, argv, synopsis, options);
	while ((c = getopt_long(argc, argv, ":c:r:a:o:d:qhv", longopts,
				NULL)) != -1) {
		switch (c) {
		case 'c': ONCE(o.event, "-c"); break;
		case 'r': ONCE(o.report, "--report"); break;
		case 'a': ONCE(o.agenda, "--agenda"); break;
		case 'o': ONCE(o.output, "--output"); break;
		case O_PARTICIPANTS:
			ONCE(o.participants, "--participants");
			break;
		case O_SCORES: ONCE(o.scores, "--scores"); break;
		case O_SUMMARY: ONCE(o.summary, "--summary"); break;
		case O_ITEMS: ONCE(o.items, "--items"); break;
		case O_SURVEY: ONCE(o.survey, "--survey"); break;
		case O_SPJ: ONCE(o.spj, "--spj"); break;
		case O_UNITS: ONCE(o.units, "--units"); break;
		case O_DB: ONCE(o.db, "--db"); break;
		case O_PHOTOS: ONCE(o.photos, "--photos"); break;
		case O_REFERENCE: ONCE(o.reference, "--reference"); break;
		case O_STRICT: o.strict = 1; break;
		default: ibm_opt_common(c, argv, &o.csv);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		ibm_usage_error("which report? bimtek or monev");
	kind = argv[0];
	if (strcmp(kind, "bimtek") != 0 && strcmp(kind, "monev") != 0)
		ibm_usage_error("unknown report: %s (bimtek or monev)", kind);
	if (argc > 1)
		ibm_usage_error("unexpected argument: %s", argv[1]);
	bimtek = strcmp(kind, "bimtek") == 0;
	if (!o.output)
		ibm_usage_error("-o file.docx is required");
	if (bimtek) {
		if (!o.event)
			ibm_usage_error("bimtek needs the event file (-c)");
		if (!o.participants || !o.scores || !o.summary)
			ibm_usage_error("bimtek needs --participants, "
					"--scores and --summary");
		if (o.units || o.db)
			ibm_usage_error("--units and --db are for the monev "
					"report");
	} else {
		if (!o.units)
			ibm_usage_error("monev needs --units");
		if (o.participants || o.scores || o.summary || o.items ||
		    o.agenda || o.survey || o.spj)
			ibm_usage_error("--participants, --scores, "
					"--summary, --items, --survey, --spj "
					"and -a are for the bimtek report");
	}
	/* the document must not replace an input, nor be named as another
	 * format */
	ibm_out_note_input(o.event);
	ibm_out_note_input(o.report);
	ibm_out_note_input(o.agenda);
	ibm_out_note_input(o.participants);
	ibm_out_note_input(o.scores);
	ibm_out_note_input(o.summary);
	ibm_out_note_input(o.items);
	ibm_out_note_input(o.survey);
	ibm_out_note_input(o.spj);
	ibm_out_note_input(o.units);
	ibm_out_note_input(o.db);
	ibm_out_note_input(o.reference);
	if (ibm_out_check("--output", o.output, IBM_FMT_DOCX) != 0)
		ibm_usage(IBM_EX_USAGE);
	rp_inputs_strict(o.strict);
	st = bimtek ? rp_bimtek(&o) : rp_monev(&o);
	ibm_close_stdout();
	return st;
}
