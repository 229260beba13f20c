/* score_gen.c - writes a Google-Forms-shaped quiz export for the bench:
 * score_gen ROWS SEED KEYFILE > export.csv. Timestamp, Email Address,
 * Score and 40 questions, every field quoted like Forms' own download;
 * the 40-question answer key goes to KEYFILE. Fixed seed: same bytes. */
#include <stdio.h>
#include <stdlib.h>

#define NQ 40

static unsigned long long st;

static unsigned rnd(unsigned n)
{
	st ^= st << 13;
	st ^= st >> 7;
	st ^= st << 17;
	return (unsigned)(st % n);
}

static const char *const opt[4] = {
	"Intervensi singkat", "Rujukan",
	"Skrining", "Konseling"
};

int main(int argc, char **argv)
{
	long rows;
	FILE *k;
	int key[NQ];

	if (argc != 4)
		return 64;
	rows = atol(argv[1]);
	st = 88172645463325252ULL ^ strtoull(argv[2], NULL, 10);
	k = fopen(argv[3], "w");
	if (!k)
		return 73;
	fprintf(k, "soal,kunci\n");
	for (int q = 0; q < NQ; q++) {
		key[q] = (int)rnd(4);
		fprintf(k, "%d,%s\n", q + 1, opt[key[q]]);
	}
	fclose(k);
	printf("\"Timestamp\",\"Email Address\",\"Score\"");
	for (int q = 0; q < NQ; q++)
		printf(",\"%d. Soal nomor %d tentang layanan IBM, \"\"rehabilitasi\"\"?\"",
		       q + 1, q + 1);
	printf("\n");
	for (long r = 0; r < rows; r++) {
		int ans[NQ], s = 0;

		for (int q = 0; q < NQ; q++) {
			ans[q] = rnd(10) < 6 ? key[q] : (int)rnd(4);
			s += ans[q] == key[q];
		}
		printf("\"2024/06/24 %ld:%02ld:%02ld AM GMT+8\",\"peserta%ld@gmail.com\","
		       "\"%d / %d\"", 8 + r / 3600 % 4, r / 60 % 60, r % 60, r,
		       s, NQ);
		for (int q = 0; q < NQ; q++)
			printf(",\"%s\"", opt[ans[q]]);
		printf("\n");
	}
	return ferror(stdout) ? 74 : 0;
}
