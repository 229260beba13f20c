/*
 * fuzz_typeset_image.c - a logo as `logo =` names it: the check
 * (ts_image_check, image.c: libpng decodes a PNG whole with its errors
 * caught; a JPEG's frame header) and, when it passes, libharu loading the
 * image, drawing it and saving the PDF to memory. An image the check
 * passes must never make libpng abort inside libharu, nor libharu read
 * past it.
 *
 * Seeds: tests/fuzz/corpus/fuzz_typeset_image (the test logos, small
 * PNGs of every colour type and depth, damaged ones, a JPEG).
 */
#include "typeset.h"

#include <hpdf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char why[256];
	int type = 0;
	HPDF_Doc doc;
	HPDF_Image img;

	if (size >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0)
		type = 1;
	else if (size >= 3 && memcmp(data, "\xFF\xD8\xFF", 3) == 0)
		type = 2;
	if (!type || ts_image_check(data, size, type, why, sizeof why) != 0)
		return 0;
	doc = HPDF_New(NULL, NULL); /* errors are answers */
	if (!doc)
		abort();
	img = type == 1 ? HPDF_LoadPngImageFromMem(doc, data, (HPDF_UINT)size)
			: HPDF_LoadJpegImageFromMem(doc, data, (HPDF_UINT)size);
	if (img) {
		HPDF_Page page = HPDF_AddPage(doc);

		if (page) {
			HPDF_Page_DrawImage(page, img, 50, 600,
					    (HPDF_REAL)HPDF_Image_GetWidth(img),
					    (HPDF_REAL)HPDF_Image_GetHeight(img));
			HPDF_SaveToStream(doc);
		}
	}
	HPDF_Free(doc);
	return 0;
}
