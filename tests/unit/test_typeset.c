/* test_typeset.c - the office's paper as a recorder sees it: landscape
 * pages, tables of figures (aligned, joined cells, running totals carried
 * over pages, a forced break) and signature blocks side by side. */
#include "unit.h"
#include "event.h"
#include "typeset.h"

#define MAXOPS 4096
static struct {
	ts_op op[MAXOPS];
	char text[MAXOPS][64];
	int n;
} rec;

static void record(void *ctx, const ts_op *op)
{
	(void)ctx;
	if (rec.n >= MAXOPS)
		return;
	rec.op[rec.n] = *op;
	snprintf(rec.text[rec.n], sizeof rec.text[0], "%.*s",
		 (int)(op->n < 63 ? op->n : 63), op->text ? op->text : "");
	rec.n++;
}

/* The first text op from `from` that is s; -1 when none. */
static int find(const char *s, int from)
{
	for (int i = from; i < rec.n; i++)
		if (rec.op[i].kind == TS_OP_TEXT && strcmp(rec.text[i], s) == 0)
			return i;
	return -1;
}

static ts_office office;
static ibm_event *ev;

static ts_doc *doc(void)
{
	ts_doc *d;

	rec.n = 0;
	ev = ibm_event_new();
	ts_office_init(&office, ev);
	d = ts_measure(&office);
	ts_record(d, record, NULL);
	return d;
}

static void done(ts_doc *d)
{
	ts_free(d);
	ts_office_free(&office);
	ibm_event_free(ev);
}

static long total;

static void carry(void *ctx, int where, const char **cells)
{
	static char b[32];

	(void)ctx;
	cells[0] = where == TS_CARRY_FOOT ? "Jumlah dipindahkan" :
		   "Jumlah pindahan";
	cells[1] = NULL;
	snprintf(b, sizeof b, "%ld", total);
	cells[2] = b;
}

static void t_landscape(void **state)
{
	ts_doc *d = doc();

	(void)state;
	assert_true(ts_right(d) == TS_RIGHT);
	ts_landscape(d, 1);
	ts_new_page(d);
	assert_int_equal(rec.op[0].kind, TS_OP_PAGE);
	assert_true(rec.op[0].w > rec.op[0].h);
	assert_true(ts_right(d) > 700 && ts_top(d) < 560);
	assert_true(ts_y(d) == ts_top(d));
	ts_landscape(d, 0);
	ts_new_page(d);
	assert_true(rec.op[1].w < rec.op[1].h);
	done(d);
}

static void t_carry(void **state)
{
	static const float w[3] = { 200, 100, 100 };
	static const char *const head[3] = { "Nama", "Hari", "Jumlah" };
	static const unsigned char align[3] = { TS_ALIGN_LEFT,
		TS_ALIGN_CENTRE, TS_ALIGN_RIGHT };
	ts_table t = { 3, w, head, align, 0, carry, NULL, NULL, 0 };
	ts_doc *d = doc();
	char name[32], num[32];
	const char *cells[3];
	int foot, top, page1 = 0, heads = 0, last = -1;

	(void)state;
	total = 0;
	ts_new_page(d);
	ts_table_put(d, &t, head, NULL, TS_ROW_HEAD);
	for (int i = 1; i <= 80; i++) {
		snprintf(name, sizeof name, "Peserta %d", i);
		snprintf(num, sizeof num, "%d", i * 1000);
		cells[0] = name;
		cells[1] = "3";
		cells[2] = num;
		if (ts_table_put(d, &t, cells, NULL, 0) && !page1)
			page1 = i; /* the first row of page 2 */
		total += i * 1000;
	}
	assert_true(page1 > 1);
	/* the foot of page 1 carries the rows before, page 2 brings them */
	foot = find("Jumlah dipindahkan", 0);
	assert_true(foot > 0);
	assert_int_equal(rec.op[foot].page, 1);
	assert_int_equal(atol(rec.text[foot + 1]),
			 (long)(page1 - 1) * page1 / 2 * 1000);
	top = find("Jumlah pindahan", foot);
	assert_true(top > foot);
	assert_int_equal(rec.op[top].page, 2);
	assert_string_equal(rec.text[top + 1], rec.text[foot + 1]);
	/* the head repeated before it, the row after it */
	for (int i = 0; i < rec.n; i++)
		if (rec.op[i].kind == TS_OP_TEXT &&
		    strcmp(rec.text[i], "Nama") == 0) {
			heads++;
			last = i;
		}
	assert_true(heads >= 2);
	assert_true(find("Nama", foot) < top);
	snprintf(name, sizeof name, "Peserta %d", page1);
	assert_true(find(name, top) > top);
	/* the joined cell: one box over the first two columns */
	for (int i = top; i >= 0; i--)
		if (rec.op[i].kind == TS_OP_BOX) {
			assert_true(rec.op[i].w == 100); /* the third */
			assert_true(rec.op[i - 1].w == 300);
			break;
		}
	/* right-aligned figures end 4 points from their cell's edge */
	{
		int k = find("80000", last);
		float wd = ts_width(d, 0, TS_SMALL, "80000");

		assert_true(k > 0);
		assert_true(rec.op[k].x + wd > TS_LEFT + 400 - 4.5f &&
			    rec.op[k].x + wd < TS_LEFT + 400 - 3.5f);
	}
	done(d);
}

static void t_break_and_height(void **state)
{
	static const float w[2] = { 200, 100 };
	static const char *const head[2] = { "Nama", "Jumlah" };
	ts_table t = { 2, w, head, NULL, 0, NULL, NULL, NULL, 30 };
	const char *cells[2] = { "Satu", "1" };
	ts_doc *d = doc();
	float y;

	(void)state;
	ts_new_page(d);
	ts_table_put(d, &t, head, NULL, TS_ROW_HEAD);
	assert_true(ts_table_height(d, &t, cells, 0) == 30);
	assert_true(ts_table_height(d, &t, cells, TS_ROW_BOLD) <
		    ts_table_height(d, &t, cells, 0));
	y = ts_y(d);
	assert_int_equal(ts_table_put(d, &t, cells, NULL, 0), 0);
	assert_true(y - ts_y(d) == 30);
	/* a forced break: a new page, the head first */
	assert_int_equal(ts_table_put(d, &t, cells, NULL, TS_ROW_BREAK), 1);
	assert_int_equal(ts_page(d), 2);
	assert_true(find("Nama", 3) > 0);
	done(d);
}

static void t_signs(void **state)
{
	ts_signer a, b;
	const ts_signer *s[2] = { &a, &b };
	const char *cap[2] = { "Setuju dibayar,", "Kota, 1 Juni 2024\n"
			       "Yang menerima," };
	float room[2];
	ts_doc *d = doc();
	int na, nb;

	(void)state;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	ibm_strlist_split(&a.jabatan, "Pejabat Pembuat Komitmen", 1);
	a.nama = "Ani";
	a.nip = "1";
	b.nama = "Budi";
	ts_new_page(d);
	ts_signs(d, 2, cap, s, room);
	na = find("Ani", 0);
	nb = find("Budi", 0);
	/* the names on one line, the rooms to sign at one height */
	assert_true(na > 0 && nb > 0);
	assert_true(rec.op[na].y == rec.op[nb].y);
	assert_true(room[0] == room[1]);
	assert_true(rec.op[na].x < rec.op[nb].x);
	assert_true(ts_signs_height(2, cap, s) >= TS_TOP - ts_y(d) - 0.1f);
	ibm_strlist_free(&a.jabatan);
	done(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_landscape),
		cmocka_unit_test(t_carry),
		cmocka_unit_test(t_break_and_height),
		cmocka_unit_test(t_signs),
	};

	msgs_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
