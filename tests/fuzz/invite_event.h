/* invite_event.h - the event the invite fuzz targets read participants
 * and agendas against (a copy of tests/data/invite/event.conf's keys). */
static const char fuzz_event_conf[] =
	"instansi = BADAN NARKOTIKA NASIONAL | BNN KABUPATEN SUMBAWA\n"
	"alamat = Jl. Garuda No. 12, Sumbawa Besar 84312\n"
	"nomor = B/{n}/VI/RH.00.00/2024/BNNK-SBW\n"
	"nomor_awal = 101\n"
	"hal = Undangan Bimbingan Teknis\n"
	"tempat_surat = Sumbawa Besar\n"
	"tanggal_surat = 17 Juni 2024\n"
	"acara = Bimbingan Teknis Intervensi Berbasis Masyarakat\n"
	"tanggal_mulai = 2024-06-24\n"
	"jumlah_hari = 3\n"
	"waktu = 08.00 WITA s.d. selesai\n"
	"tempat = Aula Hotel Tambora, Sumbawa Besar\n"
	"ttd_jabatan = Kepala | Kabupaten Sumbawa\n"
	"ttd_nama = Dr. Lalu Hamdani, S.H., M.H.\n";
