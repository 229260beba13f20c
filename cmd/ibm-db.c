/*
 * ibm-db - the database Rehabilitasi: an office's bimtek, Monev visits and
 * letters in one SQLite file.
 *
 *   ibm-db [-D file] add bimtek -c event.conf --participants file ...
 *   ibm-db [-D file] add monev [--period p] file ...
 *   ibm-db [-D file] add letters [--office name] register.csv
 *   ibm-db [-D file] list events|people|trainings|units|visits|letters
 *   ibm-db [-D file] history --unit name | --person id|name
 *   ibm-db [-D file] find number
 *   ibm-db [-D file] export file.xlsx | --share file.sqlite
 *   ibm-db [-D file] merge other ...
 *   ibm-db [-D file] check
 */
#include "db.h"
#include "monev.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char synopsis[] =
	"usage: ibm-db [-eqv] [-d delim] [-D file] [-w seconds] "
	"command ...\n"
	"       ibm-db add bimtek -c event.conf [-s key=value] "
	"--participants file\n"
	"              [--scores file] [--summary file] "
	"[--certificates file]\n"
	"       ibm-db add monev [--period period] file ...\n"
	"       ibm-db add letters [--office name] register.csv\n"
	"       ibm-db add ... [--sheet name] [--header-row n] "
	"[--column role=header]\n"
	"              [--columns file]\n"
	"       ibm-db list events|people|trainings|units|visits|"
	"letters\n"
	"              [--year year] [--period period] "
	"[--office name] [--kabupaten name]\n"
	"       ibm-db history --unit name | --person id|name\n"
	"       ibm-db find number\n"
	"       ibm-db export [--year year] [--period period] "
	"[--office name]\n"
	"              [--kabupaten name] file.xlsx\n"
	"       ibm-db export --share file.sqlite\n"
	"       ibm-db merge [--strict] other ...\n"
	"       ibm-db check\n"
	"       ibm-db -h | --version\n";

/* The options, printed by --help after the synopsis. */
static const char options[] =
	"\n"
	"  -D, --database=FILE  the database (default: "
	"$IBMKIT_DB)\n"
	"  -w, --wait=SECONDS   wait for another run's lock "
	"(default 30)\n"
	"  -c, --config=FILE    add bimtek: the event file\n"
	"  -s, --set=KEY=VALUE  add bimtek: set an event key\n"
	"      --participants=FILE  add bimtek: ibm-invite's "
	"participants CSV\n"
	"      --scores=FILE    add bimtek: ibm-score's "
	"pre/post CSV\n"
	"      --summary=FILE   add bimtek: ibm-score "
	"--summary\n"
	"      --certificates=FILE  add bimtek: ibm-invite "
	"--certificates' CSV\n"
	"      --period=P       add monev: only this semester; "
	"list: the semester\n"
	"      --office=NAME    add letters: the letters' "
	"office; list: the office\n"
	"      --year=YEAR      list: the year\n"
	"      --kabupaten=NAME list: the district\n"
	"      --unit=NAME      history: a unit's visits\n"
	"      --person=ID|NAME history: a person's "
	"trainings\n"
	"      --share          export: the copy without phones "
	"and e-mails\n"
	"      --strict         unreadable cells are errors; "
	"merge: conflicts are\n"
	"  -d, --delimiter=C    add: input delimiter; default: "
	"detected\n"
	"  -e, --excel          CSV output for Indonesian "
	"Excel\n"
	"  -q, --quiet          no warnings\n"
	"  -h, --help           this help\n"
	"      --version        print the version\n"
	IBM_INPUT_HELP;

enum { OPT_PARTICIPANTS = 256, OPT_SCORES, OPT_SUMMARY, OPT_CERTIFICATES,
       OPT_PERIOD, OPT_OFFICE, OPT_YEAR, OPT_KAB, OPT_UNIT, OPT_PERSON,
       OPT_SHARE, OPT_STRICT };

static const struct option longopts[] = {
	{ "database", required_argument, NULL, 'D' },
	{ "wait", required_argument, NULL, 'w' },
	{ "config", required_argument, NULL, 'c' },
	{ "set", required_argument, NULL, 's' },
	{ "participants", required_argument, NULL, OPT_PARTICIPANTS },
	{ "scores", required_argument, NULL, OPT_SCORES },
	{ "summary", required_argument, NULL, OPT_SUMMARY },
	{ "certificates", required_argument, NULL, OPT_CERTIFICATES },
	{ "period", required_argument, NULL, OPT_PERIOD },
	{ "office", required_argument, NULL, OPT_OFFICE },
	{ "year", required_argument, NULL, OPT_YEAR },
	{ "kabupaten", required_argument, NULL, OPT_KAB },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "person", required_argument, NULL, OPT_PERSON },
	{ "share", no_argument, NULL, OPT_SHARE },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "excel", no_argument, NULL, 'e' },
	IBM_OPT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

/* What was given on the command line. */
typedef struct args {
	const char *db, *config, *participants, *scores, *summary, *certs;
	const char *office, *unit, *person;
	const char **sets;
	size_t nsets;
	char period[16];
	int year, wait, share, excel;
	db_filter f;
	db_in in;
	/* the options given, for checking them against the command */
	unsigned given;
} args;

/* The options each command takes (bits of `given`). */
enum { G_CONFIG = 1, G_PART = 2, G_SCORES = 4, G_SUMMARY = 8,
       G_CERTS = 16, G_PERIOD = 32, G_OFFICE = 64, G_YEAR = 128,
       G_KAB = 256, G_UNIT = 512, G_PERSON = 1024, G_SHARE = 2048,
       G_STRICT = 4096, G_INPUT = 8192 };

static const char *const opt_names[] = {
	"-c", "--participants", "--scores", "--summary", "--certificates",
	"--period", "--office", "--year", "--kabupaten", "--unit",
	"--person", "--share", "--strict",
	"-d, --sheet, --header-row, --column and --columns"
};

/* Die 64 when an option was given that COMMAND does not take. */
static void allow(const args *a, const char *command, unsigned ok)
{
	unsigned bad = a->given & ~ok;

	for (size_t i = 0; bad && i < sizeof opt_names / sizeof *opt_names;
	     i++)
		if (bad & (1u << i))
			ibm_usage_error("%s: %s does not go with this "
					"command", command, opt_names[i]);
}

static void need_args(int argc, int min, int max, const char *what)
{
	if (argc < min || (max >= 0 && argc > max))
		ibm_usage_error("%s", what);
}

/* A file option given twice is a usage error (ibm_opt_file). */
#define ONCE(var, opt) ibm_opt_file(&(var), opt, optarg)

static void parse(args *a, int argc, char **argv)
{
	int c;

	ibm_opt_init(argc, argv, synopsis, options);
	while ((c = getopt_long(argc, argv, ":D:w:c:s:d:eqhv", longopts,
				NULL)) != -1) {
		long n;

		switch (c) {
		case 'D': ONCE(a->db, "--database"); break;
		case 'w':
			if (ibm_parse_count(optarg, &n) != 0 || n > 86400)
				ibm_usage_error("--wait takes seconds (0 to "
						"86400), not \"%s\"", optarg);
			a->wait = (int)n;
			break;
		case 'c': ONCE(a->config, "--config"); a->given |= G_CONFIG;
			break;
		case 's': a->sets[a->nsets++] = optarg; a->given |= G_CONFIG;
			break;
		case OPT_PARTICIPANTS:
			ONCE(a->participants, "--participants");
			a->given |= G_PART;
			break;
		case OPT_SCORES: ONCE(a->scores, "--scores");
			a->given |= G_SCORES;
			break;
		case OPT_SUMMARY: ONCE(a->summary, "--summary");
			a->given |= G_SUMMARY;
			break;
		case OPT_CERTIFICATES: ONCE(a->certs, "--certificates");
			a->given |= G_CERTS;
			break;
		case OPT_PERIOD: {
			int y, s;

			if (monev_period_parse(optarg, &y, &s) != 0)
				ibm_usage_error("--period takes a semester "
						"such as 2024-S1 or \"Semester "
						"I 2024\", not \"%s\"", optarg);
			snprintf(a->period, sizeof a->period, "%04d-S%d", y, s);
			a->f.period = a->period;
			a->given |= G_PERIOD;
			break;
		}
		case OPT_OFFICE: a->office = a->f.office = optarg;
			a->given |= G_OFFICE;
			break;
		case OPT_YEAR:
			if (ibm_parse_count(optarg, &n) != 0 || n < 1900 ||
			    n > 2999)
				ibm_usage_error("--year takes a year such as "
						"2024, not \"%s\"", optarg);
			a->f.year = (int)n;
			a->given |= G_YEAR;
			break;
		case OPT_KAB: a->f.kabupaten = optarg; a->given |= G_KAB; break;
		case OPT_UNIT: a->unit = optarg; a->given |= G_UNIT; break;
		case OPT_PERSON: a->person = optarg; a->given |= G_PERSON; break;
		case OPT_SHARE: a->share = 1; a->given |= G_SHARE; break;
		case OPT_STRICT: a->in.strict = 1; a->given |= G_STRICT; break;
		case 'e': a->excel = 1; break;
		case 'd':
		case IBM_OPT_SHEET:
		case IBM_OPT_HEADER_ROW:
		case IBM_OPT_COLUMN:
		case IBM_OPT_COLUMNS:
			a->given |= G_INPUT;
			/* fall through */
		default: ibm_opt_common(c, argv, &a->in.csv);
		}
	}
}

/* ------------------------------------------------------------- commands */

static int cmd_add(args *a, int argc, char **argv)
{
	db_file *d;
	int st;

	need_args(argc, 1, -1, "add: what? bimtek, monev or letters");
	if (!strcmp(argv[0], "bimtek")) {
		ibm_event *ev;
		db_bimtek_src src = { 0 };

		allow(a, "add bimtek", G_CONFIG | G_PART | G_SCORES |
		      G_SUMMARY | G_CERTS | G_STRICT | G_INPUT);
		need_args(argc, 1, 1, "add bimtek takes no files but its "
			  "options");
		if (!a->config || !a->participants)
			ibm_usage_error("add bimtek needs -c event.conf and "
					"--participants FILE");
		ev = ibm_event_new();
		ibm_event_xload(ev, a->config);
		for (size_t i = 0; i < a->nsets; i++)
			if (ibm_event_set(ev, a->sets[i]) != 0)
				ibm_usage_error("-s: expected key=value: %s",
						a->sets[i]);
		src.ev = ev;
		src.event_file = a->config;
		src.participants = a->participants;
		src.scores = a->scores;
		src.summary = a->summary;
		src.certificates = a->certs;
		d = db_open(a->db, DB_WRITE, a->wait);
		st = db_add_bimtek(d, &src, &a->in);
		if (st)
			exit(st); /* rolled back at exit */
		db_commit(d);
		ibm_event_free(ev);
	} else if (!strcmp(argv[0], "monev")) {
		allow(a, "add monev", G_PERIOD | G_STRICT | G_INPUT);
		need_args(argc, 2, -1, "add monev: which per-unit CSV files?");
		d = db_open(a->db, DB_WRITE, a->wait);
		st = db_add_monev(d, (const char *const *)argv + 1,
				  (size_t)argc - 1, *a->period ? a->period
							       : NULL, &a->in);
		if (st)
			exit(st);
		db_commit(d);
	} else if (!strcmp(argv[0], "letters")) {
		allow(a, "add letters", G_OFFICE | G_STRICT | G_INPUT);
		need_args(argc, 2, 2, "add letters takes one register file");
		d = db_open(a->db, DB_WRITE, a->wait);
		st = db_add_letters(d, argv[1], a->office ? a->office : "",
				    &a->in);
		if (st)
			exit(st);
		db_commit(d);
	} else {
		ibm_usage_error("add: bimtek, monev or letters, not \"%s\"",
				argv[0]);
	}
	return 0;
}

/* Write the rows as CSV; 1 when there are none and `none` says why. */
static int write_rows(db_file *d, db_rows *t, const args *a,
		      const char *none)
{
	long n = db_rows_csv(t, stdout, a->excel);

	db_rows_free(t);
	db_commit(d);
	if (n == 0 && none) {
		ibm_error(NULL, 0, "%s", none);
		return 1;
	}
	return 0;
}

static int cmd_list(args *a, int argc, char **argv)
{
	int list;
	unsigned ok = G_YEAR | G_PERIOD | G_OFFICE | G_KAB;

	need_args(argc, 1, 1, "list: which table? events, people, "
		  "trainings, units, visits or letters");
	list = db_list_find(argv[0]);
	if (list < 0)
		ibm_usage_error("list: events, people, trainings, units, "
				"visits or letters, not \"%s\"", argv[0]);
	if (!(db_list_filters(list) & DB_F_KAB))
		ok &= ~(unsigned)G_KAB;
	allow(a, "list", ok);
	{
		db_file *d = db_open(a->db, DB_READ, a->wait);

		return write_rows(d, db_rows_list(d, list, &a->f), a, NULL);
	}
}

static int cmd_history(args *a, int argc)
{
	db_file *d;
	char why[300];

	allow(a, "history", G_UNIT | G_PERSON);
	need_args(argc, 0, 0, "history takes --unit NAME or --person ID|NAME, "
		  "no other arguments");
	if ((a->unit != NULL) == (a->person != NULL))
		ibm_usage_error("history needs one of --unit NAME and "
				"--person ID|NAME");
	d = db_open(a->db, DB_READ, a->wait);
	snprintf(why, sizeof why, "%s \"%s\" in %s", a->unit ?
		 "no unit named" : "no one with the id or name",
		 a->unit ? a->unit : a->person, a->db);
	if (a->unit)
		return write_rows(d, db_rows_history_unit(d, a->unit), a, why);
	return write_rows(d, db_rows_history_person(d, a->person), a, why);
}

static int cmd_find(args *a, int argc, char **argv)
{
	db_file *d;
	char why[300];

	allow(a, "find", 0);
	need_args(argc, 1, 1, "find takes one letter or certificate number");
	d = db_open(a->db, DB_READ, a->wait);
	snprintf(why, sizeof why, "no letter or certificate of %s has the "
		 "number %s", a->db, argv[0]);
	return write_rows(d, db_rows_find(d, argv[0]), a, why);
}

static int cmd_export(args *a, int argc, char **argv)
{
	db_file *d;

	need_args(argc, 1, 1, "export takes one file");
	if (a->share) {
		allow(a, "export --share", G_SHARE);
		if (ibm_fmt_of_name(argv[0]) != IBM_FMT_ANY)
			ibm_usage_error("--share writes an SQLite database, "
					"but the name %s ends in %s", argv[0],
					strrchr(argv[0], '.'));
		if (ibm_out_check("export --share", argv[0], IBM_FMT_ANY) != 0)
			ibm_usage(IBM_EX_USAGE);
		d = db_open(a->db, DB_READ, a->wait);
		db_export_share(d, argv[0]);
	} else {
		allow(a, "export", G_YEAR | G_PERIOD | G_OFFICE | G_KAB);
		if (ibm_out_check("export", argv[0], IBM_FMT_XLSX) != 0)
			ibm_usage(IBM_EX_USAGE);
		d = db_open(a->db, DB_READ, a->wait);
		db_export_xlsx(d, argv[0], &a->f);
	}
	db_commit(d);
	return 0;
}

static int cmd_merge(args *a, int argc, char **argv)
{
	static const char *const head[] = { "file", "office", "kept_office",
		"provinsi", "kabupaten_kota", "desa_kelurahan", "nama_unit",
		"periode" };
	db_file *d;
	ibm_csvw *w;

	allow(a, "merge", G_STRICT);
	need_args(argc, 1, DB_MERGE_MAX, "merge: one to ten databases at "
		  "once");
	for (int i = 0; i < argc; i++)
		ibm_out_note_input(argv[i]);
	d = db_open(a->db, DB_WRITE, a->wait);
	w = ibm_csvw_new(stdout, a->excel);
	ibm_csvw_row(w, head, sizeof head / sizeof *head);
	for (int i = 0; i < argc; i++)
		db_merge(d, argv[i], a->in.strict, w);
	db_commit(d);
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
	return 0;
}

static int cmd_check(args *a, int argc)
{
	db_file *d;
	int st;

	allow(a, "check", 0);
	need_args(argc, 0, 0, "check takes no arguments");
	d = db_open(a->db, DB_READ, a->wait);
	st = db_check(d, stdout, a->excel);
	db_commit(d);
	return st;
}

int main(int argc, char **argv)
{
	args a;
	const char *cmd;
	int st = 0;

	ibm_diag_init("ibm-db");
	memset(&a, 0, sizeof a);
	a.wait = DB_WAIT_DEFAULT;
	a.sets = ibm_xcalloc((size_t)argc + 1, sizeof *a.sets);
	parse(&a, argc, argv);
	argc -= optind;
	argv += optind;
	if (argc < 1)
		ibm_usage_error("no command given");
	if (!a.db)
		a.db = getenv("IBMKIT_DB");
	if (!a.db || !*a.db)
		ibm_usage_error("no database given (-D FILE or IBMKIT_DB)");
	ibm_out_note_input(a.db);
	cmd = argv[0];
	argc--;
	argv++;
	if (!strcmp(cmd, "add")) {
		st = cmd_add(&a, argc, argv);
	} else if (!strcmp(cmd, "list")) {
		st = cmd_list(&a, argc, argv);
	} else if (!strcmp(cmd, "history")) {
		st = cmd_history(&a, argc);
	} else if (!strcmp(cmd, "find")) {
		st = cmd_find(&a, argc, argv);
	} else if (!strcmp(cmd, "export")) {
		st = cmd_export(&a, argc, argv);
	} else if (!strcmp(cmd, "merge")) {
		st = cmd_merge(&a, argc, argv);
	} else if (!strcmp(cmd, "check")) {
		st = cmd_check(&a, argc);
	} else {
		ibm_usage_error("unknown command \"%s\"", cmd);
	}
	free(a.sets);
	ibm_close_stdout();
	return st;
}
