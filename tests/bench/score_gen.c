/* score_gen.c - writes a Google-Forms-shaped quiz export for the bench:
 * score_gen ROWS SEED KEYFILE [VARIANT [QUESTIONS]] > export.csv. Fixed
 * seed: same bytes. QUESTIONS: 1 to 40 (40 when not given). Every field is quoted like Forms' own download; the 40-question
 * answer key goes to KEYFILE. VARIANT:
 *   plain  Timestamp, Email Address, Score and 40 questions, LF (default)
 *   forms  as Forms downloads a quiz: CRLF, a name column, options with
 *          their letter and text ("A. 1/4")
 *   pre    the forms shape without email, for pre/post matching by name:
 *          person r is named from r (unique names)
 *   post   the post-test of the same people: 5 % are missing (no
 *          partner), 5 % have their name misspelt by one letter; the
 *          answers are better */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NQMAX 40
static int NQ = NQMAX;

static unsigned long long st;

static unsigned rnd(unsigned n)
{
	st ^= st << 13;
	st ^= st >> 7;
	st ^= st << 17;
	return (unsigned)(st % n);
}

static const char *const opt[4] = {
	"Intervensi singkat", "Rujukan",
	"Skrining", "Konseling"
};

static const char *const lettered[4] = {
	"A. 1/4", "B. Rujukan ke IPWL", "C. Skrining ASSIST", "D. 3/4"
};

static const char *const first[] = {
	"Ahmad", "Baiq", "Lalu", "Siti", "Nurul", "Muhammad", "Rini", "Dewi",
	"Agus", "Budi", "Hendra", "Yuliana", "Fitri", "Rahmat", "Syamsul",
	"Wayan", "Made", "Ketut", "Putu", "Nyoman", "Dedi", "Eka", "Fajar",
	"Gita", "Hasanah", "Indra", "Joko", "Kartini", "Lestari", "Maya",
	"Novi", "Oki", "Puspita", "Qori", "Rizky", "Sri", "Taufik", "Umi",
	"Vina", "Wahyu", "Yusuf", "Zainal", "Arif", "Bayu", "Citra", "Dian",
	"Erna", "Farida", "Gilang", "Hadi", "Irma", "Jamal", "Kurnia",
	"Lukman", "Mulyadi", "Nanda", "Oktavia", "Pratama", "Ratna", "Sulaiman"
};

static const char *const last[] = {
	"Hamdi", "Sarah", "Ikhsan", "Andriani", "Bahri", "Hikmah", "Saputra",
	"Wijaya", "Kusuma", "Hidayat", "Nugroho", "Santoso", "Setiawan",
	"Pratiwi", "Rahmawati", "Susanti", "Permana", "Gunawan", "Hakim",
	"Firmansyah", "Maulana", "Ramadhan", "Safitri", "Utami", "Wulandari",
	"Yulianti", "Zulkarnain", "Abdullah", "Fauzi", "Halim", "Iskandar",
	"Junaidi", "Kamaruddin", "Lubis", "Marpaung", "Nasution", "Purba",
	"Rangkuti", "Siregar", "Tanjung", "Usman", "Wardana", "Yasin",
	"Zakaria", "Anwar", "Basri", "Darmawan", "Effendi", "Fadli",
	"Gultom", "Harahap", "Ibrahim", "Jaelani", "Kadir", "Latif", "Munir",
	"Nurdin", "Pohan", "Rasyid", "Sembiring"
};

#define NF (sizeof first / sizeof *first)
#define NL (sizeof last / sizeof *last)

/* A unique name for person r: a bijection of r onto three name parts
 * (first, middle from the first names, last), past NF*NF*NL a number. */
static void person_name(long r, char *buf, size_t size)
{
	unsigned long long span = (unsigned long long)NF * NF * NL;
	unsigned long long x = ((unsigned long long)r * 7919ULL) % span;
	long round = (long)((unsigned long long)r / span);

	if (round)
		snprintf(buf, size, "%s %s %s %ld", first[x % NF],
			 first[x / NF % NF], last[x / NF / NF], round + 1);
	else
		snprintf(buf, size, "%s %s %s", first[x % NF],
			 first[x / NF % NF], last[x / NF / NF]);
}

/* One letter of the last name changed (never its first letter). */
static void misspell(char *name)
{
	char *sp = strrchr(name, ' ');
	size_t n;

	if (!sp || strlen(sp + 1) < 3)
		return;
	sp++;
	n = strlen(sp);
	sp[1 + rnd((unsigned)n - 1)] = (char)('a' + rnd(26));
}

int main(int argc, char **argv)
{
	long rows;
	FILE *k;
	int key[NQMAX], forms, post, named;
	const char *v = argc > 4 ? argv[4] : "plain";
	const char *eol;

	if (argc < 4 || argc > 6)
		return 64;
	if (argc > 5) {
		NQ = atoi(argv[5]);
		if (NQ < 1 || NQ > NQMAX)
			return 64;
	}
	forms = strcmp(v, "plain") != 0;
	post = strcmp(v, "post") == 0;
	named = post || strcmp(v, "pre") == 0;
	if (!forms && strcmp(v, "plain") != 0)
		return 64;
	if (forms && !named && strcmp(v, "forms") != 0)
		return 64;
	eol = forms ? "\r\n" : "\n";
	rows = atol(argv[1]);
	st = 88172645463325252ULL ^ strtoull(argv[2], NULL, 10);
	k = fopen(argv[3], "w");
	if (!k)
		return 73;
	fprintf(k, "soal,kunci\n");
	for (int q = 0; q < NQ; q++) {
		key[q] = (int)rnd(4);
		fprintf(k, "%d,%s\n", q + 1, forms ? lettered[key[q]]
			: opt[key[q]]);
	}
	fclose(k);
	if (post)
		st ^= 0x5DEECE66DULL; /* other answers than the pre-test's */
	printf("\"Timestamp\"");
	if (!named)
		printf(",\"Email Address\"");
	printf(",\"Score\"");
	if (forms)
		printf(",\"Nama Lengkap\"");
	for (int q = 0; q < NQ; q++)
		printf(",\"%d. Soal nomor %d tentang layanan IBM, \"\"rehabilitasi\"\"?\"",
		       q + 1, q + 1);
	printf("%s", eol);
	for (long r = 0; r < rows; r++) {
		int ans[NQMAX], s = 0;
		char name[96];

		if (post && r % 20 == 7)
			continue; /* no post-test */
		for (int q = 0; q < NQ; q++) {
			ans[q] = rnd(10) < (post ? 8u : 6u) ? key[q]
				: (int)rnd(4);
			s += ans[q] == key[q];
		}
		printf("\"2024/06/%d %ld:%02ld:%02ld AM GMT+8\"", post ? 26 : 24,
		       8 + r / 3600 % 4, r / 60 % 60, r % 60);
		if (!named)
			printf(",\"peserta%ld@gmail.com\"", r);
		printf(",\"%d / %d\"", s, NQ);
		if (forms) {
			if (named) {
				person_name(r, name, sizeof name);
				if (post && r % 20 == 3)
					misspell(name);
			} else {
				snprintf(name, sizeof name, "Peserta %ld", r);
			}
			printf(",\"%s\"", name);
		}
		for (int q = 0; q < NQ; q++)
			printf(",\"%s\"", forms ? lettered[ans[q]] : opt[ans[q]]);
		printf("%s", eol);
	}
	return ferror(stdout) ? 74 : 0;
}
