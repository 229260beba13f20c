/*
 * fuzz_typeset_font.c - a font file as `font =` names it: the check
 * (ts_font_read, font.c) and, when it passes, libharu loading the font,
 * measuring and showing text in it (glyph widths and boxes), embedding it
 * in a PDF saved to memory (the subset it rebuilds from loca and glyf).
 * A font the check passes must never crash libharu: that is what the
 * check is for.
 *
 * Seeds: tests/fuzz/corpus/fuzz_typeset_font (small fonts made by
 * tests/fuzz/mkfont.py, and damaged ones). Run under `make fuzz`.
 */
#define _GNU_SOURCE
#include "typeset.h"

#include <hpdf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char why[256], path[64];
	ts_font *f = ts_font_read((const char *)data, size, why, sizeof why);
	HPDF_Doc doc;
	const char *name;
	int fd;

	if (!f)
		return 0;
	for (long cp = 0; cp < 0x10000; cp += 97)
		(void)ts_font_has(f, cp);
	ts_font_free(f);
	fd = memfd_create("font", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	doc = HPDF_New(NULL, NULL); /* errors are answers */
	if (!doc)
		abort();
	HPDF_UseUTFEncodings(doc);
	name = HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
	if (name) {
		HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
		HPDF_Page page = HPDF_AddPage(doc);

		if (font && page) {
			HPDF_Page_SetFontAndSize(page, font, 12);
			(void)HPDF_Page_TextWidth(page, "AHax Budi \xC3\xA9 "
						  "\xE4\xB8\xAD \xEF\xBF\xBF");
			HPDF_Page_BeginText(page);
			HPDF_Page_TextOut(page, 50, 700, "AHax Budi \xC3\xA9 "
					  "\xE4\xB8\xAD \xF0\x9F\x98\x80");
			HPDF_Page_EndText(page);
			HPDF_SaveToStream(doc);
		}
	}
	HPDF_Free(doc);
	close(fd);
	return 0;
}
