/*
 * office.c - the office whose paper a document is (typeset.h): the
 * letterhead, the signatory, the fonts and the logo from an event
 * file, the checks made before anything is written, and the text
 * encoding of the PDF's standard Times font.
 */
#include "typeset.h"
#include "port.h"

#include <stdlib.h>
#include <string.h>

/* A font file name alone that is not beside the event file is looked for
 * in the system's fonts folder where it has one (Windows: "arial.ttf" is
 * C:\Windows\Fonts\arial.ttf). */
static char *font_path(const ibm_event *kv, const char *key)
{
	char *p = ibm_event_path(kv, key), *alt;
	const char *dir = ibm_fonts_dir();
	const ibm_event_kv *e = ibm_event_find(kv, key);
	FILE *fp;

	if (!p || !dir || ibm_path_base(e->val) != e->val)
		return p;
	if ((fp = fopen(p, "rb"))) {
		fclose(fp);
		return p;
	}
	alt = ibm_path_join(dir, e->val);
	if (!(fp = fopen(alt, "rb"))) {
		free(alt);
		return p; /* the message names the path as given */
	}
	fclose(fp);
	free(p);
	return alt;
}

void ts_office_init(ts_office *o, const ibm_event *kv)
{
	memset(o, 0, sizeof *o);
	o->kv = kv;
	ibm_strlist_split(&o->kop, ibm_event_get(kv, "instansi"), 1);
	o->alamat = ibm_event_get(kv, "alamat");
	o->telepon = ibm_event_get(kv, "telepon");
	o->email = ibm_event_get(kv, "email");
	o->website = ibm_event_get(kv, "website");
	o->logo = ibm_event_path(kv, "logo");
	o->font = font_path(kv, "font");
	o->font_bold = font_path(kv, "font_bold");
	ibm_strlist_split(&o->ttd.jabatan, ibm_event_get(kv, "ttd_jabatan"),
			  1);
	o->ttd.nama = ibm_event_get(kv, "ttd_nama");
	o->ttd.pangkat = ibm_event_get(kv, "ttd_pangkat");
	o->ttd.nip = ibm_event_get(kv, "ttd_nip");
}

void ts_office_free(ts_office *o)
{
	ibm_strlist_free(&o->kop);
	ibm_strlist_free(&o->ttd.jabatan);
	free(o->logo);
	free(o->font);
	free(o->font_bold);
	o->logo = o->font = o->font_bold = NULL;
}

const char *ts_office_key_file(const ts_office *o, const char *key,
			       long *line)
{
	const ibm_event_kv *kv = o->kv ? ibm_event_find(o->kv, key) : NULL;

	*line = kv ? kv->line : 0;
	return kv ? kv->src : NULL;
}

int ts_logo_read(const ts_office *o, unsigned char **data, size_t *len)
{
	long line;
	const char *src = ts_office_key_file(o, "logo", &line);
	char *text, why[256];
	unsigned char *buf;
	size_t n;
	int type = 0;
	int st = ibm_read_file(o->logo, IBM_LIMIT_LOGO, IBM_READ_REGULAR,
			       &text, &n, why, sizeof why);

	if (st)
		ibm_die(st, src, line, "logo: %s: %s", o->logo, why);
	buf = (unsigned char *)text;
	if (n >= 8 && memcmp(buf, "\x89PNG\r\n\x1a\n", 8) == 0)
		type = 1;
	else if (n >= 3 && memcmp(buf, "\xFF\xD8\xFF", 3) == 0)
		type = 2;
	if (!type) {
		free(buf);
		ibm_die(IBM_EX_DATAERR, src, line, "logo: %s is not a PNG or "
			"JPEG image", o->logo);
	}
	*data = buf;
	*len = n;
	return type;
}

/* ----------------------------------------------------------------- check */

void ts_check_text(const ts_office *o, const char *src, long line,
		   const char *what, const char *s)
{
	long bad = 0;
	char *r;

	if (o->font)
		return;
	if ((r = ts_to_cp1252(s, &bad))) {
		free(r);
		return;
	}
	ibm_die(IBM_EX_DATAERR, src, line, "%s: character U+%04lX cannot be "
		"shown in the PDF's Times font; set font = a TrueType font in "
		"the event file", what, bad);
}

/* A font is read once whole before libharu opens it by name: a FIFO or
 * device is refused, a read error is 74, and a size limit holds. */
static void check_font(const ts_office *o, const char *key,
		       const char *path)
{
	char *data, why[256];
	size_t n;
	long line;
	const char *src = ts_office_key_file(o, key, &line);
	int st = ibm_read_file(path, IBM_LIMIT_FONT, IBM_READ_REGULAR, &data,
			       &n, why, sizeof why);

	if (st)
		ibm_die(st, src, line, "%s: %s: %s", key, path, why);
	free(data);
}

void ts_office_check(const ts_office *o)
{
	/* the office's keys a document shows */
	static const char *const shown[] = { "instansi", "alamat", "telepon",
		"email", "website", "ttd_jabatan", "ttd_nama", "ttd_pangkat",
		"ttd_nip", NULL };

	if (o->font) {
		check_font(o, "font", o->font);
		if (o->font_bold)
			check_font(o, "font_bold", o->font_bold);
	} else if (o->kv) {
		for (size_t i = 0; shown[i]; i++) {
			const ibm_event_kv *kv = ibm_event_find(o->kv, shown[i]);

			if (kv)
				ts_check_text(o, kv->src, kv->line, kv->key,
					      kv->val);
		}
	}
	if (o->logo) {
		unsigned char *d;
		size_t n;

		ts_logo_read(o, &d, &n);
		free(d);
	}
}

/* -------------------------------------------------------------- cp1252 */

static const long cp1252_hi[32] = {
	0x20AC, -1, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017D, -1,
	-1, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, -1, 0x017E, 0x0178
};

void ts_to_cp1252_lossy(char *out, const char *s, long *bad)
{
	const char *e = s + strlen(s);
	char *w = out;
	int seen = 0;

	while (s < e) {
		long cp = ibm_utf8_next(&s, e);
		int c = -1;

		if (cp == '\t' || cp == '\n' || cp == '\r')
			c = ' ';
		else if (cp >= 0x20 && cp < 0x7F)
			c = (int)cp;
		else if (cp >= 0xA0 && cp <= 0xFF)
			c = (int)cp;
		else
			for (int i = 0; i < 32; i++)
				if (cp == cp1252_hi[i])
					c = 0x80 + i;
		if (c < 0) {
			if (!seen++)
				*bad = cp;
			c = '?';
		}
		*w++ = (char)c;
	}
	*w = '\0';
}

char *ts_to_cp1252(const char *s, long *bad)
{
	char *out = ibm_xmalloc(strlen(s) + 1);
	long b = -1000; /* not a code point (-1 is invalid UTF-8) */

	ts_to_cp1252_lossy(out, s, &b);
	if (b != -1000) {
		*bad = b;
		free(out);
		return NULL;
	}
	return out;
}
