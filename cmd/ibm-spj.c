/*
 * ibm-spj - the payment papers of a bimtek: the payments of the
 * participants and speakers with the income tax withheld (CSV), the
 * daftar nominatif to sign, and the speakers' receipts (kuitansi).
 *
 *   ibm-spj -c event.conf --rates tarif.csv [--participants file]
 *           [--speakers file] [--list file] [--receipts file]
 */
#include "ibmkit.h"
#include "spj.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char synopsis[] =
	"usage: ibm-spj -c file -r rates.csv [-t tax.conf] [-s key=value]\n"
	"               [-p participants.csv [-a attendance.csv]] "
	"[-n speakers.csv]\n"
	"               [-l list.pdf|.html|.xlsx] "
	"[-k receipts.pdf|.html] [--combine]\n"
	"               [--strict] [-eqv] [-d delim] [--sheet name] "
	"[--header-row n]\n"
	"               [--column role=header] [--columns file]\n"
	"       ibm-spj -h | --version\n";

/* The options, printed by --help after the synopsis. */
static const char options[] =
	"\n"
	"  -c, --config=FILE        event file (key = value), "
	"with the budget keys\n"
	"  -s, --set=KEY=VALUE      set an event key "
	"(overrides the file)\n"
	"  -r, --rates=FILE         the rates (jenis, kategori, "
	"satuan, tarif, batas)\n"
	"  -t, --tax=FILE           the PPh 21 rules (default: "
	"see ibm-spj(5))\n"
	"  -p, --participants=FILE  the participants, with "
	"the days attended\n"
	"  -a, --attendance=FILE    the days attended "
	"(participant_id or nama,\n"
	"                           hari_hadir)\n"
	"  -n, --speakers=FILE      the speakers (nama, "
	"golongan, status, kategori, jp)\n"
	"  -l, --list=FILE          the daftar nominatif: PDF, "
	"HTML or .xlsx; may be\n"
	"                           repeated\n"
	"  -k, --receipts=FILE      the speakers' receipts: "
	"PDF or HTML; may be repeated\n"
	"      --combine            one table for the "
	"participants' kinds, one receipt\n"
	"                           per speaker\n"
	"      --strict             warnings are errors: "
	"nothing is written\n"
	"  -e, --excel              CSV output for Indonesian "
	"Excel\n"
	"  -d, --delimiter=C        input delimiter; default: "
	"detected\n"
	"  -q, --quiet              no warnings\n"
	"  -h, --help               this help\n"
	"      --version            print the version\n"
	IBM_INPUT_HELP;

enum { OPT_STRICT = 256, OPT_COMBINE };

static const struct option longopts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "set", required_argument, NULL, 's' },
	{ "rates", required_argument, NULL, 'r' },
	{ "tax", required_argument, NULL, 't' },
	{ "participants", required_argument, NULL, 'p' },
	{ "attendance", required_argument, NULL, 'a' },
	{ "speakers", required_argument, NULL, 'n' },
	{ "list", required_argument, NULL, 'l' },
	{ "receipts", required_argument, NULL, 'k' },
	{ "combine", no_argument, NULL, OPT_COMBINE },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "excel", no_argument, NULL, 'e' },
	IBM_OPT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

/* A file option given twice is a usage error (ibm_opt_file). */
#define ONCE(var, opt) ibm_opt_file(&(var), opt, optarg)

int main(int argc, char **argv)
{
	ibm_csv_opts o = { 0 };
	spj_run r;
	ibm_event *ev;
	const char *config = NULL, *rates = NULL, *tax = NULL;
	const char *parts = NULL, *att = NULL, *speakers = NULL;
	const char **sets, **lists, **recs;
	size_t nsets = 0, nlists = 0, nrecs = 0;
	int excel = 0, c, pdf = 0, st;

	ibm_diag_init("ibm-spj");
	ibm_opt_init(argc, argv, synopsis, options);
	memset(&r, 0, sizeof r);
	sets = ibm_xcalloc((size_t)argc + 1, sizeof *sets);
	lists = ibm_xcalloc((size_t)argc + 1, sizeof *lists);
	recs = ibm_xcalloc((size_t)argc + 1, sizeof *recs);
	while ((c = getopt_long(argc, argv, ":c:s:r:t:p:a:n:l:k:ed:qvh",
				longopts, NULL)) != -1) {
		switch (c) {
		case 'c': ONCE(config, "-c"); break;
		case 's': sets[nsets++] = optarg; break;
		case 'r': ONCE(rates, "--rates"); break;
		case 't': ONCE(tax, "--tax"); break;
		case 'p': ONCE(parts, "--participants"); break;
		case 'a': ONCE(att, "--attendance"); break;
		case 'n': ONCE(speakers, "--speakers"); break;
		case 'l':
			if (!ends_with(optarg, ".pdf") &&
			    !ends_with(optarg, ".html") &&
			    !ends_with(optarg, ".htm") &&
			    !ends_with(optarg, ".xlsx"))
				ibm_usage_error("--list: the file name must "
						"end in .pdf, .html or .xlsx: "
						"%s", optarg);
			lists[nlists++] = optarg;
			break;
		case 'k':
			if (!ends_with(optarg, ".pdf") &&
			    !ends_with(optarg, ".html") &&
			    !ends_with(optarg, ".htm"))
				ibm_usage_error("--receipts: the file name "
						"must end in .pdf or .html: %s",
						optarg);
			recs[nrecs++] = optarg;
			break;
		case OPT_COMBINE: r.combine = 1; break;
		case OPT_STRICT: r.diag.strict = 1; break;
		case 'e': excel = 1; break;
		default: ibm_opt_common(c, argv, &o);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 0)
		ibm_usage_error("unexpected argument: %s (inputs are named by "
				"options)", argv[0]);
	if (!config)
		ibm_usage_error("no event file given (-c FILE)");
	if (!rates)
		ibm_usage_error("no rates given (--rates FILE)");
	if (!parts && !speakers)
		ibm_usage_error("nobody to pay: --participants or --speakers");
	if (att && !parts)
		ibm_usage_error("--attendance goes with --participants");
	if (nrecs && !speakers)
		ibm_usage_error("--receipts are the speakers': --speakers is "
				"needed");

	/* outputs: names that match their formats, none an input */
	ibm_out_note_input(config);
	ibm_out_note_input(rates);
	ibm_out_note_input(tax);
	ibm_out_note_input(parts);
	ibm_out_note_input(att);
	ibm_out_note_input(speakers);
	ibm_opt_outputs("--list", lists, nlists);
	ibm_opt_outputs("--receipts", recs, nrecs);

	/* every input read and every payment made before anything is
	 * written */
	ev = ibm_event_new();
	ibm_event_xload(ev, config);
	for (size_t i = 0; i < nsets; i++)
		if (ibm_event_set(ev, sets[i]) != 0)
			ibm_usage_error("-s: expected key=value: %s", sets[i]);
	if ((st = spj_event_init(&r.ev, ev)))
		exit(st);
	ibm_out_note_input(r.ev.office.logo);
	ibm_out_note_input(r.ev.office.font);
	ibm_out_note_input(r.ev.office.font_bold);
	spj_tax_defaults(&r.tax);
	if (tax)
		spj_tax_read(&r.tax, tax);
	spj_rates_read(&r.rates, rates, &o, &r.diag);
	if (parts) {
		spj_read_participants(&r.people, parts, &o, &r.diag, &r.ev);
		if (att)
			spj_read_attendance(&r.people, att, &o, &r.diag,
					    &r.ev);
		else if (!r.people.days_col)
			ibm_die(IBM_EX_DATAERR, r.people.psrc, 0, "no days "
				"attended: a column hari_hadir (or hari, "
				"days), or --attendance FILE");
	}
	if (speakers)
		spj_read_speakers(&r.people, speakers, &o, &r.diag, &r.rates);
	spj_compute(&r);
	if (r.diag.errors) {
		if (r.diag.strict)
			ibm_error(NULL, 0, "--strict: %zu warning%s taken as "
				  "error%s; nothing written", r.diag.errors,
				  r.diag.errors > 1 ? "s" : "",
				  r.diag.errors > 1 ? "s" : "");
		exit(IBM_EX_DATAERR);
	}
	for (size_t i = 0; i < nlists; i++)
		pdf |= ends_with(lists[i], ".pdf");
	for (size_t i = 0; i < nrecs; i++)
		pdf |= ends_with(recs[i], ".pdf");
	if (pdf)
		spj_check_text(&r);

	for (size_t i = 0; i < nlists; i++) {
		if (ends_with(lists[i], ".xlsx"))
			spj_list_xlsx(&r, lists[i]);
		else
			spj_list_doc(&r, lists[i]);
	}
	for (size_t i = 0; i < nrecs; i++)
		spj_receipts(&r, recs[i]);
	if (spj_write_csv(&r, stdout, excel) != 0 || fflush(stdout) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write "
			      "error");
	spj_run_free(&r);
	ibm_event_free(ev);
	free(sets);
	free(lists);
	free(recs);
	ibm_close_stdout();
	return 0;
}
