/*
 * fuzz_xlsxread.c - libFuzzer target for the workbook reader (xlsxread.c,
 * reached through ibm_csv_open as every tool reaches it).
 *
 * The input is the file, read through a memfd like a real file; the
 * input's size picks the options (the default sheet or sheet "2", columns
 * to find the header by or none). Every record must be as the CSV reader
 * promises (the header's width, valid UTF-8 without NUL bytes, a row
 * number), and the sheet list must be readable, whatever the bytes.
 *
 * A zip entry stored without compression gets its CRC-32 set right before
 * the read (fix_crcs), so that a mutation of its XML reaches the XML
 * parser instead of libzip's CRC check; the stored seeds (corpus.sh) and
 * the XML dictionary (fuzz_xlsxread.dict, given by `make fuzz`) are for
 * that.
 *
 * Seeds: the .xlsx files in tests/data/xlsx (made by make.py there), and
 * the same stored without compression.
 * Build with `make fuzz`; run e.g.
 *   build-fuzz/fuzz_xlsxread -max_total_time=60 -close_fd_mask=2 \
 *       CORPUS tests/data/xlsx
 */
#define _GNU_SOURCE
#include "ibmkit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned le16(const uint8_t *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static unsigned long le32(const uint8_t *p)
{
	return le16(p) | (unsigned long)le16(p + 2) << 16;
}

static void put32(uint8_t *p, unsigned long v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* The CRC-32 of every stored entry set to its data's, in the central
 * directory and the local header. */
static void fix_crcs(uint8_t *d, size_t n)
{
	for (size_t i = 0; i + 46 <= n; i++) {
		unsigned long crc, len, loc;
		size_t data;

		if (memcmp(d + i, "PK\1\2", 4) != 0 || le16(d + i + 10) != 0)
			continue;
		len = le32(d + i + 20);
		loc = le32(d + i + 42);
		if (loc + 30 > n || memcmp(d + loc, "PK\3\4", 4) != 0)
			continue;
		data = loc + 30 + le16(d + loc + 26) + le16(d + loc + 28);
		if (data > n || len > n - data)
			continue;
		crc = crc32(0, d + data, (uInt)len);
		put32(d + i + 16, crc);
		put32(d + loc + 14, crc);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const ibm_colspec need[] = {
		{ "nama|name", 1 }, { "no|nomor", 0 },
	};
	ibm_csv_opts o = { 0 };
	char path[64];
	const ibm_rec *rec, *h;
	ibm_csv *r;
	ibm_xlsxr *x;
	int fd, st, k;
	long last = 0;
	int restarts = 0;

	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	fd = memfd_create("fuzz", 0);
	if (fd < 0)
		abort();
	{
		uint8_t *copy = malloc(size ? size : 1);

		if (!copy)
			abort();
		memcpy(copy, data, size);
		fix_crcs(copy, size);
		if (size && write(fd, copy, size) != (ssize_t)size)
			abort();
		free(copy);
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	if (size & 1)
		o.sheet = "2";
	if (size & 2) {
		o.need = need;
		o.nneed = 2;
	}
	o.keep_going = (size & 4) != 0;
	r = ibm_csv_open(path, &o, &st);
	if (!r) {
		if (st != IBM_EX_DATAERR && st != IBM_EX_IOERR)
			abort();
		close(fd);
		return 0;
	}
	h = ibm_csv_header(r);
	if (h->line < 1)
		abort();
	x = ibm_csv_workbook(r);
	if (x) {
		for (size_t i = 0; i < ibm_xlsxr_sheets(x); i++) {
			ibm_xlsx_sheet s;

			if (ibm_xlsxr_sheet(x, i, &s) != 0 || !s.name ||
			    s.rows < 0 || s.cols < 0)
				abort();
		}
	}
	last = h->line;
	while ((k = ibm_csv_read(r, &rec)) > 0) {
		if (rec->n != h->n || rec->given > rec->n || rec->line < 1)
			abort();
		/* rows only go down (in each block of a list printed in
		 * blocks side by side: at most 8) */
		if (x && rec->line <= last && ++restarts >= 8)
			abort();
		last = rec->line;
		for (size_t i = 0; i < rec->n; i++)
			if (strlen(rec->f[i]) != rec->len[i] ||
			    !ibm_utf8_valid(rec->f[i], rec->len[i]))
				abort();
	}
	if (k < 0 && ibm_csv_status(r) == 0)
		abort();
	ibm_csv_close(r);
	close(fd);
	return 0;
}
