/*
 * fuzz_score_prepost.c - ibm-score's pre/post run: both exports read
 * and scored (score_record), duplicates dropped, participants matched by
 * e-mail, name, a --match column or --fuzzy names, and the statistics.
 * The input is split at "\n===\n" into the pre-test, the post-test and
 * an optional answer key; the first byte picks the options. The exports
 * are read through memfds like real files; the people CSV goes to
 * /dev/null (standard output), messages to standard error. Inputs are
 * bounded to 4 KiB: every unmatched participant is compared with every
 * name on the other side (edit distances), which is slow instrumented.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int memfile(const char *p, size_t n, char *path, size_t size)
{
	int fd = memfd_create("fuzz", 0);

	if (fd < 0)
		abort();
	if (n && write(fd, p, n) != (ssize_t)n)
		abort();
	snprintf(path, size, "/proc/self/fd/%d", fd);
	return fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int init;
	static const int dups[3] = { SCORE_DUP_FIRST, SCORE_DUP_LAST,
				     SCORE_DUP_BEST };
	score_opts o;
	const char *text = (const char *)data + 1, *s1, *s2 = NULL;
	size_t len, postlen;
	char pre[64], post[64];
	char *keep[1] = { "kelas" };
	score_key *k = NULL;
	int fa, fb, opt;

	if (size < 1 || size > 4096)
		return 0;
	if (!init) {
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		if (!freopen("/dev/null", "w", stdout))
			abort();
		init = 1;
	}
	opt = data[0];
	len = size - 1;
	s1 = memmem(text, len, "\n===\n", 5);
	if (!s1)
		return 0;
	s2 = memmem(s1 + 5, len - (size_t)(s1 + 5 - text), "\n===\n", 5);
	if (s2) {
		int st;
		ibm_csv *kr = ibm_csv_open_mem("key.csv", s2 + 5,
					       len - (size_t)(s2 + 5 - text),
					       NULL, &st);

		if (!kr)
			return 0;
		st = score_key_read(kr, opt & 1, &k);
		ibm_csv_close(kr);
		if (st)
			return 0;
		postlen = (size_t)(s2 - (s1 + 5)) + 1; /* with its '\n' */
	} else {
		postlen = len - (size_t)(s1 + 5 - text);
	}
	memset(&o, 0, sizeof o);
	o.exact = opt & 1;
	o.fuzzy = opt >> 1 & 1;
	o.dup = dups[(opt >> 2 & 3) % 3];
	o.match = opt >> 4 & 1 ? "nim" : NULL;
	o.keep = keep;
	o.nkeep = opt >> 5 & 1;
	o.has_pass = opt >> 6 & 1;
	o.pass = 60 * SCORE_SCALE;
	fa = memfile(text, (size_t)(s1 - text) + 1, pre, sizeof pre);
	fb = memfile(s1 + 5, postlen, post, sizeof post);
	o.pre = pre;
	o.post = post;
	(void)score_run_keys(&o, k, NULL);
	fflush(stdout);
	close(fa);
	close(fb);
	score_key_free(k);
	return 0;
}
