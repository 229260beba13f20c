/*
 * fuzz_invite_number.c - letter number patterns (inv_number_format):
 * {n}, {n:W}, {bulan_romawi}, {bulan}, {tahun} and anything else. The
 * first byte is the month (0: no date), the second the counter: N * 1000
 * + 7, or from 250 on the type's limit, LONG_MAX - (255 - N) (every one
 * has a 7 in it).
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "invite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ibm_date d = { 2024, 0, 1 };
	char *pat, *s;
	long n;

	if (size < 2 || size > 4096)
		return 0;
	d.m = data[0] % 14;
	pat = ibm_xstrndup((const char *)data + 2, size - 2);
	n = data[1] >= 250 ? LONG_MAX - (255 - data[1]) :
			     (long)data[1] * 1000 + 7;
	s = inv_number_format(pat, n, d);
	if (s && !strstr(s, "7"))
		abort(); /* the counter is always in the number */
	free(s);
	free(pat);
	return 0;
}
