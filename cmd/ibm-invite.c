/*
 * ibm-invite - invitation letters, agenda and attendance sheets for a
 * bimtek, from a participant CSV and an event file; and the papers of
 * the Monev visits from their schedule.
 *
 *   ibm-invite -c event.conf [options] [peserta.csv]
 *   ibm-invite -c monev.conf --visits jadwal.csv --staff petugas.csv
 *              [options]
 */
#include "db.h"
#include "ibmkit.h"
#include "invite.h"
#include "monev.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char synopsis[] =
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
	"       ibm-invite -c file --visits schedule --staff file "
	"[-qv] [-s key=value]\n"
	"                  [--units file [--strict]] [--spec file] "
	"[-l letters.pdf|.html]\n"
	"                  [--assignment file.pdf|.html] "
	"[--spd file.pdf|.html]\n"
	"                  [--schedule file.xlsx|.pdf|.html] "
	"[--register file]\n"
	"                  [--sheet name] [--header-row n] "
	"[--column role=header]\n"
	"                  [--columns file]\n"
	"       ibm-invite -h | --version\n";

/* The options, printed by --help after the synopsis. */
static const char options[] =
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
	"      --strict           duplicate participants, "
	"unreadable phones,\n"
	"                         e-mails or genders, text that "
	"is not UTF-8\n"
	"                         and a cut last record are "
	"errors\n"
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
	"\n"
	"Monev visits (--visits):\n"
	"      --visits=FILE      the schedule (date, time, unit, "
	"village, team)\n"
	"      --staff=FILE       the officers and their team "
	"(tim)\n"
	"      --units=FILE       the master list of units\n"
	"      --strict           a unit not on the list is an "
	"error\n"
	"      --spec=FILE        indicator spec: the documents "
	"to prepare\n"
	"  -l, --letters=FILE     a letter to each village head "
	"(.pdf or .html)\n"
	"      --assignment=FILE  the Surat Tugas of each team "
	"(.pdf or .html)\n"
	"      --spd=FILE         the Surat Perjalanan Dinas of "
	"each officer and trip\n"
	"      --schedule=FILE    the schedule per team and "
	"combined (.xlsx, .pdf, .html)\n"
	"  -q, --quiet            no warnings\n"
	"  -h, --help             this help\n"
	"      --version          print the version\n"
	IBM_INPUT_HELP;

/* A file option given twice is a usage error (ibm_opt_file). */
#define ONCE(var, opt) ibm_opt_file(&(var), opt, optarg)

enum { OPT_STRICT = 256, OPT_CERTIFICATES, OPT_PROPER_CASE,
       OPT_ORDER, OPT_STAFF, OPT_REGISTER, OPT_VISITS, OPT_UNITS, OPT_SPEC,
       OPT_ASSIGNMENT, OPT_SPD, OPT_SCHEDULE };

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
	{ "excel", no_argument, NULL, 'e' },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "order", required_argument, NULL, OPT_ORDER },
	{ "staff", required_argument, NULL, OPT_STAFF },
	{ "register", required_argument, NULL, OPT_REGISTER },
	{ "visits", required_argument, NULL, OPT_VISITS },
	{ "units", required_argument, NULL, OPT_UNITS },
	{ "spec", required_argument, NULL, OPT_SPEC },
	{ "assignment", required_argument, NULL, OPT_ASSIGNMENT },
	{ "spd", required_argument, NULL, OPT_SPD },
	{ "schedule", required_argument, NULL, OPT_SCHEDULE },
	{ "certificates", required_argument, NULL, OPT_CERTIFICATES },
	{ "proper-case", no_argument, NULL, OPT_PROPER_CASE },
	IBM_OPT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

/* The file of a paper option: a name ending in .pdf or .html (.htm),
 * or .xlsx when xlsx is set, added to list; else a usage error. */
static void paper_file(const char *opt, const char *name, int xlsx,
		       const char **list, size_t *n)
{
	if (!ends_with(name, ".pdf") && !ends_with(name, ".html") &&
	    !ends_with(name, ".htm") && !(xlsx && ends_with(name, ".xlsx")))
		ibm_usage_error("--%s: the file name must end in .pdf%s or "
				".html: %s", opt, xlsx ? ", .xlsx" : "", name);
	list[(*n)++] = name;
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

/* The options of the Monev visits (--visits). */
typedef struct visit_opts {
	const char *visits, *units, *spec;
	const char **assign, **spd, **sched;
	size_t nassign, nspd, nsched;
} visit_opts;

/*
 * ibm-invite --visits: the schedule and the teams checked, then the
 * papers asked for (letters, Surat Tugas, SPD, the schedule), numbered
 * from the register when one is given, and the visits as CSV on
 * standard output.
 */
static void run_visits(const visit_opts *vo, ibm_event *ev,
		      const char *staff_path, const char *regpath, int regdb,
		      const char *const *letters, size_t nletters,
		      const ibm_csv_opts *o, int excel, int strict)
{
	inv_event e;
	inv_order staff = { 0 };
	inv_visits vs = { 0 };
	monev_units list = { 0 };
	monev_spec spec;
	inv_papers p;
	inv_outs outs = { 0 };
	inv_register *reg = NULL;
	db_file *db = NULL;     /* --register with the database */
	char *office = NULL;
	int pdf = 0, st;

	if ((st = inv_event_init_visits(&e, ev)))
		exit(st);
	ibm_out_note_input(e.office.logo);
	ibm_out_note_input(e.office.font);
	ibm_out_note_input(e.office.font_bold);
	staff.strict = strict;
	inv_order_read_staff(&staff, staff_path, o);
	inv_visits_read(&vs, vo->visits, o);
	if (vo->units)
		monev_units_read(&list, vo->units, o, strict);
	st = inv_visits_check(&vs, &staff, vo->units ? &list : NULL, strict,
			      ibm_event_get(ev, "waktu"));
	if (st)
		exit(st);
	monev_spec_load(&spec, vo->spec, NULL, o);
	inv_papers_init(&p, &e, &vs, &spec);
	for (size_t i = 0; i < nletters; i++)
		pdf |= ends_with(letters[i], ".pdf");
	for (size_t i = 0; i < vo->nassign; i++)
		pdf |= ends_with(vo->assign[i], ".pdf");
	for (size_t i = 0; i < vo->nspd; i++)
		pdf |= ends_with(vo->spd[i], ".pdf");
	for (size_t i = 0; i < vo->nsched; i++)
		pdf |= ends_with(vo->sched[i], ".pdf");
	inv_papers_check(&p, nletters > 0, vo->nassign > 0, vo->nspd > 0, pdf,
			 &staff);
	/* numbers: from the register (a CSV file or the database), locked
	 * until the run ends */
	if (regdb) {
		office = db_event_office(ev);
		if (!office)
			office = ibm_xstrdup("");
		db = db_register_open(regpath, office, &reg);
	} else if (regpath) {
		reg = inv_register_open(regpath);
	}
	inv_papers_number(&p, reg, nletters > 0, vo->nassign > 0,
			  vo->nspd > 0);

	/* every output is written to a temporary file first */
	for (size_t i = 0; i < nletters; i++)
		inv_visit_letters(&p, letters[i], &outs);
	for (size_t i = 0; i < vo->nassign; i++)
		inv_visit_assignment(&p, vo->assign[i], &outs);
	for (size_t i = 0; i < vo->nspd; i++)
		inv_visit_spd(&p, vo->spd[i], &outs);
	for (size_t i = 0; i < vo->nsched; i++)
		inv_visit_schedule(&p, vo->sched[i], &outs);
	if (db)
		db_register_save(db, reg, office);
	else if (reg)
		inv_register_save(reg, &outs);
	if (inv_visits_write_csv(&vs, stdout, excel) != 0 ||
	    fflush(stdout) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
	/* the database's numbers first, as for the invitations */
	if (db)
		db_commit(db);
	inv_outs_commit(&outs);

	inv_papers_free(&p);
	monev_spec_free(&spec);
	monev_units_free(&list);
	inv_visits_free(&vs);
	inv_order_free(&staff);
	inv_event_free(&e);
	ibm_event_free(ev);
	ibm_close_stdout();
	inv_register_free(reg); /* the lock is held until the process ends */
	free(office);
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
	visit_opts vis = { 0 };

	ibm_diag_init("ibm-invite");
	memset(&iv, 0, sizeof iv);
	letters = ibm_xcalloc((size_t)argc + 1, sizeof *letters);
	sets = ibm_xcalloc((size_t)argc + 1, sizeof *sets);
	certs = ibm_xcalloc((size_t)argc + 1, sizeof *certs);
	orders = ibm_xcalloc((size_t)argc + 1, sizeof *orders);
	vis.assign = ibm_xcalloc((size_t)argc + 1, sizeof *vis.assign);
	vis.spd = ibm_xcalloc((size_t)argc + 1, sizeof *vis.spd);
	vis.sched = ibm_xcalloc((size_t)argc + 1, sizeof *vis.sched);
	memset(&order, 0, sizeof order);
	ibm_opt_init(argc, argv, synopsis, options);
	while ((c = getopt_long(argc, argv, ":c:s:a:A:b:l:Ct:o:n:d:eqhv",
				longopts, NULL)) != -1) {
		switch (c) {
		case 'c': ONCE(config, "-c"); break;
		case 's': sets[nsets++] = optarg; break;
		case 'a': ONCE(agenda, "--agenda"); break;
		case 'A': ONCE(attendance, "--attendance"); break;
		case 'b':
			if (ibm_parse_count(optarg, &blank) != 0 ||
			    blank > 1000)
				ibm_usage_error("--blank-rows: not a count "
						"(0 to 1000): %s", optarg);
			break;
		case 'l':
			paper_file("letters", optarg, 0, letters, &nletters);
			break;
		case 'C': iv.collective = 1; break;
		case 't': ONCE(tpl, "--template"); break;
		case 'o': ONCE(outdir, "--out-dir"); break;
		case 'n': ONCE(pattern, "--name-pattern"); break;
		case 'e': excel = 1; break;
		case OPT_STRICT:
			/* duplicates, and what the reader only warns about:
			 * text that is not UTF-8, a cut last record */
			iv.strict = 1;
			o.strict = 1;
			break;
		case OPT_CERTIFICATES:
			paper_file("certificates", optarg, 0, certs, &ncerts);
			break;
		case OPT_PROPER_CASE: proper = 1; break;
		case OPT_ORDER:
			paper_file("order", optarg, 0, orders, &norders);
			break;
		case OPT_VISITS: ONCE(vis.visits, "--visits"); break;
		case OPT_UNITS: ONCE(vis.units, "--units"); break;
		case OPT_SPEC: ONCE(vis.spec, "--spec"); break;
		case OPT_ASSIGNMENT:
			paper_file("assignment", optarg, 0, vis.assign,
				   &vis.nassign);
			break;
		case OPT_SPD:
			paper_file("spd", optarg, 0, vis.spd, &vis.nspd);
			break;
		case OPT_SCHEDULE:
			paper_file("schedule", optarg, 1, vis.sched,
				   &vis.nsched);
			break;
		case OPT_STAFF: ONCE(staff, "--staff"); break;
		case OPT_REGISTER: ONCE(regpath, "--register"); break;
		default: ibm_opt_common(c, argv, &o);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		ibm_usage_error("one participants file at most");
	if (!config)
		ibm_usage_error("no event file given (-c FILE)");
	if ((tpl != NULL) != (outdir != NULL) || (pattern && !tpl))
		ibm_usage_error("--template and --out-dir go together "
				"(--name-pattern with them)");

	if (vis.visits) {
		if (argc || agenda || attendance || tpl || iv.collective ||
		    ncerts || norders || proper)
			ibm_usage_error("--visits goes without a participants "
					"file, -a, -A, -C, -t, --certificates, "
					"--proper-case and --order");
		if (!staff)
			ibm_usage_error("--visits needs --staff (the officers "
					"and their teams)");
	} else if (vis.units || vis.spec || vis.nassign || vis.nspd ||
		   vis.nsched) {
		ibm_usage_error("--units, --spec, --assignment, --spd and "
				"--schedule go with --visits");
	} else if ((norders != 0) != (staff != NULL)) {
		ibm_usage_error("--order and --staff go together");
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
		ibm_usage(IBM_EX_USAGE);
	ibm_opt_outputs("--letters", letters, nletters);
	ibm_opt_outputs("--certificates", certs, ncerts);
	ibm_opt_outputs("--order", orders, norders);
	/* the register is a CSV file, or the database (ibm-db) */
	regdb = regpath && db_is_database(regpath);
	if (regpath && ibm_out_check("--register", regpath,
				     regdb ? IBM_FMT_ANY : IBM_FMT_CSV) != 0)
		ibm_usage(IBM_EX_USAGE);
	ibm_out_note_input(vis.visits);
	ibm_out_note_input(vis.units);
	ibm_out_note_input(vis.spec);
	ibm_opt_outputs("--assignment", vis.assign, vis.nassign);
	ibm_opt_outputs("--spd", vis.spd, vis.nspd);
	ibm_opt_outputs("--schedule", vis.sched, vis.nsched);

	ev = ibm_event_new();
	ibm_event_xload(ev, config);
	for (size_t i = 0; i < nsets; i++)
		if (ibm_event_set(ev, sets[i]) != 0)
			ibm_usage_error("-s: expected key=value: %s", sets[i]);
	if (vis.visits) {
		run_visits(&vis, ev, staff, regpath, regdb, letters, nletters,
			   &o, excel, iv.strict);
		goto done;
	}
	if ((st = inv_event_init(&iv.ev, ev)))
		exit(st);
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
		order.strict = iv.strict;
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
	for (size_t i = 0; i < norders; i++)
		inv_order_write(&iv, &order, orders[i], &outs);
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
	ibm_close_stdout();
	inv_register_free(reg); /* the lock is held until the process ends */
done:
	free(letters);
	free(sets);
	free(certs);
	free(orders);
	free(vis.assign);
	free(vis.spd);
	free(vis.sched);
	free(regoffice);
	return 0;
}
