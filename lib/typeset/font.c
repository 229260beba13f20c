/*
 * font.c - a TrueType font checked before libharu reads it (typeset.h),
 * and the characters it has.
 *
 * libharu 2.3 trusts a font file's numbers: a file that is not a font,
 * or a font whose tables lie about their sizes, makes it read out of its
 * arrays and crash (a text file as font = was SIGSEGV). So every number
 * it takes from the file is checked here first, the way it uses them
 * (hpdf_fontdef_tt.c): the table directory and each table inside the
 * file; head (units per em, which it divides by; the loca format), maxp
 * (glyphs), hhea and hmtx (metrics no more than glyphs, all present),
 * loca (inside glyf, in order), the Windows Unicode character map of
 * format 4 (the one it reads; every segment inside the table, the last
 * one ending at U+FFFF, every glyph index it gives inside the font's
 * glyphs), name (every record inside the table) and OS/2 (may the font be
 * embedded). The tables it copies into the PDF must be there.
 *
 * The same character map tells which characters the font has: libharu
 * looks glyphs up by 16-bit code only, so nothing past U+FFFF shows.
 */
#include "typeset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ts_font {
	unsigned char has[65536 / 8]; /* bit c: the font has a glyph for c */
};

static unsigned u16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long u32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

typedef struct table {
	const unsigned char *p;   /* NULL: absent */
	size_t len;
} table;

typedef struct sfnt {
	const unsigned char *d;
	size_t n;
	unsigned ntab;
} sfnt;

static table find(const sfnt *f, const char *tag)
{
	table t = { NULL, 0 };

	for (unsigned i = 0; i < f->ntab; i++) {
		const unsigned char *r = f->d + 12 + 16 * (size_t)i;

		if (memcmp(r, tag, 4) == 0) {
			t.p = f->d + u32(r + 8);
			t.len = u32(r + 12);
			break;
		}
	}
	return t;
}

/* The tables libharu reads or copies into the PDF (its REQUIRED_TAGS). */
static const char *const needed[] = { "OS/2", "cmap", "cvt ", "fpgm",
	"glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post",
	"prep" };

#define BAD(...) do { snprintf(why, size, __VA_ARGS__); return -1; } while (0)

/* The Windows Unicode map of format 4 libharu takes (the first (3,1)
 * record whose table has format 4): checked, and its characters noted. */
static int check_cmap(table cm, unsigned nglyphs, ts_font *out, char *why,
		      size_t size)
{
	unsigned nrec, seg;
	const unsigned char *s = NULL, *end, *start, *delta, *range;
	size_t slen = 0, nids;

	if (cm.len < 4 || u16(cm.p) != 0)
		BAD("its character map (cmap) is damaged");
	nrec = u16(cm.p + 2);
	if (4 + 8 * (size_t)nrec > cm.len)
		BAD("its character map (cmap) is damaged");
	for (unsigned i = 0; i < nrec; i++) {
		const unsigned char *r = cm.p + 4 + 8 * (size_t)i;
		unsigned long off = u32(r + 4);

		if (u16(r) != 3 || u16(r + 2) != 1)
			continue;
		if (off + 4 > cm.len)
			BAD("its character map (cmap) is damaged");
		if (u16(cm.p + off) != 4)
			continue;
		slen = u16(cm.p + off + 2);
		if (off + 14 > cm.len || off + slen > cm.len)
			BAD("its character map (cmap) is damaged");
		s = cm.p + off;
		break;
	}
	if (!s)
		BAD("it has no Unicode character map of the kind PDF fonts "
		    "use (Windows, format 4)");
	seg = u16(s + 6) / 2;
	if (seg == 0 || (u16(s + 6) & 1) || slen < 16 + 8 * (size_t)seg)
		BAD("its character map (cmap) is damaged");
	end = s + 14;
	start = end + 2 * seg + 2;
	delta = start + 2 * seg;
	range = delta + 2 * seg;
	nids = (slen - (16 + 8 * (size_t)seg)) / 2;
	if (u16(end + 2 * (seg - 1)) != 0xFFFF)
		BAD("its character map (cmap) is damaged (no last segment)");
	memset(out->has, 0, sizeof out->has);
	for (unsigned i = 0; i < seg; i++) {
		unsigned a = u16(start + 2 * i), b = u16(end + 2 * i);
		unsigned d = u16(delta + 2 * i), ro = u16(range + 2 * i);

		for (unsigned long c = a; c <= b; c++) {
			unsigned gid;

			if (ro == 0) {
				gid = (unsigned)(c + d) & 0xFFFF;
			} else {
				/* as libharu counts: from its own array */
				long idx = (long)(ro / 2) + (long)(c - a) -
					   (long)(seg - i);

				if (idx < 0 || (size_t)idx >= nids)
					BAD("its character map (cmap) points "
					    "outside itself");
				gid = (u16(s + 16 + 8 * (size_t)seg +
					   2 * (size_t)idx) + d) & 0xFFFF;
			}
			if (gid >= nglyphs)
				BAD("its character map (cmap) names glyph %u "
				    "of %u", gid, nglyphs);
			if (gid && c != 0xFFFF)
				out->has[c / 8] |= (unsigned char)(1u << c % 8);
		}
	}
	return 0;
}

static int check(const unsigned char *d, size_t n, ts_font *out, char *why,
		 size_t size)
{
	sfnt f = { d, n, 0 };
	table head, maxp, hhea, hmtx, loca, glyf, name, os2;
	unsigned nglyphs, nhm, lf, count;
	unsigned long last = 0;

	if (n < 12)
		BAD("not a TrueType font (too short)");
	if (memcmp(d, "OTTO", 4) == 0)
		BAD("an OpenType font with PostScript outlines (CFF); use a "
		    "TrueType font (.ttf)");
	if (memcmp(d, "ttcf", 4) == 0)
		BAD("a TrueType collection (.ttc); use a single font (.ttf)");
	if (memcmp(d, "wOFF", 4) == 0 || memcmp(d, "wOF2", 4) == 0)
		BAD("a web font (WOFF); use a TrueType font (.ttf)");
	if (u32(d) != 0x00010000UL && memcmp(d, "true", 4) != 0)
		BAD("not a TrueType font");
	f.ntab = u16(d + 4);
	if (f.ntab == 0 || f.ntab > 500 || 12 + 16 * (size_t)f.ntab > n)
		BAD("not a TrueType font (a damaged table directory)");
	for (unsigned i = 0; i < f.ntab; i++) {
		const unsigned char *r = d + 12 + 16 * (size_t)i;
		uint64_t off = u32(r + 8), len = u32(r + 12);

		if (off + len > n)
			BAD("damaged: its table '%.4s' lies past the end of "
			    "the file", (const char *)r);
	}
	for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
		if (!find(&f, needed[i]).p)
			BAD("it lacks the '%s' table a PDF font needs",
			    needed[i]);
	head = find(&f, "head");
	maxp = find(&f, "maxp");
	hhea = find(&f, "hhea");
	hmtx = find(&f, "hmtx");
	loca = find(&f, "loca");
	glyf = find(&f, "glyf");
	name = find(&f, "name");
	os2 = find(&f, "OS/2");
	if (head.len < 54 || u16(head.p + 18) < 16 || u16(head.p + 18) > 16384)
		BAD("damaged: its 'head' table");
	lf = u16(head.p + 50);
	if (lf > 1)
		BAD("damaged: its 'head' table");
	if (maxp.len < 6 || (nglyphs = u16(maxp.p + 4)) == 0)
		BAD("damaged: its 'maxp' table");
	if (hhea.len < 36 || (nhm = u16(hhea.p + 34)) == 0 || nhm > nglyphs)
		BAD("damaged: its 'hhea' table");
	if (hmtx.len < 4 * (size_t)nhm + 2 * (size_t)(nglyphs - nhm))
		BAD("damaged: its 'hmtx' table is short");
	if (loca.len < (nglyphs + 1) * (size_t)(lf ? 4 : 2))
		BAD("damaged: its 'loca' table is short");
	for (unsigned i = 0; i <= nglyphs; i++) {
		unsigned long o = lf ? u32(loca.p + 4 * (size_t)i) :
				       2UL * u16(loca.p + 2 * (size_t)i);

		if (o < last || o > glyf.len)
			BAD("damaged: its 'loca' table points outside 'glyf'");
		last = o;
	}
	if (name.len < 6)
		BAD("damaged: its 'name' table");
	count = u16(name.p + 2);
	if (6 + 12 * (size_t)count > name.len)
		BAD("damaged: its 'name' table");
	for (unsigned i = 0; i < count; i++) {
		const unsigned char *r = name.p + 6 + 12 * (size_t)i;

		if ((size_t)u16(name.p + 4) + u16(r + 10) + u16(r + 8) >
		    name.len)
			BAD("damaged: its 'name' table");
	}
	if (os2.len < 42 || (u16(os2.p) > 0 && os2.len < 86))
		BAD("damaged: its 'OS/2' table");
	if (u16(os2.p + 8) & (0x0002 | 0x0100 | 0x0200))
		BAD("its licence does not allow putting it into a document "
		    "(OS/2 fsType); use another font");
	return check_cmap(find(&f, "cmap"), nglyphs, out, why, size);
}

ts_font *ts_font_read(const char *data, size_t n, char *why, size_t size)
{
	ts_font *f = ibm_xmalloc(sizeof *f);

	if (check((const unsigned char *)data, n, f, why, size) != 0) {
		free(f);
		return NULL;
	}
	return f;
}

int ts_font_has(const ts_font *f, long cp)
{
	return cp >= 0 && cp < 0xFFFF && (f->has[cp / 8] >> cp % 8 & 1);
}

void ts_font_free(ts_font *f)
{
	free(f);
}
