/*
 * fuzz_columns.c - finding columns by the words of their headers
 * (columns.c): the input's lines are a header's cells, then, after a line
 * "===", --column arguments (ROLE=HEADER). The header is matched against
 * the columns of ibm-invite, ibm-score and ibm-monev, and explained.
 * Checks: every column found is a cell of the header; a header taken by
 * more than its words goes to one column only; a tie names two cells.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "invite.h"
#include "monev.h"
#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void sink(const char *text, void *arg)
{
	(void)text;
	(void)arg;
}

static void check(const ibm_rec *h, const ibm_colspec *s, size_t n)
{
	ibm_colfound *f = calloc(n + 1, sizeof *f);
	int *idx = calloc(n + 1, sizeof *idx);
	unsigned char *by_words = calloc(h->n + 1, 1);

	ibm_col_match(h, s, n, f, 0);
	for (size_t i = 0; i < n; i++) {
		if (f[i].col >= (int)h->n || f[i].col < -1)
			abort();
		if (f[i].how == IBM_COL_TIE &&
		    (f[i].tie[0] < 0 || f[i].tie[0] >= (int)h->n ||
		     (f[i].rival < 0 && (f[i].tie[1] < 0 ||
					 f[i].tie[1] >= (int)h->n ||
					 f[i].tie[1] == f[i].tie[0]))))
			abort();
		if (f[i].how >= IBM_COL_REMARK && f[i].how <= IBM_COL_PART) {
			if (f[i].col < 0 || by_words[f[i].col]++)
				abort();
		}
	}
	ibm_col_explain("in.csv", 1, h, s, n, f, sink, NULL);
	ibm_col_resolve("in.csv", 1, h, s, n, idx);
	free(by_words);
	free(idx);
	free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *p, **cells = NULL;
	size_t n = 0, cap = 0;
	int maps = 0;
	ibm_rec h;

	if (size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	for (p = text; p;) {
		char *e = strchr(p, '\n');

		if (e)
			*e = '\0';
		if (!maps && strcmp(p, "===") == 0)
			maps = 1;
		else if (maps)
			ibm_col_given(p, "fuzz");
		else {
			ibm_grow((void **)&cells, &cap, n + 2, sizeof *cells);
			cells[n++] = p;
		}
		p = e ? e + 1 : NULL;
	}
	memset(&h, 0, sizeof h);
	h.f = cells ? cells : (char *[]){ NULL };
	h.n = h.given = n;
	h.line = 1;
	check(&h, inv_field_specs, INV_NF);
	check(&h, score_resp_cols, SCORE_RESP_ROLES);
	check(&h, monev_id_cols, MONEV_NID);
	check(&h, score_key_specs, SCORE_KEY_NCOLS);
	ibm_col_unused();
	free(cells);
	free(text);
	return 0;
}
