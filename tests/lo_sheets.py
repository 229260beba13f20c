"""Workbooks as LibreOffice lays them out (tests/lo.py): on every sheet
  - no text under a chart: a cell left of a chart, in the rows the chart
    covers, whose text (unwrapped, unmerged) runs on into the chart's
    place, or a cell with text inside the chart's place;
  - no wrapped cell cut: a row lower than LibreOffice's own optimal
    height for it (its wrapped, unmerged cells' lines);
  - every chart's value axis titled (LibreOffice's chart model: the Y
    axis, drawn across in a bar chart);
  - no word broken: a wrapped cell (a header) narrower than one of its
    words, which LibreOffice and Excel then break inside the word
    ("Penjangkaua/n");
  - with --tight, rows sized for Excel, neither too low nor much too
    tall: the lines a row is made for (its height in Excel's lines, 15
    points for Calibri 11) are at least the lines LibreOffice wraps its
    text in (Excel's column is 5.7 % narrower, so it takes as many or
    more: fewer would cut the text in Excel) and at most one more.
    LibreOffice's lines are counted from its own line heights (11.2
    points a line for Carlito 11, after a first line of 13.8), so such a
    row is still about a third taller than LibreOffice's own optimal
    height: that part is Excel's line, not a line too many.
Wrapped cells merged across one row count with their merged width. Text
widths are measured by LibreOffice itself (a scratch column's optimal
width). Prints one line per workbook; problems on stderr, exit 1.

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


WORDS = {}


def words_broken(scratch, width, cell):
    """The words of a wrapped cell that LibreOffice breaks: a word alone
    in the cell's width and font taller than one line (each word, width
    and font tried once)."""
    font = tuple(cell.getPropertyValue(p)
                 for p in ("CharHeight", "CharWeight", "CharFontName"))
    one = WORDS.get(font)
    if one is None:
        one = WORDS[font] = optimal(scratch, [(10000, cell)], "X")
    out = []
    for word in cell.getString().replace("/", "/ ").split():
        key = (word, width) + font
        h = WORDS.get(key)
        if h is None:
            h = WORDS[key] = optimal(scratch, [(width, cell)], word)
        if h > one + 20:
            out.append(word)
    return out


def merged(sh, cell):
    cur = sh.createCursorByRange(cell)
    cur.collapseToMergedArea()
    a = cur.RangeAddress
    return a.EndColumn > a.StartColumn or a.EndRow > a.StartRow


def wrapped_cells(sh, r, ncol):
    """The row's wrapped cells with text: (width, cell), a cell merged
    across this row only with the merged width; cells merged over
    several rows are left out (their height is shared)."""
    out = []
    for c in range(ncol):
        cell = sh.getCellByPosition(c, r)
        if not cell.IsTextWrapped or not cell.getString():
            continue
        width = sh.Columns.getByIndex(c).Width
        if merged(sh, cell):
            cur = sh.createCursorByRange(cell)
            cur.collapseToMergedArea()
            a = cur.RangeAddress
            if a.EndRow != a.StartRow:
                continue
            width = sum(sh.Columns.getByIndex(k).Width
                        for k in range(a.StartColumn, a.EndColumn + 1))
        out.append((width, cell))
    return out


def optimal(scratch, cells, text=None):
    """The optimal height (1/100 mm) of a row of these cells' texts (or
    text) in their fonts, wrapped in their widths, set on the scratch
    sheet."""
    row = scratch.Rows.getByIndex(0)
    for j, (width, cell) in enumerate(cells):
        scratch.Columns.getByIndex(j).Width = width
        t = scratch.getCellByPosition(j, 0)
        t.setString(cell.getString() if text is None else text)
        t.IsTextWrapped = True
        for p in ("CharHeight", "CharWeight", "CharFontName"):
            t.setPropertyValue(p, cell.getPropertyValue(p))
    row.OptimalHeight = True
    h = row.Height
    for j in range(len(cells)):
        scratch.getCellByPosition(j, 0).setString("")
    return h


LINE_TABLES = {}


def lines_of(scratch, cell, height):
    """How many of LibreOffice's lines in cell's font make height."""
    key = tuple(cell.getPropertyValue(p)
                for p in ("CharHeight", "CharWeight", "CharFontName"))
    table = LINE_TABLES.get(key)
    if table is None:
        table = LINE_TABLES[key] = []
    k = 0
    while True:
        if k == len(table):
            table.append(optimal(scratch, [(10000, cell)],
                                 "\n".join(["X"] * (k + 1))))
        if table[k] >= height - 20 or k > 200:
            return k + 1
        k += 1


def check_sheet(sh, scratch, tight, bad):
    cur = sh.createCursor()
    cur.gotoEndOfUsedArea(False)
    ncol = cur.RangeAddress.EndColumn + 1
    nrow = cur.RangeAddress.EndRow + 1
    charts = []
    for i in range(sh.DrawPage.Count):
        shp = sh.DrawPage.getByIndex(i)
        charts.append((shp.Position.X, shp.Position.Y,
                       shp.Position.X + shp.Size.Width,
                       shp.Position.Y + shp.Size.Height))
    for i in range(sh.Charts.Count):
        ch = sh.Charts.getByIndex(i)
        model = ch.EmbeddedObject
        if not model.Diagram.HasYAxisTitle or \
                not model.Diagram.YAxisTitle.String.strip():
            bad.append("%s: chart %r: its value axis has no title" % (
                sh.Name, model.Title.String if model.HasMainTitle
                else ch.Name))
    rows_seen = 0
    for r in range(nrow):
        row = sh.Rows.getByIndex(r)
        for c in range(ncol) if charts else ():
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
        if not row.IsVisible:
            continue
        wrapped = wrapped_cells(sh, r, ncol)
        if not wrapped:
            continue
        rows_seen += 1
        for width, cell in wrapped:
            for word in words_broken(scratch, width, cell):
                bad.append("%s %s: %r broken inside (column %.1f mm)"
                           % (sh.Name, cell.AbsoluteName.split(".")[-1],
                              word, width / 100.0))
        height = row.Height
        best = optimal(scratch, wrapped)
        if height < best - 20:  # 0.2 mm
            bad.append("%s row %d: %.1f pt, its text needs %.1f pt (cut)"
                       % (sh.Name, r + 1, height * MM100, best * MM100))
        elif tight:
            # the lines the row is made for, in Excel's line of its
            # largest font (15 points for 11), and LibreOffice's lines
            big = max(wrapped, key=lambda wc: wc[1].CharHeight)[1]
            made = round(height * MM100 / (15 * big.CharHeight / 11))
            need = lines_of(scratch, big, best)
            if made < need:
                bad.append("%s row %d: made for %d lines, LibreOffice "
                           "takes %d (Excel, narrower, cuts it)"
                           % (sh.Name, r + 1, made, need))
            elif made - need >= 2:
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
