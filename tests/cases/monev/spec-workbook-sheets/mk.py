"""mk.py SPEC.csv PHASES.csv OUT.xlsx: one workbook as an office keeps it,
a notes sheet first, then the spec and the phases on their own sheets
below a title row."""
import csv
import sys

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Petunjuk'
ws['A1'] = 'Isi lembar Indikator dan Fase; jangan ubah judul kolom.'
for name, src in (('Indikator', sys.argv[1]), ('Fase', sys.argv[2])):
    ws = wb.create_sheet(name)
    ws['A1'] = 'DAFTAR ' + name.upper() + ' MONEV IBM'
    with open(src, newline='', encoding='utf-8') as f:
        for i, row in enumerate(csv.reader(f)):
            for j, v in enumerate(row):
                ws.cell(row=i + 3, column=j + 1, value=v)
wb.save(sys.argv[3])
