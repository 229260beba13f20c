"""Fill the blank form of ibm-monev --form as an office would (a value of
the right kind in every input cell, guided by the sheet's own data
validation) and save it as xlsx and, as Excel's "Save As CSV" does, as
CSV with d/m/y dates.  usage: form_fill.py FORM.xlsx OUT.xlsx OUT.csv"""
import csv, datetime, sys
import openpyxl
from openpyxl.utils import get_column_letter

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
assert ws.title == "Formulir", ws.title
rules = {}
for dv in ws.data_validations.dataValidation:
    for rng in dv.sqref.ranges:
        for col in range(rng.min_col, rng.max_col + 1):
            rules[col] = dv
ncol = ws.max_column
row = 2
while ws.cell(row, 7).value:
    for col in range(8, ncol + 1):
        dv = rules.get(col)
        if col == 9:
            ws.cell(row, col).value = "Petugas %d" % row
        elif dv is None:
            continue
        elif dv.type == "date":
            ws.cell(row, col).value = datetime.datetime(2024, 6, 10 + row)
        elif dv.type == "list":
            ws.cell(row, col).value = "Ya" if (row + col - 1) % 3 else "Tidak"
        elif dv.type == "whole" and col != 10:
            ws.cell(row, col).value = (row * (col - 1)) % 9
    row += 1
wb.save(sys.argv[2])
with open(sys.argv[3], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    for r in ws.iter_rows(values_only=True):
        if all(v is None for v in r[1:]):
            continue
        w.writerow(["" if v is None else
                    v.strftime("%d/%m/%Y") if isinstance(v, datetime.datetime)
                    else v for v in r])
