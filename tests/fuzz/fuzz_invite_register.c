/*
 * fuzz_invite_register.c - ibm-invite's register of outgoing letters: any
 * CSV read (inv_register_parse: columns by name, dates, counters up to
 * LONG_MAX), then numbers issued from it as a run does (the same letter
 * again, the next counter of a type and year, read from the numbers when
 * urut is missing; a first number; a whole number; addressees that a
 * spreadsheet would take as formulas) and the new register rendered as it
 * is saved. The rendered register must keep the old bytes, and must read
 * back with the same letters found again.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "invite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct letter {
	const char *type, *pattern, *whole;
	long first;
	ibm_date date;
	const char *kepada, *hal;
} letters[] = {
	{ "undangan", "B/UND-{n}/{bulan_romawi}/Rh.01.00/{tahun}", NULL, 0,
	  { 2024, 6, 14 }, "Ani (Bugis)", "Bimtek" },
	{ "undangan", "B/UND-{n}/{bulan_romawi}/Rh.01.00/{tahun}", NULL, 0,
	  { 2024, 6, 14 }, "=HYPERLINK(\"http://x\",\"y\")", "+Bimtek" },
	{ "sprin", "Sprin/{n:3}/{tahun}", NULL, 0, { 2024, 1, 2 }, "Tim A",
	  "-Rapat" },
	{ "sprin", "Sprin/{n}", NULL, LONG_MAX, { 2024, 1, 2 }, "Tim B",
	  "@x" },
	{ "undangan", "{n}", "B/9/VI/2024", 0, { 2023, 12, 31 }, "Daftar",
	  "Rapat" },
	{ "undangan", "{n}", NULL, 0, { 2023, 12, 31 }, "-5", "\t" },
};
#define NLETTERS (sizeof letters / sizeof letters[0])

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	inv_register *r, *back;
	char *nomor[NLETTERS], *out;
	size_t len;

	if (size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	if (inv_register_parse("register.csv", (const char *)data, size,
			       &r) != 0)
		return 0;
	for (size_t i = 0; i < NLETTERS; i++) {
		const struct letter *l = &letters[i];

		if (inv_register_issue(r, l->type, "nomor", l->pattern,
				       l->whole, l->first, l->date, l->kepada,
				       l->hal, &nomor[i]) != 0)
			nomor[i] = NULL;
	}
	out = inv_register_render(r, &len);
	if (out) {
		/* the old lines are kept byte for byte */
		if (len < size || memcmp(out, data, size) != 0)
			abort();
		if (inv_register_parse("register.csv", out, len, &back) == 0) {
			for (size_t i = 0; i < NLETTERS; i++) {
				const struct letter *l = &letters[i];
				char *again;

				if (!nomor[i] ||
				    inv_register_issue(back, l->type, "nomor",
					l->pattern, l->whole, l->first,
					l->date, l->kepada, l->hal,
					&again) != 0)
					continue;
				if (strcmp(again, nomor[i]) != 0)
					abort(); /* issued twice */
				free(again);
			}
			inv_register_free(back);
		}
		free(out);
	}
	for (size_t i = 0; i < NLETTERS; i++)
		free(nomor[i]);
	inv_register_free(r);
	return 0;
}
