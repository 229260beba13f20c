"""Which rows of an ibm-monev workbook's Data sheets count, read back with
openpyxl: per Data row its source line, period, Dihitung cell, and how
the sheet's conditional formats show it (grey, struck through, italic),
the formulas evaluated here for the row; then the legend below the rows.

usage: $PYTHON counted.py FILE.xlsx
"""
import re
import sys

import openpyxl


def rules(ws):
    out = []
    for rng, rs in ws.conditional_formatting._cf_rules.items():
        for r in rs:
            out.append((rng.sqref, r))
    return out


def looks(ws, row, col, cfs):
    """The conditional font of cell (row, col): the rules whose range
    holds it and whose formula ($Mn<>"Ya") is true for its row."""
    got = []
    for sqref, r in cfs:
        if not any(c.min_row <= row <= c.max_row and
                   c.min_col <= col <= c.max_col for c in sqref.ranges):
            continue
        m = re.fullmatch(r'\$([A-Z]+)(\d+)<>"Ya"', r.formula[0])
        first = min(c.min_row for c in sqref.ranges)
        ref = "%s%d" % (m.group(1), int(m.group(2)) + row - first)
        if ws[ref].value != "Ya":
            f = r.dxf.font
            got.append("%s%s%s" % (
                "abu-abu(%s)" % f.color.rgb[-6:] if f.color else "",
                " dicoret" if f.strike else "",
                " miring" if f.i else ""))
    return "; ".join(got) or "biasa"


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    for ws in wb.worksheets:
        if not ws.title.startswith("Data"):
            continue
        print("== %s" % ws.title)
        head = [c.value for c in ws[1]]
        col = {h: i + 1 for i, h in enumerate(head)}
        cfs = rules(ws)
        for sqref, r in cfs:
            print("cf: %s %s" % (sqref, r.formula))
        last = ws.max_row
        for row in range(2, last + 1):
            src = ws.cell(row, col["Sumber"]).value
            if src is None:
                continue
            if ws.cell(row, col["Baris"]).value is None:
                # the legend
                print("legend: %s | %s | sample font: %s" % (
                    src, ws.cell(row, 3).value,
                    "abu-abu dicoret" if ws.cell(row, 1).font.strike
                    else "biasa"))
                continue
            print("%s:%s %s %s | Dihitung=%r | row: %s | Dihitung cell: %s"
                  % (src.split("/")[-1], ws.cell(row, col["Baris"]).value,
                     ws.cell(row, col["Nama Unit"]).value,
                     ws.cell(row, col["Periode"]).value,
                     ws.cell(row, col["Dihitung"]).value,
                     looks(ws, row, col["Nama Unit"], cfs),
                     looks(ws, row, col["Dihitung"], cfs)))


main()
