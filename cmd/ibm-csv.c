/*
 * ibm-csv - see what the toolkit sees in a CSV file, and clean it.
 *
 *   ibm-csv check [-qv] [-d DELIM] [--strict] [--for KIND] [--sheet S]
 *                 [--header-row N] [--column ROLE=HEADER] [--columns F]
 *                 FILE...
 *   ibm-csv clean [-q] [-d DELIM] [--strict] [--excel] [--sheet S]
 *                 [--header-row N] [FILE...]
 */
#include "ibmkit.h"
#include "invite.h"
#include "monev.h"
#include "score.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char synopsis[] =
	"usage: ibm-csv check [-qv] [-d delim] [--strict] [--for kind]\n"
	"                     [--sheet name] [--header-row n] "
	"[--column role=header]\n"
	"                     [--columns file] file ...\n"
	"       ibm-csv clean [-q] [-d delim] [--strict] [--excel] "
	"[--sheet name]\n"
	"                     [--header-row n] [file ...]\n"
	"       ibm-csv -h | --version\n";

/* The options, printed by --help after the synopsis. */
static const char options[] =
	"\n"
	"  check                  describe each file (CSV or "
	"workbook) and list its\n"
	"                         problems\n"
	"  clean                  write the records as clean CSV "
	"to standard output\n"
	"  -d, --delimiter=C      input delimiter (, ; tab |); "
	"default: detected\n"
	"  -e, --excel            write for Indonesian Excel "
	"(; , CRLF BOM)\n"
	"      --for=KIND         check: how the tool that reads "
	"KIND reads the\n"
	"                         header (participants, agenda, "
	"staff, schedule,\n"
	"                         responses, key, roster, monev, "
	"units)\n"
	"  -q, --quiet            no warnings\n"
	"  -s, --strict           text that is not UTF-8 is an "
	"error\n"
	"  -h, --help             this help\n"
	"      --version          print the version\n"
	IBM_INPUT_HELP;

static const char *eol_name(ibm_eol e)
{
	switch (e) {
	case IBM_EOL_LF: return "LF";
	case IBM_EOL_CRLF: return "CRLF";
	case IBM_EOL_CR: return "CR";
	default: return "none";
	}
}

/* A header name on one line: line ends shown as \n. */
static void print_escaped(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s != '\r')
			putchar(*s);
	}
}

/* A workbook's sheets with their sizes, and the one read. */
static void print_sheets(ibm_xlsxr *x)
{
	size_t n = ibm_xlsxr_sheets(x);
	const char *cur = NULL;

	printf("  format: Excel workbook (xlsx)\n");
	printf("  sheets: %zu\n", n);
	for (size_t i = 0; i < n; i++) {
		ibm_xlsx_sheet s;

		if (ibm_xlsxr_sheet(x, i, &s) != 0)
			continue;
		printf("    %zu: ", i + 1);
		print_escaped(s.name);
		if (s.hidden)
			printf(" (hidden)");
		if (!s.worksheet)
			printf(": not a worksheet\n");
		else if (s.dim && s.rows)
			printf(": %s, %ld row%s x %ld column%s\n", s.dim,
			       s.rows, s.rows == 1 ? "" : "s", s.cols,
			       s.cols == 1 ? "" : "s");
		else
			printf(": size not recorded\n");
		if (s.current)
			cur = s.name;
	}
	if (cur) {
		printf("  sheet: ");
		print_escaped(cur);
		printf("\n");
	}
}

/*
 * --for KIND: the columns a tool looks for in one of its inputs; need:
 * how many of the first ones tell the header (as the tool finds it).
 */
typedef struct kind {
	const char *name, *what;
	const ibm_colspec *specs;
	size_t n, need;
} kind;

static ibm_colspec *monev_cols; /* the forms': identity and indicators */
static monev_spec monev_default;

static int kind_get(const char *name, kind *k)
{
	static const kind kinds[] = {
		{ "participants", "ibm-invite's participants", inv_field_specs,
		  INV_NF, INV_NF },
		{ "agenda", "ibm-invite --agenda", inv_agenda_specs,
		  INV_AGENDA_NCOLS, INV_AGENDA_NCOLS },
		{ "staff", "ibm-invite --staff", inv_staff_specs,
		  INV_STAFF_NF, INV_STAFF_NF },
		{ "schedule", "ibm-invite --visits", inv_visit_specs, INV_V_NF,
		  INV_V_NF },
		{ "responses", "ibm-score's responses", score_resp_cols,
		  SCORE_RESP_ROLES, SCORE_RESP_NCOLS },
		{ "key", "ibm-score --key", score_key_specs, SCORE_KEY_NCOLS,
		  SCORE_KEY_NCOLS },
		{ "roster", "ibm-score --roster", score_roster_cols, SCORE_NBY,
		  SCORE_NBY },
		{ "monev", "ibm-monev's forms", NULL, 0, MONEV_NID },
		{ "units", "ibm-monev --units", monev_unit_cols, MONEV_UL_N,
		  MONEV_UL_N },
	};

	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		if (strcmp(kinds[i].name, name) != 0)
			continue;
		*k = kinds[i];
		if (!k->specs) {
			/* the default indicators after the identity */
			monev_spec *s = &monev_default;

			monev_spec_load(s, NULL, NULL, NULL);
			monev_cols = ibm_xcalloc(MONEV_NID + s->nind + 1,
						 sizeof *monev_cols);
			memcpy(monev_cols, monev_id_cols,
			       MONEV_NID * sizeof *monev_cols);
			for (size_t j = 0; j < s->nind; j++) {
				monev_cols[MONEV_NID + j].aliases =
					s->ind[j].aliases;
				monev_cols[MONEV_NID + j].role =
					s->ind[j].column;
			}
			k->specs = monev_cols;
			k->n = MONEV_NID + s->nind;
		}
		return 0;
	}
	return -1;
}

static void print_indented(const char *text, void *data)
{
	(void)data;
	printf("    ");
	print_escaped(text);
	printf("\n");
}

/* How the tool that reads a KIND reads this header. */
static int check_columns(ibm_csv *r, const kind *k)
{
	const ibm_rec *h = ibm_csv_header(r);
	int *idx = ibm_xcalloc(k->n + 1, sizeof *idx);
	ibm_colfound *f = ibm_xcalloc(k->n + 1, sizeof *f);
	int st = ibm_col_resolve_found(ibm_csv_name(r), h->line, h, k->specs,
				       k->n, idx, f);

	printf("  columns (as %s):\n", k->what);
	ibm_col_explain(ibm_csv_name(r), h->line, h, k->specs, k->n, f,
			print_indented, NULL);
	free(idx);
	free(f);
	return st ? IBM_EX_DATAERR : 0;
}

/* ibm-csv check: one report per file on stdout, problems on stderr. */
static int check_file(const char *path, const ibm_csv_opts *base,
		      const kind *kd)
{
	ibm_csv_opts o = *base;
	ibm_csv_info info;
	const ibm_rec *rec;
	ibm_csv *r;
	int status, k;
	size_t warn0 = ibm_diag_warnings();

	o.keep_going = 1;
	if (kd) {
		o.need = kd->need ? kd->specs : NULL;
		o.nneed = kd->need;
	}
	printf("%s:\n", strcmp(path, "-") == 0 ? "<stdin>" : path);
	r = ibm_csv_open(path, &o, &status);
	if (!r) {
		printf("  status: unreadable\n");
		return status;
	}
	while ((k = ibm_csv_read(r, &rec)) > 0)
		if (rec->given < rec->n)
			ibm_warn(ibm_csv_name(r), rec->line,
				 "record has %zu of the header's %zu fields; "
				 "padded with empty fields",
				 rec->given, rec->n);
	status = ibm_csv_status(r);
	if (k < 0 && !status)
		status = IBM_EX_DATAERR;
	ibm_csv_get_info(r, &info);
	rec = ibm_csv_header(r);
	if (info.workbook) {
		print_sheets(ibm_csv_workbook(r));
		printf("  header row: %ld\n", info.header_line);
		printf("  last row: %ld\n", info.lines);
	} else {
		printf("  encoding: %s%s\n", info.cp1252 ?
		       "Windows-1252 (converted to UTF-8)" : "UTF-8",
		       info.bom ? ", with BOM" : "");
		printf("  delimiter: %s (%s)\n",
		       ibm_csv_delim_name(info.delim),
		       info.delim_detected ? "detected" : "given");
		printf("  line ends: %s\n", eol_name(info.eol));
		if (info.header_line > 1)
			printf("  header line: %ld\n", info.header_line);
		printf("  lines: %ld\n", info.lines);
	}
	printf("  records: %ld\n", info.records);
	printf("  fields: %zu\n", rec->n);
	printf("  header:");
	for (size_t i = 0; i < rec->n; i++) {
		printf("%s ", i ? " |" : "");
		print_escaped(rec->f[i]);
	}
	printf("\n");
	if (kd) {
		int s = check_columns(r, kd);

		if (s && !status)
			status = s;
	}
	if (info.short_records)
		printf("  short records: %ld (padded with empty fields)\n",
		       info.short_records);
	if (info.bad_records)
		printf("  records with too many fields: %ld\n",
		       info.bad_records);
	printf("  warnings: %zu\n", ibm_diag_warnings() - warn0);
	printf("  status: %s\n", status ? "problems" : "ok");
	ibm_csv_close(r);
	return status;
}

/* Map the columns of a later file onto the first file's header. */
static void map_columns(const ibm_rec *first, const ibm_rec *hdr,
			const char *name, size_t *map)
{
	for (size_t i = 0; i < first->n; i++) {
		char *want = ibm_name_key(first->f[i]);
		size_t j;

		for (j = 0; j < hdr->n; j++) {
			char *have = ibm_name_key(hdr->f[j]);
			int eq = strcmp(want, have) == 0;

			free(have);
			if (eq && (want[0] || i == j))
				break;
		}
		free(want);
		if (j == hdr->n || hdr->n != first->n)
			ibm_die(IBM_EX_DATAERR, name, hdr->line,
				"columns differ from the first file's (column "
				"\"%s\" %s)",
				first->f[i],
				j == hdr->n ? "is missing" : "count differs");
		map[i] = j;
	}
}

/* ibm-csv clean: the records of every file as clean CSV on stdout. */
static int clean(char **files, int nfiles, const ibm_csv_opts *o, int excel)
{
	ibm_csvw *w = ibm_csvw_new(stdout, excel);
	char *first_hdr_store = NULL;
	ibm_rec first = { 0 };
	char **first_f = NULL;
	size_t *map = NULL;
	char *stdin_only[] = { "-" };

	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	for (int i = 0; i < nfiles; i++) {
		ibm_csv *r = ibm_csv_xopen(files[i], o);
		const ibm_rec *h = ibm_csv_header(r), *rec;

		if (i == 0) {
			/* keep a copy of the first header */
			size_t total = 0, off = 0;

			for (size_t c = 0; c < h->n; c++)
				total += h->len[c] + 1;
			first_hdr_store = ibm_xmalloc(total + 1);
			first_f = ibm_xcalloc(h->n + 1, sizeof *first_f);
			for (size_t c = 0; c < h->n; c++) {
				memcpy(first_hdr_store + off, h->f[c],
				       h->len[c] + 1);
				first_f[c] = first_hdr_store + off;
				off += h->len[c] + 1;
			}
			first.n = h->n;
			first.f = first_f;
			map = ibm_xcalloc(h->n + 1, sizeof *map);
			for (size_t c = 0; c < h->n; c++) {
				map[c] = c;
				ibm_csvw_field(w, h->f[c], h->len[c]);
			}
			ibm_csvw_end(w);
		} else {
			map_columns(&first, h, ibm_csv_name(r), map);
		}
		while (ibm_csv_xread(r, &rec) > 0) {
			for (size_t c = 0; c < first.n; c++)
				ibm_csvw_field_rec(w, rec->f[map[c]],
						   rec->len[map[c]]);
			ibm_csvw_end(w);
		}
		ibm_csv_close(r);
	}
	if (ibm_csvw_free(w) != 0)
		ibm_die_errno(IBM_EX_IOERR, NULL, "standard output: write error");
	free(first_hdr_store);
	free(first_f);
	free(map);
	return 0;
}

static const struct option longopts[] = {
	{ "excel", no_argument, NULL, 'e' },
	{ "strict", no_argument, NULL, 's' },
	{ "for", required_argument, NULL, 'F' },
	IBM_OPT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static const char *for_kind; /* --for */

/* Options stand before or after the command; returns optind. */
static int parse_opts(int argc, char **argv, ibm_csv_opts *o, int *excel)
{
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+:d:eqshv", longopts, NULL)) != -1) {
		switch (c) {
		case 'e': *excel = 1; break;
		case 's': o->strict = 1; break;
		case 'F': for_kind = optarg; break;
		default: ibm_opt_common(c, argv, o);
		}
	}
	return optind;
}

int main(int argc, char **argv)
{
	ibm_csv_opts o = { 0 };
	int excel = 0, status = 0, k;
	const char *cmd;

	ibm_diag_init("ibm-csv");
	ibm_opt_init(argc, argv, synopsis, options);
	k = parse_opts(argc, argv, &o, &excel);
	argc -= k;
	argv += k;
	if (argc < 1)
		ibm_usage_error("no command given (check or clean)");
	cmd = argv[0];
	/* argv[0] is now the command: getopt skips it like a program name */
	k = parse_opts(argc, argv, &o, &excel);
	argc -= k;
	argv += k;
	if (strcmp(cmd, "check") == 0) {
		kind kd, *kp = NULL;

		if (for_kind) {
			if (kind_get(for_kind, &kd) != 0)
				ibm_usage_error("--for takes participants, "
						"agenda, staff, schedule, "
						"responses, key, roster, monev "
						"or units, not \"%s\"",
						for_kind);
			kp = &kd;
		}
		if (excel)
			ibm_usage_error("--excel goes with clean");
		if (argc < 1)
			ibm_usage_error("check needs at least one file");
		for (int i = 0; i < argc; i++) {
			int s = check_file(argv[i], &o, kp);

			if (s && !status)
				status = s;
		}
		if (monev_cols) {
			free(monev_cols);
			monev_spec_free(&monev_default);
		}
	} else if (strcmp(cmd, "clean") == 0) {
		if (for_kind)
			ibm_usage_error("--for goes with check");
		status = clean(argv, argc, &o, excel);
	} else {
		ibm_usage_error("unknown command: %s", cmd);
	}
	ibm_close_stdout();
	return status;
}
