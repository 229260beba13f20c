#!/bin/sh
# windows/paths.t - the .exe files as Windows users type their commands
# (make check-windows, under Wine): outputs named with backslashes, in
# subfolders, with a drive letter (C:, Z:) and as \\?\ paths, in every
# tool; an event file in another folder (-c acara\event.conf) with the logo
# beside it; the register issuing new numbers across runs and in two runs
# at once, written in place under its lock; an output or the register held
# open as Excel holds a workbook (windows/probe.c): status 73, the message
# in English and Indonesian, and no file changed; NUL as an output; "/?";
# the version resource and icon of every .exe. Each test checks the files
# on disk afterwards, not only the status. Needs WIN (build-win64, with
# helpers/probe.exe) and a Wine prefix (windows/check.sh).
top=$(cd "$(dirname "$0")/.." && pwd)
WIN=${WIN:-$top/build-win64}
export SOURCE_DATE_EPOCH=1719187200 TZ=UTC LC_ALL=C.UTF-8
ver=$(sed -n 's/^#define IBMKIT_VERSION "\(.*\)"/\1/p' "$top/lib/core/ibmkit.h")
tools=$(cd "$WIN/bin" && ls ibm-*.exe | sed 's/\.exe$//')
work=$(mktemp -d)
cdrive=$WINEPREFIX/drive_c/ibmkit-paths-$$
trap 'rm -rf "$work" "$cdrive"' EXIT
set -- $tools
echo "1..$((2 * $# + 17))"
i=0
ok() { i=$((i + 1)); printf 'ok %s - %s\n' "$i" "$1"; }
notok() {
	i=$((i + 1))
	printf 'not ok %s - %s\n' "$i" "$1"
	shift
	for m; do printf '%s\n' "$m" | sed 's/^/# /'; done
}
check() { # check NAME CONDITION-STATUS DETAILS...
	n=$1 st=$2
	shift 2
	if [ "$st" = 0 ]; then ok "$n"; else notok "$n" "$@"; fi
}
# run TOOL ARGS...: the .exe under Wine in $work (stdout to out, stderr to
# err, status in $st); Wine's own start-up now and then fails a program
# (status 1, no output): then it runs once more
run() {
	t=$1
	shift
	for attempt in 1 2; do
		(cd "$work" && wine "$WIN/bin/$t.exe" "$@" >out 2>err </dev/null)
		st=$?
		[ $st = 1 ] && [ ! -s "$work/out" ] && [ ! -s "$work/err" ] ||
			break
	done
}
probe() { wine "$WIN/helpers/probe.exe" "$@"; }
# hold FILE: held open (as Excel does) until release
hold() {
	rm -f "$work/ready" "$work/release"
	(cd "$work" && probe hold "$1" ready release &)
	n=0
	while [ ! -e "$work/ready" ] && [ $n -lt 300 ]; do
		sleep 0.1
		n=$((n + 1))
	done
}
release() {
	touch "$work/release"
	n=0
	# the holder is gone when its file can be removed ... wait briefly
	sleep 0.5
	rm -f "$work/ready"
}
# no temporary file left anywhere under $work
clean() { [ -z "$(find "$work" -name '.*.ibmkit-*')" ]; }

ex=$top/examples
cd "$work" || exit 1
mkdir -p data acara/gambar hasil surat arsip laporan
cp "$ex/bimtek/"*.csv "$ex/bimtek/surat.md" data/
cp "$ex/bimtek/logo-bnnk.png" acara/gambar/
# the event file in its own folder, its logo in a subfolder (backslash)
sed 's|^logo = .*|logo = gambar\\logo-bnnk.png|' "$ex/bimtek/event.conf" \
	>acara/event.conf
grep -v '^nomor_awal\|^nomor_kolektif\|^nomor_sprin_awal' acara/event.conf \
	>acara/register.conf
head -1 data/peserta.csv >data/h.csv

# 1: ibm-csv reads files named with backslashes and a drive letter
run ibm-csv check 'data\peserta.csv' "Z:$(echo "$work" | tr / '\\')\\data\\pretest.csv"
check "ibm-csv: backslash and drive-letter inputs" \
	"$([ $st = 0 ] && grep -q 'peserta.csv' out && grep -q 'pretest.csv' out; echo $?)" \
	"status $st" "$(cat err)"

# 2: ibm-invite: every output in subfolders by backslash paths, one by a
# drive letter, the event file in another folder with its logo
zwork="Z:$(echo "$work" | tr / '\\')"
run ibm-invite -c 'acara\event.conf' -l 'surat\undangan.pdf' \
	-A 'hasil\daftar hadir.xlsx' -t 'data\surat.md' -o 'surat\per-orang' \
	-s 'nomor_sertifikat=S/{n}' --certificates "$zwork\\hasil\\sertifikat.html" \
	'data\peserta.csv'
check "ibm-invite: outputs in subfolders, by a drive letter; logo beside the event file" \
	"$([ $st = 0 ] && [ -s surat/undangan.pdf ] && [ -s 'hasil/daftar hadir.xlsx' ] &&
	   [ -s hasil/sertifikat.html ] && [ "$(ls surat/per-orang | wc -l)" -ge 20 ] &&
	   grep -q '^no,' out && clean; echo $?)" "status $st" "$(cat err)" "$(ls -R)"
cp out data/peserta-id.csv

# 3: a logo that cannot be found is named as the path it makes
sed 's|^logo = .*|logo = gambar\\tiada.png|' acara/event.conf >acara/tiada.conf
run ibm-invite -c 'acara\tiada.conf' -l 'surat\x.pdf' 'data\peserta.csv'
check "ibm-invite: a missing logo named as acara\\gambar\\tiada.png" \
	"$([ $st = 66 ] && grep -q 'acara\\gambar\\tiada.png' err && [ ! -e surat/x.pdf ]; echo $?)" \
	"status $st" "$(cat err)"

# 4: ibm-score: a report in a subfolder, a summary on drive C:
mkdir -p "$cdrive"
cdir="C:\\ibmkit-paths-$$"
run ibm-score -k 'data\kunci.csv' --pre 'data\pretest.csv' \
	--post 'data\posttest.csv' --report 'hasil\hasil-tes.xlsx' \
	--summary "$cdir\\ringkasan.csv" --items "$cdir\\butir.csv"
check "ibm-score: --report hasil\\x.xlsx, --summary C:\\...\\ringkasan.csv" \
	"$([ $st = 0 ] && [ -s hasil/hasil-tes.xlsx ] && [ -s "$cdrive/ringkasan.csv" ] &&
	   [ -s "$cdrive/butir.csv" ] && clean &&
	   [ -z "$(ls -A "$cdrive" | grep ibmkit)" ]; echo $?)" "status $st" "$(cat err)"
cp out data/nilai.csv
cp "$cdrive/ringkasan.csv" data/ringkasan.csv

# 5: ibm-monev: -o C:\Laporan\monev.xlsx, --print-spec into a subfolder
mkdir -p "$cdrive/Laporan"
run ibm-monev -o "$cdir\\Laporan\\monev.xlsx" "$(echo "$ex/monev/bnnp-ntb.csv")"
st1=$st
run ibm-monev --print-spec 'hasil\spec'
check "ibm-monev: -o C:\\Laporan\\monev.xlsx, --print-spec hasil\\spec" \
	"$([ $st1 = 0 ] && [ -s "$cdrive/Laporan/monev.xlsx" ] && [ $st = 0 ] &&
	   [ "$(ls hasil/spec | wc -l)" -ge 2 ] && clean; echo $?)" "status $st1 $st" "$(cat err)"

# 6: ibm-report: -c bimtek\event.conf (the logo beside it), -o into a
# subfolder as a \\?\ path
run ibm-report bimtek -c 'acara\event.conf' --participants 'data\peserta-id.csv' \
	--scores 'data\nilai.csv' --summary 'data\ringkasan.csv' \
	-o "\\\\?\\$zwork\\laporan\\laporan.docx"
check "ibm-report: -c acara\\event.conf, -o \\\\?\\Z:\\...\\laporan.docx" \
	"$([ $st = 0 ] && [ -s laporan/laporan.docx ] &&
	   unzip -l laporan/laporan.docx | grep -q 'word/media/' && clean; echo $?)" \
	"status $st" "$(cat err)"

# 7-9: the register in a subfolder: numbers across runs, a re-run, two at
# once
{ cat data/h.csv; sed -n 2,4p data/peserta.csv; } >data/a.csv
{ cat data/h.csv; sed -n 5,7p data/peserta.csv; } >data/b.csv
{ cat data/h.csv; sed -n 8,17p data/peserta.csv; } >data/c.csv
{ cat data/h.csv; sed -n 18,27p data/peserta.csv; } >data/d.csv
col() { awk -F, 'NR == 1 { for (k = 1; k <= NF; k++) if ($k == "letter_number") c = k; next }
	{ sub(/^[^0-9]*/, "", $c); sub(/\/.*/, "", $c); printf "%s ", $c }' "$1"; }
run ibm-invite -q -c 'acara\register.conf' --register 'arsip\agenda surat.csv' 'data\a.csv'
a1=$(col out)
run ibm-invite -q -c 'acara\register.conf' --register 'arsip\agenda surat.csv' 'data\b.csv'
b1=$(col out)
check "register: numbers 1-3, then 4-6, recorded" \
	"$([ "$a1" = "1 2 3 " ] && [ "$b1" = "4 5 6 " ] &&
	   [ "$(wc -l <'arsip/agenda surat.csv')" = 7 ] && clean; echo $?)" \
	"got $a1 / $b1" "$(cat err 'arsip/agenda surat.csv')"
cp 'arsip/agenda surat.csv' before.csv
run ibm-invite -q -c 'acara\register.conf' --register 'arsip\agenda surat.csv' 'data\a.csv'
check "register: a re-run reuses the numbers, records nothing" \
	"$([ "$(col out)" = "1 2 3 " ] && cmp -s before.csv 'arsip/agenda surat.csv'; echo $?)" \
	"$(cat err)"
(cd "$work" && wine "$WIN/bin/ibm-invite.exe" -q -c 'acara\register.conf' \
	--register 'arsip\agenda surat.csv' -l 'surat\c.pdf' 'data\c.csv' \
	>oc 2>ec) &
(cd "$work" && wine "$WIN/bin/ibm-invite.exe" -q -c 'acara\register.conf' \
	--register 'arsip\agenda surat.csv' -l 'surat\d.pdf' 'data\d.csv' \
	>od 2>ed) &
wait
nums=$(tail -n +2 'arsip/agenda surat.csv' | cut -d, -f3 | sort -n | tr '\n' ' ')
check "register: two runs at once, numbers 1 to 26 once each" \
	"$([ "$nums" = "$(seq 1 26 | tr '\n' ' ')" ] && [ -s surat/c.pdf ] &&
	   [ -s surat/d.pdf ] && clean; echo $?)" "$nums" "$(cat ec ed)"

# 10: an output held open (Excel): 73, in English and Indonesian, and no
# file changed: not the other outputs, not the register
{ cat data/h.csv; sed -n 28,29p data/peserta.csv; } >data/e.csv
echo lama >hasil/hadir.xlsx
echo lama >surat/e.html
cp 'arsip/agenda surat.csv' before.csv
hold 'hasil\hadir.xlsx'
run ibm-invite -c 'acara\register.conf' --register 'arsip\agenda surat.csv' \
	-l 'surat\e.html' -A 'hasil\hadir.xlsx' -l 'surat\e.pdf' 'data\e.csv'
release
check "an output open in Excel: 73, nothing changed, said in both languages" \
	"$([ $st = 73 ] && [ "$(cat hasil/hadir.xlsx)" = lama ] &&
	   [ "$(cat surat/e.html)" = lama ] && [ ! -e surat/e.pdf ] &&
	   cmp -s before.csv 'arsip/agenda surat.csv' && clean &&
	   grep -q '^ibm-invite: hasil\\hadir.xlsx: cannot replace: the file is open in another program; close hadir.xlsx in Excel' err &&
	   grep -q '^ibm-invite: hasil\\hadir.xlsx: tidak dapat diganti: .*tutup hadir.xlsx di Excel' err;
	   echo $?)" "status $st" "$(cat err)"

# 11: the register held open: the same
hold 'arsip\agenda surat.csv'
run ibm-invite -c 'acara\register.conf' --register 'arsip\agenda surat.csv' \
	-l 'surat\e.html' 'data\e.csv'
release
check "the register open in Excel: 73, nothing changed" \
	"$([ $st = 73 ] && [ "$(cat surat/e.html)" = lama ] &&
	   cmp -s before.csv 'arsip/agenda surat.csv' && clean &&
	   grep -q 'close agenda surat.csv in Excel' err; echo $?)" "status $st" "$(cat err)"

# 12: closed again, the same run succeeds
run ibm-invite -q -c 'acara\register.conf' --register 'arsip\agenda surat.csv' \
	-l 'surat\e.html' -A 'hasil\hadir.xlsx' 'data\e.csv'
check "closed again: the run records 27 and 28" \
	"$([ $st = 0 ] && [ "$(col out)" = "27 28 " ] && [ "$(head -c 2 hasil/hadir.xlsx)" = PK ] &&
	   [ "$(wc -l <'arsip/agenda surat.csv')" = 29 ] && clean; echo $?)" "status $st" "$(cat err)"

# 13: NUL as an output, as /dev/null on Linux: no file named NUL
run ibm-score -k 'data\kunci.csv' --summary NUL --report NUL 'data\pretest.csv'
st1=$st
run ibm-monev -o nul "$ex/monev/bnnp-ntb.csv"
check "NUL as an output: written to nothing, no file made" \
	"$([ $st1 = 0 ] && [ $st = 0 ] && [ -z "$(find . -iname nul)" ] && clean; echo $?)" \
	"status $st1 $st" "$(cat err)"

# 14: a rename that fails (as over a file held open, IBMKIT_TEST_FAIL_RENAME)
# after another output was replaced: that one is put back
echo lama >hasil/r.csv
IBMKIT_TEST_FAIL_RENAME=x.xlsx run ibm-score -k 'data\kunci.csv' \
	--summary 'hasil\r.csv' --report 'hasil\x.xlsx' 'data\pretest.csv'
check "a rename failing after another: that one put back" \
	"$([ $st = 73 ] && [ "$(cat hasil/r.csv)" = lama ] && [ ! -e hasil/x.xlsx ] && clean &&
	   grep -q '^ibm-score: hasil\\x.xlsx: cannot replace: .*; no file was changed' err; echo $?)" \
	"status $st" "$(cat err)"

# 15: /? shows the usage, as Windows commands do
bad=""
for t in $tools; do
	run "$t" '/?'
	[ $st = 0 ] && grep -q "^usage: $t" out || bad="$bad $t"
done
check "/? shows each tool's usage" "$([ -z "$bad" ]; echo $?)" "failed:$bad"

# 16: one output named twice (different case, a slash and a backslash)
run ibm-invite -c 'acara\event.conf' -l 'surat\Dua.html' --certificates 'SURAT/dua.HTML' \
	-s 'nomor_sertifikat=S/{n}' 'data\peserta.csv'
check "one file named twice (case, separators): 64" \
	"$([ $st = 64 ] && [ ! -e surat/Dua.html ] && grep -q 'also written by --letters' err; echo $?)" \
	"status $st" "$(cat err)"

# 17: an existing output is replaced (no held file): no backup left
run ibm-score -k 'data\kunci.csv' --summary 'hasil\r.csv' 'data\pretest.csv'
check "an output replaced: new contents, nothing left beside it" \
	"$([ $st = 0 ] && grep -q '^statistic,' hasil/r.csv && clean &&
	   [ "$(ls -A hasil | grep -c '^\.')" = 0 ]; echo $?)" "status $st" "$(cat err)"

# every .exe: its version resource and its icon, as Explorer reads them
for t in $tools; do
	v=$(probe version "$WIN/bin/$t.exe" 2>&1 | tr -d '\r')
	desc=$(sed -n 's/^\.Nd //p' "$top/man/$t.1")
	check "$t.exe: version resource" \
		"$(printf '%s\n' "$v" | grep -qx "ProductName: ibmkit" &&
		   printf '%s\n' "$v" | grep -qx "ProductVersion: $ver" &&
		   printf '%s\n' "$v" | grep -qx "FileDescription: $desc" &&
		   printf '%s\n' "$v" | grep -qx "OriginalFilename: $t.exe"; echo $?)" "$v"
	check "$t.exe: an icon" \
		"$(printf '%s\n' "$v" | grep -qx 'icons: 1'; echo $?)" "$v"
done
