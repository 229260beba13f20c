/*
 * image.c - a logo checked before libharu reads it (typeset.h).
 *
 * libharu hands a PNG to libpng with an error function that returns, so
 * libpng's first complaint about a damaged file (a CRC error, a bad
 * filter, a cut stream) ends the program with SIGABRT; and it reads a
 * palette image of fewer than 8 bits with transparency past its rows. So
 * a PNG is decoded here first, whole, by the same libpng with the same
 * transformation (16-bit samples stripped), its errors and warnings
 * caught (libharu takes a warning for an error too); only a file libpng
 * reads without a word reaches libharu. Interlaced images, which libharu
 * cannot read, are refused with a word of what to do. A JPEG, which libharu only
 * scans for its frame header, must have one with a size and 1, 3 or 4
 * components. Both are bounded in pixels, which the PDF holds whole.
 */
#include "typeset.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* The pixels of a logo (libharu holds the image, and a mask as large). */
#define IMAGE_PIXELS_MAX (25L * 1000 * 1000)

typedef struct png_src {
	const unsigned char *p;
	size_t n, at;
	char *why;
	size_t size;
	jmp_buf jmp;
} png_src;

static void png_read_mem(png_structp png, png_bytep out, png_size_t n)
{
	png_src *s = png_get_io_ptr(png);

	if (n > s->n - s->at)
		png_error(png, "the file ends too early");
	memcpy(out, s->p + s->at, n);
	s->at += n;
}

static void png_complain(png_structp png, png_const_charp msg)
{
	png_src *s = png_get_error_ptr(png);

	snprintf(s->why, s->size, "a damaged PNG image (libpng: %s)", msg);
	longjmp(s->jmp, 1);
}

/* Decode the PNG d[0..n) whole; 0, or -1 with why. */
static int png_check(const unsigned char *d, size_t n, char *why,
		     size_t size)
{
	png_src s = { d, n, 0, why, size };
	png_structp png;
	png_infop info = NULL;
	/* volatile: changed after setjmp, read after longjmp */
	png_bytep volatile row = NULL;
	int volatile ok = 0;

	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &s, png_complain,
				     png_complain);
	if (!png)
		ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
	if (setjmp(s.jmp) == 0) {
		png_uint_32 w, h;
		int depth, type, interlace, passes;
		png_bytep trans;
		int ntrans;

		info = png_create_info_struct(png);
		if (!info)
			ibm_die(IBM_EX_SOFTWARE, NULL, 0, "out of memory");
		png_set_read_fn(png, &s, png_read_mem);
		png_read_info(png, info);
		png_get_IHDR(png, info, &w, &h, &depth, &type, &interlace,
			     NULL, NULL);
		if ((double)w * h > IMAGE_PIXELS_MAX) {
			snprintf(why, size, "too large (%lu by %lu pixels; "
				 "the limit is %ld million)", (unsigned long)w,
				 (unsigned long)h, IMAGE_PIXELS_MAX / 1000000);
			longjmp(s.jmp, 1);
		}
		if (interlace != PNG_INTERLACE_NONE) {
			/* libharu reads it without libpng's interlace
			 * handling, which libpng answers with a warning */
			snprintf(why, size, "an interlaced PNG image, which "
				 "the PDF library cannot read; save it without "
				 "interlacing");
			longjmp(s.jmp, 1);
		}
		if (type == PNG_COLOR_TYPE_PALETTE && depth < 8 &&
		    png_get_tRNS(png, info, &trans, &ntrans, NULL)) {
			snprintf(why, size, "a PNG image of %d-bit colours "
				 "with transparency, which the PDF library "
				 "misreads; save it as 8-bit or RGB", depth);
			longjmp(s.jmp, 1);
		}
		if (depth == 16)
			png_set_strip_16(png);
		passes = png_set_interlace_handling(png);
		png_read_update_info(png, info);
		row = ibm_xmalloc(png_get_rowbytes(png, info));
		for (int p = 0; p < passes; p++)
			for (png_uint_32 y = 0; y < h; y++)
				png_read_row(png, row, NULL);
		ok = 1; /* what follows the image libharu does not read */
	}
	free(row);
	png_destroy_read_struct(&png, info ? &info : NULL, NULL);
	return ok ? 0 : -1;
}

/* A JPEG's frame header, as libharu looks for it: the markers from the
 * start to the first SOF0/1/2/9. 0, or -1 with why. */
static int jpeg_check(const unsigned char *d, size_t n, char *why,
		      size_t size)
{
	size_t at = 2;

	while (at + 4 <= n) {
		unsigned tag = (unsigned)d[at] << 8 | d[at + 1];
		unsigned len = (unsigned)d[at + 2] << 8 | d[at + 3];

		if (tag == 0xFFC0 || tag == 0xFFC1 || tag == 0xFFC2 ||
		    tag == 0xFFC9) {
			unsigned h, w, comps;

			if (at + 10 > n)
				break;
			h = (unsigned)d[at + 5] << 8 | d[at + 6];
			w = (unsigned)d[at + 7] << 8 | d[at + 8];
			comps = d[at + 9];
			if (!w || !h || (comps != 1 && comps != 3 && comps != 4)
			    || d[at + 4] != 8) {
				snprintf(why, size, "a JPEG image the PDF "
					 "cannot hold (%u by %u pixels, %u "
					 "colours of %u bits)", w, h, comps,
					 d[at + 4]);
				return -1;
			}
			if ((double)w * h > IMAGE_PIXELS_MAX) {
				snprintf(why, size, "too large (%u by %u "
					 "pixels; the limit is %ld million)", w,
					 h, IMAGE_PIXELS_MAX / 1000000);
				return -1;
			}
			return 0;
		}
		if ((tag | 0xFF) != 0xFFFF || len < 2)
			break;
		at += 2 + (size_t)len;
	}
	snprintf(why, size, "a damaged JPEG image (no frame header)");
	return -1;
}

int ts_image_check(const unsigned char *d, size_t n, int type, char *why,
		   size_t size)
{
	return type == 1 ? png_check(d, n, why, size) :
			   jpeg_check(d, n, why, size);
}
