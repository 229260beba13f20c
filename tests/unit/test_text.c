/* test_text.c - UTF-8, Windows-1252, trimming, folding, keys. */
#include "unit.h"

#define VALID(s) ibm_utf8_valid(s, sizeof(s) - 1)

static void t_utf8_valid(void **state)
{
	(void)state;
	assert_true(VALID(""));
	assert_true(VALID("plain ASCII text, long enough for 8-byte steps"));
	assert_true(VALID("\xC2\x80"));              /* U+0080 */
	assert_true(VALID("\xDF\xBF"));              /* U+07FF */
	assert_true(VALID("\xE0\xA0\x80"));          /* U+0800 */
	assert_true(VALID("\xED\x9F\xBF"));          /* U+D7FF */
	assert_true(VALID("\xEE\x80\x80"));          /* U+E000 */
	assert_true(VALID("\xEF\xBF\xBF"));          /* U+FFFF */
	assert_true(VALID("\xF0\x90\x80\x80"));      /* U+10000 */
	assert_true(VALID("\xF4\x8F\xBF\xBF"));      /* U+10FFFF */
	assert_true(VALID("abcdefgh\xC3\xA9xyz12345678\xE2\x9C\x93"));
	/* overlongs */
	assert_false(VALID("\xC0\x80"));
	assert_false(VALID("\xC1\xBF"));
	assert_false(VALID("\xE0\x9F\xBF"));
	assert_false(VALID("\xF0\x8F\xBF\xBF"));
	/* surrogates */
	assert_false(VALID("\xED\xA0\x80"));
	assert_false(VALID("\xED\xBF\xBF"));
	/* beyond U+10FFFF, and bytes that never appear */
	assert_false(VALID("\xF4\x90\x80\x80"));
	assert_false(VALID("\xF5\x80\x80\x80"));
	assert_false(VALID("\xF8\x88\x80\x80\x80"));
	assert_false(VALID("\xFF"));
	assert_false(VALID("\xFE"));
	/* lone continuation bytes, truncated sequences */
	assert_false(VALID("\x80"));
	assert_false(VALID("abc\xBF"));
	assert_false(VALID("\xC3"));
	assert_false(VALID("\xE2\x9C"));
	assert_false(VALID("\xF0\x9F\x98"));
	assert_false(VALID("\xC3x"));
	assert_false(VALID("\xE2x\x93"));
	/* an invalid byte after eight ASCII bytes */
	assert_false(VALID("12345678\xE9"));
	assert_false(VALID("1234567\xE9"));
	assert_false(VALID("D\xE9sa"));
	/* a length shorter than the string cuts a character */
	assert_false(ibm_utf8_valid("\xC3\xA9", 1));
	assert_true(ibm_utf8_valid("a\xC3\xA9", 1));
}

static void t_utf8_next_put(void **state)
{
	const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xFF" "b";
	const char *e = s + strlen(s);
	char buf[8];

	(void)state;
	assert_int_equal(ibm_utf8_next(&s, e), 'a');
	assert_int_equal(ibm_utf8_next(&s, e), 0xE9);
	assert_int_equal(ibm_utf8_next(&s, e), 0x20AC);
	assert_int_equal(ibm_utf8_next(&s, e), 0x1F600);
	assert_int_equal(ibm_utf8_next(&s, e), -1); /* skips one byte */
	assert_int_equal(ibm_utf8_next(&s, e), 'b');
	assert_int_equal(ibm_utf8_next(&s, e), -1); /* at the end */
	/* truncated at the end of the range */
	s = "\xE2\x82\xAC";
	assert_int_equal(ibm_utf8_next(&s, s + 2), -1);
	assert_int_equal(ibm_utf8_put(buf, 'x'), 1);
	assert_int_equal(ibm_utf8_put(buf, 0xE9), 2);
	assert_memory_equal(buf, "\xC3\xA9", 2);
	assert_int_equal(ibm_utf8_put(buf, 0x20AC), 3);
	assert_memory_equal(buf, "\xE2\x82\xAC", 3);
	assert_int_equal(ibm_utf8_put(buf, 0x1F600), 4);
	assert_memory_equal(buf, "\xF0\x9F\x98\x80", 4);
	assert_int_equal(ibm_utf8_len("D\xC3\xA9sa \xE2\x82\xAC"), 6);
	assert_int_equal(ibm_utf8_len("a\xFF" "b"), 3);
	assert_int_equal(ibm_utf8_len(""), 0);
}

static void t_utf8_floor_count(void **state)
{
	/* a, e-acute (2 bytes), euro (3), grinning face (4), b */
	const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b";
	static const size_t floor_at[] = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10, 11};

	(void)state;
	assert_int_equal(ibm_utf8_floor("abc", 2), 2); /* ASCII */
	assert_int_equal(ibm_utf8_floor("abc", 0), 0);
	assert_int_equal(ibm_utf8_floor("abc", 3), 3); /* n = length */
	assert_int_equal(ibm_utf8_floor("", 0), 0);
	for (size_t n = 0; n <= strlen(s); n++)
		assert_int_equal(ibm_utf8_floor(s, n), floor_at[n]);
	/* continuation bytes only: nothing whole before them */
	assert_int_equal(ibm_utf8_floor("\x80\x80", 1), 0);
	assert_int_equal(ibm_utf8_count(s, strlen(s)), 5);
	assert_int_equal(ibm_utf8_count(s, 2), 2);   /* a and a lead byte */
	assert_int_equal(ibm_utf8_count(s + 1, 2), 1);
	assert_int_equal(ibm_utf8_count(s, 0), 0);
	assert_int_equal(ibm_utf8_count("abc", 3), 3);
}

static void t_cp1252(void **state)
{
	/* every byte of 0x80..0x9F, as Windows-1252 defines it */
	static const long want[32] = {
		0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
		0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178
	};
	size_t n;
	char *u;

	(void)state;
	for (int c = 0x80; c <= 0xFF; c++) {
		char in[1] = { (char)c }, exp[8];
		long cp = c < 0xA0 ? want[c - 0x80] : c;
		int k = ibm_utf8_put(exp, cp);

		u = ibm_cp1252_to_utf8(in, 1, &n);
		assert_int_equal(n, (size_t)k);
		assert_memory_equal(u, exp, (size_t)k);
		assert_true(ibm_utf8_valid(u, n));
		free(u);
	}
	u = ibm_cp1252_to_utf8("Caf\xE9 \x93ok\x94 \x80" "5", 12, &n);
	assert_string_equal(u, "Caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D "
			       "\xE2\x82\xAC" "5");
	assert_int_equal(n, strlen(u));
	free(u);
	u = ibm_cp1252_to_utf8("", 0, NULL);
	assert_string_equal(u, "");
	free(u);
}

static void t_trim_fold(void **state)
{
	char a[] = "  \t Andi \r\n";
	char b[] = "\xC2\xA0" "Budi\xC2\xA0\xC2\xA0";
	char c[] = "   ";
	char d[] = "  Lalu \t  Ahmad\xC2\xA0\xC2\xA0Zaini \n";
	char e[] = "\xC2\xA0";
	char f[] = "x\xC3\xA0"; /* a-grave ends in 0xA0 after 0xC3 */
	char g[] = "\xC3\xA9\xC2\xA0 ";

	(void)state;
	assert_string_equal(ibm_trim(a), "Andi");
	assert_string_equal(ibm_trim(b), "Budi");
	assert_string_equal(ibm_trim(c), "");
	assert_string_equal(ibm_trim(e), "");
	assert_string_equal(ibm_trim(f), "x\xC3\xA0");
	assert_string_equal(ibm_trim(g), "\xC3\xA9");
	assert_string_equal(ibm_fold_space(d), "Lalu Ahmad Zaini");
	{
		char h[] = "a  b";
		char i[] = "";

		assert_string_equal(ibm_fold_space(h), "a b");
		assert_string_equal(ibm_fold_space(i), "");
	}
}

static void t_casecmp_lower(void **state)
{
	char *s;

	(void)state;
	assert_int_equal(ibm_casecmp("ANDI", "andi"), 0);
	assert_int_equal(ibm_casecmp("\xC3\x89tienne", "\xC3\xA9TIENNE"), 0);
	assert_int_equal(ibm_casecmp("\xC3\x96zil", "\xC3\xB6ZIL"), 0);
	/* accents are kept: e is not é */
	assert_int_not_equal(ibm_casecmp("etienne", "\xC3\xA9tienne"), 0);
	/* × (U+00D7) and ÷ (U+00F7) are not letters */
	assert_int_not_equal(ibm_casecmp("\xC3\x97", "\xC3\xB7"), 0);
	assert_true(ibm_casecmp("abc", "ABD") < 0);
	assert_true(ibm_casecmp("b", "A") > 0);
	assert_true(ibm_casecmp("ab", "AB c") < 0);
	assert_true(ibm_casecmp("ab c", "AB") > 0);
	assert_int_equal(ibm_casecmp("", ""), 0);
	/* invalid bytes compare as themselves */
	assert_int_equal(ibm_casecmp("a\xFF", "A\xFF"), 0);
	assert_int_not_equal(ibm_casecmp("a\xFE", "A\xFF"), 0);
	s = ibm_lower("ANDI \xC3\x89\xC3\x80 \xE2\x82\xAC \xFF X");
	assert_string_equal(s, "andi \xC3\xA9\xC3\xA0 \xE2\x82\xAC \xFF x");
	free(s);
}

static void t_name_key(void **state)
{
	static const char *const same[] = { "No. HP", "no_hp", "NO HP",
					    "nohp", " No.HP ", "No-Hp" };
	char *k;

	(void)state;
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		k = ibm_name_key(same[i]);
		assert_string_equal(k, "nohp");
		free(k);
	}
	k = ibm_name_key("N\xC3\xBAmero \xC3\x86gir Stra\xC3\x9F" "e 2");
	assert_string_equal(k, "numeroaegirstrasse2");
	free(k);
	k = ibm_name_key("Desa/Kelurahan (Nama)");
	assert_string_equal(k, "desakelurahannama");
	free(k);
	k = ibm_name_key("\xC2\xA0--..\xC3\x97");
	assert_string_equal(k, "");
	free(k);
	k = ibm_name_key("\xEF\xBB\xBF" "No\xE2\x80\x93HP\xE2\x80\xA6");
	assert_string_equal(k, "nohp");
	free(k);
	k = ibm_name_key("\xD0\x98\xD0\xBC\xD1\x8F 2");
	assert_string_equal(k, "\xD0\x98\xD0\xBC\xD1\x8F" "2");
	free(k);
	k = ibm_name_key("a\xFF" "b");
	assert_string_equal(k, "ab");
	free(k);
	/* Latin Extended-A: \u0141ukasz \u0160imi\u0107, \u0152uvre, \u0130stanbul */
	k = ibm_name_key("\xC5\x81ukasz \xC5\xA0imi\xC4\x87 "
			 "\xC5\x92uvre \xC4\xB0stanbul");
	assert_string_equal(k, "lukaszsimicoeuvreistanbul");
	free(k);
}

static void t_person_key(void **state)
{
	char *k;

	(void)state;
	k = ibm_person_key("  Andi  MA'RUF ");
	assert_string_equal(k, "andi maruf");
	free(k);
	k = ibm_person_key("Lalu\xC2\xA0M. Zaini, S.Pd.");
	assert_string_equal(k, "lalu m zaini s pd");
	free(k);
	k = ibm_person_key("Baiq  S\xC3\xB6ph\xC3\xAD" "a-Rahma");
	assert_string_equal(k, "baiq sophia rahma");
	free(k);
	/* typographic apostrophe (U+2019), en dash, em space */
	k = ibm_person_key("Andi MA\xE2\x80\x99RUF");
	assert_string_equal(k, "andi maruf");
	free(k);
	k = ibm_person_key("Siti\xE2\x80\x93" "Aminah\xE2\x80\x83" "Baiq");
	assert_string_equal(k, "siti aminah baiq");
	free(k);
	k = ibm_person_key("\xE2\x80\x9C" "Andi\xE2\x80\x9D \xD0\x98\xD0\xB2");
	assert_string_equal(k, "andi \xD0\x98\xD0\xB2"); /* Cyrillic kept */
	free(k);
	k = ibm_person_key(" ' - ");
	assert_string_equal(k, "");
	free(k);
	k = ibm_person_key("");
	assert_string_equal(k, "");
	free(k);
}

static void t_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(ibm_edit_distance("", ""), 0);
	assert_int_equal(ibm_edit_distance("abc", ""), 3);
	assert_int_equal(ibm_edit_distance("", "abc"), 3);
	assert_int_equal(ibm_edit_distance("kitten", "sitting"), 3);
	assert_int_equal(ibm_edit_distance("andi", "andy"), 1);
	assert_int_equal(ibm_edit_distance("maruf", "ma'ruf"), 1);
	assert_int_equal(ibm_edit_distance("abc", "abc"), 0);
	/* code points, not bytes */
	assert_int_equal(ibm_edit_distance("jos\xC3\xA9", "jose"), 1);
	assert_int_equal(ibm_edit_distance("\xE2\x82\xAC", "$"), 1);
}

/* The banded distance with a cut-off agrees with the full table on
 * random short strings over a small alphabet, for every cut-off. */
static void t_edit_distance_max(void **state)
{
	unsigned long long st = 12345;
	long a[24], b[24];
	char sa[25], sb[25];

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t na, nb, full;

		st = st * 6364136223846793005ULL + 1442695040888963407ULL;
		na = (size_t)(st >> 33) % 13;
		st = st * 6364136223846793005ULL + 1442695040888963407ULL;
		nb = (size_t)(st >> 33) % 13;
		for (size_t i = 0; i < na; i++) {
			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			a[i] = 'a' + (long)((st >> 33) % 3);
			sa[i] = (char)a[i];
		}
		for (size_t i = 0; i < nb; i++) {
			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			b[i] = 'a' + (long)((st >> 33) % 3);
			sb[i] = (char)b[i];
		}
		sa[na] = sb[nb] = '\0';
		full = ibm_edit_distance(sa, sb);
		for (size_t max = 0; max <= 17; max++) {
			size_t want = full <= max ? full : max + 1;

			assert_int_equal(ibm_edit_distance_max(a, na, b, nb, max),
					 want);
		}
	}
}

static void t_title_case(void **state)
{
	static const char *const cases[][2] = {
		{ "LALU AHMAD", "Lalu Ahmad" },
		{ "baiq nurul", "Baiq Nurul" },
		{ "ANDI MA'RUF", "Andi Ma'ruf" },
		{ "SITI-AMINAH", "Siti-Aminah" },
		{ "h.m. zaini", "H.M. Zaini" },
		{ "RT/RW", "Rt/Rw" },
		{ "\xC3\x89MILE \xC3\x96ZIL", "\xC3\x89mile \xC3\x96zil" },
		{ "\xC3\xA9mile", "\xC3\x89mile" },
		{ "(desa) KEKAIT", "(Desa) Kekait" },
		{ "", "" },
		{ "x\xFFY", "X\xFFy" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = ibm_title_case(cases[i][0]);

		if (strcmp(t, cases[i][1]) != 0)
			print_message("# case %zu: %s\n", i, t);
		assert_string_equal(t, cases[i][1]);
		free(t);
	}
}

static void put_str(void *data, const char *p, size_t n)
{
	char *out = data;

	strncat(out, p, n);
}

/* What an XML document cannot hold (C0 controls but TAB, LF, CR; U+FFFE,
 * U+FFFF; bytes that are not UTF-8) shows as U+FFFD; markup escaped. */
static void t_xml_text(void **state)
{
	static const char bad[] = "a\x01" "b\xEF\xBF\xBE\xEF\xBF\xBF\xE9\x7F\xC2\x85";
	char out[256] = "";
	char *f;

	(void)state;
	assert_true(ibm_xml_ok("Budi \xC3\xA9\t\n\r<&>", 13));
	assert_true(ibm_xml_ok("\xEF\xBF\xBD\xF0\x9F\x98\x80", 7));
	assert_false(ibm_xml_ok("a\x01", 2));
	assert_false(ibm_xml_ok("\xEF\xBF\xBE", 3));
	assert_false(ibm_xml_ok("\xEF\xBF\xBF", 3));
	assert_false(ibm_xml_ok("\xE9t\xE9", 3));
	assert_null(ibm_xml_fix("Budi & Sari"));
	f = ibm_xml_fix(bad);
	/* DEL and C1 controls are allowed in XML 1.0 */
	assert_string_equal(f, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD"
			    "\xEF\xBF\xBD\x7F\xC2\x85");
	free(f);
	ibm_xml_text("<a href=\"x\">Tom & Jerry's</a>\x02", 30, 1, put_str,
		     out);
	assert_string_equal(out, "&lt;a href=&quot;x&quot;&gt;Tom &amp; "
			    "Jerry&#39;s&lt;/a&gt;\xEF\xBF\xBD");
	out[0] = '\0';
	ibm_xml_text("<&>\x02", 4, 0, put_str, out);
	assert_string_equal(out, "<&>\xEF\xBF\xBD");
}

/* names without their degrees and titles (titles.txt) */
static void t_bare_key(void **state)
{
	static const char *const cases[][2] = {
		{ "RINA MARLINA, S.KEP.", "rina marlina" },
		{ "Rina Marlina", "rina marlina" },
		{ "Hj. Rina Marlina, S.Kep., M.Kes.", "rina marlina" },
		{ "dr. SITI RAHMAWATI, S.KM", "siti rahmawati" },
		{ "Drs. H. Lalu Ahmad, M.Pd.", "lalu ahmad" },
		{ "Ns. Baiq Sarah S.Kep", "baiq sarah" },
		{ "Agus Salim SE", "agus salim" },
		{ "Agus Salim, S.E., M.M.", "agus salim" },
		{ "Ir. Budi", "budi" },
		{ "Rina, A.Md.Kep.", "rina" },
		{ "Rina, S.Kep.,Ns", "rina" },
		{ "Rina Sp.Kep.J", "rina" },
		/* the last word is never a title; a title in the middle stays */
		{ "S.Kep.", "s kep" },
		{ "Hj.", "hj" },
		{ "H. SE", "se" },
		{ "Ahmad S.Pd. Yani", "ahmad s pd yani" },
		{ "Muh. Ikhsan", "muh ikhsan" },
		{ "", "" },
		{ " , . ", "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *k = ibm_person_bare_key(cases[i][0]);

		if (strcmp(k, cases[i][1]) != 0)
			print_message("# case %zu: %s\n", i, k);
		assert_string_equal(k, cases[i][1]);
		free(k);
	}
}

/* every title of the table (titles.txt, the bytes the library has) is
 * taken off where it is written; and the key of a part of a string */
static const unsigned char titles_txt[] = {
#include "titles.inc"
	0
};

static void t_bare_key_titles(void **state)
{
	const char *s = (const char *)titles_txt;
	size_t n = 0;
	char out[64];

	(void)state;
	while (*s) {
		const char *e = strchr(s, '\n'), *tab;
		size_t len = e ? (size_t)(e - s) : strlen(s);
		char name[160];
		char *k;

		tab = memchr(s, '\t', len);
		if (*s != '#' && tab) {
			if (strstr(tab, "before") && strstr(tab, "before") < s + len)
				snprintf(name, sizeof name, "%.*s Rina Marlina",
					 (int)(tab - s), s);
			else
				snprintf(name, sizeof name, "Rina Marlina, %.*s",
					 (int)(tab - s), s);
			k = ibm_person_bare_key(name);
			if (strcmp(k, "rina marlina") != 0)
				print_message("# %s: %s\n", name, k);
			assert_string_equal(k, "rina marlina");
			free(k);
			n++;
		}
		s += len + (e != NULL);
	}
	assert_true(n > 100);
	/* _to: s[0..len) only, into the caller's room */
	assert_int_equal(ibm_person_bare_key_to("Hj. Rina, S.Kep.XYZ", 16, out),
			 4);
	assert_string_equal(out, "rina");
	assert_int_equal(ibm_person_key_to("Andi  MA'RUF!!", 12, out), 10);
	assert_string_equal(out, "andi maruf");
}

static void t_name_proper_case(void **state)
{
	static const char *const cases[][2] = {
		{ "dr. SITI RAHMAWATI, S.KM", "dr. Siti Rahmawati, S.KM" },
		{ "AGUS SALIM SE", "Agus Salim SE" },
		{ "RINA MARLINA, S.KEP.", "Rina Marlina, S.KEP." },
		{ "HJ. NURUL HIDAYAH, S.PD., M.PD.",
		  "Hj. Nurul Hidayah, S.PD., M.PD." },
		{ "PROF. DR. LALU HAMDANI, S.H., M.H.",
		  "Prof. Dr. Lalu Hamdani, S.H., M.H." },
		{ "LALU AHMAD", "Lalu Ahmad" },
		{ "Baiq NURUL", "Baiq Nurul" },
		{ "Muh. Ikhsan", "Muh. Ikhsan" },
		{ "SE", "Se" },
		{ "  SITI  AMINAH ", "  Siti  Aminah " },
		{ "", "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = ibm_name_proper_case(cases[i][0]);

		if (strcmp(t, cases[i][1]) != 0)
			print_message("# case %zu: %s\n", i, t);
		assert_string_equal(t, cases[i][1]);
		free(t);
	}
}

static void t_natcmp(void **state)
{
	/* in order */
	static const char *const v[] = {
		"", "1-a", "2-a", "10-a", "Desa X", "desa x 2", "Desa X 7",
		"Desa X 007", "Desa X 10", "Desa X 10b", "Desa Y 1",
		"\xC3\x89mile",
	};
	size_t n = sizeof v / sizeof v[0];

	(void)state;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int c = ibm_natcmp(v[i], v[j]);
			int want = i < j ? -1 : i > j;

			if ((c > 0) - (c < 0) != want)
				print_message("# %s vs %s: %d\n", v[i], v[j], c);
			assert_int_equal((c > 0) - (c < 0), want);
		}
	assert_true(ibm_natcmp("Desa", "desa") != 0);
}

/* ibm_strmap: put keeps the first value, get finds every key after the
 * map has grown many times, a zeroed map is empty. */
static void t_strmap(void **state)
{
	ibm_strmap m = { 0 };
	char (*k)[16] = malloc(5000 * sizeof *k);

	(void)state;
	assert_true(ibm_strmap_get(&m, "x") == IBM_STRMAP_NONE);
	for (size_t i = 0; i < 5000; i++) {
		snprintf(k[i], sizeof k[i], "key %zu", i);
		assert_true(ibm_strmap_put(&m, k[i], i) == IBM_STRMAP_NONE);
	}
	assert_int_equal(m.n, 5000);
	assert_true(ibm_strmap_put(&m, "key 17", 99) == 17);
	for (size_t i = 0; i < 5000; i++)
		assert_true(ibm_strmap_get(&m, k[i]) == i);
	assert_true(ibm_strmap_get(&m, "key 5000") == IBM_STRMAP_NONE);
	assert_true(ibm_strmap_get(&m, "") == IBM_STRMAP_NONE);
	ibm_strmap_free(&m);
	free(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_utf8_valid),
		cmocka_unit_test(t_utf8_next_put),
		cmocka_unit_test(t_utf8_floor_count),
		cmocka_unit_test(t_cp1252),
		cmocka_unit_test(t_trim_fold),
		cmocka_unit_test(t_casecmp_lower),
		cmocka_unit_test(t_name_key),
		cmocka_unit_test(t_person_key),
		cmocka_unit_test(t_edit_distance),
		cmocka_unit_test(t_edit_distance_max),
		cmocka_unit_test(t_title_case),
		cmocka_unit_test(t_natcmp),
		cmocka_unit_test(t_xml_text),
		cmocka_unit_test(t_strmap),
		cmocka_unit_test(t_bare_key),
		cmocka_unit_test(t_bare_key_titles),
		cmocka_unit_test(t_name_proper_case),
	};

	msgs_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
