#!/bin/sh
# tests/db.t - ibm-db, the database Rehabilitasi, on the example pipeline's
# files: round trips (what goes in comes out of list and history the
# same), re-adding changes nothing, ibm-monev --db gives the workbook of
# all periods' forms, merging two offices' shared copies (and the same copy
# twice, a newer and an older copy, a conflict), a run killed in the
# middle of an add, two adds at once, a locked and a read-only database,
# the file read by the sqlite3 shell with the three queries of ibm-db(5),
# the examples of ibm-db(1), and the workbook of every table.
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-/usr/bin/python3}
PATH=$BUILD/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
echo "1..20"
i=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); echo "not ok $i - $1"; shift; for m; do echo "# $m"; done; }
check() { # check NAME CONDITION-STATUS DETAILS...
	n=$1 st=$2
	shift 2
	if [ "$st" = 0 ]; then ok "$n"; else notok "$n" "$@"; fi
}
# every list of a database, for comparing two states
lists() {
	for l in events people trainings units visits letters; do
		ibm-db -D "$1" list $l
	done
}
# same CSV FILE-A FILE-B KEY...: every column of A is in B with the same
# values, rows matched by the KEY columns (B may have more columns and
# more rows)
same() {
	"$PYTHON" - "$@" <<'EOF'
import csv, sys
a, b, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
ra = list(csv.DictReader(open(a, encoding="utf-8-sig")))
rb = {tuple(r[k] for k in keys): r
      for r in csv.DictReader(open(b, encoding="utf-8-sig"))}
bad = 0
for r in ra:
    s = rb.get(tuple(r[k] for k in keys))
    if s is None:
        print("missing", [r[k] for k in keys]); bad += 1; continue
    for k, v in r.items():
        if s.get(k) != v:
            print(k, repr(v), repr(s.get(k))); bad += 1
sys.exit(1 if bad else 0)
EOF
}

ex=$work/ex
cp -R "$top/examples" "$ex"
rm -rf "$ex/out"
OUT=$ex/out sh "$ex/pipeline.sh" > "$work/pipeline.log" 2>&1 ||
	sed 's/^/# /' "$work/pipeline.log" | tail -20
o=$ex/out
cd "$work" || exit 1
db=$work/office.sqlite

# 1-3: round trips
ibm-db -q -D "$db" add bimtek -c "$ex/bimtek/event.conf" \
	--participants "$o/peserta-id.csv" --scores "$o/kehadiran-nilai.csv" \
	--summary "$o/kehadiran-ringkasan.csv" \
	--certificates "$o/sertifikat.csv" 2> err
ibm-db -D "$db" list trainings > tr.csv
# the scores of the people on the list (not those "tidak terdaftar"),
# without ibm-score's match column (the status says it)
grep -v 'tidak terdaftar' "$o/kehadiran-nilai.csv" |
	"$PYTHON" -c 'import csv,sys
r = csv.DictReader(sys.stdin)
f = [c for c in r.fieldnames if c != "match"]
w = csv.DictWriter(sys.stdout, f, extrasaction="ignore", lineterminator="\n")
w.writeheader(); w.writerows(r)' > scores.csv
check "bimtek: list trainings gives the participants, scores and certificates back" \
	"$(same "$o/peserta-id.csv" tr.csv participant_id > d1 &&
	   [ "$(wc -l < tr.csv)" = "$(wc -l < "$o/peserta-id.csv")" ] &&
	   same scores.csv tr.csv participant_id > d2 &&
	   cut -d, -f2,13 "$o/sertifikat.csv" > certs.csv &&
	   same certs.csv tr.csv participant_id > d3; echo $?)" \
	"$(cat err d1 d2 d3 | head -5)"
ibm-db -D "$db" add monev "$o/monev-unit.csv" "$o/monev-unit-s2.csv"
ibm-db -D "$db" list visits > vi.csv
# (the second semester's CSV, made with --db, holds the first semester too)
ibm-db -D "$db" history --unit "ibm dasan geres" > hist.csv
check "monev: list visits and history give the per-unit CSV back, indicators too" \
	"$(same "$o/monev-unit.csv" vi.csv nama_unit desa_kelurahan periode > d1 &&
	   same "$o/monev-unit-s2.csv" vi.csv nama_unit desa_kelurahan periode >> d1 &&
	   [ "$(wc -l < vi.csv)" = "$(wc -l < "$o/monev-unit-s2.csv")" ] &&
	   [ "$(wc -l < hist.csv)" = 3 ]; echo $?)" \
	"$(head -5 d1)" "$(cat hist.csv)"
ibm-db -D "$db" add letters --office "BNNK Sumbawa" "$o/register.csv"
ibm-db -D "$db" list letters > le.csv
check "letters: list letters gives the register back" \
	"$(same "$o/register.csv" le.csv nomor > d1; echo $?)" "$(head -5 d1)"

# 4: adding everything again changes nothing
lists "$db" > before.csv
ibm-db -D "$db" check > check1.csv
ibm-db -q -D "$db" add bimtek -c "$ex/bimtek/event.conf" \
	--participants "$o/peserta-id.csv" --scores "$o/kehadiran-nilai.csv" \
	--summary "$o/kehadiran-ringkasan.csv" \
	--certificates "$o/sertifikat.csv" 2> /dev/null
ibm-db -D "$db" add monev "$o/monev-unit.csv" "$o/monev-unit-s2.csv"
ibm-db -D "$db" add letters --office "BNNK Sumbawa" "$o/register.csv"
lists "$db" > after.csv
ibm-db -D "$db" check > check2.csv
check "re-adding every file changes no row" \
	"$(cmp -s before.csv after.csv && cmp -s check1.csv check2.csv; echo $?)" \
	"$(diff before.csv after.csv | head -5)"

# 5: ibm-monev --db: the second semester's forms and the first from the
# database give the workbook of both semesters' forms
ibm-db -D m.sqlite add monev "$o/monev-unit.csv"
(cd "$ex/monev" &&
	ibm-monev -q -o "$work/all.xlsx" *.csv semester-2/*.csv > "$work/all.csv" &&
	ibm-monev -q --db "$work/m.sqlite" -o "$work/db.xlsx" semester-2/*.csv \
		> "$work/db.csv")
"$PYTHON" - all.xlsx db.xlsx > d1 <<'EOF'
import openpyxl, sys
a = openpyxl.load_workbook(sys.argv[1])
b = openpyxl.load_workbook(sys.argv[2])
bad = 0
if a.sheetnames != b.sheetnames:
    print("sheets", a.sheetnames, b.sheetnames); bad += 1
if "Perkembangan Unit" not in b.sheetnames:
    print("no Perkembangan Unit"); bad += 1
# Data lists the forms read, Catatan the input files; Ringkasan's
# "Baris formulir" counts the forms' rows
for n in a.sheetnames:
    if n in ("Data", "Catatan"):
        continue
    va = [[c.value for c in r] for r in a[n].iter_rows()]
    vb = [[c.value for c in r] for r in b[n].iter_rows()]
    for x, y in zip(va, vb):
        if x != y and x[0] != "Baris formulir":
            print(n, x, y); bad += 1
    if len(va) != len(vb):
        print(n, "rows", len(va), len(vb)); bad += 1
sys.exit(1 if bad else 0)
EOF
check "ibm-monev --db: the same workbook values and per-unit CSV as all forms" \
	"$([ $? = 0 ] && cmp -s all.csv db.csv; echo $?)" "$(head -5 d1)"

# 5b: ibm-report monev --db: the second semester's per-unit CSV alone and
# the first from the database give the report of both semesters (the
# phase movements); without --db the report differs
(export SOURCE_DATE_EPOCH=1719187200; cd "$ex/monev" && ibm-monev -q semester-2/*.csv > "$work/s2.csv" &&
	ibm-report monev -c event.conf --units "$work/all.csv" -o "$work/ra.docx" &&
	ibm-report monev -c event.conf --units "$work/s2.csv" \
		--db "$work/m.sqlite" -o "$work/rb.docx" &&
	ibm-report monev -c event.conf --units "$work/s2.csv" -o "$work/rc.docx") 2> e5b
st=$?
for r in ra rb rc; do unzip -p $r.docx word/document.xml > $r.xml; done
check "ibm-report monev --db: the report of all semesters from the latest one's CSV" \
	"$([ $st = 0 ] && [ "$(grep -c . s2.csv)" -lt "$(grep -c . all.csv)" ] &&
	   cmp -s ra.xml rb.xml && ! cmp -s ra.xml rc.xml; echo $?)" \
	"status $st" "$(cat e5b)"

# 6-10: a province merges its offices' shared copies
sumbawa() { # the rows of one satker of a per-unit CSV
	awk -F, -v s="$2" 'NR == 1 || $3 == s' "$1"
}
A=$work/a.sqlite B=$work/b.sqlite P=$work/p.sqlite
ibm-db -q -D "$A" add bimtek -c "$ex/bimtek/event.conf" \
	--participants "$o/peserta-id.csv" --scores "$o/kehadiran-nilai.csv" \
	2> /dev/null
sumbawa "$o/monev-unit.csv" "BNNK Sumbawa Barat" > a-s1.csv
ibm-db -D "$A" add monev a-s1.csv
sumbawa "$o/monev-unit.csv" "BNNK Lombok Timur" > b-s1.csv
ibm-db -D "$B" add monev b-s1.csv
ibm-db -D "$B" add bimtek -c "$top/tests/data/db/event.conf" \
	-s "satker=BNNK Lombok Timur" --participants "$top/tests/data/db/peserta-id.csv"
ibm-db -D "$A" export --share a-share.sqlite
ibm-db -D "$B" export --share b-share.sqlite
ibm-db -D "$P" merge a-share.sqlite b-share.sqlite > conflicts1.csv 2> err
ibm-db -D "$P" list visits | cut -d, -f3,6,10 | sort > p-visits.csv
{ ibm-db -D "$A" list visits; ibm-db -D "$B" list visits; } |
	grep -v '^provinsi' | cut -d, -f3,6,10 | sort > ab-visits.csv
phones=$(ibm-db -D "$P" list people | cut -d, -f8,9 | grep -c '[0-9@]')
check "merge of two offices' shared copies: all their rows, no phones or e-mails" \
	"$([ "$(wc -l < conflicts1.csv)" = 1 ] && [ ! -s err ] &&
	   grep -v '^satker' p-visits.csv | cmp -s - ab-visits.csv &&
	   [ "$(ibm-db -D "$P" list events | wc -l)" = 3 ] && [ "$phones" = 0 ]; echo $?)" \
	"$(cat err conflicts1.csv | head -5)" "phones: $phones"
sqlite3 "$P" .dump > dump1.sql
ibm-db -D "$P" merge a-share.sqlite a-share.sqlite > conflicts2.csv 2> err
sqlite3 "$P" .dump > dump2.sql
check "the same copy merged again changes nothing" \
	"$(cmp -s dump1.sql dump2.sql && [ ! -s err ]; echo $?)" \
	"$(diff dump1.sql dump2.sql | head -5)" "$(cat err)"
# another office with the same unit and period, other data: a conflict;
# the same data: none
C=$work/c.sqlite
sed 's/^\(Nusa Tenggara Barat,Kabupaten Sumbawa Barat,\)BNNK Sumbawa Barat,\(Taliwang,Kuang,.*\),66.6,Berkembang,/\1BNNP NTB,\2,70.2,Berkembang,/;
     s/^\(Nusa Tenggara Barat,Kabupaten Sumbawa Barat,\)BNNK Sumbawa Barat,\(Jereweh,\)/\1BNNP NTB,\2/' a-s1.csv |
	grep -e '^provinsi' -e 'BNNP NTB' > c-s1.csv
ibm-db -D "$C" add monev c-s1.csv
ibm-db -D "$C" export --share c-share.sqlite
cp "$P" p2.sqlite
ibm-db -D "$P" merge c-share.sqlite > conflicts3.csv 2> err
kuang=$(sqlite3 -separator , "$P" "SELECT satker, skor_total FROM visits WHERE
	nama_unit = 'IBM Kuang Bersinar' AND periode = '2024-S1'")
check "a unit and period from two offices with other data: reported, not overwritten" \
	"$(grep -q 'c-share.sqlite,BNNP NTB,BNNK Sumbawa Barat,Nusa Tenggara Barat,Kabupaten Sumbawa Barat,Kuang,IBM Kuang Bersinar,2024-S1' conflicts3.csv &&
	   [ "$(wc -l < conflicts3.csv)" = 2 ] && [ "$(grep -c warning err)" = 1 ] &&
	   [ "$kuang" = "BNNK Sumbawa Barat,66.6" ]; echo $?)" \
	"$(cat conflicts3.csv err)" "kuang: $kuang"
sqlite3 p2.sqlite .dump > dump3.sql
ibm-db -D p2.sqlite merge --strict c-share.sqlite > /dev/null 2> err; st=$?
sqlite3 p2.sqlite .dump > dump4.sql
check "merge --strict: a conflict is an error and nothing is merged" \
	"$([ $st = 65 ] && cmp -s dump3.sql dump4.sql; echo $?)" "status $st" "$(cat err)"
# a newer copy of an office replaces its rows; the older one is refused
sed 's/,Goa,IBM Goa Sehat,\(.*\),2022,2024-S1,/,Goa,IBM Goa Sehat Bersinar,\1,2022,2024-S1,/' \
	a-s1.csv > a-s1-new.csv
ibm-db -D "$A" add monev a-s1-new.csv
ibm-db -D "$A" export --share a-share2.sqlite
ibm-db -D "$P" merge a-share2.sqlite > /dev/null 2> err
goa1=$(ibm-db -D "$P" list visits --office "BNNK Sumbawa Barat" | grep -c 'IBM Goa Sehat Bersinar')
ibm-db -D "$P" merge a-share.sqlite > /dev/null 2> err2
goa2=$(ibm-db -D "$P" list visits --office "BNNK Sumbawa Barat" | grep -c 'IBM Goa Sehat Bersinar')
check "a newer copy replaces the office's rows, an older one is left out" \
	"$([ "$goa1" = 1 ] && [ "$goa2" = 1 ] && grep -q 'older copy' err2; echo $?)" \
	"goa: $goa1 $goa2" "$(cat err err2)"

# 11: killed in the middle of an add, after it wrote into the file: the
# database is as it was (SQLite's journal takes it back)
"$PYTHON" - big.csv 40000 <<'EOF'
import sys
n = int(sys.argv[2])
ind = ["v%02d" % k for k in range(20)]
with open(sys.argv[1], "w") as f:
    f.write("provinsi,kabupaten_kota,satker,kecamatan,desa_kelurahan,"
            "nama_unit,tanggal_monev,petugas,periode,skor_total,fase,"
            + ",".join(ind) + "\n")
    for k in range(1, n + 1):
        f.write("Nusa Tenggara Barat,Kabupaten %d,BNNK %d,Kecamatan %d,"
                "Desa %d,IBM Unit %d,2024-06-%02d,Petugas %d,2024-S1,%d.5,"
                "Rintisan,%s\n" % (k % 10, k % 10, k % 50, k, k, k % 28 + 1,
                                   k % 9, k % 100, ",".join(str(k % (j + 3))
                                   for j in range(20))))
EOF
lists "$db" > before.csv
size0=$(wc -c < "$db")
mkfifo fifo
ibm-db -D "$db" add monev fifo 2> err & pid=$!
exec 3> fifo
head -30001 big.csv >&3
# until the add has written pages into the database file itself
n=0
while [ $n -lt 300 ] && [ "$(wc -c < "$db")" = "$size0" ]; do
	sleep 0.1
	n=$((n + 1))
done
kill -9 $pid
wait $pid 2> /dev/null
exec 3>&-
grew=$([ "$(wc -c < "$db")" != "$size0" ] && echo yes)
hot=$([ -s "$db-journal" ] && echo yes)
lists "$db" > after.csv
ibm-db -D "$db" check > check.csv
check "killed in the middle of an add: the database as it was" \
	"$([ "$grew" = yes ] && [ "$hot" = yes ] && cmp -s before.csv after.csv &&
	   grep -q '^integrity,ok' check.csv && [ "$(wc -c < "$db")" = "$size0" ] &&
	   [ ! -e "$db-journal" ]; echo $?)" \
	"file grew: $grew, journal left: $hot" "$(diff before.csv after.csv | head -3)"

# 12-13: two adds at once both land (on a new file); a run that finds the
# database held waits, then gives up with 75 and changes nothing
T2=$work/two.sqlite
rm -f fifo
mkfifo fifo
ibm-db -D "$T2" add bimtek -c "$top/tests/data/db/event.conf" \
	--participants fifo 2> err1 & p1=$!
sleep 0.5
ibm-db -D "$T2" add bimtek -c "$top/tests/data/db/event-nov.conf" \
	--participants "$top/tests/data/db/peserta-nov.csv" 2> err2 & p2=$!
ibm-db -D "$T2" -w 1 add letters "$top/tests/data/db/register.csv" \
	2> err3; st3=$?
cat "$top/tests/data/db/peserta-id.csv" > fifo
wait $p1; st1=$?
wait $p2; st2=$?
check "two adds at once both land" \
	"$([ $st1 = 0 ] && [ $st2 = 0 ] &&
	   [ "$(ibm-db -D "$T2" list events | wc -l)" = 3 ] &&
	   [ "$(ibm-db -D "$T2" list trainings | wc -l)" = 9 ]; echo $?)" \
	"status $st1 $st2" "$(cat err1 err2)"
check "a database held longer than --wait: status 75, nothing added" \
	"$([ $st3 = 75 ] && grep -q 'locked by another run (waited 1 s)' err3 &&
	   [ "$(ibm-db -D "$T2" list letters | wc -l)" = 1 ]; echo $?)" \
	"status $st3" "$(cat err3)"

# 14: a read-only database: the add is refused (73), reading works
mkdir ro
cp "$db" ro/ro.sqlite
chmod 755 ro "$work"
chmod 444 ro/ro.sqlite
sum=$(cksum < ro/ro.sqlite)
if [ "$(id -u)" = 0 ]; then
	as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
	as() { "$@"; }
fi
as "$BUILD/bin/ibm-db" -D ro/ro.sqlite add letters \
	"$top/tests/data/db/register.csv" 2> err; st=$?
as "$BUILD/bin/ibm-db" -D ro/ro.sqlite list events > ro-events.csv 2> err2
check "a read-only database: add refused with 73, unchanged, list works" \
	"$([ $st = 73 ] && grep -q 'cannot write: the file is read-only' err &&
	   [ "$(cksum < ro/ro.sqlite)" = "$sum" ] && [ -s ro-events.csv ]; echo $?)" \
	"status $st" "$(cat err err2)"

# 15-16: the sqlite3 shell reads the file: the tables, and the three
# queries of ibm-db(5) on the example database
sqlite3 "$o/rehabilitasi.sqlite" .tables > tables.txt 2>&1
sqlite3 "$o/rehabilitasi.sqlite" "PRAGMA foreign_key_check; PRAGMA integrity_check; PRAGMA application_id" > pragma.txt 2>&1
check "the sqlite3 shell reads the tables" \
	"$(for t in events event_stats letters offices people schema_version trainings units visit_values visits merges; do
		grep -qw $t tables.txt || exit 1; done
	   [ "$(cat pragma.txt)" = "$(printf 'ok\n1229081931')" ]; echo $?)" \
	"$(cat tables.txt pragma.txt)"
awk '/^\.Sh EXAMPLES/ { on = 1 } /^\.Sh SEE/ { on = 0 }
	on && /^\.Bd/ { n++; next } on && /^\.Ed/ { next }
	on && n && !/^\./ { print > ("query" n ".sql") }' "$top/man/ibm-db.5"
bad=""
for q in query1.sql query2.sql query3.sql; do
	rows=$(sqlite3 -csv "$o/rehabilitasi.sqlite" < $q 2>&1 | grep -c .)
	[ "$rows" -ge 1 ] || bad="$bad $q:$rows"
done
check "ibm-db(5)'s three queries run in the sqlite3 shell and find rows" \
	"$([ -f query3.sql ] && [ -z "$bad" ]; echo $?)" "$bad"

# 17: the examples of ibm-db(1), run as written in a copy of examples/
rm -f "$ex/rehabilitasi.sqlite"
awk '/^\.Sh EXAMPLES/ { on = 1 } /^\.Sh SEE/ { on = 0 }
	on && /^\.Bd/ { b = 1; next } on && /^\.Ed/ { b = 0; next }
	on && b { gsub(/\\e/, "\\"); print }' "$top/man/ibm-db.1" > man-examples.sh
if (cd "$ex" && sh -e "$work/man-examples.sh") > man.out 2> man.err; then
	st=0
else
	st=1
fi
check "the examples of ibm-db(1) run" \
	"$([ $st = 0 ] && grep -q 'Syamsul Bahri' man.out &&
	   [ -s "$ex/rekap.xlsx" ] && [ -s "$ex/bnnk-sumbawa.sqlite" ]; echo $?)" \
	"$(tail -5 man.err)"

# 18: the workbook of every table: a sheet per list with its rows, the
# header repeated on every page, A4 landscape, owner-only
ibm-db -D "$o/rehabilitasi.sqlite" export book.xlsx
for l in events trainings people units visits letters; do
	ibm-db -D "$o/rehabilitasi.sqlite" list $l | "$PYTHON" -c \
		'import csv,sys; print(sum(1 for _ in csv.reader(sys.stdin)) - 1)'
done > counts.txt
"$PYTHON" - book.xlsx counts.txt > d1 <<'EOF'
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
want = [int(x) for x in open(sys.argv[2])]
names = ["Bimtek", "Peserta Bimtek", "Orang", "Unit", "Monev", "Surat"]
bad = 0
if wb.sheetnames != names:
    print(wb.sheetnames); bad += 1
for n, w in zip(names, want):
    ws = wb[n]
    rows = ws.max_row - 3
    if rows != w:
        print(n, "rows", rows, "want", w); bad += 1
    if ws.print_title_rows not in ("3:3", "$3:$3") or ws.page_setup.orientation != "landscape" \
       or ws.page_setup.paperSize not in (9, "9"):
        print(n, ws.print_title_rows, ws.page_setup.orientation,
              ws.page_setup.paperSize); bad += 1
# dates are dates, numbers numbers
c = wb["Bimtek"]["A4"].value
if not hasattr(c, "year"):
    print("tanggal_mulai", repr(c)); bad += 1
sys.exit(1 if bad else 0)
EOF
st=$?
check "export: every table a sheet of its rows, print-ready, owner-only" \
	"$([ $st = 0 ] && [ "$(stat -c %a book.xlsx)" = 600 ]; echo $?)" \
	"$(cat d1)"

# 20: a database of schema version 1 (made by ibmkit before version 2,
# tests/data/db/version1.sqlite): merged as an office's copy it is read as
# it is, never written (no upgrade of somebody else's file); read-only, it
# is read as it is; opened with -D it is upgraded, with the same rows
cp "$top/tests/data/db/version1.sqlite" v1copy.sqlite
cp "$top/tests/data/db/version1.sqlite" v1own.sqlite
cp "$top/tests/data/db/version1.sqlite" ro/v1.sqlite
chmod 444 ro/v1.sqlite
rosum=$(cksum < ro/v1.sqlite)
as ibm-db -D ro/v1.sqlite list trainings > v1ro.csv 2> v1ro.err; rost=$?
sum=$(cksum < v1copy.sqlite)
before=$(sqlite3 -csv v1own.sqlite "SELECT * FROM trainings ORDER BY event_id, no" 2>&1)
ibm-db -q -D merged1.sqlite merge v1copy.sqlite > merge1.csv 2> merge1.err; st=$?
after=$(ibm-db -D v1own.sqlite list trainings 2> v1own.err | "$PYTHON" -c \
	'import csv,sys; print(sum(1 for _ in csv.reader(sys.stdin)) - 1)')
check "a version-1 database: merged unchanged, upgraded with its rows as -D" \
	"$([ $st = 0 ] && [ "$(cksum < v1copy.sqlite)" = "$sum" ] &&
	   [ "$(sqlite3 v1copy.sqlite 'SELECT max(version) FROM schema_version')" = 1 ] &&
	   [ "$(sqlite3 merged1.sqlite 'SELECT count(*) FROM trainings')" = \
	     "$(sqlite3 v1copy.sqlite 'SELECT count(*) FROM trainings')" ] &&
	   [ "$(sqlite3 v1own.sqlite 'SELECT max(version) FROM schema_version')" = 2 ] &&
	   [ "$after" -ge 1 ] && [ $rost = 0 ] &&
	   [ "$(cksum < ro/v1.sqlite)" = "$rosum" ] &&
	   [ "$(($(wc -l < v1ro.csv) - 1))" = "$after" ] &&
	   [ "$(sqlite3 -csv v1own.sqlite "SELECT * FROM trainings ORDER BY event_id, no")" = "$before" ]; echo $?)" \
	"status $st, read-only $rost" "$(cat merge1.err v1own.err v1ro.err)"
