/*
 * fuzz_csvread.c - libFuzzer target for the CSV reader.
 *
 * The first byte picks the options (delimiter given or detected, strict,
 * keep_going, allow_empty); the rest is the file, read through a memfd
 * like a real file. Every record read is written with the RFC 4180
 * writer; that output must read back (strict UTF-8, comma) into exactly
 * the same output: clean(clean(x)) == clean(x). Columns are looked up
 * in the header by name on the way.
 *
 * Build with `make fuzz`; run e.g.
 *   build-fuzz/fuzz_csvread -max_total_time=60 -close_fd_mask=2 CORPUS
 */
#define _GNU_SOURCE
#include "ibmkit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A memfd holding the bytes; its /proc path in path. */
static int memfile(const void *p, size_t n, char *path, size_t size)
{
	int fd = memfd_create("fuzz", 0);

	if (fd < 0)
		abort();
	if (n && write(fd, p, n) != (ssize_t)n)
		abort();
	snprintf(path, size, "/proc/self/fd/%d", fd);
	return fd;
}

/* Read path with o; the records written as clean CSV into a malloc'd
 * buffer (*len bytes). Returns 0, or -1 when the reader reported an
 * error (or the file was refused). */
static int clean(const char *path, const ibm_csv_opts *o, char **out,
		 size_t *len, const char **first)
{
	FILE *fp = open_memstream(out, len);
	ibm_csvw *w;
	const ibm_rec *rec;
	ibm_csv *r;
	ibm_csv_info info;
	int st = 0, k;

	if (!fp)
		abort();
	r = ibm_csv_open(path, o, &st);
	if (!r) {
		fclose(fp);
		if (st != IBM_EX_DATAERR && st != IBM_EX_NOINPUT &&
		    st != IBM_EX_IOERR)
			abort();
		return -1;
	}
	w = ibm_csvw_new(fp, 0);
	{
		const ibm_rec *h = ibm_csv_header(r);
		static const ibm_colspec specs[] = {
			{ "nama|nama lengkap|name", 1 }, { "no hp|hp", 0 },
			{ "a", 1 }, { "", 0 }
		};
		int idx[4];

		/* columns by their words: found ones really hold them (the
		 * "a" of "a", "1. A", "A (remark)"; a word of its own, "a"
		 * means nothing, so by its name or less remarks only) */
		(void)ibm_col_resolve(ibm_csv_name(r), h->line, h, specs, 4,
				      idx);
		for (int i = 0; i < 4; i++)
			if (idx[i] >= (int)h->n || idx[i] < -1)
				abort();
		if (idx[2] >= 0) {
			char *key = ibm_name_key(h->f[idx[2]]);

			if (!strchr(key, 'a'))
				abort();
			free(key);
		}

		if (first)
			*first = NULL;
		if (first && h->n > 0 &&
		    strncmp(h->f[0], "\xEF\xBB\xBF", 3) == 0)
			*first = "bom";
		for (size_t i = 0; i < h->n; i++)
			ibm_csvw_field(w, h->f[i], h->len[i]);
		ibm_csvw_end(w);
	}
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		if (rec->n != ibm_csv_header(r)->n || rec->given > rec->n ||
		    rec->line < 1)
			abort();
		for (size_t i = 0; i < rec->n; i++) {
			if (strlen(rec->f[i]) != rec->len[i] ||
			    !ibm_utf8_valid(rec->f[i], rec->len[i]))
				abort();
			ibm_csvw_field(w, rec->f[i], rec->len[i]);
		}
		ibm_csvw_end(w);
	}
	ibm_csv_get_info(r, &info);
	if (info.records < 0 || info.lines < 0)
		abort();
	if (k == 0 && ibm_csv_status(r) != 0 && !o->keep_going)
		abort();
	ibm_csv_close(r);
	if (ibm_csvw_free(w) != 0)
		abort();
	fclose(fp);
	return k < 0 || st ? -1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 }, o2 = { 0 };
	char path[64], path2[64];
	char *out1 = NULL, *out2 = NULL;
	size_t len1 = 0, len2 = 0;
	const char *bom = NULL;
	int fd, fd2, ok;

	if (size < 1)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	o.delim = delims[data[0] & 3];
	o.strict = data[0] >> 2 & 1;
	o.keep_going = data[0] >> 3 & 1;
	o.allow_empty = data[0] >> 4 & 1;
	fd = memfile(data + 1, size - 1, path, sizeof path);
	ok = clean(path, &o, &out1, &len1, &bom) == 0;
	close(fd);
	if (ok && !bom) {
		o2.delim = ',';
		o2.strict = 1;
		o2.allow_empty = 1; /* keep_going may have skipped them all */
		fd2 = memfile(out1, len1, path2, sizeof path2);
		if (clean(path2, &o2, &out2, &len2, NULL) != 0)
			abort(); /* clean output must read back */
		close(fd2);
		if (len1 != len2 || memcmp(out1, out2, len1) != 0)
			abort(); /* and give the same records */
	}
	free(out1);
	free(out2);
	return 0;
}
