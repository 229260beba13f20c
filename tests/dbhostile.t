#!/bin/sh
# tests/dbhostile.t - ibm-db on database files it did not make or that
# were changed behind its back, made with the sqlite3 shell here: files
# that are not SQLite (text, empty, a zip), a truncated and a damaged
# one, another program's, one of a later version, our tables changed
# (types, NULLs written past NOT NULL, a cell of 10 MB, text that is not
# UTF-8, a table replaced by a view calling functions, a trigger that
# writes). Each file is read by list, check, history, find, export
# (and --share) and ibm-monev --db, added to, and merged into a good
# database. Every run ends without a crash (no
# signal, no sanitizer report), with status 0 or a sysexits status and
# then one line `ibm-db: FILE: reason`; the -D file is the same byte for
# byte after a failed run (after any run of a reader) and a failed export
# leaves no file. The files a run must refuse are refused (65).
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$top/build}
PYTHON=${PYTHON:-/usr/bin/python3}
PATH=$BUILD/bin:$PATH
data=$top/tests/data/db
# KEEP=DIR: the files made in DIR, kept (tests/fuzz/corpus.sh takes seeds)
work=${KEEP:-$(mktemp -d)}
trap '[ -n "$KEEP" ] || rm -rf "$work"' EXIT INT TERM
cd "$work" || exit 1
if ! command -v sqlite3 > /dev/null; then
	echo "1..0 # SKIP the sqlite3 shell is not installed"
	exit 0
fi
i=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); echo "not ok $i - $1"; shift; for m; do echo "# $m"; done; }

# ------------------------------------------------------------ the files
# good.sqlite: one bimtek with scores and certificates, a semester of
# Monev, a register of letters (BNNK Sumbawa, BNNK Sumbawa Barat)
ibm-db -q -D good.sqlite add bimtek -c "$data/event.conf" \
	--participants "$data/peserta-id.csv" --scores "$data/nilai.csv" \
	--certificates "$data/sertifikat.csv" 2> /dev/null &&
ibm-db -D good.sqlite add monev "$data/unit-s1.csv" &&
ibm-db -D good.sqlite add letters --office "BNNK Sumbawa" \
	"$data/register.csv" || { echo "Bail out! cannot make good.sqlite"; exit 1; }
# the province's database the copies are merged into
printf 'tanggal,jenis,urut,nomor\n2024-06-03,sprin,7,Sprin/7/VI/2024/BNNP-NTB\n' > reg.csv
ibm-db -D prov.sqlite add letters --office "BNNP NTB" reg.csv ||
	{ echo "Bail out! cannot make prov.sqlite"; exit 1; }
# pages of 512 bytes: small files (seeds of tests/fuzz/fuzz_db_file.c)
sqlite3 good.sqlite 'PRAGMA page_size = 512; VACUUM'
pagesize=$(sqlite3 good.sqlite 'PRAGMA page_size')
size=$(wc -c < good.sqlite)

# hostile NAME SQL: a copy of good.sqlite changed by SQL in the shell
hostile() {
	cp good.sqlite "$1.sqlite" && sqlite3 "$1.sqlite" "$2" ||
		echo "Bail out! cannot make $1.sqlite"
}
# unguarded NAME SQL: SQL run with the NOT NULL constraints taken out of
# the schema and put back afterwards (what another program can do with
# writable_schema: the schema reads as ibm-db's)
unguarded() {
	cp good.sqlite "$1.sqlite" && sqlite3 "$1.sqlite" "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '') WHERE type = 'table'" &&
	sqlite3 "$1.sqlite" "$2" && sqlite3 "$1.sqlite" "ATTACH 'good.sqlite' AS g;
PRAGMA writable_schema = ON; UPDATE main.sqlite_master SET sql = (SELECT
sql FROM g.sqlite_master k WHERE k.name = sqlite_master.name) WHERE
type = 'table'" || echo "Bail out! cannot make $1.sqlite"
}

printf 'participant_id,nama\nIBM-1,Siti\n' > text.sqlite
: > empty.sqlite
printf 'PK\005\006\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' > zip.sqlite
head -c $((size / 2 + 100)) good.sqlite > truncated.sqlite
# every page but the first overwritten in its middle
cp good.sqlite damaged.sqlite
p=1
while [ $((p * pagesize)) -lt "$size" ]; do
	printf '\377\376\375\374%.0s' $(seq 64) |
		dd of=damaged.sqlite bs=1 seek=$((p * pagesize + 100)) \
			conv=notrunc 2> /dev/null
	p=$((p + 1))
done
sqlite3 otherapp.sqlite 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO notes (body) VALUES ('"'"'hello'"'"')'
sqlite3 ourid.sqlite 'PRAGMA application_id = 1229081931;
CREATE TABLE schema_version (version, applied, program);
CREATE TABLE trainings (x)'
hostile noversion 'DELETE FROM schema_version'
hostile later "INSERT INTO schema_version VALUES (99, '2030-01-01', 'ibmkit 9')"
hostile coltypes "PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'pre_score REAL', 'pre_score BLOB') WHERE name = 'trainings'"
hostile types "UPDATE trainings SET pre_score = 'banyak', no = 'satu', \
nama = x'00ff', post_score = x'0102', certificate_number = 12;
UPDATE visits SET dimonev = 'ya', skor_total = 'tinggi', periode = 2024;
UPDATE visit_values SET value = x'00';
UPDATE offices SET updated = 5;
UPDATE letters SET urut = 'x', tanggal = 3.5"
unguarded nulls "UPDATE trainings SET nama = NULL, status = NULL, \
pre_score = NULL; UPDATE events SET acara = NULL, tanggal_mulai = NULL, \
office = NULL; UPDATE people SET nama = NULL, seen = NULL;
UPDATE visits SET periode = NULL, satker = NULL, dimonev = NULL;
UPDATE offices SET updated = NULL;
UPDATE letters SET nomor = NULL"
hostile huge "UPDATE trainings SET nama = printf('%.*c', 10000000, 'x') WHERE no = 1"
hostile long "UPDATE trainings SET nama = printf('%.*c', 40000, 'y') WHERE no = 1"
hostile badutf8 "UPDATE trainings SET nama = CAST(x'c328a0a1fffe' AS TEXT), \
certificate_number = CAST(x'53455254c0' AS TEXT);
UPDATE visit_values SET column_name = CAST(x'ff' AS TEXT) || column_name;
UPDATE letters SET nomor = CAST(x'e282' AS TEXT) || nomor"
hostile view "DROP TABLE letters; CREATE VIEW letters (letter_id, office, \
tanggal, jenis, urut, nomor, kepada, hal, added) AS SELECT 1, \
load_extension('/nonexistent'), 2, 3, 4, 5, 6, 7, 8"
hostile viewfn "DROP TABLE letters; CREATE VIEW letters (letter_id, office, \
tanggal, jenis, urut, nomor, kepada, hal, added) AS SELECT 1, \
ibm_key('x'), 2, 3, 4, 5, 6, 7, 8"
hostile trigger "CREATE TRIGGER wipe AFTER INSERT ON events BEGIN \
DELETE FROM letters; END; CREATE TRIGGER wipe2 AFTER DELETE ON events BEGIN \
DELETE FROM letters; END"
hostile extraview "CREATE VIEW siapa AS SELECT nama FROM people"
hostile wal "PRAGMA journal_mode = WAL" > /dev/null

# the files every run must refuse (65); the others may be read
refused="text zip truncated otherapp ourid noversion later coltypes view
viewfn trigger"

# ------------------------------------------------------------- the runs
# run NAME FILE DBFILE ARGS...: ibm-db -D DBFILE ARGS... judged; DBFILE
# must be unchanged when the run fails (always for FILE's readers)
run() {
	name=$1 file=$2 db=$3
	shift 3
	cp "$db" before.sqlite
	rm -f out.xlsx out.sqlite
	if [ "$1" = ibm-monev ]; then
		"$@" > out.csv 2> err
	else
		ibm-db -D "$db" "$@" > out.csv 2> err
	fi
	st=$?
	why=
	if [ "$st" -ge 128 ] || grep -q 'Sanitizer\|runtime error' err; then
		why="crashed (status $st)"
	elif [ "$st" != 0 ] && { [ "$st" -lt 64 ] || [ "$st" -gt 78 ]; } &&
		! { [ "$st" = 1 ] && [ "$1" = find -o "$1" = history ]; }; then
		why="status $st, not a sysexits status"
	elif [ "$st" = 1 ]; then
		[ "$(wc -l < err)" = 1 ] || why="status 1, $(wc -l < err) lines"
	elif [ "$st" != 0 ] && [ "$(wc -l < err)" != 1 ]; then
		why="status $st with $(wc -l < err) lines of messages"
	elif [ "$st" != 0 ] && ! grep -q "^ibm-[a-z]*: \(\.\/\)\?$file\(:[0-9]*\)\?: " err; then
		why="status $st, the message does not name $file"
	elif [ "$st" != 0 ] && ! cmp -s before.sqlite "$db"; then
		why="failed and changed $db"
	elif [ "$db" = "$file" ] && [ "$1" != add ] &&
		! cmp -s before.sqlite "$db"; then
		why="a reader changed $db"
	elif [ "$st" != 0 ] && [ -e out.xlsx -o -e out.sqlite ]; then
		why="failed and left its output"
	elif [ -e out.xlsx ] && ! "$PYTHON" - out.xlsx "$file $1" > err 2>&1 <<'EOF'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
text = ""
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        try:
            xml.dom.minidom.parseString(z.read(n))
        except Exception as e:
            sys.exit("%s: %s" % (n, e))
        text += z.read(n).decode()
if sys.argv[2] == "long.sqlite export" and "y" * 32767 not in text:
    sys.exit("the long cell is not there")
EOF
	then
		why="a workbook that is not well-formed XML"
	else
		case " $(echo $refused) " in
		*" ${file%.sqlite} "*) [ "$st" = 65 ] || why="status $st, not 65" ;;
		esac
	fi
	if [ -z "$why" ]; then
		ok "$name: status $st"
	else
		notok "$name: $why" "$(head -3 err)"
	fi
}

for f in text empty zip truncated damaged otherapp ourid noversion later \
	coltypes types nulls huge long badutf8 view viewfn trigger extraview wal; do
	run "$f: list trainings" $f.sqlite $f.sqlite list trainings
	run "$f: list visits" $f.sqlite $f.sqlite list visits
	run "$f: check" $f.sqlite $f.sqlite check
	run "$f: history --person" $f.sqlite $f.sqlite history --person "Siti Rahmawati"
	run "$f: find" $f.sqlite $f.sqlite find SERT/001/VI/RH.00.00/2024/BNNK-SBW
	run "$f: export" $f.sqlite $f.sqlite export out.xlsx
	run "$f: export --share" $f.sqlite $f.sqlite export --share out.sqlite
	cp $f.sqlite into.sqlite
	run "$f: add letters" into.sqlite into.sqlite add letters --office \
		"BNNK Sumbawa" "$data/register.csv"
	run "$f: ibm-monev --db" $f.sqlite $f.sqlite ibm-monev -q --db $f.sqlite \
		-o out.xlsx "$top"/examples/monev/semester-2/*.csv
	cp prov.sqlite into.sqlite
	run "$f: merged into a good database" $f.sqlite into.sqlite merge $f.sqlite
done
echo "1..$i"
