/* fuzz_score_key.c - ibm-score's key answer parser, answer matching and
 * "x / y" score parser on arbitrary bytes. The input is split at the
 * first NUL or newline: key answer, then an answer to check against it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *ans, *norm;
	size_t k = 0, n;
	score_q q = { 0 };
	long long x, y;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	while (k < size && s[k] && s[k] != '\n')
		k++;
	ans = k < size ? s + k + 1 : s + size;
	s[k] = '\0';
	norm = malloc(strlen(ans) + 1);
	for (int exact = 0; exact < 2 && norm; exact++) {
		if (score_key_parse_answer(&q, s, exact) == 0) {
			n = score_norm(ans, strlen(ans), norm, exact);
			(void)score_answer_ok(&q, norm, n);
		}
		score_q_free(&q);
	}
	(void)score_parse_xy(s, &x, &y);
	(void)score_parse_xy(ans, &x, &y);
	free(norm);
	free(s);
	return 0;
}
