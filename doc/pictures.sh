#!/bin/sh
# doc/pictures.sh - the README's pictures of the documents, made from the
# examples: the first page of the PDF letters, the first page of the
# attendance workbook (daftar hadir), one sheet of each workbook and the
# first page of the Bimtek report, as small PNGs in doc/img/. Run by `make pictures`; needs soffice
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
	"$tmp/ex/laporan-bimtek.docx" >/dev/null 2>&1
# NAME PDF PAGE
shot() {
	pdftoppm -png -r 40 -f "$3" -l "$3" -singlefile "$2" "$img/$1"
}
# the first page of PDF that shows TEXT
first_page() {
	p=1
	while ! pdftotext -f $p -l $p "$1" - 2>/dev/null | grep -q "$2"; do
		p=$((p + 1))
		[ $p -le 40 ] || exit 1
	done
	echo $p
}
shot undangan "$tmp/ex/undangan.pdf" 1
shot sertifikat "$tmp/ex/sertifikat.pdf" 1
shot daftar-hadir "$tmp/daftar-hadir.pdf" 1
shot hasil-tes "$tmp/hasil-tes.pdf" 1
shot hasil-tes-butir "$tmp/hasil-tes.pdf" 3
shot monev "$tmp/monev.pdf" 1
shot monev-fase "$tmp/monev.pdf" \
	"$(first_page "$tmp/monev.pdf" "Fase Perkembangan Unit IBM")"
shot laporan-bimtek "$tmp/laporan-bimtek.pdf" 1
shot evaluasi "$tmp/evaluasi.pdf" 1
shot daftar-nominatif "$tmp/ex/daftar-nominatif.pdf" 1
shot kuitansi "$tmp/ex/kuitansi.pdf" 1
# the first page of the speakers' sheet
shot evaluasi-narasumber "$tmp/evaluasi.pdf" \
	"$(first_page "$tmp/evaluasi.pdf" "Penilaian Narasumber")"
ls -l "$img"
