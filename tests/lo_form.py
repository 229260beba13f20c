"""The blank Monev form (ibm-monev --form) as LibreOffice reads it: on the
protected Formulir sheet every cell a person is asked to fill (each
numbered row, from the first identity column to the last indicator) is
unlocked and boxed on its four sides, the header row is locked; the form
prints (PDF) as LibreOffice prints it; then it is filled as an office
would, guided by each cell's own validation (a few rows, the first and the
last), and saved again by LibreOffice as xlsx for ibm-monev to read back.
Prints one line of figures per form; problems on stderr, exit 1.

usage: lo_form.py TMPDIR FORM.xlsx...   (writes TMPDIR/FORM.pdf, the form
as printed, and TMPDIR/FORM-filled.xlsx)"""
import os
import sys

import lo


def check(desk, form, pdf, filled):
    bad = []
    doc = lo.load(desk, form)
    sh = doc.Sheets.getByName("Formulir")
    if not sh.isProtected():
        bad.append("Formulir is not protected")
    cur = sh.createCursor()
    cur.gotoEndOfUsedArea(False)
    ncol = cur.RangeAddress.EndColumn + 1
    head = [sh.getCellByPosition(c, 0).getString() for c in range(ncol)]
    while ncol and not head[ncol - 1]:
        ncol -= 1
    head = head[:ncol]
    for c in range(ncol):
        if not sh.getCellByPosition(c, 0).CellProtection.IsLocked:
            bad.append("header %s is not locked" % head[c])
    rows = []
    r = 1
    while sh.getCellByPosition(0, r).getValue() == len(rows) + 1:
        rows.append(r)
        r += 1
    if not rows:
        bad.append("no numbered rows")
    ncell = 0
    for r in rows:
        for c in range(1, ncol):
            cell = sh.getCellByPosition(c, r)
            where = "%s row %d" % (head[c], r + 1)
            if cell.CellProtection.IsLocked:
                bad.append("%s: locked" % where)
            for side in ("TopBorder", "BottomBorder", "LeftBorder",
                         "RightBorder"):
                if getattr(cell, side).OuterLineWidth <= 0:
                    bad.append("%s: no %s" % (where, side))
            ncell += 1
    lo.store(doc, pdf, "calc_pdf_Export")
    # fill the first three rows and the last one
    pick = rows[:3] + rows[-1:] if len(rows) > 3 else rows
    for r in pick:
        n = sh.getCellByPosition(0, r).getValue()
        for c in range(1, ncol):
            cell = sh.getCellByPosition(c, r)
            if cell.getString():
                continue
            v = cell.Validation
            kind = v.Type.value
            if kind == "LIST":
                cell.setString("Ya" if (r + c) % 3 else "Tidak")
            elif kind == "DATE":
                lo_ = float(v.getFormula1() or 0)
                cell.setValue(lo_ + 14 + r % 60)
            elif kind == "WHOLE":
                if head[c] == "Tahun Berdiri":
                    cell.setValue(2018 + r % 5)
                else:
                    cell.setValue((r * c) % 9)
            elif head[c] == "Nama Unit":
                cell.setString("IBM Uji %d" % n)
            else:
                cell.setString("%s Uji %d" % (head[c], n))
    lo.store(doc, filled, "Calc MS Excel 2007 XML")
    doc.close(True)
    for b in bad[:20]:
        print("lo_form: %s: %s" % (form, b), file=sys.stderr)
    if len(bad) > 20:
        print("lo_form: %s: ... %d problems" % (form, len(bad)),
              file=sys.stderr)
    print("%s: %d rows, %d input cells unlocked and boxed; %d rows filled"
          % (os.path.basename(form), len(rows), ncell, len(pick)))
    return not bad


def main(argv):
    tmp, ok = argv[1], True
    with lo.office(tmp) as desk:
        for form in argv[2:]:
            base = os.path.join(tmp, os.path.basename(form)[:-5])
            ok = check(desk, form, base + ".pdf", base + "-filled.xlsx") \
                and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
