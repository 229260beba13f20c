#!/bin/sh
# doc/pictures.sh - the README's pictures of the documents, made from the
# examples: the first page of the PDF letters, the first page of the
# attendance workbook (daftar hadir), and one sheet of each workbook, as
# small PNGs in doc/img/. Run by `make pictures`; needs soffice
# (LibreOffice) and pdftoppm (poppler-utils).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
img=$top/doc/img
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$img"
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1719187200} OUT=$tmp/ex \
	sh "$top/examples/pipeline.sh" >/dev/null 2>&1
HOME=$tmp soffice -env:UserInstallation="file://$tmp/lo" --headless \
	--convert-to pdf --outdir "$tmp" "$tmp/ex/daftar-hadir.xlsx" \
	"$tmp/ex/hasil-tes.xlsx" "$tmp/ex/monev.xlsx" "$tmp/ex/evaluasi.xlsx" \
	>/dev/null 2>&1
# NAME PDF PAGE
shot() {
	pdftoppm -png -r 40 -f "$3" -l "$3" -singlefile "$2" "$img/$1"
}
shot undangan "$tmp/ex/undangan.pdf" 1
shot sertifikat "$tmp/ex/sertifikat.pdf" 1
shot daftar-hadir "$tmp/daftar-hadir.pdf" 1
shot hasil-tes "$tmp/hasil-tes.pdf" 1
shot hasil-tes-butir "$tmp/hasil-tes.pdf" 3
shot monev "$tmp/monev.pdf" 1
shot monev-fase "$tmp/monev.pdf" 8
shot evaluasi "$tmp/evaluasi.pdf" 1
# the first page of the speakers' sheet
p=1
while ! pdftotext -f $p -l $p "$tmp/evaluasi.pdf" - 2>/dev/null |
	grep -q "Penilaian Narasumber"; do
	p=$((p + 1))
	[ $p -le 20 ] || exit 1
done
shot evaluasi-narasumber "$tmp/evaluasi.pdf" $p
ls -l "$img"
