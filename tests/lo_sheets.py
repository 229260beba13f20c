"""Workbooks as LibreOffice lays them out (tests/lo.py): on every sheet
  - no text under a chart: a cell left of a chart, in the rows the chart
    covers, whose text (unwrapped, unmerged) runs on into the chart's
    place, or a cell with text inside the chart's place;
  - no wrapped cell cut: a row lower than LibreOffice's own optimal
    height for it (its wrapped, unmerged cells' lines);
  - with --tight, no row much taller than its text: a row made for two
    lines of text (15 points each, Excel's line) more than LibreOffice
    sets its wrapped text in.
Text widths are measured by LibreOffice itself (a scratch column's
optimal width). Prints one line per workbook; problems on stderr, exit 1.

usage: lo_sheets.py TMPDIR [--tight] BOOK.xlsx... [--loose BOOK.xlsx...]"""
import os
import sys

import lo

MM100 = 72 / 2540.0  # 1/100 mm in points
TEXT_COL = 1000      # the scratch column where a text's width is taken


def text_width(scratch, cell):
    """The width (1/100 mm) LibreOffice gives the cell's text."""
    c = scratch.getCellByPosition(TEXT_COL, 2)
    c.setString(cell.getString())
    for p in ("CharHeight", "CharWeight", "CharFontName"):
        c.setPropertyValue(p, cell.getPropertyValue(p))
    col = scratch.Columns.getByIndex(TEXT_COL)
    col.OptimalWidth = True
    w = col.Width
    c.setString("")
    return w


def merged(sh, cell):
    cur = sh.createCursorByRange(cell)
    cur.collapseToMergedArea()
    a = cur.RangeAddress
    return a.EndColumn > a.StartColumn or a.EndRow > a.StartRow


def optimal(scratch, cells, text=None):
    """The optimal height (1/100 mm) of a row of these cells' texts (or
    text) in their fonts, wrapped in their columns, set on the scratch
    sheet."""
    row = scratch.Rows.getByIndex(0)
    for c, cell in cells:
        t = scratch.getCellByPosition(c, 0)
        t.setString(cell.getString() if text is None else text)
        t.IsTextWrapped = True
        for p in ("CharHeight", "CharWeight", "CharFontName"):
            t.setPropertyValue(p, cell.getPropertyValue(p))
    row.OptimalHeight = True
    h = row.Height
    for c, cell in cells:
        scratch.getCellByPosition(c, 0).setString("")
    return h


def check_sheet(sh, scratch, tight, bad):
    cur = sh.createCursor()
    cur.gotoEndOfUsedArea(False)
    ncol = cur.RangeAddress.EndColumn + 1
    nrow = cur.RangeAddress.EndRow + 1
    for c in range(ncol):
        scratch.Columns.getByIndex(c).Width = sh.Columns.getByIndex(c).Width
    charts = []
    for i in range(sh.DrawPage.Count):
        shp = sh.DrawPage.getByIndex(i)
        charts.append((shp.Position.X, shp.Position.Y,
                       shp.Position.X + shp.Size.Width,
                       shp.Position.Y + shp.Size.Height))
    rows_seen = 0
    for r in range(nrow):
        row = sh.Rows.getByIndex(r)
        wrapped = []
        for c in range(ncol):
            cell = sh.getCellByPosition(c, r)
            if not cell.getString():
                continue
            x, y = cell.Position.X, cell.Position.Y
            w, h = cell.Size.Width, cell.Size.Height
            for (x0, y0, x1, y1) in charts:
                if y + h <= y0 or y >= y1:
                    continue
                if x0 <= x < x1:
                    bad.append("%s %s: under a chart: %r" % (
                        sh.Name, cell.AbsoluteName.split(".")[-1],
                        cell.getString()[:40]))
                elif x < x0 and not cell.IsTextWrapped and \
                        not merged(sh, cell) and \
                        x + text_width(scratch, cell) > x0:
                    bad.append("%s %s: runs under a chart: %r" % (
                        sh.Name, cell.AbsoluteName.split(".")[-1],
                        cell.getString()[:40]))
            if cell.IsTextWrapped and not merged(sh, cell):
                wrapped.append((c, cell))
        if not wrapped or not row.IsVisible:
            continue
        rows_seen += 1
        height = row.Height
        best = optimal(scratch, wrapped)
        if height < best - 20:  # 0.2 mm
            bad.append("%s row %d: %.1f pt, its text needs %.1f pt (cut)"
                       % (sh.Name, r + 1, height * MM100, best * MM100))
        elif tight:
            # lines: LibreOffice's, and those the row is made for (15
            # points each, as Excel sets a line of Calibri 11)
            one = optimal(scratch, wrapped[:1], "X")
            need = round(best / one)
            made = round(height * MM100 / 15)
            if made - need >= 2:
                bad.append("%s row %d: made for %d lines, its text takes "
                           "%d" % (sh.Name, r + 1, made, need))
    return rows_seen


def main(argv):
    tmp, tight, ok = argv[1], False, True
    with lo.office(tmp) as desk:
        for arg in argv[2:]:
            if arg in ("--tight", "--loose"):
                tight = arg == "--tight"
                continue
            doc = lo.load(desk, arg)
            doc.Sheets.insertNewByName("ibmkit-scratch", doc.Sheets.Count)
            scratch = doc.Sheets.getByName("ibmkit-scratch")
            bad, rows = [], 0
            for i in range(doc.Sheets.Count - 1):
                rows += check_sheet(doc.Sheets.getByIndex(i), scratch,
                                    tight, bad)
            doc.close(True)
            for b in bad[:15]:
                print("lo_sheets: %s: %s" % (os.path.basename(arg), b),
                      file=sys.stderr)
            if len(bad) > 15:
                print("lo_sheets: %s: ... %d problems" % (
                    os.path.basename(arg), len(bad)), file=sys.stderr)
            print("%s: %d rows of wrapped text%s" % (
                os.path.basename(arg), rows, ", problems" if bad else ""))
            ok = ok and not bad
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
