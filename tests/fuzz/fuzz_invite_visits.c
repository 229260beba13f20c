/*
 * fuzz_invite_visits.c - ibm-invite --visits: the schedule reader
 * (inv_visits_read_csv), the staff file's teams and the checks
 * (inv_visits_check: teams without officers, a team or an officer in two
 * places, trips), the visits' CSV, and the four papers laid out in Times
 * on a measuring document (letters, Surat Tugas, SPD, schedule) with the
 * schedule's text. The input is an options byte (the delimiter), the
 * schedule, "\n===\n" and the staff file (the examples' when absent).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "invite.h"
#include "monev.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char conf[] =
	"instansi = BADAN NARKOTIKA NASIONAL | BNN KOTA BIMA\n"
	"tempat_surat = Bima\n"
	"tanggal_surat = 24 Maret 2025\n"
	"ttd_jabatan = Kepala | Kota Bima\n"
	"ttd_nama = Drs. Abdul Haris\n"
	"nomor = B/{n}/{bulan_romawi}/RH.00.00/{tahun}/BNNK-BMA\n"
	"nomor_tugas = Sgas/{n}/{tahun}\n"
	"nomor_spd = SPD/{n}/{tahun}\n"
	"dasar = Peraturan BNN Nomor 6 Tahun 2021\n"
	"ppk_nama = Siti Maryam\n"
	"kabupaten_kedudukan = Kota Bima\n";

static const char staff_default[] =
	"nama,pangkat,nip,jabatan,tim,tugas\n"
	"Nurhayati,Penata (III/c),19850312 200912 2 001,Konselor,Tim A,Ketua\n"
	"Ikbal,Pengatur (II/c),19940101 201901 1 002,Data,Tim A,Anggota\n"
	"Syafruddin,Penata Muda (III/a),19900505 201503 1 003,Penyuluh,Tim B,"
	"Ketua\n";

/* "\n===\n" in the n bytes of s, or NULL. */
static const char *find_sep(const char *s, size_t n)
{
	for (size_t i = 0; i + 5 <= n; i++)
		if (!memcmp(s + i, "\n===\n", 5))
			return s + i;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[4] = { 0, ',', ';', '\t' };
	ibm_csv_opts o = { 0 };
	const char *text = (const char *)data + 1, *sep, *staff_text;
	size_t slen, tlen;
	ibm_event *ev;
	inv_event e;
	inv_order staff;
	inv_visits vs;
	ibm_csv *r;
	int st, ok;

	if (size < 1 || size > 65536)
		return 0;
	ibm_diag_init("fuzz");
	ibm_diag_set_quiet(1);
	o.delim = delims[data[0] & 3];
	sep = find_sep(text, size - 1);
	tlen = sep ? (size_t)(sep - text) : size - 1;
	staff_text = sep ? sep + 5 : staff_default;
	slen = sep ? size - 1 - tlen - 5 : sizeof staff_default - 1;

	memset(&vs, 0, sizeof vs);
	memset(&staff, 0, sizeof staff);
	r = ibm_csv_open_mem("jadwal.csv", text, tlen, &o, &st);
	if (!r)
		return 0;
	ok = inv_visits_read_csv(&vs, r) == 0;
	ibm_csv_close(r);
	r = ibm_csv_open_mem("petugas.csv", staff_text, slen, &o, &st);
	if (r) {
		ok = inv_order_read_staff_csv(&staff, r) == 0 && ok;
		ibm_csv_close(r);
	} else {
		ok = 0;
	}
	ev = ibm_event_new();
	if (ibm_event_parse(ev, "monev.conf", conf, sizeof conf - 1) != 0)
		abort();
	if (inv_event_init_visits(&e, ev) != 0)
		abort();
	if (ok && inv_visits_check(&vs, &staff, NULL, 0, "09.00") == 0) {
		size_t seen = 0;
		inv_papers p;
		FILE *fp = fopen("/dev/null", "w");

		/* every visit in one team, once in the order, in one trip */
		for (size_t t = 0; t < vs.nt; t++) {
			if (!vs.t[t].nofficer || !vs.t[t].nvisit)
				abort();
			seen += vs.t[t].nvisit;
		}
		for (size_t i = 0; i < vs.n; i++)
			if (vs.v[i].team >= vs.nt || vs.order[i] >= vs.n ||
			    !vs.v[i].f[INV_V_DESA][0])
				abort();
		if (seen != vs.n)
			abort();
		seen = 0;
		for (size_t k = 0; k < vs.ntrip; k++) {
			if (vs.trip[k].end <= vs.trip[k].first ||
			    ibm_date_cmp(vs.trip[k].from, vs.trip[k].to) > 0)
				abort();
			seen += vs.trip[k].end - vs.trip[k].first;
		}
		if (seen != vs.n)
			abort();
		inv_papers_init(&p, &e, &vs, NULL);
		inv_papers_number(&p, NULL, 1, 1, 1);
		if (fp) {
			if (inv_visits_write_csv(&vs, fp, data[0] & 4) != 0)
				abort();
			fclose(fp);
		}
		/* the papers on a measuring document, a few visits at most */
		if (vs.n <= 20)
			for (int k = 0; k <= INV_PAPER_SCHEDULE; k++) {
				ts_doc *d = ts_measure(&e.office);

				inv_visit_draw(d, &p, k);
				ts_free(d);
			}
		inv_papers_free(&p);
	}
	inv_event_free(&e);
	ibm_event_free(ev);
	inv_visits_free(&vs);
	inv_order_free(&staff);
	return 0;
}
