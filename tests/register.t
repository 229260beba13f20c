#!/bin/sh
# tests/register.t - ibm-invite --register: the register of outgoing
# letters. Counters continue across runs and types (undangan, sprin), a
# re-run reuses the numbers issued for the same letters, a number the
# register has for someone else is an error naming the clash, a failed
# run appends nothing, two runs at once issue no number twice and lose
# no line, a hand-kept register keeps its delimiter and lines (and its
# Windows-1252), a register without urut counts by its numbers, text that
# Excel would run as a formula is guarded, a run waiting for the lock says
# so, and a register that cannot be renamed over (bind-mounted) is
# written in place. The same guarantees when the register is the database
# (ibm-db): the same numbers as the CSV register, re-runs, clashes, failed
# runs, runs at once.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PATH=$BUILD/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "1..28"
i=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); echo "not ok $i - $1"; shift; for m; do echo "# $m"; done; }
check() { # check NAME CONDITION-STATUS DETAILS...
	n=$1 st=$2
	shift 2
	if [ "$st" = 0 ]; then ok "$n"; else notok "$n" "$@"; fi
}

ex=$top/examples/bimtek
cd "$work" || exit 1
cp "$ex/logo-bnnk.png" "$ex/petugas.csv" .
# the example event without first numbers: the register counts
grep -v '^nomor_awal\|^nomor_kolektif\|^nomor_sprin_awal' "$ex/event.conf" \
	> event.conf
sed -i 's|^nomor = .*|nomor = B/UND-{n}/{bulan_romawi}/Rh.01.00/{tahun}/BNNK-SBW|' \
	event.conf
head -1 "$ex/peserta.csv" > h.csv
{ cat h.csv; sed -n 2,4p "$ex/peserta.csv"; } > a.csv
{ cat h.csv; sed -n 5,7p "$ex/peserta.csv"; } > b.csv
{ cat h.csv; sed -n 8,17p "$ex/peserta.csv"; } > c.csv
{ cat h.csv; sed -n 18,27p "$ex/peserta.csv"; } > d.csv
col() { # the letter_number column of a run's CSV
	awk -F, 'NR == 1 { for (k = 1; k <= NF; k++) if ($k == "letter_number") c = k; next }
		{ print $c }' "$1"
}

# 1: a new register: invitations 1-3, Sprin 1
ibm-invite -q -c event.conf --register reg.csv --staff petugas.csv \
	--order s1.pdf a.csv > a1.out 2> err
got=$(col a1.out | tr '\n' ' ')
want="B/UND-1/VI/Rh.01.00/2024/BNNK-SBW B/UND-2/VI/Rh.01.00/2024/BNNK-SBW B/UND-3/VI/Rh.01.00/2024/BNNK-SBW "
sp=$(pdftotext s1.pdf - | grep -c 'Sprin/1/VI/Ka/Rh.01.01/2024/BNNK-SBW')
check "new register: invitations 1 to 3 and Sprin 1" \
	"$([ "$got" = "$want" ] && [ "$sp" -ge 1 ] && [ "$(wc -l < reg.csv)" = 5 ]; echo $?)" \
	"got: $got" "sprin: $sp" "$(cat err reg.csv)"

# 2: the next run continues each type's counter
ibm-invite -q -c event.conf -s 'acara=Rapat Koordinasi IBM' --register reg.csv \
	--staff petugas.csv --order s2.pdf b.csv > b1.out 2> err
got=$(col b1.out | sed 's|^B/UND-||;s|/.*||' | tr '\n' ' ')
sp=$(pdftotext s2.pdf - | grep -c 'Sprin/2/VI/')
check "second run: invitations 4 to 6, Sprin 2" \
	"$([ "$got" = "4 5 6 " ] && [ "$sp" -ge 1 ]; echo $?)" "got: $got" "$(cat err reg.csv)"

# 3: a re-run reuses the numbers and appends nothing
cp reg.csv before.csv
ibm-invite -q -c event.conf --register reg.csv --staff petugas.csv \
	--order s3.pdf a.csv > a2.out 2> err
sp=$(pdftotext s3.pdf - | grep -c 'Sprin/1/VI/')
check "re-run: the same numbers, no new lines" \
	"$(cmp -s a1.out a2.out && cmp -s before.csv reg.csv && [ "$sp" -ge 1 ]; echo $?)" \
	"$(diff a1.out a2.out)" "$(diff before.csv reg.csv)" "$(cat err)"

# 4: a first number the register has for someone else is refused
ibm-invite -q -c event.conf -s nomor_awal=2 --register reg.csv c.csv \
	> /dev/null 2> err
st=$?
check "clash: status 65 naming the register line, register unchanged" \
	"$([ $st = 65 ] && grep -q 'reg.csv:3: number B/UND-2/VI/Rh.01.00/2024/BNNK-SBW is already issued to' err &&
	   cmp -s before.csv reg.csv; echo $?)" "status $st" "$(cat err)"

# 5: a failed run (an output that cannot be created) appends nothing
ibm-invite -q -c event.conf --register reg.csv --staff petugas.csv \
	--order nodir/s.pdf c.csv > /dev/null 2> err
st=$?
check "failed run: status 73, register unchanged" \
	"$([ $st = 73 ] && cmp -s before.csv reg.csv; echo $?)" "status $st" "$(cat err)"

# 6: a failed run (bad staff file) appends nothing either
printf 'jabatan\nKetua\n' > bad-staff.csv
ibm-invite -q -c event.conf --register reg.csv --staff bad-staff.csv \
	--order s.pdf c.csv > /dev/null 2> err
st=$?
check "failed run (staff file without names): status 65, register unchanged" \
	"$([ $st = 65 ] && cmp -s before.csv reg.csv && [ ! -e s.pdf ]; echo $?)" "status $st" "$(cat err)"

# 7: runs at once (each writing letters, so that they overlap): no number
# twice, no line lost
for k in 1 2 3; do
	ibm-invite -q -c event.conf --register reg.csv -l c$k.pdf c.csv \
		> /dev/null 2> errc$k &
	ibm-invite -q -c event.conf --register reg.csv -l d$k.pdf d.csv \
		> /dev/null 2> errd$k &
	ibm-invite -q -c event.conf -s hal=Rapat --register reg.csv \
		-l e$k.pdf c.csv > /dev/null 2> erre$k &
	ibm-invite -q -c event.conf -s hal=Rapat --register reg.csv \
		-l f$k.pdf d.csv > /dev/null 2> errf$k &
	wait
done
lines=$(tail -n +2 reg.csv | wc -l)
dups=$(tail -n +2 reg.csv | awk -F, '{ print $4 }' | sort | uniq -d | wc -l)
check "concurrent runs: 48 letters, no duplicate number" \
	"$([ "$lines" = 48 ] && [ "$dups" = 0 ]; echo $?)" "lines $lines, duplicates $dups" \
	"$(cat errc* errd* erre* errf*)"
max=$(awk -F, '$2 == "undangan" { print $3 }' reg.csv | sort -n | tail -1)
check "concurrent runs: counters 1 to 46 without gaps" \
	"$([ "$max" = 46 ]; echo $?)" "highest $max"

# 8: another year starts again at 1; the collective letter is a letter too
ibm-invite -q -c event.conf -C -s 'tanggal_surat=5 Januari 2025' \
	-s 'tanggal_mulai=2025-01-20' --register reg.csv a.csv > k.out 2> err
got=$(col k.out | sort -u)
check "a new year: the collective letter is B/UND-1/I/.../2025" \
	"$([ "$got" = "B/UND-1/I/Rh.01.00/2025/BNNK-SBW" ]; echo $?)" "got: $got" "$(cat err)"

# 9: an explicit first number that is free is used
ibm-invite -q -c event.conf -s nomor_awal=100 --register reg.csv b.csv \
	> /dev/null 2> err
# b.csv's letters are in the register already: reused, not 100
n100=$(grep -c 'B/UND-100/' reg.csv)
{ cat h.csv; sed -n 28,29p "$ex/peserta.csv"; } > e.csv
ibm-invite -q -c event.conf -s nomor_awal=100 --register reg.csv e.csv \
	> e.out 2> err
got=$(col e.out | sed 's|^B/UND-||;s|/.*||' | tr '\n' ' ')
check "explicit first number: reused letters keep theirs, new ones 100, 101" \
	"$([ "$n100" = 0 ] && [ "$got" = "100 101 " ]; echo $?)" "n100 $n100, got $got" "$(cat err)"

# 10: a hand-kept register (semicolons, CRLF, an extra column) keeps its form
printf 'Tanggal;Jenis;Urut;Nomor;Kepada;Hal;Catatan\r\n2024-06-01;sprin;7;Sprin/7/VI/2024;Tim A;Rapat;diantar\r\n' \
	> hand.csv
ibm-invite -q -c event.conf --register hand.csv --staff petugas.csv \
	--order s4.pdf a.csv > /dev/null 2> err
[ "$(tail -c 2 hand.csv | od -An -c | tr -d ' ')" = '\r\n' ]; crlf=$?
sp=$(pdftotext s4.pdf - | grep -c 'Sprin/8/VI/')
check "hand-kept register: Sprin 8, lines appended with ; and CRLF" \
	"$([ "$sp" -ge 1 ] && [ $crlf = 0 ] && head -2 hand.csv | grep -q diantar &&
	   tail -1 hand.csv | tr -d '\r' |
	   grep -q '^2024-06-14;sprin;8;Sprin/8/VI/Ka/Rh.01.01/2024/BNNK-SBW;.*;$'; echo $?)" \
	"$(cat err hand.csv)"

# 11: the register's lock is a flock(2) lock: held by another process, a run waits
if command -v python3 >/dev/null; then
	python3 -c '
import fcntl, sys, time
f = open(sys.argv[1], "r+")
fcntl.flock(f, fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(2)
' reg.csv locked &
	while [ ! -e locked ]; do sleep 0.1; done
	t0=$(date +%s)
	ibm-invite -q -c event.conf --register reg.csv a.csv > /dev/null 2> err
	t1=$(date +%s)
	wait
	check "a run waits for the register's lock" \
		"$([ $((t1 - t0)) -ge 1 ]; echo $?)" "waited $((t1 - t0)) s"
else
	ok "# SKIP python3 missing"
fi

# 13: a register without urut (the column deleted in Excel): the counter
# comes from the numbers themselves, not from 1 again
printf 'tanggal,jenis,nomor,kepada,hal\n2024-06-01,undangan,B/UND-41/VI/Rh.01.00/2024/BNNK-SBW,Ani,Rapat\n2024-03-01,undangan,B/UND-7/III/Rh.01.00/2024/BNNK-SBW,Budi,Rapat\n' \
	> nourut.csv
ibm-invite -q -c event.conf --register nourut.csv b.csv > nu.out 2> err
got=$(col nu.out | sed 's|^B/UND-||;s|/.*||' | tr '\n' ' ')
check "register without urut: invitations 42 to 44" \
	"$([ "$got" = "42 43 44 " ] && [ "$(wc -l < nourut.csv)" = 6 ]; echo $?)" \
	"got: $got" "$(cat err nourut.csv)"

# 14: an addressee that Excel would run as a formula is written with an
# apostrophe; a re-run finds the letter again (no second number)
{ cat h.csv; printf '1;"=HYPERLINK(""http://x"";""klik"")";L;Agen;IBM X;Kelurahan Bugis;Sumbawa;Sumbawa;081237014411;x@y.id\n'; } > f.csv
ibm-invite -q -c event.conf --register formula.csv f.csv > f1.out 2> err
ibm-invite -q -c event.conf --register formula.csv f.csv > f2.out 2>> err
check "formula in the register: guarded, found again on a re-run" \
	"$(grep -q ',"'"'"'=HYPERLINK(""http://x"";""klik"") (Bugis)",' formula.csv &&
	   [ "$(wc -l < formula.csv)" = 2 ] && cmp -s f1.out f2.out; echo $?)" \
	"$(cat err formula.csv)"

# 15: a run that waits for the lock says so after a second
python3 -c '
import fcntl, sys, time
f = open(sys.argv[1], "r+")
fcntl.flock(f, fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(2)
' reg.csv locked2 &
while [ ! -e locked2 ]; do sleep 0.1; done
ibm-invite -c event.conf --register reg.csv a.csv > /dev/null 2> err
wait
check "waiting for the lock: said once" \
	"$([ "$(grep -c 'reg.csv: warning: waiting for the register lock held by another run' err)" = 1 ]; echo $?)" \
	"$(cat err)"

# 16: an output that cannot be renamed into place (as a bind-mounted
# file): the run fails with 73 and no file changes, the register neither
cp reg.csv before.csv
echo old > s5.pdf
{ cat h.csv; sed -n 30,31p "$ex/peserta.csv"; } > g.csv
IBMKIT_TEST_FAIL_RENAME=s5.pdf ibm-invite -q -c event.conf --register reg.csv \
	--staff petugas.csv -l g5.html --order s5.pdf g.csv > /dev/null 2> err
st=$?
check "a rename that fails: 73, register and outputs as they were" \
	"$([ $st = 73 ] && cmp -s before.csv reg.csv && [ "$(cat s5.pdf)" = old ] &&
	   [ ! -e g5.html ] && [ -z "$(ls -A | grep ibmkit)" ]; echo $?)" "status $st" "$(cat err)"

# 17: a register that cannot be renamed over is written in place
IBMKIT_TEST_FAIL_RENAME=reg.csv ibm-invite -q -c event.conf --register reg.csv \
	g.csv > g.out 2> err
st=$?
check "a register that cannot be renamed over: written in place" \
	"$([ $st = 0 ] && [ "$(wc -l < reg.csv)" = $(($(wc -l < before.csv) + 2)) ] &&
	   head -c "$(wc -c < before.csv)" reg.csv | cmp -s before.csv - &&
	   [ -z "$(ls -A | grep ibmkit)" ]; echo $?)" "status $st" "$(cat err)"

# 18: a register bind-mounted over (as a container mounts one): a real
# rename fails with EBUSY; the lines are written in place
cp reg.csv before.csv
{ cat h.csv; printf '1;Putu Ardana;L;Agen;IBM X;Kelurahan Bugis;Sumbawa;Sumbawa;081237014412;p@y.id\n2;Made Sari;P;Agen;IBM X;Kelurahan Seketeng;Sumbawa;Sumbawa;081237014413;m@y.id\n'; } > m.csv
: > bound.csv
if unshare -rm sh -c 'mount --bind reg.csv bound.csv' 2>/dev/null; then
	unshare -rm sh -c 'mount --bind reg.csv bound.csv &&
		ibm-invite -q -c event.conf --register bound.csv -l m.html m.csv \
		> m.out 2> err; echo $? > m.st'
	check "bind-mounted register: new lines written in place" \
		"$([ "$(cat m.st)" = 0 ] && [ -s m.html ] &&
		   [ "$(wc -l < reg.csv)" = $(($(wc -l < before.csv) + 2)) ] &&
		   [ ! -s bound.csv ]; echo $?)" "$(cat err m.st)"
else
	ok "# SKIP no user and mount namespaces here (unshare -rm)"
fi

# 19: a register in Windows-1252 (saved by Excel): new lines in it too
printf 'Tanggal;Jenis;Urut;Nomor;Kepada;Hal\r\n2024-06-01;undangan;1;B/UND-1/VI/Rh.01.00/2024/BNNK-SBW;Dinas Sosial \226 Kab. Sumbawa;Rapat\r\n' \
	> cp.csv
{ cat h.csv; printf '1;Jos\303\251 Ram\303\255rez;L;Agen;IBM X;Kelurahan Bugis;Sumbawa;Sumbawa;081237014411;x@y.id\n'; } > j.csv
ibm-invite -q -c event.conf --register cp.csv j.csv > /dev/null 2> err
check "Windows-1252 register: new lines in Windows-1252" \
	"$(tail -1 cp.csv | grep -q "$(printf ';Jos\351 Ram\355rez (Bugis);')" &&
	   ! iconv -f UTF-8 -t UTF-8 cp.csv > /dev/null 2>&1; echo $?)" "$(cat err)" "$(tail -1 cp.csv | od -c | head -5)"

# 20-26: the database as the register (ibm-db): the same numbers as the
# CSV register gave in 1 and 2, kept in the letters of the event's office
dbl() { ibm-db -D reg.db list letters; }
ibm-invite -q -c event.conf --register reg.db --staff petugas.csv \
	--order t1.pdf a.csv > a1db.out 2> err &&
ibm-invite -q -c event.conf -s 'acara=Rapat Koordinasi IBM' --register reg.db \
	--staff petugas.csv --order t2.pdf b.csv > b1db.out 2>> err
st=$?
sp=$(pdftotext t2.pdf - | grep -c 'Sprin/2/VI/')
check "database register: the CSV register's numbers, Sprin 2, owner-only file" \
	"$([ $st = 0 ] && cmp -s a1.out a1db.out && cmp -s b1.out b1db.out &&
	   [ "$sp" -ge 1 ] && [ "$(dbl | grep -c '^BNNK Sumbawa,')" = 8 ] &&
	   ls -l reg.db | grep -q '^-rw-------'; echo $?)" \
	"status $st" "$(diff a1.out a1db.out)" "$(diff b1.out b1db.out)" "$(cat err)" "$(dbl)"
dbl > before.csv
ibm-invite -q -c event.conf --register reg.db --staff petugas.csv \
	--order t3.pdf a.csv > a2db.out 2> err
check "database register: a re-run gives the same numbers, adds nothing" \
	"$(cmp -s a1.out a2db.out && dbl | cmp -s before.csv -; echo $?)" \
	"$(diff a1.out a2db.out)" "$(cat err)"
ibm-invite -q -c event.conf -s nomor_awal=2 --register reg.db c.csv \
	> /dev/null 2> err
st=$?
check "database register: a clash is 65 naming the holder, nothing added" \
	"$([ $st = 65 ] && grep -q 'reg.db: number B/UND-2/VI/Rh.01.00/2024/BNNK-SBW is already issued to' err &&
	   dbl | cmp -s before.csv -; echo $?)" "status $st" "$(cat err)"
ibm-invite -q -c event.conf --register reg.db --staff petugas.csv \
	--order nodir/s.pdf c.csv > /dev/null 2> err
st=$?
check "database register: a failed run adds nothing" \
	"$([ $st = 73 ] && dbl | cmp -s before.csv -; echo $?)" "status $st" "$(cat err)"
ibm-invite -q -c event.conf --register new.db -l nodir/x.pdf c.csv \
	> /dev/null 2> err
st=$?
check "database register: a failed first run leaves no database" \
	"$([ $st = 73 ] && [ ! -e new.db ]; echo $?)" "status $st" "$(cat err)"
for k in 1 2 3; do
	ibm-invite -q -c event.conf --register reg.db -l c$k.pdf c.csv \
		> /dev/null 2> errc$k &
	ibm-invite -q -c event.conf --register reg.db -l d$k.pdf d.csv \
		> /dev/null 2> errd$k &
	ibm-invite -q -c event.conf -s hal=Rapat --register reg.db \
		-l e$k.pdf c.csv > /dev/null 2> erre$k &
	ibm-invite -q -c event.conf -s hal=Rapat --register reg.db \
		-l f$k.pdf d.csv > /dev/null 2> errf$k &
	wait
done
# 8 letters before, then 10 + 10 invitations of each subject
lines=$(dbl | tail -n +2 | wc -l)
dups=$(ibm-db -D reg.db list letters | tail -n +2 | grep -o 'B/UND-[0-9]*/[^,]*\|Sprin/[0-9]*/[^,]*' | sort | uniq -d | wc -l)
max=$(dbl | grep -o 'B/UND-[0-9]*/' | tr -dc '0-9\n' | sort -n | tail -1)
check "database register: runs at once, 48 letters, no number twice, no gap" \
	"$([ "$lines" = 48 ] && [ "$dups" = 0 ] && [ "$max" = 46 ]; echo $?)" \
	"lines $lines, duplicates $dups, highest $max" "$(cat errc* errd* erre* errf*)"
# a file that is an SQLite database whatever its name; a CSV named .db is
# a CSV register
cp reg.db reg-copy.csv.bak
ibm-invite -q -c event.conf --register reg-copy.csv.bak a.csv > a3db.out 2> err
st=$?
printf 'tanggal,jenis,urut,nomor,kepada,hal\n' > plain.db
ibm-invite -q -c event.conf --register plain.db a.csv > /dev/null 2>> err
st2=$?
check "database register: known by its content; a CSV named .db stays CSV" \
	"$([ $st = 0 ] && cmp -s a1.out a3db.out && [ $st2 = 0 ] &&
	   [ "$(wc -l < plain.db)" = 4 ]; echo $?)" "status $st $st2" "$(cat err)"

# a CSV register added to a database without --office: its letters count
# for the event's office, the next numbers are the CSV register's next
cp reg.csv reg2.csv
ibm-db -D o.db add letters reg.csv 2> err &&
ibm-invite -q -c event.conf -s 'hal=Rapat Evaluasi' --register reg2.csv \
	c.csv > o-csv.out 2>> err &&
ibm-invite -q -c event.conf -s 'hal=Rapat Evaluasi' --register o.db \
	c.csv > o-db.out 2>> err
st=$?
check "database register: a register added without --office counts" \
	"$([ $st = 0 ] && cmp -s o-csv.out o-db.out &&
	   ! col o-db.out | grep -q 'B/UND-[1-9]/'; echo $?)" \
	"status $st" "$(diff o-csv.out o-db.out)" "$(cat err)"

# ibm-invite --visits with the database register: four semesters' visit
# papers at once, no number issued twice, none lost (4 letters to the
# same villages, each semester's with a number of its own, 2 Surat Tugas
# and 4 SPD per semester)
vd=$top/tests/data/visits
for s in 2025-04 2025-10 2026-04 2026-10; do
	sed "s/2025-04-/$s-/" "$vd/jadwal.csv" > "jadwal-$s.csv"
	ibm-invite -q -c "$vd/event.conf" -s nomor_awal= --visits "jadwal-$s.csv" \
		--staff "$vd/petugas.csv" -s "nomor_spd=SPD/{n}/{tahun}" -l "v$s.pdf" \
		--assignment "t$s.pdf" --spd "spd$s.pdf" --register visits.db > /dev/null 2> "errv$s" &
done
wait
ibm-db -D visits.db list letters > vl.csv 2> errv
n() { grep -c ",$1," vl.csv; }
dups=$(cut -d, -f5 vl.csv | sort | uniq -d | wc -l)
check "database register: visits runs at once, no number twice, none lost" \
	"$([ "$(n pemberitahuan)" = 16 ] && [ "$(n surat_tugas)" = 8 ] &&
	   [ "$(n spd)" = 16 ] && [ "$dups" = 0 ] &&
	   grep -q ',surat_tugas,8,Sgas/8/' vl.csv && grep -q ',spd,16,' vl.csv &&
	   grep -q ',pemberitahuan,16,B/16/' vl.csv
	   echo $?)" "duplicates $dups" "$(cat vl.csv errv*)"
