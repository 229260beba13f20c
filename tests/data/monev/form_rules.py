"""Print what a person sees of ibm-monev's blank form: sheets, header,
pre-filled rows, protection, frozen panes and every data validation rule
(read with openpyxl).  usage: form_rules.py FORM.xlsx"""
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
print("sheets:", ", ".join(ws.title for ws in wb.worksheets))
ws = wb["Formulir"]
print("header:", " | ".join(str(c.value) for c in ws[1]))
print("header locked:", all(c.protection.locked for c in ws[1]))
print("sheet protected:", bool(ws.protection.sheet))
print("frozen:", ws.freeze_panes)
print("print titles:", ws.print_title_rows)
print("print columns:", ws.print_title_cols)
r = 2
while ws.cell(r, 7).value:
    print("row %d:" % r, " | ".join("" if c.value is None else str(c.value)
                                    for c in ws[r][:10]),
          "| filled cells unlocked:",
          not any(c.protection.locked for c in ws[r][1:]
                  if c.value is not None))
    r += 1
# the rows to fill: numbered in column A, every other cell unlocked and
# boxed (openpyxl reads the cells' own styles; tests/lo_form.py asks
# LibreOffice)
n = 0
while ws.cell(n + 2, 1).value == n + 1:
    n += 1
boxed = all(not c.protection.locked and c.border.left.style and
            c.border.right.style and c.border.top.style and
            c.border.bottom.style
            for row in ws.iter_rows(min_row=2, max_row=n + 1, min_col=2)
            for c in row)
print("numbered rows: %d, input cells unlocked and boxed: %s" % (n, boxed))
for dv in sorted(ws.data_validations.dataValidation, key=lambda d: str(d.sqref)):
    print("rule %s: %s %s %s %s | %s | %s | %s | %s" % (
        dv.sqref, dv.type, dv.operator or "", dv.formula1 or "",
        dv.formula2 or "", dv.promptTitle, dv.prompt, dv.errorTitle,
        dv.error))
g = wb["Petunjuk"]
for row in g.iter_rows(values_only=True):
    vals = [str(v) for v in row if v is not None]
    if vals:
        print("petunjuk:", " | ".join(vals))
