/*
 * ibm-invite - invitation letters, agenda and attendance sheets for a
 * bimtek, from a participant CSV and an event file.
 *
 *   ibm-invite -c event.conf [options] [peserta.csv]
 */
#include "db.h"
#include "ibmkit.h"
#include "invite.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void usage(int status)
{
	FILE *fp = status ? stderr : stdout;

	fprintf(fp,
		"usage: ibm-invite -c file [-Ceqv] [-s key=value] [-a agenda] "
		"[-d delim]\n"
		"                  [-A attendance.xlsx] [-b n] "
		"[-l letters.pdf|.html]\n"
		"                  [-t template -o dir [-n pattern]] [--strict]\n"
		"                  [--certificates file.pdf|.html] "
		"[--proper-case]\n"
		"                  [--order sprin.pdf|.html --staff file] "
		"[--register file]\n"
		"                  [--sheet name] [--header-row n] "
		"[--column role=header]\n"
		"                  [--columns file] [participants]\n"
		"       ibm-invite -h | --version\n");
	if (!status)
		fprintf(fp,
			"\n"
			"  participants           CSV or workbook (default: "
			"standard input)\n"
			"  -c, --config=FILE      event file (key = value)\n"
			"  -s, --set=KEY=VALUE    set an event key (overrides "
			"the file)\n"
			"  -a, --agenda=FILE      agenda, CSV or workbook (day, "
			"time, activity,\n"
			"                         speaker)\n"
			"  -A, --attendance=FILE  attendance workbook (.xlsx)\n"
			"  -b, --blank-rows=N     empty rows for walk-ins "
			"(default 5)\n"
			"  -l, --letters=FILE     letters as PDF (.pdf) or HTML "
			"(.html); repeatable\n"
			"  -C, --collective       one letter with a list of all "
			"invitees\n"
			"  -t, --template=FILE    your own letter template\n"
			"  -o, --out-dir=DIR      where template outputs go\n"
			"  -n, --name-pattern=P   template output names "
			"(default {{no}}-{{nama}}.EXT)\n"
			"  -d, --delimiter=C      input delimiter; default: "
			"detected\n"
			"  -e, --excel            CSV output for Indonesian "
			"Excel\n"
			"      --strict           duplicate participants and "
			"unreadable phones,\n"
			"                         e-mails or genders are errors\n"
			"      --certificates=FILE  certificates as PDF (.pdf) "
			"or HTML (.html),\n"
			"                         one page per participant; "
			"repeatable\n"
			"      --proper-case      names in capitals in proper "
			"case on certificates\n"
			"      --order=FILE       the Surat Perintah as PDF (.pdf) "
			"or HTML (.html);\n"
			"                         repeatable\n"
			"      --staff=FILE       the officers of the Surat "
			"Perintah (CSV or workbook)\n"
			"      --register=FILE    register of outgoing letters "
			"(CSV, or the ibm-db\n"
			"                         database): numbers continued "
			"from it, issued\n"
			"                         ones appended\n"
			"  -q, --quiet            no warnings\n"
			"  -h, --help             this help\n"
			"      --version          print the version\n"
			IBM_INPUT_HELP);
	if (!status)
		ibm_close_stdout(); /* --help >/dev/full is an error */
	exit(status);
}

/* A file option given twice is a usage error (ibm_opt_once). */
#define ONCE(var, opt) \
	do { \
		if (ibm_opt_once(&(var), opt, optarg) != 0) \
			usage(IBM_EX_USAGE); \
	} while (0)

enum { OPT_STRICT = 256, OPT_VERSION, OPT_CERTIFICATES, OPT_PROPER_CASE,
       OPT_ORDER, OPT_STAFF, OPT_REGISTER };

static const struct option longopts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "set", required_argument, NULL, 's' },
	{ "agenda", required_argument, NULL, 'a' },
	{ "attendance", required_argument, NULL, 'A' },
	{ "blank-rows", required_argument, NULL, 'b' },
	{ "letters", required_argument, NULL, 'l' },
	{ "collective", no_argument, NULL, 'C' },
	{ "template", required_argument, NULL, 't' },
	{ "out-dir", required_argument, NULL, 'o' },
	{ "name-pattern", required_argument, NULL, 'n' },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "excel", no_argument, NULL, 'e' },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "order", required_argument, NULL, OPT_ORDER },
	{ "staff", required_argument, NULL, OPT_STAFF },
	{ "register", required_argument, NULL, OPT_REGISTER },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	IBM_INPUT_LONGOPTS,
	{ "certificates", required_argument, NULL, OPT_CERTIFICATES },
	{ "proper-case", no_argument, NULL, OPT_PROPER_CASE },
	{ NULL, 0, NULL, 0 }
};

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

/* The invitations' numbers from the register (type "undangan"): one
 * letter per participant, or the collective letter. */
static void register_invitations(invite *iv, inv_register *reg)
{
	const inv_event *e = &iv->ev;
	int first_set = ibm_event_get(e->kv, "nomor_awal") != NULL;

	if (iv->collective) {
		const char *k = e->nomor_kolektif;
		long n = first_set ? e->nomor_awal : 0;
		const char *whole = NULL;

		if (k && ibm_parse_count(k, &n) != 0)
			whole = k;
		iv->collective_number = inv_register_number(reg, "undangan",
			k ? "nomor_kolektif" : "nomor_awal", e->nomor, whole,
			n, e->tanggal_surat, e->kepada, e->hal);
		for (size_t i = 0; i < iv->np; i++) {
			free(iv->p[i].letter_number);
			iv->p[i].letter_number =
				ibm_xstrdup(iv->collective_number);
		}
		return;
	}
	for (size_t i = 0; i < iv->np; i++) {
		inv_person *p = &iv->p[i];
		char *to = p->f[INV_KELURAHAN][0] ?
			ibm_xmalloc(strlen(p->f[INV_NAMA]) +
				    strlen(p->f[INV_KELURAHAN]) + 4) : NULL;

		if (to)
			sprintf(to, "%s (%s)", p->f[INV_NAMA],
				p->f[INV_KELURAHAN]);
		free(p->letter_number);
		p->letter_number = inv_register_number(reg, "undangan",
			"nomor_awal", e->nomor, NULL,
			first_set ? e->nomor_awal + (long)i : 0,
			e->tanggal_surat, to ? to : p->f[INV_NAMA], e->hal);
		free(to);
	}
}

int main(int argc, char **argv)
{
	ibm_csv_opts o = { 0 };
	invite iv;
	inv_outs outs = { 0 };
	ibm_event *ev;
	const char *config = NULL, *agenda = NULL, *attendance = NULL;
	const char *tpl = NULL, *outdir = NULL, *pattern = NULL;
	const char **letters = NULL, **sets = NULL, **orders = NULL;
	const char *staff = NULL, *regpath = NULL;
	size_t nletters = 0, nsets = 0, norders = 0;
	inv_order order;
	inv_register *reg = NULL;
	db_file *db = NULL;     /* --register with the database */
	char *regoffice = NULL; /* its letters' office */
	int regdb = 0;
	const char **certs = NULL;
	size_t ncerts = 0;
	int proper = 0;
	long blank = 5;
	int excel = 0, c, st;

	ibm_diag_init("ibm-invite");
	memset(&iv, 0, sizeof iv);
	letters = ibm_xcalloc((size_t)argc + 1, sizeof *letters);
	sets = ibm_xcalloc((size_t)argc + 1, sizeof *sets);
	certs = ibm_xcalloc((size_t)argc + 1, sizeof *certs);
	orders = ibm_xcalloc((size_t)argc + 1, sizeof *orders);
	memset(&order, 0, sizeof order);
	opterr = 0; /* ibm_opt_error says what is wrong */
	ibm_opt_help_arg(argc, argv);
	while ((c = getopt_long(argc, argv, ":c:s:a:A:b:l:Ct:o:n:d:eqhv",
				longopts, NULL)) != -1) {
		switch (c) {
		case 'c': ONCE(config, "-c"); break;
		case 's': sets[nsets++] = optarg; break;
		case 'a': ONCE(agenda, "--agenda"); break;
		case 'A': ONCE(attendance, "--attendance"); break;
		case 'b':
			if (ibm_parse_count(optarg, &blank) != 0 ||
			    blank > 1000) {
				ibm_error(NULL, 0, "--blank-rows: not a count "
					  "(0 to 1000): %s", optarg);
				usage(IBM_EX_USAGE);
			}
			break;
		case 'l':
			if (!ends_with(optarg, ".pdf") &&
			    !ends_with(optarg, ".html") &&
			    !ends_with(optarg, ".htm")) {
				ibm_error(NULL, 0, "--letters: the file name "
					  "must end in .pdf or .html: %s",
					  optarg);
				usage(IBM_EX_USAGE);
			}
			letters[nletters++] = optarg;
			break;
		case 'C': iv.collective = 1; break;
		case 't': ONCE(tpl, "--template"); break;
		case 'o': ONCE(outdir, "--out-dir"); break;
		case 'n': ONCE(pattern, "--name-pattern"); break;
		case 'd':
			o.delim = ibm_csv_parse_delim(optarg);
			if (o.delim < 0) {
				ibm_error(NULL, 0, "bad delimiter: %s", optarg);
				usage(IBM_EX_USAGE);
			}
			break;
		case 'e': excel = 1; break;
		case OPT_STRICT: iv.strict = 1; break;
		case OPT_CERTIFICATES:
			if (!ends_with(optarg, ".pdf") &&
			    !ends_with(optarg, ".html") &&
			    !ends_with(optarg, ".htm")) {
				ibm_error(NULL, 0, "--certificates: the file "
					  "name must end in .pdf or .html: %s",
					  optarg);
				usage(IBM_EX_USAGE);
			}
			certs[ncerts++] = optarg;
			break;
		case OPT_PROPER_CASE: proper = 1; break;
		case OPT_ORDER:
			if (!ends_with(optarg, ".pdf") &&
			    !ends_with(optarg, ".html") &&
			    !ends_with(optarg, ".htm")) {
				ibm_error(NULL, 0, "--order: the file name "
					  "must end in .pdf or .html: %s",
					  optarg);
				usage(IBM_EX_USAGE);
			}
			orders[norders++] = optarg;
			break;
		case OPT_STAFF: ONCE(staff, "--staff"); break;
		case OPT_REGISTER: ONCE(regpath, "--register"); break;
		case 'q': ibm_diag_set_quiet(1); break;
		case IBM_OPT_SHEET:
		case IBM_OPT_HEADER_ROW:
		case IBM_OPT_COLUMN:
		case IBM_OPT_COLUMNS:
		case 'v':
			if (ibm_input_opt(c, optarg, &o) < 0)
				usage(IBM_EX_USAGE);
			break;
		case 'h': usage(0); break;
		case OPT_VERSION: ibm_print_version();
		default:
			ibm_opt_error(c, argv);
			usage(IBM_EX_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1) {
		ibm_error(NULL, 0, "one participants file at most");
		usage(IBM_EX_USAGE);
	}
	if (!config) {
		ibm_error(NULL, 0, "no event file given (-c FILE)");
		usage(IBM_EX_USAGE);
	}
	if ((tpl != NULL) != (outdir != NULL) || (pattern && !tpl)) {
		ibm_error(NULL, 0, "--template and --out-dir go together "
			  "(--name-pattern with them)");
		usage(IBM_EX_USAGE);
	}

	if ((norders != 0) != (staff != NULL)) {
		ibm_error(NULL, 0, "--order and --staff go together");
		usage(IBM_EX_USAGE);
	}

	/* outputs: names that match their formats, none an input */
	ibm_out_note_input(staff);
	ibm_out_note_input(config);
	ibm_out_note_input(agenda);
	ibm_out_note_input(tpl);
	if (argc)
		ibm_out_note_input(argv[0]);
	if (attendance && ibm_out_check("--attendance", attendance,
					IBM_FMT_XLSX) != 0)
		usage(IBM_EX_USAGE);
	for (size_t i = 0; i < nletters; i++)
		if (ibm_out_check("--letters", letters[i],
				  ibm_fmt_of_name(letters[i])) != 0)
			usage(IBM_EX_USAGE);
	for (size_t i = 0; i < ncerts; i++)
		if (ibm_out_check("--certificates", certs[i],
				  ibm_fmt_of_name(certs[i])) != 0)
			usage(IBM_EX_USAGE);
	for (size_t i = 0; i < norders; i++)
		if (ibm_out_check("--order", orders[i],
				  ibm_fmt_of_name(orders[i])) != 0)
			usage(IBM_EX_USAGE);
	/* the register is a CSV file, or the database (ibm-db) */
	regdb = regpath && db_is_database(regpath);
	if (regpath && ibm_out_check("--register", regpath,
				     regdb ? IBM_FMT_ANY : IBM_FMT_CSV) != 0)
		usage(IBM_EX_USAGE);

	ev = ibm_event_new();
	ibm_event_xload(ev, config);
	for (size_t i = 0; i < nsets; i++)
		if (ibm_event_set(ev, sets[i]) != 0) {
			ibm_error(NULL, 0, "-s: expected key=value: %s",
				  sets[i]);
			usage(IBM_EX_USAGE);
		}
	inv_event_init(&iv.ev, ev);
	/* the event file's own inputs: never replaced by an output */
	ibm_out_note_input(iv.ev.office.logo);
	ibm_out_note_input(iv.ev.office.font);
	ibm_out_note_input(iv.ev.office.font_bold);
	if (ncerts) {
		iv.xspec = inv_cert_specs;
		iv.nx = inv_cert_nspecs;
		iv.certificates = 1;
	}
	inv_read_people(&iv, argc ? argv[0] : "-", &o);
	if (agenda)
		inv_read_agenda(&iv, agenda, &o);
	if ((st = inv_finish(&iv)) != 0)
		exit(st);
	if (staff) {
		inv_order_read_staff(&order, staff, &o);
		int pdf = 0;

		for (size_t i = 0; i < norders; i++)
			pdf |= ends_with(orders[i], ".pdf");
		inv_order_check(&iv, &order, pdf);
	}
	/* letter numbers: from the register, locked until the run ends */
	if (regdb) {
		regoffice = db_event_office(ev);
		if (!regoffice)
			regoffice = ibm_xstrdup("");
		db = db_register_open(regpath, regoffice, &reg);
		register_invitations(&iv, reg);
	} else if (regpath) {
		reg = inv_register_open(regpath);
		register_invitations(&iv, reg);
	}
	if (staff)
		order.nomor = inv_order_number(&iv, reg, &order);

	/* every output is written to a temporary file first */
	for (size_t i = 0; i < nletters; i++)
		if (ends_with(letters[i], ".pdf"))
			inv_pdf_check(&iv);
	for (size_t i = 0; i < ncerts; i++)
		inv_cert_check(&iv, ends_with(certs[i], ".pdf"));
	if (attendance)
		inv_attendance(&iv, attendance, (int)blank, &outs);
	for (size_t i = 0; i < nletters; i++) {
		if (ends_with(letters[i], ".pdf"))
			inv_letters_pdf(&iv, letters[i], &outs);
		else
			inv_letters_html(&iv, letters[i], &outs);
	}
	if (tpl)
		inv_templates(&iv, tpl, outdir, pattern, &outs);
	for (size_t i = 0; i < ncerts; i++)
		inv_certificates(&iv, certs[i], proper, &outs);
	for (size_t i = 0; i < norders; i++) {
		if (ends_with(orders[i], ".pdf"))
			inv_order_pdf(&iv, &order, orders[i], &outs);
		else
			inv_order_html(&iv, &order, orders[i], &outs);
	}
	if (db)
		db_register_save(db, reg, regoffice);
	else if (reg)
		inv_register_save(reg, &outs);
	if (inv_write_csv(&iv, stdout, excel) != 0 || fflush(stdout) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
	/* the database's numbers first: should an output then fail, the
	 * numbers stay taken, and a run again gives the same letters the
	 * same numbers */
	if (db)
		db_commit(db);
	inv_outs_commit(&outs);

	inv_free(&iv);
	inv_order_free(&order);
	ibm_event_free(ev);
	free(letters);
	free(sets);
	free(certs);
	free(orders);
	ibm_close_stdout();
	inv_register_free(reg); /* the lock is held until the process ends */
	free(regoffice);
	return 0;
}
