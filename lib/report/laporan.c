/* laporan.c - settings, Indonesian numbers and the parts every report
 * shares (see report.h). */
#define _POSIX_C_SOURCE 200809L
#include "report.h"
#include "port.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------ helpers */

char *rp_fmt(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = ibm_xvfmt(fmt, ap);
	va_end(ap);
	return s;
}

char *rp_upper(const char *s)
{
	char *u = ibm_xstrdup(s);

	for (char *p = u; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return u;
}

char *rp_join_and(const char *const *v, size_t n)
{
	size_t len = 1;
	char *s;

	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + 6;
	s = ibm_xmalloc(len);
	s[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(s, i + 1 == n ? " dan " : ", ");
		strcat(s, v[i]);
	}
	return s;
}

char *rp_num(char *buf, size_t size, double v, int decimals, int fixed)
{
	char raw[64], *dot, *p;
	size_t intlen, k = 0;
	int neg;

	if (isnan(v) || isinf(v)) {
		snprintf(buf, size, "-");
		return buf;
	}
	snprintf(raw, sizeof raw, "%.*f", decimals, v);
	if (!fixed && (dot = strchr(raw, '.'))) {
		char *e = raw + strlen(raw) - 1;

		while (e > dot && *e == '0')
			*e-- = '\0';
		if (e == dot)
			*e = '\0';
	}
	if (strcmp(raw, "-0") == 0 || strncmp(raw, "-0.", 3) == 0) {
		/* -0 and -0,00 are 0 */
		int zero = 1;

		for (p = raw + 1; *p; p++)
			if (*p != '0' && *p != '.')
				zero = 0;
		if (zero)
			memmove(raw, raw + 1, strlen(raw));
	}
	neg = raw[0] == '-';
	p = raw + neg;
	dot = strchr(p, '.');
	intlen = dot ? (size_t)(dot - p) : strlen(p);
	if (size < 2)
		return buf;
	if (neg && k + 1 < size)
		buf[k++] = '-';
	for (size_t i = 0; i < intlen && k + 2 < size; i++) {
		if (i && (intlen - i) % 3 == 0)
			buf[k++] = '.';
		buf[k++] = p[i];
	}
	if (dot) {
		buf[k < size - 1 ? k++ : k] = ',';
		for (const char *q = dot + 1; *q && k + 1 < size; q++)
			buf[k++] = *q;
	}
	buf[k] = '\0';
	return buf;
}

char *rp_pval(char *buf, size_t size, double p)
{
	char n[32];

	if (isnan(p))
		snprintf(buf, size, "p tidak dapat dihitung");
	else if (p < 0.001)
		snprintf(buf, size, "p < 0,001");
	else
		snprintf(buf, size, "p = %s", rp_num(n, sizeof n, p, 3, 1));
	return buf;
}

void rp_list_split(rp_list *l, const char *s)
{
	ibm_strlist_split(l, s, 0);
}

void rp_list_free(rp_list *l)
{
	ibm_strlist_free(l);
}

/* ----------------------------------------------------------- settings */

/* The keys of the report file (ibm-report(5)). */
static const char *const report_keys[] = {
	"judul", "umum", "maksud_tujuan", "ruang_lingkup", "dasar",
	"kegiatan", "hasil", "faktor_pendukung", "kendala", "simpulan",
	"saran", "penutup", "tempat", "tanggal", "ttd_jabatan", "ttd_nama",
	"ttd_pangkat", "ttd_nip", "batas_sulit", NULL
};

static void check_report_keys(const ibm_event *rf)
{
	for (size_t i = 0; i < rf->n; i++) {
		const char *k = rf->kv[i].key, *best = NULL;
		size_t bd = 99;
		int ok = 0;

		for (size_t j = 0; report_keys[j]; j++) {
			size_t dd = ibm_edit_distance(k, report_keys[j]);

			if (dd == 0)
				ok = 1;
			if (dd < bd) {
				bd = dd;
				best = report_keys[j];
			}
		}
		if (ok)
			continue;
		if (bd <= 3)
			ibm_die(IBM_EX_DATAERR, rf->kv[i].src, rf->kv[i].line,
				"unknown key \"%s\" (did you mean %s?)", k, best);
		ibm_die(IBM_EX_DATAERR, rf->kv[i].src, rf->kv[i].line,
			"unknown key \"%s\" (see ibm-report(5))", k);
	}
}

const char *rp_text(const rp_ctx *c, const char *key)
{
	return ibm_event_get(c->rf, key);
}

const char *rp_get(const rp_ctx *c, const char *key)
{
	const char *v = ibm_event_get(c->rf, key);

	return v ? v : ibm_event_get(c->ev, key);
}

/* Advance widths (1/1000 em) of ASCII 32..126 in Arial Bold, the
 * documents' font (Helvetica-Bold's, whose metrics Arial and Liberation
 * Sans share); other characters count as 0.72 em. */
static const unsigned short arial_bold_w[95] = {
	278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584,
	278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
	556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722,
	722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333,
	278, 333, 584, 556, 278, 556, 611, 556, 611, 556, 333, 611,
	611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
	333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
};

double rp_bold_em(const char *s)
{
	double w = 0;
	const char *e = s + strlen(s);

	while (s < e) {
		long cp = (unsigned char)*s < 0x80 ? (unsigned char)*s++
						   : ibm_utf8_next(&s, e);

		w += cp >= 32 && cp <= 126 ? arial_bold_w[cp - 32] / 1000.0
					   : 0.72;
	}
	return w;
}

/*
 * The size (half-points) of a bold line of the letterhead in a room of
 * `room` twips: size pt, or smaller by half points until it fits (as the
 * PDF letters set a centred line too wide for its room, lib/typeset's
 * ts_line), 2 % kept for the word processors' own measures.
 */
static int kop_size(const char *s, int size, int room)
{
	double em = rp_bold_em(s), pt = room / 20.0 * 0.98;

	while (size > 12 && em * size / 2 > pt)
		size--;
	return size;
}

/* The letterhead as the letters have it (lib/typeset): logo at the left,
 * the office's lines centred in bold (12 pt, the office itself 14 pt,
 * each set smaller when too wide to stay on one line), the address and
 * "Telp." under them, a thick-thin rule. */
static void letterhead(rp_ctx *c)
{
	rp_list kop;
	char *logo = ibm_event_path(c->ev, "logo");
	const char *al = ibm_event_get(c->ev, "alamat");
	const char *tel = ibm_event_get(c->ev, "telepon");
	const char *em = ibm_event_get(c->ev, "email");
	const char *web = ibm_event_get(c->ev, "website");
	int w[2] = { DOCX_CM(2.6), 0 };

	rp_list_split(&kop, ibm_event_get(c->ev, "instansi"));
	if (!kop.n) {
		free(logo);
		return;
	}
	w[1] = c->width - w[0];
	docx_header_begin(c->d);
	docx_table_begin(c->d, logo ? 2 : 1, logo ? w : &c->width, 0);
	docx_row_begin(c->d, 0);
	if (logo) {
		FILE *fp = fopen(logo, "rb");
		unsigned char *buf = NULL;
		size_t n = 0, cap = 0, k;
		long pw, ph;
		int type, id;
		const ibm_event_kv *kv = ibm_event_find(c->ev, "logo");

		if (!fp) {
			ibm_die(IBM_EX_NOINPUT, kv->src, kv->line,
				"logo: cannot open %s: %s", logo,
				strerror(errno));
			return; /* not reached; for static checkers */
		}
		do {
			ibm_grow((void **)&buf, &cap, n + 65536, 1);
			k = fread(buf + n, 1, cap - n, fp);
			n += k;
		} while (k > 0 && n < (16u << 20));
		fclose(fp);
		type = docx_image_info(buf, n, &pw, &ph);
		if (!type)
			ibm_die(IBM_EX_DATAERR, kv->src, kv->line,
				"logo: %s is not a PNG or JPEG image", logo);
		id = docx_image_add_mem(c->d, buf, n, type);
		free(buf);
		docx_cell_begin(c->d, 0);
		docx_p_begin(c->d, "Header", DOCX_CENTER, 0, 0);
		{
			long cy = DOCX_EMU_CM(2.2);
			long cx = (long)((double)cy * (double)pw / (double)ph);

			if (cx > DOCX_EMU_CM(2.4)) {
				cx = DOCX_EMU_CM(2.4);
				cy = (long)((double)cx * (double)ph /
					    (double)pw);
			}
			docx_image(c->d, id, cx, cy, "Logo");
		}
		docx_p_end(c->d);
		docx_cell_end(c->d);
	}
	docx_cell_begin(c->d, 0);
	for (size_t i = 0; i < kop.n; i++) {
		/* the cell less its margins (TableNormal's 108 twips) */
		int room = (logo ? w[1] : c->width) - 2 * 108;

		docx_p_begin(c->d, "Header", DOCX_CENTER, 0, 0);
		docx_run_size(c->d, kop.v[i], DOCX_BOLD,
			      kop_size(kop.v[i], i + 1 == kop.n ? 28 : 24,
				       room));
		docx_p_end(c->d);
	}
	if (al || tel) {
		char *s = rp_fmt("%s%s%s%s", al ? al : "",
				 al && tel ? ", Telp. " : (tel ? "Telp. " :
								""),
				 tel ? tel : "", "");

		docx_p(c->d, "Header", DOCX_CENTER | DOCX_SMALL, s);
		free(s);
	}
	if (em || web) {
		char *s = rp_fmt("%s%s%s%s", em ? "Email: " : "",
				 em ? em : "", em && web ? "  Laman: " :
				 (web ? "Laman: " : ""), web ? web : "");

		docx_p(c->d, "Header", DOCX_CENTER | DOCX_SMALL, s);
		free(s);
	}
	docx_cell_end(c->d);
	docx_row_end(c->d);
	docx_table_end(c->d);
	docx_rule(c->d);
	docx_p(c->d, "Header", 0, "");
	docx_header_end(c->d);
	rp_list_free(&kop);
	free(logo);
}

void rp_init(rp_ctx *c, const rp_opts *o)
{
	memset(c, 0, sizeof *c);
	c->o = o;
	c->ev = ibm_event_new();
	c->rf = ibm_event_new();
	if (o->event)
		ibm_event_xload(c->ev, o->event);
	if (o->report) {
		ibm_event_xload(c->rf, o->report);
		check_report_keys(c->rf);
	}
	c->d = docx_new();
	c->width = docx_text_width(c->d);
	docx_footer_page_numbers(c->d, 1);
	/* a reference document's own header, when it has one, takes the
	 * place of this one (docx_save) */
	letterhead(c);
}

void rp_finish(rp_ctx *c, const char *title)
{
	docx_props p = { 0 };

	p.title = title;
	p.subject = "Laporan";
	p.creator = "ibmkit";
	p.time = ibm_build_time();
	p.lang = "id-ID";
	p.reference = c->o->reference;
	docx_save(c->d, c->o->output, &p);
	docx_free(c->d);
	ibm_event_free(c->ev);
	ibm_event_free(c->rf);
}

/* ---------------------------------------------------------- structure */

void rp_title(rp_ctx *c, const char *subject)
{
	char *up = rp_upper(subject);

	docx_p(c->d, "Title", 0, "LAPORAN");
	docx_p(c->d, "Title", 0, "TENTANG");
	docx_p(c->d, "Title", 0, up);
	docx_p(c->d, "NoSpacing", 0, "");
	free(up);
}

void rp_h1(rp_ctx *c, const char *text)
{
	docx_number_next(c->d, 0, 0);
	docx_p(c->d, "Heading1", 0, text);
}

void rp_h2(rp_ctx *c, const char *text)
{
	docx_number_next(c->d, 0, 1);
	docx_p(c->d, "Heading2", 0, text);
}

static void para(rp_ctx *c, const char *text, int flags)
{
	docx_p_begin(c->d, "BodyText", flags, DOCX_CM(1.5), 0);
	docx_run(c->d, text, 0);
	docx_p_end(c->d);
}

void rp_para(rp_ctx *c, const char *text)
{
	para(c, text, 0);
}

static void paras(rp_ctx *c, const char *key, const char *dflt, int flags)
{
	const char *v = key ? rp_text(c, key) : NULL;
	rp_list l;

	rp_list_split(&l, v ? v : dflt);
	for (size_t i = 0; i < l.n; i++)
		para(c, l.v[i], flags);
	rp_list_free(&l);
}

void rp_paras(rp_ctx *c, const char *key, const char *dflt)
{
	paras(c, key, dflt, 0);
}

void rp_paras_keep(rp_ctx *c, const char *key, const char *dflt)
{
	paras(c, key, dflt, DOCX_KEEP_NEXT);
}

void rp_items(rp_ctx *c, const char *key, const char *dflt, int numbered)
{
	const char *v = key ? rp_text(c, key) : NULL;
	rp_list l;

	int list;

	rp_list_split(&l, v ? v : dflt);
	list = l.n ? docx_list_new(c->d, numbered ? DOCX_LIST_NUMBER
						  : DOCX_LIST_LETTER)
		   : 0;
	for (size_t i = 0; i < l.n; i++) {
		docx_number_next(c->d, list, 0);
		docx_p_begin(c->d, "ListText", 0, DOCX_CM(2.2), DOCX_CM(0.7));
		docx_run(c->d, l.v[i], 0);
		docx_p_end(c->d);
	}
	rp_list_free(&l);
}

const char *rp_fmt_num_label(size_t *counter, const char *kind)
{
	static char buf[64];

	snprintf(buf, sizeof buf, "%s %zu.", kind, ++*counter);
	return buf;
}

void rp_table_head(rp_ctx *c, const int *w, const char *const *head)
{
	size_t n = 0;

	while (head[n])
		n++;
	docx_table_begin(c->d, n, w, 1);
	docx_row_begin(c->d, 1);
	for (size_t i = 0; i < n; i++)
		docx_cell(c->d, head[i], DOCX_BOLD | DOCX_CENTER | DOCX_SHADE);
	docx_row_end(c->d);
}

void rp_caption(rp_ctx *c, const char *kind, const char *text)
{
	char *s = rp_fmt("%s %s", kind, text);

	docx_p(c->d, "Caption", 0, s);
	free(s);
}

void rp_signature(rp_ctx *c, ibm_date date_default, const char *place)
{
	const char *tgl = rp_text(c, "tanggal");
	const char *tempat = rp_get(c, "tempat_surat");
	ibm_date d = date_default;
	char buf[64];
	rp_list jab;
	const char *nama = rp_get(c, "ttd_nama");
	const char *pangkat = rp_get(c, "ttd_pangkat");
	const char *nip = rp_get(c, "ttd_nip");
	int w[2];
	char *s;

	if (rp_text(c, "tempat"))
		tempat = rp_text(c, "tempat");
	if (!tempat)
		tempat = place;
	if (tgl && ibm_date_parse(tgl, &d) != 0) {
		const ibm_event_kv *kv = ibm_event_find(c->rf, "tanggal");

		ibm_die(IBM_EX_DATAERR, kv->src, kv->line,
			"tanggal: not a date: %s", tgl);
	}
	w[0] = c->width / 2;
	w[1] = c->width - w[0];
	rp_list_split(&jab, rp_get(c, "ttd_jabatan"));
	docx_p(c->d, "NoSpacing", DOCX_KEEP_NEXT, "");
	docx_table_begin(c->d, 2, w, 0);
	docx_row_begin(c->d, 0);
	docx_cell(c->d, "", 0);
	docx_cell_begin(c->d, 0);
	s = rp_fmt("%s, %s", tempat ? tempat : "....................",
		   ibm_date_valid(d) ? ibm_date_long(buf, sizeof buf, d) :
				       "....................");
	docx_p(c->d, "NoSpacing", DOCX_CENTER, s);
	free(s);
	for (size_t i = 0; i < jab.n; i++)
		docx_p(c->d, "NoSpacing", DOCX_CENTER | DOCX_BOLD, jab.v[i]);
	if (!jab.n)
		docx_p(c->d, "NoSpacing", DOCX_CENTER, "Penyusun,");
	for (int i = 0; i < 4; i++)
		docx_p(c->d, "NoSpacing", 0, "");
	docx_p(c->d, "NoSpacing", DOCX_CENTER | DOCX_BOLD | DOCX_UNDERLINE,
	       nama ? nama : "(.................................)");
	if (pangkat)
		docx_p(c->d, "NoSpacing", DOCX_CENTER, pangkat);
	if (nip) {
		s = rp_fmt("NIP. %s", nip);
		docx_p(c->d, "NoSpacing", DOCX_CENTER, s);
		free(s);
	}
	docx_cell_end(c->d);
	docx_row_end(c->d);
	docx_table_end(c->d);
	rp_list_free(&jab);
}

static const char *roman(int n)
{
	static const char *const r[] = { "I", "II", "III", "IV", "V", "VI",
		"VII", "VIII", "IX", "X", "XI", "XII" };

	return n >= 1 && n <= 12 ? r[n - 1] : "XIII";
}

void rp_lampiran(rp_ctx *c, const char *title)
{
	rp_lampiran_on(c, title, 0);
}

void rp_lampiran_on(rp_ctx *c, const char *title, int landscape)
{
	char *s;

	c->lampiran++;
	if (landscape != docx_landscape(c->d))
		docx_section(c->d, landscape);
	else
		docx_page_break(c->d);
	s = rp_fmt("Lampiran %s. %s", roman(c->lampiran), title);
	docx_p(c->d, "Heading1", 0, s);
	free(s);
}

/* ------------------------------------------------------------- photos */

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int photo_ext(const char *n)
{
	const char *dot = strrchr(n, '.');

	return dot && (ibm_casecmp(dot, ".jpg") == 0 ||
		       ibm_casecmp(dot, ".jpeg") == 0 ||
		       ibm_casecmp(dot, ".png") == 0);
}

/* The first bytes of a file (enough for its image header). */
static unsigned char *read_head(const char *path, size_t *n)
{
	/* a FIFO among the photos is refused, not waited for */
	int fd = ibm_open_read_nowait(path);
	struct stat st;
	unsigned char *buf;
	ssize_t k;

	if (fd < 0) {
		ibm_die_errno(IBM_EX_NOINPUT, path, "cannot open");
		return NULL; /* not reached; for static checkers */
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		ibm_die(IBM_EX_NOINPUT, path, 0, "not a regular file (a FIFO, "
			"socket or device is not read)");
	ibm_set_blocking(fd);
	buf = ibm_xmalloc(1 << 20);
	*n = 0;
	while (*n < (1 << 20) &&
	       ((k = read(fd, buf + *n, (1 << 20) - *n)) > 0 ||
		(k < 0 && errno == EINTR)))
		if (k > 0)
			*n += (size_t)k;
	if (k < 0)
		ibm_die_errno(IBM_EX_IOERR, path, "read error");
	close(fd);
	return buf;
}

char *rp_photo_name_caption(const char *file)
{
	const char *dot = strrchr(file, '.'), *p = file;
	size_t n = dot && dot > file ? (size_t)(dot - file) : strlen(file),
	       k = 0;
	char *s = ibm_xmalloc(n + 1);

	/* its leading number and what separates it from the name */
	while (p < file + n && isdigit((unsigned char)*p))
		p++;
	if (p > file)
		while (p < file + n && strchr(" ._-", *p))
			p++;
	for (; p < file + n; p++) {
		char ch = *p == '_' || *p == '-' ? ' ' : *p;

		if (ch == ' ' && (k == 0 || s[k - 1] == ' '))
			continue;
		s[k++] = ch;
	}
	while (k > 0 && s[k - 1] == ' ')
		k--;
	s[k] = '\0';
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* The caption of photo `name` (the i-th) from the folder's captions
 * (cap, ncap: matched by the file name, or by it without its extension,
 * in any case), else from its file name, else "Foto N". malloc'd. */
static char *photo_caption(const char *name, size_t i, rp_photo_caption *cap,
			   size_t ncap)
{
	const char *dot = strrchr(name, '.');
	char *stem = ibm_xstrndup(name, dot ? (size_t)(dot - name)
					    : strlen(name));
	char *s = NULL;

	for (size_t k = 0; k < ncap; k++)
		if (ibm_casecmp(cap[k].file, name) == 0 ||
		    ibm_casecmp(cap[k].file, stem) == 0) {
			cap[k].used = 1;
			if (*cap[k].text && !s)
				s = ibm_xstrdup(cap[k].text);
		}
	free(stem);
	if (s)
		return s;
	s = rp_photo_name_caption(name);
	if (!*s) {
		free(s);
		s = rp_fmt("Foto %zu", i + 1);
	}
	return s;
}

size_t rp_photos(rp_ctx *c)
{
	DIR *dir;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, ncap = 0;
	int w[2];
	char *capfile;
	struct stat st;
	rp_photo_caption *caps = NULL;

	if (!c->o->photos)
		return 0;
	dir = opendir(c->o->photos);
	if (!dir)
		ibm_die_errno(IBM_EX_NOINPUT, c->o->photos, "cannot open");
	while ((de = readdir(dir)))
		if (de->d_name[0] != '.' && photo_ext(de->d_name)) {
			ibm_grow((void **)&names, &cap, n + 1, sizeof *names);
			names[n++] = ibm_xstrdup(de->d_name);
		}
	closedir(dir);
	if (!n) {
		ibm_warn(c->o->photos, 0, "no JPEG or PNG photos; no "
			 "Dokumentasi attachment");
		free(names);
		return 0;
	}
	qsort(names, n, sizeof *names, name_cmp);
	/* the captions people wrote, when the folder has them */
	capfile = ibm_path_join(c->o->photos, "keterangan.csv");
	if (stat(capfile, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			ibm_die(IBM_EX_NOINPUT, capfile, 0, "not a regular "
				"file (a FIFO, socket or device is not read)");
		rp_read_captions(capfile, &caps, &ncap);
	}
	rp_lampiran(c, "Dokumentasi Kegiatan");
	w[0] = docx_text_width(c->d) / 2;
	w[1] = docx_text_width(c->d) - w[0];
	docx_table_begin(c->d, 2, w, 0);
	for (size_t i = 0; i < n; i++) {
		char *path = ibm_path_join(c->o->photos, names[i]);
		size_t len;
		unsigned char *head = read_head(path, &len);
		long pw, ph, cx, cy;
		int type = docx_image_info(head, len, &pw, &ph), id;

		free(head);
		if (!type)
			ibm_die(IBM_EX_DATAERR, path, 0,
				"not a JPEG or PNG image (or its size cannot "
				"be read)");
		id = docx_image_add_file(c->d, path, type);
		/* fit 7.5 x 6 cm */
		cx = DOCX_EMU_CM(7.5);
		cy = (long)((double)cx * (double)ph / (double)pw);
		if (cy > DOCX_EMU_CM(6)) {
			cy = DOCX_EMU_CM(6);
			cx = (long)((double)cy * (double)pw / (double)ph);
		}
		if (i % 2 == 0)
			docx_row_begin(c->d, 0);
		docx_cell_begin(c->d, 0);
		docx_p_begin(c->d, "NoSpacing", DOCX_CENTER, 0, 0);
		docx_image(c->d, id, cx, cy, names[i]);
		docx_p_end(c->d);
		{
			char *t = photo_caption(names[i], i, caps, ncap);

			docx_p(c->d, "Caption", 0, t);
			free(t);
		}
		docx_cell_end(c->d);
		if (i % 2 == 1 || i + 1 == n)
			docx_row_end(c->d);
		free(path);
		free(names[i]);
	}
	docx_table_end(c->d);
	for (size_t k = 0; k < ncap; k++)
		if (!caps[k].used)
			ibm_warn(capfile, caps[k].line, "no photo %s in %s",
				 caps[k].file, c->o->photos);
	rp_captions_free(caps, ncap);
	free(capfile);
	free(names);
	return n;
}
