/*
 * fuzz_date.c - libFuzzer target for the value parsers: dates and times,
 * numbers, counts, amounts in rupiah, phone numbers, e-mail addresses,
 * yes/no, a Monev period ("2024-S1", --period); the input as a C
 * string.
 * Results are checked for consistency (valid dates format and parse
 * back, normalised phone numbers normalise to themselves).
 */
#include "ibmkit.h"
#include "monev.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	char buf[128];
	ibm_date d, d2;
	ibm_datetime t;
	double v;
	long n;
	char *p;
	int k;

	memcpy(s, data, size);
	s[size] = '\0';

	if (ibm_date_parse(s, &d) == 0) {
		if (!ibm_date_valid(d))
			abort();
		if (ibm_date_cmp(ibm_date_from_days(ibm_date_days(d)), d) != 0)
			abort();
		ibm_date_long_day(buf, sizeof buf, d);
		if (ibm_date_parse(buf, &d2) != 0 || ibm_date_cmp(d, d2) != 0)
			abort();
		ibm_date_iso(buf, sizeof buf, d);
		if (ibm_date_parse(buf, &d2) != 0 || ibm_date_cmp(d, d2) != 0)
			abort();
		ibm_date_range_long(buf, sizeof buf, d, d);
		if (ibm_datetime_parse(s, &t) != 0 ||
		    ibm_date_cmp(t.date, d) != 0 || t.hh != -1)
			abort();
	}
	if (ibm_datetime_parse(s, &t) == 0) {
		if (!ibm_date_valid(t.date))
			abort();
		if (t.hh != -1 && (t.hh < 0 || t.hh > 23 || t.mm < 0 ||
				   t.mm > 59 || t.ss < 0 || t.ss > 60))
			abort();
		if (t.hh == -1 && (t.mm != -1 || t.ss != -1))
			abort();
		(void)ibm_datetime_key(&t);
	}
	if (ibm_parse_number(s, &v, 0) == 0 && !isfinite(v))
		abort();
	if (ibm_parse_number(s, &v, IBM_NUM_THOUSANDS) == 0 && !isfinite(v))
		abort();
	if (ibm_parse_count(s, &n) == 0 && n < 0)
		abort();
	p = ibm_phone_norm(s);
	if (p) {
		char *q = ibm_phone_norm(p);
		size_t len = strlen(p);

		if (strncmp(p, "+62", 3) != 0 || len < 11 || len > 16 || !q ||
		    strcmp(p, q) != 0)
			abort();
		free(q);
		free(p);
	}
	p = ibm_email_norm(s);
	if (p) {
		/* one '@', lower case, and normalised to itself */
		char *q = ibm_email_norm(p), *at = strchr(p, '@');

		if (!q || strcmp(p, q) != 0 || !at || at == p ||
		    strchr(at + 1, '@') || strpbrk(p, " ,;\t") ||
		    strpbrk(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
			abort();
		free(q);
		free(p);
	}
	k = ibm_parse_yesno(s);
	if (k < -1 || k > 1)
		abort();
	{
		long long rp;
		int y = 0, sem = 0;

		(void)ibm_parse_rupiah(s, &rp);
		if (monev_period_parse(s, &y, &sem) == 0 &&
		    (sem < 1 || sem > 2))
			abort();
	}
	free(s);
	return 0;
}
