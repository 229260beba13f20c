/*
 * ibm-monev - merge Monev IBM form CSVs, score each unit, classify its
 * phase, and write a CSV recap and a print-ready workbook.
 *
 *   ibm-monev [-eqv] [-d delim] [-o file.xlsx] [--by field] [--lenient]
 *             [--strict] [--units file] [--period period]
 *             [--spec file] [--phases file] [--sheet-rows n]
 *             [--sheet s] [--header-row n] [--column role=header]
 *             [--columns file] [file ...]
 *   ibm-monev --print-spec dir
 *   ibm-monev --form file.xlsx [--units file] [--period p] [--spec file]
 *             [--phases file]
 *   ibm-monev --brief file.pdf|.html|.xlsx [-c file] [--units file]
 *             [--spec file] [--phases file] [--db file] [--period p]
 *             [file ...]
 */
#include "db.h"
#include "monev.h"
#include "typeset.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SHEET_ROWS 1048575L

static const char synopsis[] =
	"usage: ibm-monev [-eqv] [-d delim] [-o file.xlsx] [--by field] "
	"[--lenient]\n"
	"                 [--strict] [--spec file] [--phases file] "
	"[--sheet-rows n]\n"
	"                 [--units file] [--period period] "
	"[--db file]\n"
	"                 [--sheet name] [--header-row n] "
	"[--column role=header]\n"
	"                 [--columns file] [file ...]\n"
	"       ibm-monev --brief file.pdf|.html|.xlsx [-c file] "
	"[--units file]\n"
	"                 [--spec file] [--phases file] [--db file] "
	"[--period period]\n"
	"                 [file ...]\n"
	"       ibm-monev --print-spec dir [--force]\n"
	"       ibm-monev --form file.xlsx [--units file] "
	"[--period period]\n"
	"                 [--spec file] [--phases file]\n"
	"       ibm-monev -h | --version\n";

/* The options, printed by --help after the synopsis. */
static const char options[] =
	"\n"
	"  file                   a Monev form, CSV or workbook "
	"(default: standard\n"
	"                         input)\n"
	"  -o, --output=FILE      write the workbook (xlsx)\n"
	"  -b, --by=FIELD         recap per kabupaten_kota, "
	"provinsi, kecamatan or\n"
	"                         satker\n"
	"  -l, --lenient          unreadable cells: warning and "
	"empty, not an error\n"
	"      --strict           a unit not in the list, or an "
	"unreadable optional\n"
	"                         cell (tahun_berdiri), is an "
	"error\n"
	"  -s, --spec=FILE        indicator spec (CSV or "
	"workbook)\n"
	"  -p, --phases=FILE      phase table (CSV or workbook)\n"
	"  -P, --print-spec=DIR   write the default spec and "
	"phases to DIR\n"
	"  -F, --form=FILE        write the blank data-entry "
	"workbook (xlsx)\n"
	"  -u, --units=FILE       the master list of units (CSV "
	"or workbook)\n"
	"      --brief=FILE       the preparation meeting's "
	"material (.pdf, .html,\n"
	"                         .xlsx)\n"
	"  -c, --config=FILE      event file: the letterhead and "
	"fonts of --brief\n"
	"  -t, --period=P         only this semester, e.g. "
	"2024-S1 or\n"
	"                         \"Semester I 2024\"\n"
	"      --db=FILE          the earlier periods from the "
	"database (ibm-db);\n"
	"                         with --brief, every period (up "
	"to --period)\n"
	"  -f, --force            --print-spec replaces existing "
	"files\n"
	"  -r, --sheet-rows=N     data rows per Data sheet "
	"(default 1048575)\n"
	"  -d, --delimiter=C      input delimiter (, ; tab |); "
	"default: detected\n"
	"  -e, --excel            CSV for Indonesian Excel "
	"(; , CRLF BOM)\n"
	"  -q, --quiet            no warnings\n"
	"  -h, --help             this help\n"
	"      --version          print the version\n"
	IBM_INPUT_HELP;

static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "by", required_argument, NULL, 'b' },
	{ "lenient", no_argument, NULL, 'l' },
	{ "strict", no_argument, NULL, 'S' },
	{ "spec", required_argument, NULL, 's' },
	{ "phases", required_argument, NULL, 'p' },
	{ "print-spec", required_argument, NULL, 'P' },
	{ "form", required_argument, NULL, 'F' },
	{ "units", required_argument, NULL, 'u' },
	{ "brief", required_argument, NULL, 'R' },
	{ "config", required_argument, NULL, 'c' },
	{ "period", required_argument, NULL, 't' },
	{ "db", required_argument, NULL, 'B' },
	{ "force", no_argument, NULL, 'f' },
	{ "sheet-rows", required_argument, NULL, 'r' },
	{ "excel", no_argument, NULL, 'e' },
	IBM_OPT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

/* --by: the field to group by (MONEV_KAB ...), -1 if none. */
static int parse_by(const char *arg)
{
	char *k = ibm_name_key(arg);
	int by = -1;

	if (!strcmp(k, "kabupatenkota") || !strcmp(k, "kabkota") ||
	    !strcmp(k, "kabupaten") || !strcmp(k, "district"))
		by = MONEV_KAB;
	else if (!strcmp(k, "provinsi") || !strcmp(k, "province"))
		by = MONEV_PROV;
	else if (!strcmp(k, "kecamatan") || !strcmp(k, "kec") ||
		 !strcmp(k, "subdistrict"))
		by = MONEV_KEC;
	else if (!strcmp(k, "satker") || !strcmp(k, "office") ||
		 !strcmp(k, "satuankerja"))
		by = MONEV_SATKER;
	free(k);
	return by;
}

/* --brief: the preparation meeting's material from every period read,
 * on the paper of the office of the event file (config; none: no
 * letterhead, Times). */
static void write_brief(const monev_data *d, const char *const *path,
			size_t npath, const char *config, const char *db)
{
	ibm_event *ev = ibm_event_new();
	ts_office office;
	monev_brief b;

	if (!d->nunits && db) {
		char pt[32];

		ibm_die(IBM_EX_DATAERR, db, 0, "no unit was visited%s%s, "
			"nothing for --brief", *d->want_period ? " up to " : "",
			monev_period_text(d->want_period, pt, sizeof pt));
	}
	if (!d->nunits)
		ibm_die(IBM_EX_DATAERR, NULL, 0, "--brief: no unit was visited "
			"in the results given");
	if (config)
		ibm_event_xload(ev, config);
	ts_office_init(&office, ev);
	ibm_out_note_input(office.logo);
	ibm_out_note_input(office.font);
	ibm_out_note_input(office.font_bold);
	monev_brief_build(&b, d);
	b.office = &office;
	b.office_head = config != NULL;
	for (size_t i = 0; i < npath; i++)
		if (ibm_fmt_of_name(path[i]) == IBM_FMT_PDF)
			monev_brief_check(&b);
	for (size_t i = 0; i < npath; i++)
		monev_brief_write(&b, path[i]);
	monev_brief_free(&b);
	ts_office_free(&office);
	ibm_event_free(ev);
}
/* ibm-monev --db: the visits of the database's earlier periods join the
 * forms' units, as if their forms were given too. */
typedef struct db_take {
	monev_data *d;
	size_t source;
	double *val;
} db_take;

static void take_visit(const db_visit *v, void *arg)
{
	db_take *t = arg;
	const monev_spec *s = t->d->spec;

	for (size_t k = 0; k < s->nind; k++) {
		size_t j = 0;

		while (j < v->nval && strcmp(v->col[j], s->ind[k].column))
			j++;
		t->val[k] = j < v->nval ? monev_read_value(&s->ind[k],
							   v->val[j])
					: MONEV_NOT_ASKED;
	}
	monev_add_visit(t->d, t->source, v->id, v->periode, t->val);
}

/* --db: the database's visits of the periods the forms lack join the
 * forms' units, as if their forms were given too. For the workbook
 * (upto 0) the periods before the latest of the forms and --period, for
 * the brief (upto 1) those up to it, or every period when there is
 * none (no form, no --period). */
static void take_db(monev_data *d, const char *path, int upto)
{
	db_file *db = db_open(path, DB_READ, DB_WAIT_DEFAULT);
	char (*per)[16] = ibm_xcalloc(d->nunits + 1, sizeof *per);
	char before[16];
	const char *latest = d->want_period;
	size_t np = 0;
	db_take t;

	/* the forms' periods, skipped in the database */
	for (size_t i = 0; i < d->nunits; i++) {
		const char *p = d->units[i].period;
		size_t j = 0;

		while (j < np && strcmp(per[j], p))
			j++;
		if (*p && j == np)
			snprintf(per[np++], sizeof *per, "%s", p);
		if (strcmp(p, latest) > 0)
			latest = p;
	}
	if (upto && *latest)
		monev_period_next(latest, before, sizeof before);
	else
		snprintf(before, sizeof before, "%s", latest);
	t.d = d;
	t.source = monev_add_source(d, path);
	t.val = ibm_xcalloc(d->spec->nind + 1, sizeof *t.val);
	db_each_visit(db, before, (const char (*)[16])per, np, take_visit,
		      &t);
	db_commit(db);
	free(t.val);
	free(per);
}

/* A file option given twice is a usage error (ibm_opt_file). */
#define ONCE(var, opt) ibm_opt_file(&(var), opt, optarg)

int main(int argc, char **argv)
{
	const char *out = NULL, *spec = NULL, *phases = NULL, *print = NULL;
	const char *form = NULL, *units = NULL, *config = NULL, *dbpath = NULL;
	const char **brief = ibm_xcalloc((size_t)argc + 1, sizeof *brief);
	size_t nbrief = 0;
	int py = 0, ps = 0;
	int by = -1, excel = 0, strict = 0, c;
	long sheet_rows = MAX_SHEET_ROWS;
	char *stdin_only[] = { "-" };
	monev_spec s;
	monev_data d;
	monev_book *book = NULL;
	monev_units list = { 0 };
	ibm_csv_opts csv = { 0 };
	int lenient = 0, force = 0, quiet = 0;

	ibm_diag_init("ibm-monev");
	ibm_opt_init(argc, argv, synopsis, options);
	while ((c = getopt_long(argc, argv, ":o:b:ls:p:P:fF:u:t:r:d:eqhvc:B:",
				longopts,
				NULL)) != -1) {
		switch (c) {
		case 'o': ONCE(out, "--output"); break;
		case 'b':
			by = parse_by(optarg);
			if (by < 0)
				ibm_usage_error("--by takes kabupaten_kota, "
						"provinsi, kecamatan or "
						"satker, not \"%s\"", optarg);
			break;
		case 'l': lenient = 1; break;
		case 'S': strict = 1; break;
		case 's': ONCE(spec, "--spec"); break;
		case 'p': ONCE(phases, "--phases"); break;
		case 'P': ONCE(print, "--print-spec"); break;
		case 'F': ONCE(form, "--form"); break;
		case 'u': ONCE(units, "--units"); break;
		case 'R': brief[nbrief++] = optarg; break;
		case 'c': ONCE(config, "-c"); break;
		case 't':
			if (monev_period_parse(optarg, &py, &ps) < 0)
				ibm_usage_error("--period takes a semester "
						"such as 2024-S1 or "
						"\"Semester I 2024\", not "
						"\"%s\"", optarg);
			break;
		case 'f': force = 1; break;
		case 'B': ONCE(dbpath, "--db"); break;
		case 'r': {
			char *end;

			errno = 0;
			sheet_rows = strtol(optarg, &end, 10);
			if (*end || errno || sheet_rows < 1 ||
			    sheet_rows > MAX_SHEET_ROWS)
				ibm_usage_error("--sheet-rows takes a number "
						"from 1 to %ld, not \"%s\"",
						MAX_SHEET_ROWS, optarg);
			break;
		}
		case 'e': excel = 1; break;
		case 'q':
			quiet = 1;
			ibm_opt_common(c, argv, &csv); /* and no warnings */
			break;
		default: ibm_opt_common(c, argv, &csv);
		}
	}
	argc -= optind;
	argv += optind;
	if (dbpath && (print || form))
		ibm_usage_error("--db goes with form files, not with "
				"--print-spec or --form");
	if (print) {
		if (argc > 0 || out || spec || phases || by >= 0 || form)
			ibm_usage_error("--print-spec goes without files, "
					"-o, --by, --spec and --phases");
		monev_spec_print(print, force);
		free(brief);
		ibm_close_stdout();
		return 0;
	}
	if (force)
		ibm_usage_error("--force goes with --print-spec");
	if (config && !nbrief)
		ibm_usage_error("-c goes with --brief");
	if (nbrief && (form || (py && !dbpath)))
		ibm_usage_error("--brief goes without --form, and without "
				"--period but with --db (it reads every period "
				"given)");
	/* outputs: names that match their formats, none an input */
	ibm_out_note_input(spec);
	ibm_out_note_input(phases);
	for (int i = 0; i < argc; i++)
		ibm_out_note_input(argv[i]);
	ibm_out_note_input(units);
	ibm_out_note_input(dbpath);
	if (out && ibm_out_check("--output", out, IBM_FMT_XLSX) != 0)
		ibm_usage(IBM_EX_USAGE);
	if (form && ibm_out_check("--form", form, IBM_FMT_XLSX) != 0)
		ibm_usage(IBM_EX_USAGE);
	ibm_out_note_input(config);
	for (size_t i = 0; i < nbrief; i++) {
		ibm_fmt f = ibm_fmt_of_name(brief[i]);

		if (f != IBM_FMT_PDF && f != IBM_FMT_HTML &&
		    f != IBM_FMT_XLSX)
			ibm_usage_error("--brief: the file name must end in "
					".pdf, .html or .xlsx: %s", brief[i]);
		if (ibm_out_check("--brief", brief[i], f) != 0)
			ibm_usage(IBM_EX_USAGE);
	}
	if (form) {
		if (argc > 0 || out || by >= 0 || excel)
			ibm_usage_error("--form goes without form files, "
					"-o, --by and --excel");
		monev_spec_load(&s, spec, phases, &csv);
		if (units)
			monev_units_read(&list, units, &csv, strict);
		monev_form_write(form, &s, &list, py, ps);
		monev_units_free(&list);
		monev_spec_free(&s);
		free(brief);
		ibm_close_stdout();
		return 0;
	}
	/* no file: standard input, save for a brief from the database */
	if (argc == 0 && !(nbrief && dbpath)) {
		argv = stdin_only;
		argc = 1;
	}
	monev_spec_load(&s, spec, phases, &csv);
	monev_data_init(&d, &s);
	d.csv = csv;
	d.lenient = lenient;
	d.strict = strict;
	d.quiet = quiet;
	/* --period: with --brief, the last period the database gives (and
	 * the only one of the files) */
	if (py)
		snprintf(d.want_period, sizeof d.want_period, "%04d-S%d", py,
			 ps);
	if (units) {
		monev_units_read(&list, units, &csv, strict);
		d.list = &list;
	}
	if (out) {
		book = monev_book_open(out, &s, sheet_rows);
		ibm_diag_set_hook(monev_book_hook, book);
		d.on_row = monev_book_row;
		d.arg = book;
	}
	for (int i = 0; i < argc; i++)
		monev_read(&d, argv[i]);
	if (dbpath)
		take_db(&d, dbpath, nbrief > 0);
	if (d.bad_cells)
		ibm_die(IBM_EX_DATAERR, NULL, 0,
			"%ld cell%s could not be read (--lenient leaves them "
			"empty)", d.bad_cells, d.bad_cells == 1 ? "" : "s");
	monev_finish(&d);
	if (strict && d.unlisted)
		ibm_die(IBM_EX_DATAERR, NULL, 0,
			"%ld form row%s of units not in the list (--strict)",
			d.unlisted, d.unlisted == 1 ? "" : "s");
	if (nbrief)
		write_brief(&d, brief, nbrief, config, dbpath);
	monev_write_csv(&d, by, excel);
	if (book)
		monev_book_close(book, &d);
	monev_data_free(&d);
	monev_units_free(&list);
	monev_spec_free(&s);
	free(brief);
	ibm_close_stdout();
	return 0;
}
