/*
 * fuzz_db_readers.c - ibm-db's readers of the other tools' CSV into the
 * database (participants, scores, summary, certificates, ibm-monev's
 * per-unit CSV, the register of letters), each on an event of a
 * database in memory, then the rows read back as list writes them. The
 * first byte picks the reader (low 3 bits), --strict (bit 3) and the
 * delimiter (bits 4-5); the rest is the CSV (the scores are those of a
 * small list of participants). Each input runs in a
 * savepoint rolled back afterwards, so the inputs do not add up.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char event_conf[] =
	"instansi = BADAN NARKOTIKA NASIONAL | "
	"BADAN NARKOTIKA NASIONAL KABUPATEN SUMBAWA\n"
	"acara = Bimtek IBM\n"
	"tanggal_mulai = 24 Juni 2024\n"
	"jumlah_hari = 3\n";

static const char people[] =
	"no,participant_id,nama,no_hp,email\n"
	"1,IBM-0B4753E4,Siti Rahmawati,0812-3456-7890,siti@gmail.com\n"
	"2,IBM-07C8FA40,Muhammad Rizal,,\n"
	"3,IBM-7560AD8F,Baiq Nurul Aini,,baiq@yahoo.co.id\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static db_file *d;
	static ibm_event *ev;
	static FILE *null;
	static const int delims[4] = { 0, ',', ';', '\t' };
	db_in in;
	ibm_csv *r;
	long long id;
	int st, which;

	if (size < 1 || size > 65536)
		return 0;
	if (!d) {
		ibm_diag_init("fuzz");
		ibm_diag_set_quiet(1);
		null = fopen("/dev/null", "w");
		if (!null)
			abort();
		d = db_open(":memory:", DB_WRITE, 0);
		ev = ibm_event_new();
		if (ibm_event_parse(ev, "event.conf", event_conf,
				    sizeof event_conf - 1) != 0)
			abort();
	}
	memset(&in, 0, sizeof in);
	which = data[0] & 7;
	in.strict = data[0] >> 3 & 1;
	in.csv.delim = delims[data[0] >> 4 & 3];
	r = ibm_csv_open_mem("in.csv", (const char *)data + 1, size - 1,
			     &in.csv, &st);
	if (!r)
		return 0;
	db_exec(d, "SAVEPOINT fuzz");
	id = db_put_event(d, ev, "event.conf");
	switch (which) {
	case 0:
	case 6:
		st = db_read_people(d, id, r, NULL, &in);
		break;
	case 1: {
		/* the scores of the participants of a list */
		int st2;
		ibm_csv_opts po = { 0 };
		ibm_csv *p = ibm_csv_open_mem("peserta.csv", people,
					      sizeof people - 1, &po, &st2);

		if (!p)
			abort();
		st = db_read_people(d, id, p, r, &in);
		break;
	}
	case 2:
		st = db_read_summary(d, id, r, &in);
		break;
	case 3:
		st = db_read_certificates(d, id, r, &in);
		break;
	case 4:
	case 7:
		st = db_read_visits(d, r, which == 7 ? "2024-S1" : NULL, &in);
		break;
	default:
		st = db_read_letters(d, r, "BNNK Sumbawa", &in);
	}
	if (st == 0) {
		static const db_filter none;

		for (int l = 0; l < DB_NLISTS; l++) {
			db_rows *t = db_rows_list(d, l, &none);

			db_rows_csv(t, null, l & 1);
			db_rows_free(t);
		}
	}
	db_exec(d, "ROLLBACK TO fuzz");
	db_exec(d, "RELEASE fuzz");
	return 0;
}
