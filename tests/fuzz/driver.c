/*
 * driver.c - runs a fuzz target without libFuzzer: each file named on the
 * command line is one input. `make test` builds every tests/fuzz/fuzz_*.c
 * with it and feeds it the test data (tests/fuzz.t), so that the targets
 * keep building and their seed inputs keep passing, also under `make asan`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t n = 0, cap = 0, k;

		if (!fp) {
			perror(argv[i]);
			return 66;
		}
		do {
			if (n == cap) {
				uint8_t *p;

				cap = cap ? cap * 2 : 4096;
				p = realloc(buf, cap);
				if (!p)
					return 70;
				buf = p;
			}
			k = fread(buf + n, 1, cap - n, fp);
			n += k;
		} while (k > 0);
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, n);
		free(buf);
	}
	return 0;
}
